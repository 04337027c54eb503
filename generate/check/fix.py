"""``rancang check --fix``: apply the mechanical fixes of the findings, and nothing else.

A fix is ``{old, new, after}`` (see ``rancang.generate.check.base``): replace the first ``old`` found at or after
the text ``after`` with ``new``. Whitespace is matched loosely (a source line may wrap inside ``old``) and kept
where the word count does not change, so a fixed text differs from the source only inside the fixed spans. Every
fix reports a change ``{rule, cite, old, new, applied}``; one that cannot be placed is reported, never guessed.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from rancang import atomic
from rancang.errors import InputError, OutputError, os_reason
from rancang.generate.check import check, docx_fix
from rancang.generate.check.base import Finding, Fix, rules
from rancang.ingest import ingest_path, ingest_text
from rancang.ingest.readers import sniff
from rancang.ingest.readers.text import decode
from rancang.ingest.writers.markdown import render
from rancang.tree import Node, Ref, Regulation

Change = dict[str, Any]


def decides(f: Finding) -> bool:
    """Whether the fix of finding ``f`` changes what a provision says, not only how it is written (its rule row
    says ``decides: true``: "; dan" -> "; atau" turns cumulative items into alternatives): `check --fix` offers it
    as a decision ("perlu keputusan") and never applies it on its own."""
    return bool(rules().get(f["rule"], {}).get("decides"))


def _offered(findings: list[Finding]) -> list[Change]:
    """The changes a decision fix would make, listed unapplied for the drafter to decide."""
    return [{**_change(f, False), "decision": True} for f in findings if f.get("fix") and decides(f)]


_MARK = r"[*_]{0,2}"


def _loose(phrase: str) -> re.Pattern[str]:
    """``phrase`` with any run of whitespace between its words, each word possibly inside Markdown emphasis
    ("*squad*")."""
    return re.compile(r"\s+".join(_MARK + re.escape(w) + _MARK for w in phrase.split()))


def _keep_spacing(found: str, new: str, old: str) -> str:
    """``new`` with the whitespace and emphasis marks of ``found`` when the fix keeps the word count (a wrapped
    line stays wrapped, "*squad*" stays italic)."""
    new_words, old_words = new.split(), old.split()
    if len(new_words) != len(old_words):
        return new
    gaps = re.findall(r"\s+", found)
    marks = [re.findall(r"^([*_]*)(.*?)([*_]*)$", t)[0] for t in found.split()]
    words = [f"{m[0]}{w}{m[2]}" for m, w in zip(marks, new_words, strict=False)]
    out = words[0]
    for gap, word in zip(gaps, words[1:], strict=False):
        out += gap + word
    return out


def replace_once(text: str, fix: Fix | dict[str, str]) -> tuple[str, tuple[int, int, int] | None]:
    """``text`` with the fix applied, and (start, old end, new end) of the change -- or ``text`` and None when
    ``old`` is not found after the anchor."""
    start = 0
    if fix.get("section"):
        words = fix["section"].split()
        tail = r"[ \t]*$" if words[0] == "Pasal" else ""
        head = re.compile(r"(?m)^[\W_]*" + r"\s+".join(map(re.escape, words)) + tail)
        found = head.search(text)
        start = found.start() if found else 0
    if fix.get("after"):
        anchor = _loose(fix["after"]).search(text, start)
        if anchor:
            start = anchor.start()
    m = _loose(fix["old"]).search(text, start)
    if m is None:
        return text, None
    new = _keep_spacing(m.group(0), fix["new"], fix["old"])
    return text[:m.start()] + new + text[m.end():], (m.start(), m.end(), m.start() + len(new))


def fix_text(text: str, findings: list[Finding]) -> tuple[str, list[Change]]:
    """The source text with every fixable finding's fix applied in order, and the list of changes."""
    changes: list[Change] = []
    for f in findings:
        if not f.get("fix"):
            continue
        text, span = replace_once(text, f["fix"])
        changes.append(_change(f, span is not None))
    return text, changes


