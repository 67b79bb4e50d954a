/* flags.c — the command line of language.md.
 *
 *   mgc build   [flags] FILE.go...
 *   mgc run     [flags] FILE.go... [-- ARGS]
 *   mgc compile [flags] FILE.go...
 *   mgc version | mgc help
 *
 * Flags come before the files, in any order, as `-f`, `-f=v` or `-f v`
 * (one or two dashes, as Go's flag package accepts). */
#include "driver/driver.h"

#include <stdlib.h>
#include <string.h>

#include "mgc_version.h"

void print_usage(FILE *out) {
    fputs("usage: mgc build|run|compile [flags] FILE.go... | mgc version | mgc help\n", out);
}

void print_help(FILE *out) {
    fputs("mgc " MGC_VERSION " compiles a subset of Go 1.19.\n"
          "\n"
          "usage:\n"
          "  mgc build   [flags] FILE.go...            compile, assemble and link (-o NAME)\n"
          "  mgc run     [flags] FILE.go... [-- ARGS]  build to a temporary file and run it\n"
          "  mgc compile [flags] FILE.go...            write assembly (-o FILE.s)\n"
          "  mgc version                               print the version\n"
          "  mgc help                                  print this help\n"
          "\n"
          "flags:\n"
          "  -o NAME              output file\n"
          "  -arch amd64|arm64    target architecture (default: GOARCH, else the host)\n"
          "  -m, -m=N             print escape analysis decisions (-m=2: with explanations)\n"
          "  -l                   disable inlining\n"
          "  -N                   disable optimizations\n"
          "  -S                   print the generated assembly to stdout as well\n"
          "  -memstats[=2]        print the per-phase memory table on stderr (=2: per region and pool)\n"
          "  -memstats-json FILE  write the memory table as JSON\n"
          "  -memprofile FILE     write a pprof profile of the compiler's allocations\n"
          "  -d NAME[=VALUE],...  debug switches:\n"
          "       ast             print the AST and stop after parsing\n"
          "       parse           stop after parsing, print nothing\n"
          "       types           print every declaration with its type and stop\n"
          "       ssa=FUNC        print FUNC's SSA after every pass\n"
          "       escape=off      send every address-taken variable and allocation to the heap\n"
          "       retain=ast|pool|cache|closure   reproduce a retention bug on purpose\n"
          "  -h, -help            print this help\n",
          out);
}

/* A usage error: message, usage line, false. */
static bool usage_error(FILE *err, const char *fmt, const char *arg) {
    fputs("mgc: ", err);
    fprintf(err, fmt, arg);
    fputc('\n', err);
    print_usage(err);
    return false;
}

/* Parses one -d item (NAME or NAME=VALUE). */
static bool parse_debug_item(Options *o, char *item, FILE *err) {
    char *val = strchr(item, '=');
    if (val)
        *val++ = 0;
    DebugFlags *d = &o->debug;
    if (strcmp(item, "ast") == 0 && !val)
        d->ast = true;
    else if (strcmp(item, "parse") == 0 && !val)
        d->parse = true;
    else if (strcmp(item, "types") == 0 && !val)
        d->types = true;
    else if (strcmp(item, "ssa") == 0 && val && *val)
        d->ssa = val;
    else if (strcmp(item, "escape") == 0 && val && strcmp(val, "off") == 0)
        d->escape_off = true;
    else if (strcmp(item, "retain") == 0 && val) {
        static const char *const names[] = {"ast", "pool", "cache", "closure"};
        static const Retain kinds[] = {RETAIN_AST, RETAIN_POOL, RETAIN_CACHE, RETAIN_CLOSURE};
        for (int i = 0; i < 4; i++)
            if (strcmp(val, names[i]) == 0)
                d->retain = kinds[i];
        if (d->retain == RETAIN_NONE)
            return usage_error(err, "unknown -d retain kind: %s (want ast, pool, cache or closure)", val);
    } else {
        if (val)
            val[-1] = '=';
        return usage_error(err, "unknown debug switch -d %s", item);
    }
    return true;
}

/* Parses a -d list in place: the items are cut out of list (an argv
 * string, which C lets us modify), so values such as ssa=FUNC stay valid. */
static bool parse_debug(Options *o, char *list, FILE *err) {
    for (char *item = list; item;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma++ = 0;
        if (*item && !parse_debug_item(o, item, err))
            return false;
        item = comma;
    }
    return true;
}

static bool parse_arch(Options *o, const char *v, FILE *err) {
    if (strcmp(v, "amd64") == 0)
        o->arch = ARCH_AMD64;
    else if (strcmp(v, "arm64") == 0)
        o->arch = ARCH_ARM64;
    else
        return usage_error(err, "unsupported architecture: %s (want amd64 or arm64)", v);
    return true;
}

