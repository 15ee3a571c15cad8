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
_MAX_ACTEURS = 10
_MAX_REGIONS = 10
_MAX_ELOIGNEES = 10


def construire_rapport(
    G: nx.MultiGraph,
    *,
    langue: str = "fr",
    mesures: pd.DataFrame | None = None,
    regions: pd.DataFrame | None = None,
) -> str:
    """Le rapport de réunion en HTML (une page autonome : styles et figures embarqués)."""
    verifier_langue(langue)
    import jinja2

    from .._version import __version__
    from ..analyse.mesures import mesures_organisations, resume_reseau
    from ..analyse.regions import POIDS_INDICE
    from .diagnostics import classer_regions

    if regions is None or "diagnostic" not in regions:
        regions = classer_regions(G, langue)
    mesures = mesures_organisations(G) if mesures is None else mesures
    resume = resume_reseau(G)

    def t(cle: str, **valeurs: Any) -> str:
        return libelle(cle, langue, **valeurs)

    environnement = jinja2.Environment(
        loader=jinja2.FileSystemLoader(GABARITS), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    return environnement.get_template("rapport.html").render(
        langue=langue,
        t=t,
        n=lambda valeur, decimales=0: _nombre(valeur, langue, decimales),
        pc=lambda part: pourcentage(part, langue),
        date=datetime.date.today().isoformat(),
        version=__version__,
        source=_source(G, t),
        chiffres=_chiffres(G, resume, t, langue),
        resume=resume,
        acteurs=_acteurs(mesures, langue),
        regions=_regions(regions, langue),
        nombre_regions=len(regions),
        nord_sud=_nord_sud(resume),
        articulation=_articulation(mesures, resume, langue),
        figures=_figures(G, langue, mesures, regions),
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


def _source(G: nx.MultiGraph, t: Any) -> dict[str, str]:
    """D'où viennent les données : le jeu de référence ou le chemin donné."""
    from ..entrees.geographie import dossier_reference

    chemin = str(G.graph.get("source") or "")
    reference = bool(chemin) and Path(chemin).resolve() == dossier_reference().resolve()
    return {"nom": t("rapport_jeu_reference") if reference else (Path(chemin).name or chemin), "chemin": chemin}


def _chiffres(G: nx.MultiGraph, resume: dict[str, Any], t: Any, langue: str) -> list[tuple[str, str]]:
    """Les chiffres clés : (libellé, valeur écrite)."""
    pays = {d.get("pays") for _, d in G.nodes(data=True) if d.get("pays")}
    articulation = resume.get("articulation_local_global")
    return [
        (t("rapport_organisations"), _nombre(resume.get("organisations"), langue)),
        (t("rapport_partenariats"), _nombre(resume.get("partenariats"), langue)),
        (t("rapport_pays"), _nombre(len(pays), langue)),
        (t("rapport_densite"), _nombre(resume.get("densite"), langue, 3)),
        (t("rapport_composantes"), _nombre(resume.get("composantes"), langue)),
        (t("rapport_plus_grande_composante"), _nombre(resume.get("taille_plus_grande_composante"), langue)),
        (t("rapport_regroupement"), _nombre(resume.get("regroupement"), langue, 2)),
        (t("rapport_articulation_court"), "—" if articulation is None else pourcentage(articulation, langue)),
        (t("rapport_assortativite"), _nombre(resume.get("assortativite_echelle"), langue, 2)),
    ]


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
    from ..entrees.geographie import nom_pays
    from ..analyse.regions import rang_affiche
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
        for ligne in regions[regions["classee"]].sort_values("rang", kind="stable").head(_MAX_REGIONS).to_dict("records")
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


def _figures(G: nx.MultiGraph, langue: str, mesures: pd.DataFrame, regions: pd.DataFrame) -> dict[str, str]:
    """Les six figures en PNG, sous forme d'URI ``data:`` (aucun fichier externe)."""
    from .figures import produire_figures

    with tempfile.TemporaryDirectory(prefix="reseau-rapport-") as dossier:
        chemins = produire_figures(G, dossier, format="png", langue=langue, mesures=mesures, regions=regions)
        return {
            chemin.stem.split("-", 1)[1]: "data:image/png;base64," + base64.b64encode(chemin.read_bytes()).decode()
            for chemin in chemins
        }


def _documents(G: nx.MultiGraph) -> list[tuple[str, int]]:
    """Les documents cités par la colonne ``reference`` (organisations et partenariats), les plus cités d'abord.

    Une référence « fichier citation ; URL » compte pour chacun de ses documents ; le document est
    son premier mot quand il ressemble à un chemin ou une adresse, sinon la référence entière.
    """
    compte: Counter[str] = Counter()
    references = [d.get("reference") for _, d in G.nodes(data=True)] + [d.get("reference") for *_, d in G.edges(data=True)]
    for reference in references:
        for morceau in str(reference or "").split(" ; "):
            morceau = morceau.strip()
            if not morceau:
                continue
            premier = morceau.split()[0]
            compte[premier if "/" in premier or "." in premier[:-1] else morceau] += 1
    return sorted(compte.items(), key=lambda x: (-x[1], x[0]))
