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
# Partenariats selon le camp de leurs deux organisations (Nord-Sud : entre les deux).
LIENS_NORD_SUD: dict[str, str] = {
    "liens_nord_nord": NORD_SUD["nord"], "liens_nord_sud": "#6A3D9A", "liens_sud_sud": NORD_SUD["sud"],
}

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


def melanger(couleur: str, autre: str, part: float) -> str:
    """``couleur`` mêlée d'une ``part`` (0 à 1) de ``autre`` : assombrir avec le noir, éclaircir avec le blanc.

    >>> melanger("#0072B2", "#000000", 0.35), melanger("#000000", "#FFFFFF", 0.5)
    ('#004a74', '#808080')
    """
    a = [int(couleur[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(autre[i:i + 2], 16) for i in (1, 3, 5)]
    return "#{:02x}{:02x}{:02x}".format(*(round(x + (y - x) * part) for x, y in zip(a, b)))
