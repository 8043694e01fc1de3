WITH
"src_opportunities" AS NOT MATERIALIZED (
  SELECT CAST("id" AS TEXT) AS "id", CAST("account_id" AS TEXT) AS "account_id", CAST("owner_id" AS TEXT) AS "owner_id", CAST("stage" AS TEXT) AS "stage", CAST("amount" AS NUMERIC(38, 2)) AS "amount", CAST("created_date" AS DATE) AS "created_date", CAST("close_date" AS DATE) AS "close_date" FROM "opportunities"
),
"s0" AS (
  SELECT period, count(*) FILTER (WHERE f0) AS m0, count(*) FILTER (WHERE f1) AS m2, count(*) AS m4, sum(v2) FILTER (WHERE f0) AS m5
  FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(extract(day FROM CAST(t0."close_date" AS DATE)) AS INTEGER) + 1) AS period, CAST(t0."close_date" AS DATE) AS _a, (t0."stage" = 'Won') AS f0, ((t0."stage" = 'Won') OR (t0."stage" = 'Lost')) AS f1, t0."amount" AS v2
    FROM "src_opportunities" AS t0
    WHERE t0."close_date" IS NOT NULL AND t0."close_date" >= DATE '2024-01-01' AND t0."close_date" < DATE '2025-04-01'
  ) AS r
  GROUP BY period
),
"bounds" AS (
  SELECT DATE '2025-01-01' AS lo, DATE '2025-03-01' AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s0") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(s.p AS DATE) AS period FROM bounds CROSS JOIN LATERAL generate_series(CAST(least(lo, (DATE '2024-01-01' - CAST(extract(day FROM DATE '2024-01-01') AS INTEGER) + 1)) AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL '1 months') AS s(p)
),
"pw0" AS (
  SELECT period, CAST(CAST(period + INTERVAL '1 months' AS DATE) - INTERVAL '3 months' AS DATE) AS ws, CAST(period + INTERVAL '1 months' AS DATE) AS we FROM "periods_all"
),
"s1" AS (
  SELECT period, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(v0 AS DOUBLE PRECISION)) AS m7
  FROM (SELECT pw.period AS period, r._a, r.v0 FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(extract(day FROM CAST(t0."close_date" AS DATE)) AS INTEGER) + 1) AS period, CAST(t0."close_date" AS DATE) AS _a, t0."amount" AS v0
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
  SELECT period, (CAST(period - INTERVAL '12 months' AS DATE) - CAST(extract(day FROM CAST(period - INTERVAL '12 months' AS DATE)) AS INTEGER) + 1) AS ws, CAST((CAST(period - INTERVAL '12 months' AS DATE) - CAST(extract(day FROM CAST(period - INTERVAL '12 months' AS DATE)) AS INTEGER) + 1) + INTERVAL '1 months' AS DATE) AS we FROM "periods_all"
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
SELECT c.period, unnest(ARRAY[0, 1, 2]) AS "$ord", unnest(ARRAY['rolling_win_rate', 'yoy_growth', 'rolling_median']) AS "kpi", unnest(ARRAY[CAST((CAST(c."w0__m1" AS DOUBLE PRECISION) / NULLIF(CAST(c."w0__m3" AS DOUBLE PRECISION), 0)) AS DOUBLE PRECISION), CAST(((CAST(c."s0__m5" AS DOUBLE PRECISION) / NULLIF(CAST(c."w1__m6" AS DOUBLE PRECISION), 0)) - 1) AS DOUBLE PRECISION), CAST(c."s1__m7" AS DOUBLE PRECISION)]) AS "value", unnest(ARRAY[CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)]) AS "exact value", unnest(ARRAY[c."s_opportunities", c."s_opportunities", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period
