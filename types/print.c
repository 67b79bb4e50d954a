/* print.c — the `-d types` output: every package-level declaration of
 * package main with its type, one per line, in declaration order:
 *
 *   const main.c untyped int = 3
 *   var main.x []string
 *   type main.T struct{x int}
 *   func (*main.T).M(y int) bool        (methods follow their type)
 *   type main.A = int
 *   func main.f(x int) string
 *
 * Types inside are written as in error messages (type_string). */
#include <string.h>

#include "types/check.h"

/* Room for one type written out. */
enum { TYPE_BUF = 4096 };

/* Writes a function's signature (its type without the "func" keyword). */
static void print_signature(FILE *out, Type *sig) {
    char buf[TYPE_BUF];
    type_string(sig, buf, sizeof buf);
    fputs(strncmp(buf, "func", 4) == 0 ? buf + 4 : buf, out);
}

/* Prints the methods of named type t, as "func (main.T).M()". */
static void print_methods(FILE *out, const char *pkg, Type *t) {
    for (int i = 0; i < t->u.named.nmethods; i++) {
        const Object *m = t->u.named.methods[i].func;
        if (!m || !m->type) continue;
        Type *recv = m->type->kind == TY_FUNC ? m->type->u.func.recv : NULL;
        bool ptr = recv && recv->kind == TY_POINTER;
        fprintf(out, "func (%s%s.%s).%s", ptr ? "*" : "", pkg, t->u.named.obj->name, m->name);
        print_signature(out, m->type);
        fputc('\n', out);
    }
}

/* Prints one package-level object. */
static void print_object(FILE *out, const char *pkg, const Object *obj) {
    char buf[TYPE_BUF];
    switch (obj->kind) {
    case OBJ_CONST: {
        char val[CONST_FORMAT_MAX];
        if (obj->u.val) const_format(val, sizeof val, obj->u.val);
        else strcpy(val, "unknown");
        fprintf(out, "const %s.%s %s = %s\n", pkg, obj->name, type_string(obj->type, buf, sizeof buf), val);
        break;
    }
    case OBJ_VAR:
        fprintf(out, "var %s.%s %s\n", pkg, obj->name, type_string(obj->type, buf, sizeof buf));
        break;
    case OBJ_TYPE:
        if ((obj->flags & OBJ_ALIAS) || !obj->type || obj->type->kind != TY_NAMED) {
            fprintf(out, "type %s.%s = %s\n", pkg, obj->name, type_string(obj->type, buf, sizeof buf));
            break;
        }
        fprintf(out, "type %s.%s %s\n", pkg, obj->name, type_string(type_underlying(obj->type), buf, sizeof buf));
        if (obj->type->u.named.obj == obj) print_methods(out, pkg, obj->type);
        break;
    case OBJ_FUNC:
        fprintf(out, "func %s.%s", pkg, obj->name);
        if (obj->type) print_signature(out, obj->type);
        fputc('\n', out);
        break;
    default:
        break;
    }
}

/* Prints every package-level declaration of the main package: those of
 * its scope in declaration order, then the functions that no name denotes
 * (init and _). */
void types_print(FILE *out, const Program *prog) {
    if (!prog || !prog->main || !prog->main->scope) return;
    const Package *p = prog->main;
    const char *pkg = p->name ? p->name : "main";
    for (uint32_t i = 0; i < p->scope->norder; i++) print_object(out, pkg, p->scope->order[i]);
    for (int i = 0; i < p->nfuncs; i++) {
        const Object *f = p->funcs[i];
        Type *recv = f->type && f->type->kind == TY_FUNC ? f->type->u.func.recv : NULL;
        if (!recv && (strcmp(f->name, "init") == 0 || strcmp(f->name, "_") == 0)) print_object(out, pkg, f);
    }
}
