/* test_kbatop.c -- kbatop.c: ATOP alliances added to the bundled kb
 * (casus_kb_add_history) from the hand-made fixtures of tests/data/atop/
 * (docs/atop-derivation.md section 4) and a three-state COW list: treaty
 * records, members from COW codes (260 = DEU, merged with 255; Austria-
 * Hungary and pre-1918 Serbia made from the COW list, Annam from ATOP's own
 * code), spells with unknown days, obligations grouped by member, ATOP's
 * partner-specific corrections, the link to a bundled treaty, queries, and
 * the refusals (no ATOP, added twice). */
#include "history_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KBA_FIX "tests/data/atop/"

static const char KBA_COW[] =
    "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
    "AUH,300,Austria-Hungary,1816,1,1,1918,11,12,2016\n"
    "YUG,345,Yugoslavia,1878,7,13,1941,4,20,2016\n"
    "YUG,345,Yugoslavia,1944,10,20,2016,12,31,2016\n";

static casus_kb *kba_kb(void)
{
    const char *dir = getenv("CASUS_DATA");
    casus_kb *kb = NULL;
    casus_error e;
    assert_int_equal(casus_kb_open(dir ? dir : "data", &kb, &e), CASUS_OK);
    return kb;
}

/* A history handle holding the fixture ATOP files (and the COW list). */
static casus_history *kba_hist(const char *m, const char *a, int cow)
{
    casus_history *h = calloc(1, sizeof *h);
    casus_error e;
    assert_non_null(h);
    int rc = casusi_atop_load(m, a, &h->atop, &e);
    if (rc)
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.column, e.msg);
    assert_int_equal(rc, CASUS_OK);
    if (cow)
        assert_int_equal(casusi_statesys_parse(CASUSI_SYS_COW, "cow.csv", KBA_COW, sizeof KBA_COW - 1,
                                               &h->cow, &e),
                         CASUS_OK);
    return h;
}

static casus_date kba_day(const char *s)
{
    casus_date d;
    assert_int_equal(casus_date_parse_day(s, &d, NULL), CASUS_OK);
    return d;
}

static const casus_member *kba_member(const casus_treaty *t, const char *iso3)
{
    for (size_t i = 0; i < t->nmembers; i++)
        if (!strcmp(t->members[i].state->iso3, iso3))
            return &t->members[i];
    return NULL;
}

static const casus_obligation *kba_ob(const casus_treaty *t, casus_obtype type, const char *by)
{
    for (size_t i = 0; i < t->nobligations; i++)
        for (size_t j = 0; j < t->obligations[i].nby; j++)
            if (t->obligations[i].type == type && !strcmp(t->obligations[i].by[j]->iso3, by))
                return &t->obligations[i];
    return NULL;
}

