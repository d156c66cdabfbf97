"""In-document name resolution: "Sifton" → "John Sifton", "he" → the last person quoted.

News style names a person in full once and then by surname or title ("Mr. Burman",
"President Donald Trump" → "Donald Trump"); a pronoun prefers the nearest earlier name the
NER calls a person somewhere in the document; a role ("the minister") stands for the one
person named with it (:mod:`claimcheck.components.roles`); an interview's answers are the
person its introduction names most. A one-word mention that is no one's surname is the one
person whose full name starts with it ("Ji" → "Ji Song Ho"), and a given name that is all but
always one gender (``models/given_names.json``) tells "he" from "she" where no title or earlier
pronoun has. A headline's capitalised verb in -ing ("Debating Clinton") is no given name: the
lemmatizer's verb list says which words are verbs. Names are read off runs of proper nouns (any NER label
or none: the small model calls Trump an ORG or even a verb), so nothing here depends on one
entity type.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import ORTH, POS
from spacy.strings import hash_string
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from claimcheck.components.roles import person_noun, person_roles

PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m",
                   "i": None, "we": None, "they": None}
PRONOUNS = {*PERSON_PRONOUNS, "it", "you", "who", "us", "them", "me", "one"}
_FEMALE_TITLES = {"mrs.", "ms.", "mrs", "ms", "miss", "madam", "lady"}
_MALE_TITLES = {"mr.", "mr", "sir"}
_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
_ROLE_REACH = 2000  # characters from a person named with a role to "the <role>" standing for them
_NAMED_REACH = 400  # characters from a name no subject stands for to a "he"/"she" that means them
_OFFICE_LINKS = {"of", "for", "on"}  # "Secretary of State Mike Pompeo", "Minister for Trade Ana Ruiz"


def office_trim(doc: Doc, i: int, j: int) -> int:
    """Start of the personal name in the proper-noun run ``doc[i:j]``.

    A run right after "of"/"for" ends an office ("Secretary of State Mike Pompeo"): the
    office's words are not part of the name. The NER's person span inside the run says
    where the name starts; without one, a run of three words or more loses its first.
    """
    if i == 0 or doc[i - 1].lower_ not in _OFFICE_LINKS or j - i < 2:
        return i
    for ent in doc.ents:
        if ent.label_ == "PERSON" and i < ent.start < j and ent.end >= j:
            return ent.start
        if ent.start >= j:
            break
    return i + 1 if j - i >= 3 else i


_HYPHENS = {"-", "\u2010", "\u2011"}


def glued_hyphen(doc: Doc, k: int) -> bool:
    """A hyphen inside a name ("Holtz-Eakin", "Jean-Luc"): the tokenizer splits it off, with no space
    on either side and a proper noun on both."""
    return 0 < k < len(doc) - 1 and doc[k].text in _HYPHENS and not doc[k - 1].whitespace_ and \
        not doc[k].whitespace_ and doc[k - 1].pos_ == "PROPN" and doc[k + 1].pos_ == "PROPN"


def _in_name(doc: Doc, k: int) -> bool:
    return doc[k].pos_ == "PROPN" or glued_hyphen(doc, k) or _inner_particle(doc, k)


def _inner_particle(doc: Doc, k: int) -> bool:
    """A lower-case particle between proper nouns ("Bill de Blasio", "Ursula von der Leyen")."""
    if doc[k].text not in _PARTICLES:
        return False
    i, j = k - 1, k + 1
    while i >= 0 and doc[i].text in _PARTICLES:
        i -= 1
    while j < len(doc) and doc[j].text in _PARTICLES:
        j += 1
    return i >= 0 and j < len(doc) and doc[i].pos_ == "PROPN" and doc[j].pos_ == "PROPN"


def name_start(doc: Doc, i: int, lo: int = 0) -> int:
    """First token of the run of proper nouns (hyphens inside it included) that ends at ``i``, not
    before ``lo``."""
    while i - 1 >= lo and _in_name(doc, i - 1):
        i -= 1
    return i


def name_end(doc: Doc, j: int, hi: int | None = None) -> int:
    """Last token of the run of proper nouns (hyphens inside it included) that starts at ``j``, not
    after ``hi``."""
    hi = len(doc) - 1 if hi is None else hi
    while j + 1 <= hi and _in_name(doc, j + 1):
        j += 1
    return j


def name_words(tokens: list[Token] | list[str]) -> list[str]:
    """The words of a name, the parts of a hyphenated one joined again ("Holtz", "-", "Eakin" →
    "Holtz-Eakin"), and a full stop the tokenizer split off an abbreviation put back ("Lt", "." →
    "Lt.")."""
    words: list[str] = []
    glue = False
    for t in tokens:
        # (bare strings carry no spacing: nothing is glued to them)
        text, spaced_after = (t, True) if isinstance(t, str) else (t.text, bool(t.whitespace_))
        glued_before = not isinstance(t, str) and t.i > 0 and not t.doc[t.i - 1].whitespace_ and bool(words)
        if text == "." and glued_before and not glue:
            words[-1] += text
            continue
        if glued_before and text in _HYPHENS and not spaced_after:
            words[-1] += text
            glue = True
        elif glue:
            words[-1] += text
            glue = False
        else:
            words.append(text)
    return words


# lower-case words inside a surname ("de Blasio", "von der Leyen", "van Hollen")
_PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van",
              "von", "bin", "ibn", "al", "el", "ter", "ten", "zu"}
_JOINER_HASHES = np.array(sorted(hash_string(w) for w in _PARTICLES | _HYPHENS), dtype=np.uint64)


def _name_word(word: str) -> bool:
    """A word of a person's name: capitalised ("Ruiz", "O.", "Holtz-Eakin"), or a particle glued to a
    capitalised surname ("al-Assad"; not a dash glued to a name, "-Craig")."""
    capital = word[:1].isupper() or (word[:1].isalpha() and word.rsplit("-", 1)[-1][:1].isupper())
    return capital and word.replace(".", "").replace("-", "").isalpha()


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    from claimcheck.resources import models_path

    path = models_path() / "given_names.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["names"]
    except (OSError, ValueError, KeyError):
        return {}  # (without the lexicon, genders come from titles and pronouns alone)


def _descriptor(word: str, following: str) -> bool:
    """A word for what someone does, set before a full name like a title ("Developer Frank Moreau",
    "Pollster Ann Selzer"): a person noun that is no one's given name ("Hunter", "Spencer" are),
    followed by one that is ("Human Rights Watch" and "Free Syrian Army" are no people)."""
    low, given = word.lower(), _given_names()
    return low.isalpha() and low not in given and following.lower() in given and person_noun(low)


def _gerund(word: str, verbs: frozenset[str]) -> bool:
    """A headline's verb in -ing capitalised before a name ("Debating Clinton's Character", "Bashing
    Trump"): the -ing form of an English verb (``verbs``: base forms) that is no one's given name
    ("Irving", "Manning" are)."""
    low = word.lower()
    if not verbs or len(low) < 6 or not low.endswith("ing") or not low.isalpha() or low in _given_names():
        return False
    stem = low[:-3]
    doubled = len(stem) > 2 and stem[-1] == stem[-2]  # "running"
    return stem in verbs or stem + "e" in verbs or (doubled and stem[:-1] in verbs)


def _without_plurals(tokens: list[Token] | list[str]) -> list[Token] | list[str]:
    """A name's words without the plural proper nouns before it: "Republicans Jolly and …" is Jolly
    (the tagger's NNPS: a party or a people, never a given name)."""
    k = 0
    while k < len(tokens) - 1 and not isinstance(tokens[k], str) and tokens[k].tag_ == "NNPS" and \
            tokens[k].text.endswith("s"):
        k += 1
    if k == 0:
        return tokens
    rest = tokens[k:]
    # (what follows is a person: a given name, or a lone name the NER calls a person; not "… PAC")
    person = rest[0].lower_ in _given_names() or (len(rest) == 1 and rest[0].ent_type_ == "PERSON")
    return rest if person else tokens


def given_name_gender(name: str) -> str | None:
    """"f" or "m" for a full name whose given name is all but always that gender ("Carla Mendes"),
    from ``models/given_names.json``; None for one word, an initial, or a name that is either."""
    words = name.split()
    if len(words) < 2:
        return None
    return _given_names().get(words[0].lower())


def _first_words(names: Iterable[str], not_names: set[str]) -> dict[str, str]:
    """First word → full name, for people's full names whose first word no other person shares.

    Korean and Chinese names put the family name first ("Ji Song Ho" is "Ji" later on), and a
    first name alone ("Hillary") means the one person of the document who has it. A surname
    match always goes first (``full_by_last``); a first word two people share names no one, and
    one that is a word of another kind of entity in the document (``not_names``) names no one.
    """
    found: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2 and len(words[0].rstrip(".")) > 1 and words[0] not in _PARTICLES and \
                words[0] not in not_names:
            found.setdefault(words[0], set()).add(name)
    return {first: next(iter(full)) for first, full in found.items() if len(full) == 1}


@dataclass
class NameBook:
    """Names of one document: full names in order of first use, and who was last in view."""

    titles: frozenset[str]
    verbs: frozenset[str] = frozenset()  # base forms of English verbs, to tell "Debating Clinton" from a name
    full_by_last: dict[str, str] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    # candidates for pronouns: (char offset, name), in text order
    people: list[tuple[int, str]] = field(default_factory=list)
    votes: dict[str, list[int]] = field(default_factory=dict)  # name -> [he, she] votes
    persons: set[str] = field(default_factory=set)  # names the NER calls a person somewhere
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, role, name): "the minister"
    named: list[tuple[int, str]] = field(default_factory=list)  # (offset, name) of every person's name
    # (offset, sentence end, name): the owner of a sentence's subject ("Oz's advice earned him …"), whom a
    # pronoun later in that sentence may mean
    owners: list[tuple[int, int, str]] = field(default_factory=list)
    # a person's first word, when one person has it: "Ji" is Ji Song Ho, "Hillary" is Hillary Clinton
    full_by_first: dict[str, str] = field(default_factory=dict)
    _offsets: list[int] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc, titles: frozenset[str], verbs: frozenset[str] = frozenset()) -> NameBook:
        book = cls(titles, verbs)
        if len(doc) == 0:
            return book
        attrs = doc.to_array([POS, ORTH])
        is_propn = attrs[:, 0] == PROPN
        n = len(doc)
        # "Douglas Holtz-Eakin", "Bill de Blasio" are one run: a glued hyphen or a particle between proper
        # nouns joins them (both rare: the candidates are looked at one by one, with the rule name_start uses)
        for k in np.flatnonzero(np.isin(attrs[:, 1], _JOINER_HASHES)):
            is_propn[k] = is_propn[k] or glued_hyphen(doc, int(k)) or _inner_particle(doc, int(k))
        runs: list[tuple[int, int]] = []
        seen_until = -1
        for i in np.flatnonzero(is_propn):
            if i <= seen_until:
                continue
            j = i
            while j + 1 < n and is_propn[j + 1]:
                j += 1
            seen_until = j
            runs.append((int(i), int(j) + 1))
        # runs the NER calls a person go first (when it gets one right, it settles "King"),
        # then every other run in text order: nothing depends on the label alone
        person_edges = {k for e in doc.ents if e.label_ == "PERSON" for k in (e.start, e.end - 1)}
        first = [r for r in runs if any(k in person_edges for k in range(r[0], r[1]))]
        chosen = set(first)
        names = {(a, b): doc[office_trim(doc, a, b) : b] for a, b in runs}
        headlines: list[Span] = []
        for run in first + [r for r in runs if r not in chosen]:
            book._register(names[run], headlines)
        for tokens in headlines:
            if book._gerund_led(name_words(list(tokens))) is None:
                book._register(tokens)
        people = [(run, name) for run in first if (name := book.canonical(list(names[run])))]
        book.persons.update(name for _, name in people)
        book.named = sorted((doc[run[0]].idx, name) for run, name in people)
        # first words come only from names the NER reads whole as a person ("Senate Minority Whip Dick
        # Durbin" gives no "Senate") and never from a word it reads as another kind of entity (a headline's
        # "EgyptAir Crash" gives no "EgyptAir"); "Donald J. Trump" and "Donald Trump" are one person
        whole = {book.canonical(list(e)) for e in doc.ents if e.label_ == "PERSON"}
        other = {t.text for e in doc.ents if e.label_ != "PERSON" for t in e}
        book.full_by_first = _first_words(
            (book.full_by_last.get(name.rsplit(" ", 1)[-1], name) for _, name in book.named if name in whole),
            other)
        book.roles = person_roles(doc, [(names[run].start, run[1], name) for run, name in people], titles)
        return book

    def _after_place(self, words: list[str]) -> list[str]:
        """"U.S. Rep. Ann Bell", "Texas Lt. Gov. Dan Patrick", "Army Col. Ann Bell": the place or service
        before a title is part of the office, not of the name. Drops what comes before the last title
        word (the titles themselves go next, with the others) when two words or more follow it:
        "Martin Luther King Jr." and "U.S. Supreme Court" stay whole."""
        last = max((k for k, w in enumerate(words[:-2]) if w.lower() in self.titles), default=-1)
        return words[last:] if last > 0 else words

    def _office_first(self, words: list[str]) -> bool:
        """Whether the first of a name's words is its office, not its name: a title ("Sen.") or a
        word for what the person does ("Developer Frank Moreau"); the last word never is."""
        return len(words) > 1 and (
            words[0].lower() in self.titles or (len(words) > 2 and _descriptor(words[0], words[1])))

    def _gerund_led(self, words: list[str]) -> str | None:
        """The full name of the document that a headline's "Debating Clinton" stands for: a verb in -ing
        before one surname someone else in the document has in full (without one, "Founding Fathers"
        stays as it is)."""
        if len(words) != 2 or not _gerund(words[0], self.verbs):
            return None
        full = self.full_by_last.get(words[1])
        return full if full is not None and full != " ".join(words) else None

    def _register(self, tokens: Span, defer: list[Span] | None = None) -> None:
        words = name_words(_without_plurals(list(tokens)))
        if defer is not None and len(words) == 2 and _gerund(words[0], self.verbs):
            defer.append(tokens)  # a headline's "Debating Clinton": after the names of the body
            return
        if len(words) > 8:
            return
        words = self._after_place(words)
        lead = [w.lower() for w in words]
        gender = None
        while self._office_first(words):  # (the last word is the name: "King")
            if lead[0] in _FEMALE_TITLES:
                gender = "f"
            elif lead[0] in _MALE_TITLES:
                gender = "m"
            words, lead = words[1:], lead[1:]
        if len(words) > 5:
            return  # a headline, not a name (counted without the office: "Rear Admiral Tom B. Hart Jr.")
        # (a particle inside the name stays: "Bill de Blasio", "Ursula von der Leyen")
        words = [w for k, w in enumerate(words)
                 if _name_word(w) or (w in _PARTICLES and 0 < k < len(words) - 1)]
        initials = sum(1 for w in words if len(w.rstrip(".")) <= 2 and w not in _PARTICLES)
        if not words or len([w for w in words if w not in _PARTICLES]) - initials > 3:
            return  # a headline or an organisation, not a person's name
        last = words[-1]
        if len(words) >= 2:
            full = " ".join(words)
            self.full_by_last.setdefault(last, full)
            if last in _SUFFIXES and len(words) >= 3:  # "Harry B. Harris Jr." is "Harris" later on
                self.full_by_last.setdefault(words[-2], full)
            if last[:1].islower():  # "Bashar al-Assad" is "Assad" on later mentions
                self.full_by_last.setdefault(last.rsplit("-", 1)[-1], full)
            if gender:
                self.gender.setdefault(full, gender)
        elif gender:
            self.gender.setdefault(self.full_by_last.get(last, last), gender)

    def canonical(self, tokens: list[Token] | list[str]) -> str | None:
        """The full name a proper-noun mention stands for, titles dropped."""
        words = self._after_place(name_words(_without_plurals(tokens)))
        while self._office_first(words):
            words = words[1:]
        words = [w for w in words if w not in {"'s", "\u2019s", "'", "\u2019"}]
        if not words:
            return None
        led = self._gerund_led(words)
        if led is not None:
            return led
        surname = words
        while len(surname) > 1 and surname[0] in _PARTICLES:
            surname = surname[1:]
        if len(surname) == 1 and surname is not words and surname[0] in self.full_by_last:
            return self.full_by_last[surname[0]]  # "de Blasio" later on: the full name it stands for
        name = " ".join(words)
        if len(words) == 1:
            return self.full_by_last.get(words[0]) or self.full_by_first.get(words[0], name)
        return name

    def resolve_role(self, role: str, offset: int) -> str | None:
        """The one person who carried ``role`` before ``offset`` ("the minister" → Helga Brandt), named
        with it a few paragraphs before at most and the last person named; None when no one did, when
        two people did, or when someone else was named since."""
        carriers = {name: at for at, key, name in self.roles if key == role and at < offset}
        if len(carriers) != 1:
            return None
        ((name, at),) = carriers.items()
        # someone else was named since, and is also the last subject: "The president" after "Obama said"
        # is not Kim; after "Ruiz called the Bell family …" it is still Ruiz
        k = bisect.bisect_left(self.named, (offset, ""))
        s = bisect.bisect_left(self._offsets, offset)
        last_named = self.named[k - 1][1] if k else None
        last_subject = self.people[s - 1][1] if s and self._offsets[s - 1] > at else None
        if name not in (last_named, last_subject):
            return None
        return name if offset - at <= _ROLE_REACH else None

    def most_named(self, before: int) -> str | None:
        """The person named most often before ``before``, if one is named more often than any other:
        whom an interview's introduction is about ("Q&A with Joe Biden. … Biden complained …")."""
        # counted by surname ("Actress Diane Guerrero" is Diane Guerrero), full names only (not "Gazette")
        forms = [name for at, name in self.named if at < before and " " in name]
        ranked = Counter(name.rsplit(" ", 1)[-1] for name in forms).most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
            return None
        surname = ranked[0][0]
        return self.full_by_last.get(surname) or next(name for name in forms if name.endswith(surname))

    def note_person(self, offset: int, name: str) -> None:
        """Someone just spoke or acted as a subject at ``offset``: a pronoun may point back to them."""
        k = bisect.bisect_right(self._offsets, offset)
        self._offsets.insert(k, offset)
        self.people.insert(k, (offset, name))

    def vote_gender(self, pronoun: str, offset: int) -> None:
        """A "he"/"she" subject most likely means the person just before it: one vote."""
        g = PERSON_PRONOUNS.get(pronoun.lower())
        if g is None:
            return
        k = bisect.bisect_left(self._offsets, offset)
        if k:
            name = self.people[k - 1][1]
            self.votes.setdefault(name, [0, 0])[g == "f"] += 1

    def settle_genders(self) -> None:
        """A name takes the gender of its title, else of its given name when that is all but
        certain ("Carla"), else the one most pronouns right after it agree on."""
        for _, name in self.people:
            given = given_name_gender(name)
            if given:
                self.gender.setdefault(name, given)
        for name, (he, she) in self.votes.items():
            if he != she:
                self.gender.setdefault(name, "m" if he > she else "f")

    def learn_gender(self, name: str, pronoun: str) -> None:
        g = PERSON_PRONOUNS.get(pronoun.lower())
        if g and name:
            self.gender.setdefault(name, g)

    def resolve_pronoun(self, pronoun: str, offset: int) -> str | None:
        """The most recent compatible person before ``offset``; None when no one fits: an unnamed
        "she" is better than the wrong name."""
        want = PERSON_PRONOUNS.get(pronoun.lower())
        if want is None:
            return None  # "they", "we", "I": no single person to name
        k = bisect.bisect_left(self._offsets, offset)
        last = self.people[k - 1][0] if k else -1
        for at, sent_end, name in reversed(self.owners):  # (in text order: the nearest first)
            if at <= last:
                break
            gender = self.gender.get(name) or given_name_gender(name)
            fits = gender == want or (name in self.persons and gender is None)
            if at < offset < sent_end and fits:
                return name  # "Oz's advice earned him the attention of Congress, where he …"
        fallback = None
        for _off, name in reversed(self.people[max(0, k - 12) : k]):
            given = given_name_gender(name)
            gender = self.gender.get(name) or given
            if gender and gender != want:
                continue
            if name in self.persons or not self.persons:
                return name
            # "Cinco de Mayo", "Compaq": a name never seen as a person yields to one that is, and is
            # taken only when its given name says it is someone ("Carly Fiorina" the NER missed);
            # "University", "HP" or "Ohio" is nobody a "she" means
            if given and gender == want:
                fallback = fallback or name
        return fallback or self._last_named_of(want, offset)

    def _last_named_of(self, want: str, offset: int) -> str | None:
        """When no subject fits: the one person named close before ``offset`` who may be meant, if known
        to be of the pronoun's gender ("The mayor was joined by Maria Gonzalez. She said …"; a name the
        parser hung as an object, "in Toledo, Mary Lee railed …"). Two who may be meant ("Bell called
        out his rival Lee …, which he believes"), or a gender not known, leave the pronoun unnamed."""
        lo = bisect.bisect_left(self.named, (offset - _NAMED_REACH, ""))
        k = bisect.bisect_left(self.named, (offset, ""))
        close = {name: self.gender.get(name) or given_name_gender(name) for _at, name in self.named[lo:k]}
        fitting = [name for name, gender in close.items() if gender in (want, None)]
        if len(fitting) != 1:
            return None
        return fitting[0] if close[fitting[0]] == want else None
