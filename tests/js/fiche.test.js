// Contenu de la fiche : reseau/rendu/gabarits/carte/fiche.js (description sans DOM).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const O = require("../../reseau/rendu/gabarits/carte/outils.js");
const FI = require("../../reseau/rendu/gabarits/carte/fiche.js");

const T = {
  type: "Type", echelle: "Échelle", lieu: "Lieu", position: "Position", nord_sud: "Nord / Sud", site_web: "Site web",
  mesures: "Mesures clés", mesure_degre: "Partenaires", mesure_point_articulation: "Point d'articulation",
  partenaires: "Partenaires ({n})", aucun_partenaire: "Aucun partenaire", sources: "Sources", depuis: "depuis {debut}",
  et_autres: "et {n} autres", oui: "oui", non: "non", precision_ville: "ville", precision_pays: "pays (approximative)",
  effectif: "Organisations", liens_internes: "Partenariats internes", repartition: "Répartition", membres: "Membres",
  n_partenariats: "{n} partenariats",
};

/** Texte visible d'un élément décrit (comme innerText, sans mise en page). */
function texte(x, parId) {
  if (x === null || typeof x !== "object") return String(x);
  if (x.organisation !== undefined) return O.nomAffiche(parId.get(x.organisation));
  if (x.lien !== undefined) return x.t;
  return (x.t == null ? "" : String(x.t)) + x.e.map((e) => texte(e, parId)).join("");
}
function trouver(blocs, balise) { return blocs.filter((b) => b.b === balise); }

function contexte(noeuds, liens, autres) {
  const parId = new Map(noeuds.map((n) => [n.id, n]));
  const { vocab, nomPays } = O.traducteurs({ reseau: "réseau", locale: "locale", nord: "Nord", cooperation: "coopération",
    adhesion: "adhésion" }, { SN: "Sénégal", CA: "Canada" }, "non précisé");
  return Object.assign({ agregat: false, textes: T, nombres: O.formateur("fr"), vocab, nomPays, parId,
    adjacence: O.adjacence(noeuds, liens), chaines: ["https://example.org/projet", "Rapport 2019", "javascript:alert(1)"],
    mesures: ["degre", "point_articulation", "degre"], disposition: "force" }, autres);
}

const NOEUDS = [
  { id: "dkr", nom: "Réseau dakarois", sigle: "RDES", libelle: "RDES", type: "reseau", echelle: "locale", ville: "Dakar",
    pays: "SN", nord_sud: "", site_web: "javascript:alert(1)", description: "<b>texte</b>", reference: 1,
    mesures: { degre: 2, point_articulation: true, pagerank: 0.5 } },
  { id: "mtl", nom: "Coop Montréal", sigle: "COOP", libelle: "COOP-MTL", pays: "CA" },
  { id: "intl", nom: "Réseau international", libelle: "RI", site_web: "https://ri.example.org" },
];
const LIENS = [
  // détail : [sens, type, début, fin, _, source]
  { id: 0, from: "dkr", to: "mtl", types: { cooperation: 2 }, details: [[1, "cooperation", 2006, 2009, null, 0], [0, "cooperation", null, 2012, null, null]] },
  { id: 1, from: "intl", to: "dkr", types: { adhesion: 1 }, details: [[1, "adhesion", 2015, null, null, 2]] },
];

test("fiche d'une organisation : titre, sigle, définitions, description, mesures sans doublon", () => {
  const x = contexte(NOEUDS, LIENS);
  const blocs = FI.contenu(NOEUDS[0], x);
  assert.deepEqual(blocs.slice(0, 2).map((b) => [b.b, b.t, b.c]), [["h2", "Réseau dakarois", undefined], ["p", "RDES", "sigle"]]);
  const dl = trouver(blocs, "dl")[0];
  assert.deepEqual(dl.e.map((e) => e.b), ["dt", "dd", "dt", "dd", "dt", "dd", "dt", "dd"]);  // nord_sud vide : omis
  assert.deepEqual(dl.e.filter((e) => e.b === "dt").map((e) => e.t), ["Type", "Échelle", "Lieu", "Site web"]);
  assert.equal(dl.e[5].t, "Dakar, Sénégal");
  assert.deepEqual(dl.e[7].e, ["javascript:alert(1)"]);  // adresse refusée : du texte, pas un lien
  assert.equal(dl.e[7].t, undefined);
  assert.ok(blocs.some((b) => b.b === "p" && b.t === "<b>texte</b>"));  // la description reste du texte
  const mesures = trouver(blocs, "dl")[1];
  assert.deepEqual(mesures.e.map((e) => e.t), ["Partenaires", "2", "Point d'articulation", "oui"]);
});

