"""Le réseau dans le temps : effectifs et mesures année par année, ce qui a changé entre deux années.

Règle des années (celle de ``--annee``, voir :func:`reseau.entrees.graphe.actif`) : un partenariat
est actif l'année A si ``debut`` est absent ou ≤ A, et ``fin`` absente ou ≥ A ; sans ``debut``, il
compte donc pour toutes les années jusqu'à sa ``fin``. En mode cumulé, un partenariat compte dès
son début (ou toujours, sans ``debut``), même après sa fin.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..entrees.graphe import actif
from ..entrees.schema import ECHELLES
from ..erreurs import ParametreInvalide

if TYPE_CHECKING:
    import pandas

# Colonnes de :func:`evolution`, avant celles de la matrice des échelles.
COLONNES: tuple[str, ...] = (
    "annee", "organisations", "partenariats", "composantes", "taille_plus_grande_composante",
    "liens_nord_nord", "liens_nord_sud", "liens_sud_sud", "articulation_local_global",
)
# Paires d'échelles de la matrice (triangle supérieur), colonnes « echelles_a_b ».
PAIRES_ECHELLES: tuple[tuple[str, str], ...] = tuple(
    (a, b) for i, a in enumerate(ECHELLES) for b in ECHELLES[i:]
)
COLONNES_ECHELLES: tuple[str, ...] = tuple(f"echelles_{a}_{b}" for a, b in PAIRES_ECHELLES)


def existe(lien: dict, annee: int) -> bool:
    """Vrai si le partenariat a commencé au plus tard l'année donnée (mode cumulé).

    >>> existe({"debut": 2001, "fin": 2002}, 2010), existe({"debut": 2006}, 2003), existe({}, 1900)
    (True, False, True)
    """
    debut = lien.get("debut")
    return debut is None or debut <= annee


def bornes(G: nx.MultiGraph) -> tuple[int, int] | None:
    """La plus ancienne et la plus récente des années (``debut`` et ``fin``) ; ``None`` sans année.

    >>> from reseau.entrees.graphe import construire
    >>> bornes(construire([{"id": "a"}, {"id": "b"}], [{"source": "a", "cible": "b", "debut": 1997, "fin": 2005}]))
    (1997, 2005)
    """
    annees = [a for *_, d in G.edges(data=True) for a in (d.get("debut"), d.get("fin")) if a is not None]
    return (int(min(annees)), int(max(annees))) if annees else None


def annees_rencontres(G: nx.MultiGraph) -> list[int]:
    """Les années des rencontres du jeu : début (à défaut fin) des partenariats de type ``evenement``."""
    annees = set()
    for *_, d in G.edges(data=True):
        if d.get("type") == "evenement":
            annee = d.get("debut") if d.get("debut") is not None else d.get("fin")
            if annee is not None:
                annees.add(int(annee))
    return sorted(annees)


def graphe_annee(G: nx.MultiGraph, annee: int, cumule: bool = False) -> nx.MultiGraph:
    """Le réseau de l'année : partenariats actifs (ou ayant existé, ``cumule``) et organisations qui en ont.

    Les dictionnaires d'attributs sont ceux de ``G`` (lecture seule : pas de copie, pour la vitesse).
    """
    garder = existe if cumule else actif
    H = nx.MultiGraph()
    H.graph.update(G.graph)
    liens = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if garder(d, annee)]
    H.add_nodes_from(dict.fromkeys(x for u, v, *_ in liens for x in (u, v)))
    for x in H:
        H._node[x] = G.nodes[x]  # noqa: SLF001  (partage des attributs, sans copie)
    H.add_edges_from(liens)
    return H


def _annees(G: nx.MultiGraph, de: int | None, a: int | None, pas: int) -> list[int]:
    if pas < 1:
        raise ParametreInvalide(f"--pas {pas} : le pas doit être un entier ≥ 1")
    limites = bornes(G)
    if limites is None and (de is None or a is None):
        raise ParametreInvalide(
            "les partenariats n'ont aucune année (colonnes debut et fin vides) : pas d'évolution à montrer — "
            "renseignez debut/fin dans partenariats.csv, ou donnez --de et --a"
        )
    debut = de if de is not None else limites[0]  # type: ignore[index]
    fin = a if a is not None else limites[1]  # type: ignore[index]
    if debut > fin:
        raise ParametreInvalide(f"--de {debut} est après --a {fin} : donnez une première année ≤ la dernière")
    annees = list(range(debut, fin + 1, pas))
    if annees[-1] != fin:
        annees.append(fin)  # la dernière année est toujours montrée
    return annees


def mesures_annee(G: nx.MultiGraph, annee: int, cumule: bool = False) -> dict[str, Any]:
    """Effectifs et mesures du réseau de l'année (clés de ``COLONNES`` et ``COLONNES_ECHELLES``).

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "a", "nord_sud": "sud"}, {"id": "b", "nord_sud": "sud"}, {"id": "c"}],
    ...                [{"source": "a", "cible": "b", "debut": 2001, "fin": 2003}])
    >>> m = mesures_annee(G, 2002)
    >>> m["organisations"], m["partenariats"], m["liens_sud_sud"], mesures_annee(G, 2004)["organisations"]
    (2, 1, 1, 0)
    """
    from .mesures import resume_reseau

    resume = resume_reseau(graphe_annee(G, annee, cumule))
    ligne = {"annee": annee, **{c: resume[c] for c in COLONNES[1:]}}
    matrice = resume["matrice_echelles"]
    ligne.update({f"echelles_{a}_{b}": matrice[a][b] for a, b in PAIRES_ECHELLES})
    return ligne


def evolution(
    G: nx.MultiGraph, de: int | None = None, a: int | None = None, pas: int = 1, cumule: bool = False
) -> pandas.DataFrame:
    """Une ligne par année, de ``de`` à ``a`` (défaut : bornes des données) tous les ``pas`` ans.

    Organisations actives (au moins un partenariat actif), partenariats actifs, composantes et
    taille de la plus grande, liens Nord-Nord / Nord-Sud / Sud-Sud, ``articulation_local_global``
    (parmi les organisations actives), matrice des échelles (colonnes ``echelles_a_b``).
    ``cumule`` : tout ce qui a existé jusqu'à l'année. Le graphe n'est pas modifié.
    """
    import pandas as pd

    lignes = [mesures_annee(G, annee, cumule) for annee in _annees(G, de, a, pas)]
    table = pd.DataFrame(lignes, columns=[*COLONNES, *COLONNES_ECHELLES])
    return table.astype({c: "int64" for c in (*COLONNES, *COLONNES_ECHELLES) if c != "articulation_local_global"})


def _camp(G: nx.MultiGraph, u: Any, v: Any) -> str | None:
    a, b = G.nodes[u].get("nord_sud"), G.nodes[v].get("nord_sud")
    return "_".join(sorted((a, b))) if a and b else None


def _paires(G: nx.MultiGraph, annee: int) -> set[frozenset]:
    return {frozenset((u, v)) for u, v, d in G.edges(data=True) if actif(d, annee)}


def changements(G: nx.MultiGraph, depuis: int | None = None, jusqu_a: int | None = None) -> dict[str, Any] | None:
    """Ce qui a changé entre ``depuis`` (défaut : année la plus récente moins 5) et ``jusqu_a``
    (défaut : année la plus récente) ; ``None`` si les données n'ont pas d'année.

    Rend des valeurs, jamais des phrases : ``nouveaux`` (partenariats commencés après ``depuis``,
    au plus tard ``jusqu_a``, en dicts source/cible/type/debut), ``entrees`` (organisations dont le
    premier partenariat est venu après ``depuis``, au plus tard ``jusqu_a`` : règle du mode cumulé),
    et pour ``nord_sud`` et ``sud_sud`` les paires de partenaires ``gagnees`` (actives en ``jusqu_a``,
    pas en ``depuis``) et ``perdues`` (l'inverse).
    """
    limites = bornes(G)
    if limites is None:
        return None
    fin = jusqu_a if jusqu_a is not None else limites[1]
    debut = depuis if depuis is not None else fin - 5
    if debut >= fin:
        raise ParametreInvalide(f"--depuis {debut} : attendu une année antérieure à {fin}")
    avant, apres = _paires(G, debut), _paires(G, fin)
    presentes = {annee: {x for u, v, d in G.edges(data=True) if existe(d, annee) for x in (u, v)} for annee in (debut, fin)}
    nouveaux = sorted(
        ({"source": d.get("source", u), "cible": d.get("cible", v), "type": d.get("type") or "", "debut": d.get("debut")}
         for u, v, d in G.edges(data=True) if d.get("debut") is not None and debut < d["debut"] <= fin),
        key=lambda x: (x["debut"], str(x["source"]), str(x["cible"])),
    )

    def trier(paires: Iterable[frozenset]) -> list[tuple[Any, Any]]:
        return sorted((tuple(sorted(p, key=str)) for p in paires), key=lambda p: (str(p[0]), str(p[-1])))

    camps: dict[str, dict[str, list]] = {}
    for camp in ("nord_sud", "sud_sud"):
        de_camp = [p for p in avant | apres if len(p) == 2 and _camp(G, *p) == camp]
        camps[camp] = {
            "gagnees": trier(p for p in de_camp if p in apres and p not in avant),
            "perdues": trier(p for p in de_camp if p in avant and p not in apres),
        }
    return {
        "depuis": debut,
        "jusqu_a": fin,
        "nouveaux": nouveaux,
        "entrees": sorted(presentes[fin] - presentes[debut], key=str),
        **camps,
    }