def fix_source(text: str, name: str = "teks.txt", rounds: int = 4,
               fix_ocr: bool = False) -> tuple[str, list[Change], list[Finding]]:
    """Fix a regulation's source text until no fixable finding remains (a fix may uncover the next occurrence):
    (fixed text, changes, the findings that remain). Each round is proved by reading the fixed text again
    (:func:`proven`): a fix that changes the tree outside its own clause, or that breaks a rule the text did not
    break before, is refused (reported with ``applied`` False and ``refused``), never written. ``fix_ocr``: also
    fix OCR'd text (``--fix-ocr``). A fix that changes what a provision says (:func:`decides`) is never applied:
    it is listed with ``applied`` False and ``decision`` True."""
    changes: list[Change] = []
    reg = ingest_text(text, name)
    findings = check(reg, fix_ocr=fix_ocr)
    for _ in range(rounds):
        fixable = [f for f in findings if f.get("fix") and not decides(f)]
        if not fixable:
            break
        new_text, done = fix_text(text, fixable)
        new_reg = ingest_text(new_text, name)
        new_findings = check(new_reg, fix_ocr=fix_ocr)
        why = proven(reg, new_reg, fixable, findings, new_findings)
        if why is not None:  # one fix of the batch does harm: apply them one by one, keeping the harmless ones
            new_text, done, new_reg, new_findings = _one_by_one(text, name, reg, findings, fixable, fix_ocr)
        changes.extend(c for c in done if c["applied"])
        text, reg, findings = new_text, new_reg, new_findings
        if not any(c["applied"] for c in done):
            changes.extend(c for c in done if not c["applied"])
            break
    return text, changes + _offered(findings), findings


def _one_by_one(text: str, name: str, reg: Regulation, findings: list[Finding], fixable: list[Finding],
                fix_ocr: bool) -> tuple[str, list[Change], Regulation, list[Finding]]:
    done: list[Change] = []
    for f in fixable:
        new_text, span = replace_once(text, f["fix"])
        change = _change(f, span is not None)
        if span is not None:
            new_reg = ingest_text(new_text, name)
            new_findings = check(new_reg, fix_ocr=fix_ocr)
            why = proven(reg, new_reg, [f], findings, new_findings)
            if why is None:
                text, reg, findings = new_text, new_reg, new_findings
            else:
                change.update(applied=False, refused=why)
        done.append(change)
    return text, done, reg, findings


def _snapshot(reg: Regulation) -> dict[str, str]:
    """Every text of the tree by a key that names its place: "node:<id>", "menimbang:<i>", "mengingat:<i>",
    "diktum", "judul", "penutup", "lampiran", and "tree" (the ids in order: the structure itself)."""
    out = {f"node:{n.id}": " ".join(n.text.split()) for n in reg.walk() if n.type != "perubahan"}
    out.update({f"menimbang:{i}": " ".join(k.text.split()) for i, k in enumerate(reg.menimbang)})
    out.update({f"mengingat:{i}": " ".join(k.text.split()) for i, k in enumerate(reg.mengingat)})
    out["diktum"] = " ".join(" ".join(reg.diktum).split())
    out["judul"] = " ".join(" ".join(reg.preamble).split())
    out["penutup"] = " ".join(" ".join(reg.penutup.lines).split())
    out["lampiran"] = " ".join(" ".join(b.text or "" for b in reg.lampiran).split())
    out["tree"] = " ".join(n.id for n in reg.walk())
    return out


def _place(reg: Regulation, cite: str) -> tuple[str, ...]:
    """The snapshot keys a fix at ``cite`` may change."""
    if cite.startswith("Menimbang"):
        return ("menimbang:",)
    if cite.startswith("Mengingat"):
        return ("mengingat:",)
    if cite == "Diktum":
        return ("diktum",)
    node = reg.find(cite)
    if node is None:
        return ()
    pasal = next((p for p in reg.pasals() if any(n is node for n in p.walk())), node)
    return (f"node:{pasal.id}",)


def proven(before: Regulation, after: Regulation, fixes: list[Finding], found_before: list[Finding],
           found_after: list[Finding]) -> str | None:
    """Why the fixed tree ``after`` may not replace ``before`` (None when it may): a text changed outside the
    clauses the fixes cite, a structure that changed (a unit gained or lost), or a finding that was not there
    before (a rule the fix broke)."""
    a, b = _snapshot(before), _snapshot(after)
    if a["tree"] != b["tree"]:
        return "susunan ketentuan berubah"
    places = tuple(p for f in fixes for p in _place(before, f["cite"]))
    for key in a.keys() | b.keys():
        if a.get(key) != b.get(key) and not any(key == p or key.startswith(p if p.endswith(":") else p + "/")
                                                for p in places):
            return f"teks di luar tempat perbaikan berubah ({key.split(':', 1)[-1]})"
    old = {(f["rule"], f["cite"]) for f in found_before}
    new = [f for f in found_after if (f["rule"], f["cite"]) not in old]
    if new:
        return f"perbaikan menimbulkan temuan baru ({new[0]['rule']} {new[0]['cite']})"
    return None


