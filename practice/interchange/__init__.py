"""Export the log as JSON or CSV, read an import file, and merge what it holds.

The JSON export is a superset of the minimal import format
``{"days": [{"date": "YYYY-MM-DD", "done": ["id", ...]}, ...]}``: each day also
carries its plan (with levels and volume), whether it was complete, its kind,
pain (the morning check-in, before, after and during), leg symptoms, a note,
tick times, ratings, skips (and which were for pain), seconds held and a
stop; beside the days are the current levels, level changes, declined
suggestions, screening answers and clearances. Importing an export gives back
exactly the same log.
"""

from practice.interchange.export import export_csv, export_json
from practice.interchange.imports import MAX_IMPORT_BYTES, Imported, parse_import, read_limited
from practice.interchange.fill import merge, new_entries

__all__ = [
    "MAX_IMPORT_BYTES", "Imported", "export_csv", "export_json", "merge", "new_entries", "parse_import",
    "read_limited",
]
