"""Le graphe : un multigraphe qui garde chaque partenariat, et sa projection simple pondérée."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import cast

import networkx as nx

from ..erreurs import ParametreInvalide
from .schema import ECHELLES, STATUTS, LigneOrganisation, LignePartenariat, normaliser_vocabulaire


def construire(
    organisations: Sequence[LigneOrganisation], partenariats: Sequence[LignePartenariat], source: str = ""
) -> nx.MultiGraph:
    """Un ``MultiGraph`` : un nœud par organisation, une arête par partenariat.

    Le sens d'un partenariat orienté est gardé dans ses attributs ``source`` et ``cible``.

    >>> G = construire([{"id": "a"}, {"id": "b"}],
    ...                [{"source": "a", "cible": "b", "type": "formation", "poids": 1.0},
    ...                 {"source": "b", "cible": "a", "type": "financement", "poids": 2.0}])
    >>> G.number_of_edges()
    2
    """
    return construire_en_bloc(organisations, partenariats, {"source": source})


def _voisinages(
    organisations: Sequence[LigneOrganisation], partenariats: Sequence[LignePartenariat], copier: bool = True,
) -> tuple[dict[str, dict], dict[str, dict[str, dict[int, dict]]]]:
    """Nœuds et voisinages tels que ``add_node`` puis ``add_edge`` les rangeraient, en un passage
    (``copier=False`` : les liens eux-mêmes, sans copie)."""
    noeuds: dict[str, dict] = {}
    adj: dict[str, dict[str, dict[int, dict]]] = {}
    for org in organisations:
        n = org["id"]
        if n not in noeuds:
            adj[n] = {}
            attributs = noeuds[n] = dict(org)  # même ordre que update sur un dictionnaire vide
            del attributs["id"]
        else:
            noeuds[n].update((k, v) for k, v in org.items() if k != "id")
    for lien in partenariats:
        u, v = lien["source"], lien["cible"]
        if u not in noeuds:
            adj[u] = {}
            noeuds[u] = {}
        if v not in noeuds:
            adj[v] = {}
            noeuds[v] = {}
        donnees = dict(lien) if copier else cast(dict, lien)
        voisins = adj[u]
        cles = voisins.get(v)
        if cles is None:  # premier lien de la paire : clé 0
            voisins[v] = adj[v][u] = {0: donnees}
            continue
        cle = len(cles)
        while cle in cles:
            cle += 1
        cles[cle] = donnees
    return noeuds, adj


def _recopier(
    adj: dict[str, dict[str, dict[int, dict]]], garder: Callable[[dict], bool],
) -> dict[str, dict[str, dict[int, dict]]]:
    """Les voisinages dans l'ordre où ``MultiGraph.copy`` les range (parcours nœud par nœud), sans
    les liens écartés par ``garder`` : retirer un lien, ou un voisin qui n'en a plus, ne déplace
    pas les autres ; ne pas les ajouter revient au même.

    Les attributs des liens sont recopiés dans cet ordre : les mesures, qui parcourent les liens
    plusieurs fois dans l'ordre des voisinages, lisent alors une mémoire contiguë (réutiliser les
    enregistrements de la validation, rangés dans l'ordre du fichier, gagnait 1 s au chargement de
    100 000 organisations mais en coûtait 3 dans analyser : projection, résumé, courtage)."""
    copie: dict[str, dict[str, dict[int, dict]]] = {n: {} for n in adj}
    for u, voisins in adj.items():
        cote = copie[u]
        for v, cles in voisins.items():
            if v not in cote:
                nouvelles = {k: dict(d) for k, d in cles.items() if garder(d)}
                if nouvelles:
                    cote[v] = nouvelles
                    copie[v][u] = nouvelles
    return copie


def construire_en_bloc(
    organisations: Sequence[LigneOrganisation], partenariats: Sequence[LignePartenariat],
    attributs: dict, garder: Callable[[dict], bool] | None = None,
) -> nx.MultiGraph:
    """Le ``MultiGraph`` de :func:`construire`, rempli en bloc ; avec ``garder``, celui de
    ``filtrer(construire(…), annee=…, statut=…)`` (copie, puis liens écartés) : mêmes nœuds,
    mêmes clés, même ordre des voisins et des liens, sans passer par ``add_edge``.
    """
    noeuds, adj = _voisinages(organisations, partenariats, copier=garder is None)
    if garder is not None:
        adj = _recopier(adj, garder)
    G = nx.MultiGraph()
    G.graph.update(attributs)
    G._node.update(noeuds)
    G._adj.update(adj)
    nx._clear_cache(G)
    return G


def projection(G: nx.MultiGraph) -> nx.Graph:
    """Graphe simple : une arête par paire de partenaires.

    Attributs : ``poids`` (somme des poids), ``partenariats`` (nombre de liens),
    ``types`` (types distincts, triés) et ``distance`` = 1 / ``poids``.

    >>> G = construire([{"id": "a"}, {"id": "b"}],
    ...                [{"source": "a", "cible": "b", "type": "formation", "poids": 1.0},
    ...                 {"source": "a", "cible": "b", "type": "evenement", "poids": 3.0}])
    >>> dict(projection(G)["a"]["b"])
    {'poids': 4.0, 'partenariats': 2, 'types': ['evenement', 'formation'], 'distance': 0.25}
    """
    H = nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for u, v, donnees in G.edges(data=True):
        if H.has_edge(u, v):
            arete = H[u][v]
            arete["poids"] += donnees.get("poids", 1.0)
            arete["partenariats"] += 1
            arete["types"] = sorted(set(arete["types"]) | {donnees.get("type", "")})
        else:
            H.add_edge(u, v, poids=donnees.get("poids", 1.0), partenariats=1, types=[donnees.get("type", "")])
    for _, _, arete in H.edges(data=True):
        arete["distance"] = 1.0 / arete["poids"]
    return H


def _ensemble(valeurs: Iterable[str] | str | None) -> set[str] | None:
    if valeurs is None:
        return None
    if isinstance(valeurs, str):
        valeurs = [valeurs]
    morceaux = {m.strip() for v in valeurs for m in v.split(",") if m.strip()}
    return morceaux or None


def actif(lien: dict, annee: int) -> bool:
    """Vrai si le partenariat est en cours l'année donnée (dates absentes : toujours actif).

    >>> actif({"debut": 2001, "fin": 2005}, 2003), actif({"debut": 2006, "fin": None}, 2003)
    (True, False)
    """
    debut, fin = lien.get("debut"), lien.get("fin")
    return (debut is None or debut <= annee) and (fin is None or annee <= fin)


def _vocabulaire(valeurs: Iterable[str] | str | None, vocabulaire: tuple[str, ...], inconnu: str) -> set[str] | None:
    """Les valeurs d'un filtre, normalisées dans ``vocabulaire`` ; ``None`` si aucun filtre."""
    brutes = _ensemble(valeurs)
    if brutes is None:
        return None
    normales = {v: normaliser_vocabulaire(v, vocabulaire) for v in brutes}
    if None in normales.values():
        raise ParametreInvalide(
            f"{inconnu} dans « {', '.join(sorted(brutes))} » — valeurs possibles : {', '.join(vocabulaire)}"
        )
    return {n for n in normales.values() if n is not None}


