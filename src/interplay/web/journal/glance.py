"""A journal entry as a timeline glances at it: its date at once, its title and text decrypted
only when a page reads them.

The coach's overview reads the latest few shared entries to place them among the check-ins
and assessments, then shows those that fit (often one or two); the session planner shows the
titles of three. Each `Entry` loaded by the ORM decrypts its title, its body and its listing
as it is built (a body's Fernet token is some 100,000 instructions to decrypt), so these pages
paid for text they never showed. A glance holds the stored tokens and decrypts each the first
time it is read, with the field's own reading (`EncryptedTextField.from_db_value`), so what
is shown is the same text.

A glance is read-only: it is not a model instance and cannot be saved."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from django.db.models import ExpressionWrapper, F, TextField

from interplay.web.crypto import EncryptedTextField
from interplay.web.journal.models import Entry


def stored_token(field: str) -> ExpressionWrapper[F]:
    """A `.values()` column that reads an encrypted text field's stored token as it is: the
    plain text type has no converter, so nothing is decrypted when the row is fetched."""
    return ExpressionWrapper(F(field), output_field=TextField())


# The columns a glance is made from (`EntryGlance.from_row`).
GLANCE_COLUMNS: dict[str, Any] = {
    "title_token": stored_token("title"),
    "body_token": stored_token("body"),
}


class EntryGlance:
    """One entry's id and date, with its title and body decrypted when first read."""

    __slots__ = ("_text", "_tokens", "created_at", "pk")

    def __init__(
        self, pk: int, created_at: datetime, title_token: str | None, body_token: str | None
    ) -> None:
        self.pk = pk
        self.created_at = created_at
        self._tokens = {"title": title_token, "body": body_token}
        self._text: dict[str, Any] = {}  # each field's text, once read

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EntryGlance:
        """From a `.values("id", "created_at", **GLANCE_COLUMNS)` row."""
        return cls(row["id"], row["created_at"], row["title_token"], row["body_token"])

    def _read(self, name: str) -> Any:
        if name not in self._text:
            field = cast(EncryptedTextField, Entry._meta.get_field(name))
            self._text[name] = field.from_db_value(self._tokens[name], None, None)
        return self._text[name]

    @property
    def title(self) -> str:
        return self._read("title")  # type: ignore[no-any-return]

    @property
    def body(self) -> str:
        return self._read("body")  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"EntryGlance({self.pk})"  # never the text
