#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: the end-to-end journey test, with ECGSCOPE_SCREENSHOTS set, saves the start
# page, a result page (a genuine Apple Watch export) and the history at desktop (1280 px) and phone (390 px) width.
# Needs Debian's chromium and the datasets (see tests/Shared/TestData.cs).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ECGSCOPE_SCREENSHOTS="$root/docs/screenshots"
mkdir -p "$ECGSCOPE_SCREENSHOTS"
dotnet test tests/EcgScope.EndToEnd -c Release -- --filter-class '*JourneyTests'
ls -l "$ECGSCOPE_SCREENSHOTS"/*.png
