"""The task worker of production (`manage.py run_worker`): django-tasks-db's worker, made to heal itself.

The library's worker exits at the first database error and leaves the task of a killed worker « en cours »
forever; reminders, LRS forwarding and e-mails then stop without anybody noticing. This one:

- waits for the database with a growing pause when it is unreachable, instead of exiting;
- after such an outage, puts back in the queue the task it was running when the database went away;
- writes a heartbeat row every few seconds (from a small thread, so a long task does not look like a dead worker),
  which /sante/ reads;
- every HOUSEKEEPING_EVERY, puts back in the queue the tasks claimed by a worker whose heartbeat stopped (or
  running longer than TASK_TIMEOUT), and schedules again every periodic job that has no run waiting.

Tasks are written to be idempotent (core/taskqueue.py), so running one again after a crash is safe.
"""

import contextlib
import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from core import periodic
from core.models import WorkerHeartbeat

logger = logging.getLogger("collectif.worker")

HEARTBEAT_EVERY = 5  # seconds
HOUSEKEEPING_EVERY = 15  # seconds
TASK_TIMEOUT = timedelta(minutes=30)  # no task here runs that long: one that does is stuck
BACKOFF_FIRST, BACKOFF_MAX = 0.5, 15.0  # seconds


def dead_after():
    """A worker silent this long is dead (three missed heartbeats by default)."""
    return timedelta(seconds=getattr(settings, "TASK_WORKER_DEAD_AFTER_SECONDS", 30))


def live_workers(now=None):
    now = now or timezone.now()
    return WorkerHeartbeat.objects.filter(last_seen__gte=now - dead_after())


def _requeue(pks):
    """Back to the queue, unless another worker already finished or requeued them meanwhile."""
    if not pks:
        return 0
    return (
        DBTaskResult.objects.running()
        .filter(pk__in=pks)
        .update(status="READY", started_at=None, run_after=timezone.now())
    )


def requeue_orphaned_tasks(now=None):
    """Tasks « en cours » whose worker stopped beating (killed, frozen, machine gone) or that run far too long."""
    now = now or timezone.now()
    alive = set(live_workers(now).values_list("worker_id", flat=True))
    orphaned = [
        row.pk
        for row in DBTaskResult.objects.running().only("pk", "worker_ids", "started_at")
        if row.started_at < now - TASK_TIMEOUT
        or (row.started_at < now - dead_after() and (row.worker_ids or [None])[-1] not in alive)
    ]
    count = _requeue(orphaned)
    if count:
        logger.warning("%s tâche(s) d'un worker arrêté remise(s) dans la file", count)
    return count


class Backoff:
    """0.5 s, 1 s, 2 s… up to BACKOFF_MAX between two attempts to reach the database."""

    def __init__(self):
        self.failures = 0

    def next_delay(self):
        self.failures += 1
        return min(BACKOFF_FIRST * 2 ** (self.failures - 1), BACKOFF_MAX)

    def reset(self):
        self.failures = 0


class Heartbeat(threading.Thread):
    """Upserts this worker's WorkerHeartbeat row every HEARTBEAT_EVERY seconds, with its own connection."""

    def __init__(self, worker_id, queues):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.row = {
            "worker_id": worker_id,
            "queues": ",".join(queues)[:200],
            "hostname": socket.gethostname()[:200],
            "pid": os.getpid(),
            "started_at": timezone.now(),
        }
        self.stopped = threading.Event()

    def beat(self):
        fields = {key: value for key, value in self.row.items() if key != "worker_id"}
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.row["worker_id"], defaults={**fields, "last_seen": timezone.now()}
        )

    def run(self):
        while not self.stopped.is_set():
            try:
                self.beat()
            except DatabaseError as error:
                logger.warning("Signal de vie non écrit (%s)", type(error).__name__)
                connection.close()  # this thread's connection: reopened at the next beat
            self.stopped.wait(HEARTBEAT_EVERY)
        connection.close()

    def stop(self):
        self.stopped.set()
        with contextlib.suppress(DatabaseError):  # else the row simply ages and the worker counts as dead
            WorkerHeartbeat.objects.filter(worker_id=self.row["worker_id"]).delete()


class SelfHealingWorker(Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.backoff = Backoff()
        self.in_outage = False
        self.next_housekeeping = 0.0  # time.monotonic(): at once on start

    def run(self):
        logger.info("Worker %s démarré (files : %s)", self.worker_id, ",".join(self.queue_names))
        heartbeat = Heartbeat(self.worker_id, self.queue_names)
        heartbeat.start()
        try:
            self.loop()
        finally:
            heartbeat.stop()

    def loop(self):
        while self.running:
            try:
                worked = self.step()
            except DatabaseError as error:
                self.wait_for_database(error)
                continue
            self.backoff.reset()  # a whole turn went through: the next outage starts with a short pause again
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            if self.batch and not worked:
                return
            if self.running and not worked:
                time.sleep(self.interval)

    def step(self):
        """One turn: recover from an outage if needed, housekeeping when due, then at most one task."""
        close_old_connections()
        if self.in_outage:
            self.recover_after_outage()
        if time.monotonic() >= self.next_housekeeping:
            self.housekeeping()
        task_result = self.claim_next_task()
        if task_result is None:
            return False
        self.run_task(task_result)
        return True

    def claim_next_task(self):
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
                return task_result
        except DatabaseError as error:
            if is_locked_database_exception(error):
                return None  # SQLite busy: try again at the next turn
            raise

    def housekeeping(self):
        requeue_orphaned_tasks()
        started = periodic.ensure_scheduled(soon=timedelta(seconds=settings.PERIODIC_FIRST_RUN_DELAY_SECONDS))
        if started:
            logger.info("Tâches périodiques reprogrammées : %s", ", ".join(started))
        self.next_housekeeping = time.monotonic() + HOUSEKEEPING_EVERY

    def wait_for_database(self, error):
        delay = self.backoff.next_delay()
        if not self.in_outage:
            logger.error("Base de données injoignable (%s) : le worker attend son retour", type(error).__name__)
        self.in_outage = True
        for alias in connections:
            with contextlib.suppress(DatabaseError):  # the broken connection is dropped either way
                connections[alias].close()
        if self.running:
            time.sleep(delay)

    def recover_after_outage(self):
        """The task in hand when the database went away could not be marked finished: it runs again."""
        mine = [
            row.pk
            for row in DBTaskResult.objects.running().only("pk", "worker_ids")
            if (row.worker_ids or [None])[-1] == self.worker_id
        ]
        count = _requeue(mine)
        logger.warning("Base de données revenue : le worker reprend (%s tâche(s) remise(s) dans la file)", count)
        self.in_outage = False
