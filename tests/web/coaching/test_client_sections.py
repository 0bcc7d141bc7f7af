"""The client page in sections: an overview a coach lands on, and a page for each part of the
work, each one audited, each long one paged, each showing only what the client shared."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from django.urls import reverse

from interplay.web import crypto
from interplay.web.assessments.models import PulseCheck
from interplay.web.coaching.actions import do_add_note
from interplay.web.coaching.client_pages import JOURNAL_PAGE, NOTES_PAGE, OVERVIEW_MOMENTS
from interplay.web.coaching.client_view import RECENT_CHECK_INS
from interplay.web.kernel.models import AuditEvent
from tests.core.personas import MAYA
from tests.web.base import signed_in
from tests.web.coaching.helpers import assess, days_ago, pulse, pulse_answers, write

pytestmark = pytest.mark.django_db

SECTIONS = {
    "coaching:client": "overview",
    "coaching:client_profile": "client profile",
    "coaching:client_history": "client history",
    "coaching:client_journal": "shared journal",
    "coaching:client_sessions": "notes and plans",
}


def test_every_section_is_audited_by_name_and_links_to_every_other(practice):
    browser = signed_in(practice.coach)
    urls = {name: reverse(name, args=[practice.client.pk]) for name in SECTIONS}
    urls["coaching:practice"] = reverse("coaching:practice", args=[practice.client.pk])
    for name, url in urls.items():
        html = browser.get(url).content.decode()
        assert html.count('aria-current="page"') == 1, name
        for other in urls.values():
            assert f'href="{other}"' in html, (name, other)
    whats = set(
        AuditEvent.objects.filter(actor=practice.coach, client=practice.client).values_list(
            "what", flat=True
        )
    )
    assert set(SECTIONS.values()) | {"practice"} <= whats
    for event in AuditEvent.objects.filter(actor=practice.coach):  # the client reads it worded
        assert event.get_what_display() != event.what


def test_the_overview_gives_the_headline_what_is_due_and_the_latest_few_things(practice):
    assess(practice.client, MAYA, when=days_ago(100))
    for n in range(OVERVIEW_MOMENTS + 3):
        write(practice.client, f"Shared {n}", f"WORDS-{n} " + "long " * 100, True, days_ago(n))
    write(practice.client, "Private", "PRIVATE-WORDS", shared=False)
    do_add_note(practice.client, "NOTE-BODY", "FOLLOW-UP-TEXT", actor=practice.coach)
    response = signed_in(practice.coach).get(reverse("coaching:client", args=[practice.client.pk]))
    html = response.content.decode()
    assert response.context["summary"]["pattern"] in html  # from the stored columns
    assert "Suggest a re-assessment" in html  # over three months since the last one
    assert "FOLLOW-UP-TEXT" in html and "NOTE-BODY" not in html
    shown = [n for n in range(OVERVIEW_MOMENTS + 3) if f"WORDS-{n} " in html]
    assert shown == list(range(OVERVIEW_MOMENTS))  # the newest, newest first
    assert "PRIVATE-WORDS" not in html
    assert "long " * 60 not in html  # an excerpt, not the whole entry


def test_the_overview_reads_only_the_recent_check_ins_however_many_there_are(practice):
    """A weekly check-in adds fifty a year: the overview shows the newest and decrypts no
    more than `RECENT_CHECK_INS` of them, so the page costs the same in the third year."""
    for n in range(RECENT_CHECK_INS + 6):
        pulse(practice.client, pulse_answers(1 + n % 5), days_ago(7 * n + 1))
    decrypted = []
    real = crypto.decrypt

    def counting(token: str) -> str:
        decrypted.append(token)
        return real(token)

    browser = signed_in(practice.coach)
    with patch.object(crypto, "decrypt", counting):
        html = browser.get(reverse("coaching:client", args=[practice.client.pk])).content.decode()
    assert html.count("Check-in") == OVERVIEW_MOMENTS  # the newest few, in the timeline
    assert "Weekly check-in" not in html  # the newest was a day ago: none is due
    assert len(decrypted) <= RECENT_CHECK_INS + 2  # the check-ins shown, a flag or two at most


def test_the_overview_decrypts_the_text_of_the_entries_it_shows_only(practice):
    """The timeline places the latest few entries among the check-ins and shows those that
    fit: an entry it does not show is never decrypted, and a check-in's scores come from
    their columns, so the one shown entry's title and body are all that is decrypted."""
    for n in range(OVERVIEW_MOMENTS):
        write(practice.client, f"Title {n}", f"WORDS-{n} text", True, days_ago(10 + n))
    for n in range(OVERVIEW_MOMENTS - 1):
        pulse(practice.client, pulse_answers(1 + n % 5), days_ago(1 + n))
    decrypted = []
    real = crypto.decrypt

    def counting(token: str) -> str:
        decrypted.append(token)
        return real(token)

    browser = signed_in(practice.coach)
    with patch.object(crypto, "decrypt", counting):
        html = browser.get(reverse("coaching:client", args=[practice.client.pk])).content.decode()
    assert [n for n in range(OVERVIEW_MOMENTS) if f"WORDS-{n} " in html] == [0]
    assert "Title 0" in html and "Title 1" not in html
    assert html.count("(a rough weekly estimate)") == OVERVIEW_MOMENTS - 1
    assert len(decrypted) == 2  # the shown entry's title and body


