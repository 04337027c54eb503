"""What each rule applies to, and how sure a finding is: the kind of act, the reading quality of the text, and
numbering gaps that the reading (not the act) may have made.

A rule row of ``data/rules.yaml`` may say ``ocr: false`` (a rule that reads what the provisions mean: not applied
to OCR'd text at all), ``form: true`` (a rule of punctuation or typography: not applied to OCR'd
text read with a confidence below ``_reading.ocr_min_confidence``), ``acts: regional`` (a rule of Permendagri
80/2015 for Perda/Perkada only: not applied to a UU, PP, Perpres or Peraturan Menteri) and ``needs: jenis`` (a
rule whose expected wording follows the jenis: not applied when the reader could not tell the jenis). Then:

- a finding on OCR'd text says so ("teks hasil OCR, keyakinan 87%") and is an INFO: a misread character is
  as likely as a drafting defect; its mechanical fix moves to ``fix_ocr`` (applied only with ``--fix-ocr``);
- every finding whose doubt is the reading's (the tree is uncertain: OCR marks, broken numbering, a heading or a
  label run into a line, a copy that lost lines, a Menimbang read with the Mengingat) is an INFO that says why: a
  reading problem is no drafting finding, and a PERINGATAN on it would send the bureau after a defect the act does
  not have. Only a doubt about the evidence of a legal fact (the knowledge base's sources, family
  ``dasar-hukum``) keeps a GALAT a PERINGATAN;
- a numbering gap (B3) whose missing label is printed inside the previous unit's text ("... ; __ e. mengoptimalkan")
  is the reader's join, not the act's gap: a warning that says so; the same for a heading whose number the reader
  repaired (``stats.corrections``);
- a text whose numbering breaks in more places than ``_reading.max_numbering_anomalies`` was read with its headings
  run together (an enacted act almost never has three numbering errors): form rules are not applied, and every
  other finding is a warning that says so;
- an act made before UU 12/2011 came into force (``_reading.lampiran_ii_from``) followed the drafting technique of
  its day (Keppres 44/1999, UU 10/2004, the formulas of the 1950s-60s): a rule sourced in UU 12/2011 Lampiran II
  gives it at most an INFO (UU 12/2011 Pasal 104 binds the acts made after it, not those before);
- a Menimbang whose items carry numbers (Mengingat entries read into it) gives no GALAT on its items;
- a reference (X2) into a gap of the numbering (Pasal 5 cited, Pasal 4 and 6 read, 5 not) cannot tell a missing
  provision from an unread one: a warning that says why. A reference past the last unit stays a GALAT.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.generate.check import era
from rancang.generate.check.base import Finding, jenis_of, rules, settings
from rancang.generate.check.copies import (
    RUN_IN_HEADING,
    WEB_MARK,
    amended_year,
    copy_kind,
    label_clusters,
    ocr_damage,
    spacing_damage,
    text_at,
    year_of,
)
from rancang.numbering import angka_value, huruf_value
from rancang.tree import Node, Regulation

NATIONAL = ("undang-undang", "peraturan pemerintah", "peraturan presiden", "peraturan menteri", "peraturan badan",
            "peraturan lembaga", "keputusan presiden", "instruksi presiden", "peraturan mahkamah")


def is_national(reg: Regulation) -> bool:
    """A national act (UU, Perppu, PP, Perpres, Peraturan Menteri/Badan/Lembaga): Permendagri 80/2015 does not
    govern it."""
    return reg.meta.daerah_jenis == "nasional" or jenis_of(reg).lower().startswith(NATIONAL)


def jenis_known(reg: Regulation) -> bool:
    """Whether the reader told the act's jenis ("Peraturan" alone is the fallback of an unread judul)."""
    return jenis_of(reg).lower() not in ("peraturan", "")


def ocr_confidence(reg: Regulation) -> float | None:
    """The OCR confidence (0-100) of the text, None for a text layer: the lowest mean word confidence of an OCR'd
    clause (``stats.ocr.clauses``; None when OCR read no clause, e.g. only a scanned signature page of a text
    PDF), else, for a tree without clause figures, the lowest OCR'd page's."""
    ocr = reg.stats.ocr if reg.stats is not None else None
    if not ocr:
        return None
    clauses = ocr.get("clauses")
    if clauses is not None:
        return min((float(c["confidence"]) for c in clauses.values()), default=None)
    pages = [p.get("confidence") for p in ocr.get("pages") or [] if p.get("confidence") is not None]
    return float(min(pages)) if pages else 0.0


def _note(f: Finding, why: str) -> Finding:
    f = f.copy()
    f["message"] = f["message"].rstrip() + f" ({why})"
    f["doubt"] = why
    return f


