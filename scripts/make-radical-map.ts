/**
 * Generates src/schema/radical-map.ts: for every assigned code point of the CJK Radicals
 * Supplement (U+2E80–U+2EF3, U+2E9A unassigned) and Kangxi Radicals (U+2F00–U+2FD5) blocks, the
 * CJK Unified Ideograph a reader of a Simplified Chinese document sees where a PDF's text layer
 * says that radical.
 *
 * Why radicals show up at all: CJK fonts map a radical code point and its ideograph to one glyph
 * (Noto Sans SC draws U+2F6C ⽬ and U+76EE 目 with the same glyph), and PDF producers that build a
 * ToUnicode map by reversing the font's cmap may pick the radical (the lower code point). So the
 * best inverse is the ideograph the font draws with the SAME glyph as the radical.
 *
 * Method, for each radical R:
 *   1. candidate E = Unicode's EquivalentUnifiedIdeograph (EUI) for R (none only for U+2E80).
 *   2. the font check, against Noto Sans SC (@expo-google-fonts/noto-sans-sc, 400 Regular):
 *      T = the unified ideographs in the allowed blocks (URO U+4E00–U+9FFF, Ext A U+3400–U+4DBF,
 *      Ext B U+20000–U+2A6DF) whose glyph id equals R's glyph id.
 *      - E in T: E (EUI confirmed by the font).
 *      - T not empty, E not in T: the first of T (URO, then Ext A, then Ext B, lowest code point).
 *        This is how ⼾ becomes 户 and not EUI/NFKC's 戶: the SC font draws ⼾ with 户's glyph.
 *        Also ⺩ (JADE, form used on the left) → 𤣩 U+248E9 rather than EUI's 王: the glyph is 𤣩's
 *        (NamesList cross-refers both). Where the font draws a Kangxi radical with a traditional
 *        ideograph's glyph (⾨ 門, ⾧ 長, ⾞ 車), that traditional ideograph is what is drawn and stays.
 *      - T empty (the font draws R with a glyph of its own): E.
 *        The brief's extra rule, "prefer the simplified form when E is traditional and the SC font
 *        draws its simplified counterpart identically", is covered by the glyph search above (a
 *        simplified ideograph drawn with R's glyph is in T). The script also checks E's own glyph:
 *        if another allowed ideograph shares it, it is reported (it never happens with this font).
 *   3. MANUAL overrides (below, each with its reason) win over 1–2. Every override is reported.
 *   Supplement radicals that are pure components with no standalone ideograph of their own shape
 *   (⺌ ⺗ ⺧ ⺬ ⺶ ⺻ ⻗ …) keep the closest ideograph EUI gives (⺗ → 心, ⻗ → 雨), as the brief asks.
 *   Targets outside the allowed blocks are refused (EUI's 𫜹 for ⺕ is Ext C: the font check gives
 *   彐; ⺍ shares its glyph with 𭕄, Ext F, so it keeps EUI's 小).
 *
 * Inputs:
 *   --ucd DIR   Unicode Character Database folder holding EquivalentUnifiedIdeograph.txt and
 *               UnicodeData.txt. Default /usr/share/unicode (Debian's `unicode-data` package:
 *               `apt-get install unicode-data`, or without installing:
 *               `apt-get download unicode-data && dpkg-deb -x unicode-data_*.deb x` then
 *               `--ucd x/usr/share/unicode`). The table in the repository was made from UCD 15.0.0.
 *   --font TTF  default node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf
 *   --out FILE  default src/schema/radical-map.ts
 *   --check     do not write; exit 1 when the file on disk differs from what would be written.
 *
 * Run: npx tsx scripts/make-radical-map.ts [--ucd DIR]
 * The project never reads the UCD or the font at run time: the generated table is committed.
 */
import * as fontkitNs from '@pdf-lib/fontkit';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

type FontkitModule = typeof fontkitNs;
const fontkit: FontkitModule = (fontkitNs as unknown as { default?: FontkitModule }).default ?? fontkitNs;

