#!/usr/bin/env bash
# Scans of the sample PDFs made by a second, independent toolchain (poppler's renderer and
# ImageMagick's degradations and encoders, not scripts/make-scans.ts's pdf.js + own noise), so
# the OCR path is also measured on images it was not tuned on: other glyph rasterizing, other
# fonts where a sample does not embed its own, CCITT G4 bilevel, colour and grey JPEG.
#
#   scripts/scans/poppler-scans.sh OUT_DIR     # every sample of samples/office, samples/varied and three more, for evaluation
#   scripts/scans/poppler-scans.sh --held-out OUT_DIR  # eight other samples, the same way: a check on what was tuned on the first set
#   scripts/scans/poppler-scans.sh --committed # the samples in samples/scans/poppler/: a Ming face bilevel (G4), a Kai face grey JPEG
#
# Needs poppler-utils (pdftoppm) and ImageMagick 6 allowed to write PDF (Debian's policy.xml
# forbids it: remove the `pattern="PDF"` coder line). Writes the PDFs and a manifest.json
# (kind "scan") with the true records copied from the sources' manifests. The images are the
# same every run (the noise is seeded); the PDF bytes are not (ImageMagick stamps the date).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/scans/scan-family.sh"
command -v pdftoppm >/dev/null && command -v convert >/dev/null || { echo "needs pdftoppm (poppler-utils) and convert (imagemagick)" >&2; exit 2; }

# scan SOURCE FIRST_PAGE LAST_PAGE VARIANT ANGLE OUT_PDF
#   variant 0: 200 dpi grey JPEG q55, blur, noise     1: 300 dpi bilevel CCITT G4
#           2: 240 dpi colour JPEG on yellowed paper   3: 300 dpi grey JPEG q45, heavy blur and noise
scan() {
  local src=$1 first=$2 last=$3 v=$4 ang=$5 out=$6 tmp
  tmp=$(mktemp -d)
  local common=(-seed 7 -background white -rotate "$ang")
  case $v in
    0) dpi=200; pdftoppm -r $dpi -gray -f "$first" -l "$last" "$src" "$tmp/p"
       for p in "$tmp"/p-*.pgm; do convert "$p" "${common[@]}" -blur 0x0.7 -attenuate 0.5 +noise Gaussian -quality 55 "${p%.pgm}.jpg"; done ;;
    1) dpi=300; pdftoppm -r $dpi -gray -f "$first" -l "$last" "$src" "$tmp/p"
       for p in "$tmp"/p-*.pgm; do convert "$p" "${common[@]}" -blur 0x0.8 -attenuate 0.3 +noise Gaussian -threshold 55% -type bilevel "${p%.pgm}.tif"; done ;;
    2) dpi=240; pdftoppm -r $dpi -f "$first" -l "$last" "$src" "$tmp/p"
       for p in "$tmp"/p-*.ppm; do convert "$p" "${common[@]}" \( +clone -fill '#f4e8c6' -colorize 100 \) -compose multiply -composite -blur 0x0.6 -attenuate 0.4 +noise Gaussian -quality 70 "${p%.ppm}.jpg"; done ;;
    3) dpi=300; pdftoppm -r $dpi -gray -f "$first" -l "$last" "$src" "$tmp/p"
       for p in "$tmp"/p-*.pgm; do convert "$p" "${common[@]}" -blur 0x1.0 -attenuate 0.8 +noise Gaussian -quality 45 "${p%.pgm}.jpg"; done ;;
  esac
  pages_to_pdf "$tmp" $dpi "$out"
  rm -rf "$tmp"
}

cd "$root"
if [ "${1:-}" = --committed ]; then
  out=samples/scans/poppler; mkdir -p $out
  scan samples/html/html-a4-portrait-uming.pdf 1 2 1 -1.2 $out/pscan-uming-01-g4-300dpi.pdf
  scan samples/html/html-a4-portrait-ukai.pdf 1 5 0 0.9 $out/pscan-ukai-01-jpeg-200dpi.pdf
  manifest $out "samples/html/html-a4-portrait-uming.pdf pscan-uming-01-g4-300dpi.pdf 1
samples/html/html-a4-portrait-ukai.pdf pscan-ukai-01-jpeg-200dpi.pdf 1 2"
  exit 0
fi
sources=(samples/office/*.pdf samples/varied/*.pdf samples/portrait-song-02.pdf samples/portrait-song-05.pdf samples/html/html-a4-portrait-uming.pdf)
if [ "${1:-}" = --held-out ]; then
  sources=(samples/html/html-a4-landscape-zenhei.pdf samples/html/html-letter-thead.pdf samples/portrait-song-0{1,3,4,6,7}.pdf samples/compact-light-all.pdf)
  shift
fi
out=${1:?usage: poppler-scans.sh [--held-out] OUT_DIR | --committed}; mkdir -p "$out"
i=0; pairs=""
for src in "${sources[@]}"; do
  v=$((i % 4)); ang=$(python3 -c "print(round((($i * 5) % 11) / 10 * 3 - 1.5, 2))")
  pages=$(pdfinfo "$src" | awk '/^Pages:/ {print $2}')
  name=pscan-$(basename "$src" .pdf)-v$v.pdf
  scan "$src" 1 "$pages" $v "$ang" "$out/$name"
  echo "$name: variant $v, turned $ang°"
  pairs+="$src $name"$'\n'; i=$((i + 1))
done
manifest "$out" "$pairs"
