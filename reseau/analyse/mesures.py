"""Mesures par organisation et pour le réseau entier (CONCEPTION §4).

Les mesures structurelles se calculent sur la projection simple (celle de
:func:`reseau.projection`, construite directement en igraph) : une arête par paire de
partenaires, de poids la somme des intensités. Les centralités coûteuses passent par
igraph ; networkx reste le modèle et l'oracle des tests.
Définitions, références et erreurs d'échantillonnage : ``docs/mesures.md``.
"""

from __future__ import annotations

import contextlib
import math
import random
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..entrees.schema import ECHELLES
from ..erreurs import verifier_choix
from ..reglages import BUDGET, ERREUR_REFERENCE, GRAINE, PIVOTS_MIN, PIVOTS_PROXIMITE, SEUIL_EXACT, SEUIL_PROGRESSION  # noqa: F401 (réexportés)
from .courtage import COLONNES_COURTAGE, GROUPES, indices_ei, roles_courtage

if TYPE_CHECKING:
    import igraph
    import numpy
    import pandas

# Rayon moyen de la Terre (UGGI), en km.
RAYON_TERRE_KM = 6371.0088

IDENTITE: tuple[str, ...] = ("id", "nom", "sigle", "type", "echelle", "pays", "region", "nord_sud")
MESURES: tuple[str, ...] = (
    "degre", "degre_pondere", "intermediarite", "proximite", "vecteur_propre", "pagerank",
    "contrainte", "communaute", "noyau", "point_articulation", "sauts_international",
    "echelles_2_sauts", "pays_2_sauts", "liens_nord_sud", "portee_km", *COLONNES_COURTAGE,
)
RESUME: tuple[str, ...] = (
    "organisations", "partenariats", "densite", "composantes", "taille_plus_grande_composante",
    "regroupement", "liens_nord_nord", "liens_nord_sud", "liens_sud_sud", "matrice_echelles",
    "assortativite_echelle", "articulation_local_global", "groupes", "indice_ei", "indice_ei_par_groupe",
)


# --- Outils --------------------------------------------------------------------------

def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance orthodromique (formule de haversine), en km.

    >>> round(distance_km(48.8566, 2.3522, 40.7128, -74.0060))  # Paris → New York
    5837
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * RAYON_TERRE_KM * math.asin(min(1.0, math.sqrt(a)))


def _largeur(voisins: Any, departs: list) -> dict[Any, int]:
    """Parcours en largeur depuis plusieurs départs : distance (en liens) de chaque sommet atteint."""
    sauts = dict.fromkeys(departs, 0)
    frontiere, k = list(sauts), 0
    while frontiere:
        k += 1
        suivante = []
        for u in frontiere:
            for v in voisins[u]:
                if v not in sauts:
                    sauts[v] = k
                    suivante.append(v)
        frontiere = suivante
    return sauts


def sauts_international(G: nx.Graph) -> dict[Any, int]:
    """Nombre minimal de liens de chaque organisation à une organisation d'échelle internationale.

    Parcours en largeur depuis toutes les organisations internationales à la fois ;
    une organisation qui n'en atteint aucune est absente du dictionnaire.

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "l", "echelle": "locale"}, {"id": "n", "echelle": "nationale"},
    ...                 {"id": "i", "echelle": "internationale"}, {"id": "x", "echelle": "locale"}],
    ...                [{"source": "l", "cible": "n"}, {"source": "n", "cible": "i"}])
    >>> sauts_international(G)
    {'i': 0, 'n': 1, 'l': 2}
    """
    return _largeur(G.adj, [n for n, e in G.nodes(data="echelle") if e == "internationale"])


def _projection_igraph(G: nx.MultiGraph) -> igraph.Graph:
    """La projection de :func:`reseau.projection` en igraph, sommets dans l'ordre de ``G.nodes``.

    Une arête par paire de partenaires : ``poids`` = somme des poids, ``partenariats`` =
    nombre de partenariats ; sans boucle (une organisation n'est pas sa propre partenaire).
    """
    from ._igraph import importer_igraph

    igraph = importer_igraph()

    index = {x: i for i, x in enumerate(G.nodes)}
    aretes, poids = [], []
    # Les liens dans l'ordre de G.edges(), lus directement dans les voisinages (sans les vues de networkx).
    vus: set = set()
    for u, voisins in G._adj.items():
        iu = index[u]
        for v, cles in voisins.items():
            if v not in vus and v != u:
                iv = index[v]
                for d in cles.values():
                    aretes.append((iu, iv))
                    poids.append(d.get("poids", 1.0))
        vus.add(u)
    g = igraph.Graph(n=len(index), edges=aretes, edge_attrs={"poids": poids, "partenariats": [1] * len(aretes)})
    g.simplify(multiple=True, loops=True, combine_edges={"poids": "sum", "partenariats": "sum"})
    g.es["partenariats"] = [int(k) for k in g.es["partenariats"]]  # la somme d'igraph rend des flottants
    return g


