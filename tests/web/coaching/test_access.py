"""Every coach-desk URL that takes an id refuses the other coach, the other client and an
anonymous visitor; and an unshared entry never reaches the coach."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from interplay.web.coaching.actions import do_add_note, do_leave_coach, do_save_plan
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.kernel.models import AuditEvent
from tests.core.personas import MAYA
from tests.web.base import is_refused, signed_in
from tests.web.coaching.helpers import assess, write

pytestmark = pytest.mark.django_db


def _urls(practice):
    client = practice.client
    note = do_add_note(
        client, "Talked about the move.", "Ask about the boxes", actor=practice.coach
    )
    plan = do_save_plan(client, "## Opening\n- How was the week?", None, actor=practice.coach)
    return [
        ("get", reverse("coaching:client", args=[client.pk])),
        ("post", reverse("coaching:add_note", args=[client.pk])),
        ("get", reverse("coaching:note", args=[client.pk, note.pk])),
        ("post", reverse("coaching:note", args=[client.pk, note.pk])),
        ("post", reverse("coaching:done", args=[client.pk, note.pk])),
        ("get", reverse("coaching:new_plan", args=[client.pk])),
        ("post", reverse("coaching:new_plan", args=[client.pk])),
        ("get", reverse("coaching:plan", args=[client.pk, plan.pk])),
        ("post", reverse("coaching:plan", args=[client.pk, plan.pk])),
    ]


@pytest.mark.parametrize("who", ["other_coach", "other_client", "client", "anonymous"])
def test_outsiders_are_refused_on_every_coach_desk_url(practice, who):
    from django.test import Client

    browser = Client() if who == "anonymous" else signed_in(getattr(practice, who))
    for method, url in _urls(practice):
        data = {"body": "overwrite", "agenda": "overwrite"} if method == "post" else None
        response = getattr(browser, method)(url, data)
        assert is_refused(response), (who, method, url, response.status_code)
    assert SessionNote.objects.get().body == "Talked about the move."
    assert SessionPlan.objects.get().agenda.startswith("## Opening")


def test_other_coach_cannot_reach_a_note_through_their_own_client_id(practice):
    note = do_add_note(practice.client, "Private to Ana.", actor=practice.coach)
    browser = signed_in(practice.other_coach)
    url = reverse("coaching:note", args=[practice.other_client.pk, note.pk])
    assert browser.get(url).status_code == 404


def test_coach_without_two_factor_is_sent_to_set_it_up(practice):
    browser = signed_in(practice.coach, verified=False)
    response = browser.get(reverse("coaching:client", args=[practice.client.pk]))
    assert response.status_code == 302 and "/accounts/2fa/" in response["Location"]


def test_a_coach_loses_the_client_page_and_notes_when_the_client_leaves(practice):
    note = do_add_note(practice.client, "Before she left.", actor=practice.coach)
    do_leave_coach(actor=practice.client)
    browser = signed_in(practice.coach)
    assert browser.get(reverse("coaching:client", args=[practice.client.pk])).status_code == 404
    url = reverse("coaching:note", args=[practice.client.pk, note.pk])
    assert browser.get(url).status_code == 404


def test_unshared_entry_never_reaches_the_coach(practice):
    write(practice.client, "Kept to myself", "PRIVATE-WORDS about my sister", shared=False)
    write(practice.client, "For Ana", "SHARED-WORDS about asking for help", shared=True)
    assess(practice.client, MAYA)
    browser = signed_in(practice.coach)
    pages = [
        reverse("coaching:dashboard"),
        reverse("coaching:client", args=[practice.client.pk]),
        reverse("coaching:client_journal", args=[practice.client.pk]) + "?q=sister",
        reverse("coaching:client_journal", args=[practice.client.pk]) + "?q=PRIVATE",
        reverse("coaching:client_journal", args=[practice.client.pk]),
        reverse("coaching:new_plan", args=[practice.client.pk]),
    ]
    for url in pages:
        html = browser.get(url).content.decode()
        assert "PRIVATE-WORDS" not in html and "Kept to myself" not in html, url
        assert "my sister" not in html, url
    client_page = browser.get(pages[1]).content.decode()
    assert "SHARED-WORDS" in client_page
    search = browser.get(pages[3]).content.decode()
    assert "0 shared entries contain" in search
    assert "SHARED-WORDS" in browser.get(pages[4]).content.decode()
    found = browser.get(pages[4] + "?q=asking").content.decode()
    assert "1 shared entry contains" in found


def test_unshared_assessment_is_not_shown_to_the_coach(practice):
    assess(practice.client, MAYA, shared=False)
    html = (
        signed_in(practice.coach)
        .get(reverse("coaching:client", args=[practice.client.pk]))
        .content.decode()
    )
    assert "No assessment shared yet" in html


def test_every_client_page_read_is_audited(practice):
    browser = signed_in(practice.coach)
    browser.get(reverse("coaching:client", args=[practice.client.pk]))
    browser.get(reverse("coaching:new_plan", args=[practice.client.pk]))
    whats = list(
        AuditEvent.objects.filter(actor=practice.coach, client=practice.client).values_list(
            "what", flat=True
        )
    )
    assert "overview" in whats and "session planner" in whats


def test_notes_and_plans_are_encrypted_at_rest(practice):
    do_add_note(practice.client, "She cried about her father.", "Call back", actor=practice.coach)
    do_save_plan(practice.client, "Talk about her father", None, actor=practice.coach)
    with connection.cursor() as cursor:
        cursor.execute("SELECT body, follow_up FROM coachdesk_sessionnote")
        body, follow_up = cursor.fetchone()
        cursor.execute("SELECT agenda FROM coachdesk_sessionplan")
        (agenda,) = cursor.fetchone()
    assert "father" not in body and "Call" not in follow_up and "father" not in agenda
    assert SessionNote.objects.get().body == "She cried about her father."


def test_coach_signs_up_and_must_set_up_two_factor_before_any_client_page(db, outbox):
    from django.test import Client

    from interplay.web.accounts.models import User
    from tests.web.base import emailed_code

    browser = Client()
    response = browser.post(
        reverse("coaching:sign_up"),
        {"name": "Cora Coach", "email": "cora@coach.test", "password1": "a long coach pass 77"},
    )
    assert response["Location"] == "/accounts/confirm-email/"  # the address is proved first
    assert User.objects.get(email="cora@coach.test").is_coach
    response = browser.post("/accounts/confirm-email/", {"code": emailed_code(outbox[-1])})
    assert response["Location"] == "/"  # home sends a coach to the desk, which asks first
    response = browser.get(reverse("coaching:dashboard"))
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_coach_sign_up_answers_the_same_for_a_taken_email(practice, outbox):
    from django.test import Client

    response = Client().post(
        reverse("coaching:sign_up"),
        {"name": "Ana", "email": practice.coach.email, "password1": "a long coach pass 77"},
    )
    assert response["Location"] == "/accounts/confirm-email/"
    assert outbox[-1].to == [practice.coach.email]  # the owner hears of it, nobody else


def test_the_history_is_paged_newest_first_each_step_compared_with_the_one_before(practice):
    from tests.web.coaching.helpers import days_ago

    for n in range(7):
        assess(practice.client, MAYA, when=days_ago(70 - 10 * n))
    url = reverse("coaching:client_history", args=[practice.client.pk])
    browser = signed_in(practice.coach)
    html = browser.get(url).content.decode()
    assert html.count('<li class="card">\n    <h3>') == 5
    assert "Earlier assessments" in html and "Later assessments" not in html
    assert "The first shared assessment: the starting point." not in html
    older = browser.get(url + "?page=2").content.decode()
    assert older.count('<li class="card">\n    <h3>') == 2
    assert older.count("since the assessment before") == 1  # the 2nd; the 1st is the start
    assert "The first shared assessment: the starting point." in older
    assert "Later assessments" in older and "Earlier assessments" not in older
    for nonsense in ("0", "-1", "abc", "99"):  # a bad page number still shows a page
        assert browser.get(f"{url}?page={nonsense}").status_code == 200
