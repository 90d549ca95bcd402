"""Values of ``nft list ruleset``: tokens, sets, addresses, ports, protocols, ICMP types,
connection states — each turned into exact ranges (:mod:`netaudit.parsers.packet_sets`).

A value that cannot be read returns None; the caller keeps the rule wider and says why.
"""

from __future__ import annotations

import re

from netaudit.parsers.ip import ip_to_int
from netaudit.parsers.packet_sets import ADDR_MAX, Cond, Ranges, norm, r_not

PROTOCOLS = {
    "icmp": 1, "igmp": 2, "ipip": 4, "ipencap": 4, "tcp": 6, "egp": 8, "udp": 17, "dccp": 33,
    "ipv6": 41, "rsvp": 46, "gre": 47, "esp": 50, "ah": 51, "ipv6-icmp": 58, "icmpv6": 58,
    "ospf": 89, "ospfigp": 89, "pim": 103, "vrrp": 112, "l2tp": 115, "sctp": 132, "udplite": 136,
    "udp-lite": 136,
}  # fmt: skip
SERVICES = {
    "ftp-data": 20, "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "bootps": 67,
    "bootpc": 68, "tftp": 69, "http": 80, "www": 80, "kerberos": 88, "pop3": 110, "ntp": 123,
    "netbios-ns": 137, "netbios-dgm": 138, "netbios-ssn": 139, "imap": 143, "snmp": 161,
    "snmp-trap": 162, "ldap": 389, "https": 443, "microsoft-ds": 445, "isakmp": 500,
    "syslog": 514, "submission": 587, "ldaps": 636, "imaps": 993, "pop3s": 995,
    "openvpn": 1194, "ms-sql-s": 1433, "l2tp": 1701, "pptp": 1723, "radius": 1812,
    "nfs": 2049, "mysql": 3306, "ms-wbt-server": 3389, "rdp": 3389, "ipsec-nat-t": 4500,
    "sip": 5060, "postgresql": 5432, "http-alt": 8080, "webcache": 8080, "winbox": 8291,
    "domain-s": 853, "dhcpv6-client": 546, "dhcpv6-server": 547, "mdns": 5353,
    "wireguard": 51820, "rtsp": 554, "bgp": 179,
}  # fmt: skip
ICMP_TYPES = {
    "echo-reply": 0, "destination-unreachable": 3, "source-quench": 4, "redirect": 5,
    "echo-request": 8, "router-advertisement": 9, "router-solicitation": 10,
    "time-exceeded": 11, "parameter-problem": 12, "timestamp-request": 13,
    "timestamp-reply": 14, "info-request": 15, "info-reply": 16,
    "address-mask-request": 17, "address-mask-reply": 18,
}  # fmt: skip
# ICMP types conntrack accepts as the start of a connection (nf_conntrack_proto_icmp):
# every other type arriving without a connection is "invalid".
ICMP_NEW_TYPES: Ranges = ((8, 8), (13, 13), (15, 15), (17, 17))
ICMP_INVALID_TYPES: Ranges = r_not(ICMP_NEW_TYPES, 255)
# Protocols with ports as ``th`` (transport header) reads them.
PORT_PROTOS: Ranges = ((6, 6), (17, 17), (33, 33), (132, 132), (136, 136))

