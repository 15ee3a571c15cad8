"""Fixtures partagées."""

from __future__ import annotations

from pathlib import Path

import pytest

DONNEES = Path(__file__).parent / "donnees"


@pytest.fixture
def donnees() -> Path:
    """Le dossier des petits jeux de test."""
    return DONNEES
