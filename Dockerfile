# The site under gunicorn, static files served by whitenoise. See docker-compose.yml and the README
# ("Production avec Elasticsearch").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=kb.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    KB_CACHE_DIR=/data/cache

RUN useradd --create-home --uid 1000 kb && mkdir -p /data/media /data/cache && chown kb:kb /data/media /data/cache
WORKDIR /app

# Dependencies first, so that a code change does not reinstall them: the package folders are still
# empty, so this installs the dependencies and an empty ess-kb, removed at once; the code runs from /app.
COPY pyproject.toml README.md ./
RUN mkdir kb studydays resources search citations oai feeds accounts alerts readinglists imports caching backups && pip install --no-cache-dir . && pip uninstall -y ess-kb

COPY manage.py gunicorn.conf.py ./
COPY kb kb
COPY studydays studydays
COPY resources resources
COPY search search
COPY citations citations
COPY oai oai
COPY feeds feeds
COPY accounts accounts
COPY alerts alerts
COPY readinglists readinglists
COPY imports imports
COPY caching caching
COPY backups backups
COPY templates templates
COPY static static

# The production settings insist on a secret key; collectstatic needs none, so it gets a throwaway one.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput -v0

USER kb
EXPOSE 8000
# Threaded workers, timeouts and the rest from gunicorn.conf.py, each overridable from the environment
# (WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT...; README, « Production »).
CMD ["gunicorn", "kb.wsgi:application", "--config", "gunicorn.conf.py"]
