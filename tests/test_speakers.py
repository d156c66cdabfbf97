"""Who a direct quote's speaker is: the patterns added to speaker finding, on invented sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from attribution_helpers import hand_parsed, mention, quote_of, quotes, speaker
from claimcheck.components.attribution import _note_subjects
from claimcheck.components.names import NameBook
from claimcheck.components.sources import _DocView, _nearby_subject, _subject


def test_main_clause_speaker_outranks_what_she_called(nlp):
    # the cues are ranked by their evidence: "called" in a clause the main verb governs loses
    doc = nlp("The mayor denounced what she called the \u201creckless\u201d budget of the council.")
    assert mention(quote_of(doc, "reckless")) == "The mayor"


@pytest.mark.parametrize(("text", "words", "who"), [
    pytest.param(
        "Mr. Bell, whose latest start-up, Acme, uses data to help towns find builders, said Mr. Ruiz "
        "was a builder very much in the spirit of the city: \u201cHe is a doer who never stops.\u201d",
        "doer", "Bell",
        id="a titled name after said that is the subject of what was said is not inverted"),
    pytest.param(
        "\u201cWe will find the money that is missing.\u201d Ana Ruiz said. The council disagreed.",
        "money that is missing", "Ana Ruiz",
        id="a sentence that is only a name and said, after a quote ending in a full stop"),
    pytest.param(
        "Comedian Carla Mendes was booed and shouted down by union members after telling them that "
        "they were \u201cbeing childish.\u201d",
        "being childish", "Carla Mendes",
        id="a participle after a passive verb joined by and is its subject's words, not the agent's"),
    pytest.param(
        "Even before Bell took the stage, his campaign sent out a text message to supporters saying: "
        "\u201cWe just won the county! Reply GIVE to donate.\u201d",
        "won the county", "his campaign",
        id="a participle after the people a message was sent to is the sender's words"),
    pytest.param(
        "Tom Bell left the firm in 1998. As Tom stumbled, Mr. Vance said, \u201cI watched him. And I "
        "learned from him.\u201d",
        "I watched him", "Vance",
        id="an as-clause credits its subject only with a verb that reports speech in most of its uses"),
    pytest.param(
        "At the debate, Bell said that such visas are \u201cfrankly, very, very bad for workers,\u201d "
        "not one of his three rivals hit him for it.",
        "bad for workers", "Bell",
        id="a clause after a partial quote with its own subject and object is no trailing attribution"),
    pytest.param(
        "The hearing ran long.\n\nRep. Ann Ruiz (D-Ohio):\"I have not heard anyone cite that figure. "
        "Who told you that?\"",
        "cite that figure", "Ann Ruiz",
        id="a label with a party tag glued to its quote mark"),
    pytest.param(
        "\u201cRuiz needs a plan for the suburbs,\u201d Tom Bell, the pollster who founded a survey "
        "firm tweeted on Wednesday.",
        "plan for the suburbs", "Tom Bell",
        id="a description set beside a name stands for that name"),
    pytest.param(
        "Small groups of protesters marched through downtown, looping the streets around the stadium - "
        "where the Dayton Dragons played the Columbus Clippers - while chanting, \"Hands up, do not "
        "shoot.\"",
        "Hands up", "Small groups of protesters",
        id="a participle after an aside set off by dashes belongs to the clause around the aside"),
    pytest.param(
        "A chorus of Republicans has said the same thing, including the former candidate Ann Ruiz -- "
        "\"It is disqualifying for a nominee to hide tax returns\" -- and Tom Bell, a former commissioner.",
        "disqualifying", "Ann Ruiz",
        id="a quote set off by dashes right after a name is that person's"),
    pytest.param(
        "If you doubt the council, the Dayton Ledger will brand you a liar and WXYZ News will accuse you "
        "of engaging in a \"freak out.\"",
        "freak out", "WXYZ News",
        id="a name after and that the parser joined to the object before is the next verb's subject"),
    pytest.param(
        "\"Apparently there is a young man having some problems,\" Ruiz said as the heckler yelled: "
        "\"You lie!\"",
        "You lie", "the heckler",
        id="a cue with its own subject right before the colon that opens a quoted sentence introduces it"),
    pytest.param(
        "Ruiz spoke near the old mill, where about 40 workers had gathered on Friday, chanting \"no deal, "
        "no vote\" at the gates.",
        "no deal", "about 40 workers",
        id="a participle right after a where-clause is what that clause's subject was doing"),
    pytest.param(
        "The campaign began with a short web video in which children smash a toy tractor, yelling "
        "\"tax the farms!\"",
        "tax the farms", "children",
        id="a participle right after an in-which clause is what that clause's subject was doing"),
    pytest.param(
        "Bell, a senior aide said, \"is very sure of the result\" and will not concede tonight.",
        "very sure of the result", "a senior aide",
        id="a cue set off inside the sentence, no comma before it: the noun right before it speaks"),
    pytest.param(
        "Bell, a senior aide, said \"the result is very clear\" and left the room.",
        "result is very clear", "Bell",
        id="a description between commas before the cue stands for the name"),
    pytest.param(
        "According to radio host Tom Bell, the plan reeks of \u201cfear\u201d and desperation.",
        "fear", "Tom Bell",
        id="a word quoted after according to X and a comma is X's, however the parser ran the name on"),
    pytest.param(
        "Sy Burr wrote in.\n\nNo wonder Bell said, and I quote, \"We love the poorly educated.\" He is "
        "treating his voters as fools.",
        "poorly educated", "Bell",
        id="the writer's and-I-quote is no speaker"),
    pytest.param(
        "Tom Bell was gracious in declaring victory on Tuesday night, but all signs of his humility were "
        "gone.\n\nInstead, he was back to boasting about \"winning\" and pledging to make the city great.",
        "winning", "Tom Bell",
        id="a participle behind an adverb (back to boasting) climbs to the clause the adverb modifies"),
    pytest.param(
        "Of Bell, Ana Ruiz, who gave money to the mayor, said, \u201cHe is a wonderful man.\u201d",
        "wonderful man", "Ana Ruiz",
        id="a fronted of-phrase the parser made the subject is not the speaker"),
    pytest.param(
        "Ann Ruiz said the agency has “no plan at all,” and Tom Bell, who runs the agency, "
        "said it would reply.",
        "no plan", "Ann Ruiz",
        id="main speaker kept over a later clause"),
    pytest.param(
        "Any fair reading of the ruling, said Omar Haddad, shows that the judges were “deeply "
        "divided.”",
        "deeply divided", "Omar Haddad",
        id="fronted phrase before inverted said is not the speaker"),
    pytest.param(
        "Marta Velez praised the new budget.\n\n“It is the best plan we have seen in years.”",
        "best plan", "Marta Velez",
        id="quote after a sentence with a person and a rarer cue"),
    pytest.param(
        "Ann Ruiz was critical of the levy, telling reporters: “This is a tax on renters.”",
        "tax on renters", "Ann Ruiz",
        id="participle hanging from a clause below the quote"),
    pytest.param(
        "Ann Ruiz met Compaq executives in May.\n\nCompaq offered her a seat on the board, and "
        "she declined. “I have other plans,” she said.",
        "other plans", "Ann Ruiz",
        id="pronoun prefers a person over a company"),
    pytest.param(
        "Tom Bell argued that the bridge would bring jobs to the valley, calling it “a "
        "lifeline for the town.”",
        "lifeline", "Tom Bell",
        id="a noun that never speaks loses the cue to a person"),
    pytest.param(
        "After the mayor criticized her budget, Ana Ruiz shot back, “I will not apologize for "
        "fixing the roads.”",
        "fixing the roads", "Ana Ruiz",
        id="clause holding the quote beats a clause before it"),
    pytest.param(
        "Speaking to reporters on Monday, Ana Ruiz said it was too early to celebrate but "
        "added, “I think you all know the result.”",
        "know the result", "Ana Ruiz",
        id="speech verb coordinated inside the report belongs to the reporter"),
    pytest.param(
        "Tom Bell said the levy was fair, but as Ana Ruiz put it, the town is “paying twice "
        "for the same road.”",
        "paying twice", "Ana Ruiz",
        id="as someone put it introduces their words"),
    pytest.param(
        "The vote was close. Added Tom Bell: “We finally have a budget that works.”",
        "budget that works", "Tom Bell",
        id="sentence opening speech verb before a name and colon"),
    pytest.param(
        "The new levy has been called “a tax on the poor” by Ana Ruiz, and it makes the budget "
        "hard to read.",
        "tax on the poor", "Ana Ruiz",
        id="agent of a passive cue after the quote"),
    pytest.param(
        "Tom Bell was eager to say that “the plan will work.”",
        "plan will work", "Tom Bell",
        id="subject of an adjective that takes the cue"),
    pytest.param(
        "Reached by phone, Ann Ruiz denied the notion that a campaign shakeup is coming, "
        "explaining that she was “taking a day off.”",
        "day off", "Ann Ruiz",
        id="participle under a clause whose subject never speaks takes a person above it"),
    pytest.param(
        "The Federal Reserve cut rates again to fight what it called “a stubborn slowdown.”",
        "stubborn slowdown", "Federal Reserve",
        id="it names the organisation that is the subject earlier in its sentence"),
    pytest.param(
        "Ruiz cannot say that “from her view,” Tom Bell added, saying it should be up to the judge.",
        "from her view", "Tom Bell",
        id="negated cue ranks below one that reports"),
    pytest.param(
        "It was a potent one-two punch by the two leaders, as Ann Ruiz echoed the criticism, "
        "saying Tom Bell “is not in it for the voters.”",
        "for the voters", "Ann Ruiz",
        id="participle skips a placeholder subject for a clause with a speaker"),
    pytest.param(
        "Ruiz, meanwhile, who sits at zero such endorsements, said that fact speaks volumes "
        "about which candidate is \"prepared to take on the establishment.\"",
        "take on the establishment", "Ruiz",
        id="relative clause read as a clause of its own leaves the noun before who as speaker"),
    pytest.param(
        "Sen. Ana Ruiz (Ore.), who lost the primary to Tom Bell, identified fatigue with the campaign as "
        "the reason for the low turnout. “People are tired of the shouting, and they stayed home.”",
        "tired of the shouting", "Ana Ruiz",
        id="quote alone after a sentence whose main clause has a person for subject, whatever the verb"),
    pytest.param(
        "Tom Bell predicted that Republicans would keep the council if Omar Haddad wins the seat. "
        "“That is not even a question,” he said.",
        "not even a question", "Tom Bell",
        id="pronoun means the main clause subject over a name in a clause below it"),
    pytest.param(
        "Tom Bell said the plan was fair when Omar Haddad asked about it. “We are ready,” he said.",
        "We are ready", "Tom Bell",
        id="pronoun skips the subject of an adverbial clause"),
    pytest.param(
        "The effort stalled, and Tom Bell has battled with the council over the roads, at one point "
        "calling the treasurer a “liar” who was not “honest.”",
        "liar", "Tom Bell",
        id="participle on a time phrase of a verb joined by and takes that verb's subject"),
    pytest.param(
        "Flying home that night, Ana Ruiz vented to her husband that the merger would be “a fight from "
        "start to finish.”",
        "a fight from start", "Ana Ruiz",
        id="quote with no cue in a complement clause takes the subject of the verb above it"),
    pytest.param(
        "The mayor was, in the words of a senior adviser, “the last honest man” in the town hall.",
        "last honest man", "a senior adviser",
        id="in the words of someone names the source"),
    pytest.param(
        "The fund chose the city because, in Forbes\u2019 words, \u201cit is the most entrepreneurial "
        "place on the planet.\u201d",
        "entrepreneurial", "Forbes",
        id="in someone's words names the source"),
    pytest.param(
        "Tom Bell was, in Ann Ruiz's own words, \u201cthe best builder in the valley.\u201d",
        "best builder", "Ann Ruiz",
        id="in someone's own words names the source"),
    pytest.param(
        "“We will finish the bridge this year,” Ana Ruiz said at the rally. That makes her “the only "
        "candidate with a real plan for the valley.”",
        "only candidate", "Ana Ruiz",
        id="a rare cue whose subject points at a thing gives no speaker"),
    pytest.param(
        "Tom Bell spoke at the rally on Monday. “Omar Haddad has ruined this town,” he said. He added, "
        "“It will take years to fix the roads.”",
        "take years", "Tom Bell",
        id="a name inside quote marks is not what a later pronoun means"),
    pytest.param(
        "Tom Sanders ran the campaign. Omar Haddad opened the meeting on Monday. Sanders has made clear "
        "that he expects the council “to fight every cut.”",
        "fight every", "Tom Sanders",
        id="a surname tagged as a plural noun is what a later pronoun means"),
    pytest.param(
        "Ana Ruiz's favourite claim on the trail was that the council “never reads its own mail.”",
        "never reads", "Ana Ruiz",
        id="owner of a speech noun before was-that said the quote"),
    pytest.param(
        "The mayor's most striking promise was that the town would “fix every road by June.”",
        "fix every road", "The mayor",
        id="owner of a speech noun before was-that said a quote inside the clause"),
    pytest.param(
        "Tom Bell said that Ana Ruiz's remarks about the budget were “simply false.”",
        "simply false", "Tom Bell",
        id="a verdict on someone's remarks is the reporter's words"),
    pytest.param(
        "The council delayed the vote after Ana Ruiz's claim that the budget was “a fraud on every "
        "taxpayer.”",
        "fraud on every", "Ana Ruiz",
        id="a that clause after a speech noun with an owner is the owner's"),
    pytest.param(
        "Tom Bell's accusation that the mayor is playing “games with the roads” touched off a long debate.",
        "games with", "Tom Bell",
        id="the owner of the speech noun beats the subject inside its clause"),
    pytest.param(
        "The “Moon River” actress told reporters on Friday that she would return to the stage.",
        "Moon River", None,
        id="a title inside the source's own noun phrase is nobody's words"),
    pytest.param(
        "Lena Marsh, who starred in “Cold Harbor” and “Night Train,” said the studio had cut her scenes.",
        "Night Train", None,
        id="a title in the source's relative clause is nobody's words"),
    pytest.param(
        "Dan Price, a member of the “Tuesday Group” in the state senate, said the bill was dead.",
        "Tuesday Group", None,
        id="a label in the source's apposition is nobody's words"),
    pytest.param(
        "The singer known as “Halo,” stated that the tour would go ahead.",
        "Halo", None,
        id="a nickname in the source's phrase, its comma inside the quote marks, is nobody's words"),
    pytest.param(
        "Lena Marsh, who called the plan “a disgrace,” said she would vote against it.",
        "a disgrace", "Lena Marsh",
        id="a quote with a speech verb of its own inside the source's phrase keeps it"),
    pytest.param(
        "Lena Marsh, star of the cult film “Night Train,” is not sure she can vote for the mayor.",
        "Night Train", None,
        id="a title in the subject phrase of a clause nobody reports is nobody's words"),
    pytest.param(
        "Tom Bell said the “Fair Roads” campaign had failed to win over voters.",
        "Fair Roads", "Tom Bell",
        id="a title in a subject inside reported speech stays the speaker's"),
    pytest.param(
        "A survey by the station found that “Night Train” was the most watched film of the year.",
        "Night Train", "A survey",
        id="a title in a subject under a rarer cue stays its source's"),
    pytest.param(
        "Ruiz criticized the council’s budget said it “is not going to fix the roads” this year.",
        "fix the roads", "Ruiz",
        id="the object of another verb before a subjectless cue is not its speaker"),
    pytest.param(
        "Asked about the cuts, the mayor’s answer was that “the city has no money left for roads.”",
        "no money left", "the mayor",
        id="an answer with an owner, then was that, is the owner's"),
    pytest.param(
        "\u201cWe are not there yet,\u201d Ann Ruiz said on CBS\u2019s \u201cFace the Voters\u201d "
        "on Sunday. "
        "\u201cI think we will hear more soon.\u201d",
        "Face the Voters", "Ann Ruiz",
        id="a show's name between two quotes of one speaker is in her report"),
    pytest.param(
        "\u201cWe are not there yet,\u201d Ann Ruiz said on CBS\u2019s \u201cFace the Voters\u201d "
        "on Sunday.",
        "Face the Voters", None,
        id="a show's name after the last quote of a paragraph stays nobody's"),
    pytest.param(
        "Ann Ruiz later starred in the documentary \u201cNight Train,\u201d which opened in May.",
        "Night Train", None,
        id="a title after a noun for a work is nobody's words"),
    pytest.param(
        "Tom Bell wrote the book ''Strangers At The Gate'' with his brother.",
        "Strangers At The Gate", None,
        id="a book's title after the word book, in doubled marks"),
    pytest.param(
        "Tom Bell said so in his 2009 memoir, \u201cA Long Way Home.\u201d Nobody disputed it.",
        "A Long Way Home", None,
        id="a title closing the sentence after a noun for a work is nobody's words"),
    pytest.param(
        "Critics say the so-called \u201creform law\u201d has made things worse.",
        "reform law", None,
        id="a phrase after so-called is a label nobody is reported saying"),
    pytest.param(
        "\u201cWe won,\u201d Ann Ruiz said. She later mocked her rival on her podcast, "
        "\u201cHill Talk.\u201d",
        "Hill Talk", None,
        id="a work's title after a quote in its paragraph does not take that quote's speaker"),
    pytest.param(
        "\u201cCity Lights\u201d star Ann Ruiz said she would return next year.",
        "City Lights", None,
        id="a title before the word star names a show, not the star's words"),
    pytest.param(
        "Critics pounced on the senator's remark at the rally that the plant was "
        "\u201ca relic of the past.\u201d",
        "relic", "the senator",
        id="a speech noun, a phrase of two words, then that: the owner's words"),
    pytest.param(
        "The council came under fire over Bell's claim during the hearing that the budget was "
        "\u201cfully balanced.\u201d",
        "fully balanced", "Bell",
        id="a speech noun, a phrase the parser hung from the verb, then that: the owner's words"),
    pytest.param(
        "\u201cThey know the mayor is the only one strong enough to fix it,\u201d a voice-over in the ad "
        "states.",
        "strong enough", "a voice-over",
        id="a phrase with a preposition and a cue word read as a noun closing the sentence"),
    pytest.param(
        "\u201cPaid Leave,\u201d the memo states, becomes available after a year.",
        "Paid Leave", "memo",
        id="a cue word read as a noun closing a parenthesis after the quote"),
    pytest.param(
        "Ann Ruiz told reporters:\n\n\u201cWe have to act now.\u201d\u00a0\n"
        "\u201cWe cannot wait for the council.\u201d",
        "cannot wait", "Ann Ruiz",
        id="quote lines split by a no-break space and a line break run on"),
    pytest.param(
        "The vote was close. \u201cWe lost a friend in the council tonight,\u201dHenrik Olsen said.",
        "lost a friend", "Henrik Olsen",
        id="a closing mark glued to the speaker's name"),
    pytest.param(
        "Asked about the levy, Henrik Olsen said,\u201cIt is a tax on renters and nothing else.\u201d",
        "tax on renters", "Henrik Olsen",
        id="an opening mark glued to the comma after the cue"),
    pytest.param(
        "Lena Moss was asked about the water supply on Friday. \u201cIt is safe to drink,\u201d she said.",
        "safe to drink", "Lena Moss",
        id="a pronoun points back to a passive subject"),
    pytest.param(
        "Lena Moss spoke first. Later, if Ruth Kane is elected, she said, \u201cthe plant will close.\u201d",
        "plant will close", "Lena Moss",
        id="a passive subject in a subordinate clause is not what a pronoun points back to"),
    pytest.param(
        "The mayor, Lena Moss, had one answer\u2014\u201cWe will rebuild the bridge\u201d\u2014and left "
        "the stage.",
        "rebuild the bridge", "Lena Moss",
        id="the parser made the quote the root and hung the clause before it below"),
    # a one-word mention that is no one's surname but one person's first word is that person
    pytest.param(
        "The ministry's spokesman, Lee Min-ho, spoke on Monday. \u201cWe follow the law,\u201d Lee said.",
        "We follow the law", "Lee Min-ho",
        id="a family name written first is the full name's first word"),
    pytest.param(
        "Hillary Rodham Clinton arrived late. \u201cWe are ready,\u201d Hillary told the crowd.",
        "We are ready", "Hillary Rodham Clinton",
        id="a first name alone is the one person who has it"),
    pytest.param(
        "Kim Jong Un met Kim Yo Jong on Friday. \u201cThe talks are over,\u201d Kim said.",
        "The talks are over", "Kim",
        id="a first word two people share stays as written"),
    pytest.param("Developer Frank Moreau was unmoved. \u201cNobody will be displaced,\u201d Moreau said.",
                 "Nobody will be displaced", "Frank Moreau",
                 id="a word for what someone does before a full name is no part of it"),
    pytest.param(
        "Debating Ruiz\u2019s Record\n\nAnn Ruiz toured the plant on Monday. \u201cWe kept every promise,"
        "\u201d Ruiz said.",
        "kept every promise", "Ann Ruiz",
        id="a headline's verb in -ing before a surname is no given name"),
    pytest.param("\u201cWe will keep watching,\u201d said Human Rights Watch, which sent observers.",
                 "keep watching", "Human Rights Watch",
                 id="an organisation keeps its first word"),
    pytest.param(
        "\u201cI have not had a break since March,\u201d said Ann Ruiz, a nurse. "
        "Her colleague, Tom Bell, nodded. \u201cSame here,\u201d he said.",
        "Same here", "Tom Bell",
        id="a name beside a common-noun subject is who the he after it means"),
    pytest.param(
        "\u201cWe asked for safe staffing,\u201d said Carla Mendes. Peter Vance, a hospital "
        "spokesman, disagreed with that account. \u201cThey gave us a pizza party,\u201d she said.",
        "pizza party", "Carla Mendes",
        id="a given name near-always one gender settles a pronoun no title or pronoun has"),
    pytest.param(
        "The plan -- which the company\u2019s chief executive, Ann Ruiz, called \u201ca total "
        "disaster\u201d -- was dropped.",
        "total disaster", "Ann Ruiz",
        id="a relative word the parser made the subject yields the noun hung below it"),
    pytest.param(
        "Ruiz: \u201cWe Will Win This Fight\u201d\n\nSen. Ann Ruiz vowed on Tuesday to keep fighting.",
        "We Will Win", "Ann Ruiz",
        id="a headline's label is a surname of the document though the tagger reads it as a noun"),
    pytest.param(
        "Ruiz proposed a debate on the evening of April 4 - but the Bell campaign rejected the idea as "
        "\u201cludicrous and cynical\u201d because a game was on that night.",
        "ludicrous and cynical", "the Bell campaign",
        id="a cue in a clause joined by but is not the cue of a quote in the other clause"),
    pytest.param(
        "Ruiz proposed a debate, and Bell called the idea \u201cludicrous and cynical.\u201d",
        "ludicrous and cynical", "Bell",
        id="a joined clause with a cue of its own keeps it"),
    pytest.param(
        "''He deserved it,'' the assailant, Tom Bell, told the television program ''Inside Edition'' "
        "after the fight. ''Next time, we might have to hurt him.''",
        "Next time", "Tom Bell",
        id="a show's name between two quotes does not stop the second taking the first one's speaker"),
])
def test_quote_speaker(nlp, text, words, who):
    """The speaker each pattern gives a quote, by resolved name."""
    assert speaker(quote_of(nlp(text), words)) == who


def test_relative_mention_runs_from_its_antecedent(nlp):
    doc = nlp("The ruling was cheered by the union, which said it was \u201ca victory for workers.\u201d")
    a = quote_of(doc, "victory")
    assert speaker(a) == "the union"
    assert mention(a).startswith("the union") and mention(a).endswith("which")


def test_nearest_subject_on_the_cue_line_wins(nlp):
    # a time stamp on the line above that the parser also made a subject of the verb
    spaces = [True, False, False, True, True, True, True, True, True, True, True, True, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        9:40       1  nummod   NUM
        p.m.       6  nsubj    NOUN
        \n\n       1  dep      SPACE
        Ann        4  compound PROPN
        Ruiz       6  nsubj    PROPN
        has        6  aux      AUX
        told       6  ROOT     VERB
        her        8  poss     PRON
        supporters 6  dobj     NOUN
        that       12 mark     SCONJ
        the        11 det      DET
        count      12 nsubj    NOUN
        is         6  ccomp    AUX
        fair       12 acomp    ADJ
        .          6  punct    PUNCT
    """, spaces=spaces)
    view = _DocView(doc, [], doc.text)
    assert _subject(doc[6], view).text == "Ruiz"


