"""Banc : lire un annuaire ESSGlobal de 7 000 lignes (format CWM actuel), de bout en bout.

Côte à côte : ``reseau.valider`` (lecture, préparation, validation, pays, positions,
adhésions) et une lecture pandas seule du même fichier. Objectif du ticket 13 : < 3 s.

    python bench/lecture_essglobal.py [N]
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from pathlib import Path

ENTETES = (
    "Identifier", "Name", "Description", "Website", "Primary Activity", "Organisational Structure",
    "Membership Type", "UC Country ID", "Source Latitude", "Source Longitude", "Geo Container Latitude",
    "Geo Container Longitude", "Geo Container", "Geocoded Address", "Region", "dc.Domains", "Domains",
    "Memberships", "Identifiers", "Country ID", "Latitude", "Longitude",
)
PAYS = ["gb", "us", "ph", "in", "ar", "FR", "ca", "ke"]
STRUCTURES = ["OS50", "OS60", "OS130", "https://dev.lod.coop/essglobal/2.1/standard/organisational-structure/OS80",
              "Workers co-operative", "", "OS240"]
RESEAUX = ["CUK", "DC", "WC", "NCBA", "ICA", "COOPERAR"]


def ecrire_annuaire(chemin: Path, n: int, graine: int = 0) -> None:
    """Un annuaire ESSGlobal synthétique de ``n`` lignes, au format exact de la CWM."""
    hasard = random.Random(graine)
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f)
        ecrivain.writerow(ENTETES)
        for i in range(n):
            lat, lon = round(hasard.uniform(-50, 60), 5), round(hasard.uniform(-120, 140), 5)
            vide = hasard.random() < 0.3
            ligne = {
                "Identifier": f"cuk/R{i:06d}", "Name": f"Coopérative n° {i}", "Description": "Description\nsur deux lignes",
                "Website": f"http://c{i}.example.coop", "Primary Activity": "ICA280",
                "Organisational Structure": hasard.choice(STRUCTURES), "Country ID": hasard.choice(PAYS),
                "Geo Container Latitude": str(lat), "Geo Container Longitude": str(lon),
                "Latitude": "" if vide else str(lat), "Longitude": "" if vide else str(lon),
                "Memberships": ";".join(hasard.sample(RESEAUX, hasard.randint(0, 3))), "Region": "Région",
            }
            ecrivain.writerow([ligne.get(e, "") for e in ENTETES])


def main() -> None:
    import pandas as pd

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # le reseau de ce dépôt

    import reseau

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7000
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "annuaire.csv"
        ecrire_annuaire(chemin, n)
        debut, cpu = time.perf_counter(), time.process_time()
        pd.read_csv(chemin, dtype=str)
        pandas_seul, pandas_cpu = time.perf_counter() - debut, time.process_time() - cpu
        debut, cpu = time.perf_counter(), time.process_time()
        v = reseau.valider(chemin)
        total, total_cpu = time.perf_counter() - debut, time.process_time() - cpu
    # Temps écoulé et temps processeur (le second dépend moins de la charge d'une machine partagée).
    print(f"{n} lignes : pandas.read_csv seul {pandas_seul:.2f} s (processeur {pandas_cpu:.2f} s) ; "
          f"reseau.valider de bout en bout {total:.2f} s (processeur {total_cpu:.2f} s) — "
          f"{len(v.organisations)} organisations, {len(v.partenariats)} adhésions, {len(v.problemes)} problèmes")


if __name__ == "__main__":
    main()
