"""Secrets never leave netaudit unless --show-secrets: every format, the sample configs and
the vendor fixtures (plain-text passwords, SNMP communities, keys)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import PDFTOTEXT, ROOT, cli

SOURCES = [
    ROOT / "sample_configs" / "cisco-commune-leaky",
    ROOT / "sample_configs" / "cisco-commune-compliant",
    ROOT / "tests" / "fixtures" / "cisco_ios",
]
_SECRET_LINE = re.compile(
    r"\b(?:enable (?:secret|password)|username \S+ .*?(?:secret|password)|password|secret|key-string|key|"
    r"snmp-server community)\s+(?:(?:0|5|7|8|9)\s+)?(?P<val>\S+)",
    re.I,
)


def _secrets(folder: Path) -> set[str]:
    """Secret values read straight from the configs (independently of the parser)."""
    out = set()
    for cfg in folder.glob("*.cfg"):
        for line in cfg.read_text(encoding="utf-8", errors="replace").splitlines():
            s = line.strip()
            if s.startswith(("!", "service password-encryption", "no service")) or "rsakeypair" in s:
                continue
            m = _SECRET_LINE.search(s)
            if m and len(m.group("val")) >= 4 and m.group("val").lower() not in ("level", "encryption"):
                out.add(m.group("val"))
    return out


def test_secret_extraction_finds_the_fixtures_secrets():
    found = _secrets(ROOT / "tests" / "fixtures" / "cisco_ios")
    assert {"cisco123", "Admin@2023", "Tanphu-RO-2024", "Support@123", "Hsrp-Key-10", "public", "private"} <= found


@pytest.mark.parametrize("folder", SOURCES, ids=lambda p: p.name)
def test_no_secret_in_any_format(folder, tmp_path):
    secrets = _secrets(folder)
    assert secrets, folder
    outputs: dict[str, str] = {}
    for fmt in ("text", "json"):
        out = tmp_path / f"report.{fmt}"
        res = cli("audit", folder, "--format", fmt, "-o", out, "--lang", "en")
        assert res.returncode in (0, 1), res.stderr.decode()[-2000:]
        outputs[fmt] = out.read_text(encoding="utf-8")
    # Every other format renders from the JSON document (as `netaudit report` does).
    from netaudit.report import RenderOptions, load_doc, render_doc
    from netaudit.report.drawio import render as drawio

    doc = load_doc(tmp_path / "report.json")
    for fmt in ("html", "md", "sarif", "pdf"):
        data = render_doc(doc, fmt, RenderOptions(lang="vi"))
        if fmt == "pdf":
            if PDFTOTEXT is None:
                continue
            (tmp_path / "report.pdf").write_bytes(data)
            data = subprocess.run(
                [PDFTOTEXT, str(tmp_path / "report.pdf"), "-"], capture_output=True, check=True
            ).stdout.decode()
        outputs[fmt] = data
    outputs["drawio"] = drawio(doc, "en")
    html = tmp_path / "cli.html"
    assert cli("audit", folder, "--format", "html", "-o", html).returncode in (0, 1)
    outputs["cli-html"] = html.read_text(encoding="utf-8")
    for fmt, text in outputs.items():
        assert not [s for s in secrets if _leaks(s, text)], fmt
    if folder.name == "ios":
        assert "******" in outputs["json"] and "******" in outputs["html"]


def _leaks(secret: str, text: str) -> bool:
    """Plain words ("cisco", "public", "private") are also vendor names and English words:
    for them only a use as a secret counts; any other value must not appear at all."""
    if secret.isalpha():
        return (
            re.search(rf"(?:password|secret|community|key)\s+(?:\d\s+)?{re.escape(secret)}\b", text, re.I) is not None
        )
    return secret in text


def test_show_secrets_shows_them(tmp_path):
    out = tmp_path / "r.md"
    assert cli(
        "audit", ROOT / "tests" / "fixtures" / "cisco_ios", "--format", "md", "-o", out, "--show-secrets"
    ).returncode in (0, 1)
    assert "snmp-server community public RO" in out.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- keyword rule
# Real lines from IOS, ASA, FortiOS, RouterOS, NX-OS and EOS: the value in a secret's
# grammar position is masked, never the keyword, a neighbouring word or a grammar word.
MASKED = [
    # Cisco IOS / IOS-XE
    (
        "username admin privilege 15 secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucy",
        "username admin privilege 15 secret 9 ******",
    ),
    ("enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "enable secret 5 ******"),
    ("enable password level 15 7 0822455D0A16", "enable password level 15 7 ******"),
    ("snmp-server community public RO 10", "snmp-server community ****** RO 10"),
    (
        "snmp-server user U G v3 auth sha AuthPass1 priv aes 128 PrivPass1",
        "snmp-server user U G v3 auth sha ****** priv aes 128 ******",
    ),
    ("snmp-server group G v3 priv read V", "snmp-server group G v3 priv read V"),
    ("security authentication failure rate 4 log", "security authentication failure rate 4 log"),
    ("security passwords min-length 8", "security passwords min-length 8"),
    ("service password-encryption", "service password-encryption"),
    ("password encryption aes", "password encryption aes"),
    ("aaa authentication login default group tacacs+ local", "aaa authentication login default group tacacs+ local"),
    ("key chain OSPF-KEYS", "key chain OSPF-KEYS"),
    (" key 1", " key 1"),
    ("  key-string 7 0822455D0A16", "  key-string 7 ******"),
    (" wpa-psk ascii 0 KhachWifi2024", " wpa-psk ascii 0 ******"),
    # IOS-XE WLAN (Catalyst 9800): the PSK is after set-key and its encoding, not after psk
    (" security wpa psk set-key ascii 0 KhachWifi2024", " security wpa psk set-key ascii 0 ******"),
    (" security wpa akm psk", " security wpa akm psk"),
    ("crypto key import rsa K1 pem terminal Imp0rtPass", "crypto key import rsa K1 pem terminal ******"),
    (
        "crypto key import rsa K1 general-keys exportable url tftp://10.1.1.1/k.pem Imp0rtPass",
        "crypto key import rsa K1 general-keys exportable url tftp://10.1.1.1/k.pem ******",
    ),
    ("crypto pki certificate chain TP-self-signed-1", "crypto pki certificate chain TP-self-signed-1"),
    ("  3082022B 30820194 A0030201 02020101 300D0609 2A864886", "  ******"),
    (" authentication key-management wpa version 2", " authentication key-management wpa version 2"),
    ("crypto isakmp key Vpn@Key2024 address 203.0.113.9", "crypto isakmp key ****** address 203.0.113.9"),
    ("crypto isakmp key 0 Vpn@Key2024 address 203.0.113.9", "crypto isakmp key 0 ****** address 203.0.113.9"),
    ("crypto key generate rsa modulus 2048", "crypto key generate rsa modulus 2048"),
    (" pre-shared-key address 10.0.0.1 key PskX", " pre-shared-key address 10.0.0.1 key ******"),
    ("key config-key password-encrypt MasterKey1", "key config-key password-encrypt ******"),
    ("ntp authentication-key 1 md5 NtpKey 7", "ntp authentication-key 1 md5 ****** 7"),
    ("ntp trusted-key 1", "ntp trusted-key 1"),
    (" ip ospf message-digest-key 1 md5 7 045802150C2E", " ip ospf message-digest-key 1 md5 7 ******"),
    (" ip ospf authentication-key 7 045802150C2E", " ip ospf authentication-key 7 ******"),
    (" ip ospf authentication message-digest", " ip ospf authentication message-digest"),
    (" standby 10 authentication md5 key-string 7 Hsrp-Key-10", " standby 10 authentication md5 key-string 7 ******"),
    (" standby 10 authentication Hsrp10", " standby 10 authentication ******"),
    (" vrrp 1 authentication text Vrrp1", " vrrp 1 authentication text ******"),
    ("tacacs-server key 7 0822455D0A16", "tacacs-server key 7 ******"),
    (" neighbor 10.0.0.2 password 7 0822455D", " neighbor 10.0.0.2 password 7 ******"),
    (" set community 65000:100", " set community 65000:100"),
    # Cisco ASA
    (
        "snmp-server host inside 10.1.1.5 community Hb0aComm version 2c",
        "snmp-server host inside 10.1.1.5 community ****** version 2c",
    ),
    (
        "username netadmin password Xy7!pass encrypted privilege 15",
        "username netadmin password ****** encrypted privilege 15",
    ),
    (" ikev1 pre-shared-key TgPsk!", " ikev1 pre-shared-key ******"),
    (" ikev2 remote-authentication pre-shared-key TgPsk!", " ikev2 remote-authentication pre-shared-key ******"),
    (" ldap-login-password LdapPw1", " ldap-login-password ******"),
    ("failover key FoKey555", "failover key ******"),
    ("passwd 2KFQnbNIdI.2KYOU encrypted", "passwd ****** encrypted"),
    # FortiOS
    ("        set passwd ENC SH2abcdefABCDEF", "        set passwd ENC ******"),
    ("        set psksecret ENC LCVkCiK2nBz", "        set psksecret ENC ******"),
    ("        set password ENC XYZxyz", "        set password ENC ******"),
    ("        set sae-password ENC Sae1x", "        set sae-password ENC ******"),
    ("        set ppk-secret ENC Ppk1x", "        set ppk-secret ENC ******"),
    ("        set auth-pwd ENC Auth1x", "        set auth-pwd ENC ******"),
    ("        set key-string ENC Ks1x", "        set key-string ENC ******"),
    # any section, known or not (a new release's `config system modem-…`): ENC is a secret
    ("        set passwd1 ENC Fq8uQ2mTzXvR4pLw", "        set passwd1 ENC ******"),
    ("        set password2 ENC Kd7sN1vBq9ZtYx3", "        set password2 ENC ******"),
    ("        set access-token ENC tok_9f8e7d6c5b4a", "        set access-token ENC ******"),
    ("        set auth-string ENC RipAuth#2026", "        set auth-string ENC ******"),
    ("        set auth-password-l1 ENC IsisL1x", "        set auth-password-l1 ENC ******"),
    ("        set some-new-field ENC Zz9yYx8w", "        set some-new-field ENC ******"),
    # in comments and descriptions, English or Vietnamese, with or without diacritics
    (
        '-A INPUT -s 10.0.99.5/32 -m comment --comment "password: Vend0r!2026" -j ACCEPT',
        '-A INPUT -s 10.0.99.5/32 -m comment --comment "password: ******" -j ACCEPT',
    ),
    (' description "mật khẩu: Abc123 - anh Nam"', ' description "mật khẩu: ****** - anh Nam"'),
    (" description may in - mat khau = xyz99", " description may in - mat khau = ******"),
    (
        '/ip firewall filter add chain=input comment="MK:12345"',
        '/ip firewall filter add chain=input comment="MK:******"',
    ),
    (" description Wifi khach", " description Wifi khach"),
    (
        "/ip firewall mangle add action=mark-connection passthrough=yes",
        "/ip firewall mangle add action=mark-connection passthrough=yes",
    ),
    (
        '        set private-key "-----BEGIN ENCRYPTED PRIVATE KEY-----',
        '        set private-key "-----BEGIN ENCRYPTED PRIVATE KEY-----',
    ),
    ("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDQk7Vm3xPqR2sT", "******"),
    # RouterOS
    ("/user add name=x password=y group=full", "/user add name=x password=****** group=full"),
    ("/ppp secret add name=u password=p service=pppoe", "/ppp secret add name=u password=****** service=pppoe"),
    (
        'add authentication-types=wpa2-psk mode=dynamic-keys name=p1 wpa2-pre-shared-key="Wifi 2024"',
        "add authentication-types=wpa2-psk mode=dynamic-keys name=p1 wpa2-pre-shared-key=******",
    ),
    ("/ip ipsec identity add peer=p secret=IpsecS", "/ip ipsec identity add peer=p secret=******"),
    (
        "/snmp community add authentication-password=A1x encryption-password=E1x name=v3",
        "/snmp community add authentication-password=****** encryption-password=****** name=v3",
    ),
    (
        "/routing bgp connection add name=isp tcp-md5-key=Md5Kx",
        "/routing bgp connection add name=isp tcp-md5-key=******",
    ),
    (
        '/interface wifi security add name=s passphrase="Ros Wifi 6x"',
        "/interface wifi security add name=s passphrase=******",
    ),
    # NX-OS / EOS
    (
        "username admin password 5 $5$KHMBFL$Qm8kqM  role network-admin",
        "username admin password 5 ******  role network-admin",
    ),
    (
        "snmp-server user admin network-admin auth md5 0x5fd3 priv 0x5fd3 localizedkey",
        "snmp-server user admin network-admin auth md5 ****** priv ****** localizedkey",
    ),
    (
        "username admin privilege 15 role network-admin secret sha512 $6$Yt8Q",
        "username admin privilege 15 role network-admin secret sha512 ******",
    ),
]


@pytest.mark.parametrize("line, expected", MASKED, ids=[m[0].strip()[:40] for m in MASKED])
def test_keyword_rule_masks_values_not_keywords(line, expected):
    from netaudit.secrets import mask

    assert mask(line) == expected
