//! The word lists behind the lexicon, as data.
//!
//! Syntax: words of a phrase are separated by spaces, alternatives for one
//! position by `|`, and a trailing `~` adds regular inflections
//! (`empower~` = empower, empowers, empowered, empowering). A list's entries
//! are matched case-insensitively against whole words.

/// Buzzwords that sound like strategy and say nothing a reader can picture.
/// Words with a legitimate literal sense (leverage, transform, seamless,
/// journey, solutions) are guarded by context in `sunday-words` itself.
pub const FLUFF: &[&str] = &[
    "leverage~",
    "synergy|synergies|synergistic|synergize~|synergise~",
    "empower~|empowerment|empowering",
    "transform~|transformation|transformations|transformational|transformative",
    "revolutionize~|revolutionise~|revolutionary",
    "reimagine~|redefine~|reinvent~",
    "unlock~ value|potential|growth|opportunities|opportunity|possibilities|innovation|synergies|insights",
    "unlock~ the value|potential|power",
    "harness~ the power|potential",
    "harness~ synergies|innovation|potential",
    "foster~ innovation|collaboration|excellence|engagement|growth",
    "spearhead~|supercharge~|turbocharge~|catalyze~|catalyse~|unleash~|democratize~|democratise~",
    "future-proof|future-proofed|future-proofing|future-ready",
    "delight~|delightful|delightfully",
    "thrive~|thriving",
    "elevate~ the|our|their|your|customer|user|experience|experiences",
    "drive~|drove value|growth|engagement|innovation|impact|outcomes|efficiency|efficiencies|excellence|adoption|results|success|change|transformation|synergies|performance",
    "accelerate~ growth|transformation|innovation|adoption|value|change|progress",
    "accelerate~ the energy|digital|green transition|transformation|shift",
    "maximize~|maximise~ value|impact|potential|synergies|outcomes|returns|roi",
    "maximize~|maximise~ shareholder|stakeholder value",
    "optimize~|optimise~ outcomes|value|performance|synergies",
    "add~|deliver~|create~ value",
    "value creation",
    "value-add|value-added|value-driven",
    "world-class|best-in-class|best-of-breed|best-in-breed|cutting-edge|leading-edge|bleeding-edge",
    "state-of-the-art|next-generation|next-gen|game-changing|game-changer|groundbreaking|ground-breaking",
    "world class",
    "best in class",
    "cutting edge",
    "state of the art",
    "next generation",
    "game changer",
    "innovative|innovation|innovations|holistic|holistically|seamless|seamlessly|frictionless",
    "disruptive|visionary|unparalleled|unrivaled|unrivalled|unmatched",
    "superb|stellar|amazing|awesome|magical|impactful|intuitive|intuitively|user-friendly|easy-to-use",
    "turnkey|one-stop|one-stop-shop|win-win|paradigm|paradigms|ecosystem|ecosystems|omnichannel",
    "excellence|stakeholder|stakeholders|thought-leadership|mindshare|top-notch|top-tier",
    "journey|journeys",
    "innovative|integrated|sustainable|holistic|smart|digital|seamless|intelligent|tailored|bespoke|comprehensive|turnkey|total|complete solutions",
    "deliver~|provide~|offer~ solutions",
    "digitally enabled",
    "digitally-enabled|digital-first|joined-up|data-driven|ai-driven|ai-powered|insight-driven|purpose-driven|customer-driven",
    "paradigm shift",
    "move the needle",
    "raise the bar",
    "next level",
    "best work",
    "north star",
    "low-hanging fruit",
    "heart of everything|all",
    "change~ the world|game",
    "shape~|build~|own~|define~|feed~ the future",
    "the future of",
    "make the world a better place",
    "sustainable growth|future|value",
    "second to none",
    "streamline~|hyper-personalized|hyper-personalised|next-level|mission-driven|purpose-led|values-driven",
    "people-first|ai-first|ai-enabled|digital-native|passionate|inspirational|aspirational|vibrant|flywheel|moonshot",
    "value proposition|propositions",
    "best of both worlds",
    "end-to-end solution|solutions",
    "improve~|enhance~|elevate~|optimize~|optimise~|reimagine~ the|our customer|user|guest|patient|client|employee experience|experiences|journey|journeys",
];

