"""FortiOS configuration text → a tree of blocks, entries and settings, with line numbers.

FortiOS backups (``show full-configuration`` / System → Backup) are nested::

    config firewall policy            ← a Block (path "firewall policy")
        edit 7                        ← an Entry of that block (a table row)
            set srcintf "port1" "x"   ← a Setting: key + list of values
            config secondaryip        ← a nested Block inside the entry
            ...
        next
        move 7 before 3               ← table commands: move / delete / clone / rename / purge
    end

This module only builds the tree (first pass); the parser (:mod:`.parser` and the
section readers) interprets the sections it models.  Every line of the file ends up with exactly one
status — recognized, ignored or unrecognized — decided at the end by
:func:`finalize` from what the interpreter marked:

* blank lines and ``#`` comments: ignored;
* lines that do not fit the grammar at all (``next`` outside an entry, unknown
  commands): unrecognized, with a warning;
* lines of a block the interpreter declared ``ignore`` (and their nested blocks):
  ignored; of a ``partial`` block: the ``config`` line recognized, the body ignored;
  of a ``model`` block: structure recognized, each setting as the interpreter marked
  it (used → recognized; otherwise ignored if its key is in the block's ``ignore_keys``,
  else unrecognized); of a block nobody claimed: unrecognized.

Syntax handled: double and single quotes, backslash escapes (``\\"``, ``\\\\``), quoted
values spanning several lines (certificates, replacement messages, comments), a
backslash at the end of a line (continuation), several values per ``set``, ``append``
/ ``select`` / ``unselect`` (6.x/7.x), ``unset``, repeated ``config`` blocks and repeated
``edit`` of one entry (merged, as FortiOS does), ``move``/``delete``/``clone``/``rename``/
``purge`` in tables.  A file cut short (blocks never closed by ``end``) yields a warning
and what was read so far.  The work per line is a ``str.split`` unless the line holds a
quote or a backslash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import overload

from netaudit.messages import Text

RECOGNIZED, IGNORED, UNRECOGNIZED = 1, 2, 3

# Block dispositions set by the interpreter.
MODEL, IGNORE, PARTIAL = "model", "ignore", "partial"

# FortiOS nests a few levels (vdom > edit > config router bgp > config neighbor > edit …);
# deeper nesting is not a configuration FortiOS wrote.  Nothing here recurses on the
# depth (the builder and finalize use explicit stacks); the limit only makes such a file
# a usable-input problem instead of a silent one.
MAX_DEPTH = 64
# How the builder's warnings about an incomplete file begin (``incomplete()`` in
# .parser turns them into usable-input problems).
CUT_SHORT = ("truncated:", f"nesting deeper than {MAX_DEPTH}")


# The lines of a setting.
Lines = tuple[int, ...] | list[int]


def _more_lines(lines: Lines, span: tuple[int, ...]) -> Lines:
    """``lines`` with the statement's ``span`` added.

    The first statement's span is kept as it is: a tuple is one memory block, where a list
    is two (the list and its item array), and most settings are written once, so a parse
    makes and frees some 15,000 blocks fewer.  From the second statement on the lines are
    a list, extended in place, so that a setting appended to many times costs linear time.
    """
    if not lines:
        return span
    if isinstance(lines, tuple):
        return [*lines, *span]
    lines.extend(span)
    return lines


class Setting:
    """``set key v1 v2 …`` (last one wins; ``append``/``select`` extend it)."""

    __slots__ = ("key", "lines", "status", "values")

    def __init__(self, key: str):
        self.key = key
        self.values: list[str] | None = None  # None = unset (default)
        # Every line that touched it (see _more_lines): most settings are touched once,
        # and their lines are then the builder's span tuple itself.
        self.lines: Lines = ()
        self.status = 0

    @property
    def line(self) -> int:
        return self.lines[-1]


class Node:
    """What a block and an entry have in common: settings and nested blocks."""

    __slots__ = ("children", "settings", "struct", "used_all")

    def __init__(self) -> None:
        self.settings: dict[str, Setting] = {}
        self.children: dict[str, Block] = {}
        self.struct: list[int] = []  # structural lines (config/edit/next/end/…)
        self.used_all = False

    # -- access for the interpreter (marks what it reads as recognized)

    def get(self, key: str) -> list[str] | None:
        s = self.settings.get(key)
        if s is None:
            return None
        s.status = RECOGNIZED
        return s.values

    @overload
    def first(self, key: str, default: str) -> str: ...
    @overload
    def first(self, key: str, default: None = None) -> str | None: ...
    def first(self, key: str, default: str | None = None) -> str | None:
        # get() written out: a policy asks some thirty settings
        s = self.settings.get(key)
        if s is None:
            return default
        s.status = RECOGNIZED
        vals = s.values
        return vals[0] if vals else default

    @overload
    def low(self, key: str, default: str) -> str: ...
    @overload
    def low(self, key: str, default: None = None) -> str | None: ...
    def low(self, key: str, default: str | None = None) -> str | None:
        s = self.settings.get(key)  # first() written out, as above
        if s is None:
            return default.lower() if default is not None else None
        s.status = RECOGNIZED
        vals = s.values
        v = vals[0] if vals else default
        return v.lower() if v is not None else None

    def line(self, key: str) -> int | None:
        s = self.settings.get(key)
        return s.line if s is not None and s.lines else None

    def has(self, key: str) -> bool:
        s = self.settings.get(key)
        return s is not None and s.values is not None

    def mark(self, key: str, status: int = RECOGNIZED) -> None:
        s = self.settings.get(key)
        if s is not None:
            s.status = status

    def leftover(
        self, ignore_keys=frozenset(), ignore_prefixes: tuple = (), ignore_suffixes: tuple = ()
    ) -> list[Setting]:
        """Settings the interpreter has not read: those it knows to be irrelevant are
        marked ignored; the others are marked unrecognized and returned."""
        out = []
        for key, s in self.settings.items():
            if s.status:
                continue
            if key in ignore_keys or key.startswith(ignore_prefixes) or key.endswith(ignore_suffixes):
                s.status = IGNORED
            else:
                s.status = UNRECOGNIZED
                out.append(s)
        return out

    def child(self, name: str) -> Block | None:
        return self.children.get(name)


class Entry(Node):
    """``edit NAME`` … ``next``: one row of a table."""

    __slots__ = ("cloned_from", "edit_line", "name")

    def __init__(self, name: str, edit_line: int):
        # No reference to the enclosing table (see Block).
        super().__init__()
        self.name = name
        self.edit_line = edit_line
        self.cloned_from: Entry | None = None


class Block(Node):
    """``config PATH`` … ``end``; a table when it has entries."""

    __slots__ = (
        "config_line",
        "deleted",
        "disp",
        "entries",
        "ignore_keys",
        "ignore_prefixes",
        "ignore_suffixes",
        "path",
        "renamed",
    )

    def __init__(self, path: str, config_line: int):
        super().__init__()
        self.path = path
        self.config_line = config_line
        self.entries: dict[str, Entry] = {}  # insertion order = table order
        self.deleted: list[Entry] = []
        self.disp: str | None = None  # MODEL | IGNORE | PARTIAL | None (unknown)
        self.ignore_keys: frozenset = frozenset()
        self.ignore_prefixes: tuple = ()
        self.ignore_suffixes: tuple = ()
        self.renamed: dict[str, tuple[str, int]] = {}  # old name -> (new name, line)
        # No reference up to the enclosing node: a tree whose nodes point both ways is
        # all reference cycles, kept alive until the cyclic collector runs (parses run
        # with it paused: netaudit/collector.py).


@dataclass
class Tree:
    root: Block
    lines: list[str]
    status: bytearray  # per line (index = line number)
    warnings: list[Text] = field(default_factory=list)  # input.line: "line N: …"
    header: dict[str, str] = field(default_factory=dict)  # #config-version=… fields
    truncated: bool = False
    too_deep: int | None = None  # first line nested beyond MAX_DEPTH
    # Every setting key the text sets (lower-cased): a question about keys (is one of
    # them a secret?) is asked once per distinct key, and not at all when none fits.
    keys: set[str] = field(default_factory=set)


# --------------------------------------------------------------------------- tokenizer


def _tokenize_slow(lines: list[str], i: int) -> tuple[list[str], int, bool]:
    """Tokens of the statement starting at line index ``i`` (0-based) and the index of
    its last line.  Handles quotes, escapes, continuation; ``ok`` is False when a quote
    is never closed (the caller then falls back to a plain split of one line)."""
    tokens: list[str] = []
    cur: list[str] = []
    in_tok = False
    quote = None
    j = i
    s = lines[j]
    pos = 0
    n = len(s)
    while True:
        if pos >= n:
            if quote is not None:
                if j + 1 >= len(lines):
                    return tokens, j, False
                j += 1
                cur.append("\n")
                s = lines[j]
                pos, n = 0, len(s)
                continue
            break
        c = s[pos]
        if c == "\\":
            if pos + 1 < n:
                cur.append(s[pos + 1])
                in_tok = True
                pos += 2
                continue
            # backslash at the end of a line: continuation (the newline is dropped)
            if j + 1 >= len(lines):
                pos += 1
                continue
            j += 1
            s = lines[j]
            pos, n = 0, len(s)
            in_tok = True
            continue
        if quote is not None:
            if c == quote:
                quote = None
            else:
                cur.append(c)
            pos += 1
            continue
        if c == " " or c == "\t":
            if in_tok:
                tokens.append("".join(cur))
                cur = []
                in_tok = False
            pos += 1
            continue
        if c == '"' or c == "'":
            quote = c
            in_tok = True
            pos += 1
            continue
        cur.append(c)
        in_tok = True
        pos += 1
    if in_tok:
        tokens.append("".join(cur))
    return tokens, j, True


# A token of a line whose quotes are all double and closed: characters other than blanks
# and quotes, and quoted runs (the quotes themselves are then dropped).
_QUOTED_TOKEN = re.compile(r'(?:[^ \t"]|"[^"]*")+')
# Bare words each followed by blanks, then quoted values one space apart ending the line
# (`set member "a" "b"`): the tokens _QUOTED_TOKEN gives are the words (no other blank in
# them) and the values (no quote in them: split at `" "`).
_QUOTED_TAIL = re.compile(r'[ \t]*((?:[^\s"]+[ \t]+)+)"([^"]*(?:" "[^"]*)*)"')


def closed_quotes_tokens(raw: str) -> list[str]:
    """The tokens of a line whose quotes are all double and closed, without escapes: what
    :func:`_tokenize_slow` reads (``tests/parsers/fortinet_fortios/test_tree.py``)."""
    tail = _QUOTED_TAIL.fullmatch(raw)
    if tail is not None:  # set key "value", edit "name", set member "a" "b": one match
        tokens = tail[1].split()
        tokens += tail[2].split('" "')
        return tokens
    return [t.replace('"', "") for t in _QUOTED_TOKEN.findall(raw)]


# --------------------------------------------------------------------------- builder

_TABLE_CMDS = frozenset({"move", "delete", "clone", "rename", "purge"})
# A CLI prompt at column 0: `FGT60F # `, `FGT60F (root) # `, `FG_VM $ ` (a non-super admin).
_PROMPT = re.compile(r"[\w.\-]+(?: \([\w.\-]+\))? [#$](?: |$)")
_SET_CMDS = frozenset({"set", "unset", "append", "select", "unselect"})
_COMMANDS = _SET_CMDS | {"config", "edit", "next", "end"} | _TABLE_CMDS
# The header: the version line, and the backup's scope (#global_vdom=0:vd_name=X is one
# VDOM's backup) — before any section, never a later comment.
_HEADERS = ("#config-version=", "#global_vdom=")


def build(text: str) -> Tree:
    """Parse ``text`` into a :class:`Tree`; never raises on content."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    nlines = len(lines)
    status = bytearray(nlines + 1)
    root = Block("", 0)
    tree = Tree(root, lines, status)
    warnings = tree.warnings
    stack: list[Block] = [root]
    open_entry: list[Entry | None] = [None]
    # The node `set` lines write to (the open entry, else the innermost block) and whether
    # that is the top level: kept as the structure changes, not looked up per line.
    top: Block = root
    entry: Entry | None = None
    settings = root.settings
    quoted: dict[str, list[str]] = {}  # closed-quotes line -> its tokens
    keys = tree.keys
    lowered: dict[str, str] = {}  # a setting key as written -> lower-cased
    i = 0
    while i < nlines:
        raw = lines[i]
        lineno = i + 1
        if '"' not in raw and "'" not in raw and "\\" not in raw:
            # most lines: words only (split() drops the same blanks strip() does)
            tokens = raw.split()
            if not tokens:
                status[lineno] = IGNORED
                i += 1
                continue
            if tokens[0][0] == "#":
                status[lineno] = IGNORED
                if not root.children and tokens[0].startswith(_HEADERS):
                    _header(tree, raw.strip())
                i += 1
                continue
            span: tuple[int, ...] = (lineno,)
            i += 1
        elif (known := quoted.get(raw)) is not None:
            # a line of closed double quotes read before (below): its tokens again, with
            # no strip, no tests and no count of its quotes
            tokens = known
            span = (lineno,)
            i += 1
        else:
            stripped = raw.strip()
            if stripped[0] == "#":  # (not empty: it holds a quote or a backslash)
                status[lineno] = IGNORED
                if not root.children and stripped.startswith(_HEADERS):
                    _header(tree, stripped)
                i += 1
                continue
            if '"' in raw and "'" not in raw and "\\" not in raw and raw.count('"') % 2 == 0:
                # double quotes, all closed on this line, no escape (edit "x", set member "a" "b"):
                # what _tokenize_slow reads, a token being characters and quoted runs.  Read
                # once per distinct line (`set schedule "always"`, `set dstaddr "all"`: four
                # in ten of the bench's quoted lines repeat one before); the lists are shared,
                # so nothing below changes a token list (values are sliced off it).
                tokens = quoted[raw] = closed_quotes_tokens(raw)
                last = i
            else:
                tokens, last, ok = _tokenize_slow(lines, i)
                if not ok:
                    warnings.append(Text("input.line", line=lineno, what=Text("input.fortios.quote_open")))
                    tokens, last = [t.strip("\"'") for t in stripped.split()], i
            if not tokens:
                for k in range(lineno, last + 2):
                    status[k] = IGNORED
                i = last + 1
                continue
            span = (lineno,) if last == i else tuple(range(lineno, last + 2))
            i = last + 1
        cmd = tokens[0]
        if cmd not in _COMMANDS:  # (a backup writes them in lower case: no new string)
            cmd = cmd.lower()
        if cmd in _SET_CMDS:
            if len(tokens) < 2 or top is root:
                _bad(
                    tree,
                    span,
                    lineno,
                    Text("input.fortios.outside_config" if top is root else "input.fortios.no_key", command=cmd),
                )
                continue
            # One lower-cased string per distinct key as written (a few hundred in a
            # backup), shared by the settings: fewer strings made, kept and freed.
            key = lowered.get(tokens[1])
            if key is None:
                key = lowered[tokens[1]] = tokens[1].lower()
                keys.add(key)
            s = settings.get(key)
            if s is None:
                s = settings[key] = Setting(key)
                s.lines = span
            else:
                s.lines = _more_lines(s.lines, span)
            vals = tokens[2:]
            if cmd == "set":
                s.values = vals
            elif cmd == "unset":
                s.values = None
            elif cmd == "append" or cmd == "select":
                cur = list(s.values or [])
                for v in vals:
                    if cmd == "append" or v not in cur:
                        cur.append(v)
                s.values = cur
            else:  # unselect
                s.values = [v for v in (s.values or []) if v not in vals]
            continue
        if cmd == "config":
            if len(tokens) < 2:
                _bad(tree, span, lineno, Text("input.fortios.no_name", command="config"))
                continue
            name = tokens[1] if len(tokens) == 2 else " ".join(tokens[1:])
            parent: Node = entry if entry is not None else top
            blk = parent.children.get(name)
            if blk is None:
                blk = parent.children[name] = Block(name, lineno)
            blk.struct.extend(span)
            stack.append(blk)
            open_entry.append(None)
            top, entry, settings = blk, None, blk.settings
            if len(stack) > MAX_DEPTH + 1 and tree.too_deep is None:
                tree.too_deep = lineno
                why = Text("input.fortios.too_deep", depth=MAX_DEPTH)  # begins with CUT_SHORT[1]
                warnings.append(Text("input.line", line=lineno, what=why))
            continue
        if cmd == "edit":
            if top is root or len(tokens) < 2:
                _bad(
                    tree,
                    span,
                    lineno,
                    Text("input.fortios.outside_config" if top is root else "input.fortios.no_name", command="edit"),
                )
                continue
            if entry is not None:
                warnings.append(
                    Text("input.line", line=lineno, what=Text("input.fortios.edit_open", entry=repr(entry.name)))
                )
            name = tokens[1] if len(tokens) == 2 else " ".join(tokens[1:])
            if name == "0" and "0" in top.entries and all(k.isdecimal() for k in top.entries):
                # `edit 0` again in a numbered table (a CLI script's policies, SD-WAN
                # members): FortiOS makes a new entry with the next free ID each time, so
                # a second one is never the first one edited (the first keeps the name 0)
                name = str(max(map(int, top.entries)) + 1)
            e = top.entries.get(name)
            if e is None:
                e = top.entries[name] = Entry(name, lineno)
            e.struct.extend(span)
            open_entry[-1] = entry = e
            settings = e.settings
            continue
        if cmd == "next":
            if entry is None:
                _bad(tree, span, lineno, Text("input.fortios.next_alone"))
                continue
            entry.struct.extend(span)
            open_entry[-1] = entry = None
            settings = top.settings
            continue
        if cmd == "end":
            if top is root:
                _bad(tree, span, lineno, Text("input.fortios.end_alone"))
                continue
            if entry is not None:
                entry.struct.extend(span)  # 'end' closes the entry too
            else:
                top.struct.extend(span)
            stack.pop()
            open_entry.pop()
            top, entry = stack[-1], open_entry[-1]
            settings = (entry if entry is not None else top).settings
            continue
        if cmd in _TABLE_CMDS and top is not root:
            if _table_cmd(top, cmd, tokens, lineno):
                top.struct.extend(span)
            else:
                _bad(
                    tree,
                    span,
                    lineno,
                    Text("input.fortios.not_applicable", command=" ".join(tokens), table=repr(top.path)),
                )
            continue
        if _PROMPT.match(raw):
            # a terminal capture's prompt and the command typed after it (`FGT # show`,
            # `FGT (global) # show system interface`): not configuration
            for k in span:
                status[k] = IGNORED
            continue
        _bad(tree, span, lineno, Text("input.fortios.unknown_command", command=repr(tokens[0])))
    if len(stack) > 1:
        tree.truncated = True
        shown = [b.path for b in stack[1:]]
        if len(shown) > 6:
            shown = [*shown[:3], f"… {len(shown) - 5} more …", *shown[-2:]]
        open_paths = " > ".join(shown)
        # begins with CUT_SHORT[0]
        why = Text("input.fortios.open_config", paths=open_paths, opened=stack[-1].config_line)
        warnings.append(Text("input.line", line=max(nlines, 1), what=why))
    return tree


