"""Figures statiques de qualité publication (matplotlib), dans la palette de la carte.

matplotlib n'est importé que dans les fonctions : ce module reste léger à importer.
Les figures sont des ``matplotlib.figure.Figure`` sur un canevas Agg, sans ``pyplot`` :
aucun état global, aucune fenêtre, rien à changer dans la session de l'appelant.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._fichiers import fichier_atomique, texte_xml
from ..entrees.schema import ECHELLES
from ..erreurs import verifier_choix
from .couleurs import ECHELLE, INCONNU, LIENS_NORD_SUD, NORD_SUD
from .disposition import coordonnees, ecarter
from .fond import anneaux_du_monde
from .libelles import abreger, libelle, nom_court, nom_groupe, nombre, pourcentage, verifier_langue

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FORMATS_FIGURE: tuple[str, ...] = ("png", "svg", "pdf")
DPI = 200

# Le nom de fichier de chaque figure, dans l'ordre de l'article.
FIGURES: tuple[str, ...] = ("strates", "carte", "echelles", "regions", "acteurs", "nord_sud", "evolution")

_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 9,
    "axes.titlelocation": "left",
    "axes.titlecolor": "#555555",
    "axes.labelsize": 9,
    "axes.labelcolor": "#333333",
    "axes.edgecolor": "#666666",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": "#444444",
    "ytick.color": "#333333",
    "legend.frameon": False,
    "legend.fontsize": 8.5,
    "figure.titlesize": 13,
    "figure.titleweight": "bold",
    "pdf.fonttype": 42,
    "svg.fonttype": "path",
    "svg.hashsalt": "reseau",
}
_TEXTE = "#222222"
_GRIS = "#666666"
_LIEN = "#7A7A7A"
_MAX_REGIONS = 30
_MAX_ACTEURS = 15


@dataclass
class _Contexte:
    """Ce que toutes les figures partagent : graphe, mesures, textes."""

    G: nx.MultiGraph
    H: nx.Graph
    mesures: pd.DataFrame
    regions: pd.DataFrame
    resume: dict[str, Any]
    langue: str

    def t(self, cle: str, **valeurs: Any) -> str:
        """Le libellé traduit, complété par ``valeurs``."""
        return libelle(cle, self.langue, **valeurs)

    def n(self, valeur: float, decimales: int = 0) -> str:
        """Un nombre écrit à la manière de la langue."""
        return nombre(valeur, self.langue, decimales)


def produire_figures(
    G: nx.MultiGraph,
    dossier: str | Path,
    *,
    format: str = "png",
    langue: str = "fr",
    mesures: pd.DataFrame | None = None,
    regions: pd.DataFrame | None = None,
) -> list[Path]:
    """Écrit les figures (``FIGURES``) dans ``dossier`` et rend leurs chemins, dans l'ordre.

    ``mesures`` et ``regions`` (ceux de :func:`reseau.analyse.mesures.mesures_organisations` et de
    :func:`reseau.analyse.regions.classer_regions`) évitent de les recalculer.
    """
    verifier_choix("format de figure", format, FORMATS_FIGURE)
    verifier_langue(langue)
    import matplotlib

    from ..analyse.mesures import mesures_organisations, resume_reseau
    from ..entrees.graphe import projection

    if regions is None:
        from .diagnostics import classer_regions

        regions = classer_regions(G, langue)
    ctx = _Contexte(
        G=G,
        H=projection(G),
        mesures=mesures_organisations(G) if mesures is None else mesures,
        regions=regions,
        resume=resume_reseau(G),
        langue=langue,
    )
    dossier = Path(dossier)
    constructeurs: dict[str, Callable[[_Contexte], Figure]] = {
        "strates": _figure_strates,
        "carte": _figure_carte,
        "echelles": _figure_echelles,
        "regions": _figure_regions,
        "acteurs": _figure_acteurs,
        "nord_sud": _figure_nord_sud,
        "evolution": _figure_evolution,
    }
    chemins = []
    with matplotlib.rc_context(_STYLE):  # type: ignore[arg-type]
        for numero, nom in enumerate(FIGURES, start=1):
            fig = constructeurs[nom](ctx)
            chemins.append(_enregistrer(fig, dossier / f"{numero}-{nom}.{format}", format))
    return chemins


def _enregistrer(fig: Figure, chemin: Path, format: str) -> Path:
    """L'unique point d'écriture des figures : atomique, puis la figure est libérée."""
    try:
        with fichier_atomique(chemin, binaire=True) as f:
            if format == "svg":  # SVG : XML bien formé quels que soient les textes des données
                tampon = io.BytesIO()
                fig.savefig(tampon, format=format, dpi=DPI, facecolor="white", metadata=_metadonnees(format))
                f.write(texte_xml(tampon.getvalue().decode("utf-8")).encode("utf-8"))
            else:
                fig.savefig(f, format=format, dpi=DPI, facecolor="white", metadata=_metadonnees(format))
    finally:
        fig.clear()
    return chemin


def _metadonnees(format: str) -> dict[str, Any]:
    """Métadonnées reproductibles (pas de date qui change à chaque passage)."""
    if format == "png":
        return {"Software": "reseau"}
    if format == "pdf":
        return {"Creator": "reseau", "Producer": "reseau", "CreationDate": None}
    return {"Creator": "reseau", "Date": None}


# --- Outils communs -------------------------------------------------------------------

def _figure(largeur: float, hauteur: float) -> Figure:
    """Une figure mise en page automatiquement, sur un canevas Agg (sans pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(largeur, hauteur), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _titrer(fig: Figure, titre: str, sous_titre: str = "") -> None:
    """Titre en gras à gauche, sous-titre gris en dessous (la mise en page réserve les deux lignes)."""
    titre_mpl = fig.suptitle(titre + ("\n" if sous_titre else ""), x=0.01, ha="left", color=_TEXTE)
    if sous_titre:
        y = titre_mpl.get_position()[1] - 18 / (fig.get_figheight() * 72)
        fig.text(0.01, y, sous_titre, ha="left", va="top", color=_GRIS, fontsize=9, in_layout=False)


def _texte_mpl(texte: str) -> str:
    """Un texte venu des données, affiché tel quel par matplotlib (pas de formule « $…$ »).

    >>> _texte_mpl("Fonds 5 $ et 10 $")
    'Fonds 5 \\\\$ et 10 \\\\$'
    """
    return texte.replace("$", r"\$")


def _etiquette(nom: str, sigle: str | None, longueur: int) -> str:
    """« Nom abrégé (SIGLE) », tenant en ``longueur`` caractères environ."""
    sigle = abreger(sigle or "", 16)
    if not sigle:
        return _texte_mpl(abreger(nom, longueur))
    return _texte_mpl(f"{abreger(nom, max(12, longueur - len(sigle) - 3))} ({sigle})")


def _court(d: dict[str, Any]) -> str:
    """Le libellé court d'une organisation : son sigle, sinon son nom abrégé."""
    return _texte_mpl(abreger(nom_court(d, ""), 18))


def _assombrir(couleur: str, facteur: float = 0.6) -> tuple[float, float, float]:
    """Une version plus sombre d'une couleur (texte lisible sur fond blanc)."""
    from matplotlib.colors import to_rgb

    r, v, b = to_rgb(couleur)
    return r * facteur, v * facteur, b * facteur


def _vide(ax: Axes, message: str) -> None:
    """Un cadre vide avec un message centré (jeu sans données à montrer)."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", color=_GRIS, fontsize=11, transform=ax.transAxes)


def _sans_chevauchement(fig: Figure, etiquettes: list[tuple[Any, tuple[Axes, float, float, float]]],
                        occupes: Iterable[Any] = ()) -> list[Any]:
    """Cache les étiquettes qui chevauchent une étiquette gardée, un autre marqueur ou une zone occupée.

    ``etiquettes`` : (texte, (axes, x, y, aire du marqueur)), par priorité décroissante ; un texte déjà
    caché reste caché mais son marqueur compte. À appeler une fois la figure complète (légende
    comprise) : la mise en page ne bouge plus ensuite.
    ``occupes`` : des boîtes (coordonnées d'affichage) à laisser libres. Rend les boîtes occupées.
    """
    from matplotlib.transforms import Bbox

    fig.draw_without_rendering()
    rendu = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    points_par_pouce = fig.dpi / 72
    marqueurs = []
    for _, (ax, x, y, aire) in etiquettes:
        cx, cy = ax.transData.transform((x, y))
        rayon = math.sqrt(aire) / 2 * points_par_pouce
        marqueurs.append(Bbox.from_extents(cx - rayon, cy - rayon, cx + rayon, cy + rayon))
    gardees = list(occupes)
    cadre = fig.bbox
    for i, (texte, (ax, *_)) in enumerate(etiquettes):
        if not texte.get_visible():
            continue
        boite = texte.get_window_extent(rendu).expanded(1.06, 1.1)
        dehors = not (cadre.contains(boite.x0, boite.y0) and cadre.contains(boite.x1, boite.y1))
        hors_axes = not ax.bbox.contains((boite.x0 + boite.x1) / 2, (boite.y0 + boite.y1) / 2)
        if dehors or hors_axes or any(boite.overlaps(autre) for autre in gardees) or any(
            boite.overlaps(m) for j, m in enumerate(marqueurs) if j != i
        ):
            texte.set_visible(False)
        else:
            gardees.append(boite)
    return gardees


def _dessiner_noeuds(ctx: _Contexte, ax: Axes, positions: dict[str, tuple[float, float]], *, echelle: float = 1.0,
                     police: float = 7, creux: bool = False) -> dict[str, tuple[Any, tuple[Axes, float, float, float]]]:
    """Les organisations (couleur : échelle ; rond : Nord, carré : Sud ; creux : placée au centre du pays).

    Rend leurs étiquettes (sigle ou nom abrégé, sous le marqueur) par organisation, des plus reliées
    aux moins reliées, pour :func:`_sans_chevauchement`.
    """
    H, mesures = ctx.H, _par_id(ctx)
    aires = {n: _taille_noeud(mesures.get(n, {}).get("degre", H.degree(n))) * echelle for n in positions}
    for e in ECHELLES:
        for camp, forme in (("nord", "o"), ("sud", "s")):
            for vide in (False, True):
                noeuds = [n for n in positions if H.nodes[n].get("echelle") == e
                          and (H.nodes[n].get("nord_sud") or "nord") == camp
                          and (creux and H.nodes[n].get("precision") == "pays") == vide]
                if noeuds:
                    ax.scatter([positions[n][0] for n in noeuds], [positions[n][1] for n in noeuds],
                               s=[aires[n] for n in noeuds], marker=forme, c="white" if vide else ECHELLE[e],
                               edgecolors=ECHELLE[e] if vide else "white", linewidths=1.2 if vide else 0.6, zorder=3)
    etiquettes = {}
    for n in sorted(positions, key=lambda n: (-H.degree(n), str(n))):
        decalage = math.sqrt(aires[n]) / 2 + 1.5
        texte = ax.annotate(_court(H.nodes[n]), positions[n], xytext=(0, -decalage), textcoords="offset points",
                            ha="center", va="top", fontsize=police, color=_TEXTE, zorder=4, in_layout=False,
                            annotation_clip=False)
        etiquettes[n] = (texte, (ax, *positions[n], aires[n]))
    return etiquettes


def _courbe(p1: tuple[float, float], p2: tuple[float, float], courbure: float) -> Any:
    """Un arc de Bézier quadratique de ``p1`` à ``p2`` (``courbure`` : flèche relative)."""
    from matplotlib.path import Path as Chemin

    (x1, y1), (x2, y2) = p1, p2
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    controle = (mx - (y2 - y1) * courbure, my + (x2 - x1) * courbure)
    return Chemin([p1, controle, p2], [Chemin.MOVETO, Chemin.CURVE3, Chemin.CURVE3])


def _dessiner_liens(ax: Axes, chemins: list[Any], largeurs: list[float], couleur: str = _LIEN,
                    alpha: float = 0.45, zorder: float = 1) -> None:
    """Des liens (chemins) en une seule collection, sans remplissage."""
    from matplotlib.collections import PathCollection

    if not chemins:
        return
    ax.add_collection(PathCollection(chemins, facecolors="none", edgecolors=couleur, linewidths=largeurs,
                                     alpha=alpha, zorder=zorder, capstyle="round"), autolim=False)


def _largeur_lien(partenariats: int) -> float:
    """Épaisseur d'un lien selon le nombre de partenariats entre deux organisations."""
    return min(0.5 + 0.45 * (partenariats - 1), 2.5)


def _taille_noeud(degre: float) -> float:
    """Aire d'un marqueur (points²) selon le nombre de partenaires."""
    return 14 + 9 * min(math.sqrt(max(degre, 0)) * 3, 40)


def _legende_echelles(ctx: _Contexte, echelles: Iterable[str], nord_sud: bool = False,
                      approximative: bool = False) -> list[Any]:
    """Les poignées de légende : une par échelle, puis les formes Nord/Sud et la précision."""
    from matplotlib.lines import Line2D

    poignees = [Line2D([], [], marker="o", ls="", ms=7, mfc=ECHELLE[e], mec="white", label=ctx.t(e).capitalize())
                for e in reversed(ECHELLES) if e in set(echelles)]
    if nord_sud:
        poignees += [
            Line2D([], [], marker="o", ls="", ms=7, mfc="#BBBBBB", mec="white", label=ctx.t("nord")),
            Line2D([], [], marker="s", ls="", ms=7, mfc="#BBBBBB", mec="white", label=ctx.t("sud")),
        ]
    if approximative:
        poignees.append(Line2D([], [], marker="o", ls="", ms=7, mfc="white", mec=_GRIS, mew=1.3,
                               label=ctx.t("fig_position_pays")))
    return poignees


def _par_id(ctx: _Contexte) -> dict[str, dict[str, Any]]:
    """Les mesures indexées par identifiant d'organisation."""
    return {ligne["id"]: ligne for ligne in ctx.mesures.to_dict("records")}


# --- (1) Le réseau en strates ---------------------------------------------------------

def _ordonner_strates(H: nx.Graph) -> dict[str, list[str]]:
    """L'ordre des organisations dans chaque bande : barycentres des voisins (moins de croisements)."""
    couches: dict[str, list[str]] = {e: [] for e in ECHELLES}
    for n, d in H.nodes(data=True):
        couches.setdefault(d.get("echelle") or "", []).append(n)
    ordre = {
        e: sorted(ns, key=lambda n: (H.nodes[n].get("nord_sud") or "", H.nodes[n].get("pays") or "",
                                     H.nodes[n].get("region") or "", str(n)))
        for e, ns in couches.items() if ns
    }
    for _ in range(8):
        x = {n: (i + 0.5) / len(ns) for ns in ordre.values() for i, n in enumerate(ns)}

        def barycentre(n: str, x: dict[str, float] = x) -> tuple[float, float]:
            voisins = [x[v] for v in H[n]]
            return (sum(voisins) / len(voisins) if voisins else x[n], x[n])

        ordre = {e: sorted(ns, key=barycentre) for e, ns in ordre.items()}
    return ordre


def _figure_strates(ctx: _Contexte) -> Figure:
    H = ctx.H
    fig = _figure(10, 7.5)
    ax = fig.add_subplot()
    ordre = _ordonner_strates(H)
    niveaux = {e: i for i, e in enumerate(ECHELLES)}
    positions: dict[str, tuple[float, float]] = {}
    for e, noeuds in ordre.items():
        rangees = min(3, max(1, math.ceil(len(noeuds) / 22)))
        decalages = [0.0] if rangees == 1 else [-0.22 + 0.44 * r / (rangees - 1) for r in range(rangees)]
        for i, n in enumerate(noeuds):
            positions[n] = ((i + 0.5) / len(noeuds), niveaux.get(e, -1) + decalages[i % rangees])
    for e, niveau in niveaux.items():
        ax.axhspan(niveau - 0.45, niveau + 0.45, color=ECHELLE[e], alpha=0.09, lw=0, zorder=0)

    chemins, largeurs = [], []
    for u, v, d in H.edges(data=True):
        meme_bande = H.nodes[u].get("echelle") == H.nodes[v].get("echelle")
        p1, p2 = sorted((positions[u], positions[v]))
        chemins.append(_courbe(p1, p2, 0.18 if meme_bande else 0.04))
        largeurs.append(_largeur_lien(d.get("partenariats", 1)))
    _dessiner_liens(ax, chemins, largeurs, alpha=0.35)

    etiquettes = _dessiner_noeuds(ctx, ax, positions)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.5, len(ECHELLES) - 0.5)
    compte = {e: len(ordre.get(e, [])) for e in ECHELLES}
    ax.set_yticks(range(len(ECHELLES)),
                  [f"{ctx.t(e).capitalize()}\n{ctx.t('fig_n_org', n=compte[e])}" for e in ECHELLES])
    for etiquette, e in zip(ax.get_yticklabels(), ECHELLES):
        etiquette.set_color(_assombrir(ECHELLE[e]))
        etiquette.set_fontweight("bold")
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([])
    for cote in ("left", "bottom"):
        ax.spines[cote].set_visible(False)
    _titrer(fig, ctx.t("fig_strates_titre"), ctx.t("fig_strates_sous_titre"))
    fig.legend(handles=_legende_echelles(ctx, [], nord_sud=True), loc="outside lower center", ncols=2)
    _sans_chevauchement(fig, list(etiquettes.values()))
    return fig


# --- (2) La carte géographique --------------------------------------------------------

def _dessiner_fond(ax: Axes, anneaux: list[list[tuple[float, float]]]) -> None:
    from matplotlib.collections import PolyCollection

    ax.add_collection(PolyCollection(anneaux, facecolors="#E9E9E6", edgecolors="white", linewidths=0.35, zorder=0),
                      autolim=False)
    ax.set_facecolor("#F4F8FB")
    ax.set_xticks([])
    ax.set_yticks([])
    for cote in ax.spines.values():
        cote.set_visible(True)
        cote.set_color("#BBBBBB")
        cote.set_linewidth(0.6)


def _amas(points: dict[str, tuple[float, float]]) -> list[str]:
    """Le plus gros amas de points (boîte de ±6° de longitude et ±4° de latitude), s'il mérite un zoom."""
    meilleur: list[str] = []
    for n in sorted(points):
        lon, lat = points[n]
        voisins = [m for m, (x, y) in points.items() if abs(x - lon) <= 6 and abs(y - lat) <= 4]
        if len(voisins) > len(meilleur):
            meilleur = voisins
    distincts = {points[n] for n in meilleur}
    return sorted(meilleur) if len(meilleur) >= max(8, 0.2 * len(points)) and len(distincts) > 1 else []


def _etendue(points: Iterable[tuple[float, float]], marge: tuple[float, float], minimum: tuple[float, float],
             limites: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """La boîte (lon_min, lon_max, lat_min, lat_max) qui contient les points, avec marge."""
    xs, ys = zip(*points)
    boite = []
    for bas, haut, m, mini in ((min(xs), max(xs), marge[0], minimum[0]), (min(ys), max(ys), marge[1], minimum[1])):
        centre, demi = (bas + haut) / 2, max((haut - bas) / 2 + m, mini / 2)
        boite += [centre - demi, centre + demi]
    x0, x1, y0, y1 = boite
    return max(x0, limites[0]), min(x1, limites[1]), max(y0, limites[2]), min(y1, limites[3])


def _figure_de(ax: Axes) -> Figure:
    """La figure (de premier niveau) qui porte ces axes."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    return fig


def _ecart(ax: Axes, largeur_degres: float) -> float:
    """L'écart (en degrés) qui sépare deux marqueurs voisins sur ces axes."""
    pouces = ax.get_position().width * _figure_de(ax).get_figwidth()
    return largeur_degres / max(pouces, 0.1) * 0.085


def _dessiner_reseau_geo(ctx: _Contexte, ax: Axes, points: dict[str, tuple[float, float]],
                         boite: tuple[float, float, float, float], taille: float,
                         police: float) -> dict[str, tuple[Any, tuple[Axes, float, float, float]]]:
    """Liens en arcs puis organisations, sur un fond déjà dessiné ; rend les étiquettes."""
    H = ctx.H
    x0, x1, y0, y1 = boite
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    etales = ecarter(points, _ecart(ax, x1 - x0) * 0.8)  # le seul écartement du paquet (disposition.py)
    chemins, largeurs = [], []
    for u, v, d in H.edges(data=True):
        if u in etales and v in etales:
            p1, p2 = sorted((etales[u], etales[v]))
            chemins.append(_courbe(p1, p2, 0.15))
            largeurs.append(_largeur_lien(d.get("partenariats", 1)) * 0.8)
    _dessiner_liens(ax, chemins, largeurs, alpha=0.4)
    return _dessiner_noeuds(ctx, ax, etales, echelle=taille, police=police, creux=True)


def _figure_carte(ctx: _Contexte) -> Figure:
    H = ctx.H
    lieux = {n: coordonnees(d) for n, d in H.nodes(data=True)}  # la même lecture que la carte et le GEXF
    points = {n: (lon, lat) for n, (lat, lon) in lieux.items() if lat is not None and lon is not None}
    boite = _etendue(points.values(), (15, 10), (60, 30), (-180, 180, -60, 85)) if points else (-180, 180, -60, 85)
    fig = _figure(10, min(max(9.8 * (boite[3] - boite[2]) / (boite[1] - boite[0]), 3.5), 8) + 1.0)
    ax = fig.add_subplot()
    sans_position = H.number_of_nodes() - len(points)
    sous_titre = ctx.t("fig_carte_sous_titre", organisations=ctx.n(len(points)))
    if sans_position:
        sous_titre += " — " + ctx.t("fig_sans_position", n=ctx.n(sans_position))
    _titrer(fig, ctx.t("fig_carte_titre"), sous_titre)
    if not points:
        _vide(ax, ctx.t("fig_aucune_donnee"))
        return fig
    anneaux = [list(a) for a in anneaux_du_monde()]
    _dessiner_fond(ax, anneaux)
    ax.set_aspect("equal")
    ax.set_xlim(boite[0], boite[1])
    ax.set_ylim(boite[2], boite[3])
    approximatives = any(H.nodes[n].get("precision") == "pays" for n in points)
    echelles = {H.nodes[n].get("echelle") for n in points}
    fig.legend(handles=_legende_echelles(ctx, echelles, nord_sud=True, approximative=approximatives),
               loc="outside lower center", ncols=8)
    fig.draw_without_rendering()
    amas = _amas(points)
    etiquettes = _dessiner_reseau_geo(ctx, ax, points, boite, 1.0, 7)
    if not amas:
        _sans_chevauchement(fig, list(etiquettes.values()))
        return fig
    encart, proportions = _encart(ax, points)
    zoom = _cadrer(_etendue([points[n] for n in amas], (1.2, 0.8), (6, 3.5), (-180, 180, -60, 85)), proportions)
    _dessiner_fond(encart, anneaux)
    encart.set_aspect(1 / math.cos(math.radians((zoom[2] + zoom[3]) / 2)), adjustable="box")
    etiquettes_zoom = _dessiner_reseau_geo(ctx, encart, {n: points[n] for n in amas}, zoom, 0.8, 6.5)
    ax.indicate_inset_zoom(encart, edgecolor="#555555", alpha=0.8)
    encart.set_title(ctx.t("fig_encart", n=ctx.n(len(amas))), fontsize=7.5, color=_GRIS, loc="left", pad=2)
    occupes = _sans_chevauchement(fig, list(etiquettes_zoom.values()))
    cadre = encart.get_tightbbox()
    if cadre is not None:
        occupes.append(cadre.expanded(1.02, 1.05))
    for n in amas:
        etiquettes[n][0].set_visible(False)
    _sans_chevauchement(fig, list(etiquettes.values()), occupes)
    return fig


def _encart(ax: Axes, points: dict[str, tuple[float, float]]) -> tuple[Axes, float]:
    """Un encart de zoom dans le coin de la carte où il cache le moins d'organisations.

    Rend l'encart et ses proportions (largeur / hauteur, en pouces).
    """
    x0, x1, y0, y1 = ax.get_xlim() + ax.get_ylim()
    largeur, hauteur = 0.30, 0.42
    coins = [(0.01, 0.02), (0.69, 0.02), (0.01, 0.53), (0.69, 0.53)]

    def caches(coin: tuple[float, float]) -> int:
        gx, gy = x0 + coin[0] * (x1 - x0), y0 + coin[1] * (y1 - y0)
        return sum(gx <= lon <= gx + largeur * (x1 - x0) and gy <= lat <= gy + hauteur * (y1 - y0)
                   for lon, lat in points.values())

    coin = min(coins, key=caches)
    position = ax.get_position()
    fig = _figure_de(ax)
    proportions = (largeur * position.width * fig.get_figwidth()) / (hauteur * position.height * fig.get_figheight())
    return ax.inset_axes((coin[0], coin[1], largeur, hauteur), zorder=5), proportions


def _cadrer(boite: tuple[float, float, float, float], proportions: float) -> tuple[float, float, float, float]:
    """Élargit la boîte (lon, lat) pour qu'elle ait ces proportions à l'écran (longitudes comprimées par cos φ).

    >>> _cadrer((0, 10, -5, 5), 2.0)
    (-5.0, 15.0, -5, 5)
    """
    x0, x1, y0, y1 = boite
    echelle = math.cos(math.radians((y0 + y1) / 2))
    largeur, hauteur = (x1 - x0) * echelle, y1 - y0
    if largeur / hauteur < proportions:
        demi = hauteur * proportions / echelle / 2
        return ((x0 + x1) / 2 - demi, (x0 + x1) / 2 + demi, y0, y1)
    demi = largeur / proportions / 2
    return (x0, x1, (y0 + y1) / 2 - demi, (y0 + y1) / 2 + demi)


# --- (3) La matrice des échelles ------------------------------------------------------

def _figure_echelles(ctx: _Contexte) -> Figure:
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    matrice = ctx.resume.get("matrice_echelles") or {}
    ordre = list(reversed(ECHELLES))
    valeurs = np.array([[float((matrice.get(a) or {}).get(b, 0)) for b in ordre] for a in ordre])
    masque = np.triu(np.ones_like(valeurs, dtype=bool), k=1)
    fig = _figure(6.4, 5.6)
    ax = fig.add_subplot()
    total = int(ctx.resume.get("partenariats", 0))
    _titrer(fig, ctx.t("fig_echelles_titre"), ctx.t("fig_echelles_sous_titre", total=ctx.n(total)))
    carte = LinearSegmentedColormap.from_list("echelles", ["#FFFFFF", "#9CC9E6", ECHELLE["nationale"], "#08306B"])
    maximum = max(valeurs.max(), 1.0)
    image = ax.imshow(np.ma.masked_array(valeurs, masque), cmap=carte, vmin=0, vmax=maximum)
    for i in range(len(ordre)):
        for j in range(len(ordre)):
            if masque[i, j]:
                continue
            v = valeurs[i, j]
            part = pourcentage(v / total, ctx.langue) if total else ""
            ax.text(j, i, f"{ctx.n(v)}\n{part}", ha="center", va="center", fontsize=10,
                    color="white" if v > 0.55 * maximum else _TEXTE, fontweight="bold")
    libelles = [ctx.t(e).capitalize() for e in ordre]
    ax.set_xticks(range(len(ordre)), libelles)
    ax.set_yticks(range(len(ordre)), libelles)
    ax.tick_params(length=0)
    for etiquette, e in [*zip(ax.get_xticklabels(), ordre), *zip(ax.get_yticklabels(), ordre)]:
        etiquette.set_color(_assombrir(ECHELLE[e]))
        etiquette.set_fontweight("bold")
    for cote in ax.spines.values():
        cote.set_visible(False)
    barre = fig.colorbar(image, ax=ax, shrink=0.75, pad=0.02)
    barre.set_label(ctx.t("fig_partenariats"))
    barre.outline.set_visible(False)
    return fig


# --- (4) Les régions classées ---------------------------------------------------------

def _camp_pays(code: str) -> str:
    from ..entrees.geographie import referentiel

    pays = referentiel().pays.get(code)
    return pays.nord_sud if pays else ""


def nom_region(pays: str, region: str, langue: str = "fr") -> str:
    """Le nom lisible d'une région : « Outaouais (Canada) », ou le pays seul faute de région.

    >>> nom_region("CA", "Outaouais"), nom_region("SN", "", "en"), nom_region("PE", "Pérou", "es")
    ('Outaouais (Canada)', 'Senegal', 'Perú')
    """
    return nom_groupe(f"{pays}/{region}", "region", langue)


def _figure_regions(ctx: _Contexte) -> Figure:
    classees = ctx.regions[ctx.regions["rang"].notna()]  # les régions trop petites ne sont pas classées
    regions = classees.sort_values("rang", kind="stable").head(_MAX_REGIONS)
    nombre_regions = len(classees)
    fig = _figure(9, 1.6 + 0.27 * max(len(regions), 4))
    ax = fig.add_subplot()
    sous_titre = (ctx.t("fig_regions_sous_titre_partiel", n=len(regions), total=nombre_regions)
                  if len(regions) < nombre_regions else ctx.t("fig_regions_sous_titre"))
    _titrer(fig, ctx.t("fig_regions_titre"), sous_titre)
    if regions.empty:
        _vide(ax, ctx.t("fig_aucune_donnee"))
        return fig
    lignes = regions.to_dict("records")
    y = list(range(len(lignes)))
    couleurs = [NORD_SUD.get(_camp_pays(r["pays"]), INCONNU) for r in lignes]
    indices = [float(r["indice_connexion"]) for r in lignes]
    ax.barh(y, indices, color=couleurs, height=0.7, zorder=2)
    for yi, r, v in zip(y, lignes, indices):
        ax.text(v + 0.01, yi, f"{ctx.n(v, 2)} · {ctx.t('fig_n_org', n=int(r['organisations']))}", va="center",
                fontsize=7.5, color=_GRIS)
    from ..analyse.regions import rang_affiche

    etiquettes = [f"{rang_affiche(r['rang'], bool(r.get('ex_aequo')))}. "
                  f"{_texte_mpl(abreger(nom_region(r['pays'], r['region'], ctx.langue), 44))}" for r in lignes]
    ax.set_yticks(y, etiquettes)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.18)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], [ctx.n(v, 2) for v in (0, 0.25, 0.5, 0.75, 1)])
    ax.set_xlabel(ctx.t("fig_indice_connexion"))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#E5E5E5", zorder=0)
    ax.spines["left"].set_visible(False)
    _legende_camps(ctx, fig, sorted({_camp_pays(r["pays"]) for r in lignes}))
    return fig


