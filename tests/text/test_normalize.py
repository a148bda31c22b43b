"""The normalizer: character folding, numbers kept intact, ZWNJ restoration, offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mahrumiat_extract.text.keys import key, key_stream, match_key
from mahrumiat_extract.text.normalize import normalize

from .test_keys import plain_key_stream

ZW = "\u200c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("كرمان", "کرمان", id="kaf-arabic"),
        pytest.param("علي", "علی", id="yeh-arabic"),
        pytest.param("موسى", "موسی", id="alef-maksura"),
        pytest.param("مُحَمَّد", "محمد", id="diacritics"),
        pytest.param("ســـلام", "سلام", id="tatweel"),
        pytest.param("۱۲۳ ١٢٣ 123", "123 123 123", id="digits-three-scripts"),
        pytest.param("۱٫۵", "1٫5", id="decimal-momayyez"),
        pytest.param("۲,۸۳۸", "2,838", id="thousands-comma"),
        pytest.param("۲٬۸۳۸", "2٬838", id="thousands-arabic"),
        pytest.param("۱۴۰۱/۰۲/۰۱", "1401/02/01", id="date-slashes"),
        pytest.param("2.5 درصد", "2.5 درصد", id="decimal-dot"),
        pytest.param("الف  \t ب", "الف ب", id="spaces-collapsed"),
        pytest.param("الف \n\n ب", "الف\nب", id="newlines-collapsed"),
        pytest.param("الف\u200fب\u200d", "الفب", id="bidi-marks-removed"),
        pytest.param("a\x00b", "a b", id="nul-to-space"),
    ],
)
def test_characters(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("میکند", f"می{ZW}کند", id="mi-glued"),
        pytest.param("نمیشود", f"نمی{ZW}شود", id="nemi-glued"),
        pytest.param("می کند", f"می{ZW}کند", id="mi-space"),
        pytest.param("میز و میدان", "میز و میدان", id="mi-words-untouched"),
        pytest.param("دستگاههای", f"دستگاه{ZW}های", id="plural-haye"),
        pytest.param("پروژه ها", f"پروژه{ZW}ها", id="plural-space"),
        pytest.param("حاشیهنشین", f"حاشیه{ZW}نشین", id="lexicon-compound"),
        pytest.param("محله ای", f"محله{ZW}ای", id="ezafe-ei-space"),
        pytest.param("بزرگترین", f"بزرگ{ZW}ترین", id="superlative"),
        pytest.param(f"می{ZW}{ZW}کند", "میکند", id="double-zwnj-dropped"),
        pytest.param(f"کتاب{ZW} خوب", "کتاب خوب", id="stray-zwnj"),
    ],
)
def test_zwnj(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "variant", ["حاشیهنشین", "حاشیه نشین", f"حاشیه{ZW}نشین", "حاشيه‌نشين"], ids=["glued", "space", "zwnj", "arabic-yeh"]
)
def test_key_is_space_and_zwnj_insensitive(variant: str) -> None:
    assert key(variant) == key("حاشیه‌نشین") == "حاشیهنشین"


def test_match_key_folds_hamza_and_alef() -> None:
    assert match_key("قائم‌شهر") == match_key("قایم شهر")
    assert match_key("آبادان") == match_key("ابادان")
    assert key("قائم‌شهر") != key("قایم شهر")  # SPEC's key keeps hamza


def test_key_stream_points_back() -> None:
    text = normalize("در خرم آباد و كرمان").text
    stream, idx = key_stream(text)
    at = stream.index("خرماباد")
    assert text[idx[at] : idx[at + len("خرماباد") - 1] + 1] == "خرم آباد"


@pytest.mark.parametrize(
    "text",
    [
        "مُحَمَّد  علي\u200c\u200c  ۱٫۵ میکند\n\n\nپروژه ها",
        "ســـلام \x00 دنیا",
        "",
        "   ",
        "😀 مهر 😀",
    ],
)
def test_offsets_cover_every_word(text: str) -> None:
    norm = normalize(text)
    for i, ch in enumerate(norm.text):
        s, e = norm.to_original(i, i + 1)
        assert 0 <= s <= e <= len(text)
        if ch.isalpha() and ch.isascii():
            assert text[s:e] == ch


TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀةئأ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬،") + [ZW, " ", "\n", "\u064e", "\u0640", "\u200f", "𝒜", "😀"]),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_offset_map_round_trips(text: str) -> None:
    norm = normalize(text)
    n = len(norm.text)
    prev_start = 0
    for i in range(n):
        s, e = norm.to_original(i, i + 1)
        assert 0 <= s <= e <= len(text)
        assert s >= prev_start  # monotone
        prev_start = s
    for a in range(0, n + 1, 7):
        for b in range(a, n + 1, 5):
            s, e = norm.to_original(a, b)
            assert 0 <= s <= e <= len(text)
    if n:
        s, e = norm.to_original(0, n)
        assert text[:s].strip(" \n\t\r\u200c\u200f\u200e\u200d\ufeff\u00ad\u0640") == "" or s == 0


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_key_stream_matches_the_per_character_definition(text: str) -> None:
    for t in (text, normalize(text).text):
        keys, idx = key_stream(t)
        ref_keys, ref_idx = plain_key_stream(t)
        assert keys == ref_keys
        assert list(idx) == ref_idx


def test_zwnj_memo_stays_bounded_and_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ZWNJ memo keeps at most two generations of ``_SEEN_MAX`` chunks however much
    distinct text goes by (a batch's memory stays flat, issue 16), and the text normalized
    does not depend on what it holds."""
    from mahrumiat_extract.text import normalize as nz

    assert nz._SEEN_MAX <= 100_000  # full within the first thousand or so corpus articles
    texts = [f"او میشود{i} و کتابهای{i % 7} پروژه ها{i} را {i}" for i in range(300)]
    for name in ("_SEEN", "_SEEN_OLD"):
        monkeypatch.setattr(nz, name, set())
    for name in ("_CHUNK_CHANGES", "_CHANGES_OLD"):
        monkeypatch.setattr(nz, name, {})
    monkeypatch.setattr(nz, "_SEEN_MAX", 10**9)
    expected = [normalize(t).text for t in texts]
    assert f"میشود{ZW}" not in expected[0] and f"می{ZW}شود0" in expected[0]
    nz._new_generation()
    nz._new_generation()  # both generations empty
    monkeypatch.setattr(nz, "_SEEN_MAX", 20)
    for text, want in zip(texts, expected):
        assert normalize(text).text == want
        assert len(nz._SEEN) + len(nz._SEEN_OLD) <= 2 * 20 + len(text.split())
