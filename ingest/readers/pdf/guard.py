"""Bounds on what a PDF's streams inflate to, checked before PDFium or pdfplumber sees the file (issue 19).

A PDF of a few kilobytes can hold a Flate stream that inflates to gigabytes (a "flate bomb", also nested:
``/Filter [/FlateDecode /FlateDecode]``), or a page whose content stream is so long that parsing it takes minutes.
PDF libraries inflate what a page asks for without a bound, so this module walks the file's streams first and
inflates each one itself, never keeping more than the bound plus one chunk:

* a stream may inflate to at most ``limits.pdf_stream_bytes``, all streams together (images aside) to at most
  ``limits.pdf_total_bytes``;
* the content streams of one page (``/Contents``, also when the page sits in a compressed object stream) to at most
  ``limits.pdf_page_content_bytes``: PDFium parses a page's content whole, a few seconds a megabyte of operators;
* an image may have at most ``limits.pdf_image_pixels`` pixels, and inflate to no more than its pixels need.

Filters inflated here: FlateDecode, LZWDecode, ASCIIHexDecode, ASCII85Decode, RunLengthDecode (and their short
names); a chain stops at any other filter (image codecs, whose size the image check bounds). A stream that does not
inflate (broken or encrypted data) is left to the PDF library, which refuses it in its own way.
Anything over a bound is refused with one Indonesian sentence (:class:`~rancang.errors.InputError`).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from rancang.errors import InputError
from rancang.limits import limit

# Every pattern below runs in linear time on any bytes (issue 33 item 2): a run of digits or spaces is taken
# possessively (``\d++``, ``\s*+``: never given back, so a failed match costs one pass, not a pass per split of the
# run), a match starts only where a run starts (``(?<!\d)``), and an array is taken only as far as characters that
# can stand in it. A number is at most 10 digits (12 for a length): a longer run is no number of a PDF. One forward
# scan finds both the "N G obj" headers and the "stream" keywords; each stream's dictionary is the text since the
# last header (at most _DICT_SPAN bytes), so no byte is scanned twice.
#: an object header "12 0 obj" (group 1: its number), or the keyword that opens a stream's data (group 2)
_TOKEN = re.compile(rb"(?<![0-9])([0-9]{1,10}+)\s++[0-9]{1,5}+\s++obj(?![A-Za-z0-9])"
                    rb"|(?<![A-Za-z])(stream)(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*+(\[[A-Za-z0-9/\s]*+\]|/[A-Za-z0-9]++)")
_NAME = re.compile(rb"/([A-Za-z0-9]++)")
_LENGTH = re.compile(rb"/Length\s++([0-9]{1,12}+)(?![0-9])(?!\s++[0-9]++\s++R)")
_INT = {key: re.compile(rb"/" + key + rb"\s++([0-9]{1,12}+)(?![0-9])(?!\s++[0-9]++\s++R)")
        for key in (b"Width", b"Height", b"BitsPerComponent")}
_IMAGE = re.compile(rb"/Subtype\s*+/Image(?![A-Za-z0-9])")
_OBJECT_STREAM = re.compile(rb"/Type\s*+/ObjStm(?![A-Za-z0-9])")
#: a page's content streams: "/Contents 12 0 R" or "/Contents [12 0 R 13 0 R]"
#: (an array is read up to its "]" or the next "/Contents", whatever stands in it: PDFium reads the references of
#: an array with junk between them, so the guard counts them too; the next "/Contents" stops it, so no byte is read
#: for two arrays)
_CONTENTS = re.compile(rb"/Contents\s*+(\[(?:[^\]/]++|/(?!Contents))*+\]|[0-9]{1,10}+\s++[0-9]{1,5}+\s++R)")
#: the children of a page-tree node: "/Kids [3 0 R 4 0 R]"
_KIDS = re.compile(rb"/Kids\s*+\[((?:[^\]/]++|/(?!Kids))*+)\]")
_REF = re.compile(rb"(?<![0-9])([0-9]{1,10}+)\s++[0-9]{1,5}+\s++R")
#: how far back from "stream" the object's dictionary is looked for
_DICT_SPAN = 8192
_MB = 1 << 20


@dataclass
class _Scan:
    """What the walk found: inflated size by object number, page content references, the running total."""

    sizes: dict[int, int] = field(default_factory=dict)
    pages: list[list[int]] = field(default_factory=list)
    total: int = 0
    kids: int = 0


def check(data: bytes, name: str = "") -> None:
    """Refuse ``data`` (a PDF's bytes) when a stream, a page's content or all streams inflate beyond their bound, or
    an image has more pixels than ``limits.pdf_image_pixels``.

    Raises :class:`InputError` with one sentence naming the bound; returns None for a PDF within them."""
    label = name or "berkas"
    scan = _Scan()
    pos, number, since = 0, -1, 0
    while (m := _TOKEN.search(data, pos)) is not None:
        pos = m.end()
        if m.group(1) is not None:  # an object header: the dictionary of its stream, if any, starts here
            number, since = int(m.group(1)), m.end()
            continue
        start = m.end()
        info = data[max(since, m.start() - _DICT_SPAN):m.start()]
        end = _data_end(data, start, info)
        pos = max(end, start)
        _stream(data[start:end], info, number, scan, label)
        number, since = -1, pos
    _page_refs(data, scan)  # page dictionaries outside object streams
    _page_tree(scan, label)
    per_page = limit("pdf_page_content_bytes")
    for refs in scan.pages:
        size = sum(scan.sizes.get(r, 0) for r in refs)  # a stream listed twice is parsed twice
        if size > per_page:
            raise InputError(f"{label}: isi satu halaman PDF mengembang menjadi lebih dari {per_page // _MB} MB "
                             "perintah gambar (terlalu berat untuk dibaca); simpan ulang atau cetak ulang PDF-nya.")


#: what a PDF's last "%%EOF" may be followed by and still be whole: padding (zero bytes, white space)
_PADDING = b"\0\t\n\f\r "
#: what a PDF's body is made of: after the last "%%EOF" these mean an update that was cut short
_BODY = re.compile(rb"(?<![0-9])[0-9]++\s++[0-9]++\s++obj(?![A-Za-z0-9])|\bxref\b|\btrailer\b|\bstartxref\b")


def trimmed(data: bytes, name: str = "") -> bytes:
    r"""``data`` up to and including its last "%%EOF" line: bytes appended after a complete PDF (zero padding from
    a copy tool, a mail footer) are dropped, as pdftotext and PDF viewers ignore them.

    Raises InputError for a file cut short: no "%%EOF" at all (PDFium would read its first pages as if they were
    all), or one followed by the start of an incremental update (objects, "xref", "trailer") that never ends.

    >>> trimmed(b"%PDF-1.4 ... %%EOF\n" + bytes(8192))
    b'%PDF-1.4 ... %%EOF\n'
    """
    end = data.rfind(b"%%EOF")
    tail = data[end + 5:] if end >= 0 else b""
    if end < 0 or (tail.strip(_PADDING) and _BODY.search(tail)):
        raise InputError(f"{name or 'berkas'}: PDF rusak atau terpotong (akhir berkas %%EOF tidak ada); "
                         "unduh ulang atau simpan ulang berkasnya.")
    return data[:end + 5] + b"\n" if tail.strip(_PADDING) or len(tail) > 2 else data


def _data_end(data: bytes, start: int, info: bytes) -> int:
    """Where a stream's data ends: after its direct /Length when "endstream" follows there, else at "endstream"."""
    m = _LENGTH.search(info)
    if m is not None:
        end = start + int(m.group(1))
        if b"endstream" in data[end:end + 32]:
            return end
    end = data.find(b"endstream", start)
    return len(data) if end < 0 else end


def _stream(raw: bytes, info: bytes, number: int, scan: _Scan, label: str) -> None:
    """Inflate one stream through its filters, within the bounds; record its size."""
    cap = limit("pdf_stream_bytes")
    image = _IMAGE.search(info) is not None
    if image:
        cap = max(cap, _image_bytes(info, label))
    filters = _filters(info)
    out = raw
    for f in filters:
        decode = _DECODERS.get(f)
        if decode is None:
            break
        try:
            out = decode(out, cap + 1)
        except (zlib.error, ValueError, binascii.Error):
            return  # not inflatable here: the PDF library reports it, or reads what it can
        if len(out) > cap:
            raise InputError(f"{label}: PDF memuat aliran data yang mengembang menjadi lebih dari {cap // _MB} MB "
                             "(kemungkinan bom kompresi); simpan ulang atau cetak ulang PDF-nya.")
    if number >= 0:
        scan.sizes[number] = len(out)
    if image:
        return
    scan.total += len(out)
    total = limit("pdf_total_bytes")
    if scan.total > total:
        raise InputError(f"{label}: aliran data PDF seluruhnya mengembang menjadi lebih dari {total // _MB} MB "
                         "(kemungkinan bom kompresi); simpan ulang atau cetak ulang PDF-nya.")
    if _OBJECT_STREAM.search(info) and filters:
        _page_refs(out, scan)  # pages kept in a compressed object stream


def _filters(info: bytes) -> list[bytes]:
    m = _FILTER.search(info)
    return [] if m is None else _NAME.findall(m.group(1))


def _page_refs(text: bytes, scan: _Scan) -> None:
    for m in _CONTENTS.finditer(text):
        scan.pages.append([int(r) for r in _REF.findall(m.group(1))])
    for m in _KIDS.finditer(text):
        scan.kids += len(_REF.findall(m.group(1)))


def _page_tree(scan: _Scan, label: str) -> None:
    """Refuse a page tree with more references (``/Kids`` entries) than ``limits.pdf_page_tree_refs`` (a tree
    that lists one page 250,000 times makes every PDF library lay out 250,000 pages), or more page dictionaries
    than ``limits.pdf_pages``."""
    refs, pages = limit("pdf_page_tree_refs"), limit("pdf_pages")
    if scan.kids > refs:
        raise InputError(f"{label}: pohon halaman PDF memuat {scan.kids} rujukan halaman, melebihi batas {refs}; "
                         "simpan ulang atau cetak ulang PDF-nya.")
    if len(scan.pages) > pages:
        raise InputError(f"{label}: PDF memuat {len(scan.pages)} halaman, melebihi batas {pages} halaman; "
                         "pecah dokumennya lalu baca per bagian.")


def _image_bytes(info: bytes, label: str) -> int:
    """The bytes an image's pixels need (four 16-bit components at most); refuses more than
    ``limits.pdf_image_pixels`` pixels."""
    width, height, bits = (int(m.group(1)) if (m := _INT[k].search(info)) else 0
                           for k in (b"Width", b"Height", b"BitsPerComponent"))
    pixels = width * height
    if pixels > limit("pdf_image_pixels"):
        raise InputError(f"{label}: gambar di dalam PDF berukuran {width} x {height} piksel, melebihi batas "
                         f"{limit('pdf_image_pixels') // 1_000_000} juta piksel; simpan ulang dengan resolusi lebih "
                         "rendah.")
    return pixels * 4 * max(1, -(-max(bits, 8) // 8)) + 4096


def _flate(data: bytes, cap: int) -> bytes:
    """Inflate zlib data, stopping after ``cap`` bytes (raw deflate when the zlib header is damaged)."""
    try:
        return zlib.decompressobj().decompress(data, cap)
    except zlib.error:
        return zlib.decompressobj(-15).decompress(data[2:], cap)


def _lzw(data: bytes, cap: int) -> bytes:
    """LZW (PDF's variant: 9 to 12 bit codes, early change), stopping after ``cap`` bytes."""
    out = bytearray()
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    bits, buf, nbits = 9, 0, 0
    prev: bytes | None = None
    for byte in data:
        buf = ((buf << 8) | byte) & 0xFFFFFF
        nbits += 8
        while nbits >= bits:
            nbits -= bits
            code = (buf >> nbits) & ((1 << bits) - 1)
            if code == 256:
                table, bits, prev = table[:258], 9, None
                continue
            if code == 257:
                return bytes(out)
            if code < len(table):
                entry = table[code]
                if prev is not None:
                    table.append(prev + entry[:1])
            elif code == len(table) and prev is not None:
                entry = prev + prev[:1]
                table.append(entry)
            else:
                return bytes(out)  # a damaged stream: what was read so far
            out += entry
            if len(out) >= cap:
                return bytes(out)
            prev = entry
            if len(table) >= (1 << bits) - 1 and bits < 12:
                bits += 1
    return bytes(out)


def _run_length(data: bytes, cap: int) -> bytes:
    out = bytearray()
    i = 0
    while i < len(data) and len(out) < cap:
        n = data[i]
        if n == 128:
            break
        if n < 128:
            out += data[i + 1:i + 2 + n]
            i += n + 2
        else:
            out += data[i + 1:i + 2] * (257 - n)
            i += 2
    return bytes(out)


def _hex(data: bytes, cap: int) -> bytes:
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">", 1)[0])
    return binascii.unhexlify(digits + b"0" * (len(digits) % 2))[:cap]


def _ascii85(data: bytes, cap: int) -> bytes:
    body = data.strip().removeprefix(b"<~").split(b"~>", 1)[0]
    return base64.a85decode(re.sub(rb"\s", b"", body))[:cap]


_DECODERS: dict[bytes, Callable[[bytes, int], bytes]] = {
    b"FlateDecode": _flate, b"Fl": _flate, b"LZWDecode": _lzw, b"LZW": _lzw, b"RunLengthDecode": _run_length,
    b"RL": _run_length, b"ASCIIHexDecode": _hex, b"AHx": _hex, b"ASCII85Decode": _ascii85, b"A85": _ascii85,
}
