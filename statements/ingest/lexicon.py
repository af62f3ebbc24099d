"""Word lists the people and meetings steps read text with.

These are words of the *language of readouts* (titles, institutions, countries, places), never
names of people: a name is found because of where it stands, not because we knew it.
"""

from pathlib import Path

TITLE_HEADS = {
    "secretary-general", "director-general", "attorney-general", "presidente", "presidenta",
    "canciller", "secretario", "secretaria", "subsecretario", "subsecretaria", "embajador",
    "embajadora", "titular", "gobernador", "gobernadora", "ministro", "ministra", "fiscal",
    "asesor", "asesora", "directora", "jefe", "jefa", "comisionado", "comisionada",
    "vicepresidente", "vicepresidenta", "premier", "first", "acting", "permanent",
    "administrator", "admiral", "ambassador-at-large",
    "adviser", "advisor", "advisors", "ambassador", "ambassadors", "assistant", "attache",
    "attaché", "attorney", "captain", "chair", "chairman", "chairperson", "chairwoman",
    "chancellor", "charge", "chargé", "chief", "colonel", "commander", "commissioner",
    "comptroller", "congressman", "congresswoman", "consul", "coordinator", "counsellor",
    "counselor", "d'affaires", "delegate", "deputy", "director", "directors", "emperor", "envoy",
    "executive", "foreign", "general", "governor", "head", "inspector", "interim", "judge", "king",
    "lady", "leader", "lieutenant", "marshal", "mayor", "minister", "ministers", "officer",
    "president", "president-elect", "presidents", "prime", "prince", "princess", "principal",
    "prosecutor", "queen", "representative", "secretaries", "secretary", "senator", "senators",
    # "Representatives X and Y", "the Speaker of the House of Representatives Z": a title's
    # word, not a given name.
    "representatives",
    "senior",
    "sheikh", "solicitor", "speaker", "special", "spokesman", "spokesperson", "spokeswoman",
    "sub-secretary", "subsecretary", "superintendent", "treasurer", "under", "undersecretaries",
    "undersecretary", "vice", "vice-president",
    # "Ranking Member X", "White House Counsel X", "Senate President Pro Tempore X".
    "member", "counsel", "pro", "tempore", "co-chair", "co-chairs", "co-chairman",
    "co-chairwoman", "assemblymember", "assemblywoman", "assemblyman", "councilmember",
    "councilwoman", "councilman", "alderman", "alderwoman",
    # Offices of monarchies, the Holy See and Ireland, as English readouts write them.
    "ceo", "cfo", "coo", "founder", "co-founder", "crown", "emir", "amir", "sultan", "pope",
    "pontiff", "taoiseach", "tánaiste", "tanaiste",
    # "OSTP Chief Environmental Economist X", "Chief Scientist X".
    "economist", "scientist",
    # Domestic offices: "Second Gentleman X", "Surgeon General X", "House Minority Whip X",
    # "X, Public Engagement Analyst", "X, Outreach Lead for …", "X, Policy Specialist".
    "second", "gentleman", "surgeon", "whip", "analyst", "specialist", "lead",
    # Local offices: "Sheriff X of Cook County", "City Councilor Y".
    "sheriff", "councilor", "councillor",
}  # fmt: skip

# Offices a government gives one person at a time: two people holding one of them in a document
# are of two governments ("President Biden and President von der Leyen").
ONE_HOLDER_OFFICES = {
    "president", "vice president", "prime minister", "deputy prime minister", "chancellor",
    "king", "queen", "first lady", "secretary of state", "foreign minister", "foreign secretary",
    "national security advisor", "national security adviser", "homeland security advisor",
    "secretary of defense", "defense minister", "minister of defense", "attorney general",
    "secretary of the treasury", "finance minister", "minister of finance",
    "minister of foreign affairs", "secretary of foreign affairs", "president-elect",
}  # fmt: skip

# Offices only one state has: their holder is of that state ("Pope Francis", "Taoiseach Martin").
OFFICE_COUNTRY = {
    "pope": "VA",
    "pontiff": "VA",
    "taoiseach": "IE",
    "tánaiste": "IE",
    "tanaiste": "IE",
}

# Title words that end a title: one of these must be in a phrase for it to be a title.
TITLE_CORE = TITLE_HEADS - {
    "vice", "prime", "under", "deputy", "assistant", "acting", "senior", "special", "executive",
    "interim", "foreign", "principal", "d'affaires", "attorney", "first", "crown", "pro",
    "tempore", "second", "surgeon",
}  # fmt: skip

