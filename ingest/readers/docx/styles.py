"""The run properties that change what a person reads in Word: All Caps, Small Caps and hidden text.

Word applies ``w:caps`` (All Caps), ``w:smallCaps`` and ``w:vanish`` (hidden) from four places (ECMA-376 Part 1,
17.7.2 and 17.7.3): the run's own properties (absolute), its character style (``w:rStyle``) and the paragraph's
style (``w:pStyle``, else the document's default paragraph style), each through its ``w:basedOn`` chain (the
nearest definition wins), and the document defaults (``w:docDefaults``). These three are *toggle* properties: the
value of the paragraph style and the value of the character style are combined by exclusive or. A title block
typed "Peraturan Bupati Contoh" under a style with All Caps is printed, and read, "PERATURAN BUPATI CONTOH".

Styles also carry list numbering (Word's "List Number" and multilevel lists bound to heading styles).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rancang.ingest.readers.docx.numbering import _ilvl, _q, _val

#: the toggle properties read: All Caps, Small Caps (both shown as capitals) and hidden text
TOGGLES = ("caps", "smallCaps", "vanish")
_OFF = {"0", "false", "off", "none"}


def _toggles(rpr: Any | None) -> dict[str, bool]:
    """The toggle properties set in one ``w:rPr`` (absent ones are not in the dict)."""
    out: dict[str, bool] = {}
    if rpr is None:
        return out
    for name in TOGGLES:
        el = rpr.find(_q(name))
        if el is not None:
            out[name] = (el.get(_q("val")) or "1").lower() not in _OFF
    return out


@dataclass
class Styles:
    """styles.xml read for what the reader needs: toggles per style, basedOn links, numbering bound to styles."""

    own: dict[str, dict[str, bool]] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    defaults: dict[str, bool] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_character: str | None = None
    _cache: dict[str, dict[str, bool]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any | None) -> Styles:
        out = cls()
        if root is None:
            return out
        defaults = root.find(_q("docDefaults"))
        if defaults is not None:
            out.defaults = _toggles(defaults.find(f"{_q('rPrDefault')}/{_q('rPr')}"))
        for st in root.iter(_q("style")):
            sid = st.get(_q("styleId"))
            if sid is None:
                continue
            kind = st.get(_q("type"), "paragraph")
            out.own[sid] = _toggles(st.find(_q("rPr")))
            base = _val(st, "basedOn")
            if base:
                out.based_on[sid] = base
            if (st.get(_q("default")) or "").lower() in ("1", "true", "on"):
                if kind == "paragraph":
                    out.default_paragraph = sid
                elif kind == "character":
                    out.default_character = sid
            ppr = st.find(_q("pPr"))
            num = ppr.find(_q("numPr")) if ppr is not None else None
            if num is not None and _val(num, "numId") is not None:
                out.numbering[sid] = (_val(num, "numId") or "", _ilvl(_val(num, "ilvl", "0")))
        return out

    def chain(self, sid: str | None) -> dict[str, bool]:
        """The toggles of style ``sid`` with its basedOn chain (the nearest definition wins; a loop ends it)."""
        if sid is None:
            return {}
        if sid in self._cache:
            return self._cache[sid]
        out: dict[str, bool] = {}
        seen: set[str] = set()
        cur: str | None = sid
        while cur is not None and cur not in seen:
            seen.add(cur)
            for name, value in self.own.get(cur, {}).items():
                out.setdefault(name, value)
            cur = self.based_on.get(cur)
        self._cache[sid] = out
        return out

    def paragraph_style(self, p: Any) -> str | None:
        """The style of paragraph ``p``: its ``w:pStyle``, else the default paragraph style."""
        ppr = p.find(_q("pPr")) if p is not None else None
        return _val(ppr, "pStyle") or self.default_paragraph

    def run(self, p_style: str | None, r: Any) -> dict[str, bool]:
        """The effective caps / smallCaps / vanish of run ``r`` in a paragraph of style ``p_style``."""
        rpr = r.find(_q("rPr"))
        direct = _toggles(rpr)
        para = self.chain(p_style)
        char = self.chain(_val(rpr, "rStyle") or self.default_character)
        out: dict[str, bool] = {}
        for name in TOGGLES:
            if name in direct:
                out[name] = direct[name]
            elif name in para or name in char:
                out[name] = para.get(name, False) != char.get(name, False)
            else:
                out[name] = self.defaults.get(name, False)
        return out

    def mark(self, p: Any, name: str, level: dict[str, bool] | None = None, style: str | None = None) -> bool:
        """A toggle of the paragraph mark of ``p``, which the list label shares: the numbering level's run
        properties, then the mark's own (``w:pPr/w:rPr``), then the paragraph style chain, then the defaults."""
        if level and name in level:
            return level[name]
        ppr = p.find(_q("pPr"))
        own = _toggles(ppr.find(_q("rPr")) if ppr is not None else None)
        if name in own:
            return own[name]
        return self.chain(style or self.paragraph_style(p)).get(name, self.defaults.get(name, False))

    def mark_hidden(self, p: Any) -> bool:
        """Whether the paragraph mark of ``p`` is hidden (its ``w:pPr/w:rPr/w:vanish``, or its style's)."""
        return self.mark(p, "vanish")

    def label_caps(self, p: Any, level: dict[str, bool], style: str | None = None) -> bool:
        """Whether the list label of ``p`` (of paragraph style ``style``) shows in capitals (All Caps or Small
        Caps on its level or mark)."""
        return self.mark(p, "caps", level, style) or self.mark(p, "smallCaps", level, style)

    def num_pr(self, p: Any) -> tuple[str, int] | None:
        """(numId, ilvl) of a numbered paragraph: its own ``w:numPr``, else its style's; None when not numbered."""
        ppr = p.find(_q("pPr"))
        if ppr is None:
            return None
        num = ppr.find(_q("numPr"))
        if num is not None:
            num_id = _val(num, "numId")
            if num_id is not None:
                return num_id, _ilvl(_val(num, "ilvl", "0"))
        style = _val(ppr, "pStyle")
        return self.numbering.get(style) if style else None