def test_noun_phrase_and_cue_word_closing_the_sentence(nlp):
    # the parser reads "read" as a noun here; the sentence still names its source
    for text, source in (
        ("\u201cThe council must not give up,\u201d the editorial read.", "editorial"),
        ("\u201cStay home,\u201d the banner read.", "banner"),
    ):
        doc = nlp(text)
        assert mention(quotes(doc)[0]) == source, text


def test_compared_is_not_an_inverted_cue(nlp):
    # "…, compared Ruiz to …" names who is compared, not who speaks
    doc = nlp("Tom Bell, a debate coach at the college, compared Ruiz to a referee "
              "\u201cworking the crowd.\u201d")
    assert speaker(quote_of(doc, "working the crowd")) == "Tom Bell"


def test_namebook_pronoun_skips_names_never_seen_as_people():
    book = NameBook(frozenset())
    book.persons.add("Ann Ruiz")
    book.note_person(0, "Ann Ruiz")
    book.note_person(50, "Compaq")
    assert book.resolve_pronoun("she", 80) == "Ann Ruiz"
    book.persons.clear()
    assert book.resolve_pronoun("she", 80) == "Compaq"  # no person known: the nearest name


def test_past_tense_read_as_an_adjective_keeps_the_name_before_it(nlp):
    # the parser sometimes tags "blasted" in "Trump blasted Disney" as an adjective of "Disney"
    doc = hand_parsed(nlp.vocab, r"""
        Trump     2 compound PROPN NNP
        blasted   2 amod     VERB  VBN
        Disney    2 ROOT     PROPN NNP
        for       2 prep     ADP   IN
        its       5 poss     PRON  PRP$
        practices 3 pobj     NOUN  NNS
        .         2 punct    PUNCT .
    """)
    view = _DocView(doc, [], doc.text)
    assert _nearby_subject(doc, doc[1], view).text == "Trump"


