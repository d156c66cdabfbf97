"""Reported speech beyond "X said (that) …": each shape on a sentence written for these tests."""

from __future__ import annotations

import pytest

from attribution_helpers import content, hand_parsed, mention, paraphrases, reported, speaker
from claimcheck.components.lexicon import load_lexicon


def test_lexicon_has_derived_shapes():
    lex = load_lexicon()
    assert lex.frames and lex.noun_frames, "derive_cues.py writes frames and noun_frames"
    assert "poll" in lex.in_sources
    assert all(" " in route for route in lex.weak_routes)


@pytest.mark.parametrize(("text", "cue", "words"), [
    ("Ann Ruiz backs tougher rules for payday lenders.", "backs", "tougher rules for payday lenders"),
    ("Ann Ruiz plans to run for the Senate next year.", "plans", "to run for the Senate next year"),
    ("Ann Ruiz opposed the merger of the two banks.", "opposed", "the merger of the two banks"),
])
def test_verb_reports_through_a_derived_shape(nlp, text, cue, words):
    doc = nlp(text)
    a = reported(doc, cue)
    assert content(doc, a) == words
    assert speaker(a) == "Ann Ruiz"


def test_expected_to_reports_its_subject_with_no_source(nlp):
    doc = nlp("The senator is expected to announce her run on Friday.")
    a = reported(doc, "expected")
    assert content(doc, a).startswith("The senator")
    assert content(doc, a).endswith("on Friday")
    assert a["speaker"] is None


def test_reporting_noun_with_the_verb_subject_as_source(nlp):
    doc = nlp("Ann Ruiz made the case that the bridge must be rebuilt.")
    a = reported(doc, "case")
    assert content(doc, a) == "the bridge must be rebuilt"
    assert speaker(a) == "Ann Ruiz"


def test_owned_noun_with_an_infinitive(nlp):
    doc = nlp("Ann Ruiz's decision to leave the race surprised her donors.")
    a = reported(doc, "decision")
    assert content(doc, a) == "to leave the race"
    assert speaker(a) == "Ann Ruiz"


def test_transcript_turns_report_their_lines_and_name_nobody_unintroduced(nlp):
    doc = nlp("An interview.\n\nQ: Will taxes rise next year?\n\nA: Not if the council can help it.")
    turns = [a for a in paraphrases(doc) if a["cue"]["text"] == ":"]
    assert [content(doc, a) for a in turns] == ["Will taxes rise next year", "Not if the council can help it"]
    assert [mention(a) for a in turns] == ["Q", "A"]  # the labels are the sources as written
    assert all(speaker(a) is None for a in turns)


def test_transcript_answers_are_the_interviewees(nlp):
    doc = nlp("Q&A with Mayor Lisa Ortega.\n\nIn an interview with the Gazette, Mayor Lisa Ortega discussed "
              "the budget. Ortega, who met Tom Bell on Monday, was upbeat.\n\n"
              "Q: Will property taxes go up next year?\n\nA: No. We balanced the budget, taxes included.")
    turns = [a for a in paraphrases(doc) if a["cue"]["text"] == ":"]
    assert [(mention(a), speaker(a)) for a in turns] == [("Q", None), ("A", "Lisa Ortega")]


def test_an_interview_whose_introduction_names_two_people_alike_names_no_interviewee(nlp):
    doc = nlp("Ann Ruiz and Tom Bell spoke to the Gazette.\n\n"
              "Q: Will property taxes go up next year?\n\nA: No. We balanced the budget, taxes included.")
    turns = [a for a in paraphrases(doc) if a["cue"]["text"] == ":"]
    assert [(mention(a), speaker(a)) for a in turns] == [("Q", None), ("A", None)]


def test_a_single_letter_label_outside_a_transcript_names_nobody(nlp):
    doc = nlp("A note.\n\nQ: Will taxes rise next year?\n\nThe council met on Monday.")
    assert not [a for a in paraphrases(doc) if a["cue"]["text"] == ":"]


def test_fronted_poll_sources_its_sentence(nlp):
    doc = nlp("In a new Gallup poll, most voters favor the plan to widen the highway.")
    a = reported(doc, "In")
    assert content(doc, a) == "most voters favor the plan to widen the highway"
    assert "poll" in mention(a)


def test_as_reported_sources_the_main_clause(nlp):
    doc = nlp("As The Ledger reported, the mayor quit after the vote on Monday.")
    a = reported(doc, "reported")
    assert content(doc, a) == "the mayor quit after the vote on Monday"
    assert "Ledger" in mention(a)


def test_trailing_participle_is_not_reported(nlp):
    doc = nlp("Ann Ruiz said the plan would fail, pointing to last year's budget.")
    assert content(doc, reported(doc, "said")) == "the plan would fail"


def test_relative_clause_inside_the_content_stays(nlp):
    doc = nlp("Opponents said the ruling, which struck down the law, shows the need for new judges.")
    assert content(doc, reported(doc, "said")) == \
        "the ruling, which struck down the law, shows the need for new judges"


def test_time_stamp_before_the_speaker(nlp):
    doc = nlp("9:30 p.m.\n\nAnn Ruiz says she may move to Ohio if she loses the primary.")
    a = reported(doc, "says")
    assert content(doc, a) == "she may move to Ohio if she loses the primary"
    assert speaker(a) == "Ann Ruiz"
    assert mention(a) == "Ann Ruiz"


def test_strong_cue_with_no_source_still_reports(nlp):
    doc = nlp("It was announced that the plant will close in June.")
    a = reported(doc, "announced")
    assert content(doc, a) == "the plant will close in June"
    assert a["speaker"] is None


@pytest.mark.parametrize("text", [
    "The Federal Reserve held interest rates steady on Wednesday, and the markets rose.",
    "Wisconsin holds its presidential primary on Tuesday.",
    "The Republican candidates debated on Tuesday night, and the Democrats reacted.",
    "He is most proud of the things he has tried to block over the years.",
])
def test_a_time_alone_is_never_what_was_said(nlp, text):
    doc = nlp(text)
    times = [content(doc, a) for a in paraphrases(doc) if all(t.ent_type_ in ("DATE", "TIME") for t in
             doc.char_span(a["start"], a["end"], alignment_mode="expand") if not t.is_punct)]
    assert times == []


