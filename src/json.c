/*
 * json.c -- JSON renderings of query results (jansson). The CLI's --json and
 * the HTTP API use these same functions, so both print the same documents.
 */
#include "query_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *jdate(const casus_date *d)
{
    char b[11];
    return d->precision ? json_string(casus_date_format(d, b)) : json_null();
}

static json_t *jday(int32_t day)
{
    casus_date d = casus_date_from_days(day);
    return jdate(&d);
}

char *casusi_json_finish(casus_arena *a, struct json_t *root, int flags);
char *casusi_json_finish(casus_arena *a, struct json_t *root, int flags)
{
    size_t f = JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0;
    f |= (flags & CASUS_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    char *s = json_dumps(root, f);
    json_decref(root);
    if (!s)
        return NULL;
    char *r = casus_arena_strdup(a, s);
    free(s);
    return r;
}

static json_t *jsource(const casus_source *s)
{
    if (!s)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "key", jstr(s->key));
    json_object_set_new(o, "cite", jstr(s->cite));
    json_object_set_new(o, "url", jstr(s->url));
    return o;
}

static const char *status_name(casus_cond_status s)
{
    return s == CASUS_MET ? "met" : s == CASUS_NOT_MET ? "not met" : "unknown";
}

static const char *side_name(casus_side s)
{
    return s == CASUS_SIDE_TARGET ? "target" : s == CASUS_SIDE_ATTACKER ? "attacker" : NULL;
}

static json_t *jquery(const casus_attack *at)
{
    json_t *q = json_object();
    json_object_set_new(q, "attacker", jstr(at->attacker->iso3));
    json_object_set_new(q, "target", jstr(at->target->iso3));
    json_object_set_new(q, "date", jday(at->day));
    json_object_set_new(q, "where", at->place ? jstr(at->place->id)
                                    : at->where_state ? jstr(at->where_state->iso3)
                                                      : json_null());
    return q;
}

static json_t *jstates(const casus_state *const *s, size_t n);

static json_t *jbinding(const casus_binding *b)
{
    json_t *o = json_object();
    json_object_set_new(o, "state", jstr(b->state->iso3));
    json_object_set_new(o, "toward", jstr(b->toward->iso3));
    json_object_set_new(o, "treaty", jstr(b->treaty->id));
    json_object_set_new(o, "treaty_name", jstr(b->treaty->short_name));
    json_object_set_new(o, "article", jstr(b->ob->article));
    json_object_set_new(o, "type", jstr(casus_obtype_name(b->ob->type)));
    json_object_set_new(o, "side", jstr(side_name(b->side)));
    json_object_set_new(o, "duty", jstr(b->duty));
    if (b->why_pending) {
        json_object_set_new(o, "why", jstr(b->why_pending));
    } else {
        json_object_set_new(o, "status", jstr(b->overall == CASUS_MET ? "bound"
                                              : b->overall == CASUS_UNKNOWN ? "bound if conditions hold"
                                                                            : "not triggered"));
        json_t *cs = json_array();
        for (size_t i = 0; i < b->nconds; i++) {
            json_t *c = json_object();
            const casus_condition *cd = b->conds[i].cond;
            json_object_set_new(c, "condition", jstr(casus_condkind_name(cd->kind)));
            if (cd->kind == CASUS_COND_UNNAMED) {
                json_object_set_new(c, "atop_column", jstr(cd->area));
                if (cd->nstates)
                    json_object_set_new(c, "threat", jstates(cd->states, cd->nstates));
            } else if (cd->area)
                json_object_set_new(c, "area", jstr(cd->area));
            json_object_set_new(c, "status", jstr(status_name(b->conds[i].status)));
            json_object_set_new(c, "explain", jstr(b->conds[i].explain));
            json_array_append_new(cs, c);
        }
        json_object_set_new(o, "conditions", cs);
    }
    json_object_set_new(o, "text", jstr(b->ob->text));
    json_object_set_new(o, "binding_in_law", json_boolean(b->treaty->binding));
    json_object_set_new(o, "confidence", jstr(b->treaty->confidence));
    json_object_set_new(o, "rests_on_partial_date", json_boolean(b->rests_on_partial_date));
    json_object_set_new(o, "participation_frozen", json_boolean(b->frozen));
    json_object_set_new(o, "source", jsource(b->ob->source));
    return o;
}

