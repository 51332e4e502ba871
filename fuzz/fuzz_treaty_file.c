/*
 * fuzz_treaty_file.c -- fuzz target for the treaty-file loader: any bytes
 * loaded as data/treaties/fuzz.yaml against the bundled states must give a
 * treaty or errors, never a crash, leak or hang. The bundled data folder is
 * $CASUS_DATA or ./data.
 */
#include "fuzz_kb.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)casusi_check_treaty_mem(fuzz_kb(), "fuzz.yaml", (const char *)data, size, NULL, NULL);
    return 0;
}
