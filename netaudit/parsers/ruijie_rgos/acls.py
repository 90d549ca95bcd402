"""RGOS ACL lines beyond the IOS reading (:mod:`netaudit.parsers.cisco_ios.acls`, which
reads ``ip access-list standard|extended``, ``access-list N``, sequence numbers first and
the implicit deny as the RGOS guides describe them): expert ACLs, global ACLs and the
port security ACL, each partial (docs/vendors/ruijie_rgos.md)."""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.base import IGNORE_CTX, Unknown
from netaudit.parsers.cisco_ios.state import IfState, IosState


class RuijieAcls(IosState):
    """``expert access-list`` / ``expert access-group``, global ``ip access-group`` and
    ``security access-group``."""

    # what makes every interface partial once the file is read (convert.py)
    global_acls: list[tuple[str, Src]]

    def rg_expert_acl(self, tokens, low, src):
        """``expert access-list extended|advanced NAME``: an ACL over MAC and IP fields
        together, not modelled; its body is read as part of it."""
        if len(low) < 4:
            raise Unknown
        self.rep.add_partial(f"expert access-list {tokens[3]}", Text("input.ruijie.expert_acl"), src)
        self.ctx = IGNORE_CTX

    def rg_global_access_group(self, tokens, low, src):
        """``ip access-group ACL in|out`` or ``security global access-group ACL`` in
        global mode: an ACL on every port, not modelled — every interface is partial.  In
        de-indented input the line may be the open interface block's: that block takes it."""
        ctx = self.before
        if (
            low[0] == "ip"
            and ctx is not None
            and ctx.kind == "interface"
            and self._in_ctx(ctx, src.text, src.line, True)
        ):
            self.ctx = ctx
            return
        self.ref("acl", tokens[-1] if low[-1] not in ("in", "out") else tokens[-2], src)
        self.global_acls.append((src.text, src))

    def rg_expert_access_group(self, st: IfState, tokens, low, src):
        """``expert access-group NAME in|out`` on an interface: partial."""
        if len(low) < 3:
            raise Unknown
        self.iface_partial(st.iface, Text("input.ruijie.expert_access_group", acl=tokens[2]), src)

    def rg_security_access_group(self, st: IfState, tokens, low, src):
        """``security access-group ACL`` on a port (what may enter it besides its bound
        addresses): partial."""
        if len(low) < 3:
            raise Unknown
        self.ref("acl", tokens[2], src)
        self.iface_partial(st.iface, Text("input.ruijie.security_acl", text=src.text), src)
