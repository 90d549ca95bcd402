"""The site file's YAML reader: PyYAML's ``SafeLoader`` made to remember lines and to
refuse what a site file never needs (:func:`parse`; the rules are :class:`_LineLoader`'s).

Its own module so that only a run that reads a site or intent file imports PyYAML: the
library's import is ≈ 9 ms (its module-level patterns), and an audit whose site is
inferred from the configurations never needs it (docs/performance.md, issue #15).
:func:`netaudit.zones.site.read_yaml` reads the file and imports this at its first call.
"""

from __future__ import annotations

import yaml

from ..messages import Text
from ..model import InputError
from ..safetext import escape_char, one_line
from .site import SITE_MAX_DEPTH, SITE_MAX_VALUES, _Map, _Seq


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers where things are: every mapping's line as ``__line__``,
    its keys' lines (:class:`_Map`) and its list items' lines (:class:`_Seq`).

    It also refuses what a site file never needs: a key given twice in one mapping
    (YAML keeps the last silently — a second ``zones:`` would drop the first), a date
    that does not exist (``2026-09-31``), and aliases that expand the document beyond
    :data:`SITE_MAX_VALUES` values (a few hundred bytes of ``&a [*b, *b, …]`` can
    otherwise stand for gigabytes)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.alias_lines: list[int] = []
        self.depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.alias_lines.append(self.peek_event().start_mark.line + 1)
        self.depth += 1
        try:
            if self.depth > SITE_MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, Text("site.error.yaml_depth", limit=SITE_MAX_DEPTH), self.peek_event().start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None and self.alias_lines:
            _check_expansion(node, self.alias_lines[0])
        return node


def _check_expansion(root, alias_line: int) -> None:
    """Count the values of the document as if every alias were written out (memoised
    over the node graph, iteratively); refuse more than SITE_MAX_VALUES, and cycles."""

    def children(node):
        if isinstance(node, yaml.SequenceNode):
            return node.value
        if isinstance(node, yaml.MappingNode):
            return [n for pair in node.value for n in pair]
        return []

    size: dict[int, int] = {}
    active: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children(node))
            if size[key] > SITE_MAX_VALUES:
                raise yaml.constructor.ConstructorError(
                    None, None, Text("site.error.yaml_expansion", limit=f"{SITE_MAX_VALUES:,}"), _Mark(alias_line)
                )
            continue
        if key in size:
            continue
        if key in active:
            raise yaml.constructor.ConstructorError(None, None, Text("site.error.yaml_alias_cycle"), _Mark(alias_line))
        active.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children(node) if id(c) not in size)


class _Mark(yaml.Mark):
    """A position for a YAML error raised after composition: just the line."""

    def __init__(self, line: int):
        super().__init__("", 0, line - 1, 0, None, 0)


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_mapping(loader, node, deep=False):
    first: dict = {}
    for k, _ in node.value:
        if isinstance(k, yaml.ScalarNode) and k.tag != _MERGE_TAG:
            if (k.tag, k.value) in first:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    Text("site.error.yaml_key_twice", key=repr(k.value), line=first[(k.tag, k.value)]),
                    k.start_mark,
                )
            first[(k.tag, k.value)] = k.start_mark.line + 1
    mapping = _Map(yaml.SafeLoader.construct_mapping(loader, node, deep=True))
    mapping.key_lines = {loader.construct_object(k, deep=True): k.start_mark.line + 1 for k, _ in node.value}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node, deep=False):
    seq = _Seq(loader.construct_sequence(node, deep=True))
    seq.lines = [item.start_mark.line + 1 for item in node.value]
    return seq


def _construct_timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise yaml.constructor.ConstructorError(
            None, None, Text("site.error.date_unreal", what="", value=repr(node.value)), node.start_mark
        ) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def parse(text: str, display: str, what: Text) -> object:
    """``text`` (a small YAML document, already decoded) as loaded by :class:`_LineLoader`:
    mappings and lists that know their lines.  Every YAML problem is an InputError naming
    ``display`` and, when known, the line (``what`` names the file in the errors)."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1 if isinstance(e.position, int) else None
        ch = chr(e.character) if isinstance(e.character, int) else str(e.character)
        raise InputError(
            Text("site.error.yaml_char", char=escape_char(ch), code=f"{ord(ch[:1] or ' '):04X}"), display, line
        ) from None
    except (yaml.constructor.ConstructorError, yaml.composer.ComposerError) as e:
        mark = e.problem_mark
        # netaudit's own problems (a key twice, an alias bomb …) are Texts; yaml's stay as written
        problem = e.problem if isinstance(e.problem, Text) else Text("site.error.yaml", problem=one_line(e.problem))
        raise InputError(problem, display, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        detail = one_line(getattr(e, "problem", None) or e)
        raise InputError(Text("site.error.yaml_invalid", problem=detail), display, line) from None
    except RecursionError:
        raise InputError(Text("site.error.too_deep", what=what), display) from None
    return data
