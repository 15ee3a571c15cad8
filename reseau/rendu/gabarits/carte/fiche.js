/* fiche : le contenu de la fiche d'une organisation ou d'un groupe, décrit sans le DOM (fonctions pures).
   Un élément est { b: balise, t: texte, c: classe, e: [enfants] } ; un enfant peut aussi être une
   chaîne (nœud texte), { organisation: id } (bouton vers sa fiche) ou { lien: adresse, t: texte } ;
   un bloc peut être { action: "ouvrir" | "refermer", t: texte, cible: groupe } (bouton de la vue agrégée).
   page.js en fait des éléments, le texte toujours par textContent. */
var CarteFiche = (function (O) {
  "use strict";

  const MAX_PARTENAIRES = 60;  // par type de partenariat
  const MAX_SOURCES = 40;

  function el(b, t, c) { return { b: b, t: t, c: c, e: [] }; }

  /** Ajoute « terme : valeur » à une liste de définitions, sauf valeur vide ; rend le dd. */
  function ligne(dl, terme, valeur, classe) {
    if (valeur === undefined || valeur === null || valeur === "") return undefined;
    dl.e.push(el("dt", terme));
    const dd = el("dd", valeur, classe);
    dl.e.push(dd);
    return dd;
  }

  /** Lien vers une adresse web sûre, sinon le texte brut. */
  function lienOuTexte(url) {
    const href = O.adresseWeb(url);
    return href === null ? url : { lien: href, t: url };
  }

  /** Texte d'un partenariat dans la liste : sens (« A → B ») et période, pour chaque détail du type t. */
  function precisions(n, v, t, x) {
    const morceaux = [];
    for (const d of v.lien.details || []) {
      if (d[1] !== t) continue;
      const parties = [];
      if (d[0] !== 0) {  // partenariat orienté : « de → vers »
        const sortant = d[0] * v.sens > 0;
        const a = x.parId.get(sortant ? n.id : v.autre), b = x.parId.get(sortant ? v.autre : n.id);
        parties.push(a.libelle + " → " + b.libelle);
      }
      if (d[2] != null || d[3] != null) parties.push(O.periode(d[2], d[3], x.textes.depuis));
      if (parties.length) morceaux.push(parties.join(" · "));
    }
    return morceaux.join(" ; ");
  }

  /** Contenu de la fiche du nœud ``n`` : liste d'éléments, dans l'ordre d'affichage.
      ``x`` : { agregat, textes, nombres, vocab, nomPays, parId, adjacence, chaines, mesures, disposition }. */
  function contenu(n, x) {
    const T = x.textes, f = x.nombres;
    const blocs = [el("h2", n.nom || n.libelle)];
    if (n.sigle && n.sigle !== n.nom) blocs.push(el("p", n.sigle, "sigle"));
    const dl = el("dl");
    if (x.agregat) {
      ligne(dl, T.effectif, f.format(n.effectif));
      ligne(dl, T.liens_internes, f.format(n.liens_internes));
      const rep = Object.keys(n.repartition).filter((e) => n.repartition[e] > 0)
        .sort((a, b) => n.repartition[b] - n.repartition[a] || a.localeCompare(b))
        .map((e) => x.vocab(e === "null" ? "" : e) + " " + n.repartition[e]).join(", ");
      ligne(dl, T.repartition, rep);
      blocs.push(dl);
    } else {
      ligne(dl, T.type, x.vocab(n.type));
      ligne(dl, T.echelle, x.vocab(n.echelle));
      ligne(dl, T.lieu, O.lieu(n, x.nomPays));
      if (n.precision || x.disposition === "geographique") {
        const approx = n.precision === "region" || n.precision === "pays";
        ligne(dl, T.position, T["precision_" + (n.precision || "inconnue")] || n.precision, approx ? "approximative" : "");
      }
      ligne(dl, T.nord_sud, n.nord_sud ? x.vocab(n.nord_sud) : "");
      if (n.site_web) {
        const dd = ligne(dl, T.site_web, " ");
        dd.t = undefined;
        dd.e.push(lienOuTexte(n.site_web));
      }
      blocs.push(dl);
      if (n.description) blocs.push(el("p", n.description));
      const m = n.mesures || {};
      const dlm = el("dl");
      for (const cle of x.mesures.filter((c, i, t) => t.indexOf(c) === i)) {
        if (!(cle in m)) continue;
        ligne(dlm, T["mesure_" + cle] || cle, O.valeurMesure(cle, m[cle], T, f));
        const aide = T["aide_mesure_" + cle];  // phrase d'aide au survol du terme (docs/mesures.md)
        if (aide) { dlm.e[dlm.e.length - 2].aide = aide; dlm.e[dlm.e.length - 1].aide = aide; }
      }
      if (dlm.e.length) { blocs.push(el("h3", T.mesures)); blocs.push(dlm); }
    }
    if (x.agregat && x.ouvrable) blocs.push({ action: "ouvrir", t: T.ouvrir_groupe, cible: n.id });
    if (n.groupeOuvert !== undefined) blocs.push({ action: "refermer", t: T.refermer_groupe, cible: n.groupeOuvert });
    if (x.agregat && n.membres && n.membres.length) {
      blocs.push(el("h3", T.membres));
      const ul = el("ul");
      for (const nom of n.membres) ul.e.push(el("li", nom));
      if (n.effectif > n.membres.length) ul.e.push(el("li", O.remplir(T.et_autres, { n: n.effectif - n.membres.length })));
      blocs.push(ul);
    }
    // Partenaires, groupés par type de partenariat ; sources de la fiche et de ses partenariats.
    const voisins = x.adjacence.get(n.id);
    const parType = new Map();
    const sources = new Set(n.reference !== undefined ? [x.chaines[n.reference]] : []);
    for (const v of voisins) {
      for (const t of Object.keys(v.lien.types)) {
        if (!parType.has(t)) parType.set(t, []);
        parType.get(t).push(v);
      }
      for (const d of v.lien.details || []) if (d[5] !== null) sources.add(x.chaines[d[5]]);
    }
    const distincts = new Set(voisins.map((v) => v.autre)).size;
    blocs.push(el("h3", O.remplir(T.partenaires, { n: f.format(distincts) })));
    if (!voisins.length) blocs.push(el("p", T.aucun_partenaire, "note"));
    const types = [...parType.keys()]
      .sort((a, b) => parType.get(b).length - parType.get(a).length || x.vocab(a).localeCompare(x.vocab(b)));
    for (const t of types) {
      const liste = parType.get(t);
      blocs.push(el("h4", x.vocab(t) + " (" + liste.length + ")"));
      const ul = el("ul");
      for (const v of liste.slice(0, MAX_PARTENAIRES)) {
        const li = el("li");
        li.e.push({ organisation: v.autre });
        if (x.agregat) {
          li.e.push(el("span", O.pluriel(T, "n_partenariats", v.lien.types[t], x.langue || "fr", f), "periode"));
        } else {
          const texte = precisions(n, v, t, x);
          if (texte) li.e.push(el("span", texte, "periode"));
        }
        ul.e.push(li);
      }
      if (liste.length > MAX_PARTENAIRES) ul.e.push(el("li", O.remplir(T.et_autres, { n: liste.length - MAX_PARTENAIRES }), "note"));
      blocs.push(ul);
    }
    if (sources.size) {
      blocs.push(el("h3", T.sources));
      const ul = el("ul", null, "sources");
      for (const s of [...sources].slice(0, MAX_SOURCES)) {
        const li = el("li");
        li.e.push(O.estAdresse(s) ? lienOuTexte(s) : s);
        ul.e.push(li);
      }
      if (sources.size > MAX_SOURCES) ul.e.push(el("li", O.remplir(T.et_autres, { n: sources.size - MAX_SOURCES })));
      blocs.push(ul);
    }
    return blocs;
  }

  return { MAX_PARTENAIRES, MAX_SOURCES, ligne, precisions, contenu };
})(typeof CarteOutils !== "undefined" ? CarteOutils : require("./outils.js"));
if (typeof module === "object" && module && module.exports) module.exports = CarteFiche;
