/*
 * arena.c -- bump allocator for per-query memory and for the kb's records.
 *
 * Memory comes in blocks from malloc; casus_arena_alloc hands out aligned,
 * zeroed slices. Nothing is freed on its own: casus_arena_reset() frees all
 * but the first block, casus_arena_free() frees everything.
 */
#include "casus_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 16384
#define ARENA_ALIGN 16

typedef struct block {
    struct block *next;
    size_t cap;   /* usable bytes after the header */
    size_t used;
    max_align_t data[]; /* payload */
} block;

struct casus_arena {
    block *head;  /* current block (most recent) */
    block *first; /* the block kept by reset */
    size_t total; /* bytes obtained from malloc */
};

static block *block_new(size_t cap)
{
    block *b = malloc(sizeof(block) + cap);
    if (!b)
        return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

casus_arena *casus_arena_new(void)
{
    casus_arena *a = malloc(sizeof *a);
    if (!a)
        return NULL;
    a->first = a->head = block_new(ARENA_BLOCK);
    if (!a->head) {
        free(a);
        return NULL;
    }
    a->total = sizeof(block) + ARENA_BLOCK;
    return a;
}

void casus_arena_reset(casus_arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b && b != a->first) {
        block *n = b->next;
        free(b);
        b = n;
    }
    a->head = a->first;
    a->first->used = 0;
    a->total = sizeof(block) + a->first->cap;
}

void casus_arena_free(casus_arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

/* Like casus_arena_alloc, without zeroing (for bytes about to be copied). */
static void *arena_alloc_raw(casus_arena *a, size_t size);

void *casus_arena_alloc(casus_arena *a, size_t size)
{
    void *p = arena_alloc_raw(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

static void *arena_alloc_raw(casus_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0)
        need = ARENA_ALIGN;
    block *b = a->head;
    if (b->cap - b->used < need) {
        /* New blocks go in front; the first block stays last in the chain,
         * which is what casus_arena_reset() keeps. */
        size_t cap = need > ARENA_BLOCK ? need : ARENA_BLOCK;
        block *nb = block_new(cap);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        a->total += sizeof(block) + cap;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    return p;
}

char *casus_arena_strndup(casus_arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_raw(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *casus_arena_strdup(casus_arena *a, const char *s)
{
    return s ? casus_arena_strndup(a, s, strlen(s)) : NULL;
}

char *casus_arena_printf(casus_arena *a, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    if ((size_t)n < sizeof small)
        return casus_arena_strndup(a, small, (size_t)n);
    char *p = casus_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t casus_arena_size(const casus_arena *a)
{
    return a ? a->total : 0;
}
