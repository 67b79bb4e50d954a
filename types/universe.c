/* universe.c — the universe scope (predeclared types, constants, nil and
 * the builtin functions) and the small standard library.
 *
 * fmt, errors, os and math are declared as Go source text below (bodyless
 * functions with Go 1.19's real signatures, types, constants, variables),
 * parsed and checked by check_package_source like any package, so their
 * declarations read exactly as in Go's documentation and messages about
 * them come out in gc's words.  Their bodies are mgc's runtime.  unsafe is
 * built here directly: its functions are builtins. */
#include <string.h>

#include "types/check.h"

/* The Go source of each package of the small standard library. */
typedef struct StdlibSource {
    const char *path;
    const char *src;
} StdlibSource;

static const StdlibSource STDLIB_SOURCES[] = {
    { "fmt",
      "package fmt\n"
      "\n"
      "type Stringer interface {\n"
      "\tString() string\n"
      "}\n"
      "\n"
      "type GoStringer interface {\n"
      "\tGoString() string\n"
      "}\n"
      "\n"
      "func Print(a ...any) (n int, err error)\n"
      "func Println(a ...any) (n int, err error)\n"
      "func Printf(format string, a ...any) (n int, err error)\n"
      "func Sprint(a ...any) string\n"
      "func Sprintln(a ...any) string\n"
      "func Sprintf(format string, a ...any) string\n"
      "func Errorf(format string, a ...any) error\n" },
    { "errors",
      "package errors\n"
      "\n"
      "func New(text string) error\n" },
    { "os",
      "package os\n"
      "\n"
      "var Args []string\n"
      "\n"
      "func Exit(code int)\n" },
    { "math",
      "package math\n"
      "\n"
      "const (\n"
      "\tE   = 2.71828182845904523536028747135266249775724709369995957496696763\n"
      "\tPi  = 3.14159265358979323846264338327950288419716939937510582097494459\n"
      "\tPhi = 1.61803398874989484820458683436563811772030917980576286213544862\n"
      "\n"
      "\tSqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974\n"
      "\tSqrtE   = 1.64872127070012814684865078831470427248683378355436536547316571\n"
      "\tSqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779\n"
      "\tSqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038\n"
      "\n"
      "\tLn2    = 0.693147180559945309417232121458176568075500134360255254120680009\n"
      "\tLog2E  = 1 / Ln2\n"
      "\tLn10   = 2.30258509299404568401799145468436420760110148862877297603332790\n"
      "\tLog10E = 1 / Ln10\n"
      ")\n"
      "\n"
      "const (\n"
      "\tMaxFloat32             = 0x1p127 * (1 + (1 - 0x1p-23))\n"
      "\tSmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23\n"
      "\tMaxFloat64             = 0x1p1023 * (1 + (1 - 0x1p-52))\n"
      "\tSmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52\n"
      ")\n"
      "\n"
      "const (\n"
      "\tintSize = 64\n"
      "\n"
      "\tMaxInt    = 1<<(intSize-1) - 1\n"
      "\tMinInt    = -1 << (intSize - 1)\n"
      "\tMaxInt8   = 1<<7 - 1\n"
      "\tMinInt8   = -1 << 7\n"
      "\tMaxInt16  = 1<<15 - 1\n"
      "\tMinInt16  = -1 << 15\n"
      "\tMaxInt32  = 1<<31 - 1\n"
      "\tMinInt32  = -1 << 31\n"
      "\tMaxInt64  = 1<<63 - 1\n"
      "\tMinInt64  = -1 << 63\n"
      "\tMaxUint   = 1<<intSize - 1\n"
      "\tMaxUint8  = 1<<8 - 1\n"
      "\tMaxUint16 = 1<<16 - 1\n"
      "\tMaxUint32 = 1<<32 - 1\n"
      "\tMaxUint64 = 1<<64 - 1\n"
      ")\n"
      "\n"
      "func Abs(x float64) float64\n"
      "func Ceil(x float64) float64\n"
      "func Copysign(f, sign float64) float64\n"
      "func Exp(x float64) float64\n"
      "func Float32bits(f float32) uint32\n"
      "func Float32frombits(b uint32) float32\n"
      "func Float64bits(f float64) uint64\n"
      "func Float64frombits(b uint64) float64\n"
      "func Floor(x float64) float64\n"
      "func Inf(sign int) float64\n"
      "func IsInf(f float64, sign int) bool\n"
      "func IsNaN(f float64) (is bool)\n"
      "func Log(x float64) float64\n"
      "func Max(x, y float64) float64\n"
      "func Min(x, y float64) float64\n"
      "func Mod(x, y float64) float64\n"
      "func NaN() float64\n"
      "func Pow(x, y float64) float64\n"
      "func Signbit(x float64) bool\n"
      "func Sqrt(x float64) float64\n"
      "func Trunc(x float64) float64\n" },
};

