"""Positions des nœuds d'une carte : par forces, géographiques, en strates d'échelle.

Les positions sont en unités de canevas (x vers la droite, y vers le bas), reproductibles.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping

import networkx as nx

from ..entrees.schema import ECHELLES

DISPOSITIONS: tuple[str, ...] = ("force", "geographique", "strates")
UNITES_PAR_DEGRE = 12.0  # projection équirectangulaire : unités de canevas par degré
ESPACE = 60.0  # distance moyenne visée entre voisins d'une disposition par forces
ANGLE_D_OR = math.pi * (3 - math.sqrt(5))

Positions = dict[Hashable, tuple[float, float]]


def disposition_force(H: nx.Graph, *, espace: float = ESPACE) -> Positions:
    """Positions par forces (Fruchterman-Reingold d'igraph sur grille, graine fixe).

    Chaque composante connexe est disposée à part, à l'échelle (environ ``espace``² d'aire
    par nœud), puis les composantes sont rangées en rayons, des plus grandes aux isolées.

    >>> H = nx.Graph([(0, 1), (1, 2), (3, 4)])
    >>> p = disposition_force(H)
    >>> sorted(p) == [0, 1, 2, 3, 4] and p == disposition_force(H)
    True
    """
    from ..analyse._igraph import importer_igraph

    igraph = importer_igraph()

    from ..analyse.mesures import hasard_fixe

    composantes = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    blocs = []
    with hasard_fixe():
        for noeuds in composantes:
            if len(noeuds) == 1:
                blocs.append({noeuds[0]: (0.0, 0.0)})
                continue
            index = {x: i for i, x in enumerate(noeuds)}
            g = igraph.Graph(n=len(noeuds), edges=[(index[u], index[v]) for u, v in H.edges(noeuds) if u != v])
            coords = g.layout_fruchterman_reingold(niter=500, grid="auto").coords
            xs, ys = [c[0] for c in coords], [c[1] for c in coords]
            # par la plus grande étendue : une composante alignée (deux nœuds) a une aire presque nulle
            etendue = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
            facteur = espace * math.sqrt(len(noeuds)) / etendue
            blocs.append({x: (c[0] * facteur, c[1] * facteur) for x, c in zip(noeuds, coords)})
    return _ranger(blocs, espace)


def _ranger(blocs: list[Positions], espace: float) -> Positions:
    """Range des blocs de positions en rayons (de gauche à droite, puis en dessous), centrés sur l'origine."""
    boites = []
    for bloc in blocs:
        xs, ys = [p[0] for p in bloc.values()], [p[1] for p in bloc.values()]
        boites.append((min(xs), min(ys), max(xs) - min(xs) + espace, max(ys) - min(ys) + espace))
    largeur_max = max([b[2] for b in boites] + [math.sqrt(sum(b[2] * b[3] for b in boites)) * 1.3]) if boites else 0
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
    """Projection équirectangulaire vers le canevas (le nord en haut).

    >>> projeter(14.7, -17.4)  # Dakar
    (-208.8, -176.4)
    """
    return round(longitude * unites, 2), round(-latitude * unites, 2)


def disposition_geographique(
    H: nx.Graph, rayons: Mapping[Hashable, float] | None = None, *, unites: float = UNITES_PAR_DEGRE
) -> Positions:
    """Positions par latitude et longitude ; les organisations d'un même lieu sont dispersées en spirale.

    Les nœuds sans coordonnées sont rangés sous la carte, au sud de l'Antarctique.

    >>> H = nx.Graph()
    >>> H.add_node("a", latitude=45.5, longitude=-73.6)
    >>> H.add_node("b", latitude=45.5, longitude=-73.6)
    >>> p = disposition_geographique(H)
    >>> p["a"] != p["b"]
    True
    """
    rayons = rayons or {}
    lieux: dict[tuple[float, float], list[Hashable]] = defaultdict(list)
    sans_position = []
    for x, d in H.nodes(data=True):
        lat, lon = d.get("latitude"), d.get("longitude")
        if lat is None or lon is None or (isinstance(lat, float) and math.isnan(lat)):
            sans_position.append(x)
        else:
            lieux[(round(lat, 3), round(lon, 3))].append(x)
    positions: Positions = {}
    for (lat, lon), membres in lieux.items():
        cx, cy = projeter(lat, lon, unites)
        membres.sort(key=lambda m: (-rayons.get(m, 1.0), str(m)))
        pas = 1.3 * max(rayons.get(m, 1.0) for m in membres)
        for k, m in enumerate(membres):  # spirale de Vogel : voisins à distance ≈ 2 pas
            r = pas * math.sqrt(k) * 1.6
            positions[m] = (round(cx + r * math.cos(k * ANGLE_D_OR), 2), round(cy + r * math.sin(k * ANGLE_D_OR), 2))
    pas = 2.5 * max([rayons.get(m, 1.0) for m in sans_position] or [1.0])
    x0, y0 = projeter(-62, -170, unites)
    for k, m in enumerate(sorted(sans_position, key=str)):
        positions[m] = (x0 + k * pas, y0)
    return positions


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
