"""The parse state of one Linux device file: the device being built, the report, and
the line accounting every reader shares (recognized / ignored / partial / unrecognized)."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import Device, ParseReport, Src, from_values

from .facts import LinuxFacts

# Characters of a line a citation keeps (State.src): a longer line is cut, with "...".
CITED_MAX = 200


@dataclass
class RuleRec:
    """One ``ip rule`` entry as read (converted once the firewall marks are known)."""

    priority: int
    data: dict
    src: Src


@dataclass
class State:
    """Everything the readers record; :mod:`.parser` converts it to the model."""

    text: str
    file: str
    dev: Device = field(init=False)
    rep: ParseReport = field(init=False)
    facts: LinuxFacts = field(default_factory=LinuxFacts)
    ignored: int = 0
    rules: list[RuleRec] = field(default_factory=list)
    # Interface names a firewall or rule mentions that the device does not have.
    extra_ifaces: set[str] = field(default_factory=set)
    # Each interface of ``ip -j addr`` → its group as printed ("default", "5", a name
    # from /etc/iproute2/group; None: not shown), for iifgroup / -m devgroup (devgroups.py).
    ifgroups: dict[str, str | None] = field(default_factory=dict)
    sysctl: dict[str, tuple[str, Src]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)  # section kinds read

    def __post_init__(self) -> None:
        self.dev = Device(hostname="", vendor="linux", file=self.file)
        self.rep = ParseReport(file=self.file, vendor="linux")
        self.dev.facts = self.facts

    def src(self, line: int, text: str) -> Src:
        """A citation of line ``line`` (text cut to a readable length)."""
        text = text.strip()
        return from_values(Src, (self.file, line, text if len(text) <= CITED_MAX else text[: CITED_MAX - 3] + "..."))

    def unrecognized(self, line: int, text: str) -> None:
        """A line netaudit did not understand: listed in the report."""
        self.rep.unrecognized.append(self.src(line, text))

    def partial(self, construct: str, reason: str, src: Src) -> None:
        """A construct that affects forwarding, only partly understood."""
        self.rep.add_partial(construct, reason, src)

    def warn(self, message: Text) -> None:
        """A warning of the parse report (shown with the file), once."""
        if message not in self.rep.warnings:
            self.rep.warnings.append(message)

    def warn_line(self, line: int, message: Text) -> None:
        """A warning about line ``line`` ("line N: message")."""
        self.warn(Text("input.line", line=line, what=message))
