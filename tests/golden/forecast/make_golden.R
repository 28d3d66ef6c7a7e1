# Golden reference data for the C++ forecasting engine, made with R's `forecast` package.
#
#   Rscript tests/golden/forecast/make_golden.R            (from the repository root)
#   Rscript tests/golden/forecast/make_golden.R DATA_DIR OUT_DIR
#
# Defaults: DATA_DIR = bench/data/m3, OUT_DIR = tests/golden/forecast.
# Needs R with the forecast package (Debian 12: r-base-core r-cran-forecast, forecast 8.20).
# See README.md beside this file for what every column means and R_NOTES.md for R's algorithms.

suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "bench/data/m3"
out_dir <- if (length(args) >= 2) args[2] else "tests/golden/forecast"

# The series: 3 monthly, 3 quarterly (training part only), chosen by looking at the
# development set (strength of trend and seasonality from an STL decomposition):
#   N1403 monthly MICRO, n=50, noisy, weak trend/seasonality
#   N2151 monthly INDUSTRY, n=115, strong trend and strong seasonality
#   N2753 monthly DEMOGRAPHIC, n=78, smooth strong trend and strong seasonality
#   N1085 quarterly MACRO, n=44, strong seasonality and trend
#   N1183 quarterly MACRO, n=16 (short: only 4 years), strong seasonality
#   N0647 quarterly MICRO, n=36, strong trend, no seasonality
picks <- list(
  list(id = "N1403", freq = "monthly"),
  list(id = "N2151", freq = "monthly"),
  list(id = "N2753", freq = "monthly"),
  list(id = "N1085", freq = "quarterly"),
  list(id = "N1183", freq = "quarterly"),
  list(id = "N0647", freq = "quarterly")
)

# Intermittent demand series for Croston (fixed, 40 monthly values, 25 zeros = 62.5%).
intermittent <- c(0, 2, 0, 0, 3, 0, 1, 0, 0, 4, 0, 0, 2, 0, 5, 0, 0, 0, 3, 1,
                  0, 0, 2, 0, 0, 6, 0, 1, 0, 0, 0, 3, 0, 2, 0, 0, 4, 0, 1, 0)

specs <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA",
           "MNN", "MAN", "MAdN", "MNA", "MAM", "MAdM", "MNM")

# Full precision (round-trips a double), "NA" for missing values.
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_rows <- function(df, name) {
  write.csv(df, file.path(out_dir, name), row.names = FALSE, quote = FALSE)
}

series_meta <- list(
  monthly = read.csv(file.path(data_dir, "m3_monthly_series.csv"), stringsAsFactors = FALSE),
  quarterly = read.csv(file.path(data_dir, "m3_quarterly_series.csv"), stringsAsFactors = FALSE)
)
values <- list(
  monthly = read.csv(file.path(data_dir, "m3_monthly_values.csv"), stringsAsFactors = FALSE),
  quarterly = read.csv(file.path(data_dir, "m3_quarterly_values.csv"), stringsAsFactors = FALSE)
)

training <- function(id, freq) {
  meta <- series_meta[[freq]]
  row <- meta[meta$series_id == id, ]
  v <- values[[freq]]
  v <- v[v$series_id == id, ]
  v <- v[order(v$t), ]
  n <- row$n_total - row$horizon
  m <- if (freq == "monthly") 12 else 4
  list(y = ts(v$value[1:n], frequency = m), horizon = row$horizon, m = m)
}

model_name <- function(fit) {
  comp <- fit$components
  paste0(comp[1], comp[2], ifelse(as.logical(comp[4]), "d", ""), comp[3])
}
par_or_na <- function(fit, name) {
  if (name %in% names(fit$par)) unname(fit$par[name]) else NA
}

series_rows <- list()
fixed_rows <- list()
fitted_rows <- list()
fc_rows <- list()
auto_rows <- list()
theta_rows <- list()
theta_int_rows <- list()
snaive_rows <- list()
skipped <- character(0)

