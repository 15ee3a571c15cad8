"""Lecteurs de formats (ticket 13) : fichiers réels ou fidèles, tolérance, options de lecture."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import reseau
from reseau.cli.commandes import cli
from reseau.entrees.geographie import referentiel

DONNEES = Path(__file__).parent / "donnees"
REELS = DONNEES / "reels"
FORMATS = DONNEES / "formats"


def _textes(problemes) -> str:
    return "\n".join(str(p) for p in problemes)


def _ecrire(dossier: Path, nom: str, texte: str) -> Path:
    chemin = dossier / nom
    chemin.write_text(texte, encoding="utf-8")
    return chemin


# --- Fichiers réels -----------------------------------------------------------------------

def test_graphml_reel_etcgroups():
    """GraphML réel (BSD), extension .gml, deux clés « type », « na », « Various », boucles."""
    v = reseau.valider(REELS / "graphml_etcgroups" / "networks.gml")
    assert v.valide, _textes(v.problemes)
    assert v.format == "GraphML"
    assert len(v.organisations) == 24 and len(v.partenariats) == 43  # 47 liens moins 4 boucles
    par_id = {o["id"]: o for o in v.organisations}
    assert par_id["0"]["nom"] == "European Network Against Arms Trade" and par_id["0"]["sigle"] == "ENAAT"
    assert par_id["1"]["pays"] == "GB" and par_id["1"]["ville"] == "London"  # « England », « London  »
    assert par_id["0"]["type"] == "autre" and par_id["0"]["type_source"] == "Network Group"
    assert sum(1 for o in v.organisations if not o["pays"]) == 6  # « Various »
    textes = _textes(v.avertissements)
    assert "« Network Group » (21), « Informal Group » (3)" in textes
    assert "4 lien(s) d'une organisation avec elle-même retiré(s)" in textes
    assert all(p["oriente"] for p in v.partenariats)
    assert {p["type_source"] for p in v.partenariats} == {"Knows", "Collaborates with", "Is part of"}


def test_csv_gephi_reel_netzero():
    """CSV de Gephi réels (MIT) : « ID » en majuscules, Type = sens, CRLF ; fichier ou dossier."""
    for chemin in (REELS / "gephi_netzero", REELS / "gephi_netzero" / "nodes_1031.csv"):
        v = reseau.valider(chemin)
        assert v.valide, _textes(v.problemes)
        assert v.format == "CSV de Gephi"
        assert (len(v.organisations), len(v.partenariats)) == (40, 47)
    assert {o["nom"] for o in v.organisations} >= {"Ceres", "UNEP FI", "Paris Agreement"}
    assert all(p["oriente"] for p in v.partenariats)
    assert "nodes_1031.csv, ligne 1, colonne « Timestamp » : colonne « Timestamp » ignorée" in _textes(v.avertissements)
    # Le temps des liens dynamiques (« Timestamp ») donne debut et fin : la frise et l'évolution le lisent.
    import csv

    with open(REELS / "gephi_netzero" / "edges_1031.csv", encoding="utf-8", newline="") as f:
        attendu = sorted((min(a), max(a)) for a in ([int(x) for x in r["Timestamp"].strip("[]").split(",")]
                                                     for r in csv.DictReader(f)))
    assert sorted((p["debut"], p["fin"]) for p in v.partenariats) == attendu
    assert "edges_1031.csv, ligne 1, colonne « Timestamp »" not in _textes(v.avertissements)
    # Des colonnes désignées par --colonne l'emportent.
    v = reseau.valider(REELS / "gephi_netzero", colonnes={"debut": "year_established", "fin": "year_obsolete"})
    assert v.valide and {p["fin"] for p in v.partenariats} == {2023}


# --- Fichiers fidèles ---------------------------------------------------------------------

def test_essglobal_actuel_fidele():
    """En-tête exact de l'annuaire CWM unifié : Country ID minuscule, codes OS, URI, Memberships."""
    v = reseau.valider(FORMATS / "essglobal_cwm.csv")
    assert v.valide, _textes(v.problemes)
    par_id = {o["id"]: o for o in v.organisations}
    lacs = par_id["cuk-r000001"]
    assert (lacs["pays"], lacs["type"]) == ("GB", "cooperative")
    assert (lacs["latitude"], lacs["longitude"]) == (54.33, -2.75)  # Geo Container, Latitude vide
    assert par_id["cuk-r000002"]["type"] == "entreprise_sociale"  # URI …/OS130
    assert par_id["dc-bbb004"]["type_source"] == "OS999"
    assert par_id["dc"]["type"] == "reseau"  # fédération citée, créée
    adhesions = {(p["source"], p["cible"]) for p in v.partenariats}
    assert {("cuk-r000001", "cuk"), ("cuk-r000001", "dc"), ("cuk-r000001", "wc")} <= adhesions
    assert {p["type"] for p in v.partenariats} == {"adhesion"}
    assert "« Organisational Structure » ignorée" not in _textes(v.avertissements)  # exploitée