/* Every exported package-level name of Go 1.19's fmt, errors, os and math
 * (linux/amd64), mgc's or not: a name listed here that the source above
 * does not declare is refused, not reported as undefined. */
typedef struct StdlibNames {
    const char *path;
    const char *names;     /* separated by single spaces */
} StdlibNames;

static const StdlibNames STDLIB_NAMES[] = {
    { "fmt",
      "Append Appendf Appendln Errorf Formatter Fprint Fprintf Fprintln Fscan Fscanf Fscanln "
      "GoStringer Print Printf Println Scan ScanState Scanf Scanln Scanner Sprint Sprintf "
      "Sprintln Sscan Sscanf Sscanln State Stringer" },
    { "errors",
      "As Is New Unwrap" },
    { "os",
      "Args Chdir Chmod Chown Chtimes Clearenv Create CreateTemp DevNull DirEntry DirFS Environ "
      "ErrClosed ErrDeadlineExceeded ErrExist ErrInvalid ErrNoDeadline ErrNotExist ErrPermission "
      "ErrProcessDone Executable Exit Expand ExpandEnv File FileInfo FileMode FindProcess Getegid "
      "Getenv Geteuid Getgid Getgroups Getpagesize Getpid Getppid Getuid Getwd Hostname Interrupt "
      "IsExist IsNotExist IsPathSeparator IsPermission IsTimeout Kill Lchown Link LinkError "
      "LookupEnv Lstat Mkdir MkdirAll MkdirTemp ModeAppend ModeCharDevice ModeDevice ModeDir "
      "ModeExclusive ModeIrregular ModeNamedPipe ModePerm ModeSetgid ModeSetuid ModeSocket "
      "ModeSticky ModeSymlink ModeTemporary ModeType NewFile NewSyscallError O_APPEND O_CREATE "
      "O_EXCL O_RDONLY O_RDWR O_SYNC O_TRUNC O_WRONLY Open OpenFile PathError PathListSeparator "
      "PathSeparator Pipe ProcAttr Process ProcessState ReadDir ReadFile Readlink Remove "
      "RemoveAll Rename SEEK_CUR SEEK_END SEEK_SET SameFile Setenv Signal StartProcess Stat "
      "Stderr Stdin Stdout Symlink SyscallError TempDir Truncate Unsetenv UserCacheDir "
      "UserConfigDir UserHomeDir WriteFile" },
    { "math",
      "Abs Acos Acosh Asin Asinh Atan Atan2 Atanh Cbrt Ceil Copysign Cos Cosh Dim E Erf Erfc "
      "Erfcinv Erfinv Exp Exp2 Expm1 FMA Float32bits Float32frombits Float64bits Float64frombits "
      "Floor Frexp Gamma Hypot Ilogb Inf IsInf IsNaN J0 J1 Jn Ldexp Lgamma Ln10 Ln2 Log Log10 "
      "Log10E Log1p Log2 Log2E Logb Max MaxFloat32 MaxFloat64 MaxInt MaxInt16 MaxInt32 MaxInt64 "
      "MaxInt8 MaxUint MaxUint16 MaxUint32 MaxUint64 MaxUint8 Min MinInt MinInt16 MinInt32 "
      "MinInt64 MinInt8 Mod Modf NaN Nextafter Nextafter32 Phi Pi Pow Pow10 Remainder Round "
      "RoundToEven Signbit Sin Sincos Sinh SmallestNonzeroFloat32 SmallestNonzeroFloat64 Sqrt "
      "Sqrt2 SqrtE SqrtPhi SqrtPi Tan Tanh Trunc Y0 Y1 Yn" },
};

