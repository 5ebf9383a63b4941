#!/usr/bin/env bash
# Renders every built-in layout in deckmark's theme and five reveal.js themes, and joins the
# PNGs into one contact sheet (rows: themes; columns: layouts). Needs ImageMagick's montage.
#   scripts/contact-sheet.sh [WIDTHxHEIGHT] [OUT.png]     (default: 1920x1080 docs/images/layouts.jpg)
set -euo pipefail
size=${1:-1920x1080}
out=$(realpath -m "${2:-docs/images/layouts.jpg}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/test/fixtures/authoring/layouts" "$work/"
body=$(sed '1,/^---$/d' "$root/test/fixtures/authoring/layouts.md")
dark=$'\n\n---\n\n<!-- .slide: data-background-color="#123" -->\n\n## A dark slide\n\n- Text, `code` and a [link](https://example.com) switch to light colours'
themes=(deckmark black white league serif night)
for theme in "${themes[@]}"; do
  printf -- '---\ntheme: %s\nwidth: %s\nheight: %s\n---\n%s%s\n' "$theme" "${size%x*}" "${size#*x}" "$body" "$dark" >"$work/$theme.md"
done
(cd "$work" && node "$root/bin/deckmark.js" png "${themes[@]/%/.md}" --scale 0.5 -o out >/dev/null)
mkdir -p "$(dirname "$out")"
montage $(for theme in "${themes[@]}"; do ls "$work/out/$theme-png/"*.png; done) -tile 9x -geometry 256x+3+3 -background "#9aa0a6" -quality 82 "$out"
echo "$out"
