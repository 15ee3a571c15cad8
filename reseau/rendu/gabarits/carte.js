/* Carte interactive reseau : vis-network et données embarquées (JSON échappé).
   Tout texte venu des données passe par textContent, jamais par innerHTML.
   Globales, comme pyvis : network, nodes, edges (vis.DataSet) ; et carte (état, outils). */
"use strict";
var nodes, edges, network;
var carte = { pret: false };

(function () {
  const D = JSON.parse(document.getElementById("donnees").textContent);
  const T = D.textes;
  const POLICE = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  const TAILLE_LIBELLE = 12;  // px à l'écran, quel que soit le zoom
  const conteneur = document.getElementById("reseau");
  const nombreFormat = new Intl.NumberFormat(D.langue, { maximumFractionDigits: 3 });

  // --- Outils DOM (texte seulement) ---------------------------------------------------
  function el(balise, texte, classe) {
    const e = document.createElement(balise);
    if (texte !== undefined && texte !== null) e.textContent = String(texte);
    if (classe) e.className = classe;
    return e;
  }
  function format(modele, valeurs) {
    return modele.replace(/\{(\w+)\}/g, (m, k) => (k in valeurs ? String(valeurs[k]) : m));
  }
  function vocab(v) { return (v && D.vocabulaire[v]) || v || T.non_precise; }
  function nomPays(code) { return (code && D.pays[code]) || code || T.non_precise; }
  function normaliser(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // --- Données ------------------------------------------------------------------------
  // Infobulle en texte brut (vis-network l'affiche par innerText) et couleurs de surbrillance.
  for (const n of D.noeuds) {
    const nom = n.nom || n.libelle;
    const lignes = [n.sigle && n.sigle !== nom ? nom + " (" + n.sigle + ")" : nom];
    if (D.agregat) lignes.push(format(T.n_organisations, { n: nombreFormat.format(n.effectif) }));
    else lignes.push([n.echelle ? vocab(n.echelle) : "", n.pays ? nomPays(n.pays) : ""].filter(Boolean).join(", "));
    n.title = lignes.filter(Boolean).join("\n");
    const fond = typeof n.color === "string" ? n.color : n.color.background;
    const bord = typeof n.color === "string" ? D.bordures[n.color] : n.color.border;
    n.color = { background: fond, border: bord, highlight: { background: fond, border: "#222222" },
      hover: { background: fond, border: "#222222" } };
  }
  const parId = new Map(D.noeuds.map((n) => [n.id, n]));
  const adjacence = new Map(D.noeuds.map((n) => [n.id, []]));
  for (const e of D.liens) {
    adjacence.get(e.from).push({ lien: e, autre: e.to, sens: 1 });
    adjacence.get(e.to).push({ lien: e, autre: e.from, sens: -1 });
  }
  // Libellés principaux (un nœud sur dix, de 10 à 40) : dessinés même petits ou posés sur un nœud.
  const LIBELLES_PRINCIPAUX = Math.max(10, Math.min(40, Math.ceil(D.noeuds.length / 10)));
  // Priorité des libellés : les plus gros nœuds d'abord.
  const priorite = D.noeuds.slice().sort((a, b) => b.size - a.size || adjacence.get(b.id).length - adjacence.get(a.id).length)
    .map((n) => n.id);

  // --- Filtres ------------------------------------------------------------------------
  const actifs = {};
  for (const f of D.filtres) actifs[f.cle] = new Set(f.valeurs.map((v) => v.valeur));
  const valeurNoeud = {
    echelle: (n) => n.echelle || "", nord_sud: (n) => n.nord_sud || "", type: (n) => n.type || "", pays: (n) => n.pays || "",
  };
  let visibles = new Set();
  function noeudVisible(n) {
    for (const cle in valeurNoeud) if (actifs[cle] && !actifs[cle].has(valeurNoeud[cle](n))) return false;
    return true;
  }
  function lienVisible(e) {
    if (!visibles.has(e.from) || !visibles.has(e.to)) return false;
    for (const t in e.types) if (actifs.type_lien.has(t)) return true;
    return false;
  }
  function calculerVisibles() { visibles = new Set(D.noeuds.filter(noeudVisible).map((n) => n.id)); }
  calculerVisibles();

  nodes = new vis.DataSet(D.noeuds);
  edges = new vis.DataSet(D.liens);
  const vueNoeuds = new vis.DataView(nodes, { filter: (n) => visibles.has(n.id) });
  const vueLiens = new vis.DataView(edges, { filter: lienVisible });
  carte.vueNoeuds = vueNoeuds;
  carte.vueLiens = vueLiens;

  document.getElementById("attente").hidden = !D.physique;
  network = new vis.Network(conteneur, { nodes: vueNoeuds, edges: vueLiens }, D.options);

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
  let monde = null;
  if (D.monde) {
    const u = D.unites_par_degre;
    monde = new Path2D();
    for (const anneau of D.monde) {
      monde.moveTo(anneau[0] * u, -anneau[1] * u);
      for (let i = 2; i < anneau.length; i += 2) monde.lineTo(anneau[i] * u, -anneau[i + 1] * u);
      monde.closePath();
    }
  }
  network.on("beforeDrawing", function (ctx) {
    const r = rectangleVisible();
    const s = network.getScale();
    ctx.save();
    ctx.fillStyle = monde ? "#eef4f8" : "#ffffff";  // l'océan, ou un fond blanc (image PNG)
    ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    if (monde) {
      ctx.fillStyle = "#dfe3e6";
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 1 / s;
      ctx.fill(monde);
      ctx.stroke(monde);
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
  function largeurLibelle(n) {
    let w = largeurs.get(n.id);
    if (w === undefined) { w = mesureur.measureText(n.libelle).width; largeurs.set(n.id, w); }
    return w;
  }

  // Grille spatiale de boîtes [x0, y0, x1, y1] : « cette place est-elle libre ? » en temps constant.
  function Grille(cellule) {
    const cases = new Map();
    const boites = [];
    function parcourir(b, f) {
      for (let i = Math.floor(b[0] / cellule); i <= Math.floor(b[2] / cellule); i++) {
        for (let j = Math.floor(b[1] / cellule); j <= Math.floor(b[3] / cellule); j++) f(i + ":" + j);
      }
    }
    return {
      libre(b) {
        let ok = true;
        parcourir(b, (c) => {
          if (!ok) return;
          for (const k of cases.get(c) || []) {
            const o = boites[k];
            if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { ok = false; return; }
          }
        });
        return ok;
      },
      ajouter(b) {
        boites.push(b);
        parcourir(b, (c) => { if (!cases.has(c)) cases.set(c, []); cases.get(c).push(boites.length - 1); });
      },
    };
  }

  // Libellés de taille constante à l'écran, sans chevauchement : les plus gros nœuds d'abord,
  // sous le nœud ou à défaut au-dessus ; jamais sur un autre libellé, ni (sauf les principaux)
  // sur un autre nœud.
  function dessinerLibelles(ctx, ordre) {
    const s = network.getScale();
    const r = rectangleVisible();
    const taille = TAILLE_LIBELLE / s, ecart = 2 / s;
    const dans = (x, y, m) => x > r.x0 - m && x < r.x1 + m && y > r.y0 - m && y < r.y1 + m;
    const disques = Grille(120 / s), etiquettes = Grille(120 / s);
    const candidats = [];
    for (const id of ordre) {
      const corps = network.body.nodes[id];
      if (!corps || !visibles.has(id) || !dans(corps.x, corps.y, 200 / s)) continue;
      const t = corps.options.size;
      disques.ajouter([corps.x - t, corps.y - t, corps.x + t, corps.y + t]);
      // les principaux nœuds toujours ; les autres s'ils sont assez grands à l'écran
      const principal = candidats.length < LIBELLES_PRINCIPAUX || id === carte.selection;
      if (candidats.length < D.max_libelles && (principal || t * s >= D.seuil_libelles_px)) {
        candidats.push([id, corps, principal]);
      }
    }
    ctx.save();
    ctx.font = taille + "px " + POLICE;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / s;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#1f2328";
    const dessinees = [];
    for (const [id, corps, principal] of candidats) {
      const n = parId.get(id);
      const w = (largeurLibelle(n) + 4) / s, h = taille * 1.15, t = corps.options.size;
      for (const y of [corps.y + t + ecart, corps.y - t - ecart - h]) {
        const boite = [corps.x - w / 2, y, corps.x + w / 2, y + h];
        if (!etiquettes.libre(boite) || (!principal && !disques.libre(boite))) continue;
        etiquettes.ajouter(boite);
        ctx.strokeText(n.libelle, corps.x, y);
        ctx.fillText(n.libelle, corps.x, y);
        dessinees.push(boite);
        break;
      }
    }
    ctx.restore();
    carte.libelles = dessinees.length;
    carte.boitesLibelles = dessinees;  // [x0, y0, x1, y1] en coordonnées du canevas
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
      if (!autre || !vueLiens.get(v.lien.id)) continue;
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

  function selectionner(id, centrer) {
    if (!parId.has(id)) return;
    if (!visibles.has(id)) reinitialiserFiltres();
    carte.selection = id;
    carte.evidence = new Set([id]);
    for (const v of adjacence.get(id)) if (visibles.has(v.autre) && vueLiens.get(v.lien.id)) carte.evidence.add(v.autre);
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
    if (p.nodes.length) selectionner(p.nodes[0], false);
    else if (!p.edges.length) deselectionner();
  });
  document.getElementById("fermer-fiche").addEventListener("click", deselectionner);

  function ligne(dl, terme, valeur, classe) {
    if (valeur === undefined || valeur === null || valeur === "") return;
    dl.appendChild(el("dt", terme));
    const dd = el("dd", valeur, classe);
    dl.appendChild(dd);
    return dd;
  }
  function lienWeb(url) {
    let u;
    try { u = new URL(url); } catch (e) { return null; }
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    const a = el("a", url);
    a.href = u.href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function valeurMesure(cle, v) {
    if (typeof v === "boolean") return v ? T.oui : T.non;
    if (cle === "portee_km") return nombreFormat.format(Math.round(v));
    return nombreFormat.format(v);
  }
  function periode(debut, fin) {
    if (debut == null && fin == null) return "";
    if (fin == null) return format(T.depuis, { debut: debut });
    if (debut === fin) return String(debut);
    return (debut == null ? "…" : debut) + "–" + fin;
  }
  function boutonOrganisation(id) {
    const n = parId.get(id);
    const b = el("button", n.sigle && n.nom && n.sigle !== n.nom ? n.sigle + " — " + n.nom : n.nom || n.libelle, "lien-organisation");
    b.type = "button";
    b.addEventListener("click", () => selectionner(id, true));
    return b;
  }

  function afficherFiche(n) {
    contenu.replaceChildren();
    contenu.appendChild(el("h2", n.nom || n.libelle));
    if (n.sigle && n.sigle !== n.nom) contenu.appendChild(el("p", n.sigle, "sigle"));
    const dl = el("dl");
    const lieu = [n.ville, n.region, nomPays(n.pays)].filter((x, i, t) => x && t.indexOf(x) === i).join(", ");
    if (D.agregat) {
      ligne(dl, T.effectif, nombreFormat.format(n.effectif));
      ligne(dl, T.liens_internes, nombreFormat.format(n.liens_internes));
      const rep = Object.keys(n.repartition)
        .sort((a, b) => n.repartition[b] - n.repartition[a]).map((e) => vocab(e) + " " + n.repartition[e]).join(", ");
      ligne(dl, T.repartition, rep);
      contenu.appendChild(dl);
    } else {
      ligne(dl, T.type, vocab(n.type));
      ligne(dl, T.echelle, vocab(n.echelle));
      ligne(dl, T.lieu, lieu);
      if (n.precision || D.disposition === "geographique") {
        const approx = n.precision === "region" || n.precision === "pays";
        ligne(dl, T.position, T["precision_" + (n.precision || "inconnue")] || n.precision, approx ? "approximative" : "");
      }
      ligne(dl, T.nord_sud, n.nord_sud ? vocab(n.nord_sud) : "");
      if (n.site_web) {
        const dd = ligne(dl, T.site_web, " ");
        const a = lienWeb(n.site_web);
        dd.textContent = "";
        dd.appendChild(a || document.createTextNode(n.site_web));
      }
      contenu.appendChild(dl);
      if (n.description) contenu.appendChild(el("p", n.description));
      const m = n.mesures || {};
      const dlm = el("dl");
      for (const cle of D.mesures_fiche.filter((c, i, t) => t.indexOf(c) === i)) {
        if (cle in m) ligne(dlm, T["mesure_" + cle] || cle, valeurMesure(cle, m[cle]));
      }
      if (dlm.childNodes.length) { contenu.appendChild(el("h3", T.mesures)); contenu.appendChild(dlm); }
    }
    if (D.agregat && n.membres && n.membres.length) {
      contenu.appendChild(el("h3", T.membres));
      const ul = el("ul");
      for (const nom of n.membres) ul.appendChild(el("li", nom));
      if (n.effectif > n.membres.length) ul.appendChild(el("li", format(T.et_autres, { n: n.effectif - n.membres.length })));
      contenu.appendChild(ul);
    }
    // Partenaires, groupés par type de partenariat.
    const voisins = adjacence.get(n.id);
    const parType = new Map();
    const sources = new Set(n.reference !== undefined ? [D.chaines[n.reference]] : []);
    for (const v of voisins) {
      for (const t of Object.keys(v.lien.types)) {
        if (!parType.has(t)) parType.set(t, []);
        parType.get(t).push(v);
      }
      for (const d of v.lien.details || []) if (d[5] !== null) sources.add(D.chaines[d[5]]);
    }
    const distincts = new Set(voisins.map((v) => v.autre)).size;
    contenu.appendChild(el("h3", format(T.partenaires, { n: nombreFormat.format(distincts) })));
    if (!voisins.length) contenu.appendChild(el("p", T.aucun_partenaire, "note"));
    const types = [...parType.keys()].sort((a, b) => parType.get(b).length - parType.get(a).length || vocab(a).localeCompare(vocab(b)));
    for (const t of types) {
      const liste = parType.get(t);
      contenu.appendChild(el("h4", vocab(t) + " (" + liste.length + ")"));
      const ul = el("ul");
      for (const v of liste.slice(0, 60)) {
        const li = el("li");
        li.appendChild(boutonOrganisation(v.autre));
        if (D.agregat) {
          li.appendChild(el("span", format(T.n_partenariats, { n: v.lien.types[t] }), "periode"));
        } else {
          const morceaux = [];
          for (const d of v.lien.details || []) {
            if (d[1] !== t) continue;
            const parties = [];
            if (d[0] !== 0) {  // partenariat orienté : « de → vers »
              const sortant = d[0] * v.sens > 0;
              const a = parId.get(sortant ? n.id : v.autre), b = parId.get(sortant ? v.autre : n.id);
              parties.push(a.libelle + " → " + b.libelle);
            }
            if (d[2] != null || d[3] != null) parties.push(periode(d[2], d[3]));
            if (parties.length) morceaux.push(parties.join(" · "));
          }
          if (morceaux.length) li.appendChild(el("span", morceaux.join(" ; "), "periode"));
        }
        ul.appendChild(li);
      }
      if (liste.length > 60) ul.appendChild(el("li", format(T.et_autres, { n: liste.length - 60 }), "note"));
      contenu.appendChild(ul);
    }
    if (sources.size) {
      contenu.appendChild(el("h3", T.sources));
      const ul = el("ul", null, "sources");
      for (const s of [...sources].slice(0, 40)) {
        const li = el("li");
        const a = /^https?:\/\//.test(s) ? lienWeb(s) : null;
        li.appendChild(a || document.createTextNode(s));
        ul.appendChild(li);
      }
      if (sources.size > 40) ul.appendChild(el("li", format(T.et_autres, { n: sources.size - 40 })));
      contenu.appendChild(ul);
    }
    fiche.hidden = false;
    fiche.scrollTop = 0;
  }

  // --- Recherche -----------------------------------------------------------------------
  const recherche = document.getElementById("recherche");
  const suggestions = document.getElementById("suggestions");
  const index = D.noeuds.map((n) => ({ id: n.id, nom: normaliser(n.nom || n.libelle), sigle: normaliser(n.sigle) }));
  function chercher(texte) {
    const q = normaliser(texte).trim();
    if (!q) return [];
    const resultats = [];
    for (const e of index) {
      let rang = -1;
      if (e.sigle === q) rang = 0;
      else if (e.nom === q) rang = 1;
      else if (e.sigle.startsWith(q)) rang = 2;
      else if (e.nom.startsWith(q)) rang = 3;
      else if (e.nom.includes(q) || e.sigle.includes(q)) rang = 4;
      if (rang >= 0) resultats.push([rang, e.nom, e.id]);
    }
    resultats.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    return resultats.map((r) => r[2]);
  }
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

  // --- Filtres ---------------------------------------------------------------------------
  const compte = document.getElementById("compte");
  const cases = [];
  function appliquerFiltres() {
    calculerVisibles();
    vueNoeuds.refresh();
    vueLiens.refresh();
    if (carte.selection !== null && !visibles.has(carte.selection)) deselectionner();
    else if (carte.selection !== null) selectionner(carte.selection, false);
    compte.textContent = format(T.affichage, { n: nombreFormat.format(vueNoeuds.length), m: nombreFormat.format(vueLiens.length) });
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
        for (const c of mesCases) { c.boite.checked = etat; if (etat) actifs[f.cle].add(c.valeur); else actifs[f.cle].delete(c.valeur); }
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
        if (boite.checked) actifs[f.cle].add(v.valeur); else actifs[f.cle].delete(v.valeur);
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
  compte.textContent = format(T.affichage, { n: nombreFormat.format(vueNoeuds.length), m: nombreFormat.format(vueLiens.length) });

  // --- Image PNG : la vue, avec titre et légende ------------------------------------------
  function imagePNG() {
    const source = conteneur.querySelector("canvas");
    const ratio = source.width / Math.max(1, conteneur.clientWidth);
    const entete = Math.round(56 * ratio);
    const c = document.createElement("canvas");
    c.width = source.width;
    c.height = source.height + entete;
    const ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(source, 0, entete);
    ctx.fillStyle = "#1f2328";
    ctx.textBaseline = "top";
    ctx.font = "600 " + Math.round(19 * ratio) + "px " + POLICE;
    ctx.fillText(document.getElementById("titre").textContent, 14 * ratio, 8 * ratio);
    ctx.fillStyle = "#57606a";
    ctx.font = Math.round(12 * ratio) + "px " + POLICE;
    ctx.fillText(document.getElementById("sous-titre").textContent, 14 * ratio, 34 * ratio);
    const lignes = [[null, D.legende.titre]].concat(D.legende.entrees.slice(0, 14).map((e) => [e.couleur, e.libelle]));
    const h = 17 * ratio;
    ctx.font = Math.round(12 * ratio) + "px " + POLICE;
    const largeur = Math.max(...lignes.map((l) => ctx.measureText(l[1]).width)) + 34 * ratio;
    const y0 = c.height - lignes.length * h - 14 * ratio;
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
      ctx.font = (l[0] ? "" : "600 ") + Math.round(12 * ratio) + "px " + POLICE;
      ctx.fillText(l[1], (l[0] ? 32 : 14) * ratio, y);
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
})();
