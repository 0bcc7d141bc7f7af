"""The profile page keeps its findings' HTML per finished assessment and language
(assessments/fragments.py): the same page each time, rendered once, with the parts that change
(the sharing switch, the map's trail) fresh on every request, and no way around the scoped
lookup."""

from __future__ import annotations

import pytest
from django.urls import reverse

from interplay.web.assessments import presenters
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_save_answers,
    do_set_assessment_sharing,
    do_start_assessment,
)
from interplay.web.demo import maya_answers
from tests.web.base import signed_in

pytestmark = pytest.mark.django_db


def _finished(user):  # type: ignore[no-untyped-def]
    assessment = do_start_assessment(actor=user)
    do_save_answers(assessment, maya_answers(), actor=user)
    return do_finish_assessment(assessment, actor=user)


def test_the_findings_render_once_and_the_page_around_them_stays_fresh(practice, monkeypatch):
    assessment = _finished(practice.client)
    url = reverse("assessments:profile", args=[assessment.pk])
    calls = []
    real = presenters.findings_context
    monkeypatch.setattr(presenters, "findings_context", lambda a: calls.append(a.pk) or real(a))
    browser = signed_in(practice.client)
    first = browser.get(url).content.decode()
    do_set_assessment_sharing(assessment, False, actor=practice.client)
    second = browser.get(url).content.decode()
    assert calls == [assessment.pk]  # rendered once
    assert "Questions to sit with" in first and "Questions to sit with" in second
    assert "If you work with a coach, they can see this result." in first
    assert "Only you can see this result." in second  # the switch is not kept
    start, end = first.index('id="focus-heading"'), first.index('id="sharing-heading"')
    assert first[start:end] == second[start:end]


def test_another_assessment_and_another_reader_are_never_served_it(practice):
    mine = _finished(practice.client)
    theirs = _finished(practice.other_client)
    mine_page = signed_in(practice.client).get(reverse("assessments:profile", args=[mine.pk]))
    assert mine_page.status_code == 200
    outsider = signed_in(practice.other_client)
    assert outsider.get(reverse("assessments:profile", args=[mine.pk])).status_code == 404
    own = outsider.get(reverse("assessments:profile", args=[theirs.pk]))
    assert own.status_code == 200 and own.context["findings_html"] is not None
