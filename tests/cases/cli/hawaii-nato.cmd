obligations CHN USA --date 2025-01-01 --where hawaii --json --pretty
