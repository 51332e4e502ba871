/* test_query.c -- query.c and cascade.c on the bundled data: the seeds'
 * story. Each test names the treaty article it checks; the facts and their
 * sources are in data/treaties/ID.yaml and ../shared/facts/. */
#include "casus.h"

#include <string.h>

static casus_date day_of(const char *s)
{
    casus_date d;
    assert_int_equal(casus_date_parse_day(s, &d, NULL), CASUS_OK);
    return d;
}

static casus_attack attack(const char *a, const char *b, const char *date, const char *where)
{
    casus_attack at;
    memset(&at, 0, sizeof at);
    casus_date d = day_of(date);
    at.day = d.lo;
    at.attacker = casus_kb_state(KB, a, &d, NULL);
    at.target = casus_kb_state(KB, b, &d, NULL);
    assert_non_null(at.attacker);
    assert_non_null(at.target);
    if (where) {
        at.place = casus_kb_place(KB, where, NULL);
        if (!at.place)
            at.where_state = casus_kb_state(KB, where, &d, NULL);
        assert_true(at.place || at.where_state);
    }
    return at;
}

static const casus_binding *find(const casus_binding *b, size_t n, const char *state,
                                 const char *treaty, const char *article)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(b[i].state->iso3, state) && !strcmp(b[i].treaty->id, treaty) &&
            (!article || !strcmp(b[i].ob->article, article)))
            return &b[i];
    return NULL;
}

static casus_obligations *obligations(casus_arena *A, const casus_attack *at)
{
    casus_obligations *r = NULL;
    assert_int_equal(casus_query_obligations(KB, A, at, &r, NULL), CASUS_OK);
    return r;
}

/* Kursk, August 2024: the 2024 treaty was signed (2024-06-19) but not in
 * force until 2024-12-04 (Art. 22), so Art. 4 binds the DPRK to nothing yet. */
static void kursk_before_entry_into_force(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("UKR", "RUS", "2024-08-06", "kursk");
    casus_obligations *r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "PRK", "ru-kp-2024", NULL));
    const casus_binding *p = find(r->pending, r->npending, "PRK", "ru-kp-2024", "4");
    assert_non_null(p);
    assert_int_equal(p->ob->type, CASUS_OB_DEFENSE);
    assert_non_null(strstr(p->why_pending, "2024-12-04"));
    casus_arena_free(A);
}

/* The same attack after entry into force binds the DPRK under Art. 4. */
static void kursk_after_entry_into_force(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("UKR", "RUS", "2024-12-04", "kursk");
    casus_obligations *r = obligations(A, &at);
    const casus_binding *b = find(r->bound, r->nbound, "PRK", "ru-kp-2024", "4");
    assert_non_null(b);
    assert_int_equal(b->side, CASUS_SIDE_TARGET);
    assert_int_equal(b->overall, CASUS_MET);
    assert_string_equal(b->toward->iso3, "RUS");
    assert_null(find(r->pending, r->npending, "PRK", "ru-kp-2024", NULL));
    /* the day before: still pending */
    at = attack("UKR", "RUS", "2024-12-03", "kursk");
    r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "PRK", "ru-kp-2024", "4"));
    casus_arena_free(A);
}

/* An attack on North Korea binds China (1961 treaty, Art. II) in 1970 and
 * today, and the Soviet Union (1961 treaty, Art. 1) in 1970 -- but no one in
 * Moscow in 1998: the 1961 treaty ended in 1996 and the 2000 treaty has no
 * defence clause. */
static void attack_on_dprk_over_time(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("USA", "PRK", "1970-06-25", "PRK");
    casus_obligations *r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "CHN", "cn-kp-1961", "II"));
    const casus_binding *su = find(r->bound, r->nbound, "SUN", "su-kp-1961", "1");
    assert_non_null(su);
    assert_int_equal(su->ob->type, CASUS_OB_DEFENSE);

    at = attack("USA", "PRK", "1998-06-01", "PRK");
    r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "CHN", "cn-kp-1961", "II"));
    for (size_t i = 0; i < r->nbound; i++)
        assert_true(strcmp(r->bound[i].state->iso3, "RUS") != 0 ||
                    r->bound[i].ob->type != CASUS_OB_DEFENSE);

    at = attack("USA", "PRK", "2026-11-23", "PRK");
    r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "CHN", "cn-kp-1961", "II"));
    assert_non_null(find(r->bound, r->nbound, "RUS", "ru-kp-2024", "4"));
    casus_arena_free(A);
}

