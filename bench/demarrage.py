"""Banc du démarrage (ticket 20) : ``reseau carte`` du jeu de référence de bout en bout, avant et après.

    python bench/demarrage.py [--avant ARBRE] [--repetitions 15] [-- COMMANDE…]

Chaque lancement est un sous-processus ``python -m reseau …`` (défaut : ``carte donnees/ -o
FICHIER_TEMPORAIRE``) depuis l'arbre mesuré : temps réel, temps processeur (utilisateur + système)
et pic de RSS ; les arbres alternent à chaque répétition. Imprime les médianes (et le quartile
bas, moins sensible à la charge des autres) en Markdown, avec la charge de la machine.

Le code de chaque arbre est d'abord compilé (``compileall``, dans ``__pycache__``) : comme un
paquet installé, et même si ``PYTHONDONTWRITEBYTECODE`` est posé — sans cela, chaque lancement
recompilerait les modules de ``reseau`` (≈ 0,1 s).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import tempfile
from pathlib import Path

from chargement import DEPOT, _charge, _mesurer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--avant", type=Path)
    parser.add_argument("--repetitions", type=int, default=15)
    parser.add_argument("commande", nargs="*")
    options = parser.parse_args()
    arbres = ([("avant", options.avant)] if options.avant else []) + [("après", DEPOT)]
    for _, arbre in arbres:
        compileall.compile_dir(arbre / "reseau", quiet=1)
    with tempfile.TemporaryDirectory() as dossier:
        commande = options.commande or ["carte", "donnees/", "-o", str(Path(dossier) / "carte.html")]
        print(f"Charge de la machine au début : {_charge()} ; {os.cpu_count()} processeurs vus")
        print(f"Commande : `reseau {' '.join(commande)}`, {options.repetitions} lancements par arbre\n")
        print("| arbre | temps réel (médiane) | réel (quartile bas) | processeur (médiane) | pic RSS |")
        print("|---|--:|--:|--:|--:|")
        series: dict[str, list[tuple[float, float, float]]] = {e: [] for e, _ in arbres}
        for _ in range(options.repetitions):
            for etiquette, arbre in arbres:
                series[etiquette].append(_mesurer(arbre, ["-m", "reseau", *commande]))
        for etiquette, serie in series.items():
            reels = sorted(s[0] for s in serie)
            print(f"| {etiquette} | {statistics.median(reels):.3f} s | {reels[len(reels) // 4]:.3f} s "
                  f"| {statistics.median(s[1] for s in serie):.3f} s | {max(s[2] for s in serie):.0f} Mo |")
    print(f"\nCharge de la machine à la fin : {_charge()}")


if __name__ == "__main__":
    main()
