"""Tables de référence : pays (codes ISO, noms, Nord/Sud) et lieux (coordonnées).

Les noms et codes des pays viennent de la bibliothèque ``pycountry`` (ISO 3166-1 et ses
traductions fr, en, es, pt) ; ``pays.csv`` ne garde que ce qu'elle n'a pas : Nord/Sud et sa
source, continent, centroïde, et les noms des codes qu'elle ignore (``XK``, Kosovo).
Le répertoire de lieux : ``lieux.csv`` du jeu de référence d'abord, puis le répertoire embarqué
(``lieux/`` : villes GeoNames avec leurs noms alternatifs, subdivisions ISO 3166-2, régions
administratives du Québec, capitales ; fabriqué par ``outils/fabriquer_lieux.py``), lu au
premier besoin seulement. Recherche sans souci d'accents ni de casse.
"""

from __future__ import annotations

import csv
import functools
import gettext
import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from .schema import cle, suggerer

_ICI = Path(__file__).resolve().parent
LANGUES_PAYS: tuple[str, ...] = ("fr", "en", "es", "pt")
REPERTOIRE = _ICI / "lieux"

# Noms usuels que la bibliothèque n'a pas (anciens noms, nations du Royaume-Uni, abréviations).
_ALIAS_PAYS = {
    "usa": "US", "etats_unis_d_amerique": "US", "united_states_of_america": "US", "eeuu": "US",
    "uk": "GB", "royaume_uni": "GB", "grande_bretagne": "GB", "angleterre": "GB", "england": "GB",
    "scotland": "GB", "ecosse": "GB", "wales": "GB", "pays_de_galles": "GB", "great_britain": "GB",
    "northern_ireland": "GB", "britain": "GB",
    "turkey": "TR", "turquia": "TR", "coree_du_sud": "KR", "south_korea": "KR", "north_korea": "KP",
    "russie": "RU", "russia": "RU", "bolivie": "BO", "bolivia": "BO", "venezuela": "VE",
    "vietnam": "VN", "viet_nam": "VN", "republique_dominicaine": "DO", "iran": "IR", "syria": "SY",
    "syrie": "SY", "laos": "LA", "tanzania": "TZ", "tanzanie": "TZ", "moldova": "MD",
    "cote_d_ivoire": "CI", "ivory_coast": "CI", "czech_republic": "CZ", "holland": "NL",
    "biélorussie": "BY", "bielorussie": "BY", "swaziland": "SZ", "ile_maurice": "MU",
    "cap_vert": "CV", "cape_verde": "CV", "brunei": "BN", "macedonia": "MK", "burma": "MM",
    "dr_congo": "CD", "drc": "CD", "rdc": "CD", "congo_brazzaville": "CG", "congo_kinshasa": "CD",
    "palestine": "PS", "vatican": "VA", "taiwan": "TW", "micronesia": "FM",
}
# Mots sans valeur pour distinguer un pays (« République de », « the »…).
MOTS_VIDES = frozenset({
    "republic", "republique", "republica", "of", "the", "de", "du", "des", "la", "le", "les", "l",
    "d", "del", "da", "do", "dos", "y", "and", "et", "e", "state", "etat", "estado", "kingdom",
    "royaume", "reino", "federal", "federale", "islands", "iles", "islas", "ilhas", "plurinational",
    "plurinacional", "bolivarian", "bolivarienne", "bolivariana", "people", "s", "popular",
    "populaire", "commonwealth", "federation", "federacion", "federacao", "union", "united",
})


def forme_sans_mots_vides(texte: str) -> str:
    """Forme de comparaison d'un nom de pays sans les mots vides.

    >>> forme_sans_mots_vides("Republic of Ireland"), forme_sans_mots_vides("Congo Republic")
    ('ireland', 'congo')
    >>> forme_sans_mots_vides("Congo, The Democratic Republic of the")
    'congo_democratic'
    """
    return "_".join(sorted({m for m in cle(texte).split("_") if m and m not in MOTS_VIDES}))


