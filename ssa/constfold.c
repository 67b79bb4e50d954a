/* constfold.c — constant folding, simple algebraic identities and branches
 * on constant conditions.
 *
 * Integer ops are evaluated with Go's semantics at the width of their
 * class: results wrap around, shifts by at least the width give 0 (or the
 * sign for Shr), MinInt / -1 is MinInt and x % -1 is 0.  Nothing that could
 * panic is folded: a division or modulus by a constant 0 stays, and checks
 * are left to checkelim.  A folded value becomes an SSA_OP_CONST in place
 * (its uses stay valid); a value equal to one of its args becomes a copy,
 * which copy elimination then bypasses.  An If on a constant becomes a
 * Plain block; the blocks that become unreachable are removed at once.
 *
 * Integer constants are written sign-extended from their width (bool:
 * 0 or 1); any other form of the same bits is read correctly.  Float
 * constants hold their IEEE bits (F32: the float32's bits); F32 arithmetic
 * is done in float32, so each result is rounded as at run time.
 * Conversions from floats to integers are not folded (out-of-range values
 * are the target's business). */
#include "ssa/ssa.h"

#include <string.h>

/* Width in bits of an integer class (bool: 1). */
static int cls_width(int cls) {
    switch (cls) {
    case CLS_B: return 1;
    case CLS_I8: return 8;
    case CLS_I16: return 16;
    case CLS_I32: return 32;
    default: return 64;
    }
}

/* Whether cls is an integer (or bool) class. */
static bool is_int_cls(int cls) {
    return cls >= CLS_B && cls <= CLS_I64;
}

/* The bits of an integer of class cls, sign-extended from its width. */
int64_t ssa_const_sext(int64_t bits, int cls) {
    int w = cls_width(cls);
    if (cls == CLS_B)
        return bits & 1;
    if (w == 64)
        return bits;
    uint64_t m = (uint64_t)1 << (w - 1);
    uint64_t x = (uint64_t)bits & ((m << 1) - 1);
    return (int64_t)((x ^ m) - m);
}

/* The bits of an integer of class cls, zero-extended from its width. */
static uint64_t zext(int64_t bits, int cls) {
    int w = cls_width(cls);
    if (w == 64)
        return (uint64_t)bits;
    return (uint64_t)bits & (((uint64_t)1 << w) - 1);
}

/* v with the copies in front of it skipped. */
Value *ssa_skip_copies(Value *v) {
    for (int n = 0; v->op == SSA_OP_COPY && n < 64; n++)
        v = v->args[0];
    return v;
}

/* Whether v is an integer constant; its sign-extended value in *c. */
bool ssa_int_const(Value *v, int64_t *c) {
    v = ssa_skip_copies(v);
    if (v->op != SSA_OP_CONST || !is_int_cls(v->cls))
        return false;
    *c = ssa_const_sext(v->aux_int, v->cls);
    return true;
}

/* Whether v is a float constant; its value in *d (float32s widened). */
static bool float_const(Value *v, double *d) {
    v = ssa_skip_copies(v);
    if (v->op != SSA_OP_CONST)
        return false;
    if (v->cls == CLS_F64) {
        memcpy(d, &v->aux_int, sizeof *d);
        return true;
    }
    if (v->cls == CLS_F32) {
        uint32_t bits = (uint32_t)v->aux_int;
        float x;
        memcpy(&x, &bits, sizeof x);
        *d = x;
        return true;
    }
    return false;
}

/* Turns v into the integer constant c of its class. */
static void make_const(Value *v, int64_t c) {
    ssa_value_reset_args(v);
    v->op = SSA_OP_CONST;
    v->aux = NULL;
    v->aux_int = ssa_const_sext(c, v->cls);
}

/* Turns v into the float constant d of its class (F32: rounded). */
static void make_float(Value *v, double d) {
    ssa_value_reset_args(v);
    v->op = SSA_OP_CONST;
    v->aux = NULL;
    if (v->cls == CLS_F32) {
        float x = (float)d;
        uint32_t bits;
        memcpy(&bits, &x, sizeof bits);
        v->aux_int = (int64_t)bits;
    } else {
        memcpy(&v->aux_int, &d, sizeof d);
    }
}

/* Arithmetic shift right of x by c (0 <= c < 64) without relying on how C
 * shifts negative numbers. */
static int64_t sar(int64_t x, int c) {
    if (x >= 0)
        return x >> c;
    return (int64_t)~(~(uint64_t)x >> c);
}

/* Evaluates the binary integer op of v on constants x and y (sign-extended
 * at the args' classes).  Returns false when it must not be folded. */
