"""The Fashion-MNIST pair the sweep benchmarks use (sneaker 7 against ankle boot 9, labels -1 and +1), read
from Debian's dataset-fashion-mnist IDX files, and the ten radii eps/eps_c of those benchmarks; shared by
fashion_csv.py, peer_sweep.py and scipy_sweep.py."""
import gzip
import os

import numpy as np

NEG, POS = 7, 9  # sneaker, ankle boot
RATIOS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def load(directory):
    """Every training image of the pair (pixels / 255, float64, 784 columns) and its label in {-1, +1}."""
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    keep = (labels == NEG) | (labels == POS)
    x = images[keep].astype(np.float64) / 255.0
    y = np.where(labels[keep] == POS, 1.0, -1.0)
    return x, y
