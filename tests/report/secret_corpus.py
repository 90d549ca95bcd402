"""Every secret form of every vendor, as test offices: a sample office of the vendor with
secret lines added (some on lines the parser does not recognise) and a second file of
the vendor cut inside a PEM block.  ``SECRETS`` are the values that must never appear in
any output; ``WORDS`` are secret values that are also ordinary words (an SNMP community
``guest`` next to a zone named guest) — they must be masked where the grammar puts a
secret and left alone everywhere else."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from helpers import FIXTURES, SAMPLES

# A key body: 64-character base64 lines, as in every PEM file.
PEM_BODY = [
    "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDQk7Vm3xPqR2sT",
    "Lw9cJ4nYb8e1ZfKuHa6gW0iDoXy5tMvN3rQ7pB2kS9dE4fG8hJ1lC6mA0zU5wV7x",
    "Yq3Rt8Ks2Lp6Nm9Bv4Cx1Zw7Hj5Gf0Dd3Ss8Aa2Qq6Ww1Ee4Rr9Tt7Yy5Uu3Ii0Oo",
]
PEM_TAIL = "Pp8Ll2Kk6Jj4Hh1Gg9Ff3Dd7Ss5Aa=="
CERT_BODY = [
    "MIIDfTCCAmWgAwIBAgIUKx8Qm3Wn5Zr7Tp2Vb9Lc4Hs6Fd1Ga0Ye3Uo8Ik5Wn7TmRx",
    "AQELBQAwTjELMAkGA1UEBhMCVk4xFDASBgNVBAgMC1BodSBUYW4gdGluaDEpMCcGQ",
]
HEX_CERT = [
    "3082022B 30820194 A0030201 02020101 300D0609 2A864886 F70D0101 05050030",
    "31312F30 2D060355 04031326 494F532D 53656C66 2D536967 6E65642D 43657274",
    "9C1F3A77 E0B4D2C6 5A8F0E1B 7D3C92A4 F6E5D817 0B2A4C6E 8F1D3B5A 7C9E0F2D",
]
# Pieces of key material that must not appear anywhere (each body line, whole).
KEY_MATERIAL = PEM_BODY + [PEM_TAIL] + CERT_BODY + [" ".join(HEX_CERT[2].split()[i : i + 2]) for i in (0, 4)]


@dataclass
class Office:
    vendor: str
    sample: str  # sample_configs/<sample>
    config: str  # the file secret lines are added to
    added: str  # appended to it (before a final `end` for IOS)
    extra: dict[str, str] = field(default_factory=dict)  # more files (cut in a PEM block)
    secrets: list[str] = field(default_factory=list)  # must never appear
    words: list[str] = field(default_factory=list)  # secrets that are common words
    keep: list[str] = field(default_factory=list)  # must still appear (names, addresses)
    before: str | None = None  # the added lines go before the last line that is this
    trace_to: str = "10.10.10.5"  # `netaudit trace --from guest --to …` (a flow with rules)
    # A vendor without a sample office: its fixture tests/fixtures/<vendor>/<fixture>.cfg
    # is the office (saved as ``config``; its site file given in ``extra``).
    fixture: str | None = None

    def build(self, dest: Path) -> Path:
        folder = dest / self.vendor
        if self.fixture is None:
            shutil.copytree(SAMPLES / self.sample, folder)
        else:
            folder.mkdir(parents=True)
            shutil.copy(FIXTURES / self.vendor / f"{self.fixture}.cfg", folder / self.config)
        for name in ("expected.yaml", "README.md"):
            (folder / name).unlink(missing_ok=True)
        cfg = folder / self.config
        lines = cfg.read_text(encoding="utf-8").rstrip("\n").split("\n")
        at = len(lines)
        if self.before is not None:
            at = max(i for i, line in enumerate(lines) if line.strip() == self.before)
        lines[at:at] = self.added.strip("\n").split("\n")
        cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for name, body in self.extra.items():
            (folder / name).write_text(body, encoding="utf-8")
        return folder


def _pem(kind: str, indent: str = "") -> str:
    return "\n".join([f"-----BEGIN {kind}-----", *(indent + x for x in PEM_BODY), PEM_TAIL, f"-----END {kind}-----"])


IOS = Office(
    vendor="cisco_ios",
    sample="cisco-commune-leaky",
    config="edge-rt.cfg",
    added=f"""
