/*
 * news_actors.c -- who a sentence names: the automaton's matches selected
 * (leftmost-longest), actor mentions (leaders within their terms,
 * contextual names, names learnt from the article, offices of the
 * dateline's home state) and mentions grouped into co-agents ("the U.S.,
 * Japan and South Korea").
 */
#include "read_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Whether a leader's term fits: it covers the article's day; or the name
 * follows "then" ("then-Prime Minister Fumio Kishida") and the term began
 * before that day; or the sentence names an earlier day inside the term
 * ("In November 2023, Kishida pledged"). */
static int day_ok(const rd *r, const lx_actor *a, const lx_match *m)
{
    if (a->kind != AK_LEADER)
        return 1;
    if (!r->artdate.precision)
        return 1;
    if (r->artdate.hi >= a->from && r->artdate.lo <= a->until)
        return 1;
    if (a->from > r->artdate.hi)
        return 0;
    /* "the Biden administration", "the Netanyahu government": a leader's
     * name for the state's government, in or after the term */
    static const char *const GOV[] = {"administration", "government", "cabinet", "regime", "presidency"};
    if (WORD_IN(r, (long)m->e, GOV))
        return 1;
    for (long i = (long)m->s - 1; i >= 0 && i >= (long)m->s - 5; i--) {
        if (is_word(r, i, "then"))
            return 1;
        if (r->t[i].kind != TK_WORD || is_word(r, i, "former"))
            break;
    }
    for (size_t k = 0; k < r->ndm; k++) {
        const casus_date *d = &r->dm[k].d;
        if (d->precision && !r->dm[k].treatyyear && d->hi < r->artdate.lo && d->lo <= a->until && d->hi >= a->from)
            return 1;
    }
    return 0;
}

/* The actor a match stands for on the article's date, or NULL. */
const lx_actor *casusi_actor_of(const rd *r, const lx_match *m)
{
    uint32_t n;
    const lx_payload *p = pays_of(r, m, &n);
    const lx_actor *best = NULL;
    for (uint32_t k = 0; k < n; k++) {
        if (p[k].cat != LX_ACTOR)
            continue;
        const lx_actor *a = &r->lx->actors[p[k].idx];
        if (!day_ok(r, a, m))
            continue;
        if (!best)
            best = a;
        else if (best->state && a->state && best->state != a->state) {
            /* the state that exists on the reference day wins (Kremlin: RUS, not SUN) */
            const casus_state *s = a->state;
            if (!s->until.precision || s->until.hi >= r->refday)
                if (best->state->until.precision && best->state->until.hi < r->refday)
                    best = a;
        }
    }
    if (best && m->fuzzy) {
        /* a misspelling counts only for a person's name, or a long name */
        if (best->kind != AK_LEADER && best->kind != AK_STATE && best->kind != AK_DEMONYM &&
            best->kind != AK_ALIAS)
            return NULL;
        if (m->e - m->s == 1) {
            const ntok *t = &r->t[m->s];
            if (t->e - t->s < 5)
                return NULL;
        }
    }
    return best;
}

/* Whether a match names an anaphor ("the kingdom", "the Baltic state"). */
static int anaphor_match(const rd *r, const lx_match *m)
{
    uint32_t np;
    const lx_payload *p = pays_of(r, m, &np);
    for (uint32_t q = 0; q < np; q++)
        if (p[q].cat == LX_ACTOR && r->lx->actors[p[q].idx].anaphor)
            return 1;
    return 0;
}

/* Leftmost-longest selection of the automaton's matches. */
int casusi_select_matches(rd *r)
{
    if (r->nt > r->covcap) {
        size_t nc = r->nt * 2;
        int32_t *c = realloc(r->cov, nc * sizeof *c);
        if (!c)
            return -1;
        r->cov = c;
        r->covcap = nc;
    }
    for (size_t i = 0; i < r->nt; i++)
        r->cov[i] = -1;
    r->nsel = 0;
    /* matches come ordered by end; pick for each start the longest */
    size_t i = 0;
    /* best match starting at each token: reuse cov as scratch (index into m) */
    for (size_t k = 0; k < r->nm; k++) {
        const lx_match *m = &r->m[k];
        int32_t cur = r->cov[m->s];
        if (cur < 0 || r->m[cur].e < m->e)
            r->cov[m->s] = (int32_t)k;
    }
    /* walk left to right, taking the longest at each free position */
    int32_t *best = r->cov;
    size_t next_free = 0;
    for (i = 0; i < r->nt; i++) {
        int32_t b = best[i];
        best[i] = -1;
        if (b < 0 || i < next_free)
            continue;
        const lx_match *m = &r->m[b];
        /* "the Baltic state": a name that starts with "the" yields to a
         * longer anaphor after it ("the Baltic" is a sea, "the island"
         * Taiwan) */
        if (i + 1 < r->nt && best[i + 1] >= 0 && r->m[best[i + 1]].e > m->e && is_word(r, (long)i, "the") &&
            anaphor_match(r, &r->m[best[i + 1]]))
            continue;
        /* skip a fuzzy match that resolves to nothing */
        if (m->fuzzy && (!has_cat(r, m, LX_ACTOR) || !casusi_actor_of(r, m)))
            continue;
        /* "condemned what it called Israel's exploitation", "criticised what
         * they described as": a naming verb in a relative is no trigger, and
         * must not end the clause of the verb before it */
        if (r->lx->naming[m->p]) {
            int rel = 0;
            for (size_t j = i; j-- > 0 && j + 3 >= i && !rel;)
                rel = is_word(r, (long)j, "what") || is_word(r, (long)j, "which");
            if (rel)
                continue;
        }
        /* "to leave of their own accord": no treaty */
        if (i > 0 && r->t[i].e - r->t[i].s == 6 && is_word(r, (long)i, "accord") && is_word(r, (long)i - 1, "own"))
            continue;
        if (GROW(r->sel, r->nsel, r->selcap))
            return -1;
        r->sel[r->nsel++] = *m;
        next_free = m->e;
    }
    if (r->nt > r->cmcap) {
        size_t nc = r->nt * 2;
        uint64_t *c = realloc(r->cmask, nc * sizeof *c);
        if (!c)
            return -1;
        r->cmask = c;
        c = realloc(r->amask, nc * sizeof *c);
        if (!c)
            return -1;
        r->amask = c;
        r->cmcap = nc;
    }
    if (!r->nt)
        return 0;
    memset(r->cmask, 0, r->nt * sizeof *r->cmask);
    memset(r->amask, 0, r->nt * sizeof *r->amask);
    for (size_t k = 0; k < r->nm; k++) {
        uint32_t np;
        const lx_payload *p = pays_of(r, &r->m[k], &np);
        uint64_t mask = 0;
        for (uint32_t q = 0; q < np; q++)
            if (p[q].cat == LX_CUE)
                mask |= (uint64_t)1 << p[q].sub;
        if (((mask >> CUE_TREATY) & 1) && r->m[k].s > 0 && r->t[r->m[k].s].e - r->t[r->m[k].s].s == 6 &&
            is_word(r, (long)r->m[k].s, "accord") && is_word(r, (long)r->m[k].s - 1, "own"))
            continue;
        for (uint32_t j = r->m[k].s; j < r->m[k].e && mask; j++)
            r->amask[j] |= mask;
    }
    for (size_t k = 0; k < r->nsel; k++) {
        uint32_t np;
        const lx_payload *p = pays_of(r, &r->sel[k], &np);
        uint64_t mask = 0;
        for (uint32_t q = 0; q < np; q++)
            if (p[q].cat == LX_CUE)
                mask |= (uint64_t)1 << p[q].sub;
        for (uint32_t j = r->sel[k].s; j < r->sel[k].e; j++) {
            r->cov[j] = (int32_t)k;
            r->cmask[j] = mask;
        }
    }
    return 0;
}

/* Once the sentence's dates are known: a match that names only leaders,
 * none in office on the day ("Foreign ministry spokesman Nasser Kanaani
 * told" in a story of 2025, after his term), names no one, and frees its
 * words for the name an office learns. */
void casusi_drop_stale_leaders(rd *r)
{
    size_t w = 0;
    int dropped = 0;
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        if (!(r->t[m->s].fl & TF_CAP)) { /* a leader's name is capitalised */
            r->sel[w++] = *m;
            continue;
        }
        uint32_t np;
        const lx_payload *p = pays_of(r, m, &np);
        int leaders = np > 0;
        for (uint32_t q = 0; q < np && leaders; q++)
            leaders = p[q].cat == LX_ACTOR && r->lx->actors[p[q].idx].kind == AK_LEADER;
        if (leaders && !casusi_actor_of(r, m)) {
            for (uint32_t j = m->s; j < m->e; j++)
                r->cov[j] = -1;
            dropped = 1;
            continue;
        }
        r->sel[w++] = *m;
    }
    r->nsel = w;
    if (dropped)
        for (size_t k = 0; k < r->nsel; k++)
            for (uint32_t j = r->sel[k].s; j < r->sel[k].e; j++)
                r->cov[j] = (int32_t)k;
}

