"""The harmonisation matrix beside every draft (issue 27, item 5): what the reviewers of the harmonisasi of a
Rancangan Peraturan Kepala Daerah (Kanwil Kementerian Hukum, e-Harmonisasi) work from.

One row per provision of the draft -- each ayat, each definition of Pasal 1, each Pasal without ayat -- with its
text, the sistem-kerja matter of PermenPAN-RB 7/2022 it regulates (rancang's topic catalogue,
``rancang/data/topics.json``), its support among the other regions' regulations in the corpus (their equivalent
clauses, paired by the ``corpus diff`` alignment), where its text comes from (act and clause), and the decisions
``catatan.md`` lists for it (what departs from the other regions, what is the base region's own). Then the draft's
legal bases (Mengingat) and its check report. Nothing here is asserted without its source: where rancang holds no
provision of the higher act, the column says so and leaves it to be filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rancang.address import Address
from rancang.generate.check.base import Finding
from rancang.generate.draft.model_perbup import defined_elsewhere
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import origin
from rancang.generate.shared.resources import read_yaml
from rancang.topics import label as topic_label
from rancang.tree import LIST_TYPES, Node, Regulation

#: the higher act whose matter the topic catalogue follows (DRAFTING.md "Sistem kerja content")
BASIS = "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022"


def basis(topic: str) -> str:
    """The higher act (and provision, where rancang holds its text) a topic's clause carries out, with the topic's
    label: ``draft/data/harmonisasi.yaml``."""
    data = read_yaml("draft/data/harmonisasi.yaml")
    act = data["topics"].get(topic, data["default"])
    none = ("; tidak ada pasal tertentu yang dapat ditunjuk untuk ketentuan ini (rancang tidak memuat naskah "
            "peraturan itu)") if act == data["default"] else ""
    return f"{act} \u2014 materi: {topic_label(topic)}{none}"

HEADERS = ("No.", "Ketentuan rancangan", "Rumusan", "Materi yang dilaksanakan", "Dukungan daerah lain", "Asal rumusan",
           "Catatan penyusunan")


@dataclass
class Row:
    """One provision of the draft: its cite, text, matter (the higher act and topic it carries out), support,
    origin and decisions."""

    cite: str
    text: str
    matter: list[str] = field(default_factory=list)
    support: list[str] | None = None
    source: str = ""
    decisions: list[str] = field(default_factory=list)

    def cells(self, number: int, compared: int) -> list[str]:
        """The row's cells in :data:`HEADERS` order, in Indonesian."""
        matter = "; ".join(self.matter) if self.matter else "\u2014"
        if self.support is None:
            support = "tidak dibandingkan"
        elif not self.support:
            support = f"tidak ada padanan dalam {compared} peraturan lain di korpus"
        else:
            support = f"{len(self.support)} padanan dalam {compared} peraturan lain: " + "; ".join(self.support)
        return [str(number), self.cite, self.text, matter, support, self.source or "disusun untuk rancangan ini",
                "; ".join(self.decisions) or "—"]


def units(reg: Regulation) -> list[Node]:
    """The provisions a reviewer compares: each ayat, each item of a list directly under a Pasal with no ayat
    (Pasal 1's definitions), else the Pasal itself."""
    out: list[Node] = []
    for pasal in reg.pasals():
        ayat = [c for c in pasal.children if c.type == "ayat"]
        items = [c for c in pasal.children if c.type in LIST_TYPES]
        out.extend(ayat or (items if pasal.number == "1" and items else [pasal]))
    return out


def _within(cite: str, unit: str) -> bool:
    return cite == unit or cite.startswith(unit + " ")


def rows(reg: Regulation, notes: Notes, topics: dict[str, dict[str, str] | None],
         support: dict[tuple[str, str], list[str]], bases: dict[tuple[str, str], str] | None = None) -> list[Row]:
    """The matrix rows of a numbered draft: ``topics`` as :meth:`compose.Composed.topic_cites` gives them,
    ``support`` as :func:`policy.decide` or the model fills it and ``bases`` the model's higher act of each clause
    (:func:`model_perbup.bases`; both keyed by each clause's origin). A clause outside the model takes its topic's
    act."""
    acts = {s["daerah"]: s["peraturan"] for s in notes.sources}
    decided = notes.of("putusan")
    out = []
    for unit in units(reg):
        text = " ".join(unit.full_text().split())
        region, old = origin(unit)
        source = ""
        if region in acts and old:
            try:
                source = f"{acts[region]} {Address.parse(old).cite}"
            except ValueError:
                source = acts[region]
        matter = [basis(k) for k, where in topics.items()
                  if where and (_within(where["cite"], unit.cite) or _within(unit.cite, where["cite"]))]
        if bases and (region, old) in bases:
            matter = [bases[(region, old)]]
        elif not matter and unit.cite.startswith("Pasal 1 angka "):  # a definition made for the draft
            same = defined_elsewhere(unit.text)
            matter = [f"batasan pengertian dalam Ketentuan Umum; istilah ini didefinisikan dalam {same}" if same else
                      "batasan pengertian untuk peraturan ini dalam Ketentuan Umum; tidak ada ketentuan peraturan "
                      "yang lebih tinggi yang khusus mendasarinya"]
        why = [f"[{n.rule}] {n.why}" for n in decided if _within(n.where(), unit.cite)]
        out.append(Row(unit.cite, text, matter, support.get((region, old)) if support else None, source, why))
    return out


def markdown(title: str, reg: Regulation, table: list[Row], compared: int, findings: list[Finding]) -> str:
    """harmonisasi.md: heading, how to read it, the legal bases, the matrix and the check report."""
    lines = [f"# Matriks harmonisasi: {title}", "",
             "Dibuat oleh `rancang draft` sebagai bahan harmonisasi rancangan peraturan kepala daerah (Kantor "
             "Wilayah Kementerian Hukum, aplikasi e-Harmonisasi). Setiap baris satu ketentuan rancangan: materi "
             f"{BASIS} yang dilaksanakannya (menurut katalog materi sistem kerja rancang), padanannya dalam "
             f"peraturan daerah lain di korpus ({compared} peraturan dibandingkan), asal rumusannya, dan keputusan "
             "yang tercatat dalam catatan.md. Kolom materi menyebut pasal peraturan yang lebih tinggi yang mendasari "
             "ketentuan itu bila tercatat; bila tidak ada pasal tertentu yang dapat ditunjuk, kolom itu "
             "menyatakannya beserta pasal yang mendelegasikan pengaturannya.", "",
             "## Dasar hukum (Mengingat)", ""]
    lines += [f"{i}. {m.text}" for i, m in enumerate(reg.mengingat, 1)] or ["Tidak ada."]
    lines += ["", f"## Matriks ({len(table)} ketentuan)", "",
              "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for i, row in enumerate(table, 1):
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row.cells(i, compared)) + " |")
    lines += ["", "## Hasil pemeriksaan rancangan (rancang check)", "", summary(findings), ""]
    lines += [f"- {f['severity'].upper()} {f['code']} {f['cite']}: {f['message']}" for f in findings]
    return "\n".join(lines) + "\n"


def summary(findings: list[Finding]) -> str:
    counts = {s: sum(f["severity"] == s for f in findings) for s in ("error", "warning", "info")}
    return f"{counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info."