/// Martin's non-choices: things whose opposite is stupid, so everyone says them.
pub const NON_CHOICE: &[&str] = &[
    "customer-focused|customer-first|customer-obsessed|customer-led|client-focused|client-first",
    "customer|client focus|focused|obsession|obsessed",
    "operational|commercial excellence",
    "operationally effective|efficient|excellent",
    "continuous improvement",
    "continuously improve|improving",
    "best practice|practices|practise|practises",
    "invest~ in our|the people|talent|employees|team|teams|workforce",
    "attract~ and retain~ talent|the",
    "attract~ and develop~ talent|the",
    "put|puts|putting customers|patients|people|users first",
    "put|puts|putting the customer|patient|user first",
    "put|puts|putting customers|patients|people|users at the heart",
    "put|puts|putting the customer|patient|user at the heart",
    "focus~ on the customer|customers|client|clients",
    "listen~ to our customers|clients|users",
    "the highest quality",
    "high-quality products|service|services|care",
    "high quality products|service|services|care",
    "quality products and services",
    "great products|service|services",
    "excellent service",
    "excellent customer service",
    "shareholder value",
    "deliver~ results",
    "act~ with integrity",
    "exceed~|meet~ customer|client|their|our customers' expectations",
    "do the right thing",
    "act~ responsibly",
    "deliver~ value to our|customers|clients|stakeholders|shareholders",
];

/// Hedges and data-free quantifiers: words that stand where a number belongs.
pub const WEASEL: &[&str] = &[
    "nearly|almost|virtually all|every|everyone",
    "the vast majority",
    "vast majority",
    "the majority of",
    "numerous|various|countless|myriad",
    "a number of",
    "a lot of",
    "lots|plenty of",
    "hopefully|ideally|potentially|eventually|arguably",
    "in the near future",
    "over time",
    "going forward",
    "in due course",
    "strive~ to|for",
    "where|when|if possible",
    "as appropriate",
    "many|several",
    "a few",
];

/// Hedges: fair in a diagnosis of today ("usually from the shipper"), weasel
/// words in a commitment about the future.
pub const HEDGE: &[&str] = &[
    "often|usually|generally|typically|relatively|fairly|somewhat|probably|perhaps|maybe|mostly|largely",
];

/// Intensifiers that stand in for a measurement ("significantly better").
pub const INTENSIFIER: &[&str] = &[
    "significantly|considerably|substantially|dramatically|drastically|vastly|hugely|massively",
    "tremendously|extremely|incredibly|remarkably|truly|really|radically|greatly|immensely|exponentially",
];

/// Words that turn a comparative into a claim with no size: "much faster".
pub const BOOSTER: &[&str] = &["much", "far", "way", "even"];

/// Comparatives and change words that need a number or a `than` beside them.
pub const COMPARATIVE: &[&str] = &[
    "better|faster|easier|smoother|cheaper|quicker|simpler|stronger|greater|improved|enhanced|superior|more|less",
];

/// Adjectives of praise with no observation behind them.
pub const EVALUATIVE: &[&str] = &[
    "intuitive|efficient|effective|engaging|reliable|robust|scalable|productive|successful|agile",
    "responsive|competitive|accessible|affordable|convenient|user-friendly|personalized|personalised",
    "relevant|valuable|powerful|flexible|modern|resilient|transparent|streamlined|seamless|innovative",
    "sustainable|impactful|meaningful|efficiently|effectively|successfully",
];

