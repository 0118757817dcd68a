"""The `procure` command line: a thin shell over the Workspace and the other stages."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from assistant.llm.config import SPEC_HELP, parse_llm_spec
from assistant.settings import Settings, quiet_third_parties


def build_parser() -> argparse.ArgumentParser:
    """All subcommands and their options."""
    parser = argparse.ArgumentParser(prog="procure", description=__doc__)
    parser.add_argument("--workspace", type=Path, help="workspace directory (default: PROCURE_HOME or the user data dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument(
        "--llm", metavar="SPEC", help=f"generative model (default: PROCURE_LLM): {SPEC_HELP}"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    setup = commands.add_parser(
        "setup", help="make the ONNX export of the embedding model and the guidance index"
    )
    setup.add_argument("--force", action="store_true", help="export again even if up to date")

    ingest = commands.add_parser(
        "ingest",
        help="ingest proposal files (PDF, DOCX, XLSX, TXT, MD); a returned compliance matrix "
        "or rate card is read like a proposal",
    )
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument("--vendor", help="vendor name for these files")

    documents = commands.add_parser("documents", help="list ingested documents")
    documents.add_argument("--json", action="store_true")

    vendors = commands.add_parser("vendors", help="list, rename or merge vendors")
    vendors.add_argument("--json", action="store_true")
    vendor_commands = vendors.add_subparsers(dest="vendor_command")
    rename = vendor_commands.add_parser("rename", help="rename a vendor")
    rename.add_argument("old")
    rename.add_argument("new")
    merge = vendor_commands.add_parser("merge", help="move vendor A's documents to vendor B")
    merge.add_argument("source", metavar="A")
    merge.add_argument("target", metavar="B")
    assign = vendor_commands.add_parser("assign", help="make a document a proposal of VENDOR")
    assign.add_argument("document")
    assign.add_argument("vendor")

    remove = commands.add_parser("remove", help="remove one document")
    remove.add_argument("document")

    ask = commands.add_parser("ask", help="answer questions with citations")
    ask.add_argument("questions", nargs="+")
    ask.add_argument("--json", action="store_true", help="one JSON object per line")

    chat = commands.add_parser("chat", help="one turn of the guided interview")
    chat.add_argument("message", nargs="*", help="the buyer's message (empty: show the current question)")
    chat.add_argument("--json", action="store_true")

    commands.add_parser("interview", help="the guided interview in the terminal")

    profile = commands.add_parser("profile", help="show the requirements profile")
    profile.add_argument("--json", action="store_true")

    rfp = commands.add_parser("rfp", help="draft the RFP from the requirements profile")
    rfp.add_argument("--format", choices=["docx", "md", "pdf"], default="docx")
    rfp.add_argument("--out", type=Path, help="output file (default: in the workspace)")

    compare = commands.add_parser("compare", help="the vendors' terms side by side, every cell cited")
    compare.add_argument("--json", action="store_true")
    compare.add_argument("--csv", type=Path)
    compare.add_argument("--md", type=Path)
    compare.add_argument("--xlsx", type=Path)
    compare.add_argument("--scorecard", action="store_true", help="check against the profile and rank")
    compare.add_argument("--report", type=Path, help="the evaluation report to sign (.docx or .pdf)")

    samples = commands.add_parser("samples", help="write the sample proposals as PDFs")
    samples.add_argument("out", type=Path)

    serve = commands.add_parser("serve", help="start the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument("--demo", action="store_true", help="preload the sample proposals")

    users = commands.add_parser("users", help="the server's users (logins)")
    user_commands = users.add_subparsers(dest="users_command", required=True)
    add = user_commands.add_parser("add", help="add a user or set a new password")
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    user_commands.add_parser("list", help="list the users")
    drop = user_commands.add_parser("remove", help="remove a user")
    drop.add_argument("name")

    share = commands.add_parser("share", help="share a named workspace (OWNER/NAME) with a user")
    share.add_argument("named", metavar="WORKSPACE", help="OWNER/NAME, as `procure workspaces` lists it")
    share.add_argument("user")
    share.add_argument("--stop", action="store_true", help="stop sharing instead")

    listing = commands.add_parser("workspaces", help="named workspaces of the server")
    listing.add_argument("--user", help="only those this user may open")

    audit = commands.add_parser("audit", help="who changed what in this workspace, and when")
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--limit", type=int, help="the last N entries")

    evaluate = commands.add_parser("eval", help="run the eval suites and gate on thresholds")
    evaluate.add_argument("--suite", action="append", help="suite name (repeatable; default: all)")
    evaluate.add_argument("--json", type=Path, help="write the JSON report here")
    evaluate.add_argument(
        "--engines", choices=["llm", "both"], default="both",
        help="with --llm: the language-model engine alone, or beside the grounded one (default)",
    )
    evaluate.add_argument("--sample", type=int, help="run only N QA cases, evenly spread")
    for command in (ask, chat, evaluate, rfp):  # `procure eval --llm SPEC` reads naturally too
        command.add_argument("--llm", metavar="SPEC", default=argparse.SUPPRESS, help=SPEC_HELP)

    backup = commands.add_parser(
        "backup", help="copy the workspace (or the server's home) into a new folder"
    )
    backup.add_argument("dest", type=Path, help="a new or empty folder")
    restore = commands.add_parser(
        "restore", help="put a backup back into the workspace (or home), which must be empty"
    )
    restore.add_argument("source", type=Path, help="a folder `procure backup` made")

    bench = commands.add_parser("bench", help="measure ingestion and answer speed")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--pages", type=int, default=500, help="size of the generated corpus")
    bench.add_argument(
        "--scale", action="store_true", help="also the 10,000-page run (ask latency as it grows)"
    )
    bench.add_argument(
        "--chroma-url", metavar="URL",
        help="instead: the sample workspace on files vs on this Chroma server (ask p50/p95)",
    )
    bench.add_argument(
        "--database-url", metavar="URL", help="with --chroma-url: also the state in this database"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `procure`."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    quiet_third_parties()
    try:
        settings = Settings.from_env(args.workspace)
        if args.llm is not None:
            settings = replace(settings, llm=parse_llm_spec(args.llm, settings.llm.timeout_s))
    except ValueError as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 2
    handler = globals()[f"_cmd_{args.command}"]
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return 130


def _workspace(settings: Settings):
    from assistant.progress import TerminalProgress
    from assistant.workspace import Workspace

    return Workspace(settings, progress=TerminalProgress())


def _cmd_setup(args, settings: Settings) -> int:
    from assistant.install import prepare_installation
    from assistant.progress import TerminalProgress

    for line in prepare_installation(settings, TerminalProgress(), force=args.force):
        print(line)
    return 0


def _cli_user() -> str:
    """Who acts from the command line (the audit log's user)."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _cmd_ingest(args, settings: Settings) -> int:
    workspace = _workspace(settings)
    failed = 0
    for outcome in workspace.ingest_each(args.files, vendor=args.vendor, user=_cli_user()):
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
        who = f"vendor={r.vendor}" if r.is_proposal else "reference document (no vendor)"
        extra = f"\ttables={r.tables}" + (f"\tocr pages={','.join(map(str, r.ocr_pages))}" if r.ocr_pages else "")
        print(f"{r.name}\t{who}\tpages={r.pages}\tchunks={r.chunks}{extra}" + ("\tsample" if r.sample else ""))
        if r.aliases:
            print(f"\taliases: {', '.join(r.aliases)}")
        for warning in r.warnings:
            print(f"\tWARNING: {warning}")
    return 0


def _cmd_vendors(args, settings: Settings) -> int:
    workspace = _workspace(settings)
    try:
        if args.vendor_command == "rename":
            moved = workspace.rename_vendor(args.old, args.new)
            print(f"renamed '{args.old}' to '{args.new}' ({len(moved)} document(s))")
        elif args.vendor_command == "merge":
            moved = workspace.merge_vendors(args.source, args.target)
            print(f"merged '{args.source}' into '{args.target}' ({len(moved)} document(s))")
        elif args.vendor_command == "assign":
            workspace.make_proposal(args.document, args.vendor)
            print(f"{args.document} is now a proposal of '{args.vendor}'")
    except ValueError as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 1
    if args.vendor_command:
        return 0
    vendors = workspace.vendors()
    if args.json:
        print(json.dumps(vendors, ensure_ascii=False))
    elif not vendors:
        print("No vendors in this workspace.")
    for v in [] if args.json else vendors:
        print(f"{v['vendor']}\tdocuments: {', '.join(v['documents'])}")
        if v["aliases"]:
            print(f"\taliases: {', '.join(v['aliases'])}")
    return 0


def _cmd_remove(args, settings: Settings) -> int:
    if _workspace(settings).remove(args.document, user=_cli_user()):
        print(f"removed {args.document}")
        return 0
    print(f"{args.document}: not in this workspace", file=sys.stderr)
    return 1


def _cmd_ask(args, settings: Settings) -> int:
    from assistant.limits import TooLong, check_length

    try:
        for question in args.questions:
            check_length(question.strip(), settings.max_question_chars, "question")
    except TooLong as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 2
    workspace = _workspace(settings)
    for question in args.questions:
        answer = workspace.ask(question)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
            continue
        print(f"Q: {answer.question}\n{answer.text}")
        for c in answer.citations:
            ocr = ", read by OCR" if c.ocr else ""
            where = c.location or f"page {c.page}"
            print(f"  [{c.marker}] {c.document}, {where}{ocr} ({c.vendor}): \"{c.quote}\"")
        for warning in answer.warnings:
            print(f"  WARNING: {warning}")
        for note in answer.notes:
            print(f"  NOTE: {note}")
        print(flush=True)
    return 0


def _cmd_chat(args, settings: Settings) -> int:
    from assistant.interview.commands import chat_turn
    from assistant.limits import TooLong, check_length

    message = " ".join(args.message)
    try:
        check_length(message, settings.max_message_chars)
    except TooLong as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 2
    workspace = _workspace(settings)
    reader = workspace.interview_reader() if message.strip() else None
    result = chat_turn(
        settings.workspace, message, workspace.ask, understand=reader, user=_cli_user(),
        max_chars=settings.max_message_chars,
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False, default=str))
    else:
        from assistant.interview.commands import progress_line

        print(result["reply"])
        if "[Progress:" not in result["reply"]:  # a question put again carries its own
            print(f"[Progress: {progress_line(result['progress'])}]")
    return 0


