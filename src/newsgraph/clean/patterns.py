"""What page furniture looks like, as line patterns. General web-page vocabulary, not any one site's."""
from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


# Whole lines that are widgets, navigation, sharing, rating, cookie or footer furniture.
WIDGET = _any(
    r"^(click|tap|press) (here )?to (start )?(listen|play)\w*", r"^listen( now| to (this|the) (article|story))?$",
    r"^\d+\s*(min(ute)?s?|mins?)\.?\s*(read|listen)$", r"^\d+\s+(shares?|comments?|views?|likes?)$",
    r"^share( this)?( article| story| post)?( on \w+)?:?$", r"^(print|email|e-mail|copy link|save|bookmark)$",
    r"^rated \d+(\.\d+)? out of \d+ stars?\.?$", r"^no ratings yet$", r"^add a rating$",
    r"^(top|bottom) of (the )?page$", r"^skip to (main )?content$", r"^back to top$",
    r"^(advertisement|advertising|sponsored( content)?|ad)$", r"^(subscribe|sign up|log ?in|sign in|register|search|menu|home|close)$",
    r"\buses? cookies\b", r"\bcookie (policy|settings|preferences|notice)\b", r"^accept( all)?( cookies)?( read more)?$",
    r"^(reject|decline|ok|got it|i agree)$", r"privacy (& |and )?cookies? policy", r"^privacy policy$",
    r"all rights reserved", r"^(©|\(c\)|copyright\b)", r"\bakismet\b", r"learn how your comment data",
    r"^(about( us)?|contact( us)?|authors|terms( of (use|service))?|sitemap|advertise( with us)?|careers|imprint)$",
    r"^(facebook|twitter|x|whatsapp|linkedin|instagram|youtube|telegram|reddit|pinterest|tiktok|threads|"
    r"mastodon|bluesky|amazon|apple music|spotify|android|ios|rss|flipboard|email us)$",
    r"\bicon$", r"^(?:(?:share|tweet|email|print|save|copy link|facebook|twitter|whatsapp|linkedin|telegram|x)\b[\s|·•/]*){2,}$", r"^(sign up|subscribe) (for|to) (our|the)\b.*newsletter", r"newsletter$",
    r"views expressed in this (article|piece|column|op-ed)", r"do not necessarily reflect",
    r"^this (article|story) (first|originally) (appeared|was published)", r"^(originally|first) published (in|on|by)\b",
    r"^(updated|last updated|modified)\b.*\b(ago|\d{4}|am|pm|gmt|utc)$", r"^\d+ (hours?|minutes?|days?) ago$",
    r"^(slogan|tagline|live|watch live|live tv)$", r"^(next|previous)( article| post| story)?$",
    r"^(show|load|view) (more|all)( comments)?$", r"^reply$", r"^(like|dislike|report)$", r"^all$",
)

# 'See also  <unrelated headline>' inserted in the body, and 'Read more: …' teasers.
TEASER = _any(r"^(see also|read also|also read|read more|more on this|watch|recommended)\b\s*:?\s+\S")

# Labels that start a list of other articles, inside or after the body.
RELATED_LABEL = _any(
    r"^(related|related (news|articles?|stories|posts?|content|coverage|reading|topics)|see also|read also|also read|"
    r"read more|more on this( story| topic)?|recommended( reading| for you)?|in (depth|focus)|explore more|"
    r"editor'?s? picks?|top stories|latest( news| stories)?|trending( now)?)\s*:?$"
)

# Labels after which nothing belongs to the article any more.
TERMINAL_LABEL = _any(
    r"^(most (read|popular|viewed|shared)|more from (this|the) (writer|author)|more from\b.*|you (may|might) also like|"
    r"leave a (comment|reply)|comments?|\d+ comments?|post a comment|join the (conversation|discussion)|"
    r"frequently asked questions|faqs?|about the author|coverage|popular posts|read next|what to read next|"
    r"trending|don'?t miss|more stories|other articles)\s*:?$"
)

# Tickers of unrelated headlines.
TICKER_LABEL = _any(r"^(breaking( news)?|latest( news| updates)?|just in|live updates|headlines|ticker)\s*:?$")

# '(Al Jazeera)', 'Trucks wait at the border (Reuters)', 'Photo: AFP'.
CAPTION = _any(
    r"^\([^()]{2,80}\)$",
    r"^[^.!?]{3,300}[^.!?\s]\s\((?:[A-Z][\w&'’.-]*|photo|file|illustrated)[^()]{0,70}\)$",
    r"^(photo|image|file photo|picture|credit|caption)s?\s*(:|by\b)",
    r"\b(photo|image|picture|credit)s?\s*:\s*[A-Z][\w .&'’-]{1,40}$",
    r"\b(getty images|via reuters|ap photo|afp photo|/ reuters|/ afp)\b",
)

# Bylines: 'By Jane Doe', 'Writer: Jane Doe', 'Author: Jane Doe'.
BYLINE = re.compile(r"^(?:by|written by|reported by|writer|author|authors|words by)\s*[:\-–]?\s+(?P<names>.+)$", re.I)
GENERIC_AUTHORS = re.compile(
    r"^(admin|administrator|editor|editors|staff|staff reporter|staff writer|web desk|news desk|desk|"
    r"guest|guest author|correspondent|our correspondent|agencies|agency|team|newsroom|user|anonymous)$", re.I)
SOURCE_LINE = re.compile(r"^(?:source|publisher|published by|via)\s*:\s*(?P<name>.+)$", re.I)
# 'Islamabad, Oct 21 (NationPress)' or 'KABUL, Aug. 15 (Reuters) -'
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}),\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*"
    r"(?:\((?P<agency>[^()]{2,40})\))?\s*[-–—:]?\s")
# Breadcrumb words a scraper glues before a title: 'Home World After a year…'.
BREADCRUMB = re.compile(r"^home\s+(?:(?:news|world|politics|opinion|analysis|business|region|latest|features?|"
                        r"blog|articles?|columns?)\s+)*", re.I)
