/*
 * news_roles.c -- who did what to whom: a trigger's source and target by
 * position, voice and preposition (roles), plural referents ("the two
 * countries"), the event a noun refers to ("condemned the sanctions"),
 * attacks and their attackers and victims ("condemned the strike on
 * Doha"), and an event's item, quantity and place.
 */
#include "read_int.h"

#include <ctype.h>
#include <string.h>

/* A subordinate clause opens at token i: "after", "when", "hours after",
 * "a day before"; returns the index of its conjunction, else 0. */
long casusi_subordinate(const rd *r, long i)
{
    static const char *const UNIT[] = {"a", "an", "the", "hours", "hour", "days", "day", "weeks", "week",
                                       "minutes", "months", "month", "shortly", "just", "only", "soon",
                                       "moments", "two", "three", "several", "few", "barely"};
    static const char *const SUB[] = {"after", "before", "when", "while", "since", "until", "as",
                                      "because", "once", "whereas", "which", "who"};
    /* ", a move Caracas denounced": an appositive on the event */
    if (is_word(r, i, "a") && cue_starts(r, i + 1, CUE_EVREF))
        return i;
    for (int k = 0; k < 4 && (size_t)i < r->nt; k++, i++) {
        if (WORD_IN(r, i, SUB))
            return i;
        int unit = r->t[i].kind == TK_NUM || WORD_IN(r, i, UNIT);
        if (!unit)
            return 0;
    }
    return 0;
}

const char *casusi_span_text(rd *r, long s, long e)
{
    if (s < 0 || e <= s)
        return NULL;
    size_t bs = r->t[s].s, be = r->t[e - 1].e;
    return casus_arena_strndup(r->a, r->text + bs, be - bs);
}

/* An auxiliary or adverb between a subject and its verb: "the two countries had signed", "also signed" */
static int ed_aux(const rd *r, long i)
{
    return is_word(r, i, "had") || is_word(r, i, "have") || is_word(r, i, "jointly") || is_word(r, i, "also");
}

/* The nouns of a plural anaphor that mean states ("the two countries",
 * "both sides"; not "the two ships") */
static const char *const STATE_NOUNS[] = {"countries", "sides", "governments", "nations", "states", "neighbours",
                                          "neighbors"};

static int plural_anaphor(const rd *r, long lo, long hi)
{
    for (long i = lo; i < hi; i++)
        if (cue_starts(r, i, CUE_PLURAL))
            return 1;
    return 0;
}

/* "the two countries' defence ministers signed": after a possessive
 * anaphor ending at token e, up to three lower-case words naming the
 * people who act for the states, ending right before the verb at ts */
static int envoys_of(const rd *r, long e, long ts)
{
    static const char *const HEADS[] = {"ministers", "leaders", "presidents", "heads", "chiefs", "officials",
                                        "representatives", "envoys", "delegations", "negotiators"};
    if (e < 1 || !(r->t[e - 1].fl & TF_POSS) || ts - e < 1 || ts - e > 3 || !WORD_IN(r, ts - 1, HEADS))
        return 0;
    for (long i = e; i < ts; i++)
        if (r->t[i].kind != TK_WORD || (r->t[i].fl & TF_CAP))
            return 0;
    return 1;
}

/* Names set off by commas right before the verb at ts (", Alain Tribert
 * Mutabazi and Jean-Pierre Bemba,"): the opening comma, else -1 */
static long names_set_off(const rd *r, long ts)
{
    if (!is_punct(r, ts - 1, ','))
        return -1;
    for (long j = ts - 2; j >= 0 && j >= ts - 14; j--) {
        if (is_punct(r, j, ','))
            return j < ts - 2 && (r->t[j + 1].fl & TF_CAP) ? j : -1;
        if (r->t[j].kind != TK_WORD || !((r->t[j].fl & TF_CAP) || is_word(r, j, "and")))
            return -1;
    }
    return -1;
}

static const char *const NUM[] = {"both", "two", "three", "four", "five", "six", "seven",
                                  "eight", "nine", "ten", "eleven", "twelve"};

/* How many states the anaphor in tokens [s, e) says it means ("both", "the
 * three countries"), 0 if it says no number */
static int anaphor_number(const rd *r, long s, long e)
{
    for (long j = s; j < e; j++)
        for (int k = 0; k < (int)(sizeof NUM / sizeof *NUM); k++)
            if (is_word(r, j, NUM[k]))
                return k < 2 ? 2 : k + 1;
    return 0;
}

/* Whom a plural anaphor in [lo, hi) means. "The three juntas" after "Mali
 * and Burkina Faso warned" adds the groups named before until there are
 * three ("the military governments of Burkina Faso and Niger"); "the two
 * countries" after a group of three takes the last group of two. Else the
 * last group; none if it cannot be told. */
static cset plural_referent(const rd *r, long lo, long hi)
{
    int want = 0;
    for (long i = lo; i < hi && !want; i++) {
        const lx_match *m = cue_starts(r, i, CUE_PLURAL) ? at(r, i) : NULL;
        if (m)
            want = anaphor_number(r, i, (long)m->e);
    }
    if (!r->last_multi.n) {
        /* "Paraguay summoned Brazil's ambassador ... under a treaty the two
         * countries signed in 1973": with no group of states before, "the
         * two countries" (sides, governments; not "the two ships", not
         * "two-thirds") are the states named last, this sentence's first */
        int ok = 0;
        for (long i = lo; i < hi && !ok; i++)
            ok = WORD_IN(r, i, STATE_NOUNS) && i > lo && WORD_IN(r, i - 1, NUM) && !(r->t[i - 1].fl & TF_HYPH) &&
                 !(r->t[i].fl & TF_HYPH);
        if (!ok)
            return (cset){{0}, 0};
        cset u = {{0}, 0};
        for (size_t a = r->nam; a-- > 0 && u.n < want;)
            if ((long)r->am[a].s < lo && !r->am[a].org)
                cs_add(&u, r->am[a].code);
        for (int k = 0; k < r->nrecent && u.n < want; k++)
            cs_add(&u, r->recent[k]);
        return u.n == want ? u : (cset){{0}, 0};
    }
    if (!want || r->last_multi.n == want)
        return r->last_multi;
    size_t nh = sizeof r->mhist / sizeof *r->mhist;
    if (r->last_multi.n > want) {
        for (size_t k = 0; k < nh; k++)
            if (r->mhist[k].n == want)
                return r->mhist[k];
        return r->last_multi;
    }
    cset u = r->last_multi;
    for (size_t k = 0; k < nh && r->mhist[k].n && u.n < want; k++) {
        cset v = u;
        cs_union(&v, &r->mhist[k]);
        if (v.n <= want)
            u = v;
    }
    /* "Austin and Kihara hosted Shin Won-sik ... The three signed", "the
     * three ministers": the states named most recently make up the count
     * (not "the three SRBMs"; not a state this sentence names after the
     * anaphor, its object) */
    static const char *const WHO[] = {"ministers", "leaders", "presidents", "allies", "partners", "heads",
                                      "also", "jointly", "have", "had", "then", "together"};
    long after = -1;
    for (long i = lo; i < hi && after < 0; i++)
        if (cue_starts(r, i, CUE_PLURAL))
            after = (long)at(r, i)->e;
    int who = after >= 0 && (size_t)after < r->nt &&
              (WORD_IN(r, after, STATE_NOUNS) || WORD_IN(r, after, WHO) || verb_tok(r, after));
    cset f = u;
    for (int k = 0; who && k < r->nrecent && f.n < want; k++) {
        int later = 0;
        for (size_t a = 0; a < r->nam && !later; a++)
            later = (long)r->am[a].s >= hi && same_code(r->am[a].code, r->recent[k]);
        if (!later)
            cs_add(&f, r->recent[k]);
    }
    if (who && f.n == want)
        u = f;
    return u.n == want ? u : r->last_multi;
}

/* The number ending at token i as a quantity ("donated six of them"). */
void casusi_qty_at(rd *r, long i, int64_t *qty, const char **qtext, int *approx)
{
    long first;
    int ap = 0;
    double v = casusi_number_before(r, i, &first, &ap);
    if (v < 0)
        return;
    *qty = (int64_t)v;
    *qtext = casusi_span_text(r, first, i + 1);
    *approx = ap;
}

/* A word for a warship ("frigate", "minehunters", "Sandown-class
 * vessels"). */
int casusi_ship_word(const rd *r, long i)
{
    static const char *const SHIP[] = {"warship",     "warships",     "frigate",     "frigates",   "corvette",
                                       "corvettes",   "destroyer",    "destroyers",  "submarine",  "submarines",
                                       "minehunter",  "minehunters",  "minesweeper", "minesweepers",
                                       "gunboat",     "gunboats"};
    if (WORD_IN(r, i, SHIP) || is_word(r, i, "cutter") || is_word(r, i, "cutters"))
        return 1;
    /* "six 45-foot Metal Shark patrol boats", "offshore patrol vessels" */
    static const char *const CRAFT[] = {"boat", "boats", "vessel", "vessels", "ship", "ships"};
    if (i > 0 && WORD_IN(r, i, CRAFT) && is_word(r, i - 1, "patrol"))
        return 1;
    /* "the two Sandown-class vessels" */
    return (is_word(r, i, "vessels") || is_word(r, i, "ships") || is_word(r, i, "vessel") || is_word(r, i, "ship")) &&
           i > 0 && (r->t[i - 1].fl & TF_HYPH) && is_word(r, i - 1, "class");
}

/* The maker's key of the name run from byte p: letters and digits of the
 * words joined by hyphens or slashes ("AH-64E", "F/A-18", "Type 054A/P"),
 * over up to `runs` space-separated runs; its length in buf, or 0. */
static size_t maker_run(const rd *r, size_t p, int runs, char *buf, size_t cap)
{
    size_t k = 0;
    for (int run = 0; run < runs; run++) {
        size_t q = p;
        while (q < r->se && ((unsigned char)r->text[q] >= 0x80 || isalnum((unsigned char)r->text[q]) ||
                             r->text[q] == '-' || r->text[q] == '/'))
            q++;
        if (q == p)
            return 0;
        k += casusi_maker_key(r->text + p, q - p, buf + k, cap - k);
        if (run + 1 < runs && !(q + 1 < r->se && r->text[q] == ' ' && isalnum((unsigned char)r->text[q + 1])))
            return 0; /* no further run: the shorter try covers this one */
        p = q + 1;
    }
    buf[k] = '\0';
    return k;
}

const char *casusi_arms_maker(const rd *r, long lo, long hi)
{
    static const char *const MADE[] = {"made", "built", "manufactured", "produced"};
    static const char *const USED[] = {"surplus", "retired", "decommissioned", "secondhand", "mothballed"};
    const char *found = NULL;
    if (lo < 0)
        lo = 0;
    if (hi > (long)r->nt)
        hi = (long)r->nt;
    for (long i = lo; i < hi; i++) {
        const ntok *t = &r->t[i];
        if (t->kind != TK_WORD)
            continue;
        /* second-hand: the supplier is whoever owned it ("two retired
         * Sandown-class minehunters", "ex-Soviet MiG-29s") */
        if (WORD_IN(r, i, USED) || (is_word(r, i, "second") && is_word(r, i + 1, "hand")) ||
            (is_word(r, i, "ex") && (size_t)i + 1 < r->nt && (r->t[i + 1].fl & TF_HYPH)))
            return NULL;
        const char *mk = NULL;
        /* "an Israeli-made Barak MX", "Chinese-built frigates" */
        int g = group_at(r, i);
        if (g >= 0 && (long)r->g[g].e == i + 1 && WORD_IN(r, i + 1, MADE) && (r->t[i + 1].fl & TF_HYPH) &&
            r->g[g].codes.n == 1)
            mk = r->g[g].codes.c[0];
        else if ((t->fl & TF_CAP) && !(t->fl & TF_HYPH) && (i == 0 || r->t[i - 1].e < t->s)) {
            char key[64];
            for (int runs = 3; runs >= 1 && !mk; runs--) {
                size_t n = maker_run(r, t->s, runs, key, sizeof key);
                if (n)
                    mk = casusi_lex_maker(r->lx, key, n);
            }
        }
        if (!mk)
            continue;
        if (found && strcmp(found, mk))
            return NULL; /* two makers: which one gives cannot be told */
        found = mk;
    }
    return found;
}

