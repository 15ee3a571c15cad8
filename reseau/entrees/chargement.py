"""Chargement : lecture, validation, puis graphe (l'entrée de toute commande)."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ..erreurs import DonneesInvalides, Probleme
from .essglobal import verifier_option
from .formats import lire_donnees
from .geographie import dossier_reference, referentiel
from .graphe import construire, construire_en_bloc, critere_liens, filtrer
from .preparation import Options, preparer, verifier_options
from .schema import ECHELLES, STATUTS_PAR_DEFAUT, TYPES_ORGANISATION, LigneOrganisation, LignePartenariat
from .validation import valider_tables


@dataclass
class Validation:
    """Ce que ``valider`` a trouvé dans un jeu de données."""

    source: str
    organisations: list[LigneOrganisation] = field(default_factory=list)
    partenariats: list[LignePartenariat] = field(default_factory=list)
    problemes: list[Probleme] = field(default_factory=list)
    avertissements: list[Probleme] = field(default_factory=list)
    format: str = ""

    @property
    def valide(self) -> bool:
        """Vrai si aucun problème bloquant."""
        return not self.problemes


def _chemin(donnees: str | Path | None) -> Path:
    return dossier_reference() if donnees is None else Path(donnees)


def _options(
    colonnes: dict[str, str] | None, defauts: dict[str, str] | None, valeurs: dict[str, dict[str, str]] | None,
    adhesions: str | None,
) -> Options:
    return Options(dict(colonnes or {}), dict(defauts or {}), {c: dict(v) for c, v in (valeurs or {}).items()},
                   adhesions)


def valider(
    donnees: str | Path | None = None,
    *,
    colonnes: dict[str, str] | None = None,
    defauts: dict[str, str] | None = None,
    valeurs: dict[str, dict[str, str]] | None = None,
    adhesions: str | None = None,
    essglobal_echelle: str | None = None,
    essglobal_type: str | None = None,
) -> Validation:
    """Lit et vérifie un jeu, quel qu'en soit le format (défaut : le jeu de référence).

    Formats reconnus au contenu : dossier de CSV ou classeur XLSX/ODS du contrat, liste
    d'organisations seule, ESSGlobal, GraphML, GEXF, JSON node-link, Kumu, CSV de Gephi
    (voir docs/donnees.md). ``colonnes`` {cible: en-tête du fichier}, ``defauts`` {colonne:
    valeur pour les cellules vides}, ``valeurs`` {colonne: {valeur du fichier: valeur voulue}},
    ``adhesions`` (en-tête d'une colonne qui liste les réseaux de chaque organisation).
    ``essglobal_echelle`` et ``essglobal_type`` : anciens noms de ``defauts`` échelle et type.

    Ne lève pas pour des données fautives : tout est dans ``problemes`` et ``avertissements``.

    >>> v = valider()
    >>> v.valide, len(v.organisations) >= 80
    (True, True)
    """
    with sans_ramasse_miettes():
        return _valider(donnees, colonnes, defauts, valeurs, adhesions, essglobal_echelle, essglobal_type)


@contextmanager
def sans_ramasse_miettes() -> Iterator[None]:
    """Ramasse-miettes coupé le temps du bloc (des millions de petits objets, sans cycle : les
    collectes successives coûtaient près d'un quart du chargement), puis rétabli tel quel."""
    actif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if actif:
            gc.enable()


def _valider(
    donnees: str | Path | None, colonnes: dict[str, str] | None, defauts: dict[str, str] | None,
    valeurs: dict[str, dict[str, str]] | None, adhesions: str | None, essglobal_echelle: str | None,
    essglobal_type: str | None,
) -> Validation:
    chemin = _chemin(donnees)
    options = _options(colonnes, defauts, valeurs, adhesions)
    verifier_options(options)
    echelle = options.defauts.get("echelle") or essglobal_echelle
    type_ = options.defauts.get("type") or essglobal_type
    lu = lire_donnees(chemin, echelle=echelle, type=type_)
    if lu.format != "ESSGlobal":
        if essglobal_echelle is not None or essglobal_type is not None:
            lu.avertissements.append(
                Probleme(str(chemin), None, None, None, "options ESSGlobal ignorées : ce jeu n'est pas au format ESSGlobal")
            )
    else:
        verifier_option(echelle, ECHELLES, "--essglobal-echelle" if essglobal_echelle else "--defaut echelle")
        verifier_option(type_, TYPES_ORGANISATION, "--essglobal-type" if essglobal_type else "--defaut type")
    ref = referentiel()
    prepare = preparer(lu, ref, options)
    format_lu = lu.format
    del lu
    resultat = valider_tables(prepare.tables, ref, prepare.facultatives)
    return Validation(
        source=str(chemin),
        organisations=resultat.organisations,
        partenariats=resultat.partenariats,
        problemes=prepare.problemes + resultat.problemes,
        avertissements=prepare.avertissements + resultat.avertissements,
        format=format_lu,
    )


def charger(
    donnees: str | Path | None = None,
    *,
    annee: int | None = None,
    echelle: Iterable[str] | str | None = None,
    pays: Iterable[str] | str | None = None,
    statut: Iterable[str] | str | None = STATUTS_PAR_DEFAUT,
    colonnes: dict[str, str] | None = None,
    defauts: dict[str, str] | None = None,
    valeurs: dict[str, dict[str, str]] | None = None,
    adhesions: str | None = None,
    essglobal_echelle: str | None = None,
    essglobal_type: str | None = None,
) -> nx.MultiGraph:
    """Charge un jeu en ``MultiGraph`` (un nœud par organisation, une arête par partenariat).

    Lève :class:`~reseau.erreurs.DonneesInvalides` avec tous les problèmes s'il y en a.
    Les filtres gardent les partenariats actifs en ``annee`` et des statuts donnés (défaut : attestés
    et intentions ; les co-mentions sont écartées, ``statut=None`` garde tout), et les organisations
    des échelles et pays donnés. ``colonnes``, ``defauts``, ``valeurs``, ``adhesions`` et les
    anciens ``essglobal_echelle``, ``essglobal_type`` : voir :func:`valider`.

    >>> G = charger()
    >>> G.nodes["gesq"]["pays"]
    'CA'
    """
    with sans_ramasse_miettes():
        return _charger(donnees, annee, echelle, pays, statut, colonnes=colonnes, defauts=defauts, valeurs=valeurs,
                        adhesions=adhesions, essglobal_echelle=essglobal_echelle, essglobal_type=essglobal_type)


def _charger(
    donnees: str | Path | None, annee: int | None, echelle: Iterable[str] | str | None,
    pays: Iterable[str] | str | None, statut: Iterable[str] | str | None, **options: object,
) -> nx.MultiGraph:
    validation = valider(donnees, **options)  # type: ignore[arg-type]
    if not validation.valide:
        raise DonneesInvalides(validation.source, validation.problemes)
    attributs = {"source": validation.source, "avertissements": [str(a) for a in validation.avertissements]}
    if echelle is None and pays is None:
        # Sans filtre de nœuds : le graphe filtré est rempli en bloc (même graphe que construire + filtrer).
        garder = critere_liens(annee, statut) if annee is not None or statut is not None else None
        G = construire_en_bloc(validation.organisations, validation.partenariats, attributs, garder)
    else:
        G = construire(validation.organisations, validation.partenariats, validation.source)
        G.graph["avertissements"] = attributs["avertissements"]
        G = filtrer(G, annee=annee, echelle=echelle, pays=pays, statut=statut)
    del validation
    # Les objets du chargement vivent jusqu'à la fin de la commande : le ramasse-miettes ne les
    # parcourt plus (gc.freeze), ce qui évite de longues collectes pendant les mesures.
    gc.freeze()
    return G