def _legende_camps(ctx: _Contexte, fig: Figure, camps: Iterable[str]) -> None:
    from matplotlib.patches import Patch

    poignees = [Patch(color=NORD_SUD.get(c, INCONNU), label=ctx.t(c) if c else ctx.t("fig_inconnu")) for c in camps]
    fig.legend(handles=poignees, loc="outside lower center", ncols=len(poignees))


# --- (5) Les principaux acteurs -------------------------------------------------------

def _figure_acteurs(ctx: _Contexte) -> Figure:
    acteurs = ctx.mesures.sort_values(["intermediarite", "degre", "nom"], ascending=[False, False, True],
                                      kind="stable").head(_MAX_ACTEURS)
    fig = _figure(9, 1.6 + 0.3 * max(len(acteurs), 4))
    ax = fig.add_subplot()
    _titrer(fig, ctx.t("fig_acteurs_titre"), ctx.t("fig_acteurs_sous_titre", n=len(acteurs)))
    if acteurs.empty:
        _vide(ax, ctx.t("fig_aucune_donnee"))
        return fig
    lignes = acteurs.to_dict("records")
    y = list(range(len(lignes)))
    valeurs = [float(r["intermediarite"]) for r in lignes]
    ax.barh(y, valeurs, color=[ECHELLE.get(r["echelle"], INCONNU) for r in lignes], height=0.7, zorder=2)
    maximum = max(max(valeurs), 1e-9)
    for yi, v, r in zip(y, valeurs, lignes):
        ax.text(v + maximum * 0.01, yi, f"{ctx.n(v, 3)} · {ctx.t('fig_n_partenaires', n=int(r['degre']))}",
                va="center", fontsize=7.5, color=_GRIS)
    ax.set_yticks(y, [_etiquette(r["nom"], r.get("sigle"), 46) for r in lignes])
    ax.invert_yaxis()
    ax.set_xlim(0, maximum * 1.22)
    ax.xaxis.set_major_formatter(lambda v, _: ctx.n(v, 2))
    ax.set_xlabel(ctx.t("fig_intermediarite"))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#E5E5E5", zorder=0)
    ax.spines["left"].set_visible(False)
    fig.legend(handles=_legende_echelles(ctx, {r["echelle"] for r in lignes}), loc="outside lower center", ncols=4)
    return fig


