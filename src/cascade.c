/*
 * cascade.c -- the escalation by rounds.
 *
 * Round 1 asks who is bound to act because the attacker attacked the target;
 * every state bound to join a side (defense: the side of the state it must
 * assist; offense: the attacker's side) joins it. In each later round the
 * states that joined in the round before are treated as at war with the
 * other side: a target-side joiner as attacked by the original attacker (its
 * forces fight in the theatre of the first attack, so conditions on its own
 * territory are not met), an attacker-side joiner as attacking the target.
 * A state bound to both sides in the same round joins neither and is listed
 * as conflicted; a state already on one side that becomes bound to the other
 * is listed as conflicted and stays where it is. Consultation, neutrality and
 * non-aggression make no one join. The rounds end when no one new joins (at
 * most one round per state, so the loop always ends).
 */
#include "query_int.h"

#include <string.h>

#define S_ATT SIDE_ATT
#define S_TGT SIDE_TGT
#define S_CONFLICT SIDE_CONFLICT

int casus_query_cascade(const casus_kb *kb, casus_arena *A,
                        const casus_attack *at, casus_cascade **out,
                        casus_error *err)
{
    *out = NULL;
    int rc = casusi_check_attack(at, err);
    if (rc)
        return rc;
    casus_cascade *c = casus_arena_alloc(A, sizeof *c);
    unsigned char *side = casus_arena_alloc(A, kb->nlineages + 1);
    const casus_state **att = casus_arena_alloc(A, (kb->nstates + 2) * sizeof *att);
    const casus_state **tgt = casus_arena_alloc(A, (kb->nstates + 2) * sizeof *tgt);
    if (!c || !side || !att || !tgt)
        goto nomem;
    const casus_state *a0 = casus_kb_state_on(kb, at->attacker, at->day);
    const casus_state *b0 = casus_kb_state_on(kb, at->target, at->day);
    size_t natt = 0, ntgt = 0;
    att[natt++] = a0;
    tgt[ntgt++] = b0;
    side[a0->lineage] = S_ATT;
    side[b0->lineage] = S_TGT;
    casus_joiner *joiners = NULL;
    size_t njoin = 0, capjoin = 0;
    casus_binding *conf = NULL;
    size_t nconf = 0, capconf = 0;
    size_t fa_lo = 0, fa_hi = 1, ft_lo = 0, ft_hi = 1; /* frontiers */
    size_t round = 0;
    while ((fa_lo < fa_hi || ft_lo < ft_hi) && round < kb->nstates + 1) {
        round++;
        qctx q;
        memset(&q, 0, sizeof q);
        q.kb = kb;
        q.arena = A;
        q.day = at->day;
        q.joiners_only = true;
        q.side = side;
        for (size_t i = ft_lo; i < ft_hi; i++) {
            bool first = round == 1;
            rc = casusi_collect(&q, tgt[i], ROLE_ATTACKED, a0, at, !first, CASUS_SIDE_TARGET);
            if (rc)
                goto nomem;
        }
        for (size_t i = fa_lo; i < fa_hi; i++) {
            rc = casusi_collect(&q, att[i], ROLE_ATTACKING, b0, at, round != 1, CASUS_SIDE_ATTACKER);
            if (rc)
                goto nomem;
        }
        /* which side does each candidate want, this round? */
        unsigned char *want = casus_arena_alloc(A, kb->nlineages + 1);
        const casus_binding **why = casus_arena_alloc(A, (kb->nlineages + 1) * sizeof *why);
        if (!want || !why)
            goto nomem;
        for (size_t i = 0; i < q.nbound; i++) {
            const casus_binding *b = &q.bound[i];
            if (b->side == CASUS_SIDE_NONE || !b->treaty->binding)
                continue;
            if (at->certain_only && b->overall != CASUS_MET)
                continue;
            int l = b->state->lineage;
            unsigned char s = b->side == CASUS_SIDE_TARGET ? S_TGT : S_ATT;
            if (side[l] == S_CONFLICT)
                continue;
            if (side[l] && side[l] != s) {
                /* already on the other side: conflicted, stays put */
                bool seen = false;
                for (size_t k = 0; k < nconf; k++)
                    if (conf[k].state->lineage == l && conf[k].treaty == b->treaty)
                        seen = true;
                if (!seen && casusi_vec_push(A, (void **)&conf, &nconf, &capconf, sizeof *b, b))
                    goto nomem;
                continue;
            }
            if (side[l] == s)
                continue;
            if (!want[l]) {
                want[l] = s;
                why[l] = b;
            } else if (want[l] != s && want[l] != S_CONFLICT) {
                want[l] = S_CONFLICT;
                if (casusi_vec_push(A, (void **)&conf, &nconf, &capconf, sizeof *b, why[l]) ||
                    casusi_vec_push(A, (void **)&conf, &nconf, &capconf, sizeof *b, b))
                    goto nomem;
            }
        }
        fa_lo = natt;
        ft_lo = ntgt;
        /* join in the order the bindings were found (stable output) */
        for (size_t i = 0; i < q.nbound; i++) {
            const casus_binding *b = &q.bound[i];
            int l = b->state->lineage;
            if (!want[l] || want[l] == S_CONFLICT || why[l] != b || side[l])
                continue;
            side[l] = want[l];
            casus_joiner j = {b->state, b->side, (int)round, b};
            if (casusi_vec_push(A, (void **)&joiners, &njoin, &capjoin, sizeof j, &j))
                goto nomem;
            if (want[l] == S_ATT)
                att[natt++] = b->state;
            else
                tgt[ntgt++] = b->state;
        }
        for (size_t l = 0; l < kb->nlineages; l++)
            if (want[l] == S_CONFLICT && !side[l])
                side[l] = S_CONFLICT;
        fa_hi = natt;
        ft_hi = ntgt;
    }
    c->attacker_side = att;
    c->nattacker_side = natt;
    c->target_side = tgt;
    c->ntarget_side = ntgt;
    c->joiners = joiners;
    c->njoiners = njoin;
    c->nrounds = njoin ? (size_t)joiners[njoin - 1].round : 0;
    c->conflicted = conf;
    c->nconflicted = nconf;
    *out = c;
    return CASUS_OK;
nomem:
    casusi_seterr(err, CASUS_ENOMEM, "out of memory");
    return CASUS_ENOMEM;
}
