"""La carte HTML : page autonome, échappement, agrégation, dispositions, langues, écriture atomique."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import reseau
from reseau.cli.commandes import cli
from reseau.erreurs import EcritureImpossible, ParametreInvalide
from reseau.rendu import carte as module_carte
from reseau.rendu.carte import RESSOURCES, construire_carte, ecrire_carte, json_pour_script
from reseau.rendu.disposition import UNITES_PAR_DEGRE

NOM_PIEGE = "<img src=x onerror=alert(1)>"
SIGLE_PIEGE = "</script><script>alert(2)</script>"


DONNEES_CARTE = Path(__file__).parent / "donnees" / "carte"


@pytest.fixture(scope="module")
def G() -> nx.MultiGraph:
    """Six organisations : Montréal, Dakar, un réseau national (position approximative), un piège HTML…"""
    return reseau.charger(DONNEES_CARTE)


def donnees_page(html: str) -> dict:
    """Les données injectées dans la page (le JSON de ``<script id="donnees">``)."""
    bloc = re.search(r'<script id="donnees" type="application/json">(.*?)</script>', html, re.S)
    assert bloc, "données de la page introuvables"
    return json.loads(bloc.group(1))


def noeuds(html: str) -> dict[str, dict]:
    return {n["id"]: n for n in donnees_page(html)["noeuds"]}


# --- Une page autonome --------------------------------------------------------------------

def test_page_autonome_sans_ressource_externe(G):
    html = construire_carte(G)
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<html") == 1 and html.count("</html>") == 1
    assert '<html lang="fr">' in html
    assert not re.search(r"""\bsrc\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"""<link[^>]+href\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"@import|@font-face", html)
    assert "<script src" not in html and 'rel="stylesheet"' not in html
    assert "bootstrap" not in html.lower()
    # vis-network est embarqué, avec les globales de pyvis
    assert "vis-network" in html and "var nodes, edges, network;" in html


def test_ressources_embarquables():
    js = (RESSOURCES / "vis-network.min.js").read_text(encoding="utf-8")
    css = (RESSOURCES / "vis-network.css").read_text(encoding="utf-8")
    assert "</script" not in js.lower() and "</style" not in css.lower()
    assert not re.search(r"url\((?!\s*[\"']?data:)", css), "la feuille de style de vis-network charge une URL"


def test_fond_du_monde():
    chemin = RESSOURCES / "monde.json"
    assert chemin.stat().st_size < 300_000
    monde = json.loads(chemin.read_text(encoding="utf-8"))
    assert monde["type"] == "FeatureCollection" and len(monde["features"]) > 150
    noms = {f["properties"]["name"] for f in monde["features"]}
    assert {"Canada", "Senegal", "Peru", "France"} <= noms
    for f in monde["features"]:
        polygones = [f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"]
        for anneau in (a for p in polygones for a in p):
            assert anneau[0] == anneau[-1]
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in anneau)


def test_un_noeud_par_organisation_un_lien_par_paire(G):
    page = donnees_page(construire_carte(G))
    assert sorted(n["id"] for n in page["noeuds"]) == sorted(G.nodes)
    assert len(page["liens"]) == reseau.projection(G).number_of_edges()
    mtl_dkr = next(e for e in page["liens"] if {e["from"], e["to"]} == {"mtl", "dkr"})
    assert mtl_dkr["types"] == {"cooperation": 1, "evenement": 1} and len(mtl_dkr["details"]) == 2


def test_fiche_complete(G):
    page = donnees_page(construire_carte(G))
    mtl = next(n for n in page["noeuds"] if n["id"] == "mtl")
    assert (mtl["nom"], mtl["sigle"], mtl["libelle"], mtl["type"], mtl["echelle"]) == (
        "Coopérative de Montréal", "COOP-MTL", "COOP-MTL", "cooperative", "locale")
    assert (mtl["ville"], mtl["pays"], mtl["precision"]) == ("Montréal", "CA", "ville")
    assert mtl["mesures"]["degre"] == 2 and "intermediarite" in mtl["mesures"]
    assert page["chaines"][mtl["reference"]] == "test carte"
    sens = {e["to"] if e["from"] == "mtl" else e["from"]: e["details"][0][0] for e in page["liens"]
            if "mtl" in (e["from"], e["to"])}
    assert sens["dkr"] == 0  # coopération : non orientée


def test_graphe_non_modifie(G):
    avant = (nx.node_link_data(G, edges="liens"), dict(G.graph))
    construire_carte(G, couleur="communaute", disposition="geographique")
    construire_carte(G, agreger="pays")
    assert (nx.node_link_data(G, edges="liens"), dict(G.graph)) == avant


# --- Échappement ------------------------------------------------------------------------------

def test_texte_des_donnees_echappe(G):
    html = construire_carte(G, titre="<b>Réunion</b> & co")
    assert NOM_PIEGE not in html and SIGLE_PIEGE not in html
    assert "<script>alert" not in html and "<img src=y" not in html
    assert "<b>Réunion</b>" not in html and "&lt;b&gt;Réunion&lt;/b&gt; &amp; co" in html
    # le texte revient intact une fois le JSON lu par la page
    xss = noeuds(html)["xss"]
    assert (xss["nom"], xss["sigle"]) == (NOM_PIEGE, SIGLE_PIEGE)
    assert xss["description"] == '<b>gras</b> & "guillemets"'


def test_json_pour_script_echappe_separateurs():
    texte = json_pour_script({"a": "x\u2028y\u2029z</script>&"})
    assert "\u2028" not in texte and "\u2029" not in texte and "<" not in texte and "&" not in texte
    assert json.loads(texte) == {"a": "x\u2028y\u2029z</script>&"}


def test_page_sans_innerhtml():
    js = module_carte._script_carte()  # tous les modules du script de la page
    assert not re.search(r"\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write", js)


# --- Couleurs, tailles, légende -----------------------------------------------------------------

@pytest.mark.parametrize("couleur", module_carte.COULEURS)
def test_couleurs_et_legende(G, couleur):
    page = donnees_page(construire_carte(G, couleur=couleur))
    assert sum(e["nombre"] for e in page["legende"]["entrees"]) == G.number_of_nodes()
    couleurs_legende = {e["couleur"] for e in page["legende"]["entrees"]}
    assert {n["color"] for n in page["noeuds"]} <= couleurs_legende


def test_couleur_par_echelle_suit_la_palette(G):
    page = donnees_page(construire_carte(G))
    assert noeuds(construire_carte(G))["intl"]["color"] == reseau.rendu.couleurs.ECHELLE["internationale"]
    assert [e["libelle"] for e in page["legende"]["entrees"]] == ["internationale", "nationale", "régionale", "locale"]


def test_taille_selon_une_mesure(G):
    par_degre = noeuds(construire_carte(G))
    assert par_degre["intl"]["size"] > par_degre["mtl"]["size"] > par_degre["isolee"]["size"]
    par_portee = noeuds(construire_carte(G, taille="portee_km"))
    assert par_portee["xss"]["size"] > par_portee["qc"]["size"]


@pytest.mark.parametrize(("options", "attendu"), [
    ({"couleur": "arc-en-ciel"}, "couleur"),
    ({"taille": "beaute"}, "taille"),
    ({"taille": "point_articulation"}, "non numérique"),
    ({"disposition": "spirale"}, "disposition"),
    ({"agreger": "continent"}, "agreger"),
    ({"langue": "de"}, "langue"),
])
def test_options_invalides(G, options, attendu):
    with pytest.raises(ParametreInvalide, match=attendu):
        construire_carte(G, **options)


# --- Dispositions ------------------------------------------------------------------------------

def test_force_positions_definitives_sans_physique(G):
    """Ticket 20 : à toute taille, les positions calculées en Python sont définitives ; la page ne rejoue rien."""
    page = donnees_page(construire_carte(G))
    assert page["options"]["physics"] == {"enabled": False}
    positions = [(n["id"], n["x"], n["y"]) for n in page["noeuds"]]
    assert positions == [(n["id"], n["x"], n["y"]) for n in donnees_page(construire_carte(G))["noeuds"]]  # reproductibles


def test_force_disques_sans_chevauchement(G):
    """Sans physique dans la page, c'est la disposition qui écarte les disques (rayons compris)."""
    page = donnees_page(construire_carte(G))
    n = page["noeuds"]
    for i, a in enumerate(n):
        for b in n[i + 1:]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["size"] + b["size"]


