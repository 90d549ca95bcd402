"""Both forms of a Junos configuration → one list of statements (set-paths).

``show configuration`` writes a hierarchy of braces (``interfaces { ge-0/0/0 { unit 0 {
family inet { address 192.0.2.1/24; } } } }``); ``show configuration | display set``
writes the same as one ``set`` line per leaf.  Both become :class:`Stmt` — the words of
the path from the top (``interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24``),
the line it was read on and whether it is in effect — so that every reader is written
once.  ``inactive:`` (hierarchical) and ``deactivate PATH`` (set form) put a statement and
everything under it out of effect; ``replace:``/``protect:`` tags are dropped; ``[ a b ]``
lists give one statement per value; ``/* … */`` annotations and ``#`` comments are
skipped.  Configuration groups (``apply-groups NAME`` at any level) are expanded into the
statements they add (docs/vendors/juniper_junos.md, "Groups").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

# A statement's reading state.
UNREAD = 0
READ = 1  # modelled (or understood and irrelevant)
PARTIAL = 2  # affects forwarding, not (fully) modelled: the reader said why

# A word may hold `[12-15]` glued to it (`member ge-0/0/[12-15]`): a list has blanks inside.
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"?|/\*|#.*|[{};\[\]]|[^\s{};\[\]"#]+(?:\[[\w,\-]*\][^\s{};\[\]"#]*)*(?:#[^\s{};\[\]"]*)*'
)
# The pager's prompt in a captured session (`---(more 23%)---`), maybe followed by the line it hid.
_PAGER = re.compile(r"^\s*-+\(more(?: \d+%)?\)-+[ \t\r\x08]*")
# A line holding none of these is words and its end (`;`, `{`): split, not tokenised.
_SPECIAL = re.compile(r'["#*\[\]{};]')
_TAGS = ("inactive:", "replace:", "protect:", "active:", "unprotect:")
# A captured session around the configuration: `{master:0}`, `[edit]`, `user@srx> show …`.
_CHROME = re.compile(
    r"^(?:\{(?:master|primary|secondary|backup|linecard|hold)[^}]*\}|\[edit[^\]]*\]|\S+@\S+[>#%].*|"
    r"(?:configure(?: private| exclusive)?|commit(?: check| and-quit| confirmed(?: \d+)?)?|"
    r"exit(?: configuration-mode)?|quit|top|rollback(?: \d+)?|show configuration(?: .*)?)\s*)$"
)


@dataclass(eq=False, slots=True)
class Stmt:
    """One statement: its path from the top, where it was read, whether it is in effect."""

    path: tuple[str, ...]
    line: int
    text: str
    active: bool = True
    state: int = UNREAD
    group: str = ""  # the configuration group it comes from (apply-groups)


@dataclass
class Read:
    """What :func:`read` made of a text."""

    stmts: list[Stmt] = field(default_factory=list)
    # Lines that are not configuration (structure, comments, the session around it).
    structure: int = 0
    # (line, text) of lines that could not be read at all (a stray `}`, `delete …`).
    bad: list[tuple[int, str]] = field(default_factory=list)
    # Where the file ends inside open blocks: (line opened, the block's path), innermost last.
    open_blocks: list[tuple[int, str]] = field(default_factory=list)
    set_form: bool = False
    # Group statements not expanded (a chassis cluster's `${node}`, `apply-groups` inside a
    # group, `apply-groups-except` at the top): unrecognized.
    wildcard_groups: list[Stmt] = field(default_factory=list)
    # Inherited statements in effect whose merge with the configuration is not established
    # (a value beside the configuration's of a statement not known as one value or a set;
    # a policy, term or rule added beside others: its place in the order): partial.
    unsure: list[Stmt] = field(default_factory=list)
    # Words written before a `[ … ]` list in this file: statements holding a set of values.
    list_words: set[str] = field(default_factory=set)


def _quote_open(raw: str) -> bool:
    """``raw`` ends inside a quoted string (an odd number of unescaped quotes)."""
    return '"' in raw and (raw.count('"') - raw.count('\\"')) % 2 == 1


def _unquote(tok: str) -> str:
    if tok.startswith('"'):
        body = tok[1:-1] if len(tok) > 1 and tok.endswith('"') else tok[1:]
        return body.replace('\\"', '"').replace("\\\\", "\\")
    return tok


def _expand(words: list[str]) -> list[list[str]] | None:
    """Words with ``[ a b ]`` lists → one word list per value (None: a list left open)."""
    if "[" not in words:
        return [words]
    i = words.index("[")
    try:
        j = words.index("]", i)
    except ValueError:
        return None
    head, values, tail = words[:i], words[i + 1 : j], words[j + 1 :]
    out: list[list[str]] = []
    for v in values or [""]:
        rest = _expand(tail)
        if rest is None:
            return None
        out += [head + ([v] if v else []) + r for r in rest]
    return out


def _strip_tags(words: list[str]) -> tuple[list[str], bool]:
    inactive = False
    while words and words[0] in _TAGS:
        inactive |= words[0] == "inactive:"
        words = words[1:]
    return words, inactive


def read(text: str, *, whole_lines: bool = True) -> Read:
    """Read ``text`` (hierarchical or ``display set``, or both) into statements.

    ``whole_lines=False`` reads every line by its tokens, without the shortcut for the
    commonest lines: the general reading, which the shortcut must equal
    (``tests/parsers/juniper_junos/test_syntax.py``)."""
    out = Read()
    # (words, inactive, line, stmts before, the path above it, whether that is inactive)
    stack: list[tuple[list[str], bool, int, int, tuple[str, ...], bool]] = []
    parent: tuple[str, ...] = ()  # the path of the innermost open block (kept, not rebuilt)
    parent_inactive = False
    in_comment = False
    pending: list[str] = []  # the words of a statement not ended yet (a list over lines)
    pending_line = 0
    pending_text = ""
    deactivated: list[tuple[tuple[str, ...], int]] = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    add = out.stmts.append
    special = _SPECIAL.search
    numbered = enumerate(lines, 1)  # (a quoted value over lines takes the next ones too)
    for lineno, raw in numbered:
        if whole_lines and stack and not in_comment and not pending:
            # The commonest lines, whole, inside a block: `word …;` (a statement), `word …
            # {` (a block opened), `}` — without quotes, lists, comments, annotations or a
            # pager's prompt (what the tokens below would give; the rest is read below).
            stripped = raw.strip()
            last = stripped[-1:]
            if last == ";":
                body = stripped[:-1]
                if not special(body) and stripped[0] != "-":
                    words = body.split()
                    if words:
                        if words[0] not in _TAGS:  # (almost every statement)
                            add(Stmt(parent + tuple(words), lineno, stripped, not parent_inactive))
                        else:
                            words, inactive = _strip_tags(words)
                            if words:
                                add(Stmt(parent + tuple(words), lineno, stripped, not (inactive or parent_inactive)))
                    continue
            elif last == "{":
                body = stripped[:-1]
                if not special(body) and stripped[0] != "-":
                    words = body.split()
                    inactive = False
                    if not words:
                        out.structure += 1  # a line of braces only
                    elif words[0] in _TAGS:
                        words, inactive = _strip_tags(words)
                    stack.append((words, inactive, lineno, len(out.stmts), parent, parent_inactive))
                    parent, parent_inactive = parent + tuple(words), parent_inactive or inactive
                    continue
            if stripped == "}":
                out.structure += 1
                words, inactive, opened, before, parent, parent_inactive = stack.pop()
                if len(out.stmts) == before and words:
                    # An empty block (`family inet { }`) is the statement itself.
                    out.stmts.append(
                        Stmt(parent + tuple(words), opened, " ".join(words) + " { }", not (inactive or parent_inactive))
                    )
                continue
        if not in_comment and '"' in raw and _quote_open(raw):
            # A quoted value over several lines (a certificate, a login message): one line.
            parts = [raw]
            while _quote_open("\n".join(parts)) and (nxt := next(numbered, None)) is not None:
                parts.append(nxt[1])
                out.structure += 1
            raw = "\n".join(parts)
        stripped = raw.strip()
        pager = _PAGER.match(raw) if stripped.startswith("-") else None
        if pager:
            raw = raw[pager.end() :]
            stripped = raw.strip()
            if not stripped:
                out.structure += 1
                continue
        if in_comment:
            out.structure += 1
            if "*/" in raw:
                in_comment = False
                rest = raw.split("*/", 1)[1].strip()
                if not rest:
                    continue
                raw, stripped = rest, rest
            else:
                continue
        # (a statement's line ends with `;` or `{`: never the session around it)
        if not stripped or stripped[0] == "#" or (stripped[-1] not in ";{" and _CHROME.match(stripped)):
            out.structure += 1
            continue
        if not stack and stripped.split(None, 1)[0] in ("set", "deactivate", "delete", "activate"):
            if pending:  # a line before that never ended: not configuration
                out.bad.append((pending_line, pending_text))
                pending, pending_line, pending_text = [], 0, ""
            out.set_form = True
            _set_line(out, stripped, lineno, deactivated)
            continue
        tokens = _TOKEN.findall(raw)
        made = False
        for tok in tokens:
            if in_comment:
                if tok == "*/":
                    in_comment = False
                continue
            if tok == "/*":
                in_comment = True  # until `*/`, on this line or a later one
                continue
            if tok == "*/":
                continue
            if tok[0] == "#":
                break
            if tok == "{" or tok == ";":
                words, inactive = _strip_tags(pending)
                if tok == "{":
                    words = [_unquote(w) if w[0] == '"' else w for w in words]
                    stack.append((words, inactive, pending_line or lineno, len(out.stmts), parent, parent_inactive))
                    parent, parent_inactive = parent + tuple(words), parent_inactive or inactive
                elif words:
                    if "[" in words and words.index("[") > 0:
                        out.list_words.add(words[words.index("[") - 1])
                    expanded = _expand([_unquote(w) if w[0] == '"' else w for w in words])
                    if expanded is None or not all(parent + tuple(ws) for ws in expanded):  # (`[ ];`)
                        out.bad.append((pending_line or lineno, pending_text or stripped))
                    else:
                        line_of, text_of = pending_line or lineno, pending_text or stripped
                        active = not (inactive or parent_inactive)
                        for ws in expanded:
                            out.stmts.append(Stmt(parent + tuple(ws), line_of, text_of, active))
                        made = True
                pending, pending_line, pending_text = [], 0, ""
                continue
            if tok == "}":
                if pending:
                    out.bad.append((pending_line, pending_text))
                    pending, pending_line, pending_text = [], 0, ""
                if not stack:
                    out.bad.append((lineno, stripped))
                    continue
                words, inactive, opened, before, parent, parent_inactive = stack.pop()
                if len(out.stmts) == before and words:
                    # An empty block (`family inet { }`) is the statement itself.
                    out.stmts.append(
                        Stmt(parent + tuple(words), opened, " ".join(words) + " { }", not (inactive or parent_inactive))
                    )
                continue
            if not pending:
                pending_line, pending_text = lineno, stripped.split("\n", 1)[0]
            pending.append(tok)
        if not made and not pending:
            out.structure += 1 if all(t in ("{", "}") or t.startswith("#") for t in tokens) else 0
    if pending:
        out.bad.append((pending_line, pending_text))
    out.open_blocks = [
        (line, " ".join(w for s in stack[: i + 1] for w in s[0])) for i, (_w, _i, line, *_) in enumerate(stack)
    ]
    for prefix, _line in deactivated:
        n = len(prefix)
        for st in out.stmts:
            if st.path[:n] == prefix:
                st.active = False
    if "groups" in text:  # (a statement naming a group holds the word as written)
        _apply_groups(out)
    return out


def _set_line(out: Read, stripped: str, lineno: int, deactivated: list) -> None:
    words = [_unquote(t) if t not in ("[", "]") else t for t in _TOKEN.findall(stripped) if not t.startswith("#")]
    verb, words = words[0], words[1:]
    if verb == "set" and words:
        if "[" in words and words.index("[") > 0:
            out.list_words.add(words[words.index("[") - 1])
        expanded = _expand(words)
        if expanded is None or not all(expanded):  # a list left open, or `set [ ]` (no path)
            out.bad.append((lineno, stripped))
            return
        for ws in expanded:
            out.stmts.append(Stmt(tuple(ws), lineno, stripped))
    elif verb == "deactivate" and words:
        deactivated.append((tuple(words), lineno))
        out.structure += 1
    else:  # `delete`, `activate`: a change script, not a configuration as shown
        out.bad.append((lineno, stripped))


# Configuration groups (docs/vendors/juniper_junos.md, "Groups").  A statement holding one
# value (its syntax `keyword value;` or a choice `(a | b)`): a group's other value beside the
# configuration's is not inherited.  Empty: every other word is another value; else only
# these words exclude one another (`then permit` and `then count` add up).
_ANY: frozenset[str] = frozenset()
_ONE_VALUE: dict[str, frozenset[str]] = {
    "description": _ANY,
    "host-name": _ANY,
    "vlan-id": _ANY,
    "native-vlan-id": _ANY,
    "interface-mode": _ANY,
    "port-mode": _ANY,
    "instance-type": _ANY,
    "root-login": _ANY,
    "default-policy": _ANY,
    "preference": _ANY,
    "then": frozenset({"permit", "deny", "reject", "accept", "discard"}),
}
# Statements whose values add up (Juniper lists them in `[ … ]`, or they hold named statements).
_SETS = frozenset(
    {
        "members", "address", "system-services", "protocols", "interfaces", "interface",
        "name-server", "source-address", "destination-address", "application", "next-hop",
        "services", "clients", "address-set", "applications", "from-zone", "to-zone",
        "server", "host", "targets", "domain-search", "member", "member-range",
    }
)  # fmt: skip
# A filter term's (`from`) or a NAT rule's (`match`) conditions: each a list of values.
_CONDITIONS = frozenset({"protocol", "port", "destination-port", "source-port", "icmp-type"})
# Words naming an object: what is under the name are its statements, not values of one.
_NAMED = frozenset(
    {
        "interfaces", "unit", "security-zone", "functional-zone", "route", "policy", "term",
        "rule", "rule-set", "filter", "pool", "application", "application-set", "vlans",
        "community", "routing-instances", "from-zone", "to-zone", "interface-range", "user",
        "address-book", "prefix-list", "group", "neighbor",
    }
)  # fmt: skip
# Named entries whose order decides (a policy, a filter term, a NAT rule): one a group adds
# beside the configuration's has no established place in the order.
_ORDERED = frozenset({"policy", "term", "rule"})
_SKIP, _ADD, _UNSURE = 0, 1, 2
# Groups applied only on one routing engine or cluster node: which one is not in the file.
_PER_BOX = re.compile(r"^(?:re[01]|lcc\d+-re[01])$")


def _one_value(p: tuple[str, ...], i: int) -> frozenset[str] | None:
    """What excludes ``p[i]`` as the value of ``p[i - 1]`` (empty: any other word); None: not
    a one-value statement."""
    kw = p[i - 1]
    if kw in _ONE_VALUE:
        return _ONE_VALUE[kw]
    if kw == "port" and "from" not in p[:i] and "match" not in p[:i]:
        return _ANY  # a service's or a pool's port (a filter's `from port` is a set)
    if kw in ("protocol", "destination-port", "source-port") and p[0] == "applications":
        return _ANY
    return None


class _Target:
    """The configuration being built: the next words under each path, by their origin
    (0 the configuration itself, n the n-th group application)."""

    def __init__(self, stmts: list[Stmt]):
        self.kids: dict[tuple[str, ...], dict[str, int]] = {}
        self.paths: set[tuple[str, ...]] = set()
        self.on: dict[tuple[str, ...], bool] = {}  # a path with something in effect under it
        for st in stmts:
            p = st.path
            for k in range(1, len(p) + 1):
                self.on[p[:k]] = self.on.get(p[:k], False) or st.active
            if st.active:
                self.add(p, 0)

    def add(self, p: tuple[str, ...], origin: int) -> None:
        for k in range(len(p)):
            self.kids.setdefault(p[:k], {}).setdefault(p[k], origin)
        self.paths.add(p)

    def active(self, p: tuple[str, ...]) -> bool:
        """No statement above ``p`` is in the configuration only as inactive."""
        return all(self.on.get(p[:k], True) for k in range(1, len(p)))

    def merge(self, p: tuple[str, ...], origin: int, list_words: set[str]) -> int:
        """Whether ``p``, inherited, adds to the configuration, is overridden, or is unsure."""
        if p in self.paths or p in self.kids:
            return _SKIP  # already said
        for i in range(1, len(p)):
            kids = self.kids.get(p[:i])
            if kids is None:
                return _ADD  # nothing there: nothing to override
            if p[i] in kids:
                continue
            excl = _one_value(p, i)
            if excl is not None:
                rivals = set(kids) & excl if excl else set(kids)
                if rivals and (not excl or p[i] in excl):
                    if all(kids[w] == origin for w in rivals):
                        return _UNSURE  # two wildcard entries of one group: which wins is not established
                    return _SKIP  # the configuration's (or a group listed before's) value wins
                return _ADD
            others = [w for w, o in kids.items() if o != origin]
            kw = p[i - 1]
            if kw in _ORDERED and others:
                return _UNSURE
            if not others or kw in _SETS or kw in list_words:
                return _ADD
            if (kw in _CONDITIONS and ("from" in p[:i] or "match" in p[:i])) or (i >= 2 and p[i - 2] == "prefix-list"):
                return _ADD  # values add up
            leaf = i == len(p) - 1
            leaf_rivals = any((*p[:i], w) in self.paths for w in others)
            if leaf and leaf_rivals:
                return _UNSURE  # one value or a set? not known: both kept, partial
            if (leaf or leaf_rivals) and not (i >= 2 and p[i - 2] in _NAMED):
                # a bare word beside other words under a keyword not known here: maybe a
                # choice (`source-nat interface` or `source-nat pool P`) — partial
                return _UNSURE
            return _ADD
        return _ADD


def _concrete(rel: tuple[str, ...], level: tuple[str, ...], target: _Target) -> list[tuple[str, ...]]:
    """The paths a group statement gives where it is applied at ``level``: its wildcards
    (``<ge-*>``) matched against the level and the names the configuration has."""
    if len(rel) <= len(level):
        return []
    outs: list[tuple[str, ...]] = [()]
    for j, w in enumerate(rel):
        wild = len(w) > 2 and w[0] == "<" and w[-1] == ">"
        nxt: list[tuple[str, ...]] = []
        for pre in outs:
            if j < len(level):
                if level[j] == w or (wild and fnmatchcase(level[j], w[1:-1])):
                    nxt.append((*pre, level[j]))
            elif wild:
                nxt += [(*pre, n) for n in target.kids.get(pre, ()) if fnmatchcase(n, w[1:-1])]
            else:
                nxt.append((*pre, w))
        outs = nxt
        if not outs:
            break
    return outs


def _apply_groups(out: Read) -> None:
    """``apply-groups`` at any level: a group's statements under that level are inherited
    where they would sit without the ``groups NAME`` prefix — what the configuration (or a
    group listed before, or one applied deeper) says of a one-value statement wins, sets
    add up, wildcards match the names the configuration has, ``apply-groups-except`` below
    takes the group back (docs/vendors/juniper_junos.md, "Groups")."""
    groups: dict[str, list[Stmt]] = {}
    main: list[Stmt] = []
    for st in out.stmts:
        if st.path[0] == "groups":
            if len(st.path) > 2:
                groups.setdefault(st.path[1], []).append(st)
        else:
            main.append(st)
    apps: list[tuple[tuple[str, ...], str]] = []
    excepts: list[tuple[tuple[str, ...], str]] = []
    per_box = False
    for st in main:
        p = st.path
        if len(p) < 2 or p[-2] not in ("apply-groups", "apply-groups-except") or not st.active:
            continue
        level, name = p[:-2], p[-1]
        if "$" in name or _PER_BOX.match(name):
            per_box = True  # `${node}`, re0/re1: which box's group is in effect is not in the file
            continue
        if p[-2] == "apply-groups-except":
            if level:  # never at the top
                excepts.append((level, name))
                st.state = READ
            continue
        apps.append((level, name))
        st.state = READ
    applied = {name for _, name in apps}
    for name, sts in groups.items():
        if name not in applied and not per_box:
            for st in sts:
                st.state = READ  # a group nothing applies: not in effect
    if not apps:
        return
    target = _Target(main)
    # Deeper applications first (Juniper's regional example: the group applied on the
    # interface wins over the one applied at the top), then in the order listed.
    apps.sort(key=lambda a: -len(a[0]))
    added: list[Stmt] = []
    for origin, (level, name) in enumerate(apps, 1):
        for st in groups.get(name, ()):
            if not st.active:
                continue
            rel = st.path[2:]
            if "apply-groups" in rel or "apply-groups-except" in rel:
                if st not in out.wildcard_groups:
                    out.wildcard_groups.append(st)  # a group applied inside a group: not expanded
                continue
            st.state = READ
            for p in _concrete(rel, level, target):
                if any(n == name and p[: len(lv)] == lv for lv, n in excepts):
                    continue
                how = target.merge(p, origin, out.list_words)
                if how == _SKIP:
                    continue
                if not target.active(p):
                    how = _UNSURE  # under an inactive statement: whether Junos inherits there is not established
                target.add(p, origin)
                new = Stmt(p, st.line, st.text, group=name)
                added.append(new)
                if how == _UNSURE:
                    out.unsure.append(new)
    out.stmts.extend(added)
