"""Villages, rural districts, districts and islands by their cue (issue 14), with the national
divisions: the kind from the cue, the province from the article, a name shared by several
provinces left without one. Sentences written for these tests."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.records import Place


def _places(text: str) -> dict[str, Place]:
    return {p.name.replace("\u200c", "").replace(" ", ""): p for p in extract(text).places}


FOUND = [
    pytest.param("آب شرب روستای تل گسر در شهرستان رامهرمز تامین شد.", "تلگسر", "village", "خوزستان", id="روستای-دو-واژه"),
    pytest.param("دهستان آزادلو در شهرستان گرمی گازرسانی شد.", "آزادلو", "district", "اردبیل", id="دهستان"),
    pytest.param("فرودگاه جزیره هندورابی توسعه می‌یابد.", "هندورابی", "village", "هرمزگان", id="جزیره"),
    pytest.param("در جزیره کیش نمایشگاه برپا شد.", "کیش", "city", "هرمزگان", id="جزیره-شهر"),
    pytest.param(
        "روستاهای چاهان و مخت از توابع شهرستان نیکشهر سیل‌زده شدند.", "چاهان", "village", "سیستان و بلوچستان",
        id="فهرست-پس-از-نشانه",
    ),
    pytest.param(
        "روستاهای چاهان و مخت از توابع شهرستان نیکشهر سیل‌زده شدند.", "مخت", "village", "سیستان و بلوچستان",
        id="فهرست-نام-دوم",
    ),
]


RURAL_AREA_AND_ROAD = [
    pytest.param("بازدید از منطقه روستایی چال برد در شهرستان دزفول انجام شد.", "چالبرد", "village", "خوزستان", id="منطقه-روستایی"),
    pytest.param("گردشگران به منطقه روستایی و کوهستانی سفیدکهریز رفتند.", "سفیدکهریز", "village", "سمنان", id="منطقه-روستایی-و-صفت"),
    pytest.param("کار جاده اردبیل – پیله درق پیش می‌رود.", "پیلهدرق", "village", "اردبیل", id="جاده-دو-سر"),
    pytest.param("مردم منتظر دوخطه شدن خرم‌آباد - چم شکر هستند.", "چمشکر", "village", "لرستان", id="دوخطه-شدن"),
]


@pytest.mark.parametrize(("text", "name", "kind", "province"), RURAL_AREA_AND_ROAD)
def test_rural_area_and_road_end(text: str, name: str, kind: str, province: str) -> None:
    place = _places(text)[name]
    assert (place.kind, place.province) == (kind, province)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("اردبیل - خبرگزاری مهر: پیله درق آباد شد.", id="خط-خبر-بی-جاده"),
        pytest.param("زندگی روستایی چال برد را دگرگون کرد.", id="روستایی-بی-منطقه"),
    ],
)
def test_no_village_without_its_context(text: str) -> None:
    names = set(_places(text))
    assert not names & {"پیلهدرق", "چالبرد"}


@pytest.mark.parametrize(("text", "name", "kind", "province"), FOUND)
def test_found_by_cue(text: str, name: str, kind: str, province: str) -> None:
    place = _places(text)[name]
    assert (place.kind, place.province) == (kind, province)


def test_quoted_village_missing_from_the_lists() -> None:
    place = _places("ساخت مسکن در روستای «نوبنیاد» در بخش خشکبیجار شهرستان رشت آغاز شد.")["نوبنیاد"]
    assert (place.kind, place.province) == ("village", "گیلان")


def test_shared_name_takes_the_county_of_its_sentence() -> None:
    # «چاهان» is a village in several counties of two provinces: the county named decides
    assert _places("روستای چاهان از توابع شهرستان جیرفت است.")["چاهان"].province == "کرمان"


def test_shared_name_without_context_has_no_province() -> None:
    place = _places("روستای سرچم آب ندارد.")["سرچم"]
    assert place.province is None


NOT_FOUND = [
    pytest.param("ساکنان روستا گفت که آب ندارند.", id="روستا-بی-اضافه"),
    pytest.param("سه جزیره ایرانی در خلیج فارس است.", id="صفت-پس-از-جزیره"),
    pytest.param("در شبه جزیره عرب جنگ است.", id="شبه-جزیره"),
    pytest.param("روستاهای از این دست کم نیستند.", id="واژه-دستوری"),
    pytest.param("بخش خصوصی سرمایه‌گذاری کرد.", id="بخش-خصوصی"),
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_no_village_without_a_name(text: str) -> None:
    assert not [p for p in extract(text).places if p.kind in ("village", "district")]
