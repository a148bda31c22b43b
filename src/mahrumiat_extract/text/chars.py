"""Character tables (after hazm's ``constants`` and ``Normalizer`` tables).

``ONE_TO_ONE`` substitutions keep the length of the text, so they need no offset map
edits. Everything that deletes or inserts characters is an edit in ``normalize``.
"""

from __future__ import annotations

import unicodedata

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ZWNJ = "\u200c"

# Diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel.
DELETE_CHARS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u0640"
    + "".join(chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6))
    # invisible format characters: ZWJ, LRM, RLM, bidi embeddings/isolates, BOM, soft hyphen
    + "\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
    + "\u200b\u2060"
)

_base: dict[str, str] = {
    "ي": "ی",
    "ى": "ی",
    "ې": "ی",
    "ۍ": "ی",
    "ێ": "ی",
    "ك": "ک",
    "ڪ": "ک",
    "ګ": "گ",
    "ە": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ٵ": "ا",
    "ٲ": "ا",
    "٪": "%",
    "\u2028": "\n",
    "\u2029": "\n",
    "\r": "\n",
    "\x85": "\n",
}
for _d, _a in zip(PERSIAN_DIGITS + ARABIC_DIGITS, "0123456789" * 2):
    _base[_d] = _a
for _c in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0x0009, 0x000B, 0x000C):
    _base[chr(_c)] = " "
for _c in range(0x2000, 0x200B):
    _base[chr(_c)] = " "
# control characters (NUL included) become spaces: one-to-one, and noticed by normalize()
CONTROL_CHARS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\n\t\r\x0b\x0c") + "\x7f"
for _ch in CONTROL_CHARS:
    _base[_ch] = " "
# Arabic presentation forms that decompose to a single letter (ﻙ → ك → ک)
for _c in list(range(0xFB50, 0xFDF0)) + list(range(0xFE70, 0xFEFF)):
    _n = unicodedata.normalize("NFKC", chr(_c))
    if len(_n) == 1:
        _base[chr(_c)] = _base.get(_n, _n)

ONE_TO_ONE: dict[int, str] = {ord(k): v for k, v in _base.items()}

# Folding used only in matching keys (SPEC key plus hamza/alef folding for gazetteer lookup).
KEY_FOLD: dict[int, str | None] = {ord(k): v for k, v in _base.items() if not v.isspace()}
for _ch in DELETE_CHARS + ZWNJ + " \t\n\r\u00a0":
    KEY_FOLD[ord(_ch)] = None
MATCH_FOLD: dict[int, str | None] = dict(KEY_FOLD)
MATCH_FOLD.update(
    {
        ord(k): v
        for k, v in {"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ئ": "ی", "ؤ": "و", "ة": "ه"}.items()
    }
)
MATCH_FOLD[ord("ء")] = None

PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئأإؤءة"