def test_capitalised_modal_before_the_cue_is_a_name(nlp):
    # "“…,” Will wrote.": the parser takes the columnist's name for a modal verb
    spaces = [False, True, False, False, True, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        “     6 punct PUNCT ``
        Vote  6 ccomp VERB  VB
        no    1 dobj  DET   DT
        ,     6 punct PUNCT ,
        ”     6 punct PUNCT ''
        Will  6 aux   AUX   MD
        wrote 6 ROOT  VERB  VBN
        .     6 punct PUNCT .
    """, spaces=spaces, sent_starts=[True] + [False] * 7)
    quote = {"start": 1, "end": 9, "open": 0, "close": 9, "group": 0, "partial": False}
    view = _DocView(doc, [quote], doc.text)
    assert _nearby_subject(doc, doc[6], view).text == "Will"


def test_dash_glued_to_the_closing_quote_mark_names_the_speaker(nlp):
    doc = nlp(
        "\u201cNobody should be left behind in this city.\u201d\u2015 Carla Mendez\n"
        "\u201cThe schools come first, always.\u201d \u2015 Tom Bell"
    )
    assert speaker(quote_of(doc, "left behind")) == "Carla Mendez"
    assert speaker(quote_of(doc, "schools")) == "Tom Bell"


def test_quote_with_no_cue_in_a_clause_whose_subject_is_a_person(nlp):
    doc = nlp("Tom Bell pondered who, without the mayor, might \u201ckeep the city running through the "
              "winter.\u201d")
    assert speaker(quote_of(doc, "keep the city")) == "Tom Bell"
    doc = nlp("The storm left the town \u201ccompletely cut off from the world.\u201d")
    assert speaker(quotes(doc)[0]) is None  # a storm is nobody


def test_verb_joined_to_a_passive_shares_its_subject(nlp):
    doc = nlp("Ann Ruiz was forced into a retreat and said that her words had been "
              "\u201ctwisted by the press.\u201d")
    assert speaker(quote_of(doc, "twisted")) == "Ann Ruiz"
    doc = nlp("Ann Ruiz was joined on stage by Tom Bell and joked, \u201cWe should do this more often.\u201d")
    assert speaker(quote_of(doc, "more often")) == "Ann Ruiz"  # not the agent of "joined"


def test_name_label_before_a_colon_beats_a_verb_before_it(nlp):
    doc = nlp("Critics warned of trouble - Ana Ruiz: \u201cThe numbers were never going to hold up.\u201d")
    assert speaker(quotes(doc)[0]) == "Ana Ruiz"


def test_source_after_from_before_a_colon(nlp):
    doc = nlp("What the survey means - More from Tom Bell: \u201cThe sample was too small to tell.\u201d")
    assert speaker(quotes(doc)[0]) == "Tom Bell"
    doc = nlp("The panel disagreed. From the report: \u201cMost samples were too small to be useful.\u201d")
    assert mention(quotes(doc)[0]) == "the report"


def test_label_right_after_the_previous_speakers_quote(nlp):
    doc = nlp("Ann Ruiz: \u201cWe will build the bridge by spring.\u201d "
              "Tom Bell: \u201cNot with this budget.\u201d")
    assert speaker(quote_of(doc, "bridge")) == "Ann Ruiz"
    assert speaker(quote_of(doc, "budget")) == "Tom Bell"


def test_fallback_subject_steps_over_an_aside(nlp):
    # the parser left "said" without a subject: the noun before it sits in an aside
    spaces = [False, True, True, False, True, True, True, True, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        Ruiz   5 npadvmod PROPN NNP
        ,      0 punct    PUNCT ,
        in     0 prep     ADP   IN
        Dayton 2 pobj     PROPN NNP
        ,      0 punct    PUNCT ,
        said   5 ROOT     VERB  VBD
        the    7 det      DET   DT
        levy   8 nsubj    NOUN  NN
        was    5 ccomp    AUX   VBD
        unfair 8 acomp    ADJ   JJ
        .      5 punct    PUNCT .
    """, spaces=spaces)
    view = _DocView(doc, [], doc.text)
    assert _nearby_subject(doc, doc[5], view).text == "Ruiz"


def test_relative_clause_holding_the_quote_is_its_cue(nlp):
    doc = nlp("Ana Ruiz praised Tom Bell, who said the levy was \u201ca tax on the poor.\u201d")
    assert speaker(quote_of(doc, "tax on the poor")) == "Tom Bell"
    doc = nlp("Ana Ruiz defended the aide, who wrote that the deal was \u201ca win for everyone.\u201d")
    assert mention(quote_of(doc, "win for everyone")) == "the aide, who"


