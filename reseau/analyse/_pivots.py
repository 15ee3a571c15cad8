"""Parcours en largeur depuis des pivots, en numpy : intermédiarité par bissection et sommes
des distances (estimations de :mod:`reseau.analyse.mesures`).

Intermédiarité : variante « bissection » de Geisberger, Sanders et Schultes (2008). Depuis un
pivot *s*, la paire (*s*, *t*) ne compte que pour les sommets de la moitié du chemin la plus
proche de *t* (pour moitié au milieu exact) ; l'autre moitié lui sera comptée depuis *t*. Un
pivot voisin d'une organisation centrale ne lui apporte donc plus presque tous ses chemins
d'un coup : à nombre de pivots égal, l'erreur sur le 1 % en tête est divisée par cinq environ
par rapport à Brandes-Pich (mesures : ``docs/mesures.md``). Sommé sur toutes les sources, le
résultat est l'intermédiarité exacte.

Les pivots sont traités par lots de taille fixe, sommés dans l'ordre des lots : le résultat
ne dépend pas du nombre de processus (au bit près). Au-delà de ``TRAVAIL_PARALLELE`` (réglages),
les lots sont répartis entre processus (``fork``, là où le système le permet).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..reglages import PROCESSUS, TRAVAIL_PARALLELE

if TYPE_CHECKING:
    import igraph
    import numpy

LOT = 16  # pivots par lot (l'unité de travail et d'addition)
# Adjacence partagée avec les processus fils (héritée par fork).
_ADJACENCE: tuple[numpy.ndarray, numpy.ndarray] | None = None


def adjacence(g: igraph.Graph) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Adjacence compressée (``indptr``, ``indices``) du graphe simple non orienté ``g``.

    >>> import igraph
    >>> indptr, indices = adjacence(igraph.Graph([(0, 1), (1, 2)]))
    >>> indptr.tolist(), indices.tolist()
    ([0, 1, 3, 4], [1, 2, 0, 1])
    """
    import numpy as np

    n = g.vcount()
    aretes = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    origine = np.concatenate([aretes[:, 0], aretes[:, 1]])
    but = np.concatenate([aretes[:, 1], aretes[:, 0]])
    ordre = np.argsort(origine, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(origine, minlength=n), out=indptr[1:])
    return indptr, but[ordre].astype(np.int32)