/* Whether token i ends a hyphenated adjective of an item ("weapon-locating",
 * "anti-submarine", "self-propelled"): a lower-case word joined by a hyphen
 * to a word the lexicon does not know; not a maker's ("Russian-made",
 * "US-supplied", "Chinese-built") */
static int item_compound(const rd *r, long i)
{
    static const char *const MADE[] = {"made", "built", "supplied", "designed", "owned", "produced", "manufactured",
                                       "led", "backed", "funded", "based", "donated", "provided", "delivered"};
    if (i < 1 || r->t[i].kind != TK_WORD || !(r->t[i].fl & TF_HYPH) || (r->t[i].fl & TF_CAP) || at(r, i) ||
        WORD_IN(r, i, MADE))
        return 0;
    return r->t[i - 1].kind == TK_WORD && !at(r, i - 1);
}

/* Fills an item ("artillery shells") and its quantity from cue at token w. */
void casusi_item_and_qty(rd *r, long w, int cue, const char **item, int64_t *qty, const char **qtext,
                         int *approx)
{
    const lx_match *m = cue_match(r, w, cue);
    int des = !m && designator(r, w);
    /* a word no cue holds: a warship ("minehunters") */
    if (!m && !des && !casusi_ship_word(r, w))
        return;
    long s = m ? (long)m->s : w, e = m ? (long)m->e : des ? w + 2 : w + 1; /* "F-16s" */
    /* "Sandown-class minehunters": the class is part of the item */
    if (s >= 2 && is_word(r, s - 1, "class") && (r->t[s - 1].fl & TF_HYPH) && (r->t[s - 2].fl & TF_CAP))
        s -= 2;
    /* extend left over adjectives that are part of the item ("short-range") */
    while (s > 0 && r->t[s].fl & TF_HYPH && r->t[s - 1].kind == TK_WORD && !at(r, s - 1))
        s--;
    /* and over the model ("Leopard 2 tanks", "S-400 batteries", "Abrams
     * tanks"): a designator, a capitalised word the lexicon does not know,
     * or one with its model number */
    for (int k = 0; k < 3 && s > 0; k++) {
        if (s >= 2 && designator(r, s - 2)) {
            s -= 2;
            continue;
        }
        const ntok *p = &r->t[s - 1];
        if (p->kind == TK_WORD && (p->fl & TF_CAP) && !at(r, s - 1)) {
            s--;
            continue;
        }
        /* "four Swathi weapon-locating radars", "AS9 self-propelled
         * howitzers": a hyphenated adjective is part of the item (not
         * "Russian-made", "US-supplied": a maker is no part of it) */
        if (item_compound(r, s - 1)) {
            s -= 2;
            while (s > 0 && (r->t[s].fl & TF_HYPH) && r->t[s - 1].kind == TK_WORD && !at(r, s - 1))
                s--;
            continue;
        }
        /* "Leopard 2 tanks", "Leopard 2A8 tanks" */
        int code = p->kind == TK_WORD && isdigit((unsigned char)r->text[p->s]);
        if (((p->kind == TK_NUM && p->num < 100) || code) && !(p->fl & TF_HYPH) && s >= 2 &&
            r->t[s - 2].kind == TK_WORD && (r->t[s - 2].fl & TF_CAP) && !at(r, s - 2)) {
            s -= 2;
            continue;
        }
        break;
    }
    /* a designator and its name: "AH-64E Apache attack helicopters", "a
     * Lockheed C-130H Hercules transport aircraft" */
    if (des) {
        long k = e;
        while (k < e + 2 && (size_t)k < r->nt && r->t[k].kind == TK_WORD && (r->t[k].fl & TF_CAP) &&
               !(r->t[k].fl & TF_ALLCAP) && !at(r, k) && !is_word(r, k, "block"))
            k++;
        if ((size_t)k >= r->nt || r->t[k].kind != TK_NUM) /* not "F-16 Block 70 jets" */
            e = k;
    }
    /* extend right over a following cue of the same class ("Abrams tanks") */
    while ((size_t)e < r->nt && cue_starts(r, e, cue) && at(r, e)->e > (uint32_t)e)
        e = (long)at(r, e)->e;
    *item = casusi_span_text(r, s, e);
    /* "20 F-35s": the model is the item ("F-35") */
    if (des && e == w + 2 && s == w && *item) {
        size_t n = strlen(*item);
        if (n > 2 && (*item)[n - 1] == 's' && isdigit((unsigned char)(*item)[n - 2]))
            *item = casus_arena_strndup(r->a, *item, n - 1);
    }
    long first;
    int ap = 0;
    long ni = s - 1;
    /* skip actor adjectives ("10,000 North Korean troops") */
    while (ni >= 0 && at(r, ni) && has_cat(r, at(r, ni), LX_ACTOR))
        ni = (long)at(r, ni)->s - 1;
    /* "six 45-foot Metal Shark patrol boats": a measure is no quantity */
    while (ni > 1 && r->t[ni].kind == TK_WORD && (r->t[ni].fl & TF_HYPH) && r->t[ni - 1].kind == TK_NUM)
        ni -= 2;
    double v = casusi_number_before(r, ni, &first, &ap);
    /* "four additional Gripen jets", "two more", "12 new tanks" */
    if (v < 0 && ni > 0 && r->t[ni].kind == TK_WORD && !at(r, ni) && !(r->t[ni].fl & TF_CAP)) {
        v = casusi_number_before(r, ni - 1, &first, &ap);
        if (v >= 0)
            ni--;
        /* "1,500 active-duty troops": a hyphenated adjective */
        else if (ni > 1 && (r->t[ni].fl & TF_HYPH) && r->t[ni - 1].kind == TK_WORD && !at(r, ni - 1) &&
                 (v = casusi_number_before(r, ni - 2, &first, &ap)) >= 0)
            ni -= 2;
    }
    if (v >= 0 && qty) {
        *qty = (int64_t)(v + 0.5);
        *qtext = casusi_span_text(r, first, ni + 1);
        *approx = ap;
    }
}

const casus_place *casusi_place_of(rd *r, long from, long to, casus_event_details *d)
{
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        if ((long)m->s < from || (long)m->s >= to || !has_cat(r, m, LX_PLACE))
            continue;
        uint32_t n;
        const lx_payload *p = pays_of(r, m, &n);
        for (uint32_t q = 0; q < n; q++)
            if (p[q].cat == LX_PLACE) {
                const casus_place *pl = casus_kb_place_at(r->kb, p[q].idx);
                long e = (long)m->e;
                if ((size_t)e < r->nt && cue_starts(r, e, CUE_PLACESUFFIX))
                    e = (long)at(r, e)->e;
                d->place = casusi_span_text(r, (long)m->s, e);
                d->place_id = pl->id;
                return pl;
            }
    }
    return NULL;
}

/* "sent 200 soldiers to Kosovo", "troops arrived in Juba": with no place
 * the gazetteer knows, the state or capital the troops go to, after "to",
 * "in", "into" or "at" from token te in the clause, is the place too, as
 * written. Sets d->place; returns whether it did. */
int casusi_place_of_target(rd *r, long te, const cset *tgt, casus_event_details *d)
{
    static const char *const TO[] = {"to", "in", "into", "at"};
    for (size_t g = 0; g < r->ng && tgt->n; g++) {
        const group *gp = &r->g[g];
        if ((long)gp->s < te)
            continue;
        if (gp->prep < 0 || !WORD_IN(r, gp->prep, TO) || gp->first != gp->last)
            return 0;
        const amen *m = &r->am[gp->first];
        if (!m->actor || (m->actor->kind != AK_CAPITAL && m->actor->kind != AK_STATE && m->actor->kind != AK_ALIAS) ||
            !cs_has(tgt, m->code) || m->poss)
            return 0;
        for (long i = te; i < gp->prep; i++)
            if (is_boundary(r, i))
                return 0;
        d->place = casusi_span_text(r, (long)m->s, (long)m->e);
        return d->place != NULL;
    }
    return 0;
}

/* "ordered the carrier strike group to the Caribbean", "sent about 1,000
 * more soldiers into North Kivu", "crossed into southern Lebanon": the
 * capitalised name no dictionary knows after "to", "into", "in" or "at",
 * within twelve tokens of token te in the clause, with the direction word
 * before it if any ("southern", which may also precede a state); a sea's
 * "Sea" and "Gulf of ..." and a compass word opening the name ("North
 * Kivu") are part of it; not a date, not a name qualifying a body of people
 * ("the SADC mission"). Sets [*ps, *pe); returns whether there is one. */
int casusi_place_span(const rd *r, long te, int wide, long *ps, long *pe)
{
    static const char *const TO[] = {"to", "into", "in", "at"};
    /* where a drill is held: "over the Yellow Sea", "off Karachi", "near
     * Sirte", "around Taiwan", "on Iturup and Kunashir" */
    static const char *const WIDE[] = {"to", "into", "in", "at", "over", "off", "near", "around", "on"};
    static const char *const BODY[] = {"mission", "missions", "force", "forces", "operation", "contingent",
                                       "contingents", "troops", "soldiers", "personnel", "peacekeepers", "units",
                                       "authorities", "government", "officials", "counterparts"};
    static const char *const WATER[] = {"sea", "ocean", "gulf", "strait", "bay", "channel", "islands", "island"};
    static const char *const COMPASS[] = {"north", "south", "east", "west", "upper", "lower"};
    static const char *const DIR[] = {"northern", "southern", "eastern", "western", "north-eastern",
                                      "north-western", "south-eastern", "south-western", "central"};
    /* "crossed into Doklam": the trigger may end in the preposition */
    long from = te > 0 && WORD_IN(r, te - 1, TO) ? te - 1 : te;
    for (long i = from; (size_t)i + 1 < r->nt && i < te + 12; i++) {
        if (is_boundary(r, i) || (i > te && is_trigger_tok(r, i)))
            return 0;
        if (wide ? !WORD_IN(r, i, WIDE) : !WORD_IN(r, i, TO))
            continue;
        /* "took part in AMAN-25", "participated in Yama Sakura": the
         * drill's own name */
        static const char *const PART[] = {"part", "participate", "participated", "participates", "participating"};
        if (wide && i > 0 && WORD_IN(r, i - 1, PART))
            continue;
        long s = i + 1;
        if (is_word(r, s, "the"))
            s++;
        long n = s;
        if (WORD_IN(r, n, DIR))
            n++;
        long e = n;
        /* "southern Lebanon": a part of a state */
        const lx_match *am = n > s ? at(r, n) : NULL;
        if (am && (long)am->s == n && has_cat(r, am, LX_ACTOR) && group_at(r, n) >= 0) {
            int g = group_at(r, n);
            const amen *a = &r->am[r->g[g].first];
            if (a->actor && a->actor->kind == AK_DEMONYM)
                continue; /* "southern Chinese waters": no name */
            e = (long)am->e;
        }
        /* "North Kivu", "South Kivu": a compass word opens a name */
        else if ((size_t)n + 1 < r->nt && WORD_IN(r, n, COMPASS) && (r->t[n].fl & TF_CAP))
            e = n + 1;
        /* "the South China Sea": a state's name inside a sea's */
        while ((size_t)e < r->nt && r->t[e].kind == TK_WORD && (r->t[e].fl & TF_CAP) &&
               (!at(r, e) || (e > n && WORD_IN(r, e, WATER)) ||
                ((size_t)e + 1 < r->nt && (r->t[e + 1].fl & TF_CAP) && WORD_IN(r, e + 1, WATER))) &&
               e < n + 4)
            e++;
        if (e == n + 1 && WORD_IN(r, n, COMPASS))
            continue;
        if (e == n || ((size_t)e < r->nt && WORD_IN(r, e, BODY)))
            continue;
        /* "the Gulf of Aden", "the Sea of Japan" */
        if (WORD_IN(r, e - 1, WATER) && is_word(r, e, "of") && (size_t)e + 1 < r->nt &&
            r->t[e + 1].kind == TK_WORD && (r->t[e + 1].fl & TF_CAP))
            e += 2;
        for (size_t k = 0; k < r->ndm; k++)
            if ((long)r->dm[k].s < e && (long)r->dm[k].e > s)
                return 0;
        *ps = n > s && WORD_IN(r, s, DIR) ? s : n;
        *pe = e;
        return 1;
    }
    return 0;
}