@pytest.mark.parametrize(("text", "words", "who"), [
    pytest.param(
        "A new ad from the Bell campaign targets Maria Delgado. The ad uses footage of Maria "
        "Delgado asking, “Why are we not winning this state?” It then cuts to a factory.",
        "not winning this state", "Maria Delgado",
        id="the person shown in footage speaks, not the ad that uses it"),
    pytest.param(
        "The spot ends with a clip of Peter Vance saying during a town hall, “That makes me "
        "the outsider,” before the screen fades.",
        "the outsider", "Peter Vance",
        id="a participle after the object of of is what that person is heard saying"),
    pytest.param(
        "Tom Bell spoke first. Soon after the vote, Vance asserted that the city had lost its way: "
        "\u201cDayton is no longer Dayton,\u201d he claimed.",
        "no longer Dayton", "he",
        id="a cue with its own subject after a quoted sentence, ending it, outranks the frame before"),
    pytest.param(
        "Rep. Tom Bell, the top Democrat on the committee, called on the mayor to retaliate against the "
        "vendor for interference in the election -- meddling the Dayton congressman said is designed to "
        "\"sow discord\" in the city.",
        "sow discord", "the Dayton congressman",
        id="a report hung from a clause beside a cue further up is not part of what that cue reports"),
    pytest.param(
        "Voters now say they admire the mayor more for a role as a \"protector\" from outside threats "
        "than for the role of \"provider,\" a study by a Dayton sociologist, Ann Ruiz, concluded this year.",
        "provider", "a study",
        id="a speech verb with its own subject after a fragment, ending the sentence, is the fragment's cue"),
    pytest.param(
        "Early on, Ana Ruiz mocked the mayor, calling him “a tired old man.” The mayor hit "
        "back, attacking Ruiz for “the cheap theatrics” of her campaign.",
        "cheap theatrics", "The mayor",
        id="cue search stops at a quoted sentence end"),
    pytest.param(
        "Tom Bell said the vote was fair, and the official told reporters “there is nothing to "
        "see here.”",
        "nothing to see", "the official",
        id="noun that heads sources ranks with a name"),
    pytest.param(
        "The Ledger poll also finds that, while 37 percent of voters say the mayor is \u201cvery "
        "responsible\u201d for the delays, 22 percent say he is \u201cnot at all responsible.\u201d",
        "not at all responsible", "The Ledger poll",
        id="a share of respondents inside what a poll finds speaks through the poll"),
    pytest.param(
        "In a county poll released Monday, 62 percent of voters said the levy was “too high "
        "for working families.”",
        "working families", "a county poll",
        id="poll speaks for the share of respondents"),
    pytest.param(
        "Online panels tend to skew young - Pew Research: “All the samples include more "
        "engaged people than they should.”",
        "engaged people", "Pew Research",
        id="capitalised words after a dash before a colon label the quote"),
    pytest.param(
        "The first clash came during a rally in March, when protesters interrupted her speech, "
        "shouting “we want more!”",
        "want more", "protesters",
        id="participle after a clause with a speaker skips a main subject that never speaks"),
    pytest.param(
        "“What if the mayor had taken lessons?” the 43-year-old asked in the video's description.",
        "taken lessons", "the 43-year-old",
        id="adjective used as a noun is the subject the parser hung the cue from"),
    pytest.param(
        "One attendee, who like others spoke on the condition of anonymity to discuss the "
        "meeting, said the message was that \"this is not going to be over in February.\"",
        "over in February", "One attendee",
        id="subject of the reported clause after the cue is not its speaker"),
    pytest.param(
        "Ana Ruiz said she backs a bill against the licensing boards, which she called “a racket "
        "for the rich.”",
        "racket", "she",
        id="pronoun calling a relative's antecedent something inside a report is its own speaker"),
    pytest.param(
        "Tom Bell said inspectors were sent with the marchers, whom he described as “calm and orderly.”",
        "calm", "he",
        id="pronoun describing a relative's antecedent inside a report is its own speaker"),
    pytest.param(
        "The council, Ana Ruiz said, called the plan “a gift to developers.”",
        "gift", "Ana Ruiz",
        id="speech verb set off by commas inside the clause reports the cue in it"),
    pytest.param(
        "The mayor, Tom Bell said, described the budget as “a mess from start to finish.”",
        "mess", "Tom Bell",
        id="parenthetical reporter beats the subject of the clause it interrupts"),
    pytest.param(
        "Ana Ruiz said: \"There will always be delays on a project this size,\" the Gazette reported.",
        "always be delays", "the Gazette",
        id="sentence-closing report is not part of the report the parser hung it under"),
    pytest.param(
        "\"We have waited long enough for this bridge, and it needs to be built now.\"\n\n"
        "-Omar Haddad, a retired teacher in Salem.",
        "waited long", "Omar Haddad",
        id="a hyphen glued to the name on the line after the quote is a dash"),
    pytest.param(
        "\"We have waited long enough for this bridge, and it needs to be built now.\"\n\n"
        "-Ann Ruiz, Portland.",
        "waited long", "Ruiz",
        id="a glued hyphen and name the tagger read as punctuation"),
    pytest.param(
        "As the Gazette reported, even on Friday the mayor was refusing to call the collapse “an accident.”",
        "an accident", "the Gazette",
        id="as X reported set off before the clause credits X like according to"),
    # verbs of communication the train split saw cue too few quotes are cues all the same
    pytest.param(
        "After the vote, Bell scolded his rivals as \u201ccowards who hid behind procedure.\u201d",
        "cowards who hid", "Bell",
        id="a listed speech verb too rare in train to count (scold)"),
    pytest.param(
        "The senator berated the panel for its \u201cshameful silence\u201d on the matter.",
        "shameful silence", "The senator",
        id="a listed speech verb too rare in train to count (berate)"),
    pytest.param(
        "Ruiz disparaged the plan as \u201ca gift to landlords,\u201d and the council voted it down.",
        "a gift to landlords", "Ruiz",
        id="a listed speech verb beats a commoner verb after the quote (disparage)"),
    # a clause the parser hung under a verb ending the sentence is reported by it only if it is a speech verb
    pytest.param(
        "Ann Ruiz further summed up the plan as \u201creckless,\u201d denounced its cost and said she "
        "would vote against it.",
        "reckless", "Ann Ruiz",
        id="a phrasal cue before the quote over a verb after it the parser gave a subject"),
    pytest.param(
        "\u201cWe will not be rushed,\u201d said a spokesman for Sen. Ann Ruiz (R-Ky.), speaking on "
        "condition of anonymity.",
        "not be rushed", "a spokesman for Sen. Ann Ruiz (R-Ky.)",
        id="a parenthesis the mention opens closes in it"),
])
def test_quote_mention(nlp, text, words, who):
    """The mention each pattern gives a quote, as it stands in the text."""
    assert mention(quote_of(nlp(text), words)) == who


def test_fallback_subject_after_a_quote_the_parser_hung_it_from(nlp):
    # "“Plans he made” the paper's editor Ann Ruiz responded.": the name hangs from the quote
    spaces = [False, True, True, False, True, True, False, True, True, True, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        “         1  punct    PUNCT
        Plans     1  ROOT     NOUN
        he        3  nsubj    PRON
        made      1  relcl    VERB
        ”         1  punct    PUNCT
        the       6  det      DET
        paper     8  poss     PROPN
        's        6  case     PART
        editor    3  dobj     NOUN
        Ann       10 compound PROPN
        Ruiz      8  appos    PROPN
        responded 3  conj     VERB
        .         1  punct    PUNCT
    """, spaces=spaces)
    close = doc[4].idx
    view = _DocView(doc, [{"open": 0, "close": close, "end": close + 1, "partial": False}], doc.text)
    assert _nearby_subject(doc, doc[11], view).text == "Ruiz"


def test_owner_of_a_speech_noun_holding_the_quote_beats_a_verb_elsewhere(nlp):
    doc = nlp("The worries expressed by many farmers go beyond Ana Ruiz's pledge to stay "
              "\u201cneutral\u201d in the dispute.")
    assert speaker(quote_of(doc, "neutral")) == "Ana Ruiz"
    doc = nlp("Tom Bell called Ana Ruiz's remarks about the levy \u201cunfair.\u201d")
    assert speaker(quote_of(doc, "unfair")) == "Tom Bell"  # what the verb calls the noun is the verb's


def test_weaker_cue_on_the_object_of_a_speech_verb_is_part_of_the_report(nlp):
    from claimcheck.components.attribution import _outer_cue
    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.sources import _Found

    doc = nlp("Ana Ruiz told reporters about a memo describing the levy as \u201ca tax on the poor.\u201d")
    view = _DocView(doc, doc._.quotes, doc.text)
    describing = next(t for t in doc if t.text == "describing")
    outer = _outer_cue(_Found(describing, None), view, load_lexicon())
    assert outer is not None and outer.cue.text == "told" and outer.subject.text == "Ruiz"


def test_passive_subject_of_a_verb_that_controls_the_cue(nlp):
    doc = nlp("The debate was so dull that Tom Bell was prompted to say, "
              "\u201cI cannot believe how quiet it is.\u201d")
    assert speaker(quote_of(doc, "how quiet")) == "Tom Bell"
    doc = nlp("Ana Ruiz is reported to have called the levy \u201ca tax on the poor.\u201d")
    assert speaker(quote_of(doc, "tax on the poor")) == "Ana Ruiz"


def test_quoted_clause_ending_its_sentence_takes_the_last_speaker():
    from claimcheck.components.attribution import _propagate

    text = "\u201cIt failed,\u201d Ruiz said. It works only when \u201cthe facts are on its side.\u201d"
    first_close = text.index("\u201d")
    second_open = text.index("\u201c", first_close)
    quotes_ = [
        {"open": 0, "close": first_close, "start": 1, "end": first_close, "group": 0, "partial": False},
        {"open": second_open, "close": len(text) - 1, "start": second_open + 1, "end": len(text) - 1,
         "group": 1, "partial": True},
    ]
    ruiz = {"name": "Ruiz", "mention": {"text": "Ruiz", "start": 0, "end": 0}, "description": None}
    records = [{"group": 0, "speaker": ruiz, "cue": None}, {"group": 1, "speaker": None, "cue": None}]
    _propagate(records, quotes_, text)
    assert records[1]["speaker"] == {**ruiz, "basis": "previous_quote"}
    records = [{"group": 0, "speaker": ruiz, "cue": None}, {"group": 1, "speaker": None, "cue": None}]
    quotes_[1]["start"] = text.index("its side")  # two words: a term held at arm's length
    _propagate(records, quotes_, text)
    assert records[1]["speaker"] is None


def test_cue_tied_to_the_quote_beats_a_commoner_speech_verb_elsewhere(nlp):
    doc = nlp("While Ana Ruiz said the plan was fine, Tom Bell blasted it as \u201ca waste of money.\u201d")
    assert speaker(quote_of(doc, "waste of money")) == "Tom Bell"
    doc = nlp("After Ana Ruiz said the council would meet, Tom Bell urged members to "
              "\u201cvote with their conscience.\u201d")
    assert speaker(quote_of(doc, "their conscience")) == "Tom Bell"


def test_parse_tie_runs_up_to_the_root(nlp):
    from claimcheck.components.attribution import _linked_tokens

    doc = nlp("Critics should show proof for their claims and not wave around vague words like "
              "\u201cmaybe\u201d and \u201cperhaps\u201d, he told reporters.")
    view = _DocView(doc, doc._.quotes, doc.text)
    ts, te = view.quote_tokens[0]
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.i in _linked_tokens(doc, ts, te)


def test_participle_clause_hung_from_the_next_paragraph_keeps_its_own_subject(nlp):
    # the parser hung the clause "saying" belongs to from a verb in the next paragraph
    spaces = [True, True, True, False, True, True, True, True, False, False, False, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        Groups     1  nsubj  NOUN  NNS
        gave       12 ccomp  VERB  VBD
        Ruiz       1  dative PROPN NNP
        time       1  dobj   NOUN  NN
        ,          1  punct  PUNCT ,
        saying     1  advcl  VERB  VBG
        it         7  nsubj  PRON  PRP
        was        5  ccomp  AUX   VBD
        late       7  acomp  ADJ   JJ
        .          1  punct  PUNCT .
        \n\n       9  dep    SPACE _SP
        Neighbours 12 nsubj  NOUN  NNS
        worry      12 ROOT   VERB  VBP
        .          12 punct  PUNCT .
    """, spaces=spaces)
    view = _DocView(doc, [], doc.text)
    assert _subject(doc[5], view).text == "Groups"


