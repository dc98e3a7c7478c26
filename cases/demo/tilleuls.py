"""Demo case A: energy debts in a social housing building, played through the five phases of the ISIC.

Fictional places and people.
"""

from ..graph import Phase
from .builders import A, R, X, choice, decision, document, ending

SLUG = "impayes-energie-residence-les-tilleuls"


PEOPLE = [
    (
        "role_card",
        {
            "name": "Vous",
            "kind": "professionnel",
            "role": "assistante sociale de secteur",
            "description": "Vous tenez une permanence hebdomadaire au service social départemental, à deux "
            "rues de la résidence.",
        },
    ),
    (
        "role_card",
        {
            "name": "Mme Diallo",
            "kind": "personne",
            "role": "locataire du bâtiment B, trois enfants",
            "description": "Elle a reçu une relance pour une facture d'électricité impayée : elle chauffe deux pièces "
            "avec des radiateurs d'appoint. Elle se sent « mauvaise gestionnaire ».",
        },
    ),
    (
        "role_card",
        {
            "name": "M. Lefèvre",
            "kind": "personne",
            "role": "retraité, ancien président de l'amicale",
            "description": "L'amicale des locataires ne se réunit plus depuis deux ans ; il connaît l'histoire "
            "de la résidence et ses conflits.",
        },
    ),
    (
        "role_card",
        {
            "name": "Mme Roche",
            "kind": "professionnel",
            "role": "conseillère en économie sociale familiale (CESF) du bailleur",
            "description": "Elle reçoit les locataires en impayé de loyer et connaît les contrats de chauffage.",
        },
    ),
    (
        "role_card",
        {
            "name": "Le CCAS",
            "kind": "partenaire",
            "role": "centre communal d'action sociale",
            "description": "Il peut accorder des aides ponctuelles et prêter une salle de réunion.",
        },
    ),
    (
        "role_card",
        {
            "name": "M. Garnier",
            "kind": "elu",
            "role": "adjoint au maire chargé du logement",
            "description": "Il siège au conseil d'administration du bailleur.",
        },
    ),
]

