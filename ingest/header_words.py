"""The words of a header that name its field, once the words around them are set aside.

Headers carry more than the field's name: a format or unit in brackets ("Time (24hr)",
"Date (dd/mm/yyyy)"), a hedge ("Approx. time", "Time if known"), or the name in two
languages or two wordings ("Dyddiad / Date", "Amser / Time", "Entry / Details"). When the
whole header matches no synonym, ingest/columns.py scores these cores instead, at a
little less confidence; so are the words in brackets, for a header whose name is there
("At (time)", "When (date)"). A header's content still decides (ingest/roles.py): this only
widens the prior.
"""

from __future__ import annotations

import re

from ingest.textnorm import norm_label

# Text in brackets is a note on the field: a format, a unit, "(if known)", "(approx)".
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Words that qualify a field's name without changing the field. Formats are letters
# repeated (dd mm yyyy, hh mm) or a clock (24hr, 24 hour).
_QUALIFIERS = re.compile(
    r"\b(?:approx(?:imate(?:ly)?)?|est(?:imated)?|actual|exact|if known|where known|"
    r"if applicable|optional|required|format|24\s?h(?:rs?|ours?)?|12\s?h(?:rs?|ours?)?|"
    r"(?:d{1,2}|m{1,3}|y{2,4}|h{1,2})(?:\s(?:d{1,2}|m{1,3}|y{2,4}|h{1,2}|ss))*)\b"
)
# Two wordings side by side: "Dyddiad / Date", "Amser | Time".
_HALVES = re.compile(r"\s+[/|]\s+|\s*\|\s*")


def header_cores(header: str) -> list[str]:
    """Normalised candidate names inside `header`, best guesses first; [] when the header
    is nothing but its name."""
    cores: list[str] = []
    parts = [header, *(p for p in _HALVES.split(header) if p.strip())]
    for part in parts:
        key = norm_label(_BRACKETS.sub(" ", part))
        key = " ".join(_QUALIFIERS.sub(" ", key).split())
        if key and key not in cores:
            cores.append(key)
    # Last, the words in brackets: "At (time)", "When (date)" name their field there
    for inner in _BRACKETS.findall(header):
        key = " ".join(_QUALIFIERS.sub(" ", norm_label(inner[1:-1])).split())
        if key and key not in cores:
            cores.append(key)
    whole = norm_label(header)
    return [c for c in cores if c != whole]
