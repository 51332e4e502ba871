/*
 * test_story.c -- casus_story_merge: several articles' events merged into
 * facts. Which reports are one fact (same type and sources, targets equal
 * or left out, dates that can meet), which target and date
 * the fact takes, and the disagreements listed value by value.
 */
#include "casus.h"

#include <string.h>

static const char *const SY_PRK[] = {"PRK"};
static const char *const SY_RUS[] = {"RUS"};
static const char *const SY_UKR[] = {"UKR"};
static const char *const SY_KOR[] = {"KOR"};
static const char *const SY_USA[] = {"USA"};

static casus_event story_ev(casus_evtype type, const char *const *src, const char *const *tgt,
                            const char *date)
{
    casus_event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.source = src;
    e.nsource = 1;
    e.target = tgt;
    e.ntarget = tgt ? 1 : 0;
    if (date)
        assert_int_equal(casus_date_parse(date, &e.date, NULL), CASUS_OK);
    e.details.treaty_ref = -1;
    e.details.count = -1;
    e.details.quantity = -1;
    return e;
}

static casus_article story_art(const char *name, const casus_event *ev, size_t n)
{
    casus_article a;
    memset(&a, 0, sizeof a);
    a.name = name;
    a.events = ev;
    a.nevents = n;
    return a;
}

static const casus_disagreement *story_dis(const casus_fact *f, const char *field)
{
    for (size_t i = 0; i < f->ndisagreements; i++)
        if (!strcmp(f->disagreements[i].field, field))
            return &f->disagreements[i];
    return NULL;
}

/* Three outlets on North Korean troops in Russia: one fact, the counts
 * they disagree on and the denial listed with the articles giving each,
 * the most precise date kept; a summons on another day is another fact. */
static void story_counts_and_denial(void **state)
{
    (void)state;
    casus_event a[2], b[1], c[1];
    a[0] = story_ev(CASUS_EV_TROOPS_DEPLOYED, SY_PRK, SY_RUS, "2024-10");
    a[0].details.count = 10000;
    a[1] = story_ev(CASUS_EV_SUMMON_AMBASSADOR, SY_KOR, SY_RUS, "2024-10-21");
    b[0] = story_ev(CASUS_EV_TROOPS_DEPLOYED, SY_PRK, SY_RUS, "2024-10-18");
    b[0].details.count = 12000;
    c[0] = story_ev(CASUS_EV_TROOPS_DEPLOYED, SY_PRK, NULL, NULL);
    c[0].denied = 1;
    casus_article x = story_art("wire.txt", a, 2), y = story_art("paper.html", b, 1), z = story_art("kcna.txt", c, 1);
    const casus_article *arts[] = {&x, &y, &z};
    casus_arena *ar = casus_arena_new();
    casus_story *s = NULL;
    casus_error e = {0};
    assert_int_equal(casus_story_merge(ar, arts, 3, &s, &e), CASUS_OK);
    assert_int_equal(s->nfacts, 2);
    const casus_fact *t = &s->facts[0];
    assert_int_equal(t->type, CASUS_EV_TROOPS_DEPLOYED);
    assert_int_equal(t->nreports, 3);
    assert_int_equal(t->ntarget, 1);
    assert_string_equal(t->target[0], "RUS");
    assert_int_equal(t->target_inferred, 0);
    assert_int_equal(t->date.precision, 3);
    assert_int_equal(t->date.day, 18);
    const casus_disagreement *d = story_dis(t, "count");
    assert_non_null(d);
    assert_int_equal(d->nvalues, 2);
    assert_string_equal(d->values[0], "10000");
    assert_string_equal(d->articles[0][0], "wire.txt");
    assert_null(d->articles[0][1]);
    assert_string_equal(d->values[1], "12000");
    assert_string_equal(d->articles[1][0], "paper.html");
    d = story_dis(t, "status");
    assert_non_null(d);
    assert_string_equal(d->values[1], "denied");
    assert_string_equal(d->articles[1][0], "kcna.txt");
    assert_non_null(story_dis(t, "date")); /* "2024-10" and "2024-10-18" */
    assert_null(story_dis(t, "place"));
    assert_int_equal(s->facts[1].type, CASUS_EV_SUMMON_AMBASSADOR);
    assert_int_equal(s->facts[1].nreports, 1);
    assert_int_equal(s->facts[1].ndisagreements, 0);
    casus_arena_free(ar);
}

/* Targets: two targets that differ are two facts, even when one is only
 * inferred; a target a report names clears the mark of one inferred; a
 * fact whose reports only infer its target says so. */
