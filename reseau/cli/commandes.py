"""La ligne de commande ``reseau`` : une couche mince sur la bibliothèque.

Chaque commande appelle une fonction publique ; les exceptions du domaine
deviennent des messages (code 2) ici et seulement ici.
"""

from __future__ import annotations

import functools
import gc
import os
import re
import sys
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import networkx as nx

import reseau.reglages as reglages

from .._fichiers import Interruption, ecrire_atomique, message_ecriture
from .._version import __version__
from ..analyse.agregation import AGREGATS
from ..analyse.courtage import GROUPES as GROUPES_COURTAGE
from ..entrees.chargement import charger
from ..entrees.chargement import valider as valider_donnees
from ..entrees.schema import STATUTS_PAR_DEFAUT
from ..entrees.validation import ANNEE_MAX, ANNEE_MIN
from ..erreurs import DonneesInvalides, ErreurReseau
from ..rendu.carte import COULEURS as COULEURS_CARTE
from ..rendu.disposition import DISPOSITIONS
from ..rendu.exports import FORMATS_EXPORT
from ..rendu.figures import FORMATS_FIGURE
from ..rendu.libelles import LANGUES
from ..rendu.tables import FORMATS_TABLE
from ._francais import GroupeFrancais

CONTEXTE = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# Caractères de contrôle (hors tabulation et fin de ligne) : jamais envoyés tels quels au terminal.
_CONTROLES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def sur(texte: object) -> str:
    r"""Le texte, caractères de contrôle rendus visibles (``\x1b``) : rien n'agit sur le terminal.

    >>> print(sur("a\x1b[31mb"))
    a\x1b[31mb
    """
    return _CONTROLES.sub(lambda m: f"\\x{ord(m.group()):02x}", str(texte))


def erreur(message: object) -> None:
    """« Erreur : … » sur la sortie d'erreur, sans caractère de contrôle."""
    click.echo(f"Erreur : {sur(message)}", err=True)
LIMITE_PROBLEMES = 50


def lignes_problemes(problemes: list, tout: bool = False) -> list[str]:
    """Les problèmes à afficher : tous, ou les 50 premiers puis un résumé par colonne des autres."""
    montres = problemes if tout else problemes[:LIMITE_PROBLEMES]
    lignes = [f"  - {p}" for p in montres]
    reste = problemes[len(montres):]
    if reste:
        par_colonne = Counter(p.colonne or "(fichier)" for p in reste)
        resume = ", ".join(f"« {c} » ({n})" for c, n in par_colonne.most_common())
        lignes.append(f"  … et {len(reste)} autres, par colonne : {resume} (-v pour tout voir)")
    return lignes


class _Groupe(GroupeFrancais):
    """Groupe qui convertit les erreurs en messages : 2 pour le domaine et l'environnement
    (écriture impossible, classeur illisible), 130 pour Ctrl+C, 128 + n pour un signal n,
    1 seulement pour une erreur interne."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # « reseau valider X -v » : -v accepté aussi après la commande.
        fin = args.index("--") if "--" in args else len(args)
        if any(a in ("-v", "--verbeux") for a in args[:fin]):
            args = ["-v", *[a for a in args[:fin] if a not in ("-v", "--verbeux")], *args[fin:]]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DonneesInvalides as exc:
            n = len(exc.problemes)
            click.echo(f"Erreur : {n} problème{'s' if n > 1 else ''} dans les données « {exc.source} » :", err=True)
            for ligne in lignes_problemes(exc.problemes, bool((ctx.obj or {}).get("verbeux"))):
                click.echo(ligne, err=True)
            ctx.exit(2)
        except ErreurReseau as exc:
            erreur(exc)
            ctx.exit(2)

        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrompu (Ctrl+C) : aucun fichier n'a été modifié à moitié.", err=True)
            ctx.exit(130)
        except Interruption as exc:
            click.echo(f"Interrompu ({exc}) : aucun fichier n'a été modifié à moitié.", err=True)
            ctx.exit(128 + exc.signum)
        except BrokenPipeError:
            # sortie fermée par le lecteur (« | head ») : rien à signaler
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except MemoryError:
            erreur("mémoire insuffisante — réduisez les données (filtres --pays, --echelle, --annee) "
                   "ou utilisez --agreger pour la carte")
            ctx.exit(2)
        except OSError as exc:  # environnement (disque plein, droits, dossier) : pas une erreur interne
            erreur(message_ecriture(exc))
            ctx.exit(2)
        except Exception as exc:  # bord de la CLI : rien d'autre ne doit sortir en trace
            if (ctx.obj or {}).get("verbeux"):
                traceback.print_exc()
            click.echo(sur(
                f"Erreur interne inattendue ({type(exc).__name__} : {exc}). "
                "Relancez avec -v pour le détail et signalez-la."
            ), err=True)
            ctx.exit(1)


# --- Décorateurs partagés -------------------------------------------------------------

def argument_donnees(commande: Callable) -> Callable:
    """Argument ``DONNEES`` optionnel : dossier, classeur ou fichier d'un format lu ; défaut le jeu de référence."""
    return click.argument("donnees", required=False, type=click.Path(path_type=Path))(commande)


