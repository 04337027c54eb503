"""The Lampiran of a draft: the base region's Lampiran blocks, rewritten for the profile's region (L1).

The base's own header and closing signature are replaced by the draft's (the header as four aligned lines "LAMPIRAN :",
"NOMOR :", "TANGGAL :", "TENTANG :"); a table listing the base region's perangkat daerah is rebuilt from the profile's
``perangkat_daerah`` with its numbers blank. Tables become numbered items (read back from DOCX, a Word table and a
tab-separated line are not told apart the same way)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from rancang.generate.check.coherence import _POINTER as POINTER
from rancang.generate.draft.frame import tanggal
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.terms import CONNECTORS
from rancang.generate.shared.profile import Profile
from rancang.generate.shared.resources import compose_rules
from rancang.numbering import huruf
from rancang.parts import Block
from rancang.tree import Regulation

_STOPS = frozenset(",.;:()")


def _header_rest(block: Block, base: Regulation) -> str | None:
    """What follows the base's title in its merged Lampiran header block ("BAB I PENDAHULUAN"), if anything."""
    text = block.text
    title = (base.meta.tentang or "").upper()
    if not text.upper().startswith("LAMPIRAN"):
        return text
    if title and title in text.upper():
        return text[text.upper().rfind(title) + len(title):].strip() or None
    return None


#: the list styles of a Lampiran, outermost first (Lampiran II angka 64-65, Permendagri 80/2015): "A.", "1.", "a.",
#: "1)", "a)", "(1)", "(a)"
_STYLES = (re.compile(r"^[A-Z]\.$"), re.compile(r"^\d+\.$"), re.compile(r"^[a-z]\.$"), re.compile(r"^\d+\)$"),
           re.compile(r"^[a-z]\)$"), re.compile(r"^\(\d+\)$"), re.compile(r"^\([a-z]\)$"))
_FORMATS: tuple[Callable[[int], str], ...] = (
    lambda k: f"{huruf(k).upper()}.", lambda k: f"{k}.", lambda k: f"{huruf(k)}.", lambda k: f"{k})",
    lambda k: f"{huruf(k)})", lambda k: f"({k})", lambda k: f"({huruf(k)})")


def sublist_label(parent: str | None) -> Callable[[int], str]:
    """The labels of a list under an item labelled ``parent``: the next style down ("4." -> "a.", "b.", ...); a
    list under no item is numbered "1.", "2.", ...

    >>> sublist_label("4.")(2), sublist_label("b.")(3), sublist_label(None)(1)
    ('b.', '3)', '1.')
    """
    for i, rx in enumerate(_STYLES):
        if parent and rx.match(parent):
            return _FORMATS[min(i + 1, len(_FORMATS) - 1)]
    return _FORMATS[1]


def _table_items(block: Block, profile: Profile, rules: dict[str, Any], parent: str | None = None) -> list[Block]:
    rows = [r for r in block.rows or [] if any(c.strip() for c in r)]
    if not rows:
        return []
    header = rows[0]
    label = sublist_label(parent)
    body = [r for r in rows[1:] if r != header and not all(c.strip().isdigit() for c in r)]
    if re.search(rules["header"], " ".join(header), re.IGNORECASE):
        # without the profile's perangkat daerah, one blank row: the list the text announces is filled by the bureau
        names = profile.data.get("perangkat_daerah") or [rules["blank"]]
        column = " ".join(header[-1].split()) if len(header) > 2 else "Jumlah"
        return [Block(type="item", label=label(i), level=1, text=f"{name}, {column}: {rules['blank']}")
                for i, name in enumerate(names, 1)]
    out = []
    for i, row in enumerate(body, 1):
        cells = [c for c in row if c.strip()]
        if cells and cells[0].strip().rstrip(".").isdigit():
            cells = cells[1:]
        text = "; ".join(f"{h}: {c}" for h, c in zip(header[-len(cells):], cells, strict=False))
        out.append(Block(type="item", label=label(i), level=1, text=text))
    return out