bool stdlib_declares(const char *path, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof STDLIB_NAMES / sizeof STDLIB_NAMES[0]; i++) {
        if (strcmp(STDLIB_NAMES[i].path, path) != 0) continue;
        for (const char *p = STDLIB_NAMES[i].names; *p;) {
            const char *end = strchr(p, ' ');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            if (len == n && memcmp(p, name, n) == 0) return true;
            p += len + (end != NULL);
        }
    }
    return false;
}

/* Returns name interned. */
static const char *iname(Checker *c, const char *name) { return intern(c->names, name, strlen(name)); }

/* Makes a predeclared object in perm (no package, no position). */
static Object *predeclared(Checker *c, ObjKind kind, const char *name, Type *type) {
    Object *obj = ARENA_NEW(c->perm, Object);
    obj->kind = kind;
    obj->name = iname(c, name);
    obj->type = type;
    obj->flags = OBJ_USED;
    return obj;
}

/* Declares a predeclared object in s. */
static Object *declare(Checker *c, Scope *s, ObjKind kind, const char *name, Type *type) {
    Object *obj = predeclared(c, kind, name, type);
    scope_insert(c->perm, s, obj);
    return obj;
}

/* Declares a builtin function. */
static void declare_builtin(Checker *c, Scope *s, const char *name, Builtin id) {
    Object *obj = declare(c, s, OBJ_BUILTIN, name, type_invalid());
    obj->u.builtin = id;
}

/* Declares an untyped constant of value v. */
static void declare_const(Checker *c, Scope *s, const char *name, Type *type, Const v) {
    Object *obj = declare(c, s, OBJ_CONST, name, type);
    Const *val = ARENA_NEW(c->perm, Const);
    *val = v;
    obj->u.val = val;
}

/* Declares `type error interface { Error() string }`. */
static void declare_error(Checker *c, Scope *s) {
    Object *obj = declare(c, s, OBJ_TYPE, "error", NULL);
    Type *named = type_new_named(c->perm, obj, NULL);
    obj->type = named;
    Type **res = ARENA_NEW_ARRAY(c->perm, Type *, 1);
    res[0] = type_basic(TY_STRING);
    Type *sig = type_new_func(c->perm, named, NULL, type_new_tuple(c->perm, res, NULL, 1), false);
    TypeMethod *m = ARENA_NEW(c->perm, TypeMethod);
    m->name = iname(c, "Error");
    m->func = predeclared(c, OBJ_FUNC, "Error", sig);
    m->func->flags |= OBJ_EXPORTED;
    Type *iface = type_new_interface(c->perm, m, 1, NULL, 0);
    iface->u.iface.complete = true;
    iface->u.iface.all = m;
    iface->u.iface.nall = 1;
    named->u.named.underlying = iface;
}

/* Declares `comparable`, the interface of all comparable types. */
static void declare_comparable(Checker *c, Scope *s) {
    Object *obj = declare(c, s, OBJ_TYPE, "comparable", NULL);
    Type *iface = type_new_interface(c->perm, NULL, 0, NULL, 0);
    iface->u.iface.complete = true;
    iface->u.iface.is_comparable = true;
    obj->type = type_new_named(c->perm, obj, iface);
}