def _cmd_interview(args, settings: Settings) -> int:
    from assistant.interview.commands import run_interactive

    workspace = _workspace(settings)
    run_interactive(
        settings.workspace, answer_question=workspace.ask, understand=workspace.interview_reader()
    )
    return 0


def _cmd_profile(args, settings: Settings) -> int:
    from assistant.interview.commands import format_profile, profile_view, progress_line

    view = profile_view(settings.workspace)
    if args.json:
        print(json.dumps(view, ensure_ascii=False, default=str))
    else:
        print(format_profile(view))
        print(f"[Progress: {progress_line(view['progress'])}]")
    return 0


def _cmd_rfp(args, settings: Settings) -> int:
    from assistant.rfp import export_rfp, export_workbooks

    document, notes = _workspace(settings).draft_rfp(user=_cli_user())
    out = args.out or settings.workspace / f"rfp.{args.format}"
    path = export_rfp(document, args.format, out)
    print(f"{path} ({len(document.open_points)} open points marked [To be confirmed])")
    for workbook in export_workbooks(document, Path(out).parent):
        print(f"{workbook} (for vendors to fill in and return)")
    for note in notes:
        print(f"  {note}")
    return 0


def _cmd_compare(args, settings: Settings) -> int:
    from assistant.compare import matrix_text

    workspace = _workspace(settings)
    matrix = workspace.matrix()
    if not matrix.vendors:
        print("No proposals in this workspace: ingest some first.", file=sys.stderr)
        return 1
    for path, write in ((args.csv, matrix.to_csv), (args.md, matrix.to_markdown), (args.xlsx, matrix.to_xlsx)):
        if path:
            try:
                write(path)
            except RuntimeError as exc:  # e.g. openpyxl is not installed
                print(str(exc), file=sys.stderr)
                return 2
    data = {"matrix": matrix.to_json()}
    card = None
    if args.scorecard or args.report:
        from assistant.compare import build_scorecard, requirements_from_profile
        from assistant.interview.profile import load_profile

        profile = load_profile(settings.workspace)
        card = build_scorecard(matrix, requirements_from_profile(profile))
        data["scorecard"] = card.to_dict()
        if args.report:
            from assistant.compare.evaluation import write_evaluation

            try:
                write_evaluation(matrix, card, args.report, profile.requirements())
            except ValueError as exc:
                print(str(exc), file=sys.stderr)
                return 2
    if args.json:
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        print(matrix_text(matrix) + (f"\n\n{card.to_markdown()}" if card else ""))
    return 0


