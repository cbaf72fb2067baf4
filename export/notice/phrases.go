package notice

import (
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
)

// phrases are the fixed texts of a notice. There are two sets: [adult] and
// [young], the second for notices whose audience is only young people or
// pupils: shorter sentences and everyday words. Text from the register
// (purposes, interests, recipients, retention schedules) is used as
// written in both.
type phrases struct {
	// Title: %s is the controller's name; titleFor adds the audience.
	title, titleFor string

	whoWeAre         string
	controllerIntro  string // %s: controller
	address          string // %s: address
	contactUs        string // %s: "by email at x, by phone on y"
	dpoNamed         string // %s: name
	dpoContact       string // %s: ways
	dpoContactNoName string
	representative   string // %s: name
	repContact       string // %s: ways
	jointLead        string

	groupHeading   string // %s: plain group
	groupHeadingMe string // the heading when the notice is for one young group

	purposesHeading string
	purposesLead    string
	purposesHeader  [2]string
	basesLead       string // before the list of what each basis means
	purposesOther   string // purposes without a basis, after the table
	purposesOnly    string // purposes without a basis, with no table
	interest        string // %s: the interest
	theLaw          string // %s: provision
	annex1          string // %s: Annex 1 sentence

	infoHeading   string
	infoLead      string
	special       string // suffix
	criminal      string // suffix
	sensitiveLead string
	sch1          string // %s: conditions
	criminalLaw   string // %s: Sch 1 conditions
	criminalAuth  string // %s: authority

	sourcesHeading string
	sourcesLead    string
	fromYourself   string // the only source recorded is the people themselves, unnamed
	onlyFromYou    string // no source recorded, and none but the people themselves stated
	noOtherSources string // after the sources: none but the people themselves stated
	fromYou        string
	observed       string
	otherOrgs      string
	publicSources  string
	publicSuffix   string

	sharingHeading string
	sharesNone     string // no recipient outside the organisation stated
	processorsLead string
	othersLead     string
	internalLead   string // %s: controller
	jointSuffix    string

	transfersHeading  [2]string // UK, EU
	transfersNone     [2]string // no transfer stated: UK, EU
	transferTo        string    // %s: recipient, %s: country
	transferToCountry string    // %s: country
	transferOutside   [2]string // the country unknown: UK, EU
	transferToOutside [2]string // the country unknown, %s: recipient: UK, EU
	notThirdUK        string    // %s: country (UK regime, inside the UK)
	notThirdEU        string    // %s: country (EU regime, inside the EEA)
	approved45A       string    // %s: country
	approvedEU        string    // %s: country
	approvedUKOld     string    // %s: country
	certified         string    // %s: recipient
	no45A             string    // %s: country
	noAdequacyEU      string    // %s: country
	noAdequacyUKOld   string    // %s: country
	safeguardsRelied  string    // %s: mechanism sentence (UK from 5 February 2026)
	appropriate       string    // %s: mechanism sentence (EU, and UK before)
	derogation        string    // %s: mechanism sentence
	extraSafeguards   string    // %s: free text
	copySafeguards    string

	retentionHeading string
	retentionHeader  [2]string
	keepIt           string // %s: the retention rule's sentence
	lawMinimum       string // %s: period, %s: source suffix

	provisionHeading string
	requirement      map[string]string

	adHeading        string
	adNone           string
	adNotSignificant string
	adSignificant    string
	adWhat           string    // %s: what is decided
	adLogic          string    // %s
	adEffect         string    // %s
	adSafeguards     [4]string // information, representations, human intervention, contest
	profiling        string

	rightsHeading  string
	rightsOnly     string // %s: the groups a right is for
	rightsDepend   string
	rightsUnknown  string
	howRequests    string // %s: ways
	howRequestsDPO string // %s: the DPO's ways
	howRequestsUs  string // %s: the organisation's ways
	howWithdraw    string
	withdrawLead   string // before the register's ways to withdraw consent
	replyUK        string // UK GDPR Art 12A(1)-(2)
	replyEU        string // Art 12(3)
	extend         string // Art 12A(3)-(4); Art 12(3)
	pauseUK        string // Art 12A(5): access requests only

	// The right to object to direct marketing (rights.ObjectDirectMarketing,
	// Art 21(2)), in a section of its own (Art 21(4): "presented clearly
	// and separately from any other information").
	dmHeading  string
	dmAbsolute string // Art 21(3): the organisation cannot refuse
	dmWho      string // %s: the groups with a direct marketing purpose

	complainHeading string
	complainUs      string
	complainWays    string // %s: ways
	complainDPO     string // %s: the DPO's ways
	acknowledge     string
	regulatorUK     string // %s: regulator name
	regulatorS165   string // %s: regulator name
	regulatorEU     string // Art 77(1), with no authority named
	regulatorLead   string // %s: the authority's name
	regulatorWays   string // %s: ways

	changesHeading string
	updated        string // %s: date
	lawAsOf        string // %s: the as-of date

	// The first layer ([gen.firstLayer]), the contents and the shared
	// sections ([gen.layout]).
	summaryHeading     string
	summaryWho         string // %s: controller
	summaryUseLead     string
	summaryUse         string // %s: the groups, %s: their purposes
	summaryNoPurposes  string // %s: the groups
	summaryOthers      string // after purposes cut short
	summaryYou         string // the groups, in a notice for one young group
	summaryMoreGroups  string // the other groups: the link to the contents follows
	summaryRights      string // %s: how to make a request; the link follows
	summaryRightsNoWay string
	summaryComplain    string // %s: the authority; the right to complain to us too
	summaryComplainReg string // %s: the authority
	summaryAnAuthority string
	usFallback         string
	contactDPO         string // %s: the DPO's ways
	contactUsWays      string // %s: the organisation's ways
	contentsHeading    string
	basesHeading       string
	basesShared        string
	adFor              string // %s: the groups
	sameAs             string // %s: these groups, %s: the groups it was said for; %%s: the link
	sameAsFor          string // %s: the groups it was said for
	sameConditions     string // as sameAs, for the conditions for special category data
	// sameList says, in place of a lead and its list, that the list is
	// the same as for other groups: %s the groups it was said for, %%s
	// the link. The key is the lead it replaces: infoLead, sourcesLead,
	// othersLead, processorsLead, purposesOther or purposesOnly, or
	// "internal" for internalLead.
	sameList map[string]string
	allInfo  string // a retention row for all the group's information
	// keepAll is the retention of all of a group's information when one
	// rule covers it all, in place of a one-row table: it replaces the
	// "It is kept" of keepIt; keepAllOther prefixes any other text.
	keepAll, keepAllOther string

	// Ways to reach someone, the same in both sets.
	ways

	// The draft banner of a notice with missing items ([Notice.Draft]):
	// written to the organisation, not to the reader, in both sets.
	draftHeading string
	draftLead    string

	bases  map[lawfulbasis.Basis]string
	rights map[rights.Right]string // "" keeps Right.PlainAt
}