def test_force_grand_reseau_positions_calculees(G, monkeypatch):
    monkeypatch.setattr(module_carte, "SEUIL_PHYSIQUE", 3)
    page = donnees_page(construire_carte(G))
    assert page["options"]["physics"] == {"enabled": False}
    assert page["options"]["interaction"]["hideEdgesOnDrag"] and page["seuil_libelles_px"] > 0


def test_geographique(G):
    page = donnees_page(construire_carte(G, disposition="geographique"))
    n = {x["id"]: x for x in page["noeuds"]}
    # Dakar à l'est et au sud de Montréal (canevas : y vers le bas)
    assert n["dkr"]["x"] > n["mtl"]["x"] and n["dkr"]["y"] > n["mtl"]["y"]
    assert page["monde"] and page["approximatives"]
    # précision « pays » : bordure pointillée ; coordonnées ou ville : pleine
    assert n["qc"]["shapeProperties"]["borderDashes"] and "shapeProperties" not in n["mtl"]
    assert page["options"]["physics"] == {"enabled": False}


def test_geographique_un_meme_lieu_au_lieu_meme():
    """Même lieu, même point : la page les écarte à l'écran (geo.js), jamais en kilomètres ; lon, lat, precision."""
    G = nx.MultiGraph(source="")
    for i in range(5):
        G.add_node(f"o{i}", nom=f"Org {i}", echelle="locale", pays="SN", latitude=14.7, longitude=-17.4, precision="ville")
    G.add_node("x", nom="Sans lieu", echelle="locale")
    page = donnees_page(construire_carte(G, disposition="geographique"))
    n = {x["id"]: x for x in page["noeuds"]}
    assert {(n[f"o{i}"]["x"], n[f"o{i}"]["y"]) for i in range(5)} == {(-17.4 * UNITES_PAR_DEGRE, -14.7 * UNITES_PAR_DEGRE)}
    assert (n["o0"]["lon"], n["o0"]["lat"], n["o0"]["precision"]) == (-17.4, 14.7, "ville")
    assert n["x"]["lon"] is None and n["x"]["lat"] is None and n["x"]["precision"] is None
    assert page["options"]["interaction"]["dragNodes"] is False
    assert page["provinces"] and len(page["provinces"]) > 100


