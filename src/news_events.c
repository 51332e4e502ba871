/*
 * news_events.c -- triggers to events: each trigger read in its clause
 * (what it needs nearby, negation, questions, conditionals, modality,
 * hedges, tense and date), denials said by a predicate ("the claim is
 * entirely without foundation"), collective-defence clauses, and a
 * sentence's events in order.
 */
#include "read_int.h"

#include <limits.h>
#include <string.h>

/* "if the other is attacked", "in the event of an armed attack", "should
 * either come under attack": a condition of attack in the clause after
 * token te. Returns the token after the attack word, or 0. */
static long attack_condition(const rd *r, long te)
{
    for (long i = te; (size_t)i < r->nt && i < te + 24; i++) {
        if (is_punct(r, i, ';') || is_boundary(r, i))
            return 0;
        if (!cue_starts(r, i, CUE_COND) || is_word(r, i, "unless") || is_word(r, i, "whether"))
            continue;
        for (long j = i + 1; (size_t)j < r->nt && j < i + 9; j++) {
            if (r->t[j].kind == TK_PUNCT && !is_punct(r, j, ','))
                return 0;
            if (is_word(r, j, "attacked") || is_word(r, j, "invaded") || is_word(r, j, "attack") ||
                is_word(r, j, "aggression") || is_word(r, j, "invasion"))
                return j + 1;
        }
        return 0;
    }
    return 0;
}

/* "the agreement on stationing the brigade", "a deal for supplying
 * drones": what a treaty is about is no event of its own (tr: the trigger
 * at i, or NULL for any) */
static int treaty_content(const rd *r, long i, const lx_trigger *tr)
{
    if (tr && (tr->form == FORM_NOUN || tr->type == CASUS_EV_TREATY_SIGNED))
        return 0;
    return i >= 2 && (is_word(r, i - 1, "on") || is_word(r, i - 1, "for") || is_word(r, i - 1, "of")) &&
           cue_at(r, i - 2, CUE_TREATY);
}

/* "joined the alliance": the alliance named before, in this sentence or an
 * earlier one */
static const char *org_ref(const rd *r, long te)
{
    long i = te;
    if (cue_at(r, i, CUE_DET))
        i++;
    /* "the regional bloc", "the Western military alliance" */
    for (int k = 0; k < 2 && (size_t)i + 1 < r->nt && r->t[i].kind == TK_WORD && !at(r, i) && !is_word(r, i, "alliance") &&
                    !is_word(r, i, "bloc"); k++)
        i++;
    if (!is_word(r, i, "alliance") && !is_word(r, i, "bloc") && !is_word(r, i, "organisation") &&
        !is_word(r, i, "organization"))
        return NULL;
    for (size_t a = r->nam; a-- > 0;)
        if (r->am[a].org && (long)r->am[a].s < te)
            return r->am[a].code;
    return r->last_org;
}

/* A named grouping the dictionaries do not know: "joined the US-led
 * International Maritime Security Construct", "joined the Americas Counter
 * Cartel Coalition" -- capitalised words ending in a grouping's head noun. */
static int named_coalition(const rd *r, long te)
{
    long i = te;
    if (cue_at(r, i, CUE_DET))
        i++;
    int caps = 0;
    for (long k = 0; (size_t)i < r->nt && k < 9; k++, i++) {
        const ntok *t = &r->t[i];
        if (t->kind != TK_WORD)
            return 0;
        if (!(t->fl & TF_CAP)) {
            /* "US-led", "Saudi-backed": a lower-case word joined by a hyphen */
            if (!(t->fl & TF_HYPH))
                return 0;
            continue;
        }
        caps++;
        if (caps >= 2 && (is_word(r, i, "coalition") || is_word(r, i, "construct") || is_word(r, i, "alliance") ||
                          is_word(r, i, "pact") || is_word(r, i, "organization") || is_word(r, i, "organisation")))
            return 1;
    }
    return 0;
}

/* A need word inside a longer match counts when that match is no trigger,
 * or a trigger for the event the word belongs to: "sanctions" in "sanctions
 * against", not "aid" in "come to the aid of". */
static int inside_ok(const rd *r, long i, int need)
{
    static const casus_evtype TYPE_FOR[] = {CASUS_EV__COUNT, CASUS_EV__COUNT, CASUS_EV_TROOPS_DEPLOYED,
        CASUS_EV_ARMS_TRANSFERRED, CASUS_EV_AID_PLEDGED, CASUS_EV_MISSILE_TEST, CASUS_EV_SUMMON_AMBASSADOR,
        CASUS_EV__COUNT, CASUS_EV_MILITARY_EXERCISE, CASUS_EV_INTELLIGENCE_SHARING, CASUS_EV_SANCTIONS,
        CASUS_EV_DENY_ACCUSATION, CASUS_EV_MUTUAL_DEFENSE_PLEDGE, CASUS_EV_AID_PLEDGED, CASUS_EV_WARN};
    const lx_match *m = at(r, i);
    if (!m || !has_cat(r, m, LX_TRIGGER))
        return 1;
    uint32_t np;
    const lx_payload *p = pays_of(r, m, &np);
    for (uint32_t k = 0; k < np; k++)
        if (p[k].cat == LX_TRIGGER && r->lx->triggers[p[k].idx].type == TYPE_FOR[need])
            return 1;
    return 0;
}

/* A sum of money at token i: "$300 million", "C$80.5 million", "€1.5bn",
 * "EUR 250 million", "500 million euros" (currency words are the currency
 * cue; symbols are read from the text, the tokenizer drops them). */
static int money_at(const rd *r, long i)
{
    if (i < 0 || (size_t)i >= r->nt)
        return 0;
    const ntok *t = &r->t[i];
    const unsigned char *x = (const unsigned char *)r->text;
    size_t s = t->s;
    if (t->kind != TK_NUM && !(t->kind == TK_WORD && x[s] >= '0' && x[s] <= '9')) /* "1.5bn" is a word */
        return 0;
    if (s >= 1 && x[s - 1] == '$')
        return 1;
    if (s >= 2 && x[s - 2] == 0xC2 && (x[s - 1] == 0xA3 || x[s - 1] == 0xA5)) /* £ ¥ */
        return 1;
    if (s >= 3 && x[s - 3] == 0xE2 && x[s - 2] == 0x82 && (x[s - 1] == 0xAC || x[s - 1] == 0xB9)) /* € ₹ */
        return 1;
    if (cue_at(r, i - 1, CUE_CURRENCY))
        return 1;
    long j = i + 1;
    if (cue_at(r, j, CUE_MULT))
        j++;
    /* "2.4 million US dollars", "A$100 million Australian dollars" */
    if (!cue_at(r, j, CUE_CURRENCY) && group_at(r, j) >= 0)
        j = (long)r->g[group_at(r, j)].e;
    return cue_at(r, j, CUE_CURRENCY) != 0;
}

/* A body the dictionaries need not know, at token i: an acronym the
 * lexicon does not know ("CEEAC", "IGAD"; four to seven capitals), or a
 * name of capitalised words that calls itself a community, organisation,
 * authority or commission ("the Economic Community of Central African
 * States"). */
static int unknown_body(const rd *r, long i)
{
    static const char *const BODY[] = {"community", "organisation", "organization", "authority", "commission"};
    if (is_word(r, i, "the"))
        i++;
    if ((size_t)i >= r->nt || r->t[i].kind != TK_WORD || !(r->t[i].fl & TF_CAP) || at(r, i))
        return 0;
    size_t n = r->t[i].e - r->t[i].s, up = 0;
    for (size_t k = r->t[i].s; k < r->t[i].e; k++)
        up += r->text[k] >= 'A' && r->text[k] <= 'Z';
    if (n >= 4 && n <= 7 && up == n) /* not "left the KGB" */
        return 1;
    for (long k = i; (size_t)k < r->nt && k < i + 8; k++) {
        if (WORD_IN(r, k, BODY))
            return 1;
        if (r->t[k].kind != TK_WORD || !((r->t[k].fl & TF_CAP) || is_word(r, k, "of") || is_word(r, k, "for")))
            return 0;
    }
    return 0;
}

/* A verb or noun that only moves a force ("deploy", "station"), not one
 * that may also hand weapons over ("send", "move"). */
static int deploy_verb(const rd *r, long ts)
{
    static const char *const DEPLOY[] = {"deploy", "deployed", "deploys", "deploying", "redeploy", "redeployed",
                                         "deployment", "deployments", "redeployment", "station", "stationed",
                                         "stationing", "stations"};
    return WORD_IN(r, ts, DEPLOY);
}

/* Whether a date at token s opens the sentence: first, or after "In",
 * "On", "late", "early" ("In late August 2022, Ankara accused ...;
 * Athens denied") */
static int opens_date(const rd *r, long s)
{
    static const char *const LEAD[] = {"in", "on", "late", "early", "mid", "by", "during", "the"};
    if (s <= 1)
        return 1;
    if (s > 3)
        return 0;
    for (long i = 0; i < s; i++)
        if (!WORD_IN(r, i, LEAD))
            return 0;
    return 1;
}

/* A deployment or arrival verb at [ts, te) with no object ("deployed to
 * Fiji", "arrived in Belgium") whose subject, within six tokens before, is
 * a military body: an army, a navy, a force, a unit. */
static int military_subject(const rd *r, long ts, long te)
{
    static const char *const ARRIVE[] = {"arrive", "arrived", "arrives", "arriving"};
    static const char *const INTO[] = {"to", "in", "into"};
    static const char *const UNIT[] = {"army", "navy", "force", "forces", "military", "marines", "corps",
                                       "contingent", "units", "unit", "battalion", "brigade", "regiment",
                                       "division", "squadron", "guard"};
    if (!(deploy_verb(r, ts) || WORD_IN(r, ts, ARRIVE)) || te != ts + 1 || !WORD_IN(r, te, INTO) ||
        (ts > 0 && (cue_at(r, ts - 1, CUE_BE) || is_word(r, ts - 1, "to")))) /* "would be deployed", "to deploy" */
        return 0;
    for (long i = ts - 1; i >= 0 && i >= ts - 6; i--) {
        if (is_boundary(r, i) || r->t[i].kind == TK_PUNCT)
            return 0;
        if (WORD_IN(r, i, UNIT))
            return 1;
    }
    return 0;
}

/* A verb that hands arms over ("transferred", "handed over", "donated"). */
static int handover_verb(const rd *r, long ts)
{
    static const char *const HAND[] = {"transfer",  "transferred", "transfers", "transferring", "hand",
                                       "handed",    "hands",       "handing",   "deliver",      "delivered",
                                       "delivers",  "delivering",  "donate",    "donated",      "donates",
                                       "donating",  "gift",        "gifted",    "sell",         "sold",
                                       "sells",     "selling",     "give",      "gave",         "given"};
    return WORD_IN(r, ts, HAND);
}

/* An order of arms: "Estonia ordered six HIMARS launchers from the United
 * States", "fighters ordered from France"; not "ordered the MiG-29
 * scramble", "a drill ordered by Kim Jong Un", "Were Delhi ever to order".
 * The arms (at w) follow the verb with a number before them or "from"
 * after them in the clause. */
static int arms_order(const rd *r, long ts, long te, long w)
{
    if (w < te || w > te + 6 || is_word(r, te, "by") || is_word(r, ts - 1, "to"))
        return 0;
    for (long i = te; i < w; i++)
        if (r->t[i].kind == TK_NUM || cue_at(r, i, CUE_NUMBER))
            return 1;
    for (long i = w + 1; (size_t)i < r->nt && i < w + 8 && !is_boundary(r, i); i++)
        if (is_word(r, i, "from"))
            return 1;
    return 0;
}

/* Does phrase p end with the word w ("exercise with")? */
static int ends_with_word(const char *p, const char *w)
{
    size_t n = strlen(p), l = strlen(w);
    return n > l && p[n - l - 1] == ' ' && !strcmp(p + n - l, w);
}

/* "live-fire drills in six closure zones around Taiwan", "the war games
 * China staged around the island" (Taiwan, contextual.yaml), "encircled
 * Taiwan": a drill around a state that takes no part in it is aimed at
 * that state. */
static void encircled(const rd *r, long ts, long te, const cset *src, cset *tgt)
{
    static const char *const AROUND[] = {"around", "encircling", "encircled", "encircle", "surrounding", "encircles"};
    long lo = ts - 4 < 0 ? 0 : ts - 4;
    for (long i = lo; (size_t)i + 1 < r->nt && i < te + 14; i++) {
        if (i >= te && is_boundary(r, i))
            return;
        if (!WORD_IN(r, i, AROUND))
            continue;
        int g = group_at(r, i + 1);
        if (g < 0 && is_word(r, i + 1, "the"))
            g = group_at(r, i + 2);
        if (g >= 0 && r->g[g].codes.n == 1 && !cs_has(src, r->g[g].codes.c[0]) &&
            casus_kb_state(r->kb, r->g[g].codes.c[0], NULL, NULL)) {
            cs_add(tgt, r->g[g].codes.c[0]);
            return;
        }
    }
}

/* Does token i name an aircraft by its designator ("F-35", "Su-57",
 * "MQ-9B", "KF-21")? i may be the designator's number. */
static int aircraft_designator(const rd *r, long i)
{
    static const char *const AIR[] = {"f", "fa", "kf", "su", "mig", "j", "c", "kc", "b", "e", "p", "a", "mq", "rq",
                                      "tb", "ah", "uh", "ch", "mh", "v"};
    if (i >= 1 && r->t[i].kind == TK_NUM && (r->t[i].fl & TF_HYPH))
        i -= 1; /* "35" of "F-35" */
    return designator(r, i) && WORD_IN(r, i, AIR);
}

/* Initials no dictionary knows at token i: "RAA", "SOSA", "C-SIPA" (three
 * to eight capitals and hyphens). */
static int initials(const rd *r, long i)
{
    const ntok *k = &r->t[i];
    size_t n = k->e - k->s, up = 0;
    for (size_t c = k->s; c < k->e; c++)
        up += (r->text[c] >= 'A' && r->text[c] <= 'Z') || r->text[c] == '-';
    return k->kind == TK_WORD && n >= 3 && n <= 8 && up == n && !at(r, i);
}

/* The last summons the article told, within back sentences, or NULL. */
static const rev *last_summons(const rd *r, int back)
{
    for (size_t k = r->nev; k-- > 0;) {
        const rev *v = &r->ev[k];
        if (v->sent < r->sentno - back)
            return NULL;
        if (v->type == CASUS_EV_SUMMON_AMBASSADOR && !v->dead && v->tgt.n)
            return v;
    }
    return NULL;
}

/* "summoned him", "He was summoned on Aug. 7": a pronoun for the envoy of
 * a summons told just before */
static int envoy_pronoun(const rd *r, long ts, long te)
{
    if (is_word(r, te, "him") || is_word(r, te, "her"))
        return 1;
    long i = ts - 1;
    while (i >= 0 && i >= ts - 3 && (cue_at(r, i, CUE_BE) || is_word(r, i, "again") || is_word(r, i, "also")))
        i--;
    return i < ts - 1 && (is_word(r, i, "he") || is_word(r, i, "she"));
}

/* "six of them", "four more", "them", "the first", "the rest": the object
 * of a handing-over verb that stands for arms named before */
static int arms_pronoun(const rd *r, long te)
{
    if ((size_t)te >= r->nt)
        return 0;
    if (is_word(r, te, "them") || (is_word(r, te, "of") && is_word(r, te + 1, "them")))
        return 1;
    if (r->t[te].kind == TK_NUM || cue_at(r, te, CUE_NUMBER))
        return is_word(r, te + 1, "more") || (is_word(r, te + 1, "of") && is_word(r, te + 2, "them"));
    return is_word(r, te, "the") && (is_word(r, te + 1, "first") || is_word(r, te + 1, "last") ||
                                     is_word(r, te + 1, "rest") || is_word(r, te + 1, "remaining")) &&
           (is_word(r, te + 2, "of") || is_boundary(r, te + 2) || (size_t)te + 2 >= r->nt || r->t[te + 2].kind != TK_WORD ||
            cue_at(r, te + 2, CUE_PREP));
}

/* "the ratification bill", "the law 'On ratification of the Treaty'": a
 * chamber's paper at token i that ratifies. */
static int ratification_paper(const rd *r, long i)
{
    if (is_word(r, i, "ratification"))
        return is_word(r, i + 1, "bill") || is_word(r, i + 1, "law");
    if (!is_word(r, i, "bill") && !is_word(r, i, "law"))
        return 0;
    long j = i + 1 + is_punct(r, i + 1, '"');
    return is_word(r, j, "on") && (is_word(r, j + 1, "ratification") || is_word(r, j + 2, "ratification"));
}

static int need_near(const rd *r, long ts, long te, int need, long *where)
{
    static const int CUE_FOR[] = {0, CUE_TREATY, CUE_TROOPS, CUE_ARMS, CUE_AID, CUE_MISSILE,
                                  CUE_AMBASSADOR, 0, CUE_EXERCISE, CUE_INTEL, CUE_SANCTION,
                                  CUE_CLAIM, CUE_PLEDGE, CUE_CURRENCY, CUE_REPRISAL, CUE_TRADE,
                                  CUE_BLAME, CUE_TERROR};
    if (need == NEED_NONE)
        return 1;
    if (need == NEED_MONEY) {
        /* "pledged EUR 250 million", "committed more than $110 million":
         * a sum in the verb's object, before the clause ends */
        long hi = te + 8 > (long)r->nt ? (long)r->nt : te + 8;
        if (where)
            *where = -1;
        for (long i = te; i < hi && !is_boundary(r, i); i++)
            if (money_at(r, i))
                return 1;
        return 0;
    }
    if (need == NEED_TREATY) {
        if (r->ntm)
            return 1;
        /* "approved Sweden's membership", "Finland's accession": a
         * state's entry is the instrument a parliament approves */
        for (long i = te; (size_t)i + 1 < r->nt && i < te + 4; i++) {
            int g = group_at(r, i);
            if (g >= 0 && (r->t[r->g[g].e - 1].fl & TF_POSS) &&
                (is_word(r, (long)r->g[g].e, "membership") || is_word(r, (long)r->g[g].e, "accession")))
                return 1;
        }
        /* "Turkey's parliament had ratified the accession on 23 January" */
        if (is_word(r, te, "the") && is_word(r, te + 1, "accession"))
            return 1;
        /* "Rwanda left the CEEAC", "is leaving the Economic Community of
         * Central African States" */
        if (unknown_body(r, te))
            return 1;
        /* "froze its membership in IGAD", "suspended its membership of
         * the Intergovernmental Authority on Development": a body the
         * dictionaries need not know */
        for (long i = te; (size_t)i + 2 < r->nt && i < te + 3; i++)
            if ((is_word(r, i, "membership") || is_word(r, i, "participation")) &&
                (is_word(r, i + 1, "in") || is_word(r, i + 1, "of"))) {
                long j = is_word(r, i + 2, "the") ? i + 3 : i + 2;
                if ((size_t)j < r->nt && r->t[j].kind == TK_WORD && (r->t[j].fl & TF_CAP))
                    return 1;
            }
        /* "withdrawing from ECOWAS", "froze its participation in the CSTO",
         * "voted 188 to 6 on Monday to ratify Sweden's accession to NATO" */
        for (size_t a = 0; a < r->nam; a++)
            if (r->am[a].org && (long)r->am[a].s >= te && (long)r->am[a].s < te + 14)
                return 1;
        /* "it was ratified": a pronoun for the article's treaty */
        for (long i = 0; (size_t)i < r->nt; i++)
            if (r->cur_ent >= 0 && (is_word(r, i, "it") || cue_at(r, i, CUE_DENYREF) ||
                                    (is_word(r, i, "participation") && i >= te && i < te + 3)))
                return 1;
        /* "signed a joint declaration", "had signed five documents": a
         * paper in the verb's object; "passed the ratification bill",
         * "adopted the law 'On ratification of the Treaty'" */
        for (long i = te; (size_t)i < r->nt && i < te + 8 && !is_boundary(r, i); i++) {
            if (cue_at(r, i, CUE_INSTRUMENT))
                return 1;
            if (ratification_paper(r, i))
                return 1;
        }
        /* "a Security of Supply Arrangement signed in December 2014", "The
         * RAA was signed": the paper, or initials no dictionary knows, just
         * before the verb and its auxiliaries */
        for (long i = ts - 1; i >= 0 && i >= ts - 4; i--) {
            if (cue_at(r, i, CUE_INSTRUMENT))
                return 1;
            if (cue_at(r, i, CUE_BE))
                continue;
            return i < ts - 1 && initials(r, i);
        }
        return 0;
    }
    long reach = need == NEED_ARMS ? 16 : 12; /* "supplying the paramilitary Rapid Support Forces (RSF) with the long-range drones" */
    long lo = ts - 8 < 0 ? 0 : ts - 8, hi = te + reach > (long)r->nt ? (long)r->nt : te + reach;
    if (need == NEED_BLAME)
        lo = te; /* what the verb calls its object: "called the launch a provocation" */
    /* "The Ambassador of Hungary to Ukraine, Antal Heizer, was summoned" */
    if (need == NEED_AMBASSADOR)
        lo = ts - 14 < 0 ? 0 : ts - 14;
    if (need == NEED_ORG) {
        for (size_t a = 0; a < r->nam; a++)
            if (r->am[a].org && (long)r->am[a].s >= te && (long)r->am[a].s < hi)
                return 1;
        return org_ref(r, te) != NULL || named_coalition(r, te);
    }
    /* the nearest such word; stop at a clause boundary after the trigger.
     * Troops may be ships ("sent the flotilla to Cuba"), but people come
     * first: "seven warships, a submarine and some 4,500 sailors" */
    long best = -1, bd = LONG_MAX;
    int cue = CUE_FOR[need];
again:
    for (long i = lo; i < hi; i++) {
        if (i >= te && is_boundary(r, i))
            break;
        /* the word may sit inside a longer match ("adopted new sanctions
         * against": "sanctions against" is a trigger) */
        int has = cue_at(r, i, cue) || (((r->amask[i] >> cue) & 1) && inside_ok(r, i, need));
        if (!has && !((need == NEED_ARMS || need == NEED_MISSILE) && designator(r, i)))
            continue;
        if (!at(r, i) && !designator(r, i))
            continue;
        long d = i < ts ? ts - i : i >= te ? i - te + 1 : 0;
        if (d < bd) {
            bd = d;
            best = i;
        }
    }
    /* "Dhaka had summoned Verma": a name learnt as an envoy's earlier
     * ("Indian High Commissioner Pranay Verma") */
    if (best < 0 && need == NEED_AMBASSADOR)
        for (long i = lo; i < hi && best < 0; i++) {
            if (i >= te && is_boundary(r, i))
                break;
            long q = at(r, i) ? -1 : casusi_learnt(r, i);
            if (q >= 0 && r->ln[q].envoy && (r->t[i].fl & TF_CAP))
                best = i;
        }
    /* "summoned the head of the European Union's delegation": the head
     * of a delegation or a mission is its envoy */
    if (best < 0 && need == NEED_AMBASSADOR)
        for (long i = te; i < hi && i < te + 4 && best < 0; i++) {
            if (is_boundary(r, i))
                break;
            if ((is_word(r, i, "head") || is_word(r, i, "heads") || is_word(r, i, "chief")) && is_word(r, i + 1, "of"))
                for (long j = i + 2; j < hi && j < i + 9 && best < 0; j++)
                    if (is_word(r, j, "delegation") || is_word(r, j, "mission"))
                        best = j;
        }
    /* "summoned a senior official of the Japanese embassy in Moscow" */
    if (best < 0 && need == NEED_AMBASSADOR)
        for (long i = te; i < hi && i < te + 5 && best < 0; i++) {
            if (is_boundary(r, i))
                break;
            if ((is_word(r, i, "official") || is_word(r, i, "officials")) && is_word(r, i + 1, "of"))
                for (long j = i + 2; j < hi && j < i + 6 && best < 0; j++)
                    if (is_word(r, j, "embassy"))
                        best = j;
        }
    if (best < 0 && need == NEED_AMBASSADOR && envoy_pronoun(r, ts, te) && last_summons(r, 4)) {
        if (where)
            *where = -1;
        return 1;
    }
    /* "Britain transferred two retired Sandown-class minehunters", "a
     * frigate that China handed over": warships handed over are arms */
    if (best < 0 && need == NEED_ARMS && handover_verb(r, ts) && !is_word(r, ts - 1, "to") && /* "learned to sell" */
        !(r->t[ts].fl & TF_CAP)) /* "on Transfer of Defense Equipment" */
        for (long i = lo; i < hi; i++) {
            if (i >= te && is_boundary(r, i))
                break;
            if (casusi_ship_word(r, i) && (best < 0 || labs(i - ts) < labs(best - ts)))
                best = i;
        }
    /* "Russia donated six of them in 2017", "handed over four more", "took
     * delivery of the first": arms the sentences just before named */
    if (best < 0 && need == NEED_ARMS && r->arms_sent && r->arms_sent >= r->sentno - 2 &&
        arms_pronoun(r, te)) {
        if (where)
            *where = -1;
        return 1;
    }
    /* "the Australian Defence Force deployed to Fiji", "An advance party
     * of the German air force arrived in Belgium": a military body as the
     * subject of a deployment verb used without an object */
    if (best < 0 && cue == CUE_TROOPS && military_subject(r, ts, te)) {
        if (where)
            *where = -1;
        return 1;
    }
    if (best < 0 && cue == CUE_TROOPS) {
        cue = CUE_VESSEL;
        goto again;
    }
    /* "deployed its Typhon launcher to the Philippines", "will station
     * long-range strike systems in Germany": a force's own weapons
     * deployed (a deployment verb, not "send", which also hands over) */
    if (best < 0 && cue == CUE_VESSEL && deploy_verb(r, ts)) {
        cue = CUE_ARMS;
        lo = te; /* the object: not "the aircraft each side could deploy", "munitions are stationed" */
        goto again;
    }
    if (where)
        *where = best;
    return best >= 0;
}

/* A trigger that can make an event here: a verb, or a noun trigger. */
static int live_trigger(const rd *r, long i)
{
    const lx_match *m = at(r, i);
    if (!m || !has_cat(r, m, LX_TRIGGER))
        return 0;
    uint32_t np;
    const lx_payload *p = pays_of(r, m, &np);
    for (uint32_t k = 0; k < np; k++)
        if (p[k].cat == LX_TRIGGER && r->lx->triggers[p[k].idx].form == FORM_NOUN)
            return 1;
    return verb_tok(r, i);
}

static int add_event(rd *r, rev *x)
{
    if (GROW(r->ev, r->nev, r->evcap))
        return -1;
    r->ev[r->nev++] = *x;
    return 0;
}

/* A new group of two or more subjects; the one it replaces is kept. */
static void set_multi(rd *r, const cset *c)
{
    if (r->last_multi.n && !cs_eq(&r->last_multi, c)) {
        memmove(r->mhist + 1, r->mhist, sizeof r->mhist - sizeof *r->mhist);
        r->mhist[0] = r->last_multi;
    }
    r->last_multi = *c;
}

/* Does token i name a treaty or a treaty body ("the pact", "ECOWAS")? The
 * test for a treaty step's object. */
static int names_treaty(const rd *r, long i)
{
    if (cue_at(r, i, CUE_TREATY) || ((r->amask[i] >> CUE_TREATY) & 1))
        return 1;
    for (size_t a = 0; a < r->nam; a++)
        if (r->am[a].org && (long)r->am[a].s == i)
            return 1;
    return 0;
}

