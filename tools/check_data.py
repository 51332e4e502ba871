#!/usr/bin/env python3
"""Cross-file checks for the casus knowledge base (data/states.yaml, areas.yaml, places.yaml).

A stop-gap until `casus check` covers these: it checks what the format in docs/data-format.md
promises across files (unique codes and ids, references between files, source keys, date
syntax, alias uniqueness). Each problem is one line `FILE:LINE: message`; warnings are
prefixed `warning:` and do not fail the run. Exit status 2 if there is any error, else 0.

usage: tools/check_data.py [DATA_DIR]      (default: the data/ folder next to tools/)
needs: Python 3 and PyYAML
"""
import datetime
import os
import re
import sys

import yaml

BASE_AREAS = {"europe", "asia", "middle-east", "africa", "north-america", "central-america",
              "caribbean", "south-america", "oceania", "arctic", "antarctica", "pacific",
              "north-atlantic", "south-atlantic", "mediterranean", "indian-ocean"}
STATE_KEYS = {"iso3", "cow", "cowabb", "name", "official", "from", "until", "continues", "areas",
              "partly", "capital", "demonyms", "aliases", "source", "note"}
AREA_KEYS = {"id", "name", "includes", "states", "source"}
PLACE_KEYS = {"id", "name", "aliases", "sovereign", "admin", "admin_from", "areas", "kind", "note",
              "source"}
