"""Headings run into the middle of a line, as converted old acts print them: "... TUNJANGAN CACAT. Pasal 1 Dalam
Peraturan Pemerintah ini ...", "... PANITERA-PENGGANTI. Pasal 1. Tiap-tiap hakim ...", "... SEBAGAI UNDANG-UNDANG.
PASAL I. Peraturan-peraturan ...", "... mulai berlaku. BAB II KETENTUAN PIDANA Pasal 5 ...".

A text copied from the official PDF of an act of 1946-1969 (``mblonyox/data-peraturan``) often keeps a whole
page on one line. :func:`split_run_in` gives each such heading a line of its own before the parts are found, so
:mod:`rancang.ingest.headings.read` reads it as it reads a printed heading. The numbering sequence is the evidence, as
there: a "Pasal N" splits off only when it is the next Pasal of the act (arabic 1, 2, 3 ..., or the Roman I, II
... of an act that numbers its Pasal so), a "BAB N" only when it is the next BAB; and only where a heading can
stand — after a sentence, a clause or a title has ended, and before the Pasal's own first words. A reference
("... tersebut dalam pasal 1 dari ...", "... dimaksud dalam Pasal 5 ayat (2)") never splits: the words before it
do not end a sentence, or the words after it are no sentence's start. Only line breaks are added, so every
character stays (conservation).

    >>> split_run_in(["MEMUTUSKAN:", "Menetapkan: PERATURAN TENTANG CACAT. Pasal 1 Dalam peraturan ini: a. x;"])
    ['MEMUTUSKAN:', 'Menetapkan: PERATURAN TENTANG CACAT.', 'Pasal 1', 'Dalam peraturan ini: a. x;']
    >>> split_run_in(["Pasal 1.", "seperti dalam Pasal 1. Pasal 2. Kepada penjabat dalam pasal 1 diberi ongkos."])
    ['Pasal 1.', 'seperti dalam Pasal 1.', 'Pasal 2.', 'Kepada penjabat dalam pasal 1 diberi ongkos.']
"""

from __future__ import annotations

import re

from rancang.ingest import grammar as g
from rancang.ingest.headings.lines import title_line
from rancang.numbering import roman_value

#: a Pasal or BAB heading anywhere in a line: "Pasal 1", "PASAL 1.", "Pasal I.", "BAB II". Each branch opens with
#: its literal first letter, the lookbehind ("not inside a word") checked after it, so that the regex engine skips
#: to a "P" or "B" in C (3.7x faster over long lines than a leading lookbehind, same matches); the groups
#: ``pasal`` and ``bab`` say which heading it is (only whether they matched is read)
_HEAD = re.compile(r"(?:P(?<![\w-]P)(?P<pasal>asal|ASAL)\s+(?P<pnum>\d{1,3}|[IVXLC]{1,7})"
                   r"|B(?<![\w-]B)(?P<bab>AB)\s+(?P<bnum>[IVXLC]{1,7}))(?![\w-])(?P<dot>\s?[.:])?")
#: what a Pasal's own first words look like: a capitalised word, an ayat "(1)", a quote opening new text; never a
#: citation of another act ("Pasal 1 Undang-undang No. 3 tahun 1950 ...") unless it names this act ("... ini")
_OPENS = re.compile(r"""(?!(?:Undang-[Uu]ndang|Peraturan|Keputusan|Instruksi|Penetapan|Staatsblad|UUD)\s
                          (?![^.;:]*?\bini\b))
                        (?:[A-Z][a-z]|[A-Z]{2}|[A-Z]\s|\(\d{1,3}\)\s|["\u201c]|(?:\d{1,2}|[a-z])\.\s
                          |\([A-Z][a-z]+\s)   # a note in brackets: "Pasal 12 (Penutup) Peraturan ..."
                     """, re.X)
