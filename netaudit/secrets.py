"""Masking of secrets (passwords, keys, SNMP communities, PSKs, key material) in every output.

Where a secret is known (docs/limits.md, "Secrets"):

1. **By the vendor grammar, per line.**  The parsers know which word of which line is a
   secret (``snmp-server community X``, FortiOS ``config system snmp community`` / ``set
   name X``, RouterOS ``/snmp community add name=X``) and record it with its line
   (``Device.secret_lines``); a citation of that line — evidence, witness rules,
   unrecognised and partly understood lines, warnings naming ``file:line`` — has the value
   masked wherever it stands in the line, even when it is an ordinary word (``guest``).
2. **Key material.**  PEM blocks (``-----BEGIN … -----END``, also a file cut inside one),
   Cisco hex certificate blocks (``certificate …`` followed by hex lines) are found by the
   parsers (:func:`key_material_lines`), read as ignored data and never echoed; any
   base64 run of 40+ characters or run of 8-digit hex groups left in a text is masked too.
3. **Keyword rules** (:func:`mask_keywords`) for configuration text a parser may not have
   read: the value in the position a vendor grammar gives it — the token after the keyword
   and its encryption/encoding words (``secret 9 $9$…``, ``set psksecret ENC …``,
   ``wpa-psk ascii 0 …``, ``security wpa psk set-key ascii 0 …``, ``password=…``) — never
   the keyword, never a neighbouring word, never a grammar word that merely follows a
   keyword (``key chain``, ``password encryption aes``).
4. **Unrecognised lines and warnings** get, on top, a conservative rule
   (:func:`mask_conservative`): after a secret keyword every word is masked except
   grammar words, encryption types, small numbers and IP addresses.
5. **Literal values anywhere** (prose included), as whole tokens only — never inside an
   IP address or another word — and only values that cannot be mistaken for ordinary
   text: not common words (``guest``, ``public``), not numbers or address fragments, not
   names of the snapshot (zones, hosts, interfaces, VLANs, SSIDs, filters).

:class:`Masker` applies them: ``line`` (a cited configuration line), ``unrecognized``,
``warning`` (messages that may quote a line), ``prose`` (findings, reasons) and ``doc``
(a JSON audit document).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial

from .collector import long_lived
from .lazy_re import lazy_compile

MASK = "******"

# A keyword is a whole word: not part of ``trusted-key``, ``wpa-psk``-like compounds or
# ``password-encryption`` (hyphens join words in every vendor grammar).
_B, _E = r"(?<![\w-])", r"(?![\w-])"
# Words between a keyword and its value: encryption types (IOS 0/5/6/7/8/9), encodings
# (FortiOS ENC, wpa-psk ascii/hex, HSRP text, EOS sha512) and IOS `level N`.
_TYPE = r"(?:(?:[05-9]|encrypted|unencrypted|hash|sha256|sha512|enc|ascii|hex|text|level\s+\d+)\s+)*"
_VALUE = r"(?P<val>\"[^\"]*\"|\S+)"

# (rule, whether a bare number is an identifier here rather than a secret)
_RULES: list[tuple[re.Pattern, bool]] = [
    (lazy_compile(p, re.IGNORECASE), ids)
    for p, ids in (
        # password / secret and friends, in any vendor's spelling (FortiOS `set passwd ENC …`,
        # IOS-XE WLAN `security wpa psk set-key ascii 0 …`, ASA `ldap-login-password …`)
        (
            _B + r"(?:password\d*|passwd\d*|secret|passphrase|psksecret|psksecret-remote|ppk-secret|"
            r"pre-shared-key|key-string|wpa-psk|wpa-pre-shared-key|wpa2-pre-shared-key|sae-password|"
            r"auth-pwd|priv-pwd|password-encrypt|set-key|ldap-login-password|auth-password(?:-l\d)?|"
            r"ldap-password|radius-secret|server-secret|secondary-secret|tertiary-secret|md5-key|"
            r"wep-key|mpsk-key|api-key|auth-string|access-token|token)" + _E + r"\s+" + _TYPE + _VALUE,
            False,
        ),
        # FortiOS writes every stored secret as `set <name> ENC <value>`, in sections
        # netaudit reads or not (a new release's `config system modem-…`).
        (r"^\s*set\s+\S+\s+ENC\s+" + _VALUE, False),
        # In comments and descriptions: "password: X", "mật khẩu = X" (with or without
        # diacritics).
        (
            _B + r"(?:password|passwd|secret|passphrase|pass|pwd|m[aậ]t\s*kh[aẩ]u|mk)\s*[:=]\s*"
            r"(?P<val>[^\s\"']+)",
            False,
        ),
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
        # IOS crypto key import rsa L [pem] [usage-keys …] [exportable] terminal|url U PASSPHRASE
        (r"^\s*crypto\s+key\s+import\b.*?\s(?:terminal|url\s+\S+)\s+" + _VALUE, False),
        # key=value forms (RouterOS, others): password=X, authentication-password=X,
        # wpa2-pre-shared-key="X", tcp-md5-key=X
        (
            r"(?<![\w.-])(?:[\w.]+-)*(?:password|passphrase|secret|pre-shared-key|preshared-key|"
            r"authentication-key|private-key|psk|passwd|tcp-md5-key|auth-key|static-key-\d|"
            r"static-sta-private-key)=" + _VALUE,
            False,
        ),
    )
]

# Words that follow a secret keyword in some grammar without being its value: never
# masked (``key chain K``, ``password encryption aes``, ``pre-shared-key address A key
# X``, ``/ppp secret add``, SNMP ``priv read V``, HSRP ``authentication md5 key-string``).
_GRAMMAR_WORDS = frozenset(
    {
        "encryption",
        "chain",
        "config-key",
        "generate",
        "zeroize",
        "import",
        "export",
        "decrypt",
        "storage",
        "pubkey-chain",
        "address",
        "hostname",
        "key-string",
        "key-chain",
        "md5",
        "sha",
        "text",
        "add",
        "set",
        "remove",
        "print",
        "edit",
        "find",
        "[",
        "read",
        "write",
        "notify",
        "access",
        "context",
        "match",
        "level",
        "none",
        "null",
        "prompt",
        "set-key",
    }
)


def may_hold_secret(text: str) -> bool:
    """A cheap test (no regular expression: this runs on every unrecognised line of a
    50 MB file) that ``text`` has a word some secret rule needs."""
    low = text.lower()
    return (
        "pass" in low
        or "secret" in low
        or "key" in low
        or "psk" in low
        or "auth" in low
        or "priv" in low
        or "community" in low
        or "md5" in low
        or "pwd" in low
        or "token" in low
        or " enc " in low
        or "kh" in low  # mật khẩu, mat khau
        or "mk" in low
    )


def _mask_value(m: re.Match, ids: bool) -> str:
    val = m.group("val")
    word = val.strip('"').lower()
    if (word in _GRAMMAR_WORDS or val == MASK or val.strip('"') == MASK) or (ids and word.isdecimal()):
        return m.group(0)
    return m.group(0)[: m.start("val") - m.start()] + MASK


def mask_keywords(text: str) -> str:
    """``text`` (a configuration line) with every value in a secret's grammar position
    replaced by ``******``."""
    if not may_hold_secret(text):
        return text
    for rx, ids in _RULES:
        text = rx.sub(partial(_mask_value, ids=ids), text)
    return text


# --------------------------------------------------------------------------- key material

_PEM_BEGIN = lazy_compile(r"-----BEGIN [A-Z0-9 ]+-----")
_PEM_END = lazy_compile(r"-----END [A-Z0-9 ]+-----")
_PEM_HEADER = lazy_compile(r"^[A-Za-z][A-Za-z-]*: \S")  # Proc-Type:, DEK-Info:
_B64_LINE = lazy_compile(r"^[A-Za-z0-9+/]+={0,2}$")
_HEX_LINE = lazy_compile(r"^[0-9A-Fa-f]{2,8}(?:[ \t]+[0-9A-Fa-f]{2,8})*$")
_CERT_START = lazy_compile(r"^certificate\b(?!\s+chain)", re.IGNORECASE)
# In any text: a base64 run (40+ characters: a PEM line, an encoded key) and a run of
# 8-digit hex groups (a Cisco certificate line).
_B64_RUN = lazy_compile(r"(?<![A-Za-z0-9+/=])(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])")
_HEX_RUN = lazy_compile(r"(?<![\w])(?:[0-9A-Fa-f]{8}[ \t]+){3,}[0-9A-Fa-f]{2,8}(?![\w])")


def _pem_data(s: str) -> bool:
    """A line of a PEM body: base64 (a short last line only when it ends the body)."""
    body = s.strip().strip("\"'")
    return bool(body) and _B64_LINE.match(body) is not None


def key_material_lines(lines: list[str]) -> dict[int, str]:
    """Lines of ``lines`` (1-based numbers) that are key material, each with the part
    of it that is secret ("" for a line that only marks a block):

    * PEM blocks: the body after ``-----BEGIN …-----`` up to ``-----END …-----``; a line
      that is nothing but a marker (``-----BEGIN RSA PRIVATE KEY-----``, FortiOS'
      ``-----END CERTIFICATE-----"``) and a ``quit`` right after the end (IOS ``crypto key
      import``) belong to the block.  Without an end (a file cut inside the key) the body
      runs while lines look like base64: to the end of the file;
    * Cisco certificate blocks: the hex lines after a ``certificate …`` line (``crypto
      pki certificate chain`` / ``crypto ca certificate chain``), to ``quit`` or the end.

    A line that opens a block with configuration text on it (FortiOS ``set private-key
    "-----BEGIN …``) is not listed; its statement stays the parser's.
    """
    out: dict[int, str] = {}
    n = len(lines)
    i = 0
    while i < n:
        raw = lines[i]
        if "-----BEGIN" not in raw and "ertificate" not in raw:  # the fast path: almost every line
            i += 1
            continue
        s = raw.strip()
        m = _PEM_BEGIN.search(s) if "-----BEGIN" in s else None
        if m is not None:
            if not s[: m.start()].strip(" \t\"'"):
                out[i + 1] = s[m.end() :].strip().strip("\"'")
            if _PEM_END.search(s, m.end()):
                i += 1
                continue
            j = i + 1
            while j < n:
                t = lines[j].strip()
                e = _PEM_END.search(t)
                if e is not None:
                    before = t[: e.start()].strip()
                    out[j + 1] = before
                    if j + 1 < n and lines[j + 1].strip().lower() == "quit":
                        out[j + 2] = ""
                        j += 1
                    break
                header = _PEM_HEADER.match(t) is not None and j - i <= 3
                if not (t == "" or header or _pem_data(t)):
                    break
                if not header and t and len(t.strip("\"'")) < 16 and not _ends_pem(lines, j + 1):
                    break  # a short word ("end", "quit"): config again
                out[j + 1] = t.strip("\"'")
                j += 1
            i = j + 1
            continue
        if _CERT_START.match(s) and i + 1 < n and _HEX_LINE.match(lines[i + 1].strip() or "-"):
            j = i + 1
            while j < n and _HEX_LINE.match(lines[j].strip() or "-"):
                out[j + 1] = lines[j].strip()
                j += 1
            i = j
            continue
        i += 1
    return out


def _ends_pem(lines: list[str], k: int) -> bool:
    """Whether line index ``k`` (0-based) is a PEM end marker or the end of the file."""
    return k >= len(lines) or _PEM_END.search(lines[k]) is not None


def mask_key_material(text: str) -> str:
    """``text`` with PEM bodies, base64 runs and Cisco hex certificate runs masked."""
    if "-----BEGIN" in text or "-----END" in text:
        text = _mask_pem_inline(text)
    if len(text) < 35:
        return text
    lengths = list(map(len, text.split()))
    if max(lengths, default=0) >= 40:
        text = _B64_RUN.sub(_b64_mask, text)
    if lengths.count(8) >= 3:
        text = _HEX_RUN.sub(MASK, text)
    return text


def _b64_mask(m: re.Match) -> str:
    """A base64 run masked, unless it is the head of an absolute file path of three levels
    or more that goes on with a path character (``/tmp/sweep10/…/Celebration`` before
    ``_Church…/site.yaml`` in a message naming a file).  Key material is followed by a
    blank, a quote or ``=``; that it also starts with ``/`` and holds two more is 1 case
    in several hundred, so the next character is what tells them apart."""
    run, after = m.group(0), m.string[m.end() : m.end() + 1]
    if after and after in "._-:" and run.startswith("/") and run.count("/") >= 3 and "//" not in run:
        return run
    return MASK


def _mask_pem_inline(text: str) -> str:
    """Everything between a BEGIN marker and the END marker (or the end of the text)."""
    out, pos = [], 0
    for m in _PEM_BEGIN.finditer(text):
        if m.start() < pos:
            continue
        out.append(text[pos : m.end()])
        e = _PEM_END.search(text, m.end())
        stop = e.start() if e else len(text)
        if text[m.end() : stop].strip(" \t\n\"'\\"):
            out.append(MASK)
        pos = stop
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------- conservative rule

# A word announcing a secret after it (also as the last part of a compound:
# ``wpa-psk``, ``set-key``, ``ldap-login-password``, ``tcp-md5-key``).
_SECRET_WORD = lazy_compile(
    r"^(?:[\w.]+-)*(?:password|passwd|passphrase|secret|psksecret|psk|pre-shared-key|preshared-key|"
    r"key|key-string|community|pwd)$",
    re.IGNORECASE,
)
_KEEP_AFTER = (
    frozenset(
        {
            "0",
            "5",
            "6",
            "7",
            "8",
            "9",
            "enc",
            "ascii",
            "hex",
            "encrypted",
            "unencrypted",
            "hash",
            "md5",
            "sha",
            "sha1",
            "sha256",
            "sha512",
            "aes",
            "des",
            "3des",
            "128",
            "192",
            "256",
            "text",
            "level",
            "address",
            "host",
            "version",
            "ro",
            "rw",
            "in",
            "out",
            "any",
            "none",
        }
    )
    | _GRAMMAR_WORDS
)
# Words after a secret keyword that make it a command, not a secret's introduction
# (``key chain K``, ``crypto key generate rsa``, ``password encryption aes``).
_COMMAND_AFTER = frozenset(
    {
        "chain",
        "generate",
        "zeroize",
        "import",
        "export",
        "pubkey-chain",
        "storage",
        "decrypt",
        "encrypt",
        "config-key",
        "encryption",
        "management",
    }
)
_TOKEN = lazy_compile(r"""(?:[^\s"]+|"[^"]*"?)+""")  # double quotes group; ' is an apostrophe
_IPV4 = lazy_compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?$")


def mask_conservative(text: str) -> str:
    """The keyword rules, then: after a secret keyword (``password``, ``…-key``,
    ``community`` …) every following word is masked except grammar words, encryption
    types, numbers of up to three digits and IP addresses; ``k=v`` with a secret key
    ``k`` has ``v`` masked.  For lines nobody understood, where the grammar is unknown."""
    text = mask_keywords(text)
    if not may_hold_secret(text):
        return text
    out: list[str] = []
    pos = 0
    after: bool | str = False  # "start": right after a secret keyword
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        out.append(text[pos : m.start()])
        pos = m.end()
        if "=" in tok and not tok.startswith(("=", '"', "'")):
            k, _, v = tok.partition("=")
            if v and v != MASK and (after or _SECRET_WORD.match(k.lstrip("/"))):
                tok = f"{k}={MASK}"
            out.append(tok)
            continue
        bare = tok.strip("\"'")
        if _SECRET_WORD.match(bare):
            after = "start"
        elif after == "start" and bare.lower() in _COMMAND_AFTER:
            after = False
        elif (
            after
            and bare
            and bare != MASK
            and bare.lower() not in _KEEP_AFTER
            and not (bare.isdecimal() and len(bare) <= 3)
            and not _IPV4.match(bare)
        ):
            tok = tok[: len(tok) - len(tok.lstrip("\"'"))] + MASK + tok[len(tok.rstrip("\"'")) :]
        if after == "start" and not _SECRET_WORD.match(bare):
            after = True
        if after and tok.endswith(("'", '"')) and len(tok) > 1 and not _SECRET_WORD.match(bare):
            after = False  # the end of a quoted line in a message
        out.append(tok)
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------- literal values

# Token boundaries: a value is masked only where it stands alone — between blanks,
# quotes, ``=``, brackets, commas… — never inside an IP address (``10.10`` in
# ``10.10.40.2``) or another word (``guest`` in ``guest-wifi``).
_L = r"(?:^|(?<=[\s\"'=,;:()\[\]{}<>]))"
_R = r"(?=$|[\s\"'=,;:()\[\]{}<>]|\.(?:\s|$))"
_WORDLIKE = lazy_compile(r"^[A-Za-z]+(?:[-_ ][A-Za-z]+)*$")
_NUMERIC = lazy_compile(r"^[\d.:/\-]+$")


def distinctive(value: str, names: Iterable[str] | frozenset[str] = frozenset()) -> bool:
    """Whether a literal secret can be masked anywhere (prose included) without masking
    ordinary text: at least 4 characters, one line, not a number or address fragment,
    not a common word (letters only, in one case or capitalised: ``guest``, ``public``,
    ``Cisco``, ``giam-sat-ro``) and not a name of the snapshot."""
    if len(value) < 4 or "\n" in value or value == MASK or _NUMERIC.match(value) or "-----" in value:
        return False
    if _WORDLIKE.match(value) and all(p.islower() or p.isupper() or p.istitle() for p in re.split(r"[-_ ]", value)):
        return False
    return value.lower() not in names


def _replace_tokens(text: str, values) -> str:
    rx = re.compile(_L + "(?:" + "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)) + ")" + _R)
    return rx.sub(MASK, text)


# --------------------------------------------------------------------------- the masker

_WHERE = lazy_compile(r"^(?P<file>[^\n]*?):(?P<line>\d+):")
# A quoted fragment of a message (Python's repr quotes, never an apostrophe in a word).
_QUOTED = lazy_compile(r"(?<![\w'\"])(?:'([^'\n]*)'|\"([^\"\n]*)\")(?![\w'\"])")


def _mask_quoted(m: re.Match) -> str:
    inner = m.group(1) if m.group(1) is not None else m.group(2)
    q = m.group(0)[0]
    return q + mask_conservative(inner) + q


# JSON keys never rewritten: identifiers and locations.
_KEEP_KEYS = frozenset(
    {
        "file",
        "line",
        "id",
        "path",
        "sha256",
        "check",
        "severity",
        "device",
        "schema",
        "generated",
        "kind",
        "verdict",
        "status",
        "vendor",
        "role",
        "mode",
    }
)
_WARNING_KEYS = frozenset({"warnings", "warnings_text", "problem", "problem_text", "input_problems"})
# Free text a configuration holds (an interface's description, a rule's comment): what a
# technician writes there may be a password ("mat khau: …"): the keyword rules apply.
_CONFIG_TEXT_KEYS = frozenset({"description", "comment"})


class Masker:
    """Masks what netaudit echoes (see the module docstring).  ``devices``: the parsed
    devices (their literal secrets and per-line secrets); ``names``: more names that are
    never masked in prose (zone names).  ``show``: mask nothing (``--show-secrets``)."""

    def __init__(self, devices: Iterable = (), names: Iterable[str] = (), show: bool = False):
        self.show = show
        self.by_line: dict[tuple[str, int], set[str]] = {}
        literals: set[str] = set()
        known = {n.lower() for n in names if n}
        for d in devices:
            literals |= d.secrets
            for ln, vals in getattr(d, "secret_lines", {}).items():
                self.by_line.setdefault((d.file, ln), set()).update(v for v in vals if v)
            known |= _device_names(d)
        self.literals = frozenset(v for v in literals if distinctive(v, known))
        self._literal_rx: re.Pattern[str] | None = None
        # Whether a literal occurs anywhere in a text, in one search (the test of
        # _literal, on every string of a document).
        self._literal_any = re.compile("|".join(map(re.escape, self.literals))) if self.literals else None
        self._prose_memo: dict[str, str] = {}
        self._line_memo: dict[tuple[str, str | None, int | None], str] = {}  # line()

    # -- pieces

    def _literal(self, text: str) -> str:
        if not self.literals or not text:
            return text
        if self._literal_rx is None:
            self._literal_rx = re.compile(
                _L + "(?:" + "|".join(re.escape(v) for v in sorted(self.literals, key=len, reverse=True)) + ")" + _R
            )
        if self._literal_any is None or self._literal_any.search(text) is None:
            return text
        return self._literal_rx.sub(MASK, text)

    def _at(self, text: str, file, line) -> str:
        vals = self.by_line.get((file, line)) if file is not None and line is not None else None
        if not vals:
            return text
        present = [v for v in vals if v in text]
        return _replace_tokens(text, present) if present else text

    # -- what callers use

    def line(self, text: str, file: str | None = None, line: int | None = None) -> str:
        """A cited configuration line (evidence, witness rule, partly understood line)."""
        if self.show or not text:
            return text
        # A document cites the same lines again and again (a filter line in every cell it
        # blocks): each once.  Plain strings only, as in prose().
        plain = type(text) is str
        key = (text, file, line)
        out = self._line_memo.get(key) if plain else None
        if out is None:
            out = self._literal(mask_key_material(mask_keywords(self._at(text, file, line))))
            out = text if out == text else out
            if plain:
                self._line_memo[key] = out
        return out

    def unrecognized(self, text: str, file: str | None = None, line: int | None = None) -> str:
        """A line no parser understood: :meth:`line` and the conservative rule."""
        if self.show or not text:
            return text
        out = self._literal(mask_key_material(mask_conservative(self._at(text, file, line))))
        return text if out == text else out

    def warning(self, text: str) -> str:
        """A message that may quote a configuration line (parser warnings, input
        problems, error messages): the secrets of the line its ``file:line:`` prefix
        names, the conservative rule inside every quoted fragment (``unknown command
        '…'``, ``it stops at line 9: '…'``), key material and literal values; the
        message's own words are prose."""
        if self.show or not text:
            return text
        m = _WHERE.match(text)
        out = self._at(text, m.group("file"), int(m.group("line"))) if m else text
        if m and ("..." in out or "…" in out):
            out = self._cut_values(out, self.by_line.get((m.group("file"), int(m.group("line")))))
        if "'" in out or '"' in out:
            out = _QUOTED.sub(_mask_quoted, out)
        out = self._literal(mask_key_material(out))
        return text if out == text else out

    @staticmethod
    def _cut_values(text: str, values) -> str:
        """A message quoting its line cut short (``'… password=Sec...'``): the start of
        a secret of that line, right before the ellipsis, is masked too."""
        for v in values or ():
            for k in range(len(v) - 1, 2, -1):
                for dots in ("...", "…"):
                    if v[:k] + dots in text:
                        text = text.replace(v[:k] + dots, MASK + dots)
        return text

    def prose(self, text: str) -> str:
        """Sentences (findings, reasons, descriptions): literal values and key material
        only, so words such as "community" or "password" keep what follows them."""
        if self.show or not text:
            return text
        # A document repeats its sentences (a check's remediation and references in
        # every finding of that check): each distinct one is masked once.  Plain strings
        # only: a catalogue Text equals its English string and must stay the Text it is.
        plain = type(text) is str
        out = self._prose_memo.get(text) if plain else None
        if out is None:
            out = text if self._prose_unchanged(text) else self._literal(mask_key_material(text))
            out = text if out == text else out
            if plain:
                self._prose_memo[text] = out
        return out

    def _prose_unchanged(self, text: str) -> bool:
        """A quick sufficient test that :meth:`prose` leaves ``text`` as it is: too short
        for key material (:func:`mask_key_material`), no PEM marker, no literal value."""
        return (
            len(text) < 35 and "-----" not in text and (self._literal_any is None or not self._literal_any.search(text))
        )

    def cite(self, cite: dict) -> dict:
        """A ``{"file", "line", "text"}`` citation with its text masked."""
        if self.show or not isinstance(cite.get("text"), str):
            return cite
        return {**cite, "text": self.line(cite["text"], cite.get("file"), cite.get("line"))}

    def doc(self, obj, _key: str = "", _mode: str = "prose"):
        """A JSON audit document (or part of one) with every string masked by what it is:
        ``text`` (and ``text_text``) of a citation → :meth:`line` (:meth:`unrecognized` under
        ``unrecognized_lines``), warnings and input problems → :meth:`warning`,
        identifiers kept, every other string → :meth:`prose`.

        The cyclic garbage collector is paused meanwhile: a document is hundreds of
        thousands of new dicts, lists and strings and no reference cycle, and the
        collections their allocations set off cost more than the walk on a large audit;
        the masked document is what the run goes on with (:func:`long_lived`)."""
        if self.show:
            return obj
        with long_lived():
            return self._doc(obj, _mode)

    def _doc(self, obj, mode: str):
        if isinstance(obj, dict):
            out = {}
            memo = self._prose_memo
            for k, v in obj.items():
                if k in _KEEP_KEYS or v is None or type(v) is bool or type(v) is int:
                    # kept, or a value no rule changes (what the walk gives back as it is,
                    # without a call: a cell's reason, violation, a packet's ports)
                    out[k] = v
                elif type(v) is str and k in _CONFIG_TEXT_KEYS:
                    out[k] = self.line(v)
                elif type(v) is str and mode == "prose" and k != "text" and k not in _WARNING_KEYS:
                    # the common case, inline: a string masked before (prose's memo)
                    out[k] = memo.get(v) or self.prose(v)
                elif k == "text" and isinstance(v, str):
                    fn = self.unrecognized if mode == "unrecognized" else self.line
                    out[k] = fn(v, obj.get("file"), obj.get("line"))
                elif k == "text_text" and isinstance(v, dict):
                    # a citation's text in both languages (a filter's default): masked as its text
                    out[k] = {
                        x: self.line(y, obj.get("file"), obj.get("line")) if isinstance(y, str) else y
                        for x, y in v.items()
                    }
                else:
                    m = "unrecognized" if k == "unrecognized_lines" else "warning" if k in _WARNING_KEYS else mode
                    out[k] = self._doc(v, m)
            return out
        if isinstance(obj, list):
            if mode == "prose":
                memo = self._prose_memo
                return [(memo.get(v) or self.prose(v)) if type(v) is str else self._doc(v, mode) for v in obj]
            return [self._doc(v, mode) for v in obj]
        if isinstance(obj, str):
            return self.warning(obj) if mode == "warning" else self.prose(obj)
        return obj


def _device_names(d) -> set[str]:
    names = {d.hostname}
    for name, itf in d.interfaces.items():
        names.add(name)
        if itf.zone:
            names.add(itf.zone)
    names.update(v.name for v in d.vlans.values() if v.name)
    names.update(s.name for s in d.ssids if s.name)
    names.update(d.filters)
    return {n.lower() for n in names if n}


def zone_names(zones) -> set[str]:
    """Names of placed zones (``audit.zones``) or zones of a site."""
    return {getattr(z, "name", z) for z in zones}


# --------------------------------------------------------------------------- older helpers


def mask(text: str, secrets: set[str] | frozenset[str] = frozenset(), keywords: bool = True) -> str:
    """``text`` with known secret values replaced by ``******`` (whole tokens only);
    with ``keywords`` (config lines) also the value a secret keyword introduces
    (:func:`mask_keywords`) and key material.  Prose — findings, remediation snippets —
    is masked by known values only, so a sentence such as "config system snmp
    community" keeps its words."""
    if not text:
        return text
    present = [s for s in secrets if len(s) >= 3 and s in text]
    if present:
        text = _replace_tokens(text, present)
    return mask_key_material(mask_keywords(text)) if keywords else text


def of_devices(devices) -> set[str]:
    """Every literal secret the parsers found on these devices."""
    found: set[str] = set()
    for d in devices:
        found |= d.secrets
    return found


def mask_tree(obj, secrets: set[str] | frozenset[str] = frozenset()):
    """Mask every ``text`` field in nested dicts/lists (evidence, witness rules)."""
    if isinstance(obj, dict):
        return {
            k: (mask(v, secrets) if k == "text" and isinstance(v, str) else mask_tree(v, secrets))
            for k, v in obj.items()
        }
    if isinstance(obj, list):
        return [mask_tree(v, secrets) for v in obj]
    return obj
