"""Every account made before allauth gets its address as allauth's verified, primary
EmailAddress: these addresses were how people already signed in (links, resets, invitations),
and without the row allauth's mandatory verification would lock everyone out."""

from django.db import migrations


def add_email_addresses(apps, schema_editor):  # type: ignore[no-untyped-def]
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    have = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email.lower(), verified=True, primary=True)
            for pk, email in User.objects.values_list("pk", "email")
            if pk not in have
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_remove_sign_in_links"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(add_email_addresses, migrations.RunPython.noop)]
