/*
 * fuzz_base_file.c -- fuzz target for the loaders of states.yaml,
 * areas.yaml and places.yaml. The first byte picks the file kind; the rest
 * is loaded against the bundled states and areas ($CASUS_DATA or ./data).
 * Any bytes must give records or errors, never a crash, leak or hang.
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
    if (size == 0)
        return 0;
    (void)casusi_check_base_mem(kb, data[0] % 3, (const char *)data + 1, size - 1, NULL, NULL);
    return 0;
}