enable password 0 IosEnable-Pw1
username tech privilege 15 password 0 IosUser-Pw2
username ops secret 0 IosUser-Sec3
snmp-server community guest RO
snmp-server community IosComm-RW4 RW 10
snmp-server user nms NMS v3 auth sha IosSnmpAuth5 priv aes 128 IosSnmpPriv6
tacacs-server host 10.10.99.5 key IosTacacs-7
tacacs server TAC1
 address ipv4 10.10.99.5
 key 7 IosTacNew-8
radius-server host 10.10.99.6 key IosRadius-9
radius server RAD1
 address ipv4 10.10.99.6 auth-port 1812 acct-port 1813
 key IosRadNew-10
key chain OSPF-KEYS
 key 1
  key-string IosKeyString-11
crypto isakmp key IosIsakmp-12 address 203.0.113.9
crypto keyring KR-HQ
 pre-shared-key address 203.0.113.10 key IosKeyring-13
ntp authentication-key 1 md5 IosNtpKey-14 7
key config-key password-encrypt IosMaster-15
interface GigabitEthernet0/2
 description Wifi khach du phong - mat khau IosDot11Psk-21
interface GigabitEthernet0/3
 description May in tang 2 - mat khau: IosDescPw-29 password: IosDescPw-30
 ip ospf authentication-key IosOspfKey-16
 ip ospf message-digest-key 1 md5 IosOspfMd5-17
 standby 1 authentication IosHsrp-18
router bgp 65010
 neighbor 203.0.113.5 password IosBgp-19
wlan KHACH-WLAN 1 UBND-Khach
 security wpa psk set-key ascii 0 IosWlanPsk-20
dot11 ssid UBND-Khach
 wpa-psk ascii 0 IosDot11Psk-21
line vty 5 15
 password IosVtyPw-22
crypto pki certificate chain TP-self-signed-4711
 certificate self-signed 01
  {HEX_CERT[0]}
  {HEX_CERT[1]}
  {HEX_CERT[2]}
  \tquit
crypto key import rsa IMPORTED pem terminal IosImportPass-23
{_pem("PUBLIC KEY")}
{_pem("RSA PRIVATE KEY")}
quit
frobnicate wpa-psk ascii 0 IosUnrecPsk-24 now
zzsecure security wpa psk set-key ascii 0 IosUnrecWlan-25
bogus-command password IosUnrecPw-26 extra
mystery snmp community IosUnrecComm-27 RO
""",
    before="end",
    extra={
        "ap-cut.cfg": f"""hostname UBNDHB-AP
!
interface GigabitEthernet0
 ip address 10.10.99.30 255.255.255.0
!
crypto key import rsa APKEY pem terminal IosCutPass-28
-----BEGIN RSA PRIVATE KEY-----
{PEM_BODY[0]}
{PEM_BODY[1]}
"""
    },
    secrets=[
        f"Ios{s}"
        for s in (
            "Enable-Pw1",
            "User-Pw2",
            "User-Sec3",
            "Comm-RW4",
            "SnmpAuth5",
            "SnmpPriv6",
            "Tacacs-7",
            "TacNew-8",
            "Radius-9",
            "RadNew-10",
            "KeyString-11",
            "Isakmp-12",
            "Keyring-13",
            "NtpKey-14",
            "Master-15",
            "OspfKey-16",
            "OspfMd5-17",
            "Hsrp-18",
            "Bgp-19",
            "WlanPsk-20",
            "Dot11Psk-21",
            "VtyPw-22",
            "ImportPass-23",
            "UnrecPsk-24",
            "UnrecWlan-25",
            "UnrecPw-26",
            "UnrecComm-27",
            "CutPass-28",
            "DescPw-29",  # in a description, as a technician writes it (the JSON topology held it)
            "DescPw-30",
        )
    ],
    words=["guest"],
    keep=["guest", "10.10.40.", "UBNDHB-RT"],
)

ASA = Office(
    vendor="cisco_asa",
    sample="asa-department-leaky-mgmt",
    config="svhttdl-fw01.cfg",
    added=f"""
