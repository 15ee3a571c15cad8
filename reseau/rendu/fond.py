"""Le fond du monde embarqué (Natural Earth via world-atlas) : contours des pays, lus une fois."""

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
