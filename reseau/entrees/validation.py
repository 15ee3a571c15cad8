"""Validation exhaustive des tables lues : tous les problèmes d'un coup, chacun situé.

Rend aussi les enregistrements normalisés (vocabulaires, codes pays, nombres, positions).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Any, cast

import reseau.reglages as reglages

from ..erreurs import Probleme
from .geographie import Position, Referentiel
from .lecture import Table, consommer
from .schema import (
    ALIAS_ORGANISATIONS,
    ALIAS_PARTENARIATS,
    ECHELLES,
    FAUX,
    NORD_SUD,
    OBLIGATOIRES_ORGANISATIONS,
    OBLIGATOIRES_PARTENARIATS,
    STATUTS,
    TYPES_ORGANISATION,
    TYPES_PARTENARIAT,
    VRAI,
    LigneOrganisation,
    LignePartenariat,
    associer_entetes,
    cle,
    normaliser_vocabulaire,
    suggerer,
)

ANNEE_MIN, ANNEE_MAX = 1800, 2100
_TEXTES_LIBRES = frozenset({"description", "reference"})
_FINS_DE_LIGNE = re.compile(r"\s*[\r\n]+\s*")
_RECALCULER = ("ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le (les formules seront calculées), "
               "ou remplacez la formule par sa valeur")


class Suggestions:
    """« Vouliez-vous dire … » pour des identifiants inconnus : rapidfuzz (C) si présent, cache par
    valeur, et au plus ``reglages.SUGGESTIONS_MAX`` calculs (au-delà : pas de suggestion).

    >>> Suggestions(["gesq", "ripess", "chantier"])("gesc")
    'gesq'
    """

    def __init__(self, possibles: list[str]) -> None:
        self.possibles = possibles
        self.cache: dict[str, str | None] = {}

    def __call__(self, valeur: str) -> str | None:
        if valeur in self.cache:
            return self.cache[valeur]
        if len(self.cache) >= reglages.SUGGESTIONS_MAX or not self.possibles:
            return None
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # repli : difflib, borné par le plafond
            proches = difflib.get_close_matches(valeur, self.possibles, n=1, cutoff=0.6)
            trouve = proches[0] if proches else None
        else:
            meilleur = process.extractOne(valeur, self.possibles, scorer=fuzz.ratio, score_cutoff=60)
            trouve = meilleur[0] if meilleur else None
        self.cache[valeur] = trouve
        return trouve
PRECISIONS = ("coordonnees", "ville", "region", "pays")


def lire_nombre(texte: str) -> float | None:
    """Un nombre écrit à la française ou à l'anglaise, ou ``None``.

    >>> lire_nombre(" 45,50 ")
    45.5
    >>> lire_nombre("1 234,5")
    1234.5
    >>> lire_nombre("abc") is None
    True
    """
    propre = texte.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if propre.count(",") == 1 and "." not in propre:
        propre = propre.replace(",", ".")
    try:
        nombre = float(propre)
    except ValueError:
        return None
    return nombre if math.isfinite(nombre) else None


@dataclass
class _Ligne:
    """Accès aux cellules d'une ligne par nom de colonne du schéma."""

    table: Table
    numero: int
    cellules: list[str]
    index: dict[str, int]
    problemes: list[Probleme]
    facultatives: frozenset[str] = frozenset()

    def __getitem__(self, colonne: str) -> str:
        i = self.index.get(colonne)
        if i is None or i >= len(self.cellules):
            return ""
        valeur = self.cellules[i].strip()
        # Une fin de ligne n'a de sens que dans un texte libre : ailleurs (id, nom, pays…), une espace.
        if colonne not in _TEXTES_LIBRES and ("\n" in valeur or "\r" in valeur):
            valeur = _FINS_DE_LIGNE.sub(" ", valeur)
        return valeur

    def signaler(self, colonne: str, message: str, suggestion: str | None = None) -> None:
        self.problemes.append(
            Probleme(self.table.fichier, self.numero, colonne, self[colonne], message, suggestion)
        )

    def formule(self, colonne: str) -> str | None:
        """La formule de la cellule si c'est une formule sans valeur calculée (classeur), sinon ``None``."""
        i = self.index.get(colonne)
        return None if i is None else self.table.formules.get((self.numero, i))

    def obligatoire(self, colonne: str) -> str:
        valeur = self[colonne]
        if not valeur and colonne in self.index and colonne not in self.facultatives:
            formule = self.formule(colonne)
            if formule:
                self.signaler(colonne, f"formule « {formule} » sans valeur calculée — {_RECALCULER}")
            else:
                self.signaler(colonne, f"valeur obligatoire manquante pour « {colonne} »")
        return valeur

    def vocabulaire(self, colonne: str, vocabulaire: tuple[str, ...], inconnu: str) -> str:
        """Valeur normalisée du vocabulaire ; ``inconnu`` est le message, avec ``{}`` pour la valeur."""
        valeur = self.obligatoire(colonne)
        if not valeur:
            return ""
        normal = normaliser_vocabulaire(valeur, vocabulaire)
        if normal is None:
            self.signaler(
                colonne,
                f"{inconnu.format(valeur)} — valeurs possibles : {', '.join(vocabulaire)}",
                suggerer(cle(valeur), vocabulaire),
            )
            return ""
        return normal

    def nombre(self, colonne: str, minimum: float, maximum: float, attendu: str) -> float | None:
        valeur = self[colonne]
        if not valeur:
            return None
        nombre = lire_nombre(valeur)
        if nombre is None or not minimum <= nombre <= maximum:
            self.signaler(colonne, f"« {valeur} » invalide — attendu {attendu}")
            return None
        return nombre


