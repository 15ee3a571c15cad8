"""Le script de la carte : modules de ``rendu/gabarits/carte/`` assemblés en un seul script en ligne.

Les fonctions pures des modules ont leurs tests unitaires sous Node (``tests/js/``, ``node --test``) ;
ici : l'assemblage (chaque module une fois, dans l'ordre), la pureté des modules et la syntaxe du
script de la page (``node --check``). Sans Node, les tests qui l'appellent sont sautés, sauf en CI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import reseau
from reseau.rendu import carte as module_carte
from reseau.rendu.carte import MODULES_JS, construire_carte

DOSSIER = module_carte.GABARITS / "carte"
PURS = [nom for nom in MODULES_JS if nom != "page"]
RACINE = Path(__file__).resolve().parent.parent


def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node est introuvable : la CI doit l'installer (apt-get install nodejs)")
        pytest.skip("Node est introuvable (apt-get install nodejs)")
    return node


def _sans_commentaires(js: str) -> str:
    return re.sub(r"//[^\n]*", "", re.sub(r"/\*.*?\*/", "", js, flags=re.S))


@pytest.fixture(scope="module")
def page() -> str:
    return construire_carte(reseau.charger(Path(__file__).parent / "donnees" / "carte"))


def _script_de_la_page(html: str) -> str:
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2  # vis-network, puis le script de la carte
    return scripts[1]


def test_un_fichier_par_module_declare():
    assert sorted(p.stem for p in DOSSIER.glob("*.js")) == sorted(MODULES_JS)
    assert MODULES_JS[-1] == "page"  # le câblage en dernier, après les modules qu'il utilise
    assert not (module_carte.GABARITS / "carte.js").exists()


def test_page_contient_chaque_module_une_fois_dans_l_ordre(page):
    script = _script_de_la_page(page)
    assert script == module_carte._script_carte()
    assert script.startswith('"use strict";')
    positions = []
    for nom in MODULES_JS:
        assert script.count(f"/* --- carte/{nom}.js --- */") == 1, nom
        corps = (DOSSIER / f"{nom}.js").read_text(encoding="utf-8")
        assert script.count(corps) == 1, nom
        positions.append(script.index(corps))
    assert positions == sorted(positions)
    for nom in PURS:  # une seule définition de chaque globale
        assert len(re.findall(rf"\bvar Carte{nom.capitalize()} =", script)) == 1, nom
    assert page.count("</script>") == 3  # vis-network, données, carte : toujours un seul fichier


def test_modules_purs_sans_page_ni_vis():
    for nom in PURS:
        code = _sans_commentaires((DOSSIER / f"{nom}.js").read_text(encoding="utf-8"))
        assert not re.search(r"\b(document|window|globalThis|vis|network|nodes|edges|carte)\s*\.", code), nom
        assert re.search(rf"^var Carte{nom.capitalize()} = \(function", code, re.M), nom
        assert code.rstrip().endswith(f"module.exports = Carte{nom.capitalize()};"), nom


def test_module_avec_fin_de_script_refuse(tmp_path, monkeypatch):
    (tmp_path / "carte").mkdir()
    for nom in MODULES_JS:
        (tmp_path / "carte" / f"{nom}.js").write_text("var x = 1;\n", encoding="utf-8")
    (tmp_path / "carte" / "fiche.js").write_text('var s = "</SCRIPT>";\n', encoding="utf-8")
    monkeypatch.setattr(module_carte, "GABARITS", tmp_path)
    with pytest.raises(ValueError, match="fiche.js"):
        module_carte._script_carte()


def test_script_de_la_page_syntaxe_valide(page, tmp_path):
    node = _node()
    fichier = tmp_path / "carte.js"
    fichier.write_text(_script_de_la_page(page), encoding="utf-8")
    resultat = subprocess.run([node, "--check", str(fichier)], capture_output=True, text=True, timeout=60)
    assert resultat.returncode == 0, resultat.stderr
    fichier.write_text(_script_de_la_page(page) + "\n}", encoding="utf-8")  # le contrôle sait échouer
    assert subprocess.run([node, "--check", str(fichier)], capture_output=True, timeout=60).returncode != 0


def test_modules_purs_en_script_classique(tmp_path):
    """Concaténés comme dans la page, sans module ni require : chaque globale existe et marche."""
    node = _node()
    verification = (  # dernière expression du script, évaluée après les modules
        "[Object.keys(this).filter((k) => k.startsWith('Carte')).sort(),"
        " CarteRecherche.chercher(CarteRecherche.indexer([{id: 'q', nom: 'Économie du Québec'}]), 'QUEBEC'),"
        " CarteFiche.contenu({id: 'q', nom: 'Q'}, {textes: {partenaires: '{n}'}, nombres: CarteOutils.formateur('fr'),"
        " vocab: String, nomPays: String, adjacence: new Map([['q', []]]), chaines: [], mesures: []}).length];"
    )
    script = tmp_path / "purs.js"
    modules = "\n".join((DOSSIER / f"{nom}.js").read_text(encoding="utf-8") for nom in PURS)
    script.write_text(f'"use strict";\n{modules}\n{verification}\n', encoding="utf-8")
    programme = ('const vm = require("vm"), fs = require("fs");'
                 ' process.stdout.write(JSON.stringify(vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"), {})));')
    resultat = subprocess.run([node, "-e", programme, str(script)], capture_output=True, text=True, timeout=60, cwd=RACINE)
    assert resultat.returncode == 0, resultat.stderr
    globales, trouves, blocs = json.loads(resultat.stdout)
    assert globales == sorted(f"Carte{nom.capitalize()}" for nom in PURS)
    assert trouves == ["q"]  # CarteRecherche a trouvé CarteOutils par sa globale
    assert blocs == 4  # titre, définitions, « Partenaires », « aucun partenaire »
