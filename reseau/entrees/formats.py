"""Reconnaissance du format d'un jeu de données, au contenu (extension, feuilles, en-têtes), sans option.

| Ce qui est donné | Format reconnu | Lecteur |
|---|---|---|
| dossier avec ``organisations.csv`` (± ``partenariats.csv``) | contrat, ou ESSGlobal | :mod:`.lecture`, :mod:`.essglobal` |
| dossier ou CSV de nœuds ``Id``/``Label`` (± liens ``Source``/``Target``) | CSV de Gephi | :mod:`.lecteur_gephi` |
| classeur XLSX ou ODS à feuilles ``organisations``/``partenariats`` | contrat | :mod:`.lecture`, :mod:`.lecteur_ods` |
| classeur à feuilles ``Elements``/``Connections`` | Kumu | :mod:`.lecteur_kumu` |
| XML ``<graphml`` / ``<gexf`` (quelle que soit l'extension) | GraphML / GEXF | :mod:`.lecteur_graphml`, :mod:`.lecteur_gexf` |
| JSON ``{"nodes": …}`` | node-link | :mod:`.lecteur_json` |
| un CSV d'organisations seul | liste d'organisations (avertissement) | :mod:`.lecture` |
"""

from __future__ import annotations

from pathlib import Path

from ..erreurs import ParametreInvalide, Probleme
from .essglobal import fichier_essglobal, lire_jeu_essglobal
from .lecteur_gephi import est_liens_gephi, est_noeuds_gephi, lire_gephi, trouver
from .lecteur_gexf import est_gexf, lire_gexf
from .lecteur_graphml import est_graphml, lire_graphml
from .lecteur_json import lire_json
from .lecteur_kumu import est_kumu, lire_kumu
from .lecteur_ods import est_ods, lire_feuilles_ods, table_feuille
from .lecture import fichier_dans, lire_csv, lire_entetes, lire_tables, lire_xlsx, noms_feuilles_xlsx, texte_cellule
from .schema import ALIAS_ORGANISATIONS, ALIAS_PARTENARIATS, cle
from .sources import Lu, probleme

_NOMS_FEUILLES = {
    "organisations": ("organisations", "organizations", "organisation", "organizaciones"),
    "partenariats": ("partenariats", "partnerships", "partenariat", "liens", "alianzas"),
}


def _feuilles_xlsx(chemin: Path) -> tuple[dict[str, list[list[str]]], list[Probleme]]:
    from openpyxl import load_workbook

    try:
        classeur = load_workbook(chemin, read_only=True, data_only=True)
    except Exception as exc:  # format tiers : toute erreur d'ouverture devient un problème
        return {}, [probleme(str(chemin), f"classeur illisible ({type(exc).__name__}) — un .xlsx est attendu")]
    feuilles = {
        nom: [[texte_cellule(v) for v in ligne] for ligne in classeur[nom].iter_rows(values_only=True)]
        for nom in classeur.sheetnames
    }
    classeur.close()
    return feuilles, []


def _feuilles_du_contrat(chemin: Path) -> bool:
    """Vrai si le classeur XLSX a les deux feuilles du contrat (lu alors par :func:`lecture.lire_xlsx`).

    Seuls les noms des feuilles sont lus (``xl/workbook.xml``), sans ouvrir le classeur.
    """
    noms = noms_feuilles_xlsx(chemin)
    if noms is None:  # classeur que seul openpyxl sait ouvrir, ou illisible
        from openpyxl import load_workbook

        try:
            classeur = load_workbook(chemin, read_only=True)
        except Exception:  # illisible : le lecteur générique le dira
            return False
        noms = list(classeur.sheetnames)
        classeur.close()
    formes = {cle(nom) for nom in noms}
    return all(any(s in formes for s in synonymes) for synonymes in _NOMS_FEUILLES.values())


def _classeur(chemin: Path, feuilles: dict[str, list[list[str]]], genre: str) -> Lu:
    """Un classeur (XLSX ou ODS) : Kumu, contrat, ou liste d'organisations sur une feuille."""
    fichier = str(chemin)
    tables = {nom: table_feuille(fichier, nom, lignes) for nom, lignes in feuilles.items()}
    if est_kumu(list(feuilles)):
        lu = lire_kumu(tables, fichier)
        lu.format = f"Kumu ({genre})"
        return lu
    lu = Lu(f"classeur {genre}")
    par_forme = {cle(nom): nom for nom in feuilles}
    for nom, synonymes in _NOMS_FEUILLES.items():
        trouvee = next((par_forme[s] for s in synonymes if s in par_forme), None)
        if trouvee is not None and tables[trouvee].entetes:
            lu.tables[nom] = tables[trouvee]
    if "organisations" not in lu.tables:
        # Une seule feuille non vide : une liste d'organisations.
        remplies = [t for t in tables.values() if t.entetes]
        if len(remplies) == 1 and "partenariats" not in lu.tables:
            lu.tables["organisations"] = remplies[0]
        else:
            lu.problemes.append(probleme(
                fichier, f"feuille « organisations » absente (feuilles : {', '.join(feuilles)}) — nommez ainsi la "
                "feuille des organisations (et « partenariats » celle des liens), ou « Elements »/« Connections » (Kumu)",
            ))
    return lu


