"""Which mechanism a clause belongs to, read from the tree: a pair of the diff shares its mechanism.

A sistem-kerja act writes each mechanism of penugasan (PermenPAN-RB 7/2022: the *form*, penunjukan or pengajuan
sukarela, times the *scope*, within a unit, across the region's own units, across Instansi Pemerintah) as a heading
with its steps under it ("Mekanisme pengajuan sukarela yang bersifat lintas unit organisasi" / "a. Pejabat
Fungsional menyampaikan surat permohonan ..."). The steps of two mechanisms are worded alike ("Pejabat Fungsional
menerima surat penugasan untuk dilaksanakan ..."), so the step's own words cannot tell them apart: a Lampiran unit
whose opening names no form or scope takes those of the unit above it (the nearest one whose cite it extends, then
that one's, for the form), and two units pair only within one mechanism (:func:`same_mechanism`):

* the **forms** they belong to share one (:func:`forms`);
* the **scopes** share a (relation, unit) (:func:`scopes_agree`; an inherited scope keeps its relation: a step of
  the penunjukan *within* the unit is not the step *across* units);
* one class of actor's duty is not another's: a unit's leader, a team's leader, a member (:func:`whose`,
  :func:`same_whose`).

Measured on the judged pairs (docs/search.md "Slots").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rancang.corpus import slots
from rancang.corpus.scope import OWN, Scope, agree, scope
from rancang.fold import fold

#: the mark of a relation a unit inherits from the mechanism above it (an inherited "across" is "^across")
INHERITED = "^"


class Comparable(Protocol):
    """What this module reads of a unit of :mod:`.align`: its cite, the words compared, whether it is Lampiran."""

    @property
    def cite(self) -> str: ...

    @property
    def words(self) -> str: ...

    @property
    def lampiran(self) -> bool: ...


class Mechanisms:
    """The mechanism of every unit of one act: ``scopes`` (own or inherited, :func:`scopes`), ``forms``
    (:func:`forms`), ``whose`` (:func:`whose`), ``steps`` (is the unit a step, :func:`.slots.slots` shape) and
    ``words`` (its words), by unit index."""

    def __init__(self, us: Sequence[Comparable], scoped: tuple[tuple[str, ...], ...]) -> None:
        parents = parents_of(us)
        self.scopes = scopes(us, scoped, parents)
        self.forms = forms(us, parents)
        self.whose = whose(us, parents)
        self.steps = [slots.slots(u.words).shape == "step" for u in us]
        self.words = [u.words for u in us]
        self.lampiran = [u.lampiran for u in us]


def same_mechanism(a: Mechanisms, i: int, b: Mechanisms, j: int) -> bool:
    """May unit ``i`` of one act and unit ``j`` of the other be a pair as far as their mechanisms go: their scopes
    agree (:func:`scopes_agree`), one actor's duty is not another's (:func:`same_whose`; two steps are left to
    :func:`.slots.agree`: a letter issued and received is one hand-over told from each side) and, where both belong
    to a form of penugasan, they share it."""
    fa, fb = a.forms[i], b.forms[j]
    return (scopes_agree(a.scopes[i], b.scopes[j], a.steps[i] or b.steps[j], a.words[i], b.words[j])
            and (a.steps[i] and b.steps[j] or same_whose(a.whose[i], b.whose[j], a.lampiran[i] and b.lampiran[j]))
            and not (fa and fb and not fa & fb))


def parents_of(us: Sequence[Comparable]) -> list[int | None]:
    """For each Lampiran unit, the index of the nearest unit before it whose cite it extends ("Lampiran huruf B
    angka 1" for "Lampiran huruf B angka 1 huruf c"); None for a unit of the batang tubuh or one with no such unit."""
    seen: dict[str, int] = {}
    out: list[int | None] = []
    for k, u in enumerate(us):
        words = u.cite.split()
        out.append(next((seen[c] for c in (" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)) if c in seen),
                        None) if u.lampiran else None)
        if u.lampiran:
            seen[u.cite] = k
    return out


def scopes(us: Sequence[Comparable], scoped: tuple[tuple[str, ...], ...], parents: list[int | None]) -> list[Scope]:
    """The scope of each unit: its own, else (a Lampiran unit) that of the nearest unit before it whose cite it
    extends, its relations marked :data:`INHERITED` ("Mekanisme penunjukan lintas Perangkat Daerah" heads its steps
    "... huruf b angka 1", "angka 2"). Only the nearest heading's own scope is taken: one from higher up gave a
    general list of a request letter's contents the scope of an unrelated heading."""
    own = [scope(u.words, scoped) for u in us]
    return [frozenset((INHERITED + r, x) for r, x in own[h]) if h is not None and not own[k] else own[k]
            for k, h in enumerate(parents)]


def forms(us: Sequence[Comparable], parents: list[int | None]) -> list[frozenset[str]]:
    """The form of penugasan each unit belongs to (:func:`.slots.slots` ``forms``: penunjukan, pengajuan sukarela):
    its own, else (a Lampiran unit) that of the nearest unit above it naming one ("Mekanisme pengajuan sukarela"
    heads "... lintas unit organisasi", which heads its steps): a step of the pengajuan sukarela is no step of the
    penunjukan, however alike they are worded."""
    own = [slots.slots(u.words).forms for u in us]
    out: list[frozenset[str]] = []
    for k in range(len(us)):
        h: int | None = k
        while h is not None and not own[h]:
            h = parents[h]
        out.append(own[h] if h is not None else frozenset())
    return out


def whose(us: Sequence[Comparable], parents: list[int | None]) -> list[str]:
    """For each unit, the class of actor whose duty it states: the actor it opens on (``slots.acting``), else, for a
    Lampiran item, the one the intro it stands under names (``slots.whose`` of the nearest unit before it whose cite
    it extends: "Kewajiban Ketua Tim Kerja antara lain:"); "" when neither names one."""
    return [slots.acting(u.words) or slots.slots(u.words).whose or (slots.slots(us[h].words).whose if h is not None
                                                                   else "")
            for u, h in zip(us, parents, strict=True)]


def same_whose(a: str, b: str, strict: bool = True) -> bool:
    """One actor's duty is not another's: "menyusun rencana kerja Tim Kerja" (Kewajiban Ketua Tim Kerja) is not
    "menyusun rencana kerja individu" (tanggung jawab anggota Tim Kerja) nor "menyusun rencana kerja organisasi" (the
    Pimpinan Unit Organisasi's); the Pejabat Penilai Kinerja's "pemberian umpan balik" is not the ketua tim's. Classes
    (``slots.actor_classes``): the one assigned, a team's leader, a unit's leader; "" (none named) agrees with any.
    Not ``strict`` (a clause of the batang tubuh, which states rules rather than lists duties), only a team's leader
    and a member are told apart: "Pejabat Fungsional ... berkedudukan di bawah ... Pejabat Administrator" is the
    rule "Pejabat Penilai Kinerja ... dapat merupakan: ... Pejabat Administrator" told from the other side."""
    if not strict:
        return {a, b} != {"team", "assignee"}
    return not (a and b) or a == b


def scopes_agree(a: Scope, b: Scope, steps: bool = True, text_a: str = "", text_b: str = "") -> bool:
    """:func:`.scope.agree`, an inherited scope counting as the unit's own; and a clause naming no scope is about the
    region's own units: it pairs with one whose only scope is another instansi when it names that instansi itself
    ("... dapat melibatkan Pejabat Fungsional yang berasal dari lintas Instansi Pemerintah", the scope met past the
    opening), or, the scope inherited from a mechanism, when neither is a step (``steps`` False): the contents a
    request letter lists are the same whoever it goes to, but "Pimpinan Unit Organisasi ... mengirimkan surat
    permohonan ... kepada Pejabat yang Berwenang" across instansi is no step of the region's own units.

    >>> across = frozenset({("across", "instansi")})
    >>> scopes_agree(across, frozenset(), True, "", "Pejabat Fungsional dari instansi lain")
    True
    >>> scopes_agree(frozenset({(INHERITED + "across", "instansi")}), frozenset(), True, "", "Pimpinan menugaskan")
    False
    >>> scopes_agree(frozenset({(INHERITED + "within", OWN)}), frozenset({("across", OWN)}))
    False
    """
    inherited = any(r.startswith(INHERITED) for r, _ in (*a, *b))
    a = frozenset((r.removeprefix(INHERITED), x) for r, x in a)
    b = frozenset((r.removeprefix(INHERITED), x) for r, x in b)
    if not (a and b):
        units = {x for _, x in a or b}
        if not units or OWN in units or (inherited and not steps):
            return True
        return bool(units & set(fold(text_b if a else text_a).split()))
    return agree(a, b)
