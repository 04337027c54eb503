"""The grammar of an Indonesian regulation, as compiled patterns: one place, each pattern commented.

Like bluebell's grammar file, this module is data: the parser walks lines once and asks these patterns what each
line is. Examples are real lines from the seeds::

    >>> BAB.match("BAB III MEKANISME KERJA").group("num", "title")
    ('III', 'MEKANISME KERJA')
    >>> PASAL.match("Pasal 12") is not None, PASAL.match("Pasal 27 Peraturan Bupati Malang Nomor 27") is None
    (True, True)
    >>> MARKER.match("(2) Koordinasi oleh Sekretaris Daerah").group("ayat")
    '2'
    >>> MARKER.match("(1). Kota Tanjung Pinang mempunyai batas-batas wilayah:").group("ayat")
    '1'
    >>> BAGIAN.match("Bagian Pertama Dewan Perwakilan Rakyat Daerah").group("num")
    'Pertama'
    >>> BARE_MARKER.match("jj-") is not None, BARE_MARKER.match("Pasal") is None
    (True, True)
"""

from __future__ import annotations

import re

from rancang import kinds

#: month word (lower case, old spellings "pebruari"/"nopember" too) -> number: :data:`rancang.kinds.MONTH_NUMBERS`
MONTHS = kinds.MONTH_NUMBERS

# --- headings of the batang tubuh -------------------------------------------------------------------------------
BAB = re.compile(r"""
    ^BAB \s+ (?P<num>[IVXLC]+[A-H]?)   # BAB and its Roman number; BAB IIA inserted by an amendment
    (?: \s* [.:\-]? \s+ (?P<title>\S.*) )?   # the title, when printed on the same line
    \s* [.:]? \s*$""", re.X)           # "BAB I." as some drafts print it

BAGIAN = re.compile(r"""
    ^Bagian \s+ (?P<num>(?:Ke[a-z]+|(?-i:Pertama|PERTAMA))         # Bagian Kesatu; "Bagian Pertama" as older acts
      (?:\s+(?:Belas|Puluh(?:\s+\w+)?))?                            # print it; Bagian Kedua Belas, Keduabelas
      (?:\s+(?-i:[A-Z])(?=\s|$))?)       # Bagian Kesatu A, inserted by an amendment
    (?: \s+ (?P<title>\S.*) )?          # the title, when on the same line
    \s*$""", re.X | re.I)

PARAGRAF = re.compile(r"""
    ^Paragraf \s+ (?P<num>\d+[A-Z]?             # Paragraf 1, Paragraf 2A
      |(?-i:Pertama|PERTAMA)
      |Ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)(?:\s*(?:Belas|Puluh))?)
                                             # or an ordinal, as some bureaus print it: Paragraf Kesatu
    (?: \s+ (?P<title>\S.*) )?
    \s*$""", re.X | re.I)

#: Pasal 7, Pasal 7A, Roman Pasal I / II of an amending act; some drafts print "PASAL 7" or "Pasal 7."
PASAL = kinds.PASAL
#: the diktum of a Keputusan or Instruksi: "KESATU : Membentuk ...", "KEDUA", "KETIGA." (its text may follow)
diktum_heading = kinds.diktum_heading

# --- enumerators at the start of a line -------------------------------------------------------------------------
MARKER = re.compile(r"""
    ^(?:
        \( (?P<ayat>\d{1,3}[a-z]?) \) \.?            # (1)  ayat, or a deep list inside an item; (1a) inserted;
                                                     #      "(1)." as some acts print it (UU 5/2001 Pasal 6)
      | (?P<huruf>[a-z]{1,5}) \.                     # a.   huruf; aa. after z., aaa. after zz. (one letter)
      | (?P<angka>\d{1,3}[a-zA-Z]?) \.(?!\d)         # 1.   angka (not 1.000); 3a. inserted (UU 12/2011 Lamp. II)
      | (?P<hurufp>[a-z]{1,5}) \)                    # a)   deeper huruf
      | (?P<angkap>\d{1,3}[a-zA-Z]?) \)              # 1)   deeper angka; 4a) inserted
      | \( (?P<hurufk>[a-z]{1,2}) \)                 # (a)  a list deeper still (the grammar sets no bound)
    )
    (?: \s+ | $ )                                    # a space (or nothing) before the text; the text
    """, re.X)                                       # itself is line[m.end():] (no ".*" to scan it)

