/*
 * load.c -- reads the YAML data folder into a casus_kb.
 *
 * Order: states.yaml, areas.yaml, places.yaml, then treaties/ *.yaml in name
 * order. Every problem is reported (file, line, column, what was expected and
 * what was found) and counted; the caller throws the kb away if any was
 * found, so a bad file never half-loads. The field-by-field schema is
 * docs/data-format.md.
 */
#include "yaml_tree.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES (8u << 20)

typedef struct pending_ref {
    const ynode *node; /* where it was written */
    const char *file;
    void *slot;        /* what to fill */
    int kind;          /* 0: state->continues, 1: area tag check */
} pending_ref;

typedef struct lctx {
    casus_kb *kb;
    casus_arena *A;      /* the kb's arena: records */
    casus_arena *tmp;    /* trees and scratch, freed at the end */
    const char *file;
    casus_diag_fn diag;
    void *ud;
    int nerr;
    casus_source *sources; size_t nsources; /* of the current file */
    pending_ref *refs; size_t nrefs, caprefs;
    const char *membuf; size_t memlen; /* parse this instead of reading a file */
    const char *dir;     /* the data folder, for references to files not loaded */
} lctx;

static void lerr(lctx *c, const ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void lerr(lctx *c, const ynode *at, const char *fmt, ...)
{
    casus_error e;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    casusi_seterr_at(&e, CASUS_EPARSE, c->file, at ? at->line : 0,
                     at ? at->col : 0, "%s", msg);
    c->nerr++;
    if (c->diag)
        c->diag(c->ud, &e);
}

static void report(lctx *c, const casus_error *e)
{
    c->nerr++;
    if (c->diag)
        c->diag(c->ud, e);
}

static bool is_null(const ynode *n)
{
    return !n || (n->type == Y_SCALAR && n->plain &&
                  (n->len == 0 || strcmp(n->str, "~") == 0 ||
                   strcmp(n->str, "null") == 0));
}

static void add_ref(lctx *c, const ynode *n, void *slot, int kind)
{
    if (c->nrefs == c->caprefs) {
        size_t cap = c->caprefs ? c->caprefs * 2 : 256;
        pending_ref *r = casus_arena_alloc(c->tmp, cap * sizeof *r);
        if (!r)
            return;
        if (c->nrefs)
            memcpy(r, c->refs, c->nrefs * sizeof *r);
        c->refs = r;
        c->caprefs = cap;
    }
    c->refs[c->nrefs++] = (pending_ref){n, c->file, slot, kind};
}

/* Reports keys of `map` that are not in `allowed` (NULL-terminated). */
static void check_keys(lctx *c, const ynode *map, const char *what,
                       const char *const *allowed)
{
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->items[i];
        bool ok = false;
        if (k->type == Y_SCALAR)
            for (const char *const *a = allowed; *a && !ok; a++)
                if (k->str[0] == (*a)[0] && strcmp(k->str, *a) == 0)
                    ok = true;
        if (!ok) {
            char list[300] = "";
            size_t used = 0;
            for (const char *const *a = allowed; *a && used < sizeof list - 40; a++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                         a == allowed ? "" : ", ", *a);
            lerr(c, k, "expected a field of %s (%s), found '%s'", what, list,
                 k->type == Y_SCALAR ? k->str : casusi_ydescribe(k));
        }
        for (size_t j = 0; j < i; j += 2)
            if (k->type == Y_SCALAR && map->items[j]->type == Y_SCALAR &&
                map->items[j]->str[0] == k->str[0] && strcmp(map->items[j]->str, k->str) == 0)
                lerr(c, k, "expected each field once, found '%s' again", k->str);
    }
}

static const char *get_str(lctx *c, const ynode *map, const char *key,
                           bool required)
{
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v)) {
        if (required)
            lerr(c, v ? v : map, "expected a value for '%s', found none", key);
        return NULL;
    }
    if (v->type != Y_SCALAR) {
        lerr(c, v, "expected text for '%s', found %s", key, casusi_ydescribe(v));
        return NULL;
    }
    return casus_arena_strndup(c->A, v->str, v->len);
}

static casus_date get_date(lctx *c, const ynode *map, const char *key)
{
    casus_date d;
    memset(&d, 0, sizeof d);
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v))
        return d;
    casus_error e;
    if (v->type != Y_SCALAR || casus_date_parse(v->str, &d, &e) != CASUS_OK) {
        lerr(c, v, "expected a date YYYY-MM-DD, YYYY-MM or YYYY for '%s', found '%s'",
             key, v->type == Y_SCALAR ? v->str : casusi_ydescribe(v));
        memset(&d, 0, sizeof d);
    }
    return d;
}

static int get_int(lctx *c, const ynode *map, const char *key, int dflt)
{
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v))
        return dflt;
    char *end = NULL;
    long x = v->type == Y_SCALAR ? strtol(v->str, &end, 10) : 0;
    if (v->type != Y_SCALAR || !end || *end || v->len == 0 || x < 0 || x > 1000000) {
        lerr(c, v, "expected a whole number for '%s', found '%s'", key,
             v->type == Y_SCALAR ? v->str : casusi_ydescribe(v));
        return dflt;
    }
    return (int)x;
}

static int get_bool(lctx *c, const ynode *map, const char *key, int dflt)
{
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v))
        return dflt;
    if (v->type == Y_SCALAR) {
        if (!strcmp(v->str, "true") || !strcmp(v->str, "yes"))
            return 1;
        if (!strcmp(v->str, "false") || !strcmp(v->str, "no"))
            return 0;
    }
    lerr(c, v, "expected true or false for '%s', found '%s'", key,
         v->type == Y_SCALAR ? v->str : casusi_ydescribe(v));
    return dflt;
}

static const char *get_enum(lctx *c, const ynode *map, const char *key,
                            const char *const *values, const char *dflt)
{
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v))
        return dflt;
    if (v->type == Y_SCALAR)
        for (const char *const *p = values; *p; p++)
            if (strcmp(v->str, *p) == 0)
                return *p;
    char list[400] = "";
    size_t used = 0;
    for (const char *const *p = values; *p && used < sizeof list - 40; p++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 p == values ? "" : ", ", *p);
    lerr(c, v, "expected one of %s for '%s', found '%s'", list, key,
         v->type == Y_SCALAR ? v->str : casusi_ydescribe(v));
    return dflt;
}

