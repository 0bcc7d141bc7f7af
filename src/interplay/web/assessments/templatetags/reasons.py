"""`{{ reason|readable_reason }}`: a recommendation's reason with the vocabulary's ids in plain
words, so a page never shows an id such as `loosening_over_independence`."""

from django import template

from interplay.web.labels import readable_reason as _readable_reason

register = template.Library()


@register.filter
def readable_reason(reason: object) -> str:
    return _readable_reason(str(reason))
