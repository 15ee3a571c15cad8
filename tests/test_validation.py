"""Validation exhaustive : chaque problème, avec fichier, ligne, colonne et suggestion."""

from __future__ import annotations

import pytest

import reseau


@pytest.fixture
def problemes(donnees):
    v = reseau.valider(donnees / "invalide")
    return {(p.fichier.rsplit("/", 1)[-1], p.ligne, p.colonne): p for p in v.problemes}


@pytest.mark.parametrize(
    ("fichier", "ligne", "colonne", "extrait", "suggestion"),
    [
        ("organisations.csv", 2, "echelle", "nationnale", "nationale"),
        ("organisations.csv", 3, "type", "cooperativ", "cooperative"),
        ("organisations.csv", 4, "id", "en double (déjà ligne 2)", None),
        ("organisations.csv", 5, "pays", "Canadaa", "Canada"),
        ("organisations.csv", 6, "latitude", "95", None),
        ("organisations.csv", 7, "longitude", "-200", None),
        ("organisations.csv", 7, "nom", "obligatoire", None),
        ("partenariats.csv", 2, "debut", "postérieur", None),
        ("partenariats.csv", 3, "cible", "zz", None),
        ("partenariats.csv", 4, "cible", "elle-même", None),
        ("partenariats.csv", 5, "type", "jumlage", "jumelage"),
        ("partenariats.csv", 5, "poids", "strictement positif", None),
        ("partenariats.csv", 6, "debut", "deux mille", None),
        ("partenariats.csv", 6, "oriente", "vrai ou faux", None),
    ],
)
def test_chaque_probleme_est_signale(problemes, fichier, ligne, colonne, extrait, suggestion):
    probleme = problemes[(fichier, ligne, colonne)]
    assert extrait in str(probleme)
    assert probleme.suggestion == suggestion


def test_tous_les_problemes_d_un_coup(donnees):
    v = reseau.valider(donnees / "invalide")
    assert len(v.problemes) == 14
    with pytest.raises(reseau.DonneesInvalides) as exc:
        reseau.charger(donnees / "invalide")
    assert len(exc.value.problemes) == 14
    assert isinstance(exc.value, ValueError)


def test_message_avec_suggestion(donnees):
    v = reseau.valider(donnees / "invalide")
    textes = [str(p) for p in v.problemes]
    assert any(
        "ligne 2, colonne « echelle » : échelle « nationnale » inconnue" in t
        and "vouliez-vous dire « nationale » ?" in t
        for t in textes
    )


def _jeu(tmp_path, organisations: str, partenariats: str = "source,cible,type\n"):
    (tmp_path / "organisations.csv").write_text(organisations, encoding="utf-8")
    (tmp_path / "partenariats.csv").write_text(partenariats, encoding="utf-8")
    return reseau.valider(tmp_path)


def test_colonne_obligatoire_absente(tmp_path):
    v = _jeu(tmp_path, "id,nom,type,echele,pays\na,A,ong,locale,CA\n")
    [probleme] = v.problemes
    assert (probleme.ligne, probleme.colonne, probleme.suggestion) == (1, "echelle", "echele")


def test_fichier_vide(tmp_path):
    v = _jeu(tmp_path, "")
    assert any("fichier vide" in p.message for p in v.problemes)


def test_fichier_binaire(tmp_path):
    (tmp_path / "organisations.csv").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "partenariats.csv").write_text("source,cible,type\n", encoding="utf-8")
    v = reseau.valider(tmp_path)
    assert any("pas du texte" in p.message for p in v.problemes)


def test_latitude_sans_longitude(tmp_path):
    v = _jeu(tmp_path, "id,nom,type,echelle,pays,latitude,longitude\na,A,ong,locale,CA,45,\n")
    [probleme] = v.problemes
    assert probleme.colonne == "longitude"


def test_avertissements_non_bloquants(tmp_path):
    v = _jeu(tmp_path, "id,nom,type,echelle,pays,ville\na,A,ong,locale,CA,Nulleville\n")
    assert v.valide
    messages = [a.message for a in v.avertissements]
    assert any("sans partenariat" in m for m in messages)
    assert any("Nulleville" in m and "déduite du pays" in m for m in messages)
