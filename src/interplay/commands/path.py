"""`interplay path`: the guided path as data, and where one person is on it.

`interplay path --json` prints the steps (ids, titles, the concept each serves, the exercise,
prompts per focus keyed by the profile's focus ids) straight from the content file, with no
database. `interplay path --user EMAIL` shows that person's progress: each step's status and
dates, never what they wrote.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from interplay.commands.data import DataDir, _fail
from interplay.core.content_files import ContentError


def _progress(email: str) -> dict[str, object]:
    from interplay.web.accounts.models import User
    from interplay.web.exports.serialise import path_data
    from interplay.web.path.progress import path_state

    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None or user.is_coach:
        raise _fail(f"No client account has the email address {email!r}.")
    state = path_state(user)
    data = path_data(state)
    return {"email": user.email, "on_path": state.on_path, "path": data}


def path(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print as JSON (the path, or with --user the progress).")
    ] = False,
    user: Annotated[
        str | None,
        typer.Option("--user", help="Show this person's progress (their account's email)."),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """The guided path's steps, or (with --user) where one person is on it."""
    from interplay.core.path import guided_path, path_to_dict

    try:
        steps = guided_path()
    except ContentError as error:
        raise _fail(f"The path's content is broken: {error}", 2) from None
    if user is None:
        if as_json:
            typer.echo(json.dumps(path_to_dict(steps), indent=2, ensure_ascii=False))
            return
        for step in steps.steps:
            typer.echo(
                f"{step.number:>2}. {step.title} [{step.id}]: {step.concept.value}, "
                f"{step.exercise.value}"
            )
        return
    from interplay.commands.web import _django

    _django(data_dir)
    found = _progress(user)
    if as_json:
        typer.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    data = found["path"]
    if not isinstance(data, dict):
        typer.echo(f"{found['email']} is not on the path.")
        return
    typer.echo(f"{found['email']}: walk {data['walk']}, next step: {data['next_step'] or 'none'}")
    for row in data["steps"]:
        when = row["done_at"] or row["skipped_at"] or ""
        typer.echo(f"  {row['id']:<10} {row['status']:<12} {when}")


def register(app: typer.Typer) -> None:
    app.command()(path)
