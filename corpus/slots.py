"""What a clause is about, read as typed slots: two clauses whose slots name different things are no pair.

The text pass of the diff (:mod:`.align`) scores two clauses by their words. Two sistem-kerja acts word every step,
duty and kedudukan pattern alike, so clauses about different things scored as pairs (issue 30, held-out acts against
Jepara): "Mekanisme penunjukan lintas Unit Organisasi:" ~ "Mekanisme pengajuan sukarela yang bersifat lintas unit
organisasi" (0.82), "membagi tugas kepada anggota tim;" ~ "memberikan umpan balik berkala kepada anggota tim;",
"Pada Unit Pelaksana Teknis Daerah, ... berkedudukan di bawah ..." ~ "Kelurahan ... berkedudukan berada di bawah
...". Three slots, each read from the clause's opening, decide such pairs (:func:`agree`):

1. **form** of a mechanism (PermenPAN-RB 7/2022 on sistem kerja: penugasan by *penunjukan* or *pengajuan
   sukarela*): the forms named in the first :data:`OPENING` words; two clauses naming forms share one.
2. **action** of a duty item that opens on its verb ("membagi tugas ...", "menyusun dan menetapkan rencana kerja"):
   the stems of the leading verbs (a chain joined by "dan"/"atau"/","); two such items share one, verbs of one kin
   counting as one ("melaporkan" / "menyampaikan", the model's reporting verbs). A clause that opens on its actor
   has no action slot: a step is worded from either side ("Kepala Perangkat Daerah menerbitkan surat penugasan" /
   "Pejabat Fungsional menerima surat penugasan" were judged one step).
3. **unit kind** of a kedudukan clause (one that says "kedudukan", "berkedudukan" or "dipimpin"): the kinds of unit
   it names in its opening (Dinas, Badan, Kecamatan, Kelurahan, UPTD ...) and the class of jabatan that leads it
   ("dipimpin oleh Pejabat Fungsional"); two such clauses share a kind where both name kinds, and a leader class
   where both name one.
4. **shape**: a *step* (a clause opening on an actor of the vocabulary, ``rancang/data/actors.jsonl``, whose verb
   follows within :data:`STEP_VERB` words: "Kepala Perangkat Daerah pemohon menerbitkan surat penugasan ...") is
   not a *content item* (at most :data:`ONE_LINE` words, no actor opening it and no verb: "Maksud dan tujuan
   permohonan penugasan ...;", "Penyampaian hasil pelaksanaan kegiatan kepada Pejabat Level 2."), whatever words
   they share. Two steps whose actors are of different classes (``slots.actor_classes``: the one assigned —
   Pejabat Fungsional, Pelaksana, anggota tim —, the one leading a team, the one leading the unit) *and* whose
   verbs differ (kin counting as one: "menerbitkan" / "menerima" a letter is one hand-over told from each side)
   are two steps: "Pejabat Fungsional ... memohon untuk dilibatkan" is not "Pimpinan Unit Kerja mengirimkan nota
   dinas permohonan pelibatan". A step told with the same verb by another actor is the same step ("Pejabat
   Penilai Kinerja meninjau hasil" ~ "Pejabat Administrator meninjau hasil"), and a step opening on a condition
   ("Apabila ... menyetujui, maka ...") is not read.
5. **whose** list an intro opens: the class of the actor named in an intro of at most :data:`INTRO` words ending
   with ":" ("Tanggung jawab Pimpinan Unit Kerja adalah sebagai berikut:" is not "Peran dan tanggung jawab anggota
   Tim Kerja, meliputi:").

The words are data (``corpus/data/align.json`` ``slots``). Measured on the judged pairs (docs/search.md "Slots").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from rancang.corpus.stem import stem
from rancang.fold import fold
from rancang.vocab import entries

#: words of a clause's opening in which its form and its unit kinds are read (a heading or first sentence)
OPENING = 14
#: a duty item's verbs are read from its first words only
_VERB = re.compile(r"^me[a-z]{3,}$")
_CHAIN = frozenset({"dan", "atau", "serta"})
#: a step's verb comes within this many words after its actor ("Pimpinan Unit Organisasi pemilik kinerja terlebih
#: dahulu mengirimkan ...")
STEP_VERB = 8
#: a content item is at most this many words
ONE_LINE = 12
#: an intro of a list is at most this many words
INTRO = 16
#: words that may open a step before its actor
_LEADS = frozenset({"setiap", "tiap", "masing", "para", "seluruh"})


@dataclass(frozen=True)
class Slots:
    """The slots of one clause: ``forms`` (ids), ``actions`` (verb stems, kin included), ``units`` (unit kinds),
    ``leaders`` (classes of jabatan leading the unit); empty where the clause names none."""

    forms: frozenset[str]
    actions: frozenset[str]
    units: frozenset[str]
    leaders: frozenset[str]
    shape: str = ""  # "step", "item" (a content item) or ""
    actor: str = ""  # a step's class of actor ("assignee", "team", "leader")
    act: frozenset[str] = frozenset()  # a step's verb stem, with its kin
    whose: str = ""  # the class of actor whose duties an intro lists ("Tanggung jawab Ketua Tim meliputi:")


@cache
def _data() -> dict[str, Any]:
    data = json.loads(resources.files("rancang.corpus").joinpath("data/align.json").read_text(encoding="utf-8"))
    return data["slots"]


def _named(opening: str, table: dict[str, list[str]]) -> frozenset[str]:
    """The ids of ``table`` ({id: [folded phrases]}) whose phrase is found as whole words in ``opening``."""
    padded = f" {opening} "
    return frozenset(k for k, phrases in table.items() if not k.startswith("_")
                     and any(f" {p} " in padded for p in phrases))


def _actions(words: list[str]) -> frozenset[str]:
    """The stems of the verbs a duty item opens on, with their kin (``slots.verb_kin``)."""
    out: set[str] = set()
    k = 0
    while k < len(words) and _VERB.match(words[k]) and stem(words[k]) != words[k]:  # "mekanisme" is no verb
        out.add(stem(words[k]))
        k += 1
        while k < len(words) and words[k] in _CHAIN:
            k += 1
    return _kin(out)


@lru_cache(maxsize=50_000)
def slots(text: str) -> Slots:
    """The :class:`Slots` of a clause's text.

    >>> s = slots("Mekanisme pengajuan sukarela yang bersifat lintas unit organisasi")
    >>> sorted(s.forms), sorted(s.actions)
    (['pengajuan_sukarela'], [])
    >>> sorted(slots("menyusun dan menetapkan rencana kerja organisasi;").actions)
    ['susun', 'tetap']
    >>> s = slots("Unit Organisasi yang dipimpin oleh Pejabat Fungsional. Pada struktur ini ... berkedudukan di bawah")
    >>> sorted(s.leaders), sorted(slots("Pada Kecamatan, Pejabat Fungsional berkedudukan di bawah Camat.").units)
    (['fungsional'], ['kecamatan'])
    """
    folded = fold(text[:600])
    words = folded.split()
    opening = " ".join(words[:OPENING])
    data = _data()
    units: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()
    if re.search(data["kedudukan"], folded):
        units = _named(opening, data["unit_kinds"])
        leaders = frozenset(m.group(1) for m in re.finditer(data["led_by"], folded[:400]))
        leaders = frozenset(data["leader_classes"][x] for x in leaders)
    return Slots(_named(opening, data["forms"]), _actions(words[:8]), units, leaders, *_shape(words),
                 _whose(text, words))


def _whose(text: str, words: list[str]) -> str:
    """The class of the actor an intro of a list names (at most :data:`INTRO` words, ending with ":": "Tanggung
    jawab Pimpinan Unit Kerja adalah sebagai berikut:"); "" for any other clause or an intro naming none."""
    if len(words) > INTRO or not text.rstrip().endswith(":"):
        return ""
    for k in range(len(words)):
        found = _actor_at(words, k)
        if found:
            return _class(found[0])
    return ""


def _class(actor: str) -> str:
    """The class of an actor id (``slots.actor_classes``; any actor not listed leads a unit)."""
    return next((c for c, ids in _data()["actor_classes"].items() if actor in ids), "leader")


@cache
def _actors() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(wording, actor id) of every wording of every actor of the vocabulary, folded, longest first."""
    out = {(tuple(fold(p).split()), e["id"]) for e in entries("actors") for p in e["patterns"]}
    return tuple(sorted((a for a in out if a[0]), key=lambda a: (-len(a[0]), a)))


def _verb(word: str) -> bool:
    """Is ``word`` an affixed verb (meN-, di-): it starts so and has a stem of its own ("mekanisme" has none)."""
    return len(word) > 4 and word.startswith(("me", "di")) and stem(word) != word


def _kin(stems: set[str]) -> frozenset[str]:
    """``stems`` with every verb of their kin (``slots.verb_kin``)."""
    out = set(stems)
    for kin in _data()["verb_kin"]:
        if out & set(kin):
            out |= set(kin)
    return frozenset(out)


def _actor_at(words: list[str], k: int) -> tuple[str, int] | None:
    """(actor id, words it takes) of the vocabulary wording at ``words[k]``, the longest, or None."""
    for wording, aid in _actors():
        if tuple(words[k:k + len(wording)]) == wording:
            return aid, len(wording)
    return None


def _shape(words: list[str]) -> tuple[str, str, frozenset[str]]:
    """(shape, class of actor, verb stems): "step" when ``words`` open on an actor whose verb follows within
    :data:`STEP_VERB` words (the actor is the role it acts in when it "berperan sebagai" one); "item" when they are
    at most :data:`ONE_LINE` words with no actor opening them and no verb; else ""."""
    k = 0
    while k < len(words) and words[k] in _LEADS:
        k += 1
    found = _actor_at(words, k)
    if found is None:
        item = len(words) <= ONE_LINE and not any(_verb(w) for w in words)
        return ("item" if item else ""), "", frozenset()
    actor, j = found[0], k + found[1]
    for at in range(j, min(len(words), j + STEP_VERB)):
        if words[at] == "sebagai" and at and words[at - 1] == "berperan":
            acting = _actor_at(words, at + 1)
            actor = acting[0] if acting else actor
        if _verb(words[at]):
            return "step", _class(actor), _kin({stem(words[at])})
    return "", "", frozenset()


def acting(text: str) -> str:
    """The class of the actor a clause opens on, the role it acts in when it "berperan sebagai" one ("Pejabat
    Fungsional dan pelaksana yang berperan sebagai ketua tim kemudian melaporkan ...": a team's leader); "" when
    it opens on none."""
    words = fold(text[:300]).split()
    k = 0
    while k < len(words) and words[k] in _LEADS:
        k += 1
    found = _actor_at(words, k)
    if found is None:
        return ""
    actor, j = found[0], k + found[1]
    for at in range(j, min(len(words), j + STEP_VERB)):
        if words[at] == "sebagai" and words[at - 1] == "berperan":
            acting = _actor_at(words, at + 1)
            actor = acting[0] if acting else actor
            break
    return _class(actor)


def agree(a: str, b: str) -> bool:
    """May two clauses be a pair as far as their slots go: every slot both name shares a value.

    >>> agree("Mekanisme penunjukan lintas Unit Organisasi:", "Mekanisme pengajuan sukarela lintas unit organisasi")
    False
    >>> agree("membagi tugas kepada anggota tim;", "memberikan umpan balik berkala kepada anggota tim;")
    False
    >>> agree("menyampaikan kemajuan pekerjaan kepada Ketua Tim.", "melaporkan hasil kinerja kepada Ketua Tim.")
    True
    >>> agree("Pejabat Penilai Kinerja meninjau hasil pelaksanaan kegiatan;",
    ...       "Penyampaian hasil pelaksanaan kegiatan kepada Pejabat Level 2.")
    False
    >>> agree("Pejabat Fungsional memohon untuk dilibatkan kepada Kepala Perangkat Daerah yang dituju",
    ...       "Pimpinan Unit Kerja mengirimkan nota dinas permohonan pelibatan Pejabat Fungsional")
    False
    >>> agree("Tanggung jawab Pimpinan Unit Kerja adalah sebagai berikut:", "Tanggung jawab anggota tim meliputi:")
    False
    >>> agree("Kepala Perangkat Daerah pemohon menerbitkan surat penugasan bagi Pejabat Fungsional.",
    ...       "Pejabat Fungsional menerima surat penugasan untuk dilaksanakan.")
    True
    """
    sa, sb = slots(a), slots(b)
    if {sa.shape, sb.shape} == {"step", "item"}:
        return False
    if sa.shape == sb.shape == "step" and sa.actor != sb.actor and not sa.act & sb.act:
        return False
    if sa.whose and sb.whose and sa.whose != sb.whose:
        return False
    return all(not (x and y) or bool(x & y) for x, y in ((sa.forms, sb.forms), (sa.actions, sb.actions),
                                                         (sa.units, sb.units), (sa.leaders, sb.leaders)))