for (p in picks) {
  d <- training(p$id, p$freq)
  y <- d$y
  h <- d$horizon
  n <- length(y)
  series_rows[[length(series_rows) + 1]] <- data.frame(
    series_id = p$id, period = d$m, t = seq_len(n), value = num(as.numeric(y)))

  # --- ets with each fixed model spec ---
  for (spec in specs) {
    damped <- grepl("d", spec, fixed = TRUE)
    model <- gsub("d", "", spec, fixed = TRUE)
    fit <- tryCatch(
      suppressWarnings(ets(y, model = model, damped = damped, opt.crit = "lik",
                           bounds = "both", ic = "aicc")),
      error = function(e) e)
    if (inherits(fit, "error")) {
      skipped <- c(skipped, sprintf("%s %s: %s", p$id, spec, conditionMessage(fit)))
      next
    }
    stopifnot(model_name(fit) == spec)
    fixed_rows[[length(fixed_rows) + 1]] <- data.frame(
      series_id = p$id, model = spec,
      alpha = num(par_or_na(fit, "alpha")), beta = num(par_or_na(fit, "beta")),
      gamma = num(par_or_na(fit, "gamma")), phi = num(par_or_na(fit, "phi")),
      initstate = paste(num(unname(fit$initstate)), collapse = ";"),
      loglik = num(fit$loglik), aic = num(fit$aic), aicc = num(fit$aicc), bic = num(fit$bic),
      sigma2 = num(fit$sigma2), mse = num(fit$mse))
    fitted_rows[[length(fitted_rows) + 1]] <- data.frame(
      series_id = p$id, model = spec, t = seq_len(n),
      fitted = num(as.numeric(fit$fitted)), residual = num(as.numeric(fit$residuals)))
    # Only models outside forecast.ets's class1/class2/class3 simulate their intervals
    # (multiplicative trend, or additive error with multiplicative season); none of the
    # specs above does, but the seed keeps the file reproducible either way.
    set.seed(1)
    fc <- forecast(fit, h = h, level = c(80, 95))
    fc_rows[[length(fc_rows) + 1]] <- data.frame(
      series_id = p$id, model = spec, h = seq_len(h), mean = num(as.numeric(fc$mean)),
      lo80 = num(as.numeric(fc$lower[, 1])), hi80 = num(as.numeric(fc$upper[, 1])),
      lo95 = num(as.numeric(fc$lower[, 2])), hi95 = num(as.numeric(fc$upper[, 2])))
  }

  # --- automatic ets ---
  afit <- ets(y)
  auto_rows[[length(auto_rows) + 1]] <- data.frame(
    series_id = p$id, model = model_name(afit), aicc = num(afit$aicc))

  # --- thetaf ---
  th <- thetaf(y, h = h, level = c(80, 95))
  theta_rows[[length(theta_rows) + 1]] <- data.frame(
    series_id = p$id, h = seq_len(h), mean = num(as.numeric(th$mean)),
    lo80 = num(as.numeric(th$lower[, 1])), hi80 = num(as.numeric(th$upper[, 1])),
    lo95 = num(as.numeric(th$lower[, 2])), hi95 = num(as.numeric(th$upper[, 2])))
  # thetaf does not return its seasonality decision; repeat its test verbatim.
  m <- frequency(y)
  if (m > 1 && !is.constant(y) && n > 2 * m) {
    r <- as.numeric(acf(y, lag.max = m, plot = FALSE)$acf)[-1]
    stat <- sqrt((1 + 2 * sum(r[-m]^2)) / n)
    seasonal <- (abs(r[m]) / stat > qnorm(0.95))
    acf_m <- r[m]
  } else {
    seasonal <- FALSE
    acf_m <- NA
    stat <- NA
  }
  x <- y
  sidx <- NA
  if (seasonal) {
    decomp <- decompose(y, type = "multiplicative")
    x <- seasadj(decomp)
    sidx <- paste(num(as.numeric(tail(decomp$seasonal, m))), collapse = ";")
  }
  sesfit <- ets(x, "ANN", opt.crit = "mse")  # what ses(x) fits inside thetaf
  stopifnot(abs(sesfit$par["alpha"] - th$model$alpha) < 1e-12)
  theta_int_rows[[length(theta_int_rows) + 1]] <- data.frame(
    series_id = p$id, seasonal = ifelse(seasonal, "TRUE", "FALSE"),
    acf_m = num(acf_m), acf_stat = num(stat),
    alpha = num(unname(th$model$alpha)), b = num(unname(th$model$drift)),
    ses_l0 = num(unname(sesfit$initstate["l"])), ses_last_level = num(unname(sesfit$states[n + 1, "l"])),
    sigma2 = num(unname(th$model$sigma)), seasonal_index = sidx)

  # --- snaive ---
  sn <- snaive(y, h = h, level = c(80, 95))
  snaive_rows[[length(snaive_rows) + 1]] <- data.frame(
    series_id = p$id, h = seq_len(h), mean = num(as.numeric(sn$mean)),
    lo80 = num(as.numeric(sn$lower[, 1])), hi80 = num(as.numeric(sn$upper[, 1])),
    lo95 = num(as.numeric(sn$lower[, 2])), hi95 = num(as.numeric(sn$upper[, 2])))
}

# --- Croston on the intermittent series ---
yi <- ts(intermittent, frequency = 12)
series_rows[[length(series_rows) + 1]] <- data.frame(
  series_id = "INTERMITTENT1", period = 12, t = seq_along(intermittent), value = num(intermittent))
alpha_c <- 0.1
cr <- croston(yi, h = 12, alpha = alpha_c)
croston_rows <- data.frame(
  series_id = "INTERMITTENT1", h = 1:12, alpha = num(alpha_c), croston = num(as.numeric(cr$mean)),
  sba = num(as.numeric(cr$mean) * (1 - alpha_c / 2)))

dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
write_rows(do.call(rbind, series_rows), "series.csv")
write_rows(do.call(rbind, fixed_rows), "ets_fixed.csv")
write_rows(do.call(rbind, fitted_rows), "ets_fitted.csv")
write_rows(do.call(rbind, fc_rows), "ets_forecast.csv")
write_rows(do.call(rbind, auto_rows), "ets_auto.csv")
write_rows(do.call(rbind, theta_rows), "theta.csv")
write_rows(do.call(rbind, theta_int_rows), "theta_internals.csv")
write_rows(do.call(rbind, snaive_rows), "snaive.csv")
write_rows(croston_rows, "croston.csv")

cat(sprintf("R %s, forecast %s\n", paste(R.version$major, R.version$minor, sep = "."),
            as.character(packageVersion("forecast"))))
cat(sprintf("ets fits written: %d; skipped: %d\n", length(fixed_rows), length(skipped)))
for (s in skipped) cat("  skipped:", s, "\n")
