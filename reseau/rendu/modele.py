"""Le classeur à envoyer aux membres (``reseau modele``) et l'écriture d'une fusion de réponses.

Le modèle a une feuille « Lisez-moi », les feuilles ``organisations`` et ``partenariats`` aux
en-têtes du contrat (bulles d'aide, listes déroulantes, première ligne figée) et une feuille
``listes`` masquée qui porte les valeurs permises, écrites dans la langue choisie et toutes
reconnues par le chargeur. Toute cellule texte est neutralisée contre les formules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .._fichiers import en_csv, fichier_atomique, neutraliser
from ..entrees.chargement import valider
from ..entrees.fusion import COLONNES_RAPPORT, Fusion
from ..entrees.geographie import referentiel
from ..entrees.schema import (
    COLONNES_ORGANISATIONS,
    COLONNES_PARTENARIATS,
    ECHELLES,
    NORD_SUD,
    OBLIGATOIRES_ORGANISATIONS,
    OBLIGATOIRES_PARTENARIATS,
    STATUTS,
    TYPES_ORGANISATION,
    TYPES_PARTENARIAT,
    cle,
)
from ..erreurs import DonneesInvalides
from .libelles import libelle, traduire, verifier_langue

# Lignes couvertes par les listes déroulantes, au-delà des lignes pré-remplies.
LIGNES_LIBRES = 500
FEUILLE_LISTES = "listes"
# Largeur des colonnes (en caractères).
_LARGEURS = {
    "id": 18, "nom": 42, "sigle": 12, "type": 24, "echelle": 16, "pays": 24, "region": 20, "ville": 18,
    "latitude": 11, "longitude": 11, "nord_sud": 10, "site_web": 30, "description": 50, "reference": 40,
    "source": 18, "cible": 18, "debut": 8, "fin": 8, "poids": 8, "oriente": 9,
}
# Caractères interdits dans un classeur (contrôles hors tabulation et fins de ligne).
_INTERDITS_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def cellule(valeur: Any) -> Any:
    """Valeur d'une cellule écrite : nombres tels quels, texte sans caractère interdit et neutralisé.

    >>> cellule("=HYPERLINK(\\"x\\")"), cellule("\\x01-1"), cellule(2.5), cellule(None) is None
    ('\\'=HYPERLINK("x")', '-1', 2.5, True)
    """
    if isinstance(valeur, str):
        return neutraliser(_INTERDITS_XLSX.sub("", valeur))
    return valeur


def listes(langue: str = "fr") -> dict[str, list[str]]:
    """Les valeurs permises des listes déroulantes, dans la langue voulue.

    Chaque valeur est relue par le chargeur ; un nom de pays partagé par deux pays (rare) est
    omis de la liste, le code ISO restant accepté.

    >>> l = listes("es")
    >>> l["echelle"], "Senegal" in l["pays"], l["oriente"]
    (['local', 'regional', 'nacional', 'internacional'], True, ['sí', 'no'])
    """
    verifier_langue(langue)
    ref = referentiel()
    pays = [p.nom(langue) for code, p in ref.pays.items() if ref.code_pays(p.nom(langue)) == code]
    return {
        "echelle": [traduire(v, langue) for v in ECHELLES],
        "type": [traduire(v, langue) for v in TYPES_ORGANISATION],
        "nord_sud": [traduire(v, langue) for v in NORD_SUD],
        "type_partenariat": [traduire(v, langue) for v in TYPES_PARTENARIAT],
        "oriente": [libelle("carte_oui", langue), libelle("carte_non", langue)],
        "statut": list(STATUTS),
        "pays": sorted(pays, key=cle),
    }


def _valeurs_modele(org: Mapping[str, Any], langue: str) -> dict[str, Any]:
    """Une organisation validée, telle qu'un membre l'écrirait dans le modèle (libellés traduits)."""
    ref = referentiel()
    ligne = {c: org.get(c) for c in COLONNES_ORGANISATIONS}
    for colonne in ("type", "echelle"):
        ligne[colonne] = traduire(org[colonne], langue) if org.get(colonne) else ""
    fiche = ref.pays.get(org.get("pays") or "")
    if fiche is not None:
        nom = fiche.nom(langue)
        ligne["pays"] = nom if ref.code_pays(nom) == fiche.code else fiche.code
    deduit = fiche.nord_sud if fiche else ""
    ligne["nord_sud"] = traduire(org["nord_sud"], langue) if org.get("nord_sud") and org["nord_sud"] != deduit else ""
    if org.get("precision") != "coordonnees":
        ligne["latitude"] = ligne["longitude"] = None
    return ligne


def _entetes(feuille: Any, colonnes: Sequence[str], obligatoires: Sequence[str], aide: str | None, langue: str) -> None:
    """En-têtes en gras (obligatoires) avec bulles d'aide, largeurs, première ligne figée."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    fond = PatternFill("solid", fgColor="DDEBF7")
    for i, colonne in enumerate(colonnes, start=1):
        case = feuille.cell(row=1, column=i, value=cellule(colonne))
        case.font = Font(bold=colonne in obligatoires)
        case.fill = fond
        if aide is not None:
            bulle = Comment(libelle(f"modele_aide_{aide}_{colonne}", langue), "reseau")
            bulle.width, bulle.height = 260, 90
            case.comment = bulle
        feuille.column_dimensions[get_column_letter(i)].width = _LARGEURS.get(colonne, 14)
    feuille.freeze_panes = "A2"


def _lignes(feuille: Any, colonnes: Sequence[str], lignes: Iterable[Mapping[str, Any]]) -> int:
    n = 1
    for ligne in lignes:
        n += 1
        for i, colonne in enumerate(colonnes, start=1):
            valeur = ligne.get(colonne)
            if valeur is not None and valeur != "":
                feuille.cell(row=n, column=i, value=cellule(valeur))
    return n


def _feuille_listes(classeur: Any, valeurs: dict[str, list[str]]) -> dict[str, str]:
    """La feuille masquée des valeurs permises ; rend la plage de chaque liste."""
    from openpyxl.utils import get_column_letter

    feuille = classeur.create_sheet(FEUILLE_LISTES)
    plages: dict[str, str] = {}
    for i, (nom, liste) in enumerate(valeurs.items(), start=1):
        lettre = get_column_letter(i)
        feuille.cell(row=1, column=i, value=nom)
        for j, valeur in enumerate(liste, start=2):
            feuille.cell(row=j, column=i, value=cellule(valeur))
        plages[nom] = f"{FEUILLE_LISTES}!${lettre}$2:${lettre}${len(liste) + 1}"
    feuille.sheet_state = "hidden"
    return plages


def _validation(feuille: Any, colonnes: Sequence[str], colonne: str, fin: int, strict: bool, **regle: Any) -> None:
    """Une validation de données sur toute la colonne (de la ligne 2 à ``fin``)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lettre = get_column_letter(colonnes.index(colonne) + 1)
    dv = DataValidation(allow_blank=True, showErrorMessage=True, errorStyle="stop" if strict else "warning", **regle)
    dv.add(f"{lettre}2:{lettre}{fin}")
    feuille.add_data_validation(dv)


def _lisez_moi(feuille: Any, langue: str, depuis: bool, valeurs: dict[str, list[str]]) -> None:
    """Ce qu'on demande, comment remplir, un exemple."""
    from openpyxl.styles import Alignment, Font

    def texte(cle_texte: str) -> str:
        return libelle(cle_texte, langue)

    regles = ["modele_regle_entetes", "modele_regle_obligatoires", "modele_regle_id", "modele_regle_listes",
              "modele_regle_vide", *(["modele_regle_depuis"] if depuis else []), "modele_regle_renvoi"]
    lignes: list[tuple[str, str]] = [
        ("titre", texte("modele_titre")), ("", texte("modele_intro")), ("", ""),
        ("section", texte("modele_ce_qu_on_demande")),
        ("", "• " + texte("modele_demande_org")), ("", "• " + texte("modele_demande_part")), ("", ""),
        ("section", texte("modele_comment_remplir")), *(("", "• " + texte(r)) for r in regles), ("", ""),
        ("section", texte("modele_exemple")),
    ]
    for n, (style, valeur) in enumerate(lignes, start=1):
        case = feuille.cell(row=n, column=1, value=cellule(valeur))
        case.alignment = Alignment(wrap_text=True, vertical="top")
        if style:
            case.font = Font(bold=True, size=14 if style == "titre" else 12)
    feuille.column_dimensions["A"].width = 110
    pays = next((p for p in valeurs["pays"] if referentiel().code_pays(p) == "CA"), "CA")
    exemple_org = {
        "id": "coop-estrie", "nom": texte("modele_exemple_nom"), "sigle": "CSE", "type": traduire("cooperative", langue),
        "echelle": traduire("regionale", langue), "pays": pays, "region": "Estrie", "ville": "Sherbrooke",
        "description": texte("modele_exemple_description"), "reference": texte("modele_exemple_reference"),
    }
    exemple_lien = {"source": "coop-estrie", "cible": "chantier-es", "type": traduire("adhesion", langue),
                    "debut": 2015, "oriente": valeurs["oriente"][0]}
    debut = len(lignes) + 1
    exemples: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = (
        ("organisations", COLONNES_ORGANISATIONS, exemple_org), ("partenariats", COLONNES_PARTENARIATS, exemple_lien),
    )
    for decalage, (nom, colonnes, ligne) in enumerate(exemples):
        rang = debut + 4 * decalage
        feuille.cell(row=rang, column=1, value=nom).font = Font(italic=True)
        utiles = [c for c in colonnes if ligne.get(c) not in (None, "")]
        for i, colonne in enumerate(utiles, start=2):
            feuille.cell(row=rang + 1, column=i, value=colonne).font = Font(bold=True)
            feuille.cell(row=rang + 2, column=i, value=cellule(ligne[colonne]))


def classeur_modele(langue: str = "fr", organisations: Sequence[Mapping[str, Any]] = ()) -> Any:
    """Le classeur openpyxl du modèle ; ``organisations`` (validées) sont pré-remplies."""
    from openpyxl import Workbook

    verifier_langue(langue)
    classeur = Workbook()
    lisez_moi = classeur.active
    lisez_moi.title = libelle("modele_feuille_lisez_moi", langue)
    feuille_org = classeur.create_sheet("organisations")
    feuille_part = classeur.create_sheet("partenariats")
    valeurs = listes(langue)
    plages = _feuille_listes(classeur, valeurs)
    _lisez_moi(lisez_moi, langue, bool(organisations), valeurs)

    _entetes(feuille_org, COLONNES_ORGANISATIONS, OBLIGATOIRES_ORGANISATIONS, "org", langue)
    derniere = _lignes(feuille_org, COLONNES_ORGANISATIONS, (_valeurs_modele(o, langue) for o in organisations))
    fin = max(derniere, 1) + LIGNES_LIBRES
    for colonne, liste, strict in (("type", "type", True), ("echelle", "echelle", True),
                                   ("nord_sud", "nord_sud", True), ("pays", "pays", False)):
        _validation(feuille_org, COLONNES_ORGANISATIONS, colonne, fin, strict, type="list", formula1=plages[liste])
    for colonne, bornes in (("latitude", ("-90", "90")), ("longitude", ("-180", "180"))):
        _validation(feuille_org, COLONNES_ORGANISATIONS, colonne, fin, True, type="decimal", operator="between",
                    formula1=bornes[0], formula2=bornes[1])

    _entetes(feuille_part, COLONNES_PARTENARIATS, OBLIGATOIRES_PARTENARIATS, "part", langue)
    ids = f"organisations!$A$2:$A${fin}"
    for colonne, formule, strict in (("source", ids, False), ("cible", ids, False),
                                     ("type", plages["type_partenariat"], True), ("oriente", plages["oriente"], True),
                                     ("statut", plages["statut"], True)):
        _validation(feuille_part, COLONNES_PARTENARIATS, colonne, LIGNES_LIBRES + 1, strict, type="list", formula1=formule)
    for colonne in ("debut", "fin"):
        _validation(feuille_part, COLONNES_PARTENARIATS, colonne, LIGNES_LIBRES + 1, True, type="whole",
                    operator="between", formula1="1800", formula2="2100")
    return classeur


def modele(
    sortie: str | Path = "modele.xlsx", *, langue: str = "fr", depuis: str | Path | None = None
) -> Path:
    """Écrit le classeur à envoyer aux membres ; avec ``depuis``, les organisations de ce jeu pré-remplies.

    Lève :class:`~reseau.erreurs.DonneesInvalides` si ``depuis`` a des problèmes bloquants.
    """
    organisations: Sequence[Mapping[str, Any]] = ()
    if depuis is not None:
        v = valider(depuis)
        if not v.valide:
            raise DonneesInvalides(v.source, v.problemes)
        organisations = v.organisations
    classeur = classeur_modele(langue, organisations)
    chemin = Path(sortie)
    with fichier_atomique(chemin, binaire=True) as f:
        classeur.save(f)
    return chemin


# --- La fusion des réponses : phrases, CSV, classeur ----------------------------------

def _champs(ligne: Mapping[str, Any], langue: str) -> dict[str, Any]:
    valeurs = {c: ("" if ligne.get(c) is None else ligne.get(c)) for c in COLONNES_RAPPORT}
    if valeurs["motif"]:
        valeurs["motif"] = libelle(f"fusion_motif_{valeurs['motif']}", langue)
    if isinstance(valeurs["score"], float):
        valeurs["score"] = f"{valeurs['score']:.0f}"
    return valeurs


def phrase(ligne: Mapping[str, Any], langue: str = "fr") -> str:
    """La phrase qui explique une ligne du rapport de fusion.

    >>> phrase({"action": "conflit", "objet": "organisation", "id": "gesq", "colonne": "echelle",
    ...         "valeur_gardee": "nationale", "origine": "base", "valeur_proposee": "regionale", "reponse": "a.xlsx"})
    '« gesq », echelle : « nationale » (base) gardée ; « regionale » proposée par a.xlsx'
    """
    action = ligne["action"]
    cle_texte = {
        "ajout": f"fusion_ajout_{ligne.get('objet')}",
        "doute": f"fusion_doute_{ligne.get('decision')}",
    }.get(action, f"fusion_{action}")
    return libelle(cle_texte, langue, **_champs(ligne, langue))


def texte_fusion(fusion: Fusion, langue: str = "fr") -> str:
    """Le rapport de fusion pour le terminal : bilan, puis ce qu'il faut trancher."""
    actions = Counter(ligne["action"] for ligne in fusion.rapport)
    texte = [
        libelle("fusion_titre", langue, n=len(fusion.reponses)),
        "  " + libelle("fusion_bilan", langue, organisations=len(fusion.organisations),
                       partenariats=len(fusion.partenariats), fusions=actions["fusion"],
                       ajouts=sum(1 for ligne in fusion.lignes("ajout") if ligne["objet"] == "organisation"),
                       complements=actions["complement"], doublons=actions["doublon"]),
    ]
    sections = (("doute", "fusion_a_trancher"), ("conflit", "fusion_conflits"), ("ecarte", "fusion_ecartes"))
    for action, titre in sections:
        lignes = [ligne for ligne in fusion.rapport if ligne["action"] == action]
        if lignes:
            texte += ["", libelle(titre, langue, n=len(lignes))]
            texte += [f"  - {phrase(ligne, langue)}" for ligne in lignes]
    if not actions["doute"] and not actions["conflit"]:
        texte += ["", libelle("fusion_rien", langue)]
    return "\n".join(texte)


def csv_rapport(fusion: Fusion, langue: str = "fr") -> str:
    """Le rapport de fusion en CSV : une ligne par ajout, fusion, doute, conflit… et sa phrase."""
    lignes = [{**ligne, "explication": phrase(ligne, langue)} for ligne in fusion.rapport]
    return en_csv(lignes, [*COLONNES_RAPPORT, "explication"])


def chemin_rapport(sortie: Path) -> Path:
    """Où va le rapport CSV : dans le dossier de sortie, ou à côté du classeur.

    >>> chemin_rapport(Path("fusion.xlsx")).name, chemin_rapport(Path("jeu")).as_posix()
    ('fusion-rapport.csv', 'jeu/rapport-fusion.csv')
    """
    if sortie.suffix.lower() in (".xlsx", ".xlsm"):
        return sortie.with_name(f"{sortie.stem}-rapport.csv")
    return sortie / "rapport-fusion.csv"


def ecrire_fusion(fusion: Fusion, sortie: str | Path, langue: str = "fr") -> tuple[Path, Path]:
    """Écrit le jeu fusionné (dossier de deux CSV, ou classeur .xlsx) et son rapport CSV, d'un coup.

    Rend (jeu, rapport).
    """
    from openpyxl import Workbook

    chemin = Path(sortie)
    rapport = chemin_rapport(chemin)
    texte_rapport = csv_rapport(fusion, langue)
    if chemin.suffix.lower() in (".xlsx", ".xlsm"):
        classeur = Workbook()
        classeur.remove(classeur.active)
        for nom, colonnes, lignes in (("organisations", COLONNES_ORGANISATIONS, fusion.organisations),
                                      ("partenariats", COLONNES_PARTENARIATS, fusion.partenariats)):
            feuille = classeur.create_sheet(nom)
            _entetes(feuille, colonnes, (), None, langue)
            _lignes(feuille, colonnes, lignes)
        with fichier_atomique(chemin, binaire=True) as f, fichier_atomique(rapport) as fr:
            classeur.save(f)
            fr.write(texte_rapport)
        return chemin, rapport
    organisations = en_csv(fusion.organisations, COLONNES_ORGANISATIONS)
    partenariats = en_csv(fusion.partenariats, COLONNES_PARTENARIATS)
    with (fichier_atomique(chemin / "organisations.csv") as fo, fichier_atomique(chemin / "partenariats.csv") as fp,
          fichier_atomique(rapport) as fr):
        fo.write(organisations)
        fp.write(partenariats)
        fr.write(texte_rapport)
    return chemin, rapport
