#!/usr/bin/env bash
# Full 5-fold cross-validation of the rhythm feature model (LightGBM on RhythmFeatures) on all 8,528 CinC 2017
# records. Features are cached in ~/.cache/ecgscope/work (a rerun of the same build skips them). Writes
# rhythm-features-oof.csv (record,fold,label,pN,pA,pO,pNoisy) and rhythm-features-cv.md to OUT (default
# ~/.cache/ecgscope/work/rhythm-features). Needs the dataset in $ECGSCOPE_DATA/cinc2017 (scripts/test.sh unpacks it).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-$HOME/.cache/ecgscope/work/rhythm-features}"
mkdir -p "$out"
# LightGBM's OpenMP threads sleep instead of spinning while they wait: on a shared machine spinning threads fight the
# other work for the cores and a fit takes twice as long.
OMP_WAIT_POLICY=PASSIVE ECGSCOPE_RHYTHM_RECORDS=all ECGSCOPE_RHYTHM_OUT="$out" \
  dotnet test tests/EcgScope.ML.Tests -c Release -- --filter-class '*RhythmFeatureExperimentTests' --output Detailed
cat "$out/rhythm-features-cv.md"
