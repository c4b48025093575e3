"""The vocabularies in French, Spanish and Arabic, and their English names in their own column.

The 23 GCM objectives follow the wording of the Global Compact (A/RES/73/195) in each language as far as
we could check it: docs/translating-content.md says which were checked against a UN source and which
are careful renderings awaiting a check. A term a moderator renamed keeps its new name; only empty
translations are filled in, so running this on a site where moderators already translated a term
changes nothing of theirs."""

from django.db import migrations
from django.db.models import F

# slug -> (French, Spanish, Arabic)
THEMES = {
    "anti-discrimination": ("Lutte contre les discriminations", "Lucha contra la discriminación", "مكافحة التمييز"),
    "citizenship-and-regularization": (
        "Citoyenneté et régularisation",
        "Ciudadanía y regularización",
        "المواطنة وتسوية الأوضاع",
    ),
    "cities-and-local-governments": (
        "Villes et collectivités locales",
        "Ciudades y gobiernos locales",
        "المدن والحكومات المحلية",
    ),
    "community-building": ("Développement communautaire", "Construcción de comunidad", "بناء المجتمع المحلي"),
    "connectivity-and-migration": ("Connectivité et migrations", "Conectividad y migración", "الاتصال الرقمي والهجرة"),
    "culture-and-diversity": ("Culture et diversité", "Cultura y diversidad", "الثقافة والتنوع"),
    "diaspora-engagement": ("Mobilisation des diasporas", "Participación de la diáspora", "إشراك المغتربين"),
    "discrimination-and-xenophobia": (
        "Discrimination et xénophobie",
        "Discriminación y xenofobia",
        "التمييز وكراهية الأجانب",
    ),
    "education": ("Éducation", "Educación", "التعليم"),
    "employment": ("Emploi", "Empleo", "التوظيف"),
    "empowerment": ("Autonomisation", "Empoderamiento", "التمكين"),
    "entrepreneurship": ("Entrepreneuriat", "Emprendimiento", "ريادة الأعمال"),
    "equal-access": ("Égalité d’accès", "Igualdad de acceso", "المساواة في الوصول"),
    "financial-inclusion": ("Inclusion financière", "Inclusión financiera", "الشمول المالي"),
    "gender": ("Genre", "Género", "النوع الاجتماعي"),
    "governance": ("Gouvernance", "Gobernanza", "الحوكمة"),
    "health": ("Santé", "Salud", "الصحة"),
    "housing": ("Logement", "Vivienda", "السكن"),
    "human-rights-and-law": ("Droits humains et droit", "Derechos humanos y derecho", "حقوق الإنسان والقانون"),
    "intercultural-outreach": ("Médiation interculturelle", "Acción intercultural", "التواصل بين الثقافات"),
    "interfaith-work": ("Dialogue interreligieux", "Diálogo interreligioso", "العمل بين الأديان"),
    "media-and-diversity": ("Médias et diversité", "Medios de comunicación y diversidad", "الإعلام والتنوع"),
    "mediation-and-interpretation": (
        "Médiation et interprétariat",
        "Mediación e interpretación",
        "الوساطة والترجمة الشفوية",
    ),
    "policy-on-migration-and-integration": (
        "Politiques de migration et d’intégration",
        "Políticas de migración e integración",
        "سياسات الهجرة والإدماج",
    ),
    "prevention-of-polarization": (
        "Prévention de la polarisation",
        "Prevención de la polarización",
        "الوقاية من الاستقطاب",
    ),
    "public-perceptions": ("Perceptions du public", "Percepción pública", "التصورات العامة"),
    "refugees-and-asylum-seekers": (
        "Réfugiés et demandeurs d’asile",
        "Personas refugiadas y solicitantes de asilo",
        "اللاجئون وطالبو اللجوء",
    ),
    "training": ("Formation", "Formación", "التدريب"),
    "urban-planning": ("Urbanisme", "Urbanismo", "التخطيط العمراني"),
    "women": ("Femmes", "Mujeres", "النساء"),
    "youth": ("Jeunesse", "Juventud", "الشباب"),
}

