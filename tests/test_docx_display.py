"""A Word file reads as Word shows it (issue 26 item 1, issue 32 item 3): one branch of each mc:AlternateContent,
text boxes as their own lines, All Caps from the run and the style chains, hidden text recorded, fields' results,
every container (customXml, sdt at block/row/cell level, smartTag, altChunk), w:sym, Strict Open XML, notes and
comments apart -- and every character of the package is in the tree or in ``stats.removed``."""

from __future__ import annotations

import io
import json
import zipfile

from docx_build import NS, build, notes_part, para, paras, run, strict_package, style, text_box
from texts import perbup

from rancang.ingest import ingest_bytes
from rancang.ingest.conservation import difference_docx

PASAL = ("Pasal 1\nPegawai melaksanakan tugas sesuai dengan sistem kerja.\n"
         "Pasal 2\nPeraturan Bupati ini mulai berlaku.\n")
FRAME = perbup(PASAL)
HEAD, _, REST = FRAME.partition("BUPATI CONTOH,\n")
REST = "BUPATI CONTOH,\n" + REST


def read(data: bytes, name: str = "uji.docx"):
    """The tree of ``data``, after checking that every character of the package is accounted for."""
    reg = ingest_bytes(data, name)
    assert difference_docx(data, reg) == ({}, {})
    return reg


def removed(reg, kind: str) -> list[str]:
    return [r["text"] for r in reg.stats.removed if r["kind"] == kind]


def body_text(reg) -> str:
    return json.dumps([n.to_dict() for n in reg.body], ensure_ascii=False)


# ------------------------------------------------------------------------------------------- All Caps


def test_a_title_block_typed_in_lower_case_under_an_all_caps_style_chain_reads_as_printed():
    styles = (style("JudulDasar", "<w:caps/>") + style("JudulPerbup", "<w:b/>", based_on="JudulDasar"))
    title = "".join(para(t, "JudulPerbup") for t in ("Peraturan Bupati Contoh", "Nomor 1 Tahun 2025", "Tentang",
                                                      "Sistem Kerja"))
    reg = read(build(title + paras(REST), styles))
    assert reg.preamble[:2] == ["PERATURAN BUPATI CONTOH", "NOMOR 1 TAHUN 2025"]
    assert (reg.meta.jenis, reg.meta.daerah, reg.meta.nomor, reg.meta.tentang) == \
        ("Peraturan Bupati", "Kabupaten Contoh", "1", "SISTEM KERJA")


def test_a_bab_heading_typed_bab_i_under_a_character_style_with_caps_is_a_bab():
    styles = style("Huruf Kapital", "<w:caps/>", kind="character")
    caps = '<w:rStyle w:val="Huruf Kapital"/>'
    bab = para(run("Bab I", caps), raw=True) + para(run("Ketentuan Umum", caps), raw=True)
    reg = read(build(paras(HEAD + "BUPATI CONTOH,\nMEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA.")
                     + bab + paras(PASAL), styles))
    assert [(n.type, n.number, n.heading) for n in reg.body] == [("bab", "I", "KETENTUAN UMUM")]


