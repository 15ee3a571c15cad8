"""Exports complets, mesures comprises : GEXF (Gephi), GraphML, JSON node-link, CSV, XLSX.

Conventions communes à tous les formats :

- une organisation par nœud ou ligne : ses attributs, puis toutes les colonnes de
  :func:`reseau.analyse.mesures.mesures_organisations` ;
- un partenariat par arête ou ligne — plusieurs partenariats entre deux organisations restent
  distincts — identifié par ``id`` (``p1``, ``p2``… dans l'ordre du graphe) ;
- une valeur absente (``None``, NaN) est omise en GEXF et GraphML, qui n'ont pas de nul ;
  ``null`` en JSON ; cellule vide en CSV et XLSX ; une liste devient du texte « a; b », un
  dictionnaire du texte JSON ;
- CSV et XLSX : toute cellule texte qui serait lue comme une formule est neutralisée
  (:func:`reseau._fichiers.neutraliser`).

Particularités : en GEXF, le ``type`` d'un partenariat s'appelle ``type_partenariat`` (``type``
y désigne le sens d'une arête), ``weight`` reprend ``poids`` et chaque nœud porte ses
attributs d'affichage Gephi (couleur de son échelle, taille selon son degré, position
géographique). En GraphML, l'``id`` du partenariat est celui de l'arête (et sa clé une fois
relu par networkx), repris dans l'attribut ``partenariat`` de l'arête (relu par igraph et R).
En JSON, ``source`` et ``target`` d'un lien sont la source et la cible du partenariat. Le CSV
est un dossier (``organisations.csv``, ``partenariats.csv``) que ``reseau`` sait relire.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .._fichiers import en_csv, en_json, fichier_atomique, neutraliser, texte_xml
from ..entrees.schema import COLONNES_ORGANISATIONS, COLONNES_PARTENARIATS
from ..erreurs import ParametreInvalide, verifier_choix
from .couleurs import ECHELLE, INCONNU
from .disposition import coordonnees, disposition_force, ecarter

if TYPE_CHECKING:
    import pandas

FORMATS_EXPORT: tuple[str, ...] = ("gexf", "graphml", "json", "csv", "xlsx")
# Dossier des sorties par défaut (relatif au dossier courant, comme la carte).
DOSSIER_SORTIES = Path("sorties")

# Colonnes des organisations, dans l'ordre : le schéma, la précision de la position, puis le reste.
_COLONNES_ORGANISATIONS = (*COLONNES_ORGANISATIONS[:10], "precision", *COLONNES_ORGANISATIONS[10:])
_COLONNES_PARTENARIATS = ("id", *COLONNES_PARTENARIATS)
# GEXF : tailles des nœuds (unités Gephi) et demi-largeur de la carte projetée.
_TAILLE_MIN, _TAILLE_MAX = 5.0, 30.0
_DEMI_LARGEUR = 1000.0
# Écart entre organisations d'une même position (même ville ou même pays), en unités Gephi.
_ECART = 10.0
# Caractères de contrôle refusés par le format XLSX.
_INTERDITS_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _scalaire(valeur: Any) -> Any:
    """Valeur Python simple : types numpy déballés, NaN et infinis → ``None``."""
    if hasattr(valeur, "item") and not isinstance(valeur, (str, bytes)):
        valeur = valeur.item()
    if isinstance(valeur, float) and not math.isfinite(valeur):
        return None
    return valeur


def _texte_plat(valeur: Any) -> Any:
    """Une liste en texte « a; b », un dictionnaire en texte JSON ; le reste inchangé.

    >>> _texte_plat(["a", 2]), _texte_plat({"x": 1}), _texte_plat(3.5)
    ('a; 2', '{"x": 1}', 3.5)
    """
    if isinstance(valeur, dict):
        return json.dumps(valeur, ensure_ascii=False, default=str)
    if isinstance(valeur, (list, tuple, set, frozenset)):
        elements = sorted(valeur, key=str) if isinstance(valeur, (set, frozenset)) else valeur
        return "; ".join(str(v) for v in elements)
    return valeur


def _enregistrements(table: pandas.DataFrame | Iterable[dict]) -> list[dict]:
    """Lignes d'une table (DataFrame ou dictionnaires) aux valeurs Python, absentes → ``None``."""
    if hasattr(table, "to_dict"):
        lignes: Iterable[dict] = table.astype(object).where(table.notna(), None).to_dict("records")  # type: ignore[union-attr]
    else:
        lignes = table
    return [{c: _scalaire(v) for c, v in ligne.items()} for ligne in lignes]


