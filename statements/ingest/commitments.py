"""Commitments: the sentences (or clauses) in which the parties commit, agree, pledge, reaffirm a
commitment, resolve, remain committed, or say they will act.

A sentence counts when a committing phrase has the parties (or "we", "the leaders", "both
delegations", …) as its subject. Plain descriptions ("The leaders discussed …"), schedules ("will
meet again today"), negations ("did not agree") and earlier events ("At the summit held in
January, … confirmed their commitment") do not. Quoted remarks are left to `quotes.py`.
"""

import re

from statements.ingest import commitment_scoring, lexicon, lexicon_es
from statements.ingest.documents import (
    countries_in,
    country_mentions,
    fold,
    order_countries,
    paragraph_spans,
    split_sentences,
)
from statements.ingest.types import CommitmentFound

# "the pledge to", "Norway's pledge to", "its resolve to": a noun after a determiner or an owner,
# which commits only under a committing verb ("reaffirmed their pledge to", matched on its own).
_NOT_A_NOUN = (
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bour )"
    r"(?<!\bthis )(?<!\bthat )(?<!\bthese )(?<![’']s )(?<![’'] )"
)
# An adverb between "will" and its verb ("never" is a negation; "supply" is a verb).
_ADVERB = (
    r"(?:always|soon|still|then|again|(?!(?:apply|supply|comply|rely|reply|imply)\b)[a-z]{3,}ly)"
)

