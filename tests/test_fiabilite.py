"""Banc d'épreuve de la fiabilité : entrées malformées, XML bien formé, écriture sûre, interruptions."""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner
from graphes import lien, org
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

import reseau
from reseau import reglages
from reseau._fichiers import ecrire_atomique, fichier_atomique, nettoyer_orphelins, texte_xml
from reseau.cli.commandes import cli
from reseau.entrees.geographie import referentiel
from reseau.entrees.graphe import construire
from reseau.entrees.lecture import Table, lire_tables
from reseau.entrees.validation import valider_tables
from reseau.erreurs import EcritureImpossible, ErreurReseau
from reseau.rendu.exports import exporter

MALFORMEES = Path(__file__).parent / "donnees" / "malformees"
RACINE = Path(__file__).resolve().parent.parent
# Caractères que le chargeur ne doit jamais laisser passer (contrôles hors tabulation et fins de ligne).
INTERDITS = {chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))}


def lancer(*args: str):
    return CliRunner().invoke(cli, list(args))


def _sans_controle(G: nx.MultiGraph) -> bool:
    textes = [str(n) for n in G] + [str(v) for _, d in G.nodes(data=True) for v in d.values()]
    textes += [str(v) for *_, d in G.edges(data=True) for v in d.values()]
    return not any(set(t) & INTERDITS for t in textes)


# --- Corpus d'entrées malformées ----------------------------------------------------------------

def test_controles_retires_au_chargement_avec_la_ligne():
    v = reseau.valider(MALFORMEES / "controles")
    assert v.valide
    noms = {o["id"]: o["nom"] for o in v.organisations}
    assert noms["a"] == "Coop érative A" and noms["b"] == "[31mRéseau B[0m"
    lignes = {(a.ligne, a.colonne) for a in v.avertissements if "contrôle" in a.message}
    assert lignes == {(2, "nom"), (3, "nom")}
    assert _sans_controle(reseau.charger(MALFORMEES / "controles"))


def test_controles_d_un_classeur_echappes_par_excel():
    v = reseau.valider(MALFORMEES / "controles.xlsx")
    assert v.valide and {o["id"]: o["nom"] for o in v.organisations}["a"] == "Coop érative A"
    assert [a.ligne for a in v.avertissements if "contrôle" in a.message] == [2]


@pytest.mark.parametrize("format_", ["gexf", "graphml"])
def test_exports_xml_bien_formes_apres_controles(tmp_path, format_):
    chemin = exporter(reseau.charger(MALFORMEES / "controles"), tmp_path / f"r.{format_}")
    ElementTree.parse(chemin)


def test_guillemet_non_ferme():
    v = reseau.valider(MALFORMEES / "guillemet")
    assert len(v.problemes) == 1
    p = v.problemes[0]
    assert p.ligne == 3 and "guillemet non fermé" in p.message


def test_cellule_trop_longue_message_francais_avec_ligne_et_option():
    r = lancer("--cellule-max", "100", "valider", str(MALFORMEES / "cellule_longue"))
    assert r.exit_code == 2
    assert "ligne 3" in r.output and "100 caractères" in r.output and "--cellule-max" in r.output
    assert reglages.CELLULE_MAX == 131_072  # réglage rendu après la commande


def test_cellule_de_plus_de_131072_caracteres(tmp_path):
    (tmp_path / "organisations.csv").write_text("id,nom,type,echelle,pays\na," + "x" * 131_073 + ",ong,locale,CA\n")
    (tmp_path / "partenariats.csv").write_text("source,cible,type\n")
    r = lancer("valider", str(tmp_path))
    assert r.exit_code == 2 and "ligne 2" in r.output and "131072 caractères" in r.output
    assert "field larger" not in r.output
    assert lancer("--cellule-max", "200000", "valider", str(tmp_path)).exit_code == 0


def test_erreur_de_fichier_sans_cascade():
    v = reseau.valider(MALFORMEES / "cascade")
    assert len(v.problemes) == 1 and "binaire" in v.problemes[0].message
    assert not any("inconnue" in p.message for p in v.problemes)


