/*
 * fuzz_yaml.c -- fuzz target for the YAML reader (yaml_tree.c): any bytes
 * must give a tree or a clean error, never a crash, leak or hang.
 */
#include "yaml_tree.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    casus_arena *a = casus_arena_new();
    casus_error e;
    if (!a)
        return 0;
    (void)casusi_yaml_parse(a, "fuzz.yaml", (const char *)data, size, &e);
    casus_arena_free(a);
    return 0;
}
