import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../generator/args.js';

describe('parseGenerateArgs', () => {
  it.each([
    [['--out', 'd'], { scale: 5000, seed: 42, outDir: 'd', format: 'csv' }],
    [['--scale', '3000', '--seed', '7', '--out', 'x/y', '--format', 'both'], { scale: 3000, seed: 7, outDir: 'x/y', format: 'both' }],
    [['--scale=10_000_000', '--out=d', '--format=parquet'], { scale: 10_000_000, seed: 42, outDir: 'd', format: 'parquet' }],
    [['--seed', '0', '--out', 'd'], { scale: 5000, seed: 0, outDir: 'd', format: 'csv' }],
  ])('accepts %j', (argv, want) => {
    expect(parseGenerateArgs(argv)).toEqual({ kind: 'run', ...want });
  });

  it.each([
    [[], 'missing `--out DIR`: the folder to write into'],
    [['--out', 'd', '--scale', '0'], '`--scale` must be between 1 and 99999999, not 0'],
    [['--out', 'd', '--scale', '1.5'], '`--scale` must be a whole number, not `1.5`'],
    [['--out', 'd', '--scale', 'lots'], '`--scale` must be a whole number, not `lots`'],
    [['--out', 'd', '--seed', '-1'], '`--seed` must be a whole number, not `-1`'],
    [['--out', 'd', '--seed', '4294967296'], '`--seed` must be between 0 and 4294967295, not 4294967296'],
    [['--out', 'd', '--format', 'xlsx'], '`--format` must be csv, parquet or both, not `xlsx`'],
    [['--out', 'd', '--sale', '3'], 'unknown option `--sale`'],
    [['--out'], 'option `--out` needs a value'],
    [['--out', '--scale', '3'], 'option `--out` needs a value'],
    [['--out', 'a', '--out', 'b'], 'option `--out` is given twice'],
    [['data'], 'unexpected argument `data`'],
  ])('rejects %j', (argv, message) => {
    expect(parseGenerateArgs(argv)).toEqual({ kind: 'error', message });
  });

  it('asks for help', () => {
    expect(parseGenerateArgs(['--out', 'd', '--help'])).toEqual({ kind: 'help' });
  });
});