def critere_liens(annee: int | None = None, statut: Iterable[str] | str | None = None) -> Callable[[dict], bool]:
    """Le test des liens gardés par :func:`filtrer` (année, statut)."""
    statuts = _vocabulaire(statut, STATUTS, "statut inconnu")

    def garder(d: dict) -> bool:
        return not ((annee is not None and not actif(d, annee))
                    or (statuts is not None and d.get("statut", "atteste") not in statuts))

    return garder


def filtrer(
    G: nx.MultiGraph,
    annee: int | None = None,
    echelle: Iterable[str] | str | None = None,
    pays: Iterable[str] | str | None = None,
    statut: Iterable[str] | str | None = None,
) -> nx.MultiGraph:
    """Sous-graphe (copie) : partenariats actifs en ``annee`` et des statuts donnés, organisations
    des échelles et pays donnés.

    ``echelle``, ``pays`` et ``statut`` acceptent une valeur, une liste ou « a,b ».

    >>> G = construire([{"id": "a"}, {"id": "b"}],
    ...                [{"source": "a", "cible": "b", "type": "autre", "statut": "co-mention"},
    ...                 {"source": "a", "cible": "b", "type": "formation"}])
    >>> filtrer(G, statut="atteste").number_of_edges()
    1
    """
    statuts = _vocabulaire(statut, STATUTS, "statut inconnu")
    echelles = _vocabulaire(echelle, ECHELLES, "échelle inconnue")
    codes = _ensemble(pays)
    if codes is not None:
        from .geographie import referentiel

        ref = referentiel()
        trouves = {c: ref.code_pays(c) for c in codes}
        inconnus = [c for c, code in trouves.items() if code is None]
        if inconnus:
            raise ParametreInvalide(f"pays inconnu : « {', '.join(inconnus)} » — attendu un code ISO (CA, SN…) ou un nom")
        codes = {code for code in trouves.values() if code is not None}
    noeuds = [
        n for n, d in G.nodes(data=True)
        if (echelles is None or d.get("echelle") in echelles) and (codes is None or d.get("pays") in codes)
    ]
    H = G.subgraph(noeuds).copy()
    if annee is not None or statuts is not None:
        H.remove_edges_from([
            (u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
            if (annee is not None and not actif(d, annee)) or (statuts is not None and d.get("statut", "atteste") not in statuts)
        ])
    return H