test("partenaires groupés par type, sens et périodes ; sources sans doublon", () => {
  const blocs = FI.contenu(NOEUDS[0], contexte(NOEUDS, LIENS));
  const x = contexte(NOEUDS, LIENS);
  assert.deepEqual(trouver(blocs, "h3").map((b) => b.t), ["Mesures clés", "Partenaires (2)", "Sources"]);
  assert.deepEqual(trouver(blocs, "h4").map((b) => b.t), ["adhésion (1)", "coopération (1)"]);  // à égalité : ordre du nom
  const [adhesion, cooperation, sources] = trouver(blocs, "ul");
  assert.equal(texte(cooperation, x.parId), "COOP — Coop MontréalRDES → COOP-MTL · 2006–2009 ; …–2012");
  assert.equal(texte(adhesion, x.parId), "Réseau internationalRI → RDES · depuis 2015");
  assert.deepEqual(cooperation.e[0].e[0], { organisation: "mtl" });
  assert.equal(sources.c, "sources");
  // source de la fiche, puis des partenariats ; l'adresse web devient un lien, le reste du texte
  assert.deepEqual(sources.e.map((li) => li.e[0]), ["Rapport 2019", { lien: "https://example.org/projet", t: "https://example.org/projet" }, "javascript:alert(1)"]);
});

test("sens vu de l'autre bout et organisation sans partenaire", () => {
  const x = contexte(NOEUDS, LIENS);
  const blocs = FI.contenu(NOEUDS[1], x);
  assert.equal(texte(trouver(blocs, "ul")[0], x.parId), "RDES — Réseau dakaroisRDES → COOP-MTL · 2006–2009 ; …–2012");
  const seul = { id: "seul", nom: "Seul", libelle: "Seul" };
  const y = contexte([seul], []);
  const b = FI.contenu(seul, y);
  assert.deepEqual(b.map((e) => [e.b, e.t]), [["h2", "Seul"], ["dl", undefined], ["h3", "Partenaires (0)"], ["p", "Aucun partenaire"]]);
  // type, échelle et lieu inconnus : « non précisé » ; rien d'autre
  assert.deepEqual(b[1].e.map((e) => e.t), ["Type", "non précisé", "Échelle", "non précisé", "Lieu", "non précisé"]);
});

test("position approximative signalée ; lien web sûr ; au plus 60 partenaires par type", () => {
  const centre = { id: "c", nom: "Centre", libelle: "C", precision: "pays", site_web: "https://ri.example.org" };
  const autres = [];
  const liens = [];
  for (let i = 0; i < 65; i++) {
    autres.push({ id: "o" + i, nom: "Org " + i, libelle: "O" + i });
    liens.push({ id: i, from: "c", to: "o" + i, types: { adhesion: 1 }, details: [[0, "adhesion", null, null, null, null]] });
  }
  const x = contexte([centre, ...autres], liens, { disposition: "geographique" });
  const blocs = FI.contenu(centre, x);
  const dl = trouver(blocs, "dl")[0];
  const position = dl.e[dl.e.findIndex((e) => e.t === "Position") + 1];
  assert.deepEqual([position.t, position.c], ["pays (approximative)", "approximative"]);
  assert.deepEqual(dl.e[dl.e.length - 1].e, [{ lien: "https://ri.example.org/", t: "https://ri.example.org" }]);
  const ul = trouver(blocs, "ul")[0];
  assert.equal(ul.e.length, 61);
  assert.deepEqual([ul.e[60].t, ul.e[60].c], ["et 5 autres", "note"]);
  assert.equal(ul.e[0].e.length, 1);  // ni sens ni période : pas de précision
  assert.equal(trouver(blocs, "h3").find((b) => b.t.startsWith("Partenaires")).t, "Partenaires (65)");
});

test("fiche d'un groupe : effectif, répartition triée, membres et partenariats comptés", () => {
  const groupe = { id: "g:SN", nom: "Sénégal", libelle: "Sénégal", effectif: 1234, liens_internes: 7,
    repartition: { locale: 2, reseau: 5 }, membres: ["A", "B"] };
  const autre = { id: "g:CA", nom: "Canada", libelle: "Canada", effectif: 2, liens_internes: 0, repartition: {}, membres: ["C", "D"] };
  const liens = [{ id: 0, from: "g:SN", to: "g:CA", types: { cooperation: 3 } }];
  const x = contexte([groupe, autre], liens, { agregat: true });
  const blocs = FI.contenu(groupe, x);
  assert.deepEqual(trouver(blocs, "dl")[0].e.map((e) => e.t),
    ["Organisations", "1\u202f234", "Partenariats internes", "7", "Répartition", "réseau 5, locale 2"]);
  const [membres, partenaires] = trouver(blocs, "ul");
  assert.deepEqual(membres.e.map((e) => e.t), ["A", "B", "et 1232 autres"]);
  assert.equal(texte(partenaires, x.parId), "Canada3 partenariats");
  assert.deepEqual(trouver(FI.contenu(autre, x), "ul")[0].e.map((e) => e.t), ["C", "D"]);  // effectif atteint : pas de « et autres »
});
