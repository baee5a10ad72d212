"""The kind of record a text is, read from its words (after normalisation).

A chronology row is not always the event itself: it may be the notification of an
incident days later, a letter or a report about it, or the paperwork after a meeting
("minutes received", "outcome letter sent"). The kind sets how far apart in time two
records of one event may be (blocking.py) and which pairs are related rather than the
same (relations.py): a meeting's follow-up is linked to it, never merged into it.
"""

from __future__ import annotations

import re

from .signals import without_plans

# Kinds, in the order they are tried: the first that matches is the record's kind.
KINDS = (
    "follow-up",
    "notification",
    "meeting",
    "report",
    "letter",
    "attendance",
    "call",
    "visit",
    "incident",
    "other",
)
KIND_CODE = {k: i for i, k in enumerate(KINDS)}
# The kinds of record that report another's event (and so name its day); a meeting, a
# visit, an attendance or a report is an event of its own day.
REPORTING_KINDS = tuple(
    KIND_CODE[k] for k in ("notification", "letter", "call", "incident", "other")
)

_MEETING = (
    r"strategy|initial conference|review conference|coregroup|child in need|"
    r"safeguarding meeting|team around family|professionals meeting|network meeting|"
    r"multi agency meeting|marac|conference|meeting"
)
# Being there: a record of the meeting itself, whatever paperwork it also mentions.
_PRESENT = re.compile(
    r"\b(attend|attended|attending|chaired|held|took place|present|discussed at|convened|heard)\b"
    r"|\battendees?\b|\bapologies\b"
)
# Paperwork after a meeting: minutes received, chased or circulated; an outcome or
# decision letter; a report sent afterwards; notes typed up.
_FOLLOW_UP = re.compile(
    r"\bminutes\b|\b(outcome|decision) letter\b|\bletter\b.{0,80}\b(outcome|decision)\b"
    r"|\boutcome\b.{0,20}\b(sent|shared|circulated|received|receive|letter)\b"
    r"|\breport\b.{0,25}\b(submitted|sent|shared|circulated|uploaded)\b.{0,20}\bafter\b"
    r"|\b(chased|chasing|circulated|typed up)\b"
)
_REPORT = re.compile(
    r"\breport\b.{0,25}\b(submitted|sent|prepared|written|completed|shared|provided|done)\b"
    r"|\b(conference|court|submitted|written) report\b|\breport for\b|\breport to\b"
)
_LETTER = re.compile(r"\bletter\b|\bdischarge summary\b|\bcorrespondence\b")
_ATTENDANCE = re.compile(
    r"\bemergency department\b|\burgent care\b|\badmitted\b|\badmission\b|\bward\b"
    r"|\bseen in\b|\bclinic\b|\bappointment\b|\bappt\b|\bnot brought\b"
)
_CALL = re.compile(r"\btelephone call\b|\bcall (from|to)\b|\bphoned\b|\bspoke (to|with)\b|\bemail")
_VISIT = re.compile(r"\bhome visit\b|\bvisit\b|\bno access\b|\bno answer\b")
_INCIDENT = re.compile(
    r"\bdomestic\b|\bassault|\bincident\b|\bdisturbance\b|\bpolice (attend|called)"
    r"|\binjur|\barrest|\bmissing episode\b|\bargument\b"
)
_MEETING_RE = re.compile(rf"\b({_MEETING})\b")
# Not being there: "Conference report submitted - not attending", "unable to attend".
_ABSENT = re.compile(
    r"\b(not|unable to|could not|cannot|did not|didnt|won't|will not|no one to)\s+"
    r"(attend|attended|attending|be present)\b"
)


def _present(normalised: str) -> bool:
    return _PRESENT.search(_ABSENT.sub(" ", normalised)) is not None


def written_before(normalised: str, kind: str) -> bool:
    """A record written before the event it is about: a report for a meeting, or a meeting
    record with no sign of the meeting having happened ("Information shared for the RCPC
    on 12/09/2016", written a week before). A date after its own day names that event; in
    any other record ("CG held. Next CG booked for 16/04/15") it is a plan."""
    if kind == "report":
        return True
    # the glossary writes "held" as "hold"; record_kind leaves "held" out on purpose
    # ("Minutes of the CG held on 12/03 received" is paperwork, not being there)
    return kind == "meeting" and not (_present(normalised) or _HAPPENED.search(normalised))


_HAPPENED = re.compile(r"\b(hold|took part|joined|discussion at)\b")


def record_kind(normalised: str, notification: bool) -> str:
    """One of KINDS for a normalised text; `notification` is prepare's reading of the
    description (told about an event: PPN, Encompass, liaison, "letter from"). A meeting
    named as a plan ("strategy to be convened") is not read."""
    normalised = without_plans(normalised)
    meeting = _MEETING_RE.search(normalised) is not None
    if meeting and _FOLLOW_UP.search(normalised) and not _present(normalised):
        return "follow-up"
    if notification:
        return "notification"
    report = _REPORT.search(normalised) is not None
    if meeting and not (report and not _present(normalised)):
        return "meeting"
    if report:
        return "report"
    if _LETTER.search(normalised):
        return "letter"
    if _ATTENDANCE.search(normalised):
        return "attendance"
    if _CALL.search(normalised):
        return "call"
    if _VISIT.search(normalised):
        return "visit"
    if _INCIDENT.search(normalised):
        return "incident"
    return "other"


def meeting_words(normalised: str) -> frozenset[str]:
    """Which meetings a text names ("strategy", "coregroup", ...): a follow-up belongs
    to a meeting of the kind it names."""
    return frozenset(m.group(1) for m in _MEETING_RE.finditer(normalised))