def _downgrade(f: Finding, why: str) -> Finding:
    """A GALAT on weaker evidence is a PERINGATAN that says why (the knowledge base's sources of a legal fact)."""
    f = _note(f, why)
    if f["severity"] == "error":
        f["severity"] = "warning"
    return f


def _reading(f: Finding, why: str) -> Finding:
    """A finding that stands on an uncertain reading (or on a rule that did not bind the act when it was made) is an
    INFO that says why: what the reader could not read surely is no drafting finding."""
    f = _note(f, why)
    f["severity"] = "info"
    return f


def qualify(reg: Regulation, findings: list[Finding], fix_ocr: bool = False) -> list[Finding]:
    """The findings that apply to this act, each as sure as the text allows (see the module docstring)."""
    base = _context(reg, findings)
    out: list[Finding] = []
    for f in findings:
        row: dict[str, Any] = base["table"].get(f["rule"], {})
        ctx = {**base, "conf": clause_confidence(reg, f["cite"], base["conf"])}
        if not _applies(row, ctx):
            continue
        f = _reading_doubt(f, row, ctx, fix_ocr)
        f = _local_doubt(f, row, ctx)
        if f.get("reading_doubt"):  # (a doubt of the knowledge base's evidence is no doubt of the reading)
            f = (_downgrade if row.get("family") == "dasar-hukum" and not ctx["marks"] and ctx["conf"] is None
                 else _reading)(f, f.pop("reading_doubt"))
        f.pop("ref_in_gap", None)
        f.pop("restart", None)
        out.append(f)
    return out


def clause_confidence(reg: Regulation, cite: str, whole: float | None) -> float | None:
    """The OCR confidence of the clause at ``cite``: its own mean word confidence when the reader recorded one
    (``stats.ocr.clauses``, :mod:`rancang.ingest.ocr_clauses`), None for a clause read wholly from a text layer,
    else ``whole`` (the weakest page's, for what is no node: the Menimbang, the penutup, a bare label)."""
    clauses = (reg.stats.ocr or {}).get("clauses") if reg.stats is not None and whole is not None else None
    node = reg.find(cite) if clauses is not None else None
    if clauses is None or node is None:
        return whole
    own = clauses.get(node.id)
    if own is not None:
        return float(own.get("confidence") or 0.0)
    return None if len(re.sub(r"[^0-9a-z]+", "", node.text.lower())) >= 6 else whole


def _context(reg: Regulation, findings: list[Finding]) -> dict[str, Any]:
    """What the reading of ``reg`` says about every finding: OCR confidence or marks, the kind of act, numbering
    anomalies, numbering gaps the reading made, the last Pasal run on past the pengundangan."""
    cfg = settings("reading")
    conf = ocr_confidence(reg)
    marks: list[str] = []
    if conf is None:
        rate, found = ocr_damage(reg)
        marks = found if rate >= float(cfg.get("ocr_marks_per_1000", 1.0)) else []
    marks_note = cfg.get("ocr_marks_note", "teks memuat kerusakan khas OCR ({marks})")
    if conf is None and not marks:
        rate, found = spacing_damage(reg)
        marks = found if rate >= float(cfg.get("spacing_marks_per_1000", 4.0)) else []
        marks_note = cfg.get("spacing_marks_note", "kata dalam teks terbaca terpisah spasi ({marks})")
    if conf is None and not marks:
        heaps = label_clusters(reg)
        marks = heaps[:3] if len(heaps) >= int(cfg.get("label_clusters_min", 2)) else []
        marks_note = cfg.get("label_clusters_note", "label ayat terbaca bertumpuk di awal klausul ({marks}); "
                             "penomoran bagian itu hilang dalam pembacaan")
    pasals = reg.pasals()
    anomalies = sum(f["rule"] == "B3" for f in findings)

    ctx: dict[str, Any] = {"table": rules(), "cfg": cfg, "conf": conf, "marks": marks, "marks_note": marks_note,
            "national": is_national(reg),
            "known": jenis_known(reg), "gaps": _glued_gaps(reg), "anomalies": anomalies,
            "broken": anomalies > int(cfg.get("max_numbering_anomalies", 2)),
            "before_law": era.before_law(reg),
            "undated": not (reg.meta.tanggal_ditetapkan or reg.meta.tanggal_diundangkan or year_of(reg)),
            "mixed": any((k.label or "").strip().rstrip(".").isdigit() for k in reg.menimbang),
            "copy": copy_kind(reg), "amended_year": amended_year(reg), "text_at": lambda cite: text_at(reg, cite),
            "tail": pasals[-1].cite if pasals and _PENUTUP_IN.search(pasals[-1].full_text()) else None,
            "lossy": ""}
    ctx["lossy"] = _lossy(reg, [f for f in findings if f["rule"] == "B3" and f["cite"] not in ctx["gaps"]
                                and not (ctx["tail"] and (f["cite"] + " ").startswith(ctx["tail"] + " "))])
    return ctx