def options_filtres(commande: Callable) -> Callable:
    """Filtres communs : ``--annee``, ``--echelle``, ``--pays``, ``--statut``."""
    for option in reversed((
        click.option("--annee", type=click.IntRange(ANNEE_MIN, ANNEE_MAX), metavar="AAAA",
                     help=f"Garder les partenariats actifs cette année-là ({ANNEE_MIN} à {ANNEE_MAX})."),
        click.option("--echelle", multiple=True, metavar="ECHELLE",
                     help="Garder les organisations de cette échelle (répétable, ou « a,b »)."),
        click.option("--pays", multiple=True, metavar="PAYS",
                     help="Garder les organisations de ce pays (code ISO ou nom ; répétable)."),
        click.option("--statut", multiple=True, metavar="STATUT",
                     help="Garder les partenariats de ce statut : atteste, intention, co-mention (répétable, ou « a,b ») ; "
                          "défaut : atteste et intention."),
    )):
        commande = option(commande)
    return commande


def options_sortie(commande: Callable) -> Callable:
    """Sortie tabulaire : ``--format table|csv|json`` et ``-o FICHIER``."""
    commande = click.option("-o", "--sortie", type=click.Path(path_type=Path), metavar="FICHIER",
                            help="Écrire dans ce fichier au lieu de la sortie standard.")(commande)
    return click.option("--format", "format_", type=click.Choice(FORMATS_TABLE), default="table",
                        show_default=True, help="Format de sortie.")(commande)


def _paires(option: str, textes: tuple[str, ...], forme: str) -> list[tuple[str, str]]:
    """``A=B`` → (A, B), avec une erreur d'usage claire sinon."""
    paires = []
    for texte in textes:
        gauche, egal, droite = texte.partition("=")
        if not egal or not gauche.strip():
            raise click.BadParameter(f"« {texte} » : attendu {forme}", param_hint=option)
        paires.append((gauche.strip(), droite.strip()))
    return paires


def options_lues(colonne: tuple[str, ...], defaut: tuple[str, ...], valeur: tuple[str, ...]) -> dict[str, Any]:
    """Les options ``--colonne``, ``--defaut``, ``--valeur`` en arguments de :func:`reseau.charger`."""
    valeurs: dict[str, dict[str, str]] = {}
    for gauche, cible in _paires("--valeur", valeur, "COLONNE:VALEUR=CIBLE (ex. type:Person=autre)"):
        nom, deux_points, source = gauche.partition(":")
        if not deux_points:
            raise click.BadParameter(f"« {gauche}={cible} » : attendu COLONNE:VALEUR=CIBLE (ex. type:Person=autre)",
                                     param_hint="--valeur")
        valeurs.setdefault(nom.strip(), {})[source.strip()] = cible
    return {
        "colonnes": dict(_paires("--colonne", colonne, "CIBLE=SOURCE (ex. nom=NomEntreprise)")),
        "defauts": dict(_paires("--defaut", defaut, "COLONNE=VALEUR (ex. pays=CA)")),
        "valeurs": valeurs,
    }


