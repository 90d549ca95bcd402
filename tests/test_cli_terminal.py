"""The terminal as a user meets it (issue #14, "Terminal"): the summary's last line answers
"can the guest Wi-Fi reach the internal network?", ``-o`` says what was written and what
the exit status means, plain ``netaudit`` prints the help, ``--service`` takes common
names, ``trace`` has exit codes scripts can use, and the spinner shows on a terminal only."""

from __future__ import annotations

import argparse
import io
import time

import pytest
from helpers import ROOT

from netaudit.cli import _parser, main

LEAKY = ROOT / "sample_configs" / "cisco-commune-leaky"
COMPLIANT = ROOT / "sample_configs" / "cisco-commune-compliant"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def last_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


@pytest.fixture
def unplaced_guest(sample_copy):
    """The compliant office with its guest zone on a subnet no device has: every guest
    verdict is unknown (the zone has no attachment point)."""
    office = sample_copy("cisco-commune-compliant")
    site = office / "site.yaml"
    text = site.read_text(encoding="utf-8")
    old = '    subnets: [10.10.40.0/24]\n    vlans: ["UBNDTP-CORE:40"]'
    assert old in text
    site.write_text(text.replace(old, "    subnets: [172.31.250.0/24]"), encoding="utf-8")
    return office


# --------------------------------------------------------------------------- the conclusion line


def test_leaky_office_answers_yes_with_where(capsys):
    code, out, _ = run(capsys, "audit", LEAKY, "--lang", "en")
    assert code == 1
    line = last_line(out)
    assert line.startswith("Conclusion: the guest Wi-Fi CAN reach the internal network — ")
    assert "guest → staff, servers, counter, mgmt (via UBNDHB-CORE)" in line  # the zones and the device
    assert "services of the network devices UBNDHB-CORE (" in line and "telnet" in line and "ssh" in line
    assert "internet" not in line  # the Internet is where a guest may go
    assert line.endswith("Overall: Fail.")
    code, out, _ = run(capsys, "audit", LEAKY)
    line = last_line(out)
    assert line.startswith("Kết luận: Wi-Fi khách CÓ vào được mạng nội bộ — guest → staff")
    assert "qua UBNDHB-CORE" in line and line.endswith("Kết luận chung: Không đạt.")


def test_guest_reaching_only_a_device_service_is_said_so(capsys):
    # The department's ASA answers telnet on its guest interface; every zone is closed to
    # the guest: the devices' services are named, not "the internal network".
    office = ROOT / "sample_configs" / "asa-department-leaky-mgmt"
    code, out, _ = run(capsys, "audit", office, "--lang", "en")
    assert code == 1
    assert last_line(out) == (
        "Conclusion: the guest Wi-Fi CAN reach services of the network devices beyond the policy — "
        "guest → services of the network devices SVHTTDL-FW01 (telnet). "
        "The internal zones: NOT reachable — proven over every packet. Overall: Fail."
    )
    _, out, _ = run(capsys, "audit", office)
    assert last_line(out).startswith("Kết luận: Wi-Fi khách CÓ vào được dịch vụ của thiết bị mạng ngoài chính sách")
    assert "Các vùng mạng nội bộ: KHÔNG vào được" in last_line(out)


def test_leak_on_one_segment_says_so(capsys):
    _, out, _ = run(capsys, "audit", ROOT / "sample_configs" / "routeros-commune-leaky-bridge", "--lang", "en")
    line = last_line(out)
    assert "guest → staff (on the same layer-2 segment, through no filter)" in line
    assert "UBNDTS-HAP (" in line and "winbox" in line


def test_compliant_office_answers_no(capsys):
    code, out, _ = run(capsys, "audit", COMPLIANT, "--lang", "en")
    assert code == 0
    assert last_line(out) == (
        "Conclusion: the guest Wi-Fi CANNOT reach the internal network — proven over every packet. Overall: Pass."
    )
    _, out, _ = run(capsys, "audit", COMPLIANT)
    assert last_line(out) == (
        "Kết luận: Wi-Fi khách KHÔNG vào được mạng nội bộ — đã chứng minh trên mọi gói tin. Kết luận chung: Đạt."
    )


