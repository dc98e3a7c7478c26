"""Foundations: why collective intervention, and the ISIC method step by step (the first two demo modules)."""

from reflections import demo as prompts

from ..models import CoursePage
from .helpers import (
    ARRETES_2018,
    BACQUE,
    BOURGUIGNON,
    CASE_TILLEULS,
    CASF_D142_1_1,
    LE_BOSSE,
    MANUEL,
    PLAN_2015,
    QUIZ_BEFORE,
    QUIZ_JUDGEMENT,
    QUIZ_LANDMARKS,
    SANCHEZ,
    TRIBUNE_FONDA,
    case_ref,
    glossary,
    heading,
    key_points,
    quiz_ref,
    reading,
    reflection,
    testimony,
    text,
)

COURSES = [
    {
        "slug": "pourquoi-intervention-sociale-collective",
        "title": "Pourquoi l'intervention sociale collective ?",
        "summary": "Comprendre pourquoi l'aide individuelle ne suffit pas face à des difficultés partagées, "
        "ce que recouvre l'intervention sociale d'intérêt collectif et ce qu'en dit le cadre réglementaire "
        "du travail social depuis 2017.",
        "objectives": "<ul><li>Distinguer l'aide à la personne (ISAP) et l'intervention d'intérêt collectif "
        "(ISIC).</li><li>Situer l'action collective dans la définition du travail social de 2017.</li>"
        "<li>Reconnaître les grandes familles de l'intervention collective et leurs apports.</li></ul>",
        "audience": "Étudiant·es en travail social, professionnel·les de l'accompagnement social",
        "level": CoursePage.Level.DISCOVERY,
        "sequencing": CoursePage.Sequencing.FREE,
        "domains": ["DC1", "DC2"],
        "lessons": [
            {
                "slug": "du-cas-par-cas-au-collectif",
                "objectives": [
                    "Expliquer pourquoi l'aide au cas par cas ne suffit pas face à des difficultés partagées.",
                    "Repérer, dans une file de demandes individuelles, les signes d'un problème collectif.",
                    "Situer l'intervention collective comme complément de l'accompagnement individuel.",
                ],
                "title": "Du cas par cas au collectif",
                "summary": "Quand plusieurs personnes vivent le même problème, le traiter dossier par dossier "
                "laisse sa cause intacte.",
                "body": [
                    heading("Avant de commencer : où en êtes-vous ?"),
                    text(
                        "<p>Ce court questionnaire ne note rien : il vous aide à situer vos repères avant le "
                        "parcours. Vous le comparerez au même questionnaire, rempli à la fin.</p>"
                    ),
                    quiz_ref(QUIZ_BEFORE),
                    heading("Un même problème, plusieurs dossiers"),
                    text(
                        "<p>Une assistante sociale de secteur reçoit en un mois huit ménages du même immeuble "
                        "pour des factures d'énergie impayées. Chaque situation peut recevoir une aide "
                        "financière ; pourtant la cause commune (une chaudière collective défaillante, des "
                        "fenêtres mal isolées) reste entière et les impayés reviendront.</p>"
                        "<p>L'accompagnement individuel reste indispensable. Mais quand les difficultés "
                        "— logement, précarité, isolement, <b>non-recours</b> aux droits — touchent un "
                        "groupe de personnes, les traiter une à une, à travers des dispositifs empilés, ne "
                        "change pas les conditions qui les produisent.</p>"
                    ),
                    glossary(
                        "ISAP",
                        "Intervention sociale d'aide à la personne : l'accompagnement individuel, cœur "
                        "historique du métier.",
                    ),
                    glossary(
                        "ISIC",
                        "Intervention sociale d'intérêt collectif : agir avec la population d'un territoire "
                        "pour faire émerger des intérêts communs et aider les groupes à mieux maîtriser "
                        "leur vie quotidienne.",
                    ),
                    testimony(
                        "Au début, chacun pensait être le seul à ne pas s'en sortir avec le chauffage. "
                        "Quand on s'est retrouvés à huit autour de la table, on a compris que ce n'était "
                        "pas notre faute.",
                        "Karim",
                        "locataire, membre d'un groupe d'habitants (témoignage fictif)",
                    ),
                    heading("Articuler plutôt qu'opposer"),
                    text(
                        "<p>L'intervention collective ne remplace pas l'aide individuelle : elle l'articule "
                        "avec une action menée <i>avec</i> les personnes concernées. Elle vise aussi à "
                        "passer du curatif au préventif, en agissant sur ce qui fabrique les difficultés.</p>"
                    ),
                    key_points(
                        "Des difficultés partagées appellent aussi une réponse partagée.",
                        "L'aide individuelle et l'action collective se complètent.",
                        "On agit avec les personnes, pas à leur place.",
                    ),
                    reflection(prompts.PROMPT_INDIVIDUAL_COLLECTIVE),
                    reading(TRIBUNE_FONDA),
                ],
            },
            {
                "slug": "ce-que-dit-le-cadre",
                "objectives": [
                    "Retracer les étapes qui mènent de la notion d'ISIC (1988) à la définition réglementaire de 2017.",
                    "Citer l'article du code qui définit le travail social et ce qu'il dit des approches collectives.",
                    "Situer les domaines de compétences des diplômes réformés en 2018.",
                ],
                "title": "Ce que dit le cadre : de 1988 à la définition de 2017",
                "summary": "L'ISIC a été formalisée dès 1988 ; la définition réglementaire du travail social "
                "de 2017 associe explicitement approches individuelles et collectives.",
                "body": [
                    heading("Une notion française, formalisée en 1988"),
                    text(
                        "<p>La notion d'intervention sociale d'intérêt collectif est propre à la France. "
                        "Le <b>Conseil supérieur du travail social (CSTS)</b> l'a formalisée dans un rapport "
                        "de 1988 : elle s'adresse à la population d'un territoire et cherche à faire "
                        "apparaître des intérêts communs. Le bénéfice visé est collectif, sans que l'intérêt "
                        "de chacun soit mis de côté.</p>"
                    ),
                    heading("La réforme de 2013 à 2018"),
                    text(
                        "<ul><li>Les <b>États généraux du travail social</b>, lancés en 2013, aboutissent à "
                        "des rapports en 2015, dont celui de la députée Brigitte Bourguignon.</li>"
                        "<li>Le <b>plan d'action interministériel</b> en faveur du travail social et du "
                        "développement social est présenté en Conseil des ministres le 21 octobre 2015.</li>"
                        "<li>Le <b>Haut Conseil du travail social (HCTS)</b>, créé par décret du 1er juillet "
                        "2016, succède au CSTS et compte un collège de personnes accompagnées.</li>"
                        "<li>Le <b>décret n° 2017-877 du 6 mai 2017</b> donne la première définition "
                        "réglementaire du travail social, à l'article D. 142-1-1 du CASF.</li></ul>"
                    ),
                    heading("Ce que retient la définition de 2017", "h3"),
                    text(
                        "<p>Le texte fait du travail social une pratique qui mobilise des approches "
                        "<b>individuelles et collectives</b> au service du changement social, du "
                        "développement social et de la cohésion. Il mise sur la capacité d'agir des personnes "
                        "et s'appuie sur trois sortes de savoirs : universitaires, professionnels, et les "
                        "<b>savoirs d'expérience</b> des personnes, associées à la construction des "
                        "réponses.</p>"
                        "<p>Pour une équipe, cette définition (CASF, art. D. 142-1-1) a une portée pratique : "
                        "elle permet de rappeler à un employeur ou à un financeur qu'une action collective "
                        "n'est pas un supplément facultatif, mais une des façons d'exercer le métier telles "
                        "que le code les décrit. Elle ne dit pas comment s'y prendre ; c'est l'objet des "
                        "modules qui suivent.</p>"
                    ),
                    glossary("CASF", "Code de l'action sociale et des familles."),
                    glossary(
                        "Savoirs d'expérience",
                        "Connaissances tirées du vécu des personnes concernées, reconnues à côté des savoirs "
                        "universitaires et professionnels.",
                    ),
                    heading("Et dans les diplômes ?", "h3"),
                    text(
                        "<p>Les diplômes d'État réformés en 2018 (DEASS, DEES, DEETS, DEEJE, DECESF) sont "
                        "organisés en quatre domaines de compétences. Le DC3 et le DC4 forment un socle commun "
                        "aux cinq diplômes ; le DC1 et le DC2 ont un intitulé propre à chaque diplôme. Pour le "
                        "DEASS, le DC1 s'intitule « Intervention professionnelle en travail social » ; pour le "
                        "DEES, « La relation éducative spécialisée ». Le DC4, « Dynamiques "
                        "interinstitutionnelles, partenariats et réseaux », porte le même titre dans les deux. "
                        "Les domaines affichés sur cette plateforme reprennent les intitulés du DEASS.</p>"
                    ),
                    key_points(
                        "L'ISIC existe comme notion depuis le rapport du CSTS de 1988.",
                        "Depuis 2017, la définition réglementaire associe individuel et collectif.",
                        "Les savoirs d'expérience des personnes font partie des savoirs reconnus.",
                    ),
                    reading(CASF_D142_1_1, PLAN_2015, ARRETES_2018, BOURGUIGNON),
                ],
            },
            {
                "slug": "trois-familles-intervention-collective",
                "objectives": [
                    "Distinguer travail social communautaire, travail avec les groupes et développement social local.",
                    "Situer par rapport à elles le pouvoir d'agir, le community organizing et l'empowerment.",
                ],
                "title": "Trois familles d'intervention collective",
                "summary": "Travail social communautaire, travail avec les groupes, développement social "
                "local : trois manières d'agir collectivement, et des courants voisins.",
                "body": [
                    text(
                        "<p>L'ISIC regroupe trois familles : le <b>travail social communautaire</b>, "
                        "encore rare en France, le <b>travail social avec les groupes</b> et le "
                        "<b>développement social local</b>.</p>"
                    ),
                    heading("Le travail social avec les groupes"),
                    text(
                        "<p>Venu d'Amérique du Nord, il fait du groupe un système d'aide mutuelle réuni par "
                        "un·e professionnel·le. Les objectifs sont à la fois individuels, collectifs et "
                        "sociaux : un groupe de personnes surendettées, par exemple, s'entraide et porte "
                        "ensemble une parole.</p>"
                    ),
                    glossary("TSG", "Travail social avec les groupes."),
                    heading("Le développement social local"),
                    text(
                        "<p>Porté dans les années 1990 et 2000 par l'ODAS et par des départements pionniers, "
                        "il s'ancre dans un territoire : diagnostic partagé, décloisonnement des politiques, "
                        "coopération entre habitants, élu·es et professionnel·les.</p>"
                    ),
                    glossary("DSL", "Développement social local."),
                    heading("Des courants voisins"),
                    text(
                        "<ul><li>Le <b>développement du pouvoir d'agir</b> (DPA-PC), conceptualisé par Yann "
                        "Le Bossé : aider les personnes à agir davantage sur ce qui compte pour elles, leurs "
                        "proches et leur collectif.</li>"
                        "<li>Le <b>community organizing</b>, né à Chicago avec Saul Alinsky : il assume le "
                        "conflit et construit des campagnes non violentes aux revendications précises. En "
                        "France, l'Alliance Citoyenne s'en inspire depuis Grenoble.</li></ul>"
                    ),
                    glossary(
                        "Pouvoir d'agir",
                        "La capacité réelle d'agir sur ce qui compte pour soi ou pour son groupe.",
                    ),
                    key_points(
                        "Trois familles : communautaire, groupes, développement social local.",
                        "Le DPA-PC et le community organizing éclairent la question du pouvoir.",
                        "Chaque approche part des préoccupations des personnes.",
                    ),
                    reflection(prompts.PROMPT_FAMILIES),
                    reading(LE_BOSSE, SANCHEZ, BACQUE),
                ],
            },
        ],
    },
    {
        "slug": "demarche-isic-pas-a-pas",
        "title": "La démarche ISIC pas à pas",
        "summary": "Les étapes d'une intervention d'intérêt collectif, du diagnostic partagé à l'évaluation, "
        "illustrées par une situation d'impayés d'énergie dans une résidence HLM.",
        "objectives": "<ul><li>Conduire un diagnostic partagé avec les habitant·es et les partenaires.</li>"
        "<li>Mobiliser un groupe en clarifiant son mandat institutionnel.</li>"
        "<li>Accompagner le groupe dans l'élaboration et la conduite d'un projet.</li>"
        "<li>Évaluer les effets sur la situation, les personnes et les institutions.</li></ul>",
        "audience": "Professionnel·les et étudiant·es ayant suivi le module d'introduction",
        "level": CoursePage.Level.DEEPENING,
        "sequencing": CoursePage.Sequencing.LINEAR,
        "domains": ["DC1", "DC3", "DC4"],
        "prerequisites": ["pourquoi-intervention-sociale-collective"],
        "lessons": [
            {
                "slug": "le-diagnostic-partage",
                "objectives": [
                    "Construire un diagnostic qui croise données, récits et observations des habitants.",
                    "Repérer les ressources d'un territoire autant que ses manques.",
                ],
                "title": "Le diagnostic partagé",
                "summary": "Croiser données, récits et observations avec les habitant·es et les partenaires, "
                "en regardant les ressources autant que les manques.",
                "body": [
                    text(
                        "<p>La démarche se présente comme un cycle, pas comme une recette : diagnostic, "
                        "mobilisation, élaboration du projet, action, évaluation. Chaque étape se fait avec "
                        "les personnes concernées.</p>"
                    ),
                    heading("Croiser les regards"),
                    text(
                        "<p>Un diagnostic partagé rassemble des constats de nature différente : des données "
                        "(INSEE, CAF, bailleurs), les récits des habitant·es, les observations des "
                        "professionnel·les. On cartographie les acteurs, on peut organiser une marche "
                        "exploratoire. Le but est d'aboutir à quelques enjeux hiérarchisés, discutés avec "
                        "les habitant·es, les partenaires et les élu·es.</p>"
                    ),
                    heading("Trois sortes de constats", "h3"),
                    text(
                        "<p><b>Les données chiffrées</b> situent le problème : nombre de ménages concernés, "
                        "évolution sur plusieurs années, comparaison avec un autre quartier. Elles viennent des "
                        "partenaires (caisse d'allocations familiales, bailleur, service social) ou d'un relevé "
                        "fait par le groupe lui-même, comme des températures ou des factures. Un chiffre isolé "
                        "prouve peu ; une série qui change brusquement invite à chercher ce qui a changé.</p>"
                        "<p><b>Les récits des personnes</b> disent ce que les chiffres taisent : comment une "
                        "difficulté se vit, ce que chacun a déjà tenté, à qui il s'est adressé, ce qui l'a "
                        "découragé. Ils se recueillent dans des lieux et à des heures où les gens viennent "
                        "vraiment, et pas seulement au bureau.</p>"
                        "<p><b>Les observations des professionnel·les</b> relient les situations entre elles : "
                        "une même adresse qui revient dans les demandes, une démarche qui échoue toujours au "
                        "même endroit. Elles ne remplacent pas la parole des personnes ; elles la complètent.</p>"
                    ),
                    heading("Regarder les ressources", "h3"),
                    text(
                        "<p>Un diagnostic qui ne liste que des manques enferme le groupe dans le rôle de "
                        "plaignant. Il vaut la peine de recenser aussi ce qui existe : une amicale en sommeil, "
                        "une salle disponible, un commerçant qui connaît tout le monde, une habitante qui parle "
                        "trois langues, un élu attentif. Ces ressources donnent des prises pour agir et montrent "
                        "au groupe qu'il n'est pas démuni.</p>"
                    ),
                    heading("Éviter les pièges", "h3"),
                    text(
                        "<ul><li><b>Conclure avant d'avoir regardé</b> : expliquer un problème par les "
                        "comportements des personnes (« ils chauffent mal », « ils ne lisent pas leur "
                        "courrier ») ferme l'enquête au moment où elle devrait commencer.</li>"
                        "<li><b>Confisquer le diagnostic</b> : un rapport rédigé par les professionnel·les, "
                        "présenté une fois terminé, informe les habitant·es mais ne leur appartient pas.</li>"
                        "<li><b>Chercher l'exhaustivité</b> : un diagnostic sert à décider. Mieux vaut "
                        "quelques constats solides, validés ensemble, qu'un état des lieux complet qui arrive "
                        "quand l'élan est retombé.</li></ul>"
                        "<p>Le diagnostic se termine quand le groupe peut dire, avec ses mots, quel problème il "
                        "veut traiter en premier et pourquoi. C'est le point de départ de la mobilisation.</p>"
                    ),
                    testimony(
                        "On a relevé les compteurs ensemble, appartement par appartement. Les chiffres, "
                        "c'étaient les nôtres : personne ne pouvait dire qu'on exagérait.",
                        "Mme D.",
                        "locataire de la résidence (témoignage fictif)",
                    ),
                    glossary(
                        "Diagnostic partagé",
                        "État des lieux construit avec les acteurs et les habitant·es d'un territoire.",
                    ),
                    key_points(
                        "Les ressources d'un territoire comptent autant que ses manques.",
                        "Les preuves collectées ensemble sont plus solides et appartiennent au groupe.",
                        "Éviter d'expliquer le problème par les seuls comportements des personnes.",
                    ),
                    reading(MANUEL, SANCHEZ),
                ],
            },
            {
                "slug": "mobiliser-constituer-le-groupe",
                "objectives": [
                    "Aller à la rencontre des personnes concernées pour constituer un groupe.",
                    "Clarifier son mandat institutionnel avant d'engager une action collective.",
                ],
                "title": "Mobiliser et constituer le groupe",
                "summary": "Aller vers les personnes, repérer celles et ceux qui porteront la démarche, "
                "clarifier le mandat donné par l'institution.",
                "body": [
                    heading("Aller vers"),
                    text(
                        "<p>Beaucoup de personnes concernées ne demandent rien. Il faut aller à leur "
                        "rencontre : porte-à-porte, permanences hors les murs, présence dans les lieux du "
                        "quotidien. Peu à peu apparaissent des « porteurs » prêts à s'engager.</p>"
                    ),
                    glossary("Aller vers", "Démarche proactive vers les personnes qui ne demandent rien."),
                    heading("Clarifier le mandat"),
                    text(
                        "<p>Avant de constituer le groupe, le ou la professionnel·le clarifie ce que son "
                        "employeur l'autorise à faire, le temps disponible et les limites de son rôle. "
                        "Il ou elle garantit le cadre et la méthode plutôt que d'apporter les solutions.</p>"
                    ),
                    heading("Une participation réelle", "h3"),
                    text(
                        "<p>Se méfier de la participation « alibi », où l'on consulte sans rien changer. "
                        "L'échelle de la participation de Sherry Arnstein (1969) aide à situer où l'on en "
                        "est vraiment.</p>"
                    ),
                    reflection(prompts.PROMPT_PARTICIPATION),
                    testimony(
                        "Ma cheffe de service m'a dit : tu peux réunir les locataires, mais c'est à eux de "
                        "décider s'ils écrivent au bailleur. Ça a rendu les choses claires pour tout le monde.",
                        "Sophie",
                        "conseillère en économie sociale familiale (témoignage fictif)",
                    ),
                    key_points(
                        "Aller vers les personnes plutôt qu'attendre leur demande.",
                        "Clarifier le mandat institutionnel avant d'engager le groupe.",
                        "Ne pas parler à la place du groupe.",
                    ),
                    reading(MANUEL, LE_BOSSE),
                ],
            },
            {
                "slug": "elaborer-le-projet-et-agir",
                "objectives": [
                    "Aider un groupe à formuler lui-même son problème, ses objectifs et ses moyens.",
                    "Répartir les rôles et ajuster l'action sans parler à la place du groupe.",
                ],
                "title": "Élaborer le projet et agir",
                "summary": "Le groupe formule le problème, fixe ses objectifs et passe à l'action, en "
                "partageant les rôles.",
                "body": [
                    heading("Le groupe formule le problème"),
                    text(
                        "<p>C'est le groupe qui dit ce qui pose problème, ce qu'il veut obtenir, avec quels "
                        "moyens et selon quel calendrier. Le projet se négocie aussi avec l'employeur du ou "
                        "de la professionnel·le.</p>"
                    ),
                    heading("Agir et ajuster"),
                    text(
                        "<p>Dans la résidence, les locataires décident d'écrire au bailleur en joignant les "
                        "relevés réunis pendant le diagnostic, pendant que les aides individuelles se "
                        "poursuivent pour les ménages les plus en difficulté. Les rôles sont répartis : qui "
                        "rédige, qui porte la parole, qui informe les voisin·es.</p>"
                    ),
                    glossary("Action collective", "Action menée par un groupe pour un but commun."),
                    key_points(
                        "Aides individuelles et démarche collective avancent en parallèle.",
                        "Décider ensemble qui porte la parole du groupe.",
                        "Ne pas exposer une personne fragile ni promettre un résultat.",
                    ),
                    heading("À vous de jouer"),
                    case_ref(
                        CASE_TILLEULS,
                        "Ce cas reprend les étapes vues jusqu'ici, dans une résidence où les impayés d'énergie se "
                        "multiplient. Jouez-le en entier : il compte pour terminer la leçon.",
                        required=True,
                    ),
                    reading(MANUEL),
                ],
            },
            {
                "slug": "evaluer-poursuivre-transmettre-clore",
                "objectives": [
                    "Évaluer les effets d'une action sur la situation, les personnes et les institutions.",
                    "Décider avec le groupe de poursuivre, transmettre ou clore.",
                ],
                "title": "Évaluer, puis poursuivre, transmettre ou clore",
                "summary": "Mesurer les effets sur la situation, sur les personnes et sur les institutions, "
                "puis décider de la suite.",
                "body": [
                    heading("Trois niveaux d'effets"),
                    text(
                        "<ul><li><b>La situation</b> : le problème de départ a-t-il changé ?</li>"
                        "<li><b>Les personnes</b> : confiance, compétences, liens entre voisin·es.</li>"
                        "<li><b>Les institutions</b> : pratiques modifiées, dysfonctionnements signalés et "
                        "corrigés.</li></ul>"
                    ),
                    text(
                        "<p>Compter seulement les dossiers traités passe à côté de l'essentiel : l'autonomie "
                        "gagnée et les dysfonctionnements remontés aux institutions.</p>"
                    ),
                    heading("Décider de la suite", "h3"),
                    text(
                        "<p>Selon le bilan, le groupe poursuit, transmet la démarche à une association "
                        "d'habitant·es ou clôt l'action. Le temps long fait partie de la méthode.</p>"
                    ),
                    key_points(
                        "Évaluer avec le groupe, pas seulement pour l'institution.",
                        "Regarder les effets sur les personnes autant que sur la situation.",
                        "Poursuivre, transmettre ou clore : une décision à prendre ensemble.",
                    ),
                    quiz_ref(QUIZ_LANDMARKS),
                    text(
                        "<p>Pour finir, mettez la démarche à l'épreuve du terrain : quinze situations où il "
                        "faut choisir, parmi des réponses plausibles, la meilleure et la moins bonne.</p>"
                    ),
                    quiz_ref(QUIZ_JUDGEMENT),
                    reading(MANUEL, LE_BOSSE, TRIBUNE_FONDA),
                ],
            },
        ],
    },
]
