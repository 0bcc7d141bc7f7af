"""Training of the learned second opinion (`make train-language`)."""
