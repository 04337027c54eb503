"""Kedudukan: who sits under whom (jenjang lines), and which positions act as Pejabat Penilai Kinerja or Pimpinan
Unit Organisasi.

A kedudukan sentence ("Kelompok Jabatan Fungsional dan Pelaksana berkedudukan berada di bawah Pejabat Administrator
(Kepala Bidang/Sekretaris) sebagai pejabat level 2 yang berperan selaku Pejabat Penilai Kinerja"; "Untuk Pejabat
fungsional dengan jenjang ahli madya dan ahli utama berkedudukan di bawah Pejabat Pimpinan Tinggi Pratama sebagai
Pemilik Kinerja sekaligus penilai kinerja") draws a line from each role before its verb (with the jenjang named
there) to each role or position after "di bawah" (and after "kepada" where it goes on "... dan bertanggung jawab
kepada"), and says which roles the superior acts as (the roles of kind ``peran`` after "sebagai" / "selaku").
Cue words are in ``patterns/cues.json`` → ``kedudukan``: the verbs, the jenjang, the words that name a role inside
a subject or after "di bawah" ("Jabatan Fungsional", "Pejabat Pimpinan Tinggi Pratama/Administrator/Pengawas"),
and the positions that are no catalogue role ("Kepala Bidang", "Sekretaris",
"Inspektur", "Kepala UPTD" ...), which become ``positions`` of the model with the roles they act as.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rancang.model.clauses import Unit
from rancang.model.mentions import Mention, find_mentions
from rancang.model.pipeline import load_nlp
from rancang.model.roles import slug
from rancang.model.tables import kedudukan_rows

_JOINS = frozenset({"dan", "atau", "dan/atau", "serta", "sekaligus", "juga"})
_SENTENCE = re.compile(r"(?:(?<=[a-z0-9)])|(?<=[A-Z]{2}))\.\s+(?=[A-Z])")  # after a word or an acronym ("selaku PPK.")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    return out + [(start, len(text))]


def _words(low: str, a: int, b: int, table: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word of ``table`` in ``low[a:b]``, longest first, never overlapping."""
    found: list[tuple[int, int, str]] = []
    for w, key in sorted(((w, k) for k, ws in table.items() for w in ws), key=lambda x: -len(x[0])):
        for m in re.finditer(r"\b" + re.escape(w) + r"\b", low[a:b]):
            s, e = a + m.start(), a + m.end()
            if not any(s < fe and fs < e for fs, fe, _ in found):
                found.append((s, e, key))
    return sorted(found)