# Titles every organisation gives its officers (firms, unions, associations as much as
# governments): in "Calvin Butler, CEO, Exelon" they say nothing of a government.
ORGANISATION_TITLES = {
    "president", "presidents", "vice-president", "chair", "chairman", "chairperson",
    "chairwoman", "ceo", "cfo", "coo", "founder", "co-founder", "director", "directors",
    "executive", "officer", "advisor", "adviser", "advisors", "head", "chief", "leader",
    "coordinator", "counselor", "counsellor", "treasurer", "delegate", "general", "spokesman",
    "spokesperson", "spokeswoman", "presidente", "presidenta", "vicepresidente", "vicepresidenta",
    "directora", "jefe", "jefa", "titular", "asesor", "asesora", "coordinador",
    "coordinadora", "vocero", "vocera", "chancellor", "provost", "dean", "rector",
}  # fmt: skip

# Words naming a body of a state or of an organisation of states: an apposition that holds one
# ("Chair, Council of Economic Advisers", "Director, Office of Public Engagement") is an office.
GOVERNMENT_BODY_WORDS = {
    "government", "governments", "ministry", "ministries", "department", "secretariat", "office",
    "agency", "administration", "embassy", "consulate", "mission", "commission", "council",
    "cabinet", "presidency", "senate", "congress", "parliament", "legislature", "assembly",
    "court", "tribunal", "army", "navy", "military", "forces", "police", "guard", "treasury",
    "pentagon", "federal", "directorate", "authority", "municipality", "county", "province",
    "governorate", "ministerio", "secretaría", "gobierno", "embajada", "consulado",
    "cancillería", "cancilleria", "presidencia", "senado", "congreso", "comisión", "comision",
    "consejo", "procuraduría", "fiscalía", "fiscalia",
    # A tribe's government: "Chairman, Suquamish Tribe", "Governor, Chickasaw Nation", "Pueblo
    # of Zuni" (a private body's word still wins: "Native Nations Institute").
    "tribe", "tribes", "nation", "pueblo", "rancheria",
}  # fmt: skip
# Words of bodies that are no state's: a name holding one is an organisation's even beside a body
# word ("American Farm Bureau Federation", "Hospital Council of X", "Union Authority").
PRIVATE_BODY_WORDS = {
    "association", "foundation", "federation", "institute", "university", "league", "coalition",
    "union", "society", "alliance", "network", "inc", "corporation", "company", "chamber",
    "project", "campaign", "partners", "college", "school", "hospital", "church", "center",
    "centre", "group", "llc", "ltd", "academy", "academies", "fund", "trust", "bank",
}  # fmt: skip
# Phrases of the same kind ("Assistant to the President", "National Security …").
# "bureau of": not "Executive Director, Washington Bureau" of an association.
GOVERNMENT_PHRASES = {
    "to the president", "to the vice president", "white house", "national security",
    "homeland security", "chief of staff", "house of representatives", "armed forces",
    "bureau of", "bureau for", "band of", "indian community",
}  # fmt: skip

HEADS_OF_STATE = {"president", "prime minister", "premier", "chancellor", "king", "queen"}

HONORIFICS = {
    "adm.", "amb.", "dame", "doctor", "dr.", "gen.", "gov.", "hon.", "honorable", "honourable",
    "ing.", "lic.",
    "madam", "miss", "mr.", "mrs.", "ms.", "prof.", "rep.", "sen.", "señor", "señora", "sir",
    "sr.", "sra.", "srta.",
    # "His Holiness Pope Francis", "His Majesty, King …", "Her Excellency President …"
    "holiness", "majesty", "highness", "excellency",
}  # fmt: skip