#: an upper-case word (a title's last words: "BAB I KETENTUAN UMUM Pasal 1")
_UPPER_WORD = re.compile(r"[A-Z][A-Z'/-]+,?$")
#: the words that open the diktum, after which the batang tubuh may run on
#: a page's catchword, the next page's first heading printed at its foot: "... daerah. Pasal 130..." (an
#: artefact of the printed page, never a heading: the page after it prints the heading again)
_CATCHWORD = re.compile(r"(?:\s?\.)+|\s?\u2026")   # "Pasal 130...", "Pasal 39. . .", "Pasal 39 …"
#: a BAB's title in capitals, up to the Pasal heading that follows it
_BAB_TITLE = re.compile(r"(?:(?!PASAL\b)[^\sa-z]*[A-Z][^\sa-z]*(?:\s+|$))+")
#: the words a reference follows ("... tersebut dalam Pasal 1."): the heading reader's and the old acts' own
_REFERS = re.compile(rf"(?:{g.CONTINUES.pattern})|\b(?:tersebut|termaksud|tercantum|ialah|yaitu|[Pp]asal|ayat)\s*$")
_DIKTUM = re.compile(r"\b(?:MEMUTUSKAN|Memutuskan|MENETAPKAN|Menetapkan)\b")
#: where the Penjelasan starts ("PENJELASAN ATAS ...", "II. PASAL DEMI PASAL"), at a line's start or inside it
#: a line that opens an act's body: its numbering starts again ("MEMUTUSKAN:", "Menetapkan : PERATURAN ...")
_NEW_BODY = re.compile(r"^(?:MEMUTUSKAN|Menetapkan\s*:)")
_PENJELASAN = re.compile(r"^PENJELASAN\b|\bPENJELASAN\s+ATAS\b|\bPASAL\s+DEMI\s+PASAL\b")


def _ended(pre: str) -> bool:
    """Has the text before a heading ended: a sentence or clause (".", ";", ":") or an upper-case title?"""
    if not pre:
        return True
    pre = pre.rstrip("\"'\u201d")  # a sentence that ends quoted new text: ... dilekatkan." Pasal II.
    if pre.endswith((".", ";", ":")):
        return not pre.endswith((" No.", " no.", " Stbl.", " jo.", " Jo."))
    words = pre.split()[-2:]
    # a title in capitals ends there: "... KETENTUAN UMUM", "... NO, 44 TAHUN 1952,", "(STAATSBLAD UNTUK"
    return len(words) == 2 and not any(ch.islower() for w in words for ch in w) and any(
        _UPPER_WORD.match(w.strip("(),")) for w in words)


class _Sequence:
    """The Pasal and BAB numbers read so far: which heading is the next one."""

    def __init__(self) -> None:
        self.pasal = 0
        self.roman: bool | None = None   # the act numbers its Pasal I, II ... (decided by its first Pasal)
        self.bab = 0

    def next_pasal(self, num: str) -> bool:
        roman = not num.isdigit()
        if self.roman is not None and roman != self.roman:
            return False
        value = roman_value(num) if roman else int(num)
        # one heading lost by the conversion ("Pasal 146 ... Pasal 148") does not stop the sequence
        return value == self.pasal + 1 or (not roman and value == self.pasal + 2 and self.pasal > 0)

    def resyncs(self, m: re.Match[str]) -> bool:
        """A Pasal heading standing on its own line, up to ten numbers on (the heading reader's rule): the
        sequence goes on from it."""
        num = m.group("pnum")
        return bool(m.group("pasal")) and num.isdigit() and self.roman is not True and (
            self.pasal < int(num) <= self.pasal + 10)

    def take(self, m: re.Match[str]) -> None:
        if m.group("pasal"):
            num = m.group("pnum")
            self.roman = not num.isdigit()
            self.pasal = roman_value(num) if self.roman else int(num)
        else:
            self.bab += 1

    def fits(self, m: re.Match[str]) -> bool:
        if m.group("pasal"):
            return self.next_pasal(m.group("pnum"))
        return roman_value(m.group("bnum")) == self.bab + 1


