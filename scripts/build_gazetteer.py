"""Build the geo resources from the project's hand-written lists and the reference lists.

    python scripts/build_gazetteer.py            # write src/mahrumiat_extract/resources/geo/
    python scripts/build_gazetteer.py --check    # exit 1 if the shipped files differ

Inputs: ``data/geo/*`` (ours: province spellings, variants, spellings, cues, blockers, names
that need a cue, places missing from the reference) and ``../shared/geo/*.csv`` (counties,
cities, neighborhoods; place names are facts, re-listed here in our own format). The output
is deterministic (sorted, no timestamps), so a test can regenerate and compare.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from mahrumiat_extract.text.keys import match_key  # noqa: E402 - after the path set-up

DATA = ROOT / "data" / "geo"
OUT = ROOT / "src" / "mahrumiat_extract" / "resources" / "geo"
SHARED = ROOT.parent / "shared" / "geo"
ZWNJ = "\u200c"
KINDS = ("province", "county", "city", "district", "village")
_NON_JOINING = set("اآأإدذرزژو")
_JOIN_SUFFIXES = ("آباد", "شهر")

Row = tuple[str, str, str, str]  # name, kind, province, county


def clean(text: str) -> str:
    """Arabic ي/ك → ی/ک, spaces collapsed, ZWNJ around spaces dropped."""
    text = text.replace("ي", "ی").replace("ك", "ک").replace("\u00a0", " ")
    text = re.sub(rf"\s*{ZWNJ}\s*", ZWNJ, text.strip())
    text = re.sub(rf"^{ZWNJ}+|{ZWNJ}+$", "", text)
    return re.sub(r"\s+", " ", text)


def standard_spelling(name: str) -> str:
    """Statistical Centre spelling → news spelling: «حسن اباد» → «حسن‌آباد»."""
    name = re.sub(r"اء$", "ا", clean(name))  # «لشت نشاء» → «لشت‌نشا», as news writes it
    words = ["آباد" if w == "اباد" else w for w in name.split(" ")]
    out = words[0]
    for w in words[1:]:
        if w in _JOIN_SUFFIXES and out[-1] not in _NON_JOINING:
            out += ZWNJ + w
        elif w in _JOIN_SUFFIXES:
            out += w
        else:
            out += " " + w
    return out


def read_table(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([clean(c) for c in line.split("\t")])
    return rows


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_places(shared: Path) -> tuple[list[Row], list[tuple[str, str]]]:
    """Places (provinces, counties, cities, extras) and variant spellings → canonical."""
    spell = {a: b for a, b in read_table(DATA / "spellings.tsv")}
    provinces = read_table(DATA / "provinces.tsv")
    canon_prov = {p[0] for p in provinces}
    prov_of: dict[str, str] = {}
    variants: set[tuple[str, str]] = set()
    rows: set[Row] = set()
    for p in provinces:
        rows.add((p[0], "province", p[0], ""))
        for v in p[1].split("|") if len(p) > 1 and p[1] else ():
            variants.add((clean(v), p[0]))
    for r in read_csv(shared / "provinces.csv"):
        ref = clean(r["province_fa"])
        match = [c for c in canon_prov if c.replace(" ", "") == ref.replace(" ", "")]
        if len(match) != 1:
            sys.exit(f"province {ref!r} not in data/geo/provinces.tsv")
        prov_of[ref] = match[0]

    def canonical(ref: str, alt: str = "") -> str:
        ref = clean(ref)
        if ref in spell:
            return spell[ref]
        return standard_spelling(alt or ref)

    county_name: dict[str, str] = {}
    for r in read_csv(shared / "counties.csv"):
        ref = clean(r["county_fa"])
        name = canonical(ref, r.get("alt_spelling", ""))
        county_name[ref] = name
        rows.add((name, "county", prov_of[clean(r["province_fa"])], name))
        for v in (ref, clean(r.get("alt_spelling", ""))):
            if v and v != name:
                variants.add((v, name))
    for r in read_csv(shared / "cities.csv"):
        ref = clean(r["city_fa"])
        name = canonical(ref)
        county = county_name.get(clean(r["county_fa"]), canonical(r["county_fa"]))
        rows.add((name, "city", prov_of[clean(r["province_fa"])], county))
        if ref != name:
            variants.add((ref, name))
    for e in read_table(DATA / "extra_places.tsv"):
        rows.add((e[0], e[1], e[2], e[3] if len(e) > 3 else ""))
    names = {r[0] for r in rows}
    for v, c in read_table(DATA / "variants.tsv"):
        if c not in names:
            sys.exit(f"variants.tsv: {c!r} is no place")
        variants.add((v, c))
    # a spelling that only differs in spaces, ZWNJ, ي/ك or hamza/alef matches anyway
    variants = {(v, c) for v, c in variants if match_key(v) != match_key(c)}
    return sorted(rows), sorted(variants)


def build_neighborhoods(shared: Path) -> list[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    prov_spell = {
        clean(p[0]).replace(" ", ""): clean(p[0]) for p in read_table(DATA / "provinces.tsv")
    }
    for r in read_csv(shared / "neighborhoods.csv"):
        name = standard_spelling(r["neighborhood_fa"])
        prov = prov_spell[clean(r["province_fa"]).replace(" ", "")]
        if name:
            out.add((name, standard_spelling(r["city_fa"]), prov))
    return sorted(out)


_PARENS = re.compile(r"\([^)]*\)")


def division_names(raw: str) -> list[str]:
    """The names a reference row gives a village: brackets dropped («(1ده ...)سنجدو» →
    «سنجدو»), alternates split («سهیلان / سمیلان»); none with a digit or of one letter."""
    outside = _PARENS.sub(" ", raw)
    text = outside if outside.strip() else raw.replace("(", " ").replace(")", " ")
    names = []
    for part in re.split(r"[/|،,]", text):
        name = standard_spelling(part) if part.strip() else ""
        if len(match_key(name)) > 1 and not re.search(r"[0-9۰-۹]", name):
            names.append(name)
    return names


def build_divisions(shared: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Districts (بخش), rural districts (دهستان) and villages (آبادی of type 0, a village)
    of ../shared/geo: the counties as (id, county, province), and each name with its kind
    (d, r, v) and the ids of the counties that have one of that name and kind."""
    places, _ = build_places(shared)
    prov_spell = {
        clean(p[0]).replace(" ", ""): clean(p[0]) for p in read_table(DATA / "provinces.tsv")
    }
    spell = {a: b for a, b in read_table(DATA / "spellings.tsv")}
    county_name: dict[str, str] = {}
    for r in read_csv(shared / "counties.csv"):
        ref = clean(r["county_fa"])
        county_name[ref] = spell.get(ref) or standard_spelling(r.get("alt_spelling") or ref)
    known_counties = {(r[0], r[2]) for r in places if r[1] == "county"}
    ids: dict[tuple[str, str], int] = {}
    names: dict[tuple[str, str], set[int]] = {}

    def add(raw: str, kind: str, county_ref: str, province_ref: str) -> None:
        county = county_name.get(clean(county_ref), standard_spelling(county_ref))
        province = prov_spell[clean(province_ref).replace(" ", "")]
        if (county, province) not in known_counties:
            return
        cid = ids.setdefault((county, province), len(ids))
        for name in division_names(raw):
            names.setdefault((name, kind), set()).add(cid)

    for r in read_csv(shared / "districts.csv"):
        add(r["bakhsh_fa"], "d", r["county_fa"], r["province_fa"])
    for r in read_csv(shared / "rural_districts.csv"):
        add(r["dehestan_fa"], "r", r["county_fa"], r["province_fa"])
    for r in read_csv(shared / "villages.csv"):
        if r["abadi_type"] == "0":
            add(r["village_fa"], "v", r["county_fa"], r["province_fa"])
    counties = [(str(i), c, p) for (c, p), i in sorted(ids.items(), key=lambda kv: kv[1])]
    rows = [(n, k, ",".join(map(str, sorted(c)))) for (n, k), c in sorted(names.items())]
    return counties, rows