INSTITUTION_WORDS = {
    "federation", "confederation", "meeting", "meetings", "society", "academy", "league",
    "humanitarian", "reconstruction",
    "tribe", "tribes", "nation", "pueblo", "rancheria",  # a tribe's government, no person's name
    "issues",  # "Ambassador-at-Large for Global Women's Issues X"
    "metals", "mining", "company", "corporation", "inc", "ltd", "llc", "inaugural",
    "accord", "action", "administration", "aeronautics", "affairs", "agency", "agenda",
    "agreement", "agriculture", "air", "airport", "alcohol", "alliance", "americas", "armed",
    "army", "assembly", "association", "attorney's", "authority", "avenue", "aviation", "bank",
    "barracks", "base", "bay", "bicentennial", "bienestar", "bilateral", "board", "border",
    "bridge", "budget", "building", "bureau", "business", "businesses", "cabinet", "camp",
    "campus", "canal", "capitol", "care", "cathedral", "census", "center", "central", "centre",
    "chamber", "charter", "children", "church", "citizen", "citizens", "citizenship", "city",
    "ciudadana", "climate", "coalition", "coast", "coastal", "cold", "college", "commerce",
    "commission", "commissioner's", "committee", "communication", "communications", "communities",
    "compact", "competitiveness", "compound", "conference", "congress", "constitution", "consular",
    "consulate", "control", "cooperation", "correctional", "corridor", "council",
    "counternarcotics", "counterterrorism", "court", "crime", "criminal", "crisis", "crossing",
    "culture", "cup", "customs", "cyber", "cybersecurity", "day", "decade", "declaration",
    "defence", "defensa", "defense", "democracy", "democratic", "department", "depression",
    "desert", "development", "dialogue", "digital", "diplomacy", "diplomatic", "directorate",
    "disaster", "district", "division", "drug", "drugs", "east", "eastern", "economia", "economic",
    "economy", "economía", "economics", "addiction", "addictions", "lab", "labs", "education",
    "elections", "electoral", "embassy", "emergency", "employment", "energy", "enforcement",
    "engagement", "environment", "environmental",
    "explosives", "export", "exports", "exteriores", "external", "families", "family", "federal",
    "fentanyl", "finance", "finances", "firearms", "fiscalia", "fiscalía", "fisheries", "food",
    "force", "forces", "foreign", "forum", "foundation", "framework", "freedom", "fund", "games",
    "general", "general's", "global", "goals", "gobernacion", "gobernación", "government",
    "governments", "great", "group", "guard", "guardia", "gulf", "hacienda", "hall",
    "headquarters", "health", "hemisphere", "hemispheric", "heritage", "high-level", "highways",
    "homeland", "hospital", "hotel", "house", "housing", "human", "immigration", "independence",
    "indigenous", "industry", "information", "infrastructure", "initiative", "innovation",
    "institute", "instituto", "intelligence", "intergovernmental", "interior", "international",
    "investigation", "investigations", "investment", "island", "islands", "judicial", "justice",
    "kingdom", "labor", "labour", "lake", "languages", "latin", "law", "leaders", "legal", "level",
    "liberty", "livestock", "management", "marina", "marine", "marines", "maritime", "mechanism",
    "media", "medical", "migracion", "migración", "migration", "military", "millennium", "mines",
    "ministry", "mission", "mountains", "multilateral", "nacional", "narcotics", "national",
    "nations", "natural", "navy", "network", "north", "northern", "nuclear", "ocean", "oceans",
    "office", "official", "olympic", "olympics", "operations", "opioid", "opioids", "organisation",
    "organization", "organized", "outreach", "palace", "panel", "park", "parliament",
    "partnership", "peace", "peninsula", "pentagon", "plan", "planning", "plans", "police",
    "policy", "population", "port", "ports", "preparedness", "press", "prevention", "prisons",
    "procurement", "program", "programme", "prosecution", "prosecutor's", "prosperity",
    "proteccion", "protección", "protection", "protocol", "province", "provincial", "public",
    "publica", "pública", "railway", "recovery", "refugees", "region", "regional", "relaciones",
    "relations", "republic", "reserve", "residence", "resources", "response", "revenue",
    "revolution", "rights", "risks", "river", "road", "roads", "room", "rural", "safe", "safety",
    "salud", "sanitary", "school", "science", "sea", "secretaria", "secretariat", "secretary's",
    "secretaría", "security", "seguridad", "senate", "seniors", "service", "services", "skills",
    "small", "social", "south", "southern", "sovereignty", "space", "special", "sports", "square",
    "staff", "state", "states", "station", "statistics", "strategic", "strategy", "street",
    "summit", "supreme", "surveillance", "synthetic", "task", "tax", "technology", "tobacco",
    "tourism", "tower", "trade", "transport", "transportation", "treasury", "treatment", "treaty",
    "tribunal", "trilateral", "union", "unit", "united", "university", "valley", "veterans",
    "wall", "war", "wars", "water", "week", "welfare", "west", "western", "women", "workforce",
    "working", "world", "year", "youth",
    # Fields and bodies of domestic agencies, as titles name them ("Chair of the Council on
    # Environmental Quality", "Comptroller of the Currency", "Director of the National Hurricane
    # Center", "Counselor for Racial Equity", "Senior Advisor for Implementation").
    "quality", "implementation", "equity", "worship", "programs", "partnerships", "access",
    "sector", "currency", "securities", "insurance", "deposit", "credit", "consumer",
    "financial", "futures", "trading", "commodity", "oceanographic", "atmospheric", "hurricane",
    "engineers", "corps", "forest", "gender", "domestic", "rescue", "racial", "faith-based",
    "acquisition", "appraisal", "subcommittee", "wellness", "county", "colleges", "universities",
    "leagues", "month", "counties", "governors", "advisers", "fellows", "sustainment",
    "institutions", "examination", "act", "students",
    # Sectors a firm's name ends with ("Polar Semiconductor", "Turner Construction"): a firm.
    "semiconductor", "semiconductors", "construction", "technologies", "industries",
    "pharmaceuticals", "airlines", "motors", "manufacturing", "holdings", "logistics",
    "enterprises", "aerospace", "shipbuilding", "electronics", "microelectronics",
    "biosciences", "therapeutics",
    # Congressional committees and interagency bodies ("Senate Judiciary Chair X").
    "judiciary", "appropriations", "oversight", "interagency",
    # Fields of domestic agencies ("Substance Abuse and Mental Health Services Administration").
    "substance", "abuse", "mental", "tribal",
    # Sides of a legislature ("Majority Leader X", "opposition leader X").
    "majority", "minority", "opposition",
    # Spanish institution words ("secretario de Estado", "Cancillería", "Gobierno de México").
    "estado", "gobierno", "cancilleria", "cancillería", "republica", "república", "ministerio",
    "asuntos", "exterior", "embajada", "consulado", "unidad", "politica",
    "política", "migratoria", "mobility", "movilidad", "politicos", "políticos", "economicos",
    "económicos", "multilaterales", "consulares", "comision", "comisión", "comite", "comité",
}  # fmt: skip

