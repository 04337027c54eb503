"""A Lampiran's sentences that name the source region's organisation (issue 27: "a region's structure is a fact
about that region only"): a unit the profile does not list becomes a blank; a parenthesis listing the source's
offices goes. Both are noted in catatan.md."""

from __future__ import annotations

from rancang.generate.draft import lampiran as lampiran_mod
from rancang.generate.draft import struktur
from rancang.generate.draft.notes import Notes
from rancang.parts import Block


def office_lists(blocks: list[Block], notes: Notes) -> None:
    """A parenthesis naming the source region's offices as examples of a role ("Pimpinan Unit Organisasi
    (Sekretaris DPRD/Kepala Dinas/Kepala Badan/Kepala UPT)", :func:`struktur.office_lists`) is that region's
    structure: it goes, the role stays; each is an option in ``catatan.md``."""
    for b in blocks:
        found = struktur.office_lists(b.text or "") if b.type in ("item", "paragraph") else []
        if not found:
            continue
        text = b.text
        for m in reversed(found):
            text = text[:m.start()] + text[m.end():]
        notes.add("opsi", "struktur-daerah", "jabatan peraturan sumber yang disebut dalam kurung sebagai contoh "
                  f"({'; '.join(m.group(1) for m in found)}) adalah susunan organisasi daerah asal: tidak dibawa. "
                  "Sebutkan jabatan daerah ini bila diperlukan.", b.text, block=b)
        b.text = text


def names_in_text(blocks: list[Block], allowed: struktur.Allowed, notes: Notes) -> None:
    """A unit the region does not have, named inside a sentence: a blank, listed."""
    blank = struktur.data()["blank"]
    for b in blocks:
        if b.type in ("signature",) or not b.text:
            continue
        about = [m.span() for m in lampiran_mod.ABOUT.finditer(b.text)]  # removed whole later, with its note
        found = [n for n in allowed.foreign(b.text) if not any(s <= n.start < e for s, e in about)]
        if not found:
            continue
        text = b.text
        for n in reversed(found):
            text = text[:n.start] + blank + text[n.end:]
        notes.add("isian", "struktur-daerah", "unit organisasi peraturan sumber yang tidak tercantum dalam perangkat "
                  f"daerah profil ({', '.join(n.text for n in found)}) diganti titik-titik: isi dengan unit "
                  "organisasi daerah ini.", b.text, block=b)
        b.text = text
