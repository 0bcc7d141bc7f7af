"""Private pages leave no copy in the browser; sign-out clears what the site stored; the
permissions nobody needs are refused on every page."""

from __future__ import annotations

import pytest
from django.test import Client

from interplay.web.journal.device_keys import device_key_for
from interplay.web.journal.models import DeviceDraftKey
from tests.web.base import signed_in


def test_signed_in_pages_are_never_stored(practice):
    for path in ("/", "/journal/", "/journal/new/", "/account/", "/safety/plan/"):
        response = signed_in(practice.client).get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path


def test_coach_pages_are_never_stored(practice):
    response = signed_in(practice.coach).get("/coach/dashboard/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_anonymous_sign_in_page_sends_permissions_policy(db):
    response = Client().get("/accounts/login/")  # allauth marks it never_cache as well
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_sign_out_clears_the_site_data_and_is_not_stored(practice):
    browser = signed_in(practice.client)
    response = browser.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "no-store" in response["Cache-Control"]
    # A page after signing out is no longer private, and gets no Clear-Site-Data.
    assert "Clear-Site-Data" not in browser.get("/accounts/login/")


def test_editor_carries_a_device_key_that_sign_out_drops(practice):
    browser = signed_in(practice.client)
    key = device_key_for(practice.client)
    assert len(key) == 43  # 32 random bytes, url-safe base64
    assert f'data-device-key="{key}"'.encode() in browser.get("/journal/new/").content
    browser.post("/accounts/logout/")
    assert not DeviceDraftKey.objects.filter(owner=practice.client).exists()
    again = signed_in(practice.client)
    assert device_key_for(practice.client) not in ("", key)  # a new one: old copies stay sealed
    assert b'data-device-key=""' not in again.get("/journal/new/").content


def test_an_expired_session_keeps_the_key_so_the_device_copy_comes_back(practice):
    signed_in(practice.client)
    key = device_key_for(practice.client)
    signed_in(practice.client)  # signing in again elsewhere or after expiry: same key
    assert device_key_for(practice.client) == key


@pytest.mark.parametrize("who", ["coach", "anonymous"])
def test_no_device_key_without_a_signed_in_client(practice, who):
    if who == "coach":
        signed_in(practice.coach)
        assert device_key_for(practice.coach) == ""
    else:
        Client().get("/accounts/login/")
        assert not DeviceDraftKey.objects.exists()
