"""Evidence vault core: vault, evidence model, custody log, bundles and CLI. No Qt here."""

__version__ = "0.1.0"
