"""Masking of secrets (passwords, keys, SNMP communities, PSKs) in every output."""
from __future__ import annotations

import re

MASK = "******"

# Keyword-led secrets in any vendor's syntax: the token after the keyword (and an
# optional encryption-type digit) is the secret.
_KEYWORD = re.compile(
    r"(?P<kw>\b(?:password|secret|key-string|(?<!crypto )key|community|psk|passphrase|pre-shared-key|"
    r"authentication(?:-key)?|md5|wpa-pre-shared-key|wpa2-pre-shared-key|passwd)\b"
    r"(?:\s+(?:encrypted|hash|sha256|md5|7|5|8|9|0|ENC))?\s+)(?P<val>\"[^\"]*\"|\S+)",
    re.IGNORECASE)


def mask(text: str, secrets: set[str] | frozenset[str] = frozenset(), keywords: bool = True) -> str:
    """``text`` with known secret values replaced by ``******``; with ``keywords``
    (config lines) also whatever follows a secret keyword.  Prose — findings,
    remediation snippets — is masked by known values only, so a sentence such as
    "config system snmp community" keeps its words."""
    if not text:
        return text
    for s in sorted(secrets, key=len, reverse=True):
        if len(s) >= 3 and s in text:
            text = text.replace(s, MASK)
    return _KEYWORD.sub(lambda m: m.group("kw") + MASK, text) if keywords else text


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
