"""Classement des régions sur des données construites où la réponse est évidente."""

from __future__ import annotations

import pytest
from graphes import lien, org

from reseau.analyse.regions import POIDS_INDICE
from reseau.entrees.graphe import construire
from reseau.rendu.diagnostics import COLONNES, classer_regions


@pytest.fixture
def quatre_regions():
    """Isolée (A), repliée sur elle-même (D), suspendue à un pivot (B), bien reliée (C)."""
    orgs = [
        org("a1", region="A"), org("a2", region="A"), org("a3", region="A"),
        org("d1", region="D"), org("d2", region="D"), org("d3", region="D"),
        org("hub", region="B", sigle="HUB"), org("b1", region="B"), org("b2", region="B"), org("b3", region="B"),
        org("c1", region="C"), org("c2", region="C"), org("c3", region="C"),
        org("nat", "nationale", region="Capitale"),
        org("int", "internationale", "SN"),
    ]
    liens = [
        lien("d1", "d2"), lien("d2", "d3"), lien("d3", "d1"),
        lien("b1", "hub"), lien("b2", "hub"), lien("b3", "hub"), lien("hub", "nat"), lien("nat", "int"),
        lien("c1", "int"), lien("c2", "int"), lien("c3", "int"), lien("c3", "int", type_="formation"),
    ]
    return construire(orgs, liens)


def test_classement_evident(quatre_regions):
    table = classer_regions(quatre_regions)
    assert [c for c in table.columns if c != "constats"] == list(COLONNES)
    assert table["rang"].tolist() == list(range(1, len(table) + 1))
    assert table["region"].tolist()[:4] == ["A", "D", "B", "C"]
    indices = dict(zip(table["region"], table["indice_connexion"]))
    assert indices["A"] == 0
    assert indices["D"] == pytest.approx(POIDS_INDICE["non_isolees"])
    # B : toutes reliées ; 1 sur 4 à 2 liens de l'international, 1 passerelle, 1 seule sans dépendance.
    assert indices["B"] == pytest.approx(0.25 + 0.35 / 4 + 0.20 / 4 + 0.20 / 4)
    assert indices["C"] == 1
    assert table["indice_connexion"].between(0, 1).all()
    assert sum(POIDS_INDICE.values()) == pytest.approx(1)


def test_diagnostics_expliquent_le_rang(quatre_regions):
    table = classer_regions(quatre_regions)
    diagnostic = dict(zip(table["region"], table["diagnostic"]))
    assert "Ses 3 organisations sont toutes isolées" in diagnostic["A"]
    assert "Aucun lien vers l'international" in diagnostic["A"]
    assert "Aucun lien hors de la région" in diagnostic["D"]
    assert "Tout passe par une seule organisation : HUB (3 autres organisations" in diagnostic["B"]
    assert "1 organisation sur 4 à 2 liens ou moins de l'international" in diagnostic["B"]
    assert diagnostic["C"].startswith("Bien reliée")


def test_comptes_de_liens(quatre_regions):
    lignes = {ligne["region"]: ligne for ligne in classer_regions(quatre_regions).to_dict("records")}
    assert (lignes["D"]["liens_internes"], lignes["D"]["liens_externes"]) == (3, 0)
    assert (lignes["B"]["liens_internes"], lignes["B"]["liens_externes"], lignes["B"]["liens_internationaux"]) == (3, 1, 0)
    # Liens multiples : les deux partenariats c3–int comptent.
    assert (lignes["C"]["liens_externes"], lignes["C"]["liens_internationaux"]) == (4, 4)
    assert lignes["A"]["isolees"] == 3 and lignes["B"]["isolees"] == 0
    assert lignes["B"]["part_reliee_international"] == 0.25


def test_region_vide_libellee_par_le_pays(quatre_regions):
    table = classer_regions(quatre_regions)
    senegal = table[table["pays"] == "SN"].iloc[0]
    assert senegal["region"] == "Sénégal" and senegal["organisations"] == 1


def test_isolees_nommees_et_egalites():
    G = construire(
        [org("x", region="R", sigle="X"), org("y", region="R", sigle="Y"), org("z", region="R"),
         org("i", "internationale", "FR"), org("u", region="S"), org("v", region="T")],
        [lien("z", "i"), lien("u", "i"), lien("v", "i")],
    )
    table = classer_regions(G)
    premiere = table.iloc[0]
    assert premiere["region"] == "R"
    assert "2 organisations isolées : X, Y" in premiere["diagnostic"]
    # S et T à égalité : ordre alphabétique.
    assert table["region"].tolist().index("S") < table["region"].tolist().index("T")


def test_passerelle_dominante_parmi_plusieurs():
    G = construire(
        [org("p", region="R", sigle="P"), org("q", region="R"), org("d1", region="R"), org("d2", region="R"),
         org("e", region="R"), org("i", "internationale", "FR")],
        [lien("p", "i"), lien("d1", "p"), lien("d2", "p"), lien("q", "i"), lien("e", "q")],
    )
    diagnostic = classer_regions(G).set_index("region").loc["R", "diagnostic"]
    assert "2 autres organisations n'atteignent l'extérieur que par P" in diagnostic
    assert "Tout passe" not in diagnostic


def test_l_analyse_rend_des_codes_et_le_rendu_des_phrases(quatre_regions):
    """Les constats sont des codes ; la même région se lit en français, en anglais et en espagnol."""
    from reseau.analyse.regions import classer_regions as constats_regions

    brut = constats_regions(quatre_regions).set_index("region")
    assert "diagnostic" not in brut.columns
    codes = [c["code"] for c in brut.loc["A", "constats"]]
    assert codes == ["toutes_isolees", "aucun_lien_international"]
    phrases = {lg: classer_regions(quatre_regions, lg).set_index("region").loc["A", "diagnostic"] for lg in ("fr", "en", "es")}
    assert phrases["fr"].startswith("Ses 3 organisations sont toutes isolées")
    assert phrases["en"].startswith("All its 3 organisations are isolated")
    assert phrases["es"].startswith("Sus 3 organizaciones están todas aisladas")