def test_participle_after_a_preposition_takes_the_subject_of_its_verb_even_passive(nlp):
    doc = nlp("After saying her budget was \u201cfar too small to work,\u201d Ann Ruiz was taken "
              "to a meeting with the board.")
    assert speaker(quote_of(doc, "too small")) == "Ann Ruiz"
    doc = nlp("Tom Bell was mocked for calling the bridge \u201ca road to nowhere.\u201d")
    assert speaker(quote_of(doc, "road to nowhere")) == "Tom Bell"
    # words someone did not say are not theirs
    doc = nlp("Tom Bell was faulted by Ann Ruiz for not calling the fire \u201ca disaster.\u201d")
    assert speaker(quote_of(doc, "disaster")) == "Ann Ruiz"


def test_speech_verb_in_the_next_paragraph_does_not_report_a_cue_with_its_own_subject(nlp):
    from claimcheck.components.attribution import _cue_key, _outer_cue
    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.quotes import find_quotes
    from claimcheck.components.sources import _Found

    # the parser hung "called" from the "said" of the next paragraph
    lemmas = ["she", "call", "Bell", "a", "\u201c", "special", "person", ".", "\u201d", "\n\n", "\u201c",
              "it", "be", "late", ",", "\u201d", "Ruiz", "say", "."]
    spaces = [True, True, True, True, False, True, False, False, False, False, False, True, True, False,
              False, True, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        She     1  nsubj PRON
        called  17 ccomp VERB
        Bell    1  dobj  PROPN
        a       6  det   DET
        “       6  punct PUNCT
        special 6  amod  ADJ
        person  1  oprd  NOUN
        .       1  punct PUNCT
        ”       1  punct PUNCT
        \n\n    8  dep   SPACE
        “       12 punct PUNCT
        It      12 nsubj PRON
        is      17 ccomp AUX
        late    12 acomp ADJ
        ,       17 punct PUNCT
        ”       17 punct PUNCT
        Ruiz    17 nsubj PROPN
        said    17 ROOT  VERB
        .       17 punct PUNCT
    """, spaces=spaces, lemmas=lemmas)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    lex = load_lexicon()
    assert _outer_cue(_Found(doc[1], doc[0]), view, lex) is None
    not_embedded = _cue_key(_Found(doc[1], doc[0]), view, lex, 0.5, 3, False, True, False)[2]
    assert not_embedded
    # a cue left without a subject may still be part of the report
    assert _outer_cue(_Found(doc[1], None), view, lex) is not None


def test_cue_with_its_subject_right_after_the_quote_beats_a_verb_the_parse_ties(nlp):
    doc = nlp("Tom Bell spoke last. \u201cJust one more minute, all right?\u201d he urged them, as he "
              "explained how hard it is to run.")
    assert quote_of(doc, "one more minute")["cue"]["text"] == "urged"


def test_finite_verb_hung_from_the_noun_before_it_is_tied_to_the_quote_it_abuts(nlp):
    from claimcheck.components.attribution import _abuts
    from claimcheck.components.sources import _Found

    # "a man yelled" parsed as a noun with a clause on it
    doc = hand_parsed(nlp.vocab, r"""
        Ruiz    1 nsubj PROPN NNP
        thanked 1 ROOT  VERB  VBD
        a       3 det   DET   DT
        man     1 dobj  NOUN  NN
        yelled  3 acl   VERB  VBD
        “       6 punct PUNCT ``
        Go      1 conj  VERB  VB
        !       6 punct PUNCT .
        ”       6 punct PUNCT ''
    """)
    assert _abuts(doc, _Found(doc[4], doc[3]), 5, 9)
    assert not _abuts(doc, _Found(doc[4], doc[0]), 5, 9)  # a subject from the clause above


def test_cue_in_an_adverbial_clause_keeps_its_own_subject_under_a_speech_verb(nlp):
    doc = nlp("Ann Ruiz said voters were angry when Tom Bell called the plan a \u201cscam.\u201d")
    assert speaker(quote_of(doc, "scam")) == "Tom Bell"
    # a participle there shares the reporter's subject: the report stays the reporter's
    doc = nlp("Ann Ruiz said she would publish the figures on Friday, calling them "
              "\u201cvery dull numbers.\u201d")
    assert speaker(quote_of(doc, "dull numbers")) == "Ann Ruiz"


def test_name_tagged_as_an_adverb_after_an_inverted_cue_is_the_speaker(nlp):
    from claimcheck.components.quotes import find_quotes

    spaces = [False, True, False, False, True, True, False, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        “       5 punct  PUNCT ``
        It      2 nsubj  PRON  PRP
        works   5 ccomp  VERB  VBZ
        ,       5 punct  PUNCT ,
        ”       5 punct  PUNCT ''
        said    5 ROOT   VERB  VBD
        Skelly  5 advmod ADV   RB
        ,       5 punct  PUNCT ,
        smiling 5 advcl  VERB  VBG
        .       5 punct  PUNCT .
    """, spaces=spaces)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    assert _subject(doc[5], view).text == "Skelly"


def test_name_opening_the_cue_line_beats_a_header_the_parser_made_the_subject(nlp):
    # a live-blog header above the entry taken for the subject, the entry's own name for an apposition
    spaces = [False, False, True, True, True, False, True, True, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        Update 5 nsubj    NOUN  NN
        \n\n   0 dep      SPACE _SP
        Ann    3 compound PROPN NNP
        Ruiz   0 appos    PROPN NNP
        has    5 aux      AUX   VBZ
        spoken 5 ROOT     VERB  VBN
        ,      5 punct    PUNCT ,
        saying 5 advcl    VERB  VBG
        it     9 nsubj    PRON  PRP
        works  7 ccomp    VERB  VBZ
        .      5 punct    PUNCT .
    """, spaces=spaces)
    view = _DocView(doc, [], doc.text)
    assert _subject(doc[7], view).text == "Ruiz"


def test_participle_rooting_a_sentence_the_parser_cut_without_a_full_stop_takes_the_subject_before(nlp):
    from claimcheck.components.quotes import find_quotes

    spaces = [True, True, True, False, False, False, True, True, True, False, False]
    starts = [True, False, False, True, False, False, False, False, False, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        Ruiz    1 nsubj PROPN NNP
        spoke   1 ROOT  VERB  VBD
        on      1 prep  ADP   IN
        “       4 punct PUNCT ``
        Today   7 nsubj PROPN NNP
        ,       4 punct PUNCT ,
        ”       4 punct PUNCT ''
        calling 7 ROOT  VERB  VBG
        it      7 dobj  PRON  PRP
        fine    7 oprd  ADJ   JJ
        .       7 punct PUNCT .
    """, spaces=spaces, sent_starts=starts)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    assert _subject(doc[7], view).text == "Ruiz"


def test_name_before_a_description_that_runs_up_to_the_cue_is_the_speaker(nlp):
    from claimcheck.components.quotes import find_quotes

    # the description after the name holds nouns of its own ("polls"); the parse gave "said" no subject
    spaces = [False, False, False, True, False, True, True, True, True, True, False, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        “      1  punct PUNCT ``
        Yes    12 intj  INTJ  UH
        ,      1  punct PUNCT ,
        ”      12 punct PUNCT ''
        Ruiz   12 dep   PROPN NNP
        ,      4  punct PUNCT ,
        the    7  det   DET   DT
        leader 4  appos NOUN  NN
        in     7  prep  ADP   IN
        the    10 det   DET   DT
        polls  8  pobj  NOUN  NNS
        ,      4  punct PUNCT ,
        said   12 ROOT  VERB  VBD
        .      12 punct PUNCT .
    """, spaces=spaces)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    assert _nearby_subject(doc, doc[12], view).text == "Ruiz"
    # a participle aside the parser hung elsewhere
    spaces = [False, False, False, True, False, True, True, True, False, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        “       1  punct PUNCT ``
        Yes     10 intj  INTJ  UH
        ,       1  punct PUNCT ,
        ”       10 punct PUNCT ''
        Ruiz    1  appos PROPN NNP
        ,       10 punct PUNCT ,
        opening 1  advcl VERB  VBG
        the     8  det   DET   DT
        library 6  dobj  NOUN  NN
        ,       10 punct PUNCT ,
        said    10 ROOT  VERB  VBD
        .       10 punct PUNCT .
    """, spaces=spaces)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    assert _nearby_subject(doc, doc[10], view).text == "Ruiz"


def test_clause_under_a_verb_that_seldom_reports_speech_is_not_embedded_in_a_report(nlp):
    doc = nlp("Cleveland sought the games in the hope of shedding what Ann Ruiz called "
              "\u201can image problem.\u201d")
    assert speaker(quote_of(doc, "image problem")) == "Ann Ruiz"
    doc = nlp("The chief made sure Bell boasted, \u201cThat makes me smart.\u201d")
    assert mention(quote_of(doc, "makes me smart")) == "Bell"


def test_relative_clause_running_over_the_quote_holds_it_however_deep_the_parse_put_it(nlp):
    from claimcheck.components.attribution import _find_cue
    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.quotes import find_quotes

    # the quoted word sits four phrases down the relative clause: no cue within reach above it
    lemmas = ["\u201c", "up", ",", "\u201d", "say", "Bell", ",", "who", "note", "the", "fall", "in", "the",
              "price", "of", "the", "\u201c", "cratered", "\u201d", "home", "."]
    spaces = [False, False, False, True, True, False, True, True, True, True, True, True, True, True, True,
              True, False, False, True, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        “        1  punct PUNCT
        Up       4  ccomp ADV
        ,        1  punct PUNCT
        ”        4  punct PUNCT
        said     4  ROOT  VERB
        Bell     4  nsubj PROPN
        ,        5  punct PUNCT
        who      8  nsubj PRON
        noted    5  relcl VERB
        the      10 det   DET
        fall     8  dobj  NOUN
        in       10 prep  ADP
        the      13 det   DET
        price    11 pobj  NOUN
        of       13 prep  ADP
        the      19 det   DET
        “        17 punct PUNCT
        cratered 19 amod  ADJ
        ”        17 punct PUNCT
        homes    14 pobj  NOUN
        .        4  punct PUNCT
    """, spaces=spaces, lemmas=lemmas)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    ts, te = view.quote_tokens[1]
    assert _find_cue(doc, view, load_lexicon(), ts, te).cue.text == "noted"


def test_who_hung_from_the_object_of_a_phrase_on_a_person_ranks_as_that_person(nlp):
    from claimcheck.components.attribution import _find_cue
    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.quotes import find_quotes

    # "who" hung from "talks" rather than from the person the phrase is on
    lemmas = ["\u201c", "up", ",", "\u201d", "say", "one", "Democrat", "familiar", "with", "the", "talk", ",",
              "who", "add", "that", "it", "be", "\u201c", "odd", ".", "\u201d"]
    spaces = [False, False, False, True, True, True, True, True, True, True, False, True, True, True, True,
              True, True, False, False, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        “        1  punct  PUNCT
        Up       4  ccomp  ADV
        ,        1  punct  PUNCT
        ”        4  punct  PUNCT
        said     4  ROOT   VERB
        one      6  nummod NUM
        Democrat 4  nsubj  PROPN
        familiar 6  amod   ADJ
        with     7  prep   ADP
        the      10 det    DET
        talks    8  pobj   NOUN
        ,        10 punct  PUNCT
        who      13 nsubj  PRON
        added    10 relcl  VERB
        that     16 mark   SCONJ
        it       16 nsubj  PRON
        was      13 ccomp  AUX
        “        18 punct  PUNCT
        odd      16 acomp  ADJ
        .        18 punct  PUNCT
        ”        18 punct  PUNCT
    """, spaces=spaces, lemmas=lemmas)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    ts, te = view.quote_tokens[1]
    assert _find_cue(doc, view, load_lexicon(), ts, te).cue.text == "added"


