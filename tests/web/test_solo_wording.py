"""Every page reads naturally for a person working on their own: a person who never had a coach
opens every page of the URL map (tests/web/pages.py) that a client can, and the words they see
carry none of the phrases that only make sense with a coach."""

from __future__ import annotations

import re
from html import unescape

from django.test import Client
from django.urls import reverse

from interplay.web.accounts.models import CoachingRelationship
from tests.web.base import signed_in
from tests.web.pages import ANONYMOUS_ONLY, COACH_PAGES, POST_ONLY, client_objects, urls_for

# Phrases that presume a coach or coaching sessions. "Session" alone is not here: signing in
# creates browser sessions, which a solo person has too.
COACH_ONLY = [
    r"\byour coach\b",
    r"\bmy coach\b",
    r"\bthe coach\b",
    r"\bcoach (?:looked|saw|read|reads|sees|can see)\b",
    r"\bbetween sessions\b",
    r"\b(?:next|last|a|the|your|our|coaching) sessions?\b(?! (?:list|on other|signed))",
    r"\bsession notes?\b",
]
PATTERN = re.compile("|".join(COACH_ONLY), re.IGNORECASE)


def visible_text(html: str) -> str:
    """The words a person reads: text and the labels read aloud, without scripts or markup."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL | re.IGNORECASE)
    labels = " ".join(re.findall(r'(?:aria-label|title|placeholder)="([^"]*)"', html))
    text = re.sub(r"<[^>]+>", " ", html)
    return unescape(f"{text} {labels}")


def solo_pages(practice) -> tuple[Client, dict[str, str]]:  # type: ignore[no-untyped-def]
    urls = urls_for(practice, client_objects(practice))
    # The client has never had a coach: no relationship at all, not even an ended one.
    CoachingRelationship.objects.filter(client=practice.client).delete()
    pages = {
        name: url
        for name, url in urls.items()
        if name not in POST_ONLY | ANONYMOUS_ONLY | COACH_PAGES
        and not name.startswith(("accounts:two_factor", "coaching:"))
    }
    return signed_in(practice.client), pages


def test_no_page_a_solo_person_sees_speaks_of_a_coach_or_sessions(practice):
    browser, pages = solo_pages(practice)
    found = {}
    for name, url in sorted(pages.items()):
        response = browser.get(url, follow=True)
        if response.status_code != 200:
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue  # a download (the PDF reports): no page to read
        hits = sorted(
            {m.group(0).lower() for m in PATTERN.finditer(visible_text(response.content.decode()))}
        )
        if hits:
            found[name] = hits
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
    assert len(pages) > 30


def test_signing_up_alone_asks_nothing_about_coaching(db):
    """The person's own sign-up has no coach tickbox and speaks of no coach: coaches sign up
    on a page of their own (`coaching:sign_up`)."""
    page = Client().get(reverse("account_signup"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'type="checkbox"' not in html
    assert not PATTERN.search(visible_text(html))


def test_the_guard_sees_a_coach_only_phrase():
    page = '<p>Practice between sessions</p><button aria-label="Share with my coach">x</button>'
    assert {m.group(0) for m in PATTERN.finditer(visible_text(page))} == {
        "between sessions",
        "my coach",
    }
    assert not PATTERN.search(visible_text("<p>Sign out of your other sessions list</p>"))
