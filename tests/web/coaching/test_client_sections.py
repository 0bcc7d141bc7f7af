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
    browser = signed_in(practice.coach)
    html, decrypted = _decrypting(browser, reverse("coaching:client", args=[practice.client.pk]))
    assert html.count("Check-in") == OVERVIEW_MOMENTS  # the newest few, in the timeline
    assert "Weekly check-in" not in html  # the newest was a day ago: none is due
    assert decrypted <= RECENT_CHECK_INS + 2  # the check-ins shown, a flag or two at most


def test_the_overview_decrypts_the_text_of_the_entries_it_shows_only(practice):
    """The timeline places the latest few entries among the check-ins and shows those that
    fit: an entry it does not show is never decrypted, and a check-in's scores come from
    their columns, so the one shown entry's title and body are all that is decrypted."""
    for n in range(OVERVIEW_MOMENTS):
        write(practice.client, f"Title {n}", f"WORDS-{n} text", True, days_ago(10 + n))
    for n in range(OVERVIEW_MOMENTS - 1):
        pulse(practice.client, pulse_answers(1 + n % 5), days_ago(1 + n))
    browser = signed_in(practice.coach)
    html, decrypted = _decrypting(browser, reverse("coaching:client", args=[practice.client.pk]))
    assert [n for n in range(OVERVIEW_MOMENTS) if f"WORDS-{n} " in html] == [0]
    assert "Title 0" in html and "Title 1" not in html
    assert html.count("(a rough weekly estimate)") == OVERVIEW_MOMENTS - 1
    assert decrypted == 2  # the shown entry's title and body


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


def _decrypting(browser, url):
    """The page at `url` and how many values were decrypted to make it."""
    decrypted = []
    real = crypto.decrypt

    def counting(token: str) -> str:
        decrypted.append(token)
        return real(token)

    with patch.object(crypto, "decrypt", counting):
        html = browser.get(url).content.decode()
    return html, len(decrypted)


def test_the_profile_section_plots_check_ins_from_their_columns(
    practice, django_assert_max_num_queries
):
    """The trail reads each check-in's two balance columns: no result is decrypted and the
    queries do not grow with the check-ins (the columns were once loaded one query each)."""
    assess(practice.client, MAYA, when=days_ago(60))
    browser = signed_in(practice.coach)
    url = reverse("coaching:client_profile", args=[practice.client.pk])
    browser.get(url)  # the findings rendered and kept
    _, few = _decrypting(browser, url)
    for n in range(6):
        pulse(practice.client, pulse_answers(1 + n % 5), days_ago(7 * n + 1))
    with django_assert_max_num_queries(9):
        html, many = _decrypting(browser, url)
    assert many == few  # no check-in's result
    assert html.count("Check-in on ") == 6  # every check-in on the trail, labelled


def test_a_page_of_the_history_is_kept_and_follows_sharing(practice):
    """The steps of a page are worked out from the profiles once and kept: a second visit
    decrypts no profile, and an assessment the client stops sharing leaves the page."""
    from interplay.web.assessments.actions import do_set_assessment_sharing
    from tests.core.personas import INTERDEPENDENT

    assess(practice.client, MAYA, when=days_ago(90))
    assess(practice.client, MAYA, when=days_ago(45))
    latest = assess(practice.client, INTERDEPENDENT, when=days_ago(1))
    pulse(practice.client, pulse_answers(2), days_ago(3))
    browser = signed_in(practice.coach)
    url = reverse("coaching:client_history", args=[practice.client.pk])
    first, decrypted_first = _decrypting(browser, url)
    again, decrypted_again = _decrypting(browser, url)
    assert again.count('<li class="card">') == first.count('<li class="card">') == 3
    assert "From " in again and "Autonomy " in again  # the change since the first; a check-in
    assert decrypted_again < decrypted_first and decrypted_again <= 1
    do_set_assessment_sharing(latest, False, actor=practice.client)
    after = browser.get(url).content.decode()
    assert after.count('<li class="card">') == 2 and "From " not in after.split("check-ins")[0]


