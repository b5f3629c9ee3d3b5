#!/usr/bin/env bash
# Runs every test of the solution against the real datasets and ends with one line "N passed, N failed".
# The datasets are unpacked from ../shared/data into $ECGSCOPE_DATA (default ~/.cache/ecgscope/data) first.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
shared_data="$root/../shared/data"
if [[ -x $shared_data/unpack.sh ]]; then
  "$shared_data/unpack.sh" >/dev/null || { echo "unpacking $shared_data failed"; exit 1; }
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
dotnet test EcgScope.slnx -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
