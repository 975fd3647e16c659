"""``sidelines serve``, ``sidelines demo`` and ``sidelines reviews ...``: thin wrappers, whose
bodies import the library they wrap when they run, as the commands of :mod:`sidelines.cli` do."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from sidelines.errors import SidelinesError
from sidelines.settings import Settings

if TYPE_CHECKING:
    from sidelines.store import Store

err_console = Console(stderr=True)
reviews_app = typer.Typer(
    help="Analysts' reviews of extracted facts.", no_args_is_help=True, rich_markup_mode=None
)


class PortInUseError(SidelinesError):
    """The address ``serve`` or ``demo`` was asked to listen on is taken or cannot be had."""

    code = "E062"


def _fail(error: SidelinesError) -> typer.Exit:
    err_console.print(f"[red]error[/red] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def check_port(host: str, port: int) -> None:
    """Raise :class:`PortInUseError` unless a server could listen on ``host:port`` now (checked
    before "serving" is printed: uvicorn would print its own traceback-like lines and exit)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as err:
            reason = err.strerror or str(err)
            raise PortInUseError(
                f"cannot listen on {host}:{port}: {reason}; is another server running there? "
                "Choose another port with --port"
            ) from None


@contextmanager
def _exit_on_termination() -> Iterator[None]:
    """SIGTERM and SIGINT end the process by unwinding (``SystemExit``), so ``with`` blocks
    clean up; their default action kills it on the spot (uvicorn re-raises the signal it caught
    once it has stopped)."""

    def leave(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, leave) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run(
    settings: Settings, host: str, port: int, store: Store | None = None, workers: int = 1
) -> None:
    from sidelines.api import create_app

    try:
        import uvicorn

        app = create_app(settings, store)
    except ImportError:
        raise _fail(SidelinesError('serving needs uvicorn: pip install "sidelines[api]"')) from None
    except SidelinesError as error:
        raise _fail(error) from None
    try:
        check_port(host, port)
    except PortInUseError as error:
        raise _fail(error) from None
    if not app.state.store.counts()["documents"]:
        err_console.print(
            "the database holds no documents yet: sidelines ingest PATH... --db URL",
            highlight=False,
        )
    writes = "on (bearer token)" if settings.writable else "off (no SIDELINES_TOKEN)"
    err_console.print(
        f"serving http://{host}:{port}/  (API http://{host}:{port}/api/v1/docs; writes {writes})",
        highlight=False,
    )
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # worker processes build their own app from the environment: hand the settings over there
    os.environ.update(settings.as_env())
    uvicorn.run(
        "sidelines.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def serve(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default $SIDELINES_DB_URL or ./sidelines.db)."),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help="Bearer token for write routes (default, and safer: $SIDELINES_TOKEN; none: writes are off).",
        ),
    ] = None,
    cors: Annotated[
        list[str] | None,
        typer.Option("--cors", help="An origin allowed to call the API (repeatable)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Server processes (reads scale with cores).")
    ] = 1,
) -> None:
    """Serve the REST API (/api/v1) and the dashboard over a corpus database."""
    settings = Settings.load(db_url=db, token=token, cors_origins=cors or None)
    _run(settings, host, port, workers=workers)


def demo(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
) -> None:
    """Ingest the bundled samples into a temporary database and serve it; the review page
    works with a one-time token printed here (the database is thrown away on exit)."""
    from sidelines.api.demo import build_demo_store

    try:
        check_port(host, port)  # before the samples are ingested, not after
    except PortInUseError as error:
        raise _fail(error) from None
    with _exit_on_termination(), tempfile.TemporaryDirectory(prefix="sidelines-demo-") as folder:
        db_path = Path(folder) / "demo.db"
        err_console.print(f"ingesting the sample documents into {db_path} ...", highlight=False)
        try:
            store = build_demo_store(db_path)
        except SidelinesError as error:
            raise _fail(error) from None
        configured = Settings.load().token
        token = configured or secrets.token_urlsafe(16)
        if not configured:
            err_console.print(f"review token for this demo: {token}", highlight=False)
        settings = Settings(db_url=f"sqlite:///{db_path}", token=token)
        _run(settings, host, port, store)


@reviews_app.command("export-gold")
def export_gold_cli(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write <doc>.json gold files into.")],
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
) -> None:
    """Write confirmed and corrected facts as gold files for 'sidelines evaluate --gold'."""
    from sidelines.store import Store
    from sidelines.store.reviews import export_gold

    try:
        written = export_gold(Store.open(db), out_dir)
    except SidelinesError as error:
        raise _fail(error) from None
    sys.stdout.write(f"wrote {len(written)} gold files to {out_dir}\n")
