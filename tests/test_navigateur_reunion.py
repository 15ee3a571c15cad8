"""La carte de réunion dans Chromium (ticket 14) : libellés distincts et réglables, liens fléchés avec
infobulle et fiche, mode présentation à 1366×768, image 2×, recadrage, vue dans l'adresse, langues,
vue agrégée, aides des mesures. Mêmes règles que ``test_navigateur.py`` (sautés sans Chromium, sauf en CI).
"""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

import pytest

from tests.test_navigateur import DONNEES_CARTE, NOM_PIEGE, Page, navigateur, ouvrir_carte  # noqa: F401 (fixture)

pytestmark = pytest.mark.navigateur

LARGEUR, HAUTEUR = 1366, 768
RACINE = Path(__file__).resolve().parent.parent


@pytest.fixture
def ouvrir(navigateur, tmp_path):  # noqa: F811
    """Ouvre une carte à 1366×768, avec un fragment d'adresse éventuel ; compte requêtes et erreurs."""
    contextes: list = []
    yield lambda G, fragment="", **options: ouvrir_carte(
        navigateur, tmp_path, contextes, G, largeur=LARGEUR, hauteur=HAUTEUR, fragment=fragment,
        pret="carte.pret === true && carte.vueRestauree === true", **options)
    for contexte in contextes:
        contexte.close()


def _milieu_du_lien(p: Page, a: str, b: str) -> tuple[int, dict]:
    """Identifiant du lien a–b et position (page) de son milieu, après avoir cadré tout le réseau."""
    p.js("network.fit()")
    p.page.wait_for_timeout(100)
    ident, point = p.js(f"""(() => {{
      const e = edges.get().find((e) => (e.from === {a!r} && e.to === {b!r}) || (e.from === {b!r} && e.to === {a!r}));
      const q = network.getPositions([e.from, e.to]);
      return [e.id, network.canvasToDOM({{ x: (q[e.from].x + q[e.to].x) / 2, y: (q[e.from].y + q[e.to].y) / 2 }})];
    }})()""")
    boite = p.page.locator("#reseau").bounding_box()
    return ident, {"x": boite["x"] + point["x"], "y": boite["y"] + point["y"]}


def test_libelles_distincts_et_reglables(ouvrir, reference):
    p = ouvrir(reference, taille_libelles=15)
    noeuds = p.js("nodes.get().map((n) => [n.id, n.libelle, n.complet])")
    assert len({libelle for _, libelle, _ in noeuds}) == len(noeuds)  # jamais deux libellés identiques
    assert len({complet for _, _, complet in noeuds}) == len(noeuds)
    libelles = dict((i, lib) for i, lib, _ in noeuds)
    assert libelles["res-chili"].endswith("(Chili)") and libelles["reseau-mexique"].endswith("(Mexique)")
    assert libelles["gesq"] == "GESQ"
    p.js("network.fit(); network.redraw()")
    p.page.wait_for_function("carte.textesLibelles && carte.textesLibelles.length > 10", timeout=10_000)
    dessines = p.js("carte.textesLibelles")
    assert len(dessines) > 10 and len(set(dessines)) == len(dessines)
    # un nom qui tient n'est pas abrégé : au moins un libellé complet de plus de 28 caractères est dessiné
    assert any(len(t) > 28 and "…" not in t for t in dessines)
    assert p.js("carte.tailleLibelles") == 15
    p.page.click("#libelles-plus")
    assert p.js("carte.tailleLibelles") == 17
    p.page.click("#libelles-moins")
    p.page.click("#libelles-moins")
    assert p.js("carte.tailleLibelles") == 13
    assert p.erreurs == []


def test_fleches_des_partenariats_orientes(ouvrir, piege):
    p = ouvrir(piege)
    fleches = p.js("Object.fromEntries(edges.get().map((e) => { const a = network.body.edges[e.id].options.arrows;"
                   " return [e.from + '-' + e.to, [a.to.enabled, a.from.enabled]]; }))")
    assert fleches["mtl-qc"] == [True, False]  # adhésion : de l'adhérent vers la structure
    assert fleches.get("mtl-dkr", fleches.get("dkr-mtl")) == [False, False]  # coopération, événement : pas de sens
    # plus de partenariats, lien plus épais
    largeurs = p.js("Object.fromEntries(edges.get().map((e) => [e.from + '-' + e.to, network.body.edges[e.id].options.width]))")
    assert largeurs.get("mtl-dkr", largeurs.get("dkr-mtl")) > largeurs["mtl-qc"] >= 1.5


