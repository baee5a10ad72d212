"""Text normalisation for matching: lower case, the field's abbreviations expanded.

Agencies write the same event very differently ("strat disc", "Strategy meeting - S47
enquiry agreed"); expanding the shorthand to one canonical phrase first lets the text
similarities compare meaning rather than spelling. A review can add its own terms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

# abbreviation or synonym (lower case, as a whole word or phrase) -> canonical expansion.
# Canonical expansions use stable single-token forms for key processes (e.g. "section47")
# so that "s47", "s.47" and "section 47" become the same rare token.
GLOSSARY: dict[str, str] = {
    # roles and agencies
    "sw": "social worker",
    "ssw": "senior social worker",
    "tm": "team manager",
    "iro": "independent reviewing officer",
    "hv": "health visitor",
    "sn": "school nurse",
    "fnp": "family nurse partnership",
    "mw": "midwife",
    "gp": "general practitioner",
    "gps": "general practitioner",
    "dr": "doctor",
    "csc": "social care",
    "csd": "social care",
    "childrens services": "social care",
    "children's services": "social care",
    "childrens social care": "social care",
    "children's social care": "social care",
    "mash": "mash front door",
    "front door": "mash front door",
    "ppu": "police",
    "pc": "police officer",
    "ds": "police officer",
    "dc": "police officer",
    "oic": "police officer",
    "officers": "police officer",
    "dsl": "safeguarding lead",
    "ddsl": "safeguarding lead",
    "senco": "special needs coordinator",
    "ewo": "education welfare officer",
    "camhs": "camhs mental health",
    "cmht": "adult mental health",
    "cpn": "mental health nurse",
    "idva": "domestic abuse adviser",
    "marac": "marac",
    "lado": "lado designated officer",
    "pop": "person on probation",
    "om": "probation officer",
    "po": "probation officer",
    "eh": "early help",
    "taf": "team around family",
    "tac": "team around family",
    "team around the family": "team around family",
    "team around the child": "team around family",
    # processes and events
    "s47": "section47",
    "s.47": "section47",
    "s 47": "section47",
    "sec 47": "section47",
    "section 47": "section47",
    "s17": "section17",
    "s.17": "section17",
    "s 17": "section17",
    "section 17": "section17",
    "s20": "section20",
    "s.20": "section20",
    "section 20": "section20",
    "cin": "child in need",
    "cp": "child protection",
    "cpp": "child protection plan",
    "cp plan": "child protection plan",
    "icpc": "initial conference",
    "initial child protection conference": "initial conference",
    "initial cp conference": "initial conference",
    "rcpc": "review conference",
    "r/v conference": "review conference",
    "r/v cp conference": "review conference",
    "review child protection conference": "review conference",
    "review cp conference": "review conference",
    # a conference that does not say initial or review ("child protection case
    # conference", "case conference"): prepare.py reads which from the day's other
    # conference records; Northern Ireland's ICPCC / RCPCC (case conference) and
    # Scotland's child protection planning meeting (CPPM) are the same meetings
    "initial child protection case conference": "initial conference",
    "review child protection case conference": "review conference",
    "icpcc": "initial conference",
    "rcpcc": "review conference",
    "child protection case conference": "conference",
    "case conference": "conference",
    "child protection conference": "conference",
    "cppm": "conference",
    "child protection planning meeting": "conference",
    "initial cppm": "initial conference",
    "review cppm": "review conference",
    "initial child protection planning meeting": "initial conference",
    "review child protection planning meeting": "review conference",
    # exploitation meetings (MACE: multi-agency child exploitation; CE / CSE / CCE risk
    # meetings), one multi-agency meeting however a partnership names it
    "mace": "exploitation meeting",
    "mace meeting": "exploitation meeting",
    "ce risk meeting": "exploitation meeting",
    "ce meeting": "exploitation meeting",
    "cse meeting": "exploitation meeting",
    "cse risk meeting": "exploitation meeting",
    "cce meeting": "exploitation meeting",
    "cg": "coregroup",
    "core group": "coregroup",
    "core group meeting": "coregroup",
    "cgm": "coregroup",
    "cg meeting": "coregroup",
    "cg mtg": "coregroup",
    "core grp": "coregroup",
    "core grp meeting": "coregroup",
    "core grp mtg": "coregroup",
    "grp": "group",
    "conf": "conference",
    "mins": "minutes",
    "strat": "strategy",
    "strat disc": "strategy",
    "strategy discussion": "strategy",
    "strategy meeting": "strategy",
    "strategy mtg": "strategy",
    "strat mtg": "strategy",
    "strat meeting": "strategy",
    "sd": "strategy",
    "plo": "public law outline",
    "epo": "emergency protection order",
    "ico": "interim care order",
    "ppn": "police notification",
    "vpa": "police notification",
    "dv": "domestic abuse",
    "da": "domestic abuse",
    "domestic violence": "domestic abuse",
    "domestic incident": "domestic abuse incident",
    "dom inc": "domestic abuse incident",
    "dom incident": "domestic abuse incident",
    "dash": "dash risk",
    "op encompass": "encompass",
    "operation encompass": "encompass",
    "oe": "encompass",
    "public protection notice": "police notification",
    # the devolved nations' words for the same things: Northern Ireland's police (PSNI)
    # and its notice, Gateway (the front door) and Article 66 (its section 47); Wales's
    # IAA team (information, advice and assistance); Scotland's IRD (inter-agency
    # referral discussion: the strategy discussion) and VPD concern report
    "psni": "police",
    "psni referral": "police notification",
    "vpd": "police notification",
    "gateway": "mash front door",
    "gateway team": "mash front door",
    "iaa": "mash front door",
    "iaa team": "mash front door",
    "article 66": "section47",
    "ird": "strategy",
    "inter agency referral discussion": "strategy",
    "interagency referral discussion": "strategy",
    "wnb": "not brought",
    "was not brought": "not brought",
    "dna": "not brought",
    "dna'd": "not brought",
    "did not attend": "not brought",
    "ed": "emergency department",
    "a&e": "emergency department",
    "a & e": "emergency department",
    "a and e": "emergency department",
    "ae": "emergency department",
    "ped": "emergency department",
    "paed ed": "emergency department",
    "accident and emergency": "emergency department",
    "ucc": "urgent care",
    "miu": "urgent care",
    "ehcp": "education health care plan",
    "epds": "postnatal depression",
    "hv contact": "health visitor contact",
    "t/c": "telephone call",
    "tc": "telephone call",
    "tel": "telephone call",
    "tel call": "telephone call",
    "phone call": "telephone call",
    "phoned": "telephone call",
    "rang": "telephone call",
    "call from": "telephone call from",
    "call to gp": "telephone call to general practitioner",
    "called housing": "telephone call housing",
    "call to address": "police attend address",
    "call-out": "police attend",
    "call out": "police attend",
    "callout": "police attend",
    "telephoned": "telephone call",
    "hv'd": "health visitor visit",
    "h/v": "home visit",
    "hvisit": "home visit",
    "uv": "unannounced visit",
    "unannounced hv": "unannounced visit",
    "nfa": "no further action",
    "mtg": "meeting",
    "appt": "appointment",
    "ltr": "letter",
    "jt": "joint",
    "cp med": "child protection medical",
    "rpt": "report",
    "mfh": "missing from home",
    "misper": "missing person",
    "apt": "appointment",
    "re": "regarding",
    "wrt": "regarding",
    "ref": "referral",
    "referred": "referral",
    "attended": "attend",
    "attends": "attend",
    "attendance": "attend",
    "attending": "attend",
    "mum": "mother",
    "mo": "mother",
    "dad": "father",
    "fa": "father",
    "bf": "partner",
    "boyfriend": "partner",
    "pt": "patient",
    "yp": "young person",
    "ch": "child",
    "c&f": "child and family",
    "b/c": "because",
    "w/c": "week commencing",
    "inc": "incident",
    "incid": "incident",
    "d/w": "discussed with",
    "info": "information",
    "concerns": "concern",
    "concerned": "concern",
    "worried": "concern",
    "worries": "concern",
    "disc": "discussion",
    "discussed": "discussion",
    "agreed": "agree",
    "held": "hold",
    "visited": "visit",
    "visits": "visit",
    "arrested": "arrest",
    "notified": "notification",
    "notice": "notification",
    "informed": "notification",
    # the police told of something ("Police informed by EOC") is no police notification
    # (PPN) of a domestic incident: the record is the one that told them
    "police informed": "told police",
    "informed police": "told police",
    "informed the police": "told police",
    "received": "receive",
    "recd": "receive",
    "rec'd": "receive",
    "rcvd": "receive",
}

# Words that carry no evidence of which event a record describes.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "was",
        "were",
        "is",
        "be",
        "been",
        "this",
        "that",
        "it",
        "as",
        "her",
        "his",
        "their",
        "they",
        "he",
        "she",
        "we",
        "i",
        "me",
        "my",
        "our",
        "us",
        "him",
        "them",
        "re",
        "via",
        "not",
        "no",
        "regarding",
        "about",
        "after",
        "following",
        "into",
        "has",
        "had",
        "have",
    ]
)

# Words worth spelling right: a typo in "core group" or "strategy" would otherwise hide
# the very terms the glossary and event types rely on. Anything else is left as written.
DOMAIN_WORDS = frozenset(
    [
        "meeting",
        "attended",
        "attend",
        "received",
        "receive",
        "referral",
        "conference",
        "discussion",
        "strategy",
        "incident",
        "domestic",
        "appointment",
        "immunisations",
        "review",
        "children",
        "child",
        "mother",
        "father",
        "partner",
        "police",
        "school",
        "hospital",
        "health",
        "visitor",
        "home",
        "visit",
        "notification",
        "assessment",
        "arrested",
        "injury",
        "bruising",
        "supervision",
        "plan",
        "progressing",
        "reviewed",
        "report",
        "submitted",
        "concerns",
        "attendance",
        "weighed",
        "emergency",
        "department",
        "liaison",
        "encompass",
        "operation",
        "agreed",
        "enquiry",
        "enquiries",
        "threshold",
        "investigation",
        "information",
        "shared",
        "contributed",
        "participated",
        "safeguarding",
        "telephone",
        "surgery",
        "weight",
        "email",
        "housing",
        "officer",
        "probation",
        "letter",
        "discharge",
        "summary",
        "neglect",
        "emotional",
        "physical",
        "abuse",
        "sexual",
        "category",
        "protection",
        "initial",
        "subject",
        "group",
        "core",
        "need",
        "unannounced",
        "disclosure",
        "mental",
        "fracture",
        "burn",
        "scald",
        "head",
        "tablets",
        "ingestion",
        "conveyed",
        "ambulance",
        "arrival",
        "address",
        "argument",
        "assaulted",
        "children's",
        "present",
        "advice",
        "missed",
        "overcrowding",
        "arrears",
        "tenancy",
        "worker",
        "social",
        "practitioner",
        "nurse",
        "midwife",
    ]
)

_PUNCT = re.compile(r"[^\w&'/.\s]+")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[a-z0-9&][a-z0-9&'/.]*[a-z0-9&]|[a-z0-9&]")


def _words(text: str) -> list[str]:
    out = text.casefold().replace("\u2019", "'")
    out = _PUNCT.sub(" ", out)
    out = re.sub(r"(?<=[a-z])[/.](?=\s|$)", " ", out)  # trailing "visit." or "re/"
    return out.split()


def frequent_words(texts: Iterable[str], min_texts: int = 3) -> frozenset[str]:
    """Words that at least `min_texts` of a review's distinct texts use. A typing slip is
    rare; a word many entries share ("case", "heard") is the word meant, never respelt
    as the domain word one letter away ("care", "head")."""
    counts = Counter(w for t in set(texts) for w in set(_words(t)))
    return frozenset(w for w, c in counts.items() if c >= min_texts)


def build_glossary(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The default glossary plus a review's own terms (its terms win on a clash)."""
    glossary = dict(GLOSSARY)
    for key, value in (extra or {}).items():
        key = _SPACES.sub(" ", key.strip().casefold())
        if key:
            glossary[key] = value.strip().casefold()
    return glossary


