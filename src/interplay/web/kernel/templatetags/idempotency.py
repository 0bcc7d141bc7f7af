"""`{% idempotency_field %}`: a hidden, fresh key for a create form (see kernel/idempotency.py).
Built in to every template (settings.TEMPLATES), so forms need no `{% load %}`."""

from __future__ import annotations

import uuid

from django import template
from django.utils.safestring import SafeString

from interplay.web.kernel.idempotency import FIELD

register = template.Library()


@register.simple_tag
def idempotency_field() -> SafeString:
    # A constant name and a key of hex digits: nothing to escape (`format_html` cost most of
    # the call, and pages written in Python call this once a form).
    return SafeString(f'<input type="hidden" name="{FIELD}" value="{uuid.uuid4().hex}">')
