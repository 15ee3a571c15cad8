"""Le générateur de réseaux synthétiques : reproductible, valide, multi-échelle."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest
from click.testing import CliRunner

import reseau
from reseau.cli.commandes import cli
from reseau.entrees.generateur import ANNEE_FIN, ecrire_jeu, generer
from reseau.entrees.schema import COLONNES_ORGANISATIONS, COLONNES_PARTENARIATS, ECHELLES
from reseau.erreurs import ErreurReseau, ParametreInvalide


@pytest.fixture(scope="module")
def grand():
    """10 000 organisations, 50 000 partenariats (sans écriture)."""
    return generer(10_000, graine=7)


def _octets(dossier):
    return {nom: (dossier / nom).read_bytes() for nom in ("organisations.csv", "partenariats.csv")}


def test_meme_graine_memes_fichiers(tmp_path):
    ecrire_jeu(tmp_path / "a", *generer(300, graine=5))
    ecrire_jeu(tmp_path / "b", *generer(300, graine=5))
    ecrire_jeu(tmp_path / "c", *generer(300, graine=6))
    assert _octets(tmp_path / "a") == _octets(tmp_path / "b")
    assert _octets(tmp_path / "a")["partenariats.csv"] != _octets(tmp_path / "c")["partenariats.csv"]


def test_comptes_colonnes_et_reference():
    organisations, partenariats = generer(120, m=400, graine=3)
    assert (len(organisations), len(partenariats)) == (120, 400)
    assert all(tuple(o) == COLONNES_ORGANISATIONS for o in organisations)
    assert all(tuple(p) == COLONNES_PARTENARIATS for p in partenariats)
    assert {p["reference"] for p in partenariats} == {"synthétique (reseau generer, graine 3)"}
    assert len(generer(50)[1]) == 250  # défaut : cinq partenariats par organisation


def test_ni_boucle_ni_doublon_ni_date_incoherente(grand):
    organisations, partenariats = grand
    ids = [o["id"] for o in organisations]
    assert len(set(ids)) == len(ids)
    assert all(p["source"] != p["cible"] for p in partenariats)
    cles = Counter((frozenset((p["source"], p["cible"])), p["type"]) for p in partenariats)
    assert cles.most_common(1)[0][1] == 1
    assert all(p["debut"] <= (p["fin"] or ANNEE_FIN) <= ANNEE_FIN for p in partenariats)
    assert any(p["fin"] is not None for p in partenariats)


def test_reseau_dense_complet():
    organisations, partenariats = generer(20, m=190, graine=1)
    paires = {frozenset((p["source"], p["cible"])) for p in partenariats}
    assert len(paires) == 190  # toutes les paires, sans doublon


def test_le_jeu_ecrit_est_valide_sans_avertissement_de_lieu(tmp_path):
    ecrire_jeu(tmp_path, *generer(1500, graine=2))
    v = reseau.valider(tmp_path)
    assert v.valide, v.problemes[:3]
    assert (len(v.organisations), len(v.partenariats)) == (1500, 7500)
    assert {o["precision"] for o in v.organisations} == {"coordonnees"}
    assert all("sans partenariat" in a.message for a in v.avertissements)  # aucun lieu introuvable


def test_proportions_multi_echelles(grand):
    organisations, partenariats = grand
    echelles = Counter(o["echelle"] for o in organisations)
    assert echelles["locale"] > 0.7 * len(organisations)
    assert echelles["locale"] > echelles["regionale"] > echelles["nationale"] > echelles["internationale"] > 0
    assert len({(o["pays"], o["region"]) for o in organisations}) >= 20
    assert {o["nord_sud"] for o in organisations} == {"nord", "sud"}

    org = {o["id"]: o for o in organisations}
    familles = Counter()
    for p in partenariats:
        a, b = org[p["source"]], org[p["cible"]]
        if a["nord_sud"] != b["nord_sud"]:
            familles["nord_sud"] += 1
        elif a["nord_sud"] == "sud" and a["pays"] != b["pays"]:
            familles["sud_sud"] += 1
        if (a["pays"], a["region"]) == (b["pays"], b["region"]):
            familles["meme_region"] += 1
    assert familles["meme_region"] > 0.5 * len(partenariats)
    assert 0 < familles["nord_sud"] < 0.2 * len(partenariats)
    assert 0 < familles["sud_sud"] < 0.2 * len(partenariats)


def test_adhesions_orientees_vers_une_echelle_superieure(grand):
    organisations, partenariats = grand
    rang = {o["id"]: ECHELLES.index(o["echelle"]) for o in organisations}
    adhesions = [p for p in partenariats if p["type"] == "adhesion"]
    assert len(adhesions) == 10_000 and all(p["oriente"] for p in adhesions)
    assert all(rang[p["source"]] < rang[p["cible"]] or rang[p["source"]] == 3 == rang[p["cible"]] for p in adhesions)


def test_degres_heterogenes(grand):
    organisations, partenariats = grand
    degres = Counter(x for p in partenariats for x in (p["source"], p["cible"]))
    assert max(degres.values()) > 10 * statistics.median(degres.values())
    isolees = len(organisations) - len(degres)
    assert 0 < isolees < 0.05 * len(organisations)


@pytest.mark.parametrize(("n", "m"), [(5, None), (30, 1000), (30, -1)])
def test_parametres_invalides(n, m):
    with pytest.raises(ParametreInvalide):
        generer(n, m)


def test_ecriture_impossible_erreur_du_domaine(tmp_path):
    fichier = tmp_path / "occupe"
    fichier.write_text("x", encoding="utf-8")
    with pytest.raises(ErreurReseau):
        ecrire_jeu(fichier, *generer(20))


def test_cli_generer(tmp_path):
    resultat = CliRunner().invoke(cli, ["generer", "-n", "200", "-m", "600", "--graine", "4", str(tmp_path / "jeu")])
    assert resultat.exit_code == 0, resultat.output
    assert "200 organisations, 600 partenariats" in resultat.output and str(tmp_path / "jeu") in resultat.output
    ecrire_jeu(tmp_path / "direct", *generer(200, 600, graine=4))
    assert _octets(tmp_path / "jeu") == _octets(tmp_path / "direct")


def test_cli_generer_parametre_invalide(tmp_path):
    resultat = CliRunner().invoke(cli, ["generer", "-n", "3", str(tmp_path)])
    assert resultat.exit_code == 2
    assert "au moins 20" in resultat.output and "Traceback" not in resultat.output
    assert not (tmp_path / "organisations.csv").exists()
