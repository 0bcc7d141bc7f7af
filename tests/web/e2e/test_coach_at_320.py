"""The coach's dashboard on a 320 px phone: its caption ("30 clients, page 1 of 2") wraps
between words, never inside one, and nothing sticks out of the screen."""

from __future__ import annotations

import pytest
from django.conf import settings

from interplay.web.accounts.models import CoachingRelationship, Role, User
from interplay.web.coaching.dashboard import PAGE_SIZE
from tests.web.base import make_coach, signed_in
from tests.web.e2e.checks import has_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each word of the caption as the browser lays it out: more than one box means a broken word.
WORDS_SPLIT = """(caption) => {
  const split = [];
  const walker = document.createTreeWalker(caption, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
      if (lines.size > 1) split.push(match[0]);
    }
  }
  return split;
}"""


def _signed_in_coach_cookie() -> dict[str, str]:
    coach = make_coach("coach320@example.test", "Coach")
    for n in range(PAGE_SIZE + 5):
        client = User.objects.create_user(
            f"c{n}@example.test", "a long client password 1", name=f"Client {n}", role=Role.CLIENT
        )
        CoachingRelationship.objects.create(coach=coach, client=client)
    session = signed_in(coach).cookies[settings.SESSION_COOKIE_NAME].value  # past two-factor
    return {"name": settings.SESSION_COOKIE_NAME, "value": session}


def test_dashboard_caption_wraps_between_words_at_320_px(live_server, browser):  # type: ignore[no-untyped-def]
    cookie = _signed_in_coach_cookie()
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies([{**cookie, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/coach/dashboard/")
    caption = page.locator("table.clients caption")
    assert "30 clients, page 1 of 2" in caption.inner_text()
    box = caption.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert caption.evaluate(WORDS_SPLIT) == []
    assert not has_horizontal_scroll(page)
    context.close()
