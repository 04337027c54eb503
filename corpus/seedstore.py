"""The seeded store shipped precomputed (``seeds/store.sqlite.gz``, ``seeds/store.json``): a new corpus starts as a
copy of it instead of being seeded (issue 33 item 5: seeding cost a first ``rancang draft`` about 0.2 s CPU:
parsing the four bundled texts, their clause and search rows, checking the shipped topics).

The file is what :meth:`rancang.corpus.store.Store.seed` writes into a new database, made by that very code
(``python benchmarks/build_seed_topics.py``), with its two time stamps (each regulation's ``added``, the info key
``seeded``) set to :data:`STAMP`; a copy takes the time of its making, as seeding would. It is taken only when
everything that made it is unchanged (:func:`key`): the reader (its fingerprint), the stemmer, the topic model,
the bundled texts and the store's own code. Otherwise, or when the copy fails in any way, the store is seeded as
before. ``tests/test_shipped_store.py`` seeds a store and compares it with the shipped one table by table, row by
row (the search indexes' own tables included).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sqlite3
from functools import cache
from importlib import resources
from pathlib import Path

from rancang.corpus import shipped, stem
from rancang.ingest import fingerprint

FILE = "seeds/store.sqlite.gz"
META = "seeds/store.json"
#: the time stamps of the shipped file; a copy takes its own time (:func:`restamp`)
STAMP = "1970-01-01T00:00:00+00:00"
#: the modules and data whose change changes what seeding writes, besides the reader, stemmer and model
_CODE = ("corpus/store.py", "corpus/rows.py", "corpus/links.py", "corpus/dbfile.py", "corpus/stem.py",
         "corpus/shipped.py", "corpus/seedstore.py", "tree.py", "fold.py", "address.py")


@cache
def key() -> dict[str, str]:
    """What the shipped store depends on: {"reader", "stemmer", "model", "seeds", "code"} fingerprints. The same key,
    the same rows."""
    base = resources.files("rancang")
    seeds = resources.files("rancang.corpus").joinpath("seeds")
    texts = hashlib.sha256()
    for entry in sorted(seeds.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".txt") or entry.name in ("index.json", "topics.json", "stems.json"):
            texts.update(entry.name.encode())
            texts.update(entry.read_bytes())
    code = hashlib.sha256()
    for name in _CODE:
        package, _, rest = name.rpartition("/")
        f = (resources.files("rancang.corpus") if package == "corpus" else base).joinpath(rest)
        code.update(name.encode())
        code.update(f.read_bytes())
    return {"reader": fingerprint(), "stemmer": stem.fingerprint(), "model": shipped.model_fingerprint(),
            "seeds": texts.hexdigest()[:16], "code": code.hexdigest()[:16]}


def current() -> bool:
    """Was the shipped store made by what would seed a store now (:func:`key`)?"""
    try:
        meta = json.loads(resources.files("rancang.corpus").joinpath(META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta == key()


def place(path: Path) -> bool:
    """Put a copy of the shipped store at ``path`` (which must not exist, nor its ``-wal``/``-shm`` files) when it
    is current; True when placed. Never overwrites: the copy is written beside and linked into place, so a store
    another process makes meanwhile wins. Any failure leaves nothing and returns False (the store is then seeded)."""
    if any(Path(f"{path}{end}").exists() for end in ("", "-wal", "-shm", "-journal")) or not current():
        return False
    temp = path.with_name(f".{path.name}.{os.getpid()}.seed")
    try:
        data = gzip.decompress(resources.files("rancang.corpus").joinpath(FILE).read_bytes())
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.link(temp, path)
        return True
    except (OSError, EOFError, gzip.BadGzipFile):
        return False
    finally:
        try:
            temp.unlink()
        except OSError:
            pass


def restamp(db: sqlite3.Connection, when: str) -> None:
    """Give a placed copy the time of its making (where seeding writes the time)."""
    db.execute("UPDATE regulations SET added=? WHERE added=?", (when, STAMP))
    db.execute("UPDATE info SET value=? WHERE key='seeded' AND value=?", (when, STAMP))


def stamp(db: sqlite3.Connection) -> None:
    """Set a freshly seeded store's time stamps to :data:`STAMP` (the shipped file; ``build_seed_topics.py``)."""
    db.execute("UPDATE regulations SET added=?", (STAMP,))
    db.execute("UPDATE info SET value=? WHERE key='seeded'", (STAMP,))
