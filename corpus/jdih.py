"""JDIH feeds: the metadata feed regional JDIH portals publish to JDIHN, read in and written out.

Every JDIH member (the national open-source JDIH application ILDIS and the other JDIH CMSs) publishes its
catalogue to the JDIHN portal as one JSON list of records with the same keys: ``idData``, ``jenis``,
``singkatanJenis``, ``noPeraturan``, ``judul``, ``tahun_pengundangan``, ``tanggal_penetapan``,
``tanggal_pengundangan``, ``tempatTerbit``, ``sumber``, ``status``, ``bahasa``, ``bidangHukum``, ``fileDownload``,
``urlDownload``, ... (:data:`FIELDS`). :func:`read_feed` takes such a feed from a file or a URL and
:func:`documents` fetches each listed document; ``rancang corpus add --jdih FEED`` stores them with the record
kept in ``source.jdih``. :func:`export_feed` writes the store's regulations as the same records
(``rancang corpus export --jdih``), so a bureau can publish what it keeps.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rancang.corpus.rows import region_name
from rancang.errors import InputError, json_reason, os_reason

#: the keys of a JDIHN record, in the order the portals write them
FIELDS = ("idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis", "noPeraturan",
          "judul", "noPanggil", "singkatanJenis", "tempatTerbit", "penerbit", "deskripsiFisik", "sumber",
          "subjek", "isbn", "status", "bahasa", "bidangHukum", "teuBadan", "nomorIndukBuku", "fileDownload",
          "urlDownload", "abstrak", "urlabstrak", "urlDetailPeraturan", "operasi", "display")
#: singkatanJenis of each jenis (as the portals abbreviate them)
SINGKATAN = {"Peraturan Bupati": "Perbup", "Peraturan Wali Kota": "Perwali", "Peraturan Walikota": "Perwali",
             "Peraturan Daerah": "Perda", "Peraturan Gubernur": "Pergub", "Undang-Undang": "UU",
             "Peraturan Pemerintah": "PP"}
#: largest feed and document fetched (bytes): a feed or a regulation PDF never comes near
MAX_FEED = 20 * 1024 * 1024
MAX_DOCUMENT = 100 * 1024 * 1024
TIMEOUT = 30


def _download_reason(exc: Exception) -> str:
    """Why a download failed, in Indonesian: the server's HTTP status, or the network's reason."""
    import urllib.error

    if isinstance(exc, urllib.error.HTTPError):
        return f"server menjawab HTTP {exc.code}"
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, OSError):
        exc = exc.reason
    if isinstance(exc, TimeoutError):
        return "waktu tunggu habis"
    if isinstance(exc, OSError) and exc.errno:
        return os_reason(exc)
    if isinstance(exc, OSError):
        return "alamat tidak dapat dijangkau"
    return "alamat tidak sah"


def _fetch(location: str, limit: int) -> bytes:
    """The bytes at ``location``: an http(s) URL or a file path. Raises :class:`InputError` in one sentence."""
    if re.match(r"^https?://", location, re.IGNORECASE):
        import urllib.request  # only to download (http.client and ssl: 5 ms at every start of a draft, issue 33)

        try:
            with urllib.request.urlopen(location, timeout=TIMEOUT) as response:  # noqa: S310 - http(s) only
                data = response.read(limit + 1)
        except (OSError, ValueError) as exc:
            raise InputError(f"{location}: tidak dapat diunduh ({_download_reason(exc)}).") from exc
    elif "://" in location:
        raise InputError(f"{location}: hanya alamat http(s) atau berkas lokal yang dapat dibaca.")
    else:
        try:
            with open(location, "rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{location}: berkas tidak dapat dibaca ({os_reason(exc)}).") from exc
    if len(data) > limit:
        raise InputError(f"{location}: lebih besar dari {limit // (1024 * 1024)} MB.")
    return data


def read_feed(location: str) -> list[dict[str, Any]]:
    """The records of a JDIHN feed (a JSON list, or an object holding it under ``data``) at a file path or URL.

    Raises :class:`InputError` for a feed that is not JSON or has no records with ``judul``."""
    raw = _fetch(location, MAX_FEED)
    try:
        feed = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{location}: umpan JDIH bukan JSON yang sah ({json_reason(exc)}).") from exc
    if isinstance(feed, dict):
        feed = feed.get("data") or feed.get("dokumen") or []
    records = [r for r in feed if isinstance(r, dict) and r.get("judul")] if isinstance(feed, list) else []
    if not records:
        raise InputError(f"{location}: umpan JDIH tidak berisi satu dokumen pun (kunci 'judul').")
    return records


def document_location(record: dict[str, Any], feed: str) -> str | None:
    """Where the record's document is: ``urlDownload``, else ``fileDownload``, resolved against the feed's own
    location (a relative name in a feed file is a file beside it)."""
    target = str(record.get("urlDownload") or record.get("fileDownload") or "").strip()
    if not target:
        return None
    if re.match(r"^https?://", feed, re.IGNORECASE):
        return urllib.parse.urljoin(feed, target)
    if re.match(r"^https?://", target, re.IGNORECASE):
        return target
    return str(Path(feed).parent / target)


def documents(records: list[dict[str, Any]], feed: str) -> Iterator[tuple[dict[str, Any], str, bytes | str]]:
    """(record, document name, its bytes or the one-sentence reason it could not be had), in feed order."""
    for record in records:
        where = document_location(record, feed)
        if where is None:
            yield record, str(record.get("judul")), f"{record.get('judul')}: umpan tidak menyebut berkas dokumennya."
            continue
        name = Path(urllib.parse.urlparse(where).path).name or "dokumen"
        try:
            yield record, name, _fetch(where, MAX_DOCUMENT)
        except InputError as exc:
            yield record, name, exc.format_message()


# ----------------------------------------------------------------------------------------------- export


def record_of(rid: str, tree: dict[str, Any]) -> dict[str, Any]:
    """The JDIHN record of stored regulation ``rid`` (its tree as a dict); a record it was imported with is the
    base, completed from the tree's metadata."""
    meta = tree.get("meta") or {}
    jenis = meta.get("jenis") or ""
    daerah = meta.get("daerah") or ""
    bd = meta.get("berita_daerah") or {}
    sumber = (f"Berita Daerah {daerah} Tahun {bd.get('tahun')} Nomor {bd.get('nomor')}"
              if bd.get("nomor") else "-")
    derived = {
        "idData": rid, "tahun_pengundangan": str(meta.get("tahun") or ""),
        "tanggal_penetapan": meta.get("tanggal_ditetapkan") or "", "tanggal_pengundangan":
            meta.get("tanggal_diundangkan") or "", "jenis": jenis, "noPeraturan": str(meta.get("nomor") or ""),
        "judul": " ".join(filter(None, [jenis, region_name(daerah),
                                        f"Nomor {meta.get('nomor')}" if meta.get("nomor") else "",
                                        f"Tahun {meta.get('tahun')}" if meta.get("tahun") else "",
                                        f"tentang {(meta.get('tentang') or '').title()}"])),
        "noPanggil": "-", "singkatanJenis": SINGKATAN.get(jenis, jenis),
        "tempatTerbit": meta.get("ditetapkan_di") or "", "penerbit": f"Pemerintah {daerah}".strip(),
        "deskripsiFisik": "-", "sumber": sumber, "subjek": (meta.get("tentang") or "").title(), "isbn": "-",
        "status": "Berlaku", "bahasa": "Indonesia", "bidangHukum": "Hukum Tata Negara", "teuBadan": daerah,
        "nomorIndukBuku": "-", "fileDownload": (tree.get("source") or {}).get("file") or "", "urlDownload": "",
        "abstrak": "", "urlabstrak": "", "urlDetailPeraturan": "", "operasi": "4", "display": "1"}
    imported = (tree.get("source") or {}).get("jdih") or {}
    return {k: imported.get(k) or derived[k] for k in FIELDS} | {"idData": rid}


def export_feed(store: Any) -> list[dict[str, Any]]:
    """Every stored regulation as a JDIHN record, in id order."""
    return [record_of(rid, store.regulation(rid).to_dict()) for rid in store.ids()]
