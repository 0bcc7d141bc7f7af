"""An account made outside sign-up (the demo, the tests, the command line) still needs its
address as allauth's verified, primary EmailAddress, or mandatory verification keeps it out."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from interplay.web.accounts.models import User


def record_verified_address(user: User) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
    )
