"""Propriété : tout contenu de fichier donne un jeu valide ou une erreur de données propre."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reseau

_ENTETE = b"id;nom;type;echelle;pays\n"
_CELLULES = st.sampled_from(
    [b"a", b"b", b"CA", b"ong", b"locale", b"nationnale", b"45,5", b"", b'"', b";", b",", b"\n",
     b"\r\n", b"\xff", b"\x00", "é".encode(), "É".encode("cp1252"), b"=1+1", b"-"]
)


def _verifier(organisations: bytes, partenariats: bytes) -> None:
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier)
        (chemin / "organisations.csv").write_bytes(organisations)
        (chemin / "partenariats.csv").write_bytes(partenariats)
        try:
            G = reseau.charger(chemin)
        except reseau.ErreurReseau as exc:
            assert str(exc)
        else:
            assert G.number_of_nodes() >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.binary(max_size=200))
def test_octets_quelconques(organisations, partenariats):
    _verifier(organisations, partenariats)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CELLULES, max_size=60), st.lists(_CELLULES, max_size=40))
def test_csv_presque_valides(cellules_org, cellules_liens):
    _verifier(_ENTETE + b"".join(cellules_org), b"source,cible,type\n" + b"".join(cellules_liens))
