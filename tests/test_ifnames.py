"""netaudit.ifnames is netutils' interface-name expansion kept in netaudit (its import
cost about 5 % of a small IOS audit's instructions): it must expand every name as the installed
netutils does.  A netutils that expands differently fails here; what netaudit should
then say is decided by whoever upgrades it (the verdicts name interfaces)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from netutils.constants import BASE_INTERFACES as NETUTILS_TABLE
from netutils.interface import canonical_interface_name as netutils_canonical

from netaudit.ifnames import BASE_INTERFACES, canonical_interface_name

# What names are made of: the table's letters, numbers and their separators, the
# characters netutils strips as a number (backslash, dot, colon, space), and others.
_ALPHABET = sorted(set("".join(NETUTILS_TABLE)) | set("/\\0123456789.: -_\t") | {"é", "0"})
_NUMBERS = ["", "0", "1", "0/1", "1/0/24", "0/0.100", " 0/1", "1.5", "2:3", "/", "\\1", " ", "01 "]


def test_table_is_netutils_table():
    assert BASE_INTERFACES == NETUTILS_TABLE


def test_every_table_name_with_numbers():
    for short in [*NETUTILS_TABLE, *NETUTILS_TABLE.values()]:
        for number in _NUMBERS:
            for name in (short + number, short.lower() + number, short.upper() + number):
                assert canonical_interface_name(name) == netutils_canonical(name), name


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=_ALPHABET, max_size=24),
        st.builds(
            lambda a, b: a + b, st.sampled_from(sorted(NETUTILS_TABLE)), st.text(alphabet=_ALPHABET, max_size=12)
        ),
    )
)
def test_random_names(name):
    assert canonical_interface_name(name) == netutils_canonical(name)