def test_premiere_ligne_sep_d_excel():
    v = reseau.valider(MALFORMEES / "sep_excel")
    assert v.valide and len(v.organisations) == 3 and len(v.partenariats) == 2
    assert [o["id"] for o in v.organisations] == ["a", "b", "c"]


def test_boucle_signalee_comme_telle():
    v = reseau.valider(MALFORMEES / "boucle")
    assert len(v.problemes) == 1 and "boucle" in v.problemes[0].message and v.problemes[0].ligne == 4


def test_encodage_melange_ligne_par_ligne():
    v = reseau.valider(MALFORMEES / "encodage_mixte")
    assert v.valide
    assert [o["nom"] for o in v.organisations] == ["Coopérative A", "Réseau B", "Ong Ç"]
    avertis = [a for a in v.avertissements if "encodage" in a.message]
    assert len(avertis) == 1 and avertis[0].ligne == 3 and "ligne(s) 3 " in avertis[0].message


def test_suggestion_d_identifiant():
    v = reseau.valider(MALFORMEES / "inconnu")
    assert [(p.ligne, p.suggestion) for p in v.problemes] == [(4, "c")]


def test_formule_sans_valeur_calculee():
    v = reseau.valider(MALFORMEES / "formule.xlsx")
    assert [(p.ligne, p.colonne) for p in v.problemes] == [(3, "nom")]
    assert "formule" in v.problemes[0].message and "CONCATENATE" in v.problemes[0].message
    assert "manquante" not in v.problemes[0].message
    assert any(a.ligne == 4 and a.colonne == "description" and "formule" in a.message for a in v.avertissements)


def test_classeur_tronque_code_2():
    r = lancer("valider", str(MALFORMEES / "tronque.xlsx"))
    assert r.exit_code == 2 and "classeur illisible : " in r.output and "Traceback" not in r.output


def test_classeur_trop_gros_une_fois_decompresse():
    r = lancer("--classeur-max", "1", "valider", str(MALFORMEES / "gros.xlsx"))
    assert r.exit_code == 2 and "1 Mo" in r.output and "--classeur-max" in r.output
    assert lancer("valider", str(MALFORMEES / "gros.xlsx")).exit_code == 0


def test_trop_de_lignes(donnees):
    r = lancer("--lignes-max", "3", "analyser", str(donnees / "minimal"))
    assert r.exit_code == 2 and "limite de 3 lignes" in r.output and "--lignes-max" in r.output


def test_annee_bornee():
    r = lancer("analyser", "--annee", "99999")
    assert r.exit_code == 2 and "1800" in r.output and "2100" in r.output


def test_echappements_n_atteignent_pas_le_terminal():
    r = lancer("portee", "\x1b[31mrouge\x07")
    assert r.exit_code == 2
    assert "\x1b" not in r.output and "\x07" not in r.output and "\\x1b[31mrouge" in r.output


# --- Propriétés : chargeur, classeurs, XML ---------------------------------------------------------

_TEXTE = st.text(max_size=30)


def _valide_sans_controle(chemin) -> None:
    """Jeu valide dont aucune organisation ne garde de caractère de contrôle, ou erreur propre (message non vide)."""
    try:
        v = reseau.valider(chemin)
    except ErreurReseau as exc:
        assert str(exc)
        return
    for o in v.organisations:
        assert not set("".join(str(x) for x in o.values())) & INTERDITS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_TEXTE, _TEXTE), min_size=1, max_size=6), _TEXTE)
def test_propriete_chargeur_csv_texte_quelconque(tmp_path, cellules, description):
    """Tout texte unicode dans les cellules : jeu valide sans caractère de contrôle, ou erreur propre."""
    dossier = tmp_path / "jeu"
    dossier.mkdir(exist_ok=True)
    lignes = ["id;nom;type;echelle;pays;description"]
    lignes += [f"o{i};{nom.replace(';', ',')};ong;locale;CA;{desc.replace(';', ',')}" for i, (nom, desc) in enumerate(cellules)]
    for codage in ("utf-8", "utf-16"):
        (dossier / "organisations.csv").write_bytes("\n".join(lignes).encode(codage, errors="surrogatepass"))
        (dossier / "partenariats.csv").write_text(f"source;cible;type;description\no0;o0x;cooperation;{description}\n",
                                                  encoding="utf-8", errors="surrogatepass")
        _valide_sans_controle(dossier)