/* after a verb ending at te: an object of one to five words, then "out
 * of" (or "from", when from is set), then within four words a treaty or
 * a body, before any state ("withdrew its ambassador from Tehran") */
static int out_of_treaty(const rd *r, long te, int from)
{
    for (long i = te + 1; (size_t)i + 1 < r->nt && i <= te + 5; i++) {
        if (is_boundary(r, i) || verb_tok(r, i))
            return 0;
        long k = is_word(r, i, "out") && is_word(r, i + 1, "of") ? i + 2 : from && is_word(r, i, "from") ? i + 1 : -1;
        if (k < 0)
            continue;
        for (long j = k; (size_t)j < r->nt && j < k + 4 && !is_boundary(r, j); j++) {
            if (names_treaty(r, j))
                return 1;
            if (group_at(r, j) >= 0)
                return 0;
        }
        return 0;
    }
    return 0;
}

static int treaty_for(const rd *r, long ts)
{
    int best = -1;
    long bd = LONG_MAX;
    for (size_t k = 0; k < r->ntm; k++) {
        if (r->tment[k] < 0)
            continue;
        long s = (long)r->sel[r->tm[k]].s;
        long d = s > ts ? s - ts : ts - s;
        if (d < bd) {
            bd = d;
            best = r->tment[k];
        }
    }
    return best >= 0 ? best : r->cur_ent;
}

/* Whether a trigger word could make an event here: what one of its
 * entries needs is near. */
static int can_fire(const rd *r, const lx_match *o)
{
    int types[8];
    int n = event_types_at(r, (long)o->s, types, 8);
    for (int u = 0; u < n; u++) {
        const lx_trigger *tr = &r->lx->triggers[types[u]];
        long w;
        if (!need_near(r, (long)o->s, (long)o->e, tr->needs, &w))
            continue;
        /* "two Venezuelan F-16s had flown near the destroyer": flying
         * moves arms only as its object (see do_trigger) */
        if (tr->lemma[0] == 'f' && !strcmp(tr->lemma, "fly") && (w < (long)o->e || w >= (long)o->e + 4))
            continue;
        return 1;
    }
    return 0;
}

/* "Finland and Sweden, which joined in 2023 and 2024 respectively": one
 * event per source, each with its date, in the order written. Returns 1
 * when it added them. */
static int respectively(rd *r, const rev *x, long te)
{
    if (x->src.n < 2)
        return 0;
    long resp = -1;
    for (long i = te; (size_t)i < r->nt && !is_boundary(r, i); i++)
        if (is_word(r, i, "respectively")) {
            resp = i;
            break;
        }
    if (resp < 0)
        return 0;
    const dmen *ds[MAXC];
    size_t nd = 0;
    for (size_t k = 0; k < r->ndm && nd < MAXC; k++)
        if ((long)r->dm[k].s >= te && (long)r->dm[k].e <= resp && !r->dm[k].treatyyear)
            ds[nd++] = &r->dm[k];
    if (nd != x->src.n)
        return 0;
    for (size_t k = 0; k < nd; k++) {
        rev y = *x;
        y.src.n = 0;
        cs_add(&y.src, x->src.c[k]);
        y.date = ds[k]->d;
        if (add_event(r, &y))
            return -1;
    }
    return 1;
}

/* "Bangladesh and India summoned each other's envoys", "Armenia and
 * Azerbaijan accused each other of violating the truce": two sources and
 * no target make one event each way. Returns 1 when it added them. */
static int reciprocal(rd *r, const rev *x, long te)
{
    static const char *const TRADE[] = {"traded", "trade", "trading", "exchanged", "exchange", "exchanging"};
    if (x->src.n != 2 || x->tgt.n ||
        (x->type != CASUS_EV_CONDEMN && x->type != CASUS_EV_WARN && x->type != CASUS_EV_SUMMON_AMBASSADOR &&
         x->type != CASUS_EV_SANCTIONS))
        return 0;
    /* "traded accusations", "exchanged sharp warnings" */
    int each = 0;
    for (long i = x->tok - 1; i >= 0 && i >= x->tok - 3 && !each && r->t[i].kind != TK_PUNCT; i--)
        each = WORD_IN(r, i, TRADE);
    for (long i = te; (size_t)i + 1 < r->nt && i < te + 4 && !each; i++) {
        if (r->t[i].kind == TK_PUNCT)
            break;
        each = (is_word(r, i, "each") || is_word(r, i, "one")) &&
               (is_word(r, i + 1, "other") || is_word(r, i + 1, "another"));
    }
    if (!each)
        return 0;
    for (int k = 0; k < 2; k++) {
        rev y = *x;
        y.src.n = y.tgt.n = 0;
        cs_add(&y.src, x->src.c[k]);
        cs_add(&y.tgt, x->src.c[1 - k]);
        y.rs = NULL;
        y.nrs = y.rscap = 0;
        if (add_event(r, &y))
            return -1;
    }
    return 1;
}

/* The group a noun at [s, e) belongs to: right before it, over up to two
 * words the lexicon does not know ("Seoul's claims", "the Polish
 * accusations", "Russia's new ambassador"), else after one of preps and
 * determiners ("claims by Washington", "the Ambassador of the United
 * Kingdom"). A group right before it that starts before token lo (the
 * subject: "Russia's ambassador was summoned") gives none. Returns -1 if
 * none. */
static int owner_group(const rd *r, long s, long e, long lo, const char *const *preps)
{
    long j = s - 1;
    while (j >= lo && r->t[j].kind == TK_WORD && !at(r, j) && j >= s - 2)
        j--;
    int g = group_at(r, j);
    if (g >= 0)
        return (long)r->g[g].s >= lo ? g : -1;
    for (; *preps; preps++)
        if (is_word(r, e, *preps)) {
            long k = e + 1;
            while ((size_t)k < r->nt && cue_at(r, k, CUE_DET))
                k++;
            return group_at(r, k);
        }
    return -1;
}

/* A plural treaty noun right after a signing verb ("signed bilateral
 * security agreements with"): lower-case, ending in -s. */
static int plural_treaty(const rd *r, long te)
{
    for (long i = te; (size_t)i < r->nt && i < te + 6; i++) {
        if (!cue_at(r, i, CUE_TREATY))
            continue;
        const lx_match *m = at(r, i);
        long last = (long)m->e - 1;
        if ((size_t)m->e < r->nt && cue_starts(r, m->e, CUE_TREATY))
            continue;
        const ntok *t = &r->t[last];
        return !(t->fl & TF_CAP) && t->e - t->s > 3 && r->text[t->e - 1] == 's';
    }
    return 0;
}

/* Is one of the words ws among the three tokens before ts (an auxiliary)? */
#define AUX_BEFORE(r, ts, ws) aux_before((r), (ts), (ws), sizeof(ws) / sizeof *(ws))
static int aux_before(const rd *r, long ts, const char *const *ws, size_t n)
{
    for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
        if (word_in(r, i, ws, n))
            return 1;
    return 0;
}

/* "had been tracking", "had signed": a pluperfect tells of an earlier day. */
static int pre_perfect(const rd *r, long ts)
{
    static const char *const HAD[] = {"had"};
    return AUX_BEFORE(r, ts, HAD);
}

/* "This treaty, signed by Putin and Kim,", "a pact ratified by the
 * Federation Council": a participle with no "be" describes its noun; it
 * tells no news of the day */
static int reduced_relative(const rd *r, long ts, int passive)
{
    if (!passive)
        return 0;
    for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
        if (cue_at(r, i, CUE_BE))
            return 0;
    return 1;
}

/* "Amid the US elections, North Korea fired missiles", "after the
 * talks": the sentence is timed by something other than the report */
static int time_anchor(const rd *r)
{
    static const char *const ANCHOR[] = {"amid", "amidst", "ahead", "ago"};
    for (size_t i = 0; i < r->nt; i++)
        if (WORD_IN(r, (long)i, ANCHOR))
            return 1;
    return 0;
}

/* "In the same statement", "at the same briefing", "Within hours", "minutes
 * later", "shortly afterwards": the sentence goes on from the occasion told
 * last, though a paragraph lies between */
static int same_occasion(const rd *r)
{
    static const char *const OCC[] = {"statement", "appearance", "interview", "briefing", "speech", "address",
                                      "communique", "communiqué", "conference", "call", "meeting", "breath",
                                      "letter", "note", "remarks", "post", "session", "sitting", "message",
                                      "broadcast", "readout", "summit", "talks", "visit", "event", "televised"},
                             *const SPAN[] = {"hours", "minutes", "moments"},
                             *const SOON[] = {"shortly", "soon"},
                             *const AFTER[] = {"afterwards", "afterward", "thereafter"};
    for (long i = 0; (size_t)i + 1 < r->nt; i++)
        if ((is_word(r, i, "same") && (is_word(r, i - 1, "the") || is_word(r, i - 1, "that")) &&
             WORD_IN(r, i + 1, OCC)) ||
            (is_word(r, i, "within") && WORD_IN(r, i + 1, SPAN)) ||
            (WORD_IN(r, i, SPAN) && is_word(r, i + 1, "later")) || (WORD_IN(r, i, SOON) && WORD_IN(r, i + 1, AFTER)))
            return 1;
    return 0;
}

/* Whether word w is among the first n tokens of the sentence. */
static int word_before(const rd *r, long n, const char *w)
{
    for (long i = 0; i < n; i++)
        if (is_word(r, i, w))
            return 1;
    return 0;
}

#define OFF_UNKNOWN INT_MIN

/* "a day after Seoul suspended", "two days after", "hours after", "a week
 * before": a span of time from the event at token ts to the sentence's
 * main clause. Returns the token of after/before, with *k0 the phrase's
 * first token and *off the days the main clause is later than the event
 * at ts (OFF_UNKNOWN for "days after"); -1 when ts is in no such clause. */
static long after_anchor(const rd *r, long ts, long *k0, int *off)
{
    static const char *const DAY[] = {"day", "days"}, *const WEEK[] = {"week", "weeks"},
                             *const HOUR[] = {"hour", "hours", "minutes", "moments"};
    for (long j = ts - 1; j >= 1; j--) {
        if (is_punct(r, j, ';'))
            return -1;
        int after = is_word(r, j, "after");
        if (!after && !is_word(r, j, "before"))
            continue;
        long u = j - 1, n = j - 2, v = 0;
        int unit = WORD_IN(r, u, DAY) ? 1 : WORD_IN(r, u, WEEK) ? 7 : WORD_IN(r, u, HOUR) ? 0 : -1;
        if (unit < 0) {
            if (!is_word(r, u, "shortly"))
                return -1; /* "after the talks": no span of time */
            unit = 0, n = u;
        } else if (n >= 0 && (is_word(r, n, "a") || is_word(r, n, "one") || is_word(r, n, "the")))
            v = 1;
        else if (n >= 0 && cue_at(r, n, CUE_NUMBER))
            v = cue_at(r, n, CUE_NUMBER) - 1;
        else if (n >= 0 && r->t[n].kind == TK_NUM && r->t[n].num < 400)
            v = (long)r->t[n].num;
        else
            n = u; /* "days after", "hours after" */
        if (unit && !v)
            *off = OFF_UNKNOWN;
        else
            *off = (int)(after ? unit * v : -unit * v);
        *k0 = n;
        /* "On April 23, a day after the attack, New Delhi announced", "a
         * day before the launch, warning that": a comma ends the span's
         * complement */
        for (long i = j + 1; i < ts; i++)
            if (is_punct(r, i, ','))
                return -1;
        return j;
    }
    return -1;
}

/* "Cambodia's defence ministry has condemned", "Marles has criticised
 * China": a statement told in the present perfect is news of the day, as a
 * state of affairs ("has deployed 570 troops") is not */
static int speech_act(int type)
{
    return type == CASUS_EV_CONDEMN || type == CASUS_EV_WARN || type == CASUS_EV_DENY_ACCUSATION ||
           type == CASUS_EV_SUMMON_AMBASSADOR;
}

/* "has deployed", "have long warned": the present perfect names no time */
static int perfect(const rd *r, long ts)
{
    static const char *const HAVE[] = {"has", "have", "having"};
    return AUX_BEFORE(r, ts, HAVE);
}

/* Whether a new clause (", and", ";", "but", "while") begins between a date
 * and the trigger at [ts, te). A bare comma does not part them: "signed
 * late on Wednesday, declaring that any aggression..." */
static int date_sep(const rd *r, const dmen *dm, long ts, long te)
{
    long a = te <= (long)dm->s ? te : (long)dm->e, b = te <= (long)dm->s ? (long)dm->s : ts;
    /* "on January 12, when Sunak announced": the clause is that day */
    if (a == (long)dm->e && is_punct(r, a, ',') && is_word(r, a + 1, "when"))
        a += 2;
    for (long i = a; i < b; i++)
        if ((is_punct(r, i, ',') && (cue_at(r, i + 1, CUE_CONJ) || casusi_subordinate(r, i + 1))) ||
            is_punct(r, i, ';') || cue_at(r, i, CUE_BOUNDARY))
            return 1;
    return 0;
}

/* Words of habit: "China routinely condemns", "the drills are staged
 * every year". */
static const char *const HABIT[] = {"routinely", "regularly", "usually", "often", "always", "frequently",
                                    "typically", "generally", "habitually", "every", "each", "whenever"};

/* "Bujumbura has repeatedly accused Rwanda", "Beijing has long denied": a
 * deed done again and again (in the perfect: "repeatedly warned the
 * Chinese vessels" that day is that day's) is of no one day. */
static int habitual(const rd *r, long ts)
{
    static const char *const AGAIN[] = {"repeatedly", "consistently", "long", "persistently", "often", "frequently",
                                        "regularly", "routinely"};
    for (long i = ts - 1; i >= 0 && i >= ts - 2; i--)
        if (WORD_IN(r, i, AGAIN))
            return 1;
    return 0;
}

/* A reporting verb in the past at token i ("said", "told"; not "says",
 * "will say"). */
static int past_say(const rd *r, long i)
{
    return cue_at(r, i, CUE_SAY) && !is_word(r, i, "says") && !is_word(r, i, "say") && !(r->t[i].fl & TF_CAP) &&
           !is_word(r, i - 1, "will");
}

/* Whether a verb in the present at token ts reports the article's day:
 * not a habit ("China routinely condemns"), not inside a quotation, not
 * reported speech of an earlier day ("said it 'condemns and rejects'"). */
static int reporting_present(const rd *r, long ts)
{
    static const char *const SAID[] = {"said", "told", "stated", "added", "declared", "wrote", "announced"};
    for (size_t i = 0; i < r->nt; i++)
        if (WORD_IN(r, (long)i, HABIT))
            return 0;
    int quotes = 0;
    for (long i = 0; i < ts; i++) {
        quotes += is_punct(r, i, '"');
        if (WORD_IN(r, i, SAID))
            return 0;
    }
    return !(quotes & 1);
}

/* Whether a negation governs the trigger at ts. A negator counts in the
 * four tokens before it, within its clause ("did not summon"); quotation
 * marks and an adverb set off by commas are skipped ("did not, however,
 * summon", "has no plans "at this stage" to send"). A negator just before
 * a plan or sign noun reaches over the clause that noun governs ("had no
 * plans to lodge a protest", "Nor is there any sign that NATO intends to
 * conduct exercises"). "not only" negates nothing. */
static int negated_before(const rd *r, long ts)
{
    static const char *const ASIDE[] = {"however", "though", "therefore", "thus", "moreover", "apparently",
                                        "officially", "publicly", "formally", "yet", "still"};
    long dist = 0, light = -1; /* the light verb's distance ("has not announced any deployment") */
    for (long i = ts - 1; i >= 0 && dist < 14; i--) {
        if (is_punct(r, i, '"'))
            continue;
        if (is_punct(r, i, ',') && i >= 2 && is_punct(r, i - 2, ',') && WORD_IN(r, i - 1, ASIDE)) {
            i -= 2;
            continue;
        }
        if (is_boundary(r, i) || is_punct(r, i, ','))
            return 0;
        dist++;
        if (light < 0 && cue_at(r, i, CUE_LIGHT))
            light = dist;
        if (!cue_at(r, i, CUE_NEG) || (is_word(r, i, "not") && is_word(r, i + 1, "only")))
            continue;
        /* near the noun, or near the light verb whose object it is:
         * "Neither government has announced any deployment" */
        if (dist <= 4 || (light >= 0 && light <= 4 && dist - light <= 4))
            return 1;
        for (long j = i + 1; j <= i + 4 && j < ts; j++)
            if ((r->amask[j] >> CUE_NEGNOUN) & 1) /* inside "plans to" too */
                return 1;
    }
    return 0;
}

/* Whether token j names a state, a people, a place or some other proper
 * name (not a month or a weekday): "at Erbil", "to the Houthis". */
static int names_place(const rd *r, long j)
{
    if (j <= 0 || (size_t)j >= r->nt)
        return 0;
    const lx_match *m = at(r, j);
    if (group_at(r, j) >= 0 || (m && has_cat(r, m, LX_PLACE)))
        return 1;
    return r->t[j].kind == TK_WORD && (r->t[j].fl & TF_CAP) && !cue_at(r, j, CUE_MONTH) &&
           !cue_at(r, j, CUE_WEEKDAY) && !cue_at(r, j, CUE_RELDAY);
}

/* "Iran fired ballistic missiles at Erbil", "launched drones and missiles
 * against Israel", "launches missiles towards Tel Aviv": missiles fired at
 * a state, a place or a target are an attack, not a test ("fired a missile
 * into the East Sea" or "toward the East Sea" is one). */
static int fired_at(const rd *r, const lx_trigger *tr, long te)
{
    static const char *const TARGETS[] = {"what", "targets", "target", "bases", "base", "positions", "cities",
                                          "city", "sites", "facilities", "ships", "vessels", "territory"};
    /* a sea or a test range is where a test lands: "at the Kura range" */
    static const char *const SEA[] = {"sea", "ocean", "waters", "pacific", "gulf", "bay", "strait", "range", "polygon"};
    /* "from the Sohae launch site at Tongchang-ri": where the site is */
    static const char *const SITE[] = {"site", "cosmodrome", "spaceport", "pad", "complex", "centre", "center"};
    if (tr->type != CASUS_EV_MISSILE_TEST || tr->form == FORM_NOUN ||
        (strcmp(tr->lemma, "fire") && strcmp(tr->lemma, "launch") && strcmp(tr->lemma, "lob")))
        return 0;
    for (long i = te; (size_t)i + 1 < r->nt && i < te + 16; i++) {
        if (is_boundary(r, i) || is_punct(r, i, '.'))
            return 0;
        int toward = is_word(r, i, "toward") || is_word(r, i, "towards");
        if ((!is_word(r, i, "at") && !is_word(r, i, "against") && !toward) || WORD_IN(r, i - 1, SITE))
            continue;
        long j = i + 1;
        while (cue_starts(r, j, CUE_DET) && j < i + 3)
            j++;
        /* "toward the East Sea", "towards the Sea of Japan": a test */
        int sea = 0;
        for (long q = j; q < j + 4 && !sea; q++)
            sea = WORD_IN(r, q, SEA);
        if (!sea && (names_place(r, j) || WORD_IN(r, j, TARGETS)))
            return 1;
    }
    return 0;
}

/* "carried weapons to the Houthis", "carrying weapons for the Somali
 * National Army": carrying moves arms only with a destination ("vessels
 * carrying nuclear weapons" moves nothing to anyone). */
static int carried_to(const rd *r, long te)
{
    for (long i = te; (size_t)i + 1 < r->nt && i < te + 12; i++) {
        /* "ordered more soldiers and additional equipment, including
         * attack helicopters, to the border": an aside set off by commas */
        if (is_punct(r, i, ',') && (is_word(r, i + 1, "including") || is_word(r, i + 1, "together") ||
                                    is_word(r, i + 1, "along") || is_word(r, i + 1, "backed") ||
                                    (is_word(r, i + 1, "as") && is_word(r, i + 2, "well")))) {
            long j = i + 2;
            while ((size_t)j < r->nt && j < i + 12 && !is_boundary(r, j) && !is_punct(r, j, ','))
                j++;
            if (is_punct(r, j, ',')) {
                i = j;
                continue;
            }
        }
        if (is_boundary(r, i) || is_punct(r, i, ','))
            return 0;
        if ((is_word(r, i, "to") || is_word(r, i, "for") || is_word(r, i, "into")) &&
            (names_place(r, i + 1) || (cue_starts(r, i + 1, CUE_DET) && names_place(r, i + 2))))
            return 1;
        /* "flew about 100 soldiers to Kangerlussuaq": a name the
         * dictionaries lack, no date (casusi_place_named) */
        long ps, pe;
        if ((is_word(r, i, "to") || is_word(r, i, "into")) && i > te && casusi_place_span(r, i, 0, &ps, &pe))
            return 1;
        /* "ordered 1,500 troops to the southern border" */
        static const char *const SIDE[] = {"northern", "southern", "eastern", "western"},
                                 *const EDGE[] = {"border", "frontier", "flank"};
        if (is_word(r, i, "to") && is_word(r, i + 1, "the") &&
            (WORD_IN(r, i + 2, EDGE) || (WORD_IN(r, i + 2, SIDE) && WORD_IN(r, i + 3, EDGE))))
            return 1;
    }
    return 0;
}

/* "Has Turkiye sent troops to Gaza?": a question asserts nothing. */
static int is_question(const rd *r)
{
    long i = (long)r->nt - 1;
    while (i >= 0 && (is_punct(r, i, '"') || is_punct(r, i, ')')))
        i--;
    return i >= 0 && is_punct(r, i, '?');
}

/* The pattern index of a match that clause_events() made, not the lexicon. */
#define CLAUSE_MATCH UINT32_MAX

/* "Sending Bundeswehr troops to Ukraine was out of the question": words
 * after the event's own that say it will not happen, in its clause. */
static int negated_after(const rd *r, long te)
{
    for (long i = te; (size_t)i < r->nt && i < te + 12; i++) {
        if (is_boundary(r, i) || is_punct(r, i, ','))
            return 0;
        if (cue_starts(r, i, CUE_NEGAFTER))
            return 1;
    }
    return 0;
}

/* A threat whose grammatical subject is the one threatened: "will bear
 * the consequences", "will pay the price", "would be punished", "would
 * make them legitimate targets" (not "will be met with", "cannot stand
 * idly by", whose subject is the act or the one who threatens). */
static int subject_suffers(const rd *r, long ts, long te)
{
    static const char *const W[] = {"consequences", "price", "dearly", "punished", "target", "targets"};
    for (long i = ts; i < te; i++)
        if (WORD_IN(r, i, W))
            return 1;
    return 0;
}

/* Whether the sentence has a quotation mark, or lies inside a quotation
 * an earlier sentence of the paragraph opened. */
static int quoted_sentence(const rd *r)
{
    for (size_t i = 0; i < r->nt; i++)
        if (is_punct(r, (long)i, '"'))
            return 1;
    return r->inquote;
}

/* Who speaks the first person at token i of a quotation whose speaker
 * the sentence does not name: the speaker of a quotation an earlier
 * sentence of the paragraph opened ("Lula said: \"... We condemn ...\""),
 * or "he" or "she" before a colon that opens it ("He added: \"We warn"),
 * the person named last. Returns whether it set *src. */
static int quote_carrier(const rd *r, long i, cset *src)
{
    int open = r->inquote;
    for (long k = 0; k < i; k++)
        open ^= is_punct(r, k, '"');
    if (!open)
        return 0;
    if (r->inquote && r->qspeaker.n) {
        *src = r->qspeaker;
        return 1;
    }
    for (long k = 1; k < i && k < 6; k++)
        if (is_punct(r, k, ':') && is_punct(r, k + 1, '"')) {
            int pro = 0;
            for (long j = 0; j < k; j++)
                pro |= cue_at(r, j, CUE_SINGULAR) != 0;
            if (pro && r->last_person.n == 1) {
                *src = r->last_person;
                return 1;
            }
            break;
        }
    return 0;
}

/* Who says the sentence: the group next to a verb of saying ("the
 * ministry said", "said the ministry", "Japan's foreign ministry said the
 * claim was ..."), or the name before a colon that opens it ("Lin Jian:
 * ..."); -1 if none. */
static int speaker_group(const rd *r)
{
    for (long i = 0; (size_t)i < r->nt; i++) {
        if (!cue_at(r, i, CUE_SAY) || (i > 0 && cue_at(r, i - 1, CUE_DET)))
            continue;
        /* ", the Turkish defence ministry said" or "Japan's ministry said" */
        long j = i - 1; /* "also said", "Japan's foreign ministry said", "Pakistan's
                           National Security Committee declared" */
        while (j >= 0 && j >= i - 4 && group_at(r, j) < 0 && r->t[j].kind == TK_WORD &&
               (!at(r, j) || cue_at(r, j, CUE_PEOPLE) ||
                ((r->t[j].fl & TF_CAP) && !has_cat(r, at(r, j), LX_ACTOR) && !is_trigger_tok(r, j))))
            j--;
        int g = group_at(r, j);
        if (g >= 0 && (r->g[g].prep < 0 || r->g[g].people))
            return g;
        /* ", said the ministry" (not "warned that the Pakistani army
         * would": the name after a speech verb is the speaker only when
         * the verb follows what was said) */
        if (i == 0 || !(is_punct(r, i - 1, ',') || is_punct(r, i - 1, '"') || r->t[i - 1].kind == TK_PUNCT) ||
            r->text[r->t[i].e - 1] == 'g') /* ", saying Japanese aircraft had": no inversion */
            continue;
        long k = i + 1;
        while ((size_t)k < r->nt && cue_at(r, k, CUE_DET))
            k++;
        g = group_at(r, k);
        if (g >= 0 && r->g[g].prep < 0)
            return g;
    }
    for (long i = 1; (size_t)i < r->nt && i < 6; i++)
        if (is_punct(r, i, ':')) {
            int g = group_at(r, i - 1);
            if (g >= 0 && r->g[g].s == 0)
                return g;
            break;
        }
    /* "US Ambassador MaryKay Carlson, on X: \"We condemn", "President
     * Aliyev wrote on social media on Friday: \"I strongly condemn": a
     * colon before a quotation; the speaker is the subject before it, the
     * first group no preposition governs */
    for (long i = 1; (size_t)i + 1 < r->nt && i < 40; i++)
        if (is_punct(r, i, ':') && is_punct(r, i + 1, '"')) {
            for (size_t g = 0; g < r->ng && (long)r->g[g].e <= i; g++)
                if (r->g[g].prep < 0 || r->g[g].people) {
                    for (long k = 0; k < (long)r->g[g].s; k++)
                        if (verb_tok(r, k) || cue_at(r, k, CUE_SAY) || is_punct(r, k, '"'))
                            return -1;
                    for (long k = (long)r->g[g].e; k < i; k++) /* "ISRAEL HALTS EXPORTS; PETRO: \"IF WE ..." */
                        if (is_punct(r, k, ';') || is_boundary(r, k) || verb_tok(r, k))
                            return -1;
                    return (int)g;
                }
            return -1;
        }
    return -1;
}

/* A denial said of a claim ("the Chinese claim is entirely without
 * foundation, the ministry said"): the speaker denies, the claim's owner
 * accused. 0 when the claim or the speaker is missing. */
