"""Libellés affichés (carte, figures, rapport) en français, anglais et espagnol."""

from __future__ import annotations

from .erreurs import ParametreInvalide

LANGUES: tuple[str, ...] = ("fr", "en", "es")

# Valeurs des vocabulaires du schéma.
VOCABULAIRE: dict[str, dict[str, str]] = {
    "locale": {"fr": "locale", "en": "local", "es": "local"},
    "regionale": {"fr": "régionale", "en": "regional", "es": "regional"},
    "nationale": {"fr": "nationale", "en": "national", "es": "nacional"},
    "internationale": {"fr": "internationale", "en": "international", "es": "internacional"},
    "reseau": {"fr": "réseau", "en": "network", "es": "red"},
    "cooperative": {"fr": "coopérative", "en": "cooperative", "es": "cooperativa"},
    "syndicat": {"fr": "syndicat", "en": "trade union", "es": "sindicato"},
    "ong": {"fr": "ONG", "en": "NGO", "es": "ONG"},
    "recherche": {"fr": "recherche", "en": "research", "es": "investigación"},
    "financement": {"fr": "financement", "en": "funding", "es": "financiamiento"},
    "gouvernement": {"fr": "gouvernement", "en": "government", "es": "gobierno"},
    "institution_internationale": {
        "fr": "institution internationale", "en": "international institution", "es": "institución internacional",
    },
    "entreprise_sociale": {"fr": "entreprise sociale", "en": "social enterprise", "es": "empresa social"},
    "mouvement": {"fr": "mouvement", "en": "movement", "es": "movimiento"},
    "autre": {"fr": "autre", "en": "other", "es": "otro"},
    "adhesion": {"fr": "adhésion", "en": "membership", "es": "adhesión"},
    "formation": {"fr": "formation", "en": "training", "es": "formación"},
    "cooperation": {"fr": "coopération", "en": "cooperation", "es": "cooperación"},
    "jumelage": {"fr": "jumelage", "en": "twinning", "es": "hermanamiento"},
    "evenement": {"fr": "événement", "en": "event", "es": "evento"},
    "nord": {"fr": "Nord", "en": "North", "es": "Norte"},
    "sud": {"fr": "Sud", "en": "South", "es": "Sur"},
}


def verifier_langue(langue: str) -> str:
    """La langue si elle est prise en charge, sinon une erreur claire."""
    if langue not in LANGUES:
        raise ParametreInvalide(f"langue « {langue} » non prise en charge — attendu : {', '.join(LANGUES)}")
    return langue


def traduire(valeur: str, langue: str = "fr") -> str:
    """Le libellé d'une valeur de vocabulaire ; la valeur elle-même si elle est inconnue.

    >>> traduire("regionale"), traduire("regionale", "en"), traduire("Outaouais", "es")
    ('régionale', 'regional', 'Outaouais')
    """
    return VOCABULAIRE.get(valeur, {}).get(verifier_langue(langue), valeur)
