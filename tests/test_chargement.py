"""Chargeur tolérant : séparateurs, encodages, en-têtes, pays, positions, XLSX."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import Workbook

import reseau
from reseau.entrees.geographie import repertoire
from reseau.entrees.lecture import decoder


def test_jeu_minimal(donnees):
    G = reseau.charger(donnees / "minimal")
    assert G.number_of_nodes() == 5
    assert G.number_of_edges() == 5  # les deux liens gesq–gsess sont gardés
    assert G.nodes["isolee"]["pays"] == "PE"  # nom de pays converti
    assert G.nodes["gsess"]["nord_sud"] == "sud"
    assert G.nodes["gesq"]["nord_sud"] == "nord"


def test_projection_somme_les_liens_multiples(donnees):
    H = reseau.projection(reseau.charger(donnees / "minimal"))
    arete = H["gesq"]["gsess"]
    assert arete["poids"] == pytest.approx(3.0)
    assert arete["partenariats"] == 2
    assert arete["types"] == ["cooperation", "evenement"]
    assert arete["distance"] == pytest.approx(1 / 3)


def test_positions_et_precision(donnees):
    G = reseau.charger(donnees / "minimal")
    assert G.nodes["isolee"]["precision"] == "coordonnees"
    assert G.nodes["gesq"]["precision"] == "ville"
    assert G.nodes["gesq"]["latitude"] == pytest.approx(45.477)
    ripess = G.nodes["ripess"]
    assert ripess["precision"] == "pays"
    # le point d'un pays est sa capitale (Ottawa), pas son centre géométrique (baie d'Hudson)
    assert (ripess["latitude"], ripess["longitude"]) == pytest.approx(repertoire().capitale("CA"))
    assert abs(ripess["latitude"] - 45.4) < 0.1 and abs(ripess["longitude"] + 75.7) < 0.1


def test_export_excel_francais_sans_option(donnees):
    """`;`, Windows-1252, virgule décimale, en-têtes accentués, casse et espaces."""
    v = reseau.valider(donnees / "excel_fr")
    assert v.problemes == []
    orgs = {o["id"]: o for o in v.organisations}
    assert set(orgs) == {"gesq", "chantier", "comsep", "gresp", "renapess"}
    assert orgs["chantier"]["echelle"] == "nationale"
    assert orgs["chantier"]["latitude"] == pytest.approx(45.5017)
    assert orgs["comsep"]["type"] == "entreprise_sociale"
    assert orgs["gresp"]["pays"] == "PE"
    assert orgs["renapess"]["pays"] == "ML"
    liens = v.partenariats
    assert [lien["type"] for lien in liens] == ["adhesion", "adhesion", "evenement", "cooperation"]
    assert liens[2]["poids"] == pytest.approx(2.5)
    assert liens[0]["oriente"] is True and liens[2]["oriente"] is False


def test_utf8_avec_bom_et_point_virgule(tmp_path, donnees):
    for nom in ("organisations.csv", "partenariats.csv"):
        texte = (donnees / "minimal" / nom).read_text(encoding="utf-8").replace(",", ";")
        (tmp_path / nom).write_bytes(b"\xef\xbb\xbf" + texte.encode("utf-8"))
    # les virgules des noms sont devenues des « ; » : seules les lignes concernées changent
    v = reseau.valider(tmp_path)
    assert len(v.organisations) >= 4


def test_classeur_xlsx(tmp_path, donnees):
    import csv

    classeur = Workbook()
    classeur.remove(classeur.active)
    for nom in ("organisations", "partenariats"):
        feuille = classeur.create_sheet(nom.capitalize())
        with open(donnees / "minimal" / f"{nom}.csv", encoding="utf-8") as f:
            for ligne in csv.reader(f):
                feuille.append([int(c) if c.isdigit() else c for c in ligne])
    classeur.save(tmp_path / "jeu.xlsx")
    G = reseau.charger(tmp_path / "jeu.xlsx")
    assert G.number_of_nodes() == 5 and G.number_of_edges() == 5
    assert {d["debut"] for _, _, d in G.edges(data=True)} == {2001, 2004, 2005, 2006}


def test_filtres(donnees):
    G = reseau.charger(donnees / "minimal", annee=2005)
    assert G.number_of_edges() == 4  # la coopération 2006-2009 est hors période
    G = reseau.charger(donnees / "minimal", echelle="Nationale", pays=["CA"])
    assert set(G) == {"gesq"}
    with pytest.raises(reseau.ParametreInvalide):
        reseau.charger(donnees / "minimal", echelle="planetaire")


def test_chemin_absent():
    with pytest.raises(reseau.ParametreInvalide, match="n'existe pas"):
        reseau.valider("/nulle/part")


def test_decoder_windows_1252():
    assert decoder("Région;Échelle".encode("cp1252"), "f.csv") == "Région;Échelle"


def test_partenariats_manquant_liste_seule(tmp_path, donnees):
    """Sans partenariats.csv : une liste d'organisations seule, acceptée avec un avertissement."""
    shutil.copy(donnees / "minimal" / "organisations.csv", tmp_path)
    v = reseau.valider(tmp_path)
    assert v.valide and v.partenariats == [] and len(v.organisations) == 5
    assert any("liste d'organisations seule" in a.message for a in v.avertissements)