/// Superlatives that claim a rank without saying by what measure.
pub const SUPERLATIVE: &[&str] = &[
    "best",
    "leading",
    "number-one|#1",
    "number one",
    "first-choice",
    "first choice",
    "provider|partner|employer|platform|brand|supplier|vendor|destination of choice",
    "go-to",
    "premier|foremost|greatest|finest|unbeatable",
    "preeminent|pre-eminent|best-ever|world's best",
    "top choice|provider|brand|player|company|platform|destination",
    "dominant player|provider|brand|platform|force",
    "world-leading|industry-leading|market-leading|sector-leading",
    "world|industry|market|sector leading",
    "market|industry|category|global|world leader",
    "most trusted|loved|admired|respected|recognized|recognised|preferred|popular|valuable|innovative|customer-centric",
];

/// People a reader can picture doing something (with plurals added by `~`).
pub const ACTOR: &[&str] = &[
    "customer~|client~|user~|buyer~|seller~|shopper~|consumer~|resident~|citizen~|patient~|nurse~|doctor~",
    "teacher~|student~|pupil~|parent~|child|children|driver~|farmer~|developer~|engineer~|rep~|agent~",
    "dispatcher~|broker~|carrier~|shipper~|clerk~|manager~|worker~|employee~|operator~|trader~",
    "merchant~|retailer~|tenant~|landlord~|owner~|member~|subscriber~|traveller~|traveler~|passenger~",
    "pharmacist~|clinician~|surgeon~|caregiver~|carer~|analyst~|accountant~|auditor~|lawyer~|designer~",
    "admin~|administrator~|technician~|installer~|planner~|picker~|packer~|cashier~|waiter~|chef~",
    "household~|family|families|homeowner~|freelancer~|contractor~|supplier~|vendor~|partner~|team~",
    "man|men|woman|women|person|people|adult~|teen~|teenager~|senior~|volunteer~|applicant~|claimant~",
    "borrower~|lender~|investor~|insurer~|policyholder~|saver~|guest~|visitor~|reader~|viewer~|listener~",
    "player~|fan~|coach~|athlete~|tutor~|learner~|researcher~|scientist~|officer~|inspector~|dentist~",
    "courier~|rider~|pilot~|crew|crews|staff|salesperson|salespeople|recruiter~|candidate~|hire~",
    "citizen~|voter~|taxpayer~|nation|council~|school~|hospital~|clinic~|pharmacy|pharmacies|practice~",
];

/// Things and places a reader can picture.
pub const CONCRETE: &[&str] = &[
    "phone~|app~|screen~|button~|link~|email~|text~|message~|form~|receipt~|card~|counter~|truck~",
    "trailer~|van~|car~|bus|buses|train~|plane~|boat~|bike~|road~|route~|lane~|mile~|kilometre~|kilometer~",
    "store~|shop~|warehouse~|depot~|dock~|shelf|shelves|aisle~|locker~|branch|branches|office~|desk~",
    "factory|factories|plant~|line~|machine~|robot~|sensor~|meter~|device~|laptop~|tablet~|printer~",
    "house~|home~|flat~|apartment~|room~|kitchen~|bed~|ward~|bed~|moon|earth|mars|radio~|television~",
    "book~|page~|document~|invoice~|bill~|payment~|price~|fee~|salary|salaries|wage~|cash|check~|cheque~",
    "load~|pallet~|parcel~|package~|container~|orders|shipment~|delivery|deliveries|tender~|quote~|claim~",
    "account~|password~|login~|map~|photo~|photograph~|video~|camera~|spreadsheet~|pdf~|csv|report~",
    "prescription~|dose~|medicine~|drug~|test~|appointment~|visit~|exam~|lesson~|class|classes|course~",
    "ticket~|seat~|flight~|airport~|station~|gate~|street~|city|cities|town~|village~",
    "farm~|field~|crop~|wheat|corn|milk|beef|coffee|food|meal~|grocery|groceries|fridge~|oven~",
    "code|repository|repositories|commit~|build~|deploy~|server~|database~|query|queries|api~|cli|yaml|sql",
    "click~|tap~|swipe~|scan~|call~|voicemail~|letter~|mail|parcel~|box|boxes|label~|sticker~|barcode~",
    "car|cars|motor|engine~|battery|batteries|charger~|panel~|pump~|pipe~|tube~|cable~|fibre|fiber|tower~",
    "refund~|return~|loan~|deposit~|mortgage~|policy|policies|premium~|invoice~|contract~|signature~",
    "wallet~|coin~|bank~|atm~|checkout~|basket~|cart~|product~|item~|unit~",
    "transistor~|chip~|radio|lamp~|door~|window~|wall~|roof~|floor~|stair~|elevator~",
];

