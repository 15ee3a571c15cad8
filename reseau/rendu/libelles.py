"""Libellés affichés (carte, figures, rapport) en français, anglais, espagnol et portugais."""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

from ..erreurs import verifier_choix

LANGUES: tuple[str, ...] = ("fr", "en", "es", "pt")

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
    return verifier_choix("langue", langue, LANGUES)


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


def nom_court(donnees: Mapping[str, Any], x: Hashable) -> str:
    """Le nom court d'une organisation : son sigle, sinon son nom, sinon son identifiant.

    >>> nom_court({"sigle": "GESQ", "nom": "Groupe d'économie solidaire du Québec"}, "gesq"), nom_court({}, "x")
    ('GESQ', 'x')
    """
    return str(donnees.get("sigle") or donnees.get("nom") or x)


def abreger(texte: str, longueur: int = 32) -> str:
    """Le texte sur une ligne, coupé proprement à un mot près s'il est trop long.

    >>> abreger("Réseau intercontinental de promotion de l'économie sociale solidaire", 30)
    'Réseau intercontinental de…'
    >>> abreger("  RIPESS\\n Europe ")
    'RIPESS Europe'
    """
    texte = " ".join(str(texte).split())
    if len(texte) <= longueur:
        return texte
    coupe = texte[: longueur - 1]
    if " " in coupe:
        coupe = coupe.rsplit(" ", 1)[0]
    return coupe.rstrip(" ,;:–-(/'’") + "…"


def nom_groupe(cle: str, par: str, langue: str = "fr") -> str:
    """Le libellé d'un groupe de la vue agrégée : « Outaouais (Canada) », « Canada », « locale ».

    Une organisation sans région appartient à la région vide de son pays, nommée comme le pays.

    >>> nom_groupe("CA/Outaouais", "region"), nom_groupe("SN/", "region", "es"), nom_groupe("locale", "echelle", "en")
    ('Outaouais (Canada)', 'Senegal', 'local')
    """
    from ..entrees.geographie import nom_pays

    if par == "region":
        pays, _, region = cle.partition("/")
        region = region_seule(pays, region)
        return f"{region} ({nom_pays(pays, langue)})" if region else nom_pays(pays, langue)
    if par == "pays":
        return nom_pays(cle, langue)
    return traduire(cle, langue)


def region_seule(pays: str, region: str) -> str:
    """La région, ou ``""`` si elle ne fait que nommer le pays.

    >>> region_seule("CA", "Outaouais"), region_seule("CA", "Canada"), region_seule("SN", "")
    ('Outaouais', '', '')
    """
    from ..entrees.geographie import referentiel

    fiche = referentiel().pays.get(pays)
    return "" if fiche and region in (fiche.nom_fr, fiche.nom_en, fiche.nom_es, fiche.code) else region
