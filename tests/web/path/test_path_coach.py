"""A coach and a client's path: private until shared; the coach gives the path, sees which
steps are done once shared (never what was written) and suggests the next step."""

from __future__ import annotations

import pytest
from django.urls import reverse

from interplay.web.journal.actions import do_save_entry
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.models import AuditEvent
from interplay.web.path.actions import (
    do_assign_path,
    do_begin_path,
    do_set_path_sharing,
    do_suggest_step,
)
from interplay.web.path.models import PathProgress
from tests.web.base import signed_in


def _client_page(practice):  # type: ignore[no-untyped-def]
    url = reverse("coaching:client", args=[practice.client.pk])
    return signed_in(practice.coach).get(url).content.decode()


def test_an_unshared_path_shows_the_coach_nothing_of_it(practice):
    do_begin_path(practice.client, actor=practice.client)
    do_save_entry("", "Secret words about Sam.", "p:bounds:balancing", actor=practice.client)
    html = _client_page(practice)
    assert "steps done" not in html and "Secret words" not in html
    assert "Give this client the path" in html


def test_a_shared_path_shows_which_steps_are_done_but_not_what_was_written(practice):
    do_set_path_sharing(practice.client, True, actor=practice.client)
    do_save_entry("", "Secret words about Sam.", "p:bounds:balancing", actor=practice.client)
    html = _client_page(practice)
    assert "1 of 11 steps done" in html
    assert "Secret words" not in html
    assert "Suggest this step" in html


def test_the_coach_gives_the_path_and_it_stays_private(practice):
    browser = signed_in(practice.coach)
    response = browser.post(reverse("coaching:path_assign", args=[practice.client.pk]))
    assert response.status_code == 302
    progress = PathProgress.objects.get(owner=practice.client)
    assert progress.assigned_by == practice.coach and not progress.shared_with_coach
    assert "You gave this client the path" in _client_page(practice)
    home = signed_in(practice.client).get(reverse("path:overview")).content.decode()
    assert "Ana Coach gave you this path to walk." in home


def test_the_coach_suggests_a_step_on_a_shared_path_and_the_client_sees_it(practice):
    do_set_path_sharing(practice.client, True, actor=practice.client)
    before = AuditEvent.objects.count()
    signed_in(practice.coach).post(
        reverse("coaching:path_suggest", args=[practice.client.pk]), {"step": "roots"}
    )
    assert AuditEvent.objects.count() == before + 1  # the coach's read is audited
    assert PathProgress.objects.get(owner=practice.client).suggested_step == "roots"
    html = signed_in(practice.client).get(reverse("path:overview")).content.decode()
    assert "Suggested by your coach" in html and "Step 4: Roots" in html


def test_no_suggestion_on_an_unshared_path_and_none_from_another_coach(practice):
    do_begin_path(practice.client, actor=practice.client)
    with pytest.raises(ActionError):
        do_suggest_step(practice.client, "roots", actor=practice.coach)
    do_set_path_sharing(practice.client, True, actor=practice.client)
    with pytest.raises(ActionError):
        do_suggest_step(practice.client, "roots", actor=practice.other_coach)
    with pytest.raises(ActionError):
        do_assign_path(practice.client, actor=practice.other_coach)
    with pytest.raises(ActionError):
        do_suggest_step(practice.client, "nowhere", actor=practice.coach)
    assert PathProgress.objects.get(owner=practice.client).suggested_step == ""


def test_the_other_coach_gets_404_on_the_path_actions(practice):
    browser = signed_in(practice.other_coach)
    for name in ("coaching:path_assign", "coaching:path_suggest"):
        assert browser.post(reverse(name, args=[practice.client.pk])).status_code == 404
    assert not PathProgress.objects.exists()
