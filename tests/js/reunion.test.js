// Carte de réunion : libellés distincts, liens, vue dans l'adresse, anneaux, présentation, image, tri,
// pluriels (reseau/rendu/gabarits/carte/{libelles,liens,vue,agregats,presentation,image,filtres,outils}.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const O = require("../../reseau/rendu/gabarits/carte/outils.js");
const L = require("../../reseau/rendu/gabarits/carte/libelles.js");
const LI = require("../../reseau/rendu/gabarits/carte/liens.js");
const V = require("../../reseau/rendu/gabarits/carte/vue.js");
const AG = require("../../reseau/rendu/gabarits/carte/agregats.js");
const P = require("../../reseau/rendu/gabarits/carte/presentation.js");
const I = require("../../reseau/rendu/gabarits/carte/image.js");
const F = require("../../reseau/rendu/gabarits/carte/filtres.js");

const PAYS = { CL: "Chili", MX: "Mexique", AR: "Argentine", CA: "Canada", PE: "Pérou", BJ: "Bénin" };
const lieu = (n) => PAYS[n.pays] || n.ville || "";

test("abreger : seulement si trop long, à un mot près", () => {
  assert.equal(L.abreger("  RIPESS \n Europe ", 28), "RIPESS Europe");
  assert.equal(L.abreger("Réseau d'économie solidaire du Chili", 28), "Réseau d'économie solidaire…");
  assert.equal(L.elider("Cuisines collectives québécoises", 21), "Cuisines… québécoises");
  assert.equal(L.elider("Cuisines collectives québécoises", 99), "Cuisines collectives québécoises");
  assert.equal(L.elider("Anticonstitutionnellement-très-long", 12), "Antico…-long");
});

