"""Les étages du paquet : un étage bas n'importe jamais un étage haut, et aucun cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PAQUET = Path(__file__).resolve().parent.parent / "reseau"

# Rang de chaque étage : un module n'importe que des rangs inférieurs ou égaux au sien.
ETAGES = {"socle": 0, "entrees": 1, "analyse": 2, "rendu": 3, "cli": 4, "api": 5}


def _nom_module(chemin: Path) -> str:
    parties = list(chemin.relative_to(PAQUET.parent).with_suffix("").parts)
    if parties[-1] == "__init__":
        parties.pop()
    return ".".join(parties)


def _etage(module: str) -> str:
    parties = module.split(".")
    if len(parties) == 1 or parties[1] == "__main__":
        return "api"
    return parties[1] if parties[1] in ETAGES else "socle"


def _imports(chemin: Path) -> set[str]:
    """Modules de ``reseau`` importés par un fichier (imports différés compris)."""
    module = _nom_module(chemin)
    paquet = module if chemin.name == "__init__.py" else module.rpartition(".")[0]
    trouves: set[str] = set()
    for noeud in ast.walk(ast.parse(chemin.read_text(encoding="utf-8"))):
        if isinstance(noeud, ast.Import):
            trouves.update(a.name for a in noeud.names if a.name.split(".")[0] == "reseau")
        elif isinstance(noeud, ast.ImportFrom):
            if noeud.level:
                base = paquet.split(".")
                base = base[: len(base) - noeud.level + 1]
                cible = ".".join(base + ([noeud.module] if noeud.module else []))
            else:
                cible = noeud.module or ""
            if cible.split(".")[0] != "reseau":
                continue
            trouves.add(cible)
            # `from . import x` : x peut être un sous-module.
            for alias in noeud.names:
                candidat = f"{cible}.{alias.name}"
                if (PAQUET.parent / (candidat.replace(".", "/") + ".py")).exists():
                    trouves.add(candidat)
    trouves.discard(module)
    return trouves


def _graphe_imports() -> nx.DiGraph:
    D = nx.DiGraph()
    for chemin in sorted(PAQUET.rglob("*.py")):
        module = _nom_module(chemin)
        D.add_node(module)
        for cible in _imports(chemin):
            D.add_edge(module, cible)
    return D


def test_les_etages_ne_regardent_que_vers_le_bas():
    D = _graphe_imports()
    fautes = [
        f"{u} ({_etage(u)}) importe {v} ({_etage(v)})"
        for u, v in D.edges
        if ETAGES[_etage(u)] < ETAGES[_etage(v)]
    ]
    assert not fautes, "\n".join(fautes)


def test_aucun_cycle_d_imports():
    D = _graphe_imports()
    # Un paquet et ses sous-modules ne forment pas un cycle à eux seuls (__init__ qui réexporte).
    D.remove_edges_from([(u, v) for u, v in list(D.edges) if v.startswith(u + ".") or u.startswith(v + ".")])
    cycles = list(nx.simple_cycles(D))
    assert not cycles, cycles


def test_le_test_voit_les_fautes(tmp_path):
    """Le lecteur d'imports reconnaît les formes relatives et différées."""
    assert "reseau.analyse.mesures" in _imports(PAQUET / "rendu" / "carte.py")
    assert _etage("reseau.rendu.carte") == "rendu" and _etage("reseau.erreurs") == "socle"
    assert _etage("reseau") == "api"


@pytest.mark.parametrize("paquet", ["entrees", "analyse", "rendu", "cli"])
def test_chaque_etage_dit_ce_qu_il_peut_importer(paquet):
    doc = ast.get_docstring(ast.parse((PAQUET / paquet / "__init__.py").read_text(encoding="utf-8")))
    assert doc and ("Peut importer" in doc or "importer tous" in doc)
