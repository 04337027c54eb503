"""Procedures: the penugasan mechanisms the act lists as ordered steps, the reporting procedure its Pasal state
clause by clause, and the stages of the work mechanism.

A procedure opens where a Lampiran block (or a body Pasal/ayat) starts with a procedure cue ("Mekanisme
penunjukan yang bersifat lintas ...", ``procedure_intro`` in ``cues.json``). Its section runs to the next block
at its level or above, or to the next procedure. Its steps are the first list of its section, read as the text
arranges it:

- an item naming a stage ("1) Tahapan Perencanaan:") is not a step; the items under it are, with that stage;
- an item that introduces sub-steps without anyone acting ("apabila tersedia maka dilakukan hal sebagai
  berikut:") is not a step; its sub-items and bullets are, on its branch;
- an item introducing the contents of a letter ("... paling sedikit memuat:") is a step; its contents are not;
- a list that restarts under the same path (a second "1)" after a paragraph) is another list: the steps end;
- a section without enumerated items has as steps the bullet paragraphs after its intro ("... berikut:").

So a step is always an action inside its procedure's section. A procedure printed without a list ("Penunjukan
... dilakukan langsung oleh Pejabat Penilai Kinerja.") is one step, its own sentence. Each step is read as a
clause by :mod:`rancang.model.steps`; a step's side is its actor's marker, else the side that role already acted
on in the procedure, else ``side_default`` of ``cues.json`` (by form), else the side of the step before; procedures
within one unit have no sides.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rancang.kinds import LIST_TYPES, NodeType
from rancang.model.clauses import Unit, clean, contents_intro
from rancang.model.hops import OWN, own_sides
from rancang.model.pipeline import cues
from rancang.model.roles import slug
from rancang.model.stages import stage_of, stage_told
from rancang.model.stages import title as _title
from rancang.model.steps import elided_subject, opens_with_actor, read_step
from rancang.model.tables import step_rows


def _name(title: str) -> str:
    """The procedure's title without the sentence the parser joined to it ("... Instansi Pemerintah Penunjukan
    Pejabat ... dilakukan ...")."""
    cut = re.search(r"[.:]|\s(?=(?i:penunjukan|pengajuan|penugasan|pejabat|pimpinan)\s)", title[15:])
    return (title[:15 + cut.start()] if cut else title)[:120].strip(" .:")


def _classify(text: str, table: dict[str, list[str]]) -> str | None:
    low = text.lower()
    for key, words in table.items():
        if any(c in low for c in words):
            return key
    return None


@cache
def _intro_re() -> re.Pattern[str]:
    return re.compile(cues()["procedure_intro_re"])


@cache
def _title_re() -> re.Pattern[str]:
    return re.compile(cues()["procedure_title_re"])


_SENTENCE = re.compile(r"(?:(?<=[a-z0-9)])|(?<=[A-Z]{2}))\.\s+(?=[A-Z])")  # after a word or an acronym ("selaku PPK.")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph ("... kepada Kepala Perangkat Daerah yang dituju. Sekretaris Daerah selanjutnya
    mendisposisikan ..."), each with its closing period."""
    return [t.strip() for t in _SENTENCE.split(text) if t.strip()]


_AND = re.compile(r",?\s+(?:dan|serta|kemudian|selanjutnya)\s+(?=[A-Z])")


def clauses(sentence: str) -> list[str]:
    """A sentence of prose with two actors in sequence as its clauses ("Pimpinan Unit Organisasi menetapkan target
    kinerja dan Pejabat Penilai Kinerja menurunkannya menjadi kegiatan."): split before "dan" / "kemudian" ...
    where what follows opens with a role acting in the active voice; else the sentence whole."""
    out = [sentence]
    for m in reversed(list(_AND.finditer(sentence))):
        head, tail = out[0][:m.start()], out[0][m.end():]
        if head and opens_with_actor(tail):
            out[0:1] = [head.rstrip(",") + ".", tail]
    return out


