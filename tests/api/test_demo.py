"""`sidelines demo` as a first-time user runs it: the samples are served, every page answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

pytestmark = pytest.mark.slow  # a server process that ingests the samples


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_demo_serves_every_page_with_the_samples() -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "SIDELINES_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sidelines", "demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/v1/stats", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        stats = httpx.get(f"{base}/api/v1/stats", timeout=10).json()
        assert stats["meetings"] >= 5 and stats["documents"] >= 5
        meeting = httpx.get(f"{base}/api/v1/meetings", params={"limit": 1}).json()["data"][0]
        pages = ["/", "/meetings", "/network", "/actors", "/documents", "/search?q=Lavrov"]
        pages += [f"/meetings/{meeting['id']}", f"/review/meeting/{meeting['id']}"]
        for page in pages:
            response = httpx.get(f"{base}{page}", timeout=30)
            assert response.status_code == 200, page
            assert "text/html" in response.headers["content-type"]
        assert "Lavrov" in httpx.get(f"{base}/meetings", timeout=30).text
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    token_lines = [line for line in err.splitlines() if "review token for this demo:" in line]
    assert token_lines and len(token_lines[0].split(": ", 1)[1]) >= 16