static int predicate_denial(const rd *r, long ts, cset *src, cset *tgt)
{
    /* the claim is the predicate's subject: the last claim word before it */
    long where = -1, we = -1;
    for (long i = ts - 1; i >= 0 && i >= ts - 24 && where < 0; i--)
        if (cue_at(r, i, CUE_CLAIM) || cue_at(r, i, CUE_DENYREF) || ((r->amask[i] >> CUE_CLAIM) & 1)) {
            where = i; /* "the accusation" is also a reference to a claim */
            we = i + 1;
        }
    if (where < 0)
        return 0;
    for (long i = we; i < ts; i++)
        if (is_boundary(r, i) || is_punct(r, i, ';'))
            return 0;
    int sp = speaker_group(r);
    if (sp < 0 || ((long)r->g[sp].s > where && (long)r->g[sp].e <= ts))
        return 0;
    static const char *const PREPS[] = {"by", "from", "of", NULL};
    int g = owner_group(r, where, we, 0, PREPS);
    /* "the claims put forward by Greek officials" */
    for (long i = we; g < 0 && i < we + 4 && i < ts; i++)
        if (is_word(r, i, "by"))
            g = group_at(r, cue_at(r, i + 1, CUE_DET) ? i + 2 : i + 1);
    src->n = tgt->n = 0;
    cs_union(src, &r->g[sp].codes);
    if (g >= 0 && g != sp)
        cs_union(tgt, &r->g[g].codes);
    cs_minus(tgt, src);
    return src->n > 0;
}

/* "pledged", "promised", "vowed", "committed": a promise made */
static int pledge_word(const rd *r, long i)
{
    static const char *const W[] = {"pledged", "pledges", "promised", "promises", "vowed", "vows", "committed",
                                    "commits"};
    return WORD_IN(r, i, W);
}

/* "the American drills", "the U.S.-South Korean drills", "the Russian
 * naval drills": a determiner, a state or demonym (not a plural people:
 * "the Americans drill"), at most a few modifiers of a military noun, then
 * the one-word verb form at ts: a noun. */
static int modified_noun(const rd *r, long ts)
{
    static const char *const MOD[] = {"military", "naval", "joint", "air", "army", "navy", "maritime",
                                      "missile", "nuclear", "led", "backed", "large", "scale", "live", "fire"};
    long i = ts - 1;
    while (i >= 0 && i >= ts - 4 && group_at(r, i) < 0 && (WORD_IN(r, i, MOD) || is_punct(r, i, '-')))
        i--;
    int g = i >= 0 ? group_at(r, i) : -1;
    /* "the United Kingdom and Sweden commit to assist each other": a
     * one-word verb form only */
    if (g < 0 || (long)r->g[g].e != i + 1 || (r->t[i].fl & TF_POSS) || (long)at(r, ts)->e != ts + 1)
        return 0;
    const lx_actor *a = r->am[r->g[g].last].actor;
    size_t n = r->t[i].e - r->t[i].s;
    const char *w = r->text + r->t[i].s;
    int people = n > 2 && w[n - 1] == 's' && w[n - 2] != 's'; /* "the Americans drill" */
    /* "exercised with Philippine ships": an adjective of a state after a
     * preposition modifies the noun it precedes */
    if (r->g[g].prep >= 0 || is_word(r, (long)r->g[g].s - 1, "with"))
        return a && (a->kind == AK_DEMONYM || a->kind == AK_ALIAS) && !people;
    if (!a || (a->kind != AK_DEMONYM && a->kind != AK_STATE && a->kind != AK_ALIAS) ||
        (a->kind == AK_DEMONYM && people))
        return 0;
    long d = (long)r->g[g].s - 1;
    if (d < 0 || !cue_at(r, d, CUE_DET) || is_word(r, d, "both") || is_word(r, d, "all"))
        return 0;
    if (a->kind == AK_DEMONYM)
        return 1;
    /* a state's name may be the subject ("The United States accuses
     * Maduro"): a noun only after one state and when nothing follows but
     * punctuation or "to be" ("condemned the US drills.", "the US drills
     * were") */
    long te = ts + 1;
    return r->g[g].first == r->g[g].last &&
           ((size_t)te >= r->nt || r->t[te].kind == TK_PUNCT || cue_at(r, te, CUE_BE));
}

/* Is token i a condemnation's verb before the sanctions trigger tr? */
static int condemned(const rd *r, const lx_trigger *tr, long i)
{
    return tr->type == CASUS_EV_SANCTIONS && verb_tok(r, i) && casusi_trigger_type_at(r, i, CASUS_EV_CONDEMN, 0);
}

/* Forces owned by group g joined by "and" to others before them:
 * "Turkish troops and Syrian fighters crossed" (both act), "Turkish troops
 * and allied Syrian fighters" (the allied ones are the first's
 * auxiliaries: the first alone). */
static void joined_forces(const rd *r, int g, cset *src)
{
    if (g < 1 || r->g[g - 1].prep >= 0 || !cue_at(r, (long)r->g[g - 1].e, CUE_TROOPS) || !at(r, (long)r->g[g - 1].e))
        return;
    long i = (long)at(r, (long)r->g[g - 1].e)->e;
    if (!is_word(r, i, "and"))
        return;
    int allied = is_word(r, i + 1, "allied");
    if (i + 1 + allied != (long)r->g[g].s)
        return;
    if (allied)
        *src = r->g[g - 1].codes;
    else
        cs_union(src, &r->g[g - 1].codes);
}

/* The owner of forces that are a verb's subject: "warships from South
 * Korea, the United States and Japan held", "the navies of China and
 * Russia will hold" -- a group after "of" or "from" right after a noun for
 * troops, vessels or arms, in the verb's clause. Returns whether it set
 * *src. */
static int force_owner(const rd *r, long ts, cset *src)
{
    for (size_t g = r->ng; g-- > 0;) {
        const group *gp = &r->g[g];
        if ((long)gp->e > ts)
            continue;
        if (gp->prep < 1 || !(is_word(r, gp->prep, "of") || is_word(r, gp->prep, "from")))
            return 0;
        static const char *const FORCE[] = {"navy", "navies", "army", "armies", "force", "forces", "military",
                                            "militaries", "guard", "guards", "marines"};
        long n = gp->prep - 1;
        if (!(cue_at(r, n, CUE_TROOPS) || cue_at(r, n, CUE_VESSEL) || cue_at(r, n, CUE_ARMS) || WORD_IN(r, n, FORCE)))
            return 0;
        for (long i = (long)gp->e; i < ts; i++)
            if (is_boundary(r, i) || (r->t[i].kind == TK_PUNCT && !is_punct(r, i, ',')) || verb_tok(r, i))
                return 0;
        *src = gp->codes;
        return 1;
    }
    return 0;
}

/* The source of a verb whose subject is an office, a body or people that
 * name no state ("the ministry denounced", "Vice Minister Kim summoned",
 * "Both leaders condemned", "parliament approved"): a plural subject is the
 * last group of states the sentences before acted as; "the statement" is
 * the last one who said something; "the ministry" is
 * the one named before (see casusi_ministry_of); a single one is the
 * article's home state (its dateline or letterhead), else the last single
 * subject, else the last person named. Not "a former defence minister", who
 * speaks for no state, nor "every allied parliament", which is no one
 * body. Returns whether it set *src. */
static int inferred_source(const rd *r, long ts, cset *src)
{
    static const char *const PAPER[] = {"statement", "communique", "communiqué", "readout"};
    int office = 0, plural = 0, min = 0, stmt = 0; /* min: "the ministry", "the foreign ministry" */
    const char *mod = NULL;
    for (long i = ts - 1; i >= 0 && i >= ts - 8; i--) {
        if (is_boundary(r, i) || r->t[i].kind == TK_PUNCT || group_at(r, i) >= 0)
            break;
        if (cue_at(r, i, CUE_FORMER) || is_word(r, i, "every") || is_word(r, i, "each") || is_word(r, i, "any"))
            return 0;
        /* "The department strongly condemned": a department named
         * before ("Australia's defence department said") */
        office |= cue_at(r, i, CUE_PEOPLE) || cue_at(r, i, CUE_LEGIS) ||
                  (is_word(r, i, "department") && i > 0 && is_word(r, i - 1, "the"));
        /* "the ministry", "the foreign ministry" (not "a ministry", "the
         * ministry spokesman") */
        if (!min && casusi_ministry_word(r, i)) {
            mod = casusi_office_mod(r, i - 1);
            min = is_word(r, i - (mod ? 2 : 1), "the") && !cue_at(r, i + 1, CUE_PEOPLE) ? 1 : -1;
        }
        plural |= cue_at(r, i, CUE_PLURAL) || is_word(r, i, "both") || is_word(r, i, "ministers") ||
                  is_word(r, i, "leaders") || is_word(r, i, "governments") || is_word(r, i, "secretaries");
        /* "The statement denounced", "The same statement warned", "Their
         * joint statement also criticised" */
        if (!stmt && WORD_IN(r, i, PAPER) && i > 0 &&
            (cue_at(r, i - 1, CUE_DET) || is_word(r, i - 1, "same") || is_word(r, i - 1, "joint"))) {
            long d = i - 1; /* the subject opens the clause: "The statement ends with a warning" */
            while (d > 0 && (cue_at(r, d - 1, CUE_DET) || is_word(r, d - 1, "same") || is_word(r, d - 1, "joint")))
                d--;
            stmt = d == 0 || is_punct(r, d - 1, ',');
        }
    }
    if (stmt && !office) {
        for (size_t q = r->nev; q-- > 0;) {
            const rev *v = &r->ev[q];
            if (!v->dead && v->src.n && v->sent != r->sentno && speech_act((int)v->type)) {
                *src = v->src;
                return 1;
            }
        }
        return 0;
    }
    if (!office)
        return 0;
    cset c = {{0}, 0};
    if (plural)
        c = r->last_multi;
    else if (min > 0 && casusi_ministry_of(r, mod))
        cs_add(&c, casusi_ministry_of(r, mod));
    else if (r->home)
        cs_add(&c, r->home);
    else
        c = r->last_single.n ? r->last_single : r->last_person;
    if (!c.n)
        return 0;
    *src = c;
    return 1;
}

/* "Uganda is no stranger to Ituri. Its troops crossed into Congo",
 * "Algiers had seen it coming: its foreign ministry condemned": a subject
 * owned by "its" (an office, a body, forces) acts for the state named
 * last in the sentence ("after India's navy said ... its warships had
 * test-fired"), else the subject of the sentence before; "their" for a
 * group of states. An apposition may stand between ("its
 * ambassador, Amar Bendjama, criticised"). Returns whether it set *src. */
static int possessive_source(const rd *r, long ts, cset *src)
{
    static const char *const OWN[] = {"forces", "military", "army", "navy", "government", "ministry",
                                      "troops", "soldiers", "warships", "jets", "units", "cabinet"};
    long i = ts - 1;
    if (is_word(r, i, "to")) /* "allowing their troops to deploy" */
        return 0;
    while (i >= 0 && i >= ts - 2 && group_at(r, i) < 0 && !at(r, i) && ly_adverb(r, i))
        i--; /* "strongly" */
    if (i >= 0 && is_punct(r, i, ',')) { /* ", Amar Bendjama," */
        long j = i - 1;
        while (j >= 0 && j > i - 5 && r->t[j].kind == TK_WORD && (r->t[j].fl & TF_CAP) && group_at(r, j) < 0)
            j--;
        if (j < i - 1 && j >= 0 && is_punct(r, j, ','))
            i = j - 1;
    }
    int own = 0;
    long p = i;
    while (p >= 0 && p > i - 4 && r->t[p].kind == TK_WORD && group_at(r, p) < 0 && !is_word(r, p, "its") &&
           !is_word(r, p, "their")) {
        own |= cue_at(r, p, CUE_PEOPLE) || cue_at(r, p, CUE_LEGIS) || cue_at(r, p, CUE_TROOPS) ||
               cue_at(r, p, CUE_VESSEL) || WORD_IN(r, p, OWN);
        p--;
    }
    if (p < 0 || p == i || !own)
        return 0;
    int plural = is_word(r, p, "their");
    if (!plural && !is_word(r, p, "its"))
        return 0;
    int g = casusi_owner_group(r, p, plural);
    if (g >= 0) {
        *src = r->g[g].codes;
        return 1;
    }
    const cset *c = plural ? &r->last_multi : &r->last_single;
    if (!c->n)
        return 0;
    *src = *c;
    return 1;
}

/* "The alliance began the two-week exercise", "the regional bloc
 * imposed", "The Council imposed sanctions": a body's common noun as the
 * subject is the organisation named last (a council only the Security
 * Council, a union only the EU). Returns whether it set *src. */
static int org_anaphor_source(const rd *r, long ts, cset *src)
{
    static const char *const ADV[] = {"also", "again", "first", "then", "later", "itself", "already"};
    long i = ts - 1;
    while (i >= 0 && i >= ts - 2 && r->t[i].kind == TK_WORD && group_at(r, i) < 0 &&
           (WORD_IN(r, i, ADV) || ly_adverb(r, i)))
        i--;
    static const char *const HEAD[] = {"alliance", "bloc", "council", "union", "organisation", "organization"};
    if (i < 1 || !WORD_IN(r, i, HEAD) || group_at(r, i) >= 0)
        return 0;
    long d = i - 1;
    while (d >= 0 && d > i - 3 && r->t[d].kind == TK_WORD && !at(r, d) && !is_word(r, d, "the"))
        d--; /* "the regional bloc", "the Western military alliance" */
    if (d < 0 || !is_word(r, d, "the"))
        return 0;
    const char *c = NULL;
    for (size_t a = r->nam; a-- > 0 && !c;)
        if (r->am[a].org && (long)r->am[a].s < d)
            c = r->am[a].code;
    if (!c)
        c = r->last_org;
    if (!c || (is_word(r, i, "council") && strcmp(c, "UNSC")) || (is_word(r, i, "union") && strcmp(c, "EU")))
        return 0;
    cs_add(src, c);
    return 1;
}

/* Whether a date after the k-th, from token te on, is finer and lies
 * within its span ("in 2022 ... in April", "five years ago, when ... in
 * October 2020"). */
static int finer_after(const rd *r, size_t k, long te)
{
    const dmen *dm = &r->dm[k];
    for (size_t q = k + 1; q < r->ndm; q++)
        if (!r->dm[q].treatyyear && r->dm[q].d.precision > dm->d.precision && (long)r->dm[q].s >= te &&
            r->dm[q].d.lo >= dm->d.lo && r->dm[q].d.hi <= dm->d.hi)
            return 1;
    return 0;
}

/* Whether the n bytes at x hold the string w. */
static int text_has(const char *x, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(x + i, w, k))
            return 1;
    return 0;
}

/* "The Armament Agency today signed the second executive contract with
 * Hyundai Rotem ... Minister Ahn said the signing had created": "the
 * signing", with no treaty named before it in the sentence, after an arms
 * contract was signed, is that contract's, no treaty's. */
static int contract_signing(const rd *r, const lx_trigger *tr, long ts)
{
    if (tr->type != CASUS_EV_TREATY_SIGNED || (tr->form != FORM_NOUN && tr->form != FORM_ING) ||
        !is_word(r, ts - 1, "the"))
        return 0;
    for (size_t k = 0; k < r->ntm; k++)
        if ((long)r->sel[r->tm[k]].s < ts)
            return 0;
    for (size_t q = r->nev; q-- > 0;) {
        const rev *v = &r->ev[q];
        if (v->dead || v->sent == r->sentno)
            continue;
        if (v->type == CASUS_EV_TREATY_SIGNED)
            return 0;
        if (v->type == CASUS_EV_ARMS_TRANSFERRED && text_has(r->text + v->ss, v->se - v->ss, " signed ") &&
            text_has(r->text + v->ss, v->se - v->ss, " contract"))
            return 1;
    }
    return 0;
}

/* Whether the first group after token te that "with" governs names
 * exactly the states in c. */
static int with_after(const rd *r, long te, const cset *c)
{
    for (size_t g = 0; g < r->ng; g++)
        if ((long)r->g[g].s >= te && r->g[g].prep >= 0 && is_word(r, r->g[g].prep, "with"))
            return c->n && cs_eq(&r->g[g].codes, c);
    return 0;
}

/* Does the sentence tell of a summit or talks that a third state may host
 * or broker ("at the bloc's summit in Astana", "brokered by China in
 * Beijing")? Then the capital a paper was signed in names no signer. */
static int hosted_signing(const rd *r)
{
    static const char *const HOST[] = {"summit", "talks", "conference", "broker", "brokered", "mediated",
                                       "mediation", "witnessed", "hosted", "ceremony", "representatives"};
    for (long i = 0; (size_t)i < r->nt; i++)
        if (WORD_IN(r, i, HOST))
            return 1;
    return 0;
}

/* "The memorandum was signed in Beijing in November 2017, during the first
 * state visit by a Panamanian president to China": a paper signed in a
 * capital right after the participle ending at te, with no signer named,
 * is the capital's state's and the one other state the sentence names
 * (none more; not at a summit or talks, see signed_in_capital). */
static void signed_pair(const rd *r, long te, cset *src)
{
    const char *cap = NULL;
    for (size_t g = 0; g < r->ng && !cap; g++) {
        const group *gp = &r->g[g];
        const lx_actor *a = gp->first == gp->last ? r->am[gp->first].actor : NULL;
        if (gp->prep >= te && gp->prep <= te + 1 && is_word(r, gp->prep, "in") && a &&
            (a->kind == AK_CAPITAL || a->kind == AK_ALIAS) && gp->codes.n == 1)
            cap = gp->codes.c[0];
    }
    /* "The Defence Cooperation Agreement with the United States was
     * signed on 31 January 2021": the partner after the paper, as a capital */
    for (size_t g = 0; g < r->ng && !cap; g++) {
        const group *gp = &r->g[g];
        if (gp->prep >= 1 && (long)gp->e < te && is_word(r, gp->prep, "with") && gp->codes.n == 1 &&
            cue_at(r, gp->prep - 1, CUE_TREATY) && r->nam == 1)
            cap = gp->codes.c[0];
    }
    if (!cap)
        return;
    /* "signed in Paris ... by the sixteen members of NATO": its signers are named */
    for (long i = te; (size_t)i < r->nt && !is_boundary(r, i) && !is_punct(r, i, ','); i++)
        if (is_word(r, i, "by"))
            return;
    if (hosted_signing(r))
        return;
    /* "signed in Cairo this month, deepening a regional rift with
     * Ethiopia": a participle's clause names no signer */
    long end = (long)r->nt;
    for (long i = te; i + 1 < end; i++) {
        size_t n = r->t[i + 1].e - r->t[i + 1].s;
        if (is_punct(r, i, ',') && r->t[i + 1].kind == TK_WORD && n > 5 &&
            !memcmp(r->text + r->t[i + 1].e - 3, "ing", 3) && !is_word(r, i + 1, "during") &&
            !is_word(r, i + 1, "including"))
            end = i;
    }
    const char *other = NULL;
    for (size_t a = 0; a < r->nam && (long)r->am[a].s < end; a++) {
        const amen *m = &r->am[a];
        if (m->org || !strcmp(m->code, cap) || !casus_kb_state(r->kb, m->code, NULL, NULL))
            continue;
        if (other && strcmp(other, m->code))
            return;
        other = m->code;
    }
    /* "Bhutan and India have long been close. A revised treaty was signed
     * in New Delhi in February 2007": a sentence that names no other state
     * and opens with the paper signed; the state named last before it */
    int plural = 0; /* not "The peace treaty between the two countries, signed in Washington" */
    for (long i = 0; (size_t)i < r->nt && !plural; i++)
        plural = cue_starts(r, i, CUE_PLURAL) != 0;
    if (!other && r->nam == 1 && cue_at(r, 0, CUE_DET) && !plural)
        for (int k = 0; k < r->nrecent && !other; k++)
            if (strcmp(r->recent[k], cap) && casus_kb_state(r->kb, r->recent[k], NULL, NULL))
                other = r->recent[k];
    if (!other)
        return;
    cs_add(src, cap);
    cs_add(src, other);
}

/* Adds to *src the state of the capital a signing took place in, named by
 * "in" in the clause of the trigger at ts ("signing its agreement in
 * Kyiv", "In Pyongyang, Putin signed"), when it is one state that *src
 * lacks. */
static void signed_in_capital(const rd *r, long ts, cset *src)
{
    /* not at a summit or talks a third state hosts or brokers, nor for an
     * organisation ("NATO") */
    if (hosted_signing(r) || !casus_kb_state(r->kb, src->c[0], NULL, NULL))
        return;
    /* a sentence that names a third state tells of more than a pair
     * ("its peace declaration with Cambodia, signed in Kuala Lumpur") */
    const char *cap = NULL;
    for (size_t g = 0; g < r->ng; g++)
        if (r->g[g].prep >= 0 && is_word(r, r->g[g].prep, "in") && r->g[g].codes.n == 1)
            cap = r->g[g].codes.c[0];
    for (size_t a = 0; a < r->nam; a++)
        if (!cs_has(src, r->am[a].code) && (!cap || strcmp(r->am[a].code, cap)))
            return;
    for (size_t g = 0; g < r->ng; g++) {
        const group *gp = &r->g[g];
        if (gp->prep < 0 || !is_word(r, gp->prep, "in") || gp->codes.n != 1 || gp->first != gp->last)
            continue;
        const lx_actor *a = r->am[gp->first].actor;
        if (!a || (a->kind != AK_CAPITAL && a->kind != AK_ALIAS) || cs_has(src, gp->codes.c[0]))
            continue;
        long lo = gp->prep < ts ? gp->prep : ts, hi = gp->prep < ts ? ts : gp->prep;
        int sep = hi - lo > 12;
        for (long i = lo; i < hi && !sep; i++)
            sep = is_boundary(r, i) || is_punct(r, i, ';') || (i > lo && verb_tok(r, i) && i != ts);
        if (!sep) {
            cs_add(src, gp->codes.c[0]);
            return;
        }
    }
}

/* "on Saturday 2 Mehr [24 September]": a weekday followed by the full date
 * it names is no date of its own */
static int weekday_of_date(const rd *r, size_t k)
{
    const dmen *dm = &r->dm[k];
    if (dm->e != dm->s + 1 || !cue_at(r, (long)dm->s, CUE_WEEKDAY))
        return 0;
    for (size_t o = 0; o < r->ndm; o++) {
        const dmen *x = &r->dm[o];
        if (o == k || x->d.precision != 3 || x->s < dm->e || x->s > dm->e + 6 ||
            (x->e == x->s + 1 && cue_at(r, (long)x->s, CUE_WEEKDAY))) /* "on Thursday and Friday" */
            continue;
        int apart = 0;
        for (uint32_t i = dm->e; i < x->s && !apart; i++)
            apart = is_boundary(r, (long)i) || is_punct(r, (long)i, ',') || is_trigger_tok(r, (long)i);
        if (!apart)
            return 1;
    }
    return 0;
}

/* 'Aliyev wrote on Friday: "I strongly condemn the attack committed today"':
 * a "today" inside quotation marks is the day of the words, which a day
 * named outside them in the sentence gives */
static int quoted_today(const rd *r, size_t k)
{
    const dmen *dm = &r->dm[k];
    if (dm->e != dm->s + 1 || !(is_word(r, (long)dm->s, "today") || is_word(r, (long)dm->s, "tonight")))
        return 0;
    int q = r->inquote;
    for (uint32_t i = 0; i < dm->s; i++)
        q ^= is_punct(r, (long)i, '"');
    if (!q)
        return 0;
    for (size_t o = 0; o < r->ndm; o++) {
        if (o == k || r->dm[o].d.precision != 3 || r->dm[o].treatyyear)
            continue;
        int oq = r->inquote;
        for (uint32_t i = 0; i < r->dm[o].s; i++)
            oq ^= is_punct(r, (long)i, '"');
        if (!oq)
            return 1;
    }
    return 0;
}

/* Whether token `to` lies in the clause that names what happened on the
 * date ending at token e (", the day the flights left"): after ", the
 * day" with only words between. */
static int in_day_clause(const rd *r, long e, long to)
{
    if (to <= e || !casusi_day_apposition(r, e))
        return 0;
    for (long i = e + 1; i < to; i++)
        if (r->t[i].kind != TK_WORD || is_boundary(r, i))
            return 0;
    return 1;
}

/* Adds, after the ratification ev[xi], the same ratification by another
 * chamber: its body, token and day, and its state if code is given (else
 * the first one's). Returns -1 when out of memory. */
static int add_chamber(rd *r, size_t xi, const char *code, const char *body, long tok, casus_date date)
{
    rev y = r->ev[xi];
    if (code) {
        y.src.n = 0;
        cs_add(&y.src, code);
    }
    y.d.body = body;
    y.tok = tok;
    y.rs = NULL;
    y.nrs = y.rscap = 0;
    y.date = date;
    return add_event(r, &y);
}

/* "The State Duma ratified the treaty on 25 January 2011 and the
 * Federation Council followed the next day", "the Duma ratified the
 * document on 18 February, the Federation Council on 26 February": a
 * second chamber after the ratification that ends at token te, with a day
 * of its own or "followed" and no verb of its own, ratifies too. Adds the
 * events after the last one; returns -1 when out of memory. */
static int gapped_chambers(rd *r, long te)
{
    size_t xi = r->nev - 1;
    const rev *x = &r->ev[xi];
    if (x->type != CASUS_EV_TREATY_RATIFIED || !x->d.body || x->mod != CASUS_MOD_ACTUAL)
        return 0;
    static const char *const NEXT[] = {"next", "following"};
    for (size_t a = 0; a < r->nam; a++) {
        const amen *m = &r->am[a];
        long s = (long)m->s - is_word(r, (long)m->s - 1, "the");
        if ((long)m->s < te || !m->body || !strcmp(m->body, x->d.body) ||
            !(is_punct(r, s - 1, ',') || is_word(r, s - 1, "and")))
            continue;
        long j = (long)m->e;
        int followed = is_word(r, j, "followed"), next = 0;
        const dmen *dm = NULL;
        for (long k = j + followed; (size_t)k < r->nt && k <= j + followed + 3 && !dm && !next; k++) {
            if (is_trigger_tok(r, k) || is_boundary(r, k) || (k > j && is_punct(r, k, ',')))
                break;
            for (size_t q = 0; q < r->ndm && !dm; q++)
                if ((long)r->dm[q].s == k || ((long)r->dm[q].s == k + 1 && is_word(r, k, "on")))
                    dm = &r->dm[q];
            next = WORD_IN(r, k, NEXT) && is_word(r, k + 1, "day");
        }
        if (!dm && !next && !followed)
            continue;
        casus_date day;
        memset(&day, 0, sizeof day);
        if (dm && dm->mon && x->date.precision)
            casusi_date_make(x->date.year, dm->mon, dm->dom, &day);
        else if (dm)
            day = dm->d;
        else if (next && x->date.precision == 3)
            day = casus_date_from_days(x->date.lo + 1);
        if (add_chamber(r, xi, m->code, m->body, (long)m->s, day))
            return -1;
        x = &r->ev[xi]; /* the array may have moved */
    }
    /* "..., the Senate followed on 25 November 2023": a chamber no
     * dictionary names is the first one's state's other chamber */
    if (x->src.n != 1)
        return 0;
    for (long i = te; (size_t)i + 3 < r->nt; i++) {
        if (is_boundary(r, i) || is_punct(r, i, ';'))
            break;
        if (!(is_punct(r, i, ',') || is_word(r, i, "and")) || !is_word(r, i + 1, "the"))
            continue;
        long c = i + 2, ce = c + 1;
        if ((is_word(r, c, "upper") || is_word(r, c, "lower")) && is_word(r, c + 1, "house"))
            ce = c + 2;
        else if (!is_word(r, c, "senate"))
            continue;
        if (!is_word(r, ce, "followed") || group_at(r, c) >= 0)
            continue;
        const dmen *dm = NULL;
        for (size_t q = 0; q < r->ndm && !dm; q++)
            if ((long)r->dm[q].s == ce + 2 && is_word(r, ce + 1, "on"))
                dm = &r->dm[q];
        casus_date day;
        memset(&day, 0, sizeof day);
        if (dm)
            day = dm->d;
        const char *body = casusi_span_text(r, c, ce);
        if (!body || add_chamber(r, xi, NULL, body, c, day))
            return -1;
        break;
    }
    return 0;
}