# ct state → the packets of that state, for packets the engine injects (connection
# openers, ``est=False``) and replies (``est=True``).
STATE_CONDS: dict[str, list[Cond]] = {
    "established": [Cond(est=True)],
    "related": [Cond(est=True)],
    "new": [Cond(est=False, proto=((0, 0), (2, 255))), Cond(est=False, proto=((1, 1),), itype=ICMP_NEW_TYPES)],
    "invalid": [Cond(est=False, proto=((1, 1),), itype=ICMP_INVALID_TYPES)],
    "untracked": [],  # only with a notrack rule (see nftables.py)
}

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\{|\}|[^\s{}"]+')


def tokenize(text: str) -> list[str]:
    """Words, quoted strings (quotes kept) and braces of one rule; a ``{ … }`` group is
    folded into one token beginning with ``{``."""
    if '"' not in text and "{" not in text and "}" not in text and "," not in text and "\\" not in text:
        return text.split()  # what the steps below give such a text (nearly every rule without a group)
    if "\\" not in text:
        head, _, rest = text.partition("{")
        group, closed, tail = rest.partition("}")
        if (
            closed
            and '"' not in head
            and "," not in head
            and "}" not in head
            and '"' not in group
            and "{" not in group
            and "{" not in tail
            and "}" not in tail
            and "," not in tail
            and not tail.count('"') % 2
        ):
            # One group, quotes after it only, no list outside it (a rule with a port
            # group and a comment): its words, the group folded, the quoted words whole
            # — what the steps below give it (tests/parsers/linux/test_nft_syntax.py).
            # (Cut by partition: a search per character class, no index or copy.)
            out = head.split()
            out.append(" ".join(["{", *group.split(), "}"]))
            if '"' not in tail:
                out += tail.split()
                return out
            for n, part in enumerate(tail.split('"')):
                if n % 2:
                    out.append(f'"{part}"')
                else:
                    out += part.split()
            return out
    return _folded(text)


def _folded(text: str) -> list[str]:
    """:func:`tokenize` of any text (its quick shapes aside)."""
    raw = _raw_tokens(text)
    if "{" not in text and "}" not in text:
        if "," not in text:
            return raw  # no group, no list: the words as they are
    elif raw.count("{") == 1 and raw.count("}") == 1:
        k, m = raw.index("{"), raw.index("}")
        if k < m:  # one group (the common rule): folded without the loop below
            outside = raw[:k] + raw[m + 1 :]
            out = [*raw[:k], " ".join(raw[k : m + 1]), *raw[m + 1 :]]
            return _join_lists(out) if "," in "".join(outside) else out
    out = []
    depth = 0
    buf: list[str] = []
    comma = False  # a word outside the groups holds a comma: a list to join
    for t in raw:
        if t == "{":
            depth += 1
            buf.append(t)
            continue
        if depth:
            buf.append(t)
            if t == "}":
                depth -= 1
                if depth == 0:
                    out.append(" ".join(buf))
                    buf = []
            continue
        out.append(t)
        if "," in t:
            comma = True
    if buf:
        out.append(" ".join(buf))  # unbalanced: the caller sees a group it cannot read
    if comma:  # (the commas of a group or a quoted string join nothing)
        out = _join_lists(out)
    return out


def _raw_tokens(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, by ``str.split`` where the text allows it (a regex over
    every rule of a dump costs twice the splits): a quote always ends a word and quotes
    alternate when none is escaped or left open."""
    if "\\" in text or text.count('"') % 2:
        return _TOKEN.findall(text)
    if '"' not in text:
        return _split_braces(text)
    out: list[str] = []
    for k, part in enumerate(text.split('"')):
        if k % 2:
            out.append(f'"{part}"')
        elif part:
            out += _split_braces(part)
    return out


def _split_braces(text: str) -> list[str]:
    """Words and braces of a text without quotes."""
    if "{" in text or "}" in text:
        text = text.replace("{", " { ").replace("}", " } ")
    return text.split()


def _join_lists(toks: list[str]) -> list[str]:
    """``related, established`` (blanks around the commas of a list, which nft's grammar
    allows) as the one value ``related,established``."""
    out: list[str] = []
    for t in toks:
        if out and not t.startswith(("{", '"')) and (out[-1].endswith(",") or t.startswith(",")):
            out[-1] += t
        else:
            out.append(t)
    return out


def elements(group: str) -> list[str]:
    """The elements of a ``{ a, b-c, "x" : jump y }`` group (top level, comma separated)."""
    inner = group.strip()
    if inner.startswith("{"):
        inner = inner[1:]
    if inner.endswith("}"):
        inner = inner[:-1]
    out: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in inner:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return [e for e in out if e]


def cut(text: str) -> str:
    """A statement as quoted in a reason: at most 60 characters."""
    return text if len(text) <= 60 else text[:57] + "..."


def unquote(s: str) -> str:
    return s[1:-1] if len(s) >= 2 and s[0] == s[-1] == '"' else s


def one_addr(v: str) -> tuple[int, int] | None:
    """One address, prefix (``a/len``) or range (``a-b``) as a range; None: not one."""
    v = unquote(v.strip())
    if "/" in v:
        a, _, plen = v.partition("/")
        ai = ip_to_int(a)
        if ai is None or not plen.isdecimal() or int(plen) > 32:
            return None
        size = 32 - int(plen)
        lo = ai & ~((1 << size) - 1) & ADDR_MAX
        return lo, lo | ((1 << size) - 1)
    if "-" in v:
        a, _, b = v.partition("-")
        rlo, rhi = ip_to_int(a.strip()), ip_to_int(b.strip())
        if rlo is None or rhi is None or rlo > rhi:
            return None
        return rlo, rhi
    ai = ip_to_int(v)
    return None if ai is None else (ai, ai)


def _one_num(v: str, names: dict[str, int], maxv: int) -> tuple[int, int] | None:
    v = unquote(v.strip())
    if v in names:
        return names[v], names[v]
    if "-" in v and not v.startswith("-"):
        a, _, b = v.partition("-")
        lo, hi = _num(a, names), _num(b, names)
        if lo is None or hi is None or lo > hi or hi > maxv:
            return None
        return lo, hi
    n = _num(v, names)
    return None if n is None or n > maxv else (n, n)


def _num(v: str, names: dict[str, int]) -> int | None:
    v = v.strip()
    if v in names:
        return names[v]
    try:
        return int(v, 0)
    except ValueError:
        return None


def values(items: list[str], kind: str) -> Ranges | None:
    """The union of ranges of ``items`` (set elements or one value) read as ``kind``
    (addr | port | proto | icmp | num), or None when one cannot be read."""
    out: list[tuple[int, int]] = []
    for it in items:
        if kind == "addr":
            r = one_addr(it)
        elif kind == "port":
            r = _one_num(it, SERVICES, 65535)
        elif kind == "proto":
            r = _one_num(it, PROTOCOLS, 255)
        elif kind == "icmp":
            r = _one_num(it, ICMP_TYPES, 255)
        else:
            r = _one_num(it, {}, 255)
        if r is None:
            return None
        out.append(r)
    if len(out) == 1:
        return (out[0],)  # one range (lo ≤ hi, as read): what norm gives, without its sort
    return norm(out)


def compare(op: str, r: Ranges, maxv: int) -> Ranges | None:
    """Apply a relational operator to a single value ``r`` (``< 1024``…)."""
    if op in ("==", "eq", ""):
        return r
    if op in ("!=", "ne"):
        return r_not(r, maxv)
    if len(r) != 1 or r[0][0] != r[0][1]:
        return None
    v = r[0][0]
    got = {
        "<": (0, v - 1), "lt": (0, v - 1), "<=": (0, v), "le": (0, v),
        ">": (v + 1, maxv), "gt": (v + 1, maxv), ">=": (v, maxv), "ge": (v, maxv),
    }.get(op)  # fmt: skip
    if got is None:
        return None
    return norm([got])


def priority(expr: str, family: str) -> int | None:
    """A base chain's priority: a number, or a name with ``+``/``-`` arithmetic
    (``filter + 10``); None when not understood."""
    names = {"raw": -300, "mangle": -150, "dstnat": -100, "filter": 0, "security": 50, "srcnat": 100}
    if family == "bridge":
        names = {"dstnat": -300, "filter": -200, "out": 100, "srcnat": 300}
    m = re.fullmatch(r"\s*([a-z]+|-?\d+)\s*(?:([+-])\s*(\d+))?\s*", expr)
    if not m:
        return None
    base = names.get(m.group(1)) if not m.group(1).lstrip("-").isdecimal() else int(m.group(1))
    if base is None:
        return None
    if m.group(2):
        base += int(m.group(3)) if m.group(2) == "+" else -int(m.group(3))
    return base