static bool eval_binary(const Value *v, int64_t x, int64_t y, int64_t *out) {
    int cls = v->cls, w = cls_width(cls);
    int acls = v->args[0]->cls, ycls = v->args[1]->cls;
    uint64_t ux = zext(x, acls), uy = zext(y, acls);
    uint64_t count = zext(y, ycls);
    switch (v->op) {
    case SSA_OP_ADD: *out = (int64_t)(ux + uy); return true;
    case SSA_OP_SUB: *out = (int64_t)(ux - uy); return true;
    case SSA_OP_MUL: *out = (int64_t)(ux * uy); return true;
    case SSA_OP_AND: *out = (int64_t)(ux & uy); return true;
    case SSA_OP_OR: *out = (int64_t)(ux | uy); return true;
    case SSA_OP_XOR: *out = (int64_t)(ux ^ uy); return true;
    case SSA_OP_ANDNOT: *out = (int64_t)(ux & ~uy); return true;
    case SSA_OP_DIV:
        if (y == 0)
            return false;
        *out = y == -1 ? (int64_t)(0 - (uint64_t)x) : x / y;
        return true;
    case SSA_OP_MOD:
        if (y == 0)
            return false;
        *out = y == -1 ? 0 : x % y;
        return true;
    case SSA_OP_DIVU:
        if (uy == 0)
            return false;
        *out = (int64_t)(ux / uy);
        return true;
    case SSA_OP_MODU:
        if (uy == 0)
            return false;
        *out = (int64_t)(ux % uy);
        return true;
    case SSA_OP_SHL: *out = count >= (uint64_t)w ? 0 : (int64_t)(ux << count); return true;
    case SSA_OP_SHRU: *out = count >= (uint64_t)w ? 0 : (int64_t)(ux >> count); return true;
    case SSA_OP_SHR: *out = sar(x, count >= (uint64_t)w ? w - 1 : (int)count); return true;
    case SSA_OP_EQ: *out = ux == uy; return true;
    case SSA_OP_NE: *out = ux != uy; return true;
    case SSA_OP_LT: *out = x < y; return true;
    case SSA_OP_LE: *out = x <= y; return true;
    case SSA_OP_GT: *out = x > y; return true;
    case SSA_OP_GE: *out = x >= y; return true;
    case SSA_OP_LTU: *out = ux < uy; return true;
    case SSA_OP_LEU: *out = ux <= uy; return true;
    case SSA_OP_GTU: *out = ux > uy; return true;
    case SSA_OP_GEU: *out = ux >= uy; return true;
    default: return false;
    }
}

/* Evaluates the unary integer op of v (conversions included) on the
 * constant x, sign-extended at the arg's class. */
static bool eval_unary(const Value *v, int64_t x, int64_t *out) {
    int acls = v->args[0]->cls;
    switch (v->op) {
    case SSA_OP_NEG: *out = (int64_t)(0 - (uint64_t)x); return true;
    case SSA_OP_COM: *out = (int64_t)~(uint64_t)x; return true;
    case SSA_OP_NOT: *out = !x; return true;
    case SSA_OP_SEXT: *out = x; return is_int_cls(v->cls);
    case SSA_OP_ZEXT: *out = (int64_t)zext(x, acls); return is_int_cls(v->cls);
    case SSA_OP_TRUNC: *out = x; return is_int_cls(v->cls);
    default: return false;
    }
}

/* Computes x op y in float32 arithmetic. */
static float f32_arith(int op, float x, float y) {
    switch (op) {
    case SSA_OP_FADD: return x + y;
    case SSA_OP_FSUB: return x - y;
    case SSA_OP_FMUL: return x * y;
    case SSA_OP_FDIV: return x / y;
    default: return -x;
    }
}

/* Folds the float op of v (arithmetic at the class's precision,
 * comparisons, conversions from integers) when its args are constants. */
