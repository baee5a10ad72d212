"""The title block above a chronology: "Agency:", "Child:", "DOB:", "Period covered:",
"Completed by:", the organisation's name, a protective marking such as OFFICIAL-SENSITIVE.

Agencies write it in one cell ("Agency: Hollins Park Primary School"), in two ("Agency:" |
"..."), as paragraphs above a Word table, or as a small key/value Word table before the
chronology. It is read for the agency and the import summary; none of it is ever an event
(a date of birth above the table is a title, not a record).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.agencies import AgencyDirectory
from ingest.agency_kinds import agency_kind
from ingest.readers.base import cell_text
from ingest.textnorm import norm_label

KEYS: dict[str, tuple[str, ...]] = {
    "agency": (
        "agency",
        "agency name",
        "name of agency",
        "organisation",
        "organization",
        "service",
        "provider",
        "team",
        "agency service",
        "submitting agency",
        # "Agency chronology: Caldfell Community Trust": the agency whose chronology it is
        "agency chronology",
        "single agency chronology",
        "chronology from",
        "chronology provided by",
        "chronology submitted by",
    ),
    "child": (
        "child",
        "child name",
        "childs name",
        "name of child",
        "name of child or young person",
        "young person",
        "subject",
        "subject of review",
    ),
    "dob": ("dob", "d o b", "date of birth"),
    "period": (
        "period covered",
        "period",
        "review period",
        "timeframe",
        "time period",
        "dates covered",
        "period of chronology",
        "scope",
    ),
    "completed_by": (
        "completed by",
        "author",
        "prepared by",
        "compiled by",
        "name of author",
        "completed by name and role",
    ),
    "date_completed": ("date completed", "date of completion", "date submitted"),
}
_KEY_OF = {norm_label(k): role for role, keys in KEYS.items() for k in keys}
_MARKING = re.compile(
    r"^(official[\s\-–]*sensitive|official|restricted|confidential|private and confidential|"
    r"not protectively marked|sensitive|protect(?:ed)?)\b",
    re.IGNORECASE,
)
_KEY_COLON = re.compile(r"^\s*([A-Za-z'’ ./]{2,40}?)\s*[:\-–]\s*(.*)$")
# Another key inside a value: "Name of agency: Tallowgate Action Group Author: D. Vale" holds
# two key/value pairs in one cell ("DOB:" after a child's name, "Author:" after an agency).
_INNER_KEY = re.compile(
    r"(?<![\w'’])("
    + "|".join(
        sorted((re.escape(k) for keys in KEYS.values() for k in keys), key=len, reverse=True)
    )
    + r")\s*:\s*",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(council|trust|constabulary|police|school|academy|surgery|practice|service|services|"
    r"nhs|hospital|partnership|probation|housing|homes|camhs|health)\b",
    re.IGNORECASE,
)


@dataclass
class TitleBlock:
    fields: dict[str, str] = field(default_factory=dict)  # role -> text, as written
    lines: list[str] = field(default_factory=list)  # every title line, as written
    marking: str = ""
    organisation: str = ""  # a line that names the organisation (no key)

    def agency(self, directory: AgencyDirectory) -> tuple[str | None, str]:
        """(canonical agency, the text that said so) from the title block, or (None, "").

        A name the directory knows first; then the kind of service the words of the
        agency's name, the organisation line or another title line describe ("Ashmarsh
        Recovery Partnership" is a substance misuse service: ingest/agency_kinds.py)."""
        named = (self.fields.get("agency", ""), self.organisation)
        for text in named:
            if text and (name := directory.canonical(text)):
                return name, text
        others = [
            x for x in self.lines if x not in named and title_role(x) is None and _name_like(x)
        ]
        for text in (*named, *others):
            if text and (name := agency_kind(text, directory)[0]):
                return name, text
        return None, ""

    def summary(self) -> str:
        shown = [f"{k}: {v}" for k, v in self.fields.items() if k != "dob"]
        if "dob" in self.fields:
            shown.append("a date of birth (not an event)")
        if self.organisation:
            shown.append(f"organisation: {self.organisation}")
        if self.marking:
            shown.append(f"marked {self.marking}")
        return "; ".join(shown)


