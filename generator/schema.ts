/**
 * The tables the generator writes: file names, column order and column types. The CSV header,
 * the Parquet conversion and the data-dictionary test all read this one list.
 */

/** How a column's text is to be read. Money has two decimals; a fraction lies in 0–1. */
export type ColumnType = 'string' | 'integer' | 'money' | 'fraction' | 'date' | 'timestamp';

/** One column of a generated table. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

/** Every table name, in the order the summary lists them. */
export const TABLE_NAMES = [
  'reps',
  'rep_assignments',
  'accounts',
  'leads',
  'opportunities',
  'opportunity_history',
  'opportunity_stage_history',
  'opportunity_splits',
  'activities',
  'forecasts',
  'quotas',
  'arr_ledger',
  'invoices',
  'revenue_schedule',
  'nps_responses',
  'training_completions',
  'planted',
] as const;

/** The name of a generated table. */
export type TableName = (typeof TABLE_NAMES)[number];

const s = (name: string): ColumnSpec => ({ name, type: 'string' });
const i = (name: string): ColumnSpec => ({ name, type: 'integer' });
const m = (name: string): ColumnSpec => ({ name, type: 'money' });
const f = (name: string): ColumnSpec => ({ name, type: 'fraction' });
const d = (name: string): ColumnSpec => ({ name, type: 'date' });
const t = (name: string): ColumnSpec => ({ name, type: 'timestamp' });

/** The columns of every table, in file order. */
export const TABLES = {
  reps: [s('rep_id'), s('name'), s('role'), s('team'), s('region'), s('manager_id'), d('hire_date'), d('leave_date')],
  rep_assignments: [s('rep_id'), s('team'), s('region'), s('manager_id'), d('valid_from'), d('valid_to')],
  accounts: [
    s('account_id'),
    s('name'),
    s('segment'),
    s('industry'),
    s('region'),
    i('employees'),
    d('created_date'),
    s('parent_account_id'),
  ],
  leads: [
    s('lead_id'),
    s('sdr_id'),
    s('source'),
    t('created_at'),
    t('first_response_at'),
    d('mql_date'),
    d('sql_date'),
    s('converted_opportunity_id'),
    s('status'),
  ],
  opportunities: [
    s('opportunity_id'),
    s('account_id'),
    s('owner_id'),
    s('type'),
    s('stage'),
    m('amount'),
    d('created_date'),
    d('close_date'),
    s('forecast_category'),
    s('lead_source'),
    s('product_line'),
    i('contract_term_months'),
    f('discount'),
    s('next_step'),
    s('loss_reason'),
    d('cancelled_date'),
  ],
  opportunity_history: [s('opportunity_id'), t('changed_at'), s('field'), s('old_value'), s('new_value')],
  opportunity_stage_history: [s('opportunity_id'), s('stage'), d('entered_date'), d('exited_date')],
  opportunity_splits: [s('opportunity_id'), s('rep_id'), f('split_share'), s('split_type')],
  activities: [s('activity_id'), s('rep_id'), s('opportunity_id'), s('account_id'), s('type'), d('activity_date')],
  forecasts: [s('rep_id'), d('week_start_date'), s('category'), m('amount'), d('quarter_start')],
  quotas: [s('rep_id'), d('quarter_start'), m('quota')],
  arr_ledger: [s('account_id'), d('month'), m('arr'), s('movement'), m('delta')],
  invoices: [s('invoice_id'), s('account_id'), s('opportunity_id'), d('invoice_date'), m('amount'), d('paid_date')],
  revenue_schedule: [s('opportunity_id'), d('month'), m('recognized_amount')],
  nps_responses: [s('response_id'), s('account_id'), d('response_date'), i('score')],
  training_completions: [s('rep_id'), s('course'), d('completed_date')],
  planted: [s('quirk'), s('record_id'), s('other_id')],
} as const satisfies Record<TableName, readonly ColumnSpec[]>;
