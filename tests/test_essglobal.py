"""Import ESSGlobal : correspondance des colonnes, défauts annoncés, branchement sur le chargeur."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import reseau
from reseau.cli.commandes import cli
from reseau.entrees.essglobal import est_essglobal, lire_essglobal

ESSGLOBAL = Path(__file__).parent / "donnees" / "essglobal"


def _textes(avertissements) -> str:
    return "\n".join(str(a) for a in avertissements)


def test_lire_essglobal_correspondance_des_colonnes():
    with pytest.warns(UserWarning) as avertissements:
        organisations = lire_essglobal(ESSGLOBAL / "organisations.csv")
    messages = _textes(a.message for a in avertissements)
    assert "« locale » appliquée à 5 organisation" in messages
    assert "« autre » appliqué à 2 organisation" in messages
    assert "1 organisation(s) sans nom" in messages
    par_id = {o["id"]: o for o in organisations}
    assert list(par_id) == ["coop-01", "epicerie-2", "asso3", "reseau4", "sansnom5"]  # Identifier normalisé
    coop = par_id["coop-01"]
    assert coop["nom"] == "Coopérative de test des Outaouais"
    assert (coop["ville"], coop["region"], coop["pays"]) == ("Gatineau", "Outaouais", "CA")
    assert coop["site_web"] == "https://exemple.org/coop-01"
    assert coop["description"] == "Coopérative fictive pour les tests"
    assert coop["reference"] == "ESSGlobal : organisations.csv"
    assert {o["pays"] for o in organisations} == {"CA", "SN", "PE", "FR", "CI"}  # noms anglais convertis
    # type d'après « Organisational Structure », sinon « autre »
    assert [o["type"] for o in organisations] == ["cooperative", "cooperative", "ong", "autre", "autre"]
    assert {o["echelle"] for o in organisations} == {"locale"}
    assert par_id["sansnom5"]["nom"] == "sansnom5"  # sans Name : l'identifiant


def test_options_remplacent_les_defauts_sans_avertissement(recwarn):
    organisations = lire_essglobal(ESSGLOBAL / "organisations.csv", echelle="Régionale", type="reseau")
    assert {o["echelle"] for o in organisations} == {"regionale"}
    assert {o["type"] for o in organisations} == {"reseau"}
    assert not [w for w in recwarn if "appliqu" in str(w.message)]


def test_option_invalide_erreur_claire():
    with pytest.raises(reseau.ParametreInvalide, match="vouliez-vous dire « nationale »"):
        reseau.charger(ESSGLOBAL, essglobal_echelle="nationnale")


def test_chargeur_reconnait_un_dossier_essglobal():
    v = reseau.valider(ESSGLOBAL)
    assert v.valide, _textes(v.problemes)
    assert "--essglobal-echelle" in _textes(v.avertissements)
    G = reseau.charger(ESSGLOBAL, essglobal_echelle="nationale")
    assert G.number_of_nodes() == 5
    # « Epicerie 2 » et « epicerie-2 » désignent la même organisation ; deux liens epicerie-2–asso3
    assert G.number_of_edges() == 4 and G.number_of_edges("epicerie-2", "asso3") == 2
    assert G.nodes["epicerie-2"]["nord_sud"] == "sud"
    assert G.nodes["coop-01"]["precision"] == "ville"  # position déduite de Locality
    assert {e for _, e in G.nodes(data="echelle")} == {"nationale"}


def test_fichier_essglobal_passe_directement(tmp_path):
    G = reseau.charger(ESSGLOBAL / "organisations.csv")
    assert G.number_of_edges() == 4  # partenariats.csv voisin
    seul = tmp_path / "initiatives.csv"
    shutil.copy(ESSGLOBAL / "organisations.csv", seul)
    v = reseau.valider(seul)
    assert v.valide and v.partenariats == []
    assert "organisations seules" in _textes(v.avertissements)
    assert reseau.charger(seul).number_of_nodes() == 5


def test_decodage_tolerant_reutilise(tmp_path):
    """Point-virgule et Windows-1252, comme les CSV venus d'Excel."""
    texte = (ESSGLOBAL / "organisations.csv").read_text(encoding="utf-8")
    lignes = [ligne.replace(",", ";") for ligne in texte.splitlines()]
    lignes[1] = "COOP-01;Coopérative de test des Outaouais;;Workers co-operative;;;;Gatineau;Outaouais;;Canada;;;"
    (tmp_path / "organisations.csv").write_bytes("\n".join(lignes).encode("cp1252"))
    G = reseau.charger(tmp_path)
    assert G.nodes["coop-01"]["nom"] == "Coopérative de test des Outaouais"
    assert G.nodes["coop-01"]["type"] == "cooperative"


