/**
 * The indicator skeleton a form prints: its year's level-1 headings and level-2 categories, all of
 * them (empty categories print as a bare level-2 label, as the reference forms do) or only those
 * that hold an indicator on either side (producers that leave empty categories out).
 */
import type { TruthRecord } from '../samples/truth.ts';
import { categoriesForYear } from './vocabulary.ts';

export type Skeleton = Array<[string, string[]]>;

export function skeletonOf(record: TruthRecord, emptyCategories: boolean): Skeleton {
  const used = (l1: string, category: string) => record.indicators.some((i) => i.level1 === l1 && i.level2 !== '' && category.startsWith(i.level2));
  return categoriesForYear(record.year)
    .map(([l1, cats]): [string, string[]] => [l1, cats.filter((c) => emptyCategories || used(l1, c))])
    .filter(([, cats]) => cats.length > 0);
}