/* The place of casusi_place_span after token te, as written, into d->place;
 * returns whether it set one. */
int casusi_place_named(rd *r, long te, int wide, casus_event_details *d)
{
    long s, e;
    if (!casusi_place_span(r, te, wide, &s, &e))
        return 0;
    d->place = casusi_span_text(r, s, e);
    return d->place != NULL;
}

/* Does the match at token i carry a trigger of the type? With as_object,
 * only one that names the event as a verb's object: a noun, or a treaty
 * step's infinitive ("held joint drills with", "voted to ratify"). */
int casusi_trigger_type_at(const rd *r, long i, casus_evtype type, int as_object)
{
    const lx_match *m = at(r, i);
    uint32_t np;
    const lx_payload *p = m ? pays_of(r, m, &np) : NULL;
    for (uint32_t k = 0; p && k < np; k++)
        if (p[k].cat == LX_TRIGGER && r->lx->triggers[p[k].idx].type == type &&
            (!as_object || r->lx->triggers[p[k].idx].form == FORM_NOUN ||
             (is_word(r, i - 1, "to") && type <= CASUS_EV_TREATY_WITHDRAWN)))
            return 1;
    return 0;
}

/* Source and target of a trigger at [ts, te). */
/* Whether a comma stands among tokens [a, b). */
static int comma_between(const rd *r, long a, long b)
{
    for (long i = a; i < b; i++)
        if (is_punct(r, i, ','))
            return 1;
    return 0;
}

/* "the government in Caracas", "the regime in Pyongyang": a capital after
 * "in" that names a government; i is the preposition */
static int gov_in(const rd *r, long i)
{
    static const char *const GOV[] = {"government", "regime", "authorities", "leadership", "junta",
                                      "administration", "rulers", "leaders", "officials"};
    if (WORD_IN(r, i - 1, GOV))
        return 1;
    return 0;
}

/* "condemned the dangerous and provocative actions of the Chinese coast
 * guard", "denounced what it called the \"illegal and aggressive actions\"
 * of Chinese vessels": the "of" at `of` ends the object noun phrase that
 * begins at te (words and quotes, "what it called"; no verb, preposition,
 * relative pronoun, name or actor). With by set, `of` is a "by" and the
 * noun may also be an attack or a step ("condemned the latest attack by
 * Russia on Ukraine", "this latest reckless action by China"). */
static int object_of(const rd *r, long te, long of, int by)
{
    static const char *const CALLED[] = {"what", "it", "he", "she", "they", "called", "termed", "described",
                                         "as", "and"};
    /* the doer's deeds and words, not what was done to a victim ("the
     * occupation of Syrian land", "a violation of Iran's sovereignty") */
    static const char *const DEED[] = {"actions", "action", "behaviour", "behavior", "conduct", "position",
                                       "positions", "stance", "statement", "statements", "remarks", "comments",
                                       "policy", "policies", "moves", "move", "decision", "activities",
                                       "practices", "rhetoric", "claims", "interference", "meddling",
                                       "provocations", "manoeuvres", "maneuvers", "tactics", "harassment"};
    long d = of - 1;
    while (d > te && r->t[d].kind == TK_PUNCT)
        d--; /* the "actions" of "\"illegal and aggressive actions\" of" */
    if (of - te > 10 || !(WORD_IN(r, d, DEED) || (by && (cue_at(r, d, CUE_ATTACK) || cue_at(r, d, CUE_EVREF)))))
        return 0;
    for (long i = te; i < of; i++) {
        const ntok *t = &r->t[i];
        if (t->kind == TK_PUNCT) {
            if (r->text[t->s] != '"' && (t->e - t->s != 3 || memcmp(r->text + t->s, "\u201c", 3)) &&
                (t->e - t->s != 3 || memcmp(r->text + t->s, "\u201d", 3)))
                return 0;
            continue;
        }
        if (t->kind != TK_WORD || is_boundary(r, i) || group_at(r, i) >= 0)
            return 0;
        if (WORD_IN(r, i, CALLED) || cue_at(r, i, CUE_DET))
            continue;
        if (cue_at(r, i, CUE_PREP) || verb_tok(r, i) || (t->fl & TF_CAP) || is_word(r, i, "that") ||
            is_word(r, i, "which") || is_word(r, i, "who"))
            return 0;
    }
    return 1;
}

/* "to the north of", "in the south of": the "of" of a part of a place
 * after "to" or "in" */
static int compass_of(const rd *r, long of)
{
    static const char *const PART[] = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                                       "southwest", "centre", "center", "interior"};
    return of >= 3 && WORD_IN(r, of - 1, PART) && is_word(r, of - 2, "the") &&
           (is_word(r, of - 3, "to") || is_word(r, of - 3, "in") || is_word(r, of - 3, "into"));
}

/* Ranks before an office ("deputy defence minister", "then prime minister") */
static const char *const RANK[] = {"deputy", "acting", "first", "then"};

/* Tokens [a, b) between two possessive states: an office or its
 * holder's name, then "and" or a comma ("'s foreign minister and
 * |Romania's", "'s defence minister Yasar Guler, |Romania's Angel Tilvar
 * and |Bulgaria's") */
static int offices_and(const rd *r, long a, long b)
{
    /* "foreign minister and the outgoing |US secretary of state" */
    static const char *const LEAD[] = {"the", "outgoing", "incoming", "new", "then"};
    while (b - 1 > a && WORD_IN(r, b - 1, LEAD))
        b--;
    long sep = is_word(r, b - 1, "and") ? b - 1 - is_punct(r, b - 2, ',') : is_punct(r, b - 1, ',') ? b - 1 : -1;
    if (b - a < 2 || b - a > 10 || sep <= a)
        return 0;
    for (long i = a; i < sep; i++) {
        const lx_match *m = at(r, i);
        if (m && cue_at(r, i, CUE_PEOPLE)) {
            i = (long)m->e - 1;
            continue;
        }
        /* "chief of defence staff, General Christopher Musa, and": the
         * holder's name set off by commas */
        if (is_punct(r, i, ',') && i > a && i + 1 < sep && r->t[i + 1].kind == TK_WORD && (r->t[i + 1].fl & TF_CAP))
            continue;
        if (r->t[i].kind != TK_WORD || m || (!(r->t[i].fl & TF_CAP) && !WORD_IN(r, i, RANK)))
            return 0; /* a name: capitalised, in no dictionary */
    }
    return 1;
}

/* Tokens [a, b) are an office's words, perhaps ranked ("deputy defence
 * minister") */
static int offices_only(const rd *r, long a, long b)
{
    if (b <= a || b - a > 6)
        return 0;
    int office = 0;
    for (long i = a; i < b; i++) {
        const lx_match *m = at(r, i);
        if (m && cue_at(r, i, CUE_PEOPLE)) {
            office = 1;
            i = (long)m->e - 1;
        } else if (!WORD_IN(r, i, RANK))
            return 0;
    }
    return office;
}

/* Tokens [a, b) between a state and an office held for another state:
 * "and the government of then prime minister" (in "Beijing and the
 * government of then prime minister Manasseh Sogavare signed") */
static int and_office_of(const rd *r, long a, long b)
{
    int of = 0;
    if (b - a < 3 || b - a > 10 || !is_word(r, a, "and"))
        return 0;
    for (long i = a + 1; i < b; i++) {
        const lx_match *m = at(r, i);
        if (m && cue_at(r, i, CUE_PEOPLE)) {
            i = (long)m->e - 1;
            continue;
        }
        of |= is_word(r, i, "of");
        if (!is_word(r, i, "of") && !is_word(r, i, "the") && !is_word(r, i, "then"))
            return 0;
    }
    return of;
}

/* Whether "it" at token k, in a later clause, means the thing the sentence
 * opened with: "The veto did not cancel the agreement itself; it only
 * suspended the entry into force" (the veto, not a state). */
static int thing_subject(const rd *r, long k)
{
    if (k < 3 || !(is_word(r, 0, "the") || is_word(r, 0, "this") || is_word(r, 0, "that")) ||
        r->t[1].kind != TK_WORD || (r->t[1].fl & TF_CAP) || group_at(r, 1) >= 0 ||
        /* "The veto did not cancel the agreement; it only suspended": a deed is a thing */
        (at(r, 1) && !cue_at(r, 1, CUE_ATTACK) && !cue_at(r, 1, CUE_EVREF)) ||
        cue_at(r, 1, CUE_PEOPLE) || cue_at(r, 1, CUE_LEGIS) || cue_at(r, 1, CUE_TROOPS) || cue_at(r, 1, CUE_VESSEL) ||
        cue_at(r, 1, CUE_PLURAL) || r->t[2].kind != TK_WORD || (r->t[2].fl & TF_CAP) || at(r, 2))
        return 0;
    for (long i = 2; i < k; i++)
        if (group_at(r, i) >= 0)
            return 0;
    for (long i = 2; i < k; i++)
        if (is_punct(r, i, ';'))
            return 1;
    return 0;
}

/* "The Plenary of the Hellenic Parliament ratified", "Deputies of the
 * Mazhilis ratified", "the National Assembly of Djibouti ratified", "The
 * coast guards of the Philippines and Vietnam are due to hold", "the naval
 * arm of the Revolutionary Guards held": the "of"
 * at p ends a subject that opens the clause at lo and names a legislature,
 * its members or armed services, whose states the group after it names. */
static int house_of(const rd *r, long lo, long p)
{
    static const char *const PART[] = {"plenary", "deputies", "members", "chamber", "presidium", "lawmakers",
                                       "legislators", "senators", "assembly", "house", "navies", "guards",
                                       "militaries", "armies", "forces", "navy", "army", "arm", "wing"};
    if (p < 1 || !is_word(r, p, "of"))
        return 0;
    long h = p - 1;
    if (is_punct(r, h, ')')) { /* "the Assembly of Representatives (Majlisi Namoyandagon) of" */
        while (h > lo && !is_punct(r, h, '('))
            h--;
        h--;
    }
    if (h < lo || !(WORD_IN(r, h, PART) || cue_at(r, h, CUE_LEGIS)))
        return 0;
    for (long i = lo; i < h; i++) {
        /* "In late February 2024 the coast guards of": an opening date */
        int dated = 0;
        for (size_t k = 0; k < r->ndm && !dated; k++)
            dated = (long)r->dm[k].s <= i + 1 && i < (long)r->dm[k].e &&
                    ((long)r->dm[k].s <= i || is_word(r, i, "late") || is_word(r, i, "early") || is_word(r, i, "mid"));
        if (!(dated || cue_at(r, i, CUE_DET) ||
              (r->t[i].kind == TK_WORD && (r->t[i].fl & TF_CAP) && group_at(r, i) < 0) ||
              /* "the lower chamber of", "the coast guards of", "the armed forces of" */
              (r->t[i].kind == TK_WORD && i == h - 1 && group_at(r, i) < 0 && !verb_tok(r, i))))
            return 0;
    }
    return 1;
}

/* Whether the "of" at p closes "with the navies of", "with the armed
 * forces of", "alongside troops of": a partner's services. */
