"""The ``fix/`` folder (docs/remedy.md): ``<device>.txt`` (the change set to paste),
``<device>.rollback.txt``, ``after/`` (the patched configurations and the site file, for
``netaudit audit fix/after``) and ``README.md`` — the plan, what it closes, what it does
not and why, and the flows it keeps — in the report's language."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..messages import t
from ..secrets import of_devices
from .prove import FixResult


def file_name(device: str) -> str:
    """A device name as a file name (a FortiGate VDOM is ``host/vdom``)."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in device)


def _listed(entries, lang: str) -> list[str]:
    """One line per distinct entry, first seen first, with the number of findings it
    stands for: a change atop a long ACL leaves thousands of one finding (each line
    it shadows), which listed one by one buried the rest (issue #15)."""
    many = t("fix.readme.findings", lang)
    return [f"  - {e}" + (f" ({n} {many})" if n > 1 else "") for e, n in Counter(entries).items()]


def _holds_secret(text: str, secrets: set[str]) -> bool:
    """Whether ``text`` names one of the devices' literal secrets (a change set that must
    write an SNMP community again, say)."""
    return any(len(s) >= 3 and s in text for s in secrets)


def _empty(res) -> bool:
    """Whether a device's change set holds no command (its generator wrote none: every
    finding of its plan is left) — no empty file is written for it, nor counted."""
    return res.rendered is not None and not res.withdrawn and not res.rendered.change_set.strip()


def write(result: FixResult, out: Path, lang: str) -> str:
    """Write the folder; return the terminal summary."""
    lines = [f"# {t('fix.readme.title', lang)}", ""]
    secrets: set[str] = set()
    for audit in (result.before, result.after):
        if audit is not None:
            secrets |= of_devices(audit.snapshot.devices)
    with_secrets: list[str] = []  # change sets that name a device secret
    for name, res in sorted(result.devices.items()):
        lines.append(f"## {name} ({res.vendor})")
        if res.withdrawn:
            lines.append(f"- {t('fix.readme.not_proposed', lang)}: {res.withdrawn[lang]}")
        if _empty(res):
            # Every finding of its plan left (with the reason, below): no file to paste.
            lines.append(f"- {t('fix.readme.not_proposed', lang)}: {t('fix.readme.nothing', lang)}")
        elif res.rendered is not None and not res.withdrawn:
            # A FortiGate VDOM is "host/vdom": one file per VDOM, never a path.
            base = file_name(name)
            for path, text in (
                (out / f"{base}.txt", res.rendered.change_set),
                (out / f"{base}.rollback.txt", res.rendered.rollback),
            ):
                path.write_text(text, encoding="utf-8")
                if _holds_secret(text, secrets):
                    path.chmod(0o600)  # as after/'s files: readable by the owner only
                    if name not in with_secrets:
                        with_secrets.append(name)
            lines.append(
                f"- {t('fix.readme.change_set', lang)}: `{base}.txt`; "
                f"{t('fix.readme.rollback', lang)}: `{base}.rollback.txt`"
            )
            for note in res.rendered.notes:
                lines.append(f"- {note[lang]}")
        lines.append("")
    lines.append(f"## {t('fix.readme.reaudit', lang)} (`netaudit audit {out / 'after'}`)")
    if with_secrets:
        lines.append("- " + t("fix.readme.after_secrets_sets", lang, devices=", ".join(with_secrets)))
    else:
        lines.append("- " + t("fix.readme.after_secrets", lang))
    lines.append(f"- {t('fix.readme.closed', lang)}: {len(result.closed)}")
    lines += _listed((f"[{f.severity}] {f.title[lang]}" for f in result.closed), lang)
    lines.append(f"- {t('fix.readme.left', lang)}: {len(result.remaining)}")
    lines += _listed((f"[{f.severity}] {f.title[lang]} — {why[lang]}" for f, why in result.remaining), lang)
    if result.new:
        lines.append(f"- {t('fix.readme.new', lang)}: {len(result.new)}")
        lines += _listed((f"[{f.severity}] {f.title[lang]}" for f in result.new), lang)
    kept = t("fix.readme.kept", lang)
    lines.append(f"- {t('fix.readme.lost', lang)}: " + ("; ".join(result.lost) if result.lost else kept))
    text = "\n".join(lines) + "\n"
    (out / "README.md").write_text(text, encoding="utf-8")
    verdict = t("fix.summary.holds" if result.ok else "fix.summary.fails", lang)
    changes = len([r for r in result.devices.values() if r.rendered and not r.withdrawn and not _empty(r)])
    return (
        t(
            "fix.summary",
            lang,
            changes=changes,
            out=out,
            closed=len(result.closed),
            left=len(result.remaining),
            lost=len(result.lost),
            verdict=verdict,
        )
        + "\n"
    )
