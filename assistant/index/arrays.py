"""Arrays saved beside a key of what they were made from (numpy .npz, written atomically)."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def load_arrays(path: Path, key: str) -> dict[str, np.ndarray] | None:
    """The arrays saved at `path` when they were saved with `key`, else None."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            if str(saved["key"]) != key:
                return None
            return {name: saved[name] for name in saved.files if name != "key"}
    except (OSError, KeyError, ValueError):  # missing, partial or of another layout
        return None


def save_arrays(path: Path, key: str, **arrays: np.ndarray) -> bool:
    """Save atomically; False (logged) where the place is read-only, so callers go on."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".npz")
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, key=np.array(key), **arrays)
        os.replace(tmp, path)
        return True
    except OSError as exc:
        log.warning("not saved to %s: %s", path, exc)
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return False