static json_t *jbindings(const casus_binding *b, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, jbinding(&b[i]));
    return a;
}

char *casus_json_obligations(casus_arena *a, const casus_attack *at,
                             const casus_obligations *r, int flags)
{
    json_t *o = json_object();
    json_object_set_new(o, "query", jquery(at));
    json_object_set_new(o, "obligations", jbindings(r->bound, r->nbound));
    json_object_set_new(o, "pending", jbindings(r->pending, r->npending));
    json_object_set_new(o, "not_triggered", jbindings(r->not_triggered, r->nnot_triggered));
    json_t *v = json_array();
    for (size_t i = 0; i < r->nviolations; i++)
        json_array_append_new(v, jstr(r->violations[i]));
    json_object_set_new(o, "violations", v);
    return casusi_json_finish(a, o, flags);
}

char *casus_json_cascade(casus_arena *a, const casus_attack *at,
                         const casus_cascade *c, int flags)
{
    json_t *o = json_object();
    json_object_set_new(o, "query", jquery(at));
    json_t *sides = json_object(), *sa = json_array(), *st = json_array();
    for (size_t i = 0; i < c->nattacker_side; i++)
        json_array_append_new(sa, jstr(c->attacker_side[i]->iso3));
    for (size_t i = 0; i < c->ntarget_side; i++)
        json_array_append_new(st, jstr(c->target_side[i]->iso3));
    json_object_set_new(sides, "attacker", sa);
    json_object_set_new(sides, "target", st);
    json_object_set_new(o, "sides", sides);
    json_t *rounds = json_array();
    for (size_t r = 1; r <= c->nrounds; r++) {
        json_t *ro = json_object(), *js = json_array();
        json_object_set_new(ro, "round", json_integer((json_int_t)r));
        for (size_t i = 0; i < c->njoiners; i++) {
            const casus_joiner *j = &c->joiners[i];
            if ((size_t)j->round != r)
                continue;
            json_t *x = json_object();
            json_object_set_new(x, "state", jstr(j->state->iso3));
            json_object_set_new(x, "side", jstr(side_name(j->side)));
            json_object_set_new(x, "toward", jstr(j->reason->toward->iso3));
            json_object_set_new(x, "treaty", jstr(j->reason->treaty->id));
            json_object_set_new(x, "article", jstr(j->reason->ob->article));
            json_object_set_new(x, "type", jstr(casus_obtype_name(j->reason->ob->type)));
            json_object_set_new(x, "certain", json_boolean(j->reason->overall == CASUS_MET));
            json_object_set_new(x, "reason", json_string_nocheck(j->reason->duty));
            json_array_append_new(js, x);
        }
        json_object_set_new(ro, "joined", js);
        json_array_append_new(rounds, ro);
    }
    json_object_set_new(o, "rounds", rounds);
    json_t *cf = json_array();
    for (size_t i = 0; i < c->nconflicted; i++) {
        const casus_binding *b = &c->conflicted[i];
        json_t *x = json_object();
        json_object_set_new(x, "state", jstr(b->state->iso3));
        json_object_set_new(x, "bound_to_side", jstr(side_name(b->side)));
        json_object_set_new(x, "toward", jstr(b->toward->iso3));
        json_object_set_new(x, "treaty", jstr(b->treaty->id));
        json_object_set_new(x, "article", jstr(b->ob->article));
        json_array_append_new(cf, x);
    }
    json_object_set_new(o, "conflicted", cf);
    return casusi_json_finish(a, o, flags);
}

