"""Cisco IOS: the partial reasons several modules of the parser give, each one catalogue
text (netaudit/catalogue/cisco_ios.py, ``input.ios.*``) so that a report says them in its
language; the English is the reason as it always read.  Configuration text, names and
numbers are fields, inserted as they are.  A reason given in one place only is written
there; those both Cisco parsers give are in :mod:`netaudit.parsers.cisco_common`.
"""

from __future__ import annotations

from netaudit.messages import Text


def unmodelled_line(text: str) -> Text:
    """``'TEXT' not modelled``: a configuration line read, whose effect the model lacks."""
    return Text("input.ios.unmodelled_line", text=text)


def not_understood(text: str) -> Text:
    """``'TEXT' not understood``: a configuration line that was not read."""
    return Text("input.ios.not_understood", text=text)


def line_unread(line: int) -> Text:
    """``line N not understood`` (a line of a block whose object is known)."""
    return Text("input.ios.line_unread", line=line)


def in_block(block: str, why: str) -> Text:
    """``BLOCK: WHY``: a reason of one named block (a crypto map entry, a vpdn-template),
    worded as any "where: what" (input.at)."""
    return Text("input.at", where=block, what=why)


def at_line(why: str, line: int) -> Text:
    """``WHY (line N)``: a reason cited with its configuration line."""
    return Text("input.ios.at_line", why=why, line=line)


def class_map_undefined(name: str) -> Text:
    """A class-map a policy names that the configuration does not define."""
    return Text("input.ios.class_map_undefined", name=name)


def class_map_empty(name: str) -> Text:
    """A class-map none of whose match lines the model reads."""
    return Text("input.ios.class_map_empty", name=name)


def class_acl_unusable(name: str, acl: str) -> Text:
    """A class-map matching an ACL that is undefined, empty or not understood."""
    return Text("input.ios.class_acl_unusable", name=name, acl=acl)
