"""Bancs de performance de ``reseau``, côte à côte avec un script naïf et igraph seul.

    python bench/lancer.py [--tailles ref,1000,10000,100000] [--repetitions 5] [--plafond 300]
                           [-o bench/RESULTATS.md]

Pour le jeu de référence puis des réseaux générés par ``reseau generer`` (cinq partenariats
par organisation), mesure dans le même passage, chacun dans son propre sous-processus :
``reseau analyser``, ``reseau regions`` et ``reseau carte`` ; le même travail par
``bench/naif.py`` (pandas + networkx + pyvis) ; les trois centralités par
``bench/igraph_seul.py`` ; l'ouverture des cartes dans Chromium (Playwright). Temps : médiane
de plusieurs répétitions pour les petites tailles ; mémoire : pic de RSS du sous-processus
(``os.wait4``). Au-delà du plafond, la mesure est arrêtée et notée « > plafond ». Imprime un
tableau Markdown (et l'écrit dans ``-o``), avec la date, la machine et les versions.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ICI = Path(__file__).resolve().parent
DEPOT = ICI.parent
CHROMIUM = "/usr/bin/chromium"
ARGS_CHROMIUM = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
# Note l'instant du premier dessin du réseau (variable globale ``network`` de pyvis) et celui où
# la page se dit prête (``data-pret="oui"``) ; partagé avec bench/ouverture.py.
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
SEUIL_REPETITIONS = 1000  # au-delà, une seule mesure
BUDGET_REPETITIONS = 30.0  # secondes cumulées au-delà desquelles on cesse de répéter


@dataclass
class Mesure:
    """Résultat d'une mesure : médiane des temps, pic mémoire, ou dépassement, ou échec."""

    secondes: float | None = None
    memoire_mo: float | None = None
    depasse: float | None = None  # plafond atteint
    erreur: str | None = None
    repetitions: int = 0
    details: dict = field(default_factory=dict)

    def temps(self) -> str:
        if self.erreur:
            return "échec"
        if self.depasse is not None:
            return f"> {self.depasse:.0f} s"
        if self.secondes is None:
            return "—"
        if self.secondes < 0.1:
            return f"{self.secondes * 1000:.1f} ms"
        return f"{self.secondes:.2f} s" if self.secondes < 10 else f"{self.secondes:.1f} s"

    def memoire(self) -> str:
        return "—" if self.memoire_mo is None else f"{self.memoire_mo:.0f} Mo"


def executer(commande: list[str], plafond: float) -> tuple[float, float, dict] | Mesure:
    """Lance ``commande`` ; rend (durée, pic de RSS en Mo, JSON imprimé) ou la mesure d'échec."""
    with tempfile.TemporaryFile() as sortie, tempfile.TemporaryFile() as erreurs:
        debut = time.perf_counter()
        proc = subprocess.Popen(commande, stdout=sortie, stderr=erreurs, cwd=DEPOT, start_new_session=True)
        tue = threading.Event()

        def tuer() -> None:
            tue.set()
            os.killpg(proc.pid, signal.SIGKILL)

        minuteur = threading.Timer(plafond, tuer)
        minuteur.start()
        _, statut, usage = os.wait4(proc.pid, 0)
        minuteur.cancel()
        duree = time.perf_counter() - debut
        proc.returncode = os.waitstatus_to_exitcode(statut)
        if tue.is_set():
            return Mesure(depasse=plafond)
        if proc.returncode != 0:
            erreurs.seek(0)
            texte = erreurs.read().decode("utf-8", "replace").strip().splitlines()
            return Mesure(erreur=(texte[-1] if texte else f"code {proc.returncode}"))
        sortie.seek(0)
        lignes = sortie.read().decode("utf-8", "replace").strip().splitlines()
        try:
            details = json.loads(lignes[-1]) if lignes else {}
        except json.JSONDecodeError:
            details = {}
        return duree, usage.ru_maxrss / 1024, details if isinstance(details, dict) else {}


