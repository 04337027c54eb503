"""Documents the act requires: letters and decisions (``rancang/data/documents.jsonl``), where they are named,
what
they must contain ("paling sedikit memuat: ...") and which procedures use them. The reasons a refusal must give
("menjawab ... dengan alasan ...") belong to the reply (``reply_document``), never to the request it answers."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from rancang.kinds import LIST_TYPES
from rancang.model.clauses import Unit, clean, contents_intro, lampiran_following
from rancang.model.mentions import Mention


def build_documents(us: list[Unit], mentions: list[list[Mention]], catalogue: dict, cues: dict[str, Any],
                    procedures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    forms: dict[str, Counter] = {}
    first: dict[str, Unit] = {}
    contents: dict[str, list[dict[str, str]]] = {}
    reply = cues["reply_document"]
    replies = {m.key for ms in mentions for m in ms if m.label == "DOC" and m.key == reply}
    for u in us:
        docs = [m for m in mentions[u.index] if m.label == "DOC"]
        for m in docs:
            forms.setdefault(m.key, Counter())[m.text] += 1
            first.setdefault(m.key, u)
        if not docs:
            continue
        low = u.low
        if contents_intro(low, cues):
            items = ([us[c] for c in u.children if us[c].type in LIST_TYPES]
                     if u.source == "body" else lampiran_following(us, u))
            for it in items:
                item = {"text": re.sub(r"[;,.]?\s*(dan|atau)?\s*$", "", clean(it.text)).strip(" ;."),
                        "cite": it.cite, "id": it.id}
                if item not in contents.setdefault(docs[0].key, []):
                    contents[docs[0].key].append(item)
        for cue in cues["reason_cue"]:
            pos = low.find(cue)
            if pos >= 0:
                # the reasons for a refusal are written in the reply, not in the request being answered
                key = reply if reply in replies and any(v in low for v in cues["reply_verbs"]) else \
                    min(docs, key=lambda m: abs(m.start - pos)).key
                reason = re.split(r"[;.]", u.text[pos:])[0]
                item = {"text": clean(reason), "cite": u.cite, "id": u.id}
                if item not in contents.setdefault(key, []):
                    contents[key].append(item)
                break
    used: dict[str, list[str]] = {}
    for p in procedures:
        for s in p["steps"]:
            if s["document"] and p["id"] not in used.setdefault(s["document"], []):
                used[s["document"]].append(p["id"])
    out = []
    for key, counter in forms.items():
        aliases: list[str] = []
        for form, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            if form.lower() not in {a.lower() for a in aliases}:
                aliases.append(form)
        u = first[key]
        out.append({"id": key, "name": catalogue[key]["name"], "aliases": aliases,
                    "cite": u.cite, "node": u.id,
                    "mentions": sum(counter.values()), "contents": contents.get(key, []),
                    "used_in": used.get(key, [])})
    return out
