/* libelles : quels libellés dessiner et où, sans chevauchement (fonctions pures).
   Boîtes [x0, y0, x1, y1] en coordonnées du canevas ; le dessin lui-même est dans page.js. */
var CarteLibelles = (function () {
  "use strict";

  /** Grille spatiale de boîtes : « cette place est-elle libre ? » en temps constant. */
  function Grille(cellule) {
    const cases = new Map();
    const boites = [];
    function parcourir(b, f) {
      for (let i = Math.floor(b[0] / cellule); i <= Math.floor(b[2] / cellule); i++) {
        for (let j = Math.floor(b[1] / cellule); j <= Math.floor(b[3] / cellule); j++) f(i + ":" + j);
      }
    }
    return {
      libre(b) {
        let ok = true;
        parcourir(b, (c) => {
          if (!ok) return;
          for (const k of cases.get(c) || []) {
            const o = boites[k];
            if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { ok = false; return; }
          }
        });
        return ok;
      },
      ajouter(b) {
        boites.push(b);
        parcourir(b, (c) => { if (!cases.has(c)) cases.set(c, []); cases.get(c).push(boites.length - 1); });
      },
    };
  }

  /** Nombre de libellés principaux (dessinés même petits ou posés sur un nœud) : un nœud sur dix,
      de 10 à 40. */
  function nombrePrincipaux(n) {
    return Math.max(10, Math.min(40, Math.ceil(n / 10)));
  }

  /** Ordre de priorité des libellés : les plus gros nœuds d'abord, puis les plus reliés. */
  function priorite(noeuds, adjacence) {
    return noeuds.slice().sort((a, b) => b.size - a.size || adjacence.get(b.id).length - adjacence.get(a.id).length)
      .map((n) => n.id);
  }

  /** Places des libellés, dans l'ordre de ``ordre`` : sous le nœud ou à défaut au-dessus ; jamais sur
      un autre libellé, ni (sauf les principaux et la sélection) sur un autre nœud.
      ``position(id)`` : { x, y, taille } du nœud, ou null s'il est absent ou masqué.
      ``r`` : { echelle, rect {x0, y0, x1, y1}, taillePx, principaux, max, seuilPx, selection, largeur(id) }
      (largeur du libellé en px à taillePx). Rend [{ id, x, y, boite }], x au centre, y en haut. */
  function placer(ordre, position, r) {
    const s = r.echelle, R = r.rect;
    const taille = r.taillePx / s, ecart = 2 / s;
    const dans = (x, y, m) => x > R.x0 - m && x < R.x1 + m && y > R.y0 - m && y < R.y1 + m;
    const disques = Grille(120 / s), etiquettes = Grille(120 / s);
    for (const b of r.occupees || []) etiquettes.ajouter(b);  // déjà prises (marqueurs des lieux)
    const candidats = [];
    for (const id of ordre) {
      const p = position(id);
      if (!p || !dans(p.x, p.y, 200 / s)) continue;
      const t = p.taille;
      disques.ajouter([p.x - t, p.y - t, p.x + t, p.y + t]);
      // les principaux nœuds toujours ; les autres s'ils sont assez grands à l'écran
      const principal = candidats.length < r.principaux || id === r.selection;
      if (candidats.length < r.max && (principal || t * s >= r.seuilPx)) candidats.push([id, p, principal]);
    }
    const places = [];
    for (const [id, p, principal] of candidats) {
      const w = (r.largeur(id) + 4) / s, h = taille * 1.15, t = p.taille;
      for (const y of [p.y + t + ecart, p.y - t - ecart - h]) {
        const boite = [p.x - w / 2, y, p.x + w / 2, y + h];
        if (!etiquettes.libre(boite) || (!principal && !disques.libre(boite))) continue;
        etiquettes.ajouter(boite);
        places.push({ id: id, x: p.x, y: y, boite: boite });
        break;
      }
    }
    return places;
  }

  return { Grille, nombrePrincipaux, priorite, placer };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteLibelles;
