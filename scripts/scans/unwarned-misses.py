#!/usr/bin/env python3
"""Which wrong fields carry no warning: scores records.jsonl against a manifest with
../shared/tools/score.py's own matching, and lists each missed field of a found record whose
record has no warning on it (for an extra indicator, on that indicator; a true indicator left
out with none read in its place counts as warned only by a warning on `indicators`).

  python3 scripts/scans/unwarned-misses.py MANIFEST RECORDS_JSONL
"""
import importlib.util, json, os, sys
spec = importlib.util.spec_from_file_location('score', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/tools/score.py'))
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S); S.FOLD = True
cases = json.load(open(sys.argv[1])); outs = {}
for line in open(sys.argv[2]):
    r = json.loads(line); outs.setdefault(os.path.basename(r['source']['file']), []).append(r)
wrong = unwarned = 0
for c in cases:
    got = outs.get(c['file'], [])
    for idx, t in enumerate(c['records']):
        same = [g for g in got if S.norm(g.get('projectName')) == S.norm(t['projectName'])]
        o = same[0] if len(same) == 1 else (got[idx] if idx < len(got) else None)
        if o is None: continue
        misses = []; S.score_record(t, o, misses)
        fields = [w.get('field') or '' for w in o.get('warnings', [])]
        for label, tv, ov in misses:
            if label == 'indicator': continue
            wrong += 1
            if label == 'extra indicator':
                ix = [i for i, ind in enumerate(o['indicators']) if '|'.join(str(x) for x in S.ind_key(ind)) == ov]
                ok = any(f.startswith(f'indicators[{i}]') for i in ix for f in fields)
            else:
                ok = any(f == label or f.startswith(label + '.') or f.startswith(label + '[') for f in fields)
            if not ok:
                unwarned += 1; print('UNWARNED', c['file'], idx + 1, label, tv, '->', ov)
        surplus = sum(m[0] == 'indicator' for m in misses) - sum(m[0] == 'extra indicator' for m in misses)
        if surplus > 0:
            wrong += surplus
            if 'indicators' not in fields:
                unwarned += surplus; print('UNWARNED', c['file'], idx + 1, f'{surplus} indicator(s) left out')
print(f'wrong fields {wrong}, unwarned {unwarned}')
