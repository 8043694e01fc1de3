-- The snapshot of the hand-written point-in-time SQL (after points.sql, before kpis.sql): each
-- deal's *versions* — its values from one change instant to the next: before a field's first
-- change its old value, then the last new value carried forward by one window pass — joined to
-- the points where they hold (a version starts before the instant x and ends at or after it).
  changes AS (
    SELECT opportunity_id, changed_at,
      max(new_value) FILTER (WHERE field = 'stage') AS stage,
      CAST(max(new_value) FILTER (WHERE field = 'amount') AS DOUBLE) AS amount,
      CAST(max(new_value) FILTER (WHERE field = 'close_date') AS DATE) AS close_date
    FROM hist GROUP BY ALL),
  firsts AS (
    SELECT opportunity_id,
      arg_min(old_value, changed_at) FILTER (WHERE field = 'stage') AS stage,
      CAST(arg_min(old_value, changed_at) FILTER (WHERE field = 'amount') AS DOUBLE) AS amount,
      CAST(arg_min(old_value, changed_at) FILTER (WHERE field = 'close_date') AS DATE) AS close_date
    FROM hist GROUP BY ALL),
  seq AS (
    SELECT o.opportunity_id, NULL::TIMESTAMP AS ts, coalesce(f.stage, o.stage) AS stage,
      coalesce(f.amount, o.amount) AS amount, coalesce(f.close_date, o.close_date) AS close_date
    FROM opps o LEFT JOIN firsts f ON f.opportunity_id = o.opportunity_id
    UNION ALL
    SELECT opportunity_id, changed_at, stage, amount, close_date FROM changes),
  versions AS (
    SELECT opportunity_id, coalesce(ts, TIMESTAMP '0001-01-01') AS vf, coalesce(lead(ts) OVER w, TIMESTAMP '9999-12-31') AS vt,
      last_value(stage IGNORE NULLS) OVER w AS stage, last_value(amount IGNORE NULLS) OVER w AS amount,
      last_value(close_date IGNORE NULLS) OVER w AS close_date
    FROM seq WINDOW w AS (PARTITION BY opportunity_id ORDER BY ts ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
  snap AS (
    SELECT p.period, p.period_end, p.pt, p.x, v.opportunity_id, r.region, o.created_date, v.stage, v.amount, v.close_date
    FROM versions v JOIN points p ON v.vf < p.x AND v.vt >= p.x
    JOIN opps o ON o.opportunity_id = v.opportunity_id AND CAST(o.created_date AS TIMESTAMP) < p.x
    LEFT JOIN reps r ON r.rep_id = o.owner_id),