def _classeur(lignes_org: list[list], lignes_liens: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "organisations"
    for ligne in lignes_org:
        ws.append(ligne)
    ws2 = wb.create_sheet("partenariats")
    for ligne in lignes_liens:
        ws2.append(ligne)
    tampon = io.BytesIO()
    wb.save(tampon)
    return tampon.getvalue()


_VALEUR_XLSX = st.one_of(
    st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=list(INTERDITS)), max_size=20),
    st.sampled_from(["=1+1", "=A2", "_x000B_", "_x001B_[31m", "ong", "locale", "CA", "a", "b"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_VALEUR_XLSX, min_size=0, max_size=7), max_size=6),
       st.lists(st.lists(_VALEUR_XLSX, min_size=0, max_size=4), max_size=4))
def test_propriete_classeur_contenu_quelconque(tmp_path, org_lignes, lien_lignes):
    chemin = tmp_path / "c.xlsx"
    chemin.write_bytes(_classeur([["id", "nom", "type", "echelle", "pays"], *org_lignes],
                                 [["source", "cible", "type"], *lien_lignes]))
    _valide_sans_controle(chemin)


_BON_CLASSEUR = _classeur([["id", "nom", "type", "echelle", "pays"], ["a", "A", "ong", "locale", "CA"],
                           ["b", "B", "ong", "locale", "SN"]], [["source", "cible", "type"], ["a", "b", "adhesion"]])


def _abimer_partie(brut: bytes, partie: int, coupe: float, octets: bytes) -> bytes:
    """Le classeur dont une partie du zip est tronquée puis complétée par ``octets``."""
    entree, sortie = zipfile.ZipFile(io.BytesIO(brut)), io.BytesIO()
    with zipfile.ZipFile(sortie, "w") as z:
        for i, info in enumerate(entree.infolist()):
            donnees = entree.read(info.filename)
            if i == partie % len(entree.infolist()):
                donnees = donnees[: int(len(donnees) * coupe)] + octets
            z.writestr(info, donnees)
    return sortie.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 20), st.floats(0, 1), st.binary(max_size=30), st.integers(0, len(_BON_CLASSEUR) - 1),
       st.binary(min_size=1, max_size=4))
def test_propriete_classeur_abime(tmp_path, partie, coupe, octets, position, remplacement):
    """Un classeur abîmé (partie tronquée, octets changés) : lecture ou problème, jamais d'exception."""
    chemin = tmp_path / "c.xlsx"
    for brut in (_abimer_partie(_BON_CLASSEUR, partie, coupe, octets),
                 _BON_CLASSEUR[:position] + remplacement + _BON_CLASSEUR[position + len(remplacement):]):
        chemin.write_bytes(brut)
        tables, problemes = lire_tables(chemin)
        assert tables or problemes
        assert all(str(p) for p in problemes)


def _graphe_textes(textes: list[str]) -> nx.MultiGraph:
    orgs = [org("a"), org("b", "nationale", "SN"), org("c", "internationale", "PE")]
    for o, t in zip(orgs, textes):
        o["nom"], o["description"], o["region"] = t or "x", t, t
    liens = [lien("a", "b"), lien("b", "c")]
    liens[0]["description"] = textes[-1]
    return construire(orgs, liens)


# Tout point de code, demi-codets (catégorie Cs) et contrôles compris.
_UNICODE = st.text(alphabet=st.characters(blacklist_categories=()), max_size=25)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_UNICODE, min_size=4, max_size=4))
def test_propriete_exports_xml_bien_formes(tmp_path, textes):
    """Tout texte unicode (contrôles, demi-codets compris) → GEXF et GraphML relus par un analyseur XML."""
    G = _graphe_textes(textes)
    for format_ in ("gexf", "graphml"):
        chemin = exporter(G, tmp_path / f"r.{format_}")
        ElementTree.parse(chemin)
        relu = nx.read_gexf(chemin) if format_ == "gexf" else nx.read_graphml(chemin)
        assert relu.number_of_nodes() == 3


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=25))
def test_propriete_figure_svg_bien_formee(tmp_path, texte):
    from reseau.rendu.figures import _enregistrer, _figure

    fig = _figure(3, 2)
    fig.text(0.1, 0.5, texte.replace("$", r"\$"))
    fig.suptitle(texte.replace("$", r"\$"))
    try:
        chemin = _enregistrer(fig, tmp_path / "f.svg", "svg")
    except (ValueError, RuntimeError):  # texte que matplotlib refuse de mettre en page (mathtext…)
        return
    ElementTree.parse(chemin)


