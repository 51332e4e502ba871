treaty su-kp-1961 --date 1995-01-01
