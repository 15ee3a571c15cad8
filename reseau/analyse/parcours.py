"""Parcours du réseau : désigner une organisation, sa portée saut par saut, les plus courts chemins.

Les distances comptent des liens (paires de partenaires) : plusieurs partenariats entre
deux organisations font un seul lien, et les poids n'interviennent pas.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..entrees.schema import ECHELLES, cle, suggerer
from ..erreurs import CheminIntrouvable, DesignationAmbigue, OrganisationIntrouvable, ParametreInvalide

# Candidats cités au plus dans un message d'ambiguïté.
CANDIDATS_CITES = 10


def _fiche(G: nx.MultiGraph, x: Any) -> str:
    """« id (SIGLE, Nom) » pour les messages."""
    d = G.nodes[x]
    details = [v for v in (d.get("sigle"), d.get("nom")) if v]
    return f"{x} ({', '.join(details)})" if details else str(x)


def designer(G: nx.MultiGraph, texte: str) -> Any:
    """L'id de l'organisation désignée par son id, son sigle ou son nom (casse et accents ignorés).

    Un id exact l'emporte ; sinon le sigle ou le nom complet ; à défaut, un morceau de
    nom ou de sigle s'il ne désigne qu'une organisation. Lève
    :class:`~reseau.erreurs.DesignationAmbigue` (candidats listés) ou
    :class:`~reseau.erreurs.OrganisationIntrouvable` (avec une suggestion).

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "gesq", "sigle": "GESQ", "nom": "Groupe d'économie solidaire du Québec"},
    ...                 {"id": "ripess", "sigle": "RIPESS", "nom": "Réseau intercontinental"},
    ...                 {"id": "ripess-eu", "sigle": "RIPESS", "nom": "RIPESS Europe"}], [])
    >>> designer(G, "gesq"), designer(G, "groupe d'economie SOLIDAIRE du quebec"), designer(G, "Europe")
    ('gesq', 'gesq', 'ripess-eu')
    >>> designer(G, "Ripess")
    'ripess'
    >>> designer(G, "réseau")
    'ripess'
    """
    if texte is None or not str(texte).strip():
        raise OrganisationIntrouvable("désignation vide — donnez l'id, le sigle ou le nom d'une organisation")
    forme = cle(str(texte))
    if texte in G:
        return texte
    ids = [x for x in G if cle(str(x)) == forme]
    if len(ids) == 1:
        return ids[0]
    exacts = ids or [x for x, d in G.nodes(data=True) if forme in (cle(d.get("sigle") or ""), cle(d.get("nom") or ""))]
    candidats = exacts or [
        x for x, d in G.nodes(data=True) if forme in cle(d.get("nom") or "") or forme in cle(d.get("sigle") or "")
    ]
    if len(candidats) == 1:
        return candidats[0]
    if candidats:
        cites = "\n".join(f"  - {_fiche(G, x)}" for x in sorted(candidats, key=str)[:CANDIDATS_CITES])
        reste = len(candidats) - CANDIDATS_CITES
        suite = f"\n  … et {reste} autres" if reste > 0 else ""
        raise DesignationAmbigue(
            f"« {texte} » désigne {len(candidats)} organisations — précisez avec l'id :\n{cites}{suite}"
        )
    formes: dict[str, Any] = {}
    for x, d in G.nodes(data=True):
        for valeur in (str(x), d.get("sigle"), d.get("nom")):
            if valeur:
                formes.setdefault(cle(valeur), x)
    proche = suggerer(forme, list(formes))
    suggestion = f" — vouliez-vous dire « {_fiche(G, formes[proche])} » ?" if proche else ""
    raise OrganisationIntrouvable(f"organisation « {texte} » introuvable (ni id, ni sigle, ni nom){suggestion}")


def _verifier_sauts(sauts_max: int | None) -> None:
    if sauts_max is not None and (isinstance(sauts_max, bool) or not isinstance(sauts_max, int) or sauts_max < 0):
        raise ParametreInvalide(f"nombre de sauts « {sauts_max} » invalide — attendu un entier positif ou nul")


def portee(G: nx.MultiGraph, org: str, sauts_max: int | None = None) -> dict[str, Any]:
    """Ce qu'une organisation atteint, saut par saut, et son plus court chemin vers l'international.

    ``org`` : id, sigle ou nom (voir :func:`designer`). ``sauts`` : une entrée par distance
    (1, 2…, jusqu'à ``sauts_max`` ou la dernière atteinte) avec les organisations atteintes à
    ce saut exactement, leurs échelles et pays, et les cumuls (elle comprise pour les
    échelles et les pays). ``chemin_international`` : vers l'organisation internationale la
    plus proche (la première par id à égalité), ``None`` si aucune n'est atteignable.

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "l", "echelle": "locale", "pays": "CA"},
    ...                 {"id": "n", "echelle": "nationale", "pays": "CA"},
    ...                 {"id": "i", "echelle": "internationale", "pays": "SN"}],
    ...                [{"source": "l", "cible": "n"}, {"source": "n", "cible": "i"}])
    >>> p = portee(G, "l")
    >>> [(s["saut"], s["organisations"], s["echelles_cumulees"]) for s in p["sauts"]]
    [(1, ['n'], ['locale', 'nationale']), (2, ['i'], ['locale', 'nationale', 'internationale'])]
    >>> p["sauts_international"], p["chemin_international"]
    (2, ['l', 'n', 'i'])
    """
    _verifier_sauts(sauts_max)
    depart = designer(G, org)
    parent: dict[Any, Any] = {depart: None}
    niveaux: list[list] = []
    frontiere = [depart]
    while frontiere:
        suivante = []
        for u in frontiere:
            for v in G.adj[u]:
                if v not in parent:
                    parent[v] = u
                    suivante.append(v)
        if suivante:
            niveaux.append(suivante)
        frontiere = suivante

    def echelles(noeuds: list | set) -> list[str]:
        presentes = {G.nodes[x].get("echelle") for x in noeuds}
        return [e for e in ECHELLES if e in presentes]

    def pays(noeuds: list | set) -> list[str]:
        return sorted({G.nodes[x].get("pays") for x in noeuds} - {None, ""})

    sauts, cumul = [], {depart}
    for k, noeuds in enumerate(niveaux[:sauts_max] if sauts_max is not None else niveaux, start=1):
        cumul.update(noeuds)
        sauts.append({
            "saut": k,
            "organisations": sorted(noeuds, key=str),
            "echelles": echelles(noeuds),
            "pays": pays(noeuds),
            "organisations_cumulees": len(cumul) - 1,
            "echelles_cumulees": echelles(cumul),
            "pays_cumules": pays(cumul),
        })
    internationales = [[x for x in niveau if G.nodes[x].get("echelle") == "internationale"] for niveau in [[depart], *niveaux]]
    chemin = None
    for niveau in internationales:
        if niveau:
            x = min(niveau, key=str)
            chemin = []
            while x is not None:
                chemin.append(x)
                x = parent[x]
            chemin.reverse()
            break
    d = G.nodes[depart]
    return {
        "organisation": depart,
        "nom": d.get("nom"),
        "sigle": d.get("sigle"),
        "echelle": d.get("echelle"),
        "pays": d.get("pays"),
        "sauts": sauts,
        "organisations_atteintes": len(cumul) - 1,
        "echelles_atteintes": echelles(cumul),
        "pays_atteints": pays(cumul),
        "sauts_international": None if chemin is None else len(chemin) - 1,
        "chemin_international": chemin,
    }


def chemins(G: nx.MultiGraph, a: str, b: str, *, limite: int | None = None) -> list[list[Any]]:
    """Tous les plus courts chemins (en nombre de liens) de ``a`` à ``b``, triés.

    ``a`` et ``b`` : id, sigle ou nom. ``limite`` : au plus ce nombre de chemins (les
    premiers trouvés). Lève :class:`~reseau.erreurs.CheminIntrouvable` s'ils ne sont pas reliés.

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": x} for x in "abcde"],
    ...                [{"source": "a", "cible": "b"}, {"source": "a", "cible": "c"},
    ...                 {"source": "b", "cible": "d"}, {"source": "c", "cible": "d"}])
    >>> chemins(G, "a", "d")
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    >>> chemins(G, "a", "e")
    Traceback (most recent call last):
    ...
    reseau.erreurs.CheminIntrouvable: aucun chemin entre « a » et « e » : e n'a aucun partenaire
    """
    if limite is not None and (isinstance(limite, bool) or not isinstance(limite, int) or limite < 1):
        raise ParametreInvalide(f"limite « {limite} » invalide — attendu un entier d'au moins 1")
    depart, arrivee = designer(G, a), designer(G, b)
    if depart == arrivee:
        return [[depart]]
    if not nx.has_path(G, depart, arrivee):
        isolees = [_fiche(G, x) for x in (depart, arrivee) if G.degree(x) == 0]
        raison = (
            " et ".join(isolees) + (" n'a aucun partenaire" if len(isolees) == 1 else " n'ont aucun partenaire")
            if isolees else "elles sont dans deux parties du réseau que rien ne relie"
        )
        raise CheminIntrouvable(f"aucun chemin entre « {_fiche(G, depart)} » et « {_fiche(G, arrivee)} » : {raison}")
    trouves = []
    for chemin in nx.all_shortest_paths(G, depart, arrivee):
        trouves.append(chemin)
        if limite is not None and len(trouves) >= limite:
            break
    return sorted(trouves, key=lambda c: [str(x) for x in c])
