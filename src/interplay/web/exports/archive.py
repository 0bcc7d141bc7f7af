"""The full export as a zip: the JSON file whole, and one CSV per list in it, for spreadsheets.

Format (documented in docs/security.md, "Deletion and erasure"):

- `interplay-export.json`: the same JSON as "Download my data" (`serialise.owner_export`, or
  `coach_own_export` for a coach), `format_version` at the top.
- `<name>.csv` for every top-level list of records in it (`journal_entries.csv`,
  `assessments.csv`, ...), and `<name>.<list>.csv` for lists one level down (the relationship
  map's people and snapshots): one row per record, one column per key (the union of the
  records' keys, sorted), nested values as JSON text. UTF-8 with a header row.
- `README.txt`: this description, in the archive itself.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

README = """Interplay export

interplay-export.json  everything, as one JSON file (format_version at the top)
<name>.csv             one CSV per list in it: one row per record, one column per key,
                       nested values written as JSON text; UTF-8 with a header row

This file is not encrypted: keep it as safe as you would keep your journal.
"""


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _csv(records: list[dict[str, Any]]) -> str:
    columns = sorted({key for record in records for key in record})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for record in records:
        writer.writerow(
            [
                json.dumps(value, ensure_ascii=False)
                if isinstance(value, dict | list)
                else ("" if value is None else value)
                for value in (record.get(column) for column in columns)
            ]
        )
    return out.getvalue()


def csv_tables(data: dict[str, Any]) -> dict[str, str]:
    tables = {}
    for name, value in data.items():
        if _records(value) and value:
            tables[f"{name}.csv"] = _csv(value)
        elif isinstance(value, dict):
            for inner, inner_value in value.items():
                if _records(inner_value) and inner_value:
                    tables[f"{name}.{inner}.csv"] = _csv(inner_value)
    return tables


def zip_export(data: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr(
            "interplay-export.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        )
        for name, text in csv_tables(data).items():
            archive.writestr(name, text)
    return buffer.getvalue()
