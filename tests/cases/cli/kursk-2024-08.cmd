obligations UKR RUS --date 2024-08-06 --where kursk --json --pretty