def test_a_noun_sharing_a_cue_lemma_reports_nothing(nlp):
    doc = nlp("The court heard the case of the state of Ohio in the spring.")
    assert not [a for a in paraphrases(doc) if a["cue"]["text"] == "state"]


def test_standing_in_the_polls_is_sourced_by_them(nlp):
    doc = nlp("Ann Ruiz has slipped in the latest polls.")
    a = reported(doc, "in")
    assert content(doc, a) == "Ann Ruiz has slipped"
    assert "polls" in mention(a)


@pytest.mark.parametrize(("text", "cue", "words", "source"), [
    ("Ann Ruiz came out in support of the new budget.", "support", "the new budget", "Ann Ruiz"),
    ("The FBI investigation into the missing files continues.", "investigation", "the missing files", "FBI"),
])
def test_reporting_noun_sourced_around_it(nlp, text, cue, words, source):
    doc = nlp(text)
    a = reported(doc, cue)
    assert content(doc, a) == words
    assert mention(a) == source


def test_passive_subject_reported_by_the_agent(nlp):
    doc = nlp("The new budget was rejected by Ann Ruiz.")
    a = reported(doc, "rejected")
    assert content(doc, a) == "The new budget"
    assert speaker(a) == "Ann Ruiz"


def test_hearsay_adverb_reports_its_clause(nlp):
    doc = nlp("Ann Ruiz reportedly plans to sell the paper.")
    a = reported(doc, "reportedly")
    assert content(doc, a) == "Ann Ruiz reportedly plans to sell the paper"
    assert a["speaker"] is None


def test_object_and_what_it_is_called(nlp):
    doc = nlp("Critics call it the return of an old habit.")
    assert content(doc, reported(doc, "call")) == "it the return of an old habit"


def test_an_active_verb_of_wanting_is_its_subjects_view(nlp):
    doc = nlp("The council favors building a new school.")
    a = reported(doc, "favors")
    assert "building a new school" in content(doc, a)
    assert mention(a) == "The council"


def test_a_raising_or_passive_verb_names_no_holder(nlp):
    doc = nlp("Ann Ruiz is expected to win the seat.")
    assert reported(doc, "expected")["speaker"] is None


def test_a_pronoun_reporting_inside_a_report_is_named_after_the_reporter(nlp):
    doc = nlp("The firm announced it plans to close two plants.")
    a = reported(doc, "plans")
    assert mention(a) == "it"
    assert speaker(a) == "The firm"


@pytest.mark.parametrize(("text", "cue", "words"), [
    pytest.param("If the mill closes, the workers will lose their jobs, he said.", "said",
                 "If the mill closes, the workers will lose their jobs",
                 id="speech verb closing its sentence reports the host clause"),
    pytest.param("The deficit grew over the summer, as Ann Ruiz noted.", "noted",
                 "The deficit grew over the summer", id="'as X noted' reports the host clause"),
    pytest.param("Asked about the plan, the mayor would not say so.", "say", "so", id="one-word answer: so"),
    pytest.param("Ann Ruiz said no to the merger.", "said", "no", id="one-word answer: no"),
    pytest.param("Ann Ruiz spoke at the rally.\n\nThe plan is too costly, Ann Ruiz said.", "said",
                 "The plan is too costly", id="content stays in the cue's paragraph"),
    pytest.param("Otherwise, she said, the ferries will stop running in the winter.", "said",
                 "the ferries will stop running in the winter", id="aside after a whole clause"),
    pytest.param("Ann Ruiz said the two plans \u201cfell apart.\u201d", "said",
                 "the two plans \u201cfell apart.\u201d", id="quotation kept whole with its stop"),
    pytest.param("Ann Ruiz called the lines \u201cunacceptable\u201d in a letter.", "called",
                 "the lines \u201cunacceptable\u201d", id="quotation kept whole with its marks"),
    pytest.param("Ann Ruiz urged the county board to repave the old road.", "urged",
                 "the county board to repave the old road", id="object of an infinitive is reported with it"),
    pytest.param("The council lost the vote - the mayor called the result a disgrace for the city.", "called",
                 "the result a disgrace for the city", id="clause before a dash is not the cue's complement"),
    pytest.param("Ann Ruiz mocked a familiar target: the city's old ferry fleet.", "mocked",
                 "a familiar target: the city's old ferry fleet", id="colon after object spells it out"),
    pytest.param("Ann Ruiz said the plan fails for one simple reason: the toll is far too high.", "said",
                 "the plan fails for one simple reason: the toll is far too high",
                 id="colon after a reported clause spells it out"),
    pytest.param("The new toll was seen by many drivers as a tax on commuters.", "seen",
                 "The new toll was seen by many drivers as a tax on commuters", id="passive cue with as"),
    pytest.param("The plan is widely viewed as a gift to developers.", "viewed",
                 "The plan is widely viewed as a gift to developers", id="passive cue with as and an adverb"),
    pytest.param("The old mill was once thought to be a gold mine.", "thought",
                 "The old mill was once thought to be a gold mine", id="passive cue with an infinitive"),
    pytest.param("Ruiz won Ohio, a state widely seen as a bellwether for the race.", "seen",
                 "a state widely seen as a bellwether for the race", id="participle with as after a noun"),
    pytest.param("Ann Ruiz predicted that fares would rise, but that ridership would hold.", "predicted",
                 "fares would rise, but that ridership would hold", id="second that-clause of the cue"),
    pytest.param("Ann Ruiz said she liked the new plan, but could not vote for it.", "said",
                 "she liked the new plan, but could not vote for it", id="modal conjunct joined to the cue"),
    pytest.param("Ann Ruiz said the bridge was safe and added that it would reopen soon.", "said",
                 "the bridge was safe", id="second speech verb ends the report"),
    pytest.param("Ann Ruiz conceded the plan had failed but insisted that it would work next year.",
                 "conceded", "the plan had failed", id="second speech verb after but ends the report"),
    pytest.param("She promised to cut the toll should she win the race.", "promised",
                 "to cut the toll should she win the race", id="inverted condition after an infinitive"),
    pytest.param("He said he would be honored to serve should the chance arise.", "said",
                 "he would be honored to serve should the chance arise", id="inverted condition, clause"),
    pytest.param("Ann Ruiz has promised to keep the ferry running and thanked the crew on Friday.",
                 "promised", "to keep the ferry running", id="finite verb after an infinitive"),
    pytest.param("Ann Ruiz was posting that the toll was a mistake and asking drivers to complain.",
                 "posting", "the toll was a mistake", id="participle like the cue is not reported"),
    pytest.param("An audit by the Ledger showed the party with the highest turnout in primary races won the "
                 "state only four times.", "showed",
                 "the party with the highest turnout in primary races won the state only four times",
                 id="a subject misread as the object keeps the phrase the parser hung on the verb"),
    pytest.param("Ann Ruiz said she will support the party's nominee, even as she has mocked his remarks.",
                 "said", "she will support the party's nominee",
                 id="an even-as clause after a comma is the writer's setting, not what was said"),
    pytest.param("Governor Ann Ruiz endorsed the mayor's plan for a new bridge on Thursday.", "endorsed",
                 "the mayor's plan for a new bridge",
                 id="a time closing what the cue acts on says when, not what"),
    pytest.param("Ann Ruiz, a former mayor of Dayton, said in one of a series of Twitter messages that the "
                 "truck was carrying explosives when it struck the crowd.", "said",
                 "the truck was carrying explosives when it struck the crowd",
                 id="a that-clause the parse hung on a noun deep in the phrase after the cue is its content"),
    pytest.param("States like Iowa (93 percent of voters there in 2012 were white, according to exit "
                 "polls), New Hampshire and Vermont went one way.", "according to",
                 "93 percent of voters there in 2012 were white",
                 id="according to inside a parenthesis sources what the parenthesis holds"),
    pytest.param("But Ohio offered a unique chance. According to a January study by the Ledger Research "
                 "Center based on census data from 2014, eligible voters who are Hispanic skew younger in "
                 "Ohio than elsewhere in the country. Another study agreed.", "According to",
                 "eligible voters who are Hispanic skew younger in Ohio than elsewhere in the country",
                 id="according to the parser made the root sources the clause after its comma"),
])
def test_reported_content(nlp, text, cue, words):
    doc = nlp(text)
    assert content(doc, reported(doc, cue)) == words


