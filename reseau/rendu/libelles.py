"""Libellés affichés (carte, figures, rapport) en français, anglais et espagnol."""

from __future__ import annotations

from ..erreurs import ParametreInvalide

LANGUES: tuple[str, ...] = ("fr", "en", "es")

# Valeurs des vocabulaires du schéma.
VOCABULAIRE: dict[str, dict[str, str]] = {
    "locale": {"fr": "locale", "en": "local", "es": "local"},
    "regionale": {"fr": "régionale", "en": "regional", "es": "regional"},
    "nationale": {"fr": "nationale", "en": "national", "es": "nacional"},
    "internationale": {"fr": "internationale", "en": "international", "es": "internacional"},
    "reseau": {"fr": "réseau", "en": "network", "es": "red"},
    "cooperative": {"fr": "coopérative", "en": "cooperative", "es": "cooperativa"},
    "syndicat": {"fr": "syndicat", "en": "trade union", "es": "sindicato"},
    "ong": {"fr": "ONG", "en": "NGO", "es": "ONG"},
    "recherche": {"fr": "recherche", "en": "research", "es": "investigación"},
    "financement": {"fr": "financement", "en": "funding", "es": "financiamiento"},
    "gouvernement": {"fr": "gouvernement", "en": "government", "es": "gobierno"},
    "institution_internationale": {
        "fr": "institution internationale", "en": "international institution", "es": "institución internacional",
    },
    "entreprise_sociale": {"fr": "entreprise sociale", "en": "social enterprise", "es": "empresa social"},
    "mouvement": {"fr": "mouvement", "en": "movement", "es": "movimiento"},
    "autre": {"fr": "autre", "en": "other", "es": "otro"},
    "adhesion": {"fr": "adhésion", "en": "membership", "es": "adhesión"},
    "formation": {"fr": "formation", "en": "training", "es": "formación"},
    "cooperation": {"fr": "coopération", "en": "cooperation", "es": "cooperación"},
    "jumelage": {"fr": "jumelage", "en": "twinning", "es": "hermanamiento"},
    "evenement": {"fr": "événement", "en": "event", "es": "evento"},
    "nord": {"fr": "Nord", "en": "North", "es": "Norte"},
    "sud": {"fr": "Sud", "en": "South", "es": "Sur"},
    # Carte interactive (reseau carte).
    "carte_titre": {
        "fr": "Réseau de l'économie sociale et solidaire",
        "en": "Social and solidarity economy network",
        "es": "Red de la economía social y solidaria",
    },
    "carte_source": {"fr": "Données : {source}", "en": "Data: {source}", "es": "Datos: {source}"},
    "carte_jeu_reference": {
        "fr": "jeu de référence (GESQ, RIPESS et partenaires)",
        "en": "reference dataset (GESQ, RIPESS and partners)",
        "es": "conjunto de referencia (GESQ, RIPESS y socios)",
    },
    "carte_date": {"fr": "carte du {date}", "en": "map of {date}", "es": "mapa del {date}"},
    "carte_effectifs": {
        "fr": "{n} organisations, {m} partenariats",
        "en": "{n} organisations, {m} partnerships",
        "es": "{n} organizaciones, {m} alianzas",
    },
    "carte_vue_agregee": {
        "fr": "vue agrégée par {par}", "en": "aggregated view by {par}", "es": "vista agregada por {par}",
    },
    "carte_par_region": {"fr": "région", "en": "region", "es": "región"},
    "carte_par_pays": {"fr": "pays", "en": "country", "es": "país"},
    "carte_par_echelle": {"fr": "échelle", "en": "scale", "es": "escala"},
    "carte_bandeau_agrege": {
        "fr": "{n} organisations : au-delà de {seuil}, la carte montre une vue agrégée par région. Pour voir les "
              "organisations, filtrez (--pays, --echelle) ou choisissez --agreger.",
        "en": "{n} organisations: beyond {seuil}, the map shows a view aggregated by region. To see the organisations, "
              "filter (--pays, --echelle) or choose --agreger.",
        "es": "{n} organizaciones: por encima de {seuil}, el mapa muestra una vista agregada por región. Para ver las "
              "organizaciones, filtre (--pays, --echelle) o elija --agreger.",
    },
    "carte_rechercher": {"fr": "Rechercher", "en": "Search", "es": "Buscar"},
    "carte_rechercher_aide": {"fr": "nom ou sigle", "en": "name or acronym", "es": "nombre o sigla"},
    "carte_aucun_resultat": {"fr": "Aucun résultat", "en": "No results", "es": "Sin resultados"},
    "carte_legende": {"fr": "Légende", "en": "Legend", "es": "Leyenda"},
    "carte_couleur_echelle": {"fr": "Échelle", "en": "Scale", "es": "Escala"},
    "carte_couleur_type": {"fr": "Type d'organisation", "en": "Type of organisation", "es": "Tipo de organización"},
    "carte_couleur_communaute": {"fr": "Communauté", "en": "Community", "es": "Comunidad"},
    "carte_couleur_nord_sud": {"fr": "Nord / Sud", "en": "North / South", "es": "Norte / Sur"},
    "carte_couleur_region": {"fr": "Région", "en": "Region", "es": "Región"},
    "carte_couleur_pays": {"fr": "Pays", "en": "Country", "es": "País"},
    "carte_type_lien": {"fr": "Type de partenariat", "en": "Type of partnership", "es": "Tipo de alianza"},
    "carte_communaute_n": {"fr": "communauté {n}", "en": "community {n}", "es": "comunidad {n}"},
    "carte_autres": {"fr": "autres", "en": "others", "es": "otros"},
    "carte_non_precise": {"fr": "non précisé", "en": "not given", "es": "no indicado"},
    "carte_taille": {"fr": "Taille : {mesure}", "en": "Size: {mesure}", "es": "Tamaño: {mesure}"},
    "carte_taille_effectif": {
        "fr": "Taille : nombre d'organisations ; épaisseur des liens : nombre de partenariats",
        "en": "Size: number of organisations; link width: number of partnerships",
        "es": "Tamaño: número de organizaciones; grosor de los vínculos: número de alianzas",
    },
    "carte_approximative": {
        "fr": "Disque clair, bordure pointillée : position approximative (région ou pays)",
        "en": "Light disc, dashed border: approximate position (region or country)",
        "es": "Disco claro, borde punteado: posición aproximada (región o país)",
    },
    "carte_filtres": {"fr": "Filtres", "en": "Filters", "es": "Filtros"},
    "carte_tout": {"fr": "tout", "en": "all", "es": "todo"},
    "carte_aucun": {"fr": "aucun", "en": "none", "es": "ninguno"},
    "carte_reinitialiser": {"fr": "Tout réafficher", "en": "Show everything", "es": "Mostrar todo"},
    "carte_image": {"fr": "Enregistrer l'image (PNG)", "en": "Save the image (PNG)", "es": "Guardar la imagen (PNG)"},
    "carte_ajuster": {"fr": "Recentrer", "en": "Fit to view", "es": "Recentrar"},
    "carte_affichage": {
        "fr": "{n} organisations et {m} liens affichés",
        "en": "{n} organisations and {m} links shown",
        "es": "{n} organizaciones y {m} vínculos visibles",
    },
    "carte_disposition_en_cours": {
        "fr": "Disposition du réseau en cours…", "en": "Laying out the network…", "es": "Disponiendo la red…",
    },
    "carte_aide": {
        "fr": "Cliquez une organisation pour voir sa fiche ; molette pour zoomer, glisser pour se déplacer.",
        "en": "Click an organisation to see its profile; scroll to zoom, drag to move.",
        "es": "Haga clic en una organización para ver su ficha; rueda para ampliar, arrastrar para moverse.",
    },
    "carte_fermer": {"fr": "Fermer", "en": "Close", "es": "Cerrar"},
    "carte_sigle": {"fr": "Sigle", "en": "Acronym", "es": "Sigla"},
    "carte_type": {"fr": "Type", "en": "Type", "es": "Tipo"},
    "carte_echelle": {"fr": "Échelle", "en": "Scale", "es": "Escala"},
    "carte_lieu": {"fr": "Lieu", "en": "Location", "es": "Ubicación"},
    "carte_position": {"fr": "Précision du lieu", "en": "Location accuracy", "es": "Precisión de la ubicación"},
    "carte_precision_coordonnees": {"fr": "coordonnées exactes", "en": "exact coordinates", "es": "coordenadas exactas"},
    "carte_precision_ville": {"fr": "centre de la ville", "en": "city centre", "es": "centro de la ciudad"},
    "carte_precision_region": {
        "fr": "approximative : centre de la région", "en": "approximate: centre of the region",
        "es": "aproximada: centro de la región",
    },
    "carte_precision_pays": {
        "fr": "approximative : centre du pays", "en": "approximate: centre of the country",
        "es": "aproximada: centro del país",
    },
    "carte_precision_inconnue": {"fr": "inconnue", "en": "unknown", "es": "desconocida"},
    "carte_nord_sud": {"fr": "Nord / Sud", "en": "North / South", "es": "Norte / Sur"},
    "carte_site_web": {"fr": "Site web", "en": "Website", "es": "Sitio web"},
    "carte_mesures": {"fr": "Mesures clés", "en": "Key measures", "es": "Medidas clave"},
    "carte_partenaires": {"fr": "Partenaires ({n})", "en": "Partners ({n})", "es": "Socios ({n})"},
    "carte_aucun_partenaire": {"fr": "Aucun partenaire", "en": "No partners", "es": "Ningún socio"},
    "carte_sources": {"fr": "Sources", "en": "Sources", "es": "Fuentes"},
    "carte_et_autres": {"fr": "… et {n} autres", "en": "… and {n} more", "es": "… y {n} más"},
    "carte_oui": {"fr": "oui", "en": "yes", "es": "sí"},
    "carte_non": {"fr": "non", "en": "no", "es": "no"},
    "carte_depuis": {"fr": "depuis {debut}", "en": "since {debut}", "es": "desde {debut}"},
    "carte_effectif": {"fr": "Organisations", "en": "Organisations", "es": "Organizaciones"},
    "carte_n_organisations": {"fr": "{n} organisations", "en": "{n} organisations", "es": "{n} organizaciones"},
    "carte_liens_internes": {"fr": "Partenariats internes", "en": "Internal partnerships", "es": "Alianzas internas"},
    "carte_repartition": {"fr": "Par échelle", "en": "By scale", "es": "Por escala"},
    "carte_membres": {"fr": "Organisations du groupe", "en": "Organisations in the group", "es": "Organizaciones del grupo"},
    "carte_n_partenariats": {"fr": "{n} partenariats", "en": "{n} partnerships", "es": "{n} alianzas"},
    "carte_mesure_degre": {"fr": "partenaires distincts", "en": "distinct partners", "es": "socios distintos"},
    "carte_mesure_degre_pondere": {"fr": "degré pondéré", "en": "weighted degree", "es": "grado ponderado"},
    "carte_mesure_intermediarite": {"fr": "intermédiarité", "en": "betweenness", "es": "intermediación"},
    "carte_mesure_proximite": {"fr": "proximité", "en": "closeness", "es": "cercanía"},
    "carte_mesure_vecteur_propre": {"fr": "vecteur propre", "en": "eigenvector", "es": "vector propio"},
    "carte_mesure_pagerank": {"fr": "PageRank", "en": "PageRank", "es": "PageRank"},
    "carte_mesure_contrainte": {"fr": "contrainte de Burt", "en": "Burt's constraint", "es": "restricción de Burt"},
    "carte_mesure_communaute": {"fr": "communauté", "en": "community", "es": "comunidad"},
    "carte_mesure_noyau": {"fr": "k-cœur", "en": "k-core", "es": "k-núcleo"},
    "carte_mesure_point_articulation": {
        "fr": "point d'articulation", "en": "articulation point", "es": "punto de articulación",
    },
    "carte_mesure_sauts_international": {
        "fr": "liens jusqu'à l'international", "en": "links to international", "es": "vínculos hasta lo internacional",
    },
    "carte_mesure_echelles_2_sauts": {
        "fr": "échelles à 2 liens", "en": "scales within 2 links", "es": "escalas a 2 vínculos",
    },
    "carte_mesure_pays_2_sauts": {"fr": "pays à 2 liens", "en": "countries within 2 links", "es": "países a 2 vínculos"},
    "carte_mesure_liens_nord_sud": {"fr": "liens Nord-Sud", "en": "North-South links", "es": "vínculos Norte-Sur"},
    "carte_mesure_portee_km": {"fr": "portée (km)", "en": "reach (km)", "es": "alcance (km)"},
    # Figures (reseau figures).
    "fig_strates_titre": {
        "fr": "Le réseau en strates, de l'international au local",
        "en": "The network in layers, from international to local",
        "es": "La red por estratos, de lo internacional a lo local",
    },
    "fig_strates_sous_titre": {
        "fr": "Une bande par échelle ; taille : nombre de partenaires ; traits gris : partenariats",
        "en": "One band per scale; size: number of partners; grey lines: partnerships",
        "es": "Una franja por escala; tamaño: número de socios; líneas grises: alianzas",
    },
    "fig_n_org": {"fr": "{n} org.", "en": "{n} org.", "es": "{n} org."},
    "fig_position_pays": {
        "fr": "position approximative (centre du pays)",
        "en": "approximate position (centre of the country)",
        "es": "posición aproximada (centro del país)",
    },
    "fig_carte_titre": {
        "fr": "Les organisations et leurs partenariats dans le monde",
        "en": "Organisations and their partnerships around the world",
        "es": "Las organizaciones y sus alianzas en el mundo",
    },
    "fig_carte_sous_titre": {
        "fr": "{organisations} organisations placées ; couleur : échelle ; taille : nombre de partenaires",
        "en": "{organisations} organisations placed; colour: scale; size: number of partners",
        "es": "{organisations} organizaciones ubicadas; color: escala; tamaño: número de socios",
    },
    "fig_sans_position": {
        "fr": "{n} sans position, non représentées",
        "en": "{n} without a position, not shown",
        "es": "{n} sin posición, no representadas",
    },
    "fig_encart": {"fr": "Zoom : {n} organisations", "en": "Zoom: {n} organisations", "es": "Zoom: {n} organizaciones"},
    "fig_aucune_donnee": {"fr": "Aucune donnée à représenter", "en": "No data to show", "es": "Ningún dato que mostrar"},
    "fig_echelles_titre": {
        "fr": "Partenariats entre échelles", "en": "Partnerships between scales", "es": "Alianzas entre escalas",
    },
    "fig_echelles_sous_titre": {
        "fr": "Partenariats entre chaque paire d'échelles (et part des {total})",
        "en": "Partnerships between each pair of scales (and share of all {total})",
        "es": "Alianzas entre cada par de escalas (y parte de las {total})",
    },
    "fig_partenariats": {"fr": "Partenariats", "en": "Partnerships", "es": "Alianzas"},
    "fig_organisations": {"fr": "Organisations", "en": "Organisations", "es": "Organizaciones"},
    "fig_regions_titre": {
        "fr": "Régions classées par indice de connexion",
        "en": "Regions ranked by connection index",
        "es": "Regiones clasificadas por índice de conexión",
    },
    "fig_regions_sous_titre": {
        "fr": "De la moins reliée (rang 1, en haut) à la mieux reliée ; couleur : Nord ou Sud",
        "en": "From the least connected (rank 1, top) to the best connected; colour: North or South",
        "es": "De la menos conectada (rango 1, arriba) a la mejor conectada; color: Norte o Sur",
    },
    "fig_regions_sous_titre_partiel": {
        "fr": "Les {n} moins reliées sur {total} (rang 1 = la moins reliée, en haut) ; couleur : Nord ou Sud",
        "en": "The {n} least connected of {total} (rank 1 = least connected, top); colour: North or South",
        "es": "Las {n} menos conectadas de {total} (rango 1 = la menos conectada, arriba); color: Norte o Sur",
    },
    "fig_indice_connexion": {
        "fr": "Indice de connexion (0 : isolée, 1 : bien reliée)",
        "en": "Connection index (0: isolated, 1: well connected)",
        "es": "Índice de conexión (0: aislada, 1: bien conectada)",
    },
    "fig_inconnu": {"fr": "inconnu", "en": "unknown", "es": "desconocido"},
    "fig_acteurs_titre": {
        "fr": "Principaux acteurs par intermédiarité",
        "en": "Key actors by betweenness",
        "es": "Actores principales por intermediación",
    },
    "fig_acteurs_sous_titre": {
        "fr": "Les {n} organisations le plus souvent sur les plus courts chemins entre deux autres ; couleur : échelle",
        "en": "The {n} organisations most often on the shortest paths between two others; colour: scale",
        "es": "Las {n} organizaciones más a menudo en los caminos más cortos entre otras dos; color: escala",
    },
    "fig_n_partenaires": {"fr": "partenaires : {n}", "en": "partners: {n}", "es": "socios: {n}"},
    "fig_intermediarite": {
        "fr": "Intermédiarité (normalisée)", "en": "Betweenness (normalised)", "es": "Intermediación (normalizada)",
    },
    "fig_nord_sud_titre": {
        "fr": "Équilibre des liens Nord-Sud",
        "en": "North-South balance of links",
        "es": "Equilibrio de los vínculos Norte-Sur",
    },
    "fig_nord_sud_sous_titre": {
        "fr": "Partenariats selon que leurs deux organisations sont du Nord ou du Sud, et organisations de chaque côté",
        "en": "Partnerships by whether their two organisations are from the North or the South, and organisations on each side",
        "es": "Alianzas según si sus dos organizaciones son del Norte o del Sur, y organizaciones de cada lado",
    },
    "fig_nord_nord": {"fr": "Nord–Nord", "en": "North–North", "es": "Norte–Norte"},
    "fig_nord_sud": {"fr": "Nord–Sud", "en": "North–South", "es": "Norte–Sur"},
    "fig_sud_sud": {"fr": "Sud–Sud", "en": "South–South", "es": "Sur–Sur"},
    # Rapport de réunion (reseau rapport).
    "rapport_titre": {
        "fr": "Réseau de l'économie sociale et solidaire — rapport de réunion",
        "en": "Social and solidarity economy network — meeting report",
        "es": "Red de economía social y solidaria — informe de reunión",
    },
    "rapport_date": {"fr": "Date :", "en": "Date:", "es": "Fecha:"},
    "rapport_donnees": {"fr": "Données :", "en": "Data:", "es": "Datos:"},
    "rapport_jeu_reference": {
        "fr": "jeu de référence de reseau (GESQ, RIPESS et partenaires)",
        "en": "reseau reference dataset (GESQ, RIPESS and partners)",
        "es": "conjunto de referencia de reseau (GESQ, RIPESS y socios)",
    },
    "rapport_chiffres_cles": {"fr": "Chiffres clés", "en": "Key figures", "es": "Cifras clave"},
    "rapport_organisations": {"fr": "organisations", "en": "organisations", "es": "organizaciones"},
    "rapport_partenariats": {"fr": "partenariats", "en": "partnerships", "es": "alianzas"},
    "rapport_pays": {"fr": "pays", "en": "countries", "es": "países"},
    "rapport_densite": {
        "fr": "densité (part des paires reliées)", "en": "density (share of linked pairs)",
        "es": "densidad (parte de pares vinculados)",
    },
    "rapport_composantes": {
        "fr": "composantes (morceaux séparés)", "en": "components (separate parts)", "es": "componentes (partes separadas)",
    },
    "rapport_plus_grande_composante": {
        "fr": "organisations dans la plus grande composante", "en": "organisations in the largest component",
        "es": "organizaciones en el componente más grande",
    },
    "rapport_regroupement": {
        "fr": "regroupement moyen (clustering)", "en": "average clustering", "es": "agrupamiento medio (clustering)",
    },
    "rapport_articulation_court": {
        "fr": "des organisations locales et régionales à deux liens au plus de l'international",
        "en": "of local and regional organisations within two links of the international level",
        "es": "de las organizaciones locales y regionales a dos vínculos o menos de lo internacional",
    },
    "rapport_assortativite": {
        "fr": "assortativité par échelle (de −1 à 1)", "en": "scale assortativity (−1 to 1)",
        "es": "asortatividad por escala (de −1 a 1)",
    },
    "rapport_legende_carte": {
        "fr": "Les organisations placées par leurs coordonnées ou, à défaut, par celles de leur ville, de leur région ou "
              "de leur pays (cercles vides) ; les arcs sont les partenariats. L'encart agrandit la zone la plus dense.",
        "en": "Organisations placed by their coordinates or, failing that, by those of their city, region or country "
              "(hollow markers); arcs are partnerships. The inset enlarges the densest area.",
        "es": "Organizaciones ubicadas por sus coordenadas o, en su defecto, por las de su ciudad, región o país "
              "(marcadores vacíos); los arcos son las alianzas. El recuadro amplía la zona más densa.",
    },
    "rapport_acteurs": {"fr": "Principaux acteurs", "en": "Key actors", "es": "Actores principales"},
    "rapport_acteurs_intro": {
        "fr": "Les {n} organisations qui relient le plus le réseau : l'intermédiarité est la part des plus courts chemins "
              "entre deux autres organisations qui passent par elles. Leur retrait couperait ou allongerait le plus de chemins.",
        "en": "The {n} organisations that hold the network together most: betweenness is the share of shortest paths "
              "between two other organisations that pass through them. Removing them would cut or lengthen the most paths.",
        "es": "Las {n} organizaciones que más articulan la red: la intermediación es la parte de los caminos más cortos "
              "entre otras dos organizaciones que pasan por ellas. Su retiro cortaría o alargaría más caminos.",
    },
    "rapport_organisation": {"fr": "Organisation", "en": "Organisation", "es": "Organización"},
    "rapport_type": {"fr": "Type", "en": "Type", "es": "Tipo"},
    "rapport_echelle": {"fr": "Échelle", "en": "Scale", "es": "Escala"},
    "rapport_pays_colonne": {"fr": "Pays", "en": "Country", "es": "País"},
    "rapport_partenaires": {"fr": "Partenaires", "en": "Partners", "es": "Socios"},
    "rapport_intermediarite": {"fr": "Intermédiarité", "en": "Betweenness", "es": "Intermediación"},
    "rapport_sauts": {
        "fr": "Liens jusqu'à l'international", "en": "Links to international", "es": "Vínculos hasta lo internacional",
    },
    "rapport_legende_acteurs": {
        "fr": "Intermédiarité des principales organisations ; couleur : échelle.",
        "en": "Betweenness of the key organisations; colour: scale.",
        "es": "Intermediación de las organizaciones principales; color: escala.",
    },
    "rapport_regions": {
        "fr": "Régions les moins reliées", "en": "Least connected regions", "es": "Regiones menos conectadas",
    },
    "rapport_regions_intro": {
        "fr": "Les {n} régions les moins bien reliées sur {total} (rang 1 = la moins reliée), avec ce qui explique leur "
              "rang. Une région est un couple pays-région ; « — » regroupe les organisations d'un pays sans région précisée.",
        "en": "The {n} least connected regions of {total} (rank 1 = least connected), with what explains their rank. "
              "A region is a country-region pair; « — » groups a country's organisations with no region given.",
        "es": "Las {n} regiones menos conectadas de {total} (rango 1 = la menos conectada), con lo que explica su rango. "
              "Una región es un par país-región; « — » agrupa las organizaciones de un país sin región indicada.",
    },
    "rapport_rang": {"fr": "Rang", "en": "Rank", "es": "Rango"},
    "rapport_region": {"fr": "Région", "en": "Region", "es": "Región"},
    "rapport_indice": {"fr": "Indice de connexion", "en": "Connection index", "es": "Índice de conexión"},
    "rapport_diagnostic": {"fr": "Diagnostic", "en": "Diagnosis", "es": "Diagnóstico"},
    "rapport_legende_regions": {
        "fr": "Indice de connexion des régions, de la moins reliée à la mieux reliée ; couleur : Nord ou Sud.",
        "en": "Connection index of the regions, from the least to the best connected; colour: North or South.",
        "es": "Índice de conexión de las regiones, de la menos a la mejor conectada; color: Norte o Sur.",
    },
    "rapport_nord_sud": {"fr": "Équilibre Nord-Sud", "en": "North-South balance", "es": "Equilibrio Norte-Sur"},
    "rapport_nord_sud_phrase": {
        "fr": "Sur {total} partenariats entre organisations classées Nord ou Sud, {nn} relient deux organisations du Nord, "
              "{ns} traversent la frontière Nord-Sud et {ss} relient deux organisations du Sud ({pss}).",
        "en": "Of {total} partnerships between organisations classified North or South, {nn} link two organisations of "
              "the North, {ns} cross the North-South divide and {ss} link two organisations of the South ({pss}).",
        "es": "De {total} alianzas entre organizaciones clasificadas Norte o Sur, {nn} unen dos organizaciones del Norte, "
              "{ns} cruzan la frontera Norte-Sur y {ss} unen dos organizaciones del Sur ({pss}).",
    },
    "rapport_citation_sud_intro": {
        "fr": "Les documents sources fixent une priorité, que la part des liens Sud-Sud permet de suivre :",
        "en": "The source documents set a priority, which the share of South-South links makes it possible to follow:",
        "es": "Los documentos fuente fijan una prioridad, que la parte de vínculos Sur-Sur permite seguir:",
    },
    "rapport_citation_sud": {
        "fr": "« d'abord le Sud vers le Sud »",
        "en": "« d'abord le Sud vers le Sud » (first South to South)",
        "es": "« d'abord le Sud vers le Sud » (primero el Sur hacia el Sur)",
    },
    "rapport_legende_nord_sud": {
        "fr": "Partenariats Nord-Nord, Nord-Sud et Sud-Sud, et organisations du Nord et du Sud.",
        "en": "North-North, North-South and South-South partnerships, and organisations of the North and the South.",
        "es": "Alianzas Norte-Norte, Norte-Sur y Sur-Sur, y organizaciones del Norte y del Sur.",
    },
    "rapport_articulation": {
        "fr": "Articulation local-global", "en": "Local-global articulation", "es": "Articulación local-global",
    },
    "rapport_citation_articulation_intro": {
        "fr": "Les documents sources relèvent :", "en": "The source documents point to:",
        "es": "Los documentos fuente señalan:",
    },
    "rapport_citation_articulation": {
        "fr": "« un manque d'articulation du local au global »",
        "en": "« un manque d'articulation du local au global » (a lack of articulation from the local to the global)",
        "es": "« un manque d'articulation du local au global » (una falta de articulación de lo local a lo global)",
    },
    "rapport_articulation_phrase": {
        "fr": "Ici, {part} des organisations locales et régionales ({proches} sur {total}) atteignent une organisation "
              "internationale en deux liens au plus.",
        "en": "Here, {part} of local and regional organisations ({proches} of {total}) reach an international "
              "organisation in two links or fewer.",
        "es": "Aquí, el {part} de las organizaciones locales y regionales ({proches} de {total}) alcanzan una "
              "organización internacional en dos vínculos o menos.",
    },
    "rapport_articulation_sans_chemin": {
        "fr": "Sans aucun chemin vers l'international : {n}.",
        "en": "With no path at all to the international level: {n}.",
        "es": "Sin ningún camino hacia lo internacional: {n}.",
    },
    "rapport_articulation_vide": {
        "fr": "Ces données ne comptent aucune organisation locale ou régionale.",
        "en": "These data contain no local or regional organisation.",
        "es": "Estos datos no contienen ninguna organización local o regional.",
    },
    "rapport_eloignees": {
        "fr": "Organisations locales et régionales les plus éloignées de l'international",
        "en": "Local and regional organisations furthest from the international level",
        "es": "Organizaciones locales y regionales más alejadas de lo internacional",
    },
    "rapport_aucun_chemin": {"fr": "aucun chemin", "en": "no path", "es": "ningún camino"},
    "rapport_legende_strates": {
        "fr": "Le réseau en strates : une bande par échelle, de l'internationale en haut à la locale en bas. Les liens "
              "qui traversent les bandes montrent comment le local s'articule au global.",
        "en": "The network in layers: one band per scale, from international at the top to local at the bottom. Links "
              "crossing the bands show how the local connects to the global.",
        "es": "La red por estratos: una franja por escala, de la internacional arriba a la local abajo. Los vínculos "
              "que cruzan las franjas muestran cómo lo local se articula con lo global.",
    },
    "rapport_legende_echelles": {
        "fr": "Partenariats entre chaque paire d'échelles. Assortativité par échelle : {assortativite} (positive : les "
              "organisations se lient surtout à leur propre échelle ; négative : plutôt à d'autres échelles).",
        "en": "Partnerships between each pair of scales. Scale assortativity: {assortativite} (positive: organisations "
              "link mostly within their own scale; negative: rather with other scales).",
        "es": "Alianzas entre cada par de escalas. Asortatividad por escala: {assortativite} (positiva: las "
              "organizaciones se vinculan sobre todo con su propia escala; negativa: más bien con otras escalas).",
    },
    "rapport_methode": {"fr": "Notes de méthode", "en": "Methodological notes", "es": "Notas de método"},
    "rapport_methode_intro": {
        "fr": "Résumé des définitions. Les formules complètes, les références et les choix faits pour les réseaux non "
              "connexes et les partenariats multiples sont dans docs/mesures.md. Les mesures de structure portent sur "
              "le graphe simple des paires de partenaires (poids : somme des intensités des partenariats).",
        "en": "Summary of the definitions. Full formulas, references and the choices made for disconnected networks "
              "and multiple partnerships are in docs/mesures.md. Structural measures use the simple graph of partner "
              "pairs (weight: sum of the partnerships' intensities).",
        "es": "Resumen de las definiciones. Las fórmulas completas, las referencias y las decisiones tomadas para redes "
              "no conexas y alianzas múltiples están en docs/mesures.md. Las medidas de estructura usan el grafo simple "
              "de pares de socios (peso: suma de las intensidades de las alianzas).",
    },
    "rapport_methode_degre_titre": {"fr": "Partenaires (degré)", "en": "Partners (degree)", "es": "Socios (grado)"},
    "rapport_methode_degre": {
        "fr": "Nombre d'organisations partenaires distinctes, quel que soit le nombre de partenariats avec chacune.",
        "en": "Number of distinct partner organisations, whatever the number of partnerships with each.",
        "es": "Número de organizaciones socias distintas, sea cual sea el número de alianzas con cada una.",
    },
    "rapport_methode_intermediarite_titre": {"fr": "Intermédiarité", "en": "Betweenness", "es": "Intermediación"},
    "rapport_methode_intermediarite": {
        "fr": "Part des plus courts chemins entre deux autres organisations qui passent par celle-ci, normalisée entre "
              "0 et 1 (Freeman, 1977 ; algorithme de Brandes, 2001).",
        "en": "Share of the shortest paths between two other organisations that pass through this one, normalised "
              "between 0 and 1 (Freeman, 1977; Brandes' algorithm, 2001).",
        "es": "Parte de los caminos más cortos entre otras dos organizaciones que pasan por esta, normalizada entre "
              "0 y 1 (Freeman, 1977; algoritmo de Brandes, 2001).",
    },
    "rapport_methode_sauts_international_titre": {
        "fr": "Liens jusqu'à l'international", "en": "Links to international", "es": "Vínculos hasta lo internacional",
    },
    "rapport_methode_sauts_international": {
        "fr": "Nombre minimal de partenariats à franchir pour atteindre une organisation d'échelle internationale "
              "(0 pour une organisation internationale ; « aucun chemin » si aucune n'est atteignable).",
        "en": "Smallest number of partnerships to cross to reach an international-scale organisation (0 for an "
              "international organisation; « no path » if none can be reached).",
        "es": "Número mínimo de alianzas que cruzar para alcanzar una organización de escala internacional (0 para "
              "una organización internacional; « ningún camino » si ninguna es alcanzable).",
    },
    "rapport_methode_articulation_local_global_titre": {
        "fr": "Articulation local-global", "en": "Local-global articulation", "es": "Articulación local-global",
    },
    "rapport_methode_articulation_local_global": {
        "fr": "Part des organisations locales et régionales qui atteignent l'international en deux liens au plus.",
        "en": "Share of local and regional organisations that reach the international level in two links or fewer.",
        "es": "Parte de las organizaciones locales y regionales que alcanzan lo internacional en dos vínculos o menos.",
    },
    "rapport_methode_indice_connexion_titre": {
        "fr": "Indice de connexion d'une région", "en": "Connection index of a region",
        "es": "Índice de conexión de una región",
    },
    "rapport_methode_nord_sud_titre": {"fr": "Nord et Sud", "en": "North and South", "es": "Norte y Sur"},
    "rapport_methode_nord_sud": {
        "fr": "Chaque organisation est classée Nord ou Sud d'après son pays (table de référence), sauf indication "
              "contraire dans les données. Un partenariat est Nord-Nord, Nord-Sud ou Sud-Sud selon ses deux "
              "organisations ; chaque partenariat compte, même entre les deux mêmes organisations.",
        "en": "Each organisation is classified North or South from its country (reference table), unless the data say "
              "otherwise. A partnership is North-North, North-South or South-South according to its two organisations; "
              "every partnership counts, even between the same two organisations.",
        "es": "Cada organización se clasifica Norte o Sur según su país (tabla de referencia), salvo indicación "
              "contraria en los datos. Una alianza es Norte-Norte, Norte-Sur o Sur-Sur según sus dos organizaciones; "
              "cada alianza cuenta, incluso entre las mismas dos organizaciones.",
    },
    "rapport_methode_matrice_echelles_titre": {
        "fr": "Matrice des échelles", "en": "Scale matrix", "es": "Matriz de escalas",
    },
    "rapport_methode_matrice_echelles": {
        "fr": "Nombre de partenariats entre chaque paire d'échelles (locale, régionale, nationale, internationale).",
        "en": "Number of partnerships between each pair of scales (local, regional, national, international).",
        "es": "Número de alianzas entre cada par de escalas (local, regional, nacional, internacional).",
    },
    "rapport_methode_assortativite_echelle_titre": {
        "fr": "Assortativité par échelle", "en": "Scale assortativity", "es": "Asortatividad por escala",
    },
    "rapport_methode_assortativite_echelle": {
        "fr": "Coefficient de Newman (2003), de −1 à 1 : positif si les organisations se lient surtout à leur propre "
              "échelle, négatif si elles se lient plutôt à d'autres échelles.",
        "en": "Newman's coefficient (2003), from −1 to 1: positive if organisations link mostly within their own scale, "
              "negative if they rather link with other scales.",
        "es": "Coeficiente de Newman (2003), de −1 a 1: positivo si las organizaciones se vinculan sobre todo con su "
              "propia escala, negativo si se vinculan más bien con otras escalas.",
    },
    "rapport_sources": {"fr": "Sources des données", "en": "Data sources", "es": "Fuentes de los datos"},
    "rapport_sources_intro": {
        "fr": "Données : {source}. Documents cités par les organisations et les partenariats (colonne « reference »), "
              "du plus cité au moins cité :",
        "en": "Data: {source}. Documents cited by the organisations and partnerships (« reference » column), from most "
              "to least cited:",
        "es": "Datos: {source}. Documentos citados por las organizaciones y las alianzas (columna « reference »), del "
              "más al menos citado:",
    },
    "rapport_citations": {"fr": "citations : {n}", "en": "citations: {n}", "es": "citas: {n}"},
    "rapport_avertissements": {
        "fr": "Avertissements au chargement : {n} (le détail : reseau valider).",
        "en": "Warnings while loading: {n} (details: reseau valider).",
        "es": "Advertencias al cargar: {n} (detalle: reseau valider).",
    },
    "rapport_pied": {
        "fr": "Produit par reseau {version} le {date}.",
        "en": "Produced by reseau {version} on {date}.",
        "es": "Generado por reseau {version} el {date}.",
    },
    "rapport_methode_indice_connexion": {
        "fr": "Moyenne pondérée, entre 0 et 1, de quatre parts des organisations de la région : non isolées "
              "({non_isolees}), à deux liens au plus de l'international ({international}), ayant un partenaire hors "
              "de la région ({ouverture}), ne dépendant pas d'une seule organisation pour atteindre l'extérieur "
              "({redondance}). Le rang 1 est la région la moins reliée ; le diagnostic dit pourquoi.",
        "en": "Weighted mean, between 0 and 1, of four shares of the region's organisations: not isolated "
              "({non_isolees}), within two links of the international level ({international}), with a partner "
              "outside the region ({ouverture}), not depending on a single organisation to reach outside "
              "({redondance}). Rank 1 is the least connected region; the diagnosis (in French) says why.",
        "es": "Media ponderada, entre 0 y 1, de cuatro partes de las organizaciones de la región: no aisladas "
              "({non_isolees}), a dos vínculos o menos de lo internacional ({international}), con un socio fuera de "
              "la región ({ouverture}), que no dependen de una sola organización para llegar al exterior "
              "({redondance}). El rango 1 es la región menos conectada; el diagnóstico (en francés) dice por qué.",
    },
}


