"""Les réglages de ``reseau``, en un seul endroit (comme ``osmnx/settings.py``).

Les modules lisent ces valeurs à l'import : pour en changer une, modifiez-la ici (ou, dans
un test, remplacez l'attribut du module qui l'utilise).
"""

from __future__ import annotations

# --- Mesures (analyse/mesures.py) ------------------------------------------------------
# Au-delà de ce nombre d'organisations, intermédiarité et proximité sont estimées par pivots.
SEUIL_EXACT = 5000
# Estimation : k = max(PIVOTS_MIN, BUDGET / (n + m)) pivots pour l'intermédiarité (coût borné
# par BUDGET arêtes parcourues), au plus PIVOTS_PROXIMITE pour la proximité. Une composante
# qui n'a pas plus de sommets que de pivots est calculée exactement.
BUDGET = 300_000_000
PIVOTS_MIN = 500
PIVOTS_PROXIMITE = 300
# Graine du hasard (pivots, communautés, dispositions) : mêmes données, mêmes résultats.
GRAINE = 20240901
# Réseaux à partir desquels la progression est signalée.
SEUIL_PROGRESSION = 1000

# --- Régions (analyse/regions.py) --------------------------------------------------------
# Poids des quatre parts de l'indice de connexion (somme 1).
POIDS_INDICE: dict[str, float] = {
    "non_isolees": 0.25,      # organisations qui ont au moins un partenaire
    "international": 0.35,    # organisations à 2 liens ou moins d'une organisation internationale
    "ouverture": 0.20,        # organisations qui ont un partenaire hors de la région
    "redondance": 0.20,       # organisations qui ne dépendent pas d'une seule pour atteindre l'extérieur
}

# --- Carte (rendu/carte.py) ------------------------------------------------------------
SEUIL_PHYSIQUE = 1500  # au-delà : positions calculées en Python, physique coupée
SEUIL_AGREGATION = 10_000  # au-delà, sans agrégation demandée : vue agrégée par région
MAX_COULEURS = 12  # au-delà, les plus petites catégories partagent le gris « autres »
MAX_LIBELLES = 400  # libellés dessinés au plus à la fois dans la page
LONGUEUR_LIBELLE = 28  # au-delà, le libellé affiché est abrégé (le nom complet reste dans la fiche)
MAX_MEMBRES = 30  # organisations nommées dans la fiche d'un groupe
