#!/usr/bin/env bash
# Install what the tests need beyond Python: Debian's Chromium (browser tests drive it
# through Playwright's executable_path; Playwright's own browser download cannot work
# here), poppler-utils (reading the PDFs back), epubcheck (the EPUB) and the npm tools
# pinned in tests/node/package-lock.json; Arabic fonts (Noto Naskh Arabic, Amiri) for the Arabic paper.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Read once, then searched: `fc-list | grep -q` under pipefail fails when grep stops
# reading before fc-list has written everything (SIGPIPE), as it does on a machine with
# many fonts, and the packages were installed again on every run.
fonts=$(fc-list 2>/dev/null || true)
libraries=$(ldconfig -p 2>/dev/null || true)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -f /usr/share/java/epubcheck.jar ] || need_apt+=(epubcheck)   # validates the EPUB (java -jar)
# WeasyPrint (the handouts) lays text out with Pango, in DejaVu fonts.
grep -q 'libpangoft2-1.0.so' <<<"$libraries" || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0)
grep -q 'DejaVuSerif' <<<"$fonts" || need_apt+=(fonts-dejavu-core)
# The Arabic edition's paper: DejaVu Serif has no Arabic, and Arabic set in a fallback
# copies out of the PDF broken. Noto Naskh Arabic (fonts-noto-core) sets it and copies
# out whole once tounicode.py fills WeasyPrint's gaps; Amiri, whose stacked forms copy
# out with letters lost or doubled, is paper.css's second choice and the room record's.
grep -qi 'Noto Naskh Arabic' <<<"$fonts" || need_apt+=(fonts-noto-core)
grep -qi 'Amiri' <<<"$fonts" || need_apt+=(fonts-hosny-amiri)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
else
  echo "==> Debian packages present (chromium, poppler-utils, epubcheck, pango, DejaVu, Noto Naskh Arabic and Amiri fonts)"
fi

bash scripts/npm-ci.sh tests/node