/* The preposition token before token i (skipping determiners), or -1. */
static long prep_before(const rd *r, long i)
{
    long j = i - 1;
    while (j >= 0 && cue_starts(r, j, CUE_DET) && at(r, j)->e == (uint32_t)(j + 1))
        j--;
    /* "in a call with President Yoon Suk Yeol": a partner's title before
     * the name ("under President Joe Biden", "an adviser to Supreme Leader
     * Ali Khamenei" still say whose side the sentence is on) */
    if (j >= 1 && (r->t[j].fl & TF_CAP) && cue_at(r, j, CUE_PEOPLE) && (long)at(r, j)->e == j + 1) {
        long k = (long)at(r, j)->s - 1;
        while (k >= 0 && cue_starts(r, k, CUE_DET) && at(r, k)->e == (uint32_t)(k + 1))
            k--;
        if (is_word(r, k, "with"))
            return k;
    }
    /* "the three", "both": determiners that are multiword are fine to skip once */
    if (j >= 0 && cue_at(r, j, CUE_PREP) && at(r, j)->e == (uint32_t)(j + 1))
        return j;
    /* "sanctions against Russia, blacklisting": the sanctions noun that
     * ends in "against" or "on" governs the name after it */
    if (j >= 0 && at(r, j) && at(r, j)->e == (uint32_t)(j + 1) && at(r, j)->s < (uint32_t)j &&
        (is_word(r, j, "against") || is_word(r, j, "on")) && ((r->amask[at(r, j)->s] >> CUE_SANCTION) & 1))
        return j;
    return -1;
}

/* The words of tokens s..e as the article writes them, without a final
 * possessive ("the Duma's" -> "Duma"). */
static const char *words_of(rd *r, long s, long e)
{
    if (s < 0 || e <= s)
        return NULL;
    size_t bs = r->t[s].s, be = r->t[e - 1].e;
    if (be - bs > 2 && r->text[be - 2] == '\'' && (r->text[be - 1] == 's' || r->text[be - 1] == 'S'))
        be -= 2;
    else if (be - bs > 4 && !memcmp(r->text + be - 4, "\xe2\x80\x99s", 4))
        be -= 4;
    return casus_arena_strndup(r->a, r->text + bs, be - bs);
}

static long name_run(const rd *r, long i);

/* The period of "Marcos Jr.", which ends no name list. */
static int name_dot(const rd *r, long j)
{
    return j > 0 && is_punct(r, j, '.') && (is_word(r, j - 1, "jr") || is_word(r, j - 1, "sr"));
}

/* A member of a list of states that the dictionaries do not know, after a
 * comma or a conjunction: "Joe Biden, Pedro Smith and Fumio Kishida". The
 * token past it ("Marcos Jr." takes its period), or i when there is none. */
static long unknown_member(const rd *r, long i)
{
    if ((size_t)i >= r->nt || r->t[i].kind != TK_WORD || !(r->t[i].fl & TF_CAP) || at(r, i) || i == 0 ||
        !(is_punct(r, i - 1, ',') || cue_at(r, i - 1, CUE_CONJ)))
        return i;
    long j = name_run(r, i);
    return j > i && name_dot(r, j) ? j + 1 : j;
}

/* "Gabriel Boric in Santiago, Gustavo Petro in Bogotá and Santiago Peña in
 * Asunción all condemned": a leader's or body's own capital after "in" or
 * "at", before a comma or a conjunction, says where it spoke; it is no
 * member of the list. */
static int where_spoke(const rd *r, const amen *p, const amen *x)
{
    return x->s == p->e + 1 && (is_word(r, (long)p->e, "in") || is_word(r, (long)p->e, "at")) && x->actor &&
           x->actor->kind == AK_CAPITAL && !strcmp(p->code, x->code) && !p->poss && p->actor &&
           (p->actor->kind == AK_LEADER || p->actor->kind == AK_BODY) && (size_t)x->e < r->nt &&
           (is_punct(r, (long)x->e, ',') || cue_at(r, (long)x->e, CUE_CONJ));
}

/* Whether the gap before mention k holds a conjunction, or the list it
 * opens goes on through commas to one ("Japan, South Korea and the US"). */
static int and_follows(const rd *r, size_t k, long gs, long ge)
{
    for (long j = gs; j < ge; j++)
        if (cue_at(r, j, CUE_CONJ))
            return 1;
    for (size_t q = k; q < r->nam; q++) {
        /* "Joe Biden, Shigeru Ishiba and Yoon": the list ends in a name
         * the dictionaries do not know */
        long a = (long)r->am[q].e;
        if ((size_t)a + 1 < r->nt && is_word(r, a, "and") && r->t[a + 1].kind == TK_WORD && (r->t[a + 1].fl & TF_CAP) &&
            !at(r, a + 1) && !(q + 1 < r->nam && (long)r->am[q + 1].s == a + 1))
            return 1;
        if (q + 1 == r->nam)
            break;
        if (where_spoke(r, &r->am[q], &r->am[q + 1]))
            continue;
        int comma = 0, conj = 0;
        for (long j = (long)r->am[q].e; j < (long)r->am[q + 1].s; j++) {
            const lx_match *mm = at(r, j);
            long f = name_dot(r, j) ? j + 1 : unknown_member(r, j);
            if (is_punct(r, j, ','))
                comma = 1;
            else if (mm && cue_at(r, j, CUE_CONJ))
                conj = 1;
            else if (f > j) {
                j = f - 1;
                continue;
            } else if (!(mm && (cue_at(r, j, CUE_DET) || cue_at(r, j, CUE_PEOPLE))))
                return 0;
            if (mm)
                j = (long)mm->e - 1;
        }
        if (conj)
            return 1;
        if (!comma)
            return 0;
    }
    return 0;
}

static int was_seen(const rd *r, const char *code)
{
    for (int i = 0; i < r->nseen; i++)
        if (same_code(r->seen[i], code))
            return 1;
    for (size_t k = 0; k < r->nam; k++)
        if (same_code(r->am[k].code, code))
            return 1;
    return 0;
}

/* Moves code to the front of the states named most recently. */
void casusi_note_recent(rd *r, const char *code)
{
    int k = 0;
    while (k < r->nrecent && !same_code(r->recent[k], code))
        k++;
    if (k == r->nrecent && r->nrecent < (int)(sizeof r->recent / sizeof *r->recent))
        r->nrecent++;
    if (k == (int)(sizeof r->recent / sizeof *r->recent))
        k--;
    for (; k > 0; k--)
        r->recent[k] = r->recent[k - 1];
    r->recent[0] = code;
}

/* Whether token i names a ministry: "ministry", "department", "foreign
 * office". */
int casusi_ministry_word(const rd *r, long i)
{
    static const char *const MIN[] = {"ministry", "department"};
    return i >= 0 && (size_t)i < r->nt && r->t[i].kind == TK_WORD &&
           (WORD_IN(r, i, MIN) || (is_word(r, i, "office") && i > 0 && is_word(r, i - 1, "foreign")));
}

/* The word before an office that says which ministry it is, as one
 * string per meaning ("defence" and "defense" are one): "foreign",
 * "defence", "interior", "external"; NULL for none. */
const char *casusi_office_mod(const rd *r, long i)
{
    static const char *const MODS[] = {"foreign", "defence", "interior", "external", "home"};
    if (i < 0 || r->t[i].kind != TK_WORD)
        return NULL;
    if (is_word(r, i, "defense"))
        return MODS[1];
    for (size_t k = 0; k < sizeof MODS / sizeof *MODS; k++)
        if (is_word(r, i, MODS[k]))
            return MODS[k];
    return NULL;
}

/* Notes the state whose office each mention of the sentence names:
 * "Russia's foreign ministry", "the Russian Foreign Ministry", "the
 * Foreign Ministry in Moscow", "the Ministry of Foreign Affairs of
 * Hungary", a ministry in bodies.yaml ("the State Department"). "The
 * ministry" in a later sentence means that state's, "the foreign
 * ministry" only if it was a foreign ministry (rd.mins, most recent
 * first; see casusi_ministry_of). */
