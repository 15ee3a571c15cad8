"""Mise en forme des analyses (``analyser``, ``regions``, ``portee``, ``chemin``, ``suggestions``) :
table du terminal (avec ``rich``, importé seulement pour elle), CSV, JSON."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from .._fichiers import en_csv, en_json, propre
from ..analyse.mesures import IDENTITE, MESURES
from ..entrees.schema import ECHELLES
from ..erreurs import verifier_choix
from .libelles import VOCABULAIRE, abreger, libelle, nom_court, nombre, traduire

if TYPE_CHECKING:
    import pandas

FORMATS_TABLE = ("table", "csv", "json")

# Organisations (et pays) cités au plus par saut dans la table de portée.
CITEES_PAR_SAUT = 8
# Largeur de la table du terminal : celle du terminal, ramenée entre ces bornes.
LARGEUR_MIN, LARGEUR_MAX = 80, 120
# Lignes au plus dans la table des organisations (le reste : --format csv ou json).
LIGNES_MAX = 100
# Décimales par colonne (toutes les valeurs d'une colonne en ont autant) ; 2 sinon.
DECIMALES: dict[str, int] = {
    "densite": 3, "regroupement": 3, "intermediarite": 3, "proximite": 3, "vecteur_propre": 3,
    "pagerank": 4, "contrainte": 3, "gain_indice": 3, "adamic_adar": 2, "portee_km": 0, "degre_pondere": 1,
}
# Largeur au plus de certaines colonnes de texte (le reste va aux phrases : diagnostic, raison).
LARGEURS_MAX: dict[str, int] = {"region": 20, "organisation": 18, "partenaire": 20, "echelles": 16, "pays": 14}
# Colonnes d'années : écrites sans séparateur de milliers.
ANNEES = {"annee", "debut", "fin"}
# Colonnes de nombres déjà écrits (textes), alignées à droite.
A_DROITE = {"valeur"}
# Colonnes de phrases : elles prennent la place qui reste.
PHRASES = ("diagnostic", "raison", "organisations_liste")
# Colonnes essentielles des organisations dans le terminal (toutes en CSV et JSON).
ESSENTIELLES = ("organisation", "echelle", "pays", "degre", "intermediarite", "proximite", "pagerank",
                "sauts_international")


def paragraphe(texte: str, largeur: int | None = None) -> str:
    """Un texte replié à la largeur de la table.

    >>> print(paragraphe("un deux trois quatre", 10))
    un deux
    trois
    quatre
    """
    import textwrap

    return "\n".join(textwrap.wrap(texte, largeur or largeur_terminal(), break_on_hyphens=False))


def _verifier(format: str) -> None:
    verifier_choix("format", format, FORMATS_TABLE)


def largeur_terminal() -> int:
    """La largeur du terminal (variable ``COLUMNS`` comprise), ramenée entre 80 et 120 colonnes."""
    return max(LARGEUR_MIN, min(LARGEUR_MAX, shutil.get_terminal_size((100, 24)).columns))


def entete(colonne: str, langue: str = "fr") -> str:
    """L'en-tête lisible d'une colonne : « Intermédiarité » plutôt que ``intermediarite``.

    >>> entete("sauts_international"), entete("colonne_inconnue")
    ('Liens à l’intl.', 'Colonne inconnue')
    """
    cle = f"col_{colonne}"
    if cle in VOCABULAIRE:
        return libelle(cle, langue)
    return colonne.replace("_", " ").capitalize()


def _texte(valeur: Any, decimales: int | None = None, langue: str = "fr") -> str:
    """Texte d'une cellule : nombre à ``decimales`` décimales, « oui »/« non », listes jointes."""
    valeur = propre(valeur)
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return libelle("oui" if valeur else "non", langue)
    if isinstance(valeur, float) and decimales is not None:
        return nombre(valeur, "en", decimales).replace(",", "\u202f")
    if isinstance(valeur, float):
        return f"{valeur:.4g}"
    if isinstance(valeur, list):
        return ", ".join(_texte(v, decimales, langue) for v in valeur)
    return str(valeur)