#: A line that is only an enumerator, as two-column PDF extraction leaves them: "1.", "2", "c", "0", "(1)",
#: "aa.", "CC.", "jj-", ". ". OCR slips (0 for e, c for e) are accepted here; the number comes from the sequence.
BARE_MARKER = re.compile(r"""
    ^\s*(?:
        \( \d{1,3} \) \.?                            # (1)  (1).
      | \d{1,3} [.)]?                                # 1.  2  1)
      | [A-Za-z]{1,2} [.)\-]?                        # a.  c  CC.  jj-
      | \.                                           # a lone dot where the letter was lost
    )\s*$""", re.X)

#: Abbreviations that end with a stop but never end a clause: a line ending "sebesar Rp." goes on ("250.000,00").
ABBREVIATIONS = frozenset({"Rp.", "No.", "Nmr.", "Jl.", "Jln.", "Kab.", "Kec.", "Kel.", "Prov.", "Dr.", "Drs.", "Dra.",
                           "Ir.", "Prof.", "H.", "Hj.", "dr.", "drg.", "Tbk.", "a.n.", "u.b.", "s.d.", "Yth.", "Telp.",
                           "Tgl.", "tgl.", "Sdr.", "Bpk.", "St.", "M.", "S.", "Pj.", "Plt.", "Plh."})

#: A line ending in one of these words goes on: "... sebagaimana dimaksud dalam" / "Pasal 5" is a wrapped
#: reference, never a heading. Likewise a "Pasal 5" followed by "ayat (2) ..." or "huruf a ...".
CONTINUES = re.compile(r"\b(?:dalam|pada|dengan|dan|atau|serta|oleh|dimaksud|sampai|kepada|terhadap|dari|di|ke"
                       r"|tentang|sebagaimana|berdasarkan|menurut|melalui|ketentuan|lihat)\s*$")
REFERENCE_TAIL = re.compile(r"^(?:ayat\s*\(\d+\)\s|huruf\s+[a-z]\b|angka\s+\d|sampai\s+dengan\s|dan\s+Pasal\s)")

# --- parts of the act --------------------------------------------------------------------------------------------
MENIMBANG = re.compile(r"^Menimbang\b\s*:?\s*(?P<rest>.*)$", re.I)
MENGINGAT = re.compile(r"^Mengingat\b\s*:?\s*(?P<rest>.*)$", re.I)
#: the part some acts put between Mengingat and MEMUTUSKAN; only as a keyword ("Memperhatikan :" or alone), never
#: a wrapped line that starts with the word
MEMPERHATIKAN = re.compile(r"^Memperhatikan\s*(?::\s*(?P<rest>.*)|$)", re.I)
#: "Dengan Persetujuan Bersama" (since 2000), or "Dengan persetujuan" alone or before "DEWAN PERWAKILAN RAKYAT ..."
#: as acts before the second amendment of the UUD print it
PERSETUJUAN = re.compile(r"^Dengan\s+Persetujuan(?:\s+Bersama\b|\s*:?\s*$|\s*:?\s+DEWAN\b)", re.I)
#: the word that opens the body, as each kind of :mod:`rancang.kinds` has it: "MEMUTUSKAN:" (letter-spaced too),
#: "MENGINSTRUKSIKAN:" of an Instruksi
MEMUTUSKAN = re.compile(rf"^(?:{kinds.decision_pattern()})\s*:?\s*$", re.I)
#: "Ditetapkan di ..." (an Instruksi, a naskah dinas of Permendagri 1/2023, is "Dikeluarkan di ...")
DITETAPKAN = re.compile(r"^(?:Ditetapkan|Dikeluarkan)\s+di\b\s*:?\s*(?P<place>.*)$", re.I)
DISAHKAN = re.compile(r"^Disahkan\s+di\b", re.I)   # the penutup of a national act
TENTANG_IN_DIKTUM = re.compile(r"\bTENTANG\s+(.+?)\.?\s*$")
DIUNDANGKAN = re.compile(r"^Diundangkan\s+di\b\s*:?\s*(?P<place>.*)$", re.I)
#: the Lampiran's head: "LAMPIRAN", "LAMPIRAN II PERATURAN ..."; in title case only as the head of the act's own
#: Lampiran ("Lampiran : Peraturan Bupati X", "Lampiran I Peraturan ..."), never a sentence about it
LAMPIRAN = re.compile(r"^(?:LAMPIRAN\b|Lampiran(?:\s+[IVX]+)?\s*:?\s*(?:Peraturan|PERATURAN|Keputusan|KEPUTUSAN)\b)")
PENJELASAN = re.compile(r"^PENJELASAN(?:\s*$|\s+ATAS\b|\s+(?:UNDANG-UNDANG|PERATURAN)\b)")
CLOSING_FORMULA = re.compile(r"^Agar\s+setiap\s+orang\s+mengetahuinya", re.I)