/// Number words: they count as data as much as digits do.
pub const NUMBER_WORD: &[&str] = &[
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty",
    "hundred|hundreds|thousand|thousands|million|millions|billion|billions|half|twice|double|triple|dozen|dozens",
    "first|second|third|fourth|quarter|once|single|zero|none",
];

/// Units and names of time that make a statement checkable.
pub const TIME_WORD: &[&str] = &[
    "second~|minute~|hour~|day~|week~|month~|year~|decade~|weekly|daily|monthly|yearly|annually|nightly|hourly",
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend~|morning~|evening~|night~|a.m|p.m",
    "january|february|march|april|june|july|august|september|october|november|december|q1|q2|q3|q4",
    "today|tonight|tomorrow|same-day|next-day|overnight|real-time|instantly|immediately",
];

/// Verbs that keep the present going: a future led by them is today again.
pub const CONTINUITY: &[&str] = &[
    "continue~|remain~|stay~|keep|keeps|kept|keeping|sustain~|preserve~|maintain~|defend~|uphold~",
    "retain~|protect~ our",
    "hold|holds|holding on|onto",
    "carry|carries|carried|carrying on",
    "go|goes on",
];

/// Phrases that say outright that nothing changes.
pub const STATUS_QUO: &[&str] = &[
    "as it is now|today",
    "as they are now|today",
    "as it|things stand|stands",
    "as is",
    "business as usual",
    "more of the same",
    "same as today|now",
    "keep|keeps|keeping doing|on",
    "what we do today|now",
    "as we|they do|does today|now",
    "as before|as always|as usual",
    "as we always have",
    "the same way as|like today|now",
    "like today",
    "unchanged from today",
];

/// Verbs that hold a number where it is: no stretch when they lead a goal.
pub const MAINTAIN: &[&str] = &[
    "maintain~|sustain~|preserve~|defend~",
    "hold|holds steady|flat",
];

/// Verbs that announce a deliverable rather than a change in the world.
pub const BUILD_VERB: &[&str] = &[
    "build~|rebuild~|launch~|ship|ships|shipped|shipping|release~|deploy~|implement~|develop~|introduce~",
    "redesign~|replatform~|migrate~|integrate~|add|adds|added|adding|create~|deliver~|complete~|finish~",
    "replace~|upgrade~|modernize~|modernise~|rewrite~|refactor~|publish~",
    "roll|rolls|rolled|rolling out",
    "go|goes live",
];

/// Nouns that name a solution: an initiative titled after one has skipped the problem.
pub const SOLUTION_NOUN: &[&str] = &[
    "app~|application~|dashboard~|portal~|platform~|tool~|tooling|feature~|chatbot~|bot~|website~",
    "site~|api~|module~|widget~|plugin~|plug-in~|integration~|crm|erp|microsite~|redesign~|version~",
    "v1|v2|v3|v4|mvp|release~|system~|engine~|marketplace~|wizard~|workflow~|extension~|sdk~",
];

/// Verbs of measurable change: their presence marks an outcome, not an output.
pub const CHANGE_VERB: &[&str] = &[
    "cut~|reduce~|raise~|grow~|increase~|double~|triple~|halve~|fall~|fell|rise~|rose|risen|drop~|shrink~",
    "lift~|reach~|win~|won|move~|moves|shift~|convert~|overtake~|beat~|lower~|shorten~|save~|change~",
    "become~|became|earn~|gain~|lose~|lost|climb~|expand~|triple~|quadruple~|improve~|stop~",
];

