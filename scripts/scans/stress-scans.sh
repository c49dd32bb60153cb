#!/usr/bin/env bash
# Harder copies of scans made by poppler-scans.sh: the page images taken out as they are
# (pdfimages) and changed with ImageMagick the way archives' scans differ, each file scored
# against the same truth as the scan it came from.
#
#   scripts/scans/stress-scans.sh SCAN_DIR OUT_DIR [FILE.pdf ...]
#
# SCAN_DIR is poppler-scans.sh's output (its manifest.json gives the truth); by default its
# three 200 dpi grey files (variant 0). Variants:
#   faded   black printed as 40% grey, paper at 95% (a light, low-contrast scan)
#   yellow  paper and ink tinted yellow (an aged sheet scanned in colour)
#   jpeg25  the same image at JPEG quality 25 (heavy block artefacts)
#   dpi400  upscaled to 400 dpi (a high-resolution scan: larger images, glyphs twice as tall)
# Needs poppler-utils (pdfimages) and ImageMagick 6 allowed to write PDF (see poppler-scans.sh).
set -euo pipefail
src=${1:?SCAN_DIR}; out=${2:?OUT_DIR}; shift 2
command -v pdfimages >/dev/null && command -v convert >/dev/null || { echo "needs pdfimages (poppler-utils) and convert (imagemagick)" >&2; exit 2; }
files=("$@")
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(cd "$src" && ls -- *-v0.pdf)
mkdir -p "$out"
variants=(faded yellow jpeg25 dpi400)
declare -A args=(
  [faded]="-colorspace Gray +level 40%,95% -quality 85"
  [yellow]="-colorspace sRGB -channel B -evaluate multiply 0.78 -channel G -evaluate multiply 0.94 +channel -quality 85"
  [jpeg25]="-quality 25"
  [dpi400]="-resize 200% -quality 85"
)
for f in "${files[@]}"; do
  tmp=$(mktemp -d)
  pdfimages -j "$src/$f" "$tmp/p"
  for v in "${variants[@]}"; do
    pages=()
    for p in "$tmp"/p-*.jpg; do
      # shellcheck disable=SC2086
      convert "$p" ${args[$v]} "$tmp/$v-$(basename "$p")"
      pages+=("$tmp/$v-$(basename "$p")")
    done
    density=200; [ "$v" = dpi400 ] && density=400
    convert -density $density -units PixelsPerInch "${pages[@]}" "$out/$v-$f"
  done
  rm -rf "$tmp"
done
# the truth of each copy is its source's
node -e '
const fs = require("node:fs");
const [src, out, variants, ...files] = process.argv.slice(1);
const truth = JSON.parse(fs.readFileSync(src + "/manifest.json", "utf8"));
const entries = [];
for (const v of variants.split(" ")) for (const f of files) entries.push({ ...truth.find((e) => e.file === f), file: `${v}-${f}` });
fs.writeFileSync(out + "/manifest.json", JSON.stringify(entries, null, 1));
' "$src" "$out" "${variants[*]}" "${files[@]}"
echo "wrote $((${#files[@]} * ${#variants[@]})) files and manifest.json to $out"
