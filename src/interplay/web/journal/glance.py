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
from interplay.web.journal.models import Entry, EntryAnalysis


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


def _sealed(model: Any) -> frozenset[str]:
    return frozenset(
        f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)
    )


# The shared journal's columns (`SealedEntry`): what it shows of an entry (its date, title
# and text) and of its analysis (the themes, their evidence and the readers' versions). The
# opened instances defer the rest (the listing, the sharing switch, the edit and reading
# times): nothing on the page reads them, and on SQLite each time was a conversion a row.
ENTRY_FIELDS = ("id", "owner_id", "title", "body", "created_at")
ANALYSIS_FIELDS = ("id", "entry_id", "themes_version", "safety_version", "themes", "sealed")
_SEALED_ENTRY, _SEALED_ANALYSIS = _sealed(Entry), _sealed(EntryAnalysis)
_ENTRY_ANALYSIS = Entry._meta.get_field("analysis")  # the reverse one-to-one's cache
_ANALYSIS_ENTRY = EntryAnalysis._meta.get_field("entry")


# The entry's plain columns, read as they are (`.values(*SEALED_ENTRY_NAMES, ...)`).
SEALED_ENTRY_NAMES = tuple(name for name in ENTRY_FIELDS if name not in _SEALED_ENTRY)


def _key(name: str) -> str:
    # Where a `SealedEntry` row holds an entry's column (its token, for an encrypted one).
    return f"{name}_token" if name in _SEALED_ENTRY else name


def sealed_entry_columns() -> dict[str, Any]:
    """The `.values(*SEALED_ENTRY_NAMES, **sealed_entry_columns())` columns a `SealedEntry`
    is made from besides the entry's plain ones: the encrypted ones as their stored tokens
    (`stored_token`, nothing decrypted) and the analysis's."""
    columns: dict[str, Any] = {_key(name): stored_token(name) for name in sorted(_SEALED_ENTRY)}
    for name in ANALYSIS_FIELDS:
        path = f"analysis__{name}"
        columns[f"analysis_{name}"] = stored_token(path) if name in _SEALED_ANALYSIS else F(path)
    return columns


def _opened(field: Any, value: Any, sealed: frozenset[str]) -> Any:
    return field.from_db_value(value, None, None) if field.attname in sealed else value


class SealedEntry:
    """A shared entry with its stored analysis as the shared journal fetched them: its id,
    date and the analysis's versions at once; its title, text, themes and evidence still the
    stored tokens, decrypted only by `open()`.

    `seal` holds the end of each token: a Fernet token ends with an HMAC over its content,
    its time and a random IV, so any rewrite of the entry's text or its analysis (an edit, a
    new reading, a key rotation) gives a new seal. A page may keep what it made from an entry
    under its seal and need not decrypt it again."""

    __slots__ = ("_alias", "_row", "created_at", "pk", "seal", "versions")

    def __init__(self, row: dict[str, Any], alias: str) -> None:
        self._row, self._alias = row, alias
        self.pk: int = row["id"]
        self.created_at: datetime = row["created_at"]
        has_analysis = row["analysis_id"] is not None
        # The reader versions of its analysis; None without one.
        self.versions: tuple[str, str] | None = (
            (row["analysis_themes_version"], row["analysis_safety_version"])
            if has_analysis
            else None
        )
        tokens = [row[_key(name)] for name in sorted(_SEALED_ENTRY)]
        tokens += [row[f"analysis_{name}"] for name in sorted(_SEALED_ANALYSIS)]
        self.seal = tuple(token[-43:] if token else token for token in tokens)

    def open(self) -> Entry:
        """The entry with its analysis, as `select_related("analysis")` makes them, every
        encrypted value read by its field (`from_db_value`)."""
        row, alias = self._row, self._alias
        entry = Entry.from_db(
            alias,
            ENTRY_FIELDS,
            [
                _opened(Entry._meta.get_field(name), row[_key(name)], _SEALED_ENTRY)
                for name in ENTRY_FIELDS
            ],
        )
        analysis = None
        if row["analysis_id"] is not None:
            analysis = EntryAnalysis.from_db(
                alias,
                ANALYSIS_FIELDS,
                [
                    _opened(
                        EntryAnalysis._meta.get_field(name),
                        row[f"analysis_{name}"],
                        _SEALED_ANALYSIS,
                    )
                    for name in ANALYSIS_FIELDS
                ],
            )
            _ANALYSIS_ENTRY.set_cached_value(analysis, entry)
        _ENTRY_ANALYSIS.set_cached_value(entry, analysis)  # None: no analysis yet
        return entry

    def __repr__(self) -> str:
        return f"SealedEntry({self.pk})"  # never the text