def options_essglobal(commande: Callable) -> Callable:
    """Options de lecture : ``--colonne``, ``--defaut``, ``--valeur``, ``--adhesions`` et les anciens
    ``--essglobal-echelle``, ``--essglobal-type`` (alias de ``--defaut echelle=…``, ``--defaut type=…``)."""
    for option in reversed((
        click.option("--colonne", multiple=True, metavar="CIBLE=SOURCE",
                     help="La colonne SOURCE du fichier est la colonne CIBLE (ex. nom=NomEntreprise ; répétable)."),
        click.option("--defaut", multiple=True, metavar="COLONNE=VALEUR",
                     help="Valeur d'une colonne absente ou vide (ex. pays=CA, echelle=locale ; répétable)."),
        click.option("--valeur", multiple=True, metavar="COLONNE:SOURCE=CIBLE",
                     help="Traduire une valeur du fichier (ex. type:Person=autre ; répétable)."),
        click.option("--adhesions", metavar="COLONNE",
                     help="Colonne qui liste les réseaux de chaque organisation (« ; » ou « , ») : "
                          "des partenariats adhesion."),
        click.option("--essglobal-echelle", metavar="ECHELLE",
                     help="Ancien nom de --defaut echelle=ECHELLE  [ESSGlobal : locale, avec avertissement]"),
        click.option("--essglobal-type", metavar="TYPE",
                     help="Ancien nom de --defaut type=TYPE  [ESSGlobal : d'après « Organisational Structure »]"),
    )):
        commande = option(commande)
    return commande


def graphe_charge(commande: Callable) -> Callable:
    """``DONNEES``, filtres et options de lecture ; la commande reçoit le graphe chargé ``G``."""

    @functools.wraps(commande)
    def enveloppe(
        *args: Any, donnees: Path | None, annee: int | None, echelle: tuple[str, ...], pays: tuple[str, ...],
        statut: tuple[str, ...], colonne: tuple[str, ...], defaut: tuple[str, ...], valeur: tuple[str, ...],
        adhesions: str | None, essglobal_echelle: str | None, essglobal_type: str | None, **kwargs: Any,
    ) -> Any:
        G = charger(donnees, annee=annee, echelle=echelle or None, pays=pays or None,
                    statut=statut or STATUTS_PAR_DEFAUT, **options_lues(colonne, defaut, valeur), adhesions=adhesions,
                    essglobal_echelle=essglobal_echelle, essglobal_type=essglobal_type)
        return commande(*args, G=G, **kwargs)

    return argument_donnees(options_filtres(options_essglobal(enveloppe)))


def option_langue(aide: str) -> Callable:
    """``--langue fr|en|es|pt``."""
    return click.option("--langue", type=click.Choice(LANGUES), default="fr", show_default=True, help=aide)


def option_exact(commande: Callable) -> Callable:
    """``--exact/--estime`` : centralités exactes ou estimées par pivots."""
    return click.option("--exact/--estime", default=None,
                        help="Intermédiarité et proximité exactes, ou estimées par pivots  "
                             "[défaut : exactes jusqu'à 5 000 organisations]")(commande)


def option_groupes(commande: Callable) -> Callable:
    """``--groupes`` : les groupes des rôles de courtage et de l'indice E-I."""
    return click.option("--groupes", type=click.Choice(GROUPES_COURTAGE), default="echelle", show_default=True,
                        help="Groupes des rôles de courtage (Gould et Fernandez) et de l'indice E-I.")(commande)


def emettre(texte: str, sortie: Path | None) -> None:
    """Écrit le texte dans ``sortie`` (atomiquement) ou sur la sortie standard."""
    if sortie is None:
        click.echo(texte)
    else:
        ecrire_atomique(sortie, texte if texte.endswith("\n") else texte + "\n")
        click.echo(f"Écrit : {sur(sortie)}", err=True)


def progression(message: str) -> None:
    """Une ligne de progression sur la sortie d'erreur."""
    click.echo(message, err=True)


