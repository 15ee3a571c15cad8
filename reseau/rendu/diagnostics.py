"""Les diagnostics des régions en phrases, dans la langue choisie.

L'analyse (:func:`reseau.analyse.regions.classer_regions`) rend des constats codés ;
ce module les écrit pour les gens.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyse import regions as _analyse
from .libelles import libelle, nom_court

if TYPE_CHECKING:
    import pandas

# Noms cités au plus dans une phrase de diagnostic.
NOMS_CITES = 5


def _pluriel(cle: str, n: int, langue: str, **valeurs: Any) -> str:
    return libelle(f"{cle}_{'1' if n == 1 else 'n'}", langue, n=n, **valeurs)


def _liste(G: nx.MultiGraph, noeuds: list[Hashable], langue: str) -> str:
    noms = sorted(nom_court(G.nodes[x], x) for x in noeuds)
    reste = len(noms) - NOMS_CITES
    return ", ".join(noms[:NOMS_CITES]) + (_pluriel("diag_et_autres", reste, langue) if reste > 0 else "")


def _phrase(G: nx.MultiGraph, constat: Mapping[str, Any], langue: str) -> str:
    code = constat["code"]
    if code == "unique_isolee":
        x = constat["organisations"][0]
        return libelle("diag_unique_isolee", langue, nom=nom_court(G.nodes[x], x))
    if code == "trop_peu":
        return _pluriel("diag_trop_peu", constat["n"], langue, minimum=constat["minimum"])
    if code == "isolees":
        return _pluriel("diag_isolees", constat["n"], langue, liste=_liste(G, constat["organisations"], langue))
    if code in ("part_internationale", "bien_reliee", "liens_internationaux"):
        return _pluriel(f"diag_{code}", constat["n"], langue, sur=constat.get("sur"))
    if code == "passage_unique":
        porte, autres = max(constat["dependantes"].items(),
                            key=lambda item: (len(item[1]), nom_court(G.nodes[item[0]], item[0])))
        cle = "diag_passage_seul" if constat["passerelles"] == 1 else "diag_passage"
        return _pluriel(cle, len(autres), langue, porte=nom_court(G.nodes[porte], porte))
    return libelle(f"diag_{code}", langue, **{k: v for k, v in constat.items() if k != "code"})


def phrases_hors_regions(G: nx.MultiGraph, hors: Mapping[str, list], langue: str = "fr") -> list[str]:
    """Les organisations hors de toute région, en phrases : sans région précisée, ancrages internationaux.

    >>> G = nx.MultiGraph()
    >>> G.add_node("a", sigle="GESQ")
    >>> phrases_hors_regions(G, {"sans_region": ["a"], "internationales": []})
    ['1 organisation sans région précisée, comptée à part (non classée) : GESQ.']
    """
    phrases = []
    for cle in ("sans_region", "internationales"):
        noeuds = list(hors.get(cle) or [])
        if noeuds:
            phrases.append(_pluriel(f"diag_hors_{cle}", len(noeuds), langue, liste=_liste(G, noeuds, langue)) + ".")
    return phrases


def diagnostic(G: nx.MultiGraph, constats: list[Mapping[str, Any]], langue: str = "fr") -> str:
    """Les constats d'une région en phrases, de la plus grave à la moins grave.

    >>> G = nx.MultiGraph()
    >>> G.add_node("a", sigle="GESQ")
    >>> diagnostic(G, [{"code": "unique_isolee", "organisations": ["a"]}], "en")
    'Its only organisation, GESQ, is isolated (no partnership).'
    """
    return " ".join(p[0].upper() + p[1:] + "." for p in (_phrase(G, c, langue) for c in constats))


def classer_regions(G: nx.MultiGraph, langue: str = "fr") -> pandas.DataFrame:
    """Le classement des régions (:func:`reseau.analyse.regions.classer_regions`) et son ``diagnostic`` en phrases.

    Examples
    --------
    >>> from reseau.entrees.graphe import construire
    >>> orgs = [{"id": "a", "pays": "CA", "region": "Estrie", "echelle": "locale"},
    ...         {"id": "b", "pays": "CA", "region": "Estrie", "echelle": "locale"},
    ...         {"id": "i", "pays": "SN", "region": "Dakar", "echelle": "internationale"}]
    >>> t = classer_regions(construire(orgs, [{"source": "a", "cible": "i"}]))
    >>> for phrase in t.loc[0, "diagnostic"].split(". "):
    ...     print(phrase)
    Trop peu d'organisations pour conclure (2, il en faut au moins 3)
    1 organisation isolée : b
    1 organisation sur 2 à 2 liens ou moins de l'international
    1 partenariat avec des organisations internationales.
    """
    table = _analyse.classer_regions(G)
    table["diagnostic"] = [diagnostic(G, constats, langue) for constats in table["constats"]]
    return table


# Colonnes du classement expliqué (sorties de ``reseau regions``).
COLONNES: tuple[str, ...] = (*(c for c in _analyse.COLONNES if c != "constats"), "diagnostic")
rang_affiche = _analyse.rang_affiche


# --- Les liens à créer ------------------------------------------------------------------

# Colonnes des suggestions expliquées (sorties de ``reseau suggestions``, CSV ; le JSON garde aussi les codes).
COLONNES_SUGGESTIONS: tuple[str, ...] = (
    "pays", "region", "ordre", "source", "source_nom", "cible", "cible_nom", "cible_pays", "indice_avant",
    "indice_apres", "gain_indice", "organisations_reliees", "partenaires_communs", "adamic_adar", "sud_sud",
    "raison",
)


def _explication(G: nx.MultiGraph, code: Mapping[str, Any], region: str, langue: str) -> str:
    cle = code["code"]
    if cle == "relie_international":
        return _pluriel("sugg_relie_international", code["n"], langue, region=region)
    if cle == "sort_isolement":
        organisations = code["organisations"]
        return _pluriel("sugg_sort_isolement", len(organisations), langue, liste=_liste(G, organisations, langue))
    if cle == "ouvre_region":
        x = code["organisation"]
        return libelle("sugg_ouvre_region", langue, nom=nom_court(G.nodes[x], x))
    if cle in ("second_passage", "partenaires_communs"):
        return _pluriel(f"sugg_{cle}", code["n"], langue)
    return libelle(f"sugg_{cle}", langue)


def raison(G: nx.MultiGraph, suggestion: Mapping[str, Any], langue: str = "fr") -> str:
    """Pourquoi ce lien, en une phrase : ses effets simulés puis ce qui le rend plausible.

    >>> G = nx.MultiGraph()
    >>> G.add_node("a", sigle="A")
    >>> codes = [{"code": "relie_international", "n": 4}, {"code": "partenaires_communs", "n": 3}]
    >>> for morceau in raison(G, {"region": "Estrie", "indice_avant": 0.5, "indice_apres": 0.75,
    ...                           "explications": codes}).split(" ; "):
    ...     print(morceau)
    Relierait à l'international en 2 liens 4 organisations de la région Estrie
    partenaires communs : 3
    indice de la région : 0,50 → 0,75
    """
    from .libelles import nombre

    region = suggestion["region"]
    morceaux = [_explication(G, code, region, langue) for code in suggestion["explications"]]
    morceaux.append(libelle("sugg_indice", langue, avant=nombre(suggestion["indice_avant"], langue, 2),
                            apres=nombre(suggestion["indice_apres"], langue, 2)))
    texte = " ; ".join(morceaux) if langue == "fr" else "; ".join(morceaux)
    return texte[0].upper() + texte[1:]


def suggerer_liens(G: nx.MultiGraph, *, region: str | None = None, nombre: int | None = None,
                   langue: str = "fr") -> pandas.DataFrame:
    """Les liens à créer (:func:`reseau.analyse.suggestions.suggerer_liens`), avec les noms et la ``raison`` en phrase.

    >>> from reseau.entrees.graphe import construire
    >>> orgs = [{"id": x, "pays": "CA", "region": "Estrie", "echelle": "locale"} for x in "abc"]
    >>> orgs.append({"id": "i", "pays": "SN", "echelle": "internationale", "sigle": "RAESS"})
    >>> G = construire(orgs, [{"source": "a", "cible": "b"}, {"source": "b", "cible": "c"}])
    >>> for morceau in suggerer_liens(G, nombre=1).loc[0, "raison"].split(" ; "):
    ...     print(morceau)
    Relierait à l'international en 2 liens 3 organisations de la région Estrie
    donnerait à b un premier partenaire hors de la région
    lien direct du local à l'international
    indice de la région : 0,25 → 0,73
    """
    from ..analyse import suggestions as _suggestions

    table = _suggestions.suggerer_liens(G, region=region, nombre=nombre or _suggestions.NOMBRE)
    noms = {x: nom_court(d, x) for x, d in G.nodes(data=True)}
    table["source_nom"] = [noms[x] for x in table["source"]]
    table["cible_nom"] = [noms[x] for x in table["cible"]]
    table["cible_pays"] = [G.nodes[x].get("pays") or "" for x in table["cible"]]
    table["raison"] = [raison(G, ligne, langue) for ligne in table.to_dict("records")]
    return table


def liens_suggeres(G: nx.MultiGraph, *, langue: str = "fr", **options: Any) -> list[dict[str, Any]]:
    """Les liens à créer pour la carte : ``{"source", "cible", "raison"}``.

    >>> from reseau.entrees.graphe import construire
    >>> orgs = [{"id": x, "pays": "CA", "region": "Estrie", "echelle": "locale"} for x in "abc"]
    >>> orgs.append({"id": "i", "pays": "SN", "echelle": "internationale"})
    >>> G = construire(orgs, [{"source": "a", "cible": "b"}, {"source": "b", "cible": "c"}])
    >>> [(s["source"], s["cible"]) for s in liens_suggeres(G, nombre=1)]
    [('b', 'i')]
    """
    table = suggerer_liens(G, langue=langue, **options)
    return [{"source": s, "cible": c, "raison": r} for s, c, r in zip(table["source"], table["cible"], table["raison"])]