# The shared journal's loop as the template wrote it (list, then search), for the test below.
OLD_ENTRY_LOOPS = (
    """{% load i18n %}<ul class="timeline">
{% for row in entries %}
  <li><span class="kind">{% translate "Journal entry" %}</span> <time datetime="{{ row.iso }}">{{ row.date }}</time>
    <h3>{{ row.title }}</h3><p>{{ row.body|linebreaksbr }}</p>{% include "insights/_shared_entry_themes.html" with themes=row.themes %}</li>
{% endfor %}
</ul>""",  # noqa: E501
    """{% load i18n %}<ul class="timeline">{% for row in entries %}<li><span class="kind">{% translate "Journal entry" %}</span> <time datetime="{{ row.iso }}">{{ row.date }}</time>
    <h3>{{ row.title }}</h3><p>{{ row.body|linebreaksbr }}</p>{% include "insights/_shared_entry_themes.html" with themes=row.themes %}</li>{% endfor %}</ul>""",  # noqa: E501
)


def test_the_shared_journal_writes_its_entries_as_the_template_did():
    from django.template import engines

    from interplay.web.coaching.client_pages import entries_html
    from interplay.web.journal.insights import ShownTheme

    theme = ShownTheme("t", "Fear <of> & loss", "", 0.5, ("“a” <b>", "two\nlines"))
    rows = [
        {
            "iso": "2026-12-01T10:00:00+00:00",
            "date": "1 Dec 2026",
            "title": "<script>x</script>",
            "body": "one\ntwo & <three>\n\nfour",
            "themes": themes,
        }
        for themes in ([], [theme], [ShownTheme("u", "Plain", "", 0.1, ())], [theme, theme])
    ]
    django = engines["django"]
    for old, (before, after) in zip(OLD_ENTRY_LOOPS, (("\n  ", "\n"), ("", "")), strict=True):
        wanted = django.from_string(old).render({"entries": rows})
        ours = (
            '<ul class="timeline">\n' + entries_html(rows, before, after) + "\n</ul>"
            if before
            else '<ul class="timeline">' + entries_html(rows) + "</ul>"
        )
        assert ours == wanted


def test_the_shared_journal_decrypts_each_entry_once_and_only_what_it_shows(
    practice, django_assert_max_num_queries
):
    """An entry costs four decryptions at its first showing (its title and text, shown
    whole, and its analysis's themes and sealed reading), not its listing too, and none on
    a later visit (what was made of it is kept under its seal); the page is one statement
    for the entries and their analyses."""
    browser = signed_in(practice.coach)
    url = reverse("coaching:client_journal", args=[practice.client.pk])
    for n in range(3):
        write(practice.client, f"Entry {n}", f"BODY-{n}", shared=True, when=days_ago(n))
    _, first = _decrypting(browser, url)
    assert first == 3 * 4
    for n in range(3, 6):
        write(practice.client, f"Entry {n}", f"BODY-{n}", shared=True, when=days_ago(n))
    with django_assert_max_num_queries(5):  # the session, the user, access, audit, entries
        html, more = _decrypting(browser, url)
    assert more == 3 * 4  # the three new ones only
    assert all(f"BODY-{n}" in html for n in range(6))
    again, repeat = _decrypting(browser, url)
    assert repeat == 0 and again.count("BODY-") == 6