static void kbatop_records(void **st)
{
    (void)st;
    casus_kb *kb = kba_kb();
    size_t n0 = casus_kb_ntreaties(kb), s0 = casus_kb_nstates(kb);
    casus_history *h = kba_hist(KBA_FIX "mini_m_lf.csv", KBA_FIX "mini_a.csv", 1);
    casus_error e;
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_OK);
    assert_int_equal(casus_kb_ntreaties(kb), n0 + 6);
    assert_int_equal(casus_kb_nstates(kb), s0 + 3); /* COW-AUH, COW-YUG, ATOP-8152 */

    /* 9001: USA and Canada owe defense + consultation, Mexico consultation */
    const casus_treaty *t = casus_kb_treaty(kb, "atop-9001", &e);
    assert_non_null(t);
    assert_string_equal(t->kind, "alliance");
    assert_string_equal(t->confidence, "medium");
    assert_int_equal(t->natop, 1);
    assert_int_equal(t->atop[0], 9001);
    assert_int_equal(t->nmembers, 3);
    assert_int_equal(t->signed_on.lo, kba_day("1950-01-15").lo);
    assert_int_equal(t->in_force.lo, t->signed_on.lo);
    assert_int_equal(t->ended.precision, 0);
    const casus_member *mex = kba_member(t, "MEX");
    assert_non_null(mex);
    assert_int_equal(mex->nspells, 1);
    assert_int_equal(mex->spells[0].from.precision, 2); /* 1951-03, day unknown */
    assert_int_equal(mex->spells[0].until.lo, kba_day("1960-06-30").lo);
    const casus_obligation *def = kba_ob(t, CASUS_OB_DEFENSE, "USA");
    assert_non_null(def);
    assert_int_equal(def->nby, 2); /* USA and CAN share the group */
    assert_int_equal(def->trigger, CASUS_TRIG_ATTACK);
    assert_null(kba_ob(t, CASUS_OB_DEFENSE, "MEX"));
    const casus_obligation *con = kba_ob(t, CASUS_OB_CONSULTATION, "MEX");
    assert_non_null(con);
    assert_int_equal(con->nby, 3);
    assert_int_equal(con->trigger, CASUS_TRIG_THREAT);

    /* 9002: France leaves and rejoins: two spells */
    t = casus_kb_treaty(kb, "atop-9002", &e);
    assert_non_null(t);
    assert_int_equal(kba_member(t, "FRA")->nspells, 2);
    assert_non_null(kba_ob(t, CASUS_OB_NONAGGRESSION, "GBR"));

    /* 9003: Austria-Hungary from the COW list; two phases */
    t = casus_kb_treaty(kb, "atop-9003", &e);
    assert_non_null(t);
    const casus_member *auh = kba_member(t, "COW-AUH");
    assert_non_null(auh);
    assert_string_equal(auh->state->name, "Austria-Hungary");
    assert_int_equal(auh->state->cow, 300);
    assert_string_equal(auh->state->cowabb, "AUH");
    assert_int_equal(auh->nspells, 1); /* phases 1 and 2 touch: one spell */
    assert_string_equal(kba_ob(t, CASUS_OB_DEFENSE, "COW-AUH")->article, "ATOP phase 1");
    assert_string_equal(kba_ob(t, CASUS_OB_CONSULTATION, "COW-AUH")->article, "ATOP phase 2");
    casus_date d1922 = kba_day("1922-01-01");
    assert_ptr_equal(casus_kb_state(kb, "300", &d1922, NULL), auh->state);
    assert_ptr_equal(casus_kb_state(kb, "Austria-Hungary", &d1922, NULL), auh->state);
    assert_ptr_equal(casus_kb_state(kb, "COW-AUH", &d1922, NULL), auh->state);
    assert_ptr_equal(casus_kb_state(kb, "cow:AUH", &d1922, NULL), auh->state);

    /* 9004: COW 260 (GFR) and 255 are both DEU: one member, one spell */
    t = casus_kb_treaty(kb, "atop-9004", &e);
    assert_non_null(t);
    assert_int_equal(t->nmembers, 2);
    const casus_member *deu = kba_member(t, "DEU");
    assert_non_null(deu);
    assert_int_equal(deu->nspells, 1);
    assert_int_equal(deu->spells[0].from.lo, kba_day("1954-10-23").lo);
    assert_int_equal(deu->spells[0].until.precision, 0);

    /* 9005: Annam, ATOP's code 8152 */
    t = casus_kb_treaty(kb, "atop-9005", &e);
    assert_non_null(t);
    assert_string_equal(kba_member(t, "ATOP-8152")->state->name, "Annam");

    /* 9006: COW 345 in 1889 is Serbia before Yugoslavia: a predecessor */
    t = casus_kb_treaty(kb, "atop-9006", &e);
    assert_non_null(t);
    const casus_member *srb = kba_member(t, "COW-YUG");
    assert_non_null(srb);
    casus_date d1950 = kba_day("1950-01-01");
    const casus_state *yug = casus_kb_state(kb, "YUG", &d1950, NULL);
    assert_non_null(yug);
    assert_ptr_equal(yug->continues, srb->state);
    assert_int_equal(srb->state->until.lo, kba_day("1918-11-30").lo);
    casus_date d1890 = kba_day("1890-01-01");
    assert_ptr_equal(casus_kb_state(kb, "SRB", &d1890, NULL), srb->state);

    /* the bundled treaties still point at the (moved) states */
    const casus_treaty *nato = casus_kb_treaty(kb, "nato-1949", &e);
    assert_non_null(nato);
    assert_ptr_equal(kba_member(nato, "USA")->state, casus_kb_state(kb, "USA", NULL, NULL));

    /* twice: refused, nothing changes */
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_EINVAL);
    assert_int_equal(casus_kb_ntreaties(kb), n0 + 6);
    casus_history_close(h);
    casus_kb_close(kb);
}

