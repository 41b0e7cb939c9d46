"""`python -m benchmarks`: the projections benchmark (bench_projections), then the
dashboard's speeds on the same stores (bench_dashboard; `--no-dashboard` skips them).

The store benchmark runs on its own: `python -m benchmarks.bench_store`.
"""

from benchmarks.bench_projections import main

main()
