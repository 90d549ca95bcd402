"""Cisco IOS / IOS-XE change sets (docs/remedy.md): one ordered change set per device.

* **Blocks** are merged per interface and direction into one access list:
  - the interface has an extended ACL of its own → the new entries go at its **top**
    (sequence numbers below the first existing entry; ``ip access-list resequence`` first
    when there is no room), its old entries stay after them;
  - it has a standard ACL, or an ACL other places use too (another interface, NAT, a
    vty …) → a new extended ACL for this interface: the new entries, then the old
    entries (a standard entry ``permit SRC`` becomes ``permit ip SRC any``), bound in
    place of the old one;
  - it has none, or names one that does not exist (IOS: permits everything) → a new
    extended ACL: the new entries, then ``permit ip any any`` — never a list of denies
    alone, whose implicit deny would cut every other flow.

  A block is ``permit`` of the services the policy still allows, ``permit tcp …
  established`` when the interface lets TCP replies through today (sessions opened the
  other way keep working; no connection opens with them), then ``deny ip SRC DST``.
* **Restrictions**: vty lines ``transport input ssh`` (telnet off) and ``access-class``
  of a standard ACL of the management subnets; ``no ip http server`` and
  ``ip http access-class``; SNMP communities bound to that ACL; small servers off; Smart
  Install off (``no vstack``; a director is left to the unit: it serves deployments); ICMP
  echo (and any other service IOS has no knob for) denied to the device's own addresses
  at the top of the ingress ACLs where the zones that reached it enter (permitted from
  the management subnets where those arrive); a management source is denied first on
  every interface the management subnets cannot arrive by (those limits are by source).
* **Anti-spoofing**: strict uRPF on a forging zone's gateway, ``allow-default`` where a
  default route leaves (docs/remedy.md).
* The same change is applied textually to the configuration (``patched``), in
  running-config order, so the IOS parser reads the device as it will be.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..messages import both
from ..model import (
    Device,
    Filter,
)
from ..parsers.cisco_ios.facts import IOSFacts
from . import Rendered
from .addresses import outward_interfaces
from .entries import Ace, EntryPlanner
from .plan import DevicePlan

PREFIX = "NETAUDIT"
MGMT_ACL = f"{PREFIX}-MGMT"
SELF_GROUP = f"{PREFIX}-SELF"
HOSTS_BEFORE_GROUP = 8  # own addresses above this: one object-group instead of host entries
SMALL_SERVERS = {"tcp-small-servers", "udp-small-servers", "finger"}
VTY_SERVICES = {"ssh", "telnet"}
KNOB_SERVICES = VTY_SERVICES | {"http", "https", "snmp", "smart-install"} | SMALL_SERVERS
EXTENDED_RANGES = ((100, 199), (2000, 2699))
STANDARD_RANGES = ((1, 99), (1300, 1999))

_ACL_HEADER = re.compile(r"^ip access-list (standard|extended) (\S+)\s*$", re.I)


# --------------------------------------------------------------------------- entries


# --------------------------------------------------------------------------- the text


@dataclass
class _Text:
    """The configuration as lines, with edits keyed by 0-based line index."""

    lines: list[str]
    before: dict[int, list[str]] = field(default_factory=dict)
    replace: dict[int, list[str]] = field(default_factory=dict)
    tail: list[str] = field(default_factory=list)  # new top-level blocks

    def block_end(self, start: int) -> int:
        """Index of the first line after the block whose header is at ``start``."""
        i = start + 1
        while i < len(self.lines) and self.lines[i][:1] in (" ", "\t"):
            i += 1
        return i

    def anchor(self) -> int:
        """Where new top-level blocks go: before the first ACL, else the first
        ``line`` block, else ``end``, else the end of the file."""
        for pat in (r"^(ip access-list |access-list )", r"^line ", r"^end\s*$"):
            for i, text in enumerate(self.lines):
                if re.match(pat, text, re.I):
                    return i
        return len(self.lines)

    def render(self) -> str:
        out: list[str] = []
        anchor = self.anchor()
        for i, text in enumerate(self.lines):
            if i == anchor and self.tail:
                out += self.tail
            out += self.before.get(i, [])
            out += self.replace.get(i, [text])
        # Edits at the end of the last block of a file without a final `end` (an NX-OS-like
        # or hand-cut export): kept, or the change set would hold what the proof never saw.
        out += self.before.get(len(self.lines), [])
        if anchor >= len(self.lines) and self.tail:
            out += self.tail
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- ACLs in the text


@dataclass
class _AclText:
    name: str
    kind: str  # extended | standard | numbered-extended | numbered-standard | none
    header: int | None  # index of `ip access-list … NAME` (named)
    entries: list[int]  # indexes of its entry / remark lines, in order
    explicit_seq: list[int]  # the sequence numbers shown, when the text shows them


def _numbered_kind(name: str) -> str | None:
    if not name.isdecimal():
        return None
    n = int(name)
    if any(lo <= n <= hi for lo, hi in EXTENDED_RANGES):
        return "numbered-extended"
    if any(lo <= n <= hi for lo, hi in STANDARD_RANGES):
        return "numbered-standard"
    return None


def _find_acl(tx: _Text, name: str) -> _AclText:
    numbered = _numbered_kind(name)
    header, entries, seqs, kind = None, [], [], "none"
    for i, text in enumerate(tx.lines):
        m = _ACL_HEADER.match(text.strip()) if not text[:1].isspace() else None
        if m and m.group(2) == name:
            kind = m.group(1).lower()
            if header is None:
                header = i
            for j in range(i + 1, tx.block_end(i)):
                body = tx.lines[j].split()
                if not body:
                    continue
                entries.append(j)
                if body[0].isdecimal():
                    seqs.append(int(body[0]))
        elif numbered and not text[:1].isspace():
            toks = text.split()
            if len(toks) >= 3 and toks[0].lower() == "access-list" and toks[1] == name:
                kind = numbered
                entries.append(i)
    return _AclText(name, kind, header, entries, seqs)


def _standard_to_extended(body: list[str]) -> str | None:
    """``permit|deny SRC [log]`` of a standard ACL as an extended entry; None if unread."""
    if not body:
        return None
    if body[0].lower() == "remark":
        return " ".join(body)
    if body[0].lower() not in ("permit", "deny"):
        return None
    action, rest = body[0].lower(), body[1:]
    log = ""
    while rest and rest[-1].lower() in ("log", "log-input"):
        log = " " + rest[-1].lower()
        rest = rest[:-1]
    if rest == ["any"]:
        src = "any"
    elif len(rest) == 2 and rest[0].lower() == "host":
        src = f"host {rest[1]}"
    elif len(rest) == 1:
        src = f"host {rest[0]}"  # a standard entry without a wildcard is one host
    elif len(rest) == 2:
        src = f"{rest[0]} {rest[1]}"
    else:
        return None
    return f"{action} ip {src} any{log}"


def _old_entries(tx: _Text, acl: _AclText) -> list[str] | None:
    """The ACL's entries as extended entries without sequence numbers, in order;
    None when one cannot be carried over exactly."""
    out = []
    for i in acl.entries:
        toks = tx.lines[i].split()
        if acl.kind.startswith("numbered"):
            toks = toks[2:]
        elif toks and toks[0].isdecimal():
            toks = toks[1:]
        if not toks:
            continue
        if acl.kind in ("standard", "numbered-standard"):
            conv = _standard_to_extended(toks)
            if conv is None:
                return None
            out.append(conv)
        else:
            out.append(" ".join(toks))
    return out


# --------------------------------------------------------------------------- the renderer


@dataclass
class _Copy:
    """A new extended ACL bound where ``old`` was (or none was)."""

    name: str
    old: str  # the ACL it replaces ("" where there was none)
    direction: str
    why: str  # new | undefined | copy | standard
    interfaces: list[str] = field(default_factory=list)


class _Renderer(EntryPlanner):
    knob_services = frozenset(KNOB_SERVICES)
    self_group: str | None = SELF_GROUP
    hosts_before_group = HOSTS_BEFORE_GROUP

    def __init__(self, plan: DevicePlan, device: Device, text: str):
        super().__init__(plan, device)
        self.tx = _Text(text.splitlines())
        self.used_names = set(device.filters)
        self.mgmt_acl_needed = False
        # (old ACL, direction, new entries) -> the copy bound in its place
        self.copies: dict[tuple[str, str, tuple[str, ...]], _Copy] = {}
        self.drop_acls: list[str] = []  # rollback: the new ACLs go once nothing binds them

    # ----------------------------------------------------------------- helpers

    def new_name(self, base: str) -> str:
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", base).strip("-")
        cand, k = name, 2
        while cand in self.used_names:
            cand, k = f"{name}-{k}", k + 1
        self.used_names.add(cand)
        return cand

    def iface_line(self, ifname: str) -> int | None:
        iface = self.dev.interfaces.get(ifname)
        if iface is None or iface.source is None:
            return None
        idx = iface.source.line - 1
        if 0 <= idx < len(self.tx.lines) and self.tx.lines[idx].lower().startswith("interface"):
            return idx
        return None

    def outside_interfaces(self) -> list[str]:
        """The NAT-outside interfaces (``ip nat outside``)."""
        return [i.name for i in self.dev.interfaces.values() if i.nat_side == "outside" and not i.shutdown]

    def access_group_line(self, start: int, direction: str) -> int | None:
        for j in range(start + 1, self.tx.block_end(start)):
            toks = self.tx.lines[j].split()
            low = [t.lower() for t in toks]
            if len(low) >= 4 and low[:2] == ["ip", "access-group"] and low[3] == direction:
                return j
        return None

    # ----------------------------------------------------------------- blocks

    def current_filter(self, ifname: str, direction: str) -> Filter | None:
        flt = self.bound_filter(ifname, direction)
        if flt is None or flt.kind == "synthesized":
            return None  # none, or undefined/empty: IOS permits every packet
        return flt

    # ----------------------------------------------------------------- control plane by ACL

    def note_tunnels_closed(self) -> None:
        """What closing the tunnel servers means for the unit, each named with its
        vpdn-group (the group header above the service's line)."""
        if not self.tunnels_closed:
            return
        named: list[str] = []
        for svc in self.dev.services:
            if svc.name not in self.tunnels_closed or svc.source is None:
                continue
            group = next(
                (
                    line.split()[1]
                    for line in reversed(self.tx.lines[: svc.source.line])
                    if line.lower().startswith("vpdn-group ") and len(line.split()) > 1
                ),
                "?",
            )
            text = f"{svc.name} (vpdn-group {group})"
            if text not in named:
                named.append(text)
        self.out.note(**both("fix.note.tunnel_closed", device=self.dev.hostname, services=", ".join(named)))

    # ----------------------------------------------------------------- ACL rendering

    def render_acls(self) -> None:
        self.group_sizes: Counter = Counter(
            self.group_key(ifname, direction, [a.text() for a in aces])
            for (ifname, direction), aces in self.entries.items()
            if aces and ifname in self.dev.interfaces
        )
        for (ifname, direction), aces in self.entries.items():
            if aces:
                self.render_acl(ifname, direction, aces)

    def render_acl(self, ifname: str, direction: str, aces: list[Ace]) -> None:
        tx, out = self.tx, self.out
        iface = self.dev.interfaces.get(ifname)
        start = self.iface_line(ifname)
        if iface is None or start is None:
            out.note(
                f"Không tìm thấy giao diện {ifname} trong tệp cấu hình: bỏ qua phần chặn tại đó.",
                f"Interface {ifname} not found in the configuration file: its blocks are skipped.",
            )
            return
        current = iface.filter_in if direction == "in" else iface.filter_out
        ag_line = self.access_group_line(start, direction)
        texts = [a.text() for a in aces]
        if current is None:
            self.shared_acl(ifname, direction, texts, "new", [*texts, "permit ip any any"], None)
            return
        acl = _find_acl(tx, current)
        flt = self.dev.filters.get(current)
        undefined = flt is None or flt.kind == "synthesized" or not acl.entries
        if undefined:
            self.shared_acl(ifname, direction, texts, "undefined", [*texts, "permit ip any any"], current)
            return
        shared = self.shared(current, ag_line)
        if acl.kind in ("extended", "numbered-extended") and not shared:
            self.insert_top(acl, texts)
            return
        old = _old_entries(tx, acl)
        if old is None:
            out.note(
                f"ACL {current} trên {ifname} có mục không chuyển được sang ACL mở rộng: bỏ qua phần chặn tại đó.",
                f"ACL {current} on {ifname} has an entry that cannot be carried into an extended ACL: "
                "its blocks are skipped.",
            )
            return
        why = "standard" if "standard" in acl.kind else "copy"
        self.shared_acl(ifname, direction, texts, why, texts + old, current)

    def group_key(self, ifname: str, direction: str, texts: list[str]) -> tuple[str, str, tuple[str, ...]]:
        iface = self.dev.interfaces[ifname]
        bound = iface.filter_in if direction == "in" else iface.filter_out
        return (bound or "", direction, tuple(texts))

    def shared_acl(self, ifname: str, direction: str, texts: list[str], why: str, body: list[str], old: str | None):
        """A new ACL of ``body`` bound to the interface in place of ``old``.  Interfaces
        that had the same ACL (or none) and get the same new entries share one new ACL:
        a campus core binds one ACL to dozens of SVIs — one copy, not one per SVI."""
        key = self.group_key(ifname, direction, texts)
        start = self.iface_line(ifname)
        assert start is not None
        if_header = self.tx.lines[start].strip()
        ag_line = self.access_group_line(start, direction)
        copy = self.copies.get(key)
        if copy is None:
            base = ifname if self.group_sizes.get(key, 1) == 1 else (old or "SHARED")
            name = self.new_acl(if_header, start, ag_line, ifname, direction, body, old, base=base)
            copy = self.copies[key] = _Copy(name, old or "", direction, why)
        else:
            self.bind(if_header, start, ag_line, direction, copy.name, old)
        copy.interfaces.append(ifname)

    def render_antispoof(self) -> None:
        """Strict uRPF (``ip verify unicast source reachable-via rx``) where a zone that
        forges source addresses enters: a source not routed back through that interface is
        dropped, so its hosts can only send with their own addresses."""
        done = []
        outward = set(outward_interfaces(self.dev))
        for a in self.plan.antispoofs:
            start = self.iface_line(a.interface)
            if start is None:
                continue
            if_header = self.tx.lines[start].strip()
            strict = " ip verify unicast source reachable-via rx"
            if a.interface in outward:
                # Without allow-default IOS ignores the default route in the check: every
                # packet from the Internet — every reply too — would be dropped here
                # (docs/vendors/cisco_ios.md, uRPF).
                strict += " allow-default"
            old = next(
                (
                    j
                    for j in range(start + 1, self.tx.block_end(start))
                    if self.tx.lines[j].strip().lower().startswith("ip verify unicast")
                ),
                None,
            )
            self.out.config += [if_header, strict, "exit"]
            if old is not None:
                self.out.rollback += [if_header, " " + self.tx.lines[old].strip(), "exit"]
                self.tx.replace[old] = [strict]
            else:
                self.out.rollback += [if_header, " no" + strict, "exit"]
                self.tx.before.setdefault(self.tx.block_end(start), []).append(strict)
            done.append(a.interface)
        if done:
            self.out.note(
                f"Chống giả mạo địa chỉ nguồn (uRPF chặt) trên {', '.join(done)}: cần CEF (ip cef); gói có địa chỉ "
                "nguồn không được định tuyến ngược về đúng cổng nhận sẽ bị loại. Sau khi áp dụng, xem show ip "
                "interface … | include verify và bộ đếm drop.",
                f"Source anti-spoofing (strict uRPF) on {', '.join(done)}: needs CEF (ip cef); a packet whose source "
                "is not routed back through the interface it came in by is dropped. After applying, check show ip "
                "interface … | include verify and its drop counter.",
            )

    def note_copies(self) -> None:
        """One note per new ACL that replaces an old one, naming every interface it is bound to."""
        for c in self.copies.values():
            where = ", ".join(c.interfaces)
            if c.why == "undefined":
                self.out.note(
                    f"{where} ({c.direction}): ACL {c.old} được gắn nhưng chưa được định nghĩa hoặc rỗng (IOS cho qua "
                    f"mọi gói): thay bằng ACL mới {c.name}, kết thúc bằng permit ip any any.",
                    f"{where} ({c.direction}): ACL {c.old} is bound but not defined or empty (IOS permits every "
                    f"packet): a new ACL {c.name} ending with permit ip any any is bound in its place.",
                )
            elif c.why in ("copy", "standard"):
                standard = c.why == "standard"
                why_vi = "ACL chuẩn chỉ lọc theo nguồn" if standard else "ACL này còn được dùng ở nơi khác"
                why_en = "a standard ACL filters on the source only" if standard else "the ACL is used elsewhere too"
                self.out.note(
                    f"{where} ({c.direction}): {why_vi}; ACL mở rộng mới {c.name} gồm các mục chặn rồi toàn bộ mục "
                    f"cũ của {c.old}, gắn thay cho {c.old}.",
                    f"{where} ({c.direction}): {why_en}; a new extended ACL {c.name} holds the new entries and then "
                    f"every entry of {c.old}, bound in its place.",
                )

    def render_unbinds(self) -> None:
        """``no ip access-group`` where the bound ACL does not exist (IOS filters nothing
        there, so nothing changes for the packets) — unless a block rebinds it already."""
        for u in self.plan.unbinds:
            if self.entries.get((u.interface, u.direction)):
                continue  # render_acl bound a new ACL in its place
            start = self.iface_line(u.interface)
            ag_line = self.access_group_line(start, u.direction) if start is not None else None
            if start is None or ag_line is None:
                continue
            if_header = self.tx.lines[start].strip()
            self.out.config += [if_header, f" no ip access-group {u.acl} {u.direction}", "exit"]
            self.out.rollback += [if_header, f" ip access-group {u.acl} {u.direction}", "exit"]
            self.tx.replace[ag_line] = []
            self.out.note(
                f"{u.interface} ({u.direction}): ACL {u.acl} được gắn nhưng không tồn tại (IOS không lọc gì): gỡ "
                "dòng gắn, lưu lượng không đổi. Nếu định lọc ở đây, hãy định nghĩa ACL đó và kiểm tra lại.",
                f"{u.interface} ({u.direction}): ACL {u.acl} is bound but does not exist (IOS filters nothing): "
                "the binding is removed, no traffic changes. If a filter was meant to be there, define it and audit "
                "again.",
            )

    def shared(self, name: str, ag_line: int | None) -> bool:
        """Whether ACL ``name`` is used anywhere but this interface's access-group."""
        for ref in self.dev.references:
            if ref.kind == "acl" and ref.name == name and (ag_line is None or ref.source.line != ag_line + 1):
                return True
        return False

    def new_acl(
        self,
        if_header: str,
        start: int,
        ag_line: int | None,
        ifname: str,
        direction: str,
        texts: list[str],
        old: str | None,
        base: str | None = None,
    ) -> str:
        """A new extended ACL of ``texts`` (named after ``base``, else the interface),
        bound to the interface in place of ``old``; its name."""
        name = self.new_name(f"{PREFIX}-{base or ifname}-{direction.upper()}")
        block = [f"ip access-list extended {name}", *[f" {t}" for t in texts]]
        self.out.config += [*block, "exit"]
        self.tx.tail += [*block, "!"]
        self.drop_acls.append(f"no ip access-list extended {name}")
        self.bind(if_header, start, ag_line, direction, name, old)
        return name

    def bind(self, if_header: str, start: int, ag_line: int | None, direction: str, name: str, old: str | None) -> None:
        """``ip access-group name`` on the interface, in place of ``old`` (rollback: ``old`` back)."""
        self.out.config += [if_header, f" ip access-group {name} {direction}", "exit"]
        self.out.rollback += [if_header]
        if old is not None:
            self.out.rollback.append(f" ip access-group {old} {direction}")
        else:
            self.out.rollback.append(f" no ip access-group {name} {direction}")
        self.out.rollback.append("exit")
        self.bind_text(start, ag_line, f" ip access-group {name} {direction}")

    def bind_text(self, start: int, ag_line: int | None, new_line: str) -> None:
        """The interface's ``ip access-group`` line in the text: in place of the old one, or added."""
        if ag_line is not None:
            self.tx.replace[ag_line] = [new_line]
        else:
            end = self.tx.block_end(start)
            self.tx.before.setdefault(end, []).append(new_line)

    def insert_top(self, acl: _AclText, texts: list[str]) -> None:
        n = len(texts)
        first = min(acl.explicit_seq) if acl.explicit_seq else 10
        explicit = bool(acl.explicit_seq)
        reseq = None
        if explicit and first - 1 >= n:
            step = min(10, (first - 1) // n)
            seqs = [step * (i + 1) for i in range(n)]
        else:
            start = max(1000, -(-(n + 1) * 10 // 1000) * 1000)
            reseq = start
            seqs = [10 * (i + 1) for i in range(n)]
        if reseq is not None:
            self.out.config.append(f"ip access-list resequence {acl.name} {reseq} 10")
        self.out.config.append(f"ip access-list extended {acl.name}")
        self.out.config += [f" {s} {t}" for s, t in zip(seqs, texts, strict=True)]
        self.out.config.append("exit")
        self.out.rollback.append(f"ip access-list extended {acl.name}")
        self.out.rollback += [f" no {s}" for s in seqs]
        self.out.rollback.append("exit")
        # The text: new entries before the first old one, in running-config form.
        if acl.kind == "numbered-extended":
            pos = acl.entries[0]
            self.tx.before.setdefault(pos, []).extend(f"access-list {acl.name} {t}" for t in texts)
        else:
            assert acl.header is not None
            lines = [f" {s} {t}" if explicit else f" {t}" for s, t in zip(seqs, texts, strict=True)]
            self.tx.before.setdefault(acl.header + 1, []).extend(lines)
            if explicit and reseq is not None:
                k = reseq
                for i in acl.entries:
                    toks = self.tx.lines[i].split()
                    if toks and toks[0].isdecimal():
                        self.tx.replace[i] = [" " + " ".join([str(k), *toks[1:]])]
                        k += 10
        if reseq is not None:
            self.out.note(
                f"ACL {acl.name} được đánh lại số thứ tự ({reseq}, {reseq + 10} …) để chèn mục mới lên đầu; "
                "hoàn tác xóa các mục mới, thứ tự các mục cũ giữ nguyên.",
                f"ACL {acl.name} is resequenced ({reseq}, {reseq + 10} …) to make room at its top; the rollback "
                "removes the new entries, the old ones keep their order.",
            )

    # ----------------------------------------------------------------- knobs

    def mgmt_acl(self) -> str:
        self.mgmt_acl_needed = True
        return MGMT_ACL

    def render_vty(self) -> None:
        rs = {r.service: r for r in self.plan.restricts if r.service in VTY_SERVICES}
        if not rs:
            return
        telnet_off = "telnet" in rs
        ssh = rs.get("ssh")
        restrict_to = self.mgmt if (ssh is None or ssh.allow_from or self.mgmt) else []
        vty = [i for i, t in enumerate(self.tx.lines) if re.match(r"^line vty\b", t, re.I)]
        acl = self.mgmt_acl() if restrict_to else None
        if not restrict_to and not self.console_only():
            self.out.note(
                "Không có vùng quản trị trong tệp site: SSH không được giới hạn nguồn (khai báo một vùng "
                "kind: management rồi chạy lại).",
                "No management zone in the site file: SSH is not limited to a source (declare a zone of "
                "kind: management and run again).",
            )
        new_lines = []
        if acl:
            new_lines.append(f" access-class {acl} in")
        if telnet_off:
            new_lines.append(" transport input ssh")
        if not new_lines:
            return
        if not vty:
            self.out.config += ["line vty 0 4", *new_lines, "exit"]
            self.out.rollback += ["line vty 0 4"]
            if acl:
                self.out.rollback.append(f" no access-class {acl} in")
            if telnet_off:
                self.out.rollback.append(" default transport input")
            self.out.rollback.append("exit")
            end = next((i for i, t in enumerate(self.tx.lines) if re.match(r"^end\s*$", t)), len(self.tx.lines))
            self.tx.before.setdefault(end, []).extend(["line vty 0 4", *new_lines])
        for i in vty:
            header = self.tx.lines[i].strip()
            end = self.tx.block_end(i)
            old_ac = old_tr = None
            for j in range(i + 1, end):
                toks = self.tx.lines[j].split()
                low = [t.lower() for t in toks]
                if low[:1] == ["access-class"] and low[-1:] == ["in"]:
                    old_ac = j
                elif low[:2] == ["transport", "input"]:
                    old_tr = j
            self.out.config += [header, *new_lines, "exit"]
            self.out.rollback.append(header)
            if acl:
                if old_ac is not None:
                    self.out.rollback.append(" " + self.tx.lines[old_ac].strip())
                    self.tx.replace[old_ac] = [f" access-class {acl} in"]
                else:
                    self.out.rollback.append(f" no access-class {acl} in")
                    self.tx.before.setdefault(end, []).append(f" access-class {acl} in")
            if telnet_off:
                if old_tr is not None:
                    self.out.rollback.append(" " + self.tx.lines[old_tr].strip())
                    self.tx.replace[old_tr] = [" transport input ssh"]
                else:
                    self.out.rollback.append(" default transport input")
                    self.tx.before.setdefault(end, []).append(" transport input ssh")
            self.out.rollback.append("exit")
        if telnet_off:
            self.out.note(
                "Trước khi tắt Telnet: kiểm tra SSH đã chạy (show ip ssh: hostname, ip domain name, crypto key "
                "generate rsa modulus 2048, ip ssh version 2) và đang quản trị qua SSH, nếu không chỉ còn "
                "cổng console.",
                "Before Telnet goes: check that SSH runs (show ip ssh: hostname, ip domain name, crypto key generate "
                "rsa modulus 2048, ip ssh version 2) and that you are connected over SSH, or only the console is left.",
            )

    def note_console_only(self) -> None:
        zones = self.console_only()
        if zones:
            note = both("fix.note.no_mgmt_console", zones=", ".join(zones))
            self.out.note(note["vi"], note["en"])

    def render_http(self) -> None:
        rs = {r.service: r for r in self.plan.restricts if r.service in ("http", "https")}
        if not rs:
            return
        for i, t in enumerate(self.tx.lines):
            low = t.strip().lower()
            if "http" in rs and low == "ip http server":
                self.out.config.append("no ip http server")
                self.out.rollback.append("ip http server")
                self.tx.replace[i] = ["no ip http server"]
        if "https" in rs and self.mgmt:
            acl = self.mgmt_acl()
            old = next(
                (i for i, t in enumerate(self.tx.lines) if t.strip().lower().startswith("ip http access-class")), None
            )
            self.out.config.append(f"ip http access-class ipv4 {acl}")
            if old is not None:
                self.out.rollback.append(self.tx.lines[old].strip())
                self.tx.replace[old] = [f"ip http access-class ipv4 {acl}"]
            else:
                self.out.rollback.append(f"no ip http access-class ipv4 {acl}")
                sec = next(
                    (i for i, t in enumerate(self.tx.lines) if t.strip().lower() == "ip http secure-server"),
                    self.tx.anchor(),
                )
                self.tx.before.setdefault(sec + 1 if sec < len(self.tx.lines) else sec, []).append(
                    f"ip http access-class ipv4 {acl}"
                )
            self.out.note(
                "IOS cũ (trước 15.2) chỉ nhận ACL đánh số cho ip http access-class: khi đó dùng một ACL chuẩn "
                "đánh số có cùng nội dung.",
                "Older IOS (before 15.2) takes only a numbered ACL for ip http access-class: use a numbered "
                "standard ACL with the same entries there.",
            )

    def render_snmp(self) -> None:
        if not any(r.service == "snmp" for r in self.plan.restricts):
            return
        for i, t in enumerate(self.tx.lines):
            toks = t.split()
            if len(toks) < 3 or [w.lower() for w in toks[:2]] != ["snmp-server", "community"]:
                continue
            if self.mgmt:
                new = _community_with_acl(toks, self.mgmt_acl())
                self.out.config.append(new)
                self.out.rollback.append(t.strip())
                self.tx.replace[i] = [new]
            else:
                self.out.config.append(f"no snmp-server community {toks[2]}")
                self.out.rollback.append(t.strip())
                self.tx.replace[i] = []
        self.out.note(
            "Thay đổi SNMP chứa chuỗi community: giữ tệp này như chính cấu hình; nên chuyển sang SNMPv3.",
            "The SNMP change holds the community string: keep this file as safe as the configuration itself; "
            "prefer SNMPv3.",
        )

    def render_small_servers(self) -> None:
        for r in self.plan.restricts:
            if r.service not in SMALL_SERVERS:
                continue
            for i, t in enumerate(self.tx.lines):
                if t.strip().lower() == f"service {r.service}":
                    self.out.config.append(f"no service {r.service}")
                    self.out.rollback.append(f"service {r.service}")
                    self.tx.replace[i] = [f"no service {r.service}"]

    def render_smart_install(self) -> None:
        """Smart Install off: ``no vstack`` in place of a bare ``vstack`` line, or added before
        the ``line`` blocks when the configuration shows none (the client may be on by
        default: docs/vendors/cisco_ios.md, "Smart Install").  The rollback restores
        ``vstack`` only where the configuration had it: where it did not, whether the client
        was on is what the configuration did not show.  A director is left to the unit:
        turning it off stops the deployments it serves."""
        rs = [r for r in self.plan.restricts if r.service == "smart-install"]
        if not rs:
            return
        facts = self.dev.facts
        if isinstance(facts, IOSFacts) and facts.smart_install == "director":
            why = both("fix.left.smart_install_director", device=self.dev.hostname)
            for r in rs:
                self.out.leave(r.findings, why)
            return
        bare = [i for i, t in enumerate(self.tx.lines) if re.match(r"^vstack\s*$", t, re.I)]
        self.out.config.append("no vstack")
        if bare:
            for i in bare:
                self.tx.replace[i] = ["no vstack"]
            self.out.rollback.append("vstack")
            return
        at = next(
            (i for pat in (r"^line ", r"^end\s*$") for i, t in enumerate(self.tx.lines) if re.match(pat, t, re.I)),
            len(self.tx.lines),
        )
        self.tx.before.setdefault(at, []).append("no vstack")

    def prelude(self) -> tuple[list[str], list[str]]:
        """Objects the rest uses: the management ACL and the own-address group."""
        cfg: list[str] = []
        rb: list[str] = []
        if self.mgmt_acl_needed:
            existing = _find_acl(self.tx, MGMT_ACL)
            block = [f"ip access-list standard {MGMT_ACL}"]
            block += [
                f" permit {n.network} {n.hostmask}" if n.prefixlen < 32 else f" permit host {n.ip}" for n in self.mgmt
            ]
            block.append(" deny any log")
            if existing.kind == "none":
                cfg += [*block, "exit"]
                rb.append(f"no ip access-list standard {MGMT_ACL}")
                self.tx.tail[:0] = [*block, "!"]
        if self.group_needed:
            own = self.own_addresses()
            block = [f"object-group network {SELF_GROUP}", *[f" host {x.ip}" for x in own]]
            cfg += [*block, "exit"]
            rb.append(f"no object-group network {SELF_GROUP}")
            self.tx.tail[:0] = [*block, "!"]
            self.out.note(
                f"Các mục chặn tới địa chỉ của chính thiết bị dùng object-group {SELF_GROUP} (IOS 12.4(20)T, "
                "IOS-XE trở lên; Catalyst 2960/3560 đời cũ không hỗ trợ: thay bằng từng mục host).",
                f"The entries toward the device's own addresses use object-group {SELF_GROUP} (IOS 12.4(20)T, "
                "IOS-XE and later; older Catalyst 2960/3560 lack it: one host entry each there).",
            )
        return cfg, rb

    def render(self) -> Rendered:
        self.plan_blocks()
        self.plan_control_plane()
        self.plan_closes()
        self.note_tunnels_closed()
        self.plan_mgmt_antispoof()
        self.render_acls()
        self.note_copies()
        self.render_unbinds()
        self.render_antispoof()
        self.note_console_only()
        self.render_vty()
        self.render_http()
        self.render_snmp()
        self.render_small_servers()
        self.render_smart_install()
        return self.finish(_safety_notes())

    def finish(self, safety: list[dict[str, str]]) -> Rendered:
        """The change set (``configure terminal`` … ``end``, headed by ``safety`` and the notes)
        and its rollback — bindings first, the new objects last (reverse order of dependency)."""
        pre_cfg, pre_rb = self.prelude()
        body = pre_cfg + self.out.config
        rollback = self.out.rollback + self.drop_acls + pre_rb
        notes = safety + self.out.notes
        header = [f"! netaudit fix — {self.dev.hostname} ({self.plan.file})"]
        header += [f"! {n['en']}" for n in notes]
        change_set = "\n".join([*header, "configure terminal", *body, "end"]) + "\n" if body else ""
        rb_text = (
            "\n".join([f"! netaudit fix rollback — {self.dev.hostname}", "configure terminal", *rollback, "end"]) + "\n"
            if rollback
            else ""
        )
        return Rendered(change_set, self.tx.render(), rb_text, notes, dict(self.out.left))


def _community_with_acl(toks: list[str], acl: str, head: int = 3) -> str:
    """``snmp-server community STRING [view V] [RO|RW] [ACL]`` bound to ``acl`` (``head``: how
    many words name the community — RGOS writes its encryption type before the string)."""
    out = toks[:head]
    i = head
    while i < len(toks):
        w = toks[i].lower()
        if w == "view" and i + 1 < len(toks):
            out += toks[i : i + 2]
            i += 2
        elif w in ("ro", "rw"):
            out.append(toks[i])
            i += 1
        elif w == "ipv6" and i + 1 < len(toks):
            out += toks[i : i + 2]
            i += 2
        else:
            i += 1  # the old ACL
    if not any(t.lower() in ("ro", "rw") for t in out[head:]):
        out.append("RO")
    return " ".join([*out, acl])


def _safety_notes() -> list[dict[str, str]]:
    return [
        {
            "vi": "Trước khi áp dụng: lưu cấu hình đang chạy ra tệp (copy running-config flash:truoc-khi-sua.cfg).",
            "en": "Before applying: save the running configuration to a file (copy running-config "
            "flash:before-fix.cfg).",
        },
        {
            "vi": "Áp dụng từ máy trong vùng quản trị (VLAN quản trị), qua SSH hoặc console, không từ vùng bị chặn.",
            "en": "Apply from a host in the management zone (management VLAN), over SSH or the console, never "
            "from a zone the change blocks.",
        },
        {
            "vi": "Đặt lưới an toàn: reload in 10 trước khi dán; kiểm tra xong thì reload cancel.",
            "en": "Safety net: reload in 10 before pasting; reload cancel once everything is checked.",
        },
        {
            "vi": "Chỉ write memory sau khi đã kiểm tra (quản trị vẫn vào được, các vùng vẫn ra Internet).",
            "en": "write memory only after checking (management still gets in, the zones still reach the Internet).",
        },
    ]


def render(plan: DevicePlan, device: Device, text: str) -> Rendered:
    """The change set of ``plan`` for the IOS ``device`` whose configuration is ``text``."""
    return _Renderer(plan, device, text).render()


__all__ = ["Ace", "render"]
