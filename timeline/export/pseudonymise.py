"""Publication copy: replace the names and identifiers of a review's names list in text.

A names list maps terms (the child, family members, practitioners, addresses, schools,
dates of birth, NHS numbers) to replacements ("Child A", "Mother", "Social Worker 1").
Matching is whole-word and case-insensitive, takes possessives with it ("Jade's",
"Jade’s" and "Jades" become "Mother's"), prefers the longest term ("Jade Calderbank" before
"Jade") and lets any run of spaces stand for the space in a multi-word term. A number
made of digits and separators (an NHS number) also matches with other or no separators.
Replacement is one pass, so a replacement is never itself replaced.

`find_terms` is the safety net: it reports listed terms (possessive or not) still present
in a text. The exporter runs it on everything it wrote before it lets a file out.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_APOSTROPHES = "'’"
_POSSESSIVE = rf"(?P<poss>[{_APOSTROPHES}]s|s)?"
_NUMBER_TERM = re.compile(r"^[\d][\d\s\-./]*\d$")


class NamesListError(ValueError):
    """The names list cannot be used (missing column, empty term, a replacement that holds a
    listed term...)."""


@dataclass(frozen=True)
class NameEntry:
    term: str
    replacement: str


def _term_pattern(term: str) -> str:
    term = term.strip()
    if _NUMBER_TERM.match(term):
        digits = re.sub(r"\D", "", term)
        # 485 777 3456, 485-777-3456 and 4857773456 are the same NHS number.
        return r"[\s\-./]?".join(re.escape(d) for d in digits)
    words = term.split()
    return r"\s+".join(re.escape(w) for w in words)


def _compile(terms: Iterable[str], possessive: bool) -> re.Pattern[str] | None:
    terms = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t.lower()))
    if not terms:
        return None
    alternation = "|".join(f"(?:{_term_pattern(t)})" for t in terms)
    suffix = _POSSESSIVE if possessive else ""
    # \w-lookarounds rather than \b so terms that start or end with punctuation still work.
    return re.compile(rf"(?<!\w)(?P<term>{alternation}){suffix}(?!\w)", re.IGNORECASE)


class NamesList:
    """Terms and their replacements; `apply` to pseudonymise, `find_terms` to check."""

    def __init__(self, entries: Iterable[NameEntry | tuple[str, str]]) -> None:
        self.entries: list[NameEntry] = []
        seen: dict[str, str] = {}
        for e in entries:
            entry = e if isinstance(e, NameEntry) else NameEntry(*e)
            term, repl = entry.term.strip(), entry.replacement.strip()
            if not term:
                raise NamesListError("a names list row has an empty term")
            if not repl:
                raise NamesListError(f"the term in row {len(self.entries) + 1} has no replacement")
            key = " ".join(term.lower().split())
            if key in seen and seen[key] != repl:
                raise NamesListError(f"row {len(self.entries) + 1}: a term is listed twice")
            seen[key] = repl
            self.entries.append(NameEntry(term, repl))
        self._lookup = seen
        self._replace = _compile((e.term for e in self.entries), possessive=True)
        self._find = self._replace
        for i, e in enumerate(self.entries, 1):
            if self.find_terms(e.replacement):
                # Otherwise every publication copy would be refused.
                raise NamesListError(
                    f"row {i}: the replacement {e.replacement!r} contains a listed term"
                )

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def _replacement_for(self, matched: str) -> str:
        key = " ".join(matched.lower().split())
        if key in self._lookup:
            return self._lookup[key]
        # A number written with other separators, or extra spaces: find the entry it matches.
        for e in self.entries:
            if re.fullmatch(_term_pattern(e.term), matched, re.IGNORECASE):
                return e.replacement
        raise KeyError(matched)  # cannot happen: the pattern is built from the entries

    def apply(self, text: str) -> str:
        """`text` with every listed term (and its possessive) replaced."""
        if not self._replace or not text:
            return text
        return self._replace.sub(self._substitute, text)

    def _substitute(self, m: re.Match[str]) -> str:
        repl = self._replacement_for(m.group("term"))
        poss = m.group("poss")
        if not poss:
            return repl
        apostrophe = poss[0] if poss[0] in _APOSTROPHES else "'"
        return f"{repl}{apostrophe}s"

    def find_terms(self, text: str) -> set[str]:
        """The listed terms (as listed) still present in `text`."""
        if not self._find or not text:
            return set()
        return {self._entry_term(m.group("term")) for m in self._find.finditer(text)}

    def _entry_term(self, matched: str) -> str:
        key = " ".join(matched.lower().split())
        for e in self.entries:
            if " ".join(e.term.lower().split()) == key or re.fullmatch(
                _term_pattern(e.term), matched, re.IGNORECASE
            ):
                return e.term
        return matched


def parse_names_csv(text: str) -> NamesList:
    """A names list from CSV text with the columns `term,replacement` (a header row)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "term" not in fields or "replacement" not in fields:
        raise NamesListError("the names list needs the columns term,replacement")
    reader.fieldnames = fields
    rows = []
    for row in reader:
        term = (row.get("term") or "").strip()
        repl = (row.get("replacement") or "").strip()
        if not term and not repl:
            continue
        rows.append(NameEntry(term, repl))
    if not rows:
        raise NamesListError("the names list is empty")
    return NamesList(rows)


def read_names_csv(path: str | Path) -> NamesList:
    """Read a names list file (UTF-8, with or without a BOM)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NamesListError(f"{Path(path).name}: not UTF-8 text ({exc.reason})") from exc
    return parse_names_csv(text)
