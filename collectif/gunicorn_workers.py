"""gunicorn's threaded worker, made to stop listening as soon as a graceful shutdown begins.

On SIGTERM gunicorn's master closes its copy of the listening socket, but each worker keeps its own until it has
finished the requests in hand (up to graceful_timeout): meanwhile the kernel still queues new connections that no
one will accept, and they hang, then are reset. Closing the worker's copy at once makes every new connection
refused immediately, so a load balancer or client retries on another instance; requests in hand still finish.
"""

from gunicorn.workers.gthread import ThreadWorker


class PromptlyClosingThreadWorker(ThreadWorker):
    def handle_exit(self, sig, frame):
        if self.alive:
            # Signal handler: the sockets are closed from the worker's own loop, between two events.
            self.method_queue.defer(self.stop_listening)
        super().handle_exit(sig, frame)

    def stop_listening(self):
        self.set_accept_enabled(False)
        for listener in self.sockets:
            listener.close()
        self.sockets = []
