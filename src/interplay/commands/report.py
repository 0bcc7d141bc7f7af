"""`interplay report profile|review --user EMAIL --pdf FILE`: the reports to keep, as the
person downloads them from their progress page (the same builders, over their own data)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from interplay.commands.web import _django

report_app = typer.Typer(name="report", help="Write a person's PDF reports.", no_args_is_help=True)
UserOption = Annotated[str, typer.Option("--user", help="The email address of the account.")]
PdfOption = Annotated[Path, typer.Option("--pdf", help="Write the PDF to this file (yours only).")]


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(1)


def _write(path: Path, content: bytes) -> None:
    """Readable by its owner only: a report holds a person's reflections."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        path.chmod(0o600)
    except OSError as error:
        raise _fail(f"Cannot write {path}: {error.strerror}.") from None


def _user(email: str):  # type: ignore[no-untyped-def]
    from interplay.web.accounts.models import User

    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise _fail(f"No account has the email address {email!r}.")
    return user


@report_app.command("profile")
def profile(user: UserOption, pdf: PdfOption) -> None:
    """The latest profile, every scale over time and reliable change, as a PDF."""
    _django()
    from interplay.web.assessments.reference import practice_references
    from interplay.web.progress import reports
    from interplay.web.progress.data import own_data

    data = own_data(_user(user))
    if not data.assessments:
        raise _fail("This account has no finished assessment yet.")
    _write(pdf, reports.profile_pdf(data, data.assessments[-1], practice_references()))
    typer.echo(f"Wrote the profile report to {pdf}.", err=True)


@report_app.command("review")
def review(
    user: UserOption,
    pdf: PdfOption,
    review_id: Annotated[
        int | None, typer.Option("--review", help="Which review (default: the latest).")
    ] = None,
) -> None:
    """An integration review, as a PDF."""
    _django()
    from interplay.web.assessments.reference import practice_references
    from interplay.web.progress import reports
    from interplay.web.progress.data import own_data

    data = own_data(_user(user))
    chosen = (
        data.reviews[-1]
        if review_id is None and data.reviews
        else next((r for r in data.reviews if r.pk == review_id), None)
    )
    if chosen is None:
        raise _fail("No such review for this account (write one on the Progress page).")
    _write(pdf, reports.review_pdf(data, chosen, practice_references()))
    typer.echo(f"Wrote the review report to {pdf}.", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")
