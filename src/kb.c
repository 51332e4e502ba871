/*
 * kb.c -- the knowledge-base handle: opening a data folder, the indexes built
 * after loading (names, lineages, memberships, area closures) and lookups.
 */
#include "casus_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct diag_wrap {
    casus_diag_fn user;
    void *ud;
    casus_error first;
    int n;
} diag_wrap;

static void wrap_diag(void *ud, const casus_error *e)
{
    diag_wrap *w = ud;
    if (w->n++ == 0)
        w->first = *e;
    if (w->user)
        w->user(w->ud, e);
}

static casus_kb *kb_new(void)
{
    casus_kb *kb = calloc(1, sizeof *kb);
    if (!kb)
        return NULL;
    kb->arena = casus_arena_new();
    if (!kb->arena) {
        free(kb);
        return NULL;
    }
    return kb;
}

void casus_kb_close(casus_kb *kb)
{
    if (!kb)
        return;
    casus_arena_free(kb->arena);
    free(kb);
}

static int cmp_treaty(const void *a, const void *b)
{
    return strcmp((*(casus_treaty *const *)a)->id, (*(casus_treaty *const *)b)->id);
}

static int cmp_name(const void *a, const void *b)
{
    const name_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

static int cmp_lin_state(const void *a, const void *b)
{
    const casus_state *x = *(const casus_state *const *)a, *y = *(const casus_state *const *)b;
    int32_t fx = x->from.precision ? x->from.lo : INT32_MIN;
    int32_t fy = y->from.precision ? y->from.lo : INT32_MIN;
    return (fx > fy) - (fx < fy);
}

typedef struct nbuild {
    name_entry *v;
    size_t n, cap;
    casus_arena *a;
} nbuild;

static int nadd(nbuild *b, const char *name, name_kind kind, const void *rec)
{
    if (!name)
        return 0;
    char *key = casusi_normalize(b->a, name);
    if (!key)
        return -1;
    if (!*key)
        return 0;
    for (size_t i = b->n; i > 0 && i + 8 > b->n; i--) /* cheap dedupe of repeats */
        if (b->v[i - 1].rec == rec && strcmp(b->v[i - 1].key, key) == 0)
            return 0;
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        name_entry *v = casus_arena_alloc(b->a, cap * sizeof *v);
        if (!v)
            return -1;
        if (b->n)
            memcpy(v, b->v, b->n * sizeof *v);
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = (name_entry){key, kind, rec};
    return 0;
}

int casusi_kb_finish(casus_kb *kb, casus_error *err)
{
    casus_arena *A = kb->arena;
    qsort(kb->treaties, kb->ntreaties, sizeof *kb->treaties, cmp_treaty);
    for (size_t i = 1; i < kb->ntreaties; i++)
        if (strcmp(kb->treaties[i]->id, kb->treaties[i - 1]->id) == 0) {
            casusi_seterr_at(err, CASUS_EPARSE, kb->treaties[i]->file, 1, 1,
                             "expected a unique treaty id, found '%s' twice",
                             kb->treaties[i]->id);
            return CASUS_EPARSE;
        }
    for (size_t i = 0; i < kb->ntreaties; i++)
        for (size_t j = 0; j < kb->treaties[i]->nsupersedes; j++) {
            const casus_treaty *old = kb->treaties[i]->supersedes[j].treaty;
            if (old)
                ((casus_treaty *)old)->superseded_by = kb->treaties[i];
        }

    /* lineages: a state and everything that continues it */
    kb->nlineages = 0;
    for (size_t i = 0; i < kb->nstates; i++)
        kb->states[i].lineage = -1;
    for (size_t i = 0; i < kb->nstates; i++) {
        const casus_state *r = &kb->states[i];
        size_t guard = 0;
        while (r->continues && guard++ < kb->nstates)
            r = r->continues;
        if (guard >= kb->nstates) {
            casusi_seterr(err, CASUS_EPARSE, "states.yaml: expected 'continues' without cycles, found a cycle at '%s'",
                          kb->states[i].iso3);
            return CASUS_EPARSE;
        }
        casus_state *root = (casus_state *)r;
        if (root->lineage < 0)
            root->lineage = (int)kb->nlineages++;
        kb->states[i].lineage = root->lineage;
    }
    size_t L = kb->nlineages ? kb->nlineages : 1;
    kb->lin = casus_arena_alloc(A, L * sizeof *kb->lin);
    kb->nlin = casus_arena_alloc(A, L * sizeof *kb->nlin);
    kb->lin_states = casus_arena_alloc(A, L * sizeof *kb->lin_states);
    kb->nlin_states = casus_arena_alloc(A, L * sizeof *kb->nlin_states);
    if (!kb->lin || !kb->nlin || !kb->lin_states || !kb->nlin_states)
        goto nomem;
    for (size_t i = 0; i < kb->nstates; i++)
        kb->nlin_states[kb->states[i].lineage]++;
    for (size_t l = 0; l < kb->nlineages; l++) {
        kb->lin_states[l] = casus_arena_alloc(A, kb->nlin_states[l] * sizeof(casus_state *));
        kb->nlin_states[l] = 0;
    }
    for (size_t i = 0; i < kb->nstates; i++) {
        int l = kb->states[i].lineage;
        kb->lin_states[l][kb->nlin_states[l]++] = &kb->states[i];
    }
    for (size_t l = 0; l < kb->nlineages; l++)
        qsort(kb->lin_states[l], kb->nlin_states[l], sizeof(casus_state *), cmp_lin_state);

    /* memberships by lineage */
    for (size_t i = 0; i < kb->ntreaties; i++)
        for (size_t j = 0; j < kb->treaties[i]->nmembers; j++)
            kb->nlin[kb->treaties[i]->members[j].state->lineage]++;
    for (size_t l = 0; l < kb->nlineages; l++) {
        kb->lin[l] = casus_arena_alloc(A, (kb->nlin[l] ? kb->nlin[l] : 1) * sizeof(lin_membership));
        if (!kb->lin[l])
            goto nomem;
        kb->nlin[l] = 0;
    }
    for (size_t i = 0; i < kb->ntreaties; i++)
        for (size_t j = 0; j < kb->treaties[i]->nmembers; j++) {
            const casus_member *m = &kb->treaties[i]->members[j];
            int l = m->state->lineage;
            kb->lin[l][kb->nlin[l]++] = (lin_membership){kb->treaties[i], m};
        }

    /* area closures */
    size_t NA = kb->nareas ? kb->nareas : 1;
    kb->area_closure = casus_arena_alloc(A, NA * sizeof *kb->area_closure);
    kb->narea_closure = casus_arena_alloc(A, NA * sizeof *kb->narea_closure);
    for (size_t i = 0; i < kb->nareas; i++) {
        const char **cl = casus_arena_alloc(A, (kb->nareas + 1) * sizeof *cl);
        size_t n = 0;
        cl[n++] = kb->areas[i].id;
        for (size_t k = 0; k < n; k++) {
            const casus_area *ar = casus_kb_area(kb, cl[k]);
            for (size_t j = 0; ar && j < ar->nincludes; j++) {
                int seen = 0;
                for (size_t q = 0; q < n; q++)
                    if (strcmp(cl[q], ar->includes[j]) == 0)
                        seen = 1;
                if (!seen && n <= kb->nareas)
                    cl[n++] = ar->includes[j];
            }
        }
        kb->area_closure[i] = cl;
        kb->narea_closure[i] = n;
    }

    /* names */
    nbuild b = {NULL, 0, 0, A};
    for (size_t i = 0; i < kb->nstates; i++) {
        const casus_state *s = &kb->states[i];
        nadd(&b, s->iso3, NAME_STATE, s);
        nadd(&b, s->name, NAME_STATE, s);
        nadd(&b, s->official, NAME_STATE, s);
        nadd(&b, s->capital, NAME_STATE, s);
        for (size_t j = 0; j < s->naliases; j++)
            nadd(&b, s->aliases[j], NAME_STATE, s);
        for (size_t j = 0; j < s->ndemonyms; j++)
            nadd(&b, s->demonyms[j], NAME_STATE, s);
    }
    for (size_t i = 0; i < kb->nplaces; i++) {
        const casus_place *p = &kb->places[i];
        nadd(&b, p->id, NAME_PLACE, p);
        nadd(&b, p->name, NAME_PLACE, p);
        for (size_t j = 0; j < p->naliases; j++)
            nadd(&b, p->aliases[j], NAME_PLACE, p);
    }
    qsort(b.v, b.n, sizeof *b.v, cmp_name);
    kb->names = b.v;
    kb->nnames = b.n;
    return CASUS_OK;
nomem:
    casusi_seterr(err, CASUS_ENOMEM, "out of memory");
    return CASUS_ENOMEM;
}

/* ---- rebuilding with more states and treaties (kbatop.c) ------------ */

typedef struct remap {
    const casus_state *from; size_t nfrom; /* the states being replaced */
    const casus_state *to;                 /* their replacements */
    const size_t *map;                     /* from[i] becomes to[map[i]] */
} remap;

static const casus_state *remap1(const remap *r, const casus_state *s)
{
    if (s && s >= r->from && s < r->from + r->nfrom && r->map[s - r->from] != SIZE_MAX)
        return &r->to[r->map[s - r->from]];
    return s;
}

static void remap_list(const remap *r, const casus_state *const *l, size_t n)
{
    const casus_state **w = (const casus_state **)l; /* the kb's own arrays */
    for (size_t i = 0; i < n; i++)
        w[i] = remap1(r, w[i]);
}

/* Points every state pointer of the kb's places, areas and the first
 * ntreaties treaties through r. Allocates nothing, so it cannot fail. */
static void remap_records(casus_kb *kb, casus_treaty *const *treaties,
                          size_t ntreaties, const remap *r)
{
    for (size_t i = 0; i < kb->nplaces; i++) {
        kb->places[i].sovereign = remap1(r, kb->places[i].sovereign);
        kb->places[i].admin = remap1(r, kb->places[i].admin);
    }
    for (size_t i = 0; i < kb->nareas; i++)
        remap_list(r, kb->areas[i].states, kb->areas[i].nstates);
    for (size_t i = 0; i < ntreaties; i++) {
        casus_treaty *t = treaties[i];
        for (size_t j = 0; j < t->nmembers; j++)
            ((casus_member *)t->members)[j].state = remap1(r, t->members[j].state);
        for (size_t j = 0; j < t->nsuspensions; j++) {
            casus_suspension *su = (casus_suspension *)&t->suspensions[j];
            su->a = remap1(r, su->a);
            su->b = remap1(r, su->b);
        }
        for (size_t j = 0; j < t->nobligations; j++) {
            const casus_obligation *ob = &t->obligations[j];
            remap_list(r, ob->by, ob->nby);
            remap_list(r, ob->to, ob->nto);
            for (size_t k = 0; k < ob->nconds; k++)
                remap_list(r, ob->conds[k].states, ob->conds[k].nstates);
        }
    }
}

int casusi_kb_rebuild(casus_kb *kb, casus_state *states, size_t nstates,
                      const size_t *map, casus_treaty **treaties,
                      size_t ntreaties, casus_error *err)
{
    size_t *inv = casus_arena_alloc(kb->arena, (nstates ? nstates : 1) * sizeof *inv);
    if (!inv) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    for (size_t i = 0; i < nstates; i++)
        inv[i] = SIZE_MAX;
    for (size_t i = 0; i < kb->nstates; i++)
        inv[map[i]] = i;
    remap fwd = {kb->states, kb->nstates, states, map};
    remap back = {states, nstates, kb->states, inv};
    casus_kb saved = *kb;
    /* the old treaties: their records are the ones shared with `saved` */
    remap_records(kb, kb->treaties, kb->ntreaties, &fwd);
    for (size_t i = 0; i < nstates; i++)
        states[i].continues = remap1(&fwd, states[i].continues);
    kb->states = states;
    kb->nstates = nstates;
    kb->treaties = treaties;
    kb->ntreaties = ntreaties;
    int rc = casusi_kb_finish(kb, err);
    if (rc) {
        /* back to the old arrays and indexes, which were not written to
         * (finish sorts and indexes the new arrays only; superseded_by links
         * old treaties to old treaties, the same again) */
        *kb = saved;
        remap_records(kb, kb->treaties, kb->ntreaties, &back);
    }
    return rc;
}

int casus_kb_open_ex(const char *dir, casus_kb **out, casus_diag_fn diag,
                     void *ud, casus_error *err)
{
    *out = NULL;
    struct stat st;
    if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        casusi_seterr_at(err, CASUS_EIO, dir ? dir : "", 0, 0,
                         "cannot open data folder '%s': expected a folder with states.yaml and treaties/",
                         dir ? dir : "");
        return CASUS_EIO;
    }
    casus_kb *kb = kb_new();
    if (!kb) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    diag_wrap w = {diag, ud, {0}, 0};
    casusi_load_dir(kb, dir, wrap_diag, &w);
    if (w.n) {
        if (err) {
            *err = w.first;
            if (w.n > 1) {
                size_t l = strlen(err->msg);
                snprintf(err->msg + l, sizeof err->msg - l, " (and %d more problems; run 'casus check')", w.n - 1);
            }
        }
        casus_kb_close(kb);
        return w.first.code ? w.first.code : CASUS_EPARSE;
    }
    int rc = casusi_kb_finish(kb, err);
    if (rc) {
        casus_kb_close(kb);
        return rc;
    }
    *out = kb;
    return CASUS_OK;
}

