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
    # Classées : A, D, B, C ; « Capitale » (1 organisation) à part ; l'internationale n'est membre d'aucune région.
    assert table["region"].tolist() == ["A", "D", "B", "C", "Capitale"]
    assert table["rang"].tolist()[:4] == [1, 2, 3, 4] and table["rang"].isna().tolist()[4]
    assert table["classee"].tolist() == [True, True, True, True, False]
    assert table.attrs["hors_regions"] == {"sans_region": [], "internationales": ["int"]}
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


def test_sans_region_et_internationales_hors_classement():
    """Ni le pays ni la province ne font une région ; l'internationale est un ancrage, pas un membre."""
    G = construire(
        [org("a", region=""), org("b", region="Canada"), org("c", region="Québec (province)"),
         org("e1", region="Estrie"), org("e2", region="Estrie"), org("e3", region="Estrie"),
         org("i", "internationale", region="Estrie")],
        [lien("e1", "i"), lien("e2", "e1"), lien("e3", "e1"), lien("a", "i")],
    )
    table = classer_regions(G)
    assert table["region"].tolist() == ["Estrie"]
    ligne = table.iloc[0]
    assert ligne["organisations"] == 3 and ligne["ancrages_internationaux"] == 1
    # Le lien e1–i sort de la région : e1 est une passerelle, e2 et e3 en dépendent.
    assert (ligne["liens_internes"], ligne["liens_externes"], ligne["liens_internationaux"]) == (2, 1, 1)
    assert table.attrs["hors_regions"] == {"sans_region": ["a", "b", "c"], "internationales": ["i"]}


def test_trop_peu_d_organisations_a_part():
    G = construire(
        [org("s", region="Seule"), org("p1", region="P"), org("p2", region="P"), org("i", "internationale", "FR"),
         *(org(f"r{k}", region="R") for k in range(3))],
        [lien("s", "i"), lien("p1", "i"), lien("p2", "i"), lien("r0", "r1")],
    )
    table = classer_regions(G)
    assert table["region"].tolist() == ["R", "P", "Seule"]
    assert table["rang"].tolist()[0] == 1 and table["rang"].isna().tolist() == [False, True, True]
    assert table.set_index("region").loc["Seule", "diagnostic"].startswith("Trop peu d'organisations pour conclure (1")


def test_egalites_partagent_le_rang_sur_la_valeur_exacte():
    """Étoiles reliées à l'international par leur centre : indice = 0,6 + 0,4 / n.

    X et Y (3 organisations) sont à égalité exacte ; W (1 000) et Z (1 001) ne diffèrent qu'au-delà
    de la 4e décimale (0,6004 et 0,60039960…) : un arrondi avant classement les aurait confondues.
    """
    from fractions import Fraction

    from reseau.analyse.regions import indices_exacts, rang_affiche

    orgs, liens = [org("i", "internationale", "FR")], []
    for nom, taille in (("X", 3), ("Y", 3), ("W", 1000), ("Z", 1001)):
        orgs += [org(f"{nom}{k}", region=nom) for k in range(taille)]
        liens += [lien(f"{nom}0", "i")] + [lien(f"{nom}0", f"{nom}{k}") for k in range(1, taille)]
    G = construire(orgs, liens)
    exacts = indices_exacts(G)
    assert exacts[("CA", "W")] == Fraction(3, 5) + Fraction(2, 5) / 1000
    assert round(float(exacts[("CA", "W")]), 4) == round(float(exacts[("CA", "Z")]), 4)
    table = classer_regions(G)
    rangs = {r: rang_affiche(rang, ex) for r, rang, ex in zip(table["region"], table["rang"], table["ex_aequo"])}
    assert rangs == {"Z": "1", "W": "2", "X": "3=", "Y": "3="}
    assert table["region"].tolist() == ["Z", "W", "X", "Y"]


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
    # S et T (1 organisation chacune) à part, sans rang ; listées dans l'ordre alphabétique.
    assert table["region"].tolist() == ["R", "S", "T"]
    assert table["rang"].isna().tolist() == [False, True, True]


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


def test_jeu_de_reference_et_classeur_d_essai_sans_pseudo_region(donnees):
    """Ni pays, ni province, ni internationale seule ; égalités à rang partagé, jamais arbitraires."""
    import reseau
    from reseau.analyse.regions import indices_exacts, rang_affiche
    from reseau.entrees.geographie import nom_pays

    essai = reseau.charger(donnees / "essai_estrie")
    table = classer_regions(essai)
    rangs = [(r, rang_affiche(rang, ex)) for r, rang, ex in zip(table["region"], table["rang"], table["ex_aequo"])]
    assert rangs == [("Estrie", "1"), ("Mauricie", "2="), ("Thiès", "2="), ("Dakar", "")]
    assert table.attrs["hors_regions"] == {"sans_region": ["chantier"], "internationales": ["ripess", "raess"]}
    for G in (essai, reseau.charger()):
        table = classer_regions(G)
        exacts = indices_exacts(G)
        noms_pays = {nom_pays(p) for p in table["pays"]}
        assert not set(table["region"]) & noms_pays
        assert not table["region"].str.endswith("(province)").any()
        classees = table[table["classee"]]
        assert (classees["organisations"] >= 3).all()
        for (_, a), (_, b) in zip(classees.iterrows(), classees.iloc[1:].iterrows()):
            egales = exacts[(a["pays"], a["region"])] == exacts[(b["pays"], b["region"])]
            assert (a["rang"] == b["rang"]) == egales
