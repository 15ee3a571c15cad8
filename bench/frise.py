"""Banc de la frise : temps d'un changement d'année sur la carte, dans Chromium.

    python bench/frise.py [-n 1000] [--graine 0] [-o bench/FRISE.md]

Génère un réseau de N organisations (``reseau generer`` : 5 partenariats par organisation,
chacun avec ses années), écrit sa carte, l'ouvre dans Chromium sans écran (Playwright) et,
pour chaque année de la frise, dans les modes actif et cumulé, avec et sans « garder les
autres en gris », mesure le temps de ``carte.frise.aller(annee)`` jusqu'à l'image suivante
dessinée (deux ``requestAnimationFrame``). Exigence du ticket 17 : moins de 100 ms.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ICI = Path(__file__).resolve().parent
sys.path.insert(0, str(ICI.parent))

import reseau  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
MESURE = """async ([annee, mode]) => {
  const t0 = performance.now();
  carte.frise.aller(annee, mode);
  const t1 = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [t1 - t0, performance.now() - t0];
}"""


def mesurer(n: int, graine: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="banc-frise-") as dossier:
        organisations, partenariats = reseau.generer(n, graine=graine)
        reseau.ecrire_jeu(Path(dossier) / "jeu", organisations, partenariats)
        G = reseau.charger(Path(dossier) / "jeu")
        carte = reseau.ecrire_carte(G, Path(dossier) / "carte.html")
        resultats = []
        with sync_playwright() as p:
            navigateur = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = navigateur.new_page(viewport={"width": 1280, "height": 800})
            page.goto(carte.as_uri())
            page.wait_for_function("window.carte && carte.pret === true", timeout=120_000)
            bornes = page.evaluate("carte.frise.bornes")
            annees = list(range(bornes["min"], bornes["max"] + 1))
            for gris in (False, True):
                page.evaluate(f"document.getElementById('frise-gris').checked = {str(gris).lower()}")
                page.dispatch_event("#frise-gris", "change")
                for mode in ("actif", "cumule"):
                    page.evaluate(MESURE, [annees[0], mode])  # mise en train
                    temps = [page.evaluate(MESURE, [a, mode]) for a in annees]
                    synchrones, images = [t[0] for t in temps], [t[1] for t in temps]
                    resultats.append({
                        "mode": mode, "gris": gris, "annees": len(annees),
                        "mediane": statistics.median(images), "max": max(images),
                        "p90": statistics.quantiles(images, n=10)[-1],
                        "mediane_js": statistics.median(synchrones), "max_js": max(synchrones),
                    })
            navigateur.close()
        resultats.insert(0, {"organisations": G.number_of_nodes(), "liens": reseau.projection(G).number_of_edges(),
                             "bornes": bornes})
        return resultats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--graine", type=int, default=0)
    parser.add_argument("-o", "--sortie", type=Path)
    args = parser.parse_args()
    entete, *lignes = mesurer(args.n, args.graine)
    texte = [
        f"# Banc de la frise — {datetime.date.today().isoformat()}",
        "",
        f"Carte de {entete['organisations']} organisations, {entete['liens']} liens, années "
        f"{entete['bornes']['min']}–{entete['bornes']['max']} ; Chromium sans écran ({platform.machine()}, "
        f"Python {platform.python_version()}, charge moyenne {os.getloadavg()[0]:.1f} sur {os.cpu_count()} cœurs). "
        "Temps d'un changement d'année, en ms : jusqu'à l'image "
        "suivante dessinée (et, entre parenthèses, la partie JavaScript synchrone).",
        "",
        "| mode | gris | années | médiane | 9e décile | max |",
        "|---|---|---|---|---|---|",
        *(f"| {r['mode']} | {'oui' if r['gris'] else 'non'} | {r['annees']} | {r['mediane']:.1f} ({r['mediane_js']:.1f}) "
          f"| {r['p90']:.1f} | {r['max']:.1f} ({r['max_js']:.1f}) |" for r in lignes),
        "",
    ]
    print("\n".join(texte))
    if args.sortie:
        args.sortie.write_text("\n".join(texte), encoding="utf-8")


if __name__ == "__main__":
    main()
