"""One safe loader for the YAML and JSON a user writes by hand: region profiles and letter data.

Rules (issue 19):

- YAML aliases may not expand a document beyond ``limits.data_nodes`` nodes ("billion laughs"), nor loop;
- nesting deeper than ``limits.data_depth`` is refused (JSON and YAML alike);
- a key written twice in one mapping is an error naming the key and its line;
- a date in the documented form (``2026-03-02``) stays the text ``"2026-03-02"``, quoted or not;
- a text of spaces only ("   ") is refused with its key: it is neither a value nor an omission;
- every text (key or value) must be writable into a DOCX: lone surrogates, U+FFFE/U+FFFF and control characters
  other than tab and newline are refused with the key that holds them;
- numbers too long to convert (a 5,000-digit year) are refused.

Every refusal is an :class:`~rancang.errors.InputError` with one Indonesian sentence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from rancang.errors import InputError, os_reason
from rancang.limits import limit
from rancang.textsafe import XML_INVALID

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader with duplicate keys refused and timestamps kept as their text."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in out
        except TypeError as exc:  # a list or mapping used as a key
            raise yaml.constructor.ConstructorError(None, None, "kunci tidak sah", key_node.start_mark) from exc
        if duplicate:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        out[key] = loader.construct_object(value_node, deep=deep)
    return out


def _construct_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)


class _DuplicateKey(Exception):
    def __init__(self, key: Any, line: int) -> None:
        super().__init__(key, line)
        self.key, self.line = key, line


def _expanded_size(root: yaml.Node) -> int:
    """Nodes of the document with every alias expanded (shared nodes counted each time they are used), computed
    once per distinct node; raises ValueError for an alias that contains itself."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if key in sizes:
            continue
        if key in open_:
            raise ValueError("alias melingkar")
        open_.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_:
                raise ValueError("alias melingkar")
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _yaml(text: str, label: str) -> Any:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        try:
            size = _expanded_size(root)
        except ValueError:
            raise InputError(f"{label}: alias YAML memuat dirinya sendiri; tulis nilainya langsung.") from None
        if size > limit("data_nodes"):
            raise InputError(f"{label}: alias YAML berkembang melampaui {limit('data_nodes')} nilai; tulis nilainya "
                             "langsung tanpa alias (*).")
        return loader.construct_document(root)
    except _DuplicateKey as exc:
        raise InputError(f"{label}: kunci '{exc.key}' ditulis dua kali (baris {exc.line}); hapus salah satunya.") \
            from None
    finally:
        loader.dispose()


def _duplicates_refused(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key, 0)
        out[key] = value
    return out


def _json(text: str, label: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_duplicates_refused)
    except _DuplicateKey as exc:
        raise InputError(f"{label}: kunci '{exc.key}' ditulis dua kali; hapus salah satunya.") from None


def _where(path: list[Any]) -> str:
    return ".".join(str(p) for p in path) or "akar"


def check_tree(data: Any, label: str) -> None:
    """Refuse nesting deeper than ``data_depth``, texts of spaces only and texts a DOCX cannot hold (iteratively:
    no recursion). Raises InputError naming the key."""
    stack: list[tuple[Any, list[Any]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if len(path) > limit("data_depth"):
            raise InputError(f"{label}: data bersarang lebih dari {limit('data_depth')} tingkat di {_where(path[:3])}"
                             "...; sederhanakan strukturnya.")
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(k, str):
                    _check_text(k, path + [k], label)
                stack.append((v, path + [k]))
        elif isinstance(value, list):
            stack.extend((v, path + [i]) for i, v in enumerate(value))
        elif isinstance(value, str):
            _check_text(value, path, label)


def _check_text(text: str, path: list[Any], label: str) -> None:
    if text and not text.strip():  # "   ": a field that looks filled in but says nothing
        raise InputError(f"{label}: isian '{_where(path)}' hanya berisi spasi; isi nilainya atau hapus isian itu.")
    m = XML_INVALID.search(text)
    if m:
        raise InputError(f"{label}: isian '{_where(path)}' memuat karakter U+{ord(m.group()):04X} yang tidak dapat "
                         "ditulis ke dokumen; hapus karakter itu.")


def loads(text: str, label: str, fmt: str = "yaml") -> Any:
    """Parse ``text`` as ``fmt`` ("yaml" or "json") under the rules above; ``label`` starts every message."""
    try:
        data = _json(text, label) if fmt == "json" else _yaml(text, label)
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"{label}: data bersarang terlalu dalam; sederhanakan strukturnya.") from None
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        if "nesting depth" in str(getattr(exc, "problem", "")):  # libyaml >= 0.2.5 stops at 1,000 open brackets
            raise InputError(f"{label}: data bersarang terlalu dalam; sederhanakan strukturnya.") from None
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else getattr(exc, "lineno", None)
        where = f" (baris {line})" if line else ""
        raise InputError(f"{label}: bukan YAML/JSON yang sah{where}.") from None
    except ValueError:  # a number too long to convert ("tahun: 1111...1" with thousands of digits)
        raise InputError(f"{label}: memuat bilangan yang terlalu panjang untuk dibaca.") from None
    check_tree(data, label)
    return data


#: the first bytes of documents people save a profile as by mistake
_DOCUMENTS = {b"PK\x03\x04": "Word/ZIP (DOCX)", b"%PDF": "PDF", b"\xd0\xcf\x11\xe0": "Word lama (DOC)"}


def load_mapping(path: str | Path, what: str = "profil") -> dict[str, Any]:
    """Read the YAML or JSON mapping at ``path`` (JSON by the ``.json`` extension, else YAML).

    Raises InputError (one sentence naming the file) for a missing or unreadable file, text that is not UTF-8,
    any rule above, or a document that is not a mapping of keys to values."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: berkas {what} tidak ditemukan.")
    try:
        raw = p.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{p}: berkas {what} tidak dapat dibaca ({os_reason(exc)}).") from None
    except UnicodeDecodeError:
        document = _DOCUMENTS.get(raw[:4])
        if document:  # a profile typed in Word or printed to PDF: its cause, not an encoding
            raise InputError(f"{p}: berkas {what} adalah dokumen {document}, bukan teks YAML/JSON; salin isinya ke "
                             "penyunting teks (misalnya Notepad) lalu simpan sebagai berkas .yaml.") from None
        raise InputError(f"{p}: berkas {what} bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Windows-1252); "
                         "buka di penyunting teks lalu simpan ulang dengan pengodean UTF-8, misalnya di Notepad: "
                         "Simpan Sebagai, Pengodean UTF-8.") from None
    data = loads(text, f"{p}: {what}", "json" if p.suffix.lower() == ".json" else "yaml")
    if data is None:
        raise InputError(f"{p}: berkas {what} kosong; isi dengan baris 'kunci: nilai', misalnya 'tahun: 2026'.")
    if not isinstance(data, dict):
        raise InputError(f"{p}: berkas {what} tidak berisi baris 'kunci: nilai' (misalnya 'tahun: 2026'), "
                         "melainkan daftar atau teks lepas.")
    return data
