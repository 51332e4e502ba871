/*
 * kbatop.c -- the imported ATOP alliances as knowledge-base treaties
 * (casus_kb_add_history), so that `obligations`, `cascade`, `treaty` and
 * `allies` answer for them as for the bundled treaties. The mapping is the
 * design note of docs/atop-derivation.md section 5, as documented for users
 * in docs/history.md ("ATOP alliances in the knowledge base"):
 *
 *  - one treaty "atop-N" per alliance that no bundled treaty lists under
 *    `atop` (the bundled file stands for those, before and after 2018);
 *  - members: ATOP's COW member codes resolved to kb states (the state of
 *    that code whose existence overlaps the member row, COW 260 = DEU); a
 *    code with no such state gets a state record "COW-ABB" (COW's
 *    abbreviation; named from the imported COW list), or "ATOP-N" for
 *    ATOP's own codes above 999; a record made for a code the kb knows
 *    later (Russia before the USSR, Serbia before Yugoslavia, Montenegro
 *    before 2006) becomes the predecessor its kb state `continues`;
 *  - obligations: per phase, one per provision and group of members that
 *    owe the same partners under the same conditions (ATOP's corrections
 *    for partner-specific obligations applied), valid over those members'
 *    rows; conditions from the *co* columns: a named adversary from
 *    statthr1/2, the rest as CASUS_COND_UNNAMED (reported as unknown).
 *
 * All records go into the kb's arena; scratch memory is freed before
 * returning. All or nothing: the kb changes only in casusi_kb_rebuild's
 * last step, which itself rolls back on error.
 */
#include "history_int.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOEND INT32_MAX

/* COW codes the kb holds under another code (states.yaml's note on DEU:
 * before 1990-10-03 DEU is the Federal Republic, COW 260 GFR). */
static const struct {
    int code;
    const char *iso3;
} ALIASES[] = {{260, "DEU"}};

/* ATOP's member codes above 999 (no COW code; codebook footnote 19). */
static const struct {
    int code;
    const char *name;
} ATOP_ONLY[] = {{8152, "Annam"}};

/* A state record to be made for a code without a kb state. */
typedef struct newstate {
    int code;
    int32_t lo, hi;          /* hull of the rows that need it (hi NOEND: open) */
    int cand;                /* earliest kb state of the same code, or -1 */
    casus_state *rec;        /* in the new state array, once built */
} newstate;

typedef struct actx {
    casus_kb *kb;
    const casus_history *h;
    casus_arena *A;          /* the kb's arena */
    casus_error *err;
    newstate *ns; size_t nns, capns;
    casus_state *states; size_t nstates; /* the new array */
    size_t *map;             /* old index -> new index */
    const casus_source *src;
} actx;

static int32_t first_day(const casus_state *s)
{
    return s->from.precision ? s->from.lo : INT32_MIN;
}

static int32_t last_day(const casus_state *s)
{
    return s->until.precision ? s->until.hi : NOEND;
}

static bool is_cand(const casus_state *s, int code)
{
    if (code > 0 && s->cow == code)
        return true;
    for (size_t i = 0; i < sizeof ALIASES / sizeof *ALIASES; i++)
        if (ALIASES[i].code == code && !strcmp(s->iso3, ALIASES[i].iso3))
            return true;
    return false;
}

/* The old kb state of `code` for days lo..hi: one that exists on lo, else
 * the earliest that exists some day in lo..hi; -1 if none. */
static long pick(const casus_kb *kb, int code, int32_t lo, int32_t hi)
{
    long best = -1;
    for (size_t i = 0; i < kb->nstates; i++) {
        const casus_state *s = &kb->states[i];
        if (!is_cand(s, code) || first_day(s) > hi || last_day(s) < lo)
            continue;
        if (first_day(s) <= lo)
            return (long)i;
        if (best < 0 || first_day(s) < first_day(&kb->states[best]))
            best = (long)i;
    }
    return best;
}

static long earliest_cand(const casus_kb *kb, int code)
{
    long best = -1;
    for (size_t i = 0; i < kb->nstates; i++)
        if (is_cand(&kb->states[i], code) &&
            (best < 0 || first_day(&kb->states[i]) < first_day(&kb->states[best])))
            best = (long)i;
    return best;
}

static newstate *find_new(actx *c, int code)
{
    for (size_t i = 0; i < c->nns; i++)
        if (c->ns[i].code == code)
            return &c->ns[i];
    return NULL;
}