def mesurer(commande: list[str], plafond: float, repetitions: int) -> Mesure:
    """Médiane des temps sur ``repetitions`` lancements (moins si c'est long), pic mémoire maximal."""
    temps, memoires, details = [], [], {}
    for _ in range(repetitions):
        resultat = executer(commande, plafond)
        if isinstance(resultat, Mesure):
            return resultat
        duree, memoire, details = resultat
        temps.append(duree)
        memoires.append(memoire)
        if sum(temps) > BUDGET_REPETITIONS:
            break
    return Mesure(statistics.median(temps), max(memoires), repetitions=len(temps), details=details)


def ouvrir(html: Path, plafond: float) -> Mesure:
    """Temps entre la navigation et le premier dessin du réseau dans Chromium sans écran."""
    if not html.is_file():
        return Mesure()  # pas de carte écrite (commande échouée ou arrêtée)
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        return Mesure(erreur="playwright absent")
    with sync_playwright() as p:
        navigateur = p.chromium.launch(executable_path=CHROMIUM, args=ARGS_CHROMIUM)
        try:
            page = navigateur.new_page(viewport={"width": 1280, "height": 800})
            page.add_init_script(GUETTEUR)
            externes: list[str] = []

            def filtrer(route) -> None:
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    externes.append(route.request.url)
                    route.abort()

            page.route("**/*", filtrer)
            debut = time.perf_counter()
            try:
                page.goto(html.as_uri(), wait_until="load", timeout=plafond * 1000)
                page.wait_for_function("window.__dessine !== undefined", timeout=plafond * 1000, polling=50)
            except Error as exc:
                if "Timeout" in str(exc):
                    return Mesure(depasse=plafond)
                return Mesure(erreur=str(exc).splitlines()[0])
            return Mesure(time.perf_counter() - debut, repetitions=1, details={"requetes_externes": len(externes)})
        finally:
            navigateur.close()


def commande_reseau() -> list[str]:
    script = Path(sys.executable).with_name("reseau")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reseau"]


@dataclass
class Ligne:
    jeu: str
    commande: str
    reseau: Mesure
    naif: Mesure | None = None
    igraph: Mesure | None = None


def rapport(a: Mesure | None, b: Mesure | None) -> str:
    """a ÷ b, avec « > » si a a dépassé le plafond, « < » si b l'a dépassé."""
    if a is not None and b is not None and b.depasse is not None and a.secondes is not None:
        return f"< {a.secondes / b.depasse:.2f}×"
    if a is None or b is None or b.secondes is None or b.secondes <= 0:
        return "—"
    if a.depasse is not None:
        return f"> {a.depasse / b.secondes:.0f}×"
    if a.secondes is None:
        return "—"
    quotient = a.secondes / b.secondes
    return f"{quotient:.1f}×" if quotient < 100 else f"{quotient:.0f}×"


