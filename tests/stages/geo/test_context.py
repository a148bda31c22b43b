"""Names that are not the place (issue 14): agency credits, brands and teams, lakes and rivers,
the state; and the cues that keep a place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract


def _geo(text: str) -> tuple[set[str], set[str]]:
    record = extract(text)
    return {p.name for p in record.provinces}, {p.name for p in record.places}


NOT_THE_PLACE = [
    pytest.param("به گزارش فارس، قیمت نفت امروز بالا رفت.", "فارس", id="به-گزارش-فارس"),
    pytest.param("به گزارش گروه اقتصاد بین‌الملل فارس به نقل از رویترز، بازار آرام بود.", "فارس", id="گروه-اقتصاد-فارس"),
    pytest.param("وزیر در پایان سخنانش گفت که کار ادامه دارد. منبع خبر: فارس", "فارس", id="منبع-خبر"),
    pytest.param("نماینده مجلس در گفت‌وگو با فارس از بودجه سخن گفت.", "فارس", id="گفت‌وگو-با"),
    pytest.param("این خبر را به نقل از ایرنا و فارس آوردیم.", "فارس", id="به-نقل-از-فهرست"),
    pytest.param("به گزارش یزد رسا، جلسه شورا برگزار شد.", "یزد", id="نام-سایت"),
    pytest.param("داور دیدار سپاهان اصفهان و استقلال تهران معرفی شد.", "اصفهان", id="سپاهان-اصفهان"),
    pytest.param("داور دیدار سپاهان اصفهان و استقلال تهران معرفی شد.", "تهران", id="استقلال-تهران"),
    pytest.param("مدیرعامل فولاد مبارکه از صادرات گفت.", "مبارکه", id="فولاد-مبارکه"),
    pytest.param("کارخانه سیمان یاسوج دوباره راه افتاد.", "یاسوج", id="سیمان-یاسوج"),
    pytest.param(
        "در هفته دوم لیگ برتر فوتبال، باشگاه‌ها آماده‌اند: حفاری اهواز – دبیری تبریز، و سرمربی تیم گفت.",
        "اهواز",
        id="تیم-در-خبر-ورزشی",
    ),
    pytest.param("طرح احیای دریاچه ارومیه ادامه دارد.", "ارومیه", id="دریاچه"),
    pytest.param("روابط تهران و واشنگتن تیره شد.", "تهران", id="دولت-روابط"),
    pytest.param("گفت‌وگوی مسکو و تهران ادامه یافت.", "تهران", id="دولت-پایتخت-خارجی"),
    pytest.param("او در یادواره سرداران شهید سخن گفت.", "سرداران", id="یادواره-سرداران"),
    pytest.param("تفسیر سوره مبارکه بقره آغاز شد.", "مبارکه", id="سوره-مبارکه"),
    pytest.param("مردم از مهمانان به گرمی استقبال کردند.", "گرمی", id="گرمی-صفت"),
    pytest.param("این طرح در استان‌های گیلان، مازندران و گرگان اجرا شد.", "گرگان", id="نام-کهن-استان"),
    pytest.param("نماینده پیشین مردم بروجرد سخن گفت.", "پیشین", id="نماینده-پیشین"),
    pytest.param("حزب کارگران کردستان بیانیه داد.", "کردستان", id="حزب-خارجی"),
    pytest.param("دولت اقلیم کردستان عراق نشست گذاشت.", "کردستان", id="کردستان-عراق"),
    pytest.param("کشتی‌ها از جزایر مرکزی تنگه دور ماندند.", "مرکزی", id="جزایر-مرکزی"),
    pytest.param("این کار در خور توجه است.", "خور", id="در-خور"),
    pytest.param("مهر در خانه جاری و ساری است.", "ساری", id="جاری-و-ساری"),
    pytest.param("مراسم در حسینیه برگزار شد.", "حسینیه", id="حسینیه-واژه"),
    pytest.param("نشست در سالن حمیدیا استانداری یزد برگزار شد.", "حمیدیا", id="نام-سالن"),
    pytest.param("قیمت نفت بالا رفت. / فارس", "فارس", id="خط-اعتبار"),
    pytest.param("قیمت نفت بالا رفت. فارس", "فارس", id="نام-تنها-در-پایان"),
    pytest.param("فارس گزارش می‌دهد که قیمت نفت بالا رفت.", "فارس", id="گزارش-می‌دهد"),
    pytest.param("همچنین دکتر البرز احمدی سخن گفت.", "البرز", id="پس-از-عنوان"),
    pytest.param("ناو خارک بازنشسته شد.", "خارک", id="نام-ناو"),
    pytest.param("دلار در بازار آزاد شهر تهران گران شد.", "آزادشهر", id="بازار-آزاد"),
    pytest.param("اورژانس بیمارستان گلستان اهواز تجهیز شد.", "گلستان", id="نام-بیمارستان"),
]


@pytest.mark.parametrize(("text", "name"), NOT_THE_PLACE)
def test_not_the_place(text: str, name: str) -> None:
    provinces, places = _geo(text)
    assert name not in provinces and name not in places


STILL_THE_PLACE = [
    pytest.param("به گزارش خبرنگار مهر از شیراز، جشنواره آغاز شد.", "شیراز", id="گزارش-از-شهر"),
    pytest.param("به گزارش روابط عمومی استانداری یزد، جلسه برگزار شد.", "یزد", id="گزارش-استانداری"),
    pytest.param("به گزارش ایرنا، استاندار فارس از پروژه‌ها بازدید کرد.", "فارس", id="پس-از-ویرگول"),
    pytest.param("پالایشگاه نفت آبادان تعمیر شد.", "آبادان", id="پالایشگاه-نفت"),
    pytest.param("پروژه راه آهن مراغه ـ ارومیه پیش می‌رود.", "مراغه", id="راه-آهن"),
    pytest.param(
        "در هفته دوم لیگ برتر فوتبال، سرمربی تیم گفت بازی در ورزشگاه امام رضا مشهد است و باشگاه آماده است.",
        "مشهد",
        id="ورزشگاه-در-خبر-ورزشی",
    ),
    pytest.param(
        "دادسرای فرهنگ و رسانه تهران درباره دروازه‌بان سابق تیم فوتبال و بازیکن لیگ برتر رای داد.",
        "تهران",
        id="دادسرا-در-خبر-ورزشی",
    ),
    pytest.param("در سفر به اصفهان و چهارمحال بختیاری واحدها افتتاح شد.", "چهارمحال و بختیاری", id="چهارمحال-بی-واو"),
    pytest.param("نماینده مردم گرمی در مجلس گفت.", "گرمی", id="گرمی-با-نشانه"),
    pytest.param("در استان‌های آذربایجان‌، گیلان‌، مازندران‌ و گلستان باران بارید.", "گیلان", id="نیم‌فاصله-پیش-از-ویرگول"),
    pytest.param("شهرستان‌های بجنورد، شیروان و مانه و سملقان بیمه شدند.", "مانه و سملقان", id="نام-با-واو"),
    pytest.param("نماینده بهار و کبودرآهنگ در مجلس گفت.", "کبودرآهنگ", id="نماینده-فهرست"),
]


@pytest.mark.parametrize(("text", "name"), STILL_THE_PLACE)
def test_still_the_place(text: str, name: str) -> None:
    provinces, places = _geo(text)
    assert name in provinces | places


KIND_FROM_CONTEXT = [
    pytest.param("توسعه فرودگاه شیراز آغاز شد.", "شیراز", "city", id="فرودگاه"),
    pytest.param("استخدام در نیروگاه اتمی بوشهر آغاز شد.", "بوشهر", "city", id="نیروگاه-اتمی"),
    pytest.param("جاده مشترک بین گلستان و سمنان بازسازی شد.", "سمنان", "province", id="فهرست-با-استان"),
    pytest.param("در سفر به اصفهان و چهارمحال و بختیاری واحدها افتتاح شد.", "اصفهان", "province", id="فهرست-با-استان-پس"),
    pytest.param("شهرستان فیروزکوه برف‌گیر است.", "فیروزکوه", "county", id="شهرستان"),
    pytest.param("کمک به شهرستان زلزله‌زده بم ادامه دارد.", "بم", "county", id="صفت-میان-نشانه-و-نام"),
    pytest.param("اورژانس بیمارستان گلستان اهواز تجهیز شد.", "اهواز", "city", id="شهر-پس-از-نام-بیمارستان"),
]


@pytest.mark.parametrize(("text", "name", "kind"), KIND_FROM_CONTEXT)
def test_kind_from_context(text: str, name: str, kind: str) -> None:
    record = extract(text)
    places = {p.name: p.kind for p in record.places}
    if kind == "province":
        assert name in {p.name for p in record.provinces} and name not in places
    else:
        assert places.get(name) == kind
