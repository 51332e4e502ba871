/*
 * query.c -- who is bound to act when a state is attacked: member status on
 * a day, condition evaluation, the `obligations` and `allies` queries. The
 * model is described in docs/reasoning.md.
 */
#include "query_int.h"

#include <stdio.h>
#include <string.h>

const char *casus_obtype_name(casus_obtype t)
{
    static const char *const n[] = {"defense", "offense", "neutrality",
        "non-aggression", "consultation", "military-aid", "technology-transfer",
        "intelligence-sharing", "basing"};
    return (unsigned)t < CASUS_OB__COUNT ? n[t] : "?";
}

const char *casus_trigger_name(casus_trigger t)
{
    static const char *const n[] = {"attack", "threat", "attacking", "war", "standing"};
    return (unsigned)t <= CASUS_TRIG_STANDING ? n[t] : "?";
}

const char *casus_condkind_name(casus_condkind k)
{
    static const char *const n[] = {"state-of-war", "territory", "administered",
        "administered-by", "area", "adversary", "not-adversary",
        "non-member-attacker", "consultation-first", "request", "joint-finding",
        "non-provocation", "constitutional-processes", "co-belligerent",
        "unnamed"};
    return (unsigned)k < CASUS_COND__COUNT ? n[k] : "?";
}

const char *casus_mstatus_name(casus_mstatus s)
{
    switch (s) {
    case CASUS_M_NOT_SIGNED: return "not a party";
    case CASUS_M_PENDING: return "signed, not in force";
    case CASUS_M_BOUND: return "bound";
    case CASUS_M_ENDED: return "no longer bound";
    case CASUS_M_UNCERTAIN: return "bound (rests on a partial date)";
    }
    return "?";
}

static bool in_range(const casus_date *from, const casus_date *until, int32_t day,
                     int *partial)
{
    /* definitely inside */
    bool sure_from = !from->precision || from->hi <= day;
    bool sure_until = !until->precision || day <= until->lo;
    bool maybe_from = !from->precision || from->lo <= day;
    bool maybe_until = !until->precision || day <= until->hi;
    if (sure_from && sure_until)
        return true;
    if (maybe_from && maybe_until) {
        if (partial)
            *partial = 1;
        return true;
    }
    return false;
}

casus_mstatus casus_member_status(const casus_treaty *t, const casus_member *m,
                                  int32_t day, int *partial)
{
    bool before_first = true, ended = false;
    if (t->ended.precision && day > t->ended.hi) { /* no one is bound after the end */
        if (partial)
            *partial = 0;
        return m->nspells ? CASUS_M_ENDED : CASUS_M_NOT_SIGNED;
    }
    for (size_t i = 0; i < m->nspells; i++) {
        const casus_spell *s = &m->spells[i];
        int sp = 0;
        if (in_range(&s->from, &s->until, day, &sp)) {
            if (partial)
                *partial = sp;
            return sp ? CASUS_M_UNCERTAIN : CASUS_M_BOUND;
        }
        if (s->from.precision && day >= s->from.lo)
            before_first = false;
        if (s->until.precision && day > s->until.hi)
            ended = true;
    }
    if (partial)
        *partial = 0;
    if (ended && !before_first)
        return CASUS_M_ENDED;
    const casus_date *sig = m->signed_on.precision ? &m->signed_on : &t->signed_on;
    if (t->ended.precision && day > t->ended.hi)
        return m->nspells ? CASUS_M_ENDED : CASUS_M_NOT_SIGNED;
    if (sig->precision && sig->lo <= day) {
        /* a member with no spell, or before its first spell, that has signed */
        if (m->nspells == 0 || before_first)
            return CASUS_M_PENDING;
    }
    return CASUS_M_NOT_SIGNED;
}

const char *casus_treaty_status(const casus_treaty *t, int32_t day)
{
    if (t->ended.precision && day > t->ended.hi)
        return "ended";
    if (t->in_force.precision && day >= t->in_force.lo)
        return day >= t->in_force.hi ? "in force" : "in force (rests on a partial date)";
    if (t->signed_on.precision && day >= t->signed_on.lo)
        return "signed, not in force";
    if (!t->signed_on.precision && !t->in_force.precision)
        return "dates unknown";
    return "not yet signed";
}

