/*
 * news_treaties.c -- treaty mentions in a sentence ("the Russia-North Korea
 * pact", "a ten-year defence agreement") and the article's treaty entities
 * they refer to: parties, kind, year, whether the treaty is new.
 */
#include "read_int.h"

#include <ctype.h>

#include <stdlib.h>
#include <string.h>

static const char *kind_near(const rd *r, long i, long lo)
{
    /* kind words right before the noun, or the noun's own kind */
    const char *k = NULL;
    for (long j = i; j >= lo && j >= 0; j--) {
        const lx_match *m = at(r, j);
        if (!m) {
            if (r->t[j].kind == TK_NUM || is_punct(r, j, '"'))
                continue;
            break;
        }
        long v = cue_at(r, j, CUE_KIND);
        if (v && (!k || strcmp(r->lx->kinds[v - 1], "defense")))
            k = r->lx->kinds[v - 1];
        else if (!v && j != i && !cue_at(r, j, CUE_DET) && !cue_at(r, j, CUE_NEW) &&
                 !has_cat(r, m, LX_ACTOR) && !cue_at(r, j, CUE_TREATY))
            break;
        j = (long)m->s;
    }
    return k;
}

static int ent_new(rd *r, const cset *parties, const char *kind, int year, int isnew, size_t fs, size_t fe)
{
    if (GROW(r->en, r->nen, r->encap))
        return -1;
    ent *x = &r->en[r->nen++];
    memset(x, 0, sizeof *x);
    x->parties = *parties;
    x->kind = kind;
    x->year = year;
    x->isnew = isnew;
    x->fs = fs;
    x->fe = fe;
    x->n = 1;
    x->head = -1;
    return (int)r->nen - 1;
}

/* "a memorandum of understanding", "a ten-year defence agreement": an
 * indefinite article before the treaty noun at i introduces a new treaty */
static int indefinite(const rd *r, long i)
{
    for (long j = i - 1; j >= 0 && j >= i - 7; j--) {
        if (is_word(r, j, "a") || is_word(r, j, "an"))
            return 1;
        if (r->t[j].kind == TK_PUNCT || cue_at(r, j, CUE_DET) || cue_at(r, j, CUE_PREP) || cue_at(r, j, CUE_BE) ||
            (r->t[j].fl & TF_POSS) || verb_tok(r, j))
            return 0;
    }
    return 0;
}

static uint64_t hash_word(uint64_t h, const rd *r, long i)
{
    for (size_t b = r->t[i].s; b < r->t[i].e; b++) {
        unsigned char c = (unsigned char)r->text[b];
        h ^= c >= 'A' && c <= 'Z' ? c + 32u : c;
        h *= CASUSI_FNV_PRIME;
    }
    return (h ^ ' ') * CASUSI_FNV_PRIME;
}

static int name_word(const rd *r, long i)
{
    if (i < 0 || (size_t)i >= r->nt || r->t[i].kind != TK_WORD || !(r->t[i].fl & TF_CAP) ||
        (r->t[i].fl & TF_POSS) || cue_at(r, i, CUE_DET) || group_at(r, i) >= 0)
        return 0;
    return 1;
}

/* The proper name of the treaty noun at tokens [s, e): "the Reciprocal
 * Access Agreement", "the Falepili Union Treaty", "the Treaty on
 * Comprehensive Strategic Partnership", as a hash of its words (the
 * parties' names left out); 0 for a noun with no name of its own ("the
 * treaty", "the Japan-Australia Agreement"). */
