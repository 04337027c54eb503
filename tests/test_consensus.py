"""`rancang draft --base consensus`: the base is the corpus regulation that agrees most with all the others."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rancang.cli import cli
from rancang.generate.draft import consensus

EXAMPLES = Path(__file__).parent.parent / "corpus" / "examples"


def test_the_consensus_base_is_the_region_with_the_highest_agreement(draft_sources):
    scores = consensus.scores(draft_sources)
    assert set(scores) == set(draft_sources.ids()) == {"bogor", "jepara", "pasaman-barat", "malang"}
    assert all(0 < s <= 100 for s in scores.values())
    assert consensus.base_region(draft_sources) == max(scores, key=scores.get)


def test_a_consensus_draft_for_a_kota_has_no_finding_and_no_foreign_name(tmp_path, draft_sources):
    result = CliRunner().invoke(cli, ["draft", str(EXAMPLES / "kota-magelang.yaml"), "--base", "consensus",
                                      "--db", str(draft_sources.store.path), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"dasar konsensus: {consensus.base_region(draft_sources)}" in result.output
    # the two info are the placeholders a bureau fills in (nomor, tanggal: check T2_placeholder)
    assert "pemeriksaan: 0 galat, 0 peringatan, 2 info." in result.output
    text = (tmp_path / "draft.md").read_text(encoding="utf-8")
    # region names, and the names of the officials who signed the corpus acts
    for foreign in ("Bogor", "Jepara", "Pasaman", "Malang", "Bupati", "SANUSI", "BIMA ARYA", "HAMSUARDI"):
        assert foreign not in text
