"""Recompute journal analyses made by an older engine (or never made).

`interplay manage reanalyse_journal` runs it now; `--queue` hands it to the task worker."""

from django.core.management.base import BaseCommand, CommandParser

from interplay.web.insights.actions import reanalyse_stale
from interplay.web.language import language_engines


class Command(BaseCommand):
    help = "Re-run the journal theme and safety analyses where the engine version has changed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue", action="store_true", help="Queue it for the task worker instead."
        )

    def handle(self, *args: object, **options: object) -> None:
        if options["queue"]:
            from interplay.web.insights.tasks import reanalyse_journal

            reanalyse_journal.enqueue()
            self.stdout.write("Queued the reanalysis for the task worker.")
            return
        count = reanalyse_stale()
        noun = "entry" if count == 1 else "entries"
        readers = language_engines()
        self.stdout.write(
            f"{count} journal {noun} analysed ({readers.themes.version}, {readers.safety.version})."
        )
