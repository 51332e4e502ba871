treaty no-such-treaty
