"""Per-stage timing of the pipeline on the dev set and the sample articles, against hazm's
normalizer (a quick look; the benchmark is `mahrumiat-extract bench`).

    .venv/bin/python scripts/profile_stages.py
"""
import json, time, sys
from mahrumiat_extract import extract
from mahrumiat_extract.pipeline import get_pipeline
import os
DEV='../shared/eval/dev.jsonl'
texts=[json.loads(l)['text'] for l in open(DEV)] if os.path.exists(DEV) else []
texts += [open(p).read() for p in __import__('glob').glob('data/samples/articles/*.txt')]
extract(texts[0])
pipe=get_pipeline()
N=int(os.environ.get("ROUNDS", "3"))
tot={}
t0=time.perf_counter()
for _ in range(N):
    for t in texts:
        a=time.perf_counter(); doc=pipe.make_doc(t); tot['normalize']=tot.get('normalize',0)+time.perf_counter()-a
        for st in pipe.stages:
            a=time.perf_counter(); st(doc); tot[st.name]=tot.get(st.name,0)+time.perf_counter()-a
        pipe.record(doc)
el=time.perf_counter()-t0
n=N*len(texts); chars=N*sum(map(len,texts))
print(f"pipeline {n/el:.1f} art/s  {el/n*1000:.2f} ms/article, avg {chars/n:.0f} chars")
for k,v in tot.items(): print(f"  {k:10} {v/n*1000:.2f} ms")
from hazm import Normalizer
nz=Normalizer(); nz.normalize(texts[0])
t0=time.perf_counter()
for _ in range(N):
    for t in texts: nz.normalize(t)
el2=time.perf_counter()-t0
print(f"hazm normalize {el2/n*1000:.2f} ms/article; ratio pipeline/hazm throughput = {el2/el:.2f}")
