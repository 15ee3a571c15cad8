"""Erreur de l'estimation par pivots (intermédiarité, proximité) face au calcul exact.

    python bench/echantillonnage.py [--n 10000] [--pivots K] [--graine 1]

Sur un réseau généré (``reseau generer``, cinq partenariats par organisation), compare
``mesures_organisations(exact=True)`` et ``exact=False`` ; ``--pivots`` impose le nombre de
pivots de l'intermédiarité (défaut : celui de :func:`reseau.analyse.mesures.nombre_pivots`).
Imprime, pour chaque mesure : erreur relative moyenne (valeurs non nulles), erreur relative
moyenne et maximale sur le 1 % des organisations les plus centrales, corrélation des rangs
de Spearman et nombre des 10 premières retrouvées. Résultats : ``docs/mesures.md``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from reseau.analyse import mesures
from reseau.entrees.generateur import generer
from reseau.entrees.graphe import construire


def rangs(x: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(x, kind="stable"), kind="stable")


def comparer(nom: str, exacte: np.ndarray, estimee: np.ndarray) -> str:
    non_nulles = exacte > 0
    erreur = np.abs(estimee[non_nulles] - exacte[non_nulles]) / exacte[non_nulles]
    tete = np.argsort(-exacte)[: max(1, len(exacte) // 100)]
    erreur_tete = np.abs(estimee[tete] - exacte[tete]) / exacte[tete]
    spearman = np.corrcoef(rangs(exacte), rangs(estimee))[0, 1]
    dix = len(set(np.argsort(-exacte)[:10]) & set(np.argsort(-estimee)[:10]))
    return (f"| {nom} | {erreur.mean():.1%} | {erreur_tete.mean():.1%} | {erreur_tete.max():.1%} "
            f"| {spearman:.4f} | {dix}/10 |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--pivots", type=int)
    parser.add_argument("--graine", type=int, default=1)
    args = parser.parse_args()
    if args.pivots:
        mesures.PIVOTS_MIN, mesures.BUDGET = args.pivots, 0
    G = construire(*generer(args.n, 5 * args.n, args.graine))
    debut = time.perf_counter()
    exactes = mesures.mesures_organisations(G, exact=True)
    duree_exacte = time.perf_counter() - debut
    debut = time.perf_counter()
    estimees = mesures.mesures_organisations(G, exact=False)
    duree_estimee = time.perf_counter() - debut
    k_inter, k_prox = mesures.nombre_pivots(G.number_of_nodes(), paires(G))
    print(f"{args.n} organisations, {k_inter} pivots (intermédiarité et proximité ; proximité des composantes exactes "
          f"pour l'intermédiarité : {k_prox}) ; "
          f"exact {duree_exacte:.1f} s, estimé {duree_estimee:.1f} s")
    print("| mesure | err. moy. | err. moy. 1 % en tête | err. max. 1 % en tête | Spearman | 10 premières |")
    print("|---|---|---|---|---|---|")
    for nom in ("intermediarite", "proximite"):
        print(comparer(nom, exactes[nom].to_numpy(float), estimees[nom].to_numpy(float)))


def paires(G) -> int:
    return len({frozenset(e) for e in G.edges()})


if __name__ == "__main__":
    main()
