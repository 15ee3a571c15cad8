"""Les réglages de ``reseau``, en un seul endroit (comme ``osmnx/settings.py``).

Les modules lisent ces valeurs à l'import : pour en changer une, modifiez-la ici (ou, dans
un test, remplacez l'attribut du module qui l'utilise). Exception : les bornes des entrées (en
fin de fichier), lues au moment de l'usage et réglables par la ligne de commande.
"""

from __future__ import annotations

# --- Mesures (analyse/mesures.py) ------------------------------------------------------
# Au-delà de ce nombre d'organisations, intermédiarité et proximité sont estimées par pivots.
SEUIL_EXACT = 5000
# Estimation : k = max(PIVOTS_MIN, BUDGET / (n + m)) pivots pour l'intermédiarité (coût borné
# par BUDGET arêtes parcourues) ; une composante qui n'a pas plus de sommets que de pivots est
# calculée exactement. La proximité des composantes estimées prend les mêmes pivots ; celle des
# composantes calculées exactement pour l'intermédiarité, au plus PIVOTS_PROXIMITE.
BUDGET = 120_000_000
PIVOTS_MIN = 500
PIVOTS_PROXIMITE = 300
# Erreur relative moyenne de l'intermédiarité estimée sur le 1 % en tête, (pivots, erreur) : la
# plus grande des erreurs mesurées à 500 pivots (bench/intermediarite.py, bissection) : 2,4 % à
# 20 000 organisations contre l'exact, 2,5 % à 10 000, 2,9 % à 100 000 contre 10 000 pivots.
ERREUR_REFERENCE = (500, 0.03)
# Processus de l'estimation par pivots : 0 = autant que de cœurs utilisables. Le résultat n'en
# dépend pas ; en dessous de TRAVAIL_PARALLELE (pivots × (n + m)), un seul processus.
PROCESSUS = 0
TRAVAIL_PARALLELE = 50_000_000
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
SEUIL_PHYSIQUE = 1500  # au-delà : petits disques, liens masqués pendant un zoom ou un déplacement (jamais de physique)
SEUIL_AGREGATION = 10_000  # au-delà, sans agrégation demandée : vue agrégée par région
MAX_COULEURS = 12  # au-delà, les plus petites catégories partagent le gris « autres »
MAX_LIBELLES = 400  # libellés dessinés au plus à la fois dans la page
LONGUEUR_LIBELLE = 28  # au-delà, le libellé affiché est abrégé (le nom complet reste dans la fiche)
MAX_MEMBRES = 30  # organisations nommées dans la fiche d'un groupe

# --- Bornes des entrées (entrees/lecture.py, entrees/validation.py) ----------------------
# Lues au moment de l'usage (``reglages.NOM``), et non à l'import : la ligne de commande les
# relève le temps d'une commande par une option du groupe (``reseau --lignes-max N carte …``).
# Au-delà, la lecture s'arrête avec un problème (code 2) qui cite la borne et l'option.

# Taille décompressée maximale d'un classeur XLSX (octets, toutes parties du zip comprises) :
# un classeur de 1 Mo peut contenir des Gio une fois décompressé. Option : --classeur-max (Mo).
CLASSEUR_MAX_OCTETS: int = 512 * 1024 * 1024
# Nombre maximal de lignes lues par table (CSV ou feuille), en-tête compris. Option : --lignes-max.
LIGNES_MAX: int = 2_000_000
# Longueur maximale d'une cellule (caractères) ; 131 072 est aussi la borne par défaut du module
# csv. Option : --cellule-max.
CELLULE_MAX: int = 131_072
# Suggestions « vouliez-vous dire … » calculées au plus pour des identifiants inconnus (au-delà,
# le problème est signalé sans suggestion : le calcul reste borné).
SUGGESTIONS_MAX: int = 200
# Options de la ligne de commande qui relèvent chaque borne (citées dans les messages).
OPTIONS: dict[str, str] = {
    "CLASSEUR_MAX_OCTETS": "--classeur-max",
    "LIGNES_MAX": "--lignes-max",
    "CELLULE_MAX": "--cellule-max",
}