passwd AsaPasswd-1 encrypted
username tech password AsaUserPw-2 privilege 15
snmp-server community AsaComm-3
snmp-server host guest-wifi 10.40.40.9 community guest version 2c
snmp-server host management 10.40.99.21 community AsaHostComm-4 version 2c
snmp-server user nms NMS v3 auth sha AsaSnmpAuth5 priv aes 128 AsaSnmpPriv6
tunnel-group 203.0.113.9 type ipsec-l2l
tunnel-group 203.0.113.9 ipsec-attributes
 ikev1 pre-shared-key AsaIkev1Psk-7
 ikev2 remote-authentication pre-shared-key AsaIkev2Rem-8
 ikev2 local-authentication pre-shared-key AsaIkev2Loc-9
aaa-server TACS protocol tacacs+
aaa-server TACS (management) host 10.40.99.6
 key AsaAaaKey-10
aaa-server LDAP protocol ldap
aaa-server LDAP (management) host 10.40.99.7
 ldap-login-password AsaLdapPw-11
 ldap-login-dn cn=svc,dc=so,dc=vn
failover key AsaFailover-12
ntp authentication-key 1 md5 AsaNtpKey-13
crypto ca certificate chain ASDM_TrustPoint0
 certificate 6b2c3f5e
    {HEX_CERT[0].lower()}
    {HEX_CERT[1].lower()}
    {HEX_CERT[2].lower()}
  quit
frobnicate password AsaUnrecPw-14 now
mystery pre-shared-key AsaUnrecPsk-15
""",
    before=": end",
    extra={
        "fw2-cut.cfg": f""": Saved
ASA Version 9.16(4)
!
hostname SVHTTDL-FW02
enable password AsaCutEnable-16 pbkdf2
crypto ca certificate chain TP-CUT
 certificate ca 0a1b2c3d
    {HEX_CERT[0].lower()}
    {HEX_CERT[2].lower()}
"""
    },
    secrets=[
        f"Asa{s}"
        for s in (
            "Passwd-1",
            "UserPw-2",
            "Comm-3",
            "HostComm-4",
            "SnmpAuth5",
            "SnmpPriv6",
            "Ikev1Psk-7",
            "Ikev2Rem-8",
            "Ikev2Loc-9",
            "AaaKey-10",
            "LdapPw-11",
            "Failover-12",
            "NtpKey-13",
            "UnrecPw-14",
            "UnrecPsk-15",
            "CutEnable-16",
        )
    ],
    words=["guest"],
    keep=["guest", "10.40.40.", "SVHTTDL-FW01"],
    trace_to="10.40.40.1",
)

FORTIOS = Office(
    vendor="fortinet_fortios",
    sample="fortigate-ttpvhcc-leaky-policy",
    config="FGT-TTHCC-TH.conf",
    added=f"""
config system snmp community
    edit 7
        set name "guest"
    next
    edit 8
        set name "FgtSnmpComm-1"
        set events cpu-high
    next
end
config system snmp user
    edit "nms"
        set auth-proto sha
        set auth-pwd ENC FgtSnmpAuth-2
        set priv-proto aes
        set priv-pwd ENC FgtSnmpPriv-3
    next
end
config user local
    edit "tech"
        set type password
        set passwd ENC FgtLocalUser-4
    next
end
config user radius
    edit "RAD-1"
        set server "10.20.99.6"
        set secret ENC FgtRadius-5
    next
end
config vpn ipsec phase1-interface
    edit "to-province"
        set interface "wan1"
        set psksecret ENC FgtPsk-6
        set ppk-secret ENC FgtPpk-7
        set remote-gw 203.0.113.9
    next
