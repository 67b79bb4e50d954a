/* phase.c — the compiler's regions and pools, the phase tracker and the
 * memory report (-memstats, -memstats-json; format in docs/memstats.md).
 *
 * The four regions share one ArenaTotal, so the sum of their live bytes and
 * the highest value it reached are known after every allocation.  A phase
 * resets that running peak when it begins and reads it when it ends; nested
 * phases save and restore the enclosing phase's running peak, so every
 * phase's peak is exact. */
#include "mem/mem.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char *const REGION_NAMES[MEM_NREGIONS] = {"perm", "ast", "func", "scratch"};
static const size_t REGION_CHUNK[MEM_NREGIONS] = {
    256 * 1024, 1024 * 1024, 64 * 1024, 64 * 1024,
};
static const char *const POOL_NAMES[MEM_NPOOLS] = {"value", "block"};

enum { POOL_DEFAULT_OBJ = 64 };

/* Sets up the four regions, the two pools and the interner on perm. */
void mem_init(Mem *m, bool poison) {
    memset(m, 0, sizeof *m);
    for (int i = 0; i < MEM_NREGIONS; i++) {
        arena_init(&m->regions[i], REGION_NAMES[i], REGION_CHUNK[i]);
        m->regions[i].poison = poison;
        m->regions[i].total = &m->live_total;
    }
    for (int i = 0; i < MEM_NPOOLS; i++) {
        pool_init(&m->pools[i], POOL_NAMES[i], POOL_DEFAULT_OBJ);
        m->pools[i].backing.poison = poison;
    }
    interner_init(&m->names, mem_perm(m));
    m->current = -1;
}

/* Re-creates pool `which` for objects of obj_size bytes. */
void mem_pool_setup(Mem *m, int which, size_t obj_size) {
    Pool *p = &m->pools[which];
    bool clear = p->clear_on_put;
    bool poison = p->backing.poison;
    pool_free(p);
    pool_init(p, POOL_NAMES[which], obj_size);
    p->clear_on_put = clear;
    p->backing.poison = poison;
}

/* Returns every byte of m to the system. */
void mem_free(Mem *m) {
    interner_free(&m->names);
    for (int i = 0; i < MEM_NPOOLS; i++)
        pool_free(&m->pools[i]);
    for (int i = 0; i < MEM_NREGIONS; i++)
        arena_free(&m->regions[i]);
}

/* ---- Phase tracker ---------------------------------------------------- */

/* Returns the monotonic clock in milliseconds. */
static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Returns the bytes requested from all regions so far. */
static uint64_t total_requested(const Mem *m) {
    uint64_t n = 0;
    for (int i = 0; i < MEM_NREGIONS; i++)
        n += m->regions[i].stats.requested;
    return n;
}

/* Returns the highest total live bytes of the regions reached so far. */
static uint64_t overall_peak(const Mem *m) {
    return m->total_peak > m->live_total.peak ? m->total_peak : m->live_total.peak;
}

/* Copies the statistics of every region and pool into s. */
static void snapshot(const Mem *m, RegionSnap *s) {
    for (int i = 0; i < MEM_NREGIONS; i++)
        s->r[i] = m->regions[i].stats;
    for (int i = 0; i < MEM_NPOOLS; i++)
        s->p[i] = m->pools[i].stats;
}

/* Returns the record of phase `name`, adding it if new; -1 if the table is full. */
static int phase_index(Mem *m, const char *name) {
    for (int i = 0; i < m->nphases; i++)
        if (strcmp(m->phases[i].name, name) == 0)
            return i;
    if (m->nphases == MEM_MAX_PHASES)
        return -1;
    PhaseRecord *r = &m->phases[m->nphases];
    memset(r, 0, sizeof *r);
    r->name = name;
    return m->nphases++;
}

