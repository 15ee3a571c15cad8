"""Banc de ``reseau suggestions`` : un réseau généré de N organisations (10 000 par défaut).

    python bench/suggestions.py [--organisations 10000] [--graine 0] [--plafond 30]

Génère le jeu (``reseau generer``, cinq partenariats par organisation) dans un dossier
temporaire, puis chronomètre ``reseau suggestions`` (chargement compris) dans son propre
sous-processus, avec le nombre de régions mal reliées et de liens proposés. Code de sortie 1
si le temps dépasse le plafond (30 s : exigence du ticket 15).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEPOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parametres = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parametres.add_argument("--organisations", type=int, default=10_000)
    parametres.add_argument("--graine", type=int, default=0)
    parametres.add_argument("--plafond", type=float, default=30.0)
    options = parametres.parse_args()
    with tempfile.TemporaryDirectory(prefix="banc-suggestions-") as dossier:
        jeu = Path(dossier) / "jeu"
        subprocess.run([sys.executable, "-m", "reseau", "generer", "-n", str(options.organisations),
                        "--graine", str(options.graine), str(jeu)], check=True, cwd=DEPOT, capture_output=True)
        debut = time.perf_counter()
        sortie = subprocess.run([sys.executable, "-m", "reseau", "suggestions", str(jeu), "--format", "json"],
                                check=True, cwd=DEPOT, capture_output=True, text=True).stdout
        duree = time.perf_counter() - debut
    suggestions = json.loads(sortie)["suggestions"]
    regions = {(s["pays"], s["region"]) for s in suggestions}
    print(f"reseau suggestions, {options.organisations} organisations : {duree:.1f} s "
          f"({len(regions)} régions mal reliées, {len(suggestions)} liens proposés ; plafond {options.plafond:.0f} s)")
    return 0 if duree <= options.plafond else 1


if __name__ == "__main__":
    sys.exit(main())
