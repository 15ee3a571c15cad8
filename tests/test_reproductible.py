"""Reproductibilité au bit près (sous-processus, plusieurs graines de hachage), booléens des CSV,
identifiant de partenariat relu par igraph."""

from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from graphes import lien, org

from reseau.entrees.graphe import construire
from reseau.rendu.exports import exporter

RACINE = Path(__file__).resolve().parents[1]


def lancer(*arguments: str, graine: str, dossier: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": graine, "PYTHONPATH": str(RACINE)}
    resultat = subprocess.run([sys.executable, "-m", "reseau", *arguments], cwd=dossier, env=env,
                              capture_output=True, text=True, timeout=300)
    assert resultat.returncode == 0, resultat.stderr


def empreintes(dossier: Path) -> dict[str, str]:
    return {str(f.relative_to(dossier)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(dossier.rglob("*")) if f.is_file()}


@pytest.fixture(scope="module")
def jeu(tmp_path_factory) -> Path:
    """Un réseau généré de 1 200 organisations : PageRank et vecteur propre y variaient d'un lancement à l'autre."""
    dossier = tmp_path_factory.mktemp("jeu")
    lancer("generer", "-n", "1200", "--graine", "3", str(dossier / "donnees"), graine="0", dossier=dossier)
    return dossier / "donnees"


def test_memes_octets_quel_que_soit_pythonhashseed(jeu, tmp_path):
    sorties = {}
    for graine in ("0", "1", "12345"):
        dossier = tmp_path / graine
        dossier.mkdir()
        lancer("analyser", str(jeu), "--format", "csv", "-o", "analyse.csv", graine=graine, dossier=dossier)
        lancer("analyser", str(jeu), "--format", "json", "--groupes", "region", "-o", "analyse.json",
               graine=graine, dossier=dossier)
        lancer("exporter", str(jeu), "--format", "csv", "-o", "export", graine=graine, dossier=dossier)
        sorties[graine] = empreintes(dossier)
    assert len(sorties["0"]) == 4
    assert sorties["0"] == sorties["1"] == sorties["12345"]


ESTIMATION = """
import hashlib, sys
from reseau.analyse import _pivots
from reseau.analyse.mesures import mesures_organisations
from reseau.entrees.chargement import charger
_pivots.PROCESSUS, _pivots.TRAVAIL_PARALLELE = int(sys.argv[2]), 0
table = mesures_organisations(charger(sys.argv[1]), exact=False, pivots=150)
print(hashlib.sha256(table.to_csv().encode()).hexdigest())
"""


def test_estimation_par_pivots_memes_octets_quels_que_soient_graine_et_processus(jeu):
    """L'intermédiarité et la proximité estimées (plusieurs processus) ne dépendent ni de
    PYTHONHASHSEED ni du nombre de processus."""
    empreintes = set()
    for graine, processus in (("0", "1"), ("1", "2"), ("12345", "3")):
        env = {**os.environ, "PYTHONHASHSEED": graine, "PYTHONPATH": str(RACINE)}
        resultat = subprocess.run([sys.executable, "-c", ESTIMATION, str(jeu), processus], env=env,
                                  capture_output=True, text=True, timeout=300)
        assert resultat.returncode == 0, resultat.stderr
        empreintes.add(resultat.stdout.strip())
    assert len(empreintes) == 1


def petit_reseau():
    return construire([org("a"), org("b", "nationale"), org("c", pays="SN")],
                      [lien("a", "b"), lien("b", "c"), lien("b", "c", 2.0, "formation")])


def test_booleens_true_false_dans_tous_les_csv(tmp_path):
    exporter(petit_reseau(), tmp_path / "csv", "csv")
    with open(tmp_path / "csv" / "organisations.csv", encoding="utf-8") as f:
        lignes = list(csv.DictReader(f))
    assert {ligne["point_articulation"] for ligne in lignes} == {"true", "false"}
    with open(tmp_path / "csv" / "partenariats.csv", encoding="utf-8") as f:
        assert {ligne["oriente"] for ligne in csv.DictReader(f)} == {"false"}
    for fichier in (tmp_path / "csv").glob("*.csv"):
        texte = fichier.read_text(encoding="utf-8")
        assert ",oui," not in texte and ",non," not in texte and not texte.endswith((",oui\n", ",non\n"))


def test_analyser_csv_booleens(tmp_path):
    from click.testing import CliRunner

    from reseau.cli.commandes import cli

    resultat = CliRunner().invoke(cli, ["analyser", str(RACINE / "tests" / "donnees" / "minimal"), "--format", "csv"])
    assert resultat.exit_code == 0, resultat.output
    lignes = list(csv.DictReader(resultat.stdout.splitlines()))
    assert {ligne["point_articulation"] for ligne in lignes} <= {"true", "false"}


def test_graphml_relu_par_igraph_garde_l_identifiant_de_partenariat(tmp_path):
    import igraph

    G = petit_reseau()
    chemin = exporter(G, tmp_path / "reseau.graphml")
    g = igraph.Graph.Read_GraphML(str(chemin))
    assert sorted(g.es["partenariat"]) == ["p1", "p2", "p3"]
    relus = {(g.vs[e.source]["id"], g.vs[e.target]["id"], e["partenariat"]) for e in g.es}
    assert relus == {("a", "b", "p1"), ("b", "c", "p2"), ("b", "c", "p3")}
    assert "courtage_total" in g.vs.attributes()
