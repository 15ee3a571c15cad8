"""Mise en forme des analyses (``analyser``, ``regions``, ``portee``, ``chemin``) : table, CSV, JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from .._fichiers import FORMATS_TABLE, en_json, en_table, formater
from ..analyse.mesures import IDENTITE, MESURES
from ..entrees.schema import ECHELLES
from ..erreurs import ParametreInvalide

if TYPE_CHECKING:
    import pandas

# Organisations (et pays) cités au plus par saut dans la table de portée.
CITEES_PAR_SAUT = 8


def _verifier(format: str) -> None:
    if format not in FORMATS_TABLE:
        raise ParametreInvalide(f"format « {format} » inconnu — attendu : {', '.join(FORMATS_TABLE)}")


def enregistrements(table: pandas.DataFrame) -> list[dict[str, Any]]:
    """Les lignes d'une table en dictionnaires, valeurs manquantes (NA, NaN) à ``None``.

    >>> import pandas as pd
    >>> enregistrements(pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": [0.5, float("nan")]}))
    [{'a': 1, 'b': 0.5}, {'a': None, 'b': None}]
    """
    objets = table.astype(object)
    return objets.where(table.notna(), None).to_dict("records")


def texte_analyse(resume: dict[str, Any], table: pandas.DataFrame, format: str) -> str:
    """``analyser`` : résumé puis organisations par intermédiarité décroissante (table),
    organisations seules (CSV), ou ``{"reseau": …, "organisations": […]}`` (JSON)."""
    _verifier(format)
    if format == "json":
        return en_json({"reseau": resume, "organisations": enregistrements(table)})
    if format == "csv":
        return formater(enregistrements(table), IDENTITE + MESURES, "csv")
    valeurs = [{"mesure": cle, "valeur": v} for cle, v in resume.items() if cle != "matrice_echelles"]
    matrice = [{"echelle": a, **ligne} for a, ligne in resume["matrice_echelles"].items()]
    triee = table.sort_values("intermediarite", ascending=False, kind="stable")
    return "\n\n".join((
        "Réseau\n" + en_table(valeurs, ["mesure", "valeur"]),
        "Partenariats entre échelles\n" + en_table(matrice, ["echelle", *ECHELLES]),
        "Organisations, par intermédiarité décroissante\n"
        + en_table(enregistrements(triee), ["id", "sigle", "echelle", "pays", *MESURES]),
    ))


def texte_regions(table: pandas.DataFrame, format: str) -> str:
    """``regions`` : le classement ; en JSON ``{"regions": […]}``."""
    _verifier(format)
    return formater(enregistrements(table), list(table.columns), format, "regions")


def _nom(G: nx.MultiGraph, x: Any) -> str:
    d = G.nodes[x]
    return d.get("sigle") or d.get("nom") or str(x)


def _liste(valeurs: list, limite: int | None = None) -> str:
    textes = [str(v) for v in valeurs]
    if limite is not None and len(textes) > limite:
        return ", ".join(textes[:limite]) + f"… (+{len(textes) - limite})"
    return ", ".join(textes)


def texte_portee(G: nx.MultiGraph, resultat: dict[str, Any], format: str) -> str:
    """``portee`` : une ligne par saut (table, CSV) ; le dictionnaire complet en JSON."""
    _verifier(format)
    if format == "json":
        return en_json(resultat)
    colonnes = ["saut", "nouvelles", "organisations_cumulees", "echelles", "pays",
                "echelles_cumulees", "pays_cumules", "organisations"]
    lignes = [{**s, "nouvelles": len(s["organisations"])} for s in resultat["sauts"]]
    if format == "csv":
        return formater(lignes, colonnes, "csv")
    for ligne in lignes:
        ligne["organisations"] = _liste(ligne["organisations"], CITEES_PAR_SAUT)
        ligne["pays"] = _liste(ligne["pays"], CITEES_PAR_SAUT)
    colonnes = ["saut", "nouvelles", "organisations_cumulees", "echelles", "pays", "organisations"]
    x = resultat["organisation"]
    titre = resultat["nom"] or str(x)
    if resultat["sigle"]:
        titre = f"{resultat['sigle']} — {titre}"
    entete = f"{titre} ({x} ; {resultat['echelle']}, {resultat['pays']})"
    atteintes = resultat["organisations_atteintes"]
    bilan = (f"Atteint {atteintes} organisation{'s' if atteintes > 1 else ''}, "
             f"échelles : {_liste(resultat['echelles_atteintes'])} ; "
             f"{len(resultat['pays_atteints'])} pays : {_liste(resultat['pays_atteints'], 20)}.")
    chemin = resultat["chemin_international"]
    if chemin is None:
        vers = "Aucune organisation internationale atteignable."
    elif len(chemin) == 1:
        vers = "C'est elle-même une organisation internationale."
    else:
        liens = len(chemin) - 1
        vers = (f"Plus court chemin vers l'international ({liens} lien{'s' if liens > 1 else ''}) : "
                + " → ".join(_nom(G, y) for y in chemin))
    table = en_table(lignes, colonnes) if lignes else "Aucun partenaire."
    return "\n\n".join((entete, table, bilan + "\n" + vers))


def texte_chemins(G: nx.MultiGraph, trouves: list[list[Any]], format: str) -> str:
    """``chemin`` : les plus courts chemins, un par ligne (table) ou une ligne par étape (CSV)."""
    _verifier(format)
    depart, arrivee = trouves[0][0], trouves[0][-1]
    liens = len(trouves[0]) - 1
    if format == "json":
        return en_json({"de": depart, "vers": arrivee, "liens": liens, "chemins": trouves})
    if format == "csv":
        colonnes = ["chemin", "etape", "id", "sigle", "nom", "echelle", "pays"]
        lignes = [
            {"chemin": i, "etape": j, "id": x, **{c: G.nodes[x].get(c) for c in colonnes[3:]}}
            for i, chemin in enumerate(trouves, start=1) for j, x in enumerate(chemin)
        ]
        return formater(lignes, colonnes, "csv")
    n = len(trouves)
    entete = (f"{n} plus court{'s' if n > 1 else ''} chemin{'s' if n > 1 else ''} de {liens} "
              f"lien{'s' if liens > 1 else ''} entre {_nom(G, depart)} et {_nom(G, arrivee)} :")
    return "\n".join([entete, *(f"  {i}. " + " → ".join(_nom(G, x) for x in c) for i, c in enumerate(trouves, start=1))])