class _Reader:
    def __init__(self, cues: dict[str, Any], catalogue: dict[str, dict[str, Any]]) -> None:
        k = cues["kedudukan"]
        self.verb = re.compile(k["verb"])
        # "jenjang keahlian": keahlian, and the category printed bare after the role ("Jabatan Fungsional
        # keterampilan"); a category with a jenjang of its own named is that jenjang ("keahlian jenjang ahli madya")
        self.jenjang = {j.removeprefix("jenjang "): [j] + ([j.removeprefix("jenjang ")] if j.startswith("jenjang ")
                                                            else []) for j in k["jenjang"]}
        self.categories = {j.removeprefix("jenjang ") for j in k["jenjang"] if j.startswith("jenjang ")}
        self.subject_words = k["subject_roles"]
        self.positions: dict[str, list[str]] = {}
        for p in k["positions"]:  # "Kepala Unit Pelaksana Teknis Daerah" is the Kepala UPTD
            self.positions.setdefault(slug(k["same_position"].get(p, p)), []).append(p)
        self.printed: dict[str, str] = {}  # a position's name as the act prints it
        self.roles_as = {key for key, e in catalogue.items() if e.get("kind") == "peran"}
        self.acting = re.compile(k["acting"])
        self.stop = re.compile(k["stop"])
        self.subject_from = re.compile(k["subject_from"])
        self.inverse = re.compile(k["inverse"])
        self.inverse_open = re.compile(k["inverse_open"])
        self.holding = re.compile(k["holding"])
        self.held_by = re.compile(k["held_by"])

    def parties(self, u: Unit, ms: list[Mention], a: int, b: int) -> list[tuple[int, int, str]]:
        """Roles (catalogue mentions, subject words) and positions in ``u.low[a:b]``, in order."""
        words = _words(u.low, a, b, {**self.subject_words, **self.positions})
        found = [w for w in words if w[2] in self.positions]  # "Kepala Unit Pelaksana Teknis": a position first
        for s, e, key in [(m.start, m.end, m.key) for m in ms if m.label == "ROLE" and a <= m.start and m.end <= b] \
                + [w for w in words if w[2] not in self.positions]:
            if not any(s < fe and fs < e for fs, fe, _ in found):
                found.append((s, e, key))
        found += self._elided(u.low, b, found)
        for s, e, key in found:
            self.printed.setdefault(key, u.text[s:e])
        return sorted(found)

    def _elided(self, low: str, b: int, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Positions named after a slash with their head word left out: "Kepala Seksi/Subbagian" is the Kepala
        Seksi and the Kepala Subbagian ("Kepala Seksi/Sekretaris Lurah" names the Sekretaris Lurah itself)."""
        out: list[tuple[int, int, str]] = []
        for s, e, key in found:
            if key not in self.positions or not low.startswith("/", e):
                continue
            head = low[s:e].split()[0]
            for name in sorted((n for ns in self.positions.values() for n in ns), key=len, reverse=True):
                rest = name.removeprefix(head + " ")
                if rest != name and re.match(re.escape(rest) + r"\b", low[e + 1:b]) \
                        and not any(fs <= e + 1 < fe for fs, fe, _ in found):
                    out.append((e + 1, e + 1 + len(rest), slug(name)))
                    break
        return out

    def _jenjang(self, low: str, a: int, v: int, subjects: list[tuple[int, int, str]]) -> dict[str, list[str]]:
        """Subject role -> the jenjang it sits with: the jenjang printed after a subject and before the next one are
        its own ("Pejabat Fungsional jenjang terampil dan Pejabat Pelaksana": the Pelaksana has none); those
        printed before the first subject or after the last are shared by every subject with none of its own
        ("Pejabat Fungsional dan Pelaksana dengan jenjang keterampilan")."""
        words = _words(low, a, v, self.jenjang)
        subjects = sorted(subjects)
        shared = [k for s, _, k in words if not subjects or s < subjects[0][0] or s >= subjects[-1][1]]
        out: dict[str, list[str]] = {}
        for i, (_, e, key) in enumerate(subjects):
            nxt = subjects[i + 1][0] if i + 1 < len(subjects) else -1
            own = [k for s, _, k in words if e <= s < nxt]
            got = own or shared
            got = [k for k in got if k not in self.categories] if set(got) - self.categories else got
            out[key] = list(dict.fromkeys(out.get(key, []) + got))  # a role printed twice: both its jenjang
        return out

    def _inverse(self, u: Unit, ms: list[Mention], a: int, b: int) -> list[dict[str, Any]]:
        """Lines of a kedudukan told from the superior ("Inspektur Pembantu berperan sebagai Pejabat Penilai Kinerja
        bagi Pejabat Fungsional yang berada di bawahnya"; ``inverse_open``: "Kepala Bidang ... bertindak sebagai
        Pejabat Penilai Kinerja bagi Pejabat Fungsional jenjang ahli muda dan ahli pertama di lingkungannya", only
        where a peran is acted as): the roles after "bagi" (with the jenjang named there) under the parties before
        the verb, acting as the peran roles named after "sebagai"."""
        x = self.inverse.search(u.low, a, b)
        open_form = x is None
        if x is None:
            x = self.inverse_open.search(u.low, a, b)
        if x is None or self.verb.search(u.low, a, x.start()):  # "X berkedudukan di bawah Y yang berperan sebagai
            return []  # PPK bagi ... yang berkedudukan dibawahnya": the line is X's, read by the verb
        start = max([m.end() for m in self.subject_from.finditer(u.low, a, x.start())], default=a)
        supers = [k for _, _, k in self.parties(u, ms, start, x.start())]
        acts_as = [k for _, _, k in self.parties(u, ms, x.start("as"), x.end("as")) if k in self.roles_as]
        if open_form and not acts_as:
            return []
        found = self.parties(u, ms, x.start("sub"), x.end("sub"))
        subjects = [k for _, _, k in found]
        jenjang = self._jenjang(u.low, x.start("sub"), x.end("sub"), found)
        return [{"from": s, "jenjang": jenjang.get(s, []), "to": t, "as": list(dict.fromkeys(acts_as)),
                 "cite": u.cite, "id": u.id}
                for s in dict.fromkeys(subjects) for t in dict.fromkeys(supers) if s != t]

    def holdings(self, u: Unit, ms: list[Mention]) -> list[dict[str, str]]:
        """``{holder, role, cite, id}`` for each sentence naming who holds a peran outside a kedudukan sentence
        (``holding``: "Kepala Perangkat Daerah bertindak sebagai Pimpinan Unit Organisasi."; "Kepala Bagian ...
        juga berperan sebagai Pimpinan Unit Organisasi"; "Kepala Dinas merupakan Pimpinan Unit Organisasi"): the
        subject's roles and positions hold the peran roles that close the sentence (words other than roles there,
        such as a verb, make it no holding); told from the role (``held_by``: "Pimpinan Unit Organisasi dijabat oleh
        Kepala Perangkat Daerah"), the parties after the verb hold the peran before it."""
        out: list[dict[str, str]] = []
        for a, b in _sentences(u.text):
            if (y := self.held_by.search(u.low, a, b)) is not None:  # "Pimpinan Unit Organisasi dijabat oleh ..."
                start = max([m.end() for m in self.subject_from.finditer(u.low, a, y.start())], default=a)
                held = [k for _, _, k in self.parties(u, ms, start, y.start()) if k in self.roles_as]
                out += [{"holder": h, "role": r, "cite": u.cite, "id": u.id}
                        for _, _, h in self.parties(u, ms, y.start("by"), y.end("by")) for r in held if r != h]
                continue
            x = self.holding.search(u.low, a, b)
            if x is None or self.verb.search(u.low, a, b) or self.inverse.search(u.low, a, b) \
                    or self.inverse_open.search(u.low, a, b):
                continue
            named = self.parties(u, ms, x.start("as"), x.end("as"))
            rest = u.low[x.start("as"):x.end("as")]
            for s, e, _ in sorted(named, reverse=True):
                rest = rest[:s - x.start("as")] + " " + rest[e - x.start("as"):]
            if set(re.findall(r"[^\s,()/]+", rest)) - _JOINS or not named:  # "merupakan strategi dari Pimpinan ..."
                continue
            acts_as = [k for _, _, k in named if k in self.roles_as]
            start = max([m.end() for m in self.subject_from.finditer(u.low, a, x.start())], default=a)
            holders = self.parties(u, ms, start, x.start())
            if not holders or u.low[start:holders[0][0]].strip(" ,"):  # the subject opens with a holder
                continue
            for _, _, holder in holders:
                out += [{"holder": holder, "role": r, "cite": u.cite, "id": u.id} for r in acts_as if r != holder]
        return out

    def read(self, u: Unit, ms: list[Mention]) -> list[dict[str, Any]]:
        out = []
        for a, b in _sentences(u.text):
            out += self._inverse(u, ms, a, b)
            v = self.verb.search(u.low, a, b)
            if v is None:
                continue
            # the subject: after the last word that opens it ("Pada struktur di atas", "Untuk", "kedudukan") -
            # a title run into the sentence names other roles
            a = max([m.end() for m in self.subject_from.finditer(u.low, a, v.start())], default=a)
            # a role described in the subject ("pejabat pimpinan tinggi pratama sebagai Pimpinan Unit Organisasi,
            # kelompok jabatan fungsional ... berkedudukan"): neither it nor what it acts as sits under anyone here
            found = self.parties(u, ms, a, v.start())
            subjects = [k for s, e, k in found if not self.acting.match(u.low[e:e + 9].lstrip())
                        and not self.acting.search(u.low[max(a, s - 9):s])]
            jenjang = self._jenjang(u.low, a, v.start(), [(s, e, k) for s, e, k in found if k in subjects])
            stop = self.stop.search(u.low, v.end(), b)
            act = self.acting.search(u.low, v.end(), stop.start() if stop else b)
            end_sup = act.start() if act else (stop.start() if stop else b)
            supers = [k for _, _, k in self.parties(u, ms, v.end(), end_sup)]  # "... kepada Pejabat Penilai Kinerja"
            acts_as = [k for _, _, k in self.parties(u, ms, act.end(), stop.start() if stop else b)
                       if k in self.roles_as] if act else []
            for s in dict.fromkeys(subjects):
                for t in dict.fromkeys(supers):
                    if s != t:
                        out.append({"from": s, "jenjang": jenjang[s], "to": t, "as": list(dict.fromkeys(acts_as)),
                                    "cite": u.cite, "id": u.id})
        return out


def build_kedudukan(us: list[Unit], mentions: list[list[Mention]], cues: dict[str, Any],
                    catalogue: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                                 list[dict[str, str]]]:
    """``(lines, positions, holdings)``: every kedudukan line ``{from, jenjang, to, as, cite, id}`` in document
    order (each once); each position that is no catalogue role but a superior in a line or the holder of a role
    ``{id, name, acts_as: [{role, cite, id}], cite, node}``; and each holding stated outside a kedudukan sentence
    ``{holder, role, cite, id}`` (``_Reader.holdings``)."""
    reader = _Reader(cues, catalogue)
    lines: list[dict[str, Any]] = []
    held: list[dict[str, str]] = []
    for u in us:
        ms = mentions[u.index]
        said = kedudukan_rows(u.rows or [], cues) if u.type == "table" else []
        if said:  # a table of kedudukan: each row read as the sentence it stands for
            u = replace(u, text=" ".join(said), full=" ".join(said))
            ms = find_mentions([u], load_nlp(), cues["role_not_after"])[0]
        if u.definition or not u.text:
            continue
        held += [h for h in reader.holdings(u, ms) if h not in held]
        if not (reader.verb.search(u.low) or reader.inverse.search(u.low) or reader.inverse_open.search(u.low)):
            continue
        for line in reader.read(u, ms):
            if line not in lines:
                lines.append(line)
    positions: dict[str, dict[str, Any]] = {}
    for key, roles, cite, node in [(x["to"], x["as"], x["cite"], x["id"]) for x in lines] \
            + [(h["holder"], [h["role"]], h["cite"], h["id"]) for h in held]:
        if key in reader.positions:
            name = reader.printed.get(key) or key.replace("_", " ").title()
            p = positions.setdefault(key, {"id": key, "name": name, "acts_as": [], "cite": cite, "node": node})
            for r in roles:
                ref = {"role": r, "cite": cite, "id": node}
                if ref not in p["acts_as"]:
                    p["acts_as"].append(ref)
    return lines, list(positions.values()), held


def holders(lines: list[dict[str, Any]], held: Sequence[dict[str, str]] = ()) -> dict[str, list[dict[str, str]]]:
    """Role id -> the positions and roles that act as it ``[{role, cite, id}]`` ("Pejabat Administrator ... yang
    berperan selaku Pejabat Penilai Kinerja": the Pejabat Administrator holds the Pejabat Penilai Kinerja; a
    holding of ``build_kedudukan``: "Kepala Perangkat Daerah bertindak sebagai Pimpinan Unit Organisasi")."""
    out: dict[str, list[dict[str, str]]] = {}
    for r, ref in [(r, {"role": x["to"], "cite": x["cite"], "id": x["id"]}) for x in lines for r in x["as"]] \
            + [(h["role"], {"role": h["holder"], "cite": h["cite"], "id": h["id"]}) for h in held]:
        if ref not in out.setdefault(r, []):
            out[r].append(ref)
    return out
