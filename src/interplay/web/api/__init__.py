"""The JSON API under /api/v1/ (django-ninja): personal access tokens with scopes, and the
endpoints, each through the same actions and scoped lookups as the pages (docs/api.md)."""
