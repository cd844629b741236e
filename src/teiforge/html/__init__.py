"""teiforge html: TEI documents -> a static, self-contained reading edition.

render_document(tree) is the pure core (one TEI tree -> one HTML5 page); render_site
writes a page per document, an index of documents, indexes of names (people, places,
organisations) and static/ (stylesheet, script). Templates (Jinja2, autoescaped) are
grouped by TEI element family in templates/; env.FAMILIES says which macro renders which
element, and anything else is rendered generically without losing its text.
"""

from .render import render_document, render_page
from .site import render_site

__all__ = ["render_document", "render_page", "render_site"]
