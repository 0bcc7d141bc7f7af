"""The profile's stage words agree with its map region (issue 11): one owner,
`core.standing.stage_words`, read by the profile page, the headline columns and reports."""

from __future__ import annotations

from django.urls import reverse

from interplay.core.standing import stage_words
from interplay.core.vocabulary import Pattern, Stage
from tests.web.base import signed_in
from tests.web.progress.helpers import answers_by_scale, finished

# Placed in "Leaning on others" (autonomy 25, connection 100) while the three stage scales
# alone put interdependence well ahead of dependence (0.83 against 0.50).
LEANING_YET_INTERDEPENDENT = answers_by_scale(
    dependence=3, interdependence=5, over_independence=1, confluence=5, rigid_boundaries=1
)


def test_the_profile_names_the_regions_stage_first(practice):
    assessment = finished(practice.client, LEANING_YET_INTERDEPENDENT, days_ago=1)
    stored = assessment.profile
    assert stored["balance"]["pattern"] == "dependent"
    assert stored["stage"]["primary"] == "interdependence"  # the stored finding is untouched
    html = (
        signed_in(practice.client)
        .get(reverse("assessments:profile", args=[assessment.pk]))
        .content.decode()
    )
    assert "You are in the region “Leaning on others”." in html
    assert "Nearest stage: Dependence." in html
    assert "Your answers also sit close to Interdependence" in html
    assert "Nearest stage: Interdependence" not in html
    # The dashboard's headline columns say the same.
    assert (assessment.stage, assessment.stage_mixed) == ("dependence", True)


def test_stage_words_leave_an_agreeing_or_withdrawn_profile_as_it_was():
    agreeing = {"primary": "dependence", "runner_up": "interdependence", "mixed": False,
                "affinities": [{"stage": "dependence"}, {"stage": "interdependence"}]}  # fmt: skip
    words = stage_words(agreeing, Pattern.DEPENDENT)
    assert (words.primary, words.also_close, words.mixed) == (Stage.DEPENDENCE, None, False)
    withdrawn = stage_words(agreeing, Pattern.WITHDRAWN)
    assert withdrawn.primary is Stage.DEPENDENCE and not withdrawn.follows_region
    assert stage_words(None, None).primary is None


def test_stage_words_do_not_name_a_stage_nobody_scored():
    finding = {"primary": "dependence", "runner_up": "self_sufficiency", "mixed": True,
               "affinities": [{"stage": "dependence"}, {"stage": "self_sufficiency"}]}  # fmt: skip
    words = stage_words(finding, Pattern.INTERDEPENDENT)
    assert words.primary is Stage.DEPENDENCE and not words.follows_region
