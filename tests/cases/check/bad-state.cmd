check tests/cases/check/bad-state.yaml