def test_a_cue_set_off_by_commas_reports_its_host_clause(nlp):
    doc = nlp("The plan was never funded, one aide said, on condition of anonymity to discuss the talks.")
    a = reported(doc, "said")
    assert content(doc, a) == "The plan was never funded"
    assert mention(a) == "one aide"


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("She said that she would back the budget but did not promise it would pass.", "promise", "She"),
    ("He announced that he was leaving the party and vowed to fight the plan.", "vowed", "He"),
])
def test_a_verb_joined_to_a_reported_clause_is_the_reporters(nlp, text, cue, source):
    a = reported(nlp(text), cue)
    assert mention(a) == source
    assert a["speaker"]["mention"]["start"] == 0


@pytest.mark.parametrize(("text", "cue", "who"), [
    pytest.param(
        "Rural voters are far more likely to say that the mayor represents their views.",
        "say", "Rural voters",
        id="a cue completing an adjective reports for the copula's subject (1)"),
    pytest.param(
        "But Ann Ruiz is convinced that the bridge will be rebuilt.",
        "convinced", "Ann Ruiz",
        id="a cue completing an adjective reports for the copula's subject (2)"),
    pytest.param(
        "The decisive victory led Senator Ann Ruiz to declare that the race was over.",
        "declare", "Senator Ann Ruiz",
        id="a cue completing a causative reports for its object (1)"),
    pytest.param(
        "That prompted Ann Ruiz to say the plan was a mistake.",
        "say", "Ann Ruiz",
        id="a cue completing a causative reports for its object (2)"),
    pytest.param(
        "The results came only after the mayor left, leaving some analysts to question "
        "whether she deserved the credit.",
        "question", "some analysts",
        id="a cue completing a causative reports for its object (3)"),
    pytest.param(
        "The mayor found ways to argue that the tax was unfair.",
        "argue", "The mayor",
        id="infinitive on a thing reports for the subject of its verb"),
    pytest.param(
        "Local Republicans have been blunt in their criticism of the new tax plan.",
        "criticism", "Local Republicans",
        id="possessive owner of a reporting noun is named by the clause subject (1)"),
    pytest.param(
        "Ann Ruiz stepped up her attacks on the transit board this week.",
        "attacks", "Ann Ruiz",
        id="possessive owner of a reporting noun is named by the clause subject (2)"),
    pytest.param(
        "The senator was booed by the crowd after saying the war was over.",
        "saying", "The senator",
        id="participle on a passive clause reports for its subject (1)"),
    pytest.param(
        "The mayor was criticized by her rivals for claiming that crime had fallen.",
        "claiming", "The mayor",
        id="participle on a passive clause reports for its subject (2)"),
    pytest.param(
        "The scandal has renewed Republican calls for a special prosecutor.",
        "calls", "Republican",
        id="reporting noun owner it marks itself comes before the verb subject (1)"),
    pytest.param(
        "The slow recovery could blunt the unions' demands for higher wages.",
        "demands", "the unions",
        id="reporting noun owner it marks itself comes before the verb subject (2)"),
    pytest.param(
        "The IMF pointed to Britain's decision to leave the union.",
        "decision", "The IMF",
        id="reporting noun owner it marks itself comes before the verb subject (3)"),
    pytest.param(
        "The protests grew louder as Ann Ruiz, the mayor's sister, attacked the plan for "
        "its cost.",
        "attacked", "Ann Ruiz",
        id="subject read as the object of a conjunction is the verb's subject (1)"),
    pytest.param(
        "The council adjourned after Chairman Tom Kim earlier in the day praised the budget deal.",
        "praised", "Chairman Tom Kim",
        id="subject read as the object of a conjunction is the verb's subject (2)"),
    pytest.param(
        "The rebels were able to win support by promising that taxes would fall.",
        "promising", "The rebels",
        id="participle climbs past an adjective to the copula subject"),
    pytest.param(
        "Ruiz released her tax returns in April, which showed she paid little.",
        "showed", "her tax returns",
        id="relative pronoun tied to a time stands for the object before it"),
    pytest.param(
        "The ruling left many to wonder whether the law would survive.",
        "wonder", "many",
        id="a causative with a quantifier object reports for it"),
    pytest.param(
        "Her economic plan promises to lift wages for teachers.",
        "promises", "Her economic plan",
        id="a document holds the view of its active verb"),
])
def test_reported_source(nlp, text, cue, who):
    """Who holds the view each shape reports: the mention the paraphrase names."""
    assert mention(reported(nlp(text), cue)) == who


