"""netaudit/parsers/cisco_common.py: what IOS and ASA share."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.parsers.cisco_common import CLI_COMMAND, MARKDOWN_FENCE, MARKDOWN_HEADING, capture_markup

_PIECES = [
    "R-EDGE", "fw01", "R2(config)", "#", ">", "`", "```", "```ios", "# ", "## Cau hinh", "show run", "sh run",
    "SH RUN", "do show run", "en", "enable 15", "term len 0", "write", "more system:running-config",
    "access-list OUT extended permit tcp any host 10.0.0.1 eq 443", "remark >> cho phep", " ", "\t", "x",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).map("".join).map(str.strip).filter(bool))
def test_capture_markup_is_what_the_three_patterns_say(line):
    """capture_markup asks no pattern of a line without '#', '>' or a backquote, and
    says what CLI_COMMAND, MARKDOWN_FENCE and MARKDOWN_HEADING say of every line."""
    want = bool(CLI_COMMAND.match(line) or MARKDOWN_FENCE.match(line) or MARKDOWN_HEADING.match(line))
    assert capture_markup(line) == want


def test_capture_markup_on_real_captures():
    """A prompt with its command, a bare prompt, a fence and a heading are markup; a
    configuration line (a remark holding '>' too) is not."""
    for line in ("R-EDGE#show running-config", "fw01> sh run", "R2(config)#do show run", "Router>en", "fw01#"):
        assert capture_markup(line), line
    for line in ("```", "```ios", "# Cau hinh SwitchLv3"):
        assert capture_markup(line), line
    for line in ("access-list OUT remark >> cho phep web", "hostname fw01", "interface GigabitEthernet0/1"):
        assert not capture_markup(line), line