def _cmd_samples(args, settings: Settings) -> int:
    from assistant.samples import build_sample_pdfs

    for path in build_sample_pdfs(args.out):
        print(path)
    return 0


def _cmd_serve(args, settings: Settings) -> int:
    from assistant.app import serve

    try:
        serve(settings, host=args.host, port=args.port, demo=args.demo)
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(f"procure: {exc.code}", file=sys.stderr)
            return 2
        raise
    return 0


def _cmd_users(args, settings: Settings) -> int:
    from assistant.server.users import UserError, Users

    users = Users.for_home(settings.workspace)
    if args.users_command == "list":
        names = users.names()
        print("\n".join(names) if names else "No users: the server runs single-user on 127.0.0.1.")
        return 0
    if args.users_command == "remove":
        if users.remove(args.name):
            print(f"removed user {args.name}")
            return 0
        print(f"procure: there is no user called {args.name!r}", file=sys.stderr)
        return 1
    try:
        password = _read_password(args.password_stdin)
        new = users.add(args.name, password)
    except UserError as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 2
    print(f"{'added user' if new else 'new password for'} {args.name}")
    return 0


def _read_password(from_stdin: bool) -> str:
    """The new password: one line of stdin, or typed twice at a prompt."""
    from assistant.server.users import UserError

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat it: ") != first:
        raise UserError("The two passwords differ; nothing was changed.")
    return first


