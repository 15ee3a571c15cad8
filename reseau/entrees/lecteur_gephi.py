"""Lecteur des CSV de Gephi (laboratoire de données) : une table des nœuds, une table des liens.

Nœuds : ``Id`` (ou ``ID``), ``Label`` et des attributs ; liens : ``Source``, ``Target``,
``Type`` (le sens : ``Directed``/``Undirected``, pas un type de partenariat), ``Weight``, et
le temps des liens dynamiques (``Timestamp``, ``Timeset`` ou ``Interval`` : ``[2006, 2007]``,
``<[2006.0, 2022.0]>``…), qui donne ``debut`` et ``fin`` (première et dernière année) quand le
fichier n'a pas ces colonnes. Reconnus aux en-têtes ; les deux fichiers sont dans un même
dossier, ou le fichier de liens est à côté du fichier de nœuds donné.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..erreurs import Probleme
from .lecture import Table, lire_csv, lire_entetes
from .schema import ALIAS_ORGANISATIONS, ALIAS_PARTENARIATS, associer_entetes, cle
from .sources import Lu, probleme


def est_noeuds_gephi(entetes: list[str]) -> bool:
    """Table des nœuds de Gephi : ``Id`` et ``Label``.

    >>> est_noeuds_gephi(["ID", "Label", "node_type"]), est_noeuds_gephi(["id", "nom", "type"])
    (True, False)
    """
    formes = [cle(e) for e in entetes]
    return "id" in formes and "label" in formes


def est_liens_gephi(entetes: list[str]) -> bool:
    """Table des liens de Gephi : ``Source`` et ``Target``.

    >>> est_liens_gephi(["Source", "Target", "Type", "Weight"])
    True
    """
    formes = [cle(e) for e in entetes]
    return "source" in formes and "target" in formes


def trouver(chemin: Path) -> tuple[Path | None, Path | None]:
    """Les fichiers de nœuds et de liens de Gephi désignés par ``chemin`` (fichier ou dossier)."""
    candidats = sorted(chemin.iterdir()) if chemin.is_dir() else [chemin, *sorted(chemin.parent.iterdir())]
    noeuds = liens = None
    for candidat in candidats:
        if not candidat.is_file() or candidat.suffix.lower() not in (".csv", ".txt"):
            continue
        entetes = lire_entetes(candidat, ALIAS_ORGANISATIONS)
        if noeuds is None and est_noeuds_gephi(entetes):
            noeuds = candidat
        elif liens is None and est_liens_gephi(lire_entetes(candidat, ALIAS_PARTENARIATS)):
            liens = candidat
    return noeuds, liens


def _sens(table: Table) -> Table:
    """La colonne ``Type`` de Gephi (le sens d'un lien) devient ``oriente``."""
    entetes = list(table.entetes)
    for i, entete in enumerate(entetes):
        if cle(entete) == "type":
            entetes[i] = "oriente"
            lignes = []
            for numero, cellules in table.lignes:
                copie = list(cellules)
                if i < len(copie):
                    copie[i] = "vrai" if cle(copie[i]) == "directed" else "faux"
                lignes.append((numero, copie))
            return replace(table, entetes=entetes, lignes=lignes)
    return table


_TEMPS = ("timestamp", "timestamps", "timeset", "interval")
_NOMBRE = re.compile(r"-?\d+(?:\.\d+)?")


def annees(cellule: str) -> tuple[str, str]:
    """Première et dernière année d'un temps de Gephi (ensemble d'instants ou intervalles).

    >>> annees("[2006, 2007, 2008]"), annees("<[2006.0, 2022.0]>"), annees("<[2001, 2003]; [2010, 2012]>"), annees("")
    (('2006', '2008'), ('2006', '2022'), ('2001', '2012'), ('', ''))
    """
    trouves = [int(float(x)) for x in _NOMBRE.findall(cellule)]
    return (str(min(trouves)), str(max(trouves))) if trouves else ("", "")


def _periode(table: Table) -> Table:
    """La colonne de temps de Gephi devient ``debut`` et ``fin``, sauf si le fichier les a déjà."""
    if {"debut", "fin"} & associer_entetes(table.entetes, ALIAS_PARTENARIATS).keys():
        return table
    i = next((k for k, entete in enumerate(table.entetes) if cle(entete) in _TEMPS), None)
    if i is None:
        return table
    entetes = [*table.entetes[:i], "debut", *table.entetes[i + 1:], "fin"]
    lignes = []
    for numero, cellules in table.lignes:
        debut, fin = annees(cellules[i]) if i < len(cellules) else ("", "")
        complet = cellules + [""] * (len(table.entetes) - len(cellules))
        lignes.append((numero, [*complet[:i], debut, *complet[i + 1:], fin]))
    return replace(table, entetes=entetes, lignes=lignes)


def lire_gephi(noeuds: Path | None, liens: Path | None) -> Lu:
    """Tables brutes des CSV de Gephi."""
    lu = Lu("CSV de Gephi", contrat=False)
    if noeuds is not None:
        lu_noeuds = lire_csv(noeuds, str(noeuds), ALIAS_ORGANISATIONS)
        if isinstance(lu_noeuds, Probleme):
            lu.problemes.append(lu_noeuds)
        else:
            lu.tables["organisations"] = lu_noeuds
    if liens is not None:
        lu_liens = lire_csv(liens, str(liens), ALIAS_PARTENARIATS)
        if isinstance(lu_liens, Probleme):
            lu.problemes.append(lu_liens)
        else:
            lu.tables["partenariats"] = _periode(_sens(lu_liens))
    if noeuds is None and liens is not None:
        lu.problemes.append(probleme(
            str(liens), "table des liens de Gephi sans table des nœuds (Id, Label) à côté — exportez aussi les nœuds",
        ))
    return lu