/* A list of scalars (a lone scalar counts as a list of one). */
static const char *const *get_strlist(lctx *c, const ynode *map,
                                      const char *key, size_t *n)
{
    *n = 0;
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v))
        return NULL;
    const ynode *const *items = (const ynode *const *)&v;
    size_t cnt = 1;
    if (v->type == Y_SEQ) {
        items = (const ynode *const *)v->items;
        cnt = v->n;
    } else if (v->type != Y_SCALAR) {
        lerr(c, v, "expected a list of text for '%s', found %s", key, casusi_ydescribe(v));
        return NULL;
    }
    const char **out = casus_arena_alloc(c->A, (cnt ? cnt : 1) * sizeof *out);
    for (size_t i = 0; i < cnt; i++) {
        if (items[i]->type != Y_SCALAR || items[i]->len == 0) {
            lerr(c, items[i], "expected text in the list '%s', found %s", key,
                 casusi_ydescribe(items[i]));
            continue;
        }
        out[(*n)++] = casus_arena_strndup(c->A, items[i]->str, items[i]->len);
    }
    return out;
}

static int cmp_state_iso(const void *a, const void *b)
{
    return strcmp(((const casus_state *)a)->iso3, ((const casus_state *)b)->iso3);
}

static const casus_state *find_state(const casus_kb *kb, const char *code)
{
    casus_state key;
    memset(&key, 0, sizeof key);
    key.iso3 = code;
    if (!kb->states)
        return NULL;
    return bsearch(&key, kb->states, kb->nstates, sizeof *kb->states, cmp_state_iso);
}

static const casus_state *state_ref(lctx *c, const ynode *n, const char *key)
{
    if (!n || n->type != Y_SCALAR || n->len == 0) {
        lerr(c, n, "expected a state code (ISO 3166-1 alpha-3) for '%s', found %s", key,
             casusi_ydescribe(n));
        return NULL;
    }
    const casus_state *s = find_state(c->kb, n->str);
    if (!s)
        lerr(c, n, "expected a state code from states.yaml for '%s', found unknown state '%s'",
             key, n->str);
    return s;
}

/* A list of states, or `all` (returns NULL with *n = 0 and *all = true). */
static const casus_state *const *get_statelist(lctx *c, const ynode *map,
                                               const char *key, size_t *n,
                                               bool allow_all)
{
    *n = 0;
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v))
        return NULL;
    if (v->type == Y_SCALAR && allow_all && strcmp(v->str, "all") == 0)
        return NULL;
    const ynode *const *items = (const ynode *const *)&v;
    size_t cnt = 1;
    if (v->type == Y_SEQ) {
        items = (const ynode *const *)v->items;
        cnt = v->n;
    } else if (v->type != Y_SCALAR) {
        lerr(c, v, "expected a list of state codes for '%s', found %s", key,
             casusi_ydescribe(v));
        return NULL;
    }
    const casus_state **out = casus_arena_alloc(c->A, (cnt ? cnt : 1) * sizeof *out);
    for (size_t i = 0; i < cnt; i++) {
        const casus_state *s = state_ref(c, items[i], key);
        if (s)
            out[(*n)++] = s;
    }
    return out;
}

static const casus_source *source_ref(lctx *c, const ynode *map)
{
    const ynode *v = casusi_ymap_get(map, "source");
    if (is_null(v))
        return NULL;
    if (v->type != Y_SCALAR) {
        lerr(c, v, "expected a source key for 'source', found %s", casusi_ydescribe(v));
        return NULL;
    }
    for (size_t i = 0; i < c->nsources; i++)
        if (strcmp(c->sources[i].key, v->str) == 0)
            return &c->sources[i];
    lerr(c, v, "expected a key listed under 'sources', found unknown source '%s'", v->str);
    return NULL;
}

static const ynode *get_seq(lctx *c, const ynode *map, const char *key)
{
    const ynode *v = casusi_ymap_get(map, key);
    if (is_null(v))
        return NULL;
    if (v->type != Y_SEQ) {
        lerr(c, v, "expected a list for '%s', found %s", key, casusi_ydescribe(v));
        return NULL;
    }
    return v;
}

static bool want_map(lctx *c, const ynode *n, const char *what)
{
    if (n->type != Y_MAP) {
        lerr(c, n, "expected %s (a mapping), found %s", what, casusi_ydescribe(n));
        return false;
    }
    return true;
}

static void load_sources(lctx *c, const ynode *root)
{
    static const char *const keys[] = {"key", "cite", "url", "date", "note", NULL};
    c->sources = NULL;
    c->nsources = 0;
    const ynode *seq = get_seq(c, root, "sources");
    if (!seq)
        return;
    c->sources = casus_arena_alloc(c->A, (seq->n ? seq->n : 1) * sizeof *c->sources);
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *m = seq->items[i];
        if (!want_map(c, m, "a source"))
            continue;
        check_keys(c, m, "a source", keys);
        casus_source *s = &c->sources[c->nsources];
        s->key = get_str(c, m, "key", true);
        s->cite = get_str(c, m, "cite", true);
        s->url = get_str(c, m, "url", false);
        s->date = get_date(c, m, "date");
        if (!s->key)
            continue;
        for (size_t j = 0; j < c->nsources; j++)
            if (strcmp(c->sources[j].key, s->key) == 0)
                lerr(c, casusi_ymap_get(m, "key"), "expected a unique source key, found '%s' twice", s->key);
        c->nsources++;
    }
}

