"""Word lists for Spanish communiqués (Mexico publishes in Spanish first).

Data only: `lexicon.py` merges the sets that every step shares (titles, institutions, places,
countries); `spanish.py` reads the rest (publishers, kinds, attendance and quotation cues).
Like `lexicon.py`, these are words of the language of communiqués, never names of people.
"""

# Title words ("el primer ministro de Canadá", "la viceministra de Comercio Internacional").
TITLE_HEADS = {
    "primer", "primera", "viceministro", "viceministra", "vicecanciller", "procurador",
    "procuradora", "consejero", "consejera", "coordinador", "coordinadora", "senador",
    "senadora", "diputado", "diputada", "almirante", "comandante", "encargado", "encargada",
    "consul", "cónsul", "director", "vocero", "vocera", "representante", "enviado", "enviada",
    "jefe", "jefa", "canciller",
}  # fmt: skip
# "Alcalde" and "Reina" are also family names ("Luisa María Alcalde Luján"): only lowercase
# ("el alcalde de Tijuana") do they make a title (LOWER_TITLES).
# Of those, the words that cannot end a title by themselves ("primer" needs "ministro").
TITLE_NOT_CORE = {"primer", "primera", "encargado", "encargada"}
# Lowercase title words (Spanish writes titles in lower case: "la viceministra de Comercio").
LOWER_TITLES = {
    "primer", "primera", "viceministro", "viceministra", "vicecanciller", "procurador",
    "procuradora", "consejero", "consejera", "coordinador", "coordinadora", "senador",
    "senadora", "diputado", "diputada", "alcalde", "alcaldesa", "almirante", "comandante",
    "encargado", "encargada", "cónsul", "consul", "vocero", "vocera", "representante",
    "enviado", "enviada", "jefe", "jefa", "comisionado", "comisionada", "rey", "reina",
}  # fmt: skip
# Lowercase titles that name an office on their own, before a name ("el embajador Ken Salazar").
LONE_LOWER_TITLES = {
    "embajador", "embajadora", "secretario", "secretaria", "subsecretario", "subsecretaria",
    "ministro", "ministra", "gobernador", "gobernadora", "senador", "senadora", "canciller",
}  # fmt: skip

# Words of institutions, programmes and agreements: capitalised, never part of a name.
INSTITUTION_WORDS = {
    "comercio", "economía", "energía", "agricultura", "trabajo", "turismo", "educación",
    "cultura", "medio", "ambiente", "marina", "defensa", "transportes", "comunicaciones",
    "infraestructura", "desarrollo", "crédito", "hacienda", "previsión", "ciudadana", "función",
    "entendimiento", "bicentenario", "diálogo", "económico", "alto", "nivel", "grupo",
    "implementación", "programa", "trabajadores", "agrícolas", "temporales", "tratado",
    "acuerdo", "comunidades", "seguras", "salud", "pública", "público", "relaciones",
    "exteriores", "internacional", "internacionales", "cancillería", "secretaría", "senado",
    "congreso", "cámara", "diputados", "suprema", "corte", "justicia", "oficina", "consejo",
    "mecanismo", "iniciativa", "estrategia", "alianza", "cumbre", "foro", "conferencia",
    "declaración", "frontera", "fronteriza", "aduanas", "migración", "migratorio", "armas",
    "fentanilo", "asuntos", "norte", "sur", "centro", "mesa", "reunión", "encuentro",
    "inteligencia", "hemisferio", "occidental", "comité", "trilateral", "bilateral",
    "políticas", "fronteras", "inmigración", "derechos", "humanos", "población", "asamblea",
    "organización", "americanos", "naciones", "unidas", "sistema", "interamericano", "estados",
    "plan", "fondo", "banco", "agencia", "instituto", "nacional", "federal", "general",
}  # fmt: skip

# Capitalised words that open sentences in communiqués.
STOPWORDS = {
    "ambos", "ambas", "asimismo", "además", "durante", "posteriormente", "por", "para", "con",
    "sin", "sobre", "tras", "según", "hoy", "ayer", "mañana", "este", "esta", "estos", "estas",
    "nuestro", "nuestra", "nuestros", "nuestras", "su", "sus", "se", "que", "quien", "quienes",
    "cuando", "donde", "también", "así", "finalmente", "igualmente", "luego", "mientras",
    "coincidieron", "acordaron", "participaron", "acompañaron", "comunicado", "concluye",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo", "delegación", "delegaciones", "un", "una", "uno", "dos", "tres",
}  # fmt: skip

# Country names and demonyms; "Estados Unidos Mexicanos" is Mexico, not the United States.
COUNTRY_WORDS = {
    "estados unidos mexicanos": "MX", "canadienses": "CA", "guatemaltecos": "GT",
    "brasil": "BR", "perú": "PE", "panamá": "PA", "norteamericano": "US",
    "norteamericana": "US", "república de guatemala": "GT", "república de honduras": "HN",
    "república de el salvador": "SV", "república de panamá": "PA",
}  # fmt: skip

