"""Dates: when the things an article reports happened, as ISO 8601 values where the text allows.

Each date mention becomes ``{"text", "value", "start", "end"}`` on ``doc._.dates``. The
value is never invented: it is as precise as the words and the publication date
(``doc._.published``, set by the caller before the pipeline runs) make it, else None.

Values:
- ``"2004"``, ``"2018-01"``, ``"2018-01-12"``: a year, month or day.
- ``"2014/2017"``: an ISO 8601 interval, for ranges ("2014-2017"), decades ("the 1990s"
  gives ``"1990/1999"``), seasons ("the autumn of 2018" gives ``"2018-09/2018-11"``), weeks
  ("last week" gives Monday/Sunday) and spans back from the publication date ("the past two
  years" gives ``"2017-02/2019-02"``).
- None: a month or weekday with no year in its sentence and no publication date ("in June"
  in an undated article), a relative date ("last month") with no publication date, and
  dates relative to the story rather than to publication ("four months later").

A yearless month or day takes its year from its own sentence when that sentence names
exactly one year (never from the next: it is often about another year), else from the
publication date, guided by the tense of its verb: "met in June" is the last June before
publication, "will meet in June" the next, and with no tense to go by the nearer one.
Candidates are spaCy's DATE entities plus years, decades and month names the NER missed;
durations ("two years", "180 days", "36-year-old") are figures, not dates. dateparser does
the calendar arithmetic, imported on first use and called only for candidates that need it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

Doc.set_extension("dates", default=None, force=True)
Doc.set_extension("published", default=None, force=True)

_YEAR_TOKEN = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_YEAR_IN_TEXT = re.compile(r"(?<![\d$])(?<!\d[,.])(1[0-9]{3}|20[0-9]{2})(?!\d|[,.]\d|%)")
_DECADE = re.compile(r"(?<![\d.,])(?:(1[0-9]|20)([0-9])0|[’']?([0-9])0)[’']?s\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(
    r"(?<!\d)(1[0-9]{3}|20[0-9]{2})\s*(?:-|–|—|to|through|until|till|and)\s*(1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?!\d)",
    re.IGNORECASE,
)
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_DAY_WORDS = {"today", "yesterday", "tomorrow", "tonight"}
_UNITS = {"day", "week", "weekend", "month", "year", "decade", "century", "quarter"}
_DEICTIC = {"last", "next", "this", "past", "coming", "previous", "current", "recent"}
_NARRATIVE = {"later", "after", "before", "afterwards", "earlier", "prior"}
_NUMBER_WORDS = {
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "few", "several", "couple",
}
# Words around a date that do not change which date it is, only where in it ("the end of February").
_HEDGES = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|spring|"
    r"summer|fall|autumn|winter)\s+of\s+|(?:early|late|mid)[\s-]+|(?:in|on|during|since|until|by)\s+)",
    re.IGNORECASE,
)
_PART_OF_NOW = re.compile(
    r"\b(?:the|this)\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?:week|month|year)"
)
_PERIOD_RANK = {"year": 0, "month": 1, "week": 2, "day": 2}


@Language.factory("claimcheck_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    """spaCy factory: add with ``nlp.add_pipe("claimcheck_dates")`` after ``ner``."""
    return DateFinder()


class DateFinder:
    """Sets ``doc._.dates``, resolving against ``doc._.published`` when it is known."""

    def __call__(self, doc: Doc) -> Doc:
        published = parse_published(doc._.published)
        records = []
        for span in candidates(doc):
            words = span.text.lower()
            if not _is_date(words):
                continue
            value = normalise(span.text, published, sentence_year=_sentence_year(span), tense=_tense(span))
            records.append(
                {"text": span.text, "value": value, "start": span.start_char, "end": span.end_char}
            )
        doc._.dates = records
        return doc


# --------------------------------------------------------------------------- candidates


def candidates(doc: Doc) -> list[Span]:
    """DATE entities, plus years, decades and months the NER left out, in text order."""
    spans = [ent for ent in doc.ents if ent.label_ == "DATE"]
    taken = {i for ent in spans for i in range(ent.start, ent.end)}
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or token.ent_type_ in ("TIME", "MONEY", "PERCENT", "QUANTITY"):
            i += 1
            continue
        lower = token.lower_.rstrip(".")
        end = i
        year = _YEAR_TOKEN.match(token.text) and token.tag_ == "CD" and token.dep_ != "nummod"
        if year or _DECADE.fullmatch(token.text):
            end = i + 1
        elif lower in _MONTHS and token.pos_ == "PROPN":
            end = _month_end(doc, i)
        if end > i and not any(j in taken for j in range(i, end)):
            start = i - 1 if i > 0 and doc[i - 1].text.isdigit() and int(doc[i - 1].text) <= 31 else i
            spans.append(doc[start:end])
            taken.update(range(start, end))
            i = end
        else:
            i += 1
    return _join_ranges(sorted(spans, key=lambda span: span.start))


def _join_ranges(spans: list[Span]) -> list[Span]:
    """ "from 2014 to 2017" comes out of the NER as two dates; it is one interval."""
    joined: list[Span] = []
    for span in spans:
        if joined:
            prev = joined[-1]
            between = span.doc[prev.end : span.start]
            if (
                len(between) == 1
                and between[0].lower_ in ("to", "through", "until", "till", "-", "–")
                and _YEAR_TOKEN.match(prev[-1].text)
                and _YEAR_TOKEN.match(span[0].text)
            ):
                joined[-1] = span.doc[prev.start : span.end]
                continue
        joined.append(span)
    return joined


def _month_end(doc: Doc, i: int) -> int:
    """A month name with the day and year that follow it: "June", "June 12", "June 12, 2018"."""
    end = i + 1
    if end < len(doc) and doc[end].text.isdigit() and int(doc[end].text) <= 31:
        end += 1
        if end + 1 < len(doc) and doc[end].text == "," and _YEAR_TOKEN.match(doc[end + 1].text):
            end += 2
    elif end < len(doc) and _YEAR_TOKEN.match(doc[end].text):
        end += 1
    return end


def _is_date(words: str) -> bool:
    """Whether an expression places something in time, rather than measuring a stretch of it."""
    if _YEAR_IN_TEXT.search(words) or _DECADE.search(words):
        return True
    tokens = re.findall(r"[a-z]+|\d+", words)
    if any(t in _MONTHS or t in _WEEKDAYS or t in _DAY_WORDS or t in _SEASONS or t == "ago" for t in tokens):
        return True
    for k, word in enumerate(tokens):
        if word in _DEICTIC:
            rest = tokens[k + 1 : k + 3]
            if rest and rest[0] in _UNITS:
                return True  # "last week", "this month"; not "her last days"
            counted = len(rest) == 2 and (rest[0] in _NUMBER_WORDS or rest[0].isdigit())
            if counted and rest[1].rstrip("s") in _UNITS:
                return True  # "the past two years"
    for k in range(2, len(tokens)):  # "four months later"; not "no later than 180 days"
        if tokens[k] in _NARRATIVE and tokens[k - 1].rstrip("s") in _UNITS:
            return tokens[k - 2] in _NUMBER_WORDS or tokens[k - 2].isdigit()
    return bool(_PART_OF_NOW.search(words))


def _sentence_year(span: Span) -> str | None:
    """The one year the span's sentence names, if it names exactly one."""
    try:
        sent = span.sent
    except ValueError:  # no sentence boundaries (a blank pipeline)
        return None
    years = {m.group(1) for m in _YEAR_IN_TEXT.finditer(sent.text)}
    return years.pop() if len(years) == 1 else None