/* "ordered about 1,700 paratroopers to Poland and about 1,000 soldiers
 * of a Stryker squadron to Romania", "would send 500 soldiers to Estonia
 * and another 150 to Poland": a second number of troops sent, with no
 * verb of its own, to another state, after the deployment that ends at
 * token te. Adds the second deployment; returns -1 when out of memory. */
static int gapped_deployments(rd *r, long te)
{
    size_t xi = r->nev - 1;
    const rev *x = &r->ev[xi];
    if (x->type != CASUS_EV_TROOPS_DEPLOYED || x->tgt.n != 1 || x->mod == CASUS_MOD_POSSIBLE)
        return 0;
    static const char *const ABOUT[] = {"about", "some", "around", "roughly", "nearly", "almost", "up"};
    for (long i = te; (size_t)i + 3 < r->nt; i++) {
        if (is_boundary(r, i) || is_punct(r, i, ';') || (i > te && verb_tok(r, i)))
            return 0;
        if (!is_word(r, i, "and"))
            continue;
        long k = i + 1;
        while (WORD_IN(r, k, ABOUT) || is_word(r, k, "another") || is_word(r, k, "to") || is_word(r, k, "a") ||
               is_word(r, k, "further"))
            k++;
        if ((size_t)k >= r->nt)
            return 0;
        long first;
        int ap = 0;
        double v = casusi_number_before(r, k, &first, &ap);
        if (v < 1 || ((size_t)k + 1 < r->nt && cue_at(r, k + 1, CUE_MULT)))
            return 0;
        for (long j = k + 1; (size_t)j + 1 < r->nt && j < k + 15; j++) {
            if (is_boundary(r, j) || verb_tok(r, j) || is_punct(r, j, ';'))
                return 0;
            int g = group_at(r, j + 1);
            if (!is_word(r, j, "to") || g < 0 || (long)r->g[g].s != j + 1)
                continue;
            if (r->g[g].codes.n != 1 || cs_eq(&r->g[g].codes, &x->tgt) || cs_meets(&r->g[g].codes, &x->src))
                return 0;
            rev y = *x;
            y.tgt = r->g[g].codes;
            y.d.count = (int64_t)(v + 0.5);
            y.d.count_text = casusi_span_text(r, first, k + 1);
            y.d.approx = ap || WORD_IN(r, i + 1, ABOUT);
            y.d.place = casusi_span_text(r, (long)r->g[g].s, (long)r->g[g].e);
            y.d.place_id = NULL;
            y.tok = k;
            y.rs = NULL;
            y.nrs = y.rscap = 0;
            return add_event(r, &y);
        }
        return 0;
    }
    return 0;
}

