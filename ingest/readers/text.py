"""Plain text and Markdown: decode the bytes, split into lines. Structure is the parser's job."""

from __future__ import annotations

from rancang.errors import InputError
from rancang.ingest.readers import Document

#: Encodings tried in order. UTF-8 (with or without BOM) is the norm; UTF-16 files carry a BOM; cp1252 covers
#: texts saved by Windows Notepad in "ANSI". Anything else is refused rather than guessed wrongly.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, name: str = "") -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise InputError(f"{name or 'berkas'}: bukan berkas teks, PDF, atau DOCX yang dapat dibaca.")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name or 'berkas'}: pengodean teks tidak dikenali (bukan UTF-8); simpan ulang sebagai UTF-8."
        ) from exc
    # cp1252 decodes almost anything; accept it only when the result reads like Latin text.
    odd = sum(1 for ch in text if ord(ch) > 0x7F)
    if odd > max(20, len(text) // 50):
        raise InputError(f"{name or 'berkas'}: pengodean teks tidak dikenali (bukan UTF-8); simpan ulang sebagai UTF-8.")
    return text


def read(data: bytes, name: str = "") -> Document:
    text = decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    return Document(lines=text.split("\n"), format="txt")
