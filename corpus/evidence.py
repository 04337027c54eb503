"""Does a pair of units found by text similarity share more than the words every clause of the two acts uses?

The text pass of :mod:`.align` scores two units by the characters of their content words. Two sistem-kerja acts
use the same few words everywhere ("Pejabat Fungsional", "Pelaksana", "Unit Organisasi", "pelaksanaan tugas",
"Pejabat Penilai Kinerja"), so two unrelated clauses, and above all two short Lampiran items ("Dinas
Pendidikan;" ~ "Dinas Perikanan;", "Target pencapaian kinerja unit organisasi;" ~ "Pelaksanaan tugas dalam unit
organisasi"), scored above the threshold on those words alone. A pair below :data:`SURE` must also show
evidence (:meth:`Evidence.holds`):

1. the two units share a word (compared by Indonesian stem, :func:`rancang.corpus.stem.stem`) that is *not
   common*: found in fewer than :data:`COMMON` of the units of the two acts; a pair where neither unit has such a
   word stands on its wording;
2. where one of the two is a one-liner (at most :data:`ONE_LINER` words), more than half of the uncommon words
   of the unit with fewer of them are found in the other: "Dinas Pendidikan" and "Dinas Perikanan" share
   "dinas", uncommon in the whole act but one word of two; "Dinas Pertanahan" is all in "Dinas Perumahan,
   Kawasan Pemukiman dan Pertanahan".

Two clauses that each name acts by number ("Pasal 19 Peraturan Bupati Jepara Nomor 80 Tahun 2021 ...", "Pasal 13
Peraturan Bupati Malang Nomor 59 Tahun 2022 ...": the items of two lists of acts amended or repealed) pair only
when they name one act in common (:func:`name_one_act`), whatever their score.

Two definitions (:func:`.align.term`) pair only when the words of one defined term are all words of the other
(:func:`terms_agree`): "Pejabat Administrasi" (the Jabatan Administrasi, administrator and pengawas alike) is not
"Pejabat Administrator", however alike the letters.

Measured on the four sistem-kerja seeds pairwise (6 pairs, batang tubuh and Lampiran, every pair read and judged,
``tests/data/diff_pairs_judged.json``) and held out on an act not seen while building it
(``tests/data/diff_pairs_heldout.json``); docs/search.md "A pair needs evidence".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rancang.corpus.stem import stem
from rancang.fold import fold
from rancang.ingest.konsiderans import citations_in

#: a word found in at least this share of the units of the two acts compared is common to them: no evidence
COMMON = 0.15
#: a pair at or above this text similarity (0-100) stands on its wording alone
SURE = 80.0
#: a unit of at most this many words (its own text, every word counted) is a one-liner ("Dinas Pendidikan;",
#: "Arahan dan strategi Pimpinan Unit Organisasi;")
ONE_LINER = 8
#: two words beginning with this many letters in common are one word here ("sekretariat" / "sekretaris");
#: a word of 3+ letters that begins the other ("upt" / "uptd") is one word too ("olah" / "olahraga")
PREFIX = 7


def words(essence: str) -> frozenset[str]:
    """The stems of the words of an :func:`.align.essence` (already folded, without function words)."""
    return frozenset(stem(w) for w in essence.split())


def one_liner(text: str) -> bool:
    """Is ``text`` a one-liner: at most :data:`ONE_LINER` words ("Dinas Pendidikan;")?"""
    return len(text.split()) <= ONE_LINER


def same_word(w: str, v: str) -> bool:
    """Are two stems one word for the evidence: equal, one a 4+ letter beginning of the other, or sharing their
    first :data:`PREFIX` letters.

    >>> same_word("sekretariat", "sekretaris"), same_word("olah", "olahraga"), same_word("didik", "ikan")
    (True, True, False)
    """
    if w == v:
        return True
    short, long_ = sorted((w, v), key=len)
    if len(short) >= 3 and long_.startswith(short):
        return True
    return len(short) >= PREFIX and w[:PREFIX] == v[:PREFIX]


class Evidence:
    """The words of every unit of the two acts, and how many units hold each (their document frequency)."""

    def __init__(self, words_a: Sequence[frozenset[str]], words_b: Sequence[frozenset[str]],
                 short_a: Sequence[bool], short_b: Sequence[bool]) -> None:
        """``words_*``: :func:`words` of every unit of each act; ``short_*``: which units are one-liners
        (:func:`one_liner`)."""
        self.words_a, self.words_b, self.short_a, self.short_b = words_a, words_b, short_a, short_b
        self.df: Counter[str] = Counter()
        for ws in (*words_a, *words_b):
            self.df.update(ws)
        # a word only the two units compared hold (2) is never common, however small the acts
        self.limit = max(COMMON * (len(words_a) + len(words_b)), 3)

    def uncommon(self, ws: frozenset[str]) -> set[str]:
        """The words of ``ws`` found in fewer than :data:`COMMON` of the units."""
        return {w for w in ws if self.df[w] < self.limit}

    def holds(self, i: int, j: int) -> bool:
        """Do unit ``i`` of A and unit ``j`` of B share evidence beyond the common words (rules 1 and 2 of the
        module docstring)?"""
        ta, tb = self.words_a[i], self.words_b[j]
        da, db = self.uncommon(ta), self.uncommon(tb)
        if not da and not db:
            return True
        if not any(same_word(w, v) for w in da for v in db):
            return False
        if not (self.short_a[i] or self.short_b[j]):
            return True
        for own, other in ((da, tb), (db, ta)):
            found = sum(any(same_word(w, v) for v in other) for w in own)
            if len(own) <= min(len(da), len(db)) and 2 * found <= len(own):
                return False
        return True


def terms_agree(a: str, b: str) -> bool:
    """Do two defined terms name one thing: every folded word of the shorter is a word of the other, and both have
    one :func:`head` ("Daerah" / "Daerah Kota", "Pelaksana" / "Pejabat Pelaksana"; not "Pejabat Administrasi" /
    "Pejabat Administrator", nor "Pejabat Pelaksana" / "Pejabat Pengawas", nor "Jabatan Administrasi" /
    "Penyetaraan Jabatan Administrasi ke dalam Jabatan Fungsional").

    >>> terms_agree("Pelaksana", "Pejabat Pelaksana"), terms_agree("Pejabat Administrasi", "Pejabat Administrator")
    (True, False)
    """
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa) and head(a) == head(b)


#: a word that may open a defined term before its head: the holder of a jabatan is named with or without it
#: ("Pelaksana" / "Pejabat Pelaksana", UU 20/2023 on ASN)
HOLDER = "pejabat"


def head(defined: str) -> str:
    """The head of a defined term, its first word (an Indonesian noun phrase opens on its head: "Penyetaraan Jabatan
    Administrasi ..." is a penyetaraan, not a jabatan), past :data:`HOLDER`; folded.

    >>> head("Pejabat Pelaksana"), head("Daerah Kota"), head("Penyetaraan Jabatan Administrasi")
    ('pelaksana', 'daerah', 'penyetaraan')
    """
    ws = fold(defined).split()
    if len(ws) > 1 and ws[0] == HOLDER:
        ws = ws[1:]
    return ws[0] if ws else ""


def one_through_other(term_a: str, body_a: str, term_b: str, body_b: str) -> bool:
    """Is one of two agreeing defined terms defined through the other: the term of fewer words names the other
    in its definition ("Pelaksana adalah Aparatur Sipil Negara yang menduduki Jabatan Pelaksana": the holder of a
    Jabatan Pelaksana, not the jabatan; "Jabatan Pelaksana adalah sekelompok jabatan ..." is the jabatan). Such
    two are two things, though every word of one is a word of the other.

    >>> one_through_other("Pelaksana", "Aparatur Sipil Negara yang menduduki Jabatan Pelaksana.",
    ...                   "Jabatan Pelaksana", "sekelompok jabatan yang berisi fungsi dan tugas pelaksanaan")
    True
    >>> one_through_other("Pelaksana", "Pegawai ASN yang menduduki Jabatan Pelaksana.",
    ...                   "Pejabat Pelaksana", "Pegawai ASN yang menduduki Jabatan Pelaksana.")
    False
    """
    (short, body), (long_, _) = sorted(((term_a, body_a), (term_b, body_b)), key=lambda tb: len(fold(tb[0]).split()))
    if len(fold(short).split()) == len(fold(long_).split()):
        return False
    return f" {fold(long_)} " in f" {fold(body)} "


@lru_cache(maxsize=20_000)
def acts_named(text: str) -> frozenset[tuple[str, str, int]]:
    """The acts ``text`` names by number: {(jenis folded, nomor, tahun)}
    (:func:`rancang.ingest.konsiderans.citations_in`)."""
    return frozenset((fold(c.jenis or ""), str(c.nomor), int(c.tahun)) for c, _, _ in citations_in(text)
                     if c.nomor and c.tahun)


def name_one_act(a: str, b: str) -> bool:
    """May two clauses be a pair as far as the acts they name go: not when both name acts by number and no act is
    named in both ("Peraturan Bupati Jepara Nomor 80 Tahun 2021" and "Peraturan Bupati Malang Nomor 59 Tahun 2022"
    are two acts; an item on one is not the item on the other)."""
    na, nb = acts_named(a), acts_named(b)
    return not (na and nb) or bool(na & nb)
