"""The figure grammar (issue 15): status from the clause's predicate (phrases, tense and
aspect, purpose, governing nouns, «تاکنون»), a breakdown inheriting its total, the negative
lexicon (what is no job figure, what is no project), periods bounded to what they say,
numbers read whole, and units as the text shows them. Sentences written for the project."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.records import ArticleRecord, Figure

from ...conftest import assert_spans


def _record(text: str) -> ArticleRecord:
    record = extract(text)
    assert_spans(record, text)
    return record


def _only(figs: tuple[Figure, ...]) -> Figure:
    assert len(figs) == 1, figs
    return figs[0]


STATUS = [
    # a status phrase after the counted noun (status.tsv, where=after)
    pytest.param("۲۰ پروژه آبرسانی در روستاها افتتاح شد.", "completed", id="افتتاح-شد"),
    pytest.param("۲۰ پروژه آبرسانی به بهره‌برداری رسید.", "completed", id="به-بهره‌برداری-رسید"),
    pytest.param("۲۰ پروژه عمرانی در دست اجرا است.", "ongoing", id="در-دست-اجرا"),
    pytest.param("۲۰ پروژه عمرانی در حال ساخت است.", "ongoing", id="در-حال-ساخت"),
    pytest.param("۲۰ پروژه نیمه‌تمام در شهر مانده است.", "ongoing", id="نیمه‌تمام"),
    pytest.param("۲۰ پروژه در هفته دولت آغاز می‌شود.", "planned", id="آغاز-می‌شود"),
    pytest.param("۲۰ پروژه عمرانی قرار است در شهر اجرا شود.", "planned", id="قرار-است"),
    pytest.param("۲۰ پروژه برای سال آینده پیش‌بینی شده است.", "planned", id="پیش‌بینی-شده"),
    pytest.param("۲۰ پروژه عمرانی از برنامه‌های هفته بسیج است.", "planned", id="از-برنامه‌های"),
    # tense and aspect of the first finite verb (verbs.tsv)
    pytest.param("۲۰ واحد مسکونی برای زوج‌های جوان تحویل داده شد.", "completed", id="گذشته-داده-شد"),
    pytest.param("انجمن با ساخت ۲۰ واحد مسکونی رتبه نخست را کسب کرده است.", "completed", id="گذشته-کرده-است"),
    pytest.param("اشتغال خالص این طرح ۲۰ هزار شغل بوده است.", "completed", id="گذشته-بوده"),
    pytest.param("۲۰ پروژه راهسازی در استان کلید خواهد خورد.", "planned", id="آینده-خواهد"),
    pytest.param("امسال ۲۰ واحد مسکونی برای محرومان ساخته می‌شود.", "planned", id="مضارع-ساده"),
    pytest.param("با افتتاح کارخانه ۲۰ نفر مشغول به کار می‌شوند.", "planned", id="مضارع-مشغول"),
    pytest.param("سالانه ۲۰ هزار واحد مسکونی روستایی بهسازی می‌شود.", "ongoing", id="مضارع-عادتی"),
    pytest.param("۲۰ طرح در کمیسیون بررسی شد.", None, id="بررسی-بی‌وضعیت"),
    pytest.param("۲۰ طرح عمرانی در شورای شهر تصویب شد.", "planned", id="تصویب"),
    pytest.param("۲۰ پروژه در شهر هست.", None, id="رابط-بی‌وضعیت"),
    pytest.param("ساخت ۲۰ پروژه را ضروری دانست و اظهار کرد که بودجه کم است.", None, id="فعل-گفتن"),
    # purpose: «برای + a verbal noun» before the number wins over the clause's verb
    pytest.param("توافقی برای ساخت ۲۰ هزار واحد مسکونی انجام شده است.", "planned", id="برای-ساخت"),
    pytest.param("دو شرکت برنامه خود برای اجرای ۲۰ طرح صنعتی را ارائه کردند.", "planned", id="برای-اجرای"),
    # a governing noun before the number, «تاکنون» in the clause
    pytest.param("وزیر در آیین کلنگ‌زنی ۲۰ واحد مسکونی حضور یافت.", "planned", id="کلنگ‌زنی"),
    pytest.param("تاکنون ۲۰ واحد به بهره‌برداری و بقیه در حال پیشرفت فیزیکی دارد.", "completed", id="تاکنون"),
]


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_status(text: str, expected: str | None) -> None:
    record = _record(text)
    assert _only(record.project_counts + record.job_figures).status == expected


def test_breakdown_inherits_status_and_period() -> None:
    text = (
        "در هفته دولت ۶۰۰ پروژه افتتاح شد که شامل ۳۰۰ پروژه در عرصه بهداشت، "
        "۲۰۰ پروژه در حوزه آموزش و ۱۰۰ پروژه آبرسانی است."
    )
    figs = _record(text).project_counts
    assert [(f.count, f.status, f.period) for f in figs] == [
        (600, "completed", "هفته دولت"),
        (300, "completed", "هفته دولت"),
        (200, "completed", "هفته دولت"),
        (100, "completed", "هفته دولت"),
    ]


def test_breakdown_in_the_next_sentence() -> None:
    text = "سال گذشته ۵۰۰ پروژه افتتاح شد. از این تعداد ۲۰۰ پروژه در حوزه آموزش است."
    figs = _record(text).project_counts
    assert [(f.count, f.status, f.period) for f in figs] == [
        (500, "completed", "سال گذشته"),
        (200, "completed", "سال گذشته"),
    ]


NOT_JOBS = [
    pytest.param("در این بحران بیش از ۲۰ میلیون شغل از دست رفته است.", id="شغل-از-دست-رفته"),
    pytest.param("با تعطیلی کارخانه ۵۰۰ شغل حذف شد.", id="شغل-حذف-شد"),
    pytest.param("به ازای هر ۱۰۰ جویای کار، ۹۰ فرصت شغلی وجود دارد.", id="نرخ-به-ازای"),
    pytest.param("تعداد بیکاران استان ۴۰ هزار نفر است.", id="بیکاران"),
    pytest.param("جمعیت شاغل کشور به ۲۳ میلیون نفر رسید.", id="جمعیت-شاغل"),
    pytest.param("در این طرح ۵۰۰ نفر روز کار انجام شد.", id="نفر-روز"),
]


@pytest.mark.parametrize("text", NOT_JOBS)
def test_not_job_figures(text: str) -> None:
    assert not _record(text).job_figures


NOT_PROJECTS = [
    pytest.param("هم‌اکنون ۳۰۰ هزار واحد مسکونی خالی در شهر وجود دارد.", id="موجودی-خالی"),
    pytest.param("ما ۶۰۰ هزار خانه خالی داریم (۴۰۰ هزار واحد مسکونی در شهرها).", id="موجودی-پرانتز"),
    pytest.param("تقاضای ۲۰۰ هزار واحد مسکونی در استان ثبت شده است.", id="تقاضا"),
    pytest.param("کمبود ۵۰ هزار واحد مسکونی در استان احساس می‌شود.", id="کمبود"),
    pytest.param("در سیل ۱۲۰ واحد مسکونی خسارت دید.", id="خسارت"),
    pytest.param("در شهرک ۴۰ واحد تولیدی ساخته شده است.", id="واحد-تولیدی"),
    pytest.param("مجلس در این دوره ۳۶۵ لایحه و طرح را تصویب کرد.", id="لایحه-و-طرح"),
    pytest.param("او از 1932 تا 1939 پروژه موشکی را هدایت کرد.", id="بازه-سال"),
    pytest.param("تهیه‌کننده: احمد رضایی۶پروژه ترکیبی با اجرای علی", id="شماره-چسبیده"),
]


@pytest.mark.parametrize("text", NOT_PROJECTS)
def test_not_project_counts(text: str) -> None:
    assert not _record(text).project_counts


JOBS_FOR_A_GROUP = [
    pytest.param("با اجرای این طرح برای ۲۵ هزار بیکار در استان اشتغال ایجاد می‌شود.", 25_000, id="بیکار"),
    pytest.param("برای ۲۰ سرپرست خانوار نیازمند شغل ایجاد خواهد شد.", 20, id="سرپرست-خانوار"),
    pytest.param("طی این مدت ۴۸ هزار فرصت شغلی ایجاد شده و نرخ بیکاری کم شد.", 48_000, id="بعد-از-هزار"),
]


@pytest.mark.parametrize(("text", "count"), JOBS_FOR_A_GROUP)
def test_job_figures_found(text: str, count: int) -> None:
    assert _only(_record(text).job_figures).count == count


PERIODS = [
    pytest.param("در ۳۰ سال گذشته ۲۰۰ پروژه افتتاح شد.", "۳۰ سال گذشته", id="سی-سال-گذشته"),
    pytest.param("در سال گذشته ۲۰۰ پروژه افتتاح شد.", "سال گذشته", id="سال-گذشته"),
    pytest.param("در دولت یازدهم ۸۰۰ هزار شغل ایجاد شد.", "دولت یازدهم", id="دولت-یازدهم"),
]


@pytest.mark.parametrize(("text", "period"), PERIODS)
def test_period_bounded(text: str, period: str) -> None:
    record = _record(text)
    assert _only(record.project_counts + record.job_figures).period == period


WHOLE_NUMBERS = [
    pytest.param("این شرکت یک‌میلیون و ۶۰۰ هزار واحد مسکونی ساخته است.", 1_600_000, "یک‌میلیون و ۶۰۰ هزار واحد مسکونی", id="یک‌میلیون"),
    pytest.param("وزیر گفت دولت 2. 4 میلیون شغل ایجاد کرده است.", 2_400_000, "2. 4 میلیون شغل", id="اعشار-شکسته"),
]


@pytest.mark.parametrize(("text", "count", "span"), WHOLE_NUMBERS)
def test_span_never_starts_inside_a_number(text: str, count: int, span: str) -> None:
    record = _record(text)
    fig = _only(record.project_counts + record.job_figures)
    assert (fig.count, fig.mentions[0].text) == (count, span)


UNITS = [
    pytest.param("اعتبار این طرح ۸۳۰ میلیارد تومان است.", (830_000_000_000, "تومان"), id="تومان"),
    pytest.param("اعتبار این طرح ۴۰۰ میلیارد ریال است.", (400_000_000_000, "ریال"), id="ریال"),
    pytest.param("یک طرح ۲۰ میلیارد تومانی افتتاح شد.", (20_000_000_000, "تومان"), id="تومانی"),
]


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_money_unit_is_the_word_shown(text: str, expected: tuple[int, str]) -> None:
    assert [(f.count, f.unit) for f in _record(text).quantities] == [expected]


MORE_NEGATIVES = [
    pytest.param("پیش‌بینی می‌شود اشتغال کشور در ماه آینده ۹۰ هزار شغل افزایش یابد.", "job", id="تغییر-خالص-اشتغال"),
    pytest.param("این شرکت ۵ هزار نفر پرسنل شاغل دارد که اشتغال آنها حفظ شد.", "job", id="پرسنل"),
    pytest.param("شرکت‌ها از کاهش ۲۰ هزار شغل در سال آینده خبر دادند.", "job", id="کاهش-شغل"),
    pytest.param("او مدعی بود صدها هزار شغل ایجاد کرده است.", "job", id="صدها-هزار"),
    pytest.param("قرار است ۱۸ واحد جدید پتروشیمی در عسلویه افتتاح شود.", "project", id="واحد-پتروشیمی"),
    pytest.param("نمایندگان مجلس درباره دو طرح پیشنهادی رای‌گیری می‌کنند.", "project", id="طرح-مجلس"),
]


@pytest.mark.parametrize(("text", "kind"), MORE_NEGATIVES)
def test_more_negatives(text: str, kind: str) -> None:
    record = _record(text)
    assert not (record.job_figures if kind == "job" else record.project_counts)


def test_a_loss_in_the_next_clause_is_not_the_figures() -> None:
    text = "اقتصاد این کشور ۵۰ هزار فرصت شغلی ایجاد کرد و نرخ بیکاری کاهش یافت."
    assert _only(_record(text).job_figures).count == 50_000


def test_first_person_perfect_is_completed() -> None:
    text = "در مناطق سیل‌زده ۴۰ هزار واحد مسکونی را بازسازی کرده‌ایم."
    assert _only(_record(text).project_counts).status == "completed"


MORE_STATUS = [
    pytest.param("در دولت قبل سالانه ۱۲ هزار شغل ایجاد می‌شد.", "completed", id="ماضی-استمراری"),
    pytest.param("بیش از ۶۰ هزار پروژه نیمه‌کاره در کشور داریم.", "ongoing", id="نیمه‌کاره"),
    pytest.param("۱۶ طرح بالای ۷۰ درصد پیشرفت دارد.", "ongoing", id="درصد-پیشرفت"),
    pytest.param("امام جمعه در مراسم افتتاح ۷۲ واحد مسکونی گفت که کار ادامه دارد.", "completed", id="مراسم-افتتاح"),
    pytest.param("آیین بهره‌برداری از ۴۰ پروژه عمرانی از دیگر برنامه‌های هفته است.", "planned", id="بهره‌برداری-برنامه"),
    pytest.param("تاکنون ۸۰ واحد به بهره‌برداری و مابقی در حال ساخت است.", "completed", id="مابقی"),
    pytest.param("ما شاهد ایجاد ۹۰ هزار شغل جدید در سال گذشته بودیم.", "completed", id="بودیم"),
]


@pytest.mark.parametrize(("text", "expected"), MORE_STATUS)
def test_more_status(text: str, expected: str | None) -> None:
    record = _record(text)
    assert _only(record.project_counts + record.job_figures).status == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("سربازان به سه واحد مسکونی در اردوگاه حمله کردند.", id="حمله"),
        pytest.param("سیستم گرمایشی دو میلیون واحد مسکونی در حال فعالیت است.", id="در-حال-فعالیت"),
    ],
)
def test_existing_or_attacked_units_are_no_projects(text: str) -> None:
    assert not _record(text).project_counts


def test_trainees_are_no_job_figure() -> None:
    text = "در این طرح ۶۰۰ نفر از جوانان برای اشتغال آموزش دیده‌اند."
    assert not _record(text).job_figures


BEGUN_AND_PLANNED = [
    pytest.param("۱۲ پروژه آموزشی در شهر کلنگ‌زنی شد.", "ongoing", id="کلنگ‌زنی-شد"),
    pytest.param("عملیات ساخت ۱۲ پروژه آموزشی در شهر آغاز شد.", "ongoing", id="آغاز-شد"),
    pytest.param("فرماندار از آغاز ۱۲ پروژه آبرسانی خبر داد.", "ongoing", id="آغاز-اسمی"),
    pytest.param("معاون شهردار از اجرای ۱۲ پروژه بهسازی خبر داد.", "ongoing", id="اجرای-اسمی"),
    pytest.param("۱۲ طرح دیگر نیز در دست اجراست.", "ongoing", id="در-دست-اجراست"),
    pytest.param("امسال ۱۲ طرح دیگر در نوبت دریافت تسهیلات قرار دارند.", "planned", id="در-نوبت"),
    pytest.param("این طرح‌ها اشتغال‌زایی برای ۱۲۰ نفر را به دنبال دارد.", "planned", id="به-دنبال-دارد"),
    pytest.param("در این شهرک ۱۲ هزار نفر مشغول به کارند.", "completed", id="مشغول-به-کارند"),
    pytest.param("ایجاد ۱۲ هزار شغل در استان هدف‌گذاری شده است.", "planned", id="هدف‌گذاری"),
]


@pytest.mark.parametrize(("text", "expected"), BEGUN_AND_PLANNED)
def test_begun_and_planned(text: str, expected: str) -> None:
    record = _record(text)
    assert _only(record.project_counts + record.job_figures).status == expected


def test_breakdown_after_a_blank_line_and_marked_after_the_part() -> None:
    text = "با اجرای ۷۰ طرح عمرانی، ۴۰۰ شغل ایجاد شده است.\n\nوی افزود: ۵۰ طرح از این تعداد در حوزه آبرسانی است."
    figs = {f.count: f.status for f in _record(text).project_counts}
    assert figs == {70: "completed", 50: "completed"}
