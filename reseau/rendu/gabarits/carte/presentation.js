/* presentation : mode présentation (projecteur) et réglage des libellés, fonctions pures. */
var CartePresentation = (function () {
  "use strict";

  const MIN = 8, MAX = 40, PAS = 2;
  const AGRANDISSEMENT = 1.5;  // libellés en mode présentation

  /** Taille des libellés bornée à [MIN, MAX] après un pas ``delta`` (±1). */
  function regler(taille, delta) {
    return Math.min(MAX, Math.max(MIN, Math.round(taille + delta * PAS)));
  }

  /** Taille affichée : agrandie en mode présentation. */
  function tailleAffichee(taille, presentation) {
    return presentation ? Math.round(taille * AGRANDISSEMENT) : taille;
  }

  /** Action d'une touche du clavier : "presentation" (P), "plus" (+), "moins" (−), "quitter"
      (Échap), "ajuster" (0), ou null ; rien quand on écrit dans un champ ou avec Ctrl/Alt/Méta. */
  function action(ev) {
    if (ev.ctrlKey || ev.altKey || ev.metaKey) return null;
    if (ev.champ) return null;
    switch (ev.key) {
      case "p": case "P": return "presentation";
      case "+": case "=": return "plus";
      case "-": case "_": return "moins";
      case "0": return "ajuster";
      case "Escape": return "quitter";
      default: return null;
    }
  }

  return { MIN, MAX, PAS, AGRANDISSEMENT, regler, tailleAffichee, action };
})();
if (typeof module === "object" && module && module.exports) module.exports = CartePresentation;
