// Fonctions pures de la carte : reseau/rendu/gabarits/carte/outils.js (node --test tests/js/*.test.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const O = require("../../reseau/rendu/gabarits/carte/outils.js");

test("normaliser : sans accents ni casse, vides tolérés", () => {
  assert.equal(O.normaliser("Économie SOLIDAIRE du Québec"), "economie solidaire du quebec");
  assert.equal(O.normaliser("Ñandutí Çà"), "nanduti ca");
  assert.equal(O.normaliser("e\u0301te\u0301"), "ete");  // accents déjà décomposés
  assert.equal(O.normaliser(""), "");
  assert.equal(O.normaliser(null), "");
  assert.equal(O.normaliser(undefined), "");
  assert.equal(O.normaliser(0), "");  // comme la page : une valeur fausse compte pour vide
  assert.equal(O.normaliser("  RIPESS  "), "  ripess  ");  // les espaces restent (rognés par la recherche)
});

test("remplir : clés connues remplacées, clés inconnues laissées", () => {
  assert.equal(O.remplir("{n} organisations, {m} partenariats", { n: 3, m: "1 200" }), "3 organisations, 1 200 partenariats");
  assert.equal(O.remplir("et {n} autres ({x})", { n: 0 }), "et 0 autres ({x})");
  assert.equal(O.remplir("{n}{n}", { n: "a" }), "aa");
  assert.equal(O.remplir("sans modèle", {}), "sans modèle");
});

test("periode : bornes, bornes manquantes, année seule", () => {
  const depuis = "depuis {debut}";
  assert.equal(O.periode(2006, 2009, depuis), "2006–2009");
  assert.equal(O.periode(2006, 2006, depuis), "2006");
  assert.equal(O.periode(2006, null, depuis), "depuis 2006");
  assert.equal(O.periode(2006, undefined, "since {debut}"), "since 2006");
  assert.equal(O.periode(null, 2009, depuis), "…–2009");
  assert.equal(O.periode(undefined, 2009, depuis), "…–2009");
  assert.equal(O.periode(null, null, depuis), "");
  assert.equal(O.periode(undefined, undefined, depuis), "");
  // années hors des bornes habituelles : rendues telles quelles, même à l'envers
  assert.equal(O.periode(1850, 2100, depuis), "1850–2100");
  assert.equal(O.periode(2010, 2001, depuis), "2010–2001");
});

test("formateur et valeurMesure : oui/non, kilomètres arrondis, trois décimales", () => {
  const textes = { oui: "oui", non: "non" };
  const en = O.formateur("en");
  assert.equal(O.valeurMesure("point_articulation", true, textes, en), "oui");
  assert.equal(O.valeurMesure("point_articulation", false, textes, en), "non");
  assert.equal(O.valeurMesure("portee_km", 1234.56, textes, en), "1,235");
  assert.equal(O.valeurMesure("portee_km", 0.4, textes, en), "0");
  assert.equal(O.valeurMesure("pagerank", 0.123456, textes, en), "0.123");
  assert.equal(O.valeurMesure("degre", 12, textes, en), "12");
  assert.equal(O.valeurMesure("intermediarite", 0, textes, en), "0");
  const fr = O.formateur("fr");
  assert.equal(O.valeurMesure("pagerank", 1234.5678, textes, fr), "1\u202f234,568");  // espace fine insécable
  assert.equal(O.valeurMesure("portee_km", 15049.7, textes, fr), "15\u202f050");
});

test("traducteurs : vocabulaire et pays, repli sur le code puis sur « non précisé »", () => {
  const { vocab, nomPays } = O.traducteurs({ locale: "locale", nord: "Nord" }, { SN: "Sénégal" }, "non précisé");
  assert.equal(vocab("locale"), "locale");
  assert.equal(vocab("inconnu"), "inconnu");
  assert.equal(vocab(""), "non précisé");
  assert.equal(vocab(undefined), "non précisé");
  assert.equal(nomPays("SN"), "Sénégal");
  assert.equal(nomPays("ZZ"), "ZZ");
  assert.equal(nomPays(null), "non précisé");
});

