/*
 * bench_news.c -- the news reader's speed: lexicon compile time, then plain
 * text read (MB/s of input and events/s) on one core, over the articles in
 * tests/news (and ../shared/seeds when present) read again and again until
 * at least 20 MB have gone through, three times (the best and the median
 * are reported). Usage: bench_news DATA_DIR [ARTICLE...]
 */
#include "casus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long l = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)l + 1);
    if (b && fread(b, 1, (size_t)l, f) != (size_t)l) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b)
        *n = (size_t)l;
    return b;
}

int main(int argc, char **argv)
{
    const char *data = argc > 1 ? argv[1] : "data";
    casus_kb *kb;
    casus_error e;
    if (casus_kb_open(data, &kb, &e)) {
        fprintf(stderr, "bench_news: %s\n", e.msg);
        return 1;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/lexicon", data);
    casus_lexicon *lx = NULL;
    double best = 1e9;
    for (int i = 0; i < 5; i++) {
        casus_lexicon_close(lx);
        double t0 = now();
        if (casus_lexicon_open(kb, dir, &lx, &e)) {
            fprintf(stderr, "bench_news: %s\n", e.msg);
            return 1;
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("lexicon compile (%zu patterns): %.1f ms best of 5\n", casus_lexicon_npatterns(lx), best * 1e3);
    char *texts[256];
    size_t lens[256];
    int n = 0;
    for (int i = 2; i < argc && n < 256; i++) {
        texts[n] = slurp(argv[i], &lens[n]);
        if (texts[n])
            n++;
    }
    if (!n) {
        fprintf(stderr, "bench_news: no articles given\n");
        return 1;
    }
    size_t one = 0;
    for (int i = 0; i < n; i++)
        one += lens[i];
    casus_arena *a = casus_arena_new();
    casus_read_opts o;
    memset(&o, 0, sizeof o);
    o.html = 0;
    /* three rounds of at least 20 MB each: the best shows what the code
     * does, the median how much a shared machine's noise takes away */
    double rate[3], evrate[3], artrate[3];
    size_t bytes = 0, articles = 0;
    double t = 0;
    for (int round = 0; round < 3; round++) {
        size_t events = 0;
        bytes = articles = 0;
        double t0 = now();
        while (bytes < (size_t)20 << 20) {
            for (int i = 0; i < n; i++) {
                casus_article *art;
                if (casus_read(lx, a, "bench", texts[i], lens[i], &o, &art, &e)) {
                    fprintf(stderr, "bench_news: %s\n", e.msg);
                    return 1;
                }
                bytes += lens[i];
                events += art->nevents;
                articles++;
                casus_arena_reset(a);
            }
        }
        t = now() - t0;
        rate[round] = bytes / 1e6 / t;
        evrate[round] = events / t;
        artrate[round] = articles / t;
    }
    int top = 0, lo = 0;
    for (int k = 1; k < 3; k++) {
        if (rate[k] > rate[top])
            top = k;
        if (rate[k] < rate[lo])
            lo = k;
    }
    int med = top == lo ? top : 3 - top - lo;
    printf("read %zu articles (%zu distinct, %.1f KB), %.1f MB of plain text, three rounds: best %.1f MB/s "
           "(%.0f events/s, %.0f articles/s), median %.1f MB/s (one core)\n",
           articles, (size_t)n, one / 1024.0, bytes / 1e6, rate[top], evrate[top], artrate[top], rate[med]);
    /* one long article: every test article joined */
    char *big = malloc(one * 40 + 1);
    size_t bl = 0;
    for (int k = 0; k < 40; k++)
        for (int i = 0; i < n; i++) {
            memcpy(big + bl, texts[i], lens[i]);
            bl += lens[i];
        }
    double t0 = now();
    casus_article *art;
    if (casus_read(lx, a, "big", big, bl, &o, &art, &e)) {
        fprintf(stderr, "bench_news: %s\n", e.msg);
        return 1;
    }
    t = now() - t0;
    printf("one %.1f MB article: %.2f s, %.1f MB/s, %zu events after merging\n", bl / 1e6, t, bl / 1e6 / t,
           art->nevents);
    free(big);
    for (int i = 0; i < n; i++)
        free(texts[i]);
    casus_arena_free(a);
    casus_lexicon_close(lx);
    casus_kb_close(kb);
    return 0;
}
