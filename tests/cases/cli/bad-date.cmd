obligations UKR RUS --date 2024-13-01