# Words that start sentences or name times, never part of a person's name.
STOPWORDS = {
    "meets", "holds", "speaks", "announces", "calls", "travels", "visits", "hosts", "welcomes",
    "signs", "launches", "discusses", "highlights", "reaffirms", "joins", "attends", "says",
    "delivers", "tours", "leads", "receives", "thanks", "urges", "condemns", "celebrates",
    "commemorates", "congratulates", "marks", "statement", "readout", "fact", "sheet", "a",
    "about", "according", "across", "additionally", "administration", "after", "afternoon",
    "against", "all", "already", "also", "although", "americans", "among", "an", "and", "any",
    "anyone", "april", "aren't", "around", "as", "at", "audio", "august", "autumn", "background",
    "because", "before", "between", "both", "briefing", "but", "by", "canadians", "colombians",
    "concerning", "countries", "cubans", "dear", "december", "delegation", "delegations",
    "despite", "doesn't", "don't", "during", "each", "earlier", "ecuadorians", "email", "english",
    "even", "evening", "every", "everybody", "everyone", "excellencies", "excellency", "excerpt",
    "excerpts", "fall", "february", "fifth", "finally", "first", "five", "following", "for",
    "former", "four", "fourth", "french", "friday", "from", "furthermore", "gentlemen", "given",
    "good", "guatemalans", "haitians", "he", "hello", "her", "here", "here's", "him", "his",
    "home", "hondurans", "how", "however", "i", "i'm", "i've", "if", "image", "in", "including",
    "into", "isn't", "it", "it's", "its", "january", "joint", "july", "june", "just", "ladies",
    "last", "later", "leader", "leaders", "let", "let's", "lets", "live", "many", "march", "may",
    "me", "meanwhile", "menu", "mexicans", "monday", "more", "moreover", "morning", "most", "mr",
    "ms", "my", "nations", "new", "next", "nicaraguans", "night", "no", "nobody", "not", "note",
    "november", "now", "october", "of", "official", "officials", "ok", "okay", "on", "one", "only",
    "onto", "other", "our", "over", "partners", "people", "per", "photo", "please", "press",
    "previous", "print", "read", "recognizing", "regarding", "related", "release", "remarks",
    "salvadorans", "saturday", "second", "senior", "september", "several", "share", "she", "since",
    "so", "some", "someone", "source", "spanish", "spring", "still", "subsequently", "such",
    "summer", "sunday", "tags", "thank", "that", "that's", "the", "their", "them", "then", "there",
    "there's", "these", "they", "they're", "third", "this", "those", "though", "three", "through",
    "throughout", "thursday", "thus", "to", "today", "today's", "together", "tomorrow",
    "tomorrow's", "top", "toward", "towards", "transcript", "translation", "tuesday", "two",
    "under", "unless", "until", "upon", "us", "venezuelans", "via", "video", "we", "we're",
    "we've", "wednesday", "well", "what", "what's", "when", "where", "whether", "which", "while",
    "who", "why", "winter", "with", "within", "without", "yes", "yesterday", "yesterday's", "you",
    "you're", "your",
}  # fmt: skip
# Nouns of a headline's occasion ("President-elect and Vice President-elect Call with …"): never
# a name after a title.
STOPWORDS |= {"call", "meeting", "meetings", "conversation", "teleconference", "videoconference"}
# … nor a headline's verb ("US Ambassador Is Ready To Come To Belarus").
STOPWORDS |= {"is", "are", "was", "were", "has", "have", "had"}  # not "Will", a given name
# Occupations no government confers, written before a name like a title ("the PM's Official
# Photographer X", "Journalist Y"): the person is no official.
PRIVATE_OCCUPATIONS = {
    "photographer", "journalist", "reporter", "correspondent", "editor", "columnist", "author",
    "novelist", "poet", "artist", "actor", "actress", "singer", "musician", "filmmaker",
    "student", "activist", "athlete", "chef", "entrepreneur", "blogger",
}  # fmt: skip