var adult = &phrases{
	title:    "%s privacy notice",
	titleFor: "%s privacy notice for %s",

	whoWeAre:         "Who we are",
	controllerIntro:  "%s is in charge of your information. The law calls us the controller.",
	address:          "Our address is %s.",
	contactUs:        "You can contact us %s.",
	dpoNamed:         "Our data protection officer is %s.",
	dpoContact:       "You can contact them %s.",
	dpoContactNoName: "You can contact our data protection officer %s.",
	representative:   "Our data protection representative is %s.",
	repContact:       "You can contact our representative %s.",
	jointLead:        "We decide with these organisations how some of your information is used. The law calls us joint controllers.",

	groupHeading:   "Information about %s",
	groupHeadingMe: "Information about you",

	purposesHeading: "What we use your information for",
	purposesLead:    "We use your information for the purposes below. For each one, the table gives our lawful basis: the reason the law allows it.",
	purposesHeader:  [2]string{"What we use it for", "Why the law allows it"},
	basesLead:       "What these lawful bases mean:",
	purposesOther:   "We also use your information for these purposes:",
	purposesOnly:    "We use your information for these purposes:",
	interest:        "Our interest: %s",
	theLaw:          "The law: %s",
	annex1:          "The recognised interest: %s",

	infoHeading:   "What information we use",
	infoLead:      "We use this information about you:",
	special:       " (special category data)",
	criminal:      " (criminal offence data)",
	sensitiveLead: "The law protects some of this information more. We use it only where:",
	sch1:          "The Data Protection Act 2018 condition: %s.",
	criminalLaw:   "The Data Protection Act 2018 allows it for: %s.",
	criminalAuth:  "The law that allows it: %s.",

	sourcesHeading: "Where we get your information",
	sourcesLead:    "We get your information from:",
	fromYourself:   "We get information from you.",
	onlyFromYou:    "We get your information only from you.",
	noOtherSources: "We do not get it from anyone else.",
	fromYou:        "You",
	observed:       "What we record when you use our services",
	otherOrgs:      "Other organisations",
	publicSources:  "Publicly available sources",
	publicSuffix:   " (publicly available)",

	sharingHeading: "Who we share your information with",
	sharesNone:     "We do not share your information with anyone outside our organisation.",
	processorsLead: "Organisations that work for us (processors):",
	othersLead:     "We share it with:",
	internalLead:   "Within %s, it is used by:",
	jointSuffix:    " (a joint controller)",

	transfersHeading:  [2]string{"Sending your information outside the UK", "Sending your information outside the European Economic Area"},
	transfersNone:     [2]string{"We do not send your information outside the UK.", "We do not send your information outside the European Economic Area."},
	transferTo:        "We send your information to %s in %s.",
	transferToCountry: "We send your information to %s.",
	transferOutside:   [2]string{"We send your information outside the UK.", "We send your information outside the European Economic Area."},
	transferToOutside: [2]string{"We send your information to %s, outside the UK.", "We send your information to %s, outside the European Economic Area."},
	notThirdUK:        "%s is in the UK, so no extra protection is needed.",
	notThirdEU:        "%s is in the European Economic Area, so no extra protection is needed.",
	approved45A:       "Transfers to %s are approved by regulations under Article 45A of the UK GDPR.",
	approvedEU:        "The European Commission has decided that %s protects your information adequately (an adequacy decision).",
	approvedUKOld:     "The UK has recognised %s as protecting your information adequately (adequacy regulations).",
	certified:         "%s is certified under the Data Privacy Framework.",
	no45A:             "There are no regulations under Article 45A approving transfers to %s.",
	noAdequacyEU:      "There is no adequacy decision for %s.",
	noAdequacyUKOld:   "There are no adequacy regulations for %s.",
	safeguardsRelied:  "The safeguards we rely on: %s",
	appropriate:       "We rely on appropriate safeguards: %s",
	derogation:        "The law allows this transfer because: %s",
	extraSafeguards:   "We also protect it by: %s",
	copySafeguards:    "You can ask us for a copy of the safeguards.",

	retentionHeading: "How long we keep your information",
	retentionHeader:  [2]string{"What we keep", "How long we keep it"},
	keepIt:           "It is kept %s.",
	lawMinimum:       "The law requires us to keep it for at least %s%s.",

	provisionHeading: "Must you give us your information?",
	requirement: map[string]string{
		"statutory":    "The law requires you to give us this information.",
		"contractual":  "You must give us this information under our contract with you.",
		"pre-contract": "We need this information before we can enter into a contract with you.",
		"voluntary":    "You do not have to give us this information.",
	},

	adHeading:        "Automated decisions",
	adNone:           "We make no decisions about you by computer alone.",
	adNotSignificant: "Some decisions are made by computer alone, but none of them has a legal or similarly significant effect on you.",
	adSignificant:    "We make some important decisions about you by computer alone, without a person involved.",
	adWhat:           "What is decided: %s",
	adLogic:          "How it works: %s",
	adEffect:         "What it can mean for you: %s",
	adSafeguards: [4]string{
		"We will tell you about any such decision.",
		"You can tell us your point of view (make representations).",
		"You can ask for a person to step in and look at the decision again.",
		"You can challenge (contest) the decision.",
	},
	profiling: "We use computers to build a profile of you from some of your information (profiling).",

	rightsHeading:  "Your rights",
	rightsOnly:     "This right is for %s.",
	rightsDepend:   "Some rights depend on the lawful basis of each use.",
	rightsUnknown:  "You may have other rights too, depending on why we use your information.",
	howRequests:    "To use any of these rights, %s.",
	howRequestsDPO: "To use any of these rights, contact our data protection officer %s.",
	howRequestsUs:  "To use any of these rights, contact us %s.",
	howWithdraw:    "You can withdraw your consent in the same way.",
	withdrawLead:   "You can withdraw your consent at any time:",
	replyUK:        "We will reply without undue delay, and within one month of getting your request. If we ask for proof of who you are, or charge a fee for a clearly unfounded or excessive request, the month starts when we get it.",
	replyEU:        "We will reply without undue delay, and within one month of getting your request.",
	extend:         "We can take two more months for complex or many requests, and will tell you why within the first month.",
	pauseUK:        "For a request for a copy, the month pauses while we wait for details we need to find the information.",

	dmHeading:  "Your right to object to direct marketing",
	dmAbsolute: "We cannot refuse.",
	dmWho:      "This right is for %s.",

	complainHeading: "How to complain",
	complainUs:      "You can complain to us if you think we have broken data protection law.",
	complainWays:    "To complain, %s.",
	complainDPO:     "To complain, contact our data protection officer %s.",
	acknowledge:     "We will tell you within 30 days that we got your complaint, and then tell you the outcome.",
	regulatorUK:     "You can also complain to the %s.",
	regulatorS165:   "You can also complain to the %s under section 165 of the Data Protection Act 2018.",
	regulatorEU:     "You can also complain to a data protection supervisory authority, in particular in the country where you live or work, or where you think the law was broken.",
	regulatorLead:   "The supervisory authority responsible for us is the %s.",
	regulatorWays:   "You can contact them %s.",

	changesHeading: "Changes to this notice",
	updated:        "We last checked this information on %s.",

	summaryHeading:     "Summary",
	summaryWho:         "This notice tells you how %s uses information about people.",
	summaryUseLead:     "What we use information for:",
	summaryUse:         "%s: %s. More: %%s",
	summaryNoPurposes:  "%s. More: %%s",
	summaryOthers:      ". We also use it for other purposes",
	summaryYou:         "You",
	summaryMoreGroups:  "For other groups of people, see %s.",
	summaryRights:      "You have rights over your information, such as getting a copy and having it corrected. To use them, %s. More: %%s",
	summaryRightsNoWay: "You have rights over your information, such as getting a copy and having it corrected. More: %s",
	summaryComplain:    "You can complain to us, and to the %s. More: %%s",
	summaryComplainReg: "You can complain to the %s. More: %%s",
	summaryAnAuthority: "data protection authority",
	usFallback:         "our organisation",
	contactDPO:         "contact our data protection officer %s",
	contactUsWays:      "contact us %s",
	contentsHeading:    "Contents",
	basesHeading:       "What our lawful bases mean",
	basesShared:        "In plain words:",
	adFor:              "%s:",
	sameAs:             "For %s, this is the same as for %s: see %%s.",
	sameAsFor:          "the same as for %s",
	sameList: map[string]string{
		"We use this information about you:":               "We use the same information about you as for %s: see %%s.",
		"We get your information from:":                    "We get your information from the same sources as for %s: see %%s.",
		"We share it with:":                                "We share it with the same organisations as for %s: see %%s.",
		"Organisations that work for us (processors):":     "The same organisations work for us as for %s (the law calls them processors): see %%s.",
		"We also use your information for these purposes:": "We also use your information for the same purposes as for %s: see %%s.",
		"We use your information for these purposes:":      "We use your information for the same purposes as for %s: see %%s.",
		"internal": "Within our organisation, the same people use your information as for %s: see %%s.",
	},
	sameConditions: "For %s, the conditions for this information are the same as for %s: see %%s.",
	allInfo:        "All the information above",
	keepAll:        "Your information is kept",
	keepAllOther:   "For all of it: %s",
	lawAsOf:        "This notice follows the law as it stood on %s.",

	ways: plainWays,

	// What each basis means, said so that it explains rather than repeats
	// the basis's name (Art 6(1); ICO, "Lawful basis for processing").
	bases: map[lawfulbasis.Basis]string{
		lawfulbasis.Consent:                       "You have agreed to this use, and you can withdraw your consent at any time.",
		lawfulbasis.Contract:                      "We need it for a contract with you, or to take steps you asked for before one.",
		lawfulbasis.LegalObligation:               "The law requires us to use it.",
		lawfulbasis.VitalInterests:                "We need it to protect your life, or someone else's.",
		lawfulbasis.PublicTask:                    "We need it for a task in the public interest, or for our official functions, which the law sets out.",
		lawfulbasis.RecognisedLegitimateInterests: "The law lists this use as a recognised legitimate interest, such as safeguarding or preventing crime.",
		lawfulbasis.LegitimateInterests:           "We need it for a genuine interest of ours or someone else's, and your interests do not outweigh it.",
	},
	// The rights in everyday words (ICO, "Your right of access" and the
	// other right-by-right pages, which describe each right in these terms).
	rights: map[rights.Right]string{
		rights.Access:                "You can ask for a copy of your information.",
		rights.Rectification:         "You can ask us to correct wrong information about you, or add what is missing.",
		rights.Erasure:               "You can ask us to delete your information, in some cases.",
		rights.Restriction:           "You can ask us to limit how we use your information, such as while we check it.",
		rights.Portability:           "You can ask for the information you gave us in a form a computer can read. You can also ask us to send it to another organisation, if this is technically possible.",
		rights.Object:                "You can object to uses based on our legitimate interests or a public task. We must then stop, unless we have strong reasons that outweigh your interests or need it for a legal claim.",
		rights.WithdrawConsent:       "Where we rely on your consent, you can withdraw it at any time. This does not change what we did before.",
		rights.ObjectDirectMarketing: "You can object at any time to our use of your information for direct marketing. We must then stop.",
	},

	draftHeading: "Draft: not ready to publish",
	draftLead:    "This notice is a draft. The record of processing activities it comes from does not record these items, which Articles 13 and 14 require a privacy notice to give:",
}

