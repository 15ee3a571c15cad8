"""Commandes de collecte : ``reseau modele`` (le classeur à envoyer) et ``reseau fusionner``."""

from __future__ import annotations

from pathlib import Path

import click

from ..rendu.libelles import LANGUES
from .commandes import CONTEXTE, cli, progression


@cli.command(context_settings=CONTEXTE)
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path), default=Path("modele.xlsx"),
              show_default=True, metavar="FICHIER", help="Classeur écrit (.xlsx).")
@click.option("--langue", type=click.Choice(LANGUES), default="fr", show_default=True,
              help="Langue des aides, des listes et des noms de pays.")
@click.option("--depuis", type=click.Path(path_type=Path), metavar="DONNEES",
              help="Pré-remplir les organisations de ce jeu (dossier ou classeur).")
def modele(sortie: Path, langue: str, depuis: Path | None) -> None:
    """Classeur à envoyer aux membres : « Lisez-moi », organisations, partenariats.

    Listes déroulantes (type, échelle, pays, Nord/Sud, type de partenariat, id des
    organisations pour source et cible), bulles d'aide sur les en-têtes, première ligne
    figée. Rempli, il se relit tel quel par « reseau valider » et « reseau fusionner ».
    """
    from ..rendu.modele import modele as ecrire_modele

    ecrit = ecrire_modele(sortie, langue=langue, depuis=depuis)
    click.echo(f"Écrit : {ecrit}")


@cli.command(context_settings=CONTEXTE)
@click.argument("reponses", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--sortie", type=click.Path(path_type=Path), required=True, metavar="DOSSIER_OU_CLASSEUR",
              help="Jeu fusionné : un dossier (deux CSV) ou un classeur .xlsx.")
@click.option("--base", type=click.Path(path_type=Path), metavar="DONNEES",
              help="Jeu déjà connu : ses valeurs sont gardées en cas de conflit.")
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), metavar="RAPPORT",
              help="Rapport de fusion où la colonne « decision » des doutes dit fusionner ou separer.")
@click.option("--langue", type=click.Choice(LANGUES), default="fr", show_default=True, help="Langue du rapport.")
def fusionner(reponses: tuple[Path, ...], sortie: Path, base: Path | None, decisions: Path | None, langue: str) -> None:
    """Réunit les RÉPONSES des membres (classeurs ou dossiers) en un seul jeu.

    Doublons reconnus par id, sigle et nom proche ; les cas douteux et les conflits de
    valeurs sont listés (à trancher), la valeur de la base ou de la première réponse est
    gardée ; chaque ligne garde sa provenance (colonne reference). Le rapport est aussi
    écrit en CSV. Une entrée invalide : tous ses problèmes, code 2, rien d'écrit.
    """
    from ..entrees.fusion import fusionner as fusionner_reponses
    from ..rendu.modele import ecrire_fusion, texte_fusion

    progression(f"Lecture de {len(reponses)} réponse(s)…")
    fusion = fusionner_reponses(reponses, base=base, decisions=decisions)
    jeu, rapport = ecrire_fusion(fusion, sortie, langue=langue)
    click.echo(texte_fusion(fusion, langue))
    click.echo(f"\nÉcrit : {jeu} ; rapport : {rapport}")
