"""An audited office beside the model architecture of its unit type (site ``type``;
netaudit/blueprint/reference.py, docs/blueprint.md "Comparison in the audit report")."""

from __future__ import annotations

import json
import shutil

import pytest
from helpers import SAMPLES, run_cli

from netaudit.model import InputError
from netaudit.zones import load_site


def office(tmp_path, sample: str, level: int = 2, unit_type: str | None = "commune"):
    folder = tmp_path / sample
    shutil.copytree(SAMPLES / sample, folder)
    site = folder / "site.yaml"
    text = site.read_text(encoding="utf-8").replace("level: 2", f"level: {level}")
    if unit_type:
        text = text.replace(f"level: {level}", f"level: {level}\ntype: {unit_type}", 1)
    site.write_text(text, encoding="utf-8")
    return folder


def audit_json(folder, lang="en"):
    code, out, err = run_cli("audit", folder, "--format", "json", "--lang", lang)
    assert code in (0, 1), err
    return json.loads(out)


def test_leaky_office_flows_beyond_the_model(tmp_path):
    ref = audit_json(office(tmp_path, "cisco-commune-leaky"))["reference"]
    assert ref["command"] == "netaudit blueprint --example commune --vendor ios"
    extra = {(e["src"], e["dst"]): e for e in ref["extra_flows"]}
    assert extra[("guest", "staff")]["model"] is None  # the model denies it, the office allows it
    assert extra[("counter", "servers")]["model"] == ["tcp/80", "tcp/443"]
    assert ("staff", "internet") not in extra  # the model allows every service there too
    assert ref["missing_zones"] == []
    assert {c["src"] for c in ref["model_matrix"]} >= {"staff", "guest", "mgmt"}


def test_level_3_model_needs_a_database_zone(tmp_path):
    ref = audit_json(office(tmp_path, "routeros-commune-compliant", level=3))["reference"]
    assert ref["vendor"] == "routeros" and ref["model_level"] == 3
    assert [z["name"] for z in ref["missing_zones"]] == ["database"]
    assert not [e for e in ref["extra_flows"] if e["src"] == "guest" and e["dst"] != "@devices"]


def test_no_type_no_comparison(tmp_path):
    assert "reference" not in audit_json(office(tmp_path, "cisco-commune-compliant", unit_type=None))


def test_unknown_type_is_a_site_error_with_its_line(tmp_path):
    folder = office(tmp_path, "cisco-commune-compliant", unit_type="village")
    with pytest.raises(InputError, match=r"site\.yaml:4: type must be one of commune, ward, ttpvhcc, department"):
        load_site(folder / "site.yaml")


@pytest.mark.parametrize(
    "fmt, lang, heading",
    [
        ("html", "vi", "So sánh với mô hình mẫu: UBND xã, cấp độ 2"),
        ("md", "en", "Compared with the model architecture"),
        ("text", "en", "Compared with the model architecture"),
    ],
)
def test_every_format_shows_it(tmp_path, fmt, lang, heading):
    folder = office(tmp_path, "cisco-commune-leaky")
    out = tmp_path / f"r.{fmt}"
    code, _, err = run_cli("audit", folder, "--format", fmt, "--lang", lang, "-o", out)
    assert code == 1, err
    text = out.read_text(encoding="utf-8")
    assert heading in text and "netaudit blueprint --example commune --vendor ios" in text
