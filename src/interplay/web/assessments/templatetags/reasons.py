"""`{{ reason|readable_reason }}`: a profile's reason (a stored code with parameters, or the
words of an old profile) in the reader's language, through the one renderer in web/reasons.py,
so a page never shows an id such as `loosening_over_independence`."""

from django import template

from interplay.web.reasons import render

register = template.Library()


@register.filter
def readable_reason(reason: object) -> str:
    return render(reason)