@dataclass
class Resultat:
    """Enregistrements normalisés, problèmes bloquants et avertissements."""

    organisations: list[LigneOrganisation] = field(default_factory=list)
    partenariats: list[LignePartenariat] = field(default_factory=list)
    problemes: list[Probleme] = field(default_factory=list)
    avertissements: list[Probleme] = field(default_factory=list)


def _colonnes_manquantes(
    table: Table, alias: dict[str, tuple[str, ...]], obligatoires: tuple[str, ...],
    problemes: list[Probleme], facultatives: frozenset[str] = frozenset(),
) -> dict[str, int]:
    index = associer_entetes(table.entetes, alias)
    inconnus = [e for i, e in enumerate(table.entetes) if i not in index.values() and e]
    lus = table.entetes
    if table.origine:
        inconnus, lus = table.ignorees, table.origine
    for colonne in obligatoires:
        if colonne not in index and colonne not in facultatives:
            proche = suggerer(colonne, [cle(e) for e in inconnus])
            suggestion = next((e for e in inconnus if cle(e) == proche), None)
            problemes.append(Probleme(
                table.fichier, 1, colonne, None,
                f"colonne obligatoire « {colonne} » absente (en-têtes lus : {', '.join(lus)})",
                suggestion,
            ))
    return index


def _organisation(ligne: _Ligne, ref: Referentiel, res: Resultat) -> LigneOrganisation:
    org: dict[str, Any] = {c: ligne[c] for c in ("id", "nom", "sigle", "region", "ville", "site_web", "description", "reference")}
    ligne.obligatoire("id")
    ligne.obligatoire("nom")
    org["type"] = ligne.vocabulaire("type", TYPES_ORGANISATION, "type d'organisation « {} » inconnu")
    org["echelle"] = ligne.vocabulaire("echelle", ECHELLES, "échelle « {} » inconnue")
    pays = ligne.obligatoire("pays")
    org["pays"] = (ref.code_pays(pays) or "") if pays else ""
    if pays and not org["pays"]:
        ligne.signaler(
            "pays", f"pays « {pays} » inconnu — attendu un code ISO à deux lettres (CA, SN, PE…) ou un nom de pays",
            ref.suggerer_pays(pays),
        )
        org["pays"] = ""
    nord_sud = ligne["nord_sud"]
    if nord_sud:
        org["nord_sud"] = normaliser_vocabulaire(nord_sud, NORD_SUD) or ""
        if not org["nord_sud"]:
            ligne.signaler("nord_sud", f"« {nord_sud} » invalide — attendu nord ou sud",
                           suggerer(cle(nord_sud), NORD_SUD))
    else:
        org["nord_sud"] = ref.pays[org["pays"]].nord_sud if org["pays"] in ref.pays else ""
    if ligne["type_source"]:
        org["type_source"] = ligne["type_source"]
    latitude = ligne.nombre("latitude", -90, 90, "une latitude entre -90 et 90 (WGS84)")
    longitude = ligne.nombre("longitude", -180, 180, "une longitude entre -180 et 180 (WGS84)")
    if latitude is not None and longitude is not None:
        # Une précision relue (export de reseau) est gardée : la position venait de la ville ou du pays.
        precision = ligne["precision"] if ligne["precision"] in PRECISIONS else "coordonnees"
        org.update(latitude=latitude, longitude=longitude, precision=precision)
        return cast(LigneOrganisation, org)
    if bool(ligne["latitude"]) != bool(ligne["longitude"]):
        manquante = "longitude" if ligne["latitude"] else "latitude"
        proche = suggerer(manquante, [cle(e) for e in ligne.table.ignorees]) if manquante not in ligne.index else None
        entete = next((e for e in ligne.table.ignorees if cle(e) == proche), None)
        ligne.signaler(manquante, "latitude et longitude vont ensemble — il faut les deux, ou aucune"
                       + (f" (colonne « {entete} » non reconnue : --colonne {manquante}={entete} ?)" if entete else ""))
    position = ref.localiser(org["pays"], org["region"], org["ville"])
    org.update(latitude=position.latitude, longitude=position.longitude, precision=position.precision)
    _avertir_position(ligne.table, ligne.numero, org, position, res)
    return cast(LigneOrganisation, org)


