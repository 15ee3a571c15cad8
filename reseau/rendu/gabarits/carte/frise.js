/* frise : le réseau année par année (fonctions pures).
   Règle des années, celle de « --annee » (reseau/entrees/graphe.py, actif()) : un partenariat est
   actif l'année A si son début est absent ou ≤ A et sa fin absente ou ≥ A ; sans début, il compte
   donc pour toutes les années jusqu'à sa fin. Mode « cumule » : tout partenariat commencé au plus
   tard l'année A (ou sans début), même fini. Chaque lien de la carte porte le détail de ses
   partenariats : details = [[sens, type, debut, fin, description, source], …]. */
var CarteFrise = (function () {
  "use strict";

  const MODES = ["actif", "cumule"];

  /** Les périodes [debut, fin] des partenariats d'un lien (null : année absente). */
  function periodes(lien) {
    return (lien.details || []).map((d) => [d[2] === undefined ? null : d[2], d[3] === undefined ? null : d[3]]);
  }

  /** Vrai si la période est active l'année donnée. */
  function actif(p, annee) {
    return (p[0] === null || p[0] <= annee) && (p[1] === null || annee <= p[1]);
  }

  /** Vrai si la période a commencé au plus tard l'année donnée (mode cumulé). */
  function existe(p, annee) {
    return p[0] === null || p[0] <= annee;
  }

  /** La plus ancienne et la plus récente des années des partenariats ; null s'il n'y en a aucune. */
  function bornes(liens) {
    let min = Infinity, max = -Infinity;
    for (const l of liens) {
      for (const p of periodes(l)) {
        for (const a of p) if (a !== null) { if (a < min) min = a; if (a > max) max = a; }
      }
    }
    return min === Infinity ? null : { min: min, max: max };
  }

  /** Les années des rencontres : début (à défaut fin) des partenariats de type « evenement », triées. */
  function rencontres(liens) {
    const annees = new Set();
    for (const l of liens) {
      for (const d of l.details || []) {
        const a = d[2] !== null && d[2] !== undefined ? d[2] : d[3];
        if (d[1] === "evenement" && a !== null && a !== undefined) annees.add(a);
      }
    }
    return [...annees].sort((a, b) => a - b);
  }

  /** Index compact des liens, calculé une fois : { id, from, to, debuts, fins } (tableaux plats). */
  function indexer(liens) {
    return liens.map((l) => {
      const ps = periodes(l);
      return { id: l.id, from: l.from, to: l.to, debuts: ps.map((p) => p[0]), fins: ps.map((p) => p[1]) };
    });
  }

  /** L'état de l'année : liens visibles (Set des id), organisations qui en ont (Set), nombre de partenariats. */
  function etat(index, annee, mode) {
    const cumule = mode === "cumule";
    const liens = new Set(), organisations = new Set();
    let partenariats = 0;
    for (const l of index) {
      let n = 0;
      for (let i = 0; i < l.debuts.length; i++) {
        const debut = l.debuts[i];
        if (debut !== null && debut > annee) continue;
        if (!cumule && l.fins[i] !== null && annee > l.fins[i]) continue;
        n++;
      }
      if (n) {
        liens.add(l.id);
        organisations.add(l.from);
        organisations.add(l.to);
        partenariats += n;
      }
    }
    return { annee: annee, mode: cumule ? "cumule" : "actif", liens: liens, organisations: organisations, partenariats: partenariats };
  }

  /** L'année suivante pour la lecture ; null après la dernière. */
  function suivante(annee, b) {
    return annee === null || annee < b.min ? b.min : annee >= b.max ? null : annee + 1;
  }

  /** L'année pour l'adresse de la vue : "" (toutes les années), "2003" ou "2003-cumule". */
  function etatAnnee(annee, mode) {
    if (annee === null || annee === undefined) return "";
    return String(annee) + (mode === "cumule" ? "-cumule" : "");
  }

  /** Relit etatAnnee() : { annee, mode }, l'année ramenée dans les bornes ; null si le texte ne dit rien de lisible. */
  function lireAnnee(texte, b) {
    const m = /^\s*(-?\d{1,4})(?:-(actif|cumule))?\s*$/.exec(String(texte || ""));
    if (!m || !b) return null;
    const annee = Math.min(b.max, Math.max(b.min, parseInt(m[1], 10)));
    return { annee: annee, mode: m[2] || "actif" };
  }

  return { MODES, periodes, actif, existe, bornes, rencontres, indexer, etat, suivante, etatAnnee, lireAnnee };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteFrise;
