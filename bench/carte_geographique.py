"""Banc : une carte géographique de 10 000 organisations s'ouvre-t-elle en moins de 5 s dans Chromium ?

    python bench/carte_geographique.py [-n 10000] [--repetitions 3]

Le réseau est écrit par ``reseau generer -n N --graine 0`` (villes et pays du générateur), la
carte par ``reseau carte --disposition geographique`` ; le temps mesuré va de la navigation
(fichier local) à ``carte.pret`` (premier dessin), puis un zoom sur une ville est redessiné.
Imprime le temps d'ouverture, la taille du fichier et le temps d'un dessin au zoom ville.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMITE_S = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as dossier:
        donnees, carte = Path(dossier) / "reseau", Path(dossier) / "carte.html"
        subprocess.run([sys.executable, "-m", "reseau", "generer", str(donnees), "-n", str(args.n), "--graine", "0"],
                       check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "reseau", "carte", str(donnees), "--disposition", "geographique",
                        "-o", str(carte)], check=True, capture_output=True)
        temps, dessins = [], []
        with sync_playwright() as p:
            navigateur = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            for _ in range(args.repetitions):
                page = navigateur.new_page(viewport={"width": 1280, "height": 800})
                debut = time.perf_counter()
                page.goto(carte.as_uri())
                page.wait_for_function("window.carte && carte.pret === true", timeout=60_000)
                temps.append(time.perf_counter() - debut)
                n = page.evaluate("nodes.length")
                dessins.append(page.evaluate("""(() => {
                  network.moveTo({position: projeter(2.35, 48.85), scale: 3});
                  const t = performance.now(); network.redraw(); network.renderer._redraw(); return performance.now() - t;
                })()"""))
                page.close()
            navigateur.close()
        mediane = statistics.median(temps)
        print(f"{n} organisations, carte de {carte.stat().st_size / 1e6:.1f} Mo : ouverte en {mediane:.2f} s "
              f"(médiane de {len(temps)} : {', '.join(f'{t:.2f}' for t in temps)}) ; "
              f"un dessin au zoom ville : {statistics.median(dessins):.0f} ms")
        print("OK" if mediane < LIMITE_S else f"TROP LENT (limite {LIMITE_S} s)")
        return 0 if mediane < LIMITE_S else 1


if __name__ == "__main__":
    sys.exit(main())
