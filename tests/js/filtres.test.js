// Filtres de la carte : reseau/rendu/gabarits/carte/filtres.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const F = require("../../reseau/rendu/gabarits/carte/filtres.js");

const FILTRES = [
  { cle: "echelle", valeurs: [{ valeur: "locale" }, { valeur: "nationale" }, { valeur: "" }] },
  { cle: "pays", valeurs: [{ valeur: "SN" }, { valeur: "CA" }] },
  { cle: "type_lien", valeurs: [{ valeur: "adhesion" }, { valeur: "cooperation" }] },
];
const NOEUDS = [
  { id: "a", echelle: "locale", pays: "SN" },
  { id: "b", echelle: "nationale", pays: "CA" },
  { id: "c", pays: "SN" },  // échelle absente : valeur ""
];

test("actifsInitiaux : tout coché", () => {
  const actifs = F.actifsInitiaux(FILTRES);
  assert.deepEqual(Object.keys(actifs), ["echelle", "pays", "type_lien"]);
  assert.deepEqual([...actifs.echelle], ["locale", "nationale", ""]);
  assert.deepEqual([...F.visibles(NOEUDS, actifs)], ["a", "b", "c"]);
});

test("noeudVisible : chaque filtre présent doit cocher la valeur du nœud", () => {
  const actifs = F.actifsInitiaux(FILTRES);
  F.cocher(actifs, "echelle", "locale", false);
  assert.equal(F.noeudVisible(NOEUDS[0], actifs), false);
  assert.equal(F.noeudVisible(NOEUDS[1], actifs), true);
  F.cocher(actifs, "echelle", "", false);  // la valeur vide se filtre comme les autres
  assert.equal(F.noeudVisible(NOEUDS[2], actifs), false);
  F.cocher(actifs, "echelle", "", true);
  F.cocher(actifs, "pays", "SN", false);
  assert.deepEqual([...F.visibles(NOEUDS, actifs)], ["b"]);
  // un filtre absent des données (nord_sud, type) ne masque rien
  assert.equal(F.noeudVisible({ id: "d", echelle: "nationale", pays: "CA", nord_sud: "sud", type: "ong" }, actifs), true);
});

test("lienVisible : deux bouts visibles et au moins un type coché", () => {
  const actifs = F.actifsInitiaux(FILTRES);
  const visibles = new Set(["a", "b"]);
  const lien = { from: "a", to: "b", types: { adhesion: 1, cooperation: 2 } };
  assert.equal(F.lienVisible(lien, visibles, actifs), true);
  assert.equal(F.lienVisible({ from: "a", to: "c", types: { adhesion: 1 } }, visibles, actifs), false);
  assert.equal(F.lienVisible({ from: "c", to: "a", types: { adhesion: 1 } }, visibles, actifs), false);
  F.cocher(actifs, "type_lien", "adhesion", false);
  assert.equal(F.lienVisible(lien, visibles, actifs), true);  // la coopération reste cochée
  F.cocher(actifs, "type_lien", "cooperation", false);
  assert.equal(F.lienVisible(lien, visibles, actifs), false);
  assert.equal(F.lienVisible({ from: "a", to: "b", types: {} }, visibles, F.actifsInitiaux(FILTRES)), false);
});

test("cocher : ajoute ou retire, sans doublon", () => {
  const actifs = { pays: new Set(["SN"]) };
  F.cocher(actifs, "pays", "SN", true);
  F.cocher(actifs, "pays", "CA", true);
  assert.deepEqual([...actifs.pays], ["SN", "CA"]);
  F.cocher(actifs, "pays", "SN", false);
  F.cocher(actifs, "pays", "ZZ", false);
  assert.deepEqual([...actifs.pays], ["CA"]);
});