static bool fold_float(Value *v) {
    double x, y = 0, r = 0;
    int64_t xi;
    bool is_float = v->cls == CLS_F32 || v->cls == CLS_F64;
    if (v->op == SSA_OP_CVT_I2F || v->op == SSA_OP_CVT_U2F) {
        if (!is_float || !ssa_int_const(v->args[0], &xi))
            return false;
        uint64_t u = zext(xi, v->args[0]->cls);
        if (v->cls == CLS_F32) /* one rounding, straight to float32 */
            make_float(v, v->op == SSA_OP_CVT_I2F ? (float)xi : (float)u);
        else
            make_float(v, v->op == SSA_OP_CVT_I2F ? (double)xi : (double)u);
        return true;
    }
    if (v->op == SSA_OP_CVT_F2F) {
        if (!is_float || !float_const(v->args[0], &x))
            return false;
        make_float(v, x);
        return true;
    }
    if (v->nargs < 1 || !float_const(v->args[0], &x) || (v->nargs == 2 && !float_const(v->args[1], &y)))
        return false;
    bool cmp = false;
    switch (v->op) {
    case SSA_OP_FADD: case SSA_OP_FSUB: case SSA_OP_FMUL: case SSA_OP_FDIV: case SSA_OP_FNEG:
        if (!is_float)
            return false;
        if (v->cls == CLS_F32) {
            r = f32_arith(v->op, (float)x, (float)y);
        } else {
            switch (v->op) {
            case SSA_OP_FADD: r = x + y; break;
            case SSA_OP_FSUB: r = x - y; break;
            case SSA_OP_FMUL: r = x * y; break;
            case SSA_OP_FDIV: r = x / y; break;
            default: r = -x; break;
            }
        }
        make_float(v, r);
        return true;
    case SSA_OP_FEQ: cmp = x == y; break;
    case SSA_OP_FNE: cmp = x != y; break;
    case SSA_OP_FLT: cmp = x < y; break;
    case SSA_OP_FLE: cmp = x <= y; break;
    case SSA_OP_FGT: cmp = x > y; break;
    case SSA_OP_FGE: cmp = x >= y; break;
    default: return false;
    }
    if (v->cls != CLS_B)
        return false;
    make_const(v, cmp);
    return true;
}

/* Whether op compares integers and is true when both sides are equal. */
static bool cmp_reflexive(int op) {
    return op == SSA_OP_EQ || op == SSA_OP_LE || op == SSA_OP_GE || op == SSA_OP_LEU || op == SSA_OP_GEU;
}

/* Whether op compares integers and is false when both sides are equal. */
static bool cmp_irreflexive(int op) {
    return op == SSA_OP_NE || op == SSA_OP_LT || op == SSA_OP_GT || op == SSA_OP_LTU || op == SSA_OP_GTU;
}

/* Applies the identities with one constant operand c (the other is x,
 * the constant on the right when right is set). */
static bool rewrite_with_const(SsaFunc *f, Value *v, Value *x, int64_t c, bool right) {
    int w = cls_width(v->cls);
    bool all_ones = zext(c, v->cls) == zext(-1, v->cls);
    switch (v->op) {
    case SSA_OP_ADD: case SSA_OP_OR: case SSA_OP_XOR:
        if (c == 0) { ssa_value_copy_of(f, v, x); return true; }
        if (v->op == SSA_OP_OR && all_ones) { make_const(v, -1); return true; }
        return false;
    case SSA_OP_MUL:
        if (c == 1) { ssa_value_copy_of(f, v, x); return true; }
        if (c == 0) { make_const(v, 0); return true; }
        return false;
    case SSA_OP_AND:
        if (all_ones) { ssa_value_copy_of(f, v, x); return true; }
        if (c == 0) { make_const(v, 0); return true; }
        return false;
    case SSA_OP_SUB: case SSA_OP_ANDNOT:
        if (right && c == 0) { ssa_value_copy_of(f, v, x); return true; }
        if (!right && c == 0 && v->op == SSA_OP_ANDNOT) { make_const(v, 0); return true; }
        if (right && all_ones && v->op == SSA_OP_ANDNOT) { make_const(v, 0); return true; }
        return false;
    case SSA_OP_SHL: case SSA_OP_SHRU: case SSA_OP_SHR: {
        if (!right) {
            if (c == 0 && v->op != SSA_OP_SHR) { make_const(v, 0); return true; }
            return false;
        }
        uint64_t count = zext(c, v->args[1]->cls);
        if (count == 0) { ssa_value_copy_of(f, v, x); return true; }
        if (count >= (uint64_t)w && v->op != SSA_OP_SHR) { make_const(v, 0); return true; }
        return false;
    }
    case SSA_OP_DIV: case SSA_OP_DIVU:
        if (right && c == 1) { ssa_value_copy_of(f, v, x); return true; }
        return false;
    case SSA_OP_MOD: case SSA_OP_MODU:
        if (right && (c == 1 || (c == -1 && v->op == SSA_OP_MOD))) { make_const(v, 0); return true; }
        return false;
    case SSA_OP_LTU:   /* x <u 0 */
        if (right && c == 0) { make_const(v, 0); return true; }
        return false;
    case SSA_OP_GEU:   /* x >=u 0 */
        if (right && c == 0) { make_const(v, 1); return true; }
        return false;
    default:
        return false;
    }
}

/* Applies the identities whose operands are the same value. */
static bool rewrite_same_args(SsaFunc *f, Value *v, Value *x) {
    switch (v->op) {
    case SSA_OP_SUB: case SSA_OP_XOR: case SSA_OP_ANDNOT:
        make_const(v, 0);
        return true;
    case SSA_OP_AND: case SSA_OP_OR:
        ssa_value_copy_of(f, v, x);
        return true;
    default:
        if (is_int_cls(x->cls) && cmp_reflexive(v->op)) { make_const(v, 1); return true; }
        if (is_int_cls(x->cls) && cmp_irreflexive(v->op)) { make_const(v, 0); return true; }
        return false;
    }
}