def parcourir(indptr: numpy.ndarray, indices: numpy.ndarray, source: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Depuis ``source`` : distances (-1 hors d'atteinte) et contributions par bissection
    Σ_t b(d(s, v), d(s, t)) · σ_st(v) / σ_st, où b(a, L) vaut 1 si 2a > L, 1/2 si 2a = L, 0 sinon
    (σ : nombres de plus courts chemins, accumulés comme chez Brandes, une passe par niveau L).

    >>> import igraph
    >>> distances, contributions = parcourir(*adjacence(igraph.Graph([(0, 1), (1, 2)])), 0)
    >>> distances.tolist(), contributions.tolist()
    ([0, 1, 2], [0.0, 0.5, 0.0])
    """
    import numpy as np

    n = len(indptr) - 1
    degres = np.diff(indptr)
    dist = np.full(n, -1, dtype=np.int32)
    dist[source] = 0
    sigma = np.zeros(n)
    sigma[source] = 1.0
    frontiere = np.array([source], dtype=np.int32)
    niveaux: list[tuple[numpy.ndarray, numpy.ndarray]] = []
    d = 0
    while len(frontiere):
        nombres = degres[frontiere]
        # Arcs sortant de la frontière : les plages indptr[u] … indptr[u + 1] mises bout à bout.
        fins = np.cumsum(nombres)
        positions = np.repeat(indptr[frontiere] - fins + nombres, nombres) + np.arange(fins[-1], dtype=indptr.dtype)
        w = indices[positions]
        # Un sommet non atteint au bout d'un arc de la frontière est au niveau d + 1 : ces arcs
        # sont ceux des plus courts chemins (aucun sommet du niveau d + 1 n'est encore marqué).
        garde = dist[w] < 0
        u, w = np.repeat(frontiere, nombres)[garde], w[garde]
        dist[w] = d + 1
        sigma += np.bincount(w, weights=sigma[u], minlength=n)
        niveaux.append((u, w))
        frontiere = np.flatnonzero(dist == d + 1).astype(np.int32) if len(w) else w
        d += 1
    # Bissection : la paire (s, t), t au niveau L, ne compte depuis s que pour les sommets de la
    # seconde moitié du chemin (niveau a > L / 2 ; a = L / 2 : moitié). Une passe par niveau L,
    # remontée du niveau L jusqu'au niveau L / 2 seulement.
    contributions = np.zeros(n)
    for cible in range(2, len(niveaux)):
        delta = np.zeros(n)
        bas = (cible + 1) // 2  # premier niveau a avec 2a >= L
        for d in range(cible - 1, bas - 1, -1):
            u, w = niveaux[d]
            poids = 1.0 / sigma[w] if d == cible - 1 else delta[w] / sigma[w]
            part = sigma * np.bincount(u, weights=poids, minlength=n)
            if 2 * d == cible:
                contributions += delta + part / 2  # niveaux au-dessus de L / 2, puis L / 2 pour moitié
                break
            delta += part
        else:
            contributions += delta
    return dist, contributions


def _lot(pivots: list[int]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Sommes, sur un lot de pivots, des contributions et des distances."""
    import numpy as np

    assert _ADJACENCE is not None
    indptr, indices = _ADJACENCE
    n = len(indptr) - 1
    contributions, distances = np.zeros(n), np.zeros(n)
    for s in pivots:
        dist, contribution = parcourir(indptr, indices, s)
        contributions += contribution
        distances += np.where(dist > 0, dist, 0)
    return contributions, distances


def processus_disponibles() -> int:
    """Cœurs utilisables par ce processus (``PROCESSUS`` des réglages s'il est fixé)."""
    if PROCESSUS:
        return PROCESSUS
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pas sous Linux
        return os.cpu_count() or 1


def sommer(g: igraph.Graph, pivots: list[int]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Pour chaque sommet de ``g`` (connexe) : sommes sur les pivots des contributions
    (:func:`parcourir`) et des distances.

    Multipliées par n / k, ce sont les estimations sans biais de l'intermédiarité (paires non
    ordonnées, comme ``igraph.Graph.betweenness``) et de la somme des distances de chaque sommet.

    Examples
    --------
    >>> import igraph
    >>> g = igraph.Graph.Famous("Zachary")
    >>> inter, distances = sommer(g, list(range(g.vcount())))
    >>> bool(abs(inter - g.betweenness()).max() < 1e-9)
    True

    References
    ----------
    R. Geisberger, P. Sanders, D. Schultes, « Better approximation of betweenness centrality »,
    *ALENEX* 2008, p. 90-100.
    """
    import numpy as np

    global _ADJACENCE
    _ADJACENCE = adjacence(g)
    try:
        lots = [pivots[i:i + LOT] for i in range(0, len(pivots), LOT)]
        processus = min(len(lots), processus_disponibles())
        travail = len(pivots) * (g.vcount() + g.ecount())
        if processus > 1 and travail >= TRAVAIL_PARALLELE and hasattr(os, "fork"):
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(processus, mp_context=multiprocessing.get_context("fork")) as pool:
                resultats = list(pool.map(_lot, lots))
        else:
            resultats = [_lot(lot) for lot in lots]
        contributions, distances = np.zeros(g.vcount()), np.zeros(g.vcount())
        for c, d in resultats:  # dans l'ordre des lots : même somme quel que soit le nombre de processus
            contributions += c
            distances += d
        return contributions, distances
    finally:
        _ADJACENCE = None
