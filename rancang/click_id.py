"""Indonesian for the messages click prints itself: usage errors ("Missing option", "Invalid value",
"... is a directory"), the help page's headings, the help option and the usage line's metavars.

Click looks every message up through :func:`gettext.gettext` / :func:`gettext.ngettext`, imported into each of its
modules as ``_`` and ``ngettext``. :func:`install` points those names at lookups in ``data/click_id.json`` (the
translations are data, keyed by click's English msgids), so click's own errors reach the user as Indonesian
sentences with exit status 2 like every other usage error. A message missing from the table stays English.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from importlib import resources

#: click modules that translate messages with gettext
_MODULES = ("core", "exceptions", "types", "parser", "formatting", "decorators", "termui")


@cache
def table() -> dict[str, str]:
    """English msgid -> Indonesian text; plural pairs are keyed and valued ``"singular|plural"``."""
    raw = json.loads(resources.files("rancang").joinpath("data/click_id.json").read_text(encoding="utf-8"))
    return raw["messages"]


def gettext(message: str) -> str:
    """The Indonesian text of click's ``message`` (or the message itself when the table lacks it)."""
    return table().get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The Indonesian singular or plural form of a click message pair."""
    found = table().get(f"{singular}|{plural}")
    if found is None:
        return singular if n == 1 else plural
    one, _, many = found.partition("|")
    return one if n == 1 or not many else many


@cache
def types() -> dict[str, tuple[str, str]]:
    """click type name ("integer range") -> (its Indonesian name for error sentences, its help-page metavar)."""
    raw = json.loads(resources.files("rancang").joinpath("data/click_id.json").read_text(encoding="utf-8"))
    return {name: (pair[0], pair[1]) for name, pair in raw["types"].items() if not name.startswith("_")}


def _metavar(original):  # noqa: ANN001, ANN202 - wraps click.Parameter.make_metavar
    def make(self, ctx):  # noqa: ANN001, ANN202
        shown = original(self, ctx)
        if self.metavar is not None:
            return shown
        base, dots = (shown[:-3], "...") if shown.endswith("...") else (shown, "")
        for name, metavar in types().values():
            if base == name.upper():
                return metavar + dots
        return shown

    make.rancang_id = True  # type: ignore[attr-defined]
    return make


def _usage_pieces(original):  # noqa: ANN001, ANN202 - wraps click.Command.collect_usage_pieces
    def collect(self, ctx):  # noqa: ANN001, ANN202
        return [gettext(piece) for piece in original(self, ctx)]

    collect.rancang_id = True  # type: ignore[attr-defined]  # marks the wrapper (install() is idempotent)
    return collect


def install() -> None:
    """Make every click module look its messages up here; also the usage line's metavars ("[OPTIONS]",
    "COMMAND [ARGS]...", which click never translates), the options' type metavars ("TEXT", "INTEGER RANGE") and
    the type names click's error sentences use ("'x' is not a valid integer range") (idempotent)."""
    import click

    for cls in (click.Command, click.Group):  # a Group appends its subcommand metavar after Command's pieces
        own = cls.__dict__.get("collect_usage_pieces")
        if own is not None and not getattr(own, "rancang_id", False):
            cls.collect_usage_pieces = _usage_pieces(own)  # type: ignore[method-assign]
    english = {cls.__dict__["name"]: cls for cls in vars(click.types).values()
               if isinstance(cls, type) and issubclass(cls, click.ParamType)
               and isinstance(cls.__dict__.get("name"), str)}
    for name, (indonesian, _metavar_shown) in types().items():
        if name in english:
            english[name].name = indonesian
    own_metavar = click.Parameter.__dict__["make_metavar"]
    if not getattr(own_metavar, "rancang_id", False):
        click.Parameter.make_metavar = _metavar(own_metavar)  # type: ignore[method-assign]
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
