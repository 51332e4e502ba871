obligations UKR RUS --where atlantis