def test_figures_svg_bien_formees_avec_controles(tmp_path):
    from reseau.rendu.figures import produire_figures

    G = _graphe_textes(["Coop\x0b\x01érative", "Réseau\x1b[31m", "\x00Ong", "lien\x02"])
    for chemin in produire_figures(G, tmp_path, format="svg"):
        ElementTree.parse(chemin)


def test_texte_xml_rend_un_texte_xml_valide():
    assert texte_xml("a\x00b\x0bc\ud800d\ufffee\tf\ng") == "abcde\tf\ng"


# --- Suggestions en temps quasi linéaire ----------------------------------------------------------

def test_suggestions_plafonnees():
    """2 000 identifiants inconnus sur 10 000 organisations : au plus SUGGESTIONS_MAX calculs de similarité
    (le coût reste borné ; pas de chronomètre dans les tests)."""
    n = 10_000
    orgs = Table("organisations.csv", ["id", "nom", "type", "echelle", "pays"],
                 [(i + 2, [f"org-{i:05d}", f"Organisation {i}", "ong", "locale", "CA"]) for i in range(n)])
    liens = Table("partenariats.csv", ["source", "cible", "type"],
                  [(i + 2, [f"org-{i:05d}", f"org-{i:05d}x", "cooperation"]) for i in range(2000)])
    vide = Table("partenariats.csv", ["source", "cible", "type"], [])
    ref = referentiel()
    assert not valider_tables({"organisations": orgs, "partenariats": vide}, ref).problemes
    res = valider_tables({"organisations": orgs, "partenariats": liens}, ref)
    assert len(res.problemes) == 2000
    suggerees = [p for p in res.problemes if p.suggestion]
    assert len(suggerees) == reglages.SUGGESTIONS_MAX and suggerees[0].suggestion == "org-00000"


# --- Écriture sûre ---------------------------------------------------------------------------------

def test_lien_vers_un_fichier_met_a_jour_le_fichier_vise(tmp_path):
    vise = tmp_path / "vise.json"
    vise.write_text("ancien")
    (tmp_path / "lien.json").symlink_to(vise)
    ecrire_atomique(tmp_path / "lien.json", "nouveau")
    assert (tmp_path / "lien.json").is_symlink() and vise.read_text() == "nouveau"


def test_peripherique_jamais_remplace():
    avant = os.stat("/dev/null")
    ecrire_atomique("/dev/null", "rien")
    apres = os.stat("/dev/null")
    assert stat.S_ISCHR(apres.st_mode) and (avant.st_ino, avant.st_rdev) == (apres.st_ino, apres.st_rdev)


def test_tube_nomme_recoit_l_ecriture(tmp_path):
    tube = tmp_path / "tube"
    os.mkfifo(tube)
    lecteur = subprocess.Popen(["cat", str(tube)], stdout=subprocess.PIPE)
    ecrire_atomique(tube, "par le tube\n")
    assert lecteur.communicate(timeout=10)[0] == b"par le tube\n"
    assert stat.S_ISFIFO(os.stat(tube).st_mode)


def test_dossier_lien_casse_et_lecture_seule_refuses(tmp_path):
    (tmp_path / "casse").symlink_to(tmp_path / "absent")
    protege = tmp_path / "protege.csv"
    protege.write_text("garde")
    protege.chmod(0o444)
    for cible, attendu in ((tmp_path, "dossier"), (tmp_path / "casse", "lien"), (protege, "lecture seule")):
        with pytest.raises(EcritureImpossible, match=attendu):
            ecrire_atomique(cible, "x")
    assert protege.read_text() == "garde" and (tmp_path / "casse").is_symlink()