static int read_file(lctx *c, const char *path, char **buf, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        casus_error e;
        casusi_seterr_at(&e, CASUS_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
        report(c, &e);
        return -1;
    }
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    while (b) {
        size_t got = fread(b + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            if (cap >= MAX_FILE_BYTES) {
                free(b);
                b = NULL;
                fclose(f);
                casus_error e;
                casusi_seterr_at(&e, CASUS_ELIMIT, path, 0, 0,
                                 "expected a data file under %u bytes", MAX_FILE_BYTES);
                report(c, &e);
                return -1;
            }
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    int ioerr = ferror(f);
    fclose(f);
    if (!b || ioerr) {
        free(b);
        casus_error e;
        casusi_seterr_at(&e, CASUS_EIO, path, 0, 0, "cannot read file");
        report(c, &e);
        return -1;
    }
    *buf = b;
    *len = n;
    return 0;
}

static const ynode *parse_file(lctx *c, const char *path)
{
    char *buf;
    size_t len;
    c->file = casus_arena_strdup(c->A, path);
    casus_error e;
    const ynode *root;
    if (c->membuf) {
        root = casusi_yaml_parse(c->tmp, c->file, c->membuf, c->memlen, &e);
    } else {
        if (read_file(c, path, &buf, &len))
            return NULL;
        root = casusi_yaml_parse(c->tmp, c->file, buf, len, &e);
        free(buf);
    }
    if (!root) {
        report(c, &e);
        return NULL;
    }
    if (root->type != Y_MAP) {
        lerr(c, root, "expected a mapping at the top of the file, found %s", casusi_ydescribe(root));
        return NULL;
    }
    return root;
}

/* Parses a top-level data file holding `sources` and one list `listkey`;
 * returns the list, or NULL (problems reported). */
static const ynode *top_list(lctx *c, const char *path, const char *fname,
                             const char *listkey, const ynode **rootp)
{
    const char *const top[] = {listkey, "sources", NULL};
    const ynode *root = parse_file(c, path);
    *rootp = root;
    if (!root)
        return NULL;
    check_keys(c, root, fname, top);
    load_sources(c, root);
    const ynode *seq = get_seq(c, root, listkey);
    if (!seq)
        lerr(c, root, "expected a list '%s', found none", listkey);
    return seq;
}

/* ---------------------------------------------------------------- states */

static void load_states(lctx *c, const char *path)
{
    static const char *const keys[] = {"iso3", "cow", "cowabb", "name", "official",
        "from", "until", "continues", "areas", "partly", "capital", "demonyms",
        "aliases", "source", "note", NULL};
    const ynode *root;
    const ynode *seq = top_list(c, path, "states.yaml", "states", &root);
    if (!seq)
        return;
    casus_kb *kb = c->kb;
    kb->states = casus_arena_alloc(c->A, (seq->n ? seq->n : 1) * sizeof *kb->states);
    const ynode **cont = casus_arena_alloc(c->tmp, (seq->n ? seq->n : 1) * sizeof *cont);
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *m = seq->items[i];
        if (!want_map(c, m, "a state"))
            continue;
        check_keys(c, m, "a state", keys);
        casus_state *s = &kb->states[kb->nstates];
        s->iso3 = get_str(c, m, "iso3", true);
        if (!s->iso3)
            continue;
        if (strlen(s->iso3) != 3 || s->iso3[0] < 'A' || s->iso3[0] > 'Z' ||
            s->iso3[1] < 'A' || s->iso3[1] > 'Z' || s->iso3[2] < 'A' || s->iso3[2] > 'Z') {
            lerr(c, casusi_ymap_get(m, "iso3"), "expected three capital letters for 'iso3', found '%s'", s->iso3);
            continue;
        }
        s->cow = get_int(c, m, "cow", 0);
        s->cowabb = get_str(c, m, "cowabb", false);
        s->name = get_str(c, m, "name", true);
        if (!s->name)
            s->name = s->iso3;
        s->official = get_str(c, m, "official", false);
        s->from = get_date(c, m, "from");
        s->until = get_date(c, m, "until");
        s->capital = get_str(c, m, "capital", false);
        s->demonyms = get_strlist(c, m, "demonyms", &s->ndemonyms);
        s->aliases = get_strlist(c, m, "aliases", &s->naliases);
        s->areas = get_strlist(c, m, "areas", &s->nareas);
        s->partly = get_strlist(c, m, "partly", &s->npartly);
        s->note = get_str(c, m, "note", false);
        (void)source_ref(c, m);
        const ynode *cv = casusi_ymap_get(m, "continues");
        cont[kb->nstates] = is_null(cv) ? NULL : cv;
        for (size_t a = 0; a < s->nareas; a++)
            add_ref(c, casusi_ymap_get(m, "areas"), (void *)s->areas[a], 1);
        for (size_t a = 0; a < s->npartly; a++)
            add_ref(c, casusi_ymap_get(m, "partly"), (void *)s->partly[a], 1);
        kb->nstates++;
    }
    /* sort, remembering where each `continues` node went */
    typedef struct { casus_state s; const ynode *cont; } pair;
    pair *tmp = casus_arena_alloc(c->tmp, (kb->nstates ? kb->nstates : 1) * sizeof *tmp);
    for (size_t i = 0; i < kb->nstates; i++) {
        tmp[i].s = kb->states[i];
        tmp[i].cont = cont[i];
    }
    qsort(tmp, kb->nstates, sizeof *tmp, cmp_state_iso); /* pair starts with the state */
    for (size_t i = 0; i < kb->nstates; i++) {
        kb->states[i] = tmp[i].s;
        if (i && strcmp(kb->states[i].iso3, kb->states[i - 1].iso3) == 0)
            lerr(c, root, "expected each iso3 once in states.yaml, found '%s' twice", kb->states[i].iso3);
    }
    for (size_t i = 0; i < kb->nstates; i++) {
        if (!tmp[i].cont)
            continue;
        const casus_state *p = state_ref(c, tmp[i].cont, "continues");
        if (p == &kb->states[i])
            lerr(c, tmp[i].cont, "expected another state for 'continues', found the state itself");
        else
            kb->states[i].continues = p;
    }
}

/* ----------------------------------------------------------------- areas */

static void load_areas(lctx *c, const char *path)
{
    static const char *const keys[] = {"id", "name", "includes", "states", "source", "note", NULL};
    const ynode *root;
    const ynode *seq = top_list(c, path, "areas.yaml", "areas", &root);
    if (!seq)
        return;
    casus_kb *kb = c->kb;
    kb->areas = casus_arena_alloc(c->A, (seq->n ? seq->n : 1) * sizeof *kb->areas);
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *m = seq->items[i];
        if (!want_map(c, m, "an area"))
            continue;
        check_keys(c, m, "an area", keys);
        casus_area *a = &kb->areas[kb->nareas];
        a->id = get_str(c, m, "id", true);
        if (!a->id)
            continue;
        a->name = get_str(c, m, "name", false);
        a->includes = get_strlist(c, m, "includes", &a->nincludes);
        a->states = get_statelist(c, m, "states", &a->nstates, false);
        (void)source_ref(c, m);
        for (size_t j = 0; j < a->nincludes; j++)
            add_ref(c, casusi_ymap_get(m, "includes"), (void *)a->includes[j], 1);
        for (size_t j = 0; j < kb->nareas; j++)
            if (strcmp(kb->areas[j].id, a->id) == 0)
                lerr(c, casusi_ymap_get(m, "id"), "expected a unique area id, found '%s' twice", a->id);
        kb->nareas++;
    }
}