/* Notes that `code` needs a state for days lo..hi (pass 1). */
static int need(actx *c, int code, int32_t lo, int32_t hi)
{
    if (pick(c->kb, code, lo, hi) >= 0)
        return 0;
    newstate *n = find_new(c, code);
    if (!n) {
        if (c->nns == c->capns) {
            size_t cap = c->capns ? c->capns * 2 : 32;
            newstate *v = realloc(c->ns, cap * sizeof *v);
            if (!v)
                return -1;
            c->ns = v;
            c->capns = cap;
        }
        n = &c->ns[c->nns++];
        *n = (newstate){code, lo, hi, (int)earliest_cand(c->kb, code), NULL};
    }
    if (lo < n->lo)
        n->lo = lo;
    if (hi > n->hi)
        n->hi = hi;
    return 0;
}

/* The state (in the new array) for `code` on days lo..hi (pass 2). */
static const casus_state *state_for(actx *c, int code, int32_t lo, int32_t hi)
{
    long i = pick(c->kb, code, lo, hi);
    if (i >= 0)
        return &c->states[c->map[i]];
    newstate *n = find_new(c, code);
    return n ? n->rec : NULL;
}

static const casus_state *root_of(const casus_state *s, size_t guard)
{
    while (s->continues && guard--)
        s = s->continues;
    return s;
}

static int cmp_iso(const void *a, const void *b)
{
    return strcmp(((const casus_state *)a)->iso3, ((const casus_state *)b)->iso3);
}

static bool id_taken(const actx *c, const char *id, size_t made)
{
    for (size_t i = 0; i < c->kb->nstates; i++)
        if (!strcmp(c->kb->states[i].iso3, id))
            return true;
    for (size_t i = 0; i < made; i++)
        if (!strcmp(c->states[c->kb->nstates + i].iso3, id))
            return true;
    return false;
}

/* Fills the record of new state n (before sorting). */
static int make_state(actx *c, newstate *n, casus_state *s, size_t made)
{
    const casusi_statesys *cow = c->h->cow;
    int k = cow && n->code <= 999 ? casusi_statesys_find(cow, n->code) : -1;
    const casus_state *cand = n->cand >= 0 ? &c->kb->states[n->cand] : NULL;
    int32_t lo = n->lo, hi = n->hi;
    const casusi_spell *first = NULL;
    if (k >= 0)
        for (size_t i = cow->first[k]; i < cow->first[k + 1]; i++) {
            const casusi_spell *sp = &cow->spells[i];
            if (cand && sp->start >= first_day(cand))
                continue; /* the kb state's own years */
            if (!first)
                first = sp;
            if (sp->start < lo)
                lo = sp->start;
            if (hi != NOEND && sp->end > hi)
                hi = sp->end;
        }
    if (!first && k >= 0)
        first = &cow->spells[cow->first[k]];
    if (cand && first_day(cand) > lo && (hi == NOEND || hi >= first_day(cand)))
        hi = first_day(cand) - 1; /* a predecessor ends before its successor */
    memset(s, 0, sizeof *s);
    s->cow = n->code <= 999 ? n->code : 0;
    const char *atop_name = NULL;
    for (size_t i = 0; i < sizeof ATOP_ONLY / sizeof *ATOP_ONLY; i++)
        if (ATOP_ONLY[i].code == n->code)
            atop_name = ATOP_ONLY[i].name;
    if (first) {
        s->cowabb = casus_arena_strdup(c->A, first->abbrev);
        s->name = casus_arena_strdup(c->A, first->name);
        s->iso3 = casus_arena_printf(c->A, "COW-%s", first->abbrev);
        if (s->iso3 && id_taken(c, s->iso3, made))
            s->iso3 = casus_arena_printf(c->A, "COW-%s-%d", first->abbrev, n->code);
        s->note = casus_arena_printf(c->A,
            "made for ATOP's member code %d from the imported COW state list (%s, %s)%s", n->code,
            first->abbrev, first->name, cand ? "; the kb's own state of this code continues it" : "");
    } else if (n->code > 999) {
        s->iso3 = casus_arena_printf(c->A, "ATOP-%d", n->code);
        s->name = atop_name ? atop_name : casus_arena_printf(c->A, "ATOP member %d", n->code);
        s->note = casus_arena_printf(c->A, "made for ATOP's member code %d, which has no COW code", n->code);
    } else {
        s->iso3 = casus_arena_printf(c->A, "COW-%d", n->code);
        s->name = casus_arena_printf(c->A, "COW state %d", n->code);
        s->note = casus_arena_printf(c->A,
            "made for ATOP's member code %d; import the COW state list (casus import cow FILE) for its name",
            n->code);
    }
    if (!s->iso3 || !s->name || !s->note)
        return -1;
    s->from = casus_date_from_days(lo);
    if (hi != NOEND)
        s->until = casus_date_from_days(hi);
    s->lineage = -1;
    return 0;
}

