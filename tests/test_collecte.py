"""Collecte : le modèle de classeur (``reseau modele``) et la fusion des réponses (``reseau fusionner``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import reseau
from reseau.cli.commandes import cli
from reseau.entrees.fusion import mots
from reseau.entrees.geographie import referentiel
from reseau.erreurs import DonneesInvalides
from reseau.rendu.libelles import LANGUES, VOCABULAIRE
from reseau.rendu.modele import listes, phrase

ORG = ("id", "nom", "sigle", "type", "echelle", "pays", "region", "ville", "latitude", "longitude",
       "nord_sud", "site_web", "description", "reference")
LIEN = ("source", "cible", "type", "debut", "fin", "poids", "oriente", "statut", "description", "reference")


def lancer(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def remplir(modele: Path, sortie: Path, organisations: list[dict], partenariats: list[dict]) -> Path:
    """Remplit le modèle comme le ferait un membre (openpyxl), à la suite des lignes existantes."""
    classeur = load_workbook(modele)
    for nom, colonnes, lignes in (("organisations", ORG, organisations), ("partenariats", LIEN, partenariats)):
        feuille = classeur[nom]
        entetes = [c.value for c in feuille[1]]
        assert entetes == list(colonnes)
        rang = feuille.max_row
        for ligne in lignes:
            rang += 1
            for colonne, valeur in ligne.items():
                feuille.cell(row=rang, column=entetes.index(colonne) + 1, value=valeur)
    classeur.save(sortie)
    return sortie


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("collecte")


@pytest.fixture(scope="module")
def modele_fr(dossier) -> Path:
    return reseau.modele(dossier / "modele.xlsx")


@pytest.fixture(scope="module")
def trois_reponses(dossier, modele_fr) -> list[Path]:
    """Trois membres nomment le Chantier de trois façons ; deux partenariats se recoupent."""
    estrie = remplir(modele_fr, dossier / "membre-estrie.xlsx", [
        {"id": "chantier", "nom": "Chantier de l'économie sociale", "type": "réseau", "echelle": "nationale",
         "pays": "Canada", "ville": "Montréal"},
        {"id": "coop-estrie", "nom": "Coopérative de solidarité de l'Estrie", "sigle": "CSE", "type": "coopérative",
         "echelle": "régionale", "pays": "Canada", "region": "Estrie", "ville": "Sherbrooke"},
    ], [
        {"source": "coop-estrie", "cible": "chantier", "type": "adhésion", "debut": 2015, "oriente": "oui"},
    ])
    outaouais = remplir(modele_fr, dossier / "membre-outaouais.xlsx", [
        {"id": "ces", "nom": "CHANTIER DE L'ECONOMIE SOCIALE", "type": "réseau", "echelle": "régionale",
         "pays": "Canada", "site_web": "https://chantier.qc.ca"},
        {"id": "cdc-gatineau", "nom": "@CDC de Gatineau", "type": "ONG", "echelle": "locale",
         "pays": "Canada", "ville": "Gatineau"},
    ], [
        {"source": "cdc-gatineau", "cible": "ces", "type": "coopération", "debut": 2019},
    ])
    montreal = remplir(modele_fr, dossier / "membre-montreal.xlsx", [
        {"id": "chantier-qc", "nom": "Chantier de l’Économie sociale du Québec", "type": "réseau",
         "echelle": "nationale", "pays": "Canada", "region": "Québec"},
        {"id": "chantier-fr", "nom": "Chantier de l'économie sociale et solidaire", "type": "réseau",
         "echelle": "nationale", "pays": "France"},
        {"id": "coop-estrie", "nom": "COOPÉRATIVE DE SOLIDARITÉ DE L'ESTRIE", "type": "coopérative",
         "echelle": "régionale", "pays": "Canada", "description": "Épicerie coopérative"},
    ], [
        {"source": "coop-estrie", "cible": "chantier-qc", "type": "adhésion", "debut": 2015, "oriente": "oui"},
        {"source": "chantier-qc", "cible": "chantier-fr", "type": "jumelage", "debut": 2008},
    ])
    return [estrie, outaouais, montreal]


# --- Le modèle --------------------------------------------------------------------------

def test_modele_feuilles_aides_et_premiere_ligne_figee(modele_fr):
    classeur = load_workbook(modele_fr)
    assert classeur.sheetnames == ["Lisez-moi", "organisations", "partenariats", "listes"]
    assert classeur["listes"].sheet_state == "hidden"
    org = classeur["organisations"]
    assert [c.value for c in org[1]] == list(ORG)
    assert org.freeze_panes == "A2" and classeur["partenariats"].freeze_panes == "A2"
    assert "Obligatoire" in org["E1"].comment.text and org["E1"].font.b  # echelle : obligatoire, en gras
    assert not org["C1"].font.b  # sigle : facultatif
    assert org.column_dimensions["B"].width >= 30
    lisez_moi = "\n".join(str(c.value) for ligne in classeur["Lisez-moi"].iter_rows() for c in ligne if c.value)
    assert "Exemple" in lisez_moi and "coop-estrie" in lisez_moi and "obligatoires" in lisez_moi


def _validations(feuille) -> dict[str, str]:
    """{lettre de colonne: formule de la liste déroulante}."""
    return {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
            for dv in feuille.data_validations.dataValidation if dv.type == "list"}


def _plage(classeur, formule: str) -> list[str]:
    feuille, plage = formule.split("!")
    return [c.value for ligne in classeur[feuille][plage.replace("$", "")] for c in ligne]


@pytest.mark.parametrize("langue", ["fr", "en", "es"])
def test_listes_deroulantes_reconnues_par_le_chargeur(tmp_path, langue):
    chemin = reseau.modele(tmp_path / "m.xlsx", langue=langue)
    classeur = load_workbook(chemin)
    org, part = classeur["organisations"], classeur["partenariats"]
    listes_org = _validations(org)
    # type (D), echelle (E), pays (F), nord_sud (K)
    assert set(listes_org) == {"D", "E", "F", "K"}
    assert set(_validations(part)) == {"A", "B", "C", "G", "H"}  # source, cible, type, oriente, statut
    assert _validations(part)["A"].startswith("organisations!$A$2")
    echelles = _plage(classeur, listes_org["E"])
    assert len(echelles) == 4
    pays = _plage(classeur, listes_org["F"])
    assert len(pays) > 200
    ref = referentiel()
    assert all(ref.code_pays(p) for p in pays)
    assert ref.code_pays({"fr": "Sénégal", "en": "Senegal", "es": "Senegal"}[langue]) == "SN"
    # Un modèle rempli avec les valeurs des listes passe valider.
    valeurs = listes(langue)
    organisations = [
        {"id": f"o{i}", "nom": f"Organisation {i}", "type": t, "echelle": valeurs["echelle"][i % 4],
         "pays": valeurs["pays"][i * 7 % len(valeurs["pays"])], "nord_sud": valeurs["nord_sud"][i % 2]}
        for i, t in enumerate(_plage(classeur, listes_org["D"]))
    ]
    liens = [{"source": "o0", "cible": f"o{i + 1}", "type": t, "oriente": valeurs["oriente"][i % 2], "debut": 2000 + i}
             for i, t in enumerate(_plage(classeur, _validations(part)["C"]))]
    rempli = remplir(chemin, tmp_path / "rempli.xlsx", organisations, liens)
    v = reseau.valider(rempli)
    assert v.valide, v.problemes
    assert [o["type"] for o in v.organisations] == list(reseau.entrees.schema.TYPES_ORGANISATION)
    assert len(v.partenariats) == 8 and v.partenariats[0]["oriente"] is True


def test_modele_depuis_prerempli_se_relit_a_l_identique(tmp_path):
    chemin = reseau.modele(tmp_path / "m.xlsx", langue="en", depuis="donnees")
    attendu = reseau.valider("donnees").organisations
    relu = reseau.valider(chemin)
    assert relu.valide and relu.organisations == attendu
    feuille = load_workbook(chemin)["organisations"]
    assert feuille["F2"].value == "Canada" and feuille["D2"].value == "network"


def test_modele_cellules_neutralisees(tmp_path):
    dossier = tmp_path / "jeu"
    dossier.mkdir()
    (dossier / "organisations.csv").write_text(
        "id,nom,type,echelle,pays,description\na,=cmd|' /C calc'!A0,reseau,locale,SN,@SUM(1)\n", encoding="utf-8")
    (dossier / "partenariats.csv").write_text("source,cible,type\n", encoding="utf-8")
    feuille = load_workbook(reseau.modele(tmp_path / "m.xlsx", depuis=dossier))["organisations"]
    assert feuille["B2"].value == "'=cmd|' /C calc'!A0" and feuille["B2"].data_type == "s"
    assert feuille["M2"].value == "'@SUM(1)"


def test_modele_depuis_invalide_code_2_rien_ecrit(tmp_path, donnees):
    resultat = lancer("modele", "-o", tmp_path / "m.xlsx", "--depuis", donnees / "invalide")
    assert resultat.exit_code == 2 and "problème" in resultat.output
    assert not (tmp_path / "m.xlsx").exists()


# --- La fusion --------------------------------------------------------------------------

def test_mots_sans_accents_ni_casse():
    assert mots("CHANTIER DE L'ECONOMIE SOCIALE") == mots("Chantier de l’Économie sociale")


def test_trois_reponses_une_seule_organisation_et_les_doutes(trois_reponses):
    fusion = reseau.fusionner(trois_reponses)
    chantiers = [o for o in fusion.organisations if o["pays"] == "CA" and "chantier" in o["nom"].lower()]
    assert [o["id"] for o in chantiers] == ["chantier"]
    assert {o["id"] for o in fusion.organisations} == {"chantier", "coop-estrie", "cdc-gatineau", "chantier-fr"}
    doutes = {(d["id_reponse"], d["motif"], d["decision"]) for d in fusion.lignes("doute")}
    assert doutes == {("chantier-qc", "nom_inclus", "fusionnees"), ("chantier-fr", "nom_proche", "separees")}
    fusions = {(f["id_reponse"], f["motif"]) for f in fusion.lignes("fusion")}
    assert fusions == {("ces", "nom"), ("coop-estrie", "id")}
    # Conflit : l'échelle de la première réponse est gardée, l'autre listée avec sa source.
    conflit = next(c for c in fusion.lignes("conflit") if c["colonne"] == "echelle")
    assert (conflit["valeur_gardee"], conflit["origine"], conflit["valeur_proposee"], conflit["reponse"]) == (
        "nationale", "membre-estrie.xlsx", "regionale", "membre-outaouais.xlsx")
    chantier = chantiers[0]
    assert chantier["echelle"] == "nationale" and chantier["site_web"] == "https://chantier.qc.ca"
    assert chantier["reference"] == ("réponse : membre-estrie.xlsx ; réponse : membre-outaouais.xlsx ; "
                                     "réponse : membre-montreal.xlsx")
    # Partenariats : l'adhésion donnée deux fois n'en fait qu'une, reliée au Chantier fusionné.
    adhesions = [p for p in fusion.partenariats if p["type"] == "adhesion"]
    assert len(adhesions) == 1 and adhesions[0]["cible"] == "chantier"
    assert len(fusion.partenariats) == 3 and len(fusion.lignes("doublon")) == 1
    assert {p["statut"] for p in fusion.partenariats} == {"atteste"}


def test_fusion_avec_base_garde_la_valeur_de_la_base(tmp_path, modele_fr):
    reponse = remplir(modele_fr, tmp_path / "membre.xlsx", [
        {"id": "x1", "nom": "Groupe d'économie solidaire du Québec", "sigle": "GESQ", "type": "réseau",
         "echelle": "régionale", "pays": "Canada"},
        {"id": "nouvelle", "nom": "Nouvelle coopérative", "type": "coopérative", "echelle": "locale", "pays": "Sénégal"},
    ], [{"source": "nouvelle", "cible": "x1", "type": "adhésion"}])
    fusion = reseau.fusionner([reponse], base="donnees")
    base = reseau.valider("donnees")
    assert len(fusion.organisations) == len(base.organisations) + 1
    gesq = next(o for o in fusion.organisations if o["id"] == "gesq")
    assert gesq["echelle"] == "nationale"  # la base l'emporte
    assert "réponse" not in gesq["reference"]  # la réponse n'a rien apporté à cette fiche
    assert {(f["id_reponse"], f["motif"]) for f in fusion.lignes("fusion")} == {("x1", "sigle")}
    conflit = fusion.lignes("conflit")[0]
    assert (conflit["colonne"], conflit["origine"]) == ("echelle", "donnees")
    assert len(fusion.partenariats) == len(base.partenariats) + 1


def test_meme_id_noms_differents_jamais_fusionnes_en_silence(tmp_path, modele_fr):
    a = remplir(modele_fr, tmp_path / "a.xlsx", [
        {"id": "coop", "nom": "Coopérative funéraire de l'Outaouais", "type": "coopérative", "echelle": "locale",
         "pays": "Canada"}], [])
    b = remplir(modele_fr, tmp_path / "b.xlsx", [
        {"id": "coop", "nom": "Caisse populaire de Dakar", "type": "financement", "echelle": "locale",
         "pays": "Sénégal"}], [])
    fusion = reseau.fusionner([a, b])
    assert [o["id"] for o in fusion.organisations] == ["coop", "coop-2"]
    (doute,) = fusion.lignes("doute")
    assert (doute["motif"], doute["decision"], doute["id_attribue"]) == ("id_noms_differents", "separees", "coop-2")
    assert "« coop-2 »" in phrase(doute) and "coop-2" in phrase(doute, "es")


def test_decisions_de_la_coordinatrice(tmp_path, trois_reponses):
    sortie = tmp_path / "fusion"
    assert lancer("fusionner", *trois_reponses, "-o", sortie).exit_code == 0
    rapport = sortie / "rapport-fusion.csv"
    lignes = list(csv.DictReader(rapport.open(encoding="utf-8")))
    for ligne in lignes:
        if ligne["action"] == "doute":
            ligne["decision"] = "separer" if ligne["motif"] == "nom_inclus" else "fusionner"
    with rapport.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.DictWriter(f, fieldnames=list(lignes[0]))
        ecrivain.writeheader()
        ecrivain.writerows(lignes)
    fusion = reseau.fusionner(trois_reponses, decisions=rapport)
    ids = {o["id"] for o in fusion.organisations}
    assert ids == {"chantier", "coop-estrie", "cdc-gatineau", "chantier-qc"}
    assert not fusion.lignes("doute")
    assert ("chantier-fr", "decision") in {(f["id_reponse"], f["motif"]) for f in fusion.lignes("fusion")}
    assert ("chantier-qc", "decision") in {(a["id_reponse"], a["motif"]) for a in fusion.lignes("ajout")}


def test_cli_fusionner_valide_et_carte(tmp_path, trois_reponses):
    sortie = tmp_path / "fusion.xlsx"
    resultat = lancer("fusionner", *trois_reponses, "-o", sortie)
    assert resultat.exit_code == 0, resultat.output
    assert "À trancher : 2 doublon(s) douteux" in resultat.output
    assert "Conflits de valeurs" in resultat.output and "membre-outaouais.xlsx" in resultat.output
    rapport = tmp_path / "fusion-rapport.csv"
    actions = [ligne["action"] for ligne in csv.DictReader(rapport.open(encoding="utf-8"))]
    assert {"ajout", "fusion", "doute", "conflit", "doublon"} <= set(actions)
    valide = lancer("valider", sortie)
    assert valide.exit_code == 0, valide.output
    feuille = load_workbook(sortie)["organisations"]
    noms = [c.value for c in feuille["B"]]
    assert "'@CDC de Gatineau" in noms  # neutralisée
    carte = lancer("carte", sortie, "-o", tmp_path / "carte.html")
    assert carte.exit_code == 0, carte.output
    assert "Chantier de l&#x27;économie sociale" in (tmp_path / "carte.html").read_text(encoding="utf-8") or \
        "Chantier de l'économie sociale" in (tmp_path / "carte.html").read_text(encoding="utf-8")


def test_cli_fusionner_vers_un_dossier_relisible(tmp_path, trois_reponses):
    sortie = tmp_path / "jeu"
    assert lancer("fusionner", *trois_reponses, "-o", sortie).exit_code == 0
    assert sorted(p.name for p in sortie.iterdir()) == ["organisations.csv", "partenariats.csv", "rapport-fusion.csv"]
    v = reseau.valider(sortie)
    assert v.valide and len(v.organisations) == 4


def test_entree_invalide_tous_les_problemes_code_2_rien_ecrit(tmp_path, trois_reponses, donnees):
    sortie = tmp_path / "fusion"
    resultat = lancer("fusionner", trois_reponses[0], donnees / "invalide", "-o", sortie)
    assert resultat.exit_code == 2
    assert resultat.output.count("  - ") == reseau.valider(donnees / "invalide").problemes.__len__()
    assert "Traceback" not in resultat.output
    assert not sortie.exists()
    with pytest.raises(DonneesInvalides):
        reseau.fusionner([donnees / "invalide"])


def test_textes_dans_les_trois_langues():
    cles = [c for c in VOCABULAIRE if c.startswith(("modele_", "fusion_"))]
    assert len(cles) > 60
    manquants = [(c, lg) for c in cles for lg in LANGUES if lg not in VOCABULAIRE[c]]
    assert manquants == []


def test_rapidfuzz_importe_seulement_par_la_fusion():
    import subprocess
    import sys

    code = "import sys, reseau, reseau.cli; print('rapidfuzz' in sys.modules)"
    sortie = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert sortie.strip() == "False"


def test_beaucoup_de_reponses_lues_en_parallele_meme_resultat(tmp_path, trois_reponses, monkeypatch):
    import concurrent.futures
    import multiprocessing
    import shutil

    import reseau.entrees.fusion as module

    copies = []
    for i in range(9):
        copie = tmp_path / f"copie-{i}" / trois_reponses[i % 3].name
        copie.parent.mkdir()
        shutil.copy(trois_reponses[i % 3], copie)
        copies.append(copie)
    pools = []

    class Pool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    assert module._volume(copies) < module.VOLUME_PARALLELE  # petites entrées : pas de processus dupliqués
    reseau.fusionner(copies)
    assert pools == []
    if "fork" in multiprocessing.get_all_start_methods():
        monkeypatch.setattr(module, "VOLUME_PARALLELE", 0)
        monkeypatch.setattr(module.os, "cpu_count", lambda: 2, raising=False)
        monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    parallele = reseau.fusionner(copies)
    assert len(pools) == ("fork" in multiprocessing.get_all_start_methods())
    monkeypatch.setattr(module.os, "cpu_count", lambda: 1, raising=False)
    sequentielle = reseau.fusionner(copies)
    assert parallele.organisations == sequentielle.organisations and parallele.rapport == sequentielle.rapport
    assert len(parallele.organisations) == 4
    assert parallele.organisations[0]["reference"].count("réponse : copie-") == 9  # chemins : noms partagés


def test_reponse_introuvable_code_2(tmp_path, trois_reponses):
    resultat = lancer("fusionner", trois_reponses[0], tmp_path / "absente.xlsx", "-o", tmp_path / "f")
    assert resultat.exit_code == 2 and "n'existe pas" in resultat.output
    assert not (tmp_path / "f").exists()


def test_modele_prerempli_renvoye_tel_quel_ne_change_rien(tmp_path):
    """Un membre qui renvoie le modèle pré-rempli sans rien changer : ni conflit, ni ajout, ni doute."""
    reponse = reseau.modele(tmp_path / "reponse.xlsx", langue="es", depuis="donnees")
    fusion = reseau.fusionner([reponse], base="donnees")
    assert {ligne["action"] for ligne in fusion.rapport} == {"fusion"}
    reseau.ecrire_fusion(fusion, tmp_path / "jeu")
    base, relu = reseau.valider("donnees"), reseau.valider(tmp_path / "jeu")
    assert relu.organisations == base.organisations
    cles = ("source", "cible", "type", "debut", "fin", "poids", "oriente", "statut", "description")
    assert sorted(tuple(str(p[c]) for c in cles) for p in relu.partenariats) == \
        sorted(tuple(str(p[c]) for c in cles) for p in base.partenariats)
