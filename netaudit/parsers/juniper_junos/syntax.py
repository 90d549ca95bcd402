"""Both forms of a Junos configuration → one list of statements (set-paths).

``show configuration`` writes a hierarchy of braces (``interfaces { ge-0/0/0 { unit 0 {
family inet { address 192.0.2.1/24; } } } }``); ``show configuration | display set``
writes the same as one ``set`` line per leaf.  Both become :class:`Stmt` — the words of
the path from the top (``interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24``),
the line it was read on and whether it is in effect — so that every reader is written
once.  ``inactive:`` (hierarchical) and ``deactivate PATH`` (set form) put a statement and
everything under it out of effect; ``replace:``/``protect:`` tags are dropped; ``[ a b ]``
lists give one statement per value; ``/* … */`` annotations and ``#`` comments are
skipped.  Configuration groups applied at the top (``apply-groups NAME``) are expanded
into the statements they add (docs/vendors/juniper_junos.md, "Groups").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
_SPECIAL = frozenset('"#*[]{};')
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
    wildcard_groups: list[Stmt] = field(default_factory=list)


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


def read(text: str) -> Read:
    """Read ``text`` (hierarchical or ``display set``, or both) into statements."""
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
    plain = _SPECIAL.isdisjoint
    numbered = enumerate(lines, 1)  # (a quoted value over lines takes the next ones too)
    for lineno, raw in numbered:
        if stack and not in_comment and not pending:
            # The commonest lines, whole, inside a block: `word …;` (a statement), `word …
            # {` (a block opened), `}` — without quotes, lists, comments, annotations or a
            # pager's prompt (what the tokens below would give; the rest is read below).
            stripped = raw.strip()
            last = stripped[-1:]
            if (last == ";" or last == "{") and stripped[0] != "-" and plain(body := stripped[:-1]):
                words = body.split()
                inactive = False
                if words and words[0] in _TAGS:
                    words, inactive = _strip_tags(words)
                if last == ";":
                    if words:
                        add(Stmt(parent + tuple(words), lineno, stripped, not (inactive or parent_inactive)))
                    continue
                if not body.strip():
                    out.structure += 1  # a line of braces only
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


def _apply_groups(out: Read) -> None:
    """``apply-groups NAME`` at the top: the group's statements are in effect where they
    would sit without the ``groups NAME`` prefix; a group path with a wildcard
    (``<ge-*>``) is not expanded (its statements stay unread: unrecognized)."""
    applied: list[str] = []
    # Applied below the top (`interfaces { apply-groups X; }`): not expanded — that
    # statement and the group's stay unrecognized, never silently out of effect.
    below: set[str] = set()
    for st in out.stmts:  # (one pass: a statement names a group in few configurations)
        p = st.path
        if p[0] == "apply-groups" and len(p) == 2:
            if st.active:
                applied.append(p[1])
            if "$" not in p[1]:
                st.state = READ
        if ("apply-groups" in p or "apply-groups-except" in p) and p[0] != "groups":
            for i, w in enumerate(p[1:-1], 1):
                if w in ("apply-groups", "apply-groups-except"):
                    below.add(p[i + 1])
                    out.wildcard_groups.append(st)
                    break
    # `apply-groups "${node}"` (a chassis cluster: node0 on one box, node1 on the other):
    # which group is in effect is not in the file — those groups stay unread (unrecognized).
    by_node = any("$" in name for name in applied)
    added: list[Stmt] = []
    for st in out.stmts:
        if st.path[0] != "groups" or len(st.path) < 3:
            continue
        name = st.path[1]
        if name not in applied:
            if not by_node and name not in below:
                st.state = READ  # a group nothing applies: not in effect
            continue
        if any(w.startswith("<") for w in st.path[2:]):
            out.wildcard_groups.append(st)
            continue
        st.state = READ
        added.append(Stmt(st.path[2:], st.line, st.text, st.active, group=name))
    out.stmts.extend(added)
