/* page : câble la carte (vis-network, DOM, événements) sur les modules purs, chargés avant elle :
   CarteOutils, CarteRecherche, CarteFiltres, CarteLibelles, CarteFiche, CarteImage, CarteFrise.
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
  const D = JSON.parse(document.getElementById("donnees").textContent);
  const T = D.textes;
  const POLICE = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  const TAILLE_LIBELLE = 12;  // px à l'écran, quel que soit le zoom
  const conteneur = document.getElementById("reseau");
  const nombreFormat = O.formateur(D.langue);
  const { vocab, nomPays } = O.traducteurs(D.vocabulaire, D.pays, T.non_precise);

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
    const e = el(x.b, x.t, x.c);
    for (const enfant of x.e) e.appendChild(construire(enfant));
    return e;
  }

  // --- Données ------------------------------------------------------------------------
  const textesInfobulle = { agregat: D.agregat, textes: T, nombres: nombreFormat, vocab: vocab, nomPays: nomPays };
  for (const n of D.noeuds) {
    n.title = O.infobulle(n, textesInfobulle);
    n.color = O.couleurs(n.color, D.bordures);
  }
  const parId = new Map(D.noeuds.map((n) => [n.id, n]));
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
  const vueLiens = new vis.DataView(edges, {
    filter: (e) => (e.suggestion ? montrerSuggestions && visibles.has(e.from) && visibles.has(e.to)
      : F.lienVisible(e, visibles, actifs)),
  });
  /** Le nœud est-il à l'écran (filtres et frise) ? Le lien ? */
  function noeudAffiche(id) { return visibles.has(id) && (frise.gris || organisationDeLAnnee(id)); }
  function lienAffiche(id) { return vueLiens.get(id) !== null && lienDeLAnnee(id); }
  carte.vueNoeuds = vueNoeuds;
  carte.vueLiens = vueLiens;

  document.getElementById("attente").hidden = !D.physique;
  network = new vis.Network(conteneur, { nodes: vueNoeuds, edges: vueLiens }, D.options);
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
    document.getElementById("attente").hidden = true;
    carte.pret = true;
    document.documentElement.dataset.pret = "oui";
  }
  if (D.physique) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.storePositions();
      network.fit();
      marquerPret();
    });
  } else {
    network.once("afterDrawing", marquerPret);
  }
  network.on("dragEnd", function (p) {  // garder la place d'un nœud déplacé (filtres)
    if (!p.nodes.length) return;
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

  const largeurs = new Map();  // largeur du libellé à TAILLE_LIBELLE px, mesurée une fois
  const mesureur = document.createElement("canvas").getContext("2d");
  mesureur.font = TAILLE_LIBELLE + "px " + POLICE;
  function largeurLibelle(id) {
    let w = largeurs.get(id);
    if (w === undefined) { w = mesureur.measureText(parId.get(id).libelle).width; largeurs.set(id, w); }
    return w;
  }
  function positionVisible(id) {
    const corps = network.body.nodes[id];
    if (geoPlaces.replies.has(id)) return null;  // dans le marqueur de son lieu
    return corps && visibles.has(id) && !corps.options.hidden && !corps.couleurFrise
      ? { x: corps.x, y: corps.y, taille: corps.options.size } : null;
  }

  // Libellés de taille constante à l'écran, placés par libelles.js.
  function dessinerLibelles(ctx, ordre) {
    const s = network.getScale();
    const places = L.placer(ordre, positionVisible, {
      echelle: s, rect: rectangleVisible(), taillePx: TAILLE_LIBELLE, principaux: LIBELLES_PRINCIPAUX,
      max: D.max_libelles, seuilPx: D.seuil_libelles_px, selection: carte.selection, largeur: largeurLibelle,
      occupees: geoPlaces.etiquettes,
    });
    ctx.save();
    ctx.font = TAILLE_LIBELLE / s + "px " + POLICE;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / s;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#1f2328";
    for (const p of places) {
      const libelle = parId.get(p.id).libelle;
      ctx.strokeText(libelle, p.x, p.y);
      ctx.fillText(libelle, p.x, p.y);
    }
    ctx.restore();
    carte.libelles = places.length;
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

  network.on("afterDrawing", function (ctx) {
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
    adjacence: adjacence, chaines: D.chaines, mesures: D.mesures_fiche, disposition: D.disposition,
  };

  function selectionner(id, centrer) {
    if (!parId.has(id)) return;
    if (!visibles.has(id)) reinitialiserFiltres();
    if (!noeudAffiche(id)) carte.frise.aller(null);  // cachée par la frise : toutes les années
    carte.selection = id;
    carte.evidence = new Set([id]);
    for (const v of adjacence.get(id)) if (noeudAffiche(v.autre) && lienAffiche(v.lien.id)) carte.evidence.add(v.autre);
    network.selectNodes([id]);
    afficherFiche(parId.get(id));
    if (centrer) {
      network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
    network.redraw();
  }
  function deselectionner() {
    carte.selection = null;
    carte.evidence = new Set();
    network.unselectAll();
    fiche.hidden = true;
    network.redraw();
  }
  carte.selectionner = selectionner;
  carte.deselectionner = deselectionner;

  network.on("click", function (p) {
    if (geo && clicGeo(p)) return;
    if (p.nodes.length) selectionner(p.nodes[0], false);
    else if (!p.edges.length) deselectionner();
  });
  document.getElementById("fermer-fiche").addEventListener("click", deselectionner);

  function boutonOrganisation(id) {
    const b = el("button", O.nomAffiche(parId.get(id)), "lien-organisation");
    b.type = "button";
    b.addEventListener("click", () => selectionner(id, true));
    return b;
  }
  function afficherFiche(n) {
    contenu.replaceChildren(...FI.contenu(n, contexteFiche).map(construire));
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
  document.getElementById("legende-titre").textContent = D.legende.titre;
  const legende = document.getElementById("legende");
  for (const entree of D.legende.entrees) {
    const li = el("li");
    const pastille = el("span", null, "pastille");
    pastille.style.backgroundColor = entree.couleur;
    li.appendChild(pastille);
    li.appendChild(el("span", entree.libelle));
    li.appendChild(el("span", nombreFormat.format(entree.nombre), "nombre"));
    legende.appendChild(li);
  }
  document.getElementById("legende-taille").textContent = D.taille;
  document.getElementById("legende-approximative").hidden = !D.approximatives;

  // --- Filtres : cases à cocher ------------------------------------------------------------
  const compte = document.getElementById("compte");
  const cases = [];
  function afficherCompte() {
    const corps = network.body;  // à jour après chaque changement de données (filtres, frise)
    compte.textContent = O.remplir(T.affichage, {
      n: nombreFormat.format(corps.nodeIndices.length), m: nombreFormat.format(corps.edgeIndices.length) });
  }
  function appliquerFiltres() {
    calculerVisibles();
    vueNoeuds.refresh();
    vueLiens.refresh();
    masquerFrise();
    if (carte.selection !== null && !noeudAffiche(carte.selection)) deselectionner();
    else if (carte.selection !== null) selectionner(carte.selection, false);
    afficherCompte();
    network.redraw();
  }
  function reinitialiserFiltres() {
    for (const c of cases) { c.boite.checked = true; actifs[c.cle].add(c.valeur); }
    appliquerFiltres();
  }
  carte.appliquerFiltres = appliquerFiltres;
  carte.reinitialiserFiltres = reinitialiserFiltres;
  carte.actifs = actifs;
  const blocFiltres = document.getElementById("filtres");
  for (const f of D.filtres) {
    if (!f.valeurs.length) continue;
    const details = el("details", null, "filtre");
    details.dataset.cle = f.cle;
    details.open = f.valeurs.length <= 8;
    details.appendChild(el("summary", f.titre));
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
      label.appendChild(boite);
      label.appendChild(el("span", v.libelle));
      label.appendChild(el("span", nombreFormat.format(v.nombre), "nombre"));
      li.appendChild(label);
      ul.appendChild(li);
      const c = { cle: f.cle, valeur: v.valeur, boite: boite };
      cases.push(c);
      mesCases.push(c);
    }
    details.appendChild(ul);
    blocFiltres.appendChild(details);
  }
  document.getElementById("reinitialiser").addEventListener("click", reinitialiserFiltres);
  afficherCompte();

  // --- Image PNG : la vue, avec titre et légende ------------------------------------------
  function imagePNG() {
    const source = conteneur.querySelector("canvas");
    const dim = I.dimensions(source.width, source.height, conteneur.clientWidth);
    const c = document.createElement("canvas");
    c.width = dim.largeur;
    c.height = dim.hauteur;
    I.composer(c.getContext("2d"), source, dim, {
      titre: document.getElementById("titre").textContent,
      sousTitre: document.getElementById("sous-titre").textContent,
      legende: D.legende, police: POLICE,
    });
    return c.toDataURL("image/png");
  }
  carte.imagePNG = imagePNG;
  document.getElementById("image").addEventListener("click", function () {
    const a = document.createElement("a");
    a.href = imagePNG();
    a.download = "carte.png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  document.getElementById("ajuster").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));

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
  let minuterie = null;

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
  }
  function arreterLecture() {
    if (minuterie !== null) clearInterval(minuterie);
    minuterie = null;
    lecture.textContent = T.frise_lecture;
    lecture.setAttribute("aria-pressed", "false");
  }
  function lire() {
    if (minuterie !== null) { arreterLecture(); return; }
    if (frise.annee === null || frise.annee >= bornesFrise.max) allerAnnee(bornesFrise.min);
    lecture.textContent = T.frise_pause;
    lecture.setAttribute("aria-pressed", "true");
    minuterie = setInterval(function () {
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
})();