void casusi_note_offices(rd *r)
{
    /* most sentences name no ministry: "ministry", "department", "office" */
    int words = 0;
    for (size_t i = 0; i < r->nt && !words; i++) {
        const ntok *t = &r->t[i];
        size_t n = t->e - t->s;
        words = t->kind == TK_WORD && (n == 8 || n == 10 || n == 6) && casusi_ministry_word(r, (long)i);
    }
    for (size_t a = 0; a < r->nam; a++) {
        const amen *m = &r->am[a];
        if (m->org || (!words && !(m->actor && m->actor->role)))
            continue;
        int k = m->actor && m->actor->role && !strcmp(m->actor->role, "ministry");
        const char *mod = NULL;
        for (long i = (long)m->s + 1; !k && i < (long)m->e + 3 && (size_t)i < r->nt; i++) {
            if (r->t[i].kind != TK_WORD || (i >= (long)m->e && group_at(r, i) >= 0))
                break;
            if ((k = casusi_ministry_word(r, i)))
                mod = casusi_office_mod(r, i - 1);
        }
        /* "the Foreign Ministry in Moscow", "the Ministry of Foreign Affairs of Hungary" */
        if (!k && m->prep >= 0 && (is_word(r, m->prep, "of") || is_word(r, m->prep, "in")))
            for (long i = m->prep - 1; !k && i >= 0 && i >= m->prep - 4; i--) {
                if (r->t[i].kind != TK_WORD || group_at(r, i) >= 0)
                    break;
                if ((k = casusi_ministry_word(r, i)))
                    mod = casusi_office_mod(r, i - 1) ? casusi_office_mod(r, i - 1) : casusi_office_mod(r, i + 2);
            }
        if (!k)
            continue;
        int q = 0;
        while (q < r->nmins && !(same_code(r->mins[q].code, m->code) && r->mins[q].mod == mod))
            q++;
        if (q == r->nmins && r->nmins < (int)(sizeof r->mins / sizeof *r->mins))
            r->nmins++;
        if (q == (int)(sizeof r->mins / sizeof *r->mins))
            q--;
        for (; q > 0; q--)
            r->mins[q] = r->mins[q - 1];
        r->mins[0].code = m->code;
        r->mins[0].mod = mod;
    }
}

/* Whose ministry "the ministry" (mod NULL) or "the foreign ministry"
 * (mod "foreign") is: the last single subject's, if its ministry of that
 * kind was named, else the one named last; NULL if none was. */
const char *casusi_ministry_of(const rd *r, const char *mod)
{
    for (int q = 0; r->last_single.n == 1 && q < r->nmins; q++)
        if (same_code(r->mins[q].code, r->last_single.c[0]) && (!mod || r->mins[q].mod == mod))
            return r->mins[q].code;
    for (int q = 0; r->home && q < r->nmins; q++)
        if (same_code(r->mins[q].code, r->home) && (!mod || r->mins[q].mod == mod))
            return r->mins[q].code;
    for (int q = 0; q < r->nmins; q++)
        if (!mod || r->mins[q].mod == mod)
            return r->mins[q].code;
    return NULL;
}

/* How recently code was named: 0 earlier in this sentence, then 1 + its
 * place among earlier sentences' states; INT_MAX if not named. */
static int recency(const rd *r, const char *code, uint32_t before)
{
    for (size_t k = 0; k < r->nam; k++)
        if (r->am[k].s < before && !r->am[k].org && same_code(r->am[k].code, code))
            return 0;
    for (int k = 0; k < r->nrecent; k++)
        if (same_code(r->recent[k], code))
            return k + 1;
    return INT_MAX;
}

/* Whether a contextual name stands for its state here: "the North" after
 * Korea was named, but not "the north", "the North Atlantic", "the island
 * of Guam" or "the island nation". */
static int context_ok(const rd *r, const lx_match *m, const lx_actor *a)
{
    /* "the Franco-Algerian agreement", "Sino-Russian drills": a combining
     * form joined by a hyphen to a capitalised name (not "Indo-Pacific",
     * whose second half names no state) */
    if (a->hyphen) {
        const lx_match *n = (size_t)m->e < r->nt ? at(r, (long)m->e) : NULL;
        return (r->t[m->s].fl & TF_CAP) && n && (r->t[m->e].fl & TF_HYPH) && (r->t[m->e].fl & TF_CAP) &&
               has_cat(r, n, LX_ACTOR);
    }
    if (a->need_the && (m->s == 0 || !is_word(r, (long)m->s - 1, "the")))
        return 0;
    if (a->cap && !(r->t[m->s].fl & TF_CAP))
        return 0;
    if (m->e < r->nt && !(r->t[m->e - 1].fl & TF_POSS)) {
        const ntok *n = &r->t[m->e];
        /* "the island of Guam", but "accused the North of shipping shells" */
        if (n->kind == TK_WORD && ((n->fl & TF_CAP) ||
                                   (is_word(r, (long)m->e, "of") && (size_t)m->e + 1 < r->nt &&
                                    ((r->t[m->e + 1].fl & TF_CAP) || cue_at(r, (long)m->e + 1, CUE_DET)))))
            return 0;
        for (int i = 0; i < a->nnot; i++)
            if (is_word(r, (long)m->e, a->notbefore[i]))
                return 0;
        if (a->anaphor && is_word(r, (long)m->e, "of")) /* "the kingdom of heaven" */
            return 0;
    }
    if (!a->nafter)
        return 1;
    for (int i = 0; i < a->nafter; i++)
        if (was_seen(r, a->after[i]))
            return 1;
    return 0;
}

/* A learnt name's hash: the lexicon's FNV-1a, folded to 32 bits. */
static uint32_t name_hash(const char *w)
{
    uint64_t h = CASUSI_FNV_OFFSET;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * CASUSI_FNV_PRIME;
    return (uint32_t)(h ^ (h >> 32));
}

/* The learnt name that token i is, or -1 (names are learnt from
 * capitalised words only, so no other word is looked up). */
long casusi_learnt(const rd *r, long i)
{
    if (!r->nln || i < 0 || (size_t)i >= r->nt || r->t[i].kind != TK_WORD || !(r->t[i].fl & TF_CAP))
        return -1;
    char buf[40];
    size_t k = casusi_word_norm(r->text + r->t[i].s, r->t[i].e - r->t[i].s, buf, sizeof buf);
    if (!k)
        return -1;
    uint32_t h = name_hash(buf);
    for (size_t x = h & (r->lnixcap - 1); r->lnix[x]; x = (x + 1) & (r->lnixcap - 1)) {
        size_t q = r->lnix[x] - 1;
        if (r->ln[q].h == h && !strcmp(r->ln[q].w, buf))
            return (long)q;
    }
    return -1;
}

/* Index learnt name q, growing the index to keep it at most half full. */
static int index_name(rd *r, size_t q)
{
    if (2 * (q + 1) > r->lnixcap) {
        size_t cap = r->lnixcap ? 2 * r->lnixcap : 64;
        uint32_t *ix = calloc(cap, sizeof *ix);
        if (!ix)
            return -1;
        free(r->lnix);
        r->lnix = ix;
        r->lnixcap = cap;
        for (size_t k = 0; k < q; k++) {
            size_t x = r->ln[k].h & (cap - 1);
            while (ix[x])
                x = (x + 1) & (cap - 1);
            ix[x] = (uint32_t)k + 1;
        }
    }
    size_t x = r->ln[q].h & (r->lnixcap - 1);
    while (r->lnix[x])
        x = (x + 1) & (r->lnixcap - 1);
    r->lnix[x] = (uint32_t)q + 1;
    return 0;
}

/* Whether token j starts a name the dictionaries know only for another time
 * ("junta spokesman Colonel Abdoulaye Maiga" in 2022, two years before he
 * became prime minister): a name to learn like an unknown one. */
static int dormant_name(const rd *r, long j)
{
    const lx_match *m = at(r, j);
    return m && (long)m->s == j && has_cat(r, m, LX_ACTOR) && !has_cat(r, m, LX_TRIGGER) && !has_cat(r, m, LX_CUE) &&
           !has_cat(r, m, LX_PLACE) && !casusi_actor_of(r, m);
}

/* A run of capitalised words the lexicon does not know, starting at i
 * (a person's name: "Mariusz Blaszczak", "Shin Won-sik"; or one known only
 * for another time): its end, or i. */
static long name_run(const rd *r, long i)
{
    long j = i;
    while ((size_t)j < r->nt && j < i + 4 && r->t[j].kind == TK_WORD && !at(r, j) &&
           ((r->t[j].fl & TF_CAP) || (j > i && (r->t[j].fl & TF_HYPH))))
        j++;
    if ((size_t)j < r->nt && dormant_name(r, j)) /* "Colonel Abdoulaye Maiga" */
        j = (long)at(r, j)->e;
    /* "Defence Minister Mariusz Blaszczak Tuesday": a name ends before a
     * known word, punctuation or a lower-case word */
    return j;
}

/* States where a person bears two surnames, the father's first, and that
 * one is used alone: Spain and Spanish America ("Rubén Ramírez Lezcano":
 * "Ramírez"). Portuguese names put the father's last. */
