"""The ``uci`` batch of a change set and its rollback, wrapped in a script that saves the
configuration first and arms a timed automatic rollback."""

from __future__ import annotations

from ...parsers.openwrt.uci import Section
from .change import BACKUP, BEFORE_DIR, LIST_KEYS, RELOAD, uci_quote
from .context import Ctx


def _cmd_set(ref: str, key: str, values: list[str], as_list: bool) -> list[str]:
    if len(values) == 1 and not as_list:
        return [f"uci set {ref}.{key}={uci_quote(values[0])}"]
    return [f"uci add_list {ref}.{key}={uci_quote(v)}" for v in values]


def _old_values(sec: Section, key: str) -> tuple[list[str] | None, bool]:
    if key in sec.options:
        return [sec.options[key].value], False
    if key in sec.lists:
        return [o.value for o in sec.lists[key]], True
    return None, False


def _opt_commands(ref: str, key: str, values: list[str] | None, as_list: bool, had: bool) -> list[str]:
    """Commands taking an option to ``values`` (None: deleted)."""
    out = []
    listed = values is not None and (as_list or len(values) != 1)
    if values is None or (had and listed):
        out.append(f"uci delete {ref}.{key}")
    if values is not None:
        out += _cmd_set(ref, key, values, as_list)
    return out


def _section_commands(
    package: str, type_: str, name: str | None, options: list[tuple[str, list[str], bool]]
) -> list[str]:
    ref = f"{package}.{name}" if name else f"{package}.@{type_}[-1]"
    out = [f"uci set {package}.{name}={type_}"] if name else [f"uci add {package} {type_}"]
    for key, values, as_list in options:
        out += _cmd_set(ref, key, values, as_list)
    return out


def _script_and_rollback(ctx: Ctx) -> tuple[list[str], list[str]]:
    doc, ch = ctx.doc, ctx.ch
    script: list[str] = []
    rollback: list[str] = []
    last_why = None

    def say(why: str) -> None:
        nonlocal last_why
        if why != last_why:
            script.append(f"# {why}")
            last_why = why

    # 1. options of existing sections (uci's @type[N] indexes still those of the input)
    restore: list[str] = []
    order = list(RELOAD)
    for oc in sorted(ch.opts, key=lambda o: order.index(o.sec.package) if o.sec.package in order else len(order)):
        ref = doc.ref(oc.sec)
        old, old_list = _old_values(oc.sec, oc.key)
        say(oc.why)
        script += _opt_commands(ref, oc.key, oc.values, oc.as_list, old is not None)
        restore += _opt_commands(ref, oc.key, old, old_list, oc.values is not None)
    # 2. sections deleted, the last first (an index counts the sections before it)
    deleted_ids = {id(s) for s, _ in ch.deleted}
    readd: list[str] = []
    for sec, why in sorted(ch.deleted, key=lambda t: -doc.type_index(t[0])):
        say(why)
        script.append(f"uci delete {doc.ref(sec)}")
    for sec, _ in sorted(ch.deleted, key=lambda t: doc.type_index(t[0])):
        opts = [(k, [o.value], False) for k, o in sec.options.items()]
        opts += [(k, [o.value for o in items], True) for k, items in sec.lists.items()]
        name = None if sec.anonymous else sec.name
        readd += _section_commands(sec.package, sec.type, name, opts)
        pos = doc.index_in_package(sec)
        readd.append(f"uci reorder {sec.package}.{name or f'@{sec.type}[-1]'}={pos}")
    # 3. new sections, reordered before the first rule kept
    anchor = doc.first_rule(deleted_ids)
    place = doc.index_in_package(anchor, deleted_ids) if anchor is not None else None
    for new in [n for n in ch.added if n.top] + [n for n in ch.added if not n.top]:
        say(new.why)
        script += _section_commands(new.package, new.type, new.name, [(k, v, k in LIST_KEYS) for k, v in new.options])
        if new.top and place is not None:
            script.append(f"uci reorder {new.package}.{new.name}={place}")
            place += 1
    removes = [f"uci delete {n.package}.{n.name}" for n in ch.added]
    rollback = removes + readd + restore
    return script, rollback


def _wrap(ctx: Ctx, script: list[str], rollback: list[str]) -> tuple[str, str]:
    dev = ctx.device
    packages = ctx.ch.packages()
    head = [f"# netaudit change set for {dev.hostname} (OpenWrt, {ctx.doc.form} form of the input)"]
    if not packages:
        return "\n".join(
            [*head, "# nothing to change"]
        ) + "\n", f"# netaudit rollback for {dev.hostname}: nothing to undo\n"
    head.append("# Run from the management network; parts 0-2 first, review `uci changes`, then part 3.")
    files = " ".join(f"/etc/config/{p}" for p in packages)
    body = [
        "# 0. backups: the whole configuration (copy it off the router: /tmp is lost on reboot),",
        f"#    and the files this change touches ({BEFORE_DIR}/, kept across reboots)",
        f"sysupgrade -b {BACKUP}",
        f"mkdir {BEFORE_DIR} && cp {files} {BEFORE_DIR}/   # a second run keeps the first copies",
        "# 1. the changes, staged (nothing is applied before `uci commit`)",
        *script,
        "# 2. review: every pending change, to compare with the lines above",
        "#    (`uci revert <package>` discards a package's changes: nothing was applied yet)",
        "uci changes",
        "# 3. apply (after the review): commit and reload each package",
    ]
    for p in packages:
        body += [f"uci commit {p}", RELOAD[p]]
    back = [
        f"# netaudit rollback for {dev.hostname}: the inverse uci commands.",
        f"# Fallback: cp {BEFORE_DIR}/* /etc/config/ and run the reload lines at the end.",
        *rollback,
    ]
    for p in packages:
        back += [f"uci commit {p}", RELOAD[p]]
    return "\n".join(head + body) + "\n", "\n".join(back) + "\n"