end
config wireless-controller vap
    edit "WIFI-STAFF"
        set ssid "TTHCC-Staff"
        set security wpa3-sae
        set sae-password ENC FgtSae-8
        set passphrase ENC FgtVapPass-9
    next
end
config router key-chain
    edit "KC1"
        config key
            edit "1"
                set key-string ENC FgtKeyString-10
            next
        end
    next
end
config system ha
    set password ENC FgtHaPass-11
    set key FgtHaKey-12
end
config vpn certificate local
    edit "EXTRA-CERT"
        set password ENC FgtCertPass-13
        set private-key "{_pem("ENCRYPTED PRIVATE KEY")}"
        set certificate "-----BEGIN CERTIFICATE-----
{CERT_BODY[0]}
{CERT_BODY[1]}
-----END CERTIFICATE-----"
    next
end
config system frobnicator
    edit "x"
        set password ENC FgtUnrecPw-14
        set wpa-psk ascii 0 FgtUnrecWpa-15
    next
end
""",
    extra={
        "FGT-CUT.conf": f"""#config-version=FG60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin
config system global
    set hostname "FGT-CUT"
end
config system admin
    edit "admin"
        set password ENC FgtCutAdmin-16
    next
end
config vpn certificate local
    edit "CUT-CERT"
        set password ENC FgtCutCertPw-17
        set private-key "-----BEGIN ENCRYPTED PRIVATE KEY-----
{PEM_BODY[0]}
{PEM_BODY[1]}
{PEM_BODY[2]}
"""
    },
    secrets=[
        f"Fgt{s}"
        for s in (
            "SnmpComm-1",
            "SnmpAuth-2",
            "SnmpPriv-3",
            "LocalUser-4",
            "Radius-5",
            "Psk-6",
            "Ppk-7",
            "Sae-8",
            "VapPass-9",
            "KeyString-10",
            "HaPass-11",
            "HaKey-12",
            "CertPass-13",
            "UnrecPw-14",
            "UnrecWpa-15",
            "CutAdmin-16",
            "CutCertPw-17",
        )
    ],
    words=["guest"],
    keep=["guest", "10.20.50.", "FGT-TTHCC-TH"],
    trace_to="10.20.10.5",
)

ROUTEROS = Office(
    vendor="mikrotik_routeros",
    sample="routeros-commune-leaky-firewall",
    config="ubndbm-hapax3.rsc",
    added="""
/user add name=tech group=full password=RosUser-1
/ppp secret add name=ppp1 password=RosPpp-2 service=pppoe
/interface wireless security-profiles add authentication-types=wpa2-psk mode=dynamic-keys name=prof1 \\
    wpa-pre-shared-key=RosWpa-3 wpa2-pre-shared-key=RosWpa2-4
/interface wifiwave2 security add authentication-types=wpa2-psk,wpa3-psk name=sec-w2 passphrase=RosWave2-5
/interface wifi security add authentication-types=wpa2-psk name=sec-quoted passphrase="Ros Wifi 6x"
/snmp community add addresses=10.10.99.0/24 name=guest
/snmp community add addresses=10.10.99.0/24 name=RosComm-7
/snmp community add authentication-password=RosSnmpAuth-8 authentication-protocol=SHA1 encryption-password=RosSnmpEnc-9 encryption-protocol=AES name=v3user security=private
/ip ipsec identity add peer=hq secret=RosIpsec-10
/interface pppoe-client add interface=ether1 name=pppoe-backup password=RosPppoe-11 user=isp
/ip hotspot user add name=visitor password=RosHotspot-12
/radius add address=10.10.99.5 secret=RosRadius-13 service=login
/frobnicate add password=RosUnrecPw-14 zz=1
/snmp community frob name=RosUnrecComm-15
/snmp set trap-community=RosTrap-18 trap-version=2
/system identity set name=UBNDBM-RT
""",
    extra={
        "cut.rsc": f"""# 2026-09-04 14:02:37 by RouterOS 7.16.2
