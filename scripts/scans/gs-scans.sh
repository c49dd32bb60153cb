#!/usr/bin/env bash
# A third scan toolchain for evaluation only: Ghostscript's rasterizer (neither pdf.js as in
# scripts/make-scans.ts nor poppler as in poppler-scans.sh) and other ImageMagick degradations,
# over ten samples of several families. Nothing in the extractor was tuned on it before it was
# first scored (see the README's OCR section).
#
#   scripts/scans/gs-scans.sh OUT_DIR
#
#   variant 0: 200 dpi grey JPEG q50, slight blur, noise      1: 200 dpi bilevel CCITT G4, threshold 60%
#           2: 300 dpi colour JPEG on bluish paper, sharpened  3: 250 dpi grey JPEG, blur, impulse + gaussian noise
#
# Needs ghostscript and ImageMagick 6 allowed to write PDF (see poppler-scans.sh). Writes the
# PDFs and a manifest.json (kind "scan") with the true records copied from the sources' manifests.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: gs-scans.sh OUT_DIR}; mkdir -p "$out"; out=$(cd "$out" && pwd)
command -v gs >/dev/null && command -v convert >/dev/null || { echo "needs gs (ghostscript) and convert (imagemagick)" >&2; exit 2; }
scan() {
  local src=$1 v=$2 ang=$3 dst=$4 tmp; tmp=$(mktemp -d)
  local common=(-seed 11 -background white -rotate "$ang" +repage)
  case $v in
    0) dpi=200; gs -q -dNOPAUSE -dBATCH -sDEVICE=pnggray -r$dpi -o "$tmp/p-%03d.png" "$src"
       for p in "$tmp"/p-*.png; do convert "$p" "${common[@]}" -blur 0x0.5 -attenuate 0.6 +noise Gaussian -quality 50 "${p%.png}.jpg"; done ;;
    1) dpi=200; gs -q -dNOPAUSE -dBATCH -sDEVICE=pnggray -r$dpi -o "$tmp/p-%03d.png" "$src"
       for p in "$tmp"/p-*.png; do convert "$p" "${common[@]}" -attenuate 0.2 +noise Gaussian -threshold 60% -type bilevel "${p%.png}.tif"; done ;;
    2) dpi=300; gs -q -dNOPAUSE -dBATCH -sDEVICE=png16m -r$dpi -o "$tmp/p-%03d.png" "$src"
       for p in "$tmp"/p-*.png; do convert "$p" "${common[@]}" \( +clone -fill '#e8eef8' -colorize 100 \) -compose multiply -composite -unsharp 0x1.2+0.8 -attenuate 0.3 +noise Gaussian -quality 65 "${p%.png}.jpg"; done ;;
    3) dpi=250; gs -q -dNOPAUSE -dBATCH -sDEVICE=pnggray -r$dpi -o "$tmp/p-%03d.png" "$src"
       for p in "$tmp"/p-*.png; do convert "$p" "${common[@]}" -blur 0x0.9 -attenuate 0.05 +noise Impulse -attenuate 0.5 +noise Gaussian -quality 55 "${p%.png}.jpg"; done ;;
  esac
  if [ "$v" = 1 ]; then convert -density $dpi -units PixelsPerInch "$tmp"/p-*.tif -compress Group4 "$dst"
  else convert -density $dpi -units PixelsPerInch "$tmp"/p-*.jpg -compress JPEG -quality 60 "$dst"; fi
  rm -rf "$tmp"
}
sources=(samples/landscape-medium-all.pdf samples/portrait-double-all.pdf samples/office/office-calc-portrait.pdf samples/varied/varied-02-html.pdf samples/varied/varied-03-pdfkit.pdf samples/html/html-a4-portrait-uming.pdf samples/portrait-song-03.pdf samples/portrait-song-06.pdf samples/compact-light-all.pdf samples/html/html-letter-thead.pdf)
cd "$root"; i=0; pairs=""
for src in "${sources[@]}"; do
  v=$(((i + 1) % 4)); ang=$(python3 -c "print(round((($i * 7) % 11) / 10 * 3 - 1.5, 2))")
  name=gscan-$(basename "$src" .pdf)-v$v.pdf
  scan "$src" $v "$ang" "$out/$name"; echo "$name: variant $v, turned $ang°"
  pairs+="$src $name"$'\n'; i=$((i + 1))
done
python3 - "$out" "$root" "$pairs" <<'PY'
import json, os, sys
out, root, lines = sys.argv[1], sys.argv[2], sys.argv[3]
entries = []
for line in lines.strip().splitlines():
    src, name = line.split()
    m = json.load(open(os.path.join(root, os.path.dirname(src), 'manifest.json')))
    records = next(e for e in m if e['file'] == os.path.basename(src))['records']
    entries.append({'file': name, 'kind': 'scan', 'records': records})
json.dump(entries, open(os.path.join(out, 'manifest.json'), 'w'), ensure_ascii=False, indent=2)
PY
