"""Trainer's guides of the demo cases, keyed by case slug: objectives, expected reasoning per decision node,
debriefing questions. Kept apart from the case data so that editing a case's text and its guide never collide.

Plain text, escaped when built into the page's rich text (CasePage.trainer_guide), which only trainers see.
"""

from django.utils.html import escape

from . import cvs_ehpad, ent_parents, france_services, jeunes_ruraux, logement_indigne, tilleuls, village_isole

GUIDES = {}


def guide_html(data):
    """The rich text of the guide of the case described by `data` ("" when it has none).

    Nodes are taken in the case's order, each under its title, so the guide follows the learners' path.
    """
    guide = GUIDES.get(data["slug"])
    if guide is None:
        return ""
    parts = ["<h3>Objectifs de la séance</h3>", "<ul>"]
    parts += [f"<li>{escape(objective)}</li>" for objective in guide["objectives"]]
    parts += ["</ul>", "<h3>Raisonnement attendu, étape par étape</h3>"]
    for kind, node in data["nodes"]:
        reasoning = guide["nodes"].get(node["key"]) if kind == "decision" else None
        if reasoning:
            parts += [f"<h4>{escape(node['title'])}</h4>", f"<p>{escape(reasoning)}</p>"]
    parts += ["<h3>Questions pour le débriefing</h3>", "<ol>"]
    parts += [f"<li>{escape(question)}</li>" for question in guide["questions"]]
    parts.append("</ol>")
    return "".join(parts)


GUIDES[tilleuls.SLUG] = {
    "objectives": [
        "Passer de huit demandes individuelles à un problème commun : repérer la récurrence et la soumettre aux "
        "personnes concernées.",
        "Tenir ensemble l'urgence individuelle (volet énergie du FSL, chèque énergie) et la démarche collective.",
        "Laisser le groupe porter sa parole face au bailleur, en restant garant·e de la méthode.",
        "Préparer le retrait du ou de la professionnel·le avec le groupe et l'amicale.",
    ],
    "nodes": {
        "reperage": "Le choix recommandé ne sacrifie ni l'urgence ni le collectif : on monte les aides, puis on "
        "propose aux ménages de comparer leurs situations. Le dossier FSL seul est tentant parce qu'il est "
        "concret et rassurant ; il révèle une lecture individuelle qui laisse chacun se croire « mauvais "
        "gestionnaire ». La réunion sur les éco-gestes trahit une hypothèse posée d'avance : les comportements.",
        "reunion-ecogestes": "Étape de rattrapage. Arrêter la présentation, c'est accepter que la colère soit une "
        "information. Finir les diapositives « pour être complet » montre qu'on tient à son programme plus qu'à "
        "ce que disent les personnes : faire nommer ce réflexe sans culpabiliser.",
        "diagnostic-partage": "Relever températures, factures et désordres avec le groupe, et y associer la CESF "
        "du bailleur, produit des preuves partagées et croise les regards. L'audit demandé seul au bailleur "
        "paraît sérieux mais met les habitants en attente d'experts ; le questionnaire disperse un groupe déjà "
        "réuni.",
        "mobilisation": "Deux réflexes attendus : faire préciser son mandat par sa hiérarchie, et élargir le groupe "
        "en allant vers les absents avec des habitantes. Désigner Mme Diallo porte-parole est le piège le plus "
        "fréquent : on choisit pour le groupe et on expose une personne endettée. Inviter l'élu tout de suite "
        "n'est pas faux, mais prématuré.",
        "projet": "Le groupe formule ses demandes, son calendrier et la répartition des tâches ; vous garantissez "
        "la méthode. Le courrier rédigé « pour gagner du temps » révèle la tentation de parler à la place ; "
        "soutenir la grève des charges montre qu'on oublie le risque pris par les plus fragiles.",
        "rencontre-bailleur": "Les conditions de la rencontre se négocient : horaire accessible, délégation choisie "
        "et préparée par le groupe. Accompagner seul·e Mme Diallo à 10 h part d'une bonne intention mais vous "
        "remet au premier plan ; alerter la presse est une décision prise sans le groupe.",
        "evaluation": "Le relais se prépare avec le groupe et l'amicale : bilan de ce qui a été obtenu, rôles "
        "répartis, appui qui s'allège. Rester l'interlocutrice du bailleur reprend la place conquise par le "
        "groupe ; partir d'un coup oublie les deux ménages encore en difficulté.",
    },
    "questions": [
        "À quel moment avez-vous vu un problème commun derrière les demandes individuelles ? Qu'est-ce qui vous "
        "l'a montré ?",
        "Comment avez-vous tenu ensemble les aides individuelles et la démarche collective ? L'une a-t-elle freiné "
        "l'autre ?",
        "Qui parlait au nom du groupe à chaque étape ? Auriez-vous pu, sans le vouloir, prendre cette place ?",
        "Quels risques les habitants les plus endettés prenaient-ils dans l'action, et comment les avez-vous "
        "mesurés avec eux ?",
        "Comment sauriez-vous, trois mois après votre retrait, que le groupe agit toujours par lui-même ?",
    ],
}