def dossier_reference() -> Path:
    """Le dossier du jeu de référence : livré dans le paquet, ou ``donnees/`` du dépôt."""
    for candidat in (_ICI.parent / "donnees", _ICI.parent.parent / "donnees"):
        if (candidat / "pays.csv").is_file():
            return candidat
    raise FileNotFoundError("jeu de référence introuvable (pays.csv absent)")


@dataclass(frozen=True)
class Pays:
    """Un pays : noms (bibliothèque, sinon ``pays.csv``), continent, Nord/Sud, centroïde."""

    code: str
    nom_fr: str
    nom_en: str
    nom_es: str
    continent: str
    nord_sud: str
    latitude: float
    longitude: float
    nom_pt: str = ""
    alpha_3: str = ""
    source_nord_sud: str = ""

    def nom(self, langue: str = "fr") -> str:
        """Le nom du pays dans la langue demandée (fr, en, es, pt)."""
        return {"en": self.nom_en, "es": self.nom_es, "pt": self.nom_pt or self.nom_en}.get(langue, self.nom_fr)


def _traductions() -> dict[str, gettext.NullTranslations]:
    import pycountry

    return {
        langue: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[langue], fallback=True)
        for langue in LANGUES_PAYS if langue != "en"
    }


# Nom inversé à la manière de l'ISO 3166 (« Russie, Fédération de ») : ce qui suit la virgule se
# termine par une préposition, ou n'est qu'un « Île(s) ».
_INVERSE = re.compile(r"^(?P<nom>[^,]+), (?P<avant>(?:.+ )?(?:de|del|de la|da|do|des|du|of|of the)|.+ d['’]|Île|Îles|Islas)$")


def ordre_naturel(nom: str) -> str:
    """Le nom d'un pays dans l'ordre où on le dit (l'ISO 3166 l'inverse pour le classer).

    >>> ordre_naturel("Russie, Fédération de"), ordre_naturel("Congo, The Democratic Republic of the")
    ('Fédération de Russie', 'The Democratic Republic of the Congo')
    >>> ordre_naturel("Salomon, Îles"), ordre_naturel("Bonaire, Saint-Eustache et Saba")
    ('Îles Salomon', 'Bonaire, Saint-Eustache et Saba')
    """
    trouve = _INVERSE.match(nom)
    if not trouve:
        return nom
    avant = trouve["avant"]
    return f"{avant}{trouve['nom']}" if avant.endswith(("'", "’")) else f"{avant} {trouve['nom']}"


def _bibliotheque() -> dict[str, tuple[str, list[str], dict[str, str]]]:
    """Par code alpha-2 : (alpha-3, tous les noms connus, nom usuel par langue)."""
    import pycountry

    traductions = _traductions()
    resultat = {}
    for pays in pycountry.countries:
        anglais = [n for n in (getattr(pays, "common_name", None), pays.name, getattr(pays, "official_name", None)) if n]
        noms = list(anglais)
        usuels = {"en": ordre_naturel(anglais[0])}
        for langue, traduction in traductions.items():
            traduits = [traduction.gettext(n) for n in anglais]
            usuels[langue] = ordre_naturel(traduits[0])
            noms.extend(traduits)
        noms.extend(usuels.values())
        resultat[pays.alpha_2] = (pays.alpha_3, noms, usuels)
    return resultat

@dataclass(frozen=True)
class Position:
    """Coordonnées retenues et leur précision (``coordonnees``, ``ville``, ``region``, ``pays``)."""

    latitude: float | None
    longitude: float | None
    precision: str | None


