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
from reseau.rendu.libelles import nombre
from reseau.rendu.rapport import FIGURES_RAPPORT, construire_rapport, ecrire_rapport

MINIMAL = Path(__file__).parent / "donnees" / "minimal"
CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTS_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--no-first-run", "--disable-sync"]
SECTIONS = ("chiffres", "liens", "regions", "acteurs", "nord-sud", "articulation", "methode", "sources")


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
    # Hors du jeu de référence, aucune citation des documents du GESQ.
    assert "articulation du local au global »" not in texte and "Sud vers le Sud" not in texte
    assert "GESQ, Orientations" not in texte
    assert "docs/mesures.md" in texte
    assert f"({nombre(POIDS_INDICE['international'], 'fr', 2)})" in texte  # formule de l'indice, poids réels
    assert "Groupe d'économie solidaire du Québec" in texte  # principal acteur
    assert html.count('<img src="data:image/png;base64,') == len(FIGURES_RAPPORT)
    # Première page en langage simple, mesures techniques en annexe.
    assert texte.index("organisations, reliées par 5 partenariats, dans 3 pays.") < texte.index("densité")
    assert texte.index("Annexe") < texte.index("densité")
    assert "reseau valider" not in texte


def test_aucune_ressource_externe(html):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import|@font-face|url\(", html)
    assert "<script" not in html and "<link" not in html and "<iframe" not in html


def test_imprimable(html):
    assert re.search(r"@page\s*\{\s*size:\s*A4;", html)
    assert "break-inside: avoid" in html
    assert re.search(r"html\s*\{\s*background:\s*#ffffff", html)


def test_source_des_donnees(html):
    assert str(MINIMAL) not in html and "/work" not in html and "site-packages" not in html
    assert "<dd>minimal</dd>" in html
    assert "test — citations : 10" in html  # la référence « test » des 5 organisations et 5 partenariats


def test_titre_et_sous_titre(G):
    page = construire_rapport(G, titre="Réunion <du 12 mars>", sous_titre="Table de l'Estrie")
    assert "<h1>Réunion &lt;du 12 mars&gt;</h1>" in page
    assert '<p class="sous-titre">Table de l&#39;Estrie</p>' in page


def test_sources_regroupees_par_document():
    from reseau.entrees.graphe import construire
    from reseau.rendu.rapport import _documents

    H = construire([{"id": "a", "reference": "seeds/x.txt « déménagera ses bureaux au 101, rue Dugas »"},
                    {"id": "b", "reference": "seeds/x.txt « autre passage » ; faits/r.md R3"},
                    {"id": "c", "reference": "faits/r.md R8"}], [])
    assert _documents(H) == [{"document": "faits/r.md", "citations": 2, "cles": ["R3", "R8"]},
                             {"document": "seeds/x.txt", "citations": 2, "cles": []}]


def test_jeu_de_reference_cite_le_gesq_avec_sa_source():
    page = unescape(construire_rapport(reseau.charger()))
    assert "« d'abord le Sud vers le Sud »" in page and "« un manque d'articulation du local au global »" in page
    assert page.count("GESQ, Orientations et plan stratégique 2003") == 2
    assert "<dd>jeu de référence" in page and "site-packages" not in page
    assert "Liens à créer" in page and "Hauts-de-France" in page


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
    assert titre in page and "L'essentiel" not in page and "Liens à créer" not in page


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
            page.goto(ecrire_rapport(reseau.charger(), tmp_path / "reference.html").as_uri())
            page.wait_for_load_state("load")
            pdf_reference = page.pdf(format="A4", prefer_css_page_size=True)
        finally:
            navigateur.close()
    assert erreurs == [] and requetes == []
    assert len(largeurs) == len(FIGURES_RAPPORT) and min(largeurs) > 1000
    assert "L'essentiel" in titres and "Liens à créer" in titres and "Sources des données" in titres
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    # Le jeu de référence tient en 6 pages A4 au plus.
    assert 3 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf_reference)) <= 6