static uint64_t treaty_name(const rd *r, long s, long e, long *na, long *nb)
{
    if (!(r->t[s].fl & TF_CAP) || s == 0 || is_word(r, e - 1, "alliance"))
        return 0; /* "creating the Alliance of Sahel States": a body the treaty makes */
    long a = s;
    while (name_word(r, a - 1) && a - 1 > 0)
        a--;
    long b = e;
    long on = is_word(r, b + 1, "the") ? b + 2 : b + 1;
    if ((is_word(r, b, "on") || is_word(r, b, "of")) && name_word(r, on)) {
        b = on;
        while (name_word(r, b) || ((is_word(r, b, "and") || is_word(r, b, "of") || is_word(r, b, "for") ||
                                    is_word(r, b, "on")) && name_word(r, b + 1)))
            b++;
    }
    /* a name the lexicon knows whole ("the Defence Cooperation Agreement") */
    int whole = e - s >= 2;
    for (long i = s; i < e && whole; i++)
        whole = (r->t[i].fl & TF_CAP) || r->t[i].kind != TK_WORD;
    if (a == s && b == e && !whole)
        return 0;
    uint64_t h = CASUSI_FNV_OFFSET;
    for (long i = a; i < b; i++)
        h = hash_word(h, r, i);
    *na = a;
    *nb = b;
    return h ? h : 1;
}

/* Whether the text [p, p + n) is one of a kb treaty's names: its short
 * name before the parenthesis, or either side of a slash ("SEATO / Manila
 * Pact (1954)"); letters compared without case, dashes as hyphens, any
 * run of white space as one space. */
static int kb_name_is(const char *name, const char *p, size_t n)
{
    while (name && *name) {
        const char *e = name;
        while (*e && *e != '(' && *e != '/')
            e++;
        const char *b = name, *z = e;
        while (b < z && *b == ' ')
            b++;
        while (z > b && z[-1] == ' ')
            z--;
        size_t i = 0, j = 0;
        while (i < n && b + j < z) {
            unsigned char x = (unsigned char)p[i], y = (unsigned char)b[j];
            /* "Liptako–Gourma" (an en dash in the kb) and "Liptako-Gourma" */
            if (y == 0xE2 && b + j + 2 < z && (unsigned char)b[j + 1] == 0x80 &&
                ((unsigned char)b[j + 2] == 0x93 || (unsigned char)b[j + 2] == 0x94)) {
                if (x != '-')
                    break;
                i++, j += 3;
                continue;
            }
            if (y == ' ' && isspace(x)) { /* "ANZUS\nTreaty" across a line break */
                while (i < n && isspace((unsigned char)p[i]))
                    i++;
                j++;
                continue;
            }
            if (tolower(x) != tolower(y))
                break;
            i++, j++;
        }
        if (i == n && b + j == z && n)
            return 1;
        if (*e != '/')
            return 0;
        name = e + 1;
    }
    return 0;
}

/* The kb treaty a proper name names ("the ANZUS Treaty", "the
 * Liptako-Gourma Charter"), or NULL. */
static const casus_treaty *kb_by_name(const rd *r, long a, long b)
{
    if (a >= b || !r->kb)
        return NULL;
    const char *p = r->text + r->t[a].s;
    size_t n = r->t[b - 1].e - r->t[a].s;
    for (size_t i = 0; i < casus_kb_ntreaties(r->kb); i++) {
        const casus_treaty *t = casus_kb_treaty_at(r->kb, i);
        if (kb_name_is(t->short_name, p, n))
            return t;
    }
    return NULL;
}

/* The parties of another instrument like treaty x, with another partner:
 * "the SOVFA with Australia" when x, the SOVFA, binds the Philippines and
 * New Zealand. The partners in `with`, none of them x's, and those of x's
 * parties the sentence names (the Philippines); none when that gives
 * fewer than two. */
static cset sibling_parties(const rd *r, const ent *x, const cset *with)
{
    cset p = {{0}, 0};
    if (!with->n || x->parties.n < 2 || cs_meets(with, &x->parties))
        return p;
    p = *with;
    for (size_t a = 0; a < r->nam; a++)
        if (!r->am[a].org && cs_has(&x->parties, r->am[a].code) && !cs_has(&p, r->am[a].code))
            cs_add(&p, r->am[a].code);
    if (p.n < 2)
        p.n = 0;
    return p;
}

