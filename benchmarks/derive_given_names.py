"""Write ``models/given_names.json``: given names that are near-always one gender, for pronouns.

Usage: derive_given_names.py NAME_DATA.json [--out models/given_names.json] [--min-count 500]
                                            [--certainty 0.95]

"she said" after "Joan Pratt … Tom Bell …" means Joan Pratt. Titles (Mrs., Sen.) and the
pronouns that follow a name give claimcheck a person's gender inside one article; a name met
once, with neither, had none, and a "she" could go to the man named last. This lexicon gives
those names one from the given name alone, and only where the name is all but never the other
gender.

The source is the name table of the nomquamgender package (MIT licence, (c) 2022 Ian Van
Buskirk; ``pip download nomquamgender``, file ``nomquamgender/name_data.json``): per name, how
many people carry it and the share of them that are women. Only names carried by at least
``--min-count`` people and at least ``--certainty`` one way are kept: 19,000 or so, a few
hundred kilobytes, where the full table is 22 MB and takes seconds to read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTICE = (
    "Derived from the name table of nomquamgender (https://github.com/ianvanbuskirk/nomquamgender), "
    "Copyright (c) 2022 Ian Van Buskirk, MIT licence: permission is granted to use, copy, modify and "
    "distribute, provided this notice is kept; the data is provided as is, without warranty of any kind."
)


def derive(table: dict[str, list], min_count: int, certainty: float) -> dict[str, str]:
    """Given name (lower case) → "f" or "m", for names clear enough to settle a pronoun."""
    names: dict[str, str] = {}
    for name, row in table.items():
        count, share_female = row[1], row[2]
        if not name.replace("-", "").isalpha() or count < min_count:
            continue
        if share_female >= certainty:
            names[name] = "f"
        elif share_female <= 1 - certainty:
            names[name] = "m"
    return dict(sorted(names.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name_data", type=Path, help="nomquamgender's name_data.json")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "given_names.json")
    ap.add_argument("--min-count", type=int, default=500)
    ap.add_argument("--certainty", type=float, default=0.95)
    args = ap.parse_args(argv)
    table = json.loads(args.name_data.read_text(encoding="utf-8"))
    names = derive(table, args.min_count, args.certainty)
    payload = {
        "notice": NOTICE,
        "min_count": args.min_count,
        "certainty": args.certainty,
        "names": names,
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    women = sum(1 for g in names.values() if g == "f")
    print(f"{len(names)} given names ({women} f, {len(names) - women} m) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
