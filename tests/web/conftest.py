import pytest

from tests.web.base import make_practice


@pytest.fixture
def practice(db):
    return make_practice()


@pytest.fixture
def outbox(monkeypatch):
    """Emails are queued when the transaction commits; tests run inside one that never does,
    so here the queueing happens at once (the task backend in tests is immediate)."""
    from types import SimpleNamespace

    from django.core import mail

    from interplay.web import emails

    monkeypatch.setattr(emails, "transaction", SimpleNamespace(on_commit=lambda fn: fn()))
    return mail.outbox


@pytest.fixture(autouse=True)
def _fresh_reference_values():
    """The practice's reference values are cached for minutes; each test starts without."""
    from django.core.cache import cache

    from interplay.web.assessments.reference import CACHE_KEY

    cache.delete(CACHE_KEY)


@pytest.fixture(autouse=True)
def _fresh_profile_fragments():
    """Each test starts from an empty database, as after a restore: rendered profile findings
    kept from another test's rows (ids are reused) must not be served."""
    from interplay.web.assessments import fragments

    fragments.forget_all()
    yield
    fragments.forget_all()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts its rate limits in the cache: each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
