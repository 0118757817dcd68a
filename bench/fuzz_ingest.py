"""Fuzz the ingest path: mutated PDFs and DOCX files, each read under time and memory limits.

Seeds are our sample proposals (PDF), a DOCX made with python-docx, and the PDFs of
../shared/pdf-samples when present. Mutations: truncation, bit flips, byte-range shuffles,
zip bombs (DOCX), deep nesting (PDF arrays and dictionaries, DOCX XML), huge pages (a vast
MediaBox and a multi-megabyte content stream; a DOCX paragraph of megabytes).

Each file is read by `assistant.ingest.load_document` in a child process with RLIMIT_AS and
a wall-clock limit; the outcome is one of ok, rejected (IngestError: a plain reason),
crash (any other exception: a bug for the readers), timeout or memory. Then the whole set
goes through `Workspace.ingest` in one batch (the public entry point, which must never raise)
and the workspace must still answer a question.

    .venv/bin/python bench/fuzz_ingest.py [--count 520] [--seed 18] [--json PATH]
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

TIME_LIMIT_S = 20.0
MEMORY_LIMIT = 1536 * 2**20
SHARED_PDFS = Path(__file__).resolve().parents[2] / "shared" / "pdf-samples"


# --- seeds ----------------------------------------------------------------------------------


def seed_files(folder: Path) -> dict[str, list[bytes]]:
    """PDF and DOCX seeds as bytes."""
    from assistant.samples import build_sample_pdfs

    pdfs = [path.read_bytes() for path in build_sample_pdfs(folder / "samples")]
    shared = [p for p in sorted(SHARED_PDFS.glob("*.pdf")) if p.stat().st_size < 2e6]
    pdfs += [path.read_bytes() for path in shared[:6]]
    return {"pdf": pdfs, "docx": [_docx_seed()]}


def _docx_seed() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Fuzz Vendor Proposal", 0)
    for number in range(12):
        document.add_paragraph(f"Fuzz Vendor answers {number} calls per hour at USD 28.50.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "Service level", "80/20"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- mutations ------------------------------------------------------------------------------


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(0, max(1, len(data)))]


def bit_flips(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.choice([1, 4, 32, 256])):
        index = rng.randrange(len(buffer))
        buffer[index] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def shuffle_ranges(data: bytes, rng: random.Random) -> bytes:
    cut = sorted(rng.randrange(len(data)) for _ in range(4))
    a, b, c, d = cut
    return data[:a] + data[c:d] + data[b:c] + data[a:b] + data[d:]


def pdf_deep_nesting(_data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([1000, 10000, 100000])
    nested = b"[" * depth + b"]" * depth if rng.random() < 0.5 else b"<<" * depth + b">>" * depth
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])


def pdf_huge_page(_data: bytes, rng: random.Random) -> bytes:
    text = b"BT /F1 12 Tf 72 720 Td (" + b"Huge page text " * 4000 + b") Tj ET\n"
    stream = text * rng.choice([10, 100])
    box = rng.choice([b"[0 0 612 792]", b"[0 0 14400 14400]", b"[0 0 1e30 1e30]"])
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox " + box + b" /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
                 + b"\nendstream",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def pdf_many_pages(_data: bytes, rng: random.Random) -> bytes:
    count = rng.choice([3000, 20000])
    kids = b" ".join(b"3 0 R" for _ in range(count))
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(count).encode() + b" >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])


def _pdf(objects: list[bytes]) -> bytes:
    """A small well-formed PDF around the given objects (numbered from 1)."""
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out += trailer.encode()
    return bytes(out)


def docx_zip_bomb(data: bytes, rng: random.Random) -> bytes:
    """document.xml inflating to hundreds of megabytes."""
    size = rng.choice([200, 600]) * 2**20
    return _replace_part(data, "word/document.xml", _bomb_xml(size))


def _bomb_xml(size: int):
    head = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            b'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    return head, size, tail


def docx_deep_nesting(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([10000, 100000])
    xml = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           b'wordprocessingml/2006/main"><w:body>' + b"<w:tbl><w:tr><w:tc>" * depth
           + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * depth + b"</w:body></w:document>")
    return _replace_part(data, "word/document.xml", xml)


def docx_huge_paragraph(data: bytes, rng: random.Random) -> bytes:
    text = b"Huge paragraph of proposal text. " * rng.choice([100_000, 400_000])
    xml = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>' + text
           + b"</w:t></w:r></w:p></w:body></w:document>")
    return _replace_part(data, "word/document.xml", xml)


def docx_entry_mutation(data: bytes, rng: random.Random) -> bytes:
    """Bit flips inside one zip member, recompressed (the zip itself stays valid)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        name = rng.choice(archive.namelist())
        part = archive.read(name)
    return _replace_part(data, name, bit_flips(part, rng) if part else b"\x00")


