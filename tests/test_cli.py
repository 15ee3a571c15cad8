"""La CLI : codes de sortie, messages français, aucune trace, documentation."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reseau import __version__
from reseau.cli.commandes import cli

README = Path(__file__).parent.parent / "README.md"


def lancer(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_version():
    resultat = lancer("--version")
    assert resultat.exit_code == 0
    assert __version__ in resultat.output


def test_aide_en_francais():
    resultat = lancer("-h")
    assert resultat.exit_code == 0
    assert "Usage :" in resultat.output and "Commandes" in resultat.output
    assert "Affiche cette aide" in resultat.output


def test_option_inconnue_en_francais():
    resultat = lancer("valider", "--nimporte")
    assert resultat.exit_code == 2
    assert "Option inconnue" in resultat.output


def test_valider_jeu_valide(donnees):
    resultat = lancer("valider", str(donnees / "minimal"))
    assert resultat.exit_code == 0, resultat.output
    assert "5 organisations, 5 partenariats" in resultat.output
    assert "Données valides" in resultat.output
    assert "isolee" in resultat.output  # avertissement : sans partenariat


def test_valider_jeu_invalide_liste_tout_et_sort_en_2(donnees):
    resultat = lancer("valider", str(donnees / "invalide"))
    assert resultat.exit_code == 2
    assert "14 problème(s) bloquant(s)" in resultat.output
    assert "ligne 2, colonne « echelle »" in resultat.output
    assert "Traceback" not in resultat.output


def test_chemin_inexistant_code_2():
    resultat = lancer("valider", "/nulle/part")
    assert resultat.exit_code == 2
    assert "n'existe pas" in resultat.output
    assert "Traceback" not in resultat.output


def test_erreur_interne_code_1(monkeypatch):
    import reseau.cli.commandes

    def panne(_):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(reseau.cli.commandes, "valider_donnees", panne)
    resultat = lancer("valider")
    assert resultat.exit_code == 1
    assert "Erreur interne inattendue" in resultat.output
    assert "Traceback" not in resultat.output


def test_chaque_commande_est_documentee_dans_le_readme():
    texte = README.read_text(encoding="utf-8")
    manquantes = [nom for nom in cli.commands if f"reseau {nom}" not in texte]
    assert manquantes == []


def test_python_m_reseau():
    import subprocess
    import sys

    resultat = subprocess.run([sys.executable, "-m", "reseau", "--version"], capture_output=True, text=True)
    assert resultat.returncode == 0 and __version__ in resultat.stdout


def test_click_n_est_pas_modifie():
    """La traduction passe par l'API publique de click : ses fonctions de traduction restent celles de gettext."""
    import gettext

    import click.core
    import click.exceptions
    import click.types

    for module in (click.core, click.exceptions, click.types):
        assert module._ is gettext.gettext  # type: ignore[attr-defined]


def test_erreurs_d_usage_en_francais():
    sortie = lancer("carte", "--annee", "x").output
    assert "Valeur invalide pour '--annee' : 'x' n'est pas un entier valide." in sortie
    assert "Usage : cli carte" in sortie and "Essayez « cli carte -h »" in sortie
    sortie = lancer("carte", "--langue", "de").output
    assert "n'est pas parmi" in sortie
    assert "Argument manquant : 'A'." in lancer("chemin").output
    assert "Commande inconnue : 'inconnue'." in lancer("inconnue").output
    resultat = lancer("valider", "--nimporte")
    assert resultat.exit_code == 2 and "Traceback" not in resultat.output
