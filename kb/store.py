"""The knowledge base as shipped (``data/acts.jsonl.gz``, one act a line, and ``data/build.json``, where it was
built from) and the questions the other stages ask it: an act by key, acts by title words, a fact with its
evidence in words.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from rancang import atomic
from rancang.errors import InputError
from rancang.kb.acts import display, kinds, parse_name

ACTS_FILE = "data/acts.jsonl.gz"
BUILD_FILE = "data/build.json"


#: how every line of ``acts.jsonl.gz`` opens (:func:`write`: ``json.dumps`` of a record whose first field is its key)
_KEY_PREFIX = '{"key":"'


class LazyActs(Mapping[str, dict[str, Any]]):
    """Records by key, each parsed from its JSON line when it is first asked for: a draft asks for a dozen of the
    6,000 acts, and parsing them all cost about 0.1 s CPU of every first draft (issue 33, cold starts). The same
    records as parsing every line (``json.loads``); a line whose key cannot be read off its opening is parsed at
    once. A line that is no JSON raises InputError (one sentence) when its record is asked for."""

    def __init__(self, path: Path, lines: list[str]) -> None:
        self.path = path
        self._lines: dict[str, str] = {}
        self._parsed: dict[str, dict[str, Any]] = {}
        for line in lines:
            end = line.find('"', len(_KEY_PREFIX)) if line.startswith(_KEY_PREFIX) else -1
            key = line[len(_KEY_PREFIX):end]
            if end < 0 or "\\" in key:  # no plain key at the opening: read the whole line now
                rec = self._parse(line)
                key = rec["key"]
                self._parsed[key] = rec
            else:
                self._parsed.pop(key, None)  # a later line of the same key wins, as in a dict built in order
            self._lines[key] = line

    def _parse(self, line: str) -> dict[str, Any]:
        try:
            rec = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{self.path}: basis pengetahuan tidak dapat dibaca ({type(exc).__name__}).") from exc
        if not isinstance(rec, dict) or not isinstance(rec.get("key"), str):
            raise InputError(f"{self.path}: basis pengetahuan tidak dapat dibaca (rekaman tanpa kunci).")
        return rec

    def __getitem__(self, key: str) -> dict[str, Any]:
        rec = self._parsed.get(key)
        if rec is None:
            rec = self._parsed[key] = self._parse(self._lines[key])
        return rec

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@dataclass
class KnowledgeBase:
    """Acts by key (records as :func:`rancang.kb.compile.compile_acts` writes them; a dict, or the shipped file's
    :class:`LazyActs`) and the build's record (source repositories and commits, figures)."""

    acts: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    build: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> dict[str, Any] | None:
        """The record of the act filed under ``key`` ("pp-2016-18"), or None."""
        return self.acts.get(key)

    def find(self, name: str) -> dict[str, Any] | None:
        """The record of an act named as a user types it ("PP 18/2016"); None when the KB does not hold it.
        Raises InputError when ``name`` names no act."""
        k = parse_name(name)
        if k is None:
            raise InputError(f"{name!r} bukan nama peraturan (contoh: \"PP 18/2016\", \"UU Nomor 23 Tahun 2014\").")
        return self.acts.get(k)

    def search(self, words: str, limit: int = 20) -> list[dict[str, Any]]:
        """Acts whose title holds every word of ``words`` (any case), newest first."""
        wanted = [w for w in re.findall(r"\w+", words.casefold()) if w]
        hits = []
        for rec in self.acts.values():
            title = str((rec["facts"].get("tentang") or {}).get("value") or "").casefold()
            if wanted and all(w in title for w in wanted):
                hits.append(rec)
        hits.sort(key=lambda r: (-(r["tahun"] or 0), r["key"]))
        return hits[:limit]

    def fact(self, key: str, name: str) -> dict[str, Any] | None:
        """Fact ``name`` ("ln", "bn", "tln", "tentang", "tanggal") of act ``key``, or None."""
        rec = self.acts.get(key)
        return None if rec is None else rec["facts"].get(name)

    def name(self, key: str) -> str:
        """An act's printed name ("Peraturan Pemerintah Nomor 18 Tahun 2016")."""
        rec = self.acts.get(key)
        return display(key, rec["jenis"] if rec else None)

    def short(self, key: str) -> str:
        """An act's short name ("PP 18/2016"; a kind without abbreviation in full)."""
        rec = self.acts.get(key)
        m = re.match(r"^(?P<kind>[a-z0-9-]+)-(?P<tahun>\d{4})-(?P<nomor>[0-9a-z.-]+)$", key)
        if key == "uud-1945" or not m:
            return self.name(key)
        for k in kinds():
            if k["key"] == m["kind"]:
                return f"{k['short'][0]} {rec['nomor'] if rec else m['nomor']}/{m['tahun']}"
        return self.name(key)

    def source_name(self, source: str) -> str:
        """A source in words: "metadata BPK", "naskah PP 18/2016 sendiri", "PP 72/2019", "Perbup ..."."""
        if source.startswith("bpk:"):
            return f"metadata BPK ({source[4:]})"
        if source.startswith("bpk-lain:"):
            return f"metadata BPK ({source[9:]}, yang topiknya peraturan lain)"
        if source.startswith("bpk-topik:"):
            return f"topik metadata BPK ({source[10:]})"
        if source.startswith("catatan:"):
            return f"catatan dari naskah resmi {self.short(source[8:])} (data/supplement.yaml)"
        if source.startswith("naskah-lain:"):
            return f"naskah yang dihimpun sebagai {self.short(source[12:])} (judulnya menyebut peraturan lain)"
        if source.startswith("naskah:"):
            return f"naskah {self.short(source[7:])} sendiri"
        if source.startswith("berkas:"):
            return source[7:]
        return self.short(source)


