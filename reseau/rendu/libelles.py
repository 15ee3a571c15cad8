"""Libellés affichés (carte, figures, rapport) en français, anglais et espagnol."""

from __future__ import annotations

import json
from pathlib import Path

from ..erreurs import ParametreInvalide

LANGUES: tuple[str, ...] = ("fr", "en", "es")

_LANGUES_DIR = Path(__file__).resolve().parent / "langues"


def _charger() -> dict[str, dict[str, str]]:
    """Les libellés, {clé: {langue: texte}}, lus dans ``langues/<langue>.json`` (un fichier par langue)."""
    par_langue = {lg: json.loads((_LANGUES_DIR / f"{lg}.json").read_text(encoding="utf-8")) for lg in LANGUES}
    cles = dict.fromkeys(c for textes in par_langue.values() for c in textes)
    return {c: {lg: par_langue[lg][c] for lg in LANGUES if c in par_langue[lg]} for c in cles}


# Libellés des valeurs du schéma, de la carte, des figures et du rapport.
VOCABULAIRE: dict[str, dict[str, str]] = _charger()


def verifier_langue(langue: str) -> str:
    """La langue si elle est prise en charge, sinon une erreur claire."""
    if langue not in LANGUES:
        raise ParametreInvalide(f"langue « {langue} » non prise en charge — attendu : {', '.join(LANGUES)}")
    return langue


def traduire(valeur: str, langue: str = "fr") -> str:
    """Le libellé d'une valeur de vocabulaire ; la valeur elle-même si elle est inconnue.

    >>> traduire("regionale"), traduire("regionale", "en"), traduire("Outaouais", "es")
    ('régionale', 'regional', 'Outaouais')
    """
    return VOCABULAIRE.get(valeur, {}).get(verifier_langue(langue), valeur)


def libelle(cle: str, langue: str = "fr", **valeurs: object) -> str:
    """Le libellé traduit, complété par ``valeurs`` (``{nom}`` dans le texte).

    >>> libelle("fig_n_org", "en", n=3)
    '3 org.'
    """
    texte = traduire(cle, langue)
    return texte.format(**valeurs) if valeurs else texte


def nombre(valeur: float, langue: str = "fr", decimales: int = 0) -> str:
    """Un nombre écrit à la manière de la langue (séparateurs de milliers et décimales).

    >>> nombre(0.256, "fr", 2), nombre(1234.5, "en", 1), nombre(3, "es")
    ('0,26', '1,234.5', '3')
    """
    texte = f"{valeur:,.{decimales}f}"
    if verifier_langue(langue) == "en":
        return texte
    return texte.replace(",", "\u202f").replace(".", ",")


def pourcentage(part: float, langue: str = "fr") -> str:
    """Une part (entre 0 et 1) en pourcentage arrondi, à la manière de la langue.

    >>> pourcentage(0.8125, "en"), pourcentage(0.5, "fr") == "50\\u202f%"
    ('81%', True)
    """
    valeur = nombre(round(100 * part), langue)
    return f"{valeur}%" if langue == "en" else f"{valeur}\u202f%"
