"""Sample vendor proposals (Markdown sources) and their PDF renderer."""

from assistant.samples.render import PROPOSALS_DIR, build_sample_pdfs, read_source

__all__ = ["PROPOSALS_DIR", "build_sample_pdfs", "read_source"]
