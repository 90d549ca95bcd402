"""Cisco IOS IPsec and class-maps as they are read: where IPsec is applied (IOS then
answers IKE), and the ACLs that class-maps and crypto maps name.

What IOS does (docs/vendors/cisco_ios.md, "IKE"): once IPsec is applied to an
interface — ``crypto map NAME`` (site-to-site, EzVPN server, GDOI member), ``tunnel
protection ipsec profile P`` (DMVPN, static and dynamic VTIs, FlexVPN),
``crypto ipsec client ezvpn NAME [outside]`` (EzVPN client) — the router answers IKE
on udp/500 and, for NAT traversal, udp/4500, on all its interfaces; the interface ACLs
filter it like any packet to the router.  IKE or IPsec configured but applied nowhere
leaves the question open (partial service, "unknown", never "blocked").  The service
itself is built in :mod:`.convert`.

What a crypto map does to the traffic through its interface is modelled in
:mod:`.crypto_maps` from the entries read here (``crypto map NAME SEQ …``: its type,
``match address``, ``set peer``, the body lines that change nothing the model follows)
and the interfaces it is applied to.

ACLs named by ``class-map`` bodies (``match [not] access-group name X | N``: zone-based
firewall and QoS classes) and crypto map bodies (``match address X``: the traffic to
encrypt) are recorded as references, so the unused-acl check does not call them unused.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.base import IGNORE_CTX, Ctx
from netaudit.parsers.cisco_ios.copp import class_map_line, class_map_of
from netaudit.parsers.cisco_ios.reasons import unmodelled_line
from netaudit.parsers.cisco_ios.state import ClassMap, CryptoMapEntry, IfState, IosState

# `crypto …` global commands that configure IKE or IPsec (not `crypto pki` / `crypto
# key`: certificates and SSH host keys, which every IOS with HTTPS or SSH has).
IKE_CONFIG_WORDS = frozenset({"isakmp", "ikev2", "ipsec", "map", "dynamic-map", "gdoi"})
# Crypto map entry body lines that leave the traffic selector and the peer as they are
# (transform sets, PFS, SA lifetimes and granularity, NAT-T demux, QoS, comments): the
# first words.  Any other line (`reverse-route`, `set isakmp-profile`, `set ikev2-profile`,
# `set reverse-route …`, `set ip access-group` …) keeps the interface partial.
NEUTRAL_ENTRY_LINES = (
    ("set", "transform-set"),
    ("set", "pfs"),
    ("set", "security-association"),
    ("set", "nat"),
    ("description",),
    ("qos", "pre-classify"),
)


def acl_named(tokens: list[str], low: list[str]) -> str | None:
    """The IPv4 ACL a class-map or crypto map body line names, if any:
    ``match [not] access-group [input|output] name X`` / ``… access-group N`` (MQC class-maps,
    ``type inspect`` too), ``match address X`` (crypto map, dynamic map) and a GDOI
    group's ``match address ipv4 X`` / ``rekey address ipv4 X``.  IPv6
    ACLs (``access-group ipv6 …``) are not read by this parser: no reference."""
    if low[:2] == ["rekey", "address"] and low[2:3] == ["ipv4"]:  # GDOI key server
        return tokens[3] if len(tokens) > 3 else None
    if not low or low[0] != "match":
        return None
    if low[1:2] == ["address"]:
        if low[2:3] == ["ipv6"]:
            return None
        at = 3 if low[2:3] == ["ipv4"] else 2  # GDOI `sa ipsec N` / `match address ipv4 X`
        return tokens[at] if len(tokens) > at else None
    i = 2 if low[1:2] == ["not"] else 1
    if low[i : i + 1] != ["access-group"]:
        return None
    i += 1
    if low[i : i + 1] in (["input"], ["output"]):
        i += 1
    if low[i : i + 1] == ["name"]:
        i += 1
    elif low[i : i + 1] == ["ipv6"]:
        return None
    return tokens[i] if i < len(tokens) else None


class CryptoReader(IosState):
    """``crypto …`` and ``class-map`` blocks, and the interface lines applying IPsec."""

    def h_crypto(self, tokens, low, src):
        """``crypto …``: understood and irrelevant to forwarding (its secrets collected),
        except that it configures IKE / IPsec, or switches ISAKMP off (``no crypto
        isakmp [enable]``); a crypto map entry's body names its ACL."""
        self.ignore_line(tokens, low)
        self.ctx = IGNORE_CTX
        if low[0] == "no":
            if low[2:] in (["isakmp"], ["isakmp", "enable"]):
                self.isakmp_off = src
            return
        words = low[1:]
        if words and words[0] in IKE_CONFIG_WORDS and self.crypto_config is None:
            self.crypto_config = src
        if len(words) >= 3 and words[0] in ("map", "dynamic-map") and words[2].isdecimal():
            # `crypto map NAME SEQ …` / `crypto dynamic-map NAME SEQ`: `match address`
            self.ctx = Ctx("acl-refs", label=" ".join(tokens[:4]), src=src)
            if words[0] == "map":
                self.ctx.targets = [self._crypto_entry(tokens, words, src)]
        elif len(words) >= 3 and words[:2] == ["gdoi", "group"]:
            # GET VPN: a key server's `sa ipsec N` / `match address ipv4 ACL` and
            # `rekey address ipv4 ACL` name ACLs (in use: never "unused")
            self.ctx = Ctx("acl-refs", label=" ".join(tokens[:4]), src=src)
        elif len(words) == 4 and words[0] == "map" and words[2] == "local-address":
            # `crypto map NAME local-address IF`: the address IKE and the tunnels use as
            # their own — the model follows neither the outer packets nor a local
            # endpoint (IKE answers on every address: _finish_ike), so nothing changes
            pass
        elif len(words) >= 3 and words[0] == "map":
            # `crypto map NAME isakmp-profile P | client … | redundancy …`
            why = Text("input.ios.crypto_map_option", text=" ".join(tokens[3:]))
            self.crypto_map_doubts.setdefault(tokens[2], []).append((why, src))

    def _crypto_entry(self, tokens: list[str], words: list[str], src: Src) -> CryptoMapEntry:
        """``crypto map NAME SEQ [ipsec-isakmp|ipsec-manual] …``: the entry (its type: an
        entry without one is ``ipsec-isakmp``, IOS's default; ``ipsec-isakmp dynamic D``
        is ``dynamic``; anything else — ``gdoi``, ``… profile P`` — as written)."""
        rest = words[3:]
        if rest in ([], ["ipsec-isakmp"], ["ipsec-manual"]):
            kind = rest[0] if rest else "ipsec-isakmp"
        elif rest[:2] == ["ipsec-isakmp", "dynamic"]:
            kind = "dynamic"
        else:
            kind = " ".join(rest)
        entry = CryptoMapEntry(tokens[2], int(words[2]), kind, src)
        self.crypto_entries[(entry.name, entry.seq)] = entry
        return entry

    def _crypto_entry_line(self, entry: CryptoMapEntry, tokens: list[str], low: list[str], src: Src) -> None:
        """A crypto map entry's body line: its ACL, a peer, a neutral setting, or a doubt."""
        if low[:2] == ["match", "address"] and len(tokens) == 3:
            entry.acl, entry.acl_src = tokens[2], src
        elif low[:2] == ["set", "peer"] and len(tokens) >= 3:
            entry.peers.append(tokens[2])
        elif not any(tuple(low[: len(w)]) == w for w in NEUTRAL_ENTRY_LINES):
            entry.doubts.append((unmodelled_line(src.text), src))

    def h_class_map(self, tokens, low, src):
        """``class-map [type inspect|qos …] [match-any|match-all] NAME``: its ``match
        access-group`` lines name ACLs; the class-map is recorded for :mod:`.copp` and :mod:`.zone_firewall`."""
        self.ignore_line(tokens, low)
        self.ctx = Ctx("acl-refs", label=" ".join(tokens[:2]), src=src)
        cm = class_map_of(self.class_maps, tokens, low, src)  # for CoPP (copp.py) and the zone firewall
        if cm is not None:
            self.ctx.targets = [cm]

    def acl_refs_line(self, stripped: str, lineno: int, fallback: bool) -> bool:
        """A line of a class-map or crypto map body: understood and irrelevant to
        forwarding, a reference when it names an ACL.  ``fallback`` (a column-0 line of
        de-indented input): only ``match`` lines belong to the body."""
        tokens = stripped.split()
        low = stripped.lower().split()
        if fallback and low[0] != "match":
            return False
        self.ignore_line(tokens, low)
        src = self.src(lineno, stripped)
        name = acl_named(tokens, low)
        if name is not None:
            self.ref("acl", name, src)
        ctx = self.ctx
        if ctx is not None and ctx.targets and isinstance(ctx.targets[0], CryptoMapEntry):
            self._crypto_entry_line(ctx.targets[0], tokens, low, src)
        elif ctx is not None and ctx.targets and isinstance(ctx.targets[0], ClassMap):
            class_map_line(ctx.targets[0], tokens, low, src)
        return True

    # --- interface lines applying IPsec

    def if_crypto_map(self, st: IfState, tokens, low, src: Src):
        """``crypto map NAME``: IKE listens; what the map encrypts and decrypts is built
        once the whole file is read (:mod:`.crypto_maps`).  ``crypto map NAME
        redundancy …`` (stateful failover): not modelled, the interface partial."""
        self.ipsec_applied.append(src)
        if len(tokens) == 3:
            self.crypto_binds.append((st.iface, tokens[2], src))
        else:
            self.iface_partial(st.iface, Text("input.ios.crypto_map_line", text=src.text), src)

    def if_tunnel_protection(self, st: IfState, tokens, low, src: Src):
        """``tunnel protection ipsec profile P [shared]``: IKE listens (the tunnel's
        packets are encrypted; where they go is the tunnel's business)."""
        if low[2:3] == ["ipsec"]:
            self.ipsec_applied.append(src)
        return True

    def if_crypto_ipsec(self, st: IfState, tokens, low, src: Src):
        """``crypto ipsec client ezvpn NAME [outside]`` (the EzVPN client's outside
        interface): IKE listens.  ``… inside`` and ``crypto ipsec df-bit …``: no effect."""
        if low[2:4] == ["client", "ezvpn"] and "inside" not in low[4:]:
            self.ipsec_applied.append(src)
        return True