# slug -> ((French, Spanish, Arabic) names, (French, Spanish, Arabic) descriptions)
DESCRIBED_THEMES = {
    "connectivity-and-migration": (
        "Plateformes numériques, données et liens qui aident les personnes à migrer en sécurité et à rester en "
        "contact avec leurs communautés : portails de recrutement, communautés en ligne, réseaux de la diaspora "
        "et services d’information.",
        "Plataformas digitales, datos y conexiones que ayudan a las personas a migrar de forma segura y a "
        "mantenerse en contacto con sus comunidades: portales de contratación, comunidades en línea, redes de la "
        "diáspora y servicios de información.",
        "منصات رقمية وبيانات وروابط تساعد الناس على الهجرة بأمان والبقاء على تواصل مع مجتمعاتهم: بوابات "
        "التوظيف والمجتمعات الإلكترونية وشبكات المغتربين وخدمات المعلومات.",
    ),
    "discrimination-and-xenophobia": (
        "Campagnes, stratégies et programmes qui combattent le racisme, la xénophobie et la discrimination envers "
        "les migrants et les réfugiés, et qui promeuvent un débat public sur les migrations fondé sur les faits.",
        "Campañas, estrategias y programas que combaten el racismo, la xenofobia y la discriminación contra "
        "migrantes y personas refugiadas, y que promueven un discurso público sobre la migración con base empírica.",
        "حملات واستراتيجيات وبرامج تتصدى للعنصرية وكراهية الأجانب والتمييز ضد المهاجرين واللاجئين، وتشجع "
        "خطابًا عامًا بشأن الهجرة يستند إلى الأدلة.",
    ),
}

# slug -> (names, descriptions), each (French, Spanish, Arabic)
DIMENSIONS = {
    "socio-economic": (
        ("Intégration socio-économique", "Integración socioeconómica", "الإدماج الاجتماعي والاقتصادي"),
        (
            "Travail, revenus, compétences, logement, santé et éducation : les conditions pour que les migrants "
            "prennent part à l’économie et aux services publics sur un pied d’égalité.",
            "Trabajo, ingresos, competencias, vivienda, salud y educación: las condiciones para que las personas "
            "migrantes participen en la economía y en los servicios públicos en igualdad de condiciones.",
            "العمل والدخل والمهارات والسكن والصحة والتعليم: الشروط التي تتيح للمهاجرين المشاركة في الاقتصاد "
            "والخدمات العامة على قدم المساواة.",
        ),
    ),
    "legal-and-political": (
        ("Intégration juridique et politique", "Integración jurídica y política", "الإدماج القانوني والسياسي"),
        (
            "Statut de séjour, droits, citoyenneté, participation politique et accès à la justice.",
            "Situación de residencia, derechos, ciudadanía, participación política y acceso a la justicia.",
            "وضع الإقامة والحقوق والمواطنة والمشاركة السياسية والوصول إلى العدالة.",
        ),
    ),
    "cultural": (
        ("Intégration culturelle", "Integración cultural", "الإدماج الثقافي"),
        (
            "Langue, identité, relations interculturelles, médias et perceptions du public : vivre ensemble dans "
            "la diversité.",
            "Idioma, identidad, relaciones interculturales, medios de comunicación y percepción pública: convivir "
            "en la diversidad.",
            "اللغة والهوية والعلاقات بين الثقافات والإعلام والتصورات العامة: العيش معًا في ظل التنوع.",
        ),
    ),
}

