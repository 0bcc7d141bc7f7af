import datetime as dt
from pathlib import Path

import pytest

from interplay.core.content_files import ContentError
from interplay.core.crisis import (
    available_locales,
    crisis_resources,
    load_crisis_resources,
)
from interplay.core.vocabulary import SafetyRisk


@pytest.mark.parametrize("locale", ["en-GB", "en-US", "en-IE"])
def test_each_shipped_locale_loads_with_services_for_both_risks(locale):
    resources = crisis_resources(locale)
    assert resources.locale == locale
    assert resources.for_risk(SafetyRisk.SELF_HARM)
    assert resources.for_risk(SafetyRisk.HARM_FROM_OTHERS)
    assert resources.emergency in resources.message


def test_uk_file_carries_the_well_known_numbers():
    resources = crisis_resources("en-GB")
    contacts = " ".join(service.contact for service in resources.services)
    assert resources.emergency == "999"
    for number in ("116 123", "85258", "0808 2000 247"):
        assert number in contacts


def test_unknown_or_empty_locale_falls_back_to_en_gb():
    assert crisis_resources("fr-FR").locale == "en-GB"
    assert crisis_resources("").locale == "en-GB"


def test_locale_spelling_is_forgiving():
    assert crisis_resources("en_us").locale == "en-US"


def test_shipped_files_are_listed():
    assert {"en-GB", "en-US", "en-IE"} <= set(available_locales())


def test_staleness_is_reported_after_a_year():
    resources = crisis_resources("en-GB")
    assert not resources.is_stale(resources.last_checked + dt.timedelta(days=30))
    assert resources.is_stale(resources.last_checked + dt.timedelta(days=400))


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD_SERVICES = """
[[service]]
id = "a"
name = "A line"
contact = "Call 1"
hours = "Always"
risks = ["self_harm", "harm_from_others"]
"""


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            'locale = "xx-XX"\nlast_checked = 2026-01-01\nemergency = "1"\nmessage = "Call 1."\n'
            + GOOD_SERVICES,
            "'locale' must be",
        ),
        (
            'locale = "en-ZZ"\nlast_checked = "soon"\nemergency = "1"\nmessage = "Call 1."\n'
            + GOOD_SERVICES,
            "last_checked",
        ),
        (
            'locale = "en-ZZ"\nlast_checked = 2026-01-01\nmessage = "Call 1."\n' + GOOD_SERVICES,
            "'emergency'",
        ),
        (
            'locale = "en-ZZ"\nlast_checked = 2026-01-01\nemergency = "1"\nmessage = "Call 1."\n'
            + GOOD_SERVICES.replace('"self_harm", ', ""),
            "no service listed for 'self_harm'",
        ),
        (
            'locale = "en-ZZ"\nlast_checked = 2026-01-01\nemergency = "1"\nmessage = "Call 1."\n'
            + GOOD_SERVICES.replace('"self_harm"', '"none"'),
            "'none' is not a risk",
        ),
        (
            'locale = "en-ZZ"\nlast_checked = 2026-01-01\nemergency = "1"\nmessage = "Call now."\n'
            + GOOD_SERVICES,
            "must name the emergency number",
        ),
        (
            'locale = "en-ZZ"\nlast_checked = 2026-01-01\nemergency = "1"\nmessage = "Call 1."\n'
            'colour = "red"\n' + GOOD_SERVICES,
            "colour",
        ),
    ],
)
def test_bad_files_are_refused_naming_the_problem(tmp_path, body, problem):
    path = write(tmp_path, "en-ZZ", body)
    with pytest.raises(ContentError, match=problem):
        load_crisis_resources(path)