def _annee(ligne: _Ligne, colonne: str) -> int | None:
    nombre = ligne.nombre(colonne, ANNEE_MIN, ANNEE_MAX, f"une année entre {ANNEE_MIN} et {ANNEE_MAX}")
    if nombre is not None and not nombre.is_integer():
        ligne.signaler(colonne, f"« {ligne[colonne]} » invalide — attendu une année entière")
        return None
    return None if nombre is None else int(nombre)


def _partenariat(ligne: _Ligne, ids: dict[str, str], suggestions: Suggestions | None) -> LignePartenariat:
    """Un partenariat ; ``suggestions`` à ``None`` : organisations illisibles, ids non vérifiés (pas de cascade)."""
    lien: dict = {"description": ligne["description"], "reference": ligne["reference"]}
    if ligne["type_source"]:
        lien["type_source"] = ligne["type_source"]
    valeurs = {colonne: ligne.obligatoire(colonne) for colonne in ("source", "cible")}
    boucle = bool(valeurs["source"]) and valeurs["source"].lower() == valeurs["cible"].lower()
    for colonne, valeur in valeurs.items():
        lien[colonne] = ids.get(valeur.lower(), "")
        if valeur and not lien[colonne] and suggestions is not None and not (boucle and colonne == "cible"):
            ligne.signaler(
                colonne, f"organisation « {valeur} » inconnue — attendu l'id d'une organisation",
                suggestions(valeur),
            )
    if boucle:
        ligne.signaler("cible", f"boucle : partenariat de « {valeurs['source']} » avec elle-même — "
                                "source et cible doivent différer")
    lien["type"] = ligne.vocabulaire("type", TYPES_PARTENARIAT, "type de partenariat « {} » inconnu")
    lien["debut"] = _annee(ligne, "debut")
    lien["fin"] = _annee(ligne, "fin")
    if lien["debut"] is not None and lien["fin"] is not None and lien["debut"] > lien["fin"]:
        ligne.signaler("debut", f"début {lien['debut']} postérieur à la fin {lien['fin']}")
    poids = ligne["poids"]
    lien["poids"] = 1.0
    if poids:
        nombre = lire_nombre(poids)
        if nombre is None or nombre <= 0:
            ligne.signaler("poids", f"poids « {poids} » invalide — attendu un nombre strictement positif")
        else:
            lien["poids"] = nombre
    statut = normaliser_vocabulaire(ligne["statut"], STATUTS) if ligne["statut"] else "atteste"
    lien["statut"] = statut or "atteste"
    if statut is None:
        ligne.signaler("statut", f"statut « {ligne['statut']} » inconnu — valeurs possibles : {', '.join(STATUTS)}",
                       suggerer(cle(ligne["statut"]), STATUTS))
    oriente = cle(ligne["oriente"])
    lien["oriente"] = oriente in VRAI
    if oriente not in VRAI | FAUX:
        ligne.signaler("oriente", f"« {ligne['oriente']} » invalide — attendu vrai ou faux")
    return cast(LignePartenariat, lien)


