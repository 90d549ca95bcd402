"""A user's mistake is told in the language of the command's --lang (Vietnamese by
default), the same line in English with --lang en: naming the file and line alike, with
keys, values and option names as written (README.md, "Use")."""

from __future__ import annotations

import shutil

import pytest
from helpers import ROOT

from netaudit.cli import main
from netaudit.vocabulary import KINDS

LEAKY = ROOT / "sample_configs" / "cisco-commune-leaky"


def said(capsys, *args: str) -> tuple[str, str]:
    """stderr of the command run in Vietnamese (its default) and with --lang en; both exit 2."""
    assert main([*map(str, args)]) == 2
    vi = capsys.readouterr().err
    assert main([*map(str, args), "--lang", "en"]) == 2
    return vi, capsys.readouterr().err


def test_an_unknown_kind(tmp_path, capsys):
    site = tmp_path / "site.yaml"
    site.write_text("unit: UBND xa\nlevel: 2\nzones:\n  g: {kind: gust, subnets: [10.0.0.0/24]}\n")
    vi, en = said(capsys, "audit", LEAKY, "--site", site)
    kinds = ", ".join(KINDS)
    assert vi == f"netaudit: lỗi: {site}:4: vùng 'g': kind phải là một trong {kinds}\n"
    assert en == f"netaudit: error: {site}:4: zone 'g': kind must be one of {kinds}\n"


def test_a_misspelt_zone_in_policy_with_did_you_mean(tmp_path, capsys):
    site = tmp_path / "site.yaml"
    site.write_text(
        "unit: UBND xa\nzones:\n  guest: {kind: guest, subnets: [10.0.0.0/24]}\n"
        "  staff: {kind: internal, subnets: [10.0.1.0/24]}\npolicy:\n  - {from: gest, to: staff, allow: false}\n"
    )
    vi, en = said(capsys, "audit", LEAKY, "--site", site)
    assert vi == f"netaudit: lỗi: {site}:6: policy from: không có vùng mạng 'gest' (có phải là 'guest'?)\n"
    assert en == f"netaudit: error: {site}:6: policy from: unknown zone 'gest' (did you mean 'guest'?)\n"


@pytest.mark.parametrize(
    "text, vi, en",
    [
        (
            "",
            "zones: phải ánh xạ tên vùng mạng tới {kind, subnets, vlans, attach}",
            "zones: must map zone names to {kind, subnets, vlans, attach}",
        ),
        (
            "- guest\n",
            "1: tệp khai báo vùng mạng phải là một mapping gồm unit, level, zones",
            "1: site file must be a mapping with unit, level, zones",
        ),
        (
            "unit: [UBND\n",
            "2: YAML không hợp lệ: ",  # then yaml's own words, as they are
            "2: invalid YAML: ",
        ),
    ],
)
def test_an_empty_or_malformed_site_file(tmp_path, capsys, text, vi, en):
    site = tmp_path / "site.yaml"
    site.write_text(text)
    got_vi, got_en = said(capsys, "audit", LEAKY, "--site", site)
    sep = "" if vi[0].isdigit() else " "
    assert got_vi.startswith(f"netaudit: lỗi: {site}:{sep}{vi}"), got_vi
    assert got_en.startswith(f"netaudit: error: {site}:{sep}{en}"), got_en
    assert got_vi.count("\n") == got_en.count("\n") == 1


def test_a_reference_the_configurations_lack_names_the_devices_in_the_same_language(tmp_path, capsys):
    """The error audit.prepare wraps (the site may be right and an input wrong) keeps the
    language of the error inside it."""
    site = tmp_path / "site.yaml"
    site.write_text('unit: UBND xa\nzones:\n  guest: {kind: guest, vlans: ["CORE-SW9:20"]}\n')
    vi, en = said(capsys, "audit", LEAKY, "--site", site)
    devices = "UBNDHB-CORE (core-sw.cfg), UBNDHB-RT (edge-rt.cfg)"
    assert vi == (
        f"netaudit: lỗi: {site}:3: vùng 'guest': mục vlans 'CORE-SW9:20': không có thiết bị 'CORE-SW9' trong "
        f"các cấu hình đã đọc — các thiết bị đọc được: {devices}\n"
    )
    assert en == (
        f"netaudit: error: {site}:3: zone 'guest': vlans entry 'CORE-SW9:20': no device 'CORE-SW9' in the "
        f"snapshot — devices in the snapshot: {devices}\n"
    )


def test_a_wrong_argument_of_audit(capsys):
    vi, en = said(capsys, "audit", LEAKY, "--format", "pdf")
    assert vi == "netaudit: lỗi: --format pdf ghi ra tệp nhị phân: hãy chỉ định -o FILE.pdf\n"
    assert en == "netaudit: error: --format pdf writes a binary file: give -o FILE.pdf\n"


def test_init_onto_an_existing_site_file_and_what_init_says(tmp_path, capsys):
    for f in LEAKY.glob("*.cfg"):
        shutil.copy(f, tmp_path)
    assert main(["init", str(tmp_path)]) == 0
    target = tmp_path / "site.yaml"
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"netaudit: đã ghi {target} với ") and first.endswith(
        " vùng mạng suy đoán — cần rà soát trước khi kiểm tra"
    )
    vi, en = said(capsys, "init", tmp_path)
    assert vi == f"netaudit: lỗi: {target}: đã tồn tại; hãy rà soát tệp này, hoặc dùng --force để ghi đè\n"
    assert en == f"netaudit: error: {target}: already exists; review it, or pass --force to overwrite\n"
    target.unlink()
    assert main(["init", str(tmp_path), "--lang", "en"]) == 0
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"netaudit: wrote {target} with ") and first.endswith(
        " inferred zones — review before auditing"
    )


