"""Command line: ``netaudit audit | init | trace``.

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
    a.add_argument("--format", default="text", choices=["text", "json"])
    a.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    a.add_argument("--fail-on", default="high", choices=SEVERITIES,
                   help="exit 1 when a finding at or above this severity exists (default: high)")
    a.add_argument("--lang", default="vi", choices=["vi", "en"])
    a.add_argument("--show-secrets", action="store_true", help="do not mask secrets in output")
    a.add_argument("--color", choices=["auto", "always", "never"], default="auto")

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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "audit":
            return _audit(args)
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


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _audit(args) -> int:
    from .audit import run_audit
    from .report import RenderOptions, render
    audit = run_audit(args.paths, args.site)
    color = args.color == "always" or (args.color == "auto" and not args.output
                                       and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    opts = RenderOptions(lang=args.lang, show_secrets=args.show_secrets,
                         color=color and args.format == "text")
    _write(render(audit, args.format, opts), args.output)
    threshold = SEVERITIES.index(args.fail_on)
    failing = [f for f in audit.findings if SEVERITIES.index(f.severity) <= threshold]
    return 1 if failing else 0


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
    for w in snap.warnings:
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
