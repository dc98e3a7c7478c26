"""Demo case E: tenants of a run-down private building, between negotiation and a balance of power.

Fictional places and people.
"""

from ..graph import Phase
from .builders import A, R, X, choice, decision, document, ending, role

SLUG = "locataires-face-au-logement-indigne"

PEOPLE = [
    role(
        "Vous",
        "professionnel",
        "conseillère en économie sociale familiale (CESF)",
        "Vous travaillez dans une association d'accompagnement au logement, financée en partie par la ville.",
    ),
    role(
        "M. Haddad",
        "personne",
        "locataire au deuxième étage, père de deux enfants",
        "Son fils fait des crises d'asthme ; les murs de la chambre sont couverts de moisissures.",
    ),
    role(
        "Mme Petit",
        "personne",
        "locataire depuis vingt ans",
        "Elle connaît tous les voisins et garde les doubles des courriers envoyés au propriétaire.",
    ),
    role(
        "M. Sow",
        "personne",
        "locataire au rez-de-chaussée",
        "Sa situation administrative est fragile ; il craint de perdre son logement s'il se fait remarquer.",
    ),
    role(
        "L'ADIL",
        "partenaire",
        "agence départementale d'information sur le logement",
        "Elle informe gratuitement les locataires sur leurs droits et les recours possibles.",
    ),
    role(
        "Le service communal d'hygiène",
        "partenaire",
        "service de la ville",
        "Il peut visiter les logements et engager des procédures contre un propriétaire.",
    ),
    role(
        "Habitat Debout",
        "partenaire",
        "association d'habitants (fictive)",
        "Elle organise des locataires pour obtenir des travaux, y compris par des actions publiques.",
    ),
]

