check tests/cases/check/bad-yaml.yaml
