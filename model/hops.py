"""A step's letters in sequence: who sends to whom, with tembusan to whom, each party with its side.

A step may move its letter more than once ("Pimpinan Unit Organisasi yang dituju menyampaikan surat jawaban kepada
pejabat yang berwenang, kemudian pejabat yang berwenang menyampaikan surat jawaban tersebut kepada Kepala Perangkat
Daerah pemohon"): each move is a *hop* ``{actor, side, co_actors, signer, to: [{role, side}], cc: [{role, side}]}``,
in the order the text tells them. Rules (cue words in ``patterns/cues.json`` → ``hops``):

- a hop opens at the step's actor, and at every later role of the main clause printed after a joining word
  (``hops.join``: ",", "kemudian", "dan", "lalu", "selanjutnya") and acting with an active verb of its own (side
  markers and "yang dituju" may stand between);
- roles listed with the actor ("Atasan langsung dan penanggung jawab tim melakukan reviu") or joined to it by
  "bersama" / "beserta" (``hops.with``: "Pejabat Penilai Kinerja bersama Ketua Tim mengusulkan ...") are its
  ``co_actors``: both act;
- within a hop, the addressees are the roles right after "kepada" (and those listed with them), the tembusan the
  roles after "tembusan" / "ditembuskan kepada"; the object of a verb that addresses someone
  (``hops.object_verbs``: "menginstruksikan", "memerintahkan", "menugaskan" ...) is an addressee too
  ("menginstruksikan Pimpinan Unit Organisasi yang dituju untuk ...");
- the signer is the role after "ditandatangani oleh" (a draft prepared by one official, signed by another);
- a party's side is the marker printed after it (TUJUAN "dituju", "penerima", "tempat ... berada"; ASAL "pemohon",
  "pemilik kinerja"), else None: the text does not say, and the reader (the letters) decides.
"""

from __future__ import annotations

from typing import Any

from rancang.model.pipeline import cues

#: the side of a party marked "bersangkutan" ("tembusan Pimpinan Unit Organisasi bersangkutan"): the one concerned
#: is on the side of the hop's actor; resolved by :func:`own_sides` once the step's side is known
OWN = "_own"


def _party(c: Any, e: Any) -> dict[str, Any]:
    side = c.side_of(e)
    if side == "asal" and any(t.lower_ in cues()["hops"]["own"] for t in c.doc[e.end:e.end + 3]):
        side = OWN
    return {"role": str(e.ent_id_), "side": side}


def own_sides(hops: list[dict[str, Any]], step_side: str | None) -> None:
    """Give the first hop the step's side when its actor bears no marker, and each party marked "bersangkutan" its
    hop actor's side (None where that is not known, or within one unit: ``step_side`` None)."""
    for i, h in enumerate(hops):
        if step_side is None:
            h["side"] = None
        elif i == 0 and h["side"] is None:
            h["side"] = step_side
        for x in [h["signer"], *h["to"], *h["cc"]]:
            if x is not None and (x["side"] == OWN or step_side is None):
                x["side"] = h["side"] if step_side is not None else None


def _acts(c: Any, e: Any) -> bool:
    """The role is followed (past its side marker, "yang dituju", "tersebut" ...) by an active verb of its own."""
    skip = frozenset(cues()["hops"]["skip"])
    for j in range(e.end, min(len(c.doc), e.end + 6)):
        if c.has(j, "ACTIVE"):
            return True
        if not (c.has(j, "MODAL") or c.has(j, "TUJUAN") or c.has(j, "ASAL") or c.doc[j].lower_ in skip):
            return False
    return False


def _opens(c: Any, e: Any, lo: int) -> bool:
    join = frozenset(cues()["hops"]["join"])
    j = e.start - 1
    while j >= lo and c.has(j, "MODAL") and c.doc[j].lower_ not in join:
        j -= 1
    co_subject = any(r.end == j for r in c.roles)  # "Pejabat Fungsional dan Pelaksana menerima ...": one hop
    return j >= lo and c.doc[j].lower_ in join and not co_subject and _acts(c, e)


def _signer(c: Any, lo: int, hi: int) -> dict[str, Any] | None:
    for j in range(lo, hi - 1):
        if c.doc[j].lower_ == "ditandatangani" and c.doc[j + 1].lower_ == "oleh":
            e = next((r for r in c.roles if j + 1 < r.start <= j + 4), None)
            return _party(c, e) if e is not None else None
    return None


def _hop(c: Any, actor: Any, lo: int, hi: int) -> dict[str, Any]:
    key = str(actor.ent_id_) if actor is not None else None
    cc_at = next((i for i in range(lo, hi) if c.has(i, "CC")), hi)
    verbs = frozenset(cues()["hops"]["object_verbs"])
    to: list[dict[str, Any]] = []
    cc: list[dict[str, Any]] = []
    co: list[str] = []
    last, last_to = actor, None  # the actor's list ("X dan Y melakukan"), the addressees' ("kepada X dan Y")
    for e in c.roles:
        if not lo <= e.start < hi or actor is not None and e.start == actor.start:
            continue
        if e.start > cc_at:
            if _party(c, e) not in cc:
                cc.append(_party(c, e))
        elif e.start > 0 and (c.has(e.start - 1, "TO") or c.doc[e.start - 1].lower_ in verbs) \
                or _joined(c, e, last_to):
            # "PyB dituju ... kepada PyB pemohon": another one of the same role
            if (e.ent_id_ != key or c.side_of(e) is not None) and _party(c, e) not in to:
                to.append(_party(c, e))
            last_to = e
        elif _joined(c, e, last):
            if e.ent_id_ != key and e.ent_id_ not in co:
                co.append(str(e.ent_id_))
            last = e
    return {"actor": key, "side": c.side_of(actor) if actor is not None else None, "co_actors": co,
            "signer": _signer(c, lo, hi), "to": to, "cc": cc}


def _joined(c: Any, e: Any, prev: Any) -> bool:
    """``e`` follows role ``prev`` in one list of roles ("Atasan langsung dan penanggung jawab tim", "kepada
    Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi"): only joining words between them."""
    if prev is None or prev.end > e.start:
        return False
    between = [t.lower_ for t in c.doc[prev.end:e.start]]
    if 1 <= len(between) <= 2 and all(w in cues()["hops"]["list_join"] for w in between):
        return True
    # "X bersama Y", "X bersama-sama dengan Y", "X beserta Y": Y acts with X ("dengan" alone joins no one)
    hops = cues()["hops"]
    return 1 <= len(between) <= 4 and between[0] in hops["with"] and all(w in hops["with_then"] for w in between[1:])


def read_hops(c: Any, actor: Any) -> list[dict[str, Any]]:
    """The hops of clause ``c`` (a :class:`rancang.model.steps.Clause`) whose main actor is ``actor`` (a role
    span or None), in the order the text tells them; one hop when the step moves its letter once."""
    lo = c.main if actor is None or actor.start < c.main else actor.start
    heads: list[tuple[int, Any]] = [(lo, actor)]
    for e in c.roles:
        if e.start > lo and _opens(c, e, lo):
            heads.append((e.start, e))
    out = []
    for i, (start, who) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(c.doc)
        out.append(_hop(c, who, start if i else c.main, end))
    return out
