/**
 * Hand-written DuckDB SQL for the example data: every deal as it stood at the end of each period
 * of the table `grid` (period, period_end) — capped at the data's last day — replayed from the
 * field history without kpic: a field's value is the new value of its last change by then, else
 * the old value of its first change, else the export's. CTEs ending in `snap` (period,
 * opportunity_id, owner_id, stage, amount, close_date).
 */

export const HISTORY_SNAPSHOT = `
  last_day AS (
    SELECT greatest((SELECT max(created_date) FROM opportunities), (SELECT CAST(max(changed_at) AS DATE) FROM opportunity_history)) AS d),
  pts AS (SELECT g.period, least(g.period_end, l.d) AS day FROM grid g, last_day l WHERE g.period <= l.d),
  upto AS (
    SELECT p.period, h.opportunity_id, h.field, h.new_value,
      row_number() OVER (PARTITION BY p.period, h.opportunity_id, h.field ORDER BY h.changed_at DESC) AS rn
    FROM pts p JOIN opportunity_history h ON h.changed_at < p.day + INTERVAL 1 DAY),
  firsts AS (
    SELECT opportunity_id, field, old_value, row_number() OVER (PARTITION BY opportunity_id, field ORDER BY changed_at) AS rn
    FROM opportunity_history),
  snap AS (
    SELECT p.period, o.opportunity_id, o.owner_id,
      CASE WHEN us.opportunity_id IS NOT NULL THEN us.new_value WHEN fs.opportunity_id IS NOT NULL THEN fs.old_value ELSE o.stage END AS stage,
      CASE WHEN ua.opportunity_id IS NOT NULL THEN CAST(ua.new_value AS DOUBLE)
        WHEN fa.opportunity_id IS NOT NULL THEN CAST(fa.old_value AS DOUBLE) ELSE o.amount END AS amount,
      CASE WHEN uc.opportunity_id IS NOT NULL THEN CAST(uc.new_value AS DATE)
        WHEN fc.opportunity_id IS NOT NULL THEN CAST(fc.old_value AS DATE) ELSE o.close_date END AS close_date
    FROM pts p JOIN opportunities o ON o.created_date <= p.day
    LEFT JOIN upto us ON us.period = p.period AND us.opportunity_id = o.opportunity_id AND us.field = 'stage' AND us.rn = 1
    LEFT JOIN firsts fs ON fs.opportunity_id = o.opportunity_id AND fs.field = 'stage' AND fs.rn = 1
    LEFT JOIN upto ua ON ua.period = p.period AND ua.opportunity_id = o.opportunity_id AND ua.field = 'amount' AND ua.rn = 1
    LEFT JOIN firsts fa ON fa.opportunity_id = o.opportunity_id AND fa.field = 'amount' AND fa.rn = 1
    LEFT JOIN upto uc ON uc.period = p.period AND uc.opportunity_id = o.opportunity_id AND uc.field = 'close_date' AND uc.rn = 1
    LEFT JOIN firsts fc ON fc.opportunity_id = o.opportunity_id AND fc.field = 'close_date' AND fc.rn = 1)`;
