"""The pages' short dates read exactly as Django's date filter writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from interplay.web.labels import iso_moment, long_date, short_date

MOMENTS = [datetime(2026, month, 1 + month, 23, 30, tzinfo=UTC) for month in range(1, 13)]


@pytest.mark.parametrize("language", ["en-gb", "en"])
def test_short_dates_match_the_date_filter_in_the_current_time_zone(language, settings):
    settings.TIME_ZONE = "Europe/London"
    with translation.override(language), timezone.override("Europe/London"):
        for moment in MOMENTS:  # 23:30 UTC is the next day in London in summer
            local = timezone.localtime(moment)
            assert short_date(moment, year=True) == date_filter(local, "j M Y")
            assert short_date(moment) == date_filter(local, "j M")
            assert iso_moment(moment) == date_filter(local, "c")
            assert long_date(moment) == date_filter(local, "j F Y")
        assert short_date(date(2026, 12, 2)) == "2 Dec"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "one",
        "  spaced\n\nout   words  ",
        " ".join(f"w{n}" for n in range(24)),
        " ".join(f"w{n}" for n in range(25)),
        " ".join(f"w{n}" for n in range(23)) + " … more words after it",
    ],
)
def test_first_words_is_truncatewords(text):
    from django.template.defaultfilters import truncatewords

    from interplay.web.labels import first_words

    assert first_words(text, 24) == truncatewords(text, 24)


def test_the_date_writer_writes_as_the_single_functions():
    from datetime import UTC, date, datetime

    from interplay.web.labels import DateWriter, iso_moment, long_date, short_date

    dates = DateWriter()
    for moment in (date(2026, 12, 2), datetime(2026, 1, 31, 23, 30, tzinfo=UTC)):
        assert dates.short(moment) == short_date(moment)
        assert dates.short(moment, year=True) == short_date(moment, year=True)
        assert dates.long(moment) == long_date(moment)
    aware = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert dates.iso(aware) == iso_moment(aware)


@pytest.mark.parametrize("language", ["en-gb", "en"])
def test_the_date_as_given_is_what_date_format_writes_with_no_conversion(language, settings):
    """The session planner's "shared on" dates: Django's `date_format(moment, "j M")`, which
    writes the day in the moment's own zone (a stored time is UTC) whatever the current one."""
    from zoneinfo import ZoneInfo

    from django.utils.formats import date_format

    from interplay.web.labels import short_date_as_given

    settings.TIME_ZONE = "Europe/London"
    london = ZoneInfo("Europe/London")
    with translation.override(language), timezone.override("Europe/London"):
        for moment in MOMENTS:  # 23:30 UTC: the next day in London in summer, not here
            for given in (moment, moment.astimezone(london), moment.replace(tzinfo=None)):
                assert short_date_as_given(given) == date_format(given, "j M")
        assert short_date_as_given(date(2026, 12, 2)) == date_format(date(2026, 12, 2), "j M")
        summer = datetime(2026, 7, 8, 23, 30, tzinfo=UTC)
        assert short_date_as_given(summer) == "8 Jul" != short_date(summer)
