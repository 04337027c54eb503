"""What a clause is about decides a pair of the diff (issue 30: "the held-out comparison has no unrelated pair"):
the form of a mechanism, the action of a duty item, the kind of unit of a kedudukan clause, a step against a
content item, two steps of different actors doing different things. Small acts written for the rules, and the
slots read off real wordings of the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from regions import LAMPIRAN_HEAD

from rancang.corpus.align import align
from rancang.corpus.scope import OWN, scope, units_named
from rancang.corpus.slots import agree, slots
from rancang.ingest import ingest_text

HEAD = LAMPIRAN_HEAD + "A. Mekanisme Kerja\n"


def _pairs(items_a: list[str], items_b: list[str]) -> set[tuple[str, str]]:
    def act(daerah: str, items: list[str]) -> str:
        return HEAD.format(DAERAH=daerah) + "\n".join(f"{k + 1}. {t}" for k, t in enumerate(items)) + "\n"

    al = align(ingest_text(act("SUKAMAJU", items_a), "a.txt"), ingest_text(act("MEKARSARI", items_b), "b.txt"))
    return {(p.a.text, p.b.text) for p in al.pairs}


def test_a_mechanism_of_penunjukan_is_not_one_of_pengajuan_sukarela() -> None:
    a = "Mekanisme penunjukan lintas Unit Organisasi:"
    b = "Mekanisme pengajuan sukarela yang bersifat lintas unit organisasi"
    assert not agree(a, b)
    assert agree(a, "Mekanisme penunjukan yang bersifat lintas unit organisasi")
    pairs = _pairs([a, "Dinas Pendidikan;"], [b, "Dinas Pendidikan."])
    assert (a, b) not in pairs and ("Dinas Pendidikan;", "Dinas Pendidikan.") in pairs


@pytest.mark.parametrize(("a", "b", "pair"), [
    ("membagi tugas kepada anggota tim;", "memberikan umpan balik berkala kepada anggota tim;", False),
    ("merencanakan kegiatan Tim Kerja;", "melaksanakan kegiatan sesuai dengan perencanaan;", False),
    ("menetapkan sasaran dan rencana kerja Unit Organisasi;", "menyusun dan menetapkan rencana kerja organisasi;",
     True),  # a chain of verbs: one in common
    ("menyampaikan kemajuan pekerjaan kepada Ketua Tim Kerja.", "Melaporkan hasil kinerja kepada Ketua Tim Kerja.",
     True),  # reporting verbs are one action (the model's report_verbs)
])
def test_duty_items_pair_by_their_action(a: str, b: str, pair: bool) -> None:
    assert agree(a, b) is pair


@pytest.mark.parametrize(("a", "b", "pair"), [
    ("Pada Unit Pelaksana Teknis Daerah, Pejabat Fungsional berkedudukan di bawah Kepala UPTD.",
     "Kelurahan. Pada struktur di atas, Kelompok Jabatan Fungsional berkedudukan di bawah Lurah.", False),
    ("Unit Organisasi yang dipimpin oleh Pejabat Pimpinan Tinggi Pratama: Pejabat Fungsional berkedudukan di bawah",
     "Unit Organisasi yang dipimpin oleh Pejabat Fungsional: kelompok jabatan fungsional berkedudukan di bawah",
     False),  # two classes of leader
    ("UPTD Pusat Kesehatan Masyarakat pada Dinas Kesehatan: Pejabat Fungsional berkedudukan di bawah Kepala",
     "Pusat Kesehatan Masyarakat yang dipimpin oleh Pejabat Fungsional: berkedudukan di bawah", True),
    ("Pada Dinas, Pejabat Fungsional berkedudukan di bawah Kepala Dinas.",
     "Kelompok Jabatan Fungsional berkedudukan di bawah Pejabat Administrator.", True),  # one names no unit
])
def test_kedudukan_clauses_pair_by_the_kind_of_unit(a: str, b: str, pair: bool) -> None:
    assert agree(a, b) is pair


def test_a_step_is_not_a_content_item() -> None:
    step = "Kepala Perangkat Daerah pemohon menerbitkan surat penugasan bagi Pejabat Fungsional yang bersangkutan."
    assert slots(step).shape == "step" and slots("Maksud dan tujuan permohonan penugasan;").shape == "item"
    assert not agree(step, "Maksud dan tujuan permohonan penugasan Pejabat Fungsional atau Pelaksana;")


def test_two_steps_pair_by_their_actor_or_their_action() -> None:
    asks = "Pejabat Fungsional atau Pejabat Pelaksana memohon untuk dilibatkan kepada Kepala Perangkat Daerah."
    assert not agree(asks, "Pimpinan Unit Kerja mengirimkan nota dinas permohonan pelibatan Pejabat Fungsional.")
    # the same step by another actor of the same class, or the same action by another class
    assert agree("Pejabat Penilai Kinerja meninjau hasil pelaksanaan kegiatan.",
                 "Pejabat Administrator meninjau hasil pelaksanaan kegiatan.")
    assert agree("Pimpinan Unit Organisasi menyampaikan surat jawaban kepada pemohon.",
                 "Pejabat Fungsional menyampaikan surat permohonan kepada Pimpinan Unit Organisasi.")
    # the role a member acts in is the actor: a ketua tim leads a team
    acting = slots("Pejabat Fungsional yang berperan sebagai ketua tim kerja kemudian melaporkan pelaksanaan tugas")
    assert (acting.shape, acting.actor) == ("step", "team")
    # a step that opens on its condition is not read
    assert slots("Apabila Pimpinan Unit Organisasi menyetujui, maka Pejabat Fungsional menyampaikan surat").shape == ""


def test_a_scope_names_the_regions_own_units_though_the_act_defines_none() -> None:
    from rancang.corpus.scope import own_units

    units = units_named(own_units())
    assert scope("Mekanisme penunjukan dalam Unit Organisasi:", units) == {("within", OWN)}
    assert scope("memastikan sinergisitas pelaksanaan tugas antar tim", units) == scope(
        "memastikan sinergisitas pelaksanaan tugas antar tim kerja", units)


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("judged", "before", "unrelated_before", "related_after", "unrelated_after"), [
    # read while the 'whose' slot was built (its _comment says so): 0.731 -> 0.824, related 38 -> 42 of 43
    ("diff_pairs_fresh.json", 52, 15, 57, 6),
    # held out for every rule of session 8: 0.725 -> 0.795, related 58 -> 62 of 62
    # session 9 (a step takes its mechanism's scope; a leader's duty is not a member's): 0.795 -> 0.840, 63 related
    # session 9b (a step takes its mechanism's form and scope with its relation; 2 pairs across two mechanisms
    # re-judged unrelated): 71 pairs, 62 related, 9 unrelated (0.873)
    # one actor's duty is not another's, a short Ketentuan Umum split term by term: 71 pairs, 65 related, 6 unrelated
    ("diff_pairs_fresh2.json", 80, 24, 65, 6),
])
def test_on_acts_the_slots_were_not_built_on(tmp_path: Path, judged: str, before: int, unrelated_before: int,
                                            related_after: int, unrelated_after: int) -> None:
    """Every text-pass pair of three sistem-kerja acts against each seed, read and judged (tests/data/<judged>)."""
    from rancang.corpus.store import Store
    from rancang.corpus.topics import topics_of
    from rancang.ingest import ingest_path

    pairs = json.loads((DATA / judged).read_text(encoding="utf-8"))["pairs"]
    verdict = {(p["a_reg"], p["b_reg"], p["a"], p["b"]): p["related"] for p in pairs}
    made = set()
    with Store(tmp_path / "corpus.sqlite") as s:
        for act in sorted({p["a_reg"] for p in pairs}):
            held = ingest_path(DATA / act)
            for sid in ("bogor", "jepara", "pasaman-barat", "malang"):
                made |= {(act, sid, p.a.cite, p.b.cite) for p in align(held, s.regulation(sid), topics_of(held),
                                                                        s.topics(sid)).pairs if p.topic is None}
    assert made <= set(verdict), sorted(made - set(verdict))[:5]  # every pair made has been judged
    assert (sum(p["before"] for p in pairs), sum(p["before"] and not p["related"] for p in pairs)) == (
        before, unrelated_before)
    related = sum(verdict[k] for k in made)
    assert related >= related_after and len(made) - related <= unrelated_after


def _lampiran(daerah: str, body: str) -> str:
    return HEAD.replace("A. Mekanisme Kerja\n", "").format(DAERAH=daerah) + body


def _pairs_of(a: str, b: str) -> set[tuple[str, str]]:
    al = align(ingest_text(_lampiran("SUKAMAJU", a), "a.txt"), ingest_text(_lampiran("MEKARSARI", b), "b.txt"))
    return {(p.a.text, p.b.text) for p in al.pairs}


def test_a_step_takes_the_scope_of_its_mechanism() -> None:
    """PermenPAN-RB 7/2022: penunjukan across Perangkat Daerah and across Instansi Pemerintah are two mechanisms; a
    step of one is set against the same step of the other region's mechanism of that scope, else it is 'hanya di'."""
    send_pd = "Kepala Perangkat Daerah pemohon mengirimkan surat permohonan pelibatan Pejabat Fungsional kepada " \
              "Kepala Perangkat Daerah yang dituju."
    send_in = "Pimpinan Unit Organisasi pemilik kinerja mengirimkan surat permohonan pelibatan Pejabat Fungsional " \
              "kepada Pejabat yang Berwenang instansi yang dituju."
    a = f"A. Mekanisme penunjukan lintas Perangkat Daerah:\n1. {send_pd}\n"
    b = f"A. Mekanisme penunjukan lintas Instansi Pemerintah:\n1. {send_in}\n"
    assert (send_pd, send_in) not in _pairs_of(a, b)
    # the same step under the same scope (a region's own units named otherwise) is a pair
    b_own = "A. Mekanisme penunjukan lintas Unit Organisasi:\n1. " + send_in.replace(
        "Pejabat yang Berwenang instansi", "Pimpinan Unit Organisasi") + "\n"
    assert any(x == send_pd for x, _ in _pairs_of(a, b_own))


