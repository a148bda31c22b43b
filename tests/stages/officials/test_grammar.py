"""The grammar of appositions and office phrases (issue 13), one example table per rule.

Every sentence here is written for the test (made-up people, real offices and places)."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract

from ...conftest import assert_spans

Triple = tuple[str, str | None, str | None]


def _triples(text: str) -> set[Triple]:
    record = extract(text)
    assert_spans(record, text)
    return {(o.name, o.title, o.jurisdiction) for o in record.officials}


def _names(text: str) -> set[str]:
    return {o.name for o in extract(text).officials}


APPOSITION = [
    pytest.param(
        "«گوستاو مارتینلی» وزیر امور خارجه اسپانیا در گفت‌وگو با خبرنگاران گفت: سفر انجام شد.",
        {("گوستاو مارتینلی", "وزیر امور خارجه", None)},
        id="نام‌خارجی-در-گیومه-عنوان-کشور",
    ),
    pytest.param(
        "به نقل از خبرگزاری اسپوتنیک، واسیلی پتروفسکی، معاون اداره کنترل تسلیحات گفت: خوب است.",
        {("واسیلی پتروفسکی", "معاون اداره کنترل تسلیحات", None)},
        id="نام‌خارجی،عنوان",
    ),
    pytest.param(
        "کیوان هاشم‌زهی فرماندار نیکشهر گفت: کار ادامه دارد.",
        {("کیوان هاشم\u200cزهی", "فرماندار", "نیک\u200cشهر")},
        id="پسوند-زهی",
    ),
    pytest.param(
        "سورنا تابانی معاون علمی و فناوری رئیس‌جمهوری گفت: کار ادامه دارد.",
        {("سورنا تابانی", "معاون علمی و فناوری رئیس\u200cجمهور", None)},
        id="نام-ناشناخته-با-پسوند-نام‌خانوادگی",
    ),
    pytest.param(
        "«حسین عرب» نماینده ائتلاف البناء در پارلمان عراق گفت: خوب است.",
        {("حسین عرب", "نماینده ائتلاف البناء", None)},
        id="نام‌کوچک-و-نام‌خانوادگی-واژه‌عام",
    ),
]


@pytest.mark.parametrize(("text", "expected"), APPOSITION)
def test_apposition(text: str, expected: set[Triple]) -> None:
    assert _triples(text) == expected


LISTS = [
    pytest.param(
        "بررسی سوال اکبرزاده، فروزش، جلالی و مهرپور نمایندگان تبریز، اهر، زاهدان و ارومیه در دستور است.",
        {
            ("اکبرزاده", "نماینده", "تبریز"),
            ("فروزش", "نماینده", "اهر"),
            ("جلالی", "نماینده", "زاهدان"),
            ("مهرپور", "نماینده", "ارومیه"),
        },
        id="فهرست-نام-و-حوزه-به‌ترتیب",
    ),
    pytest.param(
        "علی توکلی و رضا مرادی نمایندگان مجلس در این نشست حضور داشتند.",
        {("علی توکلی", "نماینده مجلس", None), ("رضا مرادی", "نماینده مجلس", None)},
        id="دو-نام-یک-عنوان-جمع",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_lists(text: str, expected: set[Triple]) -> None:
    assert _triples(text) == expected


TITLES = [
    pytest.param(
        "رضا کریمی معاون اقتصادی استانداری قزوین گفت: کار ادامه دارد.",
        ("معاون اقتصادی استانداری", "قزوین"),
        id="سازمان-با-محل",
    ),
    pytest.param(
        "علی مرادی شهردار منطقه ۱۳ تهران گفت: کار ادامه دارد.",
        ("شهردار منطقه 13", "تهران"),
        id="شهردار-منطقه",
    ),
    pytest.param(
        "علی توکلی رئیس مجلس شورای اسلامی بلافاصله گفت: کار ادامه دارد.",
        ("رئیس مجلس", None),
        id="قید-پایان-عنوان",
    ),
    pytest.param(
        "سیدعباس توکلی معاون سیاسی وزیر امور خارجه کشورمان گفت: کار ادامه دارد.",
        ("معاون سیاسی وزیر امور خارجه", None),
        id="کشورمان-ملی",
    ),
    pytest.param(
        "نجات مرادی مسئول نمایندگی ولی‌فقیه در سپاه حضرت عباس اردبیل گفت: کار ادامه دارد.",
        ("مسئول نمایندگی ولی\u200cفقیه در سپاه حضرت عباس", "اردبیل"),
        id="نمایندگی-در-سپاه",
    ),
    pytest.param(
        "علی کریمی رئیس مرکز روابط عمومی و اطلاع‌رسانی وزارت بهداشت گفت: کار ادامه دارد.",
        ("رئیس مرکز روابط عمومی و اطلاع\u200cرسانی وزارت بهداشت", None),
        id="همپایگی-صفت‌نسبی",
    ),
    pytest.param(
        "مهدی رضایی نماینده خرمشهر گفت: کار ادامه دارد.",
        ("نماینده", "خرمشهر"),
        id="نماینده-حوزه",
    ),
    pytest.param(
        "مهدی رضایی سفیر آن کشور در تهران گفت: کار ادامه دارد.",
        ("سفیر", None),
        id="سفیر-آن-کشور",
    ),
    pytest.param(
        "ایمان منصوری دبیر جشنواره شهید رجایی گفت: خوب است.",
        ("دبیر جشنواره شهید رجایی", None),
        id="نام‌بردار-در-عنوان",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_titles(text: str, expected: tuple[str, str | None]) -> None:
    (official,) = extract(text).officials
    assert (official.title, official.jurisdiction) == expected


NOT_PERSONS = [
    pytest.param("رئیس دانشگاه آزاد اسلامی واحد جیرفت گفت: کار ادامه دارد.", id="دانشگاه-آزاد"),
    pytest.param("رئیس سازمان نظام پزشکی گفت: کار ادامه دارد.", id="نظام-پزشکی"),
    pytest.param("در نشست خبری جشنواره شهید رجایی برنامه‌ها اعلام شد.", id="جشنواره-شهید"),
    pytest.param("وی به وعده‌های شهردار رشت در روز استیضاح اشاره کرد.", id="اسم-جمع-مضاف"),
    pytest.param("از سوی نهادهای مسئول قابل پیگیری است و رئیس سازمان گفت: خوب است.", id="نهادهای"),
    pytest.param("شفافیت رئیس سازمان برنامه مهم است.", id="اسم-معنی"),
]


@pytest.mark.parametrize("text", NOT_PERSONS)
def test_not_persons(text: str) -> None:
    assert _names(text) == set()


def test_ambiguous_given_name_with_a_surname() -> None:
    """«آزاد» opens a name when a real surname follows it."""
    assert _triples("آزاد حسینی استاندار کرمان گفت: خوب.") == {("آزاد حسینی", "استاندار", "کرمان")}


ENDS = [
    pytest.param("علی کریمی رئیس کمیته ملی المپیک نوشت: خوب است.", "رئیس کمیته ملی المپیک", id="فعل-ماضی-ساده"),
    pytest.param("علی کریمی وزیر کار دولت دوازدهم گفت: خوب است.", "وزیر کار", id="دولت"),
    pytest.param(
        "فرج‌الله مرادی معاون سیاسی استانداری روزگار سختی را گذراند.", "معاون سیاسی استانداری", id="نهاد-مکان-فقط-با-مکان"
    ),
]


@pytest.mark.parametrize(("text", "title"), ENDS)
def test_office_ends(text: str, title: str) -> None:
    (official,) = extract(text).officials
    assert official.title == title


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("برای جمع‌بندی، معاون اول رئیس‌جمهور گفت: خوب است.", id="واژه-مرکب-جمع‌بندی"),
        pytest.param("او ابراز خوش‌بینی کرد و وزیر نفت گفت: خوب است.", id="واژه-مرکب-خوش‌بینی"),
    ],
)
def test_compound_nouns_are_not_surnames(text: str) -> None:
    assert _names(text) == set()