static int iberian(const char *code)
{
    static const char *const IB[] = {"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GNQ",
                                     "GTM", "HND", "MEX", "NIC", "PAN", "PER", "PRY", "SLV", "URY", "VEN"};
    for (size_t k = 0; code && k < sizeof IB / sizeof *IB; k++)
        if (!strcmp(code, IB[k]))
            return 1;
    return 0;
}

/* Ranks and honorifics before a name ("Lt Gen", "Senior Colonel", "Air
 * Chief Marshal", "Dr"): the token after them, from i. */
static long past_ranks(const rd *r, long i)
{
    static const char *const RANK[] = {"lt",      "gen",     "col",       "maj",     "brig",      "adm",
                                       "capt",    "cmdr",    "sgt",       "lieutenant", "general", "colonel",
                                       "major",   "brigadier", "admiral", "rear",    "senior",    "captain",
                                       "commander", "marshal", "air",     "chief",   "mr",        "mrs",
                                       "ms",      "dr",      "vice"};
    for (int k = 0; k < 5 && (size_t)i < r->nt && (r->t[i].fl & TF_CAP) && WORD_IN(r, i, RANK); k++)
        i += 1 + is_punct(r, i + 1, '.');
    return i;
}

/* The end of an office that starts within max tokens of j, past the
 * lower-case words before its last part ("foreign ministry
 * spokesperson", "chief spokesman", "military spokesman",
 * "director-general"), or -1. */
static long office_run(const rd *r, long j, long max)
{
    long office = -1;
    for (long k = j; (size_t)k < r->nt && k < j + max;) {
        if (cue_starts(r, k, CUE_PEOPLE) || cue_starts(r, k, CUE_AMBASSADOR)) {
            k = office = (long)at(r, k)->e;
            continue;
        }
        if (r->t[k].kind != TK_WORD || at(r, k) || ((r->t[k].fl & TF_CAP) && !(r->t[k].fl & TF_HYPH)))
            break;
        k++;
    }
    return office;
}

/* Where the holder's name starts after an office ending at token o: past
 * a comma and ranks ("spokesman, Senior Colonel Zhang Xiaogang"); -1 when
 * no name the dictionaries do not know stands there. */
static long holder_at(const rd *r, long o)
{
    long n = past_ranks(r, o + is_punct(r, o, ','));
    if ((size_t)n >= r->nt || !(r->t[n].fl & TF_CAP) || r->t[n].kind != TK_WORD || designator(r, n) ||
        (at(r, n) && !dormant_name(r, n)))
        return -1;
    return n;
}

/* The end of the holder's name starting at n (unknown capitals, see
 * name_run), or n when it ends before a known name or an office ("Thailand's
 * National Security Council": the capitals are part of that name). */
static long holder_end(const rd *r, long n)
{
    long j = name_run(r, n);
    if (j > n && (size_t)j < r->nt && at(r, j) && !dormant_name(r, j) &&
        (has_cat(r, at(r, j), LX_ACTOR) || cue_starts(r, j, CUE_PEOPLE)))
        return n;
    return j;
}

/* Where a person's name starts after mention x when an office stands
 * between: the office run after a possessive state ("India's foreign
 * ministry spokesperson"), or a comma after an office ("the Chinese
 * defence ministry spokesman, Zhang Xiaogang"); ranks are passed over.
 * x->e when there is none. */
static long office_name(const rd *r, const amen *x)
{
    long j = (long)x->e, office = cue_at(r, j - 1, CUE_PEOPLE) || cue_at(r, j - 1, CUE_AMBASSADOR) ? j : -1;
    if (x->poss) {
        long o = office_run(r, j, 6);
        if (o >= 0)
            office = o;
    }
    if (office < 0 || (office == j && !is_punct(r, j, ',')))
        return j; /* no office, or the older rule's "Polish Defence Minister Mariusz Blaszczak" */
    long n = holder_at(r, office);
    return n < 0 ? j : n;
}

static void learn_name(rd *r, long s, long e, const char *code, int org, int envoy, int part)
{
    /* two letters only in a name of several words (part: [s, e) is a
     * word of a longer name), and not a word of the language ("Wu Qian":
     * "Wu warned") */
    static const char *const SHORT[] = {"an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me",
                                        "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"};
    /* "Kaleb Udui Jr.": a suffix that other names bear too */
    static const char *const SUFFIX[] = {"jr", "sr", "ii", "iii", "iv"};
    for (long i = s; i < e; i++) {
        size_t len = r->t[i].e - r->t[i].s;
        if (!(r->t[i].fl & TF_CAP) || len < 2 || (len == 2 && ((e - s < 2 && !part) || WORD_IN(r, i, SHORT))) ||
            WORD_IN(r, i, SUFFIX) || casusi_learnt(r, i) >= 0)
            continue;
        if (GROW(r->ln, r->nln, r->lncap)) {
            r->err = 1;
            return;
        }
        struct lname *l = &r->ln[r->nln];
        if (!casusi_word_norm(r->text + r->t[i].s, r->t[i].e - r->t[i].s, l->w, sizeof l->w))
            continue;
        l->h = name_hash(l->w);
        l->code = code;
        l->org = (uint8_t)org;
        l->envoy = (uint8_t)envoy;
        l->bare = 0;
        if (index_name(r, r->nln)) {
            r->err = 1;
            return;
        }
        r->nln++;
    }
}

/* "Vice Foreign Minister Deng Li summoned", "Spokesperson Guo Jiakun
 * criticised": the unknown name between an office that names no state
 * and the verb at token v (adverbs may stand between) is learnt for code,
 * the state the event was found to speak for; "Deng" alone then means it
 * in later sentences. */
void casusi_learn_speaker(rd *r, long v, const char *code)
{
    long i = v - 1;
    while (i >= 0 && r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && !at(r, i) &&
           (is_word(r, i, "also") || is_word(r, i, "again") || is_word(r, i, "then") || ly_adverb(r, i)))
        i--;
    long e = i + 1, n = e;
    while (n > 0 && n > e - 4 && r->t[n - 1].kind == TK_WORD && (r->t[n - 1].fl & TF_CAP) && !at(r, n - 1) &&
           group_at(r, n - 1) < 0)
        n--;
    if (n == e || n == 0)
        return;
    /* the office, past ranks: "Defense Ministry spokesman Senior Colonel" */
    long o = n;
    for (long k = 0; k < 5 && o > 0; k++) {
        long b = o - 1 - (is_punct(r, o - 1, '.') && o > 1);
        if (b < 0 || past_ranks(r, b) != b + 1 + is_punct(r, b + 1, '.'))
            break;
        o = b;
    }
    const lx_match *m = o > 0 ? at(r, o - 1) : NULL;
    if (!m || (long)m->e != o || !cue_at(r, o - 1, CUE_PEOPLE) || group_at(r, o - 1) >= 0 ||
        cue_at(r, o - 1, CUE_FORMER) || (o >= 2 && group_at(r, (long)m->s - 1) >= 0))
        return;
    learn_name(r, n, e, code, 0, 0, 0);
}

/* "Spokesperson Guo Jiakun said", "Defense Ministry spokesman Senior
 * Colonel Jiang Bin told": when an office that names no state starts at
 * token io and an unknown name follows it before a verb of saying, that
 * name is learnt for the state the office stands for: the capital he
 * spoke in ("told his weekly news conference in Tehran"), else the
 * foreign (or defence) ministry named before if the office is in one (see
 * casusi_ministry_of), else the last single subject, else the home state.
 * Returns that state, or NULL when no name was learnt. */
const char *casusi_learn_titled(rd *r, long io)
{
    long o = office_run(r, io, 6);
    long n = o < 0 ? -1 : holder_at(r, o);
    long e = n < 0 ? -1 : holder_end(r, n);
    if (e <= n || (size_t)e >= r->nt || !cue_at(r, e, CUE_SAY) || (n > o && !is_punct(r, o, ',') &&
                                                                   r->t[n - 1].kind != TK_WORD && !is_punct(r, n - 1, '.')))
        return NULL;
    const char *code = NULL, *mod = NULL;
    /* "told his weekly news conference in Tehran": where he spoke */
    for (size_t k = 0; k < r->nam; k++) {
        const amen *m = &r->am[k];
        if ((long)m->s > e && m->actor && m->actor->kind == AK_CAPITAL && m->prep >= 0 && is_word(r, m->prep, "in"))
            code = code && !same_code(code, m->code) ? "" : m->code;
    }
    if (code && !*code)
        code = NULL;
    int min = 0;
    for (long i = io; !code && i < o; i++)
        if (casusi_ministry_word(r, i) || is_word(r, i, "foreign")) {
            min = 1;
            if (!mod)
                mod = casusi_office_mod(r, casusi_ministry_word(r, i) ? i - 1 : i);
        }
    if (min && !code)
        code = casusi_ministry_of(r, mod);
    if (!code && r->last_single.n == 1)
        code = r->last_single.c[0];
    if (!code)
        code = r->home;
    if (!code)
        return NULL;
    learn_name(r, n, e, code, 0, 0, 0);
    return code;
}

