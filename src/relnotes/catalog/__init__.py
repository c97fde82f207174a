"""Catalog stage: the template, its merge into each language's catalog, and GNU-layout PO files."""
