"""La palette commune à la carte HTML, aux figures et au rapport."""

from __future__ import annotations

# Okabe–Ito : lisible par les daltoniens, et à l'impression.
ECHELLE: dict[str, str] = {
    "locale": "#E69F00",
    "regionale": "#009E73",
    "nationale": "#0072B2",
    "internationale": "#CC79A7",
}
NORD_SUD: dict[str, str] = {"nord": "#0072B2", "sud": "#D55E00", "": "#999999"}

# Couleurs catégorielles (types, communautés, régions), prises dans l'ordre.
CATEGORIES: tuple[str, ...] = (
    "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
    "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#17BECF", "#8C564B",
)
INCONNU = "#999999"


def categorie(indice: int) -> str:
    """La couleur catégorielle d'indice donné (la palette boucle).

    >>> categorie(0), categorie(12)
    ('#4E79A7', '#4E79A7')
    """
    return CATEGORIES[indice % len(CATEGORIES)]


def palette(valeurs: list[str], fixes: dict[str, str] | None = None) -> dict[str, str]:
    """Une couleur par valeur : celles de ``fixes`` d'abord, puis les catégorielles dans l'ordre trié.

    >>> palette(["sud", "nord"], NORD_SUD)
    {'nord': '#0072B2', 'sud': '#D55E00'}
    """
    fixes = fixes or {}
    autres = sorted(v for v in set(valeurs) if v not in fixes)
    couleurs = {v: categorie(i) for i, v in enumerate(autres)}
    couleurs.update({v: c for v, c in fixes.items() if v in set(valeurs)})
    return dict(sorted(couleurs.items()))
