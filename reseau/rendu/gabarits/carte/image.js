/* image : l'image PNG de la vue, avec titre, sous-titre et légende. Dessine dans le contexte 2D
   qu'on lui passe ; ne crée ni ne cherche rien dans la page (page.js fournit canevas et textes). */
var CarteImage = (function () {
  "use strict";

  const MAX_LEGENDE = 14;  // entrées de légende reprises dans l'image
  const LARGEUR_MAX = 4000;  // px : au-delà, l'image serait trop lourde pour le navigateur
  const CHOIX = ["1", "2", "3", "l2400", "l4000"];  // résolutions proposées : facteurs, ou largeur en px

  /** Facteur d'agrandissement de la vue pour le choix ``choix`` (« 2 » : 2× l'écran ; « l2400 » :
      2 400 px de large), l'image ne dépassant jamais LARGEUR_MAX px de large. ``largeurCss`` : la vue
      en pixels CSS ; ``ratio`` : pixels de l'appareil par pixel CSS. */
  function facteur(choix, largeurCss, ratio) {
    const l = Math.max(1, largeurCss), r = ratio || 1;
    let f = /^l\d+$/.test(choix) ? Number(choix.slice(1)) / l : Number(choix) * r;
    if (!Number.isFinite(f) || f <= 0) f = r;
    return Math.min(f, LARGEUR_MAX / l);
  }

  /** Taille de l'image : la vue (largeur × hauteur du canevas source, en pixels de l'appareil) plus
      un en-tête de 56 px CSS ; ratio = pixels de l'appareil par pixel CSS. */
  function dimensions(largeurSource, hauteurSource, largeurCss) {
    const ratio = largeurSource / Math.max(1, largeurCss);
    const entete = Math.round(56 * ratio);
    return { ratio: ratio, entete: entete, largeur: largeurSource, hauteur: hauteurSource + entete };
  }

  /** Lignes de la légende : [couleur, texte], la première (sans couleur) pour son titre. */
  function lignesLegende(legende) {
    return [[null, legende.titre]].concat(legende.entrees.slice(0, MAX_LEGENDE).map((e) => [e.couleur, e.libelle]));
  }

  /** Dessine l'image dans ``ctx`` (canevas aux ``dimensions``) : fond blanc, vue ``source`` sous
      l'en-tête, titre et sous-titre en haut, légende en bas à gauche.
      ``t`` : { titre, sousTitre, legende, police }. */
  function composer(ctx, source, dim, t) {
    const ratio = dim.ratio;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, dim.largeur, dim.hauteur);
    ctx.drawImage(source, 0, dim.entete);
    ctx.fillStyle = "#1f2328";
    ctx.textBaseline = "top";
    ctx.font = "600 " + Math.round(19 * ratio) + "px " + t.police;
    ctx.fillText(t.titre, 14 * ratio, 8 * ratio);
    ctx.fillStyle = "#57606a";
    ctx.font = Math.round(12 * ratio) + "px " + t.police;
    ctx.fillText(t.sousTitre, 14 * ratio, 34 * ratio);
    const lignes = lignesLegende(t.legende);
    const h = 17 * ratio;
    ctx.font = Math.round(12 * ratio) + "px " + t.police;
    const largeur = Math.max(...lignes.map((l) => ctx.measureText(l[1]).width)) + 34 * ratio;
    const y0 = dim.hauteur - lignes.length * h - 14 * ratio;
    ctx.fillStyle = "rgba(255,255,255,0.9)";
    ctx.fillRect(8 * ratio, y0 - 6 * ratio, largeur, lignes.length * h + 10 * ratio);
    lignes.forEach(function (l, i) {
      const y = y0 + i * h;
      if (l[0]) {
        ctx.beginPath();
        ctx.arc(20 * ratio, y + 7 * ratio, 5.5 * ratio, 0, 2 * Math.PI);
        ctx.fillStyle = l[0];
        ctx.fill();
      }
      ctx.fillStyle = l[0] ? "#1f2328" : "#57606a";
      ctx.font = (l[0] ? "" : "600 ") + Math.round(12 * ratio) + "px " + t.police;
      ctx.fillText(l[1], (l[0] ? 32 : 14) * ratio, y);
    });
  }

  return { MAX_LEGENDE, LARGEUR_MAX, CHOIX, facteur, dimensions, lignesLegende, composer };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteImage;
