"""Build the shipped lexical resources from their raw sources, deterministically.

    python scripts/build_resources.py            # write src/mahrumiat_extract/resources/
    python scripts/build_resources.py --check    # exit 1 if the shipped files differ

Sources (see src/mahrumiat_extract/resources/README.md):
- hazm's ``data/words.dat`` (word, frequency, POS) and ``data/verbs.dat`` (past#present
  stems), read from the installed hazm package without importing it.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RES = ROOT / "src" / "mahrumiat_extract" / "resources"
ZWNJ = "\u200c"
FREQUENT = 1_000_000


def hazm_data_dir() -> Path:
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("hazm is not installed: run scripts/venv.sh first")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def build_zwnj(data: Path) -> dict[str, str]:
    words: dict[str, int] = {}
    tags: dict[str, str] = {}
    for line in (data / "words.dat").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        w = parts[0].strip()
        try:
            freq = int(parts[1])
        except ValueError:
            freq = 0
        words[w] = max(words.get(w, 0), freq)
        tags[w] = parts[2] if len(parts) > 2 else ""
    out: dict[str, str] = {}
    # zwnj_words.tsv: joined form -> form with ZWNJ, where the joined form is no word itself
    # (or is much rarer than the ZWNJ form) - the lexicon part of ZWNJ restoration.
    joined_best: dict[str, tuple[int, str]] = {}
    for w, f in words.items():
        if ZWNJ not in w:
            continue
        j = w.replace(ZWNJ, "")
        if f <= joined_best.get(j, (-1, ""))[0]:
            continue
        joined_best[j] = (f, w)
    lex = []
    for j, (f, w) in sorted(joined_best.items()):
        fj = words.get(j, 0)
        if fj == 0 or f > 20 * fj:
            lex.append(f"{j}\t{w}")
    out["zwnj_words.tsv"] = (
        "# joined\twith_zwnj  (generated from hazm words.dat)\n" + "\n".join(lex) + "\n"
    )
    # known_words.txt: words attested in hazm's corpus (frequency > 0), for the affix rules
    known = sorted(w for w, f in words.items() if f > 0 and ZWNJ not in w and " " not in w)
    out["known_words.txt"] = (
        "# words with frequency > 0 in hazm words.dat\n" + "\n".join(known) + "\n"
    )
    adjs = sorted(w for w in known if "AJ" in tags.get(w, "").split(","))
    out["adjectives.txt"] = (
        "# adjectives (AJ) from hazm words.dat, for تر/ترین\n" + "\n".join(adjs) + "\n"
    )
    # officials/frequent_words.txt: the most frequent words (a million occurrences or more):
    # the officials' test of «a common word», which the whole attested list (it has most
    # names, Persian and foreign, too) cannot be
    frequent = sorted(w for w in known if words[w] >= FREQUENT)
    out["officials/frequent_words.txt"] = (
        f"# words with frequency >= {FREQUENT:,} in hazm words.dat (the officials' common words)\n"
        + "\n".join(frequent)
        + "\n"
    )
    # officials/plural_words.txt: plurals (PL, Arabic broken plurals mostly: «تدابیر»,
    # «اوصاف»): a word of a name in apposition is never one (unless a given name says so)
    plurals = sorted(w for w in known if "PL" in tags.get(w, "").split(","))
    out["officials/plural_words.txt"] = (
        "# words tagged PL (plural) in hazm words.dat, frequency > 0\n" + "\n".join(plurals) + "\n"
    )
    stems: set[str] = set()
    for line in (data / "verbs.dat").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or "#" not in line:
            continue
        past, present = line.split("#", 1)
        for s in (past, present):
            s = s.strip()
            if s:
                stems.add(s)
    out["verb_stems.txt"] = (
        "# past and present verb stems from hazm verbs.dat\n" + "\n".join(sorted(stems)) + "\n"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args(argv)
    files = build_zwnj(hazm_data_dir())
    bad = 0
    for name, content in files.items():
        path = RES / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                print(f"differs: {path}")
                bad += 1
        else:
            path.write_text(content, encoding="utf-8")
            print(f"wrote {path} ({content.count(chr(10))} lines)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
