"""Lecteur GEXF (Gephi) : nœuds → organisations, arêtes → partenariats.

Attributs déclarés (``<attributes>``) résolus par leur titre ; ``label`` du nœud → nom ;
``weight`` → poids ; l'attribut ``type_partenariat`` des exports de reseau → type ; le sens
(``defaultedgetype``, ``type`` d'une arête) → ``oriente`` ; ``viz`` ignoré.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from .sources import Lu, probleme, racine_xml, table_enregistrements


def _local(balise: str) -> str:
    return balise.rpartition("}")[2]


def _sous(element: ElementTree.Element, nom: str) -> list[ElementTree.Element]:
    return [e for e in element if _local(e.tag) == nom]


def est_gexf(debut: str) -> bool:
    """Vrai si le début du fichier est celui d'un document GEXF."""
    return "<gexf" in debut


def _attributs(
    element: ElementTree.Element, titres: dict[str, str], defauts: dict[str, str] | None = None
) -> dict[str, object]:
    valeurs: dict[str, object] = dict(defauts or {})
    for bloc in _sous(element, "attvalues"):
        for valeur in _sous(bloc, "attvalue"):
            cle = valeur.get("for") or valeur.get("id") or ""
            valeurs[titres.get(cle, cle)] = valeur.get("value", "")
    return valeurs


def lire_gexf(chemin: Path) -> Lu:
    """Lit un GEXF en deux tables brutes."""
    fichier = str(chemin)
    lu = Lu("GEXF", contrat=False)
    racine = racine_xml(chemin, lu)
    if racine is None:
        return lu
    graphe = next(iter(_sous(racine, "graph")), None)
    if graphe is None:
        lu.problemes.append(probleme(fichier, "GEXF sans élément <graph> — aucun réseau à lire"))
        return lu
    titres: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    defauts: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for bloc in _sous(graphe, "attributes"):
        classe = bloc.get("class", "node")
        for attribut in _sous(bloc, "attribute"):
            titre = attribut.get("title") or attribut.get("id") or ""
            titres.setdefault(classe, {})[attribut.get("id") or ""] = titre
            for defaut in _sous(attribut, "default"):
                defauts.setdefault(classe, {})[titre] = (defaut.text or "").strip()
    oriente_defaut = graphe.get("defaultedgetype", "undirected") == "directed"
    noeuds: list[tuple[int, dict[str, object]]] = []
    for bloc in _sous(graphe, "nodes"):
        for numero, noeud in enumerate(_sous(bloc, "node"), start=len(noeuds) + 1):
            attributs = {"id": noeud.get("id", ""), "label": noeud.get("label", ""),
                         **_attributs(noeud, titres["node"], defauts["node"])}
            noeuds.append((numero, attributs))
    aretes: list[tuple[int, dict[str, object]]] = []
    for bloc in _sous(graphe, "edges"):
        for numero, arete in enumerate(_sous(bloc, "edge"), start=len(aretes) + 1):
            attributs = _attributs(arete, titres["edge"], defauts["edge"])
            attributs.pop("id", None)
            attributs.pop("networkx_key", None)  # clé de multigraphe écrite par networkx
            if "type_partenariat" in attributs:
                attributs["type"] = attributs.pop("type_partenariat")
            sens = arete.get("type")
            attributs.setdefault("weight", arete.get("weight"))
            aretes.append((numero, {
                "source": arete.get("source", ""), "cible": arete.get("target", ""), **attributs,
                "oriente": attributs.get("oriente") or ("vrai" if (sens == "directed" if sens else oriente_defaut) else "faux"),
            }))
    organisations = table_enregistrements(f"{fichier} [nœuds]", noeuds)
    lu.tables["organisations"] = organisations
    lu.tables["partenariats"] = table_enregistrements(f"{fichier} [arêtes]", aretes)
    if not noeuds:
        lu.problemes.append(probleme(fichier, "GEXF sans nœud — aucune organisation"))
    if {"precision", "nom", "echelle"} <= set(organisations.entetes):
        # Un export de reseau : « label » répète le nom ; les mesures sont recalculées.
        lu.format, lu.contrat = "reseau (export GEXF)", True
        lu.calculees = frozenset(organisations.entetes) | {"weight"}
        for i, entete in enumerate(organisations.entetes):
            if entete == "label":
                organisations.entetes[i] = "libelle_gephi"
        lu.calculees |= {"libelle_gephi"}
    return lu
