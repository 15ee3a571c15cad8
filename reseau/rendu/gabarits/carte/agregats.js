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

  return { secteurs, composition };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteAgregats;