def _replace_part(data: bytes, name: str, content) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(
        buffer, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        if isinstance(content, tuple):  # (head, size, tail): streamed, never held in memory
            head, size, tail = content
            with target.open(name, "w", force_zip64=True) as handle:
                handle.write(head)
                chunk = b"A" * 2**20
                for _ in range(size // len(chunk)):
                    handle.write(chunk)
                handle.write(tail)
        else:
            target.writestr(name, content)
    return buffer.getvalue()


MUTATIONS = {
    "pdf": [truncate, bit_flips, bit_flips, shuffle_ranges, pdf_deep_nesting, pdf_huge_page,
            pdf_many_pages],
    "docx": [truncate, bit_flips, shuffle_ranges, docx_entry_mutation, docx_entry_mutation,
             docx_zip_bomb, docx_deep_nesting, docx_huge_paragraph],
}


def make_corpus(
    folder: Path, count: int, seed: int, mutations: dict | None = None
) -> list[tuple[Path, str]]:
    """`count` mutated files (about two thirds PDF), with the mutation that made each."""
    rng = random.Random(seed)
    seeds = seed_files(folder)
    corpus = []
    for index in range(count):
        kind = "docx" if index % 3 == 2 else "pdf"
        mutation = rng.choice((mutations or MUTATIONS)[kind])
        data = mutation(rng.choice(seeds[kind]), rng)
        path = folder / "corpus" / f"{index:04d}-{mutation.__name__}.{kind}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        corpus.append((path, mutation.__name__))
    return corpus


# --- reading under limits -------------------------------------------------------------------


CHILD = """
import json, logging, sys, traceback
from pathlib import Path
logging.disable(logging.WARNING)
from assistant.ingest import IngestError, load_document
from assistant.settings import Settings

def report(outcome, detail):
    sys.stdout.write(json.dumps([outcome, detail]) + "\\n")

try:
    document = load_document(Path(sys.argv[1]), Settings(workspace=Path(sys.argv[2])))
    report("ok", f"{len(document.pages)} pages")
except IngestError as exc:
    report("rejected", str(exc))
except MemoryError:
    report("memory", "MemoryError")
except BaseException as exc:
    frames = traceback.extract_tb(exc.__traceback__)
    where = next((f for f in reversed(frames) if "/assistant/" in f.filename), frames[-1])
    report("crash", f"{type(exc).__name__}: {str(exc)[:160]} at {Path(where.filename).name}"
                    f":{where.lineno}")
"""


def _limits() -> None:
    """In the child, before exec: an address-space cap (and no core dumps)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def read_limited(path: Path) -> tuple[str, str, float]:
    """(outcome, detail, seconds) of reading one file in a child process under limits."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), tempfile.gettempdir()],
            capture_output=True, text=True, timeout=TIME_LIMIT_S, preexec_fn=_limits,
        )
    except subprocess.TimeoutExpired:
        return "timeout", f"over {TIME_LIMIT_S:.0f} s", time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
    if lines:
        outcome, detail = json.loads(lines[-1])
    elif "MemoryError" in done.stderr or done.returncode < 0:
        outcome, detail = "memory", f"died (exit {done.returncode})"
    else:
        last = done.stderr.strip().splitlines()[-1:] or ["no output"]
        outcome, detail = "crash", last[0][:200]
    return outcome, detail, time.perf_counter() - start


def workspace_survives(files: list[Path], home: Path) -> dict:
    """Every file through Workspace.ingest in one batch; then the workspace still answers."""
    from assistant.settings import Settings
    from assistant.workspace import Workspace

    small = [path for path in files if path.stat().st_size < 8 * 2**20]
    space = Workspace(Settings(workspace=home, max_pages=200))
    outcomes = space.ingest(small + [Path(__file__).resolve().parent / "fuzz_anchor.md"])
    answer = space.ask("What does the Anchor Vendor charge per productive hour?")
    return {
        "batch": len(outcomes),
        "ingested": sum(o.ok for o in outcomes),
        "answered": bool(answer.text),  # no exception, an answer or an honest abstention
        "cited_anchor": "31.00" in answer.text,
        "answer": answer.text[:200],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=520)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-workspace", action="store_true")
    parser.add_argument("--batch", type=int, default=150, help="files in the Workspace batch")
    args = parser.parse_args(argv)
    os.environ.setdefault("PROCURE_HOME", tempfile.mkdtemp())
    logging.basicConfig(level=logging.ERROR)  # pypdf's font warnings on mutated files
    from assistant.settings import quiet_third_parties

    quiet_third_parties()
    folder = Path(tempfile.mkdtemp(prefix="procure-fuzz-"))
    corpus = make_corpus(folder, args.count, args.seed)
    rows = []
    for path, mutation in corpus:
        outcome, detail, seconds = read_limited(path)
        rows.append({"file": path.name, "mutation": mutation, "outcome": outcome,
                     "detail": detail, "seconds": round(seconds, 2)})
    counts = Counter(row["outcome"] for row in rows)
    by_kind = Counter((row["file"].rsplit(".", 1)[1], row["outcome"]) for row in rows)
    report = {
        "files": len(rows), "outcomes": dict(counts),
        "by_kind": {f"{k}:{o}": n for (k, o), n in sorted(by_kind.items())},
        "slowest_s": max(row["seconds"] for row in rows),
        "crashes": [r for r in rows if r["outcome"] in ("crash", "timeout", "memory")],
    }
    if args.json:  # the per-file results first: the batch below takes a while
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
    if not args.skip_workspace:
        # The batch takes every file that a limited reader finished quickly; files that hit
        # a limit are reader bugs (reported above) that would stall a batch without limits.
        quick = [folder / "corpus" / r["file"] for r in rows
                 if r["outcome"] in ("ok", "rejected", "crash") and r["seconds"] < 5]
        batch = quick[: args.batch]
        report["workspace"] = workspace_survives(batch, folder / "workspace")
    print(json.dumps({k: v for k, v in report.items() if k != "crashes"}, indent=2))
    for row in report["crashes"]:
        print(f"{row['outcome']:>8}  {row['file']}: {row['detail']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
    survived = args.skip_workspace or report["workspace"]["answered"]
    return 0 if survived else 1


if __name__ == "__main__":
    sys.exit(main())