def test_the_shared_journal_shows_an_edited_entry_anew_and_never_an_unshared_one(practice):
    """What is kept of an entry is keyed by its stored tokens: an edit (new tokens, a new
    reading) is decrypted and shown as it is now; an entry the client stops sharing is not
    fetched, so it leaves the page whatever was kept."""
    from interplay.web.journal.actions import do_save_entry, do_set_entry_sharing

    browser = signed_in(practice.coach)
    url = reverse("coaching:client_journal", args=[practice.client.pk])
    entry = write(practice.client, "First title", "I never ask anyone for help.", shared=True)
    kept = write(practice.client, "Second", "KEPT-BODY", shared=True, when=days_ago(1))
    assert "I never ask anyone for help." in browser.get(url).content.decode()
    do_save_entry("Edited title", "EDITED-BODY, asking feels weak.", entry=entry, actor=entry.owner)
    html, decrypted = _decrypting(browser, url)
    assert "EDITED-BODY" in html and "Edited title" in html
    assert "I never ask anyone" not in html and "First title" not in html
    assert decrypted == 4  # the edited entry only
    do_set_entry_sharing(kept, False, actor=kept.owner)
    after = browser.get(url).content.decode()
    assert "KEPT-BODY" not in after and "EDITED-BODY" in after


def test_the_practice_page_writes_its_options_as_the_template_did():
    from django.template import engines

    from interplay.web.coaching.practice import options_html
    from interplay.web.labels import practice as practice_labels

    old = engines["django"].from_string(
        '{% for t, label in techniques %}<option value="{{ t }}"'
        "{% if form.technique == t %} selected{% endif %}>{{ label }}</option>{% endfor %}"
    )
    choices = [*practice_labels.choices(practice_labels.TECHNIQUES), ('a<&"b', "<i>x</i> & y")]
    for form in ({}, {"technique": "start_small"}, {"technique": 'a<&"b'}, {"technique": ""}):
        wanted = old.render({"techniques": choices, "form": form})
        assert options_html(choices, form.get("technique")) == wanted


@pytest.mark.parametrize("flagged", [False, True])
def test_every_section_writes_its_header_as_the_template_did(practice, flagged):
    """The way back, the name, the tabs and the flags, written by `header_html`, are what
    `coaching/_client_header.html` wrote (the form's token aside), with or without flags."""
    import re

    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import timezone

    from interplay.core.vocabulary import SafetyRisk
    from interplay.web.coaching.client_pages import _base, header_html
    from interplay.web.coaching.client_view import ClientView
    from interplay.web.safety.models import SafetyFlag

    User = type(practice.client)
    User.objects.filter(pk=practice.client.pk).update(name='Ana <"O\'Neil"> & co')
    if flagged:
        SafetyFlag.objects.create(
            client=practice.client, coach=practice.coach, kind=SafetyRisk.SELF_HARM.value
        )
        SafetyFlag.objects.create(
            client=practice.client,
            coach=practice.coach,
            kind=SafetyRisk.HARM_FROM_OTHERS.value,
            acknowledged_at=timezone.now(),
        )
    view = ClientView(practice.coach, User.objects.get(pk=practice.client.pk))  # trusted here
    request = RequestFactory().get("/coach/client/1/journal/?page=2")
    request.user = practice.coach
    context = _base(view, "journal")
    token = re.compile(r'value="[A-Za-z0-9]{64}"')
    wanted = token.sub("T", render_to_string("coaching/_client_header.html", context, request))
    assert token.sub("T", header_html(context, request)) == wanted
    assert ("Acknowledge" in wanted) == flagged


def test_the_shared_journal_writes_its_theme_summary_as_the_template_did():
    from django.template.loader import render_to_string

    from interplay.web.coaching.client_pages import summary_html

    rows = [
        {"name": "Fear <of> & “loss”", "n": 3, "out_of": 8},
        {"name": "Calm", "n": 1, "out_of": 8},
    ]
    for summary in ([], rows):
        wanted = render_to_string("insights/_shared_summary.html", {"summary": summary})
        assert summary_html(summary) == wanted