static int with_forces_of(const rd *r, long p)
{
    static const char *const SVC[] = {"navies", "navy", "forces", "armies", "army", "militaries", "military",
                                      "troops", "guards", "contingents", "units"};
    if (p < 2 || !WORD_IN(r, p - 1, SVC))
        return 0;
    for (long i = p - 2; i >= 0 && i >= p - 5; i--) {
        if (is_word(r, i, "with") || is_word(r, i, "alongside"))
            return 1;
        if (r->t[i].kind != TK_WORD || group_at(r, i) >= 0 || (!cue_at(r, i, CUE_DET) && at(r, i) && !cue_at(r, i, CUE_TROOPS)))
            return 0;
    }
    return 0;
}

/* Whether intelligence trigger tr gives it one way: "share", "pass",
 * "provide", "supply", "feed", "give" (one state to another: "Seoul shared
 * the tracking data with Washington and Tokyo"), not "exchange" nor a
 * noun ("an intelligence-sharing pact with Japan" binds both). */
int casusi_intel_given(const lx_trigger *tr)
{
    static const char *const GIVE[] = {"share", "pass", "provide", "supply", "feed", "give"};
    if (tr->form == FORM_NOUN)
        return 0;
    for (size_t k = 0; k < sizeof GIVE / sizeof *GIVE; k++)
        if (!strncmp(tr->lemma, GIVE[k], strlen(GIVE[k])))
            return 1;
    return 0;
}

/* Does an office phrase after "to (the)" end just before token i ("to the
 * Ministry of Foreign Affairs | of Hungary")? */
static int to_office(const rd *r, long i)
{
    const lx_match *m = cue_match(r, i - 1, CUE_PEOPLE);
    if (!m || (long)m->e != i)
        return 0;
    long b = (long)m->s - 1;
    b -= is_word(r, b, "the");
    return is_word(r, b, "to");
}

/* Whether token s opens the sentence, perhaps after its date ("On 21
 * January the UN Security Council, which the UAE joined ..., condemned") */
static int opens_after_date(const rd *r, long s)
{
    if (s <= 1)
        return 1;
    for (long i = 0; i < s; i++)
        if (!date_at(r, i) && !is_word(r, i, "on") && !is_word(r, i, "in") && !is_word(r, i, "the") &&
            !is_punct(r, i, ','))
            return 0;
    return date_at(r, 0) || date_at(r, 1);
}