def test_strates(G):
    page = donnees_page(construire_carte(G, disposition="strates"))
    n = {x["id"]: x for x in page["noeuds"]}
    assert n["intl"]["y"] < n["qc"]["y"] < n["dkr"]["y"] < n["mtl"]["y"]
    assert [b["echelle"] for b in page["bandes"]] == ["internationale", "nationale", "regionale", "locale"]
    assert page["options"]["physics"] == {"enabled": False}


# --- Vue agrégée ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def genere(tmp_path_factory) -> nx.MultiGraph:
    dossier = tmp_path_factory.mktemp("genere")
    organisations, partenariats = reseau.generer(300, graine=2)
    reseau.ecrire_jeu(dossier / "jeu", organisations, partenariats)
    return reseau.charger(dossier / "jeu")


def test_agregation_dense_liens_forts_et_seuil(genere, monkeypatch):
    """Ticket 20 : au-delà de MAX_LIENS_AGREGES liens, seuls les liens forts sont dessinés, règle annoncée."""
    from reseau.analyse.agregation import agreger

    monkeypatch.setattr(module_carte, "MAX_LIENS_AGREGES", 12)
    H = agreger(genere, "region")
    page = donnees_page(construire_carte(genere, agreger="region"))
    regle = page["liens_forts"]
    assert regle["total"] == H.number_of_edges() == len(page["liens"]) > 12
    forts = [e for e in page["liens"] if not e.get("faible")]
    assert len(forts) == regle["dessines"] < regle["total"]
    # tout lien d'au moins « seuil » partenariats est dessiné ; le seuil est le plus bas (au moins 2) qui en
    # garde au plus MAX_LIENS_AGREGES
    assert all(not e.get("faible") for e in page["liens"] if e["partenariats"] >= regle["seuil"])

    def au_moins(s: int) -> int:
        return sum(e["partenariats"] >= s for e in page["liens"])

    assert au_moins(regle["seuil"]) <= 12
    assert regle["seuil"] == 2 or au_moins(regle["seuil"] - 1) > 12
    # chaque groupe garde ses k liens les plus forts
    for x in H:
        siens = sorted((e for e in page["liens"] if x in (e["from"], e["to"])), key=lambda e: -e["partenariats"])
        plus_fort = siens[0]["partenariats"] if siens else None
        assert all(not e.get("faible") for e in siens if e["partenariats"] == plus_fort)
        assert sum(not e.get("faible") for e in siens) >= min(regle["k"], len(siens))
    for langue, mots in {"fr": "partenariats", "en": "partnerships", "es": "alianzas", "pt": "parcerias"}.items():
        texte = page["langues"][langue]["liens"]
        assert f"{regle['seuil']} {mots}" in texte and str(regle["k"]) in texte, (langue, texte)
    assert page["options"]["physics"] == {"enabled": False}


