// Recherche de la carte : reseau/rendu/gabarits/carte/recherche.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const R = require("../../reseau/rendu/gabarits/carte/recherche.js");

const NOEUDS = [
  { id: "gesq", nom: "Groupe d'économie solidaire du Québec", sigle: "GESQ" },
  { id: "ce", nom: "Chantier de l'économie sociale", sigle: "CÉ" },
  { id: "ripess", nom: "RIPESS", sigle: "RIPESS" },
  { id: "ripess-eu", nom: "RIPESS Europe", sigle: "RIPESS-EU" },
  { id: "coop", nom: "Économie coopérative", sigle: "" },
  { id: "sans", libelle: "Sans nom (libellé)" },
];
const index = R.indexer(NOEUDS);

test("indexer : nom (ou libellé) et sigle normalisés", () => {
  assert.deepEqual(index[1], { id: "ce", nom: "chantier de l'economie sociale", sigle: "ce" });
  assert.deepEqual(index[5], { id: "sans", nom: "sans nom (libelle)", sigle: "" });
});

test("chercher : sans accents ni casse, sur le nom et le sigle", () => {
  assert.deepEqual(R.chercher(index, "GESQ"), ["gesq"]);
  assert.deepEqual(R.chercher(index, "gesq"), ["gesq"]);
  assert.deepEqual(R.chercher(index, "QUEBEC"), ["gesq"]);
  assert.deepEqual(R.chercher(index, "québec"), ["gesq"]);
  assert.deepEqual(R.chercher(index, "libellé"), ["sans"]);
});

test("chercher : rangs (sigle exact, nom exact, débuts, contenu), puis ordre du nom", () => {
  // « ripess » : sigle exact de ripess (rang 0), début du sigle de ripess-eu (rang 2)
  assert.deepEqual(R.chercher(index, "ripess"), ["ripess", "ripess-eu"]);
  assert.deepEqual(R.chercher(index, "Cé"), ["ce"]);  // sigle exact, sans accent ni casse
  // « ti » contenu dans deux noms (rang 4) : par ordre alphabétique du nom normalisé
  assert.deepEqual(R.chercher(index, "TI"), ["ce", "coop"]);
  // nom exact (rang 1) avant début de sigle (rang 2)
  const j = R.indexer([{ id: "b", nom: "Zeta", sigle: "ALPHA-Z" }, { id: "a", nom: "Alpha", sigle: "AL" }]);
  assert.deepEqual(R.chercher(j, "alpha"), ["a", "b"]);
  // « economie » : début du nom de coop (rang 3) avant les noms qui le contiennent (rang 4), triés
  assert.deepEqual(R.chercher(index, "economie"), ["coop", "ce", "gesq"]);
  assert.deepEqual(R.chercher(index, "eu"), ["ripess-eu"]);  // contenu dans le sigle seulement
});

test("chercher : texte vide, blanc ou absent → aucun résultat ; espaces autour rognés", () => {
  assert.deepEqual(R.chercher(index, ""), []);
  assert.deepEqual(R.chercher(index, "   "), []);
  assert.deepEqual(R.chercher(index, null), []);
  assert.deepEqual(R.chercher(index, "  gesq  "), ["gesq"]);
  assert.deepEqual(R.chercher(index, "zzz"), []);
  assert.deepEqual(R.chercher([], "gesq"), []);
});

test("chercher : les caractères spéciaux sont du texte, pas une expression", () => {
  const i = R.indexer([{ id: "x", nom: "<img src=x onerror=alert(1)>" }, { id: "p", nom: "a.b (c)" }]);
  assert.deepEqual(R.chercher(i, "img src"), ["x"]);
  assert.deepEqual(R.chercher(i, "(c)"), ["p"]);
  assert.deepEqual(R.chercher(i, "a.*"), []);
});