test("nomAffiche : « SIGLE — Nom » seulement si le sigle diffère", () => {
  assert.equal(O.nomAffiche({ sigle: "GESQ", nom: "Groupe d'économie solidaire du Québec" }),
    "GESQ — Groupe d'économie solidaire du Québec");
  assert.equal(O.nomAffiche({ sigle: "RIPESS", nom: "RIPESS" }), "RIPESS");
  assert.equal(O.nomAffiche({ nom: "Coop" }), "Coop");
  assert.equal(O.nomAffiche({ sigle: "X", libelle: "Libellé" }), "Libellé");  // sans nom : le libellé
});

test("lieu : sans vides ni doublons, pays traduit", () => {
  const nomPays = (c) => ({ SN: "Sénégal" })[c] || c || "";
  assert.equal(O.lieu({ ville: "Dakar", region: "Dakar", pays: "SN" }, nomPays), "Dakar, Sénégal");
  assert.equal(O.lieu({ ville: "", region: "Thiès", pays: "SN" }, nomPays), "Thiès, Sénégal");
  assert.equal(O.lieu({}, nomPays), "");
});

test("adresseWeb : http(s) seulement, normalisée ; le reste refusé", () => {
  assert.equal(O.adresseWeb("https://example.org"), "https://example.org/");
  assert.equal(O.adresseWeb("http://exemple.fr/é?q=1"), "http://exemple.fr/%C3%A9?q=1");
  assert.equal(O.adresseWeb("javascript:alert(1)"), null);
  assert.equal(O.adresseWeb("JavaScript:alert(1)"), null);
  assert.equal(O.adresseWeb("data:text/html,<b>x</b>"), null);
  assert.equal(O.adresseWeb("ftp://example.org"), null);
  assert.equal(O.adresseWeb("example.org"), null);
  assert.equal(O.adresseWeb(""), null);
  assert.equal(O.estAdresse("https://a.b"), true);
  assert.equal(O.estAdresse("Rapport annuel 2019, http://a.b"), false);
});

test("infobulle : nom (sigle), échelle et pays ; effectif pour un groupe", () => {
  const x = { agregat: false, textes: {}, nombres: O.formateur("fr"), vocab: (v) => "« " + v + " »", nomPays: (c) => "pays " + c };
  assert.equal(O.infobulle({ nom: "Réseau", sigle: "R", echelle: "locale", pays: "SN" }, x), "Réseau (R)\n« locale », pays SN");
  assert.equal(O.infobulle({ nom: "R", sigle: "R", pays: "SN" }, x), "R\npays SN");
  assert.equal(O.infobulle({ libelle: "<img src=x>" }, x), "<img src=x>");  // ligne vide retirée, texte brut
  const g = { agregat: true, textes: { n_organisations: "{n} organisations" }, nombres: O.formateur("fr") };
  assert.equal(O.infobulle({ nom: "Sénégal", effectif: 1234 }, g), "Sénégal\n1\u202f234 organisations");
});

test("couleurs : chaîne ou objet, bord de surbrillance sombre", () => {
  assert.deepEqual(O.couleurs("#aabbcc", { "#aabbcc": "#556677" }), {
    background: "#aabbcc", border: "#556677",
    highlight: { background: "#aabbcc", border: "#222222" }, hover: { background: "#aabbcc", border: "#222222" },
  });
  const c = O.couleurs({ background: "#eeeeee", border: "#123456" }, {});
  assert.equal(c.background, "#eeeeee");
  assert.equal(c.border, "#123456");
  assert.equal(c.hover.background, "#eeeeee");
});

test("adjacence : chaque lien vu des deux bouts, avec son sens", () => {
  const liens = [{ id: 0, from: "a", to: "b" }, { id: 1, from: "c", to: "a" }];
  const a = O.adjacence([{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }], liens);
  assert.deepEqual(a.get("a").map((v) => [v.autre, v.sens, v.lien.id]), [["b", 1, 0], ["c", -1, 1]]);
  assert.deepEqual(a.get("b").map((v) => [v.autre, v.sens]), [["a", -1]]);
  assert.deepEqual(a.get("d"), []);
});
