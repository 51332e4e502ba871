/*
 * yaml_tree.h -- a small read-only tree built from libyaml's event stream,
 * with the line and column of every node, for the data-file loader.
 */
#ifndef CASUS_YAML_TREE_H
#define CASUS_YAML_TREE_H

#include "casus_int.h"

typedef enum { Y_SCALAR, Y_SEQ, Y_MAP } ytype;

typedef struct ynode {
    ytype type;
    int line, col;        /* 1-based */
    int plain;            /* scalar written without quotes */
    const char *str;      /* scalar text (NUL-terminated) */
    size_t len;
    struct ynode **items; /* SEQ: n items; MAP: 2n (key, value, key, value...) */
    size_t n;
} ynode;

/* Parses one YAML document from buf into a tree allocated in arena. On
 * error returns NULL and fills err (file, line, column, message). Limits:
 * nesting depth 64; anchors and aliases are refused. */
ynode *casusi_yaml_parse(casus_arena *arena, const char *file,
                         const char *buf, size_t len, casus_error *err);

/* The value for key in a map, or NULL. */
const ynode *casusi_ymap_get(const ynode *map, const char *key);
/* A short description of a node for "found ..." messages. */
const char *casusi_ydescribe(const ynode *n);

#endif