def _tense(span: Span) -> str:
    """The tense of the verb a date hangs from: "met in June" looks back, "will meet in June" ahead.

    "past", "future" or "present"; a yearless date under a present-tense or verbless
    phrase ("the election on Nov. 8") is read as the occurrence nearest publication.
    """
    verb = next((t for t in (span.root, *span.root.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return "present"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "'ll", "shall", "wo") for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


# --------------------------------------------------------------------------- values


def parse_published(value: Any) -> tuple[datetime, str] | None:
    """The publication date and its precision ("year", "month" or "day"), from ISO text."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), "day"
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), "day"
    text = str(value).strip()
    for size, precision, fmt in ((10, "day", "%Y-%m-%d"), (7, "month", "%Y-%m"), (4, "year", "%Y")):
        try:
            parsed = datetime.strptime(text[:size], fmt)
        except ValueError:
            continue
        if precision == "month":
            parsed = parsed.replace(day=15)
        elif precision == "year":
            parsed = parsed.replace(month=7, day=1)
        return parsed, precision
    return None


def normalise(
    text: str,
    published: tuple[datetime, str] | None,
    *,
    sentence_year: str | None = None,
    tense: str = "past",
) -> str | None:
    """The ISO value of one date expression (see the module docstring for the forms)."""
    words = " ".join(text.lower().replace("’", "'").split())
    tokens = re.findall(r"[a-z]+|\d+", words)
    decade = _DECADE.search(words)
    if decade:
        century = decade.group(1) or "19"
        first = int(f"{century}{decade.group(2) or decade.group(3)}0")
        return f"{first}/{first + 9}"
    span = _YEAR_RANGE.search(words)
    if span:
        first, last = span.group(1), span.group(2)
        if len(last) == 2:
            last = first[:2] + last
        return f"{first}/{last}" if int(last) > int(first) else None
    season = next((t for t in tokens if t in _SEASONS), None)
    if season:
        return _season(season, tokens, words, published, tense == "future")
    if any(t in _NARRATIVE for t in tokens) and not ("earlier" in tokens and "this" in tokens):
        return None
    if "past" in tokens or ("last" in tokens and any(t.endswith("s") and t[:-1] in _UNITS for t in tokens)):
        return _past_span(tokens, published)
    stripped = _strip_hedges(words)
    named = re.fullmatch(r"(last|next)\s+([a-z]+\.?(?:\s+\d{1,2})?)", stripped)
    if named and (named.group(2).split()[0].rstrip(".") in _MONTHS or named.group(2) in _WEEKDAYS):
        tense = "past" if named.group(1) == "last" else "future"  # "last December", "next Tuesday"
        stripped = named.group(2)
    if _YEAR_TOKEN.match(stripped):
        return stripped
    explicit = _YEAR_IN_TEXT.search(stripped)
    relative = any(t in _DEICTIC or t in _DAY_WORDS or t == "ago" for t in tokens)
    if not explicit and not relative and sentence_year and any(t in _MONTHS for t in tokens):
        stripped = f"{stripped} {sentence_year}"
        explicit = True
    if not explicit and published is None:
        return None
    return _parse(stripped, published, tense, explicit=bool(explicit))


def _strip_hedges(words: str) -> str:
    previous = None
    while previous != words:
        previous = words
        words = _HEDGES.sub("", words).strip()
    words = re.sub(r"^(?:earlier|later)\s+(?=this\b)", "", words)
    return re.sub(r"^the\s+(?=(?:week|month|year)$)", "this ", words)


def _parse(words: str, published: tuple[datetime, str] | None, tense: str, *, explicit: bool) -> str | None:
    """dateparser's reading of ``words``, formatted to the precision it found."""
    base, precision = published if published else (datetime(2000, 1, 1), "day")
    if tense in ("past", "future"):
        parsed = _dateparser(words, base.isoformat(), tense)
    else:  # no tense to go by: the occurrence nearest publication
        readings = [r for r in (_dateparser(words, base.isoformat(), p) for p in ("past", "future")) if r]
        parsed = min(readings, key=lambda r: abs(r[0] - base), default=None)
    if parsed is None:
        return None
    when, period = parsed
    if not explicit and _PERIOD_RANK.get(period, 2) > _PERIOD_RANK[precision]:
        return None  # "last week" against a publication date known only to the month
    if not explicit and period == "month" and re.fullmatch(r"[a-z.]+", words) and when.month == base.month:
        when = when.replace(year=base.year)  # "February" in a February article is this February
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        monday = when.date() - timedelta(days=when.weekday())
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    return when.date().isoformat()


@lru_cache(maxsize=4096)
def _dateparser(words: str, base: str, prefer: str) -> tuple[datetime, str] | None:
    """Cached call into dateparser (imported here: it is slow to load and most docs never need it)."""
    parser = _parser(base, prefer)
    data = parser.get_date_data(words)
    if data is None or data.date_obj is None:
        return None
    when = data.date_obj
    if (when.hour, when.minute, when.second, when.microsecond) != (0, 0, 0, 0):
        return None  # a clock time ("the 90s" read as ninety seconds), not a date
    return when, data.period or "day"


@lru_cache(maxsize=64)
def _parser(base: str, prefer: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.fromisoformat(base),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "MDY",
        },
    )


def _season(
    season: str, tokens: list[str], words: str, published: tuple[datetime, str] | None, future: bool
) -> str | None:
    """A season as an interval of months; its year from the text or from the publication date."""
    first, last = _SEASONS[season]
    explicit = _YEAR_IN_TEXT.search(words)
    if explicit:
        year = int(explicit.group(1))
    elif published is None:
        return None
    else:
        base = published[0]
        year = base.year if base.month >= first else base.year - 1  # the latest one begun by publication
        months_in = (base.year - year) * 12 + base.month - first
        inside = months_in <= (last - first) % 12
        if "next" in tokens or (future and not inside and "last" not in tokens):
            year += 1
        elif "last" in tokens and inside:
            year -= 1  # in the middle of winter, "last winter" is the one before
    end_year = year + 1 if last < first else year
    return f"{year:04d}-{first:02d}/{end_year:04d}-{last:02d}"


def _past_span(tokens: list[str], published: tuple[datetime, str] | None) -> str | None:
    """ "the past two years", "over the past year": back from the publication date."""
    if published is None:
        return None
    from dateutil.relativedelta import relativedelta
    from text_to_num import text2num

    base = published[0]
    unit = next((t.rstrip("s") for t in tokens if t.rstrip("s") in _UNITS), None)
    if unit is None:
        return None
    count = 1
    for token in tokens:
        if token.isdigit():
            count = int(token)
            break
        if token in _NUMBER_WORDS - {"a", "an", "few", "several", "couple"}:
            count = text2num(token, "en")
            break
        if token in ("few", "several", "couple"):
            return None  # "the past few years": no fixed start
    days = {"day": 1, "week": 7, "weekend": 7}.get(unit, 0) * count
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 0) * count
    step = relativedelta(days=days, months=months)
    start = base - step
    if unit in ("day", "week", "weekend"):
        if published[1] != "day":
            return None
        return f"{start.date().isoformat()}/{base.date().isoformat()}"
    if published[1] == "year":
        return f"{start.year:04d}/{base.year:04d}"
    return f"{start.year:04d}-{start.month:02d}/{base.year:04d}-{base.month:02d}"
