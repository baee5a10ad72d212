"""Map an agency's header text to canonical fields, with a confidence for each.

Exact synonyms first, then rapidfuzz against the synonym list; each field goes to the
column that fits it best, and a tie is reported as ambiguous rather than guessed.
A per-agency profile (a person's correction) always wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ingest.header_words import header_cores
from ingest.records import ColumnMatch
from ingest.textnorm import norm_label

FIELDS = (
    "date",
    "time",
    "end_date",
    "description",
    "outcome",
    "practitioner",
    "source",
    "agency",
    "reference",
    "significance",
    "event_type",
)
REQUIRED = ("date", "description")

SYNONYMS: dict[str, list[str]] = {
    "date": [
        "date",
        "event date",
        "date of event",
        "date of contact",
        "contact date",
        "date time",
        "date and time",
        "datetime",
        "when",
        "attendance date",
        "incident date",
        "occurrence date",
        "date of incident",
        "date of attendance",
        "start date",
        "from",
        "date from",
        "date of entry",
        "entry date",
        "date seen",
        "appointment date",
        "date of meeting",
        "date of occurrence",
        "day",
    ],
    "time": [
        "time",
        "arrival time",
        "time of contact",
        "time of incident",
        "time of event",
        "start time",
        "time seen",
    ],
    "end_date": ["end date", "date to", "to", "until", "end", "finish date", "date ended"],
    "description": [
        "event",
        "description",
        "details",
        "event contact",
        "event or contact",
        "what happened",
        "summary",
        "occurrence",
        "presenting complaint",
        "contact",
        "entry",
        "narrative",
        "significant event",
        "summary of event",
        "event description",
        "details of contact",
        "information",
        "event details",
        "incident",
        "incident details",
        "description of event",
        "contact details",
        "note",
        "notes",
        "record",
        "summary of contact",
        "key event",
        "episode",
        "reason for contact",
        "event and details",
    ],
    "outcome": [
        "outcome",
        "action",
        "action taken",
        "outcome action",
        "plan",
        "actions",
        "result",
        "next steps",
        "decision",
        "outcome and action",
        "actions taken",
        "action and outcome",
        "response",
        "outcome of contact",
        "disposal",
        "follow up",
    ],
    "practitioner": [
        "practitioner",
        "worker",
        "staff",
        "officer",
        "clinician",
        "author",
        "professional",
        "practitioner role",
        "name role",
        "name and role",
        "recorded by",
        "staff member",
        "worker role",
        "seen by",
        "lead professional",
        "by whom",
        "completed by",
        "professional involved",
        "role",
    ],
    "source": [
        "source",
        "source of information",
        "information source",
        "reported by",
        "referrer",
        "source of referral",
        "informant",
    ],
    "agency": [
        "agency",
        "organisation",
        "organization",
        "service",
        "agency name",
        "agency service",
    ],
    "reference": [
        "ref",
        "reference",
        "id",
        "record id",
        "case number",
        "crime ref",
        "crime reference",
        "occurrence number",
        "log number",
        "urn",
        "incident number",
        "ref no",
        "reference number",
        "episode id",
    ],
    "significance": [
        "significance",
        "relevance",
        "why significant",
        "rationale",
        "analysis",
        "significance to review",
        "comment",
        "comments",
        "reviewer comment",
        "risk",
        "rag",
        "agency comment",
        "learning",
    ],
    "event_type": [
        "contact type",
        "type",
        "event type",
        "category",
        "type of contact",
        "contact event type",
        "activity",
        "attendance type",
    ],
}

# Headers that look like a field but must never be mapped to it.
NEVER = {"date of birth", "dob", "d o b", "nhs number", "nhs no", "age"}

FUZZY_MIN = 82  # below this a header is left unmapped (kept in `extra`)

_LOOKUP = {norm_label(s): f for f, syns in SYNONYMS.items() for s in syns}
_CHOICES = list(_LOOKUP)


@dataclass
class Mapping:
    columns: list[ColumnMatch]
    problems: list[str]  # a required field is missing: the table cannot be imported
    warnings: list[str]  # a field could be in two columns: the best was taken, and said so

    def index_of(self, field: str) -> int | None:
        for c in self.columns:
            if c.field == field:
                return c.index
        return None

    @property
    def ok(self) -> bool:
        return not self.problems


def score_header(header: str) -> tuple[str | None, float, str]:
    """(field, confidence 0..1, how) for one header cell."""
    key = norm_label(header)
    if not key or key in NEVER:
        return None, 0.0, "none"
    if key in _LOOKUP:
        return _LOOKUP[key], 1.0, "synonym"
    # "Date/Time of contact" and other combined headers: score each field's synonyms.
    hit = process.extractOne(key, _CHOICES, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_MIN)
    if hit is None:
        hit = process.extractOne(key, _CHOICES, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    if hit is None:
        return _core_score(header)
    fuzzy = (_LOOKUP[hit[0]], round(hit[1] / 100.0, 2), "fuzzy")
    if fuzzy[1] < 0.9:  # "At (time)" is close to "date time", but its core says "time"
        core = _core_score(header)
        return core if core[1] > fuzzy[1] else fuzzy
    return fuzzy


def _core_score(header: str) -> tuple[str | None, float, str]:
    """The best field the header's core names ("Time (24hr)", "Dyddiad / Date"), at 0.9 of
    its confidence: the words around a name are set aside (ingest/header_words.py)."""
    best: tuple[str | None, float, str] = (None, 0.0, "none")
    for core in header_cores(header):
        field, conf, _ = score_header(core)
        if field and 0.9 * conf > best[1]:
            best = (field, round(0.9 * conf, 2), "fuzzy")
    return best


def header_fields(row: list[object]) -> int:
    """How many distinct canonical fields a row's cells name (header detection)."""
    seen = set()
    for value in row:
        if isinstance(value, str) and len(value) <= 80:
            field, conf, _ = score_header(value)
            if field and conf >= 0.9:
                seen.add(field)
    return len(seen) + (1 if {"date", "description"} <= seen else 0)


