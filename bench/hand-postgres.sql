-- The 13 benchmark KPIs by month and region, written by hand for PostgreSQL: the numbers
-- `kpic run --engine postgres --grain month --by region` must give over the same tables
-- (bench/postgres.js loads them and sets the search path to their schema).
--
-- The same semantics as bench/hand.sql (DuckDB): opportunities join reps many-to-one keeping
-- unmatched rows (null region); close_date anchors everything but pipeline_created; the grid is
-- every month from the first to the last month of either anchor × every region seen; counts and
-- sums are 0 in empty cells, avg/median/max null; a ratio over 0 is null. One scan per anchor
-- with FILTER clauses; the median by percentile_cont on doubles (as DuckDB's median of doubles).
WITH
by_close AS (
  SELECT
    o.close_date - (extract(day FROM o.close_date)::integer - 1) AS period,
    r.region,
    sum(o.amount) FILTER (WHERE o.stage = 'Closed Won') AS bookings,
    sum(o.amount) FILTER (WHERE o.stage = 'Closed Won' AND o.type = 'New Business') AS new_logo_bookings,
    avg(o.amount::double precision) FILTER (WHERE o.stage = 'Closed Won') AS avg_deal_size,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY o.amount::double precision) FILTER (WHERE o.stage = 'Closed Won') AS median_deal_size,
    max(o.amount) FILTER (WHERE o.stage = 'Closed Won') AS max_deal,
    count(*) FILTER (WHERE o.stage = 'Closed Won') AS won_deals,
    count(*) FILTER (WHERE o.stage IN ('Closed Won', 'Closed Lost')) AS closed_deals,
    avg((o.close_date - o.created_date)::double precision) FILTER (WHERE o.stage = 'Closed Won') AS avg_cycle_days,
    count(DISTINCT o.account_id) FILTER (WHERE o.stage = 'Closed Won') AS accounts_won,
    sum(o.amount) FILTER (WHERE o.stage NOT IN ('Closed Won', 'Closed Lost')) AS open_pipeline
  FROM opportunities AS o
  LEFT JOIN reps AS r ON o.owner_id = r.rep_id
  WHERE o.close_date IS NOT NULL
  GROUP BY 1, 2
),
by_created AS (
  SELECT o.created_date - (extract(day FROM o.created_date)::integer - 1) AS period, r.region, sum(o.amount) AS pipeline_created
  FROM opportunities AS o
  LEFT JOIN reps AS r ON o.owner_id = r.rep_id
  WHERE o.created_date IS NOT NULL
  GROUP BY 1, 2
),
months AS (
  SELECT g::date AS period
  FROM (SELECT min(period) AS lo, max(period) AS hi FROM (SELECT period FROM by_close UNION ALL SELECT period FROM by_created) AS p) AS b
  CROSS JOIN LATERAL generate_series(b.lo::timestamp, b.hi::timestamp, INTERVAL '1 month') AS g
),
regions AS (
  SELECT region FROM by_close UNION SELECT region FROM by_created
),
cells AS (
  SELECT
    m.period,
    g.region,
    coalesce(c.bookings, 0)::double precision AS bookings,
    coalesce(c.new_logo_bookings, 0)::double precision AS new_logo_bookings,
    (coalesce(c.bookings, 0)::double precision / nullif(sum(coalesce(c.bookings, 0)) OVER (PARTITION BY m.period), 0)::double precision) AS bookings_share,
    c.avg_deal_size,
    c.median_deal_size,
    c.max_deal::double precision AS max_deal,
    coalesce(c.won_deals, 0)::double precision AS won_deals,
    coalesce(c.closed_deals, 0)::double precision AS closed_deals,
    c.won_deals::double precision / nullif(c.closed_deals, 0) AS win_rate,
    c.avg_cycle_days,
    coalesce(c.accounts_won, 0)::double precision AS accounts_won,
    coalesce(p.pipeline_created, 0)::double precision AS pipeline_created,
    coalesce(c.open_pipeline, 0)::double precision AS open_pipeline
  FROM months AS m
  CROSS JOIN regions AS g
  LEFT JOIN by_close AS c ON c.period = m.period AND c.region IS NOT DISTINCT FROM g.region
  LEFT JOIN by_created AS p ON p.period = m.period AND p.region IS NOT DISTINCT FROM g.region
)
SELECT v.kpi, to_char(c.period, 'YYYY-MM-DD') AS period, c.region, v.value
FROM cells AS c
CROSS JOIN LATERAL (VALUES
  ('bookings', c.bookings), ('new_logo_bookings', c.new_logo_bookings), ('bookings_share', c.bookings_share),
  ('avg_deal_size', c.avg_deal_size), ('median_deal_size', c.median_deal_size), ('max_deal', c.max_deal),
  ('won_deals', c.won_deals), ('closed_deals', c.closed_deals), ('win_rate', c.win_rate),
  ('avg_cycle_days', c.avg_cycle_days), ('accounts_won', c.accounts_won), ('pipeline_created', c.pipeline_created),
  ('open_pipeline', c.open_pipeline)
) AS v(kpi, value)
ORDER BY v.kpi, c.period, c.region NULLS LAST;
