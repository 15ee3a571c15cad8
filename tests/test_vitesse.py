"""Ticket 20 : le chargement rapide rend exactement le graphe de l'ancien chemin (ordre compris)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reseau.entrees.chargement import charger, valider
from reseau.entrees.generateur import generer
from reseau.entrees.graphe import construire, construire_en_bloc, critere_liens, filtrer

STATUTS = ("atteste", "intention", "co-mention")


def _ancien_construire(organisations, partenariats, source=""):
    """L'ancienne construction, lien par lien (référence)."""
    G = nx.MultiGraph(source=source)
    for org in organisations:
        G.add_node(org["id"], **{k: v for k, v in org.items() if k != "id"})
    for lien in partenariats:
        G.add_edge(lien["source"], lien["cible"], **lien)
    return G


def _empreinte(G: nx.MultiGraph) -> tuple:
    """Tout ce qui peut changer une sortie : attributs, ordre des nœuds, des voisins, des clés."""
    return (
        dict(G.graph),
        list(G.nodes(data=True)),
        [(u, list(G._adj[u])) for u in G],
        list(G.edges(keys=True, data=True)),
    )


def _comparer(orgs, liens, annee=None, statut=None) -> None:
    attendu = _ancien_construire(orgs, liens, "s")
    assert _empreinte(construire(orgs, liens, "s")) == _empreinte(attendu)
    if annee is not None or statut is not None:
        attendu = filtrer(attendu, annee=annee, statut=statut)
        obtenu = construire_en_bloc(orgs, liens, {"source": "s"}, critere_liens(annee, statut))
        assert _empreinte(obtenu) == _empreinte(attendu)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(2, 12),
    aretes=st.lists(
        st.tuples(st.integers(0, 11), st.integers(0, 11), st.sampled_from(STATUTS),
                  st.one_of(st.none(), st.integers(2000, 2010)), st.one_of(st.none(), st.integers(2000, 2010))),
        max_size=40,
    ),
    annee=st.one_of(st.none(), st.integers(1999, 2011)),
    statut=st.one_of(st.none(), st.just(""), st.sampled_from(STATUTS), st.just("atteste,intention")),
)
def test_bloc_egal_ancien_hypothesis(n, aretes, annee, statut) -> None:
    orgs = [{"id": f"o{i}", "nom": f"O{i}"} for i in range(n)]
    liens = [{"source": f"o{a % n}", "cible": f"o{b % n}", "type": "autre", "statut": s, "debut": d, "fin": f}
             for a, b, s, d, f in aretes]
    _comparer(orgs, liens, annee, statut)
    _comparer(orgs, liens, annee, statut or "atteste,intention")


def test_bloc_egal_ancien_jeux() -> None:
    v = valider()
    for annee, statut in ((None, None), (None, "atteste,intention"), (2015, None), (2010, "atteste")):
        _comparer(v.organisations, v.partenariats, annee, statut)
    orgs, liens = generer(300, graine=3)
    for i, lien in enumerate(liens):  # des statuts et dates variés
        lien["statut"] = STATUTS[i % 3]
    _comparer(orgs, liens, 2000, "atteste,intention")


def test_charger_egal_ancien_chemin() -> None:
    v = valider()
    attendu = _ancien_construire(v.organisations, v.partenariats, v.source)
    attendu.graph["avertissements"] = [str(a) for a in v.avertissements]
    assert _empreinte(charger()) == _empreinte(filtrer(attendu, statut=("atteste", "intention")))
    assert _empreinte(charger(statut=None)) == _empreinte(attendu)


# Démarrage : ces commandes n'ont besoin ni de pandas, ni de numpy, ni d'igraph.
_LOURDS = ("pandas", "numpy", "igraph", "scipy", "matplotlib", "openpyxl", "pyarrow")
_SONDE = """
import atexit, os, sys
def _dire():
    os.write(2, ("MODULES:" + ",".join(m for m in {lourds!r} if m in sys.modules) + "\\n").encode())
atexit.register(_dire)
sys.argv = ["reseau"] + {args!r}
from reseau.cli.commandes import main
main()
"""


