"""`digest init DIR`: the files of a new digest, ready to fill in, check and publish.

`scaffold_files` is pure (relative path -> text); `create_project` writes them and refuses
to overwrite anything. Never prints.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import UsageError
from .newday import NEW_DAY_TEMPLATE, write_text

SITE_YAML = """\
# The site: fill these in (docs/content-format.md lists every field).
title: "My war digest"
description: "Headlines on Russia's war against Ukraine, picked daily."
base_url: "https://example.github.io/my-digest/"
language: en
timezone: Europe/Kyiv
author: "The editors"
"""

SOURCES_YAML = """\
# The outlets you link to: id -> name, home page, language. `digest import` gives a
# headline the source whose home page's host its link is on.
ukrinform:
  name: "Ukrinform"
  url: "https://www.ukrinform.net/"
  language: en
"""

TAGS_YAML = """\
# Topics: id -> name and an optional one-sentence description.
frontline:
  name: "Frontline"
  description: "Fighting along the front line."
"""

TEMPLATES_README = """\
# Overriding the theme

digest renders pages from its bundled Jinja2 templates. To change one, put a file with the
same path here: `templates/day.html` replaces the day page, `templates/partials/headline.html`
one headline, `templates/static/style.css` the style sheet. Every file you do not put here
still comes from the bundled theme, so copy only what you change, starting from the bundled
file of the same name (in the digest package's `builder/theme/` folder).

Templates are Jinja2 with autoescaping on and undefined variables as errors:
`digest check` reports a template's syntax errors with their file and line.
"""

GITIGNORE = """\
site/
.site.*/
"""

WORKFLOW = """\
# Check the content on every push and pull request; build and publish site/ to GitHub Pages
# from main (Settings -> Pages -> Source: GitHub Actions). The hourly run publishes days
# dated in the future once their date has come in the site's time zone.
name: digest

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:
  schedule:
    - cron: "7 * * * *"

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # A pip requirement for digest, e.g. git+https://github.com/ORG/digest@v0.1.0
  DIGEST_PACKAGE: digest

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: python -m pip install "$DIGEST_PACKAGE"
      - id: digest
        run: echo "version=$(digest --version | tr ' ' '-')" >> "$GITHUB_OUTPUT"
      # What the last run parsed and indexed, by content: a checkout reads every file anew,
      # and only the days that changed are parsed and searched again. Without it, every
      # run builds as the first one did (ten years of days: about twice as long, and the
      # search index made again). The key changes with digest's version and the content.
      - uses: actions/cache@v4
        with:
          path: .digest-cache
          key: ${{ steps.digest.outputs.version }}-${{ hashFiles('content/**', 'templates/**') }}
          restore-keys: ${{ steps.digest.outputs.version }}-
      - run: digest check --strict
      # site/ is not kept from run to run: no record of its pages for a next build.
      - run: digest build --no-record
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

PRE_COMMIT_CONFIG = """\
# Run `pre-commit install` once; then every commit is checked by digest.
repos:
  - repo: local
    hooks:
      - id: digest-check
        name: digest check
        entry: digest check --since HEAD
        language: system
        pass_filenames: false
        files: ^(content|templates)/
"""


def scaffold_files(today: dt.date) -> dict[str, str]:
    """Return the files of a new digest, by path relative to its folder."""
    first_day = NEW_DAY_TEMPLATE.format(
        date=today.isoformat(), source="ukrinform", tag="frontline"
    ) + (
        "Your commentary for the day, in Markdown. Add headlines above (or paste a listing\n"
        "into `digest import`), then remove `draft: true` to publish the day.\n"
    )
    return {
        "content/site.yaml": SITE_YAML,
        "content/sources.yaml": SOURCES_YAML,
        "content/tags.yaml": TAGS_YAML,
        f"content/digests/{today:%Y}/{today.isoformat()}.md": first_day,
        "templates/README.md": TEMPLATES_README,
        ".github/workflows/digest.yml": WORKFLOW,
        ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
        ".gitignore": GITIGNORE,
    }


def create_project(folder: Path, today: dt.date) -> list[str]:
    """Write a new digest into `folder`; refuse when any of its files is already there."""
    files = scaffold_files(today)
    existing = sorted(name for name in files if (folder / name).exists())
    if (folder / "content").exists() and "content/site.yaml" not in existing:
        existing.insert(0, "content/")
    if existing:
        raise UsageError(
            f"{folder} already holds {', '.join(existing)}; digest init starts a new digest "
            "in an empty or new folder and overwrites nothing"
        )
    for name, text in files.items():
        write_text(folder / name, text)
    return list(files)