var young = &phrases{
	title:    "How %s uses your information",
	titleFor: "How %s uses information about %s",

	whoWeAre:         "Who we are",
	controllerIntro:  "%s looks after your information. The law calls us the controller.",
	address:          "Our address is %s.",
	contactUs:        "You can contact us %s.",
	dpoNamed:         "Our data protection officer is %s. Their job is to check we use your information properly.",
	dpoContact:       "You can contact them %s.",
	dpoContactNoName: "You can contact our data protection officer %s.",
	representative:   "Our data protection representative is %s.",
	repContact:       "You can contact our representative %s.",
	jointLead:        "We work with these organisations and decide together how some of your information is used:",

	groupHeading:   "Information about %s",
	groupHeadingMe: "How we use your information",

	purposesHeading: "Why we use your information",
	purposesLead:    "We use your information to do the things below. The table shows why the law lets us.",
	purposesHeader:  [2]string{"What we use it for", "Why the law lets us"},
	basesLead:       "What these reasons mean:",
	purposesOther:   "We also use your information for these things:",
	purposesOnly:    "We use your information for these things:",
	interest:        "Our reason: %s",
	theLaw:          "The law: %s",
	annex1:          "The reason: %s",

	infoHeading:   "What information we use",
	infoLead:      "We use this information about you:",
	special:       " (special category data)",
	criminal:      " (criminal offence data)",
	sensitiveLead: "Some of this information needs extra care. We only use it when:",
	sch1:          "The Data Protection Act 2018 condition: %s.",
	criminalLaw:   "The Data Protection Act 2018 allows it for: %s.",
	criminalAuth:  "The law that allows it: %s.",

	sourcesHeading: "Where we get your information",
	sourcesLead:    "We get your information from:",
	fromYourself:   "We get information from you.",
	onlyFromYou:    "We only get your information from you.",
	noOtherSources: "We do not get it from anyone else.",
	fromYou:        "You",
	observed:       "What we record when you use our services",
	otherOrgs:      "Other organisations",
	publicSources:  "Places anyone can see",
	publicSuffix:   " (anyone can see this)",

	sharingHeading: "Who we share your information with",
	sharesNone:     "We do not share your information with anyone outside our organisation.",
	processorsLead: "These organisations do work for us:",
	othersLead:     "We share your information with:",
	internalLead:   "At %s, these people use your information:",
	jointSuffix:    " (we decide together how it is used)",

	transfersHeading:  [2]string{"Sending your information outside the UK", "Sending your information outside Europe"},
	transfersNone:     [2]string{"We do not send your information outside the UK.", "We do not send your information outside Europe."},
	transferTo:        "We send your information to %s in %s.",
	transferToCountry: "We send your information to %s.",
	transferOutside:   [2]string{"We send your information outside the UK.", "We send your information outside Europe."},
	transferToOutside: [2]string{"We send your information to %s, outside the UK.", "We send your information to %s, outside Europe."},
	notThirdUK:        "%s is in the UK, so no extra protection is needed.",
	notThirdEU:        "%s is in the European Economic Area, so no extra protection is needed.",
	approved45A:       "The UK government has approved sending information to %s (regulations under Article 45A of the UK GDPR).",
	approvedEU:        "The European Commission has decided that %s keeps your information safe enough (an adequacy decision).",
	approvedUKOld:     "The UK has decided that %s keeps your information safe enough (adequacy regulations).",
	certified:         "%s has signed up to the Data Privacy Framework.",
	no45A:             "The UK government has not approved sending information to %s (there are no regulations under Article 45A).",
	noAdequacyEU:      "There is no adequacy decision for %s.",
	noAdequacyUKOld:   "There are no adequacy regulations for %s.",
	safeguardsRelied:  "The safeguards we rely on: %s",
	appropriate:       "We rely on these safeguards: %s",
	derogation:        "The law lets us do this because: %s",
	extraSafeguards:   "We also keep it safe by: %s",
	copySafeguards:    "You can ask us for a copy of the safeguards.",

	retentionHeading: "How long we keep your information",
	retentionHeader:  [2]string{"Information", "How long we keep it"},
	keepIt:           "It is kept %s.",
	lawMinimum:       "The law says we must keep it for at least %s%s.",

	provisionHeading: "Do you have to give us your information?",
	requirement: map[string]string{
		"statutory":    "The law says you must give us this information.",
		"contractual":  "You must give us this information because of our agreement with you.",
		"pre-contract": "We need this information before we can make an agreement with you.",
		"voluntary":    "You do not have to give us this information.",
	},

	adHeading:        "Decisions made by computer",
	adNone:           "We do not let a computer make decisions about you on its own.",
	adNotSignificant: "A computer makes some small decisions on its own, but none of them has a big effect on you.",
	adSignificant:    "A computer makes some important decisions about you on its own.",
	adWhat:           "What it decides: %s",
	adLogic:          "How it works: %s",
	adEffect:         "What it can mean for you: %s",
	adSafeguards: [4]string{
		"We will tell you about any such decision.",
		"You can tell us what you think.",
		"You can ask for a person to look at the decision again.",
		"You can challenge the decision.",
	},
	profiling: "A computer looks at some of your information to build a picture of you (profiling).",

	rightsHeading:  "Your rights",
	rightsOnly:     "This is for %s.",
	rightsDepend:   "Some of these depend on why we use your information, so they do not always apply.",
	rightsUnknown:  "You may have other rights too, depending on why we use your information.",
	howRequests:    "To ask for any of these, %s.",
	howRequestsDPO: "To ask for any of these, contact our data protection officer %s.",
	howRequestsUs:  "To ask for any of these, contact us %s.",
	howWithdraw:    "You can change your mind about saying yes in the same way.",
	withdrawLead:   "You can change your mind about saying yes at any time:",
	replyUK:        "We will answer as soon as we can, and within one month. The month starts when we get your request or, if later, when we get anything we asked for to check who you are, or a fee we asked for.",
	replyEU:        "We will answer as soon as we can, and within one month of getting your request.",
	extend:         "If your request is hard, or you send us lots of them, we can take two more months. If we do, we will tell you why within the first month.",
	pauseUK:        "If you ask for a copy of your information and we need more details to find it, the month stops until you send them.",

	dmHeading:  "Saying no to marketing",
	dmAbsolute: "We cannot say no.",
	dmWho:      "This is about the information we have about %s.",

	complainHeading: "How to complain",
	complainUs:      "If you are unhappy with how we use your information, you can complain to us.",
	complainWays:    "To complain, %s.",
	complainDPO:     "To complain, contact our data protection officer %s.",
	acknowledge:     "We will tell you we got your complaint within 30 days, and tell you what we decide.",
	regulatorUK:     "You can also complain to the %s. It makes sure data protection law is followed.",
	regulatorS165:   "You can also complain to the %s. It makes sure data protection law is followed. This right is in section 165 of the Data Protection Act 2018.",
	regulatorEU:     "You can also complain to a data protection authority, for example in the country where you live.",
	regulatorLead:   "The authority that checks on us is the %s.",
	regulatorWays:   "You can contact them %s.",

	changesHeading: "Changes to this notice",
	updated:        "We last checked the information in this notice on %s.",

	summaryHeading:     "In short",
	summaryWho:         "This tells you how %s uses information about you.",
	summaryUseLead:     "What we use information for:",
	summaryUse:         "%s: %s. More: %%s",
	summaryNoPurposes:  "%s. More: %%s",
	summaryOthers:      ". We use it for other things too",
	summaryYou:         "You",
	summaryMoreGroups:  "For other people, see %s.",
	summaryRights:      "You have rights, like getting a copy of your information or getting it fixed. To ask, %s. More: %%s",
	summaryRightsNoWay: "You have rights, like getting a copy of your information or getting it fixed. More: %s",
	summaryComplain:    "You can complain to us, and to the %s. More: %%s",
	summaryComplainReg: "You can complain to the %s. More: %%s",
	summaryAnAuthority: "data protection authority",
	usFallback:         "we",
	contactDPO:         "contact our data protection officer %s",
	contactUsWays:      "contact us %s",
	contentsHeading:    "Contents",
	basesHeading:       "Our reasons for using your information",
	basesShared:        "The law lets us use your information only for certain reasons. The reasons above mean:",
	adFor:              "%s:",
	sameAs:             "For %s, this is the same as for %s: see %%s.",
	sameAsFor:          "the same as for %s",
	sameList: map[string]string{
		"We use this information about you:":             "We use the same information about you as for %s: see %%s.",
		"We get your information from:":                  "We get your information from the same places as for %s: see %%s.",
		"We share your information with:":                "We share your information with the same people as for %s: see %%s.",
		"These organisations do work for us:":            "The same organisations do work for us as for %s: see %%s.",
		"We also use your information for these things:": "We also use your information for the same things as for %s: see %%s.",
		"We use your information for these things:":      "We use your information for the same things as for %s: see %%s.",
		"internal": "The same people here use your information as for %s: see %%s.",
	},
	sameConditions: "For %s, the reasons are the same as for %s: see %%s.",
	allInfo:        "All the information above",
	keepAll:        "Your information is kept",
	keepAllOther:   "For all of it: %s",
	lawAsOf:        "This tells you your rights under the law on %s.",

	ways: plainWays,

	draftHeading: "Draft: not ready to publish",
	draftLead:    "This notice is a draft. The record of processing activities it comes from does not record these items, which Articles 13 and 14 require a privacy notice to give:",

	bases: map[lawfulbasis.Basis]string{
		lawfulbasis.Consent:                       "You said yes to this.",
		lawfulbasis.Contract:                      "We need it for an agreement we have with you.",
		lawfulbasis.LegalObligation:               "The law says we must.",
		lawfulbasis.VitalInterests:                "We need it to protect your life or someone else's.",
		lawfulbasis.PublicTask:                    "We need it to do our public job, which is set out in law.",
		lawfulbasis.RecognisedLegitimateInterests: "The law lists this reason as always important enough.",
		lawfulbasis.LegitimateInterests:           "We have a good reason, and it does not unfairly affect you.",
	},
	rights: map[rights.Right]string{
		rights.Access:                "You can ask us for a copy of the information we have about you.",
		rights.Rectification:         "You can ask us to fix information about you that is wrong or not complete.",
		rights.Erasure:               "You can ask us to delete your information. Sometimes we have to keep it.",
		rights.Restriction:           "You can ask us to stop using your information for a while, for example while we check it is right.",
		rights.Portability:           "You can ask for the information you gave us in a form a computer can read. You can ask us to send it to someone else.",
		rights.Object:                "If we use your information because we have a good reason, or to do our public job, you can ask us to stop. We must stop unless we have a strong reason to carry on, or need it for a legal claim.",
		rights.AutomatedDecisions:    "If a computer makes an important decision about you on its own, we will tell you. You can tell us what you think, ask a person to look at it again and challenge it.",
		rights.WithdrawConsent:       "If you said yes to us using your information, you can change your mind at any time. This does not change what we did before.",
		rights.ObjectDirectMarketing: "You can tell us at any time to stop using your information to send you marketing, and we must stop.",
	},
}

