"""Roles: who the act names, how it defines them, what they must do, whom they report to, who appoints them.

Names come from the EntityRuler (``rancang/data/actors.jsonl``: canonical id + the wordings regions use) and from
the
Ketentuan Umum: a defined term that names an office ("Pejabat ...", "Pimpinan ...", "Ketua ...") but is not
in the
catalogue becomes a role of its own, so an unseen act's offices are still found. Duties are (a) the items
under
an intro such as "Peran dan tanggung jawab Ketua Tim Kerja, meliputi:" (body or Lampiran) and (b) body clauses
whose subject is the role and whose verb is a duty verb ("... melaporkan ...", "... ditetapkan oleh X").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from rancang.fold import slug as fold_slug
from rancang.model.clauses import Unit, clean, low
from rancang.model.duties import duty_lists
from rancang.model.mentions import Mention, before

ROLE_HEADS = ("pejabat ", "pimpinan ", "kepala ", "ketua ", "anggota ", "sekretaris ", "asisten ", "atasan ",
              "koordinator ", "penanggung jawab ", "tim ")
# a role after a preposition is no subject ("instrumen bagi Pegawai ASN dalam melaksanakan tugas")
NOT_SUBJECT = ("kepada", "oleh", "dari", "dengan", "di bawah", "bawah", "sebagai", "tembusan", "selaku", "bagi",
               "untuk", "terhadap")


def slug(text: str) -> str:
    """A role id: the folded words joined by '_', at most 60 characters ("peran" when there are none)."""
    return fold_slug(text, "_")[:60] or "peran"


def _verb_pos(text: str, verbs: list[str]) -> int:
    best = -1
    for v in verbs:
        m = re.search(r"\b" + re.escape(v) + r"\b", text)
        if m and (best < 0 or m.start() < best):
            best = m.start()
    return best


def subjects(u: Unit, ms: list[Mention], verbs: list[str]) -> tuple[list[Mention], int]:
    """The role mentions that are the grammatical subject of the clause, and where its verb starts.

    "X dan Y yang berperan sebagai ketua tim kerja melaporkan ..." -> the ketua tim (the role they act in).
    """
    text = u.low
    # "yang berperan sebagai X" names the role the subject acts in; its verb is the one that follows
    v = _verb_pos(re.sub(r"yang berperan sebagai", lambda m: "_" * len(m.group()), text), verbs)
    if v < 0:
        return [], -1
    roles = [m for m in ms if m.label == "ROLE" and m.start < v]
    acting = [m for m in roles if before(text, m, 12).rstrip().endswith("sebagai")]
    if acting:
        return [acting[-1]], v
    subj = [m for m in roles if not before(text, m, 14).rstrip().endswith(NOT_SUBJECT)]
    return subj, v


def _targets_after(text: str, ms: list[Mention], pos: int, stops: tuple[str, ...] = (" sebagai ",)) -> list:
    """Roles named after the reporting verb (after its "kepada" when it has one: "melaporkan hasil kinerja
    anggota tim kepada X" reports to X), up to the purpose ("... sebagai bahan penilaian ...")."""
    to = text.find(" kepada ", pos)
    pos = to if to >= 0 else pos
    end = min([p for p in (text.find(s, pos) for s in stops) if p >= 0] or [len(text)])
    out = [m for m in ms if m.label == "ROLE" and pos <= m.start < end
           and not before(text, m, 14).rstrip().endswith(("oleh", "sebagai", "selaku"))]
    return out + [x for m in out for x in _elided(text, m) if x.key not in {o.key for o in out}]


#: "Pimpinan Unit Kerja dan/atau Unit Organisasi pemilik kinerja": the head word shared, a second role
_ELIDED = re.compile(r"\s*(?:dan/atau|dan|atau|/)\s*(unit organisasi|unit kerja)\b")
_HEADED = {"unit organisasi": "pimpinan_unit_organisasi", "unit kerja": "pimpinan_unit_kerja"}


def _elided(text: str, m: Mention) -> list[Mention]:
    """The role a shared head word leaves implied after ``m`` ("Pimpinan Unit Kerja dan/atau Unit Organisasi" also
    names the Pimpinan Unit Organisasi); only after a "Pimpinan ..." role."""
    if m.key not in _HEADED.values():
        return []
    x = _ELIDED.match(text.lower(), m.end)
    if x is None or _HEADED[x.group(1)] == m.key:
        return []
    return [Mention("ROLE", _HEADED[x.group(1)], text[x.start(1):x.end(1)], x.start(1), x.end(1))]


def _ref(role: str, u: Unit) -> dict[str, str]:
    return {"role": role, "cite": u.cite, "id": u.id}


def _item(text: str, u: Unit) -> dict[str, str]:
    return {"text": clean(text), "cite": u.cite, "id": u.id}


class RoleBook:
    """Collects everything said about each role while the rules run, then renders the role list."""

    def __init__(self, catalogue: dict[str, dict[str, Any]]):
        self.catalogue = catalogue
        self.forms: dict[str, Counter] = {}
        self.first: dict[str, Unit] = {}
        self.mentions: Counter = Counter()
        self.definition: dict[str, tuple[str, Unit]] = {}
        self.duties: dict[str, list[dict[str, str]]] = {}
        self.reports: dict[str, list[dict[str, str]]] = {}
        self.appointed: dict[str, list[dict[str, str]]] = {}
        self.extra: dict[str, dict[str, Any]] = {}

    def mention(self, key: str, form: str, u: Unit) -> None:
        self.forms.setdefault(key, Counter())[form] += 1
        self.mentions[key] += 1
        self.first.setdefault(key, u)

    def add(self, table: dict, key: str, item: dict[str, str]) -> None:
        lst = table.setdefault(key, [])
        if item not in lst:
            lst.append(item)

    def roles(self) -> list[dict[str, Any]]:
        out = []
        for key in self.mentions:
            entry = self.catalogue.get(key) or self.extra[key]
            forms = self.forms[key]
            aliases: list[str] = []
            for form, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])):
                if form.lower() not in {a.lower() for a in aliases}:
                    aliases.append(form)
            if key in self.definition:
                name = self.definition[key][0]
            else:
                same = [a for a in aliases if a.lower() == entry["name"].lower()]
                titled = [a for a in aliases if a[:1].isupper()]
                name = same[0] if same else (titled[0] if titled else aliases[0])
            cite_unit = self.definition[key][1] if key in self.definition else self.first[key]
            definition = None
            if key in self.definition:
                u = self.definition[key][1]
                definition = _item(u.text, u)
            out.append({
                "id": key, "name": name, "kind": entry.get("kind", "lainnya"), "aliases": aliases,
                "cite": cite_unit.cite, "node": cite_unit.id, "mentions": self.mentions[key],
                "definition": definition, "duties": self.duties.get(key, []),
                "reports_to": self.reports.get(key, []), "appointed_by": self.appointed.get(key, []),
            })
        return out


