# The site under gunicorn, static files served by whitenoise. See docker-compose.yml and the README
# ("Production avec Elasticsearch").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=kb.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media

RUN useradd --create-home --uid 1000 kb && mkdir -p /data/media && chown kb:kb /data/media
WORKDIR /app

# Dependencies first, so that a code change does not reinstall them: the package folders are still
# empty, so this installs the dependencies and an empty ess-kb, removed at once; the code runs from /app.
COPY pyproject.toml README.md ./
RUN mkdir kb studydays resources search && pip install --no-cache-dir . && pip uninstall -y ess-kb

COPY manage.py ./
COPY kb kb
COPY studydays studydays
COPY resources resources
COPY search search
COPY templates templates
COPY static static

# The production settings insist on a secret key; collectstatic needs none, so it gets a throwaway one.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput -v0

USER kb
EXPOSE 8000
# WEB_CONCURRENCY sets the number of workers (gunicorn reads it); KB_SEARCH_TIMEOUT stays well under --timeout.
CMD ["gunicorn", "kb.wsgi:application", "--bind", "0.0.0.0:8000", "--timeout", "60", "--access-logfile", "-"]