#: a Bagian or Paragraf heading with its title, at the end of the text before a Pasal heading
_CONTAINER = re.compile(r"(?<!\S)(?:(?:Bagian|BAGIAN)\s+(?:Ke[a-z]+|Pertama)(?:\s+(?:Belas|Puluh))?(?:\s+[A-Z](?=\s))?"
                        r"|Paragraf\s+(?:\d{1,3}[A-Z]?|Ke[a-z]+))\s+")


def _title(text: str) -> bool:
    """Does ``text`` read as a Bagian or Paragraf title: its first and last words capitalised, most words too, and
    no clause punctuation ("Memutus Sengketa mengenai Wewenang Mengadili")?"""
    words = text.split()
    if not words or text.rstrip()[-1:] in ".;:," or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return title_line(text)
    return 3 * sum(1 for w in words if w[:1].islower()) <= len(words)


def _container_before(pre: str) -> int | None:
    """Where a Bagian or Paragraf heading starts in ``pre`` when ``pre`` ends with it and its title (title case),
    after a sentence, a clause or a title that has ended; else None."""
    for m in reversed(list(_CONTAINER.finditer(pre, max(0, len(pre) - 200)))):
        title = pre[m.end():]
        if title and _title(title) and _ended(pre[:m.start()].rstrip()):
            return m.start()
    return None


def _split_at(line: str, seq: _Sequence, after: int = 0) -> tuple[str, str, str] | None:
    """(text before, heading, text after) at the first heading run into ``line`` (from ``after`` on) that is the
    next of ``seq``."""
    for m in _HEAD.finditer(line, after):
        if not seq.fits(m) or _CATCHWORD.match(line, m.end()):
            continue
        pre, rest = line[:m.start()].rstrip(), line[m.end():].lstrip()
        container = _container_before(pre) if m.group("pasal") else None
        if container is not None:
            # "... Republik Indonesia. Bagian Kesatu Penyelidik dan Penyidik Pasal 4 Penyelidik adalah ...": the
            # Bagian (or Paragraf) heading and its title get their own line too
            pre = f"{pre[:container].rstrip()}\n{pre[container:]}".lstrip("\n")
            if _OPENS.match(rest) or not rest:
                return pre, line[m.start():m.end()].strip(), rest
        dotted = bool(m.group("pasal") and m.group("dot"))
        first = bool(m.group("pasal")) and seq.pasal == 0 and _DIKTUM.search(pre) is not None
        if not _ended(pre) and not ((dotted and (not rest or _OPENS.match(rest)) or first)
                                    and not _REFERS.search(pre)):
            # (a heading set off by its own dot after a title or an opening phrase: "Aturan Umum Pasal 1. Di
            # Surakarta ...", "... sebagai berikut Pasal 1. Segala ..."; the first Pasal after the diktum's
            # "Menetapkan : TITLE" on its line)
            continue
        if first and rest[:1].isupper() and not m.group("bab"):
            return pre, line[m.start():m.end()].strip(), rest  # "... NEGERI. Pasal 1 Keputusan Gubernemen ..."
        if m.group("bab"):
            # a BAB's title follows in capitals, and stays on the BAB's line: "BAB I UMUM Pasal 1 ..."
            title = _BAB_TITLE.match(rest)
            if title is None:
                continue
            return pre, f"{line[m.start():m.end()].strip()} {title.group().strip()}", rest[title.end():].lstrip()
        elif rest and not _OPENS.match(rest) and not (pre and (dotted or (
                m.group("pasal") and not m.group("pnum").isdigit() and rest[:1].isupper()))):
            # a heading that is a sentence of its own ("... berlaku. Pasal 3. Peraturan Pemerintah No. 7 ...
            # diubah", "... CACAT. Pasal 3. dalam hal ...") opens the Pasal whatever follows: a reference is
            # never a sentence by itself; so does a Roman Pasal after a sentence ("... UNDANG-UNDANG. Pasal I
            # Peraturan termaktub ..."): only an act's own Pasal are numbered I, II
            continue
        elif not rest and not pre:
            continue
        return pre, line[m.start():m.end()].strip(), rest
    return None


