"""Exceptions du domaine : toutes dérivent de ``ValueError``.

La CLI les convertit en message (code 2) ; la bibliothèque les laisse remonter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Probleme:
    """Un problème (ou un avertissement) situé dans un fichier de données.

    >>> str(Probleme("organisations.csv", 4, "echelle", "nationnale",
    ...              "échelle « nationnale » inconnue", "nationale"))
    'organisations.csv, ligne 4, colonne « echelle » : échelle « nationnale » inconnue — vouliez-vous dire « nationale » ?'
    """

    fichier: str
    ligne: int | None
    colonne: str | None
    valeur: str | None
    message: str
    suggestion: str | None = None

    def __str__(self) -> str:
        lieu = [self.fichier]
        if self.ligne is not None:
            lieu.append(f"ligne {self.ligne}")
        if self.colonne:
            lieu.append(f"colonne « {self.colonne} »")
        texte = f"{', '.join(lieu)} : {self.message}"
        if self.suggestion:
            texte += f" — vouliez-vous dire « {self.suggestion} » ?"
        return texte

    def en_dict(self) -> dict[str, object]:
        """Forme sérialisable (JSON)."""
        return {
            "fichier": self.fichier,
            "ligne": self.ligne,
            "colonne": self.colonne,
            "valeur": self.valeur,
            "message": self.message,
            "suggestion": self.suggestion,
        }


class ErreurReseau(ValueError):
    """Erreur du domaine : entrée ou argument invalide, expliqué en français."""


class DonneesInvalides(ErreurReseau):
    """Le jeu de données contient des erreurs bloquantes (toutes listées)."""

    def __init__(self, source: str, problemes: list[Probleme]) -> None:
        self.source = source
        self.problemes = list(problemes)
        n = len(self.problemes)
        entete = f"{n} problème{'s' if n > 1 else ''} dans les données « {source} » :"
        super().__init__("\n".join([entete, *(f"  - {p}" for p in self.problemes)]))


class OrganisationIntrouvable(ErreurReseau):
    """Aucune organisation ne correspond à la désignation donnée."""


class DesignationAmbigue(ErreurReseau):
    """Plusieurs organisations correspondent à la désignation donnée."""


class CheminIntrouvable(ErreurReseau):
    """Deux organisations ne sont reliées par aucun chemin."""


class ParametreInvalide(ErreurReseau):
    """Un argument (option, filtre, format) est invalide."""


class EcritureImpossible(ErreurReseau, OSError):
    """Un fichier de sortie ne peut pas être écrit (c'est aussi une ``OSError``) ; le message dit quoi faire."""


def verifier_choix(quoi: str, valeur: Any, possibles: Iterable[str]) -> Any:
    """``valeur`` si elle fait partie de ``possibles``, sinon :class:`ParametreInvalide` qui les liste.

    >>> verifier_choix("langue", "fr", ("fr", "en"))
    'fr'
    >>> verifier_choix("langue", "de", ("fr", "en"))
    Traceback (most recent call last):
    ...
    reseau.erreurs.ParametreInvalide: langue « de » : valeur inconnue — attendu : fr, en
    """
    possibles = tuple(possibles)
    if valeur not in possibles:
        raise ParametreInvalide(f"{quoi} « {valeur} » : valeur inconnue — attendu : {', '.join(possibles)}")
    return valeur
