"""`python -m benchmarks`: the projections benchmark (bench_projections).

The store benchmark runs on its own: `python -m benchmarks.bench_store`.
"""

from benchmarks.bench_projections import main

main()