# --- Le groupe ------------------------------------------------------------------------

@click.group(cls=_Groupe, context_settings=CONTEXTE, subcommand_metavar="COMMANDE [ARGS]...")
@click.version_option(__version__, "--version", prog_name="reseau", message="%(prog)s %(version)s",
                      help="Affiche la version et quitte.")
@click.option("-v", "--verbeux", is_flag=True, help="Plus de détails (et la trace d'une erreur interne).")
@click.option("--lignes-max", type=click.IntRange(min=1), metavar="N",
              help=f"Lignes lues au plus par table  [défaut : {reglages.LIGNES_MAX}]")
@click.option("--cellule-max", type=click.IntRange(min=1), metavar="N",
              help=f"Caractères au plus par cellule  [défaut : {reglages.CELLULE_MAX}]")
@click.option("--classeur-max", type=click.IntRange(min=1), metavar="MO",
              help=f"Taille décompressée d'un classeur .xlsx, en Mo  [défaut : {reglages.CLASSEUR_MAX_OCTETS // 2**20}]")
@click.pass_context
def cli(
    ctx: click.Context, verbeux: bool, lignes_max: int | None, cellule_max: int | None, classeur_max: int | None
) -> None:
    """Analyse et cartographie des réseaux de l'économie sociale et solidaire.

    DONNEES : dossier (organisations.csv, partenariats.csv), classeur .xlsx ou .ods, liste
    d'organisations, annuaire ESSGlobal, GraphML, GEXF, JSON, classeur Kumu ou CSV de Gephi
    (reconnu au contenu) ; sans lui, le jeu de référence (GESQ, RIPESS).
    """
    ctx.ensure_object(dict)
    ctx.obj["verbeux"] = verbeux
    bornes = {"LIGNES_MAX": lignes_max, "CELLULE_MAX": cellule_max,
              "CLASSEUR_MAX_OCTETS": classeur_max * 2**20 if classeur_max else None}
    anciennes = {nom: getattr(reglages, nom) for nom in bornes}
    for nom, valeur in bornes.items():
        if valeur is not None:
            setattr(reglages, nom, valeur)
    # Les réglages reviennent à leur valeur à la fin de la commande (appels successifs dans un même processus).
    def retablir() -> None:
        for nom, valeur in anciennes.items():
            setattr(reglages, nom, valeur)

    ctx.call_on_close(retablir)


def _compte(compteur: Counter) -> str:
    return ", ".join(f"{cle} {n}" for cle, n in sorted(compteur.items(), key=lambda x: (-x[1], x[0])))


@cli.command(context_settings=CONTEXTE)
@argument_donnees
@options_essglobal
@click.pass_context
def valider(
    ctx: click.Context, donnees: Path | None, colonne: tuple[str, ...], defaut: tuple[str, ...],
    valeur: tuple[str, ...], adhesions: str | None, essglobal_echelle: str | None, essglobal_type: str | None,
) -> None:
    """Vérifie les données : résumé, puis les problèmes et avertissements.

    DONNEES : dossier de CSV, classeur XLSX ou ODS, CSV (liste d'organisations, ESSGlobal,
    Gephi), GraphML, GEXF, JSON node-link, classeur Kumu — reconnu au contenu.
    Au-delà de 50 problèmes, les 50 premiers puis un résumé par colonne (-v : tous).
    Code de sortie 2 s'il y a au moins un problème bloquant.
    """
    v = valider_donnees(donnees, **options_lues(colonne, defaut, valeur), adhesions=adhesions,
                        essglobal_echelle=essglobal_echelle, essglobal_type=essglobal_type)
    organisations, partenariats = v.organisations, v.partenariats
    click.echo(f"Jeu : {sur(v.source)}" + (f" ({v.format})" if v.format else ""))
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
            click.echo(f"  - {sur(a)}")
        if limite and len(v.avertissements) > limite:
            click.echo(f"  … et {len(v.avertissements) - limite} autres (-v pour tout voir)")
    if v.problemes:
        click.echo(f"\n{len(v.problemes)} problème(s) bloquant(s) :", err=True)
        for ligne in lignes_problemes(v.problemes, bool(ctx.obj.get("verbeux"))):
            click.echo(sur(ligne), err=True)
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
    from ..entrees.generateur import ecrire_jeu
    from ..entrees.generateur import generer as generer_reseau

    progression(f"Génération de {n} organisations…")
    organisations, partenariats = generer_reseau(n, m, graine)
    ecrire_jeu(dossier, organisations, partenariats)
    click.echo(f"Écrit : {sur(dossier)} ({len(organisations)} organisations, {len(partenariats)} partenariats)")