/* Builds the universe scope in perm. */
Scope *universe_new(Checker *c) {
    Scope *s = scope_new(c->perm, NULL, "universe");
    static const struct { const char *name; TypeKind kind; } basics[] = {
        { "bool", TY_BOOL },       { "int", TY_INT },         { "int8", TY_INT8 },
        { "int16", TY_INT16 },     { "int32", TY_INT32 },     { "int64", TY_INT64 },
        { "uint", TY_UINT },       { "uint8", TY_UINT8 },     { "uint16", TY_UINT16 },
        { "uint32", TY_UINT32 },   { "uint64", TY_UINT64 },   { "uintptr", TY_UINTPTR },
        { "float32", TY_FLOAT32 }, { "float64", TY_FLOAT64 }, { "complex64", TY_COMPLEX64 },
        { "complex128", TY_COMPLEX128 }, { "string", TY_STRING },
    };
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++)
        declare(c, s, OBJ_TYPE, basics[i].name, type_basic(basics[i].kind));
    declare(c, s, OBJ_TYPE, "byte", type_byte())->flags |= OBJ_ALIAS;
    declare(c, s, OBJ_TYPE, "rune", type_rune())->flags |= OBJ_ALIAS;
    declare(c, s, OBJ_TYPE, "any", type_any())->flags |= OBJ_ALIAS;
    declare_error(c, s);
    declare_comparable(c, s);

    declare_const(c, s, "true", type_basic(TY_UNTYPED_BOOL), const_make_bool(true));
    declare_const(c, s, "false", type_basic(TY_UNTYPED_BOOL), const_make_bool(false));
    /* iota's value depends on where it is used: the checker reads c->iota. */
    declare_const(c, s, "iota", type_basic(TY_UNTYPED_INT), const_make_int64(0));
    declare(c, s, OBJ_NIL, "nil", type_basic(TY_UNTYPED_NIL));

    static const struct { const char *name; Builtin id; } builtins[] = {
        { "append", BUILTIN_APPEND }, { "cap", BUILTIN_CAP },         { "close", BUILTIN_CLOSE },
        { "complex", BUILTIN_COMPLEX }, { "copy", BUILTIN_COPY },     { "delete", BUILTIN_DELETE },
        { "imag", BUILTIN_IMAG },     { "len", BUILTIN_LEN },         { "make", BUILTIN_MAKE },
        { "new", BUILTIN_NEW },       { "panic", BUILTIN_PANIC },     { "print", BUILTIN_PRINT },
        { "println", BUILTIN_PRINTLN }, { "real", BUILTIN_REAL },     { "recover", BUILTIN_RECOVER },
    };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        declare_builtin(c, s, builtins[i].name, builtins[i].id);
    return s;
}

/* Builds package unsafe: the type Pointer and its builtin functions. */
static Package *unsafe_package(Checker *c) {
    Package *pkg = ARENA_NEW(c->perm, Package);
    pkg->path = iname(c, "unsafe");
    pkg->name = pkg->path;
    pkg->fake = true;
    pkg->scope = scope_new(c->perm, c->prog ? c->prog->universe : NULL, "package");
    declare(c, pkg->scope, OBJ_TYPE, "Pointer", type_basic(TY_UNSAFE_POINTER));
    static const struct { const char *name; Builtin id; } builtins[] = {
        { "Add", BUILTIN_ADD },       { "Alignof", BUILTIN_ALIGNOF }, { "Offsetof", BUILTIN_OFFSETOF },
        { "Sizeof", BUILTIN_SIZEOF }, { "Slice", BUILTIN_SLICE },
    };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        declare_builtin(c, pkg->scope, builtins[i].name, builtins[i].id);
    for (uint32_t i = 0; i < pkg->scope->norder; i++) {
        Object *obj = pkg->scope->order[i];
        obj->pkg = pkg;
        obj->flags |= OBJ_EXPORTED | OBJ_PKG_LEVEL;
    }
    return pkg;
}

/* Appends pkg to the program's imported packages. */
static void record_import(Checker *c, Package *pkg) {
    Program *prog = c->prog;
    Package **imports = ARENA_NEW_ARRAY(c->perm, Package *, prog->nimports + 1);
    if (prog->nimports) memcpy(imports, prog->imports, (size_t)prog->nimports * sizeof *imports);
    imports[prog->nimports++] = pkg;
    prog->imports = imports;
}

/* Returns the standard package of path, building it on first use; NULL if
 * path is not part of mgc's small standard library. */
Package *stdlib_package(Checker *c, const char *path) {
    if (!path) return NULL;
    for (int i = 0; c->prog && i < c->prog->nimports; i++)
        if (strcmp(c->prog->imports[i]->path, path) == 0) return c->prog->imports[i];
    Package *pkg = NULL;
    if (strcmp(path, "unsafe") == 0) {
        pkg = unsafe_package(c);
    } else {
        for (size_t i = 0; i < sizeof STDLIB_SOURCES / sizeof STDLIB_SOURCES[0]; i++)
            if (strcmp(STDLIB_SOURCES[i].path, path) == 0)
                pkg = check_package_source(c, iname(c, path), STDLIB_SOURCES[i].src);
    }
    if (pkg) {
        pkg->fake = true;
        if (c->prog) record_import(c, pkg);
    }
    return pkg;
}
