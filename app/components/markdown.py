"""Long lists in the details panel (papers, evidence, "appears with"
chips, a highlighted abstract) as one Markdown component each, not one
Dash component per link, mark and line.

Why: the Dash renderer re-runs a selector for every component on the page
at each store update (a callback's request, its answer, ...), so a panel of
~400 components made every click on the 8k graph about 2.4x slower in the
browser (docs/app.md). Markdown renders the same text as plain React
elements.

Safety: raw HTML stays off (dcc.Markdown's default: it is shown as text)
and every character of graph text that Markdown could read as markup is
backslash-escaped, so it shows as the characters it is. Links are
only the app's own hrefs (percent-encoded query strings) and http(s) URLs.
Their clicks are handled in the page like dcc.Link's (app/assets/markdown_links.js).
"""
from __future__ import annotations

import re

from dash import dcc

# What dcc.Markdown's parser (remark, GitHub flavour) lets a backslash
# escape; any other character is text there already (`<` too: raw HTML is
# shown as its characters while dangerously_allow_html is off).
_PUNCTUATION = re.compile(r"([\\`*{}\[\]()#+\-.!_>~|])")
BREAK = "  \n"  # a line break inside a list item (two trailing spaces)
_SPACE = re.compile(r"\s+")


def text(value: str) -> str:
    """Markdown showing `value` as written, on one line (line breaks and
    runs of spaces become one space, so no line can start a block)."""
    return _PUNCTUATION.sub(r"\\\1", _SPACE.sub(" ", value or ""))


# A web address in graph text ("Project website at: https://x2-gaussian.github.io/."),
# without the punctuation that ends its sentence.
URL = re.compile(r"https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]", re.I)


def text_with_links(value: str) -> str:
    """`text`, with each web address in `value` a link to it: escaped as
    text, the renderer's own autolink took the escapes into its href."""
    out, last = [], 0
    for url in URL.finditer(value or ""):
        out += [text(value[last : url.start()]), link(url.group(0), url.group(0))]
        last = url.end()
    return "".join(out) + text((value or "")[last:])


def link(label: str, href: str, title: str | None = None) -> str:
    """A link; `title` (plain text) shows on hover and lets CSS style it."""
    target = href.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    titled = f' "{text(title)}"' if title else ""
    return f"[{text(label.strip())}](<{target}>{titled})"


def rich(markdown: str, class_name: str, **props) -> dcc.Markdown:
    """One component for `markdown`; class `md` routes its internal links
    through the app's URL state instead of a page load."""
    return dcc.Markdown(markdown, className=f"md {class_name}", dedent=False, **props)
