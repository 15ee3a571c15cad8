"""Lecture brute des fichiers : CSV tolérants (séparateur, encodage) et classeurs XLSX (calamine, openpyxl en repli).

Ne juge pas le contenu : rend des tables de cellules texte, numérotées comme dans un
tableur (l'en-tête est la ligne 1), et les problèmes de fichier (vide, binaire…).
"""

from __future__ import annotations

import csv
import posixpath
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import reseau.reglages as reglages

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
# Caractères retirés des cellules au chargement : contrôles (sauf tabulation et fins de ligne),
# demi-codets et non-caractères ; les sauts de Word et d'Excel (VT, FF, NEL) deviennent une espace.
_A_RETIRER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_EN_ESPACE = {"\x0b": " ", "\x0c": " ", "\x85": " "}
_FINS = re.compile(r"\r\n|\r|\n")
# Première ligne « sep=; » écrite par Excel pour annoncer le séparateur.
_SEP_EXCEL = re.compile(r"\s*sep=(.)\s*$", re.IGNORECASE)
# Échappement OOXML d'un caractère dans le texte d'une cellule (« _x000B_ » : saut de ligne de Word).
_ECHAPPEMENT_XLSX = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass
class Table:
    """Une feuille lue : en-têtes et lignes ``(numéro, cellules)``."""

    fichier: str
    entetes: list[str] = field(default_factory=list)
    lignes: list[tuple[int, list[str]]] = field(default_factory=list)
    # Avertissements de lecture (caractères retirés, encodage mélangé…), situés.
    avertissements: list[Probleme] = field(default_factory=list)
    # Cellules formule sans valeur calculée : (ligne, indice de colonne) → formule.
    formules: dict[tuple[int, int], str] = field(default_factory=dict)
    # Après préparation : en-têtes du fichier et ceux qui n'ont pas été reconnus.
    origine: list[str] = field(default_factory=list)
    ignorees: list[str] = field(default_factory=list)


def lignes_physiques(texte: str) -> Iterator[str]:
    """Les lignes du texte, fin comprise (``\\r\\n``, ``\\r`` ou ``\\n``), sans copier le texte entier.

    >>> list(lignes_physiques("a\\r\\nb\\x0bc\\rd"))
    ['a\\r\\n', 'b\\x0bc\\r', 'd']
    """
    debut = 0
    for fin in _FINS.finditer(texte):
        yield texte[debut:fin.end()]
        debut = fin.end()
    if debut < len(texte):
        yield texte[debut:]


def _lignes_par_blocs(texte: str, taille: int = 1 << 20) -> Iterator[str]:
    r"""Les lignes de ``texte.splitlines(keepends=True)``, découpées par blocs d'environ ``taille``
    caractères coupés après un ``\n`` (jamais au milieu d'un ``\r\n``) : pas de liste entière en mémoire.

    >>> list(_lignes_par_blocs("a\r\nb\rc\nd", 2))
    ['a\r\n', 'b\r', 'c\n', 'd']
    """
    debut, n = 0, len(texte)
    while debut < n:
        fin = texte.find("\n", debut + taille)
        fin = n if fin < 0 else fin + 1
        yield from texte[debut:fin].splitlines(keepends=True)
        debut = fin


def consommer(lignes: list) -> Iterator:
    """Les lignes une à une, chacune lâchée dès lue (la liste est vide à la fin) : la copie
    suivante d'une grande table ne coexiste pas en entier avec celle-ci."""
    for i in range(len(lignes)):
        ligne = lignes[i]
        lignes[i] = None
        yield ligne
    lignes.clear()


def _liste_lignes(numeros: list[int]) -> str:
    texte = ", ".join(str(n) for n in numeros[:10])
    return texte + (f" et {len(numeros) - 10} autres" if len(numeros) > 10 else "")


def nettoyer_cellules(table: Table, numero: int, cellules: list[str]) -> list[str]:
    """Les cellules sans caractères de contrôle ; un avertissement par cellule touchée."""
    propres = list(cellules)
    for i, cellule in enumerate(cellules):
        if not _A_RETIRER.search(cellule):
            continue
        retires = sorted({f"U+{ord(c):04X}" for c in _A_RETIRER.findall(cellule)})
        propres[i] = _A_RETIRER.sub(lambda m: _EN_ESPACE.get(m.group(), ""), cellule)
        colonne = table.entetes[i] if i < len(table.entetes) else None
        table.avertissements.append(Probleme(
            table.fichier, numero, colonne or None, propres[i][:80],
            f"caractère(s) de contrôle retiré(s) ({', '.join(retires)}) — vérifiez la cellule",
        ))
    return propres


