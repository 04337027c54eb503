"""One procedure step read as a clause: who acts, towards whom, on which side, on which branch, with which
document.

The clause's words are tagged by spaCy ``Matcher`` patterns kept as data (``patterns/steps.jsonl``: CONDITION,
FRONTED, CONSEQUENT, MODAL, ACTIVE and PASSIVE verbs, AGENT "oleh", TO "kepada", CC "tembusan", the side
markers TUJUAN / ASAL and the branch words SETUJU / TOLAK); roles and documents are the EntityRuler's. Rules:

- the main clause follows "maka", or the comma closing a leading condition or fronted phrase ("apabila ...,",
  "terhadap surat ...,", "dengan rekomendasi ...,");
- the actor is the role that opens the main clause when its verb is active (the role it "berperan sebagai" when
  the clause says so); when the verb is passive, the role
  after "oleh" ("disampaikan oleh Pejabat Penilai Kinerja"); when the main clause names no one, a role directly
  followed by an active verb ("setelah pimpinan Unit Organisasi menerima"), else the subject of the condition
  ("Apabila Pimpinan Perangkat Daerah menolak, maka harus memberikan ...");
- a role's side is the marker printed right after it: TUJUAN ("dituju", "penerima", "dimana ... berada") or
  ASAL ("pemilik kinerja", "pemohon", "bersangkutan");
- the branch is TOLAK or SETUJU found in the condition; the document the first one named in the main clause.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rancang import meaning
from rancang.model.hops import read_hops
from rancang.model.pipeline import cues, load_nlp, patterns

_CONJ = frozenset({"dan", "atau", "dan/atau", "/", ",", "serta"})


@cache
def _matcher():
    from spacy.matcher import Matcher

    nlp = load_nlp()
    m = Matcher(nlp.vocab, validate=False)
    for entry in patterns("steps.jsonl"):
        m.add(entry["label"], [entry["pattern"]])
    return m


class Clause:
    """A step's text as tokens with their tags, role and document spans, and its main clause start."""

    def __init__(self, text: str, not_after: frozenset[str] = frozenset()):
        nlp = load_nlp()
        self.doc = doc = nlp(text)
        self.tags: list[set[str]] = [set() for _ in doc]
        for match_id, start, _end in _matcher()(doc):
            self.tags[start].add(nlp.vocab.strings[match_id])
        before = frozenset(cues()["role_not_before"])
        self.roles = [e for e in doc.ents if e.label_ == "ROLE"
                      and not (e.start > 0 and doc[e.start - 1].lower_ in not_after)
                      and not (e.end < len(doc) and doc[e.end].lower_ in before)]
        self._where(doc)
        self.docs = [e for e in doc.ents if e.label_ == "DOC"]
        self.role_at = {e.start: e for e in self.roles}
        self.main, self.has_condition = self._main_start()

    def _where(self, doc: Any) -> None:
        """"Pimpinan Unit Kerja tempat Pejabat Fungsional atau Pelaksana (dimaksud) berada": "tempat ... berada"
        marks the side where the employees are (TUJUAN, as "dituju"), and the roles inside it only say where: they
        are no party of the step (no addressee, no tembusan). So are the roles of any clause that places the
        employees ("ditembuskan kepada Pimpinan Unit Kerja dimana Pejabat Fungsional atau Pelaksana berada",
        "tembusan kepada Kepala Perangkat Daerah tempat Pejabat Fungsional ... berkedudukan": the tembusan goes to
        the Pimpinan / Kepala only); only "tempat ... berada" is a side marker of its own ("dimana" is one by
        itself, and where the employees sit depends on the form: the unit asked in a penunjukan, their own unit
        in a pengajuan sukarela)."""
        for i, tok in enumerate(doc):
            if tok.lower_ not in ("tempat", "dimana", "mana") or tok.lower_ == "mana" and (
                    i == 0 or doc[i - 1].lower_ != "di"):
                continue
            end = next((j for j in range(i + 1, min(len(doc), i + 10))
                        if doc[j].lower_ in ("berada", "berkedudukan", "bertugas", "bekerja")), None)
            if end is None or any(doc[j].text in (",", ";") for j in range(i + 1, end)):
                continue
            if tok.lower_ == "tempat" and doc[end].lower_ == "berada":
                self.tags[i].add("TUJUAN")
            self.roles = [e for e in self.roles if not i < e.start < end]

    def has(self, i: int, label: str) -> bool:
        return 0 <= i < len(self.tags) and label in self.tags[i]

    def _comma_after(self, i: int, limit: int = 60) -> int:
        for j in range(i, min(len(self.doc), i + limit)):
            if self.doc[j].text == ",":
                return j
        return -1

    def _main_start(self) -> tuple[int, bool]:
        consequent = next((i for i in range(len(self.doc)) if self.has(i, "CONSEQUENT")), -1)
        opens = self.has(0, "CONDITION") or self.has(0, "FRONTED")
        if consequent >= 0:
            m = consequent + 1
        elif opens and (c := self._comma_after(0)) >= 0:
            m = c + 1
        else:
            m = 0
        if m < len(self.doc) and self.has(m, "FRONTED") and (c := self._comma_after(m, 15)) >= 0:
            m = c + 1  # "maka dengan rekomendasi dari pimpinan Unit Organisasi, Pejabat ..."
        while m < len(self.doc) and self.has(m, "MODAL"):
            m += 1
        return m, consequent >= 0 or self.has(0, "CONDITION")

    def verb_after(self, i: int) -> int:
        """The first verb at or after token ``i`` that is not inside a relative clause ("yang dituju")."""
        for j in range(i, len(self.doc)):
            if (self.has(j, "ACTIVE") or self.has(j, "PASSIVE")) and (j == 0 or self.doc[j - 1].lower_ != "yang"):
                return j
        return -1

    def agent_after(self, i: int) -> Any:
        """The role after "oleh" (within a few words) at or after token ``i``."""
        for j in range(i, len(self.doc)):
            if self.has(j, "AGENT"):
                return next((e for e in self.roles if j < e.start <= j + 5), None)
        return None

    def _acting_as(self, start: int, verb: int) -> Any:
        """The role a subject acts in ("Pejabat Fungsional ... yang berperan sebagai ketua tim melaporkan")."""
        end = verb if verb >= 0 else len(self.doc)
        for j in range(start, max(start, end - 2)):
            if self.doc[j].lower_ == "berperan" and self.doc[j + 1].lower_ == "sebagai":
                return self.role_at.get(j + 2)
        return None

    def _subject(self) -> Any:
        """The role opening the main clause, after a quantifier ("Setiap Pejabat Fungsional ...",
        "Masing-masing Ketua Tim ...": ``subject_leads`` of ``cues.json``)."""
        leads = frozenset(cues()["subject_leads"])
        i = self.main
        while i < len(self.doc) and self.doc[i].lower_ in leads:
            i += 1
        return self.role_at.get(i)

    def actor(self, loose: bool = False) -> Any:
        """The role span the clause makes act, or None (see the module docstring)."""
        subject = self._subject()
        if subject is not None:
            v = self.verb_after(subject.end)
            acting = self._acting_as(subject.end, v)
            if acting is not None:
                return acting
            if v >= 0 and self.has(v, "PASSIVE"):
                return self.agent_after(v)
            return subject
        v = self.verb_after(self.main)
        if v >= 0 and self.has(v, "PASSIVE") and (agent := self.agent_after(v)) is not None:
            return agent
        for e in self.roles:  # a role directly followed by an active verb
            j = e.end
            while j < len(self.doc) and self.has(j, "MODAL"):
                j += 1
            if e.start >= self.main and self.has(j, "ACTIVE"):
                return self._first_of(e)
        if self.has_condition:
            cond = [e for e in self.roles if e.start < self.main]
            if cond:
                return cond[0]
        if loose:
            return self.agent_after(0)
        return self._nominal_agent()

    def _first_of(self, e: Any) -> Any:
        """The first role of the coordination ``e`` closes ("Atasan langsung dan penanggung jawab tim melakukan
        reviu": the atasan langsung, the one named first, as a subject opening the clause would be)."""
        ends = {r.end: r for r in self.roles}
        while e.start > 0 and self.doc[e.start - 1].lower_ in _CONJ and (prev := ends.get(e.start - 1)) is not None:
            e = prev
        return e

    def _nominal_agent(self) -> Any:
        """The agent of a step told as a noun ("Penyusunan rencana kerja oleh Pimpinan Unit Organisasi"): the role
        after "oleh" when no verb stands before it in the main clause."""
        by = next((j for j in range(self.main, len(self.doc)) if self.has(j, "AGENT")), -1)
        if by < 0 or any(self.has(j, "ACTIVE") or self.has(j, "PASSIVE") for j in range(self.main, by)):
            return None
        return self.agent_after(by)

    def side_of(self, ent: Any) -> str | None:
        """"tujuan" / "asal" from the marker printed right after a role, else None."""
        for j in range(ent.end, min(len(self.doc), ent.end + 5)):
            if self.has(j, "TUJUAN"):
                return "tujuan"
            if self.has(j, "ASAL"):  # "... pemilik kinerja (yang) dituju": the owner asked, on the side asked
                ahead = range(j + 2, min(len(self.doc), j + 4))
                return "tujuan" if self.doc[j].lower_ == "pemilik" and any(self.has(k, "TUJUAN") for k in ahead) \
                    else "asal"
            tok = self.doc[j]
            other = self.role_at.get(j)
            if (other is not None and other.ent_id_ != "pemilik_kinerja") or tok.text in (",", ";") \
                    or self.has(j, "TO") or self.has(j, "CC") or self.has(j, "ACTIVE"):
                return None
        return None

    def agent_side(self) -> str | None:
        """The side marker of an agent that is no catalogue role ("disampaikan oleh Pimpinan Instansi Pemerintah
        yang dituju kepada Wali Kota": tujuan), read up to the addressee or the end of the phrase."""
        by = next((j for j in range(self.main, len(self.doc)) if self.has(j, "AGENT")), -1)
        for j in range(by + 1, min(len(self.doc), by + 9) if by >= 0 else 0):
            if self.has(j, "TO") or self.has(j, "CC") or self.doc[j].text in (",", ";", "."):
                return None
            if self.has(j, "TUJUAN") or self.has(j, "ASAL"):
                return "tujuan" if self.has(j, "TUJUAN") else "asal"
        return None

    def branch(self) -> str | None:
        """TOLAK / SETUJU in the condition, or in a relative clause of a fronted phrase ("Berdasarkan surat jawaban
        yang menyetujui permohonan, ..."); without either, a main verb that refuses ("Pimpinan Unit Kerja yang dituju
        dapat menolak permohonan dengan menyebutkan alasannya": the step is taken only on a refusal)."""
        if not self.has_condition:
            fronted = [i for i in range(1, self.main) if self.has(0, "FRONTED") and self.doc[i - 1].lower_ == "yang"]
            for label in ("TOLAK", "SETUJU"):  # "Berdasarkan surat jawaban yang menyetujui permohonan, ...": the
                if any(self.has(i, label) for i in fronted):  # phrase before the clause names the branch it takes
                    return label.lower()
            subject = self._subject()
            v = self.verb_after(subject.end) if subject is not None else -1
            return "tolak" if v >= 0 and self.has(v, "TOLAK") else None
        span = range(0, self.main)
        if any(self.has(i, "TOLAK") for i in span):
            return "tolak"
        if any(self.has(i, "SETUJU") for i in span):
            return "setuju"
        return None


