cascade USA PRK --date 1970-06-25 --where PRK --json --pretty
