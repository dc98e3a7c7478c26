"""Trainer's guides of the demo cases, keyed by case slug: objectives, expected reasoning per decision node,
debriefing questions. Kept apart from the case data so that editing a case's text and its guide never collide.

Plain text, escaped when built into the page's rich text (CasePage.trainer_guide), which only trainers see.
"""

from django.utils.html import escape

from . import tilleuls

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