size_t casus_treaty_term_ends(const casus_treaty *t, int32_t day, int32_t *out,
                              size_t max)
{
    if (!t->term_initial || t->in_force.precision != 3)
        return 0;
    int y, m, d;
    casus_civil_from_days(t->in_force.lo, &y, &m, &d);
    int32_t stop = t->ended.precision ? t->ended.hi + 1 : day;
    size_t n = 0;
    for (int yy = y + t->term_initial; n < 1000; yy += t->term_renew) {
        int32_t e = casus_days_from_civil(yy, m, (m == 2 && d == 29) ? 28 : d);
        if (e > stop)
            break;
        if (n < max)
            out[n] = e;
        n++;
        if (!t->term_renew)
            break;
    }
    return n;
}

/* ------------------------------------------------------------ vectors */

int casusi_vec_push(casus_arena *a, void **data, size_t *n, size_t *cap,
                    size_t size, const void *item)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        void *nd = casus_arena_alloc(a, nc * size);
        if (!nd)
            return -1;
        if (*n)
            memcpy(nd, *data, *n * size);
        *data = nd;
        *cap = nc;
    }
    memcpy((char *)*data + *n * size, item, size);
    (*n)++;
    return 0;
}

/* ------------------------------------------------------- memberships */

const casus_member *casusi_member_of(const casus_treaty *t, const casus_state *s)
{
    for (size_t i = 0; i < t->nmembers; i++)
        if (casusi_same_lineage(t->members[i].state, s))
            return &t->members[i];
    return NULL;
}

static bool listed(const casus_state *s, const casus_state *const *list, size_t n)
{
    return n == 0 || casusi_state_in(s, list, n);
}

static bool suspended(const casus_treaty *t, const casus_state *a,
                      const casus_state *b, int32_t day)
{
    for (size_t i = 0; i < t->nsuspensions; i++) {
        const casus_suspension *s = &t->suspensions[i];
        bool pair = (casusi_same_lineage(s->a, a) && casusi_same_lineage(s->b, b)) ||
                    (casusi_same_lineage(s->a, b) && casusi_same_lineage(s->b, a));
        if (pair && in_range(&s->from, &s->until, day, NULL))
            return true;
    }
    return false;
}

bool casusi_ob_valid(const casus_obligation *ob, int32_t day)
{
    return in_range(&ob->from, &ob->until, day, NULL);
}

/* -------------------------------------------------------- conditions */

typedef struct where {
    bool known;
    bool forces_only;            /* the joiner's forces in the theatre, not its land */
    const casus_state *sovereign, *admin;
    const char *const *areas; size_t nareas;
    const char *const *partly; size_t npartly;
    const char *label;
} where;

static void where_of(const casus_kb *kb, const casus_attack *at, where *w)
{
    memset(w, 0, sizeof *w);
    if (at->place) {
        const casus_place *p = at->place;
        w->known = true;
        w->sovereign = p->sovereign;
        w->admin = p->admin;
        if (p->admin_from.precision && at->day < p->admin_from.lo)
            w->admin = p->sovereign;
        w->areas = p->areas;
        w->nareas = p->nareas;
        w->label = p->name;
    } else if (at->where_state) {
        const casus_state *s = at->where_state;
        w->known = true;
        w->sovereign = w->admin = s;
        w->areas = s->areas;
        w->nareas = s->nareas;
        w->partly = s->partly;
        w->npartly = s->npartly;
        w->label = s->name;
    }
    (void)kb;
}

static bool in_area(const casus_kb *kb, const char *area, const where *w, bool *partly)
{
    *partly = false;
    for (size_t i = 0; i < w->nareas; i++)
        if (casusi_area_contains(kb, area, w->areas[i]))
            return true;
    /* areas that include whole states (NATO Art. 6: "the territory of Turkey") */
    for (size_t i = 0; i < kb->nareas; i++) {
        const casus_area *a = &kb->areas[i];
        if (!a->nstates || !casusi_area_contains(kb, area, a->id))
            continue;
        if ((w->sovereign && casusi_state_in(w->sovereign, a->states, a->nstates)) ||
            (w->admin && casusi_state_in(w->admin, a->states, a->nstates)))
            return true;
    }
    for (size_t i = 0; i < w->npartly; i++)
        if (casusi_area_contains(kb, area, w->partly[i]))
            *partly = true;
    return false;
}