def test_droits_conserves_sinon_umask(tmp_path):
    existant = tmp_path / "prive.json"
    existant.write_text("a")
    existant.chmod(0o600)
    ecrire_atomique(existant, "b")
    assert stat.S_IMODE(existant.stat().st_mode) == 0o600
    ancien = os.umask(0o077)
    try:
        ecrire_atomique(tmp_path / "neuf.json", "c")
    finally:
        os.umask(ancien)
    assert stat.S_IMODE((tmp_path / "neuf.json").stat().st_mode) == 0o600
    ancien = os.umask(0o022)
    try:
        ecrire_atomique(tmp_path / "neuf2.json", "c")
    finally:
        os.umask(ancien)
    assert stat.S_IMODE((tmp_path / "neuf2.json").stat().st_mode) == 0o644


def test_temporaire_orphelin_nettoye(tmp_path):
    orphelin = tmp_path / ".sortie.json.999999999.abcd.tmp"  # PID qui n'existe pas
    vivant = tmp_path / f".sortie.json.{os.getppid()}.efgh.tmp"  # processus vivant : on n'y touche pas
    etranger = tmp_path / ".sortie.json.abcd.tmp"  # ancien format, sans PID : ignoré
    for f in (orphelin, vivant, etranger):
        f.write_text("reste")
    ecrire_atomique(tmp_path / "sortie.json", "{}")
    assert not orphelin.exists() and vivant.exists() and etranger.exists()
    assert nettoyer_orphelins(tmp_path, "sortie.json") == []


@pytest.mark.parametrize("commande", [["analyser", "--format", "json"], ["regions"], ["carte"], ["exporter", "--format", "gexf"]])
def test_sortie_dans_un_dossier_code_2(tmp_path, commande):
    r = lancer(*commande, "-o", str(tmp_path))
    assert r.exit_code == 2 and "dossier" in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("commande", [["analyser", "--format", "json"], ["exporter", "--format", "graphml"], ["rapport"]])
def test_disque_plein_code_2(commande):
    r = lancer(*commande, "-o", "/dev/full")
    assert r.exit_code == 2 and "disque plein" in r.output and "-o" in r.output


