"""An act the user's profile cites (``dasar_hukum_daerah``: the law forming the region, its amendments) beside what
the knowledge base of acts (:mod:`rancang.kb`) holds about it.

The profile is the user's data: what it gives is printed as given unless the knowledge base holds another value
*verified* and the profile's does not agree with the act's own text (issue 25, W1: UU 16/1950 is cited by several
PP with its title shortened to their province, "... dalam Lingkungan Propinsi Jawa Timur"; a Kota Magelang profile
citing the act's own judul must keep it). A disputed or unverified fact of the knowledge base never replaces what
the profile gives; every disagreement, and every printed fact the knowledge base does not hold verified, is returned
as a note (Indonesian) for ``catatan.md`` or ``skenario.md``. What the profile leaves out is taken from the
knowledge base where verified, else a visible blank ("Nomor ....").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rancang.generate.shared import kbcite
from rancang.kb import evidence, store
from rancang.kb.acts import key as act_key
from rancang.kb.compile import GAZETTES
from rancang.kb.observe import publication as read_publication
from rancang.kb.titles import agree, tidy


def own_title(base: store.KnowledgeBase, key: str) -> str | None:
    """The title act ``key``'s own text gives (a value of its title fact with the source ``naskah:KEY``)."""
    fact = base.fact(key, "tentang")
    if not fact:
        return None
    for v in [fact, *fact["others"]]:
        if f"naskah:{key}" in v["sources"]:
            return str(v["value"])
    return None


def _status_words(base: store.KnowledgeBase, fact: Mapping[str, Any]) -> str:
    status = {"verified": "terverifikasi", "disputed": "diperselisihkan", "unverified": "belum terverifikasi"}
    return f"{status[fact['status']]}, menurut {evidence.sources_phrase(base, fact['sources'])}"


def title(base: store.KnowledgeBase, key: str, given: str | None, name: str) -> tuple[str, list[str]]:
    """The title to print for act ``key`` (``name``: "Undang-Undang Nomor 16 Tahun 1950") whose profile gives
    ``given``, and the notes. The knowledge base's title replaces ``given`` only when it is verified and ``given``
    agrees neither with it nor with the act's own judul (:func:`rancang.kb.titles.agree`)."""
    fact = base.fact(key, "tentang")
    if not given:
        return kbcite.title(base, key)
    given = tidy(given)
    if not fact or agree(given, str(fact["value"])):
        return given, []
    own = own_title(base, key)
    if fact["status"] == "verified" and not (own and agree(given, own)):
        return str(fact["value"]), [
            f"judul {name}: profil menulis \"{given}\"; dipakai \"{fact['value']}\" dari basis pengetahuan rancang "
            f"({_status_words(base, fact)}); periksa naskah resminya."]
    backing = [v for v in fact["others"] if agree(given, str(v["value"]))]
    why = ("sesuai dengan naskahnya sendiri" if own and agree(given, own) else
           f"sesuai dengan {evidence.sources_phrase(base, backing[0]['sources'])}" if backing else
           "basis pengetahuan belum memastikannya")
    return given, [f"judul {name} ditulis sebagaimana dalam profil ({why}); basis pengetahuan rancang mencatat "
                   f"\"{fact['value']}\" ({_status_words(base, fact)}); periksa naskah resminya."]


def publication(base: store.KnowledgeBase, key: str, given: str | None, name: str) -> tuple[str, list[str]]:
    """The bracketed publication of act ``key`` whose profile gives ``given`` ("Berita Negara Republik Indonesia
    Tahun 1950 Nomor 45"), and the notes: ``given`` is printed unless the knowledge base holds that gazette's
    number verified and different; a given number the knowledge base does not hold verified is noted as the
    profile's. Nothing given: the knowledge base's verified facts, else blanks (:func:`kbcite.publication`)."""
    if not given:
        return kbcite.publication(base, key)
    pub = read_publication(f"({given})")
    if pub is not None:
        field = GAZETTES[pub["kind"]]
        fact = base.fact(key, field)
        if fact and fact["status"] == "verified" and fact["value"] != [pub["tahun"], pub["nomor"]]:
            text, blanks = kbcite.publication(base, key)
            return text, [*blanks, f"pengundangan {name}: profil menulis \"{given}\"; dipakai {text} dari basis "
                          f"pengetahuan rancang ({_status_words(base, fact)}); periksa naskah resminya."]
    notes = [] if verified_publication(base, key, given) else [
        f"pengundangan {name} ({given}) dari profil, belum terverifikasi oleh basis pengetahuan rancang; periksa "
        f"dengan naskah resminya."]
    return f"({given})", notes + conflicts(base, key, given, name)