def _borne(fichier: str, ligne: int | None, quoi: str, reglage: str, valeur: int, unite: str = "") -> Probleme:
    """Problème « au-delà de la limite », avec l'option qui la relève."""
    return Probleme(
        fichier, ligne, None, None,
        f"{quoi} : au-delà de la limite de {valeur}{unite} — relevez-la avec « reseau {reglages.OPTIONS[reglage]} N … »",
    )


def _probleme(fichier: str, message: str) -> Probleme:
    return Probleme(fichier, None, None, None, message)


def _decoder_par_ligne(brut: bytes) -> tuple[str, list[int]]:
    """UTF-8 ligne par ligne, Windows-1252 pour les lignes qui ne sont pas de l'UTF-8.

    Rend le texte et les numéros des lignes décodées en Windows-1252 ; si aucune ligne n'a de
    caractère UTF-8 non ASCII, le fichier entier est en Windows-1252 (liste vide).
    """
    morceaux: list[str] = []
    autres: list[int] = []
    utf8 = False
    for numero, ligne in enumerate(brut.splitlines(keepends=True), start=1):
        try:
            morceaux.append(ligne.decode("utf-8-sig" if numero == 1 else "utf-8"))
            utf8 = utf8 or not ligne.isascii()
        except UnicodeDecodeError:
            morceaux.append(ligne.decode("cp1252", errors="replace"))
            autres.append(numero)
    if not utf8:
        return brut.decode("cp1252", errors="replace"), []
    return "".join(morceaux), autres


def decoder(brut: bytes, fichier: str, avertissements: list[Probleme] | None = None) -> str | Probleme:
    """Décode un CSV : UTF-8 (avec ou sans BOM), UTF-16 avec BOM, sinon Windows-1252 ; un fichier
    UTF-8 dont quelques lignes sont en Windows-1252 est décodé ligne par ligne (avertissement
    ajouté à ``avertissements``, qui nomme les lignes).

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
            texte, autres = _decoder_par_ligne(brut)
            if autres and avertissements is not None:
                avertissements.append(Probleme(
                    fichier, autres[0], None, None,
                    f"encodage mélangé : ligne(s) {_liste_lignes(autres)} en Windows-1252, le reste en UTF-8 — "
                    "lues comme telles ; vérifiez les accents de ces lignes et enregistrez le fichier en UTF-8",
                ))
    controles = sum(1 for _ in _CONTROLES.finditer(texte))
    # Binaire : plus de 5 % de caractères de contrôle (quelques-uns dans un texte sont retirés ligne par ligne).
    if controles > max(8, len(texte) // 20):
        return _probleme(
            fichier, "ce fichier n'est pas du texte (contenu binaire) — un CSV est attendu"
        )
    return texte.replace("\x00", "") if "\x00" in texte else texte


def _premiere_ligne(texte: str) -> str:
    """La première ligne non vide, hors ligne « sep=; » d'Excel."""
    for ligne in lignes_physiques(texte):
        if ligne.strip() and not _SEP_EXCEL.match(ligne):
            return ligne.rstrip("\r\n")
    return ""


def _sep_excel(texte: str) -> str | None:
    """Le séparateur annoncé par une première ligne « sep=; » (Excel), ou ``None``.

    >>> _sep_excel("sep=;\\nid;nom\\n"), _sep_excel("id;nom\\n")
    (';', None)
    """
    premiere = next(lignes_physiques(texte[:64]), "")
    trouve = _SEP_EXCEL.match(premiere.rstrip("\r\n"))
    return trouve.group(1) if trouve else None


def _separateur(texte: str, alias: dict[str, tuple[str, ...]]) -> str:
    """Le séparateur annoncé (« sep=; »), sinon celui qui fait reconnaître le plus de colonnes."""
    annonce = _sep_excel(texte)
    if annonce is not None:
        return annonce
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