# What commits. Checked on the accent-folded, lower-cased sentence. "will <verb>" commits only
# when its subject is a party ("Honduras will extradite", not "The program will expand").
TRIGGERS = re.compile(
    r"\b(?:"
    r"(?<!fully )(?<!firmly )(?<!deeply )(?<!strongly )(?<!sincerely )(?<!being )"
    r"(?:re)?commit(?:s|ted)? (?:to|themselves|ourselves|(?:their|our) (?:respective )?"
    r"(?:governments|countries|nations|administrations) to"
    # "both sides committed in 2024 to:", "committed today to" (a time between verb and "to")
    r"|(?:in \d{4}|today|this year|once again|again) to)"
    # "the two sides re-dedicated themselves to cooperation by:"
    r"|(?:re-?)?dedicat(?:e|es|ed) (?:themselves|ourselves|itself) to"
    r"|(?:are|is|were|am|remain\w*|stay\w*) (?:all )?(?:fully |firmly |deeply |strongly "
    r"|sincerely |steadfastly )?committed to"
    r"|(?:reaffirm|affirm|confirm|renew|reiterat|underscor|underlin|restat)\w*"
    r" (?:the |their |our |its |his |her |a |an )?(?:[\w.’'-]+,? ){0,6}?"
    r"(?:shared |joint |mutual |full |strong |firm |steadfast |ongoing |continued )*commitments?"
    # "stressed his commitment to …", "conveyed his intention to consult …", "expressed the
    # U.S. commitment to work …" ("discussed their commitment" only talks about one)
    r"|(?:express|highlight|emphasi[sz]|stress|demonstrat|recogni[sz]|convey|reinforc)\w*"
    r" (?:a |their |our |its |his |her |the u\.s\. |the united states[’'] )"
    r"(?:shared |joint |mutual |continued |strong |steadfast |common |full |enduring )?"
    r"(?:commitments?|intention to|determination to)"
    # "Defending democracy is at the heart of our commitment to stand with Iceland", "the
    # agreement reflects our commitment to": our own commitment restated through what shows it
    # (not "reflects Denmark's commitment"; talked about: `_TALKED_ABOUT`)
    r"|(?:reflect\w*|(?:at the )?heart of|(?:a )?testament to|(?:a )?sign of|(?:a )?symbol of"
    r"|central to) (?:our|their) (?:[\w’'-]+ ){0,2}?commitments? to (?!be\b)(?:[a-z]{2}-)?[a-z]{3,}"
    # (Not "The leaders discussed our commitment to …", "their joint commitment": a commitment
    # talked about, whoever's, is not made; `_TALKED_ABOUT`.)
    # "our commitment to Article 5 of the NATO Treaty is ironclad"
    r"|commitments? to [^.;]{3,100}? (?:is|are|remains?) (?:ironclad|unwavering|unshakable"
    r"|steadfast)"
    # "emphasized the United States' continued readiness to work", "reaffirmed the
    # Administration's goal of enhancing", "emphasized the ironclad U.S. alliance commitments":
    # a party stating its own resolve, whoever's name stands before it ("the importance of a
    # commitment" is not one).
    # ("expressed their willingness to work together")
    r"|(?:reaffirm|affirm|reiterat|underscor|underlin|emphasi[sz]|stress|express|convey|restat)\w*"
    r" (?:the |a |an |their |our |its |his |her )?(?:(?!(?:importance|need|value|significance"
    r"|role|of|to|for|and|in|on|with)\b)[\w.’'-]+ ){0,3}"
    r"(?:determination|readiness|willingness|resolve|intention|commitment) to"
    # "highlighted the President’s unwavering commitment to", "reiterated President Biden and
    # Vice President Harris’ commitment to", "stressed the commitment of the United States to",
    # "reaffirmed the readiness of the United States to provide": a stated resolve whose owner is
    # named, however long the name
    r"|(?:reaffirm|affirm|reiterat|underscor|underlin|emphasi[sz]|stress|express|convey|restat|highlight)\w*"
    r" (?:the )?(?:(?!(?:importance|need|value|significance|role|of|to|for|in|on|with)\b)"
    r"[\w.-]+ ){0,6}?[\w.-]+[’'](?:s\b)? (?:[\w-]+ ){0,2}"
    r"(?:commitments?|determination|readiness|resolve|intention) to"
    r"|(?:reaffirm|affirm|reiterat|underscor|underlin|emphasi[sz]|stress|express|convey|restat|highlight)\w*"
    r" (?:the |a |an |their |our |its |his |her )?(?:[\w-]+ ){0,2}"
    r"(?:commitments?|determination|readiness|resolve) of (?:the )?[^.;,]{2,50}? to\b"
    r"|(?:reaffirm|reiterat)\w* (?:the |their |our |its |his |her )[\w.’'-]+ goal of"
    # "The two Presidents set a goal of doubling bilateral trade by 2030" (their own target)
    # (not "which is why he has set an ambitious goal of": a standing policy described)
    r"|(?<!has )(?<!have )(?<!had )set (?:a|an|the|their|our) (?:[\w-]+ ){0,2}(?:goal|target)"
    r" (?:of|to) [a-z]{3,}"
    r"|(?:emphasi[sz]|stress|reiterat|underscor|underlin)\w* (?:the |their |our |its |his |her )"
    r"(?:(?!(?:importance|need|value|significance|role|of|to|for|and|in|on|with)\b)"
    r"[\w.’'-]+ ){0,3}commitments? to"
    # "reaffirmed the strong bonds between our nations and their commitment to deepening …",
    # "We reaffirm our respect for human rights, …, and our commitment to address …"
    r"|(?:reaffirm|affirm|reiterat|underscor|underlin|restat|renew)\w*"
    # ("reiterated their condemnation of …, as well as their ongoing commitment to …")
    r" (?:(?!discuss|talk|, as (?!well as )|, while |, but )[^.;:]){3,150}?,? (?:and|as well as)"
    r" (?:his|her|their|our|its) (?:[\w-]+ ){0,2}commitments? to"
    # "reaffirm our historic alliance, steadfast friendship, and commitment to overcome …": one
    # "our" over the whole list
    r"|(?:reaffirm|affirm|reiterat|underscor|underlin|restat|renew)\w* (?:our|their) "
    r"(?:(?!discuss|talk|, as (?!well as )|, while |, but )[^.;:]){3,150}?, and commitments? to"
    # "reiterated their agreement that a nuclear war should never be fought"
    r"|(?:reaffirm|reiterat|confirm|renew)\w* (?:their|our|the) (?:[\w-]+ )?agreement"
    r" (?:that|to|on)"
    # "Prime Minister Noda conveyed his decision to invite six hundred students", "announced
    # their decision to open a consulate" (a decision stated by its owner, as "decided to";
    # not "welcomed Japan's decision to", session 16)
    r"|(?:convey|announc|express|highlight|reaffirm|confirm|communicat)\w*"
    r" (?:his|her|their|our|its) (?:[\w-]+ )?decision to (?!be\b)[a-z]{3,}"
    # "informed the Amir of his intention to designate …"
    r"|informed [^.;]{2,60}? of (?:his|her|their|its|our) (?:intention|plan|decision) to"
    # "affirmed their unwavering support for Ukraine", "We offer our full support for …";
    # "reiterated U.S. support for our Philippine allies" (support for a country or people;
    # support for an outcome or a policy is a position: `_SUPPORT_FOR_PEOPLE`)
    r"|(?:re)?affirm\w* (?:their|our|its|his|her) (?:[\w-]+ ){0,2}support for"
    # "underscored the United States’ sustained help for Ukraine", "emphasized U.S. support for
    # the Philippines": a named owner's support, help or backing, whatever the verb that states it
    r"|(?:reaffirm|affirm|reiterat|underscor|underlin|emphasi[sz]|stress|highlight)\w*"
    r" (?:his |her |their |our |its |the )?"
    r"(?:u\.s\.|[a-z.-]+(?: [a-z.-]+)?[’'](?:s\b)?) (?:[\w-]+ ){0,2}(?:support|help|backing) for"
    r"|(?:reiterat|underscor|underlin)\w* (?:his|her|their|our|its) (?:[\w-]+ ){0,2}support for"
    r"|offer\w* (?:our|their|its) (?:full |continued |steadfast )?support"
    # "The United States supports a strong, independent, prosperous, and self-reliant Vietnam": a
    # party's support for a country it describes (the country must follow: `_SUPPORTED_COUNTRY`;
    # not "supports a diplomatic resolution")
    r"|(?<!\bto )(?<!\bhow )supports? (?:a|an|the) "
    # "We stand together in continuing to protect our workers", "stand united in defending"
    r"|stand\w* (?:together|united|shoulder[- ]to[- ]shoulder) (?:in|to) (?:continuing to )?"
    r"(?:continu|protect|defend|support|uphold|oppos|counter|promot|advanc|confront)\w*"
    # "the United States and Peru are united in shared purpose to deepen our ties": a resolve
    # shared and stated
    r"|(?:are|is|remain\w*|stand\w*) united in (?:their |our |a )?(?:shared |common |joint )?"
    r"(?:purpose|resolve|determination|commitment) to (?!be\b)[a-z]{3,}"
    # "offered all appropriate support to the Government and people of Israel" (to a party, as
    # `_supports_a_party` checks)
    r"|offer\w* (?:all |any |his |her |the |u\.s\. )(?:[\w-]+ ){0,2}support (?:to|for)"
    # "tasked their teams to …", "has directed his team to deploy …"
    r"|(?:has |have )?directed [^.;]{2,60}? to (?:ensure|deploy|provide|surge|work)"
    # "directed <two officials named with their titles> to launch a working group"
    r"|directed [^.;]{2,160}? to (?:launch|establish|develop|create|convene|prepare|pursue"
    r"|negotiate|conclude|finalize|begin|start|explore|expand|draft)\b"
    # "The Ministers tasked officials to prepare a report", "tasked the Joint Commission with"
    r"|tasked (?:the |senior )?(?:[\w-]+ ){0,2}(?:officials|teams?|ministers|experts|negotiators"
    r"|commission|committee|working groups?) (?:to|with)\b"
    r"|(?:tasked|directed|instructed|ordered) (?:their|his|her|our) (?:[\w-]+ ){0,2}"
    r"(?:teams?|officials|ministers|staff|cabinet|administration)"
    # "We call upon our Ministers of Energy and Commerce to develop recommendations": an appeal to
    # one's own ministers tasks them (an appeal to others does not commit)
    r"|call(?:s|ed)? (?:up)?on (?:their|our) (?:[\w-]+ ){0,4}?(?:teams?|officials|ministers"
    r"|ministries|staff|cabinets?|negotiators|experts|agencies|governments|administrations)"
    r" (?:[\w-]+ ){0,4}?to"
    r" (?!be\b)[a-z]{3,}"
    # "We intend to …", "announce our intent to open …" (a party's own plan)
    r"|intend(?:s|ed)? to|(?:our|their|its) intent(?:ion)? to"
    # "The leaders intend for the first meeting of the Dialogue to take place later this year"
    r"|intend(?:s|ed)? for (?:[^.;]{2,80}?) to (?!be\b)(?:[a-z]{2}-)?[a-z]{3,}"
    # "We seek to expand cooperation", "Norway and Iceland aim to conclude" (an aim of a party's
    # own, like "intend"; not "as we seek to", a circumstance; not "the Guidelines aim to")
    rf"|{_NOT_A_NOUN}(?<!\bas we )(?<!\bas they )(?<!\bwhile we )(?:seek|aim)s? to"
    r" (?!be\b)[a-z]{3,}"
    # "announce the intent of the federal government, in partnership with …, to hold" (a party
    # as the owner: `_OWNED_INTENT`)
    r"|intent(?:ion)? of (?:the )?[^.;]{2,100}? to (?!be\b)(?:[a-z]{2}-)?[a-z]{3,}"
    # "expressed their concern … and their shared commitment to …" ("discussed trade and their
    # shared commitment" only talks about one)
    r"|(?:express|highlight)\w* [^.;:]{3,120}? and (?:their|our) (?:shared|joint|mutual)"
    r" commitments?"
    # "We recall our commitment to implement fully the outcome of the Summit", "recall our G20
    # commitment to support": an undertaking of their own, recalled (not "recalled the commitment
    # made by", someone else's)
    r"|recall\w* (?:our|their) (?:[\w-]+ ){0,3}?commitments? to (?!be\b)(?:[a-z]{2}-)?[a-z]{3,}"
    r"|(?:reaffirm|confirm|renew|reiterat|underscor|underlin)\w* (?:our|their|its)"
    r" (?:(?:firm|strong|shared|joint|solemn|steadfast|unwavering|full) )?"
    r"(?:collaboration|resolve|determination|support|cooperation|pledge|promise) to"
    # "reaffirmed they are aligned to modernize", "… that they will" (not "that they are allies": a
    # relation)
    r"|reaffirm\w* (?:that )?(?:they|we) (?:will|(?:are|were) (?:\w+ly )?(?:committed|ready"
    r"|prepared|determined|resolved|aligned|united|dedicated|steadfast|unwavering)\b)"
    # the verb, not the noun: "commended the Prime Minister's pledge to host", "thanked Norway for
    # its pledge to", "how to fulfil the pledge to end hunger" acknowledge or talk about a pledge
    # (one reaffirmed or renewed is caught above)
    # (not "pledged their condolences", "his sympathy": feelings are not undertakings)
    rf"|{_NOT_A_NOUN}(?:pledg(?:es|ed|ing) (?!that\b|of\b|by\b)"
    r"(?!(?:\w+ )?(?:condolences|sympathy|sympathies|prayers|thoughts|gratitude)\b)[\w$]"
    r"|pledge (?:to|their|our|its|a|an|the|support|\$))"
    # "We plan to share information", "is prepared to support", "stand firm in the commitment"
    # ("discussed the platform and plans to …", "action plans to …": the noun)
    # (whole words: "Canada plan to", "Iceland plan to" end in "a ", "and ")
    # ("…, and plan to continue collaborating": "plan" after "and" is the verb of a plural subject;
    # "and plans to" stays the noun)
    r"|(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bour )(?<!\bits )(?<!\ba )(?<!\bthe )"
    r"(?<!\baction )"
    r"(?<![’']s )(?:(?<!\band )plans|plan) to (?!be\b)(?:[a-z]{2}-)?[a-z]{3,}"
    r"|(?:we|they) (?:are|stand) (?:\w+ )?(?:prepared|ready) to"
    # "the United States remains ready to facilitate" (a party's readiness: `_needs_party_subject`)
    r"|(?:is|are|remains?) (?:\w+ )?(?:prepared|ready) to"
    # "We are determined to strengthen our partnership", "Norway remains determined to support",
    # "we are dedicated to deepening" (not "the fund is dedicated to": a party's only)
    # (a stated resolve, like "are resolved to"; "determined that" is a view: `AGREED_THAT`)
    r"|(?:is|are|remains?) (?:\w+ly )?(?:determined|dedicated) to (?!be\b)(?:[a-z]{2}-)?[a-z]{3,}"
    # "the President assured him that every effort will be made to help": an assurance is an
    # undertaking whatever the voice of what is assured
    r"|assur(?:es|ed|ing)? (?:[^.;]{2,60}? )?(?:that|of)\b"
    r"|stands? (?:\w+ )?ready to"
    # "We are committed, where applicable and subject to national legal frameworks, to …"
    r"|(?:are|is|remain\w*) (?:\w+ )?committed, [^.;]{3,100}?, to"
    r"|stand\w* firm in (?:the|their|our|its) commitment"
    # "We remain steadfast in our support for Iceland", "Norway remains unwavering in its
    # commitment to"
    r"|(?:remain\w*|stand\w*|are|is) (?:steadfast|unwavering|firm|resolute|united) in"
    r" (?:their|our|its|his|her) (?:[\w-]+ ){0,2}(?:commitment|support|resolve|determination)"
    # "Norway offered to provide technical assistance" (a party's offer: `_needs_party_subject`;
    # not "welcomed the President's offer to host", the noun)
    rf"|{_NOT_A_NOUN}offer(?:s|ed)? to (?!be\b)[a-z]{{3,}}"
    # "The President told King X he would work to …": an undertaking reported by its maker
    r"|(?:told [^.;]{2,60}? |noted |said )(?:that )?(?:he|she|they|we) (?:would"
    # ("would be following … closely" commits; "he would like to visit", a wish, does not: the
    # gold counts no desire, "noted the United States' desire to collaborate")
    r" (?:be [a-z]+ing\b|(?!(?:be|like|love|prefer|want|wish|hope)\b)[a-z]{3,})"
    r"|(?:was|were) (?:\w+ )?(?:ready|prepared) to)"  # "told them that he was ready to"
    # "reaffirmed that the people of New Mexico will have the full support of …"
    r"|reaffirm\w* that [^.;]{3,120}? (?:will|would) (?!be\b)[a-z]{3,}"
    r"|will not hesitate to"
    # "the Vice President announced more than $1.5 billion in additional assistance": a party
    # announcing what it will give (`_needs_party_subject`)
    r"|announc(?:es|ed|ing)? (?:(?:an? |the )?(?:new |additional |further )?(?:more than |over "
    r"|nearly |almost |up to |about |some )?(?:us)?\$\s?[\d.,]+\s*(?:million|billion|trillion)"
    r"(?: in| of)? (?:[\w-]+ ){0,2}(?:assistance|aid|support)"  # not "$14.8 million in awards"
    r"|(?:[\w-]+ ){0,3}(?:additional|new|further) (?:[\w-]+ ){0,2}(?:assistance|aid|funding"
    r"|support(?= (?:to|for) (?:respond|help|assist|address)))"
    # "Norway announced a contribution of $10 million to the fund" (a pledge of money)
    r"|(?:a |an )?(?:new |additional |further )?(?:contribution|pledge) of (?:more than |over "
    r"|up to |nearly |about )?(?:us|au|nok|eur|€|£)?\$?\s?[\d.,]+\s*(?:million|billion))"
    # The parties announcing, in the present, in their own voice: "Canada and the United States
    # are pleased to announce the renewal of the Task Force", "we jointly announce a new fund"
    # (the statement is the undertaking; "announced" reports an act, `_needs_party_subject`)
    r"|(?:(?:are|is) (?:pleased|proud|delighted|happy|honou?red) to |(?<!\bto )(?<!\bwill )"
    r"(?<!\bwould )(?<!\bdid )(?<!\bcan )(?:today |jointly |hereby |also )?)announces? "
    r"(?:the |a |an |our |their |its )?(?:new |further |additional )?(?:renewal|extension|launch"
    r"|establishment|creation|expansion|fund|partnership|initiative|program|mission)\b"
    r"|agree(?:s|d)? (?:to|on|upon|that)|agree(?:s|d)? for (?:their|our|the) "
    r"|determined that"
    # "commitments by the Government of Israel and the PA to de-escalate", "key commitments
    # made by President …", "the commitment that President … made": an undertaking recalled
    r"|commitments? (?:made )?by (?!the end\b)[^.;]{2,80}? to (?!be\b)(?:[a-z]{2,}-)?[a-z]{3,}"
    r"|commitments? made by|commitments? that [^.;]{2,80}? made\b"
    # "the multilateral pledge made at COP28 to mobilize US$4.2 billion" (a recalled undertaking)
    r"|(?:commitments?|pledges?) made (?:at|during) [^.;]{2,60}? to (?!be\b)(?:[a-z]{2}-)?[a-z]{3,}"
    # the parties working on an undertaking of theirs, recalled: "took stock of progress to
    # deliver on our leaders’ commitment to set the highest standards", "discussed next steps
    # toward the commitment made during the Vice President's visit to hold a dialogue" (not
    # someone else's praised: `_PRAISED_DELIVERY`; not "its"/"his" commitment)
    r"|(?:deliver\w* on|fulfil\w*|implement\w*|follow\w* through on|make good on|toward"
    r"|towards) (?:(?:our|their) (?:[\w’'-]+ ){0,2}?(?:commitments?|pledges?)"
    r"(?: made (?:at|during|by) [^.;]{2,60}?)?"
    r"|the (?:[\w’'-]+ ){0,2}?(?:commitments?|pledges?) made (?:at|during|by) [^.;]{2,60}?)"
    r" to (?!(?:be|net|the|our|their|its|his|her|this"
    r"|that|these|those|all|each|both|any|every|such|more)\b)[a-z]{3,}"
    # "Australia's commitment that it will not conduct enrichment": what a commitment that …
    # will (or will not) do is an undertaking, its owner's (`_OWNER_OF_THAT`)
    r"|[’']s? commitments? that (?:(?!\bmade\b)[^.;]){2,60}? (?:will|would|shall)\b"
    # "Over the next year, we must redouble our efforts to protect our people … through the
    # following actions:" (a list of what the parties will do; a bare "we must" exhorts)
    r"|(?:we|our (?:two |three )?(?:countries|governments|nations)) must (?!not\b)[a-z]{3,}"
    r"(?= [^.;:]*\bfollowing (?:actions|steps|measures|priorities|commitments)\s*:)"
    # "In 2025, the United States and Norway will:" and a list of what they will do
    r"|will(?: (?:also|further|jointly|together|now|continue to))?(?=\s*:\s*$)"
    r"|(?:reached|made) an? agreement"
    # "The leaders concurred to enhance cooperation", "Both sides consented to step up exchanges"
    # (as "agreed to"; not "consented to the request")
    r"|(?:concur|consent)(?:s|red|ed)? to (?!(?:be|the|a|an|this|that|their|its|his|her)\b)"
    r"[a-z]{3,}"
    # "The United States and Norway share a commitment to protecting the Arctic"
    r"|share (?:a|an|our|their|the) (?:shared |common |joint |strong |deep |firm )?"
    r"commitment to"
    rf"|{_NOT_A_NOUN}resolv(?:e|es|ed) to"  # not "praised the Prime Minister's resolve to"
    rf"|{_NOT_A_NOUN}vow(?:s|ed)? to"
    r"|undert(?:ake|akes|ook) to"
    rf"|{_NOT_A_NOUN}promis(?:e|es|ed) to"
    r"|decid(?:e|es|ed) to"
    # "They decided on a Counterterrorism Cooperation Initiative to expand collaboration": a
    # decision on a thing of their own making (joint statements)
    r"|decid(?:e|es|ed) (?:on|upon) (?:a|an|the|new|further)\b"
    # "confirmed that the United States together with Egypt and Qatar would work to ensure",
    # "noted … that the Department would continue to use its tools": a party's undertaking in
    # reported speech (only after "that" and a party: `_REPORTED_PARTY`)
    # An adverb is no verb: "will always stand with" commits, "will always be friends" and "will
    # never forget" do not.
    rf"|would (?:(?:also|further|jointly|continue to|now|{_ADVERB}) )?"
    rf"(?!be\b|not\b|never\b|have\b|like\b|need\b|{_ADVERB}\b)(?:[a-z]{{2,}}-)?[a-z]{{3,}}\b"
    # "We shall continue to cooperate closely" (the "will" of a formal text; a party's only)
    rf"|shall (?:(?:also|further|jointly|continue to|now|{_ADVERB}) )?"
    rf"(?!be\b|not\b|never\b|have\b|{_ADVERB}\b)[a-z]{{3,}}\b"
    rf"|will (?:(?:also|further|jointly|continue to|now|{_ADVERB}) )?"
    rf"(?!be\b|not\b|never\b|have\b|{_ADVERB}\b)"
    # ("The visit will underscore our commitment": the restating verb is the trigger, whatever
    # the subject of "will")
    r"(?!(?:underscor|underlin|demonstrat|reinforc|reaffirm|reflect|highlight)\w* (?:our|their)"
    r" (?:[\w’'-]+ ){0,2}?commitment)"
    r"(?:(?:[a-z]{2,}-)?[a-z]{3,}|do so|do (?:all|everything|more|our|their)\b)\b"  # "will co-host"
    r"|(?:se )?comprometi(?:eron|o|mos)|se comprometen|acordaron|convinieron"
    r"|reafirm\w* (?:su|el|nuestro) compromiso"
    r")",
)
# Short readouts (calls, bilateral meetings, State Department readouts, convenings): ways one side
# states its resolve that the forms above miss. Kept apart so that the joint-statement rules can
# change without touching them.
_SHORT_READOUT_TRIGGERS = (
    # "The Secretary reaffirmed support for Ukraine", "reiterated unwavering support for Ukraine's
    # sovereignty" (no owner word: the speaker's own; the object is checked by `_supports_a_party`)
    # (not "underscored support for the people of X as they seek to …", which the gold leaves)
    r"(?:(?:re)?affirm|reiterat)\w* (?:(?:continued|unwavering|steadfast|strong|full"
    r"|firm|enduring|ongoing|resolute|sustained) )?support for"
    # "spoke with … to offer continued support to the people and government of Ukraine"
    r"|offer\w* (?:continued|full|steadfast|unwavering|additional|further|strong|ongoing)"
    r" support (?:to|for)"
    # "noting in particular their joint determination to counter …", "noted his commitment to"
    # ("Secretary Kerry stated his intention to further develop the relationship")
    r"|(?:not|stat)(?:e|es|ed|ing) (?:in particular |also |again )?(?:their|our|his|her|its)"
    r" (?:shared |joint |mutual |common |continued |strong |steadfast |full |enduring )?"
    r"(?:commitments? to|intention to|determination to)"
    # "spoke with X to express U.S. support for the Filipino peacekeepers" (its object is checked
    # by `_supports_a_party`: not "for Mauritania's efforts")
    r"|express\w* (?:the )?(?:u\.s\.|united states[’']?|american) (?:[\w-]+ ){0,2}support for"
    # "the two leaders reasserted their commitment to working towards a hemisphere …"
    r"|reassert\w* (?:the |their |our |its |his |her )(?:[\w-]+ ){0,2}commitments?"
    # "stated that the United States was prepared to extend all possible assistance" (readiness
    # in reported speech; a party's, like "is ready to": `_READY`)
    r"|(?:was|were) (?:\w+ )?(?:prepared|ready) to"
    # "expressed his strong support for the people of Norway" (the object checked by
    # `_supports_a_party`: not "for continued cooperation", "for an earned path")
    r"|express\w* (?:his|her|their|our|its) (?:[\w-]+ ){0,2}support for"
    # "offered the full support of the United States Government to Norway as it recovers"
    # ("conveyed the full support of the United States for Chile's democracy": the same support
    # stated with another verb)
    r"|(?:offer|convey|express|reaffirm|reiterat|underscor|stress|emphasi[sz]|pledg)\w*"
    r" (?:the )?(?:(?:full|continued|unwavering|steadfast|strong|firm) )?support of (?:the )?"
    r"(?:u\.s\.|united states)(?: government)? (?:to|for)"
    # "The President and the Prime Minister committed their governments to work together"
    r"|commit(?:s|ted)? (?:their|our) (?:respective )?(?:governments|countries|nations|teams"
    r"|administrations) to"
    # "underscored that the United States would not waver in its support" (a promise, however
    # it is negated, like "will not hesitate to")
    r"|(?:will|would) (?:not|never) (?:waver|falter|stop|rest|relent|give up|back down"
    r"|abandon)\b"
    # "called the Mayor to let her know the city has the full support of the federal government",
    # "assured the Governor that Vermont will have the full force of the federal government": the
    # government's backing promised to those it tells
    r"|(?:let (?:them|him|her) know|assur\w* [^.;]{2,60}?|told [^.;]{2,60}?) (?:that )?"
    r"(?:[^.;]{2,80}? )?(?:have|has|had|would have|will have) the full (?:force|support|weight"
    r"|backing|resources) of the (?:federal|u\.s\.|united states|american|entire)"
    r"(?: federal)? government"
    # "reaffirmed that the federal government will be there for the people of Maui"
    r"|(?:will|would) (?:always |continue to )?be there (?:for|to)\b"
    # "highlighted U.S. preparedness to meet the DPRK without preconditions", "stressed the
    # readiness of …": a stated readiness, like "emphasized the United States' readiness to"
    r"|(?:reaffirm|affirm|reiterat|underscor|emphasi[sz]|stress|express|convey|restat|highlight)\w*"
    r" (?:the |a |an |their |our |its |his |her )?(?:(?!(?:importance|need|value|significance|role"
    r"|of|to|for|and|in|on|with)\b)[\w.’'-]+ ){0,3}(?:preparedness|readiness|willingness) to"
    # "met with X to reaffirm both the strength of the relationship, which …, and the U.S.
    # commitment to Israel's security" (its owner named, as "… and their commitment to")
    # (not "the renewed diplomatic efforts …, and the U.S. commitment": talked about)
    r"|(?:reaffirm|affirm|reiterat|underscor)\w*"
    r" (?:(?!discuss|talk|, as (?!well as )|, while |, but )(?:[^.;:]|\.(?=[\w-]))){3,200}?,?"
    r" (?:and|as well as) the (?:[\w-]+ ){0,2}(?:u\.s\.|united states[’']?|american)"
    r" (?:[\w-]+ ){0,2}commitments? to"
    # "He also stated that he would immediately convey Japan's message", "the two ministers
    # confirmed that they would closely coordinate", "agreeing that they would urge all parties":
    # the speaker's own undertaking in reported speech (not "would like to", a wish)
    r"|(?:stat|confirm|reaffirm|affirm|agree|add|assur|pledg|promis|emphasi[sz]|underscor|stress)"
    r"\w* (?:that )?(?:he|she|they|we) would (?:[a-z]+ly )?"
    r"(?:(?!(?:be|not|like|have|need|never)\b)[a-z]{3,}"
    # "Both agreed that they would do whatever it takes to …" (session 16)
    r"|do (?:whatever|everything|all|more|so|what)\b)"
    # "the two ministers shared the view to continue working closely" (an agreement, said so in
    # the readouts of some foreign ministries; "shared the view that …" commits by its "will")
    r"|shar\w* the view to (?!be\b)[a-z]{3,}"
    # "reaffirmed our joint goals for enhancing the partnership" (like "reaffirmed the goal of")
    r"|(?:reaffirm|reiterat)\w* (?:the |their |our |its |his |her )(?:[\w.’'-]+ ){0,2}goals?"
    r" (?:of|for) [a-z]{3,}"
    # "The United States will be sending a representative to the talks": a party's "will" in the
    # progressive (not "will be meeting", "will be traveling": a schedule)
    r"|will (?:also |now |soon )?be (?!(?:meeting|traveling|travelling|visiting|hosting|attending"
    r"|participating|speaking|holding|joining|arriving|departing|returning|delivering|leading"
    r"|heading|making remarks|giving|taking part|going|coming|calling)\b)[a-z]{3,}ing\b"
)
# Session 16 (com8): more ways a party states its own undertaking, each counted by the tune gold
# in a form of its own kind.
_UNDERTAKING_FORMS = (
    # A party's own negative undertaking: "The United States will not recognize the annexation",
    # "stressed that the United States will not normalize relations with the regime" (as "will
    # not hesitate to" and "we won't negotiate"; `_needs_party_subject`). Not what befalls, a
    # schedule or an inability: "will not be able to travel", "will not face", "will not
    # attend". ("will never" / "would never" stay negations, as session 14 decided: the tune gold
    # has none.)
    r"(?:(?:will|shall|would) not|won[’']t) "
    r"(?!(?:be|have|need|only|just|meet|attend|travel|visit|participate|host|hold|speak|return"
    r"|arrive|depart|face|benefit|suffer|gain|lose|become|succeed|prevail|win|forget|happen"
    r"|hesitate|waver|falter|stop|rest|relent|give up|back down|abandon|like|want|know)\b)"
    r"(?:[a-z]{2,}-)?[a-z]{3,}\b"
    # "announced his commitment to take on junk fees", "highlighted his pledge to double aid",
    # "announced their determination to …" (a party stating its own resolve, as "expressed
    # their commitment"; "welcomed Norway's pledge" acknowledges one)
    r"|announc\w* (?:his|her|their|our|its|the u\.s\.|the united states[’'])"
    r" (?:(?:shared|joint|firm|strong|full|continued|renewed|new) )?"
    r"(?:commitments? to|pledge to|intention to|determination to|resolve to)"
    r"|(?:highlight|emphasi[sz]|stress|underscor|reaffirm|reiterat|renew)\w*"
    r" (?:his|her|their|our|its) (?:(?:shared|joint|firm|strong|full|continued) )?pledge to"
    r" (?!(?:be|the|a|an|his|her|their|our|its|this|that|all)\b)[a-z]{3,}"
    # "repeated his commitment to NATO", "voiced the United States' steadfast support for
    # Ukraine", "vowed continued support to the Ukrainian people", "voiced their determination
    # to" (as "reiterated …"; support is checked for a party as object, `_supports_a_party`)
    rf"|(?:repeat(?:s|ed|ing)?|voic(?:e|es|ed|ing)|{_NOT_A_NOUN}vow(?:s|ed|ing)?)"
    r" (?:the |a |an |their |our |its |his |her |u\.s\. |the united states[’'] |american )?"
    r"(?:(?:continued|unwavering|steadfast|strong|full|firm|enduring|ongoing|resolute|sustained"
    r"|shared|joint|mutual|deep|unflagging|unshakable|ironclad) )*"
    r"(?:commitments?|determination to|resolve to|support (?:for|to))"
    # "offered whatever U.S. assistance might be required", "offered U.S. assistance to the
    # relief effort" (a party's offer: `_needs_party_subject`; not "the U.S. offer of assistance",
    # the noun, nor "had offered assistance", an earlier act)
    r"|(?<!\bhad )offer(?:s|ed|ing)? (?:(?:whatever|any|all|all possible|full|immediate"
    r"|additional|further|continued|u\.s\.|american|our|his|her|its|their|the|emergency|humanitarian|technical"
    r"|disaster|relief|military|financial|possible|necessary|appropriate|every|urgent"
    r"|needed) ){0,4}(?:assistance|help|aid)\b"
    # "The officials recognised the progress; while agreeing to continue developing defence
    # ties" (a participle of the main subject's, as "agreed to"; not "welcomed Russia agreeing
    # to withdraw")
    r"|(?:(?<=, )|(?<=\bwhile )|(?<=\band ))agreeing to"
    r" (?!(?:the|a|an|this|that|their|its|disagree)\b)"
    r"[a-z]{3,}"
    # "The two sides shared the determination to maintain cooperation" (as "expressed their
    # determination to"; "share a commitment to" is above)
    r"|shar(?:e|es|ed|ing) (?:a|an|our|their|the) (?:(?:strong|firm|common|joint|mutual|deep) )?"
    r"(?:determination|resolve) to (?!be\b)[a-z]{3,}"
    # "the President directed the Administration to mount a swift response" (his own government
    # tasked, as "directed his team to"; not "directed questions to")
    r"|(?:directed|instructed|ordered|tasked) the (?:entire |whole )?(?:federal )?(?:administration"
    r"|government|agencies|interagency|cabinet) to (?!be\b)[a-z]{3,}"
    # "assured his and his mission's full support in strengthening relations" (an assurance of
    # support; "assured him that …" and "assured … of" are above), "assured Pakistan's dedication
    # to collaborate" (a resolve assured, its owner's: `_possessor_parties`)
    r"|assur(?:es|ed|ing)? (?:[\w.’'-]+ ){0,4}?(?:full|continued|unwavering|complete|steadfast"
    r"|strong) (?:support|cooperation|backing|assistance)\b"
    r"|assur(?:es|ed|ing)? (?:the )?[\w.-]+(?: [\w.-]+){0,3}[’']s? (?:[\w-]+ ){0,2}"
    r"(?:commitment|dedication|determination|readiness|resolve|intention) to (?!be\b)[a-z]{3,}"
    # "announced $50 million in new funding for refugees" (as "in new assistance"; not "$14.8
    # million in awards to companies")
    r"|announc(?:es|ed|ing)? (?:(?:more than|over|nearly|almost|up to|about|some) )?(?:us)?"
    r"\$\s?[\d.,]+\s*(?:million|billion) (?:in |of )?(?:new|additional|further|emergency"
    r"|humanitarian)(?: [\w-]+)? funding"
)
TRIGGERS = re.compile(
    f"{TRIGGERS.pattern}|{lexicon_es.COMMITMENT_TRIGGERS}|{_SHORT_READOUT_TRIGGERS}"
    f"|{_UNDERTAKING_FORMS}"
)  # "acordamos"
NEGATED = re.compile(
    r"\b(?:not|never|no longer|failed to|refused to|declined to|neither|nor|unable to"
    r"|did not|didn[’']t|won[’']t|will not|no se)\b[^.;]{0,25}$"
)
# Scheduling and reporting, not committing: "will meet again today", "will participate in".
# ("will meet again within two months" is an undertaking, like "agreed to meet again".)
SCHEDULE = re.compile(
    r"\b(?:will|would) (?:(?:also|soon|then|next|later|shortly|again) )?"
    r"(?:meet(?! again\b(?! (?:today|tomorrow|later|this|tonight)\b))"
    r"|participate|travel|visit|hold|attend|host|speak|be joined|"
    r"depart|arrive|return|celebrate|commemorate|mark"
    # an office taken up in turn: "Norway will assume the chairmanship of the Arctic Council"
    r"|assume|take office"
    # a call to make, or an appeal: "would call the Prime Minister again", "will call on Congress"
    r"|call"
    # what befalls the subject, not what it does: "Our governments will face difficult choices",
    # "our economies will benefit"
    r"|face|benefit|suffer|experience|feel|witness|gain|lose|become"
    # "will deliver remarks" (not "will deliver a final report to the President")
    r"|deliver (?:remarks|an? (?:address|speech|statement|message|keynote)|the keynote|keynote"
    r"|opening|closing|testimony)"
    r"|serve as"
    # "Deputy Secretary X will lead the U.S. delegation to a meeting of the Council": a schedule
    r"|lead (?:the |a |an |our |their )?(?:[\w.-]+ ){0,2}delegation"
    # an effect, not an act: "the Collaborative will allow them to strengthen their programs",
    # "our efforts will allow us to work collectively"
    r"|allow|enable)\b"  # "Deputy Secretary X will serve as the Coordinator": a role, not an act
)
# A hope, an expectation or a belief about what will happen is no undertaking: "expressing his
# hope that the sides' recommitment will help decrease tensions", "expects that prices will fall".
# A meeting held again and again is a mechanism the parties set up, not one date: "the two
# countries will hold the Dialogue annually", "will meet at least once a year".
_RECURRING = re.compile(
    r"[^.;]{0,80}?\b(?:annually|regularly|every (?:year|two years|six months)|each year"
    r"|(?:at least )?(?:once|twice) a year|on a regular basis|on an annual basis|yearly)\b"
)
HOPE = re.compile(
    r"\b(?:hop(?:e|es|ed|eful|ing)|expect(?:s|ed|ing|ation)?|belie(?:f|ve|ves|ved)|optimis\w*"
    r"|confiden(?:ce|t)) that\b(?:(?!,\s+(?:and|but)\b)[^.;:]){0,150}$"
)
# Scheduling, not committing: "agreed to hold the next dialogue in Washington". (Agreeing to meet
# again or to stay in close contact is an undertaking between the parties: the corpus gold
# counts it.) "agreed on the following commitments:" is a heading: its items commit, not it.
SCHEDULED_AGREEMENT = re.compile(
    r"agree\w* to (?:visit|travel|hold (?:a|another|their|the next|the \w+ round))\b"
    r"|agree\w* (?:on|to|upon) the following\b"
)
# "agreed to stay in close contact and to work together on trade": the second part commits.
MORE_THAN_A_SCHEDULE = re.compile(r"[^.;]*?\band to (?!meet|speak|talk|visit|stay|remain)[a-z]{3,}")
# A commitment, an intention or a pledge named as the object of talk, praise or thanks is not
# made by the subject: "The leaders discussed their intention to deepen …", "highlighted the
# importance of the commitments made by the G7". Only for triggers that start with the noun (or
# its owner): "welcomed the convoys and committed to" still commits.
_NOUN_STARTS = (
    "our ",
    "their ",
    "its ",
    "intent",
    "intend",
    "commitment",
    "pledge",
    "plan",
    "’",
    "'",
    # a commitment restated through what shows it: "discussed how the plan reflects their
    # commitment" talks about it
    "reflect",
    "at the heart",
    "heart of",
    "a testament",
    "testament",
    "a sign",
    "sign of",
    "a symbol",
    "symbol of",
    "central to",
    # "discussed how Norway offered to help": an offer talked about
    "offer",
    "seek",
    "aim",
)
# (and "discussed how both governments intend to …": a plan talked about)
_TALKED_ABOUT = re.compile(
    r"\b(?:discuss\w*|talk\w* about|spoke about|exchanged views on|review\w*|welcom\w*"
    r"|commend\w*|prais\w*|thank\w*|applaud\w*|congratulat\w*|acknowledg\w*|appreciat\w*"
    r"|recogni[sz]\w*|importance of|need for|value of|implementation of|progress (?:on|in)"
    r"|explain\w*|outlin\w*|describ\w*|preview\w*)"
    r"\s(?:(?!\b(?:and|but|while)\s)[^.;:])*$"
    # "They discussed economic and security issues, including the intent of the United States and
    # Japan to pursue …": what a discussion included is a topic, "and" or not
    r"|\b(?:discuss\w*|talk\w* about|spoke about|review\w*)\s[^.;:]*?,?\s+including\s+"
    r"(?:the\s+|their\s+|our\s+|his\s+|her\s+)?$"
)
# "agreed on the importance of …" shares a view; it does not commit anyone to anything.
AGREED_VIEW = re.compile(
    r"agree\w* (?:on|upon|that) (?:the )?(?:importance|need|value|significance|urgency|gravity)\b"
)
# "agreed that …" commits only when what is agreed is something someone will do: "agreed that
# Secretary X will visit", "agree that we won't negotiate", "agreed that their teams should
# continue". "agreed that additional actions are urgently needed", "that the alliance is
# stronger than ever", "that information sharing will be key" share a view.
# (So does "determined that …": "determined that the funds will be remitted" commits,
# "determined that further talks were needed" does not.) A passive is an act: "will be made".
# "agree" as a passive participle: "the statement was agreed upon by the U.S. and Japan", "the
# agenda agreed upon during the group's last meeting" say what a text is, not what anyone will do.
_PASSIVE_AGREED = re.compile(
    # ("It was agreed that the Commission will meet in Oslo": the parties' own agreement)
    r"(?<!\bit )(?<!\bit has )\b(?:was|were|been|being|be|is|are) (?:\w+ly )?agreed\b"
    r"|\bagreed (?:on|upon|to) (?:by|during|at|in)\b"
)
# (the agreed clause runs past the periods of a one-letter abbreviation: "agreed that the U.S.
# and Peru would keep consulting")
AGREED_THAT = re.compile(
    r"(?:agree(?:s|d)?|determined) that\b(?P<clause>(?:(?<![a-z])[a-z]\.|[^.;:])*)"
)
# What a relationship is about or should put first, agreed: "agreed that the focus of their
# partnership should stay on …", "that the priority must be …" (a shared view).
_AGREED_FOCUS = re.compile(
    r"\s*(?:the|their|our)\s+(?:main\s+|primary\s+|overall\s+)?(?:focus|emphasis|priority"
    r"|priorities|goal|aim|objective)\b"
)
_AGREED_COUNTRIES = re.compile(
    r"agree(?:s|d)? that (?P<subject>(?:(?<![a-z])[a-z]\.|[^.;:,]){2,80}?)"
    r" (?:will|would|shall|should) (?!be\b)"
)
_ACTION_MODAL = re.compile(
    r"\b(?:will|would|shall|should|must|can|could|won[’']t)\s+(?:(?:not|also|jointly|continue to"
    rf"|{_ADVERB})\s+)*(?:(?!be\b|have\b|not\b|never\b)[a-z]{{3,}}"  # "must not be allowed": none
    r"|do (?:whatever|everything|all|more|so|what)\b"  # "that they would do whatever it takes"
    r"|(?<=will )be\s+(?:[a-z]+ed|made|done|given|taken|held|sent|kept|paid|built|spent)\b)"
    r"|\b(?:need|needs|have|has) to\s+(?!be\b)[a-z]{3,}"
)
# "The President met with leaders committed to protecting …", "thanked the mayors, who are
# committed to …": a participle or a relative clause describing someone the subject met, thanked
# or praised, not the subject's undertaking ("discussed … and committed to" is the subject's).
_DESCRIBED = re.compile(
    r"\b(?:met|meets|thanked|praised|welcomed|hosted|convened|joined|applauded|commended"
    r"|congratulated|recognized|heard from|engaged|visited|called)\b"
    r"(?:(?!\band\b|\bbut\b)[^;:,])*?(?:\s|,\s*(?:who|which)\s+)$"
)
_DONE_BEFORE = re.compile(
    r"[^.;]*?\b(?:last (?:year|month|week)|(?:years?|months?|weeks?) ago"
    r"|earlier this (?:year|month)|in (?:19|20)\d\d)\b"
)
EARLIER_EVENT = re.compile(
    r"\b(?:held|signed|adopted|launched|announced) (?:in|on|last) |\b(?:in|since) (?:19|20)\d\d\b"
    # ("over the last year", "in the past year": a period up to now, not an earlier event)
    r"|(?<!\bthe )\blast (?:year|month)\b|\b(?:years?|months?) ago\b"
    r"|\bearlier this (?:year|month|week)\b"
    r"|\b(?:at|during) the (?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b"
)

