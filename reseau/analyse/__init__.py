"""Étage 2 — l'analyse : mesures, régions, parcours, agrégation.

Rend des valeurs, des codes et des paramètres, jamais une phrase : les mots sont l'affaire
du rendu. Peut importer : le socle et ``entrees``. Jamais ``rendu`` ni ``cli``.
"""
