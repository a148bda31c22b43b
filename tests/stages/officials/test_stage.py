"""Officials: offices, names, honorifics, jurisdiction and every mention."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.records import Official

from ...conftest import SAMPLES, assert_spans


def _officials(text: str) -> list[Official]:
    record = extract(text)
    assert_spans(record, text)
    return list(record.officials)


def _triples(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(o.name, o.title, o.jurisdiction) for o in _officials(text)}


PATTERNS = [
    pytest.param(
        "محمدعلی طالبی استاندار کرمان گفت: ۱۳۲ پروژه افتتاح شد.",
        {("محمدعلی طالبی", "استاندار", "کرمان")},
        id="نام-عنوان-محل",
    ),
    pytest.param(
        "استاندار لرستان، فرهاد زیویار، گفت: کار جهادی ادامه دارد.",
        {("فرهاد زیویار", "استاندار", "لرستان")},
        id="عنوان-محل،نام،گفت",
    ),
    pytest.param(
        "سردار محمدعلی نظری فرمانده سپاه ثارالله کرمان نیز گفت: کار جهادی است.",
        {("محمدعلی نظری", "فرمانده سپاه ثارالله", "کرمان")},
        id="عنوان‌افتخاری-نام-عنوان",
    ),
    pytest.param(
        "موسی برزگری، معاون بنیاد مستضعفان در این مراسم گفت: مدرسه افتتاح شد.",
        {("موسی برزگری", "معاون بنیاد مستضعفان", None)},
        id="نام،عنوان-ملی",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_patterns(text: str, expected: set[tuple[str, str | None, str | None]]) -> None:
    assert _triples(text) == expected


CHAINS = [
    pytest.param(
        "سومین نشست ستاد به ریاست فرماندار قدس برگزار شد.\n"
        "وحید گلی کانی در این نشست بیان کرد: برنامه لازم است.\n"
        "فرماندار شهرستان قدس با بیان اینکه باید امیدواری ایجاد کنیم، گفت: کار ادامه دارد.",
        {("وحید گلی کانی", "فرماندار", "قدس")},
        id="به‌ریاست-نام-عنوان",
    ),
    pytest.param(
        "سعید رحیمی امروز در گفت‌وگو با خبرنگار ما در شوش اظهار کرد: پروژه تمام شد.\n"
        "نماینده مردم شوش در مجلس شورای اسلامی با بیان اینکه کار ادامه دارد، افزود: خوب است.\n"
        "رحیمی ادامه داد: اعتبار تامین شد.",
        {("سعید رحیمی", "نماینده مردم", "شوش")},
        id="گفت‌وگو-سپس-عنوان",
    ),
    pytest.param(
        "مدیرکل بنیاد مسکن انقلاب اسلامی استان بوشهر گفت: ۱۸۵ واحد ساخته شد.\n"
        "به گزارش ما، مجید کرمی در این آیین افزود: کار ادامه دارد.\n"
        "مدیرعامل سابق انجمن خیرین مسکن ساز استان بوشهر گفت: توان انجمن بالاست.\n"
        "حسین بهرامی افزود: امیدواریم.",
        {
            ("مجید کرمی", "مدیرکل بنیاد مسکن انقلاب اسلامی", "بوشهر"),
            ("حسین بهرامی", "مدیرعامل سابق انجمن خیرین مسکن ساز", "بوشهر"),
        },
        id="دو-عنوان-پیش-از-نام",
    ),
    pytest.param(
        "امام جمعه کرمان هم در این آیین اظهار داشت: زیرساخت مهم است.\n"
        "حجت‌الاسلام و المسلمین حسن عطایی بیان داشت: کار جهادی لازم است.",
        {("حسن عطایی", "امام جمعه", "کرمان")},
        id="عنوان-هم-نام-تازه",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHAINS)
def test_speaker_chain(text: str, expected: set[tuple[str, str | None, str | None]]) -> None:
    assert _triples(text) == expected


NATIONAL = [
    pytest.param("مسعود کریمی‌فر وزیر ورزش و جوانان در سلماس گفت: ورزشگاه افتتاح شد.", "وزیر ورزش و جوانان", id="وزیر"),
    pytest.param("علی رضایی وزیر تعاون، کار و رفاه اجتماعی گفت: بیمه گسترش یافت.", "وزیر تعاون، کار و رفاه اجتماعی", id="وزیر-با-ویرگول"),
    pytest.param("بهمن نادری رییس اتاق تعاون ایران گفت: بانک تشکیل می‌شود.", "رئیس اتاق تعاون", id="ایران-ملی"),
]


@pytest.mark.parametrize(("text", "title"), NATIONAL)
def test_national_offices_have_no_jurisdiction(text: str, title: str) -> None:
    (official,) = _officials(text)
    assert (official.title, official.jurisdiction) == (title, None)


def test_honorific_kept_apart_and_rank_alone() -> None:
    text = (
        "سرهنگ حمید کرمانی‌نژاد، جانشین فرمانده سپاه امام صادق (ع) استان بوشهر گفت: برنامه‌ها اعلام شد.\n"
        "سردار آذرنیا در این مراسم سخنرانی کرد."
    )
    got = {o.name: (o.title, o.jurisdiction, o.honorific) for o in _officials(text)}
    assert got == {
        "حمید کرمانی‌نژاد": ("جانشین فرمانده سپاه امام صادق (ع)", "بوشهر", "سرهنگ"),
        "آذرنیا": ("سردار", None, "سردار"),
    }


def test_surname_mentions_join_and_glued_text_warns() -> None:
    text = (
        "به ریاست فرهاد زیویار استاندار لرستان جلسه برگزار شد. خبرنگار مهرزیویاراستاندار لرستان گفت: خوب است. "
        "زیویار اظهار داشت: کار ادامه دارد. زیویاروی خاطرنشان کرد: قرارگاه ظرفیت است. دکترزیویار افزود: تمام."
    )
    record = extract(text)
    assert_spans(record, text)
    (official,) = record.officials
    assert official.name == "فرهاد زیویار"
    assert sum(m.text == "زیویار" for m in official.mentions) >= 3
    assert any(w.startswith("W301") for w in record.warnings)


def test_same_surname_different_offices_stay_apart() -> None:
    text = (
        "حسن علیدادی سلیمانی امام جمعه کرمان گفت: پروژه‌ها مهم است.\n"
        "او افزود: به علت حضور زائران سردار سلیمانی سفرها بیشتر شده است."
    )
    names = {o.name for o in _officials(text)}
    assert "حسن علیدادی سلیمانی" in names
    assert all(n in ("حسن علیدادی سلیمانی", "سلیمانی") for n in names)


NOT_OFFICIALS = [
    pytest.param("وحید شمسایی سرمربی تیم فوتسال گفت: بازی سختی بود.", id="مربی"),
    pytest.param("استاندار کرمان گفت: ۱۳۲ پروژه افتتاح شد.", id="عنوان-بی‌نام"),
    pytest.param("با امضای وزیر کار این بخشنامه ابلاغ شد.", id="اضافه-نه-نام"),
    pytest.param("تا 22 بهمن عملیاتی خواهند شد و استاندار حضور دارد.", id="ماه-نه-نام"),
]


@pytest.mark.parametrize("text", NOT_OFFICIALS)
def test_not_officials(text: str) -> None:
    assert _officials(text) == []


def test_unnamed_office_warns() -> None:
    record = extract("استاندار کرمان گفت: ۱۳۲ پروژه افتتاح شد.")
    assert any(w.startswith("W302") for w in record.warnings)


_VERBS = ("گفت", "افزود", "اظهار", "بیان", "تصریح", "ادامه", "خاطرنشان")


def _bad_name_parts(name: str, titles: set[str], places: set[str]) -> list[str]:
    from mahrumiat_extract.text.keys import match_key

    bad = []
    for part in name.split():
        k = match_key(part)
        if k in titles or k in places or part in _VERBS or part.endswith(("وی", "اش")) and k in places:
            bad.append(part)
    return bad


def test_dev_and_sample_names_are_clean(dev_articles: list[dict[str, object]]) -> None:
    """No official's name holds a title word, a place, a verb or a glued pronoun."""
    from mahrumiat_extract.stages.officials.lexicon import Lexicon
    from mahrumiat_extract.text.keys import match_key

    lex = Lexicon.load()
    titles = {k for k, e in lex.titles.items() if e.cls != "rank"}
    texts = [str(a["text"]) for a in dev_articles]
    texts += [p.read_text(encoding="utf-8") for p in (SAMPLES / "articles").glob("*.txt")] if SAMPLES.exists() else []
    for text in texts:
        record = extract(text)
        assert_spans(record, text)
        places = {match_key(p.name) for p in record.places} | {match_key(p.name) for p in record.provinces}
        for o in record.officials:
            assert not _bad_name_parts(o.name, titles, places), o.name
            assert not match_key(o.name).endswith(("وی", "او")) or match_key(o.name)[:-2] not in {
                match_key(x.name) for x in record.officials
            }, o.name