def test_agregation_peu_dense_tous_les_liens(G):
    page = donnees_page(construire_carte(G, agreger="pays"))
    assert page["liens_forts"] is None and not any(e.get("faible") for e in page["liens"])
    assert all(textes["liens"] is None for textes in page["langues"].values())


def test_agregation_par_pays(G):
    page = donnees_page(construire_carte(G, agreger="pays", disposition="geographique"))
    groupes = {n["id"]: n for n in page["noeuds"]}
    assert set(groupes) == {"CA", "SN", "FR", "PE"}
    assert groupes["CA"]["effectif"] == 2 and groupes["CA"]["liens_internes"] == 1
    assert groupes["CA"]["nom"] == "Canada" and sum(g["effectif"] for g in groupes.values()) == 6
    liens = {frozenset((e["from"], e["to"])): e for e in page["liens"]}
    assert liens[frozenset(("CA", "SN"))]["types"] == {"cooperation": 1, "evenement": 1}
    assert liens[frozenset(("CA", "FR"))]["types"] == {"adhesion": 1}
    assert groupes["SN"]["size"] > groupes["FR"]["size"]
    assert liens[frozenset(("CA", "SN"))].get("width", 1) > liens[frozenset(("CA", "FR"))].get("width", 1)


@pytest.mark.parametrize("par", ["region", "echelle"])
def test_agregation(G, par):
    page = donnees_page(construire_carte(G, agreger=par))
    assert page["agregat"] == par
    assert sum(n["effectif"] for n in page["noeuds"]) == G.number_of_nodes()
    if par == "echelle":
        assert {n["id"] for n in page["noeuds"]} == {"locale", "regionale", "nationale", "internationale"}


def test_agregation_automatique_au_dela_du_seuil(G, monkeypatch, capsys):
    monkeypatch.setattr(module_carte, "SEUIL_AGREGATION", 4)
    html = construire_carte(G)
    assert donnees_page(html)["agregat"] == "region"
    assert 'id="bandeau"' in html
    assert "vue agrégée par région" in capsys.readouterr().err
    messages = []
    construire_carte(G, progression=messages.append)
    assert any("agrégée" in m for m in messages)
    assert 'id="bandeau"' not in construire_carte(G, agreger="pays")


