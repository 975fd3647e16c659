"""``sidelines serve`` and ``sidelines demo`` as an operator meets them: a busy port is one clear
error before anything is served, HEAD answers like GET, and a terminated demo leaves no
temporary database behind."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sidelines.api import create_app
from sidelines.cli import app
from sidelines.settings import Settings

runner = CliRunner()


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port another server is listening on."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield int(server.getsockname()[1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_on_a_busy_port_fails_before_saying_serving(busy_port: int, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    result = runner.invoke(app, ["serve", "--port", str(busy_port), "--db", db])
    assert result.exit_code == 2
    assert "serving" not in result.output
    [line] = [line for line in result.stderr.splitlines() if "[E062]" in line]
    assert f"127.0.0.1:{busy_port}" in line and "--port" in line
    assert "Traceback" not in result.output


def test_demo_on_a_busy_port_fails_before_ingesting(busy_port: int) -> None:
    result = runner.invoke(app, ["demo", "--port", str(busy_port)])
    assert result.exit_code == 2 and "[E062]" in result.stderr
    assert "ingesting" not in result.output


@pytest.mark.parametrize(
    "path", ["/vendor/plotly.min.js", "/static/app.css", "/", "/meetings", "/api/v1/stats"]
)
def test_head_answers_like_get_without_a_body(tmp_path: Path, path: str) -> None:
    client = TestClient(create_app(Settings(db_url=f"sqlite:///{tmp_path / 'empty.db'}")))
    got, head = client.get(path), client.head(path)
    assert got.status_code == head.status_code == 200, path
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.headers["content-type"] == got.headers["content-type"]


def _start_demo(port: int) -> tuple[subprocess.Popen[str], Path]:
    env = {k: v for k, v in os.environ.items() if k != "SIDELINES_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sidelines", "demo", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()  # "ingesting the sample documents into <folder>/demo.db ..."
    found = re.search(r"into (\S+)/demo\.db", first)
    assert found, first
    return proc, Path(found.group(1))


@pytest.mark.parametrize("when", ["ingesting", "serving"])
def test_terminated_demo_removes_its_database(when: str) -> None:
    port = _free_port()
    proc, folder = _start_demo(port)
    try:
        assert folder.is_dir()
        if when == "serving":
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=1).is_success:
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            else:
                pytest.fail("the demo did not start serving")
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert not folder.exists(), f"{folder} left behind"