def _guillemet_ouvert(texte: str, debut: int) -> bool:
    """Vrai si, à partir de la ligne physique ``debut``, le texte a un nombre impair de guillemets."""
    guillemets = 0
    for numero, ligne in enumerate(lignes_physiques(texte), start=1):
        if numero >= debut:
            guillemets += ligne.count('"')
    return guillemets % 2 == 1


def lire_csv(chemin: Path, fichier: str, alias: dict[str, tuple[str, ...]]) -> Table | Probleme:
    """Lit un CSV tolérant ; rend la table ou le problème qui l'empêche.

    Bornes (:mod:`reseau.reglages`) : ``LIGNES_MAX`` lignes, ``CELLULE_MAX`` caractères par cellule.
    """
    try:
        brut = chemin.read_bytes()
    except OSError as exc:
        return _probleme(fichier, f"lecture impossible ({exc.strerror or exc})")
    table = Table(fichier)
    texte = decoder(brut, fichier, table.avertissements)
    del brut
    if isinstance(texte, Probleme):
        return texte
    separateur = _separateur(texte, alias)
    sep_excel = _sep_excel(texte) is not None
    a_nettoyer = _A_RETIRER.search(texte) is not None
    ancienne_limite = csv.field_size_limit()
    csv.field_size_limit(reglages.CELLULE_MAX)
    # splitlines coupe aussi sur VT, FF, FS, GS, RS, NEL, U+2028 et U+2029 : seulement en leur absence
    # (a_nettoyer couvre les six premiers) rend-il les mêmes lignes que lignes_physiques, en C.
    simple = not a_nettoyer and "\u2028" not in texte and "\u2029" not in texte
    lecteur = csv.reader(_lignes_par_blocs(texte) if simple else lignes_physiques(texte), delimiter=separateur)
    intern = sys.intern
    # numero : rang de l'enregistrement, comme dans un tableur (la ligne « sep=; » ne compte pas) ;
    # debut : ligne physique où il commence.
    numero, debut, physique = 0, 1, 1
    try:
        for cellules in lecteur:
            debut, physique = physique, lecteur.line_num + 1
            if sep_excel and debut == 1:
                continue
            numero += 1
            if numero > reglages.LIGNES_MAX:
                return _borne(fichier, numero, "trop de lignes", "LIGNES_MAX", reglages.LIGNES_MAX, " lignes")
            if a_nettoyer:
                cellules = nettoyer_cellules(table, numero, cellules)
            if not table.entetes:
                if _vide(cellules):
                    continue
                table.entetes = [c.strip() for c in cellules]
            elif "".join(cellules).strip():  # = not _vide(cellules), sans une fonction par cellule
                # Valeurs répétées (type, échelle, pays, référence…) : une seule copie en mémoire (les longs textes,
                # souvent uniques, ne chargent pas la table des chaînes partagées).
                table.lignes.append((numero, [intern(c) if len(c) <= 64 else c for c in cellules]))
        # Une cellule entre guillemets qui court jusqu'à la fin du fichier : guillemet non fermé.
        if debut < lecteur.line_num and _guillemet_ouvert(texte, debut):
            return _non_ferme(fichier, numero, debut)
    except csv.Error as exc:
        numero += 1
        if "field larger than field limit" in str(exc):
            if _guillemet_ouvert(texte, physique):
                return _non_ferme(fichier, numero, physique)
            return _borne(fichier, numero, f"cellule de plus de {reglages.CELLULE_MAX} caractères",
                          "CELLULE_MAX", reglages.CELLULE_MAX, " caractères")
        return Probleme(fichier, numero, None, None, f"CSV mal formé ({exc}) — vérifiez les guillemets et les séparateurs")
    finally:
        csv.field_size_limit(ancienne_limite)
    if not table.entetes:
        return _probleme(fichier, "fichier vide — il faut au moins une ligne d'en-têtes")
    return table


def _non_ferme(fichier: str, ligne: int, physique: int) -> Probleme:
    ou = "" if physique == ligne else f" (ligne {physique} du texte)"
    return Probleme(
        fichier, ligne, None, None,
        f"guillemet non fermé : la cellule ouverte par « \" » sur cette ligne{ou} court jusqu'à la fin "
        "du fichier — fermez le guillemet ou retirez-le",
    )


