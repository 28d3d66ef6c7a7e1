# Forecasting benchmark (issue 4), sourced by bench/run_benchmarks.sh (mode "forecast" or "all").
# Uses its log/row/die helpers and $CLI, $RESULTS, $ROOT. Knobs: SCALE_SERIES (10000),
# FORECAST_THREADS (nproc) for the scale run; the M3 runs are single-threaded like R.

FORECAST_DIR="$RESULTS/forecast"
M3="$ROOT/bench/data/m3"
OUR_METHODS=(auto ets theta snaive comb)

ensure_forecast_packages() {
    local missing=() pkg
    for pkg in r-base-core r-cran-forecast python3 time; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        log "installing for the forecast benchmark: ${missing[*]}"
        [[ $(id -u) -eq 0 ]] || die "missing packages (${missing[*]}); run as root or install them"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    fi
}

now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# ours_<method>_<freq>.csv and their single-threaded times in ours_timing.csv: method, freq, the
# whole command (start-up, reading and writing the files) and the fitting loop alone, which is what
# r_peers.R times of R (its loop, without starting R or reading the CSV).
run_ours_on_m3() {
    local freq=$1 horizon=$2 period=$3 method started whole loop
    python3 "$ROOT/bench/forecast/split_m3.py" --data "$M3" --freq "$freq" --output "$FORECAST_DIR/train_$freq.csv"
    for method in "${OUR_METHODS[@]}"; do
        log "M3 $freq: vantage-cli forecast --method $method"
        started=$(now_s)
        "$CLI" forecast --input "$FORECAST_DIR/train_$freq.csv" --horizon "$horizon" --period "$period" \
            --method "$method" --output "$FORECAST_DIR/ours_${method}_$freq.csv" 2>"$FORECAST_DIR/cli_last.log"
        whole=$(elapsed "$started" "$(now_s)")
        cat "$FORECAST_DIR/cli_last.log" >>"$FORECAST_DIR/cli.log"
        loop=$(sed -n 's/.*fitting and forecasting took \([0-9.]*\) s.*/\1/p' "$FORECAST_DIR/cli_last.log" | tail -n 1)
        echo "$method,$freq,$whole,${loop:-$whole}" >>"$FORECAST_DIR/ours_timing.csv"
    done
}

score_m3() { # freq → score table on stdout
    local freq=$1 files=()
    for method in "${OUR_METHODS[@]}"; do files+=("$FORECAST_DIR/ours_${method}_$freq.csv"); done
    python3 "$ROOT/bench/forecast/score.py" --data "$M3" --freq "$freq" \
        --original THETA --original ForecastPro --original DAMPEN --original "B-J auto" --original SINGLE --original NAIVE2 \
        "${files[@]}" "$FORECAST_DIR/r_ets_$freq.csv" "$FORECAST_DIR/r_thetaf_$freq.csv"
}

score_of() { # table label → "sMAPE MASE"
    awk -v l="$2" 'index($1, l) { print $3, $4 }' "$1" | head -n 1
}

timing_of() { # file method freq [column, default the last]
    awk -F, -v m="$2" -v f="$3" -v c="${4:-0}" '$1 == m && $2 == f { print (c > 0 ? $c : $NF) }' "$1" | head -n 1
}