_COLONNES_RAPIDES = ("description", "reference", "type_source", "source", "cible", "type", "debut", "fin", "poids",
                     "statut", "oriente")


class _Rapide:
    """Chemin rapide d'un partenariat sans défaut : mêmes enregistrements que :func:`_partenariat`.

    Au moindre écart (cellule vide obligatoire, valeur inconnue, fin de ligne, boucle…), rend
    ``None`` : la ligne repasse alors par :func:`_partenariat`, qui écrit les messages. Les
    conversions (vocabulaires, années, poids, booléens) sont gardées en mémoire par valeur.
    """

    def __init__(self, index: dict[str, int], ids: dict[str, str]) -> None:
        self.ids = ids
        # Position de chaque colonne lue ; une colonne absente pointe vers une cellule vide ajoutée en fin.
        self.largeur = max(index.values(), default=-1) + 1
        self.absentes = any(c not in index for c in _COLONNES_RAPIDES)
        self.positions = tuple(index.get(c, -1) for c in _COLONNES_RAPIDES)
        self.types: dict[str, str | None] = {}
        self.statuts: dict[str, str | None] = {"": "atteste"}
        self.annees: dict[str, tuple[bool, int | None]] = {"": (True, None)}
        self.poids: dict[str, float | None] = {"": 1.0}
        self.orientes: dict[str, bool | None] = {}

    def _annee(self, texte: str) -> tuple[bool, int | None]:
        nombre = lire_nombre(texte)
        if nombre is None or not ANNEE_MIN <= nombre <= ANNEE_MAX or not nombre.is_integer():
            return False, None
        return True, int(nombre)

    def _poids(self, texte: str) -> float | None:
        nombre = lire_nombre(texte)
        return None if nombre is None or nombre <= 0 else nombre

    def _oriente(self, texte: str) -> bool | None:
        forme = cle(texte)
        return None if forme not in VRAI | FAUX else forme in VRAI

    def __call__(self, cellules: list[str]) -> LignePartenariat | None:
        if len(cellules) < self.largeur:
            return None
        ligne = "".join(cellules)
        if "\n" in ligne or "\r" in ligne:  # plus strict que le chemin complet : repli, jamais d'écart
            return None
        if self.absentes:
            cellules = cellules + [""]
        (i_description, i_reference, i_type_source, i_source, i_cible, i_type, i_debut, i_fin, i_poids, i_statut,
         i_oriente) = self.positions
        source, cible = cellules[i_source].strip(), cellules[i_cible].strip()
        if not source or not cible:
            return None
        id_source, id_cible = self.ids.get(source.lower()), self.ids.get(cible.lower())
        if not id_source or not id_cible or source.lower() == cible.lower():
            return None
        texte = cellules[i_type].strip()
        if texte not in self.types:
            self.types[texte] = normaliser_vocabulaire(texte, TYPES_PARTENARIAT) if texte else None
        type_ = self.types[texte]
        texte = cellules[i_statut].strip()
        if texte not in self.statuts:
            self.statuts[texte] = normaliser_vocabulaire(texte, STATUTS)
        statut = self.statuts[texte]
        annees = self.annees
        texte = cellules[i_debut].strip()
        debut = annees[texte] if texte in annees else annees.setdefault(texte, self._annee(texte))
        texte = cellules[i_fin].strip()
        fin = annees[texte] if texte in annees else annees.setdefault(texte, self._annee(texte))
        texte = cellules[i_poids].strip()
        poids = self.poids[texte] if texte in self.poids else self.poids.setdefault(texte, self._poids(texte))
        texte = cellules[i_oriente].strip()
        oriente = self.orientes[texte] if texte in self.orientes else self.orientes.setdefault(texte, self._oriente(texte))
        if (type_ is None or statut is None or not debut[0] or not fin[0] or poids is None or oriente is None
                or (debut[1] is not None and fin[1] is not None and debut[1] > fin[1])):
            return None
        lien: dict = {"description": cellules[i_description].strip(), "reference": cellules[i_reference].strip()}
        type_source = cellules[i_type_source].strip()
        if type_source:
            lien["type_source"] = type_source
        lien.update(source=id_source, cible=id_cible, type=type_, debut=debut[1], fin=fin[1], poids=poids,
                    statut=statut, oriente=oriente)
        return cast(LignePartenariat, lien)


