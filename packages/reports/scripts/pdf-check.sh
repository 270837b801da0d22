#!/usr/bin/env bash
# Converts a generated report (.docx and .xlsx of a sample plan) to PDF with LibreOffice and checks
# with pdftotext that the text is there. Needs Debian's libreoffice-writer/-calc and poppler-utils.
#   bash packages/reports/scripts/pdf-check.sh            (from anywhere; exit 0 = all found)
# Prints "pdf-check: N passed, N failed" at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

for tool in libreoffice pdftotext pdffonts; do
  if ! command -v "$tool" >/dev/null; then
    echo "pdf-check: $tool is not installed" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile: no clash with another running instance, no first-start dialogs.
profile="file://$work/lo-profile"
# The GB fonts are not on a Linux machine: map them to Noto Serif CJK (Song/Fang) and Noto Sans CJK (Hei).
export FONTCONFIG_FILE="$PWD/fonts/ybplan-fonts.conf"

pnpm --silent exec tsx scripts/generate-check-files.ts "$work" >/dev/null || { echo "pdf-check: generating the reports failed" >&2; exit 1; }

passed=0
failed=0
for file in report.docx report.xlsx; do
  if ! timeout 300 libreoffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work" "$work/$file" >"$work/$file.log" 2>&1; then
    echo "pdf-check: FAIL $file: LibreOffice conversion failed" >&2
    cat "$work/$file.log" >&2
    failed=$((failed + 1))
    continue
  fi
  pdf="$work/${file%.*}.pdf"
  # Each conversion writes report.pdf; keep them apart.
  mv "$pdf" "$work/$file.pdf"
  # Justified CJK text comes out with spaces between characters; compare without whitespace.
  pdftotext -enc UTF-8 "$work/$file.pdf" - | tr -d ' \t\n\r\f\v　' >"$work/$file.txt"
  while IFS= read -r expected || [ -n "$expected" ]; do
    [ -z "$expected" ] && continue
    needle="$(printf '%s' "$expected" | tr -d ' \t\n\r\f\v　')"
    if grep -qF -- "$needle" "$work/$file.txt"; then
      passed=$((passed + 1))
    else
      echo "pdf-check: FAIL $file: text not found in PDF: $expected" >&2
      failed=$((failed + 1))
    fi
  done <"$work/$file.expect"
  if [ "$file" = report.docx ]; then
    # The native charts: LibreOffice draws them from their DrawingML, so their text is in the PDF,
    # on the figure's pages (the caption's page and the one before; the first line is the caption).
    caption="$(head -n 1 "$work/report.docx.charts" | tr -d ' \t\n\r\f\v　')"
    pages="$(pdfinfo "$work/$file.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
    figure=""
    for ((p = 1; p <= ${pages:-0}; p++)); do
      # -layout keeps the caption's line whole; the charts' own text comes between its parts otherwise.
      if pdftotext -layout -f "$p" -l "$p" -enc UTF-8 "$work/$file.pdf" - | tr -d ' \t\n\r\f\v　' | grep -qF -- "$caption"; then
        figure="$p"
        break
      fi
    done
    if [ -z "$figure" ]; then
      echo "pdf-check: FAIL $file: figure caption not found: $caption" >&2
      failed=$((failed + 1))
    else
      from=$((figure > 1 ? figure - 1 : 1))
      pdftotext -f "$from" -l "$figure" -enc UTF-8 "$work/$file.pdf" - | tr -d ' \t\n\r\f\v　' >"$work/figure.txt"
      while IFS= read -r expected || [ -n "$expected" ]; do
        [ -z "$expected" ] && continue
        needle="$(printf '%s' "$expected" | tr -d ' \t\n\r\f\v　')"
        if grep -qF -- "$needle" "$work/figure.txt"; then
          passed=$((passed + 1))
        else
          echo "pdf-check: FAIL $file: chart text not found on the figure's pages ($from–$figure): $expected" >&2
          failed=$((failed + 1))
        fi
      done < <(tail -n +2 "$work/report.docx.charts")
      echo "pdf-check: native charts drawn on page $figure"
    fi
    # The body (仿宋_GB2312) must come out in a serif CJK face, never a sans fallback.
    fonts="$(pdffonts "$work/$file.pdf" | tail -n +3 | awk '{print $1}')"
    if printf '%s\n' "$fonts" | grep -qi 'serifcjk\|song\|fangsong\|ming'; then
      passed=$((passed + 1))
    else
      echo "pdf-check: FAIL $file: no serif CJK font in the PDF: $(printf '%s ' $fonts)" >&2
      failed=$((failed + 1))
    fi
  fi
  pages="$(pdfinfo "$work/$file.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  echo "pdf-check: $file → PDF ${pages:-?} pages"
done
echo "pdf-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
