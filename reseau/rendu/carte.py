"""La carte interactive : un seul fichier HTML autonome, qui s'ouvre hors ligne.

Nœuds, liens et options au format de vis-network (sans pyvis, qui n'apportait que ce format, et
coûtait 0,1 s d'import), dans un gabarit propre : vis-network, sa feuille de style, le code de la
page et les données sont embarqués ; aucune ressource externe.
Tout texte venu des données voyage en JSON échappé et s'affiche par ``textContent``.
"""

from __future__ import annotations

import datetime
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from .._fichiers import ecrire_atomique, propre
from ..analyse.agregation import AGREGATS, cle_groupe
from ..analyse.agregation import agreger as agreger_graphe
from ..entrees.geographie import dossier_reference, nom_pays
from ..entrees.schema import ECHELLES, TYPES_ORGANISATION, TYPES_PARTENARIAT
from ..erreurs import ParametreInvalide, verifier_choix
from ..reglages import LONGUEUR_LIBELLE, MAX_COULEURS, MAX_LIBELLES, MAX_MEMBRES, SEUIL_AGREGATION, SEUIL_PHYSIQUE
from .couleurs import ECHELLE, INCONNU, NORD_SUD, categorie, melanger, palette
from .disposition import (
    DISPOSITIONS,
    UNITES_PAR_DEGRE,
    coordonnees,
    disposition_force,
    disposition_geographique,
    disposition_strates,
)
from .fond import anneaux_du_monde, lignes_provinces
from .gabarit import Brut, rendre
from .libelles import LANGUES, VOCABULAIRE, abreger, nom_groupe, nombre, traduire, verifier_langue

COULEURS: tuple[str, ...] = ("echelle", "type", "communaute", "nord_sud", "region")
TAILLE_LIBELLES = 13  # px à l'écran, par défaut (réglable dans la page et par --taille-libelles)
TAILLES_LIBELLES_PERMISES = (8, 40)
MAX_OUVRABLES = 3000  # vue agrégée : jusque-là, les organisations sont embarquées et un groupe peut s'ouvrir
# Vue agrégée : au-delà de MAX_LIENS_AGREGES liens, seuls les liens forts sont dessinés (ceux d'au moins
# « seuil » partenariats, au plus MAX_LIENS_AGREGES, et les LIENS_PAR_GROUPE plus forts de chaque groupe).
MAX_LIENS_AGREGES = 400
LIENS_PAR_GROUPE = 3
# Au-delà de ce nombre de liens, la page garde l'image des liens et des nœuds au repos d'un dessin à l'autre
# (gabarits/carte/couche.js) : un survol ou une sélection ne redessine que quelques nœuds.
SEUIL_COUCHE = 3000
COULEUR_GROUPE = "#d0d7de"  # groupes d'une vue agrégée colorée par échelle : gris neutre, anneau de composition
MESURES_FICHE: tuple[str, ...] = (
    "degre", "intermediarite", "pagerank", "noyau", "point_articulation", "communaute",
    "sauts_international", "echelles_2_sauts", "pays_2_sauts", "liens_nord_sud", "portee_km",
    "courtage_coordinateur", "courtage_consultant", "courtage_representant", "courtage_gardien",
    "courtage_liaison", "courtage_total",
)
PRECISIONS_APPROXIMATIVES = frozenset({"region", "pays"})
# Les mesures qui ne peuvent pas donner la taille des nœuds (booléennes) ; un test vérifie que ce
# sont exactement les colonnes non numériques de mesures_organisations.
MESURES_NON_NUMERIQUES = frozenset({"point_articulation"})

_ICI = Path(__file__).resolve().parent
RESSOURCES = _ICI / "ressources"
GABARITS = _ICI / "gabarits"
# Le script de la page, un fichier par rôle dans gabarits/carte/, bout à bout dans cet ordre : les
# modules purs (sans document, window ni vis ; testés par node --test dans tests/js/), puis page.js.
MODULES_JS: tuple[str, ...] = ("outils", "recherche", "filtres", "libelles", "fiche", "image", "frise", "geo", "liens", "vue",
                                "agregats", "presentation", "couche", "page")


