"""``rancang serve``: start the web app on this machine (http://127.0.0.1:8000 by default).

Any bind address other than this machine's own needs an access token: ``$RANCANG_TOKEN`` (at least 16
characters, else the command refuses to start), or, when none is set, a fresh one from :mod:`secrets` that the
command prints with the address to open. Requests must name this machine or the ``--host`` given (DNS rebinding).
"""

from __future__ import annotations

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

DB_HELP = "Berkas basis data korpus (bawaan: folder data pengguna, atau $RANCANG_DB)."


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
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