static void kbatop_query(void **st)
{
    (void)st;
    casus_kb *kb = kba_kb();
    casus_history *h = kba_hist(KBA_FIX "mini_m_lf.csv", KBA_FIX "mini_a.csv", 1);
    casus_error e;
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_OK);
    casus_arena *A = casus_arena_new();
    casus_date d = kba_day("1955-06-01");
    casus_attack at;
    memset(&at, 0, sizeof at);
    at.attacker = casus_kb_state(kb, "CUB", &d, &e);
    at.target = casus_kb_state(kb, "CAN", &d, &e);
    at.day = d.lo;
    casus_obligations *r = NULL;
    assert_int_equal(casus_query_obligations(kb, A, &at, &r, &e), CASUS_OK);
    int usa_def = 0, mex_def = 0, mex_con = 0;
    for (size_t i = 0; i < r->nbound; i++) {
        const casus_binding *b = &r->bound[i];
        if (strcmp(b->treaty->id, "atop-9001"))
            continue;
        usa_def += !strcmp(b->state->iso3, "USA") && b->ob->type == CASUS_OB_DEFENSE && b->overall == CASUS_MET;
        mex_def += !strcmp(b->state->iso3, "MEX") && b->ob->type == CASUS_OB_DEFENSE;
        mex_con += !strcmp(b->state->iso3, "MEX") && b->ob->type == CASUS_OB_CONSULTATION;
    }
    assert_int_equal(usa_def, 1);
    assert_int_equal(mex_def, 0);
    assert_int_equal(mex_con, 1);
    /* allies on a historical date list the alliance */
    casus_allies *al = NULL;
    assert_int_equal(casus_query_allies(kb, A, at.target, d.lo, &al, &e), CASUS_OK);
    int seen = 0;
    for (size_t i = 0; i < al->nitems; i++)
        seen += !strcmp(al->items[i].treaty->id, "atop-9001");
    assert_true(seen >= 2); /* owes and is owed */
    /* JSON of an ATOP treaty renders */
    const casus_treaty *t = casus_kb_treaty(kb, "atop-9003", &e);
    const char *js = casus_json_treaty(A, kb, t, d.lo, 0);
    assert_non_null(js);
    assert_non_null(strstr(js, "\"kind\":\"alliance\""));
    casus_arena_free(A);
    casus_history_close(h);
    casus_kb_close(kb);
}

static void kbatop_nocow(void **st)
{
    (void)st;
    casus_kb *kb = kba_kb();
    casus_history *h = kba_hist(KBA_FIX "mini_m_lf.csv", NULL, 0);
    casus_error e;
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_OK);
    const casus_state *s = casus_kb_state(kb, "COW-300", NULL, &e);
    assert_non_null(s);
    assert_string_equal(s->name, "COW state 300");
    assert_int_equal(s->cow, 300);
    casus_history_close(h);
    casus_kb_close(kb);
}

/* An alliance a bundled treaty lists (NATO, 3180) is linked, not added. */
static void kbatop_linked(void **st)
{
    (void)st;
    FILE *f = fopen(KBA_FIX "mini_m_lf.csv", "rb");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 16);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    fclose(f);
    for (char *p = buf; (p = strstr(p, "\n9001,")); p += 5)
        memcpy(p + 1, "3180", 4);
    casus_history *h = calloc(1, sizeof *h);
    casus_error e;
    assert_non_null(h);
    assert_int_equal(casusi_atop_load_mem("m.csv", buf, n, NULL, NULL, 0, &h->atop, &e), CASUS_OK);
    free(buf);
    casus_kb *kb = kba_kb();
    size_t n0 = casus_kb_ntreaties(kb);
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_OK);
    assert_int_equal(casus_kb_ntreaties(kb), n0 + 5);
    const casus_treaty *t = casus_kb_treaty(kb, "atop-3180", &e);
    assert_non_null(t);
    assert_string_equal(t->id, "nato-1949");
    casus_history_close(h);
    casus_kb_close(kb);
}

