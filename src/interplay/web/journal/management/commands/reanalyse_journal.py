"""Recompute journal analyses made by an older engine (or never made).

`interplay manage reanalyse_journal` runs it now; `--queue` hands it to the task worker."""

from django.core.management.base import BaseCommand, CommandParser

from interplay.web.journal.analysis import reanalyse_stale
from interplay.web.language import language_engines


class Command(BaseCommand):
    help = "Re-run the journal theme and safety analyses where the engine version has changed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue", action="store_true", help="Queue it for the task worker instead."
        )

    def handle(self, *args: object, **options: object) -> None:
        if options["queue"]:
            from interplay.web.journal.tasks import reanalyse_journal

            reanalyse_journal.enqueue()
            self.stdout.write("Queued the reanalysis for the task worker.")
            return
        from rich.progress import Progress

        with Progress(transient=True, disable=not self.stdout.isatty()) as bar:
            job = bar.add_task("Bringing journal analyses up to date", total=None)

            def advance(done: int, total: int) -> None:
                bar.update(job, completed=done, total=total)

            count = reanalyse_stale(progress=advance)
        noun = "entry" if count == 1 else "entries"
        readers = language_engines()
        self.stdout.write(
            f"{count} journal {noun} analysed ({readers.themes.version}, {readers.safety.version})."
        )