/* ---------------------------------------------------------------- places */

static void load_places(lctx *c, const char *path)
{
    static const char *const keys[] = {"id", "name", "aliases", "sovereign", "admin",
        "admin_from", "areas", "kind", "note", "source", NULL};
    static const char *const kinds[] = {"land", "sea", "air", NULL};
    const ynode *root;
    const ynode *seq = top_list(c, path, "places.yaml", "places", &root);
    if (!seq)
        return;
    casus_kb *kb = c->kb;
    kb->places = casus_arena_alloc(c->A, (seq->n ? seq->n : 1) * sizeof *kb->places);
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *m = seq->items[i];
        if (!want_map(c, m, "a place"))
            continue;
        check_keys(c, m, "a place", keys);
        casus_place *p = &kb->places[kb->nplaces];
        p->id = get_str(c, m, "id", true);
        if (!p->id)
            continue;
        p->name = get_str(c, m, "name", false);
        if (!p->name)
            p->name = p->id;
        p->aliases = get_strlist(c, m, "aliases", &p->naliases);
        const ynode *sv = casusi_ymap_get(m, "sovereign");
        p->sovereign = is_null(sv) ? NULL : state_ref(c, sv, "sovereign");
        const ynode *av = casusi_ymap_get(m, "admin");
        p->admin = is_null(av) ? p->sovereign : state_ref(c, av, "admin");
        p->admin_from = get_date(c, m, "admin_from");
        p->areas = get_strlist(c, m, "areas", &p->nareas);
        p->kind = get_enum(c, m, "kind", kinds, "land");
        p->note = get_str(c, m, "note", false);
        (void)source_ref(c, m);
        for (size_t j = 0; j < p->nareas; j++)
            add_ref(c, casusi_ymap_get(m, "areas"), (void *)p->areas[j], 1);
        for (size_t j = 0; j < kb->nplaces; j++)
            if (strcmp(kb->places[j].id, p->id) == 0)
                lerr(c, casusi_ymap_get(m, "id"), "expected a unique place id, found '%s' twice", p->id);
        kb->nplaces++;
    }
}

/* -------------------------------------------------------------- treaties */

static const char *const TREATY_KINDS[] = {"treaty", "organisation", "declaration",
    "political-commitment", "executive-agreement", "eu-treaty", "compact", "charter",
    "agreement", "protocol", NULL};
static const char *const CONFIDENCE[] = {"high", "medium", "low", NULL};
static const char *const END_REASONS[] = {"withdrawal", "suspension", "expiry",
    "supersession", "termination", "exclusion", "lapse", "dissolution",
    "denunciation", "succession", NULL};
static const char *const HISTORY_EVENTS[] = {"signature", "exchange-of-instruments",
    "entry-into-force", "renewal", "amendment", "invocation", "suspension", "expiry",
    "termination", "supersession", "dissolution", "withdrawal", "accession",
    "ratification", "protocol", "notice", "other", NULL};
static const char *const MEMBER_STEPS[] = {"signature", "ratification-vote",
    "approval", "law-signed", "decree", "ratification", "deposit", "accession",
    "notice-of-withdrawal", "withdrawal", "suspension", "readmission",
    "exchange-of-instruments", "entry-into-force", "other", NULL};
static const char *const OBTYPES[] = {"defense", "offense", "neutrality",
    "non-aggression", "consultation", "military-aid", "technology-transfer",
    "intelligence-sharing", "basing", NULL};
static const char *const TRIGGERS[] = {"attack", "threat", "attacking", "war",
    "standing", NULL};
static const char *const CONDS[] = {"state-of-war", "territory", "administered",
    "administered-by", "area", "adversary", "not-adversary", "non-member-attacker",
    "consultation-first", "request", "joint-finding", "non-provocation",
    "constitutional-processes", NULL};

static int index_of(const char *const *list, const char *v)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], v) == 0)
            return i;
    return -1;
}

static void load_steps(lctx *c, const ynode *map, const char *key,
                       const char *const *whats, const char *whatkey,
                       const casus_step **out, size_t *n)
{
    static const char *const keys[] = {"date", "event", "step", "body", "place",
                                       "note", "source", "reported", NULL};
    *out = NULL;
    *n = 0;
    const ynode *seq = get_seq(c, map, key);
    if (!seq)
        return;
    casus_step *steps = casus_arena_alloc(c->A, (seq->n ? seq->n : 1) * sizeof *steps);
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *m = seq->items[i];
        if (!want_map(c, m, "a step"))
            continue;
        check_keys(c, m, "a step", keys);
        casus_step *s = &steps[*n];
        s->line = m->line;
        s->date = get_date(c, m, "date");
        if (!casusi_date_set(&s->date))
            lerr(c, m, "expected a 'date' for each step of '%s', found none", key);
        s->what = get_enum(c, m, whatkey, whats, NULL);
        if (!s->what)
            lerr(c, m, "expected '%s' naming what happened, found none", whatkey);
        s->body = get_str(c, m, "body", false);
        s->place = get_str(c, m, "place", false);
        s->note = get_str(c, m, "note", false);
        s->reported = get_bool(c, m, "reported", 0);
        s->source = source_ref(c, m);
        if (*n && s->date.lo < steps[*n - 1].date.lo)
            lerr(c, m, "expected the steps of '%s' in date order, found an earlier date after a later one", key);
        (*n)++;
    }
    *out = steps;
}

