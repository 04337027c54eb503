"""Plain text and Markdown: decode the bytes, split into lines. Structure is the parser's job."""

from __future__ import annotations

from typing import Any

from rancang.errors import InputError
from rancang.ingest.readers.document import Document

#: Encodings tried in order. UTF-8 (with or without BOM) is the norm; UTF-16 files carry a BOM; cp1252 covers
#: texts saved by Windows Notepad in "ANSI". Anything else is refused rather than guessed wrongly.
#: UTF-32 BOMs come first: the little-endian one begins with the UTF-16 one.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, name: str = "") -> str:
    """The text of ``data``: by its BOM, else UTF-16 without BOM (NULs), UTF-8, or Latin-looking cp1252 (line by
    line where UTF-8 and cp1252 lines are mixed: :func:`decode_with_warnings`).

    Raises InputError for a file whose bytes do not fit the encoding its BOM names (a UTF-16 file cut to an odd
    length, a lone surrogate), for binary data, and for an encoding we cannot tell."""
    return decode_with_warnings(data, name)[0]


def decode_with_warnings(data: bytes, name: str = "") -> tuple[str, list[dict[str, Any]]]:
    """:func:`decode`, and a warning when the encoding was decided line by line: a UTF-8 text into which some
    lines were pasted from a Windows "ANSI" (cp1252) file ("\x93lihat lampiran\x94") is read with each line in
    its own encoding, never wholly as cp1252 (which turns every "—" of the UTF-8 lines into "â€”")."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), []
            except UnicodeDecodeError:
                raise InputError(f"{name or 'berkas'}: teks {enc.upper()} rusak (terpotong atau memuat karakter "
                                 "yang tidak sah); simpan ulang sebagai UTF-8.") from None
    if b"\x00" in data:
        return _utf16_without_bom(data, name), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    unknown = f"{name or 'berkas'}: pengodean teks tidak dikenali (bukan UTF-8); simpan ulang sebagai UTF-8."
    parts: list[str] = []
    ansi: list[int] = []
    utf8 = 0
    for no, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
            utf8 += not raw.isascii()
        except UnicodeDecodeError:
            try:
                line = raw.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise InputError(unknown) from exc
            ansi.append(no)
        parts.append(line)
    text = "\n".join(parts)
    # cp1252 decodes almost anything; accept it only when the result reads like Latin text.
    odd = sum(1 for no in ansi for ch in parts[no - 1] if ord(ch) > 0x7F)
    if odd > max(20, len(text) // 50):
        raise InputError(unknown)
    if not utf8:
        return text, []  # a cp1252 ("ANSI") file throughout
    shown = ", ".join(str(no) for no in ansi[:5]) + (" ..." if len(ansi) > 5 else "")
    return text, [{"kind": "mixed_encoding", "lines": ansi,
                   "message": f"pengodean campuran: {len(ansi)} baris ({shown}) bukan UTF-8 dan dibaca sebagai "
                              "cp1252 (Windows); baris lain dibaca sebagai UTF-8. Periksa tanda petik dan tanda "
                              "pisah pada baris tersebut, lalu simpan ulang sebagai UTF-8."}]


def _utf16_without_bom(data: bytes, name: str) -> str:
    """NUL bytes in every other position: UTF-16 saved without its BOM. Anything else with NULs is binary."""
    for enc, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if len(data) % 2 == 0 and zeros.count(0) > len(zeros) * 0.6:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text
    raise InputError(f"{name or 'berkas'}: bukan berkas teks, PDF, atau DOCX yang dapat dibaca.")


def read(data: bytes, name: str = "") -> Document:
    """A text file as lines, its encoding decided (:func:`decode_with_warnings`) and its line ends made one."""
    text, warnings = decode_with_warnings(data, name)
    if "\r" in text:  # one fast scan; most files need no rewrite
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed = []
    if data.startswith(b"\xef\xbb\xbf"):
        # the UTF-8 BOM, which decoding already took off; a U+FEFF after it is a character of the text
        removed.append({"kind": "bom", "line": 1, "text": "\ufeff"})
    return Document(lines=text.split("\n"), format="txt", removed=removed, warnings=warnings)