def texte_cellule(valeur: object) -> str:
    """Texte d'une cellule : vide pour ``None``, ``vrai``/``faux``, nombres sans ``.0`` inutile."""
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "vrai" if valeur else "faux"
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    return str(valeur)


def _illisible(fichier: str, exc: BaseException) -> Probleme:
    detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
    return _probleme(
        fichier, f"classeur illisible : {detail} ({type(exc).__name__}) — ouvrez-le dans Excel ou LibreOffice "
        "et enregistrez-le de nouveau au format .xlsx",
    )


def _taille_decompressee(chemin: Path, fichier: str) -> Probleme | None:
    """Refuse un classeur dont le contenu décompressé dépasse ``CLASSEUR_MAX_OCTETS``."""
    with zipfile.ZipFile(chemin) as archive:
        taille = sum(info.file_size for info in archive.infolist())
    if taille > reglages.CLASSEUR_MAX_OCTETS:
        mo = 2**20
        return _probleme(
            fichier, f"classeur de {taille / mo:.0f} Mo une fois décompressé : au-delà de la limite de "
            f"{reglages.CLASSEUR_MAX_OCTETS / mo:.0f} Mo — relevez-la avec « reseau --classeur-max MO … »",
        )
    return None


# Ce que le lecteur rapide (calamine) ne rend pas comme openpyxl, cherché dans le XML brut : formule (son texte
# est signalé), cellule d'erreur (« #N/A ») ou date ISO (t="e", t="d"), texte fait seulement d'espaces (calamine
# le vide sans xml:space), « x005F_ » (openpyxl l'efface des chaînes partagées), échappement d'un demi-codet.
# Plusieurs motifs simples : plus rapides qu'une alternative unique.
_A_OPENPYXL = tuple(re.compile(motif) for motif in (
    rb"<(?:\w+:)?f[\s>/]", rb"t=[\"'][ed][\"']", rb">\s+</(?:\w+:)?[tv]>", rb"x005[Ff]_", rb"_x[dD][89a-fA-F][0-9a-fA-F]{2}_",
))
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=[\"']([^\"']*)[\"']")
_DONNEES = re.compile(rb"<(?:\w+:)?sheetData[\s>/]")
_COORDONNEE = re.compile(r"\$?([A-Za-z]*)\$?(\d*)")
_PAQUET = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _cible(dossier: str, cible: str) -> str:
    """Chemin dans l'archive d'une cible de relation (relative au dossier de la partie, ou absolue)."""
    return cible.lstrip("/") if cible.startswith("/") else posixpath.normpath(posixpath.join(dossier, cible))


def _parties(archive: zipfile.ZipFile) -> tuple[dict[str, str], str | None]:
    """Les feuilles du classeur dans son ordre (nom → chemin de leur XML dans l'archive), et le chemin des
    chaînes partagées (``None`` s'il n'y en a pas) : ce que disent ``xl/workbook.xml`` et ses relations."""
    classeur = "xl/workbook.xml"
    if "_rels/.rels" in archive.NameToInfo:
        for rel in ElementTree.fromstring(archive.read("_rels/.rels")).iter(_PAQUET):
            if rel.get("Type", "").endswith("/officeDocument"):
                classeur = _cible("", rel.get("Target", classeur))
    dossier, nom = posixpath.split(classeur)
    rels = list(ElementTree.fromstring(archive.read(posixpath.join(dossier, "_rels", nom + ".rels"))).iter(_PAQUET))
    cibles = {rel.get("Id"): _cible(dossier, rel.get("Target", "")) for rel in rels}
    chaines = next((_cible(dossier, rel.get("Target", "")) for rel in rels
                    if rel.get("Type", "").endswith("/sharedStrings")), None)
    feuilles = {
        # r:id, quel que soit l'espace de noms des relations (OOXML transitoire ou strict)
        str(feuille.get("name")): cibles.get(next((v for k, v in feuille.attrib.items() if k.endswith("}id")), None), "")
        for feuille in ElementTree.fromstring(archive.read(classeur)).iter()
        if feuille.tag.rpartition("}")[2] == "sheet" and feuille.get("name") is not None
    }
    return feuilles, chaines if chaines in archive.NameToInfo else None