static const casus_member *find_member(const casus_treaty *t, const casus_state *s)
{
    for (size_t i = 0; i < t->nmembers; i++)
        if (t->members[i].state == s)
            return &t->members[i];
    return NULL;
}

static void check_spell(lctx *c, const ynode *at, const casus_spell *sp,
                        const casus_treaty *t)
{
    if (casusi_date_set(&sp->from) && casusi_date_set(&sp->until) &&
        sp->until.hi < sp->from.lo)
        lerr(c, at, "expected 'until' on or after 'from', found an earlier date");
    if (casusi_date_set(&t->ended) && casusi_date_set(&sp->until) &&
        sp->until.lo > t->ended.hi)
        lerr(c, at, "expected a member's 'until' on or before the treaty's 'ended' date");
    if (casusi_date_set(&t->ended) && casusi_date_set(&sp->from) && sp->from.lo > t->ended.hi)
        lerr(c, at, "expected a member's 'from' on or before the treaty's 'ended' date");
}

static void load_members(lctx *c, casus_treaty *t, const ynode *root)
{
    static const char *const keys[] = {"state", "signed", "steps", "from", "until",
        "end", "source", "spells", "frozen", "note", NULL};
    static const char *const spell_keys[] = {"from", "until", "end", "source", "note", NULL};
    const ynode *seq = get_seq(c, root, "members");
    if (!seq || seq->n == 0) {
        lerr(c, seq ? seq : root, "expected a non-empty list 'members', found none");
        return;
    }
    casus_member *ms = casus_arena_alloc(c->A, seq->n * sizeof *ms);
    t->members = ms;
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *m = seq->items[i];
        if (!want_map(c, m, "a member"))
            continue;
        check_keys(c, m, "a member", keys);
        casus_member *mb = &ms[t->nmembers];
        const ynode *sv = casusi_ymap_get(m, "state");
        mb->state = state_ref(c, sv, "state");
        if (!mb->state)
            continue;
        if (find_member(t, mb->state)) {
            lerr(c, sv, "expected each member once, found '%s' twice (use 'spells' for several periods)",
                 mb->state->iso3);
            continue;
        }
        mb->signed_on = get_date(c, m, "signed");
        load_steps(c, m, "steps", MEMBER_STEPS, "step", &mb->steps, &mb->nsteps);
        mb->frozen = get_date(c, m, "frozen");
        mb->note = get_str(c, m, "note", false);
        mb->source = source_ref(c, m);
        const ynode *spells = get_seq(c, m, "spells");
        if (spells) {
            if (casusi_ymap_get(m, "from") || casusi_ymap_get(m, "until"))
                lerr(c, spells, "expected either 'spells' or 'from'/'until', found both");
            casus_spell *sp = casus_arena_alloc(c->A, (spells->n ? spells->n : 1) * sizeof *sp);
            for (size_t j = 0; j < spells->n; j++) {
                const ynode *s = spells->items[j];
                if (!want_map(c, s, "a spell"))
                    continue;
                check_keys(c, s, "a spell", spell_keys);
                casus_spell *x = &sp[mb->nspells];
                x->from = get_date(c, s, "from");
                x->until = get_date(c, s, "until");
                x->end = get_enum(c, s, "end", END_REASONS, NULL);
                x->source = source_ref(c, s);
                if (!casusi_date_set(&x->from))
                    lerr(c, s, "expected a 'from' date for each spell, found none");
                check_spell(c, s, x, t);
                if (mb->nspells && casusi_date_set(&sp[mb->nspells - 1].until) &&
                    x->from.lo <= sp[mb->nspells - 1].until.hi)
                    lerr(c, s, "expected spells in date order, not overlapping");
                mb->nspells++;
            }
            mb->spells = sp;
        } else {
            casus_spell *x = casus_arena_alloc(c->A, sizeof *x);
            x->from = get_date(c, m, "from");
            x->until = get_date(c, m, "until");
            x->end = get_enum(c, m, "end", END_REASONS, NULL);
            x->source = mb->source;
            if (!casusi_date_set(&x->from))
                x->from = t->in_force;
            if (!casusi_date_set(&x->until) && casusi_date_set(&t->ended)) {
                x->until = t->ended;
                if (!x->end)
                    x->end = t->end;
            }
            if (casusi_date_set(&x->from)) {
                check_spell(c, m, x, t);
                if (casusi_date_set(&t->in_force) && x->from.hi < t->in_force.lo)
                    lerr(c, casusi_ymap_get(m, "from"),
                         "expected a member's 'from' on or after the treaty's in_force date");
                mb->spells = x;
                mb->nspells = 1;
            }
        }
        t->nmembers++;
    }
}

static bool state_is_member(const casus_treaty *t, const casus_state *s)
{
    return find_member(t, s) != NULL;
}

