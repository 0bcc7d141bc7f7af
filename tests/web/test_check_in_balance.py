"""A check-in's two balance scores are copied out of its encrypted result on every save
(`PulseCheck.autonomy`, `.connection`), so the profile page's Balance Map plots the trail
without decrypting any check-in; a row loaded around `save()` is plotted from its result."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as live_apps
from django.db import connection
from django.urls import reverse

from interplay.web.assessments import fragments
from interplay.web.assessments.access import check_in_results
from interplay.web.assessments.models import PulseCheck
from tests.web.base import signed_in
from tests.web.test_profile_fragments import _finished

pytestmark = pytest.mark.django_db


def test_saving_a_check_in_copies_its_two_scores(practice):
    pulse = PulseCheck.objects.create(
        user=practice.client, result={"autonomy": 31.5, "connection": 62, "other": "kept"}
    )
    assert (pulse.autonomy, pulse.connection) == (31.5, 62.0)
    pulse.result = {"autonomy": None, "connection": 40}
    pulse.save(update_fields=["result"])
    stored = PulseCheck.objects.get(pk=pulse.pk)
    assert (stored.autonomy, stored.connection) == (None, 40.0)


def test_the_trail_reads_no_check_in_result(practice):
    PulseCheck.objects.create(user=practice.client, result={"autonomy": 30, "connection": 50})
    (found,) = check_in_results(practice.client)
    assert "result" in found.get_deferred_fields()
    assert (found.autonomy, found.connection) == (30.0, 50.0)


def test_a_check_in_loaded_without_its_scores_is_still_on_the_map(practice):
    assessment = _finished(practice.client)
    pulse = PulseCheck.objects.create(
        user=practice.client, result={"autonomy": 12, "connection": 88}
    )
    url = reverse("assessments:profile", args=[assessment.pk])
    fragments.forget_all()
    with_columns = signed_in(practice.client).get(url).content.decode()
    PulseCheck.objects.filter(pk=pulse.pk).update(autonomy=None, connection=None)  # bulk-style
    fragments.forget_all()
    without = signed_in(practice.client).get(url).content.decode()
    assert "autonomy 12, connection 88" in with_columns
    assert "autonomy 12, connection 88" in without
    assert PulseCheck.objects.get(pk=pulse.pk).autonomy is None  # a read writes nothing back


def test_the_migration_copies_every_older_check_ins_scores(practice):
    pulse = PulseCheck.objects.create(
        user=practice.client, result={"autonomy": 70, "connection": 20}
    )
    PulseCheck.objects.filter(pk=pulse.pk).update(autonomy=None, connection=None)
    migration = importlib.import_module(
        "interplay.web.assessments.migrations.0006_pulsecheck_balance"
    )

    class Editor:
        pass

    Editor.connection = connection
    migration.copy_balance(live_apps, Editor())
    stored = PulseCheck.objects.get(pk=pulse.pk)
    assert (stored.autonomy, stored.connection) == (70.0, 20.0)
