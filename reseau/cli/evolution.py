"""``reseau evolution`` : effectifs et mesures du réseau, année par année."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..entrees.chargement import charger
from ..entrees.schema import STATUTS_PAR_DEFAUT
from ..erreurs import ParametreInvalide
from .commandes import (
    CONTEXTE,
    argument_donnees,
    cli,
    emettre,
    options_essglobal,
    options_filtres,
    options_lues,
    options_sortie,
)

# Colonnes de la table du terminal (toutes en CSV et JSON).
_ESSENTIELLES = ("annee", "organisations", "partenariats", "liens_nord_sud", "liens_sud_sud",
                 "articulation_local_global")


def texte_evolution(lignes: list[dict[str, Any]], format: str, cumule: bool) -> str:
    """Table (effectifs et mesures), CSV (tout, matrice en colonnes ``echelles_a_b``) ou JSON
    (``{"mode": …, "annees": […]}``, matrice des échelles imbriquée)."""
    from ..analyse.evolution import COLONNES, COLONNES_ECHELLES, PAIRES_ECHELLES
    from ..rendu.tables import en_table, formater

    if format == "csv":
        return formater(lignes, [*COLONNES, *COLONNES_ECHELLES], "csv")
    if format == "json":
        from .._fichiers import en_json

        annees = []
        for ligne in lignes:
            matrice: dict[str, dict[str, int]] = {}
            for a, b in PAIRES_ECHELLES:
                n = ligne[f"echelles_{a}_{b}"]
                matrice.setdefault(a, {})[b] = n
                matrice.setdefault(b, {})[a] = n
            annees.append({**{c: ligne[c] for c in COLONNES}, "matrice_echelles": matrice})
        return en_json({"mode": "cumule" if cumule else "actif", "annees": annees})
    mode = "partenariats ayant existé jusqu'à l'année (cumulé)" if cumule else "partenariats actifs l'année"
    legende = ("Organisations : celles qui ont au moins un partenariat cette année-là ; "
               "local-global : part des locales et régionales à 2 liens ou moins de l'international.")
    return f"Évolution du réseau — {mode}\n\n{en_table(lignes, list(_ESSENTIELLES))}\n\n{legende} " \
           "Toutes les colonnes : --format csv ou json."


@cli.command(context_settings=CONTEXTE)
@argument_donnees
@options_filtres
@options_essglobal
@click.option("--de", "de", type=int, metavar="AAAA", help="Première année  [défaut : la plus ancienne des données]")
@click.option("--a", "a", type=int, metavar="AAAA", help="Dernière année  [défaut : la plus récente des données]")
@click.option("--pas", type=int, default=1, show_default=True, metavar="N",
              help="Une année sur N (la dernière est toujours montrée).")
@click.option("--cumule", is_flag=True, help="Compter tout ce qui a existé jusqu'à l'année, pas seulement ce qui est actif.")
@options_sortie
def evolution(
    donnees: Path | None, annee: int | None, echelle: tuple[str, ...], pays: tuple[str, ...], statut: tuple[str, ...],
    colonne: tuple[str, ...], defaut: tuple[str, ...], valeur: tuple[str, ...], adhesions: str | None,
    essglobal_echelle: str | None, essglobal_type: str | None, de: int | None, a: int | None, pas: int,
    cumule: bool, format_: str, sortie: Path | None,
) -> None:
    """Le réseau année par année : organisations actives, partenariats, composantes, liens
    Nord-Sud, articulation local-global, matrice des échelles.

    Un partenariat est actif l'année A si debut ≤ A ≤ fin ; sans debut, il compte pour toutes
    les années jusqu'à sa fin (même règle que --annee). Détail : docs/temps.md.
    """
    from ..analyse.evolution import evolution as evolution_reseau
    from ..rendu.tables import enregistrements

    if annee is not None:
        raise ParametreInvalide("--annee fige une seule année : pour evolution, bornez avec --de et --a")
    G = charger(donnees, echelle=echelle or None, pays=pays or None, statut=statut or STATUTS_PAR_DEFAUT,
                **options_lues(colonne, defaut, valeur), adhesions=adhesions,
                essglobal_echelle=essglobal_echelle, essglobal_type=essglobal_type)
    table = evolution_reseau(G, de=de, a=a, pas=pas, cumule=cumule)
    emettre(texte_evolution(enregistrements(table), format_, cumule), sortie)
