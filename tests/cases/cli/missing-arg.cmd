obligations UKR
