WITH
"src_opportunities" AS NOT MATERIALIZED (
  SELECT CAST("id" AS TEXT) AS "id", CAST("account_id" AS TEXT) AS "account_id", CAST("owner_id" AS TEXT) AS "owner_id", CAST("stage" AS TEXT) AS "stage", CAST("amount" AS NUMERIC(38, 2)) AS "amount", CAST("created_date" AS DATE) AS "created_date", CAST("close_date" AS DATE) AS "close_date" FROM "opportunities"
),
"src_reps" AS NOT MATERIALIZED (
  SELECT CAST("rep_id" AS TEXT) AS "rep_id", CAST("name" AS TEXT) AS "name", CAST("region" AS TEXT) AS "region" FROM "reps"
),
"s0" AS (
  SELECT period, "d_region", sum(v0) FILTER (WHERE f1) AS m0, count(*) AS m1, count(*) FILTER (WHERE f1) AS m2, count(*) FILTER (WHERE f2) AS m3
  FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(extract(day FROM CAST(t0."close_date" AS DATE)) AS INTEGER) + 1) AS period, CAST(t0."close_date" AS DATE) AS _a, t1."region" AS "d_region", t0."amount" AS v0, (t0."stage" = 'Won') AS f1, ((t0."stage" = 'Won') OR (t0."stage" = 'Lost')) AS f2
    FROM "src_opportunities" AS t0
      LEFT JOIN "src_reps" AS t1 ON t0."owner_id" = t1."rep_id"
    WHERE t0."close_date" IS NOT NULL
  ) AS r
  GROUP BY period, "d_region"
),
"s1" AS (
  SELECT period, "d_region", count(*) AS m4
  FROM (
    SELECT (CAST(t0."created_date" AS DATE) - CAST(extract(day FROM CAST(t0."created_date" AS DATE)) AS INTEGER) + 1) AS period, CAST(t0."created_date" AS DATE) AS _a, t1."region" AS "d_region"
    FROM "src_opportunities" AS t0
      LEFT JOIN "src_reps" AS t1 ON t0."owner_id" = t1."rep_id"
    WHERE t0."created_date" IS NOT NULL
  ) AS r
  GROUP BY period, "d_region"
),
"bounds" AS (
  SELECT dlo AS lo, dhi AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s0" UNION ALL SELECT period FROM "s1") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(s.p AS DATE) AS period FROM bounds CROSS JOIN LATERAL generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL '1 months') AS s(p)
),
"periods" AS (
  SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi
),
"tuples" AS (
  SELECT "d_region", bool_or(src = 'opportunities') AS "s_opportunities" FROM (SELECT "d_region", 'opportunities' AS src FROM "s0" WHERE period >= (SELECT lo FROM bounds) AND period <= (SELECT hi FROM bounds)
    UNION ALL SELECT "d_region", 'opportunities' AS src FROM "s1" WHERE period >= (SELECT lo FROM bounds) AND period <= (SELECT hi FROM bounds)) AS u GROUP BY "d_region"
),
"cells" AS (
  SELECT drv.period, drv."d_region", drv."s_opportunities", coalesce(j0.m0, 0) AS "s0__m0", coalesce(j0.m2, 0) AS "s0__m2", coalesce(j0.m3, 0) AS "s0__m3", coalesce(j1.m4, 0) AS "s1__m4"
  FROM (SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t) AS drv
  LEFT JOIN "s0" AS j0 ON j0.period = drv.period AND j0."d_region" IS NOT DISTINCT FROM drv."d_region"
  LEFT JOIN "s1" AS j1 ON j1.period = drv.period AND j1."d_region" IS NOT DISTINCT FROM drv."d_region"
)
SELECT kpi, period, "region", value, "exact value" FROM (
SELECT c.period, c."d_region" AS "region", unnest(ARRAY[0, 1, 2]) AS "$ord", unnest(ARRAY['bookings', 'win_rate', 'created']) AS "kpi", unnest(ARRAY[CAST(c."s0__m0" AS DOUBLE PRECISION), CAST((CAST(c."s0__m2" AS DOUBLE PRECISION) / NULLIF(CAST(c."s0__m3" AS DOUBLE PRECISION), 0)) AS DOUBLE PRECISION), CAST(c."s1__m4" AS DOUBLE PRECISION)]) AS "value", unnest(ARRAY[CAST(c."s0__m0" AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)]) AS "exact value", unnest(ARRAY[c."s_opportunities", c."s_opportunities", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period, "region" NULLS LAST
