"""Cheap guards that catch whole classes of mistakes across the site."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import Client

from tests.web.base import signed_in
from tests.web.pages import (
    ANONYMOUS_ONLY,
    COACH_PAGES,
    DOWNLOADS,
    MFA_KEY_PAGES,
    POST_ONLY,
    all_url_names,
    client_objects,
    urls_for,
)


def test_no_model_change_lacks_a_migration(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_url_is_listed_for_the_guards(practice):
    urls = urls_for(practice, client_objects(practice))
    assert all_url_names() == set(urls)


def _h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def test_every_page_has_exactly_one_h1(practice):
    urls = urls_for(practice, client_objects(practice))
    browsers = {
        "anonymous": Client(),
        "client": signed_in(practice.client),
        "coach": signed_in(practice.coach, reauthenticated=True),
    }
    checked = 0
    for name, url in urls.items():
        if name in POST_ONLY or name in MFA_KEY_PAGES or name in DOWNLOADS:
            continue
        who = (
            "anonymous" if name in ANONYMOUS_ONLY else "coach" if name in COACH_PAGES else "client"
        )
        browser = browsers[who]
        response = browser.get(url, follow=True)
        assert response.status_code == 200, (name, who, response.status_code)
        html = response.content.decode()
        assert _h1_count(html) == 1, (name, who, _h1_count(html))
        checked += 1
    assert checked >= 20


def test_pages_load_nothing_from_other_hosts(practice):
    objects = client_objects(practice)
    browser = signed_in(practice.client)
    url = urls_for(practice, objects)["assessments:profile"]
    html = browser.get(url).content.decode()
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "style=" not in html  # no inline style: the CSP allows none


def test_pages_send_a_content_security_policy_with_a_nonce(practice):
    response = signed_in(practice.client).get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'nonce="{nonce}"' in response.content.decode()


def test_not_found_page_is_friendly_and_has_one_h1(practice, settings):
    settings.DEBUG = False
    response = signed_in(practice.client).get("/journal/999999/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "could not find that page" in html and _h1_count(html) == 1


def test_no_type_ignore_on_request_user():
    """Views take `ClientRequest` or `CoachRequest` (web/kernel/requests.py), so `request.user`
    is typed: no `type: ignore` at its uses."""
    from pathlib import Path

    import interplay.web

    root = Path(interplay.web.__file__).parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "request.user" in line and "type: ignore" in line
    ]
    assert found == []
