"""Le rapport de réunion : autonome, complet, échappé, en trois langues, rendu sans erreur."""

from __future__ import annotations

import os
import re
from html import unescape
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import reseau
from reseau.analyse.regions import POIDS_INDICE
from reseau.cli.commandes import cli
from reseau.erreurs import ParametreInvalide
from reseau.rendu.figures import FIGURES
from reseau.rendu.libelles import nombre
from reseau.rendu.rapport import construire_rapport, ecrire_rapport

MINIMAL = Path(__file__).parent / "donnees" / "minimal"
CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTS_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--no-first-run", "--disable-sync"]
SECTIONS = ("chiffres", "acteurs", "regions", "nord-sud", "articulation", "methode", "sources")


@pytest.fixture(scope="module")
def G() -> nx.MultiGraph:
    return reseau.charger(MINIMAL)


@pytest.fixture(scope="module")
def html(G) -> str:
    return construire_rapport(G)


def test_document_complet(html):
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in html
    for section in SECTIONS:
        assert f'<section id="{section}"' in html, section
    texte = unescape(html)
    assert "« un manque d'articulation du local au global »" in texte
    assert "« d'abord le Sud vers le Sud »" in texte
    assert "docs/mesures.md" in texte
    assert f"({nombre(POIDS_INDICE['international'], 'fr', 2)})" in texte  # formule de l'indice, poids réels
    assert "Groupe d'économie solidaire du Québec" in texte  # principal acteur
    assert html.count('<img src="data:image/png;base64,') == len(FIGURES)  # chaque figure une fois


def test_aucune_ressource_externe(html):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import|@font-face|url\(", html)
    assert "<script" not in html and "<link" not in html and "<iframe" not in html


def test_imprimable(html):
    assert re.search(r"@page\s*\{\s*size:\s*A4;", html)
    assert "break-inside: avoid" in html
    assert re.search(r"html\s*\{\s*background:\s*#ffffff", html)


def test_source_des_donnees(html):
    assert str(MINIMAL) in html
    assert "test — citations : 10" in html  # la référence « test » des 5 organisations et 5 partenariats


def test_texte_des_donnees_echappe(G):
    H = G.copy()
    H.nodes["gesq"]["nom"] = "<script>alert(1)</script>"
    H.nodes["gesq"]["reference"] = '<img src=x onerror="alert(2)">'
    page = construire_rapport(H)
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page


@pytest.mark.parametrize("langue, titre", [("en", "Key figures"), ("es", "Cifras clave")])
def test_langues(G, langue, titre):
    page = construire_rapport(G, langue=langue)
    assert f'<html lang="{langue}">' in page
    assert titre in page and "Chiffres clés" not in page


def test_langue_inconnue(G):
    with pytest.raises(ParametreInvalide, match="langue « de »"):
        construire_rapport(G, langue="de")


def test_graphe_non_modifie(G):
    avant = (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True)))
    construire_rapport(G)
    assert (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True))) == avant


def test_ecrire_rapport(G, tmp_path):
    chemin = ecrire_rapport(G, tmp_path / "sous" / "rapport.html", langue="es")
    assert chemin.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in chemin.parent.iterdir()] == ["rapport.html"]


def test_cli_rapport(tmp_path):
    sortie = tmp_path / "r.html"
    resultat = CliRunner().invoke(cli, ["rapport", str(MINIMAL), "-o", str(sortie), "--langue", "en"])
    assert resultat.exit_code == 0, resultat.output
    assert f"Écrit : {sortie}" in resultat.output
    assert '<html lang="en">' in sortie.read_text(encoding="utf-8")


def test_cli_rapport_donnees_invalides(donnees, tmp_path):
    sortie = tmp_path / "r.html"
    resultat = CliRunner().invoke(cli, ["rapport", str(donnees / "invalide"), "-o", str(sortie)])
    assert resultat.exit_code == 2
    assert not sortie.exists()


def _navigateur():
    """Playwright et Chromium, ou un saut du test (un échec en CI)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium ou Playwright absent en CI")
        pytest.skip("Chromium ou Playwright absent")
    return sync_playwright


@pytest.mark.navigateur
def test_rendu_dans_chromium(G, tmp_path):
    sync_playwright = _navigateur()
    chemin = ecrire_rapport(G, tmp_path / "rapport.html")
    with sync_playwright() as p:
        navigateur = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMENTS_CHROMIUM)
        try:
            page = navigateur.new_page()
            erreurs, requetes = [], []
            page.on("console", lambda m: erreurs.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: erreurs.append(str(e)))
            page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else requetes.append(r.url))
            page.goto(chemin.as_uri())
            page.wait_for_load_state("load")
            largeurs = page.evaluate("[...document.images].map(i => i.complete ? i.naturalWidth : 0)")
            titres = page.evaluate("[...document.querySelectorAll('h2')].map(h => h.textContent)")
            pdf = page.pdf(format="A4", prefer_css_page_size=True)
        finally:
            navigateur.close()
    assert erreurs == [] and requetes == []
    assert len(largeurs) == len(FIGURES) and min(largeurs) > 1000
    assert "Chiffres clés" in titres and "Sources des données" in titres
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 3
