"""Each column's role from its content and its header together, with a confidence and the
reason in words.

The header is a prior (ingest/columns.py scores it against the synonym list); what the
cells hold is the evidence (ingest/colprofile.py). The description is the column of long
free text, whatever it is headed; a short, repetitive column is a type even when headed
"Event"; a date column is the one whose cells read as dates. A person's correction (an
agency profile) always wins. Only a table where content and headers leave a required
field unplaced, or two columns equally placed, is reported as a problem or a warning.
"""

from __future__ import annotations

from ingest.colprofile import ColumnProfile
from ingest.columns import FIELDS, NEVER, REQUIRED, Mapping, score_header
from ingest.records import ColumnMatch
from ingest.textnorm import norm_label

HEADER_WEIGHT = 0.5  # the header's share of a role's score; the content has the rest
MIN_SCORE = 0.35  # below this a column keeps no role (its text is kept in `extra`)
_GENERIC = ("column", "col", "field", "unnamed")
ALONE = 0.9  # share of a column's cells alone in their row beyond which it holds headings


def _content(field: str, p: ColumnProfile) -> float:
    """How well a column's cells fit a field, 0..1, from content alone."""
    if not p.values or (p.alone >= ALONE and p.values >= 2 and p.mean_words <= 6):
        return 0.0  # empty, or short cells in rows of their own: section headings
    if field == "date":  # events' dates vary; one date repeated down a column is a birth date
        return p.date * min(1.0, 0.3 + 2 * p.distinct)
    if field == "end_date":
        return 0.4 * p.date
    if field == "time":
        return p.time if p.date < 0.5 else 0.0
    text = p.text_score
    if field == "description":
        return text * (1.0 - 0.8 * p.category_score)
    if field == "outcome":
        return 0.5 * text
    if field in ("significance", "source"):
        return 0.3 * text
    if field == "practitioner":
        return p.person * (1.0 if p.mean_words <= 6 else 0.3)
    if field == "event_type":
        return p.category_score * (1.0 - p.person) * (1.0 - p.agency)
    if field == "agency":  # one cell naming an agency is no column of agencies
        return p.agency if p.values >= 2 else 0.5 * p.agency
    if field == "reference":
        return p.reference * min(1.0, p.distinct * 1.25)
    return 0.0


_TEXT_FIELDS = ("description", "significance", "source", "event_type")
_SOFT = ("event_type", "outcome", "significance", "source")  # optional roles of text


def _contradicted(field: str | None, p: ColumnProfile) -> bool:
    """A header that names a text field is outweighed when the cells plainly hold dates,
    times or reference numbers and fit the field poorly: a header is a prior, and a close
    fuzzy name ("Incident no." ~ "incident") must not beat what the column holds. People's
    roles and agencies are no such evidence: outcomes and notes name them all the time."""
    if field not in _TEXT_FIELDS or p.values < 3 or _content(field, p) >= 0.4:
        return False
    return max(p.date, p.time, _content("reference", p)) >= 0.6


def _generic(header: str) -> bool:
    """No header, or "Column 3": says nothing about the column."""
    key = norm_label(header)
    return not key or (key.split()[0] in _GENERIC and key.split()[-1].isdigit())


def header_prior(header: str) -> tuple[str | None, float, str]:
    """(field, confidence, how) the header names; nothing for "Column 3" or no header."""
    return (None, 0.0, "none") if _generic(header) else score_header(header)


