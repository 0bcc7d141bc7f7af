"""Signing up, in and out on django-allauth, with Interplay's guards on top: the emailed code
before an account opens, throttling per account *and* address that a stranger cannot turn
against the owner, a log line for every failed sign-in, two-factor that no other way in skips."""

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client
from django.utils import timezone

from interplay.web.accounts import throttle
from interplay.web.accounts.models import User
from tests.web.base import (
    PASSWORD,
    SIGN_IN_PATH,
    emailed_code,
    post_sign_in,
    signed_in,
    totp_code,
)

CODE_PATH = "/accounts/login/code/"
CONFIRM_CODE_PATH = "/accounts/login/code/confirm/"
SIGN_UP_PATH = "/accounts/signup/"
VERIFY_PATH = "/accounts/confirm-email/"
RESET_PATH = "/accounts/password/reset/"


MFA_PATH = "/accounts/2fa/authenticate/"
SETUP_PATH = "/accounts/2fa/totp/activate/"


def _sign_in_by_code(browser, email, outbox):
    before = len(outbox)
    browser.post(CODE_PATH, {"email": email})
    assert len(outbox) == before + 1
    return browser.post(CONFIRM_CODE_PATH, {"code": emailed_code(outbox[-1])})


def _reset_password(browser, email, new_password, outbox):
    browser.post(RESET_PATH, {"email": email})
    browser.post("/accounts/password/reset/confirm/", {"code": emailed_code(outbox[-1])})
    return browser.post(
        "/accounts/password/reset/complete/",
        {"password1": new_password, "password2": new_password},
    )


def test_client_signs_in_with_password_and_lands_home(practice):
    browser = Client()
    response = post_sign_in(browser, "MAYA@client.test")
    assert response.status_code == 302 and response["Location"] == "/"
    assert browser.get("/").status_code == 200


def test_wrong_password_is_refused_with_a_plain_message(practice):
    response = post_sign_in(Client(), "maya@client.test", "nope")
    assert "do not match" in response.content.decode()


def test_sign_in_is_throttled_per_account_and_address_even_with_the_right_password(practice):
    browser = Client(REMOTE_ADDR="127.0.0.2")
    for _ in range(throttle.PAIR_LIMIT):
        post_sign_in(browser, "maya@client.test", "wrong")
    response = post_sign_in(browser, "maya@client.test")
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in browser.session


def test_a_stranger_guessing_from_one_address_does_not_lock_the_owner_out(practice, outbox):
    stranger = Client(REMOTE_ADDR="127.0.0.2")
    for _ in range(throttle.PAIR_LIMIT * 2):
        post_sign_in(stranger, "maya@client.test", "wrong")
    owner = Client(REMOTE_ADDR="127.0.0.3")
    response = post_sign_in(owner, "maya@client.test")
    assert response.status_code == 302 and owner.session["_auth_user_id"] == str(practice.client.pk)
    # The emailed code still works for the owner, from another address.
    by_code = Client(REMOTE_ADDR="127.0.0.3")
    assert _sign_in_by_code(by_code, "maya@client.test", outbox)["Location"] == "/"
    assert by_code.session["_auth_user_id"] == str(practice.client.pk)


def test_the_delay_grows_with_each_window_a_guesser_fills(practice):
    def fill_a_window():
        for _ in range(throttle.PAIR_LIMIT + 1):
            throttle.allow_password_attempt("maya@client.test", "10.0.0.1")

    def rows():
        return throttle.SignInAttempts.objects.filter(key__startswith="pair:")

    fill_a_window()
    rows().update(window_start=timezone.now() - throttle.WINDOW - timedelta(seconds=1))
    fill_a_window()  # the next window is twice as long
    assert rows().get().strikes == 1
    rows().update(window_start=timezone.now() - throttle.WINDOW - timedelta(seconds=1))
    assert not throttle.allow_password_attempt("maya@client.test", "10.0.0.1")  # still waiting
    rows().update(window_start=timezone.now() - 2 * throttle.WINDOW - timedelta(seconds=1))
    assert throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    assert throttle.window_after(30) == throttle.LONGEST_WINDOW  # never longer than a day