/* 3322: the UK's neutrality is owed to Israel only (ATOP's correction). */
static void kbatop_obvary(void **st)
{
    (void)st;
    casus_kb *kb = kba_kb();
    casus_history *h = kba_hist(KBA_FIX "obvary_m.csv", NULL, 0);
    casus_error e;
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_OK);
    const casus_treaty *t = casus_kb_treaty(kb, "atop-3322", &e);
    assert_non_null(t);
    const casus_obligation *neu = kba_ob(t, CASUS_OB_NEUTRALITY, "GBR");
    assert_non_null(neu);
    int fra = 0, isr = 0;
    for (size_t i = 0; i < neu->nto; i++) {
        fra += !strcmp(neu->to[i]->iso3, "FRA");
        isr += !strcmp(neu->to[i]->iso3, "ISR");
    }
    assert_int_equal(fra, 0);
    assert_int_equal(isr, 1);
    assert_non_null(strstr(neu->text, "owed to ISR only"));
    casus_history_close(h);
    casus_kb_close(kb);
}

static void kbatop_refused(void **st)
{
    (void)st;
    casus_kb *kb = kba_kb();
    casus_history *h = calloc(1, sizeof *h);
    casus_error e;
    assert_non_null(h);
    size_t n0 = casus_kb_ntreaties(kb);
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_EINVAL);
    assert_non_null(strstr(e.msg, "import atop"));
    assert_int_equal(casus_kb_ntreaties(kb), n0);
    casus_history_close(h);
    casus_kb_close(kb);
}

/* A failure in the last step (here: a treaty id clash found while
 * re-indexing) leaves the kb as it was: same arrays, same pointers. */
static void kbatop_rollback(void **st)
{
    (void)st;
    casus_kb *kb = kba_kb();
    casus_history *h = kba_hist(KBA_FIX "mini_m_lf.csv", KBA_FIX "mini_a.csv", 1);
    casus_error e;
    casus_treaty *t = (casus_treaty *)casus_kb_treaty(kb, "arab-league-1950", &e);
    assert_non_null(t);
    const char *id = t->id;
    t->id = "atop-9002"; /* sorts where arab-league-1950 did */
    const casus_state *states = kb->states, *usa = casus_kb_state(kb, "USA", NULL, NULL);
    size_t ns = kb->nstates, nt = kb->ntreaties;
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_EPARSE);
    assert_non_null(strstr(e.msg, "atop-9002"));
    assert_ptr_equal(kb->states, states);
    assert_int_equal(kb->nstates, ns);
    assert_int_equal(kb->ntreaties, nt);
    assert_int_equal(kb->nhistory, 0);
    assert_ptr_equal(casus_kb_state(kb, "USA", NULL, NULL), usa);
    assert_ptr_equal(kba_member(casus_kb_treaty(kb, "nato-1949", &e), "USA")->state, usa);
    assert_null(casus_kb_state(kb, "COW-AUH", NULL, NULL));
    t->id = id;
    /* and then it works */
    assert_int_equal(casus_kb_add_history(kb, h, &e), CASUS_OK);
    assert_non_null(casus_kb_treaty(kb, "atop-9002", &e));
    casus_history_close(h);
    casus_kb_close(kb);
}

static const struct CMUnitTest kbatop_tests[] = {
    cmocka_unit_test(kbatop_rollback),
    cmocka_unit_test(kbatop_records), cmocka_unit_test(kbatop_query),
    cmocka_unit_test(kbatop_nocow),   cmocka_unit_test(kbatop_linked),
    cmocka_unit_test(kbatop_obvary),  cmocka_unit_test(kbatop_refused),
};
