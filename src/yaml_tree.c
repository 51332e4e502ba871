/*
 * yaml_tree.c -- turns libyaml's events into a ynode tree (see yaml_tree.h).
 */
#include "yaml_tree.h"

#include <string.h>
#include <yaml.h>

#define YAML_MAX_DEPTH 64

typedef struct frame {
    ynode *node;
    size_t cap;
} frame;

static int push_item(casus_arena *a, frame *f, ynode *item)
{
    if (f->node->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        ynode **items = casus_arena_alloc(a, cap * sizeof *items);
        if (!items)
            return -1;
        if (f->node->n)
            memcpy(items, f->node->items, f->node->n * sizeof *items);
        f->node->items = items;
        f->cap = cap;
    }
    f->node->items[f->node->n++] = item;
    return 0;
}

ynode *casusi_yaml_parse(casus_arena *a, const char *file, const char *buf,
                         size_t len, casus_error *err)
{
    yaml_parser_t p;
    yaml_event_t ev;
    frame stack[YAML_MAX_DEPTH];
    int depth = 0;
    ynode *root = NULL;
    int done = 0, failed = 0;

    if (!yaml_parser_initialize(&p)) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return NULL;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    while (!done && !failed) {
        if (!yaml_parser_parse(&p, &ev)) {
            casusi_seterr_at(err, CASUS_EPARSE, file, (int)p.problem_mark.line + 1,
                             (int)p.problem_mark.column + 1,
                             "expected well-formed YAML: %s%s%s",
                             p.problem ? p.problem : "syntax error",
                             p.context ? " " : "", p.context ? p.context : "");
            failed = 1;
            break;
        }
        int line = (int)ev.start_mark.line + 1, col = (int)ev.start_mark.column + 1;
        ynode *n = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            done = ev.type == YAML_STREAM_END_EVENT || root != NULL;
            break;
        case YAML_ALIAS_EVENT:
            casusi_seterr_at(err, CASUS_EPARSE, file, line, col,
                             "expected a plain value, found a YAML alias (anchors and aliases are not supported)");
            failed = 1;
            break;
        case YAML_SCALAR_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            n = casus_arena_alloc(a, sizeof *n);
            if (!n) {
                casusi_seterr(err, CASUS_ENOMEM, "out of memory");
                failed = 1;
                break;
            }
            n->line = line;
            n->col = col;
            if (ev.type == YAML_SCALAR_EVENT) {
                n->type = Y_SCALAR;
                n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                n->str = casus_arena_strndup(a, (const char *)ev.data.scalar.value,
                                             ev.data.scalar.length);
                n->len = ev.data.scalar.length;
                if (!n->str || strlen(n->str) != n->len) {
                    casusi_seterr_at(err, CASUS_EPARSE, file, line, col,
                                     "expected text, found a NUL byte");
                    failed = 1;
                    break;
                }
            } else {
                n->type = ev.type == YAML_SEQUENCE_START_EVENT ? Y_SEQ : Y_MAP;
            }
            if (depth > 0) {
                if (push_item(a, &stack[depth - 1], n)) {
                    casusi_seterr(err, CASUS_ENOMEM, "out of memory");
                    failed = 1;
                    break;
                }
            } else if (!root) {
                root = n;
            }
            if (n->type != Y_SCALAR) {
                if (depth == YAML_MAX_DEPTH) {
                    casusi_seterr_at(err, CASUS_ELIMIT, file, line, col,
                                     "expected at most %d levels of nesting", YAML_MAX_DEPTH);
                    failed = 1;
                    break;
                }
                stack[depth].node = n;
                stack[depth].cap = 0;
                depth++;
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (root) {
                casusi_seterr_at(err, CASUS_EPARSE, file, line, col,
                                 "expected one YAML document, found a second one");
                failed = 1;
            }
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    if (failed)
        return NULL;
    if (!root) {
        casusi_seterr_at(err, CASUS_EPARSE, file, 1, 1, "expected a YAML mapping, found an empty file");
        return NULL;
    }
    return root;
}

const ynode *casusi_ymap_get(const ynode *map, const char *key)
{
    if (!map || map->type != Y_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->items[i];
        if (k->type == Y_SCALAR && k->str[0] == key[0] && strcmp(k->str, key) == 0)
            return map->items[i + 1];
    }
    return NULL;
}

const char *casusi_ydescribe(const ynode *n)
{
    if (!n)
        return "nothing";
    switch (n->type) {
    case Y_SEQ: return "a list";
    case Y_MAP: return "a mapping";
    default: return n->len ? "text" : "an empty value";
    }
}
