"""The `procure` command line: a thin shell over the Workspace and the other stages."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from assistant.settings import Settings, quiet_third_parties


def build_parser() -> argparse.ArgumentParser:
    """All subcommands and their options."""
    parser = argparse.ArgumentParser(prog="procure", description=__doc__)
    parser.add_argument("--workspace", type=Path, help="workspace directory (default: PROCURE_HOME or the user data dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="ingest proposal files (PDF, DOCX, TXT, MD)")
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument("--vendor", help="vendor name for these files")

    documents = commands.add_parser("documents", help="list ingested documents")
    documents.add_argument("--json", action="store_true")

    remove = commands.add_parser("remove", help="remove one document")
    remove.add_argument("document")

    ask = commands.add_parser("ask", help="answer questions with citations")
    ask.add_argument("questions", nargs="+")
    ask.add_argument("--json", action="store_true", help="one JSON object per line")

    samples = commands.add_parser("samples", help="write the sample proposals as PDFs")
    samples.add_argument("out", type=Path)

    serve = commands.add_parser("serve", help="start the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument("--demo", action="store_true", help="preload the sample proposals")

    evaluate = commands.add_parser("eval", help="run the eval suites and gate on thresholds")
    evaluate.add_argument("--suite", action="append", help="suite name (repeatable; default: all)")
    evaluate.add_argument("--json", type=Path, help="write the JSON report here")

    bench = commands.add_parser("bench", help="measure ingestion and answer speed")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--pages", type=int, default=500, help="size of the generated corpus")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `procure`."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    quiet_third_parties()
    settings = Settings.from_env(args.workspace)
    handler = globals()[f"_cmd_{args.command}"]
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return 130


def _workspace(settings: Settings):
    from assistant.workspace import Workspace

    return Workspace(settings)


def _cmd_ingest(args, settings: Settings) -> int:
    workspace = _workspace(settings)
    failed = 0
    for outcome in workspace.ingest(args.files, vendor=args.vendor):
        status = "ok" if outcome.ok else "FAILED"
        print(f"{outcome.path}: {status}: {outcome.message}", flush=True)
        failed += not outcome.ok
    return 1 if failed else 0


def _cmd_documents(args, settings: Settings) -> int:
    records = _workspace(settings).documents()
    if args.json:
        print(json.dumps([record.to_dict() for record in records], ensure_ascii=False))
        return 0
    if not records:
        print("No documents in this workspace.")
    for r in records:
        print(f"{r.name}\tvendor={r.vendor}\tpages={r.pages}\tchunks={r.chunks}")
        for warning in r.warnings:
            print(f"\tWARNING: {warning}")
    return 0


def _cmd_remove(args, settings: Settings) -> int:
    if _workspace(settings).remove(args.document):
        print(f"removed {args.document}")
        return 0
    print(f"{args.document}: not in this workspace", file=sys.stderr)
    return 1


def _cmd_ask(args, settings: Settings) -> int:
    workspace = _workspace(settings)
    for question in args.questions:
        answer = workspace.ask(question)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
            continue
        print(f"Q: {answer.question}\n{answer.text}")
        for c in answer.citations:
            print(f"  [{c.marker}] {c.document}, page {c.page} ({c.vendor}): \"{c.quote}\"")
        for warning in answer.warnings:
            print(f"  WARNING: {warning}")
        print(flush=True)
    return 0


def _cmd_samples(args, settings: Settings) -> int:
    from assistant.samples import build_sample_pdfs

    for path in build_sample_pdfs(args.out):
        print(path)
    return 0


def _cmd_serve(args, settings: Settings) -> int:
    from assistant.app import serve

    serve(settings, host=args.host, port=args.port, demo=args.demo)
    return 0


def _cmd_eval(args, settings: Settings) -> int:
    from evals.run import SUITES, run_eval

    unknown = [name for name in args.suite or [] if name not in SUITES]
    if unknown:
        print(f"unknown suite(s) {unknown}; choose from {sorted(SUITES)}", file=sys.stderr)
        return 2
    return run_eval(args.suite, args.json)


def _cmd_bench(args, settings: Settings) -> int:
    from evals.bench import run_bench

    return run_bench(pages=args.pages, as_json=args.json)


if __name__ == "__main__":
    sys.exit(main())
