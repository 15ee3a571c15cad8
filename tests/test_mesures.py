"""Mesures par organisation et du réseau : valeurs à la main, Padgett, oracle networkx."""

from __future__ import annotations

import copy
import math
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from graphes import depuis_networkx, lien, org

from reseau.analyse import mesures
from reseau.analyse.mesures import MESURES, RESUME, mesures_organisations, resume_reseau
from reseau.entrees.graphe import construire, projection


def par_id(G: nx.MultiGraph, **options) -> dict[str, dict]:
    table = mesures_organisations(G, **options)
    return {ligne["id"]: ligne for ligne in table.to_dict("records")}


def test_colonnes_du_contrat_dans_l_ordre():
    table = mesures_organisations(construire([org("a"), org("b")], [lien("a", "b")]))
    assert list(table.columns) == ["id", "nom", "sigle", "type", "echelle", "pays", "region", "nord_sud", *MESURES]
    assert list(MESURES) == [
        "degre", "degre_pondere", "intermediarite", "proximite", "vecteur_propre", "pagerank", "contrainte",
        "communaute", "noyau", "point_articulation", "sauts_international", "echelles_2_sauts", "pays_2_sauts",
        "liens_nord_sud", "portee_km", "courtage_coordinateur", "courtage_consultant", "courtage_representant",
        "courtage_gardien", "courtage_liaison", "courtage_total",
    ]
    assert list(table["id"]) == ["a", "b"]


def test_chemin_a_la_main():
    G = depuis_networkx(nx.path_graph(5))
    m = par_id(G)
    # Paires passant par 1 : (0,2) (0,3) (0,4) ; par 2 : (0,3) (0,4) (1,3) (1,4) ; sur C(4,2) = 6.
    assert [m[x]["intermediarite"] for x in "01234"] == pytest.approx([0, 3 / 6, 4 / 6, 3 / 6, 0])
    assert m["2"]["proximite"] == pytest.approx(4 / 6)
    assert m["0"]["proximite"] == pytest.approx(4 / 10)
    assert [m[x]["point_articulation"] for x in "01234"] == [False, True, True, True, False]
    assert {m[x]["noyau"] for x in "01234"} == {1}
    assert [m[x]["degre"] for x in "01234"] == [1, 2, 2, 2, 1]


def test_etoile_a_la_main():
    G = depuis_networkx(nx.star_graph(4))
    m = par_id(G)
    assert m["0"]["intermediarite"] == pytest.approx(1.0)
    assert m["0"]["proximite"] == pytest.approx(1.0)
    assert m["1"]["proximite"] == pytest.approx(4 / 7)
    # Burt : centre relié à 4 feuilles non reliées entre elles → 4 × (1/4)² ; feuille → 1.
    assert m["0"]["contrainte"] == pytest.approx(0.25)
    assert m["1"]["contrainte"] == pytest.approx(1.0)
    assert m["0"]["point_articulation"] and not m["1"]["point_articulation"]
    assert m["0"]["vecteur_propre"] > m["1"]["vecteur_propre"] > 0


def test_familles_florentines_de_padgett():
    F = nx.florentine_families_graph()
    m = par_id(depuis_networkx(F))
    # Valeur publiée (Padgett et Ansell 1993 ; networkx) : intermédiarité normalisée des Medici ≈ 0,522.
    assert m["Medici"]["intermediarite"] == pytest.approx(0.5219, abs=1e-3)
    assert max(m, key=lambda x: m[x]["intermediarite"]) == "Medici"
    assert m["Medici"]["proximite"] == pytest.approx(0.56, abs=1e-2)
    assert m["Medici"]["degre"] == 6
    assert m["Medici"]["point_articulation"]
    assert max(m, key=lambda x: m[x]["vecteur_propre"]) == "Medici"


