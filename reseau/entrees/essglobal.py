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
from collections import Counter
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
from .sources import Lu

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
    "Postcode", "Country Name", "Country ID", "Phone", "Email", "Memberships", "Geo Container Latitude",
    "Legal Forms",
))
# Vocabulaire ESSGlobal « organisational-structure » (codes OS… et libellés anglais, fichier
# vocabs/standard/organisational-structure.skos du dépôt essglobal-linked-open-data/map-sse) → types.
VOCABULAIRE_STRUCTURES: dict[str, tuple[str, str]] = {
    "OS10": ("Community group (formal or informal)", "ong"),
    "OS20": ("Not-for-profit organisation", "ong"),
    "OS30": ("Social enterprise", "entreprise_sociale"),
    "OS40": ("Charity", "ong"),
    "OS50": ("Company (Other)", "entreprise_sociale"),
    "OS60": ("Workers co-operative", "cooperative"),
    "OS70": ("Housing co-operative", "cooperative"),
    "OS80": ("Consumer co-operative", "cooperative"),
    "OS90": ("Producer co-operative", "cooperative"),
    "OS100": ("Multi-stakeholder co-operative", "cooperative"),
    "OS110": ("Secondary co-operative", "reseau"),
    "OS120": ("Community Interest Company (CIC)", "entreprise_sociale"),
    "OS130": ("Community Benefit Society / Industrial and Provident Society (IPS)", "entreprise_sociale"),
    "OS140": ("Employee trust", "entreprise_sociale"),
    "OS150": ("Self-employed", "autre"),
    "OS160": ("Unincorporated", "autre"),
}
_TYPES_STRUCTURE = {cle(libelle): type_ for libelle, type_ in VOCABULAIRE_STRUCTURES.values()} | {
    "trade_union": "syndicat", "network": "reseau", "federation": "reseau",
    "community_interest_company_cic": "entreprise_sociale", "not_for_profit_organisation": "ong",
}
_TYPES_STRUCTURE.pop("self_employed", None)
_TYPES_STRUCTURE.pop("unincorporated", None)


# Colonnes exploitées par la conversion (donc pas « ignorées »).
_EXPLOITEES = frozenset({"organisational_structure", "legal_forms", "legal_form", "geo_container_latitude",
                         "geo_container_longitude"})


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


def code_vocabulaire(valeur: str) -> str:
    """Le code d'une URI de vocabulaire ESSGlobal (``…/organisational-structure/OS160`` → ``OS160``), sinon la valeur.

    >>> code_vocabulaire("https://dev.lod.coop/essglobal/2.1/standard/organisational-structure/OS160")
    'OS160'
    >>> code_vocabulaire("Self-employed")
    'Self-employed'
    """
    propre = valeur.strip()
    return propre.rstrip("/").rpartition("/")[2] if "://" in propre else propre


def type_structure(structure: str) -> str | None:
    """Le type d'organisation déduit d'une « Organisational Structure » ESSGlobal, ou ``None``.

    Libellé, code (``OS60``) ou URI (``…/organisational-structure/OS130``) ; plusieurs valeurs
    séparées par « ; » : la première reconnue l'emporte.

    >>> type_structure("Workers co-operative"), type_structure("Charity;Social enterprise")
    ('cooperative', 'ong')
    >>> type_structure("https://dev.lod.coop/essglobal/2.1/standard/organisational-structure/OS130")
    'entreprise_sociale'
    >>> type_structure("Self-employed") is None, type_structure("OS999") is None
    (True, True)
    """
    for morceau in structure.split(";"):
        code = code_vocabulaire(morceau).upper()
        if code in VOCABULAIRE_STRUCTURES:
            type_ = VOCABULAIRE_STRUCTURES[code][1]
            if type_ != "autre":
                return type_
            continue
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
    formes = next((i for i, e in enumerate(entetes) if cle(e) in ("legal_forms", "legal_form")), None)
    conteneur = {c: next((i for i, e in enumerate(entetes) if cle(e) == f"geo_container_{c}"), None)
                 for c in ("latitude", "longitude")}
    for colonne in ("latitude", "longitude", "type_source"):
        if colonne not in index and (colonne == "type_source" or conteneur[colonne] is not None):
            index[colonne] = len(entetes)
            entetes.append(colonne)
    sources: Counter[str] = Counter()
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
        for coordonnee, i in conteneur.items():
            if i is not None and coordonnee in index and not cellules[index[coordonnee]].strip():
                cellules[index[coordonnee]] = cellules[i]
        if not cellules[index["type"]]:
            brut = (cellules[structure] if structure is not None else "") or (cellules[formes] if formes is not None else "")
            deduit = type or (type_structure(brut) if brut else None)
            cellules[index["type"]] = deduit or TYPE_DEFAUT
            if deduit is None and brut:
                court = ";".join(code_vocabulaire(m) for m in brut.split(";"))
                cellules[index["type_source"]] = court
                sources[court] += 1
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
            f"non reconnue — « {TYPE_DEFAUT} » appliqué à {sans_type} organisation(s) ; précisez-le avec --essglobal-type"
            " ou --valeur type:STRUCTURE=TYPE"
            + (" ; structures non reconnues : " + ", ".join(f"« {v} » ({n})" for v, n in sources.most_common(10))
               if sources else ""),
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
) -> Lu:
    """Le jeu ESSGlobal lu : organisations au schéma, partenariats voisins, avertissements.

    Les partenariats viennent du ``partenariats.csv`` voisin s'il existe, et de la colonne
    ``Memberships`` (une adhésion par réseau cité) ; sans eux, le jeu n'a que des organisations.
    """
    lu = Lu("ESSGlobal", contrat=False)
    brut = lire_csv(fichier, str(fichier), ALIAS_ORGANISATIONS)
    if isinstance(brut, Probleme):
        lu.problemes.append(brut)
        return lu
    organisations, avertissements = convertir(brut, echelle=echelle, type=type)
    lu.avertissements = [*brut.avertissements, *avertissements]  # lecture : caractères retirés, encodage
    lu.tables["organisations"] = organisations
    lu.adhesions = next((e for e in brut.entetes if cle(e) == "memberships"), None)
    lu.lues = frozenset(e for e in brut.entetes if cle(e) in _EXPLOITEES)
    voisin = fichier_dans(fichier.parent, "partenariats")
    if voisin is None:
        if lu.adhesions is None:
            lu.avertissements.append(_avertir(
                brut, None, "format ESSGlobal sans fichier partenariats.csv à côté : organisations seules, aucun partenariat",
            ))
    else:
        liens = lire_csv(voisin, str(voisin), ALIAS_PARTENARIATS)
        if isinstance(liens, Probleme):
            lu.problemes.append(liens)
        else:
            lu.avertissements.extend(liens.avertissements)
            lu.tables["partenariats"] = _identifiants_normalises(liens)
    return lu


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