def _lire_csv(chemin: Path) -> list[dict[str, str]]:
    with chemin.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Referentiel:
    """Pays et lieux connus, avec recherche tolérante (casse, accents, langues)."""

    def __init__(self, dossier: Path) -> None:
        self.pays: dict[str, Pays] = {}
        self._codes_par_nom: dict[str, str] = {}
        self._codes_sans_mots_vides: dict[str, str | None] = {}
        bibliotheque = _bibliotheque()
        for ligne in _lire_csv(dossier / "pays.csv"):
            code = ligne["code"]
            alpha_3, noms, usuels = bibliotheque.get(code, ("", [], {}))
            pays = Pays(
                code=code, nom_fr=usuels.get("fr") or ligne.get("nom_fr") or code,
                nom_en=usuels.get("en") or ligne.get("nom_en") or code,
                nom_es=usuels.get("es") or ligne.get("nom_es") or code,
                nom_pt=usuels.get("pt") or ligne.get("nom_pt") or ligne.get("nom_en") or code,
                continent=ligne["continent"], nord_sud=ligne["nord_sud"],
                latitude=float(ligne["latitude"]), longitude=float(ligne["longitude"]),
                alpha_3=alpha_3, source_nord_sud=ligne.get("source_nord_sud", ""),
            )
            self.pays[code] = pays
            if alpha_3:
                self._codes_par_nom.setdefault(alpha_3.lower(), code)
            for nom in (*noms, ligne.get("nom_fr", ""), ligne.get("nom_en", ""), ligne.get("nom_es", "")):
                if nom:
                    self._retenir(nom, code)
        for alias, code in _ALIAS_PAYS.items():
            if code in self.pays:
                self._codes_par_nom.setdefault(cle(alias), code)
        self._lieux: dict[tuple[str, str, str], tuple[float, float]] = {}
        for ligne in _lire_csv(dossier / "lieux.csv"):
            clef = (ligne["pays"], cle(ligne["nom"]), ligne["type"])
            self._lieux.setdefault(clef, (float(ligne["latitude"]), float(ligne["longitude"])))

    def _retenir(self, nom: str, code: str) -> None:
        self._codes_par_nom.setdefault(cle(nom), code)
        court = forme_sans_mots_vides(nom)
        if court and self._codes_sans_mots_vides.get(court, code) != code:
            self._codes_sans_mots_vides[court] = None  # ambigu : ne désigne aucun pays
        else:
            self._codes_sans_mots_vides[court] = code

    def code_pays(self, valeur: str) -> str | None:
        """Le code ISO 3166-1 alpha-2 désigné par un code (alpha-2 ou alpha-3, casse libre) ou un
        nom (fr, en, es, pt ; « Republic of Ireland » comme « Ireland »), ou ``None``.

        >>> ref = referentiel()
        >>> [ref.code_pays(v) for v in ("sn", "PER", "Turkey", "Czech Republic", "Congo Republic", "Alemanha")]
        ['SN', 'PE', 'TR', 'CZ', 'CG', 'DE']
        """
        brut = valeur.strip()
        if brut.upper() in self.pays:
            return brut.upper()
        forme = cle(brut)
        trouve = self._codes_par_nom.get(forme)
        if trouve is None:
            trouve = self._codes_sans_mots_vides.get(forme_sans_mots_vides(brut))
        return trouve

    def suggerer_pays(self, valeur: str) -> str | None:
        """Le nom du pays connu le plus proche de ``valeur`` (distance sur le nom sans mots vides).

        >>> referentiel().suggerer_pays("Senegl")
        'Sénégal'
        """
        court = forme_sans_mots_vides(valeur)
        if not court:
            return None
        connus = [f for f, code in self._codes_sans_mots_vides.items() if code]
        proche = suggerer(court, connus)
        code = self._codes_sans_mots_vides.get(proche) if proche else None
        return self.pays[code].nom_fr if code else None

    def cherche_lieu(self, pays: str, nom: str, type_lieu: str) -> tuple[float, float] | None:
        """Les coordonnées d'une ville ou d'une région de ``lieux.csv``."""
        return self._lieux.get((pays, cle(nom), type_lieu))

    def localiser(self, pays: str, region: str = "", ville: str = "") -> Position:
        """La position la plus précise connue : ville, sinon région ou subdivision, sinon le pays.

        Le point d'un pays est sa capitale (un lieu habité, pas son centre géométrique).
        """
        if ville:
            trouve = self.cherche_lieu(pays, ville, "ville") or repertoire().ville(pays, ville)
            if trouve:
                return Position(*trouve, "ville")
        if region:
            trouve = (self.cherche_lieu(pays, region, "region") or self.cherche_lieu(pays, region, "ville")
                      or repertoire().subdivision(pays, region) or repertoire().ville(pays, region))
            if trouve:
                return Position(*trouve, "region")
        if pays in self.pays:
            capitale = repertoire().capitale(pays)
            if capitale:
                return Position(*capitale, "pays")
            return Position(self.pays[pays].latitude, self.pays[pays].longitude, "pays")
        return Position(None, None, None)


