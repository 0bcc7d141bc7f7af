"""Say whether pages may be read for writing the corpus: each URL is checked against the held-out
list in ../shared/eval-exclusions.txt through the shared checker, before anyone reads the page.

Usage: python tools/language/check_urls.py URL [URL ...]   (exit 1 if any page is held out)
"""

import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHECKER = ROOT.parent / "shared" / "tools" / "check_exclusions.py"


def main(urls: list[str]) -> int:
    if not urls:
        print(__doc__)
        return 2
    held_out = []
    for url in urls:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
            handle.write(json.dumps({"text": "", "sources": [url]}) + "\n")
        result = subprocess.run(  # noqa: S603 - our own checker, fixed arguments
            [sys.executable, str(CHECKER), handle.name], capture_output=True, text=True, check=False
        )
        pathlib.Path(handle.name).unlink()
        if result.returncode:
            held_out.append(url)
        print(("HELD OUT (do not read or use): " if result.returncode else "ok: ") + url)
    return 1 if held_out else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