@pytest.mark.parametrize("args", [["valider"], ["chemin", "gesq", "ripess"], ["portee", "gesq"]])
def test_commandes_legeres_sans_import_lourd(args: list[str]) -> None:
    racine = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(racine)}
    code = _SONDE.format(lourds=_LOURDS, args=args)
    fini = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=racine, env=env)
    assert fini.returncode == 0, fini.stderr
    ligne = next(li for li in fini.stderr.splitlines() if li.startswith("MODULES:"))
    assert ligne == "MODULES:", f"{args} importe {ligne[8:]}"


# La carte a besoin de numpy et d'igraph (mesures), pas du reste.
_LOURDS_CARTE = ("pandas", "pyvis", "jinja2", "markupsafe", "scipy", "matplotlib", "openpyxl", "pyarrow", "rapidfuzz")


def test_carte_sans_import_lourd(tmp_path) -> None:
    racine = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(racine)}
    code = _SONDE.format(lourds=_LOURDS_CARTE, args=["carte", "-o", str(tmp_path / "carte.html")])
    fini = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=racine, env=env)
    assert fini.returncode == 0, fini.stderr
    assert (tmp_path / "carte.html").stat().st_size > 100_000
    ligne = next(li for li in fini.stderr.splitlines() if li.startswith("MODULES:"))
    assert ligne == "MODULES:", f"carte importe {ligne[8:]}"


# Validation : le chemin rapide des partenariats rend exactement ce que rend le chemin complet.
DONNEES = Path(__file__).resolve().parent / "donnees"


def _validation_complete(chemin, rapide: bool, **options):
    """Ce que rend ``valider`` (problèmes, avertissements, enregistrements, ordre des clés compris)."""
    from reseau.entrees import chargement
    from reseau.entrees import validation as module

    origine = module.valider_tables

    def forcee(tables, ref, facultatives=frozenset(), rapide_=True):
        return origine(tables, ref, facultatives, rapide=rapide)

    chargement.valider_tables = forcee
    try:
        v = valider(chemin, **options)
    finally:
        chargement.valider_tables = origine
    return ([(p.fichier, p.ligne, p.colonne, p.valeur, p.message, p.suggestion, str(p)) for p in v.problemes],
            [str(a) for a in v.avertissements],
            [list(o.items()) for o in v.organisations], [list(lien.items()) for lien in v.partenariats])


def _jeux_du_corpus() -> list[Path]:
    jeux = [DONNEES / "invalide", DONNEES / "minimal"]
    jeux += sorted(p for p in (DONNEES / "malformees").iterdir() if p.is_dir() or p.suffix == ".xlsx")
    return jeux


@pytest.mark.parametrize("chemin", [None, *_jeux_du_corpus()], ids=lambda p: p.name if p else "reference")
def test_validation_rapide_egale_complete_corpus(chemin) -> None:
    assert _validation_complete(chemin, True) == _validation_complete(chemin, False)


_CELLULES = st.sampled_from([
    "", " ", "a", "A", "b", "zz", "a\\nb", "NA", "formation", "Financement", "adhesion", "inconnu", "2001", "2001.5",
    "1700", "2005", "1999 ", "3,5", "-1", "0", "abc", "oui", "non", "peut-être", "intention", "co-mention",
    "attesté", "x", "\\r", "Vrai",
])


_VALIDES = {
    "source": ["a", "A", "b", "zz "], "cible": ["b", "zz", "A"], "type": ["formation", "Financement", "adhesion"],
    "debut": ["", "2001", "1999 "], "fin": ["", "2005", "2001"], "poids": ["", "3,5", "2"],
    "statut": ["", "intention", "attesté"], "oriente": ["", "oui", "Vrai", "non"], "type_source": ["", "x"],
}
_COLONNES = list(_VALIDES)