static void story_targets(void **state)
{
    (void)state;
    casus_event a[3], b[3];
    a[0] = story_ev(CASUS_EV_CONDEMN, SY_USA, SY_RUS, "2024-06-19");
    a[1] = story_ev(CASUS_EV_WARN, SY_RUS, SY_KOR, "2024-06-20");
    a[1].target_inferred = 1;
    a[2] = story_ev(CASUS_EV_SANCTIONS, SY_USA, SY_RUS, "2024-06-21");
    a[2].target_inferred = 1;
    b[0] = story_ev(CASUS_EV_CONDEMN, SY_USA, SY_PRK, "2024-06-19");
    b[1] = story_ev(CASUS_EV_WARN, SY_RUS, SY_UKR, "2024-06-20");
    b[2] = story_ev(CASUS_EV_SANCTIONS, SY_USA, SY_RUS, "2024-06-21");
    casus_article x = story_art("a.txt", a, 3), y = story_art("b.txt", b, 3);
    const casus_article *arts[] = {&x, &y};
    casus_arena *ar = casus_arena_new();
    casus_story *s = NULL;
    casus_error e = {0};
    assert_int_equal(casus_story_merge(ar, arts, 2, &s, &e), CASUS_OK);
    assert_int_equal(s->nfacts, 5);
    assert_string_equal(s->facts[0].target[0], "RUS"); /* USA condemns RUS */
    assert_int_equal(s->facts[0].nreports, 1);
    assert_int_equal(s->facts[1].type, CASUS_EV_WARN); /* RUS warns KOR (inferred) */
    assert_int_equal(s->facts[1].nreports, 1);
    assert_string_equal(s->facts[1].target[0], "KOR");
    assert_int_equal(s->facts[1].target_inferred, 1);
    assert_int_equal(s->facts[2].type, CASUS_EV_SANCTIONS); /* inferred in a, named in b */
    assert_int_equal(s->facts[2].nreports, 2);
    assert_string_equal(s->facts[2].target[0], "RUS");
    assert_int_equal(s->facts[2].target_inferred, 0);
    assert_string_equal(s->facts[3].target[0], "PRK"); /* USA condemns PRK */
    assert_string_equal(s->facts[4].target[0], "UKR"); /* RUS warns UKR */
    assert_int_equal(s->facts[4].target_inferred, 0);
    casus_arena_free(ar);
}

/* Sources: a fact's source is inferred only when every report inferred it;
 * one report that names it clears the mark. */
static void story_sources(void **state)
{
    (void)state;
    casus_event a[2], b[2];
    a[0] = story_ev(CASUS_EV_SUMMON_AMBASSADOR, SY_KOR, SY_RUS, "2024-06-20");
    a[0].source_inferred = 1;
    a[1] = story_ev(CASUS_EV_CONDEMN, SY_UKR, SY_PRK, "2024-06-21");
    a[1].source_inferred = 1;
    b[0] = story_ev(CASUS_EV_SUMMON_AMBASSADOR, SY_KOR, SY_RUS, "2024-06-20");
    b[1] = story_ev(CASUS_EV_CONDEMN, SY_UKR, SY_PRK, "2024-06-21");
    b[1].source_inferred = 1;
    casus_article x = story_art("a.txt", a, 2), y = story_art("b.txt", b, 2);
    const casus_article *arts[] = {&x, &y};
    casus_arena *ar = casus_arena_new();
    casus_story *s = NULL;
    casus_error e = {0};
    assert_int_equal(casus_story_merge(ar, arts, 2, &s, &e), CASUS_OK);
    assert_int_equal(s->nfacts, 2);
    assert_int_equal(s->facts[0].type, CASUS_EV_SUMMON_AMBASSADOR); /* inferred in a, named in b */
    assert_int_equal(s->facts[0].nreports, 2);
    assert_int_equal(s->facts[0].source_inferred, 0);
    assert_int_equal(s->facts[1].type, CASUS_EV_CONDEMN); /* inferred in both */
    assert_int_equal(s->facts[1].nreports, 2);
    assert_int_equal(s->facts[1].source_inferred, 1);
    casus_arena_free(ar);
}

/* Dates that cannot be the same day keep reports apart; an undated report
 * joins the first fact it can be. */
static void story_dates(void **state)
{
    (void)state;
    casus_event a[2], b[1];
    a[0] = story_ev(CASUS_EV_MISSILE_TEST, SY_PRK, NULL, "2024-10-31");
    a[1] = story_ev(CASUS_EV_MISSILE_TEST, SY_PRK, NULL, "2024-11-05");
    b[0] = story_ev(CASUS_EV_MISSILE_TEST, SY_PRK, NULL, NULL);
    casus_article x = story_art("a.txt", a, 2), y = story_art("b.txt", b, 1);
    const casus_article *arts[] = {&x, &y};
    casus_arena *ar = casus_arena_new();
    casus_story *s = NULL;
    casus_error e = {0};
    assert_int_equal(casus_story_merge(ar, arts, 2, &s, &e), CASUS_OK);
    assert_int_equal(s->nfacts, 2);
    assert_int_equal(s->facts[0].nreports, 2);
    assert_int_equal(s->facts[0].date.day, 31);
    assert_int_equal(s->facts[1].nreports, 1);
    assert_int_equal(s->facts[1].date.day, 5);
    casus_arena_free(ar);
}

static const struct CMUnitTest story_tests[] = {
    cmocka_unit_test(story_counts_and_denial),
    cmocka_unit_test(story_targets),
    cmocka_unit_test(story_sources),
    cmocka_unit_test(story_dates),
};
