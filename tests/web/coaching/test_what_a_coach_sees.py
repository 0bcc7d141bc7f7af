"""What a coach sees, read as a coach would: no internal names on any coach page of the demo
practice, and safety flags on the page a coach lands on, worded as on the client page."""

from __future__ import annotations

import re
from enum import Enum
from html.parser import HTMLParser

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from interplay.core import vocabulary
from interplay.web import demo
from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.journal.actions import do_save_entry
from interplay.web.practice.models import CoachScenario
from interplay.web.safety.actions import do_set_safety_consent
from tests.web.base import signed_in
from tests.web.insights.texts import SELF_HARM

pytestmark = pytest.mark.django_db


class _Text(HTMLParser):
    """The words a reader sees: text outside script, style and the editable text areas (a
    plan's own source is the coach's to edit, shown there as typed)."""

    HIDDEN = {"script", "style", "textarea"}

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self.hidden:
            self.words.append(data)


def visible_text(html: str) -> str:
    reader = _Text()
    reader.feed(html)
    return " ".join(reader.words)


def _internal_ids() -> set[str]:
    """Every id of the method's vocabulary that no person would write (`rigid_boundaries`)."""
    ids = set()
    for value in vars(vocabulary).values():
        if isinstance(value, type) and issubclass(value, Enum):
            ids |= {str(member.value) for member in value if "_" in str(member.value)}
    return ids


# A rule as the core writes it: "rule: ..." or a bare comparison ("(> 3.5)", "means > 3.5").
INTERNAL = re.compile(r"\brule:|(?<![\w-])(?:>|<)=? ?\d")


def _coach_pages(coach: User) -> list[str]:
    urls = [reverse("coaching:dashboard"), reverse("accounts:settings")]
    urls += [f"{reverse('coaching:dashboard')}?sort={key}" for key in ("stage", "due", "-focus")]
    for relationship in CoachingRelationship.objects.filter(coach=coach, ended_at__isnull=True):
        client_id = relationship.client_id
        urls += [
            reverse("coaching:client", args=[client_id]),
            reverse("coaching:client_profile", args=[client_id]),
            reverse("coaching:client_history", args=[client_id]),
            reverse("coaching:client_history", args=[client_id]) + "?page=2",
            reverse("coaching:client_journal", args=[client_id]),
            reverse("coaching:client_sessions", args=[client_id]),
            reverse("coaching:new_plan", args=[client_id]),
            reverse("coaching:practice", args=[client_id]),
        ]
        urls += [
            reverse("coaching:note", args=[client_id, note.pk])
            for note in SessionNote.objects.filter(coach=coach, client_id=client_id)
        ]
        urls += [
            reverse("coaching:plan", args=[client_id, plan.pk])
            for plan in SessionPlan.objects.filter(coach=coach, client_id=client_id)
        ]
    urls += [reverse("practice:coach_scenarios"), reverse("practice:coach_new_scenario")]
    urls += [
        reverse("practice:coach_scenario", args=[scenario.pk])
        for scenario in CoachScenario.objects.filter(coach=coach)
    ]
    return urls


@pytest.fixture
def demo_coach(settings):
    (settings.DATA_DIR / demo.DEMO_MARKER).unlink(missing_ok=True)
    demo.seed_demo()
    yield User.objects.get(email=demo.DEMO_COACH_EMAIL)
    (settings.DATA_DIR / demo.DEMO_MARKER).unlink(missing_ok=True)


def test_no_coach_page_of_the_demo_practice_shows_an_internal_name(demo_coach):
    ids = _internal_ids()
    assert "rigid_boundaries" in ids  # the check below would be empty without them
    browser = signed_in(demo_coach)
    pages = _coach_pages(demo_coach)
    assert len(pages) > 20
    for url in pages:
        response = browser.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        found = sorted(word for word in ids if re.search(rf"\b{word}\b", text))
        assert not found, f"{url} shows {found}"
        assert not INTERNAL.search(text), f"{url} shows {INTERNAL.search(text).group(0)!r}"
        assert "## " not in text, f"{url} shows markdown"