def conflicts(base: store.KnowledgeBase, key: str, given: str, name: str) -> list[str]:
    """A note for each number of ``given`` (a profile's publication of act ``key``) that the knowledge base records
    otherwise without holding it verified (a verified one replaces it: :func:`publication`): conflicting evidence
    is reported, not chosen."""
    pub = read_publication(f"({given})")
    if pub is None:
        return []
    field = GAZETTES[pub["kind"]]
    checks = [(field, [pub["tahun"], pub["nomor"]], "Nomor {1} Tahun {0}")]
    if pub["tln"]:
        checks.append(("tld" if field in ("ld", "bd") else "tln", pub["tln"], "Tambahan Nomor {}"))
    out = []
    for fname, value, form in checks:
        fact = base.fact(key, fname)
        if fact and fact["status"] != "verified" and fact["value"] != value:
            shown = form.format(*fact["value"]) if isinstance(fact["value"], list) else form.format(fact["value"])
            out.append(f"pengundangan {name}: profil menulis \"{given}\"; basis pengetahuan rancang mencatat "
                       f"{shown} ({_status_words(base, fact)}); periksa naskah resminya.")
    return out


def verified_publication(base: store.KnowledgeBase, key: str, lembaran: str) -> bool:
    """Whether every number of ``lembaran`` (as a profile gives it) is a fact the knowledge base holds verified for
    act ``key`` (gazette year and number, and the Tambahan when printed)."""
    pub = read_publication(f"({lembaran})")
    if pub is None or base.get(key) is None:
        return False
    field = GAZETTES[pub["kind"]]
    checks = [(field, [pub["tahun"], pub["nomor"]])]
    if pub["tln"]:
        checks.append(("tld" if field in ("ld", "bd") else "tln", pub["tln"]))
    for fname, value in checks:
        fact = base.fact(key, fname)
        if fact is None or fact["status"] != "verified" or fact["value"] != value:
            return False
    return True


def cite(c: Mapping[str, Any], jenis: str | None = None) -> tuple[str, list[str]]:
    """Act ``c`` of a profile ({jenis, nomor, tahun, tentang, lembaran}) as a Mengingat cites it, with the notes:
    title and publication as :func:`title` and :func:`publication` decide (``jenis``: the jenis to print, default
    ``c``'s). An act the knowledge base does not know is printed as given; its publication left out is a blank."""
    jenis = jenis or str(c.get("jenis") or "")
    name = f"{jenis} Nomor {c.get('nomor')} Tahun {c.get('tahun')}"
    base = store.load()
    key = act_key(jenis, str(c.get("nomor")), int(c["tahun"])) if c.get("tahun") else None
    if key is None or base.get(key) is None:
        given = str(c.get("lembaran") or "")
        pub = f" ({given})" if given else f" ({kbcite.BLANK})"
        notes = [] if given else [f"pengundangan {name}: tidak diberikan profil dan tidak dikenal basis pengetahuan "
                                  f"rancang; isi dari naskah resminya."]
        return f"{name} tentang {tidy(str(c.get('tentang') or kbcite.BLANK))}{pub}", notes
    t, tn = title(base, key, c.get("tentang"), name)
    p, pn = publication(base, key, c.get("lembaran"), name)
    return f"{name} tentang {t} {p}", tn + pn