def _bad(tree: Tree, span: Iterable[int], lineno: int, why: Text) -> None:
    for k in span:
        tree.status[k] = UNRECOGNIZED
    tree.warnings.append(Text("input.line", line=lineno, what=why))


def _header(tree: Tree, line: str) -> None:
    """``#config-version=FG100F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin``,
    ``#global_vdom=0:vd_name=root``: ``key=value`` fields separated by colons."""
    body = line[1:]
    for part in body.split(":"):
        k, _, v = part.partition("=")
        tree.header[k.strip()] = v.strip()


def _table_cmd(blk: Block, cmd: str, tokens: list[str], lineno: int) -> bool:
    """Apply move/delete/clone/rename/purge to a table; False if it cannot apply."""
    ents = blk.entries
    if cmd == "purge":
        blk.deleted.extend(ents.values())
        ents.clear()
        return True
    if cmd == "delete":
        if len(tokens) != 2 or tokens[1] not in ents:
            return False
        blk.deleted.append(ents.pop(tokens[1]))
        return True
    if cmd == "move":
        if len(tokens) != 4 or tokens[2].lower() not in ("before", "after"):
            return False
        a, where, b = tokens[1], tokens[2].lower(), tokens[3]
        if a not in ents or b not in ents or a == b:
            return False
        moved = ents.pop(a)
        items = list(ents.items())
        idx = next(k for k, (name, _) in enumerate(items) if name == b)
        items.insert(idx if where == "before" else idx + 1, (a, moved))
        ents.clear()
        ents.update(items)
        return True
    if cmd in ("clone", "rename"):
        if len(tokens) != 4 or tokens[2].lower() != "to":
            return False
        a, b = tokens[1], tokens[3]
        if a not in ents or b in ents:
            return False
        if cmd == "clone":
            src = ents[a]
            e = Entry(b, lineno)
            e.cloned_from = src
            for k, s in src.settings.items():
                c = Setting(k)
                c.values = list(s.values) if s.values is not None else None
                c.status = IGNORED  # its lines belong to the original
                e.settings[k] = c
            e.children = dict(src.children)
            ents[b] = e
        else:
            items = [(b if name == a else name, ent) for name, ent in ents.items()]
            ents[a].name = b
            ents.clear()
            ents.update(items)
            blk.renamed[a] = (b, lineno)
        return True
    return False


