# Unit tests of the forecasting engine (models/analytics); included from tests/CMakeLists.txt.
# Reference numbers from R's forecast package are read from tests/golden/forecast (see its
# README.md) through VANTAGE_SOURCE_DIR, which vantage_add_test sets.
vantage_add_test(tst_etsstate SOURCES core/tst_etsstate.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_etsforecast SOURCES core/tst_etsforecast.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_quantileselection SOURCES core/tst_quantileselection.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_etsfitter SOURCES core/tst_etsfitter.cpp LIBS vantage_core LABELS unit TIMEOUT 300)
vantage_add_test(tst_etsadmissibility SOURCES core/tst_etsadmissibility.cpp LIBS vantage_core Eigen3::Eigen LABELS unit)
vantage_add_test(tst_classicaldecomposition SOURCES core/tst_classicaldecomposition.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_thetamethod SOURCES core/tst_thetamethod.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_seasonalnaive SOURCES core/tst_seasonalnaive.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_forecastaccuracy SOURCES core/tst_forecastaccuracy.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_rollingbacktest SOURCES core/tst_rollingbacktest.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_forecaster SOURCES core/tst_forecaster.cpp LIBS vantage_core LABELS unit TIMEOUT 300)
vantage_add_test(tst_seriesfile SOURCES core/tst_seriesfile.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_riskfeatures SOURCES core/tst_riskfeatures.cpp LIBS vantage_core Eigen3::Eigen LABELS unit)
vantage_add_test(tst_funnelanomaly SOURCES core/tst_funnelanomaly.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_funnelalertrules SOURCES core/tst_funnelalertrules.cpp LIBS vantage_core LABELS unit)