def test_a_team_leaders_duty_is_not_a_members() -> None:
    a = "A. Kewajiban Ketua Tim Kerja antara lain:\n1. menyusun rencana kerja Tim Kerja;\n" \
        "2. menyampaikan hasil kerja tim kepada Pimpinan Unit Kerja.\n"
    b = "A. Peran dan tanggung jawab anggota Tim Kerja, meliputi:\n1. menyusun rencana kerja individu;\n" \
        "2. melaporkan hasil kinerjanya kepada ketua tim kerja.\n"
    made = _pairs_of(a, b)
    assert not {x for x, _ in made} & {"menyusun rencana kerja Tim Kerja;",
                                        "menyampaikan hasil kerja tim kepada Pimpinan Unit Kerja."}, made
    # a member who acts as ketua tim reports as a team's leader does
    b_lead = "A. Pertanggungjawaban pelaksanaan tugas Pejabat Fungsional dalam tim kerja:\n1. Pejabat Fungsional " \
             "yang berperan sebagai ketua tim menyampaikan hasil kerja tim kepada Pimpinan Unit Kerja.\n"
    assert any(x.startswith("menyampaikan hasil kerja tim") for x, _ in _pairs_of(a, b_lead))


def test_every_pair_of_a_third_held_out_set_read_whole(tmp_path: Path) -> None:
    """Five acts never used for the diff, each against Jepara and Malang: every pair the CLI shows (the model's topic
    pairs too) read and judged (tests/data/diff_pairs_fresh3.json, its _comment says who and how). Issue 30 asks for
    no unrelated pair; session 9b brought them from 10 to 6 (Jepara) and from 12 to 7 (Malang): the item does not hold
    yet, and this test keeps what was reached."""
    from rancang.corpus.store import Store
    from rancang.corpus.topics import topics_of
    from rancang.ingest import ingest_path

    pairs = json.loads((DATA / "diff_pairs_fresh3.json").read_text(encoding="utf-8"))["pairs"]
    verdict = {(p["a_reg"], p["b_reg"], p["a"], p["b"]): p["related"] for p in pairs}
    made: dict[str, set[tuple[str, str, str, str]]] = {"jepara": set(), "malang": set()}
    with Store(tmp_path / "corpus.sqlite") as s:
        for act in sorted({p["a_reg"] for p in pairs}):
            held = ingest_path(DATA / act)
            for sid in made:
                made[sid] |= {(act, sid, p.a.cite, p.b.cite) for p in align(held, s.regulation(sid), topics_of(held),
                                                                             s.topics(sid)).pairs}
    for sid, unrelated_at_most, related_at_least in (("jepara", 6, 39), ("malang", 7, 36)):
        assert made[sid] <= set(verdict), sorted(made[sid] - set(verdict))[:5]  # every pair shown has been read
        unrelated = sum(not verdict[k] for k in made[sid])
        assert unrelated <= unrelated_at_most and len(made[sid]) - unrelated >= related_at_least
    before = [p for p in pairs if p["before"]]
    assert (len(before), sum(not p["related"] for p in before)) == (80, 22)


