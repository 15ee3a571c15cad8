"""Le portugais (--langue pt) : la carte, le rapport et le modèle de classeur, relu par le chargeur."""

from __future__ import annotations

import reseau
from reseau.entrees.schema import ECHELLES, FAUX, NORD_SUD, TYPES_ORGANISATION, TYPES_PARTENARIAT, VRAI, normaliser_vocabulaire
from reseau.rendu.modele import listes
from reseau.rendu.rapport import construire_rapport


def test_listes_du_modele_en_portugais_relues_par_le_chargeur():
    valeurs = listes("pt")
    assert valeurs["echelle"] == ["local", "regional", "nacional", "internacional"]
    for cle, vocabulaire in (("echelle", ECHELLES), ("type", TYPES_ORGANISATION), ("nord_sud", NORD_SUD),
                             ("type_partenariat", TYPES_PARTENARIAT)):
        relues = [normaliser_vocabulaire(v, vocabulaire) for v in valeurs[cle]]
        assert relues == list(vocabulaire), (cle, valeurs[cle], relues)
    oui, non = valeurs["oriente"]
    assert (oui, non) == ("sim", "não")
    assert oui in VRAI and "nao" in FAUX


def test_rapport_en_portugais():
    html = construire_rapport(reseau.charger(), langue="pt")
    assert '<html lang="pt"' in html and "Números principais" in html and "Equilíbrio Norte-Sul" in html
