"""Une carte juste dans Chromium : réseaux en morceaux (force) et géographie exacte (ticket 12).

Mesuré dans la page : part des organisations dans la fenêtre initiale, distance à l'écran entre
chaque organisation et ``projeter(lon, lat)`` à trois zooms, taille des disques à l'écran.
"""

from __future__ import annotations

import networkx as nx
import pytest

from reseau.rendu import carte as module_carte
from tests import test_navigateur as _nav

navigateur, ouvrir = _nav.navigateur, _nav.ouvrir  # les fixtures de test_navigateur.py

pytestmark = pytest.mark.navigateur

VILLES = {  # (latitude, longitude) de lieux réels, précision « ville »
    "Montréal": (45.5017, -73.5673), "Laval": (45.5695, -73.692), "Longueuil": (45.5312, -73.5181),
    "Québec": (46.8139, -71.208), "Rimouski": (48.4488, -68.524), "Paris": (48.8566, 2.3522),
    "Lille": (50.6329, 3.0586), "Dakar": (14.6928, -17.4467), "Thiès": (14.7894, -16.926), "Lima": (-12.0464, -77.0428),
}
EFFECTIFS = {"Montréal": 23, "Laval": 2, "Longueuil": 1, "Québec": 6, "Rimouski": 1, "Paris": 9, "Lille": 3,
             "Dakar": 4, "Thiès": 1, "Lima": 2}


def _organisation(G: nx.MultiGraph, ident: str, **attributs) -> None:
    G.add_node(ident, nom=f"Organisation {ident}", echelle="locale", type="association", **attributs)


@pytest.fixture(scope="module")
def reseau_geo() -> nx.MultiGraph:
    G = nx.MultiGraph(source="")
    for ville, n in EFFECTIFS.items():
        lat, lon = VILLES[ville]
        for k in range(n):
            _organisation(G, f"{ville}-{k}", ville=ville, pays="CA", latitude=lat, longitude=lon, precision="ville")
    _organisation(G, "exacte", pays="CA", latitude=45.5088, longitude=-73.554, precision="coordonnees")
    for k in range(3):  # approximatives (région) et sans position
        _organisation(G, f"region-{k}", pays="FR", region="Hauts-de-France", latitude=50.48, longitude=2.79, precision="region")
    _organisation(G, "inconnue")
    noeuds = list(G)
    for i in range(len(noeuds) - 1):
        G.add_edge(noeuds[i], noeuds[i + 1], type="cooperation")
    return G


def _dans_la_fenetre(p) -> float:
    return p.js("""(() => {
      const ids = nodes.getIds(), pos = network.getPositions(ids), c = document.getElementById('reseau');
      let dedans = 0;
      for (const id of ids) {
        const d = network.canvasToDOM(pos[id]);
        if (d.x >= 0 && d.y >= 0 && d.x <= c.clientWidth && d.y <= c.clientHeight) dedans++;
      }
      return dedans / ids.length;
    })()""")


def _etendue_px(p) -> float:
    return p.js("""(() => {
      const pos = Object.values(network.getPositions()).map((q) => network.canvasToDOM(q));
      const xs = pos.map((q) => q.x), ys = pos.map((q) => q.y);
      return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    })()""")


def _separes(p) -> float:
    """Part des organisations dont la voisine la plus proche est à au moins 5 px : la carte n'est pas un point."""
    return p.js("""(() => {
      const pos = Object.values(network.getPositions()).map((q) => network.canvasToDOM(q));
      let bons = 0;
      for (const a of pos) {
        let d = Infinity;
        for (const b of pos) if (a !== b) d = Math.min(d, Math.hypot(a.x - b.x, a.y - b.y));
        if (d >= 5) bons++;
      }
      return bons / pos.length;
    })()""")


@pytest.mark.parametrize("G", [
    nx.MultiGraph(nx.path_graph(3)),
    nx.MultiGraph(nx.disjoint_union_all([nx.complete_graph(31), *[nx.path_graph(2)] * 3, nx.empty_graph(3)])),
    nx.MultiGraph(nx.disjoint_union_all([nx.star_graph(k % 5 + 1) for k in range(40)] + [nx.empty_graph(25)])),
], ids=["chaine3", "netzero", "quarante_morceaux"])
@pytest.mark.parametrize("physique", [True, False], ids=["physique", "positions_python"])
def test_force_en_morceaux_remplit_la_fenetre(ouvrir, G, physique, monkeypatch):
    if not physique:  # comme au-delà de SEUIL_PHYSIQUE : les positions de disposition_force telles quelles
        monkeypatch.setattr(module_carte, "SEUIL_PHYSIQUE", 0)
    G = nx.relabel_nodes(G, {n: f"n{n}" for n in G})
    for n in G:
        G.nodes[n].update(nom=f"Org {n}", echelle="locale")
    p = ouvrir(G)
    assert _dans_la_fenetre(p) >= 0.95
    assert _etendue_px(p) > 100 and _separes(p) >= 0.9  # ni point unique, ni amas écrasé par un morceau lointain
    assert not p.erreurs