# Objective number -> (French, Spanish, Arabic), after A/RES/73/195 in each language.
GCM_OBJECTIVES = {
    1: (
        "Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques "
        "fondées sur la connaissance des faits",
        "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica",
        "جمع واستخدام بيانات دقيقة ومصنفة كأساس لوضع سياسات قائمة على الأدلة",
    ),
    2: (
        "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter "
        "leur pays d’origine",
        "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen",
        "التقليل إلى أدنى حد من العوامل الضارة والهيكلية التي تضطر الناس إلى مغادرة بلدهم الأصلي",
    ),
    3: (
        "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration",
        "Proporcionar información exacta y oportuna en todas las etapas de la migración",
        "تقديم معلومات دقيقة وفي الوقت المناسب في جميع مراحل الهجرة",
    ),
    4: (
        "Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats",
        "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada",
        "ضمان حصول جميع المهاجرين على إثبات للهوية القانونية ووثائق مناسبة",
    ),
    5: (
        "Faire en sorte que les filières de migration régulière soient accessibles et plus souples",
        "Aumentar la disponibilidad y flexibilidad de las vías de migración regular",
        "تعزيز توافر مسارات الهجرة النظامية ومرونتها",
    ),
    6: (
        "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent",
        "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente",
        "تيسير التوظيف المنصف والأخلاقي وضمان الظروف التي تكفل العمل اللائق",
    ),
    7: (
        "S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
        "Abordar y reducir las vulnerabilidades en la migración",
        "معالجة أوجه الضعف في الهجرة والحد منها",
    ),
    8: (
        "Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus",
        "Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos",
        "إنقاذ الأرواح وتنسيق الجهود الدولية بشأن المهاجرين المفقودين",
    ),
    9: (
        "Renforcer l’action transnationale face au trafic de migrants",
        "Reforzar la respuesta transnacional al tráfico ilícito de migrantes",
        "تعزيز التصدي عبر الحدود الوطنية لتهريب المهاجرين",
    ),
    10: (
        "Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales",
        "Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional",
        "منع الاتجار بالأشخاص ومكافحته والقضاء عليه في سياق الهجرة الدولية",
    ),
    11: (
        "Gérer les frontières de manière intégrée, sûre et coordonnée",
        "Gestionar las fronteras de manera integrada, segura y coordinada",
        "إدارة الحدود بطريقة متكاملة وآمنة ومنسقة",
    ),
    12: (
        "Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, "
        "des évaluations et une orientation appropriés",
        "Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación "
        "de antecedentes, evaluación y derivación",
        "تعزيز اليقين والقدرة على التنبؤ في إجراءات الهجرة من أجل الفرز والتقييم والإحالة على النحو المناسب",
    ),
    13: (
        "Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et chercher des "
        "solutions de rechange",
        "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas",
        "عدم اللجوء إلى احتجاز المهاجرين إلا كملاذ أخير والعمل على إيجاد بدائل له",
    ),
    14: (
        "Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle migratoire",
        "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio",
        "تعزيز الحماية والمساعدة والتعاون على الصعيد القنصلي طوال دورة الهجرة",
    ),
    15: (
        "Assurer l’accès des migrants aux services de base",
        "Proporcionar a los migrantes acceso a servicios básicos",
        "توفير إمكانية حصول المهاجرين على الخدمات الأساسية",
    ),
    16: (
        "Donner aux migrants et aux sociétés les moyens de réaliser la pleine intégration et la cohésion sociale",
        "Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social",
        "تمكين المهاجرين والمجتمعات من تحقيق الإدماج الكامل والتماسك الاجتماعي",
    ),
    17: (
        "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse des faits "
        "afin de faire évoluer la manière dont les migrations sont perçues",
        "Eliminar todas las formas de discriminación y promover un discurso público con base empírica para "
        "modificar las percepciones de la migración",
        "القضاء على جميع أشكال التمييز وتشجيع الخطاب العام المستند إلى الأدلة من أجل تشكيل تصورات الهجرة",
    ),
    18: (
        "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, "
        "qualifications et compétences",
        "Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones "
        "y competencias",
        "الاستثمار في تنمية المهارات وتيسير الاعتراف المتبادل بالمهارات والمؤهلات والكفاءات",
    ),
    19: (
        "Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement "
        "durable dans tous les pays",
        "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al "
        "desarrollo sostenible en todos los países",
        "تهيئة الظروف التي تمكّن المهاجرين والمغتربين من المساهمة الكاملة في التنمية المستدامة في جميع البلدان",
    ),
    20: (
        "Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion "
        "financière des migrants",
        "Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera "
        "de los migrantes",
        "تعزيز تحويل الأموال بطرق أسرع وأكثر أمانًا وأقل تكلفة وتيسير الشمول المالي للمهاجرين",
    ),
    21: (
        "Coopérer en vue de faciliter dans la sécurité et la dignité le retour et la réadmission, ainsi que la "
        "réintégration durable",
        "Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la "
        "reintegración sostenible",
        "التعاون في تيسير العودة وإعادة القبول في ظروف آمنة وكريمة، وكذلك إعادة الإدماج المستدامة",
    ),
    22: (
        "Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis",
        "Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas",
        "إنشاء آليات لنقل استحقاقات الضمان الاجتماعي والمستحقات المكتسبة",
    ),
    23: (
        "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, "
        "ordonnées et régulières",
        "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular",
        "تعزيز التعاون الدولي والشراكات العالمية من أجل الهجرة الآمنة والمنظمة والنظامية",
    ),
}