/// Unachievable absolutes (context checked by `unachievable-absolute`).
pub const ABSOLUTE: &[&str] = &[
    "100%|100-percent of",
    "100 percent of",
    "100%|100-percent uptime|accuracy|availability|satisfaction|reliability|adoption|retention|compliance",
    "eliminate~|eradicate~ all|every|any",
    "eradicate~",
    "perfect|flawless|flawlessly|error-free|defect-free|failure-free",
    "never fail|fails|miss|misses|break|breaks",
    "never goes|go down",
    "100%|100-percent market share",
    "every|each single",
    "not|without a single error|defect|complaint|failure|mistake|incident",
    "dominate~ the|every|all|our",
    "monopoly|monopolize~|monopolise~",
    "never again",
    "forever",
];

/// Words that make an absolute reach everyone, everywhere.
pub const GLOBAL_SCOPE: &[&str] = &[
    "on earth",
    "on the planet",
    "in the world",
    "the world's",
    "worldwide|everywhere|globally|humanity|mankind|universally",
    "the whole|entire world|planet|market|industry",
    "every corner",
    "around the globe|world",
    "all of humanity",
];

/// Quantifiers that, with a global scope, promise everyone.
pub const ALL_QUANTIFIER: &[&str] = &["every|all|everyone|everybody|each|any"];

/// Things nobody can drive to zero: "zero X" or "eliminate X" is absolute.
pub const BAD_NOUN: &[&str] = &[
    "error~|defect~|accident~|incident~|injury|injuries|fatality|fatalities|death~|fraud|frauds|churn",
    "complaint~|downtime|outage~|bug~|failure~|mistake~|breach|breaches|vulnerability|vulnerabilities",
    "delay~|crime~|poverty|disease~|waste|spam|risk~|loss|losses|theft~|violation~",
];

/// Deadlines too close for a vision or an intent.
pub const SHORT_DEADLINE: &[&str] = &[
    "next|this quarter|month|week",
    "within|in weeks|days",
    "in 30|60|90 days",
    "by|at year-end",
    "by the end of the|this year|quarter|month",
    "this year",
    "asap",
    "right away",
    "as soon as possible",
    "in|within the next 1|2|3|4|5|6|one|two|three|four|six|few months|weeks",
    "by q1|q2|q3|q4",
    "by the end of next month|quarter",
];

/// Placeholders where a `will_not` item should be.
pub const PLACEHOLDER: &[&str] = &[
    "tbd|tbc|tba|todo|n/a|n.a",
    "to be decided|agreed|confirmed|determined|defined|discussed|decided",
    "decide|decided|decides|deciding later",
    "we'll decide|see",
    "we will decide|see",
    "not applicable|decided|yet",
    "nothing is off the table",
    "nothing is|gets ruled out",
    "nothing has been ruled out",
    "everything is possible",
    "keep|keeping our options open",
    "all options are|remain open",
    "nothing's off the table",
    "everything is on the table",
    "everything's on the table",
    "no exclusions|restrictions|limits",
    "to follow|come",
    "coming soon",
    "under discussion|review",
    "being discussed",
    "will be decided|defined|agreed|confirmed",
    "keep|keeping all|our options open",
];

