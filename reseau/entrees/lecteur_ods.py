"""Lecteur ODS (LibreOffice Calc, OpenDocument) : mêmes feuilles que le classeur XLSX du contrat.

Lu sans dépendance : l'archive est un zip dont ``content.xml`` décrit les feuilles.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..erreurs import Probleme
from .lecture import Table, texte_cellule

MIME_ODS = "application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXTE = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# Au-delà, une répétition de cellules ou de lignes vides n'est que du remplissage de fin de feuille.
_REPETITION_MAX = 1000


def est_ods(chemin: Path) -> bool:
    """Vrai si ``chemin`` est une archive OpenDocument tableur (lu au contenu, pas à l'extension)."""
    try:
        with zipfile.ZipFile(chemin) as archive:
            return archive.read("mimetype").decode("ascii", "replace").strip() == MIME_ODS
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _valeur(cellule: ElementTree.Element) -> str:
    genre = cellule.get(f"{{{_OFFICE}}}value-type")
    if genre in ("float", "percentage", "currency"):
        return texte_cellule(float(cellule.get(f"{{{_OFFICE}}}value", "0")))
    if genre == "boolean":
        return texte_cellule(cellule.get(f"{{{_OFFICE}}}boolean-value") == "true")
    if genre == "date":
        return cellule.get(f"{{{_OFFICE}}}date-value", "")
    return "\n".join("".join(p.itertext()) for p in cellule.iter(f"{{{_TEXTE}}}p"))


def _lignes(feuille: ElementTree.Element) -> list[list[str]]:
    lignes: list[list[str]] = []
    for ligne in feuille.iter(f"{{{_TABLE}}}table-row"):
        cellules: list[str] = []
        for cellule in ligne:
            if cellule.tag not in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
                continue
            valeur = _valeur(cellule)
            repete = int(cellule.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
            cellules.extend([valeur] * (min(repete, _REPETITION_MAX) if valeur else min(repete, 1)))
        while cellules and not cellules[-1].strip():
            cellules.pop()
        repete = int(ligne.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
        lignes.extend([cellules] * (min(repete, _REPETITION_MAX) if cellules else min(repete, 1)))
    return lignes


def lire_feuilles_ods(chemin: Path) -> tuple[dict[str, list[list[str]]], list[Probleme]]:
    """Les feuilles d'un classeur ODS : {nom: lignes de cellules texte}."""
    fichier = str(chemin)
    try:
        with zipfile.ZipFile(chemin) as archive:
            racine = ElementTree.fromstring(archive.read("content.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        return {}, [Probleme(fichier, None, None, None,
                             f"classeur ODS illisible ({type(exc).__name__}) — réenregistrez-le depuis LibreOffice")]
    return {f.get(f"{{{_TABLE}}}name", ""): _lignes(f) for f in racine.iter(f"{{{_TABLE}}}table")}, []


def table_feuille(fichier: str, nom: str, lignes: list[list[str]]) -> Table:
    """Une feuille en table : première ligne non vide = en-têtes, numéros de ligne du tableur."""
    table = Table(f"{fichier} [{nom}]")
    for numero, cellules in enumerate(lignes, start=1):
        if not any(c.strip() for c in cellules):
            continue
        if not table.entetes:
            table.entetes = [c.strip() for c in cellules]
        else:
            table.lignes.append((numero, cellules))
    return table