def graphe_aleatoire(graine: int = 7) -> nx.MultiGraph:
    """Graphe aléatoire non connexe : liens multiples, poids variés, une isolée, une paire à part."""
    hasard = random.Random(graine)
    H = nx.gnm_random_graph(80, 200, seed=graine)
    echelles = ("locale", "regionale", "nationale", "internationale")
    orgs = [org(f"o{n}", hasard.choice(echelles), hasard.choice(["CA", "SN", "PE", "FR"])) for n in H]
    orgs += [org("seule"), org("p1", pays="SN"), org("p2", pays="PE")]
    liens = [lien(f"o{u}", f"o{v}", hasard.choice([0.5, 1.0, 2.0])) for u, v in H.edges()]
    liens += [lien(f"o{v}", f"o{u}", 1.5) for u, v in list(H.edges())[::5]]
    liens.append(lien("p1", "p2"))
    return construire(orgs, liens)


def pagerank_numpy(P: nx.Graph) -> dict:
    """PageRank de référence (matrice de Google de networkx, itération de la puissance)."""
    M = nx.google_matrix(P, alpha=0.85, weight="poids")
    x = np.full(len(P), 1 / len(P))
    for _ in range(1000):
        x = x @ M
    return dict(zip(P, np.asarray(x).ravel()))


def vecteur_propre_par_composante(P: nx.Graph) -> dict:
    """Oracle : vecteur propre networkx de chaque composante, de norme² n_C / n ; isolée 0."""
    valeurs = {}
    for composante in nx.connected_components(P):
        if len(composante) < 2:
            valeurs.update(dict.fromkeys(composante, 0.0))
            continue
        x = nx.eigenvector_centrality(P.subgraph(composante), weight="poids", max_iter=10_000, tol=1e-12)
        norme = math.sqrt(sum(v * v for v in x.values()))
        valeurs.update({k: v / norme * math.sqrt(len(composante) / len(P)) for k, v in x.items()})
    return valeurs


def test_igraph_comme_networkx_sur_un_graphe_aleatoire():
    G = graphe_aleatoire()
    P = projection(G)
    m = par_id(G, exact=True)
    attendues = {
        "intermediarite": nx.betweenness_centrality(P),
        "proximite": nx.closeness_centrality(P),
        "contrainte": nx.constraint(P, weight="poids"),
        "noyau": nx.core_number(P),
        "degre_pondere": dict(P.degree(weight="poids")),
        "degre": dict(P.degree()),
        "pagerank": pagerank_numpy(P),
        "vecteur_propre": vecteur_propre_par_composante(P),
    }
    for mesure, valeurs in attendues.items():
        for x, v in valeurs.items():
            if isinstance(v, float) and math.isnan(v):
                assert math.isnan(m[x][mesure]), (mesure, x)
            else:
                assert m[x][mesure] == pytest.approx(v, rel=1e-6, abs=1e-9), (mesure, x)
    assert {x for x in m if m[x]["point_articulation"]} == set(nx.articulation_points(P))


def test_graphe_non_connexe_et_organisation_isolee():
    G = graphe_aleatoire()
    m = par_id(G)
    seule = m["seule"]
    assert (seule["degre"], seule["intermediarite"], seule["proximite"], seule["vecteur_propre"]) == (0, 0, 0, 0)
    assert math.isnan(seule["contrainte"]) and math.isnan(seule["portee_km"])
    assert seule["echelles_2_sauts"] == 1 and seule["pays_2_sauts"] == 1
    assert pd.isna(seule["sauts_international"])
    # La paire à part : vecteur propre de sa composante (norme² 2 / n), proximité corrigée (Wasserman-Faust).
    assert m["p1"]["vecteur_propre"] == pytest.approx(math.sqrt(1 / len(m)))
    assert m["p1"]["proximite"] == pytest.approx(1 / (len(m) - 1))
    assert m["p1"]["communaute"] == m["p2"]["communaute"] != m["seule"]["communaute"]


