/*
 * evtypes.c -- the names of the news reader's enumerations: event types,
 * modalities and kb-diff verdicts. The names are stable: the event store
 * keeps them as text and the JSON output prints them.
 */
#include "casus_int.h"

#include <stdio.h>
#include <string.h>

static const char *const evtype_names[CASUS_EV__COUNT] = {
    "treaty_signed", "treaty_ratified", "treaty_in_force", "treaty_withdrawn",
    "alliance_joined", "mutual_defense_pledge", "troops_deployed",
    "arms_transferred", "military_exercise", "intelligence_sharing",
    "missile_test", "condemn", "warn", "summon_ambassador", "deny_accusation",
    "aid_pledged", "sanctions",
};

const char *casus_evtype_name(casus_evtype t)
{
    return (unsigned)t < CASUS_EV__COUNT ? evtype_names[t] : "?";
}

int casus_evtype_parse(const char *name, casus_evtype *out, casus_error *err)
{
    for (int i = 0; name && i < CASUS_EV__COUNT; i++) {
        if (strcmp(name, evtype_names[i]) == 0) {
            *out = (casus_evtype)i;
            return CASUS_OK;
        }
    }
    char list[400];
    size_t used = 0;
    list[0] = '\0';
    for (int i = 0; i < CASUS_EV__COUNT; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                         evtype_names[i]);
        if (w < 0 || (size_t)w >= sizeof list - used)
            break;
        used += (size_t)w;
    }
    casusi_seterr(err, CASUS_EINVAL,
                  "unknown event type '%.80s' (expected one of: %s)",
                  name ? name : "", list);
    return CASUS_EINVAL;
}

const char *casus_modality_name(casus_modality m)
{
    switch (m) {
    case CASUS_MOD_ACTUAL: return "actual";
    case CASUS_MOD_PLANNED: return "planned";
    case CASUS_MOD_POSSIBLE: return "possible";
    }
    return "?";
}

const char *casus_verdict_name(casus_verdict v)
{
    switch (v) {
    case CASUS_KB_CONFIRMS: return "confirms";
    case CASUS_KB_NEW: return "new";
    case CASUS_KB_CONFLICTS: return "conflicts";
    }
    return "?";
}