GUIDES[village_isole.SLUG] = {
    "objectives": [
        "Construire un diagnostic de l'isolement en croisant les repérages et en allant vers les personnes.",
        "Faire choisir au groupe le lieu et le rythme de ses rencontres, en fonction de qui peut venir.",
        "Situer les bénévoles en appui des participant·es, jamais à leur place.",
        "Préparer la suite du café avec le groupe : ses appuis, ses relais, le retrait du ou de la professionnel·le.",
    ],
    "nodes": {
        "signaux": "Croiser ce que voient la pharmacienne, le facteur et les aides à domicile, puis rendre visite : "
        "chacun ne voit qu'une partie des situations. Le registre canicule est une porte d'entrée honnête mais "
        "partielle : il oublie les plus isolé·es. Le programme d'animations révèle le réflexe de répondre avant "
        "d'avoir compris.",
        "loto-desert": "Étape de rattrapage. L'après-midi vide est une information : on retourne chez les absent·es "
        "pour comprendre ce qui les retient. Relancer la communication suppose que le problème était d'être mal "
        "informé, alors que l'offre elle-même ne correspondait à rien de demandé.",
        "visites": "Restituer les constats aux personnes rencontrées, avec la mairie et les partenaires, pour "
        "qu'elles s'y reconnaissent et le corrigent ; les ressources (couture, potager) comptent autant que les "
        "manques. La note au maire est utile mais garde le diagnostic entre professionnels ; l'heure d'aide à "
        "domicile en plus traite un manque de liens comme un besoin individuel.",
        "premiere-rencontre": "Faire fixer son temps par sa hiérarchie, puis confier des rôles aux participant·es, "
        "les bénévoles en appui. Tout animer soi-même rassure mais rend le groupe dépendant ; confier "
        "l'organisation à l'enseignante retraitée et au club, très motivés, fait un café « pour » les aîné·es et "
        "non « avec » eux.",
        "lieu-et-rythme": "Poser des critères (accès, transport, coût) et laisser le groupe choisir, à l'essai : le "
        "lieu décide de qui viendra. La salle des fêtes gratuite est un choix de commodité institutionnelle ; le "
        "centre social du bourg, mieux équipé, arrange les professionnel·les et exclut les personnes sans "
        "voiture.",
        "en-route": "Le groupe se donne ses règles (tour de parole, accueil des nouveaux) et prend lui-même des "
        "nouvelles des absent·es. Parler à part avec la participante qui monopolise la parole fait de vous "
        "l'arbitre ; l'écarter quelque temps exclut une personne isolée, à l'inverse du but.",
        "bilan": "Présenter les deux offres au groupe et l'aider à choisir ses appuis, en traitant la fragilité du "
        "covoiturage. Signer seul·e avec l'équipe MONALISA choisit les alliés à la place du groupe ; confier le "
        "café au club et partir à la fin du mois est une passation sans lui.",
    },
    "questions": [
        "Quelles personnes isolées votre premier repérage laissait-il de côté ? Comment l'avez-vous découvert ?",
        "Qu'est-ce qui distingue « faire des activités pour » et « voir du monde avec » dans ce cas ?",
        "Quelle place avez-vous donnée aux bénévoles, et qu'est-ce qui vous a guidé·e ?",
        "Comment le choix du lieu et de l'horaire a-t-il décidé de qui pouvait venir ?",
        "À quoi reconnaîtriez-vous que le café peut continuer sans vous ?",
    ],
}