static const char *codes(casus_arena *a, const casus_state *const *l, size_t n)
{
    char buf[256];
    size_t o = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && o < sizeof buf - 8; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? ", " : "", l[i]->iso3);
    return casus_arena_strdup(a, buf);
}

static casus_cond_status eval_cond(qctx *q, const casus_treaty *t,
                                   const casus_condition *c,
                                   const casus_state *Y, const casus_state *enemy,
                                   const where *w, const char **explain)
{
    casus_arena *A = q->arena;
    const char *yn = Y->iso3;
    switch (c->kind) {
    case CASUS_COND_STATE_OF_WAR:
        *explain = casus_arena_printf(A, "an armed attack by %s on %s is posited", enemy->iso3, yn);
        return CASUS_MET;
    case CASUS_COND_TERRITORY:
    case CASUS_COND_ADMINISTERED:
        if (!w->known) {
            *explain = "attack location not given (use --where)";
            return CASUS_UNKNOWN;
        }
        if (w->forces_only && !casusi_same_lineage(w->admin, Y)) {
            *explain = casus_arena_printf(A, "%s is engaged in %s, not on its own territory", yn, w->label);
            return CASUS_NOT_MET;
        }
        if (casusi_same_lineage(w->admin, Y) &&
            (c->kind == CASUS_COND_ADMINISTERED || casusi_same_lineage(w->sovereign, Y))) {
            if (c->kind == CASUS_COND_TERRITORY)
                *explain = casus_arena_printf(A, "%s is %s's territory", w->label, yn);
            else
                *explain = casus_arena_printf(A, "%s is administered by %s", w->label, yn);
            return CASUS_MET;
        }
        if (c->kind == CASUS_COND_TERRITORY && casusi_same_lineage(w->sovereign, Y)) {
            *explain = casus_arena_printf(A, "%s is %s's territory in law but administered by %s",
                                          w->label, yn, w->admin ? w->admin->iso3 : "another state");
            return CASUS_MET;
        }
        if (c->kind == CASUS_COND_TERRITORY && casusi_same_lineage(w->admin, Y)) {
            *explain = casus_arena_printf(A, "%s is administered by %s but its sovereignty is disputed (%s in law)",
                                          w->label, yn, w->sovereign ? w->sovereign->iso3 : "?");
            return CASUS_UNKNOWN;
        }
        *explain = casus_arena_printf(A, "%s is not %s %s", w->label,
                                      c->kind == CASUS_COND_TERRITORY ? "territory of" : "administered by", yn);
        return CASUS_NOT_MET;
    case CASUS_COND_ADMINISTERED_BY:
        if (!w->known) {
            *explain = "attack location not given (use --where)";
            return CASUS_UNKNOWN;
        }
        if (w->admin && casusi_state_in(w->admin, c->states, c->nstates)) {
            *explain = casus_arena_printf(A, "%s is administered by %s", w->label, w->admin->iso3);
            return CASUS_MET;
        }
        *explain = casus_arena_printf(A, "%s is not administered by %s", w->label,
                                      codes(A, c->states, c->nstates));
        return CASUS_NOT_MET;
    case CASUS_COND_AREA: {
        const casus_area *ar = casus_kb_area(q->kb, c->area);
        const char *an = ar && ar->name ? ar->name : c->area;
        if (!w->known) {
            *explain = casus_arena_printf(A, "attack location not given (use --where); must be in %s", an);
            return CASUS_UNKNOWN;
        }
        bool partly;
        if (in_area(q->kb, c->area, w, &partly)) {
            *explain = casus_arena_printf(A, "%s lies in %s", w->label, an);
            return CASUS_MET;
        }
        if (partly) {
            *explain = casus_arena_printf(A, "only part of %s lies in %s (give a precise --where)", w->label, an);
            return CASUS_UNKNOWN;
        }
        *explain = casus_arena_printf(A, "%s lies outside %s", w->label, an);
        return CASUS_NOT_MET;
    }
    case CASUS_COND_ADVERSARY:
        if (casusi_state_in(enemy, c->states, c->nstates)) {
            *explain = casus_arena_printf(A, "%s is a named adversary", enemy->iso3);
            return CASUS_MET;
        }
        *explain = casus_arena_printf(A, "applies only against %s", codes(A, c->states, c->nstates));
        return CASUS_NOT_MET;
    case CASUS_COND_NOT_ADVERSARY:
        if (casusi_state_in(enemy, c->states, c->nstates)) {
            *explain = casus_arena_printf(A, "does not apply against %s", enemy->iso3);
            return CASUS_NOT_MET;
        }
        *explain = casus_arena_printf(A, "%s is not excluded", enemy->iso3);
        return CASUS_MET;
    case CASUS_COND_NON_MEMBER_ATTACKER: {
        const casus_member *m = casusi_member_of(t, enemy);
        casus_mstatus st = m ? casus_member_status(t, m, q->day, NULL) : CASUS_M_NOT_SIGNED;
        if (st == CASUS_M_BOUND || st == CASUS_M_UNCERTAIN) {
            *explain = casus_arena_printf(A, "the attacker %s is itself a member", enemy->iso3);
            return CASUS_NOT_MET;
        }
        *explain = casus_arena_printf(A, "the attacker %s is not a member", enemy->iso3);
        return CASUS_MET;
    }
    case CASUS_COND_CONSULTATION_FIRST:
        *explain = "assistance follows only once the parties have consulted and agreed on it";
        return CASUS_UNKNOWN;
    case CASUS_COND_REQUEST:
        *explain = casus_arena_printf(A, "only at %s's request", yn);
        return CASUS_UNKNOWN;
    case CASUS_COND_JOINT_FINDING:
        *explain = "only if the parties jointly establish that an armed attack is under way";
        return CASUS_UNKNOWN;
    case CASUS_COND_NON_PROVOCATION:
        *explain = casus_arena_printf(A, "only if %s did not provoke the attack", yn);
        return CASUS_UNKNOWN;
    case CASUS_COND_CONSTITUTIONAL:
        *explain = "each party acts under its constitutional processes (the means are its own choice)";
        return CASUS_MET;
    case CASUS_COND_UNNAMED: {
        /* the ATOP column's last letters say what kind of condition */
        const char *col = c->area ? c->area : "";
        size_t n = strlen(col);
        const char *what = "a condition";
        if (n >= 3 && !strcmp(col + n - 3, "adv"))
            what = "an adversary condition";
        else if (n >= 3 && !strcmp(col + n - 3, "loc"))
            what = "a location condition";
        else if (n >= 3 && !strcmp(col + n - 3, "con"))
            what = "a condition on a particular ongoing conflict";
        else if (n >= 3 && !strcmp(col + n - 3, "num"))
            what = "a condition on the number of adversaries";
        else if (n >= 3 && !strcmp(col + n - 3, "dem"))
            what = "a condition on demands detailed in the agreement";
        else if (!strcmp(col, "olimob"))
            what = "another condition on this obligation";
        if (c->nstates)
            *explain = casus_arena_printf(A, "ATOP codes %s it does not name (%s; the threat it names: %s)",
                                          what, col, codes(A, c->states, c->nstates));
        else
            *explain = casus_arena_printf(A, "ATOP codes %s it does not name (%s)", what, col);
        return CASUS_UNKNOWN;
    }
    default:
        *explain = "unknown condition";
        return CASUS_UNKNOWN;
    }
}

