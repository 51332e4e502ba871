cascade RUS RUS --date 2024-01-01