NODES = [
    decision(
        "premier-signal",
        "Une chambre couverte de moisissures",
        Phase.DIAGNOSTIC,
        "<p>M. Haddad vient vous voir : son fils est asthmatique, la chambre est humide et le propriétaire ne "
        "répond plus. Il ajoute que « chez les voisins, c'est pareil ». L'immeuble compte quatorze logements, "
        "tous loués par le même propriétaire.</p>",
        [
            choice(
                "recenser-ensemble",
                "Proposer aux locataires de recenser ensemble les désordres, et de s'informer de leurs droits à l'ADIL",
                R,
                10,
                "collectif",
                "Un recensement fait par les locataires eux-mêmes produit des preuves solides et montre que le "
                "problème concerne l'immeuble, pas un ménage. Connaître ses droits est une première forme de "
                "pouvoir d'agir.",
            ),
            choice(
                "signalement-individuel",
                "Signaler sans attendre au service d'hygiène le logement de M. Haddad, vu l'asthme de son fils",
                A,
                5,
                "collectif",
                "Le signalement est légitime et peut être urgent pour la santé de l'enfant. Mais traité seul, il "
                "laisse les autres ménages de côté, et M. Haddad apparaît comme le seul « plaignant » face au "
                "propriétaire.",
            ),
            choice(
                "promettre-relogement",
                "Rassurer M. Haddad en lui promettant d'obtenir un relogement rapide, vu la santé de son fils",
                X,
                0,
                "promesse-intenable",
                "Vous promettez un résultat qui ne dépend pas de vous. La promesse soulage sur le moment, mais elle "
                "expose votre crédibilité et celle de l'association si elle n'est pas tenue.",
            ),
        ],
        start=True,
    ),
    decision(
        "promesse-intenable",
        "Trois mois sans réponse",
        Phase.DIAGNOSTIC,
        "<p>Aucun relogement n'a été proposé. M. Haddad est en colère ; ses voisins, qui ont eu vent de la "
        "promesse, se méfient de l'association.</p>",
        [
            choice(
                "reconnaitre",
                "Reconnaître votre erreur, dire ce qui dépend de vous, et proposer une démarche avec les voisins",
                R,
                8,
                "collectif",
                "Reconnaître une erreur restaure la confiance plus sûrement que de la masquer. Dire clairement ce "
                "qui relève de vous et ce qui n'en relève pas est une condition du travail avec les personnes.",
            ),
            choice(
                "nouvelle-promesse",
                "Promettre à M. Haddad que son dossier sera désormais traité "
                "en priorité, et relancer vous-même la mairie",
                X,
                0,
                "fin-defiance",
                "Une deuxième promesse, aussi incertaine que la première, achève d'entamer la confiance.",
            ),
        ],
    ),
    decision(
        "collectif",
        "Un collectif et des craintes",
        Phase.MOBILISATION,
        "<p>Neuf ménages sur quatorze se réunissent. Le recensement montre des infiltrations, des installations "
        "électriques dangereuses et une chaudière en panne. M. Sow craint des représailles. Votre directrice "
        "s'inquiète : la ville, qui finance l'association, est en contact avec le propriétaire pour d'autres "
        "dossiers.</p>",
        [
            choice(
                "clarifier-position",
                "Clarifier avec votre directrice le rôle de l'association ; n'exposer personne contre son gré",
                R,
                10,
                "strategie",
                "Clarifier votre position vis-à-vis de l'employeur protège l'action, l'association et vous-même. "
                "Protéger les plus fragiles est une règle : la force d'un collectif ne doit jamais reposer sur la "
                "personne qui a le plus à perdre.",
            ),
            choice(
                "avancer-discretement",
                "Continuer avec le groupe sans en parler à votre directrice, pour ne pas freiner la dynamique",
                X,
                1,
                "strategie",
                "Votre intention est de protéger le groupe, mais vous agiriez sans mandat : si le propriétaire ou "
                "la ville l'apprend, c'est l'association qui est mise en cause, au pire moment, et le groupe perd "
                "l'appui dont il a besoin. Les tensions institutionnelles se travaillent avec l'employeur, elles "
                "ne se contournent pas.",
            ),
            choice(
                "temoignage-fragile",
                "Demander à M. Sow de témoigner publiquement, puisque son logement est le plus dégradé de l'immeuble",
                X,
                0,
                "fin-expose",
                "Exposer un locataire fragile, c'est lui faire porter le risque de l'action collective. La "
                "gravité d'une situation ne justifie pas de passer outre le consentement et la sécurité de la "
                "personne.",
            ),
        ],
        documents=[
            document(
                "Tableau du recensement",
                "chiffres",
                "Logements visités : 11 sur 14.\n"
                "Moisissures : 8. Infiltrations : 6. Prises ou tableaux électriques dangereux : 5.\n"
                "Chauffage en panne depuis plus d'un mois : 4.",
            ),
        ],
    ),
    decision(
        "strategie",
        "Négocier ou établir un rapport de force ?",
        Phase.PROJET,
        "<p>Le groupe hésite. Certains veulent écrire au propriétaire ; Habitat Debout propose un rassemblement "
        "devant son agence dès la semaine prochaine.</p>",
        [
            choice(
                "peser-les-risques",
                "Peser les risques avec le groupe et bâtir une progression : "
                "courrier, service d'hygiène, puis action publique",
                R,
                10,
                "courrier",
                "Négociation et rapport de force ne s'opposent pas : ils s'enchaînent. Une progression décidée par "
                "le groupe, en mesurant les risques pour chacun, lui laisse la maîtrise de sa stratégie.",
            ),
            choice(
                "negocier-seulement",
                "Recommander de s'en tenir à une négociation amiable, par "
                "courrier puis rendez-vous avec le propriétaire",
                A,
                5,
                "courrier",
                "La négociation est souvent la première étape. Mais écarter d'avance toute autre option revient à "
                "décider à la place du groupe, et affaiblit sa position si le propriétaire ne répond pas.",
            ),
            choice(
                "rassemblement-immediat",
                "Soutenir le rassemblement devant l'agence proposé par Habitat Debout, tant que la colère est là",
                X,
                2,
                "courrier",
                "Une action publique peut être légitime, mais lancée avant toute démarche et sans que chacun ait "
                "mesuré les risques, elle expose les plus fragiles et donne au propriétaire l'argument d'une "
                "absence de dialogue.",
            ),
        ],
    ),
    decision(
        "courrier",
        "La réponse du propriétaire",
        Phase.ACTION,
        "<p>Le courrier collectif, signé par neuf ménages, est envoyé en recommandé. Le propriétaire répond qu'il "
        "fera des travaux chez M. Haddad seulement, et laisse entendre que « les fauteurs de trouble » "
        "pourraient ne pas rester.</p>",
        [
            choice(
                "saisir-hygiene",
                "Avec les locataires, demander au service d'hygiène de visiter tous les logements, et consulter l'ADIL",
                R,
                10,
                "visite",
                "La réponse partielle cherche à diviser le groupe. Saisir l'autorité compétente pour l'ensemble de "
                "l'immeuble maintient la solidarité ; s'informer sur ses droits aide à ne pas céder à "
                "l'intimidation.",
            ),
            choice(
                "accepter-partiel",
                "Conseiller d'accepter les travaux chez M. Haddad, urgents "
                "pour son fils, et de reparler du reste après",
                A,
                3,
                "visite",
                "La santé de l'enfant justifie d'accepter ces travaux, mais pas d'abandonner les autres demandes. "
                "Sans suite collective, le groupe risque de se défaire.",
            ),
            choice(
                "renoncer",
                "Conseiller au groupe de renoncer, les menaces sur le maintien dans les lieux étant trop sérieuses",
                X,
                0,
                "fin-abandon",
                "La peur est compréhensible, mais vous décidez à la place du groupe, sans lui donner les moyens de "
                "connaître ses droits. L'intimidation obtient ce qu'elle cherchait.",
            ),
        ],
    ),
    decision(
        "visite",
        "Après la visite du service d'hygiène",
        Phase.ACTION,
        "<p>Le service d'hygiène constate des désordres graves dans trois logements et engage une procédure "
        "contre le propriétaire. Celui-ci demande à rencontrer « la travailleuse sociale, seule ».</p>",
        [
            choice(
                "delegation",
                "Refuser de le voir seule et proposer une rencontre avec une délégation choisie par les locataires",
                R,
                10,
                "bilan",
                "Négocier seule, ce serait parler à la place du groupe et accepter que le propriétaire choisisse "
                "ses interlocuteurs. La délégation choisie par les locataires porte leur parole ; vous garantissez "
                "le cadre.",
            ),
            choice(
                "rencontre-seule",
                "Accepter de le rencontrer seule pour apaiser les tensions, puis rendre compte fidèlement au groupe",
                A,
                3,
                "bilan",
                "L'intention d'apaiser est louable, mais vous devenez l'intermédiaire du propriétaire. Le groupe "
                "perd la main sur une négociation qui le concerne.",
            ),
            choice(
                "promettre-les-travaux",
                "Annoncer aux locataires que, la procédure étant engagée, les travaux seront faits avant l'hiver",
                X,
                1,
                "bilan",
                "Aucune procédure ne garantit un calendrier. Promettre un résultat expose à la déception et "
                "affaiblit la confiance du groupe dans sa propre action.",
            ),
        ],
    ),
    decision(
        "bilan",
        "L'immeuble d'à côté",
        Phase.EVALUATION,
        "<p>Huit mois plus tard, les travaux sont faits dans les trois logements visés par la "
        "procédure ; ailleurs, des réparations partielles. Les locataires d'un immeuble voisin "
        "viennent demander conseil au collectif. Habitat Debout propose aux locataires de "
        "rejoindre l'association. Votre directrice aimerait clore le dossier.</p>",
        [
            choice(
                "bilan-partage",
                "Faire le bilan avec les locataires, puis les laisser choisir s'ils épaulent l'immeuble voisin",
                R,
                10,
                "fin-droits",
                "L'évaluation porte sur la situation, mais aussi sur les personnes (connaissance de leurs "
                "droits, confiance) et sur les relations avec les institutions. Elle montre aux locataires ce "
                "qu'ils savent désormais faire et qu'ils peuvent transmettre ; épauler leurs voisins, "
                "rejoindre une association d'habitants ou clore, ce choix leur appartient.",
            ),
            choice(
                "bilan-technique",
                "Ouvrir un suivi individuel pour chaque ménage de l'immeuble voisin, comme pour M. Haddad au départ",
                A,
                4,
                "fin-partielle",
                "Les voisins seront reçus, mais un par un, comme si leurs problèmes étaient sans lien. Vous "
                "laissez de côté ce que le collectif a appris (recenser, écrire, saisir le service d'hygiène) et "
                "qui pourrait servir à l'immeuble voisin, et le groupe se défait sans avoir mesuré son expérience.",
            ),
            choice(
                "classer",
                "Proposer à Habitat Debout de reprendre le collectif et l'immeuble voisin, puis classer votre dossier",
                X,
                1,
                "fin-partielle",
                "Une association d'habitants peut être un bon relais, mais c'est au collectif de choisir "
                "ses alliés. Organiser la passation sans lui et classer le dossier ignore les logements "
                "encore dégradés et prive le groupe de la décision sur sa propre suite.",
            ),
        ],
    ),
    ending(
        "fin-droits",
        "Des locataires qui connaissent leurs droits",
        Phase.EVALUATION,
        "<p>Le collectif rejoint une association d'habitants et accompagne l'immeuble voisin. Les locataires "
        "savent désormais comment recenser, écrire, saisir les services compétents. Vous avez clarifié votre "
        "place, protégé les plus fragiles et laissé le groupe choisir sa stratégie.</p>",
    ),
    ending(
        "fin-partielle",
        "Des travaux, et après ?",
        Phase.EVALUATION,
        "<p>Une partie des travaux est faite, mais le collectif se dissout sans avoir mesuré ce qu'il a appris. "
        "L'évaluation partagée fait partie de l'action : elle transforme une victoire en capacité durable.</p>",
    ),
    ending(
        "fin-defiance",
        "La parole discréditée",
        Phase.DIAGNOSTIC,
        "<p>Les locataires ne croient plus l'association. Ne jamais promettre un résultat qui ne dépend pas de "
        "vous : dire ce que l'on peut faire, et le faire, fonde la confiance.</p>",
    ),
    ending(
        "fin-expose",
        "Un locataire exposé",
        Phase.MOBILISATION,
        "<p>M. Sow, mis en avant, subit des pressions du propriétaire et finit par quitter l'immeuble. "
        "Le groupe, choqué, se disperse. Une "
        "action collective ne fait jamais porter ses risques aux personnes les plus fragiles.</p>",
    ),
    ending(
        "fin-abandon",
        "L'intimidation a gagné",
        Phase.ACTION,
        "<p>Le groupe renonce et les logements restent en l'état. Face aux menaces, informer les locataires de "
        "leurs droits et les laisser décider vaut mieux que décider pour eux de se retirer.</p>",
    ),
]

