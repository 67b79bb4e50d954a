/* driver.h — the command line and the pipeline of phases. */
#ifndef MGC_DRIVER_H
#define MGC_DRIVER_H

#include <stdbool.h>
#include <stdio.h>

typedef enum Command { CMD_NONE, CMD_BUILD, CMD_RUN, CMD_COMPILE, CMD_VERSION, CMD_HELP } Command;

typedef enum Arch { ARCH_AMD64, ARCH_ARM64 } Arch;

typedef enum Retain { RETAIN_NONE, RETAIN_AST, RETAIN_POOL, RETAIN_CACHE, RETAIN_CLOSURE } Retain;

/* What `-d` asked for. */
typedef struct DebugFlags {
    bool ast;          /* print the AST and stop after parsing */
    bool parse;        /* stop after parsing, print nothing */
    bool types;        /* print declarations with types and stop */
    const char *ssa;   /* function whose SSA to print after every pass */
    bool escape_off;   /* everything addressable goes to the heap */
    Retain retain;     /* reproduce a retention bug on purpose */
} DebugFlags;

typedef struct Options {
    Command cmd;
    Arch arch;
    const char *output;        /* -o */
    int m;                     /* -m level */
    bool no_inline;            /* -l */
    bool no_opt;               /* -N */
    bool print_asm;            /* -S */
    int memstats;              /* -memstats[=2] */
    const char *memstats_json; /* -memstats-json FILE */
    const char *memprofile;    /* -memprofile FILE */
    DebugFlags debug;
    const char **files;
    int nfiles;
    const char **run_args;     /* after `--` for `mgc run` */
    int nrun_args;
} Options;

/* Parses argv into o.  On a usage error prints the message and a usage
 * line to err and returns false. */
bool options_parse(Options *o, int argc, char **argv, FILE *err);
void print_usage(FILE *out);
void print_help(FILE *out);

#endif
