"""What an exercise id looks like: a lowercase slug, as the facts files name
the exercises ("glute-bridge"), and at most :data:`SLUG_LIMIT` characters."""

from __future__ import annotations

import re

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_LIMIT = 64
