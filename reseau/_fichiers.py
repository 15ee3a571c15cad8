"""Écritures de fichiers : atomiques et sûres, JSON propre, CSV aux cellules neutralisées (socle commun).

Écriture sûre (:func:`fichier_atomique`) : un fichier temporaire à côté de la cible, renommé
sur elle à la fin ; une cible qui n'est pas un fichier ordinaire (périphérique, tube) reçoit
l'écriture directement, un dossier ou un lien cassé est refusé, un lien vers un fichier met à
jour le fichier visé ; les droits d'un fichier existant sont conservés, sinon l'umask est
respecté ; le temporaire disparaît sur erreur, SIGINT, SIGTERM ou SIGHUP, et un temporaire
orphelin (processus disparu) est nettoyé à l'écriture suivante.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import math
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from .erreurs import EcritureImpossible

# Caractères interdits en XML 1.0 (contrôles hors tabulation et fins de ligne, demi-codets, non-caractères).
_INTERDITS_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Signaux qui interrompent une écriture : le temporaire est supprimé avant de sortir.
_SIGNAUX = tuple(getattr(signal, nom) for nom in ("SIGTERM", "SIGHUP") if hasattr(signal, nom))


class Interruption(BaseException):  # noqa: N818 — comme KeyboardInterrupt, pas une erreur
    """Le processus a reçu SIGTERM ou SIGHUP pendant une écriture (levée pour tout nettoyer)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def texte_xml(texte: str) -> str:
    """Le texte sans les caractères interdits en XML 1.0 (contrôles, demi-codets, U+FFFE/U+FFFF).

    >>> texte_xml("Coop\\x0bérative\\x01 du\\tQuébec\\n")
    'Coopérative du\\tQuébec\\n'
    """
    return _INTERDITS_XML.sub("", texte)


def message_ecriture(exc: OSError, chemin: str | Path | None = None) -> str:
    """Le message d'une erreur d'écriture, avec ce qu'il faut faire.

    >>> message_ecriture(OSError(errno.ENOSPC, "No space left on device"), "a.html")
    "disque plein : impossible d'écrire « a.html » — libérez de la place ou écrivez ailleurs (option -o)"
    """
    cible = chemin if chemin is not None else (exc.filename or "?")
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return f"disque plein : impossible d'écrire « {cible} » — libérez de la place ou écrivez ailleurs (option -o)"
    if code == errno.EISDIR:
        return f"« {cible} » est un dossier — donnez un nom de fichier (option -o)"
    if code in (errno.EACCES, errno.EPERM):
        return (f"droits insuffisants pour écrire « {cible} » — choisissez un autre emplacement (option -o) "
                "ou donnez-vous le droit d'écrire dans ce dossier")
    if code == errno.EROFS:
        return f"« {cible} » est sur un support en lecture seule — écrivez ailleurs (option -o)"
    if code == errno.ENOTDIR:
        return f"un élément du chemin « {cible} » n'est pas un dossier — corrigez le chemin (option -o)"
    if code == errno.ENAMETOOLONG:
        return f"nom de fichier trop long : « {cible} » — choisissez un nom plus court (option -o)"
    return (f"impossible d'écrire « {cible} » ({exc.strerror or exc}) — vérifiez le chemin et la place "
            "disponible, ou écrivez ailleurs (option -o)")