def _applies(row: dict[str, Any], ctx: dict[str, Any]) -> bool:
    """Whether a rule applies to this act and this reading at all (``acts``, ``needs``, ``ocr``, ``form``)."""
    if row.get("acts") == "regional" and ctx["national"]:
        return False
    if row.get("needs") == "jenis" and not ctx["known"]:
        return False
    if row.get("ocr") is False and (ctx["conf"] is not None or ctx["marks"] or ctx["broken"]):
        return False  # the rule reads the structure's meaning: an OCR'd or broken structure is no ground for it
    if row.get("form") and ctx["conf"] is not None and ctx["conf"] < float(ctx["cfg"].get("ocr_min_confidence", 90)):
        return False
    # headings run into clauses or OCR marks: their punctuation is the reading's, not the act's
    return not (row.get("form") and (ctx["marks"] or ctx["broken"]))


def _reading_doubt(f: Finding, row: dict[str, Any], ctx: dict[str, Any], fix_ocr: bool) -> Finding:
    """The doubts that hold for the whole text: OCR (with or without its record), broken numbering, an act made
    before UU 12/2011."""
    cfg = ctx["cfg"]
    if ctx["conf"] is not None or ctx["marks"]:
        why = (cfg.get("ocr_note", "teks hasil OCR, keyakinan {confidence:.0f}%").format(confidence=ctx["conf"])
               if ctx["conf"] is not None
               else ctx["marks_note"].format(marks=", ".join(f'"{m}"' for m in ctx["marks"])))
        f = _reading(f, why)
        if f.get("fix") and not fix_ocr:
            f["fix_ocr"] = f.pop("fix")
    if ctx["broken"] and (row.get("reads") == "structure" or f["rule"] not in ("B3", "X2")) \
            and not (row.get("family") == "dasar-hukum" and f["cite"].startswith("Mengingat")):
        # (a Mengingat entry's publication is read from its own words, not from the batang tubuh's numbering)
        f = _reading(f, cfg.get("broken_note", "penomoran terbaca tidak utuh di {n} tempat").format(
            n=ctx["anomalies"]))
    if ctx["before_law"] and "UU 12/2011 Lampiran II" in row.get("source", "") and f["severity"] != "info":
        # its own day's technique (Keppres 44/1999, UU 10/2004): an INFO, never a finding the act must answer
        f = _reading(f, cfg.get("before_note", "peraturan ini dibentuk sebelum UU 12/2011 berlaku"))
    if ctx["undated"] and "UU 12/2011 Lampiran II" in row.get("source", "") and f["severity"] != "info":
        f = _reading(f, cfg.get("undated_note", "tahun peraturan tidak terbaca"))
    law_year = int(str(cfg.get("lampiran_ii_from", "2011-08-12"))[:4])
    if ": " in f["cite"] and (ctx["amended_year"] or law_year) < law_year and f["severity"] == "error" \
            and "UU 12/2011 Lampiran II" in row.get("source", ""):
        f = _reading(f, cfg.get("quoted_before_note", "teks yang dikutip berasal dari peraturan yang diubah "
                                                        "({year})").format(year=ctx["amended_year"]))
    return f


