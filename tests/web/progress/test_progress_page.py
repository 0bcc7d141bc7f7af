"""The client's progress page: each scale over time with a table, the trail in words,
check-ins, experiments per month, reliable change between any two assessments, and the quiet
moments of growth; never the word "clinical", never a streak."""

from __future__ import annotations

import re

from django.urls import reverse

from interplay.web.assessments.models import PulseCheck
from tests.web.base import signed_in
from tests.web.progress.helpers import answers_leaning, finished, reflected


def _history(user):  # type: ignore[no-untyped-def]
    first = finished(user, answers_leaning(dependence=5, interdependence=2), days_ago=90)
    middle = finished(user, answers_leaning(dependence=5, interdependence=2), days_ago=45)
    latest = finished(user, answers_leaning(dependence=2, interdependence=4), days_ago=1)
    return first, middle, latest


def test_each_scale_is_charted_with_a_table_as_its_text_alternative(practice):
    _history(practice.client)
    page = signed_in(practice.client).get(reverse("progress:mine"))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="line-chart"') >= 11  # every scale scored
    assert 'aria-labelledby="scale-dependence-title scale-dependence-desc"' in html
    assert "Leaning on others as a table" in html and "<details" in html
    assert "5.00" in html and "2.00" in html  # dependence's first and latest scores


def test_reliable_change_in_plain_words_first_against_latest(practice):
    _history(practice.client)
    html = signed_in(practice.client).get(reverse("progress:mine")).content.decode()
    assert "Leaning on others went from 5.00 to 2.00" in html
    assert "real move, toward balance" in html
    assert "provisional figures" in html
    assert "clinical" not in html.casefold()


def test_any_two_assessments_can_be_compared(practice):
    first, middle, _latest = _history(practice.client)
    url = reverse("progress:mine") + f"?from={first.pk}&to={middle.pk}"
    html = signed_in(practice.client).get(url).content.decode()
    assert "No scale moved by more than answers wobble by on their own." in html
    # A hand-edited address falls back to first and latest rather than failing.
    html = signed_in(practice.client).get(reverse("progress:mine") + "?from=x&to=").content.decode()
    assert "Leaning on others went from 5.00 to 2.00" in html


def test_the_trail_says_direction_and_dates(practice):
    _history(practice.client)
    html = signed_in(practice.client).get(reverse("progress:mine")).content.decode()
    assert "the first point on the map" in html
    assert "autonomy up" in html
    assert "moved from “Withdrawn” to “" in html


def test_check_ins_and_experiments_per_month(practice):
    user = practice.client
    _history(user)
    for n in range(4):
        PulseCheck.objects.create(user=user, result={"autonomy": 30 + 10 * n, "connection": 50})
    reflected(user, "Ask my sister", outcome="yes")
    reflected(user, "Say no at work", outcome="no")
    reflected(user, "Share a need", outcome="partly")
    html = signed_in(user).get(reverse("progress:mine")).content.decode()
    assert "Check-ins as a table" in html
    assert "The feared outcome happened in 1 of 3 experiments, and partly in 1 of them." in html


def test_growth_is_gathered_quietly(practice):
    user = practice.client
    _history(user)
    reflected(user, "Say no at work", stakes="medium", outcome="no")
    html = signed_in(user).get(reverse("progress:mine")).content.decode()
    assert "Steps worth noticing" in html
    assert "“Say no at work” was your first step beyond the low-stakes rung." in html
    assert "In “Say no at work”, what you feared did not happen." in html
    assert "Leaning on others" in html and "moved toward balance since" in html
    words = re.sub(r"<[^>]+>", " ", html).casefold()
    for word in ("streak", "points", "badge"):
        assert word not in words


def test_a_new_client_sees_what_is_needed_not_an_error(practice):
    html = signed_in(practice.client).get(reverse("progress:mine")).content.decode()
    assert "No finished assessment yet." in html
    assert "Two finished assessments are needed to compare." in html


def test_a_reliable_change_is_acknowledged_on_the_profile(practice):
    first, _middle, latest = _history(practice.client)
    client = signed_in(practice.client)
    html = client.get(reverse("assessments:profile", args=[latest.pk])).content.decode()
    assert 'class="growth-note"' in html and "moved toward balance since" in html
    html = client.get(reverse("assessments:profile", args=[first.pk])).content.decode()
    assert 'class="growth-note"' not in html


def test_thirty_people_give_the_page_the_practices_own_figures(practice):
    from tests.web.base import make_user

    for n in range(30):
        person = make_user(f"p{n}@example.test", f"P{n}")
        answers = answers_leaning(dependence=2 + n % 3, interdependence=2 + n % 3)
        for position, item in enumerate(sorted(answers)):  # a person's items differ a little
            answers[item] = min(5, max(1, answers[item] + (n + position) % 3 - 1))
        finished(person, answers, 5)
    _history(practice.client)
    html = signed_in(practice.client).get(reverse("progress:mine")).content.decode()
    assert "first assessments of 31 people in this practice" in html