def split_heading(text: str) -> tuple[str, str] | None:
    """An item whose heading the reader ran into its text: ("Kedudukan", "Kedudukan merupakan ...").

    The sign is a repetition where the text begins: the heading's last words repeated ("Penugasan Pejabat
    Fungsional dan Pelaksana Pejabat Fungsional dan Pelaksana dapat ...") or, for a heading in title case, its
    first word ("Surat Perintah Tugas Surat resmi ..."). None when there is no such sign.

    >>> split_heading("Kedudukan Kedudukan merupakan penempatan posisi pegawai.")
    ('Kedudukan', 'Kedudukan merupakan penempatan posisi pegawai.')
    >>> split_heading("Mekanisme kerja adalah serangkaian proses.") is None
    True
    """
    words = text.split()
    low = [w.lower() for w in words]
    for k in range(1, min(12, len(words) - 3)):
        if any(ch in _STOPS for ch in words[k - 1]):
            return None
        if not words[k][:1].isupper() or low[k - 1] in CONNECTORS:
            continue
        titled = all(w[:1].isupper() or w.lower() in CONNECTORS for w in words[:k])
        for m in range(min(k, len(words) - k), 0, -1):
            if low[k:k + m] == low[k - m:k] and (titled or m >= 2):
                return " ".join(words[:k]), " ".join(words[k:])
        if titled and k >= 2 and low[k] == low[0]:
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def style_rank(label: str | None) -> int | None:
    """The rank of a list label's style (0 for "A.", 1 for "1.", ... 6 for "(a)"), None for no list label."""
    return next((i for i, rx in enumerate(_STYLES) if label and rx.match(label)), None)


_style = style_rank


#: a heading printed apart: a few words, with no closing or joining punctuation
_HEADING_WORDS = 6


def _is_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _HEADING_WORDS and text.rstrip()[-1:] not in ".:;,"


def siblings(blocks: list[Block], i: int) -> list[Block]:
    """The other items of the list that holds item ``blocks[i]``: items of the same label style, up to the
    nearest item of an outer style on either side (paragraphs between them belong to the items)."""
    rank = _style(blocks[i].label)
    out: list[Block] = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and rank is not None:
            b, r = blocks[j], _style(blocks[j].label)
            if b.type == "heading" or (b.type == "item" and r is not None and r < rank):
                break
            if b.type == "item" and r == rank:
                out.append(b)
            j += step
    return out


def split_by_siblings(text: str, heads: list[str]) -> tuple[str, str] | None:
    """An item whose heading ran into its text, told by the headings of its list's other items: every other item
    is a heading alone ("1) Tahapan Perencanaan", "2) Tahapan Pelaksanaan") opening with the same word(s) as this
    one, so "Tahapan Evaluasi Pejabat Administrator meninjau ..." is the heading "Tahapan Evaluasi" (as many words
    as theirs, each capitalised) and its text "Pejabat Administrator meninjau ...". None without that sign.

    >>> split_by_siblings("Tahapan Evaluasi Pejabat Pengawas meninjau hasil.", ["Tahapan Perencanaan"])
    ('Tahapan Evaluasi', 'Pejabat Pengawas meninjau hasil.')
    >>> split_by_siblings("Tahapan evaluasi dilakukan oleh pejabat.", ["Tahapan Perencanaan"]) is None
    True
    """
    if not heads or not all(_is_heading(h) for h in heads) or text.rstrip()[-1:] not in ".:;":
        return None  # (a longer heading alone, "Unit Organisasi Rumah Sakit Umum Daerah (RSUD)", is no sentence)
    words, split = text.split(), [h.split() for h in heads]
    if any(h[0].lower() != words[0].lower() for h in split):
        return None  # the list's headings and this item open with the same word
    for k in sorted({len(h) for h in split}):
        if k < len(words) - 2 and not any(ch in _STOPS for ch in words[k - 1]) and words[k][:1].isupper() \
                and all(w[:1].isupper() or w.lower() in CONNECTORS for w in words[:k]):
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def split_by_echo(text: str, heads: list[str]) -> tuple[str, str] | None:
    """An item whose heading ran into its text, told by the items before it in its list, each a heading alone
    ("1. Kedudukan", "2. Penugasan", "3. Pelaksanaan Tugas"), and by its text naming the heading again: the
    heading is the longest run of capitalised opening words that the text after it repeats ("Transformasi
    Manajemen Pelaksanaan Sistem Kerja ... merupakan bentuk dari pelaksanaan transformasi manajemen."). None
    without both signs.

    >>> split_by_echo("Transformasi Manajemen Pelaksanaan Sistem Kerja terdiri dari tiga tahap. Penerapan "
    ...               "transformasi manajemen mewujudkan pola kerja baru.", ["Kedudukan", "Penugasan"])[0]
    'Transformasi Manajemen'
    """
    if len(heads) < 2 or not all(_is_heading(h) for h in heads) or text.rstrip()[-1:] not in ".:;" \
            or len(text.split()) <= _HEADING_WORDS:
        return None
    words = text.split()
    for k in range(min(_HEADING_WORDS, len(words) - 3), 0, -1):
        head = words[:k]
        if any(ch in _STOPS for w in head for ch in w) or not words[k][:1].isupper() \
                or not all(w[:1].isupper() or w.lower() in CONNECTORS for w in head) or head[-1].lower() in CONNECTORS:
            continue
        echo = re.compile(r"\b" + r"\s+".join(map(re.escape, head)) + r"\b", re.IGNORECASE)
        if echo.search(" ".join(words[k:])):
            return " ".join(head), " ".join(words[k:])
    return None


