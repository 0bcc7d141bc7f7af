"""Values and beliefs: naming, reframing, sharing one item at a time, and the outcome of the
experiments that tested a belief."""

from django.urls import reverse

from interplay.core.values import value_list
from interplay.web.practice.actions import do_reflect, do_save_experiment
from interplay.web.values.models import Belief, PersonalValue
from tests.web.practice.pages import PLAN


def test_client_names_a_value_from_the_list_and_in_own_words(practice, client_browser):
    listed = value_list()[0]
    client_browser.post(reverse("values:list"), {"value_id": listed.id})
    client_browser.post(reverse("values:list"), {"own_words": "Keeping my weekends"})
    page = client_browser.get(reverse("values:list")).content.decode()
    assert listed.name in page and "Keeping my weekends" in page
    assert all(not v.shared_with_coach for v in PersonalValue.objects.all())


def test_value_needs_exactly_one_of_list_or_own_words(practice, client_browser):
    both = client_browser.post(
        reverse("values:list"), {"value_id": value_list()[0].id, "own_words": "Mine"}
    )
    neither = client_browser.post(reverse("values:list"), {})
    assert both.status_code == neither.status_code == 422
    assert "Mine" in both.content.decode()  # what was typed comes back
    assert not PersonalValue.objects.exists()


def test_the_same_listed_value_cannot_be_named_twice(practice, client_browser):
    value_id = value_list()[0].id
    client_browser.post(reverse("values:list"), {"value_id": value_id})
    again = client_browser.post(reverse("values:list"), {"value_id": value_id})
    assert again.status_code == 422 and PersonalValue.objects.count() == 1


def test_value_is_shared_and_removed_one_at_a_time(practice, client_browser):
    client_browser.post(reverse("values:list"), {"own_words": "Honesty with myself"})
    value = PersonalValue.objects.get()
    client_browser.post(reverse("values:share", args=[value.pk]), {"shared": "1"})
    value.refresh_from_db()
    assert value.shared_with_coach
    client_browser.post(reverse("values:delete", args=[value.pk]))
    assert not PersonalValue.objects.exists()


def test_belief_with_reframe_is_saved_private_and_shown(practice, client_browser):
    response = client_browser.post(
        reverse("values:new_belief"),
        {
            "belief": "If someone helps me, I'll owe them.",
            "origin": "Growing up, help came with strings.",
            "cost": "I do everything alone and get tired.",
            "protects": "My independence.",
            "alternative": "Help can be a gift between equals.",
        },
    )
    belief = Belief.objects.get()
    assert response.status_code == 302 and not belief.shared_with_coach
    page = client_browser.get(reverse("values:belief", args=[belief.pk])).content.decode()
    assert "Help can be a gift between equals." in page and "Not tested yet." in page


def test_belief_without_its_text_keeps_what_was_typed(practice, client_browser):
    response = client_browser.post(
        reverse("values:new_belief"), {"belief": " ", "alternative": "Kept alternative"}
    )
    assert response.status_code == 422
    assert "Kept alternative" in response.content.decode()
    assert not Belief.objects.exists()


def test_belief_shows_the_outcome_of_the_experiment_that_tested_it(practice, client_browser):
    client_browser.post(
        reverse("values:new_belief"), {"belief": "Asking is weak", "alternative": "Asking is ok"}
    )
    belief = Belief.objects.get()
    experiment = do_save_experiment({**PLAN, "belief": str(belief.pk)}, actor=practice.client)
    do_reflect(
        experiment,
        {"what_happened": "Sam said yes", "anxiety_during": "3", "feared_outcome_happened": "no"},
        actor=experiment.owner,
    )
    page = client_browser.get(reverse("values:belief", args=[belief.pk])).content.decode()
    assert "Tested once; the feared outcome did not happen." in page
    assert "Ask Sam for a lift" in page
    listing = client_browser.get(reverse("values:beliefs")).content.decode()
    assert "Tested once" in listing


def test_belief_edit_share_and_delete(practice, client_browser):
    client_browser.post(reverse("values:new_belief"), {"belief": "Old words"})
    belief = Belief.objects.get()
    client_browser.post(reverse("values:edit_belief", args=[belief.pk]), {"belief": "New words"})
    client_browser.post(reverse("values:share_belief", args=[belief.pk]), {"shared": "1"})
    belief.refresh_from_db()
    assert belief.belief == "New words" and belief.shared_with_coach
    client_browser.post(reverse("values:delete_belief", args=[belief.pk]))
    assert not Belief.objects.exists()
