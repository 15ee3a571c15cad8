// Géographie de la carte : reseau/rendu/gabarits/carte/geo.js (node --test tests/js/*.test.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const G = require("../../reseau/rendu/gabarits/carte/geo.js");

function distMin(points) {
  let d = Infinity;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      d = Math.min(d, Math.hypot(points[i].dx - points[j].dx, points[i].dy - points[j].dy));
  return d;
}

test("projeter : équirectangulaire, le nord en haut (comme disposition.py)", () => {
  assert.deepEqual(G.projeter(-73.6, 45.5, 1000), { x: -73600, y: -45500 });
  assert.deepEqual(G.projeter(0, 0, 12), { x: 0, y: -0 });
  const dakar = G.projeter(-17.4, 14.7, 12);
  assert.ok(Math.abs(dakar.x + 208.8) < 1e-9 && Math.abs(dakar.y + 176.4) < 1e-9);
});

test("eventail : disques jamais confondus, rayon annoncé respecté, à l'écran", () => {
  for (const r of [3, 5, 8, 16]) {
    for (const n of [2, 3, 5, 12, 23, 60, 200]) {
      const e = G.eventail(n, r);
      assert.equal(e.length, n);
      assert.ok(distMin(e) >= 2 * r, `n=${n} r=${r} : ${distMin(e)}`);
      const loin = Math.max(...e.map((p) => Math.hypot(p.dx, p.dy)));
      assert.ok(loin + r <= G.rayonEventail(n, r) + 1e-9);
    }
  }
  assert.deepEqual(G.eventail(1, 8), [{ dx: 0, dy: 0 }]);
  assert.deepEqual(G.eventail(0, 8), []);
});

test("ouvertSeul : petit éventail qui tient s'ouvre ; trop grand ou trop serré reste replié", () => {
  assert.equal(G.ouvertSeul(1, 8, 0), true);
  assert.equal(G.ouvertSeul(3, 6, 1000), true);
  assert.equal(G.ouvertSeul(3, 6, 5), false);  // voisin à 5 px
  assert.equal(G.ouvertSeul(300, 6, Infinity), false);  // au-delà de 55 px du lieu
  // un éventail ouvert seul garde tous ses disques à moins de 60 px du lieu
  for (let n = 2; n < 100; n++) {
    if (!G.ouvertSeul(n, 16, Infinity)) continue;
    assert.ok(G.porteeEventail(n, 16) < 60);
    assert.ok(Math.max(...G.eventail(n, 16).map((p) => Math.hypot(p.dx, p.dy))) <= G.porteeEventail(n, 16) + 1e-9);
  }
  assert.equal(G.ouvertSeul(5, 16, Infinity), true);  // « London (5) » s'ouvre au zoom ville, même en gros disques
});

test("regrouper : un groupe par point, membres du plus gros au plus petit", () => {
  const g = G.regrouper([
    { id: "a", x: 1, y: 2, size: 5 }, { id: "b", x: 1, y: 2, size: 9 }, { id: "c", x: 3, y: 2, size: 5 }, { id: "d" },
  ]);
  assert.deepEqual(g.map((l) => [l.cle, l.membres]), [["1,2", ["b", "a"]], ["3,2", ["c"]]]);
});

test("nomLieu : ville la plus fréquente, puis région, puis pays ; inconnu sans coordonnées", () => {
  const pays = (c) => ({ CA: "Canada" })[c] || c;
  const mtl = { lon: -73.6, lat: 45.5, ville: "Montréal", pays: "CA" };
  assert.equal(G.nomLieu([mtl, mtl, { ...mtl, ville: "Laval" }], pays, "?"), "Montréal");
  assert.equal(G.nomLieu([{ lon: 1, lat: 2, region: "Outaouais", pays: "CA" }], pays, "?"), "Outaouais");
  assert.equal(G.nomLieu([{ lon: 1, lat: 2, pays: "CA" }], pays, "?"), "Canada");
  assert.equal(G.nomLieu([{ ville: "Montréal" }], pays, "Position inconnue"), "Position inconnue");
  assert.equal(G.libelleMarqueur("Montréal", 23), "Montréal (23)");
});

