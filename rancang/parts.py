"""The parts of a regulation around its batang tubuh, as dataclasses: one class per ``$defs`` entry of
``schema/regulation.schema.json`` (``source``, ``meta``, ``considerans``, ``dasar``, ``citation``, ``penutup``,
``block``, ``penjelasan_block``, ``stats``).

Each class reads its JSON with ``from_dict`` and writes it back with ``to_dict``, key for key as the schema names
them; ``tests/test_parts.py`` holds every class field for field against the schema. A field that the schema marks
optional and that is ``None`` is left out of the JSON (``rows`` of a block that is no table, ``pasal`` of a
Penjelasan block outside "Pasal demi Pasal"); every other field is always written. The classes have slots, so
a misspelt field is an error, never a new attribute.

    >>> item = Dasar.from_dict({"label": "1.", "text": "Undang-Undang Nomor 23 Tahun 2014 ...;",
    ...                         "citation": {"jenis": "Undang-Undang", "nomor": "23", "tahun": 2014,
    ...                                      "tentang": "Pemerintahan Daerah"}})
    >>> item.citation.tahun, item.amendments
    (2014, [])
    >>> Block(type="paragraph", text="Cukup jelas.").to_dict()
    {'type': 'paragraph', 'label': None, 'level': 0, 'text': 'Cukup jelas.'}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Self


@dataclass(slots=True)
class Source:
    """Where the tree was read from: the file's name, the SHA-256 of its bytes, its format ("txt", "pdf",
    "generated" for a draft ...) and, for a document imported from a JDIHN feed, the feed's record of it."""

    file: str = ""
    sha256: str = ""
    format: str = ""
    jdih: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"file": self.file, "sha256": self.sha256, "format": self.format}
        if self.jdih is not None:
            d["jdih"] = dict(self.jdih)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(file=d.get("file") or "", sha256=d.get("sha256") or "", format=d.get("format") or "",
                   jdih=d.get("jdih"))


@dataclass(slots=True)
class BeritaDaerah:
    """The Berita Daerah that published the act: its name ("Berita Daerah Kabupaten Sleman"), year and number
    (None when the number is left blank)."""

    nama: str | None = None
    tahun: int | None = None
    nomor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"nama": self.nama, "tahun": self.tahun, "nomor": self.nomor}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> BeritaDaerah:
        return cls(nama=d.get("nama"), tahun=d.get("tahun"), nomor=d.get("nomor"))


@dataclass(slots=True)
class Meta:
    """The identity of the act, from its judul, pembukaan and penutup: jenis ("Peraturan Bupati"), pejabat
    ("Bupati Sleman"), daerah and its kind ("kabupaten", "kota", "provinsi", "nasional"), nomor, tahun, tentang
    (upper case, as printed), where and when it was ditetapkan and diundangkan (ISO dates), the Berita Daerah and
    the signatory. A field the text does not give is None."""

    jenis: str | None = None
    pejabat: str | None = None
    daerah: str | None = None
    daerah_jenis: str | None = None
    provinsi: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    tentang: str | None = None
    ditetapkan_di: str | None = None
    tanggal_ditetapkan: str | None = None
    diundangkan_di: str | None = None
    tanggal_diundangkan: str | None = None
    berita_daerah: BeritaDaerah | None = None
    penandatangan: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"jenis": self.jenis, "pejabat": self.pejabat, "daerah": self.daerah,
                "daerah_jenis": self.daerah_jenis, "provinsi": self.provinsi, "nomor": self.nomor,
                "tahun": self.tahun, "tentang": self.tentang, "ditetapkan_di": self.ditetapkan_di,
                "tanggal_ditetapkan": self.tanggal_ditetapkan, "diundangkan_di": self.diundangkan_di,
                "tanggal_diundangkan": self.tanggal_diundangkan,
                "berita_daerah": None if self.berita_daerah is None else self.berita_daerah.to_dict(),
                "penandatangan": self.penandatangan}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Meta:
        bd = d.get("berita_daerah")
        return cls(jenis=d.get("jenis"), pejabat=d.get("pejabat"), daerah=d.get("daerah"),
                   daerah_jenis=d.get("daerah_jenis"), provinsi=d.get("provinsi"), nomor=d.get("nomor"),
                   tahun=d.get("tahun"), tentang=d.get("tentang"), ditetapkan_di=d.get("ditetapkan_di"),
                   tanggal_ditetapkan=d.get("tanggal_ditetapkan"), diundangkan_di=d.get("diundangkan_di"),
                   tanggal_diundangkan=d.get("tanggal_diundangkan"),
                   berita_daerah=None if bd is None else BeritaDaerah.from_dict(bd),
                   penandatangan=d.get("penandatangan"))


@dataclass(slots=True)
class Citation:
    """An act as a Mengingat entry or a reference names it: jenis, nomor, tahun, tentang, and the Pasal cited
    ("Pasal 18 ayat (6)") when there is one."""

    jenis: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    tentang: str | None = None
    pasal: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"jenis": self.jenis, "nomor": self.nomor, "tahun": self.tahun, "tentang": self.tentang}
        if self.pasal is not None:
            d["pasal"] = self.pasal
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Citation:
        return cls(jenis=d.get("jenis"), nomor=d.get("nomor"), tahun=d.get("tahun"), tentang=d.get("tentang"),
                   pasal=d.get("pasal"))


@dataclass(slots=True)
class Konsiderans:
    """One Menimbang entry: its label as printed ("a.", None when lost in extraction) and its text."""

    label: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Konsiderans:
        return cls(label=d.get("label"), text=d.get("text") or "")