/** The blocks, assigned code points only (U+2E9A is unassigned). */
const RADICAL_BLOCKS: ReadonlyArray<{ name: string; first: number; last: number; unassigned: readonly number[] }> = [
  { name: 'CJK Radicals Supplement', first: 0x2e80, last: 0x2ef3, unassigned: [0x2e9a] },
  { name: 'Kangxi Radicals', first: 0x2f00, last: 0x2fd5, unassigned: [] },
];

/** Where a target may lie: URO, Ext A, Ext B (in search order). */
const ALLOWED_TARGETS: ReadonlyArray<{ name: string; first: number; last: number }> = [
  { name: 'URO', first: 0x4e00, last: 0x9fff },
  { name: 'Ext A', first: 0x3400, last: 0x4dbf },
  { name: 'Ext B', first: 0x20000, last: 0x2a6df },
];
const isAllowedTarget = (cp: number): boolean => ALLOWED_TARGETS.some((r) => cp >= r.first && cp <= r.last);

/**
 * Manual overrides. Each was checked by drawing the radical's glyph in Noto Sans SC next to the
 * candidates (the outlines were rendered and compared by eye; none of these pairs shares a glyph id).
 */
const OVERRIDES: ReadonlyMap<number, { target: string; reason: string }> = new Map([
  [
    0x2e80,
    {
      target: '冫',
      reason:
        'CJK RADICAL REPEAT has no EUI entry (a repetition mark, not a Kangxi radical form). Noto Sans SC draws ' +
        'two short stacked strokes; the closest unified ideograph by shape is 冫 (U+51AB, two stacked strokes). ' +
        'A pure component: a best-shape approximation.',
    },
  ],
  [
    0x2eab,
    {
      target: '罒',
      reason:
        'CJK RADICAL EYE (form used at top): EUI gives 目, the radical it stands for, but Noto Sans SC draws it ' +
        'with the very glyph it uses for ⺲ (U+2EB2, EUI 罒), the sideways-eye shape; NamesList cross-refers ' +
        'U+7F52 罒. A reader sees 罒, never 目.',
    },
  ],
  [
    0x2ebc,
    {
      target: '月',
      reason:
        'CJK RADICAL MEAT: EUI gives 肉, the radical it stands for, but the glyph is the 月 shape (as ⺝ MOON, ' +
        'EUI 月). A reader sees 月, and a font that shares this glyph with an ideograph shares it with 月 (肉 ' +
        'looks nothing like it).',
    },
  ],
  [
    0x2ecf,
    {
      target: '阝',
      reason:
        'CJK RADICAL CITY (form used on right side): EUI gives 邑, the radical it stands for, but the glyph is ' +
        'the 阝 shape; U+961D 阝 is the unified ideograph of that shape (⻖ maps to it by EUI and by glyph). ' +
        'A reader sees 阝.',
    },
  ],
]);

function args(): { ucd: string; font: string; out: string; check: boolean } {
  const argv = process.argv.slice(2);
  const get = (flag: string, dflt: string): string => {
    const i = argv.indexOf(flag);
    if (i < 0) return dflt;
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  return {
    ucd: get('--ucd', '/usr/share/unicode'),
    font: get('--font', 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    out: get('--out', 'src/schema/radical-map.ts'),
    check: argv.includes('--check'),
  };
}

function readUcd(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new Error(
      `${path} not found: pass --ucd DIR (a Unicode Character Database folder; Debian's unicode-data package)`,
    );
  }
  return readFileSync(path, 'utf8');
}

/** EquivalentUnifiedIdeograph.txt: `2E8C..2E8D ; 5C0F # ...`. Also returns the file's version line. */
function parseEui(text: string): { map: Map<number, number>; version: string } {
  const map = new Map<number, number>();
  const version = (text.split('\n', 1)[0] ?? '').replace(/^#\s*/, '').trim();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [range, target] = line.split(';').map((s) => s.trim());
    if (!range || !target) throw new Error(`bad EUI line: ${raw}`);
    const [a, b] = range.split('..');
    const first = parseInt(a!, 16);
    const last = parseInt(b ?? a!, 16);
    for (let cp = first; cp <= last; cp++) map.set(cp, parseInt(target, 16));
  }
  return { map, version };
}

/** UnicodeData.txt names of the radical blocks (to list the assigned ones and label entries). */
function parseNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [hex, name] = line.split(';');
    if (!hex || !name) continue;
    const cp = parseInt(hex, 16);
    if (cp >= 0x2e80 && cp <= 0x2fdf) names.set(cp, name);
  }
  return names;
}

