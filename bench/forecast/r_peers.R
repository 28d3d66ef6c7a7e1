# R peers for the M3 forecasting benchmark: forecast::ets (automatic selection) and
# forecast::thetaf on every series of the development set, fitted on the training part.
#
#   Rscript bench/forecast/r_peers.R bench/data/m3 OUTDIR
#
# Writes, for freq in monthly, quarterly:
#   OUTDIR/r_ets_<freq>.csv, OUTDIR/r_thetaf_<freq>.csv   series_id,h,forecast,lo80,hi80,lo95,hi95
#   OUTDIR/r_ets_models_<freq>.csv                        series_id,model,aicc (the model ets chose)
#   OUTDIR/r_timing.csv                                   method,frequency,series,seconds
# seconds = wall time (proc.time()["elapsed"]) of the fit+forecast loop only: reading the CSV
# files, slicing the series and writing the results are outside the timed loop.
# Needs R with the forecast package (Debian 12: r-base-core r-cran-forecast, forecast 8.20).
# Single-threaded; about 8.5 minutes on a 2-core machine (ets monthly 466 s, quarterly 32 s).

suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) {
  stop("usage: Rscript bench/forecast/r_peers.R DATA_DIR OUTDIR")
}
data_dir <- args[1]
out_dir <- args[2]
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

fc_frame <- function(id, fc) {
  data.frame(series_id = id, h = seq_along(fc$mean), forecast = num(as.numeric(fc$mean)),
             lo80 = num(as.numeric(fc$lower[, 1])), hi80 = num(as.numeric(fc$upper[, 1])),
             lo95 = num(as.numeric(fc$lower[, 2])), hi95 = num(as.numeric(fc$upper[, 2])))
}

timing <- list()

for (freq in c("monthly", "quarterly")) {
  m <- if (freq == "monthly") 12 else 4
  meta <- read.csv(file.path(data_dir, sprintf("m3_%s_series.csv", freq)), stringsAsFactors = FALSE)
  vals <- read.csv(file.path(data_dir, sprintf("m3_%s_values.csv", freq)), stringsAsFactors = FALSE)
  vals <- vals[order(vals$series_id, vals$t), ]
  by_id <- split(vals$value, vals$series_id)
  # Training series and horizons, prepared before any timing starts.
  ys <- lapply(seq_len(nrow(meta)), function(i) {
    v <- by_id[[meta$series_id[i]]]
    stopifnot(length(v) == meta$n_total[i])
    ts(v[seq_len(meta$n_total[i] - meta$horizon[i])], frequency = m)
  })
  hs <- meta$horizon
  ids <- meta$series_id
  k <- length(ys)

  # --- ets (automatic model selection) ---
  set.seed(1)  # only models that simulate their intervals would use it
  ets_fc <- vector("list", k)
  ets_model <- character(k)
  ets_aicc <- numeric(k)
  t0 <- proc.time()[["elapsed"]]
  for (i in seq_len(k)) {
    fit <- ets(ys[[i]])
    ets_fc[[i]] <- forecast(fit, h = hs[i], level = c(80, 95))
    comp <- fit$components
    ets_model[i] <- paste0(comp[1], comp[2], ifelse(as.logical(comp[4]), "d", ""), comp[3])
    ets_aicc[i] <- if (is.null(fit$aicc)) NA else fit$aicc
  }
  ets_secs <- proc.time()[["elapsed"]] - t0

  # --- thetaf ---
  th_fc <- vector("list", k)
  t0 <- proc.time()[["elapsed"]]
  for (i in seq_len(k)) {
    th_fc[[i]] <- thetaf(ys[[i]], h = hs[i], level = c(80, 95))
  }
  th_secs <- proc.time()[["elapsed"]] - t0

  write.csv(do.call(rbind, Map(fc_frame, ids, ets_fc)),
            file.path(out_dir, sprintf("r_ets_%s.csv", freq)), row.names = FALSE, quote = FALSE)
  write.csv(do.call(rbind, Map(fc_frame, ids, th_fc)),
            file.path(out_dir, sprintf("r_thetaf_%s.csv", freq)), row.names = FALSE, quote = FALSE)
  write.csv(data.frame(series_id = ids, model = ets_model, aicc = num(ets_aicc)),
            file.path(out_dir, sprintf("r_ets_models_%s.csv", freq)), row.names = FALSE, quote = FALSE)

  timing[[length(timing) + 1]] <- data.frame(method = "ets", frequency = freq, series = k,
                                             seconds = sprintf("%.3f", ets_secs))
  timing[[length(timing) + 1]] <- data.frame(method = "thetaf", frequency = freq, series = k,
                                             seconds = sprintf("%.3f", th_secs))
  cat(sprintf("%s: %d series, ets %.1f s, thetaf %.1f s\n", freq, k, ets_secs, th_secs))
}

write.csv(do.call(rbind, timing), file.path(out_dir, "r_timing.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("R %s.%s, forecast %s\n", R.version$major, R.version$minor,
            as.character(packageVersion("forecast"))))
