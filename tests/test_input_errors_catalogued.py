"""Every user-facing error (InputError) is a catalogue text, so that it is said in the
reader's language: no message is written as a plain English string in the code, and
every error entry of the catalogue has both languages with the same fields."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from helpers import ROOT

from netaudit.messages import CATALOGUE, Text
from netaudit.model import InputError

PACKAGE = ROOT / "netaudit"

# Calls whose message argument reaches the user as an error line.  The local ``err``
# helpers of the site file, the intent file and the reference checks raise InputError
# with what they are given; the errors yaml raises in the site loader carry netaudit's
# own problem texts (their third argument); service syntax errors become a site-file or
# --service error (headerspace.service_match, expand_services).
MESSAGE_ARG = {"InputError": 0, "err": 0, "ConstructorError": 2, "ComposerError": 2}
VALUE_ERROR_IN = {("headerspace.py", "service_match"), ("headerspace.py", "expand_services")}


def _plain_text(node: ast.AST) -> bool:
    """A message written as an English string: a literal, an f-string, or one built from
    them (concatenation, %, .format(), a conditional)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_text(node.left) or _plain_text(node.right)
    if isinstance(node, ast.IfExp):
        return _plain_text(node.body) or _plain_text(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _plain_text(node.func.value)
    return False


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def offenders(tree: ast.AST, file: str) -> tuple[list[str], int]:
    """(``file:line: call`` of each message written as plain text, number of calls checked)."""
    found: list[str] = []
    checked = 0
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    in_function = {id(c): f.name for f in functions for c in ast.walk(f) if isinstance(c, ast.Call)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        index = MESSAGE_ARG.get(name)
        if name == "ValueError" and (Path(file).name, in_function.get(id(node))) in VALUE_ERROR_IN:
            index = 0
        if index is None:
            continue
        checked += 1
        args = list(node.args)
        message = args[index] if len(args) > index else None
        message = next((k.value for k in node.keywords if k.arg in ("message", "msg", "problem")), message)
        if message is not None and _plain_text(message):
            found.append(f"{file}:{node.lineno}: {name}({ast.unparse(message)[:70]})")
    return found, checked


def test_no_input_error_is_written_as_a_plain_string():
    """An InputError (or a helper that raises one) given a literal or an f-string would
    reach a Vietnamese reader in English: the message must be a catalogue Text."""
    found: list[str] = []
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        more, n = offenders(ast.parse(path.read_text(encoding="utf-8"), rel), rel)
        found += more
        checked += n
    assert found == [], "messages written as English strings (use a catalogue Text):\n" + "\n".join(found)
    assert checked >= 150  # the ~90 InputError sites and the ~100 err() calls: the walk sees them


@pytest.mark.parametrize(
    "source",
    [
        'raise InputError("not a folder", path)',
        'raise InputError(f"{what}: give a file name", shown)',
        'err("policy entries need from: and to:", line)',
        'err(f"zone {name!r}: " + problem, line)',
        'raise InputError(message="x" if a else Text("k"))',
        'raise yaml.constructor.ConstructorError(None, None, f"{k!r} is given twice", mark)',
    ],
)
def test_the_check_sees_a_plain_string(source):
    assert offenders(ast.parse(source), "x.py")[0] != []


def test_the_check_accepts_a_text_and_a_value_passed_on():
    source = 'raise InputError(Text("cli.error.not_folder"), path)\nerr(msg, line)\nraise InputError(e.located())'
    assert offenders(ast.parse(source), "x.py") == ([], 3)


ERROR_KEYS = [k for k in CATALOGUE if ".error." in k or k.startswith(("site.what.", "site.did_you_mean", "output."))]
# Shapes that only hold other texts or values the same in every language.
SAME_IN_BOTH = {"trace.error.service"}


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", ERROR_KEYS)
def test_error_entries_are_bilingual(key):
    """The same fields in both languages, and Vietnamese that is not the English (with
    diacritics: a sentence left in English would pass otherwise)."""
    vi, en = CATALOGUE[key]["vi"], CATALOGUE[key]["en"]
    assert _fields(vi) == _fields(en), key
    if key not in SAME_IN_BOTH:
        assert vi != en and not vi.isascii(), key


def test_there_are_error_entries_for_every_area():
    areas = {k.split(".")[0] for k in ERROR_KEYS}
    assert {"site", "blueprint", "cli", "output", "input", "report", "live", "service", "trace"} <= areas
    assert len(ERROR_KEYS) >= 150


def test_a_wrapped_error_keeps_its_language():
    """An error put inside another (audit.prepare adds the devices of the snapshot; the
    plan file of netaudit probe is named) is its Text, not its English string."""
    inner = InputError(Text("site.error.zone_not_mapping", zone="'g'"), "site.yaml", 3)
    outer = InputError(Text("site.error.in_snapshot", error=inner.located(), devices="r1", problems="", left_out=""))
    assert str(outer) == "site.yaml:3: zone 'g' must be a mapping — devices in the snapshot: r1"
    assert outer.render("vi") == ("site.yaml:3: vùng 'g' phải là một mapping — các thiết bị đọc được: r1")
    again = InputError(InputError(Text("live.error.not_audit")).located(), "audit.json")
    assert again.render("vi") == "audit.json: không phải bản kiểm tra JSON của netaudit (netaudit audit --format json)"