void casusi_roles(rd *r, const lx_trigger *tr, long ts, long te, int passive, cset *src, cset *tgt,
                  int *subj_treaty, int *fuzzy, const char **body, int *subj_out)
{
    *subj_treaty = 0;
    long lo = 0;
    for (long i = ts - 1; i >= 0; i--)
        if (is_boundary(r, i) && !(is_punct(r, i, '-') && i == ts - 1)) {
            /* "Japan and South Korea, while geographically distant, have
             * committed": a clause set off by commas is a parenthesis */
            if (i > 0 && is_punct(r, i - 1, ',') && r->t[i].kind == TK_WORD) {
                long c = i + 1;
                while (c < ts && !is_punct(r, c, ','))
                    c++;
                if (c < ts && c < i + 8 && !verb_tok(r, c - 1)) {
                    i--;
                    continue;
                }
            }
            lo = i + 1;
            break;
        }
    long hi = (long)r->nt;
    /* a joint act has no object: "sign a pact a week after Israeli strike
     * on Doha" ends at the subordinate clause */
    int joint = tr->type == CASUS_EV_TREATY_SIGNED || tr->type == CASUS_EV_TREATY_RATIFIED ||
                tr->type == CASUS_EV_TREATY_IN_FORCE || tr->type == CASUS_EV_MILITARY_EXERCISE ||
                tr->type == CASUS_EV_INTELLIGENCE_SHARING;
    for (long i = te; (size_t)i < r->nt; i++)
        if (is_boundary(r, i) ||
            (joint && i > te && (r->t[i].kind == TK_NUM || (r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP))) &&
             casusi_subordinate(r, i) > 0 && !is_word(r, i, "which") && !is_word(r, i, "who")) || (is_trigger_tok(r, i) && i > te + 1 && !is_trigger_tok(r, te) && !hyphen_tail(r, i) &&
                                  !casusi_trigger_type_at(r, i, tr->type, 1) &&
                                  /* "sharing information on the launch with the United
                                   * States": a deed named after "the" ends no clause */
                                  !(is_word(r, i - 1, "the") && !verb_tok(r, i) && is_word(r, i - 2, "on"))) ||
            (i > te && is_word(r, i - 1, "and") && cue_at(r, i, CUE_SAY)) ||
            (is_punct(r, i, ',') && cue_at(r, i + 1, CUE_CONJ) && group_at(r, i - 1) < 0)) {
            hi = i;
            break;
        }
    /* subject: the nearest group on the left that no preposition governs,
     * that is not the object of an earlier trigger and does not modify a
     * treaty noun ("the Russia-North Korea alliance") */
    int subj = -1;
    for (long g = (long)r->ng - 1; g >= 0; g--) {
        const group *gp = &r->g[g];
        if ((long)gp->e > ts || (long)gp->s < lo)
            continue;
        int adjacent_ing = tr->form == FORM_ING && (long)gp->e == ts;
        /* "Mogadishu denounced the memorandum that Ethiopia had concluded,
         * calling it an assault": a participle after a comma shares the
         * main clause's subject, not a relative clause's */
        if (tr->form == FORM_ING && ts > 0 && is_punct(r, ts - 1, ',') && gp->prep < 0 && gp->s >= 2 &&
            (is_word(r, (long)gp->s - 1, "that") || is_word(r, (long)gp->s - 1, "which")) && !verb_tok(r, (long)gp->s - 2) &&
            r->t[gp->s - 2].kind == TK_WORD)
            continue;
        /* "officials denied that the deal threatens Somalia": a that-clause
         * has its own subject */
        long comp = -1;
        for (long i = (long)gp->e + 1; i < ts && comp < 0; i++)
            if (is_word(r, i, "that") && verb_tok(r, i - 1) && !passive &&
                !casusi_trigger_type_at(r, i - 1, CASUS_EV_CONDEMN, 0)) /* "condemned that bombardment" */
                comp = i;
        /* "NATO allies announced that they were suspending": a pronoun
         * there is the speaker */
        if (comp >= 0 && !(is_word(r, comp + 1, "they") || is_word(r, comp + 1, "it") || is_word(r, comp + 1, "he") ||
                           is_word(r, comp + 1, "she") || is_word(r, comp + 1, "we")))
            break;
        /* "South Korea's military said the missile was fired", "The JCS, in
         * a text message to reporters, says the missile was fired": who
         * tells of a launch in the passive is mostly not who launched */
        int says = 0;
        for (long i = (long)gp->e; passive && tr->type == CASUS_EV_MISSILE_TEST && i < ts && !says; i++)
            says = cue_at(r, i, CUE_SAY) != 0;
        if (says)
            break;
        /* "hours after South Korea and the United States began": a
         * subordinator is no preposition when its verb follows */
        int clause = gp->prep >= 0 && ((long)gp->e >= ts - 2 || cue_at(r, (long)gp->e, CUE_SAY)) &&
                     casusi_subordinate(r, gp->prep) == gp->prep; /* "hours after Britain confirmed it was sending" */
        /* "The eighth edition of the India-Kazakhstan joint exercise was
         * held": the parties of a joint act's series */
        static const char *const EDITION[] = {"edition", "round", "iteration", "phase", "stage", "leg"};
        int edition = joint && gp->prep >= 1 && is_word(r, gp->prep, "of") && WORD_IN(r, gp->prep - 1, EDITION);
        if (gp->prep >= 0 && !gp->people && !adjacent_ing && !clause && !edition && !house_of(r, lo, gp->prep))
            continue;
        int object = 0;
        /* "summoned the ambassador of Russia to protest": an office's
         * state is the object when a verb comes before the office */
        long from = gp->prep >= 0 && gp->people ? gp->prep : (long)gp->s;
        /* "The pattern began after Egypt signed": a subordinator opens a
         * clause, and no verb before it makes its subject an object */
        for (long i = from - 1; !clause && i >= 0 && i >= from - 3 && !object; i--) {
            if (is_word(r, i, "that"))
                break; /* "reaffirmed that Finland stands ready": a clause's subject */
            if (is_punct(r, i, ';'))
                break; /* "A strike hit Doha; Pakistan condemned it" */
            /* "After the meeting ended, China condemned Japan": a name
             * after a comma and right before the verb is its subject */
            if (is_punct(r, i, ',') && (long)gp->e >= ts - 2)
                break;
            if (verb_tok(r, i))
                object = 1;
        }
        for (long i = (long)gp->e; (size_t)i < r->nt && i <= (long)gp->e + 2 && !object; i++) {
            if (is_trigger_tok(r, i) || is_boundary(r, i))
                break; /* "Russia and Iran signed a treaty": a verb comes first */
            if (cue_at(r, i, CUE_TREATY))
                object = 1;
        }
        /* "Arreaza praised Montevideo's stand and accused Washington": a
         * possessive right after a past-tense verb the dictionaries do not
         * know is in that verb's object */
        if (!object && g > 0 && r->am[gp->last].poss && (long)gp->s >= 1) {
            long v = (long)gp->s - 1;
            object = r->t[v].kind == TK_WORD && !(r->t[v].fl & TF_CAP) && !at(r, v) && ed_form(r, v);
        }
        if (object && !adjacent_ing)
            continue;
        /* a parenthetical: "Blinken, visiting Seoul, condemned": the group
         * sits between two commas after other words; the subject is the
         * group before the first comma */
        if (g > 0 && (long)gp->e < ts && is_punct(r, (long)gp->e, ',')) {
            long c = (long)gp->s - 1;
            while (c >= lo && !is_punct(r, c, ',') && c > (long)gp->s - 4)
                c--;
            const group *g2 = &r->g[g - 1];
            if (c >= lo && c < (long)gp->s - 1 && is_punct(r, c, ',') && (long)g2->e <= c && g2->prep < 0 &&
                (long)g2->s >= lo) {
                subj = (int)g - 1;
                break;
            }
        }
        /* a holder's name set off by commas after a list that holds its
         * state: "Turkey's Yasar Guler and his Syrian counterpart, Murhaf
         * Abu Qasra, signed" -- the list is the subject */
        if (g > 0 && (long)gp->e < ts && is_punct(r, (long)gp->e, ',') && is_punct(r, (long)gp->s - 1, ',') &&
            (long)r->g[g - 1].e == (long)gp->s - 1 && r->g[g - 1].prep < 0 && (long)r->g[g - 1].s >= lo &&
            r->g[g - 1].codes.n > gp->codes.n) {
            int sub = 1;
            for (int k = 0; k < gp->codes.n && sub; k++)
                sub = cs_has(&r->g[g - 1].codes, gp->codes.c[k]);
            if (sub) {
                subj = (int)g - 1;
                break;
            }
        }
        /* an appositive: "South Korea, a key US ally, condemned", closed
         * by a comma before the verb (not "a visit by the French foreign
         * minister, Jean-Noël Barrot, the Chadian government ended") */
        if (g > 0) {
            const group *g2 = &r->g[g - 1];
            long c = -1;
            for (long i = (long)gp->s - 1; i >= (long)g2->e && i >= (long)gp->s - 4; i--)
                if (is_punct(r, i, ','))
                    c = i;
            int closed = 0;
            for (long i = (long)gp->e; i < ts && !closed; i++)
                closed = is_punct(r, i, ',');
            if (c == (long)g2->e && g2->prep < 0 && closed &&
                (is_word(r, c + 1, "a") || is_word(r, c + 1, "an") || is_word(r, c + 1, "the"))) {
                subj = (int)g - 1;
                break;
            }
        }
        subj = (int)g;
        break;
    }
    /* "Lithuania, a former Soviet republic that borders Russia's
     * Kaliningrad exclave and Moscow's ally Belarus, ratified", "Amman,
     * which shares a long border with southern Syria, condemned": an
     * appositive or a relative clause after the opening subject, closed
     * by a comma right before the verb */
    static const char *const APPOS[] = {"a", "an", "the", "which", "who", "whose"};
    if (subj > 0 && tr->form != FORM_NOUN && r->g[0].prep < 0 && opens_after_date(r, (long)r->g[0].s) &&
        (long)r->g[0].e < ts &&
        is_punct(r, (long)r->g[0].e, ',') && WORD_IN(r, (long)r->g[0].e + 1, APPOS)) {
        long c = ts - 1;
        if (c > 0 && r->t[c].kind == TK_WORD && !at(r, c) && !(r->t[c].fl & TF_CAP))
            c--; /* ", formally ratified" */
        int closed = c > (long)r->g[0].e + 2 && is_punct(r, c, ',');
        for (long i = (long)r->g[0].e + 1; i < c && closed; i++)
            closed = !is_punct(r, i, ',') && !is_punct(r, i, ';') && !is_boundary(r, i);
        if (closed)
            subj = 0;
    }
    /* ", and categorically rejected": a verb joined by "and" with no
     * subject of its own shares the sentence's subject */
    {
        long a = ts - 1;
        if (a >= 0 && r->t[a].kind == TK_WORD && !at(r, a) && !(r->t[a].fl & TF_CAP) && is_word(r, a - 1, "and"))
            a--;
        if ((is_word(r, a, "and") || is_word(r, a, "but")) && tr->form != FORM_NOUN && tr->form != FORM_ING &&
            is_punct(r, a - 1, ',') &&
            r->ng && r->g[0].prep < 0 && (long)r->g[0].e < a && subj != 0) {
            int own = 0;
            for (long i = a + 1; i < ts && !own; i++)
                own = group_at(r, i) >= 0;
            if (!own)
                subj = 0;
        }
    }
    /* "accused China of providing": the group before "of" */
    if (tr->form == FORM_ING && (is_word(r, ts - 1, "of") || is_word(r, ts - 1, "for"))) {
        int g = group_at(r, ts - 2);
        if (g >= 0)
            subj = g;
    }
    /* a noun: its source is a modifier right before it ("Russian technology
     * transfers", "Pyongyang's deployment"), or the subject of a light verb
     * ("issued a warning") */
    if (tr->form == FORM_NOUN) {
        static const char *const TIME_PREPS[] = {"since", "after", "before", "until", "following", "during"};
        int mod = -1, light = 0;
        for (long i = ts - 1; i >= 0 && i >= ts - 12; i--) {
            int g = group_at(r, i);
            if (g >= 0 && r->g[g].prep < 0) {
                mod = g;
                break;
            }
            /* "China opposes the drills", "Moscow said the exercises were":
             * the name before a stance or a saying is no modifier */
            if ((cue_at(r, i, CUE_REACT) || cue_at(r, i, CUE_SAY)) && !cue_at(r, i, CUE_LIGHT))
                break;
            /* "fumes over Chinese live-fire drills": a demonym or a
             * possessive before the noun modifies it, whatever preposition
             * leads the phrase */
            if (g >= 0 && i >= ts - 4 &&
                ((r->am[r->g[g].last].actor && r->am[r->g[g].last].actor->kind == AK_DEMONYM) ||
                 /* "concerned by the PLA's joint military drills"; not
                  * a time ("Since the United Kingdom's withdrawal") */
                 ((r->t[r->g[g].e - 1].fl & TF_POSS) && !WORD_IN(r, r->g[g].prep, TIME_PREPS)))) {
                int adj = 1;
                for (long j = (long)r->g[g].e; j < ts && adj; j++)
                    adj = r->t[j].kind == TK_WORD && !(r->t[j].fl & TF_CAP) && !at(r, j);
                if (adj) {
                    mod = g;
                    break;
                }
            }
            if (cue_at(r, i, CUE_LIGHT)) {
                light = 1;
                /* "summoned Russia's envoy and handed him a protest note":
                 * a light verb after "and" shares the sentence's subject */
                long lv = (long)at(r, i)->s;
                if (is_word(r, lv - 1, "and") && r->ng && r->g[0].prep < 0 && (long)r->g[0].e < lv - 1 &&
                    group_at(r, lv - 2) != 0) {
                    int own = 0;
                    for (long j = lv; j < ts && !own; j++)
                        own = group_at(r, j) >= 0;
                    if (!own)
                        subj = 0;
                }
                break;
            }
            /* "Caracas denounced the drills": the verb's subject is no modifier */
            if (is_boundary(r, i) || is_punct(r, i, ',') || verb_tok(r, i))
                break;
        }
        if (mod >= 0)
            subj = mod;
        else if (!light)
            subj = -1;
    }
    if (subj >= 0 && subj_out)
        *subj_out = subj;
    /* a relative clause ("actions that threaten"): the subject is the noun
     * before the pronoun */
    if (is_word(r, ts - 1, "that") || is_word(r, ts - 1, "which") || is_word(r, ts - 1, "who")) {
        /* "Finland and Sweden, which joined" */
        int g = group_at(r, is_punct(r, ts - 2, ',') ? ts - 3 : ts - 2);
        /* "China, Iran and the United States were among the governments
         * that condemned", "Japan was among those who condemned" */
        static const char *const AMONG[] = {"governments", "countries", "states", "nations", "capitals", "those",
                                            "members", "allies"};
        long k = ts - 2;
        if (g < 0 && WORD_IN(r, k, AMONG)) {
            long a = is_word(r, k - 1, "the") ? k - 1 : k;
            if (is_word(r, a - 1, "among") && cue_at(r, a - 2, CUE_BE))
                g = group_at(r, a - 3);
        }
        subj = g;
        if (g < 0) {
            *subj_treaty = 0;
            return;
        }
    }
    /* a treaty subject ("the pact promises") */
    *subj_treaty = 0;
    long tlast = -1;
    for (size_t k = 0; k < r->ntm; k++) {
        long s = (long)r->sel[r->tm[k]].s;
        if (s >= lo && s < ts && (subj < 0 || s > (long)r->g[subj].e))
            tlast = s;
    }
    if (tlast >= 0) {
        /* the treaty noun phrase must open the clause ("The pact promises") */
        int unknown = 0;
        for (long i = tlast - 1; i >= lo; i--) {
            const lx_match *mm = at(r, i);
            if (mm && (cue_at(r, i, CUE_DET) || cue_at(r, i, CUE_KIND) || cue_at(r, i, CUE_NEW) ||
                       cue_at(r, i, CUE_TREATY) || has_cat(r, mm, LX_ACTOR))) {
                i = (long)mm->s;
                continue;
            }
            if (!mm && (r->t[i].kind == TK_NUM || is_punct(r, i, '"') ||
                        (r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && ++unknown <= 3) ||
                        (r->t[i].kind == TK_WORD && i == lo)))
                continue;
            tlast = -1;
            break;
        }
    }
    if (tlast >= 0 && (subj < 0 || tlast > (long)r->g[subj].e)) {
        int idle = 1; /* no actor between the treaty noun and the verb */
        for (size_t a = 0; a < r->nam; a++)
            if ((long)r->am[a].s > tlast && (long)r->am[a].s < ts && r->am[a].prep < 0)
                idle = 0;
        if (idle)
            *subj_treaty = 1;
    }
    /* "In Beijing, foreign ministry spokesperson Mao Ning criticised": an
     * office with no state takes the capital that opens the sentence */
    if (subj < 0 && !*subj_treaty && r->ng && r->g[0].prep >= 0 && is_word(r, r->g[0].prep, "in") &&
        r->g[0].prep <= 1 && is_punct(r, (long)r->g[0].e, ',') && (long)r->g[0].e < ts) {
        int office = 0, said = 0;
        for (long i = (long)r->g[0].e + 1; i < ts && !office; i++)
            office = cue_at(r, i, CUE_PEOPLE) != 0;
        /* "In Washington, a State Department spokesperson condemned the
         * launch": the office is no subject of a deed its words are about
         * (it is of words it says: "said it was a grave concern") */
        int deed = tr->form == FORM_NOUN && tr->type != CASUS_EV_CONDEMN && tr->type != CASUS_EV_WARN &&
                   tr->type != CASUS_EV_DENY_ACCUSATION;
        for (long i = (long)r->g[0].e + 1; deed && i < ts && !said; i++)
            said = !cue_at(r, i, CUE_LIGHT) && (verb_tok(r, i) || cue_at(r, i, CUE_REACT) || cue_at(r, i, CUE_SAY));
        if (office && !said && r->am[r->g[0].first].actor && r->am[r->g[0].first].actor->kind == AK_CAPITAL)
            subj = 0;
    }
    cset subjset = {{0}, 0};
    /* "the Emirati ministry cited the defence agreement the two countries
     * signed in 2009": a plural anaphor right before the verb, after the
     * subject, is the verb's own subject */
    if (subj >= 0 && !*subj_treaty && tr->form != FORM_NOUN) {
        /* "the two countries' defence ministers, Alain Tribert Mutabazi and
         * Jean-Pierre Bemba, signed": the names set off before the verb
         * are the envoys' */
        long ap = names_set_off(r, ts);
        for (long i = ap >= 0 && ap <= (long)r->g[subj].s ? lo : (long)r->g[subj].e; i < ts; i++) {
            const lx_match *m = cue_starts(r, i, CUE_PLURAL) ? at(r, i) : NULL;
            if (!m || (long)m->e - (long)m->s < 2 ||
                ((long)m->e != ts && !((long)m->e == ts - 1 && ed_aux(r, ts - 1)) && !envoys_of(r, (long)m->e, ts) &&
                 !(ap >= 0 && envoys_of(r, (long)m->e, ap))))
                continue;
            /* the states this sentence named before it ("Qatar hosts
             * Turkey's only base, set up under an agreement the two
             * countries signed"), else those of the text before */
            int want = 0, noun = 0, lead = 0;
            for (long j = i; j < (long)m->e; j++) {
                if (!want)
                    want = is_word(r, j, "two") || is_word(r, j, "both") ? 2 : is_word(r, j, "three") ? 3 : 0;
                lead |= is_word(r, j, "leaders") || is_word(r, j, "presidents");
                noun |= lead || WORD_IN(r, j, STATE_NOUNS);
            }
            if (!noun)
                break; /* "the two warned": two people, perhaps of one state */
            cset pr = {{0}, 0};
            for (size_t a = r->nam; want && a-- > 0 && pr.n < want;)
                if ((long)r->am[a].s < i && !r->am[a].org &&
                    (!lead || (r->am[a].actor && r->am[a].actor->kind == AK_LEADER)))
                    cs_add(&pr, r->am[a].code);
            if (pr.n < want)
                pr = plural_referent(r, i, (long)m->e);
            if (ap >= 0 && (long)m->e <= ap && !cs_sub(&r->g[subj].codes, &pr)) {
                /* the envoys named include the subject's state: it and the
                 * states named last before this sentence */
                pr = r->g[subj].codes;
                for (int k = 0; k < r->nrecent && pr.n < want; k++)
                    cs_add(&pr, r->recent[k]);
            }
            if (pr.n >= 2) {
                subj = -1;
                subjset = pr;
            }
            break;
        }
    }
    if (subj >= 0 && !*subj_treaty) {
        subjset = r->g[subj].codes;
        /* "he and President Isaias Afwerki signed": the pronoun is the
         * last person named */
        long h = (long)r->g[subj].s - 2;
        while (h > 0 && (is_word(r, h + 1, "then") || is_word(r, h + 1, "the") || cue_at(r, h + 1, CUE_PEOPLE)))
            h--; /* "he and then-President Khaltmaagiin Battulga" */
        if (h >= 0 && is_word(r, h + 1, "and") && (is_word(r, h, "he") || is_word(r, h, "she"))) {
            if (r->last_person.n)
                cs_union(&subjset, &r->last_person);
            else /* "Putin's previous state visit ... produced a treaty, which he and ..." */
                for (size_t a = 0; a < r->nam && (long)r->am[a].s < h; a++)
                    if (r->am[a].actor && r->am[a].actor->kind == AK_LEADER) {
                        cs_add(&subjset, r->am[a].code);
                        break;
                    }
        }
        /* "Turkey's foreign minister and Romania's defence minister
         * signed": holders of two states' offices joined by "and" or a
         * comma; "Beijing and the government of then prime minister
         * Manasseh Sogavare signed" */
        /* "Bulgaria's deputy defence minister Atanas Zapryanov": the
         * holder's name after his office is the same state's mention */
        int g0 = subj;
        while (g0 > 0 && tr->form != FORM_NOUN && (long)r->g[g0 - 1].s >= lo && r->g[g0].prep < 0 &&
               cs_sub(&r->g[g0].codes, &r->g[g0 - 1].codes) && (r->t[r->g[g0 - 1].e - 1].fl & TF_POSS) &&
               offices_only(r, (long)r->g[g0 - 1].e, (long)r->g[g0].s))
            cs_union(&subjset, &r->g[--g0].codes);
        for (int g = g0; g > 0 && tr->form != FORM_NOUN && r->g[g - 1].prep < 0 && (long)r->g[g - 1].s >= lo &&
                           (((r->t[r->g[g - 1].e - 1].fl & TF_POSS) && offices_and(r, (long)r->g[g - 1].e, (long)r->g[g].s)) ||
                            and_office_of(r, (long)r->g[g - 1].e, (long)r->g[g].s));
             g--)
            cs_union(&subjset, &r->g[g - 1].codes);
        for (int a = r->g[subj].first; a <= r->g[subj].last; a++) {
            *fuzzy |= r->am[a].fuzzy;
            if (r->am[a].body && body && !*body)
                *body = r->am[a].body;
        }
        /* "The foreign ministers of Britain, ... and the United States,
         * together with the EU's foreign-policy chief, criticised": a
         * partner set off by commas before the verb acts with them */
        for (size_t g = (size_t)subj + 1; g < r->ng && (long)r->g[g].s < ts; g++) {
            long p = r->g[g].prep;
            if (p >= 2 && is_word(r, p, "with") && (is_word(r, p - 1, "together") || is_word(r, p - 1, "along")) &&
                is_punct(r, p - 2, ',') && (long)r->g[g].e < ts && is_punct(r, ts - 1, ',') &&
                names_set_off(r, ts) < 0)
                cs_union(&subjset, &r->g[g].codes);
        }
    } else if (!*subj_treaty && !subjset.n) {
        /* a noun's anaphor is the subject of its light verb ("the two
         * countries held a drill", "agreed to expand intelligence
         * sharing"), not of a stance or words ("the two countries condemned
         * the launch by North Korea") */
        long alo = lo;
        for (long i = lo; tr->form == FORM_NOUN && i < ts; i++)
            if (!cue_at(r, i, CUE_LIGHT) &&
                (cue_at(r, i, CUE_REACT) || cue_at(r, i, CUE_SAY) ||
                 (verb_tok(r, i) && (casusi_trigger_type_at(r, i, CASUS_EV_CONDEMN, 0) ||
                                     casusi_trigger_type_at(r, i, CASUS_EV_WARN, 0) ||
                                     casusi_trigger_type_at(r, i, CASUS_EV_DENY_ACCUSATION, 0)))))
                alo = i + 1;
        cset pr = {{0}, 0};
        if (plural_anaphor(r, alo, ts) && (pr = plural_referent(r, alo, ts)).n)
            subjset = pr;
        else if ((is_word(r, ts - 1, "it") || (is_word(r, ts - 2, "it") && r->t[ts - 1].kind == TK_WORD &&
                                               !at(r, ts - 1))) && r->last_single.n && tr->form != FORM_NOUN &&
                 !thing_subject(r, is_word(r, ts - 1, "it") ? ts - 1 : ts - 2))
            subjset = r->last_single; /* "On Sunday it fired": the last single subject */
        else {
            for (long i = alo; i < ts; i++) /* "the government also condemned the launch": not the launcher */
                if (cue_starts(r, i, CUE_SINGULAR) && (r->last_person.n || r->last_single.n))
                    subjset = r->last_person.n ? r->last_person : r->last_single;
        }
    }
    /* objects on the right */
    cset by = {{0}, 0}, obj = {{0}, 0}, with = {{0}, 0}, from = {{0}, 0};
    cset doer = {{0}, 0}; /* "condemned the attack by Russia on Ukraine": the object's doer */
    int together = 0; /* "joined NATO together with Prague and Budapest": co-agents */
    int located = tr->type == CASUS_EV_TROOPS_DEPLOYED || tr->type == CASUS_EV_ARMS_TRANSFERRED ||
                  tr->type == CASUS_EV_MISSILE_TEST || tr->type == CASUS_EV_MILITARY_EXERCISE;
    for (size_t g = 0; g < r->ng; g++) {
        const group *gp = &r->g[g];
        if ((long)gp->s < te || (long)gp->s >= hi)
            continue;
        const char *pw = gp->prep >= 0 ? r->lx->words[r->t[gp->prep].id] : NULL;
        if (pw && !strcmp(pw, "between") && gp->prep > 0 && cue_at(r, gp->prep - 1, CUE_TREATY))
            continue; /* "a treaty between A and B": the treaty's parties */
        /* "sent military advisers and allied Syrian fighters to western
         * Libya": the troops' own demonym is no host */
        if (!pw && tr->type == CASUS_EV_TROOPS_DEPLOYED && !r->am[gp->last].poss &&
            (cue_at(r, (long)gp->e, CUE_TROOPS) || ((size_t)gp->e + 1 < r->nt && r->t[gp->e].kind == TK_WORD &&
                                                     !at(r, (long)gp->e) && cue_at(r, (long)gp->e + 1, CUE_TROOPS))))
            continue;
        if (pw && !strcmp(pw, "by")) {
            /* the agent follows its participle in the same phrase: not
             * "had been sent, calling the reports rumours spread by the South" */
            int comma = 0;
            for (long i = te; i < (long)gp->s && !comma; i++)
                comma = is_punct(r, i, ',');
            if (by.n && !comma && is_word(r, gp->prep - 1, "and") && tr->type != CASUS_EV_TREATY_RATIFIED)
                cs_union(&by, &gp->codes); /* "signed by Aoun in Baabda and by Lapid in Jerusalem" */
            else if (!passive && !doer.n && tr->type == CASUS_EV_CONDEMN && object_of(r, te, gp->prep, 1))
                doer = gp->codes;
            else if (!by.n && !comma) {
                by = gp->codes;
                for (int a = gp->first; a <= gp->last; a++) {
                    *fuzzy |= r->am[a].fuzzy;
                    if (r->am[a].body && body && !*body)
                        *body = r->am[a].body;
                }
            }
        } else if (pw && !strcmp(pw, "of") && with_forces_of(r, gp->prep) && !with.n && joint) {
            /* "hosted the Malabar exercise with the navies of the United
             * States, Japan and Australia": partners */
            with = gp->codes;
        } else if (pw && (!strcmp(pw, "with") || !strcmp(pw, "between"))) {
            long b = gp->prep - 1; /* "its border with Guyana": no partner */
            /* "signed a treaty on Saturday, cementing a break with ECOWAS":
             * a partner after a comma belongs to another phrase */
            if (!with.n && !comma_between(r, te, gp->prep) && !(b >= 0 && cue_at(r, b, CUE_NOTPARTNER))) {
                with = gp->codes;
                together = is_word(r, b, "together") || is_word(r, b, "along") || is_word(r, b, "alongside");
            }
        } else if (pw && !strcmp(pw, "from")) {
            if (!from.n)
                from = gp->codes;
        } else if (pw && tr->type == CASUS_EV_INTELLIGENCE_SHARING &&
                   (!strcmp(pw, "on") || !strcmp(pw, "of") || !strcmp(pw, "about"))) {
            /* "the sharing of missile-warning data on North Korean
             * launches": what is shared is about them; they neither share
             * nor receive it */
        } else if (!pw || !strcmp(pw, "to") || !strcmp(pw, "against") || !strcmp(pw, "on") ||
                   /* "deployed to the north of the Philippines" */
                   (located && !strcmp(pw, "of") && compass_of(r, gp->prep)) ||
                   /* "in X" is where troops or arms go; for words, sanctions
                    * and signings it is only where it happened ("its
                    * embassy in Beijing", "leaders gather in Kyiv") */
                   ((!strcmp(pw, "in") || !strcmp(pw, "at")) && (located || gov_in(r, gp->prep))) || !strcmp(pw, "into") ||
                   !strcmp(pw, "toward") || !strcmp(pw, "towards") ||
                   (!strcmp(pw, "for") && (tr->type == CASUS_EV_AID_PLEDGED || tr->type == CASUS_EV_ARMS_TRANSFERRED)) ||
                   /* "expressed grave concern about the US military action",
                    * "protested over Japan's radar lock" */
                   ((!strcmp(pw, "about") || !strcmp(pw, "over")) && tr->type == CASUS_EV_CONDEMN) ||
                   /* "was summoned to the Ministry of Foreign Affairs of Hungary" */
                   (!strcmp(pw, "of") && passive && tr->type == CASUS_EV_SUMMON_AMBASSADOR && to_office(r, gp->prep)) ||
                   (!strcmp(pw, "of") && (tr->form == FORM_NOUN || ((tr->type == CASUS_EV_CONDEMN ||
                                          tr->type == CASUS_EV_WARN) && (gp->prep <= te + 3 ||
                                          (tr->type == CASUS_EV_CONDEMN && object_of(r, te, gp->prep, 0))))))) {
            /* "signed a treaty on Saturday, cementing a break with the bloc ECOWAS";
             * "Tusk warned that Warsaw was ready to take special measures
             * against Belarus": words are not aimed at their speaker */
            int self = (tr->type == CASUS_EV_CONDEMN || tr->type == CASUS_EV_WARN) && subjset.n && gp->codes.n &&
                       cs_sub(&gp->codes, &subjset);
            if (!obj.n && !self && !(joint && comma_between(r, te, (long)gp->s))) {
                obj = gp->codes;
                for (int a = gp->first; a <= gp->last; a++)
                    *fuzzy |= r->am[a].fuzzy;
            }
        }
    }
    if (doer.n && !cs_meets(&doer, &subjset))
        obj = doer;
    /* "criticised the three countries for bloc politics", "called the
     * decision of the five governments outrageous": a plural anaphor as
     * the object is the group it means */
    if (!obj.n && (tr->type == CASUS_EV_CONDEMN || tr->type == CASUS_EV_WARN || tr->type == CASUS_EV_SANCTIONS ||
                   tr->type == CASUS_EV_AID_PLEDGED))
        for (long i = te; i < hi && i <= te + 4; i++) {
            const lx_match *m = cue_starts(r, i, CUE_PLURAL) ? at(r, i) : NULL;
            if (!m)
                continue;
            int noun = 0, want = anaphor_number(r, i, (long)m->e);
            for (long j = i; j < (long)m->e; j++)
                noun |= WORD_IN(r, j, STATE_NOUNS);
            cset pr = noun ? plural_referent(r, i, (long)m->e) : (cset){{0}, 0};
            /* the group must be as many as the anaphor says */
            if (pr.n >= 2 && (!want || pr.n == want) && !cs_meets(&pr, &subjset))
                obj = pr;
            break;
        }
    /* "was signed in Baghdad in April 2012 by the governments of the two
     * countries", "ratified by both sides": an anaphor as the agent */
    if (passive && !by.n)
        for (long i = te; i < hi && i < te + 12 && !is_punct(r, i, ','); i++)
            if (is_word(r, i, "by")) {
                long e = i + 1;
                if (is_word(r, e, "the") && WORD_IN(r, e + 1, STATE_NOUNS) && is_word(r, e + 2, "of"))
                    e += 3; /* "the governments of" */
                if (plural_anaphor(r, e, e + 1))
                    by = plural_referent(r, e, e + 4);
                break;
            }
    if (passive && by.n) {
        cs_union(src, &by);
        if (!*subj_treaty)
            cs_union(tgt, &subjset);
    } else if (passive && tr->type == CASUS_EV_SUMMON_AMBASSADOR && subjset.n && obj.n && !cs_meets(&obj, &subjset)) {
        /* "British Ambassador Nigel Casey was summoned to the Russian
         * Foreign Ministry": the envoy's state is the one summoned, the
         * ministry's the one summoning */
        cs_union(tgt, &subjset);
        cs_union(src, &obj);
        cs_minus(src, tgt);
    } else if (passive && tr->type == CASUS_EV_SUMMON_AMBASSADOR && subjset.n && !obj.n) {
        /* "The Chinese ambassador has been summoned again": the envoy's
         * state is summoned; who summoned it the discourse says */
        cs_union(tgt, &subjset);
    } else if (tr->subj_target) {
        cs_union(tgt, &subjset);
        /* "to buy French Caesar howitzers", "took delivery of Russia's
         * S-400 air defence system": a demonym or a possessive on the item
         * is the seller */
        for (size_t g = 0; g < r->ng && !src->n; g++)
            if ((long)r->g[g].s >= te && (long)r->g[g].s <= te + 3 && r->g[g].prep < 0 &&
                ((r->am[r->g[g].last].actor && r->am[r->g[g].last].actor->kind == AK_DEMONYM) ||
                 r->am[r->g[g].last].poss) &&
                (size_t)r->g[g].e < r->nt) {
                int item = 0;
                for (long j = (long)r->g[g].e; (size_t)j < r->nt && j < (long)r->g[g].e + 5 && !item; j++)
                    item = cue_at(r, j, CUE_ARMS) != 0 || designator(r, j);
                if (item)
                    cs_union(src, &r->g[g].codes);
            }
        if (!src->n)
            cs_union(src, &from);
        /* "signed a contract with the United States to buy" */
        if (!src->n)
            cs_union(src, &with);
        for (size_t g = 0; g < r->ng && !src->n; g++)
            if ((long)r->g[g].s >= lo && (long)r->g[g].e <= ts && r->g[g].prep >= 0 &&
                is_word(r, r->g[g].prep, "with") && (subj < 0 || (long)r->g[g].s > (long)r->g[subj].s))
                cs_union(src, &r->g[g].codes);
        if (!tgt->n)
            cs_union(tgt, &obj);
    } else if (tr->form == FORM_NOUN && (tr->type == CASUS_EV_CONDEMN || tr->type == CASUS_EV_WARN) && from.n &&
               is_word(r, te, "from")) {
        /* "Berlin's brigade draws warnings from Moscow": the words come
         * from the name after "from"; the name before is what they are about */
        cs_union(src, &from);
        cs_union(tgt, &subjset);
        cs_union(tgt, &obj);
    } else {
        cs_union(src, &subjset);
        cs_union(tgt, &obj);
        /* "a naval exercise by the U.S., Japan and South Korea" */
        if (tr->form == FORM_NOUN && !src->n)
            cs_union(src, &by);
        /* "denounced a naval exercise by the U.S. and Japan" */
        if ((tr->type == CASUS_EV_CONDEMN || tr->type == CASUS_EV_WARN) && !tgt->n)
            cs_union(tgt, &by);
        /* "lodged a strong protest with Pyongyang" */
        if (tr->type == CASUS_EV_CONDEMN && !tgt->n)
            cs_union(tgt, &with);
        joint = tr->type == CASUS_EV_TREATY_SIGNED || tr->type == CASUS_EV_MILITARY_EXERCISE ||
                tr->type == CASUS_EV_INTELLIGENCE_SHARING || tr->type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE;
        if (together && src->n && tr->type != CASUS_EV_CONDEMN)
            cs_union(src, &with);
        else if (tr->type == CASUS_EV_INTELLIGENCE_SHARING && src->n == 1 && with.n && casusi_intel_given(tr))
            *tgt = with; /* "France shared intelligence with Benin and Nigeria": they receive it */
        else if (tr->with_target)
            cs_union(tgt, &with);
        else if (joint)
            cs_union(src, &with);
        /* "would take every necessary measure against any further
         * provocation from Cambodia": words come from their subject; what
         * comes "from" a name is what they answer */
        if (!src->n && (tr->type == CASUS_EV_CONDEMN || tr->type == CASUS_EV_WARN)) {
            if (!tgt->n)
                cs_union(tgt, &from);
        } else if (!src->n)
            cs_union(src, &from);
    }
}