# --- Langues ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("langue", "mot", "echelle"), [
    ("fr", "Rechercher", "internationale"), ("en", "Search", "international"), ("es", "Buscar", "internacional"),
])
def test_langues(G, langue, mot, echelle):
    html = construire_carte(G, langue=langue)
    assert f'<html lang="{langue}">' in html and mot in html
    page = donnees_page(html)
    assert page["vocabulaire"]["internationale"] == echelle
    assert page["pays"]["SN"] == {"fr": "Sénégal", "en": "Senegal", "es": "Senegal"}[langue]
    assert all(page["textes"].values())


# --- Écriture --------------------------------------------------------------------------------

def test_ecriture_utf8(G, tmp_path):
    chemin = ecrire_carte(G, tmp_path / "sous" / "carte.html")
    assert chemin == tmp_path / "sous" / "carte.html"
    assert "Coopérative de Montréal" in chemin.read_bytes().decode("utf-8")


def test_ecriture_atomique_option_invalide(G, tmp_path):
    chemin = tmp_path / "carte.html"
    chemin.write_text("ancienne carte", encoding="utf-8")
    with pytest.raises(ParametreInvalide):
        ecrire_carte(G, chemin, couleur="inconnue")
    assert chemin.read_text(encoding="utf-8") == "ancienne carte"
    assert [p.name for p in tmp_path.iterdir()] == ["carte.html"]


def test_ecriture_atomique_echec_en_cours(G, tmp_path, monkeypatch):
    chemin = tmp_path / "carte.html"
    chemin.write_text("ancienne carte", encoding="utf-8")

    def remplacement_impossible(*_args):
        raise OSError("disque plein")

    monkeypatch.setattr("reseau._fichiers.os.replace", remplacement_impossible)
    with pytest.raises(OSError):
        ecrire_carte(G, chemin)
    assert chemin.read_text(encoding="utf-8") == "ancienne carte"
    assert [p.name for p in tmp_path.iterdir()] == ["carte.html"]


def test_ecriture_dossier_impossible(G, tmp_path):
    fichier = tmp_path / "fichier"
    fichier.write_text("x")
    with pytest.raises(EcritureImpossible):
        ecrire_carte(G, fichier / "carte.html")


# --- Ligne de commande ------------------------------------------------------------------------

def test_cli_carte_defaut(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    resultat = CliRunner().invoke(cli, ["carte", str(DONNEES_CARTE)])
    assert resultat.exit_code == 0, resultat.output
    assert "sorties/carte.html" in resultat.output
    assert len(donnees_page((tmp_path / "sorties" / "carte.html").read_text(encoding="utf-8"))["noeuds"]) == 6


def test_cli_carte_options(tmp_path):
    sortie = tmp_path / "c.html"
    resultat = CliRunner().invoke(cli, ["carte", str(DONNEES_CARTE), "-o", str(sortie), "--couleur", "nord_sud",
                                        "--disposition", "strates", "--agreger", "pays", "--langue", "es",
                                        "--titre", "Mi red", "--pays", "CA,SN"])
    assert resultat.exit_code == 0, resultat.output
    html = sortie.read_text(encoding="utf-8")
    assert '<html lang="es">' in html and "<title>Mi red</title>" in html
    assert {n["id"] for n in donnees_page(html)["noeuds"]} == {"CA", "SN"}


def test_cli_carte_taille_invalide(tmp_path):
    sortie = tmp_path / "c.html"
    resultat = CliRunner().invoke(cli, ["carte", str(DONNEES_CARTE), "-o", str(sortie), "--taille", "beaute"])
    assert resultat.exit_code == 2
    assert "Erreur" in resultat.output and "taille" in resultat.output and "Traceback" not in resultat.output
    assert not sortie.exists()