@cli.command(context_settings=CONTEXTE)
@graphe_charge
@click.option("--format", "format_", type=click.Choice(FORMATS_EXPORT),
              help="Format d'export  [défaut : d'après l'extension de -o]")
@click.option("-o", "--sortie", type=click.Path(path_type=Path), metavar="FICHIER",
              help="Fichier écrit ; pour csv, un dossier  [défaut : sorties/reseau.FORMAT]")
@option_exact
@option_groupes
def exporter(G: nx.MultiGraph, format_: str | None, sortie: Path | None, exact: bool | None, groupes: str) -> None:
    """Export complet, mesures comprises, pour Gephi, R, pandas ou Excel.

    \b
    gexf     Gephi : couleur par échelle, taille par degré, position géographique
    graphml  GraphML (networkx, igraph, Gephi, R)
    json     node-link de networkx, résumé du réseau dans « graph »
    csv      un dossier : organisations.csv et partenariats.csv (relisible par reseau)
    xlsx     Excel : feuilles organisations, partenariats, regions, resume

    Chaque partenariat est gardé, même entre deux mêmes organisations ; les cellules
    qui ressembleraient à une formule de tableur sont neutralisées.
    """
    from ..analyse.mesures import mesures_organisations
    from ..rendu.exports import exporter as exporter_reseau

    mesures = mesures_organisations(G, exact=exact, groupes=groupes, progression=progression)
    ecrit = exporter_reseau(G, sortie, format_, mesures=mesures, progression=progression)
    fichiers = " (organisations.csv, partenariats.csv)" if ecrit.is_dir() else ""
    click.echo(f"Écrit : {sur(ecrit)}{fichiers} — {G.number_of_nodes()} organisations, "
               f"{G.number_of_edges()} partenariats", err=True)


@cli.command(context_settings=CONTEXTE)
@graphe_charge
@click.option("-o", "--sortie", type=click.Path(path_type=Path), default=Path("sorties/carte.html"),
              show_default=True, metavar="FICHIER", help="Fichier HTML écrit.")
@click.option("--couleur", type=click.Choice(COULEURS_CARTE), default="echelle", show_default=True,
              help="Ce que la couleur des organisations montre.")
@click.option("--taille", default="degre", show_default=True, metavar="MESURE",
              help="Mesure qui donne la taille des organisations (degre, intermediarite, pagerank…).")
@click.option("--disposition", type=click.Choice(DISPOSITIONS), default="force", show_default=True,
              help="force : par les liens ; geographique : sur le fond du monde ; strates : une bande par échelle.")
@click.option("--agreger", type=click.Choice(AGREGATS),
              help="Un nœud par région, pays ou échelle  [défaut : aucun, sauf au-delà de 10 000 organisations]")
@option_langue("Langue de la page.")
@click.option("--titre", help="Titre de la carte  [défaut : « Réseau de l'économie sociale et solidaire »]")
@click.option("--taille-libelles", type=click.IntRange(8, 40), default=13, show_default=True, metavar="PX",
              help="Taille des libellés en pixels (8 à 40) ; réglable ensuite dans la page (A− A+).")