ZOOMS = {  # centre (lon, lat), échelle : monde (ajusté), pays, ville
    "monde": None, "pays": ((-72.0, 47.0), 0.12), "ville": ((-73.58, 45.52), 3.0),
}


def _mesures(p) -> list[dict]:
    return p.js("""(() => {
      const marqueurs = carte.geo.marqueurs();
      return nodes.get().filter((n) => n.lon !== null).map((n) => {
        const corps = network.body.nodes[n.id], point = projeter(n.lon, n.lat);
        const a = network.canvasToDOM({x: corps.x, y: corps.y}), b = network.canvasToDOM(point);
        return {id: n.id, precision: n.precision, px: Math.hypot(a.x - b.x, a.y - b.y),
                replie: carte.geo.replie(n.id), taille: corps.options.size * network.getScale(),
                marqueur: marqueurs.some((m) => Math.abs(m.x - point.x) < 1e-6 && Math.abs(m.y - point.y) < 1e-6)};
      });
    })()""")


def _zoomer(p, zoom) -> None:
    if ZOOMS[zoom] is None:
        p.js("network.fit()")
    else:
        (lon, lat), echelle = ZOOMS[zoom]
        p.js(f"network.moveTo({{position: projeter({lon}, {lat}), scale: {echelle}}})")
    p.js("network.redraw()")
    p.page.wait_for_timeout(150)


def test_geographique_chacun_a_sa_place_a_trois_zooms(ouvrir, reseau_geo):
    p = ouvrir(reseau_geo, disposition="geographique")
    assert _dans_la_fenetre(p) >= 0.95
    tailles = {}
    for zoom in ZOOMS:
        _zoomer(p, zoom)
        mesures = _mesures(p)
        for m in mesures:
            if m["precision"] in ("ville", "coordonnees"):
                assert m["px"] < 60 or (m["replie"] and m["marqueur"] and m["px"] < 1e-6), (zoom, m)
        tailles[zoom] = {m["id"]: m["taille"] for m in mesures}
    for ident, monde in tailles["monde"].items():  # taille à l'écran : facteur < 2 entre monde et ville
        assert 0.5 < tailles["ville"][ident] / monde < 2, ident
    assert not p.erreurs


def test_geographique_marqueur_montreal_s_ouvre_au_clic(ouvrir, reseau_geo):
    p = ouvrir(reseau_geo, disposition="geographique")
    _zoomer(p, "ville")
    marqueurs = p.js("carte.geo.marqueurs()")
    montreal = next(m for m in marqueurs if m["nom"] == "Montréal")
    assert montreal["n"] == 23
    point = p.js(f"network.canvasToDOM({{x: {montreal['x']}, y: {montreal['y']}}})")
    boite = p.page.locator("#reseau").bounding_box()
    p.page.mouse.click(boite["x"] + point["x"], boite["y"] + point["y"])
    p.page.wait_for_timeout(150)
    assert "Montréal" not in [m["nom"] for m in p.js("carte.geo.marqueurs()")]
    ouverts = [m for m in _mesures(p) if m["id"].startswith("Montréal-")]
    assert not any(m["replie"] for m in ouverts)
    positions = {(round(m["px"], 3)) for m in ouverts}
    assert len(positions) > 1  # en éventail à l'écran, plus au même point
    assert not p.erreurs


def test_geographique_fiche_et_pointilles_des_approximatives(ouvrir, reseau_geo):
    p = ouvrir(reseau_geo, disposition="geographique")
    approx = p.js("nodes.get('region-0')")
    assert approx["precision"] == "region" and approx["shapeProperties"]["borderDashes"]
    assert approx["lon"] == pytest.approx(2.79) and approx["lat"] == pytest.approx(50.48)
    assert p.js("nodes.get('inconnue').lon") is None


def test_geographique_disque_cliquable_a_sa_taille_ecran(ouvrir, reseau_geo):
    """Au zoom monde, le disque se clique sur toute sa taille à l'écran (zone recalculée avec la taille)."""
    p = ouvrir(reseau_geo, disposition="geographique")
    _zoomer(p, "monde")
    point = p.js("network.canvasToDOM(network.getPositions(['Rimouski-0'])['Rimouski-0'])")
    rayon_px = p.js("network.body.nodes['Rimouski-0'].options.size * network.getScale()")
    assert rayon_px >= 4
    boite = p.page.locator("#reseau").bounding_box()
    p.page.mouse.click(boite["x"] + point["x"] + rayon_px * 0.6, boite["y"] + point["y"])
    p.page.wait_for_timeout(150)
    assert p.js("carte.selection") == "Rimouski-0"
    assert "Rimouski" in p.page.locator("#fiche").inner_text()
