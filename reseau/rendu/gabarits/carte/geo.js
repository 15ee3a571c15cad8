/* geo : la géographie de la carte — projection, lieux, éventails à l'écran, marqueurs « Montréal (23) ».
   Ne touche ni document, ni window, ni vis : testé par node --test (tests/js/geo.test.js) ; page.js
   applique les places au réseau. */
var CarteGeo = (function () {
  "use strict";

  const ANGLE_OR = Math.PI * (3 - Math.sqrt(5));
  const RAYON_OUVERT_MAX = 55;  // px : un éventail qui s'ouvre seul garde ses centres à moins de 60 px du lieu
  const ECART = 3;  // px entre deux disques d'un éventail

  /** Projection équirectangulaire, celle de disposition.py : {x, y} dans le repère de vis-network. */
  function projeter(lon, lat, unites) {
    return { x: lon * unites, y: -lat * unites };
  }

  /** Les nœuds posés au même point, par lieu : [{cle, x, y, membres: [id]}] ; membres du plus gros au plus petit. */
  function regrouper(noeuds) {
    const parCle = new Map();
    for (const n of noeuds) {
      if (typeof n.x !== "number" || typeof n.y !== "number") continue;
      const cle = n.x + "," + n.y;
      let g = parCle.get(cle);
      if (!g) { g = { cle: cle, x: n.x, y: n.y, membres: [] }; parCle.set(cle, g); }
      g.membres.push(n);
    }
    const groupes = [...parCle.values()];
    for (const g of groupes) {
      g.membres.sort((a, b) => (b.size || 0) - (a.size || 0) || String(a.id).localeCompare(String(b.id)));
      g.membres = g.membres.map((n) => n.id);
    }
    return groupes;
  }

  /** Le nom d'un lieu : la ville la plus fréquente de ses membres, sinon la région, sinon le pays ;
      ``inconnu`` si aucun membre n'a de coordonnées. */
  function nomLieu(membres, nomPays, inconnu) {
    if (!membres.some((n) => typeof n.lon === "number" && typeof n.lat === "number")) return inconnu;
    for (const champ of ["ville", "region", "pays"]) {
      const compte = new Map();
      for (const n of membres) if (n[champ]) compte.set(n[champ], (compte.get(n[champ]) || 0) + 1);
      let meilleur = null, max = 0;
      for (const [v, c] of compte) if (c > max) { meilleur = v; max = c; }
      if (meilleur !== null) return champ === "pays" ? nomPays(meilleur) : meilleur;
    }
    return inconnu;
  }

  /** « Montréal (23) ». */
  function libelleMarqueur(nom, n, nombres) {
    return nom + " (" + (nombres ? nombres.format(n) : n) + ")";
  }

  /** Pas de la spirale d'or pour des disques de rayon ``r`` px (aire π·pas² par disque). */
  function pasEventail(r) {
    return (2 * r + ECART) / 1.55;
  }

  /** Décalages en pixels de ``n`` disques de rayon ``r`` autour de leur lieu : spirale d'or, sans chevauchement. */
  function eventail(n, r) {
    if (n <= 1) return n === 1 ? [{ dx: 0, dy: 0 }] : [];
    const pas = pasEventail(r);
    const sortie = [];
    for (let k = 0; k < n; k++) {
      const rho = pas * Math.sqrt(k + 0.5);
      sortie.push({ dx: rho * Math.cos(k * ANGLE_OR), dy: rho * Math.sin(k * ANGLE_OR) });
    }
    return sortie;
  }

  /** Rayon en pixels de l'éventail de ``n`` disques de rayon ``r`` (bords compris). */
  function rayonEventail(n, r) {
    return n <= 1 ? r : pasEventail(r) * Math.sqrt(n - 0.5) + r;
  }

  /** Distance en pixels du lieu au centre le plus éloigné de son éventail. */
  function porteeEventail(n, r) {
    return n <= 1 ? 0 : pasEventail(r) * Math.sqrt(n - 0.5);
  }

  /** Un lieu s'ouvre-t-il seul ? Un membre : toujours ; sinon si chaque disque reste près du lieu
      (centre à ≤ RAYON_OUVERT_MAX px) et si l'éventail tient dans la place libre jusqu'au lieu voisin. */
  function ouvertSeul(n, r, voisinPx) {
    if (n <= 1) return true;
    return porteeEventail(n, r) <= RAYON_OUVERT_MAX && 2 * rayonEventail(n, r) + 4 <= voisinPx;
  }

  /** Rayon en pixels du marqueur d'un lieu replié de ``n`` organisations. */
  function rayonMarqueur(n) {
    return Math.min(9 + 2.2 * Math.sqrt(n), 26);
  }

  /** Distance (unités du canevas) de chaque lieu au lieu le plus proche ; Infinity s'il est seul. */
  function distancesVoisins(lieux) {
    const ordre = lieux.map((_, i) => i).sort((a, b) => lieux[a].x - lieux[b].x);
    const d = lieux.map(() => Infinity);
    for (let a = 0; a < ordre.length; a++) {
      const i = ordre[a];
      for (const sens of [1, -1]) {
        for (let b = a + sens; b >= 0 && b < ordre.length; b += sens) {
          const j = ordre[b];
          const dx = Math.abs(lieux[j].x - lieux[i].x);
          if (dx >= d[i]) break;
          const dist = Math.hypot(dx, lieux[j].y - lieux[i].y);
          if (dist < d[i]) d[i] = dist;
        }
      }
    }
    return d;
  }

  /** Étiquettes sans chevauchement, dans l'ordre donné : garde une boîte [x0, y0, x1, y1] si elle
      ne touche aucune boîte déjà gardée ; rend les indices gardés. */
  function sansChevauchement(boites) {
    const gardees = [];
    const indices = [];
    boites.forEach((b, i) => {
      if (gardees.every((g) => b[2] < g[0] || b[0] > g[2] || b[3] < g[1] || b[1] > g[3])) {
        gardees.push(b);
        indices.push(i);
      }
    });
    return indices;
  }

  /** Les lieux d'une carte, prêts à placer : ``noeuds`` du DataSet (x, y au lieu même, size en px). */
  function preparer(noeuds, nomPays, inconnu) {
    const lieux = regrouper(noeuds);
    const parId = new Map(noeuds.map((n) => [n.id, n]));
    const voisins = distancesVoisins(lieux);
    const lieuDe = new Map();
    lieux.forEach((g, i) => {
      g.voisin = voisins[i];
      g.nom = nomLieu(g.membres.map((id) => parId.get(id)), nomPays, inconnu);
      for (const id of g.membres) lieuDe.set(id, g);
    });
    return { lieux: lieux, lieuDe: lieuDe, taille: new Map(noeuds.map((n) => [n.id, n.size || 8])), ouverts: new Set() };
  }

  /** Où dessiner chaque nœud visible à l'échelle ``s`` : au lieu même (replié dans un marqueur) ou en
      éventail à l'écran ; la taille en unités du canevas garde un disque de taille constante à l'écran.
      Rend {places: [{id, x, y, size}], replies: Set, marqueurs: [{lieu, n}] (les plus gros d'abord)}. */
  function placer(g0, s, visible, selection) {
    const places = [];
    const replies = new Set();
    const marqueurs = [];
    for (const g of g0.lieux) {
      const membres = g.membres.filter(visible);
      if (!membres.length) continue;
      const r = Math.max(...membres.map((id) => g0.taille.get(id)));
      const ouvert = g0.ouverts.has(g.cle) || membres.includes(selection) || ouvertSeul(membres.length, r, g.voisin * s);
      const decalages = ouvert ? eventail(membres.length, r) : null;
      membres.forEach((id, k) => {
        places.push({ id: id, x: g.x + (ouvert ? decalages[k].dx / s : 0), y: g.y + (ouvert ? decalages[k].dy / s : 0),
                      size: g0.taille.get(id) / s });
        if (!ouvert) replies.add(id);
      });
      if (!ouvert) marqueurs.push({ lieu: g, n: membres.length });
    }
    marqueurs.sort((a, b) => b.n - a.n);
    return { places: places, replies: replies, marqueurs: marqueurs };
  }

  /** Le marqueur touché par le point ``pt`` (canevas) à l'échelle ``s``, ou null. */
  function marqueurSous(marqueurs, pt, s) {
    return marqueurs.find((m) => Math.hypot(pt.x - m.lieu.x, pt.y - m.lieu.y) <= rayonMarqueur(m.n) / s) || null;
  }

  /** Dessine les marqueurs des lieux repliés (disque, nombre, « Montréal (23) ») sur ``ctx`` à l'échelle ``s``. */
  function dessinerMarqueurs(ctx, marqueurs, s, police, nombres) {
    ctx.save();
    ctx.textBaseline = "middle";
    for (const m of marqueurs) {
      ctx.beginPath();
      ctx.arc(m.lieu.x, m.lieu.y, rayonMarqueur(m.n) / s, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(28,52,84,0.9)";
      ctx.fill();
      ctx.lineWidth = 2 / s;
      ctx.strokeStyle = "#ffffff";
      ctx.stroke();
      ctx.fillStyle = "#ffffff";
      ctx.textAlign = "center";
      ctx.font = "700 " + 11 / s + "px " + police;
      ctx.fillText(nombres ? nombres.format(m.n) : String(m.n), m.lieu.x, m.lieu.y);
    }
    ctx.font = "600 " + 12 / s + "px " + police;
    const candidats = marqueurs.slice(0, 300);  // les plus gros lieux d'abord
    const textes = candidats.map((m) => libelleMarqueur(m.lieu.nom, m.n, nombres));
    const boites = candidats.map((m, i) => {  // en pixels
      const x0 = m.lieu.x * s + rayonMarqueur(m.n) + 4;
      return [x0, m.lieu.y * s - 8, x0 + ctx.measureText(textes[i]).width * s, m.lieu.y * s + 8];
    });
    ctx.textAlign = "left";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / s;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#1c3454";
    const gardees = [];
    for (const i of sansChevauchement(boites)) {
      const m = candidats[i];
      const x = m.lieu.x + (rayonMarqueur(m.n) + 4) / s;
      ctx.strokeText(textes[i], x, m.lieu.y);
      ctx.fillText(textes[i], x, m.lieu.y);
      gardees.push(boites[i].map((v) => v / s));
    }
    ctx.restore();
    return gardees;  // [x0, y0, x1, y1] des étiquettes dessinées, en coordonnées du canevas
  }

  return {
    projeter, regrouper, nomLieu, libelleMarqueur, eventail, rayonEventail, porteeEventail, ouvertSeul, rayonMarqueur,
    distancesVoisins, sansChevauchement, preparer, placer, marqueurSous, dessinerMarqueurs, RAYON_OUVERT_MAX,
  };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteGeo;