def _key(text: str) -> str | None:
    return _KEY_OF.get(norm_label(text))


def title_pair(row: list[object]) -> tuple[str, str] | None:
    """(role, value) when the row is a title line "Key: value" or "Key" | "value"."""
    texts = [cell_text(v) for v in row]
    filled = [t for t in texts if t]
    if not filled or len(filled) > 3:
        return None
    first = filled[0]
    if (role := _key(first.rstrip(":"))) and len(filled) >= 2:
        return role, " ".join(filled[1:])
    if (m := _KEY_COLON.match(first)) and (role := _key(m.group(1))):
        return role, " ".join([m.group(2), *filled[1:]]).strip()
    return None


def is_title_row(row: list[object]) -> bool:
    """A title line (key/value, a marking): never a header nor an event."""
    if title_pair(row) is not None:
        return True
    filled = [cell_text(v) for v in row if cell_text(v)]
    if len(filled) == 2:  # a label of its own and its value: "Date requested:" | 05/01/2022
        label = filled[0]
        return (
            label.endswith(":")
            and not any(c.isdigit() for c in label)
            and len(label.split()) <= 6
            and len(filled[1]) <= 40
        )
    return len(filled) == 1 and bool(_MARKING.match(filled[0]))


def _split_pairs(role: str, value: str) -> list[tuple[str, str]]:
    """("agency", "X Author: Y") -> [("agency", "X"), ("completed_by", "Y")]; a key word
    inside the value without a colon stays part of it."""
    out: list[tuple[str, str]] = []
    while (m := _INNER_KEY.search(value)) is not None and (inner := _key(m.group(1))):
        head = value[: m.start()].strip(" ;,|")
        if head or not out:
            out.append((role, head))
        role, value = inner, value[m.end() :]
    out.append((role, value.strip(" ;,|")))
    return [(r, v) for r, v in out if v]


def read_title_block(lines: list[list[object]]) -> TitleBlock:
    block = TitleBlock()
    for row in lines:
        filled = [cell_text(v) for v in row if cell_text(v)]
        if not filled:
            continue
        block.lines.append(" ".join(filled))
        if pair := title_pair(row):
            for role, value in _split_pairs(*pair):
                block.fields.setdefault(role, value)
            continue
        text = filled[0]
        if len(filled) == 1 and (m := _MARKING.match(text)):
            block.marking = block.marking or m.group(0)
            text = text[m.end() :].strip(" -–—:|")  # "PROTECT - Royal Tallowgate Infirmary"
            if not text:
                continue
        if len(filled) == 1 and not block.organisation and _is_organisation(text):
            block.organisation = text
    return block


# The review's own name heads many title blocks: it names no organisation.
_REVIEW_NAME = re.compile(
    r"\b(practice review|learning review|case review|safeguarding review|homicide review|"
    r"rapid review|serious case|lcspr|cspr|scr|dhr)\b",
    re.IGNORECASE,
)


def _is_organisation(text: str) -> bool:
    if _REVIEW_NAME.search(text):
        return False
    return bool(_ORG_WORDS.search(text)) or (_name_like(text) and agency_kind(text)[0] is not None)


def _name_like(text: str) -> bool:
    """Written like a name, not a sentence: ten words at most, most of them capitalised
    ("Ashmarsh Recovery Partnership"; not "Review of the care following admission")."""
    words = re.findall(r"[^\W\d_][\w'’&-]*", text)
    if not words or len(words) > 10:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words)


def title_role(text: str) -> str | None:
    """The role of a "Key: value" title line ("child", "dob", ...), or None."""
    pair = title_pair([text])
    return pair[0] if pair else None