/* Whether a determiner or a possessive in [from, i) makes the noun at i
 * definite ("the sanctions", "this week's launch", "their strikes"): it
 * refers to something already told. */
static int definite(const rd *r, long from, long i)
{
    for (long j = i - 1; j >= from; j--)
        if (is_word(r, j, "the") || is_word(r, j, "this") || is_word(r, j, "these") || is_word(r, j, "that") ||
            is_word(r, j, "those") || is_word(r, j, "its") || is_word(r, j, "their") || (r->t[j].fl & TF_POSS))
            return 1;
    return 0;
}

/* An event named by a noun after a condemnation ("criticised the sanctions",
 * "the satellite, launched late Tuesday, was condemned" is handled by the
 * same-sentence rule): the most recent earlier event of that type by
 * others; its sources go to *tgt. Generic nouns ("the decision", "the
 * move") name the most recent event of any kind. */
void casusi_event_ref(const rd *r, long te, const cset *src, cset *tgt)
{
    static const struct { int cue; casus_evtype type; } NOUNS[] = {
        {CUE_SANCTION, CASUS_EV_SANCTIONS}, {CUE_EXERCISE, CASUS_EV_MILITARY_EXERCISE},
        {CUE_MISSILE, CASUS_EV_MISSILE_TEST}, {CUE_TROOPS, CASUS_EV_TROOPS_DEPLOYED},
        {CUE_ARMS, CASUS_EV_ARMS_TRANSFERRED}, {CUE_EVREF, CASUS_EV__COUNT}};
    for (long i = te; (size_t)i < r->nt && i < te + 6; i++) {
        if (is_boundary(r, i) || is_punct(r, i, ',') || is_punct(r, i, '.') || is_punct(r, i, ';'))
            return;
        if (group_at(r, i) >= 0)
            return;
        for (size_t k = 0; k < sizeof NOUNS / sizeof *NOUNS; k++) {
            if (!cue_starts(r, i, NOUNS[k].cue))
                continue;
            /* the noun is definite: "the sanctions", "this week's launch" */
            if (!definite(r, te, i))
                return;
            /* "denounced the dispatch", "condemned the delivery": a generic
             * noun that names an event type refers to the last such event,
             * if any */
            int types[8], nt = NOUNS[k].type == CASUS_EV__COUNT ? event_types_at(r, i, types, 8) : 0, typed = 0;
            /* "the launch": the state that launched most in the article so
             * far, the latest of equals (not a launch a drill answered it
             * with, nor one read into a reaction) */
            int launch = NOUNS[k].type == CASUS_EV_MISSILE_TEST;
            for (int u = 0; u < nt; u++)
                launch |= r->lx->triggers[types[u]].type == CASUS_EV_MISSILE_TEST;
            if (launch) {
                /* one pass over the last LAUNCH_WINDOW events (a long text
                 * stays linear): each launcher's count and latest launch */
                enum { LAUNCHERS = 16, LAUNCH_WINDOW = 512 };
                const rev *last[LAUNCHERS];
                int count[LAUNCHERS], nl = 0;
                for (size_t e = r->nev > LAUNCH_WINDOW ? r->nev - LAUNCH_WINDOW : 0; e < r->nev; e++) {
                    const rev *p = &r->ev[e];
                    if (p->dead || p->type != CASUS_EV_MISSILE_TEST || !p->src.n || cs_meets(&p->src, src))
                        continue;
                    int l = 0;
                    while (l < nl && !cs_eq(&last[l]->src, &p->src))
                        l++;
                    if (l == nl) {
                        if (nl == LAUNCHERS)
                            continue;
                        count[nl++] = 0;
                    }
                    count[l]++;
                    last[l] = p;
                }
                int b = -1;
                for (int l = 0; l < nl; l++)
                    if (b < 0 || count[l] > count[b] || (count[l] == count[b] && last[l] > last[b]))
                        b = l;
                if (b >= 0)
                    *tgt = last[b]->src;
                return;
            }
            for (size_t e = r->nev; e-- > 0 && !typed;)
                for (int u = 0; u < nt && !typed; u++)
                    typed = !r->ev[e].dead && r->ev[e].src.n && !cs_meets(&r->ev[e].src, src) &&
                            r->ev[e].type == r->lx->triggers[types[u]].type;
            for (size_t e = r->nev; e-- > 0;) {
                const rev *p = &r->ev[e];
                if (p->dead || cs_meets(&p->src, src) || !p->src.n)
                    continue;
                int want = !typed;
                for (int u = 0; u < nt && !want; u++)
                    want = p->type == r->lx->triggers[types[u]].type;
                if (NOUNS[k].type == CASUS_EV__COUNT
                        ? (p->type == CASUS_EV_CONDEMN || p->type == CASUS_EV_WARN ||
                           p->type == CASUS_EV_DENY_ACCUSATION || !want)
                        : p->type != NOUNS[k].type)
                    continue;
                /* "criticised the purchase": the buyer */
                int buyer = p->type == CASUS_EV_ARMS_TRANSFERRED &&
                            (is_word(r, i, "purchase") || is_word(r, i, "purchases") ||
                             is_word(r, i, "acquisition") || is_word(r, i, "acquisitions"));
                *tgt = buyer && p->tgt.n ? p->tgt : p->src;
                return;
            }
            return;
        }
    }
}