def test_the_reviewers_pairs_are_no_longer_pairs(tmp_path: Path) -> None:
    """Bogor Pasal 15 ayat (1) (whom Pejabat Fungsional sit under) and Jepara Pasal 6 ayat (1) (what kedudukan means)
    are both the model's "kedudukan" but read alike at 0.42: no pair, and no pair at all under the threshold; Malang's
    general item on who sets a penugasan is no step of Pasaman Barat's mechanism across Instansi Pemerintah."""
    from rancang.corpus.align import THRESHOLD
    from rancang.corpus.diff import compare
    from rancang.corpus.store import Store

    with Store(tmp_path / "corpus.sqlite") as s:
        rep = compare(s.regulation("bogor"), s.regulation("jepara"), s.topics("bogor"), s.topics("jepara"))
        made = {(p["a"], p["b"]) for p in rep["pairs"]}
        assert ("Pasal 15 ayat (1)", "Pasal 6 ayat (1)") not in made
        assert "Pasal 6 ayat (1)" in rep["only_b"] and rep["topics"]["kedudukan"]["status"] == "both"
        assert all(p["paired_at"] * 100 >= THRESHOLD for p in rep["pairs"])
        pairs = align(s.regulation("malang"), s.regulation("pasaman-barat"), s.topics("malang"),
                      s.topics("pasaman-barat")).pairs
    assert ("Lampiran BAB II huruf B angka 2 huruf c",
            "Lampiran daftar kedua angka 2 daftar kedua huruf a angka 3 huruf a") not in {(p.a.cite, p.b.cite)
                                                                                      for p in pairs}


