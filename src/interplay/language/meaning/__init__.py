"""The meaning-based readers: sentence embeddings (`encoder`) and heads trained on the
project's own labelled corpus (`heads`), combined with the cue rules by the engine."""
