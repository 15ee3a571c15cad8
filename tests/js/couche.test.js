// Couche des grandes cartes : reseau/rendu/gabarits/carte/couche.js, avec de faux canevas qui notent tout.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../reseau/rendu/gabarits/carte/couche.js");

function matrice(a, d, e, f) {
  return { a: a, b: 0, c: 0, d: d, e: e, f: f };
}

/** Un faux contexte 2D : sa transformation courante et la liste de ses appels. */
function fauxContexte(m) {
  const appels = [];
  const pile = [];
  let transformation = m || matrice(1, 1, 0, 0);
  return {
    appels: appels,
    getTransform: () => transformation,
    setTransform: function (...args) {
      transformation = args.length === 1 ? args[0] : matrice(args[0], args[3], args[4], args[5]);
      appels.push(["setTransform", ...args]);
    },
    clearRect: (...args) => appels.push(["clearRect", ...args]),
    drawImage: (...args) => appels.push(["drawImage", ...args]),
    save: () => { pile.push(transformation); appels.push(["save"]); },
    restore: () => { transformation = pile.pop(); appels.push(["restore"]); },
  };
}

function fabrique() {
  const crees = [];
  return {
    crees: crees,
    creer: function (largeur, hauteur) {
      const ctx = fauxContexte();
      const canevas = { width: largeur, height: hauteur, ctx: ctx, getContext: () => ctx };
      crees.push(canevas);
      return canevas;
    },
  };
}

test("utilisable : jamais pendant un déplacement, un zoom ou un dessin caché", () => {
  assert.equal(C.utilisable({ active: true }), true);
  assert.equal(C.utilisable({ active: false }), false);
  assert.equal(C.utilisable({ active: true, deplacement: true }), false);
  assert.equal(C.utilisable({ active: true, zoom: true }), false);
  assert.equal(C.utilisable({ active: true, cache: true }), false);
});

test("signature : change avec la taille, l'échelle, la translation et l'état", () => {
  const m = matrice(2, 2, 10, 20);
  const s = C.signature(800, 600, m, "");
  assert.equal(s, C.signature(800, 600, matrice(2, 2, 10, 20), ""));
  assert.notEqual(s, C.signature(801, 600, m, ""));
  assert.notEqual(s, C.signature(800, 600, matrice(2.5, 2.5, 10, 20), ""));
  assert.notEqual(s, C.signature(800, 600, matrice(2, 2, 11, 20), ""));
  assert.notEqual(s, C.signature(800, 600, m, "lien-3/"));
});

test("dessiner : l'image est faite une fois, puis recopiée tant que rien ne change", () => {
  const f = fabrique();
  const couche = C.creer(f.creer);
  const ctx = fauxContexte(matrice(0.5, 0.5, 100, 50));
  let dessins = 0;
  const dessiner = (c) => { dessins++; assert.deepEqual(c.getTransform(), matrice(0.5, 0.5, 100, 50)); };
  assert.equal(couche.dessiner(ctx, 800, 600, "", dessiner, true), "refaite");
  assert.equal(couche.dessiner(ctx, 800, 600, "", dessiner, true), "recopiee");
  assert.equal(couche.dessiner(ctx, 800, 600, "", dessiner, true), "recopiee");
  assert.equal(dessins, 1);
  assert.equal(f.crees.length, 1);
  assert.deepEqual(couche.stats, { refaites: 1, recopiees: 2, apercus: 0 });
  // chaque dessin recopie l'image, pixel pour pixel (transformation identité), dans un save/restore
  const recopies = ctx.appels.filter((a) => a[0] === "drawImage");
  assert.equal(recopies.length, 3);
  assert.deepEqual(recopies[0].slice(1), [f.crees[0], 0, 0]);
  assert.deepEqual(ctx.appels.slice(0, 4).map((a) => a[0]), ["save", "setTransform", "drawImage", "restore"]);
  assert.deepEqual(ctx.appels[1].slice(1), [1, 0, 0, 1, 0, 0]);
  assert.deepEqual(ctx.getTransform(), matrice(0.5, 0.5, 100, 50));  // la transformation de la page est rendue
});

