"""``rancang model``: the sistem-kerja model of one regulation, as JSON, a Markdown memo or a Mermaid
diagram."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("model")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas keluaran; tanpa opsi ini hasil ditulis ke layar.")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "mermaid"]), default="json",
              show_default=True,
              help="json: model lengkap (skema sistemkerja); md: ringkasan untuk memo; mermaid: diagram.")
def model(source: Path, out: Path | None, fmt: str) -> None:
    """Susun model sistem kerja dari SOURCE (berkas peraturan atau pohon JSON hasil `rancang ingest`).

    Model memuat letak pengaturan tiap materi, prinsip, komponen, bentuk penugasan, lingkup pelaksanaan tugas,
    peran beserta tugas dan garis pelaporannya, prosedur penugasan langkah demi langkah, dan surat yang
    diperlukan; setiap butir disertai rujukan pasal atau Lampiran.
    """
    from rancang.ingest import ingest_path
    from rancang.model import build
    from rancang.model.render import to_markdown, to_mermaid

    from rancang import schema

    reg = ingest_path(source)
    data = build(reg)
    schema.validate("sistemkerja", data)
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        text = to_markdown(data)
    else:
        text = to_mermaid(data)
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        from rancang.errors import InputError

        raise InputError(f"{out}: berkas keluaran tidak dapat ditulis ({exc.strerror}).") from exc
    click.echo(f"Model ditulis ke {out} ({len(data['roles'])} peran, {len(data['procedures'])} prosedur, "
               f"{len(data['documents'])} dokumen).", err=True)
