"""What a reminder email says: that something is waiting, and a link. Nothing private.

No journal text, no scores, no experiment's title, no coach's name: a reminder may be read on
a shared screen or a lock screen, so it says only which kind of step is waiting. Every email
carries the one-click unsubscribe (a signed link) in the body and in the `List-Unsubscribe` /
`List-Unsubscribe-Post` headers (RFC 8058), so a mail program can offer it too."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _

from interplay.web.accounts.models import User
from interplay.web.emails import absolute_url
from interplay.web.reminders.models import ReminderKind
from interplay.web.reminders.unsubscribe import unsubscribe_url


def _wording(kind: str) -> tuple[str, str, str]:
    """(subject, the line, the page it links to) for each kind."""
    if kind == ReminderKind.REASSESSMENT:
        return (
            _("Time to take your self-assessment again"),
            _("A re-assessment is waiting for you in Interplay."),
            reverse("assessments:start"),
        )
    if kind == ReminderKind.CHECK_IN:
        return (
            _("A check-in is waiting for you"),
            _("A check-in is waiting for you in Interplay. It takes about a minute."),
            reverse("assessments:pulse"),
        )
    return (
        _("An experiment is ready for your reflection"),
        _("The day you planned for an experiment has come. A reflection is waiting for you."),
        reverse("practice:home"),
    )


def reminder_email(person: User, kind: str) -> EmailMessage:
    subject, line, path = _wording(kind)
    stop = unsubscribe_url(person)
    body = "\n\n".join(
        [
            line,
            absolute_url(path),
            _("You get this email because reminders are on for your Interplay account."),
            _("Choose which reminders come, and when: %(url)s")
            % {"url": absolute_url(reverse("reminders:settings"))},
            _("Stop all reminder emails: %(url)s") % {"url": stop},
        ]
    )
    return EmailMessage(
        subject,
        body + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [person.email],
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
