"""Parcours depuis des pivots (reseau.analyse._pivots) : exact avec toutes les sources, même
résultat au bit près quel que soit le nombre de processus, plus juste que Brandes-Pich."""

from __future__ import annotations

import random

import igraph
import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reseau.analyse import _pivots, mesures
from reseau.entrees.generateur import generer
from reseau.entrees.graphe import construire


def connexes() -> st.SearchStrategy[nx.Graph]:
    """Chaînes, étoiles, cycles, cliques, arbres, haltères, et la plus grande composante d'un G(n, p)."""
    taille = st.integers(2, 25)
    return st.one_of(
        taille.map(nx.path_graph), taille.map(nx.star_graph), st.integers(3, 25).map(nx.cycle_graph),
        taille.map(nx.complete_graph), st.integers(1, 8).map(lambda k: nx.barbell_graph(k + 2, k)),
        st.tuples(taille, st.integers(0, 10**6)).map(lambda a: nx.random_labeled_tree(a[0], seed=a[1])),
        st.tuples(st.integers(2, 40), st.floats(0.05, 0.6), st.integers(0, 10**6)).map(
            lambda a: nx.gnp_random_graph(*a).subgraph(max(nx.connected_components(nx.gnp_random_graph(*a)), key=len))),
    )


def en_igraph(P: nx.Graph) -> igraph.Graph:
    index = {x: i for i, x in enumerate(P)}
    return igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in P.edges])


@settings(max_examples=80, deadline=None)
@given(connexes())
def test_toutes_les_sources_rendent_l_exact(P):
    g = en_igraph(P)
    inter, distances = _pivots.sommer(g, list(range(g.vcount())))
    assert inter == pytest.approx(g.betweenness(directed=False), abs=1e-9)
    assert distances.tolist() == np.asarray(g.distances()).sum(axis=0).tolist()


def test_un_seul_sommet_et_une_paire():
    for g in (igraph.Graph(1), igraph.Graph([(0, 1)])):
        inter, distances = _pivots.sommer(g, list(range(g.vcount())))
        assert inter.tolist() == [0.0] * g.vcount()
        assert distances.tolist() == [float(g.vcount() - 1)] * g.vcount()


def test_chemin_a_la_main():
    """Chaîne 0-1-2-3 depuis 0 : 1 est au milieu de 0-2 (moitié) et dans la première moitié de
    0-3 (rien) ; 2 est dans la seconde moitié de 0-3 (tout) ; extrémités : 0."""
    distances, contributions = _pivots.parcourir(*_pivots.adjacence(igraph.Graph([(0, 1), (1, 2), (2, 3)])), 0)
    assert distances.tolist() == [0, 1, 2, 3]
    assert contributions.tolist() == [0.0, 0.5, 1.0, 0.0]


def test_meme_resultat_au_bit_pres_quel_que_soit_le_nombre_de_processus(monkeypatch):
    g = igraph.Graph.Barabasi(600, 3)
    pivots = sorted(random.Random(1).sample(range(600), 70))
    monkeypatch.setattr(_pivots, "TRAVAIL_PARALLELE", 0)
    resultats = []
    for processus in (1, 2, 3):
        monkeypatch.setattr(_pivots, "PROCESSUS", processus)
        resultats.append(_pivots.sommer(g, pivots))
    for inter, distances in resultats[1:]:
        assert np.array_equal(inter, resultats[0][0]) and np.array_equal(distances, resultats[0][1])


def test_bissection_plus_juste_que_brandes_pich():
    """Sur un réseau généré de 3 000 organisations, erreur moyenne du 1 % en tête sur 4 tirages de
    150 pivots : la bissection fait bien mieux que Brandes-Pich (mesuré : 4,6 % contre 17 %)."""
    g = mesures._projection_igraph(construire(*generer(3000, 15_000, 4)))
    g = g.induced_subgraph(max(g.connected_components(), key=len))
    n = g.vcount()
    exacte = np.asarray(g.betweenness(directed=False))
    tete = np.argsort(-exacte)[: n // 100]
    bissection, brandes_pich = [], []
    for tirage in range(4):
        pivots = sorted(random.Random(tirage).sample(range(n), 150))
        estimations = (_pivots.sommer(g, pivots)[0], np.asarray(g.betweenness(directed=False, sources=pivots)))
        for erreurs, estimee in zip((bissection, brandes_pich), estimations):
            erreurs.append(np.mean(np.abs(estimee[tete] * n / 150 - exacte[tete]) / exacte[tete]))
    assert np.mean(bissection) < 0.08 and np.mean(bissection) < 0.5 * np.mean(brandes_pich)