def test_a_bab_label_drawn_by_a_numbered_heading_style_with_caps_reads_bab_i():
    styles = ('<w:style w:type="paragraph" w:styleId="JudulBab"><w:name w:val="JudulBab"/><w:pPr><w:numPr>'
              '<w:numId w:val="90"/></w:numPr></w:pPr><w:rPr><w:caps/></w:rPr></w:style>')
    numbering = ('<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="Bab %1"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    bab = para("", "JudulBab") + para("Ketentuan Umum", "Kapital")
    frame = paras(HEAD + "BUPATI CONTOH,\nMEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA.")
    reg = read(build(frame + bab + paras(PASAL), styles + style("Kapital", "<w:caps/>"), numbering=numbering))
    assert [(n.type, n.number, n.heading) for n in reg.body] == [("bab", "I", "KETENTUAN UMUM")]


def test_small_caps_reads_as_capitals_and_direct_formatting_switches_a_style_off():
    styles = style("Kapital", "<w:caps/>")
    lines = para(run("Pasal 1", "<w:smallCaps/>"), raw=True) + para(
        run("Pegawai ", '<w:caps w:val="0"/>') + run("melaksanakan tugas."), "Kapital", raw=True)
    reg = read(build(paras(HEAD + REST.split("Pasal 1")[0]) + lines + paras("Pasal 2\nBerlaku."), styles))
    assert reg.pasals()[0].text == "Pegawai MELAKSANAKAN TUGAS."


# ------------------------------------------------------------------------------------------- hidden


def test_hidden_text_by_run_or_by_style_is_not_law_and_is_recorded_as_hidden():
    styles = style("Tersembunyi", "<w:vanish/>", kind="character")
    note = para(run("Pegawai melaksanakan tugas.") + run(" CATATAN: dihapus atas permintaan Sekda.", "<w:vanish/>")
                + run(" Draf lama.", '<w:rStyle w:val="Tersembunyi"/>'), raw=True)
    reg = read(build(paras(FRAME.split("Pegawai")[0]) + note + paras("Pasal 2\nBerlaku."), styles))
    assert reg.pasals()[0].text == "Pegawai melaksanakan tugas."
    assert removed(reg, "hidden") == ["CATATAN: dihapus atas permintaan Sekda. Draf lama."]


# ------------------------------------------------------------------------------------------- boxes


def test_a_text_box_written_twice_is_read_once_on_its_own_lines_before_its_anchor():
    lamp = para("", raw=True) + f"<w:p>{text_box(['LAMPIRAN', 'PERATURAN BUPATI CONTOH'])}</w:p>"
    first = f"<w:p>{run('PERATURAN BUPATI CONTOH')}{text_box(['SALINAN'])}</w:p>"
    body = first + paras(FRAME.split("\n", 1)[1] + "Ditetapkan di Contoh\n") + lamp + paras("A. Uraian tugas")
    reg = read(build(body))
    assert reg.preamble[0] == "PERATURAN BUPATI CONTOH" and "SALINAN" in removed(reg, "stempel")
    assert reg.meta.daerah == "Kabupaten Contoh"
    assert reg.lampiran and reg.lampiran[0].text.startswith("LAMPIRAN PERATURAN BUPATI CONTOH")
    assert "SALINAN" in removed(reg, "alternate") and len(removed(reg, "alternate")) == 2


def test_an_inline_text_box_stands_where_it_is_and_a_fallback_alone_is_read():
    box = text_box(["Pasal 2"], floating=False, choice=False)
    body = paras(FRAME.split("Pasal 2")[0]) + f"<w:p>{box}</w:p>" + paras("Peraturan Bupati ini mulai berlaku.")
    reg = read(build(body))
    assert [p.number for p in reg.pasals()] == ["1", "2"]


# ------------------------------------------------------------------------------------------- fields


def test_a_field_shows_its_result_not_its_instruction():
    field = (run("Sebagaimana dimaksud dalam ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Pasal 1")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
             + '<w:fldSimple w:instr=" PAGE ">' + run(" dan halaman 2") + "</w:fldSimple>" + run("."))
    reg = read(build(paras(FRAME.split("Peraturan Bupati ini")[0]) + para(field, raw=True)))
    assert reg.pasals()[1].text == "Sebagaimana dimaksud dalam Pasal 1 dan halaman 2."
    assert "REF" not in body_text(reg)


# ------------------------------------------------------------------------------------------- containers


def test_every_container_of_wordprocessingml_is_read_through():
    pasal_1 = '<w:customXml w:element="pasal"><w:customXmlPr/>' + paras("Pasal 1\nPegawai bekerja.") + \
        "</w:customXml>"
    sdt_row = ('<w:tbl><w:tblPr/><w:tblGrid/><w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:tc>' + para("No")
               + '</w:tc><w:customXml w:element="sel"><w:tc>' + para("Jabatan") + "</w:tc></w:customXml>"
               + "</w:tr></w:sdtContent></w:sdt><w:tr><w:sdt><w:sdtContent><w:tc>" + para("1")
               + "</w:tc></w:sdtContent></w:sdt><w:tc>" + para("Analis") + "</w:tc></w:tr></w:tbl>")
    tagged = para('<w:smartTag w:element="place">' + run("Kabupaten Contoh") + "</w:smartTag>"
                  + '<w:sdt><w:sdtContent>' + run(" menetapkan") + "</w:sdtContent></w:sdt>"
                  + '<w:customXml w:element="w">' + run(" tarif.") + "</w:customXml>", raw=True)
    body = (paras(FRAME.split("Pasal 1")[0]) + '<w:sdt><w:sdtContent>' + pasal_1 + "</w:sdtContent></w:sdt>"
            + paras("Pasal 2") + tagged + paras("Ditetapkan di Contoh\nLAMPIRAN") + sdt_row)
    reg = read(build(body))
    assert [p.text for p in reg.pasals()] == ["Pegawai bekerja.", "Kabupaten Contoh menetapkan tarif."]
    assert [b.rows for b in reg.lampiran if b.type == "table"] == [[["No", "Jabatan"], ["1", "Analis"]]]


def test_a_symbol_of_the_symbol_font_reads_as_its_character():
    sym = para(run("Pengaduan diselesaikan dalam waktu ") + '<w:r><w:sym w:font="Symbol" w:char="F0A3"/></w:r>'
               + run(" 5 hari."), raw=True)
    reg = read(build(paras(FRAME.split("Peraturan Bupati ini")[0]) + sym))
    assert reg.pasals()[1].text == "Pengaduan diselesaikan dalam waktu ≤ 5 hari."


def test_imported_html_text_and_docx_chunks_are_read_in_place():
    inner = build(paras("Pasal 3\nKetentuan dari dokumen sisipan."))
    html = b"<html><head><title>x</title></head><body><p>Pasal 2</p><p>Tugas &amp; fungsi pegawai.</p></body></html>"
    parts = [("chunk1.html", html, "text/html", "aFChunk", "rIdC1"),
             ("chunk2.docx", inner, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
              "aFChunk", "rIdC2"),
             ("chunk3.txt", b"Pasal 4\nKetentuan teks polos.", "text/plain", "aFChunk", "rIdC3")]
    chunks = "".join(f'<w:altChunk r:id="rIdC{i}"/>' for i in (1, 2, 3))
    reg = read(build(paras(FRAME.split("Pasal 2")[0]) + chunks, parts=parts))
    assert [(p.number, p.text) for p in reg.pasals()] == [
        ("1", "Pegawai melaksanakan tugas sesuai dengan sistem kerja."), ("2", "Tugas & fungsi pegawai."),
        ("3", "Ketentuan dari dokumen sisipan."), ("4", "Ketentuan teks polos.")]


def test_an_rtf_chunk_is_refused_with_one_sentence_not_skipped():
    import pytest

    from rancang.errors import InputError

    parts = [("chunk.rtf", b"{\\rtf1 Pasal 2}", "application/rtf", "aFChunk", "rIdR")]
    with pytest.raises(InputError, match="altChunk"):
        ingest_bytes(build(paras(FRAME) + '<w:altChunk r:id="rIdR"/>', parts=parts), "r.docx")


# ------------------------------------------------------------------------------------------- apart


def test_footnotes_comments_and_headers_are_kept_apart_and_recorded_with_their_line():
    ref = para(run("Pegawai melaksanakan tugas.") + '<w:r><w:footnoteReference w:id="1"/></w:r>'
               + '<w:r><w:commentReference w:id="0"/></w:r>', raw=True)
    header = f"<w:hdr {NS}>{para('- 2 -')}</w:hdr>".encode()
    parts = [("footnotes.xml", notes_part("footnote", {"1": "Lihat Surat Edaran Sekda."}),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", "footnotes", "rIdF"),
             ("comments.xml", notes_part("comment", {"0": "Mohon dicek Kabag."}),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml", "comments", "rIdK"),
             ("header1.xml", header, "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
              "header", "rIdH")]
    reg = read(build(paras(FRAME.split("Pegawai")[0]) + ref + paras("Pasal 2\nBerlaku."), parts=parts))
    assert reg.pasals()[0].text == "Pegawai melaksanakan tugas."
    assert (removed(reg, "footnote"), removed(reg, "comment"), removed(reg, "header")) == \
        (["Lihat Surat Edaran Sekda."], ["Mohon dicek Kabag."], ["- 2 -"])
    line = next(r["line"] for r in reg.stats.removed if r["kind"] == "footnote")
    assert line > 1


# ------------------------------------------------------------------------------------------- Strict


def test_a_strict_open_xml_document_reads_like_its_transitional_twin():
    data = build(paras(FRAME))
    strict = strict_package(data)
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(io.BytesIO(strict)).read(
        "word/document.xml")
    assert read(strict).to_dict()["body"] == read(data).to_dict()["body"]


# ------------------------------------------------------------------------------------------- conservation


def test_package_conservation_names_the_text_a_tree_lost():
    data = build(paras(FRAME))
    reg = ingest_bytes(data, "uji.docx")
    reg.body.pop()  # a reader that never saw Pasal 2
    missing, invented = difference_docx(data, reg)
    assert missing and not invented and set("berlaku") <= set(missing)


# ------------------------------------------------------------------------------------------- SmartArt

DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"


def _smartart(boxes: dict[str, str], links: list[tuple[str, str, int]]) -> bytes:
    """A SmartArt data part: a document point, one point per box, parent-of connections (parent, child, order),
    and the presentation points and transitions Word adds (no text)."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    pts = ('<dgm:pt modelId="0" type="doc"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p>'
           "</dgm:t></dgm:pt>")
    pts += "".join(f'<dgm:pt modelId="{k}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>{t}</a:t></a:r>'
                   "</a:p></dgm:t></dgm:pt>" for k, t in boxes.items())
    pts += '<dgm:pt modelId="t1" type="parTrans"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p/></dgm:t></dgm:pt>'
    pts += '<dgm:pt modelId="p1" type="pres"><dgm:prSet/><dgm:spPr/></dgm:pt>'
    cxns = "".join(f'<dgm:cxn modelId="c{n}" srcId="{s}" destId="{d}" srcOrd="{o}" destOrd="0"/>'
                   for n, (s, d, o) in enumerate(links))
    cxns += '<dgm:cxn modelId="cp" type="presOf" srcId="1" destId="p1" srcOrd="0" destOrd="0"/>'
    return (f'<dgm:dataModel xmlns:dgm="{DGM}" xmlns:a="{a}"><dgm:ptLst>{pts}</dgm:ptLst><dgm:cxnLst>{cxns}'
            "</dgm:cxnLst><dgm:bg/><dgm:whole/></dgm:dataModel>").encode()


def test_a_smartart_organisation_chart_in_a_lampiran_reads_as_its_boxes_top_down():
    boxes = {"1": "KEPALA BAGIAN HUKUM", "2": "Subbagian Perundang-undangan", "3": "Subbagian Bantuan Hukum"}
    # the children are listed in reverse: the connections' order decides
    data = _smartart(boxes, [("0", "1", 0), ("1", "3", 1), ("1", "2", 0)])
    chart = ('<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="5" name="Bagan"/><a:graphic>'
             '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
             f'<dgm:relIds xmlns:dgm="{DGM}" r:dm="rIdD" r:lo="rIdL" r:qs="rIdQ" r:cs="rIdS"/>'
             "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
    parts = [("diagrams/data1.xml", data, "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
              "diagramData", "rIdD")]
    body = paras(FRAME + "Ditetapkan di Contoh\nLAMPIRAN\nBAGAN SUSUNAN ORGANISASI") + para(chart, raw=True)
    reg = read(build(body, parts=parts))
    texts = [b.text for b in reg.lampiran]
    at = next(i for i, t in enumerate(texts) if "KEPALA BAGIAN HUKUM" in t)
    assert " ".join(texts[at:]).split("KEPALA BAGIAN HUKUM", 1)[1].split() == \
        "Subbagian Perundang-undangan Subbagian Bantuan Hukum".split()
