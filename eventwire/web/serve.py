"""``eventwire serve``: the HTTP API and web UI over a store, run by uvicorn.

FastAPI and uvicorn are imported inside the command, so registering it keeps ``eventwire --help``
fast.
"""

from __future__ import annotations

import ipaddress

import click

from eventwire.cli_options import db_option, require_db

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="EVENTWIRE_TOKEN", show_envvar=True,
              help="Bearer token that POST /api/articles must send (default: no token needed).")
def serve_command(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the HTTP API (/api/...) and the web UI (/) for the events in --db.

    The database's reports are merged (incrementally) at startup and after every posted article.
    The API's schema is at /openapi.json; /docs shows it in Swagger UI (loaded from a CDN).

    Example: eventwire serve --db eventwire.db --port 8000
    """
    from eventwire.errors import EventwireError

    require_db(db)
    loopback = is_loopback(host)
    if not loopback and not token:
        click.echo(f"warning: listening on {host} without --token: anyone who can reach this port "
                   "can add articles (POST /api/articles)", err=True)
    try:
        import uvicorn

        from .api import create_app

        app = create_app(db, token=token or None,
                         allowed_hosts=(*LOOPBACK_NAMES, host) if loopback else None)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire serving {db} on http://{shown}:{port}/ "
               "(API docs: /docs, schema: /openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


__all__ = ["serve_command"]
