"""What every page of a journey must pass: axe-core with no serious or critical violation."""

from __future__ import annotations

from tests.web.e2e.conftest import AXE

SERIOUS = {"serious", "critical"}


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:3],
        }
        for violation in result["violations"]
        if violation["impact"] in SERIOUS
    ]


class Auditor:
    """Runs axe on each page it is shown and keeps what it found, page by page."""

    def __init__(self) -> None:
        self.pages: list[str] = []
        self.problems: dict[str, list[dict]] = {}  # type: ignore[type-arg]

    def check(self, page) -> None:  # type: ignore[no-untyped-def]
        page.wait_for_load_state("load")
        url = page.url
        self.pages.append(url)
        found = axe_violations(page)
        if found:
            self.problems[url] = found

    def assert_clean(self) -> None:
        assert not self.problems, self.problems


def has_horizontal_scroll(page) -> bool:  # type: ignore[no-untyped-def]
    # A click that navigates returns before the new document exists; measuring then reads a
    # null documentElement. Wait for the page that the click led to.
    page.wait_for_load_state("load")
    return bool(
        page.evaluate(
            "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
    )