def test_kumu_fidele():
    v = reseau.valider(FORMATS / "kumu.xlsx")
    assert v.valide, _textes(v.problemes)
    assert v.format.startswith("Kumu")
    ids = {o["id"] for o in v.organisations}
    assert ids == {"chantier-de-l-economie-sociale", "ripess", "coop-du-quartier", "jeanne-exemple"}
    liens = {(p["source"], p["cible"], p["type"]) for p in v.partenariats}
    assert ("coop-du-quartier", "ripess", "adhesion") in liens  # « To » avec « | »
    assert ("coop-du-quartier", "chantier-de-l-economie-sociale", "adhesion") in liens
    poids = {(p["source"], p["cible"]): p["poids"] for p in v.partenariats}
    assert poids[("coop-du-quartier", "ripess")] == 2.0
    assert "« Strong » (1)" in _textes(v.avertissements)


def test_ods_comme_le_csv():
    ods = reseau.valider(FORMATS / "contrat.ods")
    csv = reseau.valider(DONNEES / "minimal")
    assert ods.valide, _textes(ods.problemes)
    assert [o["id"] for o in ods.organisations] == [o["id"] for o in csv.organisations]
    assert len(ods.partenariats) == len(csv.partenariats)


@pytest.mark.parametrize("format_", ["graphml", "gexf", "json", "csv"])
def test_aller_retour_des_exports(tmp_path, format_):
    """Les exports de reseau se relisent sans perte (organisations, positions, partenariats)."""
    G = reseau.charger()
    chemin = reseau.exporter(G, tmp_path / ("reseau" if format_ == "csv" else f"reseau.{format_}"), format_)
    v = reseau.valider(chemin)
    assert v.format.startswith("reseau (export"), v.format
    assert "» ignorée" not in _textes(v.avertissements)  # mesures : un seul avertissement groupé
    H = reseau.charger(chemin)
    assert set(H) == set(G)
    for noeud in G:
        for attribut in ("nom", "sigle", "type", "echelle", "pays", "region", "ville", "latitude", "longitude",
                         "precision", "nord_sud"):
            assert H.nodes[noeud][attribut] == G.nodes[noeud][attribut], (noeud, attribut)
    cles = ("source", "cible", "type", "debut", "fin", "poids", "oriente")
    avant = sorted(tuple(str(d[c]) for c in cles) for *_, d in G.edges(data=True))
    apres = sorted(tuple(str(d[c]) for c in cles) for *_, d in H.edges(data=True))
    assert avant == apres


# --- Tolérance ----------------------------------------------------------------------------

def test_liste_ordinaire_tolerante(tmp_path):
    chemin = _ecrire(tmp_path, "liste.csv", (
        "name,type,echelle,addr:country,addr:city,longitude,lon,lat,Longitide,website\n"
        "Coopérative Étoile,cooperative,locale,CA,Montréal,,-73.5,45.5,x,https://e.example\n"
        "Coopérative Étoile,NA,locale,Turkey,,N/A,,#N/A,,\n"
        "Réseau Nord,reseau,nationale,Czech Republic,,,,,,\n"
    ))
    v = reseau.valider(chemin, defauts={"type": "autre"})
    assert v.valide, _textes(v.problemes)
    ids = [o["id"] for o in v.organisations]
    assert ids == ["cooperative-etoile", "cooperative-etoile-2", "reseau-nord"]
    etoile = v.organisations[0]
    assert (etoile["longitude"], etoile["latitude"], etoile["ville"]) == (-73.5, 45.5, "Montréal")  # lon rempli
    assert etoile["site_web"] == "https://e.example"
    assert [o["pays"] for o in v.organisations] == ["CA", "TR", "CZ"]
    assert v.organisations[1]["type"] == "autre"  # « NA » = vide, puis --defaut
    textes = _textes(v.avertissements)
    assert "colonne « Longitide » ignorée — vouliez-vous dire « longitude » ?" in textes
    assert textes.count("colonne « Longitide » ignorée") == 1
    assert "3 identifiant(s) tiré(s) du nom" in textes
    assert "liste d'organisations seule" in textes


