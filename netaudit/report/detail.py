"""How much of an audit the report prints (``--detail summary|full``, docs/report.md,
"Summary and full detail").

``full`` prints everything (the HTML and Markdown default).  ``summary`` (the PDF and DOCX
default) cuts the long lists of a large audit so that the printed report stays an annex
an inspector can read: every list has a cap — a list longer than ``over`` is cut to its
first ``keep`` items — and every cut says how many items were left out and where they are
in full (the HTML report, the JSON file, or the report again with ``--detail full``).
The caps sit above what the sample offices produce, so a small audit prints the same in
both modes (tests/report/test_detail.py).
"""

from __future__ import annotations

from dataclasses import dataclass

DETAILS = ("summary", "full")
# The detail of a format when --detail is not given: the print formats and the terminal
# are summarised.
DEFAULT_DETAIL = {"pdf": "summary", "docx": "summary", "html": "full", "md": "full", "text": "summary"}


def resolve(fmt: str, detail: str | None) -> str:
    """``detail`` as given, else the format's default (``summary`` for pdf, docx and the
    terminal, ``full`` for html/md); JSON and SARIF are always complete (``full``)."""
    if fmt not in DEFAULT_DETAIL:
        return "full"
    if detail in DETAILS:
        return str(detail)
    return DEFAULT_DETAIL[fmt]


@dataclass(frozen=True)
class Cap:
    """A list longer than ``over`` items is cut to its first ``keep`` (summary only)."""

    over: int
    keep: int


# Section 4.  Above FINDINGS.over findings, each kind of finding (check) is printed with its
# first PER_CHECK instances (the most severe, in print order), at most FINDINGS.keep in all
# (a printed consequence brings the entry it refers to); the others are counted per kind
# in one closing entry "Các tồn tại khác" and referred to by its number.
FINDINGS = Cap(30, 16)
PER_CHECK = 2
# Consequences named under a root cause or its full entry (only a large audit has more than
# FINDINGS.over in one root cause).
CONSEQUENCES = Cap(FINDINGS.over, 8)
EVIDENCE = Cap(12, 8)  # evidence lines of one finding
FINDING_ZONES = Cap(12, 8)  # zones named by one finding
LIST_IN_TEXT = Cap(12, 8)  # items of one list in a sentence (zones, services, interfaces): View.cut_runs
REFS = Cap(30, 10)  # sections named in one run of references (compliance evidence, consequences)
# Section 3.  Flows detailed with their witness path: violations first, then unknown
# cells, then allowed ones (every cell's verdict stays in the matrix table).
FLOWS = Cap(48, 16)
FLOWS_MANY_ZONES = Cap(24, 8)  # above MATRIX_COMPACT zones
# Above this many zones, the cells of the summary's matrix table hold the verdict only.
MATRIX_COMPACT = 10
# Above this many zones, the summary prints the matrix by zone kind and, per source zone,
# the zones it reaches (matrix_view._group) instead of one cell per zone pair.
MATRIX_GROUPED = 20
OPEN_DESTINATIONS = Cap(8, 6)  # zones named in one list of a source zone's row
OPEN_SOURCES = Cap(60, 40)  # rows of source zones
BLOCKED = Cap(80, 30)  # rows of the blocked-flow table
BLOCKED_MANY_ZONES = Cap(40, 15)  # above MATRIX_COMPACT zones
# Section 1.  Above this many zones, the zone table keeps the zones with a placement
# problem; sections 6.2 and annex A list them all (the terminal summary names the zones
# by kind above SCOPE_ZONES).
PRINT_ZONES = MATRIX_COMPACT
SCOPE_ZONES = 20
INPUTS = Cap(100, 60)
WARNINGS = Cap(24, 12)
UNRECOGNIZED = Cap(20, 10)  # per file (the JSON itself holds at most 40 per file)
PARTIAL = Cap(30, 15)
# Addresses, VLANs and gateways in one table cell (zones, IP plan, annex A).
CELL_ITEMS = Cap(8, 4)
# Section 6 and annex A.
DEVICES = Cap(60, 40)
LINKS = Cap(12, 6)
POLICY = Cap(40, 30)
# The remediation plan: change-set lines per device, devices, findings no change closes.
PLAN_LINES = Cap(30, 10)
ANTISPOOFS = Cap(4, 0)  # more anti-spoofing lines on one device: one line naming the interfaces
PLAN_DEVICES = Cap(12, 8)
# The printed change sets' lines in all: above PLAN_TOTAL.over, PLAN_TOTAL.keep shared
# equally between the printed sets, at least PLAN_LINES_MIN each.
PLAN_TOTAL = Cap(60, 40)
PLAN_LINES_MIN = 3
UNFIXABLE = Cap(10, 5)
# Live verification and the reference-model comparison.
LIVE_CELLS = Cap(60, 30)
REFERENCE_EXTRA = Cap(40, 20)
# The terminal summary (text.py).  A zone's subnets are named in part (messages.named_list);
# above SCOPE_ZONES zones the zones are named by kind (those with a placement problem in
# full); above MATRIX_COMPACT zones the matrix lists the cells that are not simply blocked —
# violations, unknown, reachable, in that order, TEXT_CELLS at most — and counts the
# blocked ones; above FINDINGS.over findings each check prints its first TEXT_PER_CHECK,
# FINDINGS.over in all, the others counted by check; above INPUTS.over files the files with
# a problem and the first INPUTS.keep others.
TEXT_CELLS = Cap(60, 40)
TEXT_PER_CHECK = 3