# Institutions whose officials belong to one country.
INSTITUTION_COUNTRY = {
    "casa blanca": "US", "departamento de estado": "US",
    "departamento de seguridad nacional": "US", "embajada de estados unidos": "US",
    "secretaría de gobernación": "MX", "fiscalía general de la república": "MX",
}  # fmt: skip

# Institutions other governments have too: "ministro de Gobernación" is Guatemala's (Mexico's
# is the "secretaria de Gobernación", in INSTITUTION_COUNTRY above).
NOT_ONE_COUNTRY = {"gobernación", "gobernacion"}

# Regions: places that are not countries ("América del Norte" is not the United States).
REGIONS = {
    "américa del norte",
    "america del norte",
    "norteamérica",
    "centroamérica",
    "américa latina",
    "latinoamérica",
    "américa central",
    "el caribe",
    "caribe",
    "américa latina y el caribe",
}

# Cities as Spanish writes them (meetings.py gives each its one English name).
CITIES = {
    "ciudad de guatemala": "GT", "ciudad de panamá": "PA", "ciudad de panama": "PA",
}  # fmt: skip

# Venues and the city they are in.
VENUES = {"casa blanca": "Washington", "palacio de gobierno": ""}

# Publishers as a Spanish communiqué names them in its header or sign-off (folded, no accents).
PUBLISHERS = {
    "secretaria de relaciones exteriores": "Secretaría de Relaciones Exteriores",
    "sre": "Secretaría de Relaciones Exteriores",
    "cancilleria": "Secretaría de Relaciones Exteriores",
    "cancilleria mexicana": "Secretaría de Relaciones Exteriores",
    "presidencia de la republica": "Presidencia de la República",
    "presidencia": "Presidencia de la República",
    "gobierno de mexico": "Government of Mexico",
}
# Lines that close a communiqué and say nothing ("-o0o-", "---oOo---").
CLOSING_MARKS = r"[-–—\s]*[o0][oO0][o0][-–—\s]*|[-–—*\s]{3,}|fin|#{2,}"

# Titles of the kinds of statement (Statement.Kind values), checked on the folded title.
KIND_WORDS = [
    (
        "joint_statement",
        r"\b(?:comunicado|declaracion) conjunt[oa]\b|\bdeclaracion de los lideres\b",
    ),
    ("remarks", r"\bversion estenografica\b|\bmensaje (?:del|de la) president[ea]\b"),
]

# Spoken verbs that attribute a quotation ("—dijo—", "afirmó que “…”").
SPEECH_VERBS = [
    "dijo", "afirmó", "señaló", "declaró", "expresó", "subrayó", "indicó", "destacó", "agregó",
    "añadió", "aseguró", "sostuvo", "manifestó", "enfatizó", "puntualizó", "precisó", "comentó",
    "explicó", "reiteró", "recalcó", "apuntó", "mencionó", "refirió", "concluyó", "escribió",
    "publicó", "expuso", "resaltó", "advirtió", "sentenció",
]  # fmt: skip

# Sentences about an earlier occasion ("recordó que el pasado 3 de noviembre sostuvo …").
PAST_CUES = (
    r"\brecord(?:ó|o|aron)\s+que\b|\ben\s+(?:su|la)\s+(?:anterior|pasada|previa)\s+"
    r"(?:reuni[oó]n|visita|llamada|conversaci[oó]n)\b|\banteriormente\b|\bpreviamente\b"
    r"|\bhace\s+(?:un|una|dos|tres|\d+)\s+(?:d[ií]as?|semanas?|mes(?:es)?|años?)\b"
)

# Lowercase adjectives inside a Spanish title ("asesora nacional de …", "subsecretario de Estado
# adjunto para …"): the title goes on over them.
TITLE_ADJECTIVES = {
    "general", "adjunto", "adjunta", "nacional", "especial", "ejecutivo", "ejecutiva",
    "interino", "interina", "permanente", "principal", "federal", "encargado", "encargada",
    "comercial", "económico", "económica", "consular", "regional",
}  # fmt: skip

