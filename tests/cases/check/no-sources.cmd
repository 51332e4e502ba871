check tests/cases/check/no-sources.yaml