def _cellule_de(colonne: str) -> st.SearchStrategy[str]:
    """Une valeur valide le plus souvent (le chemin rapide sert), sinon n'importe quelle cellule."""
    valide = st.sampled_from(_VALIDES[colonne])
    return st.one_of(valide, valide, valide, valide, _CELLULES)


@settings(max_examples=60, deadline=None)
@given(lignes=st.lists(st.tuples(*(_cellule_de(c) for c in _COLONNES)), min_size=1, max_size=15),
       colonnes=st.permutations(range(len(_COLONNES))))
def test_validation_rapide_egale_complete_hypothesis(tmp_path_factory, lignes, colonnes) -> None:
    dossier = tmp_path_factory.mktemp("jeu")
    (dossier / "organisations.csv").write_text(
        "id;nom;type;echelle;pays\na;A;reseau;locale;CA\nb;B;cooperative;nationale;SN\nzz;Z;autre;locale;FR\n",
        encoding="utf-8")
    def cellule(c: str) -> str:
        return '"' + c.replace("\\n", "\n").replace("\\r", "\r") + '"'

    # Une colonne non reconnue en dernier : ses cellules ne doivent jamais être prises pour une autre.
    texte = ";".join(_COLONNES[i] for i in colonnes) + ";remarque\n" + "".join(
        ";".join(cellule(ligne[i]) for i in colonnes) + ";zz\n" for ligne in lignes)
    (dossier / "partenariats.csv").write_text(texte, encoding="utf-8")
    assert _validation_complete(dossier, True) == _validation_complete(dossier, False)


def test_validation_rapide_egale_complete_genere(tmp_path) -> None:
    from reseau.entrees import validation as module
    from reseau.entrees.generateur import ecrire_jeu

    orgs, liens = generer(200, graine=5)
    ecrire_jeu(tmp_path, orgs, liens)
    assert _validation_complete(tmp_path, True) == _validation_complete(tmp_path, False)
    # Le chemin rapide sert bien : aucune ligne valide ne repasse par le chemin complet.
    appels = []
    origine = module._partenariat
    module._partenariat = lambda *a: appels.append(1) or origine(*a)
    try:
        valider(tmp_path)
    finally:
        module._partenariat = origine
    assert appels == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('a;,"é\r\n \t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029')), max_size=40))
def test_decoupage_en_lignes_rapide(texte: str) -> None:
    """Le découpage rapide (splitlines) n'est pris que s'il rend les lignes de lignes_physiques."""
    from reseau.entrees.lecture import _A_RETIRER, _lignes_par_blocs, lignes_physiques

    simple = _A_RETIRER.search(texte) is None and "\u2028" not in texte and "\u2029" not in texte
    if simple:
        assert texte.splitlines(keepends=True) == list(lignes_physiques(texte))
        for taille in (1, 3, 7):
            assert list(_lignes_par_blocs(texte, taille)) == list(lignes_physiques(texte))


def test_projection_partagee_memes_mesures() -> None:
    """analyser construit la projection une fois : mêmes mesures et même résumé qu'avant."""
    from pandas.testing import assert_frame_equal

    from reseau.analyse.mesures import mesures_organisations, projection_igraph, resume_reseau

    G = charger()
    g = projection_igraph(G)
    aretes = g.get_edgelist()
    assert_frame_equal(mesures_organisations(G, projection=g), mesures_organisations(G))
    assert resume_reseau(G, projection=g) == resume_reseau(G)
    assert g.get_edgelist() == aretes  # la projection partagée n'est pas modifiée