static int do_trigger(rd *r, const lx_match *m, const lx_trigger *tr, int nested_denied)
{
    long ts = (long)m->s, te = (long)m->e;
    long where = -1;
    int selfsuff = tr->form == FORM_NOUN &&
                   (tr->type == CASUS_EV_MILITARY_EXERCISE || tr->type == CASUS_EV_INTELLIGENCE_SHARING ||
                    tr->type == CASUS_EV_MISSILE_TEST || tr->type == CASUS_EV_SANCTIONS ||
                    /* a claim called untrue looks for its claim itself */
                    (tr->subj_speaker && tr->type == CASUS_EV_DENY_ACCUSATION));
    /* "The Milli Majlis ratified the Shusha Declaration": what is
     * ratified is an instrument, whatever its name */
    int named = 0;
    long name_s = -1, name_e = -1; /* the instrument's name: "the Rome Statute" names no target */
    if (tr->lemma[0] == 'r' && !strcmp(tr->lemma, "ratify") && tr->form != FORM_NOUN) {
        long i = is_word(r, te, "the") ? te + 1 : te;
        name_s = i;
        if ((size_t)i < r->nt && r->t[i].kind == TK_NUM && r->t[i].e - r->t[i].s == 4)
            i++; /* "the 1998 Rome Statute" */
        /* "the Rome Statute": a capital may open the name */
        while ((size_t)i < r->nt && r->t[i].kind == TK_WORD && (r->t[i].fl & TF_CAP) &&
               (group_at(r, i) < 0 || ((size_t)i + 1 < r->nt && r->t[i + 1].kind == TK_WORD &&
                                       (r->t[i + 1].fl & TF_CAP) && group_at(r, i + 1) < 0)))
            i++, named++;
        name_e = i;
        named = named >= 2;
        /* "The State Duma ratified the document", "ratified the text" */
        static const char *const PAPER[] = {"document", "text"};
        if (is_word(r, te, "the") && WORD_IN(r, te + 1, PAPER))
            named = 1;
    }
    if (contract_signing(r, tr, ts))
        return 0;
    if (!named && !need_near(r, ts, te, tr->needs, &where) && !selfsuff)
        return 0;
    if (tr->type == CASUS_EV_ARMS_TRANSFERRED && tr->form != FORM_NOUN && !strcmp(tr->lemma, "order") &&
        !arms_order(r, ts, te, where))
        return 0;
    /* "kept 2,000 troops in the country", not "Dakar kept its treaty and
     * simply asked the soldiers to go home": the troops kept are the
     * verb's own object */
    if (tr->type == CASUS_EV_TROOPS_DEPLOYED && (!strcmp(tr->lemma, "keep") || !strcmp(tr->lemma, "maintain")) &&
        where >= te) {
        for (long i = te; i < where; i++)
            if (is_word(r, i, "and") || is_word(r, i, "but") || verb_tok(r, i) || is_punct(r, i, ','))
                return 0;
    }
    /* "handed him a protest note", "the town changed hands", "the two
     * leaders shook hands", "fell into Russian hands": no arms */
    static const char *const PERSON[] = {"him", "her", "them", "me", "us", "you"},
                             *const HANDS[] = {"changed", "change", "changing", "shook", "shake", "shaking",
                                               "shaken", "their", "his", "its", "our", "own", "my", "your"},
                             *const INTO[] = {"into", "in", "from", "of", "out"};
    if (tr->type == CASUS_EV_ARMS_TRANSFERRED && !strcmp(tr->lemma, "hand") &&
        (where < te || WORD_IN(r, te, PERSON) || WORD_IN(r, ts - 1, HANDS) || WORD_IN(r, ts - 2, INTO)))
        return 0;
    /* "a flight test of the F-35 engine": an aircraft's flight test is no
     * missile test */
    if (tr->type == CASUS_EV_MISSILE_TEST && tr->form == FORM_NOUN && strstr(tr->lemma, "flight") && where >= 0 &&
        aircraft_designator(r, where))
        return 0;
    /* "a J-15 fighter launched from the aircraft carrier Shandong": an
     * aircraft launched is no missile */
    static const char *const PLANE[] = {"fighter", "fighters", "jet", "jets", "aircraft", "helicopter",
                                        "helicopters", "bomber", "bombers", "plane", "planes"};
    if (tr->type == CASUS_EV_MISSILE_TEST && where >= 0 && aircraft_designator(r, where) &&
        WORD_IN(r, at(r, where) ? (long)at(r, where)->e : where + 2, PLANE))
        return 0;
    /* "Sweden's accession to NATO", "an obstacle to its entry into the
     * alliance": a joining named by a noun is an event only when a verb
     * carries it out ("completed its accession") */
    if (tr->form == FORM_NOUN && tr->type == CASUS_EV_ALLIANCE_JOINED) {
        int light = 0;
        for (long i = ts - 1; i >= 0 && i >= ts - 4 && !light; i--)
            light = cue_at(r, i, CUE_LIGHT) != 0;
        if (!light)
            return 0;
    }
    /* "any transfer of Rafale jets would need French approval": a noun
     * (or a verb form read as one) for any such event names none */
    if ((tr->form == FORM_NOUN || tr->form == FORM_BASE || tr->form == FORM_S) &&
        tr->type != CASUS_EV_MUTUAL_DEFENSE_PLEDGE &&
        (is_word(r, ts - 1, "any") || (is_word(r, ts - 2, "any") && !at(r, ts - 1))))
        return 0;
    /* "a US aid package remains stalled in Congress": a noun whose event is held up */
    if (tr->form == FORM_NOUN)
        for (long i = te; (size_t)i < r->nt && i < te + 4; i++)
            if (cue_starts(r, i, CUE_STALLED))
                return 0;
    /* "an early-warning aircraft", "real-time warning data": a warning
     * inside a compound word or naming equipment */
    static const char *const GEAR[] = {"data", "system", "systems", "radar", "radars", "aircraft", "plane",
                                       "planes", "satellite", "satellites", "centre", "center", "network"};
    if (tr->type == CASUS_EV_WARN && (tr->form == FORM_NOUN || tr->form == FORM_ING) &&
        ((r->t[ts].fl & TF_HYPH) || WORD_IN(r, te, GEAR)))
        return 0;
    /* "an escalation threatening the lives of more than a million",
     * "a provocation threatening peace": what threatens a thing, not a
     * party, is described, not warned */
    static const char *const THING[] = {"peace", "lives", "life", "security", "stability", "safety", "existence",
                                        "livelihoods", "future"},
                            *const AUX[] = {"is", "are", "was", "were", "be", "been", "already", "also", "still",
                                            "now", "openly", "repeatedly", "again", "even", "not"};
    if (tr->type == CASUS_EV_WARN && tr->form == FORM_ING && ts > 0 && r->t[ts - 1].kind == TK_WORD &&
        !(r->t[ts - 1].fl & TF_CAP) && !at(r, ts - 1) && !WORD_IN(r, ts - 1, AUX) &&
        WORD_IN(r, te + is_word(r, te, "the"), THING))
        return 0;
    /* "surface-to-ship missiles", "ship-to-shore": a verb inside a hyphenated word */
    if (tr->form != FORM_NOUN && ((r->t[ts].fl & TF_HYPH) || ((size_t)te < r->nt && (r->t[te].fl & TF_HYPH))))
        return 0;
    /* the object of a verb for the same event: "held joint air drills",
     * "adopted new sanctions against" */
    if (tr->form == FORM_NOUN && r->vsent == r->sentno && r->vtype == tr->type && r->vend <= ts &&
        r->vend >= ts - 5) {
        int sep = 0;
        for (long i = r->vend; i < ts && !sep; i++) {
            int g = group_at(r, i); /* a possessive is no separator: "reaffirmed America's ironclad commitment" */
            sep = is_boundary(r, i) || is_punct(r, i, ',') || (g >= 0 && !(r->t[r->g[g].e - 1].fl & TF_POSS));
        }
        if (!sep)
            return 0;
    }
    if (negated_before(r, ts) || negated_after(r, te) || is_question(r))
        return 0;
    if (fired_at(r, tr, te) || (!strcmp(tr->lemma, "carry") && !carried_to(r, te)))
        return 0;
    /* "Egypt flew weapons and ammunition to Mogadishu", not "jets flew
     * close to a destroyer": what is flown is the verb's object */
    if (tr->lemma[0] == 'f' && !strcmp(tr->lemma, "fly")) {
        /* "flew about 2,000 NLAW anti-tank launchers to Ukraine"; "A first
         * consignment of Egyptian weapons was flown into Mogadishu": the
         * passive's subject */
        int was = tr->form == FORM_PASTPART && ts > 0 && cue_at(r, ts - 1, CUE_BE);
        int obj = ((where >= te && where < te + 7) || (was && where >= 0 && where < ts)) && carried_to(r, te);
        for (long i = te; obj && i < where; i++)
            obj = !is_word(r, i, "to") && !is_word(r, i, "close") && !is_word(r, i, "near") && !verb_tok(r, i);
        if (!obj)
            return 0;
    }
    /* "troops are operating on Congolese soil", not "allowing US troops
     * to operate", "operated separately over the Sea of Japan" */
    if (tr->lemma[0] == 'o' && !strcmp(tr->lemma, "operate") && !(tr->form == FORM_ING && (cue_at(r, ts - 1, CUE_BE) ||
                                                                      (is_word(r, ts - 1, "still") && cue_at(r, ts - 2, CUE_BE)))))
        return 0;
    /* "called on Russia to end its illegal war", "called for": an appeal */
    if (tr->needs == NEED_BLAME && (is_word(r, te, "on") || is_word(r, te, "upon") || is_word(r, te, "for") ||
                                    is_word(r, te, "in") || is_word(r, te, "off")))
        return 0;
    /* "calling the charge incorrect", "called the allegations absurd": a
     * claim called wrong is denied, not condemned */
    if (tr->needs == NEED_BLAME && tr->form != FORM_NOUN && where > te) {
        for (long i = te; i < where && i < te + 4; i++)
            if (cue_at(r, i, CUE_CLAIM) || ((r->amask[i] >> CUE_CLAIM) & 1))
                return 0;
        /* "calling it incorrect", "called them absurd and unfounded": a
         * pronoun called what a claim is called */
        long w = te + 1;
        while (w < where && r->t[w].kind == TK_PUNCT)
            w++;
        if (w == where && (is_word(r, te, "it") || is_word(r, te, "them")) && cue_at(r, where, CUE_CLAIM))
            return 0;
    }
    /* "condemned what it called Israel's exploitation": the naming
     * belongs to the verb before */
    if (tr->needs == NEED_BLAME && tr->form != FORM_NOUN)
        for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
            if (is_word(r, i, "what") || is_word(r, i, "which"))
                return 0;
    /* "ordered the carrier strike group to the Caribbean", "shifted 1,500
     * soldiers to Niger", "troops landed in Dili": a move with a
     * destination (not "ordered troops to withdraw") */
    if (tr->type == CASUS_EV_TROOPS_DEPLOYED && tr->form != FORM_NOUN &&
        (!strcmp(tr->lemma, "order") || !strcmp(tr->lemma, "shift") || !strcmp(tr->lemma, "rotate")) &&
        !carried_to(r, te))
        return 0;
    if (tr->type == CASUS_EV_TROOPS_DEPLOYED && tr->form != FORM_NOUN && !strcmp(tr->lemma, "land") &&
        !((is_word(r, te, "in") || is_word(r, te, "on") || is_word(r, te, "at")) && names_place(r, te + 1)))
        return 0;
    /* "the law revoking Russia's ratification", "suspended its
     * deployment": a noun undone by the verb it is the object of */
    if (tr->form == FORM_NOUN && tr->type != CASUS_EV_TREATY_WITHDRAWN)
        for (long i = ts - 1; i >= 0 && i >= ts - 5; i--) {
            if (group_at(r, i) >= 0 || cue_at(r, i, CUE_DET))
                continue;
            if (cue_at(r, i, CUE_UNDO))
                return 0;
            break;
        }
    /* "held no joint patrol", "sent no troops": the needed object is negated */
    static const char *const NOT[] = {"no", "neither", "never", "not"};
    for (long i = te; i < where; i++)
        if (WORD_IN(r, i, NOT) && !is_word(r, i + 1, "only"))
            return 0;
    /* "a sign of", "North Korea's dispatch of troops": a verb form after a
     * determiner or a possessive is a noun */
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 0 &&
        ((cue_at(r, ts - 1, CUE_DET) && !is_word(r, ts - 1, "both") && !is_word(r, ts - 1, "all")) ||
         (r->t[ts - 1].fl & TF_POSS)))
        return 0;
    /* "a signed framework is harder to ignore", "the ratified text": a
     * participle between an article and its noun is an adjective */
    if ((tr->form == FORM_PAST || tr->form == FORM_PASTPART) && ts > 0 &&
        (is_word(r, ts - 1, "a") || is_word(r, ts - 1, "an") || is_word(r, ts - 1, "the")) && (size_t)te < r->nt &&
        r->t[te].kind == TK_WORD && !cue_at(r, te, CUE_PREP) && !cue_at(r, te, CUE_DET) && group_at(r, te) < 0)
        return 0;
    /* "condemned the American drills", "the U.S.-South Korean drills": a
     * state or demonym between a determiner and the verb form modifies a
     * noun (not "the Americans drill") */
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 1 && modified_noun(r, ts))
        return 0;
    /* "Putin signed the law ratifying the pact", "signed a decree on":
     * the signing of a domestic act is no treaty's signature */
    if (tr->type == CASUS_EV_TREATY_SIGNED && tr->form != FORM_NOUN)
        for (long i = te; (size_t)i < r->nt && i < te + 4; i++) {
            if (is_word(r, i, "off") || /* "signs off on": approves */
                is_word(r, i, "law") || is_word(r, i, "laws") || is_word(r, i, "bill") || is_word(r, i, "decree") ||
                is_word(r, i, "legislation") || is_word(r, i, "instrument") || is_word(r, i, "instruments"))
                return 0;
            if (r->t[i].kind == TK_PUNCT || cue_at(r, i, CUE_TREATY))
                break;
        }
    /* "warned over drills near Taiwan": after a preposition, a noun */
    if (tr->form == FORM_S && ts > 0 && cue_at(r, ts - 1, CUE_PREP) && !is_word(r, ts - 1, "to"))
        return 0;
    /* "13 navy ships", "Chinese aircraft and navy ships operated": the
     * vessels, not the verb */
    static const char *const SHIPNOUN[] = {"navy", "naval", "war", "cargo", "merchant", "container", "coast",
                                           "guard", "government", "official", "research", "survey", "patrol",
                                           "supply", "escort", "warships", "other", "two", "three", "four"};
    if ((tr->form == FORM_S || tr->form == FORM_BASE) && !strcmp(tr->lemma, "ship") && ts > 0 &&
        (WORD_IN(r, ts - 1, SHIPNOUN) || r->t[ts - 1].kind == TK_NUM || r->t[ts - 1].kind == TK_PUNCT))
        return 0;
    /* "could be sent to Latvia to join the forces there": an infinitive of
     * purpose after a verb for the same event adds no event */
    if (tr->form == FORM_BASE && is_word(r, ts - 1, "to")) {
        for (long i = ts - 2; i >= 0 && i >= ts - 14 && !is_boundary(r, i); i--) {
            int types[8];
            int n = verb_tok(r, i) ? event_types_at(r, i, types, 8) : 0;
            for (int u = 0; u < n; u++)
                if (r->lx->triggers[types[u]].type == tr->type)
                    return 0;
        }
    }
    /* "threatened to end an agreement", "threatened to withdraw from the
     * treaty": a threat, not the act (the warning is the event) */
    static const char *const THREAT[] = {"threaten", "threatens", "threatened", "threatening"};
    if (tr->form == FORM_BASE && tr->type != CASUS_EV_WARN && is_word(r, ts - 1, "to") && WORD_IN(r, ts - 2, THREAT))
        return 0;
    /* "looks forward to the entry into force of the RAA", "awaits the
     * ratification": an event hoped for or waited on is not one */
    if (tr->form == FORM_NOUN) {
        long i = ts - 1;
        while (i >= 0 && i >= ts - 3 && (cue_at(r, i, CUE_DET) || group_at(r, i) >= 0))
            i--;
        if (i >= 1 && ((is_word(r, i, "to") && is_word(r, i - 1, "forward")) || is_word(r, i, "await") ||
                       is_word(r, i, "awaits") || is_word(r, i, "awaiting") || is_word(r, i, "awaited")))
            return 0;
    }
    /* "to seek \"strong condemnation and sanctions\" against the North": what
     * is sought is not done */
    if (tr->form == FORM_NOUN) {
        static const char *const SEEK[] = {"seek", "seeks", "seeking", "sought", "pursue", "pursues", "pursuing"};
        for (long i = ts - 1; i >= 0 && i >= ts - 6; i--) {
            if (WORD_IN(r, i, SEEK))
                return 0;
            if (!(is_punct(r, i, '"') || (r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && !verb_tok(r, i))))
                break;
        }
    }
    /* "urged the Security Council to impose sanctions": someone is asked to
     * act; "called on the EU and the G7 to respond with 'devastating' new
     * sanctions": so is the infinitive's object */
    long inf = tr->form == FORM_BASE && is_word(r, ts - 1, "to") ? ts - 1 : -1;
    for (long k = ts - 2; inf < 0 && tr->form == FORM_NOUN && k >= 0 && k >= ts - 7; k--) {
        if (is_boundary(r, k) || is_punct(r, k, ',') || is_punct(r, k, ';'))
            break;
        if (is_word(r, k, "to") && k + 1 < ts && r->t[k + 1].kind == TK_WORD && !(r->t[k + 1].fl & TF_CAP))
            inf = k;
    }
    for (long i = inf - 1; inf > 0 && i >= 0 && i >= inf - 9 && !is_boundary(r, i); i--)
        if (cue_at(r, i, CUE_EXHORT))
            return 0;
    /* "demanded that the government cancel the agreement": a subjunctive */
    for (long k = ts - 1; tr->form == FORM_BASE && inf < 0 && k >= 1 && k >= ts - 6; k--) {
        if (is_boundary(r, k) || is_punct(r, k, ','))
            break;
        if (is_word(r, k, "that") && cue_at(r, k - 1, CUE_EXHORT))
            return 0;
    }
    /* "to revive terminated Security Council resolutions": a participle
     * between an infinitive and its object is an adjective */
    if ((tr->form == FORM_PAST || tr->form == FORM_PASTPART) && ts > 1 && is_word(r, ts - 2, "to") &&
        r->t[ts - 1].kind == TK_WORD && !at(r, ts - 1) && !(r->t[ts - 1].fl & TF_CAP) && (size_t)te < r->nt &&
        r->t[te].kind == TK_WORD && !cue_at(r, te, CUE_DET) && !cue_at(r, te, CUE_PREP) &&
        ((r->t[te].fl & TF_CAP) || !at(r, te)))
        return 0;
    /* "held drills": a verb form right after a verb is a noun */
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 0 && verb_tok(r, ts - 1))
        return 0;
    /* "by 188 votes to six": a verb form after a number is a noun, and so
     * is one after a number and an adjective ("four official
     * ships") */
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 0 && r->t[ts - 1].kind == TK_NUM)
        return 0;
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 1 && r->t[ts - 1].kind == TK_WORD &&
        !at(r, ts - 1) && !(r->t[ts - 1].fl & TF_CAP) &&
        (r->t[ts - 2].kind == TK_NUM || cue_at(r, ts - 2, CUE_NUMBER)))
        return 0;
    /* "against supplying", "from sending": not an event */
    if (tr->form == FORM_ING && (is_word(r, ts - 1, "against") || is_word(r, ts - 1, "from")))
        return 0;
    /* a conditional clause earlier in the sentence; not one the warning
     * quotes ("If Ukraine struck Russian territory, he warned, the response
     * would be serious") */
    int quoting = tr->type == CASUS_EV_WARN && tr->form != FORM_NOUN && is_punct(r, te, ',') && ts >= 2 &&
                  (is_punct(r, ts - 2, ',') || (ts >= 3 && is_punct(r, ts - 3, ',')));
    for (long i = 0; i < ts && !quoting; i++) {
        if (is_punct(r, i, ';'))
            break;
        if (cue_starts(r, i, CUE_COND)) {
            /* "should" only opens a clause */
            if (is_word(r, i, "should") && i > 0 && !is_punct(r, i - 1, ','))
                continue;
            return 0;
        }
    }
    rev x;
    memset(&x, 0, sizeof x);
    x.type = tr->type;
    x.mod = CASUS_MOD_ACTUAL;
    x.d.treaty_ref = -1;
    x.d.count = -1;
    x.d.quantity = -1;
    x.ent = -1;
    /* hypothetical "would", planned, possible */
    int threat_now = tr->type == CASUS_EV_WARN && (tr->form == FORM_NOUN || tr->subj_speaker ||
                                                   (strcmp(tr->lemma, "warn") && strcmp(tr->lemma, "caution")));
    for (long i = ts - 1; i >= 0 && i >= ts - 6; i--) {
        if (is_boundary(r, i))
            break;
        /* "would be deployed", "will be held": the auxiliary read as a
         * form of "be" is still "would" or "will" */
        int quoted = 0; /* "'Russia's responses will be harsh,' he warned": not the warning's */
        for (long j = i + 1; j < ts && !quoted; j++)
            quoted = is_punct(r, j, '"');
        int be_would = !quoted && cue_starts(r, i, CUE_BE) && is_word(r, i, "would");
        int be_will = !quoted && cue_starts(r, i, CUE_BE) && is_word(r, i, "will");
        if (cue_starts(r, i, CUE_WOULD) || be_would) {
            int said = 0, that = 0;
            /* "told Polsat News late on Wednesday that about 40,000
             * soldiers would be deployed": further back past a "that" (up
             * to 30 tokens) */
            for (long j = i - 1; j >= 0 && j >= i - 30 && !said; j--) {
                that |= is_word(r, j, "that");
                if (cue_at(r, j, CUE_SAY) && (j >= i - 6 || that))
                    said = 1;
                /* "decided that the treaty would be held in abeyance" */
                if (be_would && is_word(r, j, "that") && j > 0 && verb_tok(r, j - 1))
                    said = 1;
            }
            if (!said)
                return 0;
            /* "said it would take appropriate measures", "will respond
             * firmly": the threat is made now; what it threatens is to come */
            if (!threat_now)
                x.mod = CASUS_MOD_PLANNED;
        }
        if (cue_at(r, i, CUE_POSSIBLE) && !(is_word(r, i, "may") && r->t[i].fl & TF_CAP))
            x.mod = CASUS_MOD_POSSIBLE;
        else if ((cue_at(r, i, CUE_PLANNED) || be_will) && x.mod == CASUS_MOD_ACTUAL && !threat_now &&
                 !(tr->type == CASUS_EV_TREATY_WITHDRAWN && (is_word(r, (long)at(r, i)->s, "decided") ||
                                                             is_word(r, (long)at(r, i)->s, "decides"))) &&
                 !((tr->type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE || tr->type == CASUS_EV_AID_PLEDGED) &&
                   (cue_at(r, i, CUE_SAY) || pledge_word(r, (long)at(r, i)->s)) && !is_word(r, i, "will")) &&
                 /* "ordered Russian ambassador Oleg Vasnetsov summoned", "instructed that the
                  * Russian Ambassador be summoned": a summons ordered is done that day */
                 !(tr->type == CASUS_EV_SUMMON_AMBASSADOR &&
                   (is_word(r, i, "ordered") || is_word(r, i, "instructed") || is_word(r, i, "directed"))))
            x.mod = CASUS_MOD_PLANNED; /* "pledged to come to the aid of", "pledged to keep up military
                                          support": the pledge is made */
    }
    /* "Poland to send 10,000 troops to Belarus border", "China to host
     * second joint exercise with Russia": a headline's infinitive right
     * after its subject is what is to come */
    if (tr->form == FORM_BASE && x.mod == CASUS_MOD_ACTUAL && is_word(r, ts - 1, "to") && ts >= 2 &&
        group_at(r, ts - 2) == 0 && r->g[0].prep < 0 && (long)r->g[0].e == ts - 1 && r->g[0].s == 0)
        x.mod = CASUS_MOD_PLANNED;
    /* "the State Department approved the (possible) sale of 612 Javelin
     * missiles", "cleared the sale", "notified Congress of a proposed
     * sale": an approved sale is yet to be made */
    int approved = 0; /* the modality is set once the approval is dated, as a deed done */
    if (tr->type == CASUS_EV_ARMS_TRANSFERRED && tr->form == FORM_NOUN && x.mod != CASUS_MOD_PLANNED) {
        static const char *const OK[] = {"approved", "approves", "approve", "cleared", "clears", "authorized",
                                         "authorised", "authorizes", "authorises", "notified"};
        long i = ts - 1;
        while (i >= 0 && i >= ts - 5 && r->t[i].kind != TK_PUNCT && !WORD_IN(r, i, OK) &&
               (r->t[i].kind == TK_NUM || !verb_tok(r, i)))
            i--;
        approved = i >= 0 && WORD_IN(r, i, OK);
        if (approved && x.mod == CASUS_MOD_POSSIBLE)
            x.mod = CASUS_MOD_ACTUAL;
    }
    /* "the strategic exercise planned for September", "drills scheduled
     * for next month": a participle after the noun; "Yudh Abhyas, which
     * will be held in Rajasthan": a relative clause in the future */
    if (tr->form == FORM_NOUN && x.mod == CASUS_MOD_ACTUAL)
        for (long i = te; (size_t)i + 1 < r->nt && i <= te + 6 && !is_boundary(r, i); i++) {
            if (i <= te + 1 && (is_word(r, i, "planned") || is_word(r, i, "scheduled") || is_word(r, i, "slated") ||
                                is_word(r, i, "set")) && (is_word(r, i + 1, "for") || is_word(r, i + 1, "to")))
                x.mod = CASUS_MOD_PLANNED;
            if ((is_word(r, i, "which") || is_word(r, i, "that")) && is_word(r, i + 1, "will") &&
                is_word(r, i + 2, "be"))
                x.mod = CASUS_MOD_PLANNED;
            if (i > te && is_punct(r, i, ',') && !is_word(r, i + 1, "which"))
                break;
        }
    /* "Russia could in turn send weapons to North Korea if Western
     * countries kept arming Ukraine": a possible or planned event on a
     * condition that follows it is a hypothetical. Threats and defence
     * pledges are conditional by nature and stay. */
    if (x.mod != CASUS_MOD_ACTUAL && tr->type != CASUS_EV_WARN && tr->type != CASUS_EV_MUTUAL_DEFENSE_PLEDGE)
        for (long i = te; (size_t)i < r->nt && !is_punct(r, i, ';'); i++)
            if (is_word(r, i, "if") || is_word(r, i, "unless"))
                return 0;
    /* "the SOVFA shall enter into force on the date of the later
     * notification", "It shall enter into force only after both Parties
     * have completed their domestic requirements": a treaty's clause on its
     * own entry into force, waiting on steps no one has taken, is no
     * planned event (one with a day of its own stays: "will enter into
     * force on 1 January") */
    /* ... nor "It takes effect only once the two governments exchange
     * their instruments of ratification" */
    int once = 0; /* "only once", "only after", "only when", "upon" */
    for (long i = te; (size_t)i < r->nt && i < te + 3 && !once; i++)
        once = is_word(r, i, "upon") || ((is_word(r, i, "once") || is_word(r, i, "after") || is_word(r, i, "when")) &&
                                         is_word(r, i - 1, "only"));
    if (x.type == CASUS_EV_TREATY_IN_FORCE && (x.mod != CASUS_MOD_ACTUAL || once)) {
        static const char *const STEP[] = {"notification", "notifications", "completed", "completion", "fulfilled"};
        int step = 0, day = 0;
        long end = te; /* the clause: up to a comma or a semicolon */
        while ((size_t)end < r->nt && !is_punct(r, end, ';') && !is_punct(r, end, ','))
            end++;
        for (long i = te; i < end; i++)
            step |= WORD_IN(r, i, STEP) || (once && (is_word(r, i, "exchange") || is_word(r, i, "exchanged")));
        for (size_t k = 0; k < r->ndm; k++)
            day |= (long)r->dm[k].s >= te && (long)r->dm[k].s < end;
        if (step && !day)
            return 0;
    }
    /* hedges: before the trigger, or "according to" anywhere; an
     * intelligence agency before a deed it tells of */
    int words = speech_act(tr->type);
    static const char *const CHARGE[] = {"accused", "accusing", "accuses", "accusations", "claims", "claim",
                                         "claimed"};
    for (long i = 0; (size_t)i < r->nt; i++)
        if ((cue_starts(r, i, CUE_HEDGE) && (i < ts || is_word(r, i, "according")) &&
             /* "Israel accuses Iran of firing missiles, and Katz has
              * threatened to hit Tehran hard": a charge hedges the deed
              * charged, not words said beside it */
             !(words && WORD_IN(r, i, CHARGE))) ||
            (!words && i < ts && cue_starts(r, i, CUE_HEDGEAG))) {
            x.hedged = 1;
            break;
        }
    /* voice */
    int passive = 0;
    if (tr->form == FORM_PASTPART || tr->form == FORM_PART) {
        long j = te;
        /* "blamed militias backed by Tehran": "by" after another
         * participle is that one's agent; "denounced remarks by Israel":
         * after a noun, the noun's; only an adverb stands between a
         * participle and its agent ("condemned strongly by") */
        while ((size_t)j < r->nt && !at(r, j) && j < te + 2 && !ed_form(r, j) && ly_adverb(r, j))
            j++;
        if (is_word(r, j, "by"))
            passive = 1;
        for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
            if (cue_at(r, i, CUE_BE))
                passive = 1;
        /* "troops deployed in", "This treaty, signed by Putin": a
         * participle after its noun; not a verb with its object after a
         * parenthetical ("Maduro, speaking on state television, denounced
         * the deployment", "The minister, Maxime Prevot, denounced a
         * decision") */
        if (ts > 0 && (cue_at(r, ts - 1, CUE_TROOPS) || cue_at(r, ts - 1, CUE_TREATY)) &&
            /* but "Its troops crossed into Congo" opens the sentence */
            !(ts == 2 && (is_word(r, 0, "its") || is_word(r, 0, "their"))))
            passive = 1;
        else if (is_punct(r, ts - 1, ',')) {
            int g = group_at(r, te);
            int object = !date_at(r, te) && ((cue_at(r, te, CUE_DET) && !is_word(r, te, "that")) ||
                                              (g >= 0 && r->g[g].prep < 0 && (long)r->g[g].s == te));
            if (!object)
                passive = 1;
        }
    }
    if (treaty_content(r, ts, tr))
        return 0;
    /* "Washington suspended the sharing of American intelligence with
     * Kyiv", "the United Kingdom has stopped sharing intelligence": a halt
     * to sharing is no sharing */
    if (tr->type == CASUS_EV_INTELLIGENCE_SHARING) {
        static const char *const HALT[] = {"stop", "stops", "stopped", "stopping", "halt", "halts", "halted",
                                           "halting", "pause", "paused", "pausing", "ceased", "ended", "end"};
        for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
            if (WORD_IN(r, i, HALT) || cue_at(r, i, CUE_UNDO))
                return 0;
    }
    /* "AUSTRAHIND is held alternately in India and Australia", "the drills
     * are staged every year": a present passive with a habit is no event */
    if (passive && (is_word(r, ts - 1, "is") || is_word(r, ts - 1, "are"))) {
        static const char *const YEARLY[] = {"alternately", "annually", "biennially", "yearly", "traditionally"};
        for (long i = te; (size_t)i < r->nt && i < te + 4; i++)
            if (WORD_IN(r, i, HABIT) || WORD_IN(r, i, YEARLY))
                return 0;
    }
    /* "Beijing's warships gave pilots barely any warning": the arms are
     * the subject of an active verb, not what it hands over */
    if (tr->type == CASUS_EV_ARMS_TRANSFERRED && tr->form == FORM_PAST && !passive && !tr->subj_target &&
        where >= 0 && where < ts && at(r, where) && (long)at(r, where)->e == ts)
        return 0;
    /* "Burundi's withdrawal from the Rome Statute took effect": a withdrawal
     * takes effect, not the treaty */
    static const char *const EXIT[] = {"withdrawal", "withdrawals", "exit", "termination", "denunciation",
                                       "suspension", "departure", "pullout"};
    if (tr->type == CASUS_EV_TREATY_IN_FORCE && tr->form != FORM_NOUN)
        for (long i = ts - 1; i >= 0 && i >= ts - 8 && !is_boundary(r, i) && !is_punct(r, i, ','); i--)
            if (WORD_IN(r, i, EXIT))
                return 0;
    /* "which under its rules takes a year to take effect": a rule, no event */
    if (tr->type == CASUS_EV_TREATY_IN_FORCE && is_word(r, ts - 1, "to"))
        for (long i = ts - 2; i >= 0 && i >= ts - 6; i--)
            if (is_word(r, i, "takes") || is_word(r, i, "take") || is_word(r, i, "took") || is_word(r, i, "needs"))
                return 0;
    /* "no agreement on arms supplies had been signed": a subject with "no" */
    int be = 0;
    for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
        be |= cue_at(r, i, CUE_BE) != 0;
    for (long i = ts - 1; (passive || be) && i >= 0 && i >= ts - 10; i--) {
        if (is_boundary(r, i) || is_punct(r, i, ',') || cue_at(r, i, CUE_SAY))
            break;
        if (is_word(r, i, "no"))
            return 0;
    }
    int subj_treaty = 0;
    const char *body = NULL;
    int subj = -1;
    /* "Chinese warships joined Iranian and Russian vessels in the Maritime
     * Security Belt exercise": joining others in a drill is taking part in
     * it, with them; no deployment to them */
    if (!strcmp(tr->lemma, "join") && (tr->type == CASUS_EV_TROOPS_DEPLOYED || tr->type == CASUS_EV_MILITARY_EXERCISE)) {
        int drill = 0;
        for (long i = te, in = 0; (size_t)i < r->nt && i < te + 12 && !drill && !is_boundary(r, i) &&
                                  !is_punct(r, i, ',');
             i++) {
            in |= is_word(r, i, "in") || i < te + 3; /* "to join Exercise Bersama Shield" */
            drill = in && (cue_at(r, i, CUE_EXERCISE) || casusi_trigger_type_at(r, i, CASUS_EV_MILITARY_EXERCISE, 0));
        }
        if (drill != (tr->type == CASUS_EV_MILITARY_EXERCISE))
            return 0;
    }
    /* "would deny visas to the officials responsible", "denied access to
     * the site": refusing a thing is no denial of a claim */
    if (tr->type == CASUS_EV_DENY_ACCUSATION && !strcmp(tr->lemma, "deny")) {
        static const char *const REFUSED[] = {"visas", "visa", "entry", "access", "permission", "landing", "passage",
                                            "overflight", "clearance", "permits", "licences", "licenses"};
        long k = te;
        if (is_word(r, k, "them") || is_word(r, k, "him") || is_word(r, k, "her") || is_word(r, k, "it"))
            k++;
        if (WORD_IN(r, k, REFUSED))
            return 0;
    }
    casusi_roles(r, tr, ts, te, passive, &x.src, &x.tgt, &subj_treaty, &x.fuzzy, &body, &subj);
    if (!strcmp(tr->lemma, "join") && tr->type == CASUS_EV_MILITARY_EXERCISE) {
        /* the subject right before the verb ("US F-22 stealth fighters
         * joined South Korean jets"), not one guessed from further back */
        if (subj < 0 || (long)r->g[subj].e < ts - 5)
            return 0;
        cs_union(&x.src, &x.tgt);
        x.tgt.n = 0;
    }
    for (long i = name_s; i >= 0 && i < name_e; i++)
        if (group_at(r, i) >= 0)
            cs_minus(&x.tgt, &r->g[group_at(r, i)].codes);
    /* "'We strongly condemn the attack,' the Philippine foreign ministry
     * said", "We stand by our ironclad commitments, Blinken said": the
     * first person is the speaker */
    int firstp = 0;
    if (subj < 0 && !subj_treaty && tr->form != FORM_NOUN && !tr->subj_speaker) {
        long i = ts - 1;
        while (i >= 0 && i >= ts - 3 && r->t[i].kind == TK_WORD && !at(r, i) && !(r->t[i].fl & TF_CAP) &&
               !is_word(r, i, "we") && !is_word(r, i, "i"))
            i--;
        /* "We in the Islamic Republic of Iran are aware ..., and we warn":
         * the first person names its state */
        int own = -1;
        for (long k = 0; is_word(r, i, "we") && k < i && own < 0; k++)
            if (is_word(r, k, "we") && (is_word(r, k + 1, "in") || is_punct(r, k + 1, ',')))
                own = group_at(r, k + 2) >= 0 ? group_at(r, k + 2) : is_word(r, k + 2, "the") ? group_at(r, k + 3) : -1;
        if (own >= 0 && r->g[own].codes.n == 1 && (long)r->g[own].e < ts) {
            x.src = r->g[own].codes;
            cs_minus(&x.tgt, &x.src);
            subj = own;
            firstp = 1;
        } else if (is_word(r, i, "we") || (is_word(r, i, "i") && (r->t[i].fl & TF_CAP))) {
            int sp = speaker_group(r);
            /* "That accusation is groundless and we reject it, the
             * ministry said": one denial, the speaker's (see said_untrue) */
            if (sp >= 0 && ((long)r->g[sp].s > ts || (long)r->g[sp].e <= i) && tr->type != CASUS_EV_DENY_ACCUSATION) {
                x.src = r->g[sp].codes;
                cs_minus(&x.tgt, &x.src);
                subj = sp;
                firstp = 1;
            } else if (sp < 0 && quoted_sentence(r) && tr->type != CASUS_EV_DENY_ACCUSATION &&
                       quote_carrier(r, i, &x.src)) {
                /* "Lula said: \"... We condemn any form of coup d'etat in
                 * Bolivia.\"", "He added: \"We warn ...\"" (see quote_carrier) */
                cs_minus(&x.src, &x.tgt);
                firstp = x.src.n != 0;
            } else if (sp < 0 && r->home && !quoted_sentence(r)) {
                /* "We categorically reject these insinuations" in a
                 * ministry's statement or briefing, outside quotation
                 * marks: the first person is the home state's */
                cs_add(&x.src, r->home);
                cs_minus(&x.src, &x.tgt);
                x.srcinf = x.src.n != 0;
                firstp = x.src.n != 0;
            }
        }
    }
    /* "said it firmly opposed sanctions", "rejects sanctions on Iran",
     * "opposed sanctions imposed without a UN mandate": a verb form in -s,
     * or a sanctions trigger, right after a stance taken
     * (cues.yaml `reaction`) names what is reacted to, not a step of the
     * one who reacts; so do sanctions a condemnation's verb is about
     * ("denounced the sanctions imposed on Sunday") */
    if (tr->form == FORM_S || tr->type == CASUS_EV_SANCTIONS) {
        long i = ts - 1;
        while (i >= 0 && i >= ts - 4 && r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && group_at(r, i) < 0 &&
               !cue_at(r, i, CUE_REACT) && !condemned(r, tr, i))
            i--;
        if (i >= 0 && (cue_at(r, i, CUE_REACT) || condemned(r, tr, i)))
            return 0;
    }
    int said_untrue = tr->subj_speaker && tr->type == CASUS_EV_DENY_ACCUSATION && tr->needs == NEED_CLAIM;
    /* "had nothing to do with it", "had no part in the attacks": a part
     * disowned in a deed, not in "peace" or "diplomatic work" */
    if (tr->subj_speaker && tr->type == CASUS_EV_DENY_ACCUSATION && !said_untrue &&
        (is_word(r, te - 1, "with") || is_word(r, te - 1, "in"))) {
        static const char *const IT[] = {"it", "them", "this", "that", "these", "those"};
        long o = te + (cue_at(r, te, CUE_DET) ? 1 : 0);
        while ((size_t)o < r->nt && o < te + 4 && r->t[o].kind == TK_WORD && !at(r, o) && !(r->t[o].fl & TF_CAP))
            o++; /* "the deadly attack" */
        if (!WORD_IN(r, te, IT) && !cue_starts(r, o, CUE_ATTACK) && !cue_starts(r, o, CUE_EVREF) &&
            !is_trigger_tok(r, o))
            return 0;
    }
    if (said_untrue && !predicate_denial(r, ts, &x.src, &x.tgt))
        return 0;
    if (said_untrue) /* "Russian claims that ... are false": the claim is hedged, not the denial */
        x.hedged = 0;
    /* "Any Indian misadventure will be met with a swift response, the army
     * said": the speaker threatens; a name modifying the subject, not
     * after a preposition, is the one threatened */
    if (tr->subj_speaker && !said_untrue) {
        int sp = speaker_group(r);
        /* "Otherwise, the Philippine side will have to bear the
         * consequences": with no speaker named, the subject is the one
         * threatened, not the one who threatens */
        if (sp < 0 && subject_suffers(r, ts, te)) {
            cs_union(&x.tgt, &x.src);
            x.src.n = 0;
        }
        if (sp >= 0) {
            x.src = r->g[sp].codes;
            x.tgt.n = 0;
            for (size_t g = 0; g < r->ng; g++)
                if ((long)g != sp && (long)r->g[g].e <= ts && !r->g[g].people &&
                    ((long)r->g[sp].e <= (long)r->g[g].s || (long)r->g[sp].s >= ts) && r->am[r->g[g].last].actor &&
                    ((r->g[g].prep < 0 &&
                      (r->am[r->g[g].last].actor->kind == AK_DEMONYM || (r->t[r->g[g].e - 1].fl & TF_POSS))) ||
                     /* "any attempt by India to divert the water" */
                     (r->g[g].prep >= 0 && is_word(r, r->g[g].prep, "by") && r->g[g].prep >= 1 &&
                      !at(r, r->g[g].prep - 1) && r->t[r->g[g].prep - 1].kind == TK_WORD)))
                    cs_union(&x.tgt, &r->g[g].codes);
            cs_minus(&x.tgt, &x.src);
        }
    }
    /* "neither Paris nor Berlin has committed to sending troops" */
    if (subj >= 0 && (cue_at(r, (long)r->g[subj].s - 1, CUE_NEG) ||
                      (r->g[subj].s >= 2 && cue_at(r, (long)r->g[subj].s - 2, CUE_NEG) &&
                       cue_at(r, (long)r->g[subj].s - 1, CUE_DET))))
        return 0;
    if (nested_denied) {
        if (tr->form == FORM_NOUN)
            return 0; /* "dismissed claims of troop deployment": the denial says it */
        /* "denied that the deal threatens Somalia": a word said by no state
         * is no event, only what the denial is about */
        if ((tr->type == CASUS_EV_WARN || tr->type == CASUS_EV_CONDEMN) && subj < 0)
            return 0;
        x.denied = 1;
    }
    int e = -1;
    cset pairwith = {{0}, 0}, pairsubj = {{0}, 0};
    switch (tr->type) {
    case CASUS_EV_TREATY_SIGNED:
    case CASUS_EV_TREATY_RATIFIED:
    case CASUS_EV_TREATY_IN_FORCE:
    case CASUS_EV_TREATY_WITHDRAWN: {
        /* "left ECOWAS", "to leave the Ottawa Treaty", "ending its defence
         * agreements": "leave" and "end" only with the treaty or the body
         * as their object (not "left Pyongyang after signing the treaty",
         * "the talks ended with a pact") */
        if (tr->type == CASUS_EV_TREATY_WITHDRAWN && (!strcmp(tr->lemma, "leave") || !strcmp(tr->lemma, "end"))) {
            int obj = 0;
            for (long i = te; !obj && (size_t)i < r->nt && i < te + 5 && !is_boundary(r, i); i++) {
                obj = names_treaty(r, i) || (i == te && unknown_body(r, i)); /* "left the CEEAC" */
                if (!obj && group_at(r, i) >= 0)
                    break; /* "left Moscow", not "to leave the Ottawa Convention" */
            }
            if (!obj)
                return 0;
        }
        /* "pulled the United States out of the 2015 nuclear agreement",
         * "withdrew it from the Warsaw Pact": a short object, then "out of"
         * or "from" and the treaty or the body (not "withdrew its troops
         * from Syria") */
        if (tr->type == CASUS_EV_TREATY_WITHDRAWN && (!strcmp(tr->lemma, "pull") || !strcmp(tr->lemma, "withdraw")) &&
            !out_of_treaty(r, te, tr->lemma[0] == 'w'))
            return 0;
        /* "the withdrawal of the United States from the JCPOA": the
         * state after "of" leaves what follows "from" (not "the withdrawal
         * of Russian troops from Armenia") */
        if (!strcmp(tr->lemma, "withdrawal of")) {
            long i = is_word(r, te, "the") ? te + 1 : te;
            int g = group_at(r, i);
            if (g < 0 || (long)r->g[g].s != i || r->g[g].people || !is_word(r, (long)r->g[g].e, "from"))
                return 0;
            int obj = 0;
            for (long j = (long)r->g[g].e + 1; !obj && (size_t)j < r->nt && j < (long)r->g[g].e + 6; j++)
                obj = names_treaty(r, j) || (at(r, j) && group_at(r, j) >= 0 && r->am[r->g[group_at(r, j)].first].org);
            if (!obj)
                return 0;
            x.src = r->g[g].codes;
            cs_minus(&x.tgt, &x.src);
        }
        e = treaty_for(r, ts);
        /* "the JCPOA" names no treaty with parties: not the article's
         * current treaty either */
        if (!strcmp(tr->lemma, "withdrawal of")) {
            int here = 0;
            for (size_t k = 0; k < r->ntm && !here; k++)
                here = r->tment[k] >= 0 && r->tment[k] == e;
            if (!here)
                e = -1;
        }
        ent *en = e >= 0 ? &r->en[e] : NULL;
        /* organisations or treaty nouns are not parties */
        if (tr->type == CASUS_EV_TREATY_RATIFIED) {
            /* a ministry, an agency or the military approves no treaty
             * ("the State Department's approval of the sale") */
            if (subj >= 0)
                for (int a = r->g[subj].first; a <= r->g[subj].last; a++) {
                    const lx_actor *ac = r->am[a].actor;
                    if (ac && ac->kind == AK_BODY && ac->role &&
                        (!strcmp(ac->role, "ministry") || !strcmp(ac->role, "agency") ||
                         !strcmp(ac->role, "military") || !strcmp(ac->role, "media")))
                        return 0;
                }
            /* "voted 66-14 on Thursday to withdraw from", "approved the
             * withdrawal from", "passed a bill on withdrawing from": the
             * vote is the withdrawal, no ratification */
            int as_exit = 0;
            for (long i = te; (size_t)i < r->nt && i < te + 10 && !is_boundary(r, i) && !is_punct(r, i, ','); i++) {
                /* "approved the withdrawal on Friday": the noun is the
                 * vote's object, the vote is the exit */
                if (i <= te + 2 && is_word(r, i, "withdrawal") && !is_word(r, i + 1, "from") &&
                    !is_word(r, i + 1, "of")) {
                    as_exit = 1;
                    break;
                }
                if (casusi_trigger_type_at(r, i, CASUS_EV_TREATY_WITHDRAWN, 0))
                    return 0;
                /* "voted to take the country out of the 1997 treaty", "to
                 * pull Lithuania out of the Convention" */
                static const char *const TAKE[] = {"take", "pull", "taking", "pulling"};
                if (is_word(r, i, "to") && WORD_IN(r, i + 1, TAKE))
                    for (long j = i + 2; (size_t)j + 1 < r->nt && j < i + 7 && !as_exit; j++)
                        as_exit = is_word(r, j, "out") && is_word(r, j + 1, "of");
                if (as_exit)
                    break;
            }
            if (as_exit)
                x.type = CASUS_EV_TREATY_WITHDRAWN;
            /* "approved a national nature reserve": a verb that is not
             * "ratify" needs the treaty as its object */
            if (tr->form != FORM_NOUN && !passive && !as_exit && strcmp(tr->lemma, "ratify") &&
                strcmp(tr->lemma, "vote")) {
                int obj = 0;
                for (long i = te; !obj && (size_t)i < r->nt && i < te + 10 && !is_boundary(r, i); i++)
                    obj = names_treaty(r, i) || is_word(r, i, "it") || is_word(r, i, "them") ||
                          cue_at(r, i, CUE_DENYREF) || ratification_paper(r, i) ||
                          /* "approved Sweden's membership" */
                          (body && (is_word(r, i, "membership") || is_word(r, i, "accession")) && i > 0 &&
                           (r->t[i - 1].fl & TF_POSS) && !is_word(r, i + 1, "bid"));
                if (!obj)
                    return 0;
            }
            x.d.body = body;
            /* "..., and the Senate approved the law on 25 April": a chamber
             * no dictionary names, right before the verb, is the body (not
             * the one that opened the sentence) */
            {
                long c = ts - 1 - (is_word(r, ts - 1, "also") || is_word(r, ts - 1, "then"));
                long c0 = (is_word(r, c, "house") && (is_word(r, c - 1, "upper") || is_word(r, c - 1, "lower"))) ? c - 1 : c;
                if ((is_word(r, c, "senate") || c0 < c) && is_word(r, c0 - 1, "the") && group_at(r, c) < 0)
                    x.d.body = casusi_span_text(r, c0, c + 1);
                /* "The National Council ratified the Defence Cooperation
                 * Agreement by 79 votes to 60": a chamber's proper name the
                 * dictionaries do not know (Slovakia's, Austria's and
                 * Switzerland's share it), right before the verb */
                static const char *const HEAD[] = {"council", "assembly", "parliament", "chamber", "congress",
                                                   "diet", "majlis", "sejm", "rada", "khural", "kenesh", "sobranie",
                                                   "storting", "riksdag", "folketing", "saeima", "seimas", "knesset"};
                if (!x.d.body && c > 0 && (r->t[c].fl & TF_CAP) && WORD_IN(r, c, HEAD) &&
                    group_at(r, c) < 0) {
                    long b = c;
                    while (b > 0 && b > c - 3 && r->t[b - 1].kind == TK_WORD && (r->t[b - 1].fl & TF_CAP) &&
                           group_at(r, b - 1) < 0 && !is_word(r, b - 1, "the"))
                        b--;
                    if (is_word(r, b - 1, "the") && b < c && !is_word(r, b - 2, "of")) /* not "the House of ... of the National Assembly" */
                        x.d.body = casusi_span_text(r, b, c + 1);
                }
            }
            cs_minus(&x.tgt, &x.src);
            if (en && x.src.n) {
                cset t = en->parties;
                cs_minus(&t, &x.src);
                if (t.n)
                    x.tgt = t;
            }
        } else if (tr->type == CASUS_EV_TREATY_SIGNED) {
            if (!x.src.n && en)
                x.src = en->parties;
            cs_union(&x.src, &x.tgt);
            x.tgt.n = 0;
            /* "Britain was the first, signing its agreement" with the
             * bilateral treaty the article has named ("the UK-Ukraine
             * agreement"): a signing has both parties, not the one the
             * sentence names */
            if (x.src.n == 1 && en && en->parties.n == 2 && cs_meets(&en->parties, &x.src))
                cs_union(&x.src, &en->parties);
            /* "Britain was the first, signing its agreement in Kyiv", "The
             * convention was signed in Washington by the Secretary of
             * State and Honduras's envoy": one signer named, the capital
             * the paper was signed in is the other's */
            if (x.src.n == 1 && !(en && en->parties.n >= 2 && !cs_meets(&en->parties, &x.src)) &&
                !(en && en->kb && en->kb->nmembers > 2))
                signed_in_capital(r, ts, &x.src);
            if (!x.src.n && passive && !(en && en->kb && en->kb->nmembers > 2))
                signed_pair(r, te, &x.src);
            int plain = subj >= 0 && !passive && (long)r->g[subj].e <= ts; /* "Japan and Australia signed" */
            for (long i = plain ? (long)r->g[subj].e : ts; i < ts; i++)
                plain &= r->t[i].kind != TK_PUNCT;
            if (en && (en->parties.n < 2 || en->guess) && x.src.n >= 2 && plain) {
                en->parties = x.src;
                en->guess = 0;
            } else if (en && en->parties.n < 2 && x.src.n >= 2)
                en->parties = x.src;
            /* "Germany and France signed bilateral security agreements
             * with Ukraine": one signing per pair */
            if (subj >= 0 && r->g[subj].codes.n >= 2 && plural_treaty(r, te)) {
                for (size_t g = 0; g < r->ng; g++)
                    if ((long)r->g[g].s >= te && r->g[g].prep >= 0 && is_word(r, r->g[g].prep, "with") &&
                        !cs_meets(&r->g[g].codes, &r->g[subj].codes)) {
                        pairwith = r->g[g].codes;
                        pairsubj = r->g[subj].codes;
                        break;
                    }
            }
        } else if (tr->type == CASUS_EV_TREATY_IN_FORCE) {
            x.src.n = 0;
            x.tgt.n = 0;
            if (en)
                x.src = en->parties;
        } else {
            if (!x.src.n && en)
                x.src = en->parties;
            cs_minus(&x.tgt, &x.src);
            /* "terminate its defence agreement with France" */
            if (!x.tgt.n)
                for (size_t g = 0; g < r->ng; g++)
                    if ((long)r->g[g].s >= te && (long)r->g[g].s < te + 10 && r->g[g].prep >= 0 &&
                        is_word(r, r->g[g].prep, "with") && !cs_meets(&r->g[g].codes, &x.src)) {
                        x.tgt = r->g[g].codes;
                        break;
                    }
            /* leaving an organisation: the organisation is the target */
            for (size_t a = 0; a < r->nam; a++)
                if (r->am[a].org && (long)r->am[a].s >= te && (long)r->am[a].s < te + 8) {
                    x.tgt.n = 0;
                    cs_add(&x.tgt, r->am[a].code);
                    en = NULL;
                    x.ent = e = -1;
                    break;
                }
            /* the treaty's other parties, unless the sentence names some
             * of them ("suspended its ANZUS obligations to New Zealand") */
            if (en) {
                cset t = en->parties;
                cs_minus(&t, &x.src);
                if (t.n && !(x.tgt.n && cs_sub(&x.tgt, &t)))
                    x.tgt = t;
            }
            /* "Finland's Eduskunta voted to leave the Ottawa Convention" */
            if (body && tr->form != FORM_NOUN)
                x.d.body = body;
        }
        x.ent = e;
        break;
    }
    case CASUS_EV_CONDEMN:
    case CASUS_EV_WARN:
        /* "Putin signed a law denouncing the Plutonium Management and
         * Disposition Agreement with the United States", "Russia denounced
         * its treaty with": a party that denounces its own treaty, named
         * or its own, leaves it; "Seoul denounced the treaty" between
         * others condemns it */
        if (tr->form != FORM_NOUN && !strcmp(tr->lemma, "denounce"))
            for (size_t k = 0; k < r->ntm && x.type == CASUS_EV_CONDEMN; k++) {
                const lx_match *tm = &r->sel[r->tm[k]];
                if ((long)tm->s < te || (long)tm->s >= te + 8 || r->tment[k] < 0)
                    continue;
                int own = 0, with = 0;
                for (long i = te; i < (long)tm->e && !own; i++)
                    own = is_word(r, i, "its") || is_word(r, i, "their") ||
                          ((r->t[i].fl & TF_CAP) && group_at(r, i) < 0);
                for (size_t g = 0; g < r->ng && !with; g++)
                    with = r->g[g].s >= tm->e && (long)r->g[g].s < (long)tm->e + 6 && r->g[g].prep >= 0 &&
                           is_word(r, r->g[g].prep, "with") && !cs_meets(&r->g[g].codes, &x.src);
                /* "denounced the 2013 Franco-Algerian agreement" (a party),
                 * "denounced the 2013 agreement with France" (no other
                 * party before the treaty noun) */
                int nogroup = 1;
                for (long i = te; i < (long)tm->s && nogroup; i++)
                    nogroup = group_at(r, i) < 0;
                /* "Mexico formally denounced the treaty": a treaty whose
                 * parties the article does not give is the subject's own */
                const ent *den = &r->en[r->tment[k]];
                int unknown = (den->parties.n < 2 || den->guess) && nogroup;
                /* "denounced the memorandum that Ethiopia had concluded
                 * with Hargeisa": a relative clause names another party */
                for (long i = (long)tm->e; unknown && (size_t)i < r->nt && i < (long)tm->e + 3; i++) {
                    int g = (is_word(r, i, "that") || is_word(r, i, "which")) ? group_at(r, i + 1) : -1;
                    if (g >= 0 && !cs_meets(&r->g[g].codes, &x.src))
                        unknown = 0;
                }
                if (!cs_meets(&den->parties, &x.src) && !(with && (own || nogroup)) && !unknown)
                    continue;
                /* "denounced the memorandum as null and void": a judgment */
                int as = 0;
                for (long i = (long)tm->e; (size_t)i < r->nt && i < (long)tm->e + 4 && !as; i++)
                    as = is_word(r, i, "as");
                if (as)
                    continue;
                x.type = CASUS_EV_TREATY_WITHDRAWN;
                x.ent = e = r->tment[k];
                cset t = r->en[e].parties;
                cs_minus(&t, &x.src);
                if (t.n)
                    x.tgt = t;
            }
        if (x.type == CASUS_EV_TREATY_WITHDRAWN)
            break;
        /* "condemned the attack on Qatar", "the violation of Polish
         * airspace": the place struck is no target; the striker is */
        if (tr->type == CASUS_EV_CONDEMN)
            casusi_attack_victim(r, te, &x.tgt);
        casusi_sovereignty_victim(r, te, &x.tgt);
        cs_minus(&x.tgt, &x.src);
        if (!x.tgt.n) {
            /* condemning a treaty condemns its parties */
            for (size_t k = 0; k < r->ntm; k++) {
                long s = (long)r->sel[r->tm[k]].s;
                if (s >= te && s < te + 8 && r->tment[k] >= 0) {
                    x.tgt = r->en[r->tment[k]].parties;
                    x.ent = r->tment[k];
                    /* a deal with no state on the other side ("with the
                     * breakaway region of Somaliland"): its signers */
                    for (size_t q = r->nev; !x.tgt.n && q-- > 0 && q + 200 > r->nev;)
                        if (r->ev[q].type == CASUS_EV_TREATY_SIGNED && r->ev[q].ent == x.ent)
                            x.tgt = r->ev[q].src;
                    break;
                }
            }
        }
        /* "X held drills, a move Caracas denounced": what is condemned is
         * the sentence's earlier event, so its sources are the target */
        /* "summoned Russia's chargé and handed him a note of protest": the
         * same actor goes on against the same target */
        if (!x.tgt.n && r->nev && r->ev[r->nev - 1].sent == r->sentno && cs_eq(&r->ev[r->nev - 1].src, &x.src) &&
            r->ev[r->nev - 1].tgt.n)
            x.tgt = r->ev[r->nev - 1].tgt;
        /* "Saudi Arabia condemned Netanyahu's remarks ... Jordan, the
         * United Arab Emirates, Kuwait and Iraq also issued statements
         * condemning the remarks": words no one in the sentence owns are
         * those whose owner a condemnation named last */
        if (tr->type == CASUS_EV_CONDEMN) {
            static const char *const WORDS[] = {"remarks", "comments", "statements", "rhetoric", "words", "comment"};
            long i = te;
            while ((size_t)i < r->nt && i < te + 6 && !WORD_IN(r, i, WORDS) && !is_boundary(r, i) &&
                   (is_word(r, i, "the") || is_word(r, i, "these") || is_word(r, i, "those") ||
                    group_at(r, i) >= 0 || (r->t[i].fl & TF_POSS) || (r->t[i].kind == TK_WORD && (r->t[i].fl & TF_CAP))))
                i++;
            if (WORD_IN(r, i, WORDS)) {
                /* "Netanyahu's remarks", "remarks by Israeli Prime Minister
                 * Benjamin Netanyahu" */
                int owned = is_word(r, i + 1, "by") || is_word(r, i + 1, "of");
                for (long k = te; k < i && !owned; k++)
                    owned = group_at(r, k) >= 0 || !(is_word(r, k, "the") || is_word(r, k, "these") || is_word(r, k, "those"));
                if (owned && x.tgt.n)
                    r->remarks_by = x.tgt;
                else if (!owned && !x.tgt.n && r->remarks_by.n && !cs_meets(&r->remarks_by, &x.src))
                    x.tgt = r->remarks_by;
            }
        }
        if (!x.tgt.n && tr->type == CASUS_EV_CONDEMN && r->nev && r->ev[r->nev - 1].sent == r->sentno &&
            r->ev[r->nev - 1].type != CASUS_EV_CONDEMN && r->ev[r->nev - 1].type != CASUS_EV_DENY_ACCUSATION)
            x.tgt = r->ev[r->nev - 1].src;
        /* "accusing the regional bloc of": the alliance last named */
        if (!x.tgt.n && org_ref(r, te) && !cs_has(&x.src, org_ref(r, te)))
            cs_add(&x.tgt, org_ref(r, te));
        /* "criticised the sanctions", "condemned the launch": the object
         * names an earlier event, whose sources are the target */
        if (!x.tgt.n)
            casusi_event_ref(r, te, &x.src, &x.tgt);
        if (!x.tgt.n && tr->type == CASUS_EV_CONDEMN)
            casusi_attack_ref(r, te, &x.src, &x.tgt);
        cs_minus(&x.tgt, &x.src);
        /* "Estonia condemns this violation": with no target named, the
         * target of the same actor's last word or summons in the two
         * sentences before */
        for (size_t q = r->nev; !x.tgt.n && q-- > 0 && r->ev[q].sent >= r->sentno - 2;) {
            const rev *pv = &r->ev[q];
            if ((pv->type == CASUS_EV_CONDEMN || pv->type == CASUS_EV_WARN || pv->type == CASUS_EV_SUMMON_AMBASSADOR ||
                 pv->type == CASUS_EV_SANCTIONS) && cs_eq(&pv->src, &x.src) && pv->tgt.n)
                x.tgt = pv->tgt;
        }
        break;
    case CASUS_EV_MUTUAL_DEFENSE_PLEDGE:
        /* "the three governments signed the Charter, under which an attack
         * on one member is considered an attack on all": the signers */
        for (size_t q = r->nev; !x.src.n && tr->form == FORM_NOUN && q-- > 0 && r->ev[q].sent == r->sentno;)
            if (r->ev[q].type == CASUS_EV_TREATY_SIGNED)
                x.src = r->ev[q].src;
        /* "Saudi Arabia and Pakistan pledged that aggression against either
         * would be treated as aggression against both": a clause told as a
         * noun is pledged by the subject of the sentence */
        if (!x.src.n && m->p == CLAUSE_MATCH && r->ng && r->g[0].prep < 0 && r->g[0].s <= 3 && (long)r->g[0].e <= ts)
            x.src = r->g[0].codes;
        if (subj_treaty || !x.src.n) {
            int q = treaty_for(r, ts);
            if (q >= 0) {
                x.src = r->en[q].parties;
                x.ent = q;
            }
        }
        if (tr->needs == NEED_PLEDGE) {
            /* "reaffirmed the firm commitment of the United States to the
             * defense of the Republic of Korea": the state whose commitment
             * it is pledges, whoever speaks */
            for (long i = te; where > te && i < where && i < te + 8; i++) {
                if (!is_word(r, i, "commitment") && !is_word(r, i, "commitments"))
                    continue;
                long k = i + 1 + is_punct(r, i + 1, '"');
                if (!is_word(r, k, "of"))
                    continue;
                k += 1 + is_word(r, k + 1, "the");
                int g = group_at(r, k);
                if (g >= 0 && (long)r->g[g].e <= where)
                    x.src = r->g[g].codes;
                break;
            }
            /* "reaffirmed America's ironclad commitment to the security of
             * Israel", "reaffirmed that Article IV of the U.S.-Philippines
             * treaty extends to": the defended state follows the commitment */
            cs_minus(&x.tgt, &x.src);
            for (long i = where; !x.tgt.n && i >= 0 && (size_t)i < r->nt && i < where + 14 &&
                                 !(i > where && is_boundary(r, i)); i++) {
                int g = group_at(r, i);
                if (g >= 0) {
                    x.tgt = r->g[g].codes;
                    cs_minus(&x.tgt, &x.src);
                }
            }
            if (!x.tgt.n && x.ent >= 0) {
                x.tgt = r->en[x.ent].parties;
                cs_minus(&x.tgt, &x.src);
            }
            if (x.tgt.n)
                break;
        }
        /* "Germany will defend every inch of allied territory, and that
         * includes Vilnius": the defended state later in the sentence */
        cs_minus(&x.tgt, &x.src);
        for (size_t g = 0; !x.tgt.n && !strstr(tr->lemma, "mutual") && x.ent < 0 && g < r->ng; g++)
            if ((long)r->g[g].s >= te) {
                x.tgt = r->g[g].codes;
                cs_minus(&x.tgt, &x.src);
            }
        if (!x.tgt.n || strstr(tr->lemma, "mutual") || x.ent >= 0)
            x.tgt = x.src;
        /* "will defend": the pledge is made now */
        if (x.mod == CASUS_MOD_PLANNED)
            x.mod = CASUS_MOD_ACTUAL;
        break;
    case CASUS_EV_TROOPS_DEPLOYED: {
        long w = where;
        if (w >= 0) {
            /* the troops' owner: "North Korean troops", "Pyongyang's soldiers" */
            long j = (long)at(r, w)->s - 1;
            while (j >= 0 && r->t[j].kind == TK_WORD && !at(r, j) && j >= (long)at(r, w)->s - 2)
                j--;
            int g = group_at(r, j);
            if (g >= 0 && r->g[g].prep < 0 && (passive || !x.src.n || tr->form == FORM_NOUN)) {
                x.src = r->g[g].codes;
                joined_forces(r, g, &x.src);
                cs_minus(&x.tgt, &x.src);
            } else if (g >= 0 && is_word(r, r->g[g].prep, "of") && tr->form == FORM_NOUN) {
                x.src = r->g[g].codes;
                cs_minus(&x.tgt, &x.src);
            }
            const char *item = NULL;
            /* "a contingent of 1,960 peacekeepers": the people after "of"
             * are counted */
            long wm = (long)at(r, w)->e;
            long f0;
            int a0;
            /* (not "about 1,700 paratroopers of the 82nd Airborne Division":
             * counted already) */
            if (cue_at(r, w, CUE_TROOPS) && is_word(r, wm, "of") &&
                casusi_number_before(r, (long)at(r, w)->s - 1, &f0, &a0) < 0) {
                long k = wm + 1;
                while ((size_t)k < r->nt && k < wm + 5 && !cue_starts(r, k, CUE_TROOPS) && !is_boundary(r, k) &&
                       !is_punct(r, k, ','))
                    k++;
                if ((size_t)k < r->nt && cue_starts(r, k, CUE_TROOPS))
                    w = k;
            }
            if (cue_at(r, w, CUE_TROOPS)) /* ships have no troop count */
                casusi_item_and_qty(r, w, CUE_TROOPS, &item, &x.d.count, &x.d.count_text, &x.d.approx);
        }
        const casus_place *pl = casusi_place_of(r, ts, LONG_MAX, &x.d);
        cs_minus(&x.tgt, &x.src);
        /* "North Korean troops deployed to the Kursk region": the place's
         * state is the host, unless the sender holds it */
        if (!x.tgt.n && pl && pl->sovereign && !cs_has(&x.src, pl->sovereign->iso3) &&
            !(pl->admin && cs_has(&x.src, pl->admin->iso3)))
            cs_add(&x.tgt, pl->sovereign->iso3);
        if (!pl && !casusi_place_of_target(r, te, &x.tgt, &x.d))
            casusi_place_named(r, te, 0, &x.d);
        break;
    }
    case CASUS_EV_ARMS_TRANSFERRED:
        for (long i = where; i >= 0 && (size_t)i < r->nt && i < te + 14; i++) {
            if (is_boundary(r, i))
                break;
            if (cue_starts(r, i, CUE_ARMS)) {
                long f;
                int ap;
                long ni = i - 1;
                while (ni >= 0 && r->t[ni].kind == TK_WORD && !at(r, ni) && ni >= i - 2)
                    ni--;
                if (ni >= 1 && designator(r, ni - 1)) /* "four F-16 fighter jets": past the model */
                    ni -= 2;
                if (casusi_number_before(r, ni, &f, &ap) >= 0 || cue_at(r, i - 1, CUE_MULT)) {
                    where = i;
                    break;
                }
            }
        }
        if (where >= 0)
            casusi_item_and_qty(r, where, CUE_ARMS, &x.d.item, &x.d.quantity, &x.d.quantity_text, &x.d.approx);
        else if (arms_pronoun(r, te)) /* "donated six of them" */
            casusi_qty_at(r, te, &x.d.quantity, &x.d.quantity_text, &x.d.approx);
        if (tr->form == FORM_NOUN && !x.src.n) {
            /* "Russian technology transfers": an actor adjective */
            int g = group_at(r, ts - 1);
            if (g < 0 && where >= 0)
                g = group_at(r, (at(r, where) ? (long)at(r, where)->s : where) - 1);
            if (g >= 0)
                x.src = r->g[g].codes;
        }
        cs_minus(&x.tgt, &x.src);
        break;
    case CASUS_EV_AID_PLEDGED:
        if (where >= 0) {
            int ap = 0;
            casusi_item_and_qty(r, where, CUE_AID, &x.d.item, NULL, NULL, &ap);
        }
        cs_minus(&x.tgt, &x.src);
        break;
    case CASUS_EV_MISSILE_TEST:
        if (where >= 0) {
            int ap = 0;
            casusi_item_and_qty(r, where, CUE_MISSILE, &x.d.item, NULL, NULL, &ap);
        }
        x.tgt.n = 0;
        break;
    case CASUS_EV_MILITARY_EXERCISE:
    case CASUS_EV_INTELLIGENCE_SHARING:
        /* joint: the partners are co-sources ("with", "and"); an object
         * ("near Guyana", "the arrival of a British ship") takes no part;
         * but intelligence one state gives goes to those "with" names
         * (casusi_roles: "France shared intelligence with Benin") */
        if (!x.src.n)
            cs_union(&x.src, &x.tgt);
        /* "TNI troops exercised with American forces", "will train
         * alongside U.S. and Italian special forces": the partner the
         * phrase ends on */
        if (tr->form == FORM_NOUN && (ends_with_word(tr->lemma, "with") || ends_with_word(tr->lemma, "alongside"))) {
            long i = is_word(r, te, "the") ? te + 1 : te;
            int g = group_at(r, i);
            if (g >= 0)
                cs_union(&x.src, &r->g[g].codes);
        }
        if (!(x.type == CASUS_EV_INTELLIGENCE_SHARING && x.src.n == 1 && casusi_intel_given(tr) && with_after(r, te, &x.tgt)))
            x.tgt.n = 0;
        if (x.type == CASUS_EV_MILITARY_EXERCISE)
            encircled(r, ts, te, &x.src, &x.tgt);
        /* where a drill is held, as written: "in the Java Sea", "over the
         * Yellow Sea", "off Karachi" */
        if (x.type == CASUS_EV_MILITARY_EXERCISE) {
            long end = te; /* a place the gazetteer knows, in the clause */
            /* past a drill's name set off by commas ("held their third joint
             * naval drill, 'Maritime Security Belt', in the Gulf of Oman") */
            while ((size_t)end < r->nt && end < te + 12 && !is_boundary(r, end))
                end++;
            if (!casusi_place_of(r, te, end, &x.d))
                casusi_place_named(r, te, 1, &x.d);
        }
        break;
    case CASUS_EV_ALLIANCE_JOINED:
        if (!strcmp(tr->lemma, "become")) {
            /* "became NATO's 31st member": the body's, then "member"
             * within three words ("newest", "32nd", "full") */
            long i = is_word(r, te, "the") ? te + 1 : te;
            const lx_match *om = at(r, i);
            int g = group_at(r, i);
            if (!om || g < 0 || !r->am[r->g[g].first].org || !(r->t[om->e - 1].fl & TF_POSS))
                return 0;
            long j = (long)om->e, k = j;
            while (k < j + 3 && (size_t)k < r->nt && r->t[k].kind != TK_PUNCT && !is_word(r, k, "member"))
                k++;
            if (!is_word(r, k, "member"))
                return 0;
        }
        x.tgt.n = 0;
        if (org_ref(r, te))
            cs_add(&x.tgt, org_ref(r, te));
        for (size_t a = 0; a < r->nam && !x.tgt.n; a++)
            if (r->am[a].org && (long)r->am[a].s >= te) {
                cs_add(&x.tgt, r->am[a].code);
                break;
            }
        cs_minus(&x.src, &x.tgt);
        break;
    case CASUS_EV_SUMMON_AMBASSADOR:
        if (where >= 0 && !at(r, where)) {
            /* a learnt envoy's name is a mention of his state */
            int g = group_at(r, where);
            if (g >= 0)
                x.tgt = r->g[g].codes;
        } else if (where >= 0) {
            /* "Russia's ambassador", "the Ambassador of the United Kingdom" */
            static const char *const PREPS[] = {"of", "from", "to", NULL};
            int g = owner_group(r, (long)at(r, where)->s, (long)at(r, where)->e, te, PREPS);
            if (g >= 0)
                x.tgt = r->g[g].codes;
        }
        cs_minus(&x.tgt, &x.src);
        break;
    case CASUS_EV_DENY_ACCUSATION: {
        /* what is denied: a trigger after the verb, or an earlier claim */
        int types[8];
        for (long i = te; (size_t)i < r->nt && i < te + 10; i++) {
            int n = event_types_at(r, i, types, 8);
            for (int k = 0; k < n; k++) {
                const lx_trigger *t2 = &r->lx->triggers[types[k]];
                if (t2->type == CASUS_EV_DENY_ACCUSATION || t2->type == CASUS_EV_CONDEMN)
                    continue;
                long w2;
                if (!need_near(r, i, (long)at(r, i)->e, t2->needs, &w2))
                    continue;
                x.d.denies = casus_evtype_name(t2->type);
                break;
            }
            if (x.d.denies)
                break;
        }
        /* the accuser: "the Polish accusations", "Seoul's claims",
         * "accusations by Washington"; else the last accusation (below) */
        if (!said_untrue)
            x.tgt.n = 0;
        for (long i = te; (size_t)i < r->nt && i < te + 10 && !x.tgt.n && !said_untrue; i++) {
            if (is_boundary(r, i) || is_punct(r, i, ';'))
                break;
            /* (or a claim inside a longer match: "Kyiv's claim that") */
            if (!cue_starts(r, i, CUE_CLAIM) && !cue_starts(r, i, CUE_DENYREF) && /* "the accusations of Kinshasa" */
                !(((r->amask[i] >> CUE_CLAIM) & 1) && at(r, i) && (long)at(r, i)->s == i))
                continue;
            static const char *const PREPS[] = {"by", "from", "of", NULL};
            int g = owner_group(r, i, (long)at(r, i)->e, te, PREPS);
            if (g >= 0)
                x.tgt = r->g[g].codes;
        }
        cs_minus(&x.tgt, &x.src);
        if (GROW(r->dn, r->ndn, r->dncap))
            return -1;
        struct denial *dn = &r->dn[r->ndn++];
        dn->who = x.src;
        dn->any = !x.d.denies;
        casus_evtype_parse(x.d.denies ? x.d.denies : "condemn", &dn->type, NULL);
        dn->sent = r->sentno;
        break;
    }
    case CASUS_EV_SANCTIONS:
        cs_minus(&x.tgt, &x.src);
        if (tr->needs == NEED_TERROR) {
            /* a listing lists a group: "designated two Ecuadorian gangs"
             * targets no state, "designated Iran's Revolutionary Guard"
             * does; "so that the IRGC can be designated" names no one who
             * lists it */
            if (passive && !is_word(r, te, "by"))
                return 0;
            x.tgt.n = 0;
            long i = is_word(r, te, "the") ? te + 1 : te;
            int g = group_at(r, i);
            if (g >= 0 && (long)r->g[g].s == i && at(r, i) && (r->t[at(r, i)->e - 1].fl & TF_POSS))
                x.tgt = r->g[g].codes;
            cs_minus(&x.tgt, &x.src);
        }
        if (tr->needs == NEED_TRADE) {
            /* "put 20 American companies under sanctions, freezing any
             * assets": a participle restates the measure */
            if (tr->form == FORM_ING)
                return 0;
            /* "any assets he holds are frozen": a passive with no agent
             * tells the measure's effect, not who took it */
            int agent = 0;
            for (long i = te; passive && (size_t)i < r->nt && i < te + 4 && !agent; i++)
                agent = is_word(r, i, "by");
            if (passive && !agent)
                return 0;
            /* "banned imports of Russian steel": a state named in the
             * object; "closed its airspace to civilian flights" stops no
             * state's trade */
            for (size_t g = 0; g < r->ng && !x.tgt.n; g++)
                if ((long)r->g[g].s >= te && (long)r->g[g].s < te + 8 && !cs_meets(&r->g[g].codes, &x.src))
                    x.tgt = r->g[g].codes;
            if (!x.tgt.n)
                return 0;
        }
        break;
    default:
        break;
    }
    /* "He was summoned on Aug. 7", "Huang has been summoned again": the
     * summons told before says who summoned whom */
    if (x.type == CASUS_EV_SUMMON_AMBASSADOR && (!x.src.n || !x.tgt.n)) {
        const rev *v = last_summons(r, 6);
        int pro = v && envoy_pronoun(r, ts, te);
        if (pro)
            x.tgt = v->tgt;
        if (v && passive && (!x.src.n || pro) && cs_meets(&x.tgt, &v->tgt)) {
            x.src = v->src;
            cs_minus(&x.src, &x.tgt);
            x.srcinf = x.src.n != 0;
        } else if (!x.src.n && passive && r->home) {
            /* "The chargé d'affaires of the French embassy in Algiers was
             * summoned": by the article's home state, when another is
             * summoned */
            cs_minus(&x.tgt, &(cset){{r->home}, 1});
            if (x.tgt.n) {
                cs_add(&x.src, r->home);
                x.srcinf = 1;
            }
        }
    }
    /* "his defence ministry signed a contract with Saab for 17 Gripens":
     * the subject the fallbacks below find is who receives */
    int recv = tr->subj_target && !x.src.n && !x.tgt.n;
    /* "warships from South Korea, the United States and Japan held" (see force_owner) */
    if (!x.src.n && tr->form != FORM_NOUN && !passive && force_owner(r, ts, &x.src))
        cs_minus(&x.src, &x.tgt);
    /* "Its troops crossed", "its foreign ministry condemned": the state
     * "its" stands for (see possessive_source) */
    if (!x.src.n && tr->form != FORM_NOUN && !passive && possessive_source(r, ts, &x.src)) {
        cs_minus(&x.src, &x.tgt);
        x.srcinf = x.src.n != 0;
    }
    /* "the ministry denounced Warsaw's decision", "Both leaders
     * condemned": an office that names no state acts for the state the
     * discourse is about (see inferred_source) */
    if (!x.src.n && tr->form != FORM_NOUN && !passive && inferred_source(r, ts, &x.src)) {
        cs_minus(&x.src, &x.tgt);
        x.srcinf = x.src.n != 0;
    }
    /* "The alliance began": see org_anaphor_source */
    if (!x.src.n && tr->form != FORM_NOUN && !passive && org_anaphor_source(r, ts, &x.src))
        cs_minus(&x.src, &x.tgt);
    if (recv && x.src.n) {
        x.tgt = x.src;
        x.src.n = 0;
        x.srcinf = 0;
    }
    /* "Morocco took delivery of its first six AH-64E Apache attack
     * helicopters", "J-10CE fighters were handed over to the Pakistan Air
     * Force": arms whose giver the text does not name come from their
     * maker (see casusi_arms_maker) */
    if (!x.src.n && x.type == CASUS_EV_ARMS_TRANSFERRED && x.tgt.n) {
        const char *mk = casusi_arms_maker(r, ts - 12, te + 16);
        /* another state in the sentence may be the giver the rules missed
         * ("Denmark ...: last year it committed to donating 19 F-16s") */
        for (size_t g = 0; mk && g < r->ng; g++)
            for (int k = 0; mk && k < r->g[g].codes.n; k++)
                if (!cs_has(&x.tgt, r->g[g].codes.c[k]) && strcmp(r->g[g].codes.c[k], mk))
                    mk = NULL;
        if (mk && !cs_has(&x.tgt, mk)) {
            cs_add(&x.src, mk);
            x.srcinf = 1;
        } else if (mk && x.tgt.n >= 2) {
            /* "Myanmar and Russia signed a contract for Pantsir-S1 systems":
             * the maker among the buyers sells */
            cs_add(&x.src, mk);
            cs_minus(&x.tgt, &x.src);
            x.srcinf = 1;
        }
    }
    /* "The ministry condemned the strikes as a violation of Afghan
     * sovereignty and warned that the Pakistani army would bear the
     * consequences": words joined by "and" to words the sentence told
     * before, with no subject of their own, are that speaker's */
    /* ("It called the statement a final ultimatum and warned that": with
     * no words told before, the "it" that opens the sentence) */
    if (!x.src.n && speech_act(tr->type) && tr->form != FORM_NOUN && ts >= 1 && is_word(r, ts - 1, "and")) {
        const rev *pv = r->nev ? &r->ev[r->nev - 1] : NULL;
        if (pv && !pv->dead && pv->sent == r->sentno && pv->tok < ts && speech_act((int)pv->type) && pv->src.n) {
            x.src = pv->src;
            x.srcinf = pv->srcinf;
        } else if (ts >= 3 && is_word(r, 0, "it") && r->last_single.n) {
            int other = 0;
            for (size_t g = 0; g < r->ng && !other; g++)
                other = r->g[g].prep < 0 && (long)r->g[g].e <= ts;
            if (!other)
                x.src = r->last_single;
        }
        cs_minus(&x.tgt, &x.src);
    }
    /* "He accused the Emirates of backing the drone attacks ..., and
     * warned that Sudan would respond": not the object of the words
     * before, but their speaker; aimed where they were */
    else if (x.src.n && speech_act(tr->type) && tr->form != FORM_NOUN && ts >= 1 && is_word(r, ts - 1, "and") &&
             r->nev) {
        const rev *pv = &r->ev[r->nev - 1];
        if (!pv->dead && pv->sent == r->sentno && pv->tok < ts && speech_act((int)pv->type) && pv->src.n &&
            cs_meets(&x.src, &pv->tgt) && !cs_meets(&x.src, &pv->src)) {
            x.src = pv->src;
            x.srcinf = pv->srcinf;
            cs_minus(&x.tgt, &x.src);
            if (!x.tgt.n)
                x.tgt = pv->tgt;
        }
    }
    /* "The chargé d'affaires of the French embassy in Algiers was summoned",
     * "Global Affairs Canada said China's ambassador had been summoned": a
     * passive summons with no agent is the host's, else the speaker's */
    if (!x.src.n && passive && x.type == CASUS_EV_SUMMON_AMBASSADOR) {
        for (size_t g = 0; g < r->ng && !x.src.n; g++)
            if ((long)r->g[g].s < ts && r->g[g].prep >= 1 && is_word(r, r->g[g].prep, "in") &&
                is_word(r, r->g[g].prep - 1, "embassy") && !cs_meets(&r->g[g].codes, &x.tgt))
                x.src = r->g[g].codes;
        int sp = x.src.n ? -1 : speaker_group(r);
        if (sp >= 0 && !cs_meets(&r->g[sp].codes, &x.tgt))
            x.src = r->g[sp].codes;
    }
    /* "Speaking on behalf of Algeria, Guyana, Somalia and Sierra Leone, the
     * representative of Sierra Leone condemned": those spoken for speak too */
    if (x.src.n && speech_act(tr->type))
        for (size_t g = 0; g < r->ng; g++) {
            const group *gp = &r->g[g];
            if ((long)gp->s < ts && gp->prep >= 2 && is_word(r, gp->prep, "of") && is_word(r, gp->prep - 1, "behalf") &&
                is_word(r, gp->prep - 2, "on") && !cs_meets(&gp->codes, &x.tgt))
                cs_union(&x.src, &gp->codes);
        }
    /* "the treaty entered into force on 5 March 1970": a treaty whose
     * parties the article does not name still takes effect */
    if (!x.src.n && !(x.type == CASUS_EV_TREATY_IN_FORCE && r->ntm && tr->form != FORM_NOUN && !r->heading &&
                      r->ndm))
        return 0;
    /* "commits each side to provide immediate military assistance with all
     * means at its disposal if the other is attacked", "will send troops in
     * the event of an armed attack": help promised against an attack is a
     * defence pledge, made now */
    if ((x.type == CASUS_EV_ARMS_TRANSFERRED || x.type == CASUS_EV_AID_PLEDGED ||
         x.type == CASUS_EV_TROOPS_DEPLOYED) &&
        x.mod != CASUS_MOD_POSSIBLE && attack_condition(r, te)) {
        x.type = CASUS_EV_MUTUAL_DEFENSE_PLEDGE;
        x.mod = CASUS_MOD_ACTUAL;
        x.d.item = x.d.count_text = x.d.quantity_text = NULL;
        x.d.count = x.d.quantity = -1;
        x.d.approx = 0;
        x.d.place = x.d.place_id = NULL;
    }
    /* "Britain pledged up to £160 million for water, food and schooling",
     * "Estonia imposed sanctions on Ivanishvili": with no recipient named,
     * the recipient of the article's last pledge (sanctions, arms); not a
     * terrorist listing, whose object is the group it names */
    if (!x.tgt.n && tr->needs != NEED_TERROR &&
        (x.type == CASUS_EV_AID_PLEDGED || x.type == CASUS_EV_SANCTIONS || x.type == CASUS_EV_ARMS_TRANSFERRED))
        for (size_t q = r->nev; !x.tgt.n && q-- > 0;)
            if (!r->ev[q].dead && r->ev[q].type == x.type && r->ev[q].tgt.n && !cs_meets(&r->ev[q].tgt, &x.src)) {
                x.tgt = r->ev[q].tgt;
                break;
            }
    /* date: a date expression in the clause, the nearest to the trigger */
    int pluperf = -1; /* pre_perfect(r, ts), once a date before the trigger asks */
    long bd = LONG_MAX;
    const dmen *bdm = NULL;
    for (size_t k = 0; k < r->ndm; k++) {
        const dmen *dm = &r->dm[k];
        if (dm->treatyyear || quoted_today(r, k) || weekday_of_date(r, k))
            continue;
        /* "China fires ICBM into the Pacific for first time since 1980":
         * the time since which something had not happened is not the
         * event's */
        static const char *const NTH[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                          "eighth", "ninth", "tenth", "any", "only"};
        if (dm->s >= 3 && is_word(r, (long)dm->s - 1, "since") && is_word(r, (long)dm->s - 2, "time") &&
            WORD_IN(r, (long)dm->s - 3, NTH))
            continue;
        /* "On 18 August 2019, the United States carried out a flight test
         * ..., about which the Russian side had warned for years": a
         * pluperfect in a relative clause after the date is earlier */
        if ((long)dm->e <= ts && pluperf < 0)
            pluperf = pre_perfect(r, ts);
        if ((long)dm->e <= ts && pluperf) {
            int rel = 0;
            for (long i = (long)dm->e + 1; i < ts && !rel; i++)
                rel = is_punct(r, i - 1, ',') && (is_word(r, i, "which") || is_word(r, i, "who") ||
                                                  ((is_word(r, i, "about") || is_word(r, i, "of")) &&
                                                   is_word(r, i + 1, "which")));
            if (rel)
                continue;
        }
        /* "Chad was ending the accord, which was revised in 2019": a date in
         * a relative clause after the trigger is the clause's (not once a
         * comma closes it: "signed the Protocol, which allows inspections,
         * in December 2003") */
        if ((long)dm->s >= te) {
            int rel = 0;
            for (long i = te + 1; i < (long)dm->s; i++) {
                if (is_punct(r, i - 1, ',') && (is_word(r, i, "which") || is_word(r, i, "who") || is_word(r, i, "whose")))
                    rel = 1;
                else if (rel && is_punct(r, i, ','))
                    rel = 0;
            }
            if (rel)
                continue;
        }
        /* "In June 2023, weeks after the war broke out in April, the US
         * sanctioned": a date in a clause timed by another event, closed
         * before the trigger, is that event's */
        if ((long)dm->e < ts) {
            long c = (long)dm->s - 1;
            while (c >= 0 && c > (long)dm->s - 12 && !is_punct(r, c, ',') && !is_boundary(r, c))
                c--;
            long w = c + 1;
            while (w < (long)dm->s && (r->t[w].kind == TK_NUM || cue_at(r, w, CUE_NUMBER) ||
                                       is_word(r, w, "weeks") || is_word(r, w, "days") || is_word(r, w, "months") ||
                                       is_word(r, w, "years") || is_word(r, w, "shortly") || is_word(r, w, "just") ||
                                       is_word(r, w, "soon") || is_word(r, w, "hours")))
                w++;
            int closed = 0;
            for (long i = (long)dm->e; i < ts && !closed; i++)
                closed = is_punct(r, i, ',');
            if (c >= 0 && is_punct(r, c, ',') && w > c + 1 && w < (long)dm->s && closed &&
                (is_word(r, w, "after") || is_word(r, w, "before")))
                continue;
        }
        long d = (long)dm->s >= te ? (long)dm->s - te : ts - (long)dm->e;
        /* "On 27 February, the day the flights left,", "until 2017, the
         * year the two countries signed": a verb in the clause that names
         * what happened on a date takes that date, unless a finer date
         * within it follows the verb ("since 2022, the year Beijing ...
         * signed a security agreement, in April") */
        if (in_day_clause(r, (long)dm->e, ts) && !finer_after(r, k, te)) {
            bd = -1;
            bdm = dm;
            x.date = dm->d;
            if (dm->mon)
                x.date = casusi_by_tense(r, dm->mon, dm->dom, tr, x.mod, 1);
            break;
        }
        /* "kicked off the large-scale joint exercises on March 10": the
         * distance counts from the verb's object naming the same event;
         * "condemned the exercises on Saturday": a verb's object naming
         * another event does not take the date away from the verb either */
        for (size_t q = 0; q < r->nsel && (long)dm->s >= te; q++) {
            const lx_match *o = &r->sel[q];
            if (o == m || !has_cat(r, o, LX_TRIGGER) || (long)o->s < te || o->e > dm->s ||
                (long)o->s > te + 8 || verb_tok(r, (long)o->s))
                continue;
            int apart = 0;
            for (long i = te; i < (long)o->s && !apart; i++)
                apart = r->t[i].kind == TK_PUNCT && !is_punct(r, i, '"');
            if (apart)
                continue;
            int types[8], nt = event_types_at(r, (long)o->s, types, 8);
            for (int u = 0; u < nt; u++)
                if ((r->lx->triggers[types[u]].type == tr->type || tr->form != FORM_NOUN) &&
                    (long)dm->s - (long)o->e < d)
                    d = (long)dm->s - (long)o->e;
        }
        /* a date belongs to the trigger nearest to it; "on January 12,
         * when Sunak announced": the when-clause is that day too */
        int mine = 1;
        int when = is_punct(r, (long)dm->e, ',') && is_word(r, (long)dm->e + 1, "when") && ts > (long)dm->e;
        /* "was completed five years ago, when the two countries signed the
         * BECA ... in October 2020": unless the clause has its own date */
        if (when && finer_after(r, k, te))
            when = -1; /* a finer date within the when-date's span */
        if (when < 0)
            continue;
        for (size_t q = 0; q < r->nsel && mine && !when; q++) {
            const lx_match *o = &r->sel[q];
            if (o == m || !has_cat(r, o, LX_TRIGGER))
                continue;
            /* "ratified ... by 188 votes ... on February 26": a word for the
             * same event does not take the date away */
            if (!live_trigger(r, (long)o->s) || !can_fire(r, o) || treaty_content(r, (long)o->s, NULL))
                continue; /* "a move": a verb's word used as a noun; "announced": no aid or sanction near;
                             "the agreement on stationing": no event */
            int types[8], same = 0;
            int nt = event_types_at(r, (long)o->s, types, 8);
            for (int u = 0; u < nt; u++)
                same |= r->lx->triggers[types[u]].type == tr->type;
            if (same)
                continue;
            long od = (long)dm->s >= (long)o->e ? (long)dm->s - (long)o->e : (long)o->s - (long)dm->e;
            if ((long)dm->s < (long)o->e && (long)dm->e > (long)o->s)
                continue;
            /* "On 27 February, the day the flights left, the UN High
             * Commissioner condemned": a verb in the clause that names the
             * date's day does not take the date from the main verb */
            if (in_day_clause(r, (long)dm->e, (long)o->s))
                continue;
            /* "signed the pact late on Wednesday, declaring that...": a
             * date trails the verb phrase it dates; a trigger past a comma
             * after the date does not take it away */
            if (te <= (long)dm->s && (long)o->s >= (long)dm->e) {
                int apart = 0;
                for (long i = (long)dm->e; i < (long)o->s && !apart; i++)
                    apart = is_punct(r, i, ',');
                /* "accused Iran on Tuesday of sending missiles": the date
                 * is the accusation's, not its complement's */
                long c = (long)dm->e;
                apart |= c < (long)o->s && (is_word(r, c, "of") || is_word(r, c, "that") || is_word(r, c, "to"));
                if (apart)
                    continue;
            }
            /* "On 18 August 2019, barely two weeks after leaving the Treaty,
             * the United States carried out a flight test": a trigger in a
             * clause timed by another event does not take the date */
            if ((long)o->s >= (long)dm->e) {
                static const char *const TIMED[] = {"after", "before", "following", "since", "until"};
                int timed = 0;
                for (long i = (long)dm->e; i < (long)o->s && i < (long)dm->e + 24; i++)
                    if (WORD_IN(r, i, TIMED))
                        timed = 1;
                    else if (r->t[i].kind == TK_PUNCT)
                        timed = 0; /* the clause closed before o */
                if (timed)
                    continue;
            }
            /* "This July, during the Talisman Sabre exercise held by the
             * United States and Australia, the American side launched": a
             * noun after "during" or "amid" is the main clause's time, and
             * shares the date */
            int during = 0;
            for (long i = (long)o->s - 1; i >= 0 && i >= (long)o->s - 5 && !during; i--) {
                if (r->t[i].kind == TK_PUNCT)
                    break;
                during = is_word(r, i, "during") || is_word(r, i, "amid");
            }
            if (during)
                continue;
            /* "the treaty that Putin and Kim signed in Pyongyang on 19 June
             * 2024 commits each side": a verb right after the date that ends
             * a relative clause is the main clause's, undated */
            if (te <= (long)dm->s && (long)o->s == (long)dm->e) {
                int rel = 0;
                for (long i = ts - 1; i >= 0 && i >= ts - 8 && !rel && r->t[i].kind != TK_PUNCT; i--)
                    rel = is_word(r, i, "that") || is_word(r, i, "which") || is_word(r, i, "who");
                if (rel)
                    continue;
            }
            /* "delivered them in July 2019, and the military test-fired":
             * a new clause between a date and a trigger parts them, unless
             * it parts this trigger from the date too */
            /* "voted on Monday to ratify Sweden's accession": a trigger
             * behind another verb after the date is that verb's object */
            if ((long)o->s >= (long)dm->e) {
                int behind = 0;
                for (long i = (long)dm->e; i < (long)o->s && !behind; i++)
                    behind = verb_tok(r, i) && live_trigger(r, i) && !treaty_content(r, i, NULL);
                if (behind)
                    continue;
            }
            /* "condemned the bombardment on Tuesday and summoned the
             * ambassador": a date that ends a verb phrase before "and"
             * is that phrase's (the verb after "and" shares it below) */
            if (te <= (long)dm->s && (long)o->s > (long)dm->e && is_word(r, (long)dm->e, "and") &&
                !date_sep(r, dm, ts, te)) {
                /* "summoned Turkey's ambassador, Ali Rıza Güney, on Thursday
                 * and handed him a strongly worded protest note" */
                int near = (long)o->s <= (long)dm->e + 8;
                for (long i = (long)dm->e + 1; near && i < (long)o->s; i++)
                    near = r->t[i].kind == TK_WORD && !verb_tok(r, i);
                if (near)
                    continue;
            }
            int osep = date_sep(r, dm, (long)o->s, (long)o->e), msep = date_sep(r, dm, ts, te);
            if (osep != msep) {
                if (msep)
                    mine = 0;
                continue;
            }
            if (od < d)
                mine = 0;
        }
        if (!mine)
            continue;
        /* "signed on 8 December 1987, entered into force on 1 June 1988":
         * at the same distance, a date past a comma before the trigger
         * yields to one in its own verb phrase; "Ethiopian jets entered
         * Somali airspace on Tuesday; Egypt condemned the incursion on
         * Wednesday": a date across a semicolon or a colon is another
         * clause's, taken only when the trigger's own has none */
        int comma = 0, semi = 0;
        for (long i = (long)dm->e; i < ts; i++) {
            comma |= is_punct(r, i, ',');
            semi |= is_punct(r, i, ';') || is_punct(r, i, ':');
        }
        /* "The legal backdrop to today's scenarios: ... signed ... on 6
         * December 2024": a date in the possessive names a thing of that
         * day, and dates a trigger only when nothing else does */
        if (r->t[dm->e - 1].fl & TF_POSS)
            semi = 1;
        /* "suspended its participation in December 2007 and withdrew from
         * the Treaty on 7 November 2023": a date that ends the verb phrase
         * before "and" is that phrase's; the verb after shares it only
         * when it has none of its own */
        if ((long)dm->e < ts && is_word(r, (long)dm->e, "and") && ts <= (long)dm->e + 2)
            semi = 1;
        d = 2 * d + comma + (semi ? 1000 : 0);
        if (d < bd) {
            bd = d;
            bdm = dm;
            x.date = dm->d;
            if (dm->mon) {
                /* "On 7 July the Norwegian Government decided to add the two
                 * companies to its national sanctions list": a past verb
                 * between the date and the trigger tells the tense */
                int pastv = 0;
                for (long i = (long)dm->e; i < ts && !pastv && (tr->form == FORM_S || tr->form == FORM_BASE); i++)
                    pastv = (r->t[i].kind == TK_WORD && ed_form(r, i) && !(r->t[i].fl & TF_CAP) &&
                             /* not "are expected to take part" */
                             !is_word(r, i - 1, "are") && !is_word(r, i - 1, "is") && !is_word(r, i - 1, "be") &&
                             !is_word(r, i - 1, "am")) ||
                            /* "On 4 October Año said that Manila condemns" */
                            past_say(r, i);
                /* "'Germany firmly rejects Nicaragua's accusations,' the
                 * adviser told the judges on 9 April": a past reporting
                 * verb between the quoted present and the date */
                for (long i = ts + 1; i < (long)dm->s && !pastv && (tr->form == FORM_S || tr->form == FORM_BASE); i++)
                    pastv = past_say(r, i);
                /* "On 10 August he went further, saying that about 10,000
                 * soldiers would be deployed": the date is the saying's */
                for (long i = (long)dm->e; i < ts && !pastv && x.mod == CASUS_MOD_PLANNED; i++)
                    pastv = cue_at(r, i, CUE_SAY) && (ed_form(r, i) || is_word(r, i, "saying") ||
                                                      is_word(r, i, "told") || is_word(r, i, "said"));
                /* "the Foreign Office said on 25 September that Britain
                 * condemns the crackdown": the reporting verb the date
                 * follows is past */
                for (long i = (long)dm->s - 1; i >= 0 && i >= (long)dm->s - 6 && !pastv && (long)dm->e <= ts &&
                                               (tr->form == FORM_S || tr->form == FORM_BASE) &&
                                               !is_punct(r, i, ',') && !is_punct(r, i, ';');
                     i--)
                    pastv = past_say(r, i);
                x.date = casusi_by_tense(r, dm->mon, dm->dom, tr, x.mod,
                                  /* "was deploying"; "launched Baltic Sentry, deploying
                                   * frigates": a participle not after "is" or "are" */
                                  (tr->form == FORM_ING && !is_word(r, ts - 1, "is") && !is_word(r, ts - 1, "are") &&
                                   !is_word(r, ts - 1, "am") && !is_word(r, ts - 1, "be")) ||
                                      pastv);
            }
        }
    }
    /* "Last month the foreign ministry summoned Greece's consul general
     * ..., and officials there threatened to commission their own
     * surveys": a date that opens the sentence dates each of its verbs
     * that no other date is nearer to */
    if (!x.date.precision && x.mod == CASUS_MOD_ACTUAL && !bdm && (tr->form == FORM_PAST || tr->form == FORM_PASTPART)) {
        const dmen *od = NULL;
        for (size_t k = 0; k < r->ndm; k++) {
            const dmen *dm = &r->dm[k];
            if (dm->treatyyear && (long)dm->s < ts + 12) {
                od = NULL; /* "the 1989 agreement": the treaty's own year */
                break;
            }
            if (dm->treatyyear || !dm->d.precision)
                continue;
            if (opens_date(r, (long)dm->s) && (long)dm->e < ts && !od && !(dm->s == 1 && is_word(r, 0, "since"))) {
                od = dm;
            } else if ((long)dm->s < ts + 12) {
                od = NULL; /* another date in reach */
                break;
            }
        }
        if (od && !pre_perfect(r, ts)) /* not "about which Russia had warned for years" */
            x.date = od->mon ? casusi_by_tense(r, od->mon, od->dom, tr, x.mod, 1) : od->d;
    }
    /* "accused Washington on Tuesday of ... and warned Manila": a verb
     * joined by "and" to the sentence's last event, with the same subject,
     * shares its date and is hedged only as much as that event */
    long andv = ts - 1; /* "and handed him a protest note": the light verb's "and" */
    if (tr->form == FORM_NOUN) {
        andv = -1;
        for (long i = ts - 1; i >= 1 && i >= ts - 5 && andv < 0; i--) {
            if (r->t[i].kind == TK_PUNCT)
                break;
            if (cue_at(r, i, CUE_LIGHT) && is_word(r, (long)at(r, i)->s - 1, "and"))
                andv = (long)at(r, i)->s - 1;
        }
    }
    if (andv >= 0 && is_word(r, andv, "and") && r->nev) {
        const rev *pv = &r->ev[r->nev - 1];
        if (pv->sent == r->sentno && cs_eq(&pv->src, &x.src)) {
            if (!x.date.precision)
                x.date = pv->date;
            x.hedged = pv->hedged;
        }
    }
    /* "that day Putin and Kim signed the treaty, whose Article 4 pledges
     * each side to provide military assistance if the other is attacked":
     * pledged when the treaty was signed */
    for (size_t q = r->nev; x.type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE && !x.date.precision && q-- > 0 &&
                            r->ev[q].sent == r->sentno;)
        if (r->ev[q].type == CASUS_EV_TREATY_SIGNED && !r->ev[q].dead && r->ev[q].date.precision &&
            r->ev[q].mod == CASUS_MOD_ACTUAL && cs_eq(&r->ev[q].src, &x.src))
            x.date = r->ev[q].date;
    /* "summoned the ambassador on Wednesday to protest": an infinitive of
     * purpose is done when the act it serves is */
    if (!x.date.precision && x.mod == CASUS_MOD_ACTUAL && tr->form == FORM_BASE && is_word(r, ts - 1, "to") &&
        r->nev) {
        const rev *pv = &r->ev[r->nev - 1];
        int apart = pv->sent != r->sentno || pv->dead || pv->tok >= ts || pv->mod != CASUS_MOD_ACTUAL ||
                    !pv->date.precision || !cs_eq(&pv->src, &x.src);
        for (long i = pv->tok + 1; i < ts - 1 && !apart; i++)
            apart = is_boundary(r, i) || is_punct(r, i, ';') || verb_tok(r, i);
        if (!apart)
            x.date = pv->date;
    }
    /* "In March 2022 the Revolutionary Guard fired missiles at the city;
     * Baghdad then summoned the Iranian ambassador": "then" follows on from
     * the sentence's earlier time, in the same month or year (a day named
     * before gives none: "then" may be days later) */
    int then = !x.date.precision && x.mod == CASUS_MOD_ACTUAL &&
               (is_word(r, ts - 1, "then") || (is_word(r, ts + 1, "then") && tr->form != FORM_NOUN));
    if (then) {
        const dmen *pd = NULL;
        for (size_t k = 0; k < r->ndm && (long)r->dm[k].e <= ts; k++)
            if (!r->dm[k].treatyyear && r->dm[k].d.precision)
                pd = &r->dm[k];
        if (!pd)
            then = 0;
        else if (pd->d.precision < 3)
            x.date = pd->d;
    }
    /* a live blog's entry: the day of its heading */
    if (!x.date.precision && r->secdate.precision && x.mod == CASUS_MOD_ACTUAL && !pre_perfect(r, ts) && !then) {
        x.date = r->secdate;
        /* "KCNA confirms the launch": a fact told before, by its noun */
        x.entryref = tr->form == FORM_NOUN && is_word(r, ts - 1, "the");
    }
    /* "Taipei condemns 'provocation'", "Seoul summons Russian envoy": the
     * reporting present is the article's day */
    if (!x.date.precision && x.mod == CASUS_MOD_ACTUAL &&
        (tr->form == FORM_S || (tr->form == FORM_BASE && r->heading && ts > 0 && !is_word(r, ts - 1, "to"))) &&
        (tr->type != CASUS_EV_MUTUAL_DEFENSE_PLEDGE || r->heading) && reporting_present(r, ts))
        x.present = 1; /* dated once restatements have been merged */
    /* "Maduro denounced the deployment", "Guyana rejected the claim": a
     * past told with no time of its own in the body of a report is of the
     * report's day (dated once restatements have been merged); not a
     * perfect ("has deployed", "had warned"), which sets no time */
    else if (!x.date.precision && x.mod == CASUS_MOD_ACTUAL && !r->heading &&
             ((tr->form != FORM_BASE && tr->form != FORM_S) || threat_now || firstp)) {
        x.perf = perfect(r, ts);
        x.newsday = then || pre_perfect(r, ts) || (x.perf && !speech_act(tr->type)) ||
                            reduced_relative(r, ts, passive) || time_anchor(r) || (x.perf && habitual(r, ts))
                        ? -1
                    : same_occasion(r) ? 2 /* "In the same statement": from the occasion told last */
                                       : 1;
    }
    /* "Venezuela on Saturday denounced..., a day after Trump warned": the
     * clause after the span is that much before the main clause's day (its
     * own date, if it names one, stands) */
    long k0;
    int off;
    long ka = x.mod == CASUS_MOD_ACTUAL ? after_anchor(r, ts, &k0, &off) : -1;
    if (ka >= 0 && !(bdm && (long)bdm->s > ka)) {
        casus_date base;
        memset(&base, 0, sizeof base);
        const rev *main = NULL;
        for (size_t q = r->nev; q-- > 0 && r->ev[q].sent == r->sentno && !main;)
            if (!r->ev[q].dead && r->ev[q].tok < k0 && r->ev[q].mod == CASUS_MOD_ACTUAL)
                main = &r->ev[q];
        const dmen *mdm = NULL;
        for (size_t k = 0; k < r->ndm; k++)
            if (!r->dm[k].treatyyear && (long)r->dm[k].e <= k0 && r->dm[k].d.precision == 3 &&
                !is_word(r, (long)r->dm[k].s - 1, "the")) /* "the Sept. 19 accord" names a pact */
                mdm = &r->dm[k];
        int para = 0;
        if (main && main->date.precision)
            base = main->date;
        else if (main && main->present && r->artdate.precision == 3)
            base = r->artdate;
        else if (mdm)
            base = mdm->d;
        else if (main ? main->newsday > 0 : !word_before(r, k0, "had"))
            para = 1; /* "His remarks came a day after": the report's day; not "Trump had
                         raised the temperature a day before the launch" */
        if (para) {
            const rev *p = NULL;
            for (size_t q = r->nev; q-- > 0 && r->ev[q].para == r->parano && !p;)
                if (!r->ev[q].dead && r->ev[q].date.precision && r->ev[q].mod == CASUS_MOD_ACTUAL)
                    p = &r->ev[q];
            base = p ? p->date : r->artdate;
        }
        memset(&x.date, 0, sizeof x.date);
        if (base.precision == 3 && off != OFF_UNKNOWN)
            x.date = casus_date_from_days(base.lo - off);
        x.present = 0;
        x.newsday = -1;
    }
    x.para = r->parano;
    if (approved && x.mod == CASUS_MOD_ACTUAL)
        x.mod = CASUS_MOD_PLANNED;
    /* "The answer from Minsk came on Tuesday. President Lukashenko
     * denounced the border closure": the day an earlier sentence of the
     * paragraph named, for a past with no time of its own (not a present
     * perfect, "has rejected", which is the report's day) */
    if (r->lastday.precision == 3 && r->lastday_para == r->parano && !perfect(r, ts))
        x.pday = r->lastday;
    /* "Blinken announced the measure on Friday, saying ... ¶ In the same
     * statement Blinken accused Beijing": the day of the last words told
     * in the paragraph before */
    else if (x.newsday == 2 && r->sayday.precision == 3 && r->sayday_para == r->parano - 1)
        x.pday = r->sayday;
    if (r->lastday.precision == 3 && r->lastday_para == r->parano - 1)
        x.prevday = r->lastday;
    if (x.ent >= 0 && tr->type == CASUS_EV_TREATY_SIGNED && x.date.precision && !r->en[x.ent].year)
        r->en[x.ent].year = x.date.year;
    x.ss = r->ss;
    x.se = r->se;
    x.sent = r->sentno;
    x.tok = ts;
    if (subj >= 0 && r->g[subj].codes.n >= 2)
        set_multi(r, &r->g[subj].codes);
    else if (subj >= 0 && r->g[subj].codes.n == 1)
        r->last_single = r->g[subj].codes;
    int split = respectively(r, &x, te);
    if (!split)
        split = reciprocal(r, &x, te);
    if (split)
        return split < 0 ? -1 : 0;
    if (tr->form != FORM_NOUN) {
        r->vend = te;
        r->vsent = r->sentno;
        r->vtype = tr->type;
    }
    if (pairwith.n) {
        for (int k = 0; k < pairsubj.n; k++) {
            rev y = x;
            y.src = pairwith;
            cs_add(&y.src, pairsubj.c[k]);
            y.rs = NULL;
            y.nrs = y.rscap = 0;
            if (add_event(r, &y))
                return -1;
        }
        return 0;
    }
    if (add_event(r, &x))
        return -1;
    if (gapped_deployments(r, te))
        return -1;
    return gapped_chambers(r, te);
}

