"""The session planner's content block, written in Python (coaching/plan_html.py), reads byte
for byte as the template wrote it: new and saved plans, with and without a proposal or a saved
plan's sections, a refused form, and values that need escaping."""

from __future__ import annotations

import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from interplay.web.accounts.models import User
from interplay.web.coaching.forms import PlanForm
from interplay.web.coaching.models import SessionPlan
from interplay.web.coaching.plan_html import plan_html
from interplay.web.coaching.planner import Agenda, Line, Section, agenda_sections, proposal_html

# The block as `coaching/plan.html` wrote it before it was written in Python.
OLD_BLOCK = """{% load i18n %}
<p><a href="{% url 'coaching:client' client.pk %}">{% blocktranslate with name=client.name %}← Back to {{ name }}{% endblocktranslate %}</a></p>
<h1>{% if plan %}{% blocktranslate with name=client.name %}Session plan for {{ name }}{% endblocktranslate %}{% else %}{% blocktranslate with name=client.name %}Plan a session with {{ name }}{% endblocktranslate %}{% endif %}</h1>
{% if proposal %}
<p class="lead">{% translate "A proposal from the shared profile, recent shared entries and open items. Every line says where it came from. Edit it, then save." %}</p>
<details class="card"><summary>{% translate "Where the proposal came from" %}</summary>
{{ proposal_html }}
</details>
{% endif %}
{% if agenda %}
<section class="card" aria-labelledby="agenda-heading">
  <h2 id="agenda-heading">{% translate "The plan as it reads" %}</h2>
  {% for section in agenda %}{% if section.title %}<h3>{{ section.title }}</h3>{% endif %}
  <ul>{% for line in section.lines %}<li>{{ line.text }}</li>{% endfor %}</ul>{% endfor %}
</section>
{% endif %}
<form method="post" class="card" action="{% if plan %}{% url 'coaching:plan' client.pk plan.pk %}{% else %}{% url 'coaching:new_plan' client.pk %}{% endif %}">{% csrf_token %}{% idempotency_field %}
  {{ form_html }}
  <div class="actions"><button type="submit">{% translate "Save plan" %}</button></div>
</form>
"""  # noqa: E501
# The two hidden inputs hold fresh random values on every render: compared without them.
RANDOM_VALUES = re.compile(r'name="(csrfmiddlewaretoken|idempotency_key)" value="[^"]*"')


def _without_random_values(html: str) -> str:
    return RANDOM_VALUES.sub(r'name="\1" value=""', html)


PROPOSAL = Agenda(
    [
        Section("Opening", [Line("Ask about “<b>x</b>” & more", "shared on 2 Dec")]),
        Section("Open items", []),
        Section("Exploring", [Line("One", "from the question bank: a <reason>"), Line("2", "")]),
    ]
)
SAVED = "Before any heading\n## **Opening**\n- Ask <script>x</script>\n1. *Lean* in\n## Empty\n"


@pytest.mark.parametrize("language", ["en-gb", "en"])
@pytest.mark.parametrize(
    ("saved", "proposal", "bound"),
    [
        (None, PROPOSAL, False),  # a visit: the proposal in the form
        (SAVED, None, False),  # a saved plan, read as sections above its form
        ("", None, False),  # a saved plan without any line to show
        (None, None, True),  # a refused new plan: the posted form and its errors
        (SAVED, None, True),  # a refused edit
    ],
)
def test_the_planner_block_is_what_the_template_wrote(language, saved, proposal, bound):
    client = User(pk=41, name='Maya <b>"O\'Neil"</b> & co')
    plan = SessionPlan(pk=7, agenda=saved) if saved is not None else None
    form = (
        PlanForm({"agenda": "", "session_date": "not a date"})
        if bound
        else PlanForm(initial={"agenda": proposal.as_text() if proposal else saved})
    )
    form_html = form.as_div()
    agenda = agenda_sections(saved) if saved is not None else []
    proposal_part = proposal_html(proposal) if proposal is not None else None
    request = RequestFactory().get("/")
    with translation.override(language):
        wanted = (
            engines["django"]
            .from_string(OLD_BLOCK)
            .render(
                {
                    "client": client,
                    "plan": plan,
                    "proposal": proposal,
                    "proposal_html": proposal_part or "",
                    "agenda": agenda,
                    "form_html": form_html,
                },
                request,
            )
        )
        ours = plan_html(
            request,
            client,
            form_html,
            plan_id=plan.pk if plan is not None else None,
            proposal_html=proposal_part,
            agenda=agenda,
        )
    # The template's string starts after `{% load i18n %}`, where the old block started.
    assert _without_random_values(str(ours)) == _without_random_values(wanted)
    assert "<script>" not in ours and "<b>x</b>" not in ours and "Maya <b>" not in ours