def projection_igraph(G: nx.MultiGraph) -> igraph.Graph:
    """La projection igraph de ``G`` (voir :func:`_projection_igraph`), à construire une fois et à
    passer à :func:`mesures_organisations` et :func:`resume_reseau` (``projection=``)."""
    return _projection_igraph(G)


@contextlib.contextmanager
def hasard_fixe() -> Iterator[None]:
    """Le générateur d'igraph à graine fixe le temps d'un calcul, puis celui par défaut."""
    from ._igraph import importer_igraph

    igraph = importer_igraph()

    igraph.set_random_number_generator(random.Random(GRAINE))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


# --- Centralités (igraph) ------------------------------------------------------------

def nombre_pivots(n: int, m: int) -> tuple[int, int]:
    """Pivots de l'estimation (intermédiarité, proximité) pour ``n`` organisations et ``m`` paires.

    >>> nombre_pivots(10_000, 50_000), nombre_pivots(100_000, 500_000)
    ((2000, 300), (500, 300))
    """
    k = max(PIVOTS_MIN, BUDGET // (n + m))
    return k, min(k, PIVOTS_PROXIMITE)


def calcul_intermediarite(pivots: int, plus_grande: int) -> dict[str, Any]:
    """Comment l'intermédiarité est calculée : ``methode`` (``exacte`` ou ``estimee``), ``pivots``
    et ``erreur_tete``, l'erreur relative moyenne attendue sur le 1 % des organisations les plus
    intermédiaires (mesurée contre l'exact : ``ERREUR_REFERENCE``, extrapolée en 1/√pivots).

    Exacte quand aucune composante n'a plus de sommets que de pivots.

    >>> calcul_intermediarite(6000, 5500)["methode"], calcul_intermediarite(500, 20_000)["pivots"]
    ('exacte', 500)
    """
    if plus_grande <= pivots:
        return {"methode": "exacte", "pivots": None, "erreur_tete": 0.0}
    k_ref, e_ref = ERREUR_REFERENCE
    return {"methode": "estimee", "pivots": pivots, "erreur_tete": round(e_ref * math.sqrt(k_ref / pivots), 3)}


def _par_composante(
    g: igraph.Graph, composantes: list[list[int]], k: int, exacte: Callable, estimee: Callable
) -> numpy.ndarray:
    """Applique ``exacte`` aux composantes d'au plus ``k`` sommets (ensemble), ``estimee`` aux autres.

    ``estimee(sous_graphe, pivots)`` reçoit ``k`` pivots tirés au hasard (graine fixe).
    """
    import numpy as np

    valeurs = np.zeros(g.vcount())
    hasard = random.Random(GRAINE)
    petites: list[int] = []
    for composante in composantes:
        if len(composante) <= k:
            petites.extend(composante)
            continue
        sommets = sorted(composante)
        valeurs[sommets] = estimee(g.induced_subgraph(sommets), sorted(hasard.sample(range(len(sommets)), k)))
    if petites:
        sommets = sorted(petites)
        valeurs[sommets] = exacte(g.induced_subgraph(sommets))
    return valeurs


def _chemins(
    g: igraph.Graph, exact: bool, signaler: Callable[[str], None], pivots: int | None = None
) -> tuple[list[float], list[float], dict[str, Any]]:
    """Intermédiarité normalisée, proximité (Wasserman-Faust) et calcul de l'intermédiarité
    (:func:`calcul_intermediarite`), exactes ou par pivots.

    Sans ``exact``, chaque composante plus grande que le nombre de pivots (:func:`nombre_pivots`)
    est estimée depuis k pivots tirés au hasard (graine fixe) : intermédiarité à échelle linéaire
    de Geisberger-Sanders-Schultes et proximité d'Eppstein-Wang (somme des distances aux pivots),
    toutes deux multipliées par n_C / k (:mod:`reseau.analyse._pivots`). Les composantes plus
    petites ont leur intermédiarité exacte, et leur proximité exacte jusqu'à ``PIVOTS_PROXIMITE``
    sommets (au-delà, estimée sur ``PIVOTS_PROXIMITE`` pivots).
    """
    import numpy as np

    from ._pivots import sommer

    n = g.vcount()
    composantes = [list(c) for c in g.connected_components()]
    taille = np.zeros(n)
    for composante in composantes:
        taille[composante] = len(composante)
    k_inter, k_prox = (n, n) if exact else nombre_pivots(n, g.ecount())
    if pivots is not None and not exact:
        k_inter, k_prox = pivots, min(pivots, k_prox)
    plus_grande = max((len(c) for c in composantes), default=0)
    calcul = calcul_intermediarite(k_inter, plus_grande)
    if calcul["methode"] == "exacte":
        signaler(f"  intermédiarité exacte ({n} organisations), proximité "
                 + ("exacte…" if plus_grande <= k_prox else f"estimée sur {k_prox} pivots…"))
    else:
        signaler(f"  intermédiarité et proximité estimées sur {k_inter} pivots (erreur moyenne attendue "
                 f"de l'intermédiarité sur le 1 % en tête ≈ {calcul['erreur_tete'] * 100:.0f} %, mesurée contre "
                 "l'exact : docs/mesures.md)…")

    def somme_exacte(sous: igraph.Graph) -> numpy.ndarray:
        # closeness d'igraph = (n_C - 1) / somme des distances dans la composante.
        proche = np.nan_to_num(np.asarray(sous.closeness(), dtype=float))
        composantes_sous = sous.connected_components()
        n_c = np.asarray(composantes_sous.sizes())[composantes_sous.membership] - 1
        return np.divide(n_c, proche, out=np.zeros(len(proche)), where=proche > 0)

    def somme_estimee(sous: igraph.Graph, pivots: list[int]) -> numpy.ndarray:
        total = np.zeros(sous.vcount())
        for debut in range(0, len(pivots), 32):
            total += np.asarray(sous.distances(source=pivots[debut:debut + 32]), dtype=float).sum(axis=0)
        return total * sous.vcount() / len(pivots)

    inter, somme = np.zeros(n), np.zeros(n)
    petites = [c for c in composantes if len(c) <= k_inter]
    if petites:
        sommets = sorted(v for c in petites for v in c)
        inter[sommets] = g.induced_subgraph(sommets).betweenness(directed=False)
        somme[sommets] = _par_composante(g, petites, k_prox, somme_exacte, somme_estimee)[sommets]
    hasard = random.Random(GRAINE)
    for composante in (c for c in composantes if len(c) > k_inter):
        sommets = sorted(composante)
        tires = sorted(hasard.sample(range(len(sommets)), k_inter))
        contributions, distances = sommer(g.induced_subgraph(sommets), tires)
        inter[sommets] = contributions * len(sommets) / k_inter
        somme[sommets] = distances * len(sommets) / k_inter
    normalisation = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    proximite = np.divide((taille - 1) ** 2, somme * (n - 1), out=np.zeros(n), where=somme > 0)
    return list(inter * normalisation), list(proximite), calcul


def _vecteur_propre(g: igraph.Graph) -> list[float]:
    """Vecteur propre dominant de chaque composante, pondéré, la composante recevant une part de norme
    proportionnelle à sa taille : Σ_{v ∈ C} x_v² = n_C / n.

    Un graphe connexe donne le vecteur propre de norme euclidienne 1 (comme networkx) ; dans
    un graphe non connexe, aucune composante ne s'annule parce qu'une autre est plus dense.
    Isolée : 0. ARPACK part d'un vecteur tiré au hasard : graine fixe (:func:`hasard_fixe`).
    """
    import numpy as np

    n = g.vcount()
    valeurs = np.zeros(n)
    for composante in g.connected_components():
        if len(composante) < 2:
            continue
        sommets = sorted(composante)
        with hasard_fixe():
            vecteur = np.abs(np.asarray(g.induced_subgraph(sommets).eigenvector_centrality(weights="poids", scale=False)))
        norme = math.sqrt(float(np.sum(vecteur * vecteur)))
        if norme > 0:
            valeurs[sommets] = vecteur / norme * math.sqrt(len(sommets) / n)
    return [float(x) for x in valeurs]


def _pagerank(g: igraph.Graph, amortissement: float = 0.85) -> list[float]:
    """PageRank pondéré par itération de la puissance en numpy, dans un ordre de sommation fixe.

    Le PageRank d'igraph (PRPACK) somme dans un ordre qui dépend des fils OpenMP : ses
    derniers chiffres changent d'un lancement à l'autre. Ici, mêmes données, mêmes bits.
    Une organisation sans partenaire redistribue sa part uniformément (comme networkx).
    """
    import numpy as np

    n = g.vcount()
    if n == 0:
        return []
    aretes = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    poids = np.asarray(g.es["poids"], dtype=float) if g.ecount() else np.zeros(0)
    depart = np.concatenate((aretes[:, 0], aretes[:, 1]))
    arrivee = np.concatenate((aretes[:, 1], aretes[:, 0]))
    w = np.concatenate((poids, poids))
    force = np.bincount(depart, weights=w, minlength=n)
    part = np.divide(w, force[depart], out=np.zeros_like(w), where=force[depart] > 0)
    pendantes = force == 0
    x = np.full(n, 1.0 / n)
    for _ in range(10_000):
        suivant = amortissement * np.bincount(arrivee, weights=x[depart] * part, minlength=n)
        suivant += (1.0 - amortissement + amortissement * float(np.sum(x[pendantes]))) / n
        suivant /= np.sum(suivant)
        ecart = float(np.max(np.abs(suivant - x)))
        x = suivant
        if ecart < 1e-15:
            break
    return [float(v) for v in x]


def _communautes(g: igraph.Graph) -> list[int]:
    """Leiden (modularité pondérée) à graine fixe ; numéros 1, 2… par taille décroissante."""
    with hasard_fixe():
        appartenance = g.community_leiden(objective_function="modularity", weights="poids", n_iterations=-1).membership
    groupes: dict[int, list[int]] = {}
    for i, c in enumerate(appartenance):
        groupes.setdefault(c, []).append(i)
    ordre = sorted(groupes.values(), key=lambda membres: (-len(membres), membres[0]))
    numero = {}
    for k, membres in enumerate(ordre, start=1):
        numero.update(dict.fromkeys(membres, k))
    return [numero[i] for i in range(g.vcount())]


# --- Mesures locales (parcours en Python) --------------------------------------------

def _deux_sauts(voisins: list[list[int]], attributs: list[dict]) -> tuple[list[int], list[int]]:
    """Échelles et pays distincts à 2 liens ou moins, elle comprise (masques de bits)."""
    bits_echelle = {e: 1 << i for i, e in enumerate(ECHELLES)}
    pays = sorted({str(d["pays"]) for d in attributs if d.get("pays")})
    bits_pays = {p: 1 << (len(ECHELLES) + i) for i, p in enumerate(pays)}
    propre = [bits_echelle.get(str(d.get("echelle")), 0) | bits_pays.get(str(d.get("pays")), 0) for d in attributs]
    un = []
    for u, autour in enumerate(voisins):
        masque = propre[u]
        for v in autour:
            masque |= propre[v]
        un.append(masque)
    echelles, nombre_pays = [], []
    tout_echelle = (1 << len(ECHELLES)) - 1
    for u, autour in enumerate(voisins):
        masque = un[u]
        for v in autour:
            masque |= un[v]
        echelles.append((masque & tout_echelle).bit_count())
        nombre_pays.append((masque >> len(ECHELLES)).bit_count())
    return echelles, nombre_pays


def _liens_locaux(g: igraph.Graph, attributs: list[dict]) -> tuple[list[int], list[float]]:
    """Partenariats Nord/Sud et plus grande distance à un partenaire direct, par organisation."""
    nord_sud = [0] * len(attributs)
    portee = [math.nan] * len(attributs)
    for (u, v), k in zip(g.get_edgelist(), g.es["partenariats"]):
        a, b = attributs[u], attributs[v]
        if a.get("nord_sud") and b.get("nord_sud") and a["nord_sud"] != b["nord_sud"]:
            nord_sud[u] += k
            nord_sud[v] += k
        coordonnees = (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude"))
        if None not in coordonnees:
            km = distance_km(*coordonnees)
            portee[u] = km if math.isnan(portee[u]) else max(portee[u], km)
            portee[v] = km if math.isnan(portee[v]) else max(portee[v], km)
    return nord_sud, portee


# --- API publique --------------------------------------------------------------------

def mesures_organisations(
    G: nx.MultiGraph,
    *,
    exact: bool | None = None,
    pivots: int | None = None,
    groupes: str = "echelle",
    progression: Callable[[str], None] | None = None,
    projection: igraph.Graph | None = None,
) -> pandas.DataFrame:
    """Une ligne par organisation (ordre des nœuds) : identité puis les mesures de ``MESURES``.

    ``exact=None`` : calcul exact jusqu'à ``SEUIL_EXACT`` organisations, estimation par
    pivots au-delà ; ``True`` force l'exact, ``False`` force l'estimation. ``pivots`` remplace
    le nombre de pivots de l'intermédiarité (défaut : :func:`nombre_pivots`). ``groupes`` : ce qui
    définit les groupes des rôles de courtage (``echelle``, ``region``, ``pays``, ``nord_sud`` ;
    :func:`reseau.analyse.courtage.roles_courtage`). ``attrs["intermediarite"]`` dit comment
    l'intermédiarité a été calculée (:func:`calcul_intermediarite`). ``progression``
    reçoit un message par étape longue (réseaux d'au moins ``SEUIL_PROGRESSION``
    organisations). ``projection`` : celle de :func:`projection_igraph` si elle est déjà
    construite (partagée avec :func:`resume_reseau`, jamais modifiée). Le graphe n'est pas modifié.

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": n, "echelle": "locale"} for n in "abc"],
    ...                [{"source": "a", "cible": "b", "poids": 1.0},
    ...                 {"source": "b", "cible": "c", "poids": 1.0},
    ...                 {"source": "b", "cible": "c", "poids": 2.0}])
    >>> t = mesures_organisations(G).set_index("id")
    >>> b = t.loc["b"]
    >>> int(b["degre"]), float(b["degre_pondere"]), float(b["intermediarite"]), bool(b["point_articulation"])
    (2, 4.0, 1.0, True)
    >>> bool(t["sauts_international"].isna().all())  # aucune organisation internationale
    True
    """
    import pandas as pd

    lignes, calcul = colonnes_mesures(G, exact=exact, pivots=pivots, groupes=groupes, progression=progression,
                                      projection=projection)
    if not lignes["id"]:
        vide = pd.DataFrame({c: [] for c in IDENTITE + MESURES})
        vide.attrs["intermediarite"] = calcul
        return vide
    lignes["sauts_international"] = pd.array(lignes["sauts_international"], dtype="Int64")
    table = pd.DataFrame(lignes, columns=list(IDENTITE + MESURES))
    table.attrs["intermediarite"] = calcul
    return table


def colonnes_mesures(
    G: nx.MultiGraph,
    *,
    exact: bool | None = None,
    pivots: int | None = None,
    groupes: str = "echelle",
    progression: Callable[[str], None] | None = None,
    projection: igraph.Graph | None = None,
) -> tuple[dict[str, list], dict[str, Any]]:
    """Ce que rend :func:`mesures_organisations`, sans pandas : les colonnes (une liste par colonne,
    manquants : ``None`` ou NaN) et le calcul de l'intermédiarité. Pour la carte, qui démarre sans pandas."""
    noeuds = list(G.nodes)
    n = len(noeuds)
    signaler = progression if progression is not None and n >= SEUIL_PROGRESSION else (lambda _message: None)
    exact = n <= SEUIL_EXACT if exact is None else exact
    verifier_choix("groupes", groupes, GROUPES)
    lignes: dict[str, Any] = {"id": noeuds, **{c: [G.nodes[x].get(c) for x in noeuds] for c in IDENTITE[1:]}}
    if n == 0:
        return lignes, calcul_intermediarite(0, 0)

    signaler(f"Mesures de {n} organisations : projection…")
    g = _projection_igraph(G) if projection is None else projection
    intermediarite, proximite, calcul = _chemins(g, exact, signaler, pivots)
    signaler("  vecteur propre, PageRank, contrainte, communautés, k-cœurs…")
    vecteur = _vecteur_propre(g)
    pagerank = _pagerank(g)
    contrainte = g.constraint(weights="poids")
    communaute = _communautes(g)
    noyau = g.coreness()
    articulation = set(g.articulation_points())
    signaler("  portée, échelles, pays et liens Nord/Sud…")
    attributs = [G.nodes[x] for x in noeuds]
    voisins = g.get_adjlist()
    sauts = _largeur(voisins, [i for i, d in enumerate(attributs) if d.get("echelle") == "internationale"])
    echelles, pays = _deux_sauts(voisins, attributs)
    nord_sud, portee = _liens_locaux(g, attributs)
    signaler(f"  rôles de courtage (groupes : {groupes})…")
    courtage = roles_courtage(G, groupes)

    lignes.update({
        "degre": g.degree(),
        "degre_pondere": [float(x) for x in g.strength(weights="poids")],
        "intermediarite": intermediarite,
        "proximite": proximite,
        "vecteur_propre": vecteur,
        "pagerank": pagerank,
        "contrainte": contrainte,
        "communaute": communaute,
        "noyau": noyau,
        "point_articulation": [i in articulation for i in range(n)],
        "sauts_international": [sauts.get(i) for i in range(n)],
        "echelles_2_sauts": echelles,
        "pays_2_sauts": pays,
        "liens_nord_sud": nord_sud,
        "portee_km": portee,
        **courtage,
    })
    return lignes, calcul


def _assortativite(matrice: dict[str, dict[str, int]]) -> float | None:
    """Coefficient d'assortativité catégorielle de Newman (2003) d'après la matrice des échelles.

    Chaque partenariat compte dans les deux sens : la diagonale (liens entre organisations
    de même échelle) est doublée pour former la matrice de mélange.
    """
    marges = {a: sum(ligne.values()) + ligne[a] for a, ligne in matrice.items()}
    total = sum(marges.values())
    if not total:
        return None
    trace = sum(2 * matrice[a][a] for a in matrice) / total
    attendu = sum((m / total) ** 2 for m in marges.values())
    return None if attendu >= 1 - 1e-12 else (trace - attendu) / (1 - attendu)


def resume_reseau(G: nx.MultiGraph, groupes: str = "echelle", projection: igraph.Graph | None = None) -> dict[str, Any]:
    """Les mesures du réseau entier (clés de ``RESUME``). Le graphe n'est pas modifié.
    ``projection`` : celle de :func:`projection_igraph`, si elle est déjà construite.

    ``indice_ei`` et ``indice_ei_par_groupe`` : indice E-I de Krackhardt et Stern du réseau et
    de chaque groupe (``groupes`` : ``echelle``, ``region``, ``pays`` ou ``nord_sud`` ;
    :func:`reseau.analyse.courtage.indices_ei`).

    Les liens Nord/Sud et la matrice des échelles comptent des partenariats (liens multiples
    compris) ; densité et regroupement portent sur les paires de partenaires.

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "l", "echelle": "locale", "nord_sud": "sud"},
    ...                 {"id": "i", "echelle": "internationale", "nord_sud": "nord"}],
    ...                [{"source": "l", "cible": "i"}, {"source": "i", "cible": "l"}])
    >>> r = resume_reseau(G)
    >>> r["partenariats"], r["densite"], r["liens_nord_sud"], r["articulation_local_global"]
    (2, 1.0, 2, 1.0)
    >>> r["matrice_echelles"]["locale"]["internationale"]
    2
    """
    g = _projection_igraph(G) if projection is None else projection
    n = g.vcount()
    matrice = {a: dict.fromkeys(ECHELLES, 0) for a in ECHELLES}
    nord_sud: Counter = Counter()
    for u, v in G.edges():
        a, b = G.nodes[u], G.nodes[v]
        ea, eb = a.get("echelle"), b.get("echelle")
        if ea in matrice and eb in matrice:
            matrice[ea][eb] += 1
            if ea != eb:
                matrice[eb][ea] += 1
        if a.get("nord_sud") and b.get("nord_sud"):
            nord_sud["_".join(sorted((a["nord_sud"], b["nord_sud"])))] += 1
    composantes = g.connected_components().sizes() if n else []
    echelles = [e for _, e in G.nodes(data="echelle")]
    sauts = _largeur(g.get_adjlist(), [i for i, e in enumerate(echelles) if e == "internationale"])
    locales = [i for i, e in enumerate(echelles) if e in ("locale", "regionale")]
    reliees = sum(1 for i in locales if sauts.get(i, 3) <= 2)
    ei, ei_par_groupe = indices_ei(G, groupes)
    return {
        "organisations": n,
        "partenariats": G.number_of_edges(),
        "densite": 2 * g.ecount() / (n * (n - 1)) if n > 1 else 0.0,
        "composantes": len(composantes),
        "taille_plus_grande_composante": max(composantes, default=0),
        "regroupement": g.transitivity_avglocal_undirected(mode="zero") if n else 0.0,
        "liens_nord_nord": nord_sud["nord_nord"],
        "liens_nord_sud": nord_sud["nord_sud"],
        "liens_sud_sud": nord_sud["sud_sud"],
        "matrice_echelles": matrice,
        "assortativite_echelle": _assortativite(matrice),
        "articulation_local_global": reliees / len(locales) if locales else None,
        "groupes": groupes,
        "indice_ei": ei,
        "indice_ei_par_groupe": ei_par_groupe,
    }