SOURCE_KEYS = {"key", "cite", "url", "date"}
KINDS = {"land", "sea", "air"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Loader(yaml.SafeLoader):
    """SafeLoader that keeps every scalar as text (as casus does) and records mapping lines."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    m = {}
    for k, v in node.value:
        m[loader.construct_object(k, deep=True)] = loader.construct_object(v, deep=True)
    m["__line__"] = node.start_mark.line + 1
    return m


def _construct_scalar(loader, node):
    return loader.construct_scalar(node)


Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
for _tag in ("bool", "int", "float", "null", "timestamp"):
    Loader.add_constructor("tag:yaml.org,2002:" + _tag, _construct_scalar)


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, path, line, msg):
        self.errors += 1
        print(f"{path}:{line}: {msg}")

    def warn(self, path, line, msg):
        self.warnings += 1
        print(f"{path}:{line}: warning: {msg}")


def load(path, rep):
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=Loader)
    except FileNotFoundError:
        rep.error(path, 0, "file not found")
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        rep.error(path, mark.line + 1 if mark else 0, f"YAML error: {e}")
    return None


def valid_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return False
    parts = [int(p) for p in s.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def as_list(x):
    return x if isinstance(x, list) else []


def check_sources(path, doc, rep):
    keys = set()
    for s in as_list(doc.get("sources")):
        line = s.get("__line__", 0)
        k = s.get("key")
        if not k:
            rep.error(path, line, "source without key")
        elif k in keys:
            rep.error(path, line, f"duplicate source key {k}")
        keys.add(k)
        if not s.get("cite"):
            rep.error(path, line, f"source {k} has no cite")
        if s.get("date") and not valid_date(s["date"]):
            rep.error(path, line, f"source {k}: bad date {s['date']!r}")
        for extra in set(s) - SOURCE_KEYS - {"__line__"}:
            rep.warn(path, line, f"source {k}: unknown field {extra}")
    return keys


def check_unknown(path, rec, allowed, what, rep):
    for extra in sorted(set(rec) - allowed - {"__line__"}):
        rep.warn(path, rec["__line__"], f"{what}: field {extra} is not in docs/data-format.md")


def main(argv):
    data = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
    data = os.path.normpath(data)
    rep = Report()
    sp, ap, pp = (os.path.join(data, n) for n in ("states.yaml", "areas.yaml", "places.yaml"))
    sdoc, adoc, pdoc = load(sp, rep), load(ap, rep), load(pp, rep)
    if rep.errors:
        return 2

    # areas first: states and places refer to them
    akeys = check_sources(ap, adoc, rep)
    areas = {}
    for a in as_list(adoc.get("areas")):
        line, aid = a["__line__"], a.get("id")
        check_unknown(ap, a, AREA_KEYS, f"area {aid}", rep)
        if not aid:
            rep.error(ap, line, "area without id")
            continue
        if aid in areas:
            rep.error(ap, line, f"duplicate area id {aid}")
        areas[aid] = a
        if not a.get("name"):
            rep.error(ap, line, f"area {aid} has no name")
        if a.get("source") and a["source"] not in akeys:
            rep.error(ap, line, f"area {aid}: source {a['source']} is not in sources")
        if (a.get("includes") or a.get("states")) and not a.get("source"):
            rep.warn(ap, line, f"treaty area {aid} has no source")
    for b in sorted(BASE_AREAS - set(areas)):
        rep.error(ap, 0, f"base area {b} is not defined")

    skeys = check_sources(sp, sdoc, rep)
    states = {}
    for s in as_list(sdoc.get("states")):
        line, iso = s["__line__"], s.get("iso3")
        check_unknown(sp, s, STATE_KEYS, f"state {iso}", rep)
        if not isinstance(iso, str) or not re.fullmatch(r"[A-Z]{3}", iso):
            rep.error(sp, line, f"iso3 must be 3 upper-case letters, found {iso!r}")
            continue
        if iso in states:
            rep.error(sp, line, f"duplicate iso3 {iso}")
        states[iso] = s
        if not s.get("name"):
            rep.error(sp, line, f"{iso}: no name")
        if s.get("cow") is not None and not re.fullmatch(r"\d+", str(s["cow"])):
            rep.error(sp, line, f"{iso}: cow must be a number")
        if (s.get("cow") is None) != (s.get("cowabb") is None):
            rep.warn(sp, line, f"{iso}: cow and cowabb should come together")
        for f in ("from", "until"):
            if s.get(f) is not None and not valid_date(s[f]):
                rep.error(sp, line, f"{iso}: bad {f} date {s[f]!r}")
        if s.get("from") and s.get("until") and s["from"] > s["until"]:
            rep.error(sp, line, f"{iso}: from {s['from']} is after until {s['until']}")
        for f in ("areas", "partly"):
            for a in as_list(s.get(f)):
                if a not in areas:
                    rep.error(sp, line, f"{iso}: unknown area {a} in {f}")
        both = set(as_list(s.get("areas"))) & set(as_list(s.get("partly")))
        if both:
            rep.error(sp, line, f"{iso}: {sorted(both)} both in areas and partly")
        if s.get("source") and s["source"] not in skeys:
            rep.error(sp, line, f"{iso}: source {s['source']} is not in sources")
    for iso, s in states.items():
        c = s.get("continues")
        if c is None:
            continue
        if c not in states:
            rep.error(sp, s["__line__"], f"{iso}: continues unknown state {c}")
            continue
        p = states[c]
        if p.get("until") and s.get("from") and s["from"] <= p["until"]:
            rep.error(sp, s["__line__"], f"{iso}: starts {s['from']} before {c} ends {p['until']}")
        if p.get("cow") != s.get("cow"):
            rep.warn(sp, s["__line__"], f"{iso}: COW code differs from the state it continues ({c})")

    # names and aliases: unique among current states; historical states may share with others
    owner = {}
    for iso, s in states.items():
        names = [s.get("name")] + as_list(s.get("aliases"))
        if len(set(names)) != len(names):
            rep.warn(sp, s["__line__"], f"{iso}: an alias repeats the name or another alias")
        for n in set(names):
            owner.setdefault(n, []).append(iso)
    for n, isos in sorted(owner.items()):
        current = [i for i in isos if not states[i].get("until")]
        if len(current) > 1:
            rep.error(sp, states[current[1]]["__line__"], f"name/alias {n!r} used by {', '.join(current)}")
    dem = {}
    for iso, s in states.items():
        if not s.get("until"):
            for d in as_list(s.get("demonyms")):
                dem.setdefault(d, []).append(iso)
    for d, isos in sorted(dem.items()):
        if len(isos) > 1:
            rep.warn(sp, states[isos[1]]["__line__"], f"demonym {d!r} shared by {', '.join(isos)}")

    # area graph: references and cycles
    for aid, a in areas.items():
        for inc in as_list(a.get("includes")):
            if inc not in areas:
                rep.error(ap, a["__line__"], f"area {aid} includes unknown area {inc}")
        for st in as_list(a.get("states")):
            if st not in states:
                rep.error(ap, a["__line__"], f"area {aid} names unknown state {st}")

    def cyclic(aid, seen):
        if aid in seen:
            return True
        return any(cyclic(i, seen | {aid}) for i in as_list(areas.get(aid, {}).get("includes")))
    for aid in areas:
        if cyclic(aid, set()):
            rep.error(ap, areas[aid]["__line__"], f"area {aid} includes itself (cycle)")

    pkeys = check_sources(pp, pdoc, rep)
    places = {}
    for p in as_list(pdoc.get("places")):
        line, pid = p["__line__"], p.get("id")
        check_unknown(pp, p, PLACE_KEYS, f"place {pid}", rep)
        if not pid or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid):
            rep.error(pp, line, f"place id must be lower-case words joined by '-', found {pid!r}")
            continue
        if pid in places:
            rep.error(pp, line, f"duplicate place id {pid}")
        places[pid] = p
        if pid.upper() in states:
            rep.error(pp, line, f"place id {pid} collides with state code")
        if not p.get("name"):
            rep.error(pp, line, f"{pid}: no name")
        for f in ("sovereign", "admin"):
            if p.get(f) is not None and p[f] not in states:
                rep.error(pp, line, f"{pid}: {f} {p[f]} is not a state")
        if p.get("admin_from") is not None and not valid_date(p["admin_from"]):
            rep.error(pp, line, f"{pid}: bad admin_from date {p['admin_from']!r}")
        kind = p.get("kind", "land")
        if kind not in KINDS:
            rep.error(pp, line, f"{pid}: kind must be land, sea or air, found {kind!r}")
        if kind == "land" and not p.get("sovereign"):
            rep.warn(pp, line, f"{pid}: land place without sovereign")
        for a in as_list(p.get("areas")):
            if a not in areas:
                rep.error(pp, line, f"{pid}: unknown area {a}")
        if not p.get("source"):
            rep.warn(pp, line, f"{pid}: no source")
        elif p["source"] not in pkeys:
            rep.error(pp, line, f"{pid}: source {p['source']} is not in sources")
    pown = {}
    for pid, p in places.items():
        for n in set([p.get("name")] + as_list(p.get("aliases"))):
            pown.setdefault(n, []).append(pid)
    for n, pids in sorted(pown.items()):
        if len(pids) > 1:
            rep.error(pp, places[pids[1]]["__line__"], f"place name/alias {n!r} used by {', '.join(pids)}")
        if n in owner:
            rep.error(pp, places[pids[0]]["__line__"], f"place name/alias {n!r} is also a name/alias of state {', '.join(owner[n])}")
    capitals = {s.get("capital"): iso for iso, s in states.items() if s.get("capital")}
    for n, pids in sorted(pown.items()):
        if n in capitals and places[pids[0]].get("sovereign") != capitals[n]:
            rep.warn(pp, places[pids[0]]["__line__"], f"place {pids[0]} name {n!r} is the capital of {capitals[n]}")

    cur = sum(1 for s in states.values() if not s.get("until"))
    print(f"{len(states)} states ({cur} current), {len(areas)} areas, {len(places)} places: "
          f"{rep.errors} errors, {rep.warnings} warnings", file=sys.stderr)
    return 2 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