def test_colonnes_en_double_ou_contradictoires(tmp_path):
    chemin = _ecrire(tmp_path, "liste.csv", (
        "id,nom,nom,type,echelle,pays,country\n"
        "a,A,A bis,ong,locale,CA,Canada\n"
        "b,B,B,ong,locale,SN,France\n"
    ))
    v = reseau.valider(chemin)
    textes = _textes(v.problemes)
    assert "colonnes en double : « nom » (colonne 2) et « nom » (colonne 3)" in textes
    assert "ligne 3, colonne « pays »" in textes and "« pays » (SN) et « country » (France) se contredisent" in textes
    assert "ligne 2, colonne « pays »" not in textes  # Canada = CA : pas de contradiction


def test_options_colonne_defaut_valeur_adhesions(tmp_path):
    chemin = _ecrire(tmp_path, "entreprises.csv", (
        "NomEntreprise;Categorie;Ville;Membre de\n"
        "Coop Alpha;Coopérative de travail;Montréal;Chantier; RIPESS\n"
        "Coop Beta;Person;Québec;Chantier\n"
        "Chantier;Réseau;Montréal;\n"
    ).replace("Chantier; RIPESS", "\"Chantier, RIPESS\""))
    G = reseau.charger(
        chemin, colonnes={"nom": "NomEntreprise", "type": "Categorie"},
        defauts={"pays": "CA", "echelle": "locale"},
        valeurs={"type": {"Coopérative de travail": "cooperative", "Person": "autre"}},
        adhesions="Membre de",
    )
    assert G.nodes["coop-alpha"]["type"] == "cooperative" and G.nodes["coop-beta"]["type"] == "autre"
    assert G.nodes["chantier"]["type"] == "reseau" and G.nodes["coop-alpha"]["pays"] == "CA"
    assert G.nodes["ripess"]["type"] == "reseau"  # cité, absent : créé
    assert {(d["source"], d["cible"]) for *_, d in G.edges(data=True)} == {
        ("coop-alpha", "chantier"), ("coop-alpha", "ripess"), ("coop-beta", "chantier")}
    assert "1 réseau(x) cité(s) dans « Membre de » absent(s)" in "\n".join(G.graph["avertissements"])


def test_option_colonne_inconnue_erreur_claire(tmp_path):
    chemin = _ecrire(tmp_path, "liste.csv", "NomEntreprise,type\nA,ong\n")
    with pytest.raises(reseau.ParametreInvalide, match="aucune colonne « NomEntrprise »"):
        reseau.valider(chemin, colonnes={"nom": "NomEntrprise"})
    with pytest.raises(reseau.ParametreInvalide, match="colonne « nmo » inconnue"):
        reseau.valider(chemin, defauts={"nmo": "x"})


# --- Pays ---------------------------------------------------------------------------------

def test_pays_par_la_bibliotheque():
    ref = referentiel()
    assert [ref.code_pays(v) for v in ("Turkey", "Czech Republic", "Republic of Ireland", "Congo Republic",
                                       "irl", "bra", "Alemanha", "Estados Unidos", "Allemagne", "gb")] == [
        "TR", "CZ", "IE", "CG", "IE", "BR", "DE", "US", "DE", "GB"]
    assert ref.code_pays("Democratic Republic of the Congo") == "CD"
    assert ref.suggerer_pays("Republik of Irland") == "Irlande"  # pas « Congo »
    assert ref.pays["XK"].nom_fr == "Kosovo"  # absent de la bibliothèque : pays.csv