int casus_kb_open(const char *dir, casus_kb **out, casus_error *err)
{
    return casus_kb_open_ex(dir, out, NULL, NULL, err);
}

int casus_check(const char *dir, const char *const *paths, size_t npaths,
                casus_diag_fn diag, void *ud)
{
    int problems = 0;
    const char **files = malloc((npaths ? npaths : 1) * sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return 1;
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            casus_error e;
            casusi_seterr_at(&e, CASUS_EIO, paths[i], 0, 0, "cannot open: no such file or folder");
            if (diag)
                diag(ud, &e);
            problems++;
        } else if (S_ISDIR(st.st_mode)) {
            casus_kb *kb = kb_new();
            diag_wrap w = {diag, ud, {0}, 0};
            if (!kb) {
                problems++;
                continue;
            }
            casusi_load_dir(kb, paths[i], wrap_diag, &w);
            if (!w.n) {
                casus_error e;
                if (casusi_kb_finish(kb, &e)) {
                    wrap_diag(&w, &e);
                }
            }
            problems += w.n;
            casus_kb_close(kb);
        } else {
            files[nfiles++] = paths[i];
        }
    }
    if (nfiles) {
        casus_kb *kb = kb_new();
        diag_wrap w = {diag, ud, {0}, 0};
        if (kb) {
            casusi_load_files(kb, dir ? dir : "data", files, nfiles, wrap_diag, &w);
            if (!w.n) {
                casus_error e;
                if (casusi_kb_finish(kb, &e))
                    wrap_diag(&w, &e);
            }
            problems += w.n;
            casus_kb_close(kb);
        } else
            problems++;
    }
    free(files);
    return problems;
}