# --------------------------------------------------------------------------- finalize


def finalize(tree: Tree) -> None:
    """Give every still-undecided line its status from the interpreter's marks.

    A pre-order depth-first walk with an explicit stack (no recursion on the nesting
    depth): a block's structural lines, its settings, its nested blocks, then each entry
    (structure, settings, nested blocks) and each deleted entry.  A line keeps the first
    status it is given (a cloned entry shares its original's nested blocks)."""
    status = tree.status
    # tasks: ("b", block, inherited) | ("n", node, disp, block) | ("e", entry, disp, block, deleted)
    stack: list[tuple] = [("b", blk, None) for blk in reversed(tree.root.children.values())]
    while stack:
        task = stack.pop()
        kind = task[0]
        if kind == "b":
            _, blk, inherited = task
            disp = _block_struct(blk, status, inherited)
            later: list[tuple] = [("n", blk, disp, blk)]
            later.extend(("e", e, disp, blk, False) for e in blk.entries.values())
            later.extend(("e", e, disp, blk, True) for e in blk.deleted)
            stack.extend(reversed(later))
            continue
        if kind == "e":
            _, e, disp, blk, deleted = task
            if deleted:  # understood, and without effect: deleted again
                _set_lines(status, e.struct, IGNORED if disp is not None else UNRECOGNIZED)
                disp = IGNORE if disp is not None else None
            elif disp == MODEL:
                _set_lines(status, e.struct, RECOGNIZED)
            else:
                _set_lines(status, e.struct, IGNORED if disp in (IGNORE, PARTIAL) else UNRECOGNIZED)
            task = ("n", e, disp, blk)
        _, node, disp, blk = task
        _node_settings(node, status, disp, blk)
        stack.extend(("b", child, disp) for child in reversed(node.children.values()))
    # every line still undecided (no entry 0: lines count from 1), in one C-level pass
    status[1:] = status[1:].replace(b"\0", bytes((UNRECOGNIZED,)))


