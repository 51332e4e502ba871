/*
 * json_news.c -- JSON renderings of articles, stories, kb checks and stored
 * events (jansson). The CLI and the HTTP API print these same documents.
 */
#include "news_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *jdate(const casus_date *d)
{
    char b[11];
    return d->precision ? json_string(casus_date_format(d, b)) : json_null();
}

static json_t *jcodes(const char *const *c, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(c[i]));
    return a;
}

/* json.c: dumps root into the arena (pretty or compact) and frees it. */
char *casusi_json_finish(casus_arena *a, struct json_t *root, int flags);

static json_t *jspan(const casus_span *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "start", json_integer((json_int_t)s->start));
    json_object_set_new(o, "end", json_integer((json_int_t)s->end));
    return o;
}

static json_t *jdetails(const casus_event_details *d)
{
    json_t *o = json_object();
    if (d->body)
        json_object_set_new(o, "body", json_string(d->body));
    if (d->count >= 0) {
        json_object_set_new(o, "count", json_integer(d->count));
        json_object_set_new(o, "count_text", jstr(d->count_text));
    }
    if (d->place)
        json_object_set_new(o, "place", json_string(d->place));
    if (d->place_id)
        json_object_set_new(o, "place_id", json_string(d->place_id));
    if (d->item)
        json_object_set_new(o, "item", json_string(d->item));
    if (d->quantity >= 0) {
        json_object_set_new(o, "quantity", json_integer(d->quantity));
        json_object_set_new(o, "quantity_text", jstr(d->quantity_text));
    }
    if ((d->count >= 0 || d->quantity >= 0) && d->approx)
        json_object_set_new(o, "approx", json_true());
    if (d->denies)
        json_object_set_new(o, "denies", json_string(d->denies));
    return o;
}

static json_t *jevent(const casus_event *e)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(casus_evtype_name(e->type)));
    json_object_set_new(o, "source", jcodes(e->source, e->nsource));
    json_object_set_new(o, "target", jcodes(e->target, e->ntarget));
    json_object_set_new(o, "date", jdate(&e->date));
    json_object_set_new(o, "status", json_string(e->denied ? "denied" : "reported"));
    json_object_set_new(o, "hedged", json_boolean(e->hedged));
    json_object_set_new(o, "modality", json_string(casus_modality_name(e->modality)));
    json_object_set_new(o, "details", jdetails(&e->details));
    json_object_set_new(o, "treaty", jstr(e->details.treaty));
    json_t *s = json_object();
    json_object_set_new(s, "text", jstr(e->sentence));
    json_object_set_new(s, "start", json_integer((json_int_t)e->span.start));
    json_object_set_new(s, "end", json_integer((json_int_t)e->span.end));
    json_object_set_new(o, "sentence", s);
    if (e->nrestated) {
        json_t *r = json_array();
        for (size_t i = 0; i < e->nrestated; i++)
            json_array_append_new(r, jspan(&e->restated[i]));
        json_object_set_new(o, "restated", r);
    }
    if (e->fuzzy)
        json_object_set_new(o, "fuzzy", json_true());
    if (e->target_inferred)
        json_object_set_new(o, "target_inferred", json_true());
    if (e->source_inferred)
        json_object_set_new(o, "source_inferred", json_true());
    return o;
}

static json_t *jchecks(const casus_article *art, const casus_kbcheck *c, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        size_t idx = (size_t)(c[i].event - art->events);
        json_object_set_new(o, "event", json_integer((json_int_t)idx));
        json_object_set_new(o, "type", json_string(casus_evtype_name(c[i].event->type)));
        json_object_set_new(o, "treaty", json_string(c[i].treaty->id));
        json_object_set_new(o, "state", jstr(c[i].state ? c[i].state->iso3 : NULL));
        json_object_set_new(o, "verdict", json_string(casus_verdict_name(c[i].verdict)));
        json_object_set_new(o, "explain", jstr(c[i].explain));
        if (c[i].add) {
            json_object_set_new(o, "file", json_string(c[i].treaty->file));
            json_object_set_new(o, "add", json_string(c[i].add));
        }
        if (c[i].step)
            json_object_set_new(o, "line", json_integer(c[i].step->line));
        json_array_append_new(a, o);
    }
    return a;
}

