/* page : câble la carte (vis-network, DOM, événements) sur les modules purs, chargés avant elle :
   CarteOutils, CarteRecherche, CarteFiltres, CarteLibelles, CarteFiche, CarteImage, CarteFrise, CarteLiens, CarteVue,
   CarteAgregats, CartePresentation, CarteCouche.
   Tout texte venu des données passe par textContent, jamais par innerHTML.
   Globales, comme pyvis : network, nodes, edges (vis.DataSet) ; projeter(lon, lat) → {x, y} (repère de
   vis-network, géographie de geo.js) ; et carte (état, outils). */
var nodes, edges, network;
var projeter;  // projeter(lon, lat) → {x, y}, voir geo.js
var carte = { pret: false };

(function () {
  "use strict";
  const O = CarteOutils, R = CarteRecherche, F = CarteFiltres, L = CarteLibelles, FI = CarteFiche, I = CarteImage;
  const FR = CarteFrise;
  const LI = CarteLiens, V = CarteVue, AG = CarteAgregats, P = CartePresentation;
  const D = JSON.parse(document.getElementById("donnees").textContent);
  let langue = D.langue;
  let T = D.textes;
  const POLICE = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  const LONGUEUR_LIBELLE = 28;  // caractères du libellé abrégé (le complet s'il tient)
  const LONGUEUR_COMPLET = 44;  // au-delà, le libellé complet ne « tient » jamais : l'abrégé d'emblée
  let tailleBase = D.taille_libelles || 13;  // px à l'écran, quel que soit le zoom (A− A+)
  carte.presentation = false;
  carte.groupeOuvert = null;  // vue agrégée : le groupe ouvert
  let vueRestauree = false;  // l'adresse n'est écrite qu'une fois la vue de l'adresse restaurée
  let minuterie = null;
  const attentes = [];  // fonctions à lancer quand la carte est prête
  function taillePx() { return P.tailleAffichee(tailleBase, carte.presentation); }
  const conteneur = document.getElementById("reseau");
  let nombreFormat = O.formateur(langue);
  let { vocab, nomPays } = O.traducteurs(D.vocabulaire, D.pays, T.non_precise);

  // --- Outils DOM (texte seulement) ---------------------------------------------------
  function el(balise, texte, classe) {
    const e = document.createElement(balise);
    if (texte !== undefined && texte !== null) e.textContent = String(texte);
    if (classe) e.className = classe;
    return e;
  }
  function lienWeb(href, texte) {
    const a = el("a", texte);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  /** Élément du DOM décrit par la fiche (voir fiche.js). */
  function construire(x) {
    if (x === null || typeof x !== "object") return document.createTextNode(x);
    if (x.organisation !== undefined) return boutonOrganisation(x.organisation);
    if (x.lien !== undefined) return lienWeb(x.lien, x.t);
    if (x.action !== undefined) {  // ouvrir ou refermer un groupe de la vue agrégée
      const b = el("button", x.t, "action-groupe");
      b.type = "button";
      b.addEventListener("click", () => (x.action === "ouvrir" ? ouvrirGroupe(x.cible) : refermerGroupe()));
      return b;
    }
    const e = el(x.b, x.t, x.c);
    if (x.aide) e.title = x.aide;  // propriété DOM : du texte, jamais du HTML
    for (const enfant of x.e) e.appendChild(construire(enfant));
    return e;
  }

  // --- Données ------------------------------------------------------------------------
  // Libellés distincts : le complet s'il tient, sinon l'abrégé ; jamais deux identiques (libelles.js).
  let etiquettes = new Map();
  function calculerEtiquettes() {
    etiquettes = L.distinguer(D.noeuds, (n) => (n.pays ? nomPays(n.pays) : n.ville || n.region || ""), LONGUEUR_LIBELLE);
    for (const n of D.noeuds) { n.libelle = etiquettes.get(n.id).court; n.complet = etiquettes.get(n.id).complet; }
  }
  calculerEtiquettes();
  const textesInfobulle = { agregat: D.agregat, textes: T, nombres: nombreFormat, vocab: vocab, nomPays: nomPays, langue: langue };
  for (const n of D.noeuds) {
    n.title = O.infobulle(n, textesInfobulle);
    n.color = O.couleurs(n.color, D.bordures);
  }
  const parId = new Map(D.noeuds.map((n) => [n.id, n]));
  const contexteLiens = { textes: T, nombres: nombreFormat, vocab: vocab, parId: parId, chaines: D.chaines, langue: langue };
  for (const e of D.liens) e.title = LI.infobulle(e, contexteLiens);
  const lienParId = new Map(D.liens.map((e) => [e.id, e]));
  const adjacence = O.adjacence(D.noeuds, D.liens);
  const LIBELLES_PRINCIPAUX = L.nombrePrincipaux(D.noeuds.length);
  const priorite = L.priorite(D.noeuds, adjacence);

  // --- Filtres : état -----------------------------------------------------------------
  const actifs = F.actifsInitiaux(D.filtres);
  let visibles = new Set();
  function calculerVisibles() { visibles = F.visibles(D.noeuds, actifs); }
  calculerVisibles();

  // --- Frise : état (etat null : toutes les années) ; voir frise.js -------------------------
  // Les filtres passent par les vues (DataView) ; la frise, elle, ne fait que masquer des nœuds et
  // des liens déjà dessinés (options.hidden de vis-network) : rien n'est recréé, d'où sa vitesse.
  const frise = { annee: null, mode: "actif", gris: false, etat: null };
  function organisationDeLAnnee(id) { return frise.etat === null || frise.etat.organisations.has(id); }
  function lienDeLAnnee(id) { return frise.etat === null || frise.etat.liens.has(id); }

  nodes = new vis.DataSet(D.noeuds);
  edges = new vis.DataSet(D.liens);
  const vueNoeuds = new vis.DataView(nodes, { filter: (n) => visibles.has(n.id) });
  let montrerSuggestions = false;  // liens à créer, en pointillé (case « liens-suggeres »)
  let montrerFaibles = false;  // vue agrégée dense : les liens hors des liens forts (case de la légende)
  const vueLiens = new vis.DataView(edges, {
    filter: (e) => (e.suggestion ? montrerSuggestions && visibles.has(e.from) && visibles.has(e.to)
      : (!e.faible || montrerFaibles) && F.lienVisible(e, visibles, actifs)),
  });
  /** Le nœud est-il à l'écran (filtres et frise) ? Le lien ? */
  function noeudAffiche(id) { return visibles.has(id) && (frise.gris || organisationDeLAnnee(id)); }
  function lienAffiche(id) { return vueLiens.get(id) !== null && lienDeLAnnee(id); }
  carte.vueNoeuds = vueNoeuds;
  carte.vueLiens = vueLiens;

  // Pas de physique : les positions calculées en Python sont définitives, le premier dessin est le bon.
  network = new vis.Network(conteneur, { nodes: vueNoeuds, edges: vueLiens }, D.options);

  // --- Couche (couche.js) : beaucoup de liens ; liens, nœuds au repos et flèches gardés en une image ---
  // vis-network redessine tout à chaque survol ; ici, tant que la vue et les données ne changent pas, un
  // dessin recopie l'image puis ne trace que les nœuds survolés ou sélectionnés (comme vis-network, par-dessus).
  const couche = D.couche ? CarteCouche.creer(function (largeur, hauteur) {
    const c = document.createElement("canvas");
    c.width = largeur;
    c.height = hauteur;
    return c;
  }) : null;
  function invaliderCouche() { if (couche) couche.invalider(); }
  let coucheExacte = false;  // le prochain dessin refait l'image au lieu d'un aperçu (image PNG, fin d'un changement de vue)
  let minuterieCouche = null;
  carte.couche = couche;
  if (couche) {
    const rendu = network.renderer, choix = network.selectionHandler, corps = network.body;
    const liensVis = rendu._drawEdges, noeudsVis = rendu._drawNodes, flechesVis = rendu._drawArrows;
    let recopiee = false;  // ce dessin a recopié l'image : nœuds au repos et flèches y sont déjà
    const etatLiens = () => network.getSelectedEdges().join(",") + "/" + Object.keys(choix.hoverObj.edges).join(",");
    function auRepos(ctx) {  // tous les nœuds comme s'ils n'étaient ni survolés ni sélectionnés
      const marques = [];
      for (const id of corps.nodeIndices) {
        const n = corps.nodes[id];
        if (n.hover || n.selected) { marques.push([n, n.hover, n.selected]); n.hover = false; n.selected = false; }
      }
      try {
        const suite = noeudsVis.call(rendu, ctx, false);
        if (suite && suite.drawExternalLabels) suite.drawExternalLabels();
      } finally {
        for (const [n, h, s] of marques) { n.hover = h; n.selected = s; }
      }
    }
    rendu._drawEdges = function (ctx) {
      recopiee = false;
      if (!CarteCouche.utilisable({ active: true, deplacement: rendu.dragging, zoom: rendu.zooming })) return liensVis.call(rendu, ctx);
      const toile = network.canvas.frame.canvas;
      const fait = couche.dessiner(ctx, toile.width, toile.height, etatLiens(), function (c) {
        liensVis.call(rendu, c);
        auRepos(c);
        flechesVis.call(rendu, c);
      }, !coucheExacte);
      coucheExacte = false;
      if (fait === "apercu") {  // la vue a changé : image juste un instant après le dernier changement
        clearTimeout(minuterieCouche);
        minuterieCouche = setTimeout(function () { coucheExacte = true; network.redraw(); }, 150);
      }
      recopiee = true;
    };
    rendu._drawNodes = function (ctx, toujours) {
      if (!recopiee || toujours) return noeudsVis.call(rendu, ctx, toujours);
      const selectionnes = [], survoles = [];  // même ordre que vis-network : sélectionnés, puis survolés
      for (const id of corps.nodeIndices) {
        const n = corps.nodes[id];
        if (n.hover) survoles.push(n); else if (n.selected) selectionnes.push(n);
      }
      for (const n of selectionnes) n.draw(ctx);
      for (const n of survoles) n.draw(ctx);
      return { drawExternalLabels: function () {} };
    };
    rendu._drawArrows = function (ctx) {
      if (recopiee) { recopiee = false; return; }
      flechesVis.call(rendu, ctx);
    };
    // Pas de survol des liens (ni parcours des dizaines de milliers de liens à chaque mouvement de la souris,
    // ni image à refaire) ; leur infobulle reste (vis-network la cherche après un arrêt de la souris).
    const survolVis = choix.hoverObject, lienSous = choix.getEdgeAt;
    let enSurvol = false;
    choix.hoverObject = function () {
      enSurvol = true;
      try { return survolVis.apply(choix, arguments); } finally { enSurvol = false; }
    };
    choix.getEdgeAt = function () { return enSurvol ? undefined : lienSous.apply(choix, arguments); };
    network.on("_dataChanged", invaliderCouche);
    network.on("_dataUpdated", invaliderCouche);
  }
  projeter = (lon, lat) => CarteGeo.projeter(lon, lat, D.unites_par_degre);
  // Géographie : disques de taille constante à l'écran, lieux en éventail à l'écran ou repliés en marqueur.
  const geo = D.disposition === "geographique" ? CarteGeo.preparer(D.noeuds, nomPays, T.lieu_inconnu) : null;
  let geoPlaces = { places: [], replies: new Set(), marqueurs: [] };
  if (geo) {
    network.on("beforeDrawing", function (ctx) {
      const corps = network.body.nodes;
      geoPlaces = CarteGeo.placer(geo, network.getScale(), (id) => corps[id] !== undefined && visibles.has(id), carte.selection);
      for (const p of geoPlaces.places) {
        const c = corps[p.id];
        if (c.x === p.x && c.y === p.y && c.options.size === p.size) continue;
        invaliderCouche();  // un nœud bouge : l'image gardée ne vaut plus
        c.x = p.x;
        c.y = p.y;
        c.options.size = p.size;
        c.shape.refreshNeeded = true;  // zone cliquable à la nouvelle taille
        c.updateBoundingBox(ctx, c.isSelected(), c.hover);  // sinon vis-network le croit encore hors de la vue
      }
    });
    network.on("afterDrawing", function (ctx) {  // avant les libellés, qui évitent les étiquettes des marqueurs
      geoPlaces.etiquettes = CarteGeo.dessinerMarqueurs(ctx, geoPlaces.marqueurs, network.getScale(), POLICE, nombreFormat);
    });
    carte.geo = {
      lieux: geo.lieux,
      replie: (id) => geoPlaces.replies.has(id),
      marqueurs: () => geoPlaces.marqueurs.map((m) => ({ nom: m.lieu.nom, n: m.n, x: m.lieu.x, y: m.lieu.y })),
    };
  }
  function clicGeo(p) {  // un clic sur un marqueur ouvre son lieu ; un clic dans le vide les referme
    const m = CarteGeo.marqueurSous(geoPlaces.marqueurs, p.pointer.canvas, network.getScale());
    if (m) { geo.ouverts.add(m.lieu.cle); network.redraw(); return true; }
    if (!p.nodes.length && !p.edges.length) geo.ouverts.clear();
    return false;
  }

  if (D.suggestions && D.suggestions.length) {
    edges.add(D.suggestions.map((s, i) => {
      const bulle = document.createElement("div");
      bulle.textContent = s.raison;
      return { id: "suggestion-" + i, from: s.source, to: s.cible, title: bulle, suggestion: true, dashes: true,
               color: { color: "#D55E00" }, width: 2 };
    }));
    const caseSuggestions = document.getElementById("liens-suggeres");
    caseSuggestions.addEventListener("change", () => { montrerSuggestions = caseSuggestions.checked; vueLiens.refresh(); });
  }

  function marquerPret() {
    carte.pret = true;
    for (const f of attentes.splice(0)) f();
    document.documentElement.dataset.pret = "oui";
  }
  network.once("afterDrawing", marquerPret);
  network.on("dragEnd", function (p) {  // garder la place d'un nœud déplacé (filtres)
    if (!p.nodes.length) return;
    invaliderCouche();
    const pos = network.getPositions(p.nodes);
    nodes.update(p.nodes.map((id) => ({ id: id, x: pos[id].x, y: pos[id].y })));
  });

  // --- Dessin : fond, libellés, mise en évidence ---------------------------------------
  function rectangleVisible() {
    const a = network.DOMtoCanvas({ x: 0, y: 0 });
    const b = network.DOMtoCanvas({ x: conteneur.clientWidth, y: conteneur.clientHeight });
    return { x0: a.x, y0: a.y, x1: b.x, y1: b.y };
  }
  function chemin(lignes, fermer) {  // [[lon, lat, lon, lat, …], …] → Path2D dans le repère du canevas
    const u = D.unites_par_degre;
    const p = new Path2D();
    for (const l of lignes) {
      p.moveTo(l[0] * u, -l[1] * u);
      for (let i = 2; i < l.length; i += 2) p.lineTo(l[i] * u, -l[i + 1] * u);
      if (fermer) p.closePath();
    }
    return p;
  }
  const monde = D.monde ? chemin(D.monde, true) : null;
  const provinces = D.provinces ? chemin(D.provinces, false) : null;
  network.on("beforeDrawing", function (ctx) {
    const r = rectangleVisible();
    const s = network.getScale();
    ctx.save();
    ctx.fillStyle = monde ? "#b8d4e8" : "#ffffff";  // la mer (bleue, nette au projecteur), ou un fond blanc
    ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    if (monde) {  // les terres claires, frontières grises, provinces et États en tireté fin
      ctx.fillStyle = "#f6f3ec";
      ctx.strokeStyle = "#8d99a3";
      ctx.lineWidth = 1 / s;
      ctx.fill(monde);
      ctx.stroke(monde);
      if (provinces) {
        ctx.strokeStyle = "#a9b2b9";
        ctx.lineWidth = 0.8 / s;
        ctx.setLineDash([4 / s, 3 / s]);
        ctx.stroke(provinces);
        ctx.setLineDash([]);
      }
    }
    if (D.bandes) {
      for (const b of D.bandes) {
        ctx.fillStyle = b.couleur + "16";
        ctx.fillRect(b.gauche, b.haut, b.droite - b.gauche, b.bas - b.haut);
        ctx.fillStyle = b.couleur;
        ctx.font = "600 " + (14 / s) + "px " + POLICE;
        ctx.textAlign = "left";
        ctx.textBaseline = "top";
        ctx.fillText(b.libelle, Math.max(b.gauche, r.x0) + 6 / s, Math.min(Math.max(b.haut, r.y0), b.bas - 20 / s) + 4 / s);
      }
    }
    ctx.restore();
  });

  const largeurs = new Map();  // largeur de chaque texte à 100 px (normal ou gras), mesurée une fois
  const mesureur = document.createElement("canvas").getContext("2d");
  function largeur100(texte) {
    const gras = carte.presentation ? "600 " : "";
    let w = largeurs.get(gras + texte);
    if (w === undefined) {
      mesureur.font = gras + "100px " + POLICE;
      w = mesureur.measureText(texte).width;
      largeurs.set(gras + texte, w);
    }
    return w;
  }
  /** Le libellé complet d'abord, l'abrégé s'il ne tient pas. */
  function variantes(id) {
    const e = etiquettes.get(id), px = taillePx() / 100;
    const marge = taillePx() * 0.3;  // un blanc entre deux libellés voisins
    const v = [{ texte: e.court, largeur: largeur100(e.court) * px + marge }];
    if (e.complet !== e.court && e.complet.length <= LONGUEUR_COMPLET) v.unshift({ texte: e.complet, largeur: largeur100(e.complet) * px + marge });
    return v;
  }
  function positionVisible(id) {
    const corps = network.body.nodes[id];
    if (geoPlaces.replies.has(id)) return null;  // dans le marqueur de son lieu
    const anneau = D.anneaux ? 1.45 : 1;  // le libellé sous l'anneau de composition
    return corps && visibles.has(id) && !corps.options.hidden && !corps.couleurFrise
      ? { x: corps.x, y: corps.y, taille: corps.options.size * anneau } : null;
  }

  // Libellés de taille constante à l'écran, placés par libelles.js.
  function dessinerLibelles(ctx, ordre) {
    const s = network.getScale();
    const places = L.placer(ordre, positionVisible, {
      echelle: s, rect: rectangleVisible(), taillePx: taillePx(), principaux: LIBELLES_PRINCIPAUX,
      max: D.max_libelles, seuilPx: D.seuil_libelles_px, selection: carte.selection, variantes: variantes,
      occupees: geoPlaces.etiquettes,
    });
    ctx.save();
    ctx.font = (carte.presentation ? "600 " : "") + taillePx() / s + "px " + POLICE;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / s;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#1f2328";
    for (const p of places) {
      const libelle = p.texte;
      ctx.strokeText(libelle, p.x, p.y);
      ctx.fillText(libelle, p.x, p.y);
    }
    ctx.restore();
    carte.libelles = places.length;
    carte.textesLibelles = places.map((p) => p.texte);
    carte.boitesLibelles = places.map((p) => p.boite);  // [x0, y0, x1, y1] en coordonnées du canevas
  }

  function dessinerEvidence(ctx) {
    const s = network.getScale();
    const r = rectangleVisible();
    ctx.save();
    ctx.fillStyle = "rgba(255,255,255,0.78)";
    ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    const centre = network.body.nodes[carte.selection];
    ctx.strokeStyle = "rgba(60,60,60,0.85)";
    for (const v of adjacence.get(carte.selection)) {
      const autre = network.body.nodes[v.autre];
      if (!autre || !lienAffiche(v.lien.id)) continue;
      ctx.lineWidth = Math.max(1, v.lien.width) * 1.2;
      ctx.beginPath();
      ctx.moveTo(centre.x, centre.y);
      ctx.lineTo(autre.x, autre.y);
      ctx.stroke();
    }
    for (const id of carte.evidence) {
      const corps = network.body.nodes[id];
      if (!corps) continue;
      const n = parId.get(id);
      ctx.beginPath();
      ctx.arc(corps.x, corps.y, corps.options.size, 0, 2 * Math.PI);
      ctx.fillStyle = n.color.background;
      ctx.fill();
      ctx.setLineDash(n.shapeProperties ? [4, 3] : []);
      ctx.lineWidth = id === carte.selection ? 3 / Math.max(s, 0.5) : (n.borderWidth || 1);
      ctx.strokeStyle = id === carte.selection ? "#111111" : n.color.border;
      ctx.stroke();
    }
    ctx.restore();
  }

  /** Anneau de composition par échelle autour de chaque groupe (vue agrégée colorée par échelle). */
  function dessinerAnneaux(ctx) {
    const s = network.getScale();
    ctx.save();
    for (const n of D.noeuds) {
      const corps = network.body.nodes[n.id];
      if (!corps || !visibles.has(n.id) || !n.repartition) continue;
      const epaisseur = Math.max(4 / s, corps.options.size * 0.4), r = corps.options.size + epaisseur / 2;
      ctx.lineWidth = epaisseur;
      for (const sec of AG.secteurs(n.repartition, D.anneaux)) {
        ctx.beginPath();
        ctx.arc(corps.x, corps.y, r, sec.debut, sec.fin);
        ctx.strokeStyle = sec.couleur;
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  network.on("afterDrawing", function (ctx) {
    if (D.anneaux) dessinerAnneaux(ctx);
    if (carte.selection !== null && carte.selection !== undefined && network.body.nodes[carte.selection]) {
      dessinerEvidence(ctx);
      dessinerLibelles(ctx, [carte.selection, ...priorite.filter((id) => carte.evidence.has(id) && id !== carte.selection)]);
    } else {
      dessinerLibelles(ctx, priorite);
    }
  });

  // --- Sélection et fiche ----------------------------------------------------------------
  carte.selection = null;
  carte.evidence = new Set();
  const fiche = document.getElementById("fiche");
  const contenu = document.getElementById("fiche-contenu");
  const contexteFiche = {
    agregat: D.agregat, textes: T, nombres: nombreFormat, vocab: vocab, nomPays: nomPays, parId: parId,
    adjacence: adjacence, chaines: D.chaines, mesures: D.mesures_fiche, disposition: D.disposition, langue: langue,
  };
  const ANIMATION = { duration: 400, easingFunction: "easeInOutQuad" };
  carte.lienSelectionne = null;

  function selectionner(id, centrer) {
    if (!parId.has(id)) return;
    if (!visibles.has(id)) reinitialiserFiltres();
    if (!noeudAffiche(id)) carte.frise.aller(null);  // cachée par la frise : toutes les années
    carte.lienSelectionne = null;
    carte.selection = id;
    carte.evidence = new Set([id]);
    for (const v of adjacence.get(id)) if (noeudAffiche(v.autre) && lienAffiche(v.lien.id)) carte.evidence.add(v.autre);
    network.selectNodes([id], !couche);  // couche : les liens gardent leur trait (l'évidence les montre)
    afficherFiche(parId.get(id));
    if (centrer) {  // recadrer sur l'organisation et ses partenaires visibles
      network.fit({ nodes: [...carte.evidence], maxZoomLevel: Math.max(network.getScale(), 1.2), animation: ANIMATION });
    }
    network.redraw();
    noterVue();
  }
  /** Fiche du lien ``id`` : ferme la fiche d'organisation, met le lien et ses deux bouts en évidence. */
  function selectionnerLien(id) {
    const e = lienParId.get(id);
    if (!e) return;
    carte.selection = null;
    carte.lienSelectionne = id;
    carte.evidence = new Set([e.from, e.to]);
    network.unselectAll();
    if (vueLiens.get(id)) network.selectEdges([id]);
    contenu.replaceChildren(...LI.contenu(e, contexteLiens).map(construire));
    fiche.hidden = false;
    fiche.scrollTop = 0;
    network.redraw();
    noterVue();
  }
  function deselectionner() {
    carte.lienSelectionne = null;
    carte.selection = null;
    carte.evidence = new Set();
    network.unselectAll();
    fiche.hidden = true;
    network.redraw();
    noterVue();
  }
  carte.selectionner = selectionner;
  carte.selectionnerLien = selectionnerLien;
  carte.deselectionner = deselectionner;

  network.on("click", function (p) {
    if (geo && clicGeo(p)) return;
    if (p.nodes.length) selectionner(p.nodes[0], false);
    else if (p.edges.length) selectionnerLien(p.edges[0]);
    else deselectionner();
  });
  document.getElementById("fermer-fiche").addEventListener("click", deselectionner);

  function boutonOrganisation(id) {
    const b = el("button", O.nomAffiche(parId.get(id)), "lien-organisation");
    b.type = "button";
    b.addEventListener("click", () => selectionner(id, true));
    return b;
  }
  function afficherFiche(n) {
    const x = Object.assign({}, contexteFiche, { agregat: D.agregat && n.organisation === undefined,
      ouvrable: Boolean(D.organisations) && n.organisation === undefined });
    contenu.replaceChildren(...FI.contenu(n, x).map(construire));
    fiche.hidden = false;
    fiche.scrollTop = 0;
  }

  // --- Recherche -----------------------------------------------------------------------
  const recherche = document.getElementById("recherche");
  const suggestions = document.getElementById("suggestions");
  const index = R.indexer(D.noeuds);
  function chercher(texte) { return R.chercher(index, texte); }
  carte.chercher = chercher;
  function proposer() {
    suggestions.replaceChildren();
    const texte = recherche.value;
    if (!texte.trim()) return;
    const trouves = chercher(texte);
    if (!trouves.length) { suggestions.appendChild(el("li", T.aucun_resultat, "vide")); return; }
    for (const id of trouves.slice(0, 10)) {
      const li = el("li");
      const b = boutonOrganisation(id);
      b.addEventListener("click", () => { suggestions.replaceChildren(); });
      li.appendChild(b);
      suggestions.appendChild(li);
    }
  }
  recherche.addEventListener("input", proposer);
  recherche.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      const trouves = chercher(recherche.value);
      if (trouves.length) { selectionner(trouves[0], true); suggestions.replaceChildren(); }
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      recherche.value = "";
      suggestions.replaceChildren();
    }
  });

  // --- Légende ---------------------------------------------------------------------------
  const legende = document.getElementById("legende");
  const flottante = document.getElementById("legende-flottante");
  // Vue agrégée dense : la règle des liens dessinés (seuil), et une case pour les dessiner tous.
  const legendeLiens = D.liens_forts ? el("p", null, "note") : null;
  const caseFaibles = el("input");
  caseFaibles.type = "checkbox";
  caseFaibles.id = "liens-faibles";
  caseFaibles.addEventListener("change", function () {
    montrerFaibles = caseFaibles.checked;
    vueLiens.refresh();
    afficherCompte();
    network.redraw();
  });
  if (legendeLiens) {
    legendeLiens.id = "legende-liens";
    document.getElementById("legende-taille").after(legendeLiens);
  }
  function construireLegende() {
    document.getElementById("legende-titre").textContent = D.legende.titre;
    legende.replaceChildren();
    flottante.replaceChildren(el("strong", D.legende.titre));
    for (const entree of D.legende.entrees) {
      const li = el("li");
      const pastille = el("span", null, "pastille");
      pastille.style.backgroundColor = entree.couleur;
      li.appendChild(pastille);
      li.appendChild(el("span", entree.libelle));
      li.appendChild(el("span", nombreFormat.format(entree.nombre), "nombre"));
      legende.appendChild(li);
      const compacte = el("span");  // légende compacte du mode présentation
      compacte.appendChild(pastille.cloneNode());
      compacte.appendChild(document.createTextNode(entree.libelle));
      flottante.appendChild(compacte);
    }
    document.getElementById("legende-taille").textContent = D.taille;
    if (legendeLiens) {
      const etiquette = el("label");
      etiquette.appendChild(caseFaibles);
      etiquette.appendChild(el("span", T.tous_les_liens));
      legendeLiens.replaceChildren(el("span", ((D.langues && D.langues[langue]) || {}).liens || ""), el("br"), etiquette);
    }
  }
  construireLegende();
  document.getElementById("legende-approximative").hidden = !D.approximatives;
  document.getElementById("legende-anneaux").hidden = !D.anneaux;

  // --- Filtres : cases à cocher ------------------------------------------------------------
  const compte = document.getElementById("compte");
  const cases = [];
  const blocsFiltres = [];  // { f, summary, boutons, ul }, pour changer de langue
  function afficherCompte() {
    const corps = network.body;  // à jour après chaque changement de données (filtres, frise)
    const modele = D.agregat && carte.groupeOuvert === null ? T.affichage_groupes : T.affichage;
    compte.textContent = O.remplir(modele, {
      n: nombreFormat.format(corps.nodeIndices.length), m: nombreFormat.format(corps.edgeIndices.length) });
  }
  /** Cadre toutes les organisations visibles (après un filtre). */
  function recadrer() {
    if (visibles.size) network.fit({ nodes: [...visibles], animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  }
  carte.recadrer = recadrer;
  function appliquerFiltres(options) {
    calculerVisibles();
    vueNoeuds.refresh();
    vueLiens.refresh();
    masquerFrise();
    if (carte.selection !== null && !noeudAffiche(carte.selection)) deselectionner();
    else if (carte.selection !== null) selectionner(carte.selection, false);
    afficherCompte();
    if (!options || options.recadrer !== false) recadrer();
    network.redraw();
    noterVue();
  }
  function reinitialiserFiltres() {
    for (const c of cases) { c.boite.checked = true; actifs[c.cle].add(c.valeur); }
    appliquerFiltres();
  }
  carte.appliquerFiltres = appliquerFiltres;
  carte.reinitialiserFiltres = reinitialiserFiltres;
  carte.actifs = actifs;
  const blocFiltres = document.getElementById("filtres");
  let comparer = new Intl.Collator(langue).compare;
  /** Les cases d'un filtre dans l'ordre de leur libellé (selon la langue). */
  function ordonner(bloc) {
    for (const v of F.trier(bloc.f, comparer)) bloc.ul.appendChild(cases.find((c) => c.cle === bloc.f.cle && c.valeur === v.valeur).li);
  }
  for (const f of D.filtres) {
    if (!f.valeurs.length) continue;
    const details = el("details", null, "filtre");
    details.dataset.cle = f.cle;
    details.open = f.valeurs.length <= 8;
    const summary = el("summary", f.titre);
    details.appendChild(summary);
    const boutons = el("div", null, "boutons");
    const mesCases = [];
    for (const [texte, etat] of [[T.tout, true], [T.aucun, false]]) {
      const b = el("button", texte);
      b.type = "button";
      b.addEventListener("click", function () {
        for (const c of mesCases) { c.boite.checked = etat; F.cocher(actifs, f.cle, c.valeur, etat); }
        appliquerFiltres();
      });
      boutons.appendChild(b);
    }
    details.appendChild(boutons);
    const ul = el("ul");
    for (const v of f.valeurs) {
      const li = el("li");
      const label = el("label");
      const boite = el("input");
      boite.type = "checkbox";
      boite.checked = true;
      boite.value = v.valeur;
      boite.addEventListener("change", function () {
        F.cocher(actifs, f.cle, v.valeur, boite.checked);
        appliquerFiltres();
      });
      const texte = el("span", v.libelle);
      label.appendChild(boite);
      label.appendChild(texte);
      label.appendChild(el("span", nombreFormat.format(v.nombre), "nombre"));
      li.appendChild(label);
      ul.appendChild(li);
      const c = { cle: f.cle, valeur: v.valeur, boite: boite, li: li, texte: texte };
      cases.push(c);
      mesCases.push(c);
    }
    details.appendChild(ul);
    blocFiltres.appendChild(details);
    const bloc = { f: f, summary: summary, boutons: boutons, ul: ul };
    ordonner(bloc);
    blocsFiltres.push(bloc);
  }
  document.getElementById("reinitialiser").addEventListener("click", reinitialiserFiltres);
  afficherCompte();

  // --- Image PNG : la vue agrandie (2×, 3× ou largeur choisie), avec titre, date et légende ---------
  const choixImage = document.getElementById("image-resolution");
  function remplirChoixImage() {
    const valeur = choixImage.value || "2";
    choixImage.replaceChildren();
    for (const c of I.CHOIX) {
      const texte = c === "1" ? "PNG " + T.image_ecran : c.startsWith("l") ? "PNG " + O.remplir(T.image_largeur, { n: nombreFormat.format(Number(c.slice(1))) }) : "PNG " + c + "×";
      const o = el("option", texte);
      o.value = c;
      choixImage.appendChild(o);
    }
    choixImage.value = valeur;
  }
  remplirChoixImage();
  /** Image PNG de la vue : la carte est redessinée à ``choix`` (« 2 », « 3 », « l4000 »…) fois sa
      résolution, le temps de la copier, puis rendue à l'écran. Rend une adresse data:. */
  function imagePNG(choix) {
    const canevas = network.canvas;
    const dpr = canevas.pixelRatio || 1;
    const k = I.facteur(choix || "1", conteneur.clientWidth, dpr);
    const origine = canevas._determinePixelRatio;
    let source = conteneur.querySelector("canvas");
    const copie = document.createElement("canvas");
    try {
      canevas._determinePixelRatio = () => k;
      coucheExacte = true;  // pas d'aperçu agrandi dans l'image
      network.redraw();  // synchrone : redimensionne le canevas (setSize) puis dessine
      copie.width = source.width;
      copie.height = source.height;
      copie.getContext("2d").drawImage(source, 0, 0);
    } finally {
      canevas._determinePixelRatio = origine;
      network.redraw();
    }
    source = copie;
    const dim = I.dimensions(source.width, source.height, conteneur.clientWidth);
    const c = document.createElement("canvas");
    c.width = dim.largeur;
    c.height = dim.hauteur;
    I.composer(c.getContext("2d"), source, dim, {
      titre: document.getElementById("titre").textContent,
      sousTitre: document.getElementById("sous-titre").textContent,
      legende: D.legende, police: POLICE,
    });
    carte.dernierePNG = { largeur: c.width, hauteur: c.height, facteur: k };
    return c.toDataURL("image/png");
  }
  carte.imagePNG = imagePNG;
  document.getElementById("image").addEventListener("click", function () {
    const a = document.createElement("a");
    a.href = imagePNG(choixImage.value);
    a.download = "carte.png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  /** Cadre toutes les organisations dans la partie libre de la carte : sous la barre d'outils, au-dessus
      de la frise (network.fit les glisserait dessous). La carte géographique garde le cadrage de vis-network. */
  function cadrer(animation) {
    if (D.disposition === "geographique") { network.fit(animation ? { animation: animation } : undefined); return; }
    const corps = network.body.nodes;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const id of network.body.nodeIndices) {
      const n = corps[id], r = n.options.size || 0;
      x0 = Math.min(x0, n.x - r); y0 = Math.min(y0, n.y - r); x1 = Math.max(x1, n.x + r); y1 = Math.max(y1, n.y + r);
    }
    if (!(x1 >= x0)) return;
    const boite = conteneur.getBoundingClientRect();
    const libre = { gauche: 0, haut: 0, droite: boite.width, bas: boite.height };
    const outils = document.getElementById("outils").getBoundingClientRect();
    if (outils.height) libre.haut = Math.max(0, outils.bottom - boite.top);
    const bas = document.getElementById("frise");
    if (bas && !bas.hidden && bas.getBoundingClientRect().height) libre.bas = Math.min(libre.bas, bas.getBoundingClientRect().top - boite.top);
    const c = V.cadrage({ x0: x0, y0: y0, x1: x1, y1: y1 }, libre, boite.width, boite.height, 20, 1);  // marge : un libellé
    network.moveTo({ position: { x: c.x, y: c.y }, scale: c.echelle, animation: animation || false });
  }
  carte.cadrer = cadrer;
  document.getElementById("ajuster").addEventListener("click", () => cadrer({ duration: 300 }));

  // --- Frise des années : curseur, lecture, mode ; les positions ne bougent pas ---------------
  const blocFrise = document.getElementById("frise");
  const curseur = document.getElementById("frise-curseur");
  const sortieAnnee = document.getElementById("frise-annee");
  const modeFrise = document.getElementById("frise-mode");
  const grisFrise = document.getElementById("frise-gris");
  const lecture = document.getElementById("frise-lecture");
  const titreAnnee = document.getElementById("titre-annee");
  const bornesFrise = D.agregat ? null : FR.bornes(D.liens);
  const indexFrise = bornesFrise ? FR.indexer(D.liens) : [];
  const GRIS = { background: "#e4e6e8", border: "#c3c7cb", highlight: { background: "#e4e6e8", border: "#8a8f94" },
    hover: { background: "#e4e6e8", border: "#8a8f94" } };
  let minuterieFrise = null;

  /** Masque (ou grise) dans le dessin ce que l'année exclut ; les vues des filtres restent telles quelles. */
  function masquerFrise() {
    const corps = network.body;
    for (const cle in corps.nodes) {
      const n = corps.nodes[cle];
      const dedans = organisationDeLAnnee(n.id);
      n.options.hidden = !dedans && !frise.gris;
      const gris = !dedans && frise.gris;
      if (gris && !n.couleurFrise) { n.couleurFrise = n.options.color; n.options.color = GRIS; }
      else if (!gris && n.couleurFrise) { n.options.color = n.couleurFrise; n.couleurFrise = null; }
    }
    for (const cle in corps.edges) corps.edges[cle].options.hidden = !lienDeLAnnee(corps.edges[cle].id);
    invaliderCouche();
    // vis-network recalcule ce qu'il dessine (nœuds et liens non masqués), puis redessine à l'image suivante ;
    // les liens n'ont pas changé : inutile de tout reconnecter (« _dataUpdated »), sauf si la méthode manque.
    if (typeof network._updateVisibleIndices === "function") {
      network._updateVisibleIndices();
      corps.emitter.emit("_requestRedraw");
    } else {
      corps.emitter.emit("_dataUpdated");
    }
  }
  /** Va à l'année (null : toutes les années), dans le mode donné (défaut : celui en cours). */
  function allerAnnee(annee, mode) {
    if (mode) frise.mode = mode === "cumule" ? "cumule" : "actif";
    frise.annee = bornesFrise && annee !== null && annee !== undefined
      ? Math.min(bornesFrise.max, Math.max(bornesFrise.min, annee)) : null;
    frise.etat = frise.annee === null ? null : FR.etat(indexFrise, frise.annee, frise.mode);
    masquerFrise();
    if (carte.selection !== null && !noeudAffiche(carte.selection)) deselectionner();
    else if (carte.selection !== null) selectionner(carte.selection, false);
    afficherCompte();
    modeFrise.value = frise.mode;
    if (frise.annee === null) {
      sortieAnnee.textContent = T.frise_toutes;
      titreAnnee.textContent = "";
      if (bornesFrise) curseur.value = String(bornesFrise.max);
    } else {
      curseur.value = String(frise.annee);
      sortieAnnee.textContent = String(frise.annee);
      titreAnnee.textContent = O.remplir(frise.mode === "cumule" ? T.frise_titre_cumule : T.frise_titre_annee, {
        annee: frise.annee, n: nombreFormat.format(frise.etat.organisations.size), m: nombreFormat.format(frise.etat.partenariats),
      });
    }
    blocFrise.dataset.annee = FR.etatAnnee(frise.annee, frise.mode);
    if (typeof noterVue === "function") noterVue();
  }
  function arreterLecture() {
    if (minuterieFrise !== null) clearInterval(minuterieFrise);
    minuterieFrise = null;
    lecture.textContent = T.frise_lecture;
    lecture.setAttribute("aria-pressed", "false");
  }
  function lire() {
    if (minuterieFrise !== null) { arreterLecture(); return; }
    if (frise.annee === null || frise.annee >= bornesFrise.max) allerAnnee(bornesFrise.min);
    lecture.textContent = T.frise_pause;
    lecture.setAttribute("aria-pressed", "true");
    minuterieFrise = setInterval(function () {
      const a = FR.suivante(frise.annee, bornesFrise);
      if (a === null) arreterLecture(); else allerAnnee(a);
    }, 700);
  }
  carte.frise = {
    bornes: bornesFrise, etat: () => frise, aller: allerAnnee,
    adresse: () => FR.etatAnnee(frise.annee, frise.mode),
    depuisAdresse: function (texte) { const e = FR.lireAnnee(texte, bornesFrise); allerAnnee(e ? e.annee : null, e ? e.mode : "actif"); },
  };
  if (bornesFrise) {
    curseur.min = String(bornesFrise.min);
    curseur.max = String(bornesFrise.max);
    curseur.value = String(bornesFrise.max);
    curseur.title = T.frise_regle;
    const reperes = document.getElementById("frise-rencontres");
    for (const a of FR.rencontres(D.liens)) { const o = el("option"); o.value = String(a); reperes.appendChild(o); }
    curseur.addEventListener("input", () => { arreterLecture(); allerAnnee(parseInt(curseur.value, 10)); });
    modeFrise.addEventListener("change", () => { if (frise.annee === null) frise.mode = modeFrise.value; else allerAnnee(frise.annee, modeFrise.value); });
    grisFrise.addEventListener("change", () => { frise.gris = grisFrise.checked; allerAnnee(frise.annee); });
    lecture.addEventListener("click", lire);
    document.getElementById("frise-tout").addEventListener("click", () => { arreterLecture(); allerAnnee(null); });
    blocFrise.hidden = false;
  } else {
    const absente = document.getElementById("frise-absente");
    absente.textContent = D.agregat ? T.frise_agregee : T.frise_sans_annees;
    absente.hidden = false;
  }
  // --- Vue agrégée : ouvrir un groupe (ses organisations à sa place, le reste agrégé), le refermer ---
  let ouverture = null;  // { groupe, noeud, liens (du groupe), ajoutes: { noeuds, liens } }
  const bordures = Object.assign({}, D.bordures, D.bordures_organisations || {});
  /** Après un changement de nœuds : index, voisinages, priorités, libellés, visibles. */
  function reindexer() {
    parId.clear();
    for (const n of D.noeuds) parId.set(n.id, n);
    lienParId.clear();
    for (const e of D.liens) lienParId.set(e.id, e);
    adjacence.clear();
    for (const [id, v] of O.adjacence(D.noeuds, D.liens)) adjacence.set(id, v);
    priorite.splice(0, priorite.length, ...L.priorite(D.noeuds, adjacence));
    calculerEtiquettes();
    index.splice(0, index.length, ...R.indexer(D.noeuds));
    calculerVisibles();
  }
  function ouvrirGroupe(id) {
    if (!D.organisations || !parId.has(id)) return;
    if (ouverture) refermerGroupe();
    const groupe = parId.get(id);
    const centre = network.getPositions([id])[id] || { x: groupe.x || 0, y: groupe.y || 0 };
    const ajoutes = AG.ouvrir(id, D.organisations, D.liens_organisations, centre);
    const ctxOrg = Object.assign({}, textesInfobulle, { agregat: false });
    for (const n of ajoutes.noeuds) n.color = O.couleurs(n.color, bordures);
    const liensGroupe = D.liens.filter((e) => e.from === id || e.to === id);
    ouverture = { groupe: id, noeud: groupe, liens: liensGroupe, ajoutes: ajoutes };
    D.noeuds.splice(D.noeuds.indexOf(groupe), 1, ...ajoutes.noeuds);
    D.liens = D.liens.filter((e) => e.from !== id && e.to !== id).concat(ajoutes.liens);
    reindexer();
    for (const n of ajoutes.noeuds) n.title = O.infobulle(n, ctxOrg);
    for (const e of ajoutes.liens) e.title = LI.infobulle(e, contexteLiens);
    deselectionner();
    edges.remove(liensGroupe.map((e) => e.id));
    nodes.remove(id);
    nodes.add(ajoutes.noeuds);
    edges.add(ajoutes.liens);
    carte.groupeOuvert = id;
    afficherCompte();
    network.fit({ nodes: ajoutes.noeuds.map((n) => n.id), maxZoomLevel: 2, animation: ANIMATION });
  }
  function refermerGroupe() {
    if (!ouverture) return;
    const o = ouverture;
    ouverture = null;
    const ids = new Set(o.ajoutes.noeuds.map((n) => n.id));
    D.noeuds = D.noeuds.filter((n) => !ids.has(n.id)).concat([o.noeud]);
    D.liens = D.liens.filter((e) => !ids.has(e.from) && !ids.has(e.to)).concat(o.liens);
    reindexer();
    deselectionner();
    edges.remove(o.ajoutes.liens.map((e) => e.id));
    nodes.remove([...ids]);
    nodes.add(o.noeud);
    edges.add(o.liens);
    carte.groupeOuvert = null;
    afficherCompte();
    selectionner(o.groupe, true);
  }
  carte.ouvrirGroupe = ouvrirGroupe;
  carte.refermerGroupe = refermerGroupe;
  network.on("doubleClick", function (p) {  // double-clic : ouvrir un groupe, ou refermer le groupe ouvert
    if (!p.nodes.length) return;
    const n = parId.get(p.nodes[0]);
    if (n && n.groupeOuvert !== undefined) refermerGroupe();
    else if (D.organisations && n && n.organisation === undefined) ouvrirGroupe(n.id);
  });

  // --- Taille des libellés (A− A+) ------------------------------------------------------------
  function reglerLibelles(delta) {
    tailleBase = P.regler(tailleBase, delta);
    carte.tailleLibelles = taillePx();
    network.redraw();
    noterVue();
  }
  carte.tailleLibelles = taillePx();
  carte.reglerLibelles = reglerLibelles;
  document.getElementById("libelles-moins").addEventListener("click", () => reglerLibelles(-1));
  document.getElementById("libelles-plus").addEventListener("click", () => reglerLibelles(1));

  // --- Mode présentation : panneaux repliés, plein écran, libellés agrandis, légende en surimpression -
  const boutonPresentation = document.getElementById("presentation");
  function presenter(actif) {
    carte.presentation = actif;
    document.body.classList.toggle("presentation", actif);
    boutonPresentation.setAttribute("aria-pressed", String(actif));
    boutonPresentation.textContent = actif ? T.quitter_presentation : T.presentation;
    flottante.hidden = !actif;
    carte.tailleLibelles = taillePx();
    // liens plus épais au projecteur
    edges.update(D.liens.map((e) => ({ id: e.id, width: (e.width || D.options.edges.width) * (actif ? P.AGRANDISSEMENT : 1) })));
    const plein = document.fullscreenElement;
    try {
      if (actif && !plein && document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().catch(() => {});  // refusé hors geste : tant pis
      } else if (!actif && plein && document.exitFullscreen) {
        document.exitFullscreen().catch(() => {});
      }
    } catch (e) { /* plein écran indisponible */ }
    setTimeout(function () { network.redraw(); if (carte.selection === null) recadrer(); }, 60);
    noterVue();
  }
  carte.presenter = presenter;
  boutonPresentation.addEventListener("click", () => presenter(!carte.presentation));
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && carte.presentation) presenter(false);  // Échap du navigateur
  });
  document.addEventListener("keydown", function (ev) {
    const cible = ev.target;
    const champ = cible && (cible.tagName === "INPUT" || cible.tagName === "SELECT" || cible.tagName === "TEXTAREA");
    const action = P.action({ key: ev.key, ctrlKey: ev.ctrlKey, altKey: ev.altKey, metaKey: ev.metaKey, champ: champ });
    if (action === "presentation") presenter(!carte.presentation);
    else if (action === "plus") reglerLibelles(1);
    else if (action === "moins") reglerLibelles(-1);
    else if (action === "ajuster") cadrer({ duration: 300 });
    else if (action === "quitter") { if (carte.presentation) presenter(false); else if (!fiche.hidden) deselectionner(); }
    else return;
    ev.preventDefault();
  });

  // --- Langue de la page : toutes les langues sont embarquées -------------------------------
  const NOMS_LANGUES = { fr: "Français", en: "English", es: "Español", pt: "Português" };
  const choixLangue = document.getElementById("langue-page");
  for (const lg of Object.keys(D.langues || {})) {
    const o = el("option", NOMS_LANGUES[lg] || lg);
    o.value = lg;
    choixLangue.appendChild(o);
  }
  choixLangue.value = langue;
  function changerLangue(lg) {
    const X = D.langues && D.langues[lg];
    if (!X) return;
    langue = lg;
    T = X.textes;
    D.textes = X.textes; D.vocabulaire = X.vocabulaire; D.pays = X.pays; D.legende = X.legende; D.taille = X.taille;
    nombreFormat = O.formateur(lg);
    ({ vocab, nomPays } = O.traducteurs(X.vocabulaire, X.pays, T.non_precise));
    comparer = new Intl.Collator(lg).compare;
    for (const ctx of [textesInfobulle, contexteFiche, contexteLiens]) {
      Object.assign(ctx, { textes: T, nombres: nombreFormat, vocab: vocab, nomPays: nomPays, langue: lg });
    }
    document.documentElement.lang = lg;
    for (const e of document.querySelectorAll("[data-t]")) if (T[e.dataset.t] !== undefined) e.textContent = T[e.dataset.t];
    for (const e of document.querySelectorAll("[data-t-placeholder]")) e.placeholder = T[e.dataset.tPlaceholder] || "";
    for (const e of document.querySelectorAll("[data-t-title]")) {
      e.title = T[e.dataset.tTitle] || "";
      e.setAttribute("aria-label", e.title);
    }
    boutonPresentation.textContent = carte.presentation ? T.quitter_presentation : T.presentation;
    document.title = X.titre;
    document.getElementById("titre").textContent = X.titre;
    document.getElementById("sous-titre").textContent = X.sous_titre;
    const bandeau = document.getElementById("bandeau");
    if (bandeau && X.bandeau) bandeau.textContent = X.bandeau;
    if (X.noms) for (const n of D.noeuds) if (X.noms[n.id] !== undefined) n.nom = X.noms[n.id];
    if (X.bandes && D.bandes) D.bandes.forEach((b, i) => { b.libelle = X.bandes[i]; });
    calculerEtiquettes();
    for (const n of D.noeuds) n.title = O.infobulle(n, textesInfobulle);
    for (const e of D.liens) e.title = LI.infobulle(e, contexteLiens);
    nodes.update(D.noeuds.map((n) => ({ id: n.id, title: n.title, nom: n.nom, libelle: n.libelle, complet: n.complet })));
    edges.update(D.liens.map((e) => ({ id: e.id, title: e.title })));
    construireLegende();
    for (const bloc of blocsFiltres) {
      const traduit = X.filtres.find((f) => f.cle === bloc.f.cle);
      if (!traduit) continue;
      bloc.f = traduit;
      bloc.summary.textContent = traduit.titre;
      const b = bloc.boutons.querySelectorAll("button");
      b[0].textContent = T.tout;
      b[1].textContent = T.aucun;
      for (const v of traduit.valeurs) {
        const c = cases.find((x) => x.cle === traduit.cle && x.valeur === v.valeur);
        if (c) c.texte.textContent = v.libelle;
      }
      ordonner(bloc);
    }
    remplirChoixImage();
    afficherCompte();
    if (carte.lienSelectionne !== null) selectionnerLien(carte.lienSelectionne);
    else if (carte.selection !== null) afficherFiche(parId.get(carte.selection));
    index.splice(0, index.length, ...R.indexer(D.noeuds));
    network.redraw();
    noterVue();
  }
  carte.changerLangue = changerLangue;
  choixLangue.addEventListener("change", () => changerLangue(choixLangue.value));

  // --- La vue dans l'adresse : #org=…&filtre=…&zoom=… ; bouton « Copier le lien de cette vue » ------
  function etatVue() {
    const pos = network.getViewPosition();
    return {
      org: carte.selection, lien: carte.lienSelectionne, filtres: V.filtresEnTexte(actifs, D.filtres),
      zoom: network.getScale(), x: pos.x, y: pos.y, langue: langue !== D.langue ? langue : null,
      taille: tailleBase !== (D.taille_libelles || 13) ? tailleBase : null, presentation: carte.presentation,
      annee: carte.frise && carte.frise.bornes ? carte.frise.adresse() || null : null,
    };
  }
  carte.etatVue = etatVue;
  /** Écrit l'état dans l'adresse (sans recharger ni allonger l'historique), un instant après le dernier changement. */
  function noterVue() {
    if (!vueRestauree) return;
    clearTimeout(minuterie);
    minuterie = setTimeout(function () {
      try { history.replaceState(null, "", V.ecrire(etatVue()) || location.pathname + location.search); } catch (e) { /* adresse figée */ }
    }, 150);
  }
  network.on("dragEnd", noterVue);
  network.on("zoom", noterVue);
  network.on("animationFinished", noterVue);
  /** Applique l'état lu dans l'adresse : langue, libellés, filtres, sélection, cadrage. */
  function restaurerVue(fragment) {
    const e = V.lire(fragment);
    if (e.langue && D.langues && D.langues[e.langue]) { choixLangue.value = e.langue; changerLangue(e.langue); }
    if (e.taille) { tailleBase = P.regler(e.taille, 0); carte.tailleLibelles = taillePx(); }
    if (e.filtres.length) {
      for (const texte of e.filtres) {
        const r = V.resoudreFiltre(texte, D.filtres);
        if (!r) continue;
        const garder = new Set(r.valeurs);
        for (const c of cases) {
          if (c.cle !== r.cle) continue;
          c.boite.checked = garder.has(c.valeur);
          F.cocher(actifs, c.cle, c.valeur, c.boite.checked);
        }
      }
      appliquerFiltres({ recadrer: e.zoom === null });
    }
    if (e.presentation) presenter(true);
    if (e.annee !== null && carte.frise && carte.frise.bornes) carte.frise.depuisAdresse(e.annee);
    if (e.org !== null && parId.has(e.org)) selectionner(e.org, e.zoom === null);
    else if (e.lien !== null && lienParId.has(e.lien)) selectionnerLien(e.lien);
    if (e.zoom !== null) {
      const pos = network.getViewPosition();
      network.moveTo({ scale: e.zoom, position: { x: e.x === null ? pos.x : e.x, y: e.y === null ? pos.y : e.y } });
    }
    network.redraw();
  }
  carte.restaurerVue = restaurerVue;
  window.addEventListener("hashchange", () => restaurerVue(location.hash));
  function quandPret(f) {
    if (carte.pret) f(); else attentes.push(f);
  }
  cadrer();  // avant le premier dessin (vis-network dessine à l'image suivante)
  quandPret(function () {
    if (location.hash.length > 1) restaurerVue(location.hash);
    vueRestauree = true;
    carte.vueRestauree = true;
  });

  const panneauLien = document.getElementById("lien-vue");
  const champLien = document.getElementById("lien-vue-texte");
  const copie = document.getElementById("lien-copie");
  document.getElementById("copier-lien").addEventListener("click", function () {
    const adresse = location.href.split("#")[0] + V.ecrire(etatVue());
    try { history.replaceState(null, "", V.ecrire(etatVue())); } catch (e) { /* adresse figée */ }
    champLien.value = adresse;  // propriété value : du texte
    panneauLien.hidden = false;
    champLien.select();
    copie.textContent = "";
    const presse = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(adresse) : Promise.reject(new Error("—"));
    presse.then(() => { copie.textContent = T.lien_copie; }, () => {
      try { if (document.execCommand("copy")) copie.textContent = T.lien_copie; } catch (e) { /* à copier à la main */ }
    });
  });
  champLien.addEventListener("keydown", (ev) => { if (ev.key === "Escape") panneauLien.hidden = true; });
  champLien.addEventListener("blur", () => setTimeout(() => { panneauLien.hidden = true; }, 200));
})();