def elided_subject(text: str) -> bool:
    """Whether a sub-step leaves its subject to the intro of its list: it opens with an active verb ("menyusun dan
    menetapkan perjanjian kinerja;") or names no verb at all ("reviu hasil kerja anggota tim;")."""
    c = Clause(text)
    v = c.verb_after(c.main)
    return v < 0 or v == c.main and c.has(v, "ACTIVE")


def opens_with_actor(text: str) -> bool:
    """Whether a clause opens with a role whose own verb, active, follows it ("Pejabat Penilai Kinerja
    menurunkannya ...")."""
    c = Clause(text)
    subject = c.role_at.get(0)
    if subject is None:
        return False
    v = c.verb_after(subject.end)
    return v >= 0 and c.has(v, "ACTIVE") and not any(c.doc[j].text in (",", ";") for j in range(subject.end, v))


def read_step(text: str, not_after: frozenset[str] = frozenset(), loose: bool = False) -> dict[str, Any]:
    """``{actor, actor_side, sides, to, cc, document, branch, hops}`` of one step's text (``hops``: each move of
    its letter in sequence, :mod:`rancang.model.hops`).

    ``sides``: role id -> side for the roles printed with a side marker in the condition; ``actor_side``: the
    marker after the actor, else its marker in the condition. ``loose``: the text is a procedure's
    own defining sentence, whose agent may sit in a relative clause ("... yang dilakukan langsung oleh X")."""
    c = Clause(text, not_after)
    actor = c.actor(loose)
    sides: dict[str, str] = {}  # roles marked in the condition ("apabila Pejabat ... dituju menyetujui, maka ...")
    for e in c.roles:
        if e.start >= c.main:
            break
        side = c.side_of(e)
        if side and e.ent_id_ not in sides:
            sides[e.ent_id_] = side
    key = actor.ent_id_ if actor is not None else None
    cc_at = next((i for i in range(len(c.doc)) if c.has(i, "CC")), len(c.doc))
    to = [e.ent_id_ for e in c.roles if e.start > 0 and c.has(e.start - 1, "TO") and e.start < cc_at
          and e.ent_id_ != key]
    cc = [e.ent_id_ for e in c.roles if e.start > cc_at and e.ent_id_ != key]
    hops = read_hops(c, actor)
    to += [x["role"] for h in hops for x in h["to"]]  # an instruction's object is its addressee too
    cc += [x["role"] for h in hops for x in h["cc"]]  # the actor's own office on the other side ("Kepala Perangkat
    # Daerah pemohon mengirimkan ... dengan tembusan Kepala Perangkat Daerah yang dituju") is a tembusan too
    return {"actor": key, "actor_side": (c.side_of(actor) or sides.get(actor.ent_id_)) if actor is not None
            else c.agent_side(),
            "sides": sides, "to": list(dict.fromkeys(to)), "cc": list(dict.fromkeys(cc)),
            "document": step_document(c, actor), "branch": c.branch(), "hops": hops}


