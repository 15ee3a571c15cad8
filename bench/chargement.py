"""Banc du chargement (ticket 20) : ``charger`` et ``reseau valider``, avant et après, côte à côte.

    python bench/chargement.py DOSSIER [--avant ARBRE] [--repetitions 3]

Chaque mesure est un sous-processus : temps réel, temps processeur (utilisateur + système,
``os.wait4``) et pic de mémoire (RSS). Le temps processeur compte : sur une machine partagée,
le temps réel mesure surtout la charge des autres. ``--avant`` : un autre arbre du dépôt (par
exemple un ``git worktree`` de ``main``), mesuré dans le même passage. Imprime un tableau
Markdown (médianes) avec la charge de la machine au début et à la fin.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEPOT = Path(__file__).resolve().parent.parent
CHARGER = "import sys; from reseau.entrees.chargement import charger; charger(sys.argv[1])"


def _mesurer(arbre: Path, args: list[str]) -> tuple[float, float, float]:
    """Temps réel, temps processeur (s) et pic de RSS (Mo) d'un sous-processus lancé depuis ``arbre``."""
    env = {**os.environ, "PYTHONPATH": str(arbre)}
    debut = time.perf_counter()
    processus = subprocess.Popen([sys.executable, *args], cwd=arbre, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, statut, usage = os.wait4(processus.pid, 0)
    reel = time.perf_counter() - debut
    if os.waitstatus_to_exitcode(statut) != 0:
        raise SystemExit(f"échec de {' '.join(args)} depuis {arbre}")
    return reel, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _charge() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dossier")
    parser.add_argument("--avant", type=Path)
    parser.add_argument("--repetitions", type=int, default=3)
    options = parser.parse_args()
    arbres = ([("avant", options.avant)] if options.avant else []) + [("après", DEPOT)]
    for _, arbre in arbres:  # comme un paquet installé (voir bench/demarrage.py)
        compileall.compile_dir(arbre / "reseau", quiet=1)
    mesures = {
        "charger (bibliothèque)": ["-c", CHARGER, options.dossier],
        "reseau valider": ["-m", "reseau", "valider", options.dossier],
    }
    print(f"Charge de la machine au début : {_charge()} (2 cœurs) ; {os.cpu_count()} processeurs vus\n")
    print("| mesure | arbre | temps réel (médiane) | temps processeur (médiane) | pic RSS |")
    print("|---|---|--:|--:|--:|")
    for nom, args in mesures.items():
        series: dict[str, list[tuple[float, float, float]]] = {e: [] for e, _ in arbres}
        # Les arbres alternent à chaque répétition : ils subissent à peu près la même charge.
        for _ in range(options.repetitions):
            for etiquette, arbre in arbres:
                series[etiquette].append(_mesurer(arbre, args))
        for etiquette, serie in series.items():
            reel = statistics.median(s[0] for s in serie)
            cpu = statistics.median(s[1] for s in serie)
            rss = max(s[2] for s in serie)
            print(f"| {nom} | {etiquette} | {reel:.1f} s | {cpu:.1f} s | {rss:.0f} Mo |", flush=True)
    print(f"\nCharge de la machine à la fin : {_charge()}")


if __name__ == "__main__":
    main()