def test_relative_clause_holding_a_quote_that_closes_it_is_the_quote_cue(nlp):
    doc = nlp("And will their editors, who once called these stories \u201cspinach,\u201d want to publish "
              "them?")
    assert quote_of(doc, "spinach")["cue"]["text"] == "called"


def test_mention_runs_to_the_name_that_closes_a_coordinated_title(nlp):
    doc = nlp("Sirius XM Vice President for news and talk Ann Ruiz called the show "
              "\u201cthe best in radio.\u201d")
    assert mention(quote_of(doc, "best in radio")).endswith("Ann Ruiz")


def test_participle_on_the_audience_a_verb_addresses_speaks_for_that_verb(nlp):
    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.quotes import find_quotes

    # "to supporters" hung from the verb, "stating" from "supporters"
    spaces = [True, True, True, True, True, True, False, True, False, False, False, False]
    doc = hand_parsed(nlp.vocab, r"""
        Ruiz       1 nsubj PROPN NNP
        sent       1 ROOT  VERB  VBD
        an         3 det   DET   DT
        email      1 dobj  NOUN  NN
        to         1 prep  ADP   IN
        supporters 4 pobj  NOUN  NNS
        stating    5 acl   VERB  VBG
        ,          6 punct PUNCT ,
        “          9 punct PUNCT ``
        No         6 ccomp INTJ  UH
        !          9 punct PUNCT .
        ”          9 punct PUNCT ''
    """, spaces=spaces)
    view = _DocView(doc, find_quotes(doc.text), doc.text)
    lex = load_lexicon()
    assert _subject(doc[6], view, lex.cues, lex).text == "Ruiz"


def test_object_of_a_verb_like_prompt_is_the_subject_of_its_to_clause(nlp):
    doc = nlp("At one point, Ann Ruiz joked about the budget. That prompted Tom Bell to make a joke about "
              "yoga and call the mayor \u201cvery flexible.\u201d")
    assert speaker(quote_of(doc, "very flexible")) == "Tom Bell"
    doc = nlp("This prompted the paper to run a cover saying \u201cDo not be a bum!\u201d")
    assert mention(quote_of(doc, "be a bum")) == "the paper"


def test_report_whose_words_end_the_sentence_reports_all_of_it(nlp):
    from claimcheck.components.attribution import _closing_report

    doc = nlp("Ann Ruiz noted that the levy is \u201ccentral\u201d to the plan, the Ledger first reported.")
    view = _DocView(doc, doc._.quotes, doc.text)
    assert _closing_report(doc, view, next(t for t in doc if t.text == "reported"))
    doc = nlp("Asked about the vote, Ann Ruiz said, \u201cNo comment,\u201d the Ledger reported.")
    view = _DocView(doc, doc._.quotes, doc.text)
    assert _closing_report(doc, view, next(t for t in doc if t.text == "reported"))
    doc = nlp("He said at a tech conference that he was ''very, very comfortable with all of the plans,'' "
              "The Ledger reported.")  # the parser hung the closing quote mark from "said"
    view = _DocView(doc, doc._.quotes, doc.text)
    assert _closing_report(doc, view, next(t for t in doc if t.text == "reported"))
    doc = nlp("Ruiz noted that the levy is \u201ccentral\u201d to the plan, the Ledger reported, and left.")
    view = _DocView(doc, doc._.quotes, doc.text)
    assert not _closing_report(doc, view, next(t for t in doc if t.text == "reported"))


@pytest.mark.parametrize("called", [
    pytest.param("called 6 ROOT VERB VBD", id="past tense"),
    # tagged as a participle: with no auxiliary, it is a past tense all the same
    pytest.param("called 2 conj VERB VBN", id="participle with no auxiliary"),
])
def test_word_tagged_as_an_adverb_before_the_cue_is_a_name_the_document_uses_elsewhere(nlp, called):
    starts = [True, False, False, False, True, False, False, False, False, False]
    doc = hand_parsed(nlp.vocab, f"""
        Bill   1 compound PROPN NNP
        Skelly 2 nsubj    PROPN NNP
        spoke  2 ROOT     VERB  VBD
        .      2 punct    PUNCT .
        And    6 cc       CCONJ CC
        Skelly 6 advmod   ADV   RB
        {called}
        Bell   6 dobj     PROPN NNP
        smart  6 oprd     ADJ   JJ
        .      6 punct    PUNCT .
    """, sent_starts=starts)
    view = _DocView(doc, [], doc.text)
    assert _nearby_subject(doc, doc[6], view).text == "Skelly"


def test_name_the_ner_mislabels_is_a_person_when_it_calls_it_one_elsewhere(nlp):
    from claimcheck.components.sources import _person

    words = ["Buddy", "Valastro", "came", ".", "Valastro", "praised", "Ohio", "."]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "B-GPE", "O"]
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=ents)
    assert _person(doc[4])
    assert not _person(doc[6])


def test_name_after_an_object_relative_pronoun_is_the_speaker_not_the_antecedent(nlp):
    doc = hand_parsed(nlp.vocab, r"""
        at     0 ROOT  ADP
        Ruiz   0 pobj  PROPN
        ,      1 punct PUNCT
        who    4 nsubj PRON
        Bell   1 relcl PROPN
        on     4 prep  ADP
        Monday 5 pobj  PROPN
        called 1 acl   VERB
        a      9 det   DET
        liar   7 oprd  NOUN
        .      0 punct PUNCT
    """)
    assert _subject(doc[7]).text == "Bell"


def test_subject_on_the_cue_line_beats_one_the_parser_reached_back_a_paragraph_for(nlp):
    doc = hand_parsed(nlp.vocab, r"""
        Tom   1  compound  PROPN
        Bell  8  nsubj     PROPN
        spoke 8  ccomp     VERB
        .     8  punct     PUNCT
        \n\n  3  dep       SPACE
        The   6  det       DET
        plan  12 nsubj     NOUN
        ,     8  punct     PUNCT
        says  12 parataxis VERB
        Ann   10 compound  PROPN
        Ruiz  8  nsubj     PROPN
        ,     8  punct     PUNCT
        is    12 ROOT      AUX
        bad   12 acomp     ADJ
        .     12 punct     PUNCT
    """)
    view = _DocView(doc, [], doc.text)
    assert _subject(doc[8], view).text == "Ruiz"


def test_as_someone_put_it_names_the_object_the_parser_gave_as(nlp):
    from claimcheck.components.attribution import attribute
    from claimcheck.components.lexicon import load_lexicon
    from claimcheck.components.quotes import find_quotes

    # "As Ruiz, author of ''Roads,'' put it, ''the town waited.''": "Ruiz" read as the object of "as"
    spaces = [True, False, True, True, True, False, False, False, True, True, False, True, False, True, True,
              False, False, False]
    lemmas = ["as", "Ruiz", ",", "author", "of", "''", "Roads", ",", "''", "put", "it", ",", "''", "the",
              "town", "wait", ".", "''"]
    doc = hand_parsed(nlp.vocab, r"""
        As     9  mark   SCONJ IN
        Ruiz   0  pobj   PROPN NNP
        ,      1  punct  PUNCT ,
        author 1  appos  NOUN  NN
        of     3  prep   ADP   IN
        ''     6  punct  PUNCT ''
        Roads  4  pobj   PROPN NNP
        ,      1  punct  PUNCT ,
        ''     1  punct  PUNCT ''
        put    15 advcl  VERB  VBD
        it     9  dobj   PRON  PRP
        ,      15 punct  PUNCT ,
        ''     15 punct  PUNCT ''
        the    14 det    DET   DT
        town   15 nsubj  NOUN  NN
        waited 15 ROOT   VERB  VBD
        .      15 punct  PUNCT .
        ''     15 punct  PUNCT ''
    """, spaces=spaces, lemmas=lemmas)
    records = attribute(doc, find_quotes(doc.text), load_lexicon(), paraphrases=False)
    quote = next(a for a in records if a["kind"] == "quote" and "town" in doc.text[a["start"] : a["end"]])
    assert speaker(quote) == "Ruiz"


def test_listed_speech_verbs_are_quote_cues():
    """The shipped lexicon was derived with ``benchmarks/speech_verbs.txt``: the verbs there cue quotes,
    save the few train saw often and seldom cueing one ("deny", "reject")."""
    from pathlib import Path

    from claimcheck.components.lexicon import load_lexicon

    listed = Path(__file__).resolve().parents[1] / "benchmarks" / "speech_verbs.txt"
    lines = listed.read_text(encoding="utf-8").splitlines()
    words = {w for line in lines for w in line.split("#", 1)[0].split()}
    cues = load_lexicon().quote_cues
    assert len(words) > 150 and len(words & cues) >= 0.8 * len(words)
    assert {"scold", "berate", "disparage", "whisper"} <= cues


def test_a_hyphenated_name_is_one_name(nlp):
    """The tokenizer splits "Bell-Ruiz" at the hyphen; the name, its later surname mentions and a
    pronoun pointing back to it keep both parts."""
    doc = nlp("\u201cIt is a bad plan,\u201d said Douglas Bell-Ruiz, a former budget director. \u201cIt will "
              "cost too much,\u201d Bell-Ruiz added.")
    assert speaker(quote_of(doc, "bad plan")) == "Douglas Bell-Ruiz"
    assert speaker(quote_of(doc, "cost too much")) == "Douglas Bell-Ruiz"
    doc = nlp("Nicole Hart has worked at the plant for years. \u201cI like working with my hands,\u201d she "
              "said.\n\nMs. Ann Bell-Ruiz emphasized that she, too, enjoyed her work. \u201cI missed "
              "football games,\u201d she said.")
    assert speaker(quote_of(doc, "football games")) == "Ann Bell-Ruiz"
    doc = nlp("\u201cThe ship is ready,\u201d said Jean-Luc Marchand, the captain.")
    assert speaker(quote_of(doc, "ship is ready")) == "Jean-Luc Marchand"
    # a particle glued to the surname: the parser may head the name on the particle; later mentions
    # use the surname alone
    doc = nlp("\u201cWe will not back down,\u201d said Bashar al-Assad. \u201cNever,\u201d Assad added.")
    assert speaker(quote_of(doc, "back down")) == speaker(quote_of(doc, "Never")) == "Bashar al-Assad"


