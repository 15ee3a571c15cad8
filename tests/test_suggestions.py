"""Les liens à créer, sur de petits graphes où la bonne réponse se calcule à la main."""

from __future__ import annotations

import json
import random
from fractions import Fraction

import pytest
from click.testing import CliRunner
from graphes import lien, org

from reseau.analyse import suggestions as analyse
from reseau.analyse.regions import compter, indices_exacts, membres_regions
from reseau.cli import cli
from reseau.entrees.graphe import construire
from reseau.rendu.diagnostics import COLONNES_SUGGESTIONS, liens_suggeres, suggerer_liens


def lancer(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_chemin_relie_par_son_milieu():
    """a–b–c sans lien extérieur, i internationale.

    Avant : 0,25 (seule la part non isolée). b–i : les trois à 2 liens ou moins ; b passerelle,
    sûre : 0,25 + 0,35 + 0,20/3 + 0,20/3 = 11/15. Puis a–i : 2 passerelles, les 3 sûres :
    + 0,20/3 + 0,20 × 2/3 = 14/15 ; a avant c (même gain, ordre alphabétique). Puis c–i : 1.
    """
    G = construire([org(x, region="Estrie") for x in "abc"] + [org("i", "internationale", "FR")],
                   [lien("a", "b"), lien("b", "c")])
    t = analyse.suggerer_liens(G, nombre=5)
    assert list(zip(t["source"], t["cible"])) == [("b", "i"), ("a", "i"), ("c", "i")]
    assert t["indice_avant"].tolist()[0] == 0.25
    assert [Fraction(x).limit_denominator(100) for x in t["indice_apres"]] == [Fraction(11, 15), Fraction(14, 15), 1]
    assert t["organisations_reliees"].tolist() == [3, 0, 0]
    # après b–i, a et i ont b en commun
    assert t["partenaires_communs"].tolist() == [0, 1, 1]
    codes = [[c["code"] for c in e] for e in t["explications"]]
    assert codes[0] == ["relie_international", "ouvre_region", "local_international"]
    assert codes[1] == ["ouvre_region", "second_passage", "partenaires_communs", "local_international"]
    assert t["explications"][1][1]["n"] == 1  # c ne dépend plus de b seule ; a est comptée par « ouvre_region »


def test_sud_sud_d_abord():
    """Même gain avec une internationale du Nord ou du Sud : une région du Sud va au Sud."""
    G = construire([org(x, pays="SN", region="Thiès") for x in ("s1", "s2", "s3")]
                   + [org("nord", "internationale", "FR"), org("sud", "internationale", "ML")],
                   [lien("s1", "s2"), lien("s2", "s3")])
    t = analyse.suggerer_liens(G, nombre=1)
    assert (t.loc[0, "source"], t.loc[0, "cible"], bool(t.loc[0, "sud_sud"])) == ("s2", "sud", True)
    assert any(c["code"] == "sud_sud" for c in t.loc[0, "explications"])


def test_partenaires_communs_departagent():
    """u n'a que des partenaires internes (r1, r2, reliés à i0) : seul lui manque une ouverture.

    u–i0 et u–i1 rapportent autant (0,20/3) ; i0 partage 2 partenaires avec u (Adamic-Adar
    2/ln 2), i1 aucun bien qu'elle soit la plus reliée : u–i0. Ensuite l'indice vaut 1 : fin.
    """
    G = construire([org("u", region="R"), org("r1", region="R"), org("r2", region="R"),
                    org("i0", "internationale", "FR"), org("i1", "internationale", "FR"),
                    *(org(f"q{k}", pays="BE") for k in range(3))],
                   [lien("u", "r1"), lien("u", "r2"), lien("r1", "i0"), lien("r2", "i0"),
                    *(lien("i1", f"q{k}") for k in range(3))])
    assert analyse.suggerer_liens(G).empty  # indice 14/15, au-dessus du seuil : pas « mal reliée »
    t = analyse.suggerer_liens(G, region="R", nombre=3)
    assert list(zip(t["source"], t["cible"])) == [("u", "i0")]
    assert t.loc[0, "partenaires_communs"] == 2
    assert t.loc[0, "adamic_adar"] == pytest.approx(2 / __import__("math").log(2))
    assert t.loc[0, "gain_indice"] == pytest.approx(0.2 / 3)


def test_aucune_suggestion_pour_une_region_bien_reliee():
    G = construire([org(x, region="R") for x in "abc"] + [org("i", "internationale", "FR")],
                   [lien(x, "i") for x in "abc"])
    assert analyse.suggerer_liens(G).empty
    assert analyse.suggerer_liens(G, region="r").empty  # désignée, mais rien à relever


def test_gain_direct_egal_a_la_simulation():
    """Le gain calculé directement (tri des candidats) est celui de la simulation complète, pour
    tous les couples de petits graphes tirés au hasard, y compris après des liens déjà proposés."""
    hasard = random.Random(7)
    for essai in range(12):
        n = 14
        orgs = [org(f"n{k}", hasard.choice(["locale", "locale", "regionale", "internationale"]),
                    region=hasard.choice(["A", "B", ""])) for k in range(n)]
        liens = [lien(f"n{a}", f"n{b}") for a in range(n) for b in range(a + 1, n) if hasard.random() < 0.12]
        G = construire(orgs, liens)
        contexte = analyse._contexte(G)
        for membres in membres_regions(G).values():
            etat = analyse._Etat(G, membres, contexte[0], contexte[1])
            for _ in range(2):
                comptes = etat.comptes()
                composantes = analyse._composantes(etat, comptes.passerelles)
                loin = {x for x in membres if etat.sauts.get(x, 3) > 2}
                for u in membres:
                    for v in G:
                        if v == u or v in etat.voisins(u):
                            continue
                        gain, reliees = analyse._gain(etat, comptes, composantes, set(comptes.isolees), loin, u, v)
                        apres, reliees_apres = etat.simuler(u, v)
                        assert Fraction(gain, 100 * comptes.n) == apres.indice() - comptes.indice(), (essai, u, v)
                        assert reliees == reliees_apres - comptes.reliees
                libres = [(u, v) for u in membres for v in G if v != u and v not in etat.voisins(u)]
                if not libres:
                    break
                etat.ajouter(*hasard.choice(libres))


def test_graphe_intact_et_indice_simule_juste():
    G = construire([org(x, region="Estrie") for x in "abcd"] + [org("i", "internationale", "FR")],
                   [lien("a", "b"), lien("c", "d")])
    avant = (G.number_of_nodes(), G.number_of_edges())
    t = analyse.suggerer_liens(G, nombre=2)
    assert (G.number_of_nodes(), G.number_of_edges()) == avant
    # Ajouter vraiment les liens proposés donne l'indice annoncé.
    for u, v in zip(t["source"], t["cible"]):
        G.add_edge(u, v)
    assert float(indices_exacts(G)[("CA", "Estrie")]) == pytest.approx(t["indice_apres"].iloc[-1])


def test_raisons_en_trois_langues():
    G = construire([org(x, region="Estrie") for x in "abc"] + [org("i", "internationale", "FR", sigle="RIPESS")],
                   [lien("a", "b"), lien("b", "c")])
    raisons = {lg: suggerer_liens(G, nombre=1, langue=lg).loc[0, "raison"] for lg in ("fr", "en", "es")}
    assert raisons["fr"].startswith("Relierait à l'international en 2 liens 3 organisations de la région Estrie")
    assert raisons["en"].startswith("Would bring 3 organisations of the Estrie region within 2 links")
    assert raisons["es"].startswith("Acercaría a lo internacional (2 vínculos o menos) 3 organizaciones")
    assert liens_suggeres(G, nombre=1) == [{"source": "b", "cible": "i", "raison": raisons["fr"]}]


def test_region_introuvable_message_clair():
    resultat = lancer("suggestions", "--region", "Estri")
    assert resultat.exit_code == 2
    assert "région « Estri » introuvable" in resultat.output and "Traceback" not in resultat.output


def test_cli_formats(donnees):
    essai = str(donnees / "essai_estrie")
    table = lancer("suggestions", essai)
    assert table.exit_code == 0, table.output
    assert "Estrie" in table.stdout and max(len(ligne) for ligne in table.stdout.splitlines()) <= 120
    en_json = json.loads(lancer("suggestions", essai, "--format", "json").stdout)["suggestions"]
    assert list(en_json[0]) == [*COLONNES_SUGGESTIONS, "explications"]
    en_csv = lancer("suggestions", essai, "--region", "Thiès", "--nombre", "1", "--format", "csv").stdout
    entete, ligne = en_csv.strip().splitlines()
    assert entete.split(",") == list(COLONNES_SUGGESTIONS)
    assert ligne.startswith("SN,Thiès,1,gie-thies,") and ",raess," in ligne


def test_chaque_region_faible_a_ses_liens(donnees):
    """Sur le jeu de référence et sur le classeur d'essai : toute région sous le seuil a ses liens."""
    import reseau
    from reseau.analyse.regions import classer_regions

    for G in (reseau.charger(), reseau.charger(donnees / "essai_estrie")):
        faibles = classer_regions(G).query("indice_connexion < @analyse.SEUIL_FAIBLE")
        proposees = suggerer_liens(G)
        assert not faibles.empty
        assert set(zip(faibles["pays"], faibles["region"])) == set(zip(proposees["pays"], proposees["region"]))
        assert proposees["raison"].str.len().gt(20).all()


def test_compter_sur_voisins_simules():
    """compter ne lit que les voisins et les distances donnés (base de la simulation)."""
    voisins = {"a": {"b"}, "b": {"a", "x"}, "c": set()}
    comptes = compter(["a", "b", "c"], voisins.__getitem__, {"b": 1, "a": 2}.get)
    assert (comptes.isolees, comptes.reliees, comptes.passerelles, comptes.sures) == (["c"], 2, {"b"}, 1)


def test_carte_avec_les_liens_a_creer(donnees):
    import reseau
    from reseau.rendu.carte import construire_carte

    G = reseau.charger(donnees / "essai_estrie")
    sans = construire_carte(G)
    avec = construire_carte(G, suggestions=True)
    assert 'id="liens-suggeres"' in avec and 'id="liens-suggeres"' not in sans
    donnees_page = json.loads(avec.split('<script id="donnees" type="application/json">', 1)[1].split("</script>", 1)[0])
    assert [(s["source"], s["cible"]) for s in donnees_page["suggestions"]][:1] == [("cdc-sherbrooke", "ripess")]
    assert all(s["raison"] for s in donnees_page["suggestions"])
