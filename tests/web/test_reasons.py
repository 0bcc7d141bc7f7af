"""Every reason the core can give has words in web/reasons.py, in the en-GB catalogue, and no
rendered reason shows an id or a rule's symbols, whichever form its profile was stored in."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from django.utils import translation

from interplay.core.profile import build_profile
from interplay.core.reasons import TEMPLATES, Reason
from interplay.web.assessments.presenters import findings
from interplay.web.reasons import MESSAGES, UNJUDGED, render, render_all
from tests.core.test_profile_pinned import seeded_sets, stored_v1
from tests.core.test_reasons import every_reason

CATALOGUE = Path(__file__).parents[2] / "src/interplay/web/locale/en_GB/LC_MESSAGES/django.mo"
INTERNAL = re.compile(r"[a-z]+_[a-z_]+|[<>]|%\(|\{")


def test_every_code_the_core_writes_has_words_here():
    for code in TEMPLATES:
        assert code.removesuffix(".unjudged") in MESSAGES, code


def test_every_message_is_in_the_en_gb_catalogue():
    with CATALOGUE.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    with translation.override(None):  # no translation active: each message is its msgid
        msgids = [str(message) for message in [*MESSAGES.values(), UNJUDGED]]
    for msgid in msgids:
        assert msgid in catalogue, msgid


def test_no_rendered_reason_shows_an_id_or_a_symbol():
    for answers in seeded_sets(150):
        for found in every_reason(build_profile(answers)):
            text = render(found)
            assert text and not INTERNAL.search(text), (found.code, text)


def test_a_reason_renders_the_same_from_its_code_and_from_its_old_words():
    for answers in seeded_sets(40):
        for found in every_reason(build_profile(answers)):
            assert render(found.to_json()) == render(str(found)), found.code


def test_a_profile_of_the_first_form_presents_like_a_new_one():
    for row in stored_v1():
        old = findings(row["profile"])
        new = findings(build_profile(row["answers"]).to_dict())
        assert old == new
    maya = findings(stored_v1()[0]["profile"])
    assert maya["boundaries"]["evidence"][0]["answers"]  # evidence rows still carry answers
    assert "rigid" in maya["boundaries"]["reason"] and ">" not in maya["boundaries"]["reason"]


def test_what_is_not_a_reason_reads_as_nothing():
    assert render(None) == "" and render({"code": "no.such"}) == "" and render(42) == ""
    assert render_all(["fits the stage: dependence", None]) == ["fits the stage: dependence"]


def test_a_core_reason_renders_directly():
    assert render(Reason("question.high_scale", {"scale": "perfectionism"})) == (
        "speaks to a high “the perfectionism trap” score"
    )


def test_ladder_reasons_render_through_the_catalogue_with_names_not_ids():
    from interplay.core.ladder import ladder_state
    from interplay.core.vocabulary import Direction
    from interplay.web.reasons import render

    words = render(ladder_state([], Direction.TOWARD_CONNECTION).explain())
    assert (
        words == "On the low rung towards connection: 0 of 2 reflected successes at this "
        "level so far before moving up."
    )
    assert "_" not in words


def test_reciprocity_summary_reads_for_each_reader():
    from interplay.core.relationships import reciprocity_summary
    from interplay.web.relationships.presenters import summary_text

    empty = reciprocity_summary([])
    assert summary_text(empty, 0) == "No one is on the map yet."
    assert summary_text(empty, 0, "coach") == "No one is on their map yet."