/* "Estonian airspace violation", "a Polish territory incursion": a state
 * before these words is the victim, not the attacker of the noun at i. */
static int victim_before(const rd *r, int g, long i)
{
    for (long j = (long)r->g[g].e; j < i; j++)
        if (is_word(r, j, "airspace") || is_word(r, j, "territory") || is_word(r, j, "territorial") ||
            is_word(r, j, "waters") || is_word(r, j, "border") || is_word(r, j, "sovereignty"))
            return 1;
    return 0;
}

/* "Russian drones entered Polish airspace", "jets crossed into Estonian
 * airspace": a verb of crossing whose object is another's airspace,
 * waters or territory names an attack (a violation). */
static int trespass(const rd *r, long i)
{
    static const char *const CROSS[] = {"entered", "entering", "crossed", "crossing", "intruded", "penetrated", "strayed"};
    static const char *const SPACE[] = {"airspace", "waters", "territory"};
    /* runs for every token: the lengths of the words above by first letter */
    static const uint16_t LENS[32] = {['c' & 31] = 1 << 7 | 1 << 8, ['e' & 31] = 1 << 7 | 1 << 8,
                                      ['i' & 31] = 1 << 8, ['p' & 31] = 1 << 10, ['s' & 31] = 1 << 7};
    uint32_t n = r->t[i].e - r->t[i].s;
    if (r->t[i].kind != TK_WORD || n >= 16 || !(LENS[r->text[r->t[i].s] & 31] >> n & 1) ||
        !WORD_IN(r, i, CROSS))
        return 0;
    for (long j = i + 1; j < i + 5 && (size_t)j < r->nt; j++)
        if (WORD_IN(r, j, SPACE))
            return 1;
    return 0;
}

/* Attacks named in the sentence: the attacker of a noun is the actor
 * modifying it ("the Israeli strike", "Russia's incursion") or after "by";
 * of a verb, its subject ("When Israel bombed"). The last one is kept for
 * "condemned the strike". */