static const char *duty_text(casus_arena *A, const casus_obligation *ob,
                             const casus_state *Y, const casus_state *enemy,
                             qrole role)
{
    switch (ob->type) {
    case CASUS_OB_DEFENSE:
        return casus_arena_printf(A, "assist %s against %s", Y->iso3, enemy->iso3);
    case CASUS_OB_OFFENSE:
        return casus_arena_printf(A, "join %s's war against %s", Y->iso3, enemy->iso3);
    case CASUS_OB_NEUTRALITY:
        return role == ROLE_ATTACKED
                   ? casus_arena_printf(A, "stay neutral: give %s no help against %s", enemy->iso3, Y->iso3)
                   : casus_arena_printf(A, "stay neutral in %s's war with %s", Y->iso3, enemy->iso3);
    case CASUS_OB_NONAGGRESSION:
        return casus_arena_printf(A, "not attack %s", Y->iso3);
    case CASUS_OB_CONSULTATION:
        return casus_arena_printf(A, "consult with %s", Y->iso3);
    case CASUS_OB_MILITARY_AID:
        return casus_arena_printf(A, "give %s military aid", Y->iso3);
    default:
        return casus_arena_printf(A, "%s with %s", casus_obtype_name(ob->type), Y->iso3);
    }
}

static bool trigger_fires(const casus_obligation *ob, qrole role)
{
    switch (ob->trigger) {
    case CASUS_TRIG_ATTACK:
    case CASUS_TRIG_THREAT:
        return role == ROLE_ATTACKED;
    case CASUS_TRIG_ATTACKING:
        return role == ROLE_ATTACKING;
    case CASUS_TRIG_WAR:
        return true;
    case CASUS_TRIG_STANDING:
        return ob->type == CASUS_OB_NONAGGRESSION;
    }
    return false;
}