def _is_head(u: Unit, intros: tuple[str, ...]) -> bool:
    """A procedure's head: its title opens with a ``procedure_intro`` ("Mekanisme penunjukan ...") or opens with
    the form of assignment and closes with a step-list intro (``procedure_intro_re``: "Penunjukan lintas Perangkat
    Daerah dilakukan dengan langkah sebagai berikut:")."""
    if u.type not in ("heading", "item", "paragraph", "pasal", "ayat"):
        return False
    title = _title(u.text).lower()
    return title.startswith(intros) or _intro_re().match(title) is not None or _title_re().match(title) is not None


def _intro_of(u: Unit, head: Unit) -> bool:
    """``u`` is the paragraph right under procedure head ``head`` that introduces its steps ("a. Mekanisme
    penunjukan lintas Perangkat Daerah / Penunjukan lintas Perangkat Daerah dilakukan dengan tahapan sebagai
    berikut:"): part of that procedure, not one of its own."""
    return u.type == "paragraph" and u.index == head.index + 1 and head.type != "paragraph"


def section(us: list[Unit], head: Unit, intros: tuple[str, ...]) -> list[Unit]:
    """The Lampiran blocks of ``head``'s section: up to the next heading, the next procedure, or the next item
    at ``head``'s level or above (for a paragraph head: above the level of its first item)."""
    out: list[Unit] = []
    floor = head.level if head.type == "item" else None
    for u in us[head.index + 1:]:
        if u.source != "lampiran" or u.type == "heading" or _is_head(u, intros) and not _intro_of(u, head):
            break
        if u.type == "item":
            if floor is None:
                floor = u.level - 1
            if u.level <= floor:
                break
        out.append(u)
    return out


def _list_steps(sec: list[Unit], cues: dict[str, Any]) -> list[tuple[Unit, str | None, str | None]]:
    """(unit, stage, inherited branch) for each step of a section (see the module docstring)."""
    items = [u for u in sec if u.type == "item"]
    if not items:  # steps printed as bullets: the paragraphs after the intro ("... sebagai berikut:")
        intro = next((i for i, u in enumerate(sec) if u.text.rstrip().endswith(":")), None)
        out_: list[tuple[Unit, str | None, str | None]] = []
        for u in sec[intro + 1:] if intro is not None else []:
            if u.type != "paragraph" or u.text.rstrip().endswith(":"):
                break
            out_.append((u, None, None))
        return out_
    top = items[0].level
    seen: set[str] = set()
    first_list = _list_path(items[0].cite)
    out: list[tuple[Unit, str | None, str | None]] = []
    stage = last_stage = None
    group: tuple[str, str | None] | None = None  # ("steps" | "contents", branch) of the item above
    last = None
    for u in sec:
        if u.type == "item" and u.level == top:
            if u.cite in seen or _list_path(u.cite) != first_list:
                break  # the same path again, or the parent's next list ("daftar kedua"): a new list
            seen.add(u.cite)
            last_stage = None
            last, group, stage_here = u, None, stage_of(u, cues)
            if stage_here:
                stage = stage_here
                continue
            if told := stage_told(u, cues):  # "3. Evaluasi, yaitu Ketua Tim Kerja mereviu ...": the item's own
                stage, last_stage = told, told  # sentences are the steps of its stage
                out.append((u, stage, "sentences"))
                continue
            if u.text.rstrip().endswith(":"):
                contents = contents_intro(u.low, cues)
                group = ("contents" if contents else "steps", None)
                if not contents:
                    out.append((u, stage, "group"))  # kept only if it has an actor
                    continue
            out.append((u, stage, None))
        elif u.type == "item" and u.level == top + 1 and (group is None and last is not None and
                                                          (stage_of(last, cues) or last_stage)
                                                          or group and group[0] == "steps"):
            out.append((u, stage, "child"))
        elif u.type == "paragraph" and group and group[0] == "steps" and last is not None and u.cite == last.cite:
            out.append((u, stage, "child"))
    return out


