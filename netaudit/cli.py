"""Command line: ``netaudit audit | report | init | trace | probe``.

Exit codes: 0 success — for ``audit``, only when the audit passes (``audit.failures``;
docs/semantics.md, "Exit status"); 1 an audit that does not pass; 2 usage error or
unusable input, with a one-line message saying what and where (plain ``netaudit``: the
help); ``trace``: 0 reachable, 1 blocked, 3 unknown (trace.EXIT_CODES).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NoReturn

from .cli_usage import UsageError, usage_lang, usage_text
from .messages import Text
from .model import InputError
from .vocabulary import DOC_FORMATS, FORMATS, SEVERITIES, STANDARDS


class _Parser(argparse.ArgumentParser):
    commands: Mapping[str, argparse.ArgumentParser]  # the top parser's: name -> the command's parser

    def error(self, message):  # one line, exit 2: worded by _main
        raise UsageError(message)


_EPILOG = """\
examples:
  netaudit audit DIR                                  terminal summary (DIR: exported configs + site.yaml)
  netaudit audit DIR --format pdf -o report.pdf       inspection report + report.drawio
  netaudit trace DIR --from guest --to 10.10.10.5 --service smb
  netaudit init DIR                                   draft DIR/site.yaml for review

exit codes: 0 success (audit: it passes); 1 audit: findings at or above --fail-on, an unknown
flow the policy wants denied, a conclusion other than pass, or an input problem (trace: the
flow is blocked); 2 usage error or no usable input; 3 trace: reachability not known.
'netaudit COMMAND -h' describes each command; docs: README.md, docs/."""

_AUDIT_EPILOG = """\
exit codes: 0 the audit passes; 1 it does not (a finding at or above --fail-on, an unknown
flow the policy wants denied, a conclusion other than pass, or an input problem: not a
crash, the reasons are printed); 2 usage error or no usable input."""


def _trace_epilog() -> str:
    from textwrap import fill

    from .vocabulary import service_names_help

    names = "services (--service): a name, tcp/PORT, udp/PORT, tcp/LOW-HIGH, icmp/TYPE, proto/N, ip, or a "
    names += f"comma-separated list (ssh,rdp,tcp/8080). Names: {service_names_help()}."
    return (
        fill(names, 92, break_on_hyphens=False) + "\n\n"
        "example: netaudit trace DIR --from guest --to 10.10.10.5 --service smb\n\n"
        "exit codes (for scripts): 0 reachable (some packet of the flow gets through); 1 blocked\n"
        "(proven: no packet does); 2 usage error or no usable input; 3 unknown (netaudit cannot\n"
        "decide from the configurations; the reason is printed)."
    )


def _parser() -> _Parser:
    p = _Parser(
        prog="netaudit",
        description="Network segmentation auditor: which zone can open connections to which, proven\n"
        "from exported router / switch / firewall configurations.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from . import __version__

    p.add_argument("--version", action="version", version=f"netaudit {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p.commands = sub.choices

    a = sub.add_parser(
        "audit",
        help="audit a folder (or files) of device configs",
        description="Audit a folder (or files) of device configurations: zones, the zone-to-zone matrix,\n"
        "findings, compliance, and the answer to: can the guest Wi-Fi reach the internal network?",
        epilog=_AUDIT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument(
        "paths", nargs="*", help="config folder or files (optional with --site and --probes: a live-only audit)"
    )
    a.add_argument("--site", help="site.yaml (default: site.yaml next to the configs, else inferred)")
    a.add_argument(
        "--format",
        default="text",
        choices=FORMATS,
        help="text: terminal summary (default); json: the audit document; html, pdf, docx, md: the "
        "inspection report (+ .drawio); sarif: for code-scanning tools. Binary formats need -o",
    )
    a.add_argument("-o", "--output", help="write the report to this file instead of stdout (required for pdf)")
    a.add_argument(
        "--fail-on",
        default="high",
        choices=SEVERITIES,
        help="exit 1 when a finding at or above this severity exists (default: high)",
    )
    a.add_argument("--lang", default="vi", choices=["vi", "en"], help="language of the output (default vi)")
    a.add_argument("--show-secrets", action="store_true", help="do not mask secrets in output")
    a.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the terminal summary (auto: on a terminal, unless NO_COLOR is set)",
    )
    a.add_argument(
        "--probes",
        action="append",
        default=[],
        metavar="FILE[@ZONE]",
        help="live evidence to merge (repeatable): a netaudit probe result, or nmap XML as FILE@ZONE (docs/live.md)",
    )
    _report_options(a)

    r = sub.add_parser("report", help="re-render a saved JSON audit (netaudit audit --format json)")
    r.add_argument("file", help="audit JSON file")
    r.add_argument(
        "--format",
        default="html",
        choices=DOC_FORMATS,
        help="report format (default html); binary formats (pdf, docx) need -o",
    )
    r.add_argument("-o", "--output", help="write the report to this file instead of stdout (required for pdf)")
    r.add_argument("--lang", default="vi", choices=["vi", "en"], help="language of the report (default vi)")
    r.add_argument(
        "--show-secrets",
        action="store_true",
        help="do not re-mask keyword secrets (values masked when the JSON was written stay masked)",
    )
    _report_options(r)

    i = sub.add_parser("init", help="write DIR/site.yaml with zones inferred from the configs")
    i.add_argument("dir", help="folder of exported device configurations")
    i.add_argument("--force", action="store_true", help="overwrite an existing site.yaml")
    i.add_argument("-o", "--output", help="write here instead of DIR/site.yaml ('-' = stdout)")
    i.add_argument("--lang", default="vi", choices=["vi", "en"], help="language of the draft's comments (default vi)")

    t = sub.add_parser(
        "trace",
        help="follow one flow hop by hop (exit 0 reachable, 1 blocked, 3 unknown)",
        description="Follow one flow from a zone to an address or zone, hop by hop, with the\n"
        "configuration lines that let it through or stop it.",
        epilog=_trace_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    t.add_argument("paths", nargs="+", help="config folder or files, as for audit")
    t.add_argument("--site", help="site.yaml (default: site.yaml next to the configs, else inferred)")
    t.add_argument("--from", dest="src", required=True, help="source zone, e.g. guest")
    t.add_argument("--to", dest="dst", required=True, help="destination IPv4 address, prefix or zone")
    t.add_argument(
        "--service",
        default="ip",
        help="a name (smb, rdp, ssh, winbox, http, https, dns, dhcp, snmp, telnet, ntp, … listed below), "
        "tcp/445, udp/53, icmp/8, a list ssh,rdp, or ip (default: every protocol)",
    )
    t.add_argument("--lang", default="vi", choices=["vi", "en"], help="language of the output (default vi)")
    t.add_argument("--format", default="text", choices=["text", "json"], help="text (default) or json")
    _probe_parser(sub)
    _scan_parser(sub)
    _blueprint_parser(sub)
    _fix_parser(sub)
    return p


def _iso_date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _report_options(p: argparse.ArgumentParser) -> None:
    """Options of the inspection reports (html, pdf, md, sarif; cover fields also go to json)."""
    p.add_argument(
        "--standard",
        choices=STANDARDS,
        default=None,
        help="compliance regime: nd331-2026 (default) or tt12-2022 (dossiers under Decree 85/2016)",
    )
    p.add_argument(
        "--inspector", dest="inspected_by", metavar="NAME", help="cover: inspected by (site.yaml: inspected_by)"
    )
    p.add_argument(
        "--prepared-by", dest="prepared_by", metavar="NAME", help="cover: prepared by (site.yaml: prepared_by)"
    )
    p.add_argument("--address", help="cover: the unit's address (site.yaml: address)")
    p.add_argument(
        "--date",
        dest="inspection_date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="cover: inspection date (site.yaml: inspection_date; default: the report date)",
    )
    p.add_argument(
        "--doc-number",
        dest="doc_number",
        metavar="TEXT",
        help='cover: the report\'s number, "Số: …" (site.yaml: doc_number; blank to fill in by hand)',
    )
    p.add_argument(
        "--record-number",
        dest="record_number",
        metavar="TEXT",
        help="cover: number of the inspection record (biên bản) the report is attached to (site.yaml: record_number)",
    )
    p.add_argument(
        "--record-date",
        dest="record_date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="cover: date of that inspection record (site.yaml: record_date)",
    )
    p.add_argument(
        "--detail",
        choices=["summary", "full"],
        default=None,
        help="how much of a large audit the report prints: summary (default for pdf, docx and the terminal: "
        "long lists cut to a readable annex, each cut saying how many items are left out and where they are in "
        "full) or full (default for html and md: everything); json and sarif are always complete",
    )
    p.add_argument(
        "--diagram",
        metavar="FILE.drawio",
        help="write the editable diagram here (html/pdf/md default: next to -o, as NAME.drawio)",
    )


class _SafeStream:
    """stderr as netaudit writes it: control characters in file names, device and zone
    names or quoted lines shown as visible escapes (safetext.clean), never sent raw;
    a progress spinner's line is erased first (progress.write_above)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        from .progress import write_above
        from .safetext import clean

        return write_above(self._stream.write, clean(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def run() -> NoReturn:
    """The ``netaudit`` command: :func:`main`, after which the process ends at once,
    its output flushed: the interpreter's own exit would free everything the run built,
    object by object and then the BDD manager's tables (0.1–0.25 s after a large audit,
    about a second once with its last garbage collection: docs/performance.md), and what
    is left is the operating system's to free.  Nothing of netaudit's waits for that
    exit (no ``atexit`` work; the progress spinner's thread is a daemon; temporary
    folders are removed where they are used).  Code meant to run after the command in its
    process (a peak-memory reader, coverage's data) does not: such a wrapper runs the
    command as a child, or calls :func:`main`, as tests and scripts do in their own
    long-lived processes."""
    code = main()
    if "logging" in sys.modules:  # a library's handlers (napalm's) flushed as at exit
        sys.modules["logging"].shutdown()
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as e:
        # Output not written (a full disk, a closed pipe) and not said yet: never exit 0.
        if code == 0:
            _say_unwritten_stdout(e)
            code = 2
    with contextlib.suppress(OSError, ValueError):  # nowhere left to say it
        sys.stderr.flush()
    os._exit(code)


# Exit status of an internal error (a bug), whatever the command: never 1, which
# ``trace`` gives a proven "blocked" and ``audit`` a finding (EX_SOFTWARE, sysexits.h).
EXIT_INTERNAL_ERROR = 70


def main(argv: list[str] | None = None) -> int:
    stderr = sys.stderr
    sys.stderr = _SafeStream(stderr)
    try:
        return _main(argv)
    except Exception:  # not a user mistake (those are InputError): a bug, reported as one
        import traceback

        from .secrets import Masker

        print(Masker().warning(traceback.format_exc()).rstrip("\n"), file=sys.stderr)  # may quote a line
        print(
            f"netaudit: internal error (exit {EXIT_INTERNAL_ERROR}): a bug in netaudit, not in the input; "
            "please report it with the traceback above",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR
    finally:
        sys.stderr = stderr


def _main(argv: list[str] | None) -> int:
    parser = _parser()
    if not (sys.argv[1:] if argv is None else argv):  # plain `netaudit`: the help, as a usage error
        parser.print_help(sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
        if args.command == "audit" and not args.paths and not (args.site and args.probes):
            parser.error("the following arguments are required: paths")  # live-only needs --site and --probes
    except UsageError as e:
        from .messages import render, t

        lang, options = usage_lang(sys.argv[1:] if argv is None else argv, parser.commands)
        print(t("cli.error", lang, message=render(usage_text(e.message, options), lang)), file=sys.stderr)
        return 2
    try:
        if args.command in ("audit", "report", "trace"):
            with _progress(args):
                if args.command == "audit":
                    return _audit(args)
                if args.command == "report":
                    return _report(args)
                return _trace(args)
        if args.command == "init":
            return _init(args)
        if args.command == "probe":
            return _probe(args)
        if args.command == "scan":
            return _scan(args)
        if args.command == "blueprint":
            return _blueprint(args)
        if args.command == "fix":
            return _fix(args)
    except InputError as e:
        from .messages import t
        from .secrets import Masker

        # In the command's --lang; a command without one (probe, scan) speaks English.
        lang = getattr(args, "lang", "en")
        print(t("cli.error", lang, message=Masker().warning(e.render(lang))), file=sys.stderr)  # may quote a line
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


def _to_file(output: str | None) -> bool:
    return bool(output) and output != "-"


def _progress(args):
    """A spinner on stderr for work over a second, on a terminal only (netaudit/progress.py)."""
    from .messages import t
    from .progress import Progress

    first = "cli.progress.reading_audit" if args.command == "report" else "cli.progress.auditing"
    return Progress(getattr(sys.stderr, "_stream", sys.stderr), t(first, args.lang))


def _phase(key: str, lang: str, **fields) -> None:
    """The spinner's phase: the catalogue's ``key`` in ``lang``."""
    from . import progress
    from .messages import t

    progress.phase(t(key, lang, **fields))


def _stdout(text: str | bytes) -> None:
    from . import progress

    progress.stop()  # the spinner's line is gone before the output comes
    try:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as e:
        # The disk full or the reader gone: the environment's failure, not a bug.  What
        # is left in the buffer is dropped, so that no later flush says it again.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stands for stdout until exit
        raise InputError(_unwritten_stdout(e), "-") from None


def _unwritten_stdout(e: BaseException) -> Text:
    error = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
    return Text("output.error.cannot_write", what=Text("output.what.stdout"), error=error)


def _say_unwritten_stdout(e: BaseException) -> None:
    from .messages import t

    with contextlib.suppress(OSError, ValueError):
        print(t("cli.error", "en", message=f"-: {_unwritten_stdout(e).render('en')}"), file=sys.stderr)


def _read_inputs(paths, site: str | None = None) -> list[Path]:
    """Files this run reads that are known before loading: the files named, the site
    file, and the site file each folder would supply."""
    out: list[Path] = []
    for p in map(Path, paths):
        out += [p / "site.yaml", p / "site.yml"] if p.is_dir() else [p]
    if site:
        out.append(Path(site))
    return out


def _plan_outputs(args, inputs: list[Path]) -> list[tuple[str, str]]:
    """The files this run will write, as (path, what), checked before any work: none is
    a symbolic link, a folder or an input, each folder exists (outputs.check)."""
    from . import outputs
    from .report import BINARY_FORMATS

    if args.format in BINARY_FORMATS and not _to_file(args.output):
        raise InputError(Text("cli.error.binary_format", format=args.format))
    planned: list[tuple[str, str]] = []
    if _to_file(args.output):
        planned.append((args.output, "report"))
    target = _diagram_target(args)
    if target:
        planned.append((target, "diagram"))
    for path, what in planned:
        outputs.check(path, inputs, what)
    outputs.check_distinct(planned)
    return planned


def _diagram_target(args) -> str | None:
    """Where the editable diagram goes (html/pdf/docx/md): --diagram, else next to -o."""
    if args.format not in ("html", "pdf", "docx", "md"):
        return None
    if args.diagram == "-":
        raise InputError(Text("cli.error.diagram_file"))
    if args.diagram:
        return args.diagram
    return str(Path(args.output).with_suffix(".drawio")) if _to_file(args.output) else None


def _commit(planned: list[tuple[str, str]], contents: dict[str, str | bytes], inputs: list[Path]) -> None:
    """Write every planned file atomically, the report first (outputs.write_files)."""
    from . import outputs

    outputs.write_files([(path, contents[what], what) for path, what in planned if what in contents], inputs)


def _render_options(args, **kw):
    from .report import RenderOptions

    return RenderOptions(
        lang=args.lang,
        show_secrets=args.show_secrets,
        standard=args.standard,
        inspected_by=args.inspected_by,
        prepared_by=args.prepared_by,
        address=args.address,
        inspection_date=args.inspection_date,
        doc_number=args.doc_number,
        record_number=args.record_number,
        record_date=args.record_date,
        detail=args.detail,
        **kw,
    )


def _render_doc_output(doc: dict, args, opts, planned, inputs) -> None:
    """Render the report of a JSON audit document (and its .drawio for html/pdf/md),
    then write them together; a failure anywhere leaves no file behind."""
    from .messages import t
    from .report import render_doc

    contents: dict[str, str | bytes] = {}
    target = _diagram_target(args)
    if target:
        from .report.dot import dot_available
        from .report.drawio import render as drawio

        _phase("cli.progress.diagram", opts.lang)
        contents["diagram"] = drawio(doc, opts.lang)
        opts.drawio_name = Path(target).name
        if not dot_available():
            print(t("cli.warning", opts.lang, message=t("cli.warning.no_dot", opts.lang)), file=sys.stderr)
    _phase("cli.progress.rendering", opts.lang, format=args.format.upper())
    report = render_doc(doc, args.format, opts)
    if _to_file(args.output):
        contents["report"] = report
    _phase("cli.progress.writing", opts.lang)
    _commit(planned, contents, inputs)
    if not _to_file(args.output):
        _stdout(report)


def _audit(args) -> int:
    from . import outputs
    from .audit import run_audit
    from .report import render

    inputs = _read_inputs(args.paths, args.site)
    runs = []
    if args.probes:  # the nmap/probe loader (XML) only when there are probes
        from .live.nmap import load as load_probes

        runs = [load_probes(spec) for spec in args.probes]  # InputError: exit 2, one line
    inputs += [Path(r.file) for r in runs]
    planned = _plan_outputs(args, inputs)
    if not args.paths:  # no configurations: the matrix from the probes alone (docs/live.md)
        from .audit import run_live_only

        audit = run_live_only(args.site, runs)
    else:
        audit = run_audit(
            args.paths,
            args.site,
            on_snapshot=lambda snap: outputs.check_not_inputs([p for p, _ in planned], snap),
            probes=runs,
        )
    color = args.color == "always" or (
        args.color == "auto" and not args.output and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    opts = _render_options(args, color=color and args.format == "text")
    from .audit import failures

    # The reasons may quote an input line (an input problem): masked like the report.
    from .secrets import Masker

    masker = Masker(audit.devices, [z.name for z in audit.zones], show=getattr(args, "show_secrets", False))
    reasons = [masker.warning(r.render(args.lang)) for r in failures(audit, args.fail_on, args.standard)]
    if args.format == "text":
        out = render(audit, args.format, opts)
        if _to_file(args.output):
            _commit(planned, {"report": out}, inputs)
        else:
            _stdout(out)
    else:
        from .report import render_doc
        from .report.json_report import audit_dict

        doc = audit_dict(audit, opts)
        # The document holds all the report needs: the analysis (model, packet sets)
        # is let go before its text is written (a large audit's peak memory).
        del audit, masker
        if args.format == "json":
            out = render_doc(doc, "json", opts, masked=True)
            if _to_file(args.output):
                _commit(planned, {"report": out}, inputs)
            else:
                _stdout(out)
        else:
            _render_doc_output(doc, args, opts, planned, inputs)
    _tell_written(planned, args.lang, reasons, args.fail_on)
    return 1 if reasons else 0


def _tell_written(
    planned: list[tuple[str, str]], lang: str, reasons: list[str] | None = None, fail_on: str = ""
) -> None:
    """On stderr, once files were written: which, and (audit) what the exit status means,
    so that an exit 1 with nothing on the terminal does not look like a crash — in the
    output's language (``reasons`` already are)."""
    from . import progress
    from .messages import t

    if not planned:
        return
    progress.stop()
    files = ", ".join(f"{path} ({t(f'cli.wrote.{w}', lang)})" for path, w in planned)
    print(t("cli.wrote", lang, files=files), file=sys.stderr)
    if reasons is None:
        return
    if reasons:
        print(t("cli.exit_fail", lang, reasons="; ".join(reasons)), file=sys.stderr)
    else:
        print(t("cli.exit_pass", lang, severity=t(f"fail.level.{fail_on}", lang)), file=sys.stderr)


def _report(args) -> int:
    from .report import load_doc

    inputs = [Path(args.file)]
    planned = _plan_outputs(args, inputs)
    doc = load_doc(args.file)
    _render_doc_output(doc, args, _render_options(args), planned, inputs)
    _tell_written(planned, args.lang)
    return 0


def _init(args) -> int:
    from . import inputs, outputs, topology, zones
    from .messages import render, t

    folder = Path(args.dir)
    if not folder.is_dir():
        raise InputError(Text("cli.error.not_folder"), args.dir)
    target = Path(args.output) if _to_file(args.output) else folder / "site.yaml"
    if args.output != "-":
        outputs.check(target, what="site file")
        if target.exists() and not args.force:
            raise InputError(Text("cli.error.exists"), str(target))
    snap = inputs.load_snapshot([folder])
    if args.output != "-":
        outputs.check_not_inputs([target], snap)
    topo = topology.build(snap.devices)
    site = zones.infer_site(snap.devices, topo)
    from .secrets import Masker

    masker = Masker(snap.devices, [z.name for z in site.zones])
    # The draft's comments quote descriptions as written: a secret there is masked too.
    text = masker.prose(zones.site_to_yaml(site, args.lang))
    if args.output == "-":
        _stdout(text)
    else:
        outputs.write_files([(target, text, "site file")])
        print(t("cli.init.wrote", args.lang, file=target, n=len(site.zones)), file=sys.stderr)
    if not site.zones:
        print(t("cli.init.no_zones", args.lang), file=sys.stderr)
    if site.notes:
        print(t("cli.init.notes", args.lang, n=len(site.notes)), file=sys.stderr)
    for w in list(snap.warnings) + zones.site_warnings(site):
        print(t("cli.warning", args.lang, message=masker.warning(render(w, args.lang))), file=sys.stderr)
    return 0


def _trace(args) -> int:
    from .collector import collector_paused
    from .safetext import clean, dumps_json
    from .trace import EXIT_CODES, render_trace, trace

    # BDD work, like an audit's (collector.collector_paused); InputError on bad arguments
    result = collector_paused(trace)(args.paths, args.site, args.src, args.dst, args.service)
    if args.format == "json":
        _stdout(dumps_json(result, indent=2) + "\n")
    else:
        _stdout(clean(render_trace(result, args.lang)))
    return EXIT_CODES[result["verdict"]]  # 0 reachable, 1 blocked, 3 unknown


def _probe_parser(sub) -> None:
    """``netaudit probe``: live probes from inside one zone (netaudit/live/probe.py)."""
    pr = sub.add_parser("probe", help="send probes from inside a zone (scapy; root or CAP_NET_RAW)")
    pr.add_argument("--zone", required=True, help="the zone this machine sits in (vantage point)")
    pr.add_argument("--plan", help="JSON audit (netaudit audit --format json -o audit.json) or a config folder")
    pr.add_argument("--site", help="site.yaml: plan from the zones alone (or the site file of --plan DIR)")
    pr.add_argument("-o", "--output", help="probe result file (JSON netaudit/probes/v1; '-' = stdout)")
    pr.add_argument("--rate", default="200/s", help="probes per second, e.g. 200/s (default)")
    pr.add_argument("--timeout", type=float, default=1.0, help="seconds to wait for answers (default 1)")
    pr.add_argument("--max-time", type=float, default=300.0, help="global time bound in seconds (default 300)")
    pr.add_argument("--max-probes", type=int, default=2000, help="at most this many probes (default 2000)")
    pr.add_argument("--per-zone", type=int, default=16, help="at most this many addresses per zone (default 16)")
    pr.add_argument("--allow-target", action="append", default=[], metavar="ADDR", help="probe ADDR even out of scope")
    pr.add_argument("--target", action="append", default=[], metavar="ADDR", help="also probe ADDR (scope-checked)")
    pr.add_argument("--iface", help="interface to capture answers on (default: the default route's)")
    pr.add_argument("--trace", action="store_true", help="also a TTL-limited trace toward one address per zone")
    pr.add_argument("--trace-hops", type=int, default=8, help="at most this many hops per trace (default 8, max 30)")
    pr.add_argument("--ssid", help="the Wi-Fi network this machine is on (default: asked of iw / iwgetid)")
    pr.add_argument("--dry-run", action="store_true", help="print the plan and send nothing")


def _probe(args) -> int:
    from . import outputs
    from .live.plan import load_plan
    from .safetext import clean, dumps_json

    if not args.dry_run and not args.output:
        raise InputError(Text("cli.error.probe_output"))
    if args.max_probes < 1 or args.per_zone < 1 or args.timeout <= 0 or args.max_time <= 0:
        raise InputError(Text("cli.error.probe_positive"))
    if not 1 <= args.trace_hops <= 30:
        raise InputError(Text("cli.error.trace_hops"))
    inputs = [Path(p) for p in (args.plan, args.site) if p]
    if _to_file(args.output) and not args.dry_run:
        outputs.check(args.output, inputs, "probe result")
    plan = load_plan(
        args.zone,
        args.plan,
        args.site,
        max_probes=args.max_probes,
        per_zone=args.per_zone,
        allow=args.allow_target,
        targets=args.target,
    )
    if args.dry_run:
        lines = [f"netaudit probe plan from zone {args.zone}: {len(plan.targets)} probes"]
        if plan.dropped:
            lines.append(f"  ({plan.dropped} more cut by --max-probes {plan.max_probes})")
        for zone, counts in plan.summary().items():
            addrs = len({t.dst for t in plan.targets if t.zone == zone})
            services = ", ".join(f"{s} x{n}" for s, n in counts.items())
            lines.append(f"  {zone}: {addrs} addresses, {sum(counts.values())} probes: {services}")
        for r in plan.refused:
            lines.append(f"  refused {r['dst']}: {r['why']}")
        _stdout(clean("\n".join(lines) + "\n"))
        return 0
    from .live.probe import Options, parse_rate, progress_printer, run

    opts = Options(
        rate=parse_rate(args.rate),
        timeout=args.timeout,
        max_time=args.max_time,
        iface=args.iface,
        traces=args.trace,
        trace_hops=args.trace_hops,
        ssid=args.ssid,
        progress=progress_printer(),
    )
    text = dumps_json(run(plan, opts), indent=2) + "\n"
    if _to_file(args.output):
        outputs.write_files([(args.output, text, "probe result")], inputs)
    else:
        _stdout(text)
    return 0


def _scan_parser(sub) -> None:
    """``netaudit scan``: discovery from the vantage point (netaudit/live/scan.py)."""
    sc = sub.add_parser("scan", help="ARP sweep, gateway, traces and a service check from here (root)")
    sc.add_argument("--site", help="site.yaml: the vantage zone, the scope, one trace per zone")
    sc.add_argument("-o", "--output", help="scan result file (JSON netaudit/probes/v1; '-' = stdout)")
    sc.add_argument("--iface", help="interface (default: the default route's)")
    sc.add_argument("--rate", default="200/s", help="packets per second, e.g. 200/s (default)")
    sc.add_argument("--timeout", type=float, default=1.0, help="seconds to wait for answers (default 1)")
    sc.add_argument("--max-time", type=float, default=120.0, help="global time bound in seconds (default 120)")
    sc.add_argument("--max-hosts", type=int, default=256, help="at most this many addresses swept (default 256)")
    sc.add_argument("--ssid", help="the Wi-Fi network this machine is on (default: asked of iw / iwgetid)")
    sc.add_argument("--dry-run", action="store_true", help="print what would be sent and send nothing")


def _scan(args) -> int:
    from . import outputs
    from .live.probe import parse_rate, progress_printer
    from .live.scan import UNKNOWN_NOTE, UNKNOWN_ZONE, ScanOptions, describe, make_plan, scan
    from .safetext import clean, dumps_json

    if not args.dry_run and not args.output:
        raise InputError(Text("cli.error.scan_output"))
    if args.max_hosts < 1 or args.timeout <= 0 or args.max_time <= 0:
        raise InputError(Text("cli.error.scan_positive"))
    opts = ScanOptions(
        rate=parse_rate(args.rate),
        timeout=args.timeout,
        max_time=args.max_time,
        max_hosts=args.max_hosts,
        iface=args.iface,
        ssid=args.ssid,
        progress=progress_printer(),
    )
    if args.dry_run:
        _stdout(clean("\n".join(describe(make_plan(opts, args.site))) + "\n"))
        return 0
    inputs = [Path(args.site)] if args.site else []
    if _to_file(args.output):
        outputs.check(args.output, inputs, "scan result")
    doc = scan(opts, args.site)
    if doc["vantage"]["zone"] == UNKNOWN_ZONE:
        print(f"netaudit scan: vantage zone unknown: {UNKNOWN_NOTE}", file=sys.stderr)
    text = dumps_json(doc, indent=2) + "\n"
    if _to_file(args.output):
        outputs.write_files([(args.output, text, "scan result")], inputs)
    else:
        _stdout(text)
    return 0


def _blueprint_parser(sub) -> None:
    """``netaudit blueprint``: model network architectures (netaudit/blueprint/)."""
    b = sub.add_parser("blueprint", help="generate a model network from an intent file, proven by its own audit")
    b.add_argument("intent", nargs="?", help="intent.yaml (start from --example)")
    b.add_argument("-o", "--output", help="output folder (configs, site.yaml, plan, diagram, document, audit)")
    b.add_argument("--example", metavar="TYPE", help="print an example intent: commune, ward, ttpvhcc, department")
    b.add_argument("--vendor", default="routeros", help="edge vendor of --example: routeros, ios, fortios, asa")
    b.add_argument("--lang", default="vi", choices=["vi", "en"], help="language of the document (default vi)")
    b.add_argument("--no-pdf", dest="pdf", action="store_false", help="skip the PDF of the document")


def _blueprint(args) -> int:
    from .blueprint import EDGE_VENDORS, UNIT_TYPES, example, generate
    from .messages import t

    if args.example:
        if args.example not in UNIT_TYPES:
            raise InputError(Text("cli.error.example", choices=", ".join(UNIT_TYPES), value=repr(args.example)))
        if args.vendor not in EDGE_VENDORS:
            choices = ", ".join(EDGE_VENDORS)
            raise InputError(Text("site.error.one_of", what="--vendor", choices=choices, value=repr(args.vendor)))
        _stdout(example(args.example, args.vendor))
        return 0
    if not args.intent or not args.output:
        raise InputError(Text("cli.error.blueprint_args"))
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise InputError(Text("cli.error.output_folder"), str(out))
    result = generate(args.intent, out, args.lang, pdf=args.pdf)
    problems = result.proof.lines(args.lang)
    for line in problems:
        print(f"netaudit: blueprint: {line}", file=sys.stderr)
    verdict = (
        t("cli.blueprint.holds", args.lang) if not problems else t("cli.blueprint.fails", args.lang, n=len(problems))
    )
    _stdout(t("cli.blueprint.summary", args.lang, n=len(result.files), folder=out, verdict=verdict) + "\n")
    return 0 if not problems else 1


def _fix_parser(sub) -> None:
    """``netaudit fix``: one verified change set per device (netaudit/remedy/)."""
    f = sub.add_parser("fix", help="one change set per device, re-audited before it is proposed")
    f.add_argument("paths", nargs="+", help="config folder(s) or files, as for audit")
    f.add_argument("--site", help="site.yaml (default: DIR/site.yaml)")
    f.add_argument("-o", "--output", required=True, help="output folder: <device>.txt, after/, README.md")
    f.add_argument("--lang", default="vi", choices=["vi", "en"], help="language of the change sets (default vi)")


def _fix(args) -> int:
    from .inputs import OUTPUT_FOLDER_MARK
    from .remedy.prove import run_fix
    from .remedy.write import write

    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise InputError(Text("cli.error.output_folder"), str(out))
    if not out.parent.is_dir():  # as audit -o: a mistyped path is not created
        raise InputError(Text("cli.error.output_parent", folder=str(out.parent)), str(out))
    try:
        out.mkdir(exist_ok=True)
        # The next audit of a folder holding this one does not read it as configurations.
        (out / OUTPUT_FOLDER_MARK).write_text("generated by netaudit fix: not an input of an audit\n")
        result = run_fix(args.paths, args.site, out)
        summary = write(result, out, args.lang)
    except OSError as e:
        raise InputError(Text("cli.error.output_write", error=str(e.strerror or e)), str(e.filename or out)) from None
    _stdout(summary)
    return 0 if result.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
