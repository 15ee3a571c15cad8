"""Les régions mal reliées : classement et diagnostic (CONCEPTION §4, « Par région »).

Une région est un couple (``pays``, ``region``) précisé dans les données. Ne sont membres
d'aucune région : les organisations sans région précisée (région vide, nom du pays, ou
province entière comme « Québec (province) ») et les organisations d'échelle internationale,
qui servent d'ancrages internationaux aux autres. L'indice de connexion, ses poids, le seuil
de fiabilité et la règle des égalités sont définis dans ``docs/mesures.md``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..reglages import POIDS_INDICE
from .courtage import indice_ei
from .mesures import sauts_international

if TYPE_CHECKING:
    import pandas

COLONNES: tuple[str, ...] = (
    "rang", "ex_aequo", "classee", "pays", "region", "organisations", "ancrages_internationaux",
    "liens_internes", "liens_externes", "liens_internationaux", "isolees", "part_reliee_international",
    "indice_connexion", "indice_ei", "constats",
)

# Les poids de l'indice (reglages.POIDS_INDICE) en fractions : l'indice est calculé exactement,
# les égalités sont de vraies égalités.
POIDS_EXACTS: dict[str, Fraction] = {cle: Fraction(str(poids)) for cle, poids in POIDS_INDICE.items()}

# En dessous de ce nombre d'organisations, une région est classée à part (trop peu pour conclure).
MINIMUM_ORGANISATIONS = 3

Cle = tuple[str, str]


@functools.lru_cache(maxsize=1 << 16)  # une réponse par (pays, région) : le référentiel est lu une fois
def _sans_region(pays: str, region: str) -> bool:
    """Vrai si la région ne précise rien : vide, nom du pays, ou province entière « … (province) »."""
    if not region.strip():
        return True
    from ..entrees.geographie import referentiel

    fiche = referentiel().pays.get(pays)
    noms = {fiche.nom(lg).casefold() for lg in ("fr", "en", "es")} if fiche else set()
    return region.strip().casefold() in noms or region.rstrip().endswith("(province)")


def region_de(donnees: dict[str, Any]) -> Cle | None:
    """La région d'une organisation, ou ``None`` si elle n'est membre d'aucune (internationale, sans région)."""
    if donnees.get("echelle") == "internationale":
        return None
    pays, region = donnees.get("pays") or "", donnees.get("region") or ""
    return None if _sans_region(pays, region) else (pays, region)


def hors_regions(G: nx.MultiGraph) -> dict[str, list]:
    """Les organisations qui ne sont membres d'aucune région : ``sans_region`` et ``internationales``.

    >>> from reseau.entrees.graphe import construire
    >>> hors_regions(construire([{"id": "a", "pays": "CA", "region": ""},
    ...                          {"id": "i", "pays": "SN", "region": "Dakar", "echelle": "internationale"}], []))
    {'sans_region': ['a'], 'internationales': ['i']}
    """
    internationales = [x for x, e in G.nodes(data="echelle") if e == "internationale"]
    sans = [x for x, d in G.nodes(data=True) if d.get("echelle") != "internationale" and region_de(d) is None]
    return {"sans_region": sans, "internationales": internationales}


@dataclass
class Comptes:
    """Ce qui fait l'indice d'une région : des comptes d'organisations."""

    n: int
    isolees: list = field(default_factory=list)
    reliees: int = 0                      # à 2 liens ou moins de l'international
    passerelles: set = field(default_factory=set)  # ont un partenaire hors de la région
    sures: int = 0                        # ne dépendent pas d'une seule passerelle
    dependantes: dict = field(default_factory=dict)

    def parts(self) -> dict[str, Fraction]:
        """Les quatre parts de l'indice, exactes."""
        n = self.n
        return {
            "non_isolees": Fraction(n - len(self.isolees), n),
            "international": Fraction(self.reliees, n),
            "ouverture": Fraction(len(self.passerelles), n),
            "redondance": Fraction(self.sures, n),
        }

    def indice(self) -> Fraction:
        """L'indice de connexion exact (fraction)."""
        return sum((POIDS_EXACTS[k] * p for k, p in self.parts().items()), Fraction(0))


def sures_composante(taille: int, portes: int) -> int:
    """Organisations sûres d'une composante interne : toutes s'il y a au moins 2 passerelles, sinon les passerelles."""
    return taille if portes >= 2 else portes


