"""Exports : allers-retours sans perte par format, liens multiples, tableurs sans formule."""

from __future__ import annotations

import copy
import csv
import json
import math
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import reseau
from reseau.analyse.mesures import MESURES, RESUME, mesures_organisations
from reseau.cli.commandes import cli
from reseau.rendu.couleurs import ECHELLE
from reseau.rendu.exports import FORMATS_EXPORT, exporter

INJECTIONS = ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)")
MINIMAL = Path(__file__).parent / "donnees" / "minimal"
CHAMPS_LIEN = ("source", "cible", "type", "debut", "fin", "poids", "oriente", "description", "reference")


@pytest.fixture(scope="module")
def jeu(tmp_path_factory):
    """Le jeu minimal (deux partenariats gesq–gsess) plus des noms piégés pour les tableurs."""
    dossier = tmp_path_factory.mktemp("jeu")
    with open(MINIMAL / "organisations.csv", encoding="utf-8") as f:
        organisations = list(csv.reader(f))
    with open(MINIMAL / "partenariats.csv", encoding="utf-8") as f:
        partenariats = list(csv.reader(f))
    for i, nom in enumerate((*INJECTIONS, "-12.5")):
        organisations.append([f"piege{i}", nom, "", "ong", "locale", "SN", "", "", "14,7", "-12,5", "", "", "", ""])
        partenariats.append([f"piege{i}", "gsess", "cooperation", "", "", "", "", nom, ""])
    for nom, lignes in (("organisations", organisations), ("partenariats", partenariats)):
        with open(dossier / f"{nom}.csv", "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(lignes)
    return dossier


@pytest.fixture(scope="module")
def graphe(jeu):
    return reseau.charger(jeu)


@pytest.fixture(scope="module")
def mesures(graphe):
    return mesures_organisations(graphe)


def _attendus(G, mesures):
    """Attributs attendus de chaque organisation : les siens et ses mesures, sans valeur absente."""
    par_id = mesures.set_index("id").to_dict("index")
    attendus = {}
    for n, d in G.nodes(data=True):
        valeurs = {**{c: par_id[n][c] for c in MESURES}, **d}
        attendus[n] = {c: v for c, v in valeurs.items() if v is not None and not (isinstance(v, float) and math.isnan(v))}
    return attendus


def _egal(a, b):
    if isinstance(b, float) or isinstance(a, float):
        return a == pytest.approx(b, rel=1e-12)
    return a == b


def _liens(G, renommer=None):
    """Multiensemble des partenariats (sans valeur absente), pour comparer deux graphes."""
    renommer = renommer or {}
    return Counter(
        tuple(sorted((c, d[renommer.get(c, c)]) for c in CHAMPS_LIEN if d.get(renommer.get(c, c)) is not None))
        for _, _, d in G.edges(data=True)
    )


def test_deux_partenariats_d_une_meme_paire(graphe):
    assert graphe.number_of_edges("gesq", "gsess") == 2


@pytest.mark.parametrize("format_", ["gexf", "graphml"])
def test_aller_retour_networkx(tmp_path, graphe, mesures, format_):
    chemin = exporter(graphe, tmp_path / f"reseau.{format_}", format_, mesures=mesures)
    lu = nx.read_gexf(chemin) if format_ == "gexf" else nx.read_graphml(chemin)
    assert lu.is_multigraph() and not lu.is_directed()
    assert set(lu.nodes) == set(graphe.nodes)
    assert lu.number_of_edges() == graphe.number_of_edges()
    assert lu.number_of_edges("gesq", "gsess") == 2
    for n, attendu in _attendus(graphe, mesures).items():
        for cle, valeur in attendu.items():
            assert _egal(lu.nodes[n][cle], valeur), (n, cle)
    renommer = {"type": "type_partenariat"} if format_ == "gexf" else {}
    assert _liens(lu, renommer) == _liens(graphe)
    assert sorted(d["id"] if format_ == "gexf" else k for *_, k, d in lu.edges(keys=True, data=True)) == sorted(
        f"p{i}" for i in range(1, graphe.number_of_edges() + 1)
    )


def test_gexf_attributs_d_affichage_gephi(tmp_path, graphe, mesures):
    lu = nx.read_gexf(exporter(graphe, tmp_path / "reseau.gexf", "gexf", mesures=mesures))
    gesq, isolee = lu.nodes["gesq"], lu.nodes["isolee"]
    r, g, b = (int(ECHELLE["nationale"][i:i + 2], 16) for i in (1, 3, 5))
    assert {k: gesq["viz"]["color"][k] for k in "rgb"} == {"r": r, "g": g, "b": b}
    assert gesq["viz"]["size"] > isolee["viz"]["size"]  # taille selon le degré
    assert gesq["label"] == graphe.nodes["gesq"]["nom"]
    # position : l'ouest (Gatineau) à gauche de l'est (Dakar), le nord au-dessus du sud
    assert gesq["viz"]["position"]["x"] < lu.nodes["gsess"]["viz"]["position"]["x"]
    assert gesq["viz"]["position"]["y"] > lu.nodes["gsess"]["viz"]["position"]["y"]
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in lu.nodes(data=True)}
    assert len(positions) == lu.number_of_nodes()  # même point de départ (Sénégal) : écartées
    assert {d["weight"] for *_, d in lu.edges(data=True)} == {1.0, 2.0}


