"""What ``netaudit blueprint`` does up to the proof, for the vendor round-trip tests (the
document is tests/blueprint/test_document.py's)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from netaudit.blueprint.design import Design, design
from netaudit.blueprint.intent import load_intent
from netaudit.blueprint.proof import Proof, prove
from netaudit.blueprint.render import Secrets, render, site_yaml


@dataclass
class Run:
    design: Design
    proof: Proof
    configs: Path
    secrets: Secrets


def run(tmp_path: Path, data: dict) -> Run:
    """What ``netaudit blueprint`` does up to the proof (the document is not this file's)."""
    path = tmp_path / "intent.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    d = design(load_intent(path))
    configs = tmp_path / "out" / "configs"
    configs.mkdir(parents=True)
    secrets = Secrets()
    for name, text in render(d, secrets).items():
        (configs / name).write_text(text, encoding="utf-8")
    (configs / "site.yaml").write_text(site_yaml(d), encoding="utf-8")
    return Run(d, prove(d, configs, configs / "site.yaml"), configs, secrets)