// changeWords are the texts of a "What changed" section ([Changes.Section]),
// which an organisation adds to the notice it publishes.
var changeWords = struct {
	heading, nothing, lead  string
	added, removed, changed string // %s: the section's heading
}{
	heading: "What changed",
	nothing: "Nothing in this notice has changed.",
	lead:    "We have changed these parts of this notice:",
	added:   "New: %s.",
	removed: "Removed: %s.",
	changed: "Changed: %s.",
}

// ways are the words before an address, number or name by which someone is
// reached, each followed by it ("by email at " + address).
type ways struct {
	byEmail, byPhone, byPost, throughWebsite, online string
	byPostOurs                                       string // by post at the organisation's address
	email, phone, writeTo, goTo, complaintForm       string
	theRecipient                                     string // a certified recipient with no name
}

// plainWays are the ways of both phrase sets: they are already everyday
// words.
var plainWays = ways{
	byEmail:        "by email at ",
	byPhone:        "by phone on ",
	byPost:         "by post at ",
	byPostOurs:     "by post at our address",
	throughWebsite: "through our website at ",
	online:         "online at ",
	email:          "email ",
	phone:          "phone ",
	writeTo:        "write to ",
	goTo:           "go to ",
	complaintForm:  "use our complaint form at ",
	theRecipient:   "The recipient",
}