OLD_NOTES_LOOP = (
    "{% load i18n %}{% for row in note_rows %}{% with note=row.note %}\n"
    '<article class="card">\n'
    "  <h3><time datetime=\"{{ note.created_at|date:'c' }}\">"
    '{{ note.created_at|date:"j F Y" }}</time></h3>\n'
    "  <p>{{ note.body|linebreaksbr }}</p>\n"
    '  {% if note.follow_up %}<p><strong>{% translate "Next time:" %}</strong> '
    '{{ note.follow_up }}{% if not note.follow_up_open %} <span class="muted">'
    '({% translate "done" %})</span>{% endif %}</p>{% endif %}\n'
    '  <a href="{{ row.href }}">{% translate "Edit note" %}<span class="visually-hidden"> '
    '{{ note.created_at|date:"j F Y" }}</span></a>\n'
    "</article>\n{% endwith %}{% endfor %}"
)


def test_the_notes_page_writes_its_notes_as_the_template_did():
    from django.template import engines

    from interplay.web.coaching.client_pages import notes_html
    from interplay.web.coaching.models import SessionNote

    notes = [
        SessionNote(pk=1, body="one\n<b>two</b> & three", follow_up="", created_at=days_ago(1)),
        SessionNote(
            pk=2, body="x", follow_up="Ask <why>", follow_up_open=True, created_at=days_ago(200)
        ),
        SessionNote(
            pk=3, body="y", follow_up="Done & dusted", follow_up_open=False, created_at=days_ago(40)
        ),
    ]
    rows = [{"note": note, "href": f"/n/{note.pk}/?a=1&b=2"} for note in notes]
    wanted = engines["django"].from_string(OLD_NOTES_LOOP).render({"note_rows": rows})
    assert notes_html(rows) == wanted


def test_the_shared_journal_escapes_the_name_and_the_query_it_writes(practice):
    type(practice.client).objects.filter(pk=practice.client.pk).update(name="Ana <b>&</b>")
    url = reverse("coaching:client_journal", args=[practice.client.pk])
    html = signed_in(practice.coach).get(url, {"q": '"><script>x'}).content.decode()
    assert "<title>Ana &lt;b&gt;&amp;&lt;/b&gt;: shared journal" in html
    assert 'name="q" value="&quot;&gt;&lt;script&gt;x"' in html and "<script>x" not in html


@pytest.mark.parametrize(("newer", "older"), [(None, None), (None, 2), (1, 3), (2, None)])
def test_the_journal_pager_written_in_python_is_what_the_pager_template_writes(newer, older):
    from django.template.loader import render_to_string

    from interplay.web.coaching.client_pages import pager_html

    wanted = render_to_string(
        "coaching/_pager.html",
        {"newer": newer, "older": older, "newer_label": "Newer", "older_label": "Older"},
    )
    assert pager_html(newer, older, "Newer", "Older") == wanted


# The notes page's content as its template wrote it (below the header), for the test below.
OLD_SESSIONS_CONTENT = """{% load i18n %}<h2 id="notes">{% translate "Your session notes" %}</h2>
<p class="private-mark">{% translate "Encrypted, and visible to you alone." %}</p>
{% if due %}
<h3>{% translate "Due" %}</h3>
<ul>{% for reason in due %}<li>{{ reason }}</li>{% endfor %}</ul>
{% endif %}
{% if follow_ups %}
<h3>{% translate "Your open follow-ups" %}</h3>
<ul class="plain">
{% for row in follow_up_rows %}{% with note=row.note %}
  <li class="card">{{ note.follow_up|linebreaksbr }}
    <form method="post" action="{{ row.done_href }}" class="actions">{% csrf_token %}{% idempotency_field %}
      <button type="submit" class="button-quiet">{% translate "Mark done" %}</button>
    </form></li>
{% endwith %}{% endfor %}
</ul>
{% endif %}
<form method="post" action="{{ add_note_href }}" class="card" id="add-note">{% csrf_token %}{% idempotency_field %}
  <h3>{% translate "Add a note" %}</h3>
  {{ note_form_html }}
  <div class="actions"><button type="submit">{% translate "Save note" %}</button></div>
</form>
{{ notes_html }}
{% include "coaching/_pager.html" with newer_label=_("Newer notes") older_label=_("Older notes") %}

<h2 id="plans">{% translate "Your session plans" %}</h2>
<p><a class="button" href="{{ new_plan_href }}">{% translate "Plan the next session" %}</a></p>
{% if plans %}
<ul>{% for row in plan_rows %}{% with plan=row.plan %}<li><a href="{{ row.href }}">{% if plan.session_date %}{% blocktranslate with when=plan.session_date|date:"j F Y" %}Session on {{ when }}{% endblocktranslate %}{% else %}{% blocktranslate with when=plan.created_at|date:"j F Y" %}Plan written {{ when }}{% endblocktranslate %}{% endif %}</a></li>{% endwith %}{% endfor %}</ul>
{% else %}
<p>{% translate "No plans yet." %}</p>
{% endif %}"""  # noqa: E501


