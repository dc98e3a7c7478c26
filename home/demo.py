"""Demo content of the home page and the institutional pages (about, accessibility, legal, privacy)."""

from .models import HomePage, StandardPage

HOME_INTRO = (
    "Des modules courts, des cas à embranchements et un journal réflexif pour passer de l'aide au cas par cas "
    "à l'action avec les personnes concernées, les groupes et les partenaires d'un territoire."
)

HOME_BODY = """
<h2>Pourquoi cette plateforme ?</h2>
<p>Impayés d'énergie dans un même immeuble, isolement des personnes âgées d'un village, parents perdus face aux
outils numériques de l'école : beaucoup de difficultés rencontrées en accompagnement individuel sont partagées.
Depuis le décret du 6 mai 2017 (article D. 142-1-1 du code de l'action sociale et des familles), la définition
du travail social associe explicitement les approches individuelles et collectives. Peu d'équipes ont pourtant
été formées à l'intervention collective.</p>
<h2>Ce que vous y trouverez</h2>
<ul>
<li><b>Huit modules</b> sur les fondements de l'intervention collective, la démarche d'intervention sociale
d'intérêt collectif, le pouvoir d'agir et la participation, l'animation de groupe, la médiation sociale, la
médiation numérique, le développement social local et l'évaluation d'une action collective.</li>
<li><b>Des cas pratiques à embranchements</b> : à chaque étape, vous choisissez, vous justifiez votre choix, puis
vous découvrez ses effets sur la dynamique collective.</li>
<li><b>Des quiz et des questionnaires de positionnement</b> avant et après un module.</li>
<li><b>Un journal réflexif privé</b>, que vous pouvez partager avec vos formateur·rices pour avoir un retour.</li>
</ul>
<h2>Par où commencer ?</h2>
<ul>
<li><b>Vous découvrez l'intervention collective</b> : suivez « Pourquoi l'intervention sociale collective ? »,
puis « La démarche ISIC pas à pas », qui s'ouvre une fois le premier module terminé.</li>
<li><b>Vous travaillez déjà avec des groupes</b> : les modules sur le pouvoir d'agir, l'animation de groupe, la
médiation sociale et numérique ou le développement social local se suivent dans l'ordre qui vous convient.</li>
<li><b>Vous avez conduit une action collective</b> : « Évaluer une action collective » vous aide à en mesurer les
effets avec le groupe.</li>
<li><b>Formateur·rices</b> : chaque leçon propose des exercices de réflexion, des cas et des quiz ; les réflexions
que l'on vous partage arrivent dans « Journaux partagés ».</li>
<li><b>Responsables d'équipe</b> : depuis « Suivi d'équipe », affectez un module à votre équipe avec une échéance ;
« Médiation numérique et inclusion numérique » convient bien à une équipe d'accueil.</li>
</ul>
<p><a href="/formations/">Voir toutes les formations</a></p>
"""

