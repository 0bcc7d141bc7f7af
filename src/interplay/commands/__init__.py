"""CLI command modules. Each defines `register(app: typer.Typer) -> None`; `interplay.cli` finds
them all, so adding a capability's commands means adding one file here."""