# Country words -> ISO 3166 alpha-2. Demonyms and possessives included.
COUNTRY_WORDS = {
    "u.s.": "US", "us": "US", "usa": "US", "u.s.a.": "US", "america": "US", "american": "US",
    "united states": "US", "washington": "US", "mexico": "MX", "méxico": "MX", "mexican": "MX",
    "mexicana": "MX", "mexicano": "MX", "canada": "CA", "canadian": "CA", "ottawa": "CA",
    "guatemala": "GT", "guatemalan": "GT", "honduras": "HN", "honduran": "HN", "el salvador": "SV",
    "salvadoran": "SV", "salvadorian": "SV", "china": "CN", "chinese": "CN", "prc": "CN",
    "united kingdom": "GB", "uk": "GB", "u.k.": "GB", "britain": "GB", "british": "GB",
    "great britain": "GB", "france": "FR", "french": "FR", "germany": "DE", "german": "DE",
    "japan": "JP", "japanese": "JP", "india": "IN", "indian": "IN", "brazil": "BR",
    "brazilian": "BR", "colombia": "CO", "colombian": "CO", "venezuela": "VE", "venezuelan": "VE",
    "cuba": "CU", "cuban": "CU", "nicaragua": "NI", "nicaraguan": "NI", "haiti": "HT",
    "haitian": "HT", "panama": "PA", "panamanian": "PA", "costa rica": "CR", "costa rican": "CR",
    "ecuador": "EC", "ecuadorian": "EC", "peru": "PE", "peruvian": "PE", "chile": "CL",
    "chilean": "CL", "argentina": "AR", "argentine": "AR", "argentinian": "AR", "spain": "ES",
    "spanish": "ES", "italy": "IT", "italian": "IT", "korea": "KR", "korean": "KR",
    "south korea": "KR", "ukraine": "UA", "ukrainian": "UA", "russia": "RU", "russian": "RU",
    "dominican republic": "DO", "dominican": "DO", "belize": "BZ", "belizean": "BZ",
    "jamaica": "JM", "jamaican": "JM", "australia": "AU", "australian": "AU", "israel": "IL",
    "israeli": "IL", "european union": "EU",
    # Spanish, as communiqués write them.
    "estados unidos": "US", "estados unidos de américa": "US", "ee.uu.": "US", "eeuu": "US",
    "eua": "US", "estadounidense": "US", "estadounidenses": "US", "canadá": "CA",
    "canadiense": "CA", "guatemalteco": "GT", "guatemalteca": "GT", "hondureño": "HN",
    "hondureña": "HN", "salvadoreño": "SV", "salvadoreña": "SV", "colombiano": "CO",
    "colombiana": "CO", "panameño": "PA", "panameña": "PA", "japón": "JP", "japonés": "JP",
    "japonesa": "JP", "reino unido": "GB", "francia": "FR", "alemania": "DE", "españa": "ES",
    "mexicanos": "MX", "mexicanas": "MX",
}  # fmt: skip

# Institutions and acronyms whose officials belong to one country.
INSTITUTION_COUNTRY = {
    # India's foreign ministry is the only one named for "External Affairs".
    "external affairs": "IN", "mea": "IN",
    "white house": "US", "dhs": "US", "state department": "US", "department of state": "US",
    "department of homeland security": "US", "national security council": "US", "nsc": "US",
    "pentagon": "US", "fbi": "US", "dea": "US", "atf": "US", "cbp": "US", "ice": "US",
    "usaid": "US", "ondcp": "US", "national drug control policy": "US", "doj": "US",
    "department of justice": "US", "u.s. embassy": "US", "us embassy": "US", "uscis": "US",
    "segob": "MX", "sre": "MX", "sedena": "MX", "semar": "MX", "sspc": "MX", "fgr": "MX",
    "cofepris": "MX", "inm": "MX", "national migration institute": "MX", "guardia nacional": "MX",
    "gobernación": "MX", "gobernacion": "MX", "palacio nacional": "MX", "national palace": "MX",
    "sheinbaum administration": "MX", "amlo": "MX", "global affairs canada": "CA", "rcmp": "CA",
    "cbsa": "CA", "privy council": "CA", "pco": "CA", "parliament hill": "CA", "un": "UN",
    # U.S. agencies, offices and congressional caucuses by their initials ("OMB Director X").
    "omb": "US", "nec": "US", "ostp": "US", "ceq": "US", "dpc": "US", "cia": "US", "nih": "US",
    "cdc": "US", "fda": "US", "dni": "US", "odni": "US", "nsa": "US", "epa": "US", "fema": "US",
    "hud": "US", "sba": "US", "nasa": "US", "noaa": "US", "usda": "US", "hhs": "US", "dod": "US",
    "doe": "US", "dot": "US", "doi": "US", "dol": "US", "va": "US", "irs": "US", "sec": "US",
    "ftc": "US", "fcc": "US", "cfpb": "US", "fdic": "US", "occ": "US", "opm": "US", "gsa": "US",
    "usace": "US", "ustr": "US", "ssa": "US", "nlrb": "US", "eeoc": "US", "osha": "US",
    "nhtsa": "US", "faa": "US", "tsa": "US", "ncua": "US", "ferc": "US", "nrc": "US",
    "cisa": "US", "oncd": "US", "pcast": "US", "niac": "US", "cea": "US", "cftc": "US",
    "ntsb": "US", "cbc": "US", "chc": "US", "capac": "US", "usun": "US", "usps": "US",
    # Bodies for the first peoples of the United States, whose names hold demonyms of other
    # lands ("Assistant Secretary for Indian Affairs X", "Administration for Native Americans").
    "indian affairs": "US", "indian health service": "US", "indian country": "US",
    "indian education": "US", "native americans": "US", "native american": "US",
    "alaska native": "US", "alaska natives": "US", "native hawaiian": "US",
    "native hawaiians": "US",
    # Agencies of the United Nations ("UNICEF Executive Director X").
    "unicef": "UN", "unhcr": "UN", "wfp": "UN", "undp": "UN", "unesco": "UN", "unfpa": "UN",
    "ocha": "UN", "unrwa": "UN", "iaea": "UN", "ilo": "UN", "fao": "UN", "iom": "UN",
}  # fmt: skip

