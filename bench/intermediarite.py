"""Erreur de l'intermédiarité estimée sur le 1 % en tête, contre l'exact, selon le nombre de pivots.

    PYTHONPATH=. python bench/intermediarite.py [--n 20000] [--graine 1] [--pivots 100,250,500,1000]
        [--tirages 3] [--cache FICHIER.npy]

Réseau de ``reseau generer`` (cinq partenariats par organisation). L'exact (igraph, toutes les
sources) est long (~1 à 2 min à 20 000 organisations) : ``--cache`` le garde d'un lancement à
l'autre. Pour chaque nombre de pivots et chaque tirage, côte à côte : l'estimation de
``reseau`` (bissection, ``mesures._chemins``, proximité comprise) et celle de Brandes-Pich par
igraph seul (``betweenness(sources=pivots)``, multipliée par n / k) ; erreur relative moyenne
et maximale sur le 1 % des organisations les plus intermédiaires, temps (médiane des tirages).
C'est la mesure qui fixe ``reseau.reglages.ERREUR_REFERENCE`` (affichée par ``reseau
analyser``) ; résultats : ``docs/mesures.md``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

import numpy as np

from reseau.analyse import mesures
from reseau.entrees.generateur import generer
from reseau.entrees.graphe import construire
from reseau.reglages import GRAINE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--graine", type=int, default=1)
    parser.add_argument("--pivots", default="100,250,500,1000")
    parser.add_argument("--tirages", type=int, default=3)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    G = construire(*generer(args.n, 5 * args.n, args.graine))
    g = mesures._projection_igraph(G)
    n = g.vcount()
    normalisation = 2.0 / ((n - 1) * (n - 2))
    if args.cache and args.cache.exists():
        exacte = np.load(args.cache)
    else:
        debut = time.perf_counter()
        exacte = np.asarray(g.betweenness(directed=False)) * normalisation
        print(f"exact : {time.perf_counter() - debut:.1f} s")
        if args.cache:
            np.save(args.cache, exacte)
    tete = np.argsort(-exacte)[: max(1, n // 100)]
    print(f"{n} organisations, {g.ecount()} paires de partenaires ; 1 % en tête = {len(tete)} organisations")
    print("| pivots | méthode | err. moy. 1 % en tête | err. max. 1 % en tête | 10 premières | temps (médiane) |")
    print("|--:|---|--:|--:|--:|--:|")

    def erreurs(estimee: np.ndarray) -> tuple[float, float, int]:
        relative = np.abs(estimee[tete] - exacte[tete]) / exacte[tete]
        dix = len(set(np.argsort(-exacte)[:10]) & set(np.argsort(-estimee)[:10]))
        return float(relative.mean()), float(relative.max()), dix

    for k in (int(x) for x in args.pivots.split(",")):
        lignes: dict[str, list[tuple[float, float, int, float]]] = {"reseau (bissection)": [], "igraph (Brandes-Pich)": []}
        for tirage in range(args.tirages):
            # reseau : ses propres pivots (graine fixe de reglages, puis décalée par tirage).
            mesures.GRAINE = GRAINE + tirage
            debut = time.perf_counter()
            estimee = np.asarray(mesures._chemins(g, False, lambda _m: None, pivots=k)[0])
            lignes["reseau (bissection)"].append((*erreurs(estimee), time.perf_counter() - debut))
            pivots = sorted(random.Random(GRAINE + tirage).sample(range(n), k))
            debut = time.perf_counter()
            brandes_pich = np.asarray(g.betweenness(directed=False, sources=pivots)) * n / k * normalisation
            lignes["igraph (Brandes-Pich)"].append((*erreurs(brandes_pich), time.perf_counter() - debut))
        for methode, valeurs in lignes.items():
            moyenne = statistics.mean(v[0] for v in valeurs)
            pire = max(v[1] for v in valeurs)
            dix = min(v[2] for v in valeurs)
            duree = statistics.median(v[3] for v in valeurs)
            print(f"| {k} | {methode} | {moyenne:.1%} | {pire:.1%} | {dix}/10 au moins | {duree:.1f} s |", flush=True)
    mesures.GRAINE = GRAINE


if __name__ == "__main__":
    main()