GUIDES[ent_parents.SLUG] = {
    "objectives": [
        "Construire un constat partagé entre familles, collège et centre social, plutôt qu'une explication toute "
        "faite.",
        "Distinguer l'accompagnement vers l'autonomie du fait de faire à la place, identifiants compris.",
        "Décider avec le groupe qui anime les ateliers et ce qu'ils visent.",
        "Faire remonter avec les parents les dysfonctionnements de l'institution.",
    ],
    "nodes": {
        "constat": "Proposer au collège et aux parents de faire ensemble le point : le constat est déjà partagé par "
        "deux institutions, il manque la parole des familles. Le tutoriel suppose un problème seulement technique ; "
        "se connecter avec les identifiants des parents est le geste le plus tentant, parce qu'il rend service "
        "tout de suite, et il révèle qu'on confond aider et faire à la place.",
        "identifiants": "Étape de rattrapage. Arrêter, expliquer pourquoi aux familles et proposer d'apprendre "
        "ensemble : revenir sur une pratique est professionnel. Continuer avec un carnet « sous clé » montre "
        "qu'on a vu le problème de confidentialité sans en tirer la conséquence.",
        "diagnostic": "Recenser avec les parents difficultés et ressources, dont l'entraide qui existe déjà (M. "
        "Traoré), puis fixer les priorités. La liste envoyée au CPE ne garde que les manques et ne revient pas "
        "aux parents ; les tablettes répondent à un problème d'équipement que les familles n'ont pas.",
        "mobilisation": "Aller vers les familles avec des parents volontaires : la parole d'un pair lève les "
        "réticences. Le mot dans le carnet de correspondance touche surtout les familles déjà proches ; rendre "
        "les ateliers obligatoires transforme une aide en sanction.",
        "qui-anime": "Des binômes de parents avec la conseillère numérique, une visée d'autonomie et une voie papier "
        "maintenue avec le collège. Tout confier à la conseillère est compétent mais fait des ateliers des cours ; "
        "animer soi-même un programme préparé d'avance ignore les questions des parents et les compétences des "
        "partenaires.",
        "ateliers": "Préparer avec les parents une rencontre où ils présentent au collège ce qui devrait changer : "
        "une partie des difficultés vient de l'organisation de l'établissement. Accueillir toutes les familles "
        "orientées déplace le problème au centre social ; l'article public rompt la coopération sans que les "
        "parents l'aient décidé.",
        "evaluation": "Un bilan préparé et présenté par les parents eux-mêmes à la réunion de rentrée. Envoyer la "
        "page demandée laisse l'institution raconter seule l'histoire ; demander à la principale de se taire "
        "défend les parents sans leur avis et fait du collège un adversaire.",
    },
    "questions": [
        "Où passait pour vous la limite entre rendre service et faire à la place ? A-t-elle bougé pendant le cas ?",
        "Quelles ressources des parents le diagnostic a-t-il fait apparaître, et comment les avez-vous utilisées ?",
        "Qu'est-ce qui, dans les difficultés des familles, relevait en fait de l'organisation du collège ?",
        "Qui a parlé au collège au nom des familles, à chaque étape ?",
    ],
}


