"""The partial reasons of the Linux vendor's readers, as catalogue texts.

A reason is a :class:`~netaudit.messages.Text`: its English is the sentence the model
has always held (equality, joins and JSON see it), and a report words it in its own
language.  Texts are only built for a rule that has a reason: the common rules take fast
paths that never produce one (:mod:`.iptables_plain`, ``nft_match._plain_reading``).

A reason repeats from rule to rule of a dump that has it at all (the same ``limit``
statement, match module or unknown set on thousands of rules, each line of a chain
inheriting the reasons of the jump to it), and a text renders its English when it is
built: :func:`reason` and :func:`joined` build each one once and the rules share it
(texts are immutable).  Like every use of a reason, the memo compares the fields and
reasons as their English.
"""

from __future__ import annotations

import functools

from netaudit.messages import Text
from netaudit.parsers.base import join_reasons


@functools.lru_cache(maxsize=4096, typed=True)  # (typed: a text field is not its English string)
def reason(key: str, /, **fields: object) -> Text:
    """The partial reason ``key`` with ``fields`` (configuration text, names, numbers:
    inserted as they are), one text per distinct reason."""
    return Text(key, **fields)


@functools.lru_cache(maxsize=4096)
def joined(reasons: tuple[str, ...]) -> str:
    """:func:`~netaudit.parsers.base.join_reasons` of ``reasons`` (one ``input.joined``
    text), once per distinct combination: the lines of a composed hook repeat them."""
    return join_reasons(reasons)


def not_understood(what: str) -> Text:
    """``<what> not understood``: configuration text (an option and its value, a
    statement, a policy) that was read but not understood; ``what`` is quoted as it is."""
    return reason("input.linux.partial.not_understood", what=what)


def not_modelled(what: str) -> Text:
    """``<what> not modelled``: a construct netaudit reads but does not model; ``what``
    is configuration text, or a catalogue text naming it (an iptables match module)."""
    return reason("input.linux.partial.not_modelled", what=what)


# An nft rule statement not read at all, and a composed filter line that may accept or
# drop without a reason of its own.
RULE_NOT_UNDERSTOOD = Text("input.linux.partial.rule_not_understood")