def _umask() -> int:
    """L'umask du processus, lu sans le modifier quand le système le permet."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as f:
        for ligne in f:
            if ligne.startswith("Umask:"):
                return int(ligne.split()[1], 8)
    with _VERROU:
        masque = os.umask(0o022)
        os.umask(masque)
    return masque


def _vivant(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # existe, mais appartient à un autre
        return True
    return True


def nettoyer_orphelins(dossier: Path, nom: str) -> list[Path]:
    """Supprime les temporaires ``.NOM.PID.*.tmp`` laissés par un processus disparu (``kill -9``)."""
    supprimes = []
    prefixe = f".{nom}."
    with contextlib.suppress(OSError):
        for entree in os.scandir(dossier):
            reste = entree.name[len(prefixe):] if entree.name.startswith(prefixe) else ""
            pid = reste.partition(".")[0]
            if not entree.name.endswith(".tmp") or not pid.isdigit() or int(pid) == os.getpid() or _vivant(int(pid)):
                continue
            with contextlib.suppress(OSError):
                if entree.is_file(follow_symlinks=False):
                    os.unlink(entree.path)
                    supprimes.append(Path(entree.path))
    return supprimes


_VERROU = threading.Lock()
_PROFONDEUR = 0
_ANCIENS: dict[int, Any] = {}
_RECU: list[int] = []


def _gestionnaire(signum: int, _cadre: Any) -> None:
    """Lève une seule fois (les signaux suivants sont ignorés le temps du nettoyage)."""
    if _RECU:
        return
    _RECU.append(signum)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Interruption(signum)


@contextlib.contextmanager
def _signaux_gardes() -> Iterator[None]:
    """Pendant une écriture, SIGINT, SIGTERM et SIGHUP lèvent une exception (donc le nettoyage a lieu)."""
    global _PROFONDEUR
    principal = threading.current_thread() is threading.main_thread()
    if principal:
        with _VERROU:
            if _PROFONDEUR == 0:
                _RECU.clear()
                for s in (signal.SIGINT, *_SIGNAUX):
                    actuel = signal.getsignal(s)
                    # Un gestionnaire installé par l'appelant est respecté ; seuls les défauts sont remplacés.
                    if actuel in (signal.SIG_DFL, signal.default_int_handler):
                        _ANCIENS[s] = actuel
                        signal.signal(s, _gestionnaire)
            _PROFONDEUR += 1
    try:
        yield
    finally:
        if principal:
            with _VERROU:
                _PROFONDEUR -= 1
                if _PROFONDEUR == 0:
                    for s, ancien in _ANCIENS.items():
                        signal.signal(s, ancien)
                    _ANCIENS.clear()


@contextlib.contextmanager
def _ouvrir(chemin: Path, binaire: bool) -> Iterator[IO[Any]]:
    f: IO[Any] = open(chemin, "wb") if binaire else open(chemin, "w", encoding="utf-8", newline="")  # noqa: SIM115
    with f:
        yield f


def _preparer(cible: Path) -> tuple[Path, int | None, bool]:
    """(fichier réellement écrit, droits à donner, écriture directe ?) ; refuse dossiers et liens cassés."""
    try:
        etat = os.stat(cible)
    except FileNotFoundError:
        if os.path.islink(cible):
            raise EcritureImpossible(
                f"« {cible} » est un lien vers « {os.readlink(cible)} », qui n'existe pas — "
                "supprimez le lien ou donnez un autre nom (option -o)"
            ) from None
        return cible, None, False
    except OSError as exc:
        raise EcritureImpossible(message_ecriture(exc, cible)) from exc
    if stat.S_ISDIR(etat.st_mode):
        raise EcritureImpossible(f"« {cible} » est un dossier — donnez un nom de fichier (option -o)")
    if not stat.S_ISREG(etat.st_mode):
        return cible, None, True  # périphérique, tube nommé : on écrit dedans, sans le remplacer
    reel = Path(os.path.realpath(cible))
    # Un fichier sans droit d'écriture est protégé, même pour l'administrateur (qui passerait outre).
    if not os.access(reel, os.W_OK) or not etat.st_mode & stat.S_IWUSR:
        raise EcritureImpossible(
            f"« {cible} » est en lecture seule — rendez-le modifiable (chmod u+w) ou donnez un autre nom (option -o)"
        )
    return reel, stat.S_IMODE(etat.st_mode), False


@contextlib.contextmanager
def fichier_atomique(chemin: str | Path, binaire: bool = False) -> Iterator[IO[Any]]:
    """Ouvre un fichier temporaire à côté de ``chemin`` et le met en place à la fin.

    En cas d'erreur ou d'interruption, le temporaire disparaît et l'ancien fichier reste
    intact ; toute ``OSError`` devient :class:`~reseau.erreurs.EcritureImpossible` (message
    qui dit quoi faire). Voir la docstring du module pour les cibles particulières.
    """
    cible = Path(chemin)
    reel, droits, direct = _preparer(cible)
    if direct:
        try:
            with _signaux_gardes(), _ouvrir(cible, binaire) as directe:
                yield directe
        except OSError as exc:
            raise EcritureImpossible(message_ecriture(exc, cible)) from exc
        return
    try:
        reel.parent.mkdir(parents=True, exist_ok=True)
        nettoyer_orphelins(reel.parent, reel.name)
    except OSError as exc:
        raise EcritureImpossible(message_ecriture(exc, cible)) from exc
    with _signaux_gardes():
        try:
            descripteur, temporaire = tempfile.mkstemp(prefix=f".{reel.name}.{os.getpid()}.", suffix=".tmp",
                                                       dir=reel.parent)
        except OSError as exc:
            raise EcritureImpossible(message_ecriture(exc, cible)) from exc
        try:
            f: IO[Any] = (os.fdopen(descripteur, "wb") if binaire
                          else os.fdopen(descripteur, "w", encoding="utf-8", newline=""))
            with f:
                yield f
            os.chmod(temporaire, droits if droits is not None else 0o666 & ~_umask())
            os.replace(temporaire, reel)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(temporaire)
            if isinstance(exc, OSError):
                raise EcritureImpossible(message_ecriture(exc, cible)) from exc
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
