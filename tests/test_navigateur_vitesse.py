"""La carte sans physique rejouée, la vue agrégée lisible et la couche des grandes cartes (ticket 20), dans Chromium.

Pas de test chronométré : les temps sont mesurés par ``bench/ouverture.py``. Ici, ce qui les rend
possibles : positions de Python inchangées à l'ouverture, liens forts et seuil annoncé, image gardée
d'un dessin à l'autre et identique au dessin complet.
"""

from __future__ import annotations

import networkx as nx
import pytest

import reseau
from reseau.analyse.agregation import agreger
from reseau.rendu import carte as module_carte
from tests import test_navigateur as _nav

navigateur, ouvrir = _nav.navigateur, _nav.ouvrir  # les fixtures de test_navigateur.py

pytestmark = pytest.mark.navigateur

POSITIONS = """(() => {
  const D = JSON.parse(document.getElementById("donnees").textContent);
  const corps = network.body.nodes;  // getPositions arrondit
  return D.noeuds.map((n) => [n.id, n.x, n.y, corps[n.id].x, corps[n.id].y]);
})()"""


@pytest.fixture(scope="module")
def moyen(tmp_path_factory) -> nx.MultiGraph:
    """Un réseau généré de 400 organisations (sous l'ancien seuil de physique : elle s'y rejouait)."""
    dossier = tmp_path_factory.mktemp("moyen")
    organisations, partenariats = reseau.generer(400, graine=5)
    reseau.ecrire_jeu(dossier / "jeu", organisations, partenariats)
    return reseau.charger(dossier / "jeu")


def test_carte_moyenne_garde_les_positions_de_python(ouvrir, moyen):
    """Aucune stabilisation : physique coupée, chaque nœud à la position calculée en Python, et il y reste."""
    p = ouvrir(moyen)
    assert p.js("network.physics.physicsEnabled") is False
    assert p.js("network.physics.options.enabled") is False
    ouverture = p.js(POSITIONS)
    assert len(ouverture) == 400
    assert [o for o in ouverture if abs(o[1] - o[3]) >= 1 or abs(o[2] - o[4]) >= 1] == []  # vis-network : parseInt
    p.page.wait_for_timeout(400)
    assert p.js(POSITIONS) == ouverture
    assert p.erreurs == []


def test_vue_agregee_dense_annonce_le_seuil(ouvrir, moyen, monkeypatch):
    """Vue agrégée de plus de MAX_LIENS_AGREGES liens : seuls les liens forts sont dessinés, la légende dit
    lesquels (seuil, dans la langue de la page) ; une case les dessine tous."""
    monkeypatch.setattr(module_carte, "MAX_LIENS_AGREGES", 30)
    H = agreger(moyen, "region")
    forts = module_carte.liens_forts(H, module_carte.LIENS_PAR_GROUPE, 30)
    assert forts is not None and forts.seuil >= 2 and len(forts.paires) < H.number_of_edges()
    p = ouvrir(moyen, agreger="region")
    texte = p.page.locator("#legende-liens").inner_text()
    assert f"au moins {forts.seuil} partenariats" in texte
    assert f"{len(forts.paires)} sur {H.number_of_edges()}" in texte
    assert f"les {forts.k} plus forts de chaque région" in texte
    assert p.js("network.body.edgeIndices.length") == len(forts.paires)
    assert p.js("edges.length") == H.number_of_edges()  # les autres restent pour les fiches
    assert p.js("network.physics.physicsEnabled") is False
    p.page.check("#liens-faibles")
    assert p.js("network.body.edgeIndices.length") == H.number_of_edges()
    p.js("carte.changerLangue('en')")
    texte = p.page.locator("#legende-liens").inner_text()
    assert f"at least {forts.seuil} partnerships" in texte and "draw all links" in texte
    assert p.page.is_checked("#liens-faibles")
    assert p.erreurs == []


def test_vue_agregee_peu_dense_sans_seuil(ouvrir, moyen):
    """Sous MAX_LIENS_AGREGES liens, tout est dessiné et la légende n'annonce aucun seuil."""
    p = ouvrir(moyen, agreger="pays")
    assert p.page.locator("#legende-liens").count() == 0
    assert p.js("network.body.edgeIndices.length") == p.js("edges.length")


IMAGE = """(() => {
  network.redraw();
  const toile = network.canvas.frame.canvas;
  return Array.from(toile.getContext("2d").getImageData(0, 0, toile.width, toile.height).data);
})()"""


def _ecart(a: list[int], b: list[int]) -> float:
    """Écart moyen par canal entre deux images de même taille."""
    assert len(a) == len(b)
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a)


def test_couche_recopiee_au_survol_et_identique(ouvrir, moyen, monkeypatch):
    """Avec la couche (cartes de beaucoup de liens), un survol recopie l'image au lieu de tout redessiner,
    et ce qui est à l'écran est ce que donne le dessin complet de vis-network."""
    monkeypatch.setattr(module_carte, "SEUIL_COUCHE", 0)
    p = ouvrir(moyen, largeur=900, hauteur=700)
    assert p.js("carte.couche !== null")
    avec = p.js(IMAGE)
    stats = p.js("Object.assign({}, carte.couche.stats)")
    ident = p.js("nodes.getIds().sort((a, b) => network.body.nodes[b].options.size - network.body.nodes[a].options.size)[0]")
    point = p.js(f"network.canvasToDOM(network.getPositions([{ident!r}])[{ident!r}])")
    boite = p.page.locator("#reseau").bounding_box()
    p.page.mouse.move(boite["x"] + point["x"], boite["y"] + point["y"])
    p.page.wait_for_function(f"network.body.nodes[{ident!r}].hover === true", timeout=5000)
    p.page.wait_for_timeout(100)
    apres = p.js("Object.assign({}, carte.couche.stats)")
    assert apres["refaites"] == stats["refaites"] and apres["recopiees"] > stats["recopiees"]
    p.page.mouse.move(boite["x"] + 2, boite["y"] + 2)  # coin vide
    p.page.wait_for_function(f"network.body.nodes[{ident!r}].hover === false", timeout=5000)
    # la même carte sans couche : même image, au bruit d'arrondi près
    monkeypatch.setattr(module_carte, "SEUIL_COUCHE", 10**9)
    q = ouvrir(moyen, largeur=900, hauteur=700)
    assert q.js("carte.couche") is None
    assert _ecart(avec, q.js(IMAGE)) < 0.5
    assert _ecart(p.js(IMAGE), q.js(IMAGE)) < 0.5
    # une année de la frise (la vue ne bouge pas), puis un filtre (la vue se recadre) : l'image gardée est
    # refaite parce que les données ont changé ; même dessin que sans couche
    for page in (p, q):
        page.js("carte.frise.aller(carte.frise.bornes.min + 2)")
        page.page.wait_for_timeout(200)
    assert _ecart(p.js(IMAGE), q.js(IMAGE)) < 0.5
    for page in (p, q):
        page.js("document.querySelector('details[data-cle=nord_sud] input[value=sud]').click()")
        page.page.wait_for_timeout(900)  # recadrage animé (300 ms), puis image refaite (150 ms)
    assert p.js("network.body.nodeIndices.length") < p.js("nodes.length")
    assert _ecart(p.js(IMAGE), q.js(IMAGE)) < 0.5
    assert p.erreurs == [] and q.erreurs == []