def _before(blocks: list[Block], i: int) -> list[str]:
    """The texts of the items of ``blocks[i]``'s list that come before it."""
    after = {id(b) for b in blocks[i:]}
    return [b.text for b in siblings(blocks, i) if id(b) not in after]


def split_by_restated(text: str) -> tuple[str, str] | None:
    """An item whose heading ran into a sentence that restates it: the sentence opens with the heading's subject
    (its second word) and repeats the heading's last words ("Mekanisme penunjukan yang bersifat lintas unit
    organisasi penunjukan Pejabat Fungsional ... yang bersifat lintas unit organisasi dilakukan ..."); the sentence
    gets its capital back.

    >>> split_by_restated("Mekanisme penunjukan yang bersifat lintas unit organisasi penunjukan pegawai yang "
    ...                   "bersifat lintas unit organisasi dilakukan dengan tahapan.")[1][:22]
    'Penunjukan pegawai yan'
    """
    words = text.split()
    low = [w.lower() for w in words]
    if len(words) < 8 or not words[0][:1].isupper() or text.rstrip()[-1:] not in ".:":
        return None
    for k in range(3, min(12, len(words) - 4)):
        if any(ch in _STOPS for ch in words[k - 1]) or low[k] != low[1] or low[k - 1] in _JOINS \
                or any(w[:1].isupper() and w.lower() in _JOINS for w in words[1:k]):
            continue  # (a heading ends on no "sebagai"; "Dalam ..." inside it opens a sentence)
        tail = low[k - 3:k]
        rest = low[k + 1:]
        if any(rest[j:j + 3] == tail for j in range(len(rest) - 2)):
            return " ".join(words[:k]), words[k][:1].upper() + " ".join(words[k:])[1:]
    return None


#: words a heading does not end on, and that open a sentence when capitalised inside one
_JOINS = CONNECTORS | {"sebagai", "apabila", "jika", "bila"}
#: the least words of the text a heading ran into (a definition, not the rest of a title)
_RUN_IN_WORDS = 8


def split_by_common(text: str, others: list[str]) -> tuple[str, str] | None:
    """An item whose heading ran into its text, told by the other items of its list running theirs in the same way:
    each opens with a short heading and then the same words ("Penunjukan Cara penugasan Pejabat ...", "Pengajuan
    sukarela (voluntary) Cara penugasan Pejabat ..."), so the heading ends where those words begin.

    >>> split_by_common("Penunjukan Cara penugasan pegawai langsung dari pimpinan unit untuk kinerja tertentu.",
    ...                 ["Pengajuan sukarela Cara penugasan pegawai atas permohonan."])[0]
    'Penunjukan'
    >>> split_by_common("UPTD yang memiliki Kepala Subbagian Tata Usaha adalah:",
    ...                 ["UPTD yang tidak memiliki Kepala Subbagian Tata Usaha yaitu:"]) is None
    True
    """
    words = text.split()
    if not others or not words or not words[0][:1].isupper() or text.rstrip()[-1:] != ".":
        return None  # (a sentence announcing a list, "UPTD yang memiliki Kepala Subbagian ... adalah:", is no run-in)
    for k in range(1, min(_HEADING_WORDS, len(words) - _RUN_IN_WORDS) + 1):
        if not words[k][:1].isupper() or any(ch in ",.;:" for ch in words[k - 1]) or words[k - 1].lower() in _JOINS:
            continue
        phrase, head = [w.lower() for w in words[k:k + 3]], [w.lower() for w in words[:k] if w.lower() not in _JOINS]

        def opens(other: str, phrase: list[str] = phrase, head: list[str] = head) -> bool:
            low = [w.lower() for w in other.split()]
            return any(low[j:j + 3] == phrase and other.split()[j][:1].isupper()  # "dan"/"atau": one subject
                       and [w for w in low[:j] if w not in _JOINS] != head
                       and not any(ch in ",.;:" for w in low[:j] for ch in w)
                       for j in range(1, min(_HEADING_WORDS + 1, len(low) - 3)))
        if all(opens(o) for o in others):
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def one_list(blocks: list[Block], i: int) -> list[int]:
    """The indexes of the items of the one list holding ``blocks[i]`` (with it): its siblings from the nearest
    first item ("1)") before it to the next first item after it (a list the source restarts is another list)."""
    at = {id(b): k for k, b in enumerate(blocks)}
    rank = style_rank(blocks[i].label)
    first = _FORMATS[rank](1) if rank is not None else None
    mine = sorted([i] + [at[id(s)] for s in siblings(blocks, i)])
    start = max((k for k in mine if k <= i and blocks[k].label == first), default=mine[0])
    end = min((k for k in mine if k > i and blocks[k].label == first), default=len(blocks))
    return [k for k in mine if start <= k < end]


