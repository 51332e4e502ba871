/*
 * query_int.h -- shared between query.c (obligations, allies) and
 * cascade.c: the per-query context and the collector of bindings.
 */
#ifndef CASUS_QUERY_INT_H
#define CASUS_QUERY_INT_H

#include "casus_int.h"

typedef enum { ROLE_ATTACKED, ROLE_ATTACKING } qrole;

typedef struct qctx {
    const casus_kb *kb;
    casus_arena *arena;
    int32_t day;
    casus_binding *bound; size_t nbound, capbound;
    casus_binding *pending; size_t npending, cappending;
    casus_binding *not_triggered; size_t nnot, capnot;
    const char **violations; size_t nviolations, capviolations;
    /* cascade mode: only obligations that make a state join a side, and
     * only obligors not already on that side (side[] by lineage: SIDE_*) */
    bool joiners_only;
    const unsigned char *side;
} qctx;

enum { SIDE_NONE = 0, SIDE_ATT = 1, SIDE_TGT = 2, SIDE_CONFLICT = 3 };

int casusi_vec_push(casus_arena *a, void **data, size_t *n, size_t *cap,
                    size_t size, const void *item);
const casus_member *casusi_member_of(const casus_treaty *t, const casus_state *s);
bool casusi_ob_valid(const casus_obligation *ob, int32_t day);
int casusi_check_attack(const casus_attack *at, casus_error *err);
/* Collects every obligation owed to Y (attacked by / attacking `enemy`).
 * theatre_only: Y is a joiner whose forces fight where the attack is, so its
 * own territory is not hit. yside: the side Y is on. */
int casusi_collect(qctx *q, const casus_state *Y, qrole role,
                   const casus_state *enemy, const casus_attack *at,
                   bool theatre_only, casus_side yside);

#endif
