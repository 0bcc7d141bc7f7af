"""A practice at size, for measuring (`interplay seed --coaches N --clients N --entries N`).

Coaches (each with a real allauth TOTP authenticator), clients spread evenly over them, each
client with two finished assessments, four weekly check-ins, two session notes, a planned
session and a share of the journal entries (about a quarter shared with the coach).

Speed comes from two things, neither of which changes what is stored:
- the encrypted columns are encrypted by the model fields' own code (`get_db_prep_save`, as a
  save does), once for each of a pool of prototype rows, and the ciphertext is reused across
  rows. Every stored value is a real Fernet token under the configured key, so pages decrypt
  and show every row; only the repetition of texts is artificial.
- the big tables go in below the ORM: `COPY` on PostgreSQL, one `executemany` per chunk on
  SQLite, with the journal's secondary indexes built once after the load instead of row by row.

It fills an empty database only (no accounts yet) and never runs in production, so it cannot
mix invented people into a real practice. Entries get no stored analysis: the pages show them
as being brought up to date, and `reanalyse_journal` (the worker) would compute it.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TextIO

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret
from allauth.mfa.utils import encrypt as mfa_encrypt
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from interplay.core.instrument import instrument_items, instrument_version, pulse_items
from interplay.core.profile import build_profile, score_pulse
from interplay.web.accounts.models import CoachingRelationship, Role, User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.journal.models import Entry, listing_of

SEED_PASSWORD = "seeded-practice-password"  # noqa: S105 - invented accounts for measuring only
SEED_DOMAIN = "seed.interplay.test"
POOL = 256  # prototype rows per table whose ciphertext the seeded rows reuse
CHUNK = 20_000  # rows per COPY or executemany, and per step of the progress bar
ASSESSMENTS_PER_CLIENT = 2
PULSES_PER_CLIENT = 4
NOTES_PER_CLIENT = 2
WORDS = (
    "asked help alone tired proud friend sister brother work deadline boundary said no "
    "yes again evening lonely trust lean share load quiet weekend call mother father team "
    "coffee walk noticed felt relief worry small step today week"
).split()


class SeedRefused(Exception):
    """The database is not one to seed (production, or it already holds accounts)."""


@dataclass(frozen=True)
class Seeded:
    coaches: int
    clients: int
    entries: int
    rows: int
    seconds: float


def coach_email(n: int) -> str:
    return f"coach{n}@{SEED_DOMAIN}"


def client_email(n: int) -> str:
    return f"client{n}@{SEED_DOMAIN}"


class Progress:
    """A plain progress bar on standard error (no dependency): one line per table, redrawn in
    place when standard error is a terminal, printed once at the end of each table otherwise."""

    WIDTH = 30

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())

    def run(self, label: str, total: int) -> Callable[[int], None]:
        started = time.monotonic()

        def draw(done: int) -> None:
            if not self.live and done < total:
                return
            share = done / total if total else 1.0
            bar = "#" * round(share * self.WIDTH)
            line = (
                f"{label:<16} [{bar:<{self.WIDTH}}] {done:>11,}/{total:,} "
                f"{time.monotonic() - started:6.1f} s"
            )
            end = "\n" if done >= total else ""
            self.stream.write(("\r" if self.live else "") + line + end)
            self.stream.flush()

        draw(0)
        return draw


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


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


class _Loader:
    """Rows of one model from prototypes: each prototype's columns are prepared for the
    database once by the model's own fields (which encrypts the encrypted ones), then each
    row takes a prototype's prepared values with its own plain columns (owner, dates, flags)
    prepared per row."""

    def __init__(
        self, label: str, model: type[models.Model], prototypes: Sequence[models.Model]
    ) -> None:
        self.label = label
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.columns = [str(f.column) for f in self.fields]
        self.position = {f.attname: i for i, f in enumerate(self.fields)}
        self.prepared = [
            [f.get_db_prep_save(getattr(p, f.attname), connection) for f in self.fields]
            for p in prototypes
        ]

    def row(self, n: int, plain: dict[str, Any]) -> tuple[Any, ...]:
        """Prototype `n` (cycling) with this row's own plain values, by attribute name. A
        mapping, not keywords: these are values written, never a filter (tests/web/
        test_visibility.py reads keyword arguments named after sharing as filters)."""
        values = list(self.prepared[n % len(self.prepared)])
        for attname, value in plain.items():
            field = self.fields[self.position[attname]]
            values[self.position[attname]] = field.get_db_prep_save(value, connection)
        return tuple(values)

    def load(self, rows: Iterator[tuple[Any, ...]], total: int, progress: Progress) -> int:
        draw = progress.run(self.label, total)
        table = connection.ops.quote_name(self.model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        done = 0
        with connection.cursor() as cursor:
            while done < total:
                batch = [next(rows) for _ in range(min(CHUNK, total - done))]
                if connection.vendor == "postgresql":
                    raw = cursor.cursor  # psycopg 3: COPY, its fastest bulk path
                    with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for values in batch:
                            copy.write_row(values)
                else:
                    marks = ", ".join("%s" for _ in self.columns)
                    cursor.executemany(
                        f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608
                        batch,
                    )
                done += len(batch)
                draw(done)
        return total


def _check_empty() -> None:
    if getattr(settings, "PRODUCTION", False):
        raise SeedRefused("seeding is for measuring: it never runs in production")
    accounts = User.objects.count()
    if accounts:
        raise SeedRefused(
            f"the database already holds {accounts} accounts; seed fills an empty one "
            "(a fresh DATABASE_URL or data folder), so no invented person lands in a practice"
        )


def seed(coaches: int, clients: int, entries: int, progress: Progress | None = None) -> Seeded:
    """Fill an empty database with a practice of this size (see the module's docstring)."""
    if coaches < 1 or clients < 0 or entries < 0:
        raise SeedRefused("at least one coach, and no negative counts")
    if entries and not clients:
        raise SeedRefused("journal entries need clients to write them")
    _check_empty()
    progress = progress or Progress()
    started = time.monotonic()
    rng = random.Random(20261203)  # noqa: S311 - invented texts and dates, repeatable
    now = timezone.now()
    rows = 0
    with transaction.atomic():
        coach_ids, client_ids, rows = _people(coaches, clients, progress)
        rows += _assessments(client_ids, rng, now, progress)
        rows += _coaching(coach_ids, client_ids, rng, now, progress)
    # The entries commit chunk by chunk (a failure keeps what was loaded: the database is a
    # throwaway one, and the people are in place).
    rows += _entries(client_ids, entries, rng, now, progress)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, so the planner uses the indexes
    return Seeded(coaches, clients, entries, rows, time.monotonic() - started)


def _people(coaches: int, clients: int, progress: Progress) -> tuple[list[int], list[int], int]:
    password = make_password(SEED_PASSWORD)
    draw = progress.run("accounts", coaches + clients)
    people = [
        User(email=coach_email(n), name=f"Coach {n:04d}", role=Role.COACH, password=password)
        for n in range(coaches)
    ] + [
        User(email=client_email(n), name=f"Client {n:06d}", role=Role.CLIENT, password=password)
        for n in range(clients)
    ]
    User.objects.bulk_create(people, batch_size=CHUNK)
    ids = dict(User.objects.values_list("email", "pk"))
    coach_ids = [ids[coach_email(n)] for n in range(coaches)]
    client_ids = [ids[client_email(n)] for n in range(clients)]
    draw(coaches + clients)
    # Verified addresses (allauth signs in only those) and each coach's authenticator, its
    # secret encrypted by allauth as setting one up on the page does.
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email, verified=True, primary=True)
            for email, pk in ids.items()
        ],
        batch_size=CHUNK,
    )
    Authenticator.objects.bulk_create(
        [
            Authenticator(
                user_id=pk,
                type=Authenticator.Type.TOTP,
                data={"secret": mfa_encrypt(generate_totp_secret())},
            )
            for pk in coach_ids
        ],
        batch_size=CHUNK,
    )
    CoachingRelationship.objects.bulk_create(
        [
            CoachingRelationship(coach_id=coach_ids[n % coaches], client_id=pk)
            for n, pk in enumerate(client_ids)
        ],
        batch_size=CHUNK,
    )
    return coach_ids, client_ids, 2 * len(ids) + coaches + clients