/* A collective-defence clause told in its own words: "any aggression
 * against either country shall be considered an aggression against both",
 * "an armed attack on any one of them is to be treated as an attack on
 * all". Returns the token after it, or -1; *s gets its first token. */
static long defence_clause(const rd *r, long i, long *s, int *guar)
{
    static const char *const N[] = {"attack", "attacks", "aggression"};
    static const char *const P[] = {"on", "against"};
    static const char *const ONE[] = {"one", "either", "any", "other"};
    static const char *const ALL[] = {"all", "both", "them", "each", "every", "the", "other", "others", "itself",
                                      "themselves", "us"};
    if (!WORD_IN(r, i, N) || !WORD_IN(r, i + 1, P))
        return -1;
    /* "will regard any armed attack on Qatar as a threat to its own peace
     * and security": a guarantee to one state */
    int g = -1;
    long as = -1; /* "on the territory, sovereignty, or critical infrastructure of the State of Qatar as" */
    for (long k = i + 2; (size_t)k < r->nt && k < i + 20 && as < 0 && !is_boundary(r, k); k++) {
        if (g < 0 && group_at(r, k) >= 0)
            g = group_at(r, k);
        if (is_word(r, k, "as"))
            as = k;
    }
    if (g >= 0 && as > (long)r->g[g].s) {
        static const char *const REG[] = {"regard", "regards", "regarded", "treat", "treats", "treated",
                                          "consider", "considers", "considered", "deem", "deems", "deemed"};
        int reg = 0;
        for (long j = i - 1; j >= 0 && j >= i - 4 && !reg; j--)
            reg = WORD_IN(r, j, REG);
        long a = as + 1;
        if (reg && (is_word(r, a, "an") || is_word(r, a, "a")) &&
            ((WORD_IN(r, a + 1, N) && WORD_IN(r, a + 2, P)) ||
             (is_word(r, a + 1, "threat") && is_word(r, a + 2, "to")))) {
            *s = i > 0 && (is_word(r, i - 1, "armed") || is_word(r, i - 1, "an") || is_word(r, i - 1, "any")) ? i - 1 : i;
            *guar = g;
            return a + 3;
        }
    }
    /* "an attack on the sovereignty or territorial integrity of one member" */
    long k = i + 2;
    while ((size_t)k < r->nt && k < i + 9 && !WORD_IN(r, k, ONE) && r->t[k].kind == TK_WORD)
        k++;
    if (!WORD_IN(r, k, ONE))
        return -1;
    for (long j = k + 1; (size_t)j + 2 < r->nt && j < k + 18; j++) {
        if (is_boundary(r, j) || is_punct(r, j, ';'))
            return -1;
        if (WORD_IN(r, j, N) && WORD_IN(r, j + 1, P) && WORD_IN(r, j + 2, ALL)) {
            *s = i > 0 && (is_word(r, i - 1, "armed") || is_word(r, i - 1, "an") || is_word(r, i - 1, "any")) ? i - 1 : i;
            return j + 3;
        }
    }
    return -1;
}

