"""La carte dans un vrai navigateur : Chromium sans écran, piloté par Playwright.

Sans Chromium ou sans Playwright, ces tests sont sautés — sauf en CI (variable ``CI``
définie), où ils échouent : la CI doit les exécuter.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from graphes import jeu_genere

import reseau
from reseau.rendu.carte import ecrire_carte

pytestmark = pytest.mark.navigateur

DONNEES_CARTE = Path(__file__).parent / "donnees" / "carte"
NOM_PIEGE = "<img src=x onerror=alert(1)>"
ARGUMENTS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--disable-sync"]


def _absent(raison: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{raison} : les tests dans le navigateur doivent tourner en CI")
    pytest.skip(raison)


@pytest.fixture(scope="module")
def navigateur():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _absent("Playwright n'est pas installé")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        _absent("Chromium est introuvable (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGUMENTS)
        yield b
        b.close()


@dataclass
class Page:
    """Une carte ouverte, avec tout ce qu'elle a demandé, signalé ou tenté."""

    page: object
    fichier: Path
    requetes: list[str] = field(default_factory=list)
    erreurs: list[str] = field(default_factory=list)
    dialogues: list[str] = field(default_factory=list)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def requetes_externes(self) -> list[str]:
        return [r for r in self.requetes if r.split("#")[0] != self.fichier.as_uri()]


def ouvrir_carte(navigateur, dossier: Path, contextes: list, G, *, largeur: int = 1280, hauteur: int = 800,
                 fragment: str = "", pret: str = "carte.pret === true", **options) -> Page:
    """Écrit la carte de ``G``, l'ouvre dans un contexte neuf (compté dans ``contextes``) et attend ``pret`` ;
    toute requête est comptée, seule la page elle-même passe ; erreurs et dialogues relevés."""
    fichier = ecrire_carte(G, dossier / f"carte{len(contextes)}.html", **options)
    contexte = navigateur.new_context(viewport={"width": largeur, "height": hauteur})
    contextes.append(contexte)
    page = contexte.new_page()
    ouverte = Page(page, fichier)

    def intercepter(route):
        ouverte.requetes.append(route.request.url)
        if route.request.url.split("#")[0] == fichier.as_uri():
            route.continue_()
        else:
            route.abort()

    contexte.route("**/*", intercepter)
    page.on("console", lambda m: ouverte.erreurs.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: ouverte.erreurs.append(str(e)))
    page.on("dialog", lambda d: (ouverte.dialogues.append(d.message), d.dismiss()))
    page.goto(fichier.as_uri() + fragment)
    page.wait_for_function(f"window.carte && {pret}", timeout=30_000)
    return ouverte


@pytest.fixture
def ouvrir(navigateur, tmp_path):
    contextes: list = []
    yield lambda G, **options: ouvrir_carte(navigateur, tmp_path, contextes, G, **options)
    for contexte in contextes:
        contexte.close()


def cliquer_noeud(p: Page, ident: str) -> None:
    """Clique au centre du nœud ``ident`` (après avoir cadré tout le réseau)."""
    p.js("network.fit()")
    p.page.wait_for_timeout(100)
    point = p.js(f"network.canvasToDOM(network.getPositions([{ident!r}])[{ident!r}])")
    boite = p.page.locator("#reseau").bounding_box()
    p.page.mouse.click(boite["x"] + point["x"], boite["y"] + point["y"])


