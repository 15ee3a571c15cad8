"""Le réseau dans le temps : ``reseau.evolution``, ``changements``, ``reseau evolution``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from graphes import lien, org

import reseau
from reseau.analyse.evolution import COLONNES_ECHELLES, annees_rencontres, bornes, changements, evolution
from reseau.cli.commandes import cli
from reseau.entrees.graphe import actif, construire, filtrer, projection
from reseau.erreurs import ParametreInvalide


def date_(source, cible, debut, fin, type_="cooperation"):
    return {**lien(source, cible, type_=type_), "debut": debut, "fin": fin}


@pytest.fixture
def petit():
    """Nord (CA) et Sud (SN, BR) ; un lien sans date, des liens datés."""
    return construire(
        [org("qc", "nationale", "CA"), org("sn", "nationale", "SN"), org("br", "internationale", "BR"),
         org("loc", "locale", "SN"), org("seul", "locale", "CA")],
        [date_("qc", "sn", None, 2000), date_("sn", "br", 2003, 2005), date_("loc", "sn", 2004, None),
         date_("qc", "br", 2005, 2005, "evenement"), date_("qc", "sn", 2006, None)],
    )


def test_bornes_et_rencontres(petit):
    assert bornes(petit) == (2000, 2006)
    assert annees_rencontres(petit) == [2005]
    assert bornes(construire([org("a"), org("b")], [lien("a", "b")])) is None


def test_evolution_par_annee(petit):
    table = evolution(petit)
    assert list(table["annee"]) == list(range(2000, 2007))
    par = table.set_index("annee")
    # 2000 : seul le lien sans début (jusqu'à sa fin) ; 2001-2002 : rien
    assert par.loc[2000, ["organisations", "partenariats", "liens_nord_sud"]].tolist() == [2, 1, 1]
    assert par.loc[2001, ["organisations", "partenariats", "composantes"]].tolist() == [0, 0, 0]
    # 2005 : sn-br, loc-sn, qc-br : 4 organisations, une composante, 2 Sud-Sud, 1 Nord-Sud
    ligne = par.loc[2005]
    assert (ligne["organisations"], ligne["partenariats"], ligne["composantes"]) == (4, 3, 1)
    assert (ligne["liens_sud_sud"], ligne["liens_nord_sud"], ligne["liens_nord_nord"]) == (2, 1, 0)
    assert ligne["taille_plus_grande_composante"] == 4
    assert ligne["articulation_local_global"] == 1.0  # loc → sn → br
    assert ligne["echelles_nationale_internationale"] == 2 and ligne["echelles_locale_nationale"] == 1
    assert set(COLONNES_ECHELLES) <= set(table.columns)


def test_evolution_meme_regle_que_annee(petit):
    """Chaque année : les partenariats de filtrer(G, annee=A), sans les organisations isolées."""
    for ligne in evolution(petit).to_dict("records"):
        H = filtrer(petit, annee=ligne["annee"])
        assert ligne["partenariats"] == H.number_of_edges()
        assert ligne["organisations"] == sum(1 for x in H if H.degree(x))


def test_evolution_cumulee_croissante(petit):
    table = evolution(petit, cumule=True)
    assert table["partenariats"].is_monotonic_increasing
    assert table.set_index("annee").loc[2006, "partenariats"] == 5


def test_evolution_bornes_et_pas(petit):
    assert list(evolution(petit, de=2001, a=2006, pas=2)["annee"]) == [2001, 2003, 2005, 2006]
    with pytest.raises(ParametreInvalide, match="--pas"):
        evolution(petit, pas=0)
    with pytest.raises(ParametreInvalide, match="après"):
        evolution(petit, de=2006, a=2001)
    sans = construire([org("a"), org("b")], [lien("a", "b")])
    with pytest.raises(ParametreInvalide, match="aucune année"):
        evolution(sans)
    assert evolution(sans, de=2000, a=2001)["partenariats"].tolist() == [1, 1]  # sans début : toujours actif


def test_api_publique():
    table = reseau.evolution(reseau.charger(), de=1995, a=2010, pas=5)
    assert list(table["annee"]) == [1995, 2000, 2005, 2010]


def test_jeu_reference_nait_autour_de_1997_2005():
    table = evolution(reseau.charger(), de=1995, a=2008, cumule=True).set_index("annee")
    assert table.loc[2005, "partenariats"] > 2 * table.loc[1997, "partenariats"] - 10
    assert table.loc[2008, "liens_sud_sud"] > table.loc[1997, "liens_sud_sud"]
    assert table.loc[2008, "liens_nord_sud"] > table.loc[1997, "liens_nord_sud"]
    assert table.loc[2008, "composantes"] < table.loc[1997, "composantes"]


def test_changements(petit):
    c = changements(petit, depuis=2003, jusqu_a=2006)
    assert (c["depuis"], c["jusqu_a"]) == (2003, 2006)
    assert [(x["source"], x["cible"], x["debut"]) for x in c["nouveaux"]] == [
        ("loc", "sn", 2004), ("qc", "br", 2005), ("qc", "sn", 2006)]
    assert c["entrees"] == ["loc"]  # qc, sn, br existaient déjà en 2003 (cumulé)
    assert c["nord_sud"] == {"gagnees": [("qc", "sn")], "perdues": []}
    assert c["sud_sud"] == {"gagnees": [("loc", "sn")], "perdues": [("br", "sn")]}
    assert changements(petit)["depuis"] == 2001  # défaut : la plus récente moins 5
    with pytest.raises(ParametreInvalide, match="--depuis"):
        changements(petit, depuis=2006)
    assert changements(construire([org("a"), org("b")], [lien("a", "b")])) is None


def lancer(*args):
    return CliRunner().invoke(cli, list(args))


def test_cli_formats(donnees):
    table = lancer("evolution", "--de", "2000", "--a", "2004")
    assert table.exit_code == 0, table.output
    assert "Année" in table.output and "2004" in table.output
    csv = lancer("evolution", "--de", "2000", "--a", "2004", "--format", "csv")
    entete, *lignes = csv.output.strip().splitlines()
    assert entete.startswith("annee,organisations,partenariats") and "echelles_locale_internationale" in entete
    assert len(lignes) == 5
    donnees_json = json.loads(lancer("evolution", "--de", "2003", "--a", "2003", "--format", "json").output)
    annee = donnees_json["annees"][0]
    G = filtrer(reseau.charger(), annee=2003)
    assert annee["partenariats"] == G.number_of_edges()
    assert annee["matrice_echelles"]["locale"]["nationale"] == annee["matrice_echelles"]["nationale"]["locale"]
    assert projection(G).number_of_edges() > 0


@pytest.mark.parametrize("args, message", [
    (("--annee", "2000"), "--de et --a"),
    (("--pas", "0"), "--pas"),
    (("--de", "2010", "--a", "2000"), "après"),
])
def test_cli_erreurs(args, message):
    resultat = lancer("evolution", *args)
    assert resultat.exit_code == 2
    assert message in resultat.output and "Traceback" not in resultat.output


# --- GEXF dynamique -------------------------------------------------------------------------

def _annee(date: str | None, defaut: float) -> float:
    """Une date GEXF relue par networkx (« 2003-01-01 », ou « None » pour une borne absente) → année."""
    return defaut if date in (None, "None") else int(date[:4])


def _active(intervalles, annee: int) -> bool:
    return any(_annee(d, float("-inf")) <= annee <= _annee(f, float("inf")) for d, f in intervalles)


def test_gexf_dynamique_rejoue_le_reseau(tmp_path):
    import networkx as nx

    from reseau.analyse.mesures import mesures_organisations
    from reseau.rendu.exports import exporter

    G = reseau.charger()
    lu = nx.read_gexf(exporter(G, tmp_path / "r.gexf", "gexf", mesures=mesures_organisations(G)))
    assert lu.graph["mode"] == "dynamic"
    assert "timeformat=\"date\"" in (tmp_path / "r.gexf").read_text(encoding="utf-8")
    debut, fin = bornes(G)
    liens = [(d["id"], [(d.get("start"), d.get("end"))]) for *_, d in lu.edges(data=True)]
    dates = sum(1 for *_, d in G.edges(data=True) if d.get("debut") or d.get("fin"))
    assert sum(1 for _, [(s, e)] in liens if s or e) == dates
    assert len({i for i, _ in liens}) == G.number_of_edges()  # ids p1, p2… dans l'ordre des liens de G
    for annee in range(debut - 1, fin + 2):
        attendus = {f"p{i}" for i, (*_, d) in enumerate(G.edges(data=True), start=1) if actif(d, annee)}
        assert {i for i, intervalles in liens if _active(intervalles, annee)} == attendus, annee
        # une organisation est présente quand elle a un partenariat actif (ou aucun partenariat daté)
        presentes = {x for x, d in lu.nodes(data=True) if "spells" not in d or _active(d["spells"], annee)}
        actives = {x for u, v, d in G.edges(data=True) if actif(d, annee) for x in (u, v)}
        assert actives <= presentes
        assert {x for x in presentes if G.degree(x)} == actives, annee


def test_periodes_organisation():
    from reseau.rendu.exports import periodes_organisation

    assert periodes_organisation([(2001, 2001), (2002, 2004), (2008, 2008)]) == [(2001, 2004), (2008, 2008)]
    assert periodes_organisation([(None, None), (2001, 2002)]) == [(None, None)]
    assert periodes_organisation([]) == []


# --- Rapport : « Ce qui a changé » ------------------------------------------------------------

class _SansFigures(dict):
    """Toutes les figures du rapport, vides (le rapport sans le temps de les dessiner)."""

    def __missing__(self, cle: str) -> str:
        return "data:,"


def test_rapport_ce_qui_a_change(petit, monkeypatch):
    from reseau.rendu import rapport as module_rapport

    monkeypatch.setattr(module_rapport, "_figures", lambda *a, **k: _SansFigures())  # figures testées ailleurs
    for G in (petit,):
        nx_noms = {x: d["nom"] for x, d in G.nodes(data=True)}
        html = module_rapport.construire_rapport(G, depuis=2003)
        assert "Ce qui a changé de 2003 à 2006" in html
        assert "3 nouveaux partenariats, 1 organisations entrées" in html
        assert "liens Nord-Sud actifs : 1 gagnés, 0 perdus ; liens Sud-Sud actifs : 1 gagnés, 1 perdus" in html
        assert f"{nx_noms['loc']} — {nx_noms['sn']}" in html
        anglais = module_rapport.construire_rapport(G, langue="en", depuis=2003)
        assert "What has changed from 2003 to 2006" in anglais
    sans = construire([org("a"), org("b")], [lien("a", "b")])
    assert "rien à comparer dans le temps" in module_rapport.construire_rapport(sans)


def test_rapport_texte_des_donnees_echappe(monkeypatch):
    from reseau.rendu import rapport as module_rapport

    monkeypatch.setattr(module_rapport, "_figures", lambda *a, **k: _SansFigures())
    G = construire([org("a", nom="<script>alert(1)</script>"), org("b", pays="SN")], [date_("a", "b", 2010, None)])
    html = module_rapport.construire_rapport(G, depuis=2005)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_cli_rapport_depuis_invalide(tmp_path):
    resultat = lancer("rapport", "--depuis", "2030", "-o", str(tmp_path / "r.html"))
    assert resultat.exit_code == 2 and "--depuis 2030" in resultat.output
    assert not (tmp_path / "r.html").exists()
