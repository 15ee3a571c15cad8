"""Lecteur GraphML : nœuds → organisations, arêtes → partenariats.

Tolérant : les clés sont résolues par (``for``, ``id``) — des fichiers réels déclarent deux
clés de même ``id`` pour les nœuds et les arêtes —, les valeurs par défaut des clés sont
appliquées, et l'orientation (``edgedefault``, ``directed``) devient la colonne ``oriente``.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from .sources import Lu, probleme, racine_xml, table_enregistrements


def _local(balise: str) -> str:
    return balise.rpartition("}")[2]


def _enfants(element: ElementTree.Element, nom: str) -> list[ElementTree.Element]:
    return [e for e in element if _local(e.tag) == nom]


def _donnees(element: ElementTree.Element, cles: dict[str, tuple[str, str | None]]) -> dict[str, object]:
    attributs: dict[str, object] = {nom: defaut for nom, defaut in cles.values() if defaut is not None}
    for donnee in _enfants(element, "data"):
        nom, _ = cles.get(donnee.get("key", ""), (donnee.get("key", ""), None))
        attributs[nom] = (donnee.text or "").strip()
    return attributs


def est_graphml(debut: str) -> bool:
    """Vrai si le début du fichier est celui d'un document GraphML.

    >>> est_graphml('<?xml version="1.0"?>\\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">')
    True
    """
    return "<graphml" in debut


def lire_graphml(chemin: Path) -> Lu:
    """Lit un GraphML en deux tables brutes (attributs tels quels, en-têtes = noms des clés)."""
    fichier = str(chemin)
    lu = Lu("GraphML", contrat=False)
    racine = racine_xml(chemin, lu)
    if racine is None:
        return lu
    cles: dict[str, dict[str, tuple[str, str | None]]] = {"node": {}, "edge": {}, "graph": {}}
    for cle in _enfants(racine, "key"):
        nom: str = cle.get("attr.name") or cle.get("id") or ""
        defaut = next((d.text for d in _enfants(cle, "default")), None)
        pour = cle.get("for", "all")
        for genre in cles if pour == "all" else (pour,):
            if genre in cles:
                cles[genre][cle.get("id", "")] = (nom, defaut)
    graphes = _enfants(racine, "graph")
    if not graphes:
        lu.problemes.append(probleme(fichier, "GraphML sans élément <graph> — aucun réseau à lire"))
        return lu
    graphe = graphes[0]
    oriente_defaut = graphe.get("edgedefault", "undirected") == "directed"
    infos = _donnees(graphe, cles["graph"])
    noeuds = []
    for numero, noeud in enumerate(_enfants(graphe, "node"), start=1):
        noeuds.append((numero, {"id": noeud.get("id", ""), **_donnees(noeud, cles["node"])}))
    aretes = []
    for numero, arete in enumerate(_enfants(graphe, "edge"), start=1):
        oriente = arete.get("directed")
        attributs = _donnees(arete, cles["edge"])
        for cle_id in ("id", "partenariat"):  # id de partenariat d'un export (et sa copie pour igraph) : régénéré
            attributs.pop(cle_id, None)
        aretes.append((numero, {
            "source": arete.get("source", ""), "cible": arete.get("target", ""),
            **attributs,
            "oriente": attributs.get("oriente") or ("vrai" if (oriente == "true" if oriente else oriente_defaut) else "faux"),
        }))
    lu.tables["organisations"] = table_enregistrements(f"{fichier} [nœuds]", noeuds)
    lu.tables["partenariats"] = table_enregistrements(f"{fichier} [arêtes]", aretes)
    if not noeuds:
        lu.problemes.append(probleme(fichier, "GraphML sans nœud — aucune organisation"))
    # Un export de reseau : vocabulaire du contrat, mesures recalculées.
    if "source" in infos and "precision" in lu.tables["organisations"].entetes:
        lu.format, lu.contrat = "reseau (export GraphML)", True
        lu.calculees = frozenset(e for e in lu.tables["organisations"].entetes)
    return lu