_NON = object()  # valeur refusée par le chemin rapide
_COLONNES_ORGANISATION = ("id", "nom", "sigle", "region", "ville", "site_web", "description", "reference", "type",
                          "echelle", "pays", "nord_sud", "type_source", "latitude", "longitude", "precision")


def _organisations_en_colonnes(
    orgs: Table, index: dict[str, int], ref: Referentiel, res: Resultat,
) -> Iterator[LigneOrganisation | None] | None:
    """Les organisations sans défaut, colonne par colonne (chaque valeur distincte convertie une fois) :
    pour chaque ligne, dans l'ordre, l'enregistrement de :func:`_organisation`, ou ``None`` pour une
    ligne à repasser par :func:`_organisation` (qui écrit les messages). Les avertissements de
    position (ville ou région inconnue) sont ajoutés à ``res`` au fil des lignes, comme ligne à ligne.

    ``None`` si la table sort du cas simple (colonne obligatoire absente, lignes de longueurs diverses).
    """
    largeur = len(orgs.entetes)
    if (any(c not in index for c in OBLIGATOIRES_ORGANISATIONS) or not orgs.lignes
            or set(map(len, map(_CELLULES, orgs.lignes))) != {largeur} or max(index.values()) >= largeur):
        return None

    def texte(colonne: str) -> Callable[[str], str]:
        def nettoyer(v: str) -> str:
            valeur = v.strip()
            if colonne not in _TEXTES_LIBRES and ("\n" in valeur or "\r" in valeur):
                valeur = _FINS_DE_LIGNE.sub(" ", valeur)
            return valeur
        return nettoyer

    def vocabulaire(colonne: str, mots: tuple[str, ...]) -> Callable[[str], object]:
        def convertir(v: str) -> object:
            valeur = texte(colonne)(v)
            return (normaliser_vocabulaire(valeur, mots) if valeur else None) or _NON
        return convertir

    def pays(v: str) -> object:
        valeur = texte("pays")(v)
        return (ref.code_pays(valeur) if valeur else None) or _NON

    def nord_sud(v: str) -> object:
        valeur = texte("nord_sud")(v)
        return None if not valeur else normaliser_vocabulaire(valeur, NORD_SUD) or _NON

    def coordonnee(colonne: str, borne: float) -> Callable[[str], object]:
        def convertir(v: str) -> object:
            valeur = texte(colonne)(v)
            if not valeur:
                return None
            nombre = lire_nombre(valeur)
            return nombre if nombre is not None and -borne <= nombre <= borne else _NON
        return convertir

    conversions: dict[str, Callable[[str], object]] = {c: texte(c) for c in _COLONNES_ORGANISATION}
    conversions.update(type=vocabulaire("type", TYPES_ORGANISATION), echelle=vocabulaire("echelle", ECHELLES),
                       pays=pays, nord_sud=nord_sud, latitude=coordonnee("latitude", 90),
                       longitude=coordonnee("longitude", 180))
    colonnes: list[Iterable[object]] = []
    for nom in _COLONNES_ORGANISATION:
        if nom not in index:
            colonnes.append(repeat(conversions[nom]("")))
            continue
        valeurs = list(map(itemgetter(index[nom]), map(_CELLULES, orgs.lignes)))
        table = {v: conversions[nom](v) for v in set(valeurs)}
        colonnes.append(map(table.__getitem__, valeurs))
    return _assembler_organisations(orgs, ref, res, zip(orgs.lignes, *colonnes))