static json_t *jsteps(const casus_step *s, size_t n, const char *whatkey)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_object();
        json_object_set_new(x, "date", jdate(&s[i].date));
        json_object_set_new(x, whatkey, jstr(s[i].what));
        if (s[i].body)
            json_object_set_new(x, "body", jstr(s[i].body));
        if (s[i].place)
            json_object_set_new(x, "place", jstr(s[i].place));
        if (s[i].note)
            json_object_set_new(x, "note", jstr(s[i].note));
        if (s[i].reported)
            json_object_set_new(x, "reported", json_true());
        json_object_set_new(x, "source", s[i].source ? jstr(s[i].source->key) : json_null());
        json_array_append_new(a, x);
    }
    return a;
}

static json_t *jstates(const casus_state *const *s, size_t n)
{
    if (!n)
        return json_string("all");
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, jstr(s[i]->iso3));
    return a;
}

char *casus_json_treaty(casus_arena *a, const casus_kb *kb, const casus_treaty *t,
                        int32_t day, int flags)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", jstr(t->id));
    json_object_set_new(o, "name", jstr(t->name));
    json_object_set_new(o, "short", jstr(t->short_name));
    json_object_set_new(o, "kind", jstr(t->kind));
    json_object_set_new(o, "binding", json_boolean(t->binding));
    json_object_set_new(o, "confidence", jstr(t->confidence));
    json_object_set_new(o, "place", jstr(t->place));
    json_object_set_new(o, "signed", jdate(&t->signed_on));
    json_object_set_new(o, "in_force", jdate(&t->in_force));
    json_object_set_new(o, "ended", jdate(&t->ended));
    json_object_set_new(o, "end", jstr(t->end));
    json_object_set_new(o, "duration", jstr(t->duration));
    json_object_set_new(o, "date", jday(day));
    json_object_set_new(o, "status", jstr(casus_treaty_status(t, day)));
    int32_t ends[64];
    size_t nends = casus_treaty_term_ends(t, day, ends, 64);
    if (t->term_initial) {
        json_t *r = json_array();
        for (size_t k = 0; k < nends && k < 64; k++)
            json_array_append_new(r, jday(ends[k]));
        json_object_set_new(o, "term_ends", r);
    }
    json_t *ms = json_array();
    for (size_t i = 0; i < t->nmembers; i++) {
        const casus_member *m = &t->members[i];
        int partial = 0;
        casus_mstatus st = casus_member_status(t, m, day, &partial);
        json_t *x = json_object();
        const casus_state *s = casus_kb_state_on(kb, m->state, day);
        json_object_set_new(x, "state", jstr(m->state->iso3));
        if (s != m->state)
            json_object_set_new(x, "as_on_date", jstr(s->iso3));
        json_object_set_new(x, "name", jstr(m->state->name));
        json_object_set_new(x, "status", jstr(casus_mstatus_name(st)));
        json_object_set_new(x, "signed", jdate(&m->signed_on));
        json_t *sp = json_array();
        for (size_t k = 0; k < m->nspells; k++) {
            json_t *y = json_object();
            json_object_set_new(y, "from", jdate(&m->spells[k].from));
            json_object_set_new(y, "until", jdate(&m->spells[k].until));
            json_object_set_new(y, "end", jstr(m->spells[k].end));
            json_array_append_new(sp, y);
        }
        json_object_set_new(x, "bound", sp);
        if (m->frozen.precision)
            json_object_set_new(x, "participation_frozen_since", jdate(&m->frozen));
        if (m->note)
            json_object_set_new(x, "note", jstr(m->note));
        json_object_set_new(x, "steps", jsteps(m->steps, m->nsteps, "step"));
        json_array_append_new(ms, x);
    }
    json_object_set_new(o, "members", ms);
    json_object_set_new(o, "history", jsteps(t->history, t->nhistory, "event"));
    json_t *obs = json_array();
    for (size_t i = 0; i < t->nobligations; i++) {
        const casus_obligation *ob = &t->obligations[i];
        json_t *x = json_object();
        json_object_set_new(x, "article", jstr(ob->article));
        json_object_set_new(x, "type", jstr(casus_obtype_name(ob->type)));
        json_object_set_new(x, "trigger", jstr(casus_trigger_name(ob->trigger)));
        json_object_set_new(x, "by", jstates(ob->by, ob->nby));
        json_object_set_new(x, "to", jstates(ob->to, ob->nto));
        json_t *cs = json_array();
        for (size_t k = 0; k < ob->nconds; k++) {
            const casus_condition *c = &ob->conds[k];
            if (c->kind == CASUS_COND_UNNAMED) {
                json_t *m = json_object();
                json_object_set_new(m, casus_condkind_name(c->kind), jstr(c->area));
                if (c->nstates)
                    json_object_set_new(m, "threat", jstates(c->states, c->nstates));
                json_array_append_new(cs, m);
            } else if (c->area) {
                json_t *m = json_object();
                json_object_set_new(m, casus_condkind_name(c->kind), jstr(c->area));
                json_array_append_new(cs, m);
            } else if (c->nstates) {
                json_t *m = json_object();
                json_object_set_new(m, casus_condkind_name(c->kind), jstates(c->states, c->nstates));
                json_array_append_new(cs, m);
            } else
                json_array_append_new(cs, jstr(casus_condkind_name(c->kind)));
        }
        json_object_set_new(x, "conditions", cs);
        json_object_set_new(x, "text", jstr(ob->text));
        json_object_set_new(x, "in_force_on_date", json_boolean(casusi_ob_valid(ob, day)));
        json_object_set_new(x, "source", ob->source ? jstr(ob->source->key) : json_null());
        json_array_append_new(obs, x);
    }
    json_object_set_new(o, "obligations", obs);
    json_t *sup = json_array();
    for (size_t i = 0; i < t->nsupersedes; i++) {
        json_t *x = json_object();
        json_object_set_new(x, "treaty", jstr(t->supersedes[i].treaty_id));
        json_object_set_new(x, "date", jdate(&t->supersedes[i].date));
        json_array_append_new(sup, x);
    }
    json_object_set_new(o, "supersedes", sup);
    json_object_set_new(o, "superseded_by", t->superseded_by ? jstr(t->superseded_by->id) : json_null());
    json_t *ns = json_array();
    for (size_t i = 0; i < t->nnotes; i++)
        json_array_append_new(ns, jstr(t->notes[i]));
    json_object_set_new(o, "notes", ns);
    json_t *src = json_array();
    for (size_t i = 0; i < t->nsources; i++)
        json_array_append_new(src, jsource(&t->sources[i]));
    json_object_set_new(o, "sources", src);
    return casusi_json_finish(a, o, flags);
}