/* A promise of help conditional on an attack on a party, in its own words,
 * where no shipment or aid event carried it: "commits Turkey and
 * Azerbaijan to consult and to provide each other with the necessary
 * assistance if either is threatened or attacked". From the verb at i: the
 * clause's end, or -1. */
static long assist_clause(const rd *r, long i)
{
    static const char *const GIVE[] = {"provide", "provides", "provided", "providing", "render", "renders",
                                       "rendered", "rendering", "extend", "extends", "extended", "extending",
                                       "give", "gives", "giving", "offer", "offers", "offering"};
    static const char *const HELP[] = {"assistance", "aid", "help", "support"};
    static const char *const PARTY[] = {"other", "either", "one", "any", "each", "both"};
    /* most tokens fail on their first letter */
    char c = r->t[i].kind == TK_WORD ? (char)(r->text[r->t[i].s] | 0x20) : 0;
    if ((c != 'p' && c != 'r' && c != 'e' && c != 'g' && c != 'o') || !WORD_IN(r, i, GIVE))
        return -1;
    long j = i + 1;
    while ((size_t)j < r->nt && j < i + 8 && !WORD_IN(r, j, HELP) && !is_boundary(r, j) && !is_punct(r, j, ';'))
        j++;
    long e = WORD_IN(r, j, HELP) ? attack_condition(r, j + 1) : 0;
    /* a mutual promise: "the other", "either", "one of them" is attacked */
    for (long k = j + 1; k < e; k++)
        if (WORD_IN(r, k, PARTY))
            return e;
    return -1;
}