GUIDES[jeunes_ruraux.SLUG] = {
    "objectives": [
        "Aller vers les jeunes là où ils sont pour construire le diagnostic avec eux.",
        "Adapter lieux et horaires pour que la participation soit possible, et cadrer le cas des mineurs.",
        "Éclairer le choix du portage du projet sans le faire à la place du groupe.",
        "Préparer une négociation où les jeunes portent eux-mêmes leur parole.",
    ],
    "nodes": {
        "rendez-vous-manques": "Un diagnostic itinérant avec la mission locale et la MSA, aux abribus, au stade, aux "
        "fêtes : les jeunes concernés ne viennent pas dans les bureaux. Le questionnaire ne touche que les jeunes "
        "déjà inscrits ; l'étude confiée à un bureau d'études produit un projet d'adultes pour des jeunes non "
        "entendus.",
        "projet-des-adultes": "Étape de rattrapage. Demander le report du vote pour confronter le projet aux jeunes : "
        "seuls les usagers voient qu'une réservation la veille ne marche pas pour un intérim appelé le soir. "
        "Laisser voter « pour ajuster ensuite » prépare un dispositif vide et la conclusion fausse que les jeunes "
        "« ne veulent pas bouger ».",
        "former-le-groupe": "Le samedi, dans un lieu proche, avec covoiturage, et le cadre des mineurs réglé avec la "
        "hiérarchie. La visioconférence règle la distance mais pas la dynamique de groupe ; garder le mardi 10 h "
        "au siège, c'est organiser l'absence de ceux qu'on veut réunir.",
        "porter-le-projet": "Présenter les deux options de portage, laisser les jeunes choisir, et viser vite une "
        "petite victoire (une salle). Le centre social porteur peut convenir, mais choisi sans eux il réduit leur "
        "comité à un avis ; rédiger soi-même le dossier « pour aller vite » les prive de ce qu'ils venaient "
        "apprendre.",
        "premiere-victoire": "Une rencontre où les jeunes présentent leur projet aux riverains et proposent des "
        "règles : le conflit d'usage devient un dialogue. L'heure de fermeture fixée seul·e calme sans résoudre ; "
        "le courrier au conseil municipal place le ou la professionnel·le au centre et contre les riverains.",
        "negociation": "Préparer l'intervention avec le groupe, négocier l'horaire, laisser parler une délégation. "
        "Présenter soi-même le projet fait passer le message par la mauvaise voix ; décliner parce qu'ils ne "
        "seraient « pas prêts » décide à leur place.",
        "evaluation": "Réunir anciens et nouveaux pour un bilan et organiser le parrainage des plus jeunes : le "
        "départ de fondateurs qui travaillent est un succès. Prolonger seul·e le financement garde un local, pas "
        "un collectif ; clore et orienter chacun vers la mission locale défait ce qui a été construit.",
    },
    "questions": [
        "Qui n'aurait jamais été entendu si vous étiez resté·e au bureau ? Comment les avez-vous rejoints ?",
        "Quelles contraintes concrètes des jeunes (horaires, transport, âge) ont changé votre façon d'organiser ?",
        "Comment avez-vous éclairé le choix du portage sans le faire ? Qu'auriez-vous dit de chaque option ?",
        "Quand avez-vous été tenté·e de parler pour les jeunes, et pourquoi ?",
        "Comment un groupe de jeunes se renouvelle-t-il, et quel rôle y jouer ?",
    ],
}