test("distinguer : le sigle, sinon le nom ; jamais deux libellés identiques pour deux noms différents", () => {
  const noeuds = [
    { id: "a", nom: "Réseau d'économie solidaire du Chili", pays: "CL" },
    { id: "b", nom: "Réseau d'économie solidaire du Mexique", pays: "MX" },
    { id: "c", nom: "Réseau d'économie solidaire argentin", pays: "AR" },
    { id: "g", nom: "Groupe d'économie solidaire du Québec", sigle: "GESQ", pays: "CA" },
    { id: "q", nom: "Cuisines collectives québécoises", pays: "CA" },
    { id: "q2", nom: "Cuisines collectives québécoises de l'Outaouais", pays: "CA" },
    { id: "h1", nom: "Réseau ou point focal national", pays: "BJ" },
    { id: "h2", nom: "Réseau ou point focal national", pays: "PE" },
    { id: "h3", nom: "Réseau ou point focal national", pays: "PE" },
  ];
  const r = L.distinguer(noeuds, lieu, 28);
  assert.equal(r.get("g").complet, "GESQ");
  assert.equal(r.get("g").court, "GESQ");
  assert.equal(r.get("q").complet, "Cuisines collectives québécoises");
  for (const champ of ["complet", "court"]) {
    const textes = noeuds.map((n) => r.get(n.id)[champ]);
    assert.equal(new Set(textes).size, textes.length, champ + " : " + textes.join(" | "));
  }
  assert.match(r.get("a").court, /^Réseau d'économie.*… \(Chili\)$/);
  assert.ok(r.get("a").court.length <= 28 + 2, r.get("a").court);
  assert.match(r.get("h1").complet, /\(Bénin\)$/);  // homonymes : le pays les distingue
  assert.notEqual(r.get("h2").complet, r.get("h3").complet);  // même pays : un numéro
  // un nom qui tient n'est pas abrégé
  assert.equal(L.distinguer([{ id: "x", nom: "Solidarius Italia" }], lieu, 28).get("x").court, "Solidarius Italia");
});

test("placer : le libellé complet s'il tient, sinon l'abrégé", () => {
  // b : son complet chevauche le libellé de a (dessous) et celui de c (dessus) ; son abrégé tient
  const pos = { a: { x: 0, y: 0, taille: 5 }, c: { x: 0, y: -40, taille: 5 }, b: { x: 140, y: 0, taille: 5 } };
  const r = { echelle: 1, rect: { x0: -500, y0: -500, x1: 500, y1: 500 }, taillePx: 12, principaux: 10, max: 10,
    seuilPx: 0, selection: null,
    variantes: (id) => [{ texte: id + "-complet", largeur: 200 }, { texte: id + "-court", largeur: 40 }] };
  const places = L.placer(["a", "c", "b"], (id) => pos[id], r);
  assert.deepEqual(places.map((p) => p.texte), ["a-complet", "c-complet", "b-court"]);
});

test("pluriel : « 1 partenariat », « 2 partenariats » selon la langue", () => {
  const T = { n_partenariats: "{n} partenariats", n_partenariats_un: "{n} partenariat" };
  assert.equal(O.pluriel(T, "n_partenariats", 1, "fr"), "1 partenariat");
  assert.equal(O.pluriel(T, "n_partenariats", 0, "fr"), "0 partenariat");  // en français, 0 est singulier
  assert.equal(O.pluriel(T, "n_partenariats", 2, "fr"), "2 partenariats");
  assert.equal(O.pluriel({ n_partenariats: "{n} partnerships", n_partenariats_un: "{n} partnership" }, "n_partenariats", 0, "en"), "0 partnerships");
  assert.equal(O.pluriel({ n_partenariats: "{n} x" }, "n_partenariats", 1, "fr"), "1 x");  // sans singulier : le pluriel
});

const TL = { n_partenariats: "{n} partenariats", n_partenariats_un: "{n} partenariat", depuis: "depuis {debut}",
  sans_sens: "réciproque", et_autres: "… et {n} autres", partenariats_entre: "Partenariats entre", et: "et",
  annees: "Années", sens: "Sens", description: "Description", source_partenariat: "Source", poids: "Poids total" };
function contexteLien() {
  const noeuds = [{ id: "m", libelle: "Chantier…", complet: "Chantier de l'économie sociale" }, { id: "g", libelle: "GESQ" }];
  return { textes: TL, nombres: O.formateur("fr"), vocab: (v) => ({ adhesion: "adhésion", evenement: "événement" }[v] || v),
    parId: new Map(noeuds.map((n) => [n.id, n])), langue: "fr",
    chaines: ["Organisation membre du GESQ.", "https://example.org/source", "<script>alert(1)</script>", "javascript:alert(2)"] };
}
const LIEN = { id: 0, from: "g", to: "m", types: { adhesion: 1, evenement: 1 }, partenariats: 2, poids: 1.5,
  details: [[-1, "adhesion", null, null, 0, 1], [0, "evenement", 2003, 2003, 2, 3]] };

test("infobulle d'un lien : les deux organisations, chaque partenariat avec son sens", () => {
  const t = LI.infobulle(LIEN, contexteLien());
  assert.equal(t.split("\n")[0], "GESQ — Chantier de l'économie sociale");
  assert.ok(t.includes("2 partenariats"));
  assert.ok(t.includes("adhésion · Chantier de l'économie sociale → GESQ"), t);
  assert.ok(t.includes("événement · 2003"), t);
  assert.ok(LI.infobulle({ ...LIEN, partenariats: 1, details: [LIEN.details[0]] }, contexteLien()).includes("1 partenariat\n"));
});

test("fiche d'un lien : organisations, type, années, sens, description, source (sans lien javascript:)", () => {
  const blocs = LI.contenu(LIEN, contexteLien());
  assert.equal(blocs[0].t, "Partenariats entre");
  assert.deepEqual(blocs[1].e.filter((x) => x.organisation !== undefined).map((x) => x.organisation), ["g", "m"]);
  const plat = JSON.stringify(blocs);
  for (const attendu of ["adhésion", "événement", "Organisation membre du GESQ.", "2003", "réciproque",
    "Chantier de l'économie sociale → GESQ", "<script>alert(1)</script>"]) assert.ok(plat.includes(attendu), attendu);
  const liens = [];
  (function parcourir(x) { if (x && typeof x === "object") { if (x.lien !== undefined) liens.push(x.lien); (x.e || []).forEach(parcourir); } })({ e: blocs });
  assert.deepEqual(liens, ["https://example.org/source"]);  // javascript: reste du texte
  // vue agrégée : le compte par type
  const agrege = LI.contenu({ id: 1, from: "g", to: "m", types: { adhesion: 1 }, partenariats: 1 }, contexteLien());
  assert.ok(JSON.stringify(agrege).includes("adhésion : 1 partenariat"));
});

const FILTRES = [
  { cle: "echelle", valeurs: [{ valeur: "internationale" }, { valeur: "locale" }] },
  { cle: "nord_sud", valeurs: [{ valeur: "nord" }, { valeur: "sud" }] },
  { cle: "pays", valeurs: [{ valeur: "BJ" }, { valeur: "BF" }, { valeur: "" }] },
];

test("vue : écrire puis lire rend le même état", () => {
  const etat = { org: "gesq", lien: null, filtres: ["nord_sud:sud"], zoom: 1.23456, x: 10.4, y: -20.6, langue: "pt",
    taille: 18, presentation: true, annee: "2005-cumule" };
  const h = V.ecrire(etat);
  assert.ok(h.startsWith("#org=gesq&filtre=nord_sud%3Asud&zoom=1.235"), h);
  assert.deepEqual(V.lire(h), { ...etat, zoom: 1.235, x: 10, y: -21 });
  assert.equal(V.ecrire({ filtres: [] }), "");
});

test("vue : lire ignore ce qui est invalide", () => {
  const e = V.lire("#zoom=1e999&x=abc&y=javascript:alert(1)&langue=<b>&taille=12.7&org=<img src=x>");
  assert.equal(e.zoom, null);
  assert.equal(e.x, null);
  assert.equal(e.y, null);
  assert.equal(e.langue, null);
  assert.equal(e.taille, 13);
  assert.equal(e.org, "<img src=x>");  // une chaîne : la page ne l'utilise que comme clé connue
  assert.equal(V.lire("").org, null);
  assert.equal(V.lire("#zoom=500").zoom, null);
  assert.equal(V.lire("#annee=2005").annee, "2005");
  assert.equal(V.lire("#annee=2005;alert(1)").annee, null);
});

test("vue : filtres en texte et résolution (« sud », « pays:BJ,BF », valeurs inconnues)", () => {
  const actifs = { echelle: new Set(["internationale", "locale"]), nord_sud: new Set(["sud"]), pays: new Set(["BJ", ""]) };
  assert.deepEqual(V.filtresEnTexte(actifs, FILTRES), ["nord_sud:sud", "pays:BJ,~"]);
  assert.deepEqual(V.resoudreFiltre("sud", FILTRES), { cle: "nord_sud", valeurs: ["sud"] });
  assert.deepEqual(V.resoudreFiltre("pays:BJ,XX,BF", FILTRES), { cle: "pays", valeurs: ["BJ", "BF"] });
  assert.deepEqual(V.resoudreFiltre("pays:BJ,~", FILTRES), { cle: "pays", valeurs: ["BJ", ""] });
  assert.deepEqual(V.resoudreFiltre("pays:", FILTRES), { cle: "pays", valeurs: [] });
  assert.equal(V.resoudreFiltre("inconnu", FILTRES), null);
  assert.equal(V.resoudreFiltre("cle:sud", FILTRES), null);
  const aller = V.lire(V.ecrire({ filtres: V.filtresEnTexte(actifs, FILTRES) })).filtres;
  assert.deepEqual(aller.map((t) => V.resoudreFiltre(t, FILTRES)), [{ cle: "nord_sud", valeurs: ["sud"] }, { cle: "pays", valeurs: ["BJ", ""] }]);
});

test("anneaux : secteurs proportionnels dans l'ordre des échelles, composition en texte", () => {
  const couleurs = { internationale: "#a", nationale: "#b", locale: "#c", null: "#z" };
  const s = AG.secteurs({ locale: 1, internationale: 3, nationale: 0, null: 0 }, couleurs);
  assert.deepEqual(s.map((x) => x.cle), ["internationale", "locale"]);
  assert.ok(Math.abs(s[0].fin - s[0].debut - 1.5 * Math.PI) < 1e-9);
  assert.ok(Math.abs(s[1].fin - (1.5 * Math.PI)) < 1e-9);  // le tour complet depuis midi
  assert.deepEqual(AG.secteurs({}, couleurs), []);
  assert.equal(AG.composition({ locale: 1, nationale: 3, null: 2 }, (v) => v || "non précisé"), "nationale 3, non précisé 2, locale 1");
});

test("présentation : touches, bornes de la taille, agrandissement", () => {
  assert.equal(P.action({ key: "p" }), "presentation");
  assert.equal(P.action({ key: "P", champ: true }), null);  // on écrit dans la recherche
  assert.equal(P.action({ key: "p", ctrlKey: true }), null);
  assert.equal(P.action({ key: "+" }), "plus");
  assert.equal(P.action({ key: "-" }), "moins");
  assert.equal(P.action({ key: "Escape" }), "quitter");
  assert.equal(P.action({ key: "x" }), null);
  assert.equal(P.regler(13, 1), 15);
  assert.equal(P.regler(39, 1), 40);
  assert.equal(P.regler(9, -1), 8);
  assert.equal(P.tailleAffichee(14, true), 21);
  assert.equal(P.tailleAffichee(14, false), 14);
});

test("image : facteur 2×, 3×, largeur choisie, jamais plus de 4 000 px", () => {
  assert.equal(I.facteur("2", 1000, 1), 2);
  assert.equal(I.facteur("3", 1000, 2), 4);  // 3× l'écran d'un appareil à 2 px par px CSS, borné à 4 000 px
  assert.equal(I.facteur("3", 1081, 1), 3);
  assert.equal(I.facteur("l2400", 1200, 1), 2);
  assert.equal(I.facteur("l4000", 1000, 1), 4);
  assert.equal(I.facteur("l9000", 1000, 1), 4);
  assert.equal(I.facteur("n'importe quoi", 1000, 1.5), 1.5);
  assert.deepEqual(I.CHOIX.slice(0, 3), ["1", "2", "3"]);
});

test("filtres triés par le nom affiché selon la langue, « non précisé » en dernier, l'échelle dans son ordre", () => {
  const f = { cle: "pays", valeurs: [{ valeur: "US", libelle: "États-Unis" }, { valeur: "", libelle: "non précisé" },
    { valeur: "BF", libelle: "Burkina Faso" }, { valeur: "BJ", libelle: "Bénin" }, { valeur: "ES", libelle: "Espagne" }] };
  assert.deepEqual(F.trier(f, new Intl.Collator("fr").compare).map((v) => v.valeur), ["BJ", "BF", "ES", "US", ""]);
  const e = { cle: "echelle", valeurs: [{ valeur: "internationale", libelle: "internationale" }, { valeur: "locale", libelle: "locale" }] };
  assert.deepEqual(F.trier(e, new Intl.Collator("fr").compare).map((v) => v.valeur), ["internationale", "locale"]);
});

test("ouvrir un groupe : ses organisations à sa place, leurs liens internes et vers les autres groupes", () => {
  const organisations = [
    { id: "a", groupe: "CA", couleur: "#1" }, { id: "b", groupe: "CA", couleur: "#2" },
    { id: "c", groupe: "SN", couleur: "#3" }, { id: "d", groupe: "SN", couleur: "#3" }, { id: "e", groupe: "FR", couleur: "#4" },
  ];
  const liens = [["a", "b", { adhesion: 1 }, 1], ["a", "c", { formation: 1 }, 0], ["a", "d", { adhesion: 2 }, -1],
    ["c", "e", { autre: 1 }, 0], ["b", "e", { cooperation: 1 }, 0]];
  const r = AG.ouvrir("CA", organisations, liens, { x: 100, y: -50 });
  assert.deepEqual(r.noeuds.map((n) => n.id), ["o:a", "o:b"]);
  assert.ok(r.noeuds.every((n) => n.groupeOuvert === "CA" && n.color && n.couleur === undefined));
  assert.ok(r.noeuds.every((n) => Math.hypot(n.x - 100, n.y + 50) < 50));  // à la place du groupe
  assert.notDeepEqual([r.noeuds[0].x, r.noeuds[0].y], [r.noeuds[1].x, r.noeuds[1].y]);
  const parPaire = Object.fromEntries(r.liens.map((e) => [e.from + ">" + e.to, e]));
  assert.deepEqual(Object.keys(parPaire).sort(), ["o:a>SN", "o:a>o:b", "o:b>FR"]);
  assert.equal(parPaire["o:a>o:b"].arrows, "to");  // le sens d'un partenariat orienté interne
  assert.deepEqual(parPaire["o:a>SN"].types, { formation: 1, adhesion: 2 });  // a–c et a–d : un seul lien vers SN
  assert.equal(parPaire["o:a>SN"].partenariats, 3);
  assert.equal(new Set(r.liens.map((e) => e.id)).size, r.liens.length);
  assert.deepEqual(AG.ouvrir("XX", organisations, liens, { x: 0, y: 0 }), { noeuds: [], liens: [] });
});