def banc_taille(taille: str, dossier: Path, args: argparse.Namespace) -> list[Ligne]:
    """Toutes les mesures pour un jeu : ``ref`` ou un nombre d'organisations."""
    reseau = commande_reseau()
    python = [sys.executable]
    lignes: list[Ligne] = []
    if taille == "ref":
        sys.path.insert(0, str(DEPOT))
        from reseau.entrees.geographie import dossier_reference

        donnees, argument, nom, n = dossier_reference(), [], "référence", 100
    else:
        n = int(taille)
        donnees = dossier / f"jeu-{n}"
        argument, nom = [str(donnees)], f"{n:,}".replace(",", " ")
        generation = mesurer([*reseau, "generer", "-n", str(n), "--graine", "0", str(donnees)], args.plafond, 1)
        lignes.append(Ligne(nom, "generer", generation))
        if generation.secondes is None:
            return lignes
    repetitions = args.repetitions if n <= SEUIL_REPETITIONS else 1
    sorties = dossier / f"sorties-{taille}"
    sorties.mkdir(exist_ok=True)
    progres = f"[{nom}]"

    def mesure(etiquette: str, commande: list[str]) -> Mesure:
        print(f"{progres} {etiquette}…", file=sys.stderr, flush=True)
        resultat = mesurer(commande, args.plafond, repetitions)
        print(f"{progres} {etiquette} : {resultat.temps()}, {resultat.memoire()}", file=sys.stderr, flush=True)
        return resultat

    for commande, options, extension in (
        ("analyser", ["--format", "json"], "json"),
        ("regions", ["--format", "csv"], "csv"),
        ("carte", [], "html"),
    ):
        cible_reseau = sorties / f"reseau-{commande}.{extension}"
        cible_naif = sorties / f"naif-{commande}.{'html' if commande == 'carte' else 'csv'}"
        commande_r = [*reseau, commande, *argument, *options, "-o", str(cible_reseau)]
        ligne = Ligne(nom, commande, mesure(f"reseau {commande}", commande_r))
        ligne.naif = mesure(f"naïf {commande}", [*python, str(ICI / "naif.py"), commande, str(donnees), str(cible_naif)])
        if commande == "analyser":
            ligne.igraph = mesure("igraph seul", [*python, str(ICI / "igraph_seul.py"), str(donnees)])
            if ligne.igraph.secondes is not None:
                ligne.igraph.details["processus_s"] = ligne.igraph.secondes
                ligne.igraph.secondes = ligne.igraph.details.get("centralites_s", ligne.igraph.secondes)
        lignes.append(ligne)
        if commande == "carte":
            print(f"{progres} ouverture dans Chromium…", file=sys.stderr, flush=True)
            ouverture = Ligne(nom, "carte : ouverture dans Chromium", ouvrir(cible_reseau, args.plafond_navigateur),
                              naif=ouvrir(cible_naif, args.plafond_navigateur))
            lignes.append(ouverture)
    return lignes


def machine() -> list[str]:
    memoire = next((ligne.split()[1] for ligne in Path("/proc/meminfo").read_text().splitlines()
                    if ligne.startswith("MemTotal")), "0")
    modele = next((ligne.split(":", 1)[1].strip() for ligne in Path("/proc/cpuinfo").read_text().splitlines()
                   if ligne.startswith("model name")), platform.processor())
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("reseau", "networkx", "igraph", "pandas", "pyvis", "playwright"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=DEPOT, capture_output=True, text=True).stdout.strip()
    chromium = "absent"
    if Path(CHROMIUM).exists():
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return [
        f"- Date : {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine : {os.cpu_count()} cœurs ({modele}), {int(memoire) / 1024 / 1024:.1f} Go de mémoire, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ; {versions} ; {chromium}",
        f"- Dépôt : commit {commit or '?'} (modifications locales comprises)",
    ]


def cibles(lignes: list[Ligne]) -> list[str]:
    """Les cibles du ticket 8, tenues ou non, d'après les mesures."""
    def trouver(jeu: str, commande: str) -> Ligne | None:
        return next((ligne for ligne in lignes if ligne.jeu == jeu and ligne.commande == commande), None)

    def verdict(ok: bool | None) -> str:
        return "non mesurée" if ok is None else ("tenue" if ok else "**non tenue**")

    sortie = []
    carte_ref = trouver("référence", "carte")
    ok = None if carte_ref is None or carte_ref.reseau.secondes is None else carte_ref.reseau.secondes < 1
    texte = carte_ref.reseau.temps() if carte_ref else "—"
    sortie.append(f"- `reseau carte` sur le jeu de référence < 1 s : {texte} — {verdict(ok)}")
    analyse = trouver("10 000", "analyser")
    ok = None
    if analyse and analyse.reseau.secondes and analyse.igraph and analyse.igraph.secondes:
        ok = analyse.reseau.secondes <= 2 * analyse.igraph.secondes
    texte = rapport(analyse.reseau, analyse.igraph) if analyse else "—"
    sortie.append(f"- `analyser` 10 000 / 50 000 ≤ 2 × igraph seul (3 centralités) : {texte} — {verdict(ok)}")
    grand = trouver("100 000", "analyser")
    ok = None
    if grand and grand.reseau.secondes is not None:
        ok = grand.reseau.secondes < 120 and (grand.reseau.memoire_mo or 0) < 4096
    detail = f"{grand.reseau.temps()}, {grand.reseau.memoire()}" if grand else "—"
    sortie.append(f"- `analyser` 100 000 / 500 000 < 2 min et < 4 Go : {detail} — {verdict(ok)}")
    ouverture = trouver("100 000", "carte : ouverture dans Chromium")
    ok = None if ouverture is None or ouverture.reseau.secondes is None else ouverture.reseau.secondes < 10
    texte = ouverture.reseau.temps() if ouverture else "—"
    sortie.append(f"- `carte` 100 000 s'ouvre dans Chromium < 10 s : {texte} — {verdict(ok)}")
    return sortie


