"""Scoring as SPEC fixes it: keys, the surname rule, figure multisets, micro-averaging."""

from __future__ import annotations

from typing import Any

import pytest

from mahrumiat_extract import evaluate
from mahrumiat_extract.evaluation.scoring import gold_items, predicted_items, score_article
from mahrumiat_extract.records import ArticleRecord, Figure, Official, Place, ProvinceMention, Span

TEXT = (
    "به گزارش خبرنگار ما، وحید گلی کانی فرماندار قدس در نشست ستاد گفت: ۱۳۲ پروژه در "
    "شهرستان قدس و ۲ هزار و ۸۳۸ واحد مسکونی در استان تهران در دست اقدام است."
)


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _official(name: str, **kw: Any) -> Official:
    return Official(name=name, **kw)


def _score(gold: dict[str, Any], record: ArticleRecord, text: str = TEXT) -> Any:
    return score_article(gold_items(gold, text=text), predicted_items(record), id="t")


NAME_CASES = [
    pytest.param("گلی‌کانی", "وحید گلی کانی", True, id="نام-خانوادگی-طلایی-با-نام-کامل"),
    pytest.param("وحید گلی‌کانی", "گلیکانی", True, id="نام-کامل-طلایی-با-نام-خانوادگی"),
    pytest.param("وحيد گلي کاني", "وحید گلی‌کانی", True, id="ی-عربی-و-فاصله"),
    pytest.param("وحید گلی‌کانی", "وحید رضایی", False, id="نام-دیگر"),
    pytest.param("وحید گلی‌کانی", "وحید", False, id="نام-کوچک-مطابق-نیست"),
]


@pytest.mark.parametrize(("gold_name", "pred_name", "matched"), NAME_CASES)
def test_officials_name_key_and_surname_rule(gold_name: str, pred_name: str, matched: bool) -> None:
    record = ArticleRecord(officials=(_official(pred_name),))
    result = _score({"officials": [{"name": gold_name}]}, record)
    c = result.counts["officials"]
    assert (c.tp, c.fp, c.fn) == ((1, 0, 0) if matched else (0, 1, 1))


def test_surname_rule_is_one_to_one() -> None:
    gold = {"officials": [{"name": "علی طالبی"}, {"name": "محمدعلی طالبی"}]}
    record = ArticleRecord(officials=(_official("طالبی"),))
    c = _score(gold, record).counts["officials"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)


ATTR_CASES = [
    pytest.param({"title": "فرماندار", "jurisdiction": "قدس"}, (1, 1), id="هر-دو-درست"),
    pytest.param({"title": "فرماندار", "jurisdiction": None}, (1, 0), id="حوزه-ناموجود"),
    pytest.param({"title": "استاندار", "jurisdiction": "قدس"}, (0, 1), id="عنوان-نادرست"),
]


@pytest.mark.parametrize(("predicted", "expected"), ATTR_CASES)
def test_title_and_jurisdiction_on_matched_pairs(
    predicted: dict[str, Any], expected: tuple[int, int]
) -> None:
    gold = {"officials": [{"name": "وحید گلی‌کانی", "title": "فرماندار", "jurisdiction": "قدس"}]}
    record = ArticleRecord(officials=(_official("وحید گلی کانی", **predicted),))
    result = _score(gold, record)
    assert (result.title.correct, result.jurisdiction.correct) == expected
    assert result.title.total == result.jurisdiction.total == 1
    assert len(result.mismatches) == 2 - sum(expected)


def test_figures_are_a_multiset_of_counts() -> None:
    gold = {"project_counts": [{"count": 132, "unit": "پروژه"}, {"count": 132, "unit": "طرح"},
                               {"count": 2838, "unit": "واحد مسکونی"}]}
    record = ArticleRecord(
        project_counts=(
            Figure(count=132, unit="پروژه", mentions=(_span(TEXT, "۱۳۲ پروژه"),)),
            Figure(count=2838, unit="واحد"),
            Figure(count=2838, unit="واحد مسکونی"),
            Figure(count=7, unit="پروژه"),
        )
    )
    result = _score(gold, record)
    c = result.counts["project_counts"]
    assert (c.tp, c.fp, c.fn) == (2, 2, 1)
    assert [i.key for i in result.missed["project_counts"]] == ["132"]
    assert sorted(i.key for i in result.extra["project_counts"]) == ["2838", "7"]


def test_names_are_deduplicated_by_key() -> None:
    record = ArticleRecord(
        places=(Place(name="قدس", kind="county"), Place(name="قدس", kind="city")),
        provinces=(ProvinceMention(name="تهران", explicit=True),),
    )
    result = _score({"places": [{"name": "قدس"}], "provinces": ["تهران", "البرز"]}, record)
    assert (result.counts["places"].tp, result.counts["places"].fp) == (1, 0)
    c = result.counts["provinces"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)


