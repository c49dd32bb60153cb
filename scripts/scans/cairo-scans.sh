#!/usr/bin/env bash
# A fourth scan toolchain for evaluation only: poppler's cairo backend (pdftocairo, not pdftoppm's
# splash as in poppler-scans.sh, nor Ghostscript, nor pdf.js) and degradations none of the other
# scripts apply: a page bowed like a book near its spine (barrel distortion, so rules curve),
# uneven lighting, pixel jitter, Poisson noise, adaptive thresholding. Nothing in the extractor
# was tuned on it before it was first scored (see the README's OCR section).
#
#   scripts/scans/cairo-scans.sh OUT_DIR [SOURCE.pdf ...]   # sources: ten samples (below) by default; each needs a manifest.json beside it
#
#   variant 0: 200 dpi grey JPEG q45, bowed, slight blur        1: 300 dpi bilevel G4 by local (adaptive) threshold
#           2: 200 dpi colour JPEG, pink paper, light falling off to one side   3: 240 dpi grey JPEG q50, jitter + Poisson noise
#
# Needs poppler-utils (pdftocairo) and ImageMagick 6 allowed to write PDF (see poppler-scans.sh).
# Writes the PDFs and a manifest.json (kind "scan") with the true records copied from the sources' manifests.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/scans/scan-family.sh"
out=${1:?usage: cairo-scans.sh OUT_DIR [SOURCE.pdf ...]}; shift; mkdir -p "$out"; out=$(cd "$out" && pwd)
given=(); for src in "$@"; do given+=("$(realpath "$src")"); done
command -v pdftocairo >/dev/null && command -v convert >/dev/null || { echo "needs pdftocairo (poppler-utils) and convert (imagemagick)" >&2; exit 2; }
scan() {
  local src=$1 v=$2 ang=$3 dst=$4 tmp dpi; tmp=$(mktemp -d)
  local common=(-seed 23 -background white -rotate "$ang" +repage)
  case $v in
    0) dpi=200; pdftocairo -png -gray -r $dpi "$src" "$tmp/p"
       for p in "$tmp"/p-*.png; do convert "$p" "${common[@]}" -virtual-pixel white -distort Barrel '0.0 0.0 0.012' -blur 0x0.6 -attenuate 0.4 +noise Gaussian -quality 45 "${p%.png}.jpg"; done ;;
    1) dpi=300; pdftocairo -png -gray -r $dpi "$src" "$tmp/p"
       for p in "$tmp"/p-*.png; do convert "$p" "${common[@]}" -blur 0x0.7 -attenuate 0.3 +noise Gaussian -lat 31x31-8% -type bilevel "${p%.png}.tif"; done ;;
    2) dpi=200; pdftocairo -png -r $dpi "$src" "$tmp/p"
       for p in "$tmp"/p-*.png; do
         convert "$p" "${common[@]}" \( +clone -sparse-color Barycentric '0,0 #fbe9ec %[fx:w-1],0 #c9b7ba' \) -compose multiply -composite -blur 0x0.5 -attenuate 0.3 +noise Gaussian -quality 60 "${p%.png}.jpg"; done ;;
    3) dpi=240; pdftocairo -png -gray -r $dpi "$src" "$tmp/p"
       for p in "$tmp"/p-*.png; do convert "$p" "${common[@]}" -spread 0.6 -blur 0x0.5 -attenuate 0.6 +noise Poisson -quality 50 "${p%.png}.jpg"; done ;;
  esac
  pages_to_pdf "$tmp" $dpi "$dst"
  rm -rf "$tmp"
}
sources=(samples/office/office-writer-portrait.pdf samples/varied/varied-01-pdfkit.pdf samples/html/html-a4-landscape-zenhei.pdf samples/portrait-song-01.pdf samples/varied/varied-04-html.pdf samples/office/office-calc-landscape-sheets.pdf samples/portrait-song-04.pdf samples/html/html-a4-portrait-uming.pdf samples/portrait-song-07.pdf samples/portrait-song-02.pdf)
[ ${#given[@]} -gt 0 ] && sources=("${given[@]}")
cd "$root"
scan_family "$out" cscan 0 4 "${sources[@]}"
