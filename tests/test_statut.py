"""La colonne ``statut`` : attesté, intention, co-mention ; les co-mentions écartées par défaut."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import reseau
from reseau.cli import cli
from reseau.erreurs import DonneesInvalides, ParametreInvalide


def _jeu(dossier, statuts):
    (dossier / "organisations.csv").write_text(
        "id,nom,type,echelle,pays\na,A,reseau,locale,CA\nb,B,reseau,locale,CA\nc,C,ong,internationale,SN\n",
        encoding="utf-8")
    lignes = ["source,cible,type,statut"] + [f"a,{c},autre,{s}" for c, s in zip("bcbc", statuts)]
    (dossier / "partenariats.csv").write_text("\n".join(lignes) + "\n", encoding="utf-8")
    return dossier


def test_statut_absent_vaut_atteste(tmp_path):
    _jeu(tmp_path, ["", "Attesté", "intention", "co-mention"])
    G = reseau.charger(tmp_path, statut=None)
    assert sorted(d["statut"] for _, _, d in G.edges(data=True)) == ["atteste", "atteste", "co-mention", "intention"]


def test_co_mentions_ecartees_par_defaut(tmp_path):
    _jeu(tmp_path, ["atteste", "intention", "co-mention", "co_mention"])
    assert reseau.charger(tmp_path).number_of_edges() == 2
    assert reseau.charger(tmp_path, statut="atteste").number_of_edges() == 1
    assert reseau.charger(tmp_path, statut=None).number_of_edges() == 4


def test_statut_inconnu_bloque_avec_suggestion(tmp_path):
    _jeu(tmp_path, ["attesté", "intentoin", "", ""])
    with pytest.raises(DonneesInvalides) as exc:
        reseau.charger(tmp_path)
    (probleme,) = exc.value.problemes
    assert probleme.ligne == 3 and probleme.colonne == "statut" and probleme.suggestion == "intention"


def test_filtre_statut_inconnu():
    with pytest.raises(ParametreInvalide, match="statut inconnu"):
        reseau.charger(statut="rumeur")


def test_option_statut_de_la_cli(tmp_path):
    _jeu(tmp_path, ["atteste", "intention", "co-mention", "atteste"])
    sortie = CliRunner().invoke(cli, ["analyser", str(tmp_path), "--format", "json", "--statut", "atteste"])
    assert sortie.exit_code == 0, sortie.output
    assert '"partenariats": 2' in sortie.output


def test_jeu_de_reference_sans_co_mention_par_defaut():
    tout = reseau.charger(statut=None)
    defaut = reseau.charger()
    co = sum(1 for _, _, d in tout.edges(data=True) if d["statut"] == "co-mention")
    assert co > 0 and defaut.number_of_edges() == tout.number_of_edges() - co
