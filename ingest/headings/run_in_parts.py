"""The penutup and the Penjelasan run into the line of the closing formula, as converted texts print them: "Agar
setiap orang mengetahuinya, memerintahkan pengundangan ... Republik Indonesia. Ditetapkan di Jakarta pada tanggal
10 Desember 2007 ttd ... Diundangkan di Jakarta ... TAHUN 2007 NOMOR 161 PENJELASAN ATAS PERATURAN PEMERINTAH ...".

Half the national texts (2,937 of 5,871 files of ``mblonyox/data-peraturan``) start their Penjelasan inside a line,
and 3,483 run "Ditetapkan di" into one: the parts are found only at a line's start, so the penutup and the whole
Penjelasan ("Pasal 1 Cukup jelas. ...") became text of the last Pasal. :func:`split_closing` gives each a line of
its own, only after the closing formula (UU 12/2011 Lampiran II: the formula "Agar setiap orang mengetahuinya ..."
ends the batang tubuh; the penutup and the Penjelasan follow it), so no line of the body is touched. Only line
breaks are added: every character stays (conservation).

    >>> for line in split_closing(["Pasal 5", "Agar setiap orang mengetahuinya, memerintahkan ... Indonesia. "
    ...         "Ditetapkan di Jakarta pada tanggal 2 Mei 2007 ttd SUSILO Diundangkan di Jakarta NOMOR 161 "
    ...         "PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 77 TAHUN 2007 I. UMUM"])[1:]:
    ...     print(line)
    Agar setiap orang mengetahuinya, memerintahkan ... Indonesia.
    Ditetapkan di Jakarta pada tanggal 2 Mei 2007 ttd SUSILO
    Diundangkan di Jakarta NOMOR 161
    PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 77 TAHUN 2007 I. UMUM
"""

from __future__ import annotations

import re

#: the closing formula that ends the batang tubuh
_FORMULA = re.compile(r"\bAgar\s+setiap\s+orang\s+mengetahuinya\b", re.I)
#: what starts a part after it: the penutup's "Ditetapkan di" / "Disahkan di" / "Diundangkan di", the Penjelasan
#: (the spaces after a non-space: "\s(?<=\S\s)\s*" is "(?<=\S)\s+", opened by a character class so that the regex
#: engine skips to the spaces in C instead of trying the lookbehind at every position of a long line)
_PART = re.compile(r"\s(?<=\S\s)\s*(?=(?:Ditetapkan|Disahkan|Diundangkan)\s+di\s+[A-Z]"
                   r"|PENJELASAN\s+ATAS\s+(?:UNDANG|PERATURAN|QANUN)\b)")


def split_closing(lines: list[str]) -> list[str]:
    """``lines`` with each penutup keyword and the Penjelasan heading that runs into a line after the closing
    formula on a line of its own (see the module text); the lines before the formula are left as they are."""
    at = next((i for i, ln in enumerate(lines) if "mengetahuinya" in ln.lower() and _FORMULA.search(ln)), None)
    if at is None:
        return lines
    out = lines[:at]
    for k in range(at, len(lines)):
        line = lines[k]
        start = _FORMULA.search(line).end() if k == at else 0  # type: ignore[union-attr]
        if ("di " not in line and "PENJELASAN" not in line) or not _PART.search(line, start):
            out.append(line)
            continue
        cuts = [(m.start(), m.end()) for m in _PART.finditer(line, start)]
        ends = [a for a, _ in cuts] + [len(line)]
        starts = [0] + [b for _, b in cuts]
        out.extend(line[a:b] for a, b in zip(starts, ends, strict=True))  # (the spaces at a cut: a line break)
    return out
