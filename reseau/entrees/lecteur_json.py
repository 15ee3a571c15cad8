"""Lecteur JSON node-link (networkx, d3) : ``nodes`` → organisations, ``edges``/``links`` → partenariats."""

from __future__ import annotations

import json
from pathlib import Path

from .sources import Lu, probleme, table_enregistrements


def est_node_link(donnees: object) -> bool:
    """Vrai pour un document ``{"nodes": [...], "edges"|"links": [...]}``.

    >>> est_node_link({"nodes": [], "links": []}), est_node_link([1])
    (True, False)
    """
    return isinstance(donnees, dict) and isinstance(donnees.get("nodes"), list)


def lire_json(chemin: Path) -> Lu:
    """Lit un JSON node-link en deux tables brutes."""
    fichier = str(chemin)
    lu = Lu("JSON node-link", contrat=False)
    try:
        donnees = json.loads(chemin.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        lu.problemes.append(probleme(fichier, f"JSON illisible ({exc}) — un JSON node-link est attendu"))
        return lu
    if not est_node_link(donnees):
        lu.problemes.append(probleme(fichier, "JSON sans liste « nodes » — un JSON node-link (nodes, edges) est attendu"))
        return lu
    oriente = bool(donnees.get("directed"))
    noeuds = [(i, dict(n) if isinstance(n, dict) else {"id": n}) for i, n in enumerate(donnees["nodes"], start=1)]
    liens = donnees.get("edges", donnees.get("links")) or []
    aretes = []
    for i, lien in enumerate(liens, start=1):
        if not isinstance(lien, dict):
            lu.problemes.append(probleme(fichier, f"lien n° {i} : un objet {{source, target}} est attendu"))
            continue
        attributs = {k: v for k, v in lien.items() if k not in ("key", "id")}
        # Export de reseau : « source »/« target » sont déjà la source et la cible du partenariat.
        attributs["cible"] = attributs.pop("target", attributs.get("cible"))
        attributs.setdefault("oriente", oriente)
        aretes.append((i, attributs))
    lu.tables["organisations"] = table_enregistrements(f"{fichier} [nodes]", noeuds)
    lu.tables["partenariats"] = table_enregistrements(f"{fichier} [edges]", aretes)
    graphe = donnees.get("graph") if isinstance(donnees.get("graph"), dict) else {}
    if "reseau" in graphe:
        lu.format, lu.contrat = "reseau (export JSON)", True
        lu.calculees = frozenset(lu.tables["organisations"].entetes)
    if not noeuds:
        lu.problemes.append(probleme(fichier, "JSON sans nœud — aucune organisation"))
    return lu
