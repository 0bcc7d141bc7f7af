"""A readable Rich rendering of a Profile for the terminal (the JSON stays the full record)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from interplay.core.profile import Profile


def _bar(value: float | None, width: int = 20) -> str:
    if value is None:
        return "not enough answers"
    filled = round(value / 100 * width)
    return f"{'█' * filled}{'░' * (width - filled)} {value:.0f}/100"


def _label(value: object) -> str:
    text = getattr(value, "value", value)
    return "not judged" if text is None else str(text).replace("_", " ")


def render_profile(profile: Profile, console: Console) -> None:
    balance = profile.balance
    console.print(Panel.fit("[bold]Your Interplay profile[/bold]", border_style="cyan"))
    console.print(f"[bold]Autonomy[/bold]    {_bar(balance.autonomy)}")
    console.print(f"[bold]Connection[/bold]  {_bar(balance.connection)}")
    console.print(f"Pattern on the Balance Map: [bold]{_label(balance.pattern)}[/bold]")
    if balance.near_midpoint:
        console.print(f"[yellow]{balance.pattern_reason}[/yellow]")

    stage = profile.stage
    if stage.primary is not None:
        line = f"Nearest stage: [bold]{_label(stage.primary)}[/bold]"
        if stage.mixed:
            line += f" (a mixed picture, close to {_label(stage.runner_up)})"
        console.print(f"{line}; confidence {stage.confidence:.2f}")
    console.print(
        f"Boundaries: [bold]{_label(profile.boundaries.style)}[/bold]: {profile.boundaries.reason}"
    )
    if profile.confluence.score is not None:
        console.print(
            f"Confluence: {profile.confluence.score:.2f} ({_label(profile.confluence.level)})"
        )
    console.print(f"Focus: [bold]{_label(profile.focus.focus)}[/bold]: {profile.focus.reason}")

    if profile.barriers:
        table = Table(title="What may be holding the balance in place", title_justify="left")
        table.add_column("Barrier")
        table.add_column("Score", justify="right")
        table.add_column("Level")
        table.add_column("What you agreed with")
        for barrier in profile.barriers:
            table.add_row(
                _label(barrier.barrier),
                f"{barrier.score:.2f}",
                _label(barrier.level),
                barrier.detail or "",
            )
        console.print(table)

    flagged = [risk for risk in profile.risks if risk.flagged]
    console.print("[bold]Risks worth a conversation[/bold]")
    if not flagged:
        console.print("  None of the six risks is flagged.")
    for risk in flagged:
        console.print(f"  • {_label(risk.risk)}: {risk.explanation} [dim]({risk.rule})[/dim]")

    if profile.questions:
        console.print("[bold]Questions to sit with[/bold]")
        for question in profile.questions:
            console.print(f"  • {question.text}")
    if profile.experiments:
        console.print("[bold]Small experiments to try[/bold]")
        for experiment in profile.experiments:
            console.print(f"  • [bold]{experiment.title}[/bold]: {experiment.text}")
    for unscored in profile.unscored:
        console.print(f"[yellow]Not scored: {_label(unscored.scale)} ({unscored.reason})[/yellow]")
    if profile.acquiescence.flagged:
        console.print(f"[yellow]{profile.acquiescence.note}[/yellow]")
    for note in profile.notes:
        console.print(f"[dim]{note}[/dim]")