def carte(
    G: nx.MultiGraph, sortie: Path, couleur: str, taille: str, disposition: str, agreger: str | None,
    langue: str, titre: str | None, taille_libelles: int,
) -> None:
    """Carte HTML interactive du réseau : un seul fichier, qui s'ouvre hors ligne.

    Légende, recherche par nom ou sigle, filtres (échelle, pays, type d'organisation,
    type de partenariat, Nord/Sud), fiche de chaque organisation au clic, image PNG.
    """
    from ..rendu.carte import ecrire_carte

    ecrit = ecrire_carte(G, sortie, couleur=couleur, taille=taille, disposition=disposition, agreger=agreger,
                         langue=langue, titre=titre, taille_libelles=taille_libelles, progression=progression)
    click.echo(f"Écrit : {sur(ecrit)} — {G.number_of_nodes()} organisations, {G.number_of_edges()} partenariats")


@cli.command(context_settings=CONTEXTE)
@graphe_charge
@click.option("-o", "--sortie", type=click.Path(file_okay=False, path_type=Path), default=Path("sorties/figures"),
              show_default=True, metavar="DOSSIER", help="Dossier où écrire les figures.")
@click.option("--format", "format_", type=click.Choice(FORMATS_FIGURE), default="png", show_default=True,
              help="png (200 dpi), svg ou pdf (vectoriels).")
@option_langue("Langue des textes.")
def figures(G: nx.MultiGraph, sortie: Path, format_: str, langue: str) -> None:
    """Sept figures statiques pour un article ou des diapositives.

    \b
    1-strates    le réseau en strates, une bande par échelle
    2-carte      la carte géographique sur le fond du monde
    3-echelles   la matrice des partenariats entre échelles
    4-regions    les régions classées par indice de connexion
    5-acteurs    les principaux acteurs par intermédiarité
    6-nord_sud   l'équilibre des liens Nord-Nord, Nord-Sud, Sud-Sud
    7-evolution  le réseau année par année, rencontres marquées
    """
    from ..analyse.mesures import mesures_organisations
    from ..rendu.figures import produire_figures

    mesures = mesures_organisations(G, progression=progression)
    progression("Dessin des figures…")
    for chemin in produire_figures(G, sortie, format=format_, langue=langue, mesures=mesures):
        click.echo(f"Écrit : {sur(chemin)}")


@cli.command(context_settings=CONTEXTE)
@graphe_charge
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path), default=Path("sorties/rapport.html"),
              show_default=True, metavar="FICHIER", help="Fichier HTML écrit.")
@option_langue("Langue du rapport.")
@click.option("--titre", help="Titre du rapport  [défaut : « Réseau de l'économie sociale et solidaire — rapport de réunion »]")
@click.option("--sous-titre", "sous_titre", help="Sous-titre (par exemple la réunion ou le territoire).")
@click.option("--depuis", type=int, metavar="AAAA",
              help="« Ce qui a changé » depuis cette année  [défaut : l'année la plus récente des données moins 5]")
def rapport(G: nx.MultiGraph, sortie: Path, langue: str, titre: str | None, sous_titre: str | None,
            depuis: int | None) -> None:
    """Rapport de réunion : un seul fichier HTML autonome, imprimable en A4.

    L'essentiel en langage simple, liens à créer et régions à suivre en tableaux,
    principaux acteurs, équilibre Nord-Sud, articulation local-global, ce qui a changé
    depuis --depuis ; en annexe les mesures techniques, la méthode et les sources
    regroupées par document.
    """
    from ..analyse.evolution import changements
    from ..analyse.mesures import mesures_organisations
    from ..rendu.rapport import ecrire_rapport

    if depuis is not None:
        changements(G, depuis)  # --depuis vérifiée avant le long calcul des mesures
    mesures = mesures_organisations(G, progression=progression)
    progression("Rédaction du rapport…")
    ecrit = ecrire_rapport(G, sortie, langue=langue, mesures=mesures, titre=titre, sous_titre=sous_titre,
                           depuis=depuis)
    click.echo(f"Écrit : {sur(ecrit)} — {G.number_of_nodes()} organisations, {G.number_of_edges()} partenariats")


