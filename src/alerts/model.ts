/**
 * Alert documents, checked: the condition compiled to a json-rules-engine condition tree over
 * named facts (each fact a KPI-level expression, or the status of a KPI, at one node and period),
 * where it is evaluated (levels of a hierarchy, an optional condition on levels), its severity
 * and routing, and an optional escalation. Plain data (the engine's conditions are JSON).
 */
import type { Span } from '../diagnostics/span.js';
import type { PeriodGrain } from '../periods/period.js';
import type { KpiExpr, RowExpr } from '../resolve/types.js';

/** How serious an alert is, in rising order. */
export const SEVERITIES = ['info', 'warning', 'critical'] as const;

/** A severity. */
export type Severity = (typeof SEVERITIES)[number];

/** Who is told: the node's managers, the managers one level up, or the owners of the KPIs named. */
export type Recipient = 'manager' | 'next_manager' | 'owner';

/** A value the condition reads at a node: a KPI-level expression, or a KPI's status there. */
export type Fact =
  | { readonly kind: 'value'; readonly id: string; readonly text: string; readonly expr: KpiExpr; readonly span: Span }
  | { readonly kind: 'status'; readonly id: string; readonly text: string; readonly kpi: string; readonly span: Span };

/** A json-rules-engine condition (`all`/`any`/`not`, or a fact compared with a value or another fact). */
export type RuleCondition =
  | { readonly all: readonly RuleCondition[] }
  | { readonly any: readonly RuleCondition[] }
  | { readonly not: RuleCondition }
  | {
      readonly fact: string;
      readonly operator: string;
      readonly value: number | string | boolean | null | readonly (number | string | boolean | null)[] | { readonly fact: string };
    };

/** A compiled condition: the engine's tree and the facts it reads. */
export interface CompiledCondition {
  readonly condition: RuleCondition;
  readonly facts: readonly Fact[];
  /** KPIs the condition names (for routing to owners and for commentary). */
  readonly kpis: readonly string[];
}

/** How an alert routes. */
export interface Routing {
  readonly severity: Severity;
  readonly to: readonly Recipient[];
  readonly channels: readonly string[];
}

/** A checked alert. */
export interface AlertDef {
  readonly kind: 'alert';
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly when: CompiledCondition & { readonly text: string };
  readonly hierarchy: string;
  /** Level indexes of the hierarchy it is evaluated at. */
  readonly levels: readonly number[];
  readonly where: RowExpr | undefined;
  readonly grain: PeriodGrain;
  readonly routing: Routing;
  readonly escalate: (Routing & { readonly when: CompiledCondition & { readonly text: string } }) | undefined;
  readonly span: Span;
}
