#!/usr/bin/env python3
"""Pack a built offline site into a zip that unpacks to one `rapport/` folder.

    python scripts/pack_offline.py SITE_DIR ZIP_FILE

The zip is byte-for-byte the same for the same site: entries sorted, fixed timestamps.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FOLDER = "rapport"
TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no date of "now"


def pack(site: Path, target: Path) -> int:
    """Write every file of `site` into `target` under FOLDER/; return how many."""
    files = sorted(path for path in site.rglob("*") if path.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", TIMESTAMP)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, path.read_bytes())
    return len(files)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    site, target = Path(argv[0]), Path(argv[1])
    count = pack(site, target)
    print(f"packed {count} files into {target} (open {FOLDER}/index.html after unzipping)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
