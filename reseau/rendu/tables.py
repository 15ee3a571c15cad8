"""Mise en forme des analyses (``analyser``, ``regions``, ``portee``, ``chemin``) : table, CSV, JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from .._fichiers import en_csv, en_json, propre
from ..analyse.mesures import IDENTITE, MESURES
from ..entrees.schema import ECHELLES
from ..erreurs import verifier_choix
from .libelles import nom_court

if TYPE_CHECKING:
    import pandas

FORMATS_TABLE = ("table", "csv", "json")

# Organisations (et pays) cités au plus par saut dans la table de portée.
CITEES_PAR_SAUT = 8


def _verifier(format: str) -> None:
    verifier_choix("format", format, FORMATS_TABLE)


def _texte(valeur: Any) -> str:
    """Texte d'une cellule du terminal : 4 chiffres significatifs, « oui »/« non »."""
    valeur = propre(valeur)
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, float):
        return f"{valeur:.4g}" if abs(valeur) < 1e6 else f"{valeur:.0f}"
    if isinstance(valeur, list):
        return ", ".join(_texte(v) for v in valeur)
    return str(valeur)


def en_table(lignes: Sequence[dict], colonnes: Sequence[str]) -> str:
    """Table alignée pour le terminal.

    >>> print(en_table([{"id": "a", "degre": 2}], ["id", "degre"]))
    id  degre
    --  -----
    a   2
    """
    cellules = [[_texte(ligne.get(c)) for c in colonnes] for ligne in lignes]
    largeurs = [max([len(c), *(len(r[i]) for r in cellules)]) for i, c in enumerate(colonnes)]
    rangees = [list(colonnes), ["-" * n for n in largeurs], *cellules]
    return "\n".join("  ".join(v.ljust(n) for v, n in zip(r, largeurs)).rstrip() for r in rangees)


def formater(lignes: Sequence[dict], colonnes: Sequence[str], format: str, enveloppe: str | None = None) -> str:
    """Met des lignes au format ``table``, ``csv`` ou ``json`` (sous la clé ``enveloppe``)."""
    _verifier(format)
    if format == "table":
        return en_table(lignes, colonnes)
    if format == "csv":
        return en_csv(lignes, colonnes)
    donnees = [{c: ligne.get(c) for c in colonnes} for ligne in lignes]
    return en_json({enveloppe: donnees} if enveloppe else donnees)


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
    from .diagnostics import COLONNES

    return formater(enregistrements(table), list(COLONNES), format, "regions")


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
                + " → ".join(nom_court(G.nodes[y], y) for y in chemin))
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

    def nom(x: Any) -> str:
        return nom_court(G.nodes[x], x)

    entete = (f"{n} plus court{'s' if n > 1 else ''} chemin{'s' if n > 1 else ''} de {liens} "
              f"lien{'s' if liens > 1 else ''} entre {nom(depart)} et {nom(arrivee)} :")
    return "\n".join([entete, *(f"  {i}. " + " → ".join(nom(x) for x in c) for i, c in enumerate(trouves, start=1))])
