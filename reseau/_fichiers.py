"""Écritures de fichiers : atomiques, JSON propre, CSV aux cellules neutralisées (socle commun)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from .erreurs import EcritureImpossible


@contextlib.contextmanager
def fichier_atomique(chemin: str | Path, binaire: bool = False) -> Iterator[IO[Any]]:
    """Ouvre un fichier temporaire à côté de ``chemin`` et le met en place à la fin.

    En cas d'erreur, le temporaire disparaît et l'ancien fichier reste intact.
    """
    cible = Path(chemin)
    try:
        cible.parent.mkdir(parents=True, exist_ok=True)
        descripteur, temporaire = tempfile.mkstemp(prefix=f".{cible.name}.", suffix=".tmp", dir=cible.parent)
    except OSError as exc:
        raise EcritureImpossible(f"impossible d'écrire « {cible} » ({exc.strerror or exc})") from exc
    try:
        f: IO[Any] = (os.fdopen(descripteur, "wb") if binaire
                      else os.fdopen(descripteur, "w", encoding="utf-8", newline=""))
        with f:
            yield f
        os.chmod(temporaire, 0o644)
        os.replace(temporaire, cible)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporaire)
        raise


def ecrire_atomique(chemin: str | Path, contenu: str | bytes) -> Path:
    """Écrit ``contenu`` (texte UTF-8 ou octets) d'un coup dans ``chemin``."""
    with fichier_atomique(chemin, binaire=isinstance(contenu, bytes)) as f:
        f.write(contenu)
    return Path(chemin)


def neutraliser(valeur: Any) -> Any:
    """Neutralise une cellule de tableur qui serait lue comme une formule.

    >>> neutraliser("=HYPERLINK(\\"x\\")"), neutraliser("-12,5"), neutraliser("@SUM(A1)")
    ('\\'=HYPERLINK("x")', '-12,5', "'@SUM(A1)")
    """
    if not isinstance(valeur, str) or not valeur or valeur[0] not in "=+-@\t\r":
        return valeur
    try:
        float(valeur.replace(",", ".").replace(" ", ""))
        return valeur
    except ValueError:
        return "'" + valeur


def propre(valeur: Any) -> Any:
    """Valeur JSON : manquants (NaN, NA) → ``None``, types numpy → Python, ensembles → listes triées.

    >>> propre({"a": float("nan"), "b": {2, 1}, "c": (1, "x")})
    {'a': None, 'b': [1, 2], 'c': [1, 'x']}
    """
    if valeur is None or isinstance(valeur, (str, bool, int)):
        return valeur
    if hasattr(valeur, "item") and not isinstance(valeur, bytes):
        valeur = valeur.item()
    if isinstance(valeur, dict):
        return {str(k): propre(v) for k, v in valeur.items()}
    if isinstance(valeur, (list, tuple)):
        return [propre(v) for v in valeur]
    if isinstance(valeur, (set, frozenset)):
        return sorted(propre(v) for v in valeur)
    try:
        if valeur != valeur or (isinstance(valeur, float) and math.isinf(valeur)):
            return None
    except TypeError:  # pandas.NA
        return None
    return valeur


def en_json(objet: Any) -> str:
    """JSON lisible, UTF-8, sans NaN.

    >>> en_json({"a": float("nan"), "b": [1, 2]})
    '{\\n  "a": null,\\n  "b": [\\n    1,\\n    2\\n  ]\\n}'
    """
    return json.dumps(propre(objet), ensure_ascii=False, indent=2)


def cellule_csv(valeur: Any) -> str:
    """Cellule CSV sans perte : vide pour ``None``, ``true``/``false``, nombres en pleine précision,
    listes « a; b », dictionnaires en JSON ; neutralisée contre les formules.

    >>> [cellule_csv(v) for v in (None, True, 45.4765, "=1+1", "-12.5", ["a", 2], {"x": 1})]
    ['', 'true', '45.4765', "'=1+1", '-12.5', 'a; 2', '{"x": 1}']
    """
    valeur = propre(valeur)
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, dict):
        return neutraliser(json.dumps(valeur, ensure_ascii=False, default=str))
    if isinstance(valeur, list):
        return neutraliser("; ".join(str(v) for v in valeur))
    return neutraliser(str(valeur))


def en_csv(lignes: Iterable[Mapping[str, Any]], colonnes: Sequence[str],
           cellule: Callable[[Any], str] = cellule_csv) -> str:
    """CSV (virgule, UTF-8, fins de ligne ``\\n``) ; chaque valeur passe par ``cellule``.

    >>> en_csv([{"id": "a", "intermediarite": 0.123456789, "point": False}], ["id", "intermediarite", "point"])
    'id,intermediarite,point\\na,0.123456789,false\\n'
    """
    tampon = io.StringIO()
    ecrivain = csv.writer(tampon, lineterminator="\n")
    ecrivain.writerow([neutraliser(c) for c in colonnes])
    for ligne in lignes:
        ecrivain.writerow([cellule(ligne.get(c)) for c in colonnes])
    return tampon.getvalue()
