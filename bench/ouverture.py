"""Banc de la carte dans le navigateur (ticket 20) : avant et après, côte à côte, dans Chromium.

    python bench/ouverture.py --avant /tmp/avant [--jeux /tmp/jeux] [--repetitions 5] [--survols 20]
                              [--captures DOSSIER] [-o resultats.md]

``--avant`` : un arbre de travail de la version de référence (``git worktree add /tmp/avant main``) ;
« après » : l'arbre qui contient ce script. Pour chacun, les cartes sont écrites par sa propre commande
(``python -m reseau carte``, lancée depuis l'arbre) sur les mêmes jeux (``reseau generer -n N --graine 0``),
puis ouvertes dans le même Chromium sans écran, en alternant avant et après à chaque répétition :

- ouverture de la carte de 1 000 organisations et de la vue agrégée de 100 000 : de la navigation au
  premier dessin du réseau (``afterDrawing``), et jusqu'à la carte prête (``carte.pret``) ;
- carte de 10 000 : survol (la souris arrive sur un nœud, par ``page.mouse``) et sélection (clic) :
  du ``mousemove`` (ou du ``pointerup``) au dessin suivant, fin de ``afterDrawing`` ; médiane sur
  ``--survols`` nœuds.

La charge de la machine (``os.getloadavg``) est relevée au début et à la fin.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ICI = Path(__file__).resolve().parent
APRES = ICI.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
TAILLES = (1000, 10000, 100000)
# Instant du premier dessin du réseau : la globale ``network`` est guettée dès sa création.
GUETTEUR = """
(() => {
  let valeur;
  Object.defineProperty(window, "network", {
    configurable: true,
    get() { return valeur; },
    set(v) {
      valeur = v;
      if (v && v.once) v.once("afterDrawing", () => { window.__dessine = performance.now(); });
    },
  });
  new MutationObserver((changes, obs) => {
    const racine = document.documentElement;
    if (racine && racine.dataset.pret === "oui") { window.__pret = performance.now(); obs.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-pret"] });
})();
"""
# Arme la mesure d'une interaction : l'événement ``type`` (capturé sur window) note t0, le dessin
# suivant (après les autres gestionnaires d'afterDrawing, inscrits avant) note t1.
ARMER = """(type) => {
  window.__t0 = null; window.__t1 = null;
  window.addEventListener(type, function f() {
    window.removeEventListener(type, f, true);
    window.__t0 = performance.now();
    network.once("afterDrawing", () => { window.__t1 = performance.now(); });
  }, true);
}"""
# Nœuds à survoler : les plus gros visibles à l'écran, assez loin les uns des autres (px).
CIBLES = """(nombre) => {
  const rect = network.canvas.frame.canvas.getBoundingClientRect();
  const ids = nodes.getIds().filter((id) => network.body.nodes[id]);
  ids.sort((a, b) => network.body.nodes[b].options.size - network.body.nodes[a].options.size);
  const choisis = [];
  for (const id of ids) {
    const p = network.canvasToDOM(network.getPositions([id])[id]);
    if (p.x < 40 || p.y < 40 || p.x > rect.width - 40 || p.y > rect.height - 40) continue;
    if (choisis.some((c) => Math.hypot(c.x - p.x - rect.left, c.y - p.y - rect.top) < 30)) continue;
    choisis.push({ id: id, x: p.x + rect.left, y: p.y + rect.top });
    if (choisis.length >= nombre) break;
  }
  return choisis.map((c) => c.id);
}"""
# Position à l'écran d'un nœud, maintenant (la fiche ouverte rétrécit le canevas et déplace la vue), en pixels
# entiers (ceux des événements de la souris) où vis-network trouve bien un nœud : à l'échelle d'une carte de
# 10 000 ajustée à la fenêtre, un disque fait à peine un pixel.
POSITION = """(id) => {
  const rect = network.canvas.frame.canvas.getBoundingClientRect();
  const p = network.canvasToDOM(network.getPositions([id])[id]);
  const cx = Math.round(p.x + rect.left), cy = Math.round(p.y + rect.top);
  for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]]) {
    if (network.getNodeAt({ x: cx + dx - rect.left, y: cy + dy - rect.top }) !== undefined) return { x: cx + dx, y: cy + dy };
  }
  return { x: cx, y: cy };
}"""
# Un point vide du canevas (bord gauche, à mi-hauteur) : la souris y passe entre deux survols, comme une
# main qui va d'un nœud à l'autre (le survol précédent et son infobulle se referment).
REPOS = """() => {
  const rect = network.canvas.frame.canvas.getBoundingClientRect();
  return { x: rect.left + 4, y: rect.top + rect.height / 2 };
}"""


def executer(commande: list[str], arbre: Path) -> float:
    """Lance ``commande`` depuis ``arbre`` (son paquet ``reseau`` passe avant l'installé) ; rend la durée."""
    debut = time.perf_counter()
    subprocess.run(commande, cwd=arbre, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - debut


def preparer(arbres: dict[str, Path], jeux: Path, cartes: Path) -> dict[str, dict[int, Path]]:
    """Les jeux (écrits une fois) et les cartes de chaque arbre."""
    python = sys.executable
    resultat: dict[str, dict[int, Path]] = {}
    for n in TAILLES:
        if not (jeux / f"g{n}" / "partenariats.csv").is_file():
            print(f"jeu de {n}…", file=sys.stderr, flush=True)
            executer([python, "-m", "reseau", "generer", "-n", str(n), "--graine", "0", str(jeux / f"g{n}")], APRES)
    for nom, arbre in arbres.items():
        resultat[nom] = {}
        for n in TAILLES:
            html = cartes / f"{nom}-{n}.html"
            duree = executer([python, "-m", "reseau", "carte", str(jeux / f"g{n}"), "-o", str(html)], arbre)
            print(f"{nom} : carte de {n} écrite en {duree:.1f} s", file=sys.stderr, flush=True)
            resultat[nom][n] = html
    return resultat


def ouvrir(navigateur, html: Path, capture: Path | None = None) -> tuple[float, float]:
    """(premier dessin, carte prête) en secondes depuis le début de la navigation (``performance.now``)."""
    contexte = navigateur.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = contexte.new_page()
        page.add_init_script(GUETTEUR)
        page.goto(html.as_uri(), wait_until="commit")
        page.wait_for_function("window.__dessine !== undefined && window.__pret !== undefined",
                               timeout=120_000, polling=50)
        dessin, pret = page.evaluate("[window.__dessine / 1000, window.__pret / 1000]")
        if capture is not None:
            page.wait_for_timeout(500)
            page.screenshot(path=str(capture))
        return dessin, pret
    finally:
        contexte.close()


def interactions(navigateur, html: Path, nombre: int) -> dict[str, list[float]]:
    """Survols et sélections de ``nombre`` nœuds : millisecondes de l'événement au dessin suivant."""
    contexte = navigateur.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = contexte.new_page()
        page.goto(html.as_uri())
        page.wait_for_function("window.carte && carte.pret === true", timeout=120_000, polling=50)
        page.wait_for_timeout(300)
        cibles = page.evaluate(CIBLES, nombre)
        temps: dict[str, list[float]] = {"survol": [], "selection": []}
        for ident in cibles:
            repos = page.evaluate(REPOS)
            page.mouse.move(repos["x"], repos["y"])
            page.wait_for_timeout(400)
            cible = page.evaluate(POSITION, ident)
            page.evaluate(ARMER, "mousemove")
            page.mouse.move(cible["x"], cible["y"])
            if _attendre(page):
                temps["survol"].append(page.evaluate("window.__t1 - window.__t0"))
            page.wait_for_timeout(250)  # l'infobulle s'ouvre
            page.evaluate(ARMER, "pointerup")
            page.mouse.down()
            page.mouse.up()
            if _attendre(page):
                temps["selection"].append(page.evaluate("window.__t1 - window.__t0"))
            page.wait_for_timeout(200)
        page.keyboard.press("Escape")
        return temps
    finally:
        contexte.close()


def _attendre(page) -> bool:
    try:
        page.wait_for_function("window.__t1 !== null", timeout=3000, polling=10)
        return True
    except Exception:  # pas de dessin : la souris n'a rien touché
        return False


def mediane(valeurs: list[float]) -> float | None:
    return statistics.median(valeurs) if valeurs else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--avant", type=Path, required=True, help="arbre de travail de référence (main)")
    parser.add_argument("--jeux", type=Path, default=Path("/tmp/banc-ouverture"))
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--survols", type=int, default=20)
    parser.add_argument("--captures", type=Path, help="dossier où écrire une capture de chaque carte (après)")
    parser.add_argument("-o", "--sortie", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    charge_debut = os.getloadavg()
    args.jeux.mkdir(parents=True, exist_ok=True)
    cartes_dossier = args.jeux / "cartes"
    cartes_dossier.mkdir(exist_ok=True)
    arbres = {"avant": args.avant.resolve(), "apres": APRES}
    cartes = preparer(arbres, args.jeux, cartes_dossier)
    ouvertures: dict[tuple[str, int], list[tuple[float, float]]] = {}
    gestes: dict[str, dict[str, list[float]]] = {nom: {"survol": [], "selection": []} for nom in arbres}
    with sync_playwright() as p:
        navigateur = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for r in range(args.repetitions):
            for nom in (("avant", "apres") if r % 2 == 0 else ("apres", "avant")):
                for n in (1000, 100000):
                    capture = args.captures / f"{nom}-{n}.png" if args.captures and r == 0 else None
                    ouvertures.setdefault((nom, n), []).append(ouvrir(navigateur, cartes[nom][n], capture))
                    print(f"{nom} {n} : {ouvertures[(nom, n)][-1]}", file=sys.stderr, flush=True)
        for nom in arbres:
            if args.captures:
                ouvrir(navigateur, cartes[nom][10000], args.captures / f"{nom}-10000.png")
            for cle, valeurs in interactions(navigateur, cartes[nom][10000], args.survols).items():
                gestes[nom][cle].extend(valeurs)
            print(f"{nom} 10000 : {gestes[nom]}", file=sys.stderr, flush=True)
        navigateur.close()
    charge_fin = os.getloadavg()

    def ms(v: float | None) -> str:
        return "—" if v is None else f"{v:.0f} ms"

    def s(v: float | None) -> str:
        return "—" if v is None else f"{v:.2f} s"

    lignes = [
        f"- Date : {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC ; {os.cpu_count()} cœurs ; "
        f"Python {platform.python_version()}",
        f"- Charge (1, 5, 15 min) : début {', '.join(f'{c:.2f}' for c in charge_debut)} ; "
        f"fin {', '.join(f'{c:.2f}' for c in charge_fin)}",
        f"- Avant : {arbres['avant']} ; après : {arbres['apres']} ; {args.repetitions} ouvertures alternées, "
        f"{args.survols} survols et sélections", "",
        "| mesure | avant | après | avant ÷ après |",
        "|---|--:|--:|--:|",
    ]
    for n, libelle in ((1000, "carte de 1 000"), (100000, "vue agrégée de 100 000")):
        for i, quoi in ((0, "premier dessin"), (1, "carte prête")):
            a = mediane([o[i] for o in ouvertures[("avant", n)]])
            b = mediane([o[i] for o in ouvertures[("apres", n)]])
            lignes.append(f"| {libelle} : {quoi} (médiane) | {s(a)} | {s(b)} | {a / b:.1f}× |" if a and b else
                          f"| {libelle} : {quoi} | {s(a)} | {s(b)} | — |")
    for cle, quoi in (("survol", "survol d'un nœud"), ("selection", "sélection (clic)")):
        a, b = mediane(gestes["avant"][cle]), mediane(gestes["apres"][cle])
        compte = f"{len(gestes['avant'][cle])} / {len(gestes['apres'][cle])}"
        lignes.append(f"| carte de 10 000 : {quoi}, jusqu'au dessin suivant (médiane, {compte}) | {ms(a)} | {ms(b)} | "
                      + (f"{a / b:.1f}× |" if a and b else "— |"))
    texte = "\n".join(lignes) + "\n"
    print(texte)
    if args.sortie:
        args.sortie.write_text(texte, encoding="utf-8")


if __name__ == "__main__":
    main()
