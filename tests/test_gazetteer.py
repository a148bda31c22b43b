"""The shipped geo tables: the data itself, coverage of ../shared/geo (when present), and
that the build script regenerates exactly what is shipped."""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from mahrumiat_extract.language import Resources
from mahrumiat_extract.resources import read_lines, read_tsv
from mahrumiat_extract.text.keys import match_key

from .conftest import ROOT, SHARED

GEO = SHARED / "geo"
GEO_FILES = ("places.tsv", "variants.tsv", "neighborhoods.tsv", "cues.tsv", "needs_cue.tsv", "blockers.txt")
KINDS = {"province", "county", "city", "district", "village"}


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


def _places() -> tuple[tuple[str, ...], ...]:
    return read_tsv("geo/places.tsv")


def test_31_provinces() -> None:
    assert len(Resources().gazetteer.provinces) == 31


@pytest.mark.parametrize("name", GEO_FILES)
def test_no_arabic_letters_or_stray_whitespace(name: str) -> None:
    for line in read_lines(f"geo/{name}"):
        assert "ي" not in line and "ك" not in line, line
        for cell in line.split("\t"):
            assert cell == cell.strip() and "  " not in cell, repr(line)
            assert not cell.startswith("\u200c") and not cell.endswith("\u200c"), repr(line)


def test_place_rows_are_well_formed_and_unique() -> None:
    provinces = {r[0] for r in _places() if r[1] == "province"}
    seen: set[tuple[str, str, str, str]] = set()
    for row in _places():
        assert len(row) == 4, row
        name, kind, province, county = row
        assert kind in KINDS, row
        assert province in provinces, row
        # two cities of one name may share a province (گلوگاه in Babol and Galugah counties)
        assert (match_key(name), kind, province, county) not in seen, row
        seen.add((match_key(name), kind, province, county))


def test_every_county_in_exactly_one_province() -> None:
    where: dict[str, set[str]] = defaultdict(set)
    for name, kind, province, _county in _places():
        if kind == "county":
            where[match_key(name)].add(province)
    assert where
    assert {k: v for k, v in where.items() if len(v) != 1} == {}


def test_variants_point_to_places() -> None:
    names = {r[0] for r in _places()}
    for spelling, canonical in read_tsv("geo/variants.tsv"):
        assert canonical in names, (spelling, canonical)
        assert match_key(spelling) != match_key(canonical)


def test_canonical_names_use_standard_spelling() -> None:
    names = {r[0] for r in _places()}
    for expected in ("خرم‌آباد", "قائم‌شهر", "بندرعباس", "چابهار", "سیستان و بلوچستان"):
        assert expected in names


def _reference(name: str, column: str) -> set[str]:
    path = GEO / name
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared is not beside the repo")
    with path.open(encoding="utf-8", newline="") as fh:
        return {match_key(r[column]) for r in csv.DictReader(fh)}


def _known_keys() -> set[str]:
    keys = {match_key(r[0]) for r in _places()}
    keys |= {match_key(v) for v, _ in read_tsv("geo/variants.tsv")}
    return keys


@pytest.mark.parametrize(
    ("file", "column", "floor"),
    [
        pytest.param("provinces.csv", "province_fa", 1.0, id="provinces"),
        pytest.param("counties.csv", "county_fa", 0.99, id="counties"),
        pytest.param("cities.csv", "city_fa", 0.99, id="cities"),
    ],
)
def test_coverage_of_the_reference_lists(file: str, column: str, floor: float) -> None:
    ref = _reference(file, column)
    known = _known_keys()
    missing = sorted(ref - known)
    assert 1 - len(missing) / len(ref) >= floor, missing[:20]


def test_build_regenerates_the_shipped_files() -> None:
    if not GEO.exists():
        pytest.skip(f"{GEO} not found: ../shared is not beside the repo")
    built = _build_script().build(GEO)
    shipped = Path(ROOT / "src" / "mahrumiat_extract" / "resources" / "geo")
    for name, text in built.items():
        assert (shipped / name).read_text(encoding="utf-8") == text, f"run scripts/build_gazetteer.py ({name})"
