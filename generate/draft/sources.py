"""The regulations a draft is composed from: the corpus store, one corpus for every stage (issue 10, item 4).

Generation reads the SQLite store (:class:`rancang.corpus.store.Store`); the bundled regulations are simply its
first rows. So any regulation in the store -- bundled, or added with ``rancang corpus add`` -- can be a base, a
``--take`` source or a consensus member, and its region name is rewritten out of drafts. Trees are read from
the store as stored (never re-parsed) and the model topics of each regulation are cached in the store, so a
draft needs spaCy only when a regulation is modelled for the first time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rancang.corpus.store import Store, region_name
from rancang.errors import InputError
from rancang.tree import Regulation


@dataclass
class Sources:
    """A read-through cache over one open store: trees, topics and identity of its regulations.

    ``db`` is the database path (None: ``$RANCANG_DB`` or the user's data folder, as every command uses)."""

    db: str | Path | None = None
    _store: Store | None = None
    _trees: dict[str, Regulation] = field(default_factory=dict)
    _topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    _not_others: dict[str, list[str]] = field(default_factory=dict)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def entry(self, key: str, option: str = "--base") -> dict[str, Any]:
        """Identity of regulation ``key`` (store id or region name): {id, nama, daerah, daerah_jenis, provinsi,
        jenis, nomor, tahun}. Raises InputError naming the option and listing what the store holds."""
        try:
            row = self.store.get_row(key.strip())
        except InputError:
            known = ", ".join(self.store.ids()[:20])
            raise InputError(f"{option}: daerah '{key}' tidak ada dalam korpus (tersedia: {known}).") from None
        return {"id": row["id"], "nama": region_name(row["daerah"]), "daerah": row["daerah"] or "",
                "daerah_jenis": row["daerah_jenis"] or "", "jenis": row["jenis"] or "", "nomor": row["nomor"],
                "tahun": row["tahun"], "provinsi": self.regulation(row["id"]).meta.provinsi or ""}

    def regulation(self, rid: str) -> Regulation:
        """The stored tree of ``rid`` (a store id); callers copy before changing it."""
        if rid not in self._trees:
            self._trees[rid] = self.store.regulation(rid)
        return self._trees[rid]

    def topics(self, rid: str) -> dict[str, Any]:
        """{topic: {cite, id} | None} of ``rid``, from the store's cache (modelled once, on first need)."""
        if rid not in self._topics:
            self._topics[rid] = self.store.topics(rid)
        return self._topics[rid]

    def ids(self) -> list[str]:
        return self.store.ids()

    def act(self, rid: str) -> str:
        """How the drafting notes name a source act: "Peraturan Bupati Jepara Nomor 17 Tahun 2024"."""
        e = self.entry(rid)
        office = (e["jenis"] or "Peraturan").strip()
        nama = f" {e['nama']}" if e["nama"] and e["nama"].lower() not in office.lower() else ""
        nomor = f" Nomor {e['nomor']}" if e["nomor"] else ""
        tahun = f" Tahun {e['tahun']}" if e["tahun"] else ""
        return f"{office}{nama}{nomor}{tahun}"

    def region_names(self) -> list[str]:
        """Every region name in the store ("Jepara", "Pasaman Barat"), longest first."""
        rows = self.store.db.execute("SELECT DISTINCT daerah FROM regulations WHERE daerah IS NOT NULL")
        names = {region_name(r[0]) for r in rows}
        return sorted((n for n in names if n), key=len, reverse=True)

    def not_others(self, region: str) -> list[str]:
        """The stored acts that are no other region's law for a draft of ``region`` ("Kabupaten Sleman"): that
        region's own acts (its earlier draft added with ``corpus add``) and every draft rancang wrote (source
        format "generated": a draft.json added back). Their clauses never count as another region's support."""
        own = {r[0] for r in self.store.db.execute("SELECT id FROM regulations WHERE lower(daerah) = lower(?)",
                                                   [region])}
        drafts = {rid for rid in self.ids() if self.regulation(rid).source.format == "generated"}
        return sorted(own | drafts)

    def elsewhere(self, phrase: str, exclude: list[str], region: str = "") -> bool:
        """Whether ``phrase`` (its words in order) occurs in a stored regulation other than those in ``exclude``
        and, for a draft of ``region``, other than that region's own acts and rancang's drafts
        (:meth:`not_others`) -- the store's full-text index: one query, whatever the size of the corpus."""
        words = re.findall(r"\w+", phrase.lower())
        if not words:
            return False
        if region:  # (cached per region and per content of the store: an act added later counts)
            key = f"{region}\0{','.join(self.ids())}"
            if key not in self._not_others:
                self._not_others[key] = self.not_others(region)
            exclude = [*exclude, *self._not_others[key]]
        marks = ",".join("?" * len(exclude))
        row = self.store.db.execute(
            "SELECT 1 FROM clause_fts JOIN clauses c ON c.rowid = clause_fts.rowid WHERE clause_fts MATCH ?"
            f" AND c.reg NOT IN ({marks}) LIMIT 1", ['"' + " ".join(words) + '"', *exclude]).fetchone()
        return row is not None

    def texts(self, ids: list[str]) -> list[str]:
        """The clause texts of the regulations ``ids`` (rows of the store, in document order)."""
        marks = ",".join("?" * len(ids))
        return [r[0] for r in self.store.db.execute(
            f"SELECT text FROM clauses WHERE reg IN ({marks}) ORDER BY reg, ord", ids)]

    def bundled_ids(self) -> list[str]:
        return [r[0] for r in self.store.db.execute("SELECT id FROM regulations WHERE bundled=1 ORDER BY id")]