@pytest.mark.parametrize(("text", "cue", "words", "who"), [
    pytest.param("When the storm passed, the mayor said, the ferries would run again.", "said",
                 "When the storm passed, the mayor said, the ferries would run again", "the mayor",
                 id="fronted adjunct hung on an aside stays in the content"),
    pytest.param("The long line at the door showed that the shop was busy.", "showed",
                 "the shop was busy", "The long line at the door", id="a thing that shows a clause"),
    pytest.param("Ann Ruiz made clear on Monday that she would run for a second term.", "made",
                 "she would run for a second term", "Ann Ruiz", id="making a clause clear"),
    pytest.param("Ann Ruiz made the case to donors that the new bridge would pay for itself.", "made",
                 "the new bridge would pay for itself", "Ann Ruiz", id="making the case that"),
    pytest.param("Ann Ruiz took a swipe at the new parking rules on Monday.", "took",
                 "the new parking rules", "Ann Ruiz", id="target of a blow"),
    pytest.param("Ann Ruiz scoffed at the idea of a new toll road.", "scoffed",
                 "the idea of a new toll road", "Ann Ruiz", id="target of scorn"),
    pytest.param("Tom Kim, a longtime critic of the stadium deal, spoke first.", "critic",
                 "the stadium deal", "Tom Kim", id="person named by a stance"),
    pytest.param("Ann Ruiz has been highly critical of the stadium deal.", "critical",
                 "the stadium deal", "Ann Ruiz", id="adjective of stance with of"),
    pytest.param("Most council members were skeptical of the new bus plan.", "skeptical",
                 "the new bus plan", "Most council members", id="adjective of stance held by a group"),
    pytest.param("Ann Ruiz is deeply worried about the new water rules.", "worried",
                 "the new water rules", "Ann Ruiz", id="adjective of stance with about"),
    pytest.param("The new toll was seen by Ann Ruiz as a tax on commuters.", "seen",
                 "a tax on commuters", "Ann Ruiz", id="passive cue with as takes its by agent for source"),
    pytest.param("This plan has been called \"a fiscal trap\" by Tom Lee, a professor at the state college.",
                 "called", "This plan has been called \"a fiscal trap\"", "Tom Lee",
                 id="passive agent hung on the object"),
    pytest.param("The mayor was asked to keep the files by the county board.", "asked",
                 "The mayor was asked to keep the files", "the county board",
                 id="passive agent hung on the infinitive"),
    pytest.param("Mayor Kim made it clear to council members on Friday that she has their backs.", "made",
                 "she has their backs", "Mayor Kim",
                 id="a that-clause the parse took for an adverbial clause is what was made clear"),
    pytest.param("A new county survey found broad support for the park levy among older voters.", "found",
                 "broad support for the park levy among older voters", "A new county survey",
                 id="a survey reports what it finds"),
    pytest.param("Lee talked at the luncheon about rising rents.", "talked", "rising rents", "Lee",
                 id="an about phrase the parse hung on the verb's phrase of place is what was talked about"),
    pytest.param("Senator Ann Ruiz came out against the new levy in March.", "came", "the new levy",
                 "Senator Ann Ruiz", id="coming out against something declares opposition to it"),
    pytest.param("At the forum, Mayor Kim took issue with the council's new parking rules.", "took",
                 "the council's new parking rules", "Mayor Kim",
                 id="taking issue with something disputes it"),
    pytest.param("Health Secretary Rhys Llewellyn said he was disappointed by the decision and warned the "
                 "walkout would cost $40 million a week.", "warned",
                 "the walkout would cost $40 million a week", "he",
                 id="an object the parser took from a subjectless clause is its subject"),
    pytest.param("Ruiz Is Now Calling Kim The ‘Worst Mayor’ In Decades.\nThe remark came on Monday.",
                 "Calling", "Kim The ‘Worst Mayor’ In Decades", "Ruiz",
                 id="a speech verb in a headline's capitals reports the rest of its line"),
    pytest.param('The collapse of the merger signals "the start of the slide" for the region, '
                 "said Mara Olsen, head of the regional trade board.", "said",
                 'The collapse of the merger signals "the start of the slide" for the region', "Mara Olsen",
                 id="a clause misread as the cue's subject is reported by the name after it"),
    pytest.param('The closing of the plant signals "a hard winter" for the valley, '
                 "said Tom Hale, a union organizer.", "said",
                 'The closing of the plant signals "a hard winter" for the valley', "Tom Hale",
                 id="a clause misread as the cue's subject, short source description"),
    pytest.param("Ruiz greeted the ruling as a “win for renters.”", "greeted",
                 "the ruling as a “win for renters.”", "Ruiz",
                 id="a quoted label put on an object through as"),
    pytest.param("Lee summed up the plan as “a mess.”", "summed", "the plan as “a mess.”", "Lee",
                 id="a quoted label after a particle verb"),
    pytest.param("Ruiz painted her rival as “reckless” with a “taste for chaos.”", "painted",
                 "her rival as “reckless” with a “taste for chaos.”", "Ruiz",
                 id="a quoted label with a further quoted phrase of the verb"),
    pytest.param("Budget talks stall.\n\nRuiz: Taxes will rise next year.\n\nThe council met on Monday.", ":",
                 "Taxes will rise next year", "Ruiz", id="name and colon opening a line"),
    pytest.param("Ann Ruiz at the forum: Taxes will rise next year.\n\nThe council met on Monday.", ":",
                 "Taxes will rise next year", "Ann Ruiz",
                 id="a headline label with more than a name credits the name"),
])
def test_reported_content_and_holder(nlp, text, cue, words, who):
    """What each shape reports and who the paraphrase names as holding it."""
    doc = nlp(text)
    a = reported(doc, cue)
    assert content(doc, a) == words
    assert mention(a) == who


