"""Positions des nœuds d'une carte : par forces, géographiques, en strates d'échelle.

Les positions sont en unités de canevas (x vers la droite, y vers le bas), reproductibles.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import TypeVar

import networkx as nx

from ..entrees.schema import ECHELLES

DISPOSITIONS: tuple[str, ...] = ("force", "geographique", "strates")
UNITES_PAR_DEGRE = 1000.0  # unités de canevas par degré (équirectangulaire) : vis-network zoome au plus ×10,
# il faut donc au moins ~1 000 unités par degré pour voir une ville
ESPACE = 60.0  # distance moyenne visée entre voisins d'une disposition par forces
ANGLE_D_OR = math.pi * (3 - math.sqrt(5))

Positions = dict[Hashable, tuple[float, float]]
K = TypeVar("K", bound=Hashable)


def disposition_force(H: nx.Graph, *, espace: float = ESPACE, rayons: Mapping[Hashable, float] | None = None) -> Positions:
    """Positions par forces (Fruchterman-Reingold d'igraph, graine fixe), robustes à tout réseau.

    Chaque composante connexe est disposée à part puis mise à l'échelle par la longueur
    médiane de ses liens (≈ ``espace``), jamais par une étendue qui peut être nulle ; avec
    ``rayons`` (rayon de chaque disque), les disques qui se chevauchent sont ensuite écartés.
    Les composantes sont rangées en rayons, de la plus grande à la plus petite, les
    organisations isolées en grille à la fin. Positions finies, distinctes, reproductibles :
    ce sont les positions définitives de la carte (pas de physique dans la page).

    >>> H = nx.Graph([(0, 1), (1, 2), (3, 4)])
    >>> p = disposition_force(H)
    >>> sorted(p) == [0, 1, 2, 3, 4] and p == disposition_force(H)
    True
    >>> max(abs(v) for xy in disposition_force(nx.Graph([("a", "b"), ("b", "c")])).values() for v in xy) < 200
    True
    """
    composantes = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    isolees = [c[0] for c in composantes if len(c) == 1]
    blocs = [_disposer_composante(H, noeuds, espace) for noeuds in composantes if len(noeuds) > 1]
    if rayons:
        blocs = [_sans_chevauchement(bloc, rayons, espace / 2) for bloc in blocs]
    if isolees:
        colonnes = max(1, math.ceil(math.sqrt(len(isolees) * 1.6)))
        blocs.append({x: ((k % colonnes) * espace, (k // colonnes) * espace) for k, x in enumerate(isolees)})
    return _ranger(blocs, espace)


def _disposer_composante(H: nx.Graph, noeuds: list[Hashable], espace: float) -> Positions:
    """Une composante connexe (au moins deux nœuds), centrée : liens d'au moins ``espace`` en médiane."""
    if len(noeuds) == 2:
        return {noeuds[0]: (0.0, 0.0), noeuds[1]: (espace, 0.0)}
    from ..analyse._igraph import importer_igraph
    from ..analyse.mesures import hasard_fixe

    igraph = importer_igraph()
    index = {x: i for i, x in enumerate(noeuds)}
    aretes = [(index[u], index[v]) for u, v in H.edges(noeuds) if u != v]
    with hasard_fixe():
        g = igraph.Graph(n=len(noeuds), edges=aretes)
        coords = [tuple(c) for c in g.layout_fruchterman_reingold(niter=500, grid="auto").coords]
    if not all(math.isfinite(c) for xy in coords for c in xy):
        coords = _cercle(len(noeuds))
    longueurs = sorted(math.dist(coords[i], coords[j]) for i, j in aretes)
    mediane = longueurs[len(longueurs) // 2] if longueurs else 0.0
    if mediane <= 1e-9:  # disposition dégénérée : un cercle, lisible
        coords = _cercle(len(noeuds))
        mediane = math.dist(coords[0], coords[1])
    cx = sum(c[0] for c in coords) / len(coords)
    cy = sum(c[1] for c in coords) / len(coords)
    # l'échelle la plus large de deux : liens de longueur médiane « espace », ou « espace »² d'aire par nœud
    # (rayon quadratique moyen d'un disque uniforme de n points) ; le rayon moyen est > 0 ici
    rms = math.sqrt(sum((c[0] - cx) ** 2 + (c[1] - cy) ** 2 for c in coords) / len(coords))
    facteur = max(espace / mediane, espace * math.sqrt(len(coords) / (2 * math.pi)) / rms)
    return _distinctes({x: ((c[0] - cx) * facteur, (c[1] - cy) * facteur) for x, c in zip(noeuds, coords)}, espace)


def _sans_chevauchement(bloc: Positions, rayons: Mapping[Hashable, float], marge: float, tours: int = 40) -> Positions:
    """Écarte deux à deux les disques qui se chevauchent (rayons plus ``marge``), par petits pas, sans changer la forme.

    Voisins cherchés dans une grille (cases de la taille du plus grand diamètre) : coût proche du
    nombre de nœuds tant que les disques ne s'empilent pas.

    >>> p = _sans_chevauchement({"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (100.0, 0.0)}, {"a": 10, "b": 10, "c": 10}, 2)
    >>> p["b"][0] - p["a"][0] >= 21.9 and p["c"] == (100.0, 0.0)
    True
    """
    ids = list(bloc)
    xs = [bloc[x][0] for x in ids]
    ys = [bloc[x][1] for x in ids]
    rs = [float(rayons.get(x, 0.0)) + marge / 2 for x in ids]
    cote = 2 * max(rs, default=1.0) or 1.0
    demi_voisinage = ((0, 0), (1, 0), (0, 1), (1, 1), (1, -1))  # chaque paire de cases vue une fois
    for _ in range(tours):
        grille: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(len(ids)):
            grille[(math.floor(xs[i] / cote), math.floor(ys[i] / cote))].append(i)
        dx = [0.0] * len(ids)
        dy = [0.0] * len(ids)
        bouge = False
        for (ci, cj), membres in grille.items():
            for di, dj in demi_voisinage:
                autres = grille.get((ci + di, cj + dj))
                if not autres:
                    continue
                for a in membres:
                    for b in autres:
                        if (di, dj) == (0, 0) and b <= a:
                            continue
                        ex, ey = xs[b] - xs[a], ys[b] - ys[a]
                        d = math.hypot(ex, ey)
                        voulu = rs[a] + rs[b]
                        if d >= voulu:
                            continue
                        if d < 1e-9:  # confondus : une direction fixe, propre à la paire
                            ex, ey, d = math.cos(a * ANGLE_D_OR + b), math.sin(a * ANGLE_D_OR + b), 1.0
                        pousse = (voulu - d) / 2 / d
                        dx[a] -= ex * pousse
                        dy[a] -= ey * pousse
                        dx[b] += ex * pousse
                        dy[b] += ey * pousse
                        bouge = True
        if not bouge:
            break
        for i in range(len(ids)):
            xs[i] += dx[i]
            ys[i] += dy[i]
    return {x: (xs[i], ys[i]) for i, x in enumerate(ids)}


def _cercle(n: int) -> list[tuple[float, float]]:
    """``n`` points régulièrement espacés sur un cercle de rayon 1."""
    return [(math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k in range(n)]


def _distinctes(bloc: Positions, espace: float) -> Positions:
    """Écarte les nœuds trop proches (moins d'``espace``/4) : deux nœuds ne se confondent jamais."""
    minimum = espace / 4
    cases: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    resultat: Positions = {}
    for x, (px, py) in bloc.items():
        essai = 0
        while True:
            i, j = math.floor(px / minimum), math.floor(py / minimum)
            proches = (q for di in (-1, 0, 1) for dj in (-1, 0, 1) for q in cases[(i + di, j + dj)])
            if all(math.dist((px, py), q) >= minimum for q in proches):
                break
            essai += 1  # spirale d'or autour de la place voulue
            r = minimum * math.sqrt(essai)
            px, py = bloc[x][0] + r * math.cos(essai * ANGLE_D_OR), bloc[x][1] + r * math.sin(essai * ANGLE_D_OR)
        cases[(i, j)].append((px, py))
        resultat[x] = (px, py)
    return resultat


def _ranger(blocs: list[Positions], espace: float) -> Positions:
    """Range des blocs de positions en rayons (de gauche à droite, puis en dessous), centrés sur l'origine.

    La largeur d'un rayon vise une carte d'environ 16:10, jamais plus étroite que le plus large bloc.
    """
    boites = []
    for bloc in blocs:
        xs, ys = [p[0] for p in bloc.values()], [p[1] for p in bloc.values()]
        boites.append((min(xs), min(ys), max(xs) - min(xs) + espace, max(ys) - min(ys) + espace))
    aire = sum(b[2] * b[3] for b in boites)
    largeur_max = max([b[2] for b in boites] + [math.sqrt(aire * 1.6) * 1.1]) if boites else 0
    positions: Positions = {}
    x = y = hauteur_rayon = 0.0
    for bloc, (x0, y0, largeur, hauteur) in zip(blocs, boites):
        if x > 0 and x + largeur > largeur_max:
            x, y, hauteur_rayon = 0.0, y + hauteur_rayon, 0.0
        for noeud, (px, py) in bloc.items():
            positions[noeud] = (px - x0 + x, py - y0 + y)
        x += largeur
        hauteur_rayon = max(hauteur_rayon, hauteur)
    if not positions:
        return positions
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (round(p[0] - cx, 1), round(p[1] - cy, 1)) for n, p in positions.items()}


def projeter(latitude: float, longitude: float, unites: float = UNITES_PAR_DEGRE) -> tuple[float, float]:
    """Projection équirectangulaire vers le canevas (le nord en haut) ; la page a la même (``projeter``).

    >>> projeter(14.7, -17.4, 12)  # Dakar
    (-208.8, -176.4)
    """
    return round(longitude * unites, 2), round(-latitude * unites, 2)


def ecarter(points: Mapping[K, tuple[float, float]], pas: float) -> dict[K, tuple[float, float]]:
    """Les points d'un même lieu écartés en spirale d'or autour de lui (voisins à ≈ ``pas``), les autres inchangés.

    Seule fonction d'écartement du paquet (figures, export GEXF) ; la carte HTML, elle, écarte
    à l'écran (``gabarits/carte/geo.js``). Ordre stable : par identifiant.

    >>> p = ecarter({"a": (1.0, 2.0), "b": (1.0, 2.0), "c": (5.0, 5.0)}, 0.5)
    >>> p["a"], p["c"], p["b"] != p["a"]
    ((1.0, 2.0), (5.0, 5.0), True)
    """
    groupes: dict[tuple[float, float], list[K]] = defaultdict(list)
    for x in sorted(points, key=str):
        groupes[(round(points[x][0], 6), round(points[x][1], 6))].append(x)
    resultat: dict[K, tuple[float, float]] = {}
    for membres in groupes.values():
        cx, cy = points[membres[0]]
        for k, m in enumerate(membres):
            r = pas * math.sqrt(k) * 0.9
            resultat[m] = (cx + r * math.cos(k * ANGLE_D_OR), cy + r * math.sin(k * ANGLE_D_OR))
    return resultat


LIEU_INCONNU = (-64.0, -170.0)  # latitude, longitude où la carte pose les organisations sans position


def disposition_geographique(H: nx.Graph, *, unites: float = UNITES_PAR_DEGRE) -> Positions:
    """Chaque organisation à son lieu exact (latitude, longitude projetées), sans écart.

    Les organisations d'un même lieu partagent le point : la page les regroupe en un marqueur
    et les ouvre en éventail à l'écran. Les nœuds sans coordonnées partagent un point au
    sud-ouest de la carte (``LIEU_INCONNU``).

    >>> H = nx.Graph()
    >>> H.add_node("a", latitude=45.5, longitude=-73.6)
    >>> H.add_node("b", latitude=45.5, longitude=-73.6)
    >>> H.add_node("c")
    >>> p = disposition_geographique(H, unites=12)
    >>> p["a"] == p["b"] == (-883.2, -546.0), p["c"] == projeter(*LIEU_INCONNU, 12)
    (True, True)
    """
    positions: Positions = {}
    for x, d in H.nodes(data=True):
        lat, lon = coordonnees(d)
        positions[x] = projeter(lat, lon, unites) if lat is not None and lon is not None else projeter(*LIEU_INCONNU, unites)
    return positions


def coordonnees(d: Mapping) -> tuple[float | None, float | None]:
    """(latitude, longitude) d'un nœud, ou (None, None) si l'une manque ou n'est pas un nombre fini.

    >>> coordonnees({"latitude": 45.5, "longitude": -73.6}), coordonnees({"latitude": float("nan"), "longitude": 1})
    ((45.5, -73.6), (None, None))
    """
    lat, lon = d.get("latitude"), d.get("longitude")
    try:
        lat, lon = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None, None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None, None
    return lat, lon


def disposition_strates(
    H: nx.Graph, rayons: Mapping[Hashable, float] | None = None
) -> tuple[Positions, list[dict]]:
    """Une bande horizontale par échelle, de l'internationale (en haut) à la locale (en bas).

    Dans une bande, l'ordre horizontal suit une disposition par forces (les partenaires
    restent proches) ; une bande trop peuplée se répartit sur plusieurs rangées.
    Rend les positions et les bandes (``echelle``, ``haut``, ``bas``, ``gauche``, ``droite`` : le
    rectangle à teinter, marges comprises).

    >>> H = nx.Graph()
    >>> H.add_nodes_from([("a", {"echelle": "locale"}), ("b", {"echelle": "internationale"})])
    >>> p, bandes = disposition_strates(H)
    >>> p["b"][1] < p["a"][1], [b["echelle"] for b in bandes]
    (True, ['internationale', 'locale'])
    """
    rayons = rayons or {}
    rmax = max([*rayons.values(), 10.0])
    pas, hauteur, marge, ecart = 2.6 * rmax, 2.8 * rmax, 1.6 * rmax, 1.2 * rmax
    force = disposition_force(H, espace=pas)
    ordre = list(reversed(ECHELLES))
    bandes_noeuds: dict[str, list[Hashable]] = defaultdict(list)
    for x, e in H.nodes(data="echelle"):
        bandes_noeuds[e if e in ECHELLES else ""].append(x)
    capacite = max(12, math.ceil(2.5 * math.sqrt(H.number_of_nodes())))
    largeur = (capacite - 1) * pas
    xs = [p[0] for p in force.values()] or [0.0]
    xmin, etendue = min(xs), (max(xs) - min(xs)) or 1.0
    positions: Positions = {}
    bandes = []
    haut = 0.0
    for echelle in [*ordre, ""]:
        membres = sorted(bandes_noeuds.get(echelle, []), key=lambda m: (force[m][0], str(m)))
        if not membres:
            continue
        rangees = math.ceil(len(membres) / capacite)
        for r in range(rangees):
            rangee = membres[r::rangees]
            cibles = [(force[m][0] - xmin) / etendue * largeur for m in rangee]
            for m, x in zip(rangee, _etaler(cibles, pas, largeur)):
                decalage = pas / 2 if r % 2 else 0.0
                positions[m] = (round(x + decalage - largeur / 2, 2), round(haut + marge + (r + 0.5) * hauteur, 2))
        bas = haut + 2 * marge + rangees * hauteur
        bandes.append({"echelle": echelle, "haut": haut, "bas": bas, "gauche": -largeur / 2 - pas, "droite": largeur / 2 + pas})
        haut = bas + ecart
    return positions, bandes


def _etaler(cibles: list[float], pas: float, largeur: float) -> list[float]:
    """Positions croissantes dans [0, largeur], écartées d'au moins ``pas``, au plus près des cibles (triées).

    >>> _etaler([5.0, 6.0, 50.0], 10.0, 100.0), _etaler([0.0, 95.0, 98.0, 99.0], 10.0, 100.0)
    ([5.0, 15.0, 50.0], [0.0, 80.0, 90.0, 100.0])
    """
    sorties: list[float] = []
    for c in cibles:  # de gauche à droite : au moins « pas » après la précédente
        sorties.append(max(c, 0.0, sorties[-1] + pas if sorties else 0.0))
    limite = largeur
    for i in range(len(sorties) - 1, -1, -1):  # de droite à gauche : pas au-delà du bord
        sorties[i] = min(sorties[i], limite)
        limite = sorties[i] - pas
    return [round(s, 2) for s in sorties]
