"""Vue agrégée : un nœud par région, par pays ou par échelle ; les partenariats entre groupes comptés."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping

import networkx as nx

from ..erreurs import verifier_choix

AGREGATS: tuple[str, ...] = ("region", "pays", "echelle")
# Attributs des groupes pris à la majorité de leurs membres (couleurs, filtres, strates).
_MAJORITAIRES = ("echelle", "type", "pays", "region", "nord_sud")


def cle_groupe(donnees: Mapping, par: str) -> str:
    """La clé du groupe d'une organisation : ``pays/region``, ``pays`` ou ``echelle``.

    >>> cle_groupe({"pays": "CA", "region": "Outaouais", "echelle": "locale"}, "region")
    'CA/Outaouais'
    """
    if par == "region":
        return f"{donnees.get('pays') or ''}/{donnees.get('region') or ''}"
    return str(donnees.get(par) or "")


def agreger(
    G: nx.MultiGraph,
    par: str,
    *,
    valeurs: Mapping[str, Mapping[Hashable, object]] | None = None,
) -> nx.Graph:
    """Graphe des groupes : un nœud par groupe, une arête par paire de groupes partenaires.

    Nœud : ``effectif`` (organisations), ``membres`` (ids, des plus reliés aux moins
    reliés), ``repartition`` (effectif par échelle), ``liens_internes``, ``latitude`` et
    ``longitude`` (moyennes des membres), et les attributs majoritaires des membres
    (``echelle``, ``type``, ``pays``, ``region``, ``nord_sud`` et ceux de ``valeurs``,
    attribut → {organisation: valeur}). Arête : ``partenariats`` (nombre), ``poids``
    (somme) et ``compte_types`` (nombre par type). ``G`` n'est pas modifié.

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "a", "pays": "CA", "echelle": "locale"}, {"id": "b", "pays": "SN", "echelle": "locale"},
    ...                 {"id": "c", "pays": "SN", "echelle": "nationale"}],
    ...                [{"source": "a", "cible": "b", "type": "formation", "poids": 1.0},
    ...                 {"source": "a", "cible": "c", "type": "adhesion", "poids": 1.0},
    ...                 {"source": "b", "cible": "c", "type": "adhesion", "poids": 1.0}])
    >>> A = agreger(G, "pays")
    >>> A.nodes["SN"]["effectif"], A["CA"]["SN"]["partenariats"], A.nodes["SN"]["liens_internes"]
    (2, 2, 1)
    """
    verifier_choix("agrégation", par, AGREGATS)
    valeurs = valeurs or {}
    groupe = {x: cle_groupe(d, par) for x, d in G.nodes(data=True)}
    membres: dict[str, list[Hashable]] = defaultdict(list)
    for x in G.nodes:
        membres[groupe[x]].append(x)
    A = nx.Graph(source=G.graph.get("source", ""), agregat=par)
    for cle, liste in sorted(membres.items()):
        liste.sort(key=lambda x: (-G.degree(x), str(G.nodes[x].get("nom") or x)))
        attributs = {a: _majorite(G.nodes[x].get(a) for x in liste) for a in _MAJORITAIRES}
        attributs.update({a: _majorite(table.get(x) for x in liste) for a, table in valeurs.items()})
        places = [(d["latitude"], d["longitude"]) for d in (G.nodes[x] for x in liste)
                  if d.get("latitude") is not None and d.get("longitude") is not None]
        A.add_node(
            cle, **attributs, sigle="", effectif=len(liste), membres=liste,
            repartition=dict(Counter(G.nodes[x].get("echelle") for x in liste)), liens_internes=0,
            latitude=sum(p[0] for p in places) / len(places) if places else None,
            longitude=sum(p[1] for p in places) / len(places) if places else None,
        )
    for u, v, d in G.edges(data=True):
        gu, gv = groupe[u], groupe[v]
        if gu == gv:
            A.nodes[gu]["liens_internes"] += 1
            continue
        if not A.has_edge(gu, gv):
            A.add_edge(gu, gv, partenariats=0, poids=0.0, compte_types=Counter())
        arete = A[gu][gv]
        arete["partenariats"] += 1
        arete["poids"] += d.get("poids", 1.0)
        arete["compte_types"][d.get("type", "")] += 1
    return A


def _majorite(valeurs) -> object:
    """La valeur la plus fréquente (égalité : la plus petite) ; ``None`` si aucune."""
    compte = Counter(v for v in valeurs if v is not None and v != "")
    if not compte:
        return None
    return min(compte.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]
