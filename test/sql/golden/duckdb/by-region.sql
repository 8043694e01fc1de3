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
"src_reps" AS NOT MATERIALIZED (
  SELECT
  "rep_id" AS "rep_id",
  "name" AS "name",
  "region" AS "region"
FROM read_csv(['/data/reps.csv'], header = true, delim = ',', quote = '"', escape = '"', comment = '', all_varchar = true)
),
"s0" AS (
  SELECT period, "d_region", sum(CASE WHEN f1 THEN v0 END) AS m0, count(*) AS m1, count(CASE WHEN f1 THEN 1 END) AS m2, count(CASE WHEN f2 THEN 1 END) AS m3
  FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(day(CAST(t0."close_date" AS DATE)) - 1 AS INTEGER)) AS period, CAST(t0."close_date" AS DATE) AS _a, t1."region" AS "d_region", t0."amount" AS v0, (t0."stage" = 'Won') AS f1, ((t0."stage" = 'Won') OR (t0."stage" = 'Lost')) AS f2
    FROM "src_opportunities" AS t0
      LEFT JOIN "src_reps" AS t1 ON t0."owner_id" = t1."rep_id"
    WHERE t0."close_date" IS NOT NULL
  ) AS r
  GROUP BY period, "d_region"
),
"s1" AS (
  SELECT period, "d_region", count(*) AS m4
  FROM (
    SELECT (CAST(t0."created_date" AS DATE) - CAST(day(CAST(t0."created_date" AS DATE)) - 1 AS INTEGER)) AS period, CAST(t0."created_date" AS DATE) AS _a, t1."region" AS "d_region"
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
  SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS period FROM bounds
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
SELECT c.period, c."d_region" AS "region", unnest([0, 1, 2]) AS "$ord", unnest(['bookings', 'win_rate', 'created']) AS "kpi", unnest([CAST(c."s0__m0" AS DOUBLE), CAST((c."s0__m2" / NULLIF(c."s0__m3", 0)) AS DOUBLE), CAST(c."s1__m4" AS DOUBLE)]) AS "value", unnest([CAST(c."s0__m0" AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)]) AS "exact value", unnest([c."s_opportunities", c."s_opportunities", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period, "region" NULLS LAST