# --- the judul ---------------------------------------------------------------------------------------------------
#: the jenis of the act: every kind of :mod:`rancang.kinds` as a judul prints it ("PERATURAN BUPATI", "KEPUTUSAN
#: WALI KOTA", "QANUN" the Perda of Aceh, "PERATURAN MENTERI" before the minister's name), with "REPUBLIK
#: INDONESIA" after a national one; the rest of the line names the region or the minister
JENIS = re.compile(rf"""
    ^(?P<jenis>(?:{kinds.title_pattern()})(?:\s+REPUBLIK\s+INDONESIA)?)
    (?P<rest>.*)$""", re.X)
NOMOR_TAHUN = re.compile(r"^NOMOR\s*:?\s*(?P<nomor>[\w./-]+)\s+TAHUN\s*:?\s*(?P<tahun>\d{4})\s*$", re.I)
TENTANG = re.compile(r"^TENTANG\s*:?\s*(?P<rest>.*)$")
RAHMAT = re.compile(r"^DENGAN\s+RAHMAT\s+TUHAN", re.I)
#: the kop's province line: "PROVINSI JAWA TENGAH", the older spelling "PROPINSI", or a province named without the
#: word ("DAERAH ISTIMEWA YOGYAKARTA"); "PEMERINTAH PROVINSI JAWA TIMUR" heads some older acts
PROVINSI = re.compile(r"""
    ^(?:PEMERINTAH\s+)?
    (?:PRO[VP]INSI\s+(?P<name>.+?)                   # PROVINSI JAWA TENGAH, PROPINSI JAWA TIMUR
      |(?P<istimewa>DAERAH\s+ISTIMEWA\s+\S.*?))     # DAERAH ISTIMEWA YOGYAKARTA
    \s*,?\s*$""", re.X | re.I)
#: the copy stamp printed above a judul on an authenticated copy ("SALINAN", a JDIH stamp), alone on its line
COPY_STAMP = re.compile(r"\s*S\s?A\s?L\s?I\s?N\s?A\s?N\s*[.:]?\s*$", re.I)
#: the kop naming the region by its head or its government: "BUPATI BANYUMAS", "WALIKOTA PEKALONGAN,",
#: "PEMERINTAH KABUPATEN SUMBAWA BARAT", "B U P A T I  T A N A H  L A U T" (read after letter-spacing is undone)
KOP = re.compile(r"""
    ^(?:(?P<office>BUPATI|WALI\s*KOTA|GUBERNUR)          # the region's head
      |PEMERINTAH\s+(?P<level>KABUPATEN|KOTA))           # or its government
    \s+ (?P<name>[A-Z][A-Z .'-]*?) \s*,?\s*$""", re.X)
