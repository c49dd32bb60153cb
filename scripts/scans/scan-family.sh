# Shared by the scan-family scripts, which source it after setting $root (the project folder).

# pages_to_pdf DIR DPI DST: the page images in DIR as one PDF at DPI, p-*.tif (bilevel) as CCITT G4
# when there are any, else p-*.jpg as JPEG
pages_to_pdf() {
  local dir=$1 dpi=$2 dst=$3
  if compgen -G "$dir/p-*.tif" >/dev/null; then convert -density "$dpi" -units PixelsPerInch "$dir"/p-*.tif -compress Group4 "$dst"
  else convert -density "$dpi" -units PixelsPerInch "$dir"/p-*.jpg -compress JPEG -quality 60 "$dst"; fi
}

# manifest OUT_DIR LINES, each line "SOURCE OUT_NAME [FORM ...]": the true records of the forms kept
# (all when none given), copied from the sources' manifests, as OUT_DIR/manifest.json (kind "scan")
manifest() {
  python3 - "$1" "$root" "$2" <<'PY'
import json, os, sys
out, root, lines = sys.argv[1], sys.argv[2], sys.argv[3]
entries = []
for line in lines.strip().splitlines():
    src, name, *forms = line.split()
    m = json.load(open(os.path.join(root, os.path.dirname(src), 'manifest.json')))
    records = next(e for e in m if e['file'] == os.path.basename(src))['records']
    entries.append({'file': name, 'kind': 'scan', 'records': [records[int(f) - 1] for f in forms] if forms else records})
json.dump(entries, open(os.path.join(out, 'manifest.json'), 'w'), ensure_ascii=False, indent=2)
PY
}

# scan_family OUT_DIR PREFIX SHIFT STEP SOURCE...: the i-th source scanned by the caller's
# `scan SRC VARIANT ANGLE DST`, variant (i + SHIFT) mod 4, turned ((i · STEP) mod 11) / 10 · 3 − 1.5°,
# as OUT_DIR/PREFIX-<source name>-v<variant>.pdf; then the manifest
scan_family() {
  local out=$1 prefix=$2 offset=$3 step=$4; shift 4
  local i=0 pairs="" src v ang name
  for src in "$@"; do
    v=$(((i + offset) % 4)); ang=$(python3 -c "print(round((($i * $step) % 11) / 10 * 3 - 1.5, 2))")
    name=$prefix-$(basename "$src" .pdf)-v$v.pdf
    scan "$src" "$v" "$ang" "$out/$name"; echo "$name: variant $v, turned $ang°"
    pairs+="$src $name"$'\n'; i=$((i + 1))
  done
  manifest "$out" "$pairs"
}
