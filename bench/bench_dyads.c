/*
 * bench_dyads.c -- benchmarks for dyad-year output and the CSV reader
 * (make bench).
 *
 * One line per case: name, rows, best wall time of 5 runs, rows/s, MB/s,
 * and the process's peak RSS so far (getrusage). The cases run from small
 * to large, so a peak that stays put while the rows grow tenfold shows the
 * writer's memory is flat. A checksum of each case's output (FNV-1a over
 * 8-byte words, block by block) is printed from one extra, untimed run,
 * so a faster but wrong build shows.
 *
 * Usage: bench_dyads [STATES.csv [CSV_TO_READ [OUT_FILE]]]
 *   STATES.csv   COW state list (default ../shared/data/cow_states/states2016.csv)
 *   CSV_TO_READ  a big CSV for the reader case (default ATOP's atop5_1sy.csv)
 *   OUT_FILE     where the "file" cases write (default /tmp/casus_bench_dyads.csv;
 *                removed at the end)
 */
#include "casus.h"
#include "csv.h"
#include "dyads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A stand-in flag lookup with about one dyad-year in eight allied: costs a
 * call and a hash per row, like a real table. */
static uint8_t fake_flags(void *ud, int c1, int c2, int year)
{
    (void)ud;
    uint32_t h = (uint32_t)c1 * 73856093u ^ (uint32_t)c2 * 19349663u ^ (uint32_t)year * 83492791u;
    h ^= h >> 13;
    return h % 8 == 0 ? (uint8_t)(1 | (h >> 8 & 62)) : 0;
}

typedef struct counter {
    size_t bytes;
    uint64_t hash;
    FILE *f;            /* also write here if not NULL */
} counter;

static int count_sink(void *ud, const char *buf, size_t n)
{
    counter *c = ud;
    c->bytes += n;
    if (c->f)
        return fwrite(buf, 1, n, c->f) != n;
    return 0;
}

static int hash_sink(void *ud, const char *buf, size_t n)
{
    counter *c = ud;
    uint64_t h = c->hash;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {   /* 8 bytes a step: FNV-1a over words */
        uint64_t w;
        memcpy(&w, buf + i, 8);
        h = (h ^ w) * 1099511628211ull;
    }
    for (; i < n; i++)
        h = (h ^ (unsigned char)buf[i]) * 1099511628211ull;
    c->hash = h;
    c->bytes += n;
    return 0;
}

typedef struct bcase {
    const char *name;
    int last_year;
    bool directed;
    bool flags;
    casusi_dyad_fmt fmt;
    int threads;
    bool to_file;       /* write to OUT_FILE (else only count the bytes) */
} bcase;

static int run(const casusi_statesys *s, const bcase *bc, const char *out)
{
    casusi_dyad_opts o = {.last_year = bc->last_year, .directed = bc->directed,
                          .threads = bc->threads};
    if (bc->flags) {
        o.flags = fake_flags;
        o.flags_first = 1815;
        o.flags_last = 2018;
    }
    casus_error e;
    casusi_dyads *d;
    if (casusi_dyads_new(s, &o, &d, &e)) {
        fprintf(stderr, "bench: %s\n", e.msg);
        return 1;
    }
    double best = 1e9;
    size_t rows = 0, bytes = 0;
    for (int r = 0; r < 5; r++) {
        counter c = {0, 0, NULL};
        double t0 = now();
        if (bc->to_file && !(c.f = fopen(out, "wb"))) {
            fprintf(stderr, "bench: cannot write %s\n", out);
            casusi_dyads_free(d);
            return 1;
        }
        int rc = casusi_dyads_write(d, bc->fmt, count_sink, &c, &rows, &e);
        if (c.f && fclose(c.f) != 0)
            rc = CASUS_EIO;
        double t = now() - t0;
        if (rc) {
            fprintf(stderr, "bench: %s\n", e.msg);
            casusi_dyads_free(d);
            return 1;
        }
        bytes = c.bytes;
        if (t < best)
            best = t;
    }
    counter h = {0, 14695981039346656037ull, NULL};
    casusi_dyads_write(d, bc->fmt, hash_sink, &h, NULL, &e);
    casusi_dyads_free(d);
    printf("%-34s %9zu rows %7.1f MB %8.4f s %6.1f Mrows/s %6.0f MB/s  peak RSS %6.1f MB  fnv %016llx\n",
           bc->name, rows, (double)bytes / 1e6, best, (double)rows / best / 1e6,
           (double)bytes / best / 1e6, (double)peak_rss_kb() / 1024.0,
           (unsigned long long)h.hash);
    return 0;
}

