import pytest
from django.db import connection
from django.test import Client

from interplay.core.vocabulary import SafetyRisk
from interplay.web.coaching.actions import do_invite_client, do_leave_coach
from interplay.web.journal.actions import do_save_entry
from interplay.web.kernel.models import AuditEvent
from interplay.web.safety.actions import (
    do_acknowledge_flag,
    do_raise_safety_flag,
    do_save_safety_plan,
    do_set_safety_consent,
    tells_coach,
)
from interplay.web.safety.models import SafetyFlag, SafetyPlan
from tests.web.base import PASSWORD, is_refused, signed_in
from tests.web.insights.texts import FIGURE, FROM_OTHERS, POROUS, SELF_HARM

PLAN = {
    "warning_signs": "Not sleeping, cancelling on friends",
    "what_helps": "A walk along the canal",
    "people": "My cousin Dev, 07700 900123",
    "safe_places": "The library",
    "professionals": "Dr Okafor at the surgery",
}


def test_risk_entry_shows_the_plan_first_then_crisis_resources(practice):
    do_save_safety_plan(PLAN, actor=practice.client)
    browser = signed_in(practice.client)
    response = browser.post("/journal/new/", {"title": "", "body": SELF_HARM}, follow=True)
    html = response.content.decode()
    support, plan, services = (
        html.index("how are you right now?"),
        html.index("A walk along the canal"),
        html.index("Samaritans"),
    )
    assert support < plan < services < html.index("giving my things away")
    assert "Coaching is not crisis care." in html
    assert "These numbers were last checked on 27 November 2026." in html


def test_risk_from_someone_else_lists_the_services_for_that_risk(practice):
    entry = do_save_entry("", FROM_OTHERS, actor=practice.client)
    html = signed_in(practice.client).get(f"/journal/{entry.pk}/").content.decode()
    assert "Domestic Abuse Helpline" in html and "NHS 111" not in html
    assert "You have not written a safety plan yet" in html


@pytest.mark.parametrize("text", [FIGURE, POROUS])
def test_no_safety_message_without_a_risk(practice, text):
    entry = do_save_entry("", text, actor=practice.client)
    html = signed_in(practice.client).get(f"/journal/{entry.pk}/").content.decode()
    assert "how are you right now?" not in html


def test_a_risk_in_the_title_alone_still_shows_the_message(practice):
    entry = do_save_entry(
        "I wonder whether there is any point going on", "x", actor=practice.client
    )
    html = signed_in(practice.client).get(f"/journal/{entry.pk}/").content.decode()
    assert "how are you right now?" in html