def test_one_address_is_limited_across_accounts(practice):
    for number in range(throttle.ADDRESS_LIMIT):
        assert throttle.allow_password_attempt(f"guess{number}@x.test", "10.0.0.1")
    assert not throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    assert throttle.allow_password_attempt("maya@client.test", "10.0.0.2")


def test_an_account_guessed_at_from_everywhere_still_signs_in_by_code(practice, outbox):
    for number in range(throttle.ACCOUNT_LIMIT):
        throttle.allow_password_attempt("maya@client.test", f"10.0.{number // 250}.{number % 250}")
    assert not throttle.allow_password_attempt("maya@client.test", "10.9.9.9")
    browser = Client(REMOTE_ADDR="10.9.9.9")
    assert _sign_in_by_code(browser, "maya@client.test", outbox)["Location"] == "/"


def test_throttle_window_expires(practice):
    for _ in range(throttle.PAIR_LIMIT + 1):
        throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    assert not throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    later = timezone.now() - throttle.WINDOW * 20
    throttle.SignInAttempts.objects.update(window_start=later)
    assert throttle.allow_password_attempt("maya@client.test", "10.0.0.1")


def test_throttle_counters_hold_no_email_address(practice):
    throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    keys = list(throttle.SignInAttempts.objects.values_list("key", flat=True))
    assert len(keys) == 3 and not any("maya" in key for key in keys)


def test_every_failed_sign_in_is_logged_without_the_password(practice, caplog):
    browser = Client(REMOTE_ADDR="127.0.0.2")
    with caplog.at_level("WARNING", logger="interplay.web.accounts.sign_in"):
        post_sign_in(browser, "maya@client.test", "hunter2 secret")
        post_sign_in(browser, "nobody@x.test", "other guess 1")
        for _ in range(throttle.PAIR_LIMIT):
            post_sign_in(browser, "maya@client.test", "hunter2 secret")
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2 + throttle.PAIR_LIMIT
    assert f"wrong password from 127.0.0.2 (account {practice.client.pk})" in lines[0]
    assert "(account unknown)" in lines[1]
    assert "throttled" in lines[-1]
    text = " ".join(lines)
    assert "hunter2" not in text and "other guess" not in text and "@" not in text


def test_coach_password_alone_shows_no_client_data(practice):
    browser = Client()
    response = post_sign_in(browser, "ana@coach.test")
    assert response["Location"] == MFA_PATH
    assert "_auth_user_id" not in browser.session  # not signed in until the code is given
    assert browser.get("/coach/dashboard/")["Location"].startswith(SIGN_IN_PATH)


def test_coach_with_right_code_reaches_the_client_list(practice):
    browser = Client()
    post_sign_in(browser, "ana@coach.test")
    response = browser.post(MFA_PATH, {"code": totp_code(practice.coach)})
    assert response["Location"] == "/"
    assert "Maya Client" in browser.get("/coach/dashboard/").content.decode()


def test_coach_with_wrong_code_stays_out(practice):
    browser = Client()
    post_sign_in(browser, "ana@coach.test")
    response = browser.post(MFA_PATH, {"code": "000000"})
    assert response.status_code == 200 and "_auth_user_id" not in browser.session
    assert browser.get("/coach/").status_code == 302


def test_a_recovery_code_stands_in_for_the_authenticator_once(practice):
    code = RecoveryCodes(Authenticator.objects.get(user=practice.coach, type="recovery_codes"))
    spare = code.get_unused_codes()[0]
    browser = Client()
    post_sign_in(browser, "ana@coach.test")
    assert browser.post(MFA_PATH, {"code": spare})["Location"] == "/"
    again = Client()
    post_sign_in(again, "ana@coach.test")
    again.post(MFA_PATH, {"code": spare})
    assert "_auth_user_id" not in again.session