def _local_doubt(f: Finding, row: dict[str, Any], ctx: dict[str, Any]) -> Finding:
    """The doubts of one place: a Menimbang read with the Mengingat, text run into the last Pasal, a numbering gap
    or restart the reading made, a reference into a gap."""
    cfg, error = ctx["cfg"], f["severity"] == "error"
    if ctx["mixed"] and f["cite"].startswith("Menimbang") and error:
        f = _reading(f, cfg.get("mixed_note", "Menimbang terbaca bercampur dengan Mengingat"))
    if ctx["tail"] and f["rule"] in _TAIL_RULES \
            and (f["cite"] == ctx["tail"] or f["cite"].startswith(ctx["tail"] + " ")) and not f.get("doubt"):
        f = _reading(f, cfg.get("tail_note", "teks sesudah rumusan pengundangan terbaca masuk ke Pasal terakhir"))
    if f["rule"] in ("T1_berlaku", "T1_undang") and ctx["copy"] == "tanpa_penutup" and f["severity"] == "error":
        f = _reading(f, cfg.get("no_penutup_note", "naskah tidak memuat bagian penutup"))
    elif f["rule"] == "T1_berlaku" and ctx["copy"] == "diundangkan" and f["severity"] == "error":
        # an act was promulgated and so came into force: a copy without the sentence lost its line (PP 43/2015)
        f = _reading(f, cfg.get("diundangkan_note", "naskah ini salinan peraturan yang telah diundangkan"))
    if row.get("form") and not f.get("doubt") and (mark := WEB_MARK.search(ctx["text_at"](f["cite"]))):
        f = _reading(f, cfg.get("web_note", "teks memuat alamat situs ({mark})").format(mark=mark.group(0)))
    if (row.get("form") or f["rule"] in _CONTENT_RULES) and not f.get("doubt") \
            and (head := RUN_IN_HEADING.search(ctx["text_at"](f["cite"]))):
        f = _reading(f, cfg.get("heading_note", "judul {heading} terbaca masuk ke dalam teks").format(
            heading=f'"{head.group(1)}"'))
    held = ctx["gaps"].get(HELD + f["cite"])
    if held and f["rule"] in _CONTENT_RULES and not f.get("doubt"):
        f = _reading(f, held)
    if f["rule"] == "B3" and f["cite"] in ctx["gaps"]:
        f = _reading(f, ctx["gaps"][f["cite"]])
    elif f["rule"] in ("B3", "K1_label", "M1_label") and f["severity"] == "error" and ctx["copy"]:
        f = _reading(f, cfg.get(f"{ctx['copy']}_note", "salinan naskah"))
    elif f["rule"] == "B3" and f["severity"] == "error" and f.get("restart"):
        f = _reading(f, cfg.get("restart_note", "penomoran mulai lagi dari awal: kemungkinan label ayat atau "
                                                  "Pasal sebelumnya tidak terbaca"))
    elif f["rule"] == "X2" and f.get("ref_in_gap"):
        f = _reading(f, cfg.get("gap_note", "ketentuan yang diacu berada pada loncatan penomoran; periksa "
                                              "apakah ketentuan itu tidak ada atau tidak terbaca"))
    if f["rule"] in _WHOLE_ACT_RULES and ctx["copy"] == "tanpa_penutup" and f["severity"] != "info":
        # a copy cut short: what the finding misses (a term's use, a reference to the Lampiran) may be in the lost part
        f = _reading(f, cfg.get("cut_short_note", "naskah tidak memuat bagian penutup: salinan terpotong"))
    if f["rule"] == "L1" and f["severity"] == "error" and ctx["copy"]:  # (a promulgated act, or a copy cut short)
        f = _downgrade(f, cfg.get("repeal_note", "basis pengetahuan mencatat tanggal peraturan yang mencabut"))
    if f["rule"] == "X2" and f["severity"] == "error" and ctx["copy"] and ctx["lossy"]:
        f = _reading(f, cfg.get("lossy_note", "salinan ini kehilangan baris di tempat lain ({where})").format(
            where=ctx["lossy"]))
    return f


#: rules that say something is missing from the whole act (a defined term never used, used only in lower case, a
#: Lampiran no provision refers to): a copy cut short may have lost it
_WHOLE_ACT_RULES = ("U5", "U2_lower", "X3_orphan")
#: rules that read a unit's words (a definition's "adalah", its punctuation, its references): two units run into
#: one make them fire on the join
_CONTENT_RULES = ("U4_twice", "U4_adalah", "R1_item", "R1_last", "R1_end", "X2", "X4", "X5", "X5_subject", "C3")


def label_pattern(kind: str, expected: int) -> re.Pattern[str] | None:
    """How the label of unit ``expected`` of ``kind`` looks when it is run into a line of text: "Pasal 5",
    "(2) X", "c. x", "3. x"."""
    if kind == "pasal":
        return re.compile(rf"(?:^|[\s_]){'Pasal'}\s+{expected}\b(?!\s*(?:ayat|huruf|angka))")
    if kind == "ayat":
        return re.compile(rf"(?:^|[\s_;.])\({expected}\)\s+[A-Z]")
    if kind == "huruf" and expected <= 26:
        return re.compile(rf"(?:^|[\s_;:]){chr(96 + expected)}\.\s+\w")
    if kind in ("angka", "item"):
        return re.compile(rf"(?:^|[\s_;:]){expected}\.\s+\w")
    return None


