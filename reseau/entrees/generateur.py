"""Réseaux synthétiques multi-échelles, reproductibles, pour les essais de taille.

Structure imitée des réseaux de l'ESS : des pays du Nord et du Sud découpés en régions ;
dans chaque région une majorité d'organisations locales et des pôles régionaux ; des
réseaux nationaux par pays ; quelques réseaux internationaux. Les partenariats sont
surtout locaux (même région) et verticaux (adhésion locale → régionale → nationale →
internationale), avec quelques liens entre régions d'un pays, Nord-Sud et Sud-Sud. Les
extrémités sont tirées par attachement préférentiel modéré (une fois sur deux
proportionnellement aux liens déjà reçus), d'où des degrés hétérogènes. Tout dépend de
la seule graine : mêmes paramètres, mêmes fichiers, octet pour octet. Coût linéaire
en ``n + m``.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._fichiers import ecrire_atomique, en_csv
from ..erreurs import ParametreInvalide
from .geographie import referentiel
from .lecture import texte_cellule
from .schema import COLONNES_ORGANISATIONS, COLONNES_PARTENARIATS, ECHELLES

N_MIN = 20
ANNEE_FIN = 2024  # dernière année des partenariats générés
PART_ADHESIONS = 0.2  # part des partenariats qui sont des adhésions verticales
PART_REGIONS_MAL_RELIEES = 0.1
TAUX_ISOLEMENT = (0.005, 0.08)  # part des organisations locales sans partenariat : région ordinaire, mal reliée

# Pays où des réseaux de l'ESS sont actifs (RIPESS et ses réseaux continentaux) : on y tire
# les pays du réseau synthétique (plutôt que parmi tous, micro-États et îles compris).
PAYS_ESS: tuple[str, ...] = (
    "CA", "US", "FR", "BE", "ES", "IT", "PT", "DE", "LU", "GR", "CH", "GB", "IE", "NL", "SE", "FI", "AT",
    "PL", "RO", "HU", "CZ", "DK", "NO", "JP", "KR", "AU", "NZ", "BR", "PE", "BO", "MX", "AR", "CO", "EC",
    "CL", "UY", "NI", "CR", "GT", "HN", "SV", "PY", "CU", "DO", "HT", "SN", "ML", "BF", "CI", "CM", "MA",
    "TN", "NE", "TG", "BJ", "GN", "MR", "CD", "CG", "GA", "RW", "KE", "UG", "TZ", "ZA", "MZ", "MG", "DZ",
    "EG", "ET", "GH", "NG", "BI", "PH", "IN", "ID", "MY", "NP", "BD", "LK", "VN", "TH", "KH", "MN",
)

LOC, REG, NAT, INT = range(4)  # indices dans ECHELLES

# Types d'organisation par échelle, avec leurs poids.
_TYPES_ORG: dict[int, tuple[tuple[str, ...], tuple[int, ...]]] = {
    LOC: (("cooperative", "entreprise_sociale", "ong", "mouvement", "syndicat", "recherche", "financement", "autre"),
          (30, 20, 22, 8, 6, 4, 5, 5)),
    REG: (("reseau", "cooperative", "financement", "recherche", "gouvernement", "ong"), (55, 10, 10, 8, 10, 7)),
    NAT: (("reseau", "syndicat", "gouvernement", "financement", "recherche", "mouvement"), (50, 12, 12, 10, 8, 8)),
    INT: (("reseau", "institution_internationale", "ong", "financement"), (55, 15, 15, 15)),
}
# Nom commun de chaque type d'organisation, et s'il est féminin (accord du qualificatif).
_NOMS_TYPES: dict[str, tuple[str, bool]] = {
    "reseau": ("Réseau", False), "cooperative": ("Coopérative", True), "syndicat": ("Syndicat", False),
    "ong": ("Association", True), "recherche": ("Centre de recherche", False), "financement": ("Fonds", False),
    "gouvernement": ("Service public", False), "institution_internationale": ("Institution", True),
    "entreprise_sociale": ("Entreprise sociale", True), "mouvement": ("Mouvement", False),
    "autre": ("Organisation", True),
}
_QUALIFICATIFS = {LOC: "", REG: " régional", NAT: " national", INT: " international"}

# Familles de partenariats hors adhésion : poids, types et leurs poids.
_FAMILLES: tuple[tuple[str, float, tuple[str, ...], tuple[int, ...]], ...] = (
    ("locale", 0.60, ("cooperation", "evenement", "formation", "financement", "jumelage", "recherche", "autre"),
     (35, 20, 20, 10, 5, 5, 5)),
    ("verticale", 0.14, ("formation", "financement", "cooperation", "evenement"), (30, 25, 25, 20)),
    ("pays", 0.08, ("cooperation", "evenement", "recherche", "formation"), (40, 25, 20, 15)),
    ("internationale", 0.07, ("cooperation", "evenement", "formation", "recherche", "financement"),
     (35, 25, 15, 10, 15)),
    ("nord_sud", 0.06, ("jumelage", "cooperation", "financement", "formation", "recherche"), (30, 30, 20, 10, 10)),
    ("sud_sud", 0.05, ("cooperation", "formation", "evenement", "jumelage"), (40, 25, 20, 15)),
)
_NUM_TYPE = {t: i for i, t in enumerate(
    ("adhesion", "financement", "formation", "cooperation", "jumelage", "recherche", "evenement", "autre")
)}


def _cumuls(poids: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(poids))


def _au_hasard(valeurs: Sequence, cumuls: list[float], rng: random.Random):
    """Une valeur tirée selon les poids cumulés (plus rapide que ``rng.choices`` en boucle)."""
    return valeurs[bisect.bisect_right(cumuls, rng.random() * cumuls[-1])]


class _Groupe:
    """Des organisations et l'urne de leurs liens : tirage à attachement préférentiel modéré."""

    __slots__ = ("membres", "urne")

    def __init__(self) -> None:
        self.membres: list[int] = []
        self.urne: list[int] = []  # une entrée par extrémité de lien reçue

    def tirer(self, rng: random.Random) -> int | None:
        """Une fois sur deux uniforme, sinon proportionnel aux liens déjà reçus."""
        if not self.membres:
            return None
        tas = self.urne if self.urne and rng.random() < 0.5 else self.membres
        return tas[int(rng.random() * len(tas))]