def construire_carte(
    G: nx.MultiGraph,
    *,
    couleur: str = "echelle",
    taille: str = "degre",
    disposition: str = "force",
    agreger: str | None = None,
    langue: str = "fr",
    titre: str | None = None,
    taille_libelles: int = TAILLE_LIBELLES,
    progression: Callable[[str], None] | None = None,
    suggestions: bool = False,
) -> str:
    """Le HTML complet de la carte interactive du réseau ``G``.

    ``suggestions`` : ajoute les liens à créer (:func:`reseau.rendu.diagnostics.liens_suggeres`),
    en pointillé, affichés par une case à cocher (vue par organisation seulement).

    ``couleur`` : ``echelle``, ``type``, ``communaute``, ``nord_sud`` ou ``region`` ;
    ``taille`` : une mesure numérique de :func:`reseau.analyse.mesures.mesures_organisations` ;
    ``disposition`` : ``force``, ``geographique`` ou ``strates`` ; ``agreger`` : ``region``,
    ``pays`` ou ``echelle`` (un nœud par groupe) ; ``taille_libelles`` : taille des libellés
    en pixels à l'écran (de 8 à 40 ; réglable ensuite dans la page). Au-delà de ``SEUIL_AGREGATION``
    organisations sans ``agreger``, la vue est agrégée par région et c'est annoncé
    (``progression``, à défaut la sortie d'erreur, et un bandeau dans la page).
    ``G`` n'est pas modifié.
    """
    from ..analyse.mesures import MESURES

    verifier_langue(langue)
    bas, haut = TAILLES_LIBELLES_PERMISES
    if isinstance(taille_libelles, bool) or not isinstance(taille_libelles, int) or not bas <= taille_libelles <= haut:
        raise ParametreInvalide(f"taille des libellés « {taille_libelles} » : un nombre entier de pixels, de {bas} à {haut} "
                                f"(défaut {TAILLE_LIBELLES}).")
    verifier_choix("couleur", couleur, COULEURS)
    verifier_choix("disposition", disposition, DISPOSITIONS)
    verifier_choix("taille", taille, MESURES)
    if agreger is not None:
        verifier_choix("agreger", agreger, AGREGATS)
    force = agreger is None and G.number_of_nodes() > SEUIL_AGREGATION
    if force:
        agreger = "region"
        n = G.number_of_nodes()
        (progression or _sortie_erreur)(
            f"{n} organisations : au-delà de {SEUIL_AGREGATION}, la carte montre une vue agrégée par région "
            "(--agreger pour choisir le regroupement, --pays ou --echelle pour réduire le réseau)."
        )
    mesures = _mesures(G, taille, progression) if agreger is None or couleur == "communaute" else None
    if agreger is None:
        H = _graphe_organisations(G, mesures or {})
    else:
        valeurs = {"communaute": {x: m["communaute"] for x, m in mesures.items()}} if mesures else None
        H = agreger_graphe(G, agreger, valeurs=valeurs)
        nx.set_node_attributes(H, {c: nom_groupe(c, agreger, langue) for c in H}, "nom")
    if progression and G.number_of_nodes() >= SEUIL_PHYSIQUE:
        progression(f"Carte : disposition « {disposition} » de {H.number_of_nodes()} nœuds…")
    donnees = _donnees_page(G, H, couleur=couleur, taille=taille, disposition=disposition, agreger=agreger, langue=langue)
    if suggestions and agreger is None:
        from .diagnostics import liens_suggeres

        donnees["suggestions"] = [s for s in liens_suggeres(G, langue=langue) if s["source"] in H and s["cible"] in H]
    donnees["taille_libelles"] = taille_libelles
    liens = G.number_of_edges()  # un parcours de tous les liens : une fois pour toutes les langues
    donnees["langues"] = {lg: _textes_langue(G, H, lg, couleur=couleur, taille=taille, agreger=agreger, titre=titre,
                                             force=force, bandes=donnees["bandes"], forts=donnees["liens_forts"],
                                             liens=liens)
                          for lg in LANGUES}
    ici = donnees["langues"][langue]
    return _rendre(donnees, titre=ici["titre"], sous_titre=ici["sous_titre"], bandeau=ici["bandeau"], langue=langue)


def ecrire_carte(G: nx.MultiGraph, chemin: str | Path, **options: Any) -> Path:
    """Écrit la carte (UTF-8, atomiquement : un échec ne laisse ni fichier partiel ni ancienne carte abîmée).

    ``options`` : celles de :func:`construire_carte`. Rend le chemin écrit.
    """
    html = construire_carte(G, **options)
    return ecrire_atomique(chemin, html)


# --- Paramètres -----------------------------------------------------------------------

def _sortie_erreur(message: str) -> None:
    print(message, file=sys.stderr)


# --- Données --------------------------------------------------------------------------

def _mesures(G: nx.MultiGraph, taille: str, progression: Callable[[str], None] | None) -> dict[Hashable, dict[str, Any]]:
    """Les mesures par organisation, {id: {mesure: valeur}} ; ``taille`` doit être numérique."""
    from ..analyse.mesures import MESURES, PIVOTS_MIN, colonnes_mesures

    # pour l'affichage, l'ordre de grandeur suffit : estimation sur le minimum de pivots au-delà du seuil ;
    # les colonnes sans pandas (le démarrage de la carte n'importe pas pandas)
    table, _calcul = colonnes_mesures(G, pivots=PIVOTS_MIN, progression=progression)
    if not table["id"]:
        return {}
    numeriques = [c for c in MESURES if c not in MESURES_NON_NUMERIQUES]
    if taille not in numeriques:
        raise ParametreInvalide(f"taille « {taille} » : mesure non numérique — valeurs possibles : {', '.join(numeriques)}")
    return {x: {c: propre(v) for c, v in zip(MESURES, valeurs)}
            for x, *valeurs in zip(table["id"], *(table[c] for c in MESURES))}