def test_fiche_et_infobulle_de_lien(ouvrir, piege):
    p = ouvrir(piege)
    p.js("carte.selectionner('qc', false)")
    assert p.page.is_visible("#fiche")
    ident, milieu = _milieu_du_lien(p, "mtl", "dkr")
    p.page.mouse.move(milieu["x"] - 25, milieu["y"] - 25)
    p.page.mouse.move(milieu["x"], milieu["y"], steps=5)
    p.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    bulle = p.page.locator("div.vis-tooltip").inner_text()
    assert "COOP-MTL — RDES" in bulle and "2 partenariats" in bulle and "coopération · 2006–2009" in bulle
    p.page.mouse.click(milieu["x"], milieu["y"])
    assert p.js("carte.lienSelectionne") == ident and p.js("carte.selection") is None  # la fiche de qc est fermée
    fiche = p.page.locator("#fiche").inner_text()
    for attendu in ("Partenariats entre", "COOP-MTL — Coopérative de Montréal", "RDES — Réseau dakarois",
                    "coopération", "2006–2009", "réciproque", "<i>projet</i>", "https://example.org/projet", "événement", "2005"):
        assert attendu in fiche, attendu
    assert p.page.locator("#fiche a[href='https://example.org/projet']").count() == 1
    # un bouton d'organisation de la fiche du lien ouvre sa fiche
    p.page.locator("#fiche .organisations button").first.click()
    assert p.js("carte.selection") in ("mtl", "dkr") and p.js("carte.lienSelectionne") is None
    assert p.js("document.querySelectorAll('img, i').length") == 0 and p.dialogues == [] and p.erreurs == []


def test_lien_piege_echappe(ouvrir, piege):
    p = ouvrir(piege)
    ident = p.js("edges.get().find((e) => e.from === 'xss' || e.to === 'xss').id")
    p.js(f"carte.selectionnerLien({ident})")
    fiche = p.page.locator("#fiche").inner_text()
    assert NOM_PIEGE in fiche and "<img src=y onerror=alert(5)>" in fiche
    assert "</script><script>alert(2)</script>" in p.js(f"edges.get({ident}).title")  # le sigle piège, en texte
    p.page.wait_for_timeout(200)
    assert p.js("document.querySelectorAll('img').length") == 0
    assert p.page.locator("a[href^='javascript']").count() == 0 and p.dialogues == [] and p.erreurs == []


def test_mode_presentation_a_1366x768(ouvrir, reference):
    p = ouvrir(reference)
    base = p.js("carte.tailleLibelles")
    for ident in ("libelles-moins", "libelles-plus", "ajuster", "presentation", "copier-lien", "image-resolution",
                  "image", "langue-page"):  # toutes les commandes dans l'écran, sans défiler
        b = p.page.locator(f"#{ident}").bounding_box()
        assert b, ident
        assert b["x"] >= 0 and b["x"] + b["width"] <= LARGEUR and b["y"] >= 0 and b["y"] + b["height"] <= HAUTEUR, ident
    p.page.keyboard.press("p")
    p.page.wait_for_timeout(200)
    assert p.js("carte.presentation") is True
    assert p.js("document.body.classList.contains('presentation')")
    assert not p.page.is_visible("#panneau") and p.page.is_visible("#legende-flottante")
    assert "internationale" in p.page.locator("#legende-flottante").inner_text()
    assert p.js("carte.tailleLibelles") == round(base * 1.5)
    assert p.js("edges.get().every((e) => e.width >= 1.5 * 1.5)")  # liens épaissis
    assert p.js("document.getElementById('reseau').clientWidth") > 1300  # la carte prend toute la largeur
    p.page.screenshot(path=str(Path(p.fichier).with_suffix(".presentation.png")))
    p.page.keyboard.press("Escape")
    assert p.js("carte.presentation") is False and p.page.is_visible("#panneau")
    assert p.js("edges.get().some((e) => e.width < 2.25)")
    # la touche P dans la recherche s'écrit, elle ne bascule pas
    p.page.fill("#recherche", "")
    p.page.type("#recherche", "p")
    assert p.js("carte.presentation") is False
    assert p.erreurs == []


