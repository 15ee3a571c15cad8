// Frise de la carte : reseau/rendu/gabarits/carte/frise.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const FR = require("../../reseau/rendu/gabarits/carte/frise.js");

// details : [sens, type, debut, fin, description, source]
const LIENS = [
  { id: 0, from: "a", to: "b", details: [[0, "adhesion", null, null, null, null]] },           // sans date : toujours
  { id: 1, from: "b", to: "c", details: [[0, "evenement", 1997, 1997, null, null]] },
  { id: 2, from: "c", to: "d", details: [[1, "cooperation", 2001, 2003, null, null], [0, "evenement", 2005, null, null, null]] },
  { id: 3, from: "d", to: "e", details: [[0, "formation", null, 1990, null, null]] },          // sans début, fini en 1990
];

test("bornes : plus ancienne et plus récente des années, null sans année", () => {
  assert.deepEqual(FR.bornes(LIENS), { min: 1990, max: 2005 });
  assert.equal(FR.bornes([LIENS[0]]), null);
  assert.equal(FR.bornes([]), null);
  assert.equal(FR.bornes([{ id: 9, from: "x", to: "y", types: { autre: 3 } }]), null);  // vue agrégée : pas de détail
});

test("rencontres : années des partenariats de type evenement", () => {
  assert.deepEqual(FR.rencontres(LIENS), [1997, 2005]);
});

test("actif et existe : la règle de --annee et celle du cumul", () => {
  assert.equal(FR.actif([null, null], 1900), true);
  assert.equal(FR.actif([2001, 2003], 2003), true);
  assert.equal(FR.actif([2001, 2003], 2004), false);
  assert.equal(FR.actif([null, 1990], 1985), true);
  assert.equal(FR.actif([null, 1990], 1991), false);
  assert.equal(FR.existe([2001, 2003], 2010), true);
  assert.equal(FR.existe([2001, 2003], 2000), false);
});

test("etat actif : liens actifs, organisations qui en ont, partenariats comptés un par un", () => {
  const index = FR.indexer(LIENS);
  const e1985 = FR.etat(index, 1985, "actif");
  assert.deepEqual([...e1985.liens].sort(), [0, 3]);
  assert.deepEqual([...e1985.organisations].sort(), ["a", "b", "d", "e"]);
  assert.equal(e1985.partenariats, 2);
  const e1997 = FR.etat(index, 1997, "actif");
  assert.deepEqual([...e1997.liens].sort(), [0, 1]);
  assert.deepEqual([...e1997.organisations].sort(), ["a", "b", "c"]);
  const e2005 = FR.etat(index, 2005, "actif");
  assert.deepEqual([...e2005.liens].sort(), [0, 2]);
  assert.equal(e2005.partenariats, 2);  // le lien 2 : seul son second partenariat est actif
  assert.equal(FR.etat(index, 2004, "actif").liens.has(2), false);
});

test("etat cumulé : tout ce qui a commencé, même fini", () => {
  const index = FR.indexer(LIENS);
  const e = FR.etat(index, 2005, "cumule");
  assert.deepEqual([...e.liens].sort(), [0, 1, 2, 3]);
  assert.equal(e.partenariats, 5);
  assert.equal(e.mode, "cumule");
  assert.deepEqual([...FR.etat(index, 1980, "cumule").liens].sort(), [0, 3]);
});

test("suivante : pas à pas jusqu'à la dernière année", () => {
  const b = { min: 1997, max: 1999 };
  assert.equal(FR.suivante(null, b), 1997);
  assert.equal(FR.suivante(1997, b), 1998);
  assert.equal(FR.suivante(1999, b), null);
});

test("etatAnnee et lireAnnee : aller-retour par l'adresse", () => {
  const b = { min: 1990, max: 2005 };
  assert.equal(FR.etatAnnee(null, "actif"), "");
  assert.equal(FR.etatAnnee(2003, "actif"), "2003");
  assert.equal(FR.etatAnnee(2003, "cumule"), "2003-cumule");
  assert.deepEqual(FR.lireAnnee("2003-cumule", b), { annee: 2003, mode: "cumule" });
  assert.deepEqual(FR.lireAnnee("2003", b), { annee: 2003, mode: "actif" });
  assert.deepEqual(FR.lireAnnee("1850", b), { annee: 1990, mode: "actif" });  // ramenée dans les bornes
  assert.equal(FR.lireAnnee("", b), null);
  assert.equal(FR.lireAnnee("abc", b), null);
  assert.equal(FR.lireAnnee("2003", null), null);
  for (const [a, m] of [[1990, "actif"], [2005, "cumule"]]) assert.deepEqual(FR.lireAnnee(FR.etatAnnee(a, m), b), { annee: a, mode: m });
});
