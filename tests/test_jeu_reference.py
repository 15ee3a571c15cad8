"""Invariants du jeu de référence (donnees/), lus avec le module csv seul."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

DONNEES = Path(__file__).resolve().parent.parent / "donnees"

COLONNES_ORGANISATIONS = [
    "id", "nom", "sigle", "type", "echelle", "pays", "region", "ville",
    "latitude", "longitude", "nord_sud", "site_web", "description", "reference",
]
COLONNES_PARTENARIATS = [
    "source", "cible", "type", "debut", "fin", "poids", "oriente", "description", "reference", "statut",
]
COLONNES_PAYS = ["code", "nord_sud", "source_nord_sud", "continent", "latitude", "longitude", "nom_fr", "nom_en", "nom_es"]
COLONNES_LIEUX = ["nom", "type", "pays", "region", "latitude", "longitude", "precision", "reference"]

TYPES_ORGANISATION = {
    "reseau", "cooperative", "syndicat", "ong", "recherche", "financement", "gouvernement",
    "institution_internationale", "entreprise_sociale", "mouvement", "autre",
}
TYPES_PARTENARIAT = {
    "adhesion", "financement", "formation", "cooperation", "jumelage", "recherche", "evenement", "autre",
}
ECHELLES = {"locale", "regionale", "nationale", "internationale"}
STATUTS = {"atteste", "intention", "co-mention"}
ANNEE_MAX = 2026
PROVINCE_QUEBEC = "Québec (province)"
REGIONS_QUEBEC = {
    "Bas-Saint-Laurent", "Saguenay–Lac-Saint-Jean", "Capitale-Nationale", "Mauricie", "Estrie",
    "Montréal", "Outaouais", "Abitibi-Témiscamingue", "Côte-Nord", "Nord-du-Québec",
    "Gaspésie–Îles-de-la-Madeleine", "Chaudière-Appalaches", "Laval", "Lanaudière",
    "Laurentides", "Montérégie", "Centre-du-Québec",
}


def lire(nom: str) -> tuple[list[str], list[dict[str, str]]]:
    octets = (DONNEES / nom).read_bytes()
    assert not octets.startswith(b"\xef\xbb\xbf"), f"{nom} ne doit pas commencer par un BOM"
    with (DONNEES / nom).open(encoding="utf-8", newline="") as f:
        lecteur = csv.DictReader(f)
        lignes = list(lecteur)
        return list(lecteur.fieldnames or []), lignes


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    colonnes, lignes = lire("organisations.csv")
    assert colonnes == COLONNES_ORGANISATIONS
    return lignes


@pytest.fixture(scope="module")
def partenariats() -> list[dict[str, str]]:
    colonnes, lignes = lire("partenariats.csv")
    assert colonnes == COLONNES_PARTENARIATS
    return lignes


@pytest.fixture(scope="module")
def pays() -> dict[str, dict[str, str]]:
    colonnes, lignes = lire("pays.csv")
    assert colonnes == COLONNES_PAYS
    return {ligne["code"]: ligne for ligne in lignes}


@pytest.fixture(scope="module")
def lieux() -> list[dict[str, str]]:
    colonnes, lignes = lire("lieux.csv")
    assert colonnes == COLONNES_LIEUX
    return lignes


def test_tailles_minimales(organisations, partenariats):
    assert len(organisations) >= 80
    assert len(partenariats) >= 120


def test_identifiants_uniques_et_bien_formes(organisations):
    ids = [o["id"] for o in organisations]
    doublons = [i for i, n in Counter(ids).items() if n > 1]
    assert not doublons, f"identifiants en double : {doublons}"
    for i in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i), f"identifiant mal formé : {i!r}"
    for attendu in ("gesq", "ripess", "chantier-es", "crises"):
        assert attendu in ids


def test_vocabulaires_des_organisations(organisations, pays):
    for o in organisations:
        assert o["nom"].strip(), o["id"]
        assert o["type"] in TYPES_ORGANISATION, (o["id"], o["type"])
        assert o["echelle"] in ECHELLES, (o["id"], o["echelle"])
        assert o["pays"] in pays, (o["id"], o["pays"])
        assert o["nord_sud"] in ("", "nord", "sud"), o["id"]


def test_quatre_echelles(organisations):
    assert {o["echelle"] for o in organisations} == ECHELLES


def test_au_moins_douze_pays_du_nord_et_du_sud(organisations, pays):
    codes = {o["pays"] for o in organisations}
    assert len(codes) >= 12
    cotes = {pays[c]["nord_sud"] for c in codes}
    assert cotes == {"nord", "sud"}


def test_au_moins_sept_regions_quebecoises(organisations):
    # Sept régions administratives sont sourcées ; la province sert aux organisations sans ville connue.
    regions = {o["region"] for o in organisations if o["pays"] == "CA" and o["region"]} - {PROVINCE_QUEBEC}
    assert regions <= REGIONS_QUEBEC, regions - REGIONS_QUEBEC
    assert len(regions) >= 7


def test_references_non_vides(organisations, partenariats):
    for o in organisations:
        assert o["reference"].strip(), f"organisation sans référence : {o['id']}"
    for n, p in enumerate(partenariats, start=2):
        assert p["reference"].strip(), f"partenariat sans référence, ligne {n}"


def test_moitie_des_partenariats_citent_les_seeds(partenariats):
    citant = sum("seeds/" in p["reference"] for p in partenariats)
    assert 2 * citant >= len(partenariats), f"{citant} sur {len(partenariats)}"


def test_partenariats_entre_organisations_connues_sans_boucle(organisations, partenariats):
    ids = {o["id"] for o in organisations}
    for n, p in enumerate(partenariats, start=2):
        assert p["source"] in ids, f"ligne {n} : source inconnue {p['source']!r}"
        assert p["cible"] in ids, f"ligne {n} : cible inconnue {p['cible']!r}"
        assert p["source"] != p["cible"], f"ligne {n} : boucle sur {p['source']!r}"


def test_vocabulaires_des_partenariats(partenariats):
    for n, p in enumerate(partenariats, start=2):
        assert p["type"] in TYPES_PARTENARIAT, (n, p["type"])
        assert p["oriente"] in ("vrai", "faux"), (n, p["oriente"])
        for colonne in ("debut", "fin"):
            assert p[colonne] == "" or re.fullmatch(r"\d{4}", p[colonne]), (n, colonne, p[colonne])
        if p["debut"] and p["fin"]:
            assert int(p["debut"]) <= int(p["fin"]), n
        if p["poids"]:
            assert float(p["poids"]) > 0, n


def test_table_des_pays(pays):
    assert len(pays) >= 245
    for code, ligne in pays.items():
        assert re.fullmatch(r"[A-Z]{2}", code), code
        assert ligne["nord_sud"] in ("nord", "sud"), code
        assert -90 <= float(ligne["latitude"]) <= 90, code
        assert -180 <= float(ligne["longitude"]) <= 180, code
    assert pays["CA"]["nord_sud"] == "nord"
    assert pays["SN"]["nord_sud"] == "sud"


def test_codes_pays_uniques():
    _, lignes = lire("pays.csv")
    codes = [ligne["code"] for ligne in lignes]
    assert len(codes) == len(set(codes))


def test_villes_et_regions_dans_la_table_des_lieux(organisations, lieux, pays):
    connus = {(lieu["pays"], lieu["nom"], lieu["type"]) for lieu in lieux}
    for lieu in lieux:
        assert lieu["type"] in ("ville", "region"), lieu["nom"]
        assert lieu["pays"] in pays, lieu["nom"]
        assert lieu["reference"].strip(), lieu["nom"]
    for o in organisations:
        if o["ville"]:
            assert (o["pays"], o["ville"], "ville") in connus, (o["id"], o["ville"])
        if o["region"]:
            assert (o["pays"], o["region"], "region") in connus, (o["id"], o["region"])


def test_statut_des_partenariats(partenariats):
    for n, p in enumerate(partenariats, start=2):
        assert p["statut"] in STATUTS, (n, p["statut"])
        if p["poids"] and float(p["poids"]) == 0.5 or p["type"] == "autre":
            assert p["statut"], f"ligne {n} : poids 0,5 ou type autre sans statut"
        if p["statut"] in ("intention", "co-mention"):
            assert p["poids"] and float(p["poids"]) < 1, f"ligne {n} : {p['statut']} compté comme un lien plein"


def test_annees_bornees(partenariats):
    for n, p in enumerate(partenariats, start=2):
        for colonne in ("debut", "fin"):
            if p[colonne]:
                assert int(p[colonne]) <= ANNEE_MAX, (n, colonne, p[colonne])
        if p["debut"] and p["fin"]:
            assert int(p["fin"]) >= int(p["debut"]), n
        if p["statut"] == "intention" and p["debut"]:
            assert p["fin"], f"ligne {n} : intention datée sans fin (resterait « en cours »)"


def test_pas_de_doublon_d_un_meme_fait(partenariats):
    clefs = Counter((frozenset((p["source"], p["cible"])), p["type"], p["statut"], p["debut"], p["fin"])
                     for p in partenariats)
    doublons = [sorted(c[0]) for c, n in clefs.items() if n > 1]
    assert not doublons, f"même paire, type, statut et années codés deux fois : {doublons}"


def test_aucun_lien_avec_une_organisation_pas_encore_creee(partenariats):
    # Le RIPESS date de 2002-2004 et le RAESS de 2010 : un lien antérieur serait anachronique.
    creation = {"ripess": 2002, "raess": 2005}
    for n, p in enumerate(partenariats, start=2):
        for extremite in (p["source"], p["cible"]):
            if extremite in creation and p["debut"]:
                assert int(p["debut"]) >= creation[extremite], (n, extremite, p["debut"])


def test_organisations_quebecoises_hors_du_centre_du_canada(organisations):
    for o in organisations:
        quebecoise = "québécois" in o["description"].lower() or "du québec" in o["nom"].lower()
        if o["pays"] == "CA" and quebecoise:
            assert o["region"] or o["ville"], f"{o['id']} : organisation québécoise posée au centre du Canada"


MOTS_SANS_LIEU = ("non donné", "non trouvé", "pas de siège", "sans siège", "non nommé")


def test_centroide_seulement_si_aucun_lieu_n_est_connu(organisations):
    # Une organisation laissée au centre de son pays le justifie dans sa description.
    for o in organisations:
        if not (o["region"] or o["ville"] or o["latitude"]):
            texte = o["description"].lower()
            assert any(mot in texte for mot in MOTS_SANS_LIEU), f"{o['id']} : au centre du pays sans justification"


def test_chaque_ligne_a_une_reference_et_un_lieu_source(lieux):
    for lieu in lieux:
        assert "GeoNames" in lieu["reference"] or lieu["reference"] == "faits/lieux.csv", lieu["nom"]
        assert lieu["precision"].strip(), lieu["nom"]
