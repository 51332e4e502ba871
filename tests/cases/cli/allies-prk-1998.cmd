allies PRK --date 1998-06-01 --json
