"""Rôles de courtage (Gould et Fernandez), indice E-I, vecteur propre par composante :
calculs à la main, définition de ``sna::brokerage`` (R) et propriétés sur des familles de graphes."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from graphes import depuis_networkx, lien, org
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reseau.analyse.courtage import COLONNES_COURTAGE, ROLES, groupe_de, indice_ei, indices_ei, roles_courtage
from reseau.analyse.mesures import mesures_organisations, resume_reseau
from reseau.entrees.graphe import construire
from reseau.erreurs import ErreurReseau

ECHELLES = ("locale", "regionale", "nationale", "internationale")


def oriente(source: str, cible: str) -> dict:
    return {**lien(source, cible), "oriente": True}


def par_id(G: nx.MultiGraph, groupes: str = "echelle") -> dict[str, dict[str, int]]:
    roles = roles_courtage(G, groupes)
    return {x: {c: roles[c][i] for c in COLONNES_COURTAGE} for i, x in enumerate(G.nodes)}


def sna_brokerage(G: nx.MultiGraph, groupes: str = "echelle") -> dict[str, dict[str, int]]:
    """Oracle : la boucle de ``brokerage_R`` (sna, gli.c) — i → j → k, i ≠ k, pas d'arc i → k."""
    arcs: set[tuple] = set()
    for u, v, donnees in G.edges(data=True):
        est_oriente = donnees.get("oriente", False)
        if donnees.get("source") == v and donnees.get("cible") == u:
            u, v = v, u
        if u != v:
            arcs.add((u, v))
            if not est_oriente:
                arcs.add((v, u))
    cl = {x: groupe_de(G.nodes[x], groupes) for x in G}
    brok = {x: dict.fromkeys(COLONNES_COURTAGE, 0) for x in G}
    for i, j in arcs:
        for j2, k in arcs:
            if j2 != j or k == i or (i, k) in arcs:
                continue
            if cl[j] == cl[i]:
                role = "coordinateur" if cl[j] == cl[k] else "representant"
            elif cl[j] == cl[k]:
                role = "gardien"
            elif cl[i] == cl[k]:
                role = "consultant"
            else:
                role = "liaison"
            brok[j][f"courtage_{role}"] += 1
            brok[j]["courtage_total"] += 1
    return brok


# --- Calculs à la main ------------------------------------------------------------------

def test_courtier_a_la_main():
    """v (locale) relie a, b (locales, liées entre elles), x (nationale) et y (internationale).

    Couples ordonnés ouverts par v : 4 × 3 − 2 (a ⇄ b fermés) = 10 ; représentant : (a|b → x|y) = 4 ;
    gardien : (x|y → a|b) = 4 ; liaison : (x → y), (y → x) = 2 ; coordinateur : aucun (a–b liés).
    """
    G = construire(
        [org("a"), org("b"), org("v"), org("x", "nationale"), org("y", "internationale")],
        [lien("a", "v"), lien("b", "v"), lien("v", "x"), lien("v", "y"), lien("a", "b")],
    )
    m = par_id(G)
    assert m["v"] == {"courtage_coordinateur": 0, "courtage_consultant": 0, "courtage_representant": 4,
                      "courtage_gardien": 4, "courtage_liaison": 2, "courtage_total": 10}
    assert all(m[x]["courtage_total"] == 0 for x in "abxy")


def test_sens_des_partenariats_orientes():
    """a → v → c (adhésions orientées) : un seul couple, pas son inverse ; fermé par a → c, pas par c → a."""
    orgs = [org("a"), org("v", "nationale"), org("c")]
    G = construire(orgs, [oriente("a", "v"), oriente("v", "c")])
    assert par_id(G)["v"]["courtage_consultant"] == 1
    assert par_id(construire(orgs, [oriente("a", "v"), oriente("v", "c"), oriente("c", "a")]))["v"]["courtage_total"] == 1
    assert par_id(construire(orgs, [oriente("a", "v"), oriente("v", "c"), oriente("a", "c")]))["v"]["courtage_total"] == 0
    # Non orientés : a → v → c et c → v → a.
    assert par_id(construire(orgs, [lien("a", "v"), lien("v", "c")]))["v"]["courtage_consultant"] == 2


