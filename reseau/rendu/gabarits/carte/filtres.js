/* filtres : quelles organisations et quels partenariats sont visibles (fonctions pures).
   « actifs » : clé de filtre → Set des valeurs cochées. */
var CarteFiltres = (function () {
  "use strict";

  /** Valeur d'un nœud pour chaque filtre portant sur les organisations ("" si absente). */
  const VALEURS = {
    echelle: (n) => n.echelle || "", nord_sud: (n) => n.nord_sud || "", type: (n) => n.type || "", pays: (n) => n.pays || "",
  };

  /** Au départ, toutes les valeurs de chaque filtre sont cochées. */
  function actifsInitiaux(filtres) {
    const actifs = {};
    for (const f of filtres) actifs[f.cle] = new Set(f.valeurs.map((v) => v.valeur));
    return actifs;
  }

  /** Un nœud est visible si chacun des filtres présents coche sa valeur. */
  function noeudVisible(n, actifs) {
    for (const cle in VALEURS) if (actifs[cle] && !actifs[cle].has(VALEURS[cle](n))) return false;
    return true;
  }

  /** Un lien est visible si ses deux bouts le sont et qu'au moins un de ses types est coché. */
  function lienVisible(e, visibles, actifs) {
    if (!visibles.has(e.from) || !visibles.has(e.to)) return false;
    for (const t in e.types) if (actifs.type_lien.has(t)) return true;
    return false;
  }

  /** Ensemble des identifiants des nœuds visibles. */
  function visibles(noeuds, actifs) {
    return new Set(noeuds.filter((n) => noeudVisible(n, actifs)).map((n) => n.id));
  }

  /** Valeurs d'un filtre triées par leur libellé selon la langue (``comparer`` : Intl.Collator.compare),
      « non précisé » (valeur "") en dernier ; l'échelle garde son ordre naturel (de l'international au local). */
  function trier(f, comparer) {
    if (f.cle === "echelle") return f.valeurs.slice();
    return f.valeurs.slice().sort((a, b) => (a.valeur === "") - (b.valeur === "") || comparer(a.libelle, b.libelle));
  }

  /** Coche (etat vrai) ou décoche une valeur d'un filtre. */
  function cocher(actifs, cle, valeur, etat) {
    if (etat) actifs[cle].add(valeur); else actifs[cle].delete(valeur);
  }

  return { VALEURS, actifsInitiaux, noeudVisible, lienVisible, visibles, trier, cocher };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteFiltres;