def _coin(ref: str) -> tuple[int | None, int | None]:
    """(ligne, colonne) du coin bas droit d'une plage « A1:N201 » (``None`` si la plage ne le dit pas).

    >>> _coin("A1:N201"), _coin("B3"), _coin("A:C")
    ((201, 14), (3, 2), (None, 3))
    """
    lettres, chiffres = _COORDONNEE.fullmatch(ref.rpartition(":")[2]).groups()  # type: ignore[union-attr]
    colonne = 0
    for lettre in lettres.upper():
        colonne = colonne * 26 + ord(lettre) - 64
    return (int(chiffres) if chiffres else None), (colonne or None)


def _examiner(archive: zipfile.ZipFile, chemin_xml: str, chaines: str | None) -> tuple[int | None, int | None, bool]:
    """Dernière ligne et dernière colonne annoncées par la dimension de la feuille (``None`` sans dimension) ;
    vrai si la feuille ou les chaînes partagées contiennent ce que seul openpyxl rend (``_A_OPENPYXL``).

    Lu par morceaux, sans tout charger.
    """
    lignes = colonnes = None
    with archive.open(chemin_xml) as f:
        debut = f.read(1 << 16)
    donnees = _DONNEES.search(debut)
    # La dimension, comme openpyxl : avant <sheetData> seulement.
    dimension = _DIMENSION.search(debut, 0, donnees.start() if donnees else len(debut))
    if dimension is not None:
        ref = dimension.group(1).decode("ascii", "replace").rpartition(":")[2]
        if _COORDONNEE.fullmatch(ref):
            lignes, colonnes = _coin(ref)
    for nom in (chemin_xml, chaines) if chaines else (chemin_xml,):
        reste = b""
        with archive.open(nom) as f:
            while morceau := f.read(1 << 20):
                texte = reste + morceau
                if any(motif.search(texte) for motif in _A_OPENPYXL):
                    return lignes, colonnes, True
                reste = morceau[-256:]
    return lignes, colonnes, False


# Numéros de série hors du calendrier d'Excel (avant l'an 1, après le 31/12/9999 en calendrier 1904) : openpyxl
# rend « #VALUE! » pour une cellule au format date, calamine le nombre ; au-delà, la feuille est relue par openpyxl.
_SERIE_MIN, _SERIE_MAX = -693_000, 2_957_003


class _OpenpyxlRequis(Exception):
    """Une valeur que calamine ne rend pas comme openpyxl : la feuille est relue par openpyxl."""


def _rangees_calamine(classeur: Any, nom: str, largeur: int | None) -> list[list]:
    """Les rangées d'une feuille lue par calamine, valeurs comme openpyxl les rend (une date seule : à minuit),
    et de la même largeur : complétées jusqu'à la dernière colonne annoncée par la dimension ; sans dimension,
    arrêtées à la dernière cellule remplie (openpyxl s'arrête à la dernière cellule écrite dans le XML).

    Lève :class:`_OpenpyxlRequis` pour une heure seule (calamine en rend une pour un numéro de série négatif
    au format date, openpyxl une date avant 1900) et pour un nombre hors calendrier (``_SERIE_MIN``, ``_SERIE_MAX``).
    """
    rangees = classeur.get_sheet_by_name(nom).to_python(skip_empty_area=False)
    for r, rangee in enumerate(rangees):
        if not all(type(v) is str for v in rangee):
            converties: list = []
            for valeur in rangee:
                genre = type(valeur)
                if genre is date:
                    valeur = datetime(valeur.year, valeur.month, valeur.day)
                elif genre is time or ((genre is float or genre is int) and not _SERIE_MIN < valeur < _SERIE_MAX):
                    raise _OpenpyxlRequis
                converties.append(valeur)
            rangees[r] = rangee = converties
        if largeur is None:
            while rangee and rangee[-1] == "":
                rangee.pop()
        elif len(rangee) < largeur:
            rangee.extend([""] * (largeur - len(rangee)))
    return rangees