def _assessments(
    client_ids: list[int], rng: random.Random, now: datetime, progress: Progress
) -> int:
    if not client_ids:
        return 0
    answer_sets = _answer_sets(rng, 24)
    version = instrument_version()
    prototypes = []
    for answers in answer_sets:
        made = Assessment(
            answers=answers, instrument_version=version, profile=build_profile(answers).to_stored()
        )
        made.copy_headline()  # the plain summary columns, as finishing an assessment does
        prototypes.append(made)
    loader = _Loader("assessments", Assessment, prototypes)
    total = len(client_ids) * ASSESSMENTS_PER_CLIENT

    def assessment_rows() -> Iterator[tuple[Any, ...]]:
        for n in range(total):
            client, k = divmod(n, ASSESSMENTS_PER_CLIENT)
            when = now - timedelta(days=100 - 90 * k, hours=client % 24)
            yield loader.row(
                client * 7 + k,
                {"user_id": client_ids[client], "started_at": when, "completed_at": when},
            )

    rows = loader.load(assessment_rows(), total, progress)
    pulse_ids = [item.id for item in pulse_items()]
    pulses = []
    for answers in answer_sets:
        chosen = {i: answers[i] for i in pulse_ids}
        pulse = PulseCheck(answers=chosen, result=score_pulse(chosen).to_dict())
        pulse.copy_headline()  # loaded below `save()`, which would copy it
        pulses.append(pulse)
    pulse_loader = _Loader("check-ins", PulseCheck, pulses)
    total = len(client_ids) * PULSES_PER_CLIENT

    def pulse_rows() -> Iterator[tuple[Any, ...]]:
        for n in range(total):
            client, week = divmod(n, PULSES_PER_CLIENT)
            when = now - timedelta(days=7 * week + 1)
            yield pulse_loader.row(client + week, {"user_id": client_ids[client], "taken_at": when})

    return rows + pulse_loader.load(pulse_rows(), total, progress)