def _graphe_organisations(G: nx.MultiGraph, mesures: Mapping[Hashable, dict]) -> nx.Graph:
    """La projection simple de ``G`` ; chaque arête garde le détail de ses partenariats."""
    from ..entrees.graphe import projection

    H = projection(G)
    paires: dict[frozenset, tuple[Hashable, Hashable, dict]] = {}
    for u, v, d in G.edges(data=True):
        cle = frozenset((u, v))
        if cle not in paires:
            paires[cle] = (u, v, {"compte_types": Counter(), "details": []})
        attributs = paires[cle][2]
        attributs["compte_types"][d.get("type", "")] += 1
        source = d.get("source", u) if d.get("oriente") else None
        attributs["details"].append((source, d.get("type", ""), d.get("debut"), d.get("fin"),
                                     d.get("description") or "", d.get("reference") or ""))
    H.add_edges_from(paires.values())  # complète les arêtes existantes
    for x in H.nodes:
        H.nodes[x]["mesures"] = mesures.get(x, {})
    return H


def _cle_couleur(d: Mapping, couleur: str) -> str:
    if couleur == "region":
        return cle_groupe(d, "region")
    if couleur == "communaute":
        valeur = d.get("communaute", (d.get("mesures") or {}).get("communaute"))
        return "" if valeur is None else str(valeur)
    return str(d.get(couleur) or "")


def _libelle_categorie(valeur: str, couleur: str, langue: str) -> str:
    if valeur == "":
        return traduire("carte_non_precise", langue)
    if couleur == "region":
        return nom_groupe(valeur, "region", langue)
    if couleur == "communaute":
        return traduire("carte_communaute_n", langue).format(n=valeur)
    return traduire(valeur, langue)


def _palette(cles: Mapping[Hashable, str], couleur: str, langue: str) -> tuple[dict[str, str], list[dict]]:
    """Couleur de chaque catégorie et entrées de légende (couleur, libellé, nombre)."""
    compte = Counter(cles.values())
    if couleur == "echelle":
        ordre = [e for e in reversed(ECHELLES) if e in compte] + sorted(c for c in compte if c not in ECHELLE)
        couleurs = {c: ECHELLE.get(c, INCONNU) for c in ordre}
    elif couleur == "nord_sud":
        ordre = [c for c in ("nord", "sud") if c in compte] + sorted(c for c in compte if c not in ("nord", "sud"))
        couleurs = {c: NORD_SUD.get(c, INCONNU) for c in ordre}
    else:
        ordre = sorted(compte, key=lambda c: (c == "", -compte[c], _libelle_categorie(c, couleur, langue)))
        if len(ordre) <= MAX_COULEURS:
            couleurs = palette([c for c in ordre if c != ""])
            couleurs[""] = INCONNU
        else:
            couleurs = {c: categorie(i) for i, c in enumerate(ordre[: MAX_COULEURS - 1])}
    legende = [{"couleur": couleurs[c], "libelle": _libelle_categorie(c, couleur, langue), "nombre": compte[c]}
               for c in ordre if c in couleurs]
    autres = sum(compte[c] for c in ordre if c not in couleurs)
    if autres:
        legende.append({"couleur": INCONNU, "libelle": traduire("carte_autres", langue), "nombre": autres})
    return {c: couleurs.get(c, INCONNU) for c in ordre}, legende


def _rayons(valeurs: Mapping[Hashable, Any], minimum: float, maximum: float) -> dict[Hashable, float]:
    """Rayons proportionnels à la racine de la valeur (aire ∝ valeur), entre ``minimum`` et ``maximum``.

    >>> _rayons({"a": 0, "b": 4, "c": None}, 5, 25)
    {'a': 5.0, 'b': 25.0, 'c': 5.0}
    """
    nombres = {x: float(v) for x, v in valeurs.items() if v is not None and not isinstance(v, bool) and math.isfinite(v)}
    if not nombres:
        return {x: float(minimum) for x in valeurs}
    bas, haut = min(nombres.values()), max(nombres.values())
    etendue = haut - bas
    return {
        x: round(minimum + (maximum - minimum) * math.sqrt((nombres[x] - bas) / etendue), 2)
        if x in nombres and etendue > 0 else float(minimum)
        for x in valeurs
    }


@dataclass(frozen=True)
class LiensForts:
    """Les liens dessinés d'une vue agrégée dense, et la règle qui les a choisis (annoncée dans la légende)."""

    paires: frozenset[frozenset]  # les liens dessinés, {u, v}
    seuil: int  # tout lien d'au moins ``seuil`` partenariats est dessiné
    k: int  # et les ``k`` plus forts de chaque groupe
    total: int  # liens de la vue