def test_graphml_relu_par_igraph(tmp_path, graphe, mesures):
    import igraph

    g = igraph.Graph.Read_GraphML(str(exporter(graphe, tmp_path / "reseau.graphml", "graphml", mesures=mesures)))
    assert g.vcount() == graphe.number_of_nodes() and g.ecount() == graphe.number_of_edges()
    assert not g.is_directed()
    assert set(g.vs["id"]) == set(graphe.nodes)
    sommet = g.vs.find(id="gesq")
    assert sommet["nom"] == graphe.nodes["gesq"]["nom"]
    assert sommet["degre"] == 3 and sommet["point_articulation"] is True
    paires = Counter(frozenset((g.vs[e.source]["id"], g.vs[e.target]["id"])) for e in g.es)
    assert paires[frozenset(("gesq", "gsess"))] == 2
    assert sorted(g.es["type"]) == sorted(d["type"] for *_, d in graphe.edges(data=True))
    assert g["partenariats"] == graphe.number_of_edges()


def test_json_node_link(tmp_path, graphe, mesures):
    chemin = exporter(graphe, tmp_path / "reseau.json", "json", mesures=mesures)
    donnees = json.loads(chemin.read_text(encoding="utf-8"))
    assert set(donnees["graph"]["reseau"]) == set(RESUME)
    assert donnees["graph"]["reseau"]["partenariats"] == graphe.number_of_edges()
    liens = Counter(
        tuple(sorted((c, lien[c]) for c in CHAMPS_LIEN if lien.get(c) is not None)) for lien in donnees["edges"]
    )
    assert liens == _liens(graphe)  # « source » du lien = source du partenariat
    lu = nx.node_link_graph(donnees, edges="edges")
    assert lu.is_multigraph() and set(lu.nodes) == set(graphe.nodes)
    assert lu.number_of_edges() == graphe.number_of_edges() and lu.number_of_edges("gesq", "gsess") == 2
    assert set(MESURES) <= set(lu.nodes["gesq"])
    assert lu.nodes["isolee"]["sauts_international"] is None  # absente : null, pas NaN


def test_csv_dossier_neutralise_et_relisible(tmp_path, graphe, mesures):
    dossier = exporter(graphe, tmp_path / "export", "csv", mesures=mesures)
    with open(dossier / "organisations.csv", encoding="utf-8") as f:
        organisations = {ligne["id"]: ligne for ligne in csv.DictReader(f)}
    assert set(MESURES) <= set(next(iter(organisations.values())))
    noms = {organisations[f"piege{i}"]["nom"] for i in range(len(INJECTIONS))}
    assert noms == {"'" + nom for nom in INJECTIONS}
    assert organisations["piege4"]["nom"] == "-12.5"  # un nombre reste un nombre
    assert organisations["piege0"]["longitude"] == "-12.5"
    assert organisations["gesq"]["latitude"] == "45.477"  # sans arrondi
    with open(dossier / "partenariats.csv", encoding="utf-8") as f:
        liens = list(csv.DictReader(f))
    assert {lien["description"] for lien in liens if lien["source"].startswith("piege")} >= {"'+1+1", "'@SUM(A1)"}
    relu = reseau.charger(dossier)
    assert set(relu.nodes) == set(graphe.nodes)
    assert relu.number_of_edges() == graphe.number_of_edges()
    assert relu.number_of_edges("gesq", "gsess") == 2


