"""Development tools for Interplay: not part of the shipped package."""
