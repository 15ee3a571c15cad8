"""Imports différés : igraph sans matplotlib.pyplot, matplotlib encore importable ensuite."""

from __future__ import annotations

import subprocess
import sys


def test_igraph_sans_pyplot_puis_matplotlib_disponible():
    code = (
        "import sys\n"
        "from reseau.analyse._igraph import importer_igraph\n"
        "g = importer_igraph().Graph.Ring(4)\n"
        "print(g.betweenness(), 'matplotlib.pyplot' in sys.modules)\n"
        "import matplotlib\n"
        "print(matplotlib.__name__)\n"
    )
    resultat = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert resultat.stdout.split("\n")[:2] == ["[0.5, 0.5, 0.5, 0.5] False", "matplotlib"]
