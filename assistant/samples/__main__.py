"""CLI: `python -m assistant.samples OUT_DIR` renders the sample proposals to PDF."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from assistant.samples.render import build_sample_pdfs, proposal_sources


def main(argv: list[str] | None = None) -> int:
    """Render the sample PDFs and print one path per line."""
    parser = argparse.ArgumentParser(prog="python -m assistant.samples", description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder to write <slug>.pdf files into")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    written = build_sample_pdfs(args.out_dir)
    for path in written:
        print(path)
    return 0 if len(written) == len(proposal_sources()) else 1


if __name__ == "__main__":
    sys.exit(main())