def test_a_coach_signing_in_by_emailed_code_still_needs_the_authenticator(practice, outbox):
    browser = Client()
    assert _sign_in_by_code(browser, "ana@coach.test", outbox)["Location"] == MFA_PATH
    assert "_auth_user_id" not in browser.session


def test_a_coach_session_without_two_factor_sees_no_client_page(practice):
    browser = signed_in(practice.coach, verified=False)
    response = browser.get("/coach/dashboard/")
    assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fcoach%2Fdashboard%2F"


def test_new_coach_must_set_up_an_authenticator_first(db):
    coach = User.objects.create_user("new@coach.test", PASSWORD, name="New", role="coach")
    browser = signed_in(coach, verified=False, reauthenticated=True)  # just signed up
    assert browser.get("/coach/")["Location"] == SETUP_PATH
    page = browser.get(SETUP_PATH).content.decode()
    assert 'class="qr"' in page
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page).group(1)
    assert len(secret) >= 32 and not Authenticator.objects.filter(user=coach).exists()
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    code = format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))
    response = browser.post(SETUP_PATH, {"code": code})
    assert response.status_code == 302
    stored = Authenticator.objects.get(user=coach, type="totp").data["secret"]
    assert secret not in stored  # sealed with the project's keys
    assert browser.get("/coach/dashboard/").status_code == 200  # setting up counts as passing


def test_an_emailed_sign_in_code_works_once(practice, outbox):
    browser = Client()
    browser.post(CODE_PATH, {"email": "maya@client.test"})
    code = emailed_code(outbox[-1])
    assert browser.post(CONFIRM_CODE_PATH, {"code": code})["Location"] == "/"
    again = Client()
    again.post(CODE_PATH, {"email": "maya@client.test"})
    again.post(CONFIRM_CODE_PATH, {"code": code})
    assert "_auth_user_id" not in again.session


def test_asking_for_a_code_says_the_same_for_an_unknown_address(practice, outbox):
    mine = Client().post(CODE_PATH, {"email": "maya@client.test"})
    stranger = Client().post(CODE_PATH, {"email": "nobody@x.test"})
    assert mine.status_code == stranger.status_code == 302
    assert mine["Location"] == stranger["Location"]


def test_password_reset_does_not_bypass_two_factor(practice, outbox):
    browser = Client()
    _reset_password(browser, "ana@coach.test", "a brand new passphrase 7", outbox)
    assert browser.get("/coach/").status_code == 302
    assert "_auth_user_id" not in browser.session  # a reset never signs in
    assert post_sign_in(browser, "ana@coach.test", "a brand new passphrase 7")["Location"] == (
        MFA_PATH
    )


def test_a_password_reset_code_works_once(practice, outbox):
    _reset_password(Client(), "maya@client.test", "a brand new passphrase 7", outbox)
    code = emailed_code(outbox[-1])
    again = Client()
    again.post(RESET_PATH, {"email": "maya@client.test"})
    again.post("/accounts/password/reset/confirm/", {"code": code})
    response = again.post(
        "/accounts/password/reset/complete/",
        {"password1": "another new passphrase 8", "password2": "another new passphrase 8"},
    )
    assert response.status_code != 302 or "complete" not in response.get("Location", "")
    assert post_sign_in(Client(), "maya@client.test", "a brand new passphrase 7").status_code == 302


def test_sign_up_needs_the_emailed_code_before_the_account_opens(db, outbox):
    browser = Client()
    response = browser.post(
        SIGN_UP_PATH, {"name": "Jo", "email": "jo@self.test", "password1": "quiet river stone 9"}
    )
    assert response["Location"] == VERIFY_PATH
    assert "_auth_user_id" not in browser.session
    user = User.objects.get(email="jo@self.test")
    assert user.is_client and user.name == "Jo" and not user.coaching.exists()
    assert not EmailAddress.objects.get(user=user).verified
    elsewhere = Client()
    post_sign_in(elsewhere, "jo@self.test", "quiet river stone 9")
    assert "_auth_user_id" not in elsewhere.session  # the password alone opens nothing
    wrong = browser.post(VERIFY_PATH, {"code": "WRONG1"})
    assert wrong.status_code == 200 and "_auth_user_id" not in browser.session
    assert browser.post(VERIFY_PATH, {"code": emailed_code(outbox[-1])})["Location"] == "/"
    assert EmailAddress.objects.get(user=user).verified
    assert browser.session["_auth_user_id"] == str(user.pk)


