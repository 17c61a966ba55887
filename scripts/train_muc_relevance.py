"""Train the MUC-4 message relevance classifier shipped as eventwire/evaluate/muc_relevance.json.

Data provenance: MUC-3/4 development corpus (``datasets/muc4/CORPORA/dev``, messages
DEV-MUC3-0301 .. DEV-MUC3-1300 and their answer keys key-dev-0301 .. key-dev-1201). Messages
0001-0300 are held out for development scoring; the test sets (tst1..tst4) are never read.
A message is relevant when its key has a non-optional template. Model: binary bag of words
(lower-cased words and word pairs seen in at least 3 messages) with L2-regularised logistic
regression fitted by full-batch gradient descent in numpy.

Rebuild (one command, ~1 minute on 2 cores):

    python scripts/train_muc_relevance.py ../shared/datasets/muc4/CORPORA/dev
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from eventwire.evaluate.muc4_reader import read_keys, read_messages
from eventwire.evaluate.muc4_relevance import features

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "evaluate" / "muc_relevance.json"
FIRST_TRAIN = 300  # messages before this index are held out


def load(dev: Path) -> tuple[list[set[str]], np.ndarray]:
    texts = sorted(p for p in dev.glob("dev-muc3-*") if not p.name.endswith("mixed-case"))
    messages = read_messages(texts)[FIRST_TRAIN:]
    keys = read_keys(sorted(dev.glob("key-dev-*")))
    relevant = {k.doc_id for k in keys if k.relevant and not k.optional}
    return [features(m.text) for m in messages], np.array([m.doc_id in relevant for m in messages], float)


def fit(docs: list[set[str]], y: np.ndarray, l2: float = 1.0, steps: int = 400) -> tuple[dict[str, float], float]:
    df = Counter(f for d in docs for f in d)
    vocab = sorted(f for f, n in df.items() if n >= 3)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(docs), len(vocab)), np.float32)
    for r, d in enumerate(docs):
        for f in d:
            if f in index:
                x[r, index[f]] = 1.0
    w, b = np.zeros(len(vocab)), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad = x.T @ (p - y) / len(y) + l2 * w / len(y)
        w -= 0.5 * grad
        b -= 0.5 * float(np.mean(p - y))
    keep = np.abs(w) > 1e-3
    return {f: round(float(v), 4) for f, v, k in zip(vocab, w, keep) if k}, round(b, 4)


def main(dev: str) -> None:
    docs, y = load(Path(dev))
    weights, bias = fit(docs, y)
    OUT.write_text(json.dumps({
        "about": "MUC-4 message relevance, logistic regression; rebuild: python scripts/train_muc_relevance.py DEV_DIR",
        "trained_on": f"MUC-4 dev messages {FIRST_TRAIN + 1}-1300 ({len(docs)} messages, {int(y.sum())} relevant)",
        "bias": bias, "weights": weights,
    }, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
