"""Everything that builds or reads TEI: the only place where TEI elements are made."""
