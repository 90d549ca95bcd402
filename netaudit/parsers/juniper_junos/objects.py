"""SRX objects: address books (global, per zone, attached) with address sets, and
applications with application sets and the predefined ``junos-*`` applications
(docs/vendors/juniper_junos.md, "Address books and applications").

An object is resolved to exact packet fields or said partial (with why) — never guessed:
a DNS name, an unknown predefined application, a dynamic application are partial and
stand for "any" (a superset) on the line that names them."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPRange

from netaudit.messages import Text
from netaudit.model import PROTO_ICMP, AddrMatch, PortRange
from netaudit.parsers.ip import ip_to_int
from netaudit.parsers.juniper_junos.names import PREDEFINED, App, address, icmp_type, port_range, protocol
from netaudit.parsers.juniper_junos.state import ParseState
from netaudit.parsers.juniper_junos.syntax import Stmt

ANY_ADDR = ("any", "any-ipv4")


@dataclass
class Book:
    """One address book: addresses (name → patterns, or None for a partial one with why)
    and sets (name → member names)."""

    addresses: dict[str, tuple[list[AddrMatch], list[str]]] = field(default_factory=dict)
    sets: dict[str, list[str]] = field(default_factory=dict)
    # A set with a line not understood: why (a member may be missing).
    set_reasons: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Resolved:
    """What a list of names stands for: the patterns (None: any), why it is partial."""

    pats: list[AddrMatch] | None
    reasons: list[str] = field(default_factory=list)
    undefined: list[str] = field(default_factory=list)


class Objects(ParseState):
    """Address books and applications."""

    books: dict[str, Book]  # "global", "zone:<name>", "<book name>"
    attached: dict[str, list[str]]  # zone → attached book names
    apps: dict[str, tuple[list[App], list[str]]]
    app_sets: dict[str, list[str]]
    app_set_reasons: dict[str, list[str]]  # a set with a line not understood: why
    books_of: dict[tuple[str, ...], list[Book]]  # zones → the books they look names up in

    def read_books(self) -> None:
        books = self.books = {"global": Book()}
        self.attached = {}
        self.books_of = {}
        for rest, st in self.conf.under("security", "address-book"):
            if len(rest) >= 3 and rest[1] == "attach" and rest[2] == "zone" and len(rest) == 4:
                self.attached.setdefault(rest[3], []).append(rest[0])
                self.read(st)
            elif len(rest) >= 2:
                book = books.get(rest[0])
                if book is None:  # (a new Book only for a new name: not one per statement)
                    book = books[rest[0]] = Book()
                self._book_stmt(book, rest[1:], st)
            else:
                self.read(st)
        for rest, st in self.conf.under("security", "zones", "security-zone"):
            if len(rest) >= 3 and rest[1] == "address-book":
                key = f"zone:{rest[0]}"
                book = books.get(key)
                if book is None:
                    book = books[key] = Book()
                self._book_stmt(book, rest[2:], st)

    def _book_stmt(self, book: Book, rest: tuple[str, ...], st: Stmt) -> None:
        if rest[0] == "address" and len(rest) >= 2:
            name = rest[1]
            entry = book.addresses.get(name)
            if entry is None:
                entry = book.addresses[name] = ([], [])
            body = rest[2:]
            if not body:
                pass
            elif len(body) == 1 and (a := address(body[0])) is not None:
                entry[0].append(AddrMatch(a[0], (1 << (32 - a[1])) - 1))
            elif len(body) == 1 and ":" in body[0]:
                pass  # IPv6: no IPv4 packet
            elif body[0] == "description":
                pass
            elif body[0] == "range-address" and len(body) == 4 and body[2] == "to":
                lo, hi = ip_to_int(body[1]), ip_to_int(body[3])
                if lo is None or hi is None or lo > hi:
                    entry[1].append(_unread(st))
                    return
                entry[0].extend(AddrMatch.prefix(n) for n in IPRange(lo, hi).cidrs())
            elif body[0] == "wildcard-address" and len(body) == 2:
                v, _, m = body[1].partition("/")
                vi, mi = ip_to_int(v), ip_to_int(m)
                if vi is None or mi is None:
                    entry[1].append(_unread(st))
                    return
                entry[0].append(AddrMatch(vi & mi, ~mi & 0xFFFFFFFF))
            elif body[0] == "dns-name":
                entry[1].append(Text("input.junos.address_dns", name=name))
            else:  # what the address stands for is not known: never fewer addresses
                entry[1].append(_unread(st))
                return
            self.read(st)
        elif rest[0] == "address-set" and len(rest) >= 2:
            members = book.sets.setdefault(rest[1], [])
            if len(rest) == 4 and rest[2] in ("address", "address-set"):
                members.append(rest[3])
            elif (len(rest) >= 3 and rest[2] == "description") or len(rest) == 2:
                pass
            else:
                book.set_reasons.setdefault(rest[1], []).append(_unread(st))
                return
            self.read(st)
        elif rest[0] == "description":
            self.read(st)

    def resolve_addrs(self, names: list[str], zones: list[str]) -> Resolved:
        """Names of a policy's address side, looked up in the zones' books, then the
        attached books, then the global book."""
        key = tuple(zones)
        books = self.books_of.get(key)
        if books is None:  # (the same zone pair policy after policy: looked up once)
            books = [self.books[f"zone:{z}"] for z in zones if f"zone:{z}" in self.books]
            books += [self.books[b] for z in zones for b in self.attached.get(z, []) if b in self.books]
            books.append(self.books["global"])
            self.books_of[key] = books
        out = Resolved([], [], [])  # (each list given: no default factory called)
        for n in names:
            if n in ANY_ADDR:
                return Resolved(None, out.reasons, out.undefined)
            if n == "any-ipv6":
                continue
            self._resolve_one(n, books, out, 0)
        return out

    def _resolve_one(self, name: str, books: list[Book], out: Resolved, depth: int) -> None:
        if depth > 16:
            out.reasons.append(Text("input.junos.address_loop", name=name))
            return
        for b in books:
            if name in b.addresses:
                pats, why = b.addresses[name]
                assert out.pats is not None
                out.pats.extend(pats)
                out.reasons.extend(why)
                return
            if name in b.sets:
                out.reasons.extend(b.set_reasons.get(name, ()))
                for m in b.sets[name]:
                    self._resolve_one(m, books, out, depth + 1)
                return
        out.undefined.append(name)
        out.reasons.append(Text("input.junos.address_undefined", name=name))

    # ------------------------------------------------------------------ applications

    def read_applications(self) -> None:
        self.apps = {}
        self.app_sets = {}
        self.app_set_reasons = {}
        terms: dict[tuple[str, str], dict] = {}
        for rest, st in self.conf.under("applications"):
            if len(rest) >= 2 and rest[0] == "application":
                name = rest[1]
                body = rest[2:]
                key = (name, "")
                if len(body) >= 2 and body[0] == "term":
                    key, body = (name, body[1]), body[2:]
                spec = terms.setdefault(key, {"st": st, "reasons": []})
                if not body:
                    self.read(st)
                    continue
                word = body[0]
                if word in ("protocol", "destination-port", "source-port", "icmp-type", "icmp-code") and len(body) == 2:
                    spec[word] = body[1]
                elif word in (
                    "inactivity-timeout",
                    "application-protocol",
                    "alg",
                    "description",
                    "uuid",
                    "rpc-program-number",
                    "ttl-threshold",
                    "snmp-command",
                    "do-not-translate-A-query-to-AAAA-query",
                    "do-not-translate-AAAA-query-to-A-query",
                ):
                    pass
                else:  # the application may match other packets: never read exactly
                    spec["reasons"].append(_unread(st))
                    continue
                self.read(st)
            elif len(rest) >= 2 and rest[0] == "application-set":
                members = self.app_sets.setdefault(rest[1], [])
                if len(rest) == 4 and rest[2] in ("application", "application-set"):
                    members.append(rest[3])
                elif len(rest) == 2 or rest[2] == "description":
                    pass
                else:  # a member may be missing
                    self.app_set_reasons.setdefault(rest[1], []).append(_unread(st))
                    continue
                self.read(st)
        for (name, _term), spec in terms.items():
            entry = self.apps.setdefault(name, ([], []))
            app, why = _app(spec)
            if app is not None:
                entry[0].append(app)
            if why:
                entry[1].append(why)
            entry[1].extend(spec["reasons"])

    def resolve_apps(self, names: list[str]) -> tuple[list[App] | None, list[str], list[str]]:
        """(the applications' pieces — None: any —, why partial, undefined names)."""
        out: list[App] = []
        reasons: list[str] = []
        undefined: list[str] = []
        for n in names:
            if n == "any":
                return None, reasons, undefined
            self._app_one(n, out, reasons, undefined, 0)
        return out, reasons, undefined

    def _app_one(self, name: str, out: list, reasons: list, undefined: list, depth: int) -> None:
        if depth > 16:
            return
        if name in self.apps:
            pieces, why = self.apps[name]
            out.extend(pieces)
            reasons.extend(why)
        elif name in self.app_sets:
            reasons.extend(self.app_set_reasons.get(name, ()))
            for m in self.app_sets[name]:
                self._app_one(m, out, reasons, undefined, depth + 1)
        elif name in PREDEFINED:
            out.extend(PREDEFINED[name])
        elif name.startswith("junos-"):
            reasons.append(Text("input.junos.app_predefined_unknown", name=name))
        else:
            undefined.append(name)
            reasons.append(Text("input.junos.app_undefined", name=name))


def _app(spec: dict) -> tuple[App | None, Text | None]:
    """One application (or term) → (protocol, ports, ICMP type), or why not."""
    pword = spec.get("protocol")
    if pword is None:
        return None, Text("input.junos.app_no_protocol")
    proto = protocol(pword)
    if proto is None:
        return None, Text("input.junos.protocol_unknown", names=pword)
    if proto == PROTO_ICMP:
        t = spec.get("icmp-type")
        # an ICMP code narrows what the application takes: read as every code (partial)
        why = Text("input.junos.app_icmp_code") if spec.get("icmp-code") is not None else None
        if t is None:
            return (proto, None, None), why
        ti = icmp_type(t)
        if ti is None:
            return None, Text("input.junos.icmp_unknown", name=t)
        return (proto, None, ti), why
    dport = spec.get("destination-port")
    if dport is None:
        ports: tuple[PortRange, ...] | None = None
    else:
        r = port_range(dport)
        if r is None:
            return None, Text("input.junos.port_unknown", names=dport)
        ports = (r,)
    if spec.get("source-port") not in (None, "0-65535", "1-65535"):
        return (proto, ports, None), Text("input.junos.app_source_port")
    return (proto, ports, None), None


def _unread(st: Stmt) -> Text:
    return Text("input.junos.line_not_understood", line=st.line)
