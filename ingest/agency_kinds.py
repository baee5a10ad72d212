"""Which kind of agency a name describes, from the words in it: a scored vocabulary.

An agency's own name rarely matches the directory ("Ashmarsh Recovery Partnership",
"Royal Tallowgate Infirmary", "Lanternfield DA Charity"), but the words in it say what kind
of service it is. Each kind word gives its agency a weight; the last kind word of a name
is its head noun ("a domestic abuse SERVICE") and counts half again; the
agency with the highest total wins when it reaches `MIN_SCORE` and clearly beats the next.
Words that say what legal form an organisation takes rather than what it does
(`_FORM_WORDS`: charity, CIC, foundation) are never the head noun and count half when the
name has a kind word of its own: "Lanternfield DA Charity" is a domestic abuse service, a
plain "Ottermere Charity" the voluntary sector.
A prior, never a gate: a name with no kind word stays its own agency (the caller says so).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the directory calls this module: no import at run time
    from ingest.agencies import AgencyDirectory

MIN_SCORE = 0.9
HEAD_BONUS = 1.5

# kind word (normalised, one or two words) -> {agency: weight}
_KINDS: dict[str, dict[str, float]] = {}


def _add(agency: str, weight: float, *words: str) -> None:
    for w in words:
        _KINDS.setdefault(w, {})[agency] = weight


_add("Substance Misuse Service", 1.0, "substance", "misuse", "addiction", "addictions")
_add("Substance Misuse Service", 1.0, "drug", "drugs", "alcohol", "keywork", "detox")
_add("Substance Misuse Service", 0.9, "recovery", "keyworker", "substances", "dependency")
_add("Substance Misuse Service", 0.5, "treatment")
_add("Midwifery", 1.0, "maternity", "midwifery", "midwife", "midwives", "antenatal")
_add("Midwifery", 0.7, "postnatal", "perinatal", "obstetric", "obstetrics")
_add("Hospital", 1.0, "hospital", "hospitals", "infirmary", "ed", "a&e", "emergency department")
_add("Hospital", 0.9, "paediatric", "paediatrics", "paeds", "ward", "acute", "inpatient")
_add("Hospital", 0.6, "emergency", "urgent care", "minor injuries")
_add("Hospital", 1.0, "urgent treatment centre", "walk in centre", "minor injuries unit")
_add("Probation", 1.0, "probation", "pdu", "offender manager", "offender management", "mappa")
_add("Probation", 0.9, "delivery unit", "community rehabilitation", "approved premises")
_add("Domestic Abuse Service", 1.0, "refuge", "idva", "domestic abuse", "domestic violence")
_add("Domestic Abuse Service", 1.0, "womens aid", "idva service", "domestic abuse service")
_add("Domestic Abuse Service", 0.7, "da", "dv", "marac", "safe house")
_add("Voluntary Sector", 1.0, "charity", "charitable", "voluntary", "befriending", "cic")
_add("Voluntary Sector", 1.0, "home start", "homestart", "action group")
_add("Voluntary Sector", 0.7, "foundation", "community interest", "third sector", "volunteers")
_add("Police", 1.0, "police", "constabulary", "policing", "public protection")
_add("School", 1.0, "school", "academy", "college", "education", "pupil referral")
_add(
    "Early Years",
    1.0,
    "early years",
    "nursery",
    "day nursery",
    "nursery school",
    "preschool",
    "pre school",
)
_add("Early Years", 1.0, "playgroup", "childminder", "childminding", "eyfs")
_add("School Nursing", 1.0, "school nursing", "school nurse", "school nurses", "school health")
_add("School", 0.8, "primary", "secondary", "infants", "juniors", "sixth form", "learning trust")
_add("GP", 1.0, "gp", "surgery", "general practice", "medical practice", "medical centre")
_add("GP", 0.6, "practice", "health centre", "primary care")
_add("Health Visiting", 1.0, "health visiting", "health visitor", "0 19", "healthy child")
_add("Health Visiting", 0.8, "public health nursing")
_add("Health Visiting", 0.9, "family nurse partnership", "fnp")
_add("Mental Health", 1.0, "camhs", "cmht", "mental health", "psychiatry", "psychiatric")
_add("Mental Health", 0.8, "wellbeing", "iapt", "talking therapies", "crisis team")
_add("Housing", 1.0, "housing", "tenancy", "homelessness", "landlord", "homes")
_add("Ambulance", 1.0, "ambulance", "paramedic", "paramedics")
_add("Youth Justice", 1.0, "youth justice", "youth offending", "yot", "yos", "yjs")
_add("Early Help", 1.0, "early help", "family hub", "family hubs", "team around the family")
_add("Early Help", 1.0, "family help")  # England's Family Help services (2025 on)
_add("Early Help", 1.0, "childrens centre", "childrens centres", "sure start")
_add("Children's Social Care", 1.0, "childrens social care", "childrens services", "mash")
_add("Children's Social Care", 0.9, "social care", "social work", "childrens social work")
# Northern Ireland: an HSC Trust's children's social work front door is its Gateway team
_add("Children's Social Care", 1.0, "gateway team", "gateway service", "gateway social work")

# Welsh kind words: services in Wales name themselves in both languages ("Ysgol Gynradd
# Abergelli" is a primary school, "Heddlu" the police, "Meddygfa" a surgery).
_add("School", 1.0, "ysgol", "ysgol gynradd", "ysgol uwchradd", "coleg")
_add("School", 0.8, "cynradd", "gynradd", "uwchradd")
_add("Police", 1.0, "heddlu")
_add("GP", 1.0, "meddygfa", "canolfan feddygol")
_add("Hospital", 1.0, "ysbyty")
_add("Health Visiting", 1.0, "ymwelwyr iechyd", "ymwelydd iechyd")
_add("Midwifery", 1.0, "bydwreigiaeth", "bydwraig")
_add("Children's Social Care", 1.0, "gwasanaethau plant", "gofal cymdeithasol")
_add("Children's Social Care", 0.9, "gwasanaethau cymdeithasol")
_add("Youth Justice", 1.0, "cyfiawnder ieuenctid")
_add("Housing", 1.0, "tai")
_add("Mental Health", 1.0, "iechyd meddwl")
_add("Early Years", 1.0, "meithrinfa")
# the kind phrases of two or three words, by length: the ones a short form can write
_PHRASES: dict[int, list[str]] = {}
for _phrase in _KINDS:
    if " " in _phrase:
        _PHRASES.setdefault(len(_phrase.split()), []).append(_phrase)

_FORM_WORDS = frozenset({"charity", "charitable", "cic", "community interest", "foundation"})

# Places that host other agencies' services: a hospital's maternity unit is Midwifery.
_HOST_WORDS = frozenset({"hospital", "hospitals", "infirmary", "ysbyty"})

_WORD = re.compile(r"[a-z0-9&]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _tokens(text: str) -> list[str]:
    text = _CAMEL.sub(" ", text.replace("_", " ")).lower().replace("’", "'")
    return _WORD.findall(text.replace("'", ""))


def _abbreviates(token: str, word: str) -> bool:
    """ "dept" for department, "svc" for service, "hlth" for health: the word's first letter,
    then some of its letters in order, at least three, shorter than the word."""
    if not 3 <= len(token) < len(word) or token[0] != word[0] or not token.isalpha():
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in token[1:])


def _abbreviated_kind(tokens: list[str]) -> str | None:
    """The kind phrase of several words these tokens write with some words shortened
    ("Emergency Dept", "Domestic Abuse Svc", "Mental Hlth Team"): at least one word in
    full, so two short forms alone ("gen dept") never make a kind."""
    for phrase in _PHRASES.get(len(tokens), ()):
        words = phrase.split()
        full = sum(t == w for t, w in zip(tokens, words, strict=True))
        if full and all(t == w or _abbreviates(t, w) for t, w in zip(tokens, words, strict=True)):
            return phrase
    return None


def kind_scores(text: str) -> tuple[dict[str, float], list[str]]:
    """({agency: score}, the kind words found, in order) for one name."""
    tokens = _tokens(text)
    found: list[tuple[int, str]] = []  # (position of the word's end, kind word)
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):  # longest kind first: "domestic abuse" before "abuse"
            part = tokens[i : i + n]
            if len(part) < n:
                continue
            phrase = " ".join(part)
            if phrase not in _KINDS and n > 1:
                phrase = _abbreviated_kind(part) or phrase
            if phrase in _KINDS:
                found.append((i + n, phrase))
                i += n
                break
        else:
            i += 1
    scores: dict[str, float] = {}
    kinds = [k for k, (_, word) in enumerate(found) if word not in _FORM_WORDS]
    # a service named with the hospital that hosts it ("Maternity Services, Kelby Hospital")
    # is that service: the host word is then neither the head noun nor a full weight
    services = [k for k in kinds if found[k][1] not in _HOST_WORDS]
    hosted = bool(services) and len(services) < len(kinds)
    head = (services if hosted else kinds)[-1] if kinds else len(found) - 1
    for k, (_, word) in enumerate(found):
        bonus = HEAD_BONUS if k == head and len(found) > 1 else 1.0
        if kinds and word in _FORM_WORDS or hosted and word in _HOST_WORDS:
            bonus = 0.5
        for agency, weight in _KINDS[word].items():
            scores[agency] = scores.get(agency, 0.0) + weight * bonus
    return scores, [w for _, w in found]


def agency_kind(text: str, directory: AgencyDirectory | None = None) -> tuple[str | None, str]:
    """(agency, the words that said so) when the name's kind words point clearly to one
    agency; (None, "") otherwise. With a directory, the agency is given the name the
    directory uses for it (a partnership may rename a default)."""
    scores, words = kind_scores(text)
    if not scores:
        return None, ""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < MIN_SCORE or score - runner < 0.3:
        return None, ""
    if directory is not None:
        best = directory.canonical(best) or best
    return best, ", ".join(f"'{w}'" for w in words)


_NAME_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
_LINKS = frozenset({"and", "of", "the", "for", "at", "in", "on", "&"})


def name_shaped(text: str) -> bool:
    """Written as an organisation's name: every word capitalised but the linking ones
    ("Kelby Council Social Work Services", "Police - North Division"), so "Tenancy visit"
    in an entry's text is no agency's name for all its kind word."""
    words = _NAME_WORD.findall(text)
    return bool(words) and all(w[0].isupper() or w in _LINKS for w in words)