def test_a_team_is_a_way_of_working_and_another_instansi_a_scope_of_its_own() -> None:
    units = units_named(["Unit Organisasi", "Instansi Pemerintah", "Tim Kerja"])  # the last two defined in Pasal 1
    assert scope("Pelaksanaan tugas dalam tim kerja dapat melibatkan Pejabat Fungsional", units) == frozenset()
    assert scope("Pelaksanaan tugas dalam tim kerja lintas instansi pemerintah dilakukan", units) == {
        ("across", "instansi")}  # a chain reaching another instansi is that scope
    assert scope("Mekanisme penunjukan lintas Instansi Pemerintah:", units) == {("across", "instansi")}
    assert scope("dalam satu unit organisasi, lintas unit organisasi", units) == {("within", OWN), ("across", OWN)}


def test_a_step_belongs_to_the_form_of_its_mechanism() -> None:
    """The same words under the penunjukan and under the pengajuan sukarela are two steps (PermenPAN-RB 7/2022);
    under one form they pair."""
    step = "Pejabat Fungsional menerima surat penugasan untuk dilaksanakan dengan penuh tanggung jawab."
    a = f"A. Penunjukan\n1. Mekanisme penunjukan di dalam unit organisasi:\na. {step}\n"
    b = f"A. Pengajuan Sukarela\n1. Mekanisme pengajuan sukarela di dalam unit organisasi:\na. {step}\n"
    assert not any(x == step for x, _ in _pairs_of(a, b))
    assert any(x == step for x, _ in _pairs_of(a, a.replace("SUKAMAJU", "MEKARSARI")))


def test_one_actors_duty_in_a_list_is_not_anothers() -> None:
    a = "A. Tanggung jawab Pejabat Penilai Kinerja meliputi:\n1. pemberian umpan balik secara berkelanjutan; dan\n" \
        "2. penilaian kinerja.\n"
    b = "A. Kewajiban Ketua Tim Kerja antara lain:\n1. memberikan umpan balik berkala kepada anggota tim;\n" \
        "2. menyusun rencana kerja Tim Kerja.\n"
    assert not any(x.startswith("pemberian umpan balik") for x, _ in _pairs_of(a, b))


def test_a_short_ketentuan_umum_pairs_term_by_term() -> None:
    """UU 12/2011 Lampiran II angka 98: "Dalam Peraturan ... ini yang dimaksud dengan:" lists definitions; three of
    them are compared term by term as a long list is (the whole Pasal paired with an unrelated clause)."""
    from regions import ACT_HEAD

    from rancang.corpus.align import units

    def act(daerah: str, defs: str) -> str:
        return ACT_HEAD.format(DAERAH=daerah) + "Pasal 1\nDalam Peraturan Bupati ini yang dimaksud dengan:\n" + defs + \
            "Pasal 2\nPenunjukan merupakan penugasan langsung oleh Pimpinan Unit Organisasi.\n"

    defs = "1. Bupati adalah Bupati {d}.\n2. Pimpinan Unit Organisasi adalah pejabat yang memimpin Unit Organisasi.\n" \
           "3. Pejabat Penilai Kinerja adalah atasan langsung pegawai yang dinilai.\n"
    reg = ingest_text(act("SUKAMAJU", defs.format(d="Sukamaju")), "a.txt")
    assert [(u.cite, u.item) for u in units(reg)][:3] == [("Pasal 1 angka 1", True), ("Pasal 1 angka 2", True),
                                                          ("Pasal 1 angka 3", True)]
    other = ingest_text(act("MEKARSARI", defs.format(d="Mekarsari")), "b.txt")
    assert {("Pasal 1 angka 1", "Pasal 1 angka 1"), ("Pasal 1 angka 3", "Pasal 1 angka 3")} <= {
        (p.a.cite, p.b.cite) for p in align(reg, other).pairs}
