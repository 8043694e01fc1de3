#!/bin/sh
# Installs Malloy 0.0.431 and its DuckDB connection into a scratch folder outside the repository
# (default /tmp/malloy-bench; override with KPIC_BENCH_MALLOY). kpic itself never depends on them.
#
# antlr4ts is pinned: Malloy asks for ^0.5.0-alpha.4, which npm resolves to 0.5.0-dev (the
# `latest` tag), a build with another file layout that Malloy cannot load
# ("Cannot find module 'antlr4ts/tree/ParseTreeWalker'").
set -e
dir="${KPIC_BENCH_MALLOY:-/tmp/malloy-bench}"
mkdir -p "$dir"
cd "$dir"
cat > package.json <<'JSON'
{
  "name": "kpic-malloy-bench",
  "private": true,
  "dependencies": {
    "@malloydata/malloy": "0.0.431",
    "@malloydata/db-duckdb": "0.0.431"
  },
  "overrides": {
    "antlr4ts": "0.5.0-alpha.4"
  }
}
JSON
npm install --no-audit --no-fund