const hex = (cp: number): string => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
const chr = (cp: number): string => String.fromCodePoint(cp);

interface Entry {
  radical: number;
  name: string;
  target: number;
  basis: string;
}

function build(): { entries: Entry[]; notes: string[]; euiVersion: string; fontLabel: string } {
  const opts = args();
  const { map: eui, version: euiVersion } = parseEui(readUcd(opts.ucd, 'EquivalentUnifiedIdeograph.txt'));
  const names = parseNames(readUcd(opts.ucd, 'UnicodeData.txt'));
  const font = fontkit.create(readFileSync(opts.font));
  const fontLabel = `${font.fullName} (${font.version})`.replace(/\s+/g, ' ');

  // Glyph id -> allowed ideographs drawn with it, in search order (URO, Ext A, Ext B; ascending).
  const byGlyph = new Map<number, number[]>();
  for (const r of ALLOWED_TARGETS) {
    for (let cp = r.first; cp <= r.last; cp++) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const id = font.glyphForCodePoint(cp).id;
      const list = byGlyph.get(id);
      if (list) list.push(cp);
      else byGlyph.set(id, [cp]);
    }
  }
  // Glyph ids of ideographs outside the allowed blocks (Ext C…), to report refused twins.
  const outsideTwins = (glyph: number): number[] => {
    const found: number[] = [];
    for (let cp = 0x2a700; cp <= 0x323af; cp++) {
      if (font.hasGlyphForCodePoint(cp) && font.glyphForCodePoint(cp).id === glyph) found.push(cp);
    }
    return found;
  };

  const entries: Entry[] = [];
  const notes: string[] = [];
  for (const block of RADICAL_BLOCKS) {
    for (let cp = block.first; cp <= block.last; cp++) {
      if (block.unassigned.includes(cp)) {
        if (names.has(cp)) throw new Error(`${hex(cp)} is assigned in this UCD: update RADICAL_BLOCKS`);
        continue;
      }
      const name = names.get(cp);
      if (!name) throw new Error(`${hex(cp)} is not assigned in this UCD`);
      const e = eui.get(cp);
      const glyph = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).id : null;
      const twins = glyph === null ? [] : (byGlyph.get(glyph) ?? []);
      const euiText = e === undefined ? 'no EUI' : `EUI ${chr(e)} ${hex(e)}`;

      // What EUI and the font say, before any override.
      let auto: number | undefined;
      let autoBasis = '';
      if (e !== undefined && twins.includes(e)) {
        auto = e;
        autoBasis = `${euiText}, same glyph in the SC font`;
      } else if (twins.length > 0) {
        auto = twins[0]!;
        autoBasis = `same glyph as ${chr(auto)} in the SC font (${euiText})`;
        notes.push(`font check ${hex(cp)} ${chr(cp)}: ${euiText} -> ${chr(auto)} ${hex(auto)} (same glyph)`);
      } else if (e !== undefined && isAllowedTarget(e)) {
        auto = e;
        autoBasis = `${euiText}, no shared glyph in the SC font`;
        if (glyph !== null) {
          const refused = outsideTwins(glyph);
          if (refused.length) {
            notes.push(
              `${hex(cp)} ${chr(cp)} shares its glyph with ${refused.map((c) => chr(c) + ' ' + hex(c)).join(', ')}` +
                ` (outside URO/Ext A/Ext B): kept ${euiText}`,
            );
            autoBasis += ` (glyph twin ${refused.map(hex).join(', ')} is outside URO/Ext A/Ext B)`;
          }
        }
        if (font.hasGlyphForCodePoint(e)) {
          const shared = (byGlyph.get(font.glyphForCodePoint(e).id) ?? []).filter((c) => c !== e);
          if (shared.length) notes.push(`${hex(cp)}: EUI target ${chr(e)} shares its glyph with ${shared.map(chr).join('')}: review`);
        }
      }

      let target: number;
      let basis: string;
      const override = OVERRIDES.get(cp);
      if (override) {
        target = override.target.codePointAt(0)!;
        if (target === auto) throw new Error(`override for ${hex(cp)} is redundant: drop it`);
        basis = `OVERRIDE (${euiText}${twins.length ? `; font twin ${twins.map(chr).join('')}` : '; own glyph in the SC font'})`;
        notes.push(`override ${hex(cp)} ${chr(cp)} -> ${chr(target)} ${hex(target)}: ${override.reason}`);
      } else if (auto !== undefined) {
        target = auto;
        basis = autoBasis;
      } else {
        throw new Error(`${hex(cp)} ${chr(cp)} ${name}: ${euiText}, no glyph twin: needs a manual override`);
      }
      if (!isAllowedTarget(target)) throw new Error(`${hex(cp)}: target ${hex(target)} outside URO/Ext A/Ext B`);
      entries.push({ radical: cp, name, target, basis });
    }
  }
  for (const cp of OVERRIDES.keys()) {
    if (!entries.some((x) => x.radical === cp)) throw new Error(`override for unknown radical ${hex(cp)}`);
  }
  return { entries, notes, euiVersion, fontLabel };
}

