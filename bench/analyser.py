"""Banc de ``reseau analyser`` (ticket 16) : avant et après, côte à côte, et igraph seul.

    python bench/analyser.py DOSSIER [DOSSIER…] [--avant ARBRE] [--repetitions 3] [--igraph]

Pour chaque jeu : ``reseau analyser DOSSIER --format csv -o …`` de bout en bout, depuis
l'arbre ``--avant`` (par exemple un ``git worktree`` de ``main``) et depuis ce dépôt, en
alternance à chaque répétition ; ``--igraph`` ajoute ``bench/igraph_seul.py`` (intermédiarité,
proximité et PageRank exacts : trop long au-delà de 20 000 organisations). Temps réel, temps
processeur (utilisateur + système, processus fils compris) et pic de RSS, en médianes
(mesure : :func:`chargement._mesurer`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from chargement import DEPOT, _charge, _mesurer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dossiers", nargs="+")
    parser.add_argument("--avant", type=Path)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--igraph", action="store_true")
    options = parser.parse_args()
    arbres = ([("avant", options.avant)] if options.avant else []) + [("après", DEPOT)]
    print(f"Charge de la machine au début : {_charge()} ; {os.cpu_count()} processeurs vus\n")
    print("| jeu | commande | arbre | temps réel (médiane) | temps processeur (médiane) | pic RSS |")
    print("|---|---|---|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as dossier_sortie:
        sortie = str(Path(dossier_sortie) / "analyse.csv")
        for dossier in options.dossiers:
            commandes = [(f"analyser ({etiquette})", etiquette, arbre,
                          ["-m", "reseau", "analyser", dossier, "--format", "csv", "-o", sortie])
                         for etiquette, arbre in arbres]
            if options.igraph:
                commandes.append(("igraph seul", "—", DEPOT, [str(DEPOT / "bench" / "igraph_seul.py"), dossier]))
            series: dict[str, list[tuple[float, float, float]]] = {nom: [] for nom, *_ in commandes}
            for _ in range(options.repetitions):  # en alternance : même charge pour tous
                for nom, _etiquette, arbre, args in commandes:
                    series[nom].append(_mesurer(arbre, args))
            for nom, etiquette, _arbre, _args in commandes:
                serie = series[nom]
                print(f"| {Path(dossier).name} | {nom.split(' (')[0]} | {etiquette} "
                      f"| {statistics.median(s[0] for s in serie):.1f} s | {statistics.median(s[1] for s in serie):.1f} s "
                      f"| {max(s[2] for s in serie):.0f} Mo |", flush=True)
    print(f"\nCharge de la machine à la fin : {_charge()}")


if __name__ == "__main__":
    main()