static casus_side side_of(const casus_obligation *ob, casus_side yside)
{
    if (ob->type == CASUS_OB_DEFENSE || ob->type == CASUS_OB_OFFENSE)
        return yside;
    return CASUS_SIDE_NONE;
}

/* Adds to q's lists every obligation owed to Y, which is attacked by enemy
 * (ROLE_ATTACKED) or attacks enemy (ROLE_ATTACKING), on q->day. */
int casusi_collect(qctx *q, const casus_state *Y, qrole role,
                   const casus_state *enemy, const casus_attack *at,
                   bool theatre_only, casus_side yside)
{
    const casus_kb *kb = q->kb;
    casus_arena *A = q->arena;
    int32_t day = q->day;
    where w;
    where_of(kb, at, &w);
    if (theatre_only)
        w.forces_only = true;
    int l = Y->lineage;
    for (size_t i = 0; i < kb->nlin[l]; i++) {
        const casus_treaty *t = kb->lin[l][i].treaty;
        const casus_member *mY = kb->lin[l][i].member;
        int pY = 0;
        casus_mstatus sY = casus_member_status(t, mY, day, &pY);
        if (sY == CASUS_M_NOT_SIGNED || sY == CASUS_M_ENDED)
            continue;
        for (size_t k = 0; k < t->nobligations; k++) {
            const casus_obligation *ob = &t->obligations[k];
            if (!trigger_fires(ob, role) || !casusi_ob_valid(ob, day) ||
                !listed(mY->state, ob->to, ob->nto))
                continue;
            if (q->joiners_only && (side_of(ob, yside) == CASUS_SIDE_NONE || !t->binding))
                continue;
            unsigned char want = yside == CASUS_SIDE_TARGET ? SIDE_TGT : SIDE_ATT;
            for (size_t j = 0; j < t->nmembers; j++) {
                const casus_member *mX = &t->members[j];
                if (mX == mY || !listed(mX->state, ob->by, ob->nby))
                    continue;
                if (q->side && (q->side[mX->state->lineage] == want ||
                                q->side[mX->state->lineage] == SIDE_CONFLICT))
                    continue; /* already on that side (or out of it): nothing new */
                bool x_is_enemy = casusi_same_lineage(mX->state, enemy);
                if (x_is_enemy && !(ob->type == CASUS_OB_NONAGGRESSION && role == ROLE_ATTACKED))
                    continue;
                int pX = 0;
                casus_mstatus sX = casus_member_status(t, mX, day, &pX);
                if (sX == CASUS_M_NOT_SIGNED || sX == CASUS_M_ENDED)
                    continue;
                bool xin = sX == CASUS_M_BOUND || sX == CASUS_M_UNCERTAIN;
                bool yin = sY == CASUS_M_BOUND || sY == CASUS_M_UNCERTAIN;
                if (xin && yin && suspended(t, mX->state, mY->state, day))
                    continue;
                if (x_is_enemy) {
                    if (xin && yin) {
                        const char *v = casus_arena_printf(A,
                            "%s's attack on %s breaks %s Art. %s (%s)", enemy->iso3,
                            Y->iso3, t->short_name, ob->article, casus_obtype_name(ob->type));
                        casusi_vec_push(A, (void **)&q->violations, &q->nviolations,
                                        &q->capviolations, sizeof v, &v);
                    }
                    continue;
                }
                casus_binding b;
                memset(&b, 0, sizeof b);
                b.state = casus_kb_state_on(kb, mX->state, day);
                b.toward = casus_kb_state_on(kb, mY->state, day);
                b.treaty = t;
                b.ob = ob;
                b.side = side_of(ob, yside);
                b.duty = duty_text(A, ob, b.toward, enemy, role);
                b.rests_on_partial_date = pX || pY;
                b.frozen = mX->frozen.precision && mX->frozen.lo <= day;
                if (!(xin && yin)) {
                    b.overall = CASUS_UNKNOWN;
                    char d[11];
                    const casus_member *pend = (sX == CASUS_M_PENDING) ? mX : mY;
                    const casus_spell *sp = pend->nspells ? &pend->spells[0] : NULL;
                    b.why_pending = sp && sp->from.precision
                        ? casus_arena_printf(A, "not in force for %s until %s", pend->state->iso3,
                                             casus_date_format(&sp->from, d))
                        : casus_arena_printf(A, "signed but not in force for %s", pend->state->iso3);
                    if (casusi_vec_push(A, (void **)&q->pending, &q->npending, &q->cappending,
                                        sizeof b, &b))
                        return CASUS_ENOMEM;
                    continue;
                }
                b.nconds = ob->nconds + (theatre_only ? 1 : 0);
                b.conds = casus_arena_alloc(A, (b.nconds ? b.nconds : 1) * sizeof *b.conds);
                if (!b.conds)
                    return CASUS_ENOMEM;
                b.overall = CASUS_MET;
                for (size_t c = 0; c < b.nconds; c++) {
                    casus_cond_result *r = &b.conds[c];
                    if (c == ob->nconds) {
                        /* a joiner is at war, but not itself the state first attacked */
                        static const casus_condition cobel = {CASUS_COND_COBELLIGERENT, NULL, NULL, 0};
                        r->cond = &cobel;
                        r->status = CASUS_UNKNOWN;
                        r->explain = casus_arena_printf(A,
                            "%s fights as a co-belligerent; whether attacks on it trigger this treaty is not certain",
                            b.toward->iso3);
                    } else {
                        r->cond = &ob->conds[c];
                        r->status = eval_cond(q, t, r->cond, b.toward, enemy, &w, &r->explain);
                    }
                    if (r->status == CASUS_NOT_MET)
                        b.overall = CASUS_NOT_MET;
                    else if (r->status == CASUS_UNKNOWN && b.overall == CASUS_MET)
                        b.overall = CASUS_UNKNOWN;
                }
                int rc = b.overall == CASUS_NOT_MET
                    ? casusi_vec_push(A, (void **)&q->not_triggered, &q->nnot, &q->capnot, sizeof b, &b)
                    : casusi_vec_push(A, (void **)&q->bound, &q->nbound, &q->capbound, sizeof b, &b);
                if (rc)
                    return CASUS_ENOMEM;
            }
        }
    }
    return CASUS_OK;
}

