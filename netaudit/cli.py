"""Command line: ``netaudit audit | report | init | trace``.

Exit codes (DESIGN §6): 0 no finding at or above ``--fail-on``; 1 such findings;
2 usage error or unusable input, with a one-line message saying what and where.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .model import InputError

SEVERITIES = ("critical", "high", "medium", "low", "info")
FORMATS = ("text", "json", "html", "pdf", "md", "sarif")
STANDARDS = ("nd331-2026", "tt12-2022")


class _Parser(argparse.ArgumentParser):
    def error(self, message):          # one line, exit 2
        self.exit(2, f"netaudit: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="netaudit", description="Network segmentation auditor")
    from . import __version__
    p.add_argument("--version", action="version", version=f"netaudit {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    a = sub.add_parser("audit", help="audit a folder (or files) of device configs")
    a.add_argument("paths", nargs="+", help="config folder or files")
    a.add_argument("--site", help="site.yaml (default: site.yaml next to the configs, else inferred)")
    a.add_argument("--format", default="text", choices=FORMATS)
    a.add_argument("-o", "--output", help="write the report to this file instead of stdout (required for pdf)")
    a.add_argument("--fail-on", default="high", choices=SEVERITIES,
                   help="exit 1 when a finding at or above this severity exists (default: high)")
    a.add_argument("--lang", default="vi", choices=["vi", "en"])
    a.add_argument("--show-secrets", action="store_true", help="do not mask secrets in output")
    a.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    _report_options(a)

    r = sub.add_parser("report", help="re-render a saved JSON audit (netaudit audit --format json)")
    r.add_argument("file", help="audit JSON file")
    r.add_argument("--format", default="html", choices=[f for f in FORMATS if f != "text"])
    r.add_argument("-o", "--output", help="write the report to this file instead of stdout (required for pdf)")
    r.add_argument("--lang", default="vi", choices=["vi", "en"])
    r.add_argument("--show-secrets", action="store_true",
                   help="do not re-mask keyword secrets (values masked when the JSON was written stay masked)")
    _report_options(r)

    i = sub.add_parser("init", help="write DIR/site.yaml with zones inferred from the configs")
    i.add_argument("dir")
    i.add_argument("--force", action="store_true", help="overwrite an existing site.yaml")
    i.add_argument("-o", "--output", help="write here instead of DIR/site.yaml ('-' = stdout)")

    t = sub.add_parser("trace", help="follow one flow hop by hop")
    t.add_argument("paths", nargs="+")
    t.add_argument("--site")
    t.add_argument("--from", dest="src", required=True, help="source zone")
    t.add_argument("--to", dest="dst", required=True, help="destination IP address or zone")
    t.add_argument("--service", default="ip", help="e.g. tcp/445, udp/53, icmp/8, ip")
    t.add_argument("--lang", default="vi", choices=["vi", "en"])
    t.add_argument("--format", default="text", choices=["text", "json"])
    return p


def _iso_date(text: str) -> str:
    from datetime import date
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _report_options(p: argparse.ArgumentParser) -> None:
    """Options of the inspection reports (html, pdf, md, sarif; cover fields also go to json)."""
    p.add_argument("--standard", choices=STANDARDS, default=None,
                   help="compliance regime: nd331-2026 (default) or tt12-2022 (dossiers under Decree 85/2016)")
    p.add_argument("--inspector", dest="inspected_by", metavar="NAME",
                   help="cover: inspected by (site.yaml: inspected_by)")
    p.add_argument("--prepared-by", dest="prepared_by", metavar="NAME",
                   help="cover: prepared by (site.yaml: prepared_by)")
    p.add_argument("--address", help="cover: the unit's address (site.yaml: address)")
    p.add_argument("--date", dest="inspection_date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="cover: inspection date (site.yaml: inspection_date; default: the report date)")
    p.add_argument("--diagram", metavar="FILE.drawio",
                   help="write the editable diagram here (html/pdf/md default: next to -o, as NAME.drawio)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "audit":
            return _audit(args)
        if args.command == "report":
            return _report(args)
        if args.command == "init":
            return _init(args)
        if args.command == "trace":
            return _trace(args)
    except InputError as e:
        print(f"netaudit: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


def _write(text: str | bytes, output: str | None) -> None:
    if output and output != "-":
        try:
            if isinstance(text, bytes):
                Path(output).write_bytes(text)
            else:
                Path(output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot write: {e.strerror}", output) from None
    elif isinstance(text, bytes):
        sys.stdout.buffer.write(text)
    else:
        sys.stdout.write(text)


def _check_output(args) -> None:
    """Fail fast (exit 2) before the audit when the output cannot be produced."""
    if args.format == "pdf" and (not args.output or args.output == "-"):
        raise InputError("--format pdf writes a binary file: give -o FILE.pdf")
    if args.output and args.output != "-":
        parent = Path(args.output).resolve().parent
        if not parent.is_dir():
            raise InputError("output folder does not exist", str(parent))


def _render_options(args, **kw):
    from .report import RenderOptions
    return RenderOptions(lang=args.lang, show_secrets=args.show_secrets, standard=args.standard,
                         inspected_by=args.inspected_by, prepared_by=args.prepared_by, address=args.address,
                         inspection_date=args.inspection_date, **kw)


def _render_doc_output(doc: dict, args, opts) -> None:
    """Write the .drawio (html/pdf/md) and the report of a JSON audit document."""
    from .report import render_doc
    if args.format in ("html", "pdf", "md"):
        target = args.diagram or (str(Path(args.output).with_suffix(".drawio"))
                                  if args.output and args.output != "-" else None)
        if target:
            from .report.diagram import dot_available
            from .report.drawio import render as drawio
            try:
                Path(target).write_text(drawio(doc, opts.lang), encoding="utf-8")
                opts.drawio_name = Path(target).name
            except OSError as e:
                raise InputError(f"cannot write: {e.strerror}", target) from None
            if not dot_available():
                print("netaudit: warning: Graphviz (dot) not found: diagram laid out on a grid", file=sys.stderr)
    _write(render_doc(doc, args.format, opts), args.output)


def _audit(args) -> int:
    from .audit import run_audit
    from .report import render
    _check_output(args)
    audit = run_audit(args.paths, args.site)
    color = args.color == "always" or (args.color == "auto" and not args.output
                                       and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    opts = _render_options(args, color=color and args.format == "text")
    if args.format in ("text", "json"):
        _write(render(audit, args.format, opts), args.output)
    else:
        from .report.json_report import audit_dict
        _render_doc_output(audit_dict(audit, opts), args, opts)
    from .audit import failures
    return 1 if failures(audit, args.fail_on, args.standard) else 0


def _report(args) -> int:
    from .report import load_doc
    _check_output(args)
    doc = load_doc(args.file)
    _render_doc_output(doc, args, _render_options(args))
    return 0


def _init(args) -> int:
    from . import inputs, topology, zones
    folder = Path(args.dir)
    if not folder.is_dir():
        raise InputError("not a folder", args.dir)
    target = Path(args.output) if args.output and args.output != "-" else folder / "site.yaml"
    if args.output != "-" and target.exists() and not args.force:
        raise InputError("already exists; review it, or pass --force to overwrite", str(target))
    snap = inputs.load_snapshot([folder])
    topo = topology.build(snap.devices)
    site = zones.infer_site(snap.devices, topo)
    text = zones.site_to_yaml(site)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        target.write_text(text, encoding="utf-8")
        print(f"netaudit: wrote {target} with {len(site.zones)} inferred zones — review before auditing",
              file=sys.stderr)
    if site.notes:
        print(f"netaudit: {len(site.notes)} note(s) for the reviewer at the top of the draft", file=sys.stderr)
    for w in list(snap.warnings) + zones.site_warnings(site):
        print(f"netaudit: warning: {w}", file=sys.stderr)
    return 0


def _trace(args) -> int:
    import json

    from .trace import render_trace, trace
    try:
        result = trace(args.paths, args.site, args.src, args.dst, args.service)
    except ValueError as e:
        raise InputError(str(e)) from None
    if args.format == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_trace(result, args.lang))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
