"""What a person typed is shown as text on the pages that list it, whichever way the page is
written (a template loop, or rows written in Python for speed: `kernel.html.e`): a client's
name, an entry's title and body, a theme-bearing entry shared with the coach. Markup comes out
escaped, never as a tag."""

from __future__ import annotations

from django.urls import reverse

from interplay.web.accounts.models import User
from tests.core.personas import MAYA
from tests.web.base import signed_in
from tests.web.coaching.helpers import assess, write

NAME = '<img src=x onerror="alert(1)">Mo'
TITLE = "<script>alert('title')</script> I do it all myself"
BODY = (
    "I never ask anyone for help <b>ever</b>, I'd rather do it alone so it's done right. "
    "<script>alert('body')</script> Asking feels like weakness to me."
)


def _pages(practice) -> dict[str, tuple[User, str]]:  # type: ignore[no-untyped-def]
    client = practice.client.pk
    return {
        "dashboard": (practice.coach, reverse("coaching:dashboard")),
        "client overview": (practice.coach, reverse("coaching:client", args=[client])),
        "client journal": (practice.coach, reverse("coaching:client_journal", args=[client])),
        "session planner": (practice.coach, reverse("coaching:new_plan", args=[client])),
        "own journal list": (practice.client, reverse("journal:list")),
        "own journal search": (practice.client, reverse("journal:list") + "?q=help"),
    }


def test_typed_markup_is_shown_as_text_on_every_listing(practice):
    User.objects.filter(pk=practice.client.pk).update(name=NAME)
    practice.client.refresh_from_db()
    assess(practice.client, MAYA)
    write(practice.client, TITLE, BODY, shared=True)
    for name, (who, url) in _pages(practice).items():
        response = signed_in(who).get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        for raw in ("<script>alert", "<img src=x", "<b>ever</b>"):
            assert raw not in html, (name, raw)
    listing = signed_in(practice.client).get(reverse("journal:list")).content.decode()
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; I do it all myself" in listing
    dashboard = signed_in(practice.coach).get(reverse("coaching:dashboard")).content.decode()
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Mo" in dashboard


def test_line_breaks_written_in_python_are_what_the_linebreaksbr_filter_writes():
    from django.template.defaultfilters import linebreaksbr
    from django.utils.safestring import SafeString

    from interplay.web.kernel.html import lines

    texts = [
        "",
        "one line",
        "a\nb\r\nc\rd\n\n",
        "<script>alert(\"x\")</script> & 'quoted'\r\n<b>next</b>",
        "café — “curly” \u2028 tab\there",
        SafeString("<em>already safe</em>\nline"),
        42,
    ]
    for text in texts:
        assert lines(text) == linebreaksbr(text, autoescape=True), text
