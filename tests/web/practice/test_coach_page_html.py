"""The coach's practice page is written in Python (`coaching.practice_page`): what it writes is
what the template it replaced wrote (kept below), with nothing shared, with everything shared,
with suggestions waiting and with the form sent back with an error; and what it writes keeps
the client's and the coach's text as text."""

from __future__ import annotations

import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from interplay.web.coaching.client_pages import address, section_links
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.practice import coach_practice_view, options_html
from interplay.web.coaching.practice_page import practice_page_html, select_options, title
from interplay.web.labels import practice as practice_labels
from interplay.web.practice.actions import (
    do_reflect,
    do_save_experiment,
    do_set_aside,
    do_set_experiment_sharing,
    do_suggest_experiment,
)
from interplay.web.relationships.actions import do_save_person, do_set_map_sharing
from interplay.web.values.actions import (
    do_add_value,
    do_save_belief,
    do_set_belief_sharing,
    do_set_value_sharing,
)
from tests.web.base import signed_in
from tests.web.practice.pages import PERSON, PLAN

# `practice/coach_client.html`'s content and `practice/_coach_panel.html` as they were.
OLD_PANEL = """{% load i18n %}
<h2>{% translate "Values the client shared" %}</h2>
{% if view.values %}<ul>{% for v in view.values %}<li>{{ v.label }}</li>{% endfor %}</ul>{% else %}<p>{% translate "None shared." %}</p>{% endif %}
<h2>{% translate "Beliefs the client shared" %}</h2>
{% if view.beliefs %}
<ul class="plain entries">{% for belief, outcome in view.beliefs %}<li><p>{{ belief.belief }}</p>{% if belief.alternative %}<p class="muted">{% translate "Alternative:" %} {{ belief.alternative }}</p>{% endif %}<p class="evidence">{{ outcome.summary }}</p></li>{% endfor %}</ul>
{% else %}<p>{% translate "None shared." %}</p>{% endif %}
<h2>{% translate "Experiments the client shared" %}</h2>
{% if view.experiments %}
{% if view.stats %}<p>{{ view.stats.sentence }}</p>{% endif %}
<ul class="plain entries">
  {% for e in view.experiments %}
  <li><strong>{{ e.title }}</strong> <span class="tag">{{ e.get_status_display }}</span> <span class="muted">{{ e.get_direction_display }}, {{ e.get_stakes_display|lower }}</span>
    {% if e.feared_outcome %}<p class="muted">{% translate "Feared:" %} {{ e.feared_outcome }}{% if e.anxiety_predicted is not None %} ({{ e.anxiety_predicted }}/10){% endif %}</p>{% endif %}
    {% if e.status == "done" %}<p>{{ e.what_happened }} <span class="muted">({% translate "during" %} {{ e.anxiety_during }}/10; {% translate "feared outcome happened:" %} {{ e.get_feared_outcome_happened_display|lower }})</span></p>{% endif %}</li>
  {% endfor %}
</ul>
{% else %}<p>{% translate "No experiments shared. Experiments are private unless the client shares them one by one." %}</p>{% endif %}
<h2>{% translate "Relationship map" %}</h2>
{% if view.map %}
{% include "relationships/_picture.html" with view=view.map %}
{% include "relationships/_recommendations.html" with view=view.map %}
{% elif view.map_shared %}<p>{% translate "The map is shared but still empty." %}</p>
{% else %}<p>{% translate "The map is private." %}</p>{% endif %}
"""  # noqa: E501
OLD_PAGE = """{% load i18n %}
<h1>{% blocktranslate with name=client.name %}{{ name }}’s practice{% endblocktranslate %}</h1>
{% include "coaching/_client_tabs.html" %}
<p class="lead">{% translate "Only what your client chose to share." %}</p>
PANEL
<h2 id="suggest">{% translate "Suggest an experiment" %}</h2>
{% if view.suggestions %}<p>{% translate "Waiting for your client:" %} {% for s in view.suggestions %}{{ s.title }}{% if not forloop.last %}, {% endif %}{% endfor %}</p>{% endif %}
{% if error %}<p class="message message-error" role="alert">{{ error }}</p>{% endif %}
<form method="post" aria-labelledby="suggest">{% csrf_token %}{% idempotency_field %}
  <label for="sg-title">{% translate "A short name" %}</label>
  <input type="text" id="sg-title" name="title" value="{{ form.title }}" maxlength="200">
  <label for="sg-what">{% translate "What they might do" %}</label>
  <textarea id="sg-what" name="what" class="short">{{ form.what }}</textarea>
  <div class="field-row">
    <div><label for="sg-technique">{% translate "Technique" %}</label>
      <select id="sg-technique" name="technique">{{ technique_options }}</select></div>
    <div><label for="sg-direction">{% translate "Direction" %}</label>
      <select id="sg-direction" name="direction"><option value="">{% translate "Choose…" %}</option>{{ direction_options }}</select></div>
    <div><label for="sg-stakes">{% translate "Stakes" %}</label>
      <select id="sg-stakes" name="stakes">{{ stakes_options }}</select></div>
  </div>
  <div class="actions"><button type="submit">{% translate "Suggest it" %}</button></div>
</form>
<p><a href="{{ client_href }}">{% translate "Back to the client" %}</a></p>
"""  # noqa: E501
# The form's one-off values: the CSRF token and the idempotency key.
ONE_OFF = re.compile(r'value="[A-Za-z0-9]{64}"|value="[0-9a-f]{32}"')
NAME = '<b>Ma</b>ya & "O\'Neil"'


