"""Each coach's confirmed django-otp authenticator becomes an allauth.mfa TOTP authenticator
with the same secret (sealed with the project's keys, as `mfa_adapter` stores it), so the app
on their phone keeps working. Then django-otp's table goes: it held the secrets in the clear.

django-otp is no longer installed, so its table is read with plain SQL when it exists (a
database made after this change never had it)."""

import base64

from django.db import migrations

OLD_TABLE = "otp_totp_totpdevice"


def move_devices(apps, schema_editor):  # type: ignore[no-untyped-def]
    from interplay.web.crypto import encrypt

    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    Authenticator = apps.get_model("mfa", "Authenticator")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT user_id, key FROM {OLD_TABLE} WHERE confirmed = %s ORDER BY id",  # noqa: S608
            [True],
        )
        devices = cursor.fetchall()
    have = set(Authenticator.objects.filter(type="totp").values_list("user_id", flat=True))
    for user_id, hex_key in devices:
        if user_id in have:
            continue  # one authenticator app per person; the first confirmed one is kept
        secret = base64.b32encode(bytes.fromhex(hex_key)).decode("ascii")
        Authenticator.objects.create(user_id=user_id, type="totp", data={"secret": encrypt(secret)})
        have.add(user_id)
    schema_editor.execute(f"DROP TABLE {OLD_TABLE}")
    schema_editor.execute("DELETE FROM django_migrations WHERE app IN ('otp_totp', 'django_otp')")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_throttle_strikes"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(move_devices, migrations.RunPython.noop)]
