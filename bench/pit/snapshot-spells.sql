-- The snapshot of the hand-written point-in-time SQL, by another technique than kpic's (after
-- points.sql, before kpis.sql): each tracked field's history becomes *spells* — the value from
-- one change to the next, and before the first change its old value — which are joined to the
-- points and pivoted per deal; a deal without a change of a field keeps the export's value. A
-- change counts at a point when it is before the instant x that ends the point's day.
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
