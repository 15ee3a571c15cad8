"""Lecteur XLSX rapide (calamine) : mêmes tables et mêmes messages que l'ancienne lecture par openpyxl.

L'ancienne lecture est gardée ici (``ancienne_lecture``), telle qu'elle était dans ``lecture.lire_xlsx``.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from reseau import reglages
from reseau.entrees import lecture
from reseau.entrees.lecture import Table, lire_xlsx
from reseau.entrees.schema import cle
from reseau.erreurs import Probleme

DONNEES = Path(__file__).parent / "donnees"
CLASSEURS = sorted(DONNEES.rglob("*.xlsx"))
_FORMULE_XML = re.compile(rb"<(?:\w+:)?f[\s>/]")


# --- L'ancienne lecture (openpyxl), pour comparer ----------------------------------------------------

def _a_des_formules(classeur, feuille) -> bool:
    with classeur._archive.open(feuille._worksheet_path) as f:
        return _FORMULE_XML.search(f.read()) is not None


def _ancienne_feuille(chemin: Path, classeur, nom: str, fichier: str) -> Table | Probleme:
    feuille = classeur[nom]
    annoncees = feuille.max_row
    if isinstance(annoncees, int) and annoncees > reglages.LIGNES_MAX:
        return lecture._borne(f"{fichier} [{nom}]", None, f"trop de lignes ({annoncees} annoncées par la feuille)",
                              "LIGNES_MAX", reglages.LIGNES_MAX, " lignes")
    if not _a_des_formules(classeur, feuille):
        return lecture._remplir(Table(f"{fichier} [{nom}]"), feuille.iter_rows(values_only=True), None)
    avec_formules = load_workbook(chemin, read_only=True, data_only=False)
    try:
        return lecture._remplir(Table(f"{fichier} [{nom}]"), feuille.iter_rows(values_only=True),
                                avec_formules[nom].iter_rows(values_only=True))
    finally:
        avec_formules.close()


def ancienne_lecture(chemin: Path) -> tuple[dict[str, Table], list[Probleme]]:
    fichier = str(chemin)
    tables: dict[str, Table] = {}
    problemes: list[Probleme] = []
    try:
        trop = lecture._taille_decompressee(chemin, fichier)
        if trop is not None:
            return {}, [trop]
        classeur = load_workbook(chemin, read_only=True, data_only=True)
    except Exception as exc:
        return {}, [lecture._illisible(fichier, exc)]
    try:
        feuilles = {cle(nom): nom for nom in classeur.sheetnames}
        for nom, synonymes in lecture._NOMS_FEUILLES.items():
            trouvee = next((feuilles[s] for s in synonymes if s in feuilles), None)
            if trouvee is None:
                problemes.append(lecture._probleme(
                    fichier, f"feuille « {nom} » absente (feuilles : {', '.join(classeur.sheetnames)})"))
                continue
            lue = _ancienne_feuille(chemin, classeur, trouvee, fichier)
            if isinstance(lue, Probleme):
                problemes.append(lue)
            elif not lue.entetes:
                problemes.append(lecture._probleme(lue.fichier, "feuille vide — il faut une ligne d'en-têtes"))
            else:
                tables[nom] = lue
    except Exception as exc:
        return {}, [lecture._illisible(fichier, exc)]
    finally:
        classeur.close()
    return tables, problemes


def _sans_fin_vide(cellules: list[str]) -> list[str]:
    while cellules and cellules[-1] == "":
        cellules = cellules[:-1]
    return cellules


def _empreinte(lu: tuple[dict[str, Table], list[Probleme]], fins_vides: bool = False) -> tuple:
    """Ce qui doit être identique ; ``fins_vides`` : sans les cellules vides en fin de rangée."""
    tables, problemes = lu
    rogner = _sans_fin_vide if fins_vides else list
    return (
        {nom: (t.fichier, rogner(t.entetes), [(n, rogner(c)) for n, c in t.lignes], [str(a) for a in t.avertissements],
               t.formules) for nom, t in tables.items()},
        [str(p) for p in problemes],
    )


def _illisible(lu: tuple[dict[str, Table], list[Probleme]]) -> bool:
    return lu[1][:1] != [] and lu[1][0].message.startswith("classeur illisible : ")


def comparer(chemin: Path, fins_vides: bool = False) -> None:
    """Ancienne et nouvelle lecture identiques. ``fins_vides`` (feuilles sans dimension) : openpyxl arrête
    chaque rangée à la dernière cellule écrite, même vide ; calamine ne voit que les cellules remplies —
    les cellules vides de fin de rangée ne sont alors pas comparées."""
    ancienne, nouvelle = ancienne_lecture(chemin), lire_xlsx(chemin)
    if _illisible(ancienne):  # le détail vient de la bibliothèque : seul le message commun est comparé
        assert _illisible(nouvelle) and not nouvelle[0]
        return
    assert _empreinte(nouvelle, fins_vides) == _empreinte(ancienne, fins_vides)


# --- Classeurs en chaînes partagées (comme Excel et LibreOffice ; openpyxl écrit des chaînes en ligne) -----

_EN_LIGNE = re.compile(rb'<c([^>]*?) t="inlineStr"><is>(.*?)</is></c>', re.DOTALL)


def en_chaines_partagees(source: Path, cible: Path) -> Path:
    """Le même classeur, ses textes déplacés dans ``xl/sharedStrings.xml``."""
    partagees: list[bytes] = []

    def remplacer(m: re.Match) -> bytes:
        partagees.append(m.group(2))
        return b'<c%s t="s"><v>%d</v></c>' % (m.group(1), len(partagees) - 1)

    with zipfile.ZipFile(source) as entree, zipfile.ZipFile(cible, "w", zipfile.ZIP_DEFLATED) as sortie:
        for info in entree.infolist():
            donnees = entree.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                donnees = _EN_LIGNE.sub(remplacer, donnees)
            elif info.filename == "[Content_Types].xml":
                donnees = donnees.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                          b'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
                                          b'+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                donnees = donnees.replace(b"</Relationships>", b'<Relationship Id="rIdChaines" Type="http://schemas.'
                                          b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                          b'Target="sharedStrings.xml"/></Relationships>')
            sortie.writestr(info, donnees)
        sortie.writestr("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                        b'openxmlformats.org/spreadsheetml/2006/main">'
                        + b"".join(b"<si>%s</si>" % p for p in partagees) + b"</sst>")
    return cible


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension [^>]*/>")


def sans_dimension(source: Path, cible: Path) -> Path:
    """Le même classeur, sans la dimension des feuilles (certains logiciels ne l'écrivent pas)."""
    with zipfile.ZipFile(source) as entree, zipfile.ZipFile(cible, "w", zipfile.ZIP_DEFLATED) as sortie:
        for info in entree.infolist():
            donnees = entree.read(info.filename)
            sortie.writestr(info, _DIMENSION.sub(b"", donnees) if info.filename.startswith("xl/worksheets/") else donnees)
    return cible


# --- Les classeurs des tests --------------------------------------------------------------------------

def test_il_y_a_des_classeurs_a_comparer():
    assert len(CLASSEURS) >= 5


@pytest.mark.parametrize("chemin", CLASSEURS, ids=lambda c: c.name)
def test_classeurs_des_tests_lus_comme_avant(chemin, tmp_path):
    comparer(chemin)
    if zipfile.is_zipfile(chemin):
        comparer(en_chaines_partagees(chemin, tmp_path / chemin.name))
        comparer(sans_dimension(chemin, tmp_path / f"sans-dimension-{chemin.name}"), fins_vides=True)


@pytest.mark.parametrize("limite", [1, 3, 10])
def test_bornes_de_lignes_comme_avant(monkeypatch, limite):
    monkeypatch.setattr(reglages, "LIGNES_MAX", limite)
    for chemin in CLASSEURS:
        comparer(chemin)


def test_borne_de_cellule_comme_avant(monkeypatch, tmp_path):
    monkeypatch.setattr(reglages, "CELLULE_MAX", 5)
    classeur = _classeur([["id", "nom"], ["a", "x" * 6]], [["source", "cible"]])
    classeur.save(tmp_path / "c.xlsx")
    comparer(tmp_path / "c.xlsx")
    assert "cellule de 6 caractères (colonne 2)" in str(lire_xlsx(tmp_path / "c.xlsx")[1][0])


def test_classeur_trop_gros_comme_avant(monkeypatch):
    monkeypatch.setattr(reglages, "CLASSEUR_MAX_OCTETS", 1000)
    for chemin in CLASSEURS:
        comparer(chemin)


def test_lecteur_rapide_utilise_sans_formule(monkeypatch, tmp_path):
    """Un classeur ordinaire (textes, nombres, dates) ne passe pas par openpyxl."""
    def interdit(*args, **kwargs):
        raise AssertionError("openpyxl utilisé")

    monkeypatch.setattr(lecture, "_lire_feuille_openpyxl", interdit)
    classeur = _classeur([["id", "nom", "date"], ["a", "Économie", dt.datetime(2024, 5, 1)], ["b", 12, 3.5]],
                         [["source", "cible"], ["a", "b"]])
    classeur.save(tmp_path / "c.xlsx")
    tables, problemes = lire_xlsx(en_chaines_partagees(tmp_path / "c.xlsx", tmp_path / "p.xlsx"))
    assert not problemes
    assert tables["organisations"].lignes == [(2, ["a", "Économie", "2024-05-01 00:00:00"]), (3, ["b", "12", "3.5"])]


def test_formule_sans_valeur_signalee_par_openpyxl(tmp_path):
    classeur = _classeur([["id", "nom"], ["a", "=CONCATENATE(\"a\",\"b\")"]], [["source", "cible"]])
    classeur.save(tmp_path / "c.xlsx")
    tables, _ = lire_xlsx(tmp_path / "c.xlsx")
    assert tables["organisations"].formules == {(2, 1): '=CONCATENATE("a","b")'}
    comparer(tmp_path / "c.xlsx")


def test_classeur_illisible(tmp_path):
    chemin = tmp_path / "c.xlsx"
    for brut in (b"PK\x03\x04pas un zip", b"", (CLASSEURS[0]).read_bytes()[:400]):
        chemin.write_bytes(brut)
        tables, problemes = lire_xlsx(chemin)
        assert not tables and len(problemes) == 1 and problemes[0].message.startswith("classeur illisible : ")


def test_classeur_que_seul_openpyxl_sait_ouvrir(tmp_path):
    """Classeur sans ``_rels/.rels``, sa partie principale déplacée (trouvée par openpyxl au type de contenu) :
    lu par openpyxl, comme avant, et reconnu comme classeur du contrat."""
    import reseau

    cible = tmp_path / "deplace.xlsx"
    with zipfile.ZipFile(DONNEES / "malformees" / "controles.xlsx") as entree, zipfile.ZipFile(cible, "w") as sortie:
        for info in entree.infolist():
            donnees, nom = entree.read(info.filename), info.filename
            if nom == "_rels/.rels":
                continue
            nom = {"xl/workbook.xml": "xl/classeur.xml", "xl/_rels/workbook.xml.rels": "xl/_rels/classeur.xml.rels"}.get(nom, nom)
            sortie.writestr(nom, donnees.replace(b"/xl/workbook.xml", b"/xl/classeur.xml"))
    assert lecture.noms_feuilles_xlsx(cible) is None
    comparer(cible)
    v = reseau.valider(cible)  # par lecture.lire_xlsx : « _x000B_ » décodé puis retiré, avertissement situé
    assert v.valide and {o["id"]: o["nom"] for o in v.organisations}["a"] == "Coop érative A"
    assert [a.ligne for a in v.avertissements if "contrôle" in a.message] == [2]


def test_feuilles_en_plus_et_synonymes(tmp_path):
    classeur = Workbook()
    classeur.active.title = "Lisez-moi"
    classeur.active["A1"] = "texte"
    classeur.create_sheet("Partnerships").append(["source", "cible"])
    classeur.create_sheet("Organizations").append(["id", "nom"])
    classeur.create_sheet("listes").append(["x"])
    classeur.save(tmp_path / "c.xlsx")
    comparer(tmp_path / "c.xlsx")
    classeur.remove(classeur["Organizations"])
    classeur.save(tmp_path / "d.xlsx")
    comparer(tmp_path / "d.xlsx")
    assert "feuille « organisations » absente" in str(lire_xlsx(tmp_path / "d.xlsx")[1][0])


# --- Classeurs tirés au hasard ------------------------------------------------------------------------

def _classeur(organisations: list[list], partenariats: list[list]) -> Workbook:
    classeur = Workbook()
    classeur.remove(classeur.active)
    for nom, lignes in (("organisations", organisations), ("partenariats", partenariats)):
        feuille = classeur.create_sheet(nom)
        for ligne in lignes:
            feuille.append(ligne)
    return classeur


# Ce qu'openpyxl refuse d'écrire (caractères interdits en XML).
_ILLEGAUX = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))]
_TEXTE = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=_ILLEGAUX), max_size=15)
_FORMATS = ["General", "0", "0.00", "0%", "dd/mm/yyyy", "yyyy-mm-dd hh:mm:ss", "hh:mm", "[h]:mm:ss", "d mmmm yyyy",
            "mmm-yy", '#,##0 "€"', "@", "0.00E+00", "[$-40C]d mmmm yyyy;@"]
