"""Small documents for the ingest tests, written for them (fictional states and people).

A plain module with a unique name (not ``conftest``) so that tests can import it directly.
"""

from __future__ import annotations

#: a fictional readout, long enough for the English check (> 200 characters)
READOUT_PARAGRAPHS = [
    "President Amara Solen of Veloria spoke by telephone with Prime Minister Tomas Reyk of "
    "Norland on the situation in the northern border region and the work of the joint commission.",
    "The two leaders stressed that the agreement on water sharing, which was signed last year, "
    "should be carried out in full and on time by both sides.",
    "President Solen thanked the Prime Minister for the help that Norland has given to the "
    "families who were affected by the floods in the spring.",
    "They agreed that their foreign ministers would meet in the capital of Norland before the "
    "end of the year, and that the two sides would stay in close contact.",
]
READOUT_TEXT = "\n\n".join(READOUT_PARAGRAPHS)
LEAD = (
    "President Amara Solen held talks with Prime Minister of Norland Tomas Reyk, who is in "
    "Veloria on an official visit."
)
TITLE = "Talks with Prime Minister of Norland Tomas Reyk"

#: not English: a fictional readout in German, written for the tests
GERMAN_TEXT = (
    "Der Präsident hat heute mit dem Ministerpräsidenten telefoniert. Sie haben über die Lage im "
    "Grenzgebiet gesprochen und vereinbart, die Kontakte fortzusetzen. Es war auch ein Thema, wie "
    "man die Zusammenarbeit in der Energiepolitik stärken will, und was die nächsten Schritte sind."
)


def readout_page(*, lead_in_body: bool = True, extra_body: str = "") -> str:
    """A whole news page: navigation, an article with a lead, a gallery with another date, a
    "See also" box, a hidden name tooltip, and a footer."""
    lead_html = f'<div class="lead"><p>{LEAD}</p></div>' if lead_in_body else ""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in READOUT_PARAGRAPHS[:2])
    later = "\n".join(f"<p>{p}</p>" for p in READOUT_PARAGRAPHS[3:])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{TITLE} • Office of the President of Veloria</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Office of the President of Veloria">
<meta name="description" content="{LEAD}">
<meta property="og:url" content="https://president.example.org/news/1234">
<link rel="canonical" href="1234.html">
</head>
<body>
<div role="banner"><a href="/">Office of the President of Veloria</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/events">Events</a></li><li><a href="/contacts">Contacts</a></li></ul></nav>
<article>
<h1>{TITLE}</h1>
{lead_html}
<time itemprop="datePublished" datetime="2021-03-04">March 4, 2021</time>
<div class="gallery"><meta itemprop="datePublished" content="2021-03-05"></div>
<div itemprop="articleBody">
{paragraphs}
<div role="complementary"><h3>See also</h3><a href="/news/1200">Earlier visit to Norland</a></div>
<p>President Solen thanked <a href="/persons/7">Prime Minister Tomas Reyk<span class="tooltip
hidden">Reyk Tomas, head of the Norland government</span></a> for the help that Norland has given
to the families who were affected by the floods in the spring.</p>
{later}
{extra_body}
</div>
</article>
<footer role="contentinfo"><p>All content on this site may be reused with attribution.</p></footer>
</body>
</html>
"""