def test_unknown_answer_says_why(capsys, unplaced_guest):
    code, out, _ = run(capsys, "audit", unplaced_guest, "--lang", "en")
    assert code == 1
    line = last_line(out)
    assert line.startswith("Conclusion: NOT KNOWN whether the guest Wi-Fi can reach the internal network — guest → ")
    assert "zone guest has no attachment point" in line
    assert line.endswith("Overall: Needs further checking.")
    _, out, _ = run(capsys, "audit", unplaced_guest)
    line = last_line(out)
    assert line.startswith("Kết luận: CHƯA XÁC ĐỊNH được Wi-Fi khách")
    assert line.endswith("Kết luận chung: Cần kiểm tra thêm.")


def test_no_guest_zone_is_not_known(capsys, sample_copy):
    office = sample_copy("cisco-commune-compliant")
    site = office / "site.yaml"
    text = site.read_text(encoding="utf-8")
    guest = "  guest:                       # Wi-Fi công cộng cho người dân\n    kind: guest\n"
    guest += '    subnets: [10.10.40.0/24]\n    vlans: ["UBNDTP-CORE:40"]\n'
    assert guest in text
    site.write_text(text.replace(guest, ""), encoding="utf-8")
    _, out, _ = run(capsys, "audit", office, "--lang", "en")
    assert "NOT KNOWN whether the guest Wi-Fi" in last_line(out)
    assert "no guest zone (kind: guest) is declared or recognized" in last_line(out)


def test_conclusion_follows_the_standard(capsys):
    _, out, _ = run(capsys, "audit", COMPLIANT, "--lang", "en", "--standard", "tt12-2022")
    assert last_line(out).endswith("Overall: Pass.")


# --------------------------------------------------------------------------- -o says what it did


def test_output_file_tells_what_was_written_and_the_exit_status(capsys, tmp_path):
    saved = tmp_path / "audit.json"
    code, out, err = run(capsys, "audit", LEAKY, "--format", "json", "-o", saved, "--lang", "en")
    assert code == 1 and out == "" and saved.exists()
    assert f"netaudit: wrote {saved} (report)\n" in err
    assert "netaudit: exit 1, the audit does not pass (not an error): " in err
    assert "finding(s) at or above high" in err and "conclusion: fail" in err
    assert "\r" not in err and "\033" not in err  # no spinner when stderr is not a terminal

    md = tmp_path / "ok.md"
    code, _, err = run(capsys, "audit", COMPLIANT, "--format", "md", "-o", md, "--lang", "en")
    assert code == 0
    assert f"netaudit: wrote {md} (report), {md.with_suffix('.drawio')} (editable diagram)" in err
    assert "netaudit: exit 0, the audit passes: no finding at or above high" in err

    html = tmp_path / "r.html"
    code, _, err = run(capsys, "report", saved, "--format", "html", "-o", html, "--lang", "en")
    assert code == 0
    assert err == f"netaudit: wrote {html} (report), {html.with_suffix('.drawio')} (editable diagram)\n"


def test_what_was_written_and_the_exit_status_in_vietnamese(capsys, tmp_path):
    """The same lines in the output's language (Vietnamese by default): an inspector
    reading a Vietnamese report was told its exit status in English."""
    saved = tmp_path / "audit.json"
    code, _, err = run(capsys, "audit", LEAKY, "--format", "json", "-o", saved)
    assert code == 1
    assert f"netaudit: đã ghi {saved} (báo cáo)\n" in err
    assert "netaudit: mã thoát 1, cuộc kiểm tra không đạt (không phải lỗi của chương trình): " in err
    assert "tồn tại ở mức cao trở lên" in err and "kết luận: không đạt" in err
    md = tmp_path / "ok.md"
    code, _, err = run(capsys, "audit", COMPLIANT, "--format", "md", "-o", md)
    assert code == 0 and f"(báo cáo), {md.with_suffix('.drawio')} (sơ đồ chỉnh sửa được)" in err
    assert "netaudit: mã thoát 0, cuộc kiểm tra đạt: không có tồn tại ở mức cao trở lên" in err


def test_no_file_no_message(capsys):
    code, out, err = run(capsys, "audit", COMPLIANT, "--format", "json")
    assert code == 0 and out.startswith("{") and "wrote" not in err and "exit 0" not in err


# --------------------------------------------------------------------------- help


