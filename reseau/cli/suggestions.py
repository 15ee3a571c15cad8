"""La commande ``reseau suggestions`` : les liens à créer pour les régions mal reliées."""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx

from .commandes import CONTEXTE, cli, emettre, graphe_charge, option_langue, options_sortie


@cli.command(context_settings=CONTEXTE)
@graphe_charge
@click.option("--region", metavar="R", help="Cette région seule (nom ou « pays/région »), quel que soit son indice.")
@click.option("--nombre", type=click.IntRange(min=1), default=3, show_default=True, metavar="N",
              help="Liens proposés au plus par région.")
@options_sortie
@option_langue("Langue des explications et des en-têtes.")
def suggestions(G: nx.MultiGraph, region: str | None, nombre: int, format_: str, sortie: Path | None,
                langue: str) -> None:
    """Les liens à créer : pour chaque région mal reliée (indice sous 0,9), les partenariats
    nouveaux qui relèveraient le plus son indice de connexion, et pourquoi.

    Chaque lien est simulé (l'indice est recalculé comme s'il existait) ; à gain égal, un lien
    Sud-Sud passe d'abord, puis un lien du local à l'international, puis le partenaire qui a le
    plus de partenaires communs (Adamic-Adar). Méthode : docs/mesures.md.
    JSON : {"suggestions": […]}.
    """
    from ..rendu.diagnostics import suggerer_liens
    from ..rendu.tables import texte_suggestions

    emettre(texte_suggestions(suggerer_liens(G, region=region, nombre=nombre, langue=langue), format_, langue), sortie)