def tableau(lignes: list[Ligne]) -> list[str]:
    entete = [
        "| jeu | commande | reseau | mémoire | naïf | mémoire | naïf ÷ reseau | igraph seul (3 centralités) | reseau ÷ igraph |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    corps = []
    for ligne in lignes:
        naif, igraph = ligne.naif, ligne.igraph
        corps.append(
            f"| {ligne.jeu} | {ligne.commande} | {ligne.reseau.temps()} | {ligne.reseau.memoire()} | "
            f"{naif.temps() if naif else '—'} | {naif.memoire() if naif else '—'} | {rapport(naif, ligne.reseau)} | "
            f"{igraph.temps() if igraph else '—'} | {rapport(ligne.reseau, igraph)} |"
        )
    return entete + corps


def main() -> None:
    parser = argparse.ArgumentParser(description="Bancs de reseau, côte à côte avec naïf et igraph seul.")
    parser.add_argument("--tailles", default="ref,1000,10000,100000",
                        help="jeux à mesurer : ref et des nombres d'organisations (défaut : %(default)s)")
    parser.add_argument("--repetitions", type=int, default=5,
                        help=f"répétitions (médiane) jusqu'à {SEUIL_REPETITIONS} organisations (défaut : %(default)s)")
    parser.add_argument("--plafond", type=float, default=300, help="temps maximal d'une mesure, en s (défaut : %(default)s)")
    parser.add_argument("--plafond-navigateur", type=float, default=60,
                        help="temps maximal d'ouverture d'une carte, en s (défaut : %(default)s)")
    parser.add_argument("-o", "--sortie", type=Path, help="écrire aussi le tableau dans ce fichier Markdown")
    parser.add_argument("--garder", action="store_true", help="garder les jeux générés et les sorties")
    args = parser.parse_args()

    dossier = Path(tempfile.mkdtemp(prefix="reseau-bancs-"))
    lignes: list[Ligne] = []
    try:
        for taille in args.tailles.split(","):
            lignes += banc_taille(taille.strip(), dossier, args)
    finally:
        if args.garder:
            print(f"Jeux et sorties gardés dans {dossier}", file=sys.stderr)
        else:
            shutil.rmtree(dossier, ignore_errors=True)

    texte = "\n".join([
        "## Mesures", "", *machine(), "",
        f"Commande : `python bench/lancer.py --tailles {args.tailles} --repetitions {args.repetitions} "
        f"--plafond {args.plafond:.0f}`. Temps de bout en bout de chaque sous-processus (médiane de "
        f"{args.repetitions} lancements au plus jusqu'à {SEUIL_REPETITIONS} organisations, un seul au-delà) ; "
        "mémoire = pic de RSS du sous-processus ; igraph seul = temps des trois centralités, hors chargement ; "
        "ouverture = de la navigation au premier dessin du réseau dans Chromium sans écran.", "",
        *tableau(lignes), "", "### Cibles", "", *cibles(lignes), "",
    ])
    print(texte)
    if args.sortie:
        args.sortie.write_text(texte, encoding="utf-8")


if __name__ == "__main__":
    main()
