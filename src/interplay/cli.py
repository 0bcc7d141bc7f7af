"""The `interplay` command line.

Each file in `interplay.commands` adds its own commands through a `register(app)` function, so a
capability brings its CLI with it and this module never grows. Heavy imports (Django, numpy)
happen inside the commands, keeping `interplay --help` fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

import interplay
from interplay import commands

app = typer.Typer(
    name="interplay",
    help="Interplay: a coaching workspace for the paradox of self-sufficiency and interdependence.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"interplay {interplay.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version_callback,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    """Interplay: a coaching workspace for the paradox of self-sufficiency and interdependence."""


def _register_commands() -> None:
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main() -> None:
    app()
