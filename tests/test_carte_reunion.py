"""La carte de réunion côté Python (ticket 14) : portugais, langues embarquées, taille des libellés,
flèches et épaisseur des liens, filtres de la vue agrégée, anneaux, aides des mesures, poids du fichier."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import reseau
from reseau.cli.commandes import cli
from reseau.erreurs import ParametreInvalide
from reseau.rendu.carte import FILTRES_PAR_VUE, _fleches, construire_carte
from reseau.rendu.libelles import LANGUES, VOCABULAIRE, nombre, traduire

RACINE = Path(__file__).resolve().parent.parent
DONNEES_CARTE = Path(__file__).parent / "donnees" / "carte"
LANGUES_DIR = RACINE / "reseau" / "rendu" / "langues"


@pytest.fixture(scope="module")
def G():
    return reseau.charger(DONNEES_CARTE)


def donnees_page(html: str) -> dict:
    bloc = re.search(r'<script id="donnees" type="application/json">(.*?)</script>', html, re.S)
    assert bloc
    return json.loads(bloc.group(1))


def test_portugais_complet_et_traduit():
    assert "pt" in LANGUES
    textes = {lg: json.loads((LANGUES_DIR / f"{lg}.json").read_text(encoding="utf-8")) for lg in LANGUES}
    for lg in LANGUES:
        assert set(textes[lg]) == set(textes["fr"]), lg  # chaque langue a toutes les clés
        assert all(v.strip() for v in textes[lg].values()), lg
    # pas une copie : la plupart des textes diffèrent de l'espagnol et du français
    differents = sum(textes["pt"][c] != textes["es"][c] for c in textes["fr"])
    assert differents > 0.7 * len(textes["fr"])
    for cle in VOCABULAIRE:  # les modèles gardent les mêmes champs {n}, {source}…
        champs = {lg: set(re.findall(r"\{(\w+)\}", VOCABULAIRE[cle][lg])) for lg in LANGUES}
        assert all(c == champs["fr"] for c in champs.values()), cle
    assert traduire("cooperation", "pt") == "cooperação" and nombre(1234.5, "pt", 1) == "1\u202f234,5"


def test_carte_en_portugais(G):
    html = construire_carte(G, langue="pt")
    assert '<html lang="pt">' in html and "Pesquisar" in html
    page = donnees_page(html)
    assert page["vocabulaire"]["internationale"] == "internacional"
    assert page["pays"]["SN"] == "Senegal"


def test_toutes_les_langues_embarquees(G):
    page = donnees_page(construire_carte(G, langue="es"))
    assert sorted(page["langues"]) == sorted(LANGUES)
    for lg, X in page["langues"].items():
        assert X["textes"]["rechercher"] == traduire("carte_rechercher", lg)
        assert X["legende"]["entrees"] and X["filtres"] and X["titre"] and X["sous_titre"]
    assert page["textes"] == page["langues"]["es"]["textes"]
    assert page["langues"]["fr"]["titre"] == "Réseau de l'économie sociale et solidaire"
    perso = donnees_page(construire_carte(G, titre="SSE au Sahel"))
    assert {X["titre"] for X in perso["langues"].values()} == {"SSE au Sahel"}


def test_taille_des_libelles(G, tmp_path):
    assert donnees_page(construire_carte(G))["taille_libelles"] == 13
    assert donnees_page(construire_carte(G, taille_libelles=20))["taille_libelles"] == 20
    for mauvaise in (7, 41, 12.5, True, "20"):
        with pytest.raises(ParametreInvalide, match="taille des libellés"):
            construire_carte(G, taille_libelles=mauvaise)
    sortie = tmp_path / "carte.html"
    r = CliRunner().invoke(cli, ["carte", str(DONNEES_CARTE), "-o", str(sortie), "--taille-libelles", "18", "--langue", "pt"])
    assert r.exit_code == 0, r.output
    assert donnees_page(sortie.read_text(encoding="utf-8"))["taille_libelles"] == 18
    r = CliRunner().invoke(cli, ["carte", str(DONNEES_CARTE), "-o", str(sortie), "--taille-libelles", "99"])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_liens_fleches_epaisseur_detail(G):
    assert _fleches({1}) == "to" and _fleches({0, -1}) == "from" and _fleches({1, -1}) == "to, from" and _fleches({0}) is None
    page = donnees_page(construire_carte(G))
    liens = {(e["from"], e["to"]): e for e in page["liens"]}
    assert liens[("mtl", "qc")]["arrows"] == "to"  # adhésion orientée de mtl vers qc
    cooperation = liens.get(("mtl", "dkr")) or liens[("dkr", "mtl")]
    assert "arrows" not in cooperation and cooperation["partenariats"] == 2 and cooperation["width"] > 1.5
    assert page["options"]["edges"]["color"]["opacity"] >= 0.8  # contraste au projecteur
    agrege = donnees_page(construire_carte(G, agreger="pays"))
    assert all("arrows" not in e and "details" not in e for e in agrege["liens"])


@pytest.mark.parametrize("agreger", [None, "region", "pays", "echelle"])
def test_filtres_qui_ont_un_sens(G, agreger):
    page = donnees_page(construire_carte(G, agreger=agreger))
    assert [f["cle"] for f in page["filtres"]] == [c for c in ("echelle", "nord_sud", "type", "pays", "type_lien")
                                                   if c in FILTRES_PAR_VUE[agreger]]
    if agreger == "echelle":
        assert "pays" not in [f["cle"] for f in page["filtres"]]


def test_vue_agregee_anneaux(G):
    page = donnees_page(construire_carte(G, agreger="pays"))
    assert page["anneaux"] and set(page["anneaux"]) >= {"internationale", "locale", "null"}
    assert {n["color"] for n in page["noeuds"]} == {"#d0d7de"}  # gris neutre : l'anneau dit la composition
    assert sum(e["nombre"] for e in page["legende"]["entrees"]) == G.number_of_nodes()
    assert donnees_page(construire_carte(G, agreger="echelle"))["anneaux"] is None  # un groupe = une échelle
    assert donnees_page(construire_carte(G, agreger="pays", couleur="nord_sud"))["anneaux"] is None


def test_aides_des_mesures_reprises_de_la_doc():
    doc = (RACINE / "docs" / "mesures.md").read_text(encoding="utf-8")
    aides = {c.removeprefix("carte_aide_mesure_"): t["fr"] for c, t in VOCABULAIRE.items() if c.startswith("carte_aide_mesure_")}
    mesures = {c.removeprefix("carte_mesure_") for c in VOCABULAIRE if c.startswith("carte_mesure_")}
    assert set(aides) == mesures  # une aide par mesure affichable
    for mesure, aide in aides.items():
        assert f"| `{mesure}` | {aide} |" in doc, mesure


def test_poids_du_fichier_reference():
    """La carte du jeu de référence ne grossit pas de plus de 30 % (avant le ticket 14 : 854 099 octets)."""
    html = construire_carte(reseau.charger())
    assert len(html.encode("utf-8")) < 1.3 * 854_099
