#!/usr/bin/env bash
# Install what the tests need beyond Python: Debian's Chromium (browser tests drive it
# through Playwright's executable_path; Playwright's own browser download cannot work
# here), poppler-utils (reading the PDFs back), epubcheck (the EPUB) and the npm tools
# pinned in tests/node/package-lock.json; an Arabic font (Amiri) for the Arabic paper.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -f /usr/share/java/epubcheck.jar ] || need_apt+=(epubcheck)   # validates the EPUB (java -jar)
# WeasyPrint (the handouts) lays text out with Pango, in DejaVu fonts.
ldconfig -p | grep -q 'libpangoft2-1.0.so' || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -q 'DejaVuSerif' || need_apt+=(fonts-dejavu-core)
# The Arabic edition's paper: DejaVu Serif has no Arabic, and Arabic set in a fallback
# copies out of the PDF broken; Amiri (a Naskh face) sets it whole (paper.css).
fc-list 2>/dev/null | grep -qi 'Amiri' || need_apt+=(fonts-hosny-amiri)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
else
  echo "==> Debian packages present (chromium, poppler-utils, epubcheck, pango, DejaVu and Amiri fonts)"
fi

bash scripts/npm-ci.sh tests/node
