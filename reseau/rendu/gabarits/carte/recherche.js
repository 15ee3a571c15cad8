/* recherche : index des noms et sigles, et classement des résultats (fonctions pures). */
var CarteRecherche = (function (O) {
  "use strict";

  /** Index de recherche : nom (ou libellé) et sigle normalisés, sans accents ni casse. */
  function indexer(noeuds) {
    return noeuds.map((n) => ({ id: n.id, nom: O.normaliser(n.nom || n.libelle), sigle: O.normaliser(n.sigle) }));
  }

  /** Identifiants trouvés pour ``texte``, les meilleurs d'abord : sigle exact, nom exact, début de
      sigle, début de nom, puis contenu ailleurs ; à rang égal, par nom. Texte vide : aucun. */
  function chercher(index, texte) {
    const q = O.normaliser(texte).trim();
    if (!q) return [];
    const resultats = [];
    for (const e of index) {
      let rang = -1;
      if (e.sigle === q) rang = 0;
      else if (e.nom === q) rang = 1;
      else if (e.sigle.startsWith(q)) rang = 2;
      else if (e.nom.startsWith(q)) rang = 3;
      else if (e.nom.includes(q) || e.sigle.includes(q)) rang = 4;
      if (rang >= 0) resultats.push([rang, e.nom, e.id]);
    }
    resultats.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    return resultats.map((r) => r[2]);
  }

  return { indexer, chercher };
})(typeof CarteOutils !== "undefined" ? CarteOutils : require("./outils.js"));
if (typeof module === "object" && module && module.exports) module.exports = CarteRecherche;