@cli.command(context_settings=CONTEXTE)
@graphe_charge
@options_sortie
@option_exact
@option_groupes
def analyser(G: nx.MultiGraph, format_: str, sortie: Path | None, exact: bool | None, groupes: str) -> None:
    """Mesures par organisation (centralités, portée, Nord/Sud) et résumé du réseau.

    En table : le résumé, la matrice des échelles, puis les organisations par
    intermédiarité décroissante ; en CSV : les organisations ; en JSON :
    {"reseau": {…}, "organisations": […]}. Le résumé dit comment l'intermédiarité a été
    calculée (exacte, ou estimée avec son erreur attendue). Définitions : docs/mesures.md.
    """
    from ..analyse.mesures import mesures_organisations, projection_igraph, resume_reseau
    from ..rendu.tables import texte_analyse

    g = projection_igraph(G) if G.number_of_nodes() else None  # une seule projection pour les deux
    table = mesures_organisations(G, exact=exact, groupes=groupes, progression=progression, projection=g)
    resume = {**resume_reseau(G, groupes, projection=g), "intermediarite": table.attrs["intermediarite"]}
    emettre(texte_analyse(resume, table, format_), sortie)


@cli.command(context_settings=CONTEXTE)
@graphe_charge
@options_sortie
@option_langue("Langue des diagnostics et des en-têtes.")
def regions(G: nx.MultiGraph, format_: str, sortie: Path | None, langue: str) -> None:
    """Classe les régions de la moins à la mieux reliée, avec un diagnostic en phrases.

    Une région est un couple (pays, région) précisé dans les données ; indice de connexion
    dans [0, 1] (organisations non isolées, reliées à l'international en 2 liens ou moins,
    ouvertes hors de la région, sans point de passage unique). Rang partagé en cas d'égalité
    (« 13= ») ; régions de moins de 3 organisations à part ; organisations sans région et
    internationales comptées hors classement. JSON : {"regions": […], "hors_regions": {…}}.
    """
    from ..rendu.diagnostics import classer_regions
    from ..rendu.tables import texte_regions

    emettre(texte_regions(classer_regions(G, langue), format_, G, langue), sortie)


@cli.command(context_settings=CONTEXTE)
@click.argument("org")
@graphe_charge
@click.option("--sauts", type=click.IntRange(min=0), metavar="N", help="S'arrêter à N liens  [défaut : tout]")
@options_sortie
def portee(G: nx.MultiGraph, org: str, sauts: int | None, format_: str, sortie: Path | None) -> None:
    """Ce qu'ORG atteint, saut par saut : organisations, échelles, pays, et son plus
    court chemin vers l'international.

    ORG : id, sigle ou nom (casse et accents ignorés).
    """
    from ..analyse.parcours import portee as portee_org
    from ..rendu.tables import texte_portee

    emettre(texte_portee(G, portee_org(G, org, sauts), format_), sortie)


@cli.command(context_settings=CONTEXTE)
@click.argument("a")
@click.argument("b")
@graphe_charge
@click.option("--limite", type=click.IntRange(min=1), default=20, show_default=True, metavar="N",
              help="Au plus N chemins.")
@options_sortie
def chemin(G: nx.MultiGraph, a: str, b: str, limite: int, format_: str, sortie: Path | None) -> None:
    """Le(s) plus court(s) chemin(s) entre deux organisations, en nombre de liens.

    A et B : id, sigle ou nom (casse et accents ignorés).
    """
    from ..analyse.parcours import chemins
    from ..rendu.tables import texte_chemins

    emettre(texte_chemins(G, chemins(G, a, b, limite=limite), format_), sortie)


def main() -> None:
    """Point d'entrée de la commande ``reseau`` (Ctrl+C hors commande : code 130, une ligne).

    En sortant, tous les objets vivants sont gelés (``gc.freeze``) : la fin de l'interpréteur
    ne les parcourt plus pour chercher des cycles (0,1 s sur 0,5 s pour ``reseau carte`` du jeu
    de référence). Le processus se termine normalement : fichiers fermés, flux vidés, ``atexit``.
    """
    try:
        cli(prog_name="reseau")
    except KeyboardInterrupt:
        click.echo("Interrompu (Ctrl+C).", err=True)
        sys.exit(130)
    finally:
        gc.freeze()