def _colonnes(base: Iterable[str], lignes: list[dict]) -> list[str]:
    """Les colonnes de ``base``, puis les autres clés des lignes dans leur ordre d'apparition."""
    colonnes = dict.fromkeys(base)
    for ligne in lignes:
        colonnes.update(dict.fromkeys(ligne))
    return list(colonnes)


def _uniformiser(lignes: list[dict], colonnes: list[str]) -> None:
    """Un seul type par colonne (GEXF et GraphML déclarent le type d'un attribut) : entiers et
    réels mêlés → réels ; autre mélange → texte."""
    for colonne in colonnes:
        types = {type(ligne[colonne]) for ligne in lignes if ligne.get(colonne) is not None}
        if len(types) < 2:
            continue
        convertir = float if types <= {int, float} else str
        for ligne in lignes:
            if ligne.get(colonne) is not None:
                ligne[colonne] = convertir(ligne[colonne])


class _Tables:
    """Organisations (avec mesures) et partenariats, prêts à écrire."""

    def __init__(self, G: nx.MultiGraph, mesures: pandas.DataFrame | Iterable[dict]) -> None:
        par_id = {ligne["id"]: ligne for ligne in _enregistrements(mesures)}
        manquantes = [n for n in G if n not in par_id]
        if manquantes:
            raise ParametreInvalide(
                f"mesures absentes pour {len(manquantes)} organisation(s), dont « {manquantes[0]} » — "
                "calculez-les sur ce graphe-ci : mesures_organisations(G)"
            )
        self.organisations: list[dict] = []
        for noeud, donnees in G.nodes(data=True):
            ligne = {"id": noeud, **{c: _scalaire(v) for c, v in donnees.items()}}
            for colonne, valeur in par_id.get(noeud, {}).items():
                ligne.setdefault(colonne, valeur)
            self.organisations.append(ligne)
        self.colonnes_organisations = _colonnes(("id", *_COLONNES_ORGANISATIONS[1:]), self.organisations)
        # (u, v, clé, ligne) : la clé du multigraphe garde distincts les partenariats d'une même paire.
        self.liens: list[tuple[Any, Any, Any, dict]] = []
        for i, (u, v, cle, donnees) in enumerate(G.edges(keys=True, data=True), start=1):
            ligne = {"id": f"p{i}", "source": u, "cible": v, **{c: _scalaire(x) for c, x in donnees.items()}}
            self.liens.append((u, v, cle, ligne))
        self.partenariats = [ligne for *_, ligne in self.liens]
        self.colonnes_partenariats = _colonnes(_COLONNES_PARTENARIATS, self.partenariats)
        _uniformiser(self.organisations, self.colonnes_organisations)
        _uniformiser(self.partenariats, self.colonnes_partenariats)


def _attributs(ligne: dict, sauf: tuple[str, ...] = ()) -> dict:
    """Attributs pour GEXF et GraphML : sans valeur absente, listes et dictionnaires en texte."""
    return {c: _texte_plat(v) for c, v in ligne.items() if v is not None and c not in sauf}


# --- GEXF (Gephi) ----------------------------------------------------------------------

def _rgb(couleur: str) -> dict[str, Any]:
    """``#RRGGBB`` → couleur ``viz`` de GEXF.

    >>> _rgb("#E69F00")
    {'r': 230, 'g': 159, 'b': 0, 'a': 1.0}
    """
    return {"r": int(couleur[1:3], 16), "g": int(couleur[3:5], 16), "b": int(couleur[5:7], 16), "a": 1.0}


def _mercator(longitude: float, latitude: float) -> tuple[float, float]:
    """Projection de Mercator (latitude bornée à ±85°), abscisses dans [-1000, 1000].

    >>> tuple(round(v) for v in _mercator(90.0, 45.0))
    (500, 281)
    """
    phi = math.radians(max(-85.0, min(85.0, latitude)))
    y = math.log(math.tan(math.pi / 4 + phi / 2)) / math.pi * _DEMI_LARGEUR
    return longitude / 180.0 * _DEMI_LARGEUR, y


def _positions(G: nx.MultiGraph) -> dict[Any, tuple[float, float]]:
    """Positions Gephi : longitude et latitude projetées ; à défaut de coordonnées partout, disposition calculée."""
    points = {n: coordonnees(d) for n, d in G.nodes(data=True)}
    if all(lat is not None and lon is not None for lat, lon in points.values()):
        return ecarter({n: _mercator(lon, lat) for n, (lat, lon) in points.items()}, _ECART)  # type: ignore[arg-type]
    # la disposition par forces de la carte (composantes rangées), le nord en haut comme dans Gephi
    return {n: (x, -y) for n, (x, y) in disposition_force(nx.Graph(G)).items()}