@dataclass
class _Monde:
    """Organisations (par indice) et groupes de tirage."""

    echelle: list[int] = field(default_factory=list)
    region: list[int] = field(default_factory=list)
    pays: list[int] = field(default_factory=list)
    sud: list[bool] = field(default_factory=list)
    groupes: list[tuple[_Groupe, ...]] = field(default_factory=list)  # les groupes de chaque organisation
    proches: list[_Groupe] = field(default_factory=list)  # par région : locales et régionales
    poles: list[_Groupe] = field(default_factory=list)  # par région : régionales
    nationaux: list[_Groupe] = field(default_factory=list)  # par pays
    dans_pays: list[_Groupe] = field(default_factory=list)  # par pays : toutes
    hemispheres: tuple[_Groupe, _Groupe] = field(default_factory=lambda: (_Groupe(), _Groupe()))  # nord, sud
    internationaux: _Groupe = field(default_factory=_Groupe)
    de_proximite: _Groupe = field(default_factory=_Groupe)  # toutes les locales et régionales
    toutes: _Groupe = field(default_factory=_Groupe)


def _verifier(n: int, m: int) -> None:
    if n < N_MIN:
        raise ParametreInvalide(f"nombre d'organisations {n} trop petit — il en faut au moins {N_MIN}")
    paires = n * (n - 1) // 2
    if not 0 <= m <= paires:
        raise ParametreInvalide(
            f"nombre de partenariats {m} impossible — attendu entre 0 et {paires} "
            f"(nombre de paires distinctes entre {n} organisations)"
        )


