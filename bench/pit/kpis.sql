-- The KPI layer of the hand-written point-in-time SQL (the tail of one WITH): from `snap` — every
-- deal as it stood at each quarter's end and start points (period, period_end, pt, x,
-- opportunity_id, region, created_date, stage, amount, close_date) — to the 12 KPIs in long
-- format (kpi, period, region, value) over kpic's grid. Preceded by snapshot-versions.sql or
-- snapshot-spells.sql, which build `snap` two different ways.
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
