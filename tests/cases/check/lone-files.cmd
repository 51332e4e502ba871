check data/treaties/ru-kp-2024.yaml data/treaties/su-kp-1961.yaml
