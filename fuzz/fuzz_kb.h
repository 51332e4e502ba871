/* fuzz_kb.h -- the bundled knowledge base, for fuzz targets (fuzz_kb.c). */
#ifndef CASUS_FUZZ_KB_H
#define CASUS_FUZZ_KB_H
#include "casus_int.h"
casus_kb *fuzz_kb(void);
/* The bundled lexicon (DATA/lexicon), compiled against fuzz_kb(). */
casus_lexicon *fuzz_lexicon(void);
#endif