def test_liens_multiples_et_poids():
    G = construire(
        [org("a", pays="CA"), org("b", pays="SN"), org("c", pays="CA")],
        [lien("a", "b", 2.0), lien("b", "a", 0.5, "formation"), lien("b", "c")],
    )
    m = par_id(G)
    assert m["a"]["degre"] == 1 and m["b"]["degre"] == 2
    assert m["a"]["degre_pondere"] == 2.5 and m["b"]["degre_pondere"] == 3.5
    assert m["b"]["liens_nord_sud"] == 3 and m["a"]["liens_nord_sud"] == 2
    r = resume_reseau(G)
    assert r["partenariats"] == 3 and r["liens_nord_sud"] == 3 and r["liens_nord_nord"] == 0
    assert r["densite"] == pytest.approx(2 / 3)


def test_portee_echelles_pays_et_sauts():
    G = construire(
        [org("l", "locale", "CA", latitude=45.5, longitude=-73.57),
         org("n", "nationale", "CA", latitude=46.81, longitude=-71.21),
         org("i", "internationale", "SN", latitude=14.69, longitude=-17.45),
         org("x", "regionale", "PE")],
        [lien("l", "n"), lien("n", "i"), lien("x", "l")],
    )
    m = par_id(G)
    assert [m[x]["sauts_international"] for x in "lnix"] == [2, 1, 0, 3]
    assert m["x"]["echelles_2_sauts"] == 3 and m["x"]["pays_2_sauts"] == 2
    assert m["l"]["echelles_2_sauts"] == 4 and m["l"]["pays_2_sauts"] == 3
    assert m["i"]["portee_km"] == pytest.approx(mesures.distance_km(46.81, -71.21, 14.69, -17.45))
    assert m["n"]["portee_km"] == pytest.approx(m["i"]["portee_km"])
    assert math.isnan(m["x"]["portee_km"])  # son partenaire a des coordonnées, pas elle


def test_deux_sauts_comme_par_force_brute():
    G = graphe_aleatoire(3)
    m = par_id(G)
    P = projection(G)
    for x in P:
        proches = nx.single_source_shortest_path_length(P, x, cutoff=2)
        assert m[x]["echelles_2_sauts"] == len({P.nodes[y]["echelle"] for y in proches})
        assert m[x]["pays_2_sauts"] == len({P.nodes[y]["pays"] for y in proches})


def test_communautes_deterministes_et_justes():
    H = nx.barbell_graph(6, 0)  # deux cliques de 6 reliées par un pont
    H.add_edge(12, 0)  # la première clique a un membre de plus
    G = depuis_networkx(H)
    premiere = mesures_organisations(G)["communaute"].tolist()
    for _ in range(3):
        assert mesures_organisations(G)["communaute"].tolist() == premiere
    m = par_id(G)
    assert {m[str(x)]["communaute"] for x in [*range(6), 12]} == {1}
    assert {m[str(x)]["communaute"] for x in range(6, 12)} == {2}


def test_le_graphe_n_est_pas_modifie():
    G = graphe_aleatoire()
    copie = copy.deepcopy((list(G.nodes(data=True)), list(G.edges(keys=True, data=True)), dict(G.graph)))
    mesures_organisations(G)
    resume_reseau(G)
    assert (list(G.nodes(data=True)), list(G.edges(keys=True, data=True)), dict(G.graph)) == copie


def test_graphe_vide():
    table = mesures_organisations(nx.MultiGraph())
    assert len(table) == 0 and list(table.columns)[-1] == "courtage_total"
    r = resume_reseau(nx.MultiGraph())
    assert r["organisations"] == 0 and r["composantes"] == 0 and r["assortativite_echelle"] is None


