"""Étage 4 — la ligne de commande ``reseau`` : une couche mince sur la bibliothèque.

Peut importer tous les étages ; c'est le seul endroit où les exceptions deviennent des
messages et des codes de sortie.
"""

from . import collecte  # noqa: F401  (enregistre modele et fusionner)
from . import evolution as _evolution  # noqa: F401  (enregistre la commande)
from . import suggestions as _suggestions  # noqa: F401  (enregistre la commande)
from .commandes import cli, main

__all__ = ["cli", "main"]
