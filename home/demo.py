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
éducateur·rices, conseiller·es en économie sociale familiale, médiateur·rices), leurs formateur·rices et
leurs responsables d'équipe.</p>
""",
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "intro": "L'organisme qui déploie Collectif s'engage à rendre ses services accessibles, conformément à "
        "l'article 47 de la loi n° 2005-102 du 11 février 2005.",
        "body": """
<p>Cette déclaration d'accessibilité s'applique à la plateforme Collectif.</p>
<h2>État de conformité</h2>
<p>Collectif est <b>non conforme</b> avec le référentiel général d'amélioration de l'accessibilité (RGAA),
version 4.1 : aucun audit de conformité n'a encore été réalisé. Ce statut changera seulement quand un audit
complet, mené sur un échantillon de pages représentatif, aura mesuré un taux de conformité.</p>
<h2>Ce qui est vérifié aujourd'hui, et ce qui ne l'est pas</h2>
<p>Faute d'audit, nous ne publions pas de taux de conformité. Les tests automatiques du code de la plateforme
lancent l'outil axe-core (règles WCAG 2.1 de niveaux A et AA, auxquelles renvoie le RGAA, et bonnes pratiques)
dans le navigateur Chromium sur les pages suivantes, qui n'y relèvent aucune violation :</p>
<ul>
<li>accueil, connexion, inscription (y compris le formulaire affiché avec des erreurs), page introuvable ;</li>
<li>compte : profil, double authentification, changement de mot de passe, suppression du compte ; « Mon espace » ;</li>
<li>catalogue des formations (avec filtres), page d'un module, leçons, refus d'accès à un module verrouillé ;</li>
<li>cas pratiques : liste, étapes, bilan, rapport de la formatrice ou du formateur ;</li>
<li>quiz : chaque type de question, résultats, comparaison avant/après ;</li>
<li>journal réflexif et journal d'équipe, partage et retours ;</li>
<li>séance collective de débriefing (écran d'animation et écran des participant·es) ;</li>
<li>suivi d'équipe : import, affectation, tableau de bord ;</li>
<li>leçon contenant une activité H5P, <b>sans</b> l'activité elle-même, exclue du contrôle.</li>
</ul>
<p>Un outil automatique ne détecte qu'une partie des défauts : il ne juge ni la pertinence d'un texte alternatif,
ni l'ordre de lecture, ni la compréhension des contenus. Certains parcours sont aussi testés au clavier seul. Ces
tests ne remplacent pas un audit.</p>
<h2>Contenus non accessibles</h2>
<ul>
<li>Les <b>activités interactives H5P</b> viennent d'un logiciel tiers et ne sont pas contrôlées : leur
accessibilité dépend du type d'activité choisi. Une activité H5P n'a <b>pas d'alternative textuelle, sauf si
son auteur·rice en a écrit une</b> : elle s'affiche alors sous le lecteur, dans « Version texte de l'activité ». À
défaut, son contenu n'est pas accessible aux personnes qui ne peuvent pas utiliser le lecteur.</li>
<li>Les <b>vidéos</b> intégrées depuis YouTube ou Vimeo dépendent du lecteur de ces plateformes ; la plateforme
exige une transcription pour chaque vidéo.</li>
<li>Les <b>documents joints</b> (PDF, tableurs) déposés par les formateur·rices ne sont pas vérifiés.</li>
<li>Les <b>graphiques</b> des rapports et du tableau de bord sont accompagnés de tableaux de données ; leur
restitution n'a pas été auditée.</li>
</ul>
<h2>Établissement de cette déclaration</h2>
<p>Cette déclaration a été établie le 3 décembre 2026. Technologies utilisées : HTML, CSS, JavaScript
(en amélioration progressive). Environnement des tests automatiques : Chromium piloté par Playwright, avec
axe-core.</p>
<h2>Retour d'information et contact</h2>
<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à accessibilite@collectif.example
(adresse de démonstration, à remplacer par l'organisme qui déploie la plateforme) : nous vous proposerons une
alternative accessible.</p>
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
        "shows_data_controller": True,
        "intro": "Quelles données personnelles la plateforme traite, pourquoi, qui les reçoit, combien de temps "
        "elles sont gardées, et comment exercer vos droits (règlement (UE) 2016/679, dit RGPD, art. 13).",
        "body": """
<h2>Données traitées, finalités et bases légales</h2>
<ul>
<li><b>Compte</b> : adresse e-mail, nom affiché, langue, méthodes de double authentification, dates de
connexion. Finalité : vous identifier et sécuriser l'accès. Base légale : l'exécution du service de formation
auquel vous vous êtes inscrit·e (RGPD, art. 6.1.b).</li>
<li><b>Progression</b> : inscriptions, activités terminées, scores, temps passé par leçon, connexions.
Finalités : reprendre là où vous en étiez ; quand votre employeur vous affecte une formation, établir les
attestations et le certificat de réalisation que l'organisme de formation doit pouvoir produire. Bases
légales : l'exécution du service (art. 6.1.b) et, pour les preuves de réalisation, l'obligation légale de
l'organisme de formation (art. 6.1.c).</li>
<li><b>Réponses</b> : choix et justifications dans les cas pratiques, réponses aux quiz, votes lors des séances
collectives. Finalités : le débriefing et l'amélioration des contenus. Base légale : l'exécution du service
(art. 6.1.b).</li>
<li><b>Journal réflexif</b> : privé par défaut ; seul·e un·e formateur·rice avec qui vous partagez une entrée la
lit. Base légale : l'exécution du service (art. 6.1.b).</li>
</ul>
<h2>Destinataires</h2>
<ul>
<li>Vos formateur·rices voient les réponses aux activités de leurs modules, dont vos justifications.</li>
<li>Votre responsable d'équipe voit l'avancement, les scores et le temps passé dans les formations qu'il ou elle
vous a affectées, jamais vos justifications ni votre journal.</li>
<li><b>Entrepôt d'apprentissage externe (LRS)</b> : si l'organisme en a configuré un, la plateforme lui transmet
les traces d'apprentissage au format xAPI, dont vos choix <b>et vos justifications</b> dans les cas pratiques,
avec votre nom affiché et un identifiant de compte interne (pas votre adresse e-mail). Ce transfert est
désactivé par défaut ; les données transmises sont ensuite conservées
par ce service, selon ses propres règles.</li>
<li>L'hébergeur de la plateforme, désigné dans les mentions légales, en tant que sous-traitant.</li>
</ul>
<h2>Durées de conservation</h2>
<ul>
<li>Les <b>séances collectives de débriefing</b>, avec leurs participations (invitées comprises) et leurs
votes, sont supprimées automatiquement 90 jours après leur création.</li>
<li>Le <b>compte</b> et toutes les données qui en dépendent (progression, réponses, journal, connexions) sont
conservés tant que le compte est utilisé. Un compte d'apprenant·e sans connexion depuis <b>3 ans</b> est
supprimé automatiquement : un e-mail vous prévient <b>30 jours</b> avant, et il suffit de vous connecter pour
garder le compte. Les comptes des formateur·rices, responsables d'équipe et administrateur·rices ne sont
jamais supprimés automatiquement : l'organisme les supprime à la fin de leur mission. Vous pouvez aussi
supprimer votre compte vous-même à tout moment.</li>
<li>Les <b>certificats de réalisation</b> restent vérifiables après la suppression du compte : le code, le module
et les dates sont gardés, votre nom en est effacé.</li>
</ul>
<h2>Cookies</h2>
<p>La plateforme ne dépose que des cookies nécessaires à son fonctionnement, exemptés de consentement : la
session de connexion, la protection contre la falsification de requêtes (CSRF) et la langue choisie. Elle
n'utilise aucun outil de mesure d'audience ni de publicité.</p>
<h2>Vidéos intégrées</h2>
<p>Certaines leçons intègrent des vidéos hébergées par YouTube ou par Vimeo. Dès qu'une leçon contenant une vidéo
s'affiche, votre navigateur charge le lecteur de ce service, qui reçoit votre adresse IP et applique sa propre
politique de confidentialité. Une transcription accompagne chaque vidéo.</p>
<h2>Vos droits</h2>
<p>Vous disposez des droits d'accès, de rectification, d'effacement, de limitation, d'opposition et de
portabilité (RGPD, art. 15 à 21). Depuis « Mon compte », vous pouvez à tout moment <b>télécharger toutes vos
données</b> (archive ZIP) et <b>supprimer votre compte</b>. Pour toute autre demande, écrivez à l'adresse du
responsable du traitement indiquée plus haut. Si vous estimez que vos droits ne sont pas respectés, vous pouvez
adresser une réclamation à la Commission nationale de l'informatique et des libertés (CNIL).</p>
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
        ensure_page(home, spec)
    return []


def page_fields(spec):
    return {
        "title": spec["title"],
        "intro": spec["intro"],
        "body": spec["body"].strip(),
        "shows_data_controller": spec.get("shows_data_controller", False),
    }


def ensure_page(home, spec):
    """Create the page, or bring it up to date while nobody has edited it in the admin (idempotent)."""
    fields = page_fields(spec)
    page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = StandardPage(slug=spec["slug"], show_in_footer=True, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        return
    edited = page.revisions.exclude(user=None).exists()
    if not edited and any(getattr(page, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