# Countries whose usual name is also a U.S. state's or a person's, so not in COUNTRY_WORDS: a
# country only after a state's office ("President X of Georgia"), never alone.
SHARED_COUNTRY_NAMES = {"georgia": "GE", "chad": "TD", "monaco": "MC"}

# Cities (and the states or countries written after them) for meeting places; also never names.
CITIES = {
    "mexico city": "MX", "ciudad de méxico": "MX", "cdmx": "MX", "monterrey": "MX",
    "guadalajara": "MX", "tijuana": "MX", "ciudad juárez": "MX", "ciudad juarez": "MX",
    "cancún": "MX", "cancun": "MX", "mérida": "MX", "merida": "MX", "tapachula": "MX",
    "nuevo laredo": "MX", "reynosa": "MX", "matamoros": "MX", "acapulco": "MX", "washington": "US",
    "washington, d.c.": "US", "washington d.c.": "US", "new york": "US", "san francisco": "US",
    "los angeles": "US", "san diego": "US", "el paso": "US", "houston": "US", "miami": "US",
    "chicago": "US", "phoenix": "US", "dallas": "US", "austin": "US", "laredo": "US",
    "nogales": "US", "brownsville": "US", "denver": "US", "seattle": "US", "boston": "US",
    "atlanta": "US", "new orleans": "US", "tucson": "US", "albuquerque": "US", "honolulu": "US",
    "camp david": "US", "palm beach": "US", "ottawa": "CA", "toronto": "CA", "montreal": "CA",
    "montréal": "CA", "vancouver": "CA", "quebec city": "CA", "québec": "CA", "calgary": "CA",
    "winnipeg": "CA", "halifax": "CA", "guatemala city": "GT", "tegucigalpa": "HN",
    "san pedro sula": "HN", "san salvador": "SV", "panama city": "PA", "san josé": "CR",
    "san jose": "CR", "bogotá": "CO", "bogota": "CO", "havana": "CU", "caracas": "VE",
    "managua": "NI", "port-au-prince": "HT", "quito": "EC", "lima": "PE", "santiago": "CL",
    "buenos aires": "AR", "brasília": "BR", "brasilia": "BR", "são paulo": "BR", "sao paulo": "BR",
    "rio de janeiro": "BR", "beijing": "CN", "shanghai": "CN", "tokyo": "JP", "london": "GB",
    "paris": "FR", "berlin": "DE", "madrid": "ES", "rome": "IT", "new delhi": "IN", "seoul": "KR",
    "kyiv": "UA", "geneva": "CH", "brussels": "BE", "santo domingo": "DO", "kingston": "JM",
    "belmopan": "BZ", "belize city": "BZ", "los cabos": "MX", "puebla": "MX",
}  # fmt: skip

# fmt: skip
CAPITALS = {
    "MX": "Mexico City", "US": "Washington", "CA": "Ottawa", "GT": "Guatemala City",
    "HN": "Tegucigalpa", "SV": "San Salvador", "PA": "Panama City", "CR": "San José",
    "CO": "Bogotá", "CU": "Havana", "NI": "Managua", "HT": "Port-au-Prince", "EC": "Quito",
    "PE": "Lima", "CL": "Santiago", "AR": "Buenos Aires", "BR": "Brasília", "CN": "Beijing",
    "JP": "Tokyo", "GB": "London", "FR": "Paris", "DE": "Berlin", "ES": "Madrid",
    "IN": "New Delhi", "DO": "Santo Domingo",
}  # fmt: skip