# Subjects that stand for the parties of the meeting.
GROUP_SUBJECT = re.compile(
    r"\b(?:we|our (?:countries|governments|nations|two countries|delegations|leaders|teams)"
    r"|their (?:countries|governments|nations|delegations|teams)"
    r"|both (?:countries|governments|nations|delegations|leaders|sides|presidents|parties)"
    r"|the (?:two|three|four|both) (?:countries|governments|nations|delegations|leaders|sides"
    r"|presidents|parties|ministers|secretaries|officials)"
    r"|all (?:three|four|the) (?:countries|governments|nations|delegations|leaders|parties)"
    r"|the (?:leaders|delegations|parties|sides|presidents|governments|ministers|participants"
    r"|secretaries)"
    r"|leaders|they|officials|participants|ambos (?:pa[ií]ses|gobiernos|l[ií]deres|delegaciones)"
    # A body the parties set up acts for them: "the Task Force decided to reconvene"
    r"|task ?force|taskforce|working (?:groups?|teams)|steering group"
    r"|the collaborative"  # "The Collaborative will spend the next 18 months strengthening …"
    # a body just set up, named again: "launched a new partnership with state Attorneys General
    # … This bipartisan group will use both state and federal tools" (not "this group of CEOs")
    r"|(?:this|the new|the newly \w+) (?:[\w-]+ ){0,2}?(?:group|coalition)(?! of\b)"
    r"|las (?:dos |tres )?delegaciones|los (?:dos |tres )?(?:pa[ií]ses|gobiernos|l[ií]deres"
    r"|presidentes)|nuestros (?:pa[ií]ses|gobiernos))\b"
)
# Bodies whose mandate is the parties' undertaking: "the new Task Force, which will work …".
BODY = re.compile(
    r"\b(?:task ?force|taskforce|working (?:groups?|teams)|steering group|dialogue|committee"
    r"|commission|mechanism|council|grupo de trabajo|comit[eé]|di[aá]logo|mecanismo)\b"
)
THREE = re.compile(r"\b(?:three|tres|trilateral)\b")
# An item of a list ("• strengthen …", "1. The United States will …", "a) …"), and a sentence
# that announces a list of commitments ("agreed on the following commitments:").
LIST_ITEM = re.compile(r"\s*(?:[•·▪◦●‣∙]|[-*+](?=\s)|\(?\d{1,2}[.)]|\(?[a-z][.)])\s*")
LIST_HEADING = re.compile(
    r"\b(?:commit\w*|agree\w*|pledg\w*|resolv\w*|decid\w*|acord\w*|comprom\w*)\b[^:]*:\s*$"
)
# A list of what has been done: "To date, the ETTF has accelerated several accomplishments in these
# sectors, including:" (its items, "Multilaterally pledging at COP 28 …", are past actions).
PAST_HEADING = re.compile(
    r"\b(?:to date|so far|thus far|accomplishments?|achievements?|since (?:its|the|their|our)"
    r" (?:launch|creation|inception|establishment|last meeting))\b[^:]*:\s*$"
)
# A sentence set in a three-party frame: "During the second meeting of the Trilateral Fentanyl
# Committee, our countries …", "at the North American Leaders' Summit, we …".
TRILATERAL_FRAME = re.compile(
    r"\b(?:trilateral|three (?:countries|governments|nations|delegations|leaders|parties)"
    r"|tres (?:pa[ií]ses|gobiernos|delegaciones)|north american leaders|cumbre de l[ií]deres de"
    r" america del norte)\b"
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:(?:finally|additionally|moreover|furthermore|further|thus|therefore|in addition"
    r"|to that end|for this reason|to this end|as a result|likewise|similarly|also|today"
    r"|yesterday|that is why|this is why|asimismo|por ello|finalmente|además|ademas)\s*,?\s*)+"
    r"|(?:in|at|during|on|for|to|after|before|with|under|through|building on|en|durante"
    # "As Tunisia's leaders answer …, the United States … stand ready"
    r"|as|while|when|although|though|because|since|once|given|amid|following)"
    r"\s[^,]{1,160},\s*)",
    re.IGNORECASE,
)
# Verbs that end the subject: "The leaders also discussed … and committed" has subject "The
# leaders".
_SUBJECT_END = re.compile(
    r"\b(?:also |further |then )?(?:discussed|reviewed|expressed|met|highlighted|emphasized"
    r"|recognized|welcomed|noted|thanked|underscored|underlined|stressed|held|spoke|said|reaffirm\w*"
    r"|agreed|commit\w*|will|remain\w*|are|is|were|pledg\w*|resolv\w*|vow\w*|decid\w*"
    r"|confirm\w*|renew\w*|reiterat\w*|acordaron|se comprom\w*|reafirm\w*"
    # the other verbs of a readout: "The President acknowledged …'s disappointment … and
    # reaffirmed his commitment" has subject "The President"
    r"|acknowledged|condemned|congratulated|commended|praised|applauded|shared|conveyed"
    r"|outlined|updated|raised|voiced|informed|briefed|urged|called|exchanged|offered"
    r"|affirmed|stated|told|asked|hosted|received|visited|traveled|travelled|led|joined"
    # "Sullivan and Hulata continued their discussions regarding Russia's war …": the subject
    # is "Sullivan and Hulata", not the countries the object names ("their continued support"
    # is a noun phrase)
    r"|continued (?=their|his|her|its|our|the|to|discuss)|explored|considered|addressed"
    r"|examined|assessed|described|identified|reflected|recalled|talked"
    # "The Vice President celebrated 30 years of ties between the United States and Estonia and
    # reaffirmed": a ceremonial verb ends the subject too
    r"|commemorated|celebrated|honou?red|lauded|saluted|hailed|mourned|greeted|marked"
    # "the President detailed a new program he will fund": a verb of presenting, too
    r"|detailed|unveiled|presented|previewed"
    # "The Prime Minister began by expressing commitment to visit": how a speaker opened or
    # closed ends the subject too (session 16)
    r"|began|opened|started|closed|concluded|ended|finished)\b"
)
_POSSESSOR = re.compile(
    r"(?:reaffirm|affirm|confirm|renew|reiterat|underscor|underlin|restat|emphasi[sz]|stress|highlight"
    r"|assur)\w*"  # "assured Pakistan's dedication to collaborate" (session 16)
    r" (?:the )?(?:(?P<owner>[^,;]{2,80}?)[’']s? (?:[\w-]+ ){0,2}"
    r"(?:commitment|readiness|determination|support|help|backing|dedication)"
    # "reiterated the commitment of the United States to stand with Canada", "reaffirmed the
    # readiness of the United States to provide"
    r"|(?:[\w-]+ ){0,2}(?:commitment|readiness|determination|intent|intention) of"
    r" (?P<owner_of>(?:the )?[^,;]{2,40}?) to\b)"
)
_CLAUSE_BREAK = re.compile(
    r"(?:;|,\s+and|,\s+but|,\s+while|,\s+whereas|,\s+as|:|,\s+y|,\s+pero|,\s+mientras(?:\s+que)?"
    # "signed a memorandum under which the United States will …": the relative clause commits.
    r"|\s+(?:under|by|through|according\s+to)\s+which|\s+whereby|\s+(?:en\s+)?el\s+cual)\s+"
)
# Government agencies that stand for their country when they commit ("DHS will deploy …").
AGENCIES = {
    "US": r"dhs|doj|dea|fbi|cbp|ice|usaid|ondcp|department of (?:state|homeland security|justice"
    r"|the treasury|defense)|state department|the administration|washington"
    r"|the federal government|the biden(?:-harris)? administration|federal agencies",
    "MX": r"sre|sedena|semar|segob|fgr|guardia nacional|national guard of mexico|cancilleria"
    r"|the government of mexico|el gobierno de mexico",
    "CA": r"rcmp|cbsa|global affairs canada|ottawa",
}
_AGENCY = re.compile("|".join(rf"(?P<{code}>\b(?:{names})\b)" for code, names in AGENCIES.items()))
# "… se comprometió a erradicar cultivos y Estados Unidos aportará …": a bare "and"/"y" opens a
# clause only after an earlier committing verb (never in "the United States and Mexico agreed").
_BARE_CONJUNCTION = re.compile(r"\s+(?:and|y|e)\s+")


_PART_ASIDE = re.compile(
    r",\s*(?:for (?:its|their|our|his|her) (?:own )?part|in turn|in return)\s*(?:,|$)"
)
_GERUND_ASIDE = re.compile(r",\s+(?:while\s+|when\s+|after\s+|in\s+)?[a-z]+ing\b[^,;]*(?:,|$)")
# A quotation whose speaker is the statement itself: "“… intend to expand engagement …,” the
# joint statement said", "according to the declaration".
_TEXT_SAID = re.compile(
    r"[”\"],? (?:the |a )?(?:[\w-]+ ){0,2}(?:statement|declaration|communiqu\w*) (?:said|says|read"
    r"|reads|added|stated|noted)\b|according to the (?:[\w-]+ ){0,2}(?:statement|declaration"
    r"|communiqu\w*)"
)
# The parties' joint work as a subject: "work will continue", "our consultations will intensify".
_SHARED_WORK = re.compile(
    r"\s*(?:(?:the|our|this|these|bilateral|joint|technical|further|close|such)\s+)*"
    r"(?:work|discussions|consultations|talks|negotiations|engagement|coordination|dialogue)\s*"
)
# A body the parties set up in a sentence: "plan to form a Strategic Joint Consultative Group",
# "decided to establish a High Level Economic Dialogue".
_BODY_SET_UP = re.compile(
    r"\b(?:form|establish|launch|creat|set up|convene|inaugurat)\w* (?:a |an |the )?(?:new )?"
    r"(?:[\w-]+ ){0,5}?(?:group|council|committee|dialogue|mechanism|task ?force|commission|forum"
    r"|working group)\b"
)
_SPEAKER_SAID = re.compile(r"[”\"],?\s+(?:[\w.’'-]+\s+){0,4}(?:said|says|added|stated|noted)\b")
_STATEMENT_TEXT = re.compile(
    r"\b(?:(?:full )?text of (?:a |the )?(?:following |joint )?(?:statement|declaration"
    r"|communiqu)|following (?:joint )?(?:statement|declaration|communiqu)\w*|begin text)"
)


def _sentence_in_quote(paragraph: str, start: int, end: int) -> bool:
    """Whether [start, end) of a paragraph lies inside quotation marks."""
    before = paragraph[:start]
    opened = before.count("“") - before.count("”")
    straight = before.count('"') % 2 == 1
    return opened > 0 or straight or paragraph[start:end].lstrip().startswith(("“", '"'))


# "Both leaders agreed on the importance of cooperation and the Prime Minister said she was
# personally committed to …": one official speaking opens a clause of his or her own, even after
# a bare "and" (session 16).
_ONE_SPEAKER_SAID = re.compile(
    r"\s*the (?:vice |deputy |prime |foreign )?(?:president|prime minister|minister|secretary"
    r"|chancellor|taoiseach|premier) (?:also )?(?:said|stated|noted|added|told|made clear"
    r"|stressed|emphasi[sz]ed|underscored)\b"
)
_BARE_AND = re.compile(r"\s+and\s+")
# "agreed that South Korea and Japan will work together": a country named just before "and" is
# the first of a compound subject, not the end of a clause (session 16)
_COUNTRY_BEFORE_AND = re.compile(r"\s*(?:that\s+)?(?:the\s+)?(?:[A-Z][\w.’'-]*\s*){1,4}")


def _clause_start(sentence: str, trigger_at: int, after: int = 0) -> int:
    """Where the committing clause starts: after "; " or ", and we" when a new subject opens.

    ", and" ending a list of names ("President Biden, President López Obrador, and Prime
    Minister Trudeau confirmed") does not open a clause. `after` is the end of an earlier
    committing verb in the sentence, after which a bare "and"/"y" may open one.
    """
    best = 0
    breaks = list(_CLAUSE_BREAK.finditer(sentence, 0, trigger_at))
    breaks += [
        match
        for match in _BARE_AND.finditer(sentence, 0, trigger_at)
        if _ONE_SPEAKER_SAID.match(fold(sentence[match.end() : trigger_at]))
    ]
    if after:
        breaks += [
            match
            for match in _BARE_CONJUNCTION.finditer(sentence, after, trigger_at)
            if not _COUNTRY_BEFORE_AND.fullmatch(sentence[after : match.start()])
            or not countries_in(sentence[after : match.start()])
        ]
    for match in sorted(breaks, key=lambda m: m.start()):
        between = fold(sentence[match.end() : trigger_at])
        if _ONE_SPEAKER_SAID.match(between):
            best = match.end()
            continue
        if len(between.split()) > 8 or not (GROUP_SUBJECT.search(between) or countries_in(between)):
            continue
        if re.match(r"\s*[a-z]+ing\b", between):
            continue  # "The Ministers, while reconfirming their policy on X, reiterated": an aside
        previous_item = sentence[: match.start()].rsplit(",", 1)
        if (
            # "…, not against the Afghan people, and we will work together": a pronoun opens a
            # clause of its own (no list of names ends in "we" or "they")
            not re.match(r"\s*(?:we|they)\b", between)
            and len(previous_item) == 2
            and len(previous_item[1].split()) <= 5
            and not re.search(r"\b(?:will|are|is|were|was|has|have|[a-z]+ed)\b", previous_item[1])
        ):
            continue
        best = match.end()
    return best


def _subject(clause_text: str, trigger_at: int) -> str:
    head = clause_text[:trigger_at]
    item = LIST_ITEM.match(head)
    if item and item.end() < len(head):
        head = head[item.end() :]  # "- In the Security Council, the United States and …"
    head = _LEADING_ADVERBIAL.sub("", head, count=1)
    end = _SUBJECT_END.search(fold(head))
    return head[: end.start()] if end else head


# A country named as where a city is ("held in Basel, Switzerland", "met in Doha, Qatar") is a
# place, not a party: it does not count among the countries a document is about.
_CITY_COUNTRY = re.compile(
    r"\b(?:in|at|from|to)\s+(?:[A-Z][\w.’'-]+\s+){0,2}[A-Z][\w.’'-]+,\s+"
    r"(?P<country>(?:the\s+)?[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2})"
)


def _document_countries(body: str) -> list[str]:
    counts = country_mentions(body, leaders=False)
    for place in _CITY_COUNTRY.finditer(body):
        for code in country_mentions(place["country"], leaders=False):
            counts[code] -= 1
    # only the countries named otherwise too (else the places are all there is)
    counts = +counts or country_mentions(body, leaders=False)
    return sorted(
        counts, key=lambda code: (-counts[code], order_countries([code, *counts]).index(code))
    )


def find_commitments(
    body: str,
    *,
    parties_in_context: list[str] | None = None,
    officials=(),
    own_country: str = "",
    joint: bool = False,
) -> list[CommitmentFound]:
    """The committing sentences or clauses of a body, in order, with who commits.

    Parties: countries named in the subject ("the United States and Mexico" → ["US", "MX"]);
    group words ("our countries", "both delegations", "the leaders", "we", "they") → the
    `parties_in_context` (else the countries the body names most); "the three countries" → three.
    Position is the character offset of the sentence or clause in `body`. `officials` (the
    document's OfficialMentions) settle a one-person subject: "The President reaffirmed his
    commitment" commits the President's country (the publisher's, `own_country`, when two
    officials hold that title), not everyone at the table.
    """
    people = _people(officials)
    principal = _principal_title(body)
    own_bodies = _own_bodies(body)
    found: list[CommitmentFound] = []
    mentioned = _document_countries(body)
    context = order_countries(parties_in_context) if parties_in_context else []
    if len(context) == 1:
        mentioned = _partner_first(body, context[0], mentioned)
    # "Today, the Leaders of Canada, France, … and the United States met … We condemn …":
    # countries the opening sentence makes its subject are who "we" and "they" are, when the
    # people read as attending do not already say who sat at the table.
    opening = split_sentences(body.strip()[:1500])
    if opening:
        lead_subject = countries_in(_subject(opening[0][1], len(opening[0][1])))
        if len(lead_subject) >= 2 and len(context) < 2:
            context = order_countries(lead_subject)
        elif len(context) < 2:
            # "Sullivan met today with his counterparts from Estonia, Latvia, … and Poland",
            # "a joint statement signed by the governments of Australia, Denmark, …": the
            # countries the opening sentence lists sit at the table (not one it is about, nor
            # an alliance they belong to).
            # (named as a list: "from Estonia, Latvia, and Poland", not topics such as "Russian
            # troops in Ukraine")
            listed = [c for c in _listed_countries(opening[0][1]) if c not in context]
            if len(listed) >= 2:
                context = order_countries([*context, *listed])
        # "That is why today, the European Commission, Germany, Greece, …, and the United States
        # announce our intent": an opening sentence whose subject lists countries and speaks of
        # "our"/"we" says who "we" are, more than the title's signatories.
        for _position, sentence in opening[:3]:
            verb = _WE_VERB.search(fold(sentence))
            if not verb:
                continue
            named = countries_in(_LEADING_ADVERBIAL.sub("", sentence[: verb.start()], count=1))
            rest = fold(sentence[verb.start() :])
            if (
                len(named) > len(context) >= 2
                and set(context) < set(named)
                and re.search(r"\b(?:our|we)\b", rest)
            ):
                context = order_countries(named)
                break
    if joint and len(context) == 1:
        # "Joint Statement AUSMIN 2015": a joint statement has two sides at least; when neither
        # its title, its people nor its opening name the second, it is the country the body names
        # most besides (`joint`: the document is a joint statement)
        # (and one its opening paragraph names too: not a country it is only about)
        opening_names = countries_in(body.strip().split("\n\n", 1)[0])
        second = [c for c in mentioned if c not in context and c in opening_names][:1]
        context = order_countries([*context, *second])
    # "Together, we commit to:" followed by bullets is one commitment; under a heading that does
    # not commit ("agreed on the following commitments:") each item commits the heading's parties.
    heading: tuple[list[str], CommitmentFound | None] | None = None
    quoted_text = False  # the statement's own text is in quotation marks
    previous = this_sentence = ""  # the sentence before, for "It will meet …"
    list_intro = ""
    past_list = False  # the items under "To date, the Task Force has accelerated …, including:"
    last_person: list[str] = []  # the country of the last one official a sentence opened with
    sentence_index = 0
    for para_start, para_end in paragraph_spans(body):
        paragraph = body[para_start:para_end]
        last_parties: list[str] = []
        # "Following is the text of a joint statement …: “The Government of …": the quotation
        # is the statement itself, republished, not a speaker's words
        quoted_text = quoted_text or (
            paragraph.lstrip().startswith(("“", '"'))
            and bool(_STATEMENT_TEXT.search(fold(body[max(0, para_start - 400) : para_start])))
        )
        count_before = len(found)
        # "The two officials" where more than two countries are parties: the paragraph's pair.
        pair = _pair_in(paragraph, context)
        item = LIST_ITEM.match(paragraph)
        if not item:
            list_intro = paragraph  # what the items after it are: "Key outcomes include:"
        past_list = past_list and bool(item)
        if heading is not None and not item:
            heading = None
        sentences = split_sentences(paragraph, offset=para_start)
        for position, sentence in sentences:
            local = position - para_start
            if _sentence_in_quote(paragraph, local, local + len(sentence)) and not (
                (
                    quoted_text
                    and paragraph.lstrip().startswith(("“", '"'))
                    and not _SPEAKER_SAID.search(paragraph)  # "“We will rebuild,” Berg said."
                )
                or _TEXT_SAID.search(fold(paragraph))
            ):
                continue
            previous, this_sentence = this_sentence, sentence
            folded = fold(sentence)
            three = bool(TRILATERAL_FRAME.search(folded))
            parties_here = _parties_of_subject(
                fold(_subject(sentence, len(sentence))),
                context,
                mentioned,
                last_parties,
                three,
                pair,
            )
            if parties_here:
                last_parties = parties_here
            last_person = (
                _person_parties(fold(_subject(sentence, len(sentence))), people, own_country)
                or last_person
            )
            clauses = list(_clauses(sentence, folded))
            rule_count = len(found)
            for start, end, trigger in clauses:
                clause = sentence[start:end]
                trimmed = re.sub(
                    r"(?:[,;:]\s*(?:and|but|while|whereas|as|y|pero|mientras(?:\s+que)?)?|\s+(?:and|y|e))\s*$",
                    "",
                    clause,
                )
                clause = trimmed.strip()
                if trigger.re is _OUTCOME_ITEM and _ACKNOWLEDGED_LIST.search(fold(list_intro)):
                    continue  # "The Ministers welcomed the following: - A commitment to …"
                subject = (
                    _near_subject(fold(sentence[start : trigger.start()]))
                    or _after_purpose_subject(fold(sentence[start : trigger.start()]), own_country)
                    or fold(_subject(sentence[start:], trigger.start() - start))
                )
                # "The Ministers, while reconfirming their policy toward North Korea, reiterated":
                # what an aside is about is not who acts
                subject = _GERUND_ASIDE.sub(" ", subject)
                # "The United States, for its part, will support": an aside, not a conjunct
                subject = _PART_ASIDE.sub(" ", subject)
                parties = (
                    _maker_parties(fold(clause), people, own_country, context)
                    or _that_commitment_owner(fold(clause), trigger)
                    or _possessor_parties(fold(clause), people, own_country)
                    or _stated_owner_parties(fold(clause), trigger.start() - start)
                    or _shared_owner_parties(fold(clause), trigger.start() - start, context, pair)
                    or _principal_parties(subject, principal, own_country)
                    or _person_parties(subject, people, own_country)
                    or _pronoun_parties(subject, last_person)
                    or _parties_of_subject(subject, context, mentioned, last_parties, three, pair)
                    or _own_agency(subject, own_country)
                    or _own_body(subject, own_bodies, own_country)
                )
                agreed_countries = _AGREED_COUNTRIES.match(fold(sentence), trigger.start())
                if agreed_countries and len(countries_in(agreed_countries["subject"])) >= 2:
                    # "They agreed that the U.S. and Peru would keep consulting": the countries
                    # that agreed on what they will do are the ones the clause names
                    parties = order_countries(countries_in(agreed_countries["subject"]))
                if (
                    not parties
                    and re.fullmatch(r"\s*it\s*", subject)
                    and _BODY_SET_UP.search(fold(previous))
                ):
                    # "The two nations plan to form a Consultative Group … It will meet at least
                    # once a year": "it" is the body the parties just set up
                    parties = last_parties or context
                if (
                    not parties
                    and trigger[0].startswith(("will continue", "will intensify", "will resume"))
                    and _SHARED_WORK.fullmatch(subject)
                ):
                    # "In the coming weeks, work will continue at technical and senior official
                    # levels": the parties' own work, carried on
                    parties = context or order_countries(mentioned[:2])
                if _needs_party_subject(trigger) and (
                    _thing_of_a_party(subject) or _owned_thing(subject, people, own_country)
                ):
                    continue  # "The dedicated efforts of the UAE … will result in"
                if _not_a_party(subject):
                    # "The Vice President and the CEOs pledged to work together": the party
                    # beside the private side commits (the private side is no party)
                    parties = _public_conjunct_parties(subject, people, own_country)
                    if not parties:
                        continue  # "The American Jobs Plan will make", "investors pledged"
                if re.match(r"\s*(?:many|some|most|several|a number|a few|few) of\b", subject):
                    continue  # "Many of the participating countries expressed an intention": some
                    # of those present, not the parties that speak
                if _needs_party_subject(trigger) and _OUR_THING.match(subject):
                    continue  # "Our new partnership, convened by …, aims to strengthen": a thing
                head = fold(sentence[start : trigger.start()])
                reported = _reported_subject(head)
                if reported is not None:
                    # "reaffirmed that the Justice Department “will consider every tool”"
                    reported = re.sub(r"[“”\"]", "", reported)
                if reported is None and trigger.group(0).startswith("will"):
                    reported = _long_that_subject(head)
                if reported is None and trigger.group(0).startswith("will"):
                    reported = _embedded_subject(head)
                    pronoun = reported and _RELATIVE_PRONOUN.search(reported)
                    if pronoun:
                        # "outlined a plan he will send to Congress": a reduced relative clause
                        # whose subject is the speaker (or "we") undertakes
                        reported = pronoun["pronoun"]
                if (
                    reported is not None
                    and context
                    and not _needs_party_subject(trigger)
                    and _third_country(reported, {*context, own_country})
                ):
                    continue  # "noted that Israel has agreed to a pause": reported, not made here
                if not _needs_party_subject(trigger) and _private_reported(
                    head, people, own_country
                ):
                    continue  # "The White House announced that Zillow, … have committed to"
                if (
                    reported is not None
                    and _needs_party_subject(trigger)
                    and _possessed_thing(reported)
                ):
                    continue  # "concurred that China's recent landing … will escalate tensions"
                if reported is not None and _not_a_party(reported.strip()):
                    continue  # "the contributions that Norwegian companies will make": private
                if reported is not None and _needs_party_subject(trigger):
                    # "stated that the United States is with Japan and will support Japan": the
                    # subject of the first verb is the subject of the "will" joined to it
                    coordinated = _COORDINATED_SUBJECT.match(reported)
                    if coordinated:
                        reported = coordinated["subject"]
                    parties = (
                        _possessor_parties(reported)
                        or _parties_of_subject(
                            reported, context, mentioned, last_parties, three, pair
                        )
                        # "reiterated that the President will continue": one official's country
                        or _person_parties(reported, people, own_country)
                        or _own_agency(reported, own_country)
                    )
                    if not parties and re.fullmatch(r"\s*(?:he|she|it)\s*", reported):
                        # "The Commission announced that it will ramp up enforcement", "The
                        # President said he will …": the reporter's own undertaking
                        cut = _REPORTED.search(head)
                        main = fold(_subject(head, cut.start() if cut else len(head)))
                        main = re.sub(r"\s+(?:\w+ly\s+)?(?:\w+ed|said|told)\s*$", "", main)
                        parties = (
                            countries_in(main)
                            or _person_parties(main, people, own_country)
                            or _own_agency(main, own_country)
                        )
                    if not parties and not reported.strip() and _body_before(head):
                        parties = context or order_countries(mentioned[:2])
                    if not parties:
                        continue  # "… actions that will lower costs": not a party's "will"
                if re.match(
                    r"(?:demonstrat|reflect|show)\w*"
                    r" (?:the u\.s\.|the united states[’']|its|his|her)",
                    trigger[0],
                ) and re.fullmatch(r"\s*(?:it|this|that|these|which|the \w+)\s*", subject):
                    continue  # "It demonstrates the United States' strong commitment to": a thing
                    # shows a party's commitment, it does not make one
                if _NAMED_OWNER.match(trigger[0]) and parties:
                    speaker = _person_parties(subject, people, own_country) or countries_in(subject)
                    if speaker and not set(speaker) & set(parties):
                        continue  # "López Obrador highlighted the commitment of President Biden
                        # to …": one party acknowledging another's resolve, not making one
                if _READY.match(trigger[0]) and context and not set(parties) <= set(context):
                    continue  # "…, that Israel is ready to move forward": another's readiness
                if (
                    (
                        trigger[0].startswith("would")
                        or (trigger[0].startswith("will") and reported is not None)
                    )
                    and context
                    and parties
                    and not set(parties) & {*context, own_country}
                ):
                    # "warned that Russia would face severe costs", "noted that Egypt will open
                    # the crossing": what a country not at the table will do is reported, not
                    # undertaken here
                    continue
                if not parties:
                    if _needs_party_subject(trigger):
                        continue  # "The program will …": only the parties' "will" commits
                    parties = context or order_countries(mentioned[:2])
                last_parties = parties
                found.append(
                    CommitmentFound(text=clause, parties=parties, position=position + start)
                )
            sentence_index += 1
            if heading is None and not sentence.rstrip().endswith(":"):
                # Where no rule looked, a scored second opinion (`commitment_scoring`)
                proposal = _scored_proposal(
                    sentence,
                    position,
                    sentence_index - 1,
                    bool(clauses),
                    len(found) > rule_count,
                    (
                        people,
                        own_country,
                        context,
                        mentioned,
                        last_parties,
                        last_person,
                        three,
                        pair,
                    ),
                )
                if proposal is not None:
                    found.append(proposal)
        if past_list:
            del found[count_before:]  # "- Multilaterally pledging at COP 28 …": done, not promised
            continue
        if sentences and PAST_HEADING.search(fold(sentences[-1][1])):
            past_list = True
        if heading is not None and heading[1] is not None:
            # "we commit to:" and its items are one commitment: the items are what is committed
            # (with whatever verbs they start), so the heading's text runs on through them.
            parties, heading_item = heading
            del found[count_before:]
            whole = CommitmentFound(
                text=body[heading_item.position : para_end].rstrip(),
                parties=parties,
                position=heading_item.position,
            )
            found[found.index(heading_item)] = whole
            heading = (parties, whole)
        elif heading is not None and len(found) == count_before:
            parties, heading_item = heading
            text = paragraph[item.end() :].strip().rstrip(";,").strip()
            if heading_item in found:
                found.remove(heading_item)  # the items say what is committed, not the heading
            found.append(
                CommitmentFound(text=text, parties=parties, position=para_start + item.end())
            )
        elif sentences and sentences[-1][1].rstrip().endswith(":"):
            last_position, last = sentences[-1]
            own = [c for c in found[count_before:] if c.position >= last_position]
            # The heading is the clause that ends in the colon: "discussed the Administration's
            # commitment to …; and highlighted the following announcements:" commits nobody.
            if own or LIST_HEADING.search(re.split(r";|,\s+and\s", fold(last))[-1]):
                parties = (
                    own[-1].parties
                    if own
                    else (
                        _parties_of_subject(
                            fold(_subject(last, len(last))), context, mentioned, last_parties
                        )
                        or context
                        or order_countries(mentioned[:2])
                    )
                )
                heading = (parties, own[-1] if own else None)
    return found


def _scored_proposal(sentence, position, index, triggered, rule_hit, state):
    """A commitment the scorer proposes for a sentence no trigger matched, with the parties its
    subject names (as the rules would read them), or None."""
    people, own_country, context, mentioned, last_parties, last_person, three, pair = state
    folded = fold(sentence)
    # a trigger a rule then set aside ("At the summit held in January, … confirmed") is the
    # rules' knowledge too: only a sentence no trigger matched at all is the scorer's
    # (and so is what the rules know not to commit: a schedule, a hope, "agreed to hold the next")
    triggered = (
        triggered
        or next(iter(_committing_triggers(folded, sentence)), None) is not None
        or any(p.search(folded) for p in (SCHEDULE, SCHEDULED_AGREEMENT, HOPE))
    )
    head = _LEADING_ADVERBIAL.sub("", folded, count=1)
    end = commitment_scoring.SUBJECT_END.search(folded, len(folded) - len(head))
    subject = _GERUND_ASIDE.sub(" ", fold(_subject(sentence, end.start() if end else 0)))
    person: list[str] = []
    parties: list[str] = []
    if subject.strip() and not _not_a_party(subject):
        person = _person_parties(subject, people, own_country) or _pronoun_parties(
            subject, last_person
        )
        parties = (
            person
            or _parties_of_subject(subject, context, mentioned, last_parties, three, pair)
            or _own_agency(subject, own_country)
        )
    result = commitment_scoring.consider(
        sentence,
        position,
        parties=parties,
        rule_hit=rule_hit or triggered,
        person=bool(person),
        index=index,
    )
    if result is None:
        return None
    return CommitmentFound(
        text=sentence.strip(), parties=parties, position=position, note=result[1]
    )


_AND_SUBJECT = re.compile(
    r"(?<!,)\s+and\s+(?P<subject>(?:(?!and\b)[\w.’'-]+\s+){1,5}?)"
    r"(?:also\s+|jointly\s+|further\s+|then\s+)?$"
)


# The verb of a joint statement's "we" after the list of who speaks: "…, and the United States
# announce our intent", "…, and Japan reaffirm our …".
_WE_VERB = re.compile(
    r"\b(?:announce|declare|commit|affirm|reaffirm|reiterate|condemn|welcome|support|join"
    r"|express|recognize|call|stand|are|have|will|intend|remain|share|underscore|underline)\b"
)


# "Specifically, to ensure the response is quick and reaches the towns, the counties, and the
# ports, the Administration, working closely with the state, will send …": a leading purpose
# clause (which may hold commas and dashes of its own) ends at the last comma or dash before the
# subject.
_PURPOSE_OPENING = re.compile(r"^\s*(?:[a-z]+ly,?\s+)?(?:in order to|so as to|to)\s")
_LAST_SEGMENT = re.compile(r"(?:,|—|–|--)\s*(?P<subject>[^,—–]+?)\s*$")


def _after_purpose_subject(head: str, own_country: str) -> str:
    if not _PURPOSE_OPENING.match(head):
        return ""
    match = _LAST_SEGMENT.search(_GERUND_ASIDE.sub(" ", head.rstrip()) + " ")
    if not match:
        return ""
    subject = match["subject"]
    if re.match(r"(?:and|or|but|which|who|that)\b", subject):
        return ""
    if (
        GROUP_SUBJECT.match(subject)
        or countries_in(subject)
        or _BARE_TITLE.match(subject)
        or _own_agency(subject, own_country or "US")
        or re.fullmatch(r"(?:we|they)", subject)
    ):
        return subject + " "
    return ""


def _without_city_country(place: re.Match) -> str:
    """ "in Lima, Peru" → "in Lima" (not "from Allies Estonia, Latvia": a list of countries)."""
    city = place[0][: place.start("country") - place.start()]
    return place[0] if countries_in(city) else city


def _listed_countries(sentence: str) -> list[str]:
    """The countries a sentence names as a list: its longest run of two or more conjuncts that
    each name one country ("counterparts from Estonia, Latvia, and Poland")."""
    best: list[str] = []
    run: list[str] = []
    # ("met with the leaders of Japan and the Republic of Korea … in Lima, Peru": the country of
    # a city is a place, and "President Biden met with the leaders of Japan" lists Japan)
    sentence = _CITY_COUNTRY.sub(_without_city_country, sentence)
    for conjunct in re.split(r",\s*(?:and\s+)?|\s+and\s+", sentence):
        codes = [c for c in countries_in(conjunct) if len(c) == 2]
        if len(codes) > 1:
            tail = re.split(r"\b(?:of|from|with)\s+", conjunct)[-1]
            codes = [c for c in countries_in(tail) if len(c) == 2] or codes
        if len(codes) == 1:
            run.append(codes[0])
        else:
            run = []
        if len(run) > len(best):
            best = list(run)
    return order_countries(dict.fromkeys(best)) if len(best) >= 2 else []


def _near_subject(head: str) -> str:
    """A subject of its own just before the trigger: "The President applauded Canada's work and
    both leaders reaffirmed …" ("both leaders", not "The President")."""
    match = _AND_SUBJECT.search(head)
    if not match or not _SUBJECT_END.search(head, 0, match.start()):
        return ""  # "The United States and Mexico": one subject, no verb before the "and"
    subject = match["subject"]
    return subject if GROUP_SUBJECT.match(subject.strip()) or countries_in(subject) else ""


def _clauses(sentence: str, folded: str):
    """(start, end, trigger) of each committing clause of a sentence."""
    starts: list[tuple[int, re.Match]] = []
    for trigger in _committing_triggers(folded, sentence):
        after = starts[-1][1].end() if starts else 0
        start = _clause_start(sentence, trigger.start(), after)
        if starts and start <= starts[-1][0]:
            continue  # a second committing verb in the same clause
        if starts and start <= starts[-1][1].start():
            # "… Treaty, and agreed that South Korea and Japan will work …": the new clause
            # would hold the earlier verb too, so both are one clause (session 16)
            continue
        earlier = EARLIER_EVENT.search(folded[: trigger.start()])
        if earlier and not (
            # "In 2025, the two countries will:": a year before a "will" is when, not before
            re.fullmatch(r"in (?:19|20)\d\d", earlier.group(0))
            and re.match(r"(?:will|shall|intend|plan)", trigger.group(0))
        ):
            continue
        if trigger.group(0).startswith("announc") and _DONE_BEFORE.match(
            folded, trigger.end(), trigger.end() + 150
        ):
            continue  # "announced $50 million in new assistance last year": an earlier act
        starts.append((start, trigger))
    for i, (start, trigger) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(sentence)
        yield start, end, trigger


# Spanish future tense, the "will" of a comunicado ("Estados Unidos aportará"): read on the
# accented text, and like "will" it commits only a party.
SPANISH_FUTURE = re.compile(r"\b[a-zñ]+(?:ará|erá|irá)n?\b")
SPANISH_SCHEDULE = re.compile(
    r"(?:reunir|visitar|viajar|participar|asistir|encontrar|recibir|sostendr|estar|ser)\w*$"
)


def _needs_party_subject(trigger: re.Match) -> bool:
    return (
        trigger.re is SPANISH_FUTURE
        or trigger.group(0).startswith(
            (
                "will",
                "would",
                "shall",
                "won",
                "intend",
                "plan",
                "stand",
                "offer",
                "seek",
                "aim",
                "support",
            )
        )
        or bool(_READY.match(trigger[0]))
        or trigger.group(0).startswith("announc")
        # "the President directed the Administration to" (not "the court ordered the government")
        or bool(re.match(r"(?:directed|instructed|ordered|tasked) the ", trigger[0]))
        or bool(
            re.match(
                r"(?:are|is) \w+ to announce|(?:today|jointly|hereby|also) announc", trigger[0]
            )
        )
    )


_READY = re.compile(
    r"(?:is|are|remains?|was|were) (?:\w+ )?(?:prepared|ready) to$"
    r"|(?:is|are|remains?) (?:\w+ly )?(?:determined|dedicated) to [a-z]+$"
)


# Support for a country, a people or allies is an undertaking; support for an outcome, a policy
# or an idea ("his support for a diplomatic resolution") is a position.
_SUPPORTED_PEOPLE = re.compile(
    r"\s*(?:the |our |its |their )?(?:[\w’'-]+ ){0,3}?(?:people|peoples|allies|ally|partners"
    r"|government|nation|nations)\b"
)


# Support for a relationship or a right is a position, not an undertaking (the gold counts neither
# "reaffirmed the enduring alliance and friendship" nor support for a policy).
_RELATION_OR_RIGHT = re.compile(
    r"\s*(?:the |a |an |our |their )?(?:(?!and\b)[\w.’'-]+ ){0,3}?"
    r"(?:relations|relationship|ties|friendship)\b"
    r"|\s*(?:the |a )?(?:[\w-]+ )?rights? (?:to|of)\b"
)


# Support for a named partner's own efforts, reaffirmed or pledged, is support for the partner
# (the tune gold counts "reaffirmed U.S. support for Kazakhstani President Tokayev's efforts to"
# and "pledged support for Colombia's efforts to", not "expressed U.S. support for Mauritania's
# efforts", "emphasized the U.S. support for Ukraine's efforts to secure a just peace" nor
# "reiterated U.S. support for efforts to advance stability", an effort of no one named;
# session 16).
_PARTNERS_EFFORT = re.compile(
    r"\s*(?P<owner>(?:the )?[^.;,]{2,50}?)[’']s? (?:own )?(?:efforts|initiative|leadership)\b"
)
_REAFFIRMED_SUPPORT = re.compile(r"(?:re)?affirm|reiterat|pledg|renew")


def _supports_a_party(folded: str, trigger: re.Match) -> bool:
    """Whether "… support for" is followed by a country, its people or allies."""
    after = folded[trigger.end() : trigger.end() + 80]
    if _RELATION_OR_RIGHT.match(after):
        return False  # "his support for robust U.S.-German relations", "for the right to repair"
    if re.match(r"(?:re)?affirm\w* (?:their|our|its|his|her) ", trigger.group(0)):
        return True  # "affirmed their support for …": the corpus gold counts any other object
    owner = re.match(r"\w+ (?:his |her |their |our |its |the )?(?P<owner>.*?)[’']", trigger[0])
    if owner and not (countries_in(owner["owner"]) or _AGENCY.search(owner["owner"])):
        return False  # "the international community’s support": not a party's own
    if _SUPPORTED_PEOPLE.match(after):
        return True
    effort = _PARTNERS_EFFORT.match(after)
    if effort and _REAFFIRMED_SUPPORT.match(trigger[0]) and countries_in(effort["owner"]):
        return True  # "reaffirmed U.S. support for Kazakhstani President Tokayev's efforts to"
    if re.match(
        r"\s*(?:[\w’'-]+ ){1,3}(?!(?:follow|includ|regard|concern|amid|dur)ing\b)[a-z]+ing\b"
        r"|[^.;,]{0,60}?[’']s? efforts\b",
        after,
    ):
        return False  # "support for Sweden joining NATO", "for President X's efforts to …"
    return bool(countries_in(" ".join(after.split()[:3])))


# "a series of actions that will …", "her view that African innovators will …": the "will" of a
# relative or reported clause, whose subject is what the clause after "that"/"which" names.
# (The last such clause: "… in which he expressed … and noted that he plans to" is "he".)
_REPORTED = re.compile(
    r"\b(?:that|which|who|how|whether)\s+"
    r"(?P<subject>(?:(?!\b(?:that|which|who|how|whether)\b)[^,;])*)$"
)


def _body_before(head: str) -> bool:
    """Whether a "which" clause follows a body of the parties ("the new Task Force, which")."""
    clause = _REPORTED.search(head)
    antecedent = head[: clause.start()] if clause else ""
    return bool(BODY.search(" ".join(antecedent.rstrip(" ,").split()[-6:])))


def _embedded_subject(head: str):
    """The subject of a "will" in a clause after the main verb: "officials emphasized the role
    the nation's clinicians will play" ("the role the nation's clinicians"), else None."""
    head = _LEADING_ADVERBIAL.sub("", head, count=1)
    verbs = list(_SUBJECT_END.finditer(head))
    if not verbs or verbs[-1].group(0).strip() in ("will", "are", "is", "were"):
        return None
    after = head[verbs[-1].end() :].strip()
    if len(after.split()) < 2 or re.match(r"that\b", after) or re.search(r"\b(?:and|y)$", after):
        return None  # a "that" clause (`_reported_subject`); "… condemned X and will …"
    return after


_RELATIVE_PRONOUN = re.compile(
    r"^(?:the|a|an|his|her|its|their|our)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:plan|proposal|approach|program|package|order|budget|bill|request|initiative|strategy|steps?"
    r"|actions?|measures?)\s+(?P<pronoun>he|she|we)\s*$"
)


# A reported clause whose "will" is joined by "and" to a verb of its own: "that the United States
# is with Japan 100% and [will support]" (session 16).
_COORDINATED_SUBJECT = re.compile(
    r"\s*(?P<subject>(?:(?!\b(?:and|or|but)\b)[^,;]){2,60}?)\s+(?:is|are|was|were|has|have"
    r"|remains?|stands?)\b[^;]*\band\s*$"
)


def _reported_subject(head: str):
    """The subject of a "that"/"which" clause ending just before a trigger, else None."""
    match = _REPORTED.search(head)
    return match["subject"] if match else None


def _committing_triggers(folded: str, sentence: str = ""):
    """Committing phrases that are neither negated nor a schedule ("will meet", "agreed to
    meet"), in order."""
    spanish = [
        match
        for match in SPANISH_FUTURE.finditer(sentence.lower())
        if not SPANISH_SCHEDULE.match(match.group(0))
        and not NEGATED.search(folded[: match.start()])
        and not re.search(r"\bno\s+(?:se\s+)?$", folded[: match.start()])
    ]
    english = [
        match
        for match in _english_triggers(folded)
        # "the American Jobs Plan to invest": a named plan, not "plan to" as a verb
        if not (
            match.group(0).startswith("plan") and sentence[match.start() : match.start() + 1] == "P"
        )
    ]
    yield from sorted([*english, *spanish], key=lambda match: match.start())


# A list item that names an undertaking as an outcome: "Key outcomes include: - A commitment
# to share data on migration flows; - Agreement to establish a task force" (not "- A commitment
# to democracy", no verb).
_OUTCOME_ITEM = re.compile(
    r"^\s*(?:[-*•·]|\(?\d{1,2}[.)])\s*(?:an? )?(?:new |joint |shared |firm |mutual )?"
    r"(?:commitment|agreement|pledge|decision) (?:by (?:both|the two|all) [\w ]{2,30}? )?to"
    r" (?:(?:share|establish|launch|create|develop|expand|hold|convene|hold|provide|work|increase"
    r"|reduce|strengthen|deepen|pursue|promote|support|conclude|negotiate|complete|implement"
    r"|exchange|coordinate|cooperate|improve|enhance|advance|build|set|meet|continue|begin"
    r"|start|open|explore|mobilize|invest|fund|protect|combat|counter|address|ensure|end)\w*)\b"
)


# A list introduced as something acknowledged, not undertaken.
_ACKNOWLEDGED_LIST = re.compile(
    r"\b(?:welcom|noted|prais|commend|applaud|thank|celebrat|recogni[sz]|review|accomplish"
    r"|achiev|to date)\w*"
)


# What a "will" talks about: "The leaders discussed how (why, whether) Norway will join the pact".
_TALKED_HOW = re.compile(
    r"\b(?:discuss\w*|talk\w* about|spoke about|explain\w*|exchanged views on|consider\w*"
    r"|explor\w*|review\w*|assess\w*|asked)\s+(?:how|why|whether|what|when|where|if)\b"
    # (not the "will" of a relative clause inside it: "discussed how these investments, through
    # a compact in which the United States will invest $458 million, will help")
    r"(?:(?!\b(?:and|but)\s+(?:agreed|committed|pledged|reaffirmed)|\b(?:which|who|whereby)\b)"
    r"[^.;:])*$"
)


def _english_triggers(folded: str):
    found = [*TRIGGERS.finditer(folded), *_OUTCOME_ITEM.finditer(folded)]
    for match in sorted(found, key=lambda m: m.start()):
        if NEGATED.search(folded[: match.start()]):
            continue
        if match.group(0) == "will not hesitate to":
            yield match  # a promise, however it is negated
            continue
        modal = re.search(r"\b(?:will|would)\b", match.group(0))
        if (
            modal
            and SCHEDULE.match(folded, match.start() + modal.start())
            and not _RECURRING.match(folded, match.end())
        ):
            continue  # "will meet", "said he would call the Prime Minister again"
        if match.group(0).startswith(_NOUN_STARTS) and _TALKED_ABOUT.search(
            folded, max(0, match.start() - 120), match.start()
        ):
            continue  # "discussed their intention to …", "the importance of the commitments"
        if match.group(0).startswith("would ") and not _reported_party(folded, match.start()):
            continue  # "said the rule would lower costs": not a party's reported undertaking
        if re.fullmatch(r"(?:pledge|promise|vow|resolve) to", match[0]) and re.search(
            r"\b(?:a|an|the|his|her|their|its|our|this|that)\s+(?:[a-z-]+\s+){1,2}$",
            folded[: match.start()],
        ):
            continue  # "made a clear promise to do so", "praised his firm resolve to": the noun
            # (session 16; "reaffirmed their firm pledge to" is caught as a stated pledge)
        if match.group(0).startswith(("will", "would", "won", "shall")) and _TALKED_HOW.search(
            folded, 0, match.start()
        ):
            continue  # "discussed how Norway will join the pact": talked about (session 16)
        if match.group(0).startswith(("will", "would", "won")) and HOPE.search(
            folded, 0, match.start()
        ):
            continue  # "expressing his hope that the sides’ recommitment will help …"
        if SCHEDULED_AGREEMENT.match(folded, match.start()) and not MORE_THAN_A_SCHEDULE.match(
            folded, match.end()
        ):
            continue
        if AGREED_VIEW.match(folded, match.start()) or _AGREED_QUALIFIED_VIEW.match(
            folded, match.start()
        ):
            continue
        if re.search(
            r"\b(?:to (?:ensure|make sure)|so|in order) that [^,;:]*$", folded[: match.start()]
        ):
            continue  # "To ensure that we are ready to face the next pandemic, …": a purpose
        if match.group(0).startswith("agree") and _PASSIVE_AGREED.search(
            folded, max(0, match.start() - 12), match.end() + 12
        ):
            continue  # "The following joint statement was agreed upon by …": a text, no pledge
        agreed_that = AGREED_THAT.match(folded, match.start())
        if agreed_that and not _ACTION_MODAL.search(agreed_that["clause"]):
            continue  # "agreed that the situation remains deeply concerning": a view
        if agreed_that and not _ACTION_MODAL.search(_first_clause(agreed_that["clause"])):
            continue  # "agreed that the test had damaged the region, and stated that … would"
        if agreed_that and _AGREED_FOCUS.match(agreed_that["clause"]):
            continue  # "agreed that the focus of their partnership should stay on …": a view
        if agreed_that and re.match(
            r"\s*(?:no|none|nobody|neither|no one|not one)\b", agreed_that["clause"]
        ):
            continue  # "agreed that no country can address the issue alone": a view (session 16)
        if agreed_that and _needs_of_another(_first_clause(agreed_that["clause"])):
            continue  # "agreed that … the Security Council also needs to reform": a view
        if re.match(
            r"(?:committed|(?:are|is|were|was|remain) (?:\w+ly )?committed) to", match[0]
        ) and (_DESCRIBED.search(folded, max(0, match.start() - 150), match.start())):
            continue  # "met with leaders committed to", "thanked the mayors, who are committed to"
        if match.group(0).startswith("committed") and _APPOSITIVE.search(folded, 0, match.start()):
            continue  # "…, a cohort of 16 cities committed to using …": a description
        if match.group(0).endswith(_SUPPORT_ENDS) and not _supports_a_party(folded, match):
            continue
        if match.group(0).endswith(_SUPPORT_ENDS) and re.match(
            r"\s*(?!(?:the|a|an)\b)[a-z]+ing\b", folded[match.end() :]
        ):
            continue  # "expressed his support for enhancing NATO's deterrence": an action
        if re.match(
            r"(?:offer|convey|express|reaffirm|reiterat|underscor|stress|emphasi[sz]|pledg)\w*"
            r" .*support of .* (?:to|for)$",
            match[0],
        ) and not _supports_a_party(folded, match):
            continue  # "offered the support of the United States to respond to the floods"
        if _RECALLED_WORK.match(match[0]) and (
            _PRAISED_DELIVERY.search(folded, max(0, match.start() - 150), match.start())
            or re.search(r"\b(?:how|whether|ways?) to $", folded[: match.start()])
        ):
            continue  # "praised Denmark for delivering on the pledge to …", "how to fulfil …"
        if _INTENDED_AS_PARTICIPLE.search(folded, 0, match.start()) and match[0].startswith(
            "intended"
        ):
            continue  # "his commitment to reforms intended to improve …": what a thing is for
        if match.group(0).startswith("plan to") and re.search(
            r"\ban? (?:[\w-]+ ){1,3}$", folded[: match.start()]
        ):
            continue  # "Canada is moving forward with an enhanced plan to support …": the noun
        if match.group(0).startswith("support") and not _supports_a_described_country(
            folded[match.end() : match.end() + 150]
        ):
            continue  # "supports a peaceful, negotiated resolution": an outcome, a position
        owner = _OWNED_INTENT.match(match.group(0))
        if owner and not (countries_in(owner["owner"]) or _AGENCY.search(owner["owner"])):
            continue  # "the intention of the law to protect": not a party's own plan
        yield match


# A resolve stated with its owner named: "highlighted the commitment of President Biden to",
# "underscored the United States' commitment to" (whose, `_maker_parties`).
_NAMED_OWNER = re.compile(
    r"(?:highlight|underscor|underlin|emphasi[sz]|stress|recogni[sz]|acknowledg|not)\w* (?:the )?"
    r"(?:(?:[\w.-]+ ){0,6}?[\w.-]+[’'](?:s\b)? (?:[\w-]+ ){0,2}|(?:[\w-]+ ){0,2})"
    r"(?:commitments?|determination|readiness|resolve|intention)(?: of| to)\b"
)
_RECALLED_WORK = re.compile(r"deliver|fulfil|implement|follow|make good|toward")


def _supports_a_described_country(after: str) -> bool:
    """Whether "supports a" is followed by a few describing words and a country: "a strong,
    independent, prosperous, and self-reliant Vietnam" (not "a resolution in Ukraine")."""
    after = re.split(r"[.;:]", after, maxsplit=1)[0]
    people = re.match(r"((?:[a-z-]+ ){0,2})(?:people|peoples|government|nation)\b", after)
    if people and countries_in(people.group(1)):
        return True  # "support the Ukrainian people and their right to choose"
    for name in re.finditer(r"[a-z]+(?: [a-z]+)?(?=\s*(?:,|\band\b|$))", after):
        before = after[: name.start()]
        if (
            countries_in(name.group(0))
            and len(before.split()) <= 7
            and not re.search(
                r"\b(?:in|for|of|to|with|on|by|between|from|that|which)\b", after[: name.end()]
            )
        ):
            return True
    return False


# Someone else's delivery on a pledge, praised or thanked: "commended Denmark for fulfilling".
_PRAISED_DELIVERY = re.compile(
    r"\b(?:thank|prais|commend|welcom|applaud|congratulat|acknowledg|appreciat|recogni[sz])\w*"
    r"(?:(?!\b(?:and|but|while)\s)[^.;:])*$"
)


# "… that the United States together with Egypt and Qatar would": the clause after "that", up
# to the "would", names a country or an office of the publishing government.
_REPORTED_WOULD = re.compile(r"\bthat\s+(?P<subject>(?:(?!\bthat\b)[^.;:,]){2,100}?)\s*$")


# The parties named as a group in a reported clause: "the two governments", "both sides", "our
# countries" (not "they", "the leaders", who may be others).
_TABLE_SUBJECT = re.compile(
    r"\s*(?:the (?:two|three|both)|both|our|their) (?:countries|governments|nations|sides"
    r"|delegations|leaders|administrations)\s*"
)


def _reported_party(folded: str, at: int) -> bool:
    match = _REPORTED_WOULD.search(folded, 0, at)
    if not match:
        return False
    subject = match["subject"]
    if _OFFICE.match(subject) or _AGENCY.fullmatch(subject.strip()):
        return True
    if _TABLE_SUBJECT.fullmatch(subject):
        return True  # "confirmed that the two governments would make preparations" (session 16)
    # the first of the subjects is a country itself, not a thing of one ("any arms exports from
    # the DPRK to Russia would violate …")
    first = re.split(r"\s+(?:and|together with|along with|with)\s+", subject.strip())[0]
    return (
        bool(countries_in(first))
        and len(first.split()) <= 4
        and not re.search(r"\b(?:of|from|on|to|in|by|for|against)\b", first)
    )


def _that_commitment_owner(folded_clause: str, trigger: re.Match) -> list[str]:
    """The country that owns "…'s commitment that …" ("Australia’s commitment that it will not")."""
    if not re.match(r"[’']s? commitment", trigger.group(0)):
        return []
    at = folded_clause.find(trigger.group(0))
    before = folded_clause[:at].split() if at >= 0 else []
    for size in (1, 2, 3):
        codes = countries_in(" ".join(before[-size:]))
        if codes:
            return codes[:1]
    return []


def _third_country(subject: str, at_table: set) -> bool:
    """Whether a reported subject is a country (a few words) none of the parties at the table:
    "Israel has", "Egypt" (not "the delivery of aid to Egypt", not "the United States")."""
    words = subject.split()
    named = countries_in(subject)
    return (
        bool(named)
        and len(words) <= 4
        and not re.search(r"\b(?:of|from|on|to|in|by|for|against|and|with)\b", subject)
        and not set(named) & at_table
    )


_OWNED_INTENT = re.compile(r"intent(?:ion)? of (?P<owner>[^,]*)")
_SUPPORT_ENDS = ("support for", "support to", "help for", "backing for")


_MAKER = re.compile(
    r"commitments? (?:made )?by (?P<by>[^.;]{2,120}?)(?= to | at | during |[,.;]|$)"
    r"|commitments? that (?P<that>[^.;]{2,80}?) made\b"
)


def _maker_parties(folded_clause: str, people, own_country: str, context) -> list[str]:
    """Who made a commitment a noun phrase recalls: "commitments by the Government of Israel and
    the PA" → their countries; "made by President X, President Y, and Prime Minister Z" → the
    officials' countries; "a shared commitment by government, industry, and academia" → the
    parties in context."""
    match = _MAKER.search(folded_clause)
    if not match:
        return []
    maker = match["by"] or match["that"]
    return (
        countries_in(maker)
        or _person_parties(maker, people, own_country)
        or (list(context) if re.search(r"\bgovernments?\b", maker) else [])
    )


# "…, a cohort of 16 cities committed to", "convened …, a 16-jurisdiction cohort of mayors, law
# enforcement, and philanthropic leaders committed to": after a main verb, a list may run on.
# An office of the publishing government named without a country: "the Department of Commerce
# will hold", "the Federal Trade Commission announced that it will" (a White House readout's
# agencies are U.S. agencies).
_OFFICE = re.compile(
    r"^\s*(?:the\s+)?(?:[\w.’'-]+\s+){0,6}?(?:department|agency|commission|bureau|office|institute"
    r"|administration|service|corps|board)(?:\s+of(?:\s+the)?(?:\s+[\w.’'-]+){1,5})?"
    r"(?:\s+\([^)]*\))?\s*$"
)


# "…, in consultation with the Department of Labor, …": a partner named aside, not the subject.
_ASIDE = re.compile(
    r",\s*(?:in (?:consultation|partnership|coordination|collaboration) with|together with"
    r"|along with|with support from)\b[^,]*,?"
)


# "the White House Rural Prosperity Roundtable (WH-RPR) … The WH-RPR will continue to meet": a
# White House or interagency council, task force or roundtable is the publisher's own body, and so
# is the short name the text gives it.
_OWN_BODY = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:white house|interagency|president[’']s|federal)\s+"
    r"(?:[\w’'-]+\s+){0,6}?"
    r"(?:council|task force|roundtable|working group|committee|cabinet))"
    r"(?:\s+\((?P<short>[a-z][a-z.-]{1,12})\))?"
)


def _own_bodies(body: str) -> dict[str, str]:
    """The publisher's councils, task forces and roundtables the body names, and their short
    names, each with whose it is ("" for the publisher's; "US" for a White House one)."""
    bodies: dict[str, str] = {}
    for match in _OWN_BODY.finditer(fold(body)):
        whose = "US" if match["name"].startswith("white house") else ""
        bodies[match["name"]] = whose
        if match["short"]:
            bodies[match["short"]] = whose
    return bodies


def _own_body(subject: str, bodies: dict[str, str], own_country: str) -> list[str]:
    name = re.sub(r"^\s*(?:the\s+)?", "", subject).strip()
    if not name:
        return []
    if name in bodies:
        whose = bodies[name] or own_country
    elif _OWN_BODY.fullmatch(name):
        whose = "US" if name.startswith("white house") else own_country
    else:
        return []
    return [whose] if whose else []


def _own_agency(subject: str, own_country: str) -> list[str]:
    """The publisher's country for its own offices named without a country, one or several ("The
    Department of Commerce, Department of Energy, and Department of Transportation will")."""
    if not own_country or countries_in(subject):
        return []
    subject = _ASIDE.sub(" ", subject.replace("*", ""))
    if _OFFICE.match(subject):
        return [own_country]  # also "the Department of Housing and Urban Development"
    conjuncts = [c for c in re.split(r",\s*(?:and\s+)?|\s+and\s+", subject) if c.strip()]
    if conjuncts and all(_OFFICE.match(c) for c in conjuncts):
        return [own_country]
    return []


_APPOSITIVE = re.compile(r",\s+an?\s+[^,;.]*$|\b[a-z]+ed\b[^;.]*,\s+an?\s+[^;.]*$")


def _possessor_parties(folded_clause: str, people=(), own_country: str = "") -> list[str]:
    """ "reaffirmed the Mexican government's commitment" → ["MX"]; "highlighted the
    President's commitment" → the President's country."""
    match = _POSSESSOR.search(folded_clause)
    if not match:
        return []
    owner = match["owner"] or match["owner_of"]
    if re.search(r"\b(?:their|our|its)\b", owner):
        return []
    conjuncts = [c for c in re.split(r",\s*(?:and\s+)?|\s+and\s+", owner) if c.strip()]
    if len(conjuncts) > 1:
        # "President Biden and President Ramaphosa's commitment": each owner's country
        each = [countries_in(c) or _person_parties(c, people, own_country) for c in conjuncts]
        if all(each):
            return order_countries(dict.fromkeys(code for codes in each for code in codes))
    return countries_in(owner) or _person_parties(owner, people, own_country)


TWO = re.compile(r"\b(?:two|both|ambos|ambas|dos)\b")


def _pair_in(paragraph: str, context: list[str]) -> list[str]:
    """The two parties a paragraph is about when the document has more than two: the context
    countries it names, with the first party in canonical order when it names only one
    ("traveled to Tegucigalpa, Honduras, … The two officials agreed": the U.S. and Honduras)."""
    if len(context) <= 2:
        return []
    named = [code for code in countries_in(paragraph) if code in context]
    if len(named) == 1:
        named = order_countries([named[0], next(c for c in context if c != named[0])])
    return named if len(named) == 2 else []


def _parties_of_subject(
    subject: str,
    context: list[str],
    mentioned: list[str],
    last: list[str],
    three: bool = False,
    pair: list[str] | None = None,
) -> list[str]:
    """Who a subject stands for. `three`: the sentence names a trilateral body or three
    delegations, so "our countries" there are three (the context's, else the three most named)."""
    tail = subject.rsplit(",", 1)[-1]
    if tail != subject and GROUP_SUBJECT.search(tail):
        subject = tail  # "from Russia's invasion of Ukraine to …, the Leaders pledged"
    conjuncts = [c for c in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+y\s+", subject) if c.strip()]
    # "the United States and other friends of the Tunisian people": Tunisia is not a party
    # ("The United States and other world leaders will stand behind the proposal": the others are
    # not the counterpart at the table either)
    acting = [c for c in conjuncts if not re.match(r"\s*other\s", c)]
    if len(acting) < len(conjuncts) and acting:
        subject, conjuncts = " and ".join(acting), acting
    named = countries_in(subject) or order_countries(
        match.lastgroup for match in _AGENCY.finditer(subject)
    )
    if not named and re.search(r"\bthe us\b", subject):
        named = ["US"]  # "The US plans to continue": "US" folded ("the us" is no pronoun)
    if named:
        # "The Embassy and the Honduran government": a partner the subject does not name is
        # one of the parties in context.
        if context and len(conjuncts) > len(named):
            return order_countries([*named, *context])
        return named
    group = GROUP_SUBJECT.search(subject)
    if not group:
        return []
    word = group.group(0)
    if word == "they" and len(last) >= 2:
        return last  # "they" after one person's sentence is still everyone at the table
    if pair and TWO.search(word):
        return pair
    if len(context) == 1 and (TWO.search(word) or _INTERSTATE_GROUP.search(word)):
        return _two_with_one_known(context[0], mentioned)
    if TWO.search(word) and not context and len(mentioned) >= 2:
        return order_countries(mentioned[:2])  # "the two countries", neither side's people read
    if THREE.search(word) or (three and word != "they"):
        if len(context) >= 3:
            return context
        if THREE.search(word) and len(last) == 3:
            return last  # "… President Biden, and Prime Minister Trudeau … The three leaders"
        return order_countries(mentioned[:3])
    if context:
        return context
    return order_countries(mentioned[:2])


# A one-person subject: "the President", "Mr. Sullivan", "Prime Minister Kishida", "he".
_ONE_PERSON = re.compile(
    r"^\s*(?:the\s+)?(?P<title>(?:vice |deputy |prime |foreign |national security |under )?"
    r"(?:president|minister|secretary|chancellor|advisor|adviser|king|queen|premier|taoiseach"
    r"|ambassador|governor|director|general|speaker|emir|crown prince|sultan)\b)?"
    r"(?P<rest>[^,;]*)$"
)
_PLURAL = re.compile(
    r"\b(?:and|both|leaders|sides|officials|delegations|countries|they|we|y|ministers|secretaries"
    r"|presidents|parties|governments|participants|teams)\b"
)


def _people(officials):
    """(folded name words, folded title, country) of each official with a country."""
    people = []
    for official in officials or ():
        if not official.country:
            continue
        words = set()
        for form in [official.name, *getattr(official, "variants", [])]:
            words.update(w for w in re.findall(r"[\w’'-]+", fold(form)) if len(w) > 2)
        people.append((words, fold(official.title or ""), official.country))
    return people


def _person_parties(subject: str, people, own_country: str) -> list[str]:
    """The country of the one official a subject names (by name, else by title), or []; the
    countries of several officials named one by one ("Prime Minister Berg, President Jonsson,
    and Prime Minister Holm")."""
    if not people or not subject.strip():
        return []
    tail = subject.rsplit(",", 1)[-1]
    one = _ONE_PERSON.match(tail)
    if tail != subject and one and one["title"] and not _PLURAL.search(tail):
        # "In recognition of the partnership between X and Y, which has deepened over fifty
        # years, the President informed …": the one person after the last comma acts
        return _person_parties(tail, people, own_country)
    if countries_in(subject):
        return []
    if _PLURAL.search(subject):
        conjuncts = [c for c in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+y\s+", subject) if c]
        if len(conjuncts) < 2 or any(_PLURAL.search(c) or _OF_PHRASE.match(c) for c in conjuncts):
            return []
        each = [_person_parties(c, people, own_country) for c in conjuncts]
        if all(len(c) == 1 for c in each):
            return order_countries(dict.fromkeys(c[0] for c in each))
        return []
    words = set(re.findall(r"[\w’'-]+", subject))
    by_name = {country for names, _title, country in people if names & words}
    if len(by_name) == 1:
        return [next(iter(by_name))]
    if by_name:
        return []
    match = _ONE_PERSON.match(subject)
    title = match["title"] if match else None
    if not title or len(match["rest"].split()) > 2:
        return []
    if not match["rest"].strip():
        heads = {country for _names, held, country in people if _heads(title, held)}
        if len(heads) == 1:
            return [next(iter(heads))]  # "The Secretary": the Secretary of State, not a Foreign
            # Secretary of the other side
    holders = {country for _names, held, country in people if re.search(rf"\b{title}$", held)}
    if len(holders) == 1:
        return [next(iter(holders))]
    if own_country in holders:
        return [own_country]  # "the President" of a White House readout is the U.S. President
    return []


# "The dedicated efforts of the UAE", "the Initiative of Mexico": a thing of a party, not one.
_OF_PHRASE = re.compile(
    r"^\s*(?:the|this|these|that|those|its|their|our|other|all|many)\s+(?P<head>[^,]*?)\s+of\s"
)
PARTY_HEADS = {
    "government", "governments", "people", "peoples", "president", "presidents", "ministry",
    "ministries", "department", "departments", "republic", "kingdom", "state", "states",
    "delegation", "delegations", "leaders", "leader", "secretary", "minister", "ministers",
    "administration", "embassy", "office", "agency", "agencies", "forces", "authorities",
    "countries", "nations", "members", "gobierno", "pueblo", "secretaria",
}  # fmt: skip


# Heads of a subject that is a document or a private actor, never a party that commits: "The
# American Jobs Plan will make …", "the Framework reaffirmed …", "angel investors pledged …".
NOT_PARTY_HEADS = {
    "plan", "framework", "act", "law", "bill", "agreement", "strategy", "report", "package",
    "legislation", "budget", "declaration", "treaty", "roadmap", "industry", "investors",
    "companies", "businesses", "firms", "executives", "ceos", "philanthropies", "sector",
    # people of civil society, who hold no office (session 14): "The advocates committed to
    # continuing their work", "the organizations pledged"
    "advocates", "activists", "organizations", "organisations", "nonprofits", "stakeholders",
    "employers", "manufacturers", "retailers", "unions", "workers", "providers", "physicians",
    "doctors", "researchers", "universities", "foundations", "philanthropists", "survivors",
    "students", "families",
}  # fmt: skip


# Leaders of a sector, not of a government: "the labor leaders underscored a shared commitment".
PRIVATE_LEADERS = re.compile(
    r"\b(?:labor|union|business|industry|corporate|company|private[- ]sector|community|faith"
    r"|religious|civil rights|civic|philanthropic|nonprofit|non-profit|advocacy|student|youth"
    r"|tech|technology|health care|healthcare|retail|financial|education|higher education)"
    r" leaders\s*$"
)


# A thing the parties made or share, as a subject: "Our new partnership, convened by the
# Department of State and …, aims to", "This initiative will help": its aim or effect, not an
# undertaking of theirs (their bodies, `GROUP_SUBJECT`, and "our countries" still commit).
_OUR_THING = re.compile(
    r"\s*(?:our|their|this|that|the|the new|this new)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:partnership|initiative|program|programme|project|corridor|cooperation|collaboration"
    r"|investments?|assistance|funding|contribution)\b(?!\s+(?:of|between|with)\b)[^,;]*(?:,|$)"
)


def _not_a_party(subject: str) -> bool:
    words = re.findall(r"[a-z’'-]+", subject)
    return bool(words) and (words[-1] in NOT_PARTY_HEADS or bool(PRIVATE_LEADERS.search(subject)))


# The subject of a reported clause ending before a committing verb: "announced that Zillow,
# Apartments.com, and AffordableHousing.com have".
_THAT_SUBJECT = re.compile(
    r"\bthat\s+(?P<subject>[^;:]{2,150}?)(?:\s+(?:have|has|had|are|is|were|was|also|all|each"
    r"|now|remain\w*|stay\w*|would|will))*\s*$"
)
_PRONOUN = re.compile(r"\s*(?:he|she|it|they|we|i|you|both|all|each)\s*$")


def _private_reported(head: str, people, own_country: str) -> bool:
    """Whether a reported clause before the trigger has a subject that is no party: a company, a
    list of companies (not a country, a group word, an office or an official)."""
    match = _THAT_SUBJECT.search(head)
    if not match:
        return False
    subject = match["subject"]
    if len(subject.split()) > 12 or re.search(
        r"\b(?:should|would|will|can|could|must|may|might|are|is|was|were|have|has|had|not)\b",
        subject,
    ):
        return False  # a clause of its own ("their conviction that countries should …, and")
    one = _ONE_PERSON.match(subject)
    return not (
        _PRONOUN.match(subject)
        or (one and one["title"])  # "that the President is committed", named or not
        or re.search(r"\bwhite house\b", subject)
        or countries_in(subject)
        or _AGENCY.search(subject)
        or GROUP_SUBJECT.search(subject)
        or _person_parties(subject, people, own_country)
        or _own_agency(subject, own_country)
        or _possessor_parties(subject, people, own_country)
    )


# Words that name who acts for a country, beside PARTY_HEADS: "the U.S. side", "Norwegian
# officials", "the U.S. military", "the U.S. Agency for International Development".
ACTOR_WORDS = PARTY_HEADS | {
    "side", "sides", "team", "teams", "official", "officials", "experts", "military", "navy",
    "army", "guard", "police", "troops", "personnel", "staff", "cabinet", "parliament",
    "congress", "senate", "legislature", "ambassador", "ambassadors", "envoy", "envoys",
    "representative", "representatives", "coordinator", "counterpart", "counterparts",
    "negotiators", "diplomats", "mission", "consulate", "authority", "administrator", "director",
    "advisor", "adviser", "chancellor", "king", "queen", "emir", "premier", "taoiseach",
    "governor", "governors", "mayor", "mayors", "general", "speaker", "sultan", "prince",
    "partners", "allies", "ally", "union", "agency", "commission", "bureau", "service", "corps",
    "board", "institute", "council", "force", "industry",
}  # fmt: skip


def _owned_thing(subject: str, people=(), own_country: str = "") -> bool:
    """Whether the subject is a thing a party owns or gives, the party only its modifier:
    "Norway's new pipeline", "the U.S. contribution", "the United States' assistance" (an
    effect of it is no undertaking). Not "the U.S. side", "Norwegian Prime Minister Berg", "the
    United States", nor a list."""
    tokens = re.findall(r"[\w.’'-]+", subject)
    while tokens and re.fullmatch(
        rf"also|further|jointly|now|together|both|all|{_ADVERB}", tokens[-1]
    ):
        tokens.pop()  # "The United States also plans to": the subject is "The United States"
    if len(tokens) < 2 or re.search(r",|\b(?:and|or|y|with)\b", subject):
        return False
    mentions = country_mentions(subject)
    if not mentions:
        return False
    # the words after those that name the country: "new pipeline", "contribution"
    named = next(
        i for i in range(1, len(tokens) + 1) if country_mentions(" ".join(tokens[:i])) == mentions
    )
    after = [re.sub(r"[’']s?$", "", w).rstrip(".") for w in tokens[named:]]
    return bool(after) and not (
        any(w in ACTOR_WORDS for w in after)
        or GROUP_SUBJECT.search(" ".join(after))
        or _person_parties(subject, people, own_country)
    )


def _thing_of_a_party(subject: str) -> bool:
    match = _OF_PHRASE.match(subject)
    if not match:
        return False
    head = match["head"].split()
    return bool(head) and head[-1] not in PARTY_HEADS and not countries_in(match["head"])


# "They agreed on the urgent need to invest in democratic institutions", "agreed on the continued
# importance of …": a view, however qualified (`AGREED_VIEW`).
_AGREED_QUALIFIED_VIEW = re.compile(
    r"agree\w* (?:on|upon|that) (?:the |an? )?(?:[a-z-]+,? (?:and )?){1,3}(?:importance|need"
    r"|value|significance|urgency|gravity)\b"
)


# "reforms intended to improve", "strikes were intended to disrupt": "intended to" after a noun or
# a passive is what a thing is for; a party intends after its name or a pronoun ("we intended to").
_INTENDED_AS_PARTICIPLE = re.compile(
    r"\b(?!(?:we|they|he|she|i|has|have|had|also|fully|originally|always)\b)[a-z]+ $"
)


# "The Secretary" of a State Department readout is the "Secretary of State" it names, "the Deputy
# Secretary" the "Deputy Secretary of State", "the Minister" the "Minister of Defence": a title
# said alone heads the full one ("The Secretary" is not the "Deputy Secretary of State").
def _heads(title: str, held: str) -> bool:
    return bool(re.match(rf"(?:u\.s\. |us |american )?{title} (?:of|for)\b", held))


# The owner of a stated commitment named beside its noun: "reaffirmed the ironclad U.S. commitment
# to", "emphasized U.S. support for", "affirmed the United States' unwavering support for",
# "reaffirmed to the Prime Minister the unwavering commitment of the United States to". One side
# states its own undertaking, whoever it is said to; the other side is not a party.
_STATED_OWNER = re.compile(
    r"(?:reaffirm|affirm|confirm|renew|reiterat|underscor|restat|emphasi[sz]|stress|highlight"
    r"|express|convey|offer|not)\w*"
    r"(?: to (?:the )?(?:[\w.-]+ ){0,3}?[\w.-]+(?= the\b))?"  # "… to the Prime Minister the …"
    r" (?P<before>(?:[\w.’'-]+ ){0,4}?)"
    r"(?:commitments?|support|determination|readiness|resolve|preparedness|pledge)\b"
    r"(?: of (?P<of>(?:the )?[^,;]{2,40}?) to\b)?"
)


def _stated_owner_parties(folded_clause: str, at: int) -> list[str]:
    """The country named as the owner of the commitment stated by the trigger at `at`, or []."""
    match = _STATED_OWNER.match(folded_clause, max(at, 0))
    if not match or re.search(r"\b(?:their|our|its|his|her|importance|need)\b", match["before"]):
        return []
    return countries_in(match["before"]) or (countries_in(match["of"]) if match["of"] else [])


# "He also noted our shared commitment to the security of the Philippines", "the Secretary
# underscored our shared commitment to democratic values": a commitment stated as shared is the
# table's, whichever one person states it (session 16).
_SHARED_OWNER = re.compile(
    r"[\w.’' -]{0,80}?\b(?:our|their) (?:[\w-]+ )?(?:shared|joint|mutual|common)"
    r" (?:commitments?|resolve|determination)\b"
)


def _shared_owner_parties(folded_clause: str, at: int, context, pair) -> list[str]:
    """The table (the paragraph's pair, else the context) when the trigger at `at` states a
    commitment as "our/their shared" one, or []."""
    if len(context) < 2 or not _SHARED_OWNER.match(folded_clause, max(at, 0)):
        return []
    return pair or context


_NEED_MODAL = re.compile(r"\b(?:need|needs|has|have|had) to\s+(?!be\b)[a-z]{3,}")


def _needs_of_another(clause: str) -> bool:
    """Whether what is agreed is only what someone not at the table needs to do: "that just as
    other organizations have had to change, the Security Council also needs to reform" (a view
    of another's need; "that the two countries need to work together" commits)."""
    if not _NEED_MODAL.search(clause) or re.search(
        r"\b(?:will|would|shall|should|must|can|could)\b", clause
    ):
        return False
    subjects = [
        re.split(r",\s*", clause[: match.start()])[-1] for match in _NEED_MODAL.finditer(clause)
    ]
    return not any(
        GROUP_SUBJECT.search(subject)
        or re.search(r"\b(?:we|they|our|their|both|each)\b", subject)
        or set(countries_in(subject)) - lexicon.ORGANISATIONS
        for subject in subjects
    )


def _first_clause(clause: str) -> str:
    """What is agreed, up to where the sentence goes on with another verb of its subject: "agreed
    that the test had damaged the region, and stated that …" ("and that …" still is agreed)."""
    return re.split(r",\s+(?:and|but)\s+(?!that\b)", clause, maxsplit=1)[0]


def _pronoun_parties(subject: str, last_person: list[str]) -> list[str]:
    """ "He also stated that …": the country of the one official the last sentences were about."""
    if re.fullmatch(r"\s*(?:he|she)(?:\s+(?:also|further|then|later|again))?\s*", subject):
        return last_person
    return []


# Group words that are only ever states' envoys ("the ministers", "both parties"), not "the
# leaders" or "officials" of a domestic convening.
_INTERSTATE_GROUP = re.compile(
    r"\b(?:ministers|sides|parties|presidents|secretaries|delegations)\b"
)

# "… and concurred that China's recent landing on the reef, as well as the start of new runways,
# will escalate tensions": the subject of a reported "will" runs from "that", commas and all.
_LONG_THAT = re.compile(
    r"\b(?:concurred|agreed|noted|affirmed|reaffirmed|stressed|underscored|emphasized|said"
    r"|stated|confirmed|shared the view) that\s+(?P<subject>(?:(?!\bthat\b)[^;:]){2,200}?),?\s*$"
)


def _long_that_subject(head: str):
    match = _LONG_THAT.search(head)
    return match["subject"] if match and "," in match["subject"] else None


def _two_with_one_known(known: str, mentioned: list[str]) -> list[str]:
    """ "The two ministers" when the officials read give one country: it and the country the
    document names most after it ("Japan-U.S. Foreign Ministers' Telephone Talk")."""
    other = next((code for code in mentioned if code != known and len(code) == 2), None)
    return order_countries([known, other]) if other else [known]


def _partner_first(body: str, known: str, mentioned: list[str]) -> list[str]:
    """The countries the body names, the one it pairs with `known` in a compound first ("Japan-U.S.
    Foreign Ministers' Talk", "the U.S.-Japan Alliance"): who "the two ministers" are when only one
    side's officials were read."""
    pairs: dict[str, int] = {}
    for match in re.finditer(r"[\w.’']+(?:-[\w.’']+)+", fold(body)):
        if match.group(0).count("-") > 1:
            continue  # "the South Korea-Japan-China Summit": three names are no pair (session 16)
        codes = countries_in(match.group(0).replace("-", " - "))
        if known in codes and len(codes) == 2:
            other = next(code for code in codes if code != known)
            pairs[other] = pairs.get(other, 0) + 1
    if not pairs:
        return mentioned
    partner = max(pairs, key=pairs.get)
    return [partner, *(code for code in mentioned if code != partner)]


_POSSESSED = re.compile(
    r"^\s*(?P<owner>(?:the )?[a-z.]+(?: [a-z.]+){0,2}?)[’']s?\s+(?P<thing>(?:[\w-]+ ){0,3}?[\w-]+)"
    r"(?= of\b| on\b| in\b| to\b|,|\s*$)"
)


def _possessed_thing(subject: str) -> bool:
    """Whether a reported subject is a thing a country owns ("China's recent landing of an
    aircraft on the reef, as well as …"), not the country or who acts for it ("Japan's
    government")."""
    match = _POSSESSED.match(subject)
    if not match or not countries_in(match["owner"]):
        return False
    return match["thing"].split()[-1] not in ACTOR_WORDS


# "Readout of the President's Call with Prime Minister Cameron", "Readout of the Vice President's
# Meeting with …": the White House's title for its principal's calls, who is then named only as
# "the President" (no other government titles its readouts so).
_PRINCIPAL_READOUT = re.compile(r"readout of (?:the )?(?:vice )?president[’']s\b")


def readout_principal_country(title: str) -> str:
    return "US" if _PRINCIPAL_READOUT.match(fold(title or "").strip()) else ""


# "Today the President spoke by phone with British Prime Minister Cameron …": a readout that
# opens with a bare title reports its publisher's principal; "the President" later is that one,
# not "French President Sarkozy" whom the text names with a country.
_BARE_TITLE = re.compile(
    r"^\s*(?:(?:today|earlier today|yesterday),?\s+)?the\s+(?P<title>(?:vice )?president"
    r"|secretary|deputy secretary|prime minister|chancellor)\s*$"
)


def _principal_title(body: str) -> str:
    opening = split_sentences(body.strip()[:600])
    if not opening:
        return ""
    match = _BARE_TITLE.match(fold(_subject(opening[0][1], len(opening[0][1]))))
    return match["title"] if match else ""


def _principal_parties(subject: str, principal: str, own_country: str) -> list[str]:
    match = _BARE_TITLE.match(subject)
    if principal and own_country and match and match["title"] == principal:
        return [own_country]
    return []


def _public_conjunct_parties(subject: str, people, own_country: str) -> list[str]:
    """The countries of the officials or governments a mixed subject names beside private people
    ("The Vice President and the CEOs", "the Administration and industry leaders")."""
    conjuncts = [c for c in re.split(r",\s*(?:and\s+)?|\s+and\s+", subject) if c.strip()]
    if len(conjuncts) < 2:
        return []
    codes: list[str] = []
    for conjunct in conjuncts:
        if _not_a_party(conjunct):
            continue
        codes += (
            _person_parties(conjunct, people, own_country)
            or countries_in(conjunct)
            or _own_agency(conjunct, own_country)
            or order_countries(m.lastgroup for m in _AGENCY.finditer(conjunct))
            # "The President and the union leaders vowed" where the readout never names him:
            # a bare title beside the private side is the publisher's own principal
            or ([own_country] if own_country and _BARE_TITLE.match(conjunct) else [])
        )
    return order_countries(dict.fromkeys(codes)) if codes else []