/* Whether this sentence names states and none of them is a party of x, an
 * unnamed treaty whose parties the text gave. */
static int other_states(const rd *r, const ent *x)
{
    if (x->name || x->guess || x->parties.n < 2 || !r->ng)
        return 0;
    for (size_t g = 0; g < r->ng; g++)
        if (cs_meets(&r->g[g].codes, &x->parties))
            return 0;
    return 1;
}

int casusi_find_treaties(rd *r)
{
    r->ntm = 0;
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        long i = (long)m->s;
        if (!cue_at(r, i, CUE_TREATY))
            continue;
        /* "comprehensive strategic partnership pact": the last noun counts */
        if ((size_t)m->e < r->nt && cue_starts(r, m->e, CUE_TREATY))
            continue;
        /* "a Tomahawk deal", "the F-35 deal", "an arms deal": a purchase */
        if (i > 0 && (cue_at(r, i - 1, CUE_ARMS) || (i >= 2 && designator(r, i - 2))))
            continue;
        cset parties = {{0}, 0};
        int year = 0, isnew = 0;
        long lo = i - 6 < 0 ? 0 : i - 6;
        const char *kind = kind_near(r, i, lo);
        /* walk left over the noun phrase: "the Australia-Tuvalu Falepili
         * Union Treaty", "the 2013 Franco-Algerian visa agreement" */
        int unknown = 0;
        for (long j = i - 1; j >= lo; j--) {
            const lx_match *mm = at(r, j);
            if (r->t[j].kind == TK_NUM && is_year(&r->t[j])) {
                if (!unknown) /* not "the 1951 ANZUS Treaty": an unknown name may be another treaty's */
                    year = (int)r->t[j].num;
                continue;
            }
            if (!mm) {
                if (is_punct(r, j, '"'))
                    continue;
                if (r->t[j].kind == TK_WORD && (r->t[j].fl & TF_CAP) && !(r->t[j].fl & TF_POSS) && ++unknown <= 2 &&
                    j > lo)
                    continue;
                break;
            }
            if (cue_at(r, j, CUE_NEW))
                isnew = 1;
            if (has_cat(r, mm, LX_ACTOR)) {
                for (size_t a = 0; a < r->nam; a++)
                    if (r->am[a].s <= (uint32_t)j && (uint32_t)j < r->am[a].e) {
                        const group *g = &r->g[r->am[a].group];
                        /* a hyphenated pair or a possessive names parties */
                        if (g->hyph || r->am[a].poss) {
                            cs_union(&parties, &g->codes);
                            j = (long)g->s;
                        } else
                            j = -1;
                        break;
                    }
            } else if (cue_at(r, j, CUE_PREP) || cue_at(r, j, CUE_BE))
                break;
            j = (long)mm->s;
        }
        /* right: "between A and B", "with B" */
        long j = (long)m->e;
        cset with = {{0}, 0}; /* "the SOVFA with Australia": a partner alone */
        for (size_t g = 0; g < r->ng; g++) {
            const group *gp = &r->g[g];
            if (gp->s < (uint32_t)j || gp->s > (uint32_t)j + 2 || gp->prep < 0)
                continue;
            if (is_word(r, gp->prep, "between"))
                cs_union(&parties, &gp->codes);
            else if (is_word(r, gp->prep, "with") && parties.n)
                cs_union(&parties, &gp->codes);
            else if (is_word(r, gp->prep, "with"))
                with = gp->codes;
            break;
        }
        /* "the Treaty of Friendship, Cooperation and Mutual Assistance
         * between Russia and Armenia": past the treaty's own name */
        if (parties.n < 2)
            for (long q = j; (size_t)q < r->nt && q < j + 12; q++) {
                int g = group_at(r, q);
                if (g >= 0) {
                    if (r->g[g].prep >= 0 && is_word(r, r->g[g].prep, "between") && r->g[g].codes.n >= 2)
                        parties = r->g[g].codes;
                    break;
                }
                if (is_boundary(r, q) || verb_tok(r, q) || (r->t[q].kind == TK_PUNCT && !is_punct(r, q, ',')))
                    break;
            }
        /* which entity: a treaty's own name first */
        int e = -1, background = 0;
        long na = 0, nb = 0;
        uint64_t name = treaty_name(r, i, (long)m->e, &na, &nb);
        /* "The Agreement on the Framework for Security Cooperation - the
         * Lombok Treaty - was signed": a second name in apposition */
        if (name && r->ntm) {
            const lx_match *pm = &r->sel[r->tm[r->ntm - 1]];
            int pe = r->tment[r->ntm - 1];
            long g = (long)pm->e;
            if (g < i && (is_punct(r, g, '-') || is_punct(r, g, ',') || is_punct(r, g, '(')) &&
                (g + 1 == i || (g + 2 == i && is_word(r, g + 1, "the"))) && pe >= 0 &&
                r->en[pe].name != name && !r->en[pe].alias) {
                r->en[pe].alias = name;
                if (!r->en[pe].name)
                    r->en[pe].name = name;
            }
        }
        for (size_t q = r->nen; name && q-- > 0;)
            if (r->en[q].name == name || r->en[q].alias == name) {
                e = (int)q;
                ent *x = &r->en[e];
                if ((x->parties.n < 2 || x->guess) && parties.n >= 2) {
                    x->parties = parties;
                    x->guess = 0;
                }
                if (!x->year && year)
                    x->year = year;
                x->n++;
                break;
            }
        if (e >= 0) {
        } else if (name && parties.n < 2 && !year && (r->cur_ent < 0 || r->en[r->cur_ent].name)) {
            /* "Japan and Australia signed their Reciprocal Access
             * Agreement" after another treaty: a treaty of its own, whose
             * parties are taken to be the last one's until a signing names
             * them ("The treaty builds on the Trinity House Agreement") */
            int was = r->cur_ent;
            e = ent_new(r, &parties, kind, 0, isnew, r->t[i].s, r->t[m->e - 1].e);
            if (e < 0)
                return -1;
            for (int q = was; q >= 0 && parties.n < 2; q--) /* the last with known parties */
                if (r->en[q].parties.n >= 2 && (q == was || !r->en[q].guess)) {
                    r->en[e].parties = r->en[q].parties;
                    r->en[e].guess = 1;
                    break;
                }
        } else if (parties.n >= 2 || year) {
            for (size_t q = r->nen; q-- > 0;) {
                ent *x = &r->en[q];
                if (name && x->name && x->name != name)
                    continue;
                int pm = parties.n < 2 || (x->parties.n >= 2 && cs_eq(&parties, &x->parties)) ||
                         x->parties.n < 2;
                int ym = !year || !x->year || x->year == year;
                if (parties.n < 2 && year && x->year != year)
                    continue;
                if (x->parties.n < 2 && parties.n >= 2 && x->year && year != x->year)
                    continue;
                if (pm && ym && (parties.n >= 2 ? x->parties.n >= 2 || !x->year : 1)) {
                    e = (int)q;
                    break;
                }
            }
            if (e >= 0) {
                ent *x = &r->en[e];
                if (x->parties.n < 2 && parties.n >= 2)
                    x->parties = parties;
                if (!x->year && year)
                    x->year = year;
                if (!x->kind && kind)
                    x->kind = kind;
                x->isnew |= isnew;
                x->n++;
            } else {
                e = ent_new(r, &parties, kind, year, isnew, r->t[i].s, r->t[m->e - 1].e);
                if (e < 0)
                    return -1;
            }
        } else if (name && r->cur_ent >= 0 && other_states(r, &r->en[r->cur_ent])) {
            /* "The agreement between Bulgaria and Ukraine was signed in
             * Sofia. The original Security Treaty ... bound Japan and the
             * United States": a named treaty in a sentence that names
             * states, none of them the current treaty's parties, is
             * another treaty */
            e = ent_new(r, &parties, kind, 0, isnew, r->t[i].s, r->t[m->e - 1].e);
            if (e < 0)
                return -1;
        } else if (r->cur_ent >= 0 && !indefinite(r, i) && sibling_parties(r, &r->en[r->cur_ent], &with).n) {
            /* "the SOVFA with Australia" while the SOVFA with New Zealand
             * is the article's: another instrument of the kind, in the
             * background (see sibling_parties) */
            cset sp = sibling_parties(r, &r->en[r->cur_ent], &with);
            e = ent_new(r, &sp, kind, year, isnew, r->t[i].s, r->t[m->e - 1].e);
            if (e < 0)
                return -1;
            background = 1;
        } else if (r->cur_ent >= 0 && !indefinite(r, i)) {
            /* "the memorandum": the treaty last named by that noun, unless
             * the current one goes by it */
            e = r->cur_ent;
            int32_t head = r->t[m->e - 1].id;
            if (r->en[e].head != head)
                for (size_t q = r->nen; q-- > 0;)
                    if (r->en[q].head == head && head >= 0) {
                        e = (int)q;
                        break;
                    }
            ent *x = &r->en[e];
            x->n++;
            if (!x->kind && kind)
                x->kind = kind;
        } else if (r->cur_ent >= 0) {
            /* "a memorandum of understanding": a new treaty in the
             * background; the article's treaty stays the current one */
            e = ent_new(r, &parties, kind, 0, isnew, r->t[i].s, r->t[m->e - 1].e);
            if (e < 0)
                return -1;
            background = 1;
        } else {
            /* "a treaty", "the pact": an unnamed treaty whose parties the
             * events may name ("Russia and Iran signed a treaty") */
            e = ent_new(r, &parties, kind, 0, isnew, r->t[i].s, r->t[m->e - 1].e);
            if (e < 0)
                return -1;
        }
        if (e >= 0 && r->en[e].head < 0)
            r->en[e].head = r->t[m->e - 1].id;
        if (e >= 0 && name && !r->en[e].name)
            r->en[e].name = name;
        /* "the ANZUS Treaty": a name the kb knows gives the treaty and its
         * founding parties -- not an organisation's many ("the Warsaw Pact"
         * would make its eight members the parties of every later "the
         * treaty") */
        const casus_treaty *kt = e >= 0 && name ? kb_by_name(r, na, nb) : NULL;
        if (kt && (!r->en[e].kb || r->en[e].kb == kt)) {
            ent *x = &r->en[e];
            x->kb = kt;
            if ((x->parties.n < 2 || x->guess) && kt->nmembers <= 4) {
                cset ps = {{0}, 0};
                for (size_t q = 0; q < kt->nmembers; q++) {
                    const casus_member *mb = &kt->members[q];
                    if (!mb->signed_on.precision || !kt->signed_on.precision || mb->signed_on.lo <= kt->signed_on.hi)
                        cs_add(&ps, mb->state->iso3);
                }
                if (ps.n >= 2) {
                    x->parties = ps;
                    x->guess = 0;
                }
            }
            if (!x->year && kt->signed_on.precision)
                x->year = kt->signed_on.year;
        }
        if (e >= 0 && !background)
            r->cur_ent = e;
        if (GROW(r->tm, r->ntm, r->tmcap))
            return -1;
        if (r->ntm >= r->tmentcap) {
            size_t nc = r->tmcap;
            int *q = realloc(r->tment, nc * sizeof *q);
            if (!q)
                return -1;
            r->tment = q;
            r->tmentcap = nc;
        }
        r->tm[r->ntm] = (int)k;
        r->tment[r->ntm++] = e;
    }
    return 0;
}