void casusi_note_attacks(rd *r)
{
    for (long i = 0; (size_t)i < r->nt; i++) {
        int noun = cue_starts(r, i, CUE_ATTACK), verb = !noun && (cue_starts(r, i, CUE_ATTACKV) || trespass(r, i));
        if (!noun && !verb)
            continue;
        long e = at(r, i) ? (long)at(r, i)->e : i + 1;
        int g = -1;
        for (long j = i - 1; j >= 0 && j >= i - (verb ? 8 : 4) && g < 0; j--) {
            /* "von der Leyen both condemned the attack": a word of
             * reaction is a verb whatever stands before it */
            if (is_boundary(r, j) || r->t[j].kind == TK_PUNCT ||
                (noun && (verb_tok(r, j) || casusi_trigger_type_at(r, j, CASUS_EV_CONDEMN, 0) ||
                          casusi_trigger_type_at(r, j, CASUS_EV_WARN, 0) || cue_at(r, j, CUE_REACT))))
                break;
            int h = group_at(r, j);
            static const char *const SUB[] = {"after", "before", "since", "until", "when", "as"};
            if (h >= 0 && (r->g[h].prep < 0 || (noun && (r->t[r->g[h].e - 1].fl & TF_POSS)) ||
                           (verb && WORD_IN(r, r->g[h].prep, SUB)))) /* "eight days after Israel struck" */
                g = h;
            else if (h >= 0)
                break; /* "the strike on Doha" is no attacker */
        }
        if (noun && g < 0 && is_word(r, e, "by"))
            g = group_at(r, e + 1);
        if (g >= 0 && noun && victim_before(r, g, i))
            g = -1;
        if (g >= 0 && r->g[g].codes.n)
            r->last_attack = r->g[g].codes;
    }
}

/* The attack noun ("strike", "incursion") among the six tokens from te in
 * the same clause, past a date inside its noun phrase ("condemned the Sept.
 * 9 strike"); -1 when none. */
static long attack_noun(const rd *r, long te)
{
    for (long i = te, n = 0; (size_t)i < r->nt && n < 6; i++, n++) {
        const dmen *dm = date_at(r, i);
        if (dm) {
            i = (long)dm->e - 1;
            continue;
        }
        if (is_boundary(r, i) || r->t[i].kind == TK_PUNCT)
            return -1;
        if (cue_starts(r, i, CUE_ATTACK))
            return i;
    }
    return -1;
}

/* "After India struck targets in Pakistan, the Turkish foreign ministry
 * condemned what it called provocative steps": a step or an action
 * condemned in a sentence that opens with "when" or "after", the subject
 * and an attack verb, is that attacker's. */
static void when_attacker(const rd *r, long te, const cset *src, cset *tgt)
{
    if (tgt->n || !(is_word(r, 0, "when") || is_word(r, 0, "after")))
        return;
    long n = -1;
    for (long i = te, k = 0; (size_t)i < r->nt && k < 8 && n < 0; i++, k++) {
        if (is_boundary(r, i))
            return;
        if (cue_starts(r, i, CUE_EVREF))
            n = i;
    }
    int h = group_at(r, 1);
    if (n < 0 || h < 0 || r->g[h].prep > 0 || !cue_starts(r, (long)r->g[h].e, CUE_ATTACKV) || (long)r->g[h].e >= te)
        return;
    *tgt = r->g[h].codes;
    cs_minus(tgt, src);
}

/* "condemned the strike", "denounced the incursion": aimed at the one who
 * struck, named just before the noun or last. */
void casusi_attack_ref(rd *r, long te, const cset *src, cset *tgt)
{
    long i = attack_noun(r, te);
    if (i < 0) {
        when_attacker(r, te, src, tgt);
        return;
    }
    int g = -1, def = definite(r, te, i);
    for (long j = i - 1; j >= te && g < 0; j--)
        g = group_at(r, j);
    if (g >= 0 && victim_before(r, g, i)) /* "condemned the Estonian airspace violation" */
        g = -1;
    long e = (long)at(r, i)->e;
    if (g < 0 && is_word(r, e, "by"))
        g = group_at(r, e + 1);
    /* "When a Venezuelan patrol boat approached..., Guyana condemned the
     * incursion": the subject of the opening when-clause */
    if (g < 0 && def && (is_word(r, 0, "when") || is_word(r, 0, "after"))) {
        int h = group_at(r, 1) >= 0 ? group_at(r, 1) : group_at(r, 2);
        if (h < 0 && is_word(r, 1, "a"))
            h = group_at(r, 2);
        if (h >= 0 && r->g[h].prep < 0 && (long)r->g[h].e < te)
            g = h;
    }
    if (g >= 0) {
        *tgt = r->g[g].codes;
        r->last_attack = r->g[g].codes; /* "Moldova also denounced the violation" */
    } else if (def)
        *tgt = r->last_attack;
    cs_minus(tgt, src);
}

/* "condemned the strike on Doha", "the violation of Polish airspace", "the
 * incursion into Estonian airspace": takes the codes of the group after the
 * attack noun's preposition out of *tgt. */
void casusi_attack_victim(const rd *r, long te, cset *tgt)
{
    static const char *const ON[] = {"on", "of", "into", "against", "in", "over"};
    long i = attack_noun(r, te);
    if (i < 0)
        return;
    long e = (long)at(r, i)->e;
    if (!WORD_IN(r, e, ON))
        return;
    int g = group_at(r, e + 1);
    if (g < 0 && cue_at(r, e + 1, CUE_DET))
        g = group_at(r, e + 2);
    if (g >= 0)
        cs_minus(tgt, &r->g[g].codes);
}

/* "condemned the armed intervention, which violated Venezuela's
 * sovereignty", "an assault on British sovereignty": a state whose
 * sovereignty or airspace the clause after te names is the victim; takes
 * it out of *tgt, unless the clause names it otherwise too. (Territory,
 * waters and soil were tried: "warned Stockholm ... on Swedish soil",
 * "mercenaries ... on Malian territory" are aimed at that state.) */
void casusi_sovereignty_victim(const rd *r, long te, cset *tgt)
{
    static const char *const LAND[] = {"sovereignty", "airspace"};
    cset victim = {{0}, 0}, other = {{0}, 0};
    for (size_t g = 0; g < r->ng; g++) {
        const group *gp = &r->g[g];
        if ((long)gp->s < te)
            continue;
        int sep = 0;
        for (long i = te; i < (long)gp->s && !sep; i++)
            sep = is_boundary(r, i) || is_punct(r, i, ';');
        if (sep)
            break;
        cs_union(WORD_IN(r, (long)gp->e, LAND) ? &victim : &other, &gp->codes);
    }
    /* not one named as the object too: "warned Stockholm ... on Swedish soil" */
    cs_minus(&victim, &other);
    cs_minus(tgt, &victim);
}

/* The object of an event's trigger is a name the dictionaries do not know
 * ("warned the Houthis", "accused Hezbollah", "blames the Islamic
 * Resistance in Iraq"): a party that is no state, so none is guessed. */
static int unknown_object(const rd *r, const rev *c)
{
    long te = at(r, c->tok) ? (long)at(r, c->tok)->e : c->tok + 1;
    for (long i = te, n = 0; (size_t)i < r->nt && n < 3; i++, n++) {
        if (is_boundary(r, i) || r->t[i].kind == TK_PUNCT || date_at(r, i) || group_at(r, i) >= 0)
            return 0;
        if (r->t[i].kind == TK_WORD && (r->t[i].fl & TF_CAP) && !at(r, i))
            return 1;
        if (!cue_at(r, i, CUE_DET))
            return 0;
    }
    return 0;
}

static int hostile(casus_evtype t)
{
    return t == CASUS_EV_CONDEMN || t == CASUS_EV_WARN || t == CASUS_EV_SANCTIONS ||
           t == CASUS_EV_SUMMON_AMBASSADOR;
}

/* Notes the states that the events before `first` condemned, warned,
 * sanctioned or summoned (once each, so an article's events are looked at
 * once, not once per sentence). */
static void note_foes(rd *r, size_t first)
{
    for (; r->foes_upto < first; r->foes_upto++) {
        const rev *y = &r->ev[r->foes_upto];
        if (y->dead || !hostile(y->type))
            continue;
        for (int k = 0; k < y->tgt.n; k++) {
            int f = 0;
            while (f < r->nfoes && !same_code(r->foes[f], y->tgt.c[k]))
                f++;
            if (f == r->nfoes && f < (int)(sizeof r->foes / sizeof *r->foes))
                r->foes[r->nfoes++] = y->tgt.c[k];
        }
    }
}

/* The state named most recently before this sentence, not among src, that
 * an earlier event of the article condemned, warned, sanctioned or
 * summoned; NULL if none. */
static const char *recent_foe(const rd *r, const cset *src)
{
    for (int k = 0; k < r->nrecent; k++) {
        if (cs_has(src, r->recent[k]))
            continue;
        for (int f = 0; f < r->nfoes; f++)
            if (same_code(r->foes[f], r->recent[k]))
                return r->recent[k];
    }
    return NULL;
}

/* "Padrino López is not a stranger to Washington's lists: the Treasury
 * sanctioned him": an object "him" or "her" is the person this sentence
 * named before the verb, else the person last named as a subject; NULL
 * when neither is known or the person is the source's own. */
static const char *person_object(const rd *r, const rev *c)
{
    long te = at(r, c->tok) ? (long)at(r, c->tok)->e : c->tok + 1;
    if ((size_t)te >= r->nt || !(is_word(r, te, "him") || is_word(r, te, "her")))
        return NULL;
    for (size_t a = 0; a < r->nam && (long)r->am[a].s < c->tok; a++)
        if (r->am[a].actor && r->am[a].actor->kind == AK_LEADER)
            return cs_has(&c->src, r->am[a].code) ? NULL : r->am[a].code;
    if (r->last_person.n == 1 && !cs_has(&c->src, r->last_person.c[0]))
        return r->last_person.c[0];
    return NULL;
}

/* Actual events from the sentence's first event on whose own words name
 * no target ("Russia's foreign ministry denounced the verdict as politically
 * motivated"; "He warned that Seoul would respond sternly") take one from
 * the discourse as a guess, which stands only if no restatement gives the
 * fact a target (casusi_finish_article): for words and measures, the state
 * named most recently that the article has already shown as someone's
 * adversary, else the state named most recently ("sanctioned him": the
 * person's state first, see person_object); for aid, the last state
 * the sentence names, else the one named most recently. The source's own
 * states are never the guess, and an object the dictionaries do not know
 * ("warned the Houthis") takes none. */
void casusi_discourse_targets(rd *r, size_t first)
{
    note_foes(r, first);
    for (size_t i = first; i < r->nev; i++) {
        rev *c = &r->ev[i];
        int aid = c->type == CASUS_EV_AID_PLEDGED;
        if (c->tgt.n || !c->src.n || c->dead || c->mod != CASUS_MOD_ACTUAL ||
            !(aid || hostile(c->type) || c->type == CASUS_EV_TROOPS_DEPLOYED) ||
            unknown_object(r, c))
            continue;
        /* "the carrier strike group entered the Caribbean Sea": a sea has
         * no host, and the states named around it are none */
        if (c->type == CASUS_EV_TROOPS_DEPLOYED && c->d.place_id) {
            const casus_place *pl = casus_kb_place(r->kb, c->d.place_id, NULL);
            if (pl && !pl->sovereign)
                continue;
        }
        const char *g = aid ? NULL : person_object(r, c);
        if (!g && !aid)
            g = recent_foe(r, &c->src);
        for (size_t a = r->nam; aid && !g && a-- > 0;)
            if (!r->am[a].org && !cs_has(&c->src, r->am[a].code))
                g = r->am[a].code;
        for (int k = 0; !g && k < r->nrecent; k++)
            if (!cs_has(&c->src, r->recent[k]))
                g = r->recent[k];
        if (g)
            cs_add(&c->guess, g);
    }
}
