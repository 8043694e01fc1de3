-- The start of the hand-written point-in-time SQL (one WITH, continued by snapshot-*.sql and
-- kpis.sql): the sources, the data's last day, the quarters from the first deal's to the last
-- day's, and each quarter's end and start points as the instant x that ends them (exclusive; the
-- end point stops at the data's last day).
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
  points AS (
    SELECT q.period, q.period_end, 'end' AS pt, CAST(least(q.period_end, l.d) + 1 AS TIMESTAMP) AS x FROM quarters q, last_day l
    UNION ALL
    SELECT q.period, q.period_end, 'start', CAST(q.period AS TIMESTAMP) FROM quarters q),