def _glued_gaps(reg: Regulation) -> dict[str, str]:
    """cite of a unit that follows a numbering gap -> why the gap is the reading's: the missing label printed
    inside the previous unit's text (a heading or an enumerator run into a line), or a heading the reader
    repaired."""
    out: dict[str, str] = {}
    corrected = {str(c.get("to") or "") for c in (reg.stats.corrections if reg.stats is not None else [])}
    up = {id(child): node for node in reg.walk() for child in node.children}
    containers: list[tuple[Node | None, list[Node]]] = [(None, reg.pasals())]
    for node in reg.walk():
        for kind in ("ayat", "huruf", "angka", "item"):
            kids = node.child_list(kind)
            if kids:
                containers.append((node, kids))
    for parent, kids in containers:
        prev: Node | None = None
        for node in kids:
            value = _number(node)
            before = _number(prev) if prev is not None else 0
            if value is not None and before is not None and value > before + 1:
                missing = before + 1
                pat = label_pattern(node.type, missing)
                # the unit before the gap, or -- for a list whose first label is missing -- the words of its
                # holder ("... Pasal 13 A (1) Ketentuan ...": ayat (1) run into the amending instruction)
                inside = _printed(prev) if prev is not None else " ".join(reg.diktum) if parent is None \
                    else _holders(parent, up)
                where = prev.cite if prev is not None else "Diktum" if parent is None else parent.cite
                if pat is not None and pat.search(inside):
                    out[node.cite] = (f"label {_shown(node.type, missing)} terbaca di dalam teks {where}: "
                                      "kemungkinan judul atau nomor yang menyatu saat pembacaan, bukan loncatan")
                    if prev is not None:  # the unit that holds the run-in label holds two units' words
                        out.setdefault(HELD + prev.cite, f"teks {where} memuat label {_shown(node.type, missing)} "
                                                         "unit berikutnya: dua unit terbaca menyatu")
                elif f"Pasal {missing}" in corrected and node.type == "pasal":
                    out[node.cite] = f"judul Pasal {missing} diperbaiki saat pembacaan"
            prev = node
    return out


#: the penutup's words run into the last Pasal: the formula of promulgation ("Agar setiap orang mengetahui(nya)"),
#: the place of enactment; what follows them there is the penutup's, the Penjelasan's or the Lampiran's text
_PENUTUP_IN = re.compile(r"Agar\s+setiap\s+orang\s+mengetahui|\b(?:Ditetapkan|Disahkan|Diundangkan)\s+di\s+[A-Z]")
#: rules whose finding in the last Pasal may stand on that run-in text
_TAIL_RULES = ("B3", "R1_item", "R1_last", "R1_end", "X2", "X1_ayat", "X1_pasal", "X1_list", "X1_serial", "X4",
               "U4_undefined", "X5", "X5_subject")


def _lossy(reg: Regulation, gaps: list[Finding]) -> str:
    """Where the text shows it lost lines, "" if nowhere: a Pasal whose only ayat is "(1)" (ayat are numbered only
    when there are two or more, Lampiran II angka 76), or a numbering gap (``gaps``: the B3 findings no join or
    run-in text explains)."""
    for p in reg.pasals():
        ayat = p.child_list("ayat")
        if len(ayat) == 1 and (ayat[0].number or "").strip("() ") == "1" \
                and not label_pattern("ayat", 2).search(_printed(ayat[0])):  # type: ignore[union-attr]
            return f"{p.cite} hanya memuat ayat (1)"  # (not "(2)" run into its text: that is a join, not a loss)
    gap = gaps[0] if gaps else None
    return f"penomoran {gap['cite']} melompat" if gap else ""


#: key prefix in the gaps map for the unit before a gap that holds the next unit's label
HELD = "held:"


def _holders(node: Node, up: dict[int, Node]) -> str:
    """The words of ``node`` and of the units that hold it (their own heading and text, not their other
    children): where the first label of a list can have run in when the reading nested the list too deep."""
    words: list[str] = []
    at: Node | None = node
    while at is not None:
        words += [x for x in (at.heading, at.text) if x]
        at = up.get(id(at))
    return " ".join(words)


def _printed(node: Node) -> str:
    """Every word printed in ``node``'s subtree, headings included: a label run into a line can end up in the
    heading of a quoted Bagian or BAB ("Bagian Kesatu Izin 4. Ketentuan Pasal 16 diubah ...", UU 1/2014)."""
    return " ".join(part for n in node.walk() for part in (n.heading, n.text) if part)


def _number(node: Node | None) -> int | None:
    if node is None:
        return None
    n = (node.number or "").strip()
    return angka_value(n) or huruf_value(n) or None


def _shown(kind: str, value: int) -> str:
    return {"pasal": f'"Pasal {value}"', "ayat": f'"({value})"', "huruf": f'"{chr(96 + value)}."'}.get(
        kind, f'"{value}."')