int casusi_check_attack(const casus_attack *at, casus_error *err)
{
    if (!at || !at->attacker || !at->target) {
        casusi_seterr(err, CASUS_EINVAL, "expected an attacker and a target");
        return CASUS_EINVAL;
    }
    if (casusi_same_lineage(at->attacker, at->target)) {
        casusi_seterr(err, CASUS_EINVAL, "expected two different states, found %s twice",
                      at->target->iso3);
        return CASUS_EINVAL;
    }
    return CASUS_OK;
}

int casus_query_obligations(const casus_kb *kb, casus_arena *arena,
                            const casus_attack *at, casus_obligations **out,
                            casus_error *err)
{
    *out = NULL;
    int rc = casusi_check_attack(at, err);
    if (rc)
        return rc;
    qctx q;
    memset(&q, 0, sizeof q);
    q.kb = kb;
    q.arena = arena;
    q.day = at->day;
    const casus_state *A = casus_kb_state_on(kb, at->attacker, at->day);
    const casus_state *B = casus_kb_state_on(kb, at->target, at->day);
    rc = casusi_collect(&q, B, ROLE_ATTACKED, A, at, false, CASUS_SIDE_TARGET);
    if (!rc)
        rc = casusi_collect(&q, A, ROLE_ATTACKING, B, at, false, CASUS_SIDE_ATTACKER);
    if (rc) {
        casusi_seterr(err, rc, "out of memory");
        return rc;
    }
    casus_obligations *r = casus_arena_alloc(arena, sizeof *r);
    if (!r) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    r->bound = q.bound;
    r->nbound = q.nbound;
    r->pending = q.pending;
    r->npending = q.npending;
    r->not_triggered = q.not_triggered;
    r->nnot_triggered = q.nnot;
    r->violations = (const char *const *)q.violations;
    r->nviolations = q.nviolations;
    *out = r;
    return CASUS_OK;
}

