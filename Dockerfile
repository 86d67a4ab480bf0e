# One image for web, worker and beat (see docker-compose.yml).
# Its steps mirror the Makefile: `npm ci`, `pip install .`, then collectstatic. Only what
# it copies reaches the builder (.dockerignore lets in nothing else).

FROM node:20-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DJANGO_DEBUG=0
WORKDIR /app
RUN useradd --create-home --uid 1000 rebound
# The work-search log's PDF: WeasyPrint draws with Pango and HarfBuzz, in DejaVu.
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY tracker ./tracker
# Editable, so settings' BASE_DIR is /app, where templates/ and static/ live.
RUN pip install -e .
COPY --from=frontend /app/node_modules ./node_modules
COPY manage.py Procfile ./
COPY templates ./templates
COPY static ./static
# The drafts' words in six languages besides English (compiled, as committed).
COPY locale ./locale
# collectstatic needs settings to load; the key is a throwaway used only for this step.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput
# Beat's schedule file (CELERY_BEAT_SCHEDULE_FILENAME) lives here.
RUN mkdir -p var && chown rebound var
USER rebound
EXPOSE 8000
CMD ["gunicorn", "tracker.wsgi"]
