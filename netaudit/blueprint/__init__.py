"""``netaudit blueprint``: model network architectures generated from an intent file and
proven by netaudit's own audit (docs/blueprint.md).

intent.yaml → :mod:`.intent` (validated) → :mod:`.design` (zones, VLANs, addresses, the
flow of every zone pair, switch ports; vendor-neutral) → :mod:`.render` (jinja2 templates
``netaudit/templates/blueprint/<vendor>/``, the site file) → written to ``out/`` →
:mod:`.proof` (the configurations parsed back and audited; the matrix must be the model)
→ :mod:`.document` (IP plan, port map, the explanatory document).

The blueprint sits beside the audit, not inside it: it writes inputs and runs the audit
on them like a user would; nothing in the audit path imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .design import Design, design
from .intent import EDGE_VENDORS, UNIT_TYPES, load_intent
from .proof import Proof, prove
from .render import Secrets, render, site_yaml

__all__ = ["EDGE_VENDORS", "UNIT_TYPES", "Result", "example", "generate"]


@dataclass
class Result:
    design: Design
    proof: Proof
    files: list[Path]


def generate(intent_path: str | Path, out: str | Path, lang: str = "vi", pdf: bool = True) -> Result:
    """Generate the model network of ``intent_path`` into ``out`` and prove it."""
    from . import document

    it = load_intent(intent_path)
    d = design(it)
    out = Path(out)
    configs = out / "configs"
    configs.mkdir(parents=True, exist_ok=True)
    _clear_previous(configs)
    secrets = Secrets()
    files: list[Path] = []
    for name, text in render(d, secrets).items():
        path = configs / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    site = configs / "site.yaml"
    site.write_text(site_yaml(d), encoding="utf-8")
    files.append(site)
    proof = prove(d, configs, site)
    files += document.write(d, proof, out, lang, pdf=pdf, secrets=secrets)
    sec = out / "secrets.txt"
    sec.write_text(secrets.text(), encoding="utf-8")
    sec.chmod(0o600)
    files.append(sec)
    return Result(d, proof, files)


def _clear_previous(configs: Path) -> None:
    """Remove what an earlier run wrote into ``configs`` (its files say "netaudit
    blueprint" in their first lines): the proof must audit this run's devices only.  Any
    other file there stops the run rather than being audited or deleted."""
    from ..messages import Text
    from ..model import InputError

    for f in sorted(configs.iterdir()):
        head = f.read_text(encoding="utf-8", errors="replace")[:400] if f.is_file() else ""
        if "netaudit blueprint" in head:
            f.unlink()
        else:
            raise InputError(Text("blueprint.error.foreign_file"), str(f))


def example(unit_type: str, vendor: str = "routeros") -> str:
    """A starting intent file for ``unit_type`` with ``vendor`` at the edge (YAML text)."""
    from .examples import example_text

    return example_text(unit_type, vendor)