def map_columns(headers: list[str], overrides: dict[str, str] | None = None) -> Mapping:
    """Assign canonical fields to columns. `overrides` maps header text -> field (or "" to
    ignore the column), as saved in an agency profile."""
    overrides = {norm_label(k): v for k, v in (overrides or {}).items()}
    candidates: list[ColumnMatch] = []
    for index, header in enumerate(headers):
        key = norm_label(header)
        if key in overrides:
            field = overrides[key] or None
            candidates.append(ColumnMatch(header, index, field, 1.0, "profile"))
            continue
        field, conf, how = score_header(header)
        candidates.append(ColumnMatch(header, index, field, conf, how))

    problems: list[str] = []
    warnings: list[str] = []
    # Each field to its best column; the others lose the field (and keep their text in extra).
    for field in FIELDS:
        claimed = [c for c in candidates if c.field == field]
        if len(claimed) <= 1:
            continue
        claimed.sort(key=lambda c: (-c.confidence, _PROFILE_FIRST.get(c.how, 9), c.index))
        best, rest = claimed[0], claimed[1:]
        if field in REQUIRED and rest[0].confidence == best.confidence and best.how != "profile":
            names = ", ".join(f"'{c.header}'" for c in claimed if c.confidence == best.confidence)
            warnings.append(
                f"the {field} could be in more than one column ({names}): "
                f"took '{best.header}'; say which in the column mapping"
            )
        for c in rest:
            c.field = None
    for field in REQUIRED:
        if not any(c.field == field for c in candidates):
            shown = ", ".join(f"'{h}'" for h in headers if h) or "(none)"
            problems.append(
                f"no column for the {field} was recognised among the headers {shown}: "
                f"map one in the column mapping (an agency profile)"
            )
    return Mapping(candidates, problems, warnings)


_PROFILE_FIRST = {"profile": 0, "synonym": 1, "fuzzy": 2, "content": 3}