static void load_conditions(lctx *c, casus_obligation *ob, const ynode *seq)
{
    if (!seq)
        return;
    casus_condition *cs = casus_arena_alloc(c->A, (seq->n ? seq->n : 1) * sizeof *cs);
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *n = seq->items[i];
        const ynode *name = n, *arg = NULL;
        if (n->type == Y_MAP) {
            if (n->n != 2) {
                lerr(c, n, "expected a condition with one argument (e.g. 'area: nato-art6'), found %zu fields", n->n / 2);
                continue;
            }
            name = n->items[0];
            arg = n->items[1];
        }
        if (name->type != Y_SCALAR) {
            lerr(c, n, "expected a condition name, found %s", casusi_ydescribe(name));
            continue;
        }
        int k = index_of(CONDS, name->str);
        if (k < 0) {
            lerr(c, name, "expected a condition (state-of-war, territory, administered, administered-by, area, adversary, not-adversary, non-member-attacker, consultation-first, request, joint-finding, non-provocation, constitutional-processes), found '%s'",
                 name->str);
            continue;
        }
        casus_condition *x = &cs[ob->nconds];
        x->kind = (casus_condkind)k;
        bool needs_arg = k == CASUS_COND_AREA || k == CASUS_COND_ADVERSARY ||
                         k == CASUS_COND_NOT_ADVERSARY || k == CASUS_COND_ADMINISTERED_BY;
        if (needs_arg != (arg != NULL)) {
            lerr(c, name, needs_arg ? "expected an argument for condition '%s' (write '%s: ...')"
                                    : "expected no argument for condition '%s'%s",
                 name->str, needs_arg ? name->str : "");
            continue;
        }
        if (k == CASUS_COND_AREA) {
            if (arg->type != Y_SCALAR || arg->len == 0) {
                lerr(c, arg, "expected an area id, found %s", casusi_ydescribe(arg));
                continue;
            }
            x->area = casus_arena_strndup(c->A, arg->str, arg->len);
            add_ref(c, arg, (void *)x->area, 1);
        } else if (arg) {
            /* a state list: build a tiny map so get_statelist can read it */
            ynode fake = {Y_MAP, n->line, n->col, 0, NULL, 0, n->items, 2};
            x->states = get_statelist(c, &fake, name->str, &x->nstates, false);
        }
        ob->nconds++;
    }
    ob->conds = cs;
}

static void load_obligations(lctx *c, casus_treaty *t, const ynode *root)
{
    static const char *const keys[] = {"article", "type", "by", "to", "trigger",
        "conditions", "text", "source", "from", "until", "note", NULL};
    const ynode *seq = get_seq(c, root, "obligations");
    if (!seq)
        return;
    casus_obligation *obs = casus_arena_alloc(c->A, (seq->n ? seq->n : 1) * sizeof *obs);
    t->obligations = obs;
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *m = seq->items[i];
        if (!want_map(c, m, "an obligation"))
            continue;
        check_keys(c, m, "an obligation", keys);
        casus_obligation *ob = &obs[t->nobligations];
        ob->treaty = t;
        ob->line = m->line;
        ob->article = get_str(c, m, "article", true);
        if (!ob->article)
            ob->article = "?";
        const char *type = get_enum(c, m, "type", OBTYPES, NULL);
        if (!type) {
            lerr(c, m, "expected a 'type' for each obligation, found none");
            continue;
        }
        ob->type = (casus_obtype)index_of(OBTYPES, type);
        casus_trigger dflt;
        switch (ob->type) {
        case CASUS_OB_DEFENSE: case CASUS_OB_NEUTRALITY: dflt = CASUS_TRIG_ATTACK; break;
        case CASUS_OB_CONSULTATION: dflt = CASUS_TRIG_THREAT; break;
        case CASUS_OB_OFFENSE: dflt = CASUS_TRIG_ATTACKING; break;
        default: dflt = CASUS_TRIG_STANDING;
        }
        const char *trig = get_enum(c, m, "trigger", TRIGGERS, NULL);
        ob->trigger = trig ? (casus_trigger)index_of(TRIGGERS, trig) : dflt;
        ob->by = get_statelist(c, m, "by", &ob->nby, true);
        ob->to = get_statelist(c, m, "to", &ob->nto, true);
        for (size_t j = 0; j < ob->nby; j++)
            if (!state_is_member(t, ob->by[j]))
                lerr(c, casusi_ymap_get(m, "by"), "expected members of the treaty in 'by', found '%s'", ob->by[j]->iso3);
        for (size_t j = 0; j < ob->nto; j++)
            if (!state_is_member(t, ob->to[j]))
                lerr(c, casusi_ymap_get(m, "to"), "expected members of the treaty in 'to', found '%s'", ob->to[j]->iso3);
        load_conditions(c, ob, get_seq(c, m, "conditions"));
        ob->text = get_str(c, m, "text", true);
        ob->source = source_ref(c, m);
        if (!ob->source)
            lerr(c, m, "expected a 'source' for each obligation, found none");
        ob->from = get_date(c, m, "from");
        ob->until = get_date(c, m, "until");
        t->nobligations++;
    }
}

static const char *file_stem(casus_arena *a, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return casus_arena_strndup(a, base, dot ? (size_t)(dot - base) : strlen(base));
}

static const char *const treaty_keys[] = {"id", "name", "short", "kind", "binding", "place",
    "signed", "in_force", "ended", "end", "duration", "term", "confidence", "atop",
    "cow", "supersedes", "sources", "notes", "history", "members", "suspensions",
    "obligations", NULL};

static casus_treaty *load_treaty_root(lctx *c, const char *path, const ynode *root);

static casus_treaty *load_treaty(lctx *c, const char *path)
{
    const ynode *root = parse_file(c, path);
    if (!root)
        return NULL;
    return load_treaty_root(c, path, root);
}

