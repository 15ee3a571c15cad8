"""Lecture brute des fichiers : CSV tolérants (séparateur, encodage) et classeurs XLSX.

Ne juge pas le contenu : rend des tables de cellules texte, numérotées comme dans un
tableur (l'en-tête est la ligne 1), et les problèmes de fichier (vide, binaire…).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..erreurs import ParametreInvalide, Probleme
from .schema import ALIAS_ORGANISATIONS, ALIAS_PARTENARIATS, associer_entetes, cle

FEUILLES: dict[str, dict[str, tuple[str, ...]]] = {
    "organisations": ALIAS_ORGANISATIONS,
    "partenariats": ALIAS_PARTENARIATS,
}
# Autres noms acceptés pour les fichiers ou les feuilles.
_NOMS_FEUILLES = {
    "organisations": ("organisations", "organizations", "organisation", "organizaciones"),
    "partenariats": ("partenariats", "partnerships", "partenariat", "liens", "alianzas"),
}
_SEPARATEURS = (";", ",", "\t")
# Caractères de contrôle (catégorie Unicode Cc) hors tabulation et fins de ligne, et U+FFFD.
_CONTROLES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


@dataclass
class Table:
    """Une feuille lue : en-têtes et lignes ``(numéro, cellules)``."""

    fichier: str
    entetes: list[str] = field(default_factory=list)
    lignes: list[tuple[int, list[str]]] = field(default_factory=list)
    # Après préparation : en-têtes du fichier et ceux qui n'ont pas été reconnus.
    origine: list[str] = field(default_factory=list)
    ignorees: list[str] = field(default_factory=list)


def _probleme(fichier: str, message: str) -> Probleme:
    return Probleme(fichier, None, None, None, message)


def decoder(brut: bytes, fichier: str) -> str | Probleme:
    """Décode un CSV : UTF-8 (avec ou sans BOM), UTF-16 avec BOM, sinon Windows-1252.

    >>> decoder("Échelle".encode("cp1252"), "f.csv")
    'Échelle'
    >>> print(decoder(b"", "f.csv"))
    f.csv : fichier vide — il faut au moins une ligne d'en-têtes
    """
    if not brut.strip():
        return _probleme(fichier, "fichier vide — il faut au moins une ligne d'en-têtes")
    if brut.startswith(b"PK\x03\x04"):
        return _probleme(
            fichier, "ce fichier est un classeur compressé (xlsx ?), pas un CSV — "
            "donnez-lui l'extension .xlsx ou enregistrez-le en CSV",
        )
    if brut.startswith((b"\xff\xfe", b"\xfe\xff")):
        texte = brut.decode("utf-16", errors="replace")
    else:
        try:
            texte = brut.decode("utf-8-sig")
        except UnicodeDecodeError:
            texte = brut.decode("cp1252", errors="replace")
    controles = len(_CONTROLES.findall(texte))
    if controles > max(2, len(texte) // 100):
        return _probleme(
            fichier, "ce fichier n'est pas du texte (contenu binaire) — un CSV est attendu"
        )
    return texte.replace("\x00", "")


def _premiere_ligne(texte: str) -> str:
    for ligne in texte.splitlines():
        if ligne.strip():
            return ligne
    return ""


def _separateur(texte: str, alias: dict[str, tuple[str, ...]]) -> str:
    """Le séparateur qui fait reconnaître le plus de colonnes dans l'en-tête."""
    entete = _premiere_ligne(texte)

    def score(sep: str) -> tuple[int, int]:
        cellules = next(csv.reader([entete], delimiter=sep), [])
        return len(associer_entetes(cellules, alias)), len(cellules)

    return max(_SEPARATEURS, key=score)


def lire_entetes(chemin: Path, alias: dict[str, tuple[str, ...]]) -> list[str]:
    """Les en-têtes d'un CSV (vide s'il est illisible), sans analyser les lignes."""
    try:
        texte = decoder(chemin.read_bytes(), str(chemin))
    except OSError:
        return []
    if isinstance(texte, Probleme):
        return []
    entete = _premiere_ligne(texte)
    return [c.strip() for c in next(csv.reader([entete], delimiter=_separateur(texte, alias)), [])]


def _vide(cellules: list[str]) -> bool:
    return not any(c.strip() for c in cellules)