def test_oserror_d_ecriture_code_2(monkeypatch, tmp_path):
    def plein(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reseau._fichiers.os.replace", plein)
    r = lancer("analyser", "--format", "csv", "-o", str(tmp_path / "a.csv"))
    assert r.exit_code == 2 and "disque plein" in r.output
    assert list(tmp_path.iterdir()) == []


def test_figures_dans_un_fichier_code_2(tmp_path):
    fichier = tmp_path / "f"
    fichier.write_text("x")
    r = lancer("figures", "-o", str(fichier / "sous"))
    assert r.exit_code == 2 and "Traceback" not in r.output


# --- Interruptions ------------------------------------------------------------------------------

_ECRITURE_LONGUE = """
import sys, time
from reseau._fichiers import fichier_atomique
with fichier_atomique(sys.argv[1]) as f:
    print("pret", flush=True)
    while True:
        f.write("x" * 1_000_000)
        time.sleep(0.01)
"""


@pytest.mark.parametrize("signal_", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_interruption_pendant_une_grosse_ecriture(tmp_path, signal_):
    cible = tmp_path / "grosse.txt"
    cible.write_text("ancienne")
    proc = subprocess.Popen([sys.executable, "-c", _ECRITURE_LONGUE, str(cible)], cwd=RACINE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "pret"
    time.sleep(0.3)
    proc.send_signal(signal_)
    proc.communicate(timeout=30)
    assert proc.returncode != 0
    assert [p.name for p in tmp_path.iterdir()] == ["grosse.txt"] and cible.read_text() == "ancienne"


_CLI_LENTE = """
import sys, time
import reseau.cli.commandes as c
from reseau._fichiers import fichier_atomique

def lente(chemin, texte):
    with fichier_atomique(chemin) as f:
        print("pret", file=sys.stderr, flush=True)
        while True:
            f.write(texte)
            time.sleep(0.01)

c.ecrire_atomique = lente
sys.argv = ["reseau", "regions", "--format", "csv", "-o", sys.argv[1]]
c.main()
"""


@pytest.mark.parametrize(("signal_", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_cli_interrompue_une_ligne_sans_trace(tmp_path, signal_, code):
    cible = tmp_path / "regions.csv"
    proc = subprocess.Popen([sys.executable, "-c", _CLI_LENTE, str(cible)], cwd=RACINE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stderr.readline().strip() == "pret"
    time.sleep(0.2)
    proc.send_signal(signal_)
    _, erreur = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert "Traceback" not in erreur and len(erreur.strip().splitlines()) == 1 and "Interrompu" in erreur
    assert list(tmp_path.iterdir()) == []


# --- Reproductibilité -----------------------------------------------------------------------------

def test_carte_identique_quelle_que_soit_la_graine_de_hachage(tmp_path):
    pages = []
    for graine in ("1", "2"):
        sortie = tmp_path / f"carte{graine}.html"
        env = {**os.environ, "PYTHONHASHSEED": graine}
        subprocess.run([sys.executable, "-m", "reseau", "carte", "-o", str(sortie)], cwd=RACINE, env=env,
                       check=True, capture_output=True)
        pages.append(sortie.read_bytes())
    assert pages[0] == pages[1]


def test_ecriture_interrompue_par_exception_ne_laisse_rien(tmp_path):
    with pytest.raises(RuntimeError), fichier_atomique(tmp_path / "x.txt") as f:
        f.write("début")
        raise RuntimeError("panne")
    assert list(tmp_path.iterdir()) == []


def test_module_de_reglages_documente():
    source = (RACINE / "reseau" / "reglages.py").read_text(encoding="utf-8")
    for nom in ("CLASSEUR_MAX_OCTETS", "LIGNES_MAX", "CELLULE_MAX", "SUGGESTIONS_MAX"):
        assert nom in source and isinstance(getattr(reglages, nom), int)
    assert textwrap.dedent(source).startswith('"""')


# --- Bornes et mémoire ----------------------------------------------------------------------------

def test_feuille_qui_annonce_trop_de_lignes(tmp_path):
    chemin = tmp_path / "c.xlsx"
    chemin.write_bytes(_classeur([["id", "nom", "type", "echelle", "pays"], *[[f"o{i}", "O", "ong", "locale", "CA"]
                                                                              for i in range(10)]],
                                 [["source", "cible", "type"], ["o1", "o2", "adhesion"]]))
    r = lancer("--lignes-max", "5", "valider", str(chemin))
    assert r.exit_code == 2 and "11 annoncées" in r.output and "--lignes-max" in r.output


def test_memoire_de_lecture_proportionnee(tmp_path):
    """Lecture d'un CSV de quelques Mo : au plus 8 fois sa taille en mémoire Python."""
    import tracemalloc

    from reseau.entrees.generateur import ecrire_jeu, generer

    ecrire_jeu(tmp_path, *generer(2000, None, 0))
    taille = sum(f.stat().st_size for f in tmp_path.iterdir())
    lire_tables(tmp_path)  # caches et imports paresseux chargés avant la mesure
    import gc

    gc.collect()
    tracemalloc.start()
    try:
        tables, problemes = lire_tables(tmp_path)
        pic = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not problemes and len(tables["partenariats"].lignes) == 10_000
    assert pic < 8 * taille, f"{pic / taille:.1f} fois la taille du fichier"


def test_fin_de_ligne_dans_un_nom_remplacee_par_une_espace(tmp_path):
    (tmp_path / "organisations.csv").write_text(
        'id,nom,type,echelle,pays,description\na,"Coop\r\nA",ong,locale,CA,"ligne 1\nligne 2"\nb,B,ong,locale,SN,\n')
    (tmp_path / "partenariats.csv").write_text("source,cible,type\na,b,adhesion\n")
    v = reseau.valider(tmp_path)
    assert v.valide
    assert v.organisations[0]["nom"] == "Coop A" and v.organisations[0]["description"] == "ligne 1\nligne 2"
