"""Text of scanned pages: Tesseract reads an image of the page (one thread, a time limit)."""

from __future__ import annotations

import logging
import os
import shutil
from functools import cache

from assistant.ingest.layout import Line, Word
from assistant.ingest.normalise import clean
from assistant.models import Box

log = logging.getLogger(__name__)

RENDER_SCALE = 2.0  # 144 dpi: Tesseract reads body text well, at ~2.5 s a page on one core
PAGE_SECONDS = 60
MIN_CONFIDENCE = 30


@cache
def available() -> bool:
    """Whether Tesseract (the `tesseract` program and pytesseract) can be used here."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


def ocr_image(image, scale: float = RENDER_SCALE) -> list[Line]:
    """Lines of text Tesseract finds in a page image; boxes in PDF points (pixels / scale)."""
    import pytesseract

    # With OpenMP's default threads a page takes ~10x longer on two cores.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(
        image.convert("L"), output_type=pytesseract.Output.DICT, timeout=PAGE_SECONDS
    )
    lines: dict[tuple[int, int, int], Line] = {}
    paragraph = None
    for i, raw in enumerate(data["text"]):
        text = clean(raw or "")
        if not text or float(data["conf"][i]) < MIN_CONFIDENCE:
            continue
        left, top = data["left"][i] / scale, data["top"][i] / scale
        box = Box(left, top, left + data["width"][i] / scale, top + data["height"][i] / scale)
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        word = Word(text, box, size=box.bottom - box.top)
        if key not in lines:
            lines[key] = Line([], box=box, new_block=key[:2] != paragraph)
            paragraph = key[:2]
        line = lines[key]
        line.words.append(word)
        line.box = line.box.union(box)
    for line in lines.values():
        line.text = " ".join(w.text for w in line.words)
    return list(lines.values())
