"""Dispositions : propriétés sur des familles de graphes (hypothesis) et géographie exacte."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reseau.rendu.disposition import (
    ESPACE,
    LIEU_INCONNU,
    disposition_force,
    disposition_geographique,
    ecarter,
    projeter,
)


def _famille(nom: str, n: int) -> nx.Graph:
    if nom == "chaine":
        return nx.path_graph(n)
    if nom == "etoile":
        return nx.star_graph(max(n - 1, 1))
    if nom == "clique":
        return nx.complete_graph(min(n, 25))
    if nom == "isolees":
        return nx.empty_graph(n)
    raise ValueError(nom)


@st.composite
def graphes(draw) -> nx.Graph:
    """Des réseaux en morceaux : chaînes, étoiles, cliques, isolées, mêlées en dizaines de composantes."""
    morceaux = draw(st.lists(st.tuples(st.sampled_from(["chaine", "etoile", "clique", "isolees"]),
                                       st.integers(1, 30)), min_size=1, max_size=40))
    return nx.disjoint_union_all([_famille(nom, n) for nom, n in morceaux])


def _verifier(H: nx.Graph) -> None:
    p = disposition_force(H)
    assert set(p) == set(H)
    if not p:
        return
    assert all(math.isfinite(c) for xy in p.values() for c in xy)
    points = list(p.values())
    n = len(points)
    # jamais confondus : au moins espace/5 entre deux nœuds (espace/4 visé, arrondi au dixième)
    cases: dict[tuple[int, int], list] = {}
    for x, y in points:
        i, j = int(x // ESPACE), int(y // ESPACE)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for q in cases.get((i + di, j + dj), []):
                    assert math.dist((x, y), q) >= ESPACE / 5
        cases.setdefault((i, j), []).append((x, y))
    xs, ys = [q[0] for q in points], [q[1] for q in points]
    largeur, hauteur = max(xs) - min(xs), max(ys) - min(ys)
    # centrée, bornée (jamais des millions), pas un point : la fenêtre ajustée montre des disques séparés
    assert abs((max(xs) + min(xs)) / 2) < 1 and abs((max(ys) + min(ys)) / 2) < 1
    assert (largeur + ESPACE) * (hauteur + ESPACE) <= 12 * n * ESPACE**2
    if n > 1:
        assert max(largeur, hauteur) >= ESPACE * 0.9


@settings(max_examples=40, deadline=None)
@given(graphes())
def test_force_proprietes_sur_reseaux_en_morceaux(H):
    _verifier(H)


@pytest.mark.parametrize("H", [
    nx.Graph(), nx.empty_graph(1), nx.empty_graph(2), nx.empty_graph(500), nx.path_graph(3), nx.path_graph(2),
    nx.path_graph(200), nx.star_graph(150), nx.complete_graph(40), nx.cycle_graph(3),
    nx.disjoint_union_all([nx.complete_graph(31), *[nx.path_graph(2)] * 3, nx.empty_graph(3)]),  # comme gephi_netzero
], ids=lambda H: f"{H.number_of_nodes()}n{H.number_of_edges()}l")
def test_force_cas_limites(H):
    _verifier(H)


def test_force_chaine_de_trois_sans_explosion():
    """Régression : une chaîne presque plate plaçait « a » à x = −3 611 481."""
    p = disposition_force(nx.Graph([("a", "b"), ("b", "c")]))
    assert max(abs(c) for xy in p.values() for c in xy) <= 2 * ESPACE
    assert math.dist(p["a"], p["b"]) == pytest.approx(ESPACE, rel=0.2)


def test_force_composantes_rangees_de_la_plus_grande_aux_isolees():
    H = nx.disjoint_union_all([nx.complete_graph(12), nx.path_graph(4), nx.empty_graph(6)])
    p = disposition_force(H)
    grande, chaine, isolees = range(12), range(12, 16), range(16, 22)
    # les blocs ne se recouvrent pas : boîtes disjointes
    def boite(ns):
        xs, ys = [p[x][0] for x in ns], [p[x][1] for x in ns]
        return min(xs), min(ys), max(xs), max(ys)
    a, b, c = boite(grande), boite(chaine), boite(isolees)
    for u, v in ((a, b), (a, c), (b, c)):
        assert u[2] < v[0] or v[2] < u[0] or u[3] < v[1] or v[3] < u[1]
    assert a[0] <= b[0] and a[1] <= c[1]  # la plus grande en premier (à gauche, en haut)


def test_geographique_au_lieu_meme():
    H = nx.Graph()
    H.add_node("a", latitude=45.5017, longitude=-73.5673)
    H.add_node("b", latitude=45.5017, longitude=-73.5673)
    H.add_node("c", latitude=None, longitude=None)
    H.add_node("d", latitude=float("nan"), longitude=2.0)
    p = disposition_geographique(H)
    assert p["a"] == p["b"] == projeter(45.5017, -73.5673)
    assert p["c"] == p["d"] == projeter(*LIEU_INCONNU)


def test_ecarter_un_seul_ecartement():
    points = {f"o{i}": (2.35, 48.85) for i in range(30)} | {"seul": (10.0, 10.0)}
    e = ecarter(points, 0.1)
    assert e["seul"] == (10.0, 10.0) and e["o0"] == (2.35, 48.85)
    autres = [e[f"o{i}"] for i in range(30)]
    assert min(math.dist(u, v) for i, u in enumerate(autres) for v in autres[i + 1:]) > 0.05
    assert max(math.dist(u, (2.35, 48.85)) for u in autres) < 0.1 * math.sqrt(30)
    assert ecarter(points, 0.1) == e


@settings(max_examples=40, deadline=None)
@given(graphes(), st.integers(0, 2**16), st.floats(4.0, 30.0))
def test_force_avec_rayons_aucun_disque_ne_chevauche(H, graine, rmax):
    """Ticket 20 : la page ne rejoue plus de physique ; avec les rayons, aucun disque n'en chevauche un autre."""
    hasard = __import__("random").Random(graine)
    rayons = {x: hasard.uniform(rmax / 3, rmax) for x in H}
    p = disposition_force(H, espace=3.5 * rmax, rayons=rayons)
    assert set(p) == set(H)
    noeuds = list(H)
    for i, u in enumerate(noeuds):
        for v in noeuds[i + 1:]:
            assert math.dist(p[u], p[v]) >= rayons[u] + rayons[v] - 0.5, (u, v)


def test_force_avec_rayons_garde_la_forme():
    """Écarter les disques ne défait pas la disposition : une étoile reste une étoile autour de son centre."""
    H = nx.star_graph(12)
    rayons = {x: 30.0 if x == 0 else 10.0 for x in H}
    p = disposition_force(H, espace=105, rayons=rayons)
    centre = p[0]
    distances = [math.dist(centre, p[x]) for x in range(1, 13)]
    assert min(distances) >= 40 and max(distances) < 3 * min(distances)