def liens_forts(H: nx.Graph, k: int = LIENS_PAR_GROUPE, maximum: int = MAX_LIENS_AGREGES) -> LiensForts | None:
    """Les liens qui portent l'information d'une vue agrégée de plus de ``maximum`` liens (sinon None).

    Sont gardés : tous les liens d'au moins ``seuil`` partenariats, le plus bas seuil (au moins 2) qui
    n'en garde pas plus de ``maximum`` ; et, pour chaque groupe, ses ``k`` liens les plus forts
    (partenariats, puis poids), pour qu'aucun groupe relié ne paraisse isolé.

    >>> H = nx.Graph([("a", "b", {"partenariats": 9}), ("b", "c", {"partenariats": 1}),
    ...               ("c", "d", {"partenariats": 1}), ("a", "c", {"partenariats": 5}), ("b", "d", {"partenariats": 2})])
    >>> f = liens_forts(H, k=1, maximum=2)
    >>> f.seuil, sorted(tuple(sorted(p)) for p in f.paires)
    (3, [('a', 'b'), ('a', 'c'), ('b', 'd')])
    >>> liens_forts(H, maximum=5) is None
    True
    """
    total = H.number_of_edges()
    if total <= maximum:
        return None

    def force(d: Mapping) -> tuple[int, float]:
        return int(d.get("partenariats", 1)), float(d.get("poids", d.get("partenariats", 1)))

    valeurs = sorted((force(d)[0] for _, _, d in H.edges(data=True)), reverse=True)
    seuil = max(2, valeurs[maximum] + 1)
    paires = {frozenset((u, v)) for u, v, d in H.edges(data=True) if u != v and force(d)[0] >= seuil}
    for x in H:
        voisins = sorted(((v, d) for v, d in H[x].items() if v != x),
                         key=lambda vd: (-force(vd[1])[0], -force(vd[1])[1], str(vd[0])))
        paires.update(frozenset((x, v)) for v, _ in voisins[:k])
    return LiensForts(frozenset(paires), seuil, k, total)


def _squelette(H: nx.Graph, forts: LiensForts) -> nx.Graph:
    """``H`` réduit à ses liens forts (mêmes nœuds, dans le même ordre) : la disposition suit ce qui est dessiné."""
    S = nx.Graph()
    S.add_nodes_from(H.nodes(data=True))
    S.add_edges_from((u, v) for u, v in H.edges() if frozenset((u, v)) in forts.paires)
    return S


class _Chaines:
    """Table de chaînes partagées (sources, descriptions des partenariats) : chaque texte une fois."""

    def __init__(self) -> None:
        self.liste: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, texte: str) -> int | None:
        if not texte:
            return None
        if texte not in self._index:
            self._index[texte] = len(self.liste)
            self.liste.append(texte)
        return self._index[texte]


def _donnees_page(
    G: nx.MultiGraph, H: nx.Graph, *, couleur: str, taille: str, disposition: str, agreger: str | None, langue: str
) -> dict[str, Any]:
    """Tout ce que la page reçoit : nœuds et liens (format vis-network), légende, filtres, fond."""
    n = H.number_of_nodes()
    grand = n > SEUIL_PHYSIQUE
    geographique = disposition == "geographique"
    if agreger:
        rayons = _rayons({x: d["effectif"] for x, d in H.nodes(data=True)}, *((8, 26) if geographique else (10, 45)))
    else:  # en géographique, des pixels à l'écran, quel que soit le zoom : des disques plus petits
        minimum, maximum = ((3, 10) if grand else (5, 16)) if geographique else ((4, 24) if grand else (8, 30))
        rayons = _rayons({x: d["mesures"].get(taille) for x, d in H.nodes(data=True)}, minimum, maximum)
    cles = {x: _cle_couleur(d, couleur) for x, d in H.nodes(data=True)}
    couleurs, legende = _palette(cles, couleur, langue)
    anneaux = _anneaux(agreger, couleur)
    if anneaux:
        legende = _legende_anneaux(G, langue)

    def couleur_noeud(x: Hashable) -> str:
        return COULEUR_GROUPE if anneaux else couleurs[cles[x]]

    # vue agrégée dense : seuls les liens forts sont dessinés, et la disposition ne suit qu'eux
    forts = liens_forts(H, LIENS_PAR_GROUPE, MAX_LIENS_AGREGES) if agreger else None
    dispose = H if forts is None else _squelette(H, forts)
    bandes = None
    if disposition == "geographique":
        positions = disposition_geographique(H)
    elif disposition == "strates":
        positions, bandes = disposition_strates(dispose, rayons)
    else:  # positions définitives : la page ne relance pas de physique
        positions = disposition_force(dispose, espace=3.5 * max(rayons.values(), default=10), rayons=None if grand else rayons)

    def membres(d: Mapping) -> list[str] | None:
        return [_libelle_organisation(G.nodes[m], m) for m in d["membres"][:MAX_MEMBRES]] if agreger else None

    chaines = _Chaines()
    mesures_fiche = list(dict.fromkeys((*MESURES_FICHE, taille))) if not agreger else []
    pointilles = disposition == "geographique" and not agreger
    noeuds = [_noeud(x, d, rayons[x], couleur_noeud(x), positions.get(x), chaines, membres(d), mesures_fiche, pointilles)
              for x, d in H.nodes(data=True)]
    liens = [_lien(i, u, v, d, agreger, chaines, forts) for i, (u, v, d) in enumerate(H.edges(data=True))]
    couche = H.number_of_edges() > SEUIL_COUCHE  # liens faibles compris : la case « tous les liens » les dessine
    options = _options(grand=grand, couche=couche)
    if geographique:  # chaque nœud reste à son lieu : la page l'écarte à l'écran
        options["interaction"]["dragNodes"] = False

    vocabulaire = {v: traduire(v, langue) for v in (*ECHELLES, *TYPES_ORGANISATION, *TYPES_PARTENARIAT, "nord", "sud")}
    textes = {cle.removeprefix("carte_"): traduire(cle, langue) for cle in VOCABULAIRE if cle.startswith("carte_")}
    codes = sorted({d.get("pays") for _, d in G.nodes(data=True) if d.get("pays")})
    return {
        "langue": langue,
        "textes": textes,
        "vocabulaire": vocabulaire,
        "pays": {c: nom_pays(c, langue) for c in codes},
        "noeuds": noeuds,
        "liens": liens,
        "chaines": chaines.liste,
        "options": options,
        "couche": couche,
        "liens_forts": None if forts is None else {"dessines": len(forts.paires), "total": forts.total,
                                                   "seuil": forts.seuil, "k": forts.k},
        "disposition": disposition,
        "agregat": agreger,
        "legende": {"titre": traduire(f"carte_couleur_{couleur}", langue), "entrees": legende},
        "taille": traduire("carte_taille_effectif", langue) if agreger else traduire("carte_taille", langue).format(
            mesure=traduire(f"carte_mesure_{taille}", langue)),
        "approximatives": disposition == "geographique" and not agreger and any(
            d.get("precision") in PRECISIONS_APPROXIMATIVES for _, d in H.nodes(data=True)),
        "filtres": _filtres(H, langue, agreger),
        "anneaux": {e: ECHELLE.get(e, INCONNU) for e in (*reversed(ECHELLES), "null")} if anneaux else None,
        **(_organisations_ouvrables(G, agreger, couleur, couleurs)
           if agreger and G.number_of_nodes() <= MAX_OUVRABLES else {}),
        "couleur": couleur,
        "mesures_fiche": mesures_fiche,
        "bordures": {c: melanger(c, "#000000", 0.35) for c in sorted({*couleurs.values(), COULEUR_GROUPE})},
        "seuil_libelles_px": 2.5 if grand else 0,  # au-delà du seuil, les petits nœuds n'ont de libellé qu'en zoomant
        "max_libelles": MAX_LIBELLES,
        "monde": _monde() if disposition == "geographique" else None,
        "provinces": _provinces() if disposition == "geographique" else None,
        "unites_par_degre": UNITES_PAR_DEGRE,
        "bandes": [{**b, "libelle": traduire(b["echelle"], langue).capitalize() if b["echelle"] else
                    traduire("carte_non_precise", langue), "couleur": ECHELLE.get(b["echelle"], INCONNU)}
                   for b in bandes] if bandes else None,
    }