def _leads(sec: list[Unit]) -> dict[str, Unit]:
    """Step unit id -> the item its list stands under ("1. Tahapan perencanaan, Pimpinan Unit Organisasi melakukan
    hal sebagai berikut:" over "a. menyusun dan menetapkan perjanjian kinerja;"), and for a bullet paragraph the
    intro item of its own cite that closes with ":"."""
    out: dict[str, Unit] = {}
    last: dict[int, Unit] = {}
    item: Unit | None = None
    for u in sec:
        if u.type == "item":
            if (parent := last.get(u.level - 1)) is not None:
                out[u.id] = parent
            last = {lv: v for lv, v in last.items() if lv < u.level} | {u.level: u}
            item = u
        elif u.type == "paragraph" and item is not None and u.cite == item.cite and item.text.rstrip().endswith(":"):
            out[u.id] = item
    return out


def _inherit(r: dict[str, Any], said: str, lead: Unit | None, not_after: frozenset[str]) -> None:
    """A sub-step that opens with its verb takes the actor its intro names (the subject the list leaves out)."""
    if r["actor"] is None and lead is not None and elided_subject(said):
        led = read_step(clean(lead.text), not_after)
        r["actor"], r["actor_side"] = led["actor"], led["actor_side"]


def _list_path(cite: str) -> str:
    """The cite of the list an item stands in: its own cite less its last step ("Lampiran huruf B daftar kedua
    angka 2" -> "Lampiran huruf B daftar kedua"; :mod:`rancang.ingest.lampiran` names a parent's second list)."""
    return cite.rsplit(" ", 2)[0]


def _sides(steps: list[dict[str, Any]], form: str, scope: str | None, reads: list[dict], cues: dict) -> None:
    """Give each step its side (asal / tujuan); none within one unit, nor for a role above both units of the
    scope that the text marks with no side (``side_default.above``)."""
    if not scope or not scope.startswith("lintas"):
        for s in steps:
            s["side"] = None
            own_sides(s["hops"], None)
        return
    known: dict[str, str] = {}
    default = cues["side_default"].get(form, {})
    above = frozenset(cues["side_default"]["above"].get(scope, []))
    prev = None
    for s, r in zip(steps, reads, strict=True):
        actor = s["actor"]
        if actor in above and not r["actor_side"]:  # the Wali Kota heads both Perangkat Daerah: no side of its
            s["side"] = None  # own; the parties it addresses keep the sides printed after them ("... yang dituju")
            for h in s["hops"]:
                for x in [h["signer"], *h["to"], *h["cc"]]:
                    if x is not None and x["side"] == OWN:
                        x["side"] = None
            continue
        side = r["actor_side"] or known.get(actor or "") or default.get(actor or "") or prev or "asal"
        if actor:
            known[actor] = side
        s["side"] = prev = side
        own_sides(s["hops"], side)


def _told(sec: list[Unit], head: Unit, cues: dict[str, Any]) -> list[tuple[Unit, str | None, str | None]]:
    """A procedure told in prose under its title ("A. Penunjukan Lintas Perangkat Daerah / Penunjukan lintas
    Perangkat Daerah diawali dengan Kepala Perangkat Daerah pemohon menyampaikan ... . Sekretaris Daerah
    selanjutnya mendisposisikan ..."): the head (when the reader joined the paragraph to its title) and the
    paragraphs of its section, read sentence by sentence (``_steps``); none when the section is no prose."""
    sec = [v for v in sec if v.type != "signature"]
    paras = [v for v in sec if v.type == "paragraph" and not v.text.rstrip().endswith(":")]
    if len(paras) != len(sec):
        return []
    whole = [head] if len(sentences(head.text)) > 1 or not paras else []
    return [(v, None, "sentences") for v in whole + paras]


def _table(sec: list[Unit], cues: dict[str, Any]) -> list[tuple[Unit, str | None, str | None]]:
    """A procedure printed as a table of steps right under its head, its intro ("... dengan langkah sebagai
    berikut:") or a header row the reader ran into one line ("No Pelaksana Kegiatan Keluaran";
    :mod:`rancang.model.tables`)."""
    rest = [v for v in sec if v.type != "signature"]
    i = 0
    while i < min(2, len(rest)) and rest[i].type == "paragraph" and (
            rest[i].text.rstrip().endswith(":") or len(rest[i].text.split()) <= 8):
        i += 1
    first = rest[i] if i < len(rest) else None
    if first is None or first.type != "table" or not step_rows(first.rows or [], cues):
        return []
    return [(first, None, "table")]


