"""The scenarios of `make scale-check`, each run against two web instances and two workers.

Requests go through the web instances like a browser's would; the database is read directly (Django is set
up in the checking process with the same production settings) to compare what the instances did.
"""

import collections
import json
import re
import signal
import time
from email import message_from_bytes
from pathlib import Path

from scripts.scale_fixtures import (
    H5P_TITLE,
    LEARNER,
    PASSWORD,
    QUIZ_TITLE,
    REMINDED_COUNT,
    REMINDED_EMAIL,
    TRAINER,
    TRAINER_TOTP_SECRET,
    create_h5p_lesson,
)

# A package built by the tests' kit (a small library written for the tests): nothing read outside the repository.
H5P_PACKAGE_NAME = "collectif-question.h5p"


def h5p_package():
    from tests import h5p_kit

    return h5p_kit.package()


PLAYER_FRAME = re.compile(r'data-h5p-frame="(\d+)" data-h5p-token="([^"]+)"')


def session_moves_between_instances(ctx):
    """Log in on instance A, continue on instance B with the same session (shared database, cached in Redis)."""
    browser = ctx["Browser"]()
    browser.login(ctx["a"], LEARNER, PASSWORD)
    response = browser.request("GET", ctx["b"], "/mon-espace/")
    ctx["check"](
        "connexion sur A, même session sur B",
        response.status_code == 200 and "Mon espace" in response.text,
        f"HTTP {response.status_code}",
    )
    response = browser.request(
        "POST",
        ctx["b"],
        "/compte/langue/",
        data={"language": "en", "next": "/mon-espace/", "csrfmiddlewaretoken": browser.csrf()},
    )
    response = browser.request("GET", ctx["a"], "/mon-espace/")
    ctx["check"]("préférence changée sur B, visible sur A", "My space" in response.text)
    browser.request(
        "POST",
        ctx["a"],
        "/compte/langue/",
        data={"language": "fr", "next": "/mon-espace/", "csrfmiddlewaretoken": browser.csrf()},
    )


def media_uploaded_on_one_instance_is_served_by_the_other(ctx):
    """A file stored through Django's storage API by A is readable through B (S3, not a local disk)."""
    browser = ctx["Browser"]()
    browser.login(ctx["a"], LEARNER, PASSWORD)
    export_a = browser.request("GET", ctx["a"], "/compte/mes-donnees/")
    ctx["check"]("export de données produit par A", export_a.status_code == 200 and export_a.content[:2] == b"PK")


def _path(url):
    """A page URL without scheme and host (Wagtail gives full URLs when several sites exist)."""
    return re.sub(r"^https?://[^/]+", "", url)


