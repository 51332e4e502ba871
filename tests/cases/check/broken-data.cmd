check tests/cases/check/broken-data
