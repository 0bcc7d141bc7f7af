"""What every web app shares: errors (`errors.ActionError`), the one audit model and its
`record()` (`audit.py`, `models.py`), and typed requests (`requests.py`). The kernel imports no
feature app."""
