"""Which agency a chronology comes from: from a column, the file name, or the user.

The directory of agency names and their aliases is configurable per review; the
defaults cover the agencies a children's safeguarding review usually hears from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ingest.agency_kinds import agency_kind, name_shaped
from ingest.textnorm import norm_label

DEFAULT_AGENCIES: dict[str, list[str]] = {
    "Children's Social Care": [
        "csc",
        "csd",
        "childrens services",
        "childrens social care",
        "social care",
        "childrens social work",
        "social services",
        "childrens social services",
        "local authority",
        "mash",
        "front door",
        "childrens social work service",
        "council childrens services",
    ],
    # Early help and youth justice are usually services of the council, but a review hears
    # from them as agencies of their own (a partnership can say otherwise in its directory).
    "Early Help": [
        "early help",
        "early help service",
        "early help hub",
        "family hub",
        "family hubs",
        "family help",
        "family support service",
        "eh",
        "taf",
        "team around the family",
    ],
    "Youth Justice": [
        "youth justice service",
        "yjs",
        "yot",
        "yos",
        "youth offending team",
        "youth offending service",
    ],
    "Voluntary Sector": [
        "voluntary sector",
        "vcs",
        "vcse",
        "voluntary",
        "third sector",
        "charity",
        "family action",
        "family action group",
        "action group",
        "home start",
        "homestart",
    ],
    "Police": [
        "police",
        "constabulary",
        "ppu",
        "public protection unit",
        "mash police",
        "police service",
        "police division",
    ],
    "Health Visiting": [
        "hv",
        "health visiting",
        "health visitor",
        "health visitors",
        "0 19",
        "0-19",
        "public health nursing",
        "healthy child programme",
    ],
    # School nurses and early years settings are services of their own in a review: the
    # school nursing team is not the school, and a nursery is not a school.
    "School Nursing": [
        "school nursing",
        "school nurse",
        "school nurses",
        "school nursing service",
        "school health",
        "school health service",
        "sn",
    ],
    "GP": [
        "gp",
        "general practice",
        "gp surgery",
        "surgery",
        "medical practice",
        "primary care",
        "medical centre",
        "health centre",
        "family practice",
        "group practice",
        "medical group",
    ],
    "Hospital": [
        "hospital",
        "ed",
        "a and e",
        "ae",
        "emergency department",
        "acute trust",
        "paediatrics",
        "paediatric",
        "ped",
        "hospital trust",
        "nhs trust",
        "urgent care",
    ],
    "Midwifery": ["midwifery", "midwife", "maternity", "mw"],
    "School": [
        "school",
        "education",
        "academy",
        "dsl",
        "primary school",
        "college",
        "primary",
        "infants",
        "infant school",
        "junior school",
        "high school",
        "secondary school",
        "pupil referral unit",
        "pru",
    ],
    "Early Years": [
        "early years",
        "early years setting",
        "ey",
        "eyfs",
        "nursery",
        "day nursery",
        "pre school",
        "preschool",
        "playgroup",
        "childminder",
    ],
    "Housing": ["housing", "housing association", "homes", "landlord", "homelessness"],
    "Probation": ["probation", "nps", "crc", "probation service", "offender management"],
    "Ambulance": [
        "ambulance",
        "ambulance service",
        "ambulance service nhs trust",
        "nwas",
        "eeas",
        "paramedic",
        "paramedics",
    ],
    "Mental Health": ["camhs", "cmht", "mental health", "adult mental health", "cpn"],
    "Domestic Abuse Service": [
        "idva",
        "idva service",
        "domestic abuse service",
        "domestic abuse",
        "refuge",
        "marac",
        "da service",
        "womens aid",
    ],
    "Substance Misuse Service": ["substance misuse", "drug and alcohol", "drugs and alcohol"],
}

# Case-management systems whose name in a file name or title says which agency exported
# the file. A partnership can add its own (AgencyDirectory.with_extra(systems=...)).
DEFAULT_SYSTEMS: dict[str, str] = {
    "cpoms": "School",
    "myconcern": "School",
    "my concern": "School",
    "ndelius": "Probation",
    "delius": "Probation",
    "oasys": "Probation",
    "rio": "Mental Health",
    "mosaic": "Children's Social Care",
    "lcs": "Children's Social Care",
    "liquidlogic": "Children's Social Care",
    "eclipse": "Children's Social Care",
    "azeus": "Children's Social Care",
    "niche": "Police",
    "athena": "Police",
    "emis": "GP",
}

# Aliases that name an organisation's legal form, not the service it runs.
_FORM_ALIASES = frozenset({"charity", "voluntary", "third sector"})

# Where words run together in a file name: "EarlyHelp", "WomensAid" (not "YJS", "CPOMS").
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

# Words in file names that say nothing about the agency.
_FILLER = re.compile(
    r"\b(chronology|chronologies|chron|chrono|final|draft|v\d+|version|copy|updated|"
    r"learning review|review|lr|cspr|redacted|entries|attendances|\d+)\b"
)


@dataclass
class AgencyDirectory:
    """Canonical agency names and their aliases; a review can add its own."""

    aliases: dict[str, list[str]] = field(default_factory=lambda: dict(DEFAULT_AGENCIES))
    systems: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SYSTEMS))

    @classmethod
    def with_extra(
        cls,
        extra: Mapping[str, list[str]] | None,
        systems: Mapping[str, str] | None = None,
    ) -> AgencyDirectory:
        merged = {k: list(v) for k, v in DEFAULT_AGENCIES.items()}
        for name, more in (extra or {}).items():
            merged.setdefault(name, []).extend(more)
        return cls(merged, {**DEFAULT_SYSTEMS, **(systems or {})})

    @classmethod
    def from_partnership(
        cls, data: object, source: str = "the agency directory"
    ) -> AgencyDirectory:
        """The defaults plus a partnership's own agencies, aliases and case-management
        systems: {"agencies": {"Youth Justice": ["yjs", "yot"], "School": ["Brookfield
        Academy"]}, "systems": {"childview": "Youth Justice"}}. A prior like the
        defaults, never a gate: a name it does not list is still read from the file.
        ValueError (naming `source`) when the shape is wrong."""
        if not isinstance(data, Mapping):
            raise ValueError(f"{source}: expected an object with 'agencies' and 'systems'")
        unknown = set(data) - {"agencies", "systems"}
        if unknown:
            raise ValueError(f"{source}: unknown key(s) {sorted(unknown)}")
        agencies, systems = data.get("agencies") or {}, data.get("systems") or {}
        if not isinstance(agencies, Mapping) or not all(
            isinstance(k, str)
            and k.strip()
            and isinstance(v, list)
            and all(isinstance(a, str) for a in v)
            for k, v in agencies.items()
        ):
            raise ValueError(f"{source}: 'agencies' maps each agency's name to a list of aliases")
        if not isinstance(systems, Mapping) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
            for k, v in systems.items()
        ):
            raise ValueError(f"{source}: 'systems' maps each system's name to an agency's name")
        return cls.with_extra(
            {k.strip(): [a for a in v if a.strip()] for k, v in agencies.items()},
            {norm_label(k): v.strip() for k, v in systems.items()},
        )

    def from_system(self, text: str) -> tuple[str | None, str]:
        """(agency, system name) when `text` names a case-management system: "CPOMS
        export" -> ("School", "cpoms"); whole words only."""
        padded = f" {norm_label(text.replace('_', ' '))} "
        for system in sorted(self.systems, key=len, reverse=True):
            if f" {norm_label(system)} " in padded:
                return self.systems[system], system
        return None, ""

    def __post_init__(self) -> None:
        # (normalised alias, canonical) longest first: "mash police" beats "mash".
        pairs = {}
        for canonical, aliases in self.aliases.items():
            for alias in [canonical, *aliases]:
                pairs[norm_label(alias)] = canonical
        self._pairs = sorted(pairs.items(), key=lambda p: -len(p[0]))
        self._exact = dict(self._pairs)
        self._by_initial: dict[str, list[tuple[list[str], str]]] = {}  # for short forms
        for alias, canonical in self._pairs:
            if len(alias) >= 5:
                self._by_initial.setdefault(alias[0], []).append((alias.split(), canonical))
        self._cache: dict[str, str | None] = {}
        self._kinds: dict[tuple[str, str], str | None] = {}
        # (alias, canonical, words, its words of three letters or fewer with their place)
        # for spelling slips; short aliases (hv, gp, ed) only ever match exactly
        self._fuzzy_aliases = [
            (alias, canonical, len(parts), [(k, w) for k, w in enumerate(parts) if len(w) <= 3])
            for alias, canonical in self._pairs
            if len(alias) >= 5 and (parts := alias.split())
        ]

    @property
    def names(self) -> list[str]:
        return list(self.aliases)

    def canonical(self, text: str) -> str | None:
        """The canonical agency a cell or a given name stands for, or None."""
        if text in self._cache:  # an agency column repeats a few names many times
            return self._cache[text]
        key = norm_label(text)
        found = None
        if key:
            found = (
                self._exact.get(key)
                or self._contained(key)
                or self._abbreviated(key, whole=not name_shaped(text))
                or self._fuzzy(key, 90)
            )
        if len(self._cache) < 4096:
            self._cache[text] = found
        return found

    def agency_of(self, text: str) -> str | None:
        """An agency column's cell: the name the directory knows, else the kind of service
        the name describes ("Tamsford Recovery Partnership" -> substance misuse), else the
        agency whose case system the cell names alone ("nDelius" -> Probation), else None
        (the cell then stands as its own agency)."""
        key = ("kind", text)
        if key in self._kinds:
            return self._kinds[key]
        # a case system's name alone ("nDelius", "EMIS"): the agency that keeps it
        found = (
            self.canonical(text) or agency_kind(text, self)[0] or self.systems.get(norm_label(text))
        )
        if len(self._kinds) < 4096:
            self._kinds[key] = found
        return found

    def exact(self, text: str) -> str | None:
        """The agency whose name or alias `text` is, exactly (no containment, no fuzz):
        "HEALTH VISITING" -> "Health Visiting"; "Home visit by HV" -> None."""
        return self._exact.get(norm_label(text))

    def from_file_name(self, stem: str) -> str | None:
        """'Chronology - Childrens Services FINAL' -> "Children's Social Care";
        'EarlyHelp_chronology' -> "Early Help" (words run together are split where the case
        changes: "WomensAid", "PoliceChronology")."""
        stem = _CAMEL.sub(" ", stem.replace("_", " "))
        key = " ".join(_FILLER.sub(" ", norm_label(stem)).split())
        if not key:
            return None
        # A name the directory holds; then the kind of service its words describe
        # ("Recovery_service" is substance misuse); a spelling slip ("Polcie") last.
        return self._contained(key) or agency_kind(key, self)[0] or self._fuzzy(key, 88)

    def _contained(self, key: str) -> str | None:
        """The agency whose alias the name contains, longest alias first. When the name
        holds aliases of two agencies ("Kelford Family Action - IDVA Service"), or only a
        word for the organisation's legal form ("Lanternfield DA Charity"), its kind words
        decide (the head noun: an IDVA SERVICE), if they point clearly to one agency."""
        padded = f" {key} "
        hits: list[tuple[str, str]] = []
        for alias, canonical in self._pairs:  # whole-word containment, longest alias first
            if f" {alias} " in padded and not any(f" {alias} " in f" {a} " for a, _ in hits):
                hits.append((alias, canonical))
        if not hits:
            return None
        first = hits[0][1]
        if len({c for _, c in hits}) > 1 or hits[0][0] in _FORM_ALIASES:
            kind = agency_kind(key)[0]
            if kind is not None and (kind in {c for _, c in hits} or len(hits) == 1):
                return self.canonical(kind) or kind
        return first

    def _abbreviated(self, key: str, whole: bool = False) -> str | None:
        """ "Emerg Dept", "Hosp.", "Soc Care", "Brackley Hosp": the words (or, in a cell
        written as a name, a run of them) are an alias, each word the alias's word or a
        short form of it ("dept" of "department"); one agency only, the longest alias
        first. One word of four letters or more at least ("Pol", "Mar" alone are no short
        forms); no digits (a date is no name)."""
        words = key.split()
        if not 1 <= len(words) <= 4 or any(c.isdigit() for c in key):
            return None
        found: dict[str, int] = {}  # agency -> the most words of an alias matched
        for i, word in enumerate(words[:1] if whole else words):
            for parts, canonical in self._by_initial.get(word[0], ()):
                n = len(parts)
                if whole and n != len(words):
                    continue
                run = words[i : i + n]
                if (
                    i + n <= len(words)
                    and max(map(len, run)) >= 4  # "Mar" alone is a month, not MARAC
                    and all(map(_short_form, run, parts))
                ):
                    found[canonical] = max(found.get(canonical, 0), n)
        best = [a for a, n in found.items() if n == max(found.values(), default=0)]
        return best[0] if len(best) == 1 else None  # "Sch Nurse": school nursing, not school

    def _fuzzy(self, key: str, fuzzy_min: int) -> str | None:
        best, best_score = None, 0.0
        words = key.split()
        for alias, canonical, n, short in self._fuzzy_aliases:
            # a spelling slip stays within words: the alias against each run of as many
            # whole words ("family upplin" is not "family hub" misspelt)
            runs = [words[i : i + n] for i in range(max(1, len(words) - n + 1))]
            if short:  # "hsc trust" is no slip of "nhs trust": short words are exact
                runs = [r for r in runs if all(k < len(r) and r[k] == w for k, w in short)]
                if not runs:
                    continue
            score = max(fuzz.ratio(alias, " ".join(run)) for run in runs)
            if score > best_score:
                best, best_score = canonical, score
        return best if best_score >= fuzzy_min else None


def _short_form(word: str, full: str) -> bool:
    """The word is `full`, or a short form of it, three letters or more ending on a
    consonant: its start cut before a vowel ("hosp" of "hospital", "emerg" of
    "emergency"), or its first and last letters with some between, in order ("dept" of
    "department", "servs" of "services"). "Home" is not "homestart", nor "child"
    "childminder": a word cut where another word starts is a word, not a short form."""
    if word == full:
        return True
    if len(word) < 3 or len(word) >= len(full) or word[0] != full[0] or not word.isalpha():
        return False
    if word[-1] in _VOWELS:
        return False
    if full.startswith(word):
        return full[len(word)] in _VOWELS
    if word[-1] != full[-1]:
        return False
    rest = iter(full[1:])
    return all(c in rest for c in word[1:])


_VOWELS = frozenset("aeiouy")
