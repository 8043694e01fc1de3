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
"st_opportunities" AS (
  SELECT t.*, coalesce(t."created_date", DATE '9999-12-31') AS _hf, DATE '9999-12-31' AS _ht FROM "src_opportunities" AS t
),
"pd_opportunities" AS (
  SELECT min(d) AS dlo, max(d) AS dhi FROM (SELECT CAST("created_date" AS DATE) AS d FROM "src_opportunities" WHERE "created_date" IS NOT NULL) AS dates
),
"pit_end" AS (
  SELECT max(dhi) AS dhi FROM (SELECT dhi FROM "pd_opportunities") AS ends
),
"pb_opportunities" AS (
  SELECT make_date(CAST(((year(min(s.dlo)) * 12 + month(min(s.dlo)) - 1) // 3 * 3 + 0) // 12 AS BIGINT), CAST(((year(min(s.dlo)) * 12 + month(min(s.dlo)) - 1) // 3 * 3 + 0) % 12 + 1 AS BIGINT), 1) AS lo, make_date(CAST(((year(max(e.dhi)) * 12 + month(max(e.dhi)) - 1) // 3 * 3 + 0) // 12 AS BIGINT), CAST(((year(max(e.dhi)) * 12 + month(max(e.dhi)) - 1) // 3 * 3 + 0) % 12 + 1 AS BIGINT), 1) AS hi, max(e.dhi) AS dhi FROM "pd_opportunities" AS s, "pit_end" AS e
),
"pp_opportunities" AS (
  SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 3 MONTH)) AS DATE) AS period FROM pb_opportunities
),
"pt_opportunities_end" AS (
  SELECT p.period AS period, least(CAST(p.period + INTERVAL 3 MONTH AS DATE), CAST(b.dhi + INTERVAL 1 DAY AS DATE)) AS _pn, CAST(CAST(p.period + INTERVAL 3 MONTH AS DATE) - INTERVAL 1 DAY AS DATE) AS _pe FROM "pp_opportunities" AS p, "pb_opportunities" AS b
),
"pt_opportunities_start" AS (
  SELECT p.period AS period, least(p.period, CAST(b.dhi + INTERVAL 1 DAY AS DATE)) AS _pn, CAST(CAST(p.period + INTERVAL 3 MONTH AS DATE) - INTERVAL 1 DAY AS DATE) AS _pe FROM "pp_opportunities" AS p, "pb_opportunities" AS b
),
"s0" AS (
  SELECT period, "d_region", sum(CASE WHEN f1 THEN v0 END) AS m0, count(*) AS m1, sum(CASE WHEN f3 THEN v2 END) AS m2
  FROM (
    SELECT pt.period AS period, t1."region" AS "d_region", t0."amount" AS v0, (NOT ((t0."stage" = 'Won') OR (t0."stage" = 'Lost'))) AS f1, (t0."amount" - (CASE WHEN (t0s."id" IS NOT NULL) THEN t0s."amount" ELSE 0 END + CASE WHEN (t0s."id" IS NOT NULL) THEN 0 ELSE NULL END)) AS v2, ((NOT ((t0."stage" = 'Won') OR (t0."stage" = 'Lost'))) AND (t0."created_date" < pt.period)) AS f3
    FROM "st_opportunities" AS t0
      JOIN "pt_opportunities_end" AS pt ON t0._hf < pt._pn AND t0._ht >= pt._pn
      LEFT JOIN (SELECT s."id", s."amount", ps.period AS _sp FROM "st_opportunities" AS s JOIN "pt_opportunities_start" AS ps ON s._hf < ps._pn AND s._ht >= ps._pn) AS t0s ON t0s."id" = t0."id" AND t0s._sp = pt.period
      LEFT JOIN "src_reps" AS t1 ON t0."owner_id" = t1."rep_id"
  ) AS r
  GROUP BY period, "d_region"
),
"bounds" AS (
  SELECT dlo AS lo, dhi AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s0") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 3 MONTH)) AS DATE) AS period FROM bounds
),
"periods" AS (
  SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi
),
"tuples" AS (
  SELECT "d_region", bool_or(src = 'opportunities') AS "s_opportunities" FROM (SELECT "d_region", 'opportunities' AS src FROM "s0" WHERE period >= (SELECT lo FROM bounds) AND period <= (SELECT hi FROM bounds)) AS u GROUP BY "d_region"
),
"cells" AS (
  SELECT drv.period, drv."d_region", drv."s_opportunities", coalesce(j0.m0, 0) AS "s0__m0", coalesce(j0.m2, 0) AS "s0__m2"
  FROM (SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t) AS drv
  LEFT JOIN "s0" AS j0 ON j0.period = drv.period AND j0."d_region" IS NOT DISTINCT FROM drv."d_region"
)
SELECT kpi, period, "region", value, "exact value" FROM (
SELECT c.period, c."d_region" AS "region", unnest([0, 1]) AS "$ord", unnest(['open_eop', 'grown']) AS "kpi", unnest([CAST(c."s0__m0" AS DOUBLE), CAST(c."s0__m2" AS DOUBLE)]) AS "value", unnest([CAST(c."s0__m0" AS VARCHAR), CAST(c."s0__m2" AS VARCHAR)]) AS "exact value", unnest([c."s_opportunities", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period, "region" NULLS LAST