/system identity set name=UBNDBM-CUT
/user add name=tech2 group=full password=RosCutUser-16
/certificate import file-name=key.pem passphrase=RosCutPass-17
-----BEGIN RSA PRIVATE KEY-----
{PEM_BODY[0]}
{PEM_BODY[1]}
"""
    },
    secrets=[
        f"Ros{s}"
        for s in (
            "User-1",
            "Ppp-2",
            "Wpa-3",
            "Wpa2-4",
            "Wave2-5",
            "Comm-7",
            "SnmpAuth-8",
            "SnmpEnc-9",
            "Ipsec-10",
            "Pppoe-11",
            "Hotspot-12",
            "Radius-13",
            "UnrecPw-14",
            "UnrecComm-15",
            "CutUser-16",
            "CutPass-17",
            "Trap-18",
        )
    ]
    + ["Ros Wifi 6x"],
    words=["guest"],
    keep=["guest", "10.10.40.", "UBNDBM-RT"],
)

OPENWRT = Office(
    vendor="openwrt",
    sample="openwrt-commune-leaky",
    config="ubnd-tanloc.txt",
    added="""
config wifi-iface 'extra_radio0'
	option device 'radio0'
	option mode 'ap'
	option network 'lan'
	option ssid 'Extra'
	option encryption 'sae-mixed'
	option key 'OwKey-1'
	option sae_password 'OwSae-2'
	list key1 'OwWep-3'
	option frob_password 'OwUnrec-8'

package snmpd

config community 'public_ro'
	option community 'guest'
	option source '192.168.99.0/24'

config community 'private_rw'
	option community 'OwComm-4'

package ddns

config service 'myddns'
	option username 'tanloc'
	option password 'OwDdns-5'

package frobnicate

config frob 'x'
	option password 'OwUnrec-6'
""",
    # No file cut inside a key: UCI holds no PEM blocks (keys live in the files it names).
    secrets=[f"Ow{s}" for s in ("Key-1", "Sae-2", "Wep-3", "Comm-4", "Ddns-5", "Unrec-6", "Unrec-8")]
    + ["CanBo#TanLoc2024"],
    words=["guest"],
    keep=["guest", "192.168.40.", "UBND-TanLoc-GW"],
    trace_to="192.168.10.5",
)

HUAWEI = Office(
    vendor="huawei_vrp",
    sample="huawei-commune-leaky",
    config="core-sw.cfg",
    added="""
radius-server template rad-tinh
 radius-server shared-key cipher HwRad-1
 radius-server authentication 10.20.99.20 1812 weight 80
snmp-agent community write cipher HwComm-2 acl 2000
snmp-agent community read guest
snmp-agent usm-user v3 nms authentication-mode sha cipher HwAuth-3 privacy-mode aes128 cipher HwPriv-4
aaa
 local-user ops password irreversible-cipher HwUser-5
ike peer tinh
 pre-shared-key cipher HwPsk-6
frobnicate password cipher HwUnrec-7
user-interface con 0
 set authentication password cipher HwCon-8
wlan
 security-profile name sec-x
  security wpa2 psk pass-phrase HwWpa-9 aes
""",
    extra={
        "cut.cfg": f"""!Software Version V200R019C10SPC500
#
sysname UBNDPL-CUT
#
aaa
 local-user tech password irreversible-cipher HwCutUser-10
#
pki import rsa-key-pair k1 pem
-----BEGIN RSA PRIVATE KEY-----
{PEM_BODY[0]}
{PEM_BODY[1]}
"""
    },
    secrets=[
        f"Hw{s}"
        for s in ("Rad-1", "Comm-2", "Auth-3", "Priv-4", "User-5", "Psk-6", "Unrec-7", "Con-8", "Wpa-9", "CutUser-10")
    ],
    words=["guest"],
    keep=["guest", "10.20.40.", "UBNDPL-CORE"],
    before="return",
    trace_to="10.20.10.5",
)

JUNOS = Office(
    vendor="juniper_junos",
    sample="juniper-commune-leaky",
    config="srx300.conf",
    added="""