def h5p_uploaded_on_a_is_played_on_b(ctx):
    """(a) A trainer uploads a package through the admin of A; a learner plays it on B and B records progress."""
    from h5p.models import H5PActivity, H5PLibrary
    from progress.api import results_for
    from statements.api import build_statement

    check = ctx["check"]
    trainer = ctx["Browser"]().login(ctx["a"], TRAINER, PASSWORD, totp_secret=TRAINER_TOTP_SECRET)
    form = trainer.request("GET", ctx["a"], "/admin/snippets/h5p/h5pactivity/add/")
    check("formulaire d'ajout H5P ouvert sur A (formatrice, TOTP)", form.status_code == 200, f"HTTP {form.status_code}")
    upload = trainer.request(
        "POST",
        ctx["a"],
        "/admin/snippets/h5p/h5pactivity/add/",
        data={"title": H5P_TITLE, "csrfmiddlewaretoken": trainer.csrf()},
        files={"package": (H5P_PACKAGE_NAME, h5p_package(), "application/zip")},
    )
    activity = H5PActivity.objects.filter(title=H5P_TITLE).first()
    check(
        "paquet H5P déposé sur A par le formulaire de l'admin",
        upload.status_code == 302 and activity is not None,
        f"HTTP {upload.status_code}",
    )
    bucket = ctx["s3_keys"]()
    check(
        "paquet, contenu et bibliothèques rangés dans le compartiment S3",
        activity.package.name in bucket
        and f"{activity.content_path}/h5p.json" in bucket
        and any(key.startswith("h5p/libraries/") for key in bucket),
        f"{len(bucket)} objet(s)",
    )
    create_h5p_lesson()  # what `manage.py scale_check_fixtures --h5p-lesson` does, without booting Django again

    learner = ctx["Browser"]().login(ctx["a"], LEARNER, PASSWORD)
    lesson = activity_lesson(activity)
    page = learner.request("GET", ctx["b"], _path(lesson.url))
    frame = PLAYER_FRAME.search(page.text)
    token = frame.group(2) if frame and frame.group(1) == str(activity.pk) else ""
    check(
        "leçon avec l'activité ouverte sur B par l'apprenant·e inscrit·e (lecteur à adresse signée)",
        page.status_code == 200 and bool(token),
        f"HTTP {page.status_code}",
    )
    base = f"/h5p/lecteur/{token}"
    player = learner.request("GET", ctx["b"], f"{base}/")
    check("lecteur H5P servi par B", player.status_code == 200 and 'id="h5p-config"' in player.text)
    # The sandboxed player has no session: its files answer to the signed address alone.
    anonymous = ctx["Browser"]()
    h5p_json = anonymous.request("GET", ctx["b"], f"{base}/contenu/h5p.json")
    content = anonymous.request("GET", ctx["b"], f"{base}/contenu/content/content.json")
    main = H5PLibrary.objects.get(
        machine_name=activity.main_library, major_version=int(activity.main_library_version.split(".")[0])
    )
    library = anonymous.request("GET", ctx["b"], f"{base}/bibliotheques/{main.folder_name}/library.json")
    check(
        "fichiers du contenu et de la bibliothèque lus depuis S3 par B",
        h5p_json.status_code == 200
        and h5p_json.json()["mainLibrary"] == activity.main_library
        and content.status_code == 200
        and content.content == ctx["s3_read"](f"{activity.content_path}/content/content.json")
        and library.status_code == 200
        and library.content == ctx["s3_read"](f"{main.storage_path}/library.json"),
        f"HTTP {h5p_json.status_code}, {content.status_code}, {library.status_code}",
    )
    user = activity_user(LEARNER)
    statement = build_statement(
        user,
        "answered",
        activity.get_iri(),
        activity.title,
        result={"score": {"scaled": 1.0, "raw": 1, "min": 0, "max": 1}, "success": True},
    )
    answered = learner.request(
        "POST",
        ctx["b"],
        f"/h5p/{activity.pk}/declarations/",
        data=json.dumps(statement),
        headers={"Content-Type": "application/json", "X-CSRFToken": learner.csrf(), "X-H5P-Player-Token": token},
    )
    results = results_for(user, [activity.activity_key, lesson.activity_key])
    check(
        "déclaration xAPI « answered » reçue par B : activité et leçon terminées en base",
        answered.status_code == 201
        and results.get(activity.activity_key) is not None
        and results[activity.activity_key].is_completed
        and results[activity.activity_key].score == 1.0
        and results.get(lesson.activity_key) is not None
        and results[lesson.activity_key].is_completed,
        f"HTTP {answered.status_code} {answered.text[:200]}",
    )


def activity_lesson(activity):
    from progress.models import LessonActivity

    return LessonActivity.objects.select_related("lesson").get(activity_key=activity.activity_key).lesson.specific


def activity_user(email):
    from accounts.models import User

    return User.objects.get(email=email)