def test_sign_up_answers_the_same_whether_or_not_the_address_has_an_account(practice, outbox):
    data = {"name": "Someone", "password1": "quiet river stone 9"}
    taken = Client().post(SIGN_UP_PATH, data | {"email": "maya@client.test"})
    free = Client().post(SIGN_UP_PATH, data | {"email": "new@self.test"})
    assert taken.status_code == free.status_code == 302
    assert taken["Location"] == free["Location"] == VERIFY_PATH
    assert User.objects.filter(email="maya@client.test").count() == 1
    assert User.objects.get(email="maya@client.test").name == "Maya Client"  # untouched
    assert {message.to[0] for message in outbox} == {"maya@client.test", "new@self.test"}


def test_sign_up_is_throttled_per_address(db, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "2/m/ip"}
    answers = [
        Client(REMOTE_ADDR="127.0.0.2")
        .post(SIGN_UP_PATH, {"name": "A", "email": f"a{n}@x.test", "password1": "quiet river 9z"})
        .status_code
        for n in range(3)
    ]
    assert answers[:2] == [302, 302] and answers[2] == 429, answers
    assert User.objects.count() == 2


def test_sign_up_with_weak_password_keeps_the_rest_of_the_form(db):
    response = Client().post(
        SIGN_UP_PATH, {"name": "Jo", "email": "jo@self.test", "password1": "1"}
    )
    html = response.content.decode()
    assert 'value="jo@self.test"' in html and "errorlist" in html


def test_sign_out_needs_post_and_ends_the_session(practice):
    browser = signed_in(practice.client)
    assert browser.get("/accounts/logout/").status_code == 200  # a page with a button
    assert browser.get("/").status_code == 200  # still signed in
    browser.post("/accounts/logout/")
    assert browser.get("/")["Location"] == SIGN_IN_PATH


def test_passwords_are_hashed_with_argon2_by_default(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = User.objects.create_user("a@b.test", "correct horse battery", name="A")
    assert user.password.startswith("argon2")


def test_behind_proxies_throttling_counts_the_address_the_nearest_trusted_one_saw(settings):
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7, 10.0.0.9"}
    settings.TRUSTED_PROXIES = 0
    assert throttle.client_address(meta) == "10.0.0.1"  # the header is the client's claim
    settings.TRUSTED_PROXIES = 1
    assert throttle.client_address(meta) == "10.0.0.9"
    settings.TRUSTED_PROXIES = 2
    assert throttle.client_address(meta) == "203.0.113.7"
    settings.TRUSTED_PROXIES = 5  # fewer hops than proxies: the furthest one recorded
    assert throttle.client_address(meta) == "1.2.3.4"
    settings.TRUSTED_PROXIES = 1
    assert throttle.client_address({"REMOTE_ADDR": "10.0.0.1"}) == "10.0.0.1"


def test_sign_up_refuses_a_password_like_the_email_address(db):
    response = Client().post(
        SIGN_UP_PATH, {"name": "Jo", "email": "jo.lambert@self.test", "password1": "jolambert@self"}
    )
    assert "too similar" in response.content.decode()
    assert not User.objects.filter(email="jo.lambert@self.test").exists()


def test_password_reset_refuses_a_password_like_the_email_address(practice, outbox):
    response = _reset_password(Client(), "maya@client.test", "maya@client.test1", outbox)
    assert response.status_code == 200 and "too similar" in response.content.decode()


def test_migrated_accounts_have_a_verified_primary_address(practice):
    # Accounts made before allauth get theirs from migration 0004; the shared cast has them.
    address = EmailAddress.objects.get(user=practice.client)
    assert address.verified and address.primary and address.email == "maya@client.test"