system {
    radius-server {
        10.60.99.20 secret "JnRad-1"; ## SECRET-DATA
    }
    ntp {
        authentication-key 1 type md5 value "JnNtp-2"; ## SECRET-DATA
    }
    login {
        user ops {
            class read-only;
            authentication {
                encrypted-password "$6$JnUser-3$k2LwPq8vM1nR4sT7uY0zA3bC6dE9fG2h"; ## SECRET-DATA
            }
        }
    }
}
snmp {
    community guest {
        authorization read-only;
    }
    community "JnComm-4" {
        authorization read-write;
    }
    trap-group "JnTrap-9" {
        version v2;
        targets {
            10.60.99.21;
        }
    }
    v3 {
        snmp-community IDX1 {
            community-name "JnV3Comm-10";
            security-name ops;
        }
    }
}
security {
    ike {
        policy IKE-TINH {
            pre-shared-key ascii-text "JnPsk-5"; ## SECRET-DATA
        }
    }
}
frobnicate secret "JnUnrec-6";
interfaces {
    pp0 {
        unit 0 {
            ppp-options {
                chap {
                    default-chap-secret "JnChap-7"; ## SECRET-DATA
                }
            }
        }
    }
}
""",
    extra={
        "cut.conf": f"""## Last commit: 2026-04-02 10:05:31 ICT by quantri