def test_carte_mesures_sans_pandas_egales_table() -> None:
    """La carte lit les mesures sans pandas : mêmes valeurs que la table, mêmes mesures numériques."""
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    from reseau.analyse.mesures import MESURES, PIVOTS_MIN, mesures_organisations
    from reseau.rendu import carte

    orgs, liens = generer(400, graine=2)
    for G in (charger(), construire(orgs, liens, "g")):
        table = mesures_organisations(G, pivots=PIVOTS_MIN)
        attendu = {x: {c: carte.propre(v) for c, v in zip(MESURES, valeurs)}
                   for x, *valeurs in zip(table["id"], *(table[c] for c in MESURES))}
        assert carte._mesures(G, "degre", None) == attendu
        numeriques = {c for c in MESURES if is_numeric_dtype(table[c]) and not is_bool_dtype(table[c])}
        assert numeriques == set(MESURES) - carte.MESURES_NON_NUMERIQUES
    with pytest.raises(carte.ParametreInvalide, match="non numérique"):
        carte._mesures(charger(), "point_articulation", None)
    assert carte._mesures(nx.MultiGraph(), "point_articulation", None) == {}


def _preparation(chemin, en_colonnes: bool):
    """Ce que rend ``preparer`` (tables, lignes, problèmes, avertissements), en colonnes ou ligne à ligne."""
    from reseau.entrees.formats import lire_donnees
    from reseau.entrees.geographie import referentiel
    from reseau.entrees.preparation import preparer

    prepare = preparer(lire_donnees(Path(chemin)), referentiel(), en_colonnes=en_colonnes)
    return ({nom: (t.fichier, t.entetes, [(n, list(c)) for n, c in t.lignes], t.origine, t.ignorees, t.formules,
                   t.avertissements) for nom, t in prepare.tables.items()},
            [str(p) for p in prepare.problemes], [str(a) for a in prepare.avertissements], prepare.facultatives)


@pytest.mark.parametrize("chemin", [DONNEES.parent.parent / "donnees", *_jeux_du_corpus()], ids=lambda p: p.name)
def test_preparation_en_colonnes_egale_ligne_a_ligne_corpus(chemin) -> None:
    assert _preparation(chemin, True) == _preparation(chemin, False)


_SALES = st.sampled_from(["", " ", "NA", "n/a ", " - ", "null", "a ", " A", "b", "zz", "Zz", "nom a", "Nom A ", "x"])


@settings(max_examples=60, deadline=None)
@given(orgs=st.lists(st.tuples(st.sampled_from(["a", "b", "zz", " a", "NA", "c "]), _SALES), min_size=1, max_size=6),
       liens=st.lists(st.tuples(_SALES, _SALES, _SALES), max_size=10), remarque=st.booleans())
def test_preparation_en_colonnes_egale_ligne_a_ligne_hypothesis(tmp_path_factory, orgs, liens, remarque) -> None:
    """Valeurs à nettoyer (espaces, NA), partenaires désignés par leur nom, colonne ignorée."""
    dossier = tmp_path_factory.mktemp("jeu")
    fin = ";remarque" if remarque else ""
    (dossier / "organisations.csv").write_text(
        "id;nom;type;echelle;pays" + fin + "\n"
        + "".join(f'"{i}";"{n}";reseau;locale;CA' + (";r" if remarque else "") + "\n" for i, n in orgs),
        encoding="utf-8")
    (dossier / "partenariats.csv").write_text(
        "source;cible;type\n" + "".join(f'"{s}";"{c}";"{t}"\n' for s, c, t in liens), encoding="utf-8")
    assert _preparation(dossier, True) == _preparation(dossier, False)


def test_preparation_en_colonnes_sert(tmp_path) -> None:
    """Le jeu généré passe bien par la préparation en colonnes."""
    from reseau.entrees import preparation as module
    from reseau.entrees.formats import lire_donnees
    from reseau.entrees.generateur import ecrire_jeu

    orgs, liens = generer(100, graine=1)
    ecrire_jeu(tmp_path, orgs, liens)
    assert module._preparer_en_colonnes(lire_donnees(tmp_path), module.Options()) is not None
    assert _preparation(tmp_path, True) == _preparation(tmp_path, False)


