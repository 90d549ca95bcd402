"""H3C Comware ``snmp-agent community …``: every form H3C documents for V5 and V7, read
into the model VRP's reader fills (the SNMP service with its ACL, plain-text communities
in ``facts``, the community a secret) — netaudit/parsers/h3c_comware/management.py
``h_snmp``; docs/vendors/h3c_comware.md, "Management plane".

Before, only ``read|write`` forms were read: V7's RBAC form ``snmp-agent community
[simple|cipher] NAME user-role R`` left the agent without a community ("snmp-agent",
nobody can log in), so a switch answering SNMP to the community ``public`` raised no
finding — a false pass."""

from __future__ import annotations

from helpers import analyse
from netaddr import IPNetwork

from netaudit.checks import REGISTRY, load_checks
from netaudit.zones import Zone
from tests.parsers.h3c_comware.helpers import GUEST, STAFF, core, parse, verdicts

ACL = "acl basic 2099\n rule 0 permit source 10.0.10.0 0.0.0.255\n#\nacl basic name SNMP-QL\n rule 0 permit source 10.0.10.0 0.0.0.255"


def snmp(tail: str, crlf: bool = False):
    text = core(acls=ACL, tail=" snmp-agent\n" + tail)
    if crlf:
        text = text.replace("\n", "\r\n")
    dev, rep = parse(text)
    return dev, rep, {s.name: s for s in dev.services}


def findings(dev):
    load_checks()
    info = REGISTRY["mgmt-snmp-community"]
    return list(info.func(analyse([dev], [GUEST, STAFF]).context(), info))


def test_every_documented_form_is_a_community_with_its_acl():
    """V7 VACM (``read|write [simple|cipher] NAME [mib-view V] [acl …]``), V7 RBAC
    (``[simple|cipher] NAME user-role R [acl …]``), V5 (``read|write [cipher] NAME [acl N]
    [mib-view V]`` in either order); ``acl N``, ``acl name X``, ``acl ipv6 …`` beside them
    (IPv6 not modelled: the IPv4 ACL is the one kept)."""
    forms = {
        " snmp-agent community read simple c0ngDong": None,
        " snmp-agent community read c0ngDong": None,
        " snmp-agent community write cipher $c$3$AbCdEf0123== mib-view iso-view": None,
        " snmp-agent community simple c0ngDong user-role network-operator": None,
        " snmp-agent community c0ngDong user-role network-admin": None,
        " snmp-agent community cipher $c$3$AbCdEf0123== user-role network-admin acl 2099": "2099",
        " snmp-agent community simple c0ngDong user-role network-operator acl name SNMP-QL": "SNMP-QL",
        " snmp-agent community read simple c0ngDong mib-view v1 acl 2099 acl ipv6 2001": "2099",
        " snmp-agent community read simple c0ngDong acl ipv6 name V6-QL acl name SNMP-QL": "SNMP-QL",
        " snmp-agent community read c0ngDong acl 2099 mib-view v1": "2099",
        " snmp-agent community write cipher $c$3$AbCdEf0123== acl ipv6 2001": None,  # IPv4 unrestricted
        " snmp-agent   community  read   simple   c0ngDong   acl   2099": "2099",
    }
    for line, acl in forms.items():
        for crlf in (False, True):
            dev, rep, svc = snmp(line, crlf)
            assert not rep.unrecognized, line
            assert svc["snmp"].acl == acl and svc["snmp"].partial is None, line
            assert bool(findings(dev)) == (acl is None), line


def test_the_rbac_form_raises_the_finding_it_missed():
    """The defect: ``snmp-agent community simple public user-role network-operator`` — an
    agent answering the community ``public`` from anywhere — now raises
    ``mgmt-snmp-community``; before, the service was "snmp-agent" (no community)."""
    dev, _, svc = snmp(" snmp-agent community simple public user-role network-operator")
    assert "snmp" in svc and "snmp-agent" not in svc
    assert len(findings(dev)) == 1
    assert dev.facts.snmp_plain_communities


def test_plain_and_cipher_communities():
    dev, _, _ = snmp(" snmp-agent community read cipher $c$3$AbCdEf0123== acl 2099")
    assert not dev.facts.snmp_plain_communities
    assert "$c$3$AbCdEf0123==" in dev.secrets
    for line in (" snmp-agent community read simple c0ngDong", " snmp-agent community c0ngDong user-role r1"):
        dev, _, _ = snmp(line)
        assert len(dev.facts.snmp_plain_communities) == 1 and "c0ngDong" in dev.secrets, line
    dev, _, _ = snmp(" snmp-agent community simple public user-role network-operator")
    assert "public" in dev.secrets and "network-operator" not in dev.secrets


def test_the_cipher_community_never_appears_in_output():
    from netaudit.secrets import Masker

    dev, _, svc = snmp(" snmp-agent community cipher $c$3$AbCdEf0123== user-role network-admin")
    (f,) = findings(dev)
    masker = Masker([dev])
    text = masker.prose(str(f.detail)) + masker.line(svc["snmp"].source.text)
    assert "$c$3$AbCdEf0123==" not in text


def test_one_community_without_acl_among_restricted_ones_is_found():
    dev, _, svc = snmp(
        " snmp-agent community read simple c0ngDong acl 2099\n snmp-agent community simple m0i user-role r1"
    )
    assert svc["snmp"].acl is None and findings(dev)