def _run_texts(blocks: list[Block], i: int) -> list[str]:
    """The texts of the other items of ``blocks[i]``'s list as they ran: a heading already split from its text
    ("Penunjukan" and "Cara penugasan ...") read with the paragraph after it again."""
    out = []
    for k in one_list(blocks, i):
        s = blocks[k]
        if k == i:
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if not _is_heading(s.text):
            out.append(s.text)
        elif nxt is not None and nxt.type == "paragraph":
            out.append(f"{s.text} {nxt.text}")
    return out


def _split_headings(blocks: list[Block]) -> list[Block]:
    """Items whose heading ran into their text become the heading and a paragraph: first those that repeat their
    heading (:func:`split_heading`), then, with their lists' headings apart, those told by them
    (:func:`split_by_siblings`), then those whose list so far is of headings and whose text names its heading
    again (:func:`split_by_echo`), then those whose list's items all run the same words after their headings
    (:func:`split_by_common`); then :func:`lampiran_lead.split` (the list's lead names their headings)."""
    for find in (lambda bs, i: split_heading(bs[i].text) or split_by_restated(bs[i].text),
                 lambda bs, i: split_by_siblings(bs[i].text, [s.text for s in siblings(bs, i)]),
                 lambda bs, i: split_by_echo(bs[i].text, _before(bs, i)),
                 lambda bs, i: split_by_common(bs[i].text, _run_texts(bs, i))):
        found = [find(blocks, i) if b.type == "item" and b.text else None for i, b in enumerate(blocks)]
        out = []
        for b, parts in zip(blocks, found, strict=True):  # (read whole before a block changes)
            if parts is None:
                out.append(b)
                continue
            b.text = parts[0]  # (the block itself: a note made on it follows it)
            out.append(b)
            out.append(Block(type="paragraph", label=None, level=b.level, text=parts[1]))
        blocks = out
    return blocks


def compose_lampiran(base: Regulation, profile: Profile, rw: Callable[[str], str], judul: str,
                     ) -> list[Block]:
    """Lampiran blocks of the draft (without ids: the parser assigns them when the draft is read back). The blocks of
    ``base.lampiran`` are rewritten in place: pass a copy (:func:`lampiran_model.compose` makes one)."""
    if not base.lampiran:
        return []
    nomor = profile.nomor or "...."
    kop = [("LAMPIRAN", f"{profile.jenis_peraturan.upper()} {profile.nama.upper()}"),
           ("NOMOR", f"{nomor} TAHUN {profile.tahun}"),
           ("TANGGAL", tanggal(profile.data.get("tanggal_ditetapkan")).upper()), ("TENTANG", judul)]
    out = [Block(type="heading", label=None, level=0, text=f"{label} : {value}") for label, value in kop]
    table_rules = compose_rules()["perangkat_daerah_table"]
    for i, block in enumerate(base.lampiran):
        kind = block.type
        if kind == "signature":
            continue
        if i == 0 and kind == "heading":
            rest = _header_rest(block, base)
            if rest:  # what the base's header block ran into ("BAB I PENDAHULUAN") is a heading of its own
                out.append(Block(type="heading", label=None, level=0, text=rw(rest)))
            continue
        if kind == "table":
            parent = next((b.label for b in reversed(out) if b.type == "item" and b.label), None)
            out.extend(replace(b, text=rw(b.text)) for b in _table_items(block, profile, table_rules, parent))
            continue
        # the block itself (the caller's copy), so that a note made on it reads its place in the draft
        block.text, block.id, block.cite, block.rows = rw(block.text), None, None, None
        out.append(block)
    out = _split_headings(out)
    out.append(Block(type="signature", label=None, level=0, text=f"{profile.penandatangan_jabatan},"))
    out.append(Block(type="signature", label=None, level=0, text=profile.data["kepala_daerah"]["nama"].upper()))
    return out