def _organisations_ouvrables(G: nx.MultiGraph, agreger: str, couleur: str, couleurs: Mapping[str, str]) -> dict[str, Any]:
    """Vue agrégée : les organisations (avec leur groupe) et leurs liens, pour ouvrir un groupe dans la page.

    Lien : [u, v, {type: nombre}, sens] (sens : 1 si un partenariat orienté va de u vers v, -1 l'inverse,
    2 les deux, 0 aucun)."""
    def couleur_org(d: Mapping) -> str:
        if couleur == "echelle":
            return ECHELLE.get(str(d.get("echelle") or ""), INCONNU)
        if couleur == "nord_sud":
            return NORD_SUD.get(str(d.get("nord_sud") or ""), INCONNU)
        return couleurs.get(_cle_couleur(d, couleur), INCONNU)

    organisations = []
    for x, d in G.nodes(data=True):
        o = {c: propre(d.get(c)) for c in ("nom", "sigle", "type", "echelle", "pays", "region", "ville", "nord_sud")
             if d.get(c) not in (None, "")}
        o.update(id=x, groupe=cle_groupe(d, agreger), couleur=couleur_org(d))
        organisations.append(o)
    liens: dict[frozenset, list] = {}
    for u, v, d in G.edges(data=True):
        cle = frozenset((u, v))
        if cle not in liens:
            liens[cle] = [u, v, Counter(), 0]
        lien = liens[cle]
        lien[2][d.get("type", "")] += 1
        if d.get("oriente"):
            sens = 1 if d.get("source", u) == lien[0] else -1
            lien[3] = sens if lien[3] in (0, sens) else 2
    return {"organisations": organisations, "liens_organisations": [[u, v, dict(c), s] for u, v, c, s in liens.values()],
            "bordures_organisations": {c: melanger(c, "#000000", 0.35) for c in {o["couleur"] for o in organisations}}}


def _anneaux(agreger: str | None, couleur: str) -> bool:
    """Vue agrégée colorée par échelle (sauf par échelle) : groupes gris et anneau de composition."""
    return bool(agreger) and couleur == "echelle" and agreger != "echelle"


def _legende_anneaux(G: nx.MultiGraph, langue: str) -> list[dict]:
    """Légende des anneaux : les échelles et leur nombre d'organisations (pas de groupes)."""
    return _palette({x: _cle_couleur(d, "echelle") for x, d in G.nodes(data=True)}, "echelle", langue)[1]


def _libelle_organisation(d: Mapping, x: Hashable) -> str:
    """« SIGLE — Nom », ou le nom seul.

    >>> _libelle_organisation({"nom": "Groupe d'économie solidaire du Québec", "sigle": "GESQ"}, "gesq")
    "GESQ — Groupe d'économie solidaire du Québec"
    """
    nom, sigle = str(d.get("nom") or x), str(d.get("sigle") or "")
    return f"{sigle} — {nom}" if sigle and sigle != nom else nom


