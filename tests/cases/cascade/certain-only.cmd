cascade AAA BBB --date 2020-06-01 --where BBB --data tests/cases/cascade/mini --certain
