"""Neighborhoods by their cue (issue 14): generic words and a city after the cue are no names,
a verb ends the list, names come out with their half-spaces. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract


def _nbs(text: str) -> set[str]:
    return {n.name for n in extract(text).neighborhoods}


NO_NAME = [
    pytest.param("قیمت خانه در همه محله‌های تهران و آخرین معاملات را ببینید.", id="شهر-پس-از-نشانه"),
    pytest.param("محله‌های تاریخی شهر نیازمند مرمت است.", id="صفت-تاریخی"),
    pytest.param("حمله به محله‌های غربی شهر ادامه دارد.", id="صفت-جهت"),
    pytest.param("یکی از بسیجیان محله رفت و ماجرا را گفت.", id="فعل-گذشته"),
    pytest.param("او سال‌ها در این محله سکونت داشته است.", id="فعل-با-همکرد"),
    pytest.param("حمله به محله‌های حلب رنجدیده ادامه یافت.", id="شهر-با-صفت"),
    pytest.param("خانه‌ها در محلات قزوین گران شد.", id="مرکز-استان"),
]


@pytest.mark.parametrize("text", NO_NAME)
def test_no_neighborhood(text: str) -> None:
    assert _nbs(text) == set()


HALF_SPACES = [
    pytest.param("در محله بنیهاشم شهر کرمان مدرسه ساخته شد.", "بنی\u200cهاشم", id="بنی"),
    pytest.param("در محلات شرفآباد و اللهآباد کرمان پروژه‌ها آغاز شد.", "شرف\u200cآباد", id="آباد"),
    pytest.param("در محله سیدی شهر کرمان پارک ساخته شد.", "سیدی", id="بی‌تغییر"),
]


@pytest.mark.parametrize(("text", "name"), HALF_SPACES)
def test_names_keep_their_half_spaces(text: str, name: str) -> None:
    assert name in _nbs(text)


def test_route_ends_are_listed_neighborhoods() -> None:
    text = "شهردار تهران گفت خط اتوبوس در مسیر افسریه تا میدان انقلاب ساخته می‌شود."
    assert "افسریه" in _nbs(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("شهردار تهران گفت در مسیر توسعه گام برمی‌داریم.", id="مسیر-استعاره"),
        pytest.param("شهردار تهران گفت مسیر میدان انقلاب تا میدان آزادی بسته است.", id="میدان"),
    ],
)
def test_no_route_no_neighborhood(text: str) -> None:
    assert _nbs(text) == set()


def test_a_town_name_heading_a_list_is_a_neighborhood() -> None:
    text = "طرح در محلات دولت‌آباد، جعفرآباد، تازه‌آباد و دیزل‌آباد کرمانشاه اجرا می‌شود."
    assert {"دولت\u200cآباد", "تازه\u200cآباد", "دیزل\u200cآباد"} <= _nbs(text)


def test_a_route_end_that_is_a_common_word_is_no_neighborhood() -> None:
    text = "شهردار تهران گفت خط اتوبوس در مسیر نارمک تا آزادی راه می‌افتد."
    assert _nbs(text) == {"نارمک"}


OWNED = [
    pytest.param("او مهمانان را هر روز در دفتر نیاورانش می‌پذیرد.", "نیاوران", id="دفتر-با-ش"),
    pytest.param("آنها در خانه زعفرانیه‌شان جشن گرفتند.", "زعفرانیه", id="خانه-با-شان-نیم‌فاصله"),
    pytest.param("در منزل فرمانیه‌ام میهمانی دادم.", "فرمانیه", id="منزل-با-ام"),
    pytest.param("تابستان را در ویلای جمارانش گذراند.", "جماران", id="ویلای-با-اضافه"),
]


@pytest.mark.parametrize(("text", "name"), OWNED)
def test_a_building_with_a_possessive_names_its_neighborhood(text: str, name: str) -> None:
    record = extract(text)
    assert name in {n.name for n in record.neighborhoods}
    assert "تهران" in {p.name for p in record.provinces}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("مدیرکل دفتر سلامت وزارت بهداشت سخن گفت.", id="واژه-با-پایان-همسان"),
        pytest.param("او در خانه کرمانش ماند.", id="نام-شهر"),
        pytest.param("دفتر نیاوران بسته شد.", id="بی-پایان-ملکی"),
    ],
)
def test_no_owned_neighborhood(text: str) -> None:
    assert _nbs(text) == set()
