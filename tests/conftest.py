"""Fixtures shared by every test module; the plain helper functions are in tests/helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CORPUS, FIXTURES, ROOT, SAMPLES, copy_sample


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository (the folder holding ``netaudit/`` and ``sample_configs/``)."""
    return ROOT


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """``sample_configs/``: the sample offices, one folder each."""
    return SAMPLES


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """``tests/fixtures/``: vendor configs the parser tests read."""
    return FIXTURES


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus`` (public Batfish and Stanford configs); the test is skipped
    where it is not present."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not present at {CORPUS}")
    return CORPUS


@pytest.fixture
def sample_copy(tmp_path):
    """``sample_copy(name)``: a fresh copy of ``sample_configs/<name>`` to edit."""
    return lambda name: copy_sample(tmp_path, name)