def _change(f: Finding, applied: bool) -> Change:
    return {"rule": f["rule"], "cite": f["cite"], "old": f["fix"]["old"], "new": f["fix"]["new"], "applied": applied}


def _shift_refs(node: Node, span: tuple[int, int, int]) -> None:
    """Keep the offsets of a node's references right after its text changed at ``span``."""
    start, old_end, new_end = span
    delta = new_end - old_end
    kept: list[Ref] = []
    for ref in node.refs:
        if ref.start >= old_end:
            ref.start, ref.end = ref.start + delta, ref.end + delta
        elif ref.end > start:
            found = node.text.find(ref.text, max(0, start - len(ref.text)))
            if found < 0:
                continue
            ref.start, ref.end = found, found + len(ref.text)
        kept.append(ref)
    node.refs = kept


def _targets(reg: Regulation, cite: str) -> list[tuple[Any, str | int]]:
    """(holder, key) pairs whose text a fix at ``cite`` may change: tree nodes, Menimbang/Mengingat items, the
    diktum lines."""
    if cite.startswith(("Menimbang", "Mengingat")):
        items = reg.menimbang if cite.startswith("Menimbang") else reg.mengingat
        return [(item, "text") for item in items]
    if cite == "Diktum":
        return [(reg.diktum, i) for i in range(len(reg.diktum))]
    node = reg.find(cite)
    nodes = list(node.walk()) if node is not None else list(reg.walk())
    return [(n, "text") for n in nodes if n.type != "perubahan"]


def fix_regulation(reg: Regulation, findings: list[Finding]) -> list[Change]:
    """Apply the fixes to the tree itself (node texts, Menimbang/Mengingat items, diktum), keeping reference
    offsets right; returns the changes. Used by ``rancang draft`` so that a draft carries no mechanical defect."""
    changes: list[Change] = []
    for f in findings:
        if not f.get("fix"):
            continue
        applied = False
        targets = _targets(reg, f["cite"])
        anchor = _loose(f["fix"]["after"]) if f["fix"].get("after") else None
        ordered = sorted(targets, key=lambda t: 0 if anchor and anchor.match(_get(t)) else 1)
        for holder, key in ordered:
            text = _get((holder, key))
            new, span = replace_once(text, {"old": f["fix"]["old"], "new": f["fix"]["new"]})
            if span is None:
                continue
            _set((holder, key), new)
            if isinstance(holder, Node):
                _shift_refs(holder, span)
            applied = True
            break
        changes.append(_change(f, applied))
    return changes


def fix_tree(reg: Regulation, rounds: int = 4, topics: dict[str, Any] | None = None,
             fix_ocr: bool = False, decisions: bool = True) -> list[Change]:
    """Apply every mechanical fix of ``check(reg)`` to the tree, round after round while a fix uncovers another
    occurrence; returns the changes applied. ``topics``: the model's topics of ``reg`` when the caller knows them
    (a draft does), so the checks need not run the model. ``decisions``: also apply the fixes that change what a
    provision says (:func:`decides`; a draft composes its own text and records each change in ``catatan.md``);
    when False they are listed unapplied with ``decision`` True (`check --fix`)."""
    changes: list[Change] = []
    for _ in range(rounds):
        found = check(reg, topics, fix_ocr=fix_ocr)
        fixable = [f for f in found if f.get("fix") and (decisions or not decides(f))]
        done = fix_regulation(reg, fixable) if fixable else []
        changes.extend(c for c in done if c["applied"])
        if not any(c["applied"] for c in done):
            break
    return changes if decisions else changes + _offered(check(reg, topics, fix_ocr=fix_ocr))


def _get(target: tuple[Any, Any]) -> str:
    holder, key = target
    return (holder[key] if isinstance(holder, list) else getattr(holder, key)) or ""


def _set(target: tuple[Any, Any], value: str) -> None:
    holder, key = target
    if isinstance(holder, list):
        holder[key] = value
    else:
        setattr(holder, key, value)