def assign_roles(
    headers: list[str],
    profiles: list[ColumnProfile],
    overrides: dict[str, str] | None = None,
) -> Mapping:
    """One role (or none) per column, each with a confidence and a reason."""
    overrides = {norm_label(k): v for k, v in (overrides or {}).items()}
    columns: list[ColumnMatch] = []
    scores: list[tuple[float, int, int, str]] = []  # (score, field order, index, field)
    priors: dict[int, tuple[str | None, float, str]] = {}
    longest = max((q.text_score for q in profiles), default=0.0)
    for index, header in enumerate(headers):
        key = norm_label(header)
        p = profiles[index] if index < len(profiles) else ColumnProfile(index)
        if key in overrides:
            field = overrides[key] or None
            reason = f"set in the agency profile ({field or 'ignored'})"
            columns.append(ColumnMatch(header, index, field, 1.0, "profile", reason))
            continue
        columns.append(ColumnMatch(header, index, None, 0.0, "none", ""))
        if key in NEVER:
            columns[-1].reason = f"'{header}' is never an event's field (e.g. a date of birth)"
            continue
        prior = priors[index] = header_prior(header)
        contradicted = _contradicted(prior[0], p)
        for order, field in enumerate(FIELDS):
            h = prior[1] if prior[0] == field else 0.0
            c = _content(field, p)
            if h and contradicted:
                h *= 0.2  # "Incident no." over reference numbers: the cells say what it is
            if h and field == "description" and c < 0.4 and longest >= 0.8:
                h *= 0.2  # "Contact" over one-word cells beside a column of narrative
            if field == "event_type" and prior[0] not in (None, "description", "event_type"):
                c = 0.0  # repeated values under e.g. "Outcome" are outcomes, not types
            if field == "event_type" and prior[0] is None and not _generic(header):
                c = 0.0  # "Pupil", "Patient": repeated names under a header we do not know
            if h and field in ("date", "time") and p.values >= 3 and c < 0.3:
                h *= 0.2  # a "Date" column whose cells are not dates is not the date
            if h and field == "description" and p.values >= 3 and p.category_score >= 0.5:
                h *= 0.5  # "Event" holding "Telephone", "DA": a type, not the description
            score = HEADER_WEIGHT * h + (1 - HEADER_WEIGHT) * c
            if score >= MIN_SCORE:
                scores.append((score, order, index, field))

    taken = {c.field for c in columns if c.field}
    placed = {c.index for c in columns if c.how == "profile"}
    # Best pairs first; among equals the required fields, then the leftmost column.
    scores.sort(key=lambda s: (-round(s[0], 3), s[1], s[2]))
    for score, _, index, field in scores:
        if index in placed or field in taken:
            continue
        col, p = columns[index], profiles[index]
        prior = priors[index]
        col.field, col.confidence = field, round(min(1.0, score), 2)
        col.how = "content" if prior[0] != field else prior[2]
        col.reason = _reason(field, col.header, prior, p)
        placed.add(index)
        taken.add(field)
    _fallback(columns, profiles, taken)
    _full_description(columns, profiles, taken)
    for col in columns:
        if col.field is None and not col.reason:
            p = profiles[col.index] if col.index < len(profiles) else ColumnProfile(col.index)
            col.reason = f"no role: {p.describe()}; kept with the record as extra text"

    problems, warnings = [], []
    for field in REQUIRED:
        if not any(c.field == field for c in columns):
            shown = ", ".join(f"'{h}'" for h in headers if h) or "(none)"
            problems.append(
                f"no column for the {field} was recognised among the headers {shown}, "
                f"neither by its header nor by what its cells hold: map one in the "
                f"column mapping (an agency profile)"
            )
    desc = next((c for c in columns if c.field == "description"), None)
    if desc is not None and desc.how == "content":
        rivals = [
            c
            for c in columns
            if c is not desc
            and c.how != "profile"
            and priors.get(c.index, (None,))[0] is None
            and abs(_content("description", profiles[c.index]) - desc.confidence * 2) < 0.05
        ]
        if rivals:
            warnings.append(
                f"the description could be '{desc.header}' or '{rivals[0].header}' (both long "
                f"free text): took '{desc.header}'; say which in the column mapping"
            )
    return Mapping(columns, problems, warnings)


