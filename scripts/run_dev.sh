#!/usr/bin/env bash
# Serve the site on http://127.0.0.1:8000 with the task worker beside it; Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python manage.py run_worker --queue-name default,lrs &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Collectif : http://127.0.0.1:8000  (e-mails de développement : var/mail/)"
.venv/bin/python manage.py runserver 127.0.0.1:8000