@pytest.mark.parametrize("disposition", ["force", "geographique", "strates"])
def test_autonome_sans_requete_ni_erreur(ouvrir, reference, disposition):
    p = ouvrir(reference, disposition=disposition)
    assert p.requetes_externes() == []
    assert p.erreurs == []
    assert p.js("nodes.length") == reference.number_of_nodes()
    assert p.js("network.body.nodeIndices.length") == reference.number_of_nodes()
    boites = p.js("carte.boitesLibelles")
    assert len(boites) > 10  # des libellés à l'ouverture, sans chevauchement
    assert not [(a, b) for i, a in enumerate(boites) for b in boites[i + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert p.js("document.documentElement.lang") == "fr"


def test_recherche_ouvre_la_fiche(ouvrir, reference):
    p = ouvrir(reference)
    p.page.fill("#recherche", "gesq")
    assert "GESQ — Groupe d'économie solidaire du Québec" in p.page.locator("#suggestions").inner_text()
    p.page.press("#recherche", "Enter")
    assert p.page.is_visible("#fiche")
    assert p.page.locator("#fiche h2").inner_text() == "Groupe d'économie solidaire du Québec"
    assert p.js("carte.selection") == "gesq"
    voisins = set(reference.neighbors("gesq"))
    assert set(p.js("[...carte.evidence]")) == voisins | {"gesq"}
    fiche = p.page.locator("#fiche").inner_text()
    assert "Mesures clés" in fiche and f"Partenaires ({len(voisins)})" in fiche and "Sources" in fiche
    # recherche sans accents ni casse, sur le nom
    assert "chantier-es" in p.js("carte.chercher('economie sociale')")
    assert p.erreurs == []


def test_filtres(ouvrir, reference):
    p = ouvrir(reference)
    non_locales = sum(1 for _, e in reference.nodes(data="echelle") if e != "locale")
    p.page.locator("details[data-cle=echelle] input[value=locale]").uncheck()
    assert p.js("carte.vueNoeuds.length") == non_locales
    assert p.js("network.body.nodeIndices.length") == non_locales
    assert p.page.locator("#compte").inner_text().startswith(f"{non_locales} organisations")
    p.page.click("#reinitialiser")
    assert p.js("carte.vueNoeuds.length") == reference.number_of_nodes()
    # filtre par pays : tout décocher puis garder le Sénégal
    p.page.locator("details[data-cle=pays] summary").click()
    p.page.locator("details[data-cle=pays] .boutons button").nth(1).click()
    p.page.locator("details[data-cle=pays] input[value=SN]").check()
    assert p.js("carte.vueNoeuds.length") == sum(1 for _, c in reference.nodes(data="pays") if c == "SN")
    p.page.click("#reinitialiser")
    # filtre par type de partenariat : seulement les adhésions
    p.page.locator("details[data-cle=type_lien] .boutons button").nth(1).click()
    p.page.locator("details[data-cle=type_lien] input[value=adhesion]").check()
    types = p.js("carte.vueLiens.get().map(e => Object.keys(e.types))")
    assert types and all("adhesion" in t for t in types)
    assert p.erreurs == []


def test_clic_ouvre_la_fiche_et_met_en_evidence(ouvrir, piege):
    p = ouvrir(piege)
    cliquer_noeud(p, "dkr")
    assert p.js("carte.selection") == "dkr"
    assert p.page.locator("#fiche h2").inner_text() == "Réseau dakarois d'économie solidaire"
    assert set(p.js("[...carte.evidence]")) == {"dkr", "mtl", "intl"}
    fiche = p.page.locator("#fiche").inner_text()
    assert "coopération" in fiche and "2006–2009" in fiche and "https://example.org/projet" in fiche
    p.page.click("#fermer-fiche")
    assert not p.page.is_visible("#fiche") and p.js("carte.selection") is None


def test_nom_piege_affiche_comme_texte(ouvrir, piege):
    p = ouvrir(piege)  # force : en géographique, l'organisation peut être repliée dans le marqueur de son lieu
    p.page.fill("#recherche", "img src")
    suggestion = p.page.locator("#suggestions button").first
    assert NOM_PIEGE in suggestion.inner_text()
    suggestion.click()
    assert p.page.locator("#fiche h2").inner_text() == NOM_PIEGE
    fiche = p.page.locator("#fiche").inner_text()
    assert "<script>alert(4)</script>" in fiche and "<img src=y onerror=alert(5)>" in fiche
    assert p.page.locator("#fiche a[href^='javascript']").count() == 0
    # infobulle au survol : du texte, pas du HTML
    # fin du recentrage animé : la vue ne bouge plus (attente bornée, même sur une machine chargée)
    p.page.wait_for_function("""new Promise((ok) => {
      const vue = () => JSON.stringify([network.getViewPosition(), network.getScale()]);
      const avant = vue(); setTimeout(() => ok(vue() === avant), 200); })""", timeout=10_000)
    point = p.js("network.canvasToDOM(network.getPositions(['xss']).xss)")
    boite = p.page.locator("#reseau").bounding_box()
    p.page.mouse.move(boite["x"] + point["x"] - 30, boite["y"] + point["y"] - 30)
    p.page.mouse.move(boite["x"] + point["x"], boite["y"] + point["y"], steps=5)
    p.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert NOM_PIEGE in p.page.locator("div.vis-tooltip").inner_text()
    p.page.wait_for_timeout(200)
    assert p.js("document.querySelectorAll('img').length") == 0
    assert p.dialogues == [] and p.erreurs == []


def test_disposition_geographique(ouvrir, piege):
    p = ouvrir(piege, disposition="geographique")
    positions = p.js("network.getPositions(['mtl', 'dkr'])")
    assert positions["dkr"]["x"] > positions["mtl"]["x"]  # Dakar à l'est de Montréal
    assert positions["dkr"]["y"] > positions["mtl"]["y"]  # et au sud (y vers le bas)
    cliquer_noeud(p, "qc")
    assert "approximative" in p.page.locator("#fiche").inner_text()


def test_force_figee_apres_stabilisation(ouvrir, piege):
    p = ouvrir(piege)
    assert p.js("network.physics.physicsEnabled") is False
    avant = p.js("network.getPositions()")
    p.page.wait_for_timeout(300)
    assert p.js("network.getPositions()") == avant


def test_image_png(ouvrir, piege):
    p = ouvrir(piege)
    image = p.js("carte.imagePNG()")
    assert image.startswith("data:image/png;base64,") and len(image) > 5000
    with p.page.expect_download() as telechargement:
        p.page.click("#image")
    assert telechargement.value.suggested_filename == "carte.png"
    assert p.requetes_externes() == []


@pytest.mark.parametrize(("langue", "mot"), [("en", "Search"), ("es", "Buscar")])
def test_langues(ouvrir, piege, langue, mot):
    p = ouvrir(piege, langue=langue, agreger="pays")
    assert p.js("document.documentElement.lang") == langue
    assert p.page.locator("label[for=recherche]").inner_text() == mot
    assert p.js("nodes.length") == 4 and p.erreurs == []


def test_grand_reseau_positions_precalculees(ouvrir, tmp_path):
    G = jeu_genere(tmp_path / "grand", 1600, 3)
    p = ouvrir(G)
    assert p.js("nodes.length") == 1600 and p.js("edges.length") == reseau.projection(G).number_of_edges()
    assert p.js("network.physics.physicsEnabled") is False
    assert 0 < p.js("carte.libelles") <= p.js("JSON.parse(document.getElementById('donnees').textContent).max_libelles")
    assert p.requetes_externes() == [] and p.erreurs == []