/* ---- treaties ------------------------------------------------------------ */

typedef struct mrec {        /* a member being built */
    const casus_state *state, *root;
    casus_spell *spells; size_t nspells;
    char codes[64];
} mrec;

typedef struct group {       /* an obligation being built */
    int phase;
    uint8_t bit;
    casus_trigger trig;
    uint32_t cmask;
    int thr1, thr2;
    unsigned char *to;       /* per member: owed */
    unsigned char *by;
    casus_date from, until;
    int open, line;
} group;

/* Condition columns per provision, in the order of the mask bits. */
enum { C_ADV, C_LOC, C_CON, C_NUM, C_DEM, C_NPR, C_REQ, C_OLI };

static uint32_t cond_mask(const casusi_atop_spell *s, uint8_t bit)
{
#define ON(v) ((v) != CASUSI_ATOP_NA && (v) > 0)
    uint32_t m = 0;
    switch (bit) {
    case CASUSI_ATOP_DEFENSE:
        m = (uint32_t)(ON(s->defcoadv) << C_ADV | ON(s->defcoloc) << C_LOC | ON(s->defcocon) << C_CON |
                       ON(s->defconum) << C_NUM | ON(s->defcodem) << C_DEM | ON(s->defconpr) << C_NPR);
        break;
    case CASUSI_ATOP_OFFENSE:
        m = (uint32_t)(ON(s->offcoadv) << C_ADV | ON(s->offcoloc) << C_LOC | ON(s->offcocon) << C_CON |
                       ON(s->offconum) << C_NUM | ON(s->offcodem) << C_DEM);
        break;
    case CASUSI_ATOP_NEUTRAL:
        m = (uint32_t)(ON(s->neucoadv) << C_ADV | ON(s->neucoloc) << C_LOC | ON(s->neucocon) << C_CON |
                       ON(s->neuconum) << C_NUM | ON(s->neucodem) << C_DEM | ON(s->neuconpr) << C_NPR);
        break;
    case CASUSI_ATOP_CONSUL:
        m = (uint32_t)(ON(s->concoadv) << C_ADV | ON(s->concoloc) << C_LOC | ON(s->concocon) << C_CON |
                       ON(s->concoreq) << C_REQ);
        break;
    default:
        break;
    }
    if (ON(s->olimob))
        m |= 1u << C_OLI;
    return m;
#undef ON
}

static const char *col_name(uint8_t bit, int c)
{
    static const char *const names[4][7] = {
        {"defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr", "defcoreq"},
        {"offcoadv", "offcoloc", "offcocon", "offconum", "offcodem", "offconpr", "offcoreq"},
        {"neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoreq"},
        {"concoadv", "concoloc", "concocon", "conconum", "concodem", "conconpr", "concoreq"}};
    int p = bit == CASUSI_ATOP_DEFENSE ? 0 : bit == CASUSI_ATOP_OFFENSE ? 1 : bit == CASUSI_ATOP_NEUTRAL ? 2 : 3;
    return c == C_OLI ? "olimob" : names[p][c];
}

static int valid_code(int v)
{
    return v != CASUSI_ATOP_NA && v > 0;
}

static const char *join_ids(casus_arena *A, const casus_state *const *l, size_t n, size_t max)
{
    char buf[512];
    size_t o = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && i < max && o < sizeof buf - 40; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? ", " : "", l[i]->iso3);
    if (n > max)
        snprintf(buf + o, sizeof buf - o, " and %zu more", n - max);
    return casus_arena_strdup(A, buf);
}