/* The lexicon's noun of the given type whose phrase contains the given
 * words, needing nothing near it ("an attack on one is an attack on all"
 * for a defence clause, "will pay the price" for a threat said in other
 * words), or NULL when the lexicon has none. */
static const lx_trigger *lexicon_noun(const rd *r, casus_evtype type, const char *words)
{
    for (uint32_t k = 0; k < r->lx->ntriggers; k++) {
        const lx_trigger *t = &r->lx->triggers[k];
        if (t->type == type && t->form == FORM_NOUN && t->needs == NEED_NONE && strstr(t->lemma, words))
            return t;
    }
    return NULL;
}

/* Whether tokens [t0, s) are a phrase set before the subject and closed by
 * a comma, with no verb in it ("On the diplomatic side, Rabat has not been
 * quiet", "In a statement on Monday, Moscow ..."). */
static int fronted_phrase(const rd *r, long t0, long s)
{
    static const char *const VB[] = {"is", "are", "was", "were", "has", "have", "had", "said", "says", "will", "would"};
    if (s <= t0 + 1 || s > t0 + 12 || !is_punct(r, s - 1, ','))
        return 0;
    for (long i = t0; i < s - 1; i++)
        if (is_boundary(r, i) || verb_tok(r, i) || WORD_IN(r, i, VB) || (r->t[i].kind == TK_PUNCT && !is_punct(r, i, ',')))
            return 0;
    return 1;
}

/* "signed a contract with the United States on 13 August 2024 for 96
 * AH-64E Apache attack helicopters", "signed a letter of acceptance for 20
 * F-35s", "placed an order for 11 Su-35 fighters": a purchase of arms told
 * by its paper, after the verb that ends at te. */
static int arms_contract(const rd *r, long te)
{
    static const char *const PAPER[] = {"contract", "contracts", "deal", "order", "orders"};
    long i = te;
    if (cue_at(r, i, CUE_DET) || is_word(r, i, "a") || is_word(r, i, "an") || (r->t[i].fl & TF_POSS))
        i++;
    long k = i;
    /* "a government-to-government contract", "the second executive contract" */
    while (k < i + 6 && (size_t)k + 1 < r->nt && !WORD_IN(r, k, PAPER) && !is_word(r, k, "letter") &&
           r->t[k].kind == TK_WORD && !(r->t[k].fl & TF_CAP) &&
           (!at(r, k) || (r->t[k].fl & TF_HYPH) || (r->t[k + 1].fl & TF_HYPH)))
        k++;
    if (is_word(r, k, "letter") && is_word(r, k + 1, "of") &&
        (is_word(r, k + 2, "acceptance") || (is_word(r, k + 2, "offer") && is_word(r, k + 3, "and") &&
                                             is_word(r, k + 4, "acceptance"))))
        k += is_word(r, k + 2, "acceptance") ? 2 : 4;
    else if (!WORD_IN(r, k, PAPER))
        return 0;
    for (long j = k + 1; (size_t)j < r->nt && j < k + 16; j++) {
        if (is_boundary(r, j) || is_punct(r, j, ';') || is_punct(r, j, '.'))
            return 0;
        if (!is_word(r, j, "for"))
            continue;
        for (long q = j + 1; (size_t)q < r->nt && q < j + 7; q++) {
            if (is_boundary(r, q) || is_punct(r, q, ','))
                return 0;
            if (cue_at(r, q, CUE_ARMS) || designator(r, q) || casusi_ship_word(r, q))
                return 1;
        }
        return 0;
    }
    return 0;
}

static int clause_events(rd *r)
{
    /* both kinds of clause name an attack: most sentences name none */
    int attack = 0;
    for (size_t i = 0; i < r->nt && !attack; i++)
        attack = (r->amask[i] & (((uint64_t)1 << CUE_ATTACK) | ((uint64_t)1 << CUE_ATTACKV))) != 0;
    if (!attack)
        return 0;
    for (long i = 0; (size_t)i + 5 < r->nt; i++) {
        long s;
        int guar = -1;
        long e = defence_clause(r, i, &s, &guar);
        if (e < 0 && (e = assist_clause(r, i)) >= 0)
            s = i;
        if (e < 0)
            continue;
        int have = 0;
        for (size_t q = r->nev; q-- > 0 && r->ev[q].sent == r->sentno && !have;)
            have = r->ev[q].type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE;
        const lx_trigger *tr = have ? NULL : lexicon_noun(r, CASUS_EV_MUTUAL_DEFENSE_PLEDGE, "attack on one");
        if (!tr)
            return 0;
        lx_match m = {(uint32_t)s, (uint32_t)e, CLAUSE_MATCH, 0};
        size_t before = r->nev;
        int rc = do_trigger(r, &m, tr, 0);
        if (rc >= 0 && guar >= 0 && r->nev > before) {
            rev *x = &r->ev[r->nev - 1]; /* the state guaranteed */
            x->tgt = r->g[guar].codes;
            cs_minus(&x->tgt, &x->src);
        }
        return rc;
    }
    return 0;
}

/* "the Saudi government will pay a high price", "the aircraft will be
 * destroyed", "it would require an adequate response from our military",
 * "Saudi politicians will face divine revenge": in a sentence someone
 * says, a "will" or "would" whose clause ends in a reprisal is a threat by
 * the speaker, in whatever words the phrases of the lexicon do not list.
 * Not when the sentence has told a warning already. */
static int threat_clause(rd *r)
{
    static const char *const PAY[] = {"price", "consequences", "response", "retaliation", "revenge", "punishment",
                                      "punished", "lesson", "unanswered", "unpunished", "destroyed", "reprisals",
                                      "retribution", "vengeance"};
    static const char *const MINE[] = {"our", "its", "their", "his", "her", "my"};
    for (long i = 0; (size_t)i + 1 < r->nt; i++) {
        if (!is_word(r, i, "will") && !is_word(r, i, "would") && !is_word(r, i, "shall"))
            continue;
        for (long j = i + 1; (size_t)j < r->nt && j <= i + 7; j++) {
            if (is_boundary(r, j) || is_punct(r, j, ',') || is_punct(r, j, ';') || is_punct(r, j, '.'))
                break;
            /* not "would be communicating our response in the strongest terms" */
            if (!WORD_IN(r, j, PAY) || WORD_IN(r, j - 1, MINE))
                continue;
            for (size_t q = r->nev; q-- > 0 && r->ev[q].sent == r->sentno;)
                if (r->ev[q].type == CASUS_EV_WARN)
                    return 0;
            int say = 0;
            for (size_t k = 0; k < r->nt && !say; k++)
                say = cue_at(r, (long)k, CUE_SAY) != 0;
            const lx_trigger *tr = say ? lexicon_noun(r, CASUS_EV_WARN, "will pay the price") : NULL;
            if (!tr)
                return 0;
            lx_match m = {(uint32_t)i, (uint32_t)j + 1, CLAUSE_MATCH, 0};
            return do_trigger(r, &m, tr, 0);
        }
    }
    return 0;
}

/* A relative pronoun in the four tokens before token b, after token a
 * ("the treaty that both countries signed") */
static int rel_before(const rd *r, long a, long b)
{
    for (long i = b - 1; i > a && i >= b - 4; i--)
        if (is_word(r, i, "that") || is_word(r, i, "which"))
            return 1;
    return 0;
}

int casusi_sentence_events(rd *r)
{
    casusi_note_attacks(r);
    /* deny verbs first mark the triggers they govern */
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        if (!has_cat(r, m, LX_TRIGGER))
            continue;
        uint32_t np;
        const lx_payload *p = pays_of(r, m, &np);
        int denied = 0;
        /* a trigger right after a deny verb ("denied sending troops"), or
         * in the that-clause it governs ("denied that North Korean troops
         * were fighting in Ukraine") */
        for (long i = (long)m->s - 1; i >= 0 && i >= (long)m->s - 14; i--) {
            int types[8];
            int n = event_types_at(r, i, types, 8);
            for (int q = 0; q < n; q++)
                if (r->lx->triggers[types[q]].type == CASUS_EV_DENY_ACCUSATION && !r->lx->triggers[types[q]].subj_speaker &&
                    (i >= (long)m->s - 5 || is_word(r, (long)at(r, i)->e, "that")))
                    denied = 1;
            if (is_boundary(r, i) || is_punct(r, i, ',') || is_punct(r, i, ';'))
                break;
        }
        int done = 0;
        for (uint32_t q = 0; q < np; q++) {
            if (p[q].cat != LX_TRIGGER)
                continue;
            const lx_trigger *tr = &r->lx->triggers[p[q].idx];
            size_t before = r->nev;
            /* one event per type per trigger word */
            int seen = 0;
            for (uint32_t q2 = 0; q2 < q; q2++)
                if (p[q2].cat == LX_TRIGGER && r->lx->triggers[p[q2].idx].type == tr->type &&
                    (done & (1 << (q2 & 31))))
                    seen = 1;
            if (seen)
                continue;
            if (do_trigger(r, m, tr, denied))
                return -1;
            if (r->nev > before)
                done |= 1 << (q & 31);
            /* a contract for arms is their purchase: the signer buys, the
             * partner ("with") or the maker sells */
            if (tr->type == CASUS_EV_TREATY_SIGNED && tr->form != FORM_NOUN && r->nev == before &&
                arms_contract(r, (long)m->e)) {
                lx_trigger buy = *tr;
                buy.type = CASUS_EV_ARMS_TRANSFERRED;
                buy.needs = NEED_ARMS;
                buy.subj_target = 1;
                buy.with_target = 0;
                if (do_trigger(r, m, &buy, denied))
                    return -1;
            }
        }
    }
    if (clause_events(r) || threat_clause(r))
        return -1;
    /* "denounced a naval exercise by the U.S., Japan and South Korea": a
     * condemnation with no target is aimed at the actors of an event named
     * in its object */
    size_t first = r->nev;
    while (first > 0 && r->ev[first - 1].sent == r->sentno)
        first--;
    for (size_t i = first; i < r->nev; i++) {
        rev *c = &r->ev[i];
        if (c->tgt.n || (c->type != CASUS_EV_CONDEMN && c->type != CASUS_EV_WARN))
            continue;
        for (size_t q = i + 1; q < r->nev; q++) {
            const rev *y = &r->ev[q];
            if (y->sent == r->sentno && y->tok > c->tok && y->tok <= c->tok + 6 && y->src.n &&
                !cs_meets(&y->src, &c->src) && y->type != CASUS_EV_CONDEMN && y->type != CASUS_EV_WARN &&
                y->type != CASUS_EV_DENY_ACCUSATION) {
                c->tgt = y->src;
                break;
            }
        }
    }
    /* "warned that Washington would sanction more Brazilian officials": a
     * warning with no target is aimed at the target of the sanctions it
     * threatens, its speaker's own, in its that-clause */
    for (size_t i = first; i < r->nev; i++) {
        rev *c = &r->ev[i];
        if (c->tgt.n || c->type != CASUS_EV_WARN || !c->src.n || !is_word(r, c->tok + 1, "that"))
            continue;
        for (size_t q = i + 1; q < r->nev; q++) {
            const rev *y = &r->ev[q];
            if (y->sent == r->sentno && y->tok > c->tok && y->tok <= c->tok + 10 && y->tgt.n &&
                y->type == CASUS_EV_SANCTIONS && y->mod != CASUS_MOD_ACTUAL && cs_meets(&y->src, &c->src) &&
                !cs_meets(&y->tgt, &c->src)) {
                c->tgt = y->tgt;
                break;
            }
        }
    }
    /* "Algeria suspended the Treaty of Friendship ... it had concluded with
     * Spain", "denounced the treaty signed with France", "the Treaty ...
     * that both countries signed in Madrid": an exit with no target leaves
     * the partner its object's relative clause signed with (not "the CFE
     * Treaty, signed in Paris", a capital) */
    for (size_t i = first; i < r->nev; i++) {
        rev *w = &r->ev[i];
        if (w->tgt.n || w->type != CASUS_EV_TREATY_WITHDRAWN || w->dead)
            continue;
        for (size_t q = i + 1; q < r->nev; q++) {
            const rev *y = &r->ev[q];
            if (y->sent != r->sentno || y->type != CASUS_EV_TREATY_SIGNED || y->dead || y->tok <= w->tok ||
                y->tok > w->tok + 16 || !cs_sub(&w->src, &y->src) || y->src.n <= w->src.n ||
                !(is_word(r, y->tok + 1, "with") || is_word(r, y->tok + 2, "with") || rel_before(r, w->tok, y->tok)))
                continue;
            w->tgt = y->src;
            cs_minus(&w->tgt, &w->src);
            break;
        }
    }
    casusi_discourse_targets(r, first);
    /* the subject group of a sentence opening with two or more actors, or
     * with one ("North Korea, whose missile programme..., has kept up its
     * tests. On Sunday it fired") */
    /* past a dateline ("AMMAN, March 9 (Gulf Desk) - Jordan, Turkey, ...") */
    size_t g0 = 0;
    long t0 = 0;
    while (g0 < r->ng && r->dl_e && r->t[r->g[g0].s].s >= r->dl_s && r->t[r->g[g0].s].s < r->dl_e)
        g0++;
    while (g0 && (size_t)t0 < r->nt && r->t[t0].s < r->dl_e)
        t0++;
    if (g0 < r->ng && r->g[g0].codes.n >= 2 && (r->g[g0].prep < 0 || r->g[g0].people))
        set_multi(r, &r->g[g0].codes);
    else if (g0 < r->ng && r->g[g0].codes.n == 1 && r->g[g0].prep < 0 &&
             ((long)r->g[g0].s <= t0 + 3 || fronted_phrase(r, t0, (long)r->g[g0].s)))
        r->last_single = r->g[g0].codes;
    /* the first person the sentence names outside a prepositional phrase
     * and before its verb ("Tiani told the gathering. He warned ..."): whom
     * "he" and "she" mean; not the object ("summoned Ambassador Zinoviev").
     * A subject office with no state of its own ("Vice Minister Kim
     * condemned ...") is the state its event speaks for. */
    int found = 0;
    for (size_t a = 0; a < r->nam; a++) {
        const amen *m = &r->am[a];
        int person = m->actor ? m->actor->kind == AK_LEADER : !m->org;
        for (uint32_t i = m->s; i < m->e && !person; i++)
            person = cue_at(r, (long)i, CUE_PEOPLE) != 0;
        if (r->g[m->group].people) /* "The speaker for the Russian Federation said" */
            person = 1;
        if (!person || (m->prep >= 0 && !r->g[m->group].people))
            continue;
        int verb = 0; /* the first such person: the subject if no verb comes first */
        for (long i = 0; i < (long)m->s && !verb; i++)
            verb = r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && verb_tok(r, i);
        if (!verb) {
            r->last_person.n = 0;
            cs_add(&r->last_person, m->code);
            found = 1;
        }
        break;
    }
    long io = -1, v0 = 0;
    for (long i = 0; i < 4 && (size_t)i < r->nt && !found && io < 0; i++)
        if (cue_at(r, i, CUE_PEOPLE) && group_at(r, i) < 0)
            io = i;
    int office = io >= 0;
    for (long i = 0; i < io && office; i++)
        office = !verb_tok(r, i);
    if (office)
        while ((size_t)v0 < r->nt && !verb_tok(r, v0))
            v0++;
    for (size_t q = r->nev; office && q-- > 0 && r->ev[q].sent == r->sentno;)
        if (!r->ev[q].dead && r->ev[q].src.n == 1 && r->ev[q].tok >= v0) {
            r->last_person = r->ev[q].src;
            office = 0;
        }
    /* a quotation this sentence opens and leaves open: its speaker, for
     * the sentences inside it (see quote_carrier) */
    {
        int q = 0;
        for (size_t i = 0; i < r->nt; i++)
            q ^= r->t[i].kind == TK_PUNCT && is_punct(r, (long)i, '"');
        r->sentquote = q;
        if (q && !r->inquote) {
            int sp = speaker_group(r);
            r->qspeaker.n = 0;
            if (sp >= 0)
                r->qspeaker = r->g[sp].codes;
        }
    }
    /* "Vice Foreign Minister Deng Li summoned": Deng speaks for the state
     * found for the event (see casusi_learn_speaker) */
    for (size_t q = r->nev; q-- > 0 && r->ev[q].sent == r->sentno;)
        if (!r->ev[q].dead && r->ev[q].srcinf && r->ev[q].src.n == 1)
            casusi_learn_speaker(r, r->ev[q].tok, r->ev[q].src.c[0]);
    /* "Spokesperson Guo Jiakun said" (see casusi_learn_titled): an office
     * opening the sentence, or after a phrase set off by a comma */
    int anyone = 0; /* most sentences have no office near their start */
    for (long i = t0; (size_t)i < r->nt && i < t0 + 12 && !anyone; i++)
        anyone = (r->cmask[i] >> CUE_PEOPLE) & 1;
    for (long i = t0; anyone && (size_t)i < r->nt && i < t0 + 12; i++) {
        int people = cue_starts(r, i, CUE_PEOPLE);
        if (group_at(r, i) >= 0 || (!people && (verb_tok(r, i) || is_boundary(r, i))))
            break;
        if (people && (i == t0 || is_punct(r, i - 1, ',') || fronted_phrase(r, t0, i))) {
            /* "... ministry spokeswoman Mao Ning said ... She warned": whom
             * "she" means */
            const char *code = casusi_learn_titled(r, i);
            if (code && !found) {
                r->last_person.n = 0;
                cs_add(&r->last_person, code);
            }
            break;
        }
    }
    return 0;
}