/* "RUS" before 1992 means the USSR, as in COW (code 365 for both). */
static void russia_means_ussr_before_1992(void **st)
{
    (void)st;
    casus_date d = day_of("1970-01-01");
    const casus_state *s = casus_kb_state(KB, "RUS", &d, NULL);
    assert_non_null(s);
    assert_string_equal(s->iso3, "SUN");
    assert_int_equal(s->cow, 365);
    d = day_of("2000-01-01");
    s = casus_kb_state(KB, "RUS", &d, NULL);
    assert_string_equal(s->iso3, "RUS");
    assert_int_equal(s->cow, 365);
    s = casus_kb_state(KB, "Russian Federation", &d, NULL);
    assert_string_equal(s->iso3, "RUS");
    s = casus_kb_state(KB, "North Korea", &d, NULL);
    assert_string_equal(s->iso3, "PRK");
    s = casus_kb_state(KB, "türkiye", &d, NULL);
    assert_string_equal(s->iso3, "TUR");
    casus_error e;
    assert_null(casus_kb_state(KB, "XYZ", &d, &e));
    assert_int_equal(e.code, CASUS_ENOTFOUND);
    assert_non_null(strstr(e.msg, "'XYZ'"));
}

/* NATO Art. 5 follows each member's accession day: Finland 2023-04-04,
 * Sweden 2024-03-07. */
static void nato_follows_accession(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("RUS", "FIN", "2023-04-03", "FIN");
    casus_obligations *r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "USA", "nato-1949", "5"));
    at = attack("RUS", "FIN", "2023-04-04", "FIN");
    r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "USA", "nato-1949", "5"));
    assert_non_null(find(r->bound, r->nbound, "TUR", "nato-1949", "5"));
    /* Sweden: owed nothing the day before, bound toward Finland from its day */
    at = attack("RUS", "SWE", "2024-03-06", "SWE");
    r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "USA", "nato-1949", "5"));
    at = attack("RUS", "FIN", "2024-03-06", "FIN");
    r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "SWE", "nato-1949", "5"));
    at = attack("RUS", "FIN", "2024-03-07", "FIN");
    r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "SWE", "nato-1949", "5"));
    casus_arena_free(A);
}

/* Art. 6 limits Art. 5 to Europe, North America and the North Atlantic north
 * of the Tropic of Cancer (and forces in the Mediterranean): Hawaii is
 * outside, Alaska inside. */
static void nato_article6_area(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("CHN", "USA", "2025-01-01", "hawaii");
    casus_obligations *r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "GBR", "nato-1949", "5"));
    const casus_binding *b = find(r->not_triggered, r->nnot_triggered, "GBR", "nato-1949", "5");
    assert_non_null(b);
    assert_int_equal(b->overall, CASUS_NOT_MET);
    at = attack("RUS", "USA", "2025-01-01", "alaska");
    r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "GBR", "nato-1949", "5"));
    /* Ceuta is Spanish but in Africa: outside; ships in the Mediterranean: inside (6(ii)) */
    at = attack("MAR", "ESP", "2025-01-01", "ceuta");
    r = obligations(A, &at);
    assert_non_null(find(r->not_triggered, r->nnot_triggered, "FRA", "nato-1949", "5"));
    at = attack("RUS", "ITA", "2025-01-01", "mediterranean-sea");
    r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "FRA", "nato-1949", "5"));
    /* no location: the area condition is unknown, not met or unmet */
    at = attack("RUS", "USA", "2025-01-01", NULL);
    r = obligations(A, &at);
    b = find(r->bound, r->nbound, "GBR", "nato-1949", "5");
    assert_non_null(b);
    assert_int_equal(b->overall, CASUS_UNKNOWN);
    casus_arena_free(A);
}

/* US-Japan 1960 Art. V covers territories under Japan's administration. */
static void us_japan_administered(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("CHN", "JPN", "2025-01-01", "senkaku-islands");
    casus_obligations *r = obligations(A, &at);
    const casus_binding *b = find(r->bound, r->nbound, "USA", "us-jp-1960", "V");
    assert_non_null(b);
    assert_int_equal(b->overall, CASUS_MET);
    casus_arena_free(A);
}

/* ANZUS: the U.S. suspended its obligations to New Zealand from 1986-08-11;
 * Australia's stand. */
static void anzus_suspension(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("CHN", "NZL", "1990-01-01", "NZL");
    casus_obligations *r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "USA", "anzus-1951", NULL));
    assert_non_null(find(r->bound, r->nbound, "AUS", "anzus-1951", NULL));
    at = attack("CHN", "NZL", "1985-01-01", "NZL");
    r = obligations(A, &at);
    assert_non_null(find(r->bound, r->nbound, "USA", "anzus-1951", NULL));
    casus_arena_free(A);
}

/* Cascade: Ukraine's strike on Kursk in 2025 brings in the DPRK and the
 * CSTO allies on Russia's side; no one joins Ukraine. */
static void cascade_kursk(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("UKR", "RUS", "2025-01-01", "kursk");
    casus_cascade *c = NULL;
    assert_int_equal(casus_query_cascade(KB, A, &at, &c, NULL), CASUS_OK);
    assert_int_equal(c->nattacker_side, 1);
    assert_string_equal(c->attacker_side[0]->iso3, "UKR");
    assert_string_equal(c->target_side[0]->iso3, "RUS");
    int prk = 0, blr = 0;
    for (size_t i = 0; i < c->ntarget_side; i++) {
        prk |= !strcmp(c->target_side[i]->iso3, "PRK");
        blr |= !strcmp(c->target_side[i]->iso3, "BLR");
    }
    assert_true(prk);
    assert_true(blr);
    assert_true(c->nrounds >= 1);
    casus_arena_free(A);
}

