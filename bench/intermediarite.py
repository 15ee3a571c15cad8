"""Erreur de l'intermédiarité estimée sur le 1 % en tête, contre l'exact, selon le nombre de pivots.

    python bench/intermediarite.py [--n 20000] [--graine 1] [--pivots 500,1000,2616] [--cache FICHIER.npy]

Réseau de ``reseau generer`` (cinq partenariats par organisation). L'exact (igraph, toutes les
sources) est long (~2 min à 20 000 organisations) : ``--cache`` le garde d'un lancement à
l'autre. Pour chaque nombre de pivots : erreur relative moyenne et maximale sur le 1 % des
organisations les plus intermédiaires, et temps de l'estimation. C'est la mesure qui fixe
``reseau.analyse.mesures.ERREUR_REFERENCE`` (affichée par ``reseau analyser``) ; résultats :
``docs/mesures.md``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from reseau.analyse import mesures
from reseau.entrees.generateur import generer
from reseau.entrees.graphe import construire


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--graine", type=int, default=1)
    parser.add_argument("--pivots", default="500,1000,2616")
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
    print("| pivots | err. moy. 1 % en tête | err. max. 1 % en tête | 10 premières | temps |")
    print("|--:|--:|--:|--:|--:|")
    for k in (int(x) for x in args.pivots.split(",")):
        debut = time.perf_counter()
        estimee = np.asarray(mesures._chemins(g, False, lambda _m: None, pivots=k)[0])
        duree = time.perf_counter() - debut
        erreur = np.abs(estimee[tete] - exacte[tete]) / exacte[tete]
        dix = len(set(np.argsort(-exacte)[:10]) & set(np.argsort(-estimee)[:10]))
        print(f"| {k} | {erreur.mean():.1%} | {erreur.max():.1%} | {dix}/10 | {duree:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
