import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from interplay.web.accounts import throttle
from interplay.web.accounts.actions import do_create_sign_in_link
from interplay.web.accounts.models import SignInLink, User
from interplay.web.tokens import hash_token
from tests.web.base import PASSWORD, signed_in


def _code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def test_client_signs_in_with_password_and_lands_home(practice):
    browser = Client()
    response = browser.post("/sign-in/", {"email": "MAYA@client.test", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert browser.get("/").status_code == 200


def test_wrong_password_is_refused_with_a_plain_message(practice):
    response = Client().post("/sign-in/", {"email": "maya@client.test", "password": "nope"})
    assert "do not match" in response.content.decode()


def test_sign_in_is_throttled_per_account_and_address_even_with_the_right_password(practice):
    browser = Client(REMOTE_ADDR="127.0.0.2")
    for _ in range(throttle.PAIR_LIMIT):
        browser.post("/sign-in/", {"email": "maya@client.test", "password": "wrong"})
    response = browser.post("/sign-in/", {"email": "maya@client.test", "password": PASSWORD})
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in browser.session


def test_a_stranger_guessing_from_one_address_does_not_lock_the_owner_out(practice, outbox):
    stranger = Client(REMOTE_ADDR="127.0.0.2")
    for _ in range(throttle.PAIR_LIMIT * 2):
        stranger.post("/sign-in/", {"email": "maya@client.test", "password": "wrong"})
    owner = Client(REMOTE_ADDR="127.0.0.3")
    response = owner.post("/sign-in/", {"email": "maya@client.test", "password": PASSWORD})
    assert response.status_code == 302 and owner.session["_auth_user_id"] == str(practice.client.pk)
    # The emailed sign-in link still arrives, even asked from the stranger's address.
    Client(REMOTE_ADDR="127.0.0.2").post("/sign-in/email/", {"email": "maya@client.test"})
    assert [m.to for m in outbox] == [["maya@client.test"]]


def test_sign_in_links_are_throttled_per_account_and_address(practice, outbox):
    asker = Client(REMOTE_ADDR="127.0.0.2")
    for _ in range(throttle.EMAIL_PAIR_LIMIT + 2):
        asker.post("/sign-in/email/", {"email": "maya@client.test"})
    assert len(outbox) == throttle.EMAIL_PAIR_LIMIT
    Client(REMOTE_ADDR="127.0.0.3").post("/sign-in/email/", {"email": "maya@client.test"})
    assert len(outbox) == throttle.EMAIL_PAIR_LIMIT + 1


def test_one_address_is_limited_across_accounts(practice):
    for number in range(throttle.ADDRESS_LIMIT):
        assert throttle.allow_password_attempt(f"guess{number}@x.test", "10.0.0.1")
    assert not throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    assert throttle.allow_password_attempt("maya@client.test", "10.0.0.2")


def test_an_account_guessed_at_from_everywhere_still_gets_its_sign_in_link(practice):
    for number in range(throttle.ACCOUNT_LIMIT):
        throttle.allow_password_attempt("maya@client.test", f"10.0.{number // 250}.{number % 250}")
    assert not throttle.allow_password_attempt("maya@client.test", "10.9.9.9")
    assert throttle.allow_email_request("maya@client.test", "10.9.9.9")


def test_throttle_window_expires(practice):
    for _ in range(throttle.PAIR_LIMIT + 1):
        throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    assert not throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    later = timezone.now() - throttle.WINDOW - timedelta(seconds=1)
    throttle.SignInAttempts.objects.update(window_start=later)
    assert throttle.allow_password_attempt("maya@client.test", "10.0.0.1")


def test_throttle_counters_hold_no_email_address(practice):
    throttle.allow_password_attempt("maya@client.test", "10.0.0.1")
    throttle.allow_email_request("maya@client.test", "10.0.0.1")
    keys = list(throttle.SignInAttempts.objects.values_list("key", flat=True))
    assert len(keys) == 4 and not any("maya" in key for key in keys)


def test_every_failed_sign_in_is_logged_without_the_password(practice, caplog):
    browser = Client(REMOTE_ADDR="127.0.0.2")
    with caplog.at_level("WARNING", logger="interplay.web.accounts.sign_in"):
        browser.post("/sign-in/", {"email": "maya@client.test", "password": "hunter2 secret"})
        browser.post("/sign-in/", {"email": "nobody@x.test", "password": "other guess 1"})
        for _ in range(throttle.PAIR_LIMIT):
            browser.post("/sign-in/", {"email": "maya@client.test", "password": "hunter2 secret"})
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2 + throttle.PAIR_LIMIT
    assert f"wrong password from 127.0.0.2 (account {practice.client.pk})" in lines[0]
    assert "(account unknown)" in lines[1]
    assert "throttled" in lines[-1]
    text = " ".join(lines)
    assert "hunter2" not in text and "other guess" not in text and "@" not in text


def test_coach_password_alone_shows_no_client_data(practice):
    browser = Client()
    response = browser.post("/sign-in/", {"email": "ana@coach.test", "password": PASSWORD})
    assert response["Location"] == "/two-factor/"
    assert browser.get("/coach/")["Location"] == "/two-factor/"


def test_coach_with_right_code_reaches_the_client_list(practice):
    browser = Client()
    browser.post("/sign-in/", {"email": "ana@coach.test", "password": PASSWORD})
    device = TOTPDevice.objects.get(user=practice.coach)
    response = browser.post("/two-factor/", {"token": _code(device)})
    assert response["Location"] == "/coach/dashboard/"
    assert "Maya Client" in browser.get("/coach/dashboard/").content.decode()


def test_coach_with_wrong_code_stays_out(practice):
    browser = signed_in(practice.coach, verified=False)
    response = browser.post("/two-factor/", {"token": "000000"})
    assert "did not match" in response.content.decode()
    assert browser.get("/coach/").status_code == 302


def test_new_coach_must_set_up_an_authenticator_first(db):
    coach = User.objects.create_user("new@coach.test", PASSWORD, name="New", role="coach")
    browser = signed_in(coach, verified=False)
    assert browser.get("/coach/")["Location"] == "/two-factor/setup/"
    page = browser.get("/two-factor/setup/").content.decode()
    assert "<svg" in page
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page).group(1)
    device = TOTPDevice.objects.get(user=coach)
    assert device.confirmed is False and len(secret) >= 32
    response = browser.post("/two-factor/setup/", {"token": _code(device)})
    assert response["Location"] == "/coach/dashboard/"
    device.refresh_from_db()
    assert device.confirmed is True
    assert browser.get("/coach/dashboard/").status_code == 200


def test_sign_in_link_works_once(practice):
    path = do_create_sign_in_link(practice.client)
    browser = Client()
    assert browser.get(path).status_code == 200  # shows a button; a mail scanner uses nothing
    assert browser.post(path)["Location"] == "/"
    assert browser.session["_auth_user_id"] == str(practice.client.pk)
    again = Client().post(path)
    assert again["Location"] == "/sign-in/email/"


def test_expired_sign_in_link_is_refused(practice):
    path = do_create_sign_in_link(practice.client)
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    browser = Client()
    browser.post(path)
    assert "_auth_user_id" not in browser.session


def test_sign_in_link_is_stored_only_as_a_hash(practice):
    path = do_create_sign_in_link(practice.client)
    token = path.rstrip("/").rsplit("/", 1)[1]
    link = SignInLink.objects.get()
    assert link.token_hash == hash_token(token) and token not in link.token_hash


def test_requesting_a_link_emails_clients_and_says_the_same_to_strangers(practice, outbox):
    mine = Client().post("/sign-in/email/", {"email": "maya@client.test"})
    stranger = Client().post("/sign-in/email/", {"email": "nobody@x.test"})
    assert mine.status_code == stranger.status_code == 200
    assert "If maya@client.test belongs" in mine.content.decode()
    assert len(outbox) == 1 and outbox[0].to == ["maya@client.test"]
    assert "/sign-in/link/" in outbox[0].body


def test_coaches_get_no_sign_in_links(practice, outbox):
    Client().post("/sign-in/email/", {"email": "ana@coach.test"})
    assert outbox == []


def test_password_reset_does_not_bypass_two_factor(practice, outbox):
    Client().post("/password-reset/", {"email": "ana@coach.test"})
    path = re.search(r"http://[^/]+(/password-reset/\S+)", outbox[0].body).group(1)
    browser = Client()
    response = browser.post(path, {"password": "a brand new passphrase 7"})
    assert response["Location"] == "/sign-in/"
    assert browser.get("/coach/").status_code == 302  # not signed in at all
    browser.post("/sign-in/", {"email": "ana@coach.test", "password": "a brand new passphrase 7"})
    assert browser.get("/coach/")["Location"] == "/two-factor/"


def test_password_reset_link_works_once(practice, outbox):
    Client().post("/password-reset/", {"email": "maya@client.test"})
    path = re.search(r"http://[^/]+(/password-reset/\S+)", outbox[0].body).group(1)
    Client().post(path, {"password": "a brand new passphrase 7"})
    second = Client().post(path, {"password": "another new passphrase 8"})
    assert second["Location"] == "/password-reset/"


def test_sign_up_creates_a_client_working_alone(db):
    browser = Client()
    response = browser.post(
        "/sign-up/", {"name": "Jo", "email": "jo@self.test", "password": "quiet river stone 9"}
    )
    assert response["Location"] == "/"
    user = User.objects.get(email="jo@self.test")
    assert user.is_client and not user.coaching.exists()


def test_sign_up_with_weak_password_keeps_the_rest_of_the_form(db):
    response = Client().post("/sign-up/", {"name": "Jo", "email": "jo@self.test", "password": "1"})
    html = response.content.decode()
    assert 'value="jo@self.test"' in html and "errorlist" in html


def test_sign_out_needs_post_and_ends_the_session(practice):
    browser = signed_in(practice.client)
    assert browser.get("/sign-out/").status_code == 405
    browser.post("/sign-out/")
    assert browser.get("/")["Location"] == "/sign-in/"


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
        "/sign-up/", {"name": "Jo", "email": "jo.lambert@self.test", "password": "jolambert@self"}
    )
    assert "too similar" in response.content.decode()
    assert not User.objects.filter(email="jo.lambert@self.test").exists()


def test_password_reset_refuses_a_password_like_the_email_address(practice, outbox):
    Client().post("/password-reset/", {"email": "maya@client.test"})
    path = re.search(r"http://[^/]+(/password-reset/\S+)", outbox[0].body).group(1)
    response = Client().post(path, {"password": "maya@client.test1"})
    assert response.status_code == 200 and "too similar" in response.content.decode()
