"""`wirewatch serve`: the REST API and the dashboard (issue 7)."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import signal
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from wirewatch.cli.options import DbOption
from wirewatch.console import err_console
from wirewatch.errors import ConfigError

if TYPE_CHECKING:
    from wirewatch.config import Settings


def serve_cmd(
    db: DbOption,
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Keep the default "
                                      "(loopback) unless the API token is set.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port (0: any free one).")] = 8000,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Host that `POST /api/articles {\"url\": ...}` may fetch although the SSRF "
                             "guard would block it (repeatable; adds to allow_hosts).")] = None,
    token_env: Annotated[str, typer.Option(
        "--token-env", help="Environment variable holding the API token that write endpoints need "
                            "(never pass the token itself on the command line).")] = "WIREWATCH_API_TOKEN",
    read_requires_token: Annotated[bool, typer.Option(
        "--read-requires-token", help="Require the token on read endpoints too.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Server processes sharing "
                                         "the port (use the number of cores under load).")] = 1,
) -> None:
    """Serve the REST API (/api/..., reference at /api/docs) and the dashboard at /.

    Without a token, write endpoints (adding articles, editing rules) answer 403; reads are open
    unless --read-requires-token. Stop with Ctrl-C.
    """
    import uvicorn

    from wirewatch.api import create_app
    from wirewatch.cli import settings as load
    from wirewatch.storage import open_store

    settings = _server_settings(load(), db, allow_host or [], token_env, read_requires_token)
    sock = _bind(host, port)
    open_store(settings.db).close()     # migrate once, and fail early (exit 5) if the database is wrong
    _announce(host, sock.getsockname()[1], bool(settings.api_token))

    def run_server() -> None:
        store = open_store(settings.db, migrate=False)
        try:
            config = uvicorn.Config(create_app(settings, store), log_level="warning", access_log=False,
                                    lifespan="off")
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            store.close()

    try:
        if workers == 1:
            run_server()
        else:
            _run_forked(run_server, workers)
    finally:
        sock.close()


def _run_forked(target: Callable[[], None], workers: int) -> None:
    """Run ``target`` in ``workers`` forked processes sharing the listening socket; stop them together."""
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:   # child: its own database connections, default signal handling
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            try:
                target()
            finally:
                os._exit(0)
        children.append(pid)

    def forward(signum: int, _frame: object) -> None:
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        for child in children:
            while True:
                try:
                    os.waitpid(child, 0)
                    break
                except InterruptedError:
                    continue
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _server_settings(base: object, db: str, allow_hosts: list[str], token_env: str,
                     read_requires_token: bool) -> Settings:
    from wirewatch.config import Settings

    assert isinstance(base, Settings)
    token = os.environ.get(token_env) or base.api_token
    if token_env != "WIREWATCH_API_TOKEN" and not os.environ.get(token_env):
        raise ConfigError(f"--token-env {token_env}: that environment variable is not set.",
                          hint=f"export {token_env}=<a long random string>")
    api = base.api.model_copy(update={"read_requires_token": read_requires_token or
                                      base.api.read_requires_token})
    return base.model_copy(update={"db": db, "api_token": token or None, "api": api,
                                   "allow_hosts": [*base.allow_hosts, *allow_hosts]})


def _bind(host: str, port: int) -> socket.socket:
    """Listen before the app starts, so a busy port is a clear error (exit 3), not a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # accepted connections inherit it: no 40 ms Nagle/delayed-ACK stall on keep-alive connections
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}.",
                          hint="Choose another --port, or stop the program using it.") from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _announce(host: str, port: int, has_token: bool) -> None:
    shown = f"[{host}]" if ":" in host else host
    err_console.print(f"wirewatch dashboard at http://{shown}:{port}/  (API reference: "
                      f"http://{shown}:{port}/api/docs)", highlight=False, markup=False, soft_wrap=True)
    if not has_token:
        err_console.print("no API token set: write endpoints are disabled (set WIREWATCH_API_TOKEN).",
                          highlight=False, markup=False, soft_wrap=True)
    if not _is_loopback(host):
        err_console.print(f"warning: listening on {host}, reachable from other machines.",
                          highlight=False, markup=False, soft_wrap=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    """Add `serve` to the app."""
    app.command("serve")(serve_cmd)