def _taille(degre: int, degre_max: int) -> float:
    """Taille Gephi d'un nœud, croissante avec la racine de son degré.

    >>> _taille(0, 4), _taille(4, 4), _taille(1, 0)
    (5.0, 30.0, 5.0)
    """
    if degre_max <= 0:
        return _TAILLE_MIN
    return round(_TAILLE_MIN + (_TAILLE_MAX - _TAILLE_MIN) * math.sqrt(degre / degre_max), 2)


def _xml_propre(valeur: Any) -> Any:
    """Textes (et dictionnaires de textes) sans caractère interdit en XML 1.0 ; le reste inchangé.

    >>> _xml_propre({"label": "Coop\\x01", "viz": {"size": 5.0}})
    {'label': 'Coop', 'viz': {'size': 5.0}}
    """
    if isinstance(valeur, str):
        return texte_xml(valeur)
    if isinstance(valeur, dict):
        return {texte_xml(str(c)): _xml_propre(v) for c, v in valeur.items()}
    return valeur


def _pour_xml(H: nx.MultiGraph) -> nx.MultiGraph:
    """Copie de ``H`` écrivable en XML bien formé, quels que soient les textes des données."""
    P = nx.MultiGraph()
    P.graph.update(_xml_propre(H.graph))
    for n, d in H.nodes(data=True):
        P.add_node(_xml_propre(n), **_xml_propre(d))
    for u, v, k, d in H.edges(keys=True, data=True):
        P.add_edge(_xml_propre(u), _xml_propre(v), key=_xml_propre(k), **_xml_propre(d))
    return P
def _date(annee: Any, fin: bool = False) -> str | None:
    """Une année en date GEXF : 1er janvier (début) ou 31 décembre (fin) ; ``None`` si absente.

    >>> _date(1997), _date(2005, fin=True), _date(None)
    ('1997-01-01', '2005-12-31', None)
    """
    if annee is None:
        return None
    return f"{int(annee):04d}-12-31" if fin else f"{int(annee):04d}-01-01"


def periodes_organisation(periodes: Iterable[tuple[int | None, int | None]]) -> list[tuple[int | None, int | None]]:
    """Les années d'une organisation : l'union des périodes de ses partenariats, fusionnées quand
    elles se touchent (``None`` : sans borne).

    >>> periodes_organisation([(2003, 2003), (2001, 2002), (2006, None), (None, 1990)])
    [(None, 1990), (2001, 2003), (2006, None)]
    """
    infini = float("inf")
    triees = sorted(((-infini if d is None else d, infini if f is None else f) for d, f in periodes))
    fusion: list[list[float]] = []
    for debut, fin in triees:
        if fusion and debut <= fusion[-1][1] + 1:
            fusion[-1][1] = max(fusion[-1][1], fin)
        else:
            fusion.append([debut, fin])
    return [(None if d == -infini else int(d), None if f == infini else int(f)) for d, f in fusion]


def _gexf(G: nx.MultiGraph, chemin: Path, tables: _Tables) -> Path:
    """GEXF dynamique : chaque partenariat a ses dates (``start``/``end``), chaque organisation les
    périodes de ses partenariats (``spells``) ; la frise de Gephi rejoue le réseau."""
    H = nx.MultiGraph(mode="dynamic")
    periodes: dict[Any, list[tuple[int | None, int | None]]] = defaultdict(list)
    for u, v, donnees in G.edges(data=True):
        for x in (u, v):
            periodes[x].append((donnees.get("debut"), donnees.get("fin")))
    positions = _positions(G)
    degres = {n: len(G[n]) for n in G}
    degre_max = max(degres.values(), default=0)
    for ligne in tables.organisations:
        noeud = ligne["id"]
        x, y = positions[noeud]
        affichage: dict[str, Any] = {
            "label": str(ligne.get("nom") or noeud),
            "viz": {
                "color": _rgb(ECHELLE.get(ligne.get("echelle") or "", INCONNU)),
                "size": _taille(degres[noeud], degre_max),
                "position": {"x": round(x, 3), "y": round(y, 3), "z": 0.0},
            },
        }
        spells = periodes_organisation(periodes.get(noeud, []))
        if spells and spells != [(None, None)]:  # sans période (ou sans borne) : présente tout le temps
            affichage["spells"] = [(_date(d), _date(f, fin=True)) for d, f in spells]
        H.add_node(noeud, **{**_attributs(ligne, sauf=("id",)), **affichage})
    for u, v, cle, ligne in tables.liens:
        attributs = _attributs(ligne, sauf=("type",))
        if ligne.get("type") is not None:
            attributs["type_partenariat"] = ligne["type"]
        if ligne.get("poids") is not None:
            attributs["weight"] = ligne["poids"]
        for borne, valeur in (("start", _date(ligne.get("debut"))), ("end", _date(ligne.get("fin"), fin=True))):
            if valeur is not None:
                attributs[borne] = valeur
        H.add_edge(u, v, key=cle, **attributs)
    with fichier_atomique(chemin, binaire=True) as f:
        nx.write_gexf(_pour_xml(H), f)
    return chemin