static casus_treaty *load_treaty_root(lctx *c, const char *path, const ynode *root)
{
    static const char *const term_keys[] = {"initial_years", "renew_years", "notice_months", NULL};
    static const char *const sup_keys[] = {"treaty", "date", "source", "note", NULL};
    static const char *const susp_keys[] = {"between", "from", "until", "source", "note", NULL};
    static const char *const note_keys[] = {"text", "source", NULL};
    int before = c->nerr;
    check_keys(c, root, "a treaty", treaty_keys);
    casus_treaty *t = casus_arena_alloc(c->A, sizeof *t);
    if (!t)
        return NULL;
    t->file = c->file;
    load_sources(c, root);
    if (c->nsources == 0)
        lerr(c, root, "expected a non-empty list 'sources' (every treaty cites its sources), found none");
    t->sources = c->sources;
    t->nsources = c->nsources;
    t->id = get_str(c, root, "id", true);
    const char *stem = file_stem(c->tmp, path);
    if (t->id && strcmp(t->id, stem) != 0)
        lerr(c, casusi_ymap_get(root, "id"), "expected id '%s' (the file name), found '%s'", stem, t->id);
    if (!t->id)
        t->id = casus_arena_strdup(c->A, stem);
    t->name = get_str(c, root, "name", true);
    t->short_name = get_str(c, root, "short", false);
    if (!t->short_name)
        t->short_name = t->name ? t->name : t->id;
    t->kind = get_enum(c, root, "kind", TREATY_KINDS, "treaty");
    t->binding = get_bool(c, root, "binding", 1);
    t->place = get_str(c, root, "place", false);
    t->signed_on = get_date(c, root, "signed");
    t->in_force = get_date(c, root, "in_force");
    t->ended = get_date(c, root, "ended");
    t->end = get_enum(c, root, "end", END_REASONS, NULL);
    t->duration = get_str(c, root, "duration", false);
    t->confidence = get_enum(c, root, "confidence", CONFIDENCE, "high");
    if (casusi_date_set(&t->signed_on) && casusi_date_set(&t->in_force) &&
        t->in_force.hi < t->signed_on.lo)
        lerr(c, casusi_ymap_get(root, "in_force"), "expected 'in_force' on or after 'signed'");
    if (casusi_date_set(&t->ended) && casusi_date_set(&t->in_force) &&
        t->ended.hi < t->in_force.lo)
        lerr(c, casusi_ymap_get(root, "ended"), "expected 'ended' on or after 'in_force'");
    const ynode *term = casusi_ymap_get(root, "term");
    if (!is_null(term) && want_map(c, term, "a term rule")) {
        check_keys(c, term, "a term rule", term_keys);
        t->term_initial = get_int(c, term, "initial_years", 0);
        t->term_renew = get_int(c, term, "renew_years", 0);
        t->term_notice_months = get_int(c, term, "notice_months", 0);
    }
    const ynode *atop = casusi_ymap_get(root, "atop");
    if (!is_null(atop)) {
        size_t n = atop->type == Y_SEQ ? atop->n : 1;
        int *ids = casus_arena_alloc(c->A, n * sizeof *ids);
        for (size_t i = 0; i < n; i++) {
            const ynode *v = atop->type == Y_SEQ ? atop->items[i] : atop;
            char *end = NULL;
            long x = v->type == Y_SCALAR ? strtol(v->str, &end, 10) : 0;
            if (v->type != Y_SCALAR || !end || *end || x <= 0 || x > 99999)
                lerr(c, v, "expected ATOP alliance ids (whole numbers) for 'atop', found %s", casusi_ydescribe(v));
            else
                ids[t->natop++] = (int)x;
        }
        t->atop = ids;
    }
    const ynode *cow = casusi_ymap_get(root, "cow");
    if (!is_null(cow))
        lerr(c, cow, "expected no 'cow' field: COW alliance data are not used (its maintainer asked that software not automate its use)");
    const ynode *notes = get_seq(c, root, "notes");
    if (notes) {
        const char **ns = casus_arena_alloc(c->A, (notes->n ? notes->n : 1) * sizeof *ns);
        for (size_t i = 0; i < notes->n; i++) {
            const ynode *n = notes->items[i];
            if (n->type == Y_SCALAR)
                ns[t->nnotes++] = casus_arena_strndup(c->A, n->str, n->len);
            else if (n->type == Y_MAP) {
                check_keys(c, n, "a note", note_keys);
                const char *txt = get_str(c, n, "text", true);
                const casus_source *s = source_ref(c, n);
                if (txt)
                    ns[t->nnotes++] = s ? casus_arena_printf(c->A, "%s [%s]", txt, s->key) : txt;
            } else
                lerr(c, n, "expected a note (text), found %s", casusi_ydescribe(n));
        }
        t->notes = ns;
    }
    load_steps(c, root, "history", HISTORY_EVENTS, "event", &t->history, &t->nhistory);
    load_members(c, t, root);
    const ynode *sups = get_seq(c, root, "supersedes");
    if (sups) {
        casus_supersession *ss = casus_arena_alloc(c->A, (sups->n ? sups->n : 1) * sizeof *ss);
        for (size_t i = 0; i < sups->n; i++) {
            const ynode *m = sups->items[i];
            if (!want_map(c, m, "a supersession"))
                continue;
            check_keys(c, m, "a supersession", sup_keys);
            casus_supersession *s = &ss[t->nsupersedes];
            s->treaty_id = get_str(c, m, "treaty", true);
            s->date = get_date(c, m, "date");
            s->source = source_ref(c, m);
            if (s->treaty_id) {
                add_ref(c, casusi_ymap_get(m, "treaty"), (void *)s, 2);
                t->nsupersedes++;
            }
        }
        t->supersedes = ss;
    }
    const ynode *susp = get_seq(c, root, "suspensions");
    if (susp) {
        casus_suspension *ss = casus_arena_alloc(c->A, (susp->n ? susp->n : 1) * sizeof *ss);
        for (size_t i = 0; i < susp->n; i++) {
            const ynode *m = susp->items[i];
            if (!want_map(c, m, "a suspension"))
                continue;
            check_keys(c, m, "a suspension", susp_keys);
            size_t n = 0;
            const casus_state *const *pair = get_statelist(c, m, "between", &n, false);
            if (n != 2) {
                lerr(c, m, "expected 'between' with two member states, found %zu", n);
                continue;
            }
            casus_suspension *s = &ss[t->nsuspensions];
            s->a = pair[0];
            s->b = pair[1];
            s->from = get_date(c, m, "from");
            s->until = get_date(c, m, "until");
            s->source = source_ref(c, m);
            if (!casusi_date_set(&s->from))
                lerr(c, m, "expected a 'from' date for the suspension, found none");
            t->nsuspensions++;
        }
        t->suspensions = ss;
    }
    load_obligations(c, t, root);
    return c->nerr == before ? t : NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* When single files are checked, a treaty they refer to may be a file of the
 * data folder that was not loaded. */
static bool treaty_file_exists(const lctx *c, const char *id)
{
    char path[4096];
    struct stat st;
    if (!c->dir || strchr(id, '/'))
        return false;
    snprintf(path, sizeof path, "%s/treaties/%s.yaml", c->dir, id);
    return stat(path, &st) == 0;
}

static void resolve_refs(lctx *c)
{
    casus_kb *kb = c->kb;
    for (size_t i = 0; i < c->nrefs; i++) {
        pending_ref *r = &c->refs[i];
        c->file = r->file;
        if (r->kind == 1) {
            if (!casus_kb_area(kb, (const char *)r->slot))
                lerr(c, r->node, "expected an area id from areas.yaml, found unknown area '%s'",
                     (const char *)r->slot);
        } else if (r->kind == 2) {
            casus_supersession *s = r->slot;
            for (size_t j = 0; j < kb->ntreaties; j++)
                if (strcmp(kb->treaties[j]->id, s->treaty_id) == 0)
                    s->treaty = kb->treaties[j];
            if (!s->treaty && !treaty_file_exists(c, s->treaty_id))
                lerr(c, r->node, "expected a treaty id in 'supersedes', found unknown treaty '%s'", s->treaty_id);
        }
    }
}

static void load_base(lctx *c, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/states.yaml", dir);
    load_states(c, path);
    snprintf(path, sizeof path, "%s/areas.yaml", dir);
    load_areas(c, path);
    snprintf(path, sizeof path, "%s/places.yaml", dir);
    load_places(c, path);
}

/* Starts a load into kb. Records go into `records` (the kb's arena), or,
 * when it is NULL, into a scratch arena that lctx_end frees. Returns -1 when
 * out of memory. */
static int lctx_begin(lctx *c, casus_kb *kb, casus_arena *records,
                      casus_diag_fn diag, void *ud)
{
    memset(c, 0, sizeof *c);
    c->kb = kb;
    c->A = records ? records : casus_arena_new();
    c->tmp = casus_arena_new();
    c->diag = diag;
    c->ud = ud;
    if (!c->A || !c->tmp) {
        if (!records)
            casus_arena_free(c->A);
        casus_arena_free(c->tmp);
        return -1;
    }
    return 0;
}

/* Resolves what was referred to, frees the scratch memory, and returns the
 * number of problems found. */
static int lctx_end(lctx *c, bool scratch_records)
{
    resolve_refs(c);
    casus_arena_free(c->tmp);
    if (scratch_records)
        casus_arena_free(c->A);
    return c->nerr;
}

int casusi_load_files(casus_kb *kb, const char *dir, const char *const *files,
                      size_t nfiles, casus_diag_fn diag, void *ud)
{
    lctx c;
    if (lctx_begin(&c, kb, kb->arena, diag, ud))
        return 1;
    c.dir = dir;
    load_base(&c, dir);
    kb->treaties = casus_arena_alloc(kb->arena, (nfiles ? nfiles : 1) * sizeof *kb->treaties);
    for (size_t i = 0; i < nfiles; i++) {
        casus_treaty *t = load_treaty(&c, files[i]);
        if (t)
            kb->treaties[kb->ntreaties++] = t;
    }
    return lctx_end(&c, false);
}

int casusi_load_dir(casus_kb *kb, const char *dir, casus_diag_fn diag, void *ud)
{
    lctx c;
    if (lctx_begin(&c, kb, kb->arena, diag, ud))
        return 1;
    char path[4096];
    load_base(&c, dir);

    snprintf(path, sizeof path, "%s/treaties", dir);
    DIR *d = opendir(path);
    if (!d) {
        casus_error e;
        casusi_seterr_at(&e, CASUS_EIO, path, 0, 0, "cannot open folder: %s", strerror(errno));
        report(&c, &e);
    } else {
        size_t n = 0, cap = 64;
        char **names = casus_arena_alloc(c.tmp, cap * sizeof *names);
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            size_t len = strlen(de->d_name);
            if (len < 6 || de->d_name[0] == '.' || strcmp(de->d_name + len - 5, ".yaml") != 0)
                continue;
            if (n == cap) {
                char **nn = casus_arena_alloc(c.tmp, cap * 2 * sizeof *nn);
                memcpy(nn, names, n * sizeof *nn);
                names = nn;
                cap *= 2;
            }
            names[n++] = casus_arena_strdup(c.tmp, de->d_name);
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp_str);
        kb->treaties = casus_arena_alloc(kb->arena, (n ? n : 1) * sizeof *kb->treaties);
        for (size_t i = 0; i < n; i++) {
            snprintf(path, sizeof path, "%s/treaties/%s", dir, names[i]);
            casus_treaty *t = load_treaty(&c, path);
            if (t)
                kb->treaties[kb->ntreaties++] = t;
        }
    }
    return lctx_end(&c, false);
}