CASE = {
    "slug": SLUG,
    "title": "Locataires face au logement indigne, rue des Forges",
    "summary": "Moisissures, infiltrations, chauffage en panne : les locataires d'un immeuble privé se "
    "regroupent. Négocier, saisir les services compétents, établir un rapport de force : qui décide, et "
    "qui prend les risques ?",
    "territory": "Immeuble de quatorze logements, rue des Forges, à Valbourg (ville fictive)",
    "situation": "<p>Vous êtes conseillère en économie sociale familiale dans une association "
    "d'accompagnement au logement. L'immeuble appartient à un propriétaire privé qui répond rarement aux "
    "demandes des locataires.</p>",
    "people": PEOPLE,
    "objectives": "<ul><li>Construire avec les locataires des preuves collectives.</li>"
    "<li>Clarifier sa position vis-à-vis de son employeur.</li>"
    "<li>Protéger les personnes les plus fragiles dans une action collective.</li>"
    "<li>Aider le groupe à choisir entre négociation et rapport de force, sans promettre de résultat.</li></ul>",
    "reflection_prompt": "Avez-vous déjà été pris entre les attentes d'un groupe et celles de votre employeur ou "
    "de ses financeurs ? Comment avez-vous clarifié votre position ?",
    "domains": ["DC1", "DC2", "DC4"],
    "nodes": NODES,
}