def _fallback(columns: list[ColumnMatch], profiles: list[ColumnProfile], taken: set) -> None:
    """A required field is never missing when some column's content shows it: the best
    remaining column takes it, with a low confidence that says so."""
    free = [
        c for c in columns if c.field is None and c.how != "profile" and c.index < len(profiles)
    ]
    if "date" not in taken:
        best = max(free, key=lambda c: profiles[c.index].date, default=None)
        if best is not None and profiles[best.index].date >= 0.3:
            p = profiles[best.index]
            best.field, best.confidence, best.how = "date", round(p.date / 2, 2), "content"
            best.reason = f"date: {p.describe()}; the best date column there is"
            free.remove(best)
            taken.add("date")
    if "description" not in taken:
        # Free columns first; failing those, a column that took an optional text role (a
        # short, repetitive "Event" read as the type beside an equally short "Outcome"):
        # the record's text is required, a type or an outcome is not.
        for pool in (free, [c for c in columns if c.field in _SOFT and c.how != "profile"]):
            texts = [
                c
                for c in pool
                if c.index < len(profiles)
                and profiles[c.index].values
                and profiles[c.index].date < 0.5
                and profiles[c.index].time < 0.5
            ]
            best = max(texts, key=lambda c: profiles[c.index].mean_len, default=None)
            if best is None:
                continue
            p, was = profiles[best.index], best.field
            best.field, best.confidence, best.how = "description", 0.3, "content"
            best.reason = f"description: {p.describe()}; the longest text left" + (
                f" (taken from the {was.replace('_', ' ')}: a record needs its text)" if was else ""
            )
            taken.discard(was)
            taken.add("description")
            break


SPARSE = 0.6  # share of the dated rows below which a description leaves entries without text
FULL = 0.9  # share of the dated rows a text column every entry has fills


def _full_description(columns: list[ColumnMatch], profiles: list[ColumnProfile], taken) -> None:
    """An entry always has its text: a description column empty in most rows ("Action",
    written now and then) beside a text column filled in every row (short notes, "Arrears
    visit", read as the type) has it the wrong way round. The full column is the
    description; the sparse one its outcome (or extra text when the outcome is taken)."""
    desc = next((c for c in columns if c.field == "description"), None)
    dated = next((c for c in columns if c.field == "date"), None)
    if desc is None or dated is None or desc.how == "profile":
        return
    if max(desc.index, dated.index) >= len(profiles):
        return
    # shares of the dated rows: section rows ("-- Sep 2022 --") fill neither column
    entries = profiles[dated.index].filled
    if profiles[desc.index].filled >= SPARSE * entries:
        return
    full = [
        c
        for c in columns
        if c.field in (None, "event_type")
        and c.how != "profile"
        and c.index < len(profiles)
        and (p := profiles[c.index]).filled >= FULL * entries
        and p.alone < 0.2  # not the column the section rows are written in
        and p.mean_words >= 1.5
        and max(p.date, p.time, p.person, p.reference, p.agency) < 0.5
    ]
    best = max(full, key=lambda c: profiles[c.index].mean_len, default=None)
    if best is None:
        return
    p, was = profiles[best.index], best.field
    best.field, best.confidence, best.how = "description", 0.4, "content"
    best.reason = (
        f"description: {p.describe()}; filled in every entry, where "
        f"'{desc.header}' is empty in {round(100 * (1 - profiles[desc.index].filled))}% of rows"
    )
    taken.discard(was)
    desc.field = "outcome" if "outcome" not in taken else None
    desc.how = "content" if desc.field else "none"
    desc.confidence = 0.3 if desc.field else 0.0
    desc.reason = (
        f"{desc.field or 'no role'}: {profiles[desc.index].describe()}; empty in most rows, "
        f"so not the entries' text ('{best.header}' is)"
    )
    if desc.field:
        taken.add("outcome")


def _reason(field: str, header: str, prior: tuple[str | None, float, str], p) -> str:
    what = p.describe()
    if prior[0] == field:
        how = "a known name" if prior[2] == "synonym" else "close to a known name"
        return f"{field}: {what}; the header '{header}' is {how} for it"
    if prior[0]:
        return f"{field}: {what}, although the header '{header}' suggests {prior[0]}"
    return f"{field}: {what} (the header '{header}' was not recognised)"
