"""A filter's default action — the sentence netaudit writes for what a filter does with a
packet no line matches (``Filter.default_text``) — in the report's language.

A witness path, a blocked cell's blocking lines, a finding's evidence and the root-cause
table cite it.  The JSON keeps the citation's ``text`` English and adds ``text_text``
{vi, en} (docs/report.md); Markdown, HTML, SARIF, the terminal summary and ``netaudit
trace`` show the report's language; a configuration line is never translated.
"""

from __future__ import annotations

import html
import json

import pytest
from helpers import SAMPLES, audit_cli, run_cli

ROUTEROS = SAMPLES / "routeros-commune-leaky-firewall"
HUAWEI = SAMPLES / "huawei-commune-leaky"
ASA = SAMPLES / "asa-department-compliant"

ROS_EN = "no rule matched, RouterOS accepts (implicit accept of the chain) (permit)"
ROS_VI = "không có quy tắc nào khớp: RouterOS mặc định cho qua (chấp nhận ngầm định của chain) (cho qua)"
EMPTY_EN = "forward: no rule in this chain: RouterOS forwards every packet (permit)"
EMPTY_VI = "forward: chain này không có quy tắc nào: RouterOS chuyển tiếp mọi gói tin (cho qua)"
VRP_EN = "3030 (traffic-filter): no rule matched: VRP's traffic-filter lets the packet pass (permit)"
VRP_VI = "3030 (traffic-filter): không có quy tắc nào khớp: traffic-filter của VRP cho gói tin đi qua (cho qua)"
ASA_EN = "asa-mgmt-icmp: not permitted by any management access line"
ASA_VI = "asa-mgmt-icmp: không có dòng cấu hình truy cập quản trị nào cho phép"


def _empty_forward_chain(tmp_path):
    """The RouterOS sample without its forward rules: RouterOS forwards every packet (an
    empty chain, cited at the file: no line)."""
    rsc = (ROUTEROS / "ubndbm-hapax3.rsc").read_text(encoding="utf-8")
    (tmp_path / "ubndbm-hapax3.rsc").write_text(
        "".join(line for line in rsc.splitlines(keepends=True) if "chain=forward" not in line), encoding="utf-8"
    )
    (tmp_path / "site.yaml").write_text((ROUTEROS / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def citations(obj, where: str = ""):
    """``(where, citation)`` for every ``{"file", "text", …}`` of a JSON document."""
    if isinstance(obj, dict):
        if "file" in obj and "text" in obj:
            yield where, obj
        for k, v in obj.items():
            yield from citations(v, k if isinstance(v, list) else where)
    elif isinstance(obj, list):
        for v in obj:
            yield from citations(v, where)


def test_json_keeps_the_english_text_and_adds_both_languages():
    _, out, _ = audit_cli(ROUTEROS)
    cited = list(citations(json.loads(out)))
    defaults = [(w, c) for w, c in cited if c["text"].endswith(ROS_EN)]
    # in the witness paths and in the findings' evidence (the root causes) alike
    assert {"rules", "evidence"} <= {w for w, _ in defaults}
    for _, c in defaults:
        assert c["text_text"] == {"vi": c["text"].replace(ROS_EN, ROS_VI), "en": c["text"]}
    # a configuration line is quoted as written, in one language
    assert all("text_text" not in c for _, c in cited if not c["text"].endswith(ROS_EN))
    # and a blocked cell's blocking lines: the ASA's management access, implicitly denied
    _, out, _ = audit_cli(ASA)
    blocking = [c for w, c in citations(json.loads(out)) if w == "blocked_by" and c["text"] == ASA_EN]
    assert blocking and all(c["text_text"] == {"vi": ASA_VI, "en": ASA_EN} for c in blocking)


@pytest.mark.parametrize(
    "folder,vi,en,core",
    [
        (ROUTEROS, ROS_VI, ROS_EN, "RouterOS accepts"),
        ("empty-forward", EMPTY_VI, EMPTY_EN, "RouterOS forwards every packet"),
        (HUAWEI, VRP_VI, VRP_EN, "VRP's traffic-filter lets the packet pass"),
        (ASA, ASA_VI, ASA_EN, "not permitted by any management access line"),
    ],
    ids=["routeros", "routeros-empty-forward", "huawei-vrp", "asa"],
)
def test_markdown_says_the_default_action_in_the_report_language(tmp_path, folder, vi, en, core):
    """Vietnamese in a Vietnamese report, as a sentence (italics), never the English
    (``core``: the vendor's sentence, wherever it would be cited); English in an English one."""
    folder = _empty_forward_chain(tmp_path) if folder == "empty-forward" else folder
    _, out, _ = audit_cli(folder, fmt="md", lang="vi")
    assert f"*{vi}*" in out or f"*input: {vi}*" in out
    assert core not in out
    _, out, _ = audit_cli(folder, fmt="md", lang="en")
    assert en in out and vi not in out


def test_html_sarif_and_the_terminal_say_it_in_the_report_language():
    for fmt in ("html", "sarif", "text"):
        for lang, said, other in (("vi", VRP_VI, VRP_EN), ("en", VRP_EN, VRP_VI)):
            _, out, _ = audit_cli(HUAWEI, fmt=fmt, lang=lang)
            out = html.unescape(out) if fmt == "html" else out
            assert said in out and other not in out, (fmt, lang)


def test_trace_says_it_in_the_report_language():
    args = ("trace", ASA, "--from", "staff", "--to", "@devices", "--service", "icmp")
    _, out, _ = run_cli(*args, "--lang", "vi")
    assert ASA_VI in out and ASA_EN not in out
    _, out, _ = run_cli(*args, "--format", "json")
    (cite,) = [b for b in json.loads(out)["blocked_by"] if b["text"] == ASA_EN]
    assert cite["text_text"] == {"vi": ASA_VI, "en": ASA_EN}
    _, out, _ = run_cli("trace", HUAWEI, "--from", "counter", "--to", "staff", "--lang", "vi")
    assert VRP_VI in out and VRP_EN not in out
