"""Fusion des réponses des membres : doublons, conflits, provenance (``reseau fusionner``).

Rend des tables (organisations, partenariats, au format des colonnes du contrat) et un rapport
de données : une ligne par ajout, fusion, complément, doute, conflit, doublon ou lien écarté,
avec des codes (``action``, ``motif``, ``decision``) et jamais de phrase.

Deux organisations sont la même quand elles ont le même ``id`` (et des noms compatibles), le
même sigle dans le même pays, ou le même nom une fois accents, casse, ponctuation et petits mots
retirés, dans le même pays. Les cas douteux sont toujours signalés (``action`` = ``doute``) :

- ``nom_inclus`` : un nom contient l'autre, et les mots en plus sont des noms de lieu des
  deux fiches (« … du Québec ») : fusionnées (``decision`` = ``fusionnees``), à confirmer ;
- ``nom_proche`` (noms voisins), ``id_noms_differents``, ``sigle_noms_differents``,
  ``pays_differents`` : gardées à part (``decision`` = ``separees``).

Une coordinatrice tranche en écrivant ``fusionner`` ou ``separer`` dans la colonne
``decision`` du rapport CSV, qu'elle redonne par ``decisions``.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..erreurs import DonneesInvalides, ParametreInvalide, Probleme
from .chargement import Validation, valider
from .geographie import Referentiel, referentiel
from .schema import COLONNES_ORGANISATIONS, COLONNES_PARTENARIATS, cle, sans_accents

COLONNES_RAPPORT: tuple[str, ...] = (
    "action", "objet", "id", "nom", "reponse", "id_reponse", "id_attribue", "nom_reponse", "colonne",
    "valeur_gardee", "origine", "valeur_proposee", "motif", "score", "decision",
)
ACTIONS: tuple[str, ...] = ("ajout", "fusion", "complement", "doute", "conflit", "doublon", "ecarte")
# Colonnes comparées entre deux fiches d'une même organisation (les autres se cumulent).
_COMPAREES = tuple(c for c in COLONNES_ORGANISATIONS if c not in ("id", "reference"))
_MOTS_VIDES = frozenset({
    "a", "au", "aux", "d", "de", "del", "des", "du", "el", "en", "et", "l", "la", "las", "le", "les", "los",
    "of", "the", "and", "for", "y",
})
SEUIL_PROCHE = 85  # similarité (0-100) au-delà de laquelle deux noms sont signalés
SEUIL_SIGLE = 60  # même sigle et même pays : noms au moins aussi proches pour fusionner
PREFIXE_REPONSE = "réponse : "


@dataclass
class Fusion:
    """Résultat de :func:`fusionner` : tables fusionnées et rapport (une ligne par événement)."""

    reponses: list[str]
    organisations: list[dict] = field(default_factory=list)
    partenariats: list[dict] = field(default_factory=list)
    rapport: list[dict] = field(default_factory=list)

    def lignes(self, action: str) -> list[dict]:
        """Les lignes du rapport d'une action (``doute``, ``conflit``…)."""
        return [ligne for ligne in self.rapport if ligne["action"] == action]


@functools.lru_cache(maxsize=65536)
def mots(nom: str) -> tuple[str, ...]:
    """Les mots significatifs d'un nom : sans accents ni casse, ni ponctuation, ni petits mots (mis en cache :
    les mêmes noms reviennent d'une réponse à l'autre).

    >>> mots("Chantier de l’Économie sociale du Québec")
    ('chantier', 'economie', 'sociale', 'quebec')
    """
    return tuple(m for m in re.findall(r"[a-z0-9]+", sans_accents(nom).lower()) if m not in _MOTS_VIDES)


def _nombres(mots_nom: tuple[str, ...]) -> set[str]:
    """Les nombres d'un nom (sans zéros en tête) : deux noms aux nombres différents désignent deux organisations.

    >>> sorted(_nombres(mots("Coopérative 05 — Région 12")))
    ['12', '5']
    """
    return {m.lstrip("0") or "0" for m in mots_nom if m.isdigit()}


def _parts_reference(texte: str) -> list[str]:
    return [p.strip() for p in str(texte or "").split(" ; ") if p.strip()]