_VALEUR = st.one_of(
    st.none(), _TEXTE, st.integers(-(2**53), 2**53), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.datetimes(dt.datetime(1800, 1, 1), dt.datetime(9999, 12, 30)), st.dates(dt.date(1800, 1, 1)),
    st.times(), st.timedeltas(dt.timedelta(0), dt.timedelta(days=1000)),
    st.sampled_from(["Chantier de l'économie sociale", "ÉCONOMIE", "  espaces  ", " ", "a\nb", "a\r\nb",
                     "_x000B_", "a_x000D_b", "_x001B_[31m", "=1+1", "=A2&\"x\"", "ong", "CA", "0012", "1e3",
                     "vrai", "#N/A"]),
)
_LIGNES = st.lists(st.lists(_VALEUR, max_size=8), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_LIGNES, _LIGNES, st.lists(st.sampled_from(_FORMATS), min_size=1, max_size=5), st.integers(0, 3),
       st.integers(0, 2), st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_propriete_meme_lecture_qu_openpyxl(tmp_path, organisations, partenariats, formats, vides_haut,
                                           vides_gauche, partagees, feuille_en_plus, epoque_1904, dimension):
    """Nombres, dates, textes accentués, cellules vides, lignes et colonnes vides en tête, formules,
    feuilles en plus, formats de nombre, calendrier 1904, chaînes en ligne ou partagées, avec ou sans
    dimension des feuilles : même lecture."""
    classeur = Workbook()
    classeur.remove(classeur.active)
    if epoque_1904:
        classeur.epoch = CALENDAR_MAC_1904
    if feuille_en_plus:
        classeur.create_sheet("Lisez-moi")["B2"] = "Remplissez les feuilles"
    for nom, lignes in (("organisations", organisations), ("partenariats", partenariats)):
        feuille = classeur.create_sheet(nom)
        for r, ligne in enumerate([["id", "nom", "type"], *lignes], start=1 + vides_haut):
            for c, valeur in enumerate(ligne, start=1 + vides_gauche):
                cellule = feuille.cell(r, c, valeur)
                if valeur is not None and not isinstance(valeur, str):
                    cellule.number_format = formats[(r + c) % len(formats)]
    chemin = tmp_path / "c.xlsx"
    classeur.save(chemin)
    if partagees:
        chemin = en_chaines_partagees(chemin, tmp_path / "p.xlsx")
    if not dimension:
        chemin = sans_dimension(chemin, tmp_path / "d.xlsx")
    comparer(chemin, fins_vides=not dimension)