def quiz_started_on_a_is_submitted_on_b(ctx):
    """(b) A quiz attempt started (and partly saved) on A is resumed and submitted on B, scored on the server."""
    from progress.api import results_for
    from quizzes.models import Attempt, Question, Quiz

    check = ctx["check"]
    quiz = Quiz.objects.get(title=QUIZ_TITLE)
    browser = ctx["Browser"]().login(ctx["a"], LEARNER, PASSWORD)
    start = browser.request(
        "POST", ctx["a"], f"/evaluations/{quiz.pk}/commencer/", data={"csrfmiddlewaretoken": browser.csrf()}
    )
    attempt_path = _path(start.headers.get("Location", ""))
    check("tentative commencée sur A", start.status_code == 302 and "/tentatives/" in attempt_path)
    form = browser.request("GET", ctx["a"], attempt_path)
    asked = sorted({int(pk) for pk in re.findall(r'name="q(\d+)"', form.text)})
    answers = dict(Question.objects.filter(pk__in=asked).values_list("pk", "true_false_answer"))
    check("les quatre questions affichées sur A", len(asked) == 4 and len(answers) == 4, str(asked))
    wrong = asked[0]  # one wrong answer out of four: 75 %
    fields = {
        f"q{pk}": ("false" if answers[pk] else "true") if pk == wrong else str(answers[pk]).lower() for pk in asked
    }
    first_two = {key: fields[key] for key in list(fields)[:2]}
    saved = browser.request(
        "POST", ctx["a"], attempt_path, data={"action": "save", "csrfmiddlewaretoken": browser.csrf(), **first_two}
    )
    check("deux réponses enregistrées sur A", saved.status_code == 302, f"HTTP {saved.status_code}")
    resumed = browser.request("GET", ctx["b"], attempt_path)
    check(
        "tentative reprise sur B avec les réponses enregistrées",
        resumed.status_code == 200 and resumed.text.count("checked") >= 2,
        f"HTTP {resumed.status_code}",
    )
    submitted = browser.request(
        "POST", ctx["b"], attempt_path, data={"action": "submit", "csrfmiddlewaretoken": browser.csrf(), **fields}
    )
    check(
        "réponses validées sur B",
        submitted.status_code == 302 and "/resultats/" in submitted.headers.get("Location", ""),
    )
    attempt = Attempt.objects.get(pk=int(re.search(r"/tentatives/(\d+)/", attempt_path)[1]))
    result = results_for(attempt.user, [f"quiz:{quiz.pk}"]).get(f"quiz:{quiz.pk}")
    check(
        "score calculé par le serveur : 75 % en base (tentative et progression)",
        attempt.submitted_at is not None and attempt.score == 0.75 and result is not None and result.score == 0.75,
        f"tentative {attempt.score}, progression {getattr(result, 'score', None)}",
    )
    page = browser.request("GET", ctx["a"], _path(submitted.headers["Location"]))
    check("résultats affichés sur A", page.status_code == 200 and "75" in page.text, f"HTTP {page.status_code}")


def _queue_state():
    """(queued, running): queued counts deferred tasks too, such as a retry after a deadlock; the periodic jobs
    the workers keep scheduled (core/periodic.py) are always there and do not count."""
    from django_tasks_db.models import DBTaskResult

    from core import periodic

    tasks = DBTaskResult.objects.exclude(task_path__in=[job.path for job in periodic.jobs()])
    return tasks.filter(status="READY").count(), tasks.filter(status="RUNNING").count()


def _wait(condition, timeout, step=0.3):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return False


def _reminder_recipients(mail_dir):
    """{address: number of reminder e-mails} from the file-based e-mail backend's files."""
    counts = collections.Counter()
    message_ids = collections.Counter()
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        # The backend writes each message followed by a line of 79 dashes.
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not chunk.strip():
                continue
            message = message_from_bytes(chunk)
            if "Rappel" in str(message["Subject"]) or "rappel-" in str(message["Message-ID"]):
                counts[message["To"]] += 1
                message_ids[message["Message-ID"]] += 1
    return counts, message_ids