GUIDES[logement_indigne.SLUG] = {
    "objectives": [
        "Construire avec les locataires des preuves collectives de l'état de l'immeuble.",
        "Clarifier sa position vis-à-vis de son employeur quand l'action touche un partenaire financeur.",
        "Protéger les plus fragiles : ne jamais faire reposer l'action sur qui a le plus à perdre.",
        "Aider le groupe à enchaîner négociation et rapport de force, sans promettre de résultat.",
    ],
    "nodes": {
        "premier-signal": "Proposer aux locataires de recenser ensemble les désordres et de s'informer de leurs droits "
        "à l'ADIL : le problème est celui de l'immeuble. Signaler seul le logement de M. Haddad au service "
        "d'hygiène se défend pour la santé de l'enfant mais isole un « plaignant » ; promettre un relogement est "
        "le piège majeur : un résultat qui ne dépend pas de vous.",
        "promesse-intenable": "Étape de rattrapage. Reconnaître l'erreur, dire ce qui dépend de vous, proposer la "
        "démarche avec les voisins. Une nouvelle promesse de priorité montre qu'on cherche à réparer la relation "
        "par ce qui l'a abîmée.",
        "collectif": "Clarifier avec la directrice le rôle de l'association, et n'exposer personne contre son gré. "
        "Avancer sans en parler protège le groupe en apparence mais le prive d'un mandat au pire moment ; faire "
        "témoigner M. Sow parce que son logement est le pire fait porter le risque au plus fragile.",
        "strategie": "Peser les risques avec le groupe et bâtir une progression : courrier, service d'hygiène, puis "
        "action publique si besoin. S'en tenir à l'amiable écarte d'avance des options du groupe ; le "
        "rassemblement immédiat expose les plus fragiles et donne au propriétaire l'argument de l'absence de "
        "dialogue.",
        "courrier": "La réponse partielle cherche à diviser : on saisit le service d'hygiène pour tout l'immeuble et "
        "on consulte l'ADIL avec les locataires. Accepter les travaux chez M. Haddad est juste, à condition de ne "
        "pas lâcher le reste ; conseiller de renoncer donne raison à l'intimidation.",
        "visite": "Refuser de voir le propriétaire seul·e et proposer une délégation choisie par les locataires. "
        "Le rencontrer seul·e « pour apaiser » fait de vous son intermédiaire ; annoncer des travaux avant l'hiver "
        "est une nouvelle promesse qu'aucune procédure ne garantit.",
        "bilan": "Faire le bilan avec les locataires (droits connus, confiance, relations avec les institutions) et "
        "les laisser choisir s'ils épaulent l'immeuble voisin. Le suivi individuel des voisins oublie ce que le "
        "collectif sait faire ; passer la main à Habitat Debout et classer choisit ses alliés à sa place.",
    },
    "questions": [
        "Quelle promesse avez-vous été tenté·e de faire, et qu'est-ce qui la rendait si tentante ?",
        "Comment avez-vous protégé les locataires qui craignaient des représailles ?",
        "Qu'avez-vous dit à votre directrice, et qu'auriez-vous fait si elle vous avait demandé d'arrêter ?",
        "Négociation ou rapport de force : qui a décidé de la stratégie, et sur quels critères ?",
        "Qu'est-ce que les locataires savent faire maintenant qu'ils ne savaient pas au début ?",
    ],
}


GUIDES[france_services.SLUG] = {
    "objectives": [
        "Construire un diagnostic du non-recours avec ceux qui ne viennent pas au guichet.",
        "Choisir avec les habitant·es les lieux et les horaires des permanences.",
        "Définir le rôle des pairs relais et le cadre des démarches faites pour autrui (mandat Aidants Connect).",
        "Évaluer l'autonomie gagnée et faire remonter les dysfonctionnements aux caisses.",
    ],
    "nodes": {
        "constat": "Réunir France Services, CAF, CPAM, CCAS et des habitant·es pour croiser qui vient et qui ne vient "
        "pas : le non-recours est invisible depuis un guichet. Les statistiques de fréquentation décrivent le "
        "public présent ; demander plus d'heures d'ouverture répond à la file d'attente, pas aux absent·es.",
        "qui-ne-vient-pas": "Aller écouter au marché et à l'épicerie ambulante, avec des habitant·es volontaires : les "
        "raisons du non-recours (distance, peur de l'erreur, honte) ne se devinent pas. Le dépliant informe mais "
        "ne lève pas la peur ; la campagne par courriel n'atteint que les personnes à l'aise avec le numérique.",
        "permanences": "Choisir lieux et horaires avec les habitant·es et les mairies, relayés par la pharmacie et "
        "l'école. Les mairies aux heures du secrétariat sont un bon début décidé sans les habitant·es ; rester à "
        "France Services le matin abandonne l'« aller vers » avant de commencer.",
        "pairs-relais": "Un rôle d'accueil et d'orientation défini avec les pairs relais, les démarches restant aux "
        "aidants professionnels habilités (mandat Aidants Connect). Refuser les pairs relais prive d'une ressource "
        "de confiance ; les laisser utiliser les identifiants des voisins expose les données et la responsabilité "
        "des usagers.",
        "ateliers": "Documenter les blocages avec les participant·es et les présenter avec eux à la CAF et à la CPAM : "
        "une difficulté qui se répète est un dysfonctionnement, pas une faute individuelle. Le contournement au "
        "cas par cas laisse l'institution ignorer le blocage ; faire à la place au poste de France Services "
        "règle le jour, pas l'autonomie.",
        "evaluation": "Un bilan avec partenaires, pairs relais et participant·es, puis une répartition de la suite "
        "entre eux. Accepter l'offre de la CAF se décide entre institutions et fait des guichets juxtaposés ; "
        "confier les permanences aux bénévoles en fait une main-d'œuvre gratuite hors de son rôle.",
    },
    "questions": [
        "Comment voit-on le non-recours, quand par définition les personnes concernées ne viennent pas ?",
        "Où s'arrête le rôle d'un pair relais ? Qu'est-ce qui justifie la limite des démarches faites pour autrui ?",
        "Quel blocage récurrent avez-vous fait remonter, avec qui, et qu'est-ce que cela a changé ?",
        "À la fin du financement, qui devait décider de la suite, et pourquoi ?",
    ],
}


