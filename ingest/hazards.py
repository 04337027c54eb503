"""Text hazards: characters that change what a text means, or what a search finds, without being seen.

Run on every reader's lines (:func:`rancang.ingest.readers.read`), each hazard removed or normalised and recorded
in ``stats.removed`` (so conservation of characters still holds), with a warning (``stats.warnings``,
``{"kind", "line", "message"}``, the message in Indonesian) where the structure depended on it:

* :func:`drop_invisible`  format characters (Unicode category Cf: soft hyphen U+00AD, zero-width space U+200B,
  joiners, bidi marks, word joiner, a BOM inside the text) are removed from the line, recorded as ``invisible``:
  "Penu\\u00adgasan" is the word "Penugasan" a reader sees and a search must find. A heading they sat in
  ("Pasal\\u200b 2") gets a warning: it is a heading only once they are gone.
* :func:`fold_confusables` a heading word spelt with letters of another script that look Latin ("Pаsal" with a
  Cyrillic "а", "ВАВ") is spelt in Latin, recorded as ``confusable`` (``{"text": the letters taken, "to": the Latin
  letters put}``) with a warning. The look-alikes are Unicode's confusables data (the ``confusable-homoglyphs``
  package, UTS #39); only words that become a heading keyword are touched, never the clause text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rancang.ingest import grammar as g
from rancang.ingest.quotes import CLOSE_QUOTE, OPEN_QUOTE, STRAIGHT_QUOTE, has_quote, marks
from rancang.numbering import roman, roman_value

#: the heading and part keywords of a regulation: a line starting with one is structure, not text
KEYWORDS = ("Pasal", "PASAL", "BAB", "Bagian", "BAGIAN", "Paragraf", "PARAGRAF", "Menimbang", "Mengingat",
            "Memperhatikan", "MEMUTUSKAN", "Menetapkan", "Ditetapkan", "Diundangkan", "LAMPIRAN", "PENJELASAN")
_KEYWORD_SET = frozenset(KEYWORDS)
#: a line that starts with a heading keyword once its look-alikes and invisible characters are gone
_HEADING = re.compile(r"^\s*(?:" + "|".join(KEYWORDS) + r")\b")
#: the first word of a line and its end (the keyword a heading starts with)
_FIRST_WORD = re.compile(r"^\s*(\S+?)(?=[\s:.\d]|$)")


def _format_chars(line: str) -> list[int]:
    """Offsets of the format characters (category Cf) of ``line``."""
    return [i for i, ch in enumerate(line) if ch >= "\u00ad" and unicodedata.category(ch) == "Cf"]


def drop_invisible(lines: list[str]) -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
    """``lines`` without format characters; one ``{"kind": "invisible", "line", "text"}`` record per line that had
    any (1-based line numbers), and a warning for each heading line they stood in.

    >>> out, removed, warnings = drop_invisible(["Penu\\u00adgasan Pegawai", "Pasal\\u200b 2", "biasa"])
    >>> out, [r["text"] for r in removed], [w["line"] for w in warnings]
    (['Penugasan Pegawai', 'Pasal 2', 'biasa'], ['\\xad', '\\u200b'], [2])
    """
    removed: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    out = lines
    for i, line in enumerate(lines):
        if line.isascii() or line.isprintable():  # (Cf characters are not printable: most lines stop here)
            continue
        at = _format_chars(line)
        if not at:
            continue
        if out is lines:
            out = list(lines)
        taken = set(at)
        clean = "".join(ch for k, ch in enumerate(line) if k not in taken)
        out[i] = clean
        removed.append({"kind": "invisible", "line": i + 1, "text": "".join(line[k] for k in at)})
        if _HEADING.match(clean) or (clean.strip() and not clean.split()[0].isascii()
                                     and fold_confusables([clean])[0][0] != clean):
            codes = ", ".join(sorted({f"U+{ord(line[k]):04X}" for k in at}))
            warnings.append({"kind": "invisible_in_heading", "line": i + 1,
                             "message": f"baris {i + 1}: karakter tak terlihat ({codes}) di dalam judul "
                                        f"\"{clean.strip()[:40]}\" dihapus; periksa naskah sumbernya."})
    return out, removed, warnings


def fold_confusables(lines: list[str]) -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
    """Heading words spelt with look-alike letters of another script, spelt in Latin: "Pаsal 2" (Cyrillic "а")
    is "Pasal 2". Only the first word of a line, and only when it then is a keyword of :data:`KEYWORDS`. Each
    change is recorded (``{"kind": "confusable", "line", "text", "to"}``) with a warning.

    >>> out, removed, warnings = fold_confusables(["P\\u0430sal 2", "\\u0412\\u0410\\u0412 I", "Pasal 3", "Газета"])
    >>> out, [(r["text"], r["to"]) for r in removed], len(warnings)
    (['Pasal 2', 'BAB I', 'Pasal 3', 'Газета'], [('а', 'a'), ('ВАВ', 'BAB')], 2)
    """
    removed: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    out = lines
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        m = _FIRST_WORD.match(line)
        if m is None or m.group(1).isascii():
            continue
        word = m.group(1)
        if not any(ch.isalpha() and not ch.isascii() for ch in word):
            continue  # ("“Pasal": a quote before a heading word is no look-alike letter)
        latin = _latin(word)
        if latin is None or latin not in _KEYWORD_SET:
            continue
        if out is lines:
            out = list(lines)
        out[i] = line[:m.start(1)] + latin + line[m.end(1):]
        taken = "".join(a for a, b in zip(word, latin, strict=True) if a != b)
        put = "".join(b for a, b in zip(word, latin, strict=True) if a != b)
        removed.append({"kind": "confusable", "line": i + 1, "text": taken, "to": put})
        warnings.append({"kind": "confusable_in_heading", "line": i + 1,
                         "message": f"baris {i + 1}: kata \"{word}\" memuat huruf aksara lain yang mirip huruf "
                                    f"Latin ({', '.join(sorted({_name(ch) for ch in taken}))}); dibaca "
                                    f"sebagai \"{latin}\"."})
    return out, removed, warnings


def _latin(word: str) -> str | None:
    """``word`` with each non-Latin letter replaced by the Latin letter it is confusable with (Unicode's
    confusables data), or None when some letter has no Latin look-alike of one character."""
    from confusable_homoglyphs import confusables  # its data (a few MB of JSON) loads only when a word needs it

    found = confusables.is_confusable(word, preferred_aliases=["latin"], greedy=True) or []
    swap: dict[str, str] = {}
    for hit in found:
        glyphs = [h["c"] for h in hit["homoglyphs"] if len(h["c"]) == 1 and h["c"].isascii() and h["c"].isalpha()]
        if glyphs:
            swap[hit["character"]] = glyphs[0]
    out = []
    for ch in word:
        if ch.isascii():
            out.append(ch)
        elif ch in swap:
            out.append(swap[ch])
        else:
            return None
    return "".join(out)


def _name(ch: str) -> str:
    return unicodedata.name(ch, f"U+{ord(ch):04X}").title()


#: what an unmatched opening quote stands as while the body is read: noncharacters no reader lets through
#: (:func:`rancang.textsafe.scrub_lines` removes them), so no rule takes them for quotes; put back afterwards
INERT = {OPEN_QUOTE: "\ufffe", STRAIGHT_QUOTE: "\uffff"}
INERT_QUOTE = INERT[OPEN_QUOTE]
#: an instruction that introduces quoted new text: "... diubah sehingga berbunyi sebagai berikut:", "... disisipkan
#: 1 (satu) Pasal, yakni Pasal 7A ...:", "ditambahkan"
_INTRODUCES_NEW_TEXT = re.compile(r"\b(?:berbunyi|diubah|disisipkan|ditambahkan|ditambah|sebagai\s+berikut)\b", re.I)


def inert_unmatched_quotes(lines: list[str], span: tuple[int, int]
                           ) -> tuple[list[str], list[tuple[int, int, str]], list[dict[str, Any]]]:
    """Opening quotes in lines ``span`` [start, end) that would open quoted new text but are never closed, and whose
    clause is no amendment instruction: a stray "“" after "... yang dimaksud dengan:" is a character of the text,
    never the start of an amending act's new text that swallows the Pasal after it (UU 12/2011 Lampiran II
    angka 225-243: new text is quoted after the instruction that introduces it).

    Returns the lines with each such quote replaced by :data:`INERT_QUOTE`, the replacements (line index, offset,
    the quote) for :func:`put_back_quotes`, and a warning for each.

    >>> lines, taken, warnings = inert_unmatched_quotes(["Pasal 1", "yang dimaksud dengan:\\u201c", "a. Bupati;"],
    ...                                                 (0, 3))
    >>> lines[1][-1] == INERT_QUOTE, taken, warnings[0]["line"]
    (True, [(1, 21, '“')], 2)
    >>> inert_unmatched_quotes(["diubah sehingga berbunyi sebagai berikut:", "\\u201cPasal 5", "(1) teks.\\u201d"],
    ...                        (0, 3))[1]
    []
    """
    start, end = span
    stack: list[tuple[int, int]] = []
    for i in range(start, end):
        line = lines[i]
        if not has_quote(line) and CLOSE_QUOTE not in line:
            continue
        for k, opens in marks(line):
            if opens:
                stack.append((i, k))
            elif stack:
                stack.pop()
    if not stack:
        return lines, [], []
    out = list(lines)
    taken: list[tuple[int, int, str]] = []
    warnings: list[dict[str, Any]] = []
    for i, k in stack:
        line = out[i]
        before = line[:k].rstrip()
        previous = next((out[j] for j in range(i - 1, start - 1, -1) if out[j].strip()), "") if not before else ""
        intro = before or previous.rstrip()
        if not intro.endswith(":"):
            continue  # no new text would open here
        if _INTRODUCES_NEW_TEXT.search(intro) and _quotes_structure(out, i, k, end):
            # an instruction's new text ("“Pasal 5", "“(2) ...", "“BAB IIA") lost its closing mark: it stays new
            # text, and ends where the next instruction or this act's own next Pasal begins (``ends_at``)
            warnings.append(_unclosed_new_text(out, i, k, intro, span))
            continue
        # quoted words that are no provision (an oath "“Demi Allah saya bersumpah ...", a formula) and never
        # closed: text of the clause that introduces them, so the clauses after them stay where they stand
        out[i] = line[:k] + INERT[line[k]] + line[k + 1:]
        taken.append((i, k, line[k]))
        warnings.append({"kind": "unmatched_quote", "line": i + 1,
                         "message": f"tanda petik pembuka \"{line[k]}\" tanpa penutup setelah "
                                    f"\"{intro[-30:]}\" dibaca sebagai teks biasa, bukan awal kutipan ketentuan "
                                    "perubahan."})
    return out, taken, warnings


#: what quoted new text of an amendment starts with: a heading, a part keyword or an enumerator ("“Pasal 5",
#: "“BAB IIA", "“(2) ...", "“5. Daerah adalah ...", "“a. bahwa ...", "“LAMPIRAN")
_STRUCTURE_START = re.compile(r"^(?:(?:Pasal|PASAL|BAB|Bagian|BAGIAN|Paragraf|PARAGRAF|LAMPIRAN|Lampiran|PENJELASAN"
                              r"|Menimbang|Mengingat)\b|\(?\d{1,3}[a-zA-Z]?[.)]|\(?[a-z]{1,3}[.)])")


def _unclosed_new_text(lines: list[str], i: int, k: int, intro: str, span: tuple[int, int]) -> dict[str, Any]:
    """The warning for new text quoted at line ``i`` offset ``k`` that never closes, with ``ends_at`` (1-based)
    when this act's next Pasal is found after it."""
    warning: dict[str, Any] = {
        "kind": "unclosed_new_text", "line": i + 1,
        "message": f"tanda petik pembuka \"{lines[i][k]}\" tanpa penutup setelah \"{intro[-30:]}\": kutipan "
                   "ketentuan perubahan dibaca sampai instruksi perubahan berikutnya"}
    ends = _next_own_pasal(lines, i, *span)
    if ends is not None:
        warning["ends_at"] = ends + 1
        warning["message"] += f" atau sampai \"{lines[ends].strip()}\" peraturan ini"
    warning["message"] += "."
    return warning