static const char *ob_text(casus_arena *A, const group *g, const casus_state *const *by, size_t nby,
                           const casus_state *const *to, size_t nto, bool all)
{
    const char *who = join_ids(A, by, nby, 8);
    const char *what;
    switch (g->bit) {
    case CASUSI_ATOP_DEFENSE: what = "active military support if another member is attacked (ATOP defense)"; break;
    case CASUSI_ATOP_OFFENSE:
        what = "active military support in a conflict not started by an attack on a member (ATOP offense)";
        break;
    case CASUSI_ATOP_NEUTRAL:
        what = g->trig == CASUS_TRIG_ATTACK ? "neutrality if another member is attacked (ATOP neutral)"
                                            : "neutrality if another member is at war (ATOP neutral)";
        break;
    case CASUSI_ATOP_NONAGG: what = "no use of force against the other members (ATOP nonagg)"; break;
    default: what = "consultation in a crisis that may become militarized (ATOP consul)"; break;
    }
    if (all)
        return casus_arena_printf(A, "%s: %s", who, what);
    /* the partners, without a lone obligor itself (`to` lists it too) */
    const casus_state **pt = casus_arena_alloc(A, (nto ? nto : 1) * sizeof *pt);
    size_t npt = 0;
    for (size_t i = 0; pt && i < nto; i++)
        if (nby != 1 || to[i] != by[0])
            pt[npt++] = to[i];
    return pt ? casus_arena_printf(A, "%s: %s; owed to %s only", who, what, join_ids(A, pt, npt, 8)) : NULL;
}

static casus_date min_date(casus_date a, casus_date b)
{
    return b.lo < a.lo ? b : a;
}

/* Builds the treaty of one alliance; NULL + *skip when it has fewer than two
 * members; NULL without *skip when out of memory. */