def test_noms_de_pays_dans_l_ordre_ou_on_les_dit():
    """Les noms inversés de l'ISO 3166 (« Russie, Fédération de ») s'affichent dans l'ordre naturel, et
    les deux formes restent reconnues."""
    from reseau.entrees.geographie import nom_pays

    ref = referentiel()
    assert nom_pays("RU") == "Fédération de Russie" and nom_pays("PS", "es") == "Estado de Palestina"
    assert nom_pays("CD", "pt") == "República Democrática do Congo" and nom_pays("SB") == "Îles Salomon"
    assert nom_pays("BQ") == "Bonaire, Saint-Eustache et Saba"  # une énumération, pas une inversion
    for valeur in ("Fédération de Russie", "Russie, Fédération de", "État de Palestine", "Palestine, État de"):
        assert ref.code_pays(valeur) in {"RU", "PS"}, valeur
    for code, pays in ref.pays.items():
        for langue in ("fr", "en", "es", "pt"):
            assert ref.code_pays(pays.nom(langue)) == code, (code, langue)


# --- Ligne de commande --------------------------------------------------------------------

def test_cli_resume_au_dela_de_50_problemes_et_v_apres(tmp_path):
    lignes = "".join(f"o{i},Org {i},ong,locale,\n" for i in range(80))
    dossier = tmp_path / "jeu"
    dossier.mkdir()
    _ecrire(dossier, "organisations.csv", "id,nom,type,echelle,pays\n" + lignes)
    runner = CliRunner()
    resultat = runner.invoke(cli, ["valider", str(dossier)])
    assert resultat.exit_code == 2 and "Traceback" not in resultat.output
    assert "… et 30 autres, par colonne : « pays » (30)" in resultat.output
    resultat = runner.invoke(cli, ["valider", str(dossier), "-v"])
    assert resultat.exit_code == 2 and "autres, par colonne" not in resultat.output
    assert resultat.output.count("valeur obligatoire manquante") == 80


def test_cli_mauvaise_entree_rien_ecrit(tmp_path):
    chemin = _ecrire(tmp_path, "liste.csv", "id,nom,type,echelle,pays\na,A,banque,locale,Atlantide\n")
    sortie = tmp_path / "carte.html"
    resultat = CliRunner().invoke(cli, ["carte", str(chemin), "-o", str(sortie)])
    assert resultat.exit_code == 2
    assert "type d'organisation « banque » inconnu" in resultat.output and "Atlantide" in resultat.output
    assert not sortie.exists() and "Traceback" not in resultat.output
    resultat = CliRunner().invoke(cli, ["valider", str(chemin), "--valeur", "type=banque"])
    assert resultat.exit_code == 2 and "COLONNE:VALEUR=CIBLE" in resultat.output


def test_cli_options_de_lecture(tmp_path):
    chemin = _ecrire(tmp_path, "liste.csv", "NomEntreprise,Categorie\nCoop A,Person\n")
    resultat = CliRunner().invoke(cli, [
        "valider", str(chemin), "--colonne", "nom=NomEntreprise", "--colonne", "type=Categorie",
        "--defaut", "pays=CA", "--defaut", "echelle=locale", "--valeur", "type:Person=autre",
    ])
    assert resultat.exit_code == 0, resultat.output
    assert "1 organisations, 0 partenariats" in resultat.output


def test_essglobal_reel_co_operatives_uk():
    """Extrait réel (ODC-By 1.0) : Country ID, URI OS…, Latitude vide → Geo Container, multi-lignes."""
    v = reseau.valider(REELS / "essglobal_cuk" / "cuk.csv")
    assert v.valide, _textes(v.problemes)
    assert len(v.organisations) == 10 and {o["pays"] for o in v.organisations} == {"GB"}
    par_id = {o["id"]: o for o in v.organisations}
    footprint = par_id["r002847"]
    assert (footprint["latitude"], footprint["longitude"]) == (53.81937, -1.53328)
    assert footprint["type"] == "entreprise_sociale"  # OS50 « Company (Other) »
    assert par_id["r006686"]["type"] == "entreprise_sociale"  # OS130 (URI)
    assert par_id["r013792"]["type_source"] == "Society"  # sans structure : Legal Form
    assert par_id["r005391"]["type_source"] == "OS160"  # URI réduite à son code
    assert "Edinburgh’s Favourite Taxi Company" in par_id["r009306"]["description"]


