// Cadrage initial de la carte (reseau/rendu/gabarits/carte/vue.js) : le contenu dans la partie libre.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const V = require("../../reseau/rendu/gabarits/carte/vue.js");

/** Position à l'écran (pixels du conteneur) d'un point du canevas, comme vis-network. */
function ecran(c, largeur, hauteur, p) {
  return { x: (p.x - c.x) * c.echelle + largeur / 2, y: (p.y - c.y) * c.echelle + hauteur / 2 };
}

test("cadrage : le contenu tient dans la partie libre, centré, à la marge près", () => {
  const boite = { x0: -500, y0: -200, x1: 1500, y1: 800 };
  const libre = { gauche: 0, haut: 60, droite: 1000, bas: 700 };  // barre d'outils en haut, frise en bas
  const c = V.cadrage(boite, libre, 1000, 800, 10, 1);
  const a = ecran(c, 1000, 800, { x: boite.x0, y: boite.y0 }), b = ecran(c, 1000, 800, { x: boite.x1, y: boite.y1 });
  assert.ok(a.x >= 10 - 1e-9 && b.x <= 990 + 1e-9);
  assert.ok(a.y >= 70 - 1e-9 && b.y <= 690 + 1e-9);
  assert.ok(Math.abs((a.x + b.x) / 2 - 500) < 1e-9 && Math.abs((a.y + b.y) / 2 - 380) < 1e-9);
  assert.ok(Math.abs(b.x - a.x - 980) < 1e-9);  // la largeur limite ici : le contenu la remplit
});

test("cadrage : un petit réseau n'est pas agrandi au-delà du zoom maximal", () => {
  const c = V.cadrage({ x0: 0, y0: 0, x1: 50, y1: 20 }, { gauche: 0, haut: 0, droite: 800, bas: 600 }, 800, 600, 12, 1);
  assert.equal(c.echelle, 1);
  assert.deepEqual([c.x, c.y], [25, 10]);
});

test("cadrage : contenu d'un seul point ou partie libre écrasée, toujours des nombres finis", () => {
  const c = V.cadrage({ x0: 5, y0: 5, x1: 5, y1: 5 }, { gauche: 0, haut: 500, droite: 800, bas: 400 }, 800, 600, 12, 1);
  assert.ok(Number.isFinite(c.echelle) && Number.isFinite(c.x) && Number.isFinite(c.y));
  assert.ok(c.echelle >= V.ZOOM_MIN && c.echelle <= 1);
});