def defined_term(text: str, splits: list[str]) -> str:
    t = clean(text)
    cut = len(t)
    for s in splits:
        pos = t.find(s)
        if 0 < pos < cut:
            cut = pos
    return re.sub(r"^\d+\.\s*", "", t[:cut]).strip(" ,.")


def _reports(book: RoleBook, u: Unit, ms: list[Mention], subj: list[Mention], cues: dict,
             stops: tuple[str, ...]) -> None:
    """The reporting lines a clause draws: its subjects report to the roles after the reporting verb."""
    # in the Lampiran only reporting proper: its "berkedudukan di bawah" sentences describe one kind of unit each
    rv = _verb_pos(u.low, cues["report_verbs" if u.source == "body" else "lampiran_line_verbs"])
    if rv >= 0 and subj:
        for t in _targets_after(u.low, ms, rv, stops):
            if t.key not in book.mentions:  # named only through a shared head word ("... dan/atau Unit Organisasi")
                book.mention(t.key, book.catalogue.get(t.key, {}).get("name", t.text), u)
            for s in subj:
                if t.key != s.key:
                    book.add(book.reports, s.key, _ref(t.key, u))


def _with_subject_words(u: Unit, ms: list[Mention], cues: dict) -> list[Mention]:
    """A Lampiran sentence's mentions plus the words that name a role in a subject (``kedudukan.subject_roles``:
    "Kelompok Jabatan Fungsional ... bertanggung jawab kepada Pejabat Administrator" is the Pejabat Fungsional's
    line), where no mention covers them."""
    extra: list[Mention] = []
    for key, words in cues["kedudukan"]["subject_roles"].items():
        for w in words:
            for x in re.finditer(r"\b" + re.escape(w) + r"\b", u.low):
                if not any(m.start < x.end() and x.start() < m.end for m in ms + extra):
                    extra.append(Mention("ROLE", key, u.text[x.start():x.end()], x.start(), x.end()))
    return sorted(ms + extra, key=lambda m: m.start) if extra else ms


