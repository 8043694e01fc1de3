WITH
"src_accounts" AS NOT MATERIALIZED (
  SELECT
  "account_id" AS "account_id",
  "segment" AS "segment",
  CASE WHEN TRY_CAST("employees" AS DOUBLE) = trunc(TRY_CAST("employees" AS DOUBLE)) THEN TRY_CAST("employees" AS BIGINT) END AS "employees",
  "parent_id" AS "parent_id"
FROM read_csv(['/data/accounts.csv'], header = true, delim = ',', quote = '"', escape = '"', comment = '', all_varchar = true)
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
"src_reps" AS NOT MATERIALIZED (
  SELECT
  "rep_id" AS "rep_id",
  "name" AS "name",
  "region" AS "region"
FROM read_csv(['/data/reps.csv'], header = true, delim = ',', quote = '"', escape = '"', comment = '', all_varchar = true)
),
"s0" AS (
  SELECT period, "d_region", k0, k1, sum(CASE WHEN f1 THEN v0 END) AS m0, count(CASE WHEN f1 THEN 1 END) AS m1, count(*) AS m2, max(CASE WHEN f1 THEN v2 END) AS m3, count(CASE WHEN f1 THEN 1 END) AS m4, sum(CASE WHEN f1 THEN v0 END) AS m5, GROUPING("d_region", k0, k1) AS _g
  FROM (
    SELECT (CAST(t0."close_date" AS DATE) - CAST(day(CAST(t0."close_date" AS DATE)) - 1 AS INTEGER)) AS period, CAST(t0."close_date" AS DATE) AS _a, t1."region" AS "d_region", t0."owner_id" AS k0, t0."account_id" AS k1, t0."amount" AS v0, (t0."stage" = 'Won') AS f1, t2."employees" AS v2
    FROM "src_opportunities" AS t0
      LEFT JOIN "src_reps" AS t1 ON t0."owner_id" = t1."rep_id"
      LEFT JOIN "src_accounts" AS t2 ON t0."account_id" = t2."account_id"
    WHERE t0."close_date" IS NOT NULL
  ) AS r
  GROUP BY GROUPING SETS ((period, "d_region", k0), (period, "d_region"), (period, "d_region", k1))
),
"s0_l0" AS (
  SELECT * EXCLUDE (_g) FROM "s0" WHERE _g = 1
),
"s0_l1" AS (
  SELECT * EXCLUDE (_g) FROM "s0" WHERE _g = 3
),
"s0_l2" AS (
  SELECT * EXCLUDE (_g) FROM "s0" WHERE _g = 2
),
"r0" AS (
  SELECT part.period, sum(part.m5) AS m6
  FROM "s0_l1" AS part
  GROUP BY part.period
),
"f_p0" AS (
  SELECT drv.period, drv."d_region", drv.k0, coalesce(j0.m0, 0) AS "s0_l0__m0", coalesce(j0.m1, 0) AS "s0_l0__m1"
  FROM (SELECT period, "d_region", k0 FROM "s0_l0") AS drv
  LEFT JOIN "s0_l0" AS j0 ON j0.period = drv.period AND j0."d_region" IS NOT DISTINCT FROM drv."d_region" AND j0.k0 IS NOT DISTINCT FROM drv.k0
),
"p0" AS (
  SELECT period, "d_region", avg(v) AS value
  FROM (SELECT period, "d_region", "s0_l0__m0" AS v, "s0_l0__m1" AS pr FROM "f_p0") AS x
  WHERE pr > 0
  GROUP BY period, "d_region"
),
"f_p1" AS (
  SELECT drv.period, drv."d_region", drv.k1, j0.m3 AS "s0_l2__m3", coalesce(j0.m4, 0) AS "s0_l2__m4"
  FROM (SELECT period, "d_region", k1 FROM "s0_l2") AS drv
  LEFT JOIN "s0_l2" AS j0 ON j0.period = drv.period AND j0."d_region" IS NOT DISTINCT FROM drv."d_region" AND j0.k1 IS NOT DISTINCT FROM drv.k1
),
"p1" AS (
  SELECT period, "d_region", sum(v) AS value
  FROM (SELECT period, "d_region", "s0_l2__m3" AS v, "s0_l2__m4" AS pr FROM "f_p1") AS x
  WHERE pr > 0
  GROUP BY period, "d_region"
),
"bounds" AS (
  SELECT dlo AS lo, dhi AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s0_l1") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS period FROM bounds
),
"periods" AS (
  SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi
),
"tuples" AS (
  SELECT "d_region", bool_or(src = 'opportunities') AS "s_opportunities" FROM (SELECT "d_region", 'opportunities' AS src FROM "s0_l1" WHERE period >= (SELECT lo FROM bounds) AND period <= (SELECT hi FROM bounds)) AS u GROUP BY "d_region"
),
"cells" AS (
  SELECT drv.period, drv."d_region", drv."s_opportunities", j0.value AS "p0__value", coalesce(j1.value, 0) AS "p1__value", coalesce(j2.m5, 0) AS "s0_l1__m5", coalesce(j3.m6, 0) AS "r0__m6"
  FROM (SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t) AS drv
  LEFT JOIN "p0" AS j0 ON j0.period = drv.period AND j0."d_region" IS NOT DISTINCT FROM drv."d_region"
  LEFT JOIN "p1" AS j1 ON j1.period = drv.period AND j1."d_region" IS NOT DISTINCT FROM drv."d_region"
  LEFT JOIN "s0_l1" AS j2 ON j2.period = drv.period AND j2."d_region" IS NOT DISTINCT FROM drv."d_region"
  LEFT JOIN "r0" AS j3 ON j3.period = drv.period
)
SELECT kpi, period, "region", value, "exact value" FROM (
SELECT c.period, c."d_region" AS "region", unnest([0, 1, 2]) AS "$ord", unnest(['avg_rep', 'employees', 'share']) AS "kpi", unnest([CAST(c."p0__value" AS DOUBLE), CAST(c."p1__value" AS DOUBLE), CAST((c."s0_l1__m5" / NULLIF(c."r0__m6", 0)) AS DOUBLE)]) AS "value", unnest([CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)]) AS "exact value", unnest([c."s_opportunities", c."s_opportunities", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period, "region" NULLS LAST