def _read_by_headings(m: re.Match[str] | None, seq: _Sequence) -> bool:
    """Is ``m`` (at a line's start) a heading :mod:`rancang.ingest.headings.read` reads as it stands: "Pasal 3",
    "Pasal 3 Dalam ...", "BAB I KETENTUAN UMUM"? Counted, not split."""
    return m is not None and m.start() == 0 and seq.fits(m) and not m.group("dot") and (
        bool(m.group("bab")) or m.group("pnum").isdigit())


def split_run_in(lines: list[str]) -> list[str]:
    """``lines`` (cleaned, stripped) with every Pasal and BAB heading run into a line given a line of its own
    (see the module text). Lines before the diktum ("MEMUTUSKAN", "Menetapkan") and from "PENJELASAN" on are
    left as they are; only line breaks are added."""
    start = next((i for i, ln in enumerate(lines) if _DIKTUM.search(ln)), 0)
    out = lines[:start]
    seq = _Sequence()
    for k in range(start, len(lines)):
        line = lines[k]
        # (the pattern needs "PENJELASAN" or "PASAL": a substring test in C spares the search on most lines)
        end = _PENJELASAN.search(line) if "PENJELASAN" in line or "PASAL" in line else None
        if end is None:
            if _NEW_BODY.match(line):
                seq = _Sequence()  # a second act in the same text ("Menetapkan: PERATURAN TENTANG ..."): from 1
            _split_line(line, seq, out)
            continue
        # the Penjelasan (its Pasal numbered again, "Pasal 10 Cukup jelas.") is never split, also when it starts
        # inside a line: the body's part of that line is read, the Penjelasan stays on its last piece as printed
        # (where the Penjelasan starts is the parts' business, not this rule's)
        if end.start() == 0:
            return out + lines[k:]
        _split_line(line[:end.start()].rstrip(), seq, out)
        out[-1] = f"{out[-1]} {line[end.start():]}"
        return out + lines[k + 1:]
    return out


def _split_line(line: str, seq: _Sequence, out: list[str]) -> None:
    """Append ``line`` to ``out`` as one line or more, each heading run into it on a line of its own."""
    if "asal " not in line and "ASAL " not in line and "BAB " not in line:
        out.append(line)
        return
    m = _HEAD.match(line)
    if g.PASAL.match(line):
        if m is not None and (seq.fits(m) or seq.resyncs(m)):
            seq.take(m)
        out.append(line)
        return
    after = 0
    if m is not None and seq.fits(m) and m.group("pasal") and _ended(next((o for o in reversed(out) if o), "")):
        # "Pasal 1 1. Yang dimaksud ...", "Pasal 2. (1) ...", "PASAL I. Peraturan ...": heading and text apart
        rest = line[m.end():].lstrip()
        if _OPENS.match(rest) or m.group("dot") or not m.group("pnum").isdigit():
            seq.take(m)
            out.append(line[:m.end()].strip())
            line = rest
    elif m is not None and seq.fits(m) and (m.group("bab") or _read_by_headings(m, seq)):
        seq.take(m)  # "BAB I KETENTUAN UMUM Pasal 1 ...", "Pasal 1 Dalam ...": the heading reader's
        after = m.end()
    while line:
        parts = _split_at(line, seq, after)
        if parts is None:
            m = _HEAD.match(line)
            if after == 0 and m is not None and seq.fits(m) and (g.PASAL.match(line) or _read_by_headings(m, seq)):
                seq.take(m)  # what is left is a heading the heading reader reads as it stands
            break
        pre, head, line = parts
        hm = _HEAD.match(head)
        if hm is not None:
            seq.take(hm)
        out.extend([*pre.split("\n"), head] if pre else [head])
        after = 0
    if line:
        out.append(line)
