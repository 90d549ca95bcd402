"""The UCI text of a router as netaudit edits it: options set or removed, sections added or
deleted, written back the way ``uci export`` prints it."""

from __future__ import annotations

from ...parsers.openwrt.uci import Section, UciText, read
from .change import LIST_KEYS, Change, NewSection, OptChange, uci_quote


class UciDoc:
    """The input text (any of the three forms) and how a :class:`Change` is written into it."""

    def __init__(self, text: str, file: str):
        self.ut: UciText = read(text, file)
        self.form = self.ut.form
        raw = text.split("\n")
        self.trailing = text.endswith("\n")
        if self.trailing:
            raw.pop()
        self.crlf = bool(raw) and sum(1 for x in raw if x.endswith("\r")) * 2 > len(raw)
        self.lines = [x[:-1] if x.endswith("\r") else x for x in raw]
        self.owner: dict[int, Section] = {}
        for s in self.ut.sections:
            for n in self.section_lines(s):
                self.owner[n] = s

    # ---------------------------------------------------------------- sections

    def sections(self, package: str, type_: str | None = None) -> list[Section]:
        """The input's sections of ``package`` (of one type), in order."""
        return self.ut.of(package, type_)

    @staticmethod
    def ref(sec: Section) -> str:
        """How uci names the section (``firewall.@zone[3]`` or ``firewall.lan``)."""
        return f"{sec.package}.{sec.name}"

    @staticmethod
    def section_lines(sec: Section) -> list[int]:
        """The input lines a section is written on (its header, options and list items)."""
        lines = {sec.src.line}
        lines |= {o.src.line for o in sec.options.values()}
        lines |= {o.src.line for items in sec.lists.values() for o in items}
        return sorted(lines)

    def last_line(self, sec: Section) -> int:
        """The section's last line: new options go after it."""
        return self.section_lines(sec)[-1]

    def index_in_package(self, sec: Section, deleted: set[int] | frozenset[int] = frozenset()) -> int:
        """The section's position among its package's sections (what ``uci reorder`` counts)."""
        alive = [s for s in self.sections(sec.package) if id(s) not in deleted or s is sec]
        return next(i for i, s in enumerate(alive) if s is sec)

    def type_index(self, sec: Section) -> int:
        """The section's index among the sections of its type (``@rule[N]``)."""
        same = [s for s in self.sections(sec.package, sec.type)]
        return next(i for i, s in enumerate(same) if s is sec)

    # ---------------------------------------------------------------- formatting

    def _indent(self, sec: Section) -> str:
        for n in self.section_lines(sec)[1:]:
            text = self.lines[n - 1]
            return text[: len(text) - len(text.lstrip())] or "\t"
        return "\t"

    def option_lines(self, sec: Section | NewSection, key: str, values: list[str], as_list: bool) -> list[str]:
        """``values`` of ``key`` as lines of this form."""
        listed = as_list or len(values) != 1
        if self.form == "show":
            return [f"{sec.package}.{sec.name}.{key}=" + " ".join(uci_quote(v) for v in values)]
        indent = self._indent(sec) if isinstance(sec, Section) else "\t"
        if listed:
            return [f"{indent}list {key} {uci_quote(v)}" for v in values]
        return [f"{indent}option {key} {uci_quote(values[0])}"]

    def section_text(self, new: NewSection) -> list[str]:
        """A new section as lines of this form."""
        if self.form == "show":
            out = [f"{new.package}.{new.name}={new.type}"]
        else:
            out = [f"config {new.type} {uci_quote(new.name)}"]
        for key, values in new.options:
            out += self.option_lines(new, key, values, key in LIST_KEYS)
        return out

    # ---------------------------------------------------------------- patching

    def first_rule(self, deleted: set[int]) -> Section | None:
        """The first firewall rule section kept: netaudit's rules go before it."""
        return next((s for s in self.sections("firewall", "rule") if id(s) not in deleted), None)

    def last_of_package(self, package: str) -> Section | None:
        """The package's last section: appended sections follow it."""
        secs = self.sections(package)
        return secs[-1] if secs else None

    def patch(self, ch: Change) -> tuple[str, list[int | None]]:
        """The text with ``ch`` applied, and for each output line the input line it came
        from (None for a new line)."""
        replace: dict[int, list[str]] = {}
        before: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        for oc in ch.opts:
            self._opt_edit(oc, replace, after)
        deleted = {id(s) for s, _ in ch.deleted}
        for sec, _ in ch.deleted:
            for n in self.section_lines(sec):
                replace[n] = []
            nxt = self.last_line(sec) + 1
            if self.form != "show" and nxt <= len(self.lines) and not self.lines[nxt - 1].strip():
                replace[nxt] = []  # the blank line that separated it
        tops = [n for n in ch.added if n.top]
        ends = [n for n in ch.added if not n.top]
        anchor = self.first_rule(deleted)
        if tops and anchor is None:
            ends, tops = tops + ends, []
        if tops and anchor is not None:
            lines: list[str] = []
            for new in tops:
                lines += self.section_text(new) + ([] if self.form == "show" else [""])
            before.setdefault(anchor.src.line, []).extend(lines)
        last = self.last_of_package("firewall")
        if ends and last is not None:
            lines = []
            for new in ends:
                lines += ([] if self.form == "show" else [""]) + self.section_text(new)
            after.setdefault(self.last_line(last), []).extend(lines)
        renames = self._renames(ch, deleted, anchor if tops else None, tops, ends)
        out: list[tuple[str, int | None]] = []
        for n, text in enumerate(self.lines, 1):
            rename = renames.get(id(self.owner[n])) if n in self.owner else None
            out += [(t, None) for t in before.get(n, [])]
            for t in replace.get(n, [text]):
                out.append((_renamed(t, rename), n))
            out += [(_renamed(t, rename), None) for t in after.get(n, [])]
        eol = "\r\n" if self.crlf else "\n"
        body = eol.join(t for t, _ in out) + (eol if self.trailing or out else "")
        return body, [o for _, o in out]

    def _opt_edit(self, oc: OptChange, replace: dict[int, list[str]], after: dict[int, list[str]]) -> None:
        sec = oc.sec
        old_lines = []
        if oc.key in sec.options:
            old_lines.append(sec.options[oc.key].src.line)
        old_lines += [o.src.line for o in sec.lists.get(oc.key, [])]
        old_lines = sorted(set(old_lines))
        new = [] if oc.values is None else self.option_lines(sec, oc.key, oc.values, oc.as_list)
        if old_lines:
            for n in old_lines:
                replace[n] = []
            replace[old_lines[0]] = new
        elif new:
            after.setdefault(self.last_line(sec), []).extend(new)

    def _renames(self, ch: Change, deleted: set[int], anchor, tops, ends) -> dict[int, tuple[str, str]]:
        """``uci show`` names anonymous sections by their index among the sections of
        their type: sections added before them or deleted shift it."""
        if self.form != "show":
            return {}
        out: dict[int, tuple[str, str]] = {}
        for package in dict.fromkeys(s.package for s in self.ut.sections):
            order: list[Section | NewSection] = []
            for s in self.sections(package):
                if s is anchor:
                    order += tops
                if id(s) not in deleted:
                    order.append(s)
            if package == "firewall":
                order += ends
            count: dict[str, int] = {}
            for item in order:
                i = count.get(item.type, 0)
                count[item.type] = i + 1
                if isinstance(item, Section) and item.anonymous and item.name != f"@{item.type}[{i}]":
                    out[id(item)] = (f"{package}.{item.name}", f"{package}.@{item.type}[{i}]")
        return out


def _renamed(text: str, rename: tuple[str, str] | None) -> str:
    if rename is None:
        return text
    old, new = rename
    if text.startswith(old + ".") or text.startswith(old + "="):
        return new + text[len(old) :]
    return text