def test_xlsx_quatre_feuilles_sans_formule(tmp_path, graphe, mesures):
    chemin = exporter(graphe, tmp_path / "reseau.xlsx", "xlsx", mesures=mesures)
    classeur = load_workbook(chemin)
    assert classeur.sheetnames == ["organisations", "partenariats", "regions", "resume"]
    cellules = [c for feuille in classeur for ligne in feuille.iter_rows() for c in ligne]
    assert cellules and all(c.data_type != "f" for c in cellules)
    textes = [c.value for c in cellules if isinstance(c.value, str)]
    assert not [t for t in textes if t[:1] in "=+@"]
    organisations = classeur["organisations"]
    entetes = [c.value for c in organisations[1]]
    lignes = {ligne[0]: dict(zip(entetes, ligne)) for ligne in organisations.iter_rows(min_row=2, values_only=True)}
    assert len(lignes) == graphe.number_of_nodes()
    assert set(MESURES) <= set(entetes)
    assert {lignes[f"piege{i}"]["nom"] for i in range(len(INJECTIONS))} == {"'" + nom for nom in INJECTIONS}
    assert lignes["piege0"]["longitude"] == -12.5  # nombre, pas texte
    assert lignes["gesq"]["point_articulation"] is True
    assert classeur["partenariats"].max_row == graphe.number_of_edges() + 1
    resume = {m: v for m, v in classeur["resume"].iter_rows(min_row=2, values_only=True)}
    assert resume["partenariats"] == graphe.number_of_edges()
    assert "matrice_echelles.nationale.internationale" in resume


@pytest.mark.parametrize("format_", FORMATS_EXPORT)
def test_le_graphe_n_est_pas_modifie(tmp_path, graphe, mesures, format_):
    avant = copy.deepcopy(graphe)
    exporter(graphe, tmp_path / ("export" if format_ == "csv" else f"reseau.{format_}"), format_, mesures=mesures)
    assert nx.utils.graphs_equal(avant, graphe)
    assert list(avant.edges(keys=True, data=True)) == list(graphe.edges(keys=True, data=True))


def test_format_deduit_de_l_extension_et_erreurs(tmp_path, graphe, mesures):
    assert exporter(graphe, tmp_path / "r.graphml", mesures=mesures).read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(reseau.ParametreInvalide, match="inconnu"):
        exporter(graphe, tmp_path / "r.txt", "pdf", mesures=mesures)
    with pytest.raises(reseau.ParametreInvalide, match="à préciser"):
        exporter(graphe, tmp_path / "r.txt", mesures=mesures)
    with pytest.raises(reseau.ParametreInvalide, match="dossier"):
        exporter(graphe, tmp_path / "r.csv", "csv", mesures=mesures)
    with pytest.raises(reseau.ParametreInvalide, match="mesures absentes"):
        exporter(graphe, tmp_path / "r.gexf", mesures=mesures[mesures["id"] != "gesq"])
    assert not [f.name for f in tmp_path.iterdir() if f.name != "r.graphml"]  # rien d'autre écrit


def test_valeurs_absentes_omises_sans_liste(tmp_path):
    """Un attribut None ou liste ne casse ni GEXF ni GraphML."""
    from reseau.entrees.graphe import construire

    G = construire(
        [{"id": "a", "echelle": "locale", "latitude": None, "longitude": None, "etiquettes": ["x", "y"]},
         {"id": "b", "echelle": None, "latitude": None, "longitude": None}],
        [{"source": "a", "cible": "b", "type": "autre", "poids": 1.0, "fin": None}],
    )
    for format_ in ("gexf", "graphml"):
        chemin = exporter(G, tmp_path / f"r.{format_}", format_)
        lu = nx.read_gexf(chemin) if format_ == "gexf" else nx.read_graphml(chemin)
        assert lu.nodes["a"]["etiquettes"] == "x; y"
        assert "echelle" not in lu.nodes["b"] and "fin" not in next(iter(lu.edges(data=True)))[2]


def test_cli_exporter(tmp_path, jeu):
    runner = CliRunner()
    resultat = runner.invoke(cli, ["exporter", str(jeu), "--format", "gexf", "-o", str(tmp_path / "r.gexf")])
    assert resultat.exit_code == 0, resultat.output
    assert nx.read_gexf(tmp_path / "r.gexf").number_of_edges() == reseau.charger(jeu).number_of_edges()
    resultat = runner.invoke(cli, ["exporter", str(jeu), "-o", str(tmp_path / "r.xlsx"), "--annee", "2005"])
    assert resultat.exit_code == 0, resultat.output
    assert load_workbook(tmp_path / "r.xlsx")["partenariats"].max_row - 1 == reseau.charger(jeu, annee=2005).number_of_edges()
    resultat = runner.invoke(cli, ["exporter", str(jeu), "-o", str(tmp_path / "r.csv")])
    assert resultat.exit_code == 2
    assert "dossier" in resultat.output and "Traceback" not in resultat.output