NODES = [
    decision(
        "reperage",
        "Huit ménages, un même immeuble",
        Phase.DIAGNOSTIC,
        "<p>En un mois, huit ménages du bâtiment B de la résidence Les Tilleuls sont venus à votre permanence pour "
        "des dettes d'énergie : six factures d'électricité impayées et deux régularisations de charges de "
        "chauffage réclamées par le bailleur. Chacun arrive seul, avec le sentiment d'avoir mal géré son budget. "
        "Vous remarquez que tous habitent le même bâtiment, chauffé par une chaudière collective dont le coût "
        "passe dans les charges locatives ; plusieurs ménages disent compléter avec des radiateurs électriques.</p>",
        [
            choice(
                "aides-une-par-une",
                "Monter les huit dossiers au volet énergie du FSL et vérifier les chèques énergie, ménage par ménage",
                A,
                4,
                "diagnostic-partage",
                "Les aides individuelles sont nécessaires et urgentes : le volet énergie du fonds de "
                "solidarité pour le logement (FSL) et le chèque énergie évitent des coupures. Mais traitées "
                "une par une, elles laissent chaque ménage avec l'idée que le problème vient de lui. Quelques "
                "semaines plus tard, deux nouveaux ménages du même bâtiment arrivent : la récurrence s'impose, et "
                "vous proposez enfin une rencontre collective, avec du retard.",
            ),
            choice(
                "croiser-constats",
                "Traiter les urgences, puis proposer aux ménages de comparer ensemble factures et logements",
                R,
                10,
                "diagnostic-partage",
                "Vous articulez l'aide individuelle (dossiers au volet énergie du FSL, vérification que chacun "
                "reçoit et utilise son chèque énergie) et la démarche collective, sans opposer les deux. Repérer une "
                "récurrence et la soumettre aux personnes concernées, c'est le point de départ d'un diagnostic "
                "partagé : le problème peut être commun, et chacun cesse de porter seul la faute.",
            ),
            choice(
                "info-ecogestes",
                "Organiser une réunion d'information sur les éco-gestes et la maîtrise des consommations",
                X,
                1,
                "reunion-ecogestes",
                "Vous réunissez les personnes, mais autour d'une réponse décidée d'avance qui suppose que les "
                "comportements sont en cause. Rien ne le montre encore : partir d'une explication toute faite "
                "empêche d'entendre ce que vivent les habitants.",
            ),
        ],
        documents=[
            document(
                "Relevé des demandes de la permanence",
                "chiffres",
                "Mars : 8 demandes d'aide pour dettes d'énergie, toutes au bâtiment B "
                "(6 factures d'électricité, 2 régularisations de charges de chauffage).\n"
                "Montants des dettes : de 380 € à 1 150 €.\n"
                "Même période l'an dernier : 2 demandes pour toute la résidence.",
            ),
        ],
        start=True,
    ),
    decision(
        "reunion-ecogestes",
        "Une réunion qui tourne mal",
        Phase.DIAGNOSTIC,
        "<p>Dès les premières diapositives sur la température idéale et les multiprises, une locataire se lève : "
        "« Chez moi il fait 16 degrés avec tout allumé, et vous venez nous dire de baisser le chauffage ? » "
        "D'autres approuvent. Plusieurs parlent de radiateurs froids et de fenêtres qui ferment mal.</p>",
        [
            choice(
                "ecouter",
                "Arrêter les diapositives et noter ce que les habitants constatent chez eux",
                R,
                8,
                "diagnostic-partage",
                "Reconnaître que la réunion partait d'une mauvaise hypothèse, c'est prendre au sérieux les savoirs "
                "d'expérience des habitants. La colère exprimée devient une information : elle désigne un problème "
                "partagé (le chauffage) qui mérite un diagnostic commun.",
            ),
            choice(
                "poursuivre",
                "Finir la présentation, puis ouvrir un temps de questions pour répondre aux objections",
                X,
                0,
                "fin-repli",
                "Continuer comme prévu confirme aux habitants qu'on ne les écoute pas. Ils repartent avec le "
                "sentiment d'être jugés, et la confiance nécessaire à toute action collective est entamée.",
            ),
        ],
    ),
    decision(
        "diagnostic-partage",
        "Construire le diagnostic",
        Phase.DIAGNOSTIC,
        "<p>Une douzaine de locataires viennent à la première rencontre, dans une salle prêtée par le CCAS, avec "
        "leurs factures. Les constats se recoupent : radiateurs tièdes, chauffages d'appoint électriques qui font "
        "grimper les factures d'électricité, charges de chauffage en hausse depuis le changement de contrat "
        "d'exploitation de la chaudière, moisissures dans plusieurs logements. M. Lefèvre rappelle que "
        "l'amicale avait déjà signalé des pannes de la chaudière.</p>",
        [
            choice(
                "releves-ensemble",
                "Relever avec le groupe températures, factures et désordres, en y associant la CESF du bailleur",
                R,
                10,
                "mobilisation",
                "Les preuves collectées ensemble donnent au groupe une connaissance précise de sa situation et une "
                "base solide pour la suite. Associer la CESF du bailleur croise les regards dès le diagnostic, et "
                "repère les ressources (l'amicale, les savoirs de M. Lefèvre) autant que les manques.",
            ),
            choice(
                "audit-d-abord",
                "Demander d'abord au bailleur un audit de la chaudière, avant d'aller plus loin avec les habitants",
                A,
                4,
                "mobilisation",
                "Un regard technique sera utile, mais le demander seul place les habitants en spectateurs. Le "
                "diagnostic partagé croise les données techniques avec la parole et les observations des "
                "personnes ; sinon le groupe se démobilise en attendant les experts.",
            ),
            choice(
                "questionnaire",
                "Envoyer à tous les locataires un questionnaire sur leurs factures et leur confort thermique",
                X,
                2,
                "mobilisation",
                "Un questionnaire peut compléter le diagnostic, mais envoyé seul il transforme des personnes déjà "
                "réunies en répondants isolés. Le taux de retour sera faible, et l'élan de la première rencontre "
                "se perd.",
            ),
        ],
        documents=[
            document(
                "Courrier du fournisseur d'électricité à Mme Diallo",
                "courrier",
                "Madame, sauf règlement de la somme de 640 € sous quinze jours, nous serons contraints de "
                "procéder à la réduction de votre puissance de fourniture.",
            ),
        ],
    ),
    decision(
        "mobilisation",
        "Élargir le groupe et clarifier votre place",
        Phase.MOBILISATION,
        "<p>Les relevés montrent que dix-neuf des vingt-quatre logements du bâtiment B restent sous 18 °C et "
        "que le réglage de la chaudière collective est en cause. Six personnes viennent régulièrement. "
        "Mme Diallo se dit prête à "
        "prendre la parole. Votre cheffe de service vous demande dans quel cadre vous intervenez.</p>",
        [
            choice(
                "mandat-et-porte-a-porte",
                "Faire préciser votre mandat, puis frapper aux portes avec deux habitantes et l'amicale",
                R,
                10,
                "projet",
                "Clarifier votre position vis-à-vis de l'employeur protège l'action et vous-même. Aller vers les "
                "locataires qui ne viennent pas, avec des habitantes, élargit le groupe au-delà des premiers "
                "concernés ; relancer l'amicale s'appuie sur une ressource existante.",
            ),
            choice(
                "porte-parole-unique",
                "Proposer à Mme Diallo de devenir la porte-parole du groupe, puisqu'elle s'exprime bien",
                X,
                2,
                "projet",
                "Choisir à la place du groupe qui parle, c'est déjà décider pour lui. Cela expose une personne "
                "en difficulté financière, qui porterait seule la relation avec le bailleur, et prive les autres "
                "de l'occasion de prendre la parole.",
            ),
            choice(
                "reunion-publique-elu",
                "Inviter dès maintenant l'adjoint au logement à une réunion publique dans la résidence",
                A,
                5,
                "projet",
                "Associer les élus fait partie du développement social local, mais trop tôt, la rencontre risque "
                "de tourner à la liste de plaintes, avant que le groupe ait formulé ses demandes. Le moment de "
                "l'interpellation se prépare avec lui.",
            ),
        ],
    ),
    decision(
        "projet",
        "Des colères aux demandes",
        Phase.PROJET,
        "<p>Le groupe compte maintenant quinze ménages et l'amicale s'est réunie à nouveau. Les avis divergent : "
        "certains veulent « que le bailleur répare tout », d'autres proposent d'arrêter de payer les charges de "
        "chauffage tant que rien ne change.</p>",
        [
            choice(
                "formuler-ensemble",
                "Aider le groupe à formuler lui-même des demandes précises, un calendrier et qui fait quoi",
                R,
                10,
                "rencontre-bailleur",
                "C'est le groupe qui formule le problème, les objectifs et les moyens ; vous garantissez la "
                "méthode. Des demandes précises (réglage de la chaudière, révision des charges, échéanciers pour "
                "les dettes) se négocient mieux qu'une plainte générale, et chacun sait ce qu'il a à faire.",
            ),
            choice(
                "rediger-soi-meme",
                "Rédiger vous-même un courrier au bailleur, que le groupe relira, pour gagner du temps",
                X,
                2,
                "rencontre-bailleur",
                "Le courrier sera peut-être bien écrit, mais ce sera le vôtre. Parler à la place du groupe est une "
                "des erreurs les plus fréquentes : les habitants perdent la maîtrise de leur démarche, et le "
                "bailleur s'adresse ensuite à vous plutôt qu'à eux.",
            ),
            choice(
                "arret-paiement",
                "Soutenir la suspension du paiement des charges de chauffage jusqu'aux réparations",
                X,
                0,
                "fin-exposes",
                "Arrêter de payer expose les ménages les plus fragiles à des poursuites, alors qu'ils sont déjà "
                "endettés. Un rapport de force peut être légitime, mais il se construit avec le groupe en "
                "mesurant les risques pour chacun, jamais en les faisant porter aux plus vulnérables.",
            ),
        ],
        documents=[
            document(
                "Compte rendu de la réunion du groupe",
                "compte_rendu",
                "Présents : 15 ménages, l'amicale, l'assistante sociale.\n"
                "Constats validés : 19 logements sur 24 du bâtiment B sous 18 °C ; hausse des charges de chauffage.\n"
                "Points en débat : que demander au bailleur ? Faut-il suspendre le paiement des charges ?",
            ),
        ],
    ),
    decision(
        "rencontre-bailleur",
        "Préparer la rencontre avec le bailleur",
        Phase.ACTION,
        "<p>Le bailleur accepte une rencontre, mais propose de recevoir « deux représentants » dans ses bureaux, "
        "un mardi à 10 heures. Plusieurs membres du groupe travaillent à cette heure-là.</p>",
        [
            choice(
                "negocier-modalites",
                "Préparer la rencontre avec le groupe et demander un créneau "
                "en soirée pour une délégation qu'il choisit",
                R,
                10,
                "evaluation",
                "Les conditions de la rencontre font partie de la négociation. Des horaires accessibles et une "
                "délégation préparée permettent aux habitants de porter leur propre parole ; vous restez en "
                "appui, sans vous substituer à eux.",
            ),
            choice(
                "accepter-conditions",
                "Accepter le mardi à 10 h et accompagner vous-même Mme Diallo dans les bureaux, pour la soutenir",
                A,
                4,
                "evaluation",
                "La rencontre a lieu, et c'est un premier pas. Mais des horaires institutionnels écartent une "
                "partie du groupe, et votre présence au premier plan brouille la question de savoir qui parle.",
            ),
            choice(
                "alerter-presse",
                "Prévenir la presse locale avant la rencontre, pour que le bailleur prenne le dossier au sérieux",
                X,
                1,
                "evaluation",
                "Médiatiser peut faire partie d'une stratégie, mais décidé par vous, avant tout dialogue et sans "
                "le groupe, cela ferme la porte à la négociation et expose des habitants qui n'ont rien choisi.",
            ),
        ],
        documents=[
            document(
                "Courriel du bailleur",
                "courrier",
                "Nous proposons de recevoir deux représentants des locataires le mardi 14 à 10 h dans nos "
                "locaux. Merci de nous transmettre leurs noms.",
            ),
        ],
    ),
    decision(
        "evaluation",
        "L'amicale veut reprendre le groupe",
        Phase.EVALUATION,
        "<p>Trois mois plus tard, le réglage de la chaudière a été revu et les températures sont "
        "remontées ; le bailleur a accepté d'étaler une régularisation des charges. Deux ménages "
        "restent en difficulté. L'amicale, relancée, voudrait reprendre le groupe et porter la "
        "question de l'éclairage des escaliers, mais elle compte peu de membres actifs. Votre cheffe "
        "de service souhaite que vous repreniez votre permanence à plein temps.</p>",
        [
            choice(
                "bilan-avec-groupe",
                "Préparer avec le groupe et l'amicale le passage de "
                "relais : qui fait quoi, et votre appui qui s'allège",
                R,
                10,
                "fin-pouvoir-agir",
                "Transmettre se prépare avec ceux qui reprennent : faire le point sur ce que le groupe "
                "a obtenu et appris, répartir les rôles, dire comment joindre le bailleur et jusqu'où "
                "vous restez disponible. La décision de poursuivre avec l'amicale appartient aux "
                "habitants ; votre retrait progressif leur laisse la place.",
            ),
            choice(
                "compter-dossiers",
                "Rester l'interlocutrice du bailleur pour le suivi des travaux, le temps que l'amicale s'organise",
                X,
                2,
                "fin-mitigee",
                "L'intention est de rendre service, mais en restant l'interlocutrice du bailleur vous "
                "gardez la place que le groupe avait prise. Le bailleur s'adressera de nouveau à vous, et "
                "l'amicale n'apprendra pas à porter elle-même le suivi des engagements.",
            ),
            choice(
                "clore",
                "Vous retirer dès maintenant : l'amicale a repris vie et peut porter seule la suite des démarches",
                A,
                4,
                "fin-mitigee",
                "L'amicale est une ressource, mais se retirer sans préparer la suite avec elle et avec "
                "le groupe laisse de côté les deux ménages encore en difficulté et ceux qui ne se "
                "sentent pas représentés. Un retrait se prépare, il ne se décide pas seul.",
            ),
        ],
    ),
    ending(
        "fin-pouvoir-agir",
        "Un collectif qui dure",
        Phase.EVALUATION,
        "<p>Le groupe a obtenu des changements concrets et il sait désormais comment s'y prendre. L'amicale a "
        "repris vie et porte la question de l'éclairage. Vous avez tenu le cadre et la méthode ; les habitants ont "
        "porté leur parole. C'est le sens de l'intervention sociale d'intérêt collectif : agir avec les personnes, "
        "pas à leur place.</p>",
    ),
    ending(
        "fin-mitigee",
        "Un résultat sans lendemain",
        Phase.EVALUATION,
        "<p>Le chauffage fonctionne, mais l'action s'arrête là. Sans passage de relais préparé avec les habitants, "
        "personne ne sait qui porte la suite et le groupe se disperse. Retenez que transmettre ou clore fait partie "
        "de la démarche : cela se prépare avec le groupe, en faisant le point sur ce qu'il a obtenu et appris.</p>",
    ),
    ending(
        "fin-repli",
        "La confiance rompue",
        Phase.DIAGNOSTIC,
        "<p>Les habitants ne reviennent pas. Chacun continue de venir seul à la permanence, convaincu d'être "
        "en faute. Partir des préoccupations exprimées, et non d'une réponse décidée d'avance, est la condition "
        "pour qu'un groupe se forme.</p>",
    ),
    ending(
        "fin-exposes",
        "Des ménages exposés",
        Phase.PROJET,
        "<p>Plusieurs ménages suspendent leurs paiements ; le bailleur engage des procédures de recouvrement contre "
        "les plus endettés. Le groupe se divise. Un rapport de force se construit avec les personnes, en mesurant "
        "les risques pour chacune, et ne promet jamais un résultat.</p>",
    ),
]