/* A name of two to four unknown capitals set off by a comma before
 * mention x, a possessive state or a demonym, in an apposition that holds
 * an office: "Zaw Phyo Win, a director-general at Myanmar's foreign
 * ministry,", "Tamim Khallaf, the Egyptian foreign ministry's spokesman,".
 * The name is learnt for x's state; returns whether it was. */
static int appositive_name(rd *r, const amen *x)
{
    /* "spokesman for the Eastern Theatre Command": a body is its state's */
    long b = (long)x->s - 1 - is_word(r, (long)x->s - 1, "the");
    int body = x->actor && x->actor->kind == AK_BODY &&
               (is_word(r, b, "of") || is_word(r, b, "for") || is_word(r, b, "at"));
    if (!x->actor || !x->actor->state || x->org || !(x->poss || x->actor->kind == AK_DEMONYM || body))
        return 0;
    long c = (long)x->s - 1;
    int office = 0;
    /* "director-general of the Strategic Studies and Training Department
     * at": a unit's name may stand in it */
    while (c >= 0 && c >= (long)x->s - 14 && !is_punct(r, c, ',')) {
        const lx_match *m = at(r, c);
        if (m && cue_at(r, c, CUE_PEOPLE)) {
            office = 1;
            c = (long)m->s - 1;
            continue;
        }
        if (r->t[c].kind != TK_WORD || (m && !cue_at(r, c, CUE_DET) && !cue_at(r, c, CUE_PREP) &&
                                        !cue_at(r, c, CUE_CONJ)))
            return 0;
        c--;
    }
    if (c < 2 || !is_punct(r, c, ',') || !office)
        return 0;
    /* the office closes before the verb: ", summoned", ", said"; "of the
     * Chinese Foreign Ministry,": a ministry's words may be capitalised */
    long e = (long)x->e;
    while ((size_t)e < r->nt && e < (long)x->e + 6 && !is_punct(r, e, ',') && !is_boundary(r, e) &&
           r->t[e].kind == TK_WORD &&
           (!(r->t[e].fl & TF_CAP) || casusi_ministry_word(r, e) || casusi_office_mod(r, e) || is_word(r, e, "affairs")))
        e++;
    if ((size_t)e >= r->nt || !is_punct(r, e, ','))
        return 0;
    long n = c;
    while (n > 0 && n > c - 4 && r->t[n - 1].kind == TK_WORD && (r->t[n - 1].fl & TF_CAP) && !at(r, n - 1))
        n--;
    if (c - n < 2 || (n > 0 && r->t[n - 1].kind == TK_WORD && (r->t[n - 1].fl & TF_CAP)))
        return 0;
    learn_name(r, n, c, x->code, 0, 0, 0);
    return 1;
}

/* People nouns that do not speak for the home state on their own. */
static int home_excluded(const rd *r, const lx_match *m)
{
    static const char *const NO[] = {"leaders", "leader", "counterpart", "counterparts", "ambassador", "envoy",
                                     "diplomat", "diplomats", "embassy", "ministers", "intelligence", "heads",
                                     "regime", "lawmakers", "security", "king", "emperor", "chairman",
                                     "governments", "state", "head", "office", "representative", "spokesman",
                                     "spokeswoman", "spokesperson", "general", "commander"};
    if (m->e - m->s > 1 && is_word(r, (long)m->s, "foreign") && is_word(r, (long)m->e - 1, "ministers"))
        return 1;
    if (m->e - m->s == 1 && WORD_IN(r, (long)m->s, NO))
        return 1;
    if (is_word(r, (long)m->e - 1, "ministers") || is_word(r, (long)m->e - 1, "chiefs"))
        return 1;
    return 0;
}

/* A mention of tokens [s, e) for code that no lexicon name made (a learnt
 * name, an office of the home state), kept in token order. */
static int insert_mention(rd *r, long s, long e, const char *code, int org)
{
    if (GROW(r->am, r->nam, r->amcap))
        return -1;
    size_t k = r->nam++;
    while (k > 0 && r->am[k - 1].s > (uint32_t)s) {
        r->am[k] = r->am[k - 1];
        k--;
    }
    amen *x = &r->am[k];
    memset(x, 0, sizeof *x);
    x->s = (uint32_t)s;
    x->e = (uint32_t)e;
    x->code = code;
    x->org = (uint8_t)org;
    x->poss = (r->t[e - 1].fl & TF_POSS) != 0;
    x->prep = (int)prep_before(r, s);
    x->group = -1;
    return 0;
}

static int add_mention(rd *r, const lx_match *m, const lx_actor *a)
{
    if (GROW(r->am, r->nam, r->amcap))
        return -1;
    amen *x = &r->am[r->nam++];
    memset(x, 0, sizeof *x);
    x->s = m->s;
    x->e = m->e;
    x->code = a->code;
    x->actor = a;
    x->body = a->kind == AK_BODY ? words_of(r, (long)m->s, (long)m->e) : NULL;
    x->org = a->kind == AK_ORG;
    x->fuzzy = m->fuzzy;
    x->poss = (r->t[m->e - 1].fl & TF_POSS) != 0;
    x->prep = (int)prep_before(r, (long)m->s);
    x->group = -1;
    return 0;
}

/* The group "its" (plural: "their") at token p stands for: the last one
 * before it naming one state (several for "their"), past a demonym that
 * only modifies a noun ("Algeria saw the French move coming: its
 * ministry"); -1 when there is none. */
int casusi_owner_group(const rd *r, long p, int plural)
{
    for (size_t g = r->ng; g-- > 0;) {
        const group *gp = &r->g[g];
        if ((long)gp->e > p)
            continue;
        if (plural ? gp->codes.n < 2 : gp->codes.n != 1)
            continue;
        const lx_actor *a = r->am[gp->last].actor;
        if (a && a->kind == AK_DEMONYM && (size_t)gp->e < r->nt && r->t[gp->e].kind == TK_WORD &&
            !(r->t[gp->e].fl & TF_CAP))
            continue;
        return (int)g;
    }
    return -1;
}

/* "Its spokesman, Senior Colonel Zhang Xiaogang, said", "its spokeswoman
 * Zhu Fenglian": a person named after an office that "its" owns is
 * learnt for the state "its" means: the single state named last before it
 * in the sentence (not a demonym modifying a noun), else the last single
 * subject. The name acts from the next sentence on ("Zhang rejected"). */
static void learn_owned_names(rd *r)
{
    for (long i = 0; (size_t)i + 2 < r->nt; i++) {
        if (!is_word(r, i, "its"))
            continue;
        long office = office_run(r, i + 1, 4);
        long n = office < 0 ? -1 : holder_at(r, office);
        if (n < 0)
            continue;
        long j = holder_end(r, n);
        if (j <= n)
            continue;
        const char *code = NULL;
        int org = 0, g = casusi_owner_group(r, i, 0);
        if (g >= 0) {
            code = r->g[g].codes.c[0];
            org = r->am[r->g[g].last].org;
        }
        if (!code && r->last_single.n == 1)
            code = r->last_single.c[0];
        if (code)
            learn_name(r, n, j, code, org, 0, 0);
        i = j - 1;
    }
}

