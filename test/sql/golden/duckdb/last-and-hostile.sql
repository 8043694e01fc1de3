WITH
"src_arr_snapshots" AS NOT MATERIALIZED (
  SELECT
  "account_id" AS "account_id",
  CASE WHEN regexp_full_match("snapshot_date", '\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?') THEN TRY_CAST("snapshot_date" AS DATE) END AS "snapshot_date",
  CASE WHEN regexp_full_match("arr", '\s*[+-]?(\d+(\.\d{0,2}0*)?|\.\d{0,2}0*)\s*') THEN TRY_CAST("arr" AS DECIMAL(38,2)) WHEN regexp_full_match("arr", '\s*[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*') AND length(trim(regexp_replace("arr", '[eE].*|[^0-9]', '', 'g'), '0')) <= 15 AND CAST(TRY_CAST("arr" AS DECIMAL(38,2)) AS DOUBLE) = TRY_CAST("arr" AS DOUBLE) THEN TRY_CAST("arr" AS DECIMAL(38,2)) END AS "arr"
FROM read_csv(['/data/arr.csv'], header = true, delim = ',', quote = '"', escape = '"', comment = '', all_varchar = true)
),
"src_opportunities" AS NOT MATERIALIZED (
  SELECT
  "id" AS "id",
  "account_id" AS "account_id",
  "owner_id" AS "owner_id",
  "stage" AS "stage",
  CASE WHEN regexp_full_match("amount", '\s*[+-]?(\d+(\.\d{0,2}0*)?|\.\d{0,2}0*)\s*') THEN TRY_CAST("amount" AS DECIMAL(38,2)) WHEN regexp_full_match("amount", '\s*[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*') AND length(trim(regexp_replace("amount", '[eE].*|[^0-9]', '', 'g'), '0')) <= 15 AND CAST(TRY_CAST("amount" AS DECIMAL(38,2)) AS DOUBLE) = TRY_CAST("amount" AS DOUBLE) THEN TRY_CAST("amount" AS DECIMAL(38,2)) END AS "amount",
  CASE WHEN regexp_full_match("created_date", '\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?') THEN TRY_CAST("created_date" AS DATE) END AS "created_date",
  CASE WHEN regexp_full_match("close_date", '\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?') THEN TRY_CAST("close_date" AS DATE) END AS "close_date"
FROM read_csv(['/data/opportunities.csv'], header = true, delim = ',', quote = '"', escape = '"', comment = '', all_varchar = true)
),
"s0_kept" AS (
  SELECT * FROM (SELECT * FROM (
    SELECT make_date(CAST(((year(CAST(t0."snapshot_date" AS DATE)) * 12 + month(CAST(t0."snapshot_date" AS DATE)) - 1) // 3 * 3 + 0) // 12 AS BIGINT), CAST(((year(CAST(t0."snapshot_date" AS DATE)) * 12 + month(CAST(t0."snapshot_date" AS DATE)) - 1) // 3 * 3 + 0) % 12 + 1 AS BIGINT), 1) AS period, CAST(t0."snapshot_date" AS DATE) AS _a, t0."arr" AS v0
    FROM "src_arr_snapshots" AS t0
    WHERE t0."snapshot_date" IS NOT NULL
  ) AS r QUALIFY r._a = max(r._a) OVER (PARTITION BY period)) AS r
),
"s1" AS (
  SELECT period, count(*) AS m1
  FROM (
    SELECT make_date(CAST(((year(CAST(t0."snapshot_date" AS DATE)) * 12 + month(CAST(t0."snapshot_date" AS DATE)) - 1) // 3 * 3 + 0) // 12 AS BIGINT), CAST(((year(CAST(t0."snapshot_date" AS DATE)) * 12 + month(CAST(t0."snapshot_date" AS DATE)) - 1) // 3 * 3 + 0) % 12 + 1 AS BIGINT), 1) AS period, CAST(t0."snapshot_date" AS DATE) AS _a
    FROM "src_arr_snapshots" AS t0
    WHERE t0."snapshot_date" IS NOT NULL
  ) AS r
  GROUP BY period
),
"s2" AS (
  SELECT period, count(CASE WHEN f0 THEN 1 END) AS m2, count(*) AS m3
  FROM (
    SELECT make_date(CAST(((year(CAST(t0."close_date" AS DATE)) * 12 + month(CAST(t0."close_date" AS DATE)) - 1) // 3 * 3 + 0) // 12 AS BIGINT), CAST(((year(CAST(t0."close_date" AS DATE)) * 12 + month(CAST(t0."close_date" AS DATE)) - 1) // 3 * 3 + 0) % 12 + 1 AS BIGINT), 1) AS period, CAST(t0."close_date" AS DATE) AS _a, (t0."owner_id" = 'x''); DROP TABLE t; --') AS f0
    FROM "src_opportunities" AS t0
    WHERE t0."close_date" IS NOT NULL
  ) AS r
  GROUP BY period
),
"bounds" AS (
  SELECT dlo AS lo, dhi AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s1" UNION ALL SELECT period FROM "s2") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 3 MONTH)) AS DATE) AS period FROM bounds
),
"s0" AS (
  SELECT period, sum(v0) AS m0
  FROM (SELECT g.period AS period, k.* EXCLUDE (period) FROM "s0_kept" AS k JOIN (SELECT period, lead(period) OVER (ORDER BY period) AS _next FROM (SELECT DISTINCT period FROM "s0_kept") AS kd) AS n ON n.period = k.period JOIN "periods_all" AS g ON g.period >= k.period AND (n._next IS NULL OR g.period < n._next)) AS r
  GROUP BY period
),
"periods" AS (
  SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi
),
"tuples" AS (
  SELECT TRUE AS "s_arr_snapshots", TRUE AS "s_opportunities"
),
"cells" AS (
  SELECT drv.period, drv."s_arr_snapshots", drv."s_opportunities", coalesce(j0.m0, 0) AS "s0__m0", coalesce(j1.m2, 0) AS "s2__m2"
  FROM (SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t) AS drv
  LEFT JOIN "s0" AS j0 ON j0.period = drv.period
  LEFT JOIN "s2" AS j1 ON j1.period = drv.period
)
SELECT kpi, period, value, "exact value" FROM (
SELECT c.period, unnest([0, 1]) AS "$ord", unnest(['arr_end', 'hostile']) AS "kpi", unnest([CAST(c."s0__m0" AS DOUBLE), CAST(c."s2__m2" AS DOUBLE)]) AS "value", unnest([CAST(c."s0__m0" AS VARCHAR), CAST(NULL AS VARCHAR)]) AS "exact value", unnest([c."s_arr_snapshots", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period