@cache
def _stems(phrase: str) -> tuple[str, ...]:
    """The stems of a cue phrase's words (the lemmas :mod:`rancang.meaning` gives them)."""
    return tuple(t.lemma_ for t in meaning.doc(phrase) if not t.is_punct)


def _says(words: list[Any], phrases: list[str]) -> bool:
    """Whether the tokens ``words`` (a verb and what follows it) open with one of ``phrases`` by word family: the
    same stems in order, the verb of the same voice ("menolak" is "menolak", "bertugas" is not "menugaskan")."""
    for phrase in phrases:
        want = _stems(phrase)
        if want and len(words) >= len(want) and tuple(t.lemma_ for t in words[:len(want)]) == want \
                and words[0].lower_[:2] == phrase[:2]:
            return True
    return False


def step_document(c: Clause, actor: Any) -> str | None:
    """The document a step carries: typed by what its main verb does (``step_documents`` of ``cues.json``, matched
    on word stems: the reply for "menjawab ... dengan alasan" or "memberikan jawaban penolakan", the
    instruksi/disposisi for "menginstruksikan", the surat tugas or penugasan for "menugaskan", the permohonan for
    "mengajukan permohonan" ...), else the first document its main clause names, else the first it names; a
    refusal that names none but gives its reasons ("Apabila permohonan ditolak, X memberitahukan penolakan dengan
    menyebutkan alasannya") carries the reply."""
    named = [d for d in c.docs if d.start >= c.main] or c.docs
    start = actor.end if actor is not None and actor.start >= c.main else c.main
    # the actor's own verb: not one of a relative clause ("Pejabat Fungsional yang berminat ... mengajukan")
    v = next((j for j in range(start, len(c.doc)) if c.has(j, "ACTIVE") and c.doc[j - 1].lower_ != "yang"), -1)
    passive = -1
    if v < 0 and actor is not None:  # "Pengajuan sukarela ... diajukan oleh Pejabat Fungsional": the verb before
        passive = next((j for j in range(c.main, actor.start) if c.has(j, "PASSIVE")), -1)  # its agent
    if v >= 0 or passive >= 0:
        words = [t for t in c.doc[max(v, passive):max(v, passive) + 6] if not t.is_punct]
        rule_set = cues()["step_documents"]
        stems = {t.lemma_ for t in c.doc}
        for rule in rule_set["rules"]:
            if not _says(words, rule["does"] if v >= 0 else rule.get("passive", [])):
                continue
            kept = [d for d in named if d.ent_id_ in rule["keep"]] or [d for d in c.docs if d.ent_id_ in rule["keep"]]
            if kept:
                return str(kept[0].ent_id_)
            low = c.doc.text.lower()
            if any(s in low for s in rule_set["spoken"]):
                return None
            if c.docs or any(_stems(r)[0] in stems for r in rule_set["reasons"]) \
                    or _says(words, rule.get("implied", [])) or any(w in low for w in rule_set["written"]):
                return str(rule["document"])
            return None
    if not named and c.branch() == "tolak" and any(_stems(r)[0] in {t.lemma_ for t in c.doc}
                                                    for r in cues()["step_documents"]["reasons"]):
        return str(cues()["reply_document"])  # a refusal told with its reasons, whatever its verb: the reply
    return str(named[0].ent_id_) if named else None