def compter(membres: Iterable[Hashable], voisins: Callable[[Hashable], Iterable[Hashable]],
            sauts: Callable[[Hashable], int | None]) -> Comptes:
    """Les comptes d'une région, d'après les voisins et la distance à l'international de chaque membre.

    Sert au classement et à la simulation d'un lien ajouté (:mod:`reseau.analyse.suggestions`).
    Une organisation est sûre si elle a elle-même un partenaire hors de la région, ou si,
    par des liens internes, elle atteint au moins deux passerelles distinctes.
    """
    membres = list(membres)
    dedans = set(membres)
    comptes = Comptes(n=len(membres))
    internes: dict[Hashable, list] = {}
    for x in membres:
        autour = set(voisins(x)) - {x}
        if not autour:
            comptes.isolees.append(x)
        if any(y not in dedans for y in autour):
            comptes.passerelles.add(x)
        internes[x] = [y for y in autour if y in dedans]
        d = sauts(x)
        if d is not None and d <= 2:
            comptes.reliees += 1
    vus: set = set()
    for x in membres:
        if x in vus:
            continue
        composante, pile = [x], [x]
        vus.add(x)
        while pile:
            for y in internes[pile.pop()]:
                if y not in vus:
                    vus.add(y)
                    composante.append(y)
                    pile.append(y)
        portes = [y for y in composante if y in comptes.passerelles]
        comptes.sures += sures_composante(len(composante), len(portes))
        if len(portes) == 1 and len(composante) > 1:
            comptes.dependantes[portes[0]] = [y for y in composante if y != portes[0]]
    return comptes


def _constats(ligne: dict[str, Any], comptes: Comptes) -> list[dict[str, Any]]:
    """Ce qui explique le rang, du plus grave au moins grave : des codes et des nombres, sans phrase.

    Codes : ``trop_peu``, ``unique_isolee``, ``toutes_isolees``, ``isolees``, ``aucun_lien_externe``,
    ``aucun_lien_international``, ``part_internationale``, ``passage_unique``,
    ``bien_reliee_seule``, ``bien_reliee``, ``liens_internationaux``.
    """
    n, isolees, passerelles, reliees = ligne["organisations"], comptes.isolees, comptes.passerelles, comptes.reliees
    constats: list[dict[str, Any]] = []
    if n == 1 and isolees:
        constats.append({"code": "unique_isolee", "organisations": list(isolees)})
    elif len(isolees) == n:
        constats.append({"code": "toutes_isolees", "n": n})
    elif isolees:
        constats.append({"code": "isolees", "n": len(isolees), "organisations": list(isolees)})
    if not passerelles and len(isolees) < n:
        constats.append({"code": "aucun_lien_externe"})
    if reliees == 0:
        constats.append({"code": "aucun_lien_international"})
    elif reliees < n:
        constats.append({"code": "part_internationale", "n": reliees, "sur": n})
    if comptes.dependantes:
        constats.append({"code": "passage_unique", "passerelles": len(passerelles),
                         "dependantes": {porte: list(autres) for porte, autres in comptes.dependantes.items()}})
    if not constats and n == 1:
        constats.append({"code": "bien_reliee_seule"})
    elif not constats:
        constats.append({"code": "bien_reliee", "n": len(passerelles)})
    elif ligne["liens_internationaux"]:
        constats.append({"code": "liens_internationaux", "n": ligne["liens_internationaux"]})
    if n < MINIMUM_ORGANISATIONS:
        constats.insert(0, {"code": "trop_peu", "n": n, "minimum": MINIMUM_ORGANISATIONS})
    return constats


def membres_regions(G: nx.MultiGraph) -> dict[Cle, list]:
    """Les membres de chaque région (organisations ni internationales ni sans région)."""
    membres: dict[Cle, list] = {}
    for x, d in G.nodes(data=True):
        cle = region_de(d)
        if cle is not None:
            membres.setdefault(cle, []).append(x)
    return membres


def indices_exacts(G: nx.MultiGraph) -> dict[Cle, Fraction]:
    """L'indice de connexion exact de chaque région."""
    sauts = sauts_international(G)
    return {cle: compter(noeuds, G.adj.__getitem__, sauts.get).indice() for cle, noeuds in membres_regions(G).items()}