def test_a_name_the_parse_hung_on_an_opening_date_is_the_verbs_subject():
    from spacy.vocab import Vocab

    from claimcheck.components.reported_speech import _opening_appositive
    from claimcheck.components.sources import _DocView

    doc = hand_parsed(Vocab(), r"""
        On       6  prep  ADP   IN
        June     0  pobj  PROPN NNP
        4        1  nummod NUM  CD
        ,        1  punct PUNCT ,
        Ruiz     1  appos PROPN NNP
        ,        4  punct PUNCT ,
        endorsed 6  ROOT  VERB  VBD
        the      8  det   DET   DT
        plan     6  dobj  NOUN  NN
        .        6  punct PUNCT .
    """, ents=["O", "B-DATE", "I-DATE", "O", "B-PERSON", "O", "O", "O", "O", "O"])
    assert _opening_appositive(doc[6], _DocView(doc, [], doc.text)).i == 4


def test_a_name_the_parse_hung_on_a_preposition_is_the_stranded_verbs_subject():
    from spacy.vocab import Vocab

    from claimcheck.components.reported_speech import _stranded_subject
    from claimcheck.components.sources import _DocView

    doc = hand_parsed(Vocab(), r"""
        In        7  prep  ADP
        an        2  det   DET
        interview 0  pobj  NOUN
        with      2  prep  ADP
        Ruiz      3  pobj  PROPN
        has       7  aux   AUX
        not       7  neg   PART
        said      7  ROOT  VERB
        whether   11 mark  SCONJ
        she       11 nsubj PRON
        will      11 aux   AUX
        run       7  ccomp VERB
    """)
    view = _DocView(doc, [], doc.text)
    assert _stranded_subject(doc, doc[7], view).text == "Ruiz"
    assert _stranded_subject(doc, doc[11], view) is None  # "run" has its own subject


def test_a_participle_under_a_headline_reports_for_the_subject_on_its_line(nlp):
    doc = nlp("Ruiz says voters want change\n"
              "Democrats are drawing up plans to win back the suburbs, saying the seat is within reach.")
    assert mention(reported(doc, "saying")) == "Democrats"


@pytest.mark.parametrize(("text", "cue", "words", "source"), [
    ("The new bridge, Ann Ruiz said, will be finished by the spring.", "said",
     "The new bridge, Ann Ruiz said, will be finished by the spring", "Ann Ruiz"),
    ("Most of the ferries, Ann Ruiz says, will keep running through the winter.", "says",
     "Most of the ferries, Ann Ruiz says, will keep running through the winter", "Ann Ruiz"),
])
def test_aside_splitting_one_clause_reports_both_sides(nlp, text, cue, words, source):
    doc = nlp(text)
    a = reported(doc, cue)
    assert content(doc, a) == words
    assert speaker(a) == source


def test_inverted_cue_closing_the_sentence_reports_all_before_it(nlp):
    doc = nlp("Across the valley, the old mill is still running, but it is losing money every month, "
              "said the plant's manager, Ann Ruiz.")
    a = reported(doc, "said")
    assert content(doc, a) == (
        "Across the valley, the old mill is still running, but it is losing money every month")
    assert speaker(a) == "Ann Ruiz"


def test_reason_clause_after_an_object_is_not_part_of_it(nlp):
    doc = nlp("Ann Ruiz backs the mayor because she thinks the budget is sound.")
    assert content(doc, reported(doc, "backs")) == "the mayor"
    assert content(doc, reported(doc, "thinks")) == "the budget is sound"


def test_active_verb_with_an_object_does_not_report_its_own_subject(nlp):
    doc = nlp("Voters met the mayor, whom Ann Ruiz once called “the best in the state”, at the fair.")
    assert all(not content(doc, a).startswith("Ann Ruiz") for a in paraphrases(doc))


@pytest.mark.parametrize(("text", "cue", "who"), [
    ("The hearing ended with Senator Ann Ruiz saying the agency had misled the public.", "saying",
     "Senator Ann Ruiz"),
    ("The long delays have left many farmers saying the program has failed them.", "saying",
     "many farmers"),
    ("The bishop was asked about Pope Francis calling the plan a mistake.", "calling", "Pope Francis"),
])
def test_participle_reports_for_the_noun_it_is_predicated_of(nlp, text, cue, who):
    doc = nlp(text)
    assert mention(reported(doc, cue)) == who


@pytest.mark.parametrize(("text", "cue", "who"), [
    ("The protest began an hour after the mayor walked onto the stage, saying the budget would pass.",
     "saying", "the mayor"),
    ("Ann Ruiz rejected the idea that the tax would hurt farmers, saying the data showed otherwise.",
     "saying", "Ann Ruiz"),
])
def test_participle_reports_for_the_nearest_clause_not_reported(nlp, text, cue, who):
    doc = nlp(text)
    assert mention(reported(doc, cue)) == who


@pytest.mark.parametrize(("text", "cue", "who"), [
    ("The governor spent much of the hearing defending the new water rules.", "defending", "The governor"),
    ("The mayor argued with the council for hours, at one point calling the budget a disgrace.", "calling",
     "The mayor"),
])
def test_participle_on_a_scene_noun_reports_for_the_clause_subject(nlp, text, cue, who):
    doc = nlp(text)
    assert mention(reported(doc, cue)) == who


@pytest.mark.parametrize(("text", "cue", "who"), [
    ("Ann Ruiz predicted that the new tax would hurt exports and urged lawmakers to repeal it.", "urged",
     "Ann Ruiz"),
    ("The senator said the agency had ignored the warnings and said its director should resign.", "said",
     "The senator"),
    ("Local officials believe the company has broken the rules and admit that they cannot stop it.", "admit",
     "Local officials"),
    ("Ann Ruiz insists the city must be a place of ideas, and has championed a plan to cut fares.",
     "championed", "Ann Ruiz"),
    ("Ann Ruiz said Tom Kim was wrong about the budget and criticized him for ignoring the deficit.",
     "criticized", "Ann Ruiz"),
])
def test_verb_joined_inside_a_report_belongs_to_the_main_clause(nlp, text, cue, who):
    doc = nlp(text)
    a = [p for p in paraphrases(doc) if p["cue"]["text"] == cue][-1]
    assert mention(a) == who