@functools.lru_cache(maxsize=65536)
def _forme(texte: str) -> str:
    """:func:`cle` mise en cache (les mêmes valeurs reviennent d'une réponse à l'autre)."""
    return cle(texte)


def _egal(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < 1e-6
        except (TypeError, ValueError):
            return False
    return _forme(str(a)) == _forme(str(b))


def _affiche(valeur: Any) -> Any:
    """Valeur d'un partenariat pour le rapport : un sens « a→b », vide pour ``None``."""
    return "→".join(valeur) if isinstance(valeur, tuple) else ("" if valeur is None else valeur)


def _vide(valeur: Any) -> bool:
    return valeur is None or valeur == ""


@dataclass
class _Fiche:
    """Une organisation en cours de fusion."""

    valeurs: dict[str, Any]
    origines: dict[str, str]
    references: list[str]
    base: bool
    mots: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return str(self.valeurs["id"])

    def ajouter_reference(self, *parts: str) -> None:
        for part in parts:
            if part not in self.references:
                self.references.append(part)


def _valeurs_org(org: Mapping[str, Any], ref: Referentiel) -> dict[str, Any]:
    """Une organisation validée, ramenée à ce qui a été écrit (pas les positions ni le Nord/Sud déduits)."""
    valeurs = {c: org.get(c) for c in COLONNES_ORGANISATIONS}
    if org.get("precision") != "coordonnees":
        valeurs["latitude"] = valeurs["longitude"] = None
    fiche = ref.pays.get(org.get("pays") or "")
    if fiche is not None and org.get("nord_sud") == fiche.nord_sud:
        valeurs["nord_sud"] = ""
    return {c: ("" if v is None and c not in ("latitude", "longitude") else v) for c, v in valeurs.items()}


def _lieux(valeurs: Mapping[str, Any], ref: Referentiel) -> set[str]:
    """Les mots des noms de lieu d'une fiche (ville, région, pays en trois langues, code)."""
    lieux = {str(valeurs.get("pays") or "").lower()}
    for colonne in ("region", "ville"):
        lieux.update(mots(str(valeurs.get(colonne) or "")))
    fiche = ref.pays.get(str(valeurs.get("pays") or ""))
    if fiche is not None:
        for nom in (fiche.nom_fr, fiche.nom_en, fiche.nom_es):
            lieux.update(mots(nom))
    return lieux


@dataclass
class _Decisions:
    """Décisions de la coordinatrice : (réponse, id dans la réponse) → (décision, id fusionné)."""

    fusionner: dict[tuple[str, str], str] = field(default_factory=dict)
    separer: dict[tuple[str, str], set[str]] = field(default_factory=dict)


def lire_decisions(chemin: str | Path) -> _Decisions:
    """Lit un rapport de fusion CSV où la colonne ``decision`` des doutes vaut ``fusionner`` ou ``separer``."""
    fichier = Path(chemin)
    try:
        texte = fichier.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ParametreInvalide(f"décisions « {fichier} » illisibles ({exc.strerror or exc})") from exc
    decisions = _Decisions()
    problemes = []
    for numero, ligne in enumerate(csv.DictReader(io.StringIO(texte)), start=2):
        decision = cle(ligne.get("decision") or "")
        if (ligne.get("action") or "") != "doute" or decision not in ("fusionner", "separer"):
            continue
        reponse, id_reponse, cible = (str(ligne.get(c) or "").strip().lstrip("'") for c in ("reponse", "id_reponse", "id"))
        if not (reponse and id_reponse and cible):
            problemes.append(Probleme(str(fichier), numero, "id", cible, "décision sans reponse, id_reponse ou id"))
        elif decision == "fusionner":
            decisions.fusionner[(reponse, id_reponse.lower())] = cible
        else:
            decisions.separer.setdefault((reponse, id_reponse.lower()), set()).add(cible.lower())
    if problemes:
        raise DonneesInvalides(str(fichier), problemes)
    return decisions


class _Fusionneur:
    """État de la fusion : fiches, index (id, sigle, nom), partenariats, rapport."""

    def __init__(self, ref: Referentiel, decisions: _Decisions) -> None:
        from rapidfuzz import fuzz, process  # import paresseux : seule la fusion s'en sert

        self._fuzz, self._process = fuzz, process
        self.ref = ref
        self.decisions = decisions
        self.fiches: list[_Fiche] = []
        self.par_id: dict[str, _Fiche] = {}
        self.par_sigle: dict[str, list[_Fiche]] = {}
        self.par_nom: dict[tuple[str, ...], list[_Fiche]] = {}
        self.noms: list[str] = []  # noms normalisés, pour la recherche floue
        self.fiches_par_nom: dict[str, list[_Fiche]] = {}
        self.liens: dict[tuple, dict] = {}
        self.liens_base: list[dict] = []  # partenariats de la base qui en répètent un autre : tous gardés
        self.origines_liens: dict[tuple, str] = {}
        self.rapport: list[dict] = []

    # --- Rapport ---
    def noter(self, action: str, objet: str = "organisation", **valeurs: Any) -> None:
        ligne = dict.fromkeys(COLONNES_RAPPORT)
        ligne.update(action=action, objet=objet, **valeurs)
        self.rapport.append(ligne)

    # --- Organisations ---
    def _indexer(self, fiche: _Fiche) -> None:
        self.par_id[fiche.id.lower()] = fiche
        sigle = _forme(str(fiche.valeurs.get("sigle") or ""))
        if sigle:
            self.par_sigle.setdefault(sigle, []).append(fiche)
        fiche.mots = mots(str(fiche.valeurs["nom"]))
        self.par_nom.setdefault(fiche.mots, []).append(fiche)
        nom = " ".join(fiche.mots)
        if nom not in self.fiches_par_nom:
            self.noms.append(nom)
        self.fiches_par_nom.setdefault(nom, []).append(fiche)

    def _nouvelle(self, valeurs: dict[str, Any], origine: str, base: bool, references: list[str]) -> _Fiche:
        identifiant = str(valeurs["id"])
        if identifiant.lower() in self.par_id:
            n = 2
            while f"{identifiant}-{n}".lower() in self.par_id:
                n += 1
            valeurs = {**valeurs, "id": f"{identifiant}-{n}"}
        fiche = _Fiche(valeurs, {c: origine for c in _COMPAREES if not _vide(valeurs.get(c))}, references, base)
        self.fiches.append(fiche)
        self._indexer(fiche)
        return fiche

    def similarite(self, a: tuple[str, ...], b: tuple[str, ...]) -> float:
        """Similarité des noms (0-100), sur les mots triés."""
        return float(self._fuzz.token_sort_ratio(" ".join(a), " ".join(b)))

    def _inclus(self, a: _Fiche | dict, b: _Fiche, mots_a: tuple[str, ...]) -> bool:
        """Un nom contient l'autre, et les mots en plus sont des lieux des deux fiches (même pays)."""
        valeurs_a = a.valeurs if isinstance(a, _Fiche) else a
        if valeurs_a.get("pays") != b.valeurs.get("pays"):
            return False
        petit, grand = sorted((set(mots_a), set(b.mots)), key=len)
        if len(petit) < 2 or petit == grand or not petit <= grand:
            return False
        return grand - petit <= _lieux(valeurs_a, self.ref) | _lieux(b.valeurs, self.ref)

    def _trouver(self, valeurs: dict[str, Any], reponse: str, exclus: set[str]) -> tuple[_Fiche | None, str, str, float]:
        """(fiche, décision, motif, score) : ``fusion``, ``fusionnees`` ou ``separees`` ; fiche ``None`` si rien."""
        nom = mots(str(valeurs["nom"]))
        pays = valeurs.get("pays")
        forcee = self.decisions.fusionner.get((reponse, str(valeurs["id"]).lower()))
        if forcee and forcee.lower() in self.par_id:
            return self.par_id[forcee.lower()], "fusion", "decision", 100.0

        def permise(f: _Fiche) -> bool:
            return f.id.lower() not in exclus

        doute: tuple[_Fiche | None, str, str, float] = (None, "", "", 0.0)
        meme_id = self.par_id.get(str(valeurs["id"]).lower())
        if meme_id is not None and permise(meme_id):
            score = self.similarite(nom, meme_id.mots)
            sigle = _forme(str(valeurs.get("sigle") or ""))
            if (score >= SEUIL_PROCHE or self._inclus(valeurs, meme_id, nom)
                    or (sigle and sigle == _forme(str(meme_id.valeurs.get("sigle") or "")))):
                return meme_id, "fusion", "id", score
            doute = (meme_id, "separees", "id_noms_differents", score)
        sigle = _forme(str(valeurs.get("sigle") or ""))
        for fiche in self.par_sigle.get(sigle, []) if sigle else []:
            if not permise(fiche):
                continue
            score = self.similarite(nom, fiche.mots)
            if fiche.valeurs.get("pays") != pays:
                doute = doute if doute[0] else (fiche, "separees", "pays_differents", score)
            elif score >= SEUIL_SIGLE or self._inclus(valeurs, fiche, nom):
                return fiche, "fusion", "sigle", score
            else:
                doute = doute if doute[0] else (fiche, "separees", "sigle_noms_differents", score)
        for fiche in self.par_nom.get(nom, []):
            if not permise(fiche):
                continue
            if fiche.valeurs.get("pays") == pays:
                return fiche, "fusion", "nom", 100.0
            doute = doute if doute[0] else (fiche, "separees", "pays_differents", 100.0)
        if doute[0] is not None or not nom:
            return doute
        proches = self._process.extract(
            " ".join(nom), self.noms, scorer=self._fuzz.token_set_ratio, score_cutoff=SEUIL_PROCHE, limit=5
        )
        meilleur: tuple[_Fiche | None, str, str, float] = (None, "", "", 0.0)
        for texte, _, _ in proches:
            for fiche in self.fiches_par_nom[texte]:
                if not permise(fiche):
                    continue
                if _nombres(nom) != _nombres(fiche.mots):
                    continue  # « Coopérative 5 » et « Coopérative 6 » : deux organisations
                score = self.similarite(nom, fiche.mots)
                if self._inclus(valeurs, fiche, nom):
                    candidat = (fiche, "fusionnees", "nom_inclus", score)
                elif score >= SEUIL_PROCHE or self._fuzz.token_set_ratio(" ".join(nom), texte) >= 90:
                    candidat = (fiche, "separees", "nom_proche", score)
                else:
                    continue
                rang = (candidat[1] == "fusionnees", candidat[3])
                if meilleur[0] is None or rang > (meilleur[1] == "fusionnees", meilleur[3]):
                    meilleur = candidat
        return meilleur

    def _completer(self, fiche: _Fiche, valeurs: dict[str, Any], reponse: str, id_reponse: str) -> bool:
        """Complète la fiche et note les conflits ; vrai si la réponse a apporté une valeur."""
        apport = False
        for colonne in _COMPAREES:
            nouvelle = valeurs.get(colonne)
            if _vide(nouvelle):
                continue
            ancienne = fiche.valeurs.get(colonne)
            if _vide(ancienne):
                fiche.valeurs[colonne] = nouvelle
                fiche.origines[colonne] = reponse
                apport = True
                self.noter("complement", id=fiche.id, nom=fiche.valeurs["nom"], reponse=reponse,
                           id_reponse=id_reponse, colonne=colonne, valeur_proposee=nouvelle)
            elif not _egal(ancienne, nouvelle):
                self.noter("conflit", id=fiche.id, nom=fiche.valeurs["nom"], reponse=reponse, id_reponse=id_reponse,
                           colonne=colonne, valeur_gardee=ancienne, origine=fiche.origines.get(colonne, ""),
                           valeur_proposee=nouvelle)
        return apport

    def organisation(self, org: Mapping[str, Any], reponse: str, base: bool) -> str:
        """Ajoute ou fusionne une organisation ; rend l'id qu'elle a dans le jeu fusionné."""
        valeurs = _valeurs_org(org, self.ref)
        id_reponse = str(valeurs["id"])
        references = _parts_reference(str(valeurs.pop("reference") or ""))
        if not base:
            references.append(PREFIXE_REPONSE + reponse)
        exclus = self.decisions.separer.get((reponse, id_reponse.lower()), set())
        rien: tuple[_Fiche | None, str, str, float] = (None, "", "", 0.0)
        fiche, decision, motif, score = rien if base or not self.fiches else self._trouver(valeurs, reponse, exclus)
        if fiche is not None and decision in ("fusion", "fusionnees"):
            if decision == "fusionnees":
                self.noter("doute", id=fiche.id, nom=fiche.valeurs["nom"], reponse=reponse, id_reponse=id_reponse,
                           id_attribue=fiche.id, nom_reponse=valeurs["nom"], motif=motif, score=round(score),
                           decision=decision)
            else:
                self.noter("fusion", id=fiche.id, nom=fiche.valeurs["nom"], reponse=reponse, id_reponse=id_reponse,
                           id_attribue=fiche.id, nom_reponse=valeurs["nom"], motif=motif, score=round(score))
            apport = self._completer(fiche, valeurs, reponse, id_reponse)
            nouvelles = [r for r in references if not r.startswith(PREFIXE_REPONSE)]
            if not fiche.base or apport or any(r not in fiche.references for r in nouvelles):
                fiche.ajouter_reference(*references)
            return fiche.id
        nouvelle = self._nouvelle(valeurs, reponse, base, references)
        if fiche is not None:
            self.noter("doute", id=fiche.id, nom=fiche.valeurs["nom"], reponse=reponse, id_reponse=id_reponse,
                       id_attribue=nouvelle.id, nom_reponse=valeurs["nom"], motif=motif, score=round(score),
                       decision=decision)
        if not base:
            self.noter("ajout", id=nouvelle.id, nom=valeurs["nom"], reponse=reponse, id_reponse=id_reponse,
                       id_attribue=nouvelle.id, motif="decision" if exclus else None)
        return nouvelle.id

    # --- Partenariats ---
    def partenariat(self, lien: Mapping[str, Any], ids: Mapping[str, str], reponse: str, base: bool) -> None:
        source, cible = ids[lien["source"]], ids[lien["cible"]]
        brut = f"{lien['source']}|{lien['cible']}|{lien['type']}"
        if source == cible:
            self.noter("ecarte", "partenariat", id=source, reponse=reponse, id_reponse=brut, motif="meme_organisation")
            return
        clef = (*sorted((source, cible)), lien["type"], lien.get("debut"), lien.get("fin"))
        etiquette = "|".join("" if v is None else str(v) for v in (source, cible, *clef[2:]))
        references = _parts_reference(str(lien.get("reference") or ""))
        if not base:
            references.append(PREFIXE_REPONSE + reponse)
        existant = self.liens.get(clef)
        if existant is None or base:
            nouveau = {
                "source": source, "cible": cible, "type": lien["type"], "debut": lien.get("debut"),
                "fin": lien.get("fin"), "poids": lien.get("poids", 1.0), "oriente": bool(lien.get("oriente")),
                "statut": lien.get("statut") or "atteste",
                "description": lien.get("description") or "", "reference": references,
            }
            if existant is None:
                self.liens[clef] = nouveau
                self.origines_liens[clef] = reponse
            else:
                self.liens_base.append(nouveau)
            if not base:
                self.noter("ajout", "partenariat", id=etiquette, reponse=reponse, id_reponse=brut)
            return
        self.noter("doublon", "partenariat", id=etiquette, reponse=reponse, id_reponse=brut)
        sens = (source, cible) if lien.get("oriente") else None
        sens_existant = (existant["source"], existant["cible"]) if existant["oriente"] else None
        conflits = [("oriente", sens_existant, sens), ("poids", existant["poids"], lien.get("poids", 1.0)),
                    ("statut", existant["statut"], lien.get("statut") or "atteste")]
        for colonne, gardee, proposee in conflits:
            if gardee != proposee and proposee is not None and not (colonne == "poids" and proposee == 1.0):
                self.noter("conflit", "partenariat", id=etiquette, reponse=reponse, id_reponse=brut, colonne=colonne,
                           valeur_gardee=_affiche(gardee), origine=self.origines_liens[clef],
                           valeur_proposee=_affiche(proposee))
        if not existant["description"] and lien.get("description"):
            existant["description"] = lien["description"]
        for part in references:
            if part not in existant["reference"]:
                existant["reference"].append(part)

    def tables(self) -> tuple[list[dict], list[dict]]:
        organisations = [
            {**{c: f.valeurs.get(c) for c in COLONNES_ORGANISATIONS}, "reference": " ; ".join(f.references)}
            for f in self.fiches
        ]
        partenariats = [
            {**{c: lien.get(c) for c in COLONNES_PARTENARIATS}, "reference": " ; ".join(lien["reference"])}
            for lien in [*self.liens.values(), *self.liens_base]
        ]
        return organisations, partenariats


def noms_reponses(chemins: Sequence[Path]) -> list[str]:
    """Le nom de chaque réponse dans la provenance : son nom de fichier ; s'il est partagé, avec son
    dossier ; sinon son chemin.

    >>> noms_reponses([Path("/x/a/membre.xlsx"), Path("/x/b/membre.xlsx"), Path("estrie.xlsx")])
    ['a/membre.xlsx', 'b/membre.xlsx', 'estrie.xlsx']
    """
    noms = [c.name for c in chemins]
    avec_dossier = [f"{c.parent.name}/{c.name}" for c in chemins]
    return [
        c.name if noms.count(c.name) == 1 else d if avec_dossier.count(d) == 1 else c.as_posix()
        for c, d in zip(chemins, avec_dossier)
    ]


# Volume des entrées (octets) au-delà duquel la validation se fait en parallèle. En dessous, dupliquer les
# processus coûte plus qu'il ne rapporte : 50 classeurs de 24 Ko se valident en 13 ms chacun une fois les
# référentiels chargés (0,65 s en tout) ; le pool y ajoutait 0,5 s de processeur, et ne gagnait rien en temps
# écoulé même avec des processus dupliqués après une première validation (bench/RESULTATS.md, fusion).
VOLUME_PARALLELE = 8 * 2**20


def _volume(chemins: Sequence[Path]) -> int:
    """Taille des entrées en octets (les fichiers d'un dossier, sans descendre plus bas)."""
    total = 0
    for chemin in chemins:
        fichiers = [f for f in chemin.iterdir() if f.is_file()] if chemin.is_dir() else [chemin]
        total += sum(f.stat().st_size for f in fichiers)
    return total


def _valider_tout(chemins: list[Path]) -> list[Validation]:
    """Valide chaque entrée ; en parallèle (processus dupliqués, si le système le permet) au-delà de
    ``VOLUME_PARALLELE`` octets, une fois la première validée ici (imports et référentiels hérités)."""
    import multiprocessing

    if not chemins:
        return []
    premiere = valider(chemins[0])
    reste = chemins[1:]
    processeurs = min(os.cpu_count() or 1, len(reste))
    if (processeurs < 2 or "fork" not in multiprocessing.get_all_start_methods()
            or _volume(reste) < VOLUME_PARALLELE):
        return [premiere, *map(valider, reste)]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(processeurs, mp_context=multiprocessing.get_context("fork")) as pool:
        return [premiere, *pool.map(valider, reste, chunksize=max(1, len(reste) // (4 * processeurs)))]


def fusionner(
    reponses: Iterable[str | Path], *, base: str | Path | None = None, decisions: str | Path | None = None
) -> Fusion:
    """Réunit les réponses (classeurs ou dossiers lus par le chargeur) à la ``base`` éventuelle.

    Rend les tables fusionnées et le rapport. Lève :class:`~reseau.erreurs.DonneesInvalides`
    avec tous les problèmes de toutes les entrées si l'une d'elles est invalide (rien n'est fusionné).
    ``decisions`` : un rapport de fusion où la colonne ``decision`` des doutes dit ``fusionner``
    ou ``separer``.
    """
    chemins = [Path(r) for r in reponses]
    if not chemins:
        raise ParametreInvalide("aucune réponse à fusionner — donnez au moins un classeur ou un dossier")
    noms = noms_reponses(chemins)
    entrees = ([(Path(base), Path(base).name, True)] if base is not None else []) + [
        (c, n, False) for c, n in zip(chemins, noms)
    ]
    validations = _valider_tout([chemin for chemin, _, _ in entrees])
    problemes = [p for v in validations for p in v.problemes]
    if problemes:
        raise DonneesInvalides(", ".join(str(c) for c, _, _ in entrees), problemes)
    fusionneur = _Fusionneur(referentiel(), lire_decisions(decisions) if decisions is not None else _Decisions())
    for (_, nom, est_base), v in zip(entrees, validations):
        ids = {org["id"]: fusionneur.organisation(org, nom, est_base) for org in v.organisations}
        for lien in v.partenariats:
            fusionneur.partenariat(lien, ids, nom, est_base)
    organisations, partenariats = fusionneur.tables()
    return Fusion(noms, organisations, partenariats, fusionneur.rapport)