def classer_regions(G: nx.MultiGraph) -> pandas.DataFrame:
    """Les régions, de la moins bien reliée (rang 1) à la mieux reliée, avec ce qui explique le rang.

    ``indice_connexion`` = 0,25 × part non isolée + 0,35 × part à 2 liens ou moins de
    l'international + 0,20 × part ayant un partenaire hors de la région + 0,20 × part qui
    ne dépend pas d'une seule organisation pour atteindre l'extérieur, calculé exactement.
    Les régions d'au moins :data:`MINIMUM_ORGANISATIONS` organisations sont classées
    (``classee``) ; deux régions de même indice partagent le rang (``ex_aequo``), sans départage ;
    dans un rang partagé, la plus peuplée est listée d'abord, puis l'ordre alphabétique.
    Les plus petites suivent, sans rang. ``constats`` : les codes qui expliquent le rang (les
    phrases sont écrites par :mod:`reseau.rendu.diagnostics`). Les organisations hors de toute
    région sont dans ``table.attrs["hors_regions"]`` (:func:`hors_regions`). Le graphe n'est pas modifié.

    >>> from reseau.entrees.graphe import construire
    >>> orgs = [{"id": x, "pays": "CA", "region": "Estrie", "echelle": "locale"} for x in "abc"]
    >>> orgs.append({"id": "i", "pays": "SN", "region": "Dakar", "echelle": "internationale"})
    >>> G = construire(orgs, [{"source": "a", "cible": "i"}, {"source": "b", "cible": "a"}])
    >>> t = classer_regions(G)
    >>> t[["rang", "region", "isolees"]].values.tolist(), indices_exacts(G)[("CA", "Estrie")]
    ([[1, 'Estrie', 1]], Fraction(8, 15))
    >>> [c["code"] for c in t.loc[0, "constats"]]
    ['isolees', 'part_internationale', 'passage_unique', 'liens_internationaux']
    >>> t.attrs["hors_regions"]
    {'sans_region': [], 'internationales': ['i']}
    """
    import pandas as pd

    membres = membres_regions(G)
    region = {x: cle for cle, noeuds in membres.items() for x in noeuds}
    internationale = {x for x, e in G.nodes(data="echelle") if e == "internationale"}
    ancrages = Counter((G.nodes[x].get("pays") or "", G.nodes[x].get("region") or "") for x in internationale)
    internes: Counter[Cle] = Counter()
    externes: Counter[Cle] = Counter()
    internationaux: Counter[Cle] = Counter()
    for u, v in G.edges():
        ru, rv = region.get(u), region.get(v)
        if ru is not None and ru == rv:
            internes[ru] += 1
            continue
        for r, autre in ((ru, v), (rv, u)):
            if r is not None:
                externes[r] += 1
                if autre in internationale:
                    internationaux[r] += 1
    sauts = sauts_international(G)

    lignes: list[dict[str, Any]] = []
    exacts: list[Fraction] = []
    for (pays, nom_region), noeuds in membres.items():
        comptes = compter(noeuds, G.adj.__getitem__, sauts.get)
        indice = comptes.indice()
        ligne = {
            "pays": pays,
            "region": nom_region,
            "organisations": comptes.n,
            "ancrages_internationaux": ancrages[(pays, nom_region)],
            "liens_internes": internes[(pays, nom_region)],
            "liens_externes": externes[(pays, nom_region)],
            "liens_internationaux": internationaux[(pays, nom_region)],
            "isolees": len(comptes.isolees),
            "part_reliee_international": float(comptes.parts()["international"]),
            "indice_connexion": float(indice),
            # Krackhardt et Stern : (externes − internes) / (externes + internes), vide sans partenariat.
            "indice_ei": indice_ei(internes[(pays, nom_region)], externes[(pays, nom_region)]),
            "classee": comptes.n >= MINIMUM_ORGANISATIONS,
        }
        ligne["constats"] = _constats(ligne, comptes)
        lignes.append(ligne)
        exacts.append(indice)
    ordre = sorted(range(len(lignes)), key=lambda i: (not lignes[i]["classee"], exacts[i],
                                                      -lignes[i]["organisations"], lignes[i]["pays"],
                                                      lignes[i]["region"]))
    valeurs = Counter(exacts[i] for i in ordre if lignes[i]["classee"])
    rang, precedente = 0, None
    for position, i in enumerate(ordre, start=1):
        ligne = lignes[i]
        if not ligne["classee"]:
            ligne["rang"], ligne["ex_aequo"] = None, False
            continue
        if exacts[i] != precedente:
            rang, precedente = position, exacts[i]
        ligne["rang"], ligne["ex_aequo"] = rang, valeurs[exacts[i]] > 1
    table = pd.DataFrame([lignes[i] for i in ordre], columns=list(COLONNES))
    table["rang"] = table["rang"].astype("Int64")
    table.attrs["hors_regions"] = hors_regions(G)
    return table


def rang_affiche(rang: Any, ex_aequo: bool) -> str:
    """Le rang tel qu'on l'écrit : « 13 », « 13= » pour un rang partagé, vide hors classement.

    >>> rang_affiche(13, True), rang_affiche(2, False), rang_affiche(None, False)
    ('13=', '2', '')
    """
    import pandas as pd

    if rang is None or pd.isna(rang):
        return ""
    return f"{int(rang)}{'=' if ex_aequo else ''}"