def test_colonne_echelle_du_fichier_prioritaire(tmp_path):
    texte = (ESSGLOBAL / "organisations.csv").read_text(encoding="utf-8").splitlines()
    texte = [texte[0] + ",Scale", texte[1] + ",internationale", *(ligne + "," for ligne in texte[2:])]
    (tmp_path / "organisations.csv").write_text("\n".join(texte), encoding="utf-8")
    G = reseau.charger(tmp_path, essglobal_echelle="regionale")
    assert G.nodes["coop-01"]["echelle"] == "internationale"
    assert G.nodes["asso3"]["echelle"] == "regionale"


def test_pays_inconnu_signale_avec_sa_ligne(tmp_path):
    texte = (ESSGLOBAL / "organisations.csv").read_text(encoding="utf-8").replace(",Peru,", ",Perou du Nord,")
    (tmp_path / "organisations.csv").write_text(texte, encoding="utf-8")
    v = reseau.valider(tmp_path)
    assert [(p.ligne, p.colonne) for p in v.problemes] == [(4, "pays")]


def test_jeu_ordinaire_non_pris_pour_essglobal(donnees):
    assert not est_essglobal(["id", "nom", "type", "echelle", "pays"])
    assert not est_essglobal(["Identifier", "Name", "Type", "Scale", "Country"])
    v = reseau.valider(donnees / "minimal", essglobal_echelle="nationale")
    assert "options ESSGlobal ignorées" in _textes(v.avertissements)
    assert len(v.organisations) == 5


def test_csv_ordinaire_passe_seul_lu_comme_liste(donnees):
    """Un CSV ordinaire donné seul est une liste d'organisations (avec le partenariats.csv voisin)."""
    G = reseau.charger(donnees / "minimal" / "organisations.csv")
    assert G.number_of_nodes() == 5
    with pytest.raises(reseau.ParametreInvalide, match="pas un CSV ESSGlobal"):
        lire_essglobal(donnees / "minimal" / "organisations.csv")


def test_cli_valider_et_exporter_essglobal(tmp_path):
    runner = CliRunner()
    resultat = runner.invoke(cli, ["valider", str(ESSGLOBAL), "--essglobal-type", "cooperative"])
    assert resultat.exit_code == 0, resultat.output
    assert "5 organisations, 4 partenariats" in resultat.output
    assert "--essglobal-echelle" in resultat.output and "--essglobal-type" not in resultat.output
    sortie = tmp_path / "essglobal.json"
    resultat = runner.invoke(cli, ["exporter", str(ESSGLOBAL / "organisations.csv"), "-o", str(sortie),
                                   "--essglobal-echelle", "regionale"])
    assert resultat.exit_code == 0, resultat.output
    import json

    noeuds = json.loads(sortie.read_text(encoding="utf-8"))["nodes"]
    assert {n["echelle"] for n in noeuds} == {"regionale"}
    resultat = runner.invoke(cli, ["valider", str(ESSGLOBAL), "--essglobal-type", "banque"])
    assert resultat.exit_code == 2 and "--essglobal-type" in resultat.output
