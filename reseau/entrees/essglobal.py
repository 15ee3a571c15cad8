"""Import ESSGlobal : le CSV plat des cartographies de l'ESS (vocabulaire de données du RIPESS).

Colonnes du format (seule ``Identifier`` est obligatoire) : Identifier, Name, Description,
Organisational Structure, Primary Activity, Activities, Street Address, Locality, Region,
Postcode, Country Name, Website, Phone, Email. Il ne dit ni l'échelle ni, toujours, le type
d'organisation, ni les partenariats : ils viennent d'une option, sinon d'une valeur par
défaut annoncée en avertissement ; un ``partenariats.csv`` à côté est lu s'il existe.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from ..erreurs import DonneesInvalides, ParametreInvalide, Probleme
from .geographie import Referentiel, referentiel
from .lecture import Table, fichier_dans, lire_csv, lire_entetes
from .schema import (
    ALIAS_ORGANISATIONS,
    ALIAS_PARTENARIATS,
    COLONNES_ORGANISATIONS,
    ECHELLES,
    TYPES_ORGANISATION,
    associer_entetes,
    cle,
    normaliser_vocabulaire,
    suggerer,
)

ENTETES_ESSGLOBAL: tuple[str, ...] = (
    "Identifier", "Name", "Description", "Organisational Structure", "Primary Activity",
    "Activities", "Street Address", "Locality", "Region", "Postcode", "Country Name",
    "Website", "Phone", "Email",
)
ECHELLE_DEFAUT = "locale"
TYPE_DEFAUT = "autre"

# Colonnes propres à ESSGlobal : avec « Identifier », elles signent le format.
_SIGNATURES = frozenset(cle(e) for e in (
    "Organisational Structure", "Primary Activity", "Activities", "Street Address",
    "Postcode", "Country Name", "Phone", "Email",
))
# « Organisational Structure » (définitions ESSGlobal) → type d'organisation du schéma.
_TYPES_STRUCTURE = {
    "not_for_profit_organisation": "ong",
    "charity": "ong",
    "social_enterprise": "entreprise_sociale",
    "community_interest_company_cic": "entreprise_sociale",
    "community_benefit_society_industrial_and_provident_society_ips": "entreprise_sociale",
    "trade_union": "syndicat",
    "network": "reseau",
}


def est_essglobal(entetes: list[str]) -> bool:
    """Vrai si ces en-têtes sont ceux d'un CSV ESSGlobal.

    >>> est_essglobal(["Identifier", "Name", "Country Name"])
    True
    >>> est_essglobal(["id", "nom", "type", "echelle", "pays"])
    False
    """
    formes = {cle(e) for e in entetes}
    return "identifier" in formes and bool(formes & _SIGNATURES)


def normaliser_identifiant(valeur: str) -> str:
    """Un ``Identifier`` ESSGlobal en identifiant de ``reseau`` (minuscules, sans accents, tirets).

    >>> normaliser_identifiant(" Coop_Épicerie 12 ")
    'coop-epicerie-12'
    """
    return re.sub(r"_+", "-", cle(valeur))


def type_structure(structure: str) -> str | None:
    """Le type d'organisation déduit d'une « Organisational Structure » ESSGlobal, ou ``None``.

    Plusieurs structures séparées par « ; » : la première reconnue l'emporte.

    >>> type_structure("Workers co-operative"), type_structure("Charity;Social enterprise")
    ('cooperative', 'ong')
    >>> type_structure("Self-employed") is None
    True
    """
    for morceau in structure.split(";"):
        forme = cle(morceau)
        if "co_operative" in forme or "cooperative" in forme:
            return "cooperative"
        if forme in _TYPES_STRUCTURE:
            return _TYPES_STRUCTURE[forme]
    return None


def verifier_option(valeur: str | None, vocabulaire: tuple[str, ...], option: str) -> str | None:
    """La valeur d'option normalisée (``None`` si absente), sinon une erreur claire.

    >>> verifier_option("Régionale", ECHELLES, "--essglobal-echelle")
    'regionale'
    """
    if valeur is None:
        return None
    normal = normaliser_vocabulaire(valeur, vocabulaire)
    if normal is None:
        proche = suggerer(cle(valeur), vocabulaire)
        raise ParametreInvalide(
            f"valeur « {valeur} » inconnue pour {option} — valeurs possibles : {', '.join(vocabulaire)}"
            + (f" — vouliez-vous dire « {proche} » ?" if proche else "")
        )
    return normal


def _avertir(table: Table, colonne: str | None, message: str) -> Probleme:
    return Probleme(table.fichier, None, colonne, None, message)


def convertir(table: Table, *, echelle: str | None = None, type: str | None = None) -> tuple[Table, list[Probleme]]:
    """Table ESSGlobal → table au schéma de ``reseau`` (mêmes lignes, mêmes numéros), et avertissements.

    Les en-têtes ESSGlobal connus du schéma (Name, Locality, Country Name…) sont gardés ;
    ``Identifier`` est normalisé ; un nom absent prend l'identifiant ; ``type`` et ``echelle``
    sont ajoutés s'il le faut (cellule du fichier, sinon option, sinon « Organisational
    Structure » pour le type, sinon valeur par défaut annoncée) ; ``reference`` dit la provenance.
    """
    echelle = verifier_option(echelle, ECHELLES, "--essglobal-echelle")
    type = verifier_option(type, TYPES_ORGANISATION, "--essglobal-type")
    entetes = list(table.entetes)
    index = associer_entetes(entetes, ALIAS_ORGANISATIONS)
    for colonne in ("nom", "type", "echelle", "reference"):
        if colonne not in index:
            index[colonne] = len(entetes)
            entetes.append(colonne)
    structure = next((i for i, e in enumerate(entetes) if cle(e) == "organisational_structure"), None)
    provenance = f"ESSGlobal : {Path(table.fichier).name}"
    sans_nom = sans_echelle = sans_type = 0
    lignes = []
    for numero, cellules in table.lignes:
        cellules = [c.strip() for c in cellules[:len(table.entetes)]]
        cellules += [""] * (len(entetes) - len(cellules))
        identifiant = cellules[index["id"]]
        cellules[index["id"]] = normaliser_identifiant(identifiant) or identifiant
        if not cellules[index["nom"]] and identifiant:
            cellules[index["nom"]] = identifiant
            sans_nom += 1
        if not cellules[index["echelle"]]:
            cellules[index["echelle"]] = echelle or ECHELLE_DEFAUT
            sans_echelle += echelle is None
        if not cellules[index["type"]]:
            deduit = type or (type_structure(cellules[structure]) if structure is not None else None)
            cellules[index["type"]] = deduit or TYPE_DEFAUT
            sans_type += deduit is None
        cellules[index["reference"]] = cellules[index["reference"]] or provenance
        lignes.append((numero, cellules))
    avertissements = []
    if sans_echelle:
        avertissements.append(_avertir(
            table, "echelle", f"format ESSGlobal sans échelle : « {ECHELLE_DEFAUT} » appliquée à "
            f"{sans_echelle} organisation(s) — précisez-la avec --essglobal-echelle",
        ))
    if sans_type:
        avertissements.append(_avertir(
            table, "type", f"format ESSGlobal : type d'organisation absent ou « Organisational Structure » "
            f"non reconnue — « {TYPE_DEFAUT} » appliqué à {sans_type} organisation(s) ; précisez-le avec --essglobal-type",
        ))
    if sans_nom:
        avertissements.append(_avertir(
            table, "nom", f"{sans_nom} organisation(s) sans nom (Name) : l'identifiant sert de nom",
        ))
    return Table(table.fichier, entetes, lignes), avertissements


def fichier_essglobal(chemin: Path) -> Path | None:
    """Le CSV ESSGlobal désigné par ``chemin`` (le fichier, ou l'``organisations.csv`` du dossier), sinon ``None``."""
    if chemin.is_file():
        candidat = chemin if chemin.suffix.lower() in (".csv", ".txt") else None
    else:
        candidat = fichier_dans(chemin, "organisations") if chemin.is_dir() else None
    if candidat is None or not est_essglobal(lire_entetes(candidat, ALIAS_ORGANISATIONS)):
        return None
    return candidat


def _identifiants_normalises(table: Table) -> Table:
    """Partenariats dont ``source`` et ``cible`` sont normalisés comme les ``Identifier``."""
    index = associer_entetes(table.entetes, ALIAS_PARTENARIATS)
    colonnes = [index[c] for c in ("source", "cible") if c in index]
    lignes = []
    for numero, cellules in table.lignes:
        cellules = list(cellules)
        for i in colonnes:
            if i < len(cellules) and cellules[i].strip():
                cellules[i] = normaliser_identifiant(cellules[i])
        lignes.append((numero, cellules))
    return Table(table.fichier, table.entetes, lignes)


def lire_jeu_essglobal(
    fichier: Path, *, echelle: str | None = None, type: str | None = None
) -> tuple[dict[str, Table], list[Probleme], list[Probleme]]:
    """Tables au schéma, problèmes et avertissements d'un jeu ESSGlobal.

    Les partenariats viennent du ``partenariats.csv`` voisin s'il existe ; sans lui, le jeu
    n'a que des organisations (avertissement).
    """
    lu = lire_csv(fichier, str(fichier), ALIAS_ORGANISATIONS)
    if isinstance(lu, Probleme):
        return {}, [lu], []
    organisations, avertissements = convertir(lu, echelle=echelle, type=type)
    avertissements = [*lu.avertissements, *avertissements]  # lecture : caractères retirés, encodage
    tables = {"organisations": organisations}
    problemes: list[Probleme] = []
    voisin = fichier_dans(fichier.parent, "partenariats")
    if voisin is None:
        avertissements.append(_avertir(
            lu, None, "format ESSGlobal sans fichier partenariats.csv à côté : organisations seules, aucun partenariat",
        ))
    else:
        liens = lire_csv(voisin, str(voisin), ALIAS_PARTENARIATS)
        if isinstance(liens, Probleme):
            problemes.append(liens)
        else:
            avertissements.extend(liens.avertissements)
            tables["partenariats"] = _identifiants_normalises(liens)
    return tables, problemes, avertissements


def _enregistrement(cellules: list[str], index: dict[str, int], ref: Referentiel) -> dict[str, str]:
    org = {c: cellules[index[c]] if c in index and index[c] < len(cellules) else "" for c in COLONNES_ORGANISATIONS}
    org["pays"] = ref.code_pays(org["pays"]) or org["pays"]
    return org


def lire_essglobal(chemin: str | Path, *, echelle: str | None = None, type: str | None = None) -> list[dict]:
    """Les organisations d'un CSV ESSGlobal, au format des colonnes d'``organisations.csv``.

    ``id`` ← Identifier normalisé, ``nom`` ← Name, ``ville`` ← Locality, ``region`` ← Region,
    ``pays`` ← Country Name (code ISO si le pays est connu), ``site_web`` ← Website,
    ``description`` ← Description. ``echelle`` (défaut « locale ») et ``type`` (défaut : d'après
    Organisational Structure, sinon « autre ») complètent ; un défaut appliqué est annoncé par
    :func:`warnings.warn`. Les valeurs ne sont pas validées : :func:`reseau.valider` le fait.
    """
    chemin = Path(chemin)
    if not chemin.exists():
        raise ParametreInvalide(f"« {chemin} » n'existe pas — un CSV ESSGlobal est attendu")
    fichier = fichier_essglobal(chemin)
    if fichier is None:
        raise ParametreInvalide(
            f"« {chemin} » n'est pas un CSV ESSGlobal — attendu la colonne Identifier et des colonnes "
            f"du format ({', '.join(ENTETES_ESSGLOBAL[1:])})"
        )
    lu = lire_csv(fichier, str(fichier), ALIAS_ORGANISATIONS)
    if isinstance(lu, Probleme):
        raise DonneesInvalides(str(fichier), [lu])
    table, avertissements = convertir(lu, echelle=echelle, type=type)
    for avertissement in avertissements:
        warnings.warn(str(avertissement), UserWarning, stacklevel=2)
    index = associer_entetes(table.entetes, ALIAS_ORGANISATIONS)
    ref = referentiel()
    return [_enregistrement(cellules, index, ref) for _, cellules in table.lignes]