/* ------------------------------------------------------------- allies */

int casus_query_allies(const casus_kb *kb, casus_arena *A, const casus_state *S,
                       int32_t day, casus_allies **out, casus_error *err)
{
    *out = NULL;
    casus_allies *r = casus_arena_alloc(A, sizeof *r);
    if (!r)
        goto nomem;
    r->state = casus_kb_state_on(kb, S, day);
    size_t cap = 0;
    int l = S->lineage;
    for (size_t i = 0; i < kb->nlin[l]; i++) {
        const casus_treaty *t = kb->lin[l][i].treaty;
        const casus_member *mS = kb->lin[l][i].member;
        int pS = 0;
        casus_mstatus sS = casus_member_status(t, mS, day, &pS);
        if (sS == CASUS_M_NOT_SIGNED || sS == CASUS_M_ENDED)
            continue;
        for (size_t k = 0; k < t->nobligations; k++) {
            const casus_obligation *ob = &t->obligations[k];
            if (!casusi_ob_valid(ob, day))
                continue;
            for (int owes = 1; owes >= 0; owes--) {
                const casus_state *const *mine = owes ? ob->by : ob->to;
                size_t nmine = owes ? ob->nby : ob->nto;
                const casus_state *const *theirs = owes ? ob->to : ob->by;
                size_t ntheirs = owes ? ob->nto : ob->nby;
                if (!listed(mS->state, mine, nmine))
                    continue;
                const casus_state **cp = casus_arena_alloc(A, t->nmembers * sizeof *cp);
                if (!cp)
                    goto nomem;
                size_t ncp = 0;
                int partial = pS, pending = sS == CASUS_M_PENDING;
                for (size_t j = 0; j < t->nmembers; j++) {
                    const casus_member *mO = &t->members[j];
                    if (mO == mS || !listed(mO->state, theirs, ntheirs))
                        continue;
                    int pO = 0;
                    casus_mstatus sO = casus_member_status(t, mO, day, &pO);
                    if (sO == CASUS_M_NOT_SIGNED || sO == CASUS_M_ENDED)
                        continue;
                    if (sO == CASUS_M_PENDING && !pending)
                        continue; /* listed under the counterpart's own pending */
                    if (suspended(t, mS->state, mO->state, day))
                        continue;
                    partial |= pO;
                    cp[ncp++] = casus_kb_state_on(kb, mO->state, day);
                }
                if (!ncp)
                    continue;
                casus_commitment c = {t, ob, cp, ncp, owes, pending, partial};
                if (casusi_vec_push(A, (void **)&r->items, &r->nitems, &cap, sizeof c, &c))
                    goto nomem;
            }
        }
    }
    *out = r;
    return CASUS_OK;
nomem:
    casusi_seterr(err, CASUS_ENOMEM, "out of memory");
    return CASUS_ENOMEM;
}