def _rayons(codes: Sequence[str]) -> dict[str, float]:
    """Étendue approximative de chaque pays (degrés) : une part de la distance au centroïde voisin."""
    ref = referentiel()
    points = [(ref.pays[c].latitude, ref.pays[c].longitude) for c in sorted(ref.pays)]
    rayons = {}
    for code in codes:
        lat, lon = ref.pays[code].latitude, ref.pays[code].longitude
        voisin = min(
            math.hypot(lat - la, ((lon - lo + 180) % 360 - 180) * math.cos(math.radians(lat)))
            for la, lo in points if (la, lo) != (lat, lon)
        )
        rayons[code] = min(4.0, max(0.2, 0.35 * voisin))
    return rayons


def _choisir_pays(n: int, rng: random.Random) -> list[str]:
    """Des pays de ``PAYS_ESS``, du Nord (environ 40 %) et du Sud, plus nombreux pour un grand réseau."""
    ref = referentiel()
    connus = [c for c in PAYS_ESS if c in ref.pays]
    nombre = min(len(connus), max(2, round(math.sqrt(n) / 5)))
    nord = [c for c in connus if ref.pays[c].nord_sud == "nord"]
    sud = [c for c in connus if ref.pays[c].nord_sud == "sud"]
    n_nord = min(len(nord), max(1, round(0.4 * nombre)))
    return sorted(rng.sample(nord, n_nord) + rng.sample(sud, min(nombre - n_nord, len(sud))))


def _repartir(total: int, poids: list[float], minimum: int, rng: random.Random) -> list[int]:
    """``total`` réparti selon ``poids`` (tirages), au moins ``minimum`` chacun."""
    parts = [minimum] * len(poids)
    for i in rng.choices(range(len(poids)), weights=poids, k=total - minimum * len(poids)):
        parts[i] += 1
    return parts


def _tirer_pondere(indices: list[int], poids: list[int], rng: random.Random) -> int | None:
    """Un indice tiré selon des poids entiers (``None`` si tous nuls)."""
    total = sum(poids[i] for i in indices)
    if total <= 0:
        return None
    seuil = rng.random() * total
    for i in indices:
        seuil -= poids[i]
        if seuil < 0 and poids[i] > 0:
            return i
    return next(i for i in reversed(indices) if poids[i] > 0)


def _composition(n: int, regions_pays: list[int], tailles: list[int], rng: random.Random) -> list[list[int]]:
    """Nombre d'organisations de chaque échelle par région."""
    n_pays = max(regions_pays) + 1
    libres = [t - 1 for t in tailles]  # une place gardée pour le pôle régional
    compo = [[0, 0, 0, 0] for _ in tailles]
    toutes = list(range(len(tailles)))
    for _ in range(max(1, round(math.sqrt(n) / 4))):
        r = _tirer_pondere(toutes, libres, rng)
        if r is not None:
            compo[r][INT] += 1
            libres[r] -= 1
    for p in range(n_pays):
        regions = [r for r in toutes if regions_pays[r] == p]
        capitale = max(regions, key=lambda r: tailles[r])
        for _ in range(max(1, round(0.025 * sum(tailles[r] for r in regions)))):
            r = capitale if libres[capitale] > 0 and rng.random() < 0.6 else _tirer_pondere(regions, libres, rng)
            if r is not None:
                compo[r][NAT] += 1
                libres[r] -= 1
    for r in toutes:
        compo[r][REG] = 1 + min(libres[r], max(0, round(0.10 * tailles[r]) - 1))
        compo[r][LOC] = tailles[r] - compo[r][REG] - compo[r][NAT] - compo[r][INT]
    return compo


