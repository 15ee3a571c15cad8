/* vue : l'état de la vue dans l'adresse (« #org=gesq&filtre=sud&zoom=1.2 »), fonctions pures.
   Lire ne fait confiance à rien : identifiants et valeurs inconnus sont ignorés par page.js,
   nombres bornés ; le texte ne va jamais dans le HTML (textContent, jamais innerHTML). */
var CarteVue = (function () {
  "use strict";

  const ZOOM_MIN = 0.02, ZOOM_MAX = 20;
  const VIDE = "~";  // la valeur « non précisé » dans l'adresse

  function nombre(texte, min, max) {
    if (!/^-?\d+(\.\d+)?$/.test(texte || "")) return null;
    const v = Number(texte);
    return Number.isFinite(v) && v >= min && v <= max ? v : null;
  }

  /** État lu dans le fragment d'adresse (avec ou sans « # ») : { org, filtres: [texte], zoom, x, y,
      langue, taille, presentation, lien, annee } (annee : « 2005 » ou « 2005-cumule », la frise). Un paramètre absent ou invalide est null (filtres : []). */
  function lire(fragment) {
    const p = new URLSearchParams(String(fragment || "").replace(/^#/, ""));
    const entier = (t) => { const v = nombre(t, -1e7, 1e7); return v === null ? null : Math.round(v); };
    return {
      org: p.get("org") || null,
      lien: p.has("lien") ? entier(p.get("lien")) : null,
      filtres: p.getAll("filtre").filter(Boolean),
      zoom: nombre(p.get("zoom"), ZOOM_MIN, ZOOM_MAX),
      x: nombre(p.get("x"), -1e7, 1e7),
      y: nombre(p.get("y"), -1e7, 1e7),
      langue: /^[a-z]{2}$/.test(p.get("langue") || "") ? p.get("langue") : null,
      taille: entier(p.get("taille")),
      presentation: p.get("presentation") === "1",
      annee: /^-?\d{1,4}(-(actif|cumule))?$/.test(p.get("annee") || "") ? p.get("annee") : null,
    };
  }

  /** Fragment d'adresse de l'état (les paramètres vides omis), avec « # ». */
  function ecrire(etat) {
    const p = new URLSearchParams();
    if (etat.org !== null && etat.org !== undefined) p.set("org", String(etat.org));
    if (etat.lien !== null && etat.lien !== undefined) p.set("lien", String(etat.lien));
    for (const f of etat.filtres || []) p.append("filtre", f);
    if (etat.zoom) p.set("zoom", String(Math.round(etat.zoom * 1000) / 1000));
    if (etat.x !== null && etat.x !== undefined) p.set("x", String(Math.round(etat.x)));
    if (etat.y !== null && etat.y !== undefined) p.set("y", String(Math.round(etat.y)));
    if (etat.langue) p.set("langue", etat.langue);
    if (etat.taille) p.set("taille", String(etat.taille));
    if (etat.presentation) p.set("presentation", "1");
    if (etat.annee) p.set("annee", String(etat.annee));
    const texte = p.toString();
    return texte ? "#" + texte : "";
  }

  /** Les filtres restreints, en texte « cle:v1,v2 » (valeurs cochées), pour l'adresse ; un filtre
      dont toutes les valeurs sont cochées n'y figure pas. ``filtres`` : ceux de la page. */
  function filtresEnTexte(actifs, filtres) {
    const textes = [];
    for (const f of filtres) {
      const coches = f.valeurs.map((v) => v.valeur).filter((v) => actifs[f.cle] && actifs[f.cle].has(v));
      if (coches.length < f.valeurs.length) textes.push(f.cle + ":" + coches.map((v) => (v === "" ? VIDE : encodeURIComponent(v))).join(","));
    }
    return textes;
  }

  /** Ce qu'un texte de filtre demande : { cle, valeurs } ; « cle:v1,v2 » (« ~ » : non précisé ;
      « cle: » : aucune valeur), ou une valeur seule
      (« sud ») cherchée dans tous les filtres, qui doit n'appartenir qu'à un seul. null si inconnu. */
  function resoudreFiltre(texte, filtres) {
    const i = texte.indexOf(":");
    if (i >= 0) {
      const cle = texte.slice(0, i);
      const f = filtres.find((g) => g.cle === cle);
      if (!f) return null;
      const permises = new Set(f.valeurs.map((v) => v.valeur));
      const valeurs = texte.slice(i + 1).split(",").filter((v) => v !== "")
        .map((v) => { if (v === VIDE) return ""; try { return decodeURIComponent(v); } catch (e) { return null; } })
        .filter((v) => v !== null && permises.has(v));
      return { cle: cle, valeurs: valeurs };
    }
    const trouves = filtres.filter((f) => f.valeurs.some((v) => v.valeur === texte));
    return trouves.length === 1 ? { cle: trouves[0].cle, valeurs: [texte] } : null;
  }

  /** Cadrage d'un contenu (boîte ``{x0, y0, x1, y1}`` du canevas, disques compris) dans la partie libre
      ``{gauche, haut, droite, bas}`` (pixels du conteneur ``largeur`` × ``hauteur``, hors barres d'outils et
      frise), à ``marge`` px du bord, sans dépasser ``zoomMax`` : ``{ echelle, x, y }``, où (x, y) est le point
      du canevas au centre du conteneur (``network.moveTo``). */
  function cadrage(boite, libre, largeur, hauteur, marge, zoomMax) {
    const l = Math.max(1, libre.droite - libre.gauche - 2 * marge), h = Math.max(1, libre.bas - libre.haut - 2 * marge);
    const bl = Math.max(1e-9, boite.x1 - boite.x0), bh = Math.max(1e-9, boite.y1 - boite.y0);
    const echelle = Math.max(ZOOM_MIN, Math.min(zoomMax, l / bl, h / bh));
    const cx = (boite.x0 + boite.x1) / 2, cy = (boite.y0 + boite.y1) / 2;
    const fx = (libre.gauche + libre.droite) / 2, fy = (libre.haut + libre.bas) / 2;
    return { echelle: echelle, x: cx - (fx - largeur / 2) / echelle, y: cy - (fy - hauteur / 2) / echelle };
  }

  return { ZOOM_MIN, ZOOM_MAX, lire, ecrire, filtresEnTexte, resoudreFiltre, cadrage };
})();
if (typeof module === "object" && module && module.exports) module.exports = CarteVue;
