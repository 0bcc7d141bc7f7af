"""Bulk seeding for bench/bench_web.py: many coaches, clients and journal entries, fast.

Rows are made with bulk_create in batches. Journal entries, the one table that reaches a
million rows, skip the ORM: a pool of texts is encrypted once by the real field's code and
reused, and the rows go in with one `executemany` (SQLite) or `COPY` (PostgreSQL), so a
million entries take seconds rather than minutes. The database still holds only ciphertext,
exactly as in real use, and every page still decrypts each entry it shows. Profiles are built
by the real core from a dozen varied answer sets and reused across clients."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.utils import timezone

from interplay.core.instrument import instrument_items, instrument_version, pulse_items
from interplay.core.profile import build_profile, score_pulse
from interplay.web.accounts.models import CoachingRelationship, Role, User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.crypto import encrypt
from interplay.web.journal.models import Entry, listing_of

BATCH = 2000
TEXT_POOL = 512  # distinct encrypted (title, body) pairs the entries reuse
ASSESSMENTS_PER_CLIENT = 2
PULSES_PER_CLIENT = 4
WORDS = (
    "asked help alone tired proud friend sister brother work deadline boundary said no "
    "yes again evening lonely trust lean share load quiet weekend call mother father team "
    "coffee walk noticed felt relief worry small step today week"
).split()


@dataclass(frozen=True)
class World:
    coach: User
    client: User
    assessment_pk: int
    assessments: int


def _answer_sets(rng: random.Random, count: int) -> list[dict[str, int]]:
    sets = []
    for _ in range(count):
        leanings = {item.scale: rng.uniform(1.5, 4.5) for item in instrument_items()}
        sets.append(
            {
                item.id: item.keyed(max(1, min(5, round(leanings[item.scale] + rng.gauss(0, 0.5)))))
                for item in instrument_items()
            }
        )
    return sets


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def seed(coaches: int, clients: int, entries: int) -> World:
    rng = random.Random(20261127)
    now = timezone.now()
    password = make_password("bench password 2026")
    coach_rows = User.objects.bulk_create(
        [
            User(
                email=f"coach{n}@bench.test",
                name=f"Coach {n:03d}",
                role=Role.COACH,
                password=password,
            )
            for n in range(coaches)
        ],
        batch_size=BATCH,
    )
    # Every coach has an authenticator app (a fixed secret: nobody types its codes here).
    secret = encrypt("JBSWY3DPEHPK3PXP")
    Authenticator.objects.bulk_create(
        [
            Authenticator(user=coach, type=Authenticator.Type.TOTP, data={"secret": secret})
            for coach in coach_rows
        ],
        batch_size=BATCH,
    )
    client_rows = User.objects.bulk_create(
        [
            User(
                email=f"client{n}@bench.test",
                name=f"Client {n:04d}",
                role=Role.CLIENT,
                password=password,
            )
            for n in range(clients)
        ],
        batch_size=BATCH,
    )
    CoachingRelationship.objects.bulk_create(
        [
            CoachingRelationship(coach=coach_rows[n % coaches], client=client)
            for n, client in enumerate(client_rows)
        ],
        batch_size=BATCH,
    )
    answer_sets = _answer_sets(rng, 12)
    profiles = [build_profile(answers).to_dict() for answers in answer_sets]
    version = instrument_version()
    assessments = []
    for n, client in enumerate(client_rows):
        for k in range(ASSESSMENTS_PER_CLIENT):
            when = now - timedelta(days=80 - 70 * k, hours=n % 24)
            choice = (n + k) % len(profiles)
            assessments.append(
                Assessment(
                    user=client,
                    started_at=when,
                    completed_at=when,
                    answers=answer_sets[choice],
                    instrument_version=version,
                    profile=profiles[choice],
                )
            )
    for assessment in assessments:
        assessment.copy_headline()  # as do_finish_assessment does
    Assessment.objects.bulk_create(assessments, batch_size=500)
    pulse_ids = [item.id for item in pulse_items()]
    pulse_results = [
        (answers, score_pulse({i: answers[i] for i in pulse_ids}).to_dict())
        for answers in answer_sets
    ]
    pulses = [
        PulseCheck(
            user=client,
            taken_at=now - timedelta(days=7 * week + 1),
            answers={i: pulse_results[(n + week) % 12][0][i] for i in pulse_ids},
            result=pulse_results[(n + week) % 12][1],
        )
        for n, client in enumerate(client_rows)
        for week in range(PULSES_PER_CLIENT)
    ]
    for pulse in pulses:
        pulse.copy_headline()  # as `PulseCheck.save()` does; bulk_create does not call it
    PulseCheck.objects.bulk_create(pulses, batch_size=BATCH)
    _seed_entries(client_rows, entries, rng, now)
    SessionNote.objects.bulk_create(
        [
            SessionNote(
                coach=coach_rows[n % coaches],
                client=client,
                body=_text(rng, 60),
                follow_up=_text(rng, 8) if n % 3 == 0 else "",
                follow_up_open=n % 3 == 0,
            )
            for n, client in enumerate(client_rows)
            for _ in range(2)
        ],
        batch_size=BATCH,
    )
    SessionPlan.objects.bulk_create(
        [
            SessionPlan(
                coach=coach_rows[n % coaches],
                client=client,
                agenda=_text(rng, 80),
                session_date=(now + timedelta(days=n % 14)).date(),
            )
            for n, client in enumerate(client_rows)
        ],
        batch_size=BATCH,
    )
    coach = coach_rows[0]
    client = client_rows[0]  # coach 0's first client
    latest = Assessment.objects.filter(user=client).order_by("-completed_at").first()
    return World(coach, client, latest.pk, len(assessments))


def _seed_entries(clients: list[User], entries: int, rng: random.Random, now: datetime) -> None:
    """`entries` journal entries spread evenly over `clients`, about a quarter shared, over
    the last 90 days, written in bulk below the ORM (see the module's docstring)."""
    texts = [(_text(rng, 4), _text(rng, rng.randint(40, 160))) for _ in range(TEXT_POOL)]
    # Each entry's listing as `Entry.save()` would store it (the list reads it, not the text).
    listing = Entry._meta.get_field("listing")
    pool = [
        (encrypt(title), encrypt(body), listing.get_prep_value(listing_of(title, body)))
        for title, body in texts
    ]
    columns = (
        "owner_id",
        "title",
        "body",
        "listing",
        "prompt_id",
        "shared_with_coach",
        "created_at",
        "updated_at",
    )
    table = Entry._meta.db_table
    owners = [client.pk for client in clients]

    def rows(start: int, stop: int) -> list[tuple[object, ...]]:
        made = []
        for n in range(start, stop):
            title, body, listed = pool[n % TEXT_POOL]
            when = now - timedelta(minutes=rng.randint(0, 90 * 24 * 60))
            if connection.vendor != "postgresql":
                when = connection.ops.adapt_datetimefield_value(when)
            made.append(
                (owners[n % len(owners)], title, body, listed, "", rng.random() < 0.25, when, when)
            )
        return made

    # Indexes are dropped for the load and built again after it: a million scattered index
    # insertions cost many times one sorted build.
    indexes = [index for index in Entry._meta.indexes]
    with connection.schema_editor() as editor:
        for index in indexes:
            editor.remove_index(Entry, index)
    chunk = 50_000
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")  # a throwaway database: no fsync per batch
        for start in range(0, entries, chunk):
            batch = rows(start, min(entries, start + chunk))
            if connection.vendor == "postgresql":
                raw = cursor.cursor  # psycopg 3: COPY is its fastest bulk path
                with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # noqa: S608
                    for row in batch:
                        copy.write_row(row)
            else:
                marks = ", ".join("%s" for _ in columns)
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                    batch,
                )
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=NORMAL")
    with connection.schema_editor() as editor:
        for index in indexes:
            editor.add_index(Entry, index)


def session_cookie(user: User, verified: bool = False) -> str:
    """A signed-in session (two-factor passed, for a coach) as a Cookie header value."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # What allauth records when someone signs in with a password (and, for a coach, a code).
    records: list[dict[str, object]] = [{"method": "password", "at": time.time()}]
    if verified:
        records.append({"method": "mfa", "at": time.time(), "type": "totp"})
    session["account_authentication_methods"] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
