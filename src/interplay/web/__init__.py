"""The Django project: the workspace coaches and clients use in the browser."""