def _arrondi(valeur: Any) -> Any:
    """Quatre chiffres significatifs suffisent à la fiche.

    >>> _arrondi(0.000225503), _arrondi(11960.0857), _arrondi(3)
    (0.0002255, 11960.0, 3)
    """
    return float(f"{valeur:.4g}") if isinstance(valeur, float) else valeur


def _noeud(x: Hashable, d: Mapping, rayon: float, couleur: str, position: tuple[float, float] | None,
           chaines: _Chaines, membres: list[str] | None, mesures: list[str], pointilles: bool) -> dict[str, Any]:
    """Un nœud vis-network, avec les champs de la fiche (vides omis).

    ``membres`` : pour un groupe ; ``mesures`` : celles que la fiche montre ; ``pointilles`` :
    bordure pointillée si la position est approximative. L'infobulle (texte brut) et les
    couleurs de surbrillance sont complétées par la page.
    """
    nom, sigle = str(d.get("nom") or x), str(d.get("sigle") or "")
    noeud: dict[str, Any] = {"id": x, "libelle": abreger(sigle or nom, LONGUEUR_LIBELLE), "size": rayon, "color": couleur}
    if pointilles and d.get("precision") in PRECISIONS_APPROXIMATIVES:  # disque clair, bordure pointillée
        noeud.update(color={"background": melanger(couleur, "#FFFFFF", 0.55), "border": couleur}, borderWidth=2,
                     shapeProperties={"borderDashes": [4, 3]})
    if position is not None:
        noeud["x"], noeud["y"] = position
    lat, lon = coordonnees(d)  # de quoi vérifier la carte : projeter(lon, lat) dans la page
    noeud.update(lon=None if lon is None else round(lon, 5), lat=None if lat is None else round(lat, 5),
                 precision=d.get("precision") or None)
    champs = ("nom", "sigle", "type", "echelle", "pays", "region", "ville", "nord_sud", "precision",
              "site_web", "description")
    noeud.update({c: propre(d.get(c)) for c in champs if d.get(c) not in (None, "")})
    if d.get("reference"):
        noeud["reference"] = chaines(str(d["reference"]))
    if membres is not None:
        noeud.update(effectif=d["effectif"], liens_internes=d["liens_internes"], repartition=d["repartition"],
                     membres=membres)
    else:
        valeurs = d.get("mesures", {})
        noeud["mesures"] = {m: _arrondi(valeurs[m]) for m in mesures if valeurs.get(m) is not None}
    return noeud


def _fleches(sens: set[int]) -> str | None:
    """Flèches vis-network d'un lien d'après le sens de ses partenariats orientés.

    >>> _fleches({0, 1}), _fleches({-1}), _fleches({1, -1}), _fleches({0})
    ('to', 'from', 'to, from', None)
    """
    return ", ".join(nom for s, nom in ((1, "to"), (-1, "from")) if s in sens) or None


def _lien(i: int, u: Hashable, v: Hashable, d: Mapping, agreger: str | None, chaines: _Chaines,
          forts: LiensForts | None = None) -> dict[str, Any]:
    """Un lien vis-network : épaisseur selon le nombre de partenariats et le poids (défaut : 1,5), flèches
    pour les partenariats orientés, détail pour la fiche de lien ; ``faible`` : hors des liens forts
    d'une vue agrégée (gardé pour les fiches, dessiné seulement sur demande)."""
    partenariats = d.get("partenariats", 1)
    poids = d.get("poids", float(partenariats))
    lien: dict[str, Any] = {"id": i, "from": u, "to": v, "types": dict(d.get("compte_types") or {})}
    if agreger:
        largeur = 1.5 + 2.2 * math.log2(partenariats)
    else:
        largeur = min(8.0, 1.5 + 1.0 * (partenariats - 1) + 0.5 * math.log2(max(poids, 1.0)))
        # [sens (1 : from → to, -1 : to → from, 0 : non orienté), type, début, fin, description, source]
        lien["details"] = [[0 if source is None else 1 if source == u else -1, t, debut, fin, chaines(desc), chaines(ref)]
                           for source, t, debut, fin, desc, ref in d.get("details", [])]
        fleches = _fleches({x[0] for x in lien["details"]})
        if fleches:
            lien["arrows"] = fleches
    lien["partenariats"] = partenariats
    lien["poids"] = _arrondi(float(poids))
    if largeur != 1.5:
        lien["width"] = round(largeur, 2)
    if forts is not None and frozenset((u, v)) not in forts.paires:
        lien["faible"] = True
    return lien