def _set_lines(status: bytearray, lines, value: int) -> None:
    for k in lines:
        if not status[k]:
            status[k] = value


def _node_settings(node: Node, status: bytearray, disp: str | None, blk: Block) -> None:
    # (_set_lines written out: a setting has one line, and there are thousands)
    if disp == MODEL:
        for s in node.settings.values():
            st = s.status
            if not st:
                key = s.key
                st = (
                    IGNORED
                    if (
                        key in blk.ignore_keys
                        or key.startswith(blk.ignore_prefixes)
                        or key.endswith(blk.ignore_suffixes)
                    )
                    else UNRECOGNIZED
                )
            for k in s.lines:
                if not status[k]:
                    status[k] = st
    else:
        value = IGNORED if disp in (IGNORE, PARTIAL) else UNRECOGNIZED
        for s in node.settings.values():
            for k in s.lines:
                if not status[k]:
                    status[k] = value


def _block_struct(blk: Block, status: bytearray, inherited: str | None) -> str | None:
    """The block's effective disposition; marks its structural lines."""
    disp = blk.disp
    if disp is None and inherited in (IGNORE, PARTIAL):
        disp = IGNORE
    if disp == MODEL:
        _set_lines(status, blk.struct, RECOGNIZED)
    elif disp == PARTIAL:
        _set_lines(status, [blk.config_line], RECOGNIZED)
        _set_lines(status, blk.struct, IGNORED)
    elif disp == IGNORE:
        _set_lines(status, blk.struct, IGNORED)
    else:
        _set_lines(status, blk.struct, UNRECOGNIZED)
    return disp