def test_estimation_par_pivots_proche_de_l_exact(monkeypatch):
    monkeypatch.setattr(mesures, "PIVOTS_MIN", 300)
    monkeypatch.setattr(mesures, "BUDGET", 0)
    monkeypatch.setattr(mesures, "PIVOTS_PROXIMITE", 300)
    G = depuis_networkx(nx.barabasi_albert_graph(1500, 3, seed=2))
    exacte = mesures_organisations(G, exact=True)
    estimee = mesures_organisations(G, exact=False)
    assert mesures_organisations(G, exact=False)["intermediarite"].tolist() == estimee["intermediarite"].tolist()
    a, b = exacte["intermediarite"].to_numpy(), estimee["intermediarite"].to_numpy()
    assert not np.allclose(a, b)  # c'est bien une estimation
    assert np.argmax(b) in np.argsort(-a)[:3]
    tete = np.argsort(-a)[:15]
    assert np.mean(np.abs(b[tete] - a[tete]) / a[tete]) < 0.25
    p, q = exacte["proximite"].to_numpy(), estimee["proximite"].to_numpy()
    assert np.max(np.abs(q - p) / p) < 0.06
    # Les mesures qui ne sont pas estimées ne bougent pas.
    assert exacte["pagerank"].tolist() == pytest.approx(estimee["pagerank"].tolist(), rel=1e-9)


def test_seuil_de_l_exact(monkeypatch):
    G = depuis_networkx(nx.barabasi_albert_graph(60, 2, seed=1))
    exacte = mesures_organisations(G, exact=True)["intermediarite"].tolist()
    assert mesures_organisations(G)["intermediarite"].tolist() == exacte
    monkeypatch.setattr(mesures, "SEUIL_EXACT", 10)
    monkeypatch.setattr(mesures, "PIVOTS_MIN", 20)
    monkeypatch.setattr(mesures, "BUDGET", 0)
    assert mesures_organisations(G)["intermediarite"].tolist() != exacte


def test_progression_pour_les_grands_reseaux(monkeypatch):
    messages: list[str] = []
    G = depuis_networkx(nx.path_graph(30))
    mesures_organisations(G, progression=messages.append)
    assert messages == []
    monkeypatch.setattr(mesures, "SEUIL_PROGRESSION", 10)
    mesures_organisations(G, progression=messages.append)
    assert messages and any("intermédiarité" in m for m in messages)


def test_resume_du_reseau():
    G = construire(
        [org("l1", "locale", "CA"), org("l2", "locale", "SN"), org("r", "regionale", "SN"),
         org("i", "internationale", "FR"), org("seule", "locale", "PE")],
        [lien("l1", "i"), lien("l2", "r"), lien("r", "i"), lien("r", "i", type_="formation"), lien("l1", "l2")],
    )
    r = resume_reseau(G)
    assert list(r) == list(RESUME)
    assert (r["organisations"], r["partenariats"], r["composantes"], r["taille_plus_grande_composante"]) == (5, 5, 2, 4)
    assert r["densite"] == pytest.approx(4 / 10)
    assert (r["liens_nord_nord"], r["liens_nord_sud"], r["liens_sud_sud"]) == (1, 3, 1)
    assert r["matrice_echelles"]["regionale"]["internationale"] == 2
    assert r["matrice_echelles"]["internationale"]["regionale"] == 2
    assert r["matrice_echelles"]["locale"]["locale"] == 1
    # l1, l2 et r à 2 liens ou moins de l'international ; « seule » non.
    assert r["articulation_local_global"] == pytest.approx(3 / 4)
    P = projection(G)
    assert r["regroupement"] == pytest.approx(nx.average_clustering(P))
    assert r["assortativite_echelle"] == pytest.approx(nx.attribute_assortativity_coefficient(G, "echelle"))


def test_projection_igraph_identique_a_reseau_projection():
    G = graphe_aleatoire(5)
    noeuds = list(G)
    g = mesures._projection_igraph(G)
    obtenue = {
        frozenset((noeuds[u], noeuds[v])): (p, k)
        for (u, v), p, k in zip(g.get_edgelist(), g.es["poids"], g.es["partenariats"])
    }
    attendue = {frozenset((u, v)): (d["poids"], d["partenariats"]) for u, v, d in projection(G).edges(data=True)}
    assert obtenue.keys() == attendue.keys()
    for paire, (poids, nombre) in attendue.items():
        assert obtenue[paire] == (pytest.approx(poids), nombre)