def _taille_png(adresse: str) -> tuple[int, int]:
    brut = base64.b64decode(adresse.split(",", 1)[1])
    assert brut[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", brut[16:24])


def test_image_2x_et_largeur_choisie(ouvrir, piege):
    p = ouvrir(piege)
    largeur_vue = p.js("document.querySelector('#reseau canvas').width")
    hauteur_vue = p.js("document.querySelector('#reseau canvas').height")
    l1, h1 = _taille_png(p.js("carte.imagePNG('1')"))
    l2, h2 = _taille_png(p.js("carte.imagePNG('2')"))
    assert l1 == largeur_vue and l2 == 2 * largeur_vue
    assert abs(h2 - 2 * h1) <= 2  # titre, date et légende compris, à l'échelle
    l4, _ = _taille_png(p.js("carte.imagePNG('l4000')"))
    assert l4 == 4000
    # la vue à l'écran est rendue telle quelle
    assert p.js("document.querySelector('#reseau canvas').width") == largeur_vue
    assert p.js("document.querySelector('#reseau canvas').height") == hauteur_vue
    p.page.select_option("#image-resolution", "3")
    with p.page.expect_download() as telechargement:
        p.page.click("#image")
    assert telechargement.value.suggested_filename == "carte.png"
    assert p.js("carte.dernierePNG.largeur") == 3 * largeur_vue
    assert p.requetes_externes() == [] and p.erreurs == []


def test_recadrage_apres_filtre(ouvrir, reference):
    p = ouvrir(reference)
    p.js("network.moveTo({ scale: 4, position: network.getPositions(['gesq']).gesq })")  # vue serrée sur le GESQ
    dedans = """(() => { const c = document.getElementById('reseau');
      return carte.vueNoeuds.getIds().every((id) => { const q = network.canvasToDOM(network.getPositions([id])[id]);
        return q.x >= 0 && q.x <= c.clientWidth && q.y >= 0 && q.y <= c.clientHeight; }); })()"""
    assert not p.js(dedans)
    p.page.locator("details[data-cle=echelle] input[value=locale]").uncheck()
    # à la fin de l'animation, toutes les organisations visibles sont dans le cadre
    p.page.wait_for_function(dedans, timeout=10_000)
    assert p.js("network.getScale()") < 4


def test_filtres_tries_selon_la_langue(ouvrir, reference):
    p = ouvrir(reference)
    pays = p.js("[...document.querySelectorAll('details[data-cle=pays] li span:not(.nombre)')].map((s) => s.textContent)")
    # par le nom, pas par le code, et accents compris : « États-Unis » suit « Espagne », pas « Sénégal »
    assert pays.index("Côte d'Ivoire") < pays.index("Croatie") and pays.index("États-Unis") == pays.index("Espagne") + 1
    attendu = p.js(f"{json.dumps(pays)}.slice().sort(new Intl.Collator('fr').compare)")
    assert pays == attendu


def test_etat_dans_l_adresse(ouvrir, reference):
    sud = sum(1 for _, d in reference.nodes(data=True) if d.get("nord_sud") == "sud")
    p = ouvrir(reference, "#org=ripess-lac&filtre=sud&zoom=1.5&x=10&y=-20")
    assert p.js("carte.vueNoeuds.length") == sud
    assert p.js("carte.selection") == "ripess-lac" and p.page.is_visible("#fiche")
    assert abs(p.js("network.getScale()") - 1.5) < 1e-6
    position = p.js("network.getViewPosition()")
    assert abs(position["x"] - 10) < 1e-6 and abs(position["y"] + 20) < 1e-6
    # l'état suit les changements, et le bouton donne l'adresse complète
    p.js("carte.selectionner('raess', false)")
    p.page.wait_for_timeout(300)
    assert "org=raess" in p.js("location.hash") and "filtre=nord_sud%3Asud" in p.js("location.hash")
    p.page.click("#copier-lien")
    adresse = p.page.input_value("#lien-vue-texte")
    assert adresse.startswith(p.fichier.as_uri() + "#org=raess")
    # rouvrir l'adresse rend la même vue
    q = ouvrir(reference, "#" + adresse.split("#", 1)[1])
    assert q.js("carte.selection") == "raess" and q.js("carte.vueNoeuds.length") == sud
    assert abs(q.js("network.getScale()") - p.js("network.getScale()")) < 1e-2
    assert p.erreurs == [] and q.erreurs == []


def test_adresse_piege_sans_effet(ouvrir, piege):
    p = ouvrir(piege, "#org=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&filtre=%3Cscript%3E&zoom=abc&langue=javascript")
    assert p.js("carte.selection") is None and p.js("carte.vueNoeuds.length") == piege.number_of_nodes()
    assert p.js("document.querySelectorAll('img').length") == 0 and p.dialogues == [] and p.erreurs == []


def test_selecteur_de_langue_et_portugais(ouvrir, piege):
    p = ouvrir(piege)
    p.page.select_option("#langue-page", "pt")
    assert p.js("document.documentElement.lang") == "pt"
    assert p.page.locator("label[for=recherche]").inner_text() == "Pesquisar"
    assert p.page.locator("#presentation").inner_text() == "Apresentação"
    assert "Escala" in p.page.locator("#legende-titre").inner_text()
    p.js("carte.selectionner('dkr', false)")
    assert "Parceiros" in p.page.locator("#fiche").inner_text()
    assert "pt" in p.js("location.hash") or p.page.wait_for_function("location.hash.includes('langue=pt')")
    q = ouvrir(piege, langue="pt")
    assert q.js("document.documentElement.lang") == "pt"
    assert q.page.locator("#copier-lien").inner_text() == "Copiar o link desta vista"
    assert p.erreurs == [] and q.erreurs == []


def test_vue_agregee_composition_filtres_pluriels(ouvrir, reference):
    p = ouvrir(reference, agreger="pays")
    assert p.js("[...document.querySelectorAll('details.filtre')].map((d) => d.dataset.cle)") == ["nord_sud", "pays", "type_lien"]
    assert p.js("JSON.parse(document.getElementById('donnees').textContent).anneaux") is not None
    assert p.page.is_visible("#legende-anneaux")
    total = sum(int(t) for t in p.page.locator("#legende .nombre").all_inner_texts())
    assert total == reference.number_of_nodes()  # la légende compte des organisations
    p.js("carte.selectionner('FR', false)")
    fiche = p.page.locator("#fiche").inner_text()
    assert "Par échelle" in fiche and "1 partenariats" not in fiche
    bulles = p.js("edges.get().map((e) => e.title)")
    assert any("\n1 partenariat\n" in b + "\n" for b in bulles) and not any("1 partenariats" in b for b in bulles)
    assert p.erreurs == []


def test_aides_des_mesures(ouvrir, piege):
    p = ouvrir(piege)
    p.js("carte.selectionner('dkr', false)")
    aides = p.js("[...document.querySelectorAll('#fiche dt[title]')].map((d) => [d.textContent, d.title])")
    assert len(aides) >= 5
    doc = (RACINE / "docs" / "mesures.md").read_text(encoding="utf-8")
    assert all(aide in doc for _, aide in aides)
    assert dict(aides)["intermédiarité"].startswith("part des plus courts chemins")


def test_ouvrir_et_refermer_un_groupe(ouvrir, reference):
    p = ouvrir(reference, agreger="pays")
    groupes = p.js("nodes.length")
    canada = sum(1 for _, c in reference.nodes(data="pays") if c == "CA")
    p.js("carte.selectionner('CA', false)")
    p.page.locator("#fiche .action-groupe").click()  # « Ouvrir le groupe sur la carte »
    assert p.js("carte.groupeOuvert") == "CA"
    assert p.js("nodes.length") == groupes - 1 + canada  # ses organisations à sa place, le reste agrégé
    assert p.js("nodes.get('CA')") is None and p.js("nodes.get('o:gesq').groupeOuvert") == "CA"
    # un lien de chaque organisation ouverte vers les autres groupes, jamais vers le groupe fermé
    assert p.js("edges.get().every((e) => e.from !== 'CA' && e.to !== 'CA')")
    assert p.js("edges.get().some((e) => e.from === 'o:gesq' && !String(e.to).startsWith('o:'))")
    libelles = p.js("nodes.get().map((n) => n.libelle)")
    assert len(set(libelles)) == len(libelles)
    p.page.wait_for_timeout(500)
    p.page.screenshot(path=str(Path(p.fichier).with_suffix(".ouvert.png")))
    p.js("carte.selectionner('o:gesq', false)")
    fiche = p.page.locator("#fiche").inner_text()
    assert "Groupe d'économie solidaire du Québec" in fiche and "Partenaires" in fiche
    p.page.locator("#fiche .action-groupe").click()  # « Refermer le groupe »
    assert p.js("carte.groupeOuvert") is None and p.js("nodes.length") == groupes
    assert p.js("carte.selection") == "CA" and p.erreurs == []