static casus_treaty *make_treaty(actx *c, const casusi_atop_alliance *al, casus_arena *T, int *skip)
{
    casus_arena *A = c->A;
    size_t ns = al->nspells;
    *skip = 0;
    const casus_state **st = casus_arena_alloc(T, (ns ? ns : 1) * sizeof *st);
    size_t *mi = casus_arena_alloc(T, (ns ? ns : 1) * sizeof *mi);
    mrec *m = casus_arena_alloc(T, (ns ? ns : 1) * sizeof *m);
    if (!st || !mi || !m)
        return NULL;
    size_t nm = 0;
    for (size_t i = 0; i < ns; i++) {
        const casusi_atop_spell *s = &al->spells[i];
        int32_t hi = s->exit.precision ? s->exit.hi : NOEND;
        st[i] = state_for(c, s->member, s->entry.lo, hi);
        if (!st[i])
            return NULL;
        const casus_state *r = root_of(st[i], c->nstates);
        size_t k = 0;
        while (k < nm && m[k].root != r)
            k++;
        if (k == nm) {
            memset(&m[nm], 0, sizeof m[nm]);
            m[nm].state = st[i];
            m[nm].root = r;
            m[nm].spells = casus_arena_alloc(A, ns * sizeof(casus_spell));
            if (!m[nm].spells)
                return NULL;
            nm++;
        }
        mi[i] = k;
        char code[16];
        snprintf(code, sizeof code, "%d", s->member);
        if (!strstr(m[k].codes, code) && strlen(m[k].codes) + strlen(code) + 3 < sizeof m[k].codes)
            snprintf(m[k].codes + strlen(m[k].codes), sizeof m[k].codes - strlen(m[k].codes), "%s%s",
                     m[k].codes[0] ? ", " : "", code);
        casus_spell *sp = &m[k].spells[m[k].nspells++];
        sp->from = s->entry;
        sp->until = s->exit;
        sp->source = c->src;
        static const char *const modes[] = {NULL, "expiry", "supersession", "termination", "dissolution",
                                            "lapse", "termination"};
        sp->end = s->exit.precision && s->termmode > 0 && s->termmode <= 6 ? modes[s->termmode] : NULL;
    }
    if (nm < 2) {
        *skip = 1;
        return NULL;
    }
    casus_treaty *t = casus_arena_alloc(A, sizeof *t);
    casus_member *mem = casus_arena_alloc(A, nm * sizeof *mem);
    int *ids = casus_arena_alloc(A, sizeof *ids);
    if (!t || !mem || !ids)
        return NULL;
    /* members: spells in date order, overlapping or touching ones merged */
    for (size_t k = 0; k < nm; k++) {
        casus_spell *v = m[k].spells;
        size_t n = m[k].nspells;
        for (size_t i = 1; i < n; i++) /* insertion sort: a handful */
            for (size_t j = i; j > 0 && v[j].from.lo < v[j - 1].from.lo; j--) {
                casus_spell x = v[j];
                v[j] = v[j - 1];
                v[j - 1] = x;
            }
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            if (w && v[w - 1].until.precision && v[i].from.lo <= v[w - 1].until.hi + 1) {
                casus_spell *p = &v[w - 1];
                if (!v[i].until.precision || v[i].until.hi > p->until.hi) {
                    p->until = v[i].until;
                    p->end = v[i].end;
                }
                continue;
            }
            if (w && !v[w - 1].until.precision)
                continue; /* inside an open spell */
            v[w++] = v[i];
        }
        mem[k].state = m[k].state;
        mem[k].spells = v;
        mem[k].nspells = w;
        mem[k].signed_on = v[0].from;
        mem[k].source = c->src;
        mem[k].note = casus_arena_printf(A, "ATOP member code %s", m[k].codes);
    }
    /* obligations: groups per phase, provision, conditions and partners */
    group *g = NULL;
    size_t ng = 0, capg = 0;
    for (size_t i = 0; i < ns; i++) {
        const casusi_atop_spell *s = &al->spells[i];
        for (uint8_t bit = CASUSI_ATOP_DEFENSE; bit <= CASUSI_ATOP_CONSUL; bit = (uint8_t)(bit << 1)) {
            if (!(s->oblig & bit))
                continue;
            unsigned char *to = casus_arena_alloc(T, nm);
            if (!to)
                return NULL;
            size_t nto = 0;
            for (size_t j = 0; j < ns; j++) {
                const casusi_atop_spell *o = &al->spells[j];
                if (o->phase != s->phase || mi[j] == mi[i] || !(casusi_atop_owed(s, o->member) & bit))
                    continue;
                if (!to[mi[j]])
                    nto++;
                to[mi[j]] = 1;
            }
            if (!nto)
                continue;
            to[mi[i]] = 1; /* the obligor itself: lets symmetric members share a group */
            casus_trigger trig = bit == CASUSI_ATOP_DEFENSE   ? CASUS_TRIG_ATTACK
                                 : bit == CASUSI_ATOP_OFFENSE ? CASUS_TRIG_ATTACKING
                                 : bit == CASUSI_ATOP_NEUTRAL
                                     ? (s->neucoatt == 1 ? CASUS_TRIG_ATTACK : CASUS_TRIG_WAR)
                                 : bit == CASUSI_ATOP_NONAGG ? CASUS_TRIG_STANDING
                                                             : CASUS_TRIG_THREAT;
            uint32_t cm = cond_mask(s, bit);
            int t1 = valid_code(s->statthr1) ? s->statthr1 : 0;
            int t2 = valid_code(s->statthr2) ? s->statthr2 : 0;
            size_t k = 0;
            for (; k < ng; k++)
                if (g[k].phase == s->phase && g[k].bit == bit && g[k].trig == trig && g[k].cmask == cm &&
                    g[k].thr1 == t1 && g[k].thr2 == t2 && !memcmp(g[k].to, to, nm))
                    break;
            if (k == ng) {
                if (ng == capg) {
                    size_t cap = capg ? capg * 2 : 16;
                    group *ng2 = casus_arena_alloc(T, cap * sizeof *ng2);
                    if (!ng2)
                        return NULL;
                    if (ng)
                        memcpy(ng2, g, ng * sizeof *g);
                    g = ng2;
                    capg = cap;
                }
                group *x = &g[ng++];
                memset(x, 0, sizeof *x);
                x->phase = s->phase;
                x->bit = bit;
                x->trig = trig;
                x->cmask = cm;
                x->thr1 = t1;
                x->thr2 = t2;
                x->to = to;
                x->by = casus_arena_alloc(T, nm);
                if (!x->by)
                    return NULL;
                x->from = s->entry;
                x->until = s->exit;
                x->open = !s->exit.precision;
                x->line = s->line;
            } else {
                g[k].from = min_date(g[k].from, s->entry);
                if (!s->exit.precision)
                    g[k].open = 1;
                else if (s->exit.hi > g[k].until.hi)
                    g[k].until = s->exit;
            }
            g[k].by[mi[i]] = 1;
        }
    }
    casus_obligation *obs = casus_arena_alloc(A, (ng ? ng : 1) * sizeof *obs);
    if (!obs)
        return NULL;
    int32_t tlo = al->begin.lo, thi = al->end.precision ? al->end.hi : NOEND;
    for (size_t k = 0; k < ng; k++) {
        group *x = &g[k];
        casus_obligation *ob = &obs[k];
        const casus_state **by = casus_arena_alloc(A, nm * sizeof *by);
        const casus_state **to = casus_arena_alloc(A, nm * sizeof *to);
        casus_condition *cs = casus_arena_alloc(A, 9 * sizeof *cs);
        if (!by || !to || !cs)
            return NULL;
        bool all = true;
        for (size_t j = 0; j < nm; j++) {
            if (x->by[j])
                by[ob->nby++] = mem[j].state;
            if (x->to[j])
                to[ob->nto++] = mem[j].state;
        }
        /* partners of the phase this group does not owe (corrections) */
        for (size_t i = 0; i < ns; i++)
            if (al->spells[i].phase == x->phase && !x->to[mi[i]])
                all = false;
        ob->treaty = t;
        ob->article = al->maxphase ? casus_arena_printf(A, "ATOP phase %d", x->phase) : "ATOP";
        ob->type = x->bit == CASUSI_ATOP_DEFENSE   ? CASUS_OB_DEFENSE
                   : x->bit == CASUSI_ATOP_OFFENSE ? CASUS_OB_OFFENSE
                   : x->bit == CASUSI_ATOP_NEUTRAL ? CASUS_OB_NEUTRALITY
                   : x->bit == CASUSI_ATOP_NONAGG  ? CASUS_OB_NONAGGRESSION
                                                   : CASUS_OB_CONSULTATION;
        ob->trigger = x->trig;
        ob->by = by;
        ob->to = to;
        /* the named threat (statthr1/2), as states on the alliance's days */
        const casus_state **thr = casus_arena_alloc(A, 2 * sizeof *thr);
        size_t nthr = 0;
        if (!thr)
            return NULL;
        if (x->thr1 && (thr[nthr] = state_for(c, x->thr1, tlo, thi)))
            nthr++;
        if (x->thr2 && (thr[nthr] = state_for(c, x->thr2, tlo, thi)))
            nthr++;
        for (int col = C_ADV; col <= C_OLI; col++) {
            if (!(x->cmask & (1u << col)))
                continue;
            casus_condition *cd = &cs[ob->nconds++];
            memset(cd, 0, sizeof *cd);
            /* the threat ATOP names is the adversary of active support; for
             * neutrality and consultation, ATOP's examples are other kinds
             * (the Dual Alliance's neutrality is against powers other than
             * the Russia it names), so those stay unnamed */
            bool active = x->bit == CASUSI_ATOP_DEFENSE || x->bit == CASUSI_ATOP_OFFENSE;
            if (col == C_ADV && nthr && active) {
                cd->kind = CASUS_COND_ADVERSARY;
                cd->states = thr;
                cd->nstates = nthr;
            } else if (col == C_NPR) {
                cd->kind = CASUS_COND_NON_PROVOCATION;
            } else if (col == C_REQ) {
                cd->kind = CASUS_COND_REQUEST;
            } else {
                cd->kind = CASUS_COND_UNNAMED;
                cd->area = col_name(x->bit, col);
                if ((col == C_CON || col == C_ADV) && nthr) {
                    cd->states = thr;
                    cd->nstates = nthr;
                }
            }
        }
        ob->conds = cs;
        ob->text = ob_text(A, x, by, ob->nby, to, ob->nto, all);
        for (size_t k2 = 0; ob->text && k2 < ob->nconds; k2++) {
            const casus_condition *cd = &cs[k2];
            const char *what = cd->kind == CASUS_COND_ADVERSARY
                                   ? casus_arena_printf(A, "adversary %s", join_ids(A, cd->states, cd->nstates, 4))
                               : cd->kind == CASUS_COND_UNNAMED ? casus_arena_printf(A, "%s, not named", cd->area)
                                                                : casus_condkind_name(cd->kind);
            ob->text = casus_arena_printf(A, "%s%s%s", ob->text, k2 ? ", " : "; conditions: ", what);
        }
        ob->source = c->src;
        ob->from = x->from;
        if (!x->open)
            ob->until = x->until;
        ob->line = x->line;
        if (!ob->text)
            return NULL;
    }
    /* the treaty */
    const casus_state **ms = casus_arena_alloc(T, nm * sizeof *ms);
    if (!ms)
        return NULL;
    for (size_t k = 0; k < nm; k++)
        ms[k] = mem[k].state;
    char names[400];
    size_t o = 0;
    names[0] = 0;
    for (size_t k = 0; k < nm && k < 4; k++)
        o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", k ? (k + 1 == nm ? " and " : ", ") : "",
                              mem[k].state->name);
    if (nm > 4 && o < sizeof names)
        snprintf(names + o, sizeof names - o, " and %zu more", nm - 4);
    ids[0] = (int)al->atopid;
    t->id = casus_arena_printf(A, "atop-%d", (int)al->atopid);
    t->name = casus_arena_printf(A, "ATOP alliance %d of %s, %d", (int)al->atopid, names, al->begin.year);
    t->short_name = casus_arena_printf(A, "ATOP %d: %s", (int)al->atopid, join_ids(T, ms, nm, 4));
    t->kind = "alliance";
    t->binding = 1;
    t->signed_on = al->begin;
    t->in_force = al->begin;
    t->ended = al->end;
    t->confidence = "medium";
    t->atop = ids;
    t->natop = 1;
    t->sources = c->src;
    t->nsources = 1;
    const casusi_atop_spell *s0 = &al->spells[0];
    if (s0->length > 0 && s0->length % 12 == 0 && s0->length != CASUSI_ATOP_NA) {
        t->term_initial = s0->length / 12;
        if (s0->renewlgt > 0 && s0->renewlgt % 12 == 0)
            t->term_renew = s0->renewlgt / 12;
    }
    const char **notes = casus_arena_alloc(A, 4 * sizeof *notes);
    if (!notes || !t->id || !t->name || !t->short_name)
        return NULL;
    notes[t->nnotes++] = "From ATOP, not a treaty file: signed and in_force are both ATOP's date, which is the "
                         "signature, not ratification or entry into force (confidence: medium); obligations "
                         "are ATOP's codes, not the treaty's articles";
    if (!al->end.precision)
        notes[t->nnotes++] = "ATOP codes it as in force on 2018-12-31, the end of its coverage; casus assumes "
                             "it still is";
    if (al->cowid != CASUSI_ATOP_NA || al->cow4id != CASUSI_ATOP_NA)
        notes[t->nnotes++] = casus_arena_printf(A, "COW Formal Alliances ids: cowid %d, cow4id %d (cross-reference by hand)",
                                                al->cowid == CASUSI_ATOP_NA ? 0 : al->cowid,
                                                al->cow4id == CASUSI_ATOP_NA ? 0 : al->cow4id);
    if (t->term_initial)
        notes[t->nnotes++] = "the term rule is ATOP's length and renewlgt of the first phase (months / 12)";
    t->notes = notes;
    t->members = mem;
    t->nmembers = nm;
    t->obligations = obs;
    t->nobligations = ng;
    t->file = c->h->path ? c->h->path : "ATOP (imported)";
    return t;
}

