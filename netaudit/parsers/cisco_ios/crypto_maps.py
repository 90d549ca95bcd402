"""Cisco IOS crypto maps: the traffic a static site-to-site tunnel carries, so that an
interface with a crypto map is uncertain for that traffic only (docs/vendors/cisco_ios.md,
"Crypto maps").

What IOS does with a crypto map on interface X (Cisco IOS Security Configuration Guide,
"Configuring Security for VPNs with IPsec", crypto access lists; "Crypto Access Check on
Clear-Text Packets", Field Notice FN29690; "NAT Order of Operation"):

* **out of X**: after routing and inside-to-outside NAT, a packet matching a ``permit``
  of an entry's crypto ACL (``match address``; first entry by sequence number, a
  ``deny`` line meaning "not this entry") is encrypted to that entry's peer — it goes
  into the tunnel, not onward in clear; any other packet leaves in clear as before;
* **into X**: a packet that comes decrypted from the tunnel matches the mirror of the
  ACL (source = the ACL's destination, the remote network); since 12.3(8)T the inbound
  interface ACL no longer checks it.  A cleartext packet matching the mirror is dropped
  (IOS expected it protected).  Any other packet meets the interface ACL as before.

The model has no "came decrypted" bit and the peer's side is outside the snapshot, so the
tunnel's packets are *maybe* both ways (:class:`netaudit.model.IpsecTunnel`, followed by
the engine): never "blocked", never "reachable" on faith; what they do not touch stays
exact.  An entry becomes a tunnel only when everything about it is read — a static
``ipsec-isakmp`` or ``ipsec-manual`` entry with ``set peer`` and ``match address`` naming
an extended ACL whose every line is understood, and no body line beyond transform sets,
PFS, SA lifetimes, NAT-T demux, QoS and descriptions.  Anything else on the map (a dynamic
or GDOI entry, ``reverse-route``, profiles, a crypto ACL protecting GRE
— GRE over IPsec — or with a line not understood, an entry missing its peer or ACL) keeps
the interface partial as a whole, as before.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Interface, IpsecTunnel, Src
from netaudit.parsers.cisco_common import crypto_acl_problem, mirror_filter
from netaudit.parsers.cisco_ios.reasons import at_line, in_block
from netaudit.parsers.cisco_ios.state import CryptoMapEntry, IosState


class CryptoMapBuilder(IosState):
    """:meth:`_finish_crypto_maps` (run by :meth:`.convert.ModelBuilder.finish` once the
    interfaces and ACLs are built)."""

    def _finish_crypto_maps(self) -> None:
        """Each interface a crypto map is applied to (the last ``crypto map`` line of an
        interface wins): its static tunnels, or partial as a whole with the reason."""
        last: dict[str, tuple[Interface, str, Src]] = {}
        for iface, name, src in self.crypto_binds:
            last[iface.name] = (iface, name, src)
        built: dict[str, list[IpsecTunnel] | Text] = {}
        for iface, name, src in last.values():
            got = built.get(name)
            if got is None:
                got = built[name] = self._crypto_map(name)
            if isinstance(got, Text):
                self.iface_partial(iface, Text("input.ios.ipsec", why=got), src)
            else:
                iface.ipsec_tunnels = list(got)
                for t in got:
                    why = Text("input.ios.crypto_tunnel", acl=t.encrypts, iface=iface.name, peers=" / ".join(t.peers))
                    self.rep.add_partial(t.label, why, t.source)

    def _crypto_map(self, name: str) -> list[IpsecTunnel] | Text:
        """The map's tunnels in sequence order, or why the map is not modelled."""
        doubts = self.crypto_map_doubts.get(name)
        if doubts:
            why, at = doubts[0]
            return in_block(f"crypto map {name}", at_line(why, at.line))
        entries = sorted((e for e in self.crypto_entries.values() if e.name == name), key=lambda e: e.seq)
        if not entries:
            return Text("input.ios.crypto_map_no_entry", map=name)
        tunnels: list[IpsecTunnel] = []
        for e in entries:
            got = self._entry(e)
            if isinstance(got, Text):
                return got
            tunnels.append(got)
        return tunnels

    def _entry(self, e: CryptoMapEntry) -> IpsecTunnel | Text:
        label = f"crypto map {e.name} {e.seq}"
        if e.kind == "dynamic":
            return Text("input.ios.crypto_entry_dynamic", entry=label)
        if e.kind not in ("ipsec-isakmp", "ipsec-manual"):
            return Text("input.ios.crypto_entry_kind", entry=label, kind=e.kind)
        if e.doubts:
            why, at = e.doubts[0]
            return in_block(label, at_line(why, at.line))
        if e.acl is None or not e.peers:
            missing = "match address" if e.acl is None else "set peer"
            return Text("input.ios.crypto_entry_incomplete", entry=label, missing=missing)
        assert e.acl_src is not None
        acl_doubt = self._crypto_acl_doubt(e.acl)
        if acl_doubt is not None:
            return in_block(label, acl_doubt)
        decrypts = f"crypto-map-{e.name}-{e.seq}-decrypts"
        self.dev.filters[decrypts] = mirror_filter(decrypts, self.acls[e.acl].filter, e.acl_src)
        return IpsecTunnel(encrypts=e.acl, decrypts=decrypts, peers=list(e.peers), source=e.src, label=label)

    def _crypto_acl_doubt(self, name: str) -> Text | None:
        """Why the crypto ACL ``name`` cannot be read as the tunnel's traffic, or None."""
        acl = self.acls.get(name)
        if acl is None or name not in self.dev.filters:
            return Text("input.ios.crypto_acl_undefined", name=name)
        if acl.standard:
            return Text("input.ios.crypto_acl_standard", name=name)
        return crypto_acl_problem(name, acl.filter)
