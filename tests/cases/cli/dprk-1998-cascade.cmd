cascade USA PRK --date 1998-06-01 --where PRK --json
