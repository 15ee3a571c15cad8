"""Fabrique les classeurs fidèles de ce dossier (relancer : python tests/donnees/formats/fabriquer.py).

- ``kumu.xlsx`` : classeur Kumu fidèle à la documentation publique (dépôt kumu/docs,
  guides/import/import.md) : feuilles Elements (Label, Type, Description, Tags) et Connections
  (From, To, Type, Strength, Direction), « | » pour plusieurs éléments dans To ; aucun classeur
  Kumu réel n'a été trouvé sous licence ;
- ``contrat.ods`` : le jeu ``tests/donnees/minimal`` enregistré en ODS par odfpy (via pandas).
"""

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

ICI = Path(__file__).parent

def fabriquer() -> None:
    """Écrit kumu.xlsx et contrat.ods dans ce dossier."""
    classeur = Workbook()
    elements = classeur.active
    elements.title = "Elements"
    for ligne in (
        ("Label", "Type", "Description", "Tags"),
        ("Chantier de l'économie sociale", "Network", "Réseau québécois", "Québec|réseau"),
        ("RIPESS", "Network", "Réseau intercontinental", "monde"),
        ("Coop du Quartier", "Cooperative", "", "local"),
        ("Jeanne Exemple", "Person", "Animatrice", ""),
    ):
        elements.append(ligne)
    connexions = classeur.create_sheet("Connections")
    for ligne in (
        ("From", "To", "Type", "Strength", "Direction"),
        ("Coop du Quartier", "Chantier de l'économie sociale|RIPESS", "Membership", "2", "directed"),
        ("Chantier de l'économie sociale", "RIPESS", "Membership", "Strong", "directed"),
        ("Jeanne Exemple", "Coop du Quartier", "Works at", "", "undirected"),
    ):
        connexions.append(ligne)
    classeur.create_sheet("Notes (ignore)").append(("à ignorer",))
    classeur.save(ICI / "kumu.xlsx")

    MINIMAL = ICI.parent / "minimal"
    with pd.ExcelWriter(ICI / "contrat.ods", engine="odf") as sortie:
        for nom in ("organisations", "partenariats"):
            pd.read_csv(MINIMAL / f"{nom}.csv", dtype=str).to_excel(sortie, sheet_name=nom, index=False)


if __name__ == "__main__":
    fabriquer()