int casusi_check_treaty_mem(casus_kb *kb, const char *name, const char *buf,
                            size_t len, casus_diag_fn diag, void *ud)
{
    lctx c;
    if (lctx_begin(&c, kb, NULL, diag, ud))
        return 1;
    c.membuf = buf;
    c.memlen = len;
    (void)load_treaty(&c, name);
    return lctx_end(&c, true);
}

int casusi_check_base_mem(const casus_kb *base, int kind, const char *buf,
                          size_t len, casus_diag_fn diag, void *ud)
{
    /* a scratch kb that borrows base's states (read-only) and owns the rest */
    casus_kb scratch;
    memset(&scratch, 0, sizeof scratch);
    if (kind != 0) {
        scratch.states = base->states;
        scratch.nstates = base->nstates;
        scratch.areas = base->areas;
        scratch.nareas = base->nareas;
    }
    lctx c;
    if (lctx_begin(&c, &scratch, NULL, diag, ud))
        return 1;
    scratch.arena = c.A;
    c.membuf = buf;
    c.memlen = len;
    if (kind == 0)
        load_states(&c, "states.yaml");
    else if (kind == 1) {
        scratch.areas = NULL;
        scratch.nareas = 0;
        load_areas(&c, "areas.yaml");
    } else
        load_places(&c, "places.yaml");
    return lctx_end(&c, true);
}