# States and provinces, for the country of a title that names one ("Governor of Tamaulipas").
REGION_COUNTRY = {
    "alberta": "CA", "baja california": "MX", "british columbia": "CA", "california": "US",
    "chiapas": "MX", "chihuahua": "MX", "coahuila": "MX", "colorado": "US", "florida": "US",
    "guerrero": "MX", "hawaii": "US", "illinois": "US", "jalisco": "MX", "louisiana": "US",
    "maryland": "US", "massachusetts": "US", "michoacan": "MX", "michoacán": "MX", "nevada": "US",
    "new mexico": "US", "nuevo leon": "MX", "nuevo león": "MX", "oaxaca": "MX", "ontario": "CA",
    "puebla": "MX", "quebec": "CA", "quintana roo": "MX", "sinaloa": "MX", "sonora": "MX",
    "tamaulipas": "MX", "texas": "US", "veracruz": "MX", "virginia": "US", "yucatan": "MX",
    "yucatán": "MX", "arizona": "US",
    # The other U.S. states (session 14: "a repair shop owner from Minnesota explained" names no
    # one). Not Washington (a city, a family name) nor Montana (a family name).
    "alabama": "US", "alaska": "US", "arkansas": "US", "connecticut": "US", "delaware": "US",
    "georgia": "US", "idaho": "US", "indiana": "US", "iowa": "US", "kansas": "US",
    "kentucky": "US", "maine": "US", "michigan": "US", "minnesota": "US", "mississippi": "US",
    "missouri": "US", "nebraska": "US", "new hampshire": "US", "new jersey": "US",
    "new york": "US", "north carolina": "US", "north dakota": "US", "ohio": "US",
    "oklahoma": "US", "oregon": "US", "pennsylvania": "US", "rhode island": "US",
    "south carolina": "US", "south dakota": "US", "tennessee": "US", "utah": "US",
    "vermont": "US", "west virginia": "US", "wisconsin": "US", "wyoming": "US",
    # The United Kingdom's nations: "First Minister X of Northern Ireland" is British, not Irish.
    "northern ireland": "GB", "scotland": "GB", "wales": "GB",
}  # fmt: skip

# fmt: skip
# States and provinces that follow a city ("San Francisco, California"), and other places.
REGIONS = {
    "alberta", "americas", "arizona", "baja california", "british columbia", "california",
    "caribbean", "central america", "chiapas", "chihuahua", "coahuila", "colorado", "d.c.", "dc",
    "florida", "georgia", "guerrero", "hawaii", "illinois", "jalisco", "latin america",
    "louisiana", "maryland", "massachusetts", "michoacan", "michoacán", "nevada", "new mexico",
    "new york", "north america", "nuevo leon", "nuevo león", "oaxaca", "ontario", "puebla",
    "quebec", "quintana roo", "sinaloa", "sonora", "south america", "tamaulipas", "texas",
    "the americas", "the caribbean", "veracruz", "virginia", "washington state",
    "western hemisphere", "yucatan", "yucatán",
    "alabama", "alaska", "arkansas", "connecticut", "delaware", "idaho", "indiana", "iowa",
    "kansas", "kentucky", "maine", "michigan", "minnesota", "mississippi", "missouri", "nebraska",
    "new hampshire", "new jersey", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "utah",
    "vermont", "west virginia", "wisconsin", "wyoming", "northern ireland", "scotland", "wales",
    # Continents and world regions, and their adjectives ("Senior Director for Africa X").
    "africa", "african", "europe", "european", "asia", "asian", "middle east", "indo-pacific",
    "eurasia", "oceania", "sahel", "balkans", "arctic", "sub-saharan africa", "east asia",
    "south asia", "southeast asia", "central asia",
}  # fmt: skip

# fmt: skip
# Venues that say which city they are in.
VENUES = {
    "national palace": "Mexico City", "palacio nacional": "Mexico City",
    "los pinos": "Mexico City", "white house": "Washington", "oval office": "Washington",
    "state department": "Washington", "eisenhower executive office building": "Washington",
    "parliament hill": "Ottawa", "rideau hall": "Ottawa", "casa presidencial": "",
    "palacio de la cultura": "Guatemala City", "pentagon": "Washington",
    # Seats that sit in one city only: the UN General Assembly and Headquarters are New York's.
    "united nations": "New York", "u.n.": "New York", "united nations general assembly": "New York",
    "un general assembly": "New York", "u.n. general assembly": "New York",
    "united nations headquarters": "New York", "un headquarters": "New York",
    "capitol": "Washington", "capitol hill": "Washington", "u.s. capitol": "Washington",
    # Rooms of the White House and its campus.
    "east room": "Washington", "roosevelt room": "Washington", "state dining room": "Washington",
    "indian treaty room": "Washington", "south court auditorium": "Washington",
    "situation room": "Washington", "cabinet room": "Washington",
    # The Vice President's office in the Eisenhower building, and the President's guest house.
    "ceremonial office": "Washington", "vice president's ceremonial office": "Washington",
    "blair house": "Washington", "old executive office building": "Washington",
}  # fmt: skip