STAKEHOLDER_TYPES = {
    "national-government": ("Gouvernement national", "Gobierno nacional", "حكومة وطنية"),
    "local-government": ("Collectivité locale", "Gobierno local", "حكومة محلية"),
    "international-organisation": (
        "Organisation internationale ou régionale",
        "Organización internacional o regional",
        "منظمة دولية أو إقليمية",
    ),
    "civil-society": ("Société civile", "Sociedad civil", "المجتمع المدني"),
    "migrant-led": (
        "Organisation dirigée par des migrants",
        "Organización liderada por migrantes",
        "منظمة يقودها مهاجرون",
    ),
    "academia": ("Milieu universitaire", "Academia", "الأوساط الأكاديمية"),
    "private-sector": ("Secteur privé", "Sector privado", "القطاع الخاص"),
    "media": ("Médias", "Medios de comunicación", "وسائل الإعلام"),
}

TARGET_GROUPS = {
    "refugees": ("Réfugiés", "Personas refugiadas", "اللاجئون"),
    "asylum-seekers": ("Demandeurs d’asile", "Solicitantes de asilo", "طالبو اللجوء"),
    "labour-migrants": ("Travailleurs migrants", "Trabajadores migrantes", "العمال المهاجرون"),
    "domestic-workers": ("Travailleurs domestiques", "Trabajadoras y trabajadores domésticos", "عمال المنازل"),
    "students": ("Étudiants", "Estudiantes", "الطلاب"),
    "returnees": ("Personnes de retour", "Personas retornadas", "العائدون"),
    "diaspora": ("Diaspora", "Diáspora", "المغتربون"),
    "host-community": ("Communauté d’accueil", "Comunidad de acogida", "المجتمع المضيف"),
    "women": ("Femmes", "Mujeres", "النساء"),
    "children-and-youth": ("Enfants et jeunes", "Niñez y juventud", "الأطفال والشباب"),
    "families": ("Familles", "Familias", "الأسر"),
    "professionals": ("Professionnels", "Profesionales", "المهنيون"),
}

LANGUAGES = ("fr", "es", "ar")


def _fill(row, field: str, values) -> list[str]:
    """Fill the empty translations of one field; the names of the fields changed."""
    changed = []
    for language, value in zip(LANGUAGES, values, strict=True):
        name = f"{field}_{language}"
        if not getattr(row, name):
            setattr(row, name, value)
            changed.append(name)
    return changed


def translate_vocabularies(apps, schema_editor):
    Topic = apps.get_model("vocabularies", "Topic")
    TargetGroup = apps.get_model("vocabularies", "TargetGroup")
    StakeholderType = apps.get_model("vocabularies", "StakeholderType")
    # The English column holds what the original one holds; modeltranslation reads English from it.
    Topic.objects.filter(name_en__isnull=True).update(name_en=F("name"))
    Topic.objects.filter(description_en__isnull=True).update(description_en=F("description"))
    TargetGroup.objects.filter(name_en__isnull=True).update(name_en=F("name"))
    StakeholderType.objects.filter(name_en__isnull=True).update(name_en=F("name"))

    for topic in Topic.objects.all():
        changed = []
        if topic.kind == "theme" and topic.slug in THEMES:
            changed += _fill(topic, "name", THEMES[topic.slug])
            if topic.slug in DESCRIBED_THEMES and topic.description:
                changed += _fill(topic, "description", DESCRIBED_THEMES[topic.slug])
        elif topic.kind == "dimension" and topic.slug in DIMENSIONS:
            names, descriptions = DIMENSIONS[topic.slug]
            changed += _fill(topic, "name", names)
            if topic.description:
                changed += _fill(topic, "description", descriptions)
        elif topic.kind == "gcm" and topic.number in GCM_OBJECTIVES:
            changed += _fill(topic, "name", GCM_OBJECTIVES[topic.number])
        if changed:
            topic.save(update_fields=changed)
    for model, names in ((TargetGroup, TARGET_GROUPS), (StakeholderType, STAKEHOLDER_TYPES)):
        for term in model.objects.filter(slug__in=names):
            if changed := _fill(term, "name", names[term.slug]):
                term.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0002_translated_names")]

    operations = [migrations.RunPython(translate_vocabularies, migrations.RunPython.noop)]