def tsv(header: str, rows: list[tuple[str, ...]] | list[list[str]]) -> str:
    return header + "".join("\t".join(r) + "\n" for r in rows)


def copy_list(name: str) -> str:
    """A hand-written list, cleaned (ي/ك, spaces), comments kept, order kept."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    out = [
        ln if ln.startswith("#") else "\t".join(clean(c) for c in ln.split("\t")) for ln in lines
    ]
    return "\n".join(ln for ln in out if ln.strip()) + "\n"


def build(shared: Path = SHARED) -> dict[str, str]:
    """File name → content of every generated file in resources/geo/."""
    places, variants = build_places(shared)
    counties, divisions = build_divisions(shared)
    gen = "# generated by scripts/build_gazetteer.py from data/geo and ../shared/geo: do not edit\n"
    return {
        "places.tsv": tsv(gen + "# name\tkind\tprovince\tcounty\n", places),
        "variants.tsv": tsv(gen + "# spelling\tcanonical name\n", variants),
        "neighborhoods.tsv": tsv(gen + "# name\tcity\tprovince\n", build_neighborhoods(shared)),
        "division_counties.tsv": tsv(gen + "# id\tcounty\tprovince\n", counties),
        "divisions.tsv": tsv(
            gen
            + "# name\tkind (d district, r rural district, v village)"
            + "\tcounty ids (division_counties.tsv)\n",
            divisions,
        ),
        "cues.tsv": copy_list("cues.tsv"),
        "contexts.tsv": copy_list("contexts.tsv"),
        "needs_cue.tsv": copy_list("needs_cue.tsv"),
        "blockers.txt": copy_list("blockers.txt"),
        "function_words.txt": copy_list("function_words.txt"),
        "nb_words.tsv": copy_list("nb_words.tsv"),
        "surname_endings.txt": copy_list("surname_endings.txt"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--shared", type=Path, default=SHARED, help="folder of the reference CSVs")
    args = ap.parse_args(argv)
    files = build(args.shared)
    stale = [
        n
        for n, text in files.items()
        if not (OUT / n).exists() or (OUT / n).read_text(encoding="utf-8") != text
    ]
    if args.check:
        for n in stale:
            print(f"stale: resources/geo/{n}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for n, text in files.items():
        (OUT / n).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
