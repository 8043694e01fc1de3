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
  SELECT period, sum(CASE WHEN f1 THEN v0 END) AS m0, count(*) AS m1
  FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(day(CAST(t0."close_date" AS DATE)) - 1 AS INTEGER)) AS period, CAST(t0."close_date" AS DATE) AS _a, t0."amount" AS v0, (t0."stage" = 'Won') AS f1
    FROM "src_opportunities" AS t0
    WHERE t0."close_date" IS NOT NULL
  ) AS r
  GROUP BY period
),
"bounds" AS (
  SELECT dlo AS lo, dhi AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s0") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS period FROM bounds
),
"periods" AS (
  SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi
),
"tuples" AS (
  SELECT TRUE AS "s_opportunities"
),
"cells" AS (
  SELECT drv.period, drv."s_opportunities", coalesce(j0.m0, 0) AS "s0__m0"
  FROM (SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t) AS drv
  LEFT JOIN "s0" AS j0 ON j0.period = drv.period
)
SELECT kpi, period, value, "exact value" FROM (
SELECT c.period, unnest([0]) AS "$ord", unnest(['bookings']) AS "kpi", unnest([CAST(c."s0__m0" AS DOUBLE)]) AS "value", unnest([CAST(c."s0__m0" AS VARCHAR)]) AS "exact value", unnest([c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period