def verifier_langue(langue: str) -> str:
    """La langue si elle est prise en charge, sinon une erreur claire."""
    if langue not in LANGUES:
        raise ParametreInvalide(f"langue « {langue} » non prise en charge — attendu : {', '.join(LANGUES)}")
    return langue


def traduire(valeur: str, langue: str = "fr") -> str:
    """Le libellé d'une valeur de vocabulaire ; la valeur elle-même si elle est inconnue.

    >>> traduire("regionale"), traduire("regionale", "en"), traduire("Outaouais", "es")
    ('régionale', 'regional', 'Outaouais')
    """
    return VOCABULAIRE.get(valeur, {}).get(verifier_langue(langue), valeur)


def libelle(cle: str, langue: str = "fr", **valeurs: object) -> str:
    """Le libellé traduit, complété par ``valeurs`` (``{nom}`` dans le texte).

    >>> libelle("fig_n_org", "en", n=3)
    '3 org.'
    """
    texte = traduire(cle, langue)
    return texte.format(**valeurs) if valeurs else texte


def nombre(valeur: float, langue: str = "fr", decimales: int = 0) -> str:
    """Un nombre écrit à la manière de la langue (séparateurs de milliers et décimales).

    >>> nombre(0.256, "fr", 2), nombre(1234.5, "en", 1), nombre(3, "es")
    ('0,26', '1,234.5', '3')
    """
    texte = f"{valeur:,.{decimales}f}"
    if verifier_langue(langue) == "en":
        return texte
    return texte.replace(",", "\u202f").replace(".", ",")


def pourcentage(part: float, langue: str = "fr") -> str:
    """Une part (entre 0 et 1) en pourcentage arrondi, à la manière de la langue.

    >>> pourcentage(0.8125, "en"), pourcentage(0.5, "fr") == "50\\u202f%"
    ('81%', True)
    """
    valeur = nombre(round(100 * part), langue)
    return f"{valeur}%" if langue == "en" else f"{valeur}\u202f%"
