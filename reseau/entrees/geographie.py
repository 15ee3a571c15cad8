"""Tables de référence : pays (codes ISO, noms, Nord/Sud) et lieux (coordonnées)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from .schema import cle, suggerer

_ICI = Path(__file__).resolve().parent

# Noms usuels absents des noms officiels de la table.
_ALIAS_PAYS = {
    "usa": "US", "etats_unis_d_amerique": "US", "united_states_of_america": "US",
    "uk": "GB", "royaume_uni": "GB", "grande_bretagne": "GB", "angleterre": "GB",
    "coree_du_sud": "KR", "russie": "RU", "bolivie": "BO", "venezuela": "VE",
    "vietnam": "VN", "viet_nam": "VN", "republique_dominicaine": "DO",
    "cote_d_ivoire": "CI", "ivory_coast": "CI",
}


def dossier_reference() -> Path:
    """Le dossier du jeu de référence : livré dans le paquet, ou ``donnees/`` du dépôt."""
    for candidat in (_ICI.parent / "donnees", _ICI.parent.parent / "donnees"):
        if (candidat / "pays.csv").is_file():
            return candidat
    raise FileNotFoundError("jeu de référence introuvable (pays.csv absent)")


@dataclass(frozen=True)
class Pays:
    """Une ligne de ``pays.csv``."""

    code: str
    nom_fr: str
    nom_en: str
    nom_es: str
    continent: str
    nord_sud: str
    latitude: float
    longitude: float

    def nom(self, langue: str = "fr") -> str:
        """Le nom du pays dans la langue demandée (fr, en, es ; pt : le nom espagnol, le plus proche)."""
        return {"en": self.nom_en, "es": self.nom_es, "pt": self.nom_es}.get(langue, self.nom_fr)


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
        for ligne in _lire_csv(dossier / "pays.csv"):
            pays = Pays(
                code=ligne["code"], nom_fr=ligne["nom_fr"], nom_en=ligne["nom_en"],
                nom_es=ligne["nom_es"], continent=ligne["continent"],
                nord_sud=ligne["nord_sud"], latitude=float(ligne["latitude"]),
                longitude=float(ligne["longitude"]),
            )
            self.pays[pays.code] = pays
            for nom in (pays.nom_fr, pays.nom_en, pays.nom_es):
                self._codes_par_nom.setdefault(cle(nom), pays.code)
        for alias, code in _ALIAS_PAYS.items():
            if code in self.pays:
                self._codes_par_nom.setdefault(alias, code)
        self._lieux: dict[tuple[str, str, str], tuple[float, float]] = {}
        for ligne in _lire_csv(dossier / "lieux.csv"):
            clef = (ligne["pays"], cle(ligne["nom"]), ligne["type"])
            self._lieux.setdefault(clef, (float(ligne["latitude"]), float(ligne["longitude"])))

    def code_pays(self, valeur: str) -> str | None:
        """Le code ISO désigné par un code ou un nom (fr, en, es), ou ``None``."""
        brut = valeur.strip()
        if brut.upper() in self.pays:
            return brut.upper()
        return self._codes_par_nom.get(cle(brut))

    def suggerer_pays(self, valeur: str) -> str | None:
        """Le nom de pays connu le plus proche de ``valeur``."""
        proche = suggerer(cle(valeur), list(self._codes_par_nom))
        return self.pays[self._codes_par_nom[proche]].nom_fr if proche else None

    def cherche_lieu(self, pays: str, nom: str, type_lieu: str) -> tuple[float, float] | None:
        """Les coordonnées d'une ville ou d'une région de ``lieux.csv``."""
        return self._lieux.get((pays, cle(nom), type_lieu))

    def localiser(self, pays: str, region: str = "", ville: str = "") -> Position:
        """La position la plus précise connue : ville, sinon région, sinon pays."""
        if ville:
            trouve = self.cherche_lieu(pays, ville, "ville")
            if trouve:
                return Position(*trouve, "ville")
        if region:
            trouve = self.cherche_lieu(pays, region, "region") or self.cherche_lieu(
                pays, region, "ville"
            )
            if trouve:
                return Position(*trouve, "region")
        if pays in self.pays:
            return Position(self.pays[pays].latitude, self.pays[pays].longitude, "pays")
        return Position(None, None, None)


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
