"""Référence naïve pour les bancs : le même travail écrit « comme on l'écrirait » en
pandas + networkx + pyvis, sans rien de reseau.

    python bench/naif.py analyser DONNEES SORTIE.csv
    python bench/naif.py regions  DONNEES SORTIE.csv
    python bench/naif.py carte    DONNEES SORTIE.html

Centralités exactes de networkx ; carte pyvis remplie par ``Network.add_edge`` en boucle.
Sans scipy, ``nx.pagerank`` n'est pas disponible : on prend sa version pur Python.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import networkx as nx
import pandas as pd

ICI = Path(__file__).resolve().parent
PAYS = ICI.parent / "donnees" / "pays.csv"
COULEURS = {"locale": "#E69F00", "regionale": "#009E73", "nationale": "#0072B2", "internationale": "#CC79A7"}


def lire(dossier: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    orgs = pd.read_csv(dossier / "organisations.csv", dtype=str, keep_default_na=False)
    liens = pd.read_csv(dossier / "partenariats.csv", dtype=str, keep_default_na=False)
    pays = pd.read_csv(PAYS, dtype={"code": str}, keep_default_na=False)
    orgs = orgs.merge(pays[["code", "latitude", "longitude"]].rename(
        columns={"code": "pays", "latitude": "lat_pays", "longitude": "lon_pays"}), on="pays", how="left")
    orgs["lat"] = pd.to_numeric(orgs["latitude"], errors="coerce").fillna(orgs["lat_pays"])
    orgs["lon"] = pd.to_numeric(orgs["longitude"], errors="coerce").fillna(orgs["lon_pays"])
    liens["poids"] = pd.to_numeric(liens["poids"], errors="coerce").fillna(1.0)
    return orgs, liens


def graphe(orgs: pd.DataFrame, liens: pd.DataFrame) -> nx.Graph:
    G = nx.Graph()
    for org in orgs.to_dict("records"):
        G.add_node(org["id"], **org)
    for lien in liens.to_dict("records"):
        s, c = lien["source"], lien["cible"]
        if G.has_edge(s, c):
            G[s][c]["poids"] += lien["poids"]
        else:
            G.add_edge(s, c, poids=lien["poids"])
    return G


def sauts_international(G: nx.Graph) -> dict:
    sources = [n for n, d in G.nodes(data=True) if d["echelle"] == "internationale"]
    return nx.multi_source_dijkstra_path_length(G, sources) if sources else {}


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def pagerank(G: nx.Graph) -> dict:
    try:
        return nx.pagerank(G, weight="poids")
    except (ImportError, ModuleNotFoundError):
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(G, weight="poids")


def analyser(dossier: Path, sortie: Path) -> None:
    orgs, liens = lire(dossier)
    G = graphe(orgs, liens)
    df = orgs[["id", "nom", "sigle", "type", "echelle", "pays", "region", "nord_sud"]].set_index("id")
    df["degre"] = pd.Series(dict(G.degree()))
    df["degre_pondere"] = pd.Series(dict(G.degree(weight="poids")))
    df["intermediarite"] = pd.Series(nx.betweenness_centrality(G))
    df["proximite"] = pd.Series(nx.closeness_centrality(G))
    try:
        df["vecteur_propre"] = pd.Series(nx.eigenvector_centrality(G, weight="poids", max_iter=1000))
    except nx.PowerIterationFailedConvergence:
        df["vecteur_propre"] = math.nan
    df["pagerank"] = pd.Series(pagerank(G))
    df["contrainte"] = pd.Series(nx.constraint(G, weight="poids"))
    communautes = nx.community.louvain_communities(G, weight="poids", seed=0)
    df["communaute"] = pd.Series({n: i for i, c in enumerate(communautes) for n in c})
    df["noyau"] = pd.Series(nx.core_number(G))
    articulations = set(nx.articulation_points(G))
    df["point_articulation"] = [n in articulations for n in df.index]
    df["sauts_international"] = pd.Series(sauts_international(G))
    echelles, pays = {}, {}
    for n in G:
        proches = nx.single_source_shortest_path_length(G, n, cutoff=2)
        echelles[n] = len({G.nodes[v]["echelle"] for v in proches})
        pays[n] = len({G.nodes[v]["pays"] for v in proches})
    df["echelles_2_sauts"] = pd.Series(echelles)
    df["pays_2_sauts"] = pd.Series(pays)
    bouts = liens.merge(orgs[["id", "nord_sud"]].rename(columns={"id": "source", "nord_sud": "ns_s"}), on="source")
    bouts = bouts.merge(orgs[["id", "nord_sud"]].rename(columns={"id": "cible", "nord_sud": "ns_c"}), on="cible")
    traverse = bouts[bouts["ns_s"] != bouts["ns_c"]]
    df["liens_nord_sud"] = pd.concat([traverse["source"], traverse["cible"]]).value_counts()
    df["liens_nord_sud"] = df["liens_nord_sud"].fillna(0).astype(int)
    position = orgs.set_index("id")[["lat", "lon"]].to_dict("index")
    df["portee_km"] = pd.Series({
        n: max((haversine(position[n]["lat"], position[n]["lon"], position[v]["lat"], position[v]["lon"]) for v in G[n]),
               default=0.0)
        for n in G
    })
    resume = {
        "organisations": G.number_of_nodes(), "partenariats": len(liens), "densite": nx.density(G),
        "composantes": nx.number_connected_components(G),
        "taille_plus_grande_composante": len(max(nx.connected_components(G), key=len)),
        "regroupement": nx.average_clustering(G),
        "assortativite_echelle": nx.attribute_assortativity_coefficient(G, "echelle"),
        "matrice_echelles": pd.crosstab(bouts["source"].map(df["echelle"]), bouts["cible"].map(df["echelle"])).to_dict(),
    }
    df.reset_index().to_csv(sortie, index=False)
    sortie.with_suffix(".json").write_text(json.dumps(resume, default=str), encoding="utf-8")


def regions(dossier: Path, sortie: Path) -> None:
    orgs, liens = lire(dossier)
    G = graphe(orgs, liens)
    orgs["cle"] = orgs["pays"] + "/" + orgs["region"]
    region = orgs.set_index("id")["cle"]
    pays = orgs.set_index("id")["pays"]
    echelle = orgs.set_index("id")["echelle"]
    liens["r_s"], liens["r_c"] = liens["source"].map(region), liens["cible"].map(region)
    internes = liens[liens["r_s"] == liens["r_c"]]
    externes = liens[liens["r_s"] != liens["r_c"]]
    internationaux = liens[(liens["source"].map(pays) != liens["cible"].map(pays))
                           | (liens["source"].map(echelle) == "internationale")
                           | (liens["cible"].map(echelle) == "internationale")]
    df = orgs.groupby("cle").agg(pays=("pays", "first"), region=("region", "first"), organisations=("id", "count"))
    df["liens_internes"] = internes["r_s"].value_counts()
    df["liens_externes"] = pd.concat([externes["r_s"], externes["r_c"]]).value_counts()
    df["liens_internationaux"] = pd.concat([internationaux["r_s"], internationaux["r_c"]]).value_counts()
    degres = pd.Series(dict(G.degree()))
    orgs["isolee"] = orgs["id"].map(degres) == 0
    sauts = pd.Series(sauts_international(G), dtype=float)
    orgs["reliee"] = orgs["id"].map(sauts).le(2)
    df["isolees"] = orgs.groupby("cle")["isolee"].sum()
    df["part_reliee_international"] = orgs.groupby("cle")["reliee"].mean()
    df = df.fillna(0)
    ouverture = df["liens_externes"] / (df["liens_internes"] + df["liens_externes"]).clip(lower=1)
    df["indice_connexion"] = (
        (1 - df["isolees"] / df["organisations"]) + df["part_reliee_international"] + ouverture
    ) / 3
    df = df.sort_values("indice_connexion")
    df["rang"] = range(1, len(df) + 1)
    df.to_csv(sortie, index=False)


def carte(dossier: Path, sortie: Path) -> None:
    from pyvis.network import Network

    orgs, liens = lire(dossier)
    G = graphe(orgs, liens)
    net = Network(height="800px", width="100%", cdn_resources="in_line")
    for org in orgs.to_dict("records"):
        net.add_node(org["id"], label=org["sigle"] or org["nom"], title=org["nom"],
                     color=COULEURS.get(org["echelle"], "#999999"), size=5 + 2 * math.sqrt(G.degree(org["id"])))
    for lien in liens.to_dict("records"):
        net.add_edge(lien["source"], lien["cible"], title=lien["type"], value=lien["poids"])
    net.write_html(str(sortie))


if __name__ == "__main__":
    commande, donnees, fichier = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    {"analyser": analyser, "regions": regions, "carte": carte}[commande](donnees, fichier)
