"""The list of one's sessions (allauth.usersessions under Interplay's page): each browser
signed in, with its device, address and last activity; signing one out, or every other."""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from django.test import Client

from tests.web.base import post_sign_in

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


def _browser(user_agent: str, address: str) -> Client:
    return Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)


def _two_browsers(email: str = "maya@client.test") -> tuple[Client, Client]:
    laptop, phone = _browser(FIREFOX, "127.0.0.2"), _browser(PHONE, "127.0.0.3")
    for browser in (laptop, phone):
        assert post_sign_in(browser, email).status_code == 302
    return laptop, phone


def _signed_in(browser: Client) -> bool:
    return browser.get("/account/").status_code == 200


def test_the_list_shows_each_device_its_address_and_which_is_this_one(practice):
    laptop, _phone = _two_browsers()
    page = laptop.get("/accounts/sessions/").content.decode()
    assert "Where you are signed in" in page
    assert "Firefox on Linux" in page and "Safari on iPhone" in page
    assert "127.0.0.2" in page and "127.0.0.3" in page
    assert page.count("(this one)") == 1
    assert "Sign out everywhere else" in page


def test_sign_out_everywhere_else_keeps_this_one(practice):
    laptop, phone = _two_browsers()
    response = laptop.post("/accounts/sessions/")
    assert response.status_code == 302
    assert _signed_in(laptop) and not _signed_in(phone)
    assert UserSession.objects.filter(user=practice.client).count() == 1


def test_signing_out_one_other_session(practice):
    laptop, phone = _two_browsers()
    other = UserSession.objects.get(user=practice.client, ip="127.0.0.3")
    response = laptop.post("/account/sessions/end/", {"session": other.pk})
    assert response.status_code == 302 and response["Location"] == "/accounts/sessions/"
    assert _signed_in(laptop) and not _signed_in(phone)


def test_signing_out_this_session_from_the_list(practice):
    laptop, phone = _two_browsers()
    this = UserSession.objects.get(user=practice.client, ip="127.0.0.2")
    response = laptop.post("/account/sessions/end/", {"session": this.pk})
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert not _signed_in(laptop) and _signed_in(phone)


def test_nobody_ends_someone_else_s_session(practice):
    _maya_laptop, maya_phone = _two_browsers()
    omar = _browser(FIREFOX, "127.0.0.4")
    post_sign_in(omar, "omar@client.test")
    mayas = UserSession.objects.get(user=practice.client, ip="127.0.0.3")
    assert omar.post("/account/sessions/end/", {"session": mayas.pk}).status_code == 404
    assert omar.post("/account/sessions/end/", {"session": "x"}).status_code == 404
    assert _signed_in(maya_phone)