static bool linked(const casus_kb *kb, int atopid)
{
    for (size_t i = 0; i < kb->ntreaties; i++)
        for (size_t k = 0; k < kb->treaties[i]->natop; k++)
            if (kb->treaties[i]->atop[k] == atopid)
                return true;
    return false;
}

int casus_kb_add_history(casus_kb *kb, const casus_history *h, casus_error *err)
{
    if (!kb || !h || !h->atop) {
        casusi_seterr(err, CASUS_EINVAL, "no ATOP data in the history database; run `casus import atop DIR`");
        return CASUS_EINVAL;
    }
    if (kb->nhistory) {
        casusi_seterr(err, CASUS_EINVAL, "the knowledge base already holds the imported ATOP alliances");
        return CASUS_EINVAL;
    }
    const casusi_atop *at = h->atop;
    actx c;
    memset(&c, 0, sizeof c);
    c.kb = kb;
    c.h = h;
    c.A = kb->arena;
    c.err = err;
    casus_arena *T = casus_arena_new();
    char *skipmask = calloc(at->nalliances ? at->nalliances : 1, 1);
    int rc = CASUS_ENOMEM;
    if (!T || !skipmask)
        goto out;

    /* 1. which codes need a state record */
    for (size_t i = 0; i < at->nalliances; i++) {
        const casusi_atop_alliance *al = &at->alliances[i];
        if (linked(kb, (int)al->atopid)) {
            skipmask[i] = 1;
            continue;
        }
        int32_t tlo = al->begin.lo, thi = al->end.precision ? al->end.hi : NOEND;
        for (size_t j = 0; j < al->nspells; j++) {
            const casusi_atop_spell *s = &al->spells[j];
            if (need(&c, s->member, s->entry.lo, s->exit.precision ? s->exit.hi : NOEND) ||
                (valid_code(s->statthr1) && need(&c, s->statthr1, tlo, thi)) ||
                (valid_code(s->statthr2) && need(&c, s->statthr2, tlo, thi)))
                goto out;
        }
    }

    /* 2. the new state array: the kb's states and the new ones, by id */
    c.nstates = kb->nstates + c.nns;
    c.states = casus_arena_alloc(c.A, (c.nstates ? c.nstates : 1) * sizeof *c.states);
    c.map = casus_arena_alloc(c.A, (kb->nstates ? kb->nstates : 1) * sizeof *c.map);
    if (!c.states || !c.map)
        goto out;
    memcpy(c.states, kb->states, kb->nstates * sizeof *c.states);
    for (size_t i = 0; i < c.nns; i++) {
        if (make_state(&c, &c.ns[i], &c.states[kb->nstates + i], i))
            goto out;
        c.states[kb->nstates + i].lineage = -(int)i - 2; /* found again after sorting */
    }
    /* sort; find where each old state went through its (unique) id */
    qsort(c.states, c.nstates, sizeof *c.states, cmp_iso);
    for (size_t i = 1; i < c.nstates; i++)
        if (!strcmp(c.states[i].iso3, c.states[i - 1].iso3)) {
            casusi_seterr(err, CASUS_EINVAL, "state id '%s' twice after adding ATOP's states", c.states[i].iso3);
            rc = CASUS_EINVAL;
            goto out;
        }
    for (size_t i = 0; i < kb->nstates; i++) {
        casus_state key;
        key.iso3 = kb->states[i].iso3;
        const casus_state *p = bsearch(&key, c.states, c.nstates, sizeof *c.states, cmp_iso);
        c.map[i] = (size_t)(p - c.states);
    }
    for (size_t j = 0; j < c.nstates; j++) {
        casus_state *x = &c.states[j];
        if (x->lineage <= -2) /* a new record: its index in c.ns, set below */
            c.ns[-(x->lineage + 2)].rec = x;
        x->lineage = -1;
        if (x->continues >= kb->states && x->continues < kb->states + kb->nstates)
            x->continues = &c.states[c.map[x->continues - kb->states]];
    }
    /* a record made for a code the kb knows later is its predecessor */
    for (size_t i = 0; i < c.nns; i++) {
        newstate *n = &c.ns[i];
        if (!n->rec || n->cand < 0)
            continue;
        casus_state *succ = &c.states[c.map[n->cand]];
        if (!succ->continues && n->rec->until.precision && n->rec->until.hi < first_day(succ))
            succ->continues = n->rec;
    }

    /* 3. the treaties */
    static const casus_source SRC_PROTO = {
        "atop",
        "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell and Andrew G. Long. 2002. "
        "\"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-260; "
        "ATOP codebook version 5.1 (Leeds 2022); member-level file as imported by `casus import atop`",
        "http://www.atopdata.org", {0, 0, 0, 0, 0, 0}};
    casus_source *src = casus_arena_alloc(c.A, sizeof *src);
    if (!src)
        goto out;
    *src = SRC_PROTO;
    c.src = src;
    size_t cap = kb->ntreaties + at->nalliances;
    casus_treaty **tv = casus_arena_alloc(c.A, (cap ? cap : 1) * sizeof *tv);
    if (!tv)
        goto out;
    memcpy(tv, kb->treaties, kb->ntreaties * sizeof *tv);
    size_t nt = kb->ntreaties, added = 0;
    for (size_t i = 0; i < at->nalliances; i++) {
        if (skipmask[i])
            continue;
        int skip = 0;
        casus_arena_reset(T);
        casus_treaty *t = make_treaty(&c, &at->alliances[i], T, &skip);
        if (!t && !skip)
            goto out;
        if (t) {
            tv[nt++] = t;
            added++;
        }
    }

    /* 4. in: remap the kb's records, rebuild the indexes */
    rc = casusi_kb_rebuild(kb, c.states, c.nstates, c.map, tv, nt, err);
    if (rc == CASUS_OK)
        kb->nhistory = added ? added : 1;
    goto done;
out:
    if (rc == CASUS_ENOMEM)
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
done:
    free(c.ns);
    free(skipmask);
    casus_arena_free(T);
    return rc;
}