def _organisations(n: int, graine: int, rng: random.Random) -> tuple[list[dict], _Monde]:
    """Les organisations (ordonnées par pays, région, échelle décroissante) et leurs groupes."""
    ref = referentiel()
    codes = _choisir_pays(n, rng)
    rayons = _rayons(codes)
    n_regions = max(len(codes), min(round(1.2 * math.sqrt(n)), n // 8))
    poids_pays = [rng.lognormvariate(0, 0.7) for _ in codes]
    par_pays = _repartir(n_regions, poids_pays, 1, rng)
    regions_pays = [p for p, k in enumerate(par_pays) for _ in range(k)]
    poids_regions = [poids_pays[p] / par_pays[p] * rng.lognormvariate(0, 0.5) for p in regions_pays]
    tailles = _repartir(n, poids_regions, min(3, n // n_regions), rng)
    compo = _composition(n, regions_pays, tailles, rng)

    cumuls_types = {e: _cumuls(poids) for e, (_, poids) in _TYPES_ORG.items()}
    monde = _Monde()
    monde.nationaux = [_Groupe() for _ in codes]
    monde.dans_pays = [_Groupe() for _ in codes]
    reference = f"synthétique (reseau generer, graine {graine})"
    organisations: list[dict] = []
    numero_region = [0] * len(codes)
    numeros: Counter[tuple[int, int]] = Counter()  # par (échelle, pays ou région)
    largeur = len(str(n))
    for r, p in enumerate(regions_pays):
        code, pays = codes[p], ref.pays[codes[p]]
        numero_region[p] += 1
        nom_region = f"Région {numero_region[p]:02d} ({code})"
        rayon = rayons[code]
        lat0 = _borner(pays.latitude + rng.gauss(0, rayon / 2), 80)
        lon0 = pays.longitude + rng.gauss(0, rayon / 2) / max(0.2, math.cos(math.radians(lat0)))
        etalement = max(0.03, rayon / (2 * math.sqrt(par_pays[p])))
        monde.proches.append(_Groupe())
        monde.poles.append(_Groupe())
        # Quelques régions mal reliées : davantage d'organisations locales isolées.
        isolement = TAUX_ISOLEMENT[1] if rng.random() < PART_REGIONS_MAL_RELIEES else TAUX_ISOLEMENT[0]
        nommage = {  # compteur, lieu accolé au nom, préfixe du sigle
            INT: ((INT, 0), "", "RI"),
            NAT: ((NAT, p), f" ({pays.nom_fr})", f"RN-{code}"),
            REG: ((REG, r), f" — {nom_region}", f"RR-{code}{numero_region[p]:02d}"),
        }
        nommage[LOC] = nommage[REG]
        for e in (INT, NAT, REG, LOC):
            compteur, lieu, prefixe = nommage[e]
            for _ in range(compo[r][e]):
                i = len(organisations)
                type_org = _au_hasard(_TYPES_ORG[e][0], cumuls_types[e], rng)
                numeros[compteur] += 1
                commun, feminin = _NOMS_TYPES[type_org]
                qualificatif = _QUALIFICATIFS[e] + ("e" if feminin and e != LOC else "")
                nom = f"{commun}{qualificatif} {numeros[compteur]}{lieu}"
                sigle = f"{prefixe}-{numeros[compteur]}" if type_org == "reseau" else ""
                lat = _borner(lat0 + rng.gauss(0, etalement), 85)
                lon = lon0 + rng.gauss(0, etalement) / max(0.2, math.cos(math.radians(lat)))
                organisations.append({
                    "id": f"org{i + 1:0{largeur}d}", "nom": nom, "sigle": sigle, "type": type_org,
                    "echelle": ECHELLES[e], "pays": code, "region": nom_region, "ville": "",
                    "latitude": round(lat, 4), "longitude": round((lon + 180) % 360 - 180, 4),
                    "nord_sud": pays.nord_sud, "site_web": "", "description": "", "reference": reference,
                })
                isolee = e == LOC and rng.random() < isolement
                _inscrire(monde, i, e, r, p, pays.nord_sud == "sud", isolee)
    return organisations, monde


def _borner(valeur: float, limite: float) -> float:
    return max(-limite, min(limite, valeur))


def _inscrire(monde: _Monde, i: int, e: int, r: int, p: int, sud: bool, isolee: bool) -> None:
    """Range l'organisation ``i`` dans ses groupes de tirage (aucun si elle reste isolée)."""
    groupes = [monde.dans_pays[p], monde.hemispheres[sud], monde.toutes]
    if e in (LOC, REG):
        groupes += [monde.proches[r], monde.de_proximite]
    if e == REG:
        groupes.append(monde.poles[r])
    elif e == NAT:
        groupes.append(monde.nationaux[p])
    elif e == INT:
        groupes.append(monde.internationaux)
    if isolee:
        groupes = []
    for g in groupes:
        g.membres.append(i)
    monde.echelle.append(e)
    monde.region.append(r)
    monde.pays.append(p)
    monde.sud.append(sud)
    monde.groupes.append(tuple(groupes))


class _Tisserand:
    """Tire les partenariats un à un, sans doublon ni boucle."""

    def __init__(self, monde: _Monde, organisations: list[dict], rng: random.Random, reference: str) -> None:
        self.monde, self.rng, self.reference = monde, rng, reference
        self.ids = [o["id"] for o in organisations]
        self.n = len(organisations)
        self.vus: set[int] = set()
        self.liens: list[dict] = []

    def ajouter(self, u: int | None, v: int | None, type_lien: str, oriente: bool = False) -> bool:
        """Ajoute le lien ``u`` → ``v`` s'il est neuf (paire et type) ; rend vrai si ajouté."""
        if u is None or v is None or u == v:
            return False
        a, b = min(u, v), max(u, v)
        cle_lien = (a * self.n + b) * 8 + _NUM_TYPE[type_lien]
        if cle_lien in self.vus:
            return False
        self.vus.add(cle_lien)
        rng = self.rng
        debut = ANNEE_FIN - min(int(rng.expovariate(1 / 8)), 35)
        fin = None
        if rng.random() < (0.05 if type_lien == "adhesion" else 0.15):
            fin = min(ANNEE_FIN, debut + int(rng.expovariate(1 / 4)))
        poids = 1.0
        if type_lien in ("cooperation", "jumelage"):
            tirage = rng.random()
            poids = 3.0 if tirage < 0.05 else 2.0 if tirage < 0.25 else 1.0
        self.liens.append({
            "source": self.ids[u], "cible": self.ids[v], "type": type_lien, "debut": debut, "fin": fin,
            "poids": poids, "oriente": oriente, "statut": "atteste", "description": "", "reference": self.reference,
        })
        for g in self.monde.groupes[u]:
            g.urne.append(u)
        for g in self.monde.groupes[v]:
            g.urne.append(v)
        return True

    def adhesion(self, u: int) -> bool:
        """``u`` adhère à un réseau de l'échelle au-dessus (parfois deux crans au-dessus)."""
        mo, rng = self.monde, self.rng
        e = mo.echelle[u]
        if not mo.groupes[u]:  # organisation isolée
            return False
        niveaux = [mo.poles[mo.region[u]], mo.nationaux[mo.pays[u]], mo.internationaux, mo.internationaux]
        depart = min(e + (1 if e < NAT and rng.random() < 0.1 else 0), INT)
        for groupe in niveaux[depart:]:
            v = groupe.tirer(rng)
            if v is not None and v != u:
                return self.ajouter(u, v, "adhesion", oriente=True)
        return False

    def famille(self, nom: str, types: tuple[str, ...], cumuls: list[float]) -> bool:
        """Un lien de la famille ``nom`` (locale, verticale, pays, internationale, nord_sud, sud_sud)."""
        mo, rng = self.monde, self.rng
        type_lien = _au_hasard(types, cumuls, rng)
        if nom == "locale":
            u = mo.de_proximite.tirer(rng)
            v = None if u is None else mo.proches[mo.region[u]].tirer(rng)
        elif nom == "verticale":
            u = mo.de_proximite.tirer(rng)
            if u is None:
                return False
            haut = mo.poles[mo.region[u]] if mo.echelle[u] == LOC and rng.random() < 0.5 else mo.nationaux[mo.pays[u]]
            v = haut.tirer(rng)
        elif nom == "pays":
            u = mo.toutes.tirer(rng)
            if u is None:
                return False
            v = mo.dans_pays[mo.pays[u]].tirer(rng)
            if v is not None and mo.region[u] == mo.region[v]:
                return False
        elif nom == "internationale":
            u = mo.internationaux.tirer(rng)
            autre = mo.toutes.tirer(rng)
            if autre is None:
                return False
            v = mo.nationaux[mo.pays[autre]].tirer(rng) if rng.random() < 0.7 else mo.internationaux.tirer(rng)
        elif nom == "nord_sud":
            u, v = mo.hemispheres[0].tirer(rng), mo.hemispheres[1].tirer(rng)
        else:  # sud_sud
            u, v = mo.hemispheres[1].tirer(rng), mo.hemispheres[1].tirer(rng)
            if u is not None and v is not None and mo.pays[u] == mo.pays[v]:
                return False
        if u is None or v is None:
            return False
        if type_lien == "financement" and mo.echelle[v] > mo.echelle[u]:
            u, v = v, u  # le bailleur (échelle supérieure) est la source
        if nom == "nord_sud" and type_lien == "financement":
            u, v = (u, v) if not mo.sud[u] else (v, u)  # du Nord vers le Sud
        return self.ajouter(u, v, type_lien, oriente=type_lien == "financement")

    def completer(self, m: int) -> None:
        """Dernier recours (réseaux très denses) : paires encore libres, dans un ordre tiré."""
        paires = {cle // 8 for cle in self.vus}
        libres = [(a, b) for a in range(self.n) for b in range(a + 1, self.n) if a * self.n + b not in paires]
        self.rng.shuffle(libres)
        for a, b in libres[: m - len(self.liens)]:
            self.ajouter(a, b, "cooperation")


def _partenariats(m: int, organisations: list[dict], monde: _Monde, rng: random.Random, reference: str) -> list[dict]:
    tisserand = _Tisserand(monde, organisations, rng, reference)
    quota = round(PART_ADHESIONS * m)
    ordre = list(range(len(organisations)))
    rng.shuffle(ordre)
    for u in ordre:  # d'abord une adhésion par organisation, tant que le quota le permet
        if len(tisserand.liens) >= quota:
            break
        tisserand.adhesion(u)
    cumuls_familles = _cumuls([f[1] for f in _FAMILLES])
    familles = [(nom, types, _cumuls(poids)) for nom, _, types, poids in _FAMILLES]
    essais, budget = 0, 30 * m + 10_000
    while len(tisserand.liens) < m and essais < budget:
        essais += 1
        if len(tisserand.liens) < quota:
            tisserand.adhesion(int(rng.random() * len(organisations)))
            continue
        if not tisserand.famille(*_au_hasard(familles, cumuls_familles, rng)) and essais % 4 == 0:
            tisserand.ajouter(monde.toutes.tirer(rng), monde.toutes.tirer(rng), "cooperation")
    if len(tisserand.liens) < m:
        tisserand.completer(m)
    return tisserand.liens


def generer(n: int, m: int | None = None, graine: int = 0) -> tuple[list[dict], list[dict]]:
    """Un réseau synthétique de ``n`` organisations et ``m`` partenariats (défaut ``5 n``).

    Rend les organisations et les partenariats au format des fichiers d'entrée
    (clés dans l'ordre de ``COLONNES_ORGANISATIONS`` et ``COLONNES_PARTENARIATS``) ;
    coordonnées explicites, ``reference`` qui nomme la graine.

    >>> organisations, partenariats = generer(200, graine=1)
    >>> len(organisations), len(partenariats)
    (200, 1000)
    >>> generer(200, graine=1) == (organisations, partenariats)
    True
    >>> partenariats[0]["reference"]
    'synthétique (reseau generer, graine 1)'
    """
    m = 5 * n if m is None else m
    _verifier(n, m)
    rng = random.Random(graine)
    organisations, monde = _organisations(n, graine, rng)
    partenariats = _partenariats(m, organisations, monde, rng, organisations[0]["reference"])
    return organisations, partenariats


def _ecrire_csv(chemin: Path, lignes: list[dict], colonnes: Sequence[str]) -> None:
    ecrire_atomique(chemin, en_csv(lignes, colonnes, cellule=texte_cellule))


def ecrire_jeu(dossier: str | Path, organisations: list[dict], partenariats: list[dict]) -> None:
    """Écrit ``organisations.csv`` et ``partenariats.csv`` (UTF-8, virgule) dans ``dossier``.

    Chaque fichier est écrit atomiquement ; le dossier est créé au besoin.
    """
    dossier = Path(dossier)
    _ecrire_csv(dossier / "organisations.csv", organisations, COLONNES_ORGANISATIONS)
    _ecrire_csv(dossier / "partenariats.csv", partenariats, COLONNES_PARTENARIATS)
