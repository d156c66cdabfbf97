"""Roles that stand for a person named earlier: "the minister" → Helga Brandt.

News copy names a person once with their role ("Foreign Minister Helga Brandt", "the company's
chief executive, Mark Ellison", "spokesman Tobias Lang") and later by the role alone ("the
minister told reporters", "the CEO said"). A speaker named "the minister" is no use to a
fact-checker searching for Brandt, so a definite role is resolved to the person who carried it
earlier in the document, but only when exactly one person did, a few paragraphs before at most,
and no one else was named since: with two ministers in view, or "Obama said …" between "World
Bank President Jim Yong Kim" and "the president", the role stays as written, because a wrong
name is worse than none. On the PolNeAR train split this names 27 speakers, all checked by hand;
without the last-person condition it named 84, of which at least four were someone else.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# abbreviations and synonyms of a role, as the key both mentions share
_ROLE_FORMS = {
    "sen.": "senator", "sens.": "senator", "rep.": "representative", "reps.": "representative",
    "congressman": "representative", "congresswoman": "representative", "gov.": "governor",
    "gen.": "general", "adm.": "admiral", "col.": "colonel", "maj.": "major", "capt.": "captain",
    "sgt.": "sergeant", "rev.": "reverend", "prof.": "professor", "lt.": "lieutenant",
    "ceo": "chief executive", "chairwoman": "chair", "chairman": "chair",
}
# words that make a different role of the one after them ("vice president", "prime minister")
_ROLE_MODIFIERS = {"vice", "prime", "chief", "deputy", "attorney", "assistant", "associate", "lieutenant"}
# words that name no role of their own: titles of address ("Mr. Ruiz" is not "the mister"), words
# only ever modifying a role, and words for anyone running for office
_NO_ROLE = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "former", "candidate", "nominee",
            "vice", "prime", "chief", "deputy", "assistant", "associate"}
# person nouns a suffix does not give away ("the diplomat", "the host")
_PERSON_NOUNS = {"diplomat", "host", "aide", "delegate", "envoy", "official", "judge", "prince", "princess",
                 "king", "queen", "chair", "secretary", "general", "admiral", "colonel", "major", "captain",
                 "sergeant", "reverend", "pope", "rabbi", "imam", "bishop", "sheriff", "coach", "mogul",
                 "tycoon", "expert", "analyst", "lawyer", "attorney", "lieutenant"}
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "ess", "ee", "eur", "ive")


def person_noun(base: str) -> bool:
    """Whether a role word names a person ("the senator", "the columnist"), not a thing an appositive
    the parser misread might give ("the poll", "the book", "the campaign")."""
    last = base.rsplit(" ", 1)[-1]
    return last in _PERSON_NOUNS or last.endswith(_PERSON_SUFFIXES)


def role_key(token: Token) -> str | None:
    """The role a noun or title names, as a key both "Sen. Ann Ruiz" and "the senator" give."""
    if token.tag_ in ("NNS", "NNPS"):
        return None  # "the lawyers", "the senators": more than one person
    word = token.lower_
    base = _ROLE_FORMS.get(word, token.lemma_.lower() if token.pos_ == "NOUN" else word.rstrip("."))
    if not base.replace(" ", "").isalpha() or base in _NO_ROLE or not person_noun(base):
        return None
    if token.i > 0:
        before = token.doc[token.i - 1].lower_
        if before == "." and token.i > 1:
            before = token.doc[token.i - 2].lower_ + "."  # the tokenizer may split "Lt" "."
        before = _ROLE_FORMS.get(before, before)  # "Lt. Gov." is "the lieutenant governor"
        if before in _ROLE_MODIFIERS and not base.startswith(before):
            return f"{before} {base}"
    return base


def person_roles(doc: Doc, runs: list[tuple[int, int, str]], titles: frozenset[str]
                 ) -> list[tuple[int, str, str]]:
    """(offset, role key, name) for each person's run of proper nouns ``doc[start:end]`` (read as
    ``name``) that carries a role: a title before the name inside the run ("Foreign Minister Helga
    Brandt"), a noun right before the run ("spokesman Tobias Lang") or an appositive ("Mark
    Ellison, the chief executive", "the chief executive, Mark Ellison")."""
    found: list[tuple[int, str, str]] = []
    for start, end, name in runs:
        if " " not in name:
            continue  # a role needs a full name to stand for
        first = name.split()[0]
        name_at = next((k for k in range(start, end) if doc[k].text == first), start)
        roles = [doc[k] for k in range(start, name_at) if doc[k].lower_ in titles]
        if start > 0 and doc[start - 1].pos_ == "NOUN" and doc[start - 1].is_lower and end - name_at >= 2:
            roles.append(doc[start - 1])  # "spokesman Tobias Lang"; not "the judge Trump was referring to"
        head = doc[end - 1]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            roles.append(head.head)
        roles.extend(c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN")
        for role in roles:
            key = role_key(role)
            if key:
                found.append((doc[start].idx, key, name))
    return found


def definite_role(token: Token) -> str | None:
    """The role a mention names when it is definite and bare: "the minister", "the CEO" (not "a
    minister", "the minister of health", "Brandt's spokesman")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ in ("prep", "poss", "appos", "relcl", "acl") for c in token.children):
        return None
    return role_key(token)
