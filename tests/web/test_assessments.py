import re
from datetime import timedelta

import pytest
from django.utils import timezone

from interplay.core.instrument import instrument_items, pulse_items
from interplay.core.profile import build_profile
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_record_pulse,
    do_save_answers,
    do_start_assessment,
)
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.assessments.pages import ITEMS_PER_PAGE, pages
from interplay.web.demo import maya_answers
from tests.web.base import signed_in


def _finished(user, answers=None, when=None):
    assessment = do_start_assessment(actor=user)
    do_save_answers(assessment, answers or maya_answers(), actor=assessment.user)
    do_finish_assessment(assessment, actor=assessment.user)
    if when is not None:
        Assessment.objects.filter(pk=assessment.pk).update(completed_at=when)
        assessment.refresh_from_db()
    return assessment


def test_begin_creates_one_open_assessment_and_shows_the_first_screen(practice):
    browser = signed_in(practice.client)
    response = browser.post("/assessment/")
    assessment = Assessment.objects.get(user=practice.client)
    assert response["Location"] == f"/assessment/{assessment.pk}/page/1/"
    browser.post("/assessment/")
    assert Assessment.objects.filter(user=practice.client).count() == 1
    html = browser.get(response["Location"]).content.decode()
    assert html.count('<fieldset class="item">') == ITEMS_PER_PAGE
    assert "<progress" in html