def test_csv_colonnes_egal_enregistrements() -> None:
    """analyser --format csv écrit colonne par colonne : même texte que ligne par ligne."""
    import pandas as pd

    from reseau.analyse.mesures import IDENTITE, MESURES, mesures_organisations
    from reseau.rendu.tables import csv_colonnes, enregistrements, formater

    orgs, liens = generer(300, graine=4)
    for G in (charger(), construire(orgs, liens, "g")):
        table = mesures_organisations(G)
        assert csv_colonnes(table, IDENTITE + MESURES) == formater(enregistrements(table), IDENTITE + MESURES, "csv")
    piege = pd.DataFrame({"id": ["=1+1", "-2", None], "degre": pd.array([1, None, -3], dtype="Int64"),
                          "x": [float("inf"), -0.5, float("nan")], "b": [True, False, True], "o": [1, "1", True]})
    assert csv_colonnes(piege, ["id", "degre", "x", "b", "o", "absente"]) == formater(
        enregistrements(piege), ["id", "degre", "x", "b", "o", "absente"], "csv")


_CELLULES_ORG = {
    "id": ["a", "b", "A", "", " c", "d\ne"], "nom": ["N", "", "N\nM", " P "],
    "type": ["reseau", "Coopérative", "inconnu", ""], "echelle": ["locale", "National", "x", ""],
    "pays": ["CA", "sn", "Pérou", "Atlantide", ""], "nord_sud": ["", "nord", "Sud", "ouest"],
    "region": ["", "Québec", "Nulle part"], "ville": ["", "Montréal", "Dakar", "Ville inconnue"],
    "latitude": ["", "45,5", "91", "abc"], "longitude": ["", "-73.6", "200"], "precision": ["", "ville", "x"],
    "type_source": ["", "t"], "sigle": ["", "S"],
}
_COLONNES_ORG = list(_CELLULES_ORG)


@settings(max_examples=80, deadline=None)
@given(lignes=st.lists(st.tuples(*(st.sampled_from(v) for v in _CELLULES_ORG.values())), min_size=1, max_size=8),
       colonnes=st.permutations(range(len(_COLONNES_ORG))))
def test_validation_organisations_rapide_egale_complete_hypothesis(tmp_path_factory, lignes, colonnes) -> None:
    dossier = tmp_path_factory.mktemp("jeu")
    (dossier / "organisations.csv").write_text(
        ";".join(_COLONNES_ORG[i] for i in colonnes) + "\n" + "".join(
            ";".join('"' + ligne[i] + '"' for i in colonnes) + "\n" for ligne in lignes), encoding="utf-8")
    (dossier / "partenariats.csv").write_text("source;cible;type\na;b;formation\n", encoding="utf-8")
    assert _validation_complete(dossier, True) == _validation_complete(dossier, False)


def test_projection_igraph_dans_l_ordre_des_liens() -> None:
    """La projection lue dans les voisinages : mêmes arêtes, même ordre, mêmes poids que par G.edges()."""
    from reseau.analyse._igraph import importer_igraph
    from reseau.analyse.mesures import projection_igraph

    igraph = importer_igraph()
    orgs, liens = generer(300, graine=6)
    for G in (charger(), construire(orgs, liens, "g")):
        index = {x: i for i, x in enumerate(G.nodes)}
        aretes = [(index[u], index[v]) for u, v in G.edges() if u != v]
        poids = [p for u, v, p in G.edges(data="poids", default=1.0) if u != v]
        attendu = igraph.Graph(n=len(index), edges=aretes, edge_attrs={"poids": poids, "partenariats": [1] * len(aretes)})
        attendu.simplify(multiple=True, loops=True, combine_edges={"poids": "sum", "partenariats": "sum"})
        g = projection_igraph(G)
        assert g.get_edgelist() == attendu.get_edgelist()
        assert g.es["poids"] == attendu.es["poids"]
        assert g.es["partenariats"] == [int(k) for k in attendu.es["partenariats"]]
