"""Outsiders get a 404 or the sign-in page on every practice, values and map URL that takes
an id, and nothing a client keeps private ever reaches their coach."""

import pytest
from django.db import connection
from django.test import Client

from interplay.web.practice.actions import do_set_experiment_sharing
from interplay.web.practice.models import Experiment
from interplay.web.relationships.actions import do_set_map_sharing
from interplay.web.values.actions import do_set_belief_sharing
from interplay.web.values.models import Belief
from tests.web.base import is_refused, signed_in
from tests.web.practice.pages import (
    CLIENT_ID_PAGES,
    COACH_ID_PAGES,
    POST_ONLY,
    practice_objects,
    practice_urls,
)

PRIVATE_WORDS = [b"private", b"Sam will think", b"Private value words"]


@pytest.fixture
def urls(practice):
    return practice_urls(practice)


def _browser(practice, who):
    return Client() if who == "anonymous" else signed_in(getattr(practice, who))


@pytest.mark.parametrize("name", CLIENT_ID_PAGES)
@pytest.mark.parametrize("who", ["other_client", "other_coach", "coach", "anonymous"])
def test_outsider_is_refused_on_practice_pages_with_ids(practice, urls, name, who):
    browser = _browser(practice, who)
    for method in (browser.get, browser.post):
        response = method(urls[name])
        post_only_get = name in POST_ONLY and method == browser.get
        assert is_refused(response) or (post_only_get and response.status_code == 405), (
            name,
            who,
            method.__name__,
            response.status_code,
        )
        for words in PRIVATE_WORDS:
            assert words not in response.content


@pytest.mark.parametrize("name", COACH_ID_PAGES)
@pytest.mark.parametrize("who", ["other_coach", "client", "other_client", "anonymous"])
def test_outsider_is_refused_on_coach_practice_pages(practice, urls, name, who):
    browser = _browser(practice, who)
    for method in (browser.get, browser.post):
        response = method(urls[name])
        post_only_get = name in POST_ONLY and method == browser.get
        assert is_refused(response) or (post_only_get and response.status_code == 405)
        assert b"Asking my brother" not in response.content


def test_refused_requests_change_nothing(practice, urls):
    outsider = signed_in(practice.other_client)
    outsider.post(urls["practice:share"], {"shared": "1"})
    outsider.post(urls["practice:delete"])
    outsider.post(urls["practice:edit"], {"title": "x", "what": "overwritten"})
    outsider.post(urls["values:share_belief"], {"shared": "1"})
    outsider.post(urls["relationships:delete_person"])
    signed_in(practice.other_coach).post(urls["practice:coach_offer"], {"offered": "1"})
    experiment = Experiment.objects.get(owner=practice.client)
    assert experiment.title == "Ask Sam for a lift" and not experiment.shared_with_coach
    assert not Belief.objects.get(owner=practice.client).shared_with_coach
    assert practice.client.map_people.count() == 1
    assert not practice.coach.own_scenarios.get().offered


def test_outsider_cannot_link_someone_elses_items_to_a_plan(practice, urls):
    theirs = practice_objects(practice, owner=practice.other_client)
    browser = signed_in(practice.client)
    response = browser.post(
        urls["practice:new"],
        {
            "title": "Borrowed links",
            "technique": "start_small",
            "direction": "toward_autonomy",
            "stakes": "low",
            "what": "Try it",
            "belief": str(theirs.belief_pk),
            "person": str(theirs.person_pk),
        },
    )
    assert response.status_code == 422
    assert not Experiment.objects.filter(owner=practice.client, title="Borrowed links").exists()


def test_unshared_practice_never_reaches_the_coach(practice, urls):
    response = signed_in(practice.coach).get(urls["coaching:practice"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "A private belief" not in html and "Ask Sam for a lift" not in html
    assert "Sam" not in html and "Private value words" not in html
    assert "The map is private." in html


def test_shared_items_reach_the_coach_one_by_one(practice, urls):
    experiment = Experiment.objects.get(owner=practice.client)
    do_set_experiment_sharing(experiment, True, actor=experiment.owner)
    do_set_belief_sharing(
        Belief.objects.get(owner=practice.client),
        True,
        actor=practice.client,
    )
    do_set_map_sharing(True, actor=practice.client)
    html = signed_in(practice.coach).get(urls["coaching:practice"]).content.decode()
    assert "Ask Sam for a lift" in html and "A private belief" in html
    assert "Private value words" not in html  # the value itself was not shared
    assert "Consider firming up" in html and "Sam" in html


def test_sensitive_text_is_encrypted_at_rest(practice, urls):
    with connection.cursor() as cursor:
        for table, column in [
            ("practice_experiment", "feared_outcome"),
            ("practice_statementdraft", "text"),
            ("practice_roleplayreply", "text"),
            ("values_belief", "belief"),
            ("relationships_mapperson", "note"),
            ("relationships_mapsnapshot", "people_json"),
        ]:
            cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
            stored = " ".join(str(row[0]) for row in cursor.fetchall())
            assert stored and "private" not in stored.lower() and "Sam" not in stored, table


@pytest.mark.parametrize("param", ["belief", "draft", "roleplay"])
def test_ids_in_the_query_string_are_scoped_too(practice, param):
    theirs = practice_objects(practice, owner=practice.other_client)
    pk = {"belief": theirs.belief_pk, "draft": theirs.draft_pk, "roleplay": theirs.role_play_pk}
    browser = signed_in(practice.client)
    response = browser.get(f"/practice/experiments/new/?{param}={pk[param]}")
    assert response.status_code == 404
    assert b"private" not in response.content
    statements = browser.get(f"/practice/statements/?draft={theirs.draft_pk}")
    assert statements.status_code == 404
