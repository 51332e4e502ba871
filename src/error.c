/*
 * error.c -- result codes and the error value.
 */
#include "casus_int.h"

#include <stdio.h>
#include <string.h>

const char *casus_errstr(int code)
{
    switch (code) {
    case CASUS_OK: return "no error";
    case CASUS_ENOMEM: return "out of memory";
    case CASUS_EIO: return "cannot read file";
    case CASUS_EPARSE: return "malformed data file";
    case CASUS_EINVAL: return "invalid argument";
    case CASUS_ENOTFOUND: return "not found";
    case CASUS_ELIMIT: return "input too large";
    default: return "unknown error";
    }
}

static void vset(casus_error *err, int code, const char *file, int line,
                 int col, const char *fmt, va_list ap)
{
    if (!err)
        return;
    err->code = code;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    /* one line, no trailing newline */
    for (char *p = err->msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = col;
}

void casusi_seterr(casus_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, NULL, 0, 0, fmt, ap);
    va_end(ap);
}

void casusi_seterr_at(casus_error *err, int code, const char *file, int line,
                      int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, file, line, col, fmt, ap);
    va_end(ap);
}