#: the Berita Daerah or Lembaran Daerah printed above the judul ("BERITA DAERAH PROVINSI NUSA TENGGARA BARAT" /
#: "NOMOR 78 TAHUN 2023"): its number is not the act's
GAZETTE_HEAD = re.compile(r"^(?:BERITA|LEMBARAN)\s+DAERAH\b", re.I)
DATE = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]+)\s+(?P<y>\d{4})")
BERITA = re.compile(r"""
    (?<!TAMBAHAN\s)                                 # not the Tambahan Lembaran Daerah (the Penjelasan's number)
    (?P<kind>BERITA|LEMBARAN) \s+ (?P<scope>DAERAH|NEGARA) \s+ (?P<name>(?:(?!\bNOMOR\b).)*?)
    (?: \s+ NOMOR \s* (?P<nomor_first>\d+(?:\.\d+)?[A-Z]?) )?   # older acts: "... NOMOR 5 TAHUN 2009"
    \s+ TAHUN \s+ (?P<tahun>\d{4})
    (?: \s+ NOMOR \s* (?P<nomor>[.\s]*\d+(?:\.\d+)?[A-Z]?)? )?    # "... TAHUN 2021 NOMOR 14.1"; blank if not filled
    """, re.X | re.I)

# --- amending acts ----------------------------------------------------------------------------------------------
#: An amendment instruction of Pasal I: "1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
#: "2. Di antara Pasal 7 dan Pasal 8 disisipkan 1 (satu) Pasal, yakni Pasal 7A ...", "3. Pasal 9 dihapus."
#: Inside quoted new text such a line can only mean the quote was closed without its closing mark.
AMENDMENT_INSTRUCTION = re.compile(r"""
    ^\d{1,3}\.\s+
    (?:Ketentuan|Di\s+antara|Judul|Penjelasan|Lampiran|Menambahkan|Diantara
      |(?:Pasal|BAB|Bagian|Paragraf)\s+\S+(?:\s+ayat\s+\(\d+\))?\s+(?:dihapus|diubah|disisipkan))\b""", re.X)

#: an instruction that deletes a provision: "4. Pasal 8 dihapus.", "Ketentuan ayat (3) Pasal 10 dihapus."
DELETION = re.compile(r"""
    ^(?:Ketentuan\s+)?
    (?P<what>(?:(?:ayat\s+\(\d+\)|huruf\s+[a-z])\s+)*            # ayat (3) / huruf b of ...
      (?:Pasal|BAB|Bagian|Paragraf)\s+\S+                       # ... the provision
      (?:\s+(?:ayat\s+\(\d+\)|huruf\s+[a-z]))*)                # Pasal 8 ayat (2)
    \s+dihapus\s*\.?\s*$""", re.X | re.I)

#: an instruction printed without its number, as some amending Perbup and Pergub print them:
#: "Ketentuan Pasal 5 diubah ...", "Di antara Pasal 7 dan Pasal 8 disisipkan ...", "Pasal 9 dihapus."
UNNUMBERED_INSTRUCTION = re.compile(r"""
    ^(?:Ketentuan\s+(?:(?:ayat|huruf|angka)\s+\S+\s+)*(?:Pasal|BAB|Bagian|Paragraf|Lampiran|Penjelasan)\s+\S+
      |Di\s*antara\s+(?:Pasal|BAB|Bagian|Paragraf|ayat|huruf|angka)\s+\S+
      |(?:Pasal|BAB|Bagian|Paragraf)\s+\S+\s+dihapus\b)""", re.X)


def instruction(line: str) -> bool:
    """Does ``line`` start an amendment instruction, numbered ("2. Ketentuan Pasal 5 diubah ...") or not?"""
    return AMENDMENT_INSTRUCTION.match(line) is not None or UNNUMBERED_INSTRUCTION.match(line) is not None