# --- GraphML et JSON --------------------------------------------------------------------

def _graphml(G: nx.MultiGraph, chemin: Path, tables: _Tables) -> Path:
    from ..analyse.mesures import resume_reseau

    H = nx.MultiGraph()
    infos = {"source": G.graph.get("source"), "avertissements": G.graph.get("avertissements"), **resume_reseau(G)}
    H.graph.update(_attributs({c: _scalaire(v) for c, v in infos.items()}))
    for ligne in tables.organisations:
        H.add_node(ligne["id"], **_attributs(ligne, sauf=("id",)))
    # L'id du partenariat sert de clé : c'est l'id de l'arête GraphML, unique dans le fichier ;
    # repris dans l'attribut « partenariat », que relisent aussi igraph et R (qui perdent l'id).
    for u, v, _, ligne in tables.liens:
        H.add_edge(u, v, key=ligne["id"], partenariat=ligne["id"], **_attributs(ligne, sauf=("id",)))
    with fichier_atomique(chemin, binaire=True) as f:
        nx.write_graphml(_pour_xml(H), f, infer_numeric_types=True)
    return chemin


def _json(G: nx.MultiGraph, chemin: Path, tables: _Tables) -> Path:
    from ..analyse.mesures import resume_reseau

    H = nx.MultiGraph(
        source=G.graph.get("source"), avertissements=G.graph.get("avertissements", []), reseau=resume_reseau(G)
    )
    for ligne in tables.organisations:
        H.add_node(ligne["id"], **{c: v for c, v in ligne.items() if c != "id"})
    for u, v, cle, ligne in tables.liens:
        H.add_edge(u, v, key=cle, **ligne)
    donnees = nx.node_link_data(H, edges="edges")
    # « source » et « target » d'un lien : la source et la cible du partenariat (le graphe
    # n'étant pas orienté, networkx en choisit l'ordre ; on le remet dans le sens du partenariat).
    for lien in donnees["edges"]:
        if lien["source"] == lien.get("cible"):
            lien["source"], lien["target"] = lien["target"], lien["source"]
    with fichier_atomique(chemin) as f:
        f.write(en_json(donnees) + "\n")
    return chemin


# --- Tableurs ---------------------------------------------------------------------------

def _csv(G: nx.MultiGraph, chemin: Path, tables: _Tables) -> Path:
    organisations = en_csv(tables.organisations, tables.colonnes_organisations)
    partenariats = en_csv(tables.partenariats, tables.colonnes_partenariats)
    with fichier_atomique(chemin / "organisations.csv") as fo, fichier_atomique(chemin / "partenariats.csv") as fp:
        fo.write(organisations)
        fp.write(partenariats)
    return chemin


def _cellule_xlsx(valeur: Any) -> Any:
    """Cellule XLSX : nombres et booléens tels quels, texte sans caractère interdit et neutralisé.

    >>> _cellule_xlsx("\x01@SUM(A1)"), _cellule_xlsx(-12.5), _cellule_xlsx(None) is None
    ("'@SUM(A1)", -12.5, True)
    """
    valeur = _texte_plat(_scalaire(valeur))
    if isinstance(valeur, str):
        return neutraliser(_INTERDITS_XLSX.sub("", valeur))
    return valeur


def _aplatir(prefixe: str, valeur: Any) -> list[tuple[str, Any]]:
    """Lignes (mesure, valeur) du résumé ; un dictionnaire donne une ligne par clé.

    >>> _aplatir("matrice", {"locale": {"nationale": 2}})
    [('matrice.locale.nationale', 2)]
    """
    if isinstance(valeur, dict):
        return [ligne for cle, v in valeur.items() for ligne in _aplatir(f"{prefixe}.{cle}", v)]
    return [(prefixe, valeur)]


