"""Ce qu'un lecteur de format rend : des tables brutes et ce qu'il a remarqué.

Chaque lecteur (``lecteur_*.py``, ``essglobal.py``, ``lecture.py``) ramène son format à une
ou deux tables de cellules texte (``organisations``, ``partenariats``) ; la préparation
(:mod:`reseau.entrees.preparation`) les met ensuite au schéma du contrat.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ..erreurs import Probleme
from .lecture import Table


@dataclass
class Lu:
    """Un jeu lu : tables brutes, problèmes bloquants et avertissements de lecture.

    ``format`` nomme le format reconnu ; ``contrat`` dit si le format parle le vocabulaire du
    contrat (types, échelles) : sinon un type inconnu devient ``autre`` et une échelle absente
    ``locale``, avec avertissement, et le pays est facultatif.
    """

    format: str
    tables: dict[str, Table] = field(default_factory=dict)
    problemes: list[Probleme] = field(default_factory=list)
    avertissements: list[Probleme] = field(default_factory=list)
    contrat: bool = True
    # Colonnes produites par un logiciel (mesures d'un export de reseau…) : ignorées en silence.
    calculees: frozenset[str] = frozenset()
    # En-têtes déjà exploités par le lecteur (ESSGlobal : Organisational Structure…) : pas signalés.
    lues: frozenset[str] = frozenset()
    # En-tête d'une colonne qui liste les réseaux de chaque organisation (ESSGlobal : Memberships).
    adhesions: str | None = None


def probleme(fichier: str, message: str, colonne: str | None = None, ligne: int | None = None) -> Probleme:
    """Un problème (ou avertissement) situé au plus près."""
    return Probleme(fichier, ligne, colonne, None, message)


def racine_xml(chemin: Path, lu: Lu) -> ElementTree.Element | None:
    """L'élément racine d'un fichier XML (GraphML, GEXF) ; s'il est illisible, un problème dans ``lu``."""
    try:
        return ElementTree.parse(chemin).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        lu.problemes.append(probleme(str(chemin), f"{lu.format} illisible ({exc}) — un XML {lu.format} valide est attendu"))
        return None


def texte_valeur(valeur: object) -> str:
    """Texte d'une valeur d'attribut : vide pour ``None``, listes « a; b », nombres sans ``.0``.

    >>> texte_valeur(None), texte_valeur(2.0), texte_valeur(["a", "b"]), texte_valeur(True)
    ('', '2', 'a; b', 'vrai')
    """
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "vrai" if valeur else "faux"
    if isinstance(valeur, float):
        return str(int(valeur)) if valeur.is_integer() else repr(valeur)
    if isinstance(valeur, (list, tuple)):
        return "; ".join(texte_valeur(v) for v in valeur)
    if isinstance(valeur, dict):
        return json.dumps(valeur, ensure_ascii=False)
    return str(valeur)


def table_enregistrements(fichier: str, enregistrements: list[tuple[int, dict[str, object]]]) -> Table:
    """Une table brute depuis des enregistrements ``(numéro, {attribut: valeur})``.

    Les colonnes sont les attributs, dans leur ordre d'apparition.

    >>> t = table_enregistrements("f", [(2, {"id": "a", "poids": 2.0}), (3, {"id": "b", "x": None})])
    >>> t.entetes, t.lignes
    (['id', 'poids', 'x'], [(2, ['a', '2', '']), (3, ['b', '', ''])])
    """
    colonnes: dict[str, None] = {}
    for _, attributs in enregistrements:
        colonnes.update(dict.fromkeys(attributs))
    entetes = list(colonnes)
    lignes = [(n, [texte_valeur(attributs.get(c)) for c in entetes]) for n, attributs in enregistrements]
    return Table(fichier, entetes, lignes)
