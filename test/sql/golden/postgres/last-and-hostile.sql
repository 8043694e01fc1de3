WITH
"src_arr_snapshots" AS NOT MATERIALIZED (
  SELECT CAST("account_id" AS TEXT) AS "account_id", CAST("snapshot_date" AS DATE) AS "snapshot_date", CAST("arr" AS NUMERIC(38, 2)) AS "arr" FROM "arr_snapshots"
),
"src_opportunities" AS NOT MATERIALIZED (
  SELECT CAST("id" AS TEXT) AS "id", CAST("account_id" AS TEXT) AS "account_id", CAST("owner_id" AS TEXT) AS "owner_id", CAST("stage" AS TEXT) AS "stage", CAST("amount" AS NUMERIC(38, 2)) AS "amount", CAST("created_date" AS DATE) AS "created_date", CAST("close_date" AS DATE) AS "close_date" FROM "opportunities"
),
"s0_kept" AS (
  SELECT * FROM (SELECT (q.w).* FROM (SELECT r AS w, r._a = max(r._a) OVER (PARTITION BY period) AS keep FROM (
    SELECT make_date(CAST(((CAST(extract(year FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) * 12 + CAST(extract(month FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) - 1) / 3 * 3 + 0) / 12 AS INTEGER), CAST(((CAST(extract(year FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) * 12 + CAST(extract(month FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) - 1) / 3 * 3 + 0) % 12 + 1 AS INTEGER), 1) AS period, CAST(t0."snapshot_date" AS DATE) AS _a, t0."arr" AS v0
    FROM "src_arr_snapshots" AS t0
    WHERE t0."snapshot_date" IS NOT NULL
  ) AS r) AS q WHERE q.keep) AS r
),
"s1" AS (
  SELECT period, count(*) AS m1
  FROM (
    SELECT make_date(CAST(((CAST(extract(year FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) * 12 + CAST(extract(month FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) - 1) / 3 * 3 + 0) / 12 AS INTEGER), CAST(((CAST(extract(year FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) * 12 + CAST(extract(month FROM CAST(t0."snapshot_date" AS DATE)) AS BIGINT) - 1) / 3 * 3 + 0) % 12 + 1 AS INTEGER), 1) AS period, CAST(t0."snapshot_date" AS DATE) AS _a
    FROM "src_arr_snapshots" AS t0
    WHERE t0."snapshot_date" IS NOT NULL
  ) AS r
  GROUP BY period
),
"s2" AS (
  SELECT period, count(*) FILTER (WHERE f0) AS m2, count(*) AS m3
  FROM (
    SELECT make_date(CAST(((CAST(extract(year FROM CAST(t0."close_date" AS DATE)) AS BIGINT) * 12 + CAST(extract(month FROM CAST(t0."close_date" AS DATE)) AS BIGINT) - 1) / 3 * 3 + 0) / 12 AS INTEGER), CAST(((CAST(extract(year FROM CAST(t0."close_date" AS DATE)) AS BIGINT) * 12 + CAST(extract(month FROM CAST(t0."close_date" AS DATE)) AS BIGINT) - 1) / 3 * 3 + 0) % 12 + 1 AS INTEGER), 1) AS period, CAST(t0."close_date" AS DATE) AS _a, (t0."owner_id" = 'x''); DROP TABLE t; --') AS f0
    FROM "src_opportunities" AS t0
    WHERE t0."close_date" IS NOT NULL
  ) AS r
  GROUP BY period
),
"bounds" AS (
  SELECT dlo AS lo, dhi AS hi FROM (SELECT min(period) AS dlo, max(period) AS dhi FROM (SELECT period FROM "s1" UNION ALL SELECT period FROM "s2") AS timed) AS data_range
),
"periods_all" AS (
  SELECT CAST(s.p AS DATE) AS period FROM bounds CROSS JOIN LATERAL generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL '3 months') AS s(p)
),
"s0" AS (
  SELECT period, sum(v0) AS m0
  FROM (SELECT g.period AS period, k._a, k.v0 FROM "s0_kept" AS k JOIN (SELECT period, lead(period) OVER (ORDER BY period) AS _next FROM (SELECT DISTINCT period FROM "s0_kept") AS kd) AS n ON n.period = k.period JOIN "periods_all" AS g ON g.period >= k.period AND (n._next IS NULL OR g.period < n._next)) AS r
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
SELECT c.period, unnest(ARRAY[0, 1]) AS "$ord", unnest(ARRAY['arr_end', 'hostile']) AS "kpi", unnest(ARRAY[CAST(c."s0__m0" AS DOUBLE PRECISION), CAST(c."s2__m2" AS DOUBLE PRECISION)]) AS "value", unnest(ARRAY[CAST(c."s0__m0" AS TEXT), CAST(NULL AS TEXT)]) AS "exact value", unnest(ARRAY[c."s_arr_snapshots", c."s_opportunities"]) AS "$in"
  FROM cells AS c
) AS results
WHERE "$in"
ORDER BY "$ord", period