def _options(*, grand: bool, couche: bool = False) -> dict[str, Any]:
    """Options vis-network : jamais de physique (les positions calculées en Python sont définitives).

    ``grand`` : liens masqués pendant un déplacement ou un zoom ; ``couche`` (beaucoup de liens) : ni les
    liens d'un nœud survolé ou sélectionné mis en valeur par vis-network, ni survol des liens (la page
    garde l'image des liens d'un dessin à l'autre)."""
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {"shape": "dot", "borderWidth": 1, "borderWidthSelected": 3},
        "edges": {
            "smooth": False,
            "width": 1.5,
            # gris foncé presque opaque : visible au projecteur sur fond clair
            "color": {"color": "#4d5560", "highlight": "#0b0f14", "hover": "#0b0f14", "opacity": 0.85},
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.7}, "from": {"enabled": False, "scaleFactor": 0.7}},
            "arrowStrikethrough": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": grand, "hideEdgesOnZoom": grand,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {"enabled": False},
    }
    if couche:
        options["interaction"].update(hoverConnectedEdges=False, selectConnectedEdges=False)
    return options


# Filtres qui ont un sens pour chaque vue : un groupe n'a qu'une valeur exacte pour ceux-ci (les autres
# attributs d'un groupe sont ceux de sa majorité, et filtrer dessus tromperait).
FILTRES_PAR_VUE: dict[str | None, tuple[str, ...]] = {
    None: ("echelle", "nord_sud", "type", "pays", "type_lien"),
    "region": ("pays", "nord_sud", "type_lien"),
    "pays": ("pays", "nord_sud", "type_lien"),
    "echelle": ("echelle", "type_lien"),
}


def _filtres(H: nx.Graph, langue: str, agreger: str | None = None) -> list[dict[str, Any]]:
    """Les filtres de la page : valeurs présentes, libellés, effectifs ; seulement ceux qui ont un sens pour la vue."""
    def entrees(compte: Counter, ordre: list[str] | None, libelle: Callable[[str], str]) -> list[dict]:
        valeurs = ordre if ordre is not None else sorted(compte, key=lambda v: (v == "", libelle(v).casefold()))
        return [{"valeur": v, "libelle": libelle(v) if v else traduire("carte_non_precise", langue), "nombre": compte[v]}
                for v in valeurs if compte[v]]

    def tr(v: str) -> str:
        return traduire(v, langue)

    noeuds = [d for _, d in H.nodes(data=True)]
    types_liens: Counter = Counter()
    for _, _, d in H.edges(data=True):
        types_liens.update(d.get("compte_types") or {})
    par = {c: Counter(str(d.get(c) or "") for d in noeuds) for c in ("echelle", "nord_sud", "type", "pays")}
    tous = [
        {"cle": "echelle", "titre": traduire("carte_couleur_echelle", langue),
         "valeurs": entrees(par["echelle"], [*reversed(ECHELLES), *sorted(set(par["echelle"]) - set(ECHELLES))], tr)},
        {"cle": "nord_sud", "titre": traduire("carte_couleur_nord_sud", langue),
         "valeurs": entrees(par["nord_sud"], None, tr)},
        {"cle": "type", "titre": traduire("carte_couleur_type", langue), "valeurs": entrees(par["type"], None, tr)},
        {"cle": "pays", "titre": traduire("carte_couleur_pays", langue),
         "valeurs": entrees(par["pays"], None, lambda v: nom_pays(v, langue))},
        {"cle": "type_lien", "titre": traduire("carte_type_lien", langue), "valeurs": entrees(types_liens, None, tr)},
    ]
    return [f for f in tous if f["cle"] in FILTRES_PAR_VUE[agreger]]


def _textes_langue(G: nx.MultiGraph, H: nx.Graph, langue: str, *, couleur: str, taille: str, agreger: str | None,
                   titre: str | None, force: bool, bandes: list[dict] | None, forts: Mapping | None = None,
                   liens: int | None = None) -> dict[str, Any]:
    """Tout ce qui dépend de la langue dans la page, pour son sélecteur de langue : textes, vocabulaire,
    noms de pays, légende (et la règle des liens dessinés d'une vue agrégée dense), filtres, titres, noms
    des groupes, libellés des bandes (``liens`` : le nombre de partenariats, s'il est déjà compté)."""
    codes = sorted({d.get("pays") for _, d in G.nodes(data=True) if d.get("pays")})
    cles = {x: _cle_couleur(d, couleur) for x, d in H.nodes(data=True)}
    n = G.number_of_nodes()
    return {
        "titre": titre if titre is not None else traduire("carte_titre", langue),
        "sous_titre": _sous_titre(G, agreger, langue, liens),
        "bandeau": traduire("carte_bandeau_agrege", langue).format(
            n=nombre(n, langue), seuil=nombre(SEUIL_AGREGATION, langue)) if force else None,
        "textes": {c.removeprefix("carte_"): traduire(c, langue) for c in VOCABULAIRE if c.startswith("carte_")},
        "vocabulaire": {v: traduire(v, langue) for v in (*ECHELLES, *TYPES_ORGANISATION, *TYPES_PARTENARIAT, "nord", "sud")},
        "pays": {c: nom_pays(c, langue) for c in codes},
        "legende": {"titre": traduire(f"carte_couleur_{couleur}", langue), "entrees": _legende_anneaux(G, langue)
                    if _anneaux(agreger, couleur) else _palette(cles, couleur, langue)[1]},
        "taille": traduire("carte_taille_effectif", langue) if agreger else traduire("carte_taille", langue).format(
            mesure=traduire(f"carte_mesure_{taille}", langue)),
        "liens": traduire("carte_liens_forts", langue).format(
            n=nombre(forts["dessines"], langue), m=nombre(forts["total"], langue), seuil=nombre(forts["seuil"], langue),
            k=forts["k"], groupe=traduire(f"carte_par_{agreger}", langue)) if forts and agreger else None,
        "filtres": _filtres(H, langue, agreger),
        "noms": {x: nom_groupe(str(x), agreger, langue) for x in H} if agreger else None,
        "bandes": [traduire(b["echelle"], langue).capitalize() if b["echelle"] else traduire("carte_non_precise", langue)
                   for b in bandes] if bandes else None,
    }


