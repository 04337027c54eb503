"""``rancang serve``: start the web app on this machine (http://127.0.0.1:8000 by default).

Any bind address other than this machine's own needs an access token: ``$RANCANG_TOKEN`` (at least 16
characters, else the command refuses to start), or, when none is set, a fresh one from :mod:`secrets` that the
command prints with the address to open. Requests must name this machine or the ``--host`` given (DNS rebinding).
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import click

from rancang.errors import RancangError, install_extra
from rancang.web.config import Config, check_token, needs_token, new_token, reachable_names, token_from_env

#: why the web app cannot start, when the optional ``[web]`` extra (fastapi, uvicorn, jinja2) is not installed
MISSING: ImportError | None = None
try:
    import uvicorn

    from rancang.web.app import create_app
except ImportError as exc:  # pragma: no cover - the test extras install [web]
    MISSING = exc

def port_refusal(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on, as one Indonesian sentence, or None when it can: checked by binding
    a socket the way uvicorn does (``SO_REUSEADDR``), before the address is announced."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        return f"alamat {host} tidak dikenal; pakai alamat komputer ini, misalnya --host 127.0.0.1."
    family, kind, proto, _name, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return (f"port {port} sudah dipakai program lain (mungkin rancang yang sudah berjalan); "
                    f"pilih port lain, misalnya --port {port + 1 if port < 65535 else 8000}.")
        if exc.errno == errno.EACCES:
            return f"port {port} hanya boleh dipakai administrator; pilih port di atas 1023, misalnya --port 8000."
        if exc.errno == errno.EADDRNOTAVAIL:
            return f"alamat {host} bukan alamat komputer ini; pakai --host 127.0.0.1 atau --host 0.0.0.0."
        return f"port {port} di alamat {host} tidak dapat dipakai ({exc.strerror or exc})."
    return None


DB_HELP = "Berkas basis data korpus (bawaan: folder data pengguna, atau $RANCANG_DB)."


@click.command("serve")
@click.option("--host", metavar="ALAMAT", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan. Selain komputer ini sendiri, akses memakai token ($RANCANG_TOKEN, "
                   "atau token acak yang dicetak saat mulai).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Nomor port.")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--max-upload", type=click.IntRange(1, 1024), default=40, show_default=True,
              help="Batas ukuran berkas unggahan, dalam MB.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder kerja aplikasi untuk berkas hasil (bawaan: folder sementara baru).")
def serve(host: str, port: int, db: str | None, max_upload: int, workdir: Path | None) -> None:
    """Jalankan aplikasi web rancang di peramban (Baca, Cari, Bandingkan, Susun, Surat, Model).

    \b
    Contoh:
      rancang serve                      # lalu buka http://127.0.0.1:8000
      rancang serve --host 0.0.0.0       # token acak dicetak; bagikan alamat bertoken ke rekan
    """
    token = token_from_env()
    if token is not None:
        check_token(token)
    made = needs_token(host) and token is None
    if made:
        token = new_token()
    if MISSING is not None:
        raise RancangError("paket web belum terpasang; " + install_extra("web") + ".") from MISSING
    refusal = port_refusal(host, port)
    if refusal:
        raise RancangError(refusal)
    names = reachable_names(host)
    app = create_app(Config(db=db, workdir=workdir, max_upload=max_upload * 1024 * 1024, token=token,
                            hosts=names))
    shown = names[0] if names else host
    shown = f"[{shown}]" if ":" in shown else shown
    click.echo(f"rancang berjalan di http://{shown}:{port}" + (" (dengan token akses)" if token else "")
               + " — tekan Ctrl+C untuk berhenti.", err=True)
    if len(names) > 1:
        click.echo("Alamat yang diterima: " + ", ".join(names) + " (dan komputer ini sendiri).", err=True)
    if made:
        click.echo(f"Token akses: {token}\nBuka: http://{shown}:{port}/?token={token}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
