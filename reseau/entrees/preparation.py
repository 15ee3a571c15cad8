"""Préparation : d'un jeu lu (n'importe quel format) aux tables du contrat, avec tolérance.

- en-têtes reconnus par la table d'alias (:mod:`reseau.entrees.schema`), ou désignés par
  ``colonnes`` (``--colonne CIBLE=SOURCE``) ; tout en-tête non reconnu est signalé une fois ;
- ``NA``, ``N/A``, ``-``, ``nan``, ``null``, ``#N/A`` valent une cellule vide ;
- deux colonnes pour une même donnée : la remplie l'emporte ; deux en-têtes identiques, ou deux
  valeurs qui se contredisent sur une ligne, sont des problèmes bloquants qui nomment les deux ;
- ``valeurs`` traduit un vocabulaire, ``defauts`` complète une colonne absente ou vide ;
- ``id`` tiré du nom quand il manque ; partenaires désignés par leur nom ou leur id ;
- ``adhesions`` : une colonne de réseaux cités devient des partenariats ``adhesion`` ;
- hors vocabulaire du contrat (graphes, Kumu, Gephi, ESSGlobal) : type inconnu → ``autre``
  (valeur gardée dans ``type_source``), échelle absente → ``locale``, pays facultatif.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import is_not, itemgetter

from ..erreurs import ParametreInvalide, Probleme
from .geographie import Referentiel
from .lecture import Table, consommer
from .schema import (
    ALIAS_ORGANISATIONS,
    ALIAS_PARTENARIATS,
    TYPES_ORGANISATION,
    TYPES_PARTENARIAT,
    VIDES,
    cle,
    identifiant,
    normaliser_vocabulaire,
    suggerer,
)
from .sources import Lu
from .validation import lire_nombre

ECHELLE_DEFAUT = "locale"
TYPE_DEFAUT = "autre"
TYPE_RESEAU_CREE = "reseau"
_SEPARATEURS_ADHESIONS = re.compile(r"[;,|]")
# Valeurs de pays qui ne désignent aucun pays unique.
PAYS_MULTIPLES = frozenset({"various", "varios", "divers", "plusieurs", "multiple", "multiples", "international",
                            "internacional", "global", "worldwide", "world", "monde", "mundo"})
_ALIAS = {"organisations": ALIAS_ORGANISATIONS, "partenariats": ALIAS_PARTENARIATS}


@dataclass
class Options:
    """Options de chargement : ``colonnes`` {cible: source}, ``defauts`` {colonne: valeur},
    ``valeurs`` {colonne: {source: cible}}, ``adhesions`` (en-tête d'une colonne de réseaux)."""

    colonnes: dict[str, str] = field(default_factory=dict)
    defauts: dict[str, str] = field(default_factory=dict)
    valeurs: dict[str, dict[str, str]] = field(default_factory=dict)
    adhesions: str | None = None


@dataclass
class Prepare:
    """Tables au schéma du contrat, prêtes pour la validation."""

    tables: dict[str, Table]
    problemes: list[Probleme]
    avertissements: list[Probleme]
    facultatives: frozenset[str] = frozenset()


def _colonnes_connues() -> set[str]:
    return set(ALIAS_ORGANISATIONS) | set(ALIAS_PARTENARIATS)


def verifier_options(options: Options) -> None:
    """Refuse une option qui vise une colonne inconnue (message qui liste les colonnes possibles)."""
    connues = sorted(_colonnes_connues())
    for option, colonnes in (("--colonne", options.colonnes), ("--defaut", options.defauts),
                             ("--valeur", options.valeurs)):
        for colonne in colonnes:
            if colonne not in connues:
                proche = suggerer(cle(colonne), connues)
                raise ParametreInvalide(
                    f"{option} : colonne « {colonne} » inconnue — colonnes possibles : {', '.join(connues)}"
                    + (f" — vouliez-vous dire « {proche} » ?" if proche else "")
                )


def _vide(texte: str) -> str:
    propre = texte.strip()
    return "" if len(propre) <= 4 and propre.lower() in VIDES else propre


def _comparable(colonne: str, valeur: str, ref: Referentiel) -> object:
    """Forme sous laquelle deux valeurs d'une même donnée sont comparées."""
    if colonne == "pays":
        return ref.code_pays(valeur) or cle(valeur)
    if colonne in ("latitude", "longitude", "poids"):
        nombre = lire_nombre(valeur)
        return round(nombre, 6) if nombre is not None else cle(valeur)
    return cle(valeur)


@dataclass
class _Brute:
    """Une table aux colonnes du schéma : ``lignes`` = (numéro, {colonne: valeur})."""

    fichier: str
    colonnes: list[str]
    lignes: list[tuple[int, dict[str, str]]]
    origine: list[str]
    ignorees: list[str]
    # Cellules formule sans valeur calculée : (numéro, colonne du schéma) → formule.
    formules: dict[tuple[int, str], str] = field(default_factory=dict)

    def table(self) -> Table:
        colonnes = list(dict.fromkeys(self.colonnes))
        vides = [""] * len(colonnes)
        lignes = [(n, list(map(v.get, colonnes, vides))) for n, v in consommer(self.lignes)]
        formules = {(n, colonnes.index(c)): f for (n, c), f in self.formules.items() if c in colonnes}
        return Table(self.fichier, colonnes, lignes, formules=formules, origine=self.origine, ignorees=self.ignorees)


def _associer(
    table: Table, alias: dict[str, tuple[str, ...]], forcees: dict[str, str], lu: Lu,
    problemes: list[Probleme], avertissements: list[Probleme], adhesions: str | None,
) -> tuple[dict[str, list[int]], list[str]]:
    """Indices des en-têtes candidats pour chaque colonne ; en-têtes ignorés (signalés)."""
    formes_forcees = {cle(source): cible for cible, source in forcees.items() if cible in alias}
    formes_alias = {forme: colonne for colonne, noms in alias.items() for forme in noms}
    candidats: dict[str, list[int]] = defaultdict(list)
    ignorees: list[str] = []
    formes_calculees = {cle(c) for c in lu.calculees}
    formes_lues = {cle(c) for c in lu.lues}
    for i, entete in enumerate(table.entetes):
        forme = cle(entete)
        if not forme or (adhesions is not None and forme == cle(adhesions)):
            continue
        colonne = formes_forcees.get(forme) or formes_alias.get(forme)
        if colonne in forcees and cle(forcees[colonne]) != forme:
            colonne = None  # une autre colonne a été désignée par --colonne
        if colonne is not None:
            candidats[colonne].append(i)
            continue
        ignorees.append(entete)
        if forme in formes_calculees or forme in formes_lues:
            continue
        proches = difflib.get_close_matches(forme, list(formes_alias), n=1, cutoff=0.8)
        proche = proches[0] if proches else None
        avertissements.append(Probleme(
            table.fichier, 1, entete, None,
            f"colonne « {entete} » ignorée" + ("" if proche else " (non reconnue)"),
            formes_alias[proche] if proche else None,
        ))
    calculees = [e for e in ignorees if cle(e) in formes_calculees]
    if calculees:
        avertissements.append(Probleme(
            table.fichier, None, None, None,
            f"{len(calculees)} colonne(s) calculées par {lu.format} ignorées (recalculées au besoin) : "
            + ", ".join(calculees),
        ))
    for colonne, indices in candidats.items():
        vus: dict[str, int] = {}
        for i in indices:
            forme = cle(table.entetes[i])
            if forme in vus:
                problemes.append(Probleme(
                    table.fichier, 1, colonne, None,
                    f"colonnes en double : « {table.entetes[vus[forme]]} » (colonne {vus[forme] + 1}) et "
                    f"« {table.entetes[i]} » (colonne {i + 1}) — gardez-en une seule",
                ))
            vus.setdefault(forme, i)
    return candidats, ignorees


def _brute(
    table: Table, alias: dict[str, tuple[str, ...]], options: Options, lu: Lu, ref: Referentiel,
    problemes: list[Probleme], avertissements: list[Probleme], adhesions: str | None,
) -> tuple[_Brute, dict[int, str]]:
    """La table aux colonnes du schéma ; et, si demandé, la cellule d'adhésions de chaque ligne."""
    candidats, ignorees = _associer(table, alias, options.colonnes, lu, problemes, avertissements, adhesions)
    indice_adhesions = None
    if adhesions is not None:
        indice_adhesions = next((i for i, e in enumerate(table.entetes) if cle(e) == cle(adhesions)), None)
    lignes: list[tuple[int, dict[str, str]]] = []
    reseaux: dict[int, str] = {}
    simples = [(colonne, indices[0]) for colonne, indices in candidats.items() if len(indices) == 1]
    multiples = [(colonne, indices) for colonne, indices in candidats.items() if len(indices) > 1]
    for numero, cellules in consommer(table.lignes):
        taille = len(cellules)
        # _vide en ligne (même calcul) : c'est la boucle la plus parcourue de la préparation.
        valeurs = {
            colonne: (p if len(p) > 4 or p.lower() not in VIDES else "") if i < taille and (p := cellules[i].strip())
            else "" for colonne, i in simples
        }
        for colonne, indices in multiples:
            trouvees = [(i, _vide(cellules[i])) for i in indices if i < taille]
            remplies = [(i, v) for i, v in trouvees if v]
            if not remplies:
                valeurs[colonne] = ""
                continue
            i0, v0 = remplies[0]
            for i, v in remplies[1:]:
                if _comparable(colonne, v, ref) != _comparable(colonne, v0, ref):
                    problemes.append(Probleme(
                        table.fichier, numero, colonne, f"{v0} / {v}",
                        f"« {table.entetes[i0]} » ({v0}) et « {table.entetes[i]} » ({v}) se contredisent — "
                        "corrigez l'une ou retirez une des deux colonnes",
                    ))
                    break
            valeurs[colonne] = v0
        if indice_adhesions is not None and indice_adhesions < len(cellules):
            reseaux[numero] = _vide(cellules[indice_adhesions])
        lignes.append((numero, valeurs))
    colonne_de = {i: colonne for colonne, indices in candidats.items() for i in indices}
    formules = {(n, colonne_de[i]): f for (n, i), f in table.formules.items() if i in colonne_de}
    return _Brute(table.fichier, list(candidats), lignes, table.entetes, ignorees, formules), reseaux


def _traduire_valeurs(brute: _Brute, valeurs: dict[str, dict[str, str]], avertissements: list[Probleme]) -> None:
    for colonne, correspondances in valeurs.items():
        if colonne not in brute.colonnes:
            continue
        table = {cle(source): cible for source, cible in correspondances.items()}
        compte = 0
        for _, ligne in brute.lignes:
            cible = table.get(cle(ligne.get(colonne, "")))
            if cible is not None and ligne.get(colonne):
                ligne[colonne] = cible
                compte += 1
        if compte:
            details = ", ".join(f"{s} → {c}" for s, c in correspondances.items())
            avertissements.append(Probleme(
                brute.fichier, None, colonne, None, f"--valeur : {compte} valeur(s) traduite(s) ({details})",
            ))


def _completer(brute: _Brute, colonne: str, valeur: str, raison: str, avertissements: list[Probleme]) -> int:
    """Met ``valeur`` dans les cellules vides de ``colonne`` ; annonce et rend leur nombre."""
    if colonne not in brute.colonnes:
        brute.colonnes.append(colonne)
    compte = 0
    for _, ligne in brute.lignes:
        if not ligne.get(colonne):
            ligne[colonne] = valeur
            compte += 1
    if compte:
        avertissements.append(Probleme(
            brute.fichier, None, colonne, None, f"« {valeur} » appliqué(e) à {compte} ligne(s) sans {colonne} — {raison}",
        ))
    return compte


def _compter(valeurs: Counter) -> str:
    return ", ".join(f"« {v} » ({n})" for v, n in valeurs.most_common(10)) + (
        f", et {len(valeurs) - 10} autres" if len(valeurs) > 10 else "")


def _type_libre(brute: _Brute, vocabulaire: tuple[str, ...], avertissements: list[Probleme], quoi: str) -> None:
    """Hors vocabulaire du contrat : un type inconnu devient ``autre`` et reste dans ``type_source``."""
    inconnus: Counter = Counter()
    for _, ligne in brute.lignes:
        valeur = ligne.get("type", "")
        if valeur and normaliser_vocabulaire(valeur, vocabulaire) is None:
            inconnus[valeur] += 1
            ligne["type_source"] = ligne.get("type_source") or valeur
            ligne["type"] = TYPE_DEFAUT
    if inconnus:
        brute.colonnes.extend(c for c in ("type", "type_source") if c not in brute.colonnes)
        avertissements.append(Probleme(
            brute.fichier, None, "type", None,
            f"{sum(inconnus.values())} {quoi} d'un type hors vocabulaire rangé(s) sous « {TYPE_DEFAUT} » "
            f"(valeur d'origine dans type_source) : {_compter(inconnus)} — traduisez-les avec --valeur type:VALEUR=TYPE",
        ))


def _pays_libres(brute: _Brute, avertissements: list[Probleme]) -> None:
    """Hors contrat : « Various », « International »… (aucun pays unique) → vide, annoncé ; pays facultatif."""
    multiples: Counter = Counter()
    vides = 0
    for _, ligne in brute.lignes:
        valeur = ligne.get("pays", "")
        if cle(valeur) in PAYS_MULTIPLES:
            multiples[valeur] += 1
            ligne["pays"] = ""
        if not ligne.get("pays"):
            vides += 1
    if multiples:
        avertissements.append(Probleme(
            brute.fichier, None, "pays", None,
            f"pays multiple(s) laissé(s) vide(s) : {_compter(multiples)}",
        ))
    if vides:
        avertissements.append(Probleme(
            brute.fichier, None, "pays", None,
            f"{vides} organisation(s) sans pays : ni position ni Nord/Sud déduits — précisez-le avec --defaut pays=CODE",
        ))


def _identifiants(brute: _Brute, avertissements: list[Probleme]) -> None:
    """``id`` tiré du nom quand il manque : stable, sans accents, dédoublonné par ``-2``, ``-3``."""
    if "id" not in brute.colonnes:
        brute.colonnes.insert(0, "id")
    pris = {ligne["id"].lower() for _, ligne in brute.lignes if ligne.get("id")}
    tires = 0
    for _, ligne in brute.lignes:
        if ligne.get("id") or not ligne.get("nom"):
            continue
        base = identifiant(ligne["nom"]) or "organisation"
        candidat, rang = base, 1
        while candidat in pris:
            rang += 1
            candidat = f"{base}-{rang}"
        ligne["id"] = candidat
        pris.add(candidat)
        tires += 1
    if tires:
        avertissements.append(Probleme(
            brute.fichier, None, "id", None,
            f"{tires} identifiant(s) tiré(s) du nom (minuscules, sans accents, « -2 », « -3 » pour les homonymes)",
        ))


def _adhesions(
    organisations: _Brute, reseaux: dict[int, str], colonne: str, options: Options,
    avertissements: list[Probleme],
) -> list[tuple[int, dict[str, str]]]:
    """Partenariats ``adhesion`` tirés d'une colonne de réseaux ; réseaux absents créés."""
    par_id = {ligne["id"].lower(): ligne["id"] for _, ligne in organisations.lignes if ligne.get("id")}
    par_nom = {cle(ligne["nom"]): ligne["id"] for _, ligne in organisations.lignes if ligne.get("nom") and ligne.get("id")}
    par_sigle = {cle(ligne["sigle"]): ligne["id"] for _, ligne in organisations.lignes
                 if ligne.get("sigle") and ligne.get("id")}
    membres: dict[str, list[dict[str, str]]] = defaultdict(list)
    liens: list[tuple[int, dict[str, str]]] = []
    crees: dict[str, str] = {}
    noms_crees: dict[str, str] = {}
    for numero, ligne in organisations.lignes:
        cellule = reseaux.get(numero, "")
        if not cellule or not ligne.get("id"):
            continue
        for nom in dict.fromkeys(n.strip() for n in _SEPARATEURS_ADHESIONS.split(cellule)):
            if not nom:
                continue
            cible = (par_id.get(nom.lower()) or par_id.get(identifiant(nom)) or par_nom.get(cle(nom))
                     or par_sigle.get(cle(nom)) or crees.get(cle(nom)))
            if cible is None:
                cible = identifiant(nom) or "reseau"
                while cible in par_id:
                    cible += "-reseau"
                crees[cle(nom)] = cible
                noms_crees[cible] = nom
            if cible == ligne["id"]:
                continue
            membres[cible].append(ligne)
            liens.append((numero, {"source": ligne["id"], "cible": cible, "type": "adhesion", "oriente": "vrai",
                                   "reference": f"colonne « {colonne} »"}))
    echelle = options.defauts.get("echelle", "nationale")
    for cible in crees.values():
        pays = Counter(m.get("pays", "") for m in membres[cible] if m.get("pays"))
        nom = noms_crees[cible]
        organisations.lignes.append((0, {
            "id": cible, "nom": nom, "sigle": nom if len(nom) <= 12 else "", "type": TYPE_RESEAU_CREE,
            "echelle": echelle, "pays": pays.most_common(1)[0][0] if pays else "",
            "reference": f"cité dans la colonne « {colonne} »",
        }))
    if crees:
        noms = ", ".join(f"{cible} ({len(membres[cible])} membre(s))" for cible in crees.values())
        avertissements.append(Probleme(
            organisations.fichier, None, colonne, None,
            f"{len(crees)} réseau(x) cité(s) dans « {colonne} » absent(s) des organisations, créé(s) "
            f"(type {TYPE_RESEAU_CREE}, échelle {echelle}, pays le plus fréquent de leurs membres) : {noms}",
        ))
    for colonne_ajoutee in ("id", "nom", "sigle", "type", "echelle", "pays", "reference"):
        if colonne_ajoutee not in organisations.colonnes and crees:
            organisations.colonnes.append(colonne_ajoutee)
    return liens


def _designer(partenariats: _Brute, organisations: _Brute) -> None:
    """Source et cible désignées par le nom (ou l'id à normaliser) deviennent des id."""
    ids = {ligne["id"].lower() for _, ligne in organisations.lignes if ligne.get("id")}
    noms: dict[str, str | None] | None = None  # calculé au premier besoin (les id suffisent d'ordinaire)
    for _, lien in partenariats.lignes:
        for colonne in ("source", "cible"):
            valeur = lien.get(colonne, "")
            if not valeur or valeur.lower() in ids:
                continue
            if noms is None:
                noms = _noms_uniques((ligne.get("nom"), ligne.get("id")) for _, ligne in organisations.lignes)
            trouve = _designe(valeur, noms, ids)
            if trouve:
                lien[colonne] = trouve


def _noms_uniques(paires: Iterable[tuple[str | None, str | None]]) -> dict[str, str | None]:
    """{forme du nom: id} pour les (nom, id) remplis ; ``None`` pour un nom porté par plusieurs id."""
    noms: dict[str, str | None] = {}
    for nom, id_ in paires:
        if nom and id_:
            forme = cle(nom)
            noms[forme] = id_ if noms.get(forme, id_) == id_ else None
    return noms


def _designe(valeur: str, noms: dict[str, str | None], ids: set[str]) -> str | None:
    """L'id désigné par le nom (ou l'id à normaliser) ``valeur``, s'il y en a un."""
    return noms.get(cle(valeur)) or (identifiant(valeur) if identifiant(valeur) in ids else None)


def _sans_boucles(partenariats: _Brute, avertissements: list[Probleme]) -> None:
    gardes = [(n, lien) for n, lien in partenariats.lignes
              if not lien.get("source") or cle(lien.get("source", "")) != cle(lien.get("cible", ""))]
    retirees = len(partenariats.lignes) - len(gardes)
    if retirees:
        partenariats.lignes = gardes
        avertissements.append(Probleme(
            partenariats.fichier, None, "cible", None,
            f"{retirees} lien(s) d'une organisation avec elle-même retiré(s) (boucles)",
        ))


def preparer(lu: Lu, ref: Referentiel, options: Options | None = None, en_colonnes: bool = True) -> Prepare:
    """Met les tables lues au schéma du contrat ; rend tables, problèmes et avertissements.

    Les lignes des tables lues sont consommées (``lu.tables[…].lignes`` vides au retour ; les
    en-têtes restent) : une grande table n'est jamais en mémoire en trois exemplaires.
    ``en_colonnes`` : le cas courant passe par :func:`_preparer_en_colonnes` (même résultat ; à
    ``False``, tout passe ligne à ligne — sert aux tests d'égalité).
    """
    options = options or Options()
    verifier_options(options)
    prepare = _preparer_en_colonnes(lu, options) if en_colonnes else None
    if prepare is not None:
        return prepare
    problemes = list(lu.problemes)
    avertissements = list(lu.avertissements)
    adhesions = options.adhesions or lu.adhesions
    brutes: dict[str, _Brute] = {}
    reseaux: dict[int, str] = {}
    for nom, table in lu.tables.items():
        avertissements.extend(table.avertissements)  # lecture : caractères retirés, encodage mélangé
        brute, cites = _brute(table, _ALIAS[nom], options, lu, ref, problemes, avertissements,
                              adhesions if nom == "organisations" else None)
        brutes[nom] = brute
        if nom == "organisations":
            reseaux = cites
    _options_absentes(lu, options, brutes)
    for brute in brutes.values():
        _traduire_valeurs(brute, options.valeurs, avertissements)
    orgs = brutes.get("organisations")
    liens = brutes.get("partenariats")
    for nom, brute in brutes.items():
        for colonne, valeur in options.defauts.items():
            if colonne == "type":
                # « type » existe dans les deux tables : le défaut va à celle dont il est du vocabulaire.
                vocabulaire = TYPES_ORGANISATION if nom == "organisations" else TYPES_PARTENARIAT
                if normaliser_vocabulaire(valeur, vocabulaire) is None:
                    continue
            elif colonne in ALIAS_ORGANISATIONS and nom == "partenariats":
                continue  # description, reference… : les défauts visent les organisations
            if colonne in _ALIAS[nom]:
                _completer(brute, colonne, valeur, "--defaut", avertissements)
    facultatives: set[str] = set()
    if orgs is not None:
        _identifiants(orgs, avertissements)
        if not lu.contrat:
            if "nom" not in orgs.colonnes or any(not ligne.get("nom") for _, ligne in orgs.lignes):
                _nom_depuis_id(orgs, avertissements)
            _completer(orgs, "echelle", ECHELLE_DEFAUT, f"format {lu.format} sans échelle ; précisez-la avec "
                       "--defaut echelle=… ou --colonne echelle=…", avertissements)
            _type_libre(orgs, TYPES_ORGANISATION, avertissements, "organisation(s)")
            _completer(orgs, "type", TYPE_DEFAUT, f"format {lu.format} sans type ; précisez-le avec "
                       "--defaut type=… ou --valeur type:…=…", avertissements)
            _pays_libres(orgs, avertissements)
            facultatives.add("pays")
        if adhesions is not None:
            if not any(cle(e) == cle(adhesions) for e in lu.tables["organisations"].entetes):
                raise ParametreInvalide(
                    f"--adhesions : colonne « {adhesions} » absente (en-têtes : "
                    f"{', '.join(lu.tables['organisations'].entetes)})"
                )
            nouveaux = _adhesions(orgs, reseaux, adhesions, options, avertissements)
            if nouveaux:
                if liens is None:
                    liens = brutes["partenariats"] = _Brute(orgs.fichier, [], [], [], [])
                liens.colonnes.extend(c for c in ("source", "cible", "type", "oriente", "reference")
                                      if c not in liens.colonnes)
                liens.lignes.extend(nouveaux)
    if liens is not None and orgs is not None:
        _designer(liens, orgs)
        if not lu.contrat:
            _sans_boucles(liens, avertissements)
            _type_libre(liens, TYPES_PARTENARIAT, avertissements, "partenariat(s)")
            _completer(liens, "type", TYPE_DEFAUT, f"format {lu.format} sans type de partenariat", avertissements)
    if orgs is not None and liens is None:
        avertissements.append(Probleme(
            orgs.fichier, None, None, None,
            "liste d'organisations seule : aucun partenariat (ajoutez un fichier partenariats.csv, ou "
            "--adhesions COLONNE si une colonne liste les réseaux de chaque organisation)",
        ))
    return Prepare({nom: brute.table() for nom, brute in brutes.items()}, problemes, avertissements,
                   frozenset(facultatives))


def _nom_depuis_id(orgs: _Brute, avertissements: list[Probleme]) -> None:
    if "nom" not in orgs.colonnes:
        orgs.colonnes.append("nom")
    compte = 0
    for _, ligne in orgs.lignes:
        if not ligne.get("nom") and ligne.get("id"):
            ligne["nom"] = ligne["id"]
            compte += 1
    if compte:
        avertissements.append(Probleme(
            orgs.fichier, None, "nom", None, f"{compte} organisation(s) sans nom : l'identifiant sert de nom",
        ))


def _options_absentes(lu: Lu, options: Options, brutes: dict[str, _Brute]) -> None:
    """``--colonne CIBLE=SOURCE`` dont la source n'est dans aucune table : erreur claire."""
    for cible, source in options.colonnes.items():
        if not any(cle(source) == cle(e) for t in lu.tables.values() for e in t.entetes):
            entetes = [e for t in lu.tables.values() for e in t.entetes]
            proche = suggerer(cle(source), [cle(e) for e in entetes])
            raise ParametreInvalide(
                f"--colonne {cible}={source} : aucune colonne « {source} » dans les données "
                f"(en-têtes : {', '.join(entetes)})" + (f" — vouliez-vous dire « {proche} » ?" if proche else "")
            )


def _preparer_en_colonnes(lu: Lu, options: Options) -> Prepare | None:
    """Le cas courant, sans passer par un dictionnaire par ligne : mêmes tables, mêmes messages que
    le chemin ligne à ligne de :func:`preparer`.

    Seulement pour un jeu du contrat à deux tables, sans option ni formule, où chaque colonne du
    schéma vient d'un seul en-tête, chaque ligne est assez longue et chaque organisation a son
    id ; sinon ``None`` (rien n'est touché) et :func:`preparer` fait le travail ligne à ligne.
    Les cellules sont nettoyées (espaces, ``NA``…) par valeur distincte, pas cellule par cellule.
    """
    if (not lu.contrat or options.colonnes or options.defauts or options.valeurs or options.adhesions
            or lu.adhesions or list(lu.tables) != ["organisations", "partenariats"]
            or any(t.formules for t in lu.tables.values())):
        return None
    problemes = list(lu.problemes)
    avertissements = list(lu.avertissements)
    plans = {}
    for nom, table in lu.tables.items():
        avertissements.extend(table.avertissements)
        candidats, ignorees = _associer(table, _ALIAS[nom], options.colonnes, lu, problemes, avertissements, None)
        if any(len(indices) != 1 for indices in candidats.values()):
            return None
        indices = [i[0] for i in candidats.values()]
        if not indices or (table.lignes and min(map(len, map(_CELLULES, table.lignes))) <= max(indices)):
            return None
        # Valeurs à nettoyer : celles que _vide change (espaces autour, NA, N/A, -…).
        sales = _valeurs_a_nettoyer(set(chain.from_iterable(map(_CELLULES, table.lignes))))
        plans[nom] = (table, list(candidats), indices, ignorees, sales)
    lignes_org = plans["organisations"][0].lignes
    colonnes_org, indices_org, sales_org = plans["organisations"][1], plans["organisations"][2], plans["organisations"][4]
    if "id" not in colonnes_org:
        return None
    i_id = indices_org[colonnes_org.index("id")]
    ids_org = [sales_org.get(c[i_id], c[i_id]) for _, c in lignes_org]
    if not all(ids_org):  # des id à tirer du nom : chemin ligne à ligne
        return None
    tables: dict[str, Table] = {}
    for nom, (table, colonnes, indices, ignorees, sales) in plans.items():
        lignes, table.lignes = table.lignes, []
        if sales:
            lignes = [(n, [sales.get(v, v) for v in c]) if not sales.keys().isdisjoint(c) else (n, c) for n, c in lignes]
        largeur = len(indices)
        if indices != list(range(largeur)) or (lignes and max(map(len, map(_CELLULES, lignes))) != largeur):
            choisir = itemgetter(*indices)
            lignes = [(n, list(choisir(c))) for n, c in lignes] if largeur > 1 else [(n, [c[indices[0]]]) for n, c in lignes]
        tables[nom] = Table(table.fichier, colonnes, lignes, origine=table.entetes, ignorees=ignorees)
    _designer_en_colonnes(tables["partenariats"], tables["organisations"])
    return Prepare(tables, problemes, avertissements, frozenset())


_CELLULES = itemgetter(1)  # (numéro, cellules) → cellules


def _valeurs_a_nettoyer(valeurs: set[str]) -> dict[str, str]:
    """{valeur: valeur nettoyée} pour celles que :func:`_vide` change (espaces autour, ``NA``…) ;
    le tri se fait en C (``map``, ``compress``), :func:`_vide` ne voit que les candidates.

    >>> sorted(_valeurs_a_nettoyer({"a", " b", "NA", "n/a ", "nation", "x"}).items())
    [(' b', 'b'), ('NA', ''), ('n/a ', '')]
    """
    liste = list(valeurs)
    propres = list(map(str.strip, liste))
    candidates = set(compress(liste, map(is_not, liste, propres)))
    candidates.update(compress(liste, map(VIDES.__contains__, map(str.lower, propres))))
    return {v: _vide(v) for v in candidates}


def _designer_en_colonnes(liens: Table, orgs: Table) -> None:
    """:func:`_designer` sur des tables prêtes : chaque valeur distincte de source et cible une fois."""
    positions = [liens.entetes.index(c) for c in ("source", "cible") if c in liens.entetes]
    if not positions:
        return
    i_id = orgs.entetes.index("id")
    ids = {c[i_id].lower() for _, c in orgs.lignes if c[i_id]}
    valeurs = set(chain.from_iterable(map(itemgetter(i), map(_CELLULES, liens.lignes)) for i in positions))
    a_designer = [v for v in valeurs if v and v.lower() not in ids]
    if not a_designer:
        return
    i_nom = orgs.entetes.index("nom") if "nom" in orgs.entetes else None
    noms = _noms_uniques((c[i_nom] if i_nom is not None else None, c[i_id]) for _, c in orgs.lignes)
    trouves = {v: t for v in a_designer if (t := _designe(v, noms, ids))}
    if not trouves:
        return
    for _, c in liens.lignes:
        for i in positions:
            if c[i] in trouves:
                c[i] = trouves[c[i]]