size_t casus_kb_nstates(const casus_kb *kb) { return kb->nstates; }
const casus_state *casus_kb_state_at(const casus_kb *kb, size_t i)
{
    return i < kb->nstates ? &kb->states[i] : NULL;
}
size_t casus_kb_ntreaties(const casus_kb *kb) { return kb->ntreaties; }
const casus_treaty *casus_kb_treaty_at(const casus_kb *kb, size_t i)
{
    return i < kb->ntreaties ? kb->treaties[i] : NULL;
}
size_t casus_kb_nplaces(const casus_kb *kb) { return kb->nplaces; }
const casus_place *casus_kb_place_at(const casus_kb *kb, size_t i)
{
    return i < kb->nplaces ? &kb->places[i] : NULL;
}

static bool exists_on(const casus_state *s, int32_t day)
{
    if (s->from.precision && day < s->from.lo)
        return false;
    if (s->until.precision && day > s->until.hi)
        return false;
    return true;
}

const casus_state *casus_kb_state_on(const casus_kb *kb, const casus_state *s,
                                     int32_t day)
{
    if (!s || s->lineage < 0 || (size_t)s->lineage >= kb->nlineages)
        return s;
    if (exists_on(s, day))
        return s;
    for (size_t i = 0; i < kb->nlin_states[s->lineage]; i++)
        if (exists_on(kb->lin_states[s->lineage][i], day))
            return kb->lin_states[s->lineage][i];
    return s;
}