def _monde() -> list[list[float]]:
    """Les anneaux du fond du monde aplatis pour la page : [lon, lat, lon, lat, …]."""
    return [[c for point in anneau for c in point] for anneau in anneaux_du_monde()]


def _provinces() -> list[list[float]] | None:
    """Les frontières des provinces et États (Natural Earth admin-1) aplaties : [lon, lat, lon, lat, …]."""
    lignes = lignes_provinces()
    return [[c for point in ligne for c in point] for ligne in lignes] or None


def _sous_titre(G: nx.MultiGraph, agreger: str | None, langue: str, liens: int | None = None) -> str:
    """Source des données, date, effectifs (et vue agrégée) ; ``liens`` : ``G.number_of_edges()`` déjà compté."""
    source = str(G.graph.get("source") or "")
    try:
        reference = bool(source) and Path(source).resolve() == dossier_reference().resolve()
    except FileNotFoundError:
        reference = False
    nom_source = traduire("carte_jeu_reference", langue) if reference else (Path(source).resolve().name if source else "—")
    morceaux = [
        traduire("carte_source", langue).format(source=nom_source),
        traduire("carte_date", langue).format(date=datetime.date.today().isoformat()),
        traduire("carte_effectifs", langue).format(
            n=nombre(G.number_of_nodes(), langue), m=nombre(G.number_of_edges() if liens is None else liens, langue)),
    ]
    if agreger:
        morceaux.append(traduire("carte_vue_agregee", langue).format(par=traduire(f"carte_par_{agreger}", langue)))
    return " · ".join(morceaux)


# --- Page -----------------------------------------------------------------------------

def json_pour_script(objet: Any) -> str:
    """JSON sûr dans un élément ``<script>`` : ``<``, ``>``, ``&``, U+2028 et U+2029 échappés.

    >>> json_pour_script({"nom": "</script><img src=x onerror=alert(1)>"})
    '{"nom":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    texte = json.dumps(objet, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for brut, echappe in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        texte = texte.replace(brut, echappe)
    return texte


def _script_carte() -> str:
    """Le script de la page : les modules de ``gabarits/carte/`` concaténés, sans outil de construction.

    Règle des modules : chaque module pur est un script classique qui définit une seule globale
    ``CarteNom`` par une IIFE (ses dépendances : la globale si elle existe, sinon ``require``) et
    finit par ``module.exports = CarteNom`` sous Node ; ``page.js``, chargé en dernier, les câble.
    """
    morceaux = ['"use strict";']
    for nom in MODULES_JS:
        texte = (GABARITS / "carte" / f"{nom}.js").read_text(encoding="utf-8")
        if "</script" in texte.lower():
            raise ValueError(f"gabarits/carte/{nom}.js contient « </script » : la page serait coupée ; écrivez <\\/script.")
        morceaux.append(f"/* --- carte/{nom}.js --- */\n{texte}")
    return "\n".join(morceaux)


def _rendre(donnees: dict[str, Any], *, titre: str, sous_titre: str, bandeau: str | None, langue: str) -> str:
    """La page : gabarit ``carte.html`` (échappement automatique), ressources et données en ligne."""
    def lire(nom: str, dossier: Path = RESSOURCES) -> Brut:
        return Brut((dossier / nom).read_text(encoding="utf-8"))

    valeurs = {
        "langue": langue,
        "titre": titre,
        "sous_titre": sous_titre,
        "bandeau": bandeau,
        "suggestions": bool(donnees.get("suggestions")),
        "t": donnees["textes"],
        "css_vis": lire("vis-network.css"),
        "js_vis": lire("vis-network.min.js"),
        "css_carte": lire("carte.css", GABARITS),
        "js_carte": Brut(_script_carte()),
        "donnees": Brut(json_pour_script(donnees)),
    }
    return rendre_gabarit((GABARITS / "carte.html").read_text(encoding="utf-8"), valeurs)


def rendre_gabarit(gabarit: str, valeurs: dict[str, Any]) -> str:
    """Le gabarit rendu par :mod:`reseau.rendu.gabarit` (sans jinja2, plus rapide à démarrer), ou par
    jinja2 s'il emploie une syntaxe que ce rendu minimal ne comprend pas (même échappement)."""
    html = rendre(gabarit, valeurs)
    if html is not None:
        return html
    import jinja2
    from markupsafe import Markup

    environnement = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environnement.from_string(gabarit).render(
        {nom: Markup(v) if isinstance(v, Brut) else v for nom, v in valeurs.items()})