def _erreur_de_lecture(exc: BaseException) -> bool:
    """Vrai pour une erreur de lecture : toute ``Exception``, et la panique de calamine (``PanicException``,
    qui n'en dérive pas) ; faux pour Ctrl-C, la sortie et le manque de mémoire."""
    if isinstance(exc, MemoryError):
        return False
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _lire_feuille(chemin: Path, archive: zipfile.ZipFile, classeur: Any, nom: str,
                  parties: tuple[str, str | None], fichier: str) -> Table | Probleme:
    """Une feuille en table : bornes, caractères de contrôle, formules sans valeur calculée.

    Lue par calamine ; par openpyxl, comme avant, pour ce que calamine rendrait autrement (``_A_OPENPYXL``,
    :func:`_rangees_calamine`) ou ne sait pas lire (openpyxl dit alors pourquoi le classeur est illisible).
    """
    try:
        lignes, colonnes, besoin = _examiner(archive, *parties)
        if lignes is not None and lignes > reglages.LIGNES_MAX:  # dimension déclarée : refus sans tout lire
            return _borne(f"{fichier} [{nom}]", None, f"trop de lignes ({lignes} annoncées par la feuille)",
                          "LIGNES_MAX", reglages.LIGNES_MAX, " lignes")
        if besoin or classeur is None:
            return _lire_feuille_openpyxl(chemin, nom, fichier)
        rangees = _rangees_calamine(classeur, nom, colonnes)
    except BaseException as exc:  # _OpenpyxlRequis, archive abîmée, erreur ou panique de calamine
        if not _erreur_de_lecture(exc):
            raise
        return _lire_feuille_openpyxl(chemin, nom, fichier)
    return _remplir(Table(f"{fichier} [{nom}]"), consommer(rangees), None, echappes=True)


def _lire_feuille_openpyxl(chemin: Path, nom: str, fichier: str) -> Table | Probleme:
    """Une feuille lue par openpyxl (l'ancienne lecture) : valeurs calculées, puis formules s'il y en a."""
    from openpyxl import load_workbook

    classeur = load_workbook(chemin, read_only=True, data_only=True)
    try:
        feuille = classeur[nom]
        annoncees = feuille.max_row
        if isinstance(annoncees, int) and annoncees > reglages.LIGNES_MAX:
            return _borne(f"{fichier} [{nom}]", None, f"trop de lignes ({annoncees} annoncées par la feuille)",
                          "LIGNES_MAX", reglages.LIGNES_MAX, " lignes")
        avec_formules = load_workbook(chemin, read_only=True, data_only=False)
        try:
            return _remplir(Table(f"{fichier} [{nom}]"), feuille.iter_rows(values_only=True),
                            avec_formules[nom].iter_rows(values_only=True))
        finally:
            avec_formules.close()
    finally:
        classeur.close()


def _remplir(table: Table, rangees: Iterator, formules: Iterator[tuple] | None, *,
             echappes: bool = False) -> Table | Probleme:
    """Remplit la table rangée par rangée (``formules`` : les mêmes rangées, formules non calculées ;
    ``echappes`` : les « _xHHHH_ » sont déjà décodés, comme calamine le fait)."""
    for numero, valeurs in enumerate(rangees, start=1):
        brutes = next(formules, ()) if formules is not None else ()
        if numero > reglages.LIGNES_MAX:
            return _borne(table.fichier, numero, "trop de lignes", "LIGNES_MAX", reglages.LIGNES_MAX, " lignes")
        cellules = [v if type(v) is str else texte_cellule(v) for v in valeurs]
        if not echappes:
            for i, cellule in enumerate(cellules):
                if "_x" in cellule:
                    cellules[i] = _ECHAPPEMENT_XLSX.sub(lambda m: chr(int(m.group(1), 16)), cellule)
        if cellules and max(map(len, cellules)) > reglages.CELLULE_MAX:
            i, cellule = next((i, c) for i, c in enumerate(cellules) if len(c) > reglages.CELLULE_MAX)
            return _borne(table.fichier, numero, f"cellule de {len(cellule)} caractères (colonne {i + 1})",
                          "CELLULE_MAX", reglages.CELLULE_MAX, " caractères")
        for i, brute in enumerate(brutes):
            if i < len(valeurs) and valeurs[i] is None and isinstance(brute, str) and brute.startswith("="):
                table.formules[(numero, i)] = brute
        joint = "".join(cellules)
        if not joint.strip():  # = _vide(cellules)
            continue
        if _A_RETIRER.search(joint):
            cellules = nettoyer_cellules(table, numero, cellules)
        if not table.entetes:
            table.entetes = [c.strip() for c in cellules]
        else:
            table.lignes.append((numero, cellules))
    return table


