/* liens : infobulle et fiche d'un lien (les partenariats entre deux organisations), fonctions pures.
   La fiche est décrite comme dans fiche.js ({ b, t, c, e }, { organisation: id }, { lien, t }) ;
   page.js en fait des éléments, le texte toujours par textContent. */
var CarteLiens = (function (O) {
  "use strict";

  const MAX_INFOBULLE = 6;  // partenariats détaillés dans l'infobulle

  function el(b, t, c) { return { b: b, t: t, c: c, e: [] }; }

  const pluriel = O.pluriel;

  /** Nom d'une organisation dans un lien : son libellé complet (distinct), sinon l'abrégé. */
  function nom(n) { return n.complet || n.libelle; }

  /** Sens d'un partenariat en texte : « A → B », ou « réciproque » s'il n'est pas orienté. */
  function sens(e, d, x) {
    if (d[0] === 0) return x.textes.sans_sens;
    const a = x.parId.get(d[0] > 0 ? e.from : e.to), b = x.parId.get(d[0] > 0 ? e.to : e.from);
    return nom(a) + " → " + nom(b);
  }

  /** Infobulle du lien ``e`` en texte brut (vis-network l'affiche par innerText) : les deux
      organisations, le nombre de partenariats, puis un par ligne (type, sens, période). */
  function infobulle(e, x) {
    const a = x.parId.get(e.from), b = x.parId.get(e.to);
    const lignes = [nom(a) + " — " + nom(b), pluriel(x.textes, "n_partenariats", e.partenariats || 1, x.langue, x.nombres)];
    const details = e.details || [];
    if (details.length) {
      for (const d of details.slice(0, MAX_INFOBULLE)) {
        const morceaux = [x.vocab(d[1])];
        if (d[0] !== 0) morceaux.push(sens(e, d, x));
        const p = O.periode(d[2], d[3], x.textes.depuis);
        if (p) morceaux.push(p);
        lignes.push("• " + morceaux.join(" · "));
      }
      if (details.length > MAX_INFOBULLE) lignes.push(O.remplir(x.textes.et_autres, { n: details.length - MAX_INFOBULLE }));
    } else {
      for (const t of Object.keys(e.types)) lignes.push("• " + x.vocab(t) + " : " + x.nombres.format(e.types[t]));
    }
    return lignes.join("\n");
  }

  /** Contenu de la fiche du lien ``e`` : les deux organisations (boutons vers leur fiche), puis
      chaque partenariat : type, années, sens, description, source.
      ``x`` : { textes, nombres, vocab, parId, chaines, langue }. */
  function contenu(e, x) {
    const T = x.textes;
    const titre = el("h2", T.partenariats_entre);
    const deux = el("p", null, "organisations");
    deux.e.push({ organisation: e.from }, el("span", T.et, "et"), { organisation: e.to });
    const blocs = [titre, deux, el("p", pluriel(T, "n_partenariats", e.partenariats || 1, x.langue, x.nombres), "compte-lien")];
    if (e.poids !== undefined && e.details) {
      const dl = el("dl");
      dl.e.push(el("dt", T.poids), el("dd", x.nombres.format(e.poids)));
      blocs.push(dl);
    }
    if (!e.details) {  // vue agrégée : le compte par type
      const ul = el("ul");
      for (const t of Object.keys(e.types).sort((p, q) => e.types[q] - e.types[p])) {
        ul.e.push(el("li", x.vocab(t) + " : " + pluriel(T, "n_partenariats", e.types[t], x.langue, x.nombres)));
      }
      blocs.push(ul);
      return blocs;
    }
    for (const d of e.details) {
      blocs.push(el("h3", x.vocab(d[1])));
      const dd = el("dl");
      const ligne = (terme, valeur) => { if (valeur) dd.e.push(el("dt", terme), el("dd", valeur)); };
      ligne(T.annees, O.periode(d[2], d[3], T.depuis));
      ligne(T.sens, sens(e, d, x));
      ligne(T.description, d[4] !== null ? x.chaines[d[4]] : "");
      if (d[5] !== null) {
        const s = x.chaines[d[5]];
        const href = O.estAdresse(s) ? O.adresseWeb(s) : null;
        dd.e.push(el("dt", T.source_partenariat));
        const v = el("dd", href === null ? s : undefined, "source");
        if (href !== null) v.e.push({ lien: href, t: s });
        dd.e.push(v);
      }
      blocs.push(dd);
    }
    return blocs;
  }

  return { MAX_INFOBULLE, pluriel, sens, infobulle, contenu };
})(typeof CarteOutils !== "undefined" ? CarteOutils : require("./outils.js"));
if (typeof module === "object" && module && module.exports) module.exports = CarteLiens;