test("dessiner : refaite si la vue, la taille ou l'état changent, ou après invalider()", () => {
  const f = fabrique();
  const couche = C.creer(f.creer);
  let dessins = 0;
  const dessiner = () => { dessins++; };
  couche.dessiner(fauxContexte(matrice(1, 1, 0, 0)), 800, 600, "", dessiner);
  couche.dessiner(fauxContexte(matrice(1, 1, 5, 0)), 800, 600, "", dessiner);  // translation
  assert.equal(dessins, 2);
  couche.dessiner(fauxContexte(matrice(1, 1, 5, 0)), 800, 600, "7/", dessiner);  // un lien sélectionné
  assert.equal(dessins, 3);
  couche.invalider();  // données, filtres, frise…
  couche.dessiner(fauxContexte(matrice(1, 1, 5, 0)), 800, 600, "7/", dessiner);
  assert.equal(dessins, 4);
  couche.dessiner(fauxContexte(matrice(1, 1, 5, 0)), 800, 600, "7/", dessiner);
  assert.equal(dessins, 4);
  assert.equal(f.crees.length, 1);  // même taille : le même canevas hors écran, effacé
  couche.dessiner(fauxContexte(matrice(1, 1, 5, 0)), 640, 600, "7/", dessiner);  // canevas rétréci (fiche ouverte)
  assert.equal(dessins, 5);
  assert.equal(f.crees.length, 2);
  assert.deepEqual([f.crees[1].width, f.crees[1].height], [640, 600]);
});

test("dessiner : l'image refaite est d'abord effacée, puis dessinée sous la transformation de la page", () => {
  const f = fabrique();
  const couche = C.creer(f.creer);
  const m = matrice(0.25, 0.25, 320, 200);
  couche.dessiner(fauxContexte(m), 100, 80, "", () => {});
  const appels = f.crees[0].ctx.appels;
  assert.deepEqual(appels[0], ["setTransform", 1, 0, 0, 1, 0, 0]);
  assert.deepEqual(appels[1], ["clearRect", 0, 0, 100, 80]);
  assert.deepEqual(appels[2], ["setTransform", m]);
});

test("vider : l'image est oubliée et refaite au dessin suivant", () => {
  const f = fabrique();
  const couche = C.creer(f.creer);
  let dessins = 0;
  const ctx = fauxContexte();
  couche.dessiner(ctx, 10, 10, "", () => { dessins++; });
  couche.vider();
  couche.dessiner(ctx, 10, 10, "", () => { dessins++; });
  assert.equal(dessins, 2);
});

test("inverse et produit : transformations affines du contexte 2D", () => {
  const m = { a: 2, b: 0.5, c: -1, d: 3, e: 10, f: -4 };
  const i = C.produit(m, C.inverse(m));
  for (const [k, v] of Object.entries({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 })) assert.ok(Math.abs(i[k] - v) < 1e-12, k);
  // n puis m : le point (1, 2) passe par n puis par m
  const n = matrice(0.5, 0.5, 100, 50);
  const p = C.produit(m, n);
  const parN = { x: 0.5 * 1 + 100, y: 0.5 * 2 + 50 };
  assert.deepEqual([p.a * 1 + p.c * 2 + p.e, p.b * 1 + p.d * 2 + p.f],
    [m.a * parN.x + m.c * parN.y + m.e, m.b * parN.x + m.d * parN.y + m.f]);
});

test("aperçu : seule la vue change, l'ancienne image est montrée à la nouvelle échelle, sans être refaite", () => {
  const f = fabrique();
  const couche = C.creer(f.creer);
  let dessins = 0;
  const dessiner = () => { dessins++; };
  couche.dessiner(fauxContexte(matrice(1, 1, 0, 0)), 800, 600, "", dessiner, true);
  const ctx = fauxContexte(matrice(0.5, 0.5, 200, 100));  // dézoom et déplacement, canevas rétréci
  assert.equal(couche.dessiner(ctx, 500, 600, "", dessiner, true), "apercu");
  assert.equal(dessins, 1);
  const pose = ctx.appels.find((a) => a[0] === "setTransform");
  assert.deepEqual(pose.slice(1), [0.5, 0, 0, 0.5, 200, 100]);  // nouvelle × inverse(ancienne = identité)
  assert.deepEqual(ctx.appels.find((a) => a[0] === "drawImage").slice(1), [f.crees[0], 0, 0]);
  // sans permission d'aperçu (la page fait refaire), ou si les données ont changé : refaite
  assert.equal(couche.dessiner(ctx, 500, 600, "", dessiner, false), "refaite");
  assert.equal(dessins, 2);
  couche.invalider();
  assert.equal(couche.dessiner(fauxContexte(matrice(2, 2, 0, 0)), 500, 600, "", dessiner, true), "refaite");
  assert.equal(couche.dessiner(fauxContexte(matrice(2, 2, 0, 0)), 500, 600, "9/", dessiner, true), "refaite");  // état
  assert.equal(dessins, 4);
  assert.deepEqual(couche.stats, { refaites: 4, recopiees: 0, apercus: 1 });
});
