"""Small regulation texts for tests: the judul and pembukaan of a Peraturan Bupati, around a body of the test's own.

Tests that only care about the batang tubuh or the Lampiran write those and let :func:`perbup` add the frame
(judul, pejabat, MEMUTUSKAN, Menetapkan), so the frame is written once.
"""

from __future__ import annotations


def perbup(pasal: str, lampiran: str = "", nomor: int = 1, tentang: str = "SISTEM KERJA") -> str:
    """The text of "PERATURAN BUPATI CONTOH NOMOR ``nomor`` TAHUN 2025 TENTANG ``tentang``" with ``pasal`` as its
    batang tubuh, then "Ditetapkan di Contoh" and, when given, "LAMPIRAN" followed by ``lampiran``.

    ``pasal`` and ``lampiran`` are lines ending with a newline; the result is one string of lines."""
    text = (f"PERATURAN BUPATI CONTOH\nNOMOR {nomor} TAHUN 2025\nTENTANG\n{tentang}\nBUPATI CONTOH,\n"
            f"MEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG {tentang}.\n{pasal}")
    if lampiran:
        text += f"Ditetapkan di Contoh\nLAMPIRAN\n{lampiran}"
    return text