CASE = {
    "slug": SLUG,
    "title": "Impayés d'énergie à la résidence Les Tilleuls",
    "summary": "Huit ménages d'un même immeuble arrivent en un mois avec des factures d'énergie impayées. "
    "De l'aide individuelle à l'action collective, à vous de choisir, étape par étape.",
    "territory": "Résidence Les Tilleuls (fictive), 42 logements sociaux répartis en deux bâtiments (dont 24 au "
    "bâtiment B) dans un quartier prioritaire d'une ville moyenne",
    "situation": "<p>Vous êtes assistante sociale de secteur. La résidence dépend d'un bailleur social ; "
    "le chauffage y est collectif. Une amicale de locataires existe mais ne se réunit plus.</p>",
    "people": PEOPLE,
    "objectives": "<ul><li>Repérer une récurrence et la transformer en diagnostic partagé.</li>"
    "<li>Articuler aides individuelles et démarche collective.</li>"
    "<li>Laisser le groupe porter sa parole face au bailleur.</li>"
    "<li>Évaluer l'action avec le groupe.</li></ul>",
    "justification_min_length": 20,
    "reflection_prompt": "Dans votre pratique, quelle situation individuelle répétée pourrait révéler un problème "
    "collectif ? Qui faudrait-il réunir pour le vérifier ?",
    "domains": ["DC1", "DC4"],
    "nodes": NODES,
}
