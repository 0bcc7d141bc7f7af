"""Reads never write: a GET of any page in the URL map makes no INSERT, UPDATE or DELETE, except
the coach-read audit row the view records once access was granted. Template tags only format,
and pages never recompute a language analysis while rendering."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client

from interplay.web.journal.models import EntryAnalysis
from tests.web.base import signed_in
from tests.web.pages import (
    ANONYMOUS_ONLY,
    COACH_PAGES,
    MFA_KEY_PAGES,
    POST_ONLY,
    SESSION_STATE_ON_GET,
    WRITES_ONCE_ON_GET,
    client_objects,
    urls_for,
)

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# The coach-read audit: the one audit log, written by `kernel.audit.record()` only.
AUDIT_TABLES = ("kernel_auditevent",)


@contextmanager
def writes_recorded():
    writes: list[str] = []

    def wrapper(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        if WRITE.match(sql):
            writes.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield writes


def _is_audit(sql: str) -> bool:
    tables = "|".join(AUDIT_TABLES)
    return bool(re.match(rf'^\s*INSERT INTO "?({tables})"?', sql, re.I))


def _browser_for(practice, name):  # type: ignore[no-untyped-def]
    if name in ANONYMOUS_ONLY:
        return Client(), False
    if name in COACH_PAGES:
        return signed_in(practice.coach, reauthenticated=True), True
    return signed_in(practice.client), False


@pytest.fixture
def site(practice):  # type: ignore[no-untyped-def]
    """Every URL, with the states a lazy page would write for: a stale analysis, and a safety
    flag (the URL map raises one) the coach has not seen yet."""
    from interplay.web.journal.actions import do_save_entry, do_set_entry_sharing

    objects = client_objects(practice)
    shared = do_save_entry("Shared", "I always say yes and then resent it.", actor=practice.client)
    do_set_entry_sharing(shared, True, actor=shared.owner)
    urls = urls_for(practice, objects)
    EntryAnalysis.objects.update(themes_version="themes-0.0-old")
    return urls


def test_no_get_writes_anything_but_the_coach_read_audit(practice, site):
    checked = 0
    for name, url in site.items():
        if name in POST_ONLY or name in MFA_KEY_PAGES or name in WRITES_ONCE_ON_GET:
            continue
        browser, coach_page = _browser_for(practice, name)
        with writes_recorded() as writes:
            response = browser.get(url)
        assert response.status_code in (200, 301, 302), (name, response.status_code)
        others = [sql for sql in writes if not (coach_page and _is_audit(sql))]
        if name in SESSION_STATE_ON_GET:
            others = [sql for sql in others if '"django_session"' not in sql]
        assert others == [], (name, others)
        assert len(writes) - len(others) <= 1, (name, "one record() call, one INSERT", writes)
        checked += 1
    assert checked >= 40


def test_pages_do_not_recompute_a_stale_analysis(practice, site):
    signed_in(practice.client).get(site["journal:detail"])
    signed_in(practice.client).get(site["journal:list"])
    signed_in(practice.coach).get(site["coaching:client"])
    assert not EntryAnalysis.objects.exclude(themes_version="themes-0.0-old").exists()


@pytest.mark.parametrize("who", ["other_coach", "client", "other_client", "anonymous"])
def test_a_refused_read_writes_nothing(practice, site, who):
    browser = Client() if who == "anonymous" else signed_in(getattr(practice, who))
    for name in sorted(COACH_PAGES - POST_ONLY):
        if "client" not in name and name not in {"coaching:note", "coaching:plan"}:
            continue
        with writes_recorded() as writes:
            browser.get(site[name])
        assert writes == [], (name, who, writes)
