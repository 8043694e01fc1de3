/**
 * Where alerts go, for `kpic alerts --deliver FILE`: a folder of e-mail files (an outbox that a
 * mail relay or a person picks up), the address of each person of the organisation (a template
 * over their member key), and what each named channel is — a webhook, an e-mail address, or both.
 * Deployment settings, not catalog content: the catalog names channels, this file wires them.
 *
 * ```yaml
 * outbox: outbox                     # relative to this file
 * from: kpic@acme.example
 * people: "{member}@acme.example"    # or a mapping: { REP-00002: tariq@acme.example, default: "{member}@…" }
 * channels:
 *   sales_ops: { webhook: "http://127.0.0.1:8125/hooks/sales-ops", email: sales-ops@acme.example }
 * ```
 */
import path from 'node:path';
import { parse } from 'yaml';

/** Where one channel goes. */
interface ChannelTarget {
  readonly webhook?: string | undefined;
  readonly email?: string | undefined;
}

/** A delivery configuration. */
export interface DeliveryConfig {
  /** Absolute folder of e-mail files. */
  readonly outbox: string;
  readonly from: string;
  /** A person's address by member key, or undefined when none can be made. */
  address(member: string): string | undefined;
  readonly channels: ReadonlyMap<string, ChannelTarget>;
}

const fill = (template: string, member: string): string => template.replaceAll('{member}', member);

function isUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads a configuration's text (`file` resolves the outbox); problems are one line each. */
export function parseDeliveryConfig(text: string, file: string): DeliveryConfig | { readonly problems: readonly string[] } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { problems: [`not valid YAML: ${(e as Error).message.split('\n')[0] ?? ''}`] };
  }
  const d = (doc ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const outbox = typeof d['outbox'] === 'string' ? d['outbox'] : 'outbox';
  const from = typeof d['from'] === 'string' ? d['from'] : 'kpic@localhost';
  const people = d['people'];
  const explicit = new Map<string, string>();
  let template: string | undefined;
  if (typeof people === 'string') template = people;
  else if (people !== undefined && people !== null && typeof people === 'object') {
    for (const [k, v] of Object.entries(people as Record<string, unknown>)) {
      if (typeof v !== 'string') problems.push(`people.${k} must be an e-mail address`);
      else if (k === 'default') template = v;
      else explicit.set(k, v);
    }
  } else if (people !== undefined) problems.push('`people` must be an address template such as "{member}@acme.example" or a mapping');
  const channels = new Map<string, ChannelTarget>();
  const raw = d['channels'];
  if (raw !== undefined && (raw === null || typeof raw !== 'object'))
    problems.push('`channels` must map channel names to { webhook, email }');
  for (const [name, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const t = (v ?? {}) as Record<string, unknown>;
    const webhook = typeof t['webhook'] === 'string' ? t['webhook'] : undefined;
    const email = typeof t['email'] === 'string' ? t['email'] : undefined;
    if (webhook !== undefined && !isUrl(webhook)) problems.push(`channels.${name}.webhook must be an http(s) URL`);
    if (webhook === undefined && email === undefined) problems.push(`channels.${name} needs a webhook or an email`);
    channels.set(name, { webhook, email });
  }
  if (problems.length > 0) return { problems };
  return {
    outbox: path.resolve(path.dirname(file), outbox),
    from,
    address: (member) => explicit.get(member) ?? (template === undefined ? undefined : fill(template, member)),
    channels,
  };
}