def test_essglobal_ancien_fidele_longitide():
    """En-tête exact d'un ancien export ESSGlobal (uMap) : « Longitide », Country Name vide, Legal Forms."""
    chemin = FORMATS / "essglobal_ancien.csv"
    v = reseau.valider(chemin)
    assert [(p.ligne, p.colonne) for p in v.problemes] == [(2, "longitude"), (3, "longitude")]
    assert "--colonne longitude=Longitide" in v.problemes[0].message
    v = reseau.valider(chemin, colonnes={"longitude": "Longitide"}, defauts={"pays": "GB"})
    assert v.valide, _textes(v.problemes)
    assert [o["type"] for o in v.organisations] == ["cooperative"] * 3  # Legal Forms
    assert v.organisations[0]["longitude"] == -1.89 and v.organisations[2]["precision"] == "pays"
    assert [o["id"] for o in v.organisations] == ["essai1", "essai2", "cbc-1"]


def test_gexf_fidele_gephi():
    """GEXF 1.3 à la Gephi : attributs déclarés par numéro, valeur par défaut, viz, sens par arête."""
    v = reseau.valider(FORMATS / "gephi.gexf")
    assert v.valide, _textes(v.problemes)
    par_id = {o["id"]: o for o in v.organisations}
    assert par_id["0"]["nom"] == "Réseau Intercontinental" and par_id["0"]["site_web"] == "https://www.ripess.org"
    assert [par_id[i]["pays"] for i in "012"] == ["LU", "CA", "SN"]
    assert [par_id[i]["type"] for i in "012"] == ["reseau", "reseau", "cooperative"]  # défaut « Network »
    liens = {(p["source"], p["cible"]): p for p in v.partenariats}
    assert liens[("1", "0")]["poids"] == 2.0 and liens[("1", "0")]["oriente"]
    assert not liens[("2", "1")]["oriente"]


def test_json_d3_fidele():
    """JSON node-link à la d3 (« links », identifiants = noms, attributs inconnus signalés)."""
    v = reseau.valider(FORMATS / "d3.json")
    assert v.valide, _textes(v.problemes)
    assert {(p["source"], p["cible"]) for p in v.partenariats} == {("Coop Quartier", "Chantier"), ("Chantier", "RIPESS")}
    assert "colonne « group » ignorée" in _textes(v.avertissements)


@pytest.mark.parametrize(("nom", "contenu", "attendu"), [
    ("casse.graphml", '<?xml version="1.0"?><graphml><graph><node id="a">', "GraphML illisible"),
    ("casse.gexf", "<gexf><graph><nodes>", "GEXF illisible"),
    ("casse.json", '{"nodes": [', "JSON illisible"),
    ("liste.json", "[1, 2]", "JSON node-link (nodes, edges) est attendu"),
    ("faux.ods", "", "classeur"),
])
def test_fichiers_casses_code_2_sans_trace(tmp_path, nom, contenu, attendu):
    chemin = tmp_path / nom
    if nom.endswith(".ods"):
        import zipfile

        with zipfile.ZipFile(chemin, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", "<pas du xml")
    else:
        chemin.write_text(contenu, encoding="utf-8")
    sortie = tmp_path / "carte.html"
    resultat = CliRunner().invoke(cli, ["carte", str(chemin), "-o", str(sortie)])
    assert resultat.exit_code == 2, resultat.output
    assert attendu in resultat.output and "Traceback" not in resultat.output
    assert not sortie.exists()


def test_defaut_type_va_a_la_bonne_table(tmp_path):
    """« type » existe pour les organisations et les partenariats : le défaut suit le vocabulaire."""
    dossier = tmp_path / "jeu"
    dossier.mkdir()
    _ecrire(dossier, "organisations.csv", "id,nom,type,echelle,pays\na,A,,locale,CA\nb,B,ong,locale,CA\n")
    _ecrire(dossier, "partenariats.csv", "source,cible,type\na,b,\n")
    v = reseau.valider(dossier, defauts={"type": "reseau"})
    assert [p.colonne for p in v.problemes] == ["type"]  # le lien reste sans type : bloquant
    v = reseau.valider(dossier, defauts={"type": "autre"})
    assert v.valide and v.organisations[0]["type"] == "autre" and v.partenariats[0]["type"] == "autre"