@pytest.mark.parametrize(("text", "cue", "who"), [
    ("Ann Ruiz argued that the new law would keep prices low, saying the data supported her.", "saying",
     "Ann Ruiz"),
    ("Critics say the mayor cannot promise that “the money is there,” Ruiz added, saying the council must "
     "vote first.", "saying", "Ruiz"),
])
def test_participle_climbs_past_a_reported_clause(nlp, text, cue, who):
    doc = nlp(text)
    assert mention(reported(doc, cue)) == who


def test_a_dateline_the_parse_made_the_subject_gives_way_to_the_name_after_its_dash():
    from spacy.vocab import Vocab

    from claimcheck.components.reported_speech import _past_dateline

    doc = hand_parsed(Vocab(), r"""
        DENVER   8  nsubj    PROPN
        (        0  punct    PUNCT
        AP       0  appos    PROPN
        )        0  punct    PUNCT
        —        0  punct    PUNCT
        Governor 7  compound PROPN
        Ann      7  compound PROPN
        Ruiz     0  appos    PROPN
        vetoed   8  ROOT     VERB
        the      10 det      DET
        bill     8  dobj     NOUN
    """)
    assert _past_dateline(doc[0]).text == "Ruiz"
    assert _past_dateline(doc[7]).text == "Ruiz"  # a subject with no dateline stays


@pytest.mark.parametrize(("text", "who"), [
    ("Ruiz, a top aide said, is very confident about the vote.", "a top aide"),
    ("Ann Ruiz, a city engineer, said the new bridge will open next spring.", "Ann Ruiz"),
])
def test_speech_verb_in_an_aside_after_a_noun_phrase_reports_for_that_phrase(nlp, text, who):
    assert mention(reported(nlp(text), "said")) == who


def test_a_subjectless_cue_after_a_participle_aside_takes_the_name_before_the_aside():
    from spacy.vocab import Vocab

    from claimcheck.components.reported_speech import _aside_subject
    from claimcheck.components.sources import _DocView

    doc = hand_parsed(Vocab(), r"""
        Ruiz     8  dep   PROPN NNP
        ,        2  punct PUNCT ,
        opening  8  advcl VERB  VBG
        the      4  det   DET   DT
        museum   2  dobj  NOUN  NN
        on       2  prep  ADP   IN
        Saturday 5  pobj  PROPN NNP
        ,        8  punct PUNCT ,
        said     8  ROOT  VERB  VBD
        it       11 nsubj PRON  PRP
        would    11 aux   AUX   MD
        last     8  ccomp VERB  VB
    """)
    view = _DocView(doc, [], doc.text)
    assert _aside_subject(doc, view, doc[8]).text == "Ruiz"  # not "Saturday", inside the aside
    assert _aside_subject(doc, view, doc[11]) is None

def test_a_scene_with_a_participle_is_not_a_reported_clause(nlp):

    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.reported_speech import _reported_clause
    from claimcheck.components.sources import _DocView

    doc = hand_parsed(nlp.vocab, r"""
        I        1 nsubj PRON  PRP
        remember 1 ROOT  VERB  VBP
        Ruiz     3 nsubj PROPN NNP
        going    1 ccomp VERB  VBG
        on       3 prep  ADP   IN
        TV       4 pobj  PROPN NNP
    """)
    view = _DocView(doc, [], doc.text)
    assert not _reported_clause(doc[3], doc[2], view, load_lexicon())
    doc[3].tag_ = "VBD"  # "remember Ruiz went on TV": a clause of its own
    assert _reported_clause(doc[3], doc[2], view, load_lexicon())