/** Wraps a comment paragraph at ~100 columns; the first line starts with `first`, the rest with `rest`. */
function wrap(text: string, first: string, rest: string, width = 100): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      prefix = rest;
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(prefix + line);
  return lines.map((l) => l.trimEnd());
}

function render(entries: Entry[], notes: string[], euiVersion: string, fontLabel: string): string {
  const overrideLines = [...OVERRIDES].flatMap(([cp, o]) =>
    wrap(`${hex(cp)} ${chr(cp)} → ${o.target}: ${o.reason}`, ' *   ', ' *     '),
  );
  const fontLines = notes.filter((n) => n.startsWith('font check') || n.includes('outside URO'));
  const head = [
    '// GENERATED by scripts/make-radical-map.ts: do not edit by hand; change the script and re-run it.',
    '/**',
    ' * Radical code points (CJK Radicals Supplement U+2E80–U+2EF3 without the unassigned U+2E9A, and',
    ' * Kangxi Radicals U+2F00–U+2FD5) to the CJK Unified Ideograph a reader of a Simplified Chinese',
    ' * document sees.',
    ' *',
    ...wrap(
      `Made from Unicode's ${euiVersion} (the candidate) checked against the glyphs of ${fontLabel}` +
        ' (@expo-google-fonts/noto-sans-sc): where the font draws the radical and a unified ideograph' +
        ' (URO, Ext A, Ext B) with the same glyph, that ideograph wins; where no such ideograph shares' +
        ' its glyph, the EUI target stays. See the script for the full method.',
      ' * ',
      ' * ',
    ),
    ' *',
    ' * Where the font check departs from EUI:',
    ...fontLines.flatMap((n) => wrap(n, ' *   ', ' *     ')),
    ' * Manual overrides:',
    ...overrideLines,
    ' */',
    '',
    'export const RADICAL_MAP: ReadonlyMap<string, string> = new Map<string, string>([',
  ];
  const body = entries.map((x) => {
    const key = `\\u${x.radical.toString(16).toUpperCase()}`;
    return `  ['${key}', '${chr(x.target)}'], // ${chr(x.radical)} ${x.name} → ${hex(x.target)}: ${x.basis}`;
  });
  return [...head, ...body, ']);', ''].join('\n');
}

const { entries, notes, euiVersion, fontLabel } = build();
const text = render(entries, notes, euiVersion, fontLabel);
const opts = args();
for (const n of notes) console.error(n);
if (opts.check) {
  const current = existsSync(opts.out) ? readFileSync(opts.out, 'utf8') : '';
  if (current !== text) {
    console.error(`${opts.out} is out of date: run npx tsx scripts/make-radical-map.ts`);
    process.exit(1);
  }
  console.error(`${opts.out} is up to date (${entries.length} entries)`);
} else {
  writeFileSync(opts.out, text);
  console.error(`wrote ${opts.out}: ${entries.length} entries`);
}
