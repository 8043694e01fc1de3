WITH
"src_opportunities" AS NOT MATERIALIZED (
  SELECT CAST("id" AS TEXT) AS "id", CAST("account_id" AS TEXT) AS "account_id", CAST("owner_id" AS TEXT) AS "owner_id", CAST("stage" AS TEXT) AS "stage", CAST("amount" AS NUMERIC(38, 2)) AS "amount", CAST("created_date" AS DATE) AS "created_date", CAST("close_date" AS DATE) AS "close_date" FROM "opportunities"
),
"src_reps" AS NOT MATERIALIZED (
  SELECT CAST("rep_id" AS TEXT) AS "rep_id", CAST("name" AS TEXT) AS "name", CAST("region" AS TEXT) AS "region" FROM "reps"
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
  SELECT make_date(CAST(((CAST(extract(year FROM min(s.dlo)) AS BIGINT) * 12 + CAST(extract(month FROM min(s.dlo)) AS BIGINT) - 1) / 3 * 3 + 0) / 12 AS INTEGER), CAST(((CAST(extract(year FROM min(s.dlo)) AS BIGINT) * 12 + CAST(extract(month FROM min(s.dlo)) AS BIGINT) - 1) / 3 * 3 + 0) % 12 + 1 AS INTEGER), 1) AS lo, make_date(CAST(((CAST(extract(year FROM max(e.dhi)) AS BIGINT) * 12 + CAST(extract(month FROM max(e.dhi)) AS BIGINT) - 1) / 3 * 3 + 0) / 12 AS INTEGER), CAST(((CAST(extract(year FROM max(e.dhi)) AS BIGINT) * 12 + CAST(extract(month FROM max(e.dhi)) AS BIGINT) - 1) / 3 * 3 + 0) % 12 + 1 AS INTEGER), 1) AS hi, max(e.dhi) AS dhi FROM "pd_opportunities" AS s, "pit_end" AS e
),
"pp_opportunities" AS (
  SELECT CAST(s.p AS DATE) AS period FROM pb_opportunities CROSS JOIN LATERAL generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL '3 months') AS s(p)
),
"pt_opportunities_end" AS (
  SELECT p.period AS period, least(CAST(p.period + INTERVAL '3 months' AS DATE), CAST(b.dhi + INTERVAL '1 days' AS DATE)) AS _pn, CAST(CAST(p.period + INTERVAL '3 months' AS DATE) - INTERVAL '1 days' AS DATE) AS _pe FROM "pp_opportunities" AS p, "pb_opportunities" AS b
),
"pt_opportunities_start" AS (
  SELECT p.period AS period, least(p.period, CAST(b.dhi + INTERVAL '1 days' AS DATE)) AS _pn, CAST(CAST(p.period + INTERVAL '3 months' AS DATE) - INTERVAL '1 days' AS DATE) AS _pe FROM "pp_opportunities" AS p, "pb_opportunities" AS b
),
"s0" AS (
  SELECT period, "d_region", sum(v0) FILTER (WHERE f1) AS m0, count(*) AS m1, sum(v2) FILTER (WHERE f3) AS m2
  FROM (
    SELECT pt.period AS period, t1."region" AS "d_region", t0."amount" AS v0, (NOT ((t0."stage" = 'Won') OR (t0."stage" = 'Lost'))) AS f1, (t0."amount" - (CASE WHEN (t0s."id" IS NOT NULL) THEN t0s."amount" ELSE NULL END)) AS v2, ((NOT ((t0."stage" = 'Won') OR (t0."stage" = 'Lost'))) AND (t0."created_date" < pt.period)) AS f3
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
  SELECT CAST(s.p AS DATE) AS period FROM bounds CROSS JOIN LATERAL generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL '3 months') AS s(p)
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
SELECT c.period, c."d_region" AS "region", unnest(ARRAY[0, 1]) AS "$ord", unnest(ARRAY['open_eop', 'grown']) AS "kpi", unnest(ARRAY[CAST(c."s0__m0" AS DOUBLE PRECISION), CAST(c."s0__m2" AS DOUBLE PRECISION)]) AS "value", unnest(ARRAY[CAST(c."s0__m0" AS TEXT), CAST(c."s0__m2" AS TEXT)]) AS "exact value", unnest(ARRAY[c."s_opportunities", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period, "region" NULLS LAST