PAGES = [
    {
        "slug": "a-propos",
        "title": "À propos",
        "intro": "Collectif forme les professionnel·les du travail social à l'intervention sociale collective.",
        "body": """
<h2>Notre démarche</h2>
<p>L'intervention sociale d'intérêt collectif (ISIC) a été formalisée en France par un rapport du Conseil
supérieur du travail social en 1988. Elle complète l'aide individuelle : elle vise à faire émerger des intérêts
communs dans la population d'un territoire et à aider les groupes à mieux maîtriser leur vie quotidienne.
Ses trois grandes familles sont le travail social avec les groupes, le développement social local et, plus
rarement en France, le travail social communautaire.</p>
<p>Nous avons conçu Collectif autour d'une conviction : ce changement de posture s'apprend en pratiquant,
en confrontant ses choix à ceux des autres et en prenant le temps d'y réfléchir par écrit. D'où les cas
à embranchements, les séances collectives de débriefing et le journal réflexif.</p>
<h2>Pour qui ?</h2>
<p>Étudiant·es des diplômes d'État du travail social, professionnel·les en poste (assistant·es de service social,
éducateur·rices, conseiller·es en économie sociale et familiale, médiateur·rices), leurs formateur·rices et
leurs responsables d'équipe.</p>
""",
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "intro": "Collectif s'engage à rendre ses services accessibles, conformément à l'article 47 de la loi "
        "n° 2005-102 du 11 février 2005.",
        "body": """
<p>Cette déclaration d'accessibilité s'applique à la plateforme Collectif.</p>
<h2>État de conformité</h2>
<p>Collectif est <b>partiellement conforme</b> avec le référentiel général d'amélioration de l'accessibilité
(RGAA), version 4.1, faute d'audit complet réalisé à ce jour.</p>
<h2>Résultats des tests</h2>
<p>Aucun audit RGAA complet par un organisme tiers n'a encore été mené. Les pages principales (accueil,
connexion, inscription, compte, catalogue, modules, leçons, cas pratiques, quiz, journal, tableau de bord
d'équipe, pages d'erreur) sont vérifiées automatiquement à chaque modification du code avec l'outil axe-core
(règles WCAG 2.1 niveaux A et AA) : ces tests ne relèvent aucune violation. Les parcours principaux sont
également testés au clavier seul. Un test automatique ne couvre qu'une partie des critères du RGAA.</p>
<h2>Contenus non accessibles</h2>
<ul>
<li>Les activités interactives H5P sont produites par un logiciel tiers ; leur accessibilité dépend du type de
contenu choisi par les formateur·rices. Chaque activité propose un texte de remplacement.</li>
<li>Les vidéos intégrées depuis des plateformes tierces dépendent de leur lecteur ; une transcription complète
est obligatoire pour chaque vidéo.</li>
<li>Les documents joints (PDF, tableurs) déposés par les formateur·rices peuvent ne pas être accessibles.</li>
</ul>
<h2>Établissement de cette déclaration</h2>
<p>Cette déclaration a été établie le 26 novembre 2026. Technologies utilisées : HTML, CSS, JavaScript
(en amélioration progressive). Environnement de test : Chromium avec axe-core, navigation au clavier.</p>
<h2>Retour d'information et contact</h2>
<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous à l'adresse
accessibilite@collectif.example : nous vous proposerons une alternative accessible.</p>
<h2>Voies de recours</h2>
<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service
et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits : par le
formulaire en ligne sur son site, en contactant l'un de ses délégué·es dans votre région, ou par courrier
gratuit, sans affranchissement, à l'adresse : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>
""",
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": "Informations sur l'éditeur et l'hébergement de la plateforme.",
        "body": """
<h2>Éditeur</h2>
<p>Collectif (organisme fictif de démonstration). Contact : contact@collectif.example.</p>
<h2>Hébergement</h2>
<p>L'hébergeur est indiqué par l'organisme de formation qui déploie la plateforme.</p>
<h2>Contenus</h2>
<p>Les contenus pédagogiques de démonstration ont été rédigés pour Collectif. Les situations des cas pratiques
sont fictives : toute ressemblance avec des personnes ou des lieux réels serait fortuite.</p>
""",
    },
    {
        "slug": "confidentialite",
        "title": "Politique de confidentialité",
        "intro": "Quelles données personnelles nous conservons, pourquoi, combien de temps, et comment les "
        "télécharger ou les supprimer.",
        "body": """
<h2>Données conservées et finalités</h2>
<ul>
<li><b>Compte</b> : adresse e-mail, nom affiché, langue, méthodes de double authentification — pour vous
identifier et sécuriser votre accès.</li>
<li><b>Progression</b> : inscriptions, activités terminées, scores, temps passé par leçon, dates de connexion —
pour reprendre là où vous en étiez et, quand une formation vous est affectée, attester de votre assiduité
(obligation des organismes de formation).</li>
<li><b>Réponses</b> : choix et justifications dans les cas pratiques, réponses aux quiz — pour le débriefing et
l'amélioration des contenus par les formateur·rices.</li>
<li><b>Journal réflexif</b> : privé par défaut. Seul·e un·e formateur·rice avec qui vous partagez une entrée la
lit. Les responsables d'équipe ne voient jamais le contenu d'un journal.</li>
</ul>
<h2>Qui voit quoi</h2>
<p>Votre responsable d'équipe voit l'avancement et les scores des formations qu'il ou elle vous a affectées,
jamais vos justifications ni votre journal. Vos formateur·rices voient les réponses aux activités de leurs
modules.</p>
<h2>Durées de conservation</h2>
<p>Les données de compte et de progression sont conservées tant que le compte est actif, puis trois ans après la
dernière connexion pour les attestations de formation. Les participations invitées aux séances collectives sont
supprimées après 90 jours.</p>
<h2>Vos droits</h2>
<p>Depuis « Mon compte », vous pouvez à tout moment <b>télécharger toutes vos données</b> (archive ZIP) et
<b>supprimer votre compte</b>, ce qui efface vos données. Pour toute question : dpo@collectif.example.
Vous pouvez aussi adresser une réclamation à la CNIL.</p>
""",
    },
]


def load():
    home = HomePage.objects.first()
    if home is None:
        return []
    if home.intro != HOME_INTRO or home.body.strip() != HOME_BODY.strip():
        home.intro, home.body = HOME_INTRO, HOME_BODY.strip()
        home.save_revision().publish()
    for spec in PAGES:
        if StandardPage.objects.child_of(home).filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=spec["body"].strip(), show_in_footer=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return []