def reminders_sent_once_despite_a_killed_worker(ctx):
    """(c) 500 reminder tasks run by two workers; one is killed mid-run, its tasks recovered; one e-mail each."""
    from django_tasks_db.models import DBTaskResult

    from core.taskqueue import is_transient_failure
    from teams.models import ReminderLog
    from teams.tasks import enqueue_due_reminders, send_reminder_task

    check = ctx["check"]
    stack = ctx["stack"]
    # The enqueueing step of `manage.py send_due_reminders` and of the hourly check (without starting that chain,
    # which would queue every reminder not sent yet a second time a few seconds later).
    queued = enqueue_due_reminders()
    check(f"{REMINDED_COUNT} rappels dus mis en file (teams.tasks.enqueue_due_reminders)", queued == REMINDED_COUNT)
    sent = ReminderLog.objects.filter(sent_at__isnull=False)
    victim = ctx["workers"][0]

    def victim_holds_a_task():
        running = DBTaskResult.objects.running().values_list("worker_ids", flat=True)
        return any(victim.worker_id in ids for ids in running)

    _wait(lambda: sent.count() >= REMINDED_COUNT // 5, 120, step=0.05)
    # Freeze the victim, and kill it only if it is frozen in the middle of a task (its claim committed):
    # then that task is certainly left "running", as after a real crash.
    end = time.monotonic() + 60
    while time.monotonic() < end:
        victim.send_signal(signal.SIGSTOP)
        if victim_holds_a_task():
            break
        victim.send_signal(signal.SIGCONT)
        time.sleep(0.01)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=10)
    at_kill = sent.count()
    check(
        f"worker {victim.name} tué (SIGKILL) pendant la série",
        0 < at_kill < REMINDED_COUNT,
        f"{at_kill} rappel(s) envoyé(s) à cet instant",
    )

    # The victim's last task stays RUNNING until the other worker notices that its heartbeat stopped
    # (core/worker.py): nobody runs `requeue_stale_tasks` by hand.
    def victims_tasks():
        return sum(victim.worker_id in task.worker_ids for task in DBTaskResult.objects.running())

    stale = victims_tasks()
    check("le worker tué laisse sa tâche « en cours »", stale == 1, f"{stale} tâche(s)")
    began = time.monotonic()
    recovered = _wait(lambda: victims_tasks() == 0, 60)
    check(
        "sa tâche est remise dans la file d'elle-même (signal de vie arrêté)",
        recovered,
        f"en {time.monotonic() - began:.0f} s",
    )
    ctx["workers"].append(stack.start_worker("worker-3"))  # what the restart policy of compose/Procfile does
    drained = _wait(lambda: _queue_state() == (0, 0) and sent.count() >= REMINDED_COUNT, 150)
    ready, running = _queue_state()
    check("file vidée par les workers restants", drained, f"{ready} prête(s), {running} en cours")
    failed = DBTaskResult.objects.failed()
    check(
        "aucun rappel en échec",
        not failed.filter(task_path=send_reminder_task.module_path).exists(),
        f"{failed.count()} tâche(s) en échec",
    )
    for other in failed:
        # e.g. Wagtail's reference-index task when two workers index related objects at once: PostgreSQL aborts
        # one on a deadlock and core.taskqueue queues it again (see docs/deploiement.md).
        rerun = DBTaskResult.objects.successful().filter(task_path=other.task_path, args_kwargs=other.args_kwargs)
        check(
            f"tâche {other.task_path} en échec transitoire, refaite avec succès",
            is_transient_failure(other.traceback) and rerun.exists(),
            (other.traceback or "").strip().splitlines()[-1][:160] if other.traceback else "",
        )
    counts, message_ids = _reminder_recipients(stack.mail_dir)
    expected = {REMINDED_EMAIL.format(n) for n in range(REMINDED_COUNT)}
    duplicates = {address: n for address, n in counts.items() if n != 1}
    check(
        f"chacune des {REMINDED_COUNT} personnes a reçu exactement un e-mail de rappel",
        set(counts) == expected and not duplicates,
        f"{len(counts)} destinataire(s), doublons : {duplicates or 'aucun'}, "
        f"intrus : {set(counts) - expected or 'aucun'}",
    )
    check(
        "un rappel journalisé par personne, Message-ID uniques",
        sent.count() == REMINDED_COUNT and max(message_ids.values()) == 1,
        f"{sent.count()} journalisé(s)",
    )


def no_instance_keeps_local_state(ctx):
    """(d) Media only in the bucket, sessions in the shared database (read through Redis): nothing an instance could
    lose, and nothing a Redis restart could lose either."""
    from django.contrib.sessions.models import Session

    check = ctx["check"]
    media_root = Path(ctx["stack"].env["MEDIA_ROOT"])
    local = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    check("aucun fichier média sur le disque des instances", not local, ", ".join(map(str, local[:5])))
    keys = ctx["s3_keys"]()
    check(
        "médias (H5P) présents dans le compartiment S3",
        any(key.startswith("h5p/packages/") for key in keys) and any(key.startswith("h5p/content/") for key in keys),
        f"{len(keys)} objet(s)",
    )
    check(
        "sessions dans la base partagée (lues à travers Redis) : un redémarrage de Redis ne déconnecte personne",
        Session.objects.exists(),
        f"{Session.objects.count()} session(s)",
    )


ALL_CHECKS = [
    session_moves_between_instances,
    media_uploaded_on_one_instance_is_served_by_the_other,
    h5p_uploaded_on_a_is_played_on_b,
    quiz_started_on_a_is_submitted_on_b,
    reminders_sent_once_despite_a_killed_worker,
    no_instance_keeps_local_state,
]
