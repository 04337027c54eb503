"""Shared fixtures: each bundled seed is parsed once per test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from rancang.generate.draft import build as draft
from rancang.generate.shared import profile

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
GOLD = ROOT / "tests" / "gold"
EXAMPLES = ROOT / "corpus" / "examples"
SEED_IDS = {"bogor": "000_ee7a6eaa64626c22", "jepara": "001_ced7971a61a5e85a",
            "pasaman_barat": "002_a9b194b47a12baf0", "malang": "003_b7684ddf9c3f1cea"}


@pytest.fixture(scope="session", autouse=True)
def _private_corpus_database(tmp_path_factory):
    """Every test session uses a corpus database of its own ($RANCANG_DB), never the user's: a regulation removed
    there by hand must not change what the tests see."""
    import os

    before = os.environ.get("RANCANG_DB")
    os.environ["RANCANG_DB"] = str(tmp_path_factory.mktemp("korpus") / "corpus.sqlite")
    yield
    if before is None:
        os.environ.pop("RANCANG_DB", None)
    else:
        os.environ["RANCANG_DB"] = before


@pytest.fixture(scope="session")
def seed_trees():
    """region -> parsed Regulation of the bundled seed."""
    from rancang.ingest import ingest_path

    return {region: ingest_path(SEEDS / f"{stem}.txt") for region, stem in SEED_IDS.items()}


@pytest.fixture(scope="session")
def gold():
    """region -> gold facts (tests/gold/*.json)."""
    return {region: json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
            for region, stem in SEED_IDS.items()}


@pytest.fixture(scope="session")
def draft_sources(tmp_path_factory):
    """A corpus store of the bundled regulations in a temporary folder, for drafts (never the user's store)."""
    from rancang.generate.draft.sources import Sources

    src = Sources(tmp_path_factory.mktemp("corpus") / "corpus.sqlite")
    yield src
    src.close()


@pytest.fixture(scope="session")
def sleman_draft(tmp_path_factory, draft_sources):
    """The Sleman example draft (``rancang draft --contoh sleman``), built and written once: (Draft, folder)."""
    d = draft.build(profile.load(EXAMPLES / "sleman.yaml"), sources=draft_sources)
    folder = tmp_path_factory.mktemp("sleman-draft")
    draft.write(d, folder)
    return d, folder


@pytest.fixture(scope="session")
def sleman_draft_pdf(tmp_path_factory, sleman_draft):
    """The Sleman draft's DOCX printed to PDF by LibreOffice: one conversion per test session (LibreOffice takes
    seconds to start), with a profile of its own so that parallel sessions never share one. Skipped, with the
    reason, where LibreOffice is not installed."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    _, folder = sleman_draft
    out = tmp_path_factory.mktemp("sleman-pdf")
    subprocess.run([exe, f"-env:UserInstallation=file://{out / 'profil'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(folder / "draft.docx")], check=True, capture_output=True, timeout=300)
    return out / "draft.pdf"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """The folder for the browser tests' screenshots: $RANCANG_SCREENSHOTS to keep them, else a temporary one."""
    out = os.environ.get("RANCANG_SCREENSHOTS")
    path = Path(out) if out else tmp_path_factory.mktemp("layar")
    path.mkdir(parents=True, exist_ok=True)
    return path