def _next_own_pasal(lines: list[str], i: int, start: int, end: int) -> int | None:
    """The line of this act's next Pasal after the quote opened on line ``i``: the Pasal heading before the quote
    (the one that holds it, "Pasal 2" or "Pasal I") gives the number; the first heading after ``i`` with the next
    number ("Pasal 3", "Pasal II") is where the quote must have closed. None when there is no such heading."""
    holder = next((m for j in range(i, start - 1, -1) if (m := g.PASAL.match(lines[j].strip()))), None)
    if holder is None:
        return None
    num = holder.group("num")
    digits = num.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if digits.isdigit():
        want = str(int(digits) + 1)
    elif roman_value(num):
        want = roman(roman_value(num) + 1)
    else:
        return None
    return next((j for j in range(i + 1, end) if (m := g.PASAL.match(lines[j].strip())) and m.group("num") == want),
                None)


def _quotes_structure(lines: list[str], i: int, k: int, end: int) -> bool:
    """Does the quote opening at line ``i`` offset ``k`` quote structure (a provision as an amendment quotes it),
    judged by its first words (on its line, else the next line that holds text before ``end``)?"""
    text = lines[i][k + 1:].strip()
    j = i + 1
    while not text and j < end:
        text, j = lines[j].strip(), j + 1
    return _STRUCTURE_START.match(text) is not None


def put_back_quotes(strings_owner: Any, taken: list[tuple[int, int, str]], records_from: int = 0) -> None:
    """Put the quotes :func:`inert_unmatched_quotes` made inert back into every string of the tree
    (``strings_owner``: a :class:`~rancang.tree.Regulation`): node text, heading and label, the records of
    ``stats.unplaced`` and those of ``stats.removed`` from index ``records_from`` on (the records made while the
    body was read; a reader's own record of a removed U+FFFE stays what it is)."""
    if not taken:
        return
    for node in strings_owner.walk():
        for name in ("text", "heading", "label"):
            value = getattr(node, name)
            if value and ("\ufffe" in value or "\uffff" in value):
                setattr(node, name, _put_back(value))
    stats = strings_owner.stats
    for record in (stats.removed[records_from:] + stats.unplaced) if stats is not None else []:
        if isinstance(record.get("text"), str):
            record["text"] = _put_back(record["text"])


def _put_back(text: str) -> str:
    for quote, inert in INERT.items():
        text = text.replace(inert, quote)
    return text
