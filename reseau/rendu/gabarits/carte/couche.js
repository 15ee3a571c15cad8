/* couche : l'image des liens et des nœuds au repos, gardée d'un dessin à l'autre (cartes de beaucoup de liens).
   Un survol ou une sélection ne change que quelques nœuds : la page recopie l'image (un drawImage) puis ne
   dessine par-dessus que ceux-là, au lieu de redessiner des dizaines de milliers de liens et de nœuds.
   L'image est refaite quand son « état » change (liens sélectionnés…), quand la page l'invalide (données,
   filtres, frise, nœud déplacé) ou quand la vue change (taille du canevas, échelle, translation : la
   transformation du contexte) ; dans ce dernier cas, si la page le permet, l'ancienne image est d'abord
   montrée déplacée et mise à l'échelle (un « aperçu », immédiat), et la page la fait refaire un instant
   après (fiche qui s'ouvre et rétrécit le canevas, animation du cadrage). Sans document : le canevas
   hors écran vient de ``creerCanevas``. */
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

  /** Inverse d'une transformation affine {a, b, c, d, e, f} (celle d'un contexte 2D). */
  function inverse(m) {
    const det = m.a * m.d - m.b * m.c;
    return { a: m.d / det, b: -m.b / det, c: -m.c / det, d: m.a / det,
      e: (m.c * m.f - m.d * m.e) / det, f: (m.b * m.e - m.a * m.f) / det };
  }

  /** Produit m × n : la transformation n, puis m. */
  function produit(m, n) {
    return { a: m.a * n.a + m.c * n.b, b: m.b * n.a + m.d * n.b, c: m.a * n.c + m.c * n.d, d: m.b * n.c + m.d * n.d,
      e: m.a * n.e + m.c * n.f + m.e, f: m.b * n.e + m.d * n.f + m.f };
  }

  /** Une couche. ``creerCanevas(largeur, hauteur)`` rend un canevas (getContext("2d"), width, height). */
  function creer(creerCanevas) {
    let image = null, signee = null, version = 0, versionImage = -1, etatImage = null, transformationImage = null;
    const stats = { refaites: 0, recopiees: 0, apercus: 0 };
    return {
      stats: stats,
      /** La prochaine image sera refaite (données, filtres, positions ont changé). */
      invalider: function () { version++; },
      /** Dessine la couche dans ``ctx`` (canevas ``largeur`` × ``hauteur`` en pixels de l'appareil) et rend
          ce qui a été fait : "recopiee" (l'image vaut encore : recopiée pixel pour pixel), "apercu" (seule la
          vue a changé et ``apercu`` le permet : l'ancienne image déplacée et mise à l'échelle ; à faire refaire
          par la page), ou "refaite" (par ``dessiner(contexteImage)``, sous la même transformation, puis recopiée). */
      dessiner: function (ctx, largeur, hauteur, etat, dessiner, apercu) {
        const m = ctx.getTransform();
        const s = signature(largeur, hauteur, m, etat);
        const memes = image !== null && version === versionImage && etat === etatImage;
        if (memes && s !== signee && apercu) {
          const t = produit(m, inverse(transformationImage));
          ctx.save();
          ctx.setTransform(t.a, t.b, t.c, t.d, t.e, t.f);
          ctx.drawImage(image, 0, 0);
          ctx.restore();
          stats.apercus++;
          return "apercu";
        }
        const refaire = !memes || s !== signee;
        if (refaire) {
          if (image === null || image.width !== largeur || image.height !== hauteur) image = creerCanevas(largeur, hauteur);
          const c = image.getContext("2d");
          c.setTransform(1, 0, 0, 1, 0, 0);
          c.clearRect(0, 0, largeur, hauteur);
          c.setTransform(m);
          dessiner(c);
          signee = s;
          versionImage = version;
          etatImage = etat;
          transformationImage = { a: m.a, b: m.b, c: m.c, d: m.d, e: m.e, f: m.f };
          stats.refaites++;
        } else {
          stats.recopiees++;
        }
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(image, 0, 0);
        ctx.restore();
        return refaire ? "refaite" : "recopiee";
      },
      /** Libère l'image (elle sera refaite au prochain dessin). */
      vider: function () { image = null; signee = null; },
    };
  }

  return { utilisable, signature, inverse, produit, creer };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteCouche;