#: check C4's pointer, also as the sources write it joined ("Pada struktur diatas")
_POINTER = POINTER.pattern.replace(r"di\s+atas", r"di\s*atas")
#: a sentence that opens by pointing at a chart ("Pada struktur di atas, maka ..."), as check C4 finds it
_LEAD = re.compile(r"(?:(?<=^)|(?<=[.!?]\s))(?:" + _POINTER + r")\s*,?\s*(?:maka\s+)?(?P<next>\w)", re.IGNORECASE)
#: a capitalised pointer inside a block, after a word: the caption of the chart run into the sentence after it
_RUN_IN = re.compile(r"(?<=\w)\s+(?=(?:Pada|Dalam)\s+(?:struktur|bagan|gambar)\s+di\s*atas\b)")
#: a pointer inside a sentence that only says where it is drawn: "... sebagaimana tergambar pada gambar di atas ..."
_ASIDE = re.compile(r",?\s*(?:sebagaimana|seperti|yang)\s+(?:tergambar|terlihat|tampak|digambarkan|tercantum)\s+(?:"
                    + _POINTER + r")", re.IGNORECASE)
#: a sentence about the chart itself ("Struktur organisasi di atas merupakan penggambaran bagi Dinas ..."): it says
#: nothing without the chart
ABOUT = re.compile(r"(?:^|(?<=[.!?])\s+)(?:Struktur|Bagan|Gambar|Skema)(?:\s+organisasi)?\s+(?:di\s*atas|tersebut)"
                    r"\b(?:[^.!?]|\.{2,})*[.!?]?", re.IGNORECASE)
#: a blank left for the bureau: four dots or more
BLANK = re.compile(r"\.{4,}")


def figure_leads(blocks: list[Block], has_figures: bool, notes: Notes) -> None:
    """Where the Lampiran carries no chart (the base's organisation charts are images a draft does not take), a
    sentence that opens "Pada struktur di atas, maka ..." loses its pointer and keeps what it says ("Kelompok
    Jabatan Fungsional ... berkedudukan di bawah ..."); each is a decision (the region's own chart may be attached).
    A pointer inside a sentence is left for check C4."""
    if has_figures:
        return
    out: list[Block] = []
    for b in blocks:
        out.append(b)
        text = b.text or ""
        run = _RUN_IN.search(text)  # the chart's caption ran into the sentence after the chart: two blocks
        if run is not None and b.type == "item":
            b.text = text[:run.start()].strip()
            b = Block(type="paragraph", label=None, level=b.level, text=text[run.start():].strip())
            out.append(b)
            text = b.text
        elif run is not None:  # in a paragraph, the words before are the dropped chart's own caption
            text = text[run.start():].lstrip()
        new = ABOUT.sub("", _ASIDE.sub("", _LEAD.sub(lambda m: m.group("next").upper(), text))).strip()
        if new != b.text:
            notes.add("putusan", "bagan", "kalimat ini menunjuk bagan struktur organisasi peraturan sumber yang tidak "
                      "dibawa; penunjuknya dihapus. Lampirkan bagan struktur organisasi daerah sendiri bila "
                      "diperlukan.", b.text, block=b)
            b.text = new
    blocks[:] = [b for b in out if b.type not in ("paragraph", "item") or (b.text or "").strip()]


def blanks(blocks: list[Block], notes: Notes) -> None:
    """Every Lampiran block (beyond its heading lines, filled from the profile) holding a blank "...." is listed
    among what must still be filled."""
    listed = {id(n.block) for n in notes.of("isian") if n.block is not None}  # (a blank noted with what goes in)
    for b in blocks:
        if b.type != "heading" and BLANK.search(b.text or "") and id(b) not in listed:
            notes.add("isian", "isian", "titik-titik dalam Lampiran belum diisi.", b.text, block=b)