def test_liens_multiples_comptent_une_fois():
    orgs = [org("a"), org("v"), org("c")]
    simple = par_id(construire(orgs, [lien("a", "v"), lien("v", "c")]))
    multiple = par_id(construire(orgs, [lien("a", "v"), lien("a", "v", 3.0, "formation"), lien("v", "c")]))
    assert simple == multiple
    assert simple["v"]["courtage_coordinateur"] == 2


def test_groupes_region_pays_nord_sud():
    orgs = [org("a", pays="CA", region="Estrie"), org("v", pays="CA", region="Montréal"), org("c", pays="SN", region="Dakar")]
    G = construire(orgs, [lien("a", "v"), lien("v", "c")])
    assert par_id(G, "region")["v"]["courtage_liaison"] == 2          # trois régions
    assert par_id(G, "pays")["v"]["courtage_representant"] == 1       # a → v (CA) → c (SN)
    assert par_id(G, "pays")["v"]["courtage_gardien"] == 1            # c (SN) → v → a (CA)
    assert par_id(G, "nord_sud")["v"]["courtage_representant"] == 1
    assert par_id(G, "echelle")["v"]["courtage_coordinateur"] == 2
    with pytest.raises(ErreurReseau, match="groupes"):
        roles_courtage(G, "ville")


def test_colonnes_dans_les_mesures_et_valeur_de_controle():
    """Valeur de contrôle de docs/mesures.md : étoile de 4 feuilles (centre locale, feuilles
    nationales) : le centre est consultant de 4 × 3 = 12 couples ordonnés."""
    G = construire([org("c"), *(org(f"f{i}", "nationale") for i in range(4))], [lien("c", f"f{i}") for i in range(4)])
    t = mesures_organisations(G).set_index("id")
    assert list(t.columns[-6:]) == list(COLONNES_COURTAGE)
    assert t.loc["c", "courtage_consultant"] == 12 and t.loc["c", "courtage_total"] == 12
    assert t.loc["f0", "courtage_total"] == 0


# --- Indice E-I -------------------------------------------------------------------------

def test_indice_ei_a_la_main():
    G = construire(
        [org("a"), org("b"), org("i", "internationale")],
        [lien("a", "b"), lien("a", "i"), lien("b", "i"), lien("b", "i", 2.0, "formation")],
    )
    # locale : 1 interne, 3 externes → 0,5 ; internationale : 0 interne, 3 externes → 1 ; réseau : (3 − 1) / 4.
    assert indices_ei(G) == (0.5, {"internationale": 1.0, "locale": 0.5})
    r = resume_reseau(G)
    assert r["indice_ei"] == 0.5 and r["indice_ei_par_groupe"]["locale"] == 0.5 and r["groupes"] == "echelle"
    assert indice_ei(0, 0) is None


def test_indice_ei_des_regions():
    from reseau.analyse.regions import classer_regions

    orgs = [org("a", region="Estrie"), org("b", region="Estrie"), org("c", region="Montréal"), org("s", region="Outaouais")]
    t = classer_regions(construire(orgs, [lien("a", "b"), lien("a", "c")])).set_index("region")
    assert t.loc["Estrie", "indice_ei"] == 0.0       # 1 interne, 1 externe
    assert t.loc["Montréal", "indice_ei"] == 1.0     # 0 interne, 1 externe
    assert pd.isna(t.loc["Outaouais", "indice_ei"])  # aucun partenariat : vide


# --- Vecteur propre : plus jamais nul sur la grande composante -------------------------

def test_vecteur_propre_florentines_et_clique():
    F = nx.florentine_families_graph()
    F.add_edges_from((f"k{i}", f"k{j}") for i in range(5) for j in range(i + 1, 5))
    m = mesures_organisations(depuis_networkx(F)).set_index("id")["vecteur_propre"]
    familles = [x for x in m.index if not x.startswith("k")]
    assert (m[familles] > 0).all()
    assert m[familles].idxmax() == "Medici"
    # Chaque composante a une part de norme proportionnelle à sa taille : 15/20 et 5/20.
    assert float((m[familles] ** 2).sum()) == pytest.approx(15 / 20)
    assert m["k0"] == pytest.approx(math.sqrt(1 / 20))
    # Dans la composante, les valeurs sont celles de networkx, à un facteur près.
    seules = nx.eigenvector_centrality(nx.florentine_families_graph(), max_iter=1000, tol=1e-12)
    rapport = m["Medici"] / seules["Medici"]
    assert all(m[x] == pytest.approx(rapport * v, rel=1e-6) for x, v in seules.items())


