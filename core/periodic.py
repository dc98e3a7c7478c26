"""Periodic jobs on the django-tasks database queue, kept going by the worker itself (no cron).

Each app registers its jobs at the end of its tasks.py (found by autodiscovery):

    periodic.register(check_reminders_task, every_hour, _("Rappels d'échéance"))

and writes the task body as `return periodic.run(check_reminders_task, work)`: the next run is queued *before*
the work starts, so an exception in one run cannot stop the next. `ensure_scheduled()` queues every job that has no
run waiting; it is idempotent, and the worker (core/worker.py) runs it on start and every few seconds after, so a
killed run or a database outage cannot stop a job either (also `manage.py ensure_periodic_jobs`).
The admin page "Tâches périodiques" lists them with their last and next run.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class PeriodicJob:
    task: object
    next_run: Callable[[datetime], datetime]  # when to run again, from now
    label: str

    @property
    def path(self):
        return self.task.module_path


_jobs: dict[str, PeriodicJob] = {}


def register(task, next_run, label):
    _jobs[task.module_path] = PeriodicJob(task, next_run, label)


def jobs():
    """Every registered job; each app registers its own at the end of its tasks.py, found here."""
    autodiscover_modules("tasks")
    return sorted(_jobs.values(), key=lambda job: str(job.label))


def every(delta):
    return lambda now: now + delta


def next_monday_morning(now):
    """Monday 7:00, local time, after `now`."""
    now = timezone.localtime(now)
    days = (7 - now.weekday()) % 7 or 7
    return timezone.make_aware(datetime.combine((now + timedelta(days=days)).date(), time(7, 0)))


def _waiting(task, statuses=("READY",)):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task.module_path, status__in=statuses)


def is_scheduled(task):
    return task.get_backend().supports_defer and _waiting(task).exists()


def schedule(task, run_after, unless_running=False):
    """Queue one run of a periodic job at `run_after` unless one is already waiting (or, with `unless_running`,
    running: it queues its own next run). True when queued."""
    statuses = ("READY", "RUNNING") if unless_running else ("READY",)
    if not task.get_backend().supports_defer or _waiting(task, statuses).exists():
        return False
    task.using(run_after=run_after).enqueue()
    return True


def run(task, work):
    """The body of a periodic task: queue the next run first, then do the work (which may raise)."""
    schedule(task, _jobs[task.module_path].next_run(timezone.now()))
    return work()


def ensure_scheduled(soon=timedelta(seconds=5)):
    """Queue every registered job that has neither a run waiting nor one running (its next run shortly).

    Run at the worker's start and by its housekeeping (core/worker.py): a run killed before it queued the next
    one, or a scheduling lost in a database outage, cannot stop a job for good. Returns the labels started."""
    now = timezone.now()
    return [str(job.label) for job in jobs() if schedule(job.task, now + soon, unless_running=True)]


def status():
    """[(job, last finished run or None, next waiting run or None)] for the admin page, in two queries."""
    from django.db.models import Max, Min
    from django_tasks_db.models import DBTaskResult

    paths = [job.path for job in jobs()]
    rows = DBTaskResult.objects.filter(task_path__in=paths)
    last = dict(
        rows.filter(finished_at__isnull=False)
        .values("task_path")
        .annotate(at=Max("finished_at"))
        .values_list("task_path", "at")
    )
    waiting = dict(
        rows.filter(status="READY").values("task_path").annotate(at=Min("run_after")).values_list("task_path", "at")
    )
    last_status = {
        path: rows.filter(task_path=path, finished_at=at).values_list("status", flat=True).first()
        for path, at in last.items()
    }
    return [
        {
            "job": job,
            "last_run": last.get(job.path),
            "last_status": last_status.get(job.path),
            "next_run": waiting.get(job.path),
        }
        for job in jobs()
    ]
