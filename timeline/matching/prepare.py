"""Per-record facts the matcher needs, computed once into arrays (records in a stable order)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ingest.records import SourceRecord

from .config import MatchConfig
from .kinds import KIND_CODE, KINDS, meeting_words, record_kind, written_before
from .normalise import Normaliser, frequent_words, tokens
from .signals import (
    AGENCY_KINDS,
    EVENT_TYPES,
    GENERIC_TYPES,
    TOPICS,
    agency_kind,
    agency_specialism,
    is_notification,
    references,
    reported_dates,
    text_dates,
    text_facts,
    without_boilerplate,
)

_MAY_NAME_DATE = re.compile(
    r"\d|yesterday|last night|previous day|day before|weekend"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    re.IGNORECASE,
)
PRECISE = ("exact", "day")
SIGNATURE = 3  # rarest tokens per record used to rank blocking candidates
NO_DATE = -(10**9)
MAX_TOKENS = 12  # tokens kept per record for overlap (highest inverse frequency first)
_TYPE_BIT = {name: 1 << i for i, name in enumerate(EVENT_TYPES)}
_GENERIC_BITS = sum(_TYPE_BIT[name] for name in GENERIC_TYPES)
_TOPIC_BIT = {name: 1 << i for i, name in enumerate(TOPICS)}
_KIND_BIT = {name: 1 << i for i, name in enumerate(AGENCY_KINDS)}


@dataclass
class Prepared:
    records: list[SourceRecord]  # sorted by record_id
    ids: list[str]
    index: dict[str, int]
    texts: list[str]  # normalised
    start: np.ndarray  # date ordinal, int64
    end: np.ndarray
    precise: np.ndarray  # bool: a single known day
    minutes: np.ndarray  # minutes after midnight, -1 when no time
    agency: np.ndarray  # int code
    agency_names: list[str]
    notification: np.ndarray  # bool
    types: np.ndarray  # int bitmask of event types
    type_names: list[frozenset[str]]
    topics: np.ndarray  # int bitmask of specific subjects
    topic_names: list[frozenset[str]]
    text_dates: list[list[int]]  # ordinals of dates written in the text
    kind: np.ndarray  # bit of the record's own kind of agency (0 when not recognised)
    named: np.ndarray  # bitmask of the kinds of agency its text names
    tok: np.ndarray  # (n, MAX_TOKENS) token ids, -1 padded, unique per row
    tok_w: np.ndarray  # (n, MAX_TOKENS) inverse document frequency, 0 padded
    tok_total: np.ndarray  # (n,) sum of tok_w
    vocab: list[str]
    refs: np.ndarray  # (n, R) reference numbers (their digits as int), -1 padded
    rkind: np.ndarray  # KIND_CODE of the record's own kind (kinds.py)
    meetings: list[frozenset[str]]  # meetings its text names
    signature: np.ndarray  # (n, SIGNATURE) the rarest token ids, -1 padded (blocking rank)
    td: np.ndarray  # (n, D) text_dates as ordinals, NO_DATE padded (vectorised comparisons)
    # Many entries repeat word for word: per-text work (features.py) is done once per
    # distinct normalised text. text_id: index into `distinct`; first: a record of each.
    text_id: np.ndarray  # (n,) int64
    distinct: list[str]  # the distinct normalised texts
    first: np.ndarray  # (len(distinct),) the first record index of each distinct text
    sorted_words: list[str]  # per distinct text, its words sorted (token_sort_ratio's form)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)'\"])[.!?;]\s+(?=[A-Z])")


def _lead(description: str) -> str | None:
    """The first sentence of a description of several sentences, else None."""
    parts = _SENTENCE_END.split(description.strip(), maxsplit=1)
    return parts[0] if len(parts) == 2 and parts[1].strip() else None


def record_text(rec: SourceRecord, description: str | None = None) -> str:
    desc = rec.description if description is None else description
    return f"{desc} {rec.outcome}".strip() if rec.outcome else desc


# A conference that does not say which ("Child protection case conference", "CPPM"
# in Scotland, "conference" after the glossary) is neither an initial nor a review one.
_BARE_CONFERENCE = re.compile(r"(?<!initial )(?<!review )(?<!transfer in )\bconference\b")
_CONFERENCES = (_TYPE_BIT["initial conference"], _TYPE_BIT["review conference"])


def _conference_of_the_day(types, type_names, described, form_id, start, end):  # noqa: ANN001, ANN202
    """An agency that writes "case conference" without saying initial or review was at
    the conference the other agencies' records of that day name, when they name exactly
    one kind: it takes that kind of event (an ICPC and an RCPC are never the same day)."""
    # each distinct form read once (a dense review has a third as many as records)
    forms = [f for f, d in enumerate(described) if "conference" in d and _BARE_CONFERENCE.search(d)]
    if not forms:
        return types, type_names
    bare = np.flatnonzero(np.isin(form_id, forms))
    bare = bare[(types[bare] & (_CONFERENCES[0] | _CONFERENCES[1])) == 0].tolist()
    held: dict[int, int] = {}
    for i in np.flatnonzero(types & (_CONFERENCES[0] | _CONFERENCES[1])).tolist():
        if start[i] == end[i]:
            held[int(start[i])] = held.get(int(start[i]), 0) | int(types[i])
    types = types.copy()
    type_names = list(type_names)
    for i in bare:
        if start[i] != end[i]:
            continue
        # the day itself, else the nearest of the three before (an entry written late)
        day = next((d for d in range(int(start[i]), int(start[i]) - 4, -1) if d in held), None)
        kinds = [c for c in _CONFERENCES if held.get(day, 0) & c]
        if len(kinds) == 1:
            types[i] |= kinds[0]
            name = "initial conference" if kinds[0] == _CONFERENCES[0] else "review conference"
            type_names[i] = type_names[i] | {name}
    return types, type_names


# An entry written days after the event, saying so: "Late entry:", "(late entry re
# 12/03)", "(Entered late)", "written up retrospectively".
LATE_DAYS = 3  # a late entry that names no day: its event was up to this many days before
_LATE = re.compile(
    r"\blate entry\b|\bentered late\b|\bwritten up late\b|\bretrospective(?:ly)?\b",
    re.IGNORECASE,
)


def _late_entries(form_id, f_recs, tdates, start, end, precise):  # noqa: ANN001, ANN202
    """A late entry is dated the day it was written; the day it names (one day, up to 14
    before) is the day of its event, and the day it is compared on: one agency's note of
    a meeting or a call-out written up three days later is that meeting, that call-out.
    One that names no day happened in the `LATE_DAYS` before it: a range, like a week."""
    forms = [
        f
        for f, r in enumerate(f_recs)
        if ("late" in r.description or "LATE" in r.description or "etro" in r.description)
        and _LATE.search(r.description)
    ]
    if not forms:
        return start, end, precise
    late = np.flatnonzero(np.isin(form_id, forms)).tolist()
    start, end, precise = start.copy(), end.copy(), precise.copy()
    for i in late:
        if start[i] != end[i]:
            continue
        days = {d for d in tdates[i] if start[i] - 14 <= d < start[i]}
        if len(days) == 1:
            start[i] = end[i] = days.pop()
        elif not tdates[i]:
            start[i] -= LATE_DAYS
            precise[i] = False
    return start, end, precise


def prepare(records: Sequence[SourceRecord], config: MatchConfig) -> Prepared:
    """Sort records by id (so any input order gives the same result) and derive features."""
    recs = sorted(records, key=lambda r: r.record_id)
    ids = [r.record_id for r in recs]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise ValueError(f"record id {dup} appears twice")
    norm = Normaliser(config.extra_terms, keep=frequent_words(r.description for r in recs))
    # signals.without_boilerplate: sentences many entries repeat are not compared
    bodies = without_boilerplate([r.description for r in recs])
    n = len(recs)
    # Every fact read from the wording is a function of a record's description and
    # outcome: each distinct (description, outcome), a "form" (a dense review has a
    # third as many as records), is read once and its facts spread to its records.
    form_of: dict[tuple, int] = {}
    fids = []
    rep = []  # a record of each form (its first)
    for i, r in enumerate(recs):
        key = (r.description, r.outcome)
        f = form_of.get(key)
        if f is None:
            f = form_of[key] = len(rep)
            rep.append(i)
        fids.append(f)
    form_id = np.array(fids, dtype=np.int64)
    f_recs = [recs[i] for i in rep]
    f_texts = [norm(record_text(recs[i], bodies[i])) for i in rep]
    texts = [f_texts[f] for f in fids]
    start = np.fromiter((r.date.start.toordinal() for r in recs), dtype=np.int64, count=n)
    end = np.fromiter((r.date.end.toordinal() for r in recs), dtype=np.int64, count=n)
    precise = np.fromiter(
        (r.date.precision in PRECISE and r.date.start == r.date.end for r in recs),
        dtype=bool,
        count=n,
    )
    minutes = np.fromiter(
        (r.date.time.hour * 60 + r.date.time.minute if r.date.time else -1 for r in recs),
        dtype=np.int64,
        count=n,
    )
    agency_names = sorted({r.agency.casefold().strip() for r in recs})
    acode = {a: i for i, a in enumerate(agency_names)}
    agency = np.fromiter((acode[r.agency.casefold().strip()] for r in recs), np.int64, n)
    # Many entries repeat word for word ("Home visit"): read each distinct text once.
    distinct = list(dict.fromkeys(f_texts))  # = dict.fromkeys(texts): forms run in order
    tid_of = {t: i for i, t in enumerate(distinct)}
    f_tid = np.fromiter((tid_of[t] for t in f_texts), dtype=np.int64, count=len(rep))
    text_id = f_tid[form_id]
    first = np.zeros(len(distinct), dtype=np.int64)
    first[text_id[::-1]] = np.arange(n - 1, -1, -1)
    facts = {t: text_facts(t) for t in distinct}
    kinds = {a: _KIND_BIT.get(agency_kind(a) or "", 0) for a in {r.agency for r in recs}}
    kind = np.fromiter((kinds[r.agency] for r in recs), dtype=np.int64, count=n)
    f_named = np.fromiter(
        (sum(_KIND_BIT[x] for x in facts[t][2]) for t in f_texts), np.int64, len(rep)
    )
    # Notification wording is read in the description only: an outcome cell saying "PPN
    # submitted" is the police sending a notification, not a record of receiving one.
    described = [norm(r.description) if r.outcome else f_texts[f] for f, r in enumerate(f_recs)]
    # A narrative entry leads with what the record is ("Home visit.", "PPN received.");
    # the sentences after it mention other events (an earlier incident, the next core
    # group): its kind of event, kind of record and notice wording come from the lead.
    leads = [_lead(r.description) for r in f_recs] if config.lead_sentence else [None] * len(rep)
    if config.lead_sentence:
        described = [
            norm(ld) if ld is not None else d for ld, d in zip(leads, described, strict=True)
        ]
        lead_types = {t: (facts[t] if t in facts else text_facts(t))[0] for t in set(described)}
        f_types = [
            lead_types[d] or facts[t][0] if ld is not None else facts[t][0]
            for ld, d, t in zip(leads, described, f_texts, strict=True)
        ]
    else:
        f_types = [facts[t][0] for t in f_texts]
    type_names = [f_types[f] for f in fids]
    notice = {t: is_notification(t) for t in set(described)}
    f_notice = [notice[t] for t in described]
    notification = np.array(f_notice, dtype=bool)[form_id]
    f_type_bits = [sum(_TYPE_BIT[x] for x in ts) for ts in f_types]
    types = np.array(f_type_bits, dtype=np.int64)[form_id]
    # a specialist agency's records are about its specialism, whatever else they name
    # (a domestic abuse service's "High risk referral in - incident on 30/09")
    special = {a: _TYPE_BIT.get(agency_specialism(a) or "", 0) for a in kinds}
    bits = np.fromiter((special[r.agency] for r in recs), dtype=np.int64, count=n)
    types = types | bits
    types, type_names = _conference_of_the_day(types, type_names, described, form_id, start, end)
    f_topics = [facts[t][1] for t in f_texts]
    topic_names = [f_topics[f] for f in fids]
    f_topic_bits = [sum(_TOPIC_BIT[x] for x in ts) for ts in f_topics]
    topic_bits = np.array(f_topic_bits, dtype=np.int64)[form_id]
    # Most entries name no date: only texts with a digit or "yesterday" are parsed, and
    # each (text, date) once.
    may_name = [_MAY_NAME_DATE.search(r.description) is not None for r in f_recs]
    dated: dict[tuple[str, object], list[int]] = {}
    tdates: list[list[int]] = [[] for _ in range(n)]
    for k, f in enumerate(fids):
        if not may_name[f]:
            continue  # nor can its lead, a part of it
        r = recs[k]
        desc = r.description
        # A narrative entry's lead says what it is about ("PPN re DA incident on
        # 09/05/14."); dates in the sentences after it are of other events ("A PPN for
        # 07/05 was also received"): the lead's dates, when it names any, are the entry's.
        lead = leads[f]
        if lead is not None and _MAY_NAME_DATE.search(lead):
            key = (lead, r.date.end)
            if key not in dated:
                dated[key] = [d.toordinal() for d in text_dates(lead, r.date.end)]
            if dated[key]:
                tdates[k] = dated[key]
                continue
        key = (desc, r.date.end)
        if key not in dated:
            dated[key] = [d.toordinal() for d in text_dates(desc, r.date.end)]
        tdates[k] = dated[key]

    # Inverse document frequency over this review's records: words every agency uses
    # ("visit", "child") count for little, rare ones ("section47", "fracture") for a lot.
    tok_of = {t: list(dict.fromkeys(tokens(t))) for t in facts}
    # document frequency: each distinct text's tokens, counted once per record of it
    df: Counter[str] = Counter()
    for t, c in zip(distinct, np.bincount(text_id, minlength=len(distinct)).tolist(), strict=True):
        for w in tok_of[t]:
            df[w] += c
    vocab = sorted(df)
    vid = {t: i for i, t in enumerate(vocab)}
    idf_by_tok = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    width = max((min(len(tok_of[t]), MAX_TOKENS) for t in distinct), default=1) or 1
    # one row per distinct text (a text's tokens and their weights are the same in every
    # record of it), then one row per record
    tok_u = np.full((len(distinct), width), -1, dtype=np.int32)
    tok_wu = np.zeros((len(distinct), width), dtype=np.float32)
    for i, t in enumerate(distinct):
        ts = tok_of[t]
        if len(ts) > MAX_TOKENS:
            ts = sorted(ts, key=lambda t: -idf_by_tok[t])[:MAX_TOKENS]
        tok_u[i, : len(ts)] = [vid[t] for t in ts]
        tok_wu[i, : len(ts)] = [idf_by_tok[t] for t in ts]
    tok, tok_w = tok_u[text_id], tok_wu[text_id]
    # the kind of record: from the lead of a narrative entry, else the whole text
    kind_of = {}
    f_kind = []
    for ld, d, t, nt in zip(leads, described, f_texts, f_notice, strict=True):
        kt = d if ld is not None else t
        code = kind_of.get((kt, nt))
        if code is None:
            code = kind_of[(kt, nt)] = KIND_CODE[record_kind(kt, nt)]
        f_kind.append(code)
    rkind = np.array(f_kind, dtype=np.int64)[form_id]
    # which meetings a text names: only meetings and their follow-ups need it (relations)
    wanted = (KIND_CODE["meeting"], KIND_CODE["follow-up"], KIND_CODE["report"])
    meeting_of = {t: meeting_words(t) for t, k in zip(f_texts, f_kind, strict=True) if k in wanted}
    # tokens were stored rarest-first only when truncated: rank them here
    order = np.argsort(-tok_w, axis=1, kind="stable")[:, :SIGNATURE]
    signature = np.take_along_axis(tok, order, axis=1)
    if signature.shape[1] < SIGNATURE:
        pad = np.full((n, SIGNATURE - signature.shape[1]), -1, dtype=signature.dtype)
        signature = np.hstack([signature, pad])
    # many entries repeat word for word: read each distinct description and outcome once
    # (references(x, y, z) is the union of each text's own), the union of a form's two
    # once, and then each record's own reference field
    ref_of: dict[str, frozenset[str]] = {}

    def refs_in(text: str | None) -> frozenset[str]:
        if not text:
            return frozenset()
        one = ref_of.get(text)
        if one is None:
            one = ref_of[text] = references(text)
        return one

    f_refs = [refs_in(r.description) | refs_in(r.outcome) for r in f_recs]
    ref_sets = [f_refs[f] | refs_in(r.reference) for f, r in zip(fids, recs, strict=True)]
    width = min(max((len(x) for x in ref_sets), default=0), 3) or 1
    refs = np.full((n, width), -1, dtype=np.int64)
    for i, rs in enumerate(ref_sets):
        if not rs:
            continue
        for k, digits in enumerate(sorted(rs)[:width]):
            refs[i, k] = int(digits[-18:])
    ends, before = end.tolist(), {}
    for i, ds in enumerate(tdates):
        if ds:
            f = fids[i]
            wb = before.get(f)
            if wb is None:
                wb = before[f] = written_before(f_texts[f], KINDS[f_kind[f]])
            tdates[i] = reported_dates(ds, ends[i], wb)
    start, end, precise = _late_entries(form_id, f_recs, tdates, start, end, precise)
    td = np.full((n, max((len(x) for x in tdates), default=0) or 1), NO_DATE, dtype=np.int64)
    for i, ds in enumerate(tdates):
        if ds:
            td[i, : len(ds)] = ds
    return Prepared(
        records=recs,
        ids=ids,
        index={rid: i for i, rid in enumerate(ids)},
        texts=texts,
        start=start,
        end=end,
        precise=precise,
        minutes=minutes,
        agency=agency,
        agency_names=agency_names,
        notification=notification,
        types=types,
        type_names=type_names,
        topics=topic_bits,
        topic_names=topic_names,
        text_dates=tdates,
        kind=kind,
        named=f_named[form_id],
        tok=tok,
        tok_w=tok_w,
        tok_total=tok_w.sum(axis=1),
        vocab=vocab,
        refs=refs,
        rkind=rkind,
        meetings=[meeting_of.get(t, frozenset()) for t in texts],
        signature=signature,
        td=td,
        text_id=text_id,
        distinct=distinct,
        first=first,
        sorted_words=[" ".join(sorted(t.split())) for t in distinct],
    )