# The commonest East Asian family names, which such names put first ("Kishida Fumio", "Xi
# Jinping"): family names, not anyone's name, used to read the order of a name's words.
EAST_ASIAN_SURNAMES = {
    # Japanese
    "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura",
    "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue",
    "kimura", "hayashi", "shimizu", "kishida", "abe", "suga", "ishiba", "kamikawa", "motegi",
    "iwaya", "takaichi", "kono", "aso", "hamada", "noda", "koizumi", "okada", "hamaguchi",
    # Chinese
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "lin", "gao", "luo", "xi", "wen", "qin", "han", "xie", "song", "deng",
    "feng", "cai", "tang", "lai", "tsai",
    # Korean
    "kim", "lee", "park", "choi", "jung", "chung", "kang", "cho", "yoon", "jang", "lim", "shin",
    "moon", "yoo", "hong", "ahn", "oh", "seo", "kwon", "hwang", "baek", "nam",
    # Vietnamese
    "nguyen", "tran", "pham", "le", "hoang", "vo", "dang", "bui", "do", "ngo", "duong",
}  # fmt: skip


# Titles a government does NOT have, for the publishers whose readouts the archive holds most: an
# official with such a title and no stated country is not the publisher's (a White House readout's
# "Prime Minister Kishida" is not American). Words of the language of readouts, not names.
GOVERNMENT_TITLES = {
    "US": ["prime minister", "minister", "chancellor", "king", "queen", "crown prince", "prince",
           "emir", "sultan", "taoiseach", "premier", "foreign secretary", "secretary-general",
           "secretary general", "president of the european", "high representative", "tanaiste",
           "canciller", "presidente", "presidenta", "secretario", "secretaria", "sheikh",
           "general secretary"],
    "CA": ["president", "vice president", "king", "emir",
           "canciller", "presidente", "presidenta", "secretario", "secretaria"],
    "MX": ["prime minister", "chancellor", "king", "queen", "premier", "vice president",
           "vicepresidente", "vicepresidenta", "primer ministro", "primera ministra"],
}  # fmt: skip


# --- The world's countries, organisations and cities, from data/countries.yaml ---------------


def _load_world():
    import yaml

    path = Path(__file__).with_name("data") / "countries.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


WORLD = _load_world()
# {code: [usual name, other names and demonyms]}: every country and organisation the data names.
WORLD_NAMES = {
    str(code): [str(word) for word in words]
    for section in ("countries", "organisations")
    for code, words in WORLD[section].items()
}
ORGANISATIONS = {str(code) for code in WORLD["organisations"]}
for _code, _words in WORLD_NAMES.items():
    for _word in _words:
        COUNTRY_WORDS.setdefault(_word.casefold(), _code)
for _code, _cities in WORLD["cities"].items():
    for _city in _cities:
        CITIES.setdefault(_city.casefold(), str(_code))
for _code, _regions in WORLD["regions"].items():
    for _region in _regions:
        REGIONS.add(_region.casefold())
        REGION_COUNTRY.setdefault(_region.casefold(), str(_code))


# --- Spanish communiqués: their words live in lexicon_es.py and join the shared lists here. ---
from statements.ingest import lexicon_es as _es  # noqa: E402

TITLE_HEADS |= _es.TITLE_HEADS
TITLE_CORE |= _es.TITLE_HEADS - _es.TITLE_NOT_CORE
INSTITUTION_WORDS |= _es.INSTITUTION_WORDS
# Places named after people: "the Martin Luther King Jr. Memorial" names no official "Memorial".
INSTITUTION_WORDS |= {"memorial", "monument", "museum", "library", "cemetery", "stadium", "arena"}
# Aims that councils are named for: "the High Council for National Reconciliation".
INSTITUTION_WORDS |= {"reconciliation", "transition", "unity", "salvation", "stabilization"}

STOPWORDS |= _es.STOPWORDS
COUNTRY_WORDS.update(_es.COUNTRY_WORDS)
INSTITUTION_COUNTRY.update(_es.INSTITUTION_COUNTRY)
REGIONS |= _es.REGIONS
VENUES.update(_es.VENUES)
CITIES.update(_es.CITIES)
for _word in _es.NOT_ONE_COUNTRY:
    INSTITUTION_COUNTRY.pop(_word, None)
