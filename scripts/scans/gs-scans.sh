#!/usr/bin/env bash
# A third scan toolchain for evaluation only: Ghostscript's rasterizer (neither pdf.js as in
# scripts/make-scans.ts nor poppler as in poppler-scans.sh) and other ImageMagick degradations,
# over ten samples of several families. Nothing in the extractor was tuned on it before it was
# first scored (see the README's OCR section).
#
#   scripts/scans/gs-scans.sh OUT_DIR [SOURCE.pdf ...]   # sources: ten samples (below) by default; each needs a manifest.json beside it
#
#   variant 0: 200 dpi grey JPEG q50, slight blur, noise      1: 200 dpi bilevel CCITT G4, threshold 60%
#           2: 300 dpi colour JPEG on bluish paper, sharpened  3: 250 dpi grey JPEG, blur, impulse + gaussian noise
#
# Needs ghostscript and ImageMagick 6 allowed to write PDF (see poppler-scans.sh). Writes the
# PDFs and a manifest.json (kind "scan") with the true records copied from the sources' manifests.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/scans/scan-family.sh"
out=${1:?usage: gs-scans.sh OUT_DIR [SOURCE.pdf ...]}; shift; mkdir -p "$out"; out=$(cd "$out" && pwd)
given=(); for src in "$@"; do given+=("$(realpath "$src")"); done
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
  pages_to_pdf "$tmp" $dpi "$dst"
  rm -rf "$tmp"
}
sources=(samples/landscape-medium-all.pdf samples/portrait-double-all.pdf samples/office/office-calc-portrait.pdf samples/varied/varied-02-html.pdf samples/varied/varied-03-pdfkit.pdf samples/html/html-a4-portrait-uming.pdf samples/portrait-song-03.pdf samples/portrait-song-06.pdf samples/compact-light-all.pdf samples/html/html-letter-thead.pdf)
[ ${#given[@]} -gt 0 ] && sources=("${given[@]}")
cd "$root"
scan_family "$out" gscan 1 7 "${sources[@]}"
