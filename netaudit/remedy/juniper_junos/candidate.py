"""The Junos candidate configuration as ``set`` statements (:class:`Candidate`): read from
either form a technician brings (the parser's statements), edited as Junos takes ``set``,
``delete`` and ``insert``, written back in ``set`` form — the patched copy of ``netaudit
fix`` (netaudit/remedy/juniper_junos/__init__.py renders the change set itself)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...parsers.juniper_junos.syntax import read

# A word written as it is in a `set` line; anything else is quoted (as `display set` does).
_PLAIN = re.compile(r"^[A-Za-z0-9_.:/@,+=*<>!%^~?&|()-]+$")


def word(w: str) -> str:
    """``w`` as a ``set`` line writes it: quoted where it holds a blank or a character the
    Junos CLI reads as structure (``;``, braces, brackets, ``#``, quotes)."""
    if w and _PLAIN.match(w):
        return w
    return '"' + w.replace("\\", "\\\\").replace('"', '\\"') + '"'


def command(verb: str, path: tuple[str, ...]) -> str:
    """A configuration-mode command: ``set a b c``."""
    return " ".join([verb, *(word(w) for w in path)])


@dataclass
class _Line:
    path: tuple[str, ...]
    active: bool = True


class Candidate:
    """The configuration as ``set`` statements, edited as Junos' candidate configuration
    takes ``set``, ``delete`` and ``insert`` — what the patched copy holds.  Statements a
    configuration group gives are not written (their ``groups`` and ``apply-groups`` are);
    ``effective`` holds every statement in effect, the groups' included, for the questions
    the generator asks."""

    def __init__(self, text: str):
        got = read(text)
        self.lines = [_Line(st.path, st.active) for st in got.stmts if not st.group]
        self.effective = [st for st in got.stmts if st.active]

    def under(self, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The rest of every statement in effect under ``prefix``, in order."""
        n = len(prefix)
        return [st.path[n:] for st in self.effective if st.path[:n] == prefix]

    def inherited(self, prefix: tuple[str, ...]) -> bool:
        """Whether a configuration group gives a statement under ``prefix``."""
        n = len(prefix)
        return any(st.group and st.path[:n] == prefix for st in self.effective)

    def inherited_under(self, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The rest of every statement in effect under ``prefix`` that a group gives."""
        n = len(prefix)
        return [st.path[n:] for st in self.effective if st.group and st.path[:n] == prefix]

    def written(self, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The statements of the text under ``prefix`` (in effect or not), whole."""
        n = len(prefix)
        return [ln.path for ln in self.lines if ln.path[:n] == prefix]

    def set(self, path: tuple[str, ...], before: tuple[str, ...] | None = None) -> None:
        """``set path`` — before the first statement under ``before`` (what ``insert``
        does to an ordered entry), else at the end."""
        if any(ln.path == path for ln in self.lines):
            return
        at = len(self.lines)
        if before is not None:
            n = len(before)
            at = next((i for i, ln in enumerate(self.lines) if ln.path[:n] == before), at)
        self.lines.insert(at, _Line(path))

    def replace(self, prefix: tuple[str, ...], path: tuple[str, ...]) -> None:
        """``set path`` of a one-value statement (``root-login deny``): the value under
        ``prefix`` replaced in its place."""
        n = len(prefix)
        at = next((i for i, ln in enumerate(self.lines) if ln.path[:n] == prefix), len(self.lines))
        self.delete(prefix)
        self.lines.insert(min(at, len(self.lines)), _Line(path))

    def delete(self, prefix: tuple[str, ...], keep: tuple[str, ...] | None = None) -> list[tuple[str, ...]]:
        """``delete prefix``: the statements it removed (the rollback sets them again).
        ``keep``: the named entry above it, which stays when its last statement goes (a
        zone's interface whose host-inbound list is deleted stays in the zone)."""
        n = len(prefix)
        at = next((i for i, ln in enumerate(self.lines) if ln.path[:n] == prefix), None)
        gone = [ln.path for ln in self.lines if ln.path[:n] == prefix]
        self.lines = [ln for ln in self.lines if ln.path[:n] != prefix]
        if keep is not None and at is not None and not any(ln.path[: len(keep)] == keep for ln in self.lines):
            self.lines.insert(at, _Line(keep))
        return gone

    def text(self, header: str) -> str:
        """The configuration in ``set`` form (``display set``), statements not in effect
        written again as ``deactivate`` lines after them."""
        out = [f"# {header}"]
        out += [command("set", ln.path) for ln in self.lines]
        out += [command("deactivate", ln.path) for ln in self.lines if not ln.active]
        return "\n".join(out) + "\n"
