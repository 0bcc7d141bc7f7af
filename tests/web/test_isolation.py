"""Outsiders get a 404 (or the sign-in page), never the data: every URL that takes an id, for
the other coach, the other client, the client's own coach where the page is the client's
alone, and an anonymous visitor."""

import pytest
from django.test import Client

from interplay.web.journal.actions import do_save_entry, do_set_entry_sharing
from interplay.web.kernel.models import AuditEvent
from tests.web.base import is_refused, mark_passed_two_factor, signed_in
from tests.web.pages import POST_ONLY, client_objects, urls_for

CLIENT_ID_PAGES = [
    "assessments:page",
    "assessments:answer",
    "assessments:finish",
    "assessments:profile",
    "assessments:sharing",
    "journal:detail",
    "journal:edit",
    "journal:share",
    "journal:delete",
]


@pytest.fixture
def urls(practice):
    return urls_for(practice, client_objects(practice))


@pytest.mark.parametrize("name", CLIENT_ID_PAGES)
@pytest.mark.parametrize("who", ["other_client", "other_coach", "coach", "anonymous"])
def test_outsider_is_refused_on_client_pages_with_ids(practice, urls, name, who):
    browser = Client() if who == "anonymous" else signed_in(getattr(practice, who))
    for method in (browser.get, browser.post):
        response = method(urls[name])
        post_only_get = name in POST_ONLY and method == browser.get
        refused = is_refused(response) or (post_only_get and response.status_code == 405)
        assert refused, (name, who, method.__name__, response.status_code)
        assert b"private thought" not in response.content


def test_refused_requests_change_nothing(practice, urls):
    outsider = signed_in(practice.other_client)
    outsider.post(urls["journal:share"], {"shared": "1"})
    outsider.post(urls["journal:delete"])
    outsider.post(urls["journal:edit"], {"title": "x", "body": "overwritten"})
    entry = practice.client.journal_entries.get()
    assert entry.body == "A private thought about my sister."
    assert entry.shared_with_coach is False


@pytest.mark.parametrize("who", ["other_coach", "client", "other_client", "anonymous"])
def test_outsider_is_refused_on_coach_client_overview(practice, urls, who):
    browser = Client() if who == "anonymous" else signed_in(getattr(practice, who))
    response = browser.get(urls["coaching:client_overview"])
    assert is_refused(response)
    assert practice.client.name.encode() not in response.content


def test_coach_without_two_factor_is_sent_to_verify_not_shown_data(practice, urls):
    browser = signed_in(practice.coach, verified=False)
    response = browser.get(urls["coaching:client_overview"])
    assert response.status_code == 302 and "/accounts/2fa/" in response["Location"]
    assert not AuditEvent.objects.filter(kind="coach_read").exists()


def test_former_coach_loses_access_when_client_leaves(practice, urls):
    signed_in(practice.client).post("/account/", {"action": "leave_coach"})
    response = signed_in(practice.coach).get(urls["coaching:client_overview"])
    assert response.status_code == 404


def test_unshared_entry_never_reaches_the_coach(practice, urls):
    shared = do_save_entry("Shared one", "I asked Tom for help today.", actor=practice.client)
    do_set_entry_sharing(shared, True, actor=shared.owner)
    response = signed_in(practice.coach).get(urls["coaching:client"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "I asked Tom for help today." in html
    assert "private thought" not in html and "Private title" not in html
    # One entry on the timeline: the count leaks nothing either.
    assert html.count('<span class="kind">Journal entry</span>') == 1


def test_old_coach_addresses_lead_to_the_one_home_and_client_page(practice, urls):
    coach = signed_in(practice.coach)
    response = coach.get(urls["coaching:client_overview"])
    assert (response.status_code, response["Location"]) == (301, urls["coaching:client"])
    response = coach.get(urls["coaching:coach_home"])
    assert (response.status_code, response["Location"]) == (301, urls["coaching:dashboard"])
    assert not AuditEvent.objects.filter(kind="coach_read").exists()  # a redirect reads nothing


def test_each_coach_read_is_audited(practice, urls):
    signed_in(practice.coach).get(urls["coaching:client"])
    event = AuditEvent.objects.get(kind="coach_read")
    assert (event.actor, event.client, event.what) == (
        practice.coach,
        practice.client,
        "overview",
    )


def test_coach_sees_no_assessment_the_client_stopped_sharing(practice, urls):
    signed_in(practice.client).post(urls["assessments:sharing"], {"shared": "0"})
    html = signed_in(practice.coach).get(urls["coaching:client"]).content.decode()
    assert "No assessment shared yet." in html


def test_coach_reaches_a_shared_entry_by_id_and_the_read_is_audited(practice):
    from interplay.web.coaching.access import get_shared_entry_for_coach

    shared = do_save_entry("", "Shared words", actor=practice.client)
    do_set_entry_sharing(shared, True, actor=shared.owner)
    mark_passed_two_factor(practice.coach)
    entry = get_shared_entry_for_coach(practice.coach, practice.client.pk, shared.pk)
    assert entry.body == "Shared words"
    event = AuditEvent.objects.get(kind="coach_read")
    assert (event.what, event.object_id) == ("journal entry", shared.pk)


@pytest.mark.parametrize("whose", ["private", "other_clients"])
def test_coach_lookup_by_id_refuses_private_and_other_clients_entries(practice, whose):
    from django.http import Http404

    from interplay.web.coaching.access import get_shared_entry_for_coach

    owner = practice.client if whose == "private" else practice.other_client
    entry = do_save_entry("", "Not for the coach", actor=owner)
    if whose == "other_clients":
        do_set_entry_sharing(entry, True, actor=entry.owner)
    mark_passed_two_factor(practice.coach)
    with pytest.raises(Http404):
        get_shared_entry_for_coach(practice.coach, owner.pk, entry.pk)
    with pytest.raises(Http404):  # nor by pairing the coach's own client id with it
        get_shared_entry_for_coach(practice.coach, practice.client.pk, entry.pk)
    assert not AuditEvent.objects.filter(kind="coach_read").exists()


def test_coach_lookup_refuses_unshared_assessment(practice):
    from django.http import Http404

    from interplay.web.coaching.access import get_shared_assessment_for_coach

    objects = client_objects(practice)
    mark_passed_two_factor(practice.coach)
    assessment = get_shared_assessment_for_coach(
        practice.coach, practice.client.pk, objects.done_assessment_pk
    )
    assert assessment.profile
    signed_in(practice.client).post(f"/profile/{assessment.pk}/sharing/", {"shared": "0"})
    with pytest.raises(Http404):
        get_shared_assessment_for_coach(practice.coach, practice.client.pk, assessment.pk)
    with pytest.raises(Http404):
        get_shared_assessment_for_coach(
            practice.other_coach, practice.client.pk, objects.done_assessment_pk
        )


def test_unverified_coach_gets_nothing_from_scoped_lookups(practice):
    from django.http import Http404

    from interplay.web.coaching.access import access_client_for_coach

    with pytest.raises(Http404):
        access_client_for_coach(practice.coach, practice.client.pk)


def test_client_sees_when_their_coach_looked(practice, urls):
    signed_in(practice.coach).get(urls["coaching:client"])
    html = signed_in(practice.client).get("/account/").content.decode()
    assert "Ana Coach (your overview)" in html
    other = signed_in(practice.other_client).get("/account/").content.decode()
    assert "No coach has opened anything of yours." in other