/* Starts phase `name`, inside the running one if any. */
void phase_begin(Mem *m, const char *name) {
    int d = m->depth++;
    if (d >= MEM_MAX_PHASE_DEPTH)
        return;
    PhaseFrame *f = &m->frames[d];
    f->phase = phase_index(m, name);
    f->t_begin = now_ms();
    f->req_begin = total_requested(m);
    f->outer_peak = m->live_total.peak;
    m->total_peak = overall_peak(m);
    m->live_total.peak = m->live_total.live;
    m->current = f->phase;
    m->t_begin = f->t_begin;
    m->req_begin = f->req_begin;
}

/* Ends the innermost running phase and folds it into its record. */
void phase_end(Mem *m) {
    if (m->depth == 0)
        return;
    int d = --m->depth;
    if (d >= MEM_MAX_PHASE_DEPTH)
        return;
    PhaseFrame *f = &m->frames[d];
    double wall = now_ms() - f->t_begin;
    uint64_t peak = m->live_total.peak;
    m->total_alloc = total_requested(m);
    m->total_peak = overall_peak(m);
    if (f->phase >= 0) {
        PhaseRecord *r = &m->phases[f->phase];
        r->wall_ms += wall;
        r->alloc_bytes += m->total_alloc - f->req_begin;
        r->live_bytes = m->live_total.live;
        if (peak > r->peak_bytes)
            r->peak_bytes = peak;
        r->runs++;
        snapshot(m, &r->end);
    }
    if (d == 0)
        m->wall_ms_total += wall;
    m->live_total.peak = f->outer_peak > peak ? f->outer_peak : peak;
    if (d > 0) {
        const PhaseFrame *outer = &m->frames[d - 1];
        m->current = outer->phase;
        m->t_begin = outer->t_begin;
        m->req_begin = outer->req_begin;
    } else {
        m->current = -1;
    }
}

/* Returns the process's peak resident set size in bytes (0 if unknown). */
uint64_t mem_peak_rss_bytes(void) {
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (uint64_t)ru.ru_maxrss * 1024;  /* Linux reports KiB */
}

/* ---- The table -------------------------------------------------------- */

/* Formats n bytes in binary units into buf: "512 B", "1.2 KiB", "3.4 MiB". */
static const char *fmt_bytes(char buf[32], uint64_t n) {
    static const char *const UNITS[] = {"KiB", "MiB", "GiB", "TiB"};
    if (n < 1024) {
        snprintf(buf, 32, "%" PRIu64 " B", n);
        return buf;
    }
    double v = (double)n / 1024;
    int u = 0;
    while (v >= 1024 && u < 3) {
        v /= 1024;
        u++;
    }
    snprintf(buf, 32, "%.1f %s", v, UNITS[u]);
    return buf;
}

/* Prints the per-region and per-pool rows of snapshot s, indented. */
static void print_snap(const RegionSnap *s, FILE *out) {
    char b1[32], b2[32], b3[32], b4[32];
    fprintf(out, "  %-18s %10s %10s %10s %10s\n", "region", "live", "reserved", "peak", "allocs");
    for (int i = 0; i < MEM_NREGIONS; i++) {
        const ArenaStats *r = &s->r[i];
        fprintf(out, "  %-18s %10s %10s %10s %10" PRIu64 "\n", REGION_NAMES[i],
                fmt_bytes(b1, r->live), fmt_bytes(b2, r->reserved), fmt_bytes(b3, r->peak),
                r->allocs);
    }
    fprintf(out, "  %-18s %10s %10s %10s %10s %10s\n", "pool", "live", "high water", "hits",
            "misses", "bytes");
    for (int i = 0; i < MEM_NPOOLS; i++) {
        const PoolStats *p = &s->p[i];
        fprintf(out, "  %-18s %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10s\n",
                POOL_NAMES[i], p->live, p->high_water, p->hits, p->misses,
                fmt_bytes(b4, p->bytes));
    }
}

/* Prints the memory report: one row per phase, then the total; level 2 adds
 * each phase's regions and pools. */
