"""The sistem-kerja model's shape as types: what :func:`rancang.model.build` returns, key for key as
``schema/sistemkerja.schema.json`` states it, so mypy checks every reader of a model (the memo, the picture, the
evaluation, the letters' steps).

TypedDicts, not dataclasses: the model is JSON data between the stages (``rancang model --format json``, the
letters read a stored one back) and stays the same dicts; the types only name their keys. ``tests/test_contracts.py``
holds each of them to its object in the schema (keys, and which are required).

No ``from __future__ import annotations`` here: with string annotations Python 3.11 cannot tell a ``NotRequired``
key at run time (``__optional_keys__``), which the test reads.
"""

from typing import NotRequired, TypedDict


class CitedText(TypedDict):
    cite: str  # "Pasal 17 ayat (2)", "Lampiran huruf B angka 1"
    id: str  # the tree node or Lampiran block the cite resolves to
    text: str


class RoleRef(TypedDict):
    cite: str
    id: str
    role: str  # a role id of the model's roles


class TopicLocation(TypedDict):
    cite: str
    id: str


class RegulationRef(TypedDict):
    jenis: str | None
    pejabat: NotRequired[str | None]
    daerah: str | None
    nomor: str | None
    tahun: int | None
    tentang: str | None
    source: NotRequired[str | None]
    citation: str  # "Peraturan Bupati Jepara Nomor 17 Tahun 2024 tentang ..."


class Stage(TypedDict):
    cite: str
    id: str
    name: str  # "perencanaan", "pelaksanaan", "evaluasi"
    title: NotRequired[str]
    steps: list[CitedText]


class Role(TypedDict):
    id: str
    name: str
    kind: str  # "pejabat", "jabatan", "peran", "tim", "pegawai", "lainnya"
    aliases: list[str]
    cite: str
    node: str
    mentions: int
    definition: CitedText | None
    duties: list[CitedText]
    reports_to: list[RoleRef]
    appointed_by: list[RoleRef]
    held_by: NotRequired[list[RoleRef]]


#: who sits under whom ("from" is a Python keyword, hence the functional form; model/kedudukan.py)
KedudukanLine = TypedDict("KedudukanLine", {"from": str, "jenjang": list[str], "to": str, "as": list[str], "cite": str,
                                            "id": str})


class Position(TypedDict):
    """A position the act names that is no catalogue role ("Kepala Bidang"), with the roles it acts as."""

    id: str
    name: str
    acts_as: list[RoleRef]
    cite: str
    node: str


#: who reports to whom ("from" is a Python keyword, hence the functional form)
ReportingLine = TypedDict("ReportingLine", {"from": str, "to": str, "cite": str, "id": str})


class Party(TypedDict):
    role: str  # a role id
    side: str | None  # "asal", "tujuan"; None: the text does not say


class Hop(TypedDict):
    """One move of a step's letter: ``actor`` sends to ``to`` with tembusan ``cc`` (model/hops.py)."""

    actor: str | None
    side: str | None
    co_actors: list[str]
    signer: Party | None
    to: list[Party]
    cc: list[Party]


class Step(TypedDict):
    cite: str
    id: str
    n: int
    actor: str | None
    action: str
    document: str | None
    to: list[str]
    cc: list[str]
    side: str | None  # "asal", "tujuan"
    branch: str | None  # "setuju", "tolak"
    stage: str | None
    hops: NotRequired[list[Hop]]


class Procedure(TypedDict):
    id: str
    name: str
    form: str  # "penunjukan", "pengajuan_sukarela", "pelaporan", "penugasan"
    scope: str | None
    source: str  # "batang_tubuh", "lampiran"
    cite: str
    node: str
    steps: list[Step]


class Document(TypedDict):
    id: str
    name: str
    aliases: list[str]
    cite: str
    node: str
    mentions: int
    contents: list[CitedText]
    used_in: list[str]  # procedure ids


class SistemKerja(TypedDict):
    """A sistem-kerja model (``rancang model --format json``)."""

    version: int
    regulation: RegulationRef
    topics: dict[str, TopicLocation | None]  # topic key (rancang.topics) -> where the act regulates it
    principles: list[CitedText]
    mechanism_components: list[CitedText]
    assignment_forms: list[CitedText]
    task_scopes: list[CitedText]
    stages: list[Stage]
    roles: list[Role]
    reporting_lines: NotRequired[list[ReportingLine]]
    kedudukan_lines: NotRequired[list[KedudukanLine]]
    positions: NotRequired[list[Position]]
    procedures: list[Procedure]
    documents: list[Document]