char *casus_json_allies(casus_arena *a, const casus_allies *r, int32_t day, int flags)
{
    json_t *o = json_object();
    json_object_set_new(o, "state", jstr(r->state->iso3));
    json_object_set_new(o, "date", jday(day));
    json_t *items = json_array();
    for (size_t i = 0; i < r->nitems; i++) {
        const casus_commitment *c = &r->items[i];
        json_t *x = json_object();
        json_object_set_new(x, "treaty", jstr(c->treaty->id));
        json_object_set_new(x, "treaty_name", jstr(c->treaty->short_name));
        json_object_set_new(x, "article", jstr(c->ob->article));
        json_object_set_new(x, "type", jstr(casus_obtype_name(c->ob->type)));
        json_object_set_new(x, "direction", jstr(c->owes ? "owes" : "owed"));
        json_t *cp = json_array();
        for (size_t k = 0; k < c->ncounterparts; k++)
            json_array_append_new(cp, jstr(c->counterparts[k]->iso3));
        json_object_set_new(x, "counterparts", cp);
        json_object_set_new(x, "pending", json_boolean(c->pending));
        json_object_set_new(x, "binding_in_law", json_boolean(c->treaty->binding));
        json_object_set_new(x, "rests_on_partial_date", json_boolean(c->partial));
        json_object_set_new(x, "text", jstr(c->ob->text));
        json_array_append_new(items, x);
    }
    json_object_set_new(o, "commitments", items);
    return casusi_json_finish(a, o, flags);
}
