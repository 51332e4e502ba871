check tests/cases/check/unknown-field.yaml
