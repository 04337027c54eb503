"""Hostile or broken input (issue 19): every file of ``tests/cases/abuse/`` ends as the cases README says is right,
and an input of our own of each kind does too: a correct result, or one Indonesian sentence and exit 1 — never
"galat internal", never text silently lost or a file written short. (Time and memory bounds are measured by
``benchmarks/fuzz.py``, not asserted here.)"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang.cli import cli
from rancang.errors import InputError
from rancang.ingest import ingest_bytes, ingest_path, ingest_text
from rancang.ingest.conservation import difference

CASES = Path(__file__).parent / "cases" / "abuse"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output and "galat internal" not in result.output.lower()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def one_sentence(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Galat: ") and result.stderr.strip().count("\n") == 0, result.stderr
    for w in words:
        assert w in result.stderr


def conserved(source: str, reg) -> None:
    assert difference(source, reg) == ({}, {})


# --------------------------------------------------------------------------------------------- bounded work


def test_range_bomb_is_kept_as_one_unresolved_range(tmp_path):
    reg = ingest_path(CASES / "range_bomb.txt")
    (ref,) = reg.pasals()[0].refs
    assert ref.target == ["pasal-1", "pasal-9999999999"] and not ref.resolved


@pytest.mark.parametrize("text, ends", [
    ("Lihat huruf a sampai dengan huruf zz dan Pasal 2 sampai dengan Pasal 40000000000000000000000.",
     ["pasal-2", "pasal-40000000000000000000000"]),
    ("Lihat ayat (1) sampai dengan ayat (99999).", ["pasal-1/ayat-1", "pasal-1/ayat-99999"]),
])
def test_a_range_wider_than_any_act_is_not_expanded(text, ends):
    reg = ingest_text(f"MEMUTUSKAN:\nPasal 1\n{text}\n\nPasal 2\nCukup.\n")
    wide = [r for r in reg.pasals()[0].refs if not r.resolved]
    assert wide and wide[-1].target[-2:] == ends and len(wide[-1].target) < 100


def test_a_range_inside_the_act_still_expands():
    reg = ingest_text("MEMUTUSKAN:\nPasal 1\nLihat Pasal 2 sampai dengan Pasal 4.\n\nPasal 2\nA.\n\nPasal 3\nB.\n"
                      "\nPasal 4\nC.\n")
    (ref,) = reg.pasals()[0].refs
    assert ref.target == ["pasal-2", "pasal-3", "pasal-4"] and ref.resolved


@pytest.mark.parametrize("source", [
    (CASES / "nested_a_500.txt").read_text(encoding="utf-8"),
    "MEMUTUSKAN:\nPasal 1\nKetentuan:\n" + "".join(f"{'a' if i % 2 else '1'}. x{i};\n" for i in range(2000)),
    "MEMUTUSKAN:\nPasal 1\n" + "".join(f"{'a' if i % 3 else '1'}) butir {i}:\n" for i in range(1500)),
])
def test_deep_list_nesting_is_bounded_and_loses_nothing(source):
    from rancang.limits import limit

    reg = ingest_text(source)
    conserved(source, reg)
    depth = max(len(n.id.split("/")) for n in reg.walk())
    assert depth <= limit("list_depth") + 2


def test_a_json_tree_nested_too_deep_gets_a_sentence(tmp_path):
    p = tmp_path / "dalam.json"
    p.write_text('{"body": ' + "[" * 50000 + "]" * 50000 + "}", encoding="utf-8")
    one_sentence(run("check", str(p)), "bersarang terlalu dalam")


def _docx(document_xml: str, numbering_xml: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)
        if numbering_xml:
            z.writestr("word/numbering.xml", numbering_xml)
    return buf.getvalue()


def _paras(*texts: str, numbered: tuple[int, ...] = (), ilvl: str = "0") -> str:
    ps = []
    for i, t in enumerate(texts):
        num = (f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
               if i in numbered else "")
        ps.append(f'<w:p>{num}<w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>')
    return f'<?xml version="1.0"?><w:document {W}><w:body>{"".join(ps)}</w:body></w:document>'


def _numbering(start: str, fmt: str) -> str:
    return (f'<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


REG_PARAS = ("MEMUTUSKAN:", "Pasal 1", "Pegawai bekerja:", "satu;", "dua.")


def test_num_letter_bomb_reads_quickly_with_every_item():
    reg = ingest_path(CASES / "num_letter_bomb.docx")
    text = " ".join(n.text for n in reg.walk())
    assert "satu;" in text and "dua." in text
    assert max(len(n.text) for n in reg.walk()) < 100


@pytest.mark.parametrize("start, fmt", [("99999999999999999999", "upperRoman"), ("-5", "lowerLetter"),
                                        ("banyak", "lowerLetter"), ("700000", "decimal")])
def test_absurd_word_list_starts_are_clamped(start, fmt):
    data = _docx(_paras(*REG_PARAS, numbered=(3, 4)), _numbering(start, fmt))
    reg = ingest_bytes(data, "daftar.docx")
    assert max(len(n.text) + len(n.label or "") for n in reg.walk()) < 100
    assert "satu;" in " ".join(n.text for n in reg.walk())


@pytest.mark.parametrize("ilvl", ["12", "-3", "dua", "99999999999999999999999"])
def test_bad_word_list_levels_are_read(ilvl):
    data = _docx(_paras(*REG_PARAS, numbered=(3, 4), ilvl=ilvl), _numbering("1", "lowerLetter"))
    reg = ingest_bytes(data, "level.docx")
    assert "dua." in " ".join(n.text for n in reg.walk())


def test_zipbomb_docx_is_refused_with_a_sentence():
    one_sentence(run("ingest", str(CASES / "zipbomb_paras.docx")), "mengembang melampaui")


def test_a_docx_part_that_inflates_too_far_is_refused_without_inflating_it():
    para = '<w:p><w:r><w:t>Pasal 1</w:t></w:r></w:p>'
    body = f'<?xml version="1.0"?><w:document {W}><w:body>' + para * 1_200_000 + "</w:body></w:document>"
    with pytest.raises(InputError, match="mengembang melampaui"):
        ingest_bytes(_docx(body), "bom.docx")


def test_text_after_an_unresolved_entity_in_a_docx_is_kept():
    doc = _paras("MEMUTUSKAN:", "Pasal 1", "Pegawai &nama; wajib hadir tepat waktu.")
    doc = doc.replace('<?xml version="1.0"?>', '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY nama "ASN">]>')
    reg = ingest_bytes(_docx(doc), "entitas.docx")
    assert "wajib hadir tepat waktu." in reg.pasals()[0].text


# --------------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("data", [
    (CASES / "utf16_bom_odd_length.txt").read_bytes(),
    "\ufeffPasal 1\nIsi.\n".encode("utf-16-le")[:-1],
    b"\xff\xfe" + "Pasal 1 ".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"),  # lone surrogate
    b"\xef\xbb\xbfPasal 1 \xed\xa0\x80\n",  # a surrogate encoded in UTF-8
])
def test_broken_unicode_text_gets_a_sentence(tmp_path, data):
    p = tmp_path / "rusak.txt"
    p.write_bytes(data)
    result = run("ingest", str(p))
    assert result.exit_code == 1 and result.stderr.startswith("Galat: ")


def test_utf32_text_is_read():
    reg = ingest_bytes("MEMUTUSKAN:\nPasal 1\nPegawai wajib hadir.\n".encode("utf-32"), "u32.txt")
    assert reg.pasals()[0].text == "Pegawai wajib hadir."


def test_characters_a_docx_cannot_hold_are_removed_from_ingested_text_and_recorded():
    source = "MEMUTUSKAN:\nPasal 1\nPegawai\x01 wajib\ufffe hadir\x0b.\n"
    reg = ingest_text(source)
    assert reg.pasals()[0].text == "Pegawai wajib hadir."
    assert {"kind": "control", "line": 3, "text": "\x01\ufffe\x0b"} in reg.stats.removed
    conserved(source, reg)


def test_a_five_thousand_digit_year_is_no_internal_error(tmp_path):
    p = tmp_path / "tahun.txt"
    p.write_text(f"PERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN {'9' * 5000}\nMEMUTUSKAN:\nPasal 1\nIsi.\n"
                 f"Lihat Pasal {'7' * 5000}.\n", encoding="utf-8")
    result = run("ingest", str(p), "-o", str(tmp_path / "t.json"))
    assert result.exit_code in (0, 1)


# --------------------------------------------------------------------------------------------- nothing lost


def test_starts_with_pasal1_has_pasal1_in_the_body():
    reg = ingest_path(CASES / "starts_with_pasal1.txt")
    assert [p.number for p in reg.pasals()] == ["1", "2"] and reg.preamble == []
    assert reg.pasals()[0].text == "Pegawai wajib hadir."


def test_a_text_that_begins_with_its_first_bab_keeps_it():
    source = "BAB I\nKETENTUAN UMUM\nPasal 1\nIsi pertama.\nPasal 2\nIsi kedua.\n"
    reg = ingest_text(source)
    assert reg.body[0].type == "bab" and [p.number for p in reg.pasals()] == ["1", "2"]
    conserved(source, reg)


@pytest.mark.parametrize("source", [
    (CASES / "stray_number_drops_ayat_labels.txt").read_text(encoding="utf-8"),
    "MEMUTUSKAN:\nPasal 3\n(1) Pegawai wajib hadir;\n\n12\n\n(2) Pegawai wajib pulang;\n- 13 -\n(3) Selesai.\n",
])
def test_a_stray_page_number_between_ayat_keeps_the_ayat(source):
    reg = ingest_text(source)
    ayat = reg.pasals()[0].children
    assert [(a.type, a.label) for a in ayat][:2] == [("ayat", "(1)"), ("ayat", "(2)")]
    conserved(source, reg)


@pytest.mark.parametrize("heading", ["BAB I.", "BAB II -  KETENTUAN UMUM", "BAB I: KETENTUAN UMUM."])
def test_the_punctuation_of_a_bab_heading_is_kept(heading):
    source = f"MEMUTUSKAN:\n{heading}\nPasal 1\nIsi.\n"
    conserved(source, ingest_text(source))


def test_the_pipes_of_a_text_table_are_recorded():
    source = ("MEMUTUSKAN:\nPasal 1\nIsi.\nDitetapkan di Contoh\nBUPATI CONTOH\nLAMPIRAN\nPERATURAN BUPATI CONTOH\n"
              "| No | Nama | Jam |\n|---|---|---|\n| 1 | Hadir | 07.30 |\n")
    reg = ingest_text(source)
    assert sum(r["kind"] == "table_rule" for r in reg.stats.removed) == 3
    conserved(source, reg)


# --------------------------------------------------------------------------------------------- user data


def test_profile_alias_bomb_is_refused(tmp_path):
    one_sentence(run("draft", str(CASES / "profile_alias_bomb.yaml"), "-o", str(tmp_path)), "alias")
    assert not list(tmp_path.iterdir())


def test_profile_ufffe_is_refused_naming_the_key(tmp_path):
    one_sentence(run("draft", str(CASES / "profile_ufffe.json"), "-o", str(tmp_path)), "daerah.nama", "U+FFFE")


def test_letter_surrogate_is_refused_and_nothing_is_written(tmp_path):
    out = tmp_path / "surat.docx"
    one_sentence(run("letter", "jawaban-penolakan", str(CASES / "letter_surrogate.yaml"), "-o", str(out)))
    assert not out.exists()


@pytest.mark.parametrize("value", ["Sleman\ud800", "Sleman\uffff", "Sle\x00man", "\udfffX"])
def test_a_letter_value_a_docx_cannot_hold_is_refused_naming_the_key(tmp_path, value):
    import json

    from rancang.generate import naskah
    from rancang.generate.naskah import catalogue

    ex = catalogue.examples()
    data = {k: ex[k] for k in catalogue.keys("jawaban-penolakan") if k in ex}
    naskah.render("jawaban-penolakan", data)  # the example itself is fine
    data["tempat"] = value
    p = tmp_path / "surat.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "surat.docx"
    one_sentence(run("letter", "jawaban-penolakan", str(p), "-o", str(out)), "tempat")
    assert not out.exists()
    with pytest.raises(InputError, match="tempat"):
        naskah.render("jawaban-penolakan", data)  # the library refuses too, not only the CLI


def test_the_docx_writer_never_writes_a_document_short():
    from rancang.ingest.writers.docx import para, render_paragraphs

    with pytest.raises(InputError, match="U\\+D800"):
        render_paragraphs([para("teks", "satu"), para("teks", "dua\ud800"), para("teks", "tiga")])


YAML_ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8))


@pytest.mark.parametrize("text, words", [
    (YAML_ALIAS_BOMB, "alias"),
    ("a: &a [*a]\n", "alias"),
    ("daerah: {nama: Sleman}\ndaerah: {nama: Bantul}\n", "kunci 'daerah' ditulis dua kali"),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "bersarang"),
    ("tahun: " + "1" * 5000 + "\n", "bilangan"),
    ("a: [b\n", "bukan YAML/JSON yang sah"),
    ("- a\n- b\n", "tidak berisi baris 'kunci: nilai'"),
])
def test_hostile_yaml_is_refused_with_a_sentence(tmp_path, text, words):
    p = tmp_path / "profil.yaml"
    p.write_text(text, encoding="utf-8")
    one_sentence(run("draft", str(p), "-o", str(tmp_path / "out")), words)


@pytest.mark.parametrize("text, words", [
    ('{"daerah": 1, "daerah": 2}', "kunci 'daerah' ditulis dua kali"),
    ('{"a": ' + "[" * 100000 + "]" * 100000 + "}", "bersarang"),
    ('{"tahun": ' + "1" * 5000 + "}", "bilangan"),
    ('{"daerah": {"nama": "A\\ud800"}}', "U+D800"),
])
def test_hostile_json_is_refused_with_a_sentence(tmp_path, text, words):
    p = tmp_path / "profil.json"
    p.write_text(text, encoding="utf-8")
    one_sentence(run("draft", str(p), "-o", str(tmp_path / "out")), words)


def test_dates_in_the_documented_form_are_accepted_unquoted():
    from rancang.dataload import loads

    data = loads("tanggal_ditetapkan: 2026-03-02\nopsi: {mulai_berlaku: 2026-04-01}\n", "profil")
    assert data == {"tanggal_ditetapkan": "2026-03-02", "opsi": {"mulai_berlaku": "2026-04-01"}}


def test_an_unquoted_date_in_a_profile_drafts(tmp_path):
    text = (Path(__file__).parent.parent / "corpus" / "examples" / "sleman.yaml").read_text(encoding="utf-8")
    text = text.replace("tanggal_ditetapkan: null", "tanggal_ditetapkan: 2026-03-02")
    p = tmp_path / "sleman.yaml"
    p.write_text(text, encoding="utf-8")
    result = run("draft", str(p), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------------------------- click usage


@pytest.mark.parametrize("args, words", [
    (["check"], "Argumen wajib belum diisi 'BERKAS'"),
    (["draft", "p.yaml"], "Opsi wajib belum diisi '-o' / '--out'"),
    (["ingest", "--format", "zz", "x"], "Nilai tidak sah untuk '--format'"),
    (["draft", ".", "-o", "x"], "adalah folder, bukan berkas"),
    (["ingest", "--frmat", "x"], "tidak dikenal"),
    (["tidakada"], "Perintah 'tidakada' tidak dikenal"),
])
def test_clicks_own_usage_errors_are_indonesian_with_exit_2(args, words):
    import contextlib

    from rancang.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(args)
    assert code == 2
    text = err.getvalue()
    assert words in text and "Galat: " in text and "Error" not in text and "Usage" not in text


# --------------------------------------------------------------------------------------------- corpus


def test_bogor_copy_with_no_seed_gets_its_own_id_and_the_database_stays_usable(tmp_path):
    db = str(tmp_path / "korpus.db")
    added = run("corpus", "add", "--no-seed", "--db", db, str(CASES / "bogor_copy.txt"))
    assert added.exit_code == 0 and "ditambahkan: bogor\n" not in added.output
    listed = run("corpus", "list", "--db", db)
    # --no-seed is kept: a later command never adds the bundled regulations behind the user's back
    assert listed.exit_code == 0 and listed.output.count("Kota Bogor") == 1 and "[bawaan]" not in listed.output
    assert run("search", "kerja", "--db", db, "--daerah", "bogor").exit_code == 0
    assert run("corpus", "add", "--seed", "--db", db).exit_code == 0  # ... until asked for
    listed = run("corpus", "list", "--db", db)
    assert listed.exit_code == 0 and "Kabupaten Jepara" in listed.output and "[bawaan]" in listed.output
    assert run("search", "kerja", "--db", db, "--daerah", "bogor").exit_code == 0


@pytest.mark.parametrize("name", ["jepara", "Jepara", "malang"])
def test_a_user_file_named_like_a_bundled_id_never_takes_it(tmp_path, name):
    from rancang.corpus.store import Store

    reg = ingest_text(f"PERATURAN BUPATI {name.upper()}\nNOMOR 9 TAHUN 2030\nMEMUTUSKAN:\nPasal 1\nIsi.\n",
                      f"{name}.txt")
    with Store(tmp_path / "k.db", seed=False) as store:
        rid, new = store.add(reg)
    assert new and rid.lower() != name.lower()
    with Store(tmp_path / "k.db") as store:  # seeding later keeps every bundled id
        assert {"bogor", "jepara", "malang", "pasaman-barat"} <= set(store.ids())


def test_a_database_where_a_user_file_already_holds_a_bundled_id_still_seeds(tmp_path):
    from rancang.corpus.store import Store

    reg = ingest_path(CASES / "bogor_copy.txt")
    with Store(tmp_path / "lama.db", seed=False) as store:
        store.add(reg, id="bogor")  # as databases written before ids were reserved
    with Store(tmp_path / "lama.db") as store:
        assert len(store.ids()) == 5 and store.get_row("bogor")["bundled"] == 0


@pytest.mark.parametrize("pattern", ["%", "_", "%%", "b_gor", "\\"])
def test_daerah_wildcards_are_letters(tmp_path, pattern):
    db = str(tmp_path / "korpus.db")
    one_sentence(run("search", "kerja", "--db", db, "--daerah", pattern), "tidak ada dalam korpus")
