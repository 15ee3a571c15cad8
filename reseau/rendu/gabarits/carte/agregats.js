/* agregats : la vue agrégée (un nœud par groupe) : composition d'un groupe en anneau, fonctions pures. */
var CarteAgregats = (function () {
  "use strict";

  /** Secteurs de l'anneau d'un groupe, dans l'ordre des ``couleurs`` (clé → couleur ; clé "null"
      pour les organisations sans échelle) : [{ cle, couleur, debut, fin }], angles en radians, à
      partir de midi et dans le sens des aiguilles. Vide si le groupe est vide. */
  function secteurs(repartition, couleurs) {
    const cles = Object.keys(couleurs).filter((c) => (repartition[c] || 0) > 0);
    for (const c of Object.keys(repartition)) if (!(c in couleurs) && repartition[c] > 0) cles.push(c);
    const total = cles.reduce((s, c) => s + repartition[c], 0);
    const resultat = [];
    let angle = -Math.PI / 2;
    for (const c of cles) {
      const part = (2 * Math.PI * repartition[c]) / total;
      resultat.push({ cle: c, couleur: couleurs[c] || couleurs["null"] || "#9aa0a6", debut: angle, fin: angle + part });
      angle += part;
    }
    return resultat;
  }

  /** Composition d'un groupe en texte : « nationale 3, locale 1 », la plus grande part d'abord. */
  function composition(repartition, vocab) {
    return Object.keys(repartition).filter((c) => repartition[c] > 0)
      .sort((a, b) => repartition[b] - repartition[a] || a.localeCompare(b))
      .map((c) => vocab(c === "null" ? "" : c) + " " + repartition[c]).join(", ");
  }

  /** Ouvrir le groupe ``groupe`` : ses organisations à sa place (en spirale autour de ``centre``), le
      reste agrégé. ``organisations`` : [{ id, groupe, couleur, nom, … }] ; ``liens`` : [[u, v, {type: n}, sens]].
      Rend { noeuds, liens } au format de la page : les organisations (id « o:<id> »), les liens entre
      elles, et un lien de chacune vers chaque autre groupe avec lequel elle a des partenariats. */
  function ouvrir(groupe, organisations, liens, centre) {
    const groupeDe = new Map(organisations.map((o) => [o.id, o.groupe]));
    const membres = organisations.filter((o) => o.groupe === groupe);
    const pas = 22;  // spirale de Vogel : même densité partout, rien ne se superpose
    const noeuds = membres.map(function (o, i) {
      const r = pas * Math.sqrt(i + 0.5), a = i * 2.399963;
      const n = Object.assign({}, o, { id: "o:" + o.id, organisation: o.id, groupeOuvert: groupe, size: 8,
        color: o.couleur, x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) });
      delete n.couleur;
      delete n.groupe;
      return n;
    });
    const resultat = [], vers = new Map();
    let k = 0;
    const total = (types) => Object.values(types).reduce((s, v) => s + v, 0);
    for (const [u, v, types, sens] of liens) {
      const gu = groupeDe.get(u), gv = groupeDe.get(v);
      if (gu === groupe && gv === groupe) {
        const e = { id: "ol:" + k++, from: "o:" + u, to: "o:" + v, types: Object.assign({}, types), partenariats: total(types) };
        const fleches = { 1: "to", "-1": "from", 2: "to, from" }[sens];
        if (fleches) e.arrows = fleches;
        resultat.push(e);
      } else if (gu === groupe || gv === groupe) {
        const dedans = gu === groupe ? u : v, autre = gu === groupe ? gv : gu;
        const cle = dedans + "\u0000" + autre;
        if (!vers.has(cle)) vers.set(cle, { id: "ol:" + k++, from: "o:" + dedans, to: autre, types: {}, partenariats: 0 });
        const e = vers.get(cle);
        for (const t of Object.keys(types)) e.types[t] = (e.types[t] || 0) + types[t];
        e.partenariats += total(types);
      }
    }
    return { noeuds: noeuds, liens: resultat.concat([...vers.values()]) };
  }

  return { secteurs, composition, ouvrir };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteAgregats;
