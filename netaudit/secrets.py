"""Masking of secrets (passwords, keys, SNMP communities, PSKs) in every output.

Two nets, both applied to configuration lines: the literal secret values the parsers
collected (``Device.secrets``), and keyword rules for what a parser may not have seen.
A keyword rule masks the *value* in the position the vendor grammar gives it — the
token after the keyword and its encryption/encoding words (``secret 9 $9$…``,
``set psksecret ENC …``, ``wpa-psk ascii 0 …``, ``password=…``) — never the keyword,
never a neighbouring word, and never a grammar word that merely follows a keyword
(``key chain``, ``security authentication failure rate``, ``password encryption aes``).
"""
from __future__ import annotations

import re

MASK = "******"

# A keyword is a whole word: not part of ``trusted-key``, ``wpa-psk``-like compounds or
# ``password-encryption`` (hyphens join words in every vendor grammar).
_B, _E = r"(?<![\w-])", r"(?![\w-])"
# Words between a keyword and its value: encryption types (IOS 0/5/6/7/8/9), encodings
# (FortiOS ENC, wpa-psk ascii/hex, HSRP text, EOS sha512) and IOS `level N`.
_TYPE = r"(?:(?:[05-9]|encrypted|unencrypted|hash|sha256|sha512|enc|ascii|hex|text|level\s+\d+)\s+)*"
_VALUE = r"(?P<val>\"[^\"]*\"|\S+)"

# (rule, whether a bare number is an identifier here rather than a secret)
_RULES: list[tuple[re.Pattern, bool]] = [(re.compile(p, re.IGNORECASE), ids) for p, ids in (
    # password / secret and friends, in any vendor's spelling (FortiOS `set passwd ENC …`)
    (_B + r"(?:password|passwd|secret|passphrase|psksecret|psksecret-remote|ppk-secret|"
     r"pre-shared-key|key-string|wpa-psk|wpa-pre-shared-key|wpa2-pre-shared-key|sae-password|"
     r"auth-pwd|priv-pwd|password-encrypt)" + _E + r"\s+" + _TYPE + _VALUE, False),
    # ip ospf authentication-key [7] X; ntp authentication-key N md5 X [7]
    (_B + r"authentication-key\s+(?:\d+\s+(?:md5|sha\S*|cmac)\s+)?" + _TYPE + _VALUE, False),
    # tacacs-server / radius-server / crypto isakmp key [0|7] X; FortiOS set key ENC X
    (_B + r"key\s+" + _TYPE + _VALUE, True),
    # SNMPv3: auth md5|sha X, priv [des|aes N] X; OSPF message-digest-key N md5 [7] X
    (_B + r"(?:auth|message-digest-key\s+\d+)\s+(?:md5|sha\S*)\s+" + _TYPE + _VALUE, False),
    (_B + r"priv\s+(?:(?:des|3des|des56|aes|aes-?\d+)\s+(?:\d+\s+)?)?" + _VALUE, False),
    # HSRP / VRRP plain-text authentication: standby 1 authentication [text] X
    (r"^\s*(?:standby|vrrp)\b.*?" + _B + r"authentication\s+(?:text\s+)?" + _VALUE, False),
    # snmp-server community X …; ASA snmp-server host … community X
    (r"^\s*snmp-server\b.*?" + _B + r"community\s+" + _VALUE, False),
    # key=value forms (RouterOS, others): password=X, wpa2-pre-shared-key="X"
    (_B + r"(?:password|passphrase|secret|ipsec-secret|wpa-pre-shared-key|wpa2-pre-shared-key|"
     r"wpa3-pre-shared-key|pre-shared-key|authentication-key|private-key|psk)=" + _VALUE, False),
)]

# Words that follow a secret keyword in some grammar without being its value: never
# masked (``key chain K``, ``password encryption aes``, ``pre-shared-key address A key
# X``, ``/ppp secret add``, SNMP ``priv read V``, HSRP ``authentication md5 key-string``).
_GRAMMAR_WORDS = frozenset({
    "encryption", "chain", "config-key", "generate", "zeroize", "import", "export", "decrypt",
    "storage", "pubkey-chain", "address", "hostname", "key-string", "key-chain", "md5", "sha",
    "text", "add", "set", "remove", "print", "edit", "find", "[", "read", "write", "notify",
    "access", "context", "match", "level", "none", "null", "prompt",
})


def _mask_value(m: re.Match, ids: bool) -> str:
    val = m.group("val")
    word = val.strip('"').lower()
    if (word in _GRAMMAR_WORDS or val == MASK) or (ids and word.isdigit()):
        return m.group(0)
    return m.group(0)[: m.start("val") - m.start()] + MASK


def mask_keywords(text: str) -> str:
    """``text`` (a configuration line) with every value in a secret's grammar position
    replaced by ``******``."""
    for rx, ids in _RULES:
        text = rx.sub(lambda m, ids=ids: _mask_value(m, ids), text)
    return text


def mask(text: str, secrets: set[str] | frozenset[str] = frozenset(), keywords: bool = True) -> str:
    """``text`` with known secret values replaced by ``******``; with ``keywords``
    (config lines) also the value a secret keyword introduces (:func:`mask_keywords`).
    Prose — findings, remediation snippets — is masked by known values only, so a
    sentence such as "config system snmp community" keeps its words."""
    if not text:
        return text
    for s in sorted(secrets, key=len, reverse=True):
        if len(s) >= 3 and s in text:
            text = text.replace(s, MASK)
    return mask_keywords(text) if keywords else text


def of_devices(devices) -> set[str]:
    """Every literal secret the parsers found on these devices."""
    found: set[str] = set()
    for d in devices:
        found |= d.secrets
    return found


def mask_tree(obj, secrets: set[str] | frozenset[str] = frozenset()):
    """Mask every ``text`` field in nested dicts/lists (evidence, witness rules)."""
    if isinstance(obj, dict):
        return {k: (mask(v, secrets) if k == "text" and isinstance(v, str) else mask_tree(v, secrets))
                for k, v in obj.items()}
    if isinstance(obj, list):
        return [mask_tree(v, secrets) for v in obj]
    return obj
