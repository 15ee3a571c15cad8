"""Étage 1 — les entrées : schéma, lecture des formats, validation, tables géographiques,
construction du graphe, chargement, et le générateur de jeux synthétiques.

Rend des tables et un graphe ; les problèmes sont des :class:`~reseau.erreurs.Probleme`.
Peut importer : le socle (``reseau.erreurs``, ``reseau.reglages``, ``reseau._fichiers``,
``reseau._version``). Jamais ``analyse``, ``rendu`` ni ``cli``.
"""
