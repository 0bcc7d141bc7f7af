"""Migration accounts/0006: a coach's confirmed django-otp authenticator becomes an allauth TOTP
authenticator with the same secret, sealed; django-otp's table, which held secrets in the
clear, is dropped."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.apps import apps
from django.db import connection

from interplay.web.demo import DEMO_TOTP_KEY, DEMO_TOTP_SECRET
from tests.web.base import make_user

MIGRATION = importlib.import_module(
    "interplay.web.accounts.migrations.0006_totp_devices_to_allauth"
)


def _editor():  # type: ignore[no-untyped-def]
    cursor = connection.cursor()
    return SimpleNamespace(connection=connection, execute=lambda sql: cursor.execute(sql))


def test_confirmed_devices_move_with_their_secret_and_the_old_table_goes(db):
    coach = make_user("old@coach.test", "Old Coach", "coach")
    other = make_user("unconfirmed@coach.test", "Half Done", "coach")
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {MIGRATION.OLD_TABLE} "
            "(id integer PRIMARY KEY, user_id bigint, key varchar(80), confirmed boolean)"
        )
        cursor.execute(
            f"INSERT INTO {MIGRATION.OLD_TABLE} VALUES (1, %s, %s, %s), (2, %s, %s, %s)",
            [coach.pk, DEMO_TOTP_KEY, True, other.pk, "00" * 20, False],
        )
    MIGRATION.move_devices(apps, _editor())
    moved = Authenticator.objects.get(user=coach, type="totp")
    assert moved.data["secret"] != DEMO_TOTP_SECRET  # sealed at rest
    assert decrypt(moved.data["secret"]) == DEMO_TOTP_SECRET  # the same secret, base32
    assert not Authenticator.objects.filter(user=other).exists()  # never confirmed: not moved
    assert MIGRATION.OLD_TABLE not in connection.introspection.table_names()


def test_a_database_that_never_had_django_otp_is_left_alone(db):
    MIGRATION.move_devices(apps, _editor())
    assert not Authenticator.objects.exists()