static const casus_state *by_iso(const casus_kb *kb, const char *code)
{
    size_t lo = 0, hi = kb->nstates;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(kb->states[mid].iso3, code);
        if (c == 0)
            return &kb->states[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Finds the range of name entries with the key of `name`. */
static size_t name_range(const casus_kb *kb, const char *name, size_t *first)
{
    casus_arena *tmp = casus_arena_new(); /* for the normalised key */
    if (!tmp)
        return 0;
    char *key = casusi_normalize(tmp, name);
    size_t lo = 0, hi = kb->nnames;
    while (key && lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(kb->names[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (key && lo + n < kb->nnames && strcmp(kb->names[lo + n].key, key) == 0)
        n++;
    casus_arena_free(tmp);
    *first = lo;
    return n;
}

const casus_state *casus_kb_state(const casus_kb *kb, const char *name,
                                  const casus_date *on, casus_error *err)
{
    const casus_state *s = NULL;
    int32_t day = on && on->precision ? on->lo : casus_date_today().lo;
    if (!name || !*name)
        goto notfound;
    /* exact ISO3 code (any case) */
    if (strlen(name) == 3) {
        char up[4] = {(char)toupper((unsigned char)name[0]), (char)toupper((unsigned char)name[1]),
                      (char)toupper((unsigned char)name[2]), 0};
        s = by_iso(kb, up);
    }
    /* COW code: a number, or cow:ABB */
    if (!s && isdigit((unsigned char)name[0])) {
        char *end;
        long code = strtol(name, &end, 10);
        if (!*end)
            for (size_t i = 0; i < kb->nstates; i++)
                if (kb->states[i].cow == code &&
                    (!s || exists_on(&kb->states[i], day)))
                    s = &kb->states[i];
    }
    if (!s && strncasecmp(name, "cow:", 4) == 0)
        for (size_t i = 0; i < kb->nstates; i++)
            if (kb->states[i].cowabb && strcasecmp(kb->states[i].cowabb, name + 4) == 0 &&
                (!s || exists_on(&kb->states[i], day)))
                s = &kb->states[i];
    if (!s) {
        size_t first, n = name_range(kb, name, &first);
        for (size_t i = 0; i < n; i++) {
            const name_entry *e = &kb->names[first + i];
            if (e->kind != NAME_STATE)
                continue;
            if (!s || exists_on(e->rec, day))
                s = e->rec;
        }
    }
    if (!s)
        goto notfound;
    return casus_kb_state_on(kb, s, day);
notfound:
    casusi_seterr(err, CASUS_ENOTFOUND,
                  "unknown state '%s': expected an ISO 3166 alpha-3 code (RUS, PRK, USA), a COW code or a state name",
                  name ? name : "");
    return NULL;
}

const casus_treaty *casus_kb_treaty(const casus_kb *kb, const char *id,
                                    casus_error *err)
{
    size_t lo = 0, hi = kb->ntreaties;
    while (id && lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(kb->treaties[mid]->id, id);
        if (c == 0)
            return kb->treaties[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* atop-N: the bundled treaty that ATOP alliance N is linked to */
    if (id && strncmp(id, "atop-", 5) == 0 && isdigit((unsigned char)id[5])) {
        char *end;
        long n = strtol(id + 5, &end, 10);
        for (size_t i = 0; !*end && i < kb->ntreaties; i++)
            for (size_t k = 0; k < kb->treaties[i]->natop; k++)
                if (kb->treaties[i]->atop[k] == n)
                    return kb->treaties[i];
    }
    casusi_seterr(err, CASUS_ENOTFOUND,
                  "unknown treaty '%s': expected a treaty id such as nato-1949 (see 'casus treaties')",
                  id ? id : "");
    return NULL;
}

const casus_place *casus_kb_place(const casus_kb *kb, const char *name,
                                  casus_error *err)
{
    size_t first, n = name ? name_range(kb, name, &first) : 0;
    for (size_t i = 0; i < n; i++)
        if (kb->names[first + i].kind == NAME_PLACE)
            return kb->names[first + i].rec;
    casusi_seterr(err, CASUS_ENOTFOUND,
                  "unknown place '%s': expected a state code or a place from places.yaml (e.g. kursk, guam, crimea)",
                  name ? name : "");
    return NULL;
}

const casus_area *casus_kb_area(const casus_kb *kb, const char *id)
{
    for (size_t i = 0; i < kb->nareas; i++)
        if (strcmp(kb->areas[i].id, id) == 0)
            return &kb->areas[i];
    return NULL;
}

bool casusi_area_contains(const casus_kb *kb, const char *area, const char *tag)
{
    if (strcmp(area, tag) == 0)
        return true;
    for (size_t i = 0; i < kb->nareas; i++)
        if (strcmp(kb->areas[i].id, area) == 0) {
            for (size_t j = 0; j < kb->narea_closure[i]; j++)
                if (strcmp(kb->area_closure[i][j], tag) == 0)
                    return true;
            return false;
        }
    return false;
}

bool casusi_same_lineage(const casus_state *a, const casus_state *b)
{
    return a && b && a->lineage == b->lineage;
}

bool casusi_state_in(const casus_state *s, const casus_state *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (casusi_same_lineage(s, list[i]))
            return true;
    return false;
}
