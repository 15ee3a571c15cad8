// Image PNG de la vue : reseau/rendu/gabarits/carte/image.js, dessinée dans un faux contexte 2D qui note tout.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const I = require("../../reseau/rendu/gabarits/carte/image.js");

function fauxContexte() {
  const appels = [];
  const etat = {};
  const ctx = new Proxy(etat, {
    get(cible, nom) {
      if (nom === "measureText") return (t) => ({ width: String(t).length * 7 });
      if (nom in cible) return cible[nom];
      return (...args) => appels.push([nom, ...args]);
    },
    set(cible, nom, valeur) { cible[nom] = valeur; appels.push(["=" + nom, valeur]); return true; },
  });
  return { ctx, appels };
}

const LEGENDE = { titre: "Échelle", entrees: Array.from({ length: 20 }, (_, i) => ({ couleur: "#00000" + (i % 10), libelle: "entrée " + i })) };

test("dimensions : en-tête de 56 px CSS à l'échelle de l'appareil", () => {
  assert.deepEqual(I.dimensions(1000, 800, 1000), { ratio: 1, entete: 56, largeur: 1000, hauteur: 856 });
  assert.deepEqual(I.dimensions(2000, 1600, 1000), { ratio: 2, entete: 112, largeur: 2000, hauteur: 1712 });
  assert.equal(I.dimensions(300, 200, 0).ratio, 300);  // conteneur de largeur nulle : pas de division par zéro
  assert.equal(I.dimensions(1001, 10, 1000).entete, 56);  // arrondi
});

test("lignesLegende : le titre puis au plus 14 entrées", () => {
  const lignes = I.lignesLegende(LEGENDE);
  assert.equal(lignes.length, 15);
  assert.deepEqual(lignes[0], [null, "Échelle"]);
  assert.deepEqual(lignes[14], ["#000003", "entrée 13"]);
  assert.deepEqual(I.lignesLegende({ titre: "T", entrees: [] }), [[null, "T"]]);
});

test("composer : fond, vue sous l'en-tête, titres, légende en bas à gauche", () => {
  const { ctx, appels } = fauxContexte();
  const dim = I.dimensions(2000, 1600, 1000);
  const source = { nom: "canevas" };
  I.composer(ctx, source, dim, { titre: "Mon <titre>", sousTitre: "Données : x", legende: LEGENDE, police: "sans-serif" });
  const noms = appels.map((a) => a[0]);
  assert.deepEqual(appels.find((a) => a[0] === "fillRect"), ["fillRect", 0, 0, 2000, 1712]);
  assert.deepEqual(appels.find((a) => a[0] === "drawImage"), ["drawImage", source, 0, 112]);
  const textes = appels.filter((a) => a[0] === "fillText");
  assert.deepEqual(textes[0], ["fillText", "Mon <titre>", 28, 16]);
  assert.deepEqual(textes[1], ["fillText", "Données : x", 28, 68]);
  assert.equal(textes.length, 2 + 15);
  assert.deepEqual(textes.slice(2).map((a) => a[1]), I.lignesLegende(LEGENDE).map((l) => l[1]));
  assert.equal(noms.filter((n) => n === "arc").length, 14);  // une pastille par entrée, pas pour le titre
  // la légende tient dans l'image, dans l'ordre, la dernière ligne à 14 px CSS du bas
  const h = 17 * 2;
  const y0 = 1712 - 15 * h - 28;
  assert.deepEqual(textes.slice(2).map((a) => a[3]), Array.from({ length: 15 }, (_, i) => y0 + i * h));
  assert.ok(y0 > 112);
  assert.ok(appels.some((a) => a[0] === "=font" && a[1] === "600 38px sans-serif"));  // titre : 19 px CSS
  // cadre de la légende : large comme la plus longue ligne (« entrée 10 » : 9 × 7) plus les marges
  assert.deepEqual(appels.filter((a) => a[0] === "fillRect")[1], ["fillRect", 16, y0 - 12, 9 * 7 + 68, 15 * h + 20]);
});
