"""The one schedule on the web: the coach sets the interval, and Home, the dashboard and the
client page all say the same thing is due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from interplay.web.kernel.errors import ActionError
from interplay.web.practice.actions import do_save_experiment, do_set_experiment_sharing
from interplay.web.practice.models import Experiment
from interplay.web.schedule.access import reassess_weeks_of
from interplay.web.schedule.actions import do_set_reassess_weeks
from interplay.web.schedule.models import ClientSchedule
from tests.core.personas import MAYA
from tests.web.base import signed_in
from tests.web.coaching.helpers import assess

pytestmark = pytest.mark.django_db
PLAN = {"title": "Ask Sam for a lift", "technique": "start_small", "direction": "toward_connection",
        "stakes": "low", "what": "Ask for a lift to the station."}  # fmt: skip


def _assessed_weeks_ago(client, weeks):
    return assess(client, MAYA, when=timezone.now() - timedelta(weeks=weeks, hours=1))


def test_the_default_is_six_weeks_and_the_coach_may_change_it_for_their_client(practice):
    assert reassess_weeks_of(practice.client) == 6
    browser = signed_in(practice.coach)
    url = reverse("coaching:schedule", args=[practice.client.pk])
    response = browser.post(url, {"weeks": "8"}, follow=True)
    assert "Re-assessment every 8 weeks" in response.content.decode()
    assert reassess_weeks_of(practice.client) == 8
    page = browser.get(reverse("coaching:client", args=[practice.client.pk])).content.decode()
    assert '<option value="8" selected>' in page


def test_an_interval_not_offered_is_refused_with_a_message_and_changes_nothing(practice):
    browser = signed_in(practice.coach)
    url = reverse("coaching:schedule", args=[practice.client.pk])
    response = browser.post(url, {"weeks": "5"}, follow=True)
    assert "Please choose one of the intervals offered" in response.content.decode()
    assert not ClientSchedule.objects.exists()


def test_only_the_clients_own_coach_may_set_the_interval(practice):
    for who in (practice.other_coach, practice.client, practice.other_client):
        with pytest.raises(ActionError):
            do_set_reassess_weeks(practice.client, 8, actor=who)
    response = signed_in(practice.other_coach).post(
        reverse("coaching:schedule", args=[practice.client.pk]), {"weeks": "8"}
    )
    assert response.status_code == 404
    assert reassess_weeks_of(practice.client) == 6


def test_home_the_dashboard_and_the_client_page_agree_on_the_clients_interval(practice):
    _assessed_weeks_ago(practice.client, 4)
    coach, home = signed_in(practice.coach), signed_in(practice.client)
    dashboard_url = reverse("coaching:dashboard")
    client_url = reverse("coaching:client", args=[practice.client.pk])

    def due_everywhere():
        rows = coach.get(dashboard_url + "?sort=-due").context["rows"]
        return (
            any(item.startswith("Re-assessment") for item in rows[0]["due"]),
            "Suggest a re-assessment" in coach.get(client_url).content.decode(),
            "Time to take the self-assessment again" in home.get("/").content.decode(),
        )

    assert due_everywhere() == (False, False, False)  # four weeks of the default six
    do_set_reassess_weeks(practice.client, 4, actor=practice.coach)
    assert due_everywhere() == (True, True, True)
    assert "every 4 weeks" in home.get("/").content.decode()


def test_the_due_sort_uses_each_clients_own_interval(practice):
    _assessed_weeks_ago(practice.client, 3)
    browser = signed_in(practice.coach)
    url = reverse("coaching:dashboard") + "?sort=-due"
    assert not any("Re-assessment" in i for i in browser.get(url).context["rows"][0]["due"])
    do_set_reassess_weeks(practice.client, 3, actor=practice.coach)
    assert any("Re-assessment" in i for i in browser.get(url).context["rows"][0]["due"])


def test_a_follow_up_is_due_on_home_from_the_planned_day_and_for_the_coach_when_shared(practice):
    client = practice.client
    _assessed_weeks_ago(client, 0)
    tomorrow = timezone.localdate() + timedelta(days=1)
    experiment = do_save_experiment({**PLAN, "planned_for": tomorrow.isoformat()}, actor=client)
    home = signed_in(client)
    assert "Experiments to reflect on" not in home.get("/").content.decode()
    assert "An experiment to reflect on" not in home.get("/").content.decode()
    Experiment.objects.filter(pk=experiment.pk).update(planned_for=timezone.localdate())
    page = home.get("/").content.decode()
    assert "An experiment to reflect on" in page
    assert reverse("practice:reflect", args=[experiment.pk]) in page
    coach = signed_in(practice.coach)
    rows = coach.get(reverse("coaching:dashboard")).context["rows"]
    assert not any("follow up" in item for item in rows[0]["due"])  # not shared yet
    do_set_experiment_sharing(experiment, True, actor=client)
    rows = coach.get(reverse("coaching:dashboard")).context["rows"]
    assert "1 experiment to follow up" in rows[0]["due"]
    client_page = coach.get(reverse("coaching:client", args=[client.pk])).content.decode()
    assert "planned day has come" in client_page


def test_a_bad_planned_day_is_refused_and_the_plan_kept_on_the_form(practice):
    browser = signed_in(practice.client)
    response = browser.post(reverse("practice:new"), {**PLAN, "planned_for": "next tuesday"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "needs a date" in html and "Ask for a lift to the station." in html
    assert not Experiment.objects.exists()
