// Placement des libellés : reseau/rendu/gabarits/carte/libelles.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const L = require("../../reseau/rendu/gabarits/carte/libelles.js");

const chevauchent = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

test("Grille : une place prise ne l'est qu'une fois ; les bords qui se touchent sont libres", () => {
  const g = L.Grille(10);
  assert.equal(g.libre([0, 0, 5, 5]), true);
  g.ajouter([0, 0, 5, 5]);
  assert.equal(g.libre([4, 4, 8, 8]), false);
  assert.equal(g.libre([5, 0, 9, 5]), true);  // bord commun : pas de chevauchement
  assert.equal(g.libre([-30, -30, 100, 100]), false);  // boîte couvrant plusieurs cases
  assert.equal(g.libre([-12, -12, -6, -6]), true);  // coordonnées négatives
  g.ajouter([-25, -25, -11, -11]);
  assert.equal(g.libre([-12, -12, -6, -6]), false);
});

test("nombrePrincipaux : un nœud sur dix, de 10 à 40", () => {
  assert.equal(L.nombrePrincipaux(0), 10);
  assert.equal(L.nombrePrincipaux(50), 10);
  assert.equal(L.nombrePrincipaux(112), 12);
  assert.equal(L.nombrePrincipaux(401), 40);
  assert.equal(L.nombrePrincipaux(100000), 40);
});

test("priorite : les plus gros d'abord, puis les plus reliés", () => {
  const noeuds = [{ id: "p", size: 5 }, { id: "g", size: 20 }, { id: "m1", size: 10 }, { id: "m2", size: 10 }];
  const adj = new Map([["p", []], ["g", []], ["m1", [1]], ["m2", [1, 2]]]);
  assert.deepEqual(L.priorite(noeuds, adj), ["g", "m2", "m1", "p"]);
  assert.deepEqual(noeuds.map((n) => n.id), ["p", "g", "m1", "m2"]);  // l'entrée n'est pas triée sur place
});

function reglages(autres) {
  return Object.assign({ echelle: 1, rect: { x0: 0, y0: 0, x1: 1000, y1: 800 }, taillePx: 12, principaux: 10,
    max: 400, seuilPx: 6, selection: null, largeur: () => 40 }, autres);
}

test("placer : sous le nœud, sinon au-dessus, sinon rien ; jamais deux libellés l'un sur l'autre", () => {
  // trois nœuds au même endroit : le premier dessous, le second dessus, le troisième sans place
  const pos = { a: { x: 100, y: 100, taille: 10 }, b: { x: 100, y: 100, taille: 10 }, c: { x: 100, y: 100, taille: 10 } };
  const places = L.placer(["a", "b", "c"], (id) => pos[id], reglages());
  assert.deepEqual(places.map((p) => p.id), ["a", "b"]);
  assert.equal(places[0].y, 100 + 10 + 2);  // sous le disque, à 2 px
  assert.deepEqual(places[0].boite, [100 - 22, 112, 100 + 22, 112 + 12 * 1.15]);  // (40 + 4) px de large
  assert.ok(places[1].y + 12 * 1.15 <= 100 - 10);  // au-dessus du disque
  assert.ok(!chevauchent(places[0].boite, places[1].boite));
});

test("placer : évite les étiquettes déjà posées (marqueurs des lieux, geo.js)", () => {
  const pos = { a: { x: 100, y: 100, taille: 10 } };
  const occupee = [90, 112, 110, 120];  // juste sous le disque : le libellé passe au-dessus
  const places = L.placer(["a"], (id) => pos[id], reglages({ occupees: [occupee] }));
  assert.ok(places[0].y < 100 && !chevauchent(places[0].boite, occupee));
  assert.equal(L.placer(["a"], (id) => pos[id], reglages({ occupees: [occupee, [90, 70, 110, 90]] })).length, 0);
});

test("placer : à l'échelle 2, tailles divisées par deux (taille constante à l'écran)", () => {
  const places = L.placer(["a"], () => ({ x: 0, y: 0, taille: 4 }), reglages({ echelle: 2, rect: { x0: -100, y0: -100, x1: 100, y1: 100 } }));
  assert.deepEqual(places[0].boite, [-11, 5, 11, 5 + 6 * 1.15]);
});

test("placer : nœuds masqués, hors champ, trop petits, au-delà du maximum", () => {
  const pos = {
    masque: null,
    loin: { x: 5000, y: 5000, taille: 10 },
    grand: { x: 100, y: 100, taille: 10 },
    petit: { x: 600, y: 100, taille: 2 },
  };
  const ordre = ["masque", "loin", "grand", "petit"];
  // un seul principal : le petit (2 px < 6 px à l'écran) n'a pas de libellé
  assert.deepEqual(L.placer(ordre, (id) => pos[id], reglages({ principaux: 1 })).map((p) => p.id), ["grand"]);
  // principal ou sélectionné : libellé même petit
  assert.deepEqual(L.placer(ordre, (id) => pos[id], reglages({ principaux: 2 })).map((p) => p.id), ["grand", "petit"]);
  assert.deepEqual(L.placer(ordre, (id) => pos[id], reglages({ principaux: 1, selection: "petit" })).map((p) => p.id),
    ["grand", "petit"]);
  assert.deepEqual(L.placer(ordre, (id) => pos[id], reglages({ max: 1 })).map((p) => p.id), ["grand"]);
  assert.deepEqual(L.placer([], (id) => pos[id], reglages()), []);
});

test("placer : un libellé secondaire ne couvre pas un autre nœud, un principal si", () => {
  // b, juste sous a, occupe la place du libellé de a ; au-dessus de a, la place est libre
  const pos = { a: { x: 100, y: 100, taille: 8 }, b: { x: 100, y: 125, taille: 8 } };
  const secondaire = L.placer(["a", "b"], (id) => pos[id], reglages({ principaux: 0 }));
  assert.equal(secondaire[0].id, "a");
  assert.ok(secondaire[0].y < 100);  // reporté au-dessus
  const principal = L.placer(["a", "b"], (id) => pos[id], reglages({ principaux: 1 }));
  assert.equal(principal[0].y, 110);  // dessous, sur le disque de b
});

test("placer : cent nœuds en grappe, aucun chevauchement de libellés", () => {
  const pos = {};
  const ordre = [];
  for (let i = 0; i < 100; i++) { pos["n" + i] = { x: (i * 37) % 300, y: (i * 53) % 200, taille: 3 + (i % 7) }; ordre.push("n" + i); }
  const places = L.placer(ordre, (id) => pos[id], reglages({ largeur: (id) => 20 + id.length * 6 }));
  assert.ok(places.length >= 10);
  for (let i = 0; i < places.length; i++) {
    for (let j = i + 1; j < places.length; j++) assert.ok(!chevauchent(places[i].boite, places[j].boite), places[i].id + "/" + places[j].id);
  }
});
