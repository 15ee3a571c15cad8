"""Banc de ``reseau fusionner`` : 50 réponses de 200 organisations, qui se recoupent.

    python bench/fusion.py [--reponses 50] [--organisations 200] [--repertoire 400] [--repetitions 3]
                           [--avant ARBRE]

Tire un répertoire de ``--repertoire`` organisations (``reseau generer``), puis ``--reponses``
classeurs .xlsx de ``--organisations`` organisations chacun, tirées dans ce répertoire et écrites
de façons différentes : nom en capitales sans accents, apostrophe typographique, espaces en trop,
identifiant propre au membre (une fois sur deux : seul le nom ou le sigle les relie), avec au plus
``--partenariats`` partenariats du répertoire entre elles (300 par défaut). Mesure
``reseau fusionner … -o DOSSIER`` de bout en bout (sous-processus : import, lecture, fusion,
écriture ; médiane des répétitions ; temps de mur et temps processeur) et la fonction
``reseau.fusionner`` seule, puis vérifie que le résultat passe ``reseau valider``.
``--avant ARBRE`` : mesure aussi ``reseau fusionner`` depuis un autre arbre du dépôt (une version
précédente, par exemple ``git worktree add /tmp/avant main``), en alternance avec celui-ci sur les mêmes
classeurs : la comparaison subit la même charge de la machine.
Objectif du ticket 18 : moins de 5 s pour 50 réponses de 200 organisations.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEPOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(DEPOT))

import reseau  # noqa: E402
from reseau.entrees.generateur import generer  # noqa: E402
from reseau.entrees.schema import COLONNES_ORGANISATIONS, COLONNES_PARTENARIATS, sans_accents  # noqa: E402


def variante(nom: str, tirage: random.Random) -> str:
    """Le même nom, écrit autrement."""
    choix = tirage.randrange(4)
    if choix == 0:
        return sans_accents(nom).upper()
    if choix == 1:
        return nom.replace("'", "’").lower()
    if choix == 2:
        return "  " + nom.replace(" ", "  ") + " "
    return nom


def ecrire_reponse(chemin: Path, organisations: list[dict], partenariats: list[dict]) -> None:
    from openpyxl import Workbook

    # Classeur ordinaire (pas write_only) : comme Excel et LibreOffice, il écrit la dimension des feuilles.
    classeur = Workbook()
    classeur.remove(classeur.active)
    for nom, colonnes, lignes in (("organisations", COLONNES_ORGANISATIONS, organisations),
                                  ("partenariats", COLONNES_PARTENARIATS, partenariats)):
        feuille = classeur.create_sheet(nom)
        feuille.append(list(colonnes))
        for ligne in lignes:
            # Une case laissée vide par le membre n'existe pas dans le fichier (None, pas "").
            feuille.append([None if ligne.get(c) == "" else ligne.get(c) for c in colonnes])
    classeur.save(chemin)


def preparer(dossier: Path, n_reponses: int, n_org: int, n_repertoire: int, n_liens: int = 300,
             graine: int = 0) -> list[Path]:
    repertoire, liens = generer(n_repertoire, None, graine)
    tirage = random.Random(graine)
    chemins = []
    for k in range(n_reponses):
        choisies = tirage.sample(repertoire, n_org)
        ids = {}
        organisations = []
        for i, org in enumerate(choisies):
            propre = tirage.random() < 0.5
            ids[org["id"]] = f"m{k}-{i}" if propre else org["id"]
            organisations.append({
                **org, "id": ids[org["id"]], "nom": variante(org["nom"], tirage),
                "sigle": org["sigle"] if tirage.random() < 0.5 else "", "reference": "",
                "latitude": None, "longitude": None,
            })
        partenariats = [
            {**lien, "source": ids[lien["source"]], "cible": ids[lien["cible"]], "reference": ""}
            for lien in liens if lien["source"] in ids and lien["cible"] in ids
        ]
        partenariats = tirage.sample(partenariats, min(n_liens, len(partenariats)))
        chemin = dossier / f"membre-{k:02d}.xlsx"
        ecrire_reponse(chemin, organisations, partenariats)
        chemins.append(chemin)
    return chemins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reponses", type=int, default=50)
    parser.add_argument("--organisations", type=int, default=200)
    parser.add_argument("--repertoire", type=int, default=400)
    parser.add_argument("--partenariats", type=int, default=300, help="partenariats par réponse (au plus)")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--avant", help="autre arbre du dépôt à mesurer en alternance (version précédente)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporaire:
        dossier = Path(temporaire)
        print(f"Préparation de {args.reponses} réponses de {args.organisations} organisations et au plus "
              f"{args.partenariats} partenariats (répertoire de {args.repertoire})…", file=sys.stderr)
        chemins = preparer(dossier, args.reponses, args.organisations, args.repertoire, args.partenariats)
        arbres = {"ici": DEPOT, **({"avant": Path(args.avant).resolve()} if args.avant else {})}
        temps: dict[str, list[float]] = {nom: [] for nom in arbres}
        cpu: dict[str, list[float]] = {nom: [] for nom in arbres}
        for r in range(args.repetitions):
            for nom, arbre in arbres.items():  # en alternance : même charge pour les deux arbres
                sortie = dossier / f"fusion-{nom}-{r}"
                usage = resource.getrusage(resource.RUSAGE_CHILDREN)
                debut = time.perf_counter()
                subprocess.run([sys.executable, "-m", "reseau", "fusionner", *map(str, chemins), "-o", str(sortie)],
                               check=True, cwd=arbre, capture_output=True)
                temps[nom].append(time.perf_counter() - debut)
                apres = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[nom].append(apres.ru_utime + apres.ru_stime - usage.ru_utime - usage.ru_stime)
        debut = time.perf_counter()
        fusion = reseau.fusionner(chemins)
        seule = time.perf_counter() - debut
        v = reseau.valider(dossier / "fusion-ici-0")
        actions = {a: len(fusion.lignes(a)) for a in ("ajout", "fusion", "doute", "conflit", "doublon")}
        for nom, arbre in arbres.items():
            print(f"reseau fusionner ({args.reponses} × {args.organisations}), {nom} ({arbre}) : médiane "
                  f"{statistics.median(temps[nom]):.2f} s (répétitions : {', '.join(f'{t:.2f}' for t in temps[nom])}) ; "
                  f"temps processeur (tous processus) : médiane {statistics.median(cpu[nom]):.2f} s "
                  f"({', '.join(f'{t:.2f}' for t in cpu[nom])})")
        print(f"reseau.fusionner seule (ici) : {seule:.2f} s ; charge de la machine : {os.getloadavg()[0]:.1f} "
              f"sur {os.cpu_count()} cœurs")
        if args.avant:
            identiques = all((dossier / "fusion-avant-0" / f).read_bytes() == (dossier / "fusion-ici-0" / f).read_bytes()
                             for f in os.listdir(dossier / "fusion-ici-0"))
            print(f"sorties des deux arbres identiques : {identiques}")
        print(f"résultat : {len(fusion.organisations)} organisations, {len(fusion.partenariats)} partenariats, "
              f"valide : {v.valide} ; rapport : {actions}")


if __name__ == "__main__":
    main()
