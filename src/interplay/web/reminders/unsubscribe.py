"""The one-click way out of reminder emails: a signed link that needs no sign-in.

The link carries the person's id signed with the site's secret key (Django's `signing`, its
own salt), so it cannot be forged or pointed at someone else: changing one character fails the
signature. It never expires (an old email's link still works) and grants one thing only:
turning that person's reminder emails off. It shows no data and signs no one in."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

from interplay.web.accounts.models import User
from interplay.web.emails import absolute_url

SALT = "interplay.reminders.unsubscribe"


def unsubscribe_token(person: User) -> str:
    return signing.dumps(int(person.pk), salt=SALT)


def unsubscribe_url(person: User) -> str:
    return absolute_url(reverse("reminders:unsubscribe", args=[unsubscribe_token(person)]))


def person_of(token: str) -> User | None:
    """The active person a token was made for, or None for a tampered or stale link."""
    try:
        person_id = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(person_id, int):
        return None
    return User.objects.filter(pk=person_id, is_active=True).first()
