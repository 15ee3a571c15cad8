"""La CLI en français par l'API publique de click, sans toucher à ses variables internes.

- l'aide : un formateur (``Context.formatter_class``) qui écrit « Usage : », « Commandes » ;
  l'option ``-h`` décrite en français (``Command.get_help_option``) ;
- les erreurs d'usage : rattrapées au bord (``Group.main``) et réécrites en français à partir
  de leurs attributs (option, paramètre, possibilités) ; les messages produits par les types
  de click (choix, entiers, chemins) sont reconnus par leur forme.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

import click

_TITRES = {"Options": "Options", "Commands": "Commandes", "Arguments": "Arguments",
           "Positional arguments": "Arguments"}

# Messages des types et du lecteur de click (forme anglaise → français), dans l'ordre d'essai.
_FORMES: tuple[tuple[str, str], ...] = (
    (r"^(.*) is not one of (.*)\.$", r"\1 n'est pas parmi \2."),
    (r"^(.*) is not a valid integer(?: range)?\.$", r"\1 n'est pas un entier valide."),
    (r"^(.*) is not a valid float(?: range)?\.$", r"\1 n'est pas un nombre valide."),
    (r"^(.*) is not a valid (.*)\.$", r"\1 n'est pas un \2 valide."),
    (r"^(.*) is not in the range (.*)\.$", r"\1 n'est pas dans l'intervalle \2."),
    (r"^(.*) is not (.*)\.$", r"\1 n'est pas \2."),
    (r"^File (.*) does not exist\.$", r"Le fichier \1 n'existe pas."),
    (r"^Directory (.*) does not exist\.$", r"Le dossier \1 n'existe pas."),
    (r"^Path (.*) does not exist\.$", r"Le chemin \1 n'existe pas."),
    (r"^(?:File|Directory|Path) (.*) is a directory\.$", r"\1 est un dossier."),
    (r"^(?:File|Directory|Path) (.*) is a file\.$", r"\1 est un fichier."),
    (r"^(?:File|Directory|Path) (.*) is not writable\.$", r"\1 n'est pas accessible en écriture."),
    (r"^(?:File|Directory|Path) (.*) is not readable\.$", r"\1 n'est pas lisible."),
    (r"^Option (.*) requires an argument\.$", r"L'option \1 demande une valeur."),
    (r"^Option (.*) requires (\d+) arguments\.$", r"L'option \1 demande \2 valeurs."),
    (r"^Option (.*) does not take a value\.$", r"L'option \1 ne prend pas de valeur."),
    (r"^No such command (.*)\.$", r"Commande inconnue : \1."),
    (r"^Got unexpected extra arguments? \((.*)\)$", r"Argument(s) en trop : \1."),
    (r"^Missing command\.$", r"Commande manquante."),
)


class Formateur(click.HelpFormatter):
    """Le formateur de l'aide, en français."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Usage : " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_TITRES.get(heading, heading))


class Contexte(click.Context):
    """Contexte dont l'aide s'écrit en français."""

    formatter_class = Formateur


class _AideFrancaise(click.Command):
    """L'option d'aide décrite en français, l'aide écrite par :class:`Formateur`."""

    context_class = Contexte

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Affiche cette aide et quitte."
        return option


class Commande(_AideFrancaise):
    """Commande en français."""


def traduire(message: str) -> str:
    """Un message d'erreur de click, en français quand sa forme est connue.

    >>> traduire("'x' is not one of 'fr', 'en'.")
    "'x' n'est pas parmi 'fr', 'en'."
    >>> traduire("'12a' is not a valid integer.")
    "'12a' n'est pas un entier valide."
    >>> traduire("Message inconnu")
    'Message inconnu'
    """
    for forme, francais in _FORMES:
        if re.match(forme, message, flags=re.S):
            return re.sub(forme, francais, message, count=1, flags=re.S)
    return message


def message(exc: click.ClickException) -> str:
    """Le message français d'une erreur de click, reconstruit depuis ses attributs."""
    if isinstance(exc, click.NoSuchOption):
        texte = f"Option inconnue : {exc.option_name}."
        if exc.possibilities:
            texte += f" Vouliez-vous dire {', '.join(sorted(exc.possibilities))} ?"
        return texte
    if isinstance(exc, click.MissingParameter):
        nom = exc.param.get_error_hint(exc.ctx) if exc.param is not None and exc.ctx is not None else ""
        genre = {"argument": "Argument manquant", "option": "Option manquante"}.get(
            exc.param_type or (exc.param.param_type_name if exc.param is not None else ""), "Paramètre manquant")
        return f"{genre} : {nom}." if nom else f"{genre}."
    if isinstance(exc, click.BadParameter):
        cible = exc.param_hint or (exc.param.get_error_hint(exc.ctx) if exc.param is not None and exc.ctx else None)
        cible_texte = cible if isinstance(cible, str) else " / ".join(cible or [])
        texte = traduire(exc.message)
        return f"Valeur invalide pour {cible_texte} : {texte}" if cible_texte else f"Valeur invalide : {texte}"
    return traduire(exc.message)


def afficher(exc: click.ClickException) -> None:
    """Écrit l'erreur (usage, aide, message) sur la sortie d'erreur, en français."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        aide = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        click.echo(f"Essayez « {ctx.command_path} {aide} » pour l'aide.\n", err=True)
    click.echo(f"Erreur : {message(exc)}", err=True)


class GroupeFrancais(_AideFrancaise, click.Group):
    """Groupe en français : aide, sous-commandes et erreurs d'usage."""

    command_class = Commande

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            afficher(exc)
            sys.exit(exc.exit_code)
        except click.Abort:  # Ctrl+C hors d'une commande (analyse des arguments)
            click.echo("Interrompu.", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)