def _assembler_organisations(orgs: Table, ref: Referentiel, res: Resultat,
                             lignes: Iterator[tuple]) -> Iterator[LigneOrganisation | None]:
    """Suite de :func:`_organisations_en_colonnes` : une ligne à la fois, à la demande (les avertissements
    de position arrivent ainsi dans l'ordre des lignes, entre ceux des lignes repassées)."""
    positions: dict[tuple[str, str, str], Position] = {}
    for ((numero, _), id_, nom, sigle, region, ville, site_web, description, reference, type_, echelle, pays,
         nord_sud, type_source, latitude, longitude, precision) in lignes:
        if (not id_ or not nom or type_ is _NON or echelle is _NON or pays is _NON or nord_sud is _NON
                or latitude is _NON or longitude is _NON or (latitude is None) != (longitude is None)):
            yield None
            continue
        org: dict[str, Any] = {"id": id_, "nom": nom, "sigle": sigle, "region": region, "ville": ville,
                               "site_web": site_web, "description": description, "reference": reference,
                               "type": type_, "echelle": echelle, "pays": pays,
                               "nord_sud": nord_sud if nord_sud is not None else ref.pays[pays].nord_sud
                               if pays in ref.pays else ""}
        if type_source:
            org["type_source"] = type_source
        if latitude is not None:
            org.update(latitude=latitude, longitude=longitude,
                       precision=precision if precision in PRECISIONS else "coordonnees")
            yield cast(LigneOrganisation, org)
            continue
        cle_position = (pays, region, ville)
        position = positions.get(cle_position)
        if position is None:
            position = positions[cle_position] = ref.localiser(pays, region, ville)
        org.update(latitude=position.latitude, longitude=position.longitude, precision=position.precision)
        _avertir_position(orgs, numero, org, position, res)
        yield cast(LigneOrganisation, org)


def _avertir_position(table: Table, numero: int, org: dict[str, Any], position: Position, res: Resultat) -> None:
    """Ville ou région inconnue du répertoire : position déduite de moins près (avertissement)."""
    if org["pays"] and org["ville"] and position.precision != "ville":
        deduit = "de la région" if position.precision == "region" else "du pays"
        res.avertissements.append(Probleme(
            table.fichier, numero, "ville", org["ville"],
            f"ville « {org['ville']} » inconnue du répertoire de lieux : position déduite {deduit} — "
            "ajoutez les colonnes latitude et longitude, ou une ville connue (nom usuel, sans abréviation)",
        ))
    elif org["pays"] and org["region"] and not org["ville"] and position.precision == "pays":
        res.avertissements.append(Probleme(
            table.fichier, numero, "region", org["region"],
            f"région « {org['region']} » inconnue du répertoire de lieux : position déduite du pays (sa capitale) — "
            "ajoutez les colonnes latitude et longitude, une ville connue, ou le nom de la province, de l'État "
            "ou de la région",
        ))


