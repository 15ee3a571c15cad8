"""Le rapport de réunion : un seul fichier HTML autonome et imprimable (A4)."""

from __future__ import annotations

import base64
import datetime
import math
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._fichiers import ecrire_atomique
from .couleurs import LIENS_NORD_SUD
from .libelles import libelle, nombre, pourcentage, traduire, verifier_langue

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

GABARITS = Path(__file__).resolve().parent / "gabarits"
_MAX_ACTEURS = 6
_MAX_REGIONS = 10
_MAX_ELOIGNEES = 6
_MAX_NOUVEAUX = 6
_MAX_SUGGESTIONS = 8
# Figures du rapport (les autres restent dans ``reseau figures``).
FIGURES_RAPPORT = ("carte", "echelles")


def construire_rapport(
    G: nx.MultiGraph,
    *,
    langue: str = "fr",
    mesures: pd.DataFrame | None = None,
    regions: pd.DataFrame | None = None,
    titre: str | None = None,
    sous_titre: str | None = None,
    depuis: int | None = None,
) -> str:
    """Le rapport de réunion en HTML (une page autonome : styles et figures embarqués).

    Première page en langage simple (quelques chiffres, une phrase chacun), puis les liens à
    créer et les régions à suivre en tableaux, les acteurs, le Nord et le Sud, l'articulation
    local-global, ce qui a changé depuis ``depuis`` (défaut : l'année la plus récente moins 5) ;
    les mesures techniques, la méthode et les sources (regroupées par document) en annexe. Les
    citations des documents du GESQ n'apparaissent que sur le jeu de référence.
    """
    verifier_langue(langue)
    import jinja2

    from .._version import __version__
    from ..analyse.mesures import mesures_organisations, resume_reseau
    from ..analyse.regions import POIDS_INDICE
    from .diagnostics import classer_regions, suggerer_liens

    if regions is None or "diagnostic" not in regions:
        regions = classer_regions(G, langue)
    mesures = mesures_organisations(G) if mesures is None else mesures
    resume = resume_reseau(G)
    suggestions = suggerer_liens(G, langue=langue)

    def t(cle: str, **valeurs: Any) -> str:
        return libelle(cle, langue, **valeurs)

    environnement = jinja2.Environment(
        loader=jinja2.FileSystemLoader(GABARITS), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    source = _source(G, t)
    nord_sud = _nord_sud(resume)
    articulation = _articulation(mesures, resume, langue)
    lignes_regions = _regions(regions, langue)
    return environnement.get_template("rapport.html").render(
        langue=langue,
        t=t,
        n=lambda valeur, decimales=0: _nombre(valeur, langue, decimales),
        pc=lambda part: pourcentage(part, langue),
        titre=titre or t("rapport_titre"),
        sous_titre=sous_titre or "",
        date=datetime.date.today().isoformat(),
        version=__version__,
        source=source,
        essentiel=_essentiel(G, resume, mesures, regions, suggestions, nord_sud, articulation, t, langue),
        techniques=_chiffres(resume, t, langue),
        resume=resume,
        acteurs=_acteurs(mesures, langue),
        regions=lignes_regions,
        regions_a_part=_a_part(G, regions, langue),
        nombre_regions=int(regions["classee"].sum()),
        suggestions=_suggestions(suggestions, langue),
        nord_sud=nord_sud,
        articulation=articulation,
        figures=_figures(G, langue, mesures, regions),
        changements=_changements(G, depuis, langue),
        documents=_documents(G),
        avertissements=len(G.graph.get("avertissements") or []),
        couleurs=LIENS_NORD_SUD,
        poids_indice={cle: _nombre(poids, langue, 2) for cle, poids in POIDS_INDICE.items()},
    )


def ecrire_rapport(G: nx.MultiGraph, chemin: str | Path, **options: Any) -> Path:
    """Écrit le rapport (atomiquement) dans ``chemin`` ; ``options`` : celles de :func:`construire_rapport`."""
    return ecrire_atomique(chemin, construire_rapport(G, **options))


def _nombre(valeur: Any, langue: str, decimales: int = 0) -> str:
    """Un nombre à la manière de la langue ; tiret cadratin s'il manque."""
    import pandas as pd

    if valeur is None or pd.isna(valeur):
        return "—"
    return nombre(float(valeur), langue, decimales)


def _source(G: nx.MultiGraph, t: Any) -> dict[str, Any]:
    """D'où viennent les données : « jeu de référence » ou le nom du fichier ou du dossier, jamais un chemin."""
    from ..entrees.geographie import dossier_reference

    chemin = str(G.graph.get("source") or "")
    reference = bool(chemin) and Path(chemin).resolve() == dossier_reference().resolve()
    return {"nom": t("rapport_jeu_reference") if reference else (Path(chemin).name or chemin), "reference": reference}


def _chiffres(resume: dict[str, Any], t: Any, langue: str) -> list[tuple[str, str]]:
    """Les mesures techniques de l'annexe : (libellé, valeur écrite)."""
    return [
        (t("rapport_densite"), _nombre(resume.get("densite"), langue, 3)),
        (t("rapport_composantes"), _nombre(resume.get("composantes"), langue)),
        (t("rapport_plus_grande_composante"), _nombre(resume.get("taille_plus_grande_composante"), langue)),
        (t("rapport_regroupement"), _nombre(resume.get("regroupement"), langue, 2)),
        (t("rapport_assortativite"), _nombre(resume.get("assortativite_echelle"), langue, 2)),
    ]


def _essentiel(G: nx.MultiGraph, resume: dict[str, Any], mesures: pd.DataFrame, regions: pd.DataFrame,
               suggestions: pd.DataFrame, nord_sud: dict[str, Any], articulation: dict[str, Any], t: Any,
               langue: str) -> list[tuple[str, str]]:
    """La première page : quelques chiffres, chacun expliqué en une phrase (valeur, phrase)."""
    from .libelles import nom_court

    n = lambda valeur, decimales=0: _nombre(valeur, langue, decimales)  # noqa: E731
    pays = {d.get("pays") for _, d in G.nodes(data=True) if d.get("pays")}
    lignes = [(n(resume.get("organisations")),
               t("rapport_bref_organisations", m=n(resume.get("partenariats")), p=n(len(pays))))]
    if nord_sud["total"]:
        for famille in ("nord_sud", "sud_sud"):
            part = pourcentage(nord_sud["parts"][famille], langue)
            lignes.append((n(nord_sud[famille]), t(f"rapport_bref_{famille}", part=part)))
    if articulation["part"] is not None:
        lignes.append((pourcentage(articulation["part"], langue),
                       t("rapport_bref_articulation", proches=n(articulation["proches"]), total=n(articulation["total"]))))
    isolees = int((mesures["degre"] == 0).sum()) if len(mesures) else 0
    if isolees:
        lignes.append((n(isolees), t("rapport_bref_isolees")))
    if len(mesures):
        haut = mesures.sort_values(["intermediarite", "degre"], ascending=False, kind="stable").iloc[0]
        lignes.append((n(haut["degre"]), t("rapport_bref_acteur", nom=nom_court(haut, haut["id"]))))
    classees = regions[regions["classee"].astype(bool)]
    if len(classees):
        faible = classees.iloc[0]
        lignes.append((_nombre(faible["indice_connexion"], langue, 2),
                       t("rapport_bref_region", region=faible["region"], total=n(len(classees)))))
    regions_suggerees = suggestions[["pays", "region"]].drop_duplicates().shape[0]
    lignes.append((n(len(suggestions)), t("rapport_bref_suggestions", regions=n(regions_suggerees))))
    return lignes


def _suggestions(table: pd.DataFrame, langue: str) -> list[dict[str, Any]]:
    """Les liens à créer, prêts à afficher (au plus :data:`_MAX_SUGGESTIONS`)."""
    from ..entrees.geographie import nom_pays

    return [
        {
            "region": ligne["region"], "pays": nom_pays(ligne["pays"], langue),
            "source": ligne["source_nom"], "cible": ligne["cible_nom"],
            "gain": _nombre(ligne["gain_indice"], langue, 2), "raison": ligne["raison"],
        }
        for ligne in table.head(_MAX_SUGGESTIONS).to_dict("records")
    ]


def _a_part(G: nx.MultiGraph, regions: pd.DataFrame, langue: str) -> list[str]:
    """Ce qui n'est pas classé : régions trop petites, organisations sans région, internationales."""
    from .diagnostics import phrases_hors_regions

    petites = regions[~regions["classee"].astype(bool)]
    phrases = []
    if len(petites):
        noms = ", ".join(petites["region"].astype(str).head(8)) + ("…" if len(petites) > 8 else "")
        phrases.append(libelle("rapport_regions_petites", langue, n=len(petites), liste=noms))
    phrases += phrases_hors_regions(G, regions.attrs.get("hors_regions") or {}, langue)
    return phrases


def _acteurs(mesures: pd.DataFrame, langue: str) -> list[dict[str, Any]]:
    """Les organisations les plus intermédiaires, prêtes à afficher."""
    from ..entrees.geographie import nom_pays

    haut = mesures.sort_values(["intermediarite", "degre", "nom"], ascending=[False, False, True], kind="stable")
    return [
        {
            "nom": ligne["nom"],
            "sigle": ligne.get("sigle") or "",
            "type": traduire(ligne["type"], langue),
            "echelle": traduire(ligne["echelle"], langue),
            "pays": nom_pays(ligne["pays"], langue),
            "degre": _nombre(ligne["degre"], langue),
            "intermediarite": _nombre(ligne["intermediarite"], langue, 3),
            "sauts": _nombre(ligne["sauts_international"], langue),
        }
        for ligne in haut.head(_MAX_ACTEURS).to_dict("records")
    ]


def _regions(regions: pd.DataFrame, langue: str) -> list[dict[str, Any]]:
    """Les régions les moins reliées, avec leur diagnostic."""
    from ..analyse.regions import rang_affiche
    from ..entrees.geographie import nom_pays
    from .libelles import region_seule

    return [
        {
            "rang": rang_affiche(ligne["rang"], bool(ligne["ex_aequo"])),
            "region": region_seule(ligne["pays"], ligne["region"]) or "—",
            "pays": nom_pays(ligne["pays"], langue),
            "organisations": _nombre(ligne["organisations"], langue),
            "indice": _nombre(ligne["indice_connexion"], langue, 2),
            "diagnostic": ligne["diagnostic"],
        }
        for ligne in regions[regions["classee"].astype(bool)].sort_values("rang", kind="stable")
        .head(_MAX_REGIONS).to_dict("records")
    ]


def _nord_sud(resume: dict[str, Any]) -> dict[str, Any]:
    """Les trois familles de liens, leur total et leurs parts."""
    liens = {c: int(resume.get(f"liens_{c}", 0)) for c in ("nord_nord", "nord_sud", "sud_sud")}
    total = sum(liens.values())
    return {**liens, "total": total, "parts": {c: (v / total if total else 0.0) for c, v in liens.items()}}


def _articulation(mesures: pd.DataFrame, resume: dict[str, Any], langue: str) -> dict[str, Any]:
    """Local et régional face à l'international : combien y arrivent en deux liens, et les plus éloignées."""
    base = mesures[mesures["echelle"].isin(["locale", "regionale"])]
    sauts = base["sauts_international"].astype("float64").fillna(math.inf)  # inf : aucun chemin
    proches = int((sauts <= 2).sum())
    eloignees = base[sauts > 2].assign(_cle=sauts)
    eloignees = eloignees.sort_values(["_cle", "nom"], ascending=[False, True], kind="stable")
    return {
        "part": resume.get("articulation_local_global"),
        "proches": proches,
        "total": len(base),
        "sans_chemin": int((sauts == math.inf).sum()),
        "eloignees": [
            {
                "nom": ligne["nom"],
                "sigle": ligne.get("sigle") or "",
                "echelle": traduire(ligne["echelle"], langue),
                "region": ligne.get("region") or "",
                "sauts": None if math.isinf(ligne["_cle"]) else int(ligne["_cle"]),
            }
            for ligne in eloignees.head(_MAX_ELOIGNEES).to_dict("records")
        ],
    }


def _changements(G: nx.MultiGraph, depuis: int | None, langue: str) -> dict[str, Any] | None:
    """« Ce qui a changé » entre ``depuis`` et l'année la plus récente, prêt à afficher ; ``None`` sans années."""
    from ..analyse.evolution import changements
    from .libelles import nom_court

    resultat = changements(G, depuis)
    if resultat is None:
        return None

    def nom(x: Any) -> str:
        return nom_court(G.nodes[x], x)

    def paires(liste: list[tuple[Any, Any]]) -> list[str]:
        return [f"{nom(a)} — {nom(b)}" for a, b in liste]

    return {
        "depuis": resultat["depuis"],
        "jusqu_a": resultat["jusqu_a"],
        "max": _MAX_NOUVEAUX,
        "nouveaux": [{**p, "source": nom(p["source"]), "cible": nom(p["cible"]), "type": traduire(p["type"], langue)}
                     for p in resultat["nouveaux"]],
        "entrees": [nom(x) for x in resultat["entrees"]],
        **{camp: {sens: paires(resultat[camp][sens]) for sens in ("gagnees", "perdues")} for camp in ("nord_sud", "sud_sud")},
    }


def _figures(G: nx.MultiGraph, langue: str, mesures: pd.DataFrame, regions: pd.DataFrame) -> dict[str, str]:
    """Les figures du rapport en PNG, sous forme d'URI ``data:`` (aucun fichier externe)."""
    from .figures import produire_figures

    with tempfile.TemporaryDirectory(prefix="reseau-rapport-") as dossier:
        chemins = produire_figures(G, dossier, format="png", langue=langue, mesures=mesures, regions=regions)
        return {
            chemin.stem.split("-", 1)[1]: "data:image/png;base64," + base64.b64encode(chemin.read_bytes()).decode()
            for chemin in chemins if chemin.stem.split("-", 1)[1] in FIGURES_RAPPORT
        }


def document_de(reference: str) -> tuple[str, str]:
    """Le document d'une référence et, pour un fichier de faits, la clé citée.

    Le document est le premier chemin ou adresse avant la citation « … » (``faits/ripess.md R3`` :
    le fichier ``faits/ripess.md``, la clé ``R3`` ; « siège : exemple.org/a » : ``exemple.org/a``) ;
    sans chemin ni adresse, tout le texte qui précède la citation.

    >>> document_de("seeds/002_e3.txt « LES CIGALES (HDF) »"), document_de("lieu : faits/ripess.md R3")
    (('seeds/002_e3.txt', ''), ('faits/ripess.md', 'R3'))
    >>> document_de("compte rendu 2023 « déménagera ses bureaux »")
    ('compte rendu 2023', '')
    """
    avant = reference.split("«", 1)[0].strip() or reference.strip()
    mots = avant.split()
    for i, mot in enumerate(mots):
        if "/" in mot:
            cle = mots[i + 1] if i + 1 < len(mots) else ""
            return mot, cle if len(cle) <= 12 else ""
    return avant, ""


def _documents(G: nx.MultiGraph) -> list[dict[str, Any]]:
    """Les documents cités par la colonne ``reference`` (organisations et partenariats), regroupés :
    un document = un fichier, une adresse ou un texte de référence ; les clés de faits citées
    sont listées avec leur fichier. Les plus cités d'abord."""
    compte: Counter[str] = Counter()
    cles: dict[str, set[str]] = {}
    references = [d.get("reference") for _, d in G.nodes(data=True)] + [d.get("reference") for *_, d in G.edges(data=True)]
    for reference in references:
        for morceau in str(reference or "").split(" ; "):
            if not morceau.strip():
                continue
            document, cle = document_de(morceau)
            compte[document] += 1
            if cle and len(cle) <= 12:
                cles.setdefault(document, set()).add(cle)
    return [{"document": document, "citations": n, "cles": sorted(cles.get(document, ()))}
            for document, n in sorted(compte.items(), key=lambda x: (-x[1], x[0]))]