/* Reads every field of a big CSV, as the ATOP loader would. */
static int bench_reader(const char *path)
{
    char *buf;
    size_t len;
    casus_error e;
    if (casusi_csv_read_file(path, &buf, &len, &e)) {
        printf("%-34s skipped: %s: %s\n", "csv read", path, e.msg);
        return 0;
    }
    double best = 1e9;
    size_t recs = 0, fields = 0;
    long sum = 0;
    for (int r = 0; r < 20; r++) {
        casusi_csv c;
        double t0 = now();
        casusi_csv_init(&c, path, buf, len, ',');
        int got = casusi_csv_header(&c, &e) ? -1 : 0;
        recs = fields = 0;
        sum = 0;
        while (got == 0 && (got = casusi_csv_next(&c, &e)) == 1) {
            recs++;
            fields += c.nf;
            for (size_t i = 0; i < c.nf; i++) {
                int v;
                bool empty;
                if (casusi_csv_int(&c, i, &v, &empty, NULL) == CASUS_OK)
                    sum += v;
            }
            got = 0;
        }
        casusi_csv_free(&c);
        double t = now() - t0;
        if (got < 0) {
            fprintf(stderr, "bench: %s:%d:%d: %s\n", e.file, e.line, e.column, e.msg);
            free(buf);
            return 1;
        }
        if (t < best)
            best = t;
    }
    printf("%-34s %9zu recs %7.1f MB %8.4f s %6.1f Mfields/s %5.0f MB/s (int sum %ld)\n",
           "csv read + parse ints", recs, (double)len / 1e6, best,
           (double)fields / best / 1e6, (double)len / best / 1e6, sum);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    const char *states = argc > 1 ? argv[1] : "../shared/data/cow_states/states2016.csv";
    const char *csv = argc > 2 ? argv[2] : "../shared/data/atop/atop5_1sy.csv";
    const char *out = argc > 3 ? argv[3] : "/tmp/casus_bench_dyads.csv";
    casus_error e;
    casusi_statesys *s;
    if (casusi_statesys_load(CASUSI_SYS_COW, states, &s, &e)) {
        fprintf(stderr, "bench: %s: %s (skipped)\n", states, e.msg);
        return 0;
    }
    static const bcase cases[] = {
        {"ddy 1816-2016 (mry off), 2 thr", 0, true, false, CASUSI_DYAD_CSV, 2, false},
        {"ddy 1816-2025 csv, 1 thread", 2025, true, true, CASUSI_DYAD_CSV, 1, false},
        {"ddy 1816-2025 csv, 2 threads", 2025, true, true, CASUSI_DYAD_CSV, 2, false},
        {"ddy 1816-2025 csv, 2 thr, file", 2025, true, true, CASUSI_DYAD_CSV, 2, true},
        {"ddy 1816-2025 no flags, 2 thr, file", 2025, true, false, CASUSI_DYAD_CSV, 2, true},
        {"dy 1816-2025 csv, 2 thr, file", 2025, false, true, CASUSI_DYAD_CSV, 2, true},
        {"ddy 1816-2025 jsonl, 2 threads", 2025, true, true, CASUSI_DYAD_JSONL, 2, false},
        {"ddy 1816-2525 csv, 2 threads", 2525, true, true, CASUSI_DYAD_CSV, 2, false},
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases && !rc; i++)
        rc |= run(s, &cases[i], out);
    casusi_statesys_free(s);
    remove(out);
    rc |= bench_reader(csv);
    return rc;
}
