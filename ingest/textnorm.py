"""Normalising short labels (headers, agency names, file names) for comparison."""

from __future__ import annotations

import re

_APOSTROPHES = re.compile(r"[’'`]")
_NON_ALNUM = re.compile(r"[^0-9a-z&]+")


def norm_label(text: str) -> str:
    """'Event / Contact' -> 'event contact'; "Children's Services" -> 'childrens services'."""
    text = _APOSTROPHES.sub("", text.casefold()).replace("&", " and ")
    return " ".join(_NON_ALNUM.sub(" ", text).split())