def package_file(name: str) -> Path:
    return Path(str(resources.files("rancang.kb").joinpath(name)))


def read(acts_path: Path, build_path: Path | None = None) -> KnowledgeBase:
    """A knowledge base from its files. Raises InputError with one sentence when they cannot be read."""
    try:
        with gzip.open(acts_path, "rt", encoding="utf-8") as fh:
            lines = fh.read().split("\n")  # the lines file iteration gives (universal newlines; no U+2028 split)
        if lines and not lines[-1]:
            lines.pop()
        acts = LazyActs(acts_path, lines)
        build = json.loads(build_path.read_text(encoding="utf-8")) if build_path and build_path.exists() else {}
    except (OSError, EOFError, ValueError, KeyError) as exc:
        raise InputError(f"{acts_path}: basis pengetahuan tidak dapat dibaca ({type(exc).__name__}).") from exc
    return KnowledgeBase(acts=acts, build=build)


@cache
def load() -> KnowledgeBase:
    """The knowledge base shipped with rancang (empty when it was never built)."""
    path = package_file(ACTS_FILE)
    if not path.exists():
        return KnowledgeBase()
    return read(path, package_file(BUILD_FILE))


def write(records: list[dict[str, Any]], build: dict[str, Any], acts_path: Path, build_path: Path) -> None:
    """Write the knowledge base: records one a line (gzip, fixed mtime so a rebuild of the same data is the same
    bytes) and the build record beside them, through :mod:`rancang.atomic`: in one folder the two files are one set
    (both new or both old after a failure or a signal). Raises OutputError (one sentence naming the file) when they
    cannot be written; the old files are then untouched."""
    def fill(raw: BinaryIO) -> None:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            for rec in records:
                gz.write((json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))

    build_text = json.dumps(build, ensure_ascii=False, indent=1) + "\n"
    if acts_path.parent == build_path.parent:
        atomic.write_set(acts_path.parent, {acts_path.name: fill, build_path.name: build_text})
    else:
        atomic.write_with(acts_path, fill)
        atomic.write_text(build_path, build_text)
    load.cache_clear()
