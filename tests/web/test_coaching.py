from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.coaching.actions import do_accept_invitation, do_invite_client, do_leave_coach
from interplay.web.coaching.models import Invitation
from interplay.web.kernel.errors import ActionError
from interplay.web.tokens import hash_token
from tests.web.base import emailed_code, make_user, signed_in


def _token(path):
    return path.rstrip("/").rsplit("/", 1)[1]


def test_coach_invites_by_email_and_sees_the_link_once(practice, outbox):
    response = signed_in(practice.coach).post("/coach/dashboard/", {"email": "Leo@Client.test"})
    html = response.content.decode()
    assert "/invitation/" in html
    invitation = Invitation.objects.get()
    assert invitation.email == "leo@client.test"
    assert outbox[0].to == ["Leo@Client.test"] and "/invitation/" in outbox[0].body
    token = outbox[0].body.split("/invitation/")[1].split()[0].strip("/")
    assert invitation.token_hash == hash_token(token)
    assert "/invitation/" not in signed_in(practice.coach).get("/coach/dashboard/").content.decode()


def test_new_person_accepts_invitation_and_joins_the_coach(practice, outbox):
    path = do_invite_client("leo@client.test", send=False, actor=practice.coach)
    browser = Client()
    page = browser.get(path).content.decode()
    assert "password" not in page.lower()  # nobody chooses a password on the invitation page
    assert f"/accounts/signup/?next={path.replace('/', '%2F')}" in page
    response = browser.post(
        "/accounts/signup/",
        {
            "name": "Leo",
            "email": "leo@client.test",
            "password1": "calm morning walk 5",
            "next": path,
        },
    )
    assert response["Location"] == "/accounts/confirm-email/"
    assert browser.post(path).status_code == 200  # not signed in yet: nothing is accepted
    assert not CoachingRelationship.objects.filter(client__email="leo@client.test").exists()
    response = browser.post("/accounts/confirm-email/", {"code": emailed_code(outbox[-1])})
    assert response["Location"] == path  # back to the invitation once the address is proved
    assert browser.post(path)["Location"] == "/"
    leo = User.objects.get(email="leo@client.test")
    assert CoachingRelationship.objects.filter(coach=practice.coach, client=leo).exists()
    assert "Leo" in signed_in(practice.coach).get("/coach/dashboard/").content.decode()


def test_invitation_works_only_once(practice):
    leo = make_user("leo@client.test", "Leo")
    path = do_invite_client("leo@client.test", send=False, actor=practice.coach)
    signed_in(leo).post(path)
    assert Client().get(path).status_code == 404
    with pytest.raises(ActionError):
        do_accept_invitation(_token(path), actor=leo)


def test_an_unverified_address_cannot_accept_an_invitation(practice):
    from allauth.account.models import EmailAddress

    leo = make_user("leo@client.test", "Leo")
    EmailAddress.objects.filter(user=leo).update(verified=False)
    path = do_invite_client("leo@client.test", send=False, actor=practice.coach)
    with pytest.raises(ActionError, match="Confirm your email address"):
        do_accept_invitation(_token(path), actor=leo)
    assert Invitation.objects.get().used_at is None


def test_expired_invitation_is_refused(practice):
    path = do_invite_client("leo@client.test", send=False, actor=practice.coach)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert Client().get(path).status_code == 404


def test_client_with_a_coach_must_leave_before_joining_another(practice):
    path = do_invite_client("maya@client.test", send=False, actor=practice.other_coach)
    browser = signed_in(practice.client)
    browser.post(path)
    assert CoachingRelationship.objects.get(client=practice.client, ended_at=None).coach == (
        practice.coach
    )
    do_leave_coach(actor=practice.client)
    browser.post(path)
    current = CoachingRelationship.objects.get(client=practice.client, ended_at=None)
    assert current.coach == practice.other_coach


def test_self_signed_up_client_can_accept_an_invitation_later(practice):
    solo = make_user("solo@client.test", "Solo")
    path = do_invite_client("solo@client.test", send=False, actor=practice.coach)
    signed_in(solo).post(path)
    assert CoachingRelationship.objects.filter(coach=practice.coach, client=solo).exists()


def test_coach_cannot_join_as_client(practice):
    path = do_invite_client("ben@coach.test", send=False, actor=practice.coach)
    signed_in(practice.other_coach).post(path)
    assert not CoachingRelationship.objects.filter(client=practice.other_coach).exists()


def test_leaving_keeps_history_and_ends_access(practice):
    assert do_leave_coach(actor=practice.client) is True
    ended = CoachingRelationship.objects.get(client=practice.client)
    assert ended.ended_at is not None
    assert "Maya Client" not in signed_in(practice.coach).get("/coach/dashboard/").content.decode()


def test_a_signed_out_visitor_is_asked_to_sign_in_or_sign_up_first(practice):
    path = do_invite_client("leo@client.test", send=False, actor=practice.coach)
    response = Client().post(path, {"name": "Leo", "password": "calm morning walk 5"})
    assert "Sign in with that address, or create your account" in response.content.decode()
    assert Invitation.objects.get().used_at is None
    assert not User.objects.filter(email="leo@client.test").exists()


def test_an_invitation_accepted_by_someone_else_is_refused_with_a_clear_message(practice):
    outsider = make_user("sam@client.test", "Sam")
    path = do_invite_client("leo@client.test", send=False, actor=practice.coach)
    response = signed_in(outsider).post(path, follow=True)
    assert "sent to a different email address" in response.content.decode()
    assert not CoachingRelationship.objects.filter(client=outsider).exists()
    assert Invitation.objects.get().used_at is None  # still there for Leo


def test_a_coach_cannot_accept_an_invitation(practice):
    path = do_invite_client("ana@coach.test", send=False, actor=practice.other_coach)
    with pytest.raises(ActionError, match="coach account"):
        do_accept_invitation(_token(path), actor=practice.coach)
