"""Duty lists: an intro naming a role and the list under it, one duty per item.

The intros are data (``duty_list`` in ``patterns/cues.json``), in the three shapes Lampiran and Pasal print:

- the duty named first: "Tanggung jawab anggota tim, meliputi:", "Tugas Ketua Tim meliputi:", "Peran dan tanggung
  jawab Ketua Tim Kerja, meliputi:";
- the role as subject of "bertanggung jawab": "Pimpinan Unit Organisasi bertanggungjawab, untuk:", "Pejabat
  Penilai Kinerja bertanggung jawab atas:";
- the role as subject of "mempunyai tugas": "Penanggung jawab tim mempunyai tugas:".

The role is read from the pattern's ``owner`` span by the EntityRuler (so "Tugas Ketua Tim" is the Ketua Tim even
though a role after "tugas" elsewhere is a title, not a person); the owner must open with the role (after
"setiap", "masing-masing" ...), so "Tanggung jawab dalam tim kerja" (a heading of the section) owns nothing. The
list is the items under the intro (body: its huruf/angka; Lampiran: :func:`rancang.model.clauses.lampiran_following`),
each cited by its own path. A list continues its intro's sentence (UU 12/2011 Lampiran II angka 98), so each item
is a duty of the intro's role.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rancang.kinds import LIST_TYPES
from rancang.model.clauses import Unit, lampiran_following
from rancang.model.pipeline import load_nlp
from rancang.stems import stem

_LABEL = re.compile(r"^(?:[-•]\s*)?(?:\(?[a-z0-9]{1,3}[.)]\s+)")
_LEADS = frozenset({"setiap", "masing-masing", "masing", "seluruh", "para", "seorang", "tiap", "-"})


@cache
def _intros(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def owners(text: str, cues: dict[str, Any]) -> list[str]:
    """The role ids a duty-list intro gives its list to, in order; [] when ``text`` is no such intro.

    ``text``: the intro as printed ("1) Pimpinan Unit Organisasi bertanggungjawab, untuk:")."""
    printed = text.strip()
    t = _LABEL.sub("", printed.lower()).rstrip(" :")
    rule = cues["duty_list"]
    t = re.sub(rule["setting"], "", t, count=1)  # "Dalam pelaksanaan sistem kerja, X mempunyai tugas:"
    lead = next((w for w in rule["leads"] if t.startswith(w + " ")), None)
    if lead:  # "Adapun tugas Ketua Tim Kerja yaitu:", "Yang menjadi tanggung jawab X adalah:"
        t = t[len(lead) + 1:]
    cut = printed.lower().find(t)  # where t starts in the printed intro: the owner is read as printed ("PUO")
    for rx in _intros(tuple(rule["patterns"])):
        m = rx.match(t)
        if m is None:
            continue
        doc = load_nlp()(printed[cut + m.start("owner"):cut + m.end("owner")] if cut >= 0 else m.group("owner"))
        roles = [e for e in doc.ents if e.label_ == "ROLE"]
        if not roles or any(tok.lower_ not in _LEADS for tok in doc[:roles[0].start]):
            continue
        joined = tuple(rule["also_owner_after"])
        out = [roles[0].ent_id_] + [e.ent_id_ for e in roles[1:] if e.start > 0
                                    and doc[e.start - 1].lower_ in joined and e.start - 1 == _prev_end(roles, e)]
        return list(dict.fromkeys(out))
    return []


def lists_functions(text: str, cues: dict[str, Any]) -> bool:
    """Whether a duty-list intro names only the role's peran or fungsi ("Peran tim transformasi manajemen dalam
    pelaksanaan ..., meliputi:"): its items told as nouns are functions, not duties (``duty_list.function_intro``)."""
    t = _LABEL.sub("", text.strip().lower()).rstrip(" :")
    return re.search(cues["duty_list"]["function_intro"], t) is not None


def told_as_verb(text: str, cues: dict[str, Any]) -> bool:
    """Whether an item opens with a verb ("memimpin ...", "melaksanakan ..."), not a noun ("dukungan ...",
    "perumusan ..."): its first word carries a verb prefix (``duty_list.verb_prefixes``) and has a shorter stem."""
    words = re.findall(r"[a-z]+", _LABEL.sub("", text.strip().lower()))
    if not words:
        return False
    w = words[0]
    return w.startswith(tuple(cues["duty_list"]["verb_prefixes"])) and stem(w) != w


def _prev_end(roles: list, e: Any) -> int:
    """Where the role before ``e`` ends (so "X dan Y bertanggung jawab" joins Y, "X dari unit Y" does not)."""
    prev = [r for r in roles if r.end <= e.start]
    return prev[-1].end if prev else -1


def duty_lists(us: list[Unit], cues: dict[str, Any]) -> list[tuple[Unit, list[str], list[Unit]]]:
    """``(intro, role ids, items)`` for every duty list of the act, in document order; only intros with items.

    Definitions (the Ketentuan Umum) are never intros."""
    out = []
    for u in us:
        if u.definition or not u.text or len(u.text) > 240:
            continue
        if u.source == "body":
            items = [us[c] for c in u.children if us[c].type in LIST_TYPES]
        elif u.type in ("item", "paragraph", "heading"):
            items = lampiran_following(us, u)
        else:
            continue
        items = [it for it in items if any(ch.isalpha() for ch in it.text)]  # a page number read as an item: none
        if u.source == "lampiran" and items:  # one duty per item of the list; its sub-items detail that duty
            top = min(it.level for it in items if it.type == "item") if any(it.type == "item" for it in items) else 0
            items = [it for it in items if it.type != "item" or it.level == top]
        if not items:
            continue
        if lists_functions(u.text, cues):  # a list of functions: only its items told as verbs are duties
            items = [it for it in items if told_as_verb(it.text, cues)]
        roles = owners(u.text, cues) if items else []
        if roles:
            out.append((u, roles, items))
    return out