/* Parses "-m", "-m=N". */
static bool parse_m(Options *o, const char *val, FILE *err) {
    if (!val) {
        o->m++;
        return true;
    }
    char *end;
    long n = strtol(val, &end, 10);
    if (*val == 0 || *end != 0 || n < 0 || n > 9)
        return usage_error(err, "invalid value for -m: %s", val);
    o->m = (int)n;
    return true;
}

static Arch host_arch(void) {
#if defined(__aarch64__)
    return ARCH_ARM64;
#else
    return ARCH_AMD64;
#endif
}

bool options_parse(Options *o, int argc, char **argv, FILE *err) {
    memset(o, 0, sizeof *o);
    o->arch = host_arch();
    const char *goarch = getenv("GOARCH");
    if (goarch && *goarch && !parse_arch(o, goarch, err))
        return false;
    if (argc < 2) {
        print_usage(err);
        return false;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "build") == 0)
        o->cmd = CMD_BUILD;
    else if (strcmp(cmd, "run") == 0)
        o->cmd = CMD_RUN;
    else if (strcmp(cmd, "compile") == 0)
        o->cmd = CMD_COMPILE;
    else if (strcmp(cmd, "version") == 0 || strcmp(cmd, "-version") == 0 || strcmp(cmd, "--version") == 0)
        o->cmd = CMD_VERSION;
    else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "-help") == 0 ||
             strcmp(cmd, "--help") == 0)
        o->cmd = CMD_HELP;
    else
        return usage_error(err, "unknown command: %s", cmd);
    if (o->cmd == CMD_VERSION || o->cmd == CMD_HELP) {
        if (argc > 2)
            return usage_error(err, "%s takes no arguments", cmd);
        return true;
    }

    int i = 2;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0)
            break; /* the first file */
        if (strcmp(a, "--") == 0)
            return usage_error(err, "%s", "-- must follow the files");
        const char *name = a + 1 + (a[1] == '-');
        char key[64];
        const char *eq = strchr(name, '=');
        size_t klen = eq ? (size_t)(eq - name) : strlen(name);
        if (klen >= sizeof key)
            return usage_error(err, "flag provided but not defined: %s", a);
        memcpy(key, name, klen);
        key[klen] = 0;
        const char *val = eq ? eq + 1 : NULL;
        /* Flags that take a value accept it in the next argument too. */
        bool takes_value = strcmp(key, "o") == 0 || strcmp(key, "arch") == 0 || strcmp(key, "d") == 0 ||
                           strcmp(key, "memstats-json") == 0 || strcmp(key, "memprofile") == 0;
        if (takes_value && !val) {
            if (i + 1 >= argc)
                return usage_error(err, "flag needs an argument: %s", a);
            val = argv[++i];
        }
        if (strcmp(key, "o") == 0)
            o->output = val;
        else if (strcmp(key, "arch") == 0) {
            if (!parse_arch(o, val, err))
                return false;
        } else if (strcmp(key, "d") == 0) {
            /* val points into argv[i] or argv[i + 1]: modifiable. */
            if (!parse_debug(o, (char *)val, err))
                return false;
        } else if (strcmp(key, "memstats-json") == 0)
            o->memstats_json = val;
        else if (strcmp(key, "memprofile") == 0)
            o->memprofile = val;
        else if (strcmp(key, "m") == 0) {
            if (!parse_m(o, val, err))
                return false;
        } else if (strcmp(key, "memstats") == 0) {
            if (!val)
                o->memstats = 1;
            else if (strcmp(val, "1") == 0 || strcmp(val, "2") == 0)
                o->memstats = val[0] - '0';
            else
                return usage_error(err, "invalid value for -memstats: %s (want 1 or 2)", val);
        } else if ((strcmp(key, "l") == 0 || strcmp(key, "N") == 0 || strcmp(key, "S") == 0) && !val) {
            if (key[0] == 'l')
                o->no_inline = true;
            else if (key[0] == 'N')
                o->no_opt = true;
            else
                o->print_asm = true;
        } else if ((strcmp(key, "h") == 0 || strcmp(key, "help") == 0) && !val) {
            o->cmd = CMD_HELP;
            return true;
        } else
            return usage_error(err, "flag provided but not defined: %s", a);
    }

    o->files = (const char **)&argv[i];
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (argv[i][0] == '-')
            return usage_error(err, "flags must come before the files: %s", argv[i]);
        o->nfiles++;
    }
    if (i < argc) { /* "--" */
        if (o->cmd != CMD_RUN)
            return usage_error(err, "%s", "arguments after -- are only for mgc run");
        o->run_args = (const char **)&argv[i + 1];
        o->nrun_args = argc - i - 1;
    }
    if (o->nfiles == 0)
        return usage_error(err, "%s", "no Go files given");
    for (int k = 0; k < o->nfiles; k++) {
        size_t n = strlen(o->files[k]);
        if (n < 4 || strcmp(o->files[k] + n - 3, ".go") != 0)
            return usage_error(err, "not a .go file: %s", o->files[k]);
    }
    return true;
}
