/*
 * fuzz_treaty_file.c -- fuzz target for the treaty-file loader: any bytes
 * loaded as data/treaties/fuzz.yaml against the bundled states must give a
 * treaty or errors, never a crash, leak or hang. The bundled data folder is
 * $CASUS_DATA or ./data.
 */
#include "casus_int.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static casus_kb *kb; /* the harness's, loaded once; the library keeps none */

static void at_exit(void)
{
    casus_kb_close(kb);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("CASUS_DATA");
    casus_error e;
    if (casus_kb_open(dir ? dir : "data", &kb, &e) != CASUS_OK)
        abort();
    atexit(at_exit);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)casusi_check_treaty_mem(kb, "fuzz.yaml", (const char *)data, size, NULL, NULL);
    return 0;
}
