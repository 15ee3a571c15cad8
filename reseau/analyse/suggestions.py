"""Les liens à créer : pour chaque région mal reliée, les partenariats nouveaux qui relèveraient
le plus son indice de connexion, calculés en simulant l'ajout du lien (``docs/mesures.md``).

Rend des valeurs et des codes d'explication, jamais de phrase (:mod:`reseau.rendu.diagnostics`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..entrees.schema import cle as forme_texte
from ..entrees.schema import suggerer
from ..erreurs import ParametreInvalide
from .mesures import sauts_international
from .regions import POIDS_EXACTS, Cle, Comptes, compter, membres_regions, sures_composante

if TYPE_CHECKING:
    import pandas

COLONNES: tuple[str, ...] = (
    "pays", "region", "ordre", "source", "cible", "indice_avant", "indice_apres", "gain_indice",
    "organisations_reliees", "partenaires_communs", "adamic_adar", "sud_sud", "explications",
)

# Les poids de l'indice en points entiers (centièmes) : comparer des gains sans fractions, exactement.
POINTS: dict[str, int] = {cle: int(poids * 100) for cle, poids in POIDS_EXACTS.items()}
assert all(Fraction(points, 100) == POIDS_EXACTS[cle] for cle, points in POINTS.items())

# Une région dont l'indice est sous ce seuil est dite mal reliée (elle reçoit des suggestions).
SEUIL_FAIBLE = 0.9
# Suggestions par région, par défaut.
NOMBRE = 3
# Les partenaires de partenaires ne sont cherchés que par des intermédiaires d'au plus autant de partenaires.
DEGRE_MAX_INTERMEDIAIRE = 200


def _raccourcir(voisins: Callable[[Hashable], Iterable[Hashable]], d: dict, a: Hashable, b: Hashable) -> None:
    """Met à jour ``d`` (liens jusqu'à l'international) après l'ajout du lien a–b : seules les distances
    qui raccourcissent sont propagées."""
    file = []
    for x, y in ((a, b), (b, a)):
        if y in d and (x not in d or d[x] > d[y] + 1):
            d[x] = d[y] + 1
            file.append(x)
    while file:
        x = file.pop()
        for z in voisins(x):
            if z not in d or d[z] > d[x] + 1:
                d[z] = d[x] + 1
                file.append(z)


class _Etat:
    """Une région et les liens déjà proposés (ajoutés par simulation, le graphe reste intact)."""

    def __init__(self, G: nx.MultiGraph, membres: list, sauts: dict, adj: dict[Hashable, set]) -> None:
        self.G = G
        self.membres = membres
        self.dedans = set(membres)
        self.adj = adj
        self.ajouts: dict[Hashable, set] = {}
        self.sauts = dict(sauts)

    def voisins(self, x: Hashable) -> set:
        return self.adj[x] | self.ajouts[x] if x in self.ajouts else self.adj[x]

    def ajouter(self, u: Hashable, v: Hashable) -> None:
        self.ajouts.setdefault(u, set()).add(v)
        self.ajouts.setdefault(v, set()).add(u)
        _raccourcir(self.voisins, self.sauts, u, v)

    def comptes(self) -> Comptes:
        return compter(self.membres, self.voisins, self.sauts.get)

    def simuler(self, u: Hashable, v: Hashable) -> tuple[Comptes, int]:
        """Les comptes de la région si l'on ajoutait u–v, et le nombre de membres reliés à l'international."""
        sauts = dict(self.sauts)

        def voisins(x: Hashable) -> set:
            autour = self.voisins(x)
            return autour | {v} if x == u else autour | {u} if x == v else autour

        _raccourcir(voisins, sauts, u, v)
        return compter(self.membres, voisins, sauts.get), sum(1 for x in self.membres if sauts.get(x, 3) <= 2)


def _composantes(etat: _Etat, passerelles: set) -> dict[Hashable, tuple[int, int, int]]:
    """Pour chaque membre : (numéro, taille, passerelles) de sa composante interne."""
    resultat: dict[Hashable, tuple[int, int, int]] = {}
    numero = 0
    for x in etat.membres:
        if x in resultat:
            continue
        composante, pile, vus = [x], [x], {x}
        while pile:
            for y in etat.voisins(pile.pop()):
                if y in etat.dedans and y not in vus:
                    vus.add(y)
                    composante.append(y)
                    pile.append(y)
        portes = sum(1 for y in composante if y in passerelles)
        for y in composante:
            resultat[y] = (numero, len(composante), portes)
        numero += 1
    return resultat


def _nouvelles_reliees(etat: _Etat, u: Hashable, v: Hashable, loin: set) -> set:
    """Les membres (parmi ``loin``, ceux à plus de 2 liens de l'international) qui y passeraient
    à 2 liens ou moins avec le lien u–v : u si v est à 1 lien au plus, et les partenaires de u si
    v est internationale ; de même dans l'autre sens."""
    nouvelles: set = set()
    if not loin:
        return nouvelles
    for a, b in ((u, v), (v, u)):
        db = etat.sauts.get(b)
        if db is None or db > 1:
            continue
        if a in loin:
            nouvelles.add(a)
        if db == 0:
            nouvelles |= loin & etat.voisins(a)
    return nouvelles


def _gain(etat: _Etat, comptes: Comptes, composantes: dict, isolees: set, loin: set, u: Hashable,
          v: Hashable) -> tuple[int, int]:
    """Gain d'indice (en points : centièmes × nombre de membres) et membres nouvellement reliés à
    l'international si l'on ajoutait u–v ; calcul direct, égal à la simulation complète
    :meth:`_Etat.simuler` (ce que vérifient les tests)."""
    non_isolees = (u in isolees) + (v in isolees)
    reliees = len(_nouvelles_reliees(etat, u, v, loin))
    ouverture = sures = 0
    if v not in etat.dedans:
        if u not in comptes.passerelles:
            ouverture = 1
            _, taille, portes = composantes[u]
            sures = sures_composante(taille, portes + 1) - sures_composante(taille, portes)
    elif composantes[u][0] != composantes[v][0]:
        (_, t1, p1), (_, t2, p2) = composantes[u], composantes[v]
        sures = sures_composante(t1 + t2, p1 + p2) - sures_composante(t1, p1) - sures_composante(t2, p2)
    gain = (POINTS["non_isolees"] * non_isolees + POINTS["international"] * reliees
            + POINTS["ouverture"] * ouverture + POINTS["redondance"] * sures)
    return gain, reliees


def communs_exacts(voisins_u: set, voisins_v: set, voisins: Callable[[Hashable], set]) -> tuple[int, float]:
    """Partenaires communs et score d'Adamic-Adar (somme de 1/log du nombre de partenaires de chacun)."""
    communs = voisins_u & voisins_v
    return len(communs), sum((1 / math.log(len(voisins(w))) for w in communs if len(voisins(w)) > 1), 0.0)


def _communs(etat: _Etat, u: Hashable, internationales_de: dict[Hashable, list]) -> tuple[Counter, dict[Hashable, float]]:
    """Partenaires communs de u avec les partenaires de ses partenaires, et score d'Adamic-Adar.

    Par un partenaire de plus de :data:`DEGRE_MAX_INTERMEDIAIRE` partenaires, seules les organisations
    internationales sont comptées (le score d'un tel intermédiaire est faible, son parcours coûteux).
    """
    communs: Counter = Counter()
    adamic: dict[Hashable, float] = {}
    autour = etat.voisins(u)
    for w in autour:
        voisins_w = etat.voisins(w)
        poids = 1 / math.log(len(voisins_w)) if len(voisins_w) > 1 else 0.0
        suivants = voisins_w if len(voisins_w) <= DEGRE_MAX_INTERMEDIAIRE else internationales_de.get(w, ())
        for y in suivants:
            if y != u and y not in autour:
                communs[y] += 1
                adamic[y] = adamic.get(y, 0.0) + poids
    return communs, adamic


def _sud(G: nx.MultiGraph, x: Hashable) -> bool:
    return G.nodes[x].get("nord_sud") == "sud"


def _priorite(G: nx.MultiGraph, u: Hashable, v: Hashable) -> int:
    """0 : Sud-Sud ; 1 : une organisation locale ou régionale avec une internationale ; 2 : autre."""
    if _sud(G, u) and _sud(G, v):
        return 0
    echelles = {G.nodes[u].get("echelle"), G.nodes[v].get("echelle")}
    if "internationale" in echelles and echelles & {"locale", "regionale"}:
        return 1
    return 2


def _internes(etat: _Etat, composantes: dict, isolees: set) -> list:
    """Les membres qui peuvent servir de partenaire interne : isolés, proches de l'international
    (1 lien), et le plus relié de chaque composante (pour les réunir).

    Aucun meilleur lien interne n'est perdu : un autre membre n'apporte que la réunion de sa
    composante (le plus relié l'apporte aussi), ou sa propre distance à l'international si l'autre
    bout est à 1 lien — et ce couple est examiné dans l'autre sens, cet autre bout étant retenu.
    """
    retenus = {x for x in etat.membres if x in isolees or etat.sauts.get(x, 3) <= 1}
    meilleur: dict[int, Hashable] = {}
    for x in etat.membres:
        numero = composantes[x][0]
        if numero not in meilleur or len(etat.voisins(x)) > len(etat.voisins(meilleur[numero])):
            meilleur[numero] = x
    return [x for x in etat.membres if x in retenus or x in meilleur.values()]


def _meilleur(etat: _Etat, internationales: list, internationales_de: dict[Hashable, list],
              caches: dict[Hashable, tuple[Counter, dict]]) -> tuple[tuple, Hashable, Hashable] | None:
    """Le lien qui relève le plus l'indice ; à gain égal, Sud-Sud, puis local-international, puis
    le plus d'Adamic-Adar et de partenaires communs, puis le partenaire le plus relié.

    Premier passage : le meilleur gain de chaque membre (un partenaire extérieur rapporte autant
    qu'une organisation internationale au plus, selon sa distance à l'international ; on ne compte
    donc que celles-ci, et les membres retenus). Second passage, pour les seuls membres qui
    atteignent le meilleur gain : tous les partenaires de ce gain, départagés.
    """
    G = etat.G
    comptes = etat.comptes()
    composantes = _composantes(etat, comptes.passerelles)
    isolees = set(comptes.isolees)
    loin = {x for x in etat.membres if etat.sauts.get(x, 3) > 2}
    internes = _internes(etat, composantes, isolees)
    ensemble = set(internationales)

    def communs_de(u: Hashable) -> tuple[Counter, dict]:
        if u not in caches:
            caches[u] = _communs(etat, u, internationales_de)
        return caches[u]

    def options(u: Hashable, complet: bool) -> list[tuple[tuple[int, int], Hashable]]:
        autour = etat.voisins(u)
        resultat = []
        libres = [v for v in internationales if v not in autour] if complet else None
        if complet:
            externes = list(libres or [])
            externes += [v for v in communs_de(u)[0] if v not in etat.dedans and v not in ensemble]
        elif sum(1 for v in autour if v in ensemble) < len(internationales):
            externes = [next(v for v in internationales if v not in autour)]
        else:  # aucune internationale libre : les partenaires de partenaires hors de la région
            externes = [v for v in communs_de(u)[0] if v not in etat.dedans]
        par_distance: dict[int, tuple[int, int]] = {}
        for v in externes:
            distance = min(etat.sauts.get(v, 2), 2)
            if distance not in par_distance:
                par_distance[distance] = _gain(etat, comptes, composantes, isolees, loin, u, v)
            resultat.append((par_distance[distance], v))
        resultat += [(_gain(etat, comptes, composantes, isolees, loin, u, v), v)
                     for v in internes if v != u and v not in autour]
        return resultat

    valeurs = {}
    for u in etat.membres:
        gains = [valeur for valeur, _ in options(u, complet=False)]
        if gains:
            valeurs[u] = max(gains)
    if not valeurs:
        return None
    meilleure = max(valeurs.values())
    if meilleure[0] <= 0:
        return None
    meilleur: tuple[tuple, Hashable, Hashable] | None = None
    for u in etat.membres:
        if valeurs.get(u) != meilleure:
            continue
        communs, adamic = communs_de(u)
        for valeur, v in options(u, complet=True):
            if valeur != meilleure:
                continue
            cle = (_priorite(G, u, v), -adamic.get(v, 0.0), -communs[v], -len(etat.adj[v]), str(u), str(v))
            if meilleur is None or cle < meilleur[0]:
                meilleur = (cle, u, v)
    return meilleur


def _explications(G: nx.MultiGraph, etat: _Etat, avant: Comptes, apres: Comptes, reliees: int,
                  u: Hashable, v: Hashable, communs: int) -> list[dict[str, Any]]:
    """Pourquoi ce lien : des codes et des nombres, du plus fort au plus faible."""
    codes: list[dict[str, Any]] = []
    if reliees:
        codes.append({"code": "relie_international", "n": reliees})
    sorties = [x for x in avant.isolees if x not in apres.isolees]
    if sorties:
        codes.append({"code": "sort_isolement", "organisations": sorties})
    ouvre = len(apres.passerelles) > len(avant.passerelles)
    if ouvre:
        codes.append({"code": "ouvre_region", "organisation": u})
    # Les autres membres qui ne dépendent plus d'un seul passage (u, nouvelle passerelle, est compté à part).
    autres = apres.sures - avant.sures - (1 if ouvre else 0)
    if autres > 0:
        codes.append({"code": "second_passage", "n": autres})
    if communs:
        codes.append({"code": "partenaires_communs", "n": communs})
    if _sud(G, u) and _sud(G, v):
        codes.append({"code": "sud_sud"})
    elif _priorite(G, u, v) == 1:
        codes.append({"code": "local_international"})
    return codes


def _adjacence(G: nx.MultiGraph) -> dict[Hashable, set]:
    """Les partenaires distincts de chaque organisation (boucles exclues)."""
    return {x: set(G.adj[x]) - {x} for x in G}


def _contexte(G: nx.MultiGraph) -> tuple[dict, dict[Hashable, set], list, dict[Hashable, list]]:
    """Ce qui sert à toutes les régions : distances à l'international, partenaires, internationales
    (et celles de chaque organisation très reliée)."""
    adj = _adjacence(G)
    internationales = sorted((x for x, e in G.nodes(data="echelle") if e == "internationale"), key=str)
    ensemble = set(internationales)
    internationales_de = {w: [v for v in adj[w] if v in ensemble] for w in G if len(adj[w]) > DEGRE_MAX_INTERMEDIAIRE}
    return sauts_international(G), adj, internationales, internationales_de


def suggerer_region(G: nx.MultiGraph, membres: list, nombre: int = NOMBRE,
                    contexte: tuple | None = None) -> list[dict[str, Any]]:
    """Les ``nombre`` liens qui relèvent le plus l'indice de la région formée de ``membres``.

    Glouton : chaque lien est choisi en tenant compte des précédents (simulés ensemble).
    Chaque lien retenu est simulé en entier (comptes recalculés) ; on s'arrête quand plus
    aucun lien ne relève l'indice.
    """
    sauts, adj, internationales, internationales_de = _contexte(G) if contexte is None else contexte
    etat = _Etat(G, membres, sauts, adj)
    lignes: list[dict[str, Any]] = []
    caches: dict[Hashable, tuple[Counter, dict]] = {}
    for ordre in range(1, nombre + 1):
        choix = _meilleur(etat, internationales, internationales_de, caches)
        if choix is None:
            break
        _, u, v = choix
        communs, adamic = communs_exacts(etat.voisins(u), etat.voisins(v), etat.voisins)
        avant = etat.comptes()
        apres, reliees_apres = etat.simuler(u, v)
        reliees = reliees_apres - avant.reliees
        lignes.append({
            "ordre": ordre, "source": u, "cible": v,
            "indice_avant": float(avant.indice()), "indice_apres": float(apres.indice()),
            "gain_indice": float(apres.indice() - avant.indice()),
            "organisations_reliees": reliees, "partenaires_communs": communs, "adamic_adar": adamic,
            "sud_sud": _sud(G, u) and _sud(G, v),
            "explications": _explications(G, etat, avant, apres, reliees, u, v, communs),
        })
        etat.ajouter(u, v)
        for x in (u, v, *etat.voisins(u), *etat.voisins(v)):  # partenaires communs à recompter
            caches.pop(x, None)
    return lignes


def choisir_region(G: nx.MultiGraph, texte: str, regions: Iterable[Cle]) -> Cle:
    """La région désignée par son nom ou par « pays/région » (casse et accents ignorés)."""
    regions = list(regions)
    forme = forme_texte(texte)
    trouvees = [r for r in regions if forme in (forme_texte(r[1]), forme_texte(f"{r[0]}/{r[1]}"))]
    if len(trouvees) == 1:
        return trouvees[0]
    noms = sorted({r[1] for r in regions})
    if trouvees:
        raise ParametreInvalide(f"région « {texte} » ambiguë : précisez le pays, par exemple "
                                + ", ".join(f"{p}/{r}" for p, r in sorted(trouvees)))
    proche = suggerer(texte, noms)
    aide = f" Vouliez-vous dire « {proche} » ?" if proche else ""
    raise ParametreInvalide(f"région « {texte} » introuvable.{aide} Régions : {', '.join(noms) or 'aucune'}.")


def suggerer_liens(G: nx.MultiGraph, *, region: str | None = None, nombre: int = NOMBRE,
                   seuil: float = SEUIL_FAIBLE) -> pandas.DataFrame:
    """Les liens à créer, région par région, de la moins bien reliée à la mieux reliée.

    Sans ``region`` : chaque région (classée ou trop petite) dont l'indice de connexion est
    sous ``seuil`` ; avec ``region`` (nom ou « pays/région ») : cette région seule, quel que
    soit son indice. Chaque ligne : le lien proposé (``source`` membre de la région, ``cible``),
    l'indice avant et après (simulé), les membres nouvellement à 2 liens ou moins de
    l'international, les partenaires communs et le score d'Adamic-Adar, et les ``explications``
    codées. Le graphe n'est pas modifié.

    >>> from reseau.entrees.graphe import construire
    >>> orgs = [{"id": x, "pays": "CA", "region": "Estrie", "echelle": "locale"} for x in "abc"]
    >>> orgs.append({"id": "i", "pays": "SN", "echelle": "internationale"})
    >>> G = construire(orgs, [{"source": "a", "cible": "b"}, {"source": "b", "cible": "c"}])
    >>> t = suggerer_liens(G, nombre=1)
    >>> t[["region", "source", "cible", "organisations_reliees", "indice_avant", "indice_apres"]].values.tolist()
    [['Estrie', 'b', 'i', 3, 0.25, 0.7333333333333333]]
    """
    import pandas as pd

    if nombre < 1:
        raise ParametreInvalide(f"nombre de suggestions invalide : {nombre} (il en faut au moins 1)")
    from .regions import classer_regions

    membres = membres_regions(G)
    classement = classer_regions(G)
    if region is not None:
        choisie = choisir_region(G, region, membres)
        classement = classement[(classement["pays"] == choisie[0]) & (classement["region"] == choisie[1])]
    else:
        classement = classement[classement["indice_connexion"] < seuil]
    contexte = _contexte(G)
    lignes = []
    for ligne in classement.to_dict("records"):
        for suggestion in suggerer_region(G, membres[(ligne["pays"], ligne["region"])], nombre, contexte):
            lignes.append({"pays": ligne["pays"], "region": ligne["region"], **suggestion})
    return pd.DataFrame(lignes, columns=list(COLONNES))