GUIDES[cvs_ehpad.SLUG] = {
    "objectives": [
        "Comprendre pourquoi une instance de participation s'éteint avant de la relancer.",
        "Rendre l'élection et les séances du CVS accessibles aux résident·es, y compris les plus fragiles.",
        "Laisser à la présidence l'ordre du jour que les textes lui confient (CASF, art. D. 311-16).",
        "Donner des suites visibles aux avis et en rendre compte de façon compréhensible.",
    ],
    "nodes": {
        "etat-des-lieux": "Rencontrer résident·es, familles et personnel pour comprendre l'arrêt du CVS : l'écoute "
        "est déjà de la participation. Écrire seul·e le règlement intérieur oublie que, depuis le décret de 2022, "
        "le conseil l'adopte lui-même (CASF, art. D. 311-19) ; convoquer vite les anciens membres reproduit les "
        "séances qui avaient découragé.",
        "seance-direction": "Étape de rattrapage. Proposer à la directrice de repartir d'un temps d'écoute : "
        "reconnaître l'échec de la séance ouvre la suite. Tenir la séance pour une relance réussie confond "
        "réunion tenue et participation réelle.",
        "elections": "Présenter le CVS en petits groupes avec Mme Perrin, en facile à lire, et adapter le vote : "
        "une pair convainc mieux qu'une affiche. L'appel à candidatures affiché respecte la procédure mais ne "
        "touche pas ceux qui lisent mal ou ne se déplacent plus ; laisser les familles occuper les sièges décide "
        "que les résident·es ne peuvent pas parler.",
        "ordre-du-jour": "Les représentant·es recueillent les questions dans les unités, puis la présidente arrête "
        "l'ordre du jour (CASF, art. D. 311-16) : vous l'aidez à exercer son rôle. Le tête-à-tête avec la "
        "directrice respecte le texte mais coupe la présidente des autres résident·es ; laisser la direction "
        "préparer « comme d'habitude » reproduit ce qui avait éteint l'instance.",
        "seance": "Faire inscrire l'avis sur l'heure du dîner au compte rendu et proposer un groupe de travail avec "
        "la cuisine et les équipes. Noter « pour plus tard » ne garantit aucune suite ; déclarer que les repas ne "
        "relèvent pas du CVS écarte le cœur de la vie quotidienne.",
        "compte-rendu": "Rédiger avec les représentant·es une version facile à lire, affichée et discutée dans chaque "
        "unité. La version officielle à l'entrée est une bonne pratique peu lue ; transmettre aux seuls membres "
        "puis classer coupe les représentant·es de ceux qu'ils représentent.",
        "bilan": "Préparer avec la présidente un point en séance sur chaque avis et sa suite, réponse argumentée de "
        "la direction comprise, même négative. Le rapport d'activité est honnête mais n'est pas lu dans les "
        "unités ; plaider seul·e auprès de la directrice parle à la place de l'instance.",
    },
    "questions": [
        "Pourquoi le CVS s'était-il éteint, selon les résident·es ? Et selon la direction ?",
        "Qu'avez-vous adapté pour que les résident·es ayant des troubles de la mémoire puissent participer ?",
        "Que disent les articles D. 311-16 et D. 311-19 du CASF sur qui décide, et comment l'avez-vous appliqué ?",
        "À quoi les résident·es jugent-ils qu'un CVS sert à quelque chose ?",
        "Comment rendre compte d'un avis qui n'a pas été suivi sans décourager ?",
    ],
}