@pytest.mark.parametrize("text", ["سردار", "سردار ", "دکتر", "حجت‌الاسلام و المسلمین", "آقای", "استاندار"])
def test_an_honorific_or_title_at_the_end_of_the_text(text: str) -> None:
    from mahrumiat_extract import extract

    record = extract(text)
    assert not any(w.startswith("W501") for w in record.warnings), record.warnings
    assert record.officials == ()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("سلمان خدادادی رئیس کمیسیون اجتماعی مجلس معتقد است که این طرح باید اجرا شود.",
                     "رئیس کمیسیون اجتماعی مجلس", id="adjective-before-copula"),
        pytest.param("سردار حسینی رئیس پلیس راهور پایتخت قدردانی کرد.", "رئیس پلیس راهور پایتخت",
                     id="noun-before-light-verb"),
        pytest.param("علی رضایی رئیس سازمان بهزیستی است و گفت: خدمات ادامه دارد.", "رئیس سازمان بهزیستی",
                     id="copula-after-organization-kept"),
    ],
)
def test_a_complex_predicate_is_not_part_of_the_office(text: str, title: str) -> None:
    from mahrumiat_extract import extract

    assert [o.title for o in extract(text).officials] == [title]


@pytest.mark.parametrize(
    ("ending", "last_mention"),
    [
        ("\nبا سپاس، زیویار", "زیویار"),
        (" زیویار", "زیویار"),
        ("\nبا آرزوی توفیق الهیزیویار", None),  # a glue the stage does not accept
    ],
)
def test_surname_mention_at_the_very_end_of_the_text(ending: str, last_mention: str | None) -> None:
    """A known surname in the last characters of the text, with a longer surname form of
    another person in the article: the mention ends at the text's end, not past it (the
    longer form's slice, cut short by the end, once equalled the shorter form, and the
    stage failed on the out-of-range span)."""
    text = (
        "فرهاد زیویار استاندار لرستان و عبدالمحمد شهسوارخانی‌پور فرماندار خرم‌آباد گفتند: "
        "کار ادامه دارد." + ending
    )
    record = extract(text)
    assert_spans(record, text)
    assert not [w for w in record.warnings if w.startswith("W501")]
    (official,) = [o for o in record.officials if o.name == "فرهاد زیویار"]
    ends = {m.end: m.text for m in official.mentions}
    assert ends.get(len(text)) == last_mention