version 21.4R3-S5.4;
system {{
    host-name UBNDTH-CUT;
    root-authentication {{
        encrypted-password "$6$JnCutRoot-8$Hq7Wx3Zc9Vb1Nm4Kj6Lh8Gf0Ds2Ap5"; ## SECRET-DATA
    }}
}}
security {{
    certificates {{
        local {{
            k1 "-----BEGIN RSA PRIVATE KEY-----
{PEM_BODY[0]}
{PEM_BODY[1]}
"""
    },
    secrets=[
        "JnRad-1",
        "JnNtp-2",
        "$6$JnUser-3$k2LwPq8vM1nR4sT7uY0zA3bC6dE9fG2h",
        "JnComm-4",
        "JnPsk-5",
        "JnUnrec-6",
        "JnChap-7",
        "$6$JnCutRoot-8$Hq7Wx3Zc9Vb1Nm4Kj6Lh8Gf0Ds2Ap5",
        "JnTrap-9",
        "JnV3Comm-10",
    ],
    words=["guest"],
    keep=["guest", "10.60.40.", "UBNDTH-SRX300"],
    trace_to="10.60.10.5",
)


RUIJIE = Office(
    vendor="ruijie_rgos",
    sample="ruijie-ward-leaky",
    config="core-sw.cfg",
    added="""
enable secret 5 $1$Rj01$RjEnableSec1
enable password 7 RjEnablePw-2
username tech privilege 15 password 0 RjUser-3
username ops secret 8 $1c$RjUserSec4
webmaster level 0 username web password 0 RjWeb-5
webmaster level 2 username xem secret 7 RjWebSec-6
snmp-server community 7 RjComm-7 rw
snmp-server community guest ro
radius-server host 10.20.99.20 key RjRadius-8
wlansec 9
 security rsn akm psk set-key ascii RjWpa-9
frobnicate password RjUnrec-10 now
tacacs-server host 10.20.99.21 key 7 RjTac-12
tacacs-server key RjTacKey-13
radius-server key 7 RjRadKey-14
snmp-server user nms grp v3 auth sha RjAuth-15 priv aes128 RjPriv-16
snmp-server user nms2 grp v3 encrypted auth md5 RjAuth-22 priv des56 RjPriv-23
snmp-server host 10.20.99.5 traps version 2c RjTrap-17
ntp authentication-key 1 md5 RjNtp-18 7
enable secret level 1 5 $1$Rj19$RjLevelSec19
crypto isakmp key 0 RjIke-20 address 203.0.113.1
wlansec 10
 security rsn akm psk set-key hex RjWpaHex-21
line vty 5 15
 password RjVty-11
""",
    before="end",
    # No file cut inside a key: RGOS office configurations hold no PEM blocks.
    secrets=["$1$Rj01$RjEnableSec1", "$1c$RjUserSec4"]
    + [
        f"Rj{s}"
        for s in (
            *("EnablePw-2", "User-3", "Web-5", "WebSec-6", "Comm-7", "Radius-8", "Wpa-9", "Unrec-10", "Vty-11"),
            *("Tac-12", "TacKey-13", "RadKey-14", "Auth-15", "Priv-16", "Trap-17", "Ntp-18", "Ike-20", "WpaHex-21"),
            *("Auth-22", "Priv-23"),
        )
    ]
    + ["$1$Rj19$RjLevelSec19"],
    words=["guest"],
    keep=["guest", "10.20.20.", "UBND-PHUONG-CORE"],
    trace_to="10.20.10.5",
)

COMWARE = Office(
    vendor="h3c_comware",
    sample="",
    fixture="s5130-ubndxa-core",
    config="core-sw.cfg",
    added="""
radius scheme rad-tinh
 primary authentication 10.20.99.20
 key authentication cipher $c$3$H3cRad-1
snmp-agent community write cipher $c$3$H3cComm-2 acl 2099
snmp-agent community read guest
snmp-agent usm-user v3 nms nmsgroup simple authentication-mode sha H3cAuth-3 privacy-mode aes128 H3cPriv-4
local-user ops class manage
 password simple H3cUser-5
 service-type ssh
ike keychain tinh
 pre-shared-key address 203.0.113.1 255.255.255.255 key cipher $c$3$H3cPsk-6
frobnicate password cipher H3cUnrec-7
 super password role network-admin hash $h$6$H3cSuper-8
line aux 0
 set authentication password simple H3cAux-9
wlan service-template khach
 preshared-key pass-phrase simple H3cWpa-10
local-user tech class manage
 password hash $h$6$H3cHash-12$Zx9Qw==
local-user cu class manage
 password cipher $c$3$H3cCipher-13==
local-user tay class manage
 password sim H3cAbbrev-14
ospf 1 router-id 10.20.99.1
 area 0.0.0.0
  authentication-mode md5 1 plain H3cOspf-15
snmp-agent target-host trap address udp-domain 10.20.99.20 params securityname H3cTrap-16 v2c
snmp-agent usm-user v2c H3cUsmV2-17 v2group
interface Vlan-interface99
 vrrp vrid 1 authentication-mode simple plain H3cVrrp-18
 rip authentication-mode md5 rfc2453 plain H3cRip-19
""",
    extra={
        "site.yaml": """unit: "UBND xã Tân Lập"
level: 2
zones:
  staff: {kind: internal, subnets: [10.20.10.0/24]}
  guest: {kind: guest, subnets: [10.20.20.0/24]}
  camera: {kind: internal, subnets: [10.20.30.0/24]}
  mgmt: {kind: management, subnets: [10.20.99.0/24]}
""",
        "cut.cfg": f"""#
 version 7.1.070, Release 6329P03
#
 sysname UBNDXA-CUT
#
local-user tech class manage
 password simple H3cCutUser-11
#
pki domain d1
-----BEGIN RSA PRIVATE KEY-----
{PEM_BODY[0]}
{PEM_BODY[1]}
""",
    },
    secrets=[
        f"H3c{s}"
        for s in (
            "Rad-1",
            "Comm-2",
            "Auth-3",
            "Priv-4",
            "User-5",
            "Psk-6",
            "Unrec-7",
            "Aux-9",
            "Wpa-10",
            "CutUser-11",
            "Abbrev-14",
            "Ospf-15",
            "Trap-16",
            "UsmV2-17",
            "Vrrp-18",
            "Rip-19",
        )
    ]
    + ["$h$6$H3cSuper-8", "$h$6$H3cHash-12$Zx9Qw==", "$c$3$H3cCipher-13=="],
    words=["guest"],
    keep=["guest", "10.20.20.", "UBND-XA-CORE"],
    before="return",
    trace_to="10.20.10.5",
)

OFFICES = [IOS, ASA, FORTIOS, ROUTEROS, OPENWRT, HUAWEI, RUIJIE, COMWARE, JUNOS]