/// `will_not` items whose opposite is stupid, or that exclude nothing nameable.
pub const VACUOUS: &[&str] = &[
    "ignore~|neglect~|disregard~",
    "compromise~ on quality|safety|security|integrity|values|ethics|standards|excellence|our",
    "compromise~ quality|safety|security|integrity",
    "waste|wastes|wasted|wasting money|time|resources|effort|budget|talent|energy|our",
    "stop~|stopped|stopping innovating|listening|learning|improving|growing|caring|investing",
    "become|get|grow complacent|lazy|arrogant|sloppy",
    "complacent|complacency|mediocre|mediocrity|sloppy|careless|unethical|unethically|illegal|illegally",
    "let|lets down",
    "let|lets * down",
    "let|lets * * down",
    "let|lets * * * down",
    "lose|lost|losing focus|sight|momentum|touch",
    "lose|lost|losing our way|focus",
    "cut corners",
    "rest on our laurels",
    "settle for",
    "nobody|no-one wants|needs|uses|asked",
    "no one wants|needs|uses|asked",
    "distraction|distractions|unnecessary|pointless|useless|low-value|irrelevant|wasteful",
    "unfair|unfairly|badly|poorly|carelessly|disrespect~",
    "break|breaking the law|our",
    "anything|things|projects|work|initiatives|features that|which does|do not",
    "anything|things|projects|work|initiatives|features that|which doesn't|don't",
    "anything|things|projects|work|initiatives|features without a clear",
    "not aligned with",
    "misaligned with",
    "off-strategy|non-strategic|non-core",
    "bad|poor decisions|quality|service|choices|work|ideas",
    "late",
    "fail|fails|failing to|our",
    "disappoint~",
    "sacrifice~ quality|safety|security|integrity|our",
    "lose|losing money",
    "cut|cutting corners",
    "harm~|mislead~|mistreat~|deceive~ our|customers|employees|users|patients|staff",
    "lie|lying to",
    "spread ourselves too thin",
    "overpromise~|over-promise~|overspend~|over-spend~",
    "miss~ deadlines|our",
    "make|making bad|poor investments|hires|decisions",
    "hire|hiring the wrong people",
    "deviate~ from our",
    "lose|loses|losing customers|clients|ground|talent|market",
    "non-essential|unimportant|low-priority|nice-to-have|vanity",
    "low priority",
    "nice to have",
    "outside our core|focus|strategy|scope",
    "everything|all things to everyone|everybody|all",
];

/// Words that are output, not outcome, when they are the key result.
pub const OUTPUT_WORD: &[&str] = &[
    "ship|ships|shipped|shipping|launch~|release~|deliver~|delivered|complete|completed|completion|built",
    "roll|rolled out",
    "go|goes|went live",
    "go-live|v1|v2|v3|mvp|milestone~|velocity|epic~|feature~|deadline~",
    "story points",
    "on time|schedule",
];

/// Function words left out when comparing `today` with `future`.
pub const STOP: &[&str] = &[
    "a|an|the|and|or|but|of|to|in|on|at|by|for|from|with|without|into|onto|as|is|are|was|were|be|been|being",
    "will|would|shall|should|can|could|may|might|must|do|does|did|has|have|had|it|its|it's|this|that|these",
    "those|their|they|them|we|our|us|you|your|he|she|his|her|which|who|whom|whose|what|when|where|how|while",
    "so|than|then|there|here|still|also|just|only|very|all|each|every|per|about|around|after|before|up|down",
    "out|over|under|again|no|not|any|some|such|own|same|other|i|me|my|if|because|until|through|both|either",
    "today|now|currently|future|'ll|we'll|they'll|going|able|again|then|already",
];

/// Near-synonyms folded together when comparing `today` with `future`, so a
/// word swap does not hide a restatement. Each entry is `canonical|synonym…`.
pub const SYNONYMS: &[&str] = &[
    "customer|client|clients|consumer|consumers",
    "phone|telephone|call|calls|calling|rang|ring|rings",
    "buy|purchase|purchases|purchasing|purchased|bought",
    "get|receive|receives|received|obtain|obtains|obtained|gets|got",
    "help|assist|assists|assisted|support",
    "start|begin|begins|began|commence|commences",
    "end|finish|finishes|finished|complete",
    "big|large|larger|bigger",
    "fast|quick|rapid|quickly|rapidly|fast",
    "show|display|displays|shows|showed|shown",
    "use|utilize|utilise|utilizes|utilises|uses|used|using",
    "employee|staff|worker|workers|employees",
    "store|shop|shops|stores",
    "handle|process|processes|processed|handles|handled",
    "manual|manually|by hand",
];

/// Words that may stand before a sentence's main verb without being it:
/// "By 2030 we will continue …", "Our goal is to maintain …".
pub const LEAD_FILLER: &[&str] = &[
    "we|will|we'll|shall|to|our|goal|aim|vision|mission|strategy|is|are|want|plan|intend|should|must",
    "the|a|an|company|by|in|within|and|then|also|simply|just|next|years|year|months|end|of|i|us",
    "let's|need|have|has|been|finally|successfully",
];
