"""The Dask library function on a LocalCluster of two workers: re-running into the same folder
with other partitioning replaces the earlier parts (or refuses), missing dates are nulls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract.batch import store
from tests.batch.helpers import check_records
from tests.conftest import SAMPLES

dask_bag = pytest.importorskip("dask.bag")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

from mahrumiat_extract.batch.dask import existing_parts, extract_to_parquet  # noqa: E402

TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "articles").glob("*.txt"))}


@pytest.fixture(scope="module")
def client() -> Any:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:  # fmt: skip
        yield client


def _ids(out: Path) -> list[str]:
    con = store.connect(":memory:")
    rows = con.execute(f"SELECT article_id FROM read_parquet('{out}/articles/*.parquet')").fetchall()
    return [r[0] for r in rows]


def test_old_module_path_still_imports() -> None:
    from mahrumiat_extract import dask as old

    assert old.extract_to_parquet is extract_to_parquet


@pytest.mark.slow
def test_rerun_into_the_same_folder_leaves_no_old_parts(client: Any, tmp_path: Path) -> None:
    out = tmp_path / "parts"
    articles = [{"id": k, "text": v} for k, v in TEXTS.items()]
    first = extract_to_parquet(dask_bag.from_sequence(articles, npartitions=5), out)
    assert first["articles"] == len(TEXTS)
    assert len(list((out / "articles").glob("*.parquet"))) == 5
    with pytest.raises(FileExistsError, match="overwrite=True"):
        extract_to_parquet(dask_bag.from_sequence(articles, npartitions=3), out)
    again = extract_to_parquet(dask_bag.from_sequence(articles, npartitions=3), out,
                               overwrite=True)  # fmt: skip
    assert again == first
    assert len(list((out / "articles").glob("*.parquet"))) == 3  # parts 3 and 4 are gone
    assert all(p.name < "part-00003" for p in existing_parts(out))
    ids = _ids(out)
    assert sorted(ids) == sorted(TEXTS)  # each article once
    con = store.connect(tmp_path / "s.duckdb")
    store.import_parquet(con, out)
    assert store.summary(con)["articles"] == len(TEXTS)
    check_records(con, TEXTS)
    con.close()


@pytest.mark.slow
def test_dataframe_with_missing_dates(client: Any, tmp_path: Path) -> None:
    dd = pytest.importorskip("dask.dataframe")
    names = list(TEXTS)[:4]
    frame = pd.DataFrame({
        "id": names,
        "text": [TEXTS[n] for n in names],
        "date": pd.to_datetime(["2023-05-01", None, "2023-05-03", None]),  # NaT twice
        "title": ["عنوان", None, float("nan"), pd.NA],
    })  # fmt: skip
    written = extract_to_parquet(dd.from_pandas(frame, npartitions=2), tmp_path / "parts")
    assert (written["articles"], written["errors"]) == (4, 0)
    con = store.connect(":memory:")
    rows = dict(con.execute(
        f"SELECT article_id, published_gregorian FROM read_parquet('{tmp_path}/parts/articles/*.parquet')"
    ).fetchall())  # fmt: skip
    assert set(rows) == set(names)
    for name, missing in zip(names, (False, True, False, True)):
        if missing:  # no date from the feed: the text's own date, or null
            assert rows[name] is None or str(rows[name]) != "NaT"
        else:
            assert rows[name] is not None