# --- (6) L'équilibre Nord-Sud ---------------------------------------------------------

def _figure_nord_sud(ctx: _Contexte) -> Figure:
    fig = _figure(9, 4.6)
    gauche, droite = fig.subplots(1, 2, width_ratios=[3, 2])
    categories = ("liens_nord_nord", "liens_nord_sud", "liens_sud_sud")
    liens = [int(ctx.resume.get(c, 0)) for c in categories]
    total = sum(liens)
    _titrer(fig, ctx.t("fig_nord_sud_titre"), ctx.t("fig_nord_sud_sous_titre"))
    camps = [d.get("nord_sud") or "" for _, d in ctx.G.nodes(data=True)]
    organisations = [camps.count("nord"), camps.count("sud")]
    for ax, titre, etiquettes, valeurs, couleurs, somme in (
        (gauche, ctx.t("fig_partenariats"), [ctx.t(c.replace("liens_", "fig_")) for c in categories], liens,
         [LIENS_NORD_SUD[c] for c in categories], total),
        (droite, ctx.t("fig_organisations"), [ctx.t("nord"), ctx.t("sud")], organisations,
         [NORD_SUD["nord"], NORD_SUD["sud"]], sum(organisations)),
    ):
        x = range(len(valeurs))
        ax.bar(x, valeurs, color=couleurs, width=0.62, zorder=2)
        haut = max(max(valeurs), 1)
        for xi, v in zip(x, valeurs):
            part = f"\n({pourcentage(v / somme, ctx.langue)})" if somme else ""
            ax.text(xi, v + haut * 0.02, f"{ctx.n(v)}{part}", ha="center", va="bottom", fontsize=9, color=_TEXTE)
        ax.set_xticks(list(x), etiquettes)
        ax.set_ylim(0, haut * 1.25)
        ax.yaxis.set_major_formatter(lambda v, _: ctx.n(v))
        ax.set_title(titre, fontsize=10, color=_TEXTE, fontweight="bold")
        ax.grid(axis="y", color="#E5E5E5", zorder=0)
        ax.tick_params(axis="x", length=0)
    return fig