class Repertoire:
    """Le répertoire de lieux embarqué : villes, subdivisions, capitales, par (pays, clé du nom).

    Chaque table est lue à sa première consultation : les capitales et subdivisions (≈ 100 Ko)
    tout de suite, les villes (34 000, 1,4 Mo compressés) seulement quand une ville manque à
    ``lieux.csv``.
    """

    def __init__(self, dossier: Path = REPERTOIRE) -> None:
        self.dossier = dossier

    @functools.cached_property
    def _villes(self) -> dict[tuple[str, str], tuple[float, float]]:
        villes: dict[tuple[str, str], tuple[float, float]] = {}
        with gzip.open(self.dossier / "villes.csv.gz", "rt", encoding="utf-8", newline="") as f:
            for ligne in csv.DictReader(f):  # du plus peuplé au moins peuplé : le premier nom gagne
                point = (float(ligne["latitude"]), float(ligne["longitude"]))
                for k in (cle(ligne["nom"]), *ligne["cles"].split("|")):
                    if k:
                        villes.setdefault((ligne["pays"], k), point)
        return villes

    @functools.cached_property
    def _subdivisions(self) -> dict[tuple[str, str], tuple[float, float]]:
        subdivisions: dict[tuple[str, str], tuple[float, float]] = {}
        for ligne in _lire_csv(self.dossier / "subdivisions.csv"):
            point = (float(ligne["latitude"]), float(ligne["longitude"]))
            suffixe = ligne["code"].split("-")[-1]  # « QC » pour CA-QC (pas les numéros : QC-02)
            for k in (cle(ligne["nom"]), cle(ligne["code"]), "" if suffixe.isdigit() else cle(suffixe),
                      *ligne["cles"].split("|")):
                if k:
                    subdivisions.setdefault((ligne["pays"], k), point)
        return subdivisions

    @functools.cached_property
    def _capitales(self) -> dict[str, tuple[float, float]]:
        return {ligne["pays"]: (float(ligne["latitude"]), float(ligne["longitude"]))
                for ligne in _lire_csv(self.dossier / "capitales.csv")}

    def ville(self, pays: str, nom: str) -> tuple[float, float] | None:
        """Une ville GeoNames de ``pays`` par l'un de ses noms (la plus peuplée en cas d'homonymie)."""
        return self._villes.get((pays, cle(nom)))

    def subdivision(self, pays: str, nom: str) -> tuple[float, float] | None:
        """Le point habité d'une subdivision (province, État, région ; région administrative du Québec)."""
        return self._subdivisions.get((pays, cle(nom)))

    def capitale(self, pays: str) -> tuple[float, float] | None:
        """Le point de la capitale du pays."""
        return self._capitales.get(pays)


@functools.cache
def repertoire() -> Repertoire:
    """Le répertoire embarqué (chaque table lue au premier besoin, puis gardée).

    >>> r = repertoire()
    >>> r.ville("GB", "manchester") is not None and r.ville("ca", "rimouski") is None
    True
    >>> lat, lon = r.subdivision("CA", "Bas-Saint-Laurent"); round(lat), round(lon)  # Rimouski
    (48, -69)
    """
    return Repertoire()


@functools.cache
def referentiel() -> Referentiel:
    """Le référentiel du jeu de référence (lu une fois)."""
    return Referentiel(dossier_reference())


def nom_pays(code: str, langue: str = "fr") -> str:
    """Le nom d'un pays dans la langue voulue (le code s'il est inconnu).

    >>> nom_pays("SN"), nom_pays("SN", "en"), nom_pays("??")
    ('Sénégal', 'Senegal', '??')
    """
    pays = referentiel().pays.get(code)
    return pays.nom(langue) if pays else code