m3_rows() { # freq theta_smape theta_mase
    local freq=$1 table="$FORECAST_DIR/scores_$1.md" ours theta rets rtheta method
    ours=$(score_of "$table" "ours_auto_$freq")
    theta=$(score_of "$table" "original:THETA")
    rets=$(score_of "$table" "r_ets_$freq")
    rtheta=$(score_of "$table" "r_thetaf_$freq")
    for method in "${OUR_METHODS[@]}"; do
        row "(g) M3 $freq: ours $method, sMAPE / MASE" "$(score_of "$table" "ours_${method}_$freq" | sed 's| | / |')" "" ""
    done
    row "(g) M3 $freq: THETA (original) / ForecastPro / DAMPEN, sMAPE / MASE" \
        "$(score_of "$table" original:THETA | sed 's| | / |'); $(score_of "$table" original:ForecastPro | sed 's| | / |'); $(score_of "$table" original:DAMPEN | sed 's| | / |')" "" ""
    row "(g) M3 $freq: R forecast::ets / thetaf (same machine), sMAPE / MASE" \
        "$(sed 's| | / |' <<<"$rets"); $(sed 's| | / |' <<<"$rtheta")" "" ""
    row "(g) M3 $freq: ours auto below THETA, R ets and R thetaf on both measures" "$ours vs $theta, $rets, $rtheta" \
        "below all three" "$(awk -v o="$ours" -v a="$theta" -v b="$rets" -v c="$rtheta" 'BEGIN {
            split(o, x, " "); split(a, p, " "); split(b, q, " "); split(c, r, " ");
            ok = x[1] < p[1] && x[2] < p[2] && x[1] < q[1] && x[2] < q[2] && x[1] < r[1] && x[2] < r[2];
            print ok ? "yes" : "**no**" }')"
    local ours_s whole_s r_s
    ours_s=$(timing_of "$FORECAST_DIR/ours_timing.csv" ets "$freq")
    whole_s=$(timing_of "$FORECAST_DIR/ours_timing.csv" ets "$freq" 3)
    r_s=$(timing_of "$FORECAST_DIR/r_timing.csv" ets "$freq")
    row "(g) M3 $freq: automatic ETS, fitting loop, ours vs R (one thread each; whole command ${whole_s} s = $(awk -v a="$whole_s" -v b="$r_s" 'BEGIN { printf "%.0f", b / a }')×)" \
        "${ours_s} s vs ${r_s} s = $(awk -v a="$ours_s" -v b="$r_s" 'BEGIN { printf "%.0f", b / a }')× faster" \
        "≥ 100× faster" "$(awk -v a="$ours_s" -v b="$r_s" 'BEGIN { print (b / a >= 100) ? "yes" : "**no**" }')"
}

measure_scale_forecast() {
    local count="${SCALE_SERIES:-10000}" threads="${FORECAST_THREADS:-$(nproc)}" timing
    log "generating $count series shaped like the demo data"
    python3 "$ROOT/bench/forecast/generate_series.py" --superstore "$ROOT/resources/demo/superstore.csv" \
        --count "$count" --seed "${SEED:-42}" --output "$FORECAST_DIR/scale_series.csv"
    log "forecasting $count series, method auto, $threads threads"
    timing="$FORECAST_DIR/scale_time.txt"
    /usr/bin/time -v "$CLI" forecast --input "$FORECAST_DIR/scale_series.csv" --horizon 12 --period 12 \
        --method auto --threads "$threads" --output "$FORECAST_DIR/scale_forecast.csv" 2>"$timing"
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timing")
    rss=$(awk '/Maximum resident set size/ { printf "%.0f MiB", $NF / 1024 }' "$timing")
    row "(h) $count demo-shaped monthly series, automatic method, 12 months ahead, $threads threads" \
        "$wall wall, peak RSS $rss ($(grep -c . "$FORECAST_DIR/scale_forecast.csv") forecast rows)" "report" ""
}

measure_forecast() {
    ensure_forecast_packages
    rm -rf "$FORECAST_DIR" && mkdir -p "$FORECAST_DIR"
    run_ours_on_m3 monthly 18 12
    run_ours_on_m3 quarterly 8 4
    log "R forecast::ets and thetaf on the same series (about 8.5 min)"
    Rscript "$ROOT/bench/forecast/r_peers.R" "$M3" "$FORECAST_DIR" >&2
    score_m3 monthly >"$FORECAST_DIR/scores_monthly.md"
    score_m3 quarterly >"$FORECAST_DIR/scores_quarterly.md"
    cat "$FORECAST_DIR/scores_monthly.md" "$FORECAST_DIR/scores_quarterly.md" >&2
    m3_rows monthly
    m3_rows quarterly
    row "(g) R and forecast versions" "$(R --version | head -n 1); forecast $(dpkg-query -W -f='${Version}' r-cran-forecast)" "" ""
    measure_scale_forecast
}
