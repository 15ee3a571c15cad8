"""Le fond du monde embarqué (Natural Earth) : contours des pays et frontières des provinces, lus une fois."""

from __future__ import annotations

import functools
import json
from pathlib import Path

MONDE = Path(__file__).resolve().parent / "ressources" / "monde.json"


@functools.cache
def anneaux_du_monde() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Les anneaux extérieurs des pays, en (longitude, latitude).

    >>> anneaux = anneaux_du_monde()
    >>> len(anneaux) > 100 and all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in anneaux[0])
    True
    """
    monde = json.loads(MONDE.read_text(encoding="utf-8"))
    anneaux = []
    for pays in monde["features"]:
        geometrie = pays.get("geometry") or {}
        polygones = geometrie.get("coordinates", [])
        if geometrie.get("type") == "Polygon":
            polygones = [polygones]
        anneaux += [tuple((float(p[0]), float(p[1])) for p in polygone[0]) for polygone in polygones if polygone]
    return tuple(anneaux)


PROVINCES = Path(__file__).resolve().parent / "ressources" / "provinces.json"


@functools.cache
def lignes_provinces() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Les frontières intérieures des provinces et États (Natural Earth admin-1), en (longitude, latitude).

    Canada, États-Unis, Australie, Brésil (voir ``ressources/LISEZMOI.md``).

    >>> lignes = lignes_provinces()
    >>> len(lignes) > 100 and any(-80 < lon < -57 and 44 < lat < 63 for l in lignes for lon, lat in l)  # Québec
    True
    """
    donnees = json.loads(PROVINCES.read_text(encoding="utf-8"))
    return tuple(tuple((float(p[0]), float(p[1])) for p in ligne) for ligne in donnees["lignes"])
