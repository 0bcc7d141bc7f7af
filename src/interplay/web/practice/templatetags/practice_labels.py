from django import template

from interplay.web.labels import practice as labels

register = template.Library()


@register.filter
def named(value: object, table: str) -> str:
    """`{{ experiment.direction|named:"direction" }}`: the human name of a vocabulary id."""
    return labels.named(value, table)
