"""Écritures de sortie : fichiers atomiques, tables (texte, CSV, JSON), cellules sûres."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .erreurs import EcritureImpossible, ParametreInvalide

FORMATS_TABLE = ("table", "csv", "json")


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
        mode = "wb" if binaire else "w"
        kwargs = {} if binaire else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(descripteur, mode, **kwargs) as f:
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


def _propre(valeur: Any) -> Any:
    """Valeur JSON : NaN → null, types numpy → Python, ensembles → listes triées."""
    if hasattr(valeur, "item") and not isinstance(valeur, (str, bytes)):
        valeur = valeur.item()
    if isinstance(valeur, float) and not math.isfinite(valeur):
        return None
    if isinstance(valeur, dict):
        return {str(k): _propre(v) for k, v in valeur.items()}
    if isinstance(valeur, (list, tuple)):
        return [_propre(v) for v in valeur]
    if isinstance(valeur, (set, frozenset)):
        return sorted(_propre(v) for v in valeur)
    return valeur


def en_json(objet: Any) -> str:
    """JSON lisible, UTF-8, sans NaN.

    >>> en_json({"a": float("nan"), "b": [1, 2]})
    '{\\n  "a": null,\\n  "b": [\\n    1,\\n    2\\n  ]\\n}'
    """
    return json.dumps(_propre(objet), ensure_ascii=False, indent=2)


def _texte(valeur: Any, arrondir: bool = True) -> str:
    """Texte d'une cellule ; ``arrondir`` (terminal) garde 4 chiffres significatifs, sinon tout."""
    valeur = _propre(valeur)
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, float) and arrondir:
        return f"{valeur:.4g}" if abs(valeur) < 1e6 else f"{valeur:.0f}"
    if isinstance(valeur, list):
        return ", ".join(_texte(v, arrondir) for v in valeur)
    return str(valeur)


def en_csv(lignes: Sequence[dict], colonnes: Sequence[str]) -> str:
    """CSV (virgule, UTF-8) aux cellules neutralisées, nombres en pleine précision.

    >>> en_csv([{"id": "a", "intermediarite": 0.123456789}], ["id", "intermediarite"])
    'id,intermediarite\\na,0.123456789\\n'
    """
    tampon = io.StringIO()
    ecrivain = csv.writer(tampon, lineterminator="\n")
    ecrivain.writerow(colonnes)
    for ligne in lignes:
        ecrivain.writerow([neutraliser(_texte(ligne.get(c), arrondir=False)) for c in colonnes])
    return tampon.getvalue()


def en_table(lignes: Sequence[dict], colonnes: Sequence[str]) -> str:
    """Table alignée pour le terminal.

    >>> print(en_table([{"id": "a", "degre": 2}], ["id", "degre"]))
    id  degre
    --  -----
    a   2
    """
    cellules = [[_texte(ligne.get(c)) for c in colonnes] for ligne in lignes]
    largeurs = [max([len(c), *(len(r[i]) for r in cellules)]) for i, c in enumerate(colonnes)]
    rangees = [list(colonnes), ["-" * n for n in largeurs], *cellules]
    return "\n".join("  ".join(v.ljust(n) for v, n in zip(r, largeurs)).rstrip() for r in rangees)


def formater(lignes: Sequence[dict], colonnes: Sequence[str], format: str, enveloppe: str | None = None) -> str:
    """Met des lignes au format ``table``, ``csv`` ou ``json`` (sous la clé ``enveloppe``)."""
    if format == "table":
        return en_table(lignes, colonnes)
    if format == "csv":
        return en_csv(lignes, colonnes)
    if format == "json":
        donnees = [{c: ligne.get(c) for c in colonnes} for ligne in lignes]
        return en_json({enveloppe: donnees} if enveloppe else donnees)
    raise ParametreInvalide(f"format « {format} » inconnu — attendu : {', '.join(FORMATS_TABLE)}")
