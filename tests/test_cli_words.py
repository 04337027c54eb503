"""Click's own messages as rancang says them: a path that does not exist is "X: berkas tidak ditemukan." with
status 1 like every command that checks its files itself; an extra argument points at -o; the help shows
Indonesian placeholders, optional arguments in brackets, and examples."""

from __future__ import annotations

from click.testing import CliRunner

from rancang.cli import cli, main


def test_a_missing_path_is_said_as_every_command_says_it(tmp_path, capsys) -> None:
    assert main(["corpus", "add", "--db", str(tmp_path / "c.sqlite"), str(tmp_path / "tidakada.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"Galat: {tmp_path / 'tidakada.pdf'}: berkas tidak ditemukan."


def test_an_extra_argument_points_at_o(tmp_path, capsys) -> None:
    assert main(["check", str(tmp_path / "a.txt"), "keluaran"]) == 2
    assert "sesudah -o" in capsys.readouterr().err


def test_help_speaks_indonesian_and_shows_examples() -> None:
    for command, usage in ((["letter"], "[OPSI] [JENIS] [DATA]"), (["draft"], "[OPSI] [PROFIL]"),
                           (["check"], "[OPSI] BERKAS"), (["ingest"], "BERKAS..."), (["model"], "BERKAS"),
                           (["corpus", "add"], "[BERKAS|FOLDER]..."), (["search"], "KATA...")):
        text = CliRunner().invoke(cli, [*command, "--help"]).output
        assert usage in text.splitlines()[0], (command, text.splitlines()[0])
        for english in ("SOURCES", "SOURCE ", "PROFILE", "FILE", "SIDES", "QUERY"):
            assert english not in text.splitlines()[0], (command, english)
    for command in ("draft", "check", "letter", "search", "diff", "corpus", "kb"):
        assert "Contoh:" in CliRunner().invoke(cli, [command, "--help"]).output, command


def _commands_of(group, path=()):  # noqa: ANN001, ANN202 - walks the click tree, lazy groups included
    import click

    for name in group.list_commands(click.Context(group)):
        command = group.get_command(click.Context(group), name)
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from _commands_of(command, (*path, name))


def test_no_help_page_shows_click_s_english_type_names() -> None:
    """Every option's placeholder is Indonesian: "--jobs ANGKA", "--daerah DAERAH", never "TEXT"/"INTEGER RANGE"."""
    import re

    pages = {command: CliRunner().invoke(cli, [*command, "--help"]).output for command in _commands_of(cli)}
    assert len(pages) >= 10
    for command, text in pages.items():
        english = re.findall(r"\b(?:TEXT|INTEGER(?: RANGE)?|FLOAT(?: RANGE)?|BOOLEAN|FILENAME|PATH|DIRECTORY)\b", text)
        assert not english, (command, english)


def test_a_value_of_the_wrong_type_is_said_in_indonesian(capsys) -> None:
    assert main(["search", "--limit", "x", "tugas"]) == 2
    err = capsys.readouterr().err
    assert "'x' bukan bilangan bulat" in err and "integer" not in err
