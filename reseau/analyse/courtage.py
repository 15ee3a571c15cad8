"""Rôles de courtage de Gould et Fernandez (1989) et indice E-I de Krackhardt et Stern (1988).

Définitions, formules et choix : ``docs/mesures.md`` (« Courtage » et « Indice E-I »).
Tout est compté en entiers avec numpy : même résultat d'un lancement à l'autre.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..erreurs import verifier_choix

if TYPE_CHECKING:
    import numpy

# Ce qui définit les groupes : un attribut des organisations (région = couple pays, région).
GROUPES: tuple[str, ...] = ("echelle", "region", "pays", "nord_sud")
ROLES: tuple[str, ...] = ("coordinateur", "consultant", "representant", "gardien", "liaison")
COLONNES_COURTAGE: tuple[str, ...] = (*(f"courtage_{r}" for r in ROLES), "courtage_total")
# Groupe des organisations sans valeur pour l'attribut choisi.
INCONNU = "inconnu"


def groupe_de(donnees: dict, groupes: str) -> str:
    """Le groupe d'une organisation ; sans valeur : ``inconnu``.

    >>> groupe_de({"pays": "SN", "region": "Dakar"}, "region"), groupe_de({"pays": "SN"}, "region")
    ('SN/Dakar', 'SN')
    >>> groupe_de({}, "echelle")
    'inconnu'
    """
    verifier_choix("groupes", groupes, GROUPES)
    return _groupe(donnees, groupes)


def _groupe(donnees: dict, groupes: str) -> str:
    if groupes == "region":
        pays, region = donnees.get("pays") or "", donnees.get("region") or ""
        cle = f"{pays}/{region}" if region else pays
    else:
        cle = donnees.get(groupes) or ""
    return str(cle) if cle else INCONNU


def _arcs(G: nx.MultiGraph, index: dict) -> numpy.ndarray:
    """Arcs distincts (a, c), a ≠ c, codés a·n + c : un partenariat orienté dans son sens, les autres dans les deux.

    Le multigraphe n'est pas orienté : le sens d'un partenariat orienté est dans ``source`` et ``cible``.
    """
    import numpy as np

    n = len(index)
    libres: list[int] = []
    orientes: list[int] = []
    for u, v, donnees in G.edges(data=True):
        if donnees.get("oriente"):
            if donnees.get("cible") == u and donnees.get("source") == v:
                u, v = v, u
            orientes.append(index[u] * n + index[v])
        else:
            libres.append(index[u] * n + index[v])
    aller = np.asarray(libres, dtype=np.int64)
    codes = np.concatenate((aller, (aller % n) * n + aller // n, np.asarray(orientes, dtype=np.int64)))
    codes = codes[codes // n != codes % n]  # sans boucle
    return np.unique(codes)


def roles_courtage(G: nx.MultiGraph, groupes: str = "echelle") -> dict[str, list[int]]:
    """Rôles de courtage de chaque organisation (ordre de ``G.nodes``), clés ``COLONNES_COURTAGE``.

    L'organisation *v* est courtière d'un couple ordonné (a, c), a ≠ c, quand a → v → c
    et qu'il n'y a pas d'arc a → c. Selon les groupes de a, v, c : coordinateur (tous du
    même groupe), consultant (a et c d'un même groupe, v d'un autre), représentant (a et v
    du même groupe, c d'un autre), gardien (v et c du même groupe, a d'un autre), liaison
    (trois groupes différents). Comme ``sna::brokerage`` (R).

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "a", "echelle": "locale"}, {"id": "v", "echelle": "nationale"},
    ...                 {"id": "c", "echelle": "locale"}],
    ...                [{"source": "a", "cible": "v"}, {"source": "v", "cible": "c"}])
    >>> roles_courtage(G)["courtage_consultant"]  # a → v → c et c → v → a
    [0, 2, 0]
    """
    import numpy as np

    verifier_choix("groupes", groupes, GROUPES)
    noeuds = list(G.nodes)
    n = len(noeuds)
    if n == 0:
        return {c: [] for c in COLONNES_COURTAGE}
    index = {x: i for i, x in enumerate(noeuds)}
    noms = [_groupe(d, groupes) for _, d in G.nodes(data=True)]
    numeros = {g: k for k, g in enumerate(sorted(set(noms)))}
    gr = np.asarray([numeros[g] for g in noms], dtype=np.int64)
    k_groupes = len(numeros)
    arcs = _arcs(G, index)
    a, c = arcs // n, arcs % n
    gv = gr

    # Couples (arc entrant, arc sortant) de chaque courtier, par groupes : I[v, g], O[v, g].
    def par_groupe(courtier: numpy.ndarray, autre: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        cles, nombres = np.unique(courtier * k_groupes + gr[autre], return_counts=True)
        return cles, nombres

    cles_in, n_in = par_groupe(c, a)        # a → v : v = c de l'arc
    cles_out, n_out = par_groupe(a, c)      # v → c : v = a de l'arc
    total_in = np.bincount(c, minlength=n)
    total_out = np.bincount(a, minlength=n)
    propre_in = np.zeros(n, dtype=np.int64)
    propre_out = np.zeros(n, dtype=np.int64)
    v_in, g_in = cles_in // k_groupes, cles_in % k_groupes
    v_out, g_out = cles_out // k_groupes, cles_out % k_groupes
    meme = g_in == gv[v_in]
    propre_in[v_in[meme]] = n_in[meme]
    meme = g_out == gv[v_out]
    propre_out[v_out[meme]] = n_out[meme]
    # Σ_{g ≠ g(v)} I[v, g] · O[v, g] : les couples dont a et c sont d'un même autre groupe.
    communes, i_in, i_out = np.intersect1d(cles_in, cles_out, assume_unique=True, return_indices=True)
    v_c, g_c = communes // k_groupes, communes % k_groupes
    autre = g_c != gv[v_c]
    meme_autre = np.bincount(v_c[autre], weights=(n_in[i_in] * n_out[i_out])[autre], minlength=n).astype(np.int64)

    roles = {
        "coordinateur": propre_in * propre_out,
        "consultant": meme_autre,
        "representant": propre_in * (total_out - propre_out),
        "gardien": (total_in - propre_in) * propre_out,
        "liaison": (total_in - propre_in) * (total_out - propre_out) - meme_autre,
    }
    # Couples à retirer : a = c (arc réciproque a ⇄ v) ...
    reciproque = np.isin(c * n + a, arcs)
    v_r, a_r = c[reciproque], a[reciproque]
    meme = gr[a_r] == gv[v_r]
    roles["coordinateur"] -= np.bincount(v_r[meme], minlength=n)
    roles["consultant"] -= np.bincount(v_r[~meme], minlength=n)
    # ... et les deux-chemins fermés a → v → c avec a → c : trois sommets d'un triangle.
    for role, nombre in _fermes(n, arcs, gr).items():
        roles[role] -= nombre
    resultat = {f"courtage_{r}": [int(x) for x in roles[r]] for r in ROLES}
    resultat["courtage_total"] = [int(x) for x in np.sum([roles[r] for r in ROLES], axis=0)]
    return resultat


def _fermes(n: int, arcs: numpy.ndarray, gr: numpy.ndarray) -> dict[str, numpy.ndarray]:
    """Deux-chemins fermés a → v → c (avec a → c), comptés par courtier v et par rôle."""
    import numpy as np

    from ._igraph import importer_igraph

    igraph = importer_igraph()
    a, c = arcs // n, arcs % n
    paires = np.unique(np.minimum(a, c) * n + np.maximum(a, c))
    h = igraph.Graph(n=n, edges=np.column_stack((paires // n, paires % n)).tolist())
    triangles = np.asarray(h.list_triangles(), dtype=np.int64).reshape(-1, 3)
    comptes = {r: np.zeros(n, dtype=np.int64) for r in ROLES}
    if not len(triangles):
        return comptes

    def existe(x: numpy.ndarray, y: numpy.ndarray) -> numpy.ndarray:
        codes = x * n + y
        position = np.minimum(np.searchsorted(arcs, codes), len(arcs) - 1)
        return arcs[position] == codes

    for i, j, k in ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)):
        a, v, c = triangles[:, i], triangles[:, j], triangles[:, k]
        ferme = existe(a, v) & existe(v, c) & existe(a, c)
        a, v, c = a[ferme], v[ferme], c[ferme]
        ga, gv, gc = gr[a], gr[v], gr[c]
        classes = {
            "coordinateur": (ga == gv) & (gv == gc),
            "consultant": (ga == gc) & (ga != gv),
            "representant": (ga == gv) & (gv != gc),
            "gardien": (gv == gc) & (ga != gv),
            "liaison": (ga != gv) & (gv != gc) & (ga != gc),
        }
        for role, masque in classes.items():
            comptes[role] += np.bincount(v[masque], minlength=n)
    return comptes


def indice_ei(internes: int, externes: int) -> float | None:
    """Indice E-I de Krackhardt et Stern : (externes − internes) / (externes + internes) ; ``None`` sans lien.

    >>> indice_ei(1, 3), indice_ei(2, 0), indice_ei(0, 0) is None
    (0.5, -1.0, True)
    """
    total = internes + externes
    return (externes - internes) / total if total else None


def indices_ei(G: nx.MultiGraph, groupes: str = "echelle") -> tuple[float | None, dict[str, float | None]]:
    """Indice E-I du réseau entier et de chaque groupe (partenariats comptés, liens multiples compris).

    Pour un groupe : internes = partenariats entre deux de ses organisations, externes =
    partenariats entre une des siennes et une d'un autre groupe. Réseau entier : internes =
    partenariats dans un même groupe, externes = entre deux groupes.

    >>> from reseau.entrees.graphe import construire
    >>> G = construire([{"id": "a", "echelle": "locale"}, {"id": "b", "echelle": "locale"},
    ...                 {"id": "i", "echelle": "internationale"}],
    ...                [{"source": "a", "cible": "b"}, {"source": "a", "cible": "i"}, {"source": "b", "cible": "i"}])
    >>> indices_ei(G)
    (0.3333333333333333, {'internationale': 1.0, 'locale': 0.3333333333333333})
    """
    verifier_choix("groupes", groupes, GROUPES)
    groupe = {x: _groupe(d, groupes) for x, d in G.nodes(data=True)}
    internes: Counter = Counter()
    externes: Counter = Counter()
    for u, v in G.edges():
        gu, gv = groupe[u], groupe[v]
        if gu == gv:
            internes[gu] += 1
        else:
            externes[gu] += 1
            externes[gv] += 1
    par_groupe: dict[str, Any] = {g: indice_ei(internes[g], externes[g]) for g in sorted(set(groupe.values()))}
    return indice_ei(sum(internes.values()), sum(externes.values()) // 2), par_groupe
