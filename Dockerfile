# Collectif production image. Build: docker build -t collectif .
# (The development machines of this project cannot pull base images; this file is checked by tests only.)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=collectif.settings.production

RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm libpq5 \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 collectif
WORKDIR /app

# Exact versions and hashes from the lockfile (make lock); the project itself adds no dependency.
COPY pyproject.toml requirements.lock ./
RUN pip install --upgrade pip && pip install --require-hashes -r requirements.lock

COPY --chown=collectif:collectif . .
RUN pip install --no-deps . \
    && make vendor \
    && pybabel compile -D django -d locale \
    && DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput

USER collectif
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/sante/')"
CMD ["gunicorn", "-c", "gunicorn.conf.py", "collectif.wsgi"]