def _xlsx(G: nx.MultiGraph, chemin: Path, tables: _Tables) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from ..analyse.mesures import resume_reseau
    from .diagnostics import COLONNES as COLONNES_REGIONS
    from .diagnostics import classer_regions

    regions = classer_regions(G)[list(COLONNES_REGIONS)]
    lignes_regions = _enregistrements(regions)
    resume = [{"mesure": "source", "valeur": G.graph.get("source")}]
    resume += [{"mesure": m, "valeur": v} for cle, valeur in resume_reseau(G).items() for m, v in _aplatir(cle, valeur)]
    feuilles = (
        ("organisations", tables.colonnes_organisations, tables.organisations),
        ("partenariats", tables.colonnes_partenariats, tables.partenariats),
        ("regions", _colonnes(regions.columns, lignes_regions), lignes_regions),
        ("resume", ["mesure", "valeur"], resume),
    )
    classeur = Workbook(write_only=True)
    gras = Font(bold=True)
    for titre, colonnes, lignes in feuilles:
        feuille = classeur.create_sheet(titre)
        feuille.freeze_panes = "A2"
        entetes = [WriteOnlyCell(feuille, value=_cellule_xlsx(c)) for c in colonnes]
        for cellule in entetes:
            cellule.font = gras
        feuille.append(entetes)
        for ligne in lignes:
            feuille.append([_cellule_xlsx(ligne.get(c)) for c in colonnes])
    with fichier_atomique(chemin, binaire=True) as f:
        classeur.save(f)
    return chemin


_ECRIVAINS: dict[str, Callable[[nx.MultiGraph, Path, _Tables], Path]] = {
    "gexf": _gexf, "graphml": _graphml, "json": _json, "csv": _csv, "xlsx": _xlsx,
}


def format_depuis_extension(chemin: str | Path) -> str | None:
    """Le format d'export désigné par l'extension du fichier, ou ``None``.

    >>> format_depuis_extension("reseau.GEXF"), format_depuis_extension("sorties/") is None
    ('gexf', True)
    """
    extension = Path(chemin).suffix.lower().lstrip(".")
    return extension if extension in FORMATS_EXPORT else None


def _cible(chemin: str | Path | None, format: str | None) -> tuple[Path, str]:
    """Chemin et format de l'export, l'un complétant l'autre ; erreur claire s'ils ne vont pas ensemble."""
    if format is None and chemin is not None:
        format = format_depuis_extension(chemin)
    if format is None:
        raise ParametreInvalide(
            f"format d'export à préciser ({', '.join(FORMATS_EXPORT)}) : "
            + (f"l'extension de « {chemin} » ne le dit pas" if chemin is not None else "ni format ni fichier de sortie donné")
            + " — donnez --format, ou -o avec l'extension du format"
        )
    verifier_choix("format d'export", format, FORMATS_EXPORT)
    if chemin is None:
        return DOSSIER_SORTIES / ("reseau" if format == "csv" else f"reseau.{format}"), format
    chemin = Path(chemin)
    if format == "csv" and chemin.suffix and not chemin.is_dir():
        raise ParametreInvalide(
            f"pour le format csv, la sortie est un dossier (il recevra organisations.csv et "
            f"partenariats.csv) : « {chemin} » a une extension — essayez « {chemin.with_suffix('')} »"
        )
    if format != "csv" and chemin.is_dir():
        raise ParametreInvalide(f"« {chemin} » est un dossier — donnez un fichier .{format}")
    return chemin, format


def exporter(
    G: nx.MultiGraph,
    chemin: str | Path | None = None,
    format: str | None = None,
    *,
    mesures: pandas.DataFrame | Iterable[dict] | None = None,
    progression: Callable[[str], None] | None = None,
) -> Path:
    """Écrit le réseau et ses mesures au format ``gexf``, ``graphml``, ``json``, ``csv`` ou ``xlsx``.

    ``format`` manquant : d'après l'extension de ``chemin`` ; ``chemin`` manquant :
    ``sorties/reseau.<format>``. Pour ``csv``, ``chemin`` est un dossier qui reçoit
    ``organisations.csv`` et ``partenariats.csv``. ``mesures`` : le résultat de
    :func:`reseau.analyse.mesures.mesures_organisations`, calculé s'il manque. ``progression`` reçoit
    un message par étape longue (grands réseaux).
    Chaque fichier est écrit atomiquement ; le graphe n'est pas modifié. Rend le chemin écrit.
    """
    from ..analyse.mesures import SEUIL_PROGRESSION, mesures_organisations

    chemin, format = _cible(chemin, format)
    if mesures is None:
        mesures = mesures_organisations(G, progression=progression)
    if progression is not None and G.number_of_nodes() >= SEUIL_PROGRESSION:
        progression(f"Écriture {format} : {G.number_of_nodes()} organisations, {G.number_of_edges()} partenariats…")
    return _ECRIVAINS[format](G, chemin, _Tables(G, mesures))
