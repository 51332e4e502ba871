/*
 * fuzz_base_file.c -- fuzz target for the loaders of states.yaml,
 * areas.yaml and places.yaml. The first byte picks the file kind; the rest
 * is loaded against the bundled states and areas ($CASUS_DATA or ./data).
 * Any bytes must give records or errors, never a crash, leak or hang.
 */
#include "fuzz_kb.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    (void)casusi_check_base_mem(fuzz_kb(), data[0] % 3, (const char *)data + 1, size - 1, NULL, NULL);
    return 0;
}
