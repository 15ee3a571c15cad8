"""Étage 3 — le rendu, qui parle aux gens : libellés (un fichier par langue), couleurs,
dispositions, carte HTML, figures, rapport, tables du terminal et exports.

Peut importer : le socle, ``entrees`` et ``analyse``. Jamais ``cli``.
"""