/* Camp David (2023) is a political commitment to consult, never to fight. */
static void camp_david_consult_only(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("PRK", "KOR", "2025-01-01", "KOR");
    casus_obligations *r = obligations(A, &at);
    const casus_binding *b = find(r->bound, r->nbound, "JPN", "camp-david-2023", NULL);
    assert_non_null(b);
    assert_int_equal(b->ob->type, CASUS_OB_CONSULTATION);
    assert_int_equal(b->side, CASUS_SIDE_NONE);
    assert_false(b->treaty->binding);
    assert_non_null(find(r->bound, r->nbound, "USA", "us-kr-1953", NULL));
    casus_arena_free(A);
}

static void allies_today(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_date d = day_of("2026-11-23");
    casus_allies *r = NULL;
    const casus_state *prk = casus_kb_state(KB, "PRK", &d, NULL);
    assert_int_equal(casus_query_allies(KB, A, prk, d.lo, &r, NULL), CASUS_OK);
    int owes_rus = 0, owed_chn = 0;
    for (size_t i = 0; i < r->nitems; i++) {
        const casus_commitment *c = &r->items[i];
        for (size_t k = 0; k < c->ncounterparts; k++) {
            if (c->owes && c->ob->type == CASUS_OB_DEFENSE && !strcmp(c->counterparts[k]->iso3, "RUS"))
                owes_rus = 1;
            if (!c->owes && c->ob->type == CASUS_OB_DEFENSE && !strcmp(c->counterparts[k]->iso3, "CHN"))
                owed_chn = 1;
        }
    }
    assert_true(owes_rus);
    assert_true(owed_chn);
    casus_arena_free(A);
}

/* The 2000 Russia-DPRK treaty's entry into force is known only to the year
 * (data/treaties/ru-kp-2000.yaml): answers inside 2000 say they rest on it. */
static void partial_date_flag(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("USA", "RUS", "2000-06-01", "RUS");
    casus_obligations *r = obligations(A, &at);
    const casus_binding *b = find(r->bound, r->nbound, "PRK", "ru-kp-2000", NULL);
    assert_non_null(b);
    assert_true(b->rests_on_partial_date);
    at = attack("USA", "RUS", "2001-06-01", "RUS");
    r = obligations(A, &at);
    b = find(r->bound, r->nbound, "PRK", "ru-kp-2000", NULL);
    assert_non_null(b);
    assert_false(b->rests_on_partial_date);
    /* and it ended the day before the 2024 treaty took over */
    at = attack("USA", "RUS", "2024-12-04", "RUS");
    r = obligations(A, &at);
    assert_null(find(r->bound, r->nbound, "PRK", "ru-kp-2000", NULL));
    casus_arena_free(A);
}

/* Russia attacking the DPRK breaks the 2024 treaty's pledge; Armenia's CSTO
 * participation is frozen since 2024-02-22 but it is still bound in law. */
static void violations_and_frozen(void **st)
{
    (void)st;
    casus_arena *A = casus_arena_new();
    casus_attack at = attack("RUS", "PRK", "2025-01-01", "PRK");
    casus_obligations *r = obligations(A, &at);
    assert_true(r->nviolations >= 1);
    assert_non_null(strstr(r->violations[0], "RUS's attack on PRK breaks"));
    at = attack("AZE", "RUS", "2025-01-01", NULL);
    r = obligations(A, &at);
    const casus_binding *b = find(r->bound, r->nbound, "ARM", "csto-1992", "4");
    assert_non_null(b);
    assert_true(b->frozen);
    at = attack("AZE", "RUS", "2023-01-01", NULL);
    r = obligations(A, &at);
    b = find(r->bound, r->nbound, "ARM", "csto-1992", "4");
    assert_non_null(b);
    assert_false(b->frozen);
    casus_arena_free(A);
}

static const struct CMUnitTest query_tests[] = {
    cmocka_unit_test(partial_date_flag),
    cmocka_unit_test(violations_and_frozen),
    cmocka_unit_test(kursk_before_entry_into_force),
    cmocka_unit_test(kursk_after_entry_into_force),
    cmocka_unit_test(attack_on_dprk_over_time),
    cmocka_unit_test(russia_means_ussr_before_1992),
    cmocka_unit_test(nato_follows_accession),
    cmocka_unit_test(nato_article6_area),
    cmocka_unit_test(us_japan_administered),
    cmocka_unit_test(anzus_suspension),
    cmocka_unit_test(cascade_kursk),
    cmocka_unit_test(camp_david_consult_only),
    cmocka_unit_test(allies_today),
};