def test_init_that_infers_nothing_says_what_to_do_in_its_language(tmp_path, capsys):
    (tmp_path / "r.rsc").write_text("# 2025-01-01 by RouterOS 7.15\n/interface bridge\nadd name=bridge1\n")
    assert main(["init", str(tmp_path), "-o", str(tmp_path / "a.yaml")]) == 0
    err = capsys.readouterr().err
    assert "netaudit: không suy đoán được vùng mạng nào từ cấu hình" in err
    assert "netaudit: cảnh báo: " in err and "warning" not in err
    assert main(["init", str(tmp_path), "-o", str(tmp_path / "b.yaml"), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "netaudit: no zone could be inferred from the configs" in err and "netaudit: warning: " in err


def test_a_fix_error(tmp_path, capsys):
    out = tmp_path / "missing" / "fx"
    vi, en = said(capsys, "fix", LEAKY, "-o", out)
    assert vi == f"netaudit: lỗi: {out}: -o: thư mục {out.parent} không tồn tại\n"
    assert en == f"netaudit: error: {out}: -o: the folder {out.parent} does not exist\n"


def test_a_command_without_lang_speaks_english(capsys):
    assert main(["probe", "--zone", "guest"]) == 2
    assert capsys.readouterr().err == "netaudit: error: give -o FILE.json for the probe result (or --dry-run)\n"


# --------------------------------------------------------------------------- the command line itself


def test_argparse_usage_errors_in_the_commands_language(capsys):
    """argparse's own complaints (an unknown option, a missing or invalid value, an unknown
    command) follow --lang like every other error, with a "did you mean" where a close
    option, choice or command exists; option names, values and choices stay as typed."""
    vi, en = said(capsys, "audit", LEAKY, "--fromat", "json")
    assert vi == "netaudit: lỗi: tham số không hợp lệ: --fromat json (có phải là '--format'?)\n"
    assert en == "netaudit: error: unrecognized arguments: --fromat json (did you mean '--format'?)\n"
    choices = "'text', 'json', 'html', 'pdf', 'docx', 'md', 'sarif'"
    vi, en = said(capsys, "audit", LEAKY, "--format", "docz")
    assert (
        vi
        == f"netaudit: lỗi: --format: giá trị 'docz' không hợp lệ (có phải là 'docx'?); hãy chọn một trong {choices}\n"
    )
    assert (
        en
        == f"netaudit: error: argument --format: invalid choice: 'docz' (did you mean 'docx'?) (choose from {choices})\n"
    )
    # --lang read before argparse has, whatever its place (and abbreviated, as argparse allows)
    assert main(["audit", "--la", "en", str(LEAKY), "--fail-on"]) == 2
    assert capsys.readouterr().err == "netaudit: error: argument --fail-on: expected one argument\n"
    assert main(["audit", str(LEAKY), "--fail-on"]) == 2
    assert capsys.readouterr().err == "netaudit: lỗi: --fail-on: thiếu giá trị (cần đúng một giá trị)\n"
    assert main(["init"]) == 2
    assert capsys.readouterr().err == "netaudit: lỗi: thiếu tham số bắt buộc: dir\n"


def test_an_unknown_command_and_a_command_without_lang(capsys):
    assert main(["audti", str(LEAKY)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("netaudit: lỗi: không có lệnh 'audti' (có phải là 'audit'?); các lệnh: 'audit', 'report'")
    # probe and scan have no --lang: English
    assert main(["probe"]) == 2
    assert capsys.readouterr().err == "netaudit: error: the following arguments are required: --zone\n"
    # an invalid --lang itself: the default language says so
    assert main(["audit", str(LEAKY), "--lang", "fr"]) == 2
    assert (
        capsys.readouterr().err == "netaudit: lỗi: --lang: giá trị 'fr' không hợp lệ; hãy chọn một trong 'vi', 'en'\n"
    )


@pytest.mark.parametrize(
    "message",
    [
        "unrecognized arguments: --x",
        "the following arguments are required: paths, --zone",
        "one of the arguments --a --b is required",
        "argument command: invalid choice: 'x' (choose from 'audit', 'init')",
        "argument --format: invalid choice: 'x' (choose from 'json', 'pdf')",
        "argument --fail-on: expected one argument",
        "argument --zone: expected at least one argument",
        "argument --x: expected at most one argument",
        "argument --max-probes: invalid int value: 'abc'",
        "argument --a: not allowed with argument --b",
        "argument --force: ignored explicit argument 'yes'",
        "ambiguous option: --f could match --format, --fail-on",
    ],
)
def test_every_argparse_message_has_a_catalogue_text(message):
    """Each message argparse 3.11 words in English is read into a catalogue text with both
    languages (a pattern that stopped matching would leave the English in a Vietnamese line)."""
    from netaudit.cli_usage import usage_text
    from netaudit.messages import Text, render

    got = usage_text(message, ["--format"])
    assert isinstance(got, Text), message
    assert render(got, "vi") != render(got, "en")
    assert not render(got, "vi").startswith(("unrecognized", "the following", "argument ", "ambiguous", "one of"))