def _ouvrir_calamine(chemin: Path) -> Any:
    """Le classeur ouvert par calamine, ou ``None`` s'il ne sait pas l'ouvrir (openpyxl le lira alors)."""
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(chemin))
    except BaseException as exc:
        if not _erreur_de_lecture(exc):
            raise
        return None


def noms_feuilles_xlsx(chemin: Path) -> list[str] | None:
    """Les noms des feuilles d'un classeur XLSX, sans lire les feuilles ; ``None`` s'il est illisible."""
    try:
        with zipfile.ZipFile(chemin) as archive:
            return list(_parties(archive)[0])
    except MemoryError:
        raise
    except Exception:  # format tiers : le lecteur le dira
        return None


def _tables(fichier: str, noms: list[str], lire: Callable[[str], Table | Probleme]) -> tuple[dict[str, Table], list[Probleme]]:
    """Les feuilles ``organisations`` et ``partenariats`` (ou leurs synonymes) parmi ``noms``, lues par ``lire``."""
    tables: dict[str, Table] = {}
    problemes: list[Probleme] = []
    feuilles = {cle(nom): nom for nom in noms}
    for nom, synonymes in _NOMS_FEUILLES.items():
        trouvee = next((feuilles[s] for s in synonymes if s in feuilles), None)
        if trouvee is None:
            problemes.append(_probleme(fichier, f"feuille « {nom} » absente (feuilles : {', '.join(noms)})"))
            continue
        lue = lire(trouvee)
        if isinstance(lue, Probleme):
            problemes.append(lue)
        elif not lue.entetes:
            problemes.append(_probleme(lue.fichier, "feuille vide — il faut une ligne d'en-têtes"))
        else:
            tables[nom] = lue
    return tables, problemes


def lire_xlsx(chemin: Path) -> tuple[dict[str, Table], list[Probleme]]:
    """Lit les feuilles ``organisations`` et ``partenariats`` d'un classeur.

    Par calamine (rapide) ; par openpyxl, l'ancienne lecture, quand calamine rendrait autre chose (formules,
    erreurs… : voir :func:`_lire_feuille`) ou ne sait pas lire le classeur. Toute erreur de format (zip abîmé,
    XML de feuille tronqué…) devient le problème « classeur illisible : … » ; bornes : ``CLASSEUR_MAX_OCTETS``,
    ``LIGNES_MAX``, ``CELLULE_MAX``.
    """
    fichier = str(chemin)
    try:
        trop = _taille_decompressee(chemin, fichier)
        if trop is not None:
            return {}, [trop]
        archive = zipfile.ZipFile(chemin)
    except MemoryError:
        raise
    except Exception as exc:  # format tiers : toute erreur d'ouverture devient un problème
        return {}, [_illisible(fichier, exc)]
    try:
        try:
            noms, chaines = _parties(archive)
        except MemoryError:
            raise
        except Exception:  # classeur que seul openpyxl sait ouvrir, ou illisible : openpyxl le dira
            return _lire_xlsx_openpyxl(chemin)
        classeur = _ouvrir_calamine(chemin)
        return _tables(fichier, list(noms),
                       lambda nom: _lire_feuille(chemin, archive, classeur, nom, (noms[nom], chaines), fichier))
    except BaseException as exc:  # XML de feuille tronqué, valeur impossible… : lecture, pas erreur interne
        if not _erreur_de_lecture(exc):
            raise
        return {}, [_illisible(fichier, exc)]
    finally:
        archive.close()


def _lire_xlsx_openpyxl(chemin: Path) -> tuple[dict[str, Table], list[Probleme]]:
    """L'ancienne lecture d'un classeur, entièrement par openpyxl."""
    from openpyxl import load_workbook

    fichier = str(chemin)
    try:
        classeur = load_workbook(chemin, read_only=True, data_only=True)
        noms = list(classeur.sheetnames)
        classeur.close()
        return _tables(fichier, noms, lambda nom: _lire_feuille_openpyxl(chemin, nom, fichier))
    except MemoryError:
        raise
    except Exception as exc:  # format tiers : toute erreur devient un problème
        return {}, [_illisible(fichier, exc)]


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
