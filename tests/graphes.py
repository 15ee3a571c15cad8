"""Petits graphes de test construits à la main (attributs complets, comme après chargement), et
réseaux générés relus comme un utilisateur les lirait."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from reseau.entrees.graphe import construire

NORD = {"CA", "FR", "BE", "ES", "IT"}


def org(id_: str, echelle: str = "locale", pays: str = "CA", region: str = "", *, sigle: str = "",
        nom: str | None = None, latitude: float | None = None, longitude: float | None = None) -> dict:
    """Une organisation complète ; Nord/Sud déduit du pays."""
    return {
        "id": id_, "nom": nom or f"Organisation {id_}", "sigle": sigle, "type": "reseau", "echelle": echelle,
        "pays": pays, "region": region, "ville": "", "latitude": latitude, "longitude": longitude,
        "precision": "coordonnees" if latitude is not None else None,
        "nord_sud": "nord" if pays in NORD else "sud", "site_web": "", "description": "", "reference": "test",
    }


def lien(source: str, cible: str, poids: float = 1.0, type_: str = "cooperation") -> dict:
    """Un partenariat complet."""
    return {"source": source, "cible": cible, "type": type_, "debut": None, "fin": None, "poids": poids,
            "oriente": False, "description": "", "reference": "test"}


def depuis_networkx(H: nx.Graph, echelle: str = "locale") -> nx.MultiGraph:
    """Le MultiGraph de ``reseau`` équivalent à un graphe networkx (poids ``weight`` repris)."""
    return construire([org(str(n), echelle) for n in H],
                      [lien(str(u), str(v), d.get("weight", 1.0)) for u, v, d in H.edges(data=True)])


def jeu_genere(dossier: Path, n: int, graine: int) -> nx.MultiGraph:
    """Un réseau de ``n`` organisations (``reseau.generer``), écrit en CSV dans ``dossier`` puis rechargé."""
    import reseau

    organisations, partenariats = reseau.generer(n, graine=graine)
    reseau.ecrire_jeu(dossier, organisations, partenariats)
    return reseau.charger(dossier)