def _partenariats_en_colonnes(
    liens: Table, court: _Rapide, index: dict[str, int], ids: dict[str, str], suggestions: Suggestions | None,
    res: Resultat,
) -> bool:
    """Le chemin rapide de :class:`_Rapide`, colonne par colonne : chaque valeur distincte d'une colonne
    est convertie une fois, puis chaque ligne assemble ses valeurs converties. Une ligne refusée passe
    par :func:`_partenariat` (à sa place : mêmes enregistrements, mêmes messages, même ordre).

    Rend ``False`` sans rien toucher si la table sort du cas simple (lignes de longueurs diverses,
    fin de ligne dans une cellule) : la boucle ligne à ligne fait alors le travail.
    """
    lignes = liens.lignes
    largeur = len(liens.entetes)
    if not lignes or set(map(len, map(_CELLULES, lignes))) != {largeur} or court.largeur > largeur:
        return False

    def ident(v: str) -> object:
        propre = v.strip()
        return ids.get(propre.lower()) or _NON if propre else _NON

    def statut(v: str) -> object:
        texte = v.strip()
        if texte not in court.statuts:
            court.statuts[texte] = normaliser_vocabulaire(texte, STATUTS)
        return _NON if court.statuts[texte] is None else court.statuts[texte]

    def type_(v: str) -> object:
        texte = v.strip()
        normal = normaliser_vocabulaire(texte, TYPES_PARTENARIAT) if texte else None
        return _NON if normal is None else normal

    def annee(v: str) -> object:
        texte = v.strip()
        ok, valeur = court.annees[texte] if texte in court.annees else court.annees.setdefault(texte, court._annee(texte))
        return valeur if ok else _NON

    def poids(v: str) -> object:
        texte = v.strip()
        valeur = court.poids[texte] if texte in court.poids else court.poids.setdefault(texte, court._poids(texte))
        return _NON if valeur is None else valeur

    def oriente(v: str) -> object:
        valeur = court._oriente(v.strip())
        return _NON if valeur is None else valeur

    conversions: dict[str, Callable[[str], object]] = {
        "source": ident, "cible": ident, "type": type_, "debut": annee, "fin": annee, "poids": poids, "statut": statut,
        "oriente": oriente, "description": str.strip, "reference": str.strip, "type_source": str.strip,
    }
    tables: dict[str, dict[str, object]] = {}
    for nom, i in zip(_COLONNES_RAPIDES, court.positions):
        if i >= 0:
            distinctes = set(map(itemgetter(i), map(_CELLULES, lignes)))
            ensemble = "".join(distinctes)
            if "\n" in ensemble or "\r" in ensemble:
                return False
            tables[nom] = {v: conversions[nom](v) for v in distinctes}
    # Valeurs converties lues à la demande, ligne après ligne (pas de colonne entière en mémoire) ;
    # une colonne absente donne une cellule vide sur chaque ligne.
    converties = {nom: repeat(conversions[nom]("")) if i < 0 else
                  map(tables[nom].__getitem__, map(itemgetter(i), map(_CELLULES, lignes)))
                  for nom, i in zip(_COLONNES_RAPIDES, court.positions)}
    ajouter = cast(Callable[[Any], None], res.partenariats.append)  # des LignePartenariat
    # Chaque ligne lue est lâchée dès son enregistrement fait (consommer) : les lignes et les
    # enregistrements ne sont jamais en mémoire en entier ensemble.
    # consommer en dernier : zip lit la ligne k dans chaque colonne avant de la lâcher.
    for description, reference, type_source, source, cible, type_, debut, fin, poids_, statut_, oriente_, \
            (numero, cellules) in zip(*(converties[nom] for nom in _COLONNES_RAPIDES), consommer(lignes)):
        if (source is _NON or cible is _NON or source == cible or type_ is _NON or debut is _NON or fin is _NON
                or poids_ is _NON or statut_ is _NON or oriente_ is _NON
                or (debut is not None and fin is not None and debut > fin)):
            ajouter(_partenariat(_Ligne(liens, numero, cellules, index, res.problemes), ids, suggestions))
        elif type_source:
            ajouter({"description": description, "reference": reference, "type_source": type_source, "source": source,
                     "cible": cible, "type": type_, "debut": debut, "fin": fin, "poids": poids_, "statut": statut_,
                     "oriente": oriente_})
        else:
            ajouter({"description": description, "reference": reference, "source": source, "cible": cible,
                     "type": type_, "debut": debut, "fin": fin, "poids": poids_, "statut": statut_, "oriente": oriente_})
    liens.lignes = []
    return True


_CELLULES = itemgetter(1)  # (numéro, cellules) → cellules


def _formules_ignorees(table: Table, alias: dict[str, tuple[str, ...]], obligatoires: tuple[str, ...],
                       res: Resultat) -> None:
    """Avertit des formules sans valeur calculée hors colonnes obligatoires (celles-là sont des problèmes)."""
    colonnes = {i: c for c, i in associer_entetes(table.entetes, alias).items()}
    lues = {numero for numero, _ in table.lignes}
    for (numero, i), formule in sorted(table.formules.items()):
        colonne = colonnes.get(i)
        if numero in lues and colonne not in obligatoires:
            res.avertissements.append(Probleme(
                table.fichier, numero, colonne or (table.entetes[i] if i < len(table.entetes) else None), formule,
                f"formule « {formule} » sans valeur calculée : cellule lue vide — {_RECALCULER}",
            ))