def test_vecteur_propre_karate_et_paire_de_poids_30():
    K = nx.karate_club_graph()
    for u, v in K.edges():
        K[u][v]["weight"] = 1.0
    K.add_edge("p", "q", weight=30.0)
    m = mesures_organisations(depuis_networkx(K)).set_index("id")["vecteur_propre"]
    membres = [str(i) for i in range(34)]
    assert (m[membres] > 0).all()
    assert {m[membres].idxmax(), m[membres].nlargest(2).index[1]} == {"33", "0"}


# --- Propriétés sur des familles de graphes -------------------------------------------

@st.composite
def familles(draw: st.DrawFn) -> nx.MultiGraph:
    """Plusieurs composantes : chaînes, étoiles, cliques, isolées, liens aléatoires (orientés ou non)."""
    morceaux = draw(st.lists(st.sampled_from(["chaine", "etoile", "clique", "isolee", "aleatoire"]), min_size=1, max_size=4))
    orgs: list[dict] = []
    liens: list[dict] = []
    for k, forme in enumerate(morceaux):
        taille = 1 if forme == "isolee" else draw(st.integers(2, 6))
        ids = [f"{k}_{i}" for i in range(taille)]
        orgs += [org(x, draw(st.sampled_from(ECHELLES)), draw(st.sampled_from(["CA", "SN", "PE"]))) for x in ids]
        if forme == "chaine":
            paires = list(zip(ids, ids[1:]))
        elif forme == "etoile":
            paires = [(ids[0], x) for x in ids[1:]]
        elif forme == "clique":
            paires = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
        elif forme == "aleatoire":
            paires = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=12))
        else:
            paires = []
        for a, b in paires:
            if a != b:
                liens.append({**lien(a, b, draw(st.sampled_from([0.5, 1.0, 3.0]))), "oriente": draw(st.booleans())})
    return construire(orgs, liens)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(G=familles(), groupes=st.sampled_from(["echelle", "region", "pays", "nord_sud"]))
def test_proprietes_du_courtage(G, groupes):
    calcul = par_id(G, groupes)
    assert calcul == sna_brokerage(G, groupes)
    for roles in calcul.values():
        assert all(v >= 0 for v in roles.values())
        assert roles["courtage_total"] == sum(roles[f"courtage_{r}"] for r in ROLES)
    for x in G:
        if G.degree(x) <= 1:  # une feuille ou une isolée ne relie personne
            assert calcul[x]["courtage_total"] == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(G=familles())
def test_proprietes_du_vecteur_propre_et_de_l_indice_ei(G):
    t = mesures_organisations(G).set_index("id")
    n = len(t)
    P = nx.Graph(G)
    for composante in nx.connected_components(P):
        valeurs = t.loc[sorted(composante), "vecteur_propre"]
        assert (valeurs >= 0).all()
        if len(composante) == 1:
            assert float(valeurs.iloc[0]) == 0.0
        else:
            assert (valeurs > 0).all()
            assert float((valeurs ** 2).sum()) == pytest.approx(len(composante) / n)
    ei, par_groupe = indices_ei(G)
    for valeur in [ei, *par_groupe.values()]:
        assert valeur is None or -1.0 <= valeur <= 1.0
    assert (ei is None) == (G.number_of_edges() == 0)


def test_fiche_de_la_carte_montre_le_courtage(tmp_path):
    import json

    from reseau.rendu.carte import MESURES_FICHE, ecrire_carte

    assert set(COLONNES_COURTAGE) <= set(MESURES_FICHE)
    for langue in ("fr", "en", "es"):
        textes = json.loads((Path(__file__).resolve().parents[1] / "reseau" / "rendu" / "langues" / f"{langue}.json")
                            .read_text(encoding="utf-8"))
        assert all(f"carte_mesure_{c}" in textes for c in COLONNES_COURTAGE), langue
    G = construire([org("c"), *(org(f"f{i}", "nationale") for i in range(4))], [lien("c", f"f{i}") for i in range(4)])
    html = ecrire_carte(G, tmp_path / "carte.html").read_text(encoding="utf-8")
    assert '"courtage_consultant": 12' in html or '"courtage_consultant":12' in html
