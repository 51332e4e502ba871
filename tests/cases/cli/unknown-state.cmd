obligations XXX RUS