test("distancesVoisins : distance au lieu le plus proche (balayage = force brute)", () => {
  let graine = 7;
  const hasard = () => ((graine = (graine * 16807) % 2147483647) / 2147483647);
  const lieux = Array.from({ length: 300 }, () => ({ x: hasard() * 1000, y: hasard() * 500 }));
  lieux.push({ x: lieux[0].x, y: lieux[0].y + 3 });
  const d = G.distancesVoisins(lieux);
  lieux.forEach((a, i) => {
    const brute = Math.min(...lieux.map((b, j) => (i === j ? Infinity : Math.hypot(a.x - b.x, a.y - b.y))));
    assert.ok(Math.abs(d[i] - brute) < 1e-9);
  });
  assert.deepEqual(G.distancesVoisins([{ x: 0, y: 0 }]), [Infinity]);
});

test("placer : taille constante à l'écran, replié au lieu même ou en éventail près du lieu", () => {
  const noeuds = [];
  for (let k = 0; k < 23; k++) noeuds.push({ id: "m" + k, x: -73600, y: -45500, size: 10, lon: -73.6, lat: 45.5, ville: "Montréal" });
  noeuds.push({ id: "q", x: -71200, y: -46800, size: 10, lon: -71.2, lat: 46.8, ville: "Québec" });
  noeuds.push({ id: "l1", x: -73700, y: -45600, size: 10, lon: -73.7, lat: 45.6, ville: "Laval" });
  noeuds.push({ id: "l2", x: -73700, y: -45600, size: 10, lon: -73.7, lat: 45.6, ville: "Laval" });
  const etat = G.preparer(noeuds, (c) => c, "?");
  const tous = () => true;
  for (const s of [0.003, 0.05, 2]) {
    const p = G.placer(etat, s, tous, null);
    for (const pl of p.places) {
      assert.ok(Math.abs(pl.size * s - 10) < 1e-9);  // 10 px à l'écran, à toute échelle
      const n = noeuds.find((x) => x.id === pl.id);
      const ecartPx = Math.hypot(pl.x - n.x, pl.y - n.y) * s;
      assert.ok(p.replies.has(pl.id) ? ecartPx === 0 : ecartPx < 60, `${pl.id} à ${ecartPx} px (s=${s})`);
    }
  }
  const monde = G.placer(etat, 0.003, tous, null);  // Laval à 0,4 px de Montréal : replié
  assert.deepEqual(monde.marqueurs.map((m) => [m.lieu.nom, m.n]), [["Montréal", 23], ["Laval", 2]]);
  const ville = G.placer(etat, 2, tous, null);  // Laval à 280 px : ouvert ; Montréal (23) trop grand : replié
  assert.deepEqual(ville.marqueurs.map((m) => m.lieu.nom), ["Montréal"]);
  etat.ouverts.add(etat.lieuDe.get("m0").cle);  // un clic ouvre
  assert.equal(G.placer(etat, 2, tous, null).marqueurs.length, 0);
  etat.ouverts.clear();
  assert.ok(!G.placer(etat, 2, tous, "m3").replies.has("m3"));  // le lieu de la sélection s'ouvre
  const filtre = G.placer(etat, 0.003, (id) => id !== "l2", null);  // filtré : Laval n'a plus qu'un membre
  assert.deepEqual(filtre.marqueurs.map((m) => [m.lieu.nom, m.n]), [["Montréal", 23]]);
});

test("marqueurSous et sansChevauchement", () => {
  const m = [{ lieu: { x: 100, y: 100 }, n: 4 }];
  assert.equal(G.marqueurSous(m, { x: 101, y: 100 }, 1), m[0]);
  assert.equal(G.marqueurSous(m, { x: 200, y: 100 }, 1), null);
  assert.deepEqual(G.sansChevauchement([[0, 0, 10, 10], [5, 5, 15, 15], [20, 0, 30, 10]]), [0, 2]);
});
