"""OpenWrt checks (:mod:`netaudit.checks.openwrt`) on the sample offices."""

from __future__ import annotations

import pytest
from helpers import SAMPLES

from netaudit.audit import run_audit

OPENWRT_CHECKS = {
    "openwrt-dropbear-password-wan",
    "openwrt-uhttpd-plain-http",
    "openwrt-open-wifi-no-isolate",
    "openwrt-guest-zone-input-accept",
    "openwrt-guest-ssid-on-lan",
}


@pytest.fixture(scope="module")
def leaky():
    return run_audit([SAMPLES / "openwrt-commune-leaky"])


def test_leaky_office_has_every_openwrt_finding(leaky):
    got = {f.check for f in leaky.findings}
    assert OPENWRT_CHECKS <= got


def test_findings_cite_lines_and_speak_both_languages(leaky):
    for f in leaky.findings:
        if f.check in OPENWRT_CHECKS:
            assert f.evidence and all(e["line"] for e in f.evidence)
            assert f.title["vi"] and f.title["en"] and f.title["vi"] != f.title["en"]


def test_isolate_finding_names_only_the_guest_ssid_without_isolate(leaky):
    ssids = {f.detail["en"].split('"')[1] for f in leaky.findings if f.check == "openwrt-open-wifi-no-isolate"}
    assert ssids == {"TanLoc Wifi Mien Phi", "TanLoc Wifi Khach 2"}


def test_compliant_office_has_none():
    audit = run_audit([SAMPLES / "openwrt-commune-compliant"])
    assert not {f.check for f in audit.findings} & OPENWRT_CHECKS
