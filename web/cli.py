"""``rancang serve``: start the web app on this machine (http://127.0.0.1:8000 by default).

Any bind address other than this machine's own needs an access token in ``$RANCANG_TOKEN``; without it the
command refuses to start, so a bureau's corpus is never open to its whole network by accident.
"""

from __future__ import annotations

from pathlib import Path

import click

from rancang.errors import RancangError
from rancang.web.config import ENV_TOKEN, Config, needs_token, token_from_env

DB_HELP = "Berkas basis data korpus (bawaan: folder data pengguna, atau $RANCANG_DB)."


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan. Selain komputer ini sendiri, wajib ada token di $RANCANG_TOKEN.")
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
      RANCANG_TOKEN=rahasia rancang serve --host 0.0.0.0
    """
    token = token_from_env()
    if needs_token(host) and not token:
        raise RancangError(f"alamat {host} dapat dijangkau komputer lain; tetapkan token akses di ${ENV_TOKEN} "
                           "terlebih dahulu, atau jalankan tanpa --host (hanya komputer ini).")
    try:
        import uvicorn

        from rancang.web.app import create_app
    except ImportError as exc:
        raise RancangError("paket web belum terpasang; jalankan: pip install 'rancang[web]'.") from exc
    app = create_app(Config(db=db, workdir=workdir, max_upload=max_upload * 1024 * 1024, token=token))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"rancang berjalan di http://{shown}:{port}" + (" (dengan token akses)" if token else "")
               + " — tekan Ctrl+C untuk berhenti.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
