"""Un rendu de gabarit minimal, sans jinja2, pour la carte (jinja2 coûte 30 à 60 ms d'import).

Il ne comprend que ``{{ nom }}``, ``{{ nom.cle }}`` et ``{% if nom %}…{% endif %}`` (imbriqués
ou non), avec l'échappement HTML de jinja2 (``autoescape``) : pour tout autre gabarit, il rend
``None`` et l'appelant passe par jinja2. Un test compare les deux rendus.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any


class Brut(str):
    """Texte déjà sûr, inséré tel quel (l'équivalent de ``markupsafe.Markup``)."""

    __slots__ = ()


_BALISE = re.compile(r"\{\{ *([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))? *\}\}|\{% *if +([A-Za-z_]\w*) *%\}|\{% *endif *%\}")
_DEBUT = re.compile(r"\{[{%#]")
_ECHAPPEMENTS = (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"), ("'", "&#39;"), ('"', "&#34;"))


def echapper(valeur: Any) -> str:
    """Comme ``markupsafe.escape`` : ``Brut`` tel quel, le reste en texte échappé.

    >>> echapper("<a href='x'>&\\"</a>"), echapper(Brut("<b>")), echapper(3)
    ('&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;', '<b>', '3')
    """
    if isinstance(valeur, Brut):
        return str(valeur)
    texte = str(valeur)
    for brut, echappe in _ECHAPPEMENTS:
        texte = texte.replace(brut, echappe)
    return texte


def _valeur(valeurs: Mapping[str, Any], nom: str, cle: str | None) -> Any:
    objet = valeurs[nom]  # KeyError : variable absente (jinja2.StrictUndefined lève aussi)
    if cle is None:
        return objet
    try:  # l'ordre de jinja2 : l'attribut, puis l'élément
        return getattr(objet, cle)
    except AttributeError:
        return objet[cle]


def rendre(gabarit: str, valeurs: Mapping[str, Any]) -> str | None:
    """Le gabarit rendu avec ``valeurs``, ou ``None`` s'il sort de ce que ce rendu comprend.

    Comme jinja2 par défaut, une fin de ligne finale du gabarit est retirée.

    >>> rendre("<p>{{ a }}{% if b %} {{ t.x }}{% endif %}</p>\\n", {"a": "<", "b": 1, "t": {"x": "é"}})
    '<p>&lt; é</p>'
    >>> rendre("{% for x in a %}{% endfor %}", {"a": []}) is None
    True
    """
    if "\r" in gabarit:  # jinja2 normalise les fins de ligne : pas ce rendu
        return None
    if gabarit.endswith("\n"):
        gabarit = gabarit[:-1]
    morceaux: list[str] = []
    actifs: list[bool] = []  # une entrée par {% if %} ouvert : sa condition (et celles qui l'englobent)
    position = 0
    for balise in _BALISE.finditer(gabarit):
        texte = gabarit[position:balise.start()]
        if _DEBUT.search(texte):  # une balise que ce rendu ne comprend pas
            return None
        actif = not actifs or actifs[-1]
        if actif:
            morceaux.append(texte)
        nom, cle, condition = balise.groups()
        if nom is not None:
            if actif:
                morceaux.append(echapper(_valeur(valeurs, nom, cle)))
        elif condition is not None:
            actifs.append(actif and bool(valeurs[condition]))
        elif actifs:
            actifs.pop()
        else:
            return None  # {% endif %} sans {% if %}
        position = balise.end()
    reste = gabarit[position:]
    if actifs or _DEBUT.search(reste):
        return None
    morceaux.append(reste)
    return "".join(morceaux)
