"""The command line's own mistakes (an unknown option or command, a missing or invalid
value) in the command's language: argparse's English messages read into catalogue texts,
and the language read from the command line before argparse has (netaudit/cli.py)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from .lazy_re import lazy_compile
from .messages import Text


class UsageError(Exception):
    """argparse's complaint about the command line, raised instead of its exit so that
    :func:`netaudit.cli.main` words it in the command's language (:func:`usage_text`)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_INVALID_CHOICE = r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)"
# argparse's own messages (Python 3.11, English): pattern -> catalogue key; the groups are
# the fields, as typed on the command line (option names, values and choices stay as typed).
_USAGE_MESSAGES = [
    (lazy_compile(r"unrecognized arguments: (?P<args>.*)"), "cli.usage.unrecognized"),
    (lazy_compile(r"the following arguments are required: (?P<args>.*)"), "cli.usage.required"),
    (lazy_compile(r"one of the arguments (?P<args>.*) is required"), "cli.usage.one_of_required"),
    (lazy_compile(r"argument command: " + _INVALID_CHOICE), "cli.usage.command"),  # the command's name
    (lazy_compile(r"argument (?P<argument>\S+): " + _INVALID_CHOICE), "cli.usage.invalid_choice"),
    (lazy_compile(r"argument (?P<argument>\S+): expected one argument"), "cli.usage.expected_one"),
    (lazy_compile(r"argument (?P<argument>\S+): expected at least one argument"), "cli.usage.expected_some"),
    (lazy_compile(r"argument (?P<argument>\S+): expected at most one argument"), "cli.usage.expected_at_most_one"),
    (lazy_compile(r"argument (?P<argument>\S+): invalid \S+ value: (?P<value>.*)"), "cli.usage.invalid_value"),
    (
        lazy_compile(r"argument (?P<argument>\S+): not allowed with argument (?P<other>\S+)"),
        "cli.usage.not_allowed_with",
    ),
    (
        lazy_compile(r"argument (?P<argument>\S+): ignored explicit argument (?P<value>.*)"),
        "cli.usage.ignored_explicit",
    ),
    (lazy_compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)"), "cli.usage.ambiguous"),
]


def usage_text(message: str, known: list[str]) -> Text | str:
    """argparse's ``message`` as a catalogue text (its English as argparse words it), with a
    "did you mean" after an unknown command, choice or option close to one of ``known`` (the options
    of the command typed); a message argparse words otherwise stays as it is."""
    from .zones.site import did_you_mean

    for pattern, key in _USAGE_MESSAGES:
        m = pattern.fullmatch(message)
        if m is None:
            continue
        fields: dict[str, Text | str] = dict(m.groupdict())
        if "choices" in fields:
            value, choices = m["value"].strip("'"), [c.strip("'") for c in m["choices"].split(", ")]
            fields["hint"] = did_you_mean(value, choices)
        elif key == "cli.usage.unrecognized":
            unknown = next((a for a in m["args"].split() if a.startswith("--")), None)
            fields["hint"] = did_you_mean(unknown.split("=")[0], known) if unknown else ""
        return Text(key, **fields)
    return message


def usage_lang(argv: list[str], commands: Mapping[str, argparse.ArgumentParser]) -> tuple[str, list[str]]:
    """(the language of a usage error, the typed command's options) read from ``argv``
    before argparse has: ``--lang`` (or its abbreviation) when it names one, else the
    command's default — Vietnamese, or English for a command without ``--lang``."""
    command = next((a for a in argv if not a.startswith("-")), None)
    sub = commands.get(command or "")
    options = [o for action in sub._actions for o in action.option_strings] if sub is not None else []
    if "--lang" not in options:
        return ("vi" if sub is None else "en"), options
    for k, a in enumerate(argv):
        name, eq, value = a.partition("=")
        if len(name) > 3 and "--lang".startswith(name):
            value = value if eq else (argv[k + 1] if k + 1 < len(argv) else "")
            if value in ("vi", "en"):
                return value, options
    return "vi", options
