"""Le schéma des données : colonnes, alias d'en-têtes et vocabulaires (CONCEPTION §3)."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import TypedDict

ECHELLES: tuple[str, ...] = ("locale", "regionale", "nationale", "internationale")

TYPES_ORGANISATION: tuple[str, ...] = (
    "reseau",
    "cooperative",
    "syndicat",
    "ong",
    "recherche",
    "financement",
    "gouvernement",
    "institution_internationale",
    "entreprise_sociale",
    "mouvement",
    "autre",
)

TYPES_PARTENARIAT: tuple[str, ...] = (
    "adhesion",
    "financement",
    "formation",
    "cooperation",
    "jumelage",
    "recherche",
    "evenement",
    "autre",
)

NORD_SUD: tuple[str, ...] = ("nord", "sud")

COLONNES_ORGANISATIONS: tuple[str, ...] = (
    "id", "nom", "sigle", "type", "echelle", "pays", "region", "ville",
    "latitude", "longitude", "nord_sud", "site_web", "description", "reference",
)
OBLIGATOIRES_ORGANISATIONS: tuple[str, ...] = ("id", "nom", "type", "echelle", "pays")

COLONNES_PARTENARIATS: tuple[str, ...] = (
    "source", "cible", "type", "debut", "fin", "poids", "oriente", "statut", "description", "reference",
)
# Ce qu'une source dit d'un partenariat : qu'il a eu lieu, qu'il était annoncé, ou seulement que
# les deux organisations sont citées ensemble. Colonne absente ou vide : « atteste ».
STATUTS: tuple[str, ...] = ("atteste", "intention", "co-mention")
# Statuts gardés par défaut par le chargement (donc par les mesures, la carte, les exports).
STATUTS_PAR_DEFAUT: tuple[str, ...] = ("atteste", "intention")
OBLIGATOIRES_PARTENARIATS: tuple[str, ...] = ("source", "cible", "type")

# En-têtes acceptés (après normalisation) pour chaque colonne.
_ALIAS_COMMUNS = {
    "description": ("description", "desc", "descripcion", "notes", "remarques"),
    "reference": ("reference", "references", "ref", "provenance", "sources", "referencia"),
}
ALIAS_ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifiant", "identifier", "code", "cle", "key"),
    "nom": ("nom", "name", "nombre", "nom_complet", "organisation", "organization", "label",
            "nom_entreprise", "nomentreprise", "raison_sociale", "denomination", "display_name"),
    "sigle": ("sigle", "acronyme", "acronym", "abreviation", "abbreviation", "sigla"),
    "type": ("type", "type_organisation", "type_d_organisation", "categorie", "category", "tipo", "node_type"),
    "echelle": ("echelle", "scale", "niveau", "level", "escala", "portee"),
    "pays": ("pays", "country", "country_name", "pais", "code_pays", "country_code", "country_id", "addr_country"),
    "region": ("region", "province", "etat", "state", "departement", "addr_state", "addr_province", "addr_region"),
    "ville": ("ville", "city", "locality", "localite", "municipalite", "ciudad", "commune", "addr_city",
              "location", "town"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "lng", "long"),
    "nord_sud": ("nord_sud", "nordsud", "north_south", "norte_sur"),
    "site_web": ("site_web", "site", "siteweb", "website", "web", "url", "sitio_web", "contact_website"),
    "description": _ALIAS_COMMUNS["description"],
    "reference": _ALIAS_COMMUNS["reference"] + ("source",),
    # Hors contrat, gardées : valeur d'origine d'un type traduit, précision d'une position relue.
    "type_source": ("type_source",),
    "precision": ("precision",),
}
ALIAS_PARTENARIATS: dict[str, tuple[str, ...]] = {
    "source": ("source", "de", "from", "origine", "organisation_1", "origen"),
    "cible": ("cible", "vers", "to", "target", "destination", "organisation_2", "destino"),
    "type": ("type", "type_partenariat", "type_de_partenariat", "type_de_lien", "kind", "tipo"),
    "debut": ("debut", "annee_debut", "start", "start_year", "depuis", "since", "inicio"),
    "fin": ("fin", "annee_fin", "end", "end_year", "jusqu_a", "until"),
    "poids": ("poids", "weight", "intensite", "peso", "strength"),
    "oriente": ("oriente", "directed", "dirige", "sens", "orientado", "direction"),
    "statut": ("statut", "status", "estado", "attestation"),
    "description": _ALIAS_COMMUNS["description"],
    "reference": _ALIAS_COMMUNS["reference"],
    "type_source": ("type_source",),
}

# Valeurs de vocabulaire acceptées en anglais, en espagnol ou en portugais.
SYNONYMES: dict[str, str] = {
    "local": "locale", "regional": "regionale", "national": "nationale",
    "international": "internationale", "internacional": "internationale", "nacional": "nationale",
    "institucion_internacional": "institution_internationale",
    "network": "reseau", "red": "reseau", "cooperativa": "cooperative", "coop": "cooperative",
    "union": "syndicat", "trade_union": "syndicat", "sindicato": "syndicat",
    "ngo": "ong", "research": "recherche", "investigacion": "recherche",
    "funder": "financement", "funding": "financement", "financiamiento": "financement",
    "government": "gouvernement", "gobierno": "gouvernement",
    "international_institution": "institution_internationale",
    "social_enterprise": "entreprise_sociale", "empresa_social": "entreprise_sociale",
    "movement": "mouvement", "movimiento": "mouvement", "other": "autre", "otro": "autre",
    "co_mention": "co-mention", "comention": "co-mention", "attested": "atteste", "atestado": "atteste",
    "intent": "intention", "intencion": "intention",
    "membership": "adhesion", "member": "adhesion", "membre": "adhesion",
    "training": "formation", "formacion": "formation", "cooperacion": "cooperation",
    "twinning": "jumelage", "hermanamiento": "jumelage", "event": "evenement",
    "evento": "evenement", "north": "nord", "norte": "nord", "south": "sud", "sur": "sud",
    # portugais (modèle de classeur en --langue pt)
    "rede": "reseau", "pesquisa": "recherche", "financiamento": "financement", "governo": "gouvernement",
    "instituicao_internacional": "institution_internationale", "movimento": "mouvement", "outro": "autre",
    "adesao": "adhesion", "formacao": "formation", "cooperacao": "cooperation", "geminacao": "jumelage", "sul": "sud",
}

# Cellules qui veulent dire « vide » (comparées en minuscules).
VIDES = frozenset({"na", "n/a", "-", "nan", "null", "#n/a"})

VRAI = frozenset({"vrai", "oui", "o", "true", "t", "yes", "y", "1", "x", "si", "sim"})
FAUX = frozenset({"faux", "non", "n", "false", "f", "no", "0", "", "nao"})


def sans_accents(texte: str) -> str:
    """Retire les accents.

    >>> sans_accents("Échelle régionale")
    'Echelle regionale'
    """
    decompose = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in decompose if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)
def cle(texte: str) -> str:
    """Forme de comparaison : minuscules, sans accents, mots joints par ``_``.

    >>> cle("  Type d'organisation ")
    'type_d_organisation'
    >>> cle("Régionale")
    'regionale'
    """
    simple = sans_accents(texte).strip().lower()
    return re.sub(r"[^a-z0-9]+", "_", simple).strip("_")


def identifiant(nom: str) -> str:
    """Identifiant tiré d'un nom : minuscules, sans accents, mots joints par ``-``.

    >>> identifiant("Coopérative L'Étincelle")
    'cooperative-l-etincelle'
    """
    return cle(nom).replace("_", "-")


def suggerer(valeur: str, possibles: list[str] | tuple[str, ...]) -> str | None:
    """La valeur connue la plus proche, ou ``None``.

    >>> suggerer("nationnale", ECHELLES)
    'nationale'
    """
    proches = difflib.get_close_matches(valeur, list(possibles), n=1, cutoff=0.6)
    return proches[0] if proches else None


def normaliser_vocabulaire(valeur: str, vocabulaire: tuple[str, ...]) -> str | None:
    """La valeur du vocabulaire désignée par ``valeur`` (casse, accents, synonymes), ou ``None``.

    >>> normaliser_vocabulaire(" Régionale ", ECHELLES)
    'regionale'
    >>> normaliser_vocabulaire("Institution internationale", TYPES_ORGANISATION)
    'institution_internationale'
    >>> normaliser_vocabulaire("nationnale", ECHELLES) is None
    True
    """
    forme = cle(valeur)
    forme = SYNONYMES.get(forme, forme)
    return forme if forme in vocabulaire else None


def associer_entetes(
    entetes: list[str], alias: dict[str, tuple[str, ...]]
) -> dict[str, int]:
    """Associe chaque colonne du schéma à l'indice de l'en-tête qui la désigne.

    >>> associer_entetes(["Identifiant", "Name", "Échelle"], ALIAS_ORGANISATIONS)
    {'id': 0, 'nom': 1, 'echelle': 2}
    """
    index: dict[str, int] = {}
    for i, entete in enumerate(entetes):
        forme = cle(entete)
        for colonne, noms in alias.items():
            if forme in noms and colonne not in index:
                index[colonne] = i
                break
    return index


class LigneOrganisation(TypedDict, total=False):
    """Une organisation validée (une ligne de ``organisations``), telle que le graphe la reçoit."""

    id: str
    nom: str
    sigle: str
    type: str
    echelle: str
    pays: str
    region: str
    ville: str
    latitude: float | None
    longitude: float | None
    precision: str
    nord_sud: str
    site_web: str
    description: str
    reference: str


class LignePartenariat(TypedDict, total=False):
    """Un partenariat validé (une ligne de ``partenariats``)."""

    source: str
    cible: str
    type: str
    debut: int | None
    fin: int | None
    poids: float
    oriente: bool
    statut: str
    description: str
    reference: str