@pytest.mark.parametrize("full", [False, True])
def test_the_notes_page_writes_its_content_as_the_template_did(full):
    """Due, the open follow-ups with their forms, the note form, the pager and the plans,
    written by `sessions_html`, are what the template wrote (the forms' keys aside): with
    text to escape, line breaks, plans with and without a session date, and with none."""
    import re
    from datetime import date

    from django.template import engines
    from django.test import RequestFactory
    from django.utils.safestring import SafeString

    from interplay.web.coaching.client_pages import sessions_html
    from interplay.web.coaching.models import SessionNote, SessionPlan

    follow_ups = [
        SessionNote(pk=7, follow_up='Ask <why> & "how"\nthen\r\nmore', follow_up_open=True),
        SessionNote(pk=8, follow_up="plain", follow_up_open=True),
    ]
    plans = [
        SessionPlan(pk=3, session_date=date(2026, 1, 2), created_at=days_ago(3)),
        SessionPlan(pk=4, session_date=None, created_at=days_ago(40)),
    ]
    context = {
        "due": ["Ask <how> it went & why", "Second"] if full else [],
        "follow_ups": follow_ups if full else [],
        "follow_up_rows": [
            {"note": note, "done_href": f"/done/{note.pk}/?a=1&b=2"} for note in follow_ups
        ]
        if full
        else [],
        "add_note_href": "/add/?x=<1>",
        "note_form_html": SafeString('<div><textarea name="body">a &amp; b</textarea></div>'),
        "notes_html": SafeString("\n<article>note</article>\n"),
        "newer": 1 if full else None,
        "older": 3 if full else None,
        "new_plan_href": "/plan/?y=1&z=2",
        "plans": plans if full else [],
        "plan_rows": [{"plan": plan, "href": f"/plans/{plan.pk}/"} for plan in plans]
        if full
        else [],
    }
    request = RequestFactory().get("/coach/client/1/sessions/")
    wanted = engines["django"].from_string(OLD_SESSIONS_CONTENT).render(context, request)
    key = re.compile(r'value="[A-Za-z0-9]{32,64}"')
    assert key.sub("K", sessions_html(context, request)) == key.sub("K", wanted)
    assert ("Mark done" in wanted) == full and ("No plans yet." in wanted) != full


