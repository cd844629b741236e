"""teiforge html: TEI documents -> a static, self-contained reading site.

render_document(tree) is the pure core (one TEI tree -> one HTML5 page); render_site
writes a page per document, an index and the stylesheet. Templates (Jinja2, autoescaped)
are grouped by TEI element family in templates/; env.FAMILIES says which macro renders
which element, and anything else is rendered generically without losing its text.
"""

from .render import render_document, render_site

__all__ = ["render_document", "render_site"]