def test_pivots_imposes_estiment_l_intermediarite():
    """Avec peu de pivots imposés, l'estimation diffère de l'exact mais garde les plus centraux."""
    import networkx as nx

    from reseau.analyse.mesures import mesures_organisations
    from reseau.entrees.graphe import construire

    aleatoire = nx.barabasi_albert_graph(300, 2, seed=1)
    G = construire(
        [{"id": str(n), "echelle": "locale"} for n in aleatoire],
        [{"source": str(u), "cible": str(v), "poids": 1.0} for u, v in aleatoire.edges],
    )
    exacte = mesures_organisations(G, exact=True).set_index("id")["intermediarite"]
    estimee = mesures_organisations(G, exact=False, pivots=40).set_index("id")["intermediarite"]
    assert not (exacte.round(12) == estimee.round(12)).all()
    assert exacte.idxmax() in set(estimee.nlargest(3).index)


def test_comptes_entiers_en_csv():
    """Les comptes (liens Nord/Sud…) restent des entiers, et le CSV garde la pleine précision."""
    import reseau
    from reseau.rendu.tables import texte_analyse

    G = reseau.charger()
    table = reseau.mesures_organisations(G)
    assert str(table["liens_nord_sud"].dtype).startswith("int")
    import csv
    import io

    texte = texte_analyse(reseau.resume_reseau(G), table, "csv")
    valeurs = next(ligne for ligne in csv.DictReader(io.StringIO(texte)) if ligne["id"] == "gesq")
    assert "." not in valeurs["liens_nord_sud"]
    assert float(valeurs["intermediarite"]) == float(table.set_index("id").loc["gesq", "intermediarite"])


def test_le_message_dit_exacte_quand_elle_l_est(monkeypatch):
    """Au-delà du seuil, si aucune composante ne dépasse le nombre de pivots, le calcul est exact et le dit."""
    G = depuis_networkx(nx.barabasi_albert_graph(60, 2, seed=1))
    exacte = mesures_organisations(G, exact=True)
    assert exacte.attrs["intermediarite"] == {"methode": "exacte", "pivots": None, "erreur_tete": 0.0}
    monkeypatch.setattr(mesures, "SEUIL_EXACT", 10)
    monkeypatch.setattr(mesures, "SEUIL_PROGRESSION", 10)
    monkeypatch.setattr(mesures, "BUDGET", 0)
    monkeypatch.setattr(mesures, "PIVOTS_MIN", 100)
    messages: list[str] = []
    t = mesures_organisations(G, progression=messages.append)
    assert t.attrs["intermediarite"]["methode"] == "exacte"
    assert any("intermédiarité exacte" in m for m in messages) and not any("pivots" in m for m in messages
                                                                              if "intermédiarité" in m and "proximité" not in m)
    assert t["intermediarite"].tolist() == exacte["intermediarite"].tolist()
    monkeypatch.setattr(mesures, "PIVOTS_MIN", 20)
    messages.clear()
    t = mesures_organisations(G, progression=messages.append)
    calcul = t.attrs["intermediarite"]
    assert calcul["methode"] == "estimee" and calcul["pivots"] == 20
    k_ref, e_ref = mesures.ERREUR_REFERENCE
    assert calcul["erreur_tete"] == pytest.approx(e_ref * math.sqrt(k_ref / 20), abs=1e-3)
    assert any("estimées sur 20 pivots" in m and "erreur" in m for m in messages)


def test_analyser_affiche_le_calcul_de_l_intermediarite():
    from click.testing import CliRunner

    from reseau.cli.commandes import cli

    resultat = CliRunner().invoke(cli, ["analyser", "--format", "json"])
    assert resultat.exit_code == 0, resultat.output
    import json

    assert json.loads(resultat.stdout)["reseau"]["intermediarite"]["methode"] == "exacte"