void memstats_print(const Mem *m, FILE *out, int level) {
    char b1[32], b2[32], b3[32], b4[32];
    fprintf(out, "%-20s %10s %10s %10s %10s\n", "phase", "wall ms", "alloc", "live", "peak");
    for (int i = 0; i < m->nphases; i++) {
        const PhaseRecord *r = &m->phases[i];
        fprintf(out, "%-20s %10.2f %10s %10s %10s\n", r->name, r->wall_ms,
                fmt_bytes(b1, r->alloc_bytes), fmt_bytes(b2, r->live_bytes),
                fmt_bytes(b3, r->peak_bytes));
        if (level >= 2)
            print_snap(&r->end, out);
    }
    fprintf(out, "%-20s %10.2f %10s %10s %10s   peak RSS %s\n", "total", m->wall_ms_total,
            fmt_bytes(b1, total_requested(m)), fmt_bytes(b2, m->live_total.live),
            fmt_bytes(b3, overall_peak(m)), fmt_bytes(b4, mem_peak_rss_bytes()));
}

/* ---- JSON ------------------------------------------------------------- */

/* Writes s as a JSON string literal. */
static void json_string(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* Writes the members "regions": {...}, "pools": {...} of snapshot s. */
static void json_snap(FILE *f, const RegionSnap *s, const char *indent) {
    fprintf(f, "\"regions\": {");
    for (int i = 0; i < MEM_NREGIONS; i++) {
        const ArenaStats *r = &s->r[i];
        fprintf(f, "%s\n%s  ", i ? "," : "", indent);
        json_string(f, REGION_NAMES[i]);
        fprintf(f,
                ": {\"live_bytes\": %" PRIu64 ", \"reserved_bytes\": %" PRIu64
                ", \"peak_bytes\": %" PRIu64 ", \"allocs\": %" PRIu64
                ", \"requested_bytes\": %" PRIu64 ", \"chunks\": %" PRIu64 "}",
                r->live, r->reserved, r->peak, r->allocs, r->requested, r->chunks);
    }
    fprintf(f, "},\n%s\"pools\": {", indent);
    for (int i = 0; i < MEM_NPOOLS; i++) {
        const PoolStats *p = &s->p[i];
        fprintf(f, "%s\n%s  ", i ? "," : "", indent);
        json_string(f, POOL_NAMES[i]);
        fprintf(f,
                ": {\"live\": %" PRIu64 ", \"high_water\": %" PRIu64 ", \"hits\": %" PRIu64
                ", \"misses\": %" PRIu64 ", \"bytes\": %" PRIu64 "}",
                p->live, p->high_water, p->hits, p->misses, p->bytes);
    }
    fprintf(f, "}");
}

/* Writes the report as JSON to path (schema in docs/memstats.md); returns 0,
 * or -1 with errno set. */
int memstats_write_json(const Mem *m, const char *path) {
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "{\"mgc_memstats\": 1,\n \"phases\": [");
    for (int i = 0; i < m->nphases; i++) {
        const PhaseRecord *r = &m->phases[i];
        fprintf(f, "%s\n  {\"phase\": ", i ? "," : "");
        json_string(f, r->name);
        fprintf(f,
                ", \"wall_ms\": %.3f, \"alloc_bytes\": %" PRIu64 ", \"live_bytes\": %" PRIu64
                ", \"peak_bytes\": %" PRIu64 ", \"runs\": %d,\n   ",
                r->wall_ms, r->alloc_bytes, r->live_bytes, r->peak_bytes, r->runs);
        json_snap(f, &r->end, "   ");
        fputc('}', f);
    }
    fprintf(f, "],\n \"end\": {");
    RegionSnap now;
    snapshot(m, &now);
    json_snap(f, &now, "  ");
    fprintf(f,
            "},\n \"total\": {\"alloc_bytes\": %" PRIu64 ", \"peak_bytes\": %" PRIu64
            ", \"peak_rss_bytes\": %" PRIu64 ", \"wall_ms\": %.3f}}\n",
            total_requested(m), overall_peak(m), mem_peak_rss_bytes(), m->wall_ms_total);
    bool bad = ferror(f) != 0;
    if (fclose(f) != 0)
        return -1;
    if (bad) {
        errno = EIO;
        return -1;
    }
    return 0;
}
