"""The coach's progress page reads only what the client shared, through the ClientView."""

from __future__ import annotations

from django.urls import reverse

from interplay.web.assessments.models import Assessment
from interplay.web.kernel.models import AuditEvent
from tests.web.base import signed_in
from tests.web.progress.helpers import answers_leaning, finished, reflected


def test_coach_sees_shared_progress_and_the_read_is_audited(practice):
    client = practice.client
    finished(client, answers_leaning(dependence=5, interdependence=2), days_ago=60)
    finished(client, answers_leaning(dependence=2, interdependence=4), days_ago=2)
    reflected(client, "Shared step", outcome="no", shared_with_coach=True)
    reflected(client, "Private step", outcome="no")
    before = AuditEvent.objects.count()
    page = signed_in(practice.coach).get(reverse("coaching:progress", args=[client.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Leaning on others went from 5.00 to 2.00" in html
    assert "In “Shared step”, the client&#x27;s feared outcome did not happen." in html
    assert "Private step" not in html
    assert AuditEvent.objects.count() == before + 1


def test_an_unshared_assessment_is_left_out_of_the_coach_page(practice):
    client = practice.client
    finished(client, answers_leaning(dependence=5, interdependence=2), days_ago=60)
    hidden = finished(client, answers_leaning(dependence=2, interdependence=4), days_ago=2)
    Assessment.objects.filter(pk=hidden.pk).update(shared_with_coach=False)
    html = signed_in(practice.coach).get(reverse("coaching:progress", args=[client.pk]))
    text = html.content.decode()
    assert (
        "One assessment so far" in text
        and "Two finished assessments are needed to compare." in text
    )


def test_the_client_page_links_to_the_progress_page(practice):
    html = signed_in(practice.coach).get(reverse("coaching:client", args=[practice.client.pk]))
    assert reverse("coaching:progress", args=[practice.client.pk]) in html.content.decode()


def test_other_coach_gets_404(practice):
    url = reverse("coaching:progress", args=[practice.client.pk])
    assert signed_in(practice.other_coach).get(url).status_code == 404


def test_a_feared_outcome_that_did_not_happen_is_acknowledged_after_the_reflection(practice):
    from interplay.web.practice.models import Experiment

    client = practice.client
    experiment = Experiment.objects.create(
        owner=client, title="Ask for a lift", technique="start_small",
        direction="toward_connection", stakes="medium", what="ask", anxiety_predicted=6,
    )  # fmt: skip
    browser = signed_in(client)
    response = browser.post(
        reverse("practice:reflect", args=[experiment.pk]),
        {"what_happened": "fine", "anxiety_during": "2", "feared_outcome_happened": "no"},
        follow=True,
    )
    html = response.content.decode()
    assert "“Ask for a lift” was your first step beyond the low-stakes rung." in html
    assert "what you feared did not happen" in html
