"""Per-agency import profiles: a person's corrections, saved as JSON and reused.

When the reviewer corrects a column mapping (or the sheet, header row or agency) for
one agency's file, the correction is saved so next month's re-import just works.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.columns import FIELDS
from ingest.textnorm import norm_label


class ProfileError(ValueError):
    pass


@dataclass
class AgencyProfile:
    agency: str | None = None  # the profile applies to this agency's files
    columns: dict[str, str] = field(default_factory=dict)  # header text -> field ("" ignores)
    sheet: str | None = None  # the chronology sheet, when content alone is not enough
    header_row: int | None = None  # 1-based, as the user sees it
    file_pattern: str | None = None  # optional glob on the file name, e.g. "hv chron*"
    date_order: str | None = None  # "day-first" | "month-first": overrides the evidence

    def validate(self) -> AgencyProfile:
        bad = {h: f for h, f in self.columns.items() if f and f not in FIELDS}
        if bad:
            raise ProfileError(
                f"unknown field(s) {bad} in profile; fields are: {', '.join(FIELDS)}"
            )
        if self.date_order not in (None, "day-first", "month-first"):
            raise ProfileError("date_order is 'day-first' or 'month-first'")
        if self.header_row is not None and self.header_row < 1:
            raise ProfileError("header_row is 1-based")
        return self

    def applies_to(self, file_name: str, agency: str | None) -> bool:
        if self.file_pattern:
            return Path(file_name).match(self.file_pattern)
        if self.agency and agency:
            return norm_label(self.agency) == norm_label(agency)
        return self.agency is None


def load_profile(path: str | Path) -> AgencyProfile:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ProfileError(f"profile '{path.name}' could not be read: {exc}") from None
    if not isinstance(data, dict):
        raise ProfileError(f"profile '{path.name}' must be a JSON object")
    known = {k: data[k] for k in AgencyProfile.__dataclass_fields__ if k in data}
    return AgencyProfile(**known).validate()


def save_profile(profile: AgencyProfile, directory: str | Path) -> Path:
    """Write `<directory>/<agency>.json` and return its path."""
    profile.validate()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    slug = norm_label(profile.agency or "any-agency").replace(" ", "-") or "agency"
    path = directory / f"{slug}.json"
    path.write_text(json.dumps(asdict(profile), indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def profiles_in(directory: str | Path) -> list[AgencyProfile]:
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return [load_profile(p) for p in sorted(directory.glob("*.json"))]
