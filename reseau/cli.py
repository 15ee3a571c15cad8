"""La ligne de commande ``reseau`` : une couche mince sur la bibliothèque.

Chaque commande appelle une fonction publique ; les exceptions du domaine
deviennent des messages (code 2) ici et seulement ici.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .chargement import valider as valider_donnees
from .erreurs import ErreurReseau
from .francisation import franciser
from .sortie import FORMATS_TABLE, ecrire_atomique

franciser()

CONTEXTE = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Groupe(click.Group):
    """Groupe qui convertit les erreurs en messages : 2 pour le domaine, 1 sinon."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ErreurReseau as exc:
            click.echo(f"Erreur : {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # sortie fermée par le lecteur (« | head ») : rien à signaler
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except Exception as exc:  # bord de la CLI : rien d'autre ne doit sortir en trace
            if (ctx.obj or {}).get("verbeux"):
                traceback.print_exc()
            click.echo(
                f"Erreur interne inattendue ({type(exc).__name__} : {exc}). "
                "Relancez avec -v pour le détail et signalez-la.",
                err=True,
            )
            ctx.exit(1)


# --- Décorateurs partagés -------------------------------------------------------------

def argument_donnees(commande: Callable) -> Callable:
    """Argument ``DONNEES`` optionnel : dossier ou classeur ; défaut le jeu de référence."""
    return click.argument("donnees", required=False, type=click.Path(path_type=Path))(commande)


def options_filtres(commande: Callable) -> Callable:
    """Filtres communs : ``--annee``, ``--echelle``, ``--pays``."""
    for option in reversed((
        click.option("--annee", type=int, metavar="AAAA", help="Garder les partenariats actifs cette année-là."),
        click.option("--echelle", multiple=True, metavar="ECHELLE",
                     help="Garder les organisations de cette échelle (répétable, ou « a,b »)."),
        click.option("--pays", multiple=True, metavar="PAYS",
                     help="Garder les organisations de ce pays (code ISO ou nom ; répétable)."),
    )):
        commande = option(commande)
    return commande


def options_sortie(commande: Callable) -> Callable:
    """Sortie tabulaire : ``--format table|csv|json`` et ``-o FICHIER``."""
    commande = click.option("-o", "--sortie", type=click.Path(path_type=Path), metavar="FICHIER",
                            help="Écrire dans ce fichier au lieu de la sortie standard.")(commande)
    return click.option("--format", "format_", type=click.Choice(FORMATS_TABLE), default="table",
                        show_default=True, help="Format de sortie.")(commande)


def filtres(annee: int | None, echelle: tuple[str, ...], pays: tuple[str, ...]) -> dict[str, Any]:
    """Les filtres de la CLI au format de :func:`reseau.charger`."""
    return {"annee": annee, "echelle": echelle or None, "pays": pays or None}


def emettre(texte: str, sortie: Path | None) -> None:
    """Écrit le texte dans ``sortie`` (atomiquement) ou sur la sortie standard."""
    if sortie is None:
        click.echo(texte)
    else:
        ecrire_atomique(sortie, texte if texte.endswith("\n") else texte + "\n")
        click.echo(f"Écrit : {sortie}", err=True)


def progression(message: str) -> None:
    """Une ligne de progression sur la sortie d'erreur."""
    click.echo(message, err=True)


# --- Le groupe ------------------------------------------------------------------------

@click.group(cls=_Groupe, context_settings=CONTEXTE, subcommand_metavar="COMMANDE [ARGS]...")
@click.version_option(__version__, "--version", prog_name="reseau", message="%(prog)s %(version)s")
@click.option("-v", "--verbeux", is_flag=True, help="Plus de détails (et la trace d'une erreur interne).")
@click.pass_context
def cli(ctx: click.Context, verbeux: bool) -> None:
    """Analyse et cartographie des réseaux de l'économie sociale et solidaire.

    DONNEES est un dossier (organisations.csv, partenariats.csv) ou un classeur .xlsx ;
    sans lui, les commandes utilisent le jeu de référence (GESQ, RIPESS).
    """
    ctx.ensure_object(dict)
    ctx.obj["verbeux"] = verbeux


def _compte(compteur: Counter) -> str:
    return ", ".join(f"{cle} {n}" for cle, n in sorted(compteur.items(), key=lambda x: (-x[1], x[0])))


@cli.command(context_settings=CONTEXTE)
@argument_donnees
@click.pass_context
def valider(ctx: click.Context, donnees: Path | None) -> None:
    """Vérifie les données : résumé, puis tous les problèmes et avertissements.

    Code de sortie 2 s'il y a au moins un problème bloquant.
    """
    v = valider_donnees(donnees)
    organisations, partenariats = v.organisations, v.partenariats
    click.echo(f"Jeu : {v.source}")
    click.echo(f"  {len(organisations)} organisations, {len(partenariats)} partenariats")
    if organisations:
        click.echo(f"  échelles : {_compte(Counter(o['echelle'] for o in organisations if o['echelle']))}")
        pays = Counter(o["pays"] for o in organisations if o["pays"])
        click.echo(f"  pays ({len(pays)}) : {_compte(pays)}")
    if partenariats:
        click.echo(f"  types de partenariat : {_compte(Counter(p['type'] for p in partenariats if p['type']))}")
    if v.avertissements:
        click.echo(f"\n{len(v.avertissements)} avertissement(s) (non bloquants) :")
        limite = None if ctx.obj.get("verbeux") else 20
        for a in v.avertissements[:limite]:
            click.echo(f"  - {a}")
        if limite and len(v.avertissements) > limite:
            click.echo(f"  … et {len(v.avertissements) - limite} autres (-v pour tout voir)")
    if v.problemes:
        click.echo(f"\n{len(v.problemes)} problème(s) bloquant(s) :", err=True)
        for p in v.problemes:
            click.echo(f"  - {p}", err=True)
        ctx.exit(2)
    click.echo("\nDonnées valides.")


@cli.command(context_settings=CONTEXTE)
@click.option("-n", "--organisations", "n", type=int, default=1000, show_default=True, metavar="N",
              help="Nombre d'organisations (au moins 20).")
@click.option("-m", "--partenariats", "m", type=int, metavar="M", help="Nombre de partenariats  [défaut : 5 × N]")
@click.option("--graine", type=int, default=0, show_default=True, metavar="S",
              help="Graine du tirage : même graine, mêmes fichiers.")
@click.argument("dossier", type=click.Path(path_type=Path))
def generer(n: int, m: int | None, graine: int, dossier: Path) -> None:
    """Écrit dans DOSSIER un réseau synthétique multi-échelle, pour les essais de taille.

    Pays du Nord et du Sud découpés en régions ; surtout des organisations locales, des
    pôles régionaux et nationaux, quelques réseaux internationaux ; des liens surtout
    locaux et verticaux (adhésions), quelques liens Nord-Sud et Sud-Sud. Écrit
    organisations.csv et partenariats.csv ; même graine, mêmes fichiers.
    """
    from .generateur import ecrire_jeu
    from .generateur import generer as generer_reseau

    progression(f"Génération de {n} organisations…")
    organisations, partenariats = generer_reseau(n, m, graine)
    ecrire_jeu(dossier, organisations, partenariats)
    click.echo(f"Écrit : {dossier} ({len(organisations)} organisations, {len(partenariats)} partenariats)")


def main() -> None:
    """Point d'entrée de la commande ``reseau``."""
    cli(prog_name="reseau")