def test_a_check_in_without_its_score_columns_is_worded_from_its_result(practice):
    """A row written around `save()` has no score columns: the overview reads its result
    then, and says the same as for a row with them."""
    check = pulse(practice.client, pulse_answers(2), days_ago(1))
    url = reverse("coaching:client", args=[practice.client.pk])
    browser = signed_in(practice.coach)
    with_columns = browser.get(url).content.decode()
    PulseCheck.objects.filter(pk=check.pk).update(autonomy=None, connection=None)
    without = browser.get(url).content.decode()
    autonomy, connection = round(check.result["autonomy"]), round(check.result["connection"])
    expected = f"Autonomy {autonomy}, connection {connection} (a rough weekly estimate)."
    assert expected in with_columns and expected in without


def test_the_overview_says_so_when_nothing_is_shared_yet(practice):
    html = (
        signed_in(practice.coach)
        .get(reverse("coaching:client", args=[practice.client.pk]))
        .content.decode()
    )
    assert "No assessment shared yet" in html and "Nothing shared yet" in html


def test_the_shared_journal_is_paged_newest_first(practice):
    for n in range(JOURNAL_PAGE + 2):
        write(practice.client, f"Entry {n:02d}", f"BODY-{n:02d}", shared=True, when=days_ago(n))
    url = reverse("coaching:client_journal", args=[practice.client.pk])
    browser = signed_in(practice.coach)
    first = browser.get(url).content.decode()
    assert "BODY-00" in first and f"BODY-{JOURNAL_PAGE - 1:02d}" in first
    assert f"BODY-{JOURNAL_PAGE:02d}" not in first
    assert "Older entries" in first and "Newer entries" not in first
    second = browser.get(url + "?page=2").content.decode()
    assert f"BODY-{JOURNAL_PAGE:02d}" in second and f"BODY-{JOURNAL_PAGE + 1:02d}" in second
    assert "BODY-00" not in second
    assert "Newer entries" in second and "Older entries" not in second


def test_the_notes_are_paged_and_a_refused_note_keeps_its_typing_on_the_notes_page(practice):
    for n in range(NOTES_PAGE + 1):
        do_add_note(practice.client, f"Note {n:02d}", actor=practice.coach)
    url = reverse("coaching:client_sessions", args=[practice.client.pk])
    browser = signed_in(practice.coach)
    first = browser.get(url).content.decode()
    assert "Older notes" in first and first.count("<article") == NOTES_PAGE
    assert browser.get(url + "?page=2").content.decode().count("<article") == 1
    refused = browser.post(
        reverse("coaching:add_note", args=[practice.client.pk]),
        {"body": " ", "follow_up": "keep this"},
    )
    assert refused.status_code == 400 and "keep this" in refused.content.decode()
    assert 'id="add-note"' in refused.content.decode()


def test_the_profile_section_shows_the_findings_worded_for_the_coach(practice):
    assess(practice.client, MAYA)
    html = (
        signed_in(practice.coach)
        .get(reverse("coaching:client_profile", args=[practice.client.pk]))
        .content.decode()
    )
    assert "Why this boundary style:" in html and "balance-map" in html


def test_the_kept_findings_follow_sharing_and_the_reader(practice):
    from interplay.web.assessments.actions import do_set_assessment_sharing
    from interplay.web.reasons import COACH_MESSAGES, MESSAGES

    earlier = assess(practice.client, MAYA, when=days_ago(30))
    latest = assess(practice.client, MAYA, when=days_ago(1))
    coach = signed_in(practice.coach)
    url = reverse("coaching:client_profile", args=[practice.client.pk])
    first = coach.get(url)
    assert (
        first.context["latest"].pk == latest.pk
        and "Why this boundary style:" in first.content.decode()
    )
    # The client's own page of the same assessment keeps its own wording, not the coach's.
    own = signed_in(practice.client).get(reverse("assessments:profile", args=[latest.pk]))
    coach_only = [str(w) for c, w in COACH_MESSAGES.items() if str(w) != str(MESSAGES[c])]
    assert not any(words in own.content.decode() for words in coach_only)
    do_set_assessment_sharing(latest, False, actor=practice.client)
    after = coach.get(url)
    assert after.context["latest"].pk == earlier.pk  # the one still shared, not the kept one
    do_set_assessment_sharing(earlier, False, actor=practice.client)
    none_left = coach.get(url).content.decode()
    assert "No assessment shared yet" in none_left and "Why this boundary style:" not in none_left
