"""Demo content for IBIS Hub: published practices and a moderation queue.

Plain data, no logic. The practices named in the seed pages (UN Migration Network
Hub topic pages, GFMD Call to Local Action pledges and the old UNAOC/IOM "IBIS"
site) are rewritten here in our own words and stay faithful to the facts those
pages give; details beyond the seeds are drawn from the organisations' public
pages where possible and are otherwise illustrative. The last entries of
PRACTICES (adaptations in Auckland, Sabadell and Sherbrooke) and all of QUEUE
are invented demo submissions and do not describe real projects.

Shape of every entry: see the keys of the first dict. Dates are strings
("YYYY-MM" for periods, "YYYY-MM-DD" for submission dates); vocabulary values
are slugs of the controlled lists; "adapted_from" is None or the exact title of
another entry of PRACTICES; exactly one practice is featured.
"""

PRACTICES = [
    # ------------------------------------------------------------------ Montréal
    {
        "title": "Montréal Inclusive at Work 2022–2024: “Biais d’Entrée”, a City-Led Podcast on Welcoming Migrants and Refugees in the Workplace",
        "summary": (
            "Under its Montréal Inclusive at Work 2022–2024 initiative, first pledged to the GFMD Call to Local Action "
            "in 2022, the City of Montréal produced “Biais d’Entrée” (Entry Bias), a podcast that helps local companies "
            "design better ways of welcoming migrant and refugee workers and build more diverse, inclusive workplaces."
        ),
        "background": (
            "Many newcomers to Montréal arrive with qualifications and work experience, yet still meet closed doors: "
            "credentials that are not recognised, recruiters’ unconscious bias and workplaces that do not know how to "
            "onboard colleagues from other backgrounds. Montréal Inclusive at Work (*Montréal inclusive au travail*) was "
            "the city’s 2022–2024 answer, carried by its office for the integration of newcomers (BINAM) and pledged to "
            "the Call to Local Action for Migrants and Refugees in 2022.\n\n"
            "The podcast deepened that commitment. Its objective is to reach employers where they already look for "
            "information — short audio episodes they can follow on the move — and to give them practical, locally "
            "grounded strategies for recruiting, welcoming and retaining migrant and refugee employees."
        ),
        "activities": (
            "- Production of a podcast series, “Biais d’Entrée” (Entry Bias), aimed at Montréal businesses.\n"
            "- Conversations with employers, human-resources professionals and workers with a migration background about "
            "what helped — or hindered — hiring and integration.\n"
            "- Practical segments on recruitment bias, recognition of experience gained abroad, onboarding and team inclusion.\n"
            "- Promotion of the episodes through the city’s business networks and the other activities of Montréal "
            "Inclusive at Work."
        ),
        "participants": (
            "Montréal employers, managers and human-resources staff are the primary audience. Migrant and refugee workers "
            "benefit through fairer recruitment and better onboarding; some of them take part as guests and share their "
            "own experience."
        ),
        "outcomes": (
            "The series gave the city a low-cost, reusable tool for its outreach to employers and extended the reach of "
            "Montréal Inclusive at Work beyond workshops and events. The episodes remain available after the end of the "
            "2022–2024 cycle and serve as conversation starters in employer sessions."
        ),
        "evaluation": (
            "Listening figures were followed by the city. No independent evaluation of the podcast’s effect on hiring "
            "practices has been published."
        ),
        "recommendations": (
            "Pair audio content with a concrete next step for employers — a workshop, a checklist, a contact person — so "
            "that awareness turns into changed practice. Invite employers who have already changed their practices to "
            "speak: peers persuade better than public authorities."
        ),
        "lessons_learned": (
            "Employers respond better to stories from other employers than to general messages about diversity. A "
            "podcast fits busy managers’ schedules, but it reaches people already curious about inclusion more easily "
            "than sceptical ones."
        ),
        "challenges": (
            "Measuring whether listening leads to changes in recruitment is difficult. Keeping a regular production "
            "schedule within a municipal team requires dedicated time and budget."
        ),
        "organisation": {"name": "City of Montréal", "sector": "local-government"},
        "partners": [],
        "places": [{"name": "Montréal", "country": "CA", "kind": "city"}],
        "start": "2022-01",
        "end": "2024-12",
        "implementation_status": "completed",
        "target_groups": ["labour-migrants", "refugees", "professionals"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "employment",
            "discrimination-and-xenophobia",
            "connectivity-and-migration",
            "anti-discrimination",
            "media-and-diversity",
            "cities-and-local-governments",
        ],
        "dimensions": ["socio-economic"],
        "gcm_objectives": [6, 16, 17, 18],
        "tags": ["podcast", "employers", "inclusive-hiring", "unconscious-bias"],
        "links": [
            {
                "title": "Montréal inclusive au travail (Ville de Montréal)",
                "url": "https://montreal.ca/articles/montreal-inclusive-au-travail",
            },
        ],
        "elsewhere": [
            {
                "site": "GFMD Call to Local Action",
                "url": "https://migrationnetwork.un.org/pledge/montreal-inclusive-au-travail-2022-2024-montreal-inclusive-work-initiative",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2023-11-14",
        "featured": False,
    },
    # ------------------------------------------------------------------ Maipú (es)
    {
        "title": "Fortalecimiento de la capacidad de gobernanza de Maipú para la inclusión social de personas migrantes y refugiadas",
        "summary": (
            "La Municipalidad de Maipú (Región Metropolitana de Santiago, Chile) se comprometió a reforzar su capacidad "
            "local para gobernar la migración y el desplazamiento forzado, de forma que favorezca la inclusión social y "
            "la convivencia pacífica entre las familias migrantes y refugiadas y el resto de la comunidad."
        ),
        "background": (
            "Maipú es una de las comunas más pobladas de Chile y en la última década ha recibido a un número creciente "
            "de familias llegadas de Venezuela, Perú, Haití y Colombia. Los servicios municipales no se adaptaron al mismo "
            "ritmo, y en algunos barrios aparecieron tensiones vecinales y episodios de discriminación.\n\n"
            "El compromiso, presentado al Llamado a la Acción Local del Mecanismo de Alcaldes del FMMD, busca que el "
            "municipio deje de responder caso a caso y cuente con equipos, procedimientos y alianzas estables, para que "
            "la migración forme parte de la gestión local ordinaria."
        ),
        "activities": (
            "- Formación del personal municipal de atención al público, salud, educación y seguridad en los derechos de "
            "las personas migrantes y en una atención libre de discriminación.\n"
            "- Un punto de orientación municipal sobre regularización, acceso a servicios y empleo.\n"
            "- Mesas de convivencia barrial con juntas de vecinos, organizaciones migrantes y comunidades de fe.\n"
            "- Actividades culturales y deportivas que reúnen a familias chilenas y extranjeras.\n"
            "- Registro sistemático de la población migrante atendida para orientar la planificación comunal."
        ),
        "participants": (
            "Personas y familias migrantes y refugiadas residentes en la comuna, vecinas y vecinos de los barrios con "
            "mayor presencia migrante, funcionarios municipales y organizaciones sociales locales."
        ),
        "outcomes": (
            "El municipio dispone de una hoja de ruta y de personal capacitado para atender a la población migrante. Las "
            "mesas barriales se han convertido en un espacio estable para tratar los conflictos de convivencia antes de "
            "que escalen."
        ),
        "evaluation": "",
        "recommendations": (
            "Anclar el trabajo en una unidad municipal con presupuesto propio y no solo en proyectos con financiamiento "
            "externo. Incluir desde el inicio a las organizaciones migrantes en la planificación."
        ),
        "lessons_learned": (
            "La convivencia mejora cuando los vecinos se conocen en actividades concretas, y no solo a través de "
            "campañas. La formación del personal de primera línea es la medida con efecto más inmediato."
        ),
        "challenges": (
            "Gran demanda de orientación sobre regularización, que depende de decisiones nacionales. Rotación del "
            "personal capacitado y recursos municipales limitados."
        ),
        "organisation": {"name": "Municipalidad de Maipú", "sector": "local-government"},
        "partners": [],
        "places": [{"name": "Maipú", "country": "CL", "kind": "city"}],
        "start": "2023-03",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["refugees", "labour-migrants", "families", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "anecdotal",
        "themes": [
            "governance",
            "cities-and-local-governments",
            "community-building",
            "policy-on-migration-and-integration",
            "discrimination-and-xenophobia",
            "connectivity-and-migration",
        ],
        "dimensions": ["legal-and-political", "socio-economic"],
        "gcm_objectives": [15, 16, 17],
        "tags": ["gobernanza-local", "convivencia", "mesas-barriales"],
        "links": [{"title": "Municipalidad de Maipú", "url": "https://www.maipu.cl"}],
        "elsewhere": [
            {
                "site": "GFMD Call to Local Action",
                "url": "https://migrationnetwork.un.org/pledge/strengthening-maipus-governance-capacity-promote-social-inclusion-migrants-and-refugees",
            },
        ],
        "adapted_from": None,
        "language": "es",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2023-09-05",
        "featured": False,
    },
    # ------------------------------------------------------------------ Dallas
    {
        "title": "City of Dallas Community Ambassador Program: Bringing Municipal Information to Linguistically Diverse Neighbourhoods",
        "summary": (
            "Rooted in the Welcoming Dallas Strategic Plan, the City of Dallas works with local non-profits to recruit "
            "immigrant residents as community ambassadors. They go into neighbourhoods that host many migrants and "
            "refugees, raise awareness of municipal services in residents’ own languages and improve communication "
            "between the city and its residents."
        ),
        "background": (
            "About one in four Dallas residents was born abroad, and many speak a language other than English at home. "
            "City information often failed to reach them: notices in English only, unfamiliar procedures and, for some, "
            "fear of any contact with government. The Office of Welcoming Communities and Immigrant Affairs, created in "
            "2017, and the Welcoming Dallas Strategic Plan adopted in 2018 made language access and trust priorities.\n\n"
            "The Community Ambassador Program turns those priorities into a person-to-person channel. Its objectives are "
            "to raise awareness of municipal services in linguistically diverse communities and to improve two-way "
            "communication between the city and the people it serves."
        ),
        "activities": (
            "- Recruitment, together with partner non-profits, of immigrant residents who speak community languages and "
            "are trusted in their neighbourhoods.\n"
            "- Training of ambassadors on city services such as 311, libraries, public safety, housing and utility "
            "assistance, and citizenship resources.\n"
            "- Door-to-door outreach and information tables at markets, schools, places of worship and community events.\n"
            "- Collection of residents’ questions and concerns, reported back to city departments.\n"
            "- Support for city campaigns such as Welcoming Week and citizenship workshops."
        ),
        "participants": (
            "Immigrant and refugee residents serving as ambassadors; residents with limited English in neighbourhoods "
            "hosting many newcomers; city departments and local non-profit partners."
        ),
        "outcomes": (
            "The city reaches residents it used to miss and hears about problems earlier. Ambassadors themselves gain "
            "civic experience, skills and networks."
        ),
        "evaluation": (
            "The Office of Welcoming Communities and Immigrant Affairs tracks contacts made, languages used and issues "
            "referred. No independent evaluation has been published."
        ),
        "recommendations": (
            "Recruit ambassadors through organisations that communities already trust, compensate them fairly for their "
            "time, and make sure departments answer the questions ambassadors bring back — otherwise trust erodes quickly."
        ),
        "lessons_learned": (
            "Information travels further through neighbours than through leaflets. The programme works best when "
            "ambassadors are treated as partners with feedback to give, not only as messengers."
        ),
        "challenges": (
            "Keeping training up to date as services change, retaining ambassadors over time, and reassuring residents "
            "who worry about immigration enforcement."
        ),
        "organisation": {
            "name": "City of Dallas – Office of Welcoming Communities and Immigrant Affairs",
            "sector": "local-government",
        },
        "partners": [],
        "places": [{"name": "Dallas", "country": "US", "kind": "city"}],
        "start": "2021-09",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["labour-migrants", "refugees", "families", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "co-designed",
        "evidence": "monitored",
        "themes": [
            "equal-access",
            "intercultural-outreach",
            "mediation-and-interpretation",
            "community-building",
            "cities-and-local-governments",
            "discrimination-and-xenophobia",
        ],
        "dimensions": ["socio-economic", "legal-and-political"],
        "gcm_objectives": [3, 15, 16],
        "tags": ["community-ambassadors", "language-access", "outreach", "welcoming-plan"],
        "links": [
            {
                "title": "Office of Welcoming Communities and Immigrant Affairs – What We Do",
                "url": "https://dallascityhall.com/departments/wcia/Pages/What-We-Do.aspx",
            },
            {
                "title": "Welcoming Dallas (National Civic League, promising practices)",
                "url": "https://www.nationalcivicleague.org/promising-practices/welcoming-dallas-dallas-tx",
            },
        ],
        "elsewhere": [
            {
                "site": "GFMD Call to Local Action",
                "url": "https://migrationnetwork.un.org/pledge/city-dallas-community-ambassador-program",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2023-06-20",
        "featured": False,
    },
    # ------------------------------------------------------------------ Australia
    {
        "title": "Towards a National Anti-Racism Framework for Australia",
        "summary": (
            "The Australian Human Rights Commission launched a process to develop a National Anti-Racism Framework: a "
            "long-term, central reference point to guide anti-racism action by government, NGOs, business, educators, "
            "health professionals, police and other justice authorities, civil society and the community."
        ),
        "background": (
            "Australia has anti-discrimination laws and many local programmes, but no single national plan that ties "
            "them together. Community reports and surveys, including during the COVID-19 pandemic, showed persistent "
            "racism against First Nations people, migrants, refugees and other racialised communities.\n\n"
            "The Commission proposed a national framework to fill that gap. Its aim is to give every sector a common "
            "understanding of racism, shared goals and measures, so that efforts reinforce each other instead of running "
            "in parallel."
        ),
        "activities": (
            "- A concept paper setting out possible principles and the structure of the framework.\n"
            "- Nationwide consultations with community organisations, First Nations groups, multicultural and faith "
            "communities, businesses, unions and government agencies.\n"
            "- Targeted engagement with the sectors named in the framework: education, health, policing and justice, "
            "media and employers.\n"
            "- Recommendations, indicators and a roadmap for implementation by the Australian Government and other actors."
        ),
        "participants": (
            "Government agencies at all levels, non-governmental organisations, businesses, educators, health "
            "professionals, police and justice authorities, and communities affected by racism, including migrants and "
            "refugees."
        ),
        "outcomes": (
            "The consultations produced a broad picture of how racism is experienced across sectors. In late 2024 the "
            "Commission released its recommended framework and roadmap, now a reference for governments and "
            "organisations preparing their own anti-racism plans."
        ),
        "evaluation": (
            "Consultation input was documented in the Commission’s published reports. Implementation indicators are "
            "proposed but not yet monitored."
        ),
        "recommendations": (
            "Involve affected communities from the start and keep First Nations perspectives central. A framework needs "
            "resources and a clear owner in government to move from paper to practice."
        ),
        "lessons_learned": (
            "A shared framework helps very different sectors talk about racism with the same vocabulary. Consultations "
            "raise expectations that must be met with visible follow-up."
        ),
        "challenges": (
            "Securing government commitment and funding for implementation; doing justice both to the specific "
            "experience of First Nations peoples and to that of migrant and refugee communities; keeping momentum over a "
            "long process."
        ),
        "organisation": {"name": "Australian Human Rights Commission", "sector": "national-government"},
        "partners": [],
        "places": [{"name": "Australia", "country": "AU", "kind": "country"}],
        "start": "2021-03",
        "end": "2024-11",
        "implementation_status": "completed",
        "target_groups": ["refugees", "labour-migrants", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "anti-discrimination",
            "discrimination-and-xenophobia",
            "human-rights-and-law",
            "policy-on-migration-and-integration",
            "governance",
        ],
        "dimensions": ["legal-and-political", "cultural"],
        "gcm_objectives": [16, 17],
        "tags": ["anti-racism", "national-framework", "consultation"],
        "links": [
            {
                "title": "National Anti-Racism Framework (Australian Human Rights Commission)",
                "url": "https://humanrights.gov.au/our-work/race-discrimination/projects/national-anti-racism-framework",
            },
        ],
        "elsewhere": [
            {
                "site": "UN Migration Network Hub",
                "url": "https://migrationnetwork.un.org/practice/national-anti-racism-strategy",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2022-04-11",
        "featured": False,
    },
    # ------------------------------------------------------------------ IDB lab
    {
        "title": "Citizens Perception Laboratory on Migration: AI and Big Data to Understand and Counter Xenophobia in Latin America and the Caribbean",
        "summary": (
            "The Inter-American Development Bank’s Citizens Perception Laboratory on Migration analyses social-media "
            "interactions, research and other sources with artificial intelligence and big data to show how migration is "
            "perceived in Latin America and the Caribbean, and offers governments information, resources and tools to "
            "respond to xenophobia."
        ),
        "background": (
            "Latin America and the Caribbean host millions of people who have left Venezuela, as well as growing "
            "movements from Haiti, Central America and elsewhere. After a generous first reception, regional polls and "
            "online conversations showed attitudes hardening, with misinformation linking migrants to crime and "
            "unemployment.\n\n"
            "The IDB’s Migration Unit launched the Laboratory in early 2023 to give governments evidence on public "
            "perception and practical ways to act on it — not only to observe xenophobia, but to help design "
            "communication and policies that reduce it."
        ),
        "activities": (
            "- Continuous monitoring of migration-related conversation on social media, with sentiment analysis based on "
            "machine-learning models.\n"
            "- A single online space bringing together regional opinion surveys and research.\n"
            "- Behavioural experiments testing which messages shift attitudes, such as a nine-country video experiment "
            "with around 22,000 respondents carried out by the IDB with UNDP.\n"
            "- Guides and training for governments and journalists on communicating about migration.\n"
            "- Data dashboards and country briefs for policy makers."
        ),
        "participants": (
            "National and local governments of the IDB’s borrowing member countries, their communication teams, "
            "journalists and researchers. Migrants and host communities benefit from a better-informed public debate."
        ),
        "outcomes": (
            "The Laboratory documented a rise in negative sentiment online and identified the recurring narratives behind "
            "it. The video experiment showed that both emotional and informative videos improved attitudes towards "
            "migrants in the short term, giving governments tested material for campaigns."
        ),
        "evaluation": (
            "Message testing uses an experimental design: respondents are randomly shown different videos and surveyed "
            "before and after. The measured effects are short-term; lasting effects were not established."
        ),
        "recommendations": (
            "Combine listening (data) with acting (tested messages); test campaigns before scaling them up; share data "
            "openly with governments, media and civil society."
        ),
        "lessons_learned": (
            "Perceptions are not uniformly hostile: many people support migrants’ access to services while preferring "
            "not to have newcomers close by. Messages work better when they take concrete concerns seriously instead of "
            "denying them."
        ),
        "challenges": (
            "Social-media data over-represent some groups and platforms; models must be adapted to local slang and "
            "several languages; short-lived changes in attitude call for repeated, sustained communication."
        ),
        "organisation": {"name": "Inter-American Development Bank (IDB)", "sector": "international-organisation"},
        "partners": [{"name": "United Nations Development Programme (UNDP)", "sector": "international-organisation"}],
        "places": [
            {"name": "Barbados", "country": "BB", "kind": "country"},
            {"name": "Chile", "country": "CL", "kind": "country"},
            {"name": "Colombia", "country": "CO", "kind": "country"},
            {"name": "Costa Rica", "country": "CR", "kind": "country"},
            {"name": "Dominican Republic", "country": "DO", "kind": "country"},
            {"name": "Ecuador", "country": "EC", "kind": "country"},
            {"name": "Mexico", "country": "MX", "kind": "country"},
            {"name": "Peru", "country": "PE", "kind": "country"},
            {"name": "Trinidad and Tobago", "country": "TT", "kind": "country"},
        ],
        "start": "2023-01",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["host-community", "refugees", "labour-migrants"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "none",
        "evidence": "experimental",
        "themes": [
            "public-perceptions",
            "discrimination-and-xenophobia",
            "connectivity-and-migration",
            "media-and-diversity",
            "policy-on-migration-and-integration",
        ],
        "dimensions": ["cultural", "legal-and-political"],
        "gcm_objectives": [1, 17],
        "tags": ["artificial-intelligence", "big-data", "social-media", "behavioural-experiment"],
        "links": [
            {
                "title": "Laboratorio de Percepción Ciudadana y Migración (IDB blog)",
                "url": "https://blogs.iadb.org/migracion/es/laboratorio-percepcion-ciudadana-migracion-datos-y-recursos-xenofobia-en-america-latina-y-el-caribe/",
            },
        ],
        "elsewhere": [
            {
                "site": "UN Migration Network Hub",
                "url": "https://migrationnetwork.un.org/practice/citizens-perception-laboratory-migration",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Lucía Méndez", "verified": False},
        "submitted": "2023-04-18",
        "featured": False,
    },
    # ------------------------------------------------------------------ Voices of Venezuela
    {
        "title": "Voices of Venezuela: Animated Guides and Stories Bridging Venezuelan Migrants and Host Communities",
        "summary": (
            "Voices of Venezuela works to build understanding between cultures, counter xenophobia and show what "
            "Venezuelan migrants contribute to the communities that receive them. Its animated series “Some Venezuelans "
            "There” explains practical procedures such as applying for visas and residence permits and accessing medical "
            "care and education."
        ),
        "background": (
            "Since the mid-2010s, millions of Venezuelans have settled in other Latin American countries. Many arrive "
            "without clear information on how to regularise their status or enrol their children in school, while host "
            "populations often know them only through negative headlines.\n\n"
            "Voices of Venezuela works on both sides of this gap. For migrants, it turns complex administrative processes "
            "into short, accessible explainers; for host communities, it shares stories of Venezuelans who contribute to "
            "local life, replacing stereotypes with real faces."
        ),
        "activities": (
            "- “Some Venezuelans There”, a series of short animated videos on visas and residence permits, health care "
            "and school enrolment.\n"
            "- Portraits of Venezuelan migrants and of their contributions to host communities.\n"
            "- Distribution through social media and the messaging groups used by Venezuelan communities.\n"
            "- Content designed to be shared by host-community organisations as well as by migrants themselves."
        ),
        "participants": (
            "Venezuelan migrants and refugees, especially recent arrivals; host-community audiences on social media; "
            "organisations that assist migrants and reuse the videos in their own work."
        ),
        "outcomes": (
            "The animated explainers offered a simple, shareable format that organisations could reuse in orientation "
            "sessions. Stories of Venezuelans’ contributions provided positive counter-narratives at a time of rising "
            "hostility online."
        ),
        "evaluation": "",
        "recommendations": (
            "Keep explainers short, visual and updated whenever rules change; have legal content checked by specialised "
            "organisations before publishing."
        ),
        "lessons_learned": (
            "Practical information and positive narratives reinforce each other: a migrant who understands the rules is "
            "better placed to take part in local life and to be seen as a neighbour."
        ),
        "challenges": (
            "Permit rules changed often, so some videos quickly went out of date. Reaching host-community audiences "
            "outside migrant-friendly online spaces was harder than reaching migrants."
        ),
        "organisation": {"name": "Voices of Venezuela", "sector": "migrant-led"},
        "partners": [],
        "places": [
            {"name": "Colombia", "country": "CO", "kind": "country"},
            {"name": "Peru", "country": "PE", "kind": "country"},
            {"name": "Ecuador", "country": "EC", "kind": "country"},
        ],
        "start": "2020-01",
        "end": "2022-06",
        "implementation_status": "completed",
        "target_groups": ["refugees", "labour-migrants", "families", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "migrant-led",
        "evidence": "anecdotal",
        "themes": [
            "discrimination-and-xenophobia",
            "public-perceptions",
            "media-and-diversity",
            "equal-access",
            "refugees-and-asylum-seekers",
        ],
        "dimensions": ["cultural", "legal-and-political"],
        "gcm_objectives": [3, 16, 17],
        "tags": ["animation", "explainer-videos", "counter-narratives", "venezuela"],
        "links": [],
        "elsewhere": [
            {"site": "UN Migration Network Hub", "url": "https://migrationnetwork.un.org/practice/voices-venezuela"},
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Andrés Pacheco", "verified": False},
        "submitted": "2022-08-09",
        "featured": False,
    },
    # ------------------------------------------------------------------ Del otro lado
    {
        "title": "“Del otro lado” (On the Other Side): An Interactive 360° Story of Venezuelan Displacement, Co-Created with Refugees and Migrants in Ecuador",
        "summary": (
            "“Del otro lado” is an interactive narrative based on true stories and co-created with Venezuelan refugees "
            "and migrants in Ecuador. Using 3D and 360-degree imagery, it lets the audience choose between the "
            "experiences displaced people lived through, informing viewers about Venezuelan displacement and the problems "
            "refugees face."
        ),
        "background": (
            "More than half a million Venezuelans have made Ecuador their home, and many more have crossed it on foot. "
            "Public debate often reduces them to numbers or to a threat, and audiences far from the border know little "
            "about the decisions people are forced to make on the road.\n\n"
            "UNHCR and the European Union chose immersion to build empathy: instead of watching a documentary, viewers "
            "follow a young Venezuelan woman, Arianna, and decide at key moments what she should do, discovering the "
            "risks and dilemmas behind each option."
        ),
        "activities": (
            "- Collection of testimonies from dozens of Venezuelan refugees and migrants in Ecuador, who also advised on "
            "the script and scenes.\n"
            "- Production of a fictional but fact-based interactive 360-degree film with three key decision points "
            "leading to different outcomes.\n"
            "- Release in March 2022 for virtual-reality headsets, mobile devices and web browsers.\n"
            "- Screenings and discussions with audiences, schools and partner organisations in Europe and Latin America."
        ),
        "participants": (
            "Venezuelan refugees and migrants in Ecuador, who shaped the stories; general audiences in Europe and Latin "
            "America; students, journalists and decision makers reached through screenings."
        ),
        "outcomes": (
            "The film gave UNHCR and its partners an engaging tool for awareness sessions and media work. Viewers at "
            "screenings said they better understood why people leave Venezuela and what dangers they meet on the way."
        ),
        "evaluation": "Audience reactions were gathered informally at screenings; no systematic evaluation has been published.",
        "recommendations": (
            "Involve people with lived experience at every stage, not only as interviewees. Offer several formats so "
            "that audiences without headsets can still take part."
        ),
        "lessons_learned": (
            "Letting viewers make choices conveys the dilemmas refugees face better than a linear film. Co-creation made "
            "the story more authentic and earned the trust of those who shared their experience."
        ),
        "challenges": (
            "Immersive production is costly and technically demanding; distribution depends on equipment and on partners "
            "willing to organise screenings; protecting the identity of contributors required a composite, fictional "
            "main character."
        ),
        "organisation": {"name": "UNHCR, the UN Refugee Agency", "sector": "international-organisation"},
        "partners": [
            {
                "name": "European Union – European Civil Protection and Humanitarian Aid Operations (ECHO)",
                "sector": "international-organisation",
            }
        ],
        "places": [{"name": "Ecuador", "country": "EC", "kind": "country"}],
        "start": "2021-04",
        "end": "2022-03",
        "implementation_status": "completed",
        "target_groups": ["refugees", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "co-designed",
        "evidence": "anecdotal",
        "themes": [
            "discrimination-and-xenophobia",
            "public-perceptions",
            "refugees-and-asylum-seekers",
            "media-and-diversity",
            "culture-and-diversity",
        ],
        "dimensions": ["cultural"],
        "gcm_objectives": [17],
        "tags": ["virtual-reality", "360-video", "interactive-storytelling", "empathy"],
        "links": [
            {
                "title": "UNHCR and the European Union released an interactive film on the migration of Venezuelans to Ecuador (Infobae)",
                "url": "https://infobae.com/en/2022/03/24/unhcr-and-the-european-union-released-an-interactive-film-on-the-migration-of-venezuelans-to-ecuador",
            },
        ],
        "elsewhere": [
            {
                "site": "UN Migration Network Hub",
                "url": "https://migrationnetwork.un.org/practice/del-otro-lado-other-side",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Valentina Cordero", "verified": False},
        "submitted": "2022-06-02",
        "featured": False,
    },
    # ------------------------------------------------------------------ EMM5
    {
        "title": "EUROMED Migration V (EMM5): Training Journalists and Public Communicators for a Balanced Narrative on Migration",
        "summary": (
            "Within the EU-funded EUROMED Migration V project, journalists and media professionals are trained on the "
            "benefits of a balanced narrative on migration, and Public Communicators’ Workshops show government "
            "communicators their central role in informing public debate and shaping how people perceive migration."
        ),
        "background": (
            "EUROMED Migration is a long-running, EU-funded programme of dialogue and cooperation on migration between "
            "the European Union and its Southern Neighbourhood partners, implemented by the International Centre for "
            "Migration Policy Development (ICMPD). Its fifth phase paid special attention to migration narratives, "
            "recognising that polarised coverage and official messaging shape policy as much as data do.\n\n"
            "The objective of this strand is to equip the people who frame public conversation — journalists and public "
            "communicators — with facts, skills and networks to communicate on migration accurately and without feeding "
            "fear."
        ),
        "activities": (
            "- Regional and national trainings for journalists and media professionals on balanced, evidence-based "
            "reporting on migration.\n"
            "- Public Communicators’ Workshops for spokespeople and communication officers of ministries and public bodies.\n"
            "- Peer exchanges between communicators from EU Member States and Southern Mediterranean partner countries.\n"
            "- Guidance on narrative-based communication on migration."
        ),
        "participants": (
            "Journalists, editors and journalism trainers; communication officers of governments and public "
            "institutions in EU Member States and Southern Mediterranean partner countries."
        ),
        "outcomes": (
            "Participants built networks across the region and gained practical tools for communicating on migration. "
            "Public communicators came to see their messages as a factor shaping public attitudes, not only as a way of "
            "announcing policy."
        ),
        "evaluation": "Trainings were followed through participant feedback and the project’s reporting to the EU.",
        "recommendations": (
            "Train communicators and journalists separately but bring them together at key moments; ground messages in "
            "local values and concerns rather than in abstract numbers."
        ),
        "lessons_learned": (
            "Public communicators are an overlooked audience: they often lack migration expertise yet speak for the "
            "state. Participants value peer learning across countries highly."
        ),
        "challenges": (
            "High turnover among government communication staff; different media freedoms and editorial cultures across "
            "the region; difficulty in measuring changes in coverage."
        ),
        "organisation": {
            "name": "International Centre for Migration Policy Development (ICMPD)",
            "sector": "international-organisation",
        },
        "partners": [{"name": "European Union", "sector": "international-organisation"}],
        "places": [
            {"name": "Morocco", "country": "MA", "kind": "country"},
            {"name": "Tunisia", "country": "TN", "kind": "country"},
            {"name": "Egypt", "country": "EG", "kind": "country"},
            {"name": "Jordan", "country": "JO", "kind": "country"},
            {"name": "Lebanon", "country": "LB", "kind": "country"},
        ],
        "start": "2019-01",
        "end": "2023-06",
        "implementation_status": "completed",
        "target_groups": ["professionals", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "none",
        "evidence": "monitored",
        "themes": [
            "media-and-diversity",
            "public-perceptions",
            "training",
            "discrimination-and-xenophobia",
            "connectivity-and-migration",
        ],
        "dimensions": ["cultural", "legal-and-political"],
        "gcm_objectives": [17, 23],
        "tags": ["journalists", "public-communicators", "narratives", "mediterranean"],
        "links": [
            {
                "title": "EUROMED Migration V (ICMPD)",
                "url": "https://www.icmpd.org/our-work/projects/euromed-migration-v-emm5",
            },
        ],
        "elsewhere": [
            {
                "site": "UN Migration Network Hub",
                "url": "https://migrationnetwork.un.org/practice/euromed-migration-v-emm5",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Nadia Benali", "verified": False},
        "submitted": "2022-05-17",
        "featured": False,
    },
    # ------------------------------------------------------------------ #TuCausaEsMiCausa
    {
        "title": "#TuCausaEsMiCausa: A Campaign for Solidarity between Peruvians and Venezuelan Refugees and Migrants",
        "summary": (
            "Coordinated in Peru by IOM and UNHCR, the #TuCausaEsMiCausa (Your Cause Is My Cause) campaign involves "
            "civil society and the private sector and aims to increase Peruvian society’s solidarity with Venezuelan "
            "immigrants through social media, community workshops and street theatre."
        ),
        "background": (
            "Peru became one of the main destinations for Venezuelans leaving their country: by 2018 hundreds of "
            "thousands had arrived, and more than a thousand were entering every day. Hospitality was widespread, but "
            "discrimination was growing: a 2018 survey in Lima, Tumbes and Tacna found that one in ten residents had "
            "witnessed discrimination against Venezuelans.\n\n"
            "The campaign was launched in October 2018 to strengthen solidarity, promote integration and reduce "
            "xenophobia by highlighting what Peruvians and Venezuelans share in everyday life."
        ),
        "activities": (
            "- Launch in Lima, with parallel events in the border cities of Tumbes and Tacna.\n"
            "- Social-media content and videos featuring Peruvian and Venezuelan neighbours, workers and entrepreneurs.\n"
            "- Community workshops in districts with many Venezuelan residents.\n"
            "- Street theatre, storytelling for children and cultural fairs in public spaces.\n"
            "- Partnerships with companies and civil-society organisations that lend their channels and spaces to the "
            "campaign."
        ),
        "participants": (
            "Peruvian host communities, Venezuelan refugees and migrants, municipalities, civil-society organisations, "
            "private companies and volunteers."
        ),
        "outcomes": (
            "The campaign became a recognisable umbrella for integration activities in Peru and kept running for years "
            "after its launch, with activities such as storytelling mornings in municipal parks and support to community "
            "kitchens serving Peruvian and Venezuelan families."
        ),
        "evaluation": (
            "Baseline perception data came from a survey by IPSOS supported by UNHCR; reach is followed through "
            "social-media metrics and event attendance."
        ),
        "recommendations": (
            "Work with municipalities and local businesses to bring the message into everyday spaces; use humour, "
            "culture and shared experiences rather than statistics alone."
        ),
        "lessons_learned": (
            "Face-to-face activities in neighbourhoods complement online content and reach people who would never follow "
            "a UN account."
        ),
        "challenges": (
            "Xenophobic messages surged during election campaigns and crime-related news cycles; sustaining funding and "
            "attention over several years."
        ),
        "organisation": {
            "name": "International Organization for Migration (IOM) Peru",
            "sector": "international-organisation",
        },
        "partners": [{"name": "UNHCR Peru", "sector": "international-organisation"}],
        "places": [
            {"name": "Lima", "country": "PE", "kind": "city"},
            {"name": "Tumbes", "country": "PE", "kind": "city"},
            {"name": "Tacna", "country": "PE", "kind": "city"},
        ],
        "start": "2018-10",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["refugees", "labour-migrants", "host-community", "children-and-youth"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "discrimination-and-xenophobia",
            "public-perceptions",
            "community-building",
            "intercultural-outreach",
            "culture-and-diversity",
        ],
        "dimensions": ["cultural"],
        "gcm_objectives": [16, 17],
        "tags": ["campaign", "street-theatre", "social-media", "solidarity"],
        "links": [{"title": "Tu Causa Es Mi Causa", "url": "https://tucausaesmicausa.pe"}],
        "elsewhere": [
            {
                "site": "UN Migration Network Hub",
                "url": "https://migrationnetwork.un.org/practice/tucausaesmicausa-campaign",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Rosa Quispe", "verified": False},
        "submitted": "2022-03-28",
        "featured": False,
    },
    # ------------------------------------------------------------------ PA'LANTE (featured)
    {
        "title": "PA’LANTE: A Comprehensive Route for the Socio-economic, Cultural and Urban Integration of Migrant and Refugee Families in Barranquilla",
        "summary": (
            "From June 2023 to December 2024, the District of Barranquilla (Colombia) implemented PA’LANTE, a "
            "comprehensive service route that supported 500 migrant and refugee families. It combined documentation, "
            "health, employment, entrepreneurship, cultural and neighbourhood actions in settlements with many Venezuelan "
            "residents, and measured progress with a Migrant Integration Index."
        ),
        "background": (
            "Barranquilla is one of the Colombian cities with the largest Venezuelan population — about 150,000 people, "
            "more than a tenth of its residents. Many live in informal settlements on the city’s edges, where migrants, "
            "Colombian returnees and vulnerable host families share the same lack of services, jobs and public space.\n\n"
            "PA’LANTE (Caribbean Spanish for “para adelante”, forward) was designed to move beyond emergency aid. Its "
            "objective was to accompany each family along a complete integration route — documents and services, "
            "income, culture and neighbourhood — so that 70 % of participating families would reach a high level of "
            "integration."
        ),
        "activities": (
            "- Outreach and enrolment of families, starting in the Bendición de Dios settlement and extending to "
            "Ciudadela de Paz and La Loma.\n"
            "- “Intégrate Más Cerca” service days that bring municipal and partner services into the neighbourhood, "
            "including registration in Sisbén, the database that gives access to Colombia’s social programmes.\n"
            "- Sexual and reproductive health services and health promotion.\n"
            "- Employment and entrepreneurship training, links with partner companies and an entrepreneurs’ fair.\n"
            "- Cultural and community activities that strengthen ties between migrant and Colombian neighbours.\n"
            "- Small improvements to shared urban spaces, chosen with residents."
        ),
        "participants": (
            "500 migrant and refugee families, together with Colombian returnees and host families living in the same "
            "neighbourhoods; the District’s migration advisory office and its Centro Intégrate; international "
            "cooperation and private-sector partners."
        ),
        "outcomes": (
            "In 2023 alone, more than 730 people were served at neighbourhood service days, more than 380 were "
            "registered in Sisbén, over 530 entrepreneurs received business training and 17 people were hired by "
            "partner companies. The city now has a tested model that combines services, income and neighbourhood "
            "improvement in a single route."
        ),
        "evaluation": (
            "Progress was monitored with a Migrant Integration Index applied to participating families on entry and "
            "during implementation, complemented by the families’ own perceptions. Final index results had not been "
            "published at the time of writing."
        ),
        "recommendations": (
            "Work at neighbourhood scale so that services, jobs and public-space improvements reinforce one another; "
            "include host and returnee families so the project is seen to benefit the whole community; define how "
            "integration will be measured from the start."
        ),
        "lessons_learned": (
            "Families progress faster when documents come first: registration in Sisbén opens the door to health, "
            "education and social programmes. Employment results take longer than training results and need employers "
            "on board early."
        ),
        "challenges": (
            "Families move often between neighbourhoods and cities; informal land tenure limits urban improvements; "
            "continuity after 2024 depends on international cooperation funding."
        ),
        "organisation": {"name": "Alcaldía Distrital de Barranquilla", "sector": "local-government"},
        "partners": [{"name": "Conrad N. Hilton Foundation", "sector": "civil-society"}],
        "places": [{"name": "Barranquilla", "country": "CO", "kind": "city"}],
        "start": "2023-06",
        "end": "2024-12",
        "implementation_status": "completed",
        "target_groups": ["families", "refugees", "labour-migrants", "returnees", "host-community"],
        "people_reached": 500,
        "people_reached_unit": "families",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "connectivity-and-migration",
            "employment",
            "entrepreneurship",
            "community-building",
            "health",
            "urban-planning",
            "cities-and-local-governments",
        ],
        "dimensions": ["socio-economic", "cultural"],
        "gcm_objectives": [15, 16, 18],
        "tags": ["integration-route", "integration-index", "neighbourhood-approach", "venezuela"],
        "links": [
            {
                "title": "Pa’ lante, la ruta distrital para la integración de migrantes, retornados y comunidades de acogida",
                "url": "https://barranquilla.gov.co/wordpress/mi-barranquilla/pa-lante-la-ruta-distrital-para-la-integracion-de-migrantes-retornados-y-comunidades-de-acogida",
            },
        ],
        "elsewhere": [
            {
                "site": "GFMD Call to Local Action",
                "url": "https://migrationnetwork.un.org/pledge/palante-comprehensive-approach-achieve-socio-economic-cultural-and-urban-integration-migrant",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2023-08-30",
        "featured": True,
    },
    # ------------------------------------------------------------------ Terrassa
    {
        "title": "Moroccan Dialect (Darija) Classes for Teachers in Terrassa: Language, Intercultural and Anti-Racist Skills for Schools",
        "summary": (
            "As part of an anti-racist and intercultural education strategy, the City of Terrassa (Catalonia, Spain) "
            "offers primary and secondary teachers introductory courses in Moroccan Arabic (Darija) and Moroccan "
            "culture, so that they can communicate better with pupils of Moroccan origin and their families."
        ),
        "background": (
            "People of Moroccan origin are Terrassa’s largest foreign population — 6.13 % of the city’s inhabitants, and "
            "up to 40 % in some neighbourhoods. In the schools of those neighbourhoods, teachers and families often lack "
            "a common language, and misunderstandings about culture and religion can turn into distance or prejudice.\n\n"
            "The city committed to an anti-racist, intercultural educational strategy. Teaching teachers some basic "
            "Darija, together with cultural context, is a small but meaningful step: it signals respect for families’ "
            "languages and helps build trust in everyday school life."
        ),
        "activities": (
            "- A pilot course with a small group of teachers at a secondary school (Institut Copèrnic).\n"
            "- A 20-hour course, “Introduction to Darija and to an intercultural perspective in schools”, taught by "
            "professional trainers.\n"
            "- Basic conversation for school situations: greetings, meetings with parents, health and attendance issues.\n"
            "- Sessions on religious diversity, migration paths and anti-racist practice in the classroom.\n"
            "- The course is offered through the regional teachers’ resource centre and is open to staff from "
            "neighbouring municipalities."
        ),
        "participants": (
            "Pre-school, primary and secondary teachers, mainly from Terrassa; indirectly, pupils of Moroccan origin and "
            "their families."
        ),
        "outcomes": (
            "Demand exceeded expectations: the first full edition had to be split into two groups, with 41 teachers from "
            "Terrassa and nearby towns such as Sabadell, Rubí, Sant Cugat del Vallès, Viladecavalls and Montcada i "
            "Reixac. Teachers report easier first contacts with families and more confidence in handling cultural "
            "questions."
        ),
        "evaluation": (
            "Attendance and participant satisfaction were recorded by the city’s citizenship service; effects on pupils "
            "and families have not been measured."
        ),
        "recommendations": (
            "Keep the language component practical and tied to school situations; combine it with anti-racist training "
            "so that it does not reinforce stereotypes; involve staff and families of Moroccan origin as trainers or "
            "guests."
        ),
        "lessons_learned": (
            "Even a few words in a family’s language change the tone of a parent–teacher meeting. A short pilot made it "
            "possible to adjust the course before opening it widely."
        ),
        "challenges": (
            "Teachers’ limited time for training; the variety of languages among Moroccan families, many of whom speak "
            "Amazigh rather than Darija; continuity beyond an introductory level."
        ),
        "organisation": {"name": "Ajuntament de Terrassa", "sector": "local-government"},
        "partners": [],
        "places": [{"name": "Terrassa", "country": "ES", "kind": "city"}],
        "start": "2022-09",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["children-and-youth", "families", "host-community"],
        "people_reached": 41,
        "people_reached_unit": "teachers",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "connectivity-and-migration",
            "education",
            "training",
            "intercultural-outreach",
            "anti-discrimination",
            "culture-and-diversity",
        ],
        "dimensions": ["cultural"],
        "gcm_objectives": [16, 17],
        "tags": ["darija", "teacher-training", "schools", "language-learning"],
        "links": [{"title": "Ajuntament de Terrassa", "url": "https://www.terrassa.cat"}],
        "elsewhere": [
            {
                "site": "GFMD Call to Local Action",
                "url": "https://migrationnetwork.un.org/pledge/moroccan-dialect-classes-terrassa-spain-equipping-teachers-language-intercultural-and-anti",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2023-10-03",
        "featured": False,
    },
    # ------------------------------------------------------------------ A Global Voice for Autism
    {
        "title": "Include2020: A Global Voice for Autism’s Offline App Supporting Refugee and Conflict-Affected Families of Children with Autism",
        "summary": (
            "A Global Voice for Autism equips refugee and conflict-affected communities with the skills to support the "
            "development and success of children on the autism spectrum. Its Include2020 app is a virtual centre for "
            "educators, researchers, learners and inclusion professionals, with content usable offline in English and "
            "Arabic. By 2021 the organisation had served more than 16,000 children, parents and teachers."
        ),
        "background": (
            "In many conflict-affected and displaced communities, children with autism are kept out of school and hidden "
            "at home because of stigma and a lack of specialised services. When schools moved online during the "
            "COVID-19 pandemic, these children were among the first left behind, and families with poor internet access "
            "could not follow remote learning.\n\n"
            "A Global Voice for Autism, founded in 2012, trains parents and teachers in evidence-based practices. "
            "Include2020 was created to extend that support beyond its physical sites: content is downloaded once and "
            "can then be used without a connection."
        ),
        "activities": (
            "- Development of the Include2020 app, with sections for caregivers, siblings and children covering "
            "independent-living, academic and communication skills.\n"
            "- Arabic- and English-language content produced by teachers trained in inclusive education, including "
            "refugee teachers whose qualifications were not recognised locally.\n"
            "- Parent training cooperatives, parent and sibling support groups and teacher training in partner "
            "communities.\n"
            "- Advocacy for the inclusion of children with autism in schools and community life."
        ),
        "participants": (
            "Children on the autism spectrum and their families in refugee and conflict-affected communities, notably in "
            "the Middle East; teachers, educators and inclusion professionals; refugee teachers working as content "
            "creators."
        ),
        "outcomes": (
            "By 2021 the organisation’s capacity-building and advocacy programme had served more than 16,000 children, "
            "parents and teachers around the world. Include2020 brought learning materials to families without stable "
            "internet access and created paid work for refugee educators."
        ),
        "evaluation": (
            "The organisation counts the people it serves and collects caregivers’ feedback on children’s progress; no "
            "independent evaluation of the app is available."
        ),
        "recommendations": (
            "Design for offline use and low-cost smartphones from the start; employ members of the affected community "
            "to create content in their own language."
        ),
        "lessons_learned": (
            "Refugee teachers are a resource, not only a target group. Caregivers need support for their own well-being "
            "as well as skills for their children."
        ),
        "challenges": (
            "Stigma around autism; scarce diagnostic services in displacement settings; funding for content updates and "
            "translation."
        ),
        "organisation": {"name": "A Global Voice for Autism", "sector": "civil-society"},
        "partners": [],
        "places": [
            {"name": "Ramallah", "country": "PS", "kind": "city"},
            {"name": "Mersin", "country": "TR", "kind": "city"},
        ],
        "start": "2020-06",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["refugees", "children-and-youth", "families"],
        "people_reached": 16000,
        "people_reached_unit": "children, parents and teachers",
        "migrant_participation": "co-designed",
        "evidence": "monitored",
        "themes": [
            "connectivity-and-migration",
            "education",
            "health",
            "equal-access",
            "refugees-and-asylum-seekers",
            "training",
        ],
        "dimensions": ["socio-economic", "cultural"],
        "gcm_objectives": [15, 16],
        "tags": ["autism", "disability-inclusion", "offline-learning", "mobile-app", "arabic"],
        "links": [
            {
                "title": "Include2020 (OpenIDEO, Reimagine Learning Challenge)",
                "url": "https://challenges.openideo.com/challenge/covid-reimagine-learning-challenge/ideas/include2020",
            },
        ],
        "elsewhere": [
            {
                "site": "UN Migration Network Hub",
                "url": "https://migrationnetwork.un.org/practice/global-voice-autism-include2020",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2022-02-15",
        "featured": False,
    },
    # ------------------------------------------------------------------ Let's Talk Migration
    {
        "title": "Let’s Talk Migration (@letstalkmigration): Young People Changing Migration Narratives on Instagram and TikTok",
        "summary": (
            "@letstalkmigration is a growing Instagram community of around 1,800 young members who share tools and tips "
            "for changing the often negative narratives on migration in their communities. Alongside it, the TikTok "
            "campaign “Everybody knows something that you don’t know”, launched by the Migration Youth and Children "
            "Platform, engages young people in discussing complex topics such as migration."
        ),
        "background": (
            "Young people form much of their view of migration on social media, where simplified and hostile narratives "
            "spread fast. Many young migrants and their peers want to answer back but lack confidence, facts or formats "
            "that work online.\n\n"
            "The initiative meets young people on the platforms they already use and gives them material they can adapt, "
            "so that conversations in classrooms, families and groups of friends can move beyond slogans."
        ),
        "activities": (
            "- Regular Instagram posts, stories and carousels with facts, myth-busters and tips for talking about "
            "migration.\n"
            "- Templates and prompts that members adapt to their own communities and languages.\n"
            "- The TikTok campaign “Everybody knows something that you don’t know”, in which young people explain a "
            "topic they know well, including migration.\n"
            "- Online conversations and live sessions with young migrants and youth advocates."
        ),
        "participants": (
            "Young people around the world, including young migrants and refugees, youth advocates and members of youth "
            "organisations linked to the Migration Youth and Children Platform."
        ),
        "outcomes": (
            "The Instagram community has grown to around 1,800 members who circulate its materials. The TikTok campaign "
            "showed that short peer-to-peer videos can open discussions on subjects young audiences usually scroll past, "
            "and may help promote more nuanced narratives."
        ),
        "evaluation": "",
        "recommendations": (
            "Let young people create content in their own voice; keep formats short and visual; pair online content with "
            "offline discussion where possible."
        ),
        "lessons_learned": (
            "Peers are more credible messengers for young audiences than institutions. Nuance can travel on short-video "
            "platforms when it is framed as curiosity rather than correction."
        ),
        "challenges": (
            "Platform algorithms favour polarising content; hostile comments need moderating; volunteer-based management "
            "limits continuity."
        ),
        "organisation": {"name": "Let’s Talk Migration", "sector": "civil-society"},
        "partners": [{"name": "Migration Youth and Children Platform (MYCP)", "sector": "civil-society"}],
        "places": [],
        "start": "2021-03",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["children-and-youth", "students", "host-community"],
        "people_reached": 1800,
        "people_reached_unit": "community members",
        "migrant_participation": "co-designed",
        "evidence": "anecdotal",
        "themes": ["connectivity-and-migration", "youth", "public-perceptions", "media-and-diversity", "empowerment"],
        "dimensions": ["cultural"],
        "gcm_objectives": [16, 17],
        "tags": ["instagram", "tiktok", "youth-led", "narrative-change"],
        "links": [{"title": "@letstalkmigration on Instagram", "url": "https://www.instagram.com/letstalkmigration/"}],
        "elsewhere": [
            {"site": "UN Migration Network Hub", "url": "https://migrationnetwork.un.org/practice/lets-talk-migration"},
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Sofia Lindqvist", "verified": False},
        "submitted": "2022-09-21",
        "featured": False,
    },
    # ------------------------------------------------------------------ eMigrate
    {
        "title": "eMigrate: India’s Integrated Online Platform Linking Emigrant Workers, Recruiters, Employers and Government",
        "summary": (
            "Launched in 2014, eMigrate is a common digital platform that links the key actors of overseas employment "
            "from India: the Protector General of Emigrants, the Protectors of Emigrants, Indian diplomatic missions, "
            "the Bureau of Immigration, Passport Seva, recruiting agents, foreign employers, emigrant workers and "
            "insurance agencies."
        ),
        "background": (
            "Millions of Indian workers take up jobs abroad, many of them in the Gulf countries. Workers whose passports "
            "require emigration clearance were exposed to fraudulent recruiters, fake job offers and contract "
            "substitution, while the authorities in charge worked with paper files that did not talk to each other.\n\n"
            "eMigrate, run by the Ministry of External Affairs, digitised and connected the emigration process. Its "
            "objectives are to make recruitment transparent, verify employers and agents, speed up emigration clearance "
            "and give the authorities reliable data to protect workers abroad."
        ),
        "activities": (
            "- Online registration of workers, recruiting agents and foreign employers, with verification by the "
            "Protectors of Emigrants.\n"
            "- Electronic emigration clearance for workers travelling to countries that require it, linked to passport "
            "and immigration records.\n"
            "- Mandatory insurance (Pravasi Bharatiya Bima Yojana) built into the clearance process.\n"
            "- Employer and worker data shared with Indian missions, which can check job offers and assist workers in "
            "distress.\n"
            "- Public lists of registered agents and of blacklisted employers to help workers avoid fraud."
        ),
        "participants": (
            "Indian emigrant workers, especially holders of Emigration Check Required passports; recruiting agents; "
            "foreign employers; the Protector General and Protectors of Emigrants; Indian missions; the Bureau of "
            "Immigration; Passport Seva; insurance agencies."
        ),
        "outcomes": (
            "Emigration clearance moved from paper to an online, traceable process, and the authorities gained "
            "consolidated data on who leaves, through which agent and for which employer. The platform is the backbone "
            "of India’s labour-migration governance and a reference for other countries of origin."
        ),
        "evaluation": "The Ministry follows registrations, clearances and complaints through the system; no independent evaluation was found.",
        "recommendations": (
            "Connect all agencies to the same data from the start; make the system usable by workers with limited "
            "digital skills through help desks and interfaces in local languages."
        ),
        "lessons_learned": (
            "Interoperability matters more than the platform itself: the benefit comes from passports, clearance, "
            "missions and insurance sharing the same records."
        ),
        "challenges": (
            "Workers who leave outside the system, for example on visit visas, remain unprotected; digital access for "
            "rural workers; keeping foreign-employer data up to date."
        ),
        "organisation": {"name": "Ministry of External Affairs, Government of India", "sector": "national-government"},
        "partners": [],
        "places": [{"name": "India", "country": "IN", "kind": "country"}],
        "start": "2014-01",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["labour-migrants", "domestic-workers"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "none",
        "evidence": "monitored",
        "themes": [
            "connectivity-and-migration",
            "employment",
            "governance",
            "human-rights-and-law",
            "policy-on-migration-and-integration",
        ],
        "dimensions": ["legal-and-political", "socio-economic"],
        "gcm_objectives": [1, 3, 6, 10, 14],
        "tags": ["digital-platform", "recruitment", "emigration-clearance", "insurance"],
        "links": [{"title": "eMigrate portal", "url": "https://emigrate.gov.in"}],
        "elsewhere": [
            {"site": "UN Migration Network Hub", "url": "https://migrationnetwork.un.org/practice/emigrate-portal"},
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Rahul Iyer", "verified": False},
        "submitted": "2022-07-13",
        "featured": False,
    },
    # ------------------------------------------------------------------ Musaned
    {
        "title": "Musaned: Saudi Arabia’s Online Platform for the Recruitment and Employment of Migrant Domestic Workers",
        "summary": (
            "Established in 2015 and overseen by the Ministry of Human Resources and Social Development (MoHRSD), Musaned "
            "is Saudi Arabia’s online platform for recruiting domestic workers. It gives the ministry data and tools to "
            "monitor the employment of migrant domestic workers, and was set up partly to tackle unethical or illegal "
            "recruitment and employment practices."
        ),
        "background": (
            "Saudi Arabia employs millions of migrant domestic workers, most of them women from South and Southeast Asia "
            "and East Africa. Recruitment through informal brokers exposed them to excessive fees, deception about "
            "working conditions and disputes with few channels for redress, while the authorities had little view of "
            "individual contracts.\n\n"
            "Musaned moved recruitment onto a single, government-regulated platform. Its objectives are to make "
            "recruitment transparent and traceable, standardise contracts and costs, and strengthen the ministry’s "
            "capacity to monitor and protect domestic workers."
        ),
        "activities": (
            "- Online requests for domestic-worker visas and selection through licensed recruitment offices and "
            "companies.\n"
            "- Standard electronic contracts setting out wages, rest days and other conditions.\n"
            "- Published information on recruitment costs and timelines.\n"
            "- Complaint and dispute-handling channels for employers and workers.\n"
            "- Collection of recruitment and employment data for ministry oversight."
        ),
        "participants": (
            "Migrant domestic workers, the Saudi households that employ them, licensed recruitment offices and "
            "companies, the MoHRSD and the authorities of countries of origin."
        ),
        "outcomes": (
            "The ministry gained a consolidated view of domestic-worker recruitment and a basis for enforcing rules on "
            "licensed agencies. Employers and workers have one official channel for contracts and disputes."
        ),
        "evaluation": "The MoHRSD monitors recruitment and complaints through the platform; independent assessment of outcomes for workers is limited.",
        "recommendations": (
            "Make the platform accessible to workers themselves, in their languages, and not only to employers; link "
            "contract data with wage-payment and complaint systems; involve countries of origin."
        ),
        "lessons_learned": (
            "Digital recruitment platforms improve oversight, but protection depends on what the rules allow workers to "
            "do, for instance to change employer or leave an abusive household."
        ),
        "challenges": (
            "Domestic work takes place in private homes, out of inspectors’ sight; language barriers; informal "
            "recruitment outside the platform persists."
        ),
        "organisation": {
            "name": "Ministry of Human Resources and Social Development (MoHRSD), Saudi Arabia",
            "sector": "national-government",
        },
        "partners": [],
        "places": [
            {"name": "Saudi Arabia", "country": "SA", "kind": "country"},
            {"name": "Riyadh", "country": "SA", "kind": "city"},
        ],
        "start": "2015-01",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["domestic-workers", "labour-migrants", "women"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "none",
        "evidence": "monitored",
        "themes": ["connectivity-and-migration", "employment", "governance", "human-rights-and-law", "women"],
        "dimensions": ["legal-and-political", "socio-economic"],
        "gcm_objectives": [1, 6, 7],
        "tags": ["domestic-work", "recruitment", "digital-platform", "gulf"],
        "links": [{"title": "Musaned", "url": "https://musaned.com.sa"}],
        "elsewhere": [
            {"site": "UN Migration Network Hub", "url": "https://migrationnetwork.un.org/practice/musaned-system"},
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Fatima Al-Harbi", "verified": False},
        "submitted": "2022-10-06",
        "featured": False,
    },
    # ------------------------------------------------------------------ Laguna
    {
        "title": "Laguna Province One Stop Migration Resource Center: A Hub for Overseas Filipino Workers and their Families",
        "summary": (
            "Laguna Province, one of the main points of departure of Overseas Filipino Workers (OFWs), set up a One Stop "
            "Migration Resource Center: a hub where departing and returning migrants and their families find "
            "information, training, psychosocial support and economic opportunities, and which helps prevent human "
            "trafficking."
        ),
        "background": (
            "Many Laguna families depend on a relative working abroad, above all in Saudi Arabia, Qatar, Kuwait, the "
            "United Arab Emirates and Australia. Workers face homesickness, isolation and health problems, disputes over "
            "contracts, claims and benefits, and sometimes abuse and exploitation. Returnees can find themselves "
            "estranged from their families, and children left behind may suffer neglect.\n\n"
            "The provincial government decided to bring scattered services under one roof. The Center aims to inform "
            "migrants before they leave, protect them from trafficking and illegal recruitment, support families left "
            "behind and help returnees reintegrate into their home communities."
        ),
        "activities": (
            "- Information and counselling on safe migration, legal recruitment and workers’ rights.\n"
            "- Specific trainings for departing and returning migrants, including financial literacy and livelihood "
            "skills.\n"
            "- Referral and case assistance on contracts, claims and benefits, with national agencies.\n"
            "- Psychosocial support for migrants and families left behind.\n"
            "- Economic opportunities for returnees, such as enterprise training and links to local jobs.\n"
            "- A space for discussion and capacity building of local governments and partners working with migrants."
        ),
        "participants": (
            "OFWs preparing to leave, working abroad or back home; their families; municipal and provincial staff; "
            "national agencies and civil-society partners."
        ),
        "outcomes": (
            "Migrants and their families have a single, known entry point in the province, and coordination between "
            "local governments and national migration agencies has improved."
        ),
        "evaluation": "",
        "recommendations": (
            "Anchor the Center in a provincial ordinance and budget; coordinate closely with national agencies so that "
            "local staff can solve cases, not only refer them."
        ),
        "lessons_learned": "Families left behind are a key audience: reaching them improves both protection and reintegration.",
        "challenges": (
            "Volume of requests compared with staff; dependence on national agencies to resolve cases; reaching workers "
            "recruited informally."
        ),
        "organisation": {"name": "Provincial Government of Laguna", "sector": "local-government"},
        "partners": [],
        "places": [{"name": "Laguna", "country": "PH", "kind": "region"}],
        "start": "2022-07",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["labour-migrants", "returnees", "families", "domestic-workers"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "anecdotal",
        "themes": [
            "employment",
            "training",
            "health",
            "human-rights-and-law",
            "financial-inclusion",
            "cities-and-local-governments",
        ],
        "dimensions": ["socio-economic", "legal-and-political"],
        "gcm_objectives": [3, 10, 21],
        "tags": ["ofw", "one-stop-shop", "reintegration", "anti-trafficking"],
        "links": [],
        "elsewhere": [
            {
                "site": "GFMD Call to Local Action",
                "url": "https://migrationnetwork.un.org/pledge/laguna-province-establishes-one-stop-migration-resource-center-0",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2024-02-07",
        "featured": False,
    },
    # ------------------------------------------------------------------ Carmen de la Legua (es)
    {
        "title": "Plan Municipal de Acción Local para construir un futuro con personas migrantes y refugiadas 2023–2026 en Carmen de la Legua-Reynoso",
        "summary": (
            "La Municipalidad Distrital de Carmen de la Legua-Reynoso (Callao, Perú) se compromete a ejecutar un Plan "
            "Municipal de Acción Local 2023–2026 para contribuir a eliminar toda forma de discriminación, promover un "
            "discurso público basado en evidencia e incorporar la migración y el desplazamiento forzado en los servicios "
            "municipales y en las alianzas locales, regionales y multilaterales."
        ),
        "background": (
            "Carmen de la Legua-Reynoso es un distrito pequeño y densamente poblado de la Provincia Constitucional del "
            "Callao, junto a Lima, donde se ha asentado un número importante de familias venezolanas. Como en otros "
            "distritos de Lima y Callao, la llegada de nuevos vecinos vino acompañada de prejuicios y de servicios "
            "municipales poco preparados.\n\n"
            "El plan, presentado como compromiso al Llamado a la Acción Local para Migrantes y Refugiados, convierte esa "
            "realidad en política municipal: la migración deja de ser un tema aislado y pasa a formar parte de la "
            "planificación de todos los servicios y de la cooperación con otras ciudades."
        ),
        "activities": (
            "- Campañas y actividades comunitarias contra la discriminación y la xenofobia, con información basada en datos.\n"
            "- Incorporación del enfoque de movilidad humana en los servicios municipales de orientación, salud "
            "comunitaria, emprendimiento y seguridad ciudadana.\n"
            "- Capacitación del personal municipal en la atención a personas migrantes y refugiadas.\n"
            "- Coordinación con la Superintendencia Nacional de Migraciones, organismos internacionales y organizaciones "
            "de la sociedad civil.\n"
            "- Participación en redes de ciudades para intercambiar experiencias y cooperar con otros gobiernos locales."
        ),
        "participants": (
            "Personas migrantes y refugiadas que residen en el distrito, en su mayoría venezolanas; vecinas y vecinos "
            "peruanos; personal municipal; organizaciones sociales y socios de cooperación."
        ),
        "outcomes": (
            "El distrito cuenta con un instrumento formal que ordena sus acciones hasta 2026 y facilita la coordinación "
            "con socios externos. Los primeros resultados se concentran en la sensibilización y la capacitación del "
            "personal."
        ),
        "evaluation": "",
        "recommendations": (
            "Aprobar el plan mediante ordenanza para asegurar su continuidad tras un cambio de gestión; definir "
            "indicadores sencillos desde el inicio."
        ),
        "lessons_learned": "Un plan propio da a un municipio pequeño voz y visibilidad ante socios nacionales e internacionales.",
        "challenges": (
            "Presupuesto municipal reducido; dependencia de la cooperación internacional; la percepción de que la "
            "atención a migrantes compite con las necesidades de la población local."
        ),
        "organisation": {"name": "Municipalidad Distrital de Carmen de la Legua-Reynoso", "sector": "local-government"},
        "partners": [],
        "places": [{"name": "Carmen de la Legua Reynoso", "country": "PE", "kind": "city"}],
        "start": "2023-01",
        "end": "2026-12",
        "implementation_status": "ongoing",
        "target_groups": ["refugees", "labour-migrants", "families", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "anecdotal",
        "themes": [
            "governance",
            "policy-on-migration-and-integration",
            "anti-discrimination",
            "public-perceptions",
            "equal-access",
            "cities-and-local-governments",
        ],
        "dimensions": ["legal-and-political", "socio-economic"],
        "gcm_objectives": [15, 16, 17, 23],
        "tags": ["plan-municipal", "callao", "gobernanza-local"],
        "links": [],
        "elsewhere": [
            {
                "site": "GFMD Call to Local Action",
                "url": "https://migrationnetwork.un.org/pledge/municipal-plan-local-action-build-future-migrants-and-refugees-2023-2026",
            },
        ],
        "adapted_from": None,
        "language": "es",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2023-12-12",
        "featured": False,
    },
    # ------------------------------------------------------------------ M4SD
    {
        "title": "Making Migration Work for Sustainable Development (M4SD) 2019–2023: Showing How Local Inclusive Policies Deliver on the SDGs",
        "summary": (
            "The IOM–UNDP Global Programme Making Migration Work for Sustainable Development (M4SD), funded by "
            "Switzerland, aimed from 2019 to 2023 to harness the development benefits and reduce the negative effects of "
            "migration for host and home communities, migrants and their families. A key component showed how inclusive "
            "policies can be implemented locally and how their results contribute to the Sustainable Development Goals."
        ),
        "background": (
            "Migration affects education, health, employment and social protection, yet it is rarely built into the "
            "development plans that govern those sectors. M4SD was the third phase of a long-standing joint IOM–UNDP "
            "effort, funded by the Swiss Agency for Development and Cooperation, to mainstream migration into national "
            "and local policies.\n\n"
            "The programme worked with national and local governments in eleven countries. Its objective was to "
            "demonstrate, through concrete initiatives designed for scale and government ownership, that taking "
            "migration into account in sector policies delivers results on the ground."
        ),
        "activities": (
            "- Support to national and local governments in integrating migration into development plans and sector "
            "policies.\n"
            "- Local initiatives on access to services, employment, skills and social protection for migrants and "
            "communities.\n"
            "- Diaspora engagement and reintegration measures in countries of origin.\n"
            "- Knowledge products, peer exchanges and annual Global Programme Board meetings, such as the 2022 meeting "
            "hosted by Morocco in Rabat.\n"
            "- Capacity building of officials on migration and development."
        ),
        "participants": (
            "National and local governments of Bangladesh, Ecuador, Jamaica, Kyrgyzstan, Moldova, Morocco, Nepal, the "
            "Philippines, Senegal, Serbia and Tunisia; migrants, returnees, diaspora and host communities; UN country "
            "teams, civil society and the private sector."
        ),
        "outcomes": (
            "Participating governments adopted or revised plans and policies that explicitly address migration, and "
            "local initiatives produced tangible services for migrants and communities. The programme left a body of "
            "practice on local migration governance linked to the SDGs."
        ),
        "evaluation": "Progress was reported every year to the Global Programme Board and to the donor.",
        "recommendations": (
            "Work with national and local levels at the same time; design pilots with a clear path to scale and to "
            "government funding; link migration measures to SDG targets that governments already report on."
        ),
        "lessons_learned": (
            "Local governments are often readier to act than national ministries but need a mandate and resources; a "
            "whole-of-government approach requires a coordination body with real authority."
        ),
        "challenges": (
            "Changes of government; disruption by the COVID-19 pandemic; difficulty in measuring the contribution of "
            "migration policies to SDG outcomes."
        ),
        "organisation": {
            "name": "International Organization for Migration (IOM)",
            "sector": "international-organisation",
        },
        "partners": [
            {"name": "United Nations Development Programme (UNDP)", "sector": "international-organisation"},
            {"name": "Swiss Agency for Development and Cooperation (SDC)", "sector": "national-government"},
        ],
        "places": [
            {"name": "Bangladesh", "country": "BD", "kind": "country"},
            {"name": "Ecuador", "country": "EC", "kind": "country"},
            {"name": "Jamaica", "country": "JM", "kind": "country"},
            {"name": "Kyrgyzstan", "country": "KG", "kind": "country"},
            {"name": "Moldova", "country": "MD", "kind": "country"},
            {"name": "Morocco", "country": "MA", "kind": "country"},
            {"name": "Nepal", "country": "NP", "kind": "country"},
            {"name": "Philippines", "country": "PH", "kind": "country"},
            {"name": "Senegal", "country": "SN", "kind": "country"},
            {"name": "Serbia", "country": "RS", "kind": "country"},
            {"name": "Tunisia", "country": "TN", "kind": "country"},
        ],
        "start": "2019-01",
        "end": "2023-12",
        "implementation_status": "completed",
        "target_groups": ["labour-migrants", "returnees", "diaspora", "host-community", "families"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "governance",
            "policy-on-migration-and-integration",
            "cities-and-local-governments",
            "diaspora-engagement",
            "employment",
        ],
        "dimensions": ["socio-economic", "legal-and-political"],
        "gcm_objectives": [2, 16, 19, 23],
        "tags": ["sdgs", "mainstreaming", "whole-of-government"],
        "links": [
            {
                "title": "National, local governments and partners from 11 countries convene (migration4development.org)",
                "url": "https://migration4development.org/en/news/press-release-national-local-governments-and-partners-11-countries-convene-share-solutions",
            },
        ],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2024-01-22",
        "featured": False,
    },
    # ------------------------------------------------------------------ IOM GMMA
    {
        "title": "IOM Global Migration Media Academy: Free Courses for Journalists and Students on Fact-Based Migration Reporting",
        "summary": (
            "IOM’s Global Migration Media Academy is a learning hub offering classroom and online courses, in several "
            "languages, to anyone interested in covering migration. It builds a community of experts committed to "
            "fact-based, balanced and diverse reporting, and promotes new voices by removing barriers to professional "
            "development and learning."
        ),
        "background": (
            "Misinformation and hate speech about migrants spread quickly, and journalists often cover migration without "
            "specialised training; journalism schools rarely teach migration law, data or ethics.\n\n"
            "IOM launched the Academy with Irish Aid on 18 December 2020, International Migrants Day, to close that gap. "
            "Its objectives are to give journalists and communication students the knowledge, tools and ethical standards "
            "to report accurately on migration, and to widen the range of voices — including migrant journalists — in "
            "migration coverage."
        ),
        "activities": (
            "- A free online foundation course on migration trends, policies, law and ethical reporting, developed with "
            "the National University of Ireland Galway.\n"
            "- Country and regional courses with IOM offices and universities, for example with Pan-Atlantic University "
            "in Nigeria.\n"
            "- In-person summer schools, the first held in Galway in June 2022 with participants from six countries.\n"
            "- Mentoring and support for producing stories.\n"
            "- A network of trainers, academics and media professionals."
        ),
        "participants": (
            "Journalists, editors, journalism and communication students and media trainers, first in Ireland, Mexico, "
            "Morocco, the Philippines and Serbia and later in other countries such as Nigeria."
        ),
        "outcomes": (
            "More than 50 students, journalists and academics who had completed the online foundation course took part "
            "in the first summer school and produced stories with their trainers. Country courses have trained "
            "journalists in ethical reporting on migration and trafficking."
        ),
        "evaluation": "IOM follows enrolment, completion and participant feedback.",
        "recommendations": (
            "Anchor courses in local universities and languages; combine theory with the production of real stories; "
            "include migrant and diaspora journalists as trainers and participants."
        ),
        "lessons_learned": (
            "Free, certified online courses lower the entry barrier; in-person components create a lasting peer network."
        ),
        "challenges": "Keeping content current across legal contexts; sustaining funding; measuring changes in actual coverage.",
        "organisation": {
            "name": "International Organization for Migration (IOM)",
            "sector": "international-organisation",
        },
        "partners": [
            {"name": "Irish Aid", "sector": "national-government"},
            {"name": "National University of Ireland Galway", "sector": "academia"},
            {"name": "Pan-Atlantic University", "sector": "academia"},
        ],
        "places": [
            {"name": "Galway", "country": "IE", "kind": "city"},
            {"name": "Mexico", "country": "MX", "kind": "country"},
            {"name": "Morocco", "country": "MA", "kind": "country"},
            {"name": "Philippines", "country": "PH", "kind": "country"},
            {"name": "Serbia", "country": "RS", "kind": "country"},
            {"name": "Nigeria", "country": "NG", "kind": "country"},
        ],
        "start": "2020-12",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["professionals", "students"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": ["media-and-diversity", "training", "public-perceptions", "anti-discrimination", "education"],
        "dimensions": ["cultural"],
        "gcm_objectives": [17],
        "tags": ["journalism", "misinformation", "online-course", "summer-school"],
        "links": [
            {
                "title": "Irish Aid, IOM Launch Global Media Academy to Tackle Misinformation on Migration",
                "url": "https://www.iom.int/news/irish-aid-iom-launch-global-media-academy-tackle-misinformation-migration",
            },
        ],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2022-11-08",
        "featured": False,
    },
    # ------------------------------------------------------------------ Vivre ensemble (fr)
    {
        "title": "« Vivre ensemble sans discrimination » : renforcer les politiques publiques contre le racisme et la xénophobie envers les personnes migrantes au Maroc",
        "summary": (
            "Mis en œuvre par le Conseil national des droits de l’Homme (CNDH) et le gouvernement marocain, avec l’appui "
            "de l’Union européenne et de la coopération espagnole, le projet « Vivre ensemble sans discrimination : une "
            "approche basée sur les droits de l’Homme et la dimension genre » visait à renforcer les instruments et les "
            "politiques publiques de lutte et de prévention contre le racisme, la discrimination et la xénophobie envers "
            "la population migrante."
        ),
        "background": (
            "En vingt ans, le Maroc est passé du statut de pays d’émigration à celui de pays de transit, puis d’accueil "
            "et d’installation. La Stratégie nationale d’immigration et d’asile adoptée en 2013 a ouvert aux personnes "
            "migrantes l’accès à l’éducation, à la santé, au logement et à l’emploi, mais les préjugés et les "
            "discriminations du quotidien freinaient encore leur intégration.\n\n"
            "Lancé en 2017, le projet s’appuie sur la Constitution de 2011, qui engage le Royaume à bannir et combattre "
            "toute discrimination. Il adopte une approche fondée sur les droits humains et attentive au genre, les femmes "
            "migrantes étant exposées à des discriminations croisées."
        ),
        "activities": (
            "- Révision des normes et règlements afin de repérer et corriger les dispositions discriminatoires.\n"
            "- Amélioration des mécanismes d’identification et de recueil des plaintes pour discrimination.\n"
            "- Renforcement des compétences des administrations publiques, avec la formation d’une trentaine de "
            "formatrices et formateurs issus de cinq institutions, dont l’Institut supérieur de la magistrature et "
            "l’Institution du Médiateur.\n"
            "- Appui aux organisations de la société civile et à leurs initiatives locales.\n"
            "- Sensibilisation et communication avec les médias, dans les écoles et lors de rencontres régionales, "
            "par exemple à Tanger."
        ),
        "participants": (
            "Personnes migrantes, en particulier les femmes ; administrations et institutions publiques marocaines ; "
            "organisations de la société civile ; médias ; élèves et enseignants."
        ),
        "outcomes": (
            "En cinq ans, plus de 300 écoliers, une centaine d’organisations de la société civile et cinq institutions "
            "publiques ont pris part aux activités. Le projet a contribué à ouvrir le débat sur le racisme et la "
            "xénophobie au Maroc et à rendre visibles les discriminations propres aux femmes migrantes."
        ),
        "evaluation": "Le suivi a été assuré dans le cadre du financement de l’Union européenne, avec des rapports d’activité réguliers.",
        "recommendations": (
            "Associer dès le départ l’institution nationale des droits de l’Homme et les administrations qui reçoivent "
            "les plaintes ; intégrer systématiquement la dimension genre ; travailler avec les médias sur le vocabulaire "
            "employé."
        ),
        "lessons_learned": (
            "Former des formateurs au sein des institutions permet de prolonger les effets au-delà de la durée du projet."
        ),
        "challenges": (
            "Faible recours des personnes migrantes aux mécanismes de plainte ; sujets sensibles dans le débat public ; "
            "coordination entre de nombreux partenaires marocains et espagnols."
        ),
        "organisation": {"name": "Conseil national des droits de l’Homme (CNDH)", "sector": "national-government"},
        "partners": [
            {"name": "Union européenne", "sector": "international-organisation"},
            {
                "name": "Agence espagnole de coopération internationale pour le développement (AECID)",
                "sector": "national-government",
            },
            {
                "name": "Fondation internationale et ibéro-américaine d’administration et de politiques publiques (FIIAPP)",
                "sector": "national-government",
            },
            {"name": "Observatoire espagnol du racisme et de la xénophobie (OBERAXE)", "sector": "national-government"},
        ],
        "places": [
            {"name": "Morocco", "country": "MA", "kind": "country"},
            {"name": "Rabat", "country": "MA", "kind": "city"},
            {"name": "Tangier", "country": "MA", "kind": "city"},
        ],
        "start": "2017-08",
        "end": "2022-10",
        "implementation_status": "completed",
        "target_groups": ["labour-migrants", "refugees", "women", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "anti-discrimination",
            "human-rights-and-law",
            "gender",
            "policy-on-migration-and-integration",
            "media-and-diversity",
        ],
        "dimensions": ["legal-and-political", "cultural"],
        "gcm_objectives": [7, 16, 17],
        "tags": ["droits-humains", "genre", "plaintes", "formation-de-formateurs"],
        "links": [
            {"title": "Vivre ensemble sans discrimination – le projet", "url": "https://vivre-ensemble.ma/projet/"}
        ],
        "elsewhere": [],
        "adapted_from": None,
        "language": "fr",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2022-12-01",
        "featured": False,
    },
    # ------------------------------------------------------------------ Mexico youth immersion
    {
        "title": "Cultural Immersion and Volunteering Programme for Young People of Mexican Origin Abroad",
        "summary": (
            "Mexico’s Cultural Immersion and Volunteering Programme gives young people of Mexican origin living abroad, "
            "mostly university students in the United States, a cultural immersion experience that strengthens their "
            "ties with the country, together with volunteer work in communities, with emphasis on the regions Mexican "
            "migrants come from."
        ),
        "background": (
            "Tens of millions of people of Mexican origin live in the United States, many of them born there. Younger "
            "generations often have little contact with their parents’ or grandparents’ communities, and the Mexican "
            "state’s ties with its diaspora have focused mainly on first-generation migrants.\n\n"
            "The Institute of Mexicans Abroad (IME) launched the *Programa de Inmersión Cultural y Voluntariado* in 2019 "
            "to connect this new generation with Mexico’s culture, history and communities, and to nurture future "
            "leaders and allies of both countries."
        ),
        "activities": (
            "- A short stay in Mexico City with cultural and historical visits.\n"
            "- Several weeks in communities of states with a long migration history, such as Hidalgo, Jalisco, "
            "Michoacán, Oaxaca and Yucatán.\n"
            "- Volunteer work in education, the environment, community development and support to artisans and "
            "micro-enterprises.\n"
            "- Language workshops and visits to archaeological sites, museums and protected natural areas.\n"
            "- Meetings with local women, young people, older people, students and entrepreneurs."
        ),
        "participants": (
            "Young people of Mexican origin studying at US universities and community colleges, including DACA "
            "recipients; host communities and state governments in Mexico."
        ),
        "outcomes": (
            "The 2019 pilot brought 147 students to Mexico for four weeks, with applicants from nine of the ten "
            "University of California campuses and almost all California State University campuses. Later editions "
            "continued with smaller groups and new host states."
        ),
        "evaluation": "The IME collects participants’ essays and feedback; no independent evaluation is available.",
        "recommendations": (
            "Co-design volunteer projects with host communities so that they meet real needs; offer follow-up "
            "opportunities once participants return home."
        ),
        "lessons_learned": (
            "Many participants are the first in their families to go to university; the programme strengthens both "
            "their ties with Mexico and their civic role in the United States."
        ),
        "challenges": "Travel restrictions linked to some participants’ immigration status; costs; coordination with several state governments.",
        "organisation": {
            "name": "Institute of Mexicans Abroad (IME), Ministry of Foreign Affairs of Mexico",
            "sector": "national-government",
        },
        "partners": [],
        "places": [
            {"name": "Mexico City", "country": "MX", "kind": "city"},
            {"name": "Hidalgo", "country": "MX", "kind": "region"},
            {"name": "Jalisco", "country": "MX", "kind": "region"},
            {"name": "Michoacán", "country": "MX", "kind": "region"},
            {"name": "Oaxaca", "country": "MX", "kind": "region"},
            {"name": "Yucatán", "country": "MX", "kind": "region"},
        ],
        "start": "2019-07",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["diaspora", "children-and-youth", "students"],
        "people_reached": 147,
        "people_reached_unit": "participants (2019 edition)",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": ["diaspora-engagement", "youth", "culture-and-diversity", "community-building", "education"],
        "dimensions": ["cultural"],
        "gcm_objectives": [19],
        "tags": ["volunteering", "cultural-immersion", "second-generation"],
        "links": [],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2024-05-14",
        "featured": False,
    },
    # ------------------------------------------------------------------ SEFIME
    {
        "title": "SEFIME: Financial Education and Inclusion for the Mexican Diaspora through the Consular Network",
        "summary": (
            "SEFIME is a Mexican government initiative that brings financial programmes and services to the Mexican "
            "diaspora through the consular network in the United States, Canada, Latin America and Europe, with "
            "workshops, trainings, talks and counselling on financial education and inclusion that help Mexicans abroad "
            "plan and manage their resources."
        ),
        "background": (
            "Mexicans abroad send some of the largest remittance flows in the world, yet many lack bank accounts, a "
            "credit history or retirement savings, and make financial decisions under pressure and with little "
            "information. Fear, language barriers and unfamiliar financial systems keep many of them in costly informal "
            "services.\n\n"
            "Building on the financial-education weeks that Mexican consulates have held every year since the early "
            "2010s, SEFIME gives the diaspora regular access to reliable information and services, with the aim of "
            "improving families’ economic security both abroad and in Mexico."
        ),
        "activities": (
            "- Workshops and talks at consulates on budgeting, savings, credit, taxes, remittances and retirement savings, "
            "including Mexican AFORE accounts.\n"
            "- Individual counselling at consular financial-advice desks.\n"
            "- Participation of Mexican financial authorities such as CONDUSEF, and of banks and non-profit partners.\n"
            "- Online sessions and social-media content for people who cannot travel to a consulate.\n"
            "- Information on opening accounts in Mexico and on housing and business programmes in communities of origin."
        ),
        "participants": (
            "Mexican migrants and their families abroad, including people preparing to return; consulates; financial "
            "regulators, banks, credit unions and community organisations."
        ),
        "outcomes": (
            "Financial education has become a regular consular service; the annual financial-education weeks in the "
            "United States and Canada reach tens of thousands of people."
        ),
        "evaluation": "Consulates report attendance and activities; effects on savings or use of bank accounts are not measured systematically.",
        "recommendations": (
            "Work in Spanish and with trusted local partners; cover both the country of residence and the country of "
            "origin."
        ),
        "lessons_learned": "Consulates are trusted entry points for migrants who avoid other institutions.",
        "challenges": "Reaching undocumented migrants wary of financial institutions; adapting content to very different countries.",
        "organisation": {
            "name": "Institute of Mexicans Abroad (IME), Ministry of Foreign Affairs of Mexico",
            "sector": "national-government",
        },
        "partners": [
            {
                "name": "National Commission for the Protection and Defence of Users of Financial Services (CONDUSEF)",
                "sector": "national-government",
            },
        ],
        "places": [
            {"name": "United States", "country": "US", "kind": "country"},
            {"name": "Canada", "country": "CA", "kind": "country"},
        ],
        "start": "2012-04",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["diaspora", "labour-migrants", "families", "returnees"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": ["financial-inclusion", "diaspora-engagement", "training", "entrepreneurship"],
        "dimensions": ["socio-economic"],
        "gcm_objectives": [14, 19, 20],
        "tags": ["financial-education", "consulates", "remittances", "savings"],
        "links": [],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2024-06-03",
        "featured": False,
    },
    # ------------------------------------------------------------------ Contributions and Counting
    {
        "title": "Contributions and Counting: Guidance on Measuring the Economic Impact of your Diaspora beyond Remittances",
        "summary": (
            "This IOM guidance helps governments and national authorities understand and measure the economic "
            "contributions their diaspora makes to the country of origin beyond financial remittances — investment, "
            "trade, tourism and philanthropy — so that diaspora policies can rest on better data."
        ),
        "background": (
            "Remittances are well measured and widely discussed, but they are only part of what diasporas bring. "
            "Investment, trade links, visits home and philanthropy are mostly invisible in official statistics, so "
            "governments underestimate their diaspora and design engagement policies without evidence.\n\n"
            "IOM asked DMA Global, a firm specialised in diaspora and remittance matters, to assess the data gap and "
            "propose a practical method. The resulting guidance shows how existing data-collection frameworks can be "
            "adapted to isolate the flows that diasporas generate."
        ),
        "activities": (
            "- A six-step process: set up a coordination structure; conduct background research; choose data-collection "
            "methods; develop a Diaspora Economic Contributions Data Framework and a phased implementation plan; test and "
            "review; implement, report, monitor and evaluate.\n"
            "- Options for measuring diaspora investment, trade in goods and services, tourism, philanthropy and employee "
            "compensation.\n"
            "- Guidance on surveying the diaspora and a Diaspora Data Toolbox.\n"
            "- Presentation in webinars, including one preparing the 3rd International Forum on Migration Statistics."
        ),
        "participants": (
            "National statistics offices, central banks, ministries and diaspora agencies; diaspora organisations as "
            "sources of data and as partners."
        ),
        "outcomes": (
            "Governments have a structured method for documenting the full economic role of their diaspora, published "
            "through IOM’s iDiaspora platform and the migration4development knowledge hub."
        ),
        "evaluation": "",
        "recommendations": (
            "Start from data that already exist — balance of payments, tourism and customs records — before launching "
            "costly new surveys; involve diaspora organisations so that they trust and use the results."
        ),
        "lessons_learned": (
            "A coordination structure linking statistics, finance and diaspora institutions is the precondition for any "
            "measurement."
        ),
        "challenges": (
            "Identifying diaspora members in administrative data; privacy; the limited capacity of statistics offices in "
            "smaller countries."
        ),
        "organisation": {
            "name": "International Organization for Migration (IOM)",
            "sector": "international-organisation",
        },
        "partners": [{"name": "DMA Global", "sector": "private-sector"}],
        "places": [],
        "start": "2020-06",
        "end": "2021-12",
        "implementation_status": "completed",
        "target_groups": ["diaspora"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "anecdotal",
        "themes": ["diaspora-engagement", "policy-on-migration-and-integration", "governance", "financial-inclusion"],
        "dimensions": ["socio-economic"],
        "gcm_objectives": [1, 19],
        "tags": ["data", "methodology", "investment", "philanthropy", "tourism"],
        "links": [
            {
                "title": "Contributions and Counting (migration4development.org)",
                "url": "https://migration4development.org/en/resources/library/contributions-and-counting-guidance-measuring-economic-impact-your-diaspora-beyond",
            },
            {
                "title": "Contributions and Counting (DMA Global)",
                "url": "https://www.dmaglobal.co/projects/contributions-and-counting",
            },
        ],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2022-01-19",
        "featured": False,
    },
    # ------------------------------------------------------------------ Certificate programme
    {
        "title": "Migration Governance and Diaspora Engagement: An Online Certificate Programme by iDiaspora, GRFDT, CISAN and ADEPT",
        "summary": (
            "An interdisciplinary, policy-oriented certificate programme whose lecturers come from many sectors, "
            "thematic fields, regions and countries. By sharing their experience they offer several perspectives and "
            "help learners build a nuanced understanding of international migration and diaspora engagement."
        ),
        "background": (
            "Officials, diaspora leaders and practitioners working on diaspora engagement often learn on the job, and "
            "few courses combine academic grounding with practical policy experience from countries of origin, transit "
            "and destination.\n\n"
            "Four organisations — IOM’s iDiaspora platform, the Global Research Forum on Diaspora and Transnationalism "
            "(GRFDT), the Centre for Research on North America (CISAN) of the National Autonomous University of Mexico "
            "and the Africa-Europe Diaspora Development Platform (ADEPT) — pooled their networks to offer a structured "
            "programme."
        ),
        "activities": (
            "- Eleven thematic blocks: understanding migration and diaspora; migration and development; data and "
            "statistics; migration and policy; governance and multilateral organisations; the Global Compact for "
            "Migration; crises and humanitarian response; migration and law; policy coherence; mapping migration "
            "policies; diaspora engagement in development.\n"
            "- Live online sessions with scholars, policy makers and diaspora practitioners between September 2021 and "
            "February 2022.\n"
            "- A final block with units on the digital divide, advocacy and resource mobilisation, knowledge and skills "
            "transfer and diaspora economic contributions, taught by experts chosen by ADEPT.\n"
            "- Discussions linking theory with participants’ own experience."
        ),
        "participants": (
            "Government officials, members of diaspora organisations, researchers, students and practitioners from many "
            "regions; lecturers from academia, international organisations, governments and diaspora organisations."
        ),
        "outcomes": (
            "Participants completed a structured programme and joined a cross-regional network of practitioners and "
            "scholars. Diaspora organisations taught part of the course, bringing practical knowledge into the "
            "curriculum."
        ),
        "evaluation": "Attendance and completion were followed by the organisers.",
        "recommendations": (
            "Mix academic and practitioner lecturers; let diaspora organisations choose some of the speakers; record "
            "sessions for participants in distant time zones."
        ),
        "lessons_learned": "Partners from different regions widened both the faculty and the audience at little cost.",
        "challenges": (
            "Scheduling across time zones; keeping participants engaged over six months online; access for participants "
            "with poor connectivity."
        ),
        "organisation": {"name": "iDiaspora (IOM)", "sector": "international-organisation"},
        "partners": [
            {"name": "Global Research Forum on Diaspora and Transnationalism (GRFDT)", "sector": "academia"},
            {"name": "Centro de Investigaciones sobre América del Norte (CISAN), UNAM", "sector": "academia"},
            {"name": "Africa-Europe Diaspora Development Platform (ADEPT)", "sector": "civil-society"},
        ],
        "places": [],
        "start": "2021-09",
        "end": "2022-02",
        "implementation_status": "completed",
        "target_groups": ["diaspora", "professionals", "students"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "co-designed",
        "evidence": "monitored",
        "themes": ["diaspora-engagement", "training", "governance", "education", "policy-on-migration-and-integration"],
        "dimensions": ["legal-and-political", "socio-economic"],
        "gcm_objectives": [19, 23],
        "tags": ["online-course", "certificate", "capacity-building"],
        "links": [
            {
                "title": "Online Certificate Programme: Migration Governance and Diaspora Engagement (iDiaspora)",
                "url": "https://www.idiaspora.org/en/projects/online-certificate-programme-migration-governance-and-diaspora-engagement",
            },
            {
                "title": "ADEPT’s contribution to the online certificate programme",
                "url": "https://www.adept-platform.org/adepts-contribution-in-the-online-certificate-programme/",
            },
        ],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Kwame Mensah", "verified": True},
        "submitted": "2022-03-10",
        "featured": False,
    },
    # ------------------------------------------------------------------ WIDU
    {
        "title": "WIDU.africa: Turning Diaspora Remittances into Jobs through Grants and Coaching for Small Businesses in Africa",
        "summary": (
            "In collaboration with the African diaspora in Europe, WIDU combines funding and coaching to strengthen new "
            "and existing small businesses in Africa, which in turn creates jobs. It works closely with African diaspora "
            "organisations and associations in Europe, which act as a bridge between the project and its most important "
            "actors, the diaspora members."
        ),
        "background": (
            "The African diaspora in Europe sends around USD 23 billion a year to family and friends in Africa. Most of "
            "it covers daily needs and little is invested in businesses, although small entrepreneurs struggle to get "
            "credit.\n\n"
            "WIDU, implemented by GIZ on behalf of Germany’s Federal Ministry for Economic Cooperation and Development "
            "(BMZ), was designed in a 2019 design-thinking workshop that included participants from nine African "
            "countries. Its objective is to improve employment and income by channelling part of diaspora transfers into "
            "micro and small businesses."
        ),
        "activities": (
            "- An online platform, launched in November 2019, where diaspora members register and invite an entrepreneur "
            "they know in a partner country.\n"
            "- Grants of up to EUR 2,500 that combine the diaspora member’s contribution, the entrepreneur’s own "
            "investment and WIDU funding.\n"
            "- Individual business coaching, including digital and entrepreneurial skills, delivered by local partners.\n"
            "- Local calls and rapid-response grants for specific sectors.\n"
            "- Outreach through African diaspora organisations in Austria, France, Germany, the Netherlands, Norway, "
            "Sweden, Switzerland and other European countries."
        ),
        "participants": (
            "Members of the African diaspora in Europe; micro and small entrepreneurs in Cameroon, Ethiopia, Ghana, "
            "Kenya, Togo and Tunisia; diaspora associations; coaching organisations."
        ),
        "outcomes": (
            "By 2023 more than 3,000 businesses had been supported, with about 6,600 new and sustained jobs reported. On "
            "average each supported entrepreneur creates two jobs, and women entrepreneurs create more jobs for women."
        ),
        "evaluation": (
            "Impact data are collected through the platform, and an external consultancy prepared and carried out a "
            "rigorous impact evaluation using quasi-experimental methods."
        ),
        "recommendations": (
            "Build on existing remittance relationships rather than asking the diaspora for new money; combine finance "
            "with coaching; work through diaspora organisations that people trust."
        ),
        "lessons_learned": (
            "Diaspora members value transparency about how their money is used; coaching matters as much as the grant "
            "for a business to survive."
        ),
        "challenges": "Verifying businesses remotely; different payment systems from country to country; sustaining growth once grants end.",
        "organisation": {
            "name": "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)",
            "sector": "national-government",
        },
        "partners": [
            {
                "name": "German Federal Ministry for Economic Cooperation and Development (BMZ)",
                "sector": "national-government",
            },
            {"name": "European Union", "sector": "international-organisation"},
            {"name": "Gates Foundation", "sector": "civil-society"},
        ],
        "places": [
            {"name": "Cameroon", "country": "CM", "kind": "country"},
            {"name": "Ethiopia", "country": "ET", "kind": "country"},
            {"name": "Ghana", "country": "GH", "kind": "country"},
            {"name": "Kenya", "country": "KE", "kind": "country"},
            {"name": "Togo", "country": "TG", "kind": "country"},
            {"name": "Tunisia", "country": "TN", "kind": "country"},
            {"name": "Germany", "country": "DE", "kind": "country"},
        ],
        "start": "2019-11",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["diaspora", "women"],
        "people_reached": 3000,
        "people_reached_unit": "businesses",
        "migrant_participation": "co-designed",
        "evidence": "independently-evaluated",
        "themes": [
            "connectivity-and-migration",
            "diaspora-engagement",
            "entrepreneurship",
            "employment",
            "financial-inclusion",
        ],
        "dimensions": ["socio-economic"],
        "gcm_objectives": [19, 20],
        "tags": ["remittances", "matching-grants", "coaching", "small-business"],
        "links": [{"title": "WIDU.africa – Our approach", "url": "https://widu.africa/our-approach"}],
        "elsewhere": [
            {"site": "UN Migration Network Hub", "url": "https://migrationnetwork.un.org/practice/widu"},
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Yaw Boateng", "verified": False},
        "submitted": "2023-07-19",
        "featured": False,
    },
    # ------------------------------------------------------------------ Mechelen
    {
        "title": "Youth Work for All (Jeugdwerk voor Alleman): Opening Mechelen’s Youth Movements to Children with a Migration Background",
        "summary": (
            "Not every family finds its way easily to youth work, and Mechelen’s youth movements did not yet reflect the "
            "diversity of the city. The city’s youth service took up the challenge with the youth movements and their "
            "associations: guiding children and young people with a migration or refugee background towards youth work, "
            "and helping the organisations become more accessible."
        ),
        "background": (
            "Mechelen, a Belgian city home to well over a hundred nationalities, has very popular youth movements — scouts, "
            "guides and similar groups, some with waiting lists. Yet their members and leaders came almost entirely from "
            "long-established Flemish families, and many newcomer parents had never heard of a youth movement.\n\n"
            "Since 2017 the youth service and the city youth-work organisation J@M have worked to change this. The "
            "project targets families with a migration background or refugee story, and the youth movements themselves, "
            "which it supports in setting up a diversity policy. Its objectives are to guide new members sustainably "
            "into youth work, support associations on diversity, inclusion and accessibility, and raise awareness of the "
            "value of youth work."
        ),
        "activities": (
            "- A ten-point action plan drawn up by the youth movements with the youth service, centred on building trust "
            "with parents for whom youth work is new.\n"
            "- A “Youth Work for All” label for youth movements that commit to the plan.\n"
            "- Home visits, contacts through schools and open days to introduce families to the youth movements.\n"
            "- Buddy schemes, tailored guidance for new members and meeting moments between children.\n"
            "- Support to associations on accessibility, costs, uniforms and communication with parents."
        ),
        "participants": (
            "Children and young people with a migration or refugee background and their parents; Mechelen’s youth "
            "movements and their volunteer leaders; the city youth service; J@M vzw."
        ),
        "outcomes": (
            "The city’s youth movements received the label in February 2018. By the end of 2019, 86 young people had "
            "moved on to regular youth work, and the movements reported closer contact with parents who had never heard "
            "of them before."
        ),
        "evaluation": (
            "The youth service set a baseline at the start and counted the young people who joined regular youth work."
        ),
        "recommendations": (
            "Invest in relationships with parents before talking about activities; make the youth movements owners of "
            "the change; keep supporting them after the first year so that new members stay."
        ),
        "lessons_learned": (
            "Being open on paper is not enough: practical thresholds such as costs, camp traditions and ways of "
            "communicating must be tackled one by one."
        ),
        "challenges": (
            "Keeping new members over time; volunteer leaders’ limited time; building a group of leaders that itself "
            "reflects the city’s diversity."
        ),
        "organisation": {"name": "City of Mechelen – Youth Service", "sector": "local-government"},
        "partners": [{"name": "J@M vzw (Jeugdwerk Mechelen)", "sector": "civil-society"}],
        "places": [{"name": "Mechelen", "country": "BE", "kind": "city"}],
        "start": "2017-07",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["children-and-youth", "families", "refugees"],
        "people_reached": 86,
        "people_reached_unit": "young people (by end 2019)",
        "migrant_participation": "consulted",
        "evidence": "monitored",
        "themes": [
            "connectivity-and-migration",
            "youth",
            "community-building",
            "equal-access",
            "culture-and-diversity",
            "cities-and-local-governments",
        ],
        "dimensions": ["cultural", "socio-economic"],
        "gcm_objectives": [16],
        "tags": ["youth-movements", "diversity-label", "buddy-scheme"],
        "links": [
            {"title": "Jeugdwerk voor Alleman (Stad Mechelen)", "url": "https://www.mechelen.be/jeugdwerk-voor-alleman"}
        ],
        "elsewhere": [
            {"site": "GFMD Call to Local Action", "url": "https://migrationnetwork.un.org/pledge/youth-work-all"},
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Anqi Zhang", "verified": True},
        "submitted": "2022-06-29",
        "featured": False,
    },
    # ------------------------------------------------------------------ Migrant Routes (IBIS)
    {
        "title": "Migrant Routes: Workshops Exploring Newcomers’ Experiences to Build Anti-Racist and Inclusive Spaces in Canada",
        "summary": (
            "The Migrant Routes program uses education and training to help community members, workers, educators and "
            "students explore the experiences, challenges and barriers newcomers face when settling in Canada, and to "
            "identify ways of building anti-racist, equitable and inclusive spaces for migrants in their communities."
        ),
        "background": (
            "Newcomers to Canada meet barriers not only in finding work and housing but in being accepted in "
            "workplaces, schools and organisations. Policies and everyday practices can disadvantage them without anyone "
            "intending it, and long-time residents often know little about what settling in really involves.\n\n"
            "Migrant Routes was built as a learning programme for the receiving side. It aims to raise participants’ "
            "awareness of the social, economic and political conditions migrants live in, and to turn that awareness "
            "into concrete changes in their own institutions."
        ),
        "activities": (
            "- Interactive workshops on the experiences, challenges and barriers migrants face when joining Canadian "
            "workplaces, schools, organisations and social, political and economic institutions.\n"
            "- Sessions on how discrimination and racism affect migrants through policies and practices.\n"
            "- Exercises on the social, economic and political conditions and relations that shape settlement.\n"
            "- Action planning for more equitable and inclusive practices in participants’ own settings."
        ),
        "participants": (
            "Community members, workers, educators and students; indirectly, migrants who use the services and spaces of "
            "participating organisations."
        ),
        "outcomes": (
            "Participants gained a better understanding of settlement barriers and left with ideas for anti-racist, "
            "inclusive practice in their workplaces and schools. The programme was the featured practice of the IBIS "
            "online community on migration and integration in 2010."
        ),
        "evaluation": "Participants’ feedback was collected at the end of workshops.",
        "recommendations": (
            "Use real migration stories and invite newcomers to co-facilitate; follow up with participating "
            "organisations to see whether the changes they planned actually happen."
        ),
        "lessons_learned": "Workshops work best when every participant leaves with one concrete change to make in their own institution.",
        "challenges": "Reaching people who do not already see racism as an issue; stable funding for a training programme.",
        "organisation": {"name": "Migrant Routes Program", "sector": "civil-society"},
        "partners": [],
        "places": [{"name": "Canada", "country": "CA", "kind": "country"}],
        "start": "2009-01",
        "end": "2012-12",
        "implementation_status": "completed",
        "target_groups": ["host-community", "students", "labour-migrants", "refugees"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "anecdotal",
        "themes": ["anti-discrimination", "training", "education", "equal-access", "prevention-of-polarization"],
        "dimensions": ["cultural", "socio-economic"],
        "gcm_objectives": [16, 17],
        "tags": ["workshops", "anti-racism", "settlement", "ibis-archive"],
        "links": [],
        "elsewhere": [
            {
                "site": "IBIS – UNAOC and IOM Online Community on Migration and Integration (archive)",
                "url": "https://www.unaoc.org/communities/migrationintegration/",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Claire Tremblay", "verified": False},
        "submitted": "2022-02-03",
        "featured": False,
    },
    # ------------------------------------------------------------------ Talking Faiths (IBIS)
    {
        "title": "Talking Faiths: Using Migration Stories as Bridges for Interfaith and Intercultural Dialogue in Melbourne",
        "summary": (
            "Talking Faiths, a collaborative project of the Immigration Museum (Museum Victoria) in Melbourne, supports "
            "intercultural and interfaith dialogue in schools and communities by using migration stories as bridges. It "
            "gives young people a framework for exploring interfaith issues from a multicultural perspective, backed by "
            "the museum’s programmes, exhibitions and online materials."
        ),
        "background": (
            "Victoria is home to people from around 200 countries who speak some 260 languages and follow about 135 "
            "faiths. Young people grow up amid this diversity but rarely have structured opportunities to talk across "
            "religious lines, and tensions elsewhere in the world can feed suspicion at home.\n\n"
            "The Immigration Museum saw that personal migration stories — why families left, what they brought, how "
            "they settled — are a safe starting point for conversations about belief. Talking Faiths turned that insight "
            "into a dialogue framework for students and community groups."
        ),
        "activities": (
            "- Documentation during 2009 of two dialogue programmes for students from a range of denominational and "
            "non-denominational schools in Melbourne: the Melbourne Interfaith and Intercultural Cluster Socratic "
            "Circles, and Building Bridges through Interfaith Dialogue.\n"
            "- Online tools to start, facilitate and guide multicultural and interfaith discussion with secondary and "
            "tertiary students, adult learners and community and faith groups.\n"
            "- The exhibition “Talking Faiths: My story, your story, our story” at the Immigration Museum.\n"
            "- Public and school programmes linked to the exhibition."
        ),
        "participants": (
            "Secondary students from denominational and non-denominational schools; teachers; tertiary students and "
            "adult learners; community and faith groups; museum visitors."
        ),
        "outcomes": (
            "The project produced reusable education resources and an exhibition that brought students’ dialogue to a "
            "wide public. Schools gained a tested model for structured interfaith conversation."
        ),
        "evaluation": "Teachers’ and students’ feedback was gathered informally during the programmes.",
        "recommendations": (
            "Start from personal stories rather than doctrine; train facilitators; give students ownership of the "
            "dialogue format."
        ),
        "lessons_learned": "A museum is a neutral, trusted space where schools of different denominations are willing to meet.",
        "challenges": (
            "Finding time in crowded school timetables; bringing together schools from different systems; maintaining "
            "online resources after the project ended."
        ),
        "organisation": {"name": "Immigration Museum, Museum Victoria", "sector": "local-government"},
        "partners": [],
        "places": [{"name": "Melbourne", "country": "AU", "kind": "city"}],
        "start": "2009-02",
        "end": "2010-12",
        "implementation_status": "completed",
        "target_groups": ["children-and-youth", "students", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "co-designed",
        "evidence": "anecdotal",
        "themes": [
            "interfaith-work",
            "intercultural-outreach",
            "education",
            "culture-and-diversity",
            "youth",
            "prevention-of-polarization",
        ],
        "dimensions": ["cultural"],
        "gcm_objectives": [16],
        "tags": ["museum", "interfaith-dialogue", "socratic-circles", "exhibition", "ibis-archive"],
        "links": [
            {
                "title": "Talking Faiths (Museum Victoria)",
                "url": "http://museumvictoria.com.au/immigrationmuseum/discoverycentre/talking-faiths/",
            },
        ],
        "elsewhere": [
            {
                "site": "IBIS – UNAOC and IOM Online Community on Migration and Integration (archive)",
                "url": "https://www.unaoc.org/communities/migrationintegration/",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Hannah Whitfield", "verified": True},
        "submitted": "2022-02-03",
        "featured": False,
    },
    # ------------------------------------------------------------------ SF Wissen (IBIS)
    {
        "title": "SF Wissen “Neue Heimat Schweiz”: Swiss Television Video Stories of New Swiss",
        "summary": (
            "SF Wissen, the knowledge platform of Swiss Television (SF), gave access to some 7,000 archived videos. Its "
            "section “Neue Heimat Schweiz” (New Home: Switzerland) collected SF reports on migration and integration, "
            "offering a snapshot of the different paths of “New Swiss” in their host country."
        ),
        "background": (
            "Public debate on migration in Switzerland was intense at the end of the 2000s, with popular votes on the "
            "construction of minarets and on the expulsion of foreign offenders. Coverage tended to focus on problems, "
            "while the many ordinary stories of integration received little attention.\n\n"
            "By gathering existing reports in one themed section, the public broadcaster made these stories easy to find "
            "and reuse, as a counterweight to one-sided images of migrants."
        ),
        "activities": (
            "- Curation of SF programme reports on migration and integration in a single online section.\n"
            "- Portraits such as a Kosovar refugee who became an award-winning cheesemonger, a Bosnian Serb migrant who "
            "became a lieutenant in the Swiss Army, a social worker of Albanian background dedicated to young people from "
            "the Balkans, a Tamil war refugee active in local politics and a Chinese refugee with his own fashion label "
            "in Zürich.\n"
            "- Free online access to the videos, in Swiss German."
        ),
        "participants": (
            "Migrants and refugees portrayed in the reports; Swiss television audiences; teachers and trainers using "
            "the videos."
        ),
        "outcomes": (
            "The section made concrete, positive integration stories available on demand. It was highlighted on the IBIS "
            "platform in 2010, where users rated it 4 out of 5."
        ),
        "evaluation": "",
        "recommendations": (
            "Add subtitles in the other national languages and in English to widen the audience; pair the videos with "
            "teaching material."
        ),
        "lessons_learned": (
            "Public broadcasters already hold rich archives; curation alone can create a valuable integration resource "
            "at low cost."
        ),
        "challenges": (
            "Videos were available in Swiss German only; links broke when the broadcaster’s websites were reorganised, "
            "and the section is no longer maintained in its original form."
        ),
        "organisation": {"name": "Schweizer Fernsehen (SF)", "sector": "media"},
        "partners": [],
        "places": [
            {"name": "Switzerland", "country": "CH", "kind": "country"},
            {"name": "Zürich", "country": "CH", "kind": "city"},
        ],
        "start": "2009-01",
        "end": "2011-12",
        "implementation_status": "discontinued",
        "target_groups": ["refugees", "labour-migrants", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "none",
        "evidence": "anecdotal",
        "themes": [
            "media-and-diversity",
            "public-perceptions",
            "culture-and-diversity",
            "refugees-and-asylum-seekers",
            "employment",
        ],
        "dimensions": ["cultural"],
        "gcm_objectives": [17],
        "tags": ["television", "video-archive", "success-stories", "ibis-archive"],
        "links": [],
        "elsewhere": [
            {
                "site": "IBIS – UNAOC and IOM Online Community on Migration and Integration (archive)",
                "url": "https://www.unaoc.org/communities/migrationintegration/",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Lukas Brunner", "verified": False},
        "submitted": "2022-02-03",
        "featured": False,
    },
    # ------------------------------------------------------------------ Portugal one-stop-shop (IBIS resource)
    {
        "title": "Sharing the Portuguese One-Stop-Shop Model: A Handbook for National Immigrant Support Centres",
        "summary": (
            "Portugal’s National Immigrant Support Centres (CNAI) bring government services and intercultural mediators "
            "from immigrant communities together under one roof. The High Commission for Immigration and Intercultural "
            "Dialogue (ACIDI) documented the model in a handbook so that other countries and cities could adapt it."
        ),
        "background": (
            "Newcomers often need several administrations at once — immigration, social security, employment, health, "
            "education, civil registries — each in a different building with its own rules. In Portugal, the CNAI "
            "opened in Lisbon and Porto in 2004 gathered these services in one place, with staff from immigrant "
            "associations working as intercultural mediators.\n\n"
            "As other European governments took an interest, ACIDI set out to describe the model, its legal basis, costs "
            "and lessons in a practical handbook, drawing also on an assessment of its immigrant support services."
        ),
        "activities": (
            "- Description of how the centres co-locate offices of the immigration service, social security, labour "
            "authorities, health and education services and civil registries.\n"
            "- Explanation of the role of intercultural mediators recruited from immigrant communities.\n"
            "- Practical chapters on premises, staff training, information systems and partnerships with immigrant "
            "associations.\n"
            "- Dissemination of the handbook at European and international meetings and through networks such as IBIS."
        ),
        "participants": (
            "Portuguese public administrations, immigrant associations and mediators; immigrants using the centres; "
            "officials from other countries interested in the model."
        ),
        "outcomes": (
            "The handbook turned a well-known national model into a transferable method and was widely shared through "
            "European and international networks."
        ),
        "evaluation": (
            "An assessment of Portugal’s immigrant support services, including users’ satisfaction with the "
            "one-stop-shop approach, informed the handbook."
        ),
        "recommendations": (
            "Co-locate services and, where possible, connect their databases; employ mediators from immigrant "
            "communities; start with a limited set of services and expand."
        ),
        "lessons_learned": (
            "Mediators who speak migrants’ languages and share their experience are central to the model, not an "
            "add-on."
        ),
        "challenges": (
            "Coordination between ministries with different priorities; waiting times at busy centres; adapting a "
            "national model to smaller municipalities."
        ),
        "organisation": {
            "name": "High Commission for Immigration and Intercultural Dialogue (ACIDI)",
            "sector": "national-government",
        },
        "partners": [{"name": "Immigrant associations of Portugal", "sector": "migrant-led"}],
        "places": [
            {"name": "Lisbon", "country": "PT", "kind": "city"},
            {"name": "Porto", "country": "PT", "kind": "city"},
        ],
        "start": "2009-01",
        "end": "2010-06",
        "implementation_status": "completed",
        "target_groups": ["labour-migrants", "refugees", "families"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "co-designed",
        "evidence": "monitored",
        "themes": [
            "equal-access",
            "mediation-and-interpretation",
            "governance",
            "citizenship-and-regularization",
            "policy-on-migration-and-integration",
        ],
        "dimensions": ["legal-and-political", "socio-economic"],
        "gcm_objectives": [3, 15, 23],
        "tags": ["one-stop-shop", "intercultural-mediators", "handbook", "ibis-archive"],
        "links": [],
        "elsewhere": [
            {
                "site": "IBIS – UNAOC and IOM Online Community on Migration and Integration (archive)",
                "url": "https://www.unaoc.org/communities/migrationintegration/",
            },
        ],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Inês Carvalho", "verified": True},
        "submitted": "2022-02-04",
        "featured": False,
    },
    # ------------------------------------------------------------------ Auckland (invented adaptation of Dallas)
    {
        "title": "Neighbourhood Welcome Ambassadors in South Auckland: Adapting the Dallas Community Ambassador Model",
        "summary": (
            "Inspired by the City of Dallas Community Ambassador Program, a South Auckland pilot trains residents from "
            "migrant and refugee backgrounds as neighbourhood welcome ambassadors who share information on council and "
            "community services in their own languages and pass residents’ concerns on to service providers."
        ),
        "background": (
            "South Auckland is one of the most diverse areas of Aotearoa New Zealand, with large Pacific and Asian "
            "communities and, more recently, families from Latin America and the Middle East. Newly arrived families "
            "often rely on word of mouth and miss services they are entitled to.\n\n"
            "After learning about the Dallas programme through an international peer exchange, local organisations "
            "adapted it to their context, adding attention to Māori protocols of welcome and using Pacific church "
            "networks as outreach channels."
        ),
        "activities": (
            "- Recruitment of 12 ambassadors who together speak eight community languages.\n"
            "- A six-session training on council services, tenancy rights, health enrolment and emergency preparedness.\n"
            "- Monthly neighbourhood information stalls at markets, libraries and churches.\n"
            "- A shared log of residents’ questions, reviewed every quarter with service providers."
        ),
        "participants": (
            "Migrant and refugee residents acting as ambassadors; newly arrived families; community organisations, "
            "libraries and local service providers."
        ),
        "outcomes": (
            "In its first year the pilot logged more than 1,100 conversations and prompted small changes in how local "
            "services publish information, such as translated library enrolment forms."
        ),
        "evaluation": "Ambassadors’ logs are reviewed quarterly; there has been no formal evaluation yet.",
        "recommendations": (
            "Adapt rather than copy: connect ambassadors with the local Indigenous framework of welcome and with the "
            "faith networks newcomers already use."
        ),
        "lessons_learned": "The Dallas model travelled well, but ambassadors needed more support on housing questions than expected.",
        "challenges": "Short-term funding; ambassadors’ own work and family commitments; avoiding burnout.",
        "organisation": {"name": "Manukau Newcomers Network", "sector": "civil-society"},
        "partners": [],
        "places": [{"name": "Auckland", "country": "NZ", "kind": "city"}],
        "start": "2024-02",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["refugees", "labour-migrants", "families", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "co-designed",
        "evidence": "anecdotal",
        "themes": [
            "equal-access",
            "intercultural-outreach",
            "mediation-and-interpretation",
            "community-building",
            "cities-and-local-governments",
        ],
        "dimensions": ["socio-economic", "cultural"],
        "gcm_objectives": [3, 15, 16],
        "tags": ["community-ambassadors", "language-access", "peer-learning"],
        "links": [],
        "elsewhere": [],
        "adapted_from": "City of Dallas Community Ambassador Program: Bringing Municipal Information to Linguistically Diverse Neighbourhoods",
        "language": "en",
        "submitter": {"name": "Mele Tupou", "verified": False},
        "submitted": "2025-03-18",
        "featured": False,
    },
    # ------------------------------------------------------------------ Sabadell (invented adaptation of Terrassa)
    {
        "title": "Darija and Amazigh Basics for School Staff in Sabadell",
        "summary": (
            "After several of its teachers took part in Terrassa’s Darija course, a network of schools in Sabadell "
            "adapted the idea: it added a short introduction to Amazigh (Tamazight), the first language of many local "
            "families of Moroccan origin, and opened the course to school office staff and lunchtime monitors."
        ),
        "background": (
            "Sabadell, Terrassa’s neighbour in the Vallès Occidental, has a large community of Moroccan origin "
            "concentrated in a few neighbourhoods and schools. Teachers who attended Terrassa’s course came back "
            "convinced, but also aware that many families in their schools speak Amazigh rather than Darija, and that "
            "parents’ first contact with a school is often the office or the canteen rather than the classroom.\n\n"
            "The network therefore kept Terrassa’s practical, anti-racist approach but widened the audience and added a "
            "module on Amazigh language and culture."
        ),
        "activities": (
            "- A 16-hour course in two blocks, held in a school after class hours.\n"
            "- Basic Darija for school situations and an introductory session on Amazigh.\n"
            "- Co-teaching by a professional trainer and two mothers of Moroccan origin from the schools’ family "
            "associations.\n"
            "- A session on religious practice and school life, and on responding to racist incidents among pupils.\n"
            "- Open to teachers, office staff and lunchtime monitors."
        ),
        "participants": (
            "Teachers, office staff and lunchtime monitors from six schools; mothers of Moroccan origin as co-trainers; "
            "indirectly, pupils and their families."
        ),
        "outcomes": (
            "Twenty-eight staff members completed the first course. Schools report warmer first meetings with families "
            "and more parents of Moroccan origin attending school meetings."
        ),
        "evaluation": "Participants filled in a short questionnaire before and after the course.",
        "recommendations": (
            "Include non-teaching staff, who are often families’ first contact; pay family co-trainers for their time."
        ),
        "lessons_learned": (
            "Adapting a neighbouring city’s course saved months of preparation; the co-trainer mothers became a bridge "
            "between schools and families beyond the course itself."
        ),
        "challenges": "Finding time outside school hours; paying co-trainers without a dedicated budget.",
        "organisation": {"name": "Xarxa d’Escoles Interculturals de Sabadell", "sector": "civil-society"},
        "partners": [],
        "places": [{"name": "Sabadell", "country": "ES", "kind": "city"}],
        "start": "2024-10",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["children-and-youth", "families", "host-community"],
        "people_reached": 28,
        "people_reached_unit": "school staff",
        "migrant_participation": "co-designed",
        "evidence": "monitored",
        "themes": ["education", "training", "intercultural-outreach", "anti-discrimination", "culture-and-diversity"],
        "dimensions": ["cultural"],
        "gcm_objectives": [16, 17],
        "tags": ["darija", "amazigh", "teacher-training", "schools"],
        "links": [],
        "elsewhere": [],
        "adapted_from": "Moroccan Dialect (Darija) Classes for Teachers in Terrassa: Language, Intercultural and Anti-Racist Skills for Schools",
        "language": "en",
        "submitter": {"name": "Marta Puig", "verified": True},
        "submitted": "2025-06-10",
        "featured": False,
    },
    # ------------------------------------------------------------------ Sherbrooke (invented adaptation of Montréal, fr)
    {
        "title": "« Embaucher sans biais » : un balado pour les PME de Sherbrooke inspiré de « Biais d’Entrée »",
        "summary": (
            "Inspiré du balado « Biais d’Entrée » de la Ville de Montréal, un regroupement d’employeurs de l’Estrie "
            "prépare une série audio destinée aux petites et moyennes entreprises de Sherbrooke, pour les aider à "
            "recruter, accueillir et retenir des travailleuses et travailleurs immigrants."
        ),
        "background": (
            "Sherbrooke accueille chaque année de nombreuses personnes immigrantes, dont des personnes réfugiées prises "
            "en charge par l’État, alors que les PME de la région manquent de main-d’œuvre. Beaucoup d’entre elles n’ont "
            "ni service des ressources humaines ni temps pour suivre des formations sur la diversité.\n\n"
            "Après avoir écouté « Biais d’Entrée », des dirigeants d’entreprises de l’Estrie ont proposé d’en adapter la "
            "formule à leur réalité : des épisodes courts, des témoignages d’employeurs de la région et des conseils "
            "concrets pour les petites équipes."
        ),
        "activities": (
            "- Production de huit épisodes d’une vingtaine de minutes.\n"
            "- Témoignages d’employeurs de l’Estrie et de travailleuses et travailleurs immigrants embauchés dans des PME.\n"
            "- Capsules pratiques : lire un CV étranger, mener une entrevue sans biais, accueillir une nouvelle personne "
            "dans l’équipe.\n"
            "- Diffusion par les chambres de commerce et les organismes d’aide à l’emploi de la région."
        ),
        "participants": (
            "Dirigeants et gestionnaires de PME de Sherbrooke et de l’Estrie ; personnes immigrantes et réfugiées en "
            "recherche d’emploi ou récemment embauchées."
        ),
        "outcomes": "Projet en préparation : aucun résultat pour le moment.",
        "evaluation": "",
        "recommendations": (
            "Garder le ton concret et local qui fait la force du balado montréalais ; prévoir dès le départ un suivi "
            "auprès des entreprises qui l’écoutent."
        ),
        "lessons_learned": "Les échanges avec l’équipe montréalaise ont évité de repartir de zéro sur le format et la production.",
        "challenges": (
            "Financer la production ; trouver des employeurs prêts à parler publiquement de leurs erreurs de "
            "recrutement."
        ),
        "organisation": {"name": "Regroupement des employeurs inclusifs de l’Estrie", "sector": "private-sector"},
        "partners": [],
        "places": [{"name": "Sherbrooke", "country": "CA", "kind": "city"}],
        "start": "2027-01",
        "end": None,
        "implementation_status": "planned",
        "target_groups": ["labour-migrants", "refugees", "professionals"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "anecdotal",
        "themes": ["employment", "anti-discrimination", "media-and-diversity", "cities-and-local-governments"],
        "dimensions": ["socio-economic"],
        "gcm_objectives": [6, 16, 18],
        "tags": ["balado", "pme", "embauche-inclusive"],
        "links": [],
        "elsewhere": [],
        "adapted_from": "Montréal Inclusive at Work 2022–2024: “Biais d’Entrée”, a City-Led Podcast on Welcoming Migrants and Refugees in the Workplace",
        "language": "fr",
        "submitter": {"name": "Émilie Gagnon", "verified": False},
        "submitted": "2026-06-22",
        "featured": False,
    },
]


QUEUE = [
    # ------------------------------------------------------------------ Antofagasta (es, invented)
    {
        "title": "Mesas barriales de convivencia en los campamentos del sector norte de Antofagasta",
        "summary": (
            "Una fundación local adapta las mesas de convivencia de Maipú a los campamentos del norte de Antofagasta, "
            "donde viven familias chilenas, colombianas, venezolanas y bolivianas, para prevenir conflictos vecinales y "
            "coordinar el acceso a servicios básicos."
        ),
        "background": (
            "Antofagasta concentra algunos de los campamentos más grandes de Chile, con una alta proporción de familias "
            "migrantes. La falta de agua, de electricidad y de títulos de propiedad genera tensiones entre vecinos de "
            "distintos orígenes, que a veces se expresan en discursos xenófobos.\n\n"
            "Tras conocer la experiencia de Maipú, la fundación propuso crear mesas barriales que reúnan a dirigentes "
            "chilenos y extranjeros de cada campamento con el municipio y los servicios públicos."
        ),
        "activities": (
            "- Constitución de cuatro mesas barriales con dirigentes chilenos y migrantes.\n"
            "- Reuniones mensuales con el municipio y con las empresas de servicios básicos.\n"
            "- Talleres sobre derechos y deberes, regularización migratoria y resolución de conflictos.\n"
            "- Actividades deportivas y culturales abiertas a todas las familias."
        ),
        "participants": "Familias de cuatro campamentos del sector norte; dirigentes vecinales; funcionarios municipales.",
        "outcomes": (
            "Las mesas funcionan desde abril de 2025; varios conflictos por el uso del agua se han resuelto sin "
            "intervención policial."
        ),
        "evaluation": "",
        "recommendations": "Asegurar que cada mesa cuente con dirigentes de distintos orígenes nacionales.",
        "lessons_learned": "Las mesas solo funcionan si las instituciones que asisten llegan con respuestas concretas.",
        "challenges": "Desconfianza hacia las instituciones; desalojos anunciados en algunos campamentos.",
        "organisation": {"name": "Fundación Puentes del Norte", "sector": "civil-society"},
        "partners": [],
        "places": [{"name": "Antofagasta", "country": "CL", "kind": "city"}],
        "start": "2025-04",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["families", "labour-migrants", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "consulted",
        "evidence": "anecdotal",
        "themes": [
            "community-building",
            "housing",
            "urban-planning",
            "anti-discrimination",
            "cities-and-local-governments",
        ],
        "dimensions": ["socio-economic", "cultural"],
        "gcm_objectives": [15, 16, 17],
        "tags": ["campamentos", "convivencia", "mesas-barriales"],
        "links": [],
        "elsewhere": [],
        "adapted_from": "Fortalecimiento de la capacidad de gobernanza de Maipú para la inclusión social de personas migrantes y refugiadas",
        "language": "es",
        "submitter": {"name": "Camila Rojas", "verified": False},
        "submitted": "2026-10-27",
        "featured": False,
    },
    # ------------------------------------------------------------------ Kampala (invented, migrant-led)
    {
        "title": "Savings Circles Led by Refugee Women in Kampala",
        "summary": (
            "A collective founded by Congolese and South Sudanese refugee women runs savings and loan circles in "
            "Kampala’s suburbs, combining weekly savings with business-skills sessions so that members can start or "
            "expand small businesses."
        ),
        "background": (
            "Uganda hosts one of the largest refugee populations in the world, and tens of thousands of refugees live in "
            "Kampala without the assistance available in the settlements. Refugee women in the city struggle to open bank "
            "accounts or obtain loans, and many run small trades with no savings to fall back on.\n\n"
            "The collective began in 2023 when a group of women who had met at church decided to pool their savings. It "
            "has since grown into a network of circles sharing a common set of rules."
        ),
        "activities": (
            "- Weekly meetings of savings groups of 20 to 30 women, with a shared cash box and rotating small loans.\n"
            "- Business-skills sessions led by members who already run successful businesses.\n"
            "- Help with opening mobile-money and bank accounts.\n"
            "- Mixed circles with Ugandan women in two neighbourhoods."
        ),
        "participants": (
            "About 240 women, most of them refugees from the Democratic Republic of the Congo and South Sudan, and some "
            "of their Ugandan neighbours."
        ),
        "outcomes": (
            "Members have issued more than 300 small loans, with over 90 % repaid on time. Several members opened market "
            "stalls or tailoring businesses."
        ),
        "evaluation": (
            "Each circle records savings, loans and repayments; the figures are reviewed at the collective’s annual "
            "general meeting."
        ),
        "recommendations": "Start small, with simple rules agreed by the members; include host-community women to ease tensions.",
        "lessons_learned": "Trust between members matters more than the amount saved.",
        "challenges": "Members relocating; the risk of keeping cash; no funds for training materials.",
        "organisation": {"name": "Tuungane Refugee Women’s Collective", "sector": "migrant-led"},
        "partners": [],
        "places": [{"name": "Kampala", "country": "UG", "kind": "city"}],
        "start": "2023-05",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["refugees", "women", "host-community"],
        "people_reached": 240,
        "people_reached_unit": "women",
        "migrant_participation": "migrant-led",
        "evidence": "monitored",
        "themes": [
            "financial-inclusion",
            "women",
            "gender",
            "entrepreneurship",
            "empowerment",
            "refugees-and-asylum-seekers",
        ],
        "dimensions": ["socio-economic"],
        "gcm_objectives": [16, 20],
        "tags": ["savings-groups", "mobile-money", "urban-refugees"],
        "links": [],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Grace Nakato", "verified": True},
        "submitted": "2026-11-09",
        "featured": False,
    },
    # ------------------------------------------------------------------ Kolda (fr, invented)
    {
        "title": "Point d’écoute et d’orientation pour les migrants de retour à Kolda",
        "summary": (
            "Une association de migrants de retour a ouvert à Kolda, en Casamance, un point d’écoute qui accueille les "
            "personnes revenues de Libye, du Maroc ou d’Europe, les oriente vers les services existants et les accompagne "
            "dans la reprise d’une activité."
        ),
        "background": (
            "La région de Kolda, au sud du Sénégal, est une zone de départ vers l’Afrique du Nord et l’Europe. De nombreux "
            "jeunes en reviennent après des parcours difficiles, parfois sans ressources et avec le sentiment d’avoir "
            "échoué aux yeux de leur famille.\n\n"
            "D’anciens migrants de retour ont créé l’association pour offrir à ces personnes un premier contact "
            "bienveillant, assuré par des pairs qui ont vécu la même expérience."
        ),
        "activities": (
            "- Permanence d’accueil trois jours par semaine.\n"
            "- Écoute et soutien psychosocial par des pairs formés.\n"
            "- Orientation vers les services de l’État, les programmes de réinsertion et les formations professionnelles.\n"
            "- Médiation familiale lorsque le retour est mal vécu par la famille.\n"
            "- Causeries dans les quartiers sur les risques de la migration irrégulière."
        ),
        "participants": (
            "Migrants de retour et leurs familles ; jeunes des quartiers de Kolda ; services publics et partenaires de la "
            "réinsertion."
        ),
        "outcomes": (
            "Depuis l’ouverture, environ 150 personnes ont été accueillies, dont une soixantaine orientées vers une "
            "formation ou un appui à une activité économique."
        ),
        "evaluation": "",
        "recommendations": "Confier l’accueil à des pairs ayant eux-mêmes vécu le retour ; travailler avec les familles.",
        "lessons_learned": (
            "La honte liée au retour empêche beaucoup de personnes de se présenter aux services officiels ; un lieu "
            "associatif lève cet obstacle."
        ),
        "challenges": "Locaux et bénévoles en nombre limité ; peu de places dans les programmes de réinsertion.",
        "organisation": {"name": "Association Kolda Retour et Développement", "sector": "migrant-led"},
        "partners": [],
        "places": [{"name": "Kolda", "country": "SN", "kind": "city"}],
        "start": "2024-09",
        "end": None,
        "implementation_status": "ongoing",
        "target_groups": ["returnees", "families", "children-and-youth"],
        "people_reached": 150,
        "people_reached_unit": "personnes accueillies",
        "migrant_participation": "migrant-led",
        "evidence": "anecdotal",
        "themes": ["empowerment", "health", "employment", "mediation-and-interpretation", "community-building"],
        "dimensions": ["socio-economic", "cultural"],
        "gcm_objectives": [7, 21],
        "tags": ["migrants-de-retour", "reinsertion", "pairs-aidants"],
        "links": [],
        "elsewhere": [],
        "adapted_from": None,
        "language": "fr",
        "submitter": {"name": "Aminata Diallo", "verified": False},
        "submitted": "2026-11-18",
        "featured": False,
    },
    # ------------------------------------------------------------------ Lisbon (deliberately thin, invented)
    {
        "title": "Intercultural Football Evenings in Lisbon",
        "summary": "We plan to organise free weekly football evenings for young migrants and Portuguese young people in Lisbon.",
        "background": "Young people in our neighbourhood do not mix much. Football could bring them together.",
        "activities": "- Weekly football evenings on a rented pitch.",
        "participants": "Young people aged 15 to 25.",
        "outcomes": "No results yet: the first evenings have not taken place.",
        "evaluation": "",
        "recommendations": "Not yet available.",
        "lessons_learned": "Not yet available.",
        "challenges": "Finding a pitch and funding.",
        "organisation": {"name": "Bola Para Todos", "sector": "civil-society"},
        "partners": [],
        "places": [{"name": "Lisbon", "country": "PT", "kind": "city"}],
        "start": "2026-12",
        "end": None,
        "implementation_status": "planned",
        "target_groups": ["children-and-youth", "host-community"],
        "people_reached": None,
        "people_reached_unit": "",
        "migrant_participation": "none",
        "evidence": "anecdotal",
        "themes": ["youth", "community-building"],
        "dimensions": ["cultural"],
        "gcm_objectives": [16],
        "tags": ["football", "sport"],
        "links": [],
        "elsewhere": [],
        "adapted_from": None,
        "language": "en",
        "submitter": {"name": "Rui Matos", "verified": False},
        "submitted": "2026-11-21",
        "featured": False,
    },
]