def _numerique(valeurs: list[Any]) -> bool:
    presentes = [propre(v) for v in valeurs if propre(v) is not None]
    return bool(presentes) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in presentes)


def en_table(lignes: Sequence[Mapping], colonnes: Sequence[str], *, langue: str = "fr",
             decimales: Mapping[str, int] | None = None, largeur: int | None = None) -> str:
    """Table du terminal tenue dans ``largeur`` colonnes (défaut : :func:`largeur_terminal`).

    En-têtes lisibles ; nombres alignés à droite, même nombre de décimales dans une colonne ;
    textes longs repliés sur plusieurs lignes.

    >>> print(en_table([{"id": "a", "degre": 2, "pagerank": 0.5}, {"id": "bb", "degre": 10, "pagerank": 0.25}],
    ...                ["id", "degre", "pagerank"], largeur=80))
    Id  Partenaires  PageRank
    ─────────────────────────
    a             2    0.5000
    bb           10    0.2500
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    largeur = largeur or largeur_terminal()
    decimales = {**DECIMALES, **(decimales or {})}
    phrases = any(c in PHRASES for c in colonnes)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), collapse_padding=True,
                  expand=phrases)
    # Par colonne : None (texte), ou le nombre de décimales (0 pour des entiers).
    formats: list[int | None] = []
    for c in colonnes:
        valeurs = [propre(ligne.get(c)) for ligne in lignes]
        if not _numerique(valeurs):
            formats.append(None)
        else:
            formats.append(decimales.get(c, 2) if any(isinstance(v, float) for v in valeurs) else 0)
        texte_seul = formats[-1] is None and c not in A_DROITE
        table.add_column(Text(entete(c, langue)), justify="left" if texte_seul else "right",
                         no_wrap=formats[-1] is not None, overflow="fold",
                         max_width=LARGEURS_MAX.get(c) if formats[-1] is None else None,
                         ratio=1 if c in PHRASES and formats[-1] is None else None)
    for ligne in lignes:
        cellules = []
        for c, nb in zip(colonnes, formats):
            valeur = propre(ligne.get(c))
            if nb is not None and valeur is not None:
                valeur = float(valeur)
            annee = c in ANNEES and valeur is not None
            cellules.append(Text(str(int(valeur)) if annee else _texte(valeur, nb, langue)))
        table.add_row(*cellules)
    import io

    tampon = io.StringIO()
    console = Console(width=largeur, color_system=None, force_terminal=False, record=False, markup=False,
                      highlight=False, emoji=False, file=tampon)
    console.print(table)
    texte = tampon.getvalue()
    return "\n".join(ligne.rstrip() for ligne in texte.rstrip("\n").split("\n"))


def formater(lignes: Sequence[dict], colonnes: Sequence[str], format: str, enveloppe: str | None = None,
             **options: Any) -> str:
    """Met des lignes au format ``table``, ``csv`` ou ``json`` (sous la clé ``enveloppe``)."""
    _verifier(format)
    if format == "table":
        return en_table(lignes, colonnes, **options)
    if format == "csv":
        return en_csv(lignes, colonnes)
    donnees = [{c: ligne.get(c) for c in colonnes} for ligne in lignes]
    return en_json({enveloppe: donnees} if enveloppe else donnees)


def enregistrements(table: pandas.DataFrame) -> list[dict[str, Any]]:
    """Les lignes d'une table en dictionnaires, valeurs manquantes (NA, NaN) à ``None``.

    >>> import pandas as pd
    >>> enregistrements(pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": [0.5, float("nan")]}))
    [{'a': 1, 'b': 0.5}, {'a': None, 'b': None}]
    """
    objets = table.astype(object)
    return objets.where(table.notna(), None).to_dict("records")


def csv_colonnes(table: pandas.DataFrame, colonnes: Sequence[str]) -> str:
    r"""``formater(enregistrements(table), colonnes, "csv")``, colonne par colonne : pas de dictionnaire
    par ligne, et une colonne d'entiers, de booléens ou de textes convertit chaque valeur distincte une
    fois (100 000 organisations : 2,5 fois plus rapide).

    >>> import pandas as pd
    >>> csv_colonnes(pd.DataFrame({"a": ["x", None], "b": [0.5, float("nan")], "c": [True, False]}), ["a", "b", "c"])
    'a,b,c\nx,0.5,true\n,,false\n'
    """
    import csv
    import io

    from pandas.api.types import is_bool_dtype, is_integer_dtype, is_string_dtype

    from .._fichiers import cellule_csv, neutraliser

    cellules = []
    for c in colonnes:
        if c not in table.columns:
            cellules.append([""] * len(table))
            continue
        serie = table[c]
        valeurs = serie.astype(object).where(serie.notna(), None).tolist()
        # Un seul type de valeur (et None) : une valeur distincte, une conversion.
        if is_bool_dtype(serie) or is_integer_dtype(serie) or is_string_dtype(serie):
            cache = {v: cellule_csv(v) for v in set(valeurs)}
            cellules.append(list(map(cache.__getitem__, valeurs)))
        else:
            cellules.append(list(map(cellule_csv, valeurs)))
    tampon = io.StringIO()
    ecrivain = csv.writer(tampon, lineterminator="\n")
    ecrivain.writerow([neutraliser(c) for c in colonnes])
    ecrivain.writerows(zip(*cellules))
    return tampon.getvalue()


def _texte_resume(cle: str, valeur: Any) -> str:
    """Une valeur du résumé dans le terminal : calcul de l'intermédiarité en clair, indices par
    groupe en « groupe : valeur ».

    >>> _texte_resume("intermediarite", {"methode": "estimee", "pivots": 500, "erreur_tete": 0.03})
    'estimée sur 500 pivots (erreur moyenne attendue sur le 1 % en tête ≈ 3 %)'
    >>> _texte_resume("indice_ei_par_groupe", {"locale": 0.157, "nationale": None})
    'locale : 0.16 ; nationale : '
    """
    if cle == "intermediarite" and isinstance(valeur, Mapping):
        if valeur.get("methode") == "exacte":
            return libelle("table_intermediarite_exacte")
        return libelle("table_intermediarite_estimee", pivots=valeur["pivots"],
                       erreur=nombre(100 * valeur["erreur_tete"], "en", 1).removesuffix(".0"))
    if isinstance(valeur, Mapping):
        return " ; ".join(f"{traduire(str(k))} : {_texte(v, 2)}" for k, v in valeur.items())
    return _texte(valeur, DECIMALES.get(cle, 2) if isinstance(valeur, float) else None)


def texte_analyse(resume: dict[str, Any], table: pandas.DataFrame, format: str) -> str:
    """``analyser`` : résumé puis organisations par intermédiarité décroissante (table, colonnes
    essentielles), organisations seules (CSV), ou ``{"reseau": …, "organisations": […]}`` (JSON)."""
    _verifier(format)
    if format == "json":
        return en_json({"reseau": resume, "organisations": enregistrements(table)})
    if format == "csv":
        return csv_colonnes(table, IDENTITE + MESURES)
    valeurs = [{"mesure": entete(f"resume_{cle}" if f"col_resume_{cle}" in VOCABULAIRE else cle),
                "valeur": _texte_resume(cle, v)}
               for cle, v in resume.items() if cle != "matrice_echelles"]
    matrice = [{"echelle": traduire(a), **ligne} for a, ligne in resume["matrice_echelles"].items()]
    triee = enregistrements(table.sort_values("intermediarite", ascending=False, kind="stable"))
    for ligne in triee:
        ligne["organisation"] = ligne.get("sigle") or abreger(ligne.get("nom") or ligne["id"], 30)
        ligne["echelle"] = traduire(ligne["echelle"]) if ligne.get("echelle") else ""
    reste = len(triee) - LIGNES_MAX
    bas = libelle("table_suite", n=reste) if reste > 0 else libelle("table_toutes_mesures")
    return "\n\n".join((
        libelle("table_reseau") + "\n" + en_table(valeurs, ["mesure", "valeur"]),
        libelle("table_echelles") + "\n" + en_table(matrice, ["echelle", *ECHELLES]),
        libelle("table_organisations") + "\n" + en_table(triee[:LIGNES_MAX], ESSENTIELLES) + "\n" + paragraphe(bas),
    ))


# Colonnes des régions dans le terminal.
COLONNES_REGIONS_TABLE = ("rang", "region", "organisations", "isolees", "part_reliee_international",
                          "indice_connexion", "diagnostic")


def texte_regions(table: pandas.DataFrame, format: str, G: nx.MultiGraph | None = None, langue: str = "fr") -> str:
    """``regions`` : le classement ; en JSON ``{"regions": […], "hors_regions": {…}}``.

    En table, les régions trop petites suivent sous leur propre titre, puis les organisations
    hors de toute région (sans région précisée, internationales).
    """
    _verifier(format)
    from ..entrees.geographie import nom_pays
    from .diagnostics import COLONNES, phrases_hors_regions, rang_affiche

    lignes = enregistrements(table)
    hors = table.attrs.get("hors_regions") or {"sans_region": [], "internationales": []}
    if format == "csv":
        return formater(lignes, list(COLONNES), "csv")
    if format == "json":
        return en_json({"regions": [{c: ligne.get(c) for c in COLONNES} for ligne in lignes], "hors_regions": hors})
    for ligne in lignes:
        ligne["rang"] = rang_affiche(ligne["rang"], bool(ligne["ex_aequo"]))
        ligne["region"] = f"{ligne['region']} ({nom_pays(ligne['pays'], langue)})"
    classees = [lg for lg in lignes if lg["classee"]]
    petites = [lg for lg in lignes if not lg["classee"]]
    parties = [paragraphe(libelle("table_regions_classees", langue, n=len(classees)))]
    if classees:
        parties.append(en_table(classees, COLONNES_REGIONS_TABLE, langue=langue))
    if petites:
        parties.append(paragraphe(libelle("table_regions_petites", langue, n=len(petites))))
        parties.append(en_table(petites, COLONNES_REGIONS_TABLE[1:], langue=langue))
    if G is not None:
        parties.extend(paragraphe(p) for p in phrases_hors_regions(G, hors, langue))
    return "\n\n".join(parties)


def _liste(valeurs: list, limite: int | None = None) -> str:
    textes = [str(v) for v in valeurs]
    if limite is not None and len(textes) > limite:
        return ", ".join(textes[:limite]) + f"… (+{len(textes) - limite})"
    return ", ".join(textes)


def texte_portee(G: nx.MultiGraph, resultat: dict[str, Any], format: str) -> str:
    """``portee`` : une ligne par saut (table, CSV) ; le dictionnaire complet en JSON."""
    _verifier(format)
    if format == "json":
        return en_json(resultat)
    colonnes = ["saut", "nouvelles", "organisations_cumulees", "echelles", "pays",
                "echelles_cumulees", "pays_cumules", "organisations"]
    lignes = [{**s, "nouvelles": len(s["organisations"])} for s in resultat["sauts"]]
    if format == "csv":
        return formater(lignes, colonnes, "csv")
    for ligne in lignes:
        ligne["organisations_liste"] = _liste(
            [nom_court(G.nodes[y], y) if y in G else y for y in ligne["organisations"]], CITEES_PAR_SAUT)
        ligne["pays"] = _liste(ligne["pays"], CITEES_PAR_SAUT)
    colonnes = ["saut", "nouvelles", "organisations_cumulees", "echelles", "pays", "organisations_liste"]
    x = resultat["organisation"]
    titre = resultat["nom"] or str(x)
    if resultat["sigle"]:
        titre = f"{resultat['sigle']} — {titre}"
    entete_portee = f"{titre} ({x} ; {resultat['echelle']}, {resultat['pays']})"
    atteintes = resultat["organisations_atteintes"]
    bilan = (f"Atteint {atteintes} organisation{'s' if atteintes > 1 else ''}, "
             f"échelles : {_liste(resultat['echelles_atteintes'])} ; "
             f"{len(resultat['pays_atteints'])} pays : {_liste(resultat['pays_atteints'], 20)}.")
    chemin = resultat["chemin_international"]
    if chemin is None:
        vers = "Aucune organisation internationale atteignable."
    elif len(chemin) == 1:
        vers = "C'est elle-même une organisation internationale."
    else:
        liens = len(chemin) - 1
        vers = (f"Plus court chemin vers l'international ({liens} lien{'s' if liens > 1 else ''}) : "
                + " → ".join(nom_court(G.nodes[y], y) for y in chemin))
    table = en_table(lignes, colonnes) if lignes else "Aucun partenaire."
    return "\n\n".join((paragraphe(entete_portee), table, paragraphe(bilan) + "\n" + paragraphe(vers)))


def texte_chemins(G: nx.MultiGraph, trouves: list[list[Any]], format: str) -> str:
    """``chemin`` : les plus courts chemins, un par ligne (table) ou une ligne par étape (CSV)."""
    _verifier(format)
    depart, arrivee = trouves[0][0], trouves[0][-1]
    liens = len(trouves[0]) - 1
    if format == "json":
        return en_json({"de": depart, "vers": arrivee, "liens": liens, "chemins": trouves})
    if format == "csv":
        colonnes = ["chemin", "etape", "id", "sigle", "nom", "echelle", "pays"]
        lignes = [
            {"chemin": i, "etape": j, "id": x, **{c: G.nodes[x].get(c) for c in colonnes[3:]}}
            for i, chemin in enumerate(trouves, start=1) for j, x in enumerate(chemin)
        ]
        return formater(lignes, colonnes, "csv")
    n = len(trouves)

    def nom(x: Any) -> str:
        return nom_court(G.nodes[x], x)

    entete_chemins = (f"{n} plus court{'s' if n > 1 else ''} chemin{'s' if n > 1 else ''} de {liens} "
                      f"lien{'s' if liens > 1 else ''} entre {nom(depart)} et {nom(arrivee)} :")
    return "\n".join([entete_chemins, *(f"  {i}. " + " → ".join(nom(x) for x in c) for i, c in enumerate(trouves, start=1))])


# Colonnes des liens à créer dans le terminal.
COLONNES_SUGGESTIONS_TABLE = ("region", "organisation", "partenaire", "gain_indice", "raison")


def texte_suggestions(table: pandas.DataFrame, format: str, langue: str = "fr") -> str:
    """``suggestions`` : une ligne par lien proposé ; en JSON ``{"suggestions": […]}`` (codes compris)."""
    _verifier(format)
    from ..entrees.geographie import nom_pays
    from .diagnostics import COLONNES_SUGGESTIONS

    lignes = enregistrements(table)
    if format == "json":
        return en_json({"suggestions": [{c: ligne.get(c) for c in (*COLONNES_SUGGESTIONS, "explications")}
                                        for ligne in lignes]})
    if format == "csv":
        return formater(lignes, COLONNES_SUGGESTIONS, "csv")
    if not lignes:
        return libelle("table_aucune_suggestion", langue)
    for ligne in lignes:
        ligne["region"] = f"{ligne['region']} ({nom_pays(ligne['pays'], langue)})"
        ligne["organisation"] = ligne["source_nom"]
        ligne["partenaire"] = f"{ligne['cible_nom']} ({ligne['cible_pays']})" if ligne["cible_pays"] else ligne["cible_nom"]
    return paragraphe(libelle("table_suggestions", langue, n=len(lignes))) + "\n\n" + en_table(
        lignes, COLONNES_SUGGESTIONS_TABLE, langue=langue)