char *casus_json_article(casus_arena *a, const casus_article *art,
                         const casus_kbcheck *checks, size_t nchecks, int flags)
{
    json_t *o = json_object();
    json_object_set_new(o, "article", json_string(art->name));
    json_object_set_new(o, "title", jstr(art->title));
    json_object_set_new(o, "date", jdate(&art->date));
    json_object_set_new(o, "date_from", jstr(art->date_from));
    json_object_set_new(o, "format", json_string(art->html ? "html" : "text"));
    json_object_set_new(o, "sha256", json_string(art->sha256));
    json_object_set_new(o, "actors", jcodes(art->actors, art->nactors));
    json_t *ev = json_array();
    for (size_t i = 0; i < art->nevents; i++)
        json_array_append_new(ev, jevent(&art->events[i]));
    json_object_set_new(o, "events", ev);
    json_t *tr = json_array();
    for (size_t i = 0; i < art->ntreaties; i++) {
        const casus_treaty_mention *t = &art->treaties[i];
        json_t *x = json_object();
        json_object_set_new(x, "parties", jcodes(t->parties, t->nparties));
        json_object_set_new(x, "kind", jstr(t->kind));
        json_object_set_new(x, "year_signed", t->year_signed ? json_integer(t->year_signed) : json_null());
        json_object_set_new(x, "kb", jstr(t->kb ? t->kb->id : NULL));
        json_object_set_new(x, "mentions", json_integer((json_int_t)t->nmentions));
        json_object_set_new(x, "first", jspan(&t->first));
        json_array_append_new(tr, x);
    }
    json_object_set_new(o, "treaties", tr);
    if (checks)
        json_object_set_new(o, "kb", jchecks(art, checks, nchecks));
    return casusi_json_finish(a, o, flags);
}

char *casus_json_kbdiff(casus_arena *a, const casus_article *art,
                        const casus_kbcheck *checks, size_t n, int flags)
{
    json_t *o = json_object();
    json_object_set_new(o, "article", json_string(art->name));
    json_object_set_new(o, "kb", jchecks(art, checks, n));
    return casusi_json_finish(a, o, flags);
}

char *casus_json_story(casus_arena *a, const casus_story *s, int flags)
{
    json_t *o = json_object();
    json_t *facts = json_array();
    for (size_t i = 0; i < s->nfacts; i++) {
        const casus_fact *f = &s->facts[i];
        json_t *x = json_object();
        json_object_set_new(x, "type", json_string(casus_evtype_name(f->type)));
        json_object_set_new(x, "source", jcodes(f->source, f->nsource));
        if (f->source_inferred)
            json_object_set_new(x, "source_inferred", json_true());
        json_object_set_new(x, "target", jcodes(f->target, f->ntarget));
        if (f->target_inferred)
            json_object_set_new(x, "target_inferred", json_true());
        json_object_set_new(x, "date", jdate(&f->date));
        json_t *rs = json_array();
        for (size_t k = 0; k < f->nreports; k++) {
            const casus_report *r = &f->reports[k];
            json_t *y = json_object();
            json_object_set_new(y, "article", json_string(r->article->name));
            json_object_set_new(y, "status", json_string(r->event->denied ? "denied" : "reported"));
            json_object_set_new(y, "hedged", json_boolean(r->event->hedged));
            json_object_set_new(y, "sentence", jstr(r->event->sentence));
            json_object_set_new(y, "start", json_integer((json_int_t)r->event->span.start));
            json_object_set_new(y, "end", json_integer((json_int_t)r->event->span.end));
            json_array_append_new(rs, y);
        }
        json_object_set_new(x, "reports", rs);
        json_t *ds = json_array();
        for (size_t k = 0; k < f->ndisagreements; k++) {
            const casus_disagreement *d = &f->disagreements[k];
            json_t *y = json_object();
            json_object_set_new(y, "field", json_string(d->field));
            json_t *vs = json_array();
            for (size_t v = 0; v < d->nvalues; v++) {
                json_t *z = json_object();
                json_object_set_new(z, "value", json_string(d->values[v]));
                json_t *arts = json_array();
                for (const char *const *p = d->articles[v]; p && *p; p++)
                    json_array_append_new(arts, json_string(*p));
                json_object_set_new(z, "articles", arts);
                json_array_append_new(vs, z);
            }
            json_object_set_new(y, "values", vs);
            json_array_append_new(ds, y);
        }
        json_object_set_new(x, "disagreements", ds);
        json_array_append_new(facts, x);
    }
    json_object_set_new(o, "story", facts);
    return casusi_json_finish(a, o, flags);
}

char *casus_json_stored_events(casus_arena *a, const casus_stored_event *ev,
                               size_t n, int flags)
{
    json_t *o = json_object();
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *x = jevent(&ev[i].event);
        json_object_set_new(x, "id", json_integer(ev[i].id));
        json_object_set_new(x, "article", jstr(ev[i].article));
        json_object_set_new(x, "sha256", jstr(ev[i].sha256));
        json_object_set_new(x, "article_date", jdate(&ev[i].article_date));
        json_array_append_new(arr, x);
    }
    json_object_set_new(o, "events", arr);
    return casusi_json_finish(a, o, flags);
}