def _debut(chemin: Path) -> bytes:
    with chemin.open("rb") as f:
        return f.read(2048)


def _fichier(chemin: Path, essglobal: dict[str, str | None]) -> Lu:
    debut = _debut(chemin)
    if debut.startswith(b"PK\x03\x04"):
        if est_ods(chemin):
            feuilles, problemes = lire_feuilles_ods(chemin)
            genre = "ODS"
        else:
            genre = "XLSX"
            if _feuilles_du_contrat(chemin):
                tables, problemes = lire_xlsx(chemin)
                return Lu(f"classeur {genre}", tables=tables, problemes=problemes)
            feuilles, problemes = _feuilles_xlsx(chemin)
        if problemes:
            return Lu(f"classeur {genre}", problemes=problemes)
        return _classeur(chemin, feuilles, genre)
    texte = debut.decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    if texte.startswith("<"):
        if est_graphml(texte):
            return lire_graphml(chemin)
        if est_gexf(texte):
            return lire_gexf(chemin)
        raise ParametreInvalide(f"« {chemin} » : XML ni GraphML ni GEXF — formats acceptés : voir docs/donnees.md")
    if texte.startswith(("{", "[")):
        return lire_json(chemin)
    fichier = fichier_essglobal(chemin)
    if fichier is not None:
        return lire_jeu_essglobal(fichier, **essglobal)
    entetes = lire_entetes(chemin, ALIAS_ORGANISATIONS)
    if est_noeuds_gephi(entetes) or est_liens_gephi(lire_entetes(chemin, ALIAS_PARTENARIATS)):
        return lire_gephi(*trouver(chemin))
    return _liste(chemin)


def _liste(chemin: Path) -> Lu:
    """Un CSV d'organisations seul (et le partenariats.csv voisin s'il y en a un)."""
    lu = Lu("liste d'organisations (CSV)")
    lu_orgs = lire_csv(chemin, str(chemin), ALIAS_ORGANISATIONS)
    if isinstance(lu_orgs, Probleme):
        lu.problemes.append(lu_orgs)
        return lu
    lu.tables["organisations"] = lu_orgs
    voisin = fichier_dans(chemin.parent, "partenariats")
    if voisin is not None and voisin != chemin:
        liens = lire_csv(voisin, str(voisin), ALIAS_PARTENARIATS)
        if isinstance(liens, Probleme):
            lu.problemes.append(liens)
        else:
            lu.tables["partenariats"] = liens
    return lu


def _dossier(chemin: Path, essglobal_options: dict[str, str | None]) -> Lu:
    essglobal = fichier_essglobal(chemin)
    if essglobal is not None:
        return lire_jeu_essglobal(essglobal, **essglobal_options)
    organisations = fichier_dans(chemin, "organisations")
    if organisations is None:
        noeuds, liens = trouver(chemin)
        if noeuds is not None or liens is not None:
            return lire_gephi(noeuds, liens)
    tables, problemes = lire_tables(chemin)
    lu = Lu("dossier CSV", tables=tables)
    if organisations is not None and fichier_dans(chemin, "partenariats") is None:
        lu.format = "liste d'organisations (CSV)"
        problemes = [p for p in problemes if "partenariats" not in p.message]
    lu.problemes = problemes
    if "organisations" in tables and "precision" in {cle(e) for e in tables["organisations"].entetes}:
        # Un export CSV de reseau : mesures et id des partenariats recalculés, ignorés ensemble.
        lu.format = "reseau (export CSV)"
        lu.calculees = frozenset(e for t in tables.values() for e in t.entetes)
    return lu


def lire_donnees(chemin: Path, *, echelle: str | None = None, type: str | None = None) -> Lu:
    """Lit un jeu dans n'importe quel format reconnu ; rend des tables brutes (voir le tableau du module).

    ``echelle`` et ``type`` : ce qu'un annuaire ESSGlobal ne dit pas (options ``--essglobal-*``).
    """
    if not chemin.exists():
        raise ParametreInvalide(
            f"« {chemin} » n'existe pas — donnez un dossier (organisations.csv, partenariats.csv), un classeur "
            ".xlsx/.ods, un CSV, un GraphML, un GEXF ou un JSON node-link"
        )
    options: dict[str, str | None] = {"echelle": echelle, "type": type}
    return _dossier(chemin, options) if chemin.is_dir() else _fichier(chemin, options)

