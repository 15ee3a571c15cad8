"""La version du paquet, écrite ici seulement (lue aussi par pyproject.toml)."""

__version__ = "0.1.0"
