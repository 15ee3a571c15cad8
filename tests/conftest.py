"""Fixtures partagées."""

from __future__ import annotations

from pathlib import Path

import pytest

import reseau

DONNEES = Path(__file__).parent / "donnees"


@pytest.fixture
def donnees() -> Path:
    """Le dossier des petits jeux de test."""
    return DONNEES


@pytest.fixture(scope="module")
def reference():
    """Le jeu de référence chargé (une fois par module)."""
    return reseau.charger()


@pytest.fixture(scope="module")
def piege():
    """Le petit jeu « piège » de la carte (noms hostiles, lieux partagés)."""
    return reseau.charger(DONNEES / "carte")