def test_the_internal_name_check_catches_a_rule_as_the_core_writes_it():
    text = visible_text(
        "<p>Because rule: rigid_boundaries high (> 3.5)</p><textarea>## a</textarea>"
    )
    assert INTERNAL.search(text) and "rigid_boundaries" in _internal_ids() and "##" not in text


def _flags_section(html: str) -> str:
    start = html.index('<section class="card card-accent safety-flags"')
    section = html[start : html.index("</section>", start)]
    return re.sub(r"<a [^>]*>[^<]*</a>: |<input[^>]*>", "", section)  # the client's name, CSRF


def test_the_page_a_coach_lands_on_shows_safety_flags_worded_as_on_the_client_page(practice):
    do_set_safety_consent(True, actor=practice.client)
    do_save_entry("", SELF_HARM, actor=practice.client)
    browser = signed_in(practice.coach)
    landing = browser.get(reverse(django_settings.LOGIN_REDIRECT_URL), follow=True)
    assert landing.redirect_chain and landing.status_code == 200
    client_page = browser.get(reverse("coaching:client", args=[practice.client.pk]))
    on_landing = _flags_section(landing.content.decode())
    assert "Possible risk to themselves" in on_landing
    assert practice.client.name in landing.content.decode()
    assert on_landing.replace("\n", "") == _flags_section(client_page.content.decode()).replace(
        "\n", ""
    )


def _client_worded(code: str) -> str:
    from interplay.web.reasons import MESSAGES

    return str(MESSAGES[code])


def test_every_finding_written_to_the_reader_has_a_coach_form():
    from interplay.web.reasons import COACH_MESSAGES, MESSAGES

    addressed = {code for code in MESSAGES if re.search(r"\byou(r)?\b", str(MESSAGES[code]))}
    assert {c for c in addressed if c.startswith("risk.")} <= set(COACH_MESSAGES)
    assert set(COACH_MESSAGES) <= set(MESSAGES)
    for code, words in COACH_MESSAGES.items():
        assert str(words) != str(MESSAGES[code])
        # Written about the client: never the client's "you" (a coach's "your conversation" is
        # the one "your", and it addresses the coach).
        assert not re.search(r"\byou\b", str(words), re.IGNORECASE), code


def test_the_coach_reads_a_clients_risks_about_them_not_to_them(demo_coach):
    from interplay.web.reasons import COACH_MESSAGES

    risks = [code for code in COACH_MESSAGES if code.startswith("risk.")]
    browser = signed_in(demo_coach)
    shown = set()
    for relationship in CoachingRelationship.objects.filter(coach=demo_coach):
        url = reverse("coaching:client_profile", args=[relationship.client_id])
        text = visible_text(browser.get(url).content.decode())
        for code in risks:
            assert _client_worded(code) not in text, f"{url} words {code} to the client"
            if str(COACH_MESSAGES[code]) in text:
                shown.add(code)
    assert shown, "the demo practice should show the coach at least one risk, in their words"


def test_the_coach_reads_a_clients_relationship_map_about_them(demo_coach):
    from interplay.web.relationships.presenters import RECOMMENDATION_TEXTS

    browser = signed_in(demo_coach)
    coach_words = 0
    for relationship in CoachingRelationship.objects.filter(coach=demo_coach):
        url = reverse("coaching:practice", args=[relationship.client_id])
        text = visible_text(browser.get(url).content.decode())
        for words in RECOMMENDATION_TEXTS["client"].values():
            assert str(words) not in text, url
        assert "Across your map" not in text and "comes to you from" not in text, url
        coach_words += "Across their map" in text
        coach_words += sum(str(w) in text for w in RECOMMENDATION_TEXTS["coach"].values())
    assert coach_words, "the demo practice shares at least one map with its coach"
