"""Ticket 20 : le rendu minimal des gabarits (sans jinja2) rend exactement ce que rend jinja2."""

from __future__ import annotations

import jinja2
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from reseau.rendu import carte
from reseau.rendu.gabarit import Brut, rendre


def _jinja(gabarit: str, valeurs: dict) -> str:
    environnement = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environnement.from_string(gabarit).render(
        {k: Markup(v) if isinstance(v, Brut) else v for k, v in valeurs.items()})


_PIEGES = st.text(alphabet=st.sampled_from(list("a<>&'\"é \n{}%#")), max_size=12)


@settings(max_examples=200, deadline=None)
@given(titre=_PIEGES, bandeau=st.one_of(st.none(), _PIEGES), suggestions=st.booleans(), brut=_PIEGES,
       langue=st.sampled_from(["fr", "en", "es", "pt"]))
def test_gabarit_carte_comme_jinja(titre, bandeau, suggestions, brut, langue) -> None:
    gabarit = (carte.GABARITS / "carte.html").read_text(encoding="utf-8")
    cles = {m.group(1) for m in __import__("re").finditer(r"\{\{ *t\.(\w+)", gabarit)}
    valeurs = {"langue": langue, "titre": titre, "sous_titre": titre[::-1], "bandeau": bandeau,
               "suggestions": suggestions, "t": {c: f"{c}<&>{titre}" for c in cles},
               **{c: Brut(brut) for c in ("css_vis", "js_vis", "css_carte", "js_carte", "donnees")}}
    attendu = _jinja(gabarit, valeurs)
    assert rendre(gabarit, valeurs) == attendu
    assert carte.rendre_gabarit(gabarit, valeurs) == attendu


_MORCEAUX = st.sampled_from([
    "x", "<p>", "\n", " ", "{{ a }}", "{{a}}", "{{ t.x }}", "{{ t.items }}", "{% if a %}", "{% if b %}", "{% endif %}",
    "{{ b }}", "{{ brut }}", "{# c #}", "{{ a|upper }}", "{%- if a %}", "{% for i in t %}{{ i }}{% endfor %}", "{", "}",
])


@settings(max_examples=400, deadline=None)
@given(morceaux=st.lists(_MORCEAUX, max_size=12), a=_PIEGES, b=st.sampled_from(["", "0", "<b>", None, 0, 1]))
def test_gabarit_comme_jinja_ou_repli(morceaux, a, b) -> None:
    """Quand le rendu minimal répond, c'est la réponse de jinja2 ; sinon rendre_gabarit passe par jinja2."""
    gabarit = "".join(morceaux)
    valeurs = {"a": a, "b": b, "t": {"x": a + "&"}, "brut": Brut(a)}
    try:
        attendu = _jinja(gabarit, valeurs)
    except jinja2.TemplateError:
        return
    obtenu = rendre(gabarit, valeurs)
    assert obtenu is None or obtenu == attendu
    assert carte.rendre_gabarit(gabarit, valeurs) == attendu


def test_gabarit_repli_sur_jinja() -> None:
    assert rendre("{% for x in a %}{{ x }}{% endfor %}", {"a": [1]}) is None
    assert carte.rendre_gabarit("{% for x in a %}{{ x }}{% endfor %}", {"a": ["<"]}) == "&lt;"
    assert rendre("{% endif %}", {}) is None and rendre("{% if a %}", {"a": 1}) is None