@dataclass(slots=True)
class Dasar(Konsiderans):
    """One Mengingat entry: label and text as a Menimbang entry has them, the act it cites and, for an amended act,
    the amending acts listed after "sebagaimana telah diubah"."""

    citation: Citation = field(default_factory=Citation)
    amendments: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "citation": self.citation.to_dict(),
                "amendments": [a.to_dict() for a in self.amendments]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Dasar:
        return cls(label=d.get("label"), text=d.get("text") or "", citation=Citation.from_dict(d.get("citation") or {}),
                   amendments=[Citation.from_dict(a) for a in d.get("amendments") or []])


@dataclass(slots=True)
class Penutup:
    """The closing part: its lines verbatim, and what they state (place and ISO date of ditetapkan and
    diundangkan, the signatory)."""

    lines: list[str] = field(default_factory=list)
    ditetapkan_di: str | None = None
    tanggal_ditetapkan: str | None = None
    diundangkan_di: str | None = None
    tanggal_diundangkan: str | None = None
    penandatangan: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"lines": list(self.lines), "ditetapkan_di": self.ditetapkan_di,
                "tanggal_ditetapkan": self.tanggal_ditetapkan, "diundangkan_di": self.diundangkan_di,
                "tanggal_diundangkan": self.tanggal_diundangkan, "penandatangan": self.penandatangan}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Penutup:
        return cls(lines=list(d.get("lines") or []), ditetapkan_di=d.get("ditetapkan_di"),
                   tanggal_ditetapkan=d.get("tanggal_ditetapkan"), diundangkan_di=d.get("diundangkan_di"),
                   tanggal_diundangkan=d.get("tanggal_diundangkan"), penandatangan=d.get("penandatangan"))


@dataclass(slots=True)
class Block:
    """One block of a Lampiran: a heading, a numbered item (``label`` "1.", ``level`` its depth), a paragraph,
    a caption, a table (``rows`` of cells) or a signature line. ``id`` ("lampiran-12") and ``cite`` ("Lampiran
    BAB II") are None only in a draft's blocks before the draft is read back."""

    type: str
    text: str
    id: str | None = None
    cite: str | None = None
    label: str | None = None
    level: int = 0
    rows: list[list[str]] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type}
        if self.id is not None:
            d["id"] = self.id
        if self.cite is not None:
            d["cite"] = self.cite
        d["label"], d["level"], d["text"] = self.label, self.level, self.text
        if self.rows is not None:
            d["rows"] = [list(r) for r in self.rows]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Self:
        rows = d.get("rows")
        return cls(type=d["type"], text=d.get("text") or "", id=d.get("id"), cite=d.get("cite"),
                   label=d.get("label"), level=d.get("level") or 0,
                   rows=None if rows is None else [list(r) for r in rows], **cls._more(d))

    @staticmethod
    def _more(d: dict[str, Any]) -> dict[str, Any]:
        """The fields a subclass adds, read from ``d``."""
        return {}


@dataclass(slots=True)
class PenjelasanBlock(Block):
    """A block of the Penjelasan of an act. ``part`` keeps "I. UMUM" ("umum") apart from "II. PASAL DEMI PASAL"
    ("pasal") and from the judul above both ("judul"); ``pasal`` is the id of the node a Pasal-demi-Pasal block
    explains ("pasal-5/ayat-2"), None elsewhere. ``part`` is None only in a tree read before the Penjelasan was
    split into its parts."""

    part: str | None = None
    pasal: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = Block.to_dict(self)  # (no zero-argument super() in a slotted dataclass before Python 3.14)
        if self.part is not None:
            d["part"] = self.part
        if self.pasal is not None:
            d["pasal"] = self.pasal
        return d

    @staticmethod
    def _more(d: dict[str, Any]) -> dict[str, Any]:
        return {"part": d.get("part"), "pasal": d.get("pasal")}


@dataclass(slots=True)
class Stats:
    """What ingest counted and set aside, so that conservation of characters can be proved: source lines, Pasal,
    whether the reader rebuilt the layout from the sentence flow, artefact counts by kind, every removed piece
    (``{kind, line, text}``), every corrected heading token (``{line, from, to}``), the lines no Pasal holds
    (``{line, text}``) and, for OCR input, the OCR record (engine, resolution, pages)."""

    lines: int = 0
    pasal: int = 0
    flow_layout: bool = False
    artefacts: dict[str, int] = field(default_factory=dict)
    removed: list[dict[str, Any]] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    unplaced: list[dict[str, Any]] = field(default_factory=list)
    ocr: dict[str, Any] | None = None
    #: what was read in a way the user should check ({"kind", "line" or "pages", "message"}; Indonesian)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"lines": self.lines, "pasal": self.pasal, "flow_layout": self.flow_layout,
                             "artefacts": self.artefacts, "removed": self.removed, "corrections": self.corrections,
                             "unplaced": self.unplaced}
        if self.ocr is not None:
            d["ocr"] = self.ocr
        if self.warnings:
            d["warnings"] = self.warnings
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Stats:
        return cls(lines=d.get("lines") or 0, pasal=d.get("pasal") or 0, flow_layout=bool(d.get("flow_layout")),
                   artefacts=dict(d.get("artefacts") or {}), removed=list(d.get("removed") or []),
                   corrections=list(d.get("corrections") or []), unplaced=list(d.get("unplaced") or []),
                   ocr=d.get("ocr"), warnings=list(d.get("warnings") or []))