def test_name_words_join_a_hyphen_with_no_space_around_it(nlp):
    from claimcheck.components.names import name_words

    doc = nlp("Ann Bell-Ruiz met Tom Hart - the mayor.")
    assert name_words(list(doc[0:4])) == ["Ann", "Bell-Ruiz"]
    assert name_words(list(doc[5:9])) == ["Tom", "Hart", "-", "the"]  # a spaced dash is no hyphen
    assert name_words(["Ann", "-", "Ruiz"]) == ["Ann", "-", "Ruiz"]  # bare strings carry no spacing


def test_a_name_with_a_particle_is_one_name(nlp):
    """"de", "von der" inside a surname: the full name, and a later "de Blasio" or "Mayor de Blasio"
    finds it (not "Bill Blasio", not "Gaulle")."""
    doc = nlp("\u201cThe city is safe,\u201d said Bill de Marco, the mayor. \u201cWe will do more,\u201d de "
              "Marco added. \u201cMuch more,\u201d Mayor de Marco said.")
    assert {speaker(q) for q in quotes(doc)} == {"Bill de Marco"}
    doc = nlp("\u201cThe plan is sound,\u201d said Ursula von der Hart, the minister. \u201cWe will "
              "act,\u201d von der Hart added.")
    assert {speaker(q) for q in quotes(doc)} == {"Ursula von der Hart"}
    doc = nlp("\u201cWe will act,\u201d said the de facto leader.")
    assert speaker(quote_of(doc, "will act")) == "the de facto leader"


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("\u201cIt is over,\u201d said U.S. Rep. Ann Bell. \u201cWe go on,\u201d Bell added.",
                 "Ann Bell", id="a place abbreviated before the title"),
    pytest.param("\u201cWe will win,\u201d said Texas Lt. Gov. Dan Hart. \u201cSoon,\u201d Hart added.",
                 "Dan Hart", id="a state and a split abbreviation before the title"),
    pytest.param("\u201cIt is over,\u201d said Retired Army Col. Lawrence Hart.", "Lawrence Hart",
                 id="a service before the rank"),
    pytest.param("\u201cIt is over,\u201d said Martin Luther King Jr.", "Martin Luther King Jr.",
                 id="a title word inside a name stays"),
    pytest.param("\u201cThe budget is late,\u201d said Chicago Alderman Ana C. Ruiz. \u201cAgain,\u201d Ruiz "
                 "added.", "Ana C. Ruiz", id="a local office before the name"),
])
def test_the_office_before_a_name_is_no_part_of_it(nlp, text, name):
    assert {speaker(q) for q in quotes(nlp(text))} == {name}


def test_a_surname_finds_the_full_name_with_its_suffix(nlp):
    doc = nlp("Rear Admiral Tom B. Hart Jr. spoke on Monday.\n\n\u201cWe sail at dawn,\u201d Hart said.")
    assert speaker(quote_of(doc, "sail at dawn")) == "Tom B. Hart Jr."


def test_a_surname_opening_a_sentence_is_the_full_name_even_read_as_a_common_noun(nlp):
    """The tagger reads a sentence's first capital as a common noun now and then ("Reyes said …"):
    a surname of the document is still its person's name."""
    from attribution_helpers import reported

    doc = nlp("\u201cWe are out of options,\u201d said Tom Reyes.\n\n"
              "Reyes said the city would need to borrow money.\n")
    assert [t for t in doc if t.text == "Reyes"][-1].pos_ != "PROPN"  # (the case this test is about)
    assert speaker(reported(doc, "said")) == "Tom Reyes"


def test_given_name_lexicon():
    from claimcheck.components.names import given_name_gender

    assert given_name_gender("Carla Mendes") == "f"
    assert given_name_gender("Peter Vance") == "m"
    assert given_name_gender("Mendes") is None  # a surname alone says nothing
    assert given_name_gender("Jordan Lee") is None  # a name carried by women and men alike


def test_namebook_she_names_no_one_rather_than_a_place_or_a_company():
    """With no person of her gender in view, "she" stays unnamed: a name never seen as a person
    is taken only when its given name says it is a woman's."""
    book = NameBook(frozenset())
    book.persons = {"Tom Bell"}
    book.note_person(0, "Tom Bell")
    book.note_person(40, "Ohio")
    assert book.resolve_pronoun("she", 80) is None
    book.note_person(60, "Carla Mendes")  # (the NER missed her)
    assert book.resolve_pronoun("she", 80) == "Carla Mendes"
    assert book.resolve_pronoun("he", 80) == "Tom Bell"


def test_mention_edges_are_trimmed_to_the_name():
    """A span the parse gives may start on the full stop of "Sens." split off, and end inside the
    parenthesis of a party and state; the mention starts on the name and closes the parenthesis."""
    from claimcheck.components.sources import _trimmed

    text = "Sens. Dan Hollis (Ky.) and Mark Ortiz (Fla.), debating"
    start, end = _trimmed(text, text.index(". Dan"), text.index("),") + 2)
    assert text[start:end] == "Dan Hollis (Ky.) and Mark Ortiz (Fla.)"
    start, end = _trimmed(text, 0, text.index(" (Ky"))
    assert text[start:end] == "Sens. Dan Hollis"



def test_a_verb_in_ing_leaves_a_name_only_for_a_surname_of_the_document(nlp):
    from claimcheck.components.attribution import verb_lemmas

    verbs = verb_lemmas(nlp)
    assert {"debate", "found", "run"} <= verbs
    doc = nlp("Debating Ruiz\n\nAnn Ruiz spoke. The Founding Fathers never met Irving Stone.")
    book = NameBook.from_doc(doc, frozenset(), verbs)
    assert book.canonical(["Debating", "Ruiz"]) == "Ann Ruiz"
    assert book.canonical(["Founding", "Fathers"]) == "Founding Fathers"  # no one's surname: stays
    assert book.canonical(["Irving", "Stone"]) == "Irving Stone"  # a given name, though "irv" is no verb
    # without the verb list (a pipeline with no lemmatizer) names stay as the tagger ran them together
    assert NameBook.from_doc(doc, frozenset()).canonical(["Debating", "Ruiz"]) == "Debating Ruiz"


def test_a_surname_tagged_as_a_common_noun_is_who_a_he_after_it_means(nlp):
    # "Price" opening a sentence is tagged NN: it is still Tom Price, the subject a later "he" means
    doc = nlp("Senator Tom Price spoke first. \u201cWe will win,\u201d said Sen. Mark Lopez. Price "
              "blamed local officials on Twitter before the speech. \u201cThe council made all the wrong "
              "moves,\u201d he wrote.")
    assert [t.tag_ for t in doc if t.text == "Price"][-1] == "NN"
    assert speaker(quote_of(doc, "wrong moves")) == "Tom Price"