def test_each_answer_saved_by_htmx_survives_a_reload(practice):
    browser = signed_in(practice.client)
    assessment = do_start_assessment(actor=practice.client)
    first = instrument_items()[0]
    response = browser.post(
        f"/assessment/{assessment.pk}/answer/", {first.id: "4"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "1 of" in response.content.decode()
    html = browser.get(f"/assessment/{assessment.pk}/page/1/").content.decode()
    assert re.search(rf'name="{first.id}" value="4" checked', html)


def test_without_javascript_a_screen_is_saved_and_the_next_one_shown(practice):
    browser = signed_in(practice.client)
    assessment = do_start_assessment(actor=practice.client)
    screen = {item.id: "2" for item in pages()[0]}
    response = browser.post(f"/assessment/{assessment.pk}/page/1/", screen)
    assert response["Location"] == f"/assessment/{assessment.pk}/page/2/"
    assessment.refresh_from_db()
    assert assessment.answers == {key: 2 for key in screen}


def test_start_page_resumes_where_the_person_stopped(practice):
    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(
        assessment, {item.id: 3 for item in pages()[0] + pages()[1]}, actor=assessment.user
    )
    html = signed_in(practice.client).get("/assessment/").content.decode()
    assert f"/assessment/{assessment.pk}/page/3/" in html


def test_out_of_range_answer_gets_a_clear_message_and_keeps_the_rest(practice):
    browser = signed_in(practice.client)
    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(assessment, {instrument_items()[1].id: 5}, actor=assessment.user)
    response = browser.post(
        f"/assessment/{assessment.pk}/answer/",
        {instrument_items()[0].id: "9"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert "must be from 1 to 5" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.answers == {instrument_items()[1].id: 5}


def test_finishing_stores_the_core_profile_and_shows_it(practice):
    browser = signed_in(practice.client)
    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(assessment, maya_answers(), actor=assessment.user)
    response = browser.post(f"/assessment/{assessment.pk}/finish/")
    assert response["Location"] == f"/profile/{assessment.pk}/"
    assessment.refresh_from_db()
    assert assessment.completed_at is not None
    assert assessment.profile["balance"]["pattern"] == "over_independent"
    assert assessment.answers == maya_answers()  # the raw answers are kept too
    html = browser.get(response["Location"]).content.decode()
    assert 'class="balance-map"' in html and 'aria-describedby="map-caption"' in html
    assert '<figcaption id="map-caption">Autonomy' in html  # the text alternative
    assert "reflection, not diagnosis" in html
    assert "What this is based on" in html  # evidence behind the findings
    assert "Standing alone" in html
    assert "loosening_over_independence" not in html  # reasons read as words, not ids


def test_finishing_with_no_answers_says_what_is_wrong(practice):
    browser = signed_in(practice.client)
    assessment = do_start_assessment(actor=practice.client)
    response = browser.post(f"/assessment/{assessment.pk}/finish/", follow=True)
    assert "no answers given" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.completed_at is None


def test_profile_page_draws_earlier_assessments_and_check_ins_as_a_trail(practice):
    now = timezone.now()
    _finished(practice.client, {k: 3 for k in maya_answers()}, now - timedelta(days=60))
    pulse = do_record_pulse({item.id: 3 for item in pulse_items()}, actor=practice.client)
    PulseCheck.objects.filter(pk=pulse.pk).update(taken_at=now - timedelta(days=30))
    latest = _finished(practice.client)
    html = signed_in(practice.client).get(f"/profile/{latest.pk}/").content.decode()
    assert "<polyline" in html
    assert html.count("<circle") == 3
    # The trail's text alternative: a collapsed table of all three points, not a paragraph.
    caption = html[html.index('<figcaption id="map-caption">') : html.index("</figcaption>")]
    assert "Check-in on" not in caption and "oldest first:" not in caption
    trail = html[
        html.index('<details class="map-trail">') : html.index(
            "</details>", html.index('<details class="map-trail">')
        )
    ]
    assert "The trail as a table (3 points)" in trail
    assert trail.count("<tr") == 4  # the header and three points
    assert "Weekly check-in" in trail and 'aria-current="true"' in trail


def test_latest_profile_shows_check_ins_taken_since(practice):
    latest = _finished(practice.client, None, timezone.now() - timedelta(days=10))
    do_record_pulse({item.id: 3 for item in pulse_items()}, actor=practice.client)
    html = signed_in(practice.client).get(f"/profile/{latest.pk}/").content.decode()
    assert html.count("<circle") == 2 and "Check-in on" in html


def test_an_earlier_profile_does_not_show_later_points(practice):
    now = timezone.now()
    first = _finished(practice.client, None, now - timedelta(days=60))
    _finished(practice.client)
    html = signed_in(practice.client).get(f"/profile/{first.pk}/").content.decode()
    assert html.count("<circle") == 1 and "<polyline" not in html


def test_sharing_is_on_by_default_and_can_be_turned_off(practice):
    assessment = _finished(practice.client)
    assert assessment.shared_with_coach is True
    signed_in(practice.client).post(f"/profile/{assessment.pk}/sharing/", {"shared": "0"})
    assessment.refresh_from_db()
    assert assessment.shared_with_coach is False


def test_profile_page_switch_posts_to_its_own_sharing_address_and_lists_earlier_days(practice):
    earlier = _finished(practice.client, None, timezone.now() - timedelta(days=40))
    latest = _finished(practice.client)
    browser = signed_in(practice.client)
    html = browser.get(f"/profile/{latest.pk}/").content.decode()
    assert f'<form method="post" action="/profile/{latest.pk}/sharing/">' in html
    assert 'name="shared" value="0"' in html and "Keep it to myself" in html
    day = timezone.localtime(earlier.completed_at)
    assert f'<li><a href="/profile/{earlier.pk}/">{day.day} {day:%B} {day.year}</a></li>' in html
    browser.post(f"/profile/{latest.pk}/sharing/", {"shared": "0"})
    html = browser.get(f"/profile/{latest.pk}/").content.decode()
    assert 'name="shared" value="1"' in html and "Share it with my coach" in html
    older = browser.get(f"/profile/{earlier.pk}/").content.decode()
    # On the earlier profile the one taken since is a later assessment, not an earlier one.
    assert "Earlier assessments" not in older
    assert f'<h2>Later assessments</h2>\n<ul><li><a href="/profile/{latest.pk}/">' in older


def test_pulse_check_in_is_stored_with_its_point(practice):
    browser = signed_in(practice.client)
    answers = {item.id: "4" for item in pulse_items()}
    response = browser.post("/check-in/", answers)
    assert response["Location"] == "/"
    pulse = PulseCheck.objects.get(user=practice.client)
    assert pulse.answers == {key: 4 for key in answers}
    assert isinstance(pulse.result["autonomy"], float)


def test_incomplete_pulse_keeps_what_was_given(practice):
    first = pulse_items()[0]
    response = signed_in(practice.client).post("/check-in/", {first.id: "5"})
    html = response.content.decode()
    assert "Please answer every question" in html
    assert re.search(rf'name="{first.id}" value="5" checked', html)
    assert not PulseCheck.objects.exists()


def test_home_says_a_check_in_is_due_a_week_after_the_last(practice):
    from datetime import timedelta

    from django.utils import timezone

    browser = signed_in(practice.client)
    _finished(practice.client)
    # Minutes after the first assessment nothing more is due: it measured all a check-in does.
    assert "weekly check-in is due" not in browser.get("/").content.decode()
    Assessment.objects.filter(user=practice.client).update(
        completed_at=timezone.now() - timedelta(days=8)
    )
    assert "weekly check-in is due" in browser.get("/").content.decode()
    do_record_pulse({item.id: 3 for item in pulse_items()}, actor=practice.client)
    assert "weekly check-in is due" not in browser.get("/").content.decode()
    PulseCheck.objects.update(taken_at=timezone.now() - timedelta(days=8))
    assert "weekly check-in is due" in browser.get("/").content.decode()


@pytest.mark.parametrize("history", [1, 6])
def test_profile_page_query_count_does_not_grow_with_history(
    practice, history, django_assert_max_num_queries
):
    now = timezone.now()
    for months in range(history):
        _finished(practice.client, None, now - timedelta(days=30 * (history - months)))
        do_record_pulse({item.id: 3 for item in pulse_items()}, actor=practice.client)
    latest = _finished(practice.client)
    browser = signed_in(practice.client)
    # Two of these read the previous profile and the practice's reference values (cached
    # after the first page), for the sentence about a reliable change since last time.
    with django_assert_max_num_queries(8):
        assert browser.get(f"/profile/{latest.pk}/").status_code == 200


def test_profile_from_a_few_answers_says_what_was_not_scored(practice):
    few = dict(list(maya_answers().items())[:6])
    assessment = _finished(practice.client, few)
    response = signed_in(practice.client).get(f"/profile/{assessment.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "not scored, too few answers" in html
    assert "too few answers to place you on the map" in html
    assert "too few answers to score the barriers" in html
    assert not re.search(r"\bNone\b(?! of)", html)


def test_low_barriers_are_not_listed_as_holding_someone_back(practice):
    assessment = _finished(practice.client)
    levels = {row["barrier"]: row["level"] for row in assessment.profile["barriers"]}
    assert levels["fear_of_independence"] == "low"
    html = signed_in(practice.client).get(f"/profile/{assessment.pk}/").content.decode()
    section = html.split('id="barriers-heading"')[1].split("</section>")[0]
    assert "Fear of letting go of dependence" not in section
    assert "The perfectionism trap" in section


def test_recommendation_reasons_show_plain_words_not_vocabulary_ids():
    from interplay.web.reasons import render

    assert render({"code": "question.fits_focus", "params": {"focus": "balancing"}}) == (
        "fits the focus: keeping both in balance"
    )
    assert render("fits the focus: loosening_over_independence") == (  # the first stored form
        "fits the focus: letting people in"
    )
    assert "_" not in render("speaks to a high over_independence score")


def test_a_stored_profile_is_read_typed_at_the_edge(practice, caplog):
    from interplay.core.profile import Profile
    from interplay.web.assessments.mapping import profile_of
    from interplay.web.assessments.models import Assessment
    from interplay.web.demo import maya_answers

    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(assessment, maya_answers(), actor=practice.client)
    do_finish_assessment(assessment, actor=practice.client)
    stored = Assessment.objects.get(pk=assessment.pk)
    typed = profile_of(stored)
    assert isinstance(typed, Profile) and typed.to_dict() == stored.profile
    stored.profile = {**stored.profile, "focus": "not an object"}
    del stored._typed_profile
    assert profile_of(stored) is None
    assert "profile of another shape" in caplog.text


def test_a_finished_assessment_stores_its_headline_as_columns(practice):
    from interplay.web.assessments.models import Assessment
    from interplay.web.demo import maya_answers

    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(assessment, maya_answers(), actor=practice.client)
    do_finish_assessment(assessment, actor=practice.client)
    stored = Assessment.objects.get(pk=assessment.pk)
    profile = stored.profile
    assert stored.stage == (profile["stage"]["primary"] or "")
    assert stored.boundary_style == (profile["boundaries"]["style"] or "")
    assert stored.focus == (profile["focus"]["focus"] or "")
    assert (stored.autonomy, stored.connection) == (
        profile["balance"]["autonomy"],
        profile["balance"]["connection"],
    )


def test_finishing_stores_layout_3_and_every_load_reads_the_second_form(practice):
    assessment = _finished(practice.client)
    expected = build_profile(maya_answers()).to_dict()
    assert assessment.profile == expected  # the instance handed back to the view
    stored = Assessment.objects.filter(pk=assessment.pk).values_list("profile", flat=True)[0]
    assert stored["layout"] == 3 and stored == build_profile(maya_answers()).to_stored()
    assert Assessment.objects.get(pk=assessment.pk).profile == expected
    deferred = Assessment.objects.defer("profile").get(pk=assessment.pk)
    assert deferred.profile == expected  # read on first use, through from_db as well
    assert assessment.pattern == expected["balance"]["pattern"]  # headline copied from it


def test_a_profile_stored_in_the_second_form_still_reads_as_it_was(practice):
    assessment = _finished(practice.client)
    second = build_profile(maya_answers()).to_dict()
    Assessment.objects.filter(pk=assessment.pk).update(profile=second)
    assert Assessment.objects.get(pk=assessment.pk).profile == second
    html = signed_in(practice.client).get(f"/profile/{assessment.pk}/").content.decode()
    assert "Standing alone" in html and "What this is based on" in html
