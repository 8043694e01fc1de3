/**
 * Delivering evaluated alerts: each firing alert to each of its addressees — people by e-mail
 * file in the outbox, channels by webhook and/or e-mail — unless the sent state says that
 * addressee was already told of this episode at this severity; nodes where an alert stopped
 * firing are cleared. A failed delivery is reported and not recorded, so the next run retries it.
 */
import { mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { writeTextAtomically } from '../results/write-atomic.js';
import type { CommentLine } from '../scorecard/report.js';
import type { DeliveryConfig } from './delivery-config.js';
import type { AlertEvaluation, Firing } from './evaluate.js';
import { alertJson, alertText, subjectOf } from './message.js';
import type { Addressee } from './routing.js';
import type { AlertState } from './state.js';

/** What happened to one alert for one addressee. */
export interface Outcome {
  readonly firing: Firing;
  readonly addressee: Addressee;
  /** `sent` now; `held`: already told of this episode; `failed`: `why`. */
  readonly status: 'sent' | 'held' | 'failed';
  /** Where it went (files written, URLs posted to). */
  readonly where: readonly string[];
  readonly why?: string | undefined;
}

/** What a dispatch did. */
export interface Dispatch {
  readonly outcomes: readonly Outcome[];
  /** Alerts that stopped firing at a node (their episode closed). */
  readonly cleared: readonly { readonly alert: string; readonly node: string }[];
}

/** What dispatching needs besides the evaluations. */
export interface DispatchOptions {
  readonly config: DeliveryConfig;
  readonly state: AlertState;
  readonly now: () => Date;
  readonly currency: string;
  /** Commentary on a firing's figures. */
  readonly notes: (f: Firing) => readonly CommentLine[];
}

const idOf = (a: Addressee): string => (a.kind === 'person' ? `person:${a.member}` : `channel:${a.channel}`);
const slug = (text: string): string =>
  text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'x';

function emailFile(f: Firing, to: string, from: string, at: Date, body: string): string {
  const id = createHash('sha256').update(`${f.alert}|${f.node.key}|${to}|${at.toISOString()}`).digest('hex').slice(0, 24);
  const subject = subjectOf(f);
  const encoded = /^[\x20-\x7e]*$/.test(subject) ? subject : `=?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`;
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${encoded}`,
    `Date: ${at.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@kpic>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    `X-Kpic-Alert: ${f.alert}`,
    `X-Kpic-Severity: ${f.severity}`,
    '',
    body.replace(/\n/g, '\r\n'),
  ].join('\r\n');
}

async function writeEmail(o: DispatchOptions, f: Firing, to: string, at: Date, body: string): Promise<string> {
  mkdirSync(o.config.outbox, { recursive: true });
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const file = path.join(o.config.outbox, `${stamp}-${slug(f.alert)}-${slug(f.node.label)}-${slug(to)}.eml`);
  await writeTextAtomically(file, emailFile(f, to, o.config.from, at, body));
  return file;
}

async function postWebhook(url: string, payload: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'kpic-alerts' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the webhook answered ${response.status} ${response.statusText}`);
}

async function deliverOne(o: DispatchOptions, f: Firing, a: Addressee, at: Date): Promise<string[] | string> {
  const notes = o.notes(f);
  const text = alertText(f, notes, o.currency);
  try {
    if (a.kind === 'person') {
      const address = o.config.address(a.member);
      if (address === undefined) return `no address for ${a.member}: set \`people\` in the delivery file`;
      return [await writeEmail(o, f, address, at, text)];
    }
    const target = o.config.channels.get(a.channel);
    if (target === undefined) return `channel \`${a.channel}\` is not set up in the delivery file`;
    const where: string[] = [];
    if (target.webhook !== undefined) {
      await postWebhook(target.webhook, { ...alertJson(f, notes, o.currency), channel: a.channel, text });
      where.push(target.webhook);
    }
    if (target.email !== undefined) where.push(await writeEmail(o, f, target.email, at, text));
    return where;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Delivers what is due and updates the sent state. */
export async function dispatchAlerts(evaluations: readonly AlertEvaluation[], o: DispatchOptions): Promise<Dispatch> {
  const outcomes: Outcome[] = [];
  const cleared: { alert: string; node: string }[] = [];
  for (const ev of evaluations) {
    const firingAt = new Set(ev.firing.map((f) => f.node.key));
    // Only a decided node clears: a figure that is missing says nothing about the alert.
    for (const n of ev.nodes)
      if (n.decided && !firingAt.has(n.key) && o.state.clear(ev.alert, n.key)) cleared.push({ alert: ev.alert, node: n.label });
    for (const f of ev.firing) {
      const at = o.now();
      const episode = o.state.open(f.alert, f.node.key, f.severity, at.toISOString());
      for (const a of f.to) {
        if (o.state.delivered(episode, idOf(a))) {
          outcomes.push({
            firing: f,
            addressee: a,
            status: 'held',
            where: [],
            why: `already sent for this episode (firing since ${episode.openedAt})`,
          });
          continue;
        }
        const result = await deliverOne(o, f, a, at);
        if (typeof result === 'string') outcomes.push({ firing: f, addressee: a, status: 'failed', where: [], why: result });
        else {
          o.state.record(episode, idOf(a), result.join(' '), at.toISOString());
          outcomes.push({ firing: f, addressee: a, status: 'sent', where: result });
        }
      }
    }
  }
  return { outcomes, cleared };
}