# Who sits at the table: people listed after these words attended ("Participaron también …",
# "Por parte de Estados Unidos participaron …", "Acompañaron a la mandataria …").
ATTENDANCE_CUES = (
    r"\b(?:particip(?:aron|ó|o)(?:\s+también)?|estuvo\s+integrada\s+por|integrada\s+por"
    r"|conformada\s+por|compuesta\s+por|encabezada\s+por|asisti(?:ó|o|eron)"
    r"|estuvieron\s+presentes|estuvo\s+presente"
    r"|acompañ(?:ó|o|aron)(?:\s+a\s+(?:la|el|los|las)\s+[\wáéíóúñ]+)?)\b"
    # "Por la parte guatemalteca participaron …", "Por parte de Estados Unidos asistieron …"
    r"|\bpor\s+(?:la\s+)?parte\s+(?:de\s+)?(?P<who>[\wáéíóúñ]+(?:\s+[A-Z][\wáéíóúñ]+)?)\s+"
    r"(?:particip(?:aron|ó|o)|asisti(?:eron|ó|o))\b"
    # "Nosotros, el presidente …, y el primer ministro …, nos reunimos": a joint declaration.
    r"|(?<![^\n])nosotros\s*,"
)
# Verbs whose object attended: "recibió hoy en la Cancillería al secretario …", "sostuvo el día
# de hoy una llamada telefónica con el primer ministro …".
OBJECT_CUES = (
    r"\brecibi(?:ó|o|eron)\s+(?:[\wáéíóúñ]+\s+){0,9}?a(?:l)?\b"
    r"|\b(?:sostuvo|sostuvieron)\s+(?:[\wáéíóúñ]+\s+){0,9}?con\b"
    r"|\b(?:convers(?:ó|o|aron)|dialog(?:ó|o|aron)|habl(?:ó|o|aron))\s+(?:[\wáéíóúñ]+\s+){0,5}?con\b"
    r"|\bse\s+reuni(?:ó|o|eron)\s+(?:[\wáéíóúñ]+\s+){0,6}?con\b"
)

# Committing verbs in the first person of a joint declaration ("acordamos crear", "nos
# comprometemos a"), on the folded text; the third person is in commitments.TRIGGERS.
COMMITMENT_TRIGGERS = (
    r"\b(?:acordamos|convenimos|nos\s+comprometemos|nos\s+comprometimos"
    r"|reafirmamos\s+nuestro\s+compromiso|decidimos|resolvimos)\b"
)

# The text reports a meeting: a Spanish communiqué of one is a "communique".
MEETING_WORDS = (
    r"\b(?:se\s+reuni[oó]|se\s+reunieron|nos\s+reunimos|recibi[oó]|recibieron|sostuvo"
    r"|sostuvieron|reuni[oó]n|encuentro|visita|llamada|videoconferencia|conversaci[oó]n|cumbre)\b"
)

# A meeting of a standing body ("la tercera reunión del Diálogo Económico de Alto Nivel").
COMMITTEE = (
    r"\breuni[oó]n\s+(?:\w+\s+){0,2}?del\s+(?:Di[aá]logo|Comit[eé]|Grupo|Consejo|Mecanismo)\b"
    r"|\b(?:Di[aá]logo|Comit[eé]|Grupo|Consejo|Mecanismo)\s+[^.]{0,60}?\bse\s+reuni[oó]\b"
    r"|\bse\s+reuni[oó]\s+(?:\w+\s+){0,4}?el\s+(?:Di[aá]logo|Comit[eé]|Grupo|Consejo|Mecanismo)\b"
)

# A sentence about a later occasion ("acordaron celebrar en octubre el Diálogo … en Washington").
FUTURE = (
    r"\b(?:celebrar|realizar|sostener|llevar\s+a\s+cabo|reunirse|se\s+reunir[aá]n?"
    r"|tendr[aá]\s+lugar|visitar[aá]|viajar[aá]|pr[oó]xim[oa]s?)\b"
)

# Titles a quotation's attribution uses for an official the text titled otherwise ("señaló la
# mandataria" for "la presidenta Claudia Sheinbaum"; "la canciller" for the foreign secretary).
SPEAKER_TITLES = {
    "presidente": ["presidente"], "presidenta": ["presidenta"],
    "mandatario": ["presidente", "primer ministro"],
    "mandataria": ["presidenta", "primera ministra"],
    "canciller": ["canciller", "secretario de relaciones exteriores",
                  "secretaria de relaciones exteriores", "ministro de relaciones exteriores",
                  "ministra de relaciones exteriores"],
    "secretario": ["secretario"], "secretaria": ["secretaria"],
    "subsecretario": ["subsecretario"], "subsecretaria": ["subsecretaria"],
    "embajador": ["embajador"], "embajadora": ["embajadora"],
    "ministro": ["ministro", "primer ministro"], "ministra": ["ministra", "primera ministra"],
    "primer": ["primer ministro"], "primera": ["primera ministra"],
    "asesor": ["asesor"], "asesora": ["asesora"], "fiscal": ["fiscal"],
    "gobernador": ["gobernador"], "gobernadora": ["gobernadora"],
}  # fmt: skip

# Titles of heads of state and government ("presidente de la República de Guatemala"), not of
# a body's chair ("presidente de la Comisión", "presidenta municipal").
HEADS_OF_STATE = (
    r"^(?:(?!vice).)*\b(?:presidente|presidenta|primer\s+ministro|primera\s+ministra)\b"
    r"(?!\s+(?:(?:de|del)\s+(?:la\s+|los\s+)?)?(?:comisi[oó]n|comit[eé]|consejo|banco|senado"
    r"|c[aá]mara|municipal|suprema|corte|mesa|junta|partido|instituto))"
)