def test_a_name_the_parser_made_the_root_is_who_a_he_after_it_means(nlp):
    # "Gov. Peter Vance — who … — made …": the parser hung the sentence's verbs from the name
    doc = hand_parsed(nlp.vocab, r"""
        Ann      1  compound PROPN NNP
        Ruiz     2  nsubj    PROPN NNP
        spoke    2  ROOT     VERB  VBD
        .        2  punct    PUNCT .
        Gov.     6  compound PROPN NNP
        Peter    6  compound PROPN NNP
        Vance    6  ROOT     PROPN NNP
        ,        6  punct    PUNCT ,
        who      10 nsubj    PRON  WP
        was      10 aux      AUX   VBD
        vetted   6  relcl    VERB  VBN
        ,        6  punct    PUNCT ,
        made     10 conj     VERB  VBD
        gains    12 dobj     NOUN  NNS
        and      12 cc       CCONJ CC
        he       16 nsubj    PRON  PRP
        fought   12 conj     VERB  VBD
        .        6  punct    PUNCT .
    """, ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", *["O"] * 11])
    book = NameBook.from_doc(doc, frozenset({"gov."}))
    _note_subjects(doc, book, _DocView(doc, [], doc.text))
    assert book.resolve_pronoun("he", doc[15].idx) == "Peter Vance"


def test_a_cue_in_a_clause_joined_by_but_is_not_the_quotes_own(nlp):
    # "found" seldom cues a quote, yet its clause holds it; "pointing out" hangs in the clause after "but"
    doc = nlp("The fact-checkers then found that the claim is \u201ctrue,\u201d but in the course of their "
              "report they could not resist pointing out that most layoffs were temporary.")
    record = quote_of(doc, "true")
    assert record["cue"]["text"] == "found"
    assert mention(record) == "The fact-checkers"


def test_put_cues_a_quote_only_as_put_it(nlp):
    doc = nlp("Tom Bell spoke on Monday. He said he intends to win every delegate, so he will have enough "
              "votes at the convention to put together \u201cthe strongest agenda any party has seen.\u201d")
    assert quote_of(doc, "strongest agenda")["cue"]["text"] == "said"
    doc = nlp("Tom Bell was blunt. As Bell put it, the budget is \u201ca disaster for everyone.\u201d")
    assert quote_of(doc, "disaster")["cue"]["text"] == "put"


def test_a_mention_never_leaves_a_parenthesis_open(nlp):
    from claimcheck.components.sources import _trimmed

    open_tag = len("Rep. Ann Ruiz (D-Ohio")
    text = "Rep. Ann Ruiz (D-Ohio) said"
    assert text[slice(*_trimmed(text, 0, open_tag, name=True))] == "Rep. Ann Ruiz (D-Ohio)"
    text = "Rep. Ann Ruiz (D-Ohio and"
    assert text[slice(*_trimmed(text, 0, open_tag, name=True))] == "Rep. Ann Ruiz"
    # a content span keeps what it quotes: only a name is closed or cut
    assert _trimmed(text, 0, 21) == (0, 21)
    doc = nlp("\u201cIt is a dog whistle,\u201d Rep. Ann Ruiz (D-Ohio) said Friday.")
    assert mention(quote_of(doc, "dog whistle")) == "Rep. Ann Ruiz (D-Ohio)"


def test_a_participle_read_as_an_adjective_after_has_takes_the_subject_of_has(nlp):
    # "Ruiz, who has in the past described Bell as …": the parser made "has" the verb and "described"
    # an adjective on "Bell"
    spaces = [False, True, True, True, True, True, True, True, True, False]
    doc = hand_parsed(nlp.vocab, r"""
        Ruiz      9 nsubj PROPN NNP
        ,         0 punct PUNCT ,
        who       3 nsubj PRON  WP
        has       0 relcl VERB  VBZ
        in        3 prep  ADP   IN
        the       6 det   DET   DT
        past      4 pobj  NOUN  NN
        described 8 amod  VERB  VBN
        Bell      4 pobj  PROPN NNP
        spoke     9 ROOT  VERB  VBD
    """, spaces=spaces, lemmas=["Ruiz", ",", "who", "have", "in", "the", "past", "describe", "Bell", "speak"])
    view = _DocView(doc, [], doc.text)
    assert _nearby_subject(doc, doc[7], view).text == "who"


@pytest.mark.parametrize("founded", [("Acme", "PROPN", "NNP"), ("acme.com", "NUM", "CD")])
def test_a_relative_clause_ending_right_before_a_subjectless_cue_names_who_spoke(nlp, founded):
    # "Tom Bell, the guru who founded Acme tweeted.": no comma after the clause, and the tagger read
    # "tweeted" as a participle hung far away
    word, pos, tag = founded
    spaces = [True, False, True, True, True, True, True, True, False, False]
    doc = hand_parsed(nlp.vocab, rf"""
        Tom     1 compound PROPN NNP
        Bell    1 ROOT     PROPN NNP
        ,       1 punct    PUNCT ,
        the     4 det      DET   DT
        guru    1 appos    NOUN  NN
        who     6 nsubj    PRON  WP
        founded 4 relcl    VERB  VBD
        {word}  6 dobj     {pos} {tag}
        tweeted 1 pcomp    VERB  VBN
        .       1 punct    PUNCT .
    """, spaces=spaces)
    view = _DocView(doc, [], doc.text)
    assert _nearby_subject(doc, doc[8], view).text == "guru"


def test_the_owner_of_a_sentences_subject_is_who_a_pronoun_later_in_it_means(nlp):
    doc = nlp("Dr. Mehmet Oz hosts a daily show about health.\n\nCritics have long doubted the host. "
              "\u201cHe sells hope in a bottle,\u201d said David Gorski, a surgeon who writes about medicine."
              "\n\nOz\u2019s dubious advice earned him the attention of Congress, where he appeared at a "
              "hearing for saying that a coffee extract was a \u201cmagic weight loss cure.\u201d")
    assert speaker(quote_of(doc, "magic weight loss")) == "Mehmet Oz"


def test_a_small_clauses_subject_is_not_whom_a_later_he_means(nlp):
    doc = nlp("Tom Bell was unimpressed. \u201cThe campaign is lost,\u201d he wrote after the Ledger "
              "published a story about the efforts to make Clinton more likable.\n\n\u201cToo forced?\u201d "
              "he tweeted when the ad ran.")
    assert speaker(quote_of(doc, "Too forced")) == "Tom Bell"


def test_a_surname_read_as_another_word_and_plural_words_before_a_name(nlp):
    # "Jolly" tagged an adjective is still the subject a later "he" means; "Senators" is no given name
    doc = hand_parsed(nlp.vocab, r"""
        Senators 2 compound PROPN NNPS
        Tom      2 compound PROPN NNP
        Jolly    3 nsubj    PROPN NNP
        spoke    3 ROOT     VERB  VBD
        .        3 punct    PUNCT .
        Mark     6 compound PROPN NNP
        Ruiz     7 nsubj    PROPN NNP
        left     7 ROOT     VERB  VBD
        .        7 punct    PUNCT .
        Jolly    10 nsubj   ADJ   JJ
        did      10 aux     AUX   VBD
        stay     10 ROOT    VERB  VB
        .        10 punct   PUNCT .
    """, ents=["O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", *["O"] * 6])
    book = NameBook.from_doc(doc, frozenset())
    assert book.canonical(list(doc[0:3])) == "Tom Jolly"
    _note_subjects(doc, book, _DocView(doc, [], doc.text))
    assert book.resolve_pronoun("he", len(doc.text)) == "Tom Jolly"


def test_a_definite_role_subject_stands_for_its_holder_for_a_later_he(nlp):
    # "the admiral does not make much of it": the one person named with that role is in view again
    doc = nlp("Adm. Tom Bell leads the Pacific Command.\n\nIn that vein, the admiral does not make much "
              "of the fact that he is the first to hold the post.")
    book = NameBook.from_doc(doc, frozenset({"adm."}))
    book.roles = [(doc[1].idx, "admiral", "Tom Bell")]
    _note_subjects(doc, book, _DocView(doc, [], doc.text))
    admiral = next(t for t in doc if t.lower_ == "admiral")
    assert (admiral.idx, "Tom Bell") in book.people


@pytest.mark.parametrize("text", [
    "The network is betting on old shows. \u201cNight Watch,\u201d a series that first aired in 1994, "
    "will return on Monday.",
    "The network renewed two shows. \u201cHarbor Lights,\u201d which stars Ana Ruiz, returns in May.",
])
def test_a_title_case_quote_before_a_verb_that_reports_no_speech_names_a_work(nlp, text):
    # the frame "“…,” X <verb>" takes any verb after a quoted sentence, but not after a name
    doc = nlp(text)
    assert [speaker(a) for a in quotes(doc)] == [None]


def test_a_title_case_quote_before_a_speech_verb_keeps_its_speaker(nlp):
    doc = nlp("\u201cStay Strong,\u201d the coach barked.")
    assert speaker(quote_of(doc, "Stay Strong")) == "the coach"


def test_a_part_read_without_a_speech_verb_takes_the_cue_of_the_quotation_it_continues(nlp):
    # the frame "“…!” X <verb>" would credit the next sentence's subject with the second part
    doc = nlp("Ana Ruiz posted a photo of herself eating soup. \u201cHappy holidays!,\u201d she tweeted. "
              "\u201cThe best soup is made in our diner. I love soup!\u201d Former rival Tom Bell broke down "
              "what was wrong with the photo.")
    second = quote_of(doc, "best soup")
    assert speaker(second) == "Ana Ruiz"
    assert mention(second) == "she"


@pytest.mark.parametrize(("text", "words", "name"), [
    pytest.param("The Ruiz campaign is comparing her budget with what they call Tom Bell's "
                 "\u201creckless spending spree.\u201d", "spending spree", "The Ruiz campaign",
                 id="a collective noun"),
    pytest.param("While the council meets, a crowd of tenants is planning a march against what they call the "
                 "\u201crigged\u201d rent board.", "rigged", "a crowd of tenants",
                 id="a noun of a plural"),
])
def test_they_means_the_group_that_is_the_sentences_subject(nlp, text, words, name):
    a = quote_of(nlp(text), words)
    assert speaker(a) == name
    assert mention(a) == "they"


@pytest.mark.parametrize(("text", "words", "who"), [
    pytest.param("\u201cWe were misled,\u201d said one owner of a garage that repairs city buses.",
                 "misled", "one owner of a garage", id="a relative clause"),
    pytest.param("A June memo from the parks board seen by reporters warns that \u201cthe pool will stay "
                 "closed all summer.\u201d", "the pool", "A June memo from the parks board",
                 id="a participle"),
])
def test_a_speaker_mention_ends_before_a_clause_on_a_noun_in_its_phrase(nlp, text, words, who):
    assert mention(quote_of(nlp(text), words)) == who


def test_a_cue_right_before_the_quote_but_for_its_own_time_and_place_is_tied_to_it(nlp):
    # the parser hangs the quote on "concludes"; "saying" is next to it but for "in the studio …"
    doc = nlp("The film concludes with footage of Ruiz saying in the studio last month, "
              "\u201cI paid every cent I owed.\u201d")
    assert speaker(quote_of(doc, "every cent")) == "Ruiz"


@pytest.mark.parametrize(("text", "who"), [
    pytest.param("Two senators share her worry because the key test is whether the money is \"clean and "
                 "traceable,\" as a Treasury memo put it.", "a Treasury memo",
                 id="over a weaker cue the clause hangs from"),
    pytest.param("Ana Ruiz, the deputy mayor, pushed for a vote, saying that otherwise the council would "
                 "\"stall for years,\" as Tom Bell put it in his book.", "Ana Ruiz",
                 id="not over a speech verb proper that reports the words"),
])
def test_as_x_put_it_after_a_quote_sources_it_like_as_x_reported(nlp, text, who):
    assert speaker(quote_of(nlp(text), "")) == who


@pytest.mark.parametrize(("text", "words"), [
    pytest.param("Ana Ruiz led the agency for six years. By her own account, the move was \u201ca costly "
                 "detour.\u201d", "costly detour", id="opening the sentence"),
    pytest.param("Ana Ruiz led the agency for six years. The move, by her own admission, was \u201ca costly "
                 "detour.\u201d", "costly detour", id="set off inside it"),
    pytest.param("Ana Ruiz led the agency for six years. The reorganization by her own admission was a "
                 "\u201cmistake.\u201d", "mistake", id="hung on the subject"),
])
def test_by_her_own_account_sources_the_clause_like_according_to(nlp, text, words):
    a = quote_of(nlp(text), words)
    assert speaker(a) == "Ana Ruiz"
    assert mention(a) == "her"


def test_a_pronoun_no_subject_stands_for_means_the_one_person_named_close_before(nlp):
    # named only as the agent of a passive: no subject a "she" could point back to
    doc = nlp("The mayor was joined at the briefing by Maria Gonzalez, who runs the tenants' union. She said "
              "the plan \u201cleaves renters behind.\u201d")
    assert speaker(quote_of(doc, "renters behind")) == "Maria Gonzalez"


def test_a_pronoun_no_subject_stands_for_stays_unnamed_when_two_may_be_meant():
    book = NameBook(frozenset())
    book.named = [(0, "Tom Bell"), (30, "Jim Lee")]
    assert book.resolve_pronoun("he", 100) is None  # two men named: either may be meant
    book.named = [(0, "Mary Lee"), (30, "Jim Lee")]
    assert book.resolve_pronoun("she", 100) == "Mary Lee"  # the only woman
    book.named = [(0, "Mary Lee")]
    assert book.resolve_pronoun("she", 1000) is None  # too far back


def test_a_speech_noun_before_a_colon_frame_is_its_owners_words(nlp):
    doc = nlp("The mayor's response was blunt: \"No.\"")
    assert mention(quote_of(doc, "No")) == "The mayor"


@pytest.mark.parametrize(("text", "words", "who"), [
    pytest.param("The tenants' group has been pounding the landlord as a \u201cslumlord\u201d for weeks.",
                 "slumlord", "The tenants' group", id="a one-word label"),
    pytest.param("Ruiz has been pounding her rival as a \u201ccareer politician\u201d all month.",
                 "career politician", "Ruiz", id="a verb that reports no speech"),
])
def test_a_quoted_label_put_on_an_object_through_as_is_the_subjects_word(nlp, text, words, who):
    a = quote_of(nlp(text), words)
    assert mention(a) == who
    assert a["speaker"]["basis"] == "frame"