def test_a_draft_being_saved_with_a_risk_points_to_help(practice):
    response = signed_in(practice.client).post(
        "/journal/draft/", {"body": SELF_HARM}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "Draft saved" in html and "Coaching is not crisis care" in html
    assert 'href="/safety/"' in html
    # The full message, plan first, is swapped in above the editor (htmx out-of-band).
    assert '<div id="draft-safety" hx-swap-oob="true">' in html
    assert html.index("how are you right now?") < html.index("Samaritans")
    calm = signed_in(practice.client).post(
        "/journal/draft/", {"body": FIGURE}, HTTP_HX_REQUEST="true"
    )
    assert "crisis" not in calm.content.decode()


def test_safety_plan_is_saved_encrypted_and_shown_back(practice):
    browser = signed_in(practice.client)
    response = browser.post("/safety/plan/", PLAN, follow=True)
    assert "Only you can see it" in response.content.decode()
    assert "My cousin Dev" in response.content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT people FROM safety_safetyplan")
        (stored,) = cursor.fetchone()
    assert "Dev" not in stored
    assert SafetyPlan.objects.get().people == PLAN["people"]
    assert [e.step for e in AuditEvent.objects.filter(client=practice.client)] == ["plan_saved"]


def test_safety_plan_is_reachable_from_the_account_page(practice):
    html = signed_in(practice.client).get("/account/").content.decode()
    assert 'href="/safety/plan/"' in html and 'href="/safety/"' in html


def test_support_page_shows_resources_for_the_locale(practice):
    html = signed_in(practice.client).get("/safety/").content.decode()
    assert "999" in html and "Samaritans" in html and "Coaching is not crisis care." in html


@pytest.mark.parametrize("who", ["coach", "other_coach", "other_client"])
def test_only_the_owner_ever_sees_a_safety_plan(practice, who):
    do_save_safety_plan(PLAN, actor=practice.client)
    browser = signed_in(getattr(practice, who))
    for url in ("/safety/plan/", "/safety/"):
        response = browser.get(url)
        assert b"My cousin Dev" not in response.content
        if who != "other_client":
            assert response.status_code == 404
    coach_page = signed_in(practice.coach).get(f"/coach/client/{practice.client.pk}/")
    assert b"My cousin Dev" not in coach_page.content


def test_anonymous_visitor_is_sent_to_sign_in_from_safety_pages(db):
    for url in ("/safety/", "/safety/plan/"):
        assert is_refused(Client().get(url))


def test_consent_is_off_by_default_and_no_flag_is_raised_without_it(practice, outbox):
    assert not tells_coach(practice.client)
    do_save_entry("", SELF_HARM, actor=practice.client)
    assert not SafetyFlag.objects.exists()
    html = signed_in(practice.coach).get(f"/coach/client/{practice.client.pk}/").content.decode()
    assert "Safety flags" not in html
    assert outbox == []


def test_with_consent_the_coach_gets_a_flag_but_never_the_text(practice, outbox):
    do_set_safety_consent(True, actor=practice.client)
    do_save_entry("Title words", SELF_HARM, actor=practice.client)
    flag = SafetyFlag.objects.get()
    assert (flag.client, flag.coach, flag.kind) == (practice.client, practice.coach, "self_harm")
    coach = signed_in(practice.coach)
    for url in (f"/coach/client/{practice.client.pk}/", "/coach/dashboard/"):
        html = coach.get(url).content.decode()
        assert "Possible risk to themselves" in html
        assert "giving my things away" not in html and "Title words" not in html
    assert outbox == []  # no email, with content or without
    steps = [e.step for e in AuditEvent.objects.filter(object_id=flag.pk, kind="safety")]
    assert "flag_raised" in steps
    seen = AuditEvent.objects.filter(object_id=flag.pk, actor=practice.coach, kind="safety")
    assert [e.step for e in seen].count("flag_seen") == 1


def test_a_waiting_flag_is_not_repeated_for_the_same_kind(practice):
    do_set_safety_consent(True, actor=practice.client)
    do_save_entry("", SELF_HARM, actor=practice.client)
    do_save_entry("", SELF_HARM, actor=practice.client)
    assert SafetyFlag.objects.count() == 1
    do_save_entry("", FROM_OTHERS, actor=practice.client)
    assert SafetyFlag.objects.count() == 2
    (self_harm,) = [flag for flag in SafetyFlag.objects.all() if flag.kind == "self_harm"]
    do_acknowledge_flag(self_harm, actor=practice.coach)
    do_save_entry("", SELF_HARM, actor=practice.client)
    assert SafetyFlag.objects.count() == 3


def test_coach_acknowledges_a_flag_and_it_is_audited(practice):
    do_set_safety_consent(True, actor=practice.client)
    flag = do_raise_safety_flag(practice.client, SafetyRisk.HARM_FROM_OTHERS)
    coach = signed_in(practice.coach)
    response = coach.post(f"/safety/flags/{flag.pk}/acknowledge/")
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.acknowledged_at is not None
    steps = [e.step for e in AuditEvent.objects.filter(actor=practice.coach)]
    assert "flag_acknowledged" in steps
    assert "Possible risk from someone else" not in coach.get("/coach/dashboard/").content.decode()


@pytest.mark.parametrize("who", ["other_coach", "client", "other_client", "anonymous"])
def test_outsiders_cannot_acknowledge_or_see_a_flag(practice, who):
    do_set_safety_consent(True, actor=practice.client)
    flag = do_raise_safety_flag(practice.client, SafetyRisk.SELF_HARM)
    browser = Client() if who == "anonymous" else signed_in(getattr(practice, who))
    assert is_refused(browser.post(f"/safety/flags/{flag.pk}/acknowledge/"))
    flag.refresh_from_db()
    assert flag.acknowledged_at is None
    if who == "other_coach":
        html = browser.get("/coach/dashboard/").content.decode()
        assert "Possible risk" not in html


def test_a_coach_the_client_left_loses_the_flags(practice):
    do_set_safety_consent(True, actor=practice.client)
    flag = do_raise_safety_flag(practice.client, SafetyRisk.SELF_HARM)
    do_leave_coach(actor=practice.client)
    coach = signed_in(practice.coach)
    assert coach.post(f"/safety/flags/{flag.pk}/acknowledge/").status_code == 404
    assert "Possible risk" not in coach.get("/coach/dashboard/").content.decode()


def test_no_flag_when_the_client_has_no_coach(practice):
    do_leave_coach(actor=practice.client)
    do_set_safety_consent(True, actor=practice.client)
    assert do_raise_safety_flag(practice.client, SafetyRisk.SELF_HARM) is None


def test_consent_toggle_in_account_settings_is_audited(practice):
    browser = signed_in(practice.client)
    browser.post("/safety/coach/", {"tell_coach": "1"})
    assert tells_coach(practice.client)
    html = browser.get("/account/").content.decode()
    assert 'name="tell_coach" value="1" checked' in html
    browser.post("/safety/coach/", {})
    assert not tells_coach(practice.client)
    assert [event.step for event in AuditEvent.objects.all()] == ["consent_off", "consent_on"]
    assert set(AuditEvent.objects.values_list("kind", flat=True)) == {"safety"}  # sealed


def test_coach_cannot_set_a_clients_consent(practice):
    assert signed_in(practice.coach).post("/safety/coach/", {"tell_coach": "1"}).status_code == 404


def test_the_client_sees_which_flags_went_to_their_coach(practice):
    do_set_safety_consent(True, actor=practice.client)
    do_raise_safety_flag(practice.client, SafetyRisk.SELF_HARM)
    html = signed_in(practice.client).get("/account/").content.decode()
    assert "Possible risk to themselves" in html


def test_sign_up_alone_asks_nothing_about_a_coach_and_a_stray_consent_is_ignored(db):
    # A person signing up on their own has no coach to tell; the consent is asked when they
    # accept a coach's invitation (below) or later on the safety page.
    browser = Client()
    assert "let my coach know" not in browser.get("/accounts/signup/").content.decode()
    data = {"name": "B", "email": "b@x.test", "password1": PASSWORD, "tell_coach": "1"}
    browser.post("/accounts/signup/", data)
    from interplay.web.accounts.models import User

    assert not tells_coach(User.objects.get(email="b@x.test"))


@pytest.mark.parametrize("ticked", [True, False])
def test_accepting_an_invitation_records_the_consent_choice(practice, ticked):
    from tests.web.base import make_user

    newcomer = make_user("new@client.test", "New")
    path = do_invite_client("new@client.test", send=False, actor=practice.coach)
    browser = signed_in(newcomer)
    assert "let my coach know with a flag" in browser.get(path).content.decode()
    data = {"tell_coach": "1"} if ticked else {}
    assert browser.post(path, data).status_code == 302
    assert tells_coach(newcomer) is ticked


def test_support_block_says_each_thing_once(practice):
    # It once opened twice with "sounds as if things may be very hard" and said "not crisis
    # care" and "call 999" twice each, once from the template and once from the locale's message.
    html = signed_in(practice.client).get("/safety/").content.decode().lower()
    assert html.count("not crisis care") == 1
    assert html.count("sounds as if") == 1
    assert html.count("call 999") == 1
