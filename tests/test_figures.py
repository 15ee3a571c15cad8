"""Les figures statiques : un fichier par figure et par format, images non vides, 200 dpi, trois langues."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import reseau
from reseau.cli.commandes import cli
from reseau.erreurs import ParametreInvalide
from reseau.rendu import figures as module_figures
from reseau.rendu.figures import FIGURES, produire_figures
from reseau.rendu.libelles import LANGUES, VOCABULAIRE

MINIMAL = Path(__file__).parent / "donnees" / "minimal"


@pytest.fixture(scope="module")
def G() -> nx.MultiGraph:
    return reseau.charger(MINIMAL)


@pytest.mark.parametrize("format_, signature", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_six_figures_par_format(G, tmp_path, format_, signature):
    chemins = produire_figures(G, tmp_path, format=format_)
    assert [c.name for c in chemins] == [f"{i}-{nom}.{format_}" for i, nom in enumerate(FIGURES, start=1)]
    assert len(chemins) == len(FIGURES)
    for chemin in chemins:
        assert chemin.read_bytes().startswith(signature)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(c.name for c in chemins)  # aucun temporaire


def test_png_non_vides_et_200_dpi(G, tmp_path):
    from matplotlib import image
    from PIL import Image

    for chemin in produire_figures(G, tmp_path):
        pixels = image.imread(chemin)
        hauteur, largeur = pixels.shape[:2]
        assert largeur >= 6 * 200 and hauteur >= 2.5 * 200, chemin.name  # au moins 6 × 2,5 pouces à 200 dpi
        assert min(Image.open(chemin).info["dpi"]) >= 199.9, chemin.name
        assert pixels[..., :3].var() > 1e-3, f"{chemin.name} est uniforme"


def test_langues(G, tmp_path):
    octets = {}
    for langue in LANGUES:
        chemins = produire_figures(G, tmp_path / langue, langue=langue)
        octets[langue] = chemins[-1].read_bytes()
    assert len(set(octets.values())) == len(LANGUES)  # les textes changent l'image
    with pytest.raises(ParametreInvalide, match="langue"):
        produire_figures(G, tmp_path, langue="de")


def test_libelles_complets_dans_les_trois_langues():
    cles = [c for c in VOCABULAIRE if c.startswith(("fig_", "rapport_"))]
    assert len(cles) > 50
    for cle in cles:
        assert set(VOCABULAIRE[cle]) == set(LANGUES), cle
        assert all(VOCABULAIRE[cle][langue].strip() for langue in LANGUES), cle


def test_format_inconnu(G, tmp_path):
    with pytest.raises(ParametreInvalide, match="format de figure « gif »"):
        produire_figures(G, tmp_path, format="gif")
    assert not any(tmp_path.iterdir())


def test_textes_des_donnees_affiches_tels_quels(G, tmp_path):
    H = G.copy()
    H.nodes["gesq"]["sigle"] = "5 $ et 10 $"  # pas une formule mathtext
    H.nodes["comsep"]["nom"] = "<script>alert(1)</script> " + "très long nom " * 10
    assert len(produire_figures(H, tmp_path, format="svg")) == len(FIGURES)


def test_reseau_vide(tmp_path):
    vide = nx.MultiGraph(source="")
    chemins = produire_figures(vide, tmp_path)
    assert len(chemins) == len(FIGURES) and all(c.stat().st_size > 0 for c in chemins)


def test_graphe_non_modifie(G, tmp_path):
    avant = (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True)))
    produire_figures(G, tmp_path)
    assert (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True))) == avant


def test_enregistrement_atomique(tmp_path, monkeypatch):
    """Une figure qui échoue à l'écriture ne laisse ni fichier ni temporaire."""
    fig = module_figures._figure(2, 2)

    def panne(*_args, **_kwargs):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(fig, "savefig", panne)
    with pytest.raises(RuntimeError):
        module_figures._enregistrer(fig, tmp_path / "f.png", "png")
    assert list(tmp_path.iterdir()) == []


def test_abreger():
    assert module_figures.abreger("a" * 50, 10) == "a" * 9 + "…"
    assert module_figures.abreger("Réseau intercontinental", 40) == "Réseau intercontinental"


def test_cli_figures(donnees, tmp_path):
    resultat = CliRunner().invoke(cli, ["figures", str(donnees / "minimal"), "-o", str(tmp_path), "--format", "svg",
                                        "--langue", "en"])
    assert resultat.exit_code == 0, resultat.output
    assert resultat.output.count("Écrit : ") == len(FIGURES)
    assert len(list(tmp_path.glob("*.svg"))) == len(FIGURES)


def test_cli_figures_format_invalide(donnees, tmp_path):
    resultat = CliRunner().invoke(cli, ["figures", str(donnees / "minimal"), "-o", str(tmp_path), "--format", "gif"])
    assert resultat.exit_code == 2
    assert "Traceback" not in resultat.output


def test_cli_n_importe_pas_matplotlib():
    code = "import sys, reseau.cli.commandes; print('matplotlib' in sys.modules)"
    resultat = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert resultat.stdout.strip() == "False"