/* Folds or simplifies v; returns whether it changed. */
static bool fold_value(SsaFunc *f, Value *v) {
    unsigned flags = ssa_op_flags(v->op);
    if (!(flags & OPF_PURE) || v->op == SSA_OP_PHI || v->op == SSA_OP_COPY || v->op == SSA_OP_CONST)
        return false;
    if (v->cls == CLS_F32 || v->cls == CLS_F64 ||
        (v->nargs >= 1 && (ssa_skip_copies(v->args[0])->cls == CLS_F32 || ssa_skip_copies(v->args[0])->cls == CLS_F64)))
        return fold_float(v);
    if (v->nargs == 2 && v->op >= SSA_OP_ADD && v->op <= SSA_OP_GEU) {
        Value *a = ssa_skip_copies(v->args[0]), *b = ssa_skip_copies(v->args[1]);
        int64_t x, y, r;
        bool ca = ssa_int_const(a, &x), cb = ssa_int_const(b, &y);
        if (ca && cb) {
            if (!eval_binary(v, x, y, &r))
                return false;
            make_const(v, r);
            return true;
        }
        if (v->op == SSA_OP_EQ || v->op == SSA_OP_NE) {
            if (a->op == SSA_OP_CONST_NIL && b->op == SSA_OP_CONST_NIL) {
                make_const(v, v->op == SSA_OP_EQ);
                return true;
            }
        }
        if (a == b && v->op != SSA_OP_SHL && v->op != SSA_OP_SHR && v->op != SSA_OP_SHRU)
            return rewrite_same_args(f, v, a);
        if (cb)
            return rewrite_with_const(f, v, a, y, true);
        if (ca && (flags & OPF_COMMUTATIVE))
            return rewrite_with_const(f, v, b, x, true);
        if (ca)
            return rewrite_with_const(f, v, b, x, false);
        return false;
    }
    if (v->op == SSA_OP_OFFPTR && v->aux_int == 0) {
        ssa_value_copy_of(f, v, ssa_skip_copies(v->args[0]));
        return true;
    }
    if (v->op == SSA_OP_ADDPTR) {
        int64_t c;
        if (!ssa_int_const(v->args[1], &c) || c != 0)
            return false;
        ssa_value_copy_of(f, v, ssa_skip_copies(v->args[0]));
        return true;
    }
    if (v->nargs == 1) {
        Value *a = ssa_skip_copies(v->args[0]);
        int64_t x, r;
        if (ssa_int_const(a, &x)) {
            if (!eval_unary(v, x, &r))
                return false;
            make_const(v, r);
            return true;
        }
        /* involutions: --x, ^^x, !!x */
        if ((v->op == SSA_OP_NEG || v->op == SSA_OP_COM || v->op == SSA_OP_NOT) && a->op == v->op &&
            a->cls == v->cls) {
            ssa_value_copy_of(f, v, ssa_skip_copies(a->args[0]));
            return true;
        }
    }
    return false;
}

/* Turns an If on a constant into a Plain block to the taken successor.
 * Returns whether it did. */
static bool fold_branch(Block *b) {
    int64_t c;
    if (b->kind != BLOCK_IF || b->ncontrols != 1 || b->nsuccs != 2 || !ssa_int_const(b->controls[0], &c))
        return false;
    ssa_block_remove_succ(b, c ? 1 : 0);
    ssa_block_reset_controls(b);
    b->kind = BLOCK_PLAIN;
    b->likely = 0;
    return true;
}

/* The pass: folds to a fixed point, then folds branches, removes the
 * blocks they cut off and bypasses the copies left behind.  A fold only
 * reads the value's args and leaves a constant or a copy, which folds no
 * further; phis are not folded.  So when the blocks are in reverse
 * postorder (every arg of a non-phi seen before its user), one sweep
 * reaches the fixed point. */
void ssa_pass_constfold(SsaFunc *f) {
    for (int round = 0; round < 100; round++) {
        bool changed = false;
        for (int i = 0; i < f->nblocks; i++) {
            Block *b = f->blocks[i];
            for (int j = 0; j < b->nvalues; j++)
                changed |= fold_value(f, b->values[j]);
        }
        if (!changed || f->rpo_version == f->cfg_version)
            break;
    }
    bool cut = false;
    for (int i = 0; i < f->nblocks; i++)
        cut |= fold_branch(f->blocks[i]);
    if (cut)
        ssa_order_blocks(f);
    ssa_pass_copyelim(f);
}
