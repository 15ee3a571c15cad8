"""Désigner une organisation, sa portée saut par saut, les plus courts chemins."""

from __future__ import annotations

import networkx as nx
import pytest
from graphes import lien, org

from reseau.analyse.mesures import mesures_organisations
from reseau.analyse.parcours import chemins, designer, portee
from reseau.entrees.graphe import construire
from reseau.erreurs import CheminIntrouvable, DesignationAmbigue, OrganisationIntrouvable, ParametreInvalide


@pytest.fixture
def G():
    orgs = [
        org("gesq", "nationale", "CA", sigle="GESQ", nom="Groupe d'économie solidaire du Québec"),
        org("comsep", "locale", "CA", sigle="COMSEP", nom="Centre d'organisation mauricien"),
        org("ripess", "internationale", "CA", sigle="RIPESS", nom="Réseau intercontinental"),
        org("ripess-eu", "internationale", "FR", sigle="RIPESS", nom="RIPESS Europe"),
        org("gsess", "nationale", "SN", sigle="GSESS", nom="Groupe sénégalais d'économie sociale"),
        org("chantier", "nationale", "CA", nom="Chantier de l'économie sociale"),
        org("seule", "locale", "PE", nom="Organisation isolée"),
    ]
    liens = [
        lien("comsep", "gesq"), lien("gesq", "ripess"), lien("gesq", "gsess"), lien("gesq", "gsess", 2.0),
        lien("gsess", "ripess"), lien("chantier", "comsep"), lien("ripess", "ripess-eu"),
    ]
    return construire(orgs, liens)


def test_designer_par_id_sigle_nom(G):
    assert designer(G, "gesq") == "gesq"
    assert designer(G, "Gesq") == "gesq"
    assert designer(G, "gsess") == "gsess"
    assert designer(G, "GROUPE D'ECONOMIE SOLIDAIRE DU QUEBEC") == "gesq"
    assert designer(G, "  groupe sénégalais d’économie sociale ") == "gsess"
    assert designer(G, "chantier de l economie sociale") == "chantier"
    assert designer(G, "Mauricien") == "comsep"  # morceau de nom, sans ambiguïté


def test_id_prioritaire_sur_le_sigle(G):
    assert designer(G, "ripess") == "ripess"  # id exact, bien que deux sigles RIPESS


def test_designation_ambigue_liste_les_candidats(G):
    with pytest.raises(DesignationAmbigue) as erreur:
        designer(G, "Groupe")
    message = str(erreur.value)
    assert "2 organisations" in message and "gesq" in message and "gsess" in message
    assert "précisez" in message


def test_organisation_introuvable_avec_suggestion(G):
    with pytest.raises(OrganisationIntrouvable, match="vouliez-vous dire « comsep"):
        designer(G, "comsap")
    with pytest.raises(OrganisationIntrouvable, match="vide"):
        designer(G, "  ")


def test_portee_saut_par_saut(G):
    p = portee(G, "COMSEP")
    assert p["organisation"] == "comsep"
    assert [s["organisations"] for s in p["sauts"]] == [
        ["chantier", "gesq"], ["gsess", "ripess"], ["ripess-eu"],
    ]
    assert p["sauts"][0]["echelles"] == ["nationale"]
    assert p["sauts"][1]["pays"] == ["CA", "SN"]
    assert p["sauts"][1]["echelles_cumulees"] == ["locale", "nationale", "internationale"]
    assert p["sauts"][2]["pays_cumules"] == ["CA", "FR", "SN"]
    assert p["organisations_atteintes"] == 5
    assert (p["sauts_international"], p["chemin_international"]) == (2, ["comsep", "gesq", "ripess"])


def test_portee_limitee_et_cas_limites(G):
    assert len(portee(G, "comsep", sauts_max=1)["sauts"]) == 1
    assert portee(G, "comsep", sauts_max=0)["sauts"] == []
    assert portee(G, "comsep", sauts_max=1)["chemin_international"] == ["comsep", "gesq", "ripess"]
    international = portee(G, "ripess-eu")
    assert (international["sauts_international"], international["chemin_international"]) == (0, ["ripess-eu"])
    seule = portee(G, "seule")
    assert seule["sauts"] == [] and seule["chemin_international"] is None and seule["sauts_international"] is None
    with pytest.raises(ParametreInvalide):
        portee(G, "comsep", sauts_max=-1)


def test_portee_coherente_avec_les_mesures():
    H = nx.gnm_random_graph(40, 70, seed=4)
    echelles = ("locale", "regionale", "nationale", "internationale")
    G = construire([org(f"o{n}", echelles[n % 4], ("CA", "SN", "PE")[n % 3]) for n in H],
                   [lien(f"o{u}", f"o{v}") for u, v in H.edges()])
    table = mesures_organisations(G).set_index("id")
    for x in G:
        p = portee(G, x, sauts_max=2)
        cumul = p["sauts"][-1] if p["sauts"] else {"echelles_cumulees": [1], "pays_cumules": [1]}
        assert len(cumul["echelles_cumulees"]) == table.loc[x, "echelles_2_sauts"]
        assert len(cumul["pays_cumules"]) == table.loc[x, "pays_2_sauts"]
        assert p["sauts_international"] == table.loc[x, "sauts_international"]


def test_tous_les_plus_courts_chemins(G):
    assert chemins(G, "comsep", "ripess") == [["comsep", "gesq", "ripess"]]
    assert chemins(G, "chantier", "RIPESS Europe") == [["chantier", "comsep", "gesq", "ripess", "ripess-eu"]]
    assert chemins(G, "gesq", "gesq") == [["gesq"]]
    losange = construire([org(x) for x in "abcd"], [lien("a", "b"), lien("a", "c"), lien("b", "d"),
                                                   lien("c", "d"), lien("c", "d", 3.0)])
    assert chemins(losange, "a", "d") == [["a", "b", "d"], ["a", "c", "d"]]  # liens multiples : pas de doublon
    assert len(chemins(losange, "a", "d", limite=1)) == 1


def test_chemin_introuvable_message_clair(G):
    with pytest.raises(CheminIntrouvable, match="aucun chemin entre .*gesq.* et .*seule.* : .*n'a aucun partenaire"):
        chemins(G, "GESQ", "seule")
    deux = construire([org(x) for x in "abcd"], [lien("a", "b"), lien("c", "d")])
    with pytest.raises(CheminIntrouvable, match="deux parties du réseau"):
        chemins(deux, "a", "d")
    with pytest.raises(ParametreInvalide):
        chemins(G, "gesq", "gsess", limite=0)
