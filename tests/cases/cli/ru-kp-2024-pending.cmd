treaty ru-kp-2024 --date 2024-11-10 --json --pretty
