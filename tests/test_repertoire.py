"""Le répertoire de lieux embarqué : villes GeoNames, subdivisions, régions du Québec, capitales."""

from __future__ import annotations

import math

import pytest

import reseau
from reseau.entrees.geographie import referentiel, repertoire


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("pays", "ville", "proche_de"), [
    ("GB", "Manchester", (53.48, -2.24)), ("GB", "Londres", (51.51, -0.13)), ("IT", "Rome", (41.89, 12.51)),
    ("BE", "Bruxelles", (50.85, 4.35)), ("ES", "Madrid", (40.42, -3.70)), ("CA", "Rimouski", (48.45, -68.52)),
    ("SN", "Thiès", (14.79, -16.93)), ("SN", "THIES", (14.79, -16.93)), ("PE", "Cusco", (-13.53, -71.97)),
    ("DE", "München", (48.14, 11.58)), ("DE", "Munich", (48.14, 11.58)),
])
def test_villes_sans_souci_d_accents_ni_de_casse(pays, ville, proche_de):
    position = referentiel().localiser(pays, "", ville)
    assert position.precision == "ville"
    assert _km((position.latitude, position.longitude), proche_de) < 15


@pytest.mark.parametrize(("pays", "region", "ville_attendue"), [
    ("CA", "Bas-Saint-Laurent", (48.45, -68.52)),  # région administrative du Québec : Rimouski
    ("CA", "saguenay-lac-saint-jean", (48.42, -71.07)),
    ("CA", "Gaspésie–Îles-de-la-Madeleine", (48.83, -64.48)),
    ("CA", "Ontario", (43.70, -79.42)),  # province : sa ville la plus peuplée
    ("US", "California", (34.05, -118.24)),
    ("FR", "Occitanie", (43.60, 1.44)),
])
def test_regions_et_subdivisions(pays, region, ville_attendue):
    assert _km(repertoire().subdivision(pays, region), ville_attendue) < 30
    position = referentiel().localiser(pays, region, "")  # lieux.csv d'abord, puis le répertoire
    assert position.precision == "region"
    assert _km((position.latitude, position.longitude), ville_attendue) < 200


def test_pays_au_point_habite_pas_au_centre():
    for code, capitale in (("CA", (45.42, -75.70)), ("RU", (55.75, 37.62)), ("FR", (48.86, 2.35))):
        position = referentiel().localiser(code)
        assert position.precision == "pays" and _km((position.latitude, position.longitude), capitale) < 20
    baie_d_hudson = (60.0, -95.0)
    assert _km(repertoire().capitale("CA"), baie_d_hudson) > 1500


def test_quebec_ne_tombe_plus_au_centre_du_canada():
    for region in ("Québec", "Quebec", "QC", "Montérégie", "Capitale-Nationale", "Laurentides"):
        p = referentiel().localiser("CA", region, "")
        assert p.precision == "region" and 44 < p.latitude < 51 and -80 < p.longitude < -63, region


def test_message_de_repli_dit_quoi_faire(tmp_path):
    (tmp_path / "organisations.csv").write_text(
        "id,nom,type,echelle,pays,region,ville\n"
        "a,Org A,association,locale,CA,,Villeimaginaire\n"
        "b,Org B,association,locale,FR,Regionimaginaire,\n", encoding="utf-8")
    (tmp_path / "partenariats.csv").write_text("source,cible,type\na,b,cooperation\n", encoding="utf-8")
    v = reseau.valider(tmp_path)
    messages = [a.message for a in v.avertissements]
    assert any("Villeimaginaire" in m and "latitude et longitude" in m and "ville connue" in m for m in messages)
    assert any("Regionimaginaire" in m and "latitude et longitude" in m for m in messages)