def lire_csv(chemin: Path, fichier: str, alias: dict[str, tuple[str, ...]]) -> Table | Probleme:
    """Lit un CSV tolérant ; rend la table ou le problème qui l'empêche."""
    try:
        brut = chemin.read_bytes()
    except OSError as exc:
        return _probleme(fichier, f"lecture impossible ({exc.strerror or exc})")
    texte = decoder(brut, fichier)
    if isinstance(texte, Probleme):
        return texte
    table = Table(fichier)
    try:
        lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=_separateur(texte, alias))
        numero = 0
        for cellules in lecteur:
            numero += 1
            if not table.entetes:
                if _vide(cellules):
                    continue
                table.entetes = [c.strip() for c in cellules]
            elif not _vide(cellules):
                table.lignes.append((numero, cellules))
    except csv.Error as exc:
        return _probleme(fichier, f"CSV mal formé ({exc})")
    if not table.entetes:
        return _probleme(fichier, "fichier vide — il faut au moins une ligne d'en-têtes")
    return table


def texte_cellule(valeur: object) -> str:
    """Texte d'une cellule : vide pour ``None``, ``vrai``/``faux``, nombres sans ``.0`` inutile."""
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "vrai" if valeur else "faux"
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    return str(valeur)


def lire_xlsx(chemin: Path) -> tuple[dict[str, Table], list[Probleme]]:
    """Lit les feuilles ``organisations`` et ``partenariats`` d'un classeur."""
    from openpyxl import load_workbook

    fichier = str(chemin)
    try:
        classeur = load_workbook(chemin, read_only=True, data_only=True)
    except Exception as exc:  # format tiers : toute erreur d'ouverture devient un problème
        return {}, [_probleme(fichier, f"classeur illisible ({type(exc).__name__}) — un .xlsx est attendu")]
    tables: dict[str, Table] = {}
    problemes: list[Probleme] = []
    feuilles = {cle(nom): nom for nom in classeur.sheetnames}
    for nom, synonymes in _NOMS_FEUILLES.items():
        trouvee = next((feuilles[s] for s in synonymes if s in feuilles), None)
        if trouvee is None:
            problemes.append(_probleme(
                fichier, f"feuille « {nom} » absente (feuilles : {', '.join(classeur.sheetnames)})"
            ))
            continue
        table = Table(f"{fichier} [{trouvee}]")
        for numero, valeurs in enumerate(classeur[trouvee].iter_rows(values_only=True), start=1):
            cellules = [texte_cellule(v) for v in valeurs]
            if _vide(cellules):
                continue
            if not table.entetes:
                table.entetes = [c.strip() for c in cellules]
            else:
                table.lignes.append((numero, cellules))
        if not table.entetes:
            problemes.append(_probleme(table.fichier, "feuille vide — il faut une ligne d'en-têtes"))
        else:
            tables[nom] = table
    classeur.close()
    return tables, problemes


def fichier_dans(dossier: Path, nom: str) -> Path | None:
    """Le CSV ``nom`` (``organisations`` ou ``partenariats``, ou un synonyme) du dossier."""
    synonymes = _NOMS_FEUILLES[nom]
    for candidat in sorted(dossier.iterdir()):
        if candidat.is_file() and candidat.suffix.lower() in (".csv", ".txt") and cle(candidat.stem) in synonymes:
            return candidat
    return None


def lire_tables(chemin: Path) -> tuple[dict[str, Table], list[Probleme]]:
    """Lit un jeu (dossier de deux CSV, ou classeur XLSX) en tables brutes."""
    if not chemin.exists():
        raise ParametreInvalide(
            f"« {chemin} » n'existe pas — donnez un dossier contenant organisations.csv "
            "et partenariats.csv, ou un classeur .xlsx"
        )
    if chemin.is_file():
        if chemin.suffix.lower() in (".xlsx", ".xlsm"):
            return lire_xlsx(chemin)
        raise ParametreInvalide(
            f"« {chemin} » n'est ni un dossier, ni un classeur .xlsx, ni un CSV ESSGlobal — donnez "
            "le dossier qui contient organisations.csv et partenariats.csv"
        )
    tables: dict[str, Table] = {}
    problemes: list[Probleme] = []
    for nom, alias in FEUILLES.items():
        fichier = fichier_dans(chemin, nom)
        if fichier is None:
            problemes.append(_probleme(str(chemin), f"fichier {nom}.csv absent du dossier"))
            continue
        lu = lire_csv(fichier, str(fichier), alias)
        if isinstance(lu, Probleme):
            problemes.append(lu)
        else:
            tables[nom] = lu
    return tables, problemes