def _sequence(us: list[Unit], head: Unit) -> list[tuple[Unit, str | None, str | None]]:
    """A procedure told ayat by ayat in the body ("(1) Pengajuan sukarela lintas Perangkat Daerah diajukan oleh
    ... (2) Kepala Perangkat Daerah yang dituju memberikan jawaban ... (3) Dalam hal pengajuan disetujui, ..."):
    the head ayat and the ayat after it in its Pasal, one step each (an ayat in which no one acts is none)."""
    if head.type != "ayat":
        return []
    return [(v, None, "ayat") for v in us[head.index:] if v.type == "ayat" and v.pasal == head.pasal
            and v.index >= head.index]


def _said(text: str, cues: dict[str, Any]) -> str:
    """A sentence of a procedure told in prose as its step is read: without the title the reader joined to the
    paragraph ("Pengajuan Sukarela Lintas Unit Organisasi Pejabat Fungsional yang berminat ... mengajukan ...")
    and without an opening that names the procedure ("Penunjukan lintas Perangkat Daerah diawali dengan Kepala
    Perangkat Daerah pemohon menyampaikan ..."): the actor opens what is left (``told_title``, ``told_opening``
    of ``cues.json``)."""
    title = re.match(cues["told_title"], text.lower())
    if title is not None and text[title.end():title.end() + 1].isupper():
        text = text[title.end():]
    opening = re.match(cues["told_opening"], text.lower())
    if opening is not None:
        text = text[opening.end():]
        text = text[:1].upper() + text[1:]
    return text


def _steps(units: list[tuple[Unit, str | None, str | None]], loose: bool, form: str, scope: str | None,
           cues: dict[str, Any], leads: dict[str, Unit] | None = None) -> list[dict[str, Any]]:
    not_after = frozenset(cues["role_not_after"])
    steps: list[dict[str, Any]] = []
    reads: list[dict[str, Any]] = []
    branch = None
    expanded: list[tuple[Unit, str | None, str | None, str, str, str | None]] = []
    for u, stage, how in units:
        if how == "sentences":  # one step per sentence in which someone acts
            expanded += [(u, stage, "sentence", t, _said(t, cues), None) for t in sentences(clean(u.text))
                         for t in clauses(t)]
        elif how == "table":  # one step per row: its activity, read with its actor as subject
            expanded += [(u, stage, "row", clean(a), clean(c), o) for a, c, o in step_rows(u.rows or [], cues)]
        else:
            expanded.append((u, stage, how, clean(u.text), clean(u.text), None))
    for u, stage, how, text, said, output in expanded:
        r = read_step(said, not_after, loose)
        if how == "child":
            _inherit(r, said, (leads or {}).get(u.id), not_after)
        if how == "row" and output is not None:  # the output column names the step's document ("-": none)
            r["document"] = read_step(output)["document"] if output.strip(" -–") else None
        if how == "ayat" and r["actor"] is None:
            continue  # "(4) Surat penugasan ... paling sedikit memuat ...": an ayat of the Pasal, no step
        if how == "sentence" and r["actor"] is None:
            if steps:  # "Surat tugas ditembuskan kepada Pejabat Penilai Kinerja.": the step before's tembusan
                last = steps[-1]
                last["cc"] = list(dict.fromkeys(last["cc"] + r["cc"]))
                if last["hops"]:
                    last["hops"][-1]["cc"] += [x for h in r["hops"] for x in h["cc"]]
            continue
        if how == "group":
            branch = r["branch"]
            if r["actor"] is None:
                continue
        elif how != "child":
            branch = None
        reads.append(r)
        steps.append({"n": len(steps) + 1, "actor": r["actor"], "action": text, "document": r["document"],
                      "to": r["to"], "cc": r["cc"], "branch": r["branch"] or (branch if how == "child" else None),
                      "stage": stage, "side": None, "cite": u.cite, "id": u.id, "hops": r["hops"]})
    _sides(steps, form, scope, reads, cues)
    return steps


