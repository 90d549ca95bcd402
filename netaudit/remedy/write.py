"""The ``fix/`` folder (docs/remedy.md): ``<device>.txt`` (the change set to paste),
``<device>.rollback.txt``, ``after/`` (the patched configurations and the site file, for
``netaudit audit fix/after``) and ``README.md`` — the plan, what it closes, what it does
not and why, and the flows it keeps — in the report's language."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .prove import FixResult


def _t(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


def file_name(device: str) -> str:
    """A device name as a file name (a FortiGate VDOM is ``host/vdom``)."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in device)


def _listed(entries, lang: str) -> list[str]:
    """One line per distinct entry, first seen first, with the number of findings it
    stands for: a change atop a long ACL leaves thousands of one finding (each line
    it shadows), which listed one by one buried the rest (issue #15)."""
    many = _t(lang, "phát hiện", "findings")
    return [f"  - {e}" + (f" ({n} {many})" if n > 1 else "") for e, n in Counter(entries).items()]


def write(result: FixResult, out: Path, lang: str) -> str:
    """Write the folder; return the terminal summary."""
    lines = [f"# {_t(lang, 'Kế hoạch khắc phục', 'Remediation plan')}", ""]
    for name, res in sorted(result.devices.items()):
        lines.append(f"## {name} ({res.vendor})")
        if res.withdrawn:
            lines.append(f"- {_t(lang, 'Không đề xuất', 'Not proposed')}: {res.withdrawn[lang]}")
        if res.rendered is not None and not res.withdrawn:
            # A FortiGate VDOM is "host/vdom": one file per VDOM, never a path.
            base = file_name(name)
            (out / f"{base}.txt").write_text(res.rendered.change_set, encoding="utf-8")
            (out / f"{base}.rollback.txt").write_text(res.rendered.rollback, encoding="utf-8")
            lines.append(
                f"- {_t(lang, 'Thay đổi', 'Change set')}: `{base}.txt`; "
                f"{_t(lang, 'hoàn tác', 'rollback')}: `{base}.rollback.txt`"
            )
            for note in res.rendered.notes:
                lines.append(f"- {note[lang]}")
        lines.append("")
    lines.append(f"## {_t(lang, 'Kết quả kiểm tra lại', 'Re-audit')} (`netaudit audit {out / 'after'}`)")
    lines.append(
        "- "
        + _t(
            lang,
            "`after/` chứa toàn bộ cấu hình của thiết bị sau thay đổi, kể cả mật khẩu và khóa: chỉ chủ sở hữu "
            "đọc được, không gửi cho người khác; các tệp thay đổi `<thiết bị>.txt` không chứa bí mật nào.",
            "`after/` holds the devices' whole configurations after the change, passwords and keys included: "
            "readable by you only, do not pass it on; the change sets `<device>.txt` hold no secret.",
        )
    )
    lines.append(f"- {_t(lang, 'Phát hiện được khắc phục', 'Findings closed')}: {len(result.closed)}")
    lines += _listed((f"[{f.severity}] {f.title[lang]}" for f in result.closed), lang)
    lines.append(f"- {_t(lang, 'Phát hiện còn lại', 'Findings left')}: {len(result.remaining)}")
    lines += _listed((f"[{f.severity}] {f.title[lang]} — {why[lang]}" for f, why in result.remaining), lang)
    if result.new:
        lines.append(f"- {_t(lang, 'Phát hiện mới', 'New findings')}: {len(result.new)}")
        lines += _listed((f"[{f.severity}] {f.title[lang]}" for f in result.new), lang)
    kept = _t(lang, "mọi luồng được phép vẫn thông", "every allowed flow still flows")
    lines.append(
        f"- {_t(lang, 'Luồng được phép bị mất', 'Allowed flows lost')}: "
        + ("; ".join(result.lost) if result.lost else kept)
    )
    text = "\n".join(lines) + "\n"
    (out / "README.md").write_text(text, encoding="utf-8")
    verdict = _t(lang, "đạt", "holds") if result.ok else _t(lang, "CHƯA ĐẠT", "DOES NOT HOLD")
    return (
        f"netaudit fix: {len([r for r in result.devices.values() if r.rendered and not r.withdrawn])} "
        f"{_t(lang, 'thay đổi', 'change set(s)')} in {out}; "
        f"{_t(lang, 'đóng', 'closed')} {len(result.closed)}, {_t(lang, 'còn', 'left')} {len(result.remaining)}, "
        f"{_t(lang, 'mất luồng', 'flows lost')} {len(result.lost)} — {_t(lang, 'chứng minh', 'proof')} {verdict}\n"
    )
