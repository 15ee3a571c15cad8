"""La frise des années dans Chromium : à l'année A, exactement les liens de ``--annee A``."""

from __future__ import annotations

import pytest
from test_navigateur import navigateur, ouvrir  # noqa: F401  (fixtures partagées)

import reseau
from reseau.analyse.evolution import evolution, existe
from reseau.entrees.graphe import construire

pytestmark = pytest.mark.navigateur

ANNEES = (1975, 1997, 2001, 2003, 2005, 2013, 2019)


def paires_visibles(p) -> set[frozenset]:
    """Les liens que vis-network dessine vraiment."""
    return {frozenset(x) for x in p.js(
        "network.body.edgeIndices.map(i => network.body.edges[i]).map(e => [e.fromId, e.toId])")}


def noeuds_visibles(p) -> set[str]:
    return set(p.js("network.body.nodeIndices"))


def test_annee_a_exactement_les_liens_de_annee(ouvrir):  # noqa: F811
    G = reseau.charger()
    p = ouvrir(G)
    assert p.js("document.getElementById('frise').hidden") is False
    assert p.js("carte.frise.bornes") == {"min": 1970, "max": 2019}
    positions = p.js("network.getPositions()")
    par_annee = evolution(G, de=min(ANNEES), a=max(ANNEES)).set_index("annee")
    for annee in ANNEES:
        p.js(f"carte.frise.aller({annee}, 'actif')")
        attendu = {frozenset((u, v)) for u, v in reseau.charger(annee=annee).edges()}  # = reseau analyser --annee
        assert paires_visibles(p) == attendu, annee
        assert p.page.locator("#compte").inner_text().startswith(f"{len({x for q in attendu for x in q})} organisations")
        # organisations : celles qui ont un partenariat actif ; titre : année et effectifs de « reseau evolution »
        actives = {x for paire in attendu for x in paire}
        assert noeuds_visibles(p) == actives
        assert p.js("network.getPositions()") == {x: positions[x] for x in actives}  # rien n'a bougé
        ligne = par_annee.loc[annee]
        assert p.page.locator("#titre").inner_text().endswith(
            f"{annee} : {int(ligne['organisations'])} organisations, {int(ligne['partenariats'])} partenariats")
    p.js("carte.frise.aller(null)")
    assert p.js("network.getPositions()") == positions
    assert p.erreurs == []


def test_cumule_gris_curseur_et_retour(ouvrir):  # noqa: F811
    G = reseau.charger()
    p = ouvrir(G)
    p.page.select_option("#frise-mode", "cumule")
    curseur = p.page.locator("#frise-curseur")
    curseur.fill("2005")  # comme un glissement du curseur (événement input)
    assert p.js("carte.frise.etat().annee") == 2005 and p.js("carte.frise.adresse()") == "2005-cumule"
    attendu = {frozenset((u, v)) for u, v, d in G.edges(data=True) if existe(d, 2005)}
    assert paires_visibles(p) == attendu
    assert "jusqu'à 2005" in p.page.locator("#titre").inner_text()
    # garder les autres en gris : toutes les organisations restent, les inactives en gris
    p.page.check("#frise-gris")
    assert noeuds_visibles(p) == set(G)
    actives = {x for paire in attendu for x in paire}
    grises = "Object.values(network.body.nodes).filter(n => n.options.color.background === '#e4e6e8').map(n => n.id)"
    assert set(p.js(grises)) == set(G) - actives
    assert paires_visibles(p) == attendu
    p.page.uncheck("#frise-gris")
    assert p.js(grises) == [] and noeuds_visibles(p) == actives
    # adresse : relue
    p.js("carte.frise.depuisAdresse('1997')")
    assert p.js("carte.frise.etat().annee") == 1997 and p.js("carte.frise.etat().mode") == "actif"
    # une organisation cachée par la frise, choisie par la recherche : la frise revient à toutes les années
    cachee = next(x for x in G if x not in {y for paire in paires_visibles(p) for y in paire})
    p.js(f"carte.selectionner({cachee!r}, false)")
    assert p.js("carte.frise.etat().annee") is None and p.page.locator("#titre-annee").inner_text() == ""
    assert len(paires_visibles(p)) == reseau.projection(G).number_of_edges()
    # lecture : le curseur avance tout seul
    p.js("carte.frise.aller(2017, 'actif')")
    p.page.click("#frise-lecture")
    p.page.wait_for_function("carte.frise.etat().annee === 2019", timeout=5000)
    p.page.wait_for_function("document.getElementById('frise-lecture').getAttribute('aria-pressed') === 'false'",
                             timeout=5000)
    assert p.erreurs == []


def test_sans_annees_pas_de_frise(ouvrir):  # noqa: F811
    G = construire([{"id": "a", "nom": "A"}, {"id": "b", "nom": "B"}],
                   [{"source": "a", "cible": "b", "type": "cooperation"}])
    p = ouvrir(G)
    assert p.js("document.getElementById('frise').hidden") is True
    assert "aucun partenariat n'a d'année" in p.page.locator("#frise-absente").inner_text()
    assert p.erreurs == []


def test_vue_agregee_le_dit(ouvrir):  # noqa: F811
    p = ouvrir(reseau.charger(), agreger="pays", langue="en")
    assert p.js("document.getElementById('frise').hidden") is True
    assert "aggregated view" in p.page.locator("#frise-absente").inner_text()


def test_la_frise_change_de_langue_avec_la_page(ouvrir):  # noqa: F811
    """Le sélecteur de langue de la page traduit aussi la frise (textes, étiquettes d'accessibilité, titre)."""
    from reseau.rendu.libelles import libelle

    p = ouvrir(reseau.charger())
    p.js("carte.frise.aller(2005, 'actif')")
    p.page.select_option("#langue-page", "en")
    assert p.page.locator("#frise-tout").inner_text() == libelle("carte_frise_toutes", "en")
    assert p.page.locator("#frise-lecture").inner_text() == libelle("carte_frise_lecture", "en")
    assert p.js("document.querySelector('#frise-mode option[value=actif]').textContent") == libelle("carte_frise_actif", "en")
    assert p.page.locator("#frise-gris").locator("xpath=..").inner_text().strip() == libelle("carte_frise_gris", "en")
    assert p.js("document.getElementById('frise').getAttribute('aria-label')") == libelle("carte_frise", "en")
    assert p.js("document.getElementById('frise-curseur').title") == libelle("carte_frise_regle", "en")
    assert "partnerships" in p.page.locator("#titre-annee").inner_text()
    p.page.select_option("#langue-page", "es")
    assert p.page.locator("#frise-tout").inner_text() == libelle("carte_frise_toutes", "es")
    assert p.js("carte.frise.etat().annee") == 2005 and p.erreurs == []


def test_sans_annees_le_message_change_de_langue(ouvrir):  # noqa: F811
    G = construire([{"id": "a", "nom": "A"}, {"id": "b", "nom": "B"}],
                   [{"source": "a", "cible": "b", "type": "cooperation"}])
    p = ouvrir(G)
    p.js("carte.changerLangue('pt')")
    from reseau.rendu.libelles import libelle

    assert p.page.locator("#frise-absente").inner_text() == libelle("carte_frise_sans_annees", "pt")