def fix_docx(src: Path, out: Path, findings: list[Finding]) -> list[Change]:
    """Apply the fixes run by run to a copy of the Word file ``src`` written to ``out``
    (:func:`rancang.generate.check.docx_fix.fix_package`): only the words change; a fix that would cross a tracked
    change, hyperlink, field, drawing, note reference or bookmark is reported ``refused``, never rewritten. Raises
    InputError when ``out``'s extension cannot hold the file (a .docm's macros in a .docx)."""
    fixed, results = docx_fix.fix_package(src.read_bytes(), findings, out, src, _keep_spacing)
    atomic.write_bytes(out, fixed)
    changes: list[Change] = []
    for r in results:
        change = _change(r["finding"], r["applied"])
        if r["refused"]:
            change["refused"] = r["refused"]
        changes.append(change)
    return changes


def fix_file(src: Path, out: Path, rounds: int = 4, fix_ocr: bool = False) -> tuple[list[Finding], list[Change]]:
    """Fix the regulation file ``src`` into ``out``: a DOCX stays a DOCX, a TXT/MD text stays the same text (only
    the fixed spans change), a PDF or JSON tree becomes canonical Markdown. Rounds repeat while a fix uncovers
    another occurrence. Returns (the findings that remain, the changes). Raises InputError for a missing file,
    OutputError when ``out`` cannot be written.

    ``out`` is written once, atomically (:mod:`rancang.atomic`), after every round is done: ``src`` is never opened
    for writing, so ``out == src`` (in place) leaves the source whole on any failure."""
    if not src.exists():
        raise InputError(f"{src}: berkas tidak ditemukan.")
    data = src.read_bytes()
    kind = "json" if src.suffix.lower() == ".json" and data.lstrip()[:1] == b"{" else sniff(data, src.name)
    if kind in ("txt", "md"):
        text, changes, findings = fix_source(decode(data, src.name), src.name, rounds, fix_ocr)
        atomic.write_text(out, text)
        return findings, changes
    if kind == "docx":
        return _fix_docx_file(src, out, data, rounds)
    reg = ingest_path(src)
    changes = fix_tree(reg, rounds, fix_ocr=fix_ocr, decisions=False)
    text = render(reg)
    atomic.write_text(out, text)
    return check(ingest_text(text, out.name), fix_ocr=fix_ocr), changes


def _fix_docx_file(src: Path, out: Path, data: bytes, rounds: int) -> tuple[list[Finding], list[Change]]:
    """The rounds of :func:`fix_docx` run on private copies in a temporary folder; ``out`` is written once."""
    changes: list[Change] = []
    with tempfile.TemporaryDirectory(prefix="rancang-fix-") as work:
        current = src
        docx_fix.output_kind(data, out, src)  # a .docm's macros never go into a .docx: refused before any work
        try:
            for n in range(rounds):
                fixable = [f for f in check(ingest_path(current)) if f.get("fix") and not decides(f)]
                if not fixable:
                    break
                step = Path(work) / str(n) / out.name
                step.parent.mkdir()
                done = fix_docx(current, step, fixable)
                changes.extend(c for c in done if c["applied"])
                current = step
                if not any(c["applied"] for c in done):
                    changes.extend(c for c in done if not c["applied"])
                    break
        except OSError as exc:
            raise OutputError(f"{out}: tidak dapat ditulis ({os_reason(exc)}); tidak ada berkas keluaran yang "
                              "diubah.") from exc
        fixed = docx_fix.fix_package(data, [], out, src, _keep_spacing)[0] if current == src else \
            current.read_bytes()
        findings = check(ingest_path(current)) if current != src else None
    atomic.write_bytes(out, fixed)
    findings = findings if findings is not None else check(ingest_path(out))
    return findings, changes + _offered(findings)


def format_changes(changes: list[Change]) -> str:
    """One line per change: "Pasal 9 [X1_pasal]: "pada pasal 7" -> "dalam Pasal 7"" (unplaced ones marked; a fix
    that changes what the provision says is marked "perlu keputusan": offered, not applied)."""
    lines = []
    for c in changes:
        mark = "" if c["applied"] else "  (perlu keputusan: mengubah isi ketentuan, tidak diterapkan)" \
            if c.get("decision") else f"  (ditolak: {c['refused']})" if c.get("refused") else \
            "  (tidak dapat diterapkan)"
        lines.append(f"{c['cite']} [{c['rule']}]: \"{c['old']}\" -> \"{c['new']}\"{mark}")
    return "\n".join(lines)
