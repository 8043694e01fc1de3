WITH
"src_opportunities" AS NOT MATERIALIZED (
  SELECT CAST("id" AS TEXT) AS "id", CAST("account_id" AS TEXT) AS "account_id", CAST("owner_id" AS TEXT) AS "owner_id", CAST("stage" AS TEXT) AS "stage", CAST("amount" AS NUMERIC(38, 2)) AS "amount", CAST("created_date" AS DATE) AS "created_date", CAST("close_date" AS DATE) AS "close_date" FROM "opportunities"
),
"s0" AS (
  SELECT period, sum(v0) FILTER (WHERE f1) AS m0, count(*) AS m1
  FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(extract(day FROM CAST(t0."close_date" AS DATE)) AS INTEGER) + 1) AS period, CAST(t0."close_date" AS DATE) AS _a, t0."amount" AS v0, (t0."stage" = 'Won') AS f1
    FROM "src_opportunities" AS t0
    WHERE t0."close_date" IS NOT NULL
  ) AS r
  GROUP BY period
),
"bounds" AS (
  SELECT dlo AS lo, dhi AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s0") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(s.p AS DATE) AS period FROM bounds CROSS JOIN LATERAL generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL '1 months') AS s(p)
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
SELECT c.period, unnest(ARRAY[0]) AS "$ord", unnest(ARRAY['bookings']) AS "kpi", unnest(ARRAY[CAST(c."s0__m0" AS DOUBLE PRECISION)]) AS "value", unnest(ARRAY[CAST(c."s0__m0" AS TEXT)]) AS "exact value", unnest(ARRAY[c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period
