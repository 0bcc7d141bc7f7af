"""Evaluation and training of the language analyses, over the labelled data in
data/language/ (docs/language.md, "Evaluation"). Run from the repository root:
`python -m tools.language.evaluate`."""
