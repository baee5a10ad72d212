"""A Word chronology written as labelled blocks of paragraphs, one entry a block:

    Date: 14/03/2021            Date: 14/03/2021
    Time: 0930                  (or all in one paragraph, a line a field)
    Note: Home visit ...
    Worker: SW A. Fenn

Each field starts a line with its label and a colon. The label that opens most blocks
with a value that reads as a date is the entry's date; every label seen in two or more
blocks (or one the header words know) is a column, named by the label itself, so the
header words read it as any table's header; a line without a label goes on with the
field above it (an entry's text over two paragraphs). Each block becomes one row at its
first paragraph, under a header row made of the labels; the block's other paragraphs
are kept as rows folded into it (`RawTable.folded`), which the row loop reports as
continuations of the entry. Paragraphs outside the blocks (the title lines, a section
heading naming an agency, a footer) stay as they are, in the first column.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.columns import score_header
from ingest.dates import DateError, parse_date
from ingest.leading_dates import _continues, leading_date
from ingest.readers.base import RawTable

# "Date:", "Time of contact:", "Entered by:": a short label of words, then a colon
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z'’/&()\- ]{0,28}?)\s*:\s*(.*)$", re.DOTALL)
MAX_LABEL_WORDS = 3
MIN_BLOCKS = 2  # blocks opened by the date label before the paragraphs are read so
MIN_REPEAT = 2  # blocks a label must appear in to be a column of its own


def _label(line: str) -> tuple[str, str] | None:
    m = _LABEL.match(line)
    if m is None or len(m[1].split()) > MAX_LABEL_WORDS:
        return None
    return " ".join(m[1].split()), m[2].strip()


# "Author - Volunteer J. Vale" inside a block: a field the header words know, after a dash
_DASHED = re.compile(r"^\s*([A-Za-z][A-Za-z'’ ]{0,20}?)\s+[-–—]\s+(\S.*)$", re.DOTALL)
_DASHED_FIELDS = ("practitioner", "time", "outcome", "event_type")


def _field(line: str, in_block: bool) -> tuple[str, str] | None:
    """The line's label and value: "Label: value", or inside a block "Author - value"
    when the header words know the label as a worker, time, outcome or type ("Mum -
    upset" is text)."""
    found = _label(line)
    if found is None and in_block and (m := _DASHED.match(line)):
        name = " ".join(m[1].split())
        if len(name.split()) <= MAX_LABEL_WORDS and score_header(name)[0] in _DASHED_FIELDS:
            return name, m[2].strip()
    return found


# " Time: " inside a line: where a second field may start ("Date: 2/3/21 Time: 0915 ...")
_INLINE = re.compile(r"\s+(?=([A-Z][A-Za-z/ ]{0,20}?)\s*:\s)")


# fields a label inside a line may start; "Actions:", "Plan:" in an entry's text stay in it
_FIELDS = ("time", "description", "practitioner", "event_type")


def _lines(text: str) -> list[str]:
    """The paragraph's lines, a line that opens with a label split again where a label
    the header words know as a time, text, worker or type starts another field on it."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if _label(line) is None:
            out.append(line)
            continue
        cuts = [m.start() for m in _INLINE.finditer(line) if score_header(m[1])[0] in _FIELDS]
        for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True):
            out.append(line[a:b].strip())
    return out


def _reads(text: str) -> bool:
    """A date an entry can carry: a year alone ("Year: 2017") heads a section instead."""
    try:
        return bool(text) and (iv := parse_date(text)) is not None and iv.precision != "year"
    except DateError:
        return False


def _date_label(paragraphs: list[str]) -> str | None:
    """The label that opens the most paragraphs with a date after it (two or more), when
    fewer paragraphs open with a date of their own ("06/07/2017: Referral ..." entries
    under "Section: ..." lines are a dated diary, not labelled blocks)."""
    opened = Counter(
        found[0].casefold()
        for text in paragraphs
        if (lines := _lines(text)) and (found := _label(lines[0])) and _reads(found[1])
    )
    if not opened:
        return None
    label, count = opened.most_common(1)[0]
    dated = sum(1 for text in paragraphs if text[:1].isdigit() and leading_date(text.strip()))
    return label if count >= MIN_BLOCKS and count >= dated else None


def _blocks(paragraphs: list[str], date_label: str) -> list[tuple[int, list[int], list]]:
    """(first paragraph, the paragraphs folded into it, [(label, value)]) per block."""
    blocks: list[tuple[int, list[int], list]] = []
    current: tuple[int, list[int], list] | None = None
    for i, text in enumerate(paragraphs):
        lines = _lines(text)
        if not lines:
            current = None  # a blank paragraph ends the block
            continue
        first = _field(lines[0], current is not None)
        if first is not None and first[0].casefold() == date_label:
            current = (i, [], [])
            blocks.append(current)
        elif current is None or (first is None and not _continues(lines[0])):
            current = None  # a heading, a footer, a note between the blocks
            continue
        else:
            current[1].append(i)
        fields = current[2]
        for line in lines:
            found = _field(line, True)
            if found is not None:
                fields.append([found[0], found[1]])
            elif fields:
                fields[-1][1] = f"{fields[-1][1]} {line}".strip()
    return blocks


def read_labelled(rows: list[list[object]], label: str) -> tuple[RawTable, str] | None:
    """The paragraphs (one a row, first cell) as a table of labelled fields, and a note;
    None when they are not written as labelled blocks."""
    paragraphs = [str(r[0]) if r and r[0] is not None else "" for r in rows]
    date_label = _date_label(paragraphs)
    if date_label is None:
        return None
    blocks = _blocks(paragraphs, date_label)
    seen: Counter[str] = Counter()
    names: dict[str, str] = {}  # label's key -> as first written
    for _, _, fields in blocks:
        for key in {f[0].casefold() for f in fields}:
            seen[key] += 1
        for name, _ in fields:
            names.setdefault(name.casefold(), name)
    # a label seen in two blocks, or one the header words know ("Time"), is a column
    columns = [k for k in names if seen[k] >= MIN_REPEAT or k == date_label or score_header(k)[0]]
    at = {k: c for c, k in enumerate(columns)}
    width = len(columns)
    by_start = {start: fields for start, _, fields in blocks}
    folded = {i for _, inside, _ in blocks for i in inside}
    out: list[list[object]] = []
    positions: list[tuple[str, int]] = []
    first_block = blocks[0][0]
    for i, text in enumerate(paragraphs):
        if i == first_block:  # the labels as the header, just above the first entry
            out.append([names[k] for k in columns])
            positions.append((label, 0))
        row: list[object] = [""] * width
        if i in by_start:
            c = 0
            for name, value in by_start[i]:
                if name.casefold() in at:
                    c = at[name.casefold()]
                    row[c] = f"{row[c]} {value}".strip()
                else:  # a label of one block only: part of the text of the field above
                    row[c] = f"{row[c]} {name}: {value}".strip()
        elif i not in folded:
            row[0] = text.strip()
        out.append(row)
        positions.append((label, i + 1))
    raw = RawTable(label, out, positions, all_text=True)
    raw.folded = {positions[j] for j, p in enumerate(positions) if p[1] - 1 in folded}
    note = (
        f"the paragraphs are {len(blocks)} entries of labelled fields "
        f"({', '.join(names[k] for k in columns)}): each was read as one row"
    )
    return raw, note