def _unique(pid: str, seen: dict[str, int]) -> str:
    """``pid``, or ``pid_2``, ``pid_3`` ... when taken (a count per id: no rescans however many repeat)."""
    n = seen.get(pid, 0) + 1
    seen[pid] = n
    out = pid if n == 1 else f"{pid}_{n}"
    while out in seen and out != pid:  # "x_2" already taken as an id of its own
        n += 1
        seen[pid] = n
        out = f"{pid}_{n}"
    seen.setdefault(out, 1)
    return out


def _reporting(us: list[Unit], cues: dict[str, Any], seen: dict[str, int]) -> dict[str, Any] | None:
    """The reporting procedure: the body's clauses in which someone reports ("... melaporkan pelaksanaan tugas
    kepada ...", "Laporan ... disampaikan oleh ..."), in document order, one step each."""
    found: list[tuple[Unit, str | None, str | None]] = [
        (u, None, None) for u in us
        if u.source == "body" and not u.definition and u.type in (NodeType.PASAL, NodeType.AYAT)
        and (any(re.search(r"\b" + re.escape(v) + r"\b", u.low) for v in cues["lampiran_report_verbs"])
             or re.search(cues["report_step_passive"], u.low))]
    steps = _steps(found, False, "pelaporan", None, cues) if found else []
    if not any(s["actor"] for s in steps):
        return None
    return {"id": _unique("pelaporan", seen), "name": "Pelaporan pelaksanaan tugas", "form": "pelaporan",
            "scope": None, "source": "batang_tubuh", "cite": found[0][0].cite, "node": found[0][0].id,
            "steps": steps}


def build_procedures(us: list[Unit], cues: dict[str, Any]) -> list[dict]:
    """Every procedure of the act (Lampiran first, then the body), each ``{id, name, form, scope, source,
    cite, node, steps}`` as in ``schema/sistemkerja.schema.json``."""
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    intros = tuple(cues["procedure_intro"])
    head = None
    for u in us:
        if u.definition or not _is_head(u, intros) or head is not None and _intro_of(u, head):
            continue
        head = u
        title = _title(u.text)
        leads: dict[str, Unit] = {}
        nxt = us[u.index + 1] if u.index + 1 < len(us) else None
        named = title + (" " + nxt.text if nxt is not None and _intro_of(nxt, u) else "")  # "B. ALUR PENGAJUAN
        # SUKARELA / Alur pengajuan sukarela lintas Perangkat Daerah ...": the intro names what the head does not
        form = _classify(title, cues["procedure_forms"]) or _classify(named, cues["procedure_forms"]) or "penugasan"
        scope = _classify(title, cues["procedure_scopes"]) or _classify(named, cues["procedure_scopes"])
        if u.source == "lampiran":
            sec = section(us, u, intros)
            found = _table(sec, cues) or _list_steps(sec, cues) or _told(sec, u, cues)
            leads = _leads(sec)
        elif any(c in u.low for c in cues["step_list_intro"]):
            found = [(us[c], None, None) for c in u.children if us[c].type in LIST_TYPES]
        else:
            found = _sequence(us, u) if _title_re().match(title.lower()) else []
        loose = not found or all(how in ("sentences", "table") for _, _, how in found)
        steps = _steps(found or [(u, None, None)], loose, form, scope, cues, leads)
        if not any(s["actor"] for s in steps):
            continue  # a list of kinds or scopes, not of actions
        pid = _unique(slug(f"{form} {scope or 'umum'}"), seen)
        out.append({"id": pid, "name": _name(title), "form": form, "scope": scope,
                    "source": "lampiran" if u.source == "lampiran" else "batang_tubuh",
                    "cite": u.cite, "node": u.id, "steps": steps})
    report = _reporting(us, cues, seen)
    return out + ([report] if report else [])