def test_plain_netaudit_prints_the_help(capsys):
    code, out, err = run(capsys)
    assert code == 2 and out == ""
    assert err.startswith("usage: netaudit")
    for word in ("audit", "report", "trace", "init", "exit codes:", "--service smb"):
        assert word in err, word


def test_every_option_has_a_description():
    missing = []

    def walk(p: argparse.ArgumentParser, name: str) -> None:
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                for sub, sp in a.choices.items():
                    walk(sp, sub)
            elif not a.help:
                missing.append((name, a.option_strings or a.dest))

    walk(_parser(), "netaudit")
    assert not missing


def test_trace_help_lists_names_example_and_exit_codes(capsys):
    with pytest.raises(SystemExit) as e:
        main(["trace", "-h"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "smb (tcp/445, tcp/139)" in out and "winbox (tcp/8291)" in out
    assert "--service smb" in out and "0 reachable" in out and "1 blocked" in out and "3 unknown" in out


# --------------------------------------------------------------------------- --service names, trace exit codes


def test_service_names_expand():
    from netaudit.headerspace import expand_services

    assert expand_services("smb") == ["tcp/445", "tcp/139"]
    assert expand_services("DNS") == ["udp/53", "tcp/53"]
    assert expand_services("ssh,rdp,tcp/8080") == ["tcp/22", "tcp/3389", "udp/3389", "tcp/8080"]
    assert expand_services("tcp/445") == ["tcp/445"] and expand_services("ip") == ["ip"]
    for name in ("smb", "rdp", "ssh", "winbox", "http", "https", "dns", "dhcp", "snmp", "telnet", "ntp"):
        assert expand_services(name)
    with pytest.raises(ValueError, match=r"unknown service 'smbb' \(did you mean smb\?\).*rdp.*winbox"):
        expand_services("smbb")
    with pytest.raises(ValueError, match=r"ports must be 0\.\.65535"):
        expand_services("tcp/99999")  # the syntax was meant: its own message


def test_trace_exit_codes_and_service_names(capsys, unplaced_guest):
    code, out, _ = run(
        capsys, "trace", LEAKY, "--from", "guest", "--to", "10.10.10.5", "--service", "smb", "--lang", "en"
    )
    assert code == 0  # reachable
    assert out.startswith("guest -> 10.10.10.5 (smb = tcp/445, tcp/139)\n")
    assert "Delivered to zone staff" in out and "tcp/445" in out
    code, out, _ = run(capsys, "trace", COMPLIANT, "--from", "guest", "--to", "10.10.10.5", "--service", "smb")
    assert code == 1  # blocked
    code, out, _ = run(
        capsys, "trace", unplaced_guest, "--from", "guest", "--to", "10.10.10.5", "--service", "rdp", "--lang", "en"
    )
    assert code == 3 and "Unknown: zone guest has no attachment point" in out
    code, out, err = run(
        capsys, "trace", LEAKY, "--from", "guest", "--to", "10.10.10.5", "--service", "smbb", "--lang", "en"
    )
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "unknown service 'smbb' (did you mean smb?)" in err and "winbox" in err and "tcp/PORT" in err


def test_trace_json_keeps_the_asked_service(capsys):
    import json

    code, out, _ = run(
        capsys, "trace", LEAKY, "--from", "guest", "--to", "staff", "--service", "dns", "--format", "json"
    )
    doc = json.loads(out)
    assert code == 0 and doc["service"] == "dns" and doc["services"] == ["udp/53", "tcp/53"]


# --------------------------------------------------------------------------- the spinner


class _Tty(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_spinner_only_on_a_terminal_and_after_the_delay(monkeypatch):
    from netaudit.progress import Progress

    monkeypatch.setenv("TERM", "xterm")
    quiet = io.StringIO()
    with Progress(quiet, "working", delay=0.01):
        time.sleep(0.2)
    assert quiet.getvalue() == ""  # not a terminal: nothing

    fast = _Tty()
    with Progress(fast, "working", delay=5):
        pass
    assert fast.getvalue() == ""  # under the delay: nothing

    tty = _Tty()
    with Progress(tty, "reading", delay=0.01) as p:
        time.sleep(0.15)
        p.phase("rendering the PDF report")
        time.sleep(0.25)
    shown = tty.getvalue()
    assert "reading… " in shown and "rendering the PDF report… " in shown
    assert shown.endswith("\r\033[K")  # the line is erased at the end

    monkeypatch.setenv("TERM", "dumb")
    dumb = _Tty()
    with Progress(dumb, "working", delay=0.01):
        time.sleep(0.1)
    assert dumb.getvalue() == ""


def test_messages_erase_the_spinner_line(monkeypatch):
    from netaudit.progress import Progress, write_above

    monkeypatch.setenv("TERM", "xterm")
    tty = _Tty()
    with Progress(tty, "working", delay=0.01):
        time.sleep(0.15)
        write_above(tty.write, "netaudit: warning: something\n")
    shown = tty.getvalue()
    assert "s\r\033[Knetaudit: warning: something\n" in shown


UNZONED_ROUTER = """\
hostname RT-XA
interface GigabitEthernet0/0
 ip address 203.0.113.2 255.255.255.252
interface GigabitEthernet0/1
 description CAN-BO
 ip address 10.0.10.1 255.255.255.0
interface GigabitEthernet0/2
 description WIFI-KHACH
 ip address 10.0.40.1 255.255.255.0
 ip access-group KHACH-VAO in
interface GigabitEthernet0/3
 ip address 172.16.0.1 255.255.255.0
ip access-list extended KHACH-VAO
 deny ip any 10.0.10.0 0.0.0.255
 deny ip any host 10.0.40.1
 deny ip any host 10.0.10.1
 deny ip any host 172.16.0.1
 deny ip any host 203.0.113.2
{extra} permit ip any any
ip route 0.0.0.0 0.0.0.0 203.0.113.1
end
"""
UNZONED_SITE = """\
unit: "UBND xa An Phu"
level: 2
zones:
  staff: {kind: internal, subnets: [10.0.10.0/24], attach: ["RT-XA:GigabitEthernet0/1"]}
  guest: {kind: guest, subnets: [10.0.40.0/24], attach: ["RT-XA:GigabitEthernet0/2"]}
  internet: {kind: external, attach: ["RT-XA:GigabitEthernet0/0"]}
"""


@pytest.mark.parametrize("kept_off", [False, True])
def test_a_segment_no_zone_covers_leaves_the_answer_open(capsys, tmp_path, kept_off):
    """The guest kept off the staff but not off Gi0/3 (172.16.0.0/24, in no zone): the
    answer is "not known", naming the segment, and the audit does not pass — never
    "proven"; kept off it too, the answer is proven again."""
    extra = " deny ip any 172.16.0.0 0.15.255.255\n" if kept_off else ""
    (tmp_path / "rt.cfg").write_text(UNZONED_ROUTER.format(extra=extra))
    (tmp_path / "site.yaml").write_text(UNZONED_SITE)
    code, out, _ = run(capsys, "audit", tmp_path, "--lang", "en")
    if kept_off:
        assert last_line(out).startswith("Conclusion: the guest Wi-Fi CANNOT reach the internal network — proven")
        return
    assert code == 1
    assert last_line(out).startswith(
        "Conclusion: NOT KNOWN whether the guest Wi-Fi can reach the internal network — "
        "Zone guest reaches 1 segment(s) that no zone covers: RT-XA:GigabitEthernet0/3"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", ["đang kiểm tra các cấu hình", "đang xếp sơ đồ mạng", "đang tạo báo cáo HTML", "đang ghi tệp"]),
        ("en", ["auditing the configurations", "laying out the diagram", "rendering the HTML report", "writing"]),
    ],
)
def test_spinner_phases_follow_the_output_language(monkeypatch, tmp_path, lang, expected):
    """What the spinner says it is doing is in --lang, like everything else on the terminal."""
    import netaudit.progress as progress

    said: list[str] = []

    class Recorded(progress.Progress):
        def __init__(self, stream, text=""):
            super().__init__(stream, text, delay=3600, enabled=True)  # never drawn, only recorded
            said.append(text)

        def phase(self, text):
            said.append(text)
            super().phase(text)

    monkeypatch.setattr(progress, "Progress", Recorded)
    out = tmp_path / "report.html"
    assert main(["audit", str(LEAKY), "--format", "html", "-o", str(out), "--lang", lang]) == 1
    assert said == expected
