"""Role-play rehearsal on the web: turn by turn, stored and rebuilt, debriefed, and turned into
an experiment; coaches' own scenarios validated and offered."""

import json
from html import escape

from django.urls import reverse

from interplay.core.scenarios import scenario_by_id
from interplay.web.practice.models import CoachScenario, RolePlay, RolePlayReply
from interplay.web.practice.rehearsal import do_set_scenario_offered
from tests.web.base import signed_in
from tests.web.practice.pages import SCENARIO

CLEAR = "I'd really appreciate a lift to the station, could you take me at eight?"


def _start(browser, key="s:s-ask-for-a-lift"):
    response = browser.post(reverse("practice:start_roleplay"), {"scenario": key})
    return RolePlay.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_each_reply_is_analysed_stored_and_answered(practice, client_browser):
    run = _start(client_browser)
    client_browser.post(reverse("practice:roleplay", args=[run.pk]), {"reply": CLEAR})
    stored = RolePlayReply.objects.get()
    assert stored.text == CLEAR and json.loads(stored.analysis_json)["request"] is True
    page = client_browser.get(reverse("practice:roleplay", args=[run.pk])).content.decode()
    scenario = scenario_by_id("s-ask-for-a-lift")
    assert escape(scenario.opening) in page and escape(scenario.responses["answer"][0]) in page


def test_an_empty_reply_is_refused_without_losing_the_run(practice, client_browser):
    run = _start(client_browser)
    response = client_browser.post(reverse("practice:roleplay", args=[run.pk]), {"reply": " "})
    assert response.status_code == 422 and not RolePlayReply.objects.exists()


def test_run_to_its_debrief_and_turn_it_into_an_experiment(practice, client_browser):
    run = _start(client_browser)
    url = reverse("practice:roleplay", args=[run.pk])
    response = None
    for _ in range(8):
        response = client_browser.post(url, {"reply": CLEAR})
        if "debrief" in response["Location"]:
            break
    assert "debrief" in response["Location"]
    debrief = client_browser.get(response["Location"]).content.decode()
    assert "What worked" in debrief and "One thing to adjust" in debrief
    assert "Turn 4" in debrief
    plan = client_browser.get(reverse("practice:new") + f"?roleplay={run.pk}").content.decode()
    assert "For real: Asking for a lift" in plan and escape(CLEAR) in plan


def test_stopping_early_gives_a_debrief_of_the_turns_played(practice, client_browser):
    run = _start(client_browser)
    client_browser.post(reverse("practice:roleplay", args=[run.pk]), {"reply": "Sorry, sorry."})
    client_browser.post(reverse("practice:stop_roleplay", args=[run.pk]))
    debrief = client_browser.get(reverse("practice:debrief", args=[run.pk])).content.decode()
    assert "You stopped before the end" in debrief and "Turn 1" in debrief
    after = client_browser.post(reverse("practice:roleplay", args=[run.pk]), {"reply": "More"})
    assert after.status_code == 422 and RolePlayReply.objects.count() == 1


def test_unfinished_run_has_no_debrief_yet(practice, client_browser):
    run = _start(client_browser)
    response = client_browser.get(reverse("practice:debrief", args=[run.pk]))
    assert response.status_code == 302 and response["Location"].endswith(f"/rehearse/{run.pk}/")


def test_unknown_scenario_cannot_be_started(practice, client_browser):
    response = client_browser.post(reverse("practice:start_roleplay"), {"scenario": "s:s-nope"})
    assert response.status_code == 302 and not RolePlay.objects.exists()


def _form(scenario):
    data = {k: scenario[k] for k in ("id", "title", "direction", "stakes", "situation")}
    data |= {"feared_outcome": scenario["feared_outcome"], "opening": scenario["opening"]}
    data |= {f"counterpart_{k}": v for k, v in scenario["counterpart"].items()}
    data |= {f"responses_{k}": "\n".join(v) for k, v in scenario["responses"].items()}
    data["max_turns"] = "6"
    return data


def test_coach_writes_a_scenario_and_offers_it_to_clients(practice, coach_browser, client_browser):
    response = coach_browser.post(reverse("practice:coach_new_scenario"), _form(SCENARIO))
    stored = CoachScenario.objects.get()
    assert response.status_code == 302 and stored.data["counterpart"]["name"] == "Dan"
    assert (
        "Asking my brother"
        not in client_browser.get(reverse("practice:scenarios")).content.decode()
    )
    coach_browser.post(reverse("practice:coach_offer", args=[stored.pk]), {"offered": "1"})
    page = client_browser.get(reverse("practice:scenarios")).content.decode()
    assert "Asking my brother" in page and "from your coach" in page
    other = signed_in(practice.other_client).get(reverse("practice:scenarios")).content.decode()
    assert "Asking my brother" not in other
    run = _start(client_browser, f"c:{stored.pk}")
    assert run.coach_scenario == stored and run.scenario_data["opening"] == SCENARIO["opening"]


def test_a_bad_scenario_names_the_problem_and_loses_nothing(practice, coach_browser):
    form = _form(SCENARIO) | {"responses_push": "Only one line"}
    response = coach_browser.post(reverse("practice:coach_new_scenario"), form)
    html = response.content.decode()
    assert response.status_code == 422
    assert "&#x27;push&#x27; needs at least 2 lines (it has 1)" in html
    assert SCENARIO["situation"] in html and "Only one line" in html
    assert not CoachScenario.objects.exists()


def test_a_scenario_may_not_reuse_a_shipped_id(practice, coach_browser):
    form = _form(SCENARIO) | {"id": "s-ask-for-a-lift"}
    response = coach_browser.post(reverse("practice:coach_new_scenario"), form)
    assert response.status_code == 422 and "duplicate id" in response.content.decode()


def test_editing_a_scenario_keeps_its_id_free_for_itself(practice, coach_browser):
    coach_browser.post(reverse("practice:coach_new_scenario"), _form(SCENARIO))
    stored = CoachScenario.objects.get()
    form = _form(SCENARIO) | {"title": "Calling before visiting"}
    response = coach_browser.post(reverse("practice:coach_scenario", args=[stored.pk]), form)
    stored.refresh_from_db()
    assert response.status_code == 302 and stored.data["title"] == "Calling before visiting"


def test_a_run_keeps_the_scenario_as_it_was_when_it_began(practice, coach_browser, client_browser):
    coach_browser.post(reverse("practice:coach_new_scenario"), _form(SCENARIO))
    stored = CoachScenario.objects.get()
    do_set_scenario_offered(stored, True, actor=stored.coach)
    run = _start(client_browser, f"c:{stored.pk}")
    form = _form(SCENARIO) | {"opening": "A changed opening line."}
    coach_browser.post(reverse("practice:coach_scenario", args=[stored.pk]), form)
    page = client_browser.get(reverse("practice:roleplay", args=[run.pk])).content.decode()
    assert escape(SCENARIO["opening"]) in page


def test_deleting_a_scenario_keeps_runs_already_played(practice, coach_browser, client_browser):
    coach_browser.post(reverse("practice:coach_new_scenario"), _form(SCENARIO))
    stored = CoachScenario.objects.get()
    do_set_scenario_offered(stored, True, actor=stored.coach)
    run = _start(client_browser, f"c:{stored.pk}")
    coach_browser.post(reverse("practice:coach_delete", args=[stored.pk]))
    assert not CoachScenario.objects.exists()
    page = client_browser.get(reverse("practice:roleplay", args=[run.pk]))
    assert page.status_code == 200 and escape(SCENARIO["opening"]) in page.content.decode()