def test_communities_with_different_acls_admit_the_union_of_their_sources():
    """Two communities, each restricted by its own ACL: a manager may use either, so the
    agent answers whoever one of the lists admits — staff (2099) and the one guest host
    the other list names, nobody else of the guest VLAN.  Before, the service held one ACL
    and, the two differing, none: udp/161 read reachable from the whole guest VLAN and
    ``mgmt-snmp-community`` was raised on a switch whose every community is restricted."""
    acls = ACL + "\n#\nacl basic 2098\n rule 0 permit source 10.0.40.77 0"
    text = core(
        acls=acls,
        tail=" snmp-agent\n snmp-agent community read simple c0ngDong acl 2099\n"
        " snmp-agent community write simple qu4nTri user-role network-admin acl 2098",
    )
    dev, _ = parse(text)
    assert sorted(s.acl for s in dev.services if s.name == "snmp") == ["2098", "2099"]
    assert not findings(dev)
    cells = verdicts(text)
    assert "udp/161" in cells[("staff", "@devices")].services
    assert "udp/161" in cells[("guest", "@devices")].services  # 10.0.40.77, by the second list
    upper_guests = Zone("guest", "guest", [IPNetwork("10.0.40.128/25")])  # the VLAN without .77
    assert "udp/161" not in verdicts(text, (upper_guests, STAFF))[("guest", "@devices")].services
    without = verdicts(text.replace("rule 0 permit source 10.0.40.77 0", "rule 0 permit source 10.0.99.9 0"))
    assert "udp/161" not in without[("guest", "@devices")].services
    assert "udp/161" in without[("staff", "@devices")].services


def test_the_same_name_again_replaces_and_undo_deletes():
    """A hand-made file: the last line of a name is in effect; ``undo snmp-agent community
    [cipher] NAME`` deletes it (what is left is the agent with no community)."""
    dev, _, svc = snmp(
        " snmp-agent community read simple c0ngDong\n snmp-agent community read simple c0ngDong acl 2099"
    )
    assert svc["snmp"].acl == "2099" and not findings(dev)
    assert len(dev.facts.snmp_plain_communities) == 1
    for undo in (" undo snmp-agent community c0ngDong", " undo  snmp-agent  community  read  c0ngDong"):
        dev, rep, svc = snmp(" snmp-agent community read simple c0ngDong\n" + undo)
        assert "snmp" not in svc and "snmp-agent" in svc and not findings(dev), undo
        assert not dev.facts.snmp_plain_communities and not rep.unrecognized
    dev, _, svc = snmp(
        " snmp-agent community cipher $c$3$AbCdEf0123== user-role r1\n undo snmp-agent community cipher $c$3$AbCdEf0123=="
    )
    assert "snmp" not in svc and "$c$3$AbCdEf0123==" in dev.secrets


def test_what_is_not_read_leaves_the_community_in_partial():
    """An option not documented (``context``) or a form without ``read|write`` or
    ``user-role``: the community counts (never dropped), its ACL not known — the service
    partial, the finding not proven."""
    for line in (
        " snmp-agent community read simple c0ngDong context ctx1 acl 2099",
        " snmp-agent community simple c0ngDong",
        " snmp-agent community read simple c0ngDong acl",
    ):
        dev, rep, svc = snmp(line)
        assert svc["snmp"].partial and rep.partially_understood, line
        assert "c0ngDong" in dev.secrets, line


def test_groups_and_users_keep_their_reading():
    """``snmp-agent group v3 G … acl N | acl name X | acl ipv6 …`` as before (the group's
    IPv4 ACL), and a v2c user (a community of its name) still makes the service."""
    _, _, svc = snmp(" snmp-agent group v3 G1 privacy acl name SNMP-QL acl ipv6 name V6")
    assert svc["snmp"].acl == "SNMP-QL"
    _, _, svc = snmp(" snmp-agent group v3 G1 privacy acl ipv6 2001 acl 2099")
    assert svc["snmp"].acl == "2099"
    _, _, svc = snmp(" snmp-agent usm-user v2c c0ng2 grp\n snmp-agent group v2c grp")
    assert "snmp" in svc


def test_vrp_protocol_lines_are_not_read_in_a_comware_file():
    _, rep, svc = snmp(
        " snmp-agent community read simple c0ngDong\n snmp-agent protocol source-interface Vlan-interface10"
    )
    assert rep.unrecognized and svc["snmp"].bound_to is None


def test_fixture_s5560x_v7_rbac_communities(tmp_path_factory):
    """tests/fixtures/h3c_comware/s5560x-v7-snmp-rbac.cfg: two RBAC communities, the
    network-admin one without an ACL — ``mgmt-snmp-community`` is raised (before: not, the
    agent was read as having no community); the cells are what the site file says."""
    from helpers import check_cells, fixture_audit

    from netaudit.reach import REACHABLE

    a = fixture_audit("h3c_comware", "s5560x-v7-snmp-rbac", tmp_path_factory)
    check_cells(
        a,
        {
            ("can-bo", "@devices"): (REACHABLE, ["icmp/8", "udp/161"]),
            ("quan-ly", "@devices"): (REACHABLE, ["icmp/8", "tcp/22", "udp/161"]),
            ("wifi-khach", "@devices"): (REACHABLE, ["icmp/8", "udp/67", "udp/161"]),
        },
    )
    (f,) = [f for f in a.findings if f.check == "mgmt-snmp-community"]
    assert f.severity == "medium" and f.proven and f.devices == ["TTVH-CORE"]
