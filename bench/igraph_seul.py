"""Référence igraph seul pour les bancs : intermédiarité, proximité et PageRank exacts.

    python bench/igraph_seul.py DONNEES

Lit les deux CSV (module csv), construit le graphe simple pondéré (liens multiples
fusionnés, poids additionnés), puis calcule les trois centralités comme ``reseau``
(intermédiarité et proximité non pondérées, PageRank pondéré). Imprime en JSON le temps
de chargement et le temps des trois centralités.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

import igraph


def charger(dossier: Path) -> igraph.Graph:
    with (dossier / "organisations.csv").open(encoding="utf-8-sig", newline="") as f:
        index = {ligne["id"]: i for i, ligne in enumerate(csv.DictReader(f))}
    aretes, poids = [], []
    with (dossier / "partenariats.csv").open(encoding="utf-8-sig", newline="") as f:
        for ligne in csv.DictReader(f):
            aretes.append((index[ligne["source"]], index[ligne["cible"]]))
            poids.append(float(ligne["poids"].replace(",", ".") or 1))
    g = igraph.Graph(n=len(index), edges=aretes, directed=False)
    g.es["poids"] = poids
    g.simplify(multiple=True, loops=True, combine_edges={"poids": "sum"})
    return g


def main() -> None:
    debut = time.perf_counter()
    g = charger(Path(sys.argv[1]))
    charge = time.perf_counter()
    g.betweenness(directed=False)
    g.closeness()
    g.pagerank(weights="poids", directed=False)
    fin = time.perf_counter()
    print(json.dumps({"chargement_s": charge - debut, "centralites_s": fin - charge,
                      "organisations": g.vcount(), "paires": g.ecount()}))


if __name__ == "__main__":
    main()
