WITH
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
"s0" AS (
  SELECT period, count(CASE WHEN f0 THEN 1 END) AS m0, count(CASE WHEN f1 THEN 1 END) AS m2, count(*) AS m4, sum(CASE WHEN f0 THEN v2 END) AS m5
  FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(day(CAST(t0."close_date" AS DATE)) - 1 AS INTEGER)) AS period, CAST(t0."close_date" AS DATE) AS _a, (t0."stage" = 'Won') AS f0, ((t0."stage" = 'Won') OR (t0."stage" = 'Lost')) AS f1, t0."amount" AS v2
    FROM "src_opportunities" AS t0
    WHERE t0."close_date" IS NOT NULL AND t0."close_date" >= DATE '2024-01-01' AND t0."close_date" < DATE '2025-04-01'
  ) AS r
  GROUP BY period
),
"bounds" AS (
  SELECT DATE '2025-01-01' AS lo, DATE '2025-03-01' AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s0") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(unnest(generate_series(least(lo, (DATE '2024-01-01' - CAST(day(DATE '2024-01-01') - 1 AS INTEGER))), hi, INTERVAL 1 MONTH)) AS DATE) AS period FROM bounds
),
"pw0" AS (
  SELECT period, CAST(CAST(period + INTERVAL 1 MONTH AS DATE) - INTERVAL 3 MONTH AS DATE) AS ws, CAST(period + INTERVAL 1 MONTH AS DATE) AS we FROM "periods_all"
),
"s1" AS (
  SELECT period, median(CAST(v0 AS DOUBLE)) AS m7
  FROM (SELECT pw.period AS period, r.* EXCLUDE (period) FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(day(CAST(t0."close_date" AS DATE)) - 1 AS INTEGER)) AS period, CAST(t0."close_date" AS DATE) AS _a, t0."amount" AS v0
    FROM "src_opportunities" AS t0
    WHERE t0."close_date" IS NOT NULL AND t0."close_date" >= DATE '2024-01-01' AND t0."close_date" < DATE '2025-04-01'
  ) AS r JOIN "pw0" AS pw ON r._a >= pw.ws AND r._a < pw.we) AS r
  GROUP BY period
),
"w0" AS (
  SELECT pw.period, sum(part.m0) AS m1, sum(part.m2) AS m3
  FROM "pw0" AS pw JOIN "s0" AS part ON part.period >= pw.ws AND part.period < pw.we
  GROUP BY pw.period
),
"pw1" AS (
  SELECT period, (CAST(period - INTERVAL 12 MONTH AS DATE) - CAST(day(CAST(period - INTERVAL 12 MONTH AS DATE)) - 1 AS INTEGER)) AS ws, CAST((CAST(period - INTERVAL 12 MONTH AS DATE) - CAST(day(CAST(period - INTERVAL 12 MONTH AS DATE)) - 1 AS INTEGER)) + INTERVAL 1 MONTH AS DATE) AS we FROM "periods_all"
),
"w1" AS (
  SELECT pw.period, sum(part.m5) AS m6
  FROM "pw1" AS pw JOIN "s0" AS part ON part.period >= pw.ws AND part.period < pw.we
  GROUP BY pw.period
),
"periods" AS (
  SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi
),
"tuples" AS (
  SELECT TRUE AS "s_opportunities"
),
"cells" AS (
  SELECT drv.period, drv."s_opportunities", coalesce(j0.m1, 0) AS "w0__m1", coalesce(j0.m3, 0) AS "w0__m3", coalesce(j1.m5, 0) AS "s0__m5", coalesce(j2.m6, 0) AS "w1__m6", j3.m7 AS "s1__m7"
  FROM (SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t) AS drv
  LEFT JOIN "w0" AS j0 ON j0.period = drv.period
  LEFT JOIN "s0" AS j1 ON j1.period = drv.period
  LEFT JOIN "w1" AS j2 ON j2.period = drv.period
  LEFT JOIN "s1" AS j3 ON j3.period = drv.period
)
SELECT kpi, period, value, "exact value" FROM (
SELECT c.period, unnest([0, 1, 2]) AS "$ord", unnest(['rolling_win_rate', 'yoy_growth', 'rolling_median']) AS "kpi", unnest([CAST((c."w0__m1" / NULLIF(c."w0__m3", 0)) AS DOUBLE), CAST(((c."s0__m5" / NULLIF(c."w1__m6", 0)) - 1) AS DOUBLE), CAST(c."s1__m7" AS DOUBLE)]) AS "value", unnest([CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)]) AS "exact value", unnest([c."s_opportunities", c."s_opportunities", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period
