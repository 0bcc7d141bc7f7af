"""`{% idempotency_field %}`: a hidden, fresh key for a create form (see kernel/idempotency.py).
Built in to every template (settings.TEMPLATES), so forms need no `{% load %}`."""

from __future__ import annotations

import uuid

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from interplay.web.kernel.idempotency import FIELD

register = template.Library()


@register.simple_tag
def idempotency_field() -> SafeString:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, uuid.uuid4().hex)
