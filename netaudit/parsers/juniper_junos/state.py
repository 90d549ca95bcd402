"""The parse state every reader of a Junos configuration shares: the statements by their
first word, the device being built, the report, and the marking of what was read.

A reader takes the statements under a path (:meth:`Conf.under`), marks each one it
understands (:meth:`ParseState.read`), says why one is only partly modelled
(:meth:`ParseState.partial`) and leaves the rest unread: they are the unrecognized lines
of the report (:mod:`.parser`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from netaudit.model import Device, ParseReport, Src, from_values
from netaudit.parsers.base import join_reasons
from netaudit.parsers.juniper_junos.syntax import PARTIAL, READ, UNREAD, Stmt


class Conf:
    """The statements in effect, looked up by the first words of their path."""

    def __init__(self, stmts: list[Stmt]):
        self.all = stmts
        self.by_head: dict[str, list[Stmt]] = defaultdict(list)
        # by the first two words too: `security` alone holds most of a firewall's lines
        self.by_two: dict[tuple[str, str], list[Stmt]] = defaultdict(list)
        for st in stmts:
            if st.active:
                p = st.path
                self.by_head[p[0]].append(st)
                if len(p) > 1:
                    self.by_two[p[0], p[1]].append(st)

    def under(self, *prefix: str) -> Iterator[tuple[tuple[str, ...], Stmt]]:
        """(the rest of the path, the statement) of every statement in effect under ``prefix``."""
        n = len(prefix)
        some = self.by_two.get((prefix[0], prefix[1]), ()) if n > 1 else self.by_head.get(prefix[0], ())
        if n <= 2:  # every statement of the list is under the prefix
            for st in some:
                yield st.path[n:], st
            return
        for st in some:
            if st.path[:n] == prefix:
                yield st.path[n:], st


class ParseState:
    """What one parse collects; the readers are mixed into :class:`.parser.JunosParser`."""

    def __init__(self, file: str, vendor: str, conf: Conf):
        self.file = file
        self.conf = conf
        self.dev = Device(hostname="", vendor=vendor, file=file)
        self.rep = ParseReport(file=file, vendor=vendor)

    def src(self, st: Stmt) -> Src:
        return from_values(Src, (self.file, st.line, st.text))

    def read(self, st: Stmt) -> None:
        """Mark ``st`` understood (modelled, or irrelevant on purpose)."""
        if st.state == UNREAD:
            st.state = READ

    def partial(self, construct: str, reason: str, st: Stmt) -> None:
        """``st`` affects forwarding in a way not (fully) modelled: listed with ``reason``."""
        st.state = PARTIAL
        self.rep.add_partial(construct, reason, self.src(st))


def add_reason(obj, reason: str) -> None:
    """Join ``reason`` to the ``partial`` of a model object."""
    obj.partial = join_reasons((obj.partial, reason))