def _both(practice, form, error=None):  # type: ignore[no-untyped-def]
    """The page as the old template wrote it and as `practice_page_html` writes it."""
    client = type(practice.client).objects.get(pk=practice.client.pk)
    view = ClientView(practice.coach, client)  # trusted here: the test's own client
    request = RequestFactory().get("/")
    request.user = practice.coach
    context = {
        "client": client,
        "view": coach_practice_view(view),
        "sections": section_links(client.pk, "practice"),
        "form": form,
        "error": error,
        "client_href": address("coaching:client", client.pk),
    }
    old = engines["django"].from_string(OLD_PAGE.replace("PANEL", OLD_PANEL, 1))
    options = {
        f"{field}_options": options_html(practice_labels.choices(table), form.get(field))
        for field, table in (
            ("technique", practice_labels.TECHNIQUES),
            ("direction", practice_labels.DIRECTIONS),
            ("stakes", practice_labels.STAKES),
        )
    }
    wanted = ONE_OFF.sub("T", old.render({**context, **options}, request))
    return wanted, ONE_OFF.sub("T", practice_page_html(context, request))


def _share_everything(client):  # type: ignore[no-untyped-def]
    for words in ("Rest <&>", "Care"):
        value = do_add_value(own_words=words, actor=client)
        do_set_value_sharing(value, True, actor=value.owner)
    tested = do_save_belief(
        {"belief": "Asking is <weak>", "alternative": "It is ok & fine"}, actor=client
    )
    bare = do_save_belief({"belief": "No alternative", "alternative": ""}, actor=client)
    for belief in (tested, bare):
        do_set_belief_sharing(belief, True, actor=belief.owner)
    done = do_save_experiment(
        {**PLAN, "belief": str(tested.pk), "title": "Done <one>"}, actor=client
    )
    do_reflect(
        done,
        {"what_happened": "Fine & <ok>", "anxiety_during": "2", "feared_outcome_happened": "no"},
        actor=done.owner,
    )
    planned = do_save_experiment(PLAN, actor=client)
    fearless = do_save_experiment(
        {**PLAN, "title": "No fear", "feared_outcome": "", "anxiety_predicted": ""}, actor=client
    )
    aside = do_save_experiment({**PLAN, "title": "Aside", "anxiety_predicted": ""}, actor=client)
    do_set_aside(aside, "skipped", actor=aside.owner)
    for experiment in (done, planned, fearless, aside):
        do_set_experiment_sharing(experiment, True, actor=experiment.owner)
    do_save_experiment({**PLAN, "title": "Kept <private>"}, actor=client)


@pytest.mark.parametrize("stage", ["nothing", "map shared empty", "everything", "map private"])
def test_the_practice_page_writes_what_the_template_wrote(practice, stage):
    client = practice.client
    type(client).objects.filter(pk=client.pk).update(name=NAME)
    if stage != "nothing":
        do_set_map_sharing(True, actor=client)
    if stage in ("everything", "map private"):
        _share_everything(client)
        do_save_person(PERSON, actor=client)
        do_save_person({**PERSON, "name": "Bob <x> with a long name", "give": "1"}, actor=client)
        for title_ in ("Try <this>", "And & that"):
            do_suggest_experiment(
                client,
                {**PLAN, "title": title_, "what": "x"},
                actor=practice.coach,
            )
    if stage == "map private":
        do_set_map_sharing(False, actor=client)
    wanted, ours = _both(practice, {"technique": "start_small", "stakes": "low"})
    assert ours == wanted
    if stage == "everything":
        assert "Kept &lt;private&gt;" not in ours and "Done &lt;one&gt;" in ours
        assert "relationship-map" in ours and "Try &lt;this&gt;, And &amp; that" in ours


SENT_BACK = (
    {
        "title": "Half <done>",
        "what": 'w <&> "q"',
        "technique": "start_small",
        "direction": "",
        "stakes": "medium",
    },
    {"title": "", "what": "", "technique": "bogus", "direction": "toward_autonomy", "stakes": ""},
)


@pytest.mark.parametrize("form", SENT_BACK)
def test_the_practice_page_writes_a_sent_back_form_as_the_template_did(practice, form):
    wanted, ours = _both(practice, form, error="Please give it <a name> & a step.")
    assert ours == wanted
    assert 'role="alert">Please give it &lt;a name&gt; &amp; a step.</p>' in ours


def test_the_practice_page_escapes_the_name_in_its_title_and_keeps_a_typed_title(
    practice,
):
    type(practice.client).objects.filter(pk=practice.client.pk).update(name=NAME)
    url = reverse("coaching:practice", args=[practice.client.pk])
    browser = signed_in(practice.coach)
    html = browser.get(url).content.decode()
    assert "<title>&lt;b&gt;Ma&lt;/b&gt;ya &amp; &quot;O&#x27;Neil&quot;: practice" in html
    assert "<b>Ma</b>" not in html
    sent = browser.post(url, {"title": '"><script>x', "what": "", "technique": "start_small"})
    assert sent.status_code == 422
    page = sent.content.decode()
    assert 'name="title" value="&quot;&gt;&lt;script&gt;x"' in page and "<script>x" not in page
    assert str(title(NAME)) == "&lt;b&gt;Ma&lt;/b&gt;ya &amp; &quot;O&#x27;Neil&quot;: practice"


def test_a_select_marks_only_a_known_choice_and_keeps_one_copy_per_language():
    techniques = practice_labels.choices(practice_labels.TECHNIQUES)
    for selected in ("start_small", "role_play", None, "", "bogus", '"><x'):
        assert select_options("technique", selected) == options_html(techniques, selected)
    assert select_options("technique", "bogus") is select_options("technique", '"><x')
