#!/usr/bin/env bash
# Uploads per second through the web app's REST API: the first N CinC 2017 records (.hea + .mat), C at a time, analysed
# in the app's own process, or on one ecgscope-silo with a private PostgreSQL, all on this machine (docs/scale-out.md).
# usage (repository root, after `dotnet build -c Release src/EcgScope.Web src/EcgScope.Cluster.Silo`):
#   bench/web-uploads.sh process|cluster [N=200] [C=4]
set -euo pipefail
mode=$1 n=${2:-200} c=${3:-4}
data=${ECGSCOPE_DATA:-$HOME/.cache/ecgscope/data}/cinc2017/training2017
work=$(mktemp -d) && chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    grep -h "^ecgscope-silo:" "$work/silo.log" 2>/dev/null || true
    [[ -f $work/pg/PG_VERSION ]] && run_pg pg_ctl -D "$work/pg" -m immediate -w stop >/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
run_pg() { local bin=(/usr/lib/postgresql/*/bin); if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "${bin[0]}/$1" "${@:2}"; else "${bin[0]}/$1" "${@:2}"; fi; }

export ECGSCOPE__Web__Database=$work/history.db ECGSCOPE__Web__UploadFolder=$work ECGSCOPE__Models__Directory=$PWD/models
if [[ $mode == cluster ]]; then
    mkdir "$work/pg" && { [[ $(id -u) != 0 ]] || chown postgres "$work/pg"; }
    run_pg initdb -D "$work/pg" -A trust -U ecgscope --no-sync >/dev/null
    run_pg pg_ctl -D "$work/pg" -w -l "$work/pg/log" -o "-p 55434 -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    export ECGSCOPE__Cluster__ConnectionString="Host=127.0.0.1;Port=55434;Username=ecgscope;Database=postgres" ECGSCOPE__Web__AnalysisOn=cluster
    dotnet src/EcgScope.Cluster.Silo/bin/Release/net10.0/ecgscope-silo.dll --postgres "$ECGSCOPE__Cluster__ConnectionString" \
        --address 127.0.0.1 --silo-port 11121 --gateway-port 30010 --models "$PWD/models" > "$work/silo.log" 2>&1 & pids+=($!)
    sleep 15
fi
dotnet src/EcgScope.Web/bin/Release/net10.0/EcgScope.Web.dll --urls http://127.0.0.1:5097 > "$work/web.log" 2>&1 & pids+=($!)
until curl -sf -o /dev/null http://127.0.0.1:5097/api/models; do sleep 1; done

upload() { curl -sf -o /dev/null -F "file=@$data/$1.hea" -F "file=@$data/$1.mat" http://127.0.0.1:5097/api/analyses || echo "failed: $1" >&2; }
export -f upload && export data
records=$(ls "$data" | sed -n 's/\.hea$//p' | sort | sed -n "1,${n}p")   # sed, not head: no SIGPIPE under pipefail
upload "${records%%$'\n'*}"   # warm-up: models loaded, first call made
start=$(date +%s.%N)
echo "$records" | xargs -P "$c" -I{} bash -c 'upload {}'
end=$(date +%s.%N)
echo "$mode: $n uploads, $c at a time, in $(echo "$end - $start" | bc) s: $(echo "scale=1; $n / ($end - $start)" | bc) uploads/s"