def test_the_notes_page_reads_the_notes_follow_ups_and_plans_in_one_statement(
    practice, django_assert_num_queries
):
    """The page of notes, every open follow-up (one on an older page too) and the plans'
    dates come in one statement; what is due comes with the access check. Each note on the
    page and each follow-up is decrypted once, and no plan's agenda or follow-up's body."""
    from interplay.web.coaching.actions import do_save_plan

    do_add_note(practice.client, "OLDEST-BODY", "OLDEST-FOLLOW-UP", actor=practice.coach)
    for n in range(NOTES_PAGE):
        follow_up = f"Follow-up {n}" if n < 3 else ""
        do_add_note(practice.client, f"Body {n}", follow_up, actor=practice.coach)
    do_save_plan(practice.client, "PLAN-AGENDA", None, actor=practice.coach)
    assess(practice.client, MAYA, when=days_ago(100))
    browser = signed_in(practice.coach)
    url = reverse("coaching:client_sessions", args=[practice.client.pk])
    browser.get(url)
    with django_assert_num_queries(5) as seen:  # session, user, access, audit, the records
        html, decrypted = _decrypting(browser, url)
    assert sum("coachdesk_" in query["sql"] for query in seen.captured_queries) == 1
    assert not any(q["sql"].startswith('SELECT "assessments_assessment"') for q in seen)
    assert "OLDEST-FOLLOW-UP" in html and "OLDEST-BODY" not in html  # on the second page
    assert "Suggest a re-assessment" in html and "PLAN-AGENDA" not in html
    # The page's bodies and follow-ups (an empty one is stored encrypted too) and the oldest
    # note's follow-up: not its body, nor the page's open follow-ups twice.
    assert decrypted == 2 * NOTES_PAGE + 1


def test_the_open_follow_ups_and_plans_are_the_same_on_every_page_newest_first(practice):
    from interplay.web.coaching.access import PLAN_DATES
    from interplay.web.coaching.actions import do_save_plan
    from interplay.web.coaching.models import SessionPlan

    for n in range(NOTES_PAGE + 2):
        do_add_note(
            practice.client, f"Body {n}", f"FU-{n:02d}" if n % 4 == 0 else "", actor=practice.coach
        )
    for n in range(PLAN_DATES + 1):
        plan = do_save_plan(practice.client, f"Agenda {n}", None, actor=practice.coach)
        SessionPlan.objects.filter(pk=plan.pk).update(created_at=days_ago(PLAN_DATES + 1 - n))
    url = reverse("coaching:client_sessions", args=[practice.client.pk])
    browser = signed_in(practice.coach)
    for page in (1, 2):
        html = browser.get(url, {"page": page}).content.decode()
        listed = html.split("Your open follow-ups")[1].split('id="add-note"')[0]
        assert [n for n in (8, 4, 0) if f"FU-{n:02d}" in listed] == [8, 4, 0]
        assert listed.index("FU-08") < listed.index("FU-04") < listed.index("FU-00")
        plans = html.split('id="plans"')[1]
        assert plans.count("Plan written") == PLAN_DATES
        newest = SessionPlan.objects.order_by("-created_at").first()
        oldest = SessionPlan.objects.order_by("created_at").first()
        assert f"/plans/{newest.pk}/" in plans and f"/plans/{oldest.pk}/" not in plans


def test_what_is_due_counts_the_latest_shared_assessment_only(practice):
    """What is due reads the latest shared assessment's date with the access check: one the
    client keeps private does not count, on the notes page, the overview, and for a view made
    without the access row (trusted code: the demo), which reads the headlines instead."""
    from interplay.web.coaching.access import access_client_for_coach
    from interplay.web.coaching.client_view import ClientView
    from interplay.web.coaching.presenters import due_reasons
    from tests.web.base import mark_passed_two_factor

    assess(practice.client, MAYA, when=days_ago(100))
    private = assess(practice.client, MAYA, when=days_ago(1), shared=False)
    browser = signed_in(practice.coach)
    for name in ("coaching:client_sessions", "coaching:client"):
        html = browser.get(reverse(name, args=[practice.client.pk])).content.decode()
        assert "Suggest a re-assessment" in html, name
    granted = access_client_for_coach(mark_passed_two_factor(practice.coach), practice.client.pk)
    trusted = ClientView(practice.coach, practice.client)
    shared = granted.headlines()[-1].completed_at
    assert granted.latest_assessment_at() == trusted.latest_assessment_at() == shared
    assert shared < private.completed_at
    assert due_reasons(granted) == due_reasons(trusted)
