"""Clean-up: chrome and repeats are excluded from extraction, never deleted."""

from __future__ import annotations

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.language import Resources
from mahrumiat_extract.pipeline import get_pipeline
from mahrumiat_extract.stages.cleanup import CleanupStage

BODY = "استاندار سمنان در جلسه شورای برنامه‌ریزی استان گفت: ۴۵ پروژه عمرانی در شهرستان گرمسار به بهره‌برداری رسید."


def _work(text: str) -> tuple[str, str]:
    doc = get_pipeline().make_doc(text)
    CleanupStage(Resources())(doc)
    return doc.norm.text, doc.work


@pytest.mark.parametrize(
    ("chrome", "kept"),
    [
        pytest.param("منبع: ایسنا", False, id="source-line"),
        pytest.param("شناسه خبر: 123456", False, id="news-id"),
        pytest.param("کد خبر: 98765", False, id="news-code"),
        pytest.param("افزودن نظرات", False, id="add-comments"),
        pytest.param("/انتهای پیام/", False, id="end-of-message"),
        pytest.param("انتهای پیام/۱۰۸۳/ن", False, id="end-of-message-coded"),
        pytest.param("این جمله بخشی از متن خبر است و حذف نمی‌شود.", True, id="ordinary-line"),
    ],
)
def test_chrome_lines(chrome: str, kept: bool) -> None:
    text = f"{BODY}\n{chrome}\n"
    norm, work = _work(text)
    line = norm.split("\n")[1]
    assert (work.split("\n")[1].strip() == line.strip()) is kept
    assert work.split("\n")[0] == norm.split("\n")[0]  # the body stays


def test_footer_and_everything_after_it() -> None:
    text = f"{BODY}\nمهمترین اخبار ایران و جهان:\nافتتاح ۹۰ پروژه در کرمان\nخبر دیگر\n"
    norm, work = _work(text)
    assert work.split("\n")[0] == norm.split("\n")[0]
    assert not "".join(work.split("\n")[1:]).strip()
    record = extract(text)
    assert [f.count for f in record.project_counts] == [45]  # not the headline's 90


def test_read_more_block_keeps_the_body_subheading() -> None:
    text = (
        f"{BODY}\n\nبیشتر بخوانید\nافتتاح ۸۰ پروژه در سمنان\n\nاشتغال ۵۰۰ نفر در گرمسار\n\n"
        "برگزاری اردوهای جهادی\nفرماندار گرمسار گفت: ۱۲ گروه جهادی در روستاهای این شهرستان مستقر شده‌اند و کار ساخت مدرسه را آغاز کرده‌اند.\n"
    )
    norm, work = _work(text)
    assert "80" not in work and "500" not in work
    assert "برگزاری" in work  # a short line followed by a paragraph: a sub-heading


def test_repeated_lead_counts_once_and_original_is_untouched() -> None:
    lead = "دومین مرحله رزمایش کارزار خدمت با حضور استاندار و جمعی از مسئولان در محله شهرک شهید بهشتی شهر سمنان آغاز شد."
    text = f"خبرگزاری ایرنا - {lead}\n{lead}\nفرماندار سمنان گفت: ۲۰ پروژه در دست اقدام است.\n"
    norm, work = _work(text)
    assert work.count("رزمایش") == 1
    record = extract(text)
    assert any(w.startswith("W110") for w in record.warnings)
    assert record.source == "ایرنا"


def test_html_tags_are_blanked_with_offsets_kept() -> None:
    text = "<div class='x'><p>استاندار سمنان گفت: <b>۴۵ پروژه</b> افتتاح شد.</p>&nbsp;<script>var x = '<p>';</script></div>"
    norm, work = _work(text)
    assert len(work) == len(norm)
    assert "<" not in work and "script" not in work and "nbsp" not in work
    record = extract(text)
    assert any(w.startswith("W103") for w in record.warnings)
