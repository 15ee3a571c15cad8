"""Lecture brute des fichiers : CSV tolérants (séparateur, encodage) et classeurs XLSX.

Ne juge pas le contenu : rend des tables de cellules texte, numérotées comme dans un
tableur (l'en-tête est la ligne 1), et les problèmes de fichier (vide, binaire…).
"""

from __future__ import annotations

import csv
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

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
# Une formule dans le XML d'une feuille (<f>, <f t="shared" …/>, avec ou sans préfixe d'espace de noms).
_FORMULE_XML = re.compile(rb"<(?:\w+:)?f[\s>/]")


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


def _a_des_formules(classeur: object, feuille: object) -> bool:
    """Vrai si le XML de la feuille contient une formule (lu par morceaux, sans tout charger)."""
    archive = getattr(classeur, "_archive", None)
    chemin = getattr(feuille, "_worksheet_path", None)
    if archive is None or chemin is None:
        return False
    reste = b""
    with archive.open(chemin) as f:
        while morceau := f.read(1 << 20):
            if _FORMULE_XML.search(reste + morceau):
                return True
            reste = morceau[-16:]
    return False


def _lire_feuille(chemin: Path, classeur: object, nom: str, fichier: str) -> Table | Probleme:
    """Une feuille en table : bornes, caractères de contrôle, formules sans valeur calculée."""
    from openpyxl import load_workbook

    feuille = classeur[nom]  # type: ignore[index]
    annoncees = getattr(feuille, "max_row", None)  # dimension déclarée par la feuille : refus sans tout lire
    if isinstance(annoncees, int) and annoncees > reglages.LIGNES_MAX:
        return _borne(f"{fichier} [{nom}]", None, f"trop de lignes ({annoncees} annoncées par la feuille)",
                      "LIGNES_MAX", reglages.LIGNES_MAX, " lignes")
    if not _a_des_formules(classeur, feuille):
        return _remplir(Table(f"{fichier} [{nom}]"), feuille.iter_rows(values_only=True), None)
    # Deuxième lecture, formules comprises, pour reconnaître une formule sans valeur calculée.
    avec_formules = load_workbook(chemin, read_only=True, data_only=False)
    try:
        return _remplir(Table(f"{fichier} [{nom}]"), feuille.iter_rows(values_only=True),
                        avec_formules[nom].iter_rows(values_only=True))
    finally:
        avec_formules.close()


def _remplir(table: Table, rangees: Iterator[tuple], formules: Iterator[tuple] | None) -> Table | Probleme:
    """Remplit la table rangée par rangée (``formules`` : les mêmes rangées, formules non calculées)."""
    for numero, valeurs in enumerate(rangees, start=1):
        brutes = next(formules, ()) if formules is not None else ()
        if numero > reglages.LIGNES_MAX:
            return _borne(table.fichier, numero, "trop de lignes", "LIGNES_MAX", reglages.LIGNES_MAX, " lignes")
        cellules = [texte_cellule(v) for v in valeurs]
        for i, cellule in enumerate(cellules):
            if "_x" in cellule:
                cellules[i] = cellule = _ECHAPPEMENT_XLSX.sub(lambda m: chr(int(m.group(1), 16)), cellule)
            if len(cellule) > reglages.CELLULE_MAX:
                return _borne(table.fichier, numero, f"cellule de {len(cellule)} caractères (colonne {i + 1})",
                              "CELLULE_MAX", reglages.CELLULE_MAX, " caractères")
        for i, brute in enumerate(brutes):
            if i < len(valeurs) and valeurs[i] is None and isinstance(brute, str) and brute.startswith("="):
                table.formules[(numero, i)] = brute
        if _vide(cellules):
            continue
        cellules = nettoyer_cellules(table, numero, cellules)
        if not table.entetes:
            table.entetes = [c.strip() for c in cellules]
        else:
            table.lignes.append((numero, cellules))
    return table


def lire_xlsx(chemin: Path) -> tuple[dict[str, Table], list[Probleme]]:
    """Lit les feuilles ``organisations`` et ``partenariats`` d'un classeur.

    Toute erreur de format (zip abîmé, XML de feuille tronqué…) devient le problème
    « classeur illisible : … » ; bornes : ``CLASSEUR_MAX_OCTETS``, ``LIGNES_MAX``, ``CELLULE_MAX``.
    """
    from openpyxl import load_workbook

    fichier = str(chemin)
    tables: dict[str, Table] = {}
    problemes: list[Probleme] = []
    try:
        trop = _taille_decompressee(chemin, fichier)
        if trop is not None:
            return {}, [trop]
        classeur = load_workbook(chemin, read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception as exc:  # format tiers : toute erreur d'ouverture devient un problème
        return {}, [_illisible(fichier, exc)]
    try:
        feuilles = {cle(nom): nom for nom in classeur.sheetnames}
        for nom, synonymes in _NOMS_FEUILLES.items():
            trouvee = next((feuilles[s] for s in synonymes if s in feuilles), None)
            if trouvee is None:
                problemes.append(_probleme(
                    fichier, f"feuille « {nom} » absente (feuilles : {', '.join(classeur.sheetnames)})"
                ))
                continue
            lue = _lire_feuille(chemin, classeur, trouvee, fichier)
            if isinstance(lue, Probleme):
                problemes.append(lue)
            elif not lue.entetes:
                problemes.append(_probleme(lue.fichier, "feuille vide — il faut une ligne d'en-têtes"))
            else:
                tables[nom] = lue
    except MemoryError:
        raise
    except Exception as exc:  # XML de feuille tronqué, valeur impossible… : lecture, pas erreur interne
        return {}, [_illisible(fichier, exc)]
    finally:
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