def valider_tables(
    tables: dict[str, Table], ref: Referentiel, facultatives: frozenset[str] = frozenset(), rapide: bool = True,
) -> Resultat:
    """Normalise et valide les tables ; rend tout ce qui a été trouvé.

    ``facultatives`` : colonnes obligatoires du contrat tolérées vides (pays d'un graphe…).
    ``rapide`` : les partenariats sans défaut passent par un chemin court (mêmes résultats ; à
    ``False``, chaque ligne passe par le chemin complet — sert aux tests d'égalité).
    """
    res = Resultat()
    for table in tables.values():
        res.avertissements.extend(table.avertissements)
    ids: dict[str, str] = {}
    ids_lisibles = False
    lignes_org: dict[str, int] = {}
    orgs = tables.get("organisations")
    if orgs is not None:
        index = _colonnes_manquantes(orgs, ALIAS_ORGANISATIONS, OBLIGATOIRES_ORGANISATIONS, res.problemes,
                                     facultatives)
        ids_lisibles = "id" in index
        en_colonnes = _organisations_en_colonnes(orgs, index, ref, res) if rapide and not facultatives else None
        for (numero, cellules), org_rapide in zip(orgs.lignes, en_colonnes or repeat(None)):
            org = (_organisation(_Ligne(orgs, numero, cellules, index, res.problemes, facultatives), ref, res)
                   if org_rapide is None else org_rapide)
            identifiant = org["id"]
            minuscule = identifiant.lower()
            if minuscule in ids:
                _Ligne(orgs, numero, cellules, index, res.problemes, facultatives).signaler(
                    "id", f"identifiant « {identifiant} » en double (déjà ligne {lignes_org[minuscule]})")
                continue
            if identifiant:
                ids[minuscule] = identifiant
                lignes_org[minuscule] = numero
                res.organisations.append(org)
        if not orgs.lignes:
            res.problemes.append(Probleme(orgs.fichier, None, None, None, "aucune organisation (seulement l'en-tête)"))
    liens = tables.get("partenariats")
    relies: set[str] = set()
    if liens is not None:
        index = _colonnes_manquantes(liens, ALIAS_PARTENARIATS, OBLIGATOIRES_PARTENARIATS, res.problemes)
        suggestions = Suggestions(list(ids.values())) if ids_lisibles else None
        court = _Rapide(index, ids) if rapide and ids_lisibles and not liens.formules else None
        lignes_restantes: Iterable[tuple[int, list[str]]]
        if court is not None and _partenariats_en_colonnes(liens, court, index, ids, suggestions, res):
            lignes_restantes = []
        else:
            lignes_restantes = liens.lignes if liens.formules else consommer(liens.lignes)
        # Sans formule à signaler ensuite, les lignes lues sont lâchées au fil de la validation.
        for numero, cellules in lignes_restantes:
            lien_rapide = court(cellules) if court is not None else None
            if lien_rapide is None:
                lien = _partenariat(_Ligne(liens, numero, cellules, index, res.problemes), ids, suggestions)
            else:
                lien = lien_rapide
            res.partenariats.append(lien)
        relies.update(map(itemgetter("source"), res.partenariats))
        relies.update(map(itemgetter("cible"), res.partenariats))
    for lue, alias, obligatoires in ((orgs, ALIAS_ORGANISATIONS, OBLIGATOIRES_ORGANISATIONS),
                                     (liens, ALIAS_PARTENARIATS, OBLIGATOIRES_PARTENARIATS)):
        if lue is not None and lue.formules:
            _formules_ignorees(lue, alias, obligatoires, res)
    if orgs is not None and liens is not None:
        for org in res.organisations:
            if org["id"] not in relies:
                res.avertissements.append(Probleme(
                    orgs.fichier, lignes_org[org["id"].lower()], "id", org["id"],
                    f"organisation « {org['id']} » sans partenariat",
                ))
    return res
