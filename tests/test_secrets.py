"""Key material in free text (netaudit/secrets.py): masked, but not the file paths a
message names."""

from __future__ import annotations

from netaudit.secrets import MASK, Masker, mask_key_material

KEY = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLez"
    "V6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs"
)


def test_a_base64_run_is_masked_wherever_its_slashes_fall():
    assert mask_key_material(f"key {KEY}") == f"key {MASK}"
    assert mask_key_material(f"key /{KEY[1:]}") == f"key {MASK}"
    assert mask_key_material(f"key {KEY[:30]}/a/b/{KEY[30:]}") == f"key {MASK}"
    slashed = f"/{KEY[1:20]}/{KEY[20:40]}/{KEY[40:]}"  # a key shaped like a path, then a blank
    assert mask_key_material(f"key {slashed} end") == f"key {MASK} end"


def test_an_absolute_path_in_a_message_is_not_key_material():
    """A 40-character run of letters, digits and ``/`` at the start of an error naming a
    file was masked: the user could not tell which file was meant."""
    msg = "/tmp/sweep10/routeros/keeper/Celebration_Church_Existing/site.yaml:5: zones: no zone declared"
    assert Masker().warning(msg) == msg
