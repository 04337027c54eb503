"""The printed page (issue 23): the DOCX names Bookman Old Style, and on Linux the PDF export gets TeX Gyre Bonum
(Debian's fonts-texgyre, a Bookman of the same design) for it through fontconfig, as the README says."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest


def test_the_drafts_docx_names_bookman_old_style(sleman_draft):
    _, folder = sleman_draft
    styles = zipfile.ZipFile(folder / "draft.docx").read("word/styles.xml").decode("utf-8")
    fonts = set(re.findall(r'w:ascii="([^"]+)"', styles))
    assert "Bookman Old Style" in fonts and fonts <= {"Bookman Old Style", "Courier"}, fonts


@pytest.mark.parametrize("style", ["", ":bold", ":italic", ":bold:italic"])
def test_fontconfig_prints_bookman_old_style_as_tex_gyre_bonum(style):
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig (fc-match) tidak terpasang")
    installed = subprocess.run(["fc-list", "TeX Gyre Bonum"], capture_output=True, text=True, timeout=60).stdout
    if not installed.strip():
        pytest.skip("fonts-texgyre tidak terpasang")
    found = subprocess.run(["fc-match", "-f", "%{family[0]}|%{style[0]}", f"Bookman Old Style{style}"],
                           capture_output=True, text=True, timeout=60).stdout
    family, _, face = found.partition("|")
    assert family == "TeX Gyre Bonum", found
    assert ("Bold" in face) == ("bold" in style) and ("Italic" in face) == ("italic" in style), found