class Normaliser:
    """Compiled glossary: one regex that replaces the longest matching term first."""

    def __init__(
        self, extra: Mapping[str, str] | None = None, keep: frozenset[str] = frozenset()
    ) -> None:
        """`keep`: words never respelt (a review's own frequent words: see `frequent_words`)."""
        self.glossary = build_glossary(extra)
        self._keep = keep
        terms = sorted(self.glossary, key=lambda t: (-len(t), t))
        alternatives = "|".join(re.escape(t) for t in terms)
        # Terms match as whole words; "s.47" and "a&e" contain punctuation, so the
        # boundaries are "not a word character" on each side rather than \b.
        self._pattern = re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])")
        # Abbreviations inside a longer term ("Review CP conf") expand word by word to the
        # longer term ("review child protection conference"), which a second pass over
        # the multi-word terms completes; a term that is part of an expansion ("front
        # door" in "mash front door") is left out so that the pass changes nothing twice.
        values = [f" {v} " for v in self.glossary.values()]
        longer = [t for t in terms if " " in t and not any(f" {t} " in v for v in values)]
        self._longer = re.compile(
            rf"(?<![\w&])(?:{'|'.join(re.escape(t) for t in longer)})(?![\w&])"
        )
        self._cache: dict[str, str] = {}
        words = set(DOMAIN_WORDS)
        for term, expansion in self.glossary.items():
            words.update(term.split())
            words.update(expansion.split())
        self._known = sorted(w for w in words if len(w) >= 4 and w.isalpha())
        self._known_set = frozenset(self._known)
        self._spelling: dict[str, str] = {}

    def _spell(self, word: str) -> str:
        """A word one typing slip (OSA distance 1, same first letter) from exactly one
        domain word becomes that word; known and short words stay as they are."""
        if len(word) < 4 or word in self._known_set or word in self._keep or not word.isalpha():
            return word
        fixed = self._spelling.get(word)
        if fixed is None:
            near = process.extract(word, self._known, scorer=OSA.distance, score_cutoff=1, limit=3)
            # four-letter words are one slip from many others ("case" / "care", "heard" /
            # "head"): a word is only respelt as a domain word of five letters or more
            near = [c for c, d, _ in near if d == 1 and c[0] == word[0] and len(c) >= 5]
            fixed = near[0] if len(near) == 1 else word
            self._spelling[word] = fixed
        return fixed

    def __call__(self, text: str) -> str:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        out = " ".join(self._spell(w) for w in _words(text))
        expanded = self._pattern.sub(lambda m: self.glossary[m.group(0)], out)
        if expanded != out:
            expanded = self._longer.sub(lambda m: self.glossary[m.group(0)], expanded)
        out = expanded.replace(".", " ").replace("/", " ")
        out = _SPACES.sub(" ", out).strip()
        self._cache[text] = out
        return out


def tokens(normalised: str) -> list[str]:
    """Content tokens of a normalised text (stopwords and lone punctuation dropped)."""
    # Bare numbers (the parts of a date, a percentage) are left to the date comparisons.
    return [t for t in _TOKEN.findall(normalised) if t not in STOPWORDS and not t.isdigit()]


def normalise(text: str, extra: Mapping[str, str] | None = None) -> str:
    """Normalise one text (convenience; build a Normaliser once for many texts)."""
    return Normaliser(extra)(text)
