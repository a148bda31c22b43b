"""mahrumiat-extract: Persian news on deprivation relief (محرومیت‌زدایی) into typed records.

>>> from mahrumiat_extract import extract
>>> record = extract("محمدعلی طالبی استاندار کرمان گفت: ۱۳۲ پروژه در دست اقدام داریم.")
>>> record.model_dump(mode="json")["officials"][0]["name"]  # doctest: +SKIP
'محمدعلی طالبی'
"""

from __future__ import annotations

from .api import extract, extract_many
from .errors import InputError, MahrumiatError, PipelineError, ResourceError
from .evaluation import evaluate
from .frames import to_frame, to_frames  # pandas is imported only when called
from .language import Resources
from .pipeline import Pipeline
from .records import (
    ArticleRecord,
    Figure,
    Neighborhood,
    Official,
    Place,
    ProvinceMention,
    PublishedDate,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "ArticleRecord",
    "Figure",
    "InputError",
    "MahrumiatError",
    "Neighborhood",
    "Official",
    "Pipeline",
    "PipelineError",
    "Place",
    "ProvinceMention",
    "PublishedDate",
    "ResourceError",
    "Resources",
    "Span",
    "__version__",
    "evaluate",
    "extract",
    "extract_many",
    "to_frame",
    "to_frames",
]
