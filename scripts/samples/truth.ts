/**
 * The truth records the samples are drawn from (shared/reference/truth-2024.json), typed just
 * enough for the generator. The generator never changes a value: it draws them as printed.
 */
import { readFileSync } from 'node:fs';

export interface TruthFunding {
  total: number | null;
  central: number | null;
  provincial: number | null;
  municipal: number | null;
  selfRaised: number | null;
  other: number | null;
}

export interface TruthIndicator {
  period: 'implementation' | 'annual';
  level1: string;
  level2: string;
  name: string;
  value: string;
}

export interface TruthRecord {
  title: string;
  year: number;
  projectName: string;
  department: { code: string; name: string };
  implementingUnit: string;
  attribute: string;
  period: string;
  funding: { implementation: TruthFunding; annual: TruthFunding };
  overview: string;
  basis: string;
  necessity: string;
  safeguards: string;
  plan: string;
  goals: { implementation: string; annual: string };
  indicators: TruthIndicator[];
}

/** Reads the truth file; the raw JSON objects are returned too so the manifest copies them verbatim. */
export function readTruth(path: string): { records: TruthRecord[]; raw: unknown[] } {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a JSON list of records`);
  return { records: raw as TruthRecord[], raw };
}