def test_missed_items_show_where_they_are_in_the_text() -> None:
    gold = {"officials": [{"name": "وحید گلی‌کانی"}], "project_counts": [{"count": 132}]}
    result = _score(gold, ArticleRecord())
    official = result.missed["officials"][0]
    figure = result.missed["project_counts"][0]
    assert official.start == TEXT.index("وحید")
    assert "[وحید گلی کانی]" in (official.mention or "")
    assert figure.start == TEXT.index("۱۳۲")
    assert "[۱۳۲] پروژه" in (figure.mention or "")


def _gold_article(ident: str, gold: dict[str, Any]) -> dict[str, Any]:
    return {"id": ident, "text": TEXT, "gold": gold}


def test_micro_average_and_empty_articles_count_nothing() -> None:
    gold = [
        _gold_article("a", {"provinces": ["تهران"]}),
        _gold_article("b", {"provinces": ["تهران", "قم"]}),
        _gold_article("c", {}),
    ]
    preds = [
        ArticleRecord(id="a", provinces=(ProvinceMention(name="تهران", explicit=True),)),
        ArticleRecord(id="b", provinces=(ProvinceMention(name="یزد", explicit=True),)),
        ArticleRecord(id="c"),
    ]
    report = evaluate(gold, predictions=preds)
    c = report.fields["provinces"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 2)
    assert c.precision == pytest.approx(0.5)
    assert c.recall == pytest.approx(1 / 3)
    metrics = report.metrics()
    assert metrics["places.f1"] is None  # nothing to score anywhere: no value, not in macro
    assert metrics["macro.f1"] == pytest.approx(c.f1)


def test_predictions_paired_by_id() -> None:
    gold = [_gold_article("a", {"provinces": ["قم"]}), _gold_article("b", {"provinces": ["یزد"]})]
    preds = [
        {"id": "b", "provinces": [{"name": "یزد", "explicit": True}]},
        {"id": "a", "provinces": [{"name": "قم", "explicit": True}]},
    ]
    assert evaluate(gold, predictions=preds).fields["provinces"].tp == 2


def test_extractor_is_run_when_no_predictions() -> None:
    report = evaluate([_gold_article("a", {"provinces": ["تهران"]})])
    assert len(report.articles) == 1
    assert report.fields["provinces"].gold == 1


BAD_GOLD = [
    pytest.param({"id": "x", "text": "متن"}, id="بدون-gold"),
    pytest.param({"id": "x", "text": "متن", "gold": {"provinces": "تهران"}}, id="فهرست-نیست"),
    pytest.param({"id": "x", "text": "متن", "gold": {"job_figures": [{"unit": "شغل"}]}},
                 id="بدون-count"),
]


@pytest.mark.parametrize("row", BAD_GOLD)
def test_malformed_gold_is_an_input_error(row: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="E701"):
        evaluate([row], predictions=[ArticleRecord(id="x")])


def test_figure_status_accuracy_on_count_matched_pairs() -> None:
    gold = {
        "project_counts": [
            {"count": 132, "unit": "پروژه", "status": "ongoing"},
            {"count": 2838, "unit": "واحد مسکونی", "status": "completed"},
            {"count": 7, "unit": "پروژه"},  # no gold status: not counted
            {"count": 9, "unit": "پروژه", "status": "planned"},  # not matched: not counted
        ],
        "job_figures": [{"count": 40, "unit": "نفر", "status": "planned"}],
    }
    record = ArticleRecord(
        project_counts=(
            Figure(count=132, unit="پروژه", status="ongoing"),
            Figure(count=2838, unit="واحد مسکونی", status=None),
            Figure(count=7, unit="پروژه", status="completed"),
        ),
        job_figures=(Figure(count=40, unit="نفر", status="planned"),),
    )
    result = _score(gold, record)
    pc, jf = result.status["project_counts"], result.status["job_figures"]
    assert (pc.correct, pc.total, jf.correct, jf.total) == (1, 2, 1, 1)
    (mm,) = result.mismatches
    assert (mm.field, mm.attribute, mm.gold, mm.predicted) == (
        "project_counts", "status", "completed", None
    )
    report = evaluate([_gold_article("a", gold)], predictions=[record.model_copy(update={"id": "a"})])
    metrics = report.metrics()
    assert metrics["figures.status_accuracy"] == pytest.approx(2 / 3)
    assert metrics["project_counts.status_accuracy"] == pytest.approx(0.5)
    assert metrics["job_figures.status_accuracy"] == 1.0
    assert "figures status accuracy: 0.667 (2/3" in report.format_table()
    assert "project_counts  status  2838 واحد مسکونی: gold «completed»" in report.format_errors()
    assert report.to_dict()["figures_attributes"]["status"] == {
        "correct": 2, "total": 3, "accuracy": 0.6667
    }


def test_figure_status_accuracy_is_none_without_gold_statuses() -> None:
    report = evaluate([_gold_article("a", {"job_figures": [{"count": 40}]})],
                      predictions=[ArticleRecord(id="a", job_figures=(Figure(count=40, unit="نفر"),))])
    assert report.metrics()["figures.status_accuracy"] is None