def _passive_reports(book: RoleBook, u: Unit, ms: list[Mention], cues: dict) -> None:
    """"Laporan hasil pelaksanaan kegiatan dari Pejabat Pengawas disampaikan kepada Pejabat Administrator": the
    role after "dari" reports to the roles after "disampaikan kepada" (``passive_report`` of ``cues.json``); "Hasil
    ... disampaikan kepada Kepala Bagian oleh individu atau ketua tim kerja", "Hasil pekerjaan anggota tim
    dilaporkan kepada Ketua Tim oleh masing-masing anggota tim": the agent after "oleh" does (``passive_report_by``)."""
    for x in [*re.finditer(cues["passive_report"], u.low), *re.finditer(cues["passive_report_by"], u.low)]:
        src = [m for m in ms if m.label == "ROLE" and x.start("from") <= m.start < x.end("from")]
        for t in [m for m in ms if m.label == "ROLE" and x.start("to") <= m.start < x.end("to")]:
            if src and t.key != src[0].key:
                book.add(book.reports, src[0].key, _ref(t.key, u))


def reporting_lines(roles: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Every reporting line once, with both ends: ``{from, to, cite, id}``; only lines whose both ends are roles
    of the model."""
    known = {r["id"] for r in roles}
    out: list[dict[str, str]] = []
    for r in roles:
        for x in r["reports_to"]:
            line = {"from": r["id"], "to": x["role"], "cite": x["cite"], "id": x["id"]}
            if x["role"] in known and line not in out:
                out.append(line)
    return out


def _duty_lists(book: RoleBook, us: list[Unit], mentions: list[list[Mention]], cues: dict,
                stops: tuple[str, ...]) -> set[int]:
    """Duties listed under an intro that names a role (:mod:`rancang.model.duties`), body or Lampiran; an item
    that reports draws a reporting line too. Returns the indexes of the intros (a clause, not a duty itself) and
    of the listed items (each the duty of the intro's role only: "Setiap Pegawai ASN bertanggung jawab atas: a.
    penyelesaian tugas yang diberikan oleh atasan langsung" is no duty of the atasan langsung)."""
    intros: set[int] = set()
    for u, owners, items in duty_lists(us, cues):
        intros.add(u.index)
        intros.update(it.index for it in items)
        for owner in owners:
            if owner not in book.mentions:  # "Tugas Ketua Tim": a role even right after "tugas"
                book.mention(owner, book.catalogue.get(owner, {}).get("name", owner), u)
        for it in items:
            for owner in owners:
                book.add(book.duties, owner, _item(it.text, it))
                rv = _verb_pos(it.low, cues["report_verbs"])
                if rv >= 0:
                    for t in _targets_after(it.low, mentions[it.index], rv, stops):
                        if t.key != owner:
                            book.add(book.reports, owner, _ref(t.key, it))
    return intros


def _appointments(book: RoleBook, us: list[Unit], mentions: list[list[Mention]], cues: dict) -> None:
    """Who appoints whom: an agent before the appointing verb, the appointee "sebagai" a role after it."""
    for u in us:
        ms = mentions[u.index]
        av = _verb_pos(u.low, cues["appoint_verbs"])
        if av < 0:
            continue
        agents = [m for m in ms if m.label == "ROLE" and m.start < av
                  and not before(u.low, m, 14).rstrip().endswith(NOT_SUBJECT)]
        appointees = [m for m in ms if m.label == "ROLE" and m.start > av
                      and before(u.low, m, 12).rstrip().endswith("sebagai")]
        if agents and appointees:
            for a in appointees:
                if a.key != agents[0].key:
                    book.add(book.appointed, a.key, _ref(agents[0].key, u))


def build_roles(us: list[Unit], mentions: list[list[Mention]], catalogue: dict, cues: dict) -> list[dict]:
    book = RoleBook(catalogue)
    splits = cues["definition_split"]
    stops = tuple(cues["report_target_stop"])
    # 1. definitions in the Ketentuan Umum: catalogue roles get their definition, new offices become roles.
    for u in us:
        if not u.definition:
            continue
        term = defined_term(u.text, splits)
        whole = [m for m in mentions[u.index] if m.label == "ROLE" and m.start == 0
                 and m.end >= len(term) - 1]
        if whole:
            book.definition.setdefault(whole[0].key, (term, u))
        elif term.lower().startswith(ROLE_HEADS) and len(term.split()) <= 8:
            key = slug(term)
            if key not in catalogue and key not in book.extra:
                book.extra[key] = {"id": key, "name": term, "kind": "lainnya"}
                book.definition[key] = (term, u)
    # 2. mentions (catalogue via the EntityRuler, defined offices by their term)
    extra_terms = {key: e["name"].lower() for key, e in book.extra.items()}
    for u in us:
        for m in mentions[u.index]:
            if m.label == "ROLE":
                book.mention(m.key, m.text, u)
        for key, term in extra_terms.items():
            pos = u.low.find(term)
            if pos >= 0:
                book.mention(key, u.text[pos:pos + len(term)], u)
    intros = _duty_lists(book, us, mentions, cues, stops)
    # 4. body clauses: subject + duty verb; passive agent ("ditetapkan oleh X"); reporting lines (body and
    #    Lampiran: "... yang berperan sebagai anggota tim melaporkan ... kepada ketua tim"); appointments
    for u in us:
        if u.definition or not u.text or u.source != "body" and (
                u.type not in ("item", "paragraph") or not any(v in u.low for v in cues["lampiran_line_verbs"])):
            continue
        ms = mentions[u.index] if u.source == "body" else _with_subject_words(u, mentions[u.index], cues)
        subj, v = subjects(u, ms, cues["duty_verbs"] + ["berkedudukan"])
        # a kedudukan ("... berkedudukan di bawah ...") places the role, a duty-list intro opens duties: neither
        # is a duty itself (both may still draw a reporting line)
        placing = v >= 0 and u.low.startswith(tuple(cues["kedudukan_verbs"]), v)
        # "X adalah/merupakan pejabat yang bertanggung jawab ...": a definition outside the Ketentuan Umum
        defining = v >= 0 and any(0 <= u.low.find(c) < v for c in cues["definition_copula"])
        if u.source == "body" and not placing and not defining and u.index not in intros:  # (nor a listed duty)
            for s in subj:
                book.add(book.duties, s.key, _item(u.text, u))
            for m in ms:
                if m.label == "ROLE" and re.search(r"\bdi\w+ oleh\s*$", before(u.low, m, 40)):
                    book.add(book.duties, m.key, _item(u.text, u))
        _reports(book, u, ms, subj, cues, stops)
    for u in us:
        if not u.definition and " kepada " in u.low:  # "disampaikan / dilaporkan kepada ..."
            _passive_reports(book, u, mentions[u.index], cues)
    _appointments(book, us, mentions, cues)
    return book.roles()


__all__ = ["build_roles", "defined_term", "low", "reporting_lines", "slug", "subjects"]
