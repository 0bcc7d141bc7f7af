"""Integration reviews: written against the start and the last review, the person's own note
(encrypted), journal lines they chose to keep, private until shared, erased with the account."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from interplay.web.erasure import do_delete_account
from interplay.web.journal.actions import do_save_entry
from interplay.web.kernel.errors import ActionError
from interplay.web.progress.actions import do_save_review, do_set_review_sharing
from interplay.web.progress.models import Review
from interplay.web.values.actions import do_save_belief
from tests.web.base import signed_in
from tests.web.progress.helpers import answers_leaning, finished, reflected


def _story(user):  # type: ignore[no-untyped-def]
    finished(user, answers_leaning(dependence=5, interdependence=2), days_ago=120)
    first_review = do_save_review("Early days.", actor=user)
    Review.objects.filter(pk=first_review.pk).update(
        created_at=timezone.now() - timedelta(days=100)
    )
    finished(user, answers_leaning(dependence=3, interdependence=3), days_ago=60)
    finished(user, answers_leaning(dependence=2, interdependence=4), days_ago=1)
    belief = do_save_belief(
        {"belief": "Asking is weakness", "alternative": "Asking is trust"}, actor=user
    )
    reflected(user, "Ask a friend", outcome="no", days_ago=20, belief=belief)
    entry = do_save_entry("Walk", "I asked and it was fine.\nMore words.", actor=user)
    return do_save_review("What I notice now.", [entry.pk], actor=user)


def test_a_review_compares_with_the_start_and_the_last_review(practice):
    review = _story(practice.client)
    page = signed_in(practice.client).get(reverse("progress:review", args=[review.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "From your first assessment" in html and "Against the review of" in html
    # The first review's "now" was the first assessment: both comparisons start from it.
    assert html.count("Leaning on others went from 5.00 to 2.00") == 2
    assert "“Asking is weakness” → “Asking is trust”" in html
    assert "tested a belief you had reframed, and the reframe held" in html
    assert "I asked and it was fine." in html and "More words." not in html
    assert "What I notice now." in html


def test_the_note_and_kept_lines_are_encrypted_at_rest(practice):
    review = _story(practice.client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT note, kept_lines FROM progress_review WHERE id = %s", [review.pk])
        note, kept = cursor.fetchone()
    assert "notice" not in note and "asked" not in kept


def test_a_review_is_private_until_shared(practice):
    review = _story(practice.client)
    coach = signed_in(practice.coach)
    url = reverse("coaching:review", args=[practice.client.pk, review.pk])
    assert coach.get(url).status_code == 404
    listing = coach.get(reverse("coaching:progress", args=[practice.client.pk])).content.decode()
    assert "None shared yet" in listing
    signed_in(practice.client).post(
        reverse("progress:share_review", args=[review.pk]), {"shared": "1"}
    )
    html = coach.get(url).content.decode()
    assert "What I notice now." in html and "I asked and it was fine." in html


def test_a_review_by_form_keeps_only_the_persons_own_entries(practice):
    client = practice.client
    finished(client, answers_leaning(dependence=4, interdependence=2), days_ago=3)
    mine = do_save_entry("", "My own line", actor=client)
    theirs = do_save_entry("", "Someone else's line", actor=practice.other_client)
    browser = signed_in(client)
    response = browser.post(reverse("progress:reviews"), {"note": "n", "keep": [theirs.pk]})
    assert response.status_code == 422 and "not yours" in response.content.decode()
    assert not Review.objects.filter(owner=client).exists()
    response = browser.post(reverse("progress:reviews"), {"note": "kept", "keep": [mine.pk]})
    assert response.status_code == 302
    assert Review.objects.get(owner=client).kept_lines[0]["text"] == "My own line"


def test_a_too_long_note_is_refused_and_shown_back(practice):
    review = _story(practice.client)
    long_note = "x" * 10_001
    response = signed_in(practice.client).post(
        reverse("progress:review", args=[review.pk]), {"note": long_note}
    )
    assert response.status_code == 422 and long_note in response.content.decode()
    review.refresh_from_db()
    assert review.note == "What I notice now."


def test_a_review_needs_an_assessment_and_only_the_owner_may_share_it(practice):
    with pytest.raises(ActionError):
        do_save_review("", actor=practice.client)
    review = _story(practice.client)
    with pytest.raises(ActionError):
        do_set_review_sharing(review, True, actor=practice.other_client)


def test_erasure_covers_reviews(practice):
    _story(practice.client)
    do_delete_account(practice.client, actor=practice.client)
    assert not Review.objects.exists()


def test_exports_hold_reviews_the_owner_all_the_coach_the_shared(practice):
    from interplay.web.coaching.client_view import ClientView
    from interplay.web.exports.serialise import coach_export, owner_export, to_json

    review = _story(practice.client)
    private = do_save_review("Kept to myself.", actor=practice.client)
    do_set_review_sharing(review, True, actor=practice.client)
    mine = to_json(owner_export(practice.client))
    assert "Kept to myself." in mine and "I asked and it was fine." in mine
    theirs = coach_export(ClientView(practice.coach, practice.client))
    assert [r["id"] for r in theirs["integration_reviews"]] == [review.pk]
    assert private.pk not in [r["id"] for r in theirs["integration_reviews"]]
    assert theirs["relationship_map_snapshots"] is None  # the map is not shared
