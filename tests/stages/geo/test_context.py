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
]


@pytest.mark.parametrize(("text", "name"), STILL_THE_PLACE)
def test_still_the_place(text: str, name: str) -> None:
    provinces, places = _geo(text)
    assert name in provinces | places
