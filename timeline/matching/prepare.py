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
    r"\d|yesterday|last night|previous day|day before|(?:mon|tues|wednes|thurs|fri|satur|sun)day",
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
    texts = [norm(record_text(r, d)) for r, d in zip(recs, bodies, strict=True)]
    n = len(recs)
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
    distinct = list(dict.fromkeys(texts))
    tid_of = {t: i for i, t in enumerate(distinct)}
    text_id = np.fromiter((tid_of[t] for t in texts), dtype=np.int64, count=n)
    first = np.zeros(len(distinct), dtype=np.int64)
    first[text_id[::-1]] = np.arange(n - 1, -1, -1)
    facts = {t: text_facts(t) for t in distinct}
    kinds = {a: _KIND_BIT.get(agency_kind(a) or "", 0) for a in {r.agency for r in recs}}
    kind = np.fromiter((kinds[r.agency] for r in recs), dtype=np.int64, count=n)
    named = np.fromiter(
        (sum(_KIND_BIT[x] for x in facts[t][2]) for t in texts), dtype=np.int64, count=n
    )
    # Notification wording is read in the description only: an outcome cell saying "PPN
    # submitted" is the police sending a notification, not a record of receiving one.
    described = [norm(r.description) if r.outcome else texts[i] for i, r in enumerate(recs)]
    # A narrative entry leads with what the record is ("Home visit.", "PPN received.");
    # the sentences after it mention other events (an earlier incident, the next core
    # group): its kind of event, kind of record and notice wording come from the lead.
    if config.lead_sentence:
        lead_of = {d: _lead(d) for d in {r.description for r in recs}}  # each text once
        leads = [lead_of[r.description] for r in recs]
        described = [
            norm(ld) if ld is not None else d for ld, d in zip(leads, described, strict=True)
        ]
        lead_types = {t: (facts[t] if t in facts else text_facts(t))[0] for t in set(described)}
        type_names = [
            lead_types[d] or facts[t][0] if ld is not None else facts[t][0]
            for ld, d, t in zip(leads, described, texts, strict=True)
        ]
    else:
        type_names = [facts[t][0] for t in texts]
    notice = {t: is_notification(t) for t in set(described)}
    notification = np.fromiter((notice[t] for t in described), dtype=bool, count=n)
    types = np.fromiter(
        (sum(_TYPE_BIT[x] for x in ts) for ts in type_names), dtype=np.int64, count=n
    )
    # a specialist agency's records are about its specialism, whatever else they name
    # (a domestic abuse service's "High risk referral in - incident on 30/09")
    special = {a: _TYPE_BIT.get(agency_specialism(a) or "", 0) for a in kinds}
    bits = np.fromiter((special[r.agency] for r in recs), dtype=np.int64, count=n)
    types = types | bits
    topic_names = [facts[t][1] for t in texts]
    topic_bits = np.fromiter(
        (sum(_TOPIC_BIT[x] for x in ts) for ts in topic_names), dtype=np.int64, count=n
    )
    # Most entries name no date: only texts with a digit or "yesterday" are parsed, and
    # each (text, date) once.
    dated: dict[tuple[str, object], list[int]] = {}
    may_name: dict[str, bool] = {}  # each distinct text searched once
    tdates = []
    for k, r in enumerate(recs):
        desc = r.description
        # A narrative entry's lead says what it is about ("PPN re DA incident on
        # 09/05/14."); dates in the sentences after it are of other events ("A PPN for
        # 07/05 was also received"): the lead's dates, when it names any, are the entry's.
        lead = leads[k] if config.lead_sentence else None
        if lead is not None and _MAY_NAME_DATE.search(lead):
            key = (lead, r.date.end)
            if key not in dated:
                dated[key] = [d.toordinal() for d in text_dates(lead, r.date.end)]
            if dated[key]:
                tdates.append(dated[key])
                continue
        named_date = may_name.get(desc)
        if named_date is None:
            named_date = may_name[desc] = _MAY_NAME_DATE.search(desc) is not None
        if not named_date:
            tdates.append([])
            continue
        key = (desc, r.date.end)
        if key not in dated:
            dated[key] = [d.toordinal() for d in text_dates(desc, r.date.end)]
        tdates.append(dated[key])

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
    kind_text = [
        d if config.lead_sentence and ld is not None else t
        for ld, d, t in zip(
            leads if config.lead_sentence else [None] * n, described, texts, strict=True
        )
    ]
    kind_of = {}
    for t, d in zip(kind_text, described, strict=True):
        if (t, notice[d]) not in kind_of:
            kind_of[(t, notice[d])] = KIND_CODE[record_kind(t, notice[d])]
    rkind = np.fromiter(
        (kind_of[(t, notice[d])] for t, d in zip(kind_text, described, strict=True)), np.int64, n
    )
    # which meetings a text names: only meetings and their follow-ups need it (relations)
    wanted = (KIND_CODE["meeting"], KIND_CODE["follow-up"], KIND_CODE["report"])
    meeting_of = {
        t: meeting_words(t) for t, k in zip(texts, rkind.tolist(), strict=True) if k in wanted
    }
    # tokens were stored rarest-first only when truncated: rank them here
    order = np.argsort(-tok_w, axis=1, kind="stable")[:, :SIGNATURE]
    signature = np.take_along_axis(tok, order, axis=1)
    if signature.shape[1] < SIGNATURE:
        pad = np.full((n, SIGNATURE - signature.shape[1]), -1, dtype=signature.dtype)
        signature = np.hstack([signature, pad])
    # many entries repeat word for word: read each distinct description and outcome once
    # (references(x, y, z) is the union of each text's own)
    ref_of: dict[str, frozenset[str]] = {}
    ref_sets = []
    by_fields: dict[tuple, frozenset[str]] = {}  # one union per distinct set of fields
    for r in recs:
        fields = (r.description, r.outcome, r.reference)
        got = by_fields.get(fields)
        if got is not None:
            ref_sets.append(got)
            continue
        got = frozenset()
        for text in (r.description, r.outcome, r.reference):
            if not text:
                continue
            one = ref_of.get(text)
            if one is None:
                one = ref_of[text] = references(text)
            got = got | one if got else one
        by_fields[fields] = got
        ref_sets.append(got)
    width = min(max((len(x) for x in ref_sets), default=0), 3) or 1
    refs = np.full((n, width), -1, dtype=np.int64)
    for i, rs in enumerate(ref_sets):
        if not rs:
            continue
        for k, digits in enumerate(sorted(rs)[:width]):
            refs[i, k] = int(digits[-18:])
    tdates = [
        reported_dates(ds, e, written_before(t, KINDS[k])) if ds else ds
        for ds, e, k, t in zip(tdates, end.tolist(), rkind.tolist(), texts, strict=True)
    ]
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
        named=named,
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