def _coaching(
    coach_ids: list[int],
    client_ids: list[int],
    rng: random.Random,
    now: datetime,
    progress: Progress,
) -> int:
    if not client_ids:
        return 0
    notes = _Loader(
        "session notes",
        SessionNote,
        [
            SessionNote(
                body=_text(rng, 60),
                follow_up=_text(rng, 8) if n % 3 == 0 else "",
                follow_up_open=n % 3 == 0,
            )
            for n in range(POOL)
        ],
    )
    total = len(client_ids) * NOTES_PER_CLIENT

    def note_rows() -> Iterator[tuple[Any, ...]]:
        for n in range(total):
            client = n // NOTES_PER_CLIENT
            when = now - timedelta(days=30 * (n % NOTES_PER_CLIENT) + 2)
            yield notes.row(
                n,
                {
                    "coach_id": coach_ids[client % len(coach_ids)],
                    "client_id": client_ids[client],
                    "created_at": when,
                    "updated_at": when,
                },
            )

    rows = notes.load(note_rows(), total, progress)
    plans = _Loader(
        "session plans", SessionPlan, [SessionPlan(agenda=_text(rng, 80)) for _ in range(POOL)]
    )

    def plan_rows() -> Iterator[tuple[Any, ...]]:
        for n, client in enumerate(client_ids):
            yield plans.row(
                n,
                {
                    "coach_id": coach_ids[n % len(coach_ids)],
                    "client_id": client,
                    "session_date": (now + timedelta(days=n % 14)).date(),
                    "created_at": now,
                    "updated_at": now,
                },
            )

    return rows + plans.load(plan_rows(), len(client_ids), progress)


def _entry(title: str, body: str) -> Entry:
    # Loaded below `Entry.save()`, so the listing the journal list reads is set here.
    entry = Entry(title=title, body=body)
    entry.listing = listing_of(title, body)
    return entry


def _entries(
    client_ids: list[int], entries: int, rng: random.Random, now: datetime, progress: Progress
) -> int:
    """`entries` journal entries spread evenly over the clients over the last 90 days, about a
    quarter shared. The journal's own indexes are dropped for a big load and built again after
    it: one sorted build costs far less than millions of scattered insertions."""
    if not entries:
        return 0
    loader = _Loader(
        "journal entries",
        Entry,
        [_entry(_text(rng, 4), _text(rng, rng.randint(40, 160))) for _ in range(POOL)],
    )

    def entry_rows() -> Iterator[tuple[Any, ...]]:
        for n in range(entries):
            when = now - timedelta(minutes=rng.randint(0, 90 * 24 * 60))
            yield loader.row(
                n,
                {
                    "owner_id": client_ids[n % len(client_ids)],
                    "shared_with_coach": rng.random() < 0.25,
                    "created_at": when,
                    "updated_at": when,
                },
            )

    rebuild = entries >= 100_000
    indexes = list(Entry._meta.indexes) if rebuild else []
    if indexes:
        with connection.schema_editor() as editor:
            for index in indexes:
                editor.remove_index(Entry, index)
    try:
        loaded = loader.load(entry_rows(), entries, progress)
    finally:
        if indexes:
            draw = progress.run("entry indexes", len(indexes))
            with connection.schema_editor() as editor:
                for built, index in enumerate(indexes, 1):
                    editor.add_index(Entry, index)
                    draw(built)
    return loaded
