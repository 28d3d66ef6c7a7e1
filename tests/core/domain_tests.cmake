# Unit tests of the core's value types; included from tests/CMakeLists.txt.
vantage_add_test(tst_money SOURCES core/tst_money.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_decimal SOURCES core/tst_decimal.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_uuid7 SOURCES core/tst_uuid7.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_csvreader SOURCES core/tst_csvreader.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_appsettings SOURCES core/tst_appsettings.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_csvwriter SOURCES core/tst_csvwriter.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_xlsxsheet SOURCES core/tst_xlsxsheet.cpp LIBS vantage_core LABELS unit)
vantage_add_test(tst_xlsxwriter SOURCES core/tst_xlsxwriter.cpp LIBS vantage_core LABELS integration)