def _server_access(settings: Settings):
    from assistant.app import limits_of
    from assistant.server.access import Access
    from assistant.state.server_db import ServerDB

    access = Access(settings.workspace, ServerDB.for_home(settings.workspace), limits_of(settings))
    access.adopt_legacy_named()
    return access


def _cmd_share(args, settings: Settings) -> int:
    from assistant.server.access import AccessError

    access = _server_access(settings)
    key = f"named:{args.named}"
    try:
        if args.stop:
            changed = access.unshare(None, key, args.user)
            print(f"{args.named}: {'no longer' if changed else 'was not'} shared with {args.user}")
        else:
            changed = access.share(None, key, args.user)
            print(f"{args.named}: {'now' if changed else 'already'} shared with {args.user}")
    except AccessError as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 1
    return 0


def _cmd_workspaces(args, settings: Settings) -> int:
    access = _server_access(settings)
    users = [args.user] if args.user else sorted({*access.db.user_names(), "local"})
    seen = set()
    for user in users:
        for ref in access.listing(user):
            if ref.key in seen and not args.user:
                continue
            seen.add(ref.key)
            members = ", ".join(access.members(ref.key)) or "-"
            print(f"{ref.owner}/{ref.name}\towner={ref.owner}\tshared with={members}")
    return 0


def _cmd_audit(args, settings: Settings) -> int:
    entries = _workspace(settings).audit_log(args.limit)
    for entry in entries:
        row = entry.to_dict()
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"{row['time']}\t{row['user']}\t{row['action']}\t{row['detail']}")
    if not entries and not args.json:
        print("No changes recorded in this workspace.")
    return 0


def _cmd_eval(args, settings: Settings) -> int:
    from evals.run import SUITES, run_eval

    unknown = [name for name in args.suite or [] if name not in SUITES]
    if unknown:
        print(f"unknown suite(s) {unknown}; choose from {sorted(SUITES)}", file=sys.stderr)
        return 2
    return run_eval(
        args.suite, args.json, llm=settings.llm, beside_grounded=args.engines == "both",
        sample=args.sample,
    )


def _cmd_backup(args, settings: Settings) -> int:
    from assistant.backup import BackupError, backup

    try:
        report = backup(settings.workspace, args.dest)
    except BackupError as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 2
    print(f"Backed up {settings.workspace} to {args.dest}: {report.files} files "
          f"({report.databases} databases), {report.bytes / 1e6:.1f} MB.")
    return 0


def _cmd_restore(args, settings: Settings) -> int:
    from assistant.backup import BackupError, restore

    try:
        report = restore(args.source, settings.workspace)
    except BackupError as exc:
        print(f"procure: {exc}", file=sys.stderr)
        return 2
    print(f"Restored {report.files} files ({report.databases} databases) "
          f"into {settings.workspace}.")
    return 0


def _cmd_bench(args, settings: Settings) -> int:
    from evals.bench import run_bench

    if args.chroma_url:
        from evals.bench_backends import as_json, bench_backends, format_backends

        figures = bench_backends(args.chroma_url, args.database_url, settings)
        print(json.dumps(as_json(figures), indent=2) if args.json else format_backends(figures))
        return 0

    return run_bench(pages=args.pages, as_json=args.json, scale=args.scale, settings=settings)


if __name__ == "__main__":
    sys.exit(main())
