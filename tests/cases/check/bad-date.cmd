check tests/cases/check/bad-date.yaml
