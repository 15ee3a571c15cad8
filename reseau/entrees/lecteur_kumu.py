"""Lecteur Kumu : classeur à feuilles ``Elements`` et ``Connections`` (XLSX, ODS ou deux CSV).

Format public de Kumu (dépôt ``kumu/docs``, ``guides/import/import.md``) : ``Label`` en
première colonne des éléments (ou ``ID``), ``From`` et ``To`` pour les connexions ; plusieurs
éléments dans ``To`` séparés par ``|`` ; ``Direction`` (``directed``, ``mutual``,
``undirected``) ; ``Strength`` libre (gardée comme poids si c'est un nombre).
"""

from __future__ import annotations

from collections import Counter

from .lecture import Table
from .schema import cle
from .sources import Lu, probleme
from .validation import lire_nombre

FEUILLE_ELEMENTS = "elements"
FEUILLE_CONNEXIONS = "connections"


def est_kumu(feuilles: list[str]) -> bool:
    """Vrai si les feuilles sont celles d'un classeur Kumu.

    >>> est_kumu(["Elements", "Connections"]), est_kumu(["organisations"])
    (True, False)
    """
    formes = {cle(f) for f in feuilles}
    return FEUILLE_ELEMENTS in formes or FEUILLE_CONNEXIONS in formes


def _colonne(table: Table, nom: str) -> int | None:
    return next((i for i, e in enumerate(table.entetes) if cle(e) == nom), None)


def lire_kumu(feuilles: dict[str, Table], fichier: str) -> Lu:
    """Tables brutes d'un classeur Kumu déjà lu (feuilles → tables)."""
    lu = Lu("Kumu", contrat=False)
    par_forme = {cle(nom): table for nom, table in feuilles.items() if "ignore" not in cle(nom)}
    elements = par_forme.get(FEUILLE_ELEMENTS)
    connexions = par_forme.get(FEUILLE_CONNEXIONS)
    if elements is None:
        lu.problemes.append(probleme(fichier, f"classeur Kumu sans feuille « Elements » (feuilles : {', '.join(feuilles)})"))
        return lu
    if _colonne(elements, "id") is not None and _colonne(elements, "label") is not None:
        # ID et Label : l'ID identifie, le Label nomme.
        elements.entetes[_colonne(elements, "label")] = "nom"  # type: ignore[index]
    lu.tables["organisations"] = elements
    if connexions is None:
        return lu
    vers = _colonne(connexions, "to")
    direction = _colonne(connexions, "direction")
    force = _colonne(connexions, "strength")
    libelle = _colonne(connexions, "label")
    if libelle is not None:
        connexions.entetes[libelle] = "description"
    textes: Counter = Counter()
    lignes = []
    for numero, cellules in connexions.lignes:
        cellules = list(cellules) + [""] * (len(connexions.entetes) - len(cellules))
        if direction is not None:
            sens = cle(cellules[direction])
            cellules[direction] = "vrai" if sens == "directed" else "faux" if sens else ""
        if force is not None and cellules[force].strip() and lire_nombre(cellules[force]) is None:
            textes[cellules[force].strip()] += 1
            cellules[force] = ""
        cibles = [c.strip() for c in cellules[vers].split("|")] if vers is not None else [""]
        for cible in cibles or [""]:
            copie = list(cellules)
            if vers is not None:
                copie[vers] = cible
            lignes.append((numero, copie))
    if textes:
        lu.avertissements.append(probleme(
            connexions.fichier, "Strength non numérique ignorée (le poids reste 1) : "
            + ", ".join(f"« {v} » ({n})" for v, n in textes.most_common()), colonne="Strength",
        ))
    lu.tables["partenariats"] = Table(connexions.fichier, connexions.entetes, lignes)
    return lu