int casusi_build_actors(rd *r)
{
    r->nam = 0;
    r->ng = 0;
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        if (!has_cat(r, m, LX_ACTOR))
            continue;
        /* contextual names: each state they stand for ("the two Koreas") */
        uint32_t np;
        const lx_payload *p = pays_of(r, m, &np);
        int ctx = 0;
        const lx_actor *ana = NULL; /* "the kingdom": the state of its class named last */
        int best = INT_MAX;
        for (uint32_t q = 0; q < np; q++) {
            if (p[q].cat != LX_ACTOR || r->lx->actors[p[q].idx].kind != AK_CONTEXT)
                continue;
            ctx = 1;
            const lx_actor *a = &r->lx->actors[p[q].idx];
            if (a->anaphor) {
                int rk = recency(r, a->code, m->s);
                if (rk < best && context_ok(r, m, a)) {
                    best = rk;
                    ana = a;
                }
                continue;
            }
            if (context_ok(r, m, a) && add_mention(r, m, a))
                return -1;
        }
        if (ana && add_mention(r, m, ana))
            return -1;
        if (ctx)
            continue;
        const lx_actor *a = casusi_actor_of(r, m);
        if (!a)
            continue;
        /* a city naming a treaty is no actor: "the Ottawa Convention", "the
         * Minsk agreements", "the Washington Treaty" */
        if (a->kind == AK_CAPITAL && !(r->t[m->e - 1].fl & TF_POSS) && cue_starts(r, (long)m->e, CUE_TREATY) &&
            ((r->t[m->e].fl & TF_CAP) || is_word(r, (long)m->e, "agreements") || is_word(r, (long)m->e, "accords") ||
             is_word(r, (long)m->e, "convention") || is_word(r, (long)m->e, "protocol")))
            continue;
        /* ... or a statute, a declaration: "the Rome Statute", "the
         * Washington Declaration" */
        if (a->kind == AK_CAPITAL && (size_t)m->e < r->nt && !(r->t[m->e - 1].fl & TF_POSS) &&
            (r->t[m->e].fl & TF_CAP) && (is_word(r, (long)m->e, "statute") || is_word(r, (long)m->e, "declaration")))
            continue;
        /* "a Soviet-era depot" names a time, "UN Security Council
         * resolutions" and "the UN resolution" a document: no actor */
        if ((size_t)m->e < r->nt &&
            (((r->t[m->e].fl & TF_HYPH) && is_word(r, (long)m->e, "era")) ||
             (a->kind == AK_ORG && (is_word(r, (long)m->e, "resolution") || is_word(r, (long)m->e, "resolutions")))))
            continue;
        /* a former office-holder is not an actor */
        if (a->kind == AK_LEADER) {
            long j = (long)m->s - 1;
            while (j >= 0 && (cue_at(r, j, CUE_PEOPLE) || cue_at(r, j, CUE_DET)))
                j = (long)at(r, j)->s - 1;
            if (j >= 0 && cue_at(r, j, CUE_FORMER))
                continue;
        }
        /* a name inside quotes as part of a title: kept */
        if (add_mention(r, m, a))
            return -1;
    }
    /* "President Yoon Suk Yeol spoke ... Yoon warned": the first and the
     * last word of a leader's full name, as named this time, mean the
     * leader's state in later sentences (Korean and Chinese names put the
     * family name first; a bare surname too common to be an alias of its
     * own is not one in the dictionaries) */
    for (size_t k = 0; k < r->nam; k++) {
        const amen *x = &r->am[k];
        if (!x->actor || x->actor->kind != AK_LEADER || x->e < x->s + 2 || x->fuzzy)
            continue;
        long last = (long)x->e - 1;
        while (last > (long)x->s && r->t[last].kind != TK_WORD)
            last--;
        size_t n0 = r->nln;
        learn_name(r, (long)x->s, (long)x->s + 1, x->code, 0, 0, 1);
        learn_name(r, last, last + 1, x->code, 0, 0, 1);
        if (r->err)
            return -1;
        for (size_t q = n0; q < r->nln; q++)
            r->ln[q].bare = 1;
    }
    /* "Zaw Phyo Win, a director-general at Myanmar's foreign ministry,
     * summoned": a name set off before an office of a state is learnt,
     * and acts in this sentence already */
    for (size_t k = 0; k < r->nam; k++)
        if (appositive_name(r, &r->am[k]) && r->err)
            return -1;
    /* names learnt earlier in the article ("Blaszczak told radio") */
    for (long i = 0; r->nln && (size_t)i < r->nt; i++) {
        long q = at(r, i) ? -1 : casusi_learnt(r, i);
        if (q < 0 || !(r->t[i].fl & TF_CAP))
            continue;
        long j = name_run(r, i);
        if (r->ln[q].bare && j > i + 1)
            continue;
        if (insert_mention(r, i, j, r->ln[q].code, r->ln[q].org))
            return -1;
        i = j - 1;
    }
    /* the dateline's capital names the home state (not "WASHINGTON/ANKARA") */
    if (!r->homeset && r->dl_e && r->dl_s >= r->ss && r->dl_s < r->se) {
        r->homeset = 1;
        if (!memchr(r->text + r->dl_s, '/', r->dl_e - r->dl_s) || r->text[r->dl_e - 1] == '.')
            for (size_t k = 0; k < r->nam; k++)
                if (r->t[r->am[k].s].s >= r->dl_s && r->t[r->am[k].s].s < r->dl_e && r->am[k].actor &&
                    r->am[k].actor->kind == AK_CAPITAL && (r->am[k].s == 0 || (r->am[k].s == 1 && is_punct(r, 0, '(')))) {
                    r->home = r->am[k].code;
                    break;
                }
    }
    /* a translation's header: "Source: 한반도일보 (Hanbando Ilbo), Seoul,
     * 2019년 1월 24일": the paper's city names the home state */
    if (!r->homeset && r->sentno <= 4 && is_word(r, 0, "source") && is_punct(r, 1, ':')) {
        for (size_t k = 0; k < r->nam; k++)
            if (r->am[k].actor && r->am[k].actor->kind == AK_CAPITAL && r->am[k].prep < 0 &&
                is_punct(r, (long)r->am[k].s - 1, ',')) {
                r->home = r->am[k].code;
                r->homeset = 1;
                break;
            }
    }
    /* "ISLAMABAD - The Foreign Office said": a name other states' offices
     * bear too is the home state's, unless a state is named before it */
    for (size_t k = 0; r->home && k < r->nam; k++) {
        amen *x = &r->am[k];
        if (x->actor && x->actor->shared && strcmp(x->code, r->home) &&
            !(k > 0 && r->am[k - 1].e == x->s)) {
            x->code = r->home;
            x->body = NULL;
        }
    }
    /* "In Manila, the Department of Foreign Affairs summoned": the capital
     * that opens the sentence speaks, not the dateline's */
    int opener = r->nam && r->am[0].actor && r->am[0].actor->kind == AK_CAPITAL && r->am[0].s <= 1 &&
                 is_word(r, (long)r->am[0].s - 1, "in") && is_punct(r, (long)r->am[0].e, ',');
    /* ... and its offices are that capital's: "In Caracas, Foreign
     * Minister Jorge Arreaza accused Washington" */
    const char *office = opener ? r->am[0].code : r->home;
    /* an office with no state in a story with a dateline ("Defence Minister
     * Vladimir Padrino Lopez warned", "the foreign ministry said"): the
     * home state's */
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        long i = (long)m->s;
        if (!cue_starts(r, i, CUE_PEOPLE) || home_excluded(r, m))
            continue;
        /* "Foreign Minister Rubén Ramírez of Paraguay": the state named
         * after the holder's name, not the home state */
        const char *code = office;
        {
            long n = (long)m->e;
            while (cue_starts(r, n, CUE_PEOPLE))
                n = (long)at(r, n)->e;
            n = past_ranks(r, n);
            long ne = (size_t)n < r->nt && (r->t[n].fl & TF_CAP) && !at(r, n) ? name_run(r, n) : n;
            if (ne > n && is_word(r, ne, "of")) {
                long st = ne + 1 + is_word(r, ne + 1, "the");
                for (size_t a = 0; a < r->nam; a++)
                    if ((long)r->am[a].s == st && r->am[a].actor && r->am[a].actor->state && !r->am[a].org)
                        code = r->am[a].code;
            }
        }
        /* "Russia's foreign ministry said ... The ministry warned": the
         * ministry named before, not the dateline's (see
         * casusi_ministry_of) */
        if (code == office && !opener && is_word(r, i - 1, "the")) {
            long w = (long)m->e - 1;
            const char *mod = casusi_office_mod(r, w - 1);
            const char *c = casusi_ministry_word(r, w) && (long)m->s == w - (mod ? 1 : 0) ? casusi_ministry_of(r, mod)
                                                                                          : NULL;
            /* not when the ministry's object is that state: "the foreign
             * ministry summoned Vasnetsov", Russia's envoy, in Chisinau
             * (not a that-clause's subject: "The ministry warned that China
             * reserved the right") */
            long upto = (long)m->e;
            while ((size_t)upto < r->nt && !is_word(r, upto, "that"))
                upto++;
            for (size_t a = 0; c && a < r->nam; a++)
                if (same_code(r->am[a].code, c) && r->am[a].s >= m->e && (long)r->am[a].s < upto)
                    c = NULL;
            for (long t = (long)m->e; c && t < upto; t++) {
                long q = at(r, t) ? -1 : casusi_learnt(r, t);
                if (q >= 0 && same_code(r->ln[q].code, c))
                    c = NULL;
            }
            if (c)
                code = c;
        }
        if (!code)
            continue;
        int near = 0;
        for (size_t a = 0; a < r->nam && !near; a++)
            near = (long)r->am[a].e >= i - 1 && (long)r->am[a].s <= (long)m->e &&
                   !((long)r->am[a].e == i - 1 && is_punct(r, i - 1, ',')); /* "In Caracas, Foreign Minister" */
        /* "the military governments of Burkina Faso and Niger": the run of
         * office words ends before "of" */
        long e = (long)m->e;
        while (cue_starts(r, e, CUE_PEOPLE))
            e = (long)at(r, e)->e;
        /* "the military governments", "the juntas": several states */
        static const char *const MANY[] = {"governments", "juntas", "regimes", "rulers"};
        int many = 0; /* the run's last word, or one after "-led" */
        for (long q = e - 1; q < e + 3 && (size_t)q < r->nt && !many; q++) {
            if (q >= e && r->t[q].kind == TK_PUNCT && !is_punct(r, q, '-'))
                break;
            many = WORD_IN(r, q, MANY);
        }
        /* "Zaw Phyo Win, director-general of ...": an apposition to a
         * name before it, which speaks for its own state */
        long ap = i - 1 - (is_word(r, i - 1, "the") || is_word(r, i - 1, "a"));
        int appos = ap > 0 && is_punct(r, ap, ',') && r->t[ap - 1].kind == TK_WORD && (r->t[ap - 1].fl & TF_CAP) &&
                    casusi_learnt(r, ap - 1) >= 0;
        if (near || appos || is_word(r, e, "of") || is_word(r, e, "from") || is_word(r, e, "for") || many ||
            is_word(r, i - 1, "a") ||
            is_word(r, i - 1, "an") || cue_at(r, i - 1, CUE_FORMER) || cue_at(r, i - 1, CUE_PREP) ||
            is_word(r, i - 1, "their") || is_word(r, i - 1, "its") || is_word(r, i - 1, "his") ||
            is_word(r, i - 1, "her") || is_word(r, i - 1, "whose") || is_word(r, i - 1, "other") ||
            is_word(r, i - 1, "both") || is_word(r, i - 1, "these") || is_word(r, i - 1, "those") ||
            is_word(r, i - 1, "puppet") || /* KCNA's word for the South's */
            is_word(r, i - 1, "occupation") || /* "the occupation army": the enemy's, in Arab and Ukrainian press */
            (i > 0 && (r->t[i - 1].fl & TF_POSS)) ||
            /* "the three military-led governments" */
            (i > 0 && (r->t[i - 1].kind == TK_NUM || cue_at(r, i - 1, CUE_NUMBER))))
            continue;
        if (insert_mention(r, i, (long)m->e, code, 0))
            return -1;
    }
    /* "Security Council" alone is the UN's, but "Russia's Security
     * Council" is Russia's and a "National Security Council" a state's:
     * the state named before it, else the dateline's, else none */
    size_t kept = 0;
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        if (x->org && x->e == x->s + 2 && is_word(r, (long)x->s, "security") && !strcmp(x->code, "UNSC")) {
            long b = (long)x->s;
            int national = is_word(r, b - 1, "national");
            b -= national;
            b -= national && is_word(r, b - 1, "supreme");
            const amen *q = kept > 0 && r->am[kept - 1].e == (uint32_t)b ? &r->am[kept - 1] : NULL;
            if (q && (!q->actor || !q->actor->state || !(q->poss || q->actor->kind == AK_DEMONYM)))
                q = NULL;
            if (q || national) {
                const char *c = q ? q->code : r->home;
                if (!c)
                    continue;
                x->code = c;
                x->org = 0;
            }
        }
        r->am[kept++] = *x;
    }
    r->nam = kept;
    /* a ministry named by another state ("Pakistan's Foreign Office",
     * "the Foreign Office in Islamabad") is that state's */
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        if (!x->actor || x->actor->kind != AK_BODY || x->org)
            continue;
        const amen *q = NULL;
        if (k > 0 && r->am[k - 1].e == x->s && r->am[k - 1].actor &&
            (r->am[k - 1].poss || r->am[k - 1].actor->kind == AK_DEMONYM))
            q = &r->am[k - 1];
        else if (k + 1 < r->nam && r->am[k + 1].s == x->e + 1 && is_word(r, (long)x->e, "in") &&
                 r->am[k + 1].actor && r->am[k + 1].actor->kind == AK_CAPITAL)
            q = &r->am[k + 1];
        if (q && q->actor->state && strcmp(q->code, x->code) && !q->org)
            x->code = q->code;
    }
    /* merge runs that name one state: "U.S. President Joe Biden",
     * "South Korea's Yoon Suk-yeol" */
    size_t o = 0;
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        if (o) {
            amen *p = &r->am[o - 1];
            long j = p->e;
            while ((size_t)j < x->s && cue_at(r, j, CUE_PEOPLE))
                j = at(r, j)->e;
            if ((size_t)j == x->s && !strcmp(p->code, x->code) && !(r->t[x->s].fl & TF_HYPH)) {
                p->e = x->e;
                p->poss = x->poss;
                p->fuzzy |= x->fuzzy;
                if (x->body)
                    p->body = x->body;
                continue;
            }
        }
        r->am[o++] = *x;
    }
    r->nam = o;
    /* people nouns after a mention belong to it ("North Korean troops" stays
     * separate: troops are not people nouns) */
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        while (x->e < r->nt && (cue_starts(r, x->e, CUE_PEOPLE) || cue_starts(r, x->e, CUE_AMBASSADOR)) && !x->poss) {
            const lx_match *pm = at(r, x->e);
            x->poss = (r->t[pm->e - 1].fl & TF_POSS) != 0;
            x->e = pm->e;
        }
        /* "Prime Minister Manasseh Sogavare ... Sogavare has rejected": a
         * known leader's full name teaches the surname (the last word and
         * the words hyphens join to it; not a short one: "Wang Yi"), also
         * when the name ends a longer run ("Azerbaijan's President Ilham
         * Aliyev ... Aliyev denounced") */
        const lx_match *lead = at(r, (long)x->e - 1);
        const lx_actor *la = lead ? casusi_actor_of(r, lead) : NULL;
        long ls = (long)x->s;
        if (la && la->kind == AK_LEADER && lead->e == x->e)
            ls = (long)lead->s;
        else if (!x->actor || x->actor->kind != AK_LEADER)
            ls = -1;
        if (ls >= 0 && (long)x->e >= ls + 2 && r->t[x->e - 1].kind == TK_WORD && (r->t[x->e - 1].fl & TF_CAP) &&
            r->t[x->e - 1].e - r->t[x->e - 1].s >= 4) {
            long b = (long)x->e - 1;
            while (b > ls + 1 && (r->t[b].fl & TF_HYPH))
                b--;
            if (b > ls)
                learn_name(r, b, (long)x->e, x->code, x->org, 0, 0);
            /* Iberian names carry two surnames, and the first is the one
             * used alone: "Rubén Ramírez Lezcano ... Ramírez accused" */
            if (b - 1 > ls && iberian(x->code) && r->t[b - 1].kind == TK_WORD && (r->t[b - 1].fl & TF_CAP) &&
                !(r->t[b - 1].fl & TF_HYPH))
                learn_name(r, b - 1, b, x->code, x->org, 0, 0);
        }
        /* a person set off after the office, or after a possessive
         * state's office: "the Chinese defence ministry spokesman, Zhang
         * Xiaogang,", "India's foreign ministry spokesperson Randhir
         * Jaiswal", "Pakistan's military spokesman, Lt Gen Ahmed Sharif
         * Chaudhry": the name is learnt for later sentences; the mention
         * keeps its extent */
        {
            long n = office_name(r, x);
            long j = n > (long)x->e ? holder_end(r, n) : n;
            if (j > n)
                learn_name(r, n, j, x->code, x->org, 0, 0);
        }
        /* a person named after the office: "Polish Defence Minister
         * Mariusz Blaszczak", "Poland's Blaszczak": the name is learnt,
         * and marked as an envoy's after an envoy's title ("Indian High
         * Commissioner Pranay Verma": "Dhaka summoned Verma") */
        if (x->e < r->nt && (cue_at(r, x->e - 1, CUE_PEOPLE) || cue_at(r, x->e - 1, CUE_AMBASSADOR) || x->poss) &&
            (!at(r, x->e) || dormant_name(r, x->e)) &&
            (r->t[x->e].fl & TF_CAP) && !designator(r, (long)x->e)) { /* not "Russia's S-400" */
            long j = holder_end(r, (long)x->e);
            if (j > (long)x->e) {
                learn_name(r, x->e, j, x->code, x->org, cue_at(r, x->e - 1, CUE_AMBASSADOR) != 0, 0);
                x->poss = (r->t[j - 1].fl & TF_POSS) != 0;
                x->e = (uint32_t)j;
            }
        }
        /* a state's legislature: "Hungary's National Assembly", "the
         * Philippine Senate" name the body that ratifies */
        if (!x->body && !x->org && x->e < r->nt && cue_starts(r, x->e, CUE_LEGIS)) {
            const lx_match *lm = cue_match(r, x->e, CUE_LEGIS);
            x->body = words_of(r, (long)lm->s, (long)lm->e);
            x->poss = (r->t[lm->e - 1].fl & TF_POSS) != 0;
            x->e = lm->e;
        }
    }
    /* groups: mentions joined by ',', 'and', '&', hyphens, or people nouns */
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        int join = 0;
        if (k && r->ng) {
            const amen *p = &r->am[k - 1];
            long j = p->e;
            int ok = 1, conj = 0;
            if (x->s == p->s)
                join = 1; /* one name, several states ("the two Koreas") */
            else if (where_spoke(r, p, x))
                join = 1;
            else if (r->t[x->s].fl & TF_HYPH && (size_t)j == x->s)
                join = 1;
            else if (x->actor && x->actor->kind == AK_DEMONYM && x->s >= p->e + 2 && x->s <= p->e + 10 &&
                     (is_word(r, (long)x->e, "counterpart") || is_word(r, (long)x->e, "counterparts") ||
                      is_word(r, (long)x->e - 1, "counterpart") || is_word(r, (long)x->e - 1, "counterparts")) &&
                     (is_word(r, (long)x->s - 1, "his") || is_word(r, (long)x->s - 1, "her") ||
                      is_word(r, (long)x->s - 1, "their")) &&
                     is_word(r, (long)x->s - 2, "and")) {
                /* "Turkey's defence minister, Yaşar Güler, and his Somali
                 * counterpart": the two sides of one act */
                join = 1;
                for (long q = (long)p->e; q < (long)x->s - 2 && join; q++)
                    join = !is_punct(r, q, ';') && !cue_at(r, q, CUE_SAY) && !is_trigger_tok(r, q);
            } else if (p->poss && !strcmp(p->code, x->code) && x->s <= p->e + 5) {
                /* "Turkey's defence minister, Yaşar Güler,": the office and
                 * its holder are one */
                join = 1;
                for (long q = (long)p->e; q < (long)x->s && join; q++)
                    join = is_punct(r, q, ',') || cue_at(r, q, CUE_PEOPLE) || cue_at(r, q, CUE_DET);
            } else if (!p->poss) {
                while ((size_t)j < x->s) {
                    if (is_punct(r, j, ',')) {
                        j++;
                        conj = 1;
                        continue;
                    }
                    const lx_match *mm = at(r, j);
                    if (mm && (cue_at(r, j, CUE_CONJ) || cue_at(r, j, CUE_DET) || cue_at(r, j, CUE_PEOPLE))) {
                        conj |= cue_at(r, j, CUE_CONJ) != 0;
                        j = mm->e;
                        continue;
                    }
                    /* "Joe Biden, Pedro Smith and Fumio Kishida": a person
                     * the dictionaries do not know is a member naming no
                     * state */
                    long f = name_dot(r, j) ? j + 1 : unknown_member(r, j);
                    if (f > j) {
                        j = f;
                        continue;
                    }
                    /* "Saudi Arabia and nuclear-armed Pakistan": an
                     * adjective after the conjunction */
                    if (!mm && conj && r->t[j].kind == TK_WORD && !(r->t[j].fl & TF_CAP) && j >= (long)x->s - 3) {
                        j++;
                        continue;
                    }
                    ok = 0;
                    break;
                }
                join = ok && conj;
                /* "the CSTO, Prime Minister Nikol Pashinyan said": commas
                 * alone make a list only when an "and" closes it later
                 * (headlines join by commas: "Saudi Arabia, Pakistan sign") */
                if (join && !and_follows(r, k, p->e, x->s) && !r->heading)
                    join = 0;
                /* "for use against Ukraine, and Britain, France and Germany
                 * announced": ", and" after a prepositional object opens a
                 * new clause */
                if (join && r->g[r->ng - 1].prep >= 0)
                    for (long q = p->e; q + 1 < (long)x->s; q++)
                        if (is_punct(r, q, ',') && cue_at(r, q + 1, CUE_CONJ))
                            join = 0;
                /* "Last Wednesday in Ankara, Turkish Defence Minister Yasar
                 * Guler and his Syrian counterpart signed": a place that
                 * opens the sentence is set off by its comma, not listed */
                long pp = r->g[r->ng - 1].prep;
                if (join && pp >= 0 && (is_word(r, pp, "in") || is_word(r, pp, "at")) && is_punct(r, (long)p->e, ',') &&
                    r->g[r->ng - 1].first == (int)k - 1) {
                    /* the place opens the sentence, or follows only its time */
                    int opening = pp == 0;
                    for (size_t q = 0; q < r->ndm && !opening; q++)
                        opening = r->dm[q].s <= 1 && (long)r->dm[q].e == pp;
                    if (opening)
                        join = 0;
                }
            }
        }
        if (join) {
            group *g = &r->g[r->ng - 1];
            if (r->t[x->s].fl & TF_HYPH)
                g->hyph = 1;
            g->e = x->e;
            g->last = (int)k;
            cs_add(&g->codes, x->code);
        } else {
            if (GROW(r->g, r->ng, r->gcap))
                return -1;
            group *g = &r->g[r->ng++];
            memset(g, 0, sizeof *g);
            g->s = x->s;
            g->e = x->e;
            g->first = g->last = (int)k;
            cs_add(&g->codes, x->code);
            g->prep = x->prep;
            /* "both X and Y": the determiner is no preposition */
            /* "a spokesman for the Kremlin", "the speaker for the Russian Federation" */
            if (g->prep >= 0 && (is_word(r, g->prep, "of") || is_word(r, g->prep, "from") ||
                                 is_word(r, g->prep, "in") || is_word(r, g->prep, "for"))) {
                long j = g->prep - 1;
                while (j >= 0 && cue_at(r, j, CUE_DET))
                    j--;
                /* "Defence Minister Juan Carlos Pinzon of Colombia": an
                 * office's holder the dictionaries do not know */
                {
                    long b = j;
                    while (b >= 0 && b > j - 4 && r->t[b].kind == TK_WORD && (r->t[b].fl & TF_CAP) && !at(r, b))
                        b--;
                    if (b < j && b >= 0 && cue_at(r, b, CUE_PEOPLE))
                        j = b;
                }
                /* not "the Russian embassy in Bucharest rejected": an
                 * embassy is in its host state and speaks for its own --
                 * but the host summons it ("the French embassy's chargé
                 * in Algiers was summoned") */
                static const char *const ENVOY[] = {"embassy", "embassies", "ambassador", "envoy", "consulate",
                                                    "mission", "diplomats", "diplomat", "attache"};
                int envoy = j >= 0 && cue_at(r, j, CUE_PEOPLE) && is_word(r, g->prep, "in") &&
                            WORD_IN(r, (long)at(r, j)->e - 1, ENVOY);
                for (long q = 0; envoy && (size_t)q < r->nt; q++)
                    if (casusi_trigger_type_at(r, q, CASUS_EV_SUMMON_AMBASSADOR, 0))
                        envoy = 0;
                /* "the governments of Ireland and Spain": a plural
                 * anaphor's noun with its states after it */
                /* "the members of the UN Security Council condemned" */
                if (j >= 0 && !envoy && g->prep >= 0 && is_word(r, g->prep, "of") &&
                    (is_word(r, j, "members") || (is_word(r, j, "states") && is_word(r, j - 1, "member"))) &&
                    x->org)
                    g->people = 1;
                if (j >= 0 && !envoy &&
                    (cue_at(r, j, CUE_PEOPLE) ||
                     (cue_at(r, j, CUE_PLURAL) && at(r, j)->e == (uint32_t)j + 1 && ((r->amask[j] >> CUE_PEOPLE) & 1))))
                    g->people = 1;
                /* "Warships from Iran, Russia and China began joint naval
                 * exercises": forces that open the sentence act for them */
                if (j >= 0 && !g->people && !is_word(r, g->prep, "in") && !is_word(r, g->prep, "for") &&
                    (cue_at(r, j, CUE_TROOPS) || cue_at(r, j, CUE_VESSEL))) {
                    long b = (long)at(r, j)->s - 1;
                    while (b >= 0 && (cue_at(r, b, CUE_DET) || cue_at(r, b, CUE_NUMBER) || cue_at(r, b, CUE_APPROX) ||
                                      r->t[b].kind == TK_NUM))
                        b--;
                    /* the dateline and its dash come first */
                    g->people = b < 0 || (r->dl_e && r->t[b].s >= r->dl_s && r->t[b].s <= r->dl_e + 4 &&
                                          (r->t[b].kind == TK_PUNCT || r->t[b].s < r->dl_e));
                }
            }
        }
        x->group = (int)r->ng - 1;
    }
    learn_owned_names(r);
    return r->err ? -1 : 0;
}
