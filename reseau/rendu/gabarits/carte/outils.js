/* outils : fonctions pures de la carte (texte, nombres, périodes, adresses, infobulles).
   Ne touche ni document, ni window, ni vis : testé par node --test (tests/js/). */
var CarteOutils = (function () {
  "use strict";

  /** Texte comparable pour la recherche : sans accents, en minuscules ; "" pour null/undefined. */
  function normaliser(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /** Remplit un modèle « {n} organisations » ; une clé absente reste telle quelle. */
  function remplir(modele, valeurs) {
    return modele.replace(/\{(\w+)\}/g, (m, k) => (k in valeurs ? String(valeurs[k]) : m));
  }

  /** Période d'un partenariat : « 2006–2009 », « 2006 », « …–2009 », ou le modèle « depuis {debut} ». */
  function periode(debut, fin, modeleDepuis) {
    if (debut == null && fin == null) return "";
    if (fin == null) return remplir(modeleDepuis, { debut: debut });
    if (debut === fin) return String(debut);
    return (debut == null ? "…" : debut) + "–" + fin;
  }

  /** Formateur de nombres de la page (au plus trois décimales). */
  function formateur(langue) {
    return new Intl.NumberFormat(langue, { maximumFractionDigits: 3 });
  }

  /** Valeur d'une mesure dans la fiche : oui/non, kilomètres arrondis, sinon le nombre formaté. */
  function valeurMesure(cle, v, textes, nombres) {
    if (typeof v === "boolean") return v ? textes.oui : textes.non;
    if (cle === "portee_km") return nombres.format(Math.round(v));
    return nombres.format(v);
  }

  /** Traductions tirées des données : vocabulaire (codes → libellés) et noms de pays. */
  function traducteurs(vocabulaire, pays, nonPrecise) {
    return {
      vocab: (v) => (v && vocabulaire[v]) || v || nonPrecise,
      nomPays: (code) => (code && pays[code]) || code || nonPrecise,
    };
  }

  /** Nom d'une organisation dans une liste : « SIGLE — Nom » si le sigle diffère du nom. */
  function nomAffiche(n) {
    return n.sigle && n.nom && n.sigle !== n.nom ? n.sigle + " — " + n.nom : n.nom || n.libelle;
  }

  /** Lieu « ville, région, pays », sans vides ni répétitions. */
  function lieu(n, nomPays) {
    return [n.ville, n.region, nomPays(n.pays)].filter((x, i, t) => x && t.indexOf(x) === i).join(", ");
  }

  /** Adresse web sûre pour un lien (http ou https seulement), normalisée ; null sinon. */
  function adresseWeb(url) {
    let u;
    try { u = new URL(url); } catch (e) { return null; }
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.href;
  }

  /** Une source est-elle écrite comme une adresse web ? */
  function estAdresse(s) {
    return /^https?:\/\//.test(s);
  }

  /** Infobulle en texte brut (vis-network l'affiche par innerText) : nom (sigle), puis échelle et pays
      ou, pour un groupe, son effectif. */
  function infobulle(n, x) {
    const nom = n.nom || n.libelle;
    const lignes = [n.sigle && n.sigle !== nom ? nom + " (" + n.sigle + ")" : nom];
    if (x.agregat && n.effectif !== undefined) lignes.push(pluriel(x.textes, "n_organisations", n.effectif, x.langue || "fr", x.nombres));
    else lignes.push([n.echelle ? x.vocab(n.echelle) : "", n.pays ? x.nomPays(n.pays) : ""].filter(Boolean).join(", "));
    return lignes.filter(Boolean).join("\n");
  }

  /** Couleurs d'un nœud pour vis-network, avec un bord sombre en surbrillance et au survol. */
  function couleurs(couleur, bordures) {
    const fond = typeof couleur === "string" ? couleur : couleur.background;
    const bord = typeof couleur === "string" ? bordures[couleur] : couleur.border;
    return { background: fond, border: bord, highlight: { background: fond, border: "#222222" },
      hover: { background: fond, border: "#222222" } };
  }

  /** Texte au pluriel juste : le modèle ``cle + "_un"`` (s'il existe) quand la règle de la langue
      dit « one » (« 1 partenariat »), sinon ``cle`` (« 3 partenariats ») ; ``nombres`` formate n. */
  function pluriel(textes, cle, n, langue, nombres) {
    const regle = new Intl.PluralRules(langue).select(n);
    const modele = (regle === "one" && textes[cle + "_un"]) || textes[cle];
    return remplir(modele, { n: nombres ? nombres.format(n) : n });
  }

  /** Voisinage de chaque nœud : id → [{ lien, autre, sens }], sens 1 de from vers to, -1 sinon. */
  function adjacence(noeuds, liens) {
    const a = new Map(noeuds.map((n) => [n.id, []]));
    for (const e of liens) {
      a.get(e.from).push({ lien: e, autre: e.to, sens: 1 });
      a.get(e.to).push({ lien: e, autre: e.from, sens: -1 });
    }
    return a;
  }

  return { pluriel, normaliser, remplir, periode, formateur, valeurMesure, traducteurs, nomAffiche, lieu,
    adresseWeb, estAdresse, infobulle, couleurs, adjacence };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteOutils;
