/* couche : l'image des liens et des nœuds au repos, gardée d'un dessin à l'autre (cartes de beaucoup de liens).
   Un survol ou une sélection ne change que quelques nœuds : la page recopie l'image (un drawImage) puis ne
   dessine par-dessus que ceux-là, au lieu de redessiner des dizaines de milliers de liens et de nœuds.
   L'image est refaite quand la vue change (taille du canevas, échelle, translation : la transformation du
   contexte), quand son « état » change (liens sélectionnés…) ou quand la page l'invalide (données, filtres,
   frise, nœud déplacé). Sans document : le canevas hors écran vient de ``creerCanevas``. */
var CarteCouche = (function () {
  "use strict";

  /** La couche sert-elle à ce dessin ? Pas pendant un déplacement ou un zoom (la vue bouge à chaque image,
      les liens sont masqués), ni pour un dessin « caché » de vis-network (mesure des nœuds). */
  function utilisable(etat) {
    return Boolean(etat.active) && !etat.deplacement && !etat.zoom && !etat.cache;
  }

  /** Signature d'un dessin : dimensions du canevas, transformation du contexte (échelle, translation,
      densité de pixels) et état qui change l'image. */
  function signature(largeur, hauteur, m, etat) {
    return [largeur, hauteur, m.a, m.b, m.c, m.d, m.e, m.f, etat || ""].join("|");
  }

  /** Une couche. ``creerCanevas(largeur, hauteur)`` rend un canevas (getContext("2d"), width, height). */
  function creer(creerCanevas) {
    let image = null, signee = null, version = 0, versionImage = -1;
    const stats = { refaites: 0, recopiees: 0 };
    return {
      stats: stats,
      /** La prochaine image sera refaite (données, filtres, positions ont changé). */
      invalider: function () { version++; },
      /** Dessine la couche dans ``ctx`` (canevas ``largeur`` × ``hauteur`` en pixels de l'appareil) : refait
          l'image avec ``dessiner(contexteImage)``, sous la même transformation, si elle ne vaut plus ; puis la
          recopie telle quelle, pixel pour pixel. Rend vrai si l'image a été refaite. */
      dessiner: function (ctx, largeur, hauteur, etat, dessiner) {
        const m = ctx.getTransform();
        const s = signature(largeur, hauteur, m, etat);
        const refaire = image === null || s !== signee || version !== versionImage;
        if (refaire) {
          if (image === null || image.width !== largeur || image.height !== hauteur) image = creerCanevas(largeur, hauteur);
          const c = image.getContext("2d");
          c.setTransform(1, 0, 0, 1, 0, 0);
          c.clearRect(0, 0, largeur, hauteur);
          c.setTransform(m);
          dessiner(c);
          signee = s;
          versionImage = version;
          stats.refaites++;
        } else {
          stats.recopiees++;
        }
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(image, 0, 0);
        ctx.restore();
        return refaire;
      },
      /** Libère l'image (elle sera refaite au prochain dessin). */
      vider: function () { image = null; signee = null; },
    };
  }

  return { utilisable, signature, creer };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteCouche;
