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

  /** Le texte sur une ligne, coupé à un mot près (avec « … ») s'il dépasse ``longueur`` caractères. */
  function abreger(texte, longueur) {
    const t = String(texte || "").split(/\s+/).filter(Boolean).join(" ");
    if (t.length <= longueur) return t;
    let coupe = t.slice(0, Math.max(1, longueur - 1));
    if (coupe.includes(" ") && t[coupe.length] !== " ") coupe = coupe.slice(0, coupe.lastIndexOf(" "));
    return coupe.replace(/[ ,;:–\-(/'’]+$/, "") + "…";
  }

  /** Début et dernier mot du texte, le milieu élidé : « Cuisines… québécoises » ; si le dernier mot
      est trop long, moitié début, moitié fin. */
  function elider(texte, longueur) {
    const t = String(texte || "");
    if (t.length <= longueur) return t;
    const dernier = t.slice(t.lastIndexOf(" ") + 1);
    const reste = longueur - 2 - dernier.length;
    if (reste >= 4) {
      let debut = t.slice(0, reste);
      if (debut.includes(" ") && t[reste] !== " ") debut = debut.slice(0, debut.lastIndexOf(" "));
      return debut.replace(/[ ,;:–\-(/'’]+$/, "") + "… " + dernier;
    }
    const fin = Math.floor((longueur - 1) / 2);
    return t.slice(0, longueur - 1 - fin).trimEnd() + "…" + t.slice(t.length - fin).trimStart();
  }

  /** Libellés de chaque nœud : { complet, court } par id. ``complet`` : le sigle, sinon le nom ;
      ``court`` : le même, abrégé à ``longueur`` caractères s'il est plus long. Jamais deux libellés
      identiques pour deux nœuds différents : on ajoute ce qui les distingue (``precision(n)`` : le
      pays ou la ville, « Réseau d'économie… (Chili) ») ; à défaut on garde la fin du nom
      (« Cuisines coll… québécoises »), à défaut un numéro. */
  function distinguer(noeuds, precision, longueur) {
    const complet = new Map(), court = new Map();
    for (const n of noeuds) {
      const t = abreger(n.sigle || n.nom || n.libelle || String(n.id), 1e9);
      complet.set(n.id, t);
      court.set(n.id, abreger(t, longueur));
    }
    function doublons(m) {
      const par = new Map();
      for (const [id, t] of m) { if (!par.has(t)) par.set(t, []); par.get(t).push(id); }
      return [...par.values()].filter((ids) => ids.length > 1);
    }
    const parId = new Map(noeuds.map((n) => [n.id, n]));
    const suffixe = (id) => { const p = precision(parId.get(id)); return p ? " (" + p + ")" : ""; };
    // 1. noms complets identiques (deux organisations homonymes) : on précise le lieu
    for (const ids of doublons(complet)) for (const id of ids) complet.set(id, complet.get(id) + suffixe(id));
    // 2. libellés courts identiques : abrègement + lieu, sinon début…fin, sinon numéro
    for (const ids of doublons(court)) {
      const essais = [
        (id) => { const sfx = suffixe(id); return sfx ? abreger(complet.get(id), Math.max(8, longueur - sfx.length)) + sfx : null; },
        (id) => elider(complet.get(id), longueur + 4),
      ];
      let restants = ids;
      for (const essai of essais) {
        const propositions = new Map(restants.map((id) => [id, essai(id)]));
        const vus = new Map();
        for (const t of propositions.values()) vus.set(t, (vus.get(t) || 0) + 1);
        const ok = (id) => propositions.get(id) !== null && vus.get(propositions.get(id)) === 1 &&
          ![...court].some(([autre, t]) => !ids.includes(autre) && t === propositions.get(id));
        for (const id of restants) if (ok(id)) court.set(id, propositions.get(id));
        restants = restants.filter((id) => !ok(id));
      }
      restants.forEach((id, i) => court.set(id, abreger(complet.get(id), longueur) + " (" + (i + 1) + ")"));
    }
    for (const ids of doublons(complet)) ids.forEach((id, i) => complet.set(id, complet.get(id) + " (" + (i + 1) + ")"));
    const resultat = new Map();
    for (const n of noeuds) resultat.set(n.id, { complet: complet.get(n.id), court: court.get(n.id) });
    return resultat;
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
      (largeur du libellé en px à taillePx) ; ou, à la place de ``largeur``, ``variantes(id)`` :
      [{ texte, largeur }] essayées dans l'ordre (le libellé complet d'abord, l'abrégé s'il ne tient pas).
      Rend [{ id, x, y, boite, texte }], x au centre, y en haut. */
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
      const variantes = r.variantes ? r.variantes(id) : [{ texte: undefined, largeur: r.largeur(id) }];
      const h = taille * 1.15, t = p.taille;
      let place = null;
      for (const v of variantes) {
        const w = (v.largeur + 4) / s;
        for (const y of [p.y + t + ecart, p.y - t - ecart - h]) {
          const boite = [p.x - w / 2, y, p.x + w / 2, y + h];
          if (!etiquettes.libre(boite) || (!principal && !disques.libre(boite))) continue;
          place = { id: id, x: p.x, y: y, boite: boite, texte: v.texte };
          break;
        }
        if (place) break;
      }
      if (place) { etiquettes.ajouter(place.boite); places.push(place); }
    }
    return places;
  }

  return { Grille, abreger, elider, distinguer, nombrePrincipaux, priorite, placer };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteLibelles;
