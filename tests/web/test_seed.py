"""`interplay seed` at a tiny size: the rows it writes are the app's own (encrypted under the
configured key, every one readable by it), the seeded people sign in and see their seeded
words on the pages, and it refuses a database that already holds accounts."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.crypto import decrypt
from interplay.web.journal.models import Entry
from interplay.web.key_check import report
from interplay.web.seed import Progress, SeedRefused, client_email, coach_email, seed
from tests.web.base import signed_in


def _seed(coaches: int = 2, clients: int = 6, entries: int = 40) -> str:
    stream = io.StringIO()
    seed(coaches, clients, entries, Progress(stream))
    return stream.getvalue()


@pytest.mark.django_db
def test_seed_makes_the_practice_of_the_size_asked():
    bars = _seed()
    assert User.objects.filter(role="coach").count() == 2
    assert User.objects.filter(role="client").count() == 6
    assert CoachingRelationship.objects.count() == 6
    assert Entry.objects.count() == 40
    assert Assessment.objects.count() == 12 and PulseCheck.objects.count() == 24
    assert SessionNote.objects.count() == 12 and SessionPlan.objects.count() == 6
    # Each client writes an even share, and both coaches have clients.
    assert {Entry.objects.filter(owner__email=client_email(n)).count() for n in range(6)} == {
        6,
        7,
    }
    assert len(set(CoachingRelationship.objects.values_list("coach_id", flat=True))) == 2
    # The progress bar names each table and ends at its total.
    assert "journal entries" in bars and "40/40" in bars


@pytest.mark.django_db
def test_every_seeded_encrypted_value_is_ciphertext_the_configured_key_opens():
    _seed()
    raw = Entry.objects.values_list("body", flat=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {Entry._meta.db_table}")  # noqa: S608
        stored = [row[0] for row in cursor.fetchall()]
    assert all(value.startswith("gAAAAA") for value in stored)  # Fernet tokens, not text
    assert all(decrypt(value).endswith(".") for value in stored)
    assert list(raw)  # and the model reads them back as text
    columns = report()
    assert all(not column.unreadable for column in columns)
    assert sum(sum(column.by_key) for column in columns) > 40 + 12 * 2 + 24 * 2


@pytest.mark.django_db
def test_a_seeded_client_and_coach_see_the_seeded_words_on_their_pages():
    _seed()
    client = User.objects.get(email=client_email(0))
    entry = Entry.objects.filter(owner=client).first()
    browser = signed_in(client)
    listing = browser.get(reverse("journal:list"))
    assert listing.status_code == 200 and entry.title in listing.content.decode()
    page = browser.get(reverse("journal:detail", args=[entry.pk]))
    assert page.status_code == 200 and entry.body[:40] in page.content.decode()
    coach = User.objects.get(email=coach_email(0))
    assert CoachingRelationship.objects.filter(coach=coach, client=client).exists()
    follow_up = SessionNote.objects.filter(coach=coach, client=client, follow_up_open=True)[0]
    shared = Entry.objects.filter(owner=client, shared_with_coach=True).latest("created_at")
    page = signed_in(coach).get(reverse("coaching:client", args=[client.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and client.name in text
    assert follow_up.follow_up in text and shared.title in text


@pytest.mark.django_db
def test_seed_refuses_a_database_that_holds_accounts():
    User.objects.create_user("real@practice.test", "pw", name="Real")
    with pytest.raises(SeedRefused, match="already holds 1 accounts"):
        _seed()
    assert User.objects.count() == 1 and not Entry.objects.exists()


@pytest.mark.django_db
def test_seed_refuses_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(SeedRefused, match="never runs in production"):
        _seed()
