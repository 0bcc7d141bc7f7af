"""Crisis resources: real services a person can reach now, per locale, shown when the safety
screen flags a risk.

Each locale is a content file, `content/crisis/<locale>.toml`, with the emergency number, a
calm message in our own words (coaching is not crisis care), the date a person last checked
the numbers, and `[[service]]` entries. A locale without its own file falls back to en-GB, so
someone in trouble always gets a list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from interplay.core.content_files import (
    CONTENT_DIR,
    ContentError,
    Field,
    list_of,
    load_entries,
    one_of,
    read_toml,
    text,
)
from interplay.core.vocabulary import SafetyRisk

CRISIS_DIR = CONTENT_DIR / "crisis"
FALLBACK_LOCALE = "en-GB"
# After this long without a check, a file is reported stale (numbers do change).
STALE_AFTER = dt.timedelta(days=365)


def _risk(value: Any) -> SafetyRisk:
    risk = one_of(SafetyRisk)(value)
    if risk is SafetyRisk.NONE:
        raise ValueError("'none' is not a risk a service can be for")
    return risk


SERVICE_FIELDS = (
    Field("name", text),
    Field("contact", text),
    Field("hours", text),
    Field("risks", list_of(_risk)),
)


@dataclass(frozen=True)
class CrisisService:
    id: str
    name: str
    contact: str
    hours: str
    risks: tuple[SafetyRisk, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "contact": self.contact,
            "hours": self.hours,
            "risks": [risk.value for risk in self.risks],
        }


@dataclass(frozen=True)
class CrisisResources:
    locale: str
    last_checked: dt.date
    emergency: str
    message: str
    services: tuple[CrisisService, ...]

    def for_risk(self, risk: SafetyRisk) -> tuple[CrisisService, ...]:
        """Services for this risk, in the file's order; every service for `none`."""
        if risk is SafetyRisk.NONE:
            return self.services
        return tuple(service for service in self.services if risk in service.risks)

    def is_stale(self, today: dt.date) -> bool:
        return today - self.last_checked > STALE_AFTER

    def to_dict(self) -> dict[str, Any]:
        return {
            "locale": self.locale,
            "last_checked": self.last_checked.isoformat(),
            "emergency": self.emergency,
            "message": self.message,
            "services": [service.to_dict() for service in self.services],
        }


def load_crisis_resources(path: Path) -> CrisisResources:
    """Read and validate one locale's file; problems name the file and the field."""
    document = read_toml(path)
    locale = document.get("locale")
    if not isinstance(locale, str) or locale != path.stem:
        raise ContentError(path, None, f"'locale' must be {path.stem!r}, as in the file name")
    last_checked = document.get("last_checked")
    if isinstance(last_checked, dt.datetime) or not isinstance(last_checked, dt.date):
        raise ContentError(path, None, "'last_checked' must be a date such as 2026-11-27")
    fields: dict[str, str] = {}
    for name in ("emergency", "message"):
        try:
            fields[name] = text(document.get(name))
        except ValueError as error:
            raise ContentError(path, None, f"'{name}' {error}") from None
    # The support block says "coaching is not crisis care" itself; the message is the one place
    # that says how to get help now, so it must name the locale's emergency number.
    if fields["emergency"] not in fields["message"]:
        raise ContentError(path, None, "'message' must name the emergency number")
    unknown = sorted(set(document) - {"locale", "last_checked", "emergency", "message", "service"})
    if unknown:
        raise ContentError(path, None, f"unknown field(s): {', '.join(unknown)}")
    services = tuple(
        CrisisService(**entry) for entry in load_entries(path, "service", SERVICE_FIELDS)
    )
    for risk in (SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS):
        if not any(risk in service.risks for service in services):
            raise ContentError(path, None, f"no service listed for {risk.value!r}")
    return CrisisResources(locale, last_checked, fields["emergency"], fields["message"], services)


def available_locales(directory: Path = CRISIS_DIR) -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in directory.glob("*.toml")))


def _canonical(locale: str) -> str:
    parts = locale.strip().replace("_", "-").split("-")
    if len(parts) >= 2:
        return f"{parts[0].lower()}-{parts[1].upper()}"
    return parts[0].lower()


@cache
def _load_cached(path: Path) -> CrisisResources:
    return load_crisis_resources(path)


def crisis_resources(locale: str, directory: Path = CRISIS_DIR) -> CrisisResources:
    """Resources for a locale such as "en-GB", "en_us" or "en-IE"; falls back to en-GB when
    there is no file for it (an unknown or empty locale never leaves a person with nothing)."""
    wanted = _canonical(locale) if isinstance(locale, str) and locale.strip() else ""
    path = directory / f"{wanted}.toml"
    if wanted and path.is_file():
        return _load_cached(path)
    return _load_cached(directory / f"{FALLBACK_LOCALE}.toml")
