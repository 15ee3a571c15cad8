"""Commandes d'analyse : analyser, regions, portee, chemin (codes de sortie, formats, JSON)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from reseau.analyse.mesures import IDENTITE, MESURES, RESUME
from reseau.cli.commandes import cli
from reseau.rendu.diagnostics import COLONNES


def lancer(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def minimal(donnees) -> str:
    return str(donnees / "minimal")


def test_analyser_json_conforme(minimal):
    resultat = lancer("analyser", minimal, "--format", "json")
    assert resultat.exit_code == 0, resultat.output
    sortie = json.loads(resultat.stdout)
    assert list(sortie) == ["reseau", "organisations"]
    assert list(sortie["reseau"]) == [*RESUME, "intermediarite"]
    assert [o["id"] for o in sortie["organisations"]] == ["gesq", "comsep", "ripess", "gsess", "isolee"]
    for organisation in sortie["organisations"]:
        assert list(organisation) == [*IDENTITE, *MESURES]
    isolee = sortie["organisations"][-1]
    assert isolee["sauts_international"] is None and isolee["contrainte"] is None and isolee["degre"] == 0
    gesq = sortie["organisations"][0]
    assert (gesq["degre"], gesq["degre_pondere"], gesq["sauts_international"]) == (3, 5.0, 1)
    assert gesq["point_articulation"] is True


def test_analyser_table_et_csv(minimal):
    table = lancer("analyser", minimal)
    assert table.exit_code == 0, table.output
    lignes = table.stdout.splitlines()
    assert lignes[0] == "Réseau" and "Partenariats entre échelles" in lignes
    organisations = lignes[lignes.index("Organisations, par intermédiarité décroissante") + 3:]
    assert organisations[0].startswith("GESQ")  # la seule d'intermédiarité non nulle
    assert max(len(ligne) for ligne in lignes) <= 120
    assert "Intermédiarité" in table.stdout and "sauts_international" not in table.stdout
    # Le résumé écrit le calcul de l'intermédiarité et les indices E-I en clair, pas en dict Python.
    resume = lignes[:lignes.index("Partenariats entre échelles")]
    assert re.search(r"^Intermédiarité\s+exacte$", "\n".join(resume), re.M)
    assert any(ligne.startswith("Indice E-I par groupe") and "locale : " in ligne for ligne in resume)
    assert not any("{" in ligne for ligne in resume)
    en_csv = list(csv.DictReader(io.StringIO(lancer("analyser", minimal, "--format", "csv").stdout)))
    assert len(en_csv) == 5 and list(en_csv[0]) == [*IDENTITE, *MESURES]


def test_analyser_filtres_et_fichier(minimal, tmp_path):
    cible = tmp_path / "analyse.json"
    resultat = lancer("analyser", minimal, "--pays", "CA", "--format", "json", "-o", str(cible), "--exact")
    assert resultat.exit_code == 0, resultat.output
    sortie = json.loads(cible.read_text(encoding="utf-8"))
    assert {o["pays"] for o in sortie["organisations"]} == {"CA"}
    assert sortie["reseau"]["organisations"] == 3


def test_regions(minimal):
    resultat = lancer("regions", minimal, "--format", "json")
    assert resultat.exit_code == 0, resultat.output
    sortie = json.loads(resultat.stdout)
    regions = sortie["regions"]
    assert list(regions[0]) == list(COLONNES)
    # Une organisation par région : aucune n'est classée ; l'organisation du Pérou n'a pas de région.
    assert all(r["rang"] is None and not r["classee"] for r in regions)
    assert sortie["hors_regions"] == {"sans_region": ["isolee"], "internationales": ["ripess"]}
    table = lancer("regions", minimal).stdout
    assert "Trop peu d'organisations pour conclure" in table and "1 organisation sans région précisée" in table


def test_portee(minimal):
    resultat = lancer("portee", "comsep", minimal)
    assert resultat.exit_code == 0, resultat.output
    assert "Plus court chemin vers l'international (2 liens) : COMSEP → GESQ → RIPESS" in resultat.stdout
    en_json = json.loads(lancer("portee", "Comsep", minimal, "--format", "json", "--sauts", "1").stdout)
    assert en_json["organisation"] == "comsep" and len(en_json["sauts"]) == 1


def test_chemin(minimal):
    resultat = lancer("chemin", "COMSEP", "groupe senegalais d'economie sociale et solidaire", minimal)
    assert resultat.exit_code == 0, resultat.output
    assert "COMSEP → GESQ → GSESS" in resultat.stdout
    en_json = json.loads(lancer("chemin", "comsep", "gsess", minimal, "--format", "json").stdout)
    assert en_json == {"de": "comsep", "vers": "gsess", "liens": 2, "chemins": [["comsep", "gesq", "gsess"]]}


@pytest.mark.parametrize("args, attendu", [
    (("chemin", "comsep", "isolee", "DONNEES"), "aucun chemin"),
    (("portee", "inconnue", "DONNEES"), "introuvable"),
    (("portee", "comsap", "DONNEES"), "vouliez-vous dire"),
    (("portee", "groupe", "DONNEES"), "désigne 2 organisations"),
    (("portee", "gesq", "DONNEES", "--sauts", "-1"), "Valeur invalide"),
    (("analyser", "DONNEES", "--echelle", "mondiale"), "échelle inconnue"),
])
def test_erreurs_code_2_sans_trace(minimal, args, attendu):
    resultat = lancer(*(minimal if a == "DONNEES" else a for a in args))
    assert resultat.exit_code == 2, resultat.output
    assert attendu in resultat.output
    assert "Traceback" not in resultat.output


def test_jeu_de_reference():
    analyse = json.loads(lancer("analyser", "--format", "json").stdout)
    assert len(analyse["organisations"]) == analyse["reseau"]["organisations"] >= 80
    assert all(list(o) == [*IDENTITE, *MESURES] for o in analyse["organisations"])
    regions = json.loads(lancer("regions", "--format", "json").stdout)["regions"]
    classees = [r for r in regions if r["classee"]]
    assert classees and [r["rang"] for r in classees] == sorted(r["rang"] for r in classees)
    assert all(r["diagnostic"] for r in regions)
    assert all(r["organisations"] >= 3 for r in classees) and all(r["region"] for r in regions)
    portee = json.loads(lancer("portee", "gesq", "--format", "json").stdout)
    assert portee["organisations_atteintes"] > 0 and portee["sauts_international"] is not None
    chemin = lancer("chemin", "gesq", "ripess")
    assert chemin.exit_code == 0 and "→" in chemin.stdout


@pytest.mark.parametrize("colonnes, attendu", [("60", 80), ("80", 80), ("100", 100), ("250", 120)])
def test_tables_tenues_dans_la_largeur(colonnes, attendu):
    """Tables du terminal dans 80 à 120 colonnes, en-têtes lisibles, décimales alignées."""
    for commande in (["analyser"], ["regions"], ["portee", "gesq"], ["suggestions"]):
        resultat = CliRunner(env={"COLUMNS": colonnes}).invoke(cli, commande)
        assert resultat.exit_code == 0, resultat.output
        lignes = resultat.stdout.splitlines()
        assert max(len(ligne) for ligne in lignes) <= attendu, commande
        entetes = [lignes[i - 1] for i, ligne in enumerate(lignes) if ligne.startswith("───")]
        assert entetes and not any("_" in e for e in entetes), commande
    regions = CliRunner(env={"COLUMNS": colonnes}).invoke(cli, ["regions"]).stdout
    assert "Indice" in regions and "indice_connexion" not in regions
    assert re.search(r"\s0\.\d\d\s", regions) and re.search(r"\s1\.00\s", regions)  # deux décimales partout
