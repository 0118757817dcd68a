"""Bad inputs made on the fly: each must get one clear message, never a traceback."""

from __future__ import annotations

from pathlib import Path


def empty_file(directory: Path) -> Path:
    path = directory / "empty.pdf"
    path.write_bytes(b"")
    return path


def truncated_pdf(directory: Path, source: Path) -> Path:
    path = directory / "truncated.pdf"
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def garbage_pdf(directory: Path) -> Path:
    path = directory / "garbage.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def html_named_pdf(directory: Path) -> Path:
    path = directory / "download.pdf"
    path.write_text("<!DOCTYPE html><html><body><h1>Session expired</h1></body></html>")
    return path


def image_only_pdf(directory: Path) -> Path:
    """A PDF with drawings but no text layer, like a scan."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = directory / "scanned.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(2):
        pdf.rect(72, 400, 300, 200, fill=1)
        pdf.circle(300, 300, 50)
        pdf.showPage()
    pdf.save()
    return path


def unknown_format(directory: Path) -> Path:
    path = directory / "pricing.pptx"
    path.write_bytes(b"PK\x03\x04 not really a presentation")
    return path
