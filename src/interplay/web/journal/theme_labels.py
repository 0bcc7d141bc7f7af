"""Human names and plain explanations of the journal themes, for the pages that show them."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from interplay.core.vocabulary import Theme

THEME_NAMES: dict[Theme, Promise] = {
    Theme.OVER_INDEPENDENCE: _("Going it alone"),
    Theme.OVER_DEPENDENCE: _("Leaning on others"),
    Theme.INTERDEPENDENCE: _("Give and take"),
    Theme.RIGID_BOUNDARIES: _("Keeping people at a distance"),
    Theme.POROUS_BOUNDARIES: _("Porous boundaries"),
    Theme.CONFLUENCE: _("Losing your own view"),
    Theme.PERFECTIONISM: _("Having to get it perfect"),
    Theme.VULNERABILITY_FEAR: _("Fear of showing needs"),
    Theme.CULTURAL_PRESSURE: _("Family or cultural expectations"),
    Theme.PAST_EXPERIENCE: _("Echoes of earlier life"),
}

THEME_EXPLANATIONS: dict[Theme, Promise] = {
    Theme.OVER_INDEPENDENCE: _(
        "Words about handling everything yourself, turning help down, or feeling that asking "
        "would be a weakness."
    ),
    Theme.OVER_DEPENDENCE: _(
        "Words about needing others to decide or to reassure you, or dreading being on your own."
    ),
    Theme.INTERDEPENDENCE: _(
        "Words about giving and receiving help with ease: leaning on someone and being leant on."
    ),
    Theme.RIGID_BOUNDARIES: _(
        "Words about holding people back, avoiding closeness or keeping things to yourself."
    ),
    Theme.POROUS_BOUNDARIES: _(
        "Words about finding it hard to say no, putting others first until you are drained, or "
        "quiet resentment at always giving."
    ),
    Theme.CONFLUENCE: _(
        "Words about going along with what others want as if it were your own wish, or keeping "
        "your opinion quiet to keep the peace."
    ),
    Theme.PERFECTIONISM: _(
        "Words about having to manage everything flawlessly, or worry about looking as if you "
        "cannot cope."
    ),
    Theme.VULNERABILITY_FEAR: _(
        "Words about fearing rejection, judgement or being let down if you show what you need."
    ),
    Theme.CULTURAL_PRESSURE: _(
        "Words about what your family, community or culture expects of you, in either direction."
    ),
    Theme.PAST_EXPERIENCE: _(
        "Words that link how you are now to how you grew up or to something earlier in life."
    ),
}


def theme_name(theme: Theme | str) -> str:
    try:
        return str(THEME_NAMES[Theme(theme)])
    except (KeyError, ValueError):
        return str(theme).replace("_", " ")


def theme_explanation(theme: Theme | str) -> str:
    try:
        return str(THEME_EXPLANATIONS[Theme(theme)])
    except (KeyError, ValueError):
        return ""