# --- (7) L'évolution ------------------------------------------------------------------

def _figure_evolution(ctx: _Contexte) -> Figure:
    """Les grandeurs de ``reseau evolution`` année par année, rencontres du jeu marquées."""
    from ..analyse.evolution import annees_rencontres, bornes, evolution, existe

    fig = _figure(9, 6.2)
    _titrer(fig, ctx.t("fig_evolution_titre"), ctx.t("fig_evolution_sous_titre"))
    if bornes(ctx.G) is None:
        _vide(fig.subplots(), ctx.t("fig_evolution_sans_annees"))
        return fig
    table = evolution(ctx.G)
    annees = list(table["annee"])
    liens = [(ctx.G.nodes[u].get("nord_sud"), ctx.G.nodes[v].get("nord_sud"), d) for u, v, d in ctx.G.edges(data=True)]

    def cumul(camps: tuple[str, str] | None = None) -> list[int]:
        """Partenariats ayant existé jusqu'à chaque année (entre ces deux camps, si donnés)."""
        return [sum(1 for a, b, d in liens if (camps is None or tuple(sorted((a or "", b or ""))) == camps)
                    and existe(d, annee)) for annee in annees]

    (haut_g, haut_d), (bas_g, bas_d) = fig.subplots(2, 2, sharex=True)
    haut_g.plot(annees, table["partenariats"], color=_TEXTE, lw=1.6, label=ctx.t("fig_evolution_partenariats"))
    haut_g.plot(annees, table["organisations"], color=ECHELLE["nationale"], lw=1.6, label=ctx.t("fig_evolution_organisations"))
    haut_g.plot(annees, cumul(), color=_TEXTE, lw=1, ls="--", label=ctx.t("fig_evolution_cumules"))
    haut_g.set_title(ctx.t("fig_evolution_effectifs"))
    for cle, camps in (("liens_nord_nord", ("nord", "nord")), ("liens_nord_sud", ("nord", "sud")),
                       ("liens_sud_sud", ("sud", "sud"))):
        couleur = LIENS_NORD_SUD[cle]
        haut_d.plot(annees, table[cle], color=couleur, lw=1.6, label=ctx.t(cle.replace("liens_", "fig_")))
        if cle != "liens_nord_nord":
            haut_d.plot(annees, cumul(camps), color=couleur, lw=1, ls="--")
    haut_d.set_title(ctx.t("fig_evolution_nord_sud"))
    bas_g.plot(annees, table["taille_plus_grande_composante"], color=ECHELLE["internationale"], lw=1.6,
               label=ctx.t("fig_evolution_plus_grande"))
    bas_g.plot(annees, table["composantes"], color=_GRIS, lw=1.6, label=ctx.t("fig_evolution_composantes"))
    bas_g.set_title(ctx.t("fig_evolution_connexite"))
    bas_d.plot(annees, table["articulation_local_global"].astype("float64") * 100, color=ECHELLE["locale"], lw=1.6)
    bas_d.set_ylim(0, 105)
    bas_d.set_title(ctx.t("fig_evolution_articulation"))
    rencontres = [a for a in annees_rencontres(ctx.G) if annees[0] <= a <= annees[-1]]
    for ax in (haut_g, haut_d, bas_g, bas_d):
        for annee in rencontres:
            ax.axvline(annee, color="#B0B0B0", lw=0.8, ls=":", zorder=0)
        ax.grid(axis="y", color="#EEEEEE", zorder=0)
        ax.yaxis.set_major_formatter(lambda v, _: ctx.n(v))
        if ax is not bas_d:
            ax.legend(loc="upper left", fontsize=7.5)
    for ax in (bas_g, bas_d):
        ax.xaxis.set_major_formatter(lambda v, _: str(int(v)))
    if rencontres:
        fig.supxlabel(ctx.t("fig_evolution_rencontres", annees=", ".join(map(str, rencontres))),
                      x=0.01, ha="left", fontsize=8, color=_GRIS)
    return fig
