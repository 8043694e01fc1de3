-- The point-in-time benchmark's KPIs written by hand in DuckDB SQL, by quarter and region, in
-- long format (kpi, period, region, value) over the same grid as kpic: every quarter from the
-- first deal's to the data's last day's, times every region (null for owners missing from reps).
--
-- A different technique from kpic's: each tracked field's history becomes *spells* (the value
-- from one change to the next; before the first change, its old value), spells are joined to the
-- quarter's points and pivoted per deal, and deals without a change of a field keep the export's
-- value. A point is the end of a day: a change counts when it is before the next day's midnight.
WITH
  opps AS (SELECT * FROM 'opportunities.parquet'),
  hist AS (SELECT * FROM 'opportunity_history.parquet'),
  reps AS (SELECT * FROM 'reps.parquet'),
  last_day AS (
    SELECT greatest((SELECT max(created_date) FROM opps), (SELECT CAST(max(changed_at) AS DATE) FROM hist)) AS d),
  quarters AS (
    SELECT CAST(q AS DATE) AS period, CAST(q + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS period_end
    FROM range(CAST(date_trunc('quarter', (SELECT min(created_date) FROM opps)) AS TIMESTAMP),
               CAST(date_trunc('quarter', (SELECT d FROM last_day)) AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 3 MONTH) t(q)),
  -- x: the instant a point ends (exclusive); the end point stops at the data's last day.
  points AS (
    SELECT q.period, q.period_end, 'end' AS pt, CAST(least(q.period_end, l.d) + 1 AS TIMESTAMP) AS x FROM quarters q, last_day l
    UNION ALL
    SELECT q.period, q.period_end, 'start', CAST(q.period AS TIMESTAMP) FROM quarters q),
  numbered AS (
    SELECT opportunity_id, field, changed_at, old_value, new_value,
      lead(changed_at) OVER (PARTITION BY opportunity_id, field ORDER BY changed_at) AS next_at,
      row_number() OVER (PARTITION BY opportunity_id, field ORDER BY changed_at) AS rn
    FROM hist),
  spells AS (
    SELECT opportunity_id, field, changed_at AS f, coalesce(next_at, TIMESTAMP '9999-12-31') AS t, new_value AS v FROM numbered
    UNION ALL
    SELECT opportunity_id, field, TIMESTAMP '0001-01-01', changed_at, old_value FROM numbered WHERE rn = 1),
  at_points AS (
    SELECT p.period, p.pt, s.opportunity_id,
      count(*) FILTER (WHERE s.field = 'stage') AS has_stage, max(s.v) FILTER (WHERE s.field = 'stage') AS stage,
      count(*) FILTER (WHERE s.field = 'amount') AS has_amount, max(s.v) FILTER (WHERE s.field = 'amount') AS amount,
      count(*) FILTER (WHERE s.field = 'close_date') AS has_close, max(s.v) FILTER (WHERE s.field = 'close_date') AS close_date
    FROM points p JOIN spells s ON s.f < p.x AND s.t >= p.x
    GROUP BY ALL),
  snap AS (
    SELECT p.period, p.period_end, p.pt, p.x, o.opportunity_id, r.region, o.created_date,
      CASE WHEN a.has_stage > 0 THEN a.stage ELSE o.stage END AS stage,
      CASE WHEN a.has_amount > 0 THEN CAST(a.amount AS DOUBLE) ELSE o.amount END AS amount,
      CASE WHEN a.has_close > 0 THEN CAST(a.close_date AS DATE) ELSE o.close_date END AS close_date
    FROM points p JOIN opps o ON CAST(o.created_date AS TIMESTAMP) < p.x
    LEFT JOIN at_points a ON a.period = p.period AND a.pt = p.pt AND a.opportunity_id = o.opportunity_id
    LEFT JOIN reps r ON r.rep_id = o.owner_id),
  flagged AS (
    SELECT *, coalesce(amount, 0) AS value, stage NOT IN ('Closed Won', 'Closed Lost') AS open,
      close_date BETWEEN period AND period_end AS in_period
    FROM snap),
  e AS (SELECT * FROM flagged WHERE pt = 'end'),
  s AS (SELECT * FROM flagged WHERE pt = 'start'),
  moves AS (
    SELECT e.period, e.region, e.open, e.amount, e.created_date, e.x,
      e.value AS ve, s.value AS vs,
      e.open AND e.in_period AS due,
      e.stage = 'Closed Won' AND e.in_period AS won_in,
      e.stage = 'Closed Lost' AND e.in_period AS lost_in,
      coalesce(s.open AND s.in_period, false) AS was_due
    FROM e LEFT JOIN s ON s.period = e.period AND s.opportunity_id = e.opportunity_id),
  ends AS (
    SELECT period, region,
      sum(amount) FILTER (WHERE open) AS open_pipeline_eop,
      CAST(count(*) FILTER (WHERE open) AS DOUBLE) AS open_deals_eop,
      avg(date_diff('day', created_date, CAST(x AS DATE) - 1)) FILTER (WHERE open) AS pipeline_age_eop,
      sum(ve) FILTER (WHERE (due OR won_in OR lost_in) AND NOT was_due AND created_date >= period) AS waterfall_created,
      sum(ve) FILTER (WHERE (due OR won_in OR lost_in) AND NOT was_due AND created_date < period) AS waterfall_pulled_in,
      sum(ve - vs) FILTER (WHERE (due OR won_in OR lost_in) AND was_due AND ve > vs) AS waterfall_increased,
      sum(vs - ve) FILTER (WHERE (due OR won_in OR lost_in) AND was_due AND ve < vs) AS waterfall_decreased,
      sum(ve) FILTER (WHERE won_in) AS waterfall_won,
      sum(ve) FILTER (WHERE lost_in) AS waterfall_lost,
      sum(vs) FILTER (WHERE was_due AND NOT (due OR won_in OR lost_in)) AS waterfall_pushed_out,
      sum(ve) FILTER (WHERE due) AS waterfall_end
    FROM moves GROUP BY ALL),
  starts AS (SELECT period, region, sum(value) FILTER (WHERE open AND in_period) AS waterfall_start FROM s GROUP BY ALL),
  regions AS (SELECT DISTINCT r.region FROM opps o LEFT JOIN reps r ON r.rep_id = o.owner_id),
  grid AS (
    SELECT q.period, g.region,
      coalesce(e.open_pipeline_eop, 0) AS open_pipeline_eop, coalesce(e.open_deals_eop, 0) AS open_deals_eop,
      e.pipeline_age_eop, coalesce(st.waterfall_start, 0) AS waterfall_start,
      coalesce(e.waterfall_created, 0) AS waterfall_created, coalesce(e.waterfall_pulled_in, 0) AS waterfall_pulled_in,
      coalesce(e.waterfall_increased, 0) AS waterfall_increased, coalesce(e.waterfall_decreased, 0) AS waterfall_decreased,
      coalesce(e.waterfall_won, 0) AS waterfall_won, coalesce(e.waterfall_lost, 0) AS waterfall_lost,
      coalesce(e.waterfall_pushed_out, 0) AS waterfall_pushed_out, coalesce(e.waterfall_end, 0) AS waterfall_end
    FROM quarters q CROSS JOIN regions g
    LEFT JOIN ends e ON e.period = q.period AND e.region IS NOT DISTINCT FROM g.region
    LEFT JOIN starts st ON st.period = q.period AND st.region IS NOT DISTINCT FROM g.region)
SELECT kpi, strftime(period, '%Y-%m-%d') AS period, region, value
FROM grid UNPIVOT INCLUDE NULLS (value FOR kpi IN (
  open_pipeline_eop, open_deals_eop, pipeline_age_eop, waterfall_start, waterfall_created, waterfall_pulled_in, waterfall_increased, waterfall_decreased, waterfall_won, waterfall_lost, waterfall_pushed_out, waterfall_end))
ORDER BY kpi, period, region;