def test_a_subject_the_parse_hung_on_the_auxiliary_is_the_verbs_subject(nlp):
    from spacy.tokens import Doc

    from claimcheck.components.reported_speech import _auxiliary_subject
    from claimcheck.components.sources import _DocView

    words = ["Ruiz", "was", "not", "so", "much", "saying", "that", "taxes", "would", "rise"]
    heads = [1, 5, 1, 4, 5, 5, 9, 9, 9, 5]
    deps = ["nsubj", "aux", "neg", "advmod", "amod", "ROOT", "mark", "nsubj", "aux", "ccomp"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    view = _DocView(doc, [], doc.text)
    assert _auxiliary_subject(doc[5], view).text == "Ruiz"
    assert _auxiliary_subject(doc[9], view) is None  # "would" has no subject of its own

def test_infinitive_on_a_thing_past_two_prepositions_or_given_to_someone(nlp):

    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.reported_speech import _infinitive_user
    from claimcheck.components.sources import _DocView

    lex = load_lexicon()
    doc = hand_parsed(nlp.vocab, r"""
        Kim  1 nsubj PROPN NNP
        went 1 ROOT  VERB  VBD
        out  1 prep  ADP   IN
        of   2 prep  ADP   IN
        his  5 poss  PRON  PRP$
        way  3 pobj  NOUN  NN
        to   7 aux   PART  TO
        say  5 relcl VERB  VB
        it   7 dobj  PRON  PRP
    """)
    assert _infinitive_user(doc[7], _DocView(doc, [], doc.text), lex).text == "Kim"

    doc = hand_parsed(nlp.vocab, r"""
        The     1 det    DET   DT
        rise    2 nsubj  NOUN  NN
        gave    2 ROOT   VERB  VBD
        Ruiz    2 dative PROPN NNP
        new     5 amod   ADJ   JJ
        impetus 2 dobj   NOUN  NN
        to      7 aux    PART  TO
        oppose  5 relcl  VERB  VB
        it      7 dobj   PRON  PRP
    """)
    assert _infinitive_user(doc[7], _DocView(doc, [], doc.text), lex).text == "Ruiz"

def test_participle_on_an_existential_clause_reports_for_what_there_is(nlp):

    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.reported_speech import _participle_clause_subject
    from claimcheck.components.sources import _DocView

    doc = hand_parsed(nlp.vocab, r"""
        There     1 expl     PRON  EX
        were      1 ROOT     VERB  VBD
        memos     1 attr     NOUN  NNS
        that      4 det      DET   DT
        week      1 npadvmod NOUN  NN
        showing   1 advcl    VERB  VBG
        that      8 mark     SCONJ IN
        officials 8 nsubj    NOUN  NNS
        knew      5 ccomp    VERB  VBD
    """)
    view = _DocView(doc, [], doc.text)
    assert _participle_clause_subject(doc[5], view, load_lexicon()).text == "memos"


def test_an_opening_participle_the_parse_made_the_subject_gives_way_to_the_noun_after_its_comma(nlp):

    from claimcheck.components.reported_speech import _past_opening_participle

    doc = hand_parsed(nlp.vocab, r"""
        Making  9  csubj VERB  VBG
        her     2  poss  PRON  PRP$
        way     0  dobj  NOUN  NN
        around  2  prep  ADP   IN
        the     5  det   DET   DT
        diner   3  pobj  NOUN  NN
        ,       5  punct PUNCT ,
        Ruiz    5  conj  PROPN NNP
        ,       5  punct PUNCT ,
        thanked 9  ROOT  VERB  VBD
        a       11 det   DET   DT
        cook    9  dobj  NOUN  NN
    """)
    assert _past_opening_participle(doc[0], doc[9]).text == "Ruiz"
    assert _past_opening_participle(doc[7], doc[9]) is None


def test_a_clause_of_time_the_parse_made_a_complement_is_not_reported():
    import spacy

    from claimcheck.components.reported_speech import _content, _frame_span

    doc = hand_parsed(spacy.blank("en").vocab, r"""
        Ruiz      1  nsubj PROPN NNP
        praised   1  ROOT  VERB  VBD
        the       3  det   DET   DT
        plan      1  dobj  NOUN  NN
        after     6  mark  SCONJ IN
        she       6  nsubj PRON  PRP
        read      1  ccomp VERB  VBD
        it        6  dobj  PRON  PRP
    """)
    assert _content(doc, doc[1]) == (2, 4)  # the object, not "after she read it"
    assert _frame_span(doc[1], "ccomp") is None


@pytest.mark.parametrize(("table", "extra", "expected"), [
    pytest.param(r"""
        Ruiz      1  nsubj PROPN NNP
        predicted 1  ROOT  VERB  VBD
        at        1  prep  ADP   IN
        the       4  det   DET   DT
        rally     2  pobj  NOUN  NN
        that      9  mark  SCONJ IN
        the       7  det   DET   DT
        bridge    9  nsubj NOUN  NN
        would     9  aux   AUX   MD
        close     4  relcl VERB  VB
        in        9  prep  ADP   IN
        May       10 pobj  PROPN NNP
    """, {}, (6, 12),
                 id="that-clause hung on the noun after the verb is its complement"),
    pytest.param(r"""
        Ruiz      1  nsubj PROPN NNP
        predicted 1  ROOT  VERB  VBD
        at        1  prep  ADP   IN
        the       4  det   DET   DT
        rally     2  pobj  NOUN  NN
        that      9  dobj  PRON  WDT
        the       7  det   DET   DT
        party     9  nsubj NOUN  NN
        would     9  aux   AUX   MD
        win       4  relcl VERB  VB
        every     11 det   DET   DT
        seat      9  dobj  NOUN  NN
    """, {}, (6, 12),
                 id="that read as an object by a clause with its own object is a conjunction"),
    pytest.param(r"""
        Ruiz   1 nsubj PROPN NNP
        spoke  1 ROOT  VERB  VBD
        at     1 prep  ADP   IN
        the    4 det   DET   DT
        rally  2 pobj  NOUN  NN
        that   6 nsubj PRON  WDT
        drew   4 relcl VERB  VBD
        crowds 6 dobj  NOUN  NNS
    """, {}, None,
                 id="relative clause whose that stands for the noun is the noun's"),
    pytest.param(r"""
        Ruiz      1 nsubj PROPN NNP
        spoke     1 ROOT  VERB  VBD
        with      1 prep  ADP   IN
        reporters 2 pobj  NOUN  NNS
        about     1 prep  ADP   IN
        the       7 det   DET   DT
        new       7 amod  ADJ   JJ
        budget    4 pobj  NOUN  NN
    """, {}, (5, 8),
                 id="about phrase after another phrase of the verb"),
    pytest.param(r"""
        Ruiz  1 nsubj PROPN NNP
        spoke 1 ROOT  VERB  VBD
        for   1 prep  ADP   IN
        years 2 pobj  NOUN  NNS
    """, {"ents": ["O", "O", "O", "B-DATE"]}, None,
                 id="a phrase of time is not what about"),
    pytest.param(r"""
        Ruiz     1 nsubj PROPN NNP
        referred 1 ROOT  VERB  VBD
        to       1 prep  ADP   IN
        the      5 det   DET   DT
        new      5 amod  ADJ   JJ
        bridge   2 pobj  NOUN  NN
        as       1 prep  ADP   IN
        a        8 det   DET   DT
        waste    6 pobj  NOUN  NN
    """, {}, (3, 9),
                 id="as phrase after the phrase object"),
    pytest.param(r"""
        Ruiz      1 nsubj PROPN
        praised   1 ROOT  VERB
        the       4 det   DET
        new       4 amod  ADJ
        lines     1 dobj  NOUN
        ,         1 punct PUNCT
        including 1 prep  VERB
        the       8 det   DET
        route     6 pobj  NOUN
        .         1 punct PUNCT
    """, {}, (2, 9),
                 id="examples hung on the verb belong to its object"),
    pytest.param(r"""
        Ruiz       1 nsubj PROPN
        questioned 1 ROOT  VERB
        his        3 poss  PRON
        record     1 dobj  NOUN
        and        1 cc    CCONJ
        his        6 poss  PRON
        readiness  1 conj  NOUN
        to         8 aux   PART
        lead       6 acl   VERB
        .          1 punct PUNCT
    """, {"tags": ["NNP", "VBD", "PRP$", "NN", "CC", "PRP$", "NN", "TO", "VB", "."]}, (2, 9),
                 id="noun joined to the verb is a second object"),
    pytest.param(r"""
        Kim   1 nsubj PROPN
        asked 1 ROOT  VERB
        Ruiz  1 dobj  PROPN
        if    6 mark  SCONJ
        she   6 nsubj PRON
        would 6 aux   AUX
        run   1 advcl VERB
        .     1 punct PUNCT
    """, {"lemmas": ["Kim", "ask", "Ruiz", "if", "she", "would", "run", "."]}, (3, 7),
                 id="if clause after a verb of asking is the question"),
])
def test_content_of_a_misread_parse(table, extra, expected):
    """What a cue verb (the second word) reports, on parses the model is known to make of such sentences."""
    import spacy

    from claimcheck.components.reported_speech import _content

    doc = hand_parsed(spacy.blank("en").vocab, table, **extra)
    assert _content(doc, doc[1]) == expected


def test_a_reporting_noun_with_a_that_clause_and_no_owner_reports_it(nlp):
    from claimcheck.components.names import NameBook
    from claimcheck.components.reported_speech import _nominal_paraphrases
    from claimcheck.components.sources import _DocView

    doc = nlp("Ruiz backed away from a suggestion that she might cover the costs.")
    found = _nominal_paraphrases(doc, _DocView(doc, [], doc.text), load_lexicon(), NameBook(frozenset()))
    assert [(doc.text[a["start"]:a["end"]], a["speaker"]) for a in found] == [
        ("she might cover the costs", None)]


def test_an_agentless_passive_cue_reports_its_phrase_by_nobody_named():
    import spacy

    from claimcheck.components.names import NameBook
    from claimcheck.components.reported_speech import _paraphrases
    from claimcheck.components.sources import _DocView

    # a headline the parse left without a subject
    doc = hand_parsed(spacy.blank("en").vocab, r"""
        Later     2  advmod  ADV   RB
        was       2  auxpass AUX   VBD
        pressed   2  ROOT    VERB  VBN
        about     2  prep    ADP   IN
        the       6  det     DET   DT
        new       6  amod    ADJ   JJ
        budget    3  pobj    NOUN  NN
    """, lemmas=["later", "be", "press", "about", "the", "new", "budget"])
    found = _paraphrases(doc, _DocView(doc, [], doc.text), load_lexicon(), NameBook(frozenset()))
    assert [(doc.text[a["start"]:a["end"]], a["speaker"]) for a in found] == [("the new budget", None)]


def test_a_noun_reporting_through_a_that_clause_with_no_source_reports_it(nlp):
    doc = nlp("Ruiz backed away from the notion that the bridge is unsafe.")
    a = reported(doc, "notion")
    assert content(doc, a) == "the bridge is unsafe"
    assert a["speaker"] is None
    # as the subject of its clause it names a topic
    doc = nlp("The notion that the bridge is unsafe spread quickly.")
    assert not [a for a in paraphrases(doc) if a["cue"]["text"] == "notion"]


def test_a_shot_at_something_can_be_a_chance(nlp):
    doc = nlp("Ann Ruiz has a good shot at the nomination.")
    assert not [a for a in paraphrases(doc) if a["cue"] and a["cue"]["text"] == "has"]


def test_a_headline_cue_tagged_as_a_noun_is_used_as_a_verb():
    from spacy.vocab import Vocab

    from claimcheck.components.attribution import attribute

    doc = hand_parsed(Vocab(), r"""
        Mayor   1  compound PROPN
        Ruiz    2  nsubj    PROPN
        Blasts  2  ROOT     PROPN
        Council 4  compound PROPN
        Budget  2  dobj     PROPN
        Delay   4  appos    PROPN
    """, lemmas=["Mayor", "Ruiz", "blast", "Council", "Budget", "Delay"])
    records = [a for a in attribute(doc, [], load_lexicon()) if a["kind"] == "paraphrase"]
    assert [doc.text[a["start"] : a["end"]] for a in records] == ["Council Budget Delay"]


def test_what_attention_is_drawn_to_is_reported(nlp):
    doc = nlp("Ann Ruiz drew attention to the long delays at the border.")
    a = reported(doc, "drew")
    assert content(doc, a) == "the long delays at the border"
    assert speaker(a) == "Ann Ruiz"


def test_a_participle_telling_how_something_was_said_is_not_what_was_said(nlp):
    doc = nlp("\u201cIt was a long night,\u201d she said, laughing. \u201cWe won,\u201d he said, looking at "
              "the floor. \u201cFine,\u201d Ann Ruiz said, adding that she would stay.")
    said = [content(doc, a) for a in paraphrases(doc)]
    assert not any(c.startswith(("laughing", "looking")) for c in said), said
    assert "she would stay" in [content(doc, reported(doc, "adding"))]


def test_told_and_its_listener_closing_the_sentence_report_the_clause_before_the_comma():
    # the parser hangs "told" on the host clause as a conjunct; its object is who was told, not what
    from spacy.vocab import Vocab

    from claimcheck.components.reported_speech import _content

    doc = hand_parsed(Vocab(), r"""
        The      1  det      DET
        plan     2  nsubj    NOUN
        adds     2  ROOT     VERB
        a        4  det      DET
        ferry    2  dobj     NOUN
        ,        4  punct    PUNCT
        Mayor    7  compound PROPN
        Ruiz     8  nsubj    PROPN
        told     2  conj     VERB
        the      10 det      DET
        council  8  dobj     NOUN
        Monday   8  npadvmod PROPN
        .        8  punct    PUNCT
    """, lemmas=["the", "plan", "add", "a", "ferry", ",", "Mayor", "Ruiz", "tell", "the", "council", "Monday",
                 "."])
    a, b = _content(doc, doc[8])
    assert doc[a:b].text == "The plan adds a ferry"


def test_one_claim_per_content_and_source():
    # a content read through two cues ("Reid says he voted …": "says" and "voted") is one claim; a
    # second reading with no source or the same source goes, one naming someone else stays
    from claimcheck.components.reported_speech import _distinct

    def claim(start, end, cue, name):
        return {"kind": "paraphrase", "start": start, "end": end, "group": None, "cue": {"text": cue},
                "speaker": {"name": name} if name else None}

    records = [claim(0, 10, "says", "Ann Ruiz"), claim(0, 10, "voted", "Ann Ruiz"),
               claim(0, 10, "left", None), claim(0, 10, "agreed", "Tom Bell"),
               claim(0, 12, "says", "Ann Ruiz")]
    assert [r["cue"]["text"] for r in _distinct(records)] == ["says", "agreed", "says"]
    unnamed_first = [claim(0, 10, "feel", None), claim(0, 10, "say", "Ann Ruiz")]
    assert [r["cue"]["text"] for r in _distinct(unnamed_first)] == ["feel", "say"]
